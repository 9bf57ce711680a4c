/* TEMPORARY minimal implementation: to be replaced (content helper). */
#define G_LOG_DOMAIN "vp-html-content"
#include "config.h"
#include <string.h>
#include "vp-html-private.h"
#include "vp-text.h"

xmlNode *vp_html_find_content (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
    if (vp_html_is_element (n, "body")) return n;
  return root;
}

static void walk (VpArticle *article, xmlNode *node, guint *list, guint depth)
{
  for (xmlNode *n = node->children; n; n = n->next)
    {
      if (n->type != XML_ELEMENT_NODE || depth > 200) continue;
      if (vp_html_is_element (n, "script") || vp_html_is_element (n, "style")) continue;
      if (vp_html_is_element (n, "p") || (n->name[0] == 'h' && n->name[1] >= '1' && n->name[1] <= '6' && n->name[2] == 0))
        {
          g_autofree char *t = vp_html_node_text (n);
          if (*t) { VpBlock *b = vp_block_new (n->name[0] == 'h' ? VP_BLOCK_HEADING : VP_BLOCK_PARAGRAPH, t); if (n->name[0] == 'h') b->level = n->name[1] - '0'; vp_article_take_block (article, b); }
        }
      else if (vp_html_is_element (n, "ol") || vp_html_is_element (n, "ul"))
        {
          guint id = ++*list; guint k = 0;
          for (xmlNode *li = n->children; li; li = li->next)
            if (vp_html_is_element (li, "li")) { g_autofree char *t = vp_html_node_text (li); VpBlock *b = vp_block_new (VP_BLOCK_ITEM, t); b->list = id; if (n->name[0] == 'o') b->label = g_strdup_printf ("%u", ++k); vp_article_take_block (article, b); }
        }
      else
        walk (article, n, list, depth + 1);
    }
}

void vp_html_collect_blocks (VpArticle *article, xmlNode *content)
{
  guint list = 0;
  walk (article, content, &list, 0);
}
