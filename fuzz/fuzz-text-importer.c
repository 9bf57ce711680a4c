/* fuzz-text-importer.c: libFuzzer target for the plain-text import pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_import (data, size, VP_IMPORT_FORMAT_TEXT);
  return 0;
}
