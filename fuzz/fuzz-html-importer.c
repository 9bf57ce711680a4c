/* fuzz-html-importer.c: libFuzzer target for the HTML import pipeline
 *
 * Every input goes through the whole import: decoding, parsing, content
 * extraction, metadata, outline and tagging, then every exporter, so that
 * whatever the importer builds is also walked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import (data, size, VP_IMPORT_FORMAT_HTML);
  return 0;
}
