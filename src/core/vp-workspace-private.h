/* vp-workspace-private.h: what the workspace's files (vp-workspace-io.c)
 * need of it beyond its public API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vp-workspace.h"

G_BEGIN_DECLS

guint64 _vp_workspace_get_generation  (VpWorkspace         *self);
void    _vp_workspace_append_articles (VpWorkspace         *self,
                                       GPtrArray           *articles);
void    _vp_workspace_load_expanded   (VpWorkspace         *self,
                                       VpArticle           *article,
                                       const char          *path,
                                       gboolean             expanded);
void    _vp_workspace_load_link       (VpWorkspace         *self,
                                       const VpProposalRef *a,
                                       const VpProposalRef *b,
                                       VpLinkKind           kind);

G_END_DECLS
