/* vp-exporter.h: writes outlines as text, JSON, Markdown or CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vp-actor-set.h"
#include "vp-article.h"
#include "vp-comparison.h"

G_BEGIN_DECLS

typedef enum
{
  VP_EXPORT_FORMAT_TEXT,
  VP_EXPORT_FORMAT_JSON,
  VP_EXPORT_FORMAT_MARKDOWN,
  VP_EXPORT_FORMAT_CSV,
} VpExportFormat;

gboolean  vp_export_format_from_string (const char     *name,
                                        VpExportFormat *format);
GBytes   *vp_export_outline            (VpExportFormat  format,
                                        GPtrArray      *articles,
                                        VpActorSet     *actors);
GBytes   *vp_export_outline_compared   (VpExportFormat  format,
                                        GPtrArray      *articles,
                                        VpActorSet     *actors,
                                        VpComparison   *comparison);

G_END_DECLS
