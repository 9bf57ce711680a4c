/* TEMPORARY minimal implementation: to be replaced (actors helper). */
#define G_LOG_DOMAIN "vp-actor-set"
#include "config.h"
#include "vp-actor-set.h"
#include "vp-error.h"

struct _VpActorSet { GObject parent_instance; GListStore *store; };
static void list_model_iface_init (GListModelInterface *iface);
G_DEFINE_FINAL_TYPE_WITH_CODE (VpActorSet, vp_actor_set, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))
static GType get_item_type (GListModel *m) { return VP_TYPE_ACTOR; }
static guint get_n_items (GListModel *m) { return g_list_model_get_n_items (G_LIST_MODEL (VP_ACTOR_SET (m)->store)); }
static gpointer get_item (GListModel *m, guint i) { return g_list_model_get_item (G_LIST_MODEL (VP_ACTOR_SET (m)->store), i); }
static void list_model_iface_init (GListModelInterface *iface) { iface->get_item_type = get_item_type; iface->get_n_items = get_n_items; iface->get_item = get_item; }
static void vp_actor_set_finalize (GObject *o) { g_object_unref (VP_ACTOR_SET (o)->store); G_OBJECT_CLASS (vp_actor_set_parent_class)->finalize (o); }
static void vp_actor_set_class_init (VpActorSetClass *k) { G_OBJECT_CLASS (k)->finalize = vp_actor_set_finalize; }
static void vp_actor_set_init (VpActorSet *s) { s->store = g_list_store_new (VP_TYPE_ACTOR); }
VpActorSet *vp_actor_set_new (void) { return g_object_new (VP_TYPE_ACTOR_SET, NULL); }
VpActorSet *vp_actor_set_new_default (void)
{
  VpActorSet *s = vp_actor_set_new ();
  VpActor *a;
  a = vp_actor_new ("us", "United States"); vp_actor_add_alias (a, "US", TRUE); vp_actor_add_alias (a, "United States", FALSE); vp_actor_add_alias (a, "American", FALSE); vp_actor_add_alias (a, "Washington", FALSE); vp_actor_set_add (s, a); g_object_unref (a);
  a = vp_actor_new ("iran", "Iran"); vp_actor_add_alias (a, "Iran", FALSE); vp_actor_add_alias (a, "Iranian", FALSE); vp_actor_add_alias (a, "Tehran", FALSE); vp_actor_set_add (s, a); g_object_unref (a);
  a = vp_actor_new ("saudi-arabia", "Saudi Arabia"); vp_actor_add_alias (a, "Saudi Arabia", FALSE); vp_actor_add_alias (a, "Saudi", FALSE); vp_actor_set_add (s, a); g_object_unref (a);
  return s;
}
VpActorSet *vp_actor_set_new_from_file (GFile *f, GError **e) { g_set_error (e, VP_ACTORS_ERROR, VP_ACTORS_ERROR_INVALID, "not yet"); return NULL; }
VpActorSet *vp_actor_set_new_from_data (const char *d, gsize l, const char *src, GError **e) { g_set_error (e, VP_ACTORS_ERROR, VP_ACTORS_ERROR_INVALID, "not yet"); return NULL; }
char *vp_actor_set_to_xml (VpActorSet *s, gsize *l) { return NULL; }
VpActor *vp_actor_set_lookup (VpActorSet *s, const char *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (s->store));
  for (guint i = 0; i < n; i++) { g_autoptr(VpActor) a = g_list_model_get_item (G_LIST_MODEL (s->store), i); if (g_str_equal (vp_actor_get_id (a), id)) return a; }
  return NULL;
}
void vp_actor_set_add (VpActorSet *s, VpActor *a) { guint n = get_n_items (G_LIST_MODEL (s)); g_list_store_append (s->store, a); g_list_model_items_changed (G_LIST_MODEL (s), n, 0, 1); }
gboolean vp_actor_set_remove (VpActorSet *s, const char *id) { return FALSE; }
