/* vp-actor-chip.c
 *
 * A pill with the actor's name, tinted with the actor's colour and led by
 * a dot of it, the same colour the article view gives the mentions. The
 * colour is painted here rather than in CSS because actors, and so their
 * colours, come from the user's data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor-chip"

#include "config.h"

#include <adwaita.h>

#include "vp-actor-chip.h"
#include "vp-actor-palette.h"
#include "vp-tooltip.h"

#define DOT_SIZE 7

struct _VpActorChip
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  GdkRGBA    color;
};

G_DEFINE_FINAL_TYPE (VpActorChip, vp_actor_chip, GTK_TYPE_WIDGET)

static void
vp_actor_chip_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VpActorChip *self = VP_ACTOR_CHIP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GskRoundedRect pill;
  GskRoundedRect dot;
  GdkRGBA shown = self->color;
  GdkRGBA tint;
  float dot_x;

  /* As the article view draws the actor's mentions. */
  vp_actor_palette_ensure_contrast (&shown, vp_actor_palette_is_dark ());
  tint = shown;
  tint.alpha = 0.2;
  gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &tint, &pill.bounds);
  gtk_snapshot_pop (snapshot);

  dot_x = rtl ? width - 6 - DOT_SIZE : 6;
  gsk_rounded_rect_init_from_rect (&dot,
                                   &GRAPHENE_RECT_INIT (dot_x, (height - DOT_SIZE) / 2.0,
                                                        DOT_SIZE, DOT_SIZE),
                                   DOT_SIZE / 2.0);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, &shown, &dot.bounds);
  gtk_snapshot_pop (snapshot);

  GTK_WIDGET_CLASS (vp_actor_chip_parent_class)->snapshot (widget, snapshot);
}

static void
vp_actor_chip_dispose (GObject *object)
{
  VpActorChip *self = (VpActorChip *)object;

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (vp_actor_chip_parent_class)->dispose (object);
}

static void
vp_actor_chip_class_init (VpActorChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_actor_chip_dispose;
  widget_class->snapshot = vp_actor_chip_snapshot;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "actorchip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
vp_actor_chip_init (VpActorChip *self)
{
  self->label = gtk_label_new (NULL);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);

  /* Room for the dot, and the pill's ends; margins rather than CSS
   * padding, so the snapshot's area is the whole pill. */
  gtk_widget_set_margin_start (self->label, 17);
  gtk_widget_set_margin_end (self->label, 8);
  gtk_widget_set_margin_top (self->label, 1);
  gtk_widget_set_margin_bottom (self->label, 1);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
vp_actor_chip_new (VpActorSet *actors,
                   const char *actor_id)
{
  VpActorChip *self;
  VpActor *actor;
  const char *name;

  g_return_val_if_fail (VP_IS_ACTOR_SET (actors), NULL);
  g_return_val_if_fail (actor_id != NULL, NULL);

  self = g_object_new (VP_TYPE_ACTOR_CHIP, NULL);

  actor = vp_actor_set_lookup (actors, actor_id);
  name = actor != NULL ? vp_actor_get_name (actor) : actor_id;

  gtk_label_set_text (GTK_LABEL (self->label), name);
  vp_actor_palette_get_color (actors, actor_id, &self->color);
  vp_tooltip_set_text (GTK_WIDGET (self), name);

  return GTK_WIDGET (self);
}

const char *
vp_actor_chip_get_name (VpActorChip *self)
{
  g_return_val_if_fail (VP_IS_ACTOR_CHIP (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}
