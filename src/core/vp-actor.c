/* vp-actor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor"

#include "config.h"

#include <string.h>

#include "vp-actor.h"
#include "vp-text.h"

typedef struct
{
  char     *text;
  gboolean  case_sensitive;
} Alias;

struct _VpActor
{
  GObject      parent_instance;

  const char  *id;          /* interned */
  char        *name;
  char        *color;       /* "#rrggbb", lowercase */
  VpActorKind  kind;
  gboolean     enabled;

  GArray      *aliases;     /* of Alias */
  GPtrArray   *exclusions;  /* of char *, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (VpActor, vp_actor, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (VpActorKind, vp_actor_kind,
  G_DEFINE_ENUM_VALUE (VP_ACTOR_KIND_STATE, "state"),
  G_DEFINE_ENUM_VALUE (VP_ACTOR_KIND_ORGANISATION, "organisation"),
  G_DEFINE_ENUM_VALUE (VP_ACTOR_KIND_GROUP, "group"),
  G_DEFINE_ENUM_VALUE (VP_ACTOR_KIND_PERSON, "person"),
  G_DEFINE_ENUM_VALUE (VP_ACTOR_KIND_OTHER, "other"))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_KIND,
  PROP_ENABLED,
  PROP_ALIASES,
  PROP_EXCLUSIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
alias_clear (gpointer data)
{
  Alias *alias = data;

  g_clear_pointer (&alias->text, g_free);
}

static char **
dup_aliases (VpActor *self)
{
  char **strv = g_new (char *, self->aliases->len + 1);

  for (guint i = 0; i < self->aliases->len; i++)
    strv[i] = g_strdup (g_array_index (self->aliases, Alias, i).text);
  strv[self->aliases->len] = NULL;

  return strv;
}

/* Names, aliases and exclusions have their white space collapsed and
 * invisible characters dropped, like article text. The two noncharacters
 * XML cannot carry become U+FFFD, as invalid UTF-8 does, so that whatever
 * is set can be saved and read back unchanged. */
static char *
normalise (const char *text)
{
  g_autofree char *normalised = vp_text_normalise (text, -1);
  GString *out;

  if (strstr (normalised, "\xef\xbf\xbe") == NULL && strstr (normalised, "\xef\xbf\xbf") == NULL)
    return g_steal_pointer (&normalised);

  out = g_string_sized_new (strlen (normalised));
  for (const char *p = normalised; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c == 0xFFFE || c == 0xFFFF ? 0xFFFD : c);
    }

  return g_string_free (out, FALSE);
}

/* An empty null-terminated GPtrArray may have no storage at all. */
static const char * const *
peek_exclusions (VpActor *self)
{
  static const char * const empty[] = { NULL };

  return self->exclusions->pdata != NULL ? (const char * const *)self->exclusions->pdata : empty;
}

static void
vp_actor_finalize (GObject *object)
{
  VpActor *self = (VpActor *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->aliases, g_array_unref);
  g_clear_pointer (&self->exclusions, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_actor_parent_class)->finalize (object);
}

static void
vp_actor_constructed (GObject *object)
{
  VpActor *self = (VpActor *)object;

  G_OBJECT_CLASS (vp_actor_parent_class)->constructed (object);

  /* Every actor has an id: mentions, workspaces and the exporters refer to
   * actors by it. An actor made without one is a programming error. */
  if (self->id == NULL)
    {
      g_critical ("VpActor created without a valid id");
      self->id = g_intern_static_string ("actor");
    }

  if (self->name == NULL)
    self->name = g_strdup (self->id);
}

static void
vp_actor_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  VpActor *self = VP_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_static_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_ALIASES:
      g_value_take_boxed (value, dup_aliases (self));
      break;

    case PROP_EXCLUSIONS:
      g_value_set_boxed (value, peek_exclusions (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_actor_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  VpActor *self = VP_ACTOR (object);

  switch (prop_id)
    {
    case PROP_ID:
      {
        const char *id = g_value_get_string (value);

        g_return_if_fail (vp_actor_id_is_valid (id));
        self->id = g_intern_string (id);
      }
      break;

    case PROP_NAME:
      if (g_value_get_string (value) != NULL)
        vp_actor_set_name (self, g_value_get_string (value));
      break;

    case PROP_COLOR:
      vp_actor_set_color (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      vp_actor_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_ENABLED:
      vp_actor_set_enabled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_actor_class_init (VpActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vp_actor_constructed;
  object_class->finalize = vp_actor_finalize;
  object_class->get_property = vp_actor_get_property;
  object_class->set_property = vp_actor_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         VP_ACTOR_DEFAULT_COLOR,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       VP_TYPE_ACTOR_KIND,
                       VP_ACTOR_KIND_OTHER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Changes to the aliases (including their case-sensitive flags) and to the
   * exclusions notify these, so that a view or a tagger can follow them. */
  properties[PROP_ALIASES] =
    g_param_spec_boxed ("aliases", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXCLUSIONS] =
    g_param_spec_boxed ("exclusions", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_actor_init (VpActor *self)
{
  self->color = g_strdup (VP_ACTOR_DEFAULT_COLOR);
  self->kind = VP_ACTOR_KIND_OTHER;
  self->enabled = TRUE;
  self->aliases = g_array_new (FALSE, FALSE, sizeof (Alias));
  g_array_set_clear_func (self->aliases, alias_clear);
  self->exclusions = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

/**
 * vp_actor_new:
 * @id: a lowercase ASCII slug, see vp_actor_id_is_valid()
 * @name: (nullable): the name shown to the reader; the id when %NULL
 *
 * Returns: (transfer full): a new enabled actor without aliases
 */
VpActor *
vp_actor_new (const char *id,
              const char *name)
{
  g_return_val_if_fail (vp_actor_id_is_valid (id), NULL);

  return g_object_new (VP_TYPE_ACTOR,
                       "id", id,
                       "name", name,
                       NULL);
}

/**
 * vp_actor_copy:
 *
 * Makes an actor that is not in any set, with the id and every property,
 * alias and exclusion of @self: what an editor changes before the changes
 * are applied with vp_actor_assign(), or what an undo history keeps.
 *
 * Returns: (transfer full): a new actor equal to @self
 */
VpActor *
vp_actor_copy (VpActor *self)
{
  VpActor *copy;

  g_return_val_if_fail (VP_IS_ACTOR (self), NULL);

  copy = vp_actor_new (self->id, self->name);
  vp_actor_assign (copy, self);

  return copy;
}

static gboolean
aliases_equal (GArray *a,
               GArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const Alias *x = &g_array_index (a, Alias, i);
      const Alias *y = &g_array_index (b, Alias, i);

      if (x->case_sensitive != y->case_sensitive || strcmp (x->text, y->text) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
exclusions_equal (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      if (strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * vp_actor_assign:
 * @source: an actor with the same id as @self
 *
 * Gives @self the name, colour, kind, enabled state, aliases (with their
 * flags, in order) and exclusions of @source, so that afterwards
 * vp_actor_equal() holds. Each property that changes is notified once.
 */
void
vp_actor_assign (VpActor *self,
                 VpActor *source)
{
  g_return_if_fail (VP_IS_ACTOR (self));
  g_return_if_fail (VP_IS_ACTOR (source));
  g_return_if_fail (self->id == source->id);

  if (self == source)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  vp_actor_set_name (self, source->name);
  vp_actor_set_color (self, source->color);
  vp_actor_set_kind (self, source->kind);
  vp_actor_set_enabled (self, source->enabled);

  if (!aliases_equal (self->aliases, source->aliases))
    {
      g_array_set_size (self->aliases, 0);
      for (guint i = 0; i < source->aliases->len; i++)
        {
          const Alias *alias = &g_array_index (source->aliases, Alias, i);
          Alias copy = { g_strdup (alias->text), alias->case_sensitive };

          g_array_append_val (self->aliases, copy);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
    }

  if (!exclusions_equal (self->exclusions, source->exclusions))
    {
      g_ptr_array_set_size (self->exclusions, 0);
      for (guint i = 0; i < source->exclusions->len; i++)
        g_ptr_array_add (self->exclusions, g_strdup (g_ptr_array_index (source->exclusions, i)));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUSIONS]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vp_actor_get_id:
 *
 * Returns: the actor's id, interned: mentions compare it with ==
 */
const char *
vp_actor_get_id (VpActor *self)
{
  g_return_val_if_fail (VP_IS_ACTOR (self), NULL);

  return self->id;
}

const char *
vp_actor_get_name (VpActor *self)
{
  g_return_val_if_fail (VP_IS_ACTOR (self), NULL);

  return self->name;
}

/**
 * vp_actor_set_name:
 *
 * Sets the name shown to the reader. White space is collapsed; a name with
 * nothing else in it falls back to the id.
 */
void
vp_actor_set_name (VpActor    *self,
                   const char *name)
{
  g_autofree char *normalised = NULL;

  g_return_if_fail (VP_IS_ACTOR (self));
  g_return_if_fail (name != NULL);

  normalised = normalise (name);
  if (*normalised == '\0' && self->id != NULL)
    {
      g_free (normalised);
      normalised = g_strdup (self->id);
    }

  if (g_strcmp0 (self->name, normalised) == 0)
    return;

  g_free (self->name);
  self->name = g_steal_pointer (&normalised);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * vp_actor_get_color:
 *
 * Returns: the actor's colour as "#rrggbb", in lowercase
 */
const char *
vp_actor_get_color (VpActor *self)
{
  g_return_val_if_fail (VP_IS_ACTOR (self), NULL);

  return self->color;
}

/**
 * vp_actor_set_color:
 * @color: "#rrggbb", in either case
 */
void
vp_actor_set_color (VpActor    *self,
                    const char *color)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (VP_IS_ACTOR (self));
  g_return_if_fail (vp_actor_color_is_valid (color));

  /* One spelling per colour, so that comparing and saving are exact. */
  lower = g_ascii_strdown (color, -1);
  if (g_strcmp0 (self->color, lower) == 0)
    return;

  g_free (self->color);
  self->color = g_steal_pointer (&lower);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

VpActorKind
vp_actor_get_kind (VpActor *self)
{
  g_return_val_if_fail (VP_IS_ACTOR (self), VP_ACTOR_KIND_OTHER);

  return self->kind;
}

void
vp_actor_set_kind (VpActor     *self,
                   VpActorKind  kind)
{
  g_return_if_fail (VP_IS_ACTOR (self));
  g_return_if_fail (kind <= VP_ACTOR_KIND_OTHER);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * vp_actor_get_enabled:
 *
 * Returns: whether the tagger looks for the actor's mentions
 */
gboolean
vp_actor_get_enabled (VpActor *self)
{
  g_return_val_if_fail (VP_IS_ACTOR (self), FALSE);

  return self->enabled;
}

void
vp_actor_set_enabled (VpActor  *self,
                      gboolean  enabled)
{
  g_return_if_fail (VP_IS_ACTOR (self));

  enabled = !!enabled;
  if (self->enabled == enabled)
    return;

  self->enabled = enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

guint
vp_actor_get_n_aliases (VpActor *self)
{
  g_return_val_if_fail (VP_IS_ACTOR (self), 0);

  return self->aliases->len;
}

/**
 * vp_actor_get_alias:
 * @index: less than vp_actor_get_n_aliases()
 * @case_sensitive: (out) (optional): whether the alias matches only as written
 *
 * Returns: the alias at @index
 */
const char *
vp_actor_get_alias (VpActor  *self,
                    guint     index,
                    gboolean *case_sensitive)
{
  const Alias *alias;

  g_return_val_if_fail (VP_IS_ACTOR (self), NULL);
  g_return_val_if_fail (index < self->aliases->len, NULL);

  alias = &g_array_index (self->aliases, Alias, index);
  if (case_sensitive != NULL)
    *case_sensitive = alias->case_sensitive;

  return alias->text;
}

static int
find_alias (VpActor    *self,
            const char *text)
{
  for (guint i = 0; i < self->aliases->len; i++)
    {
      if (strcmp (g_array_index (self->aliases, Alias, i).text, text) == 0)
        return i;
    }

  return -1;
}

/**
 * vp_actor_add_alias:
 * @alias: words that name the actor, see vp_actor_phrase_is_valid()
 * @case_sensitive: whether it matches only as written
 *
 * Adds an alias after the others, with its white space collapsed. Adding
 * an alias the actor already has only updates its case-sensitive flag.
 */
void
vp_actor_add_alias (VpActor    *self,
                    const char *alias,
                    gboolean    case_sensitive)
{
  g_autofree char *normalised = NULL;
  Alias new_alias;
  int index;

  g_return_if_fail (VP_IS_ACTOR (self));
  g_return_if_fail (vp_actor_phrase_is_valid (alias));

  normalised = normalise (alias);
  case_sensitive = !!case_sensitive;

  index = find_alias (self, normalised);
  if (index >= 0)
    {
      Alias *existing = &g_array_index (self->aliases, Alias, index);

      if (existing->case_sensitive == case_sensitive)
        return;
      existing->case_sensitive = case_sensitive;
    }
  else
    {
      new_alias.text = g_steal_pointer (&normalised);
      new_alias.case_sensitive = case_sensitive;
      g_array_append_val (self->aliases, new_alias);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);
}

/**
 * vp_actor_remove_alias:
 *
 * Returns: whether the actor had @alias
 */
gboolean
vp_actor_remove_alias (VpActor    *self,
                       const char *alias)
{
  g_autofree char *normalised = NULL;
  int index;

  g_return_val_if_fail (VP_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  normalised = normalise (alias);
  index = find_alias (self, normalised);
  if (index < 0)
    return FALSE;

  g_array_remove_index (self->aliases, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALIASES]);

  return TRUE;
}

/**
 * vp_actor_has_alias:
 *
 * Returns: whether @alias, once its white space is collapsed, is one of
 *   the actor's aliases as written
 */
gboolean
vp_actor_has_alias (VpActor    *self,
                    const char *alias)
{
  g_autofree char *normalised = NULL;

  g_return_val_if_fail (VP_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);

  normalised = normalise (alias);

  return find_alias (self, normalised) >= 0;
}

/**
 * vp_actor_get_exclusions:
 *
 * Returns: (transfer none) (array zero-terminated=1): the exclusions, in
 *   the order they were added
 */
const char * const *
vp_actor_get_exclusions (VpActor *self)
{
  g_return_val_if_fail (VP_IS_ACTOR (self), NULL);

  return peek_exclusions (self);
}

static gboolean
find_exclusion (VpActor    *self,
                const char *phrase,
                guint      *index)
{
  return g_ptr_array_find_with_equal_func (self->exclusions, phrase, g_str_equal, index);
}

/**
 * vp_actor_add_exclusion:
 * @phrase: a phrase that contains an alias without naming the actor
 *
 * Adds an exclusion after the others, with its white space collapsed,
 * unless the actor already has it.
 */
void
vp_actor_add_exclusion (VpActor    *self,
                        const char *phrase)
{
  g_autofree char *normalised = NULL;

  g_return_if_fail (VP_IS_ACTOR (self));
  g_return_if_fail (vp_actor_phrase_is_valid (phrase));

  normalised = normalise (phrase);
  if (find_exclusion (self, normalised, NULL))
    return;

  g_ptr_array_add (self->exclusions, g_steal_pointer (&normalised));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUSIONS]);
}

/**
 * vp_actor_remove_exclusion:
 *
 * Returns: whether the actor had @phrase as an exclusion
 */
gboolean
vp_actor_remove_exclusion (VpActor    *self,
                           const char *phrase)
{
  g_autofree char *normalised = NULL;
  guint index;

  g_return_val_if_fail (VP_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  normalised = normalise (phrase);
  if (!find_exclusion (self, normalised, &index))
    return FALSE;

  g_ptr_array_remove_index (self->exclusions, index);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXCLUSIONS]);

  return TRUE;
}

/**
 * vp_actor_equal:
 *
 * Returns: whether @a and @b have the same id, name, colour, kind, state,
 *   aliases (with their flags, in order) and exclusions (in order)
 */
gboolean
vp_actor_equal (VpActor *a,
                VpActor *b)
{
  g_return_val_if_fail (VP_IS_ACTOR (a), FALSE);
  g_return_val_if_fail (VP_IS_ACTOR (b), FALSE);

  if (a->id != b->id ||
      strcmp (a->name, b->name) != 0 ||
      strcmp (a->color, b->color) != 0 ||
      a->kind != b->kind ||
      a->enabled != b->enabled ||
      a->aliases->len != b->aliases->len ||
      a->exclusions->len != b->exclusions->len)
    return FALSE;

  for (guint i = 0; i < a->aliases->len; i++)
    {
      const Alias *x = &g_array_index (a->aliases, Alias, i);
      const Alias *y = &g_array_index (b->aliases, Alias, i);

      if (x->case_sensitive != y->case_sensitive || strcmp (x->text, y->text) != 0)
        return FALSE;
    }

  for (guint i = 0; i < a->exclusions->len; i++)
    {
      if (strcmp (g_ptr_array_index (a->exclusions, i), g_ptr_array_index (b->exclusions, i)) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * vp_actor_has_exclusion:
 *
 * Returns: whether @phrase, once its white space is collapsed, is one of
 *   the actor's exclusions as written
 */
gboolean
vp_actor_has_exclusion (VpActor    *self,
                        const char *phrase)
{
  g_autofree char *normalised = NULL;

  g_return_val_if_fail (VP_IS_ACTOR (self), FALSE);
  g_return_val_if_fail (phrase != NULL, FALSE);

  normalised = normalise (phrase);

  return find_exclusion (self, normalised, NULL);
}

static const char * const kind_names[] = {
  [VP_ACTOR_KIND_STATE] = "state",
  [VP_ACTOR_KIND_ORGANISATION] = "organisation",
  [VP_ACTOR_KIND_GROUP] = "group",
  [VP_ACTOR_KIND_PERSON] = "person",
  [VP_ACTOR_KIND_OTHER] = "other",
};

/**
 * vp_actor_kind_to_string:
 *
 * Returns: the name of @kind in actor set files ("state", "organisation"…)
 */
const char *
vp_actor_kind_to_string (VpActorKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

/**
 * vp_actor_kind_from_string:
 * @kind: (out): where to store the kind named @str
 *
 * Returns: whether @str names a kind
 */
gboolean
vp_actor_kind_from_string (const char  *str,
                           VpActorKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (strcmp (str, kind_names[i]) == 0)
        {
          *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * vp_actor_id_is_valid:
 *
 * Ids are lowercase ASCII slugs: letters and digits in runs joined by
 * single hyphens ("us", "saudi-arabia"), so that they read well in JSON,
 * CSV headers and file names.
 */
gboolean
vp_actor_id_is_valid (const char *id)
{
  gboolean after_hyphen = TRUE;

  if (id == NULL || *id == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (after_hyphen)
            return FALSE;
          after_hyphen = TRUE;
        }
      else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
        after_hyphen = FALSE;
      else
        return FALSE;
    }

  return !after_hyphen;
}

/**
 * vp_actor_color_is_valid:
 *
 * Returns: whether @color is "#rrggbb" with six hexadecimal digits
 */
gboolean
vp_actor_color_is_valid (const char *color)
{
  if (color == NULL || color[0] != '#')
    return FALSE;

  for (guint i = 1; i <= 6; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }

  return color[7] == '\0';
}

/**
 * vp_actor_phrase_is_valid:
 *
 * Whether @phrase can be an alias or an exclusion: valid UTF-8 with at
 * least one letter or digit, since a phrase of punctuation alone would
 * match all over every text.
 */
gboolean
vp_actor_phrase_is_valid (const char *phrase)
{
  if (phrase == NULL || !g_utf8_validate (phrase, -1, NULL))
    return FALSE;

  for (const char *p = phrase; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        return TRUE;
    }

  return FALSE;
}

/**
 * vp_actor_guess_case_sensitive:
 * @alias: a word or phrase that names an actor
 *
 * Abbreviations written in capitals (“US”, “U.S.”, “GCC”) are often
 * ordinary words in lower case (the pronoun “us”), so an alias with
 * capitals and no lower-case letter is best matched only as written;
 * any other alias matches whatever its case.
 *
 * Returns: the case-sensitive flag an alias should start with
 */
gboolean
vp_actor_guess_case_sensitive (const char *alias)
{
  gboolean upper = FALSE;

  g_return_val_if_fail (alias != NULL, FALSE);

  for (const char *p = alias; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isupper (c))
        upper = TRUE;
    }

  return upper;
}

/**
 * vp_actor_get_palette:
 *
 * The colours offered to new actors, in the order they are offered: the
 * seven colours of the Okabe–Ito palette, which readers with any common
 * form of colour blindness tell apart (its black is left out: a black
 * highlight hides the text), then the nine of Paul Tol's “muted” scheme,
 * designed for the same readers. The default actors use the same two
 * palettes (see data/actors.xml).
 *
 * Returns: (transfer none) (array zero-terminated=1): "#rrggbb" colours
 */
const char * const *
vp_actor_get_palette (void)
{
  static const char * const palette[] = {
    /* Okabe & Ito (2008) */
    "#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#f0e442",
    /* Tol (2021), muted */
    "#332288", "#88ccee", "#44aa99", "#117733", "#999933", "#ddcc77", "#cc6677",
    "#882255", "#aa4499",
    NULL
  };

  return palette;
}
