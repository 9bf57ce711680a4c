/* vp-article-column.c
 *
 * One article in the window: a header naming it, its outline in a
 * sidebar and its body in reader mode. The column keeps the two in step:
 * activating a point scrolls the body to it, and scrolling the body marks
 * the point being read.
 *
 * The column does not know the window. Its own actions (close, move,
 * print, export) become signals the window handles, since only the
 * window knows where the column stands among the others, and prints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-article-column"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "vp-article-column.h"
#include "vp-outline-item.h"
#include "vp-tooltip.h"

/* The widest the text gets at normal size: about 75 characters, the
 * measure that reads comfortably. */
#define MEASURE 720

struct _VpArticleColumn
{
  GtkWidget           parent_instance;

  VpArticle          *article;
  VpWorkspace        *workspace;
  GFile              *file;
  gboolean            show_outline;

  /* The block the user last jumped to: it stays the current point while
   * it is on screen, even if a later point starts higher up. */
  int                 pinned_block;
  guint               scroll_idle;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkLabel           *byline_label;
  GtkLabel           *source_label;
  GtkLabel           *match_label;
  AdwFlap            *flap;
  VpOutlineView      *outline_view;
  GtkScrolledWindow  *scroller;
  AdwClampScrollable *clamp;
  VpArticleView      *article_view;
};

enum {
  PROP_0,
  PROP_SHOW_OUTLINE,
  PROP_ZOOM,
  N_PROPS
};

enum {
  CLOSE_REQUESTED,
  MOVE_REQUESTED,
  POINT_JUMPED,
  PRINT_REQUESTED,
  EXPORT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpArticleColumn, vp_article_column, GTK_TYPE_WIDGET)

static char *
format_date (const char *published)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (published == NULL || sscanf (published, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup (published);

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (published);

  /* Translators: how an article's publication date is shown, in
   * g_date_time_format() notation; e.g. "%-d %B %Y" or "%B %-d, %Y" */
  return g_date_time_format (date, C_("article date", "%-d %B %Y"));
}

static char *
format_byline (VpArticle *article)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char * const *authors = vp_article_get_authors (article);
  const char *outlet = vp_article_get_outlet (article);
  g_autofree char *date = format_date (vp_article_get_published (article));

  if (outlet == NULL)
    outlet = vp_article_get_site (article);

  if (authors != NULL && authors[0] != NULL)
    /* Translators: the separator between the names of an article's authors */
    g_ptr_array_add (parts, g_strjoinv (_(", "), (char **)authors));
  if (outlet != NULL && outlet[0] != '\0')
    g_ptr_array_add (parts, g_strdup (outlet));
  if (date != NULL && date[0] != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&date));

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static void
update_header (VpArticleColumn *self)
{
  g_autofree char *byline = format_byline (self->article);
  g_autofree char *source_name = NULL;
  const char *source = vp_article_get_source (self->article);

  if (self->file != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (self->file);

      source_name = g_file_get_basename (self->file);
      vp_tooltip_set_text (GTK_WIDGET (self->source_label), path);
    }
  else
    source_name = g_strdup (source);

  gtk_label_set_text (self->title_label, vp_article_column_get_title (self));
  vp_tooltip_set_text (GTK_WIDGET (self->title_label), vp_article_column_get_title (self));
  gtk_label_set_text (self->byline_label, byline);
  gtk_widget_set_visible (GTK_WIDGET (self->byline_label), byline[0] != '\0');
  gtk_label_set_text (self->source_label, source_name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, vp_article_column_get_title (self),
                                  -1);
}

static gboolean
update_current_point_cb (gpointer user_data)
{
  VpArticleColumn *self = user_data;

  self->scroll_idle = 0;

  if (self->pinned_block >= 0 &&
      vp_article_view_block_is_visible (self->article_view, self->pinned_block))
    return G_SOURCE_REMOVE;

  self->pinned_block = -1;
  vp_outline_view_set_current_block (self->outline_view,
                                     vp_article_view_get_top_block (self->article_view));

  return G_SOURCE_REMOVE;
}

static void
scrolled_cb (VpArticleColumn *self)
{
  /* Wait for the scrolling to pause: a fling crosses many points, and
   * only where it stops matters. */
  if (self->scroll_idle != 0)
    g_source_remove (self->scroll_idle);

  self->scroll_idle = g_timeout_add (60, update_current_point_cb, self);
}

static void
jump_to_node (VpArticleColumn *self,
              GObject         *node,
              gboolean         highlight)
{
  int block = vp_outline_view_get_node_block (self->outline_view, node);

  if (block < 0)
    return;

  self->pinned_block = block;
  vp_article_view_scroll_to_block (self->article_view, block, highlight);
}

static void
node_activated_cb (VpArticleColumn *self,
                   GObject         *node)
{
  jump_to_node (self, node, TRUE);

  if (VP_IS_OUTLINE_ITEM (node))
    {
      int index = vp_outline_view_get_point_index (self->outline_view, VP_OUTLINE_ITEM (node));

      if (index >= 0)
        g_signal_emit (self, signals[POINT_JUMPED], 0, index);
    }
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE_REQUESTED], 0);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  int delta = g_str_equal (action_name, "column.move-left") ? -1 : 1;

  /* In a right-to-left layout the first column is on the right. */
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;

  g_signal_emit (widget, signals[MOVE_REQUESTED], 0, delta);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[PRINT_REQUESTED], 0);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_signal_emit (widget, signals[EXPORT_REQUESTED], 0, g_variant_get_string (parameter, NULL));
}

static void
set_show_outline (VpArticleColumn *self,
                  gboolean         show_outline)
{
  show_outline = !!show_outline;

  if (self->show_outline == show_outline)
    return;

  self->show_outline = show_outline;
  adw_flap_set_reveal_flap (self->flap, show_outline);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_OUTLINE]);
}

static void
zoom_changed_cb (VpArticleColumn *self)
{
  double zoom = vp_article_view_get_zoom (self->article_view);

  adw_clamp_scrollable_set_maximum_size (self->clamp, MEASURE * zoom);
  adw_clamp_scrollable_set_tightening_threshold (self->clamp, MEASURE * zoom * 0.75);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
vp_article_column_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VpArticleColumn *self = VP_ARTICLE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SHOW_OUTLINE:
      g_value_set_boolean (value, self->show_outline);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, vp_article_view_get_zoom (self->article_view));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_article_column_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VpArticleColumn *self = VP_ARTICLE_COLUMN (object);

  switch (prop_id)
    {
    case PROP_SHOW_OUTLINE:
      set_show_outline (self, g_value_get_boolean (value));
      break;

    case PROP_ZOOM:
      vp_article_view_set_zoom (self->article_view, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_article_column_dispose (GObject *object)
{
  VpArticleColumn *self = (VpArticleColumn *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->scroll_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_ARTICLE_COLUMN);

  /* The template's root box is not bound, so it is not disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->article);
  g_clear_object (&self->workspace);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (vp_article_column_parent_class)->dispose (object);
}

static void
vp_article_column_class_init (VpArticleColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = vp_article_column_get_property;
  object_class->set_property = vp_article_column_set_property;
  object_class->dispose = vp_article_column_dispose;

  properties[PROP_SHOW_OUTLINE] =
    g_param_spec_boolean ("show-outline", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpArticleColumn::close-requested:
   *
   * The user asked to close the column.
   */
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * VpArticleColumn::move-requested:
   * @delta: -1 to move towards the first column, 1 towards the last
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * VpArticleColumn::point-jumped:
   * @index: the point's place among the article's points
   *
   * The user jumped to a point of the outline.
   */
  signals[POINT_JUMPED] =
    g_signal_new ("point-jumped",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * VpArticleColumn::print-requested:
   *
   * The user asked to print the column's outline.
   */
  signals[PRINT_REQUESTED] =
    g_signal_new ("print-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * VpArticleColumn::export-requested:
   * @format: "pdf", "markdown", "json" or "csv"
   *
   * The user asked to export the column's outline.
   */
  signals[EXPORT_REQUESTED] =
    g_signal_new ("export-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-article-column.ui");
  gtk_widget_class_bind_template_child (widget_class, VpArticleColumn, title_label);
  gtk_widget_class_bind_template_child (widget_class, VpArticleColumn, byline_label);
  gtk_widget_class_bind_template_child (widget_class, VpArticleColumn, source_label);
  gtk_widget_class_bind_template_child (widget_class, VpArticleColumn, match_label);
  gtk_widget_class_bind_template_child (widget_class, VpArticleColumn, flap);
  gtk_widget_class_bind_template_child (widget_class, VpArticleColumn, outline_view);
  gtk_widget_class_bind_template_child (widget_class, VpArticleColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, VpArticleColumn, clamp);
  gtk_widget_class_bind_template_child (widget_class, VpArticleColumn, article_view);
  gtk_widget_class_bind_template_callback (widget_class, node_activated_cb);

  gtk_widget_class_install_action (widget_class, "column.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "column.move-left", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "column.move-right", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "column.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "column.export", "s", export_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articlecolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (VP_TYPE_ARTICLE_VIEW);
  g_type_ensure (VP_TYPE_OUTLINE_VIEW);
}

static void
vp_article_column_init (VpArticleColumn *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->show_outline = TRUE;
  self->pinned_block = -1;

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller),
                           "value-changed", G_CALLBACK (scrolled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->article_view, "notify::zoom",
                           G_CALLBACK (zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * vp_article_column_new:
 * @article: one of @workspace's articles
 * @workspace: the workspace the reader's corrections go to
 * @file: (nullable): the file the article came from; %NULL for pasted text
 */
GtkWidget *
vp_article_column_new (VpArticle   *article,
                       VpWorkspace *workspace,
                       GFile       *file)
{
  VpArticleColumn *self;

  g_return_val_if_fail (VP_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (VP_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (VP_TYPE_ARTICLE_COLUMN, NULL);
  self->article = g_object_ref (article);
  self->workspace = g_object_ref (workspace);
  g_set_object (&self->file, file);

  update_header (self);
  vp_article_view_set_article (self->article_view, article, workspace);
  vp_outline_view_set_article (self->outline_view, article, workspace);

  return GTK_WIDGET (self);
}

/**
 * vp_article_column_get_article:
 *
 * Returns: (transfer none): the article shown
 */
VpArticle *
vp_article_column_get_article (VpArticleColumn *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_COLUMN (self), NULL);

  return self->article;
}

/**
 * vp_article_column_get_file:
 *
 * Returns: (transfer none) (nullable): the file the article came from
 */
GFile *
vp_article_column_get_file (VpArticleColumn *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_COLUMN (self), NULL);

  return self->file;
}

/**
 * vp_article_column_get_article_view:
 *
 * Returns: (transfer none): the view of the body
 */
VpArticleView *
vp_article_column_get_article_view (VpArticleColumn *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_COLUMN (self), NULL);

  return self->article_view;
}

/**
 * vp_article_column_get_outline_view:
 *
 * Returns: (transfer none): the outline sidebar
 */
VpOutlineView *
vp_article_column_get_outline_view (VpArticleColumn *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_COLUMN (self), NULL);

  return self->outline_view;
}

/**
 * vp_article_column_get_vadjustment:
 *
 * Returns: (transfer none): the vertical scroll position of the body
 */
GtkAdjustment *
vp_article_column_get_vadjustment (VpArticleColumn *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_COLUMN (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/**
 * vp_article_column_get_title:
 *
 * Returns: the article's title, or its file's name when it has none
 */
const char *
vp_article_column_get_title (VpArticleColumn *self)
{
  const char *title;

  g_return_val_if_fail (VP_IS_ARTICLE_COLUMN (self), NULL);

  title = vp_article_get_title (self->article);
  if (title == NULL || title[0] == '\0')
    title = vp_article_get_source (self->article);

  return title;
}

/**
 * vp_article_column_set_match_count:
 * @n_matches: the matches of the current search, or -1 when not searching
 */
void
vp_article_column_set_match_count (VpArticleColumn *self,
                                   int              n_matches)
{
  g_autofree char *text = NULL;

  g_return_if_fail (VP_IS_ARTICLE_COLUMN (self));

  if (n_matches < 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->match_label), FALSE);
      return;
    }

  if (n_matches == 0)
    text = g_strdup (_("No matches"));
  else
    text = g_strdup_printf (ngettext ("%d match", "%d matches", n_matches), n_matches);

  gtk_label_set_text (self->match_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->match_label), TRUE);

  if (n_matches == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->match_label), "none");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->match_label), "none");
}

/**
 * vp_article_column_set_place:
 *
 * Tells the column whether it is the first or last, so it offers only
 * the moves it can make.
 */
void
vp_article_column_set_place (VpArticleColumn *self,
                             gboolean         first,
                             gboolean         last)
{
  gboolean rtl;

  g_return_if_fail (VP_IS_ARTICLE_COLUMN (self));

  rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "column.move-left", rtl ? !last : !first);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "column.move-right", rtl ? !first : !last);
}

/**
 * vp_article_column_jump_to_point:
 * @index: a point's place among the article's points
 *
 * Scrolls the body to a point and marks it in the outline, as activating
 * it does, without telling anyone: this is how other columns follow.
 */
void
vp_article_column_jump_to_point (VpArticleColumn *self,
                                 guint            index,
                                 gboolean         highlight)
{
  VpOutlineItem *item;

  g_return_if_fail (VP_IS_ARTICLE_COLUMN (self));

  item = vp_outline_view_get_point (self->outline_view, index);
  if (item == NULL)
    return;

  vp_outline_view_set_current_node (self->outline_view, G_OBJECT (item));
  jump_to_node (self, G_OBJECT (item), highlight);
}
