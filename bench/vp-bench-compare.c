/* vp-bench-compare.c: grouping the proposals of many articles, against their import
 *
 * Loads the pages and texts (.html, .htm, .txt) under the folders given
 * (by default the samples, tests/data/pages and tests/data/compare of the
 * source tree), then, in each round, imports them over and over until it
 * has the number of articles asked for (1,000 by default) and compares
 * those: the matrix, the vectors and the groups of matching proposals at
 * the default threshold. Prints the time of each step (the median of the
 * rounds) and the ratio of comparing to importing.
 *
 * Repeating a few dozen pages is a hard case for the comparison: every
 * proposal has identical copies in dozens of articles, so the lists of
 * its rare words, which short-cut the pairing, are as long as they get.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-bench-compare"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "vp-actor-set.h"
#include "vp-comparison.h"
#include "vp-importer.h"
#include "vp-tagger.h"

typedef struct
{
  char  *path;
  char  *data;
  gsize  length;
} Page;

static void
page_free (gpointer data)
{
  Page *page = data;

  g_free (page->path);
  g_free (page->data);
  g_free (page);
}

static void
collect_pages (const char *folder,
               GPtrArray  *pages,
               guint       depth)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Symbolic link loops end here. */
  if (depth > 32)
    return;

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_pages (path, pages, depth + 1);
      else if (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".htm") ||
               g_str_has_suffix (name, ".txt"))
        {
          Page *page = g_new0 (Page, 1);

          if (!g_file_get_contents (path, &page->data, &page->length, NULL))
            {
              page_free (page);
              continue;
            }
          page->path = g_steal_pointer (&path);
          g_ptr_array_add (pages, page);
        }
    }
}

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  const Page *pa = *(const Page * const *)a;
  const Page *pb = *(const Page * const *)b;

  return g_strcmp0 (pa->path, pb->path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return da < db ? -1 : da > db;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

/* Imports the pages in turn, over and over, until @n articles are read.
 * Pages that hold no article are left out of the turns. */
static GPtrArray *
import_articles (GPtrArray *pages,
                 VpTagger  *tagger,
                 guint      n)
{
  GPtrArray *articles = g_ptr_array_new_full (n, g_object_unref);
  g_autofree gboolean *failed = g_new0 (gboolean, pages->len);
  guint n_failed = 0;

  for (guint i = 0; articles->len < n && n_failed < pages->len; i = (i + 1) % pages->len)
    {
      const Page *page = g_ptr_array_index (pages, i);
      VpArticle *article;

      if (failed[i])
        continue;

      article = vp_import_data (page->data, page->length, page->path,
                                vp_import_guess_format (page->path, page->data, page->length),
                                tagger, NULL);
      if (article == NULL)
        {
          failed[i] = TRUE;
          n_failed++;
          continue;
        }
      g_ptr_array_add (articles, article);
    }

  return articles;
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(VpActorSet) actors = NULL;
  g_autoptr(VpTagger) tagger = NULL;
  g_autoptr(GArray) import_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) build_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) group_times = g_array_new (FALSE, FALSE, sizeof (double));
  int n_articles = 1000;
  int rounds = 3;
  guint n_read = 0;
  guint n_proposals = 0;
  guint n_groups = 0;
  guint n_grouped = 0;
  double import_time;
  double build_time;
  double group_time;
  struct rusage usage;
  const GOptionEntry entries[] = {
    { "articles", 'n', 0, G_OPTION_ARG_INT, &n_articles, "Articles to import and compare (default 1000)", "N" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Timed rounds (default 3; the median counts)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("[FOLDER…]");
  g_option_context_set_summary (context,
                                "Times the grouping of the proposals of N articles, made by importing\n"
                                "the pages and texts under the FOLDERs over and over, against their import.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_articles < 1 || rounds < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "usage: vp-bench-compare [--articles=N] [--rounds=N] [FOLDER…]");
      return 2;
    }

  pages = g_ptr_array_new_with_free_func (page_free);
  if (argc > 1)
    {
      for (int i = 1; i < argc; i++)
        collect_pages (argv[i], pages, 0);
    }
  else
    {
      static const char * const folders[] = { "data/samples", "tests/data/pages", "tests/data/compare" };

      for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
        {
          g_autofree char *folder = g_build_filename (VP_SOURCE_ROOT, folders[i], NULL);

          collect_pages (folder, pages, 0);
        }
    }
  g_ptr_array_sort (pages, compare_pages);
  if (pages->len == 0)
    {
      g_printerr ("vp-bench-compare: no page or text to read\n");
      return 1;
    }

  actors = vp_actor_set_new_default ();
  tagger = vp_tagger_new (actors);

  for (int r = 0; r < rounds; r++)
    {
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(VpComparison) comparison = NULL;
      gint64 start;
      double t;

      start = g_get_monotonic_time ();
      articles = import_articles (pages, tagger, n_articles);
      t = seconds_since (start);
      g_array_append_val (import_times, t);
      n_read = articles->len;

      /* Reading the articles: the matrix, the words and their weights. */
      start = g_get_monotonic_time ();
      comparison = vp_comparison_new (articles, actors);
      t = seconds_since (start);
      g_array_append_val (build_times, t);

      /* Pairing and grouping the proposals. */
      start = g_get_monotonic_time ();
      n_groups = vp_comparison_get_n_groups (comparison);
      t = seconds_since (start);
      g_array_append_val (group_times, t);

      n_proposals = vp_comparison_get_n_proposals (comparison);
      n_grouped = 0;
      for (guint g = 0; g < n_groups; g++)
        {
          guint n_members;

          vp_comparison_get_group (comparison, g, &n_members);
          n_grouped += n_members;
        }
    }

  import_time = median (import_times);
  build_time = median (build_times);
  group_time = median (group_times);
  getrusage (RUSAGE_SELF, &usage);

  if ((int)n_read < n_articles)
    g_print ("note:             only %u articles could be read\n", n_read);
  g_print ("pages:            %u distinct, repeated into %u articles\n", pages->len, n_read);
  g_print ("proposals:        %u, %u of them in %u groups (threshold %.2f)\n",
           n_proposals, n_grouped, n_groups, VP_COMPARISON_DEFAULT_THRESHOLD);
  g_print ("rounds:           %d (median shown)\n", rounds);
  g_print ("import:           %.3f s\n", import_time);
  g_print ("compare:          %.3f s (reading %.3f s, grouping %.3f s)\n",
           build_time + group_time, build_time, group_time);
  g_print ("peak memory:      %.1f MB resident\n", usage.ru_maxrss / 1024.0);
  g_print ("ratio (compare/import time): %.3f\n", (build_time + group_time) / import_time);

  return 0;
}
