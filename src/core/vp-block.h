/* vp-block.h: one block of an article's clean body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VP_TYPE_BLOCK (vp_block_get_type ())

typedef enum
{
  VP_BLOCK_HEADING,
  VP_BLOCK_PARAGRAPH,
  VP_BLOCK_ITEM,
  VP_BLOCK_QUOTE,
} VpBlockKind;

typedef enum
{
  VP_BLOCK_FLAG_NONE      = 0,
  VP_BLOCK_FLAG_ORDERED   = 1 << 0,  /* item of a numbered list (<ol>, "1.", "(a)") */
  VP_BLOCK_FLAG_STRONG    = 1 << 1,  /* the whole paragraph is bold: a title-like line */
  VP_BLOCK_FLAG_PRE       = 1 << 2,  /* preformatted text */
  VP_BLOCK_FLAG_ORDINAL   = 1 << 3,  /* item made from a "First, …" paragraph */
} VpBlockFlags;

/* A block of the clean body, in reading order.
 *
 * @text is whitespace-normalised UTF-8 (no leading or trailing space, no
 * runs of spaces, non-breaking spaces turned into spaces). For items it
 * does not include the item's own marker, which is kept in @label
 * ("1", "iv", "b"; %NULL for bullets).
 *
 * @level is the heading level (1–6) for headings and the nesting depth for
 * items (0 for a top-level list). @list groups items: all items of one list
 * share the same non-zero @list, and @parent is the index of the item a
 * nested item belongs to (-1 at the top level).
 */
typedef struct
{
  VpBlockKind   kind;
  VpBlockFlags  flags;
  guint         level;
  guint         list;
  int           parent;
  char         *text;
  char         *label;
} VpBlock;

GType        vp_block_get_type        (void) G_GNUC_CONST;
VpBlock     *vp_block_new             (VpBlockKind  kind,
                                       const char  *text);
VpBlock     *vp_block_copy            (const VpBlock *block);
void         vp_block_free            (VpBlock     *block);
const char  *vp_block_kind_to_string  (VpBlockKind  kind);
gboolean     vp_block_kind_from_string (const char  *str,
                                       VpBlockKind *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpBlock, vp_block_free)

G_END_DECLS
