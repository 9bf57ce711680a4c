/* vp-bench-workspace.c: saving and opening a workspace of 1,000 articles
 *
 * Reads every web page under the folders given (the test fixtures and the
 * samples by default) into memory and repeats them until there are 1,000
 * articles. Times, in the same run, importing them all from their HTML
 * (decoding, parsing, content extraction, outline, tagging), then saving
 * the workspace they make, with a reader's corrections on every article,
 * and opening it again. A workspace is opened from its own blocks, so its
 * load should cost a fraction of the import it replaces.
 *
 * Prints the median of a few rounds of each: the import, the save and the
 * load, from memory (serialising and parsing alone) and through the file
 * system (the atomic save with its flush and backup; the load reading the
 * file), in seconds and MB/s of the workspace file, and the load time
 * relative to the import's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-bench-workspace"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "vp-actor-set.h"
#include "vp-bench-common.h"
#include "vp-importer.h"
#include "vp-tagger.h"
#include "vp-workspace-io.h"

/* The first word of four letters or more of @text. */
static gboolean
find_word (const char *text,
           guint      *start,
           guint      *end)
{
  for (const char *p = text; *p != '\0';)
    {
      const char *q = p;

      while (g_ascii_isalpha (*q))
        q++;
      if (q - p >= 4)
        {
          *start = p - text;
          *end = q - text;
          return TRUE;
        }
      p = *q != '\0' ? q + 1 : q;
    }

  return FALSE;
}

/* What a reader does to each article: a tag, a rejection, an actor added
 * to a proposal, so that the file has annotations to write and to find
 * again. */
static guint
correct (VpWorkspace *workspace)
{
  guint n = vp_workspace_get_n_articles (workspace);
  guint n_annotations = 0;

  for (guint i = 0; i < n; i++)
    {
      VpArticle *article = vp_workspace_get_article (workspace, i);
      GListModel *sections = vp_article_get_sections (article);
      const VpMention *mentions;
      guint n_mentions;
      guint start;
      guint end;

      for (guint b = 0; b < vp_article_get_n_blocks (article); b++)
        {
          if (find_word (vp_article_get_block_text (article, b), &start, &end))
            {
              vp_workspace_tag_span (workspace, article, "saudi-arabia", b, start, end, NULL);
              break;
            }
        }

      mentions = vp_article_get_automatic_mentions (article, &n_mentions);
      if (n_mentions > 0)
        vp_workspace_reject_mention (workspace, article, mentions[0].actor, mentions[0].block,
                                     mentions[0].start, mentions[0].end);

      if (g_list_model_get_n_items (sections) > 0)
        {
          g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, 0);

          if (vp_outline_section_get_n_items (section) > 0)
            vp_workspace_add_item_actor (workspace, article,
                                         vp_outline_section_get_item (section, 0), "iraq");
        }

      n_annotations += vp_article_get_n_annotations (article);
    }

  return n_annotations;
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
  g_autoptr(VpWorkspace) workspace = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) import_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) serialise_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) parse_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  gsize html_bytes = 0;
  gsize size;
  guint n_annotations;
  int n_articles = 1000;
  int rounds = 3;
  double import_time;
  double serialise_time;
  double parse_time;
  double save_time;
  double load_time;
  struct rusage usage;
  const GOptionEntry entries[] = {
    { "articles", 'n', 0, G_OPTION_ARG_INT, &n_articles, "Articles in the workspace (default 1000)", "N" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds, "Timed rounds of each (default 3; the median counts)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("[FOLDER…]");
  g_option_context_set_summary (context,
                                "Times saving and opening a workspace of the web pages under the\n"
                                "FOLDERs (the test fixtures and the samples by default), against\n"
                                "importing the same articles from their HTML.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_articles < 1 || rounds < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "usage: vp-bench-workspace [--articles=N] [--rounds=N] [FOLDER…]");
      return 2;
    }

  actors = vp_actor_set_new_default ();
  tagger = vp_tagger_new (actors);
  {
    const char * const folders[] = { VP_BENCH_FIXTURES, VP_BENCH_SAMPLES, NULL };

    pages = vp_bench_load_args (argc, argv, folders, VP_BENCH_HTML);
  }
  /* Some fixtures are made to fail; the workspace holds articles. */
  vp_bench_keep_articles (pages, tagger);

  if (pages->len == 0)
    {
      g_printerr ("vp-bench-workspace: no web page with an article in it\n");
      return 1;
    }

  for (int i = 0; i < n_articles; i++)
    html_bytes += ((const VpBenchPage *)g_ptr_array_index (pages, i % pages->len))->length;

  dir = g_dir_make_tmp ("vp-bench-workspace-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("vp-bench-workspace: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "bench.viewpoints", NULL);
  backup = g_strconcat (path, "~", NULL);
  file = g_file_new_for_path (path);

  /* The workspace the reader saves: every article, corrected. */
  {
    g_autoptr(GPtrArray) articles = NULL;

    articles = vp_bench_import (pages, tagger, n_articles);
    workspace = vp_workspace_new (actors);
    for (guint i = 0; i < articles->len; i++)
      vp_workspace_add_article (workspace, g_ptr_array_index (articles, i));
    n_annotations = correct (workspace);
  }

  bytes = vp_workspace_to_bytes (workspace);
  size = g_bytes_get_size (bytes);

  /* Alternate the kinds of work so that drifts in machine load hit all
   * alike. */
  for (int r = 0; r < rounds; r++)
    {
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(VpWorkspace) parsed = NULL;
      g_autoptr(VpWorkspace) loaded = NULL;
      gint64 start;
      double t;

      start = g_get_monotonic_time ();
      articles = vp_bench_import (pages, tagger, n_articles);
      t = vp_bench_seconds_since (start);
      g_array_append_val (import_times, t);
      g_clear_pointer (&articles, g_ptr_array_unref);

      start = g_get_monotonic_time ();
      again = vp_workspace_to_bytes (workspace);
      t = vp_bench_seconds_since (start);
      g_array_append_val (serialise_times, t);

      start = g_get_monotonic_time ();
      parsed = vp_workspace_new_from_data (g_bytes_get_data (again, NULL), size, "bench",
                                           &error);
      t = vp_bench_seconds_since (start);
      g_array_append_val (parse_times, t);
      if (parsed == NULL || vp_workspace_get_n_articles (parsed) != (guint)n_articles)
        {
          g_printerr ("vp-bench-workspace: %s\n", error != NULL ? error->message : "articles lost");
          return 1;
        }
      g_clear_object (&parsed);

      start = g_get_monotonic_time ();
      if (!vp_workspace_save_to_file (workspace, file, NULL, &error))
        {
          g_printerr ("vp-bench-workspace: %s\n", error->message);
          return 1;
        }
      t = vp_bench_seconds_since (start);
      g_array_append_val (save_times, t);

      start = g_get_monotonic_time ();
      loaded = vp_workspace_new_from_file (file, NULL, NULL, &error);
      t = vp_bench_seconds_since (start);
      g_array_append_val (load_times, t);
      if (loaded == NULL)
        {
          g_printerr ("vp-bench-workspace: %s\n", error->message);
          return 1;
        }
    }

  import_time = vp_bench_median (import_times);
  serialise_time = vp_bench_median (serialise_times);
  parse_time = vp_bench_median (parse_times);
  save_time = vp_bench_median (save_times);
  load_time = vp_bench_median (load_times);

  getrusage (RUSAGE_SELF, &usage);

  g_print ("articles:          %d, from %u web pages (%.1f MB of HTML)\n",
           n_articles, pages->len, html_bytes / 1e6);
  g_print ("workspace file:    %.1f MB, %u annotations\n", size / 1e6, n_annotations);
  g_print ("rounds:            %d (median shown)\n", rounds);
  g_print ("import from HTML:  %.3f s, %.1f articles/s\n", import_time, n_articles / import_time);
  g_print ("save (memory):     %.3f s, %.1f MB/s\n", serialise_time, size / serialise_time / 1e6);
  g_print ("save (file):       %.3f s, %.1f MB/s (atomic, flushed, with backup)\n",
           save_time, size / save_time / 1e6);
  g_print ("load (memory):     %.3f s, %.1f MB/s\n", parse_time, size / parse_time / 1e6);
  g_print ("load (file):       %.3f s, %.1f MB/s\n", load_time, size / load_time / 1e6);
  g_print ("peak memory:       %.1f MB resident\n", usage.ru_maxrss / 1024.0);
  g_print ("ratio (load/import time): %.3f\n", load_time / import_time);

  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);

  return 0;
}
