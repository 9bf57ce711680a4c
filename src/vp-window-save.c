/* vp-window-save.c
 *
 * Keeping the work: the file the window's workspace was opened from or
 * saved to (its document), Save and Save As, workspace files arriving
 * from the import queue, Open Recent, the question before unsaved work is
 * closed, and the autosave that keeps that work safe from a crash until
 * then.
 *
 * Saves are written in a worker thread (vp_workspace_save_async()), of
 * the state as it was when they began: the core replaces the file whole
 * or not at all and keeps the previous version as a backup, so a failure
 * leaves both the file on the disk and the work in the window as they
 * were, and the toast says why.
 *
 * Autosave follows the workspace's ::changed: the first change not yet
 * autosaved starts a timer (the "autosave-interval" setting), and when it
 * fires the workspace is written, without a backup, to the window's own
 * autosave in $XDG_STATE_HOME/viewpoints (vp-autosave.c). Saving the work,
 * discarding it, or undoing back to the saved state deletes the
 * autosave. What is left after a crash is found by the next start's
 * first window (vp_window_restore_autosave()), which reads it back
 * through the import queue before any file it was given, and says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-window-save"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vp-mnemonic.h"
#include "vp-window-private.h"
#include "vp-workspace-io.h"

/* How many workspaces Open Recent offers. */
#define RECENT_MAX 10

/* Longer names are cut in the name Save As proposes. */
#define DEFAULT_NAME_MAX 80

static void update_autosave (VpWindow *self);
static void start_autosave  (VpWindow *self);

/**
 * _vp_window_needs_saving:
 *
 * Returns: whether closing the window would lose work: the workspace
 *   changed since it was saved, and has articles
 */
gboolean
_vp_window_needs_saving (VpWindow *self)
{
  return self->workspace != NULL &&
         vp_workspace_get_modified (self->workspace) &&
         vp_workspace_get_n_articles (self->workspace) > 0;
}

/**
 * _vp_window_dup_display_name:
 *
 * Returns: (transfer full) (nullable): what the window calls its
 *   workspace: the name the reader gave it, or its file's name, or
 *   “Unsaved Workspace” once it has articles; %NULL for an empty window
 */
char *
_vp_window_dup_display_name (VpWindow *self)
{
  const char *name = self->workspace != NULL ? vp_workspace_get_name (self->workspace) : NULL;

  if (name != NULL)
    return g_strdup (name);

  if (self->document != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->document);
      char *display = g_filename_display_name (basename);
      gsize length = strlen (display);

      if (g_str_has_suffix (display, VP_WORKSPACE_SUFFIX) &&
          length > strlen (VP_WORKSPACE_SUFFIX))
        display[length - strlen (VP_WORKSPACE_SUFFIX)] = '\0';

      return display;
    }

  if (self->workspace != NULL && vp_workspace_get_n_articles (self->workspace) > 0)
    return g_strdup (_("Unsaved Workspace"));

  return NULL;
}

/* Open Recent */

static gboolean
is_workspace (GtkRecentInfo *info)
{
  return g_strcmp0 (gtk_recent_info_get_mime_type (info), VP_WORKSPACE_MIME_TYPE) == 0 ||
         g_str_has_suffix (gtk_recent_info_get_uri (info), VP_WORKSPACE_SUFFIX);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo * const *)a;
  GtkRecentInfo *info_b = *(GtkRecentInfo * const *)b;

  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

/* The workspaces the user opened or saved last, from GNOME's list of
 * recent files, in the main menu; the submenu is there only when there
 * is something in it. */
static void
update_recent_menu (VpWindow *self)
{
  GList *items;
  g_autoptr(GPtrArray) workspaces = NULL;

  if (self->recent_menu == NULL)
    return;

  items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  workspaces = g_ptr_array_new ();

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (is_workspace (info) && gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (workspaces, info);
    }

  g_ptr_array_sort (workspaces, compare_newest_first);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < MIN (workspaces->len, RECENT_MAX); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (workspaces, i);
      g_autofree char *label = vp_escape_mnemonic (gtk_recent_info_get_display_name (info));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (self->recent_menu, item);
    }

  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);

  if (workspaces->len > 0 && !self->recent_shown)
    {
      g_autoptr(GMenuItem) submenu = g_menu_item_new_submenu (_("Open _Recent"),
                                                              G_MENU_MODEL (self->recent_menu));

      /* Right after Open… */
      g_menu_insert_item (self->file_section, 1, submenu);
      self->recent_shown = TRUE;
    }
  else if (workspaces->len == 0 && self->recent_shown)
    {
      g_menu_remove (self->file_section, 1);
      self->recent_shown = FALSE;
    }
}

static void
add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname () != NULL ? g_get_prgname () :
                                                                            "viewpoints");
  GtkRecentData data = { 0, };

  data.mime_type = (char *)VP_WORKSPACE_MIME_TYPE;
  data.app_name = (char *)(g_get_application_name () != NULL ? g_get_application_name () :
                                                               "viewpoints");
  data.app_exec = exec;

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  /* A file gone since is reported as any file that cannot be read. */
  vp_window_open_files (VP_WINDOW (widget), &file, 1);
}

/* The view */

/**
 * _vp_window_store_view:
 *
 * Puts what the window shows of the workspace into it, to be saved
 * with it: the actors the outlines are filtered by, and the outline
 * nodes the reader collapsed or expanded again. Neither makes the
 * workspace modified.
 */
void
_vp_window_store_view (VpWindow *self)
{
  g_auto(GStrv) chosen = vp_filter_bar_dup_chosen (self->filter_bar);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *filter = vp_workspace_get_filter (self->workspace);
  g_auto(GStrv) ids = NULL;
  guint n = vp_column_box_get_n_columns (self->column_box);

  g_strv_builder_addv (builder, (const char **)chosen);

  /* Actors the bar has no chip for (switched off, or gone from the set)
   * keep their place in the filter, as the workspace keeps their tags. */
  for (guint i = 0; filter[i] != NULL; i++)
    if (vp_filter_bar_get_chip (self->filter_bar, filter[i]) == NULL)
      g_strv_builder_add (builder, filter[i]);

  ids = g_strv_builder_end (builder);
  vp_workspace_set_filter (self->workspace, (const char * const *)ids);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *column = vp_column_box_get_column (self->column_box, i);

      vp_outline_view_store_expanded (vp_article_column_get_outline_view (VP_ARTICLE_COLUMN (column)));
    }
}

/* The outline nodes come back as their columns are made (see
 * vp_outline_view_set_article()); the filter is the bar's. */
static void
apply_filter (VpWindow           *self,
              const char * const *ids)
{
  vp_filter_bar_clear (self->filter_bar);

  for (guint i = 0; ids[i] != NULL; i++)
    vp_filter_bar_set_chosen (self->filter_bar, ids[i], TRUE);
}

/* Opening workspace files */

/* Makes @workspace the window's, with @document as its file. */
static void
take_workspace (VpWindow    *self,
                VpWorkspace *workspace,
                GFile       *document,
                gboolean     user_actors)
{
  g_auto(GStrv) filter = g_strdupv ((char **)vp_workspace_get_filter (workspace));

  /* A change to the user's actors still waiting is saved to their set
   * first. A workspace from a file keeps its actors to itself: a
   * colleague's must not replace the reader's own. */
  _vp_window_flush_user_actors (self);
  self->save_user_actors = user_actors;

  g_set_object (&self->document, document);
  _vp_window_set_workspace (self, workspace);
  apply_filter (self, (const char * const *)filter);

  _vp_window_update_title (self);
  _vp_window_update_actions (self);
  update_autosave (self);
}

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int year, month, day;
  int now_year, now_month, now_day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_time_get_ymd (now, &now_year, &now_month, &now_day);

  if (year == now_year && month == now_month && day == now_day)
    /* Translators: a time today, as g_date_time_format() writes it.
     * xgettext:no-c-format */
    return g_date_time_format (local, _("%H:%M"));

  /* Translators: a day and a time, as g_date_time_format() writes them.
   * xgettext:no-c-format */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* What a window that is gone left unsaved comes back as it was: the
 * articles, the view, the document it belongs to, and unsaved. */
static void
restore (VpWindow    *self,
         VpWorkspace *workspace)
{
  g_autoptr(VpAutosave) autosave = g_steal_pointer (&self->restoring);
  GFile *document = vp_autosave_get_document (autosave);
  GDateTime *time = vp_autosave_get_time (autosave);
  g_autofree char *message = NULL;

  if (vp_workspace_get_n_articles (self->workspace) == 0)
    {
      /* Unsaved work without a file was the reader's own, and so were
       * its actors. */
      take_workspace (self, workspace, document, document == NULL);
    }
  else
    {
      /* Only files opened before it can come first, which the first
       * window never has; still, nothing is dropped. */
      vp_workspace_merge (self->workspace, workspace);
    }

  vp_workspace_set_modified (self->workspace, TRUE);

  if (self->autosave == NULL)
    {
      /* It is this window's autosave now, lock and all: should the window
       * crash again before its next autosave, the work is found again. */
      self->autosave = g_steal_pointer (&autosave);
      self->autosaved_serial = self->change_serial;
    }
  else
    {
      /* The window keeps its own; the work restored goes into it. */
      start_autosave (self);
      vp_autosave_discard (autosave);
    }

  if (time != NULL)
    {
      g_autofree char *when = format_time (time);

      /* Translators: %s is when the work was last kept, a time today
       * ("14:05") or a day and a time */
      message = g_strdup_printf (_("Unsaved work from %s was restored"), when);
    }
  else
    message = g_strdup (_("Unsaved work was restored"));

  self->restored_serial = self->history_serial;
  _vp_window_show_toast (self, message, _("_Discard"), "win.discard-restored",
              g_variant_new_uint64 (self->restored_serial));
}

static gboolean
is_restoring (VpWindow *self,
              GFile    *file)
{
  g_autoptr(GFile) restoring = NULL;

  if (self->restoring == NULL || file == NULL)
    return FALSE;

  restoring = vp_autosave_get_file (self->restoring);

  return g_file_equal (file, restoring);
}

/**
 * _vp_window_open_workspace:
 * @workspace: a workspace the import queue read, in no window yet
 * @file: the file it was read from
 *
 * An empty window takes a workspace file as its own: its articles, its
 * actors and its view, with the file as its document. A window with
 * articles adds those of the file to its own, with what the reader said
 * about them (see vp_workspace_merge()).
 */
void
_vp_window_open_workspace (VpWindow    *self,
                           VpWorkspace *workspace,
                           GFile       *file)
{
  guint n_articles = vp_workspace_get_n_articles (self->workspace);
  guint n_more = vp_workspace_get_n_articles (workspace);

  if (is_restoring (self, file))
    {
      restore (self, workspace);
      return;
    }

  if (self->document != NULL && g_file_equal (file, self->document))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: %s is a file's name */
      message = g_strdup_printf (_("%s is already open"), name);
      _vp_window_show_message (self, message);
      return;
    }

  if (n_articles == 0)
    {
      take_workspace (self, workspace, file, FALSE);
    }
  else if (n_articles + n_more > self->max_columns)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      /* Translators: %s is a workspace file, %u how many articles it has,
       * %d the most a window shows */
      message = g_strdup_printf (ngettext ("%s: its %u article would make more than the %d "
                                           "Viewpoints shows; close some articles to add it",
                                           "%s: its %u articles would make more than the %d "
                                           "Viewpoints shows; close some articles to add them",
                                           n_more),
                                 name, n_more, (int)self->max_columns);
      _vp_window_show_message (self, message);
      return;
    }
  else
    {
      vp_workspace_merge (self->workspace, workspace);
    }

  add_recent (file);
}

/**
 * _vp_window_open_failed:
 * @error: why @file could not be read
 * @file: (nullable): the file
 *
 * Handles a failure to read back unsaved work: the autosave is set
 * aside, so that the next start does not try it again, and the toast
 * says where it is.
 *
 * Returns: whether @file was unsaved work; otherwise the caller reports
 *   the failure as any other
 */
gboolean
_vp_window_open_failed (VpWindow     *self,
                        const GError *error,
                        GFile        *file)
{
  g_autoptr(VpAutosave) autosave = NULL;
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GError) aside_error = NULL;
  g_autofree char *message = NULL;

  if (!is_restoring (self, file))
    return FALSE;

  autosave = g_steal_pointer (&self->restoring);
  kept = vp_autosave_set_aside (autosave, &aside_error);

  if (kept != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (kept);

      /* Translators: the first %s says why, the second is a file */
      message = g_strdup_printf (_("Unsaved work could not be restored: %s. It is kept as %s"),
                                 error->message, path);
    }
  else
    {
      /* Translators: %s says why */
      message = g_strdup_printf (_("Unsaved work could not be restored: %s"), error->message);
    }

  _vp_window_show_toast (self, message, NULL, NULL, NULL);

  return TRUE;
}

static void
discard_autosave (VpWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);

  /* An autosave still being written deletes itself when it is done. */
  self->discard_serial++;
  self->autosaved_serial = 0;

  if (self->autosave != NULL)
    vp_autosave_discard (self->autosave);
}

static void
discard_restored_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_autoptr(VpActorSet) actors = NULL;
  g_autoptr(VpWorkspace) workspace = NULL;

  /* Once the reader worked on, the toast discards nothing: that work is
   * theirs too. */
  if (g_variant_get_uint64 (parameter) != self->history_serial ||
      self->restored_serial != self->history_serial)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  discard_autosave (self);

  actors = _vp_window_load_user_actors (self);
  workspace = vp_workspace_new (actors);
  take_workspace (self, workspace, NULL, TRUE);
}

/**
 * vp_window_restore_autosave:
 *
 * Looks for unsaved work that a window which is gone left behind (it
 * crashed, or was killed) and reads it back, before any file the window
 * is given after this call; a toast says so once it is back.
 *
 * Returns: whether there was unsaved work to restore
 */
gboolean
vp_window_restore_autosave (VpWindow *self)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (VP_IS_WINDOW (self), FALSE);

  if (self->restoring != NULL)
    return TRUE;

  self->restoring = vp_autosave_claim_latest ();
  if (self->restoring == NULL)
    return FALSE;

  file = vp_autosave_get_file (self->restoring);
  g_debug ("Restoring %s", g_file_peek_path (file));
  vp_import_queue_add_file (self->imports, file);

  return TRUE;
}

/* Autosave */

static void
autosave_failed (VpWindow     *self,
                 const GError *error)
{
  g_autofree char *message = NULL;

  /* Once until it works again, not every half minute. */
  if (self->autosave_failed)
    return;

  self->autosave_failed = TRUE;

  /* Translators: %s says which file or folder, and why */
  message = g_strdup_printf (_("Unsaved work cannot be kept safe from a crash: %s"),
                             error->message);
  _vp_window_show_toast (self, message, NULL, NULL, NULL);
}

static gboolean
ensure_autosave (VpWindow  *self,
                 GError   **error)
{
  if (self->autosave == NULL)
    self->autosave = vp_autosave_new (error);

  return self->autosave != NULL;
}

typedef struct
{
  VpWindow     *self;
  GApplication *application;  /* held until the autosave is written */
  GFile        *file;
  guint64       serial;
  guint64       discard_serial;
} AutosaveData;

static void
autosave_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AutosaveData *data = user_data;
  VpWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean saved = vp_workspace_save_finish (VP_WORKSPACE (object), result, &error);

  self->autosaving = FALSE;

  if (data->discard_serial != self->discard_serial)
    {
      /* The work was saved or discarded while this was being written. */
      if (saved)
        g_file_delete (data->file, NULL, NULL);
    }
  else if (self->workspace == NULL)
    {
      /* The window is gone; what was written stays for the next start. */
    }
  else if (!saved)
    {
      autosave_failed (self, error);
    }
  else
    {
      self->autosaved_serial = data->serial;

      if (self->autosave != NULL && !vp_autosave_write_info (self->autosave, self->document, &error))
        autosave_failed (self, error);
      else
        self->autosave_failed = FALSE;
    }

  if (self->autosave_again)
    {
      self->autosave_again = FALSE;
      update_autosave (self);
    }

  if (data->application != NULL)
    {
      g_application_release (data->application);
      g_object_unref (data->application);
    }

  g_object_unref (data->file);
  g_object_unref (data->self);
  g_free (data);
}

static void
start_autosave (VpWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  AutosaveData *data;

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (!_vp_window_needs_saving (self) || self->change_serial == self->autosaved_serial)
    return;

  /* One at a time: the next one starts when this one is done. */
  if (self->autosaving)
    {
      self->autosave_again = TRUE;
      return;
    }

  if (!ensure_autosave (self, &error))
    {
      autosave_failed (self, error);
      return;
    }

  _vp_window_store_view (self);

  data = g_new0 (AutosaveData, 1);
  data->self = g_object_ref (self);
  data->file = vp_autosave_get_file (self->autosave);
  data->serial = self->change_serial;
  data->discard_serial = self->discard_serial;

  /* Quitting waits for it, so that work discarded meanwhile does not
   * come back at the next start. */
  if (application != NULL)
    {
      data->application = G_APPLICATION (g_object_ref (application));
      g_application_hold (data->application);
    }

  self->autosaving = TRUE;
  vp_workspace_save_async (self->workspace, data->file, NULL, VP_WORKSPACE_SAVE_NO_BACKUP,
                           NULL, autosave_done_cb, data);
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  VpWindow *self = user_data;

  self->autosave_source = 0;
  start_autosave (self);

  return G_SOURCE_REMOVE;
}

/* Starts the timer at the first change the autosave does not hold, and
 * deletes the autosave once there is nothing left to lose. */
static void
update_autosave (VpWindow *self)
{
  if (self->workspace == NULL || self->settings == NULL)
    return;

  if (!_vp_window_needs_saving (self))
    {
      if (self->autosaved_serial != 0 || self->autosave_source != 0 || self->autosaving)
        discard_autosave (self);
      return;
    }

  if (self->autosave_source == 0 && self->change_serial != self->autosaved_serial)
    self->autosave_source = g_timeout_add_seconds (g_settings_get_uint (self->settings,
                                                                        "autosave-interval"),
                                                   autosave_timeout_cb, self);
}

/**
 * vp_window_autosave_now:
 *
 * Writes the unsaved work to the window's autosave at once, waiting for
 * the disk, for when the process is about to end without asking.
 *
 * Returns: whether the work is safe
 */
gboolean
vp_window_autosave_now (VpWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VP_IS_WINDOW (self), FALSE);

  if (!_vp_window_needs_saving (self))
    return TRUE;

  g_clear_handle_id (&self->autosave_source, g_source_remove);

  if (!ensure_autosave (self, &error))
    {
      g_warning ("%s", error->message);
      return FALSE;
    }

  _vp_window_store_view (self);
  file = vp_autosave_get_file (self->autosave);

  if (!vp_workspace_save_to_file_full (self->workspace, file, NULL, VP_WORKSPACE_SAVE_NO_BACKUP,
                                       &error) ||
      !vp_autosave_write_info (self->autosave, self->document, &error))
    {
      g_warning ("%s", error->message);
      return FALSE;
    }

  self->autosaved_serial = self->change_serial;

  return TRUE;
}

static void
workspace_changed_cb (VpWindow *self)
{
  self->change_serial++;
  update_autosave (self);
}

static void
modified_changed_cb (VpWindow *self)
{
  _vp_window_update_title (self);
  update_autosave (self);
}

/* Save and Save As */

typedef struct
{
  VpWindow *self;
  GFile    *file;
} SaveData;

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveData *data = user_data;
  VpWindow *self = data->self;
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!vp_workspace_save_finish (VP_WORKSPACE (object), result, &error))
    {
      self->close_after_save = FALSE;

      /* The message names the file and says why; the work is still all
       * here, and somewhere else may do. */
      if (self->workspace != NULL)
        _vp_window_show_toast (self, error->message, _("Save _As…"), "win.save-as", NULL);
    }
  else if (self->workspace == VP_WORKSPACE (object))
    {
      g_set_object (&self->document, data->file);
      add_recent (data->file);

      _vp_window_update_title (self);
      update_autosave (self);

      if (self->close_after_save)
        {
          self->close_after_save = FALSE;
          gtk_window_close (GTK_WINDOW (self));
        }
    }

  if (self->workspace != NULL)
    _vp_window_update_actions (self);

  g_object_unref (data->file);
  g_object_unref (data->self);
  g_free (data);
}

/**
 * _vp_window_save_to_file:
 * @file: where to save the workspace
 *
 * Saves the workspace and its view to @file, which becomes its document
 * once it is written, atomically, with the previous version of @file
 * kept as its backup. A failure is a toast.
 */
void
_vp_window_save_to_file (VpWindow *self,
                         GFile    *file)
{
  g_autofree char *basename = NULL;
  g_autofree char *source = NULL;
  SaveData *data;

  g_return_if_fail (G_IS_FILE (file));

  if (self->saving)
    return;

  basename = g_file_get_basename (file);
  source = g_filename_display_name (basename);

  _vp_window_store_view (self);

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);

  self->saving = TRUE;
  _vp_window_update_actions (self);

  vp_workspace_save_async (self->workspace, file, source, VP_WORKSPACE_SAVE_MARK_SAVED,
                           NULL, save_done_cb, data);
}

/* What Save As proposes: the workspace's name, or the first article's
 * title, made a file name. */
static char *
dup_default_name (VpWindow *self)
{
  const char *name = vp_workspace_get_name (self->workspace);
  g_autofree char *cut = NULL;
  GString *file_name;

  if (name == NULL && vp_workspace_get_n_articles (self->workspace) > 0)
    name = vp_article_get_title (vp_workspace_get_article (self->workspace, 0));

  /* A leading dot would hide the file. */
  while (name != NULL && (*name == '.' || g_ascii_isspace (*name)))
    name++;

  if (name == NULL || name[0] == '\0')
    name = _("Workspace");

  cut = g_utf8_substring (name, 0, MIN (g_utf8_strlen (name, -1), DEFAULT_NAME_MAX));
  file_name = g_string_new (NULL);

  for (const char *p = cut; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/')
        g_string_append_c (file_name, '-');
      else if (g_unichar_iscntrl (c))
        g_string_append_c (file_name, ' ');
      else
        g_string_append_unichar (file_name, c);
    }

  g_strchomp (file_name->str);
  file_name->len = strlen (file_name->str);
  g_string_append (file_name, VP_WORKSPACE_SUFFIX);

  return g_string_free (file_name, FALSE);
}

/* Where Save As starts when the workspace has no file yet: beside the
 * first of its articles that came from one. */
static GFile *
dup_default_folder (VpWindow *self)
{
  guint n = vp_workspace_get_n_articles (self->workspace);

  for (guint i = 0; i < n; i++)
    {
      GFile *file = g_hash_table_lookup (self->article_files,
                                         vp_workspace_get_article (self->workspace, i));

      if (file != NULL && g_file_is_native (file))
        return g_file_get_parent (file);
    }

  return NULL;
}

static GFile *
with_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  if (basename == NULL || g_str_has_suffix (basename, VP_WORKSPACE_SUFFIX))
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_object_ref (file);

  name = g_strconcat (basename, VP_WORKSPACE_SUFFIX, NULL);

  return g_file_get_child (parent, name);
}

static void
save_chooser_response_cb (VpWindow             *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->save_chooser);

  if (chosen == NULL)
    {
      /* Closing waited for a save that is not going to happen. */
      self->close_after_save = FALSE;
      return;
    }

  {
    g_autoptr(GFile) file = with_suffix (chosen);

    _vp_window_save_to_file (self, file);
  }
}

/**
 * _vp_window_save_as:
 *
 * Asks where to save the workspace, and saves it there.
 */
void
_vp_window_save_as (VpWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) workspaces = gtk_file_filter_new ();

  if (self->save_chooser != NULL)
    {
      gtk_native_dialog_show (self->save_chooser);
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Save Workspace"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (workspaces, _("Viewpoints Workspaces"));
  gtk_file_filter_add_mime_type (workspaces, VP_WORKSPACE_MIME_TYPE);
  gtk_file_filter_add_pattern (workspaces, "*" VP_WORKSPACE_SUFFIX);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), workspaces);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), workspaces);

  if (self->document != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), self->document, NULL);
    }
  else
    {
      g_autoptr(GFile) folder = dup_default_folder (self);
      g_autofree char *name = dup_default_name (self);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (save_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->save_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->save_chooser);
}

/**
 * _vp_window_save:
 *
 * Saves the workspace to its file, or asks where when it has none.
 */
void
_vp_window_save (VpWindow *self)
{
  if (self->document == NULL)
    _vp_window_save_as (self);
  else
    _vp_window_save_to_file (self, self->document);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _vp_window_save (VP_WINDOW (widget));
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _vp_window_save_as (VP_WINDOW (widget));
}

/* Closing */

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

static void
close_response_cb (VpWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  if (g_str_equal (response, "discard"))
    {
      discard_autosave (self);
      self->close_confirmed = TRUE;

      /* Once the dialog is done with its response. */
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      /* Closes once saved; a failure, or Cancel in Save As, keeps it open. */
      self->close_after_save = TRUE;
      _vp_window_save (self);
    }
}

/**
 * _vp_window_confirm_close:
 *
 * Decides whether the window may close now. Unsaved work is kept safe in
 * the autosave at once, and the reader is asked whether to save it,
 * discard it, or not close after all: the answer closes the window, or
 * leaves it open.
 *
 * Returns: whether the window may close now
 */
gboolean
_vp_window_confirm_close (VpWindow *self)
{
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (self->close_confirmed || !_vp_window_needs_saving (self))
    {
      /* Nothing is lost: an unchanged or empty workspace has nothing an
       * autosave should keep. */
      discard_autosave (self);
      return TRUE;
    }

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return FALSE;
    }

  /* In case the session ends with the question open. */
  start_autosave (self);

  name = _vp_window_dup_display_name (self);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL,
                                                       _("Changes which are not saved will be "
                                                         "permanently lost.")));
  /* Translators: %s is the workspace's name */
  adw_message_dialog_format_heading (dialog, _("Save changes to “%s”?"), name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self,
                           G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->close_dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

/* Setting up */

void
_vp_window_class_save_init (VpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.discard-restored", "t",
                                   discard_restored_action);
}

void
_vp_window_save_init (VpWindow *self)
{
  /* Nothing is autosaved yet: 0 is no change. */
  self->change_serial = 1;

  g_signal_group_connect_swapped (self->workspace_signals, "changed",
                                  G_CALLBACK (workspace_changed_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "notify::modified",
                                  G_CALLBACK (modified_changed_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "notify::name",
                                  G_CALLBACK (_vp_window_update_title), self);

  self->recent_menu = g_menu_new ();
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

void
_vp_window_save_dispose (VpWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (gtk_recent_manager_get_default (),
                                        update_recent_menu, self);

  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (self->save_chooser);
  g_clear_object (&self->save_chooser);

  if (self->close_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->close_dialog));
  g_clear_weak_pointer (&self->close_dialog);

  /* Unsaved work stays on the disk for the next start, unlocked. */
  g_clear_pointer (&self->restoring, vp_autosave_free);
  g_clear_pointer (&self->autosave, vp_autosave_free);

  g_clear_object (&self->document);
  g_clear_object (&self->recent_menu);
}
