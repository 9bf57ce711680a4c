/* vp-actor-row.h: one actor in the actors panel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-actor.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTOR_ROW (vp_actor_row_get_type ())

G_DECLARE_FINAL_TYPE (VpActorRow, vp_actor_row, VP, ACTOR_ROW, GtkWidget)

VpActor    *vp_actor_row_get_actor       (VpActorRow *self);
void        vp_actor_row_set_actor       (VpActorRow *self,
                                          VpActor    *actor);
const char *vp_actor_row_get_counts_text (VpActorRow *self);
GtkWidget  *vp_actor_row_get_switch      (VpActorRow *self);
GMenuModel *vp_actor_row_get_menu        (VpActorRow *self);

G_END_DECLS
