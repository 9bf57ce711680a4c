/* vp-comparison-groups.h: the proposals of different articles that match
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-workspace.h"

G_BEGIN_DECLS

#define VP_TYPE_COMPARISON_GROUPS (vp_comparison_groups_get_type ())

G_DECLARE_FINAL_TYPE (VpComparisonGroups, vp_comparison_groups, VP, COMPARISON_GROUPS, GtkWidget)

GtkWidget *vp_comparison_groups_new            (void);
void       vp_comparison_groups_set_comparison (VpComparisonGroups *self,
                                                VpComparison       *comparison,
                                                VpWorkspace        *workspace);
guint      vp_comparison_groups_get_n_rows     (VpComparisonGroups *self);
GtkWidget *vp_comparison_groups_get_row        (VpComparisonGroups *self,
                                                guint               group);
GtkWidget *vp_comparison_groups_get_cell       (VpComparisonGroups *self,
                                                guint               group,
                                                guint               article);
GMenuModel *vp_comparison_groups_get_menu      (VpComparisonGroups *self,
                                                guint               group);

G_END_DECLS
