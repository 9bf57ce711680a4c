/* vp-outline-layout.h: the printed outline, paginated with Pango and cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "vp-actor-set.h"
#include "vp-comparison.h"
#include "vp-article.h"

G_BEGIN_DECLS

#define VP_TYPE_OUTLINE_LAYOUT (vp_outline_layout_get_type ())

/* Paper sizes in points (1/72 in), portrait. */
#define VP_PAPER_A4_WIDTH      595.276
#define VP_PAPER_A4_HEIGHT     841.89
#define VP_PAPER_LETTER_WIDTH  612.0
#define VP_PAPER_LETTER_HEIGHT 792.0

/* The margins used unless the page setup gives others, in points. */
#define VP_OUTLINE_LAYOUT_DEFAULT_MARGIN 56.0

G_DECLARE_FINAL_TYPE (VpOutlineLayout, vp_outline_layout, VP, OUTLINE_LAYOUT, GObject)

VpOutlineLayout *vp_outline_layout_new                (GPtrArray       *articles,
                                                       VpActorSet      *actors,
                                                       const char      *title);
char            *vp_outline_layout_default_title      (GPtrArray       *articles);
const char      *vp_outline_layout_get_title          (VpOutlineLayout *self);
void             vp_outline_layout_set_title          (VpOutlineLayout *self,
                                                       const char      *title);
VpActorSet      *vp_outline_layout_get_actors         (VpOutlineLayout *self);
guint            vp_outline_layout_get_n_articles     (VpOutlineLayout *self);
VpArticle       *vp_outline_layout_get_article        (VpOutlineLayout *self,
                                                       guint            index);
void             vp_outline_layout_set_page_size      (VpOutlineLayout *self,
                                                       double           width,
                                                       double           height);
void             vp_outline_layout_set_comparison     (VpOutlineLayout *self,
                                                       VpComparison    *comparison);
void             vp_outline_layout_get_page_size      (VpOutlineLayout *self,
                                                       double          *width,
                                                       double          *height);
void             vp_outline_layout_set_margins        (VpOutlineLayout *self,
                                                       double           top,
                                                       double           bottom,
                                                       double           left,
                                                       double           right);
guint            vp_outline_layout_paginate           (VpOutlineLayout *self);
guint            vp_outline_layout_get_n_pages        (VpOutlineLayout *self);
int              vp_outline_layout_get_article_page   (VpOutlineLayout *self,
                                                       guint            article);
void             vp_outline_layout_draw_page          (VpOutlineLayout *self,
                                                       cairo_t         *cr,
                                                       guint            page);

G_END_DECLS
