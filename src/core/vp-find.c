/* vp-find.c
 *
 * The search of the window's find bar. It lives in the core so that the
 * rules (what counts as the same letter) are tested without a display and
 * shared by every front end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-find"

#include "config.h"

#include "vp-find.h"

/* Folds a character for comparison: case is ignored, and the curly quotes
 * that pages use are the straight ones a user types. Simple one-to-one
 * folding keeps byte offsets in the original text exact. */
static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x02BC: /* ʼ */
      return '\'';

    case 0x201C: /* “ */
    case 0x201D: /* ” */
      return '"';

    case 0x00A0: /* no-break space */
      return ' ';

    default:
      return g_unichar_tolower (c);
    }
}

/**
 * vp_find_in_text:
 * @text: UTF-8 text to search
 * @needle: what to find; matched without regard to case
 * @block: the block index to record in each match
 * @matches: (element-type VpTextMatch): where matches are appended
 *
 * Appends every non-overlapping occurrence of @needle in @text.
 */
void
vp_find_in_text (const char *text,
                 const char *needle,
                 int         block,
                 GArray     *matches)
{
  g_autofree gunichar *folded = NULL;
  glong n_folded = 0;

  g_return_if_fail (text != NULL);
  g_return_if_fail (needle != NULL);
  g_return_if_fail (matches != NULL);

  folded = g_utf8_to_ucs4_fast (needle, -1, &n_folded);
  if (n_folded == 0)
    return;

  for (glong i = 0; i < n_folded; i++)
    folded[i] = fold_char (folded[i]);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *q = p;
      glong k;

      for (k = 0; k < n_folded && *q != '\0'; k++)
        {
          if (fold_char (g_utf8_get_char (q)) != folded[k])
            break;
          q = g_utf8_next_char (q);
        }

      if (k == n_folded)
        {
          VpTextMatch match = { block, p - text, q - text };

          g_array_append_val (matches, match);
          /* Continue after the match: the loop's increment moves one
           * character past q's predecessor. */
          p = g_utf8_prev_char (q);
        }
    }
}

/**
 * vp_find_in_article:
 * @article: the article to search
 * @needle: what to find, without regard to case
 *
 * Finds @needle in every block of the article's clean body, in reading
 * order.
 *
 * Returns: (transfer full) (element-type VpTextMatch): the matches
 */
GArray *
vp_find_in_article (VpArticle  *article,
                    const char *needle)
{
  GArray *matches;
  guint n_blocks;

  g_return_val_if_fail (VP_IS_ARTICLE (article), NULL);
  g_return_val_if_fail (needle != NULL, NULL);

  matches = g_array_new (FALSE, FALSE, sizeof (VpTextMatch));
  n_blocks = vp_article_get_n_blocks (article);

  for (guint i = 0; i < n_blocks; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);

      if (block->text != NULL)
        vp_find_in_text (block->text, needle, i, matches);
    }

  return matches;
}
