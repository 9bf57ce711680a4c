/* vp-actor-picker.c
 *
 * "Tag as…": a search entry over the enabled actors, matched by name or
 * alias, and a button to make a new one. Typing narrows the list, the
 * arrow keys move through it from the entry, and Enter picks the actor
 * selected (the first one at the start), so that tagging from the
 * keyboard takes a shortcut, a few letters and Enter.
 *
 * The picker only says what was picked; its owner does the tagging.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor-picker"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vp-actor-picker.h"
#include "vp-actor-swatch.h"

struct _VpActorPicker
{
  GtkPopover          parent_instance;

  VpActorSet         *actors;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *search_filter;
  GtkSingleSelection *selection;
  char               *needle;       /* casefolded search text, or NULL */

  /* Template widgets */
  GtkLabel           *title_label;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
};

enum {
  PICKED,
  CREATE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpActorPicker, vp_actor_picker, GTK_TYPE_POPOVER)

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
search_match_cb (gpointer item,
                 gpointer user_data)
{
  VpActorPicker *self = user_data;
  VpActor *actor = item;

  if (self->needle == NULL)
    return TRUE;

  if (contains_folded (vp_actor_get_name (actor), self->needle))
    return TRUE;

  /* "Tehran" finds Iran. */
  for (guint i = 0; i < vp_actor_get_n_aliases (actor); i++)
    if (contains_folded (vp_actor_get_alias (actor, i, NULL), self->needle))
      return TRUE;

  return FALSE;
}

static void
update_stack (VpActorPicker *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
search_changed_cb (VpActorPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (stripped[0] != '\0')
    self->needle = g_utf8_casefold (stripped, -1);

  gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_single_selection_set_selected (self->selection, 0);
  update_stack (self);
}

/**
 * vp_actor_picker_pick:
 * @position: a row of the list as shown
 *
 * Picks the actor at @position, as a click on it does.
 *
 * Returns: whether there was one
 */
gboolean
vp_actor_picker_pick (VpActorPicker *self,
                      guint          position)
{
  g_autoptr(VpActor) actor = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (VP_IS_ACTOR_PICKER (self), FALSE);

  if (self->filtered == NULL)
    return FALSE;

  actor = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (actor == NULL)
    return FALSE;

  /* The handler may change the set, and so the list. */
  id = g_strdup (vp_actor_get_id (actor));
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[PICKED], 0, id);

  return TRUE;
}

static void
search_activate_cb (VpActorPicker *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (selected == GTK_INVALID_LIST_POSITION || !vp_actor_picker_pick (self, selected))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
stop_search_cb (VpActorPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
list_activate_cb (VpActorPicker *self,
                  guint          position)
{
  vp_actor_picker_pick (self, position);
}

static void
new_clicked_cb (VpActorPicker *self)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[CREATE_REQUESTED], 0, g_strstrip (text));
}

/* Up and Down move through the list while the entry keeps the focus. */
static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      VpActorPicker         *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint selected = gtk_single_selection_get_selected (self->selection);
  int delta;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    delta = 1;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    delta = -1;
  else
    return GDK_EVENT_PROPAGATE;

  if (n == 0)
    return GDK_EVENT_STOP;

  if (selected == GTK_INVALID_LIST_POSITION)
    selected = delta > 0 ? 0 : n - 1;
  else
    selected = CLAMP ((int)selected + delta, 0, (int)n - 1);

  gtk_single_selection_set_selected (self->selection, selected);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", selected);

  return GDK_EVENT_STOP;
}

static void
vp_actor_picker_show (GtkWidget *widget)
{
  VpActorPicker *self = VP_ACTOR_PICKER (widget);

  /* Each time afresh, with the actors enabled now: the filter does not
   * watch them while the picker is hidden. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->filtered != NULL)
    gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered),
                        GTK_FILTER_CHANGE_DIFFERENT);
  search_changed_cb (self);

  GTK_WIDGET_CLASS (vp_actor_picker_parent_class)->show (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
vp_actor_picker_dispose (GObject *object)
{
  VpActorPicker *self = (VpActorPicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_ACTOR_PICKER);

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->actors);

  G_OBJECT_CLASS (vp_actor_picker_parent_class)->dispose (object);
}

static void
vp_actor_picker_finalize (GObject *object)
{
  VpActorPicker *self = (VpActorPicker *)object;

  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (vp_actor_picker_parent_class)->finalize (object);
}

static void
vp_actor_picker_class_init (VpActorPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_actor_picker_dispose;
  object_class->finalize = vp_actor_picker_finalize;

  widget_class->show = vp_actor_picker_show;

  /**
   * VpActorPicker::picked:
   * @actor_id: the id of the actor picked
   */
  signals[PICKED] =
    g_signal_new ("picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * VpActorPicker::create-requested:
   * @text: what the search entry held, perhaps the new actor's name
   *
   * The user asked for a new actor.
   */
  signals[CREATE_REQUESTED] =
    g_signal_new ("create-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-actor-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, VpActorPicker, title_label);
  gtk_widget_class_bind_template_child (widget_class, VpActorPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VpActorPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, VpActorPicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);

  g_type_ensure (VP_TYPE_ACTOR);
  g_type_ensure (VP_TYPE_ACTOR_SWATCH);
}

static void
vp_actor_picker_init (VpActorPicker *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_filter = gtk_custom_filter_new (search_match_cb, self, NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GtkWidget *
vp_actor_picker_new (void)
{
  return g_object_new (VP_TYPE_ACTOR_PICKER, NULL);
}

/**
 * vp_actor_picker_set_actors:
 * @actors: the set whose enabled actors to offer
 */
void
vp_actor_picker_set_actors (VpActorPicker *self,
                            VpActorSet    *actors)
{
  GtkEveryFilter *filter;
  GtkBoolFilter *enabled;

  g_return_if_fail (VP_IS_ACTOR_PICKER (self));
  g_return_if_fail (VP_IS_ACTOR_SET (actors));

  if (!g_set_object (&self->actors, actors))
    return;

  /* Disabled actors find nothing in the text: tagging one would show
   * nothing until it is enabled again. */
  enabled = gtk_bool_filter_new (gtk_property_expression_new (VP_TYPE_ACTOR, NULL, "enabled"));
  filter = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), GTK_FILTER (enabled));
  gtk_multi_filter_append (GTK_MULTI_FILTER (filter), g_object_ref (GTK_FILTER (self->search_filter)));

  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (actors)),
                                              GTK_FILTER (filter));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  update_stack (self);
}

/**
 * vp_actor_picker_set_title:
 * @title: what picking does, such as “Tag “Riyadh” as”
 */
void
vp_actor_picker_set_title (VpActorPicker *self,
                           const char    *title)
{
  g_return_if_fail (VP_IS_ACTOR_PICKER (self));

  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL && title[0] != '\0');
}

/**
 * vp_actor_picker_set_search:
 *
 * Types @text into the search entry.
 */
void
vp_actor_picker_set_search (VpActorPicker *self,
                            const char    *text)
{
  g_return_if_fail (VP_IS_ACTOR_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self);
}

/**
 * vp_actor_picker_get_n_shown:
 *
 * Returns: how many actors the list shows for the search
 */
guint
vp_actor_picker_get_n_shown (VpActorPicker *self)
{
  g_return_val_if_fail (VP_IS_ACTOR_PICKER (self), 0);

  return self->filtered != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) : 0;
}
