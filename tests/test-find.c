/* test-find.c: the find bar's search over an article's body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vp-find.h"

typedef struct
{
  const char *text;
  const char *needle;
  guint       n_matches;
  guint       first_start;
  guint       first_end;
} FindCase;

static const FindCase cases[] = {
  { "Iran and Saudi Arabia", "iran", 1, 0, 4 },
  { "IRAN, Iran, iran", "Iran", 3, 0, 4 },
  { "no match here", "Tehran", 0, 0, 0 },
  /* Non-overlapping: "aaaa" holds two "aa". */
  { "aaaa", "aa", 2, 0, 2 },
  /* A typed apostrophe finds a curly one; offsets are bytes of the text. */
  { "Iran’s navy", "iran's", 1, 0, 8 },
  /* Case folding beyond ASCII. */
  { "Die Grüße ÜBER alles", "über", 1, 12, 17 },
  { "short", "", 0, 0, 0 },
  { "", "x", 0, 0, 0 },
};

static void
test_text (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (VpTextMatch));

      vp_find_in_text (cases[i].text, cases[i].needle, 7, matches);

      g_assert_cmpuint (matches->len, ==, cases[i].n_matches);
      if (matches->len > 0)
        {
          VpTextMatch *first = &g_array_index (matches, VpTextMatch, 0);

          g_assert_cmpint (first->block, ==, 7);
          g_assert_cmpuint (first->start, ==, cases[i].first_start);
          g_assert_cmpuint (first->end, ==, cases[i].first_end);
        }
    }
}

static void
test_article (void)
{
  g_autoptr(VpArticle) article = vp_article_new ("test.html");
  g_autoptr(GArray) matches = NULL;

  vp_article_take_block (article, vp_block_new (VP_BLOCK_HEADING, "Talks with Tehran"));
  vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH, "Nothing to see."));
  vp_article_take_block (article, vp_block_new (VP_BLOCK_ITEM, "Tehran and talks, then talks"));

  matches = vp_find_in_article (article, "TALKS");

  g_assert_cmpuint (matches->len, ==, 3);
  g_assert_cmpint (g_array_index (matches, VpTextMatch, 0).block, ==, 0);
  g_assert_cmpint (g_array_index (matches, VpTextMatch, 1).block, ==, 2);
  g_assert_cmpuint (g_array_index (matches, VpTextMatch, 1).start, ==, 11);
  g_assert_cmpuint (g_array_index (matches, VpTextMatch, 2).start, ==, 23);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/find/text", test_text);
  g_test_add_func ("/vp/find/article", test_article);

  return g_test_run ();
}
