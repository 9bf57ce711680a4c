/* vp-actor-catalogue.c
 *
 * "Choose Actors": every actor the reader may tag, with a switch. They
 * are the workspace's actors, enabled or not, and those of the bundled
 * set that the workspace lacks (deleted, or missing from an older file),
 * grouped by kind and found with the window's search.
 *
 * Switching an actor on enables it in the workspace, or adds the bundled
 * one, as an undoable step; its mentions are then found in every article.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor-catalogue"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-actor-catalogue.h"
#include "vp-actor-swatch.h"

struct _VpActorCatalogue
{
  AdwPreferencesWindow  parent_instance;

  VpWorkspace          *workspace;
  VpActorSet           *bundled;
  GHashTable           *switches;   /* interned id → GtkSwitch */
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (VpActorCatalogue, vp_actor_catalogue, ADW_TYPE_PREFERENCES_WINDOW)

static const char *
group_title (VpActorKind kind)
{
  switch (kind)
    {
    case VP_ACTOR_KIND_STATE:
      return _("States");
    case VP_ACTOR_KIND_ORGANISATION:
      return _("Organisations");
    case VP_ACTOR_KIND_GROUP:
      return _("Groups");
    case VP_ACTOR_KIND_PERSON:
      return _("People");
    case VP_ACTOR_KIND_OTHER:
    default:
      return _("Other Actors");
    }
}

/* Each switch says whether the workspace tags its actor. */
static void
sync_switches (VpActorCatalogue *self)
{
  GHashTableIter iter;
  gpointer key, value;

  self->updating = TRUE;

  g_hash_table_iter_init (&iter, self->switches);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VpActor *actor = vp_workspace_lookup_actor (self->workspace, key);

      gtk_switch_set_active (value, actor != NULL && vp_actor_get_enabled (actor));
    }

  self->updating = FALSE;
}

static void
switch_active_cb (GtkSwitch        *button,
                  GParamSpec       *pspec,
                  VpActorCatalogue *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "vp-actor-id");
  gboolean active = gtk_switch_get_active (button);
  VpActor *actor;

  if (self->updating)
    return;

  actor = vp_workspace_lookup_actor (self->workspace, id);

  if (actor != NULL)
    {
      if (vp_actor_get_enabled (actor) != active)
        vp_workspace_set_actor_enabled (self->workspace, id, active);
    }
  else if (active)
    {
      VpActor *bundled = vp_actor_set_lookup (self->bundled, id);
      g_autoptr(VpActor) copy = NULL;

      g_return_if_fail (bundled != NULL);

      copy = vp_actor_copy (bundled);
      vp_actor_set_enabled (copy, TRUE);
      vp_workspace_add_actor (self->workspace, copy);
    }
}

static char *
describe_aliases (VpActor *actor)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = vp_actor_get_n_aliases (actor);

  /* Enough to recognise the actor by, and to search by. */
  for (guint i = 0; i < MIN (n, 6); i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, vp_actor_get_alias (actor, i, NULL));
    }
  if (n > 6)
    g_string_append (text, ", …");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_actor_row (VpActorCatalogue    *self,
               AdwPreferencesGroup *group,
               VpActor             *actor)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_switch_new ();
  g_autofree char *aliases = describe_aliases (actor);
  g_autofree char *escaped = g_markup_escape_text (aliases, -1);
  const char *id = g_intern_string (vp_actor_get_id (actor));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vp_actor_get_name (actor));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), vp_actor_swatch_new (vp_actor_get_color (actor)));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, vp_actor_get_name (actor),
                                  -1);
  g_object_set_data (G_OBJECT (button), "vp-actor-id", (gpointer)id);
  g_signal_connect_object (button, "notify::active", G_CALLBACK (switch_active_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->switches, (gpointer)id, button);
}

static void
build (VpActorCatalogue *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  AdwPreferencesGroup *groups[VP_ACTOR_KIND_OTHER + 1] = { NULL, };
  guint counts[VP_ACTOR_KIND_OTHER + 1] = { 0, };
  g_autoptr(GPtrArray) actors = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *own = G_LIST_MODEL (vp_workspace_get_actors (self->workspace));
  GListModel *bundled = G_LIST_MODEL (self->bundled);

  /* The workspace's actors in its order, then the bundled ones it lacks. */
  for (guint i = 0; i < g_list_model_get_n_items (own); i++)
    g_ptr_array_add (actors, g_list_model_get_item (own, i));

  for (guint i = 0; i < g_list_model_get_n_items (bundled); i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (bundled, i);

      if (vp_workspace_lookup_actor (self->workspace, vp_actor_get_id (actor)) == NULL)
        g_ptr_array_add (actors, g_steal_pointer (&actor));
    }

  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Actors"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "vp-actors-symbolic");

  for (guint kind = 0; kind < G_N_ELEMENTS (groups); kind++)
    {
      groups[kind] = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (groups[kind], group_title (kind));
    }

  for (guint i = 0; i < actors->len; i++)
    {
      VpActor *actor = g_ptr_array_index (actors, i);
      VpActorKind kind = vp_actor_get_kind (actor);

      kind = MIN (kind, VP_ACTOR_KIND_OTHER);
      add_actor_row (self, groups[kind], actor);
      counts[kind]++;
    }

  for (guint kind = 0; kind < G_N_ELEMENTS (groups); kind++)
    if (counts[kind] > 0)
      {
        adw_preferences_group_set_description (groups[kind],
                                               _("The actors switched on are looked for in "
                                                 "every article, highlighted and counted."));
        break;
      }

  for (guint kind = 0; kind < G_N_ELEMENTS (groups); kind++)
    {
      /* An empty group would only be a heading. */
      if (counts[kind] > 0)
        {
          adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), groups[kind]);
        }
      else
        {
          g_object_ref_sink (groups[kind]);
          g_object_unref (groups[kind]);
        }
    }

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  sync_switches (self);
}

static void
vp_actor_catalogue_dispose (GObject *object)
{
  VpActorCatalogue *self = (VpActorCatalogue *)object;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_func (vp_workspace_get_actors (self->workspace),
                                          sync_switches, self);

  g_clear_object (&self->workspace);
  g_clear_object (&self->bundled);

  G_OBJECT_CLASS (vp_actor_catalogue_parent_class)->dispose (object);
}

static void
vp_actor_catalogue_finalize (GObject *object)
{
  VpActorCatalogue *self = (VpActorCatalogue *)object;

  g_clear_pointer (&self->switches, g_hash_table_unref);

  G_OBJECT_CLASS (vp_actor_catalogue_parent_class)->finalize (object);
}

static void
vp_actor_catalogue_class_init (VpActorCatalogueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_actor_catalogue_dispose;
  object_class->finalize = vp_actor_catalogue_finalize;
}

static void
vp_actor_catalogue_init (VpActorCatalogue *self)
{
  self->switches = g_hash_table_new (NULL, NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Choose Actors"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 640);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), TRUE);
}

/**
 * vp_actor_catalogue_new:
 * @parent: the window it belongs to
 * @workspace: the workspace whose actors to choose
 */
GtkWidget *
vp_actor_catalogue_new (GtkWindow   *parent,
                        VpWorkspace *workspace)
{
  VpActorCatalogue *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VP_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (VP_TYPE_ACTOR_CATALOGUE,
                       "transient-for", parent,
                       NULL);
  self->workspace = g_object_ref (workspace);
  self->bundled = vp_actor_set_new_default ();

  build (self);

  /* The same actors may be switched, or undone, elsewhere meanwhile. */
  g_signal_connect_object (vp_workspace_get_actors (workspace), "changed",
                           G_CALLBACK (sync_switches), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * vp_actor_catalogue_get_switch:
 *
 * Returns: (transfer none) (nullable): the switch of an actor
 */
GtkWidget *
vp_actor_catalogue_get_switch (VpActorCatalogue *self,
                               const char       *actor_id)
{
  g_return_val_if_fail (VP_IS_ACTOR_CATALOGUE (self), NULL);
  g_return_val_if_fail (actor_id != NULL, NULL);

  return g_hash_table_lookup (self->switches, g_intern_string (actor_id));
}
