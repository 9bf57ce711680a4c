/* vp-actor-set.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor-set"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vp-actor-set.h"
#include "vp-actor-set-private.h"
#include "vp-core-resources.h"
#include "vp-error.h"
#include "vp-file.h"
#include "vp-libxml-private.h"
#include "vp-xml-private.h"

#define RESOURCE_DIR "/org/example/Viewpoints/core/"

/* Namespaces of later versions of the format differ in their last part;
 * recognising them lets us say that a file is newer rather than foreign. */
#define NAMESPACE_BASE "https://viewpoints.example.org/ns/actors/"

struct _VpActorSet
{
  GObject     parent_instance;

  GPtrArray  *actors;  /* of VpActor, in the order the reader sees them */
  GHashTable *by_id;   /* interned id → VpActor (borrowed from @actors) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VpActorSet, vp_actor_set, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
vp_actor_set_get_item_type (GListModel *model)
{
  return VP_TYPE_ACTOR;
}

static guint
vp_actor_set_get_n_items (GListModel *model)
{
  return VP_ACTOR_SET (model)->actors->len;
}

static gpointer
vp_actor_set_get_item (GListModel *model,
                       guint       position)
{
  VpActorSet *self = VP_ACTOR_SET (model);

  if (position >= self->actors->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->actors, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = vp_actor_set_get_item_type;
  iface->get_n_items = vp_actor_set_get_n_items;
  iface->get_item = vp_actor_set_get_item;
}

static void
actor_notify_cb (VpActorSet *self,
                 GParamSpec *pspec,
                 VpActor    *actor)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
vp_actor_set_dispose (GObject *object)
{
  VpActorSet *self = (VpActorSet *)object;

  if (self->actors != NULL)
    {
      for (guint i = 0; i < self->actors->len; i++)
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->actors, i),
                                              actor_notify_cb, self);
    }

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->actors, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_actor_set_parent_class)->dispose (object);
}

static void
vp_actor_set_class_init (VpActorSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_actor_set_dispose;

  /**
   * VpActorSet::changed:
   *
   * Emitted after actors were added or removed (after
   * #GListModel::items-changed) and whenever a property of one of the
   * actors changes, including its aliases and exclusions: what a tagger
   * built from the set, or a saved workspace, must follow.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
vp_actor_set_init (VpActorSet *self)
{
  self->actors = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

VpActorSet *
vp_actor_set_new (void)
{
  return g_object_new (VP_TYPE_ACTOR_SET, NULL);
}

/**
 * vp_actor_set_lookup:
 *
 * Returns: (transfer none) (nullable): the actor with @id, if any
 */
VpActor *
vp_actor_set_lookup (VpActorSet *self,
                     const char *id)
{
  g_return_val_if_fail (VP_IS_ACTOR_SET (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->by_id, id);
}

/**
 * vp_actor_set_join_names:
 * @self: (nullable): the actor set; without one, the ids stand for names
 * @ids: (array zero-terminated=1): actor ids
 * @separator: what goes between two names
 *
 * Returns: (transfer full): the actors' names in a row, as "Iran, United
 *   States"; an id the set lacks stands for its actor's name
 */
char *
vp_actor_set_join_names (VpActorSet         *self,
                         const char * const *ids,
                         const char         *separator)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self == NULL || VP_IS_ACTOR_SET (self), NULL);
  g_return_val_if_fail (ids != NULL, NULL);
  g_return_val_if_fail (separator != NULL, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      VpActor *actor = self != NULL ? vp_actor_set_lookup (self, ids[i]) : NULL;

      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, actor != NULL ? vp_actor_get_name (actor) : ids[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * vp_actor_set_find:
 * @position: (out) (optional): where the actor with @id is in the list
 *
 * Returns: whether the set has an actor with @id
 */
gboolean
vp_actor_set_find (VpActorSet *self,
                   const char *id,
                   guint      *position)
{
  VpActor *actor;

  g_return_val_if_fail (VP_IS_ACTOR_SET (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  actor = g_hash_table_lookup (self->by_id, id);
  if (actor == NULL)
    return FALSE;

  if (position != NULL)
    {
      gboolean found = g_ptr_array_find (self->actors, actor, position);

      g_assert (found);
    }

  return TRUE;
}

/**
 * vp_actor_set_insert:
 * @position: where the actor goes, at most the number of actors
 * @actor: an actor whose id is not in the set yet
 *
 * Inserts @actor into the set, which keeps a reference on it.
 */
void
vp_actor_set_insert (VpActorSet *self,
                     guint       position,
                     VpActor    *actor)
{
  g_return_if_fail (VP_IS_ACTOR_SET (self));
  g_return_if_fail (VP_IS_ACTOR (actor));
  g_return_if_fail (position <= self->actors->len);
  g_return_if_fail (!g_hash_table_contains (self->by_id, vp_actor_get_id (actor)));

  g_ptr_array_insert (self->actors, position, g_object_ref (actor));
  g_hash_table_insert (self->by_id, (gpointer)vp_actor_get_id (actor), actor);
  g_signal_connect_swapped (actor, "notify", G_CALLBACK (actor_notify_cb), self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * vp_actor_set_add:
 * @actor: an actor whose id is not in the set yet
 *
 * Appends @actor to the set, which keeps a reference on it.
 */
void
vp_actor_set_add (VpActorSet *self,
                  VpActor    *actor)
{
  g_return_if_fail (VP_IS_ACTOR_SET (self));

  vp_actor_set_insert (self, self->actors->len, actor);
}

/**
 * vp_actor_set_copy:
 *
 * Returns: (transfer full): a new set of copies of the actors of @self
 *   (see vp_actor_copy()), in the same order, that changes independently
 */
VpActorSet *
vp_actor_set_copy (VpActorSet *self)
{
  VpActorSet *copy;

  g_return_val_if_fail (VP_IS_ACTOR_SET (self), NULL);

  copy = vp_actor_set_new ();
  for (guint i = 0; i < self->actors->len; i++)
    {
      g_autoptr(VpActor) actor = vp_actor_copy (g_ptr_array_index (self->actors, i));

      vp_actor_set_add (copy, actor);
    }

  return copy;
}

/**
 * vp_actor_set_remove:
 *
 * Returns: whether the set had an actor with @id
 */
gboolean
vp_actor_set_remove (VpActorSet *self,
                     const char *id)
{
  VpActor *actor;
  guint position;

  g_return_val_if_fail (VP_IS_ACTOR_SET (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!vp_actor_set_find (self, id, &position))
    return FALSE;

  actor = g_ptr_array_index (self->actors, position);
  g_signal_handlers_disconnect_by_func (actor, actor_notify_cb, self);
  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (self->actors, position);

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * vp_actor_set_equal:
 *
 * Returns: whether @a and @b hold equal actors (see vp_actor_equal()) in
 *   the same order
 */
gboolean
vp_actor_set_equal (VpActorSet *a,
                    VpActorSet *b)
{
  g_return_val_if_fail (VP_IS_ACTOR_SET (a), FALSE);
  g_return_val_if_fail (VP_IS_ACTOR_SET (b), FALSE);

  if (a->actors->len != b->actors->len)
    return FALSE;

  for (guint i = 0; i < a->actors->len; i++)
    {
      if (!vp_actor_equal (g_ptr_array_index (a->actors, i), g_ptr_array_index (b->actors, i)))
        return FALSE;
    }

  return TRUE;
}

/**
 * vp_actor_set_dup_new_id:
 * @name: the name of a new actor
 *
 * Makes an id for a new actor from its name: the name in lowercase ASCII,
 * with hyphens between its words (“Gulf Cooperation Council” gives
 * “gulf-cooperation-council”), and a number after it when the set already
 * has that id. Names with nothing that reads as ASCII give “actor”.
 *
 * Returns: (transfer full): an id that no actor of the set has
 */
char *
vp_actor_set_dup_new_id (VpActorSet *self,
                         const char *name)
{
  g_autofree char *ascii = NULL;
  g_autoptr(GString) base = NULL;
  char *id;

  g_return_val_if_fail (VP_IS_ACTOR_SET (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  /* "C" transliterates what it can ("Türkiye" → "Turkiye") and turns the
   * rest into "?", which becomes a word break below. */
  ascii = g_str_to_ascii (name, "C");
  base = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        {
          /* Ids stay short enough to read in CSV headers and file names;
           * a word cut short is dropped, unless it is the only one. */
          if (base->len >= 40)
            {
              const char *hyphen = strrchr (base->str, '-');

              if (hyphen != NULL)
                g_string_truncate (base, hyphen - base->str);
              break;
            }
          g_string_append_c (base, c);
        }
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }

  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);

  if (base->len == 0)
    g_string_assign (base, "actor");

  g_assert (vp_actor_id_is_valid (base->str));

  if (!g_hash_table_contains (self->by_id, base->str))
    return g_strdup (base->str);

  for (guint n = 2;; n++)
    {
      id = g_strdup_printf ("%s-%u", base->str, n);
      if (!g_hash_table_contains (self->by_id, id))
        return id;
      g_free (id);
    }
}

/**
 * vp_actor_set_suggest_color:
 *
 * Picks the colour of a new actor from vp_actor_get_palette(): the first
 * one that no enabled actor of the set uses, or the one fewest of them use
 * when all are taken, so that the actors a reader sees stay apart.
 *
 * Returns: (transfer none): a "#rrggbb" colour
 */
const char *
vp_actor_set_suggest_color (VpActorSet *self)
{
  const char * const *palette = vp_actor_get_palette ();
  const char *best = palette[0];
  guint best_uses = G_MAXUINT;

  g_return_val_if_fail (VP_IS_ACTOR_SET (self), NULL);

  for (guint i = 0; palette[i] != NULL; i++)
    {
      guint uses = 0;

      for (guint j = 0; j < self->actors->len; j++)
        {
          VpActor *actor = g_ptr_array_index (self->actors, j);

          if (vp_actor_get_enabled (actor) && strcmp (vp_actor_get_color (actor), palette[i]) == 0)
            uses++;
        }

      if (uses < best_uses)
        {
          best = palette[i];
          best_uses = uses;
        }

      if (uses == 0)
        break;
    }

  return best;
}

/* Reading files */

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

static void
set_error_at_line (GError     **error,
                   int          code,
                   const char  *source,
                   long         line,
                   const char  *reason)
{
  if (line > 0)
    g_set_error (error, VP_ACTORS_ERROR, code, _("%s: line %ld: %s"), source, line, reason);
  else
    g_set_error (error, VP_ACTORS_ERROR, code, "%s: %s", source, reason);
}

static xmlDoc *
parse_document (const char  *data,
                gsize        length,
                const char  *source,
                GError     **error)
{
  g_auto(VpXmlReport) report = { 0, };
  xmlDoc *doc;

  doc = _vp_xml_parse (data, length, FALSE, &report);
  if (doc != NULL)
    return doc;

  if (report.doctype != NULL)
    {
      set_error_at_line (error, VP_ACTORS_ERROR_INVALID, source, report.doctype_line,
                         _("actor sets may not have a document type declaration "
                           "(<!DOCTYPE …>) or declare entities"));
    }
  else
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("this is not well-formed XML (%s)"),
                                report.message != NULL ? report.message : _("no root element"));
      set_error_at_line (error, VP_ACTORS_ERROR_PARSE, source, report.line, reason);
    }

  return NULL;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST VP_ACTOR_SET_NAMESPACE) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  g_autoptr(VpXmlString) value = xmlGetNoNsProp (node, BAD_CAST name);

  return value != NULL ? g_strdup ((const char *)value) : NULL;
}

/* The version of a namespace NAMESPACE_BASE + "N", or 0 for any other. */
static guint64
namespace_version (const xmlChar *href)
{
  guint64 version;

  if (href == NULL || !g_str_has_prefix ((const char *)href, NAMESPACE_BASE))
    return 0;

  if (!g_ascii_string_to_unsigned ((const char *)href + strlen (NAMESPACE_BASE), 10,
                                   1, G_MAXUINT32, &version, NULL))
    return 0;

  return version;
}

static gboolean
set_newer_error (GError     **error,
                 const char  *source,
                 long         line,
                 const char  *version)
{
  g_autofree char *reason = NULL;

  reason = g_strdup_printf (_("this actor set was written by a newer version of Viewpoints "
                              "(format version %s; this version reads format version %d)"),
                            version, VP_ACTOR_SET_FORMAT_VERSION);
  set_error_at_line (error, VP_ACTORS_ERROR_VERSION, source, line, reason);

  return FALSE;
}

/* The root element and the version, checked before the schema so that a
 * foreign or newer file gets a message that says so. */
static gboolean
check_root (xmlNode     *root,
            const char  *source,
            GError     **error)
{
  g_autofree char *version = NULL;
  guint64 number;
  guint64 ns_version;

  ns_version = root->ns != NULL ? namespace_version (root->ns->href) : 0;
  if (xmlStrEqual (root->name, BAD_CAST "actors") && ns_version > VP_ACTOR_SET_FORMAT_VERSION)
    {
      g_autofree char *str = g_strdup_printf ("%" G_GUINT64_FORMAT, ns_version);

      return set_newer_error (error, source, xmlGetLineNo (root), str);
    }

  if (!is_element (root, "actors"))
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("this is not a Viewpoints actor set (the root element is "
                                  "<%s> in the namespace “%s”, not <actors> in the namespace "
                                  "“%s”)"),
                                (const char *)root->name,
                                root->ns != NULL ? (const char *)root->ns->href : "",
                                VP_ACTOR_SET_NAMESPACE);
      set_error_at_line (error, VP_ACTORS_ERROR_INVALID, source, xmlGetLineNo (root), reason);
      return FALSE;
    }

  version = get_attribute (root, "version");
  if (version == NULL)
    {
      set_error_at_line (error, VP_ACTORS_ERROR_INVALID, source, xmlGetLineNo (root),
                         _("the actor set does not give its format version "
                           "(<actors version=\"1\">)"));
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT32, &number, NULL))
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("“%s” is not a format version"), version);
      set_error_at_line (error, VP_ACTORS_ERROR_INVALID, source, xmlGetLineNo (root), reason);
      return FALSE;
    }

  if (number > VP_ACTOR_SET_FORMAT_VERSION)
    return set_newer_error (error, source, xmlGetLineNo (root), version);

  return TRUE;
}

/* Ids and colours, checked before the schema (which checks them too) so
 * that the message says what is wrong in the reader's words. */
static gboolean
check_actors (xmlNode     *root,
              const char  *source,
              GError     **error)
{
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *color = NULL;
      long line;

      if (!is_element (node, "actor"))
        continue;

      line = xmlGetLineNo (node);
      id = get_attribute (node, "id");
      color = get_attribute (node, "color");

      if (id != NULL && !vp_actor_id_is_valid (id))
        {
          g_autofree char *reason = NULL;

          reason = g_strdup_printf (_("“%s” is not a valid actor id (ids are lowercase ASCII "
                                      "letters and digits, with single hyphens between words, "
                                      "as in “saudi-arabia”)"), id);
          set_error_at_line (error, VP_ACTORS_ERROR_INVALID, source, line, reason);
          return FALSE;
        }

      if (id != NULL && g_hash_table_contains (lines, id))
        {
          g_autofree char *reason = NULL;

          reason = g_strdup_printf (_("the actor id “%s” is used twice (first on line %ld)"),
                                    id, (long)GPOINTER_TO_SIZE (g_hash_table_lookup (lines, id)));
          set_error_at_line (error, VP_ACTORS_ERROR_INVALID, source, line, reason);
          return FALSE;
        }

      if (color != NULL && !vp_actor_color_is_valid (color))
        {
          g_autofree char *reason = NULL;

          reason = g_strdup_printf (_("“%s” is not a colour (colours are written #rrggbb, as "
                                      "in “#0072b2”)"), color);
          set_error_at_line (error, VP_ACTORS_ERROR_INVALID, source, line, reason);
          return FALSE;
        }

      if (id != NULL)
        g_hash_table_insert (lines, g_steal_pointer (&id), GSIZE_TO_POINTER ((gsize)line));
    }

  return TRUE;
}

static gboolean
validate (xmlDoc      *doc,
          const char  *source,
          GError     **error)
{
  static gsize schema_once = 0;
  static xmlRelaxNG *schema;
  g_auto(VpXmlReport) report = { 0, };
  g_autofree char *reason = NULL;

  /* The compiled schema lives as long as the process: sets are loaded at
   * start-up and whenever the user opens one. */
  if (g_once_init_enter (&schema_once))
    {
      schema = _vp_xml_load_schema ("actors.rng");
      g_once_init_leave (&schema_once, 1);
    }

  if (_vp_xml_validate (schema, doc, &report))
    return TRUE;

  reason = g_strdup_printf (_("this is not a valid actor set (%s)"),
                            report.message != NULL ? report.message : _("unknown error"));
  set_error_at_line (error, VP_ACTORS_ERROR_INVALID, source, report.line, reason);

  return FALSE;
}

static gboolean
parse_boolean (const char *value,
               gboolean    fallback)
{
  if (value == NULL)
    return fallback;

  return strcmp (value, "true") == 0;
}

static VpActor *
build_actor (xmlNode     *node,
             const char  *source,
             GError     **error)
{
  g_autoptr(VpActor) actor = NULL;
  g_autofree char *id = get_attribute (node, "id");
  g_autofree char *name = get_attribute (node, "name");
  g_autofree char *color = get_attribute (node, "color");
  g_autofree char *kind_str = get_attribute (node, "kind");
  g_autofree char *enabled = get_attribute (node, "enabled");
  VpActorKind kind = VP_ACTOR_KIND_OTHER;

  /* The schema and check_actors() have vouched for all of these. */
  g_assert (vp_actor_id_is_valid (id));
  g_assert (name != NULL);

  actor = vp_actor_new (id, name);
  if (color != NULL)
    vp_actor_set_color (actor, color);
  if (kind_str != NULL && vp_actor_kind_from_string (kind_str, &kind))
    vp_actor_set_kind (actor, kind);
  vp_actor_set_enabled (actor, parse_boolean (enabled, TRUE));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autoptr(VpXmlString) text = NULL;
      gboolean is_alias = is_element (child, "alias");

      if (!is_alias && !is_element (child, "exclude"))
        continue;

      text = xmlNodeGetContent (child);
      if (text == NULL || !vp_actor_phrase_is_valid ((const char *)text))
        {
          g_autofree char *reason = NULL;

          reason = g_strdup_printf (_("“%s” has no letters or digits, so it cannot name "
                                      "an actor"), text != NULL ? (const char *)text : "");
          set_error_at_line (error, VP_ACTORS_ERROR_INVALID, source, xmlGetLineNo (child),
                             reason);
          return NULL;
        }

      if (is_alias)
        {
          g_autofree char *case_sensitive = get_attribute (child, "case-sensitive");

          vp_actor_add_alias (actor, (const char *)text, parse_boolean (case_sensitive, FALSE));
        }
      else
        vp_actor_add_exclusion (actor, (const char *)text);
    }

  return g_steal_pointer (&actor);
}

/**
 * vp_actor_set_new_from_data:
 * @data: the bytes of an actor set file (see docs/actors-format.md)
 * @length: their number
 * @source: the file's name as the user gave it; error messages start with it
 * @error: a place for a #VP_ACTORS_ERROR
 *
 * Reads an actor set. The file is checked against the format's RELAX NG
 * schema; document type declarations are refused and nothing outside the
 * file is ever read.
 *
 * Returns: (transfer full): the actor set, or %NULL with @error set
 */
VpActorSet *
vp_actor_set_new_from_data (const char  *data,
                            gsize        length,
                            const char  *source,
                            GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > VP_ACTOR_SET_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (VP_ACTOR_SET_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%s; actor sets up to %s are read)"),
                   source, size, limit);
      return NULL;
    }

  if (is_blank (data, length))
    {
      g_set_error (error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_PARSE,
                   _("%s: the file is empty"), source);
      return NULL;
    }

  doc = parse_document (data, length, source, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!_vp_actor_set_check_element (root, source, error) ||
      !validate (doc, source, error))
    return NULL;

  return _vp_actor_set_new_from_element (root, source, error);
}

/**
 * _vp_actor_set_check_element:
 * @element: an <actors> element: a file's root, or inside a workspace
 * @source: the name of the file it is in, for messages
 * @error: a place for a #VP_ACTORS_ERROR
 *
 * Checks what deserves a plainer message than a schema error: the
 * element, the format version, the ids and the colours. Run it before
 * validating the document.
 *
 * Returns: whether @element passed
 */
gboolean
_vp_actor_set_check_element (xmlNode     *element,
                             const char  *source,
                             GError     **error)
{
  g_return_val_if_fail (element != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  return check_root (element, source, error) && check_actors (element, source, error);
}

/**
 * _vp_actor_set_new_from_element:
 * @element: an <actors> element that passed _vp_actor_set_check_element()
 *   and whose document is valid against a schema that includes actors.rng
 * @source: the name of the file it is in, for messages
 * @error: a place for a #VP_ACTORS_ERROR
 *
 * Returns: (transfer full): the actor set @element describes, or %NULL
 *   with @error set
 */
VpActorSet *
_vp_actor_set_new_from_element (xmlNode     *element,
                                const char  *source,
                                GError     **error)
{
  g_autoptr(VpActorSet) self = vp_actor_set_new ();

  g_return_val_if_fail (element != NULL, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  for (xmlNode *node = element->children; node != NULL; node = node->next)
    {
      g_autoptr(VpActor) actor = NULL;

      if (!is_element (node, "actor"))
        continue;

      actor = build_actor (node, source, error);
      if (actor == NULL)
        return NULL;

      vp_actor_set_add (self, actor);
    }

  return g_steal_pointer (&self);
}

/**
 * vp_actor_set_new_from_file_full:
 * @file: an actor set file
 * @source: (nullable): its name as the user gave it, for messages; the
 *   file's parse name when %NULL
 * @cancellable: (nullable): a #GCancellable
 * @error: a place for a #VP_ACTORS_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Reads @file with vp_actor_set_new_from_data().
 *
 * Returns: (transfer full): the actor set, or %NULL with @error set
 */
VpActorSet *
vp_actor_set_new_from_file_full (GFile         *file,
                                 const char    *source,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autofree char *parse_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source == NULL)
    source = parse_name = g_file_get_parse_name (file);

  contents = vp_file_load (file, source, VP_ACTOR_SET_MAX_SIZE,
                           VP_ACTORS_ERROR, VP_ACTORS_ERROR_UNREADABLE, VP_ACTORS_ERROR_TOO_LARGE,
                           cancellable, &length, error);
  if (contents == NULL)
    return NULL;

  return vp_actor_set_new_from_data (contents, length, source, error);
}

/**
 * vp_actor_set_new_from_file:
 *
 * Like vp_actor_set_new_from_file_full(), naming @file by its parse name
 * in messages.
 *
 * Returns: (transfer full): the actor set, or %NULL with @error set
 */
VpActorSet *
vp_actor_set_new_from_file (GFile   *file,
                            GError **error)
{
  return vp_actor_set_new_from_file_full (file, NULL, NULL, error);
}

/**
 * vp_actor_set_new_default:
 *
 * Returns: (transfer full): the actors Viewpoints starts with: the United
 *   States, Iran and Saudi Arabia enabled, and the other parties of Middle
 *   East policy writing ready to be enabled
 */
VpActorSet *
vp_actor_set_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  VpActorSet *self;
  const char *data;
  gsize size;

  bytes = g_resource_lookup_data (vp_core_get_resource (), RESOURCE_DIR "actors.xml",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The default actor set is missing from the resources: %s", error->message);

  data = g_bytes_get_data (bytes, &size);
  self = vp_actor_set_new_from_data (data, size, "resource://" RESOURCE_DIR "actors.xml", &error);

  /* The tests load the default set, so this only happens to a broken build;
   * the reader still gets a working application, without default actors. */
  if (self == NULL)
    {
      g_critical ("The default actor set does not load: %s", error->message);
      self = vp_actor_set_new ();
    }

  return self;
}

/* Writing */

static gboolean
write_attribute (xmlTextWriter *writer,
                 const char    *name,
                 const char    *value)
{
  return xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST value) >= 0;
}

/**
 * _vp_actor_set_write:
 * @writer: a writer inside the element that is to hold the set, or at
 *   the start of a document
 *
 * Writes the set as an <actors> element of the actor set format, with
 * its namespace and version, every attribute spelled out.
 *
 * Returns: whether @writer took it all: %FALSE only when memory or the
 *   writer's output failed
 */
gboolean
_vp_actor_set_write (VpActorSet    *self,
                     xmlTextWriter *writer)
{
  g_autofree char *version = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (VP_IS_ACTOR_SET (self), FALSE);
  g_return_val_if_fail (writer != NULL, FALSE);

  version = g_strdup_printf ("%d", VP_ACTOR_SET_FORMAT_VERSION);

  ok &= xmlTextWriterStartElement (writer, BAD_CAST "actors") >= 0;
  ok &= write_attribute (writer, "xmlns", VP_ACTOR_SET_NAMESPACE);
  ok &= write_attribute (writer, "version", version);

  for (guint i = 0; i < self->actors->len; i++)
    {
      VpActor *actor = g_ptr_array_index (self->actors, i);
      const char * const *exclusions = vp_actor_get_exclusions (actor);

      ok &= xmlTextWriterStartElement (writer, BAD_CAST "actor") >= 0;
      ok &= write_attribute (writer, "id", vp_actor_get_id (actor));
      ok &= write_attribute (writer, "name", vp_actor_get_name (actor));
      ok &= write_attribute (writer, "color", vp_actor_get_color (actor));
      ok &= write_attribute (writer, "kind", vp_actor_kind_to_string (vp_actor_get_kind (actor)));
      ok &= write_attribute (writer, "enabled", vp_actor_get_enabled (actor) ? "true" : "false");

      for (guint j = 0; j < vp_actor_get_n_aliases (actor); j++)
        {
          gboolean case_sensitive;
          const char *alias = vp_actor_get_alias (actor, j, &case_sensitive);

          ok &= xmlTextWriterStartElement (writer, BAD_CAST "alias") >= 0;
          if (case_sensitive)
            ok &= write_attribute (writer, "case-sensitive", "true");
          ok &= xmlTextWriterWriteString (writer, BAD_CAST alias) >= 0;
          ok &= xmlTextWriterEndElement (writer) >= 0;
        }

      for (guint j = 0; exclusions[j] != NULL; j++)
        ok &= xmlTextWriterWriteElement (writer, BAD_CAST "exclude", BAD_CAST exclusions[j]) >= 0;

      ok &= xmlTextWriterEndElement (writer) >= 0;
    }

  ok &= xmlTextWriterEndElement (writer) >= 0;

  return ok;
}

/**
 * vp_actor_set_to_xml:
 * @length: (out) (optional): the length of the result in bytes
 *
 * Writes the set in the actor set format, every attribute spelled out, so
 * that reading the result gives back an equal set. The same set always
 * gives the same bytes.
 *
 * Returns: (transfer full): the XML document, in UTF-8
 */
char *
vp_actor_set_to_xml (VpActorSet *self,
                     gsize      *length)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) writer = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (VP_IS_ACTOR_SET (self), NULL);

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  if (buffer == NULL || writer == NULL)
    g_error ("Out of memory creating an XML writer");

  ok &= xmlTextWriterSetIndent (writer, 1) >= 0;
  ok &= xmlTextWriterSetIndentString (writer, BAD_CAST "  ") >= 0;
  ok &= xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL) >= 0;
  ok &= _vp_actor_set_write (self, writer);
  ok &= xmlTextWriterEndDocument (writer) >= 0;

  /* Freeing the writer flushes it into the buffer. */
  g_clear_pointer (&writer, xmlFreeTextWriter);

  /* Writing to memory fails only when memory runs out. */
  if (!ok)
    g_error ("Out of memory writing an actor set");

  if (length != NULL)
    *length = xmlBufferLength (buffer);

  return g_strndup ((const char *)xmlBufferContent (buffer), xmlBufferLength (buffer));
}

/**
 * vp_actor_set_save_to_file:
 * @file: where to write the set
 * @source: (nullable): the file's name as the user knows it, for
 *   messages; its parse name when %NULL
 * @error: a place for a %G_IO_ERROR
 *
 * Writes the set (see vp_actor_set_to_xml()) to @file with
 * vp_file_replace_contents(): the file holds either its previous
 * contents or the whole set, whatever happens.
 *
 * Returns: whether the set was saved
 */
gboolean
vp_actor_set_save_to_file (VpActorSet  *self,
                           GFile       *file,
                           const char  *source,
                           GError     **error)
{
  g_autofree char *parse_name = NULL;
  g_autofree char *xml = NULL;
  gsize length;

  g_return_val_if_fail (VP_IS_ACTOR_SET (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (source == NULL)
    source = parse_name = g_file_get_parse_name (file);

  xml = vp_actor_set_to_xml (self, &length);

  return vp_file_replace_contents (file, source, xml, length, error);
}

/**
 * vp_actor_set_get_user_file:
 *
 * Returns: (transfer full): where the user's actor set is kept:
 *   actors.xml in the viewpoints folder of g_get_user_config_dir()
 */
GFile *
vp_actor_set_get_user_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "viewpoints", "actors.xml",
                                            NULL);

  return g_file_new_for_path (path);
}

/**
 * vp_actor_set_new_user:
 * @error: a place for a #VP_ACTORS_ERROR
 *
 * Reads the user's actor set (see vp_actor_set_get_user_file()). A user
 * who never saved one gets the default set. A file that cannot be read or
 * is not a valid actor set is an error whose message starts with the
 * file's path: the caller keeps the set it had and tells the user.
 *
 * Returns: (transfer full): the user's actor set, or %NULL with @error set
 */
VpActorSet *
vp_actor_set_new_user (GError **error)
{
  g_autoptr(GFile) file = vp_actor_set_get_user_file ();
  g_autofree char *source = g_file_get_parse_name (file);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Only a missing file means "never saved"; a dangling link or an
   * unreadable file is something the user should hear about. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) ==
      G_FILE_TYPE_UNKNOWN)
    return vp_actor_set_new_default ();

  return vp_actor_set_new_from_file_full (file, source, NULL, error);
}

/**
 * vp_actor_set_save_user:
 * @error: a place for a %G_IO_ERROR
 *
 * Saves the set as the user's actor set (see vp_actor_set_get_user_file()),
 * making its folder if need be. The previous file stays whole if saving
 * fails.
 *
 * Returns: whether the set was saved
 */
gboolean
vp_actor_set_save_user (VpActorSet  *self,
                        GError     **error)
{
  g_autoptr(GFile) file = vp_actor_set_get_user_file ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *source = g_file_get_parse_name (file);
  g_autofree char *folder_path = g_file_get_path (folder);

  g_return_val_if_fail (VP_IS_ACTOR_SET (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Settings are private to the user, as the XDG specification asks for
   * the folders it creates. */
  if (g_mkdir_with_parents (folder_path, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (folder_path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("%s: could not be saved: the folder “%s” could not be made (%s)"),
                   source, display, g_strerror (errsv));
      return FALSE;
    }

  return vp_actor_set_save_to_file (self, file, source, error);
}
