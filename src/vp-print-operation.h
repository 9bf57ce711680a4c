/* vp-print-operation.h: prints the outlines of articles through GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-actor-set.h"

G_BEGIN_DECLS

#define VP_TYPE_PRINT_OPERATION (vp_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (VpPrintOperation, vp_print_operation, VP, PRINT_OPERATION, GtkPrintOperation)

VpPrintOperation *vp_print_operation_new            (GPtrArray        *articles,
                                                     VpActorSet       *actors,
                                                     const char       *title);
void              vp_print_operation_set_comparison (VpPrintOperation *self,
                                                     VpComparison     *comparison);
const char       *vp_print_operation_get_title      (VpPrintOperation *self);
guint             vp_print_operation_get_n_articles (VpPrintOperation *self);
int               vp_print_operation_get_n_pages    (VpPrintOperation *self);

G_END_DECLS
