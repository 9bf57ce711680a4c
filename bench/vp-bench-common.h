/* vp-bench-common.h: what the benchmarks share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "vp-tagger.h"

G_BEGIN_DECLS

/* A file held in memory, so that timings leave the disk out. */
typedef struct
{
  char  *path;
  char  *data;
  gsize  length;
} VpBenchPage;

typedef enum
{
  VP_BENCH_HTML = 1 << 0,
  VP_BENCH_TEXT = 1 << 1,
} VpBenchKinds;

GPtrArray *vp_bench_load_pages   (const char * const *folders,
                                  VpBenchKinds        kinds);
GPtrArray *vp_bench_load_args    (int                 argc,
                                  char              **argv,
                                  const char * const *defaults,
                                  VpBenchKinds        kinds);
GPtrArray *vp_bench_import       (GPtrArray          *pages,
                                  VpTagger           *tagger,
                                  guint               n);
void       vp_bench_keep_articles (GPtrArray         *pages,
                                  VpTagger           *tagger);
double     vp_bench_seconds_since (gint64             start);
double     vp_bench_median       (GArray             *seconds);

G_END_DECLS
