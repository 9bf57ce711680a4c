/* vp-window-actions.c
 *
 * The window's actions. Their accelerators are set by the application
 * (vp-application.c), the shortcuts window lists them all
 * (vp-shortcuts-window.ui), and _vp_window_update_actions() is the one place
 * that decides which are enabled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-window-private.h"

#define ZOOM_STEP 0.1

static GtkFileFilter *
new_filter (const char         *name,
            const char * const *mime_types,
            const char * const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);

  return filter;
}

static void
chooser_response_cb (VpWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint n = g_list_model_get_n_items (files);
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));

      vp_window_open_files (self, (GFile **)array->pdata, array->len);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  static const char * const html_types[] = { "text/html", "application/xhtml+xml", NULL };
  static const char * const html_patterns[] = { "*.html", "*.htm", "*.xhtml", NULL };
  static const char * const text_types[] = { "text/plain", NULL };
  static const char * const text_patterns[] = { "*.txt", NULL };
  static const char * const workspace_patterns[] = { "*.viewpoints", NULL };
  static const char * const all_patterns[] = { "*", NULL };
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) supported = NULL;
  g_autoptr(GtkFileFilter) html = NULL;
  g_autoptr(GtkFileFilter) text = NULL;
  g_autoptr(GtkFileFilter) workspaces = NULL;
  g_autoptr(GtkFileFilter) all = NULL;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Open Articles"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  supported = new_filter (_("All Supported Files"), html_types, html_patterns);
  for (guint i = 0; text_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (supported, text_types[i]);
  gtk_file_filter_add_pattern (supported, "*.txt");
  gtk_file_filter_add_pattern (supported, "*.viewpoints");
  html = new_filter (_("Web Pages"), html_types, html_patterns);
  text = new_filter (_("Text Files"), text_types, text_patterns);
  workspaces = new_filter (_("Viewpoints Workspaces"), NULL, workspace_patterns);
  all = new_filter (_("All Files"), NULL, all_patterns);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), supported);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), html);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), text);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), workspaces);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), supported);

  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* The sample articles are installed with the application. A build that
 * is run in place finds them in the source tree instead, and
 * VIEWPOINTS_SAMPLES_DIR points anywhere else (the tests use it). */
static GFile *
find_samples_dir (void)
{
  const char *env = g_getenv ("VIEWPOINTS_SAMPLES_DIR");

  if (env != NULL && env[0] != '\0')
    return g_file_new_for_path (env);

  if (g_file_test (VP_SAMPLES_DIR, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (VP_SAMPLES_DIR);

  return g_file_new_for_path (VP_SOURCE_SAMPLES_DIR);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *path_a = g_file_get_path (*(GFile **)a);
  g_autofree char *path_b = g_file_get_path (*(GFile **)b);

  return g_strcmp0 (path_a, path_b);
}

/**
 * vp_window_open_samples:
 *
 * Opens the sample articles that come with Viewpoints.
 */
void
vp_window_open_samples (VpWindow *self)
{
  g_autoptr(GFile) dir = find_samples_dir ();
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  g_return_if_fail (VP_IS_WINDOW (self));

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);

  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_suffix (name, ".html"))
        g_ptr_array_add (files, g_file_get_child (dir, name));

      g_object_unref (info);
    }

  if (files->len == 0)
    {
      _vp_window_show_message (self, _("The sample articles are not installed"));
      return;
    }

  g_ptr_array_sort (files, compare_files);

  /* Those already open are left as they are, without a word. */
  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);

      if (!_vp_window_is_open (self, file))
        vp_window_open_files (self, &file, 1);
    }
}

static void
open_samples_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  vp_window_open_samples (VP_WINDOW (widget));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _vp_window_paste (VP_WINDOW (widget));
}

/**
 * _vp_window_get_current_column:
 *
 * Returns: (transfer none) (nullable): the column the keyboard shortcuts
 *   act on
 */
VpArticleColumn *
_vp_window_get_current_column (VpWindow *self)
{
  guint n = vp_column_box_get_n_columns (self->column_box);

  if (self->current_column != NULL &&
      vp_column_box_get_position (self->column_box, GTK_WIDGET (self->current_column)) >= 0)
    return self->current_column;

  /* Nothing was focused yet: the last column opened is the natural one. */
  if (n > 0)
    return VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, n - 1));

  return NULL;
}

static void
close_column_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  VpArticleColumn *column = _vp_window_get_current_column (self);

  if (column != NULL)
    _vp_window_close_column (self, column);
}

static void
move_column_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  VpArticleColumn *column = _vp_window_get_current_column (self);
  int delta = g_str_equal (action_name, "win.move-column-left") ? -1 : 1;

  if (column == NULL)
    return;

  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    delta = -delta;

  _vp_window_move_column (self, column, delta);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _vp_window_find_step (VP_WINDOW (widget), 1);
}

static void
find_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _vp_window_find_step (VP_WINDOW (widget), -1);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  if (g_str_equal (action_name, "win.zoom-in"))
    _vp_window_set_zoom (self, self->zoom + ZOOM_STEP);
  else if (g_str_equal (action_name, "win.zoom-out"))
    _vp_window_set_zoom (self, self->zoom - ZOOM_STEP);
  else
    _vp_window_set_zoom (self, 1.0);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _vp_window_print (VP_WINDOW (widget), NULL);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _vp_window_export (VP_WINDOW (widget), "pdf", NULL);
}

static void
export_outline_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *format = g_variant_get_string (parameter, NULL);

  /* The parameter comes from menus of our own, but an action can be
   * activated from outside too. */
  if (g_str_equal (format, "markdown") || g_str_equal (format, "json") ||
      g_str_equal (format, "csv"))
    _vp_window_export (VP_WINDOW (widget), format, NULL);
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _vp_window_open_exported (VP_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* GtkApplicationWindow would build the shortcuts window of
 * gtk/help-overlay.ui with every window; built the first time it is asked
 * for, it leaves the first frame about 15 ms sooner (vp-bench-startup). */
GtkShortcutsWindow *
_vp_window_ensure_shortcuts (VpWindow *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/example/Viewpoints/vp-shortcuts-window.ui");

      /* It also gives the window the action that shows it. */
      gtk_application_window_set_help_overlay (window,
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                                             "help_overlay")));
    }

  return gtk_application_window_get_help_overlay (window);
}

static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _vp_window_ensure_shortcuts (VP_WINDOW (widget));
  gtk_widget_activate_action (widget, "win.show-help-overlay", NULL);
}

void
_vp_window_class_actions_init (VpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-samples", NULL, open_samples_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "win.close-column", NULL, close_column_action);
  gtk_widget_class_install_action (widget_class, "win.move-column-left", NULL, move_column_action);
  gtk_widget_class_install_action (widget_class, "win.move-column-right", NULL, move_column_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, find_previous_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-outline", "s",
                                   export_outline_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);

  /* Ctrl+V is a binding, not an application accelerator: those run
   * before the focused widget, and would take pasting away from the
   * search entry. The article views pass it on themselves. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "win.paste", NULL);
}

/* The text size, in the main menu: smaller, the size (which resets it)
 * and larger, as in GNOME's editors and readers. */
static GtkWidget *
create_zoom_box (VpWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *out = gtk_button_new_from_icon_name ("zoom-out-symbolic");
  GtkWidget *reset = gtk_button_new ();
  GtkWidget *in = gtk_button_new_from_icon_name ("zoom-in-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "zoom-box");
  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (out), "win.zoom-out");
  gtk_widget_set_tooltip_text (out, _("Smaller Text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (out),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Smaller Text"), -1);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (reset), "win.zoom-reset");
  gtk_widget_set_tooltip_text (reset, _("Reset Text Size"));
  gtk_button_set_child (GTK_BUTTON (reset), label);
  gtk_widget_add_css_class (label, "numeric");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (in), "win.zoom-in");
  gtk_widget_set_tooltip_text (in, _("Larger Text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (in),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Larger Text"), -1);

  {
    GtkWidget *buttons[] = { out, reset, in };

    for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
      {
        gtk_widget_add_css_class (buttons[i], "flat");
        gtk_box_append (GTK_BOX (box), buttons[i]);
      }
  }

  self->zoom_label = GTK_LABEL (label);

  return box;
}

/* The toggles are stateful actions of the window's action map rather
 * than property actions of the class: GTK 4.8's menus show no check mark
 * for the latter. Their state follows the window's properties, which are
 * bound to the settings. */
static void
toggle_change_state_cb (GSimpleAction *action,
                        GVariant      *state,
                        VpWindow      *self)
{
  g_object_set (self, g_action_get_name (G_ACTION (action)), g_variant_get_boolean (state), NULL);
}

static void
toggle_property_notify_cb (VpWindow   *self,
                           GParamSpec *pspec,
                           GAction    *action)
{
  gboolean value;

  g_object_get (self, pspec->name, &value, NULL);
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (value));
}

static void
add_toggle_action (VpWindow   *self,
                   const char *property)
{
  g_autoptr(GSimpleAction) action = NULL;
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);
  gboolean value;

  g_object_get (self, property, &value, NULL);
  action = g_simple_action_new_stateful (property, NULL, g_variant_new_boolean (value));
  g_signal_connect_object (action, "change-state", G_CALLBACK (toggle_change_state_cb), self, 0);
  g_signal_connect_object (self, signal, G_CALLBACK (toggle_property_notify_cb), action, 0);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
}

void
_vp_window_actions_init (VpWindow *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->menu_button);

  add_toggle_action (self, "show-outline");
  add_toggle_action (self, "sync-scroll");
  add_toggle_action (self, "show-actors");
  add_toggle_action (self, "show-filter");

  if (GTK_IS_POPOVER_MENU (popover))
    gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), create_zoom_box (self), "zoom");
}

void
_vp_window_update_actions (VpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = self->column_box != NULL ? vp_column_box_get_n_columns (self->column_box) : 0;

  gtk_widget_action_set_enabled (widget, "win.close-column", n > 0);
  gtk_widget_action_set_enabled (widget, "win.move-column-left", n > 1);
  gtk_widget_action_set_enabled (widget, "win.move-column-right", n > 1);
  gtk_widget_action_set_enabled (widget, "win.find", n > 0);
  gtk_widget_action_set_enabled (widget, "win.find-next", self->n_matches > 0);
  gtk_widget_action_set_enabled (widget, "win.find-previous", self->n_matches > 0);
  gtk_widget_action_set_enabled (widget, "win.zoom-in", self->zoom < 3.0 - 0.001);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", self->zoom > 0.5 + 0.001);

  /* One print or PDF at a time. */
  gtk_widget_action_set_enabled (widget, "win.print", n > 0 && self->print_operation == NULL);
  gtk_widget_action_set_enabled (widget, "win.export-pdf", n > 0 && self->print_operation == NULL);
  gtk_widget_action_set_enabled (widget, "win.export-outline",
                                 n > 0 && self->print_operation == NULL);

  /* One save at a time; a workspace with neither articles nor a file has
   * nothing to save. */
  gtk_widget_action_set_enabled (widget, "win.save",
                                 !self->saving && (n > 0 || self->document != NULL));
  gtk_widget_action_set_enabled (widget, "win.save-as",
                                 !self->saving && (n > 0 || self->document != NULL));

  /* The workspace's history, and the corrections that need an article. */
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 self->workspace != NULL && vp_workspace_can_undo (self->workspace));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 self->workspace != NULL && vp_workspace_can_redo (self->workspace));
  gtk_widget_action_set_enabled (widget, "win.tag-selection", n > 0);
  gtk_widget_action_set_enabled (widget, "win.clear-filter",
                                 self->filter_bar != NULL && self->show_filter);
  _vp_window_compare_update_actions (self);
}
