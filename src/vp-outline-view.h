/* vp-outline-view.h: the outline sidebar of one article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-workspace.h"

G_BEGIN_DECLS

#define VP_TYPE_OUTLINE_VIEW (vp_outline_view_get_type ())

G_DECLARE_FINAL_TYPE (VpOutlineView, vp_outline_view, VP, OUTLINE_VIEW, GtkWidget)

GtkWidget        *vp_outline_view_new               (void);
void              vp_outline_view_set_article       (VpOutlineView *self,
                                                     VpArticle     *article,
                                                     VpWorkspace   *workspace);
VpActorSet       *vp_outline_view_get_actors        (VpOutlineView *self);
VpWorkspace      *vp_outline_view_get_workspace     (VpOutlineView *self);
GtkTreeListModel *vp_outline_view_get_model         (VpOutlineView *self);
guint             vp_outline_view_get_n_points      (VpOutlineView *self);
VpOutlineItem    *vp_outline_view_get_point         (VpOutlineView *self,
                                                     guint          index);
int               vp_outline_view_get_point_index   (VpOutlineView *self,
                                                     VpOutlineItem *item);
int               vp_outline_view_get_node_block    (VpOutlineView *self,
                                                     GObject       *node);
void              vp_outline_view_set_current_block (VpOutlineView *self,
                                                     int            block);
void              vp_outline_view_set_current_node  (VpOutlineView *self,
                                                     GObject       *node);
GObject          *vp_outline_view_get_current_node  (VpOutlineView *self);
void              vp_outline_view_activate_row      (VpOutlineView *self,
                                                     guint          position);
void              vp_outline_view_set_item_actor    (VpOutlineView *self,
                                                     VpOutlineItem *item,
                                                     const char    *actor_id,
                                                     gboolean       involved);
void              vp_outline_view_set_actor_filter  (VpOutlineView      *self,
                                                     const char * const *actor_ids);
guint             vp_outline_view_get_n_shown_points (VpOutlineView *self);
GtkWidget        *vp_outline_view_get_row_widget    (VpOutlineView *self,
                                                     guint          position);
void              vp_outline_view_store_expanded    (VpOutlineView *self);
gboolean          vp_outline_view_find_proposal     (VpOutlineView *self,
                                                     VpOutlineItem *item,
                                                     VpProposalRef *ref);

G_END_DECLS
