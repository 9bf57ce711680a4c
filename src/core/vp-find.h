/* vp-find.h: finds a phrase in an article's clean body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vp-article.h"

G_BEGIN_DECLS

/* A match in block @block, between the byte offsets @start (inclusive) and
 * @end (exclusive) of that block's text. */
typedef struct
{
  int   block;
  guint start;
  guint end;
} VpTextMatch;

void    vp_find_in_text    (const char *text,
                            const char *needle,
                            int         block,
                            GArray     *matches);
GArray *vp_find_in_article (VpArticle  *article,
                            const char *needle);

G_END_DECLS
