/* TEMPORARY minimal implementation: to be replaced (text/outline helper). */
#define G_LOG_DOMAIN "vp-outline-extractor"
#include "config.h"
#include "vp-outline-extractor.h"
void vp_outline_normalise_blocks (VpArticle *article) { }
void vp_outline_find_recommendations (VpArticle *article) { }
void vp_outline_extract (VpArticle *article)
{
  VpOutlineSection *section = NULL;
  guint list = 0;
  vp_article_clear_outline (article);
  for (guint i = 0; i < vp_article_get_n_blocks (article); i++)
    {
      const VpBlock *b = vp_article_get_block (article, i);
      if (b->kind != VP_BLOCK_ITEM || b->parent >= 0) continue;
      if (section == NULL || b->list != list) { section = vp_outline_section_new (NULL, -1, NULL, -1, -1); vp_article_append_section (article, section); g_object_unref (section); list = b->list; }
      { g_autoptr(VpOutlineItem) it = vp_outline_item_new (b->label, b->text, i); vp_outline_section_append_item (section, it); }
    }
}
