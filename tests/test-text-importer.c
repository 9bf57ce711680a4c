/* test-text-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-text-importer"

#include "config.h"

#include <string.h>

#include "vp-error.h"
#include "vp-importer.h"
#include "vp-text-importer.h"

/* What a block must be. Items of one list share a letter in @list. */
typedef struct
{
  VpBlockKind  kind;
  const char  *label;   /* NULL for bullets and non-items */
  guint        level;
  int          parent;
  char         list;
  const char  *text;
} ExpectedBlock;

#define P(t)                       { VP_BLOCK_PARAGRAPH, NULL, 0, -1, 0, (t) }
#define H(t)                       { VP_BLOCK_HEADING, NULL, 2, -1, 0, (t) }
#define ITEM(list, lab, t)         { VP_BLOCK_ITEM, (lab), 0, -1, (list), (t) }
#define CHILD(list, par, lvl, lab, t) { VP_BLOCK_ITEM, (lab), (lvl), (par), (list), (t) }
#define END                        { 0, NULL, 0, 0, 0, NULL }

static char *
load_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "text", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);

  return data;
}

static VpArticle *
import_fixture (const char *name)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  VpArticle *article;
  gsize length = 0;

  data = load_fixture (name, &length);
  article = vp_text_import (data, length, name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);

  return article;
}

static VpArticle *
import_string (const char *text)
{
  g_autoptr(GError) error = NULL;
  VpArticle *article = vp_text_import (text, strlen (text), "inline.txt", &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);

  return article;
}

static void
assert_blocks (VpArticle           *article,
               const ExpectedBlock *expected)
{
  guint lists[128] = { 0 };
  guint n = 0;

  for (; expected[n].text != NULL; n++)
    {
      const VpBlock *block;

      if (n >= vp_article_get_n_blocks (article))
        g_error ("block %u is missing: “%s”", n, expected[n].text);

      block = vp_article_get_block (article, n);
      g_assert_cmpint (block->kind, ==, expected[n].kind);
      g_assert_cmpstr (block->text, ==, expected[n].text);

      if (block->kind == VP_BLOCK_HEADING)
        g_assert_cmpuint (block->level, ==, expected[n].level);

      if (block->kind != VP_BLOCK_ITEM)
        {
          g_assert_null (block->label);
          g_assert_cmpuint (block->list, ==, 0);
          continue;
        }

      g_assert_cmpstr (block->label, ==, expected[n].label);
      g_assert_cmpint ((block->flags & VP_BLOCK_FLAG_ORDERED) != 0, ==, expected[n].label != NULL);
      g_assert_cmpuint (block->level, ==, expected[n].level);
      g_assert_cmpint (block->parent, ==, expected[n].parent);

      /* One id per list, a fresh one for each. */
      g_assert_cmpuint (block->list, !=, 0);
      if (lists[(guchar)expected[n].list] == 0)
        {
          for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
            g_assert_cmpuint (lists[k], !=, block->list);
          lists[(guchar)expected[n].list] = block->list;
        }
      g_assert_cmpuint (block->list, ==, lists[(guchar)expected[n].list]);
    }

  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, n);
}

static void
assert_authors (VpArticle  *article,
                const char *joined)
{
  g_autofree char *authors = g_strjoinv ("|", (char **)vp_article_get_authors (article));

  g_assert_cmpstr (authors, ==, joined);
}

/* Fixtures */

static void
test_seed_shaped (void)
{
  static const ExpectedBlock expected[] = {
    P ("The cod are moving north, and the fleets of two old rivals are following them into "
       "waters that neither country has ever had to share. Last winter, patrol boats from "
       "both navies shadowed each other for weeks."),
    P ("Ministers in both capitals talk about the fish as if they were a border to defend. "
       "The fishermen see it differently: they want quotas that hold from one season to the next."),
    P ("The numbers are stark. Catches fell 40 percent in a decade, and the U.S. Coast Guard "
       "warned of a collapse by 2030."),
    P ("The two governments\u2019 shared interests in the northern grounds include:"),
    ITEM ('a', "1", "Keeping the stocks above the safe limit."),
    ITEM ('a', "2", "Preventing clashes between patrol boats."),
    ITEM ('a', "3", "Sharing the costs of research vessels."),
    ITEM ('a', "4", "Protecting the spawning grounds from trawlers."),
    ITEM ('a', "5", "Keeping foreign fleets out of the zone."),
    H ("A shared plan"),
    P ("While Norland should keep its own patrols, a joint authority would help on three fronts."),
    ITEM ('b', "1", "As noted by Dr. Ilse Moreau, the biologist, a common count of the stock would "
                    "end the quarrel over \u201cwhose fish\u201d they are."),
    ITEM ('b', "2", "Joint inspections would make cheating harder for both fleets."),
    ITEM ('b', "3", "A single licence would spare small boats from paying twice."),
    P ("The two governments should sign a provisional quota this spring. Estavia should have "
       "a vital interest in calm waters, since its ports depend on the catch."),
    P ("It is essential that both parliaments ratify the plan before the next season opens."),
    END
  };
  g_autoptr(VpArticle) article = import_fixture ("seed-shaped.txt");

  g_assert_cmpstr (vp_article_get_title (article), ==,
                   "Fishing rights could bring Norland and Estavia closer");
  assert_authors (article, "Mara Lindqvist Osei");
  g_assert_cmpstr (vp_article_get_outlet (article), ==, "Harbour Review");
  g_assert_null (vp_article_get_site (article));
  assert_blocks (article, expected);
}

static void
test_seed_shaped_pipeline (void)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = NULL;
  g_autoptr(VpOutlineSection) first = NULL;
  g_autoptr(VpOutlineSection) second = NULL;
  GListModel *sections;
  gsize length = 0;
  guint n_blocks;

  /* The whole import, outline included. */
  data = load_fixture ("seed-shaped.txt", &length);
  article = vp_import_data (data, length, "seed-shaped.txt", VP_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);

  sections = vp_article_get_sections (article);
  g_assert_cmpuint (g_list_model_get_n_items (sections), ==, 2);

  first = g_list_model_get_item (sections, 0);
  g_assert_null (vp_outline_section_get_heading (first));
  g_assert_cmpstr (vp_outline_section_get_lead_in (first), ==,
                   "The two governments\u2019 shared interests in the northern grounds include:");
  g_assert_cmpint (vp_outline_section_get_expected_count (first), ==, -1);
  g_assert_cmpuint (vp_outline_section_get_n_items (first), ==, 5);

  second = g_list_model_get_item (sections, 1);
  g_assert_cmpstr (vp_outline_section_get_heading (second), ==, "A shared plan");
  g_assert_cmpint (vp_outline_section_get_expected_count (second), ==, 3);
  g_assert_cmpuint (vp_outline_section_get_n_items (second), ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (vp_article_get_recommendations (article)), ==, 2);

  /* Nothing of the page's chrome is left. */
  n_blocks = vp_article_get_n_blocks (article);
  for (guint i = 0; i < n_blocks; i++)
    {
      const char *text = vp_article_get_block (article, i)->text;

      g_assert_null (strstr (text, "Check Also"));
      g_assert_null (strstr (text, "Leave a Reply"));
      g_assert_null (strstr (text, "Coastal towns"));
      g_assert_null (strstr (text, "email address"));
      g_assert_null (strstr (text, "Home /"));
      g_assert_null (strstr (text, "\u00a0"));
    }
}

static void
test_one_per_line (void)
{
  static const ExpectedBlock expected[] = {
    P ("The freight line across the mountains has been closed for three years."),
    P ("Traders have moved their goods to trucks, and the roads are crumbling."),
    P ("The reopening plan has four parts:"),
    ITEM ('a', "1", "Repair the tunnels."),
    ITEM ('a', "2", "Replace the signals."),
    ITEM ('a', "3", "Hire new crews."),
    ITEM ('a', "4", "Reopen the stations."),
    H ("What comes next"),
    P ("The ministry should publish a timetable by the end of the year."),
    END
  };
  g_autoptr(VpArticle) article = import_fixture ("one-per-line.txt");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Why the rail link matters");
  assert_authors (article, "Tomas Reyes|Aiko Tanaka");
  g_assert_null (vp_article_get_outlet (article));
  assert_blocks (article, expected);
}

static void
test_windows_1252 (void)
{
  static const ExpectedBlock expected[] = {
    P ("Energy bills have tripled since the spring, and the \u201ccaf\u00e9 culture\u201d of the "
       "old town is in danger."),
    P ("Owners say they need help now \u2014 not next year."),
    END
  };
  g_autoptr(VpArticle) article = import_fixture ("windows-1252.txt");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Caf\u00e9 owners face a bitter winter");
  assert_authors (article, "Ren\u00e9e Dubois");
  g_assert_cmpstr (vp_article_get_outlet (article), ==, "Le Petit Journal");
  assert_blocks (article, expected);
}

static void
test_utf16le (void)
{
  static const ExpectedBlock expected[] = {
    P ("The checkpoint opened at dawn, and by noon the lorries were moving."),
    P ("Three things changed:"),
    ITEM ('a', NULL, "The queues vanished."),
    ITEM ('a', NULL, "The guards smiled."),
    ITEM ('a', NULL, "Trade resumed."),
    P ("Nobody expected it to last."),
    END
  };
  g_autoptr(VpArticle) article = import_fixture ("utf16le.txt");

  g_assert_cmpstr (vp_article_get_title (article), ==, "A quiet border");
  assert_authors (article, "Jane Okoro");
  assert_blocks (article, expected);
}

static void
test_bullets (void)
{
  static const ExpectedBlock expected[] = {
    P ("The market needs three fixes:"),
    ITEM ('a', NULL, "Lower fees."),
    ITEM ('a', NULL, "Faster payments."),
    ITEM ('a', NULL, "Clearer rules."),
    P ("Some critics disagree."),
    ITEM ('b', NULL, "One dash item."),
    ITEM ('b', NULL, "Another dash item."),
    ITEM ('c', NULL, "Star one."),
    ITEM ('c', NULL, "Star two."),
    ITEM ('d', NULL, "En dash one."),
    ITEM ('d', NULL, "En dash two."),
    P ("- A lone dash line is prose."),
    P ("A closing paragraph."),
    END
  };
  g_autoptr(VpArticle) article = import_fixture ("bullets.txt");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Mending the market");
  assert_authors (article, "Sam Patel");
  assert_blocks (article, expected);
}

static void
test_nested (void)
{
  static const ExpectedBlock expected[] = {
    P ("The plan has three stages:"),
    ITEM ('a', "1", "Build the dams, starting with the two upstream sites."),
    CHILD ('b', 1, 1, "a", "Upstream first."),
    CHILD ('b', 1, 1, "b", "Then downstream."),
    CHILD ('c', 3, 2, "i", "With fish ladders."),
    CHILD ('c', 3, 2, "ii", "With sluices."),
    ITEM ('a', "2", "Run them together."),
    CHILD ('d', 6, 1, NULL, "Share the data."),
    CHILD ('d', 6, 1, NULL, "Share the costs."),
    ITEM ('a', "3", "Review after five years."),
    P ("The second stage needs people:"),
    ITEM ('e', "1", "Hire staff."),
    CHILD ('f', 11, 1, "a", "Engineers."),
    CHILD ('f', 11, 1, "b", "Inspectors."),
    ITEM ('e', "2", "Train them."),
    ITEM ('g', "9", "Right-aligned nine."),
    ITEM ('g', "10", "Right-aligned ten."),
    END
  };
  g_autoptr(VpArticle) article = import_fixture ("nested.txt");

  assert_blocks (article, expected);
}

static void
test_hard_wrapped (void)
{
  static const ExpectedBlock expected[] = {
    P ("The harbour authority has spent a decade promising a new breakwater, and the fishermen "
       "who shelter behind the old one have stopped believing it. Storms now reach the inner "
       "basin twice a year."),
    P ("The plan needs two things:"),
    ITEM ('a', "1", "A budget that survives the next election, which none of the last three did."),
    ITEM ('a', "2", "A contractor with experience of deep water."),
    P ("The authority should publish the tender documents before the summer, so that bidders "
       "have time to prepare."),
    END
  };
  g_autoptr(VpArticle) article = import_fixture ("hard-wrapped.txt");

  g_assert_cmpstr (vp_article_get_title (article), ==, "A wrapped article");
  assert_authors (article, "Kofi Mensah");
  assert_blocks (article, expected);
}

/* Texts written here */

static void
test_breadcrumbs (void)
{
  static const char * const texts[] = {
    "Home / News / Ports reopen\n\nPorts reopen\n\nThe ports reopened today.\n",
    "Home \u203a News \u203a Ports reopen\n\nPorts reopen\n\nThe ports reopened today.\n",
    "Home \u00bb News \u00bb Ports reopen\n\nPorts reopen\n\nThe ports reopened today.\n",
    "Home > News > Ports reopen\n\nPorts reopen\n\nThe ports reopened today.\n",
    "Home / Ports reopen\n\nPorts reopen\n\nThe ports reopened today.\n",
    ("World \u203a Ports reopen after the strike\nPorts reopen after the strike\n"
     "The ports reopened today.\n"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(VpArticle) article = import_string (texts[i]);

      g_assert_cmpstr (vp_article_get_title (article), !=, NULL);
      g_assert_true (g_str_has_prefix (vp_article_get_title (article), "Ports reopen"));
      g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 1);
      g_assert_cmpstr (vp_article_get_block (article, 0)->text, ==, "The ports reopened today.");
    }
}

static void
test_not_breadcrumb (void)
{
  /* A title with a slash in it is a title. */
  g_autoptr(VpArticle) article =
    import_string ("Iran / US relations after the deal\n\nThe deal changed little.\n");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Iran / US relations after the deal");
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 1);
}

static void
test_chrome (void)
{
  static const char * const chrome[] = {
    "Check Also", "Leave a Reply", "Leave a comment", "Related Articles", "Related Posts",
    "You May Also Like", "You might also like", "Share this:", "Comments", "12 Comments",
    "One Response", "3 thoughts on \u201cPorts\u201d", "Post navigation", "About the Author",
    "RELATED ARTICLES",
  };

  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    {
      g_autofree char *text = g_strdup_printf ("Ports reopen\n\nThe ports reopened today.\n\n"
                                               "Trade resumed.\n\n%s\n\nA headline elsewhere\n\n"
                                               "Its teaser text goes here.\n", chrome[i]);
      g_autoptr(VpArticle) article = import_string (text);

      g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 2);
      g_assert_cmpstr (vp_article_get_block (article, 1)->text, ==, "Trade resumed.");
    }
}

static void
test_chrome_before_title (void)
{
  g_autoptr(VpArticle) article =
    import_string ("Share this:\n\nPorts reopen\n\nThe ports reopened today.\n\n"
                   "Comments\n\nNice.\n");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Ports reopen");
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 1);
}

static void
test_date_and_byline (void)
{
  g_autoptr(VpArticle) article =
    import_string ("Ports reopen\n\nJune 27, 2014\n\nBy Jane Doe\n\nThe ports reopened today.\n");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Ports reopen");
  g_assert_cmpstr (vp_article_get_published (article), ==, "2014-06-27");
  assert_authors (article, "Jane Doe");
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 1);
  g_assert_cmpstr (vp_article_get_block (article, 0)->text, ==, "The ports reopened today.");
}

static void
test_dates (void)
{
  static const struct { const char *line; const char *date; } cases[] = {
    { "27 June 2014", "2014-06-27" },
    { "Published: Jun 3, 2021 at 9:12 am", "2021-06-03" },
    { "2019-11-05", "2019-11-05" },
    { "Updated Tuesday, March 1st, 2022", "2022-03-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Ports reopen\n\n%s\n\nThe ports reopened today.\n",
                                               cases[i].line);
      g_autoptr(VpArticle) article = import_string (text);

      g_assert_cmpstr (vp_article_get_published (article), ==, cases[i].date);
      g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 1);
    }
}

static void
test_byline_not_first (void)
{
  /* "By" opening a sentence is prose. */
  g_autoptr(VpArticle) article =
    import_string ("Ports reopen\n\nBy the end of 2030, trade will have doubled.\n");

  g_assert_cmpuint (g_strv_length ((char **)vp_article_get_authors (article)), ==, 0);
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 1);
  g_assert_cmpstr (vp_article_get_block (article, 0)->text, ==,
                   "By the end of 2030, trade will have doubled.");
}

static void
test_no_title (void)
{
  g_autoptr(VpArticle) article =
    import_string ("The ports reopened today after a long strike.\n\nTrade resumed at once.\n");

  g_assert_null (vp_article_get_title (article));
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 2);
}

static void
test_single_line (void)
{
  g_autoptr(VpArticle) article = import_string ("Just one line of text");

  /* The only text is the body, not a title. */
  g_assert_null (vp_article_get_title (article));
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 1);
}

static void
test_lone_numbers (void)
{
  static const ExpectedBlock expected[] = {
    P ("2. That year everything changed."),
    P ("Later it changed again."),
    P ("1990. A year, not a list."),
    END
  };
  g_autoptr(VpArticle) article =
    import_string ("Ports reopen\n\n2. That year everything changed.\n\nLater it changed again.\n\n"
                   "1990. A year, not a list.\n");

  assert_blocks (article, expected);
}

static void
test_separators (void)
{
  g_autoptr(VpArticle) article =
    import_string ("Ports reopen\n\nBefore.\n\n* * *\n\n\u2014\n\nAfter.\n");

  /* Section breaks are not text. */
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 2);
}

static void
test_crlf_and_tabs (void)
{
  static const ExpectedBlock expected[] = {
    P ("Steps:"),
    ITEM ('a', "1", "Tabbed."),
    CHILD ('b', 1, 1, "a", "Deeper."),
    END
  };
  g_autoptr(VpArticle) article =
    import_string ("Ports reopen\r\n\r\nSteps:\r\n\t1. Tabbed.\r\n\t\ta. Deeper.\r\n");

  assert_blocks (article, expected);
}

/* Errors */

static void
test_no_article (void)
{
  static const char * const texts[] = {
    "Share this:\n\nLeave a Reply\n",
    "   \n\n* * *\n\n\u2014\n",
    "\xef\xbb\xbf\n\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VpArticle) article = NULL;

      article = vp_text_import (texts[i], strlen (texts[i]), "empty.txt", &error);

      g_assert_null (article);
      g_assert_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_NO_ARTICLE);
      /* The caller names the file. */
      g_assert_null (strstr (error->message, "empty.txt"));
    }
}

static void
test_undecodable (void)
{
  /* A UTF-16 byte-order mark, then a lone surrogate. */
  static const char data[] = "\xff\xfe\x00\xd8\x41\x00";
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = vp_text_import (data, sizeof data - 1, "bad.txt", &error);

  g_assert_null (article);
  g_assert_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_ENCODING);
}

static void
test_hostile (void)
{
  g_autoptr(GString) text = g_string_new ("A hostile text\n\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = NULL;
  guint max_level = 0;
  guint n_blocks;

  /* Ever deeper items, a huge line, stray bytes and control characters. */
  for (guint i = 0; i < 3000; i++)
    {
      for (guint k = 0; k < i; k++)
        g_string_append_c (text, ' ');
      g_string_append (text, "- Deeper\n");
    }
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, "word ");
  g_string_append (text, "\n\xff\xfe\x01\x02 (1 ( 1) iiii. \xe2\x80\n\r\r\n");

  article = vp_text_import (text->str, text->len, "hostile.txt", &error);
  g_assert_no_error (error);

  n_blocks = vp_article_get_n_blocks (article);
  g_assert_cmpuint (n_blocks, >, 3000);
  for (guint i = 0; i < n_blocks; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);

      max_level = MAX (max_level, block->level);
      g_assert_true (g_utf8_validate (block->text, -1, NULL));
      g_assert_cmpint (block->parent, <, (int)i);
    }
  g_assert_cmpuint (max_level, <, 10);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/text-importer/seed-shaped", test_seed_shaped);
  g_test_add_func ("/vp/text-importer/seed-shaped/pipeline", test_seed_shaped_pipeline);
  g_test_add_func ("/vp/text-importer/one-per-line", test_one_per_line);
  g_test_add_func ("/vp/text-importer/windows-1252", test_windows_1252);
  g_test_add_func ("/vp/text-importer/utf16le", test_utf16le);
  g_test_add_func ("/vp/text-importer/bullets", test_bullets);
  g_test_add_func ("/vp/text-importer/nested", test_nested);
  g_test_add_func ("/vp/text-importer/hard-wrapped", test_hard_wrapped);
  g_test_add_func ("/vp/text-importer/breadcrumbs", test_breadcrumbs);
  g_test_add_func ("/vp/text-importer/not-breadcrumb", test_not_breadcrumb);
  g_test_add_func ("/vp/text-importer/chrome", test_chrome);
  g_test_add_func ("/vp/text-importer/chrome-before-title", test_chrome_before_title);
  g_test_add_func ("/vp/text-importer/date-and-byline", test_date_and_byline);
  g_test_add_func ("/vp/text-importer/dates", test_dates);
  g_test_add_func ("/vp/text-importer/byline-not-first", test_byline_not_first);
  g_test_add_func ("/vp/text-importer/no-title", test_no_title);
  g_test_add_func ("/vp/text-importer/single-line", test_single_line);
  g_test_add_func ("/vp/text-importer/lone-numbers", test_lone_numbers);
  g_test_add_func ("/vp/text-importer/separators", test_separators);
  g_test_add_func ("/vp/text-importer/crlf-and-tabs", test_crlf_and_tabs);
  g_test_add_func ("/vp/text-importer/no-article", test_no_article);
  g_test_add_func ("/vp/text-importer/undecodable", test_undecodable);
  g_test_add_func ("/vp/text-importer/hostile", test_hostile);

  return g_test_run ();
}
