/* test-exporter.c: the outline in text, JSON, Markdown and CSV
 *
 * The article is built by hand, so these tests fix the exporters' output
 * independently of the importers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "vp-exporter.h"

static VpActorSet *
make_actors (void)
{
  VpActorSet *actors = vp_actor_set_new ();
  g_autoptr(VpActor) us = vp_actor_new ("us", "United States");
  g_autoptr(VpActor) iran = vp_actor_new ("iran", "Iran");
  g_autoptr(VpActor) off = vp_actor_new ("iraq", "Iraq");

  vp_actor_set_enabled (off, FALSE);
  vp_actor_set_add (actors, us);
  vp_actor_set_add (actors, iran);
  vp_actor_set_add (actors, off);

  return actors;
}

static void
add_mention (GArray     *mentions,
             const char *actor,
             int         block,
             guint       start,
             guint       end)
{
  VpMention m = { g_intern_string (actor), block, start, end };

  g_array_append_val (mentions, m);
}

/* Title, byline, a heading, a lead-in announcing three points, two
 * numbered items (one with a nested bullet), a recommendation. */
static VpArticle *
make_article (void)
{
  VpArticle *article = vp_article_new ("op-ed.html");
  static const char * const authors[] = { "Ann Lee", "Bo Kim", NULL };
  g_autoptr(VpOutlineSection) section = NULL;
  g_autoptr(VpOutlineItem) first = NULL;
  g_autoptr(VpOutlineItem) second = NULL;
  g_autoptr(VpOutlineItem) child = NULL;
  g_autoptr(VpOutlineItem) rec = NULL;
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));
  VpBlock *block;

  vp_article_set_title (article, "Talk to Tehran, with care");
  vp_article_set_authors (article, authors);
  vp_article_set_outlet (article, "The Review");
  vp_article_set_site (article, "Review Online");
  vp_article_set_published (article, "2024-05-01");
  vp_article_set_language (article, "en");

  vp_article_take_block (article, vp_block_new (VP_BLOCK_HEADING, "Next steps"));
  vp_article_peek_block (article, 0)->level = 2;
  vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH,
                                                "Three moves would help:"));
  block = vp_block_new (VP_BLOCK_ITEM, "Washington should call Iran, \"soon\".");
  block->label = g_strdup ("1");
  block->list = 1;
  vp_article_take_block (article, block);
  block = vp_block_new (VP_BLOCK_ITEM, "Allies, too, with [care] and *patience*");
  block->label = g_strdup ("2");
  block->list = 1;
  vp_article_take_block (article, block);
  block = vp_block_new (VP_BLOCK_ITEM, "quietly");
  block->list = 2;
  block->level = 1;
  block->parent = 3;
  vp_article_take_block (article, block);
  vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH,
                                                "It is vital that Iran answers."));

  section = vp_outline_section_new ("Next steps", 0, "Three moves would help:", 1, 3);
  first = vp_outline_item_new ("1", "Washington should call Iran, \"soon\".", 2);
  second = vp_outline_item_new ("2", "Allies, too, with [care] and *patience*", 3);
  child = vp_outline_item_new (NULL, "quietly", 4);
  vp_outline_item_append_child (second, child);
  vp_outline_section_append_item (section, first);
  vp_outline_section_append_item (section, second);
  vp_article_append_section (article, section);

  rec = vp_outline_item_new_span (NULL, "It is vital that Iran answers.", 5, 0, 30);
  vp_article_append_recommendation (article, rec);
  vp_article_add_warning (article, "Section 1: the lead-in announces 3 points; 2 found.");

  add_mention (mentions, "iran", VP_MENTION_TITLE, 13, 19);
  add_mention (mentions, "us", 2, 0, 10);
  add_mention (mentions, "iran", 2, 23, 27);
  add_mention (mentions, "iran", 5, 16, 20);
  vp_article_set_mentions (article, mentions);

  return article;
}

/* The outline of @n_articles copies of the article in @format. */
static char *
export_several (VpExportFormat format,
                guint          n_articles)
{
  g_autoptr(VpActorSet) actors = make_actors ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  for (guint i = 0; i < n_articles; i++)
    g_ptr_array_add (articles, make_article ());
  bytes = vp_export_outline (format, articles, actors);
  data = g_bytes_get_data (bytes, &length);
  g_assert_true (g_utf8_validate (data, length, NULL));

  return g_strndup (data, length);
}

static char *
export (VpExportFormat format)
{
  return export_several (format, 1);
}

static void
test_item_actors (void)
{
  g_autoptr(VpArticle) article = make_article ();
  g_autoptr(VpOutlineSection) section = g_list_model_get_item (vp_article_get_sections (article), 0);
  VpOutlineItem *first = vp_outline_section_get_item (section, 0);
  VpOutlineItem *second = vp_outline_section_get_item (section, 1);
  const char * const both[] = { "iran", "us", NULL };

  /* Sorted ids, from the mentions inside each item's block. */
  g_assert_true (g_strv_equal (vp_outline_item_get_actors (first), both));
  g_assert_cmpuint (g_strv_length ((char **)vp_outline_item_get_actors (second)), ==, 0);
  g_assert_cmpuint (vp_article_count_mentions (article, "iran"), ==, 3);
  g_assert_cmpuint (vp_article_count_mentions (article, "us"), ==, 1);
  g_assert_cmpuint (vp_article_count_mentions (article, "iraq"), ==, 0);
}

static void
test_text (void)
{
  g_autofree char *text = export (VP_EXPORT_FORMAT_TEXT);

  g_assert_cmpstr (text, ==,
    "Talk to Tehran, with care\n"
    "By Ann Lee and Bo Kim · for The Review · Review Online · 2024-05-01\n"
    "op-ed.html\n"
    "\n"
    "  Next steps\n"
    "  Three moves would help:\n"
    "  (The lead-in announces 3 points; 2 found.)\n"
    "    1. Washington should call Iran, \"soon\". [Iran, United States]\n"
    "    2. Allies, too, with [care] and *patience*\n"
    "      • quietly\n"
    "\n"
    "  Recommendations\n"
    "    • It is vital that Iran answers. [Iran]\n"
    "\n"
    "  United States 1, Iran 3\n");
}

static void
test_json (void)
{
  g_autofree char *text = export (VP_EXPORT_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *article;
  JsonObject *section;
  JsonArray *items;
  JsonObject *mentions;
  JsonArray *blocks;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  article = json_array_get_object_element (
              json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                            "articles"), 0);
  g_assert_cmpstr (json_object_get_string_member (article, "source"), ==, "op-ed.html");
  g_assert_cmpstr (json_object_get_string_member (article, "title"), ==, "Talk to Tehran, with care");
  g_assert_cmpstr (json_object_get_string_member (article, "outlet"), ==, "The Review");
  g_assert_cmpstr (json_object_get_string_member (article, "site"), ==, "Review Online");
  g_assert_cmpstr (json_object_get_string_member (article, "published"), ==, "2024-05-01");
  g_assert_cmpstr (json_object_get_string_member (article, "language"), ==, "en");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (article, "authors")), ==, 2);

  section = json_array_get_object_element (json_object_get_array_member (article, "sections"), 0);
  g_assert_cmpstr (json_object_get_string_member (section, "heading"), ==, "Next steps");
  g_assert_cmpint (json_object_get_int_member (section, "expected_count"), ==, 3);
  items = json_object_get_array_member (section, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 0), "label"),
                   ==, "1");
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (json_array_get_object_element (items, 0), "actors"), 1),
                   ==, "us");
  /* Children appear only on items that have some. */
  g_assert_false (json_object_has_member (json_array_get_object_element (items, 0), "children"));
  g_assert_true (json_object_get_null_member (
                   json_array_get_object_element (
                     json_object_get_array_member (json_array_get_object_element (items, 1), "children"), 0),
                   "label"));

  /* Mentions for the enabled actors only, zero counts included. */
  mentions = json_object_get_object_member (article, "mentions");
  g_assert_cmpuint (json_object_get_size (mentions), ==, 2);
  g_assert_cmpint (json_object_get_int_member (mentions, "iran"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (mentions, "us"), ==, 1);

  blocks = json_object_get_array_member (article, "blocks");
  g_assert_cmpuint (json_array_get_length (blocks), ==, 6);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (blocks, 0), "level"), ==, 2);
  g_assert_false (json_object_has_member (json_array_get_object_element (blocks, 1), "level"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (blocks, 2), "kind"),
                   ==, "item");

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (article, "recommendations")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (article, "warnings")), ==, 1);

  /* One article has nothing to compare. */
  g_assert_false (json_object_has_member (json_node_get_object (json_parser_get_root (parser)), "comparison"));
}

/* Two copies of the article: the matrix has a cell per enabled actor and
 * article, and each item matches its copy. */
static void
test_json_comparison (void)
{
  g_autofree char *text = export_several (VP_EXPORT_FORMAT_JSON, 2);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *comparison;
  JsonObject *matrix;
  JsonArray *iran;
  JsonArray *groups;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "articles")), ==, 2);

  comparison = json_object_get_object_member (root, "comparison");
  g_assert_nonnull (comparison);
  g_assert_cmpuint (json_object_get_size (comparison), ==, 2);

  matrix = json_object_get_object_member (comparison, "matrix");
  g_assert_cmpuint (json_object_get_size (matrix), ==, 2);
  g_assert_false (json_object_has_member (matrix, "iraq"));
  iran = json_object_get_array_member (matrix, "iran");
  g_assert_cmpuint (json_array_get_length (iran), ==, 2);
  for (guint a = 0; a < 2; a++)
    {
      JsonObject *cell = json_array_get_object_element (iran, a);

      g_assert_cmpuint (json_object_get_size (cell), ==, 2);
      g_assert_cmpint (json_object_get_int_member (cell, "mentions"), ==, 3);
      /* The first item; not the recommendation, which mentions Iran too. */
      g_assert_cmpint (json_object_get_int_member (cell, "proposals"), ==, 1);
    }
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (matrix, "us"), 1), "mentions"), ==, 1);

  groups = json_object_get_array_member (comparison, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  for (guint g = 0; g < 2; g++)
    {
      JsonArray *group = json_array_get_array_element (groups, g);

      g_assert_cmpuint (json_array_get_length (group), ==, 2);
      for (guint k = 0; k < 2; k++)
        {
          JsonObject *member = json_array_get_object_element (group, k);

          g_assert_cmpuint (json_object_get_size (member), ==, 3);
          g_assert_cmpint (json_object_get_int_member (member, "article"), ==, k);
          g_assert_cmpint (json_object_get_int_member (member, "section"), ==, 0);
          g_assert_cmpint (json_object_get_int_member (member, "item"), ==, g);
        }
    }
}

static void
test_markdown (void)
{
  g_autofree char *text = export (VP_EXPORT_FORMAT_MARKDOWN);

  g_assert_cmpstr (text, ==,
    "# Talk to Tehran, with care\n"
    "\n"
    "*By Ann Lee and Bo Kim · for The Review · Review Online · 2024-05-01*\n"
    "\n"
    "Source: `op-ed.html`\n"
    "\n"
    "## Next steps\n"
    "\n"
    "*Three moves would help:*\n"
    "\n"
    "1. Washington should call Iran, \"soon\". — *Iran*, *United States*\n"
    "2. Allies, too, with \\[care\\] and \\*patience\\*\n"
    "   - quietly\n"
    "\n"
    "> **Note:** The lead-in announces 3 points; 2 found.\n"
    "\n"
    "## Recommendations\n"
    "\n"
    "- It is vital that Iran answers. — *Iran*\n"
    "\n"
    "**Mentions:** United States 1, Iran 3\n");
}

static void
test_markdown_comparison (void)
{
  g_autofree char *text = export_several (VP_EXPORT_FORMAT_MARKDOWN, 2);
  const char *comparison = strstr (text, "\n---\n\n# Comparison\n");

  g_assert_nonnull (comparison);
  g_assert_cmpstr (comparison, ==,
    "\n---\n\n# Comparison\n"
    "\n"
    "## Actors\n"
    "\n"
    "Each cell: the actor’s mentions in the article / the article’s proposals that involve the actor.\n"
    "\n"
    "| Actor | 1 · Talk to Tehran, with care | 2 · Talk to Tehran, with care |\n"
    "| --- | --- | --- |\n"
    "| United States | 1 / 1 | 1 / 1 |\n"
    "| Iran | 3 / 1 | 3 / 1 |\n"
    "\n"
    "## Matching proposals\n"
    "\n"
    "Each row: proposals of different articles that say the same thing.\n"
    "\n"
    "| 1 · Talk to Tehran, with care | 2 · Talk to Tehran, with care |\n"
    "| --- | --- |\n"
    "| 1. Washington should call Iran, \"soon\". | 1. Washington should call Iran, \"soon\". |\n"
    "| 2. Allies, too, with \\[care\\] and \\*patience\\* | 2. Allies, too, with \\[care\\] and \\*patience\\* |\n");

  /* The article itself is unchanged; a single one has no comparison. */
  g_assert_true (g_str_has_prefix (text, "# Talk to Tehran, with care\n"));
  g_clear_pointer (&text, g_free);
  text = export (VP_EXPORT_FORMAT_MARKDOWN);
  g_assert_null (strstr (text, "# Comparison"));
}

static void
test_csv (void)
{
  g_autofree char *text = export (VP_EXPORT_FORMAT_CSV);

  g_assert_cmpstr (text, ==,
    "article,source,section,heading,label,text,actors\r\n"
    "\"Talk to Tehran, with care\",op-ed.html,1,Next steps,1,"
      "\"Washington should call Iran, \"\"soon\"\".\",Iran; United States\r\n"
    "\"Talk to Tehran, with care\",op-ed.html,1,Next steps,2,"
      "\"Allies, too, with [care] and *patience*\",\r\n"
    "\"Talk to Tehran, with care\",op-ed.html,1,Next steps,2.•,quietly,\r\n"
    "\"Talk to Tehran, with care\",op-ed.html,recommendations,,,It is vital that Iran answers.,Iran\r\n");
}

/* Exporting by actor: a copy with only the points that involve one. */
static void
test_for_actors (void)
{
  g_autoptr(VpActorSet) actors = make_actors ();
  g_autoptr(VpArticle) article = make_article ();
  g_autoptr(VpOutlineSection) section = g_list_model_get_item (vp_article_get_sections (article), 0);
  VpOutlineItem *second = vp_outline_section_get_item (section, 1);
  const char * const us[] = { "us", NULL };
  const char * const iran[] = { "iran", NULL };
  const char * const iraq[] = { "iraq", NULL };
  static const char only_us_csv[] =
    "article,source,section,heading,label,text,actors\r\n"
    "\"Talk to Tehran, with care\",op-ed.html,1,Next steps,1,"
      "\"Washington should call Iran, \"\"soon\"\".\",Iran; United States\r\n";
  g_autoptr(VpArticle) copy = NULL;
  g_autoptr(VpOutlineSection) kept = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;

  /* The first point names both; the second none, the recommendation
   * Iran alone. */
  copy = vp_article_dup_for_actors (article, us);
  g_assert_cmpuint (g_list_model_get_n_items (vp_article_get_sections (copy)), ==, 1);
  kept = g_list_model_get_item (vp_article_get_sections (copy), 0);
  g_assert_cmpuint (vp_outline_section_get_n_items (kept), ==, 1);
  g_assert_cmpstr (vp_outline_item_get_label (vp_outline_section_get_item (kept, 0)), ==, "1");
  g_assert_cmpint (vp_outline_section_get_expected_count (kept), ==, -1);
  g_assert_cmpstr (vp_outline_section_get_lead_in (kept), ==, "Three moves would help:");
  g_assert_cmpuint (g_list_model_get_n_items (vp_article_get_recommendations (copy)), ==, 0);

  /* The rest is the article's: metadata, text, mentions, warnings. */
  g_assert_cmpstr (vp_article_get_title (copy), ==, "Talk to Tehran, with care");
  g_assert_true (g_strv_equal (vp_article_get_authors (copy), vp_article_get_authors (article)));
  g_assert_cmpuint (vp_article_get_n_blocks (copy), ==, vp_article_get_n_blocks (article));
  g_assert_cmpstr (vp_article_get_block_text (copy, 5), ==, "It is vital that Iran answers.");
  g_assert_cmpuint (vp_article_count_mentions (copy, "iran"), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **)vp_article_get_warnings (copy)), ==, 1);

  /* The original is untouched. */
  g_assert_cmpuint (vp_outline_section_get_n_items (section), ==, 2);

  g_ptr_array_add (articles, copy);
  bytes = vp_export_outline (VP_EXPORT_FORMAT_CSV, articles, actors);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   only_us_csv, strlen (only_us_csv));
  g_clear_object (&copy);
  g_clear_object (&kept);

  copy = vp_article_dup_for_actors (article, iran);
  g_assert_cmpuint (g_list_model_get_n_items (vp_article_get_recommendations (copy)), ==, 1);
  g_clear_object (&copy);

  /* A point stays when a point under it involves the actor, with only
   * such points under it. */
  vp_outline_item_set_actors (vp_outline_item_get_child (second, 0), iraq);
  copy = vp_article_dup_for_actors (article, iraq);
  kept = g_list_model_get_item (vp_article_get_sections (copy), 0);
  g_assert_cmpuint (vp_outline_section_get_n_items (kept), ==, 1);
  g_assert_cmpstr (vp_outline_item_get_label (vp_outline_section_get_item (kept, 0)), ==, "2");
  g_assert_cmpuint (vp_outline_item_get_n_children (vp_outline_section_get_item (kept, 0)), ==, 1);
  g_assert_true (g_strv_equal (vp_outline_item_get_actors (vp_outline_item_get_child (vp_outline_section_get_item (kept, 0), 0)),
                               iraq));
}

static void
test_formats (void)
{
  VpExportFormat format;

  g_assert_true (vp_export_format_from_string ("json", &format));
  g_assert_cmpint (format, ==, VP_EXPORT_FORMAT_JSON);
  g_assert_true (vp_export_format_from_string ("Markdown", &format));
  g_assert_cmpint (format, ==, VP_EXPORT_FORMAT_MARKDOWN);
  g_assert_true (vp_export_format_from_string ("md", &format));
  g_assert_true (vp_export_format_from_string ("csv", NULL));
  g_assert_true (vp_export_format_from_string ("text", NULL));
  g_assert_false (vp_export_format_from_string ("pdf", NULL));
  g_assert_false (vp_export_format_from_string ("", NULL));
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GBytes) json = vp_export_outline (VP_EXPORT_FORMAT_JSON, none, NULL);
  g_autoptr(GBytes) csv = vp_export_outline (VP_EXPORT_FORMAT_CSV, none, NULL);

  g_assert_cmpmem (g_bytes_get_data (json, NULL), g_bytes_get_size (json),
                   "{\n  \"articles\" : []\n}\n", 22);
  g_assert_cmpmem (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                   "article,source,section,heading,label,text,actors\r\n", 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/exporter/item-actors", test_item_actors);
  g_test_add_func ("/vp/exporter/text", test_text);
  g_test_add_func ("/vp/exporter/json", test_json);
  g_test_add_func ("/vp/exporter/json/comparison", test_json_comparison);
  g_test_add_func ("/vp/exporter/markdown", test_markdown);
  g_test_add_func ("/vp/exporter/markdown/comparison", test_markdown_comparison);
  g_test_add_func ("/vp/exporter/csv", test_csv);
  g_test_add_func ("/vp/exporter/for-actors", test_for_actors);
  g_test_add_func ("/vp/exporter/formats", test_formats);
  g_test_add_func ("/vp/exporter/empty", test_empty);

  return g_test_run ();
}
