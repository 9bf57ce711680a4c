/* TEMPORARY minimal implementation: to be replaced (actors helper). */
#define G_LOG_DOMAIN "vp-tagger"
#include "config.h"
#include <string.h>
#include "vp-tagger.h"

struct _VpTagger { gatomicrefcount ref; VpActorSet *actors; };
VpTagger *vp_tagger_new (VpActorSet *actors) { VpTagger *t = g_new0 (VpTagger, 1); g_atomic_ref_count_init (&t->ref); t->actors = g_object_ref (actors); return t; }
VpTagger *vp_tagger_ref (VpTagger *t) { g_atomic_ref_count_inc (&t->ref); return t; }
void vp_tagger_unref (VpTagger *t) { if (g_atomic_ref_count_dec (&t->ref)) { g_object_unref (t->actors); g_free (t); } }
void vp_tagger_scan (VpTagger *t, const char *text, int block, GArray *mentions)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (t->actors));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpActor) a = g_list_model_get_item (G_LIST_MODEL (t->actors), i);
      for (guint j = 0; j < vp_actor_get_n_aliases (a); j++)
        {
          const char *alias = vp_actor_get_alias (a, j, NULL);
          for (const char *p = strstr (text, alias); p != NULL; p = strstr (p + 1, alias))
            {
              VpMention m = { vp_actor_get_id (a), block, p - text, p - text + strlen (alias) };
              g_array_append_val (mentions, m);
            }
        }
    }
}
void vp_tagger_tag_article (VpTagger *t, VpArticle *article)
{
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));
  if (vp_article_get_title (article)) vp_tagger_scan (t, vp_article_get_title (article), VP_MENTION_TITLE, mentions);
  for (guint i = 0; i < vp_article_get_n_blocks (article); i++) vp_tagger_scan (t, vp_article_get_block (article, i)->text, i, mentions);
  vp_article_set_mentions (article, mentions);
}
