/* vp-actor-swatch.h: a round dot of an actor's colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VP_TYPE_ACTOR_SWATCH (vp_actor_swatch_get_type ())

G_DECLARE_FINAL_TYPE (VpActorSwatch, vp_actor_swatch, VP, ACTOR_SWATCH, GtkWidget)

GtkWidget  *vp_actor_swatch_new       (const char    *color);
const char *vp_actor_swatch_get_color (VpActorSwatch *self);
void        vp_actor_swatch_set_color (VpActorSwatch *self,
                                       const char    *color);

G_END_DECLS
