/* vp-mnemonic.h: text for menu labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *vp_escape_mnemonic (const char *text);

G_END_DECLS
