/* test-fixtures.c: whole imports of our fixture pages against their expected outlines
 *
 * Each tests/data/pages/NAME.expected.json describes what a careful reader
 * expects of NAME.html or NAME.txt. Only the members an expectation lists
 * are checked, so each file says exactly what it fixes:
 *
 *   title, authors, outlet, site, published, language    equal to the JSON output
 *   sections        every section, with heading, lead_in (the whole lead-in
 *                   paragraph or its last sentence), expected_count and
 *                   items (label, text, actors, children) as listed
 *   mentions        the mention count of each actor listed
 *   blocks          the body exactly (kind and text of every block)
 *   first_block     the text of the first body block
 *   in_body, not_in_body      strings that must (not) appear in the body
 *   recommendations_include   sentences that must be among the recommendations
 *   warnings, warnings_count  the warnings exactly, or their number
 *   direction       "rtl" or "ltr"
 *   error           "no-article": the import must fail with that error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "vp-error.h"
#include "vp-exporter.h"
#include "vp-importer.h"

/* A fixture reports every mismatch it finds, not only the first. */
#define fixture_fail(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

static VpActorSet *default_actors;
static VpTagger *default_tagger;

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return json_node_get_string (node);
}

static void
assert_string_member (JsonObject *expected,
                      JsonObject *actual,
                      const char *name,
                      const char *context)
{
  const char *want;
  const char *got;

  if (!json_object_has_member (expected, name))
    return;

  want = member_string (expected, name);
  got = member_string (actual, name);

  if (g_strcmp0 (want, got) != 0)
    fixture_fail ("%s: %s is “%s”, expected “%s”", context, name,
             got != NULL ? got : "(null)", want != NULL ? want : "(null)");
}

static void
assert_string_array (JsonArray  *want,
                     JsonArray  *got,
                     const char *context)
{
  guint n_want = json_array_get_length (want);
  guint n_got = json_array_get_length (got);

  for (guint i = 0; i < MAX (n_want, n_got); i++)
    {
      const char *w = i < n_want ? json_array_get_string_element (want, i) : "(none)";
      const char *g = i < n_got ? json_array_get_string_element (got, i) : "(none)";

      if (g_strcmp0 (w, g) != 0)
        fixture_fail ("%s[%u] is “%s”, expected “%s”", context, i, g, w);
    }
}

/* A lead-in may be given as its whole paragraph or as its last sentence. */
static gboolean
lead_in_matches (const char *want,
                 const char *got)
{
  if (want == NULL || got == NULL)
    return want == got;

  return g_str_equal (want, got) ||
         (g_str_has_suffix (want, got) && strlen (got) > 0) ||
         g_str_has_suffix (got, want);
}

static void assert_items (JsonArray *want, JsonArray *got, const char *context);

static void
assert_item (JsonObject *want,
             JsonObject *got,
             const char *context)
{
  assert_string_member (want, got, "label", context);
  assert_string_member (want, got, "text", context);

  if (json_object_has_member (want, "actors"))
    {
      g_autofree char *where = g_strdup_printf ("%s actors", context);

      assert_string_array (json_object_get_array_member (want, "actors"),
                           json_object_get_array_member (got, "actors"), where);
    }

  if (json_object_has_member (want, "children"))
    {
      g_autofree char *where = g_strdup_printf ("%s children", context);
      JsonArray *got_children = json_object_has_member (got, "children") ?
                                json_object_get_array_member (got, "children") : NULL;
      g_autoptr(JsonArray) empty = json_array_new ();

      assert_items (json_object_get_array_member (want, "children"),
                    got_children != NULL ? got_children : empty, where);
    }
  else if (json_object_has_member (got, "children"))
    fixture_fail ("%s has children, none expected", context);
}

static void
assert_items (JsonArray  *want,
              JsonArray  *got,
              const char *context)
{
  guint n = json_array_get_length (want);

  if (json_array_get_length (got) != n)
    {
      fixture_fail ("%s: %u items, expected %u", context, json_array_get_length (got), n);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *where = g_strdup_printf ("%s item %u", context, i + 1);

      assert_item (json_array_get_object_element (want, i),
                   json_array_get_object_element (got, i), where);
    }
}

static void
assert_sections (JsonArray  *want,
                 JsonArray  *got,
                 const char *name)
{
  guint n = json_array_get_length (want);

  if (json_array_get_length (got) != n)
    {
      fixture_fail ("%s: %u sections, expected %u", name, json_array_get_length (got), n);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *w = json_array_get_object_element (want, i);
      JsonObject *g = json_array_get_object_element (got, i);
      g_autofree char *where = g_strdup_printf ("%s section %u", name, i + 1);

      assert_string_member (w, g, "heading", where);

      if (json_object_has_member (w, "lead_in") &&
          !lead_in_matches (member_string (w, "lead_in"), member_string (g, "lead_in")))
        fixture_fail ("%s: lead-in is “%s”, expected “%s”", where,
                 member_string (g, "lead_in"), member_string (w, "lead_in"));

      if (json_object_has_member (w, "expected_count"))
        {
          JsonNode *wn = json_object_get_member (w, "expected_count");
          JsonNode *gn = json_object_get_member (g, "expected_count");
          gint64 wv = JSON_NODE_HOLDS_NULL (wn) ? -1 : json_node_get_int (wn);
          gint64 gv = JSON_NODE_HOLDS_NULL (gn) ? -1 : json_node_get_int (gn);

          if (wv != gv)
            fixture_fail ("%s: expected_count %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                     where, gv, wv);
        }

      if (json_object_has_member (w, "items"))
        assert_items (json_object_get_array_member (w, "items"),
                      json_object_get_array_member (g, "items"), where);
    }
}

static char *
body_text (JsonObject *article)
{
  JsonArray *blocks = json_object_get_array_member (article, "blocks");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *block = json_array_get_object_element (blocks, i);

      g_string_append (text, json_object_get_string_member (block, "text"));
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static void
check_fixture (gconstpointer data)
{
  const char *expected_path = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) output_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(VpArticle) article = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GBytes) output = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  JsonObject *want;
  JsonObject *got;
  const char *source_path = NULL;
  g_autofree char *html_path = NULL;
  g_autofree char *text_path = NULL;

  g_assert_true (g_str_has_suffix (expected_path, ".expected.json"));
  stem = g_strndup (expected_path, strlen (expected_path) - strlen (".expected.json"));
  name = g_path_get_basename (stem);
  html_path = g_strconcat (stem, ".html", NULL);
  text_path = g_strconcat (stem, ".txt", NULL);
  source_path = g_file_test (html_path, G_FILE_TEST_EXISTS) ? html_path : text_path;

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  want = json_node_get_object (json_parser_get_root (parser));

  source = g_file_new_for_path (source_path);
  article = vp_import_file (source, name, default_tagger, NULL, &error);

  if (json_object_has_member (want, "error"))
    {
      g_assert_cmpstr (member_string (want, "error"), ==, "no-article");
      if (!g_error_matches (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_NO_ARTICLE))
        fixture_fail ("%s: the import should fail with “no article”", name);
      else if (!g_str_has_prefix (error->message, name))
        fixture_fail ("%s: the message “%s” does not name the file", name, error->message);
      return;
    }

  if (article == NULL)
    {
      fixture_fail ("%s: %s", name, error->message);
      return;
    }

  if (json_object_has_member (want, "direction"))
    {
      const char *dir = member_string (want, "direction");

      VpTextDirection want_dir = g_str_equal (dir, "rtl") ? VP_TEXT_DIRECTION_RTL
                                                          : VP_TEXT_DIRECTION_LTR;

      if (vp_article_get_direction (article) != want_dir)
        fixture_fail ("%s: the direction is not %s", name, dir);
    }

  /* Check through the JSON export: it is what the command line prints. */
  articles = g_ptr_array_new ();
  g_ptr_array_add (articles, article);
  output = vp_export_outline (VP_EXPORT_FORMAT_JSON, articles, default_actors);
  json_parser_load_from_data (output_parser, g_bytes_get_data (output, NULL),
                              g_bytes_get_size (output), &error);
  g_assert_no_error (error);
  got = json_array_get_object_element (
          json_object_get_array_member (json_node_get_object (json_parser_get_root (output_parser)),
                                        "articles"), 0);

  assert_string_member (want, got, "title", name);
  assert_string_member (want, got, "outlet", name);
  assert_string_member (want, got, "site", name);
  assert_string_member (want, got, "published", name);
  assert_string_member (want, got, "language", name);

  if (json_object_has_member (want, "authors"))
    {
      g_autofree char *where = g_strdup_printf ("%s authors", name);

      assert_string_array (json_object_get_array_member (want, "authors"),
                           json_object_get_array_member (got, "authors"), where);
    }

  if (json_object_has_member (want, "sections"))
    assert_sections (json_object_get_array_member (want, "sections"),
                     json_object_get_array_member (got, "sections"), name);

  if (json_object_has_member (want, "mentions"))
    {
      JsonObject *wm = json_object_get_object_member (want, "mentions");
      JsonObject *gm = json_object_get_object_member (got, "mentions");
      g_autoptr(GList) ids = json_object_get_members (wm);

      for (GList *l = ids; l != NULL; l = l->next)
        {
          gint64 w = json_object_get_int_member (wm, l->data);
          gint64 g = json_object_has_member (gm, l->data) ?
                     json_object_get_int_member (gm, l->data) : -1;

          if (w != g)
            fixture_fail ("%s: %" G_GINT64_FORMAT " mentions of %s, expected %" G_GINT64_FORMAT,
                     name, g, (const char *)l->data, w);
        }
    }

  if (json_object_has_member (want, "blocks"))
    {
      JsonArray *wb = json_object_get_array_member (want, "blocks");
      JsonArray *gb = json_object_get_array_member (got, "blocks");

      if (json_array_get_length (gb) != json_array_get_length (wb))
        fixture_fail ("%s: %u blocks, expected %u", name,
                      json_array_get_length (gb), json_array_get_length (wb));
      for (guint i = 0; i < MIN (json_array_get_length (wb), json_array_get_length (gb)); i++)
        {
          JsonObject *w = json_array_get_object_element (wb, i);
          JsonObject *g = json_array_get_object_element (gb, i);

          if (g_strcmp0 (json_object_get_string_member (g, "kind"),
                         json_object_get_string_member (w, "kind")) != 0 ||
              g_strcmp0 (json_object_get_string_member (g, "text"),
                         json_object_get_string_member (w, "text")) != 0)
            fixture_fail ("%s: block %u is %s “%s”, expected %s “%s”", name, i,
                          json_object_get_string_member (g, "kind"),
                          json_object_get_string_member (g, "text"),
                          json_object_get_string_member (w, "kind"),
                          json_object_get_string_member (w, "text"));
        }
    }

  if (json_object_has_member (want, "first_block"))
    {
      JsonArray *gb = json_object_get_array_member (got, "blocks");
      const char *first = json_array_get_length (gb) > 0 ?
        json_object_get_string_member (json_array_get_object_element (gb, 0), "text") : NULL;

      if (g_strcmp0 (first, member_string (want, "first_block")) != 0)
        fixture_fail ("%s: the first block is “%s”, expected “%s”", name,
                      first, member_string (want, "first_block"));
    }

  body = body_text (got);

  if (json_object_has_member (want, "in_body"))
    {
      JsonArray *strings = json_object_get_array_member (want, "in_body");

      for (guint i = 0; i < json_array_get_length (strings); i++)
        {
          const char *s = json_array_get_string_element (strings, i);

          if (strstr (body, s) == NULL)
            fixture_fail ("%s: “%s” is missing from the body", name, s);
        }
    }

  if (json_object_has_member (want, "not_in_body"))
    {
      JsonArray *strings = json_object_get_array_member (want, "not_in_body");

      for (guint i = 0; i < json_array_get_length (strings); i++)
        {
          const char *s = json_array_get_string_element (strings, i);

          if (strstr (body, s) != NULL)
            fixture_fail ("%s: “%s” should not be in the body", name, s);
        }
    }

  if (json_object_has_member (want, "recommendations_include"))
    {
      JsonArray *wr = json_object_get_array_member (want, "recommendations_include");
      JsonArray *gr = json_object_get_array_member (got, "recommendations");

      for (guint i = 0; i < json_array_get_length (wr); i++)
        {
          const char *s = json_array_get_string_element (wr, i);
          gboolean found = FALSE;

          for (guint j = 0; j < json_array_get_length (gr) && !found; j++)
            found = g_str_equal (s, json_object_get_string_member (
                                      json_array_get_object_element (gr, j), "text"));

          if (!found)
            fixture_fail ("%s: “%s” is not among the recommendations", name, s);
        }
    }

  if (json_object_has_member (want, "warnings"))
    {
      g_autofree char *where = g_strdup_printf ("%s warnings", name);

      assert_string_array (json_object_get_array_member (want, "warnings"),
                           json_object_get_array_member (got, "warnings"), where);
    }

  if (json_object_has_member (want, "warnings_count") &&
      json_array_get_length (json_object_get_array_member (got, "warnings")) !=
      json_object_get_int_member (want, "warnings_count"))
    fixture_fail ("%s: %u warnings, expected %" G_GINT64_FORMAT, name,
                  json_array_get_length (json_object_get_array_member (got, "warnings")),
                  json_object_get_int_member (want, "warnings_count"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder = NULL;
  const char *entry;
  int status;

  g_test_init (&argc, &argv, NULL);

  folder = g_test_build_filename (G_TEST_DIST, "data", "pages", NULL);
  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (entry, ".expected.json"))
        g_ptr_array_add (names, g_strdup (entry));
    }
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 12);

  default_actors = vp_actor_set_new_default ();
  default_tagger = vp_tagger_new (default_actors);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *stem = g_strndup (file, strlen (file) - strlen (".expected.json"));
      g_autofree char *path = g_strdup_printf ("/vp/fixtures/%s", stem);

      g_test_add_data_func_full (path, g_build_filename (folder, file, NULL),
                                 check_fixture, g_free);
    }

  status = g_test_run ();

  vp_tagger_unref (default_tagger);
  g_object_unref (default_actors);

  return status;
}
