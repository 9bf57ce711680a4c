/* vp-importer.h: turns a file into an analysed article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vp-article.h"
#include "vp-tagger.h"

G_BEGIN_DECLS

/* Larger files are refused: no article is that long, and reading one
 * would only exhaust the user's memory. */
#define VP_IMPORT_MAX_SIZE (64 * 1024 * 1024)

typedef enum
{
  VP_IMPORT_FORMAT_AUTO,
  VP_IMPORT_FORMAT_HTML,
  VP_IMPORT_FORMAT_TEXT,
} VpImportFormat;

VpImportFormat  vp_import_guess_format (const char      *source,
                                        const char      *data,
                                        gsize            length);
VpArticle      *vp_import_data         (const char      *data,
                                        gsize            length,
                                        const char      *source,
                                        VpImportFormat   format,
                                        VpTagger        *tagger,
                                        GError         **error);
VpArticle      *vp_import_file         (GFile           *file,
                                        const char      *source,
                                        VpTagger        *tagger,
                                        GCancellable    *cancellable,
                                        GError         **error);

G_END_DECLS
