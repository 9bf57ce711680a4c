/* vp-anchor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-anchor"

#include "config.h"

#include <string.h>

#include "vp-anchor.h"
#include "vp-mention.h"

/*
 * How a span is found again
 *
 * A manual tag or a rejection remembers where its text was and what it
 * said. When the article is read again (by a better importer, say), the
 * blocks may have moved, been split or merged, and the text around the
 * span may have changed. The span is then looked for by its text:
 *
 *  1. Among every occurrence of the text in the article, one with the
 *     same text around it (VP_ANCHOR_CONTEXT characters) on both sides,
 *     then on one side: a block that merely moved is recognised however
 *     far it went, and a phrase that occurs several times is told apart
 *     from its twins even when words were added on one side;
 *  2. then one that starts and ends on word boundaries as the original
 *     did ("Iran" tagged as a word is not re-found inside "Iranian");
 *  3. then the nearest: in the same block (at the same offsets first, if
 *     the text is still there), then in the blocks next to it, then
 *     further away, and within a block the closest to the old offset.
 *
 * A span whose text is nowhere in the article cannot be found.
 */

typedef struct
{
  gboolean found;
  guint    context;         /* sides whose context matches */
  gboolean boundaries;      /* word boundaries as the original's */
  guint    block_distance;
  gboolean before_anchor;   /* in a block before the anchor's */
  guint    offset_distance;
  int      block;
  guint    start;
} Candidate;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/**
 * vp_anchor_dup_before:
 * @block_text: the text of a block
 * @start: a byte offset in it, at the start of a character
 *
 * Returns: (transfer full): the VP_ANCHOR_CONTEXT characters before
 *   @start, or all of them when there are fewer
 */
char *
vp_anchor_dup_before (const char *block_text,
                      guint       start)
{
  const char *p;

  g_return_val_if_fail (block_text != NULL, NULL);
  g_return_val_if_fail (start <= strlen (block_text), NULL);

  p = block_text + start;
  for (guint i = 0; i < VP_ANCHOR_CONTEXT && p > block_text; i++)
    p = g_utf8_prev_char (p);

  return g_strndup (p, block_text + start - p);
}

/**
 * vp_anchor_dup_after:
 * @block_text: the text of a block
 * @end: a byte offset in it, at the start of a character or at the end
 *
 * Returns: (transfer full): the VP_ANCHOR_CONTEXT characters from @end
 *   on, or all of them when there are fewer
 */
char *
vp_anchor_dup_after (const char *block_text,
                     guint       end)
{
  const char *start;
  const char *p;

  g_return_val_if_fail (block_text != NULL, NULL);
  g_return_val_if_fail (end <= strlen (block_text), NULL);

  start = p = block_text + end;
  for (guint i = 0; i < VP_ANCHOR_CONTEXT && *p != '\0'; i++)
    p = g_utf8_next_char (p);

  return g_strndup (start, p - start);
}

/* How many sides of the span at @start..@end of @text (0, 1 or 2) read
 * as the anchor's context. Where the anchor's context is empty, the span
 * was at the start or end of its block, and must be there again. */
static guint
count_context_sides (const VpAnchor *anchor,
                     const char     *text,
                     gsize           length,
                     gsize           start,
                     gsize           end)
{
  gsize before_length;
  gsize after_length;
  guint sides = 0;

  if (anchor->before == NULL || anchor->after == NULL)
    return 0;

  before_length = strlen (anchor->before);
  after_length = strlen (anchor->after);

  if (before_length <= start &&
      memcmp (text + start - before_length, anchor->before, before_length) == 0 &&
      (before_length > 0 || start == 0))
    sides++;

  if (after_length <= length - end &&
      memcmp (text + end, anchor->after, after_length) == 0 &&
      (after_length > 0 || end == length))
    sides++;

  return sides;
}

/* Whether there is a word boundary between the character before a span
 * (@previous, or 0 at the start of a block) and its first one, and
 * likewise between its last character and @next. */
static void
get_boundaries (gunichar  previous,
                gunichar  first,
                gunichar  last,
                gunichar  next,
                gboolean *left,
                gboolean *right)
{
  *left = previous == 0 || !is_word_char (previous) || !is_word_char (first);
  *right = next == 0 || !is_word_char (next) || !is_word_char (last);
}

static gunichar
last_char (const char *text,
           gsize       length)
{
  if (length == 0)
    return 0;

  return g_utf8_get_char (g_utf8_prev_char (text + length));
}

/* -1 when @a is the better place, 1 when @b is, 0 when they tie. */
static int
compare_candidates (const Candidate *a,
                    const Candidate *b)
{
  if (a->found != b->found)
    return a->found ? -1 : 1;
  if (a->context != b->context)
    return a->context > b->context ? -1 : 1;
  if (a->boundaries != b->boundaries)
    return a->boundaries ? -1 : 1;
  if (a->block_distance != b->block_distance)
    return a->block_distance < b->block_distance ? -1 : 1;
  /* A block that moved moved up more often than down: importers improve
   * by dropping what came before the article. */
  if (a->before_anchor != b->before_anchor)
    return a->before_anchor ? -1 : 1;
  if (a->offset_distance != b->offset_distance)
    return a->offset_distance < b->offset_distance ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;

  return 0;
}

/**
 * vp_anchor_is_in_place:
 * @anchor: where a span was, and what it said
 * @block_text: (nullable): the text now of the block @anchor names (of
 *   the title for VP_MENTION_TITLE), or %NULL when there is none
 * @length: the length of @block_text in bytes
 *
 * Whether the span is still exactly where @anchor says: its text at its
 * offsets, with the same context on both sides when @anchor knows it.
 * vp_anchor_locate() would then find it there, and need not be asked:
 * this costs the length of the span and its context, not the article's.
 *
 * Returns: whether the span is in place
 */
gboolean
vp_anchor_is_in_place (const VpAnchor *anchor,
                       const char     *block_text,
                       gsize           length)
{
  gsize text_length;

  g_return_val_if_fail (anchor != NULL, FALSE);
  g_return_val_if_fail (anchor->text != NULL, FALSE);

  if (block_text == NULL)
    return FALSE;

  text_length = strlen (anchor->text);
  if (anchor->start > length || text_length > length - anchor->start ||
      memcmp (block_text + anchor->start, anchor->text, text_length) != 0)
    return FALSE;

  /* Without a context, the nearest occurrence wins, and none is nearer. */
  if (anchor->before == NULL || anchor->after == NULL)
    return TRUE;

  return count_context_sides (anchor, block_text, length, anchor->start,
                              anchor->start + text_length) == 2;
}

/**
 * vp_anchor_locate:
 * @anchor: where a span was, and what it said
 * @title: (nullable): the article's title now
 * @blocks: (array length=n_blocks): the text of each block now; a block
 *   may be %NULL
 * @n_blocks: the number of blocks
 * @block: (out): the block the span is in now, or VP_MENTION_TITLE
 * @start: (out): its byte offset there; it ends strlen(@anchor->text)
 *   bytes later
 *
 * Finds the span @anchor describes in the article's text as it is now;
 * see the comment at the top of vp-anchor.c for how. Nothing is changed.
 *
 * Returns: whether the span was found
 */
gboolean
vp_anchor_locate (const VpAnchor     *anchor,
                  const char         *title,
                  const char * const *blocks,
                  guint               n_blocks,
                  int                *block,
                  guint              *start)
{
  Candidate best = { FALSE, };
  gsize text_length;
  gunichar first;
  gunichar last;
  gboolean known_left = FALSE;
  gboolean known_right = FALSE;
  gboolean has_boundaries;
  int anchor_position;

  g_return_val_if_fail (anchor != NULL, FALSE);
  g_return_val_if_fail (anchor->text != NULL && anchor->text[0] != '\0', FALSE);
  g_return_val_if_fail (blocks != NULL || n_blocks == 0, FALSE);
  g_return_val_if_fail (block != NULL, FALSE);
  g_return_val_if_fail (start != NULL, FALSE);

  text_length = strlen (anchor->text);
  first = g_utf8_get_char (anchor->text);
  last = last_char (anchor->text, text_length);

  /* The original's word boundaries, from its context when it is known. */
  has_boundaries = anchor->before != NULL && anchor->after != NULL;
  if (has_boundaries)
    get_boundaries (last_char (anchor->before, strlen (anchor->before)), first, last,
                    g_utf8_get_char (anchor->after), &known_left, &known_right);

  /* Positions count the title as 0 and block i as i + 1. */
  anchor_position = anchor->block == VP_MENTION_TITLE ? 0 : CLAMP (anchor->block + 1, 0,
                                                                   (int)n_blocks);

  for (int position = 0; position <= (int)n_blocks; position++)
    {
      const char *text = position == 0 ? title : blocks[position - 1];
      const char *found;
      gsize length;

      if (text == NULL)
        continue;

      length = strlen (text);

      for (found = strstr (text, anchor->text);
           found != NULL;
           found = strstr (g_utf8_next_char (found), anchor->text))
        {
          gsize offset = found - text;
          gsize end = offset + text_length;
          Candidate candidate;
          gboolean left;
          gboolean right;

          get_boundaries (offset > 0 ? last_char (text, offset) : 0, first, last,
                          g_utf8_get_char (text + end), &left, &right);

          candidate.found = TRUE;
          candidate.context = count_context_sides (anchor, text, length, offset, end);
          candidate.boundaries = !has_boundaries || (left == known_left && right == known_right);
          candidate.block_distance = ABS (position - anchor_position);
          candidate.before_anchor = position < anchor_position;
          candidate.offset_distance = offset > anchor->start ? offset - anchor->start
                                                             : anchor->start - offset;
          candidate.block = position == 0 ? VP_MENTION_TITLE : position - 1;
          candidate.start = offset;

          if (compare_candidates (&candidate, &best) < 0)
            best = candidate;
        }
    }

  if (!best.found)
    return FALSE;

  *block = best.block;
  *start = best.start;

  return TRUE;
}
