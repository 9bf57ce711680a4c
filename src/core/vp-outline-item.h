/* vp-outline-item.h: one enumerated point of an article's outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VP_TYPE_OUTLINE_ITEM (vp_outline_item_get_type ())

G_DECLARE_FINAL_TYPE (VpOutlineItem, vp_outline_item, VP, OUTLINE_ITEM, GObject)

VpOutlineItem       *vp_outline_item_new          (const char          *label,
                                                   const char          *text,
                                                   int                  block);
const char          *vp_outline_item_get_label    (VpOutlineItem       *self);
const char          *vp_outline_item_get_text     (VpOutlineItem       *self);
VpOutlineItem       *vp_outline_item_new_span     (const char          *label,
                                                   const char          *text,
                                                   int                  block,
                                                   guint                start,
                                                   guint                end);
int                  vp_outline_item_get_block    (VpOutlineItem       *self);
void                 vp_outline_item_get_span     (VpOutlineItem       *self,
                                                   guint               *start,
                                                   guint               *end);
GListModel          *vp_outline_item_get_children (VpOutlineItem       *self);
guint                vp_outline_item_get_n_children (VpOutlineItem     *self);
VpOutlineItem       *vp_outline_item_get_child    (VpOutlineItem       *self,
                                                   guint                position);
void                 vp_outline_item_append_child (VpOutlineItem       *self,
                                                   VpOutlineItem       *child);
const char * const  *vp_outline_item_get_actors   (VpOutlineItem       *self);
void                 vp_outline_item_set_actors   (VpOutlineItem       *self,
                                                   const char * const  *actors);
gboolean             vp_outline_item_has_actor    (VpOutlineItem       *self,
                                                   const char          *actor_id);

G_END_DECLS
