/* vp-anchor.h: finds a span of an article's text again after the text changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Characters of context an anchor keeps on each side of its text. */
#define VP_ANCHOR_CONTEXT 20

/* Where a span of an article's text was: in block @block (or in the title
 * when @block is VP_MENTION_TITLE), between the byte offsets @start and
 * @end, which held @text. @before and @after are the text around it in
 * the same block, VP_ANCHOR_CONTEXT characters of it, or fewer where the
 * block begins or ends; %NULL when they are not known. The strings are
 * borrowed. */
typedef struct
{
  int         block;
  guint       start;
  guint       end;
  const char *text;
  const char *before;
  const char *after;
} VpAnchor;

char     *vp_anchor_dup_before (const char         *block_text,
                                guint               start);
char     *vp_anchor_dup_after  (const char         *block_text,
                                guint               end);
gboolean  vp_anchor_is_in_place (const VpAnchor    *anchor,
                                const char        *block_text,
                                gsize              length);
gboolean  vp_anchor_locate     (const VpAnchor     *anchor,
                                const char         *title,
                                const char * const *blocks,
                                guint               n_blocks,
                                int                *block,
                                guint              *start);

G_END_DECLS
