/* TEMPORARY minimal implementation: to be replaced (text/outline helper). */
#define G_LOG_DOMAIN "vp-byline"
#include "config.h"
#include "vp-byline.h"
gboolean vp_byline_parse (const char *text, VpByline *byline) { return FALSE; }
void vp_byline_clear (VpByline *b) { g_clear_pointer (&b->authors, g_strfreev); g_clear_pointer (&b->outlet, g_free); }
