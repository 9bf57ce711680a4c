/* vp-filter-bar.h: the actors the outlines are filtered by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-actor-set.h"

G_BEGIN_DECLS

#define VP_TYPE_FILTER_BAR (vp_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (VpFilterBar, vp_filter_bar, VP, FILTER_BAR, GtkWidget)

GtkWidget *vp_filter_bar_new          (void);
void       vp_filter_bar_set_actors   (VpFilterBar *self,
                                       VpActorSet  *actors);
char     **vp_filter_bar_dup_chosen   (VpFilterBar *self);
gboolean   vp_filter_bar_get_chosen   (VpFilterBar *self,
                                       const char  *actor_id);
void       vp_filter_bar_set_chosen   (VpFilterBar *self,
                                       const char  *actor_id,
                                       gboolean     chosen);
void       vp_filter_bar_clear        (VpFilterBar *self);
void       vp_filter_bar_set_summary  (VpFilterBar *self,
                                       const char  *summary);
GtkWidget *vp_filter_bar_get_chip     (VpFilterBar *self,
                                       const char  *actor_id);

G_END_DECLS
