/* vp-actor-picker.h: a popover to pick one of the actors, or make one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-actor-set.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTOR_PICKER (vp_actor_picker_get_type ())

G_DECLARE_FINAL_TYPE (VpActorPicker, vp_actor_picker, VP, ACTOR_PICKER, GtkPopover)

GtkWidget  *vp_actor_picker_new        (void);
void        vp_actor_picker_set_actors (VpActorPicker *self,
                                        VpActorSet    *actors);
void        vp_actor_picker_set_title  (VpActorPicker *self,
                                        const char    *title);
void        vp_actor_picker_set_search (VpActorPicker *self,
                                        const char    *text);
guint       vp_actor_picker_get_n_shown (VpActorPicker *self);
gboolean    vp_actor_picker_pick       (VpActorPicker *self,
                                        guint          position);

G_END_DECLS
