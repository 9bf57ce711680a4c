/* vp-mention.h: an actor found in an article's text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Who says the actor is mentioned there: the tagger, or a reader who
 * tagged the span by hand (or confirmed the tagger's mention so). */
typedef enum
{
  VP_MENTION_AUTOMATIC,
  VP_MENTION_MANUAL,
} VpMentionOrigin;

/* Where a mention of an actor lies: in block @block of the article's body
 * (or in the title when @block is VP_MENTION_TITLE), between the byte
 * offsets @start (inclusive) and @end (exclusive) of that block's text.
 * @actor is an interned actor id (compare with ==). The tagger leaves
 * @origin at VP_MENTION_AUTOMATIC, which is 0. */
typedef struct
{
  const char      *actor;
  int              block;
  guint            start;
  guint            end;
  VpMentionOrigin  origin;
} VpMention;

#define VP_MENTION_TITLE (-1)

G_END_DECLS
