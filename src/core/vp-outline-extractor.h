/* vp-outline-extractor.h: finds the enumerated proposals of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vp-article.h"

G_BEGIN_DECLS

void     vp_outline_normalise_blocks     (VpArticle  *article);
void     vp_outline_extract              (VpArticle  *article);
void     vp_outline_find_recommendations (VpArticle  *article);

int      vp_outline_expected_count       (const char *lead_in,
                                          gssize      length);
gboolean vp_outline_is_recommendation    (const char *sentence,
                                          gssize      length);

G_END_DECLS
