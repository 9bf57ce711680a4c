/* vp-html-importer.h: reads a saved web page into an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/HTMLparser.h>

#include "vp-article.h"

G_BEGIN_DECLS

/* How pages are parsed: never from the network, no error output, and the
 * page's own charset label ignored, since the importer decodes the bytes
 * itself. The benchmark parses with the same options. */
#define VP_HTML_PARSE_OPTIONS (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
                               HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC)

VpArticle *vp_html_import (const char  *data,
                           gsize        length,
                           const char  *source,
                           GError     **error);

G_END_DECLS
