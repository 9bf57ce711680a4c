/* TEMPORARY minimal implementation: to be replaced (metadata helper). */
#define G_LOG_DOMAIN "vp-html-metadata"
#include "config.h"
#include "vp-html-private.h"

static xmlNode *find (xmlNode *node, const char *name, guint depth)
{
  for (xmlNode *n = node; n && depth < 200; n = n->next)
    {
      xmlNode *r;
      if (vp_html_is_element (n, name)) return n;
      if ((r = find (n->children, name, depth + 1))) return r;
    }
  return NULL;
}

void vp_html_read_metadata (VpArticle *article, xmlDoc *doc, xmlNode *content)
{
  xmlNode *title = find (xmlDocGetRootElement (doc), "title", 0);
  if (title) { g_autofree char *t = vp_html_node_text (title); vp_article_set_title (article, t); }
}
