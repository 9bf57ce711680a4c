/* vp-window.c
 *
 * The window: an empty state inviting to open articles, then the
 * articles in columns side by side, a find bar over all of them, and
 * toasts for what went wrong. Files reach it from the file chooser, drag
 * and drop, the clipboard and the command line; all go through the
 * import queue, off the main thread, and come back in the order given.
 *
 * The window shows one VpWorkspace: its articles, in column order, and
 * its actors. The columns follow the workspace's list of articles, which
 * is the only place articles are added, closed or moved; the actors
 * panel, the filter bar, the highlights and the history menu follow its
 * actor set and its history. Replacing the workspace
 * (_vp_window_set_workspace(), as opening a workspace file does) brings
 * all of them along.
 *
 * Actions live in vp-window-actions.c, what concerns the actors in
 * vp-window-actors.c, drag and drop and pasting in vp-window-dnd.c, and
 * the workspace's file, saving and autosave in vp-window-save.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-find.h"
#include "vp-window-private.h"

/* Imports quicker than this show no progress at all: a bar that flashes
 * by only distracts. */
#define PROGRESS_DELAY_MS 300

enum {
  PROP_0,
  PROP_SHOW_OUTLINE,
  PROP_SYNC_SCROLL,
  PROP_SHOW_ACTORS,
  PROP_SHOW_FILTER,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VpWindow, vp_window, ADW_TYPE_APPLICATION_WINDOW)

/**
 * _vp_window_show_toast:
 * @message: plain text, not markup
 * @button_label: (nullable): a button's label, with its mnemonic
 * @action_name: (nullable): what the button does
 * @target: (nullable): the action's parameter
 *
 * Tells the reader what became of what they did. These toasts go before
 * older ones, which wait their turn: the last thing done is what the
 * reader is looking for.
 */
void
_vp_window_show_toast (VpWindow   *self,
                       const char *message,
                       const char *button_label,
                       const char *action_name,
                       GVariant   *target)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_debug ("%s", message);

  /* Closed meanwhile (a PDF export runs a main loop of its own): there
   * is no one left to tell. */
  if (self->toast_overlay == NULL)
    {
      if (target != NULL)
        g_variant_unref (g_variant_ref_sink (target));
      return;
    }

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, button_label != NULL ? 10 : 8);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

  if (button_label != NULL)
    {
      adw_toast_set_button_label (toast, button_label);
      adw_toast_set_action_name (toast, action_name);
      if (target != NULL)
        adw_toast_set_action_target_value (toast, target);
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_vp_window_show_message (VpWindow   *self,
                         const char *message)
{
  _vp_window_show_toast (self, message, NULL, NULL, NULL);
}

/* Every failure a user can cause is a GError whose message names the
 * file and says what is wrong; the window shows it as it is. */
void
_vp_window_show_error (VpWindow     *self,
                       const GError *error)
{
  _vp_window_show_message (self, error->message);
}

/* The column the keyboard's column shortcuts act on; its header is
 * marked, so that Ctrl+W never closes a surprise. */
static void
set_current_column (VpWindow        *self,
                    VpArticleColumn *column)
{
  if (self->current_column == column)
    return;

  if (self->current_column != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->current_column), "current");

  self->current_column = column;

  if (column != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (column), "current");
}

/**
 * _vp_window_focus_column:
 *
 * Makes @column the current one, and scrolls the columns to show it.
 */
void
_vp_window_focus_column (VpWindow        *self,
                         VpArticleColumn *column)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->columns_scroller);
  int x;
  int width;

  set_current_column (self, column);

  /* From the layout, not the allocation: a column scrolled out of view
   * has none. */
  if (vp_column_box_get_column_extent (self->column_box, GTK_WIDGET (column), &x, &width))
    gtk_adjustment_clamp_page (adjustment, x, x + width);
}

/* The folder of @file as GNOME shows it: ~ for the home folder. */
static char *
dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return NULL;

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    {
      g_autofree char *display = g_filename_display_name (relative);

      return g_build_filename ("~", display, NULL);
    }

  return g_file_get_parse_name (parent);
}

/**
 * _vp_window_update_title:
 *
 * Names the workspace in the title, marked while it has unsaved
 * changes; below it, the folder of its file, or how many articles it
 * has.
 */
void
_vp_window_update_title (VpWindow *self)
{
  guint n = vp_column_box_get_n_columns (self->column_box);
  g_autofree char *name = _vp_window_dup_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (name == NULL)
    title = g_strdup (_("Viewpoints"));
  else if (vp_workspace_get_modified (self->workspace))
    /* Translators: the title of a workspace with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  if (self->document != NULL)
    subtitle = dup_folder_name (self->document);
  else if (n > 0)
    subtitle = g_strdup_printf (ngettext ("%u Article", "%u Articles", n), n);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (name == NULL)
    window_title = g_strdup (_("Viewpoints"));
  else
    /* Translators: the window's title, for the list of windows: the
     * workspace's, then the application's name */
    window_title = g_strdup_printf (_("%s — Viewpoints"), title);

  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_columns (VpWindow *self)
{
  guint n = vp_column_box_get_n_columns (self->column_box);

  for (guint i = 0; i < n; i++)
    vp_article_column_set_place (VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, i)),
                                 i == 0, i + 1 == n);

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "columns" : "empty");
  _vp_window_update_title (self);
  _vp_window_update_actions (self);
}

static void
set_search_label (VpWindow *self)
{
  g_autofree char *text = NULL;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (needle[0] == '\0')
    text = g_strdup ("");
  else if (self->n_matches == 0)
    text = g_strdup (_("No matches"));
  else if (self->current_match < 0)
    text = g_strdup_printf (ngettext ("%u match", "%u matches", self->n_matches), self->n_matches);
  else
    /* Translators: the current match of a search, of all matches */
    text = g_strdup_printf (_("%d of %u"), self->current_match + 1, self->n_matches);

  gtk_label_set_text (self->search_label, text);
}

static void
update_search (VpWindow *self)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean active = gtk_search_bar_get_search_mode (self->search_bar) && needle[0] != '\0';
  guint n = vp_column_box_get_n_columns (self->column_box);

  self->n_matches = 0;
  self->current_match = -1;

  for (guint i = 0; i < n; i++)
    {
      VpArticleColumn *column = VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, i));
      VpArticleView *view = vp_article_column_get_article_view (column);

      if (active)
        {
          g_autoptr(GArray) matches = vp_find_in_article (vp_article_column_get_article (column),
                                                          needle);

          vp_article_view_set_matches (view, matches);
          vp_article_column_set_match_count (column, vp_article_view_get_n_matches (view));
          self->n_matches += vp_article_view_get_n_matches (view);
        }
      else
        {
          vp_article_view_set_matches (view, NULL);
          vp_article_column_set_match_count (column, -1);
        }
    }

  set_search_label (self);
  _vp_window_update_actions (self);
}

/**
 * _vp_window_find_step:
 * @delta: 1 for the next match, -1 for the previous one
 *
 * Steps through the matches of all columns, first column first, and
 * wraps around at either end.
 */
void
_vp_window_find_step (VpWindow *self,
                      int       delta)
{
  guint n = vp_column_box_get_n_columns (self->column_box);
  int local;

  if (self->n_matches == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (self->current_match < 0)
    self->current_match = delta > 0 ? 0 : (int)self->n_matches - 1;
  else
    self->current_match = (self->current_match + delta + (int)self->n_matches) %
                          (int)self->n_matches;

  local = self->current_match;

  for (guint i = 0; i < n; i++)
    {
      VpArticleColumn *column = VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, i));
      VpArticleView *view = vp_article_column_get_article_view (column);
      int count = vp_article_view_get_n_matches (view);

      vp_article_view_show_match (view, local >= 0 && local < count ? local : -1);

      /* The match may be in a column scrolled out of view. */
      if (local >= 0 && local < count)
        _vp_window_focus_column (self, column);

      local -= count;
    }

  set_search_label (self);
}

static void
search_changed_cb (VpWindow *self)
{
  update_search (self);
}

static void
search_activate_cb (VpWindow *self)
{
  _vp_window_find_step (self, 1);
}

static void
search_next_cb (VpWindow *self)
{
  _vp_window_find_step (self, 1);
}

static void
search_previous_cb (VpWindow *self)
{
  _vp_window_find_step (self, -1);
}

static void
search_mode_changed_cb (VpWindow *self)
{
  update_search (self);
}

static void
filter_changed_cb (VpWindow *self)
{
  _vp_window_update_filter (self);
}

static void
column_close_requested_cb (VpWindow        *self,
                           VpArticleColumn *column)
{
  _vp_window_close_column (self, column);
}

static void
column_print_requested_cb (VpWindow        *self,
                           VpArticleColumn *column)
{
  _vp_window_print (self, column);
}

static void
column_export_requested_cb (VpWindow        *self,
                            const char      *format,
                            VpArticleColumn *column)
{
  _vp_window_export (self, format, column);
}

static void
column_move_requested_cb (VpWindow        *self,
                          int              delta,
                          VpArticleColumn *column)
{
  _vp_window_move_column (self, column, delta);
}

/* With synchronised scrolling, a jump to a point of one article takes
 * every other article to the proposal matched with it, or else to its
 * own point of the same number: proposals line up across the columns. */
static void
column_point_jumped_cb (VpWindow        *self,
                        int              index,
                        VpArticleColumn *column)
{
  guint n = vp_column_box_get_n_columns (self->column_box);

  set_current_column (self, column);

  if (!self->sync_scroll)
    return;

  /* The jumps scroll every column; that is not a user's scroll for the
   * proportional following below to copy. */
  self->sync_paused_until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *other = vp_column_box_get_column (self->column_box, i);

      if (other != GTK_WIDGET (column))
        vp_article_column_jump_to_point (VP_ARTICLE_COLUMN (other),
                                         _vp_window_compare_match_point (self, column, index,
                                                                         VP_ARTICLE_COLUMN (other)),
                                         TRUE);
    }
}

/* Otherwise the columns follow each other in proportion: halfway down
 * one article is halfway down every other. */
static void
column_scrolled_cb (GtkAdjustment *adjustment,
                    VpWindow      *self)
{
  guint n = vp_column_box_get_n_columns (self->column_box);
  double range;
  double fraction;

  if (!self->sync_scroll || self->syncing || g_get_monotonic_time () < self->sync_paused_until)
    return;

  /* Only a column in sight and long enough to scroll has a position to
   * pass on. Others change their values without a user: one out of
   * sight lays out its text in the background with no height to show it
   * in, and a short one changes only when its size does. */
  range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  if (range <= 0 || gtk_adjustment_get_page_size (adjustment) <= 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      VpArticleColumn *column = VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, i));

      if (vp_article_column_get_vadjustment (column) == adjustment &&
          !gtk_widget_get_mapped (GTK_WIDGET (column)))
        return;
    }
  fraction = gtk_adjustment_get_value (adjustment) / range;

  self->syncing = TRUE;

  for (guint i = 0; i < n; i++)
    {
      VpArticleColumn *column = VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, i));
      GtkAdjustment *other = vp_article_column_get_vadjustment (column);

      if (other == adjustment)
        continue;

      /* A column out of sight is not laid out (VpColumnBox): it has no
       * height to take a share of, so it goes to the same share of its
       * text once it is. */
      if (gtk_widget_get_mapped (GTK_WIDGET (column)))
        gtk_adjustment_set_value (other, fraction * (gtk_adjustment_get_upper (other) -
                                                     gtk_adjustment_get_page_size (other)));
      else
        vp_article_view_scroll_to_fraction (vp_article_column_get_article_view (column), fraction);
    }

  self->syncing = FALSE;
}

static void
column_focus_enter_cb (GtkEventControllerFocus *controller,
                       VpWindow                *self)
{
  GtkWidget *column = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  /* The whole column comes into sight, not just the focused widget as
   * the viewport would have it: Tab into a column half out of sight
   * shows the column. */
  _vp_window_focus_column (self, VP_ARTICLE_COLUMN (column));
}

/**
 * _vp_window_find_column:
 *
 * Returns: (transfer none) (nullable): the column showing @article
 */
VpArticleColumn *
_vp_window_find_column (VpWindow  *self,
                        VpArticle *article)
{
  guint n = vp_column_box_get_n_columns (self->column_box);

  for (guint i = 0; i < n; i++)
    {
      VpArticleColumn *column = VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, i));

      if (vp_article_column_get_article (column) == article)
        return column;
    }

  return NULL;
}

static GtkWidget *
create_column (VpWindow  *self,
               VpArticle *article)
{
  GtkWidget *column;
  GtkEventController *focus;

  column = vp_article_column_new (article, self->workspace,
                                  g_hash_table_lookup (self->article_files, article));

  g_object_bind_property (self, "show-outline", column, "show-outline", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "zoom", column, "zoom", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (column, "close-requested",
                           G_CALLBACK (column_close_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (column, "move-requested",
                           G_CALLBACK (column_move_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (column, "point-jumped",
                           G_CALLBACK (column_point_jumped_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (column, "print-requested",
                           G_CALLBACK (column_print_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (column, "export-requested",
                           G_CALLBACK (column_export_requested_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp_article_column_get_vadjustment (VP_ARTICLE_COLUMN (column)),
                           "value-changed", G_CALLBACK (column_scrolled_cb), self, 0);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "enter", G_CALLBACK (column_focus_enter_cb), self, 0);
  gtk_widget_add_controller (column, focus);

  _vp_window_setup_column (self, VP_ARTICLE_COLUMN (column));

  return column;
}

/* Makes the columns what the workspace's articles are: one each, in the
 * same order. A column new to the window becomes the current one. */
static void
sync_columns (VpWindow *self)
{
  guint n_articles = self->workspace != NULL ? vp_workspace_get_n_articles (self->workspace) : 0;

  for (guint i = vp_column_box_get_n_columns (self->column_box); i-- > 0;)
    {
      GtkWidget *column = vp_column_box_get_column (self->column_box, i);
      VpArticle *article = vp_article_column_get_article (VP_ARTICLE_COLUMN (column));

      if (self->workspace != NULL && vp_workspace_find_article (self->workspace, article, NULL))
        continue;

      if (self->current_column == VP_ARTICLE_COLUMN (column))
        set_current_column (self, NULL);

      g_hash_table_remove (self->article_files, article);
      vp_column_box_remove (self->column_box, column);
    }

  for (guint i = 0; i < n_articles; i++)
    {
      VpArticle *article = vp_workspace_get_article (self->workspace, i);
      VpArticleColumn *column = _vp_window_find_column (self, article);

      if (column == NULL)
        {
          column = VP_ARTICLE_COLUMN (create_column (self, article));
          vp_column_box_append (self->column_box, GTK_WIDGET (column));
          set_current_column (self, column);
        }

      if (vp_column_box_get_position (self->column_box, GTK_WIDGET (column)) != (int)i)
        vp_column_box_move (self->column_box, GTK_WIDGET (column), i);
    }

  update_columns (self);
  update_search (self);
  _vp_window_update_filter (self);
}

static void
articles_changed_cb (VpWindow *self)
{
  sync_columns (self);
}

/**
 * _vp_window_add_article:
 * @article: an article that is in no workspace yet
 * @file: (nullable): the file it was read from; %NULL for pasted text
 *
 * Adds an article to the workspace, after the others, unless the window
 * is full or @file is open already: then the user hears why.
 *
 * Returns: whether the article was added
 */
gboolean
_vp_window_add_article (VpWindow  *self,
                        VpArticle *article,
                        GFile     *file)
{
  if (vp_workspace_get_n_articles (self->workspace) >= self->max_columns)
    {
      g_autofree char *message = NULL;

      /* Translators: %d is the most articles a window shows, %s an article's file */
      message = g_strdup_printf (_("%s: Viewpoints shows up to %d articles; "
                                   "close one to open another"),
                                 vp_article_get_source (article), (int)self->max_columns);
      _vp_window_show_message (self, message);
      return FALSE;
    }

  if (file != NULL && _vp_window_is_open (self, file))
    return FALSE;

  if (file != NULL)
    g_hash_table_insert (self->article_files, g_object_ref (article), g_object_ref (file));

  /* The workspace tags it with the actors as they are now, and the
   * columns follow. */
  vp_workspace_add_article (self->workspace, article);

  return TRUE;
}

void
_vp_window_close_column (VpWindow        *self,
                         VpArticleColumn *column)
{
  int position = vp_column_box_get_position (self->column_box, GTK_WIDGET (column));
  guint n;

  g_return_if_fail (position >= 0);

  if (self->current_column == column)
    set_current_column (self, NULL);

  vp_workspace_remove_article (self->workspace, vp_article_column_get_article (column));
  n = vp_column_box_get_n_columns (self->column_box);

  /* The neighbour takes the closed column's place as the current one,
   * so closing several in a row with Ctrl+W works from left to right. */
  if (self->current_column == NULL)
    {
      GtkWidget *next = n > 0 ? vp_column_box_get_column (self->column_box,
                                                          MIN ((guint)position, n - 1)) : NULL;

      set_current_column (self, next != NULL ? VP_ARTICLE_COLUMN (next) : NULL);
    }
}

void
_vp_window_move_column (VpWindow        *self,
                        VpArticleColumn *column,
                        int              delta)
{
  int position = vp_column_box_get_position (self->column_box, GTK_WIDGET (column));
  int target = position + delta;

  g_return_if_fail (position >= 0);

  if (target < 0 || target >= (int)vp_column_box_get_n_columns (self->column_box))
    return;

  /* The columns follow; the order of the matches follows theirs. */
  vp_workspace_move_article (self->workspace, position, target);
  set_current_column (self, column);
}

gboolean
_vp_window_is_open (VpWindow *self,
                    GFile    *file)
{
  GHashTableIter iter;
  gpointer value;

  if (self->document != NULL && g_file_equal (self->document, file))
    return TRUE;

  g_hash_table_iter_init (&iter, self->article_files);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (g_file_equal (value, file))
        return TRUE;
    }

  return FALSE;
}

void
_vp_window_set_zoom (VpWindow *self,
                     double    zoom)
{
  g_settings_set_double (self->settings, "text-scale", CLAMP (zoom, 0.5, 3.0));
}

static void
imported_cb (VpWindow      *self,
             VpArticle     *article,
             GFile         *file,
             VpImportQueue *queue)
{
  _vp_window_add_article (self, article, file);
}

static void
workspace_read_cb (VpWindow      *self,
                   VpWorkspace   *workspace,
                   GFile         *file,
                   VpImportQueue *queue)
{
  _vp_window_open_workspace (self, workspace, file);
}

static void
tagger_changed_cb (VpWindow *self)
{
  /* Imports started from now on tag with the new actors; those under
   * way are tagged again as they join the workspace. */
  vp_import_queue_set_tagger (self->imports, vp_workspace_get_tagger (self->workspace));
}

/**
 * _vp_window_set_workspace:
 * @workspace: the workspace to show
 *
 * Shows another workspace: its articles replace the columns, its actors
 * those of the panel, the filter bar and the highlights, and its history
 * the window's Undo and Redo. Files the window knows for articles of the
 * new workspace are kept.
 */
void
_vp_window_set_workspace (VpWindow    *self,
                          VpWorkspace *workspace)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (VP_IS_WINDOW (self));
  g_return_if_fail (VP_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  /* Columns are made for one workspace, whose operations they call. */
  set_current_column (self, NULL);
  while (vp_column_box_get_n_columns (self->column_box) > 0)
    vp_column_box_remove (self->column_box, vp_column_box_get_column (self->column_box, 0));

  g_set_object (&self->workspace, workspace);
  /* An undo toast of the old workspace undoes nothing in the new one. */
  self->history_serial++;

  g_hash_table_iter_init (&iter, self->article_files);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!vp_workspace_find_article (workspace, key, NULL))
      g_hash_table_iter_remove (&iter);

  g_signal_group_set_target (self->workspace_signals, workspace);
  g_signal_group_set_target (self->articles_signals, vp_workspace_get_articles (workspace));
  g_signal_group_set_target (self->actors_signals, vp_workspace_get_actors (workspace));
  vp_import_queue_set_tagger (self->imports, vp_workspace_get_tagger (workspace));

  _vp_window_follow_workspace (self);
  _vp_window_compare_follow_workspace (self);
  sync_columns (self);
}

static void
import_failed_cb (VpWindow      *self,
                  const GError  *error,
                  GFile         *file,
                  VpImportQueue *queue)
{
  if (!_vp_window_open_failed (self, error, file))
    _vp_window_show_error (self, error);
}

static gboolean
progress_pulse_cb (gpointer user_data)
{
  VpWindow *self = user_data;
  double progress = vp_import_queue_get_progress (self->imports);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);

  /* Until the first file is done there is nothing to count: pulse. */
  if (progress > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, progress);
  else
    gtk_progress_bar_pulse (self->progress_bar);

  return G_SOURCE_CONTINUE;
}

static gboolean
progress_delay_cb (gpointer user_data)
{
  VpWindow *self = user_data;

  progress_pulse_cb (self);
  self->progress_source = g_timeout_add (100, progress_pulse_cb, self);

  return G_SOURCE_REMOVE;
}

static void
imports_busy_changed_cb (VpWindow *self)
{
  gboolean busy = vp_import_queue_get_busy (self->imports);

  if (busy && self->progress_source == 0)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, progress_delay_cb, self);
    }
  else if (!busy)
    {
      g_clear_handle_id (&self->progress_source, g_source_remove);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
    }
}

static gboolean
vp_window_close_request (GtkWindow *window)
{
  VpWindow *self = VP_WINDOW (window);
  int width, height;

  /* Unsaved work: the reader is asked first, and the answer closes the
   * window or not. */
  if (!_vp_window_confirm_close (self))
    return TRUE;

  /* The last change to the actors, if it is still waiting. */
  _vp_window_flush_user_actors (self);

  /* GtkWindow keeps its current size as the default size. */
  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (vp_window_parent_class)->close_request (window);
}

static void
vp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VpWindow *self = VP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_OUTLINE:
      g_value_set_boolean (value, self->show_outline);
      break;

    case PROP_SYNC_SCROLL:
      g_value_set_boolean (value, self->sync_scroll);
      break;

    case PROP_SHOW_ACTORS:
      g_value_set_boolean (value, self->show_actors);
      break;

    case PROP_SHOW_FILTER:
      g_value_set_boolean (value, self->show_filter);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
update_zoom_label (VpWindow *self)
{
  g_autofree char *text = NULL;

  if (self->zoom_label == NULL)
    return;

  /* Translators: the text size in the main menu, e.g. "120%" */
  text = g_strdup_printf (_("%.0f%%"), self->zoom * 100);
  gtk_label_set_text (self->zoom_label, text);
}

static void
vp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VpWindow *self = VP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_OUTLINE:
      if (self->show_outline != g_value_get_boolean (value))
        {
          self->show_outline = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SYNC_SCROLL:
      if (self->sync_scroll != g_value_get_boolean (value))
        {
          self->sync_scroll = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_ACTORS:
      if (self->show_actors != g_value_get_boolean (value))
        {
          self->show_actors = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_FILTER:
      if (self->show_filter != g_value_get_boolean (value))
        {
          self->show_filter = g_value_get_boolean (value);
          /* A filter the reader cannot see would hide points without a
           * word: closing the bar clears it. */
          if (!self->show_filter)
            vp_filter_bar_clear (self->filter_bar);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_ZOOM:
      if (!G_APPROX_VALUE (self->zoom, g_value_get_double (value), 0.001))
        {
          self->zoom = g_value_get_double (value);
          update_zoom_label (self);
          _vp_window_update_actions (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_window_dispose (GObject *object)
{
  VpWindow *self = (VpWindow *)object;

  g_clear_handle_id (&self->progress_source, g_source_remove);

  _vp_window_save_dispose (self);

  if (self->settings != NULL)
    {
      g_settings_unbind (self, "show-outline");
      g_settings_unbind (self, "sync-scroll");
      g_settings_unbind (self, "show-actors");
      g_settings_unbind (self, "zoom");
    }

  self->zoom_label = NULL;
  self->current_column = NULL;

  _vp_window_actors_dispose (self);
  _vp_window_compare_dispose (self);

  if (self->imports != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->imports, self);
      vp_import_queue_cancel (self->imports);
    }

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (self->export_chooser);
  g_clear_object (&self->export_chooser);

  /* A print still running reports to no one. */
  if (self->print_operation != NULL)
    g_signal_handlers_disconnect_by_data (self->print_operation, self);
  g_clear_object (&self->print_operation);
  g_clear_object (&self->export_folder);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_WINDOW);

  if (self->workspace_signals != NULL)
    {
      g_signal_group_set_target (self->workspace_signals, NULL);
      g_signal_group_set_target (self->articles_signals, NULL);
      g_signal_group_set_target (self->actors_signals, NULL);
    }

  g_clear_object (&self->imports);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->articles_signals);
  g_clear_object (&self->actors_signals);
  g_clear_object (&self->workspace);
  g_clear_pointer (&self->article_files, g_hash_table_unref);

  G_OBJECT_CLASS (vp_window_parent_class)->dispose (object);
}

static void
vp_window_class_init (VpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = vp_window_get_property;
  object_class->set_property = vp_window_set_property;
  object_class->dispose = vp_window_dispose;

  window_class->close_request = vp_window_close_request;

  properties[PROP_SHOW_OUTLINE] =
    g_param_spec_boolean ("show-outline", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SYNC_SCROLL] =
    g_param_spec_boolean ("sync-scroll", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_ACTORS] =
    g_param_spec_boolean ("show-actors", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The filter bar; closing it clears the filter. */
  properties[PROP_SHOW_FILTER] =
    g_param_spec_boolean ("show-filter", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, search_label);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, columns_scroller);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, column_box);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, drop_revealer);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, actors_revealer);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, actors_panel);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, comparison_paned);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, comparison_view);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, history_section);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, file_section);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  _vp_window_class_actions_init (klass);
  _vp_window_class_actors_init (klass);
  _vp_window_class_save_init (klass);
  _vp_window_class_compare_init (klass);

  g_type_ensure (VP_TYPE_COLUMN_BOX);
  g_type_ensure (VP_TYPE_ACTORS_PANEL);
  g_type_ensure (VP_TYPE_FILTER_BAR);
  g_type_ensure (VP_TYPE_COMPARISON_VIEW);
}

static void
vp_window_init (VpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->max_columns = VP_WINDOW_MAX_COLUMNS;
  self->zoom = 1.0;
  self->show_outline = TRUE;
  self->current_match = -1;

  self->settings = g_settings_new (APP_ID);
  self->article_files = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->save_user_actors = TRUE;

  self->workspace_signals = g_signal_group_new (VP_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->workspace_signals, "notify::tagger",
                                  G_CALLBACK (tagger_changed_cb), self);
  self->articles_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->articles_signals, "items-changed",
                                  G_CALLBACK (articles_changed_cb), self);
  self->actors_signals = g_signal_group_new (VP_TYPE_ACTOR_SET);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "show-outline", self, "show-outline", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-scroll", self, "sync-scroll", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-actors", self, "show-actors", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "text-scale", self, "zoom", G_SETTINGS_BIND_GET);

  /* Typing anywhere in the window starts a search, as in GNOME's own
   * readers; the article views are read-only and have no use for keys. */
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  _vp_window_actions_init (self);
  _vp_window_actors_init (self);
  _vp_window_compare_init (self);
  _vp_window_dnd_init (self);
  _vp_window_save_init (self);

  /* The user's own actors, as new articles are tagged with. */
  {
    g_autoptr(VpActorSet) actors = _vp_window_load_user_actors (self);
    g_autoptr(VpWorkspace) workspace = vp_workspace_new (actors);

    self->imports = vp_import_queue_new (vp_workspace_get_tagger (workspace));
    g_signal_connect_object (self->imports, "imported",
                             G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->imports, "workspace-read",
                             G_CALLBACK (workspace_read_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->imports, "failed",
                             G_CALLBACK (import_failed_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->imports, "notify::busy",
                             G_CALLBACK (imports_busy_changed_cb), self, G_CONNECT_SWAPPED);

    _vp_window_set_workspace (self, workspace);
  }

  update_zoom_label (self);
  update_columns (self);
}

VpWindow *
vp_window_new (VpApplication *application)
{
  return g_object_new (VP_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * vp_window_open_files:
 *
 * Opens each file in a new column, in order, once imported. A file that
 * is already open, or that fails, is reported and skipped.
 */
void
vp_window_open_files (VpWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_return_if_fail (VP_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    {
      if (_vp_window_is_open (self, files[i]))
        {
          g_autofree char *name = g_file_get_basename (files[i]);
          g_autofree char *message = NULL;

          /* Translators: %s is a file's name */
          message = g_strdup_printf (_("%s is already open"), name);
          _vp_window_show_message (self, message);
          continue;
        }

      vp_import_queue_add_file (self->imports, files[i]);
    }
}

/**
 * vp_window_open_text:
 * @text: an article's text, as copied from a page
 *
 * Opens @text as a new article, named after the order of pasting.
 */
void
vp_window_open_text (VpWindow   *self,
                     const char *text)
{
  g_autofree char *source = NULL;

  g_return_if_fail (VP_IS_WINDOW (self));
  g_return_if_fail (text != NULL);

  self->n_pasted++;
  if (self->n_pasted == 1)
    source = g_strdup (_("Pasted Text"));
  else
    /* Translators: the name of the second, third… pasted article */
    source = g_strdup_printf (_("Pasted Text %u"), self->n_pasted);

  vp_import_queue_add_text (self->imports, text, source);
}

/**
 * vp_window_get_busy:
 *
 * Returns: whether imports are still running
 */
gboolean
vp_window_get_busy (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), FALSE);

  return vp_import_queue_get_busy (self->imports);
}

/**
 * vp_window_get_workspace:
 *
 * Returns: (transfer none): the workspace the window shows
 */
VpWorkspace *
vp_window_get_workspace (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), NULL);

  return self->workspace;
}

guint
vp_window_get_n_columns (VpWindow *self)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), 0);

  return vp_column_box_get_n_columns (self->column_box);
}

/**
 * vp_window_get_column:
 *
 * Returns: (transfer none) (nullable): the VpArticleColumn at @position
 */
GtkWidget *
vp_window_get_column (VpWindow *self,
                      guint     position)
{
  g_return_val_if_fail (VP_IS_WINDOW (self), NULL);

  return vp_column_box_get_column (self->column_box, position);
}
