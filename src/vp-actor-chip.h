/* vp-actor-chip.h: a small coloured label naming an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-actor-set.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTOR_CHIP (vp_actor_chip_get_type ())

G_DECLARE_FINAL_TYPE (VpActorChip, vp_actor_chip, VP, ACTOR_CHIP, GtkWidget)

GtkWidget  *vp_actor_chip_new      (VpActorSet *actors,
                                    const char *actor_id);
const char *vp_actor_chip_get_name (VpActorChip *self);

G_END_DECLS
