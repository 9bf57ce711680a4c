/* vp-outline-row.c
 *
 * A row of the outline tree. Its item is a VpOutlineSection (a heading
 * with its lead-in and how many points it holds) or a VpOutlineItem (a
 * point: its label, its text and the actors it involves).
 *
 * A single click on a row activates it: the list view activates rows on
 * a double click only, and a click that merely selects would leave a
 * first-time user wondering why the article did not move.
 *
 * A right click (or the Menu key) on a point opens its menu, which adds
 * an actor to the whole proposal or removes one from it, and links a
 * proposal with one of another article (win.choose-link). The chips
 * follow the point's actors as corrections change them, and the actors'
 * names and colours as the reader edits them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-outline-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-actor-chip.h"
#include "vp-mnemonic.h"
#include "vp-outline-item.h"
#include "vp-outline-row.h"
#include "vp-outline-section.h"
#include "vp-outline-view.h"
#include "vp-tooltip.h"

struct _VpOutlineRow
{
  GtkWidget        parent_instance;

  GtkTreeListRow  *list_row;
  guint            position;
  VpOutlineItem   *item;          /* when the row is a point */
  GSignalGroup    *item_signals;
  GSignalGroup    *actor_signals; /* of the outline's actor set */
  GMenu           *menu;
  GtkWidget       *popover;

  /* Template widgets */
  GtkTreeExpander *expander;
  GtkWidget       *section_box;
  GtkLabel        *heading_label;
  GtkLabel        *lead_in_label;
  GtkWidget       *count_box;
  GtkWidget       *warning_icon;
  GtkLabel        *count_label;
  GtkWidget       *item_box;
  GtkLabel        *label_label;
  GtkLabel        *text_label;
  GtkFlowBox      *chips_box;
};

enum {
  PROP_0,
  PROP_LIST_ROW,
  PROP_POSITION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VpOutlineRow, vp_outline_row, GTK_TYPE_WIDGET)

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

static void
update_section (VpOutlineRow     *self,
                VpOutlineSection *section)
{
  const char *heading = vp_outline_section_get_heading (section);
  const char *lead_in = vp_outline_section_get_lead_in (section);
  guint n_items = vp_outline_section_get_n_items (section);
  int expected = vp_outline_section_get_expected_count (section);
  gboolean differs = vp_outline_section_count_differs (section);
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;

  /* A list without a heading is named by its lead-in, the sentence that
   * introduces it; failing both, by what it is. */
  if (heading == NULL || heading[0] == '\0')
    {
      heading = lead_in != NULL && lead_in[0] != '\0' ? lead_in : _("Points");
      lead_in = NULL;
    }

  if (differs)
    /* Translators: the points found in a list, then the number its
     * lead-in announced ("three fronts") */
    count = g_strdup_printf (ngettext ("%u found, %d announced", "%u found, %d announced", n_items),
                             n_items, expected);
  else if (expected >= 0)
    /* Translators: e.g. "3 of 3": the points found of those announced */
    count = g_strdup_printf (_("%u of %d"), n_items, expected);
  else
    count = g_strdup_printf (ngettext ("%u point", "%u points", n_items), n_items);

  set_label (self->heading_label, heading);
  set_label (self->lead_in_label, lead_in);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (self->warning_icon, differs);

  if (differs)
    {
      gtk_widget_add_css_class (self->count_box, "warning");
      vp_tooltip_set_text (self->count_box,
                                   _("The lead-in announces a different number of points "
                                     "than the list holds"));
    }
  else
    {
      gtk_widget_remove_css_class (self->count_box, "warning");
      vp_tooltip_set_text (self->count_box, NULL);
    }

  accessible = g_strdup_printf ("%s, %s", heading, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  gtk_widget_set_visible (self->section_box, TRUE);
  gtk_widget_set_visible (self->item_box, FALSE);
}

static void
clear_chips (VpOutlineRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);
}

static void
update_chips (VpOutlineRow  *self,
              VpOutlineItem *item,
              GString       *accessible)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), VP_TYPE_OUTLINE_VIEW);
  const char * const *actors = vp_outline_item_get_actors (item);
  VpActorSet *actor_set;

  clear_chips (self);

  if (view == NULL || actors == NULL || actors[0] == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
      return;
    }

  actor_set = vp_outline_view_get_actors (VP_OUTLINE_VIEW (view));
  if (actor_set == NULL)
    return;

  for (guint i = 0; actors[i] != NULL; i++)
    {
      GtkWidget *chip = vp_actor_chip_new (actor_set, actors[i]);

      gtk_flow_box_append (self->chips_box, chip);
      g_string_append (accessible, i == 0 ? " (" : ", ");
      g_string_append (accessible, vp_actor_chip_get_name (VP_ACTOR_CHIP (chip)));
    }

  g_string_append_c (accessible, ')');
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), TRUE);
}

static void
update_item (VpOutlineRow  *self,
             VpOutlineItem *item)
{
  const char *label = vp_outline_item_get_label (item);
  g_autofree char *marker = NULL;
  g_autoptr(GString) accessible = g_string_new (NULL);

  if (label != NULL)
    marker = g_strdup_printf (C_("list marker", "%s."), label);

  gtk_label_set_text (self->label_label, marker != NULL ? marker : "•");
  gtk_label_set_text (self->text_label, vp_outline_item_get_text (item));
  vp_tooltip_set_text (GTK_WIDGET (self->text_label), vp_outline_item_get_text (item));

  if (marker != NULL)
    g_string_append_printf (accessible, "%s ", marker);
  g_string_append (accessible, vp_outline_item_get_text (item));
  update_chips (self, item, accessible);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);

  gtk_widget_set_visible (self->section_box, FALSE);
  gtk_widget_set_visible (self->item_box, TRUE);
}

static void
update (VpOutlineRow *self)
{
  gpointer item = self->list_row != NULL ? gtk_tree_list_row_get_item (self->list_row) : NULL;
  VpOutlineItem *point = VP_IS_OUTLINE_ITEM (item) ? item : NULL;

  g_set_object (&self->item, point);
  g_signal_group_set_target (self->item_signals, self->item);

  if (VP_IS_OUTLINE_SECTION (item))
    update_section (self, item);
  else if (VP_IS_OUTLINE_ITEM (item))
    update_item (self, item);

  g_clear_object (&item);
}

static void
item_actors_changed_cb (VpOutlineRow *self)
{
  if (self->item != NULL)
    update_item (self, self->item);
}

static VpOutlineView *
get_view (VpOutlineRow *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), VP_TYPE_OUTLINE_VIEW);

  return view != NULL ? VP_OUTLINE_VIEW (view) : NULL;
}

/* The point's menu */

static void
build_menu (VpOutlineRow *self,
            VpActorSet   *actors)
{
  VpOutlineView *view = get_view (self);
  VpWorkspace *workspace = view != NULL ? vp_outline_view_get_workspace (view) : NULL;
  VpProposalRef ref;
  g_autoptr(GMenu) add_menu = g_menu_new ();
  g_autoptr(GMenu) remove_section = g_menu_new ();
  GListModel *model = G_LIST_MODEL (actors);
  guint n = g_list_model_get_n_items (model);

  g_menu_remove_all (self->menu);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;
      const char *id = vp_actor_get_id (actor);

      if (!vp_actor_get_enabled (actor))
        continue;

      name = vp_escape_mnemonic (vp_actor_get_name (actor));

      if (vp_outline_item_has_actor (self->item, id))
        {
          /* Translators: a menu item of a point of the outline; %s is an
           * actor's name */
          label = g_strdup_printf (_("Remove %s from Proposal"), name);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (item, "row.remove-actor",
                                                   g_variant_new_string (id));
          g_menu_append_item (remove_section, item);
        }
      else
        {
          item = g_menu_item_new (name, NULL);
          g_menu_item_set_action_and_target_value (item, "row.add-actor",
                                                   g_variant_new_string (id));
          g_menu_append_item (add_menu, item);
        }
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (add_menu)) > 0)
    {
      g_autoptr(GMenu) add_section = g_menu_new ();

      g_menu_append_submenu (add_section, _("_Add Actor to Proposal"), G_MENU_MODEL (add_menu));
      g_menu_append_section (self->menu, NULL, G_MENU_MODEL (add_section));
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (remove_section)) > 0)
    g_menu_append_section (self->menu, NULL, G_MENU_MODEL (remove_section));

  /* A proposal of its own, with another article to find it in. */
  if (workspace != NULL && vp_workspace_get_n_articles (workspace) > 1 &&
      vp_outline_view_find_proposal (view, self->item, &ref))
    {
      g_autoptr(GMenu) link_section = g_menu_new ();
      g_autoptr(GMenuItem) link = g_menu_item_new (_("_Link with a Proposal of Another Article…"),
                                                   NULL);

      g_menu_item_set_action_and_target_value (link, "win.choose-link",
                                               g_variant_new ("(uuui)", ref.article, ref.section,
                                                              ref.item, -1));
      g_menu_append_item (link_section, link);
      g_menu_append_section (self->menu, NULL, G_MENU_MODEL (link_section));
    }
}

/**
 * vp_outline_row_popup_menu:
 *
 * Opens the menu of the row's point, which adds actors to the proposal
 * or removes them.
 *
 * Returns: whether the row is a point, which has a menu
 */
gboolean
vp_outline_row_popup_menu (VpOutlineRow *self)
{
  VpOutlineView *view;
  VpActorSet *actors;

  g_return_val_if_fail (VP_IS_OUTLINE_ROW (self), FALSE);

  view = get_view (self);
  actors = view != NULL ? vp_outline_view_get_actors (view) : NULL;
  if (self->item == NULL || actors == NULL)
    return FALSE;

  build_menu (self, actors);

  if (self->popover == NULL)
    {
      self->popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (self->menu));
      gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
      gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
    }

  /* Under the whole row, unless a click says where. */
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { 0, 0,
                                                 gtk_widget_get_width (GTK_WIDGET (self)),
                                                 gtk_widget_get_height (GTK_WIDGET (self)) });
  gtk_popover_popup (GTK_POPOVER (self->popover));
  /* It is placed when the row is allocated. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return TRUE;
}

/**
 * vp_outline_row_get_popover:
 *
 * Returns: (transfer none) (nullable): the point's menu, once opened
 */
GtkWidget *
vp_outline_row_get_popover (VpOutlineRow *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ROW (self), NULL);

  return self->popover;
}

static void
item_actor_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VpOutlineRow *self = VP_OUTLINE_ROW (widget);
  VpOutlineView *view = get_view (self);

  if (view == NULL || self->item == NULL)
    return;

  vp_outline_view_set_item_actor (view, self->item, g_variant_get_string (parameter, NULL),
                                  g_str_equal (action_name, "row.add-actor"));
}

static void
context_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    VpOutlineRow    *self)
{
  if (!vp_outline_row_popup_menu (self))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover),
                               &(GdkRectangle) { x, y, 1, 1 });
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static GtkSizeRequestMode
vp_outline_row_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (GTK_WIDGET (VP_OUTLINE_ROW (widget)->expander));
}

static void
vp_outline_row_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  VpOutlineRow *self = VP_OUTLINE_ROW (widget);

  gtk_widget_measure (GTK_WIDGET (self->expander), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Laid out by hand rather than by a GtkBinLayout, which has no place for
 * the menu: a popover must be presented each time its parent moves. */
static void
vp_outline_row_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  VpOutlineRow *self = VP_OUTLINE_ROW (widget);

  gtk_widget_allocate (GTK_WIDGET (self->expander), width, height, baseline, NULL);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VpOutlineRow *self = VP_OUTLINE_ROW (widget);

  gtk_widget_activate_action (widget, "list.activate-item", "u", self->position);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   VpOutlineRow    *self)
{
  /* The second click of a double click is the list view's activation. */
  if (n_press == 1)
    gtk_widget_activate_action (GTK_WIDGET (self), "row.activate", NULL);
}

static void
vp_outline_row_root (GtkWidget *widget)
{
  VpOutlineRow *self = VP_OUTLINE_ROW (widget);
  VpOutlineView *view;

  GTK_WIDGET_CLASS (vp_outline_row_parent_class)->root (widget);

  /* The chips need the outline view's actors, found once rooted. */
  view = get_view (self);
  g_signal_group_set_target (self->actor_signals,
                             view != NULL ? vp_outline_view_get_actors (view) : NULL);
  update (self);
}

static void
vp_outline_row_unroot (GtkWidget *widget)
{
  VpOutlineRow *self = VP_OUTLINE_ROW (widget);

  g_signal_group_set_target (self->actor_signals, NULL);

  GTK_WIDGET_CLASS (vp_outline_row_parent_class)->unroot (widget);
}

static void
vp_outline_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VpOutlineRow *self = VP_OUTLINE_ROW (object);

  switch (prop_id)
    {
    case PROP_LIST_ROW:
      g_value_set_object (value, self->list_row);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_outline_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VpOutlineRow *self = VP_OUTLINE_ROW (object);

  switch (prop_id)
    {
    case PROP_LIST_ROW:
      vp_outline_row_set_list_row (self, g_value_get_object (value));
      break;

    case PROP_POSITION:
      vp_outline_row_set_position (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_outline_row_dispose (GObject *object)
{
  VpOutlineRow *self = (VpOutlineRow *)object;
  GtkWidget *child;

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_OUTLINE_ROW);

  /* The template's root box is not bound, so it is not disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->list_row);
  g_clear_object (&self->item);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->actor_signals);
  g_clear_object (&self->menu);

  G_OBJECT_CLASS (vp_outline_row_parent_class)->dispose (object);
}

static void
vp_outline_row_class_init (VpOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = vp_outline_row_get_property;
  object_class->set_property = vp_outline_row_set_property;
  object_class->dispose = vp_outline_row_dispose;

  widget_class->root = vp_outline_row_root;
  widget_class->unroot = vp_outline_row_unroot;
  widget_class->get_request_mode = vp_outline_row_get_request_mode;
  widget_class->measure = vp_outline_row_measure;
  widget_class->size_allocate = vp_outline_row_size_allocate;

  properties[PROP_LIST_ROW] =
    g_param_spec_object ("list-row", NULL, NULL,
                         GTK_TYPE_TREE_LIST_ROW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-outline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, expander);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, section_box);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, lead_in_label);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, count_box);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, item_box);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, label_label);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineRow, chips_box);

  /* Also what assistive technologies call to open a point. */
  gtk_widget_class_install_action (widget_class, "row.activate", NULL, activate_action);
  gtk_widget_class_install_action (widget_class, "row.add-actor", "s", item_actor_action);
  gtk_widget_class_install_action (widget_class, "row.remove-actor", "s", item_actor_action);

  gtk_widget_class_set_css_name (widget_class, "outlinerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vp_outline_row_init (VpOutlineRow *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (context_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->menu = g_menu_new ();

  self->item_signals = g_signal_group_new (VP_TYPE_OUTLINE_ITEM);
  g_signal_group_connect_swapped (self->item_signals, "notify::actors",
                                  G_CALLBACK (item_actors_changed_cb), self);

  /* A renamed or recoloured actor changes the chips. */
  self->actor_signals = g_signal_group_new (VP_TYPE_ACTOR_SET);
  g_signal_group_connect_swapped (self->actor_signals, "changed",
                                  G_CALLBACK (item_actors_changed_cb), self);
}

/**
 * vp_outline_row_get_list_row:
 *
 * Returns: (transfer none) (nullable): the tree row shown
 */
GtkTreeListRow *
vp_outline_row_get_list_row (VpOutlineRow *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ROW (self), NULL);

  return self->list_row;
}

void
vp_outline_row_set_list_row (VpOutlineRow   *self,
                             GtkTreeListRow *list_row)
{
  g_return_if_fail (VP_IS_OUTLINE_ROW (self));
  g_return_if_fail (list_row == NULL || GTK_IS_TREE_LIST_ROW (list_row));

  if (!g_set_object (&self->list_row, list_row))
    return;

  gtk_tree_expander_set_list_row (self->expander, list_row);
  update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIST_ROW]);
}

guint
vp_outline_row_get_position (VpOutlineRow *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ROW (self), 0);

  return self->position;
}

void
vp_outline_row_set_position (VpOutlineRow *self,
                             guint         position)
{
  g_return_if_fail (VP_IS_OUTLINE_ROW (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}
