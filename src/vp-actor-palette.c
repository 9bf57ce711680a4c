/* vp-actor-palette.c
 *
 * Actors carry their own colour; one without a usable colour takes one of
 * the GNOME palette by its place in the set, so that the same actor keeps
 * its colour in every column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor-palette"

#include "config.h"

#include "vp-actor-palette.h"

/* GNOME palette: blue 3, orange 4, green 4, purple 3, red 3, brown 3,
 * yellow 5. They read on light and dark backgrounds alike when tinted. */
static const char * const fallback_colors[] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#e01b24", "#986a44", "#e5a50a",
};

/**
 * vp_actor_palette_get_color:
 * @actors: the set the actor belongs to
 * @actor_id: the actor's id
 * @color: (out): its colour, opaque
 */
void
vp_actor_palette_get_color (VpActorSet *actors,
                            const char *actor_id,
                            GdkRGBA    *color)
{
  guint n_actors;
  guint position = 0;

  g_return_if_fail (VP_IS_ACTOR_SET (actors));
  g_return_if_fail (actor_id != NULL);
  g_return_if_fail (color != NULL);

  n_actors = g_list_model_get_n_items (G_LIST_MODEL (actors));

  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (actors), i);

      if (g_strcmp0 (vp_actor_get_id (actor), actor_id) == 0)
        {
          const char *spec = vp_actor_get_color (actor);

          if (spec != NULL && gdk_rgba_parse (color, spec))
            {
              color->alpha = 1.0;
              return;
            }

          position = i;
          break;
        }

      position = i + 1;
    }

  gdk_rgba_parse (color, fallback_colors[position % G_N_ELEMENTS (fallback_colors)]);
}
