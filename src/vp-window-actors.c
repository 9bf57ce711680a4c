/* vp-window-actors.c
 *
 * The window and the actors: undo and redo of the workspace's history,
 * the actor editor and "Choose Actors", deleting and merging with a toast
 * to take it back, importing and exporting actor sets, the highlights'
 * switches, the filter bar, "Tag as…" from the keyboard, and the user's
 * own actor set, which every change of the workspace's actors is saved
 * to so that new articles and the next start use it.
 *
 * Every change goes through a VpWorkspace operation, so that each is one
 * step of the history, undone and redone alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-window-actors"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vp-actor-catalogue.h"
#include "vp-actor-editor.h"
#include "vp-mnemonic.h"
#include "vp-text.h"
#include "vp-window-private.h"

/* What "Tag as… → New Actor" tags once the actor is made. */
typedef struct
{
  VpArticle *article;
  int        block;
  guint      start;
  guint      end;
} TagRequest;

static void
tag_request_free (gpointer data)
{
  TagRequest *request = data;

  g_clear_object (&request->article);
  g_free (request);
}


/* Undo and redo */

static void
update_history_menu (VpWindow *self)
{
  const char *undo = vp_workspace_get_undo_label (self->workspace);
  const char *redo = vp_workspace_get_redo_label (self->workspace);
  g_autofree char *undo_label = undo != NULL ? vp_escape_mnemonic (undo) : g_strdup (_("_Undo"));
  g_autofree char *redo_label = redo != NULL ? vp_escape_mnemonic (redo) : g_strdup (_("_Redo"));
  g_autoptr(GMenuItem) undo_item = g_menu_item_new (undo_label, "win.undo");
  g_autoptr(GMenuItem) redo_item = g_menu_item_new (redo_label, "win.redo");

  /* Bindings of the window, not application accelerators, so that the
   * search entry keeps its own undo: the menu shows them by hand. */
  g_menu_item_set_attribute (undo_item, "accel", "s", "<Control>z");
  g_menu_item_set_attribute (redo_item, "accel", "s", "<Shift><Control>z");

  g_menu_remove_all (self->history_section);
  g_menu_append_item (self->history_section, undo_item);
  g_menu_append_item (self->history_section, redo_item);
}

static void
history_changed_cb (VpWindow *self)
{
  update_history_menu (self);
  _vp_window_update_actions (self);
}

/**
 * _vp_window_show_undo_toast:
 * @message: what was just done, such as “Deleted “Iran””
 *
 * Says what the last step of the history did, with a button to undo it,
 * for the steps that lose the most: deleting and merging actors,
 * replacing them.
 *
 * The button undoes that step only while it is the last one: once the
 * workspace changed again, it does nothing rather than undo something
 * else. (The toast is not dismissed then: libadwaita 1.2 crashes later
 * when a toast is dismissed while it is still sliding in.)
 */
void
_vp_window_show_undo_toast (VpWindow   *self,
                            const char *message)
{
  _vp_window_show_toast (self, message, _("_Undo"), "win.undo-step",
                         g_variant_new_uint64 (self->history_serial));
}

static void
undo_step_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  /* Something else was done since the toast appeared. */
  if (g_variant_get_uint64 (parameter) != self->history_serial)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  vp_workspace_undo (self->workspace);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  if (!vp_workspace_undo (self->workspace))
    gtk_widget_error_bell (widget);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);

  if (!vp_workspace_redo (self->workspace))
    gtk_widget_error_bell (widget);
}

/* The user's actor set */

/**
 * _vp_window_load_user_actors:
 *
 * Reads the user's actor set. An unreadable one is named in a toast, and
 * the bundled set is used; the file is left as it is until the actors
 * change (see save_user_actors()).
 *
 * Returns: (transfer full): the actors to start with
 */
VpActorSet *
_vp_window_load_user_actors (VpWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  VpActorSet *actors;

  actors = vp_actor_set_new_user (&error);
  if (actors != NULL)
    return actors;

  /* Translators: %s says which file could not be read, and why */
  message = g_strdup_printf (_("%s. The default actors are used instead."), error->message);
  _vp_window_show_message (self, message);

  g_set_object (&self->broken_actors, NULL);
  self->broken_actors = vp_actor_set_get_user_file ();

  return vp_actor_set_new_default ();
}

/* Before the first save over an actor set that could not be read, the
 * file is set aside under another name rather than lost: the reader may
 * want to mend it. */
static gboolean
keep_broken_file (VpWindow *self)
{
  g_autoptr(GFile) folder = g_file_get_parent (self->broken_actors);
  g_autoptr(GFile) kept = g_file_get_child (folder, "actors-unreadable.xml");
  g_autofree char *display = g_file_get_parse_name (self->broken_actors);
  g_autofree char *kept_display = g_file_get_parse_name (kept);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_move (self->broken_actors, kept,
                    G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS,
                    NULL, NULL, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          /* Translators: the first %s is a file, the second why it could
           * not be renamed */
          message = g_strdup_printf (_("%s: the changes to the actors are not saved: the "
                                       "unreadable file could not be set aside (%s)"),
                                     display, error->message);
          _vp_window_show_message (self, message);
          return FALSE;
        }
    }
  else
    {
      /* Translators: %s is the file an unreadable actor set was kept as */
      message = g_strdup_printf (_("Your actors are saved anew; the unreadable file was kept "
                                   "as %s"),
                                 kept_display);
      _vp_window_show_message (self, message);
    }

  g_clear_object (&self->broken_actors);

  return TRUE;
}

static void
save_user_actors (VpWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_actors_source, g_source_remove);

  if (!self->save_user_actors || self->workspace == NULL)
    return;

  if (self->broken_actors != NULL && !keep_broken_file (self))
    return;

  if (!vp_actor_set_save_user (vp_workspace_get_actors (self->workspace), &error))
    _vp_window_show_message (self, error->message);
}

static gboolean
save_user_actors_cb (gpointer user_data)
{
  VpWindow *self = user_data;

  self->save_actors_source = 0;
  save_user_actors (self);

  return G_SOURCE_REMOVE;
}

/**
 * _vp_window_flush_user_actors:
 *
 * Saves the user's actor set now if a change is waiting to be saved.
 */
void
_vp_window_flush_user_actors (VpWindow *self)
{
  if (self->save_actors_source != 0)
    save_user_actors (self);
}

static void
actors_changed_cb (VpWindow *self)
{
  /* An operation changes the set several times over; one save after. */
  if (self->save_user_actors && self->save_actors_source == 0)
    self->save_actors_source = g_idle_add (save_user_actors_cb, self);

  _vp_window_update_actions (self);
}

/* Highlights and the filter */

static void
apply_hidden (VpWindow *self)
{
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-actors");
  guint n = vp_column_box_get_n_columns (self->column_box);

  for (guint i = 0; i < n; i++)
    {
      VpArticleColumn *column = VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, i));

      vp_article_view_set_hidden_actors (vp_article_column_get_article_view (column),
                                         (const char * const *)hidden);
    }

  vp_actors_panel_set_hidden_actors (self->actors_panel, (const char * const *)hidden);
}

static void
set_actor_highlighted_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-actors");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  const char *actor_id;
  gboolean shown;

  g_variant_get (parameter, "(&sb)", &actor_id, &shown);

  for (guint i = 0; hidden[i] != NULL; i++)
    if (!g_str_equal (hidden[i], actor_id))
      g_strv_builder_add (builder, hidden[i]);

  if (!shown)
    g_strv_builder_add (builder, actor_id);

  updated = g_strv_builder_end (builder);
  if (!g_strv_equal ((const char * const *)updated, (const char * const *)hidden))
    g_settings_set_strv (self->settings, "hidden-actors", (const char * const *)updated);
}

/**
 * _vp_window_update_filter:
 *
 * Filters every outline by the actors chosen in the filter bar, and says
 * in the bar how many points that leaves.
 */
void
_vp_window_update_filter (VpWindow *self)
{
  g_auto(GStrv) chosen = vp_filter_bar_dup_chosen (self->filter_bar);
  g_autofree char *summary = NULL;
  guint n = vp_column_box_get_n_columns (self->column_box);
  guint total = 0;
  guint shown = 0;

  for (guint i = 0; i < n; i++)
    {
      VpArticleColumn *column = VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, i));
      VpOutlineView *outline = vp_article_column_get_outline_view (column);

      vp_outline_view_set_actor_filter (outline, (const char * const *)chosen);
      total += vp_outline_view_get_n_points (outline);
      shown += vp_outline_view_get_n_shown_points (outline);
    }

  if (chosen[0] != NULL)
    {
      /* Translators: in the filter bar: the points involving the chosen
       * actors, of all points of all articles */
      summary = g_strdup_printf (ngettext ("%u of %u point", "%u of %u points", total),
                                 shown, total);

      if (!self->show_filter)
        g_object_set (self, "show-filter", TRUE, NULL);
    }

  vp_filter_bar_set_summary (self->filter_bar, summary);
  _vp_window_update_actions (self);
}

static void
workspace_changed_cb (VpWindow *self)
{
  self->history_serial++;

  /* A correction may bring points into the filter or take them out; a
   * filter is only ever on with its bar shown. */
  if (self->show_filter)
    _vp_window_update_filter (self);
}

static void
filter_actor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  const char *actor_id = g_variant_get_string (parameter, NULL);
  VpActor *actor = vp_workspace_lookup_actor (self->workspace, actor_id);

  if (actor == NULL || !vp_actor_get_enabled (actor))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  g_object_set (self, "show-filter", TRUE, NULL);
  vp_filter_bar_set_chosen (self->filter_bar, actor_id,
                            !vp_filter_bar_get_chosen (self->filter_bar, actor_id));
}

static void
clear_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  vp_filter_bar_clear (VP_WINDOW (widget)->filter_bar);
}

/* Tagging from the keyboard */

static gboolean
has_selection (VpArticleColumn *column)
{
  int block;
  guint start, end;

  return column != NULL &&
         vp_article_view_get_selection_span (vp_article_column_get_article_view (column),
                                             &block, &start, &end);
}

/* The column whose selection "Tag as…" tags: the one with the keyboard
 * focus, or the current one, or else any, as long as it has a
 * selection. The focus may have moved on since the reader selected (to
 * the find bar, which selects its matches, and away again). */
static VpArticleColumn *
find_tagging_column (VpWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *focused = focus != NULL ? gtk_widget_get_ancestor (focus, VP_TYPE_ARTICLE_COLUMN) : NULL;
  VpArticleColumn *current = _vp_window_get_current_column (self);
  guint n = vp_column_box_get_n_columns (self->column_box);

  if (focused != NULL && has_selection (VP_ARTICLE_COLUMN (focused)))
    return VP_ARTICLE_COLUMN (focused);

  if (has_selection (current))
    return current;

  for (guint i = 0; i < n; i++)
    {
      VpArticleColumn *column = VP_ARTICLE_COLUMN (vp_column_box_get_column (self->column_box, i));

      if (has_selection (column))
        return column;
    }

  return NULL;
}

static void
tag_selection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  VpArticleColumn *column = find_tagging_column (self);

  if (column == NULL ||
      !vp_article_view_popup_tag_picker (vp_article_column_get_article_view (column)))
    _vp_window_show_message (self, _("Select a word or a phrase in an article to tag it"));
}

/* The actor editor */

static void
editor_saved_cb (VpActorEditor *editor,
                 VpActor       *actor,
                 VpWindow      *self)
{
  TagRequest *request = g_object_get_data (G_OBJECT (editor), "vp-tag-request");
  VpActor *original = vp_actor_editor_get_original (editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (original != NULL)
    {
      /* Deleted meanwhile: there is nothing left to edit. */
      if (vp_workspace_lookup_actor (self->workspace, vp_actor_get_id (actor)) == NULL)
        return;

      vp_workspace_edit_actor (self->workspace, actor);
      return;
    }

  if (vp_workspace_lookup_actor (self->workspace, vp_actor_get_id (actor)) != NULL)
    {
      /* The id was taken meanwhile, by an undo or an import. */
      g_autofree char *id = vp_actor_set_dup_new_id (vp_workspace_get_actors (self->workspace),
                                                     vp_actor_get_name (actor));
      g_autoptr(VpActor) renamed = vp_actor_new (id, vp_actor_get_name (actor));

      vp_actor_assign (renamed, actor);
      editor_saved_cb (editor, renamed, self);
      return;
    }

  if (request == NULL || !vp_workspace_find_article (self->workspace, request->article, NULL))
    {
      vp_workspace_add_actor (self->workspace, actor);
      return;
    }

  /* Translators: an action in the history; %s is an actor's name */
  label = g_strdup_printf (_("Tag as %s"), vp_actor_get_name (actor));

  /* "Tag as… → New Actor" is one step: undoing it takes the actor and
   * its tag back together. */
  vp_workspace_begin_action (self->workspace, label);
  vp_workspace_add_actor (self->workspace, actor);
  vp_workspace_tag_span (self->workspace, request->article, vp_actor_get_id (actor),
                         request->block, request->start, request->end, &error);
  vp_workspace_end_action (self->workspace);

  if (error != NULL)
    _vp_window_show_message (self, error->message);
}

static void
open_editor (VpWindow   *self,
             VpActor    *actor,
             const char *name,
             TagRequest *request)
{
  GtkWidget *editor;

  /* One editor at a time: a new request replaces an abandoned one. */
  if (self->actor_editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->actor_editor));

  editor = vp_actor_editor_new (GTK_WINDOW (self), vp_workspace_get_actors (self->workspace), actor);

  if (name != NULL)
    {
      vp_actor_editor_set_name (VP_ACTOR_EDITOR (editor), name);
      vp_actor_editor_add_alias (VP_ACTOR_EDITOR (editor), name,
                                 vp_actor_guess_case_sensitive (name));
    }

  if (request != NULL)
    g_object_set_data_full (G_OBJECT (editor), "vp-tag-request", request, tag_request_free);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);

  g_set_weak_pointer (&self->actor_editor, editor);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
create_actor_requested_cb (VpArticleView *view,
                           int            block,
                           guint          start,
                           guint          end,
                           VpWindow      *self)
{
  VpArticle *article = vp_article_view_get_article (view);
  const char *text = vp_article_get_block_text (article, block);
  g_autofree char *raw = NULL;
  g_autofree char *name = NULL;
  TagRequest *request;

  if (text == NULL || end > strlen (text) || start >= end)
    return;

  raw = g_strndup (text + start, end - start);
  name = vp_text_normalise (raw, -1);

  request = g_new0 (TagRequest, 1);
  request->article = g_object_ref (article);
  request->block = block;
  request->start = start;
  request->end = end;

  open_editor (self, NULL, name, request);
}

static void
view_failed_cb (VpWindow      *self,
                const GError  *error,
                VpArticleView *view)
{
  _vp_window_show_message (self, error->message);
}

/**
 * _vp_window_setup_column:
 *
 * Gives a new column what the window decides about the actors: which
 * highlights are hidden, which actors the outline is filtered by, and
 * where its corrections' requests and failures go.
 */
void
_vp_window_setup_column (VpWindow        *self,
                         VpArticleColumn *column)
{
  VpArticleView *view = vp_article_column_get_article_view (column);
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-actors");
  g_auto(GStrv) chosen = vp_filter_bar_dup_chosen (self->filter_bar);

  g_signal_connect_object (view, "create-actor-requested",
                           G_CALLBACK (create_actor_requested_cb), self, 0);
  g_signal_connect_object (view, "failed", G_CALLBACK (view_failed_cb), self, G_CONNECT_SWAPPED);

  vp_article_view_set_hidden_actors (view, (const char * const *)hidden);
  vp_outline_view_set_actor_filter (vp_article_column_get_outline_view (column),
                                    (const char * const *)chosen);
}

static void
new_actor_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_editor (VP_WINDOW (widget), NULL, NULL, NULL);
}

static void
edit_actor_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  VpActor *actor = vp_workspace_lookup_actor (self->workspace,
                                              g_variant_get_string (parameter, NULL));

  if (actor == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  open_editor (self, actor, NULL, NULL);
}

static void
delete_actor_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  const char *actor_id = g_variant_get_string (parameter, NULL);
  VpActor *actor = vp_workspace_lookup_actor (self->workspace, actor_id);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (actor == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  name = g_strdup (vp_actor_get_name (actor));
  vp_workspace_delete_actor (self->workspace, actor_id);

  /* Translators: a toast; %s is an actor's name */
  message = g_strdup_printf (_("Deleted “%s”"), name);
  _vp_window_show_undo_toast (self, message);
}

static void
merge_actors_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  const char *into_id;
  const char *from_id;
  VpActor *into;
  VpActor *from;
  g_autofree char *message = NULL;
  g_autofree char *from_name = NULL;

  g_variant_get (parameter, "(&s&s)", &into_id, &from_id);
  into = vp_workspace_lookup_actor (self->workspace, into_id);
  from = vp_workspace_lookup_actor (self->workspace, from_id);

  if (into == NULL || from == NULL || into == from)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  from_name = g_strdup (vp_actor_get_name (from));
  vp_workspace_merge_actors (self->workspace, into_id, from_id);

  /* Translators: a toast; the first %s is the actor that went, the
   * second the one it was merged into */
  message = g_strdup_printf (_("Merged “%s” into “%s”"), from_name, vp_actor_get_name (into));
  _vp_window_show_undo_toast (self, message);
}

static void
choose_actors_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  GtkWidget *catalogue;

  if (self->actor_catalogue != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->actor_catalogue));
      return;
    }

  catalogue = vp_actor_catalogue_new (GTK_WINDOW (self), self->workspace);
  g_set_weak_pointer (&self->actor_catalogue, catalogue);
  gtk_window_present (GTK_WINDOW (catalogue));
}

/* Actor set files */

/**
 * _vp_window_import_actors_from_file:
 *
 * Replaces the workspace's actors with those of an actor set file, as
 * one step that a toast offers to undo. A file that is not a valid actor
 * set changes nothing, and a toast says which and why.
 *
 * Returns: whether the actors were replaced
 */
gboolean
_vp_window_import_actors_from_file (VpWindow *self,
                                    GFile    *file)
{
  g_autoptr(VpActorSet) actors = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  guint n;

  actors = vp_actor_set_new_from_file_full (file, name, NULL, &error);
  if (actors == NULL)
    {
      _vp_window_show_message (self, error->message);
      return FALSE;
    }

  vp_workspace_replace_actors (self->workspace, actors);

  n = g_list_model_get_n_items (G_LIST_MODEL (actors));
  /* Translators: a toast; %u is a number of actors, %s a file's name */
  message = g_strdup_printf (ngettext ("Imported %u actor from “%s”",
                                       "Imported %u actors from “%s”", n),
                             n, name);
  _vp_window_show_undo_toast (self, message);

  return TRUE;
}

/**
 * _vp_window_export_actors_to_file:
 *
 * Writes the workspace's actors to an actor set file, which is replaced
 * only once the new one is complete, and says in a toast how it went.
 *
 * Returns: whether the file was written
 */
gboolean
_vp_window_export_actors_to_file (VpWindow *self,
                                  GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (!vp_actor_set_save_to_file (vp_workspace_get_actors (self->workspace), file, name, &error))
    {
      _vp_window_show_message (self, error->message);
      return FALSE;
    }

  /* Translators: %s is the name of the file an actor set was exported to */
  message = g_strdup_printf (_("Exported “%s”"), name);
  _vp_window_show_message (self, message);

  return TRUE;
}

static void
actors_chooser_response_cb (VpWindow             *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  gboolean import = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "vp-import"));
  g_autoptr(GtkNativeDialog) owned = NULL;
  g_autoptr(GFile) file = NULL;

  if (self->actors_chooser == GTK_NATIVE_DIALOG (chooser))
    owned = g_steal_pointer (&self->actors_chooser);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      if (import)
        _vp_window_import_actors_from_file (self, file);
      else
        _vp_window_export_actors_to_file (self, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

static void
open_actors_chooser (VpWindow *self,
                     gboolean  import)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) sets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->actors_chooser != NULL)
    gtk_native_dialog_destroy (g_steal_pointer (&self->actors_chooser));

  if (import)
    chooser = gtk_file_chooser_native_new (_("Import Actor Set"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_OPEN,
                                           _("_Import"), _("_Cancel"));
  else
    chooser = gtk_file_chooser_native_new (_("Export Actor Set"), GTK_WINDOW (self),
                                           GTK_FILE_CHOOSER_ACTION_SAVE,
                                           _("_Export"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (sets, _("Actor Sets"));
  gtk_file_filter_add_pattern (sets, "*.xml");
  gtk_file_filter_add_mime_type (sets, "application/xml");
  gtk_file_filter_add_mime_type (sets, "text/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sets);

  if (import)
    {
      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  else
    /* Translators: the name an exported actor set is offered under */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("actors.xml"));

  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_object_set_data (G_OBJECT (chooser), "vp-import", GINT_TO_POINTER (import));
  g_signal_connect_object (chooser, "response", G_CALLBACK (actors_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->actors_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->actors_chooser);
}

static void
import_actors_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_actors_chooser (VP_WINDOW (widget), TRUE);
}

static void
export_actors_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_actors_chooser (VP_WINDOW (widget), FALSE);
}

/* Following the workspace */

/**
 * _vp_window_follow_workspace:
 *
 * Points what shows the actors at the window's workspace: the panel,
 * the filter bar, the history menu and the highlights.
 */
void
_vp_window_follow_workspace (VpWindow *self)
{
  vp_actors_panel_set_workspace (self->actors_panel, self->workspace);
  vp_filter_bar_set_actors (self->filter_bar, vp_workspace_get_actors (self->workspace));

  update_history_menu (self);
  apply_hidden (self);
  _vp_window_update_actions (self);
}

void
_vp_window_class_actors_init (VpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "t", undo_step_action);
  gtk_widget_class_install_action (widget_class, "win.tag-selection", NULL, tag_selection_action);
  gtk_widget_class_install_action (widget_class, "win.new-actor", NULL, new_actor_action);
  gtk_widget_class_install_action (widget_class, "win.edit-actor", "s", edit_actor_action);
  gtk_widget_class_install_action (widget_class, "win.delete-actor", "s", delete_actor_action);
  gtk_widget_class_install_action (widget_class, "win.merge-actors", "(ss)", merge_actors_action);
  gtk_widget_class_install_action (widget_class, "win.choose-actors", NULL, choose_actors_action);
  gtk_widget_class_install_action (widget_class, "win.import-actors", NULL, import_actors_action);
  gtk_widget_class_install_action (widget_class, "win.export-actors", NULL, export_actors_action);
  gtk_widget_class_install_action (widget_class, "win.set-actor-highlighted", "(sb)",
                                   set_actor_highlighted_action);
  gtk_widget_class_install_action (widget_class, "win.filter-actor", "s", filter_actor_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filter", NULL, clear_filter_action);

  /* Bindings rather than application accelerators, which would run
   * before the focused widget: Ctrl+Z in the search entry undoes typing. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
}

void
_vp_window_actors_init (VpWindow *self)
{
  g_signal_group_connect_swapped (self->workspace_signals, "notify::undo-label",
                                  G_CALLBACK (history_changed_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "notify::redo-label",
                                  G_CALLBACK (history_changed_cb), self);
  g_signal_group_connect_swapped (self->workspace_signals, "changed",
                                  G_CALLBACK (workspace_changed_cb), self);
  g_signal_group_connect_swapped (self->actors_signals, "changed",
                                  G_CALLBACK (actors_changed_cb), self);

  g_signal_connect_object (self->settings, "changed::hidden-actors",
                           G_CALLBACK (apply_hidden), self, G_CONNECT_SWAPPED);
}

void
_vp_window_actors_dispose (VpWindow *self)
{
  /* A change made just before closing is not lost. */
  _vp_window_flush_user_actors (self);
  g_clear_handle_id (&self->save_actors_source, g_source_remove);

  if (self->actor_editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->actor_editor));
  g_clear_weak_pointer (&self->actor_editor);
  if (self->actor_catalogue != NULL)
    gtk_window_destroy (GTK_WINDOW (self->actor_catalogue));
  g_clear_weak_pointer (&self->actor_catalogue);

  if (self->actors_chooser != NULL)
    gtk_native_dialog_destroy (self->actors_chooser);
  g_clear_object (&self->actors_chooser);

  g_clear_object (&self->broken_actors);
}
