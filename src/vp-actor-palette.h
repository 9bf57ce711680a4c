/* vp-actor-palette.h: the colour an actor is shown in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-actor-set.h"

G_BEGIN_DECLS

void     vp_actor_palette_get_color       (VpActorSet *actors,
                                           const char *actor_id,
                                           GdkRGBA    *color);
void     vp_actor_palette_get_shown_color (VpActorSet *actors,
                                           const char *actor_id,
                                           gboolean    dark,
                                           GdkRGBA    *color);
void     vp_actor_palette_ensure_contrast (GdkRGBA    *color,
                                           gboolean    dark);
gboolean vp_actor_palette_is_dark         (void);

G_END_DECLS
