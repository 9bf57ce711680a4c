/* vp-article-column.h: one article in its column: header, outline, body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-article-view.h"
#include "vp-outline-view.h"

G_BEGIN_DECLS

#define VP_TYPE_ARTICLE_COLUMN (vp_article_column_get_type ())

G_DECLARE_FINAL_TYPE (VpArticleColumn, vp_article_column, VP, ARTICLE_COLUMN, GtkWidget)

GtkWidget     *vp_article_column_new               (VpArticle       *article,
                                                    VpWorkspace     *workspace,
                                                    GFile           *file);
VpArticle     *vp_article_column_get_article       (VpArticleColumn *self);
GFile         *vp_article_column_get_file          (VpArticleColumn *self);
VpArticleView *vp_article_column_get_article_view  (VpArticleColumn *self);
VpOutlineView *vp_article_column_get_outline_view  (VpArticleColumn *self);
GtkAdjustment *vp_article_column_get_vadjustment   (VpArticleColumn *self);
const char    *vp_article_column_get_title         (VpArticleColumn *self);
void           vp_article_column_set_match_count   (VpArticleColumn *self,
                                                    int              n_matches);
void           vp_article_column_set_place         (VpArticleColumn *self,
                                                    gboolean         first,
                                                    gboolean         last);
void           vp_article_column_jump_to_point     (VpArticleColumn *self,
                                                    guint            index,
                                                    gboolean         highlight);

G_END_DECLS
