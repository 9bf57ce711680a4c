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
#include "vp-html-importer.h"
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
collect_pages (const char  *folder,
               GPtrArray   *pages,
               guint        depth)
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
      else if (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".htm"))
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
      const Page *page = g_ptr_array_index (pages, i);
      xmlDoc *doc;

      doc = htmlReadMemory (page->data, (int)page->length, NULL, NULL,
                            VP_HTML_PARSE_OPTIONS & ~HTML_PARSE_IGNORE_ENC);
      if (doc != NULL)
        xmlFreeDoc (doc);
    }

  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
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
      const Page *page = g_ptr_array_index (pages, i);
      g_autoptr(VpArticle) article = NULL;

      article = vp_import_data (page->data, page->length, page->path,
                                VP_IMPORT_FORMAT_HTML, tagger, NULL);
      if (article == NULL)
        (*n_failed)++;
    }

  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *)a;
  double db = *(const double *)b;

  return da < db ? -1 : da > db;
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

  pages = g_ptr_array_new_with_free_func (page_free);
  collect_pages (argv[1], pages, 0);
  if (pages->len == 0)
    {
      g_printerr ("vp-bench-import: no .html file under %s\n", argv[1]);
      return 1;
    }
  g_ptr_array_sort (pages, compare_pages);

  for (guint i = 0; i < pages->len; i++)
    total += ((const Page *)g_ptr_array_index (pages, i))->length;

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

  g_array_sort (parse_times, compare_doubles);
  g_array_sort (import_times, compare_doubles);
  parse_time = g_array_index (parse_times, double, rounds / 2);
  import_time = g_array_index (import_times, double, rounds / 2);
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
