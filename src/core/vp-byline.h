/* vp-byline.h: reads "By X and Y for Outlet" lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char  **authors;   /* NULL-terminated; never NULL after a successful parse */
  char   *outlet;    /* the "for Outlet" part, or NULL */
  gsize   consumed;  /* bytes of the text the byline and its separator take */
} VpByline;

gboolean vp_byline_parse (const char *text,
                          VpByline   *byline);
void     vp_byline_clear (VpByline   *byline);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VpByline, vp_byline_clear)

G_END_DECLS
