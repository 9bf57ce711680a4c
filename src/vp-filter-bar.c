/* vp-filter-bar.c
 *
 * A bar above the columns with a chip for each enabled actor: the chips
 * switched on are the actors the outlines are filtered by, so that only
 * the points involving one of them remain, in every column. The bar
 * holds the choice and says when it changes; the window applies it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-actor-swatch.h"
#include "vp-filter-bar.h"

struct _VpFilterBar
{
  GtkWidget    parent_instance;

  VpActorSet  *actors;
  GHashTable  *chosen;      /* interned ids */
  GHashTable  *chips;       /* interned id → GtkToggleButton */
  gboolean     updating;

  /* Template widgets */
  GtkFlowBox  *chips_box;
  GtkLabel    *summary_label;
  GtkWidget   *clear_button;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpFilterBar, vp_filter_bar, GTK_TYPE_WIDGET)

static void
emit_changed (VpFilterBar *self)
{
  gtk_widget_set_sensitive (self->clear_button, g_hash_table_size (self->chosen) > 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
chip_toggled_cb (VpFilterBar     *self,
                 GtkToggleButton *chip)
{
  const char *id = g_object_get_data (G_OBJECT (chip), "vp-actor-id");

  if (self->updating)
    return;

  if (gtk_toggle_button_get_active (chip))
    g_hash_table_add (self->chosen, (gpointer)id);
  else
    g_hash_table_remove (self->chosen, id);

  emit_changed (self);
}

static GtkWidget *
new_chip (VpFilterBar *self,
          VpActor     *actor)
{
  const char *id = g_intern_string (vp_actor_get_id (actor));
  GtkWidget *chip = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (vp_actor_get_name (actor));
  g_autofree char *tooltip = NULL;

  gtk_box_append (GTK_BOX (box), vp_actor_swatch_new (vp_actor_get_color (actor)));
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (chip), box);
  gtk_widget_add_css_class (chip, "filter-chip");

  /* Translators: the tooltip of an actor's chip in the filter bar */
  tooltip = g_strdup_printf (_("Show the proposals involving %s"), vp_actor_get_name (actor));
  gtk_widget_set_tooltip_text (chip, tooltip);

  g_object_set_data (G_OBJECT (chip), "vp-actor-id", (gpointer)id);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), g_hash_table_contains (self->chosen, id));
  g_signal_connect_object (chip, "toggled", G_CALLBACK (chip_toggled_cb), self, G_CONNECT_SWAPPED);

  return chip;
}

/* One chip per enabled actor, in the set's order. Actors that left or
 * were disabled leave the filter too. */
static void
rebuild (VpFilterBar *self)
{
  GtkWidget *child;
  GListModel *model;
  guint n;
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);

  self->updating = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);
  g_hash_table_remove_all (self->chips);

  model = self->actors != NULL ? G_LIST_MODEL (self->actors) : NULL;
  n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (model, i);
      GtkWidget *chip;

      if (!vp_actor_get_enabled (actor))
        continue;

      chip = new_chip (self, actor);
      gtk_flow_box_append (self->chips_box, chip);
      g_hash_table_insert (self->chips, (gpointer)g_intern_string (vp_actor_get_id (actor)), chip);

      if (g_hash_table_contains (self->chosen, g_intern_string (vp_actor_get_id (actor))))
        g_hash_table_add (kept, (gpointer)g_intern_string (vp_actor_get_id (actor)));
    }

  /* The flow box's own children need not take the focus: the chips do. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->updating = FALSE;

  if (g_hash_table_size (kept) != g_hash_table_size (self->chosen))
    {
      g_hash_table_unref (self->chosen);
      self->chosen = g_hash_table_ref (kept);
      emit_changed (self);
    }
}

static void
clear_clicked_cb (VpFilterBar *self)
{
  vp_filter_bar_clear (self);
}

static void
vp_filter_bar_dispose (GObject *object)
{
  VpFilterBar *self = (VpFilterBar *)object;
  GtkWidget *child;

  if (self->actors != NULL)
    g_signal_handlers_disconnect_by_func (self->actors, rebuild, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_FILTER_BAR);

  /* The template's root box is not bound, so it is not disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->actors);

  G_OBJECT_CLASS (vp_filter_bar_parent_class)->dispose (object);
}

static void
vp_filter_bar_finalize (GObject *object)
{
  VpFilterBar *self = (VpFilterBar *)object;

  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->chips, g_hash_table_unref);

  G_OBJECT_CLASS (vp_filter_bar_parent_class)->finalize (object);
}

static void
vp_filter_bar_class_init (VpFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_filter_bar_dispose;
  object_class->finalize = vp_filter_bar_finalize;

  /**
   * VpFilterBar::changed:
   *
   * The actors chosen changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, VpFilterBar, chips_box);
  gtk_widget_class_bind_template_child (widget_class, VpFilterBar, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VpFilterBar, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterbar");
}

static void
vp_filter_bar_init (VpFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen = g_hash_table_new (NULL, NULL);
  self->chips = g_hash_table_new (NULL, NULL);
  gtk_widget_set_sensitive (self->clear_button, FALSE);
}

GtkWidget *
vp_filter_bar_new (void)
{
  return g_object_new (VP_TYPE_FILTER_BAR, NULL);
}

/**
 * vp_filter_bar_set_actors:
 * @actors: the set whose enabled actors to offer
 */
void
vp_filter_bar_set_actors (VpFilterBar *self,
                          VpActorSet  *actors)
{
  g_return_if_fail (VP_IS_FILTER_BAR (self));
  g_return_if_fail (actors == NULL || VP_IS_ACTOR_SET (actors));

  if (self->actors == actors)
    return;

  if (self->actors != NULL)
    g_signal_handlers_disconnect_by_func (self->actors, rebuild, self);

  g_set_object (&self->actors, actors);

  if (actors != NULL)
    g_signal_connect_object (actors, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);

  rebuild (self);
}

/**
 * vp_filter_bar_dup_chosen:
 *
 * Returns: (transfer full): the ids of the actors chosen, in the set's
 *   order; empty when the outlines are not filtered
 */
char **
vp_filter_bar_dup_chosen (VpFilterBar *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GListModel *model;
  guint n;

  g_return_val_if_fail (VP_IS_FILTER_BAR (self), NULL);

  model = self->actors != NULL ? G_LIST_MODEL (self->actors) : NULL;
  n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (model, i);
      const char *id = g_intern_string (vp_actor_get_id (actor));

      if (g_hash_table_contains (self->chosen, id))
        g_strv_builder_add (ids, id);
    }

  return g_strv_builder_end (ids);
}

gboolean
vp_filter_bar_get_chosen (VpFilterBar *self,
                          const char  *actor_id)
{
  g_return_val_if_fail (VP_IS_FILTER_BAR (self), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);

  return g_hash_table_contains (self->chosen, g_intern_string (actor_id));
}

/**
 * vp_filter_bar_set_chosen:
 * @actor_id: one of the enabled actors
 * @chosen: whether the outlines show its points
 */
void
vp_filter_bar_set_chosen (VpFilterBar *self,
                          const char  *actor_id,
                          gboolean     chosen)
{
  GtkWidget *chip;

  g_return_if_fail (VP_IS_FILTER_BAR (self));
  g_return_if_fail (actor_id != NULL);

  chip = g_hash_table_lookup (self->chips, g_intern_string (actor_id));
  if (chip == NULL)
    return;

  /* The chip says it changed. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), chosen);
}

/**
 * vp_filter_bar_clear:
 *
 * Chooses no actor: the outlines show every point again.
 */
void
vp_filter_bar_clear (VpFilterBar *self)
{
  GHashTableIter iter;
  gpointer chip;

  g_return_if_fail (VP_IS_FILTER_BAR (self));

  if (g_hash_table_size (self->chosen) == 0)
    return;

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->chips);
  while (g_hash_table_iter_next (&iter, NULL, &chip))
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip), FALSE);
  self->updating = FALSE;

  g_hash_table_remove_all (self->chosen);
  emit_changed (self);
}

/**
 * vp_filter_bar_set_summary:
 * @summary: (nullable): how many points the filter shows, of all
 */
void
vp_filter_bar_set_summary (VpFilterBar *self,
                           const char  *summary)
{
  g_return_if_fail (VP_IS_FILTER_BAR (self));

  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL);
}

/**
 * vp_filter_bar_get_chip:
 *
 * Returns: (transfer none) (nullable): the toggle button of an actor
 */
GtkWidget *
vp_filter_bar_get_chip (VpFilterBar *self,
                        const char  *actor_id)
{
  g_return_val_if_fail (VP_IS_FILTER_BAR (self), NULL);
  g_return_val_if_fail (actor_id != NULL, NULL);

  return g_hash_table_lookup (self->chips, g_intern_string (actor_id));
}
