/* vp-column-box.h: columns side by side that share the width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define VP_TYPE_COLUMN_BOX (vp_column_box_get_type ())

G_DECLARE_FINAL_TYPE (VpColumnBox, vp_column_box, VP, COLUMN_BOX, GtkWidget)

GtkWidget *vp_column_box_new           (void);
guint      vp_column_box_get_n_columns (VpColumnBox *self);
GtkWidget *vp_column_box_get_column    (VpColumnBox *self,
                                        guint        position);
int        vp_column_box_get_position  (VpColumnBox *self,
                                        GtkWidget   *column);
gboolean   vp_column_box_get_column_extent (VpColumnBox *self,
                                            GtkWidget   *column,
                                            int         *x,
                                            int         *width);
void       vp_column_box_append        (VpColumnBox *self,
                                        GtkWidget   *column);
void       vp_column_box_remove        (VpColumnBox *self,
                                        GtkWidget   *column);
void       vp_column_box_move          (VpColumnBox *self,
                                        GtkWidget   *column,
                                        guint        position);

G_END_DECLS
