/* vp-pdf-export.h: writes a printed outline to a PDF file, with no display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "vp-outline-layout.h"

G_BEGIN_DECLS

typedef enum
{
  VP_PAPER_A4,
  VP_PAPER_LETTER,
} VpPaper;

gboolean vp_paper_from_string   (const char       *name,
                                 VpPaper          *paper);
void     vp_paper_get_size      (VpPaper           paper,
                                 double           *width,
                                 double           *height);

gboolean vp_pdf_export          (VpOutlineLayout  *layout,
                                 const char       *filename,
                                 GError          **error);
void     vp_pdf_export_describe (VpOutlineLayout  *layout,
                                 cairo_surface_t  *surface);

G_END_DECLS
