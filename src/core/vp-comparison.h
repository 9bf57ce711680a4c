/* vp-comparison.h: where several articles agree and differ, actor by actor
 * and proposal by proposal
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vp-actor-set.h"
#include "vp-article.h"

G_BEGIN_DECLS

#define VP_TYPE_COMPARISON (vp_comparison_get_type ())

/* The similarity proposals are grouped at unless the user says otherwise.
 * On our samples and fixtures (tests/test-comparison.c), every threshold
 * from 0.135 to 0.16 gives exactly the groups a reader expects, alone or
 * mixed with articles on unrelated questions. */
#define VP_COMPARISON_DEFAULT_THRESHOLD 0.15

/* A proposal: top-level item @item of section @section of article
 * @article, all 0-based (the article's index in the list the comparison
 * was made from, the section's in vp_article_get_sections(), the item's
 * in vp_outline_section_get_items()). Nested items have no address of
 * their own: they belong to their top-level item, whose text they
 * complete, and are compared as part of it. */
typedef struct
{
  guint article;
  guint section;
  guint item;
} VpProposalRef;

G_DECLARE_FINAL_TYPE (VpComparison, vp_comparison, VP, COMPARISON, GObject)

VpComparison        *vp_comparison_new             (GPtrArray           *articles,
                                                    VpActorSet          *actors);
guint                vp_comparison_get_n_articles  (VpComparison        *self);
VpArticle           *vp_comparison_get_article     (VpComparison        *self,
                                                    guint                article);

/* The actor × article matrix, for the enabled actors in the set's order. */
guint                vp_comparison_get_n_actors    (VpComparison        *self);
VpActor             *vp_comparison_get_actor       (VpComparison        *self,
                                                    guint                actor);
guint                vp_comparison_get_mentions    (VpComparison        *self,
                                                    guint                actor,
                                                    guint                article);
guint                vp_comparison_get_proposals   (VpComparison        *self,
                                                    guint                actor,
                                                    guint                article);
guint                vp_comparison_count_proposals (VpArticle           *article,
                                                    const char          *actor_id);

/* Proposals, and the groups of those that say the same thing. */
guint                vp_comparison_get_n_proposals (VpComparison        *self);
const VpProposalRef *vp_comparison_get_proposal    (VpComparison        *self,
                                                    guint                index);
VpOutlineItem       *vp_comparison_get_item        (VpComparison        *self,
                                                    const VpProposalRef *ref);
double               vp_comparison_get_similarity  (VpComparison        *self,
                                                    const VpProposalRef *a,
                                                    const VpProposalRef *b);

double               vp_comparison_get_threshold   (VpComparison        *self);
void                 vp_comparison_set_threshold   (VpComparison        *self,
                                                    double               threshold);
gboolean             vp_comparison_link            (VpComparison        *self,
                                                    const VpProposalRef *a,
                                                    const VpProposalRef *b);
gboolean             vp_comparison_unlink          (VpComparison        *self,
                                                    const VpProposalRef *a,
                                                    const VpProposalRef *b);
gboolean             vp_comparison_forget          (VpComparison        *self,
                                                    const VpProposalRef *a,
                                                    const VpProposalRef *b);

guint                vp_comparison_get_n_groups    (VpComparison        *self);
const VpProposalRef *vp_comparison_get_group       (VpComparison        *self,
                                                    guint                group,
                                                    guint               *n_members);
gboolean             vp_comparison_find_group      (VpComparison        *self,
                                                    const VpProposalRef *ref,
                                                    guint               *group);

G_END_DECLS
