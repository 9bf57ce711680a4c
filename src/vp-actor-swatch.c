/* vp-actor-swatch.c
 *
 * The dot that stands for an actor in lists and menus of the window, in
 * the colour its mentions are highlighted with: the actor's colour, made
 * to stand out from the background as the highlights are (see
 * vp-actor-palette.c). A thin ring in the text's colour sets it off
 * further.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor-swatch"

#include "config.h"

#include <adwaita.h>

#include "vp-actor-palette.h"
#include "vp-actor-swatch.h"

struct _VpActorSwatch
{
  GtkWidget  parent_instance;

  char      *color;
  GdkRGBA    rgba;
};

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VpActorSwatch, vp_actor_swatch, GTK_TYPE_WIDGET)

static void
vp_actor_swatch_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  VpActorSwatch *self = VP_ACTOR_SWATCH (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float size = MIN (width, height);
  GskRoundedRect dot;
  GdkRGBA shown = self->rgba;
  GdkRGBA ring;
  GdkRGBA ring_colors[4];
  float ring_widths[4] = { 1, 1, 1, 1 };

  if (size <= 0)
    return;

  vp_actor_palette_ensure_contrast (&shown, vp_actor_palette_is_dark ());
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ring);
  ring.alpha = 0.25;
  for (guint i = 0; i < G_N_ELEMENTS (ring_colors); i++)
    ring_colors[i] = ring;

  gsk_rounded_rect_init_from_rect (&dot,
                                   &GRAPHENE_RECT_INIT ((width - size) / 2, (height - size) / 2,
                                                        size, size),
                                   size / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, &shown, &dot.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &dot, ring_widths, ring_colors);
}

static void
vp_actor_swatch_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* CSS may make it larger with min-width and min-height. */
  *minimum = *natural = 12;
}

static void
vp_actor_swatch_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VpActorSwatch *self = VP_ACTOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_actor_swatch_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VpActorSwatch *self = VP_ACTOR_SWATCH (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      vp_actor_swatch_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_actor_swatch_finalize (GObject *object)
{
  VpActorSwatch *self = (VpActorSwatch *)object;

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (vp_actor_swatch_parent_class)->finalize (object);
}

static void
vp_actor_swatch_class_init (VpActorSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = vp_actor_swatch_get_property;
  object_class->set_property = vp_actor_swatch_set_property;
  object_class->finalize = vp_actor_swatch_finalize;

  widget_class->snapshot = vp_actor_swatch_snapshot;
  widget_class->measure = vp_actor_swatch_measure;

  /* "#rrggbb", as VpActor:color gives it. */
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "actorswatch");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
vp_actor_swatch_init (VpActorSwatch *self)
{
  gdk_rgba_parse (&self->rgba, "#808080");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
vp_actor_swatch_new (const char *color)
{
  return g_object_new (VP_TYPE_ACTOR_SWATCH,
                       "color", color,
                       NULL);
}

const char *
vp_actor_swatch_get_color (VpActorSwatch *self)
{
  g_return_val_if_fail (VP_IS_ACTOR_SWATCH (self), NULL);

  return self->color;
}

void
vp_actor_swatch_set_color (VpActorSwatch *self,
                           const char    *color)
{
  g_return_if_fail (VP_IS_ACTOR_SWATCH (self));

  if (g_strcmp0 (self->color, color) == 0)
    return;

  g_free (self->color);
  self->color = g_strdup (color);

  if (color == NULL || !gdk_rgba_parse (&self->rgba, color))
    gdk_rgba_parse (&self->rgba, "#808080");
  self->rgba.alpha = 1.0;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}
