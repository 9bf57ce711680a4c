/* vp-actors-panel.c
 *
 * The sidebar of the window's actors: those the workspace tags (its
 * enabled actors), each with its counts per article and a switch for its
 * highlights, and the ways to add, choose, import and export actors.
 *
 * The panel shows and asks; the window acts. Its buttons and its rows'
 * menus are the window's actions (win.new-actor, win.edit-actor…), so
 * that each is done, and undone, in one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actors-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-actor-row.h"
#include "vp-actors-panel.h"

struct _VpActorsPanel
{
  GtkWidget           parent_instance;

  VpWorkspace        *workspace;
  GtkFilterListModel *shown;       /* the workspace's enabled actors */
  GtkFilter          *enabled;
  GHashTable         *hidden;      /* interned ids of actors not highlighted */

  /* Template widgets */
  GtkLabel           *summary_label;
  GtkStack           *stack;
  GtkListView        *list_view;
};

enum {
  REFRESH,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpActorsPanel, vp_actors_panel, GTK_TYPE_WIDGET)

static void
update_summary (VpActorsPanel *self)
{
  guint n_articles = self->workspace != NULL ? vp_workspace_get_n_articles (self->workspace) : 0;
  guint n_shown = self->shown != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->shown)) : 0;
  g_autofree char *summary = NULL;

  if (n_articles == 0)
    summary = g_strdup (_("Open articles to see where each actor is mentioned"));
  else
    /* Translators: what the numbers of each actor in the actors panel
     * are; %u is the number of articles open */
    summary = g_strdup_printf (ngettext ("Counts in the open article",
                                         "Counts in the %u open articles, in column order",
                                         n_articles),
                               n_articles);

  gtk_label_set_text (self->summary_label, summary);
  gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "list" : "empty");
}

static void
refresh (VpActorsPanel *self)
{
  update_summary (self);
  g_signal_emit (self, signals[REFRESH], 0);
}

static void
shown_changed_cb (VpActorsPanel *self)
{
  update_summary (self);
}

/* A filter list model does not watch its items: an actor enabled or
 * disabled is looked at again when the set says it changed. */
static void
actors_changed_cb (VpActorsPanel *self)
{
  gtk_filter_changed (self->enabled, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
list_activate_cb (VpActorsPanel *self,
                  guint          position)
{
  g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (actor != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.edit-actor", "s",
                                vp_actor_get_id (actor));
}

static void
vp_actors_panel_dispose (GObject *object)
{
  VpActorsPanel *self = (VpActorsPanel *)object;
  GtkWidget *child;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->workspace, refresh, self);
      g_signal_handlers_disconnect_by_func (vp_workspace_get_actors (self->workspace),
                                            actors_changed_cb, self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_ACTORS_PANEL);

  /* The template's root box is not bound, so it is not disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->shown);
  g_clear_object (&self->enabled);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (vp_actors_panel_parent_class)->dispose (object);
}

static void
vp_actors_panel_finalize (GObject *object)
{
  VpActorsPanel *self = (VpActorsPanel *)object;

  g_clear_pointer (&self->hidden, g_hash_table_unref);

  G_OBJECT_CLASS (vp_actors_panel_parent_class)->finalize (object);
}

static void
vp_actors_panel_class_init (VpActorsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_actors_panel_dispose;
  object_class->finalize = vp_actors_panel_finalize;

  /**
   * VpActorsPanel::refresh:
   *
   * The counts or the hidden actors may have changed: rows look again.
   */
  signals[REFRESH] =
    g_signal_new ("refresh",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-actors-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VpActorsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VpActorsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, VpActorsPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actorspanel");

  g_type_ensure (VP_TYPE_ACTOR);
  g_type_ensure (VP_TYPE_ACTOR_ROW);
}

static void
vp_actors_panel_init (VpActorsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->hidden = g_hash_table_new (NULL, NULL);
  self->enabled = GTK_FILTER (gtk_bool_filter_new (gtk_property_expression_new (VP_TYPE_ACTOR, NULL,
                                                                                "enabled")));
  update_summary (self);
}

GtkWidget *
vp_actors_panel_new (void)
{
  return g_object_new (VP_TYPE_ACTORS_PANEL, NULL);
}

/**
 * vp_actors_panel_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace whose actors are shown
 */
VpWorkspace *
vp_actors_panel_get_workspace (VpActorsPanel *self)
{
  g_return_val_if_fail (VP_IS_ACTORS_PANEL (self), NULL);

  return self->workspace;
}

void
vp_actors_panel_set_workspace (VpActorsPanel *self,
                               VpWorkspace   *workspace)
{
  g_return_if_fail (VP_IS_ACTORS_PANEL (self));
  g_return_if_fail (workspace == NULL || VP_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->workspace, refresh, self);
      g_signal_handlers_disconnect_by_func (vp_workspace_get_actors (self->workspace),
                                            actors_changed_cb, self);
    }

  g_set_object (&self->workspace, workspace);
  g_clear_object (&self->shown);

  if (workspace != NULL)
    {
      /* The actors the workspace tags; the others wait in "Choose
       * Actors". */
      self->shown = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (vp_workspace_get_actors (workspace))),
                                               g_object_ref (self->enabled));
      g_signal_connect_object (vp_workspace_get_actors (workspace), "changed",
                               G_CALLBACK (actors_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->shown, "items-changed", G_CALLBACK (shown_changed_cb), self,
                               G_CONNECT_SWAPPED);

      /* Whatever changes a count ends with the workspace's ::changed:
       * an operation, an undo, an article come or gone. */
      g_signal_connect_object (workspace, "changed", G_CALLBACK (refresh), self,
                               G_CONNECT_SWAPPED);

      {
        g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));

        gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
      }
    }
  else
    gtk_list_view_set_model (self->list_view, NULL);

  refresh (self);
}

/**
 * vp_actors_panel_set_hidden_actors:
 * @actor_ids: (nullable): the actors whose highlights are hidden
 *
 * Sets the rows' switches.
 */
void
vp_actors_panel_set_hidden_actors (VpActorsPanel      *self,
                                   const char * const *actor_ids)
{
  g_return_if_fail (VP_IS_ACTORS_PANEL (self));

  g_hash_table_remove_all (self->hidden);
  for (guint i = 0; actor_ids != NULL && actor_ids[i] != NULL; i++)
    g_hash_table_add (self->hidden, (gpointer)g_intern_string (actor_ids[i]));

  g_signal_emit (self, signals[REFRESH], 0);
}

gboolean
vp_actors_panel_is_hidden (VpActorsPanel *self,
                           const char    *actor_id)
{
  g_return_val_if_fail (VP_IS_ACTORS_PANEL (self), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);

  return g_hash_table_contains (self->hidden, g_intern_string (actor_id));
}

/**
 * vp_actors_panel_get_model:
 *
 * Returns: (transfer none) (nullable): the actors listed, in order
 */
GListModel *
vp_actors_panel_get_model (VpActorsPanel *self)
{
  g_return_val_if_fail (VP_IS_ACTORS_PANEL (self), NULL);

  return self->shown != NULL ? G_LIST_MODEL (self->shown) : NULL;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *actor_id)
{
  if (VP_IS_ACTOR_ROW (widget))
    {
      VpActor *actor = vp_actor_row_get_actor (VP_ACTOR_ROW (widget));

      return actor != NULL && g_str_equal (vp_actor_get_id (actor), actor_id) ? widget : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, actor_id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * vp_actors_panel_get_row:
 *
 * Returns: (transfer none) (nullable): the #VpActorRow of an actor, if
 *   it is on screen
 */
GtkWidget *
vp_actors_panel_get_row (VpActorsPanel *self,
                         const char    *actor_id)
{
  g_return_val_if_fail (VP_IS_ACTORS_PANEL (self), NULL);
  g_return_val_if_fail (actor_id != NULL, NULL);

  return find_row (GTK_WIDGET (self->list_view), actor_id);
}
