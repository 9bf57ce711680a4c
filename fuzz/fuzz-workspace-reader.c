/* fuzz-workspace-reader.c: libFuzzer target for opening workspace files
 *
 * Every input is opened as a workspace file. One that opens must save
 * and open again to the same workspace: saving it twice over gives the
 * same bytes. One that does not must say why in the workspace's terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "vp-error.h"
#include "vp-workspace-io.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VpWorkspace) workspace = NULL;
  g_autoptr(VpWorkspace) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  workspace = vp_workspace_new_from_data ((const char *)data, size, "fuzz-input", &error);
  if (workspace == NULL)
    {
      g_assert (error != NULL && error->domain == VP_WORKSPACE_ERROR);
      return 0;
    }

  first = vp_workspace_to_bytes (workspace);
  again = vp_workspace_new_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                      "fuzz-output", &error);
  g_assert_no_error (error);
  second = vp_workspace_to_bytes (again);
  g_assert (g_bytes_equal (first, second));

  return 0;
}
