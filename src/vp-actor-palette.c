/* vp-actor-palette.c
 *
 * Actors carry their own colour; one without a usable colour takes one of
 * the GNOME palette by its place in the set, so that the same actor keeps
 * its colour in every column.
 *
 * An actor's colour is chosen once, for print and for the screen, light
 * or dark. Some colours of the colour-blind-safe palettes all but vanish
 * on one of the two backgrounds (yellow on white, indigo or black on
 * dark grey), so what is drawn on screen is the actor's colour moved
 * towards black or white just enough to stand out from the text's
 * background as WCAG asks of graphics: a contrast of 3:1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor-palette"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "vp-actor-palette.h"

/* GNOME palette: blue 3, orange 4, green 4, purple 3, red 3, brown 3,
 * yellow 5. They read on light and dark backgrounds alike when tinted. */
static const char * const fallback_colors[] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#e01b24", "#986a44", "#e5a50a",
};

/* libadwaita's view backgrounds, light and dark. */
static const GdkRGBA light_background = { 1.0, 1.0, 1.0, 1.0 };
static const GdkRGBA dark_background = { 0x1e / 255.0, 0x1e / 255.0, 0x1e / 255.0, 1.0 };

#define MIN_CONTRAST 3.0

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

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

static double
luminance (const GdkRGBA *color)
{
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) +
         0.0722 * linear (color->blue);
}

static double
contrast (const GdkRGBA *a,
          const GdkRGBA *b)
{
  double la = luminance (a);
  double lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/**
 * vp_actor_palette_ensure_contrast:
 * @color: (inout): an opaque colour
 * @dark: whether it is drawn on the dark style's background
 *
 * Mixes @color with white (on dark) or black (on light) in small steps
 * until it stands out from the background, and leaves it as it is when
 * it does already.
 */
void
vp_actor_palette_ensure_contrast (GdkRGBA  *color,
                                  gboolean  dark)
{
  const GdkRGBA *background = dark ? &dark_background : &light_background;
  double target = dark ? 1.0 : 0.0;
  GdkRGBA original;

  g_return_if_fail (color != NULL);

  original = *color;

  for (guint step = 1; step <= 20 && contrast (color, background) < MIN_CONTRAST; step++)
    {
      double mix = step / 20.0;

      color->red = original.red + (target - original.red) * mix;
      color->green = original.green + (target - original.green) * mix;
      color->blue = original.blue + (target - original.blue) * mix;
    }
}

/**
 * vp_actor_palette_get_shown_color:
 * @dark: whether it is drawn on the dark style's background
 * @color: (out): the actor's colour as the screen shows it
 */
void
vp_actor_palette_get_shown_color (VpActorSet *actors,
                                  const char *actor_id,
                                  gboolean    dark,
                                  GdkRGBA    *color)
{
  vp_actor_palette_get_color (actors, actor_id, color);
  vp_actor_palette_ensure_contrast (color, dark);
}

/**
 * vp_actor_palette_is_dark:
 *
 * Returns: whether the application is in the dark style right now
 */
gboolean
vp_actor_palette_is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}
