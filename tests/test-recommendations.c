/* test-recommendations.c: the recommendations found in our articles' prose, exactly
 *
 * tests/data/recommendations/expected.txt lists, for the sample op-eds and
 * the fixture articles, the sentences a careful reader takes for advice,
 * each marked with what the detector makes of it today. This test fixes
 * the detector's output on every article (the "=" and "x" lines, in
 * order), so that a change in what it finds shows up here, and
 * scripts/eval-recommendations.py scores it against the truth (the "="
 * and "!" lines).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vp-importer.h"

typedef struct
{
  char      *path;     /* from the top of the source tree */
  GPtrArray *found;    /* what the detector should find today: "=" and "x" */
  GPtrArray *truth;    /* the recommendations: "=" and "!" */
} Expectation;

static void
expectation_free (gpointer data)
{
  Expectation *expectation = data;

  g_free (expectation->path);
  g_ptr_array_unref (expectation->found);
  g_ptr_array_unref (expectation->truth);
  g_free (expectation);
}

static GPtrArray *
load_expectations (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "recommendations",
                                                 "expected.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *expectations = g_ptr_array_new_with_free_func (expectation_free);
  Expectation *current = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize len = strlen (line);

      if (len == 0 || line[0] == '#')
        continue;

      if (line[0] == '[')
        {
          g_assert_true (len > 2 && line[len - 1] == ']');
          current = g_new0 (Expectation, 1);
          current->path = g_strndup (line + 1, len - 2);
          current->found = g_ptr_array_new_with_free_func (g_free);
          current->truth = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (expectations, current);
          continue;
        }

      /* A mark, a space, the sentence. */
      g_assert_nonnull (current);
      g_assert_true (len > 2 && line[1] == ' ');
      switch (line[0])
        {
        case '=':
          g_ptr_array_add (current->found, g_strdup (line + 2));
          g_ptr_array_add (current->truth, g_strdup (line + 2));
          break;

        case '!':
          g_ptr_array_add (current->truth, g_strdup (line + 2));
          break;

        case 'x':
          g_ptr_array_add (current->found, g_strdup (line + 2));
          break;

        default:
          g_error ("expected.txt:%u: unknown mark “%c”", i + 1, line[0]);
        }
    }

  return expectations;
}

static GPtrArray *
find_recommendations (const char *path)
{
  g_autofree char *filename = g_test_build_filename (G_TEST_DIST, "..", path, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpTagger) tagger = vp_tagger_new (actors);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = NULL;
  GListModel *recommendations;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  article = vp_import_file (file, path, tagger, NULL, &error);
  g_assert_no_error (error);

  recommendations = vp_article_get_recommendations (article);
  for (guint i = 0; i < g_list_model_get_n_items (recommendations); i++)
    {
      g_autoptr(VpOutlineItem) item = g_list_model_get_item (recommendations, i);

      g_ptr_array_add (texts, g_strdup (vp_outline_item_get_text (item)));
    }

  return texts;
}

static void
test_expected (gconstpointer data)
{
  const Expectation *expectation = data;
  g_autoptr(GPtrArray) found = find_recommendations (expectation->path);

  for (guint i = 0; i < MAX (found->len, expectation->found->len); i++)
    {
      const char *want = i < expectation->found->len ? g_ptr_array_index (expectation->found, i) : NULL;
      const char *got = i < found->len ? g_ptr_array_index (found, i) : NULL;

      if (g_strcmp0 (want, got) != 0)
        {
          g_test_message ("%s: recommendation %u is “%s”, expected “%s”", expectation->path, i + 1,
                          got != NULL ? got : "(none)", want != NULL ? want : "(none)");
          g_test_fail ();
        }
    }
}

/* The list itself: every article has a section, and the truth of each
 * sentence is consistent (nothing both expected and not). */
static void
test_list (gconstpointer data)
{
  GPtrArray *expectations = (GPtrArray *)data;
  guint n_truth = 0;

  g_assert_cmpuint (expectations->len, >=, 10);

  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *expectation = g_ptr_array_index (expectations, i);

      for (guint j = i + 1; j < expectations->len; j++)
        g_assert_cmpstr (expectation->path, !=,
                         ((Expectation *)g_ptr_array_index (expectations, j))->path);
      n_truth += expectation->truth->len;
    }

  g_assert_cmpuint (n_truth, >=, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) expectations = NULL;

  g_test_init (&argc, &argv, NULL);

  expectations = load_expectations ();

  g_test_add_data_func ("/vp/recommendations/list", expectations, test_list);
  for (guint i = 0; i < expectations->len; i++)
    {
      Expectation *expectation = g_ptr_array_index (expectations, i);
      g_autofree char *base = g_path_get_basename (expectation->path);
      g_autofree char *test_path = g_strdup_printf ("/vp/recommendations/%s", base);

      g_test_add_data_func (test_path, expectation, test_expected);
    }

  return g_test_run ();
}
