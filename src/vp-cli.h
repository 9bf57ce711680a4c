/* vp-cli.h: the command line's work that needs no window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of the command line (see README). */
#define VP_CLI_EXIT_OK         0
#define VP_CLI_EXIT_FILE_ERROR 1
#define VP_CLI_EXIT_USAGE      2

gboolean vp_cli_is_headless (int    argc,
                             char **argv);
int      vp_cli_run         (int    argc,
                             char **argv);

G_END_DECLS
