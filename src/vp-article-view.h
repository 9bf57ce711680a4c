/* vp-article-view.h: an article's body in reader mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-workspace.h"

G_BEGIN_DECLS

#define VP_TYPE_ARTICLE_VIEW (vp_article_view_get_type ())

G_DECLARE_FINAL_TYPE (VpArticleView, vp_article_view, VP, ARTICLE_VIEW, GtkTextView)

GtkWidget *vp_article_view_new                  (void);
VpArticle *vp_article_view_get_article          (VpArticleView      *self);
void       vp_article_view_set_article          (VpArticleView      *self,
                                                 VpArticle          *article,
                                                 VpWorkspace        *workspace);
double     vp_article_view_get_zoom             (VpArticleView      *self);
void       vp_article_view_set_zoom             (VpArticleView      *self,
                                                 double              zoom);
void       vp_article_view_scroll_to_block      (VpArticleView      *self,
                                                 int                 block,
                                                 gboolean            highlight);
void       vp_article_view_scroll_to_fraction   (VpArticleView      *self,
                                                 double              fraction);
int        vp_article_view_get_top_block        (VpArticleView      *self);
gboolean   vp_article_view_block_is_visible     (VpArticleView      *self,
                                                 int                 block);
gboolean   vp_article_view_is_highlighted       (VpArticleView      *self,
                                                 int                 block);
void       vp_article_view_set_matches          (VpArticleView      *self,
                                                 GArray             *matches);
guint      vp_article_view_get_n_matches        (VpArticleView      *self);
void       vp_article_view_show_match           (VpArticleView      *self,
                                                 int                 index);

/* Actors */
void       vp_article_view_set_hidden_actors    (VpArticleView      *self,
                                                 const char * const *actor_ids);
guint      vp_article_view_count_highlights     (VpArticleView      *self,
                                                 const char         *actor_id);
gboolean   vp_article_view_get_selection_span   (VpArticleView      *self,
                                                 int                *block,
                                                 guint              *start,
                                                 guint              *end);
void       vp_article_view_select_span          (VpArticleView      *self,
                                                 int                 block,
                                                 guint               start,
                                                 guint               end);
void       vp_article_view_set_context_point    (VpArticleView      *self,
                                                 int                 block,
                                                 guint               offset);
GMenuModel *vp_article_view_get_context_menu    (VpArticleView      *self);
gboolean   vp_article_view_popup_tag_picker     (VpArticleView      *self);
GtkWidget *vp_article_view_get_tag_picker       (VpArticleView      *self);

G_END_DECLS
