/* vp-encoding.h: finds out how a file's bytes encode its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  VP_BOM_NONE,
  VP_BOM_UTF8,
  VP_BOM_UTF16LE,
  VP_BOM_UTF16BE,
} VpBom;

VpBom       vp_encoding_sniff_bom        (const char  *data,
                                          gsize        length);
const char *vp_encoding_sniff_html       (const char  *data,
                                          gsize        length);
char       *vp_encoding_to_utf8          (const char  *data,
                                          gsize        length,
                                          const char  *charset,
                                          gsize       *out_length,
                                          GError     **error);
gboolean    vp_encoding_looks_binary     (const char  *data,
                                          gsize        length);

G_END_DECLS
