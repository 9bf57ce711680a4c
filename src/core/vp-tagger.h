/* vp-tagger.h: finds the mentions of a set of actors in text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vp-actor-set.h"
#include "vp-article.h"

G_BEGIN_DECLS

/* A tagger is compiled from the actors enabled in a set when it is made,
 * and does not change afterwards: make a new one when the set changes
 * (VpActorSet::changed). Being immutable, one tagger can scan texts in
 * several threads at once. */
typedef struct _VpTagger VpTagger;

#define VP_TYPE_TAGGER (vp_tagger_get_type ())

GType     vp_tagger_get_type     (void) G_GNUC_CONST;

VpTagger *vp_tagger_new          (VpActorSet *actors);
VpTagger *vp_tagger_ref          (VpTagger   *self);
void      vp_tagger_unref        (VpTagger   *self);
void      vp_tagger_scan         (VpTagger   *self,
                                  const char *text,
                                  int         block,
                                  GArray     *mentions);
void      vp_tagger_tag_article  (VpTagger   *self,
                                  VpArticle  *article);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpTagger, vp_tagger_unref)

G_END_DECLS
