/* TEMPORARY minimal implementation: to be replaced (actors helper). */
#define G_LOG_DOMAIN "vp-actor"
#include "config.h"
#include "vp-actor.h"

struct _VpActor { GObject parent_instance; char *id; char *name; char *color; VpActorKind kind; gboolean enabled; GPtrArray *aliases; GArray *cs; GPtrArray *excl; };
G_DEFINE_FINAL_TYPE (VpActor, vp_actor, G_TYPE_OBJECT)
static void vp_actor_finalize (GObject *o) { VpActor *s = (VpActor *)o; g_free (s->id); g_free (s->name); g_free (s->color); g_ptr_array_unref (s->aliases); g_array_unref (s->cs); g_ptr_array_unref (s->excl); G_OBJECT_CLASS (vp_actor_parent_class)->finalize (o); }
static void vp_actor_class_init (VpActorClass *k) { G_OBJECT_CLASS (k)->finalize = vp_actor_finalize; }
static void vp_actor_init (VpActor *s) { s->aliases = g_ptr_array_new_with_free_func (g_free); s->cs = g_array_new (FALSE, FALSE, sizeof (gboolean)); s->excl = g_ptr_array_new_null_terminated (0, g_free, TRUE); s->enabled = TRUE; }
VpActor *vp_actor_new (const char *id, const char *name) { VpActor *s = g_object_new (VP_TYPE_ACTOR, NULL); s->id = g_strdup (g_intern_string (id)); s->name = g_strdup (name); return s; }
const char *vp_actor_get_id (VpActor *s) { return g_intern_string (s->id); }
const char *vp_actor_get_name (VpActor *s) { return s->name; }
void vp_actor_set_name (VpActor *s, const char *n) { g_free (s->name); s->name = g_strdup (n); }
const char *vp_actor_get_color (VpActor *s) { return s->color; }
void vp_actor_set_color (VpActor *s, const char *c) { g_free (s->color); s->color = g_strdup (c); }
VpActorKind vp_actor_get_kind (VpActor *s) { return s->kind; }
void vp_actor_set_kind (VpActor *s, VpActorKind k) { s->kind = k; }
gboolean vp_actor_get_enabled (VpActor *s) { return s->enabled; }
void vp_actor_set_enabled (VpActor *s, gboolean e) { s->enabled = e; }
guint vp_actor_get_n_aliases (VpActor *s) { return s->aliases->len; }
const char *vp_actor_get_alias (VpActor *s, guint i, gboolean *cs) { if (cs) *cs = g_array_index (s->cs, gboolean, i); return g_ptr_array_index (s->aliases, i); }
void vp_actor_add_alias (VpActor *s, const char *a, gboolean cs) { g_ptr_array_add (s->aliases, g_strdup (a)); g_array_append_val (s->cs, cs); }
gboolean vp_actor_remove_alias (VpActor *s, const char *a) { return FALSE; }
const char * const *vp_actor_get_exclusions (VpActor *s) { return (const char * const *)s->excl->pdata; }
void vp_actor_add_exclusion (VpActor *s, const char *p) { g_ptr_array_add (s->excl, g_strdup (p)); }
const char *vp_actor_kind_to_string (VpActorKind k) { return "state"; }
gboolean vp_actor_kind_from_string (const char *str, VpActorKind *k) { return FALSE; }
gboolean vp_actor_id_is_valid (const char *id) { return TRUE; }
