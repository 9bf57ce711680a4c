/* test-html-importer.c: finding the article in a page and its blocks
 *
 * Most tests run the content extractor alone on a fixture from
 * tests/data/html/, so that what they check does not depend on how the
 * metadata reader trims the title and byline afterwards; a few run the
 * whole import. The hostile pages are generated here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vp-error.h"
#include "vp-html-importer.h"
#include "vp-html-private.h"
#include "vp-libxml-private.h"

typedef struct
{
  VpBlockKind  kind;
  const char  *text;
  const char  *label;
  guint        flags;
  guint        level;
  int          parent;
} ExpectedBlock;

#define PARAGRAPH(text)     { VP_BLOCK_PARAGRAPH, text, NULL, 0, 0, -1 }
#define STRONG(text)        { VP_BLOCK_PARAGRAPH, text, NULL, VP_BLOCK_FLAG_STRONG, 0, -1 }
#define HEADING(level, text) { VP_BLOCK_HEADING, text, NULL, 0, level, -1 }
#define QUOTE(text)         { VP_BLOCK_QUOTE, text, NULL, 0, 0, -1 }
#define BULLET(text)        { VP_BLOCK_ITEM, text, NULL, 0, 0, -1 }
#define NUMBERED(label, text) { VP_BLOCK_ITEM, text, label, VP_BLOCK_FLAG_ORDERED, 0, -1 }

/* Reads a page into blocks with the extractor alone. */
static VpArticle *
extract_data (const char *data,
              gsize       length)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(VpHtmlContent) content = NULL;
  VpArticle *article;

  doc = htmlReadMemory (data, (int)length, NULL, "UTF-8", VP_HTML_PARSE_OPTIONS);
  g_assert_nonnull (doc);

  article = vp_article_new ("test.html");
  content = vp_html_find_content (doc);
  vp_html_collect_blocks (article, content);

  return article;
}

static VpArticle *
extract_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return extract_data (data, length);
}

static VpArticle *
import_fixture (const char  *name,
                GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", name, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));

  return vp_html_import (data, length, path, error);
}

static void
dump_blocks (VpArticle *article)
{
  for (guint i = 0; i < vp_article_get_n_blocks (article); i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);

      g_test_message ("block %u: %s [%s] flags %x level %u parent %d: %s", i,
                      vp_block_kind_to_string (block->kind),
                      block->label != NULL ? block->label : "", block->flags,
                      block->level, block->parent, block->text);
    }
}

static void
assert_blocks (VpArticle           *article,
               const ExpectedBlock *expected,
               guint                n_expected)
{
  dump_blocks (article);
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);

      g_assert_cmpstr (vp_block_kind_to_string (block->kind), ==,
                       vp_block_kind_to_string (expected[i].kind));
      g_assert_cmpstr (block->text, ==, expected[i].text);
      g_assert_cmpstr (block->label, ==, expected[i].label);
      g_assert_cmpuint (block->flags & (VP_BLOCK_FLAG_ORDERED | VP_BLOCK_FLAG_STRONG |
                                        VP_BLOCK_FLAG_PRE), ==, expected[i].flags);
      if (block->kind == VP_BLOCK_HEADING || block->kind == VP_BLOCK_ITEM)
        g_assert_cmpuint (block->level, ==, expected[i].level);
      if (block->kind == VP_BLOCK_ITEM)
        {
          g_assert_cmpint (block->parent, ==, expected[i].parent);
          g_assert_cmpuint (block->list, !=, 0);
        }
    }
}

static void
assert_not_in_body (VpArticle  *article,
                    const char *text)
{
  for (guint i = 0; i < vp_article_get_n_blocks (article); i++)
    {
      const char *block = vp_article_get_block_text (article, i);

      if (strstr (block, text) != NULL)
        g_error ("“%s” is in block %u: %s", text, i, block);
    }
}

static void
assert_well_formed (VpArticle *article)
{
  guint n = vp_article_get_n_blocks (article);

  for (guint i = 0; i < n; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);
      gsize length = strlen (block->text);

      g_assert_cmpuint (length, >, 0);
      g_assert_true (g_utf8_validate (block->text, length, NULL));
      g_assert_cmpint (block->text[0], !=, ' ');
      g_assert_cmpint (block->text[length - 1], !=, ' ');
      g_assert_null (strstr (block->text, "  "));
      g_assert_cmpint (block->parent, <, (int)i);
    }
}

static void
test_chrome_wordpress (void)
{
  /* The heading repeats the title and the first paragraph starts with the
   * byline: both stay for the metadata reader to judge. The title is not
   * inside the element the entry's text is in, so it is not here. */
  static const ExpectedBlock expected[] = {
    PARAGRAPH ("By Ana Ortiz for River Notes – Every government along the river has plans "
               "for another reservoir, and every one of those plans assumes that the water "
               "upstream will keep arriving on time."),
    PARAGRAPH ("Farmers in the lower valley already plant later than their parents did, because "
               "the spring flood comes weeks after it used to and carries less silt than the "
               "fields need."),
    PARAGRAPH ("A basin agreement would have to settle a short list of questions first:"),
    NUMBERED ("1", "How much water each country may hold back in a dry year."),
    NUMBERED ("2", "Who measures the flow, and where the gauges stand."),
    NUMBERED ("3", "How quickly a downstream neighbour must be told of a release."),
    STRONG ("What a fair deal looks like"),
    PARAGRAPH ("None of this is new. Older treaties on other rivers solved the same problems "
               "with joint commissions and shared data, and they survived wars and changes of "
               "government."),
    NUMBERED ("1", "A commission with engineers from every state on the river."),
    NUMBERED ("2", "Flow data published every day, in the open."),
    PARAGRAPH ("The alternative is a race to build, and a race to build on a shrinking river has "
               "no winner."),
  };
  static const char * const chrome[] = {
    "Home", "Commentary", "Write for us", "Share", "Facebook", "Leave a", "Tags", "Treaties",
    "Check Also", "Glaciers", "Meltwater", "Leave a Reply", "Your email address", "Most read",
    "Drought maps", "briefing", "Give us your address", "Privacy", "volunteers", "WordPress",
    "Water, land", "var settings",
  };
  g_autoptr(VpArticle) article = extract_fixture ("wordpress.html");

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (chrome); i++)
    assert_not_in_body (article, chrome[i]);

  /* The two lists are two lists. */
  g_assert_cmpuint (vp_article_get_block (article, 3)->list, ==,
                    vp_article_get_block (article, 5)->list);
  g_assert_cmpuint (vp_article_get_block (article, 3)->list, !=,
                    vp_article_get_block (article, 8)->list);
}

static void
test_chrome_sidebar_list (void)
{
  g_autoptr(VpArticle) article = extract_fixture ("wordpress.html");
  guint ordered = 0;

  /* Only the article's five numbered points are items: not the share bar,
   * not the sidebar's numbered steps, not the footer's links. */
  for (guint i = 0; i < vp_article_get_n_blocks (article); i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);

      if (block->kind == VP_BLOCK_ITEM)
        {
          g_assert_true (block->flags & VP_BLOCK_FLAG_ORDERED);
          ordered++;
        }
    }
  g_assert_cmpuint (ordered, ==, 5);
  assert_not_in_body (article, "Click the link");
  assert_not_in_body (article, "Read it every Monday");
}

static void
test_chrome_long_comments (void)
{
  static const ExpectedBlock expected[] = {
    HEADING (1, "Bridges before borders"),
    PARAGRAPH ("Two towns on either side of the river have shared a market for centuries, long "
               "before either of them belonged to a country with a flag."),
    PARAGRAPH ("The bridge between them is closing for repairs next spring, and neither capital "
               "has agreed to pay for the work."),
    PARAGRAPH ("The towns should be allowed to fund the repair themselves and split the tolls, "
               "as they did in the past."),
  };
  g_autoptr(VpArticle) article = extract_fixture ("long-comments.html");

  /* The comments hold more prose than the article does. */
  assert_blocks (article, expected, G_N_ELEMENTS (expected));
  assert_not_in_body (article, "says:");
  assert_not_in_body (article, "Reply");
  assert_not_in_body (article, "responses to");
  assert_not_in_body (article, "cheese");
}

static void
test_html5_news (void)
{
  /* libxml2 2.9 does not know <figure>, so it nests it in the open <p>
   * before it; the caption, the story's header, the related links and
   * the footers are not the story. */
  static const ExpectedBlock expected[] = {
    PARAGRAPH ("Sleeper services between the capitals have returned after two decades, and most "
               "of them sell out weeks ahead."),
    PARAGRAPH ("Operators still pay full track charges for every kilometre, even at three in the "
               "morning when the lines are empty."),
    HEADING (2, "What would change the sums"),
    PARAGRAPH ("Three measures would make the routes pay their way:"),
    BULLET ("Lower track charges for trains that run between midnight and five."),
    BULLET ("One booking system for journeys that cross borders."),
    BULLET ("Carriages bought together by several operators, so they come cheaper."),
    PARAGRAPH ("None of these would cost as much as a single new motorway junction."),
  };
  g_autoptr(VpArticle) article = extract_fixture ("news-html5.html");

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
  assert_not_in_body (article, "Subscribe");
  assert_not_in_body (article, "Photo: Staff");
  assert_not_in_body (article, "Ferries");
  assert_not_in_body (article, "Harbour tunnel");
  assert_not_in_body (article, "Topics");
  assert_not_in_body (article, "About us");
}

static void
test_paragraphs_numbered (void)
{
  /* Numbered paragraphs stay paragraphs, numbers and all: the outline
   * reads them as a list. */
  static const ExpectedBlock expected[] = {
    HEADING (2, "Four habits of good committees"),
    PARAGRAPH ("Committees are mocked for good reason, yet a few of them work well year after "
               "year. They share some habits."),
    PARAGRAPH ("1. They publish an agenda a week ahead, and they keep to it."),
    PARAGRAPH ("2. They end each meeting by naming who will do what."),
    PARAGRAPH ("3) They invite the people affected by a decision before making it."),
    PARAGRAPH ("(4) They keep their minutes short enough to be read."),
    PARAGRAPH ("In 1999. a small town council showed all four habits, and its budget meetings "
               "became the shortest in the county."),
  };
  g_autoptr(VpArticle) article = extract_fixture ("numbered-paragraphs.html");

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
  assert_not_in_body (article, "Archive");
  assert_not_in_body (article, "Written by");
}

static void
test_lists_nested (void)
{
  static const ExpectedBlock expected[] = {
    PARAGRAPH ("Any plan for the old harbour has to be done in order, and the order matters "
               "more than the budget."),
    NUMBERED ("1", "Clear the site"),
    { VP_BLOCK_ITEM, "Remove the cranes that no longer work.", NULL, 0, 1, 1 },
    { VP_BLOCK_ITEM, "Test the soil under the warehouses.", NULL, 0, 1, 1 },
    NUMBERED ("2", "Build in stages. Start with the homes nearest the water."),
    { VP_BLOCK_ITEM, "Homes first.", "a", VP_BLOCK_FLAG_ORDERED, 1, 4 },
    { VP_BLOCK_ITEM, "Shops second.", "b", VP_BLOCK_FLAG_ORDERED, 1, 4 },
    { VP_BLOCK_ITEM, "Small ones before large ones.", NULL, 0, 2, 6 },
    BULLET ("A bullet written with inline markup, which must keep its spaces."),
    PARAGRAPH ("Each phase should be reviewed by residents before the next one starts."),
  };
  g_autoptr(VpArticle) article = extract_fixture ("nested-lists.html");

  assert_blocks (article, expected, G_N_ELEMENTS (expected));

  /* Each list has an id of its own. */
  g_assert_cmpuint (vp_article_get_block (article, 1)->list, ==,
                    vp_article_get_block (article, 4)->list);
  g_assert_cmpuint (vp_article_get_block (article, 2)->list, !=,
                    vp_article_get_block (article, 1)->list);
  g_assert_cmpuint (vp_article_get_block (article, 5)->list, !=,
                    vp_article_get_block (article, 2)->list);
  g_assert_cmpuint (vp_article_get_block (article, 8)->list, !=,
                    vp_article_get_block (article, 7)->list);
}

static void
test_lists_numbering (void)
{
  static const ExpectedBlock expected[] = {
    PARAGRAPH ("The first three steps were described last week; the remaining ones follow here, "
               "in the same order."),
    NUMBERED ("4", "Agree on a budget for the second year."),
    NUMBERED ("5", "Appoint an auditor from outside the region."),
    NUMBERED ("9", "Publish the audit in full."),
    NUMBERED ("10", "Hold a public hearing on its findings."),
    PARAGRAPH ("Some of the options that the committee considered are listed below, by letter."),
    NUMBERED ("a", "Raise the fee for every user."),
    NUMBERED ("b", "Charge only the largest users."),
    NUMBERED ("c", "Ask the state to cover the gap."),
    PARAGRAPH ("The sections of the final report are numbered in roman numerals, counting down."),
    NUMBERED ("III", "Findings of the audit."),
    NUMBERED ("II", "Responses from the operators."),
    NUMBERED ("I", "Recommendations to the council."),
  };
  g_autoptr(VpArticle) article = extract_fixture ("list-numbering.html");

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_lists_labels (void)
{
  /* Letters past z go on as spreadsheets count columns, roman numerals
   * stop where they can no longer be written, and a start below one
   * falls back to digits. */
  static const struct
  {
    const char *list;
    const char *first;
    const char *last;
  } cases[] = {
    { "<ol type=\"a\" start=\"26\">", "z", "aa" },
    { "<ol type=\"A\" start=\"702\">", "ZZ", "AAA" },
    { "<ol type=\"i\" start=\"3998\">", "mmmcmxcviii", "mmmcmxcix" },
    { "<ol type=\"I\" start=\"3999\">", "MMMCMXCIX", "4000" },
    { "<ol type=\"a\" start=\"-1\">", "-1", "0" },
    { "<ol reversed start=\"1\">", "1", "0" },
    { "<ol type=\"x\">", "1", "2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strdup_printf (
        "<html><body><div><p>A paragraph long enough to be the article around the list.</p>"
        "%s<li>The first point of this list.</li><li>The second point of this list.</li></ol>"
        "</div></body></html>", cases[i].list);
      g_autoptr(VpArticle) article = extract_data (page, strlen (page));

      dump_blocks (article);
      g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 3);
      g_assert_cmpstr (vp_article_get_block (article, 1)->label, ==, cases[i].first);
      g_assert_cmpstr (vp_article_get_block (article, 2)->label, ==, cases[i].last);
    }
}

static void
test_lists_links (void)
{
  /* A list of links inside the article is a menu or a list of other
   * articles; a list whose items say something keeps its links. */
  static const char page[] =
    "<html><body><div class=\"story\">"
    "<p>The opening paragraph of an article with two lists in it, only one of them real.</p>"
    "<ul><li><a href=\"/a\">Another story</a></li><li><a href=\"/b\">A second story</a></li>"
    "<li><a href=\"/c\">A third story</a></li></ul>"
    "<p>The middle paragraph of the article, which introduces the real list below.</p>"
    "<ul><li>The <a href=\"/report\">report</a> found that fees doubled in ten years.</li>"
    "<li>Two of the three operators said they would not bid again.</li></ul>"
    "</div></body></html>";
  static const ExpectedBlock expected[] = {
    PARAGRAPH ("The opening paragraph of an article with two lists in it, only one of them real."),
    PARAGRAPH ("The middle paragraph of the article, which introduces the real list below."),
    BULLET ("The report found that fees doubled in ten years."),
    BULLET ("Two of the three operators said they would not bid again."),
  };
  g_autoptr(VpArticle) article = extract_data (page, sizeof page - 1);

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_chrome_trailing_heading (void)
{
  /* The heading of a list of links goes with the list; a page's only
   * heading stays where nothing else is left. */
  static const char page[] =
    "<html><body><div class=\"article-body\">"
    "<h2>Where the money went</h2>"
    "<p>Most of the grant paid for pumps that were installed in the wrong villages.</p>"
    "<p>The rest went to consultants who wrote reports that nobody in the villages read.</p>"
    "<h3>More on this story</h3>"
    "<ul><li><a href=\"/1\">Pumps in the hills</a></li><li><a href=\"/2\">The grant explained</a></li></ul>"
    "</div></body></html>";
  static const ExpectedBlock expected[] = {
    HEADING (2, "Where the money went"),
    PARAGRAPH ("Most of the grant paid for pumps that were installed in the wrong villages."),
    PARAGRAPH ("The rest went to consultants who wrote reports that nobody in the villages read."),
  };
  g_autoptr(VpArticle) article = extract_data (page, sizeof page - 1);

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_chrome_page_builder (void)
{
  /* Page builders call every box a widget: the boxes that hold prose are
   * the article, the one holding links is not. The post's own class says
   * it is "commentary", which is not a comment. */
  static const char page[] =
    "<html><body><article class=\"post category-commentary\"><div class=\"builder-section\">"
    "<div class=\"builder-widget builder-widget-text\"><p>The harbour authority has spent a decade "
    "promising a new ferry terminal, and the plans have changed four times.</p></div>"
    "<div class=\"builder-widget builder-widget-links\"><a href=\"/a\">Ferries</a> "
    "<a href=\"/b\">Terminals</a> <a href=\"/c\">Harbours</a></div>"
    "<div class=\"builder-widget builder-widget-text\"><p>Each version was cheaper than the last, "
    "and each one moved the terminal further from the town centre.</p></div>"
    "</div></article></body></html>";
  static const ExpectedBlock expected[] = {
    PARAGRAPH ("The harbour authority has spent a decade promising a new ferry terminal, and the "
               "plans have changed four times."),
    PARAGRAPH ("Each version was cheaper than the last, and each one moved the terminal further "
               "from the town centre."),
  };
  g_autoptr(VpArticle) article = extract_data (page, sizeof page - 1);

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_hidden (void)
{
  static const ExpectedBlock expected[] = {
    PARAGRAPH ("The first paragraph is visible to every reader and long enough to count as prose "
               "on its own."),
    PARAGRAPH ("The second visible paragraph closes the piece with a sentence of ordinary length "
               "and a few non-breaking spaces."),
  };
  g_autoptr(VpArticle) article = extract_fixture ("hidden.html");

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
  assert_not_in_body (article, "Posted in");
}

static void
test_blocks_mixed (void)
{
  /* The whole page sits in a form, as ASP.NET pages do; text straight in
   * a div is a paragraph, two <br>s end one, a row of plain cells is one
   * line, and a paragraph with some bold words is not a bold paragraph. */
  static const ExpectedBlock expected[] = {
    PARAGRAPH ("A first paragraph written straight into a div, without any paragraph element "
               "around it at all."),
    PARAGRAPH ("A second one, separated from the first by two line breaks and carrying a single "
               "break inside."),
    QUOTE ("Quoted words from a speech, set apart from the rest of the text by the author."),
    QUOTE ("A second quoted paragraph."),
    { VP_BLOCK_PARAGRAPH, "line one line two", NULL, VP_BLOCK_FLAG_PRE, 0, -1 },
    PARAGRAPH ("Port | Ships"),
    PARAGRAPH ("North | 120"),
    PARAGRAPH ("South | 85"),
    PARAGRAPH ("Berth"),
    PARAGRAPH ("A place where a ship can be moored for loading."),
    PARAGRAPH ("The closing paragraph of the piece, which mentions bold words without being "
               "bold itself."),
  };
  g_autoptr(VpArticle) article = extract_fixture ("mixed-blocks.html");

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
  assert_not_in_body (article, "Links");
  assert_not_in_body (article, "Copyright");
}

static void
test_almost_no_text (void)
{
  static const ExpectedBlock expected[] = {
    PARAGRAPH ("The reading room is closed today."),
  };
  g_autoptr(VpArticle) article = extract_fixture ("almost-no-text.html");

  assert_blocks (article, expected, G_N_ELEMENTS (expected));
}

static void
test_no_article (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = import_fixture ("only-chrome.html", &error);

  g_assert_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_NO_ARTICLE);
  g_assert_null (article);
}

static void
test_import_wordpress (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = import_fixture ("wordpress.html", &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (article);
  assert_well_formed (article);
  assert_not_in_body (article, "Check Also");
  assert_not_in_body (article, "Leave a Reply");

  for (guint i = 0; i < vp_article_get_n_blocks (article); i++)
    found |= g_str_has_prefix (vp_article_get_block_text (article, i), "Farmers in the lower valley");
  g_assert_true (found);
}

/* Imports a generated page: it may or may not hold an article once the
 * parser has given up on its depth, but it must come back, whole. */
static void
import_hostile (GString *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = NULL;

  article = vp_html_import (page->str, page->len, "hostile.html", &error);
  if (article != NULL)
    {
      g_assert_no_error (error);
      assert_well_formed (article);
    }
  else
    g_assert_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_NO_ARTICLE);
}

static void
test_hostile_deep_nesting (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body>");
  g_autoptr(VpArticle) article = NULL;
  const guint depth = 100000;

  for (guint i = 0; i < depth; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>A paragraph at the very bottom of a very deep page of nested boxes.</p>");
  for (guint i = 0; i < depth; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</body></html>");

  import_hostile (page);

  /* The extractor alone, on a tree as deep as the parser allows. */
  article = extract_data (page->str, page->len);
  assert_well_formed (article);
}

static void
test_hostile_deep_mixed (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body><p>An opening paragraph that is long enough to be prose.</p>");
  const guint depth = 100000;

  /* Every kind of element the extractor keeps state for, unclosed. */
  for (guint i = 0; i < depth; i++)
    g_string_append (page, "<ol reversed start=\"3\"><li><blockquote><b><table><tr><td><h2><pre>x ");

  import_hostile (page);
}

static void
test_hostile_many_items (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body><div><p>An opening paragraph that is long enough to be prose.</p><ol reversed>");
  g_autoptr(VpArticle) article = NULL;
  const guint count = 50000;

  for (guint i = 0; i < count; i++)
    g_string_append (page, "<li>An item of an enormous list</li>");
  g_string_append (page, "</ol></div></body></html>");

  article = extract_data (page->str, page->len);
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, count + 1);
  g_assert_cmpstr (vp_article_get_block (article, 1)->label, ==, "50000");
  g_assert_cmpstr (vp_article_get_block (article, count)->label, ==, "1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/html/chrome/wordpress", test_chrome_wordpress);
  g_test_add_func ("/vp/html/chrome/sidebar-list", test_chrome_sidebar_list);
  g_test_add_func ("/vp/html/chrome/long-comments", test_chrome_long_comments);
  g_test_add_func ("/vp/html/chrome/trailing-heading", test_chrome_trailing_heading);
  g_test_add_func ("/vp/html/chrome/page-builder", test_chrome_page_builder);
  g_test_add_func ("/vp/html/html5/news", test_html5_news);
  g_test_add_func ("/vp/html/paragraphs/numbered", test_paragraphs_numbered);
  g_test_add_func ("/vp/html/lists/nested", test_lists_nested);
  g_test_add_func ("/vp/html/lists/numbering", test_lists_numbering);
  g_test_add_func ("/vp/html/lists/labels", test_lists_labels);
  g_test_add_func ("/vp/html/lists/links", test_lists_links);
  g_test_add_func ("/vp/html/hidden", test_hidden);
  g_test_add_func ("/vp/html/blocks/mixed", test_blocks_mixed);
  g_test_add_func ("/vp/html/almost-no-text", test_almost_no_text);
  g_test_add_func ("/vp/html/no-article", test_no_article);
  g_test_add_func ("/vp/html/import/wordpress", test_import_wordpress);
  g_test_add_func ("/vp/html/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/vp/html/hostile/deep-mixed", test_hostile_deep_mixed);
  g_test_add_func ("/vp/html/hostile/many-items", test_hostile_many_items);

  return g_test_run ();
}
