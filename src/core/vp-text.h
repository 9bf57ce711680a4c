/* vp-text.h: text helpers shared by the importers and the outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  vp_text_is_space            (gunichar     c);
gboolean  vp_text_is_invisible        (gunichar     c);
char     *vp_text_normalise           (const char  *text,
                                       gssize       length);
void      vp_text_append_normalised   (GString     *out,
                                       const char  *text,
                                       gssize       length);
void      vp_text_trim_end            (GString     *out);

G_END_DECLS
