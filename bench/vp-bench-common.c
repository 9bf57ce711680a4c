/* vp-bench-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vp-bench-common.h"
#include "vp-importer.h"

static void
page_free (gpointer data)
{
  VpBenchPage *page = data;

  g_free (page->path);
  g_free (page->data);
  g_free (page);
}

static gboolean
wanted (const char   *name,
        VpBenchKinds  kinds)
{
  if ((kinds & VP_BENCH_HTML) && (g_str_has_suffix (name, ".html") || g_str_has_suffix (name, ".htm")))
    return TRUE;

  return (kinds & VP_BENCH_TEXT) && g_str_has_suffix (name, ".txt");
}

static void
collect (const char   *folder,
         VpBenchKinds  kinds,
         GPtrArray    *pages,
         guint         depth)
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
        collect (path, kinds, pages, depth + 1);
      else if (wanted (name, kinds))
        {
          VpBenchPage *page = g_new0 (VpBenchPage, 1);

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
  return g_strcmp0 ((*(const VpBenchPage * const *)a)->path,
                    (*(const VpBenchPage * const *)b)->path);
}

/**
 * vp_bench_load_pages:
 * @folders: (array zero-terminated=1): where to look, recursively
 * @kinds: which files to take
 *
 * Returns: (transfer full) (element-type VpBenchPage): the files, in memory,
 *   in the order of their paths so that every run sees the same sequence
 */
GPtrArray *
vp_bench_load_pages (const char * const *folders,
                     VpBenchKinds        kinds)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func (page_free);

  for (guint i = 0; folders[i] != NULL; i++)
    collect (folders[i], kinds, pages, 0);

  g_ptr_array_sort (pages, compare_pages);

  return pages;
}

/**
 * vp_bench_load_args:
 * @argv: a benchmark's arguments, options taken out: the folders to read
 * @defaults: (array zero-terminated=1): the folders without any
 *
 * Returns: (transfer full) (element-type VpBenchPage): as
 *   vp_bench_load_pages()
 */
GPtrArray *
vp_bench_load_args (int                 argc,
                    char              **argv,
                    const char * const *defaults,
                    VpBenchKinds        kinds)
{
  if (argc > 1)
    return vp_bench_load_pages ((const char * const *)argv + 1, kinds);

  return vp_bench_load_pages (defaults, kinds);
}

static VpArticle *
import_page (const VpBenchPage *page,
             VpTagger          *tagger)
{
  return vp_import_data (page->data, page->length, page->path,
                         vp_import_guess_format (page->path, page->data, page->length),
                         tagger, NULL);
}

/**
 * vp_bench_keep_articles:
 *
 * Drops the pages that hold no article (some fixtures exist to fail).
 */
void
vp_bench_keep_articles (GPtrArray *pages,
                        VpTagger  *tagger)
{
  for (guint i = pages->len; i > 0; i--)
    {
      g_autoptr(VpArticle) article = import_page (g_ptr_array_index (pages, i - 1), tagger);

      if (article == NULL)
        g_ptr_array_remove_index (pages, i - 1);
    }
}

/**
 * vp_bench_import:
 *
 * Imports the pages in turn, round and round, until @n articles are read;
 * pages that hold no article are left out of the turns.
 *
 * Returns: (transfer full) (element-type VpArticle): the articles; fewer
 *   than @n only when no page holds one
 */
GPtrArray *
vp_bench_import (GPtrArray *pages,
                 VpTagger  *tagger,
                 guint      n)
{
  GPtrArray *articles = g_ptr_array_new_full (n, g_object_unref);
  g_autofree gboolean *failed = g_new0 (gboolean, MAX (pages->len, 1));
  guint n_failed = 0;

  for (guint i = 0; articles->len < n && n_failed < pages->len; i = (i + 1) % pages->len)
    {
      VpArticle *article;

      if (failed[i])
        continue;

      article = import_page (g_ptr_array_index (pages, i), tagger);
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

double
vp_bench_seconds_since (gint64 start)
{
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

/**
 * vp_bench_median:
 *
 * Returns: the median of @seconds, which it sorts
 */
double
vp_bench_median (GArray *seconds)
{
  g_array_sort (seconds, compare_doubles);

  return g_array_index (seconds, double, seconds->len / 2);
}
