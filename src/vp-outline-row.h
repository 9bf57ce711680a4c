/* vp-outline-row.h: one row of an outline: a section or one of its points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VP_TYPE_OUTLINE_ROW (vp_outline_row_get_type ())

G_DECLARE_FINAL_TYPE (VpOutlineRow, vp_outline_row, VP, OUTLINE_ROW, GtkWidget)

GtkTreeListRow *vp_outline_row_get_list_row (VpOutlineRow   *self);
void            vp_outline_row_set_list_row (VpOutlineRow   *self,
                                             GtkTreeListRow *list_row);
guint           vp_outline_row_get_position (VpOutlineRow   *self);
void            vp_outline_row_set_position (VpOutlineRow   *self,
                                             guint           position);
gboolean        vp_outline_row_popup_menu   (VpOutlineRow   *self);
GtkWidget      *vp_outline_row_get_popover  (VpOutlineRow   *self);

G_END_DECLS
