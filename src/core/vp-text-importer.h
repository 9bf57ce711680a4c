/* vp-text-importer.h: reads text copied from a web page into an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vp-article.h"

G_BEGIN_DECLS

VpArticle *vp_text_import (const char  *data,
                           gsize        length,
                           const char  *source,
                           GError     **error);

G_END_DECLS
