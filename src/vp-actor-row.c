/* vp-actor-row.c
 *
 * An actor in the actors panel: its colour, name and kind, how often each
 * open article mentions it and how many of each article's proposals
 * involve it (in column order, as the core counts them for the
 * comparison and the exports), a switch for its highlights, and a menu
 * to edit, filter by, merge or delete it.
 *
 * The counts follow the panel's workspace, whose ::changed says when any
 * of them may have changed; the row finds the panel once it is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-actor-row.h"
#include "vp-actor-swatch.h"
#include "vp-actors-panel.h"
#include "vp-comparison.h"
#include "vp-mnemonic.h"

struct _VpActorRow
{
  GtkWidget      parent_instance;

  VpActor       *actor;
  GBinding      *color_binding;
  GSignalGroup  *actor_signals;
  GSignalGroup  *panel_signals;
  GMenu         *menu;
  char          *counts_text;
  gboolean       updating;

  /* Template widgets */
  VpActorSwatch *swatch;
  GtkLabel      *name_label;
  GtkLabel      *kind_label;
  GtkWidget     *counts_grid;
  GtkLabel      *mentions_label;
  GtkLabel      *proposals_label;
  GtkSwitch     *highlight_switch;
  GtkMenuButton *menu_button;
};

enum {
  PROP_0,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VpActorRow, vp_actor_row, GTK_TYPE_WIDGET)

static const char *
kind_name (VpActorKind kind)
{
  switch (kind)
    {
    case VP_ACTOR_KIND_STATE:
      return C_("actor kind", "State");
    case VP_ACTOR_KIND_ORGANISATION:
      return C_("actor kind", "Organisation");
    case VP_ACTOR_KIND_GROUP:
      return C_("actor kind", "Group");
    case VP_ACTOR_KIND_PERSON:
      return C_("actor kind", "Person");
    case VP_ACTOR_KIND_OTHER:
    default:
      return C_("actor kind", "Other");
    }
}

static VpActorsPanel *
get_panel (VpActorRow *self)
{
  GtkWidget *panel = gtk_widget_get_ancestor (GTK_WIDGET (self), VP_TYPE_ACTORS_PANEL);

  return panel != NULL ? VP_ACTORS_PANEL (panel) : NULL;
}

static void
update_counts (VpActorRow *self)
{
  VpActorsPanel *panel = get_panel (self);
  VpWorkspace *workspace = panel != NULL ? vp_actors_panel_get_workspace (panel) : NULL;
  g_autoptr(GString) mentions = g_string_new (NULL);
  g_autoptr(GString) proposals = g_string_new (NULL);
  g_autoptr(GString) tooltip = g_string_new (NULL);
  guint n_articles = workspace != NULL ? vp_workspace_get_n_articles (workspace) : 0;
  const char *id;

  g_clear_pointer (&self->counts_text, g_free);

  if (self->actor == NULL || n_articles == 0)
    {
      gtk_widget_set_visible (self->counts_grid, FALSE);
      gtk_widget_set_tooltip_text (self->counts_grid, NULL);
      return;
    }

  id = vp_actor_get_id (self->actor);

  for (guint i = 0; i < n_articles; i++)
    {
      VpArticle *article = vp_workspace_get_article (workspace, i);
      guint n_mentions = vp_article_count_mentions (article, id);
      guint n_proposals = vp_comparison_count_proposals (article, id);
      const char *title = vp_article_get_title (article);

      if (i > 0)
        {
          g_string_append (mentions, " · ");
          g_string_append (proposals, " · ");
          g_string_append_c (tooltip, '\n');
        }

      g_string_append_printf (mentions, "%u", n_mentions);
      g_string_append_printf (proposals, "%u", n_proposals);

      if (title == NULL || title[0] == '\0')
        title = vp_article_get_source (article);

      {
        g_autofree char *mention_count = NULL;
        g_autofree char *proposal_count = NULL;

        mention_count = g_strdup_printf (ngettext ("%u mention", "%u mentions", n_mentions),
                                         n_mentions);
        proposal_count = g_strdup_printf (ngettext ("%u proposal", "%u proposals", n_proposals),
                                          n_proposals);
        /* Translators: a line of the tooltip of an actor's counts: an
         * article's title, how often it mentions the actor ("12
         * mentions") and how many of its proposals involve it ("3
         * proposals") */
        g_string_append_printf (tooltip, _("“%s”: %s, %s"), title, mention_count, proposal_count);
      }
    }

  gtk_label_set_text (self->mentions_label, mentions->str);
  gtk_label_set_text (self->proposals_label, proposals->str);
  gtk_widget_set_tooltip_text (self->counts_grid, tooltip->str);
  gtk_widget_set_visible (self->counts_grid, TRUE);

  self->counts_text = g_strdup_printf ("%s / %s", mentions->str, proposals->str);
}

static void
update_switch (VpActorRow *self)
{
  VpActorsPanel *panel = get_panel (self);
  gboolean shown;

  if (self->actor == NULL || panel == NULL)
    return;

  shown = !vp_actors_panel_is_hidden (panel, vp_actor_get_id (self->actor));

  self->updating = TRUE;
  gtk_switch_set_active (self->highlight_switch, shown);
  self->updating = FALSE;
}

static void
update_actor (VpActorRow *self)
{
  g_autofree char *switch_label = NULL;
  g_autofree char *accessible = NULL;

  if (self->actor == NULL)
    return;

  gtk_label_set_text (self->name_label, vp_actor_get_name (self->actor));
  gtk_label_set_text (self->kind_label, kind_name (vp_actor_get_kind (self->actor)));

  /* Translators: the accessible name of the switch that shows or hides
   * an actor's highlights; %s is its name */
  switch_label = g_strdup_printf (_("Highlight %s"), vp_actor_get_name (self->actor));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->highlight_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->highlight_switch), switch_label);

  accessible = g_strdup_printf ("%s, %s", vp_actor_get_name (self->actor),
                                kind_name (vp_actor_get_kind (self->actor)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
refresh_cb (VpActorRow *self)
{
  update_counts (self);
  update_switch (self);
}

static void
switch_active_cb (VpActorRow *self)
{
  if (self->updating || self->actor == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-actor-highlighted", "(sb)",
                              vp_actor_get_id (self->actor),
                              gtk_switch_get_active (self->highlight_switch));
}

static void
build_menu (VpActorRow *self)
{
  g_autoptr(GMenu) main_section = g_menu_new ();
  g_autoptr(GMenu) merge_menu = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  g_autoptr(GMenuItem) edit = NULL;
  g_autoptr(GMenuItem) filter = NULL;
  g_autoptr(GMenuItem) delete = NULL;
  VpActorsPanel *panel = get_panel (self);
  VpWorkspace *workspace = panel != NULL ? vp_actors_panel_get_workspace (panel) : NULL;
  GVariant *target;
  const char *id;

  g_menu_remove_all (self->menu);

  if (self->actor == NULL || workspace == NULL)
    return;

  id = vp_actor_get_id (self->actor);
  target = g_variant_new_string (id);
  g_variant_ref_sink (target);

  edit = g_menu_item_new (_("_Edit…"), NULL);
  g_menu_item_set_action_and_target_value (edit, "win.edit-actor", target);
  g_menu_append_item (main_section, edit);

  filter = g_menu_item_new (_("_Filter Proposals"), NULL);
  g_menu_item_set_action_and_target_value (filter, "win.filter-actor", target);
  g_menu_append_item (main_section, filter);

  /* Into any other actor in use. */
  {
    GListModel *actors = G_LIST_MODEL (vp_workspace_get_actors (workspace));
    guint n = g_list_model_get_n_items (actors);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(VpActor) other = g_list_model_get_item (actors, i);
        g_autoptr(GMenuItem) item = NULL;
        g_autofree char *name = NULL;

        if (other == self->actor || !vp_actor_get_enabled (other))
          continue;

        name = vp_escape_mnemonic (vp_actor_get_name (other));
        item = g_menu_item_new (name, NULL);
        g_menu_item_set_action_and_target_value (item, "win.merge-actors",
                                                 g_variant_new ("(ss)", vp_actor_get_id (other), id));
        g_menu_append_item (merge_menu, item);
      }
  }

  if (g_menu_model_get_n_items (G_MENU_MODEL (merge_menu)) > 0)
    g_menu_append_submenu (main_section, _("_Merge Into"), G_MENU_MODEL (merge_menu));

  delete = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (delete, "win.delete-actor", target);
  g_menu_append_item (delete_section, delete);

  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (main_section));
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (delete_section));

  g_variant_unref (target);
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  build_menu (VP_ACTOR_ROW (user_data));
}

static void
vp_actor_row_root (GtkWidget *widget)
{
  VpActorRow *self = VP_ACTOR_ROW (widget);

  GTK_WIDGET_CLASS (vp_actor_row_parent_class)->root (widget);

  g_signal_group_set_target (self->panel_signals, get_panel (self));
  refresh_cb (self);
}

static void
vp_actor_row_unroot (GtkWidget *widget)
{
  VpActorRow *self = VP_ACTOR_ROW (widget);

  g_signal_group_set_target (self->panel_signals, NULL);

  GTK_WIDGET_CLASS (vp_actor_row_parent_class)->unroot (widget);
}

static void
vp_actor_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VpActorRow *self = VP_ACTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      g_value_set_object (value, self->actor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_actor_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VpActorRow *self = VP_ACTOR_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTOR:
      vp_actor_row_set_actor (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_actor_row_dispose (GObject *object)
{
  VpActorRow *self = (VpActorRow *)object;
  GtkWidget *child;

  g_clear_pointer (&self->color_binding, g_binding_unbind);
  if (self->actor_signals != NULL)
    g_signal_group_set_target (self->actor_signals, NULL);
  if (self->panel_signals != NULL)
    g_signal_group_set_target (self->panel_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_ACTOR_ROW);

  /* The template's root box is not bound, so it is not disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->actor);
  g_clear_object (&self->actor_signals);
  g_clear_object (&self->panel_signals);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (vp_actor_row_parent_class)->dispose (object);
}

static void
vp_actor_row_finalize (GObject *object)
{
  VpActorRow *self = (VpActorRow *)object;

  g_clear_pointer (&self->counts_text, g_free);

  G_OBJECT_CLASS (vp_actor_row_parent_class)->finalize (object);
}

static void
vp_actor_row_class_init (VpActorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = vp_actor_row_get_property;
  object_class->set_property = vp_actor_row_set_property;
  object_class->dispose = vp_actor_row_dispose;
  object_class->finalize = vp_actor_row_finalize;

  widget_class->root = vp_actor_row_root;
  widget_class->unroot = vp_actor_row_unroot;

  properties[PROP_ACTOR] =
    g_param_spec_object ("actor", NULL, NULL,
                         VP_TYPE_ACTOR,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-actor-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VpActorRow, swatch);
  gtk_widget_class_bind_template_child (widget_class, VpActorRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, VpActorRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, VpActorRow, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, VpActorRow, mentions_label);
  gtk_widget_class_bind_template_child (widget_class, VpActorRow, proposals_label);
  gtk_widget_class_bind_template_child (widget_class, VpActorRow, highlight_switch);
  gtk_widget_class_bind_template_child (widget_class, VpActorRow, menu_button);
  gtk_widget_class_bind_template_callback (widget_class, switch_active_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actorrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (VP_TYPE_ACTOR_SWATCH);
}

static void
vp_actor_row_init (VpActorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->menu_button, G_MENU_MODEL (self->menu));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_popup_cb, self, NULL);

  self->actor_signals = g_signal_group_new (VP_TYPE_ACTOR);
  g_signal_group_connect_swapped (self->actor_signals, "notify::name",
                                  G_CALLBACK (update_actor), self);
  g_signal_group_connect_swapped (self->actor_signals, "notify::kind",
                                  G_CALLBACK (update_actor), self);

  self->panel_signals = g_signal_group_new (VP_TYPE_ACTORS_PANEL);
  g_signal_group_connect_swapped (self->panel_signals, "refresh",
                                  G_CALLBACK (refresh_cb), self);
}

/**
 * vp_actor_row_get_actor:
 *
 * Returns: (transfer none) (nullable): the actor shown
 */
VpActor *
vp_actor_row_get_actor (VpActorRow *self)
{
  g_return_val_if_fail (VP_IS_ACTOR_ROW (self), NULL);

  return self->actor;
}

void
vp_actor_row_set_actor (VpActorRow *self,
                        VpActor    *actor)
{
  g_return_if_fail (VP_IS_ACTOR_ROW (self));
  g_return_if_fail (actor == NULL || VP_IS_ACTOR (actor));

  if (!g_set_object (&self->actor, actor))
    return;

  g_clear_pointer (&self->color_binding, g_binding_unbind);
  if (actor != NULL)
    self->color_binding = g_object_bind_property (actor, "color", self->swatch, "color",
                                                  G_BINDING_SYNC_CREATE);
  g_signal_group_set_target (self->actor_signals, actor);

  update_actor (self);
  refresh_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

/**
 * vp_actor_row_get_counts_text:
 *
 * Returns: (nullable): the counts as shown, "mentions / proposals" per
 *   article: "12 · 3 / 2 · 1"; %NULL with no article open
 */
const char *
vp_actor_row_get_counts_text (VpActorRow *self)
{
  g_return_val_if_fail (VP_IS_ACTOR_ROW (self), NULL);

  return self->counts_text;
}

/**
 * vp_actor_row_get_switch:
 *
 * Returns: (transfer none): the switch that shows or hides the highlights
 */
GtkWidget *
vp_actor_row_get_switch (VpActorRow *self)
{
  g_return_val_if_fail (VP_IS_ACTOR_ROW (self), NULL);

  return GTK_WIDGET (self->highlight_switch);
}

/**
 * vp_actor_row_get_menu:
 *
 * Returns: (transfer none): the row's menu, as it would open now
 */
GMenuModel *
vp_actor_row_get_menu (VpActorRow *self)
{
  g_return_val_if_fail (VP_IS_ACTOR_ROW (self), NULL);

  build_menu (self);

  return G_MENU_MODEL (self->menu);
}
