/* fuzz-common.h: what both import fuzzers do with an input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdint.h>

#include "vp-error.h"
#include "vp-exporter.h"
#include "vp-importer.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static inline void
fuzz_import (const uint8_t  *data,
             size_t          size,
             VpImportFormat  format)
{
  static VpActorSet *actors;
  static VpTagger *tagger;
  g_autoptr(VpArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  /* Built once: the fuzzer exercises imports, not the actor set. */
  if (tagger == NULL)
    {
      actors = vp_actor_set_new_default ();
      tagger = vp_tagger_new (actors);
    }

  article = vp_import_data ((const char *)data, size, "fuzz-input", format, tagger, &error);

  if (article != NULL)
    {
      g_autoptr(GPtrArray) articles = g_ptr_array_new ();

      g_ptr_array_add (articles, article);
      for (VpExportFormat f = VP_EXPORT_FORMAT_TEXT; f <= VP_EXPORT_FORMAT_CSV; f++)
        g_bytes_unref (vp_export_outline (f, articles, actors));
    }
  else
    g_assert (error != NULL && error->domain == VP_IMPORT_ERROR);
}
