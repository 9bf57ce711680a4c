/* vp-comparison-view.h: the articles compared, actor by actor and
 * proposal by proposal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-comparison-groups.h"
#include "vp-comparison-matrix.h"
#include "vp-workspace.h"

G_BEGIN_DECLS

#define VP_TYPE_COMPARISON_VIEW (vp_comparison_view_get_type ())

/* The threshold the view's scale goes from and to. */
#define VP_COMPARISON_VIEW_MIN_THRESHOLD 0.04
#define VP_COMPARISON_VIEW_MAX_THRESHOLD 0.40

G_DECLARE_FINAL_TYPE (VpComparisonView, vp_comparison_view, VP, COMPARISON_VIEW, GtkWidget)

GtkWidget          *vp_comparison_view_new            (void);
VpWorkspace        *vp_comparison_view_get_workspace  (VpComparisonView *self);
void                vp_comparison_view_set_workspace  (VpComparisonView *self,
                                                       VpWorkspace      *workspace);
VpComparison       *vp_comparison_view_get_comparison (VpComparisonView *self);
double              vp_comparison_view_get_threshold  (VpComparisonView *self);
void                vp_comparison_view_set_threshold  (VpComparisonView *self,
                                                       double            threshold);
const char         *vp_comparison_view_get_page       (VpComparisonView *self);
void                vp_comparison_view_set_page       (VpComparisonView *self,
                                                       const char       *page);
VpComparisonMatrix *vp_comparison_view_get_matrix     (VpComparisonView *self);
VpComparisonGroups *vp_comparison_view_get_groups     (VpComparisonView *self);
GtkRange           *vp_comparison_view_get_scale      (VpComparisonView *self);

G_END_DECLS
