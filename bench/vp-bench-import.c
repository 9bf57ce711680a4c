/* vp-bench-import.c: the import pipeline against libxml2's bare parse
 *
 * Loads every .html file under a folder into memory, then times, in the
 * same run and over the same bytes, libxml2's bare parse (the tree, then
 * freed) and Viewpoints' full import (decoding, parse, content extraction,
 * metadata, outline and actor tagging). Prints the throughput of each, the
 * peak memory, and last the ratio of the two throughputs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-bench-import"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "vp-actor-set.h"
#include "vp-bench-common.h"
#include "vp-html-importer.h"
#include "vp-importer.h"
#include "vp-tagger.h"

static void
silence_libxml (void       *ctx,
                const char *msg,
                ...)
{
}

static double
time_bare_parse (GPtrArray *pages)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < pages->len; i++)
    {
      const VpBenchPage *page = g_ptr_array_index (pages, i);
      xmlDoc *doc;

      doc = htmlReadMemory (page->data, (int)page->length, NULL, NULL,
                            VP_HTML_PARSE_OPTIONS & ~HTML_PARSE_IGNORE_ENC);
      if (doc != NULL)
        xmlFreeDoc (doc);
    }

  return vp_bench_seconds_since (start);
}

static double
time_import (GPtrArray *pages,
             VpTagger  *tagger,
             guint     *n_failed)
{
  gint64 start = g_get_monotonic_time ();

  *n_failed = 0;

  for (guint i = 0; i < pages->len; i++)
    {
      const VpBenchPage *page = g_ptr_array_index (pages, i);
      g_autoptr(VpArticle) article = NULL;

      article = vp_import_data (page->data, page->length, page->path,
                                VP_IMPORT_FORMAT_HTML, tagger, NULL);
      if (article == NULL)
        (*n_failed)++;
    }

  return vp_bench_seconds_since (start);
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
  g_autoptr(GArray) parse_times = NULL;
  g_autoptr(GArray) import_times = NULL;
  int rounds = 5;
  gsize total = 0;
  guint n_failed = 0;
  double parse_time;
  double import_time;
  double parse_mbps;
  double import_mbps;
  struct rusage usage;
  const GOptionEntry entries[] = {
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Timed rounds of each (default 5; the median counts)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  /* The bare parse lets libxml2 guess encodings, and it reports pages
   * whose label does not fit their bytes on stderr; the figures are what
   * matter here. */
  xmlSetGenericErrorFunc (NULL, silence_libxml);

  context = g_option_context_new ("FOLDER");
  g_option_context_set_summary (context,
                                "Times Viewpoints' full import of every .html file under FOLDER\n"
                                "against libxml2's bare parse of the same bytes.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || rounds < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "usage: vp-bench-import [--rounds=N] FOLDER");
      return 2;
    }

  {
    const char * const folders[] = { argv[1], NULL };

    pages = vp_bench_load_pages (folders, VP_BENCH_HTML);
  }
  if (pages->len == 0)
    {
      g_printerr ("vp-bench-import: no .html file under %s\n", argv[1]);
      return 1;
    }

  for (guint i = 0; i < pages->len; i++)
    total += ((const VpBenchPage *)g_ptr_array_index (pages, i))->length;

  actors = vp_actor_set_new_default ();
  tagger = vp_tagger_new (actors);

  /* One untimed round of each warms caches and lazy initialisation. */
  time_bare_parse (pages);
  time_import (pages, tagger, &n_failed);

  parse_times = g_array_new (FALSE, FALSE, sizeof (double));
  import_times = g_array_new (FALSE, FALSE, sizeof (double));

  /* Alternate the two so that drifts in machine load hit both alike. */
  for (int r = 0; r < rounds; r++)
    {
      double t;

      t = time_bare_parse (pages);
      g_array_append_val (parse_times, t);
      t = time_import (pages, tagger, &n_failed);
      g_array_append_val (import_times, t);
    }

  parse_time = vp_bench_median (parse_times);
  import_time = vp_bench_median (import_times);
  parse_mbps = total / parse_time / 1e6;
  import_mbps = total / import_time / 1e6;

  getrusage (RUSAGE_SELF, &usage);

  g_print ("pages:            %u (%.1f MB), %u not imported (no article)\n",
           pages->len, total / 1e6, n_failed);
  g_print ("rounds:           %d (median shown)\n", rounds);
  g_print ("libxml2 parse:    %.3f s, %.1f MB/s\n", parse_time, parse_mbps);
  g_print ("full import:      %.3f s, %.1f MB/s\n", import_time, import_mbps);
  g_print ("peak memory:      %.1f MB resident (pages held in memory: %.1f MB)\n",
           usage.ru_maxrss / 1024.0, total / 1e6);
  g_print ("ratio (import/parse throughput): %.3f\n", import_mbps / parse_mbps);

  return 0;
}
