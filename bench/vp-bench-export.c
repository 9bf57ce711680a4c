/* vp-bench-export.c: pages per second of the printed outline
 *
 * Imports every page and text under a folder (the test fixtures and the
 * samples by default), repeats them until there are 200 articles, and
 * times what an export of their comparison costs: laying the outline out
 * and paginating it, then drawing every page on a cairo PDF surface. The
 * import is not timed, and the PDF goes to a sink that only counts bytes,
 * so the disk is not timed either. Prints pages, seconds and pages per
 * second for the median of a few rounds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-bench-export"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <cairo-pdf.h>

#include "vp-actor-set.h"
#include "vp-importer.h"
#include "vp-bench-common.h"
#include "vp-outline-layout.h"
#include "vp-pdf-export.h"
#include "vp-tagger.h"

static cairo_status_t
count_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  *(guint64 *)closure += length;

  return CAIRO_STATUS_SUCCESS;
}

typedef struct
{
  double  seconds;
  guint   pages;
  guint64 bytes;
} Round;

static Round
time_export (GPtrArray  *articles,
             VpActorSet *actors,
             VpPaper     paper)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(VpOutlineLayout) layout = vp_outline_layout_new (articles, actors, "Benchmark");
  cairo_surface_t *surface;
  cairo_t *cr;
  Round round = { 0 };
  double width;
  double height;

  vp_paper_get_size (paper, &width, &height);
  vp_outline_layout_set_page_size (layout, width, height);
  round.pages = vp_outline_layout_paginate (layout);

  surface = cairo_pdf_surface_create_for_stream (count_cb, &round.bytes, width, height);
  cr = cairo_create (surface);
  for (guint page = 0; page < round.pages; page++)
    {
      vp_outline_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  /* Fonts are subset and written when the surface is finished. */
  cairo_surface_finish (surface);
  g_assert (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  round.seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  return round;
}

static int
compare_rounds (gconstpointer a,
                gconstpointer b)
{
  const Round *ra = a;
  const Round *rb = b;

  return ra->seconds < rb->seconds ? -1 : ra->seconds > rb->seconds;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpTagger) tagger = vp_tagger_new (actors);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) rounds = g_array_new (FALSE, FALSE, sizeof (Round));
  g_autofree char *paper_name = NULL;
  int n_articles = 200;
  int n_rounds = 3;
  VpPaper paper = VP_PAPER_A4;
  const Round *median;
  const GOptionEntry entries[] = {
    { "articles", 'n', 0, G_OPTION_ARG_INT, &n_articles, "Articles to export (default 200)", "N" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &n_rounds, "Timed rounds (default 3; the median counts)", "N" },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, "a4 or letter (default a4)", "SIZE" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("[FOLDER…]");
  g_option_context_set_summary (context,
                                "Times the layout and PDF rendering of the outlines of the pages and\n"
                                "texts under each FOLDER (default: the test fixtures and samples),\n"
                                "repeated to the number of articles asked for.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_articles < 1 || n_rounds < 1 ||
      (paper_name != NULL && !vp_paper_from_string (paper_name, &paper)))
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "usage: vp-bench-export [--articles=N] [--rounds=N] "
                                          "[--paper=a4|letter] [FOLDER…]");
      return 2;
    }

  {
    const char * const folders[] = { VP_BENCH_FIXTURES, VP_BENCH_SAMPLES, NULL };

    pages = vp_bench_load_args (argc, argv, folders, VP_BENCH_HTML | VP_BENCH_TEXT);
  }
  /* Pages with no article in them are fixtures for failures. */
  vp_bench_keep_articles (pages, tagger);
  found = vp_bench_import (pages, tagger, pages->len);

  if (found->len == 0)
    {
      g_printerr ("vp-bench-export: no article found\n");
      return 1;
    }

  /* The same articles again, as many times as it takes. */
  for (int i = 0; i < n_articles; i++)
    g_ptr_array_add (articles, g_object_ref (g_ptr_array_index (found, i % found->len)));

  /* A first round warms fontconfig's caches and the glyph caches, which
   * any real export after the first also finds warm. */
  time_export (articles, actors, paper);

  for (int i = 0; i < n_rounds; i++)
    {
      Round round = time_export (articles, actors, paper);

      g_array_append_val (rounds, round);
    }
  g_array_sort (rounds, compare_rounds);
  median = &g_array_index (rounds, Round, rounds->len / 2);

  printf ("articles:  %d (%u distinct)\n", n_articles, found->len);
  printf ("pages:     %u (%s)\n", median->pages, paper == VP_PAPER_LETTER ? "Letter" : "A4");
  printf ("pdf:       %.1f KiB\n", median->bytes / 1024.0);
  printf ("seconds:   %.3f (median of %d)\n", median->seconds, n_rounds);
  printf ("pages/s:   %.1f\n", median->pages / median->seconds);

  return 0;
}
