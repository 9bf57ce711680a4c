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

/* A link as the workspace keeps it: articles by pointer, which stay right
 * however the columns move. */
typedef struct
{
  VpArticle *article;  /* borrowed */
  guint      section;
  guint      item;
} VpProposalPlace;

typedef struct
{
  VpLinkKind      kind;
  VpProposalPlace a;
  VpProposalPlace b;
} VpWorkspaceLink;

const VpWorkspaceLink *_vp_workspace_get_links (VpWorkspace           *self,
                                                guint                 *n_links);
void    _vp_workspace_load_link       (VpWorkspace           *self,
                                       const VpWorkspaceLink *link);

G_END_DECLS
