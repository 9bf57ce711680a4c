/* vp-actor-catalogue.h: the window to choose the actors a workspace tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vp-workspace.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTOR_CATALOGUE (vp_actor_catalogue_get_type ())

G_DECLARE_FINAL_TYPE (VpActorCatalogue, vp_actor_catalogue, VP, ACTOR_CATALOGUE,
                      AdwPreferencesWindow)

GtkWidget *vp_actor_catalogue_new        (GtkWindow        *parent,
                                          VpWorkspace      *workspace);
GtkWidget *vp_actor_catalogue_get_switch (VpActorCatalogue *self,
                                          const char       *actor_id);

G_END_DECLS
