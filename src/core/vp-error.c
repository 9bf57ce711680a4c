/* vp-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-error"

#include "config.h"

#include "vp-error.h"

G_DEFINE_QUARK (vp-import-error-quark, vp_import_error)
G_DEFINE_QUARK (vp-actors-error-quark, vp_actors_error)
G_DEFINE_QUARK (vp-workspace-error-quark, vp_workspace_error)
