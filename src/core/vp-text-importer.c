/* TEMPORARY minimal implementation: to be replaced (text/outline helper). */
#define G_LOG_DOMAIN "vp-text-importer"
#include "config.h"
#include "vp-text-importer.h"
#include "vp-encoding.h"
#include "vp-text.h"
VpArticle *vp_text_import (const char *data, gsize length, const char *source, GError **error)
{
  g_autofree char *utf8 = vp_encoding_to_utf8 (data, length, NULL, NULL, error);
  g_auto(GStrv) paras = NULL;
  VpArticle *article;
  if (utf8 == NULL) return NULL;
  article = vp_article_new (source);
  paras = g_strsplit (utf8, "\n\n", -1);
  for (guint i = 0; paras[i]; i++) { g_autofree char *t = vp_text_normalise (paras[i], -1); if (*t) vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH, t)); }
  return article;
}
