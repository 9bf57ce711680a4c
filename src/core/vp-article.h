/* vp-article.h: an imported article, its clean body, outline and mentions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vp-annotation.h"
#include "vp-block.h"
#include "vp-mention.h"
#include "vp-outline-section.h"

G_BEGIN_DECLS

#define VP_TYPE_ARTICLE (vp_article_get_type ())

typedef enum
{
  VP_TEXT_DIRECTION_NONE,
  VP_TEXT_DIRECTION_LTR,
  VP_TEXT_DIRECTION_RTL,
} VpTextDirection;

G_DECLARE_FINAL_TYPE (VpArticle, vp_article, VP, ARTICLE, GObject)

VpArticle          *vp_article_new                 (const char         *source);

const char         *vp_article_get_source          (VpArticle          *self);
const char         *vp_article_get_title           (VpArticle          *self);
void                vp_article_set_title           (VpArticle          *self,
                                                    const char         *title);
const char * const *vp_article_get_authors         (VpArticle          *self);
void                vp_article_set_authors         (VpArticle          *self,
                                                    const char * const *authors);
const char         *vp_article_get_outlet          (VpArticle          *self);
void                vp_article_set_outlet          (VpArticle          *self,
                                                    const char         *outlet);
const char         *vp_article_get_site            (VpArticle          *self);
void                vp_article_set_site            (VpArticle          *self,
                                                    const char         *site);
const char         *vp_article_get_published       (VpArticle          *self);
void                vp_article_set_published       (VpArticle          *self,
                                                    const char         *published);
const char         *vp_article_get_language        (VpArticle          *self);
void                vp_article_set_language        (VpArticle          *self,
                                                    const char         *language);
VpTextDirection     vp_article_get_direction       (VpArticle          *self);
void                vp_article_set_direction       (VpArticle          *self,
                                                    VpTextDirection     direction);

/* The clean body, in reading order. */
guint               vp_article_get_n_blocks        (VpArticle          *self);
const VpBlock      *vp_article_get_block           (VpArticle          *self,
                                                    guint               index);
VpBlock            *vp_article_peek_block          (VpArticle          *self,
                                                    guint               index);
void                vp_article_take_block          (VpArticle          *self,
                                                    VpBlock            *block);
void                vp_article_remove_block        (VpArticle          *self,
                                                    guint               index);
const char         *vp_article_get_block_text      (VpArticle          *self,
                                                    int                 index);

/* The outline: sections of enumerated points, and recommendations found
 * in prose (items without a label). */
GListModel         *vp_article_get_sections        (VpArticle          *self);
void                vp_article_clear_outline       (VpArticle          *self);
void                vp_article_append_section      (VpArticle          *self,
                                                    VpOutlineSection   *section);
GListModel         *vp_article_get_recommendations (VpArticle          *self);
void                vp_article_append_recommendation (VpArticle        *self,
                                                    VpOutlineItem      *item);

/* Mentions of actors, sorted by block then offset: the tagger's, and the
 * article's once a reader's annotations are applied. */
const VpMention    *vp_article_get_mentions        (VpArticle          *self,
                                                    guint              *n_mentions);
const VpMention    *vp_article_get_automatic_mentions (VpArticle       *self,
                                                    guint              *n_mentions);
void                vp_article_set_mentions        (VpArticle          *self,
                                                    GArray             *mentions);
guint               vp_article_count_mentions      (VpArticle          *self,
                                                    const char         *actor_id);
char              **vp_article_dup_span_actors     (VpArticle          *self,
                                                    int                 block,
                                                    guint               start,
                                                    guint               end);
char              **vp_article_dup_item_actors     (VpArticle          *self,
                                                    VpOutlineItem      *item);
void                vp_article_update_item_actors  (VpArticle          *self);
VpOutlineItem      *vp_article_find_item           (VpArticle          *self,
                                                    int                 block,
                                                    guint               start,
                                                    guint               end);

/* What a reader said about the actors (see vp-annotation.h). */
guint               vp_article_get_n_annotations   (VpArticle          *self);
VpAnnotation       *vp_article_get_annotation      (VpArticle          *self,
                                                    guint               index);
VpAnnotation       *vp_article_lookup_annotation   (VpArticle          *self,
                                                    VpAnnotationKind    kind,
                                                    const char         *actor_id,
                                                    int                 block,
                                                    guint               start,
                                                    guint               end);
gboolean            vp_article_add_annotation      (VpArticle          *self,
                                                    VpAnnotation       *annotation);
gboolean            vp_article_remove_annotation   (VpArticle          *self,
                                                    VpAnnotation       *annotation);
VpAnnotation       *vp_article_new_span_annotation (VpArticle          *self,
                                                    VpAnnotationKind    kind,
                                                    const char         *actor_id,
                                                    int                 block,
                                                    guint               start,
                                                    guint               end);
VpAnnotation       *vp_article_new_item_annotation (VpArticle          *self,
                                                    VpAnnotationKind    kind,
                                                    const char         *actor_id,
                                                    VpOutlineItem      *item);
GPtrArray          *vp_article_anchor_annotations  (VpArticle          *self,
                                                    GPtrArray          *annotations);
void                vp_article_set_active_actors   (VpArticle          *self,
                                                    const char * const *actor_ids);
void                vp_article_share_active_actors (VpArticle          *self,
                                                    GHashTable         *actor_ids);

VpArticle          *vp_article_dup_for_actors      (VpArticle          *self,
                                                    const char * const *actor_ids);

const char * const *vp_article_get_warnings        (VpArticle          *self);
void                vp_article_add_warning         (VpArticle          *self,
                                                    const char         *format,
                                                    ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
