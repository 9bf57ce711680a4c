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
#include "vp-bench-common.h"
#include "vp-comparison.h"
#include "vp-importer.h"
#include "vp-tagger.h"

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

  {
    const char * const folders[] = {
      VP_SOURCE_ROOT "/data/samples", VP_SOURCE_ROOT "/tests/data/pages",
      VP_SOURCE_ROOT "/tests/data/compare", NULL
    };

    pages = vp_bench_load_args (argc, argv, folders, VP_BENCH_HTML | VP_BENCH_TEXT);
  }
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
      articles = vp_bench_import (pages, tagger, n_articles);
      t = vp_bench_seconds_since (start);
      g_array_append_val (import_times, t);
      n_read = articles->len;

      /* Reading the articles: the matrix, the words and their weights. */
      start = g_get_monotonic_time ();
      comparison = vp_comparison_new (articles, actors);
      t = vp_bench_seconds_since (start);
      g_array_append_val (build_times, t);

      /* Pairing and grouping the proposals. */
      start = g_get_monotonic_time ();
      n_groups = vp_comparison_get_n_groups (comparison);
      t = vp_bench_seconds_since (start);
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

  import_time = vp_bench_median (import_times);
  build_time = vp_bench_median (build_times);
  group_time = vp_bench_median (group_times);
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
