/* vp-annotation.h: what a reader said about the actors of an article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "vp-anchor.h"

G_BEGIN_DECLS

#define VP_TYPE_ANNOTATION      (vp_annotation_get_type ())
#define VP_TYPE_ANNOTATION_KIND (vp_annotation_kind_get_type ())

/* What a reader can say about the actors of an article, on top of the
 * mentions the tagger finds:
 *
 *  - TAG: this span mentions the actor (a mention the tagger missed);
 *  - REJECTION: the tagger's mention of the actor at this span is wrong
 *    ("Not Iran here");
 *  - ITEM_ADDITION: the outline item at this span involves the actor,
 *    whether or not its text names it;
 *  - ITEM_REMOVAL: the outline item at this span does not involve the
 *    actor, whatever its text says.
 *
 * See vp_article_dup_item_actors() for how they combine. */
typedef enum
{
  VP_ANNOTATION_TAG,
  VP_ANNOTATION_REJECTION,
  VP_ANNOTATION_ITEM_ADDITION,
  VP_ANNOTATION_ITEM_REMOVAL,
} VpAnnotationKind;

/* An annotation is immutable, and shared by reference counting: the
 * article, the undo history and a saved workspace can all hold the same
 * one. */
typedef struct _VpAnnotation VpAnnotation;

GType             vp_annotation_kind_get_type      (void) G_GNUC_CONST;
GType             vp_annotation_get_type           (void) G_GNUC_CONST;

VpAnnotation     *vp_annotation_new                (VpAnnotationKind    kind,
                                                    const char         *actor,
                                                    int                 block,
                                                    guint               start,
                                                    const char         *text,
                                                    const char         *before,
                                                    const char         *after);
VpAnnotation     *vp_annotation_new_in_text        (VpAnnotationKind    kind,
                                                    const char         *actor,
                                                    int                 block,
                                                    const char         *block_text,
                                                    guint               start,
                                                    guint               end);
VpAnnotation     *vp_annotation_ref                (VpAnnotation       *self);
void              vp_annotation_unref              (VpAnnotation       *self);

VpAnnotationKind  vp_annotation_get_kind           (const VpAnnotation *self);
const char       *vp_annotation_get_actor          (const VpAnnotation *self);
int               vp_annotation_get_block          (const VpAnnotation *self);
guint             vp_annotation_get_start          (const VpAnnotation *self);
guint             vp_annotation_get_end            (const VpAnnotation *self);
const char       *vp_annotation_get_text           (const VpAnnotation *self);
const char       *vp_annotation_get_before         (const VpAnnotation *self);
const char       *vp_annotation_get_after          (const VpAnnotation *self);
void              vp_annotation_get_anchor         (const VpAnnotation *self,
                                                    VpAnchor           *anchor);
gboolean          vp_annotation_is_item            (const VpAnnotation *self);

VpAnnotation     *vp_annotation_copy_for_actor     (const VpAnnotation *self,
                                                    const char         *actor);
VpAnnotation     *vp_annotation_copy_moved         (const VpAnnotation *self,
                                                    int                 block,
                                                    const char         *block_text,
                                                    guint               start,
                                                    guint               end);

gboolean          vp_annotation_equal              (const VpAnnotation *a,
                                                    const VpAnnotation *b);
int               vp_annotation_compare            (const VpAnnotation *a,
                                                    const VpAnnotation *b);

const char       *vp_annotation_kind_to_string     (VpAnnotationKind    kind);
gboolean          vp_annotation_kind_from_string   (const char         *str,
                                                    VpAnnotationKind   *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpAnnotation, vp_annotation_unref)

G_END_DECLS
