/* test-workspace-io.c: workspace files, written and read back
 *
 * The fixtures of tests/data/pages are imported, corrected by a reader
 * (tags, rejections, actors added to and removed from proposals, a new
 * actor, another order, a view, links), saved and read back, and the
 * whole state is compared: every field of every article and block, the
 * outlines, the annotations and mentions, the JSON export, the actor set,
 * the view and the links. Then bad files, failed saves, and saves killed
 * at random moments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/relaxng.h>

#include "vp-error.h"
#include "vp-exporter.h"
#include "vp-file.h"
#include "vp-importer.h"
#include "vp-outline-extractor.h"
#include "vp-workspace-io.h"

static char *
fixture_path (const char *folder,
              const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Every page and text of tests/data/pages that imports, in name order. */
static GPtrArray *
import_pages (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "pages", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".txt"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      VpArticle *article;

      article = vp_import_file (file, g_ptr_array_index (names, i), NULL, NULL, NULL);
      if (article != NULL)
        g_ptr_array_add (articles, article);
    }

  g_assert_cmpuint (articles->len, >=, 10);

  return articles;
}

/* The first word of three letters or more in @text, as a span. */
static gboolean
find_word (const char *text,
           guint      *start,
           guint      *end)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *q = p;

      while (*q != '\0' && g_ascii_isalpha (*q))
        q++;
      if (q - p >= 3)
        {
          *start = p - text;
          *end = q - text;
          return TRUE;
        }
      p = *q != '\0' ? q + 1 : q;
    }

  return FALSE;
}

static VpOutlineItem *
first_item (VpArticle *article)
{
  g_autoptr(VpOutlineSection) section = NULL;

  if (g_list_model_get_n_items (vp_article_get_sections (article)) == 0)
    return NULL;

  section = g_list_model_get_item (vp_article_get_sections (article), 0);

  return vp_outline_section_get_n_items (section) > 0 ? vp_outline_section_get_item (section, 0)
                                                      : NULL;
}

/* What a reader does in a session, on every article that allows it. */
static void
correct_articles (VpWorkspace *workspace)
{
  g_autoptr(GError) error = NULL;
  VpActor *gulf;
  guint n = vp_workspace_get_n_articles (workspace);

  vp_workspace_set_name (workspace, "Iran and the Gulf: a reading list");
  gulf = vp_workspace_create_actor (workspace, "Gulf States", &error);
  g_assert_no_error (error);
  vp_workspace_set_actor_enabled (workspace, "iraq", TRUE);
  vp_workspace_set_actor_enabled (workspace, "us", FALSE);
  vp_workspace_set_actor_enabled (workspace, "us", TRUE);

  for (guint i = 0; i < n; i++)
    {
      VpArticle *article = vp_workspace_get_article (workspace, i);
      const VpMention *mentions;
      guint n_mentions;
      VpOutlineItem *item;
      guint start;
      guint end;

      /* A tag in the body, one in the title, one of the new actor. */
      if (vp_article_get_n_blocks (article) > 0 &&
          find_word (vp_article_get_block_text (article, 0), &start, &end))
        {
          g_assert_true (vp_workspace_tag_span (workspace, article, "saudi-arabia", 0, start, end,
                                                &error));
          g_assert_no_error (error);
          g_assert_true (vp_workspace_tag_span (workspace, article, vp_actor_get_id (gulf), 0,
                                                start, end, &error));
          g_assert_no_error (error);
        }

      if (vp_article_get_title (article) != NULL &&
          find_word (vp_article_get_title (article), &start, &end))
        {
          g_assert_true (vp_workspace_tag_span (workspace, article, "iran", VP_MENTION_TITLE,
                                                start, end, &error));
          g_assert_no_error (error);
        }

      /* A mention of the tagger's rejected. */
      mentions = vp_article_get_automatic_mentions (article, &n_mentions);
      if (n_mentions > 1)
        vp_workspace_reject_mention (workspace, article, mentions[n_mentions - 1].actor,
                                     mentions[n_mentions - 1].block,
                                     mentions[n_mentions - 1].start,
                                     mentions[n_mentions - 1].end);

      /* An actor added to a proposal, and one taken off. */
      item = first_item (article);
      if (item != NULL)
        {
          vp_workspace_add_item_actor (workspace, article, item, "iraq");
          if (vp_outline_item_get_actors (item)[0] != NULL)
            vp_workspace_remove_item_actor (workspace, article, item,
                                            vp_outline_item_get_actors (item)[0]);
        }
    }
}

/* The view and the links of a session. */
static void
set_view (VpWorkspace *workspace)
{
  const char * const filter[] = { "iran", "gulf-states", NULL };
  guint n = vp_workspace_get_n_articles (workspace);
  VpProposalRef a = { 0, 0, 0 };
  VpProposalRef b = { 1, 0, 1 };
  VpProposalRef c = { 0, 1, 0 };

  vp_workspace_set_filter (workspace, filter);

  for (guint i = 0; i < n; i += 2)
    {
      VpArticle *article = vp_workspace_get_article (workspace, i);

      vp_workspace_set_expanded (workspace, article, "0", FALSE);
      vp_workspace_set_expanded (workspace, article, "r", TRUE);
      vp_workspace_set_expanded (workspace, article, "10/2", TRUE);
      vp_workspace_set_expanded (workspace, article, "2/0/1", FALSE);
    }

  c.article = n - 1;
  vp_workspace_set_link (workspace, &a, &b, VP_LINK_LINK);
  vp_workspace_set_link (workspace, &c, &a, VP_LINK_UNLINK);
}

static VpWorkspace *
new_session (void)
{
  g_autoptr(GPtrArray) articles = import_pages ();
  VpWorkspace *workspace = vp_workspace_new (NULL);

  for (guint i = 0; i < articles->len; i++)
    vp_workspace_add_article (workspace, g_ptr_array_index (articles, i));

  correct_articles (workspace);

  /* Columns moved around. */
  vp_workspace_move_article (workspace, 0, articles->len - 1);
  vp_workspace_move_article (workspace, 3, 1);

  set_view (workspace);

  return workspace;
}

static void
dump_item (GString       *out,
           VpArticle     *article,
           VpOutlineItem *item,
           guint          depth)
{
  g_autofree char *actors = NULL;
  g_auto(GStrv) effective = vp_article_dup_item_actors (article, item);
  guint start;
  guint end;

  vp_outline_item_get_span (item, &start, &end);
  actors = g_strjoinv (",", effective);
  g_string_append_printf (out, "    %*s[%s] %d:%u-%u “%s” {%s}\n", depth * 2, "",
                          vp_outline_item_get_label (item), vp_outline_item_get_block (item),
                          start, end, vp_outline_item_get_text (item), actors);

  for (guint i = 0; i < vp_outline_item_get_n_children (item); i++)
    dump_item (out, article, vp_outline_item_get_child (item, i), depth + 1);
}

/* Everything a workspace file keeps, and what is found again from it, as
 * text: two workspaces are equal when their dumps are. */
static char *
dump_workspace (VpWorkspace *workspace)
{
  VpActorSet *actors = vp_workspace_get_actors (workspace);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GBytes) json = NULL;
  g_autofree char *xml = vp_actor_set_to_xml (actors, NULL);
  g_autofree char *filter = g_strjoinv (",", (char **)vp_workspace_get_filter (workspace));
  GString *out = g_string_new (NULL);
  guint n = vp_workspace_get_n_articles (workspace);

  g_string_append_printf (out, "name: %s\nfilter: %s\n%s\n", vp_workspace_get_name (workspace),
                          filter, xml);

  for (guint i = 0; i < n; i++)
    {
      VpArticle *article = vp_workspace_get_article (workspace, i);
      g_autofree char *authors = g_strjoinv ("|", (char **)vp_article_get_authors (article));
      g_autofree char *warnings = g_strjoinv ("|", (char **)vp_article_get_warnings (article));
      g_auto(GStrv) paths = vp_workspace_dup_outline_paths (workspace, article);
      GListModel *sections = vp_article_get_sections (article);
      GListModel *recommendations = vp_article_get_recommendations (article);
      const VpMention *mentions;
      guint n_mentions;

      g_ptr_array_add (articles, article);
      g_string_append_printf (out, "article %u: %s\n  title: %s\n  authors: %s\n"
                              "  outlet: %s\n  site: %s\n  published: %s\n  language: %s\n"
                              "  direction: %d\n  warnings: %s\n",
                              i, vp_article_get_source (article), vp_article_get_title (article),
                              authors, vp_article_get_outlet (article),
                              vp_article_get_site (article), vp_article_get_published (article),
                              vp_article_get_language (article),
                              vp_article_get_direction (article), warnings);

      for (guint b = 0; b < vp_article_get_n_blocks (article); b++)
        {
          const VpBlock *block = vp_article_get_block (article, b);

          g_string_append_printf (out, "  block %u: %s level=%u flags=%u list=%u parent=%d "
                                  "label=%s “%s”\n",
                                  b, vp_block_kind_to_string (block->kind), block->level,
                                  block->flags, block->list, block->parent, block->label,
                                  block->text);
        }

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, s);

          g_string_append_printf (out, "  section %u: %s (%d) / %s (%d) expects %d\n", s,
                                  vp_outline_section_get_heading (section),
                                  vp_outline_section_get_heading_block (section),
                                  vp_outline_section_get_lead_in (section),
                                  vp_outline_section_get_lead_in_block (section),
                                  vp_outline_section_get_expected_count (section));
          for (guint k = 0; k < vp_outline_section_get_n_items (section); k++)
            dump_item (out, article, vp_outline_section_get_item (section, k), 0);
        }

      for (guint r = 0; r < g_list_model_get_n_items (recommendations); r++)
        {
          g_autoptr(VpOutlineItem) item = g_list_model_get_item (recommendations, r);

          g_string_append (out, "  recommendation:\n");
          dump_item (out, article, item, 0);
        }

      for (guint j = 0; j < vp_article_get_n_annotations (article); j++)
        {
          VpAnnotation *a = vp_article_get_annotation (article, j);

          g_string_append_printf (out, "  annotation %s %s %d %u-%u “%s” [%s|%s]\n",
                                  vp_annotation_kind_to_string (vp_annotation_get_kind (a)),
                                  vp_annotation_get_actor (a), vp_annotation_get_block (a),
                                  vp_annotation_get_start (a), vp_annotation_get_end (a),
                                  vp_annotation_get_text (a), vp_annotation_get_before (a),
                                  vp_annotation_get_after (a));
        }

      mentions = vp_article_get_mentions (article, &n_mentions);
      g_string_append (out, "  mentions:");
      for (guint j = 0; j < n_mentions; j++)
        g_string_append_printf (out, " %s@%d:%u-%u%s", mentions[j].actor, mentions[j].block,
                                mentions[j].start, mentions[j].end,
                                mentions[j].origin == VP_MENTION_MANUAL ? "*" : "");
      g_string_append_c (out, '\n');

      for (guint j = 0; paths[j] != NULL; j++)
        {
          gboolean expanded = FALSE;

          g_assert_true (vp_workspace_lookup_expanded (workspace, article, paths[j], &expanded));
          g_string_append_printf (out, "  node %s %s\n", paths[j], expanded ? "open" : "closed");
        }
    }

  for (guint i = 0; i < vp_workspace_get_n_links (workspace); i++)
    {
      VpProposalRef a;
      VpProposalRef b;
      VpLinkKind kind;

      vp_workspace_get_link (workspace, i, &kind, &a, &b);
      g_string_append_printf (out, "link %d %u/%u/%u %u/%u/%u\n", kind, a.article, a.section,
                              a.item, b.article, b.section, b.item);
    }

  json = vp_export_outline (VP_EXPORT_FORMAT_JSON, articles, actors);
  g_string_append_len (out, g_bytes_get_data (json, NULL), g_bytes_get_size (json));

  return g_string_free (out, FALSE);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vp-test-workspace-io-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

/* Removes @dir and what is in it (one level, as the tests make them). */
static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle != NULL)
    {
      while ((name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_remove (path);
        }
    }

  g_rmdir (dir);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
assert_bytes_equal (GBytes *actual,
                    GBytes *expected)
{
  g_autofree char *a = g_strndup (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual));
  g_autofree char *e = g_strndup (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  g_assert_cmpstr (a, ==, e);
  g_assert_true (g_bytes_equal (actual, expected));
}

static void
save (VpWorkspace *workspace,
      const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_workspace_save_to_file (workspace, file, NULL, &error));
  g_assert_no_error (error);
}

static VpWorkspace *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VpWorkspace *workspace;

  workspace = vp_workspace_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);

  return workspace;
}

/* Round trip */

static void
test_round_trip (void)
{
  g_autoptr(VpWorkspace) workspace = new_session ();
  g_autoptr(VpWorkspace) loaded = NULL;
  g_autoptr(VpWorkspace) reloaded = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "session.viewpoints", NULL);
  g_autofree char *again = g_build_filename (dir, "again.viewpoints", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  guint n_annotations = 0;

  g_assert_true (vp_workspace_get_modified (workspace));
  save (workspace, path);
  g_assert_false (vp_workspace_get_modified (workspace));
  /* Saving changes nothing but the saved state; the history stays. */
  g_assert_true (vp_workspace_can_undo (workspace));

  loaded = load (path);
  expected = dump_workspace (workspace);
  actual = dump_workspace (loaded);
  if (g_getenv ("VP_TEST_DUMP") != NULL)
    g_printerr ("%s", actual);
  g_assert_cmpstr (actual, ==, expected);

  /* The session did all it meant to. */
  for (guint i = 0; i < vp_workspace_get_n_articles (loaded); i++)
    n_annotations += vp_article_get_n_annotations (vp_workspace_get_article (loaded, i));
  g_assert_cmpuint (n_annotations, >, 3 * vp_workspace_get_n_articles (loaded));
  g_assert_cmpuint (vp_workspace_get_n_links (loaded), ==, 2);
  g_assert_cmpstr (vp_workspace_get_name (loaded), ==, "Iran and the Gulf: a reading list");
  g_assert_nonnull (vp_workspace_lookup_actor (loaded, "gulf-states"));

  /* Opened as it is on the disk, with nothing to undo. */
  g_assert_false (vp_workspace_get_modified (loaded));
  g_assert_false (vp_workspace_can_undo (loaded));
  g_assert_false (vp_workspace_can_redo (loaded));

  /* Saved twice, and saved again after reading: the same bytes. */
  first = read_bytes (path);
  save (workspace, path);
  second = read_bytes (path);
  assert_bytes_equal (second, first);
  save (loaded, again);
  third = read_bytes (again);
  assert_bytes_equal (third, first);

  /* And the loaded workspace works like any other: a change, undone. */
  reloaded = load (again);
  g_clear_pointer (&expected, g_free);
  expected = dump_workspace (reloaded);
  vp_workspace_delete_actor (reloaded, "iran");
  g_assert_true (vp_workspace_get_modified (reloaded));
  g_assert_true (vp_workspace_undo (reloaded));
  g_clear_pointer (&actual, g_free);
  actual = dump_workspace (reloaded);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_false (vp_workspace_get_modified (reloaded));

  remove_dir (dir);
}

/* Text that XML must escape, or cannot hold, goes through. */
static void
test_awkward_text (void)
{
  static const char * const texts[] = {
    "  leading and trailing  ",
    "a\r\nb\rc\td\ne",
    "<b>&amp;</b> \"quoted\" 'single' ]]> &lt;",
    "Émigré naïve 日本語 ایران 👍",
    "",
  };
  g_autoptr(VpWorkspace) workspace = vp_workspace_new (NULL);
  g_autoptr(VpArticle) article = vp_article_new ("odd\nname \"with\" <chars>.txt");
  g_autoptr(VpWorkspace) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  VpArticle *copy;
  VpBlock *block;

  vp_article_set_title (article, "Iran & the “US”");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH, texts[i]));

  /* What XML 1.0 has no place for: controls and non-characters. */
  block = vp_block_new (VP_BLOCK_QUOTE, "bell\a here, and \xEF\xBF\xBF there: Iran");
  block->label = g_strdup ("");
  vp_article_take_block (article, block);
  vp_outline_extract (article);
  vp_workspace_add_article (workspace, article);
  g_assert_true (vp_workspace_tag_span (workspace, article, "saudi-arabia", G_N_ELEMENTS (texts),
                                        strlen ("bell\a here, and \xEF\xBF\xBF there: "),
                                        strlen ("bell\a here, and \xEF\xBF\xBF there: Iran"),
                                        &error));
  g_assert_no_error (error);

  bytes = vp_workspace_to_bytes (workspace);
  loaded = vp_workspace_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       "awkward.viewpoints", &error);
  g_assert_no_error (error);

  copy = vp_workspace_get_article (loaded, 0);
  g_assert_cmpstr (vp_article_get_source (copy), ==, vp_article_get_source (article));
  g_assert_cmpstr (vp_article_get_title (copy), ==, "Iran & the “US”");
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_assert_cmpstr (vp_article_get_block_text (copy, i), ==, texts[i]);

  /* Each becomes a character of its length, so the tag is still there. */
  g_assert_cmpstr (vp_article_get_block_text (copy, G_N_ELEMENTS (texts)), ==,
                   "bell  here, and \xEF\xBF\xBD there: Iran");
  g_assert_cmpstr (vp_article_get_block (copy, G_N_ELEMENTS (texts))->label, ==, "");
  g_assert_cmpuint (vp_article_get_n_annotations (copy), ==, 1);
  g_assert_cmpuint (vp_annotation_get_start (vp_article_get_annotation (copy, 0)), ==,
                    strlen ("bell\a here, and \xEF\xBF\xBF there: "));
}

/* The schema in data/ checks a saved file on its own, as xmllint would,
 * finding actors.rng next to it. */
static void
test_schema_standalone (void)
{
  g_autofree char *schema_path = g_test_build_filename (G_TEST_DIST, "..", "data",
                                                        "workspace.rng", NULL);
  g_autoptr(VpWorkspace) workspace = new_session ();
  g_autoptr(GBytes) bytes = vp_workspace_to_bytes (workspace);
  xmlRelaxNGParserCtxt *parser;
  xmlRelaxNGValidCtxt *valid;
  xmlRelaxNG *schema;
  xmlDoc *doc;

  parser = xmlRelaxNGNewParserCtxt (schema_path);
  schema = xmlRelaxNGParse (parser);
  g_assert_nonnull (schema);

  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, NULL,
                       XML_PARSE_NONET);
  g_assert_nonnull (doc);

  valid = xmlRelaxNGNewValidCtxt (schema);
  g_assert_cmpint (xmlRelaxNGValidateDoc (valid, doc), ==, 0);

  xmlRelaxNGFreeValidCtxt (valid);
  xmlFreeDoc (doc);
  xmlRelaxNGFree (schema);
  xmlRelaxNGFreeParserCtxt (parser);
}

/* Migration */

static void
test_migrate_version_0 (void)
{
  g_autofree char *path = fixture_path ("workspaces", "version-0.viewpoints");
  g_autofree char *expected_path = fixture_path ("workspaces", "version-0-migrated.viewpoints");
  g_autoptr(VpWorkspace) workspace = load (path);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(VpOutlineSection) section = NULL;
  VpArticle *article;
  VpOutlineItem *item;

  g_assert_cmpuint (vp_workspace_get_n_articles (workspace), ==, 1);
  article = vp_workspace_get_article (workspace, 0);
  g_assert_cmpstr (vp_article_get_title (article), ==, "Keep the Gulf channels open");
  g_assert_cmpint (vp_article_get_block (article, 2)->kind, ==, VP_BLOCK_ITEM);

  /* The renamed attribute made a list of three, and the reader's tag of
   * "the sultanate" and the addition to the third point hold. */
  section = g_list_model_get_item (vp_article_get_sections (article), 0);
  g_assert_cmpuint (vp_outline_section_get_n_items (section), ==, 3);
  g_assert_cmpuint (vp_article_count_mentions (article, "oman"), ==, 2);
  item = vp_outline_section_get_item (section, 2);
  g_assert_true (vp_outline_item_has_actor (item, "oman"));
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 2);

  /* Version 1 has what version 0 had, and nothing more. */
  g_assert_null (vp_workspace_get_name (workspace));
  g_assert_null (vp_workspace_get_filter (workspace)[0]);
  g_assert_false (vp_workspace_get_modified (workspace));

  bytes = vp_workspace_to_bytes (workspace);
  expected = read_bytes (expected_path);
  assert_bytes_equal (bytes, expected);
}

/* A file edited by hand: annotations whose offsets are wrong are found
 * again by their text and context, and one whose text is gone is left
 * out, with a warning. */
static void
test_reanchor (void)
{
  g_autofree char *path = fixture_path ("workspaces", "version-0-migrated.viewpoints");
  g_autoptr(GBytes) original = read_bytes (path);
  g_autofree char *moved = NULL;
  g_autofree char *gone = NULL;
  g_autoptr(VpWorkspace) workspace = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = NULL;
  VpArticle *article;
  VpAnnotation *annotation;

  moved = g_strndup (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  parts = g_strsplit (moved, "start=\"52\" end=\"61\"", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_free (moved);
  moved = g_strjoinv ("start=\"3\" end=\"12\"", parts);

  workspace = vp_workspace_new_from_data (moved, strlen (moved), "moved.viewpoints", &error);
  g_assert_no_error (error);
  article = vp_workspace_get_article (workspace, 0);
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 2);
  annotation = vp_article_get_annotation (article, 0);
  g_assert_cmpstr (vp_annotation_get_text (annotation), ==, "sultanate");
  g_assert_cmpuint (vp_annotation_get_start (annotation), ==, 52);
  g_assert_null (vp_article_get_warnings (article)[0]);
  g_clear_object (&workspace);

  g_clear_pointer (&parts, g_strfreev);
  parts = g_strsplit (moved, "<text>sultanate</text>", -1);
  gone = g_strjoinv ("<text>caliphate</text>", parts);
  workspace = vp_workspace_new_from_data (gone, strlen (gone), "gone.viewpoints", &error);
  g_assert_no_error (error);
  article = vp_workspace_get_article (workspace, 0);
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 1);
  g_assert_cmpstr (vp_article_get_warnings (article)[0], ==,
                   "1 correction of the actors could not be found in the text again and was "
                   "left out.");
}

/* Bad files */

typedef struct
{
  const char *name;
  int         code;
  const char *message;  /* part of the message after the file's name */
} BadFile;

static const BadFile bad_files[] = {
  { "not-xml.viewpoints", VP_WORKSPACE_ERROR_NOT_WORKSPACE, "it is not XML" },
  { "page.viewpoints", VP_WORKSPACE_ERROR_NOT_WORKSPACE, "this is a web page, not a Viewpoints workspace" },
  { "wrong-namespace.viewpoints", VP_WORKSPACE_ERROR_NOT_WORKSPACE, "line 2: this is not a Viewpoints workspace (the root element is <workspace> in the namespace “https://example.com/ns/notes”" },
  { "newer-version.viewpoints", VP_WORKSPACE_ERROR_VERSION, "line 2: this workspace was written by a newer version of Viewpoints (format version 2; this version reads format versions up to 1)" },
  { "newer-version-attribute.viewpoints", VP_WORKSPACE_ERROR_VERSION, "written by a newer version of Viewpoints" },
  { "schema-invalid.viewpoints", VP_WORKSPACE_ERROR_CORRUPT, "line 12: this is not a valid workspace (" },
  { "unknown-element.viewpoints", VP_WORKSPACE_ERROR_CORRUPT, "line 11: this is not a valid workspace (" },
  { "duplicate-actor.viewpoints", VP_WORKSPACE_ERROR_CORRUPT, "line 7: the actor id “iran” is used twice (first on line 4)" },
  { "bad-parent.viewpoints", VP_WORKSPACE_ERROR_CORRUPT, "line 14: block 2 names block 7 as its parent" },
  { "bad-span.viewpoints", VP_WORKSPACE_ERROR_CORRUPT, "line 17: the annotation's span (0–9) does not fit its text" },
  { "bad-link.viewpoints", VP_WORKSPACE_ERROR_CORRUPT, "line 19: the link names article 3 (counting from 0), but the workspace has only 1 article" },
  { "bad-view.viewpoints", VP_WORKSPACE_ERROR_CORRUPT, "line 19: the view names article 1 (counting from 0), but the workspace has only 1 article" },
  { "billion-laughs.viewpoints", VP_WORKSPACE_ERROR_CORRUPT, "line 2: workspaces may not have a document type declaration" },
  /* After an error in the XML declaration libxml2 parses on: its entities
   * must still not be expanded (found by fuzz-workspace-reader). */
  { "billion-laughs-bad-declaration.viewpoints", VP_WORKSPACE_ERROR_PARSE, "line 1: this is not well-formed XML" },
};

/* A workspace a bad file must leave as it was. */
static VpWorkspace *
new_bystander (void)
{
  static const char *text = "Talk to Tehran\n\nWashington should talk to Tehran.\n";
  g_autoptr(VpArticle) article = NULL;
  VpWorkspace *workspace = vp_workspace_new (NULL);

  article = vp_import_data (text, strlen (text), "talk.txt", VP_IMPORT_FORMAT_TEXT, NULL, NULL);
  vp_workspace_add_article (workspace, article);
  vp_workspace_set_modified (workspace, FALSE);

  return workspace;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Opens @path both ways: as a workspace, and added to another, which must
 * not change. */
static void
check_refused (const char *path,
               const char *source,
               int         code,
               const char *message)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VpWorkspace) workspace = NULL;
  g_autoptr(VpWorkspace) bystander = new_bystander ();
  g_autofree char *before = dump_workspace (bystander);
  g_autofree char *after = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s: ", source);
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  /* The message names the file, then says what is wrong. */
  workspace = vp_workspace_new_from_file (file, source, NULL, &error);
  g_assert_null (workspace);
  g_assert_error (error, VP_WORKSPACE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
  g_clear_error (&error);

  g_signal_connect_swapped (bystander, "changed", G_CALLBACK (count_cb), &changed);
  g_assert_false (vp_workspace_add_file (bystander, file, source, NULL, &error));
  g_assert_nonnull (error);
  after = dump_workspace (bystander);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (vp_workspace_get_modified (bystander));
  g_assert_cmpuint (changed, ==, 0);
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *path = fixture_path ("workspaces", bad->name);

  check_refused (path, bad->name, bad->code, bad->message);
}

static void
test_bad_empty (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.viewpoints", NULL);

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  check_refused (path, "empty.viewpoints", VP_WORKSPACE_ERROR_PARSE, "the file is empty");
  g_assert_true (g_file_set_contents (path, " \n\t\n", -1, NULL));
  check_refused (path, "empty.viewpoints", VP_WORKSPACE_ERROR_PARSE, "the file is empty");

  remove_dir (dir);
}

/* A file cut short anywhere, as a full disk or an unfinished copy leaves
 * it, says so. */
static void
test_bad_truncated (void)
{
  g_autoptr(VpWorkspace) workspace = new_bystander ();
  g_autoptr(GBytes) bytes = vp_workspace_to_bytes (workspace);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "cut.viewpoints", NULL);
  const char *data = g_bytes_get_data (bytes, NULL);
  gsize length = g_bytes_get_size (bytes);
  const gsize cuts[] = { 200, length / 3, length / 2, length - 200, length - 14, length - 2 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(VpWorkspace) cut = NULL;

      g_assert_true (g_file_set_contents (path, data, cuts[i], NULL));
      cut = vp_workspace_new_from_file (file, "cut.viewpoints", NULL, &error);
      g_assert_null (cut);
      g_assert_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "cut.viewpoints: line "));
      g_assert_nonnull (strstr (error->message, "the file ends too early: it was cut short"));

      check_refused (path, "cut.viewpoints", VP_WORKSPACE_ERROR_PARSE, "line ");
    }

  remove_dir (dir);
}

/* An entity naming a local file, by path or URI, never brings its content
 * anywhere: not into a workspace, not into the message. */
static void
test_bad_external_entity (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *secret = g_build_filename (dir, "secret.txt", NULL);
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *path = g_build_filename (dir, "xxe.viewpoints", NULL);
  g_autofree char *marker = g_strdup_printf ("SECRET-%08x", g_test_rand_int ());

  g_assert_true (g_file_set_contents (secret, marker, -1, NULL));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(VpWorkspace) bystander = new_bystander ();
      g_autoptr(GError) error = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *after = NULL;

      xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                             "<!DOCTYPE workspace [ <!ENTITY secret SYSTEM \"%s\"> ]>\n"
                             "<workspace xmlns=\"" VP_WORKSPACE_NAMESPACE "\" version=\"1\">\n"
                             "  <name>&secret;</name>\n"
                             "  <actors xmlns=\"" VP_ACTOR_SET_NAMESPACE "\" version=\"1\"/>\n"
                             "  <articles>\n"
                             "    <article source=\"&secret;\"><title>&secret;</title>"
                             "<body><block kind=\"paragraph\">&secret;</block></body></article>\n"
                             "  </articles>\n"
                             "</workspace>\n", i == 0 ? secret : uri);
      g_assert_true (g_file_set_contents (path, xml, -1, NULL));

      check_refused (path, "xxe.viewpoints", VP_WORKSPACE_ERROR_CORRUPT,
                     "line 2: workspaces may not have a document type declaration");

      g_assert_false (vp_workspace_add_file (bystander, file, NULL, NULL, &error));
      g_assert_null (strstr (error->message, marker));
      after = dump_workspace (bystander);
      g_assert_null (strstr (after, marker));
    }

  remove_dir (dir);
}

/* A file over the limit is refused from its size, before it is read:
 * a sparse file takes no room. */
static void
test_bad_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.viewpoints", NULL);
  gint64 start;
  int fd;

  fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 200 * 1000 * 1000), ==, 0);
  close (fd);

  start = g_get_monotonic_time ();
  check_refused (path, "huge.viewpoints", VP_WORKSPACE_ERROR_TOO_LARGE,
                 "the file is too large (over 128.0");
  /* Reading and parsing 200 MB would take far longer. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  remove_dir (dir);
}

/* A file made to be slow to open (thousands of annotations that are not
 * where their offsets say, each to be looked for in a long text) is
 * refused at once rather than opened for minutes. */
static void
test_bad_slow (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "slow.viewpoints", NULL);
  gint64 start;

  g_string_append (xml, "<workspace xmlns=\"" VP_WORKSPACE_NAMESPACE "\" version=\"1\">\n"
                        "<actors xmlns=\"" VP_ACTOR_SET_NAMESPACE "\" version=\"1\"/>\n"
                        "<articles><article><body><block kind=\"paragraph\">");
  for (guint i = 0; i < 100000; i++)
    g_string_append (xml, "Iran talks. ");
  g_string_append (xml, "</block></body><annotations>\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append (xml, "<annotation kind=\"tag\" actor=\"iran\" block=\"0\" start=\"1\" "
                          "end=\"5\"><text>Iran</text></annotation>\n");
  g_string_append (xml, "</annotations></article></articles></workspace>\n");
  g_assert_true (g_file_set_contents (path, xml->str, xml->len, NULL));

  start = g_get_monotonic_time ();
  check_refused (path, "slow.viewpoints", VP_WORKSPACE_ERROR_CORRUPT,
                 "too many corrections of the actors are not where the text has them");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  remove_dir (dir);
}

/* Saving */

static void
test_backup (void)
{
  g_autoptr(VpWorkspace) workspace = new_bystander ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kept.viewpoints", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.viewpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) backup_file = vp_file_get_backup (file);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) third = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup_name = g_file_get_path (backup_file);
  GDir *handle;
  const char *name;

  g_assert_cmpstr (backup_name, ==, backup);

  /* The first save has nothing to keep. */
  save (workspace, path);
  first = read_bytes (path);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  vp_workspace_set_name (workspace, "Second");
  save (workspace, path);
  second = read_bytes (path);
  read = read_bytes (backup);
  g_assert_true (g_bytes_equal (read, first));
  g_clear_pointer (&read, g_bytes_unref);

  vp_workspace_set_name (workspace, "Third");
  save (workspace, path);
  third = read_bytes (path);
  read = read_bytes (backup);
  g_assert_true (g_bytes_equal (read, second));
  g_clear_pointer (&read, g_bytes_unref);

  /* Autosaves keep none. */
  g_remove (backup);
  g_assert_true (vp_workspace_save_to_file_full (workspace, file, NULL,
                                                 VP_WORKSPACE_SAVE_NO_BACKUP, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* Through a symbolic link, the backup is the linked file's. */
  g_assert_cmpint (symlink ("kept.viewpoints", link_path), ==, 0);
  vp_workspace_set_name (workspace, "Fourth");
  save (workspace, link_path);
  read = read_bytes (backup);
  g_assert_true (g_bytes_equal (read, third));
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));

  /* Nothing else is left in the folder. */
  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_assert_true (g_str_equal (name, "kept.viewpoints") || g_str_equal (name, "kept.viewpoints~") ||
                   g_str_equal (name, "link.viewpoints"));
  g_dir_close (handle);

  remove_dir (dir);
}

/* A saved state, then a change, then a failed save: the file on the disk
 * is the saved one, and the workspace keeps the change. */
static void
check_save_fails (const char *dir,
                  GBytes     *old,
                  VpWorkspace *workspace,
                  int         code,
                  const char *message)
{
  g_autofree char *path = g_build_filename (dir, "work.viewpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_strdup_printf ("%s: could not be saved: %s", path, message);
  g_autofree char *before = dump_workspace (workspace);
  g_autofree char *after = NULL;

  g_assert_false (vp_workspace_save_to_file (workspace, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, expected));

  now = read_bytes (path);
  g_assert_true (g_bytes_equal (now, old));
  g_assert_true (vp_workspace_get_modified (workspace));
  after = dump_workspace (workspace);
  g_assert_cmpstr (after, ==, before);
}

/* Mounts a small file system of its own on @dir, or says why not. */
static gboolean
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);

  if (getuid () != 0)
    {
      g_test_skip ("Mounting a file system needs root");
      return FALSE;
    }

  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_autofree char *reason = g_strdup_printf ("Cannot mount a tmpfs here (%s)",
                                                 g_strerror (errno));

      g_test_skip (reason);
      return FALSE;
    }

  return TRUE;
}

static void
test_save_read_only (void)
{
  g_autoptr(VpWorkspace) workspace = new_bystander ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "work.viewpoints", NULL);
  g_autoptr(GBytes) old = NULL;

  if (getuid () == 0)
    {
      /* Root writes in any folder; a read-only file system stops it. */
      if (!mount_tmpfs (dir, "1m"))
        {
          remove_dir (dir);
          return;
        }

      save (workspace, path);
      old = read_bytes (path);
      vp_workspace_set_name (workspace, "Changed");
      g_assert_cmpint (mount (NULL, dir, NULL, MS_REMOUNT | MS_RDONLY, NULL), ==, 0);

      check_save_fails (dir, old, workspace, G_IO_ERROR_READ_ONLY,
                        "the folder “");

      g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
    }
  else
    {
      save (workspace, path);
      old = read_bytes (path);
      vp_workspace_set_name (workspace, "Changed");
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

      check_save_fails (dir, old, workspace, G_IO_ERROR_PERMISSION_DENIED,
                        "you do not have permission to write in the folder");

      g_chmod (dir, 0755);
    }

  remove_dir (dir);
}

static void
test_save_disk_full (void)
{
  g_autoptr(VpWorkspace) workspace = new_bystander ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "work.viewpoints", NULL);
  g_autofree char *filler = g_build_filename (dir, "filler", NULL);
  g_autoptr(GBytes) old = NULL;
  g_autoptr(GDir) handle = NULL;
  char block[4096] = { 0, };
  const char *name;
  int fd;

  if (!mount_tmpfs (dir, "256k"))
    {
      remove_dir (dir);
      return;
    }

  save (workspace, path);
  old = read_bytes (path);

  /* Every block of the disk taken. */
  fd = open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) >= 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);

  vp_workspace_set_name (workspace, "Changed");
  check_save_fails (dir, old, workspace, G_IO_ERROR_NO_SPACE, "the disk is full");

  /* No half-written file is left behind. */
  handle = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_assert_true (g_str_equal (name, "work.viewpoints") || g_str_equal (name, "filler"));

  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
  remove_dir (dir);
}

/* A big workspace for the crash test: the fixtures again and again, so
 * that a save takes long enough to be killed in the middle. */
static VpWorkspace *
new_large_workspace (guint copies)
{
  g_autoptr(GPtrArray) pages = import_pages ();
  VpWorkspace *workspace = vp_workspace_new (NULL);

  for (guint c = 0; c < copies; c++)
    {
      for (guint i = 0; i < pages->len; i++)
        {
          VpArticle *page = g_ptr_array_index (pages, i);
          g_autoptr(VpArticle) article = vp_article_new (vp_article_get_source (page));

          vp_article_set_title (article, vp_article_get_title (page));
          for (guint b = 0; b < vp_article_get_n_blocks (page); b++)
            vp_article_take_block (article, vp_block_copy (vp_article_get_block (page, b)));
          vp_outline_extract (article);
          vp_workspace_add_article (workspace, article);
        }
    }

  correct_articles (workspace);

  return workspace;
}

/* Whether @path holds a whole workspace of @n_articles articles. */
static void
check_whole (const char *path,
             guint       n_articles)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpWorkspace) workspace = NULL;

  workspace = vp_workspace_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vp_workspace_get_n_articles (workspace), ==, n_articles);
}

static void
test_crash_safety (void)
{
  g_autoptr(VpWorkspace) workspace = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GFile) file = NULL;
  guint n_articles;
  gint64 start;
  gint64 save_time;
  guint n_whole = 0;
  guint n_absent = 0;
  guint n_interrupted = 0;
  guint n_kills = 50;
  g_autoptr(GHashTable) leftovers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* In a process of its own, started afresh with no other thread, where
   * fork() is safe. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT |
                                       G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  workspace = new_large_workspace (g_test_slow () ? 40 : 10);
  n_articles = vp_workspace_get_n_articles (workspace);
  dir = make_temp_dir ();
  path = g_build_filename (dir, "crash.viewpoints", NULL);
  backup = g_strconcat (path, "~", NULL);
  file = g_file_new_for_path (path);

  /* How long one save takes, to kill around it. */
  start = g_get_monotonic_time ();
  g_assert_true (vp_workspace_save_to_file_full (workspace, file, NULL, VP_WORKSPACE_SAVE_NONE,
                                                 NULL));
  save_time = MAX (g_get_monotonic_time () - start, 1000);
  g_remove (path);
  g_test_message ("%u articles, one save in %.1f ms", n_articles, save_time / 1000.0);

  for (guint k = 0; k < n_kills; k++)
    {
      g_autoptr(GDir) handle = NULL;
      const char *name;
      pid_t pid;
      int status;

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          for (guint i = 0; i < 100000; i++)
            vp_workspace_save_to_file_full (workspace, file, NULL, VP_WORKSPACE_SAVE_NONE, NULL);
          _exit (0);
        }

      /* Anywhere in the first few saves: while serialising, writing,
       * flushing, linking the backup or renaming. */
      g_usleep (g_test_rand_int_range (0, 3 * save_time));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          check_whole (path, n_articles);
          n_whole++;
        }
      else
        n_absent++;

      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        check_whole (backup, n_articles);

      /* What a killed save leaves is hidden, and never the target. */
      handle = g_dir_open (dir, 0, NULL);
      while ((name = g_dir_read_name (handle)) != NULL)
        {
          g_assert_true (name[0] == '.' || g_str_equal (name, "crash.viewpoints") ||
                         g_str_equal (name, "crash.viewpoints~"));
          if (name[0] == '.' && g_hash_table_add (leftovers, g_strdup (name)))
            n_interrupted++;
        }
    }

  /* Saves were killed while writing, not only between them. */
  g_test_message ("%u kills: the file was whole %u times, not there yet %u times; %u left a "
                  "temporary file", n_kills, n_whole, n_absent, n_interrupted);
  g_assert_cmpuint (n_whole + n_absent, ==, n_kills);
  g_assert_cmpuint (n_interrupted, >, 0);
  /* Once there, it stays there. */
  g_assert_true (n_whole > 0);

  remove_dir (dir);
}

/* Async saves */

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_save_async (void)
{
  g_autoptr(VpWorkspace) workspace = new_bystander ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "async.viewpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  vp_workspace_set_name (workspace, "Async");
  expected = vp_workspace_to_bytes (workspace);
  vp_workspace_save_async (workspace, file, NULL, VP_WORKSPACE_SAVE_MARK_SAVED, NULL,
                           save_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (vp_workspace_save_finish (workspace, result, &error));
  g_assert_no_error (error);
  g_assert_false (vp_workspace_get_modified (workspace));
  written = read_bytes (path);
  g_assert_true (g_bytes_equal (written, expected));
  g_clear_object (&result);

  /* A change made while the save runs is not in the file, and still needs
   * saving. */
  vp_workspace_set_name (workspace, "Async, again");
  vp_workspace_save_async (workspace, file, NULL, VP_WORKSPACE_SAVE_MARK_SAVED, NULL,
                           save_done_cb, &result);
  vp_workspace_set_name (workspace, "Async, changed meanwhile");
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (vp_workspace_save_finish (workspace, result, &error));
  g_assert_no_error (error);
  g_assert_true (vp_workspace_get_modified (workspace));

  remove_dir (dir);
}

/* Opening any file */

static void
test_add_file (void)
{
  g_autoptr(VpWorkspace) source = new_session ();
  g_autoptr(VpWorkspace) target = new_bystander ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.xml", NULL);
  g_autofree char *page = fixture_path ("pages", "wordpress-op-ed.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) page_file = g_file_new_for_path (page);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpWorkspace) read_workspace = NULL;
  g_autoptr(VpArticle) read_article = NULL;
  guint n_source = vp_workspace_get_n_articles (source);
  VpArticle *first;
  VpArticle *merged;

  /* A workspace under another name is known by its contents. */
  save (source, path);
  g_assert_true (vp_workspace_read_any_file (file, NULL, NULL, NULL, &read_workspace,
                                             &read_article, &error));
  g_assert_no_error (error);
  g_assert_nonnull (read_workspace);
  g_assert_null (read_article);
  g_clear_object (&read_workspace);

  g_assert_true (vp_workspace_read_any_file (page_file, NULL, NULL, NULL, &read_workspace,
                                             &read_article, &error));
  g_assert_no_error (error);
  g_assert_null (read_workspace);
  g_assert_nonnull (read_article);

  /* Added to another workspace: its articles with what the reader said,
   * and the actor it made, which the other lacked. */
  g_assert_null (vp_workspace_lookup_actor (target, "gulf-states"));
  g_assert_true (vp_workspace_add_file (target, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vp_workspace_get_n_articles (target), ==, n_source + 1);
  g_assert_nonnull (vp_workspace_lookup_actor (target, "gulf-states"));
  g_assert_true (vp_workspace_get_modified (target));
  g_assert_cmpstr (vp_workspace_get_undo_label (target), ==, "Undo Add Actors");

  first = vp_workspace_get_article (source, 0);
  merged = vp_workspace_get_article (target, 1);
  g_assert_cmpstr (vp_article_get_source (merged), ==, vp_article_get_source (first));
  g_assert_cmpuint (vp_article_get_n_annotations (merged), ==,
                    vp_article_get_n_annotations (first));
  g_assert_cmpuint (vp_article_count_mentions (merged, "gulf-states"), ==,
                    vp_article_count_mentions (first, "gulf-states"));
  g_assert_cmpuint (vp_workspace_get_n_links (target), ==, 2);
  /* The name and the filter are the target's. */
  g_assert_null (vp_workspace_get_name (target));
  g_assert_null (vp_workspace_get_filter (target)[0]);

  /* And a page, as one article. */
  g_assert_true (vp_workspace_add_file (target, page_file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vp_workspace_get_n_articles (target), ==, n_source + 2);

  remove_dir (dir);
}

/* Links name articles by their column, and follow them when columns
 * move; a link to an article that goes, goes. */
static void
test_links_follow_columns (void)
{
  g_autoptr(GPtrArray) pages = import_pages ();
  g_autoptr(VpWorkspace) workspace = vp_workspace_new (NULL);
  const VpProposalRef a = { 0, 0, 1 };
  const VpProposalRef b = { 2, 1, 0 };
  VpProposalRef got_a;
  VpProposalRef got_b;
  VpLinkKind kind;

  for (guint i = 0; i < 3; i++)
    vp_workspace_add_article (workspace, g_ptr_array_index (pages, i));

  vp_workspace_set_link (workspace, &a, &b, VP_LINK_LINK);
  vp_workspace_set_link (workspace, &b, &a, VP_LINK_UNLINK);
  g_assert_cmpuint (vp_workspace_get_n_links (workspace), ==, 1);

  vp_workspace_move_article (workspace, 0, 2);
  vp_workspace_get_link (workspace, 0, &kind, &got_a, &got_b);
  g_assert_cmpint (kind, ==, VP_LINK_UNLINK);
  g_assert_cmpuint (got_a.article, ==, 2);
  g_assert_cmpuint (got_a.item, ==, 1);
  g_assert_cmpuint (got_b.article, ==, 1);
  g_assert_cmpuint (got_b.section, ==, 1);

  vp_workspace_remove_article (workspace, vp_workspace_get_article (workspace, 1));
  g_assert_cmpuint (vp_workspace_get_n_links (workspace), ==, 0);
}

static void
test_sniff (void)
{
  static const struct { const char *data; gboolean workspace; } cases[] = {
    { "<workspace xmlns=\"https://viewpoints.example.org/ns/workspace/1\" version=\"1\">", TRUE },
    { "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- saved -->\n"
      "<v:workspace xmlns:v=\"https://viewpoints.example.org/ns/workspace/7\">", TRUE },
    { "<!DOCTYPE workspace [ <!ENTITY a \"b\"> ]>"
      "<workspace xmlns=\"https://viewpoints.example.org/ns/workspace/1\">", TRUE },
    { "<workspaces xmlns=\"https://viewpoints.example.org/ns/workspace/1\">", FALSE },
    { "<workspace xmlns=\"https://example.com/\">", FALSE },
    { "<html><body>https://viewpoints.example.org/ns/workspace/1</body></html>", FALSE },
    { "The workspace https://viewpoints.example.org/ns/workspace/1", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (vp_workspace_data_is_workspace (cases[i].data, strlen (cases[i].data)), ==,
                     cases[i].workspace);
}

static void
test_outline_paths (void)
{
  static const struct { const char *path; gboolean valid; } cases[] = {
    { "0", TRUE }, { "12", TRUE }, { "r", TRUE }, { "3/0/1", TRUE }, { "r/4", TRUE },
    { "4294967295", TRUE }, { "4294967296", FALSE }, { "", FALSE }, { "01", FALSE },
    { "1/", FALSE }, { "/1", FALSE }, { "1//2", FALSE }, { "1/r", FALSE }, { "rr", FALSE },
    { "r1", FALSE }, { "-1", FALSE }, { "1 ", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].path);
      g_assert_cmpint (vp_workspace_outline_path_is_valid (cases[i].path), ==, cases[i].valid);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The crash test forks: no GIO module may have started a thread. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_setenv ("GIO_USE_VOLUME_MONITOR", "unix", TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/workspace-io/round-trip", test_round_trip);
  g_test_add_func ("/vp/workspace-io/awkward-text", test_awkward_text);
  g_test_add_func ("/vp/workspace-io/schema-standalone", test_schema_standalone);
  g_test_add_func ("/vp/workspace-io/migrate-version-0", test_migrate_version_0);
  g_test_add_func ("/vp/workspace-io/reanchor", test_reanchor);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vp/workspace-io/bad-file/%s", bad_files[i].name);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }
  g_test_add_func ("/vp/workspace-io/bad-file/empty", test_bad_empty);
  g_test_add_func ("/vp/workspace-io/bad-file/truncated", test_bad_truncated);
  g_test_add_func ("/vp/workspace-io/bad-file/external-entity", test_bad_external_entity);
  g_test_add_func ("/vp/workspace-io/bad-file/too-large", test_bad_too_large);
  g_test_add_func ("/vp/workspace-io/bad-file/slow", test_bad_slow);

  g_test_add_func ("/vp/workspace-io/save/backup", test_backup);
  g_test_add_func ("/vp/workspace-io/save/read-only", test_save_read_only);
  g_test_add_func ("/vp/workspace-io/save/disk-full", test_save_disk_full);
  g_test_add_func ("/vp/workspace-io/save/crash-safety", test_crash_safety);
  g_test_add_func ("/vp/workspace-io/save/async", test_save_async);

  g_test_add_func ("/vp/workspace-io/open/add-file", test_add_file);
  g_test_add_func ("/vp/workspace-io/open/sniff", test_sniff);
  g_test_add_func ("/vp/workspace-io/links-follow-columns", test_links_follow_columns);
  g_test_add_func ("/vp/workspace-io/outline-paths", test_outline_paths);

  return g_test_run ();
}
