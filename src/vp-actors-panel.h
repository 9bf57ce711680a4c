/* vp-actors-panel.h: the sidebar listing the workspace's actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-workspace.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTORS_PANEL (vp_actors_panel_get_type ())

G_DECLARE_FINAL_TYPE (VpActorsPanel, vp_actors_panel, VP, ACTORS_PANEL, GtkWidget)

GtkWidget   *vp_actors_panel_new               (void);
VpWorkspace *vp_actors_panel_get_workspace     (VpActorsPanel      *self);
void         vp_actors_panel_set_workspace     (VpActorsPanel      *self,
                                                VpWorkspace        *workspace);
void         vp_actors_panel_set_hidden_actors (VpActorsPanel      *self,
                                                const char * const *actor_ids);
gboolean     vp_actors_panel_is_hidden         (VpActorsPanel      *self,
                                                const char         *actor_id);
GListModel  *vp_actors_panel_get_model         (VpActorsPanel      *self);
GtkWidget   *vp_actors_panel_get_row           (VpActorsPanel      *self,
                                                const char         *actor_id);

G_END_DECLS
