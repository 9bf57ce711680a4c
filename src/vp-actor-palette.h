/* vp-actor-palette.h: the colour an actor is shown in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-actor-set.h"

G_BEGIN_DECLS

void vp_actor_palette_get_color (VpActorSet *actors,
                                 const char *actor_id,
                                 GdkRGBA    *color);

G_END_DECLS
