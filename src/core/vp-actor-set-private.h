/* vp-actor-set-private.h: actor sets inside other documents (workspaces)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vp-actor-set.h"
#include "vp-libxml-private.h"

G_BEGIN_DECLS

gboolean    _vp_actor_set_check_element    (xmlNode        *element,
                                            const char     *source,
                                            GError        **error);
VpActorSet *_vp_actor_set_new_from_element (xmlNode        *element,
                                            const char     *source,
                                            GError        **error);
gboolean    _vp_actor_set_write            (VpActorSet     *self,
                                            xmlTextWriter  *writer);

G_END_DECLS
