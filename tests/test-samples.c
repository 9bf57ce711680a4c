/* test-samples.c: the tagger against mentions found by hand in the sample
 * articles
 *
 * tests/data/samples-mentions.json lists every mention of the default
 * actors in the sample articles of data/samples, as a reader finds them,
 * and which of them the tagger misses or adds. The test checks that the
 * tagger gives exactly those; run with --figures (as
 * scripts/sample-mentions.sh does), it prints the tagger's precision and
 * recall against the reader instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "vp-importer.h"

/* The tests' source folder: G_TEST_DIST when testing, G_TEST_SRCDIR from
 * the environment when printing the figures. */
static const char *srcdir;

typedef struct
{
  guint found;     /* mentions the tagger gives */
  guint expected;  /* mentions the reader finds */
  guint correct;   /* mentions both give */
} Figures;

static JsonObject *
load_truth (JsonParser *parser)
{
  g_autofree char *path = g_build_filename (srcdir, "data", "samples-mentions.json", NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static VpArticle *
import_sample (const char *name)
{
  g_autofree char *path = g_build_filename (srcdir, "..", "data", "samples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpTagger) tagger = vp_tagger_new (actors);
  g_autoptr(GError) error = NULL;
  VpArticle *article;

  article = vp_import_file (file, name, tagger, NULL, &error);
  g_assert_no_error (error);

  return article;
}

/* The tagger's mentions in @block, as "actor:text". */
static GPtrArray *
tagger_mentions (VpArticle *article,
                 int        block)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *text = vp_article_get_block_text (article, block);
  const VpMention *mentions;
  guint n;

  mentions = vp_article_get_mentions (article, &n);
  for (guint i = 0; i < n; i++)
    {
      if (mentions[i].block != block)
        continue;

      g_ptr_array_add (found, g_strdup_printf ("%s:%.*s", mentions[i].actor,
                                               (int)(mentions[i].end - mentions[i].start),
                                               text + mentions[i].start));
    }

  return found;
}

static GPtrArray *
string_list (JsonObject *object,
             const char *member)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);
  JsonArray *array;

  if (!json_object_has_member (object, member))
    return list;

  array = json_object_get_array_member (object, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (list, g_strdup (json_array_get_string_element (array, i)));

  return list;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* A copy of @list that shares its strings. */
static GPtrArray *
borrow (GPtrArray *list)
{
  GPtrArray *copy = g_ptr_array_copy (list, NULL, NULL);

  /* A copy frees its items as the original does, unless told not to. */
  g_ptr_array_set_free_func (copy, NULL);

  return copy;
}

/* @list sorted and joined by " | ", to compare lists as multisets. */
static char *
join_sorted (GPtrArray *list)
{
  g_autoptr(GPtrArray) copy = borrow (list);

  g_ptr_array_sort (copy, compare_strings);
  g_ptr_array_add (copy, NULL);

  return g_strjoinv (" | ", (char **)copy->pdata);
}

/* How many of @found are in @expected, each counted once. */
static guint
count_common (GPtrArray *found,
              GPtrArray *expected)
{
  g_autoptr(GPtrArray) left = borrow (expected);
  guint common = 0;

  for (guint i = 0; i < found->len; i++)
    {
      guint index;

      if (g_ptr_array_find_with_equal_func (left, g_ptr_array_index (found, i), g_str_equal,
                                            &index))
        {
          g_ptr_array_remove_index (left, index);
          common++;
        }
    }

  return common;
}

static gpointer
copy_string (gconstpointer string,
             gpointer      data)
{
  return g_strdup (string);
}

static void
remove_one (GPtrArray  *list,
            const char *item)
{
  guint index;

  g_assert_true (g_ptr_array_find_with_equal_func (list, item, g_str_equal, &index));
  g_ptr_array_remove_index (list, index);
}

/* Checks one sample against the reader's list, adding up its figures. */
static void
check_sample (JsonObject *sample,
              Figures    *figures,
              gboolean    strict)
{
  const char *name = json_object_get_string_member (sample, "file");
  g_autoptr(VpArticle) article = import_sample (name);
  JsonArray *blocks = json_object_get_array_member (sample, "blocks");
  guint n_blocks = vp_article_get_n_blocks (article);
  g_autoptr(GHashTable) listed = g_hash_table_new (NULL, NULL);

  g_assert_cmpint (n_blocks, ==, json_object_get_int_member (sample, "n_blocks"));

  for (guint i = 0; i < json_array_get_length (blocks); i++)
    {
      JsonObject *entry = json_array_get_object_element (blocks, i);
      JsonNode *where = json_object_get_member (entry, "block");
      int block = JSON_NODE_HOLDS_VALUE (where) && json_node_get_value_type (where) == G_TYPE_STRING
                  ? VP_MENTION_TITLE : (int)json_node_get_int (where);
      g_autoptr(GPtrArray) truth = string_list (entry, "mentions");
      g_autoptr(GPtrArray) misses = string_list (entry, "tagger_misses");
      g_autoptr(GPtrArray) extras = string_list (entry, "tagger_extras");
      g_autoptr(GPtrArray) found = tagger_mentions (article, block);
      g_autoptr(GPtrArray) expected = g_ptr_array_copy (truth, copy_string, NULL);
      g_hash_table_add (listed, GINT_TO_POINTER (block));

      if (json_object_has_member (entry, "starts"))
        g_assert_true (g_str_has_prefix (vp_article_get_block_text (article, block),
                                         json_object_get_string_member (entry, "starts")));

      figures->found += found->len;
      figures->expected += truth->len;
      figures->correct += count_common (found, truth);

      if (!strict)
        continue;

      /* The tagger gives the reader's mentions, less its known misses,
       * plus its known extras: exactly. */
      for (guint j = 0; j < misses->len; j++)
        remove_one (expected, g_ptr_array_index (misses, j));
      for (guint j = 0; j < extras->len; j++)
        g_ptr_array_add (expected, g_strdup (g_ptr_array_index (extras, j)));

      {
        g_autofree char *found_text = join_sorted (found);
        g_autofree char *expected_text = join_sorted (expected);

        g_test_message ("%s, block %d: %s", name, block, found_text);
        g_assert_cmpstr (found_text, ==, expected_text);
      }
    }

  /* Blocks the reader found nothing in, the tagger does not either. */
  for (int block = VP_MENTION_TITLE; block < (int)n_blocks; block++)
    {
      g_autoptr(GPtrArray) found = NULL;

      if (g_hash_table_contains (listed, GINT_TO_POINTER (block)))
        continue;

      found = tagger_mentions (article, block);
      figures->found += found->len;
      if (strict)
        g_assert_cmpuint (found->len, ==, 0);
    }
}

static void
test_sample (gconstpointer data)
{
  JsonObject *sample = (JsonObject *)data;
  Figures figures = { 0, };

  check_sample (sample, &figures, TRUE);
  g_test_message ("%u mentions found by the tagger, %u by hand, %u by both",
                  figures.found, figures.expected, figures.correct);
}

static double
ratio (guint part,
       guint whole)
{
  return whole > 0 ? (double)part / whole : 1.0;
}

static void
print_figures (const char    *name,
               const Figures *figures)
{
  printf ("%-30s %6u %6u %6u   %9.3f %9.3f\n", name, figures->found, figures->expected,
          figures->correct, ratio (figures->correct, figures->found),
          ratio (figures->correct, figures->expected));
}

static int
report_figures (JsonObject *truth)
{
  JsonArray *samples = json_object_get_array_member (truth, "samples");
  Figures total = { 0, };

  printf ("%-30s %6s %6s %6s   %9s %9s\n", "sample", "tagger", "reader", "both",
          "precision", "recall");

  for (guint i = 0; i < json_array_get_length (samples); i++)
    {
      JsonObject *sample = json_array_get_object_element (samples, i);
      Figures figures = { 0, };

      check_sample (sample, &figures, FALSE);
      print_figures (json_object_get_string_member (sample, "file"), &figures);
      total.found += figures.found;
      total.expected += figures.expected;
      total.correct += figures.correct;
    }

  print_figures ("all", &total);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gboolean figures = argc > 1 && strcmp (argv[1], "--figures") == 0;
  JsonObject *truth;
  JsonArray *samples;

  /* Figures are for people: no test framework, no TAP comments. */
  if (figures)
    {
      srcdir = g_getenv ("G_TEST_SRCDIR");
      if (srcdir == NULL)
        {
          fprintf (stderr, "test-samples: set G_TEST_SRCDIR to the tests folder\n");
          return 2;
        }

      return report_figures (load_truth (parser));
    }

  g_test_init (&argc, &argv, NULL);
  srcdir = g_test_get_dir (G_TEST_DIST);
  truth = load_truth (parser);

  samples = json_object_get_array_member (truth, "samples");
  for (guint i = 0; i < json_array_get_length (samples); i++)
    {
      JsonObject *sample = json_array_get_object_element (samples, i);
      g_autofree char *path = g_strdup_printf ("/vp/samples/%s",
                                               json_object_get_string_member (sample, "file"));

      g_test_add_data_func (path, sample, test_sample);
    }

  return g_test_run ();
}
