/* vp-window.h: the main window, with one column per article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vp-application.h"
#include "vp-workspace.h"

G_BEGIN_DECLS

#define VP_TYPE_WINDOW (vp_window_get_type ())

G_DECLARE_FINAL_TYPE (VpWindow, vp_window, VP, WINDOW, AdwApplicationWindow)

VpWindow    *vp_window_new           (VpApplication  *application);
void         vp_window_open_files    (VpWindow       *self,
                                      GFile         **files,
                                      int             n_files);
void         vp_window_open_text     (VpWindow       *self,
                                      const char     *text);
void         vp_window_open_samples  (VpWindow       *self);
gboolean     vp_window_get_busy      (VpWindow       *self);
VpWorkspace *vp_window_get_workspace (VpWindow       *self);
guint        vp_window_get_n_columns (VpWindow       *self);
GtkWidget   *vp_window_get_column    (VpWindow       *self,
                                      guint           position);

/* vp-window-save.c */
gboolean     vp_window_restore_autosave (VpWindow    *self);
gboolean     vp_window_autosave_now  (VpWindow       *self);

G_END_DECLS
