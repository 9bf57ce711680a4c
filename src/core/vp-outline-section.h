/* vp-outline-section.h: one enumerated list of an article, with its caption
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vp-outline-item.h"

G_BEGIN_DECLS

#define VP_TYPE_OUTLINE_SECTION (vp_outline_section_get_type ())

G_DECLARE_FINAL_TYPE (VpOutlineSection, vp_outline_section, VP, OUTLINE_SECTION, GObject)

VpOutlineSection *vp_outline_section_new                (const char       *heading,
                                                         int               heading_block,
                                                         const char       *lead_in,
                                                         int               lead_in_block,
                                                         int               expected_count);
const char       *vp_outline_section_get_heading        (VpOutlineSection *self);
int               vp_outline_section_get_heading_block  (VpOutlineSection *self);
const char       *vp_outline_section_get_lead_in        (VpOutlineSection *self);
int               vp_outline_section_get_lead_in_block  (VpOutlineSection *self);
int               vp_outline_section_get_expected_count (VpOutlineSection *self);
GListModel       *vp_outline_section_get_items          (VpOutlineSection *self);
guint             vp_outline_section_get_n_items        (VpOutlineSection *self);
VpOutlineItem    *vp_outline_section_get_item           (VpOutlineSection *self,
                                                         guint             position);
void              vp_outline_section_append_item        (VpOutlineSection *self,
                                                         VpOutlineItem    *item);
gboolean          vp_outline_section_count_differs      (VpOutlineSection *self);

G_END_DECLS
