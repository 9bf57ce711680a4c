/* test-outline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-outline"

#include "config.h"

#include <string.h>

#include "vp-article.h"
#include "vp-outline-extractor.h"

/* Articles built from tables of blocks */

typedef struct
{
  VpBlockKind   kind;
  guint         level;
  guint         list;
  int           parent;
  const char   *label;
  VpBlockFlags  flags;
  const char   *text;
} BlockSpec;

#define P(t)                 { VP_BLOCK_PARAGRAPH, 0, 0, -1, NULL, 0, (t) }
#define STRONG(t)            { VP_BLOCK_PARAGRAPH, 0, 0, -1, NULL, VP_BLOCK_FLAG_STRONG, (t) }
#define H(l, t)              { VP_BLOCK_HEADING, (l), 0, -1, NULL, 0, (t) }
#define QUOTE(t)             { VP_BLOCK_QUOTE, 0, 0, -1, NULL, 0, (t) }
#define ITEM(list, lab, t)   { VP_BLOCK_ITEM, 0, (list), -1, (lab), \
                               (lab) ? VP_BLOCK_FLAG_ORDERED : 0, (t) }
#define CHILD(list, parent, level, lab, t) \
                             { VP_BLOCK_ITEM, (level), (list), (parent), (lab), 0, (t) }
#define END                  { 0, 0, 0, 0, NULL, 0, NULL }

static VpArticle *
build_article (const BlockSpec *specs)
{
  VpArticle *article = vp_article_new ("test");

  for (guint i = 0; specs[i].text != NULL; i++)
    {
      VpBlock *block = vp_block_new (specs[i].kind, specs[i].text);

      block->level = specs[i].level;
      block->list = specs[i].list;
      block->parent = specs[i].parent;
      block->label = g_strdup (specs[i].label);
      block->flags = specs[i].flags;
      vp_article_take_block (article, block);
    }

  return article;
}

static VpOutlineSection *
get_section (VpArticle *article,
             guint      i)
{
  GListModel *sections = vp_article_get_sections (article);
  g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, i);

  g_assert_nonnull (section);

  /* The article keeps its own reference. */
  return section;
}

static guint
n_sections (VpArticle *article)
{
  return g_list_model_get_n_items (vp_article_get_sections (article));
}

static guint
n_recommendations (VpArticle *article)
{
  return g_list_model_get_n_items (vp_article_get_recommendations (article));
}

static VpOutlineItem *
get_recommendation (VpArticle *article,
                    guint      i)
{
  GListModel *recommendations = vp_article_get_recommendations (article);
  g_autoptr(VpOutlineItem) item = g_list_model_get_item (recommendations, i);

  g_assert_nonnull (item);

  return item;
}

static guint
n_warnings (VpArticle *article)
{
  return g_strv_length ((char **)vp_article_get_warnings (article));
}

/* Checks a section's items: labels and texts joined with "|". */
static void
assert_items (VpOutlineSection *section,
              const char       *labels,
              const char       *texts)
{
  g_autoptr(GString) got_labels = g_string_new (NULL);
  g_autoptr(GString) got_texts = g_string_new (NULL);
  guint n = vp_outline_section_get_n_items (section);

  for (guint i = 0; i < n; i++)
    {
      VpOutlineItem *item = vp_outline_section_get_item (section, i);
      const char *label = vp_outline_item_get_label (item);

      if (i > 0)
        {
          g_string_append_c (got_labels, '|');
          g_string_append_c (got_texts, '|');
        }
      g_string_append (got_labels, label != NULL ? label : "-");
      g_string_append (got_texts, vp_outline_item_get_text (item));
    }

  g_assert_cmpstr (got_labels->str, ==, labels);
  if (texts != NULL)
    g_assert_cmpstr (got_texts->str, ==, texts);
}

/* Numbered paragraphs */

typedef struct
{
  const char *markers[4];
  const char *labels;
} MarkerStyle;

static const MarkerStyle marker_styles[] = {
  { { "1.", "2.", "3.", NULL }, "1|2|3" },
  { { "1)", "2)", "3)", NULL }, "1|2|3" },
  { { "(1)", "(2)", "(3)", NULL }, "1|2|3" },
  { { "a.", "b.", "c.", NULL }, "a|b|c" },
  { { "(a)", "(b)", NULL, NULL }, "a|b" },
  { { "A)", "B)", "C)", "D)" }, "A|B|C|D" },
  { { "i.", "ii.", "iii.", "iv." }, "i|ii|iii|iv" },
  { { "(iv)", "(v)", "(vi)", NULL }, "iv|v|vi" },
  { { "I.", "II.", NULL, NULL }, "I|II" },
  { { "7.", "8.", "9.", "10." }, "7|8|9|10" },
};

static void
test_numbered_paragraphs (gconstpointer data)
{
  const MarkerStyle *style = data;
  const char *texts[] = {
    "Open the dams.", "Share the data.", "Fund the studies.", "Meet yearly.",
  };
  g_autoptr(VpArticle) article = vp_article_new ("test");
  g_autoptr(GString) expected = g_string_new (NULL);
  VpOutlineSection *section;
  guint n = 0;

  vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH,
                                                "The river commission could do several things."));
  for (; n < G_N_ELEMENTS (style->markers) && style->markers[n] != NULL; n++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", style->markers[n], texts[n]);

      vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH, text));
      g_string_append_printf (expected, "%s%s", n > 0 ? "|" : "", texts[n]);
    }
  vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH, "That is all."));

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 1);
  section = get_section (article, 0);
  assert_items (section, style->labels, expected->str);
  g_assert_cmpstr (vp_outline_section_get_lead_in (section), ==,
                   "The river commission could do several things.");
  g_assert_cmpint (vp_outline_section_get_lead_in_block (section), ==, 0);

  /* The paragraphs are items now, of one fresh list, without markers. */
  for (guint i = 1; i <= n; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);

      g_assert_cmpint (block->kind, ==, VP_BLOCK_ITEM);
      g_assert_true (block->flags & VP_BLOCK_FLAG_ORDERED);
      g_assert_cmpuint (block->list, !=, 0);
      g_assert_cmpuint (block->list, ==, vp_article_get_block (article, 1)->list);
      g_assert_cmpint (block->parent, ==, -1);
      g_assert_cmpstr (block->text, ==, texts[i - 1]);
    }
  g_assert_cmpint (vp_article_get_block (article, n + 1)->kind, ==, VP_BLOCK_PARAGRAPH);
}

static void
test_numbered_paragraphs_fresh_list (void)
{
  static const BlockSpec specs[] = {
    ITEM (1, "1", "An existing list item."),
    ITEM (1, "2", "Another one."),
    P ("Then numbered paragraphs:"),
    P ("1. First of them."),
    P ("2. Second of them."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 2);
  g_assert_cmpuint (vp_article_get_block (article, 3)->list, !=, 1);
  g_assert_cmpuint (vp_article_get_block (article, 3)->list, !=, 0);
  g_assert_cmpuint (vp_article_get_block (article, 3)->list, ==,
                    vp_article_get_block (article, 4)->list);
}

static void
test_numbered_paragraphs_gaps (void)
{
  static const BlockSpec specs[] = {
    P ("Two reforms would help."),
    P ("1. Cut the fees."),
    P ("Fees keep small traders out of the market."),
    P ("2. Publish the tenders."),
    P ("Secrecy breeds suspicion. Openness costs nothing."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  VpOutlineSection *section;

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 1);
  section = get_section (article, 0);
  assert_items (section, "1|2", "Cut the fees.|Publish the tenders.");
  g_assert_cmpint (vp_outline_section_get_expected_count (section), ==, 2);
  g_assert_cmpuint (n_warnings (article), ==, 0);
  g_assert_cmpint (vp_article_get_block (article, 2)->kind, ==, VP_BLOCK_PARAGRAPH);
}

static void
test_numbered_paragraphs_rejected (void)
{
  static const BlockSpec specs[] = {
    P ("2014. That year the harvest failed."),
    P ("2015. The next year it recovered."),
    P ("1. A lone number opens this paragraph."),
    P ("The text goes on."),
    P ("1. Out of order."),
    P ("3. Skipping two."),
    P ("1.5 million people left the valley."),
    P ("1. Before a heading."),
    H (2, "A heading"),
    P ("2. After a heading."),
    P ("a. Different styles."),
    P ("2) do not mix."),
    P ("\u2022 A lone bullet."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  guint n_blocks;

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 0);

  n_blocks = vp_article_get_n_blocks (article);
  for (guint i = 0; i < n_blocks; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);

      g_assert_cmpint (block->kind, ==, specs[i].kind);
      g_assert_cmpstr (block->text, ==, specs[i].text);
    }
}

static void
test_bullet_paragraphs (void)
{
  static const BlockSpec specs[] = {
    P ("What the port needs:"),
    P ("\u2022 Deeper berths."),
    P ("\u2022 Faster customs."),
    P ("Then the rest of the text."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 1);
  assert_items (get_section (article, 0), "-|-", "Deeper berths.|Faster customs.");
  g_assert_false (vp_article_get_block (article, 1)->flags & VP_BLOCK_FLAG_ORDERED);
}

static void
test_item_markers (void)
{
  /* A page that numbers its list items by hand. */
  static const BlockSpec specs[] = {
    P ("Three demands:"),
    ITEM (4, NULL, "1. Free the prisoners."),
    ITEM (4, NULL, "2. Open the roads."),
    ITEM (4, NULL, "3. Hold elections."),
    P ("And a list that only starts with a number:"),
    ITEM (5, NULL, "2020 was a hard year."),
    ITEM (5, NULL, "1. Not a sequence here."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 2);
  assert_items (get_section (article, 0), "1|2|3",
                "Free the prisoners.|Open the roads.|Hold elections.");
  assert_items (get_section (article, 1), "-|-", "2020 was a hard year.|1. Not a sequence here.");
  g_assert_cmpint (vp_outline_section_get_expected_count (get_section (article, 0)), ==, 3);
}

/* Numbered headings */

static void
test_numbered_headings (void)
{
  static const BlockSpec specs[] = {
    H (2, "Four habits of good negotiators"),        /* 0 */
    H (3, "1. Listen first"),                        /* 1 */
    P ("Most talks fail in the first hour."),
    H (3, "2. Write things down"),                   /* 3 */
    P ("Memory is a poor archive."),
    H (3, "A worked example"),                       /* 5: unnumbered, same level */
    P ("Here is how it went in Oslo."),
    H (4, "The first draft"),                        /* 7: below the run's level */
    P ("It was short."),
    H (3, "3. Keep the door open"),                  /* 9 */
    P ("Walking out is easy; coming back is hard."),
    H (2, "Another part"),                           /* 11: above: ends the run */
    H (3, "4. Not a point of the list above"),
    P ("Some text."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  VpOutlineSection *section;
  VpOutlineItem *item;
  guint start;

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 1);
  section = get_section (article, 0);
  assert_items (section, "1|2|3", "Listen first|Write things down|Keep the door open");
  g_assert_cmpstr (vp_outline_section_get_heading (section), ==, "Four habits of good negotiators");
  g_assert_cmpint (vp_outline_section_get_heading_block (section), ==, 0);
  g_assert_null (vp_outline_section_get_lead_in (section));

  /* The heading right above announces the count: four, but three found. */
  g_assert_cmpint (vp_outline_section_get_expected_count (section), ==, 4);
  g_assert_cmpuint (n_warnings (article), ==, 1);

  /* The headings stay headings; the items point into them. */
  item = vp_outline_section_get_item (section, 2);
  g_assert_cmpint (vp_outline_item_get_block (item), ==, 9);
  vp_outline_item_get_span (item, &start, NULL);
  g_assert_cmpuint (start, ==, strlen ("3. "));
  g_assert_cmpint (vp_article_get_block (article, 9)->kind, ==, VP_BLOCK_HEADING);
  g_assert_cmpstr (vp_article_get_block (article, 9)->text, ==, "3. Keep the door open");
}

static void
test_body_h1 (void)
{
  static const BlockSpec specs[] = {
    P ("An opening paragraph."),
    H (1, "A section written as h1"),
    P ("Three options remain:"),
    ITEM (1, NULL, "Wait."),
    ITEM (1, NULL, "Talk."),
    ITEM (1, NULL, "Leave."),
    H (2, "Five steps"),
    ITEM (2, "1", "Right after the heading, which announces the count."),
    ITEM (2, "2", "Only two here."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);

  /* The title is not in the body: an h1 inside it heads a section. */
  g_assert_cmpuint (n_sections (article), ==, 2);
  g_assert_cmpstr (vp_outline_section_get_heading (get_section (article, 0)), ==,
                   "A section written as h1");
  g_assert_cmpint (vp_outline_section_get_expected_count (get_section (article, 0)), ==, 3);
  g_assert_cmpint (vp_outline_section_get_expected_count (get_section (article, 1)), ==, 5);
  g_assert_cmpuint (n_warnings (article), ==, 1);
}

/* Ordinal paragraphs */

static void
test_ordinals (void)
{
  static const BlockSpec specs[] = {
    P ("The valley has water troubles. Three changes would end them."),
    P ("First, the canals should be lined to stop the leaks."),
    P ("Leaks waste a third of the flow."),
    P ("Second, farmers must pay for what they use."),
    P ("Finally, the towns ought to recycle their wastewater."),
    P ("None of this is new. The reservoir should be cleaned too."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  VpOutlineSection *section;
  VpOutlineItem *item;
  guint start, end;

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 1);
  section = get_section (article, 0);
  assert_items (section, "1|2|3",
                "The canals should be lined to stop the leaks.|"
                "Farmers must pay for what they use.|"
                "The towns ought to recycle their wastewater.");
  g_assert_cmpstr (vp_outline_section_get_lead_in (section), ==, "Three changes would end them.");
  g_assert_cmpint (vp_outline_section_get_expected_count (section), ==, 3);
  g_assert_cmpuint (n_warnings (article), ==, 0);

  /* The item spans its paragraph after the ordinal and its comma. */
  item = vp_outline_section_get_item (section, 1);
  g_assert_cmpint (vp_outline_item_get_block (item), ==, 3);
  vp_outline_item_get_span (item, &start, &end);
  g_assert_cmpuint (start, ==, strlen ("Second, "));
  g_assert_cmpuint (end, ==, G_MAXUINT);

  /* The blocks are untouched, and the ordinal paragraphs are not
   * recommendations: only the last paragraph's second sentence is. */
  g_assert_cmpint (vp_article_get_block (article, 1)->kind, ==, VP_BLOCK_PARAGRAPH);
  g_assert_cmpuint (n_recommendations (article), ==, 1);
  g_assert_cmpstr (vp_outline_item_get_text (get_recommendation (article, 0)), ==,
                   "The reservoir should be cleaned too.");
}

static void
test_ordinal_words (void)
{
  static const BlockSpec specs[] = {
    P ("Firstly, lower the tariffs."),
    P ("Secondly, simplify the forms."),
    P ("Thirdly, train the officers."),
    P ("Last but not least, listen to the traders."),
    H (2, "Another part"),
    P ("First of all, count the wells."),
    P ("Lastly, map them."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 2);
  assert_items (get_section (article, 0), "1|2|3|4",
                "Lower the tariffs.|Simplify the forms.|Train the officers.|"
                "Listen to the traders.");
  assert_items (get_section (article, 1), "1|2", "Count the wells.|Map them.");
  g_assert_cmpstr (vp_outline_section_get_heading (get_section (article, 1)), ==, "Another part");
  g_assert_null (vp_outline_section_get_heading (get_section (article, 0)));
}

static void
test_ordinals_rejected (void)
{
  static const BlockSpec specs[] = {
    /* One alone is a figure of speech. */
    P ("Last but not least, the weather helped."),
    P ("Some prose."),
    /* No "First". */
    P ("Second, the road was closed."),
    P ("Third, the bridge fell."),
    /* Split by a heading. */
    P ("First, one thing."),
    H (3, "Elsewhere"),
    P ("Second, another thing."),
    /* Not at the start, or without a comma. */
    P ("At first, nobody noticed."),
    P ("First the rain came."),
    P ("Second the wind."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 0);
}

/* Headings and lead-ins */

static void
test_heading_lead_in (void)
{
  static const BlockSpec specs[] = {
    H (1, "The title of the page"),
    P ("Some opening prose."),
    ITEM (1, "1", "Under no heading."),                       /* 2 */
    ITEM (1, "2", "Still none."),
    H (2, "Costs"),                                           /* 4 */
    P ("Prices rose. Wages did not. The gap has four causes."),  /* 5 */
    ITEM (2, "1", "Fuel."),
    ITEM (2, "2", "Rent."),
    ITEM (2, "3", "Food."),
    ITEM (2, "4", "Debt."),
    P ("More prose."),                                        /* 10 */
    P ("A second list under the same heading. Here they are:"),  /* 11 */
    ITEM (3, NULL, "One."),
    ITEM (3, NULL, "Two."),
    STRONG ("Bold as a heading"),                             /* 14 */
    ITEM (4, NULL, "Right after it."),
    ITEM (4, NULL, "No lead-in."),
    P ("The way forward"),                                    /* 17 */
    P ("It has two parts."),                                  /* 18 */
    ITEM (5, "a", "This."),
    ITEM (5, "b", "That."),
    H (5, "A minor heading"),                                 /* 21 */
    QUOTE ("A quotation is not a lead-in."),
    ITEM (6, NULL, "After a quotation."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  VpOutlineSection *section;

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 6);

  section = get_section (article, 0);
  g_assert_null (vp_outline_section_get_heading (section));
  g_assert_cmpint (vp_outline_section_get_heading_block (section), ==, -1);
  g_assert_cmpstr (vp_outline_section_get_lead_in (section), ==, "Some opening prose.");
  g_assert_cmpint (vp_outline_section_get_lead_in_block (section), ==, 1);

  section = get_section (article, 1);
  g_assert_cmpstr (vp_outline_section_get_heading (section), ==, "Costs");
  g_assert_cmpint (vp_outline_section_get_heading_block (section), ==, 4);
  g_assert_cmpstr (vp_outline_section_get_lead_in (section), ==, "The gap has four causes.");
  g_assert_cmpint (vp_outline_section_get_lead_in_block (section), ==, 5);
  g_assert_cmpint (vp_outline_section_get_expected_count (section), ==, 4);

  /* The nearest heading, even with prose between; a short last sentence
   * brings the one before it. */
  section = get_section (article, 2);
  g_assert_cmpstr (vp_outline_section_get_heading (section), ==, "Costs");
  g_assert_cmpstr (vp_outline_section_get_lead_in (section), ==,
                   "A second list under the same heading. Here they are:");

  section = get_section (article, 3);
  g_assert_cmpstr (vp_outline_section_get_heading (section), ==, "Bold as a heading");
  g_assert_cmpint (vp_outline_section_get_heading_block (section), ==, 14);
  g_assert_null (vp_outline_section_get_lead_in (section));
  g_assert_cmpint (vp_outline_section_get_lead_in_block (section), ==, -1);

  section = get_section (article, 4);
  g_assert_cmpstr (vp_outline_section_get_heading (section), ==, "The way forward");
  g_assert_cmpint (vp_outline_section_get_heading_block (section), ==, 17);
  g_assert_cmpstr (vp_outline_section_get_lead_in (section), ==, "It has two parts.");
  g_assert_cmpint (vp_outline_section_get_expected_count (section), ==, 2);

  /* h5 captions nothing: the list stands under the heading above it; a
   * quotation is no lead-in. */
  section = get_section (article, 5);
  g_assert_cmpstr (vp_outline_section_get_heading (section), ==, "The way forward");
  g_assert_null (vp_outline_section_get_lead_in (section));
}

/* Expected counts */

static const struct { const char *text; int count; } count_cases[] = {
  { "The role of the alliance is key on three fronts.", 3 },
  { "The council should adopt the following 4 measures:", 4 },
  { "There are two things to know.", 2 },
  { "Here are five concrete steps:", 5 },
  { "The mayor offers a three-point plan:", 3 },
  { "The three steps are:", 3 },
  { "Both sides should take three steps:", 3 },
  { "Twenty reasons come to mind.", 20 },
  { "We found 12 risks worth naming.", 12 },
  { "Their interests include:", -1 },
  { "In 2014, the two countries signed a pact.", -1 },
  { "The two countries agree on the following:", -1 },
  { "Over the past two decades, trade grew.", -1 },
  { "Prices rose three percent last year:", -1 },
  { "Two million people live there.", -1 },
  { "It cost $5 billion over four years.", -1 },
  { "Two years ago, the talks began:", -1 },
  { "He spent 100 days and visited 150 towns.", -1 },
  { "Talks in 15 capitals brought up a few issues.", -1 },
  { "Most of the water ends up in three places:", 3 },
  { "Aid can help in four ways.", 4 },
  { "Growth of 2.5 percent followed.", -1 },
  { "", -1 },
};

static void
test_expected_count (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (count_cases); i++)
    {
      int count = vp_outline_expected_count (count_cases[i].text, -1);

      if (count != count_cases[i].count)
        g_error ("“%s”: expected %d, got %d", count_cases[i].text, count_cases[i].count, count);
    }
}

static void
test_count_warning (void)
{
  static const BlockSpec specs[] = {
    H (2, "Next steps"),
    P ("The plan rests on three pillars."),
    ITEM (1, "1", "Money."),
    ITEM (1, "2", "Time."),
    P ("Elsewhere the text announces two options."),
    ITEM (2, NULL, "Wait."),
    ITEM (2, NULL, "Act."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  const char * const *warnings;

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 2);
  g_assert_cmpint (vp_outline_section_get_expected_count (get_section (article, 0)), ==, 3);
  g_assert_true (vp_outline_section_count_differs (get_section (article, 0)));
  g_assert_false (vp_outline_section_count_differs (get_section (article, 1)));

  g_assert_cmpuint (n_warnings (article), ==, 1);
  warnings = vp_article_get_warnings (article);
  g_assert_nonnull (strstr (warnings[0], "Next steps"));
  g_assert_nonnull (strstr (warnings[0], "3"));
  g_assert_nonnull (strstr (warnings[0], "2"));

  /* Extracting again does not repeat it. */
  vp_outline_extract (article);
  g_assert_cmpuint (n_warnings (article), ==, 1);
}

static void
test_count_warning_lead_in_name (void)
{
  static const BlockSpec specs[] = {
    P ("The river authority must settle four disputes before the summer floods arrive in "
       "the lowlands."),
    ITEM (1, NULL, "Water rights."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  const char * const *warnings;

  vp_outline_extract (article);

  /* Without a heading, the warning names the list by its lead-in. */
  g_assert_cmpuint (n_warnings (article), ==, 1);
  warnings = vp_article_get_warnings (article);
  g_assert_nonnull (strstr (warnings[0], "The river authority"));
  g_assert_nonnull (strstr (warnings[0], "4"));
  g_assert_nonnull (strstr (warnings[0], "1"));
}

/* Nesting */

static void
test_nested (void)
{
  static const BlockSpec specs[] = {
    P ("The plan:"),
    ITEM (1, "1", "Build."),                   /* 1 */
    CHILD (2, 1, 1, "a", "Roads."),            /* 2 */
    CHILD (2, 1, 1, "b", "Bridges."),          /* 3 */
    CHILD (3, 3, 2, NULL, "Steel ones."),      /* 4 */
    ITEM (1, "2", "Maintain."),                /* 5 */
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  VpOutlineSection *section;
  VpOutlineItem *build;
  VpOutlineItem *bridges;

  vp_outline_extract (article);

  /* Nested lists are children, not sections. */
  g_assert_cmpuint (n_sections (article), ==, 1);
  section = get_section (article, 0);
  assert_items (section, "1|2", "Build.|Maintain.");

  build = vp_outline_section_get_item (section, 0);
  g_assert_cmpuint (vp_outline_item_get_n_children (build), ==, 2);
  bridges = vp_outline_item_get_child (build, 1);
  g_assert_cmpstr (vp_outline_item_get_label (bridges), ==, "b");
  g_assert_cmpint (vp_outline_item_get_block (bridges), ==, 3);
  g_assert_cmpuint (vp_outline_item_get_n_children (bridges), ==, 1);
  g_assert_cmpstr (vp_outline_item_get_text (vp_outline_item_get_child (bridges, 0)), ==,
                   "Steel ones.");
  g_assert_cmpuint (vp_outline_item_get_n_children (vp_outline_section_get_item (section, 1)), ==,
                    0);
}

static guint
tree_depth (VpOutlineItem *item)
{
  guint depth = 0;

  /* Follows the first child down: the test builds a chain. */
  while (vp_outline_item_get_n_children (item) > 0)
    {
      item = vp_outline_item_get_child (item, 0);
      depth++;
    }

  return depth;
}

static void
test_nested_deep (void)
{
  g_autoptr(VpArticle) article = vp_article_new ("test");
  VpOutlineSection *section;

  /* A hostile chain of 5000 nested items stays a shallow tree. */
  for (guint i = 0; i < 5000; i++)
    {
      VpBlock *block = vp_block_new (VP_BLOCK_ITEM, "Deeper.");

      block->list = i + 1;
      block->level = i;
      block->parent = (int)i - 1;
      vp_article_take_block (article, block);
    }

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 1);
  section = get_section (article, 0);
  g_assert_cmpuint (vp_outline_section_get_n_items (section), ==, 1);
  g_assert_cmpuint (tree_depth (vp_outline_section_get_item (section, 0)), <=, 8);
}

static void
test_anonymous_lists (void)
{
  static const BlockSpec specs[] = {
    ITEM (0, NULL, "One."),
    ITEM (0, NULL, "Two."),
    P ("Between."),
    ITEM (0, NULL, "Three."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);

  /* Items without a list id make a list per run. */
  g_assert_cmpuint (n_sections (article), ==, 2);
  assert_items (get_section (article, 0), "-|-", NULL);
  assert_items (get_section (article, 1), "-", NULL);
}

static void
test_section_order (void)
{
  static const BlockSpec specs[] = {
    P ("First, ordinals come first here."),
    P ("Second, they form a section."),
    P ("Then a list:"),
    ITEM (9, NULL, "Alpha."),
    ITEM (9, NULL, "Beta."),
    P ("And numbered paragraphs:"),
    P ("1. Gamma."),
    P ("2. Delta."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 3);
  assert_items (get_section (article, 0), "1|2", NULL);
  assert_items (get_section (article, 1), "-|-", "Alpha.|Beta.");
  assert_items (get_section (article, 2), "1|2", "Gamma.|Delta.");
}

/* Recommendations */

static const char * const recommendations[] = {
  "The council should publish the figures every month.",
  "Both governments must reopen the border crossings.",
  "Brussels ought to fund the repairs.",
  "The ministry needs to hire more inspectors.",
  "Donors have to keep their promises.",
  "The agency has to act before the rains.",
  "It is essential that the two capitals talk directly.",
  "It is vital for regulators to act now.",
  "It is imperative to end the blockade.",
  "It\u2019s crucial that farmers get water.",
  "It is therefore critical that the line reopens.",
  "It remains necessary for the courts to weigh in.",
  "We call on both parties to return to the table.",
  "We urge the committee to reconsider.",
  "We therefore urge lenders to wait.",
  "The term \u201creform\u201d should be used with care.",
  "Exporters should not be punished for the shortage.",
  "To that end, the agency should also simplify its rules.",
  "If the talks fail, the mediators should try again.",
  "Ministers shouldn\u2019t wait any longer.",
  "The city should be doing more for its tenants.",
  "Iran must have a seat at the table.",
  "What the council should do is raise the levees.",
  "What it must not do first is spend the whole budget.",
  "The problem must be dealt with.",
  "Iran must admit its role in the attacks.",
  "I would argue that the trustees must publish their minutes.",
  "We believe the council should resign.",
  "American policy should catch up.",
};

static const char * const not_recommendations[] = {
  "Should the talks fail, nobody will be surprised.",
  "What should the council do?",
  "Should Brussels pay?",
  "\u201cMust we wait?\u201d",
  "The region should have a vital interest in stable prices.",
  "They must have been aware of the risk.",
  "The mayor should have acted sooner.",
  "It should be noted that the figures are provisional.",
  "It must be said that the plan worked.",
  "Readers must be wondering why this matters.",
  "Nobody knows whether the council should intervene.",
  "Nobody knows what the council should do.",
  "There is no need to panic.",
  "The need to act is obvious.",
  "It has to do with trust.",
  "The plan was essential to the recovery.",
  "It was essential that they agreed.",
  "It is important to note that prices fell.",
  "One must admit that the plan worked.",
  "The council met on Tuesday.",
  "She said so, as she should.",
  "Shoulder to shoulder, they marched.",
  "The council does not need to meet again.",
  "You don\u2019t have to agree with every word.",
  "Nobody has to accept the plan.",
  "No government needs to pay twice.",
  "Critics argue that the museum should charge for entry.",
  "The minister said the towns must pay their share.",
  "What the council should do is unclear.",
  "They are the neighbours it must live with.",
  "These are the risks we should worry about.",
  "Visitors must be puzzled by the locked rooms.",
  "Washington should be proud of the deal.",
  "",
};

static void
test_recommendation_sentences (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (recommendations); i++)
    {
      if (!vp_outline_is_recommendation (recommendations[i], -1))
        g_error ("“%s” is a recommendation", recommendations[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_recommendations); i++)
    {
      if (vp_outline_is_recommendation (not_recommendations[i], -1))
        g_error ("“%s” is not a recommendation", not_recommendations[i]);
    }
}

static void
test_recommendations (void)
{
  static const BlockSpec specs[] = {
    H (2, "The council should act"),                                             /* 0 */
    P ("Floods come every spring. The council should raise the levees. "
       "Should it wait, the damage will grow."),                                 /* 1 */
    P ("While the towns should share the costs, the plan rests on two pillars."), /* 2 */
    ITEM (1, "1", "The province must pay half."),
    ITEM (1, "2", "The towns must pay the rest."),
    QUOTE ("\u201cWe must act now,\u201d the mayor said."),
    P ("It is vital that the work starts in May. Dr. Reyes, a hydrologist, "
       "agrees; the levees should have been raised years ago."),                  /* 6 */
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  VpOutlineItem *item;
  const char *text;
  guint start, end;

  vp_outline_extract (article);

  /* Not the heading, the lead-in, the items or the quotation. */
  g_assert_cmpuint (n_recommendations (article), ==, 2);

  item = get_recommendation (article, 0);
  g_assert_null (vp_outline_item_get_label (item));
  g_assert_cmpstr (vp_outline_item_get_text (item), ==, "The council should raise the levees.");
  g_assert_cmpint (vp_outline_item_get_block (item), ==, 1);
  vp_outline_item_get_span (item, &start, &end);
  text = vp_article_get_block (article, 1)->text;
  g_assert_cmpuint (start, ==, strlen ("Floods come every spring. "));
  g_assert_cmpuint (end, ==, start + strlen ("The council should raise the levees."));
  g_assert_true (strncmp (text + start, vp_outline_item_get_text (item), end - start) == 0);

  item = get_recommendation (article, 1);
  g_assert_cmpstr (vp_outline_item_get_text (item), ==, "It is vital that the work starts in May.");
  g_assert_cmpint (vp_outline_item_get_block (item), ==, 6);
}

static void
test_recommendations_lead_in_sentence (void)
{
  static const BlockSpec specs[] = {
    P ("The towns should share the costs. The plan has two parts."),
    ITEM (1, NULL, "Dig."),
    ITEM (1, NULL, "Build."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);

  /* Only the lead-in sentence is left out, not the paragraph. */
  g_assert_cmpstr (vp_outline_section_get_lead_in (get_section (article, 0)), ==,
                   "The plan has two parts.");
  g_assert_cmpuint (n_recommendations (article), ==, 1);
  g_assert_cmpstr (vp_outline_item_get_text (get_recommendation (article, 0)), ==,
                   "The towns should share the costs.");
}

/* The whole pass */

static void
test_extract_twice (void)
{
  static const BlockSpec specs[] = {
    P ("The dispute turns on three issues."),
    P ("1. Water."),
    P ("2. Land."),
    P ("The ministry should mediate."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);

  vp_outline_extract (article);
  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 1);
  assert_items (get_section (article, 0), "1|2", "Water.|Land.");
  g_assert_cmpuint (n_recommendations (article), ==, 1);
  g_assert_cmpuint (n_warnings (article), ==, 1);

  /* Finding recommendations again adds none twice. */
  vp_outline_find_recommendations (article);
  g_assert_cmpuint (n_recommendations (article), ==, 1);
}

static void
test_seed_shaped (void)
{
  /* An article of the seed's shape, on another topic. */
  static const BlockSpec specs[] = {
    P ("Drought has emptied the reservoirs of two neighbouring provinces, and "
       "their quarrel over the river is getting worse."),
    P ("Officials on both sides admit the problem. Yet they meet less than ever."),
    P ("The provinces\u2019 shared interests in the basin include:"),
    ITEM (1, "1", "Keeping the river navigable."),
    ITEM (1, "2", "Protecting the wetlands downstream."),
    ITEM (1, "3", "Stopping illegal wells."),
    ITEM (1, "4", "Sharing flood warnings."),
    P ("The way forward"),
    P ("While both provinces should fund the monitoring stations, cooperation "
       "matters most on three fronts."),
    ITEM (2, "1", "As noted by Gov. Lena Park, R-Ore., data \u201ccan calm a "
                  "dispute before it starts.\u201d"),
    ITEM (2, "2", "Joint patrols can stop the well-diggers."),
    ITEM (2, "3", "A common tribunal can settle claims."),
    P ("The national government should convene the two governors. The lower "
       "province should have a vital interest in a deal."),
    P ("Last but not least, the public must be told the truth about the water."),
    P ("It is essential that the provinces sign a treaty this year."),
    END
  };
  g_autoptr(VpArticle) article = build_article (specs);
  VpOutlineSection *section;

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 2);

  section = get_section (article, 0);
  g_assert_null (vp_outline_section_get_heading (section));
  g_assert_cmpstr (vp_outline_section_get_lead_in (section), ==,
                   "The provinces\u2019 shared interests in the basin include:");
  g_assert_cmpint (vp_outline_section_get_expected_count (section), ==, -1);
  g_assert_cmpuint (vp_outline_section_get_n_items (section), ==, 4);

  section = get_section (article, 1);
  g_assert_cmpstr (vp_outline_section_get_heading (section), ==, "The way forward");
  g_assert_cmpint (vp_outline_section_get_heading_block (section), ==, 7);
  g_assert_cmpint (vp_outline_section_get_lead_in_block (section), ==, 8);
  g_assert_cmpint (vp_outline_section_get_expected_count (section), ==, 3);
  g_assert_cmpuint (vp_outline_section_get_n_items (section), ==, 3);
  g_assert_cmpuint (n_warnings (article), ==, 0);

  g_assert_cmpuint (n_recommendations (article), ==, 3);
  g_assert_cmpstr (vp_outline_item_get_text (get_recommendation (article, 0)), ==,
                   "The national government should convene the two governors.");
  g_assert_cmpstr (vp_outline_item_get_text (get_recommendation (article, 1)), ==,
                   "Last but not least, the public must be told the truth about the water.");
  g_assert_cmpstr (vp_outline_item_get_text (get_recommendation (article, 2)), ==,
                   "It is essential that the provinces sign a treaty this year.");
}

static void
test_empty (void)
{
  g_autoptr(VpArticle) article = vp_article_new ("test");

  vp_outline_extract (article);

  g_assert_cmpuint (n_sections (article), ==, 0);
  g_assert_cmpuint (n_recommendations (article), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (marker_styles); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vp/outline/numbered-paragraphs/%s",
                                               marker_styles[i].markers[0]);

      g_test_add_data_func (path, &marker_styles[i], test_numbered_paragraphs);
    }
  g_test_add_func ("/vp/outline/numbered-paragraphs/fresh-list",
                   test_numbered_paragraphs_fresh_list);
  g_test_add_func ("/vp/outline/numbered-paragraphs/gaps", test_numbered_paragraphs_gaps);
  g_test_add_func ("/vp/outline/numbered-paragraphs/rejected", test_numbered_paragraphs_rejected);
  g_test_add_func ("/vp/outline/bullet-paragraphs", test_bullet_paragraphs);
  g_test_add_func ("/vp/outline/item-markers", test_item_markers);
  g_test_add_func ("/vp/outline/numbered-headings", test_numbered_headings);
  g_test_add_func ("/vp/outline/body-h1", test_body_h1);
  g_test_add_func ("/vp/outline/ordinals", test_ordinals);
  g_test_add_func ("/vp/outline/ordinals/words", test_ordinal_words);
  g_test_add_func ("/vp/outline/ordinals/rejected", test_ordinals_rejected);
  g_test_add_func ("/vp/outline/heading-lead-in", test_heading_lead_in);
  g_test_add_func ("/vp/outline/expected-count", test_expected_count);
  g_test_add_func ("/vp/outline/count-warning", test_count_warning);
  g_test_add_func ("/vp/outline/count-warning/lead-in-name", test_count_warning_lead_in_name);
  g_test_add_func ("/vp/outline/nested", test_nested);
  g_test_add_func ("/vp/outline/nested/deep", test_nested_deep);
  g_test_add_func ("/vp/outline/anonymous-lists", test_anonymous_lists);
  g_test_add_func ("/vp/outline/section-order", test_section_order);
  g_test_add_func ("/vp/outline/recommendations/sentences", test_recommendation_sentences);
  g_test_add_func ("/vp/outline/recommendations", test_recommendations);
  g_test_add_func ("/vp/outline/recommendations/lead-in-sentence",
                   test_recommendations_lead_in_sentence);
  g_test_add_func ("/vp/outline/extract-twice", test_extract_twice);
  g_test_add_func ("/vp/outline/seed-shaped", test_seed_shaped);
  g_test_add_func ("/vp/outline/empty", test_empty);

  return g_test_run ();
}
