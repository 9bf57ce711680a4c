/* vp-annotation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-annotation"

#include "config.h"

#include <string.h>

#include "vp-actor.h"
#include "vp-annotation.h"

struct _VpAnnotation
{
  gatomicrefcount   ref_count;

  VpAnnotationKind  kind;
  const char       *actor;   /* interned */
  int               block;
  guint             start;
  guint             end;
  char             *text;
  char             *before;  /* nullable */
  char             *after;   /* nullable */
};

G_DEFINE_ENUM_TYPE (VpAnnotationKind, vp_annotation_kind,
  G_DEFINE_ENUM_VALUE (VP_ANNOTATION_TAG, "tag"),
  G_DEFINE_ENUM_VALUE (VP_ANNOTATION_REJECTION, "rejection"),
  G_DEFINE_ENUM_VALUE (VP_ANNOTATION_ITEM_ADDITION, "item-addition"),
  G_DEFINE_ENUM_VALUE (VP_ANNOTATION_ITEM_REMOVAL, "item-removal"))

G_DEFINE_BOXED_TYPE (VpAnnotation, vp_annotation, vp_annotation_ref, vp_annotation_unref)

static const char * const kind_names[] = {
  [VP_ANNOTATION_TAG] = "tag",
  [VP_ANNOTATION_REJECTION] = "rejection",
  [VP_ANNOTATION_ITEM_ADDITION] = "item-addition",
  [VP_ANNOTATION_ITEM_REMOVAL] = "item-removal",
};

/**
 * vp_annotation_new:
 * @kind: what the annotation says
 * @actor: the id of the actor it is about
 * @block: the block of the span, or VP_MENTION_TITLE
 * @start: the byte offset of the span in the block
 * @text: the text of the span: not empty, and not starting or ending
 *   with half a character
 * @before: (nullable): the context before the span, see #VpAnchor
 * @after: (nullable): the context after the span
 *
 * Makes an annotation from its parts, as a saved workspace gives them.
 * Use vp_annotation_new_in_text() for a span of a text at hand.
 *
 * Returns: (transfer full): a new annotation
 */
VpAnnotation *
vp_annotation_new (VpAnnotationKind  kind,
                   const char       *actor,
                   int               block,
                   guint             start,
                   const char       *text,
                   const char       *before,
                   const char       *after)
{
  VpAnnotation *self;
  gsize length;

  g_return_val_if_fail (kind <= VP_ANNOTATION_ITEM_REMOVAL, NULL);
  g_return_val_if_fail (vp_actor_id_is_valid (actor), NULL);
  g_return_val_if_fail (block >= -1, NULL);
  g_return_val_if_fail (text != NULL && text[0] != '\0', NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  length = strlen (text);
  g_return_val_if_fail (length <= G_MAXUINT - start, NULL);

  self = g_new0 (VpAnnotation, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->actor = g_intern_string (actor);
  self->block = block;
  self->start = start;
  self->end = start + length;
  self->text = g_strdup (text);
  self->before = g_strdup (before);
  self->after = g_strdup (after);

  return self;
}

/**
 * vp_annotation_new_in_text:
 * @block_text: the text of block @block
 * @start: the byte offset of the span in @block_text
 * @end: where the span ends; after @start, at most the text's length
 *
 * Makes an annotation of the span @start..@end of @block_text, keeping
 * its text and its context so that it can be found again if the text
 * changes (see vp_anchor_locate()).
 *
 * Returns: (transfer full): a new annotation
 */
VpAnnotation *
vp_annotation_new_in_text (VpAnnotationKind  kind,
                           const char       *actor,
                           int               block,
                           const char       *block_text,
                           guint             start,
                           guint             end)
{
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_return_val_if_fail (block_text != NULL, NULL);
  g_return_val_if_fail (start < end, NULL);
  g_return_val_if_fail (end <= strlen (block_text), NULL);

  text = g_strndup (block_text + start, end - start);
  before = vp_anchor_dup_before (block_text, start);
  after = vp_anchor_dup_after (block_text, end);

  return vp_annotation_new (kind, actor, block, start, text, before, after);
}

VpAnnotation *
vp_annotation_ref (VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
vp_annotation_unref (VpAnnotation *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->text);
  g_free (self->before);
  g_free (self->after);
  g_free (self);
}

VpAnnotationKind
vp_annotation_get_kind (const VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, VP_ANNOTATION_TAG);

  return self->kind;
}

/**
 * vp_annotation_get_actor:
 *
 * Returns: the actor's id, interned: compare it with ==
 */
const char *
vp_annotation_get_actor (const VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->actor;
}

int
vp_annotation_get_block (const VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->block;
}

guint
vp_annotation_get_start (const VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->start;
}

guint
vp_annotation_get_end (const VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->end;
}

const char *
vp_annotation_get_text (const VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->text;
}

/**
 * vp_annotation_get_before:
 *
 * Returns: (nullable): the text before the span, see #VpAnchor
 */
const char *
vp_annotation_get_before (const VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->before;
}

/**
 * vp_annotation_get_after:
 *
 * Returns: (nullable): the text after the span, see #VpAnchor
 */
const char *
vp_annotation_get_after (const VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->after;
}

/**
 * vp_annotation_get_anchor:
 * @anchor: (out caller-allocates): where to describe the span; its
 *   strings belong to @self
 */
void
vp_annotation_get_anchor (const VpAnnotation *self,
                          VpAnchor           *anchor)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (anchor != NULL);

  anchor->block = self->block;
  anchor->start = self->start;
  anchor->end = self->end;
  anchor->text = self->text;
  anchor->before = self->before;
  anchor->after = self->after;
}

/**
 * vp_annotation_is_item:
 *
 * Returns: whether the annotation is about an outline item rather than a
 *   span of text
 */
gboolean
vp_annotation_is_item (const VpAnnotation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->kind == VP_ANNOTATION_ITEM_ADDITION || self->kind == VP_ANNOTATION_ITEM_REMOVAL;
}

/**
 * vp_annotation_copy_for_actor:
 * @actor: the id of another actor
 *
 * Returns: (transfer full): the same annotation about @actor, as merging
 *   two actors needs
 */
VpAnnotation *
vp_annotation_copy_for_actor (const VpAnnotation *self,
                              const char         *actor)
{
  g_return_val_if_fail (self != NULL, NULL);

  return vp_annotation_new (self->kind, actor, self->block, self->start, self->text,
                            self->before, self->after);
}

/**
 * vp_annotation_copy_moved:
 * @block: the block the span is in now
 * @block_text: that block's text now
 * @start: where the span starts in it
 * @end: where it ends
 *
 * Returns: (transfer full): the same annotation at another place, with
 *   the text and context found there
 */
VpAnnotation *
vp_annotation_copy_moved (const VpAnnotation *self,
                          int                 block,
                          const char         *block_text,
                          guint               start,
                          guint               end)
{
  g_return_val_if_fail (self != NULL, NULL);

  return vp_annotation_new_in_text (self->kind, self->actor, block, block_text, start, end);
}

/**
 * vp_annotation_compare:
 *
 * Orders annotations by place (block, start, end), then kind, then actor
 * id; the context is left out: two annotations of the same kind and actor
 * at the same place say the same thing.
 *
 * Returns: a negative number, 0 or a positive number, as strcmp() does
 */
int
vp_annotation_compare (const VpAnnotation *a,
                       const VpAnnotation *b)
{
  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->block != b->block)
    return a->block < b->block ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->actor != b->actor)
    return strcmp (a->actor, b->actor);

  return 0;
}

/**
 * vp_annotation_equal:
 *
 * Returns: whether @a and @b say the same thing about the same place,
 *   see vp_annotation_compare()
 */
gboolean
vp_annotation_equal (const VpAnnotation *a,
                     const VpAnnotation *b)
{
  return vp_annotation_compare (a, b) == 0;
}

/**
 * vp_annotation_kind_to_string:
 *
 * Returns: the name of @kind in files ("tag", "rejection",
 *   "item-addition", "item-removal")
 */
const char *
vp_annotation_kind_to_string (VpAnnotationKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

/**
 * vp_annotation_kind_from_string:
 * @kind: (out): where to store the kind named @str
 *
 * Returns: whether @str names a kind
 */
gboolean
vp_annotation_kind_from_string (const char       *str,
                                VpAnnotationKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (strcmp (str, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}
