/* vp-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vp-application.h"

G_BEGIN_DECLS

#define VP_TYPE_WINDOW (vp_window_get_type ())

G_DECLARE_FINAL_TYPE (VpWindow, vp_window, VP, WINDOW, AdwApplicationWindow)

VpWindow *vp_window_new        (VpApplication  *application);
void      vp_window_open_files (VpWindow       *self,
                                GFile         **files,
                                int             n_files);

G_END_DECLS
