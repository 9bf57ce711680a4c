/* vp-comparison-matrix.h: actors × articles, mentions and proposals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-comparison.h"

G_BEGIN_DECLS

#define VP_TYPE_COMPARISON_MATRIX (vp_comparison_matrix_get_type ())

G_DECLARE_FINAL_TYPE (VpComparisonMatrix, vp_comparison_matrix, VP, COMPARISON_MATRIX, GtkWidget)

/* The column of the actors' names, and of their totals, where an article
 * is expected. */
#define VP_MATRIX_ACTOR_COLUMN (-1)
#define VP_MATRIX_TOTAL_COLUMN (-2)

GtkWidget  *vp_comparison_matrix_new              (void);
void        vp_comparison_matrix_set_comparison   (VpComparisonMatrix *self,
                                                   VpComparison       *comparison,
                                                   VpActorSet         *actors);
const char *vp_comparison_matrix_get_sort         (VpComparisonMatrix *self);
gboolean    vp_comparison_matrix_get_sort_reversed (VpComparisonMatrix *self);
void        vp_comparison_matrix_set_sort         (VpComparisonMatrix *self,
                                                   const char         *sort,
                                                   gboolean            reversed);
void        vp_comparison_matrix_sort_by_column   (VpComparisonMatrix *self,
                                                   int                 column);
guint       vp_comparison_matrix_get_n_rows       (VpComparisonMatrix *self);
const char *vp_comparison_matrix_get_row_actor    (VpComparisonMatrix *self,
                                                   guint               row);
GtkWidget  *vp_comparison_matrix_get_cell         (VpComparisonMatrix *self,
                                                   const char         *actor_id,
                                                   int                 column);
GtkWidget  *vp_comparison_matrix_get_header       (VpComparisonMatrix *self,
                                                   int                 column);
const char *vp_comparison_matrix_get_active_actor (VpComparisonMatrix *self);
void        vp_comparison_matrix_set_active       (VpComparisonMatrix *self,
                                                   const char         *actor_id,
                                                   int                 column);

G_END_DECLS
