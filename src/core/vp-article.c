/* vp-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-article"

#include "config.h"

#include <string.h>

#include "vp-anchor.h"
#include "vp-article.h"

struct _VpArticle
{
  GObject          parent_instance;

  char            *source;
  char            *title;
  char           **authors;
  char            *outlet;
  char            *site;
  char            *published;
  char            *language;
  VpTextDirection  direction;

  GPtrArray       *blocks;           /* of VpBlock */
  GListStore      *sections;         /* of VpOutlineSection */
  GListStore      *recommendations;  /* of VpOutlineItem */
  GArray          *automatic;        /* of VpMention, from the tagger */
  GPtrArray       *warnings;         /* of char *, NULL-terminated */

  /* What the reader said (see vp-annotation.h), sorted by
   * vp_annotation_compare(). */
  GPtrArray       *annotations;      /* of VpAnnotation */
  /* The mentions once the annotations are applied; NULL when there are
   * none, and the automatic mentions are the mentions: importing, which
   * tags every article, does no annotation bookkeeping. */
  GArray          *effective;        /* of VpMention */
  /* The actors whose manual tags and item additions count; NULL for all. */
  GHashTable      *active_actors;    /* of interned ids */
};

G_DEFINE_FINAL_TYPE (VpArticle, vp_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_SITE,
  PROP_PUBLISHED,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MENTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
vp_article_dispose (GObject *object)
{
  VpArticle *self = (VpArticle *)object;

  g_clear_object (&self->sections);
  g_clear_object (&self->recommendations);

  G_OBJECT_CLASS (vp_article_parent_class)->dispose (object);
}

static void
vp_article_finalize (GObject *object)
{
  VpArticle *self = (VpArticle *)object;

  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->authors, g_strfreev);
  g_clear_pointer (&self->outlet, g_free);
  g_clear_pointer (&self->site, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->automatic, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->effective, g_array_unref);
  g_clear_pointer (&self->active_actors, g_hash_table_unref);

  G_OBJECT_CLASS (vp_article_parent_class)->finalize (object);
}

static void
vp_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VpArticle *self = VP_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;

    case PROP_SITE:
      g_value_set_string (value, self->site);
      break;

    case PROP_PUBLISHED:
      g_value_set_string (value, self->published);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VpArticle *self = VP_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      self->source = g_value_dup_string (value);
      break;

    case PROP_TITLE:
      vp_article_set_title (self, g_value_get_string (value));
      break;

    case PROP_OUTLET:
      vp_article_set_outlet (self, g_value_get_string (value));
      break;

    case PROP_SITE:
      vp_article_set_site (self, g_value_get_string (value));
      break;

    case PROP_PUBLISHED:
      vp_article_set_published (self, g_value_get_string (value));
      break;

    case PROP_LANGUAGE:
      vp_article_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_article_class_init (VpArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_article_dispose;
  object_class->finalize = vp_article_finalize;
  object_class->get_property = vp_article_get_property;
  object_class->set_property = vp_article_set_property;

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OUTLET] =
    g_param_spec_string ("outlet", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SITE] =
    g_param_spec_string ("site", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLISHED] =
    g_param_spec_string ("published", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpArticle::mentions-changed:
   *
   * Emitted after the mentions (vp_article_get_mentions()) or the actors
   * of the outline items may have changed: the article was tagged again,
   * or an annotation was added or removed. Highlights and counts follow
   * it; the items notify their own #VpOutlineItem:actors.
   */
  signals[MENTIONS_CHANGED] =
    g_signal_new ("mentions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
vp_article_init (VpArticle *self)
{
  self->authors = g_new0 (char *, 1);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_block_free);
  self->sections = g_list_store_new (VP_TYPE_OUTLINE_SECTION);
  self->recommendations = g_list_store_new (VP_TYPE_OUTLINE_ITEM);
  self->automatic = g_array_new (FALSE, FALSE, sizeof (VpMention));
  self->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_annotation_unref);
}

/**
 * vp_article_new:
 * @source: the file the article comes from, as the user named it
 */
VpArticle *
vp_article_new (const char *source)
{
  return g_object_new (VP_TYPE_ARTICLE,
                       "source", source,
                       NULL);
}

const char *
vp_article_get_source (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  return self->source;
}

static void
set_string_property (VpArticle   *self,
                     char       **field,
                     const char  *value,
                     guint        prop_id)
{
  /* Empty strings mean "not known" everywhere in the model. */
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

const char *
vp_article_get_title (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  return self->title;
}

void
vp_article_set_title (VpArticle  *self,
                      const char *title)
{
  g_return_if_fail (VP_IS_ARTICLE (self));

  set_string_property (self, &self->title, title, PROP_TITLE);
}

/**
 * vp_article_get_authors:
 *
 * Returns: (transfer none): the authors' names, never %NULL
 */
const char * const *
vp_article_get_authors (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  return (const char * const *)self->authors;
}

void
vp_article_set_authors (VpArticle          *self,
                        const char * const *authors)
{
  g_return_if_fail (VP_IS_ARTICLE (self));

  g_strfreev (self->authors);
  self->authors = authors != NULL ? g_strdupv ((char **)authors) : g_new0 (char *, 1);
}

const char *
vp_article_get_outlet (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  return self->outlet;
}

void
vp_article_set_outlet (VpArticle  *self,
                       const char *outlet)
{
  g_return_if_fail (VP_IS_ARTICLE (self));

  set_string_property (self, &self->outlet, outlet, PROP_OUTLET);
}

const char *
vp_article_get_site (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  return self->site;
}

void
vp_article_set_site (VpArticle  *self,
                     const char *site)
{
  g_return_if_fail (VP_IS_ARTICLE (self));

  set_string_property (self, &self->site, site, PROP_SITE);
}

/**
 * vp_article_get_published:
 *
 * Returns: (nullable): the publication date as YYYY-MM-DD
 */
const char *
vp_article_get_published (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  return self->published;
}

void
vp_article_set_published (VpArticle  *self,
                          const char *published)
{
  g_return_if_fail (VP_IS_ARTICLE (self));

  set_string_property (self, &self->published, published, PROP_PUBLISHED);
}

const char *
vp_article_get_language (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  return self->language;
}

void
vp_article_set_language (VpArticle  *self,
                         const char *language)
{
  g_return_if_fail (VP_IS_ARTICLE (self));

  set_string_property (self, &self->language, language, PROP_LANGUAGE);
}

VpTextDirection
vp_article_get_direction (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), VP_TEXT_DIRECTION_NONE);

  return self->direction;
}

void
vp_article_set_direction (VpArticle       *self,
                          VpTextDirection  direction)
{
  g_return_if_fail (VP_IS_ARTICLE (self));

  self->direction = direction;
}

guint
vp_article_get_n_blocks (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), 0);

  return self->blocks->len;
}

const VpBlock *
vp_article_get_block (VpArticle *self,
                      guint      index)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

/**
 * vp_article_peek_block:
 *
 * Like vp_article_get_block(), for the importers and the outline extractor,
 * which adjust blocks in place while the article is being built.
 *
 * Returns: (transfer none): the block at @index
 */
VpBlock *
vp_article_peek_block (VpArticle *self,
                       guint      index)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);

  return g_ptr_array_index (self->blocks, index);
}

/**
 * vp_article_take_block:
 * @block: (transfer full): a block to append to the body
 */
void
vp_article_take_block (VpArticle *self,
                       VpBlock   *block)
{
  g_return_if_fail (VP_IS_ARTICLE (self));
  g_return_if_fail (block != NULL);

  g_ptr_array_add (self->blocks, block);
}

/**
 * vp_article_remove_block:
 *
 * Removes a block while the article is being built. Parent indexes of
 * nested items after it are adjusted; the outline and mentions must be
 * computed afterwards.
 */
void
vp_article_remove_block (VpArticle *self,
                         guint      index)
{
  g_return_if_fail (VP_IS_ARTICLE (self));
  g_return_if_fail (index < self->blocks->len);

  g_ptr_array_remove_index (self->blocks, index);

  for (guint i = index; i < self->blocks->len; i++)
    {
      VpBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->parent == (int)index)
        block->parent = -1;
      else if (block->parent > (int)index)
        block->parent--;
    }
}

/**
 * vp_article_get_block_text:
 * @index: a block index, or %VP_MENTION_TITLE for the title
 *
 * Returns: (nullable): the text mentions at @index refer to
 */
const char *
vp_article_get_block_text (VpArticle *self,
                           int        index)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  if (index == VP_MENTION_TITLE)
    return self->title;

  if (index < 0 || (guint)index >= self->blocks->len)
    return NULL;

  return ((VpBlock *)g_ptr_array_index (self->blocks, index))->text;
}

/**
 * vp_article_get_sections:
 *
 * Returns: (transfer none): a #GListModel of #VpOutlineSection
 */
GListModel *
vp_article_get_sections (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  return G_LIST_MODEL (self->sections);
}

void
vp_article_clear_outline (VpArticle *self)
{
  g_return_if_fail (VP_IS_ARTICLE (self));

  g_list_store_remove_all (self->sections);
  g_list_store_remove_all (self->recommendations);
}

void
vp_article_append_section (VpArticle        *self,
                           VpOutlineSection *section)
{
  g_return_if_fail (VP_IS_ARTICLE (self));
  g_return_if_fail (VP_IS_OUTLINE_SECTION (section));

  g_list_store_append (self->sections, section);
}

/**
 * vp_article_get_recommendations:
 *
 * Returns: (transfer none): a #GListModel of #VpOutlineItem
 */
GListModel *
vp_article_get_recommendations (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  return G_LIST_MODEL (self->recommendations);
}

void
vp_article_append_recommendation (VpArticle     *self,
                                  VpOutlineItem *item)
{
  g_return_if_fail (VP_IS_ARTICLE (self));
  g_return_if_fail (VP_IS_OUTLINE_ITEM (item));

  g_list_store_append (self->recommendations, item);
}

/* Mentions
 *
 * The tagger's mentions are the automatic ones. A reader corrects them
 * with annotations; the article's mentions are then the automatic ones,
 * less those rejected, plus the spans tagged by hand, and the actors of
 * its outline items follow from them (see vp_article_dup_item_actors()).
 * Everything that counts or shows mentions (the outline's chips, the
 * highlights, the counts and every export) reads them here, so that they
 * all agree.
 */

static inline GArray *
peek_mentions (VpArticle *self)
{
  return self->effective != NULL ? self->effective : self->automatic;
}

/**
 * vp_article_get_mentions:
 * @n_mentions: (out): the number of mentions
 *
 * The mentions of actors in the article: those the tagger found, less
 * those a reader rejected, plus the spans a reader tagged by hand, whose
 * origin is %VP_MENTION_MANUAL. An actor is mentioned at most once at a
 * given span.
 *
 * Returns: (transfer none) (array length=n_mentions): the mentions, by
 *   block then offset
 */
const VpMention *
vp_article_get_mentions (VpArticle *self,
                         guint     *n_mentions)
{
  GArray *mentions;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (n_mentions != NULL, NULL);

  mentions = peek_mentions (self);
  *n_mentions = mentions->len;

  return (const VpMention *)(gpointer)mentions->data;
}

/**
 * vp_article_get_automatic_mentions:
 * @n_mentions: (out): the number of mentions
 *
 * Returns: (transfer none) (array length=n_mentions): the mentions the
 *   tagger found, rejected ones included, by block then offset
 */
const VpMention *
vp_article_get_automatic_mentions (VpArticle *self,
                                   guint     *n_mentions)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (n_mentions != NULL, NULL);

  *n_mentions = self->automatic->len;

  return (const VpMention *)(gpointer)self->automatic->data;
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const VpMention *ma = a;
  const VpMention *mb = b;

  if (ma->block != mb->block)
    return ma->block < mb->block ? -1 : 1;
  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  if (ma->end != mb->end)
    return ma->end < mb->end ? -1 : 1;

  return strcmp (ma->actor, mb->actor);
}

static gboolean
is_active (VpArticle  *self,
           const char *actor)
{
  return self->active_actors == NULL || g_hash_table_contains (self->active_actors, actor);
}

static int
compare_place (const VpAnnotation *annotation,
               int                 block,
               guint               start,
               guint               end)
{
  int a_block = vp_annotation_get_block (annotation);
  guint a_start = vp_annotation_get_start (annotation);
  guint a_end = vp_annotation_get_end (annotation);

  if (a_block != block)
    return a_block < block ? -1 : 1;
  if (a_start != start)
    return a_start < start ? -1 : 1;
  if (a_end != end)
    return a_end < end ? -1 : 1;

  return 0;
}

/* Index of the first annotation at @block, @start, @end or after. */
static guint
first_annotation_at (VpArticle *self,
                     int        block,
                     guint      start,
                     guint      end)
{
  guint lo = 0;
  guint hi = self->annotations->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_place (g_ptr_array_index (self->annotations, mid), block, start, end) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * vp_article_lookup_annotation:
 * @kind: what the annotation says
 * @actor_id: the actor it is about
 * @block: the block of its span, or VP_MENTION_TITLE
 * @start: where its span starts
 * @end: where its span ends
 *
 * Returns: (transfer none) (nullable): the annotation of @kind about
 *   @actor_id at that span, if the article has one
 */
VpAnnotation *
vp_article_lookup_annotation (VpArticle        *self,
                              VpAnnotationKind  kind,
                              const char       *actor_id,
                              int               block,
                              guint             start,
                              guint             end)
{
  const char *actor;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (actor_id != NULL, NULL);

  actor = g_intern_string (actor_id);

  for (guint i = first_annotation_at (self, block, start, end); i < self->annotations->len; i++)
    {
      VpAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      if (compare_place (annotation, block, start, end) != 0)
        break;

      if (vp_annotation_get_kind (annotation) == kind &&
          vp_annotation_get_actor (annotation) == actor)
        return annotation;
    }

  return NULL;
}

static void
rebuild_effective (VpArticle *self)
{
  GArray *effective;
  guint kept = 0;

  g_clear_pointer (&self->effective, g_array_unref);

  if (self->annotations->len == 0)
    return;

  effective = g_array_sized_new (FALSE, FALSE, sizeof (VpMention),
                                 self->automatic->len + self->annotations->len);

  for (guint i = 0; i < self->automatic->len; i++)
    {
      const VpMention *m = &g_array_index (self->automatic, VpMention, i);

      if (vp_article_lookup_annotation (self, VP_ANNOTATION_REJECTION, m->actor,
                                        m->block, m->start, m->end) == NULL)
        g_array_append_vals (effective, m, 1);
    }

  for (guint i = 0; i < self->annotations->len; i++)
    {
      const VpAnnotation *annotation = g_ptr_array_index (self->annotations, i);
      VpMention m;

      if (vp_annotation_get_kind (annotation) != VP_ANNOTATION_TAG ||
          !is_active (self, vp_annotation_get_actor (annotation)))
        continue;

      m.actor = vp_annotation_get_actor (annotation);
      m.block = vp_annotation_get_block (annotation);
      m.start = vp_annotation_get_start (annotation);
      m.end = vp_annotation_get_end (annotation);
      m.origin = VP_MENTION_MANUAL;
      g_array_append_val (effective, m);
    }

  /* A span a reader tagged as the tagger did is one mention, the
   * reader's: it stays if the tagger stops finding it. */
  g_array_sort (effective, compare_mentions);
  for (guint i = 0; i < effective->len; i++)
    {
      VpMention m = g_array_index (effective, VpMention, i);

      if (kept > 0 && compare_mentions (&g_array_index (effective, VpMention, kept - 1), &m) == 0)
        {
          if (m.origin == VP_MENTION_MANUAL)
            g_array_index (effective, VpMention, kept - 1).origin = VP_MENTION_MANUAL;
          continue;
        }

      g_array_index (effective, VpMention, kept++) = m;
    }
  g_array_set_size (effective, kept);

  self->effective = effective;
}

/* After the mentions or the annotations changed. */
static void
refresh (VpArticle *self)
{
  rebuild_effective (self);
  vp_article_update_item_actors (self);
  g_signal_emit (self, signals[MENTIONS_CHANGED], 0);
}

/**
 * vp_article_set_mentions:
 * @mentions: an array of #VpMention with interned actor ids
 *
 * Replaces the mentions the tagger found in the article, and recomputes
 * the article's mentions and every outline item's actors with its
 * annotations.
 */
void
vp_article_set_mentions (VpArticle *self,
                         GArray    *mentions)
{
  g_return_if_fail (VP_IS_ARTICLE (self));
  g_return_if_fail (mentions != NULL);
  g_return_if_fail (g_array_get_element_size (mentions) == sizeof (VpMention));

  g_array_set_size (self->automatic, 0);
  g_array_append_vals (self->automatic, mentions->data, mentions->len);
  g_array_sort (self->automatic, compare_mentions);

  for (guint i = 0; i < self->automatic->len; i++)
    g_array_index (self->automatic, VpMention, i).origin = VP_MENTION_AUTOMATIC;

  refresh (self);
}

/**
 * vp_article_count_mentions:
 *
 * Returns: how many times the article mentions @actor_id: the tagger's
 *   mentions, less those rejected, plus those tagged by hand
 */
guint
vp_article_count_mentions (VpArticle  *self,
                           const char *actor_id)
{
  GArray *mentions;
  const char *interned;
  guint count = 0;

  g_return_val_if_fail (VP_IS_ARTICLE (self), 0);
  g_return_val_if_fail (actor_id != NULL, 0);

  interned = g_intern_string (actor_id);
  mentions = peek_mentions (self);

  for (guint i = 0; i < mentions->len; i++)
    {
      if (g_array_index (mentions, VpMention, i).actor == interned)
        count++;
    }

  return count;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Index of the first mention in @block, or mentions->len. */
static guint
first_mention_in_block (GArray *mentions,
                        int     block)
{
  guint lo = 0;
  guint hi = mentions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (mentions, VpMention, mid).block < block)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
ids_contain (GPtrArray  *ids,
             const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (ids, i), id))
        return TRUE;
    }

  return FALSE;
}

/* The ids of the actors mentioned in @block from @start to @end. */
static GPtrArray *
collect_span_actors (VpArticle *self,
                     int        block,
                     guint      start,
                     guint      end)
{
  GArray *mentions = peek_mentions (self);
  GPtrArray *ids = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  for (guint i = first_mention_in_block (mentions, block); i < mentions->len; i++)
    {
      const VpMention *m = &g_array_index (mentions, VpMention, i);

      if (m->block != block || m->start >= end)
        break;

      if (m->start >= start && !ids_contain (ids, m->actor))
        g_ptr_array_add (ids, g_strdup (m->actor));
    }

  return ids;
}

/**
 * vp_article_dup_span_actors:
 * @block: a block index, or %VP_MENTION_TITLE
 * @start: a byte offset in the block's text
 * @end: a byte offset, or G_MAXUINT for the end of the block
 *
 * Returns: (transfer full): the sorted ids of the actors mentioned (see
 *   vp_article_get_mentions()) in @block from @start to @end
 */
char **
vp_article_dup_span_actors (VpArticle *self,
                            int        block,
                            guint      start,
                            guint      end)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  ids = collect_span_actors (self, block, start, end);
  g_ptr_array_sort (ids, compare_strings);

  return (char **)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* The span an item covers, with the end of its block spelled out: item
 * annotations are anchored to it. */
static void
get_item_span (VpArticle     *self,
               VpOutlineItem *item,
               int           *block,
               guint         *start,
               guint         *end)
{
  *block = vp_outline_item_get_block (item);
  vp_outline_item_get_span (item, start, end);

  if (*end == G_MAXUINT)
    {
      const char *text = vp_article_get_block_text (self, *block);

      *end = text != NULL ? strlen (text) : 0;
    }
}

/**
 * vp_article_dup_item_actors:
 * @item: an outline item or a recommendation of the article
 *
 * The actors an outline item involves. This is the one place that says
 * so, and the outline's chips, the filters and every export follow it:
 *
 *   the actors mentioned in the item's span (the tagger's mentions, less
 *   those a reader rejected, plus the spans tagged by hand, see
 *   vp_article_get_mentions()), plus those a reader added to the item,
 *   less those a reader removed from it.
 *
 * Manual tags and additions of actors that are not active (see
 * vp_article_set_active_actors()) do not count.
 *
 * Returns: (transfer full): the sorted ids of the actors
 */
char **
vp_article_dup_item_actors (VpArticle     *self,
                            VpOutlineItem *item)
{
  g_autoptr(GPtrArray) ids = NULL;
  int block;
  guint start;
  guint end;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (item), NULL);

  vp_outline_item_get_span (item, &start, &end);
  ids = collect_span_actors (self, vp_outline_item_get_block (item), start, end);

  if (self->annotations->len > 0)
    {
      get_item_span (self, item, &block, &start, &end);

      for (guint i = first_annotation_at (self, block, start, end);
           i < self->annotations->len;
           i++)
        {
          const VpAnnotation *annotation = g_ptr_array_index (self->annotations, i);
          const char *actor = vp_annotation_get_actor (annotation);
          guint index;

          if (compare_place (annotation, block, start, end) != 0)
            break;

          switch (vp_annotation_get_kind (annotation))
            {
            case VP_ANNOTATION_ITEM_ADDITION:
              if (is_active (self, actor) && !ids_contain (ids, actor))
                g_ptr_array_add (ids, g_strdup (actor));
              break;

            case VP_ANNOTATION_ITEM_REMOVAL:
              if (g_ptr_array_find_with_equal_func (ids, actor, g_str_equal, &index))
                g_ptr_array_remove_index (ids, index);
              break;

            case VP_ANNOTATION_TAG:
            case VP_ANNOTATION_REJECTION:
            default:
              break;
            }
        }
    }

  g_ptr_array_sort (ids, compare_strings);

  return (char **)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static void
update_item_actors (VpArticle     *self,
                    VpOutlineItem *item)
{
  g_auto(GStrv) actors = vp_article_dup_item_actors (self, item);
  guint n_children = vp_outline_item_get_n_children (item);

  vp_outline_item_set_actors (item, (const char * const *)actors);

  for (guint i = 0; i < n_children; i++)
    update_item_actors (self, vp_outline_item_get_child (item, i));
}

/**
 * vp_article_update_item_actors:
 *
 * Sets the actors of every outline item and recommendation, see
 * vp_article_dup_item_actors().
 */
void
vp_article_update_item_actors (VpArticle *self)
{
  guint n_sections;
  guint n_recommendations;

  g_return_if_fail (VP_IS_ARTICLE (self));

  n_sections = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);
      guint n_items = vp_outline_section_get_n_items (section);

      for (guint j = 0; j < n_items; j++)
        update_item_actors (self, vp_outline_section_get_item (section, j));
    }

  n_recommendations = g_list_model_get_n_items (G_LIST_MODEL (self->recommendations));
  for (guint i = 0; i < n_recommendations; i++)
    {
      g_autoptr(VpOutlineItem) item = g_list_model_get_item (G_LIST_MODEL (self->recommendations), i);

      update_item_actors (self, item);
    }
}

/* Annotations */

/**
 * vp_article_get_n_annotations:
 *
 * Returns: the number of annotations of the article
 */
guint
vp_article_get_n_annotations (VpArticle *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), 0);

  return self->annotations->len;
}

/**
 * vp_article_get_annotation:
 * @index: less than vp_article_get_n_annotations()
 *
 * Returns: (transfer none): the annotation at @index, in the order of
 *   vp_annotation_compare()
 */
VpAnnotation *
vp_article_get_annotation (VpArticle *self,
                           guint      index)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < self->annotations->len, NULL);

  return g_ptr_array_index (self->annotations, index);
}

/* Whether @annotation's span is in the article and holds its text. */
static gboolean
annotation_fits (VpArticle          *self,
                 const VpAnnotation *annotation)
{
  const char *text = vp_article_get_block_text (self, vp_annotation_get_block (annotation));
  guint start = vp_annotation_get_start (annotation);
  guint end = vp_annotation_get_end (annotation);

  return text != NULL &&
         end <= strlen (text) &&
         memcmp (text + start, vp_annotation_get_text (annotation), end - start) == 0;
}

/* Inserts @annotation in order, unless the article has it already. */
static gboolean
insert_annotation (VpArticle    *self,
                   VpAnnotation *annotation)
{
  guint lo = 0;
  guint hi = self->annotations->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = vp_annotation_compare (g_ptr_array_index (self->annotations, mid), annotation);

      if (cmp == 0)
        return FALSE;
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  g_ptr_array_insert (self->annotations, lo, vp_annotation_ref (annotation));

  return TRUE;
}

/**
 * vp_article_add_annotation:
 * @annotation: an annotation of a span of this article's text, as it is
 *   now (see vp_article_new_span_annotation(); annotations made for
 *   another version of the text go through vp_article_anchor_annotations())
 *
 * Adds @annotation, and recomputes the mentions and the items' actors.
 *
 * Returns: whether it was added: %FALSE if an equal one (see
 *   vp_annotation_equal()) is there already
 */
gboolean
vp_article_add_annotation (VpArticle    *self,
                           VpAnnotation *annotation)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (annotation != NULL, FALSE);
  g_return_val_if_fail (annotation_fits (self, annotation), FALSE);

  if (!insert_annotation (self, annotation))
    return FALSE;

  refresh (self);

  return TRUE;
}

/**
 * vp_article_remove_annotation:
 * @annotation: an annotation equal to one of the article's
 *
 * Removes the article's annotation equal to @annotation, and recomputes
 * the mentions and the items' actors.
 *
 * Returns: whether the article had one
 */
gboolean
vp_article_remove_annotation (VpArticle    *self,
                              VpAnnotation *annotation)
{
  VpAnnotation *found;
  guint index;

  g_return_val_if_fail (VP_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (annotation != NULL, FALSE);

  found = vp_article_lookup_annotation (self, vp_annotation_get_kind (annotation),
                                        vp_annotation_get_actor (annotation),
                                        vp_annotation_get_block (annotation),
                                        vp_annotation_get_start (annotation),
                                        vp_annotation_get_end (annotation));
  if (found == NULL)
    return FALSE;

  g_ptr_array_find (self->annotations, found, &index);
  g_ptr_array_remove_index (self->annotations, index);
  refresh (self);

  return TRUE;
}

/**
 * vp_article_new_span_annotation:
 * @kind: %VP_ANNOTATION_TAG or %VP_ANNOTATION_REJECTION
 * @actor_id: the actor it is about
 * @block: a block index, or VP_MENTION_TITLE
 * @start: where the span starts in the block's text, in bytes
 * @end: where it ends, after @start
 *
 * Returns: (transfer full): an annotation of that span of the article's
 *   text, not added to the article yet
 */
VpAnnotation *
vp_article_new_span_annotation (VpArticle        *self,
                                VpAnnotationKind  kind,
                                const char       *actor_id,
                                int               block,
                                guint             start,
                                guint             end)
{
  const char *text;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (kind == VP_ANNOTATION_TAG || kind == VP_ANNOTATION_REJECTION, NULL);

  text = vp_article_get_block_text (self, block);
  g_return_val_if_fail (text != NULL, NULL);

  return vp_annotation_new_in_text (kind, actor_id, block, text, start, end);
}

/**
 * vp_article_new_item_annotation:
 * @kind: %VP_ANNOTATION_ITEM_ADDITION or %VP_ANNOTATION_ITEM_REMOVAL
 * @actor_id: the actor it is about
 * @item: an outline item or recommendation of the article
 *
 * Returns: (transfer full): an annotation of @item, anchored to its
 *   block, its span and the text there, not added to the article yet
 */
VpAnnotation *
vp_article_new_item_annotation (VpArticle        *self,
                                VpAnnotationKind  kind,
                                const char       *actor_id,
                                VpOutlineItem    *item)
{
  int block;
  guint start;
  guint end;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (kind == VP_ANNOTATION_ITEM_ADDITION ||
                        kind == VP_ANNOTATION_ITEM_REMOVAL, NULL);
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (item), NULL);

  get_item_span (self, item, &block, &start, &end);
  g_return_val_if_fail (block >= 0 && (guint)block < self->blocks->len, NULL);

  return vp_annotation_new_in_text (kind, actor_id, block, vp_article_get_block_text (self, block),
                                    start, end);
}

typedef struct
{
  int            block;
  guint          start;
  guint          end;
  VpOutlineItem *best;
  guint          best_length;
} ItemSearch;

static void
search_item (VpArticle     *self,
             VpOutlineItem *item,
             ItemSearch    *search)
{
  guint n_children = vp_outline_item_get_n_children (item);
  int block;
  guint start;
  guint end;

  get_item_span (self, item, &block, &start, &end);

  /* The item that holds the span, and of those the one that holds
   * least else: a sentence rather than its paragraph. */
  if (block == search->block && start <= search->start && search->end <= end &&
      end - start < search->best_length)
    {
      search->best = item;
      search->best_length = end - start;
    }

  for (guint i = 0; i < n_children; i++)
    search_item (self, vp_outline_item_get_child (item, i), search);
}

/**
 * vp_article_find_item:
 * @block: a block index
 * @start: the start of a span in it
 * @end: its end
 *
 * Returns: (transfer none) (nullable): the smallest outline item or
 *   recommendation whose span holds the span @start..@end of @block
 */
VpOutlineItem *
vp_article_find_item (VpArticle *self,
                      int        block,
                      guint      start,
                      guint      end)
{
  ItemSearch search = { block, start, end, NULL, G_MAXUINT };
  guint n_sections;
  guint n_recommendations;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  n_sections = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);
      guint n_items = vp_outline_section_get_n_items (section);

      for (guint j = 0; j < n_items; j++)
        search_item (self, vp_outline_section_get_item (section, j), &search);
    }

  n_recommendations = g_list_model_get_n_items (G_LIST_MODEL (self->recommendations));
  for (guint i = 0; i < n_recommendations; i++)
    {
      g_autoptr(VpOutlineItem) item = g_list_model_get_item (G_LIST_MODEL (self->recommendations), i);

      search_item (self, item, &search);
    }

  return search.best;
}

/* A key for an item's span in a hash table. */
typedef struct
{
  int   block;
  guint start;
  guint end;
} SpanKey;

static guint
span_key_hash (gconstpointer key)
{
  const SpanKey *span = key;

  return (guint)span->block * 31u * 31u + span->start * 31u + span->end;
}

static gboolean
span_key_equal (gconstpointer a,
                gconstpointer b)
{
  const SpanKey *sa = a;
  const SpanKey *sb = b;

  return sa->block == sb->block && sa->start == sb->start && sa->end == sb->end;
}

static void
add_item_spans (VpArticle     *self,
                VpOutlineItem *item,
                GHashTable    *spans)
{
  SpanKey *span = g_new (SpanKey, 1);

  get_item_span (self, item, &span->block, &span->start, &span->end);
  g_hash_table_add (spans, span);

  for (guint i = 0; i < vp_outline_item_get_n_children (item); i++)
    add_item_spans (self, vp_outline_item_get_child (item, i), spans);
}

/* The spans of every item and recommendation of the outline. */
static GHashTable *
dup_item_spans (VpArticle *self)
{
  GHashTable *spans = g_hash_table_new_full (span_key_hash, span_key_equal, g_free, NULL);
  guint n_sections = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  guint n_recommendations = g_list_model_get_n_items (G_LIST_MODEL (self->recommendations));

  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);

      for (guint j = 0; j < vp_outline_section_get_n_items (section); j++)
        add_item_spans (self, vp_outline_section_get_item (section, j), spans);
    }

  for (guint i = 0; i < n_recommendations; i++)
    {
      g_autoptr(VpOutlineItem) item = g_list_model_get_item (G_LIST_MODEL (self->recommendations), i);

      add_item_spans (self, item, spans);
    }

  return spans;
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  return vp_annotation_compare (*(VpAnnotation * const *)a, *(VpAnnotation * const *)b);
}

/**
 * vp_article_anchor_annotations:
 * @annotations: (element-type VpAnnotation): annotations made for another
 *   version of this article's text (an older import, a saved workspace)
 *
 * Adds @annotations to the article, each found again in its text as it
 * is now (see vp_anchor_locate()). An annotation of an outline item
 * goes to the item that holds its text now. What cannot be found (its
 * text is gone, or no item holds it) is left out and returned, for the
 * reader to be told.
 *
 * An annotation still in place (as in a workspace file whose text has
 * not changed) costs only its own length, so that opening thousands of
 * them stays quick; the others cost a search of the whole article.
 *
 * Returns: (transfer full) (element-type VpAnnotation): the annotations
 *   that could not be placed, in the order given
 */
GPtrArray *
vp_article_anchor_annotations (VpArticle *self,
                               GPtrArray *annotations)
{
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GHashTable) item_spans = NULL;
  g_autofree const char **texts = NULL;
  g_autofree gsize *lengths = NULL;
  gsize title_length;
  guint n_before;
  guint kept;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (annotations != NULL, NULL);

  dropped = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_annotation_unref);
  texts = g_new0 (const char *, self->blocks->len + 1);
  lengths = g_new0 (gsize, self->blocks->len + 1);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      texts[i] = ((VpBlock *)g_ptr_array_index (self->blocks, i))->text;
      lengths[i] = strlen (texts[i]);
    }
  title_length = self->title != NULL ? strlen (self->title) : 0;

  /* The placed annotations go after the article's own, and are sorted in
   * with them at the end: one sort rather than an insertion each. */
  n_before = self->annotations->len;

  for (guint i = 0; i < annotations->len; i++)
    {
      VpAnnotation *annotation = g_ptr_array_index (annotations, i);
      gboolean is_item = vp_annotation_is_item (annotation);
      const char *text = NULL;
      gsize length = 0;
      VpAnchor anchor;
      int block;
      guint start;
      guint end;

      vp_annotation_get_anchor (annotation, &anchor);

      if (anchor.block == VP_MENTION_TITLE)
        {
          text = self->title;
          length = title_length;
        }
      else if (anchor.block >= 0 && (guint)anchor.block < self->blocks->len)
        {
          text = texts[anchor.block];
          length = lengths[anchor.block];
        }

      if (vp_anchor_is_in_place (&anchor, text, length))
        {
          SpanKey key = { anchor.block, anchor.start, anchor.end };

          if (is_item && item_spans == NULL)
            item_spans = dup_item_spans (self);

          /* An item annotation also needs the item it was made for, as
           * it was. */
          if (!is_item || g_hash_table_contains (item_spans, &key))
            {
              g_ptr_array_add (self->annotations, vp_annotation_ref (annotation));
              continue;
            }
        }

      if (!vp_anchor_locate (&anchor, self->title, texts, self->blocks->len, &block, &start))
        {
          g_ptr_array_add (dropped, vp_annotation_ref (annotation));
          continue;
        }
      end = start + (anchor.end - anchor.start);

      if (is_item)
        {
          VpOutlineItem *item = block >= 0 ? vp_article_find_item (self, block, start, end) : NULL;

          if (item == NULL)
            {
              g_ptr_array_add (dropped, vp_annotation_ref (annotation));
              continue;
            }

          get_item_span (self, item, &block, &start, &end);
        }

      if (block == anchor.block && start == anchor.start && end == anchor.end &&
          annotation_fits (self, annotation))
        g_ptr_array_add (self->annotations, vp_annotation_ref (annotation));
      else
        g_ptr_array_add (self->annotations,
                         vp_annotation_copy_moved (annotation, block,
                                                   vp_article_get_block_text (self, block),
                                                   start, end));
    }

  if (self->annotations->len == n_before)
    return g_steal_pointer (&dropped);

  /* The sort is stable: of annotations that say the same thing about the
   * same place, the article's own stays, as insert_annotation() keeps. */
  g_ptr_array_sort (self->annotations, compare_annotations);
  kept = 0;
  for (guint i = 0; i < self->annotations->len; i++)
    {
      VpAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      if (kept > 0 &&
          vp_annotation_compare (g_ptr_array_index (self->annotations, kept - 1), annotation) == 0)
        {
          vp_annotation_unref (annotation);
          continue;
        }

      self->annotations->pdata[kept++] = annotation;
    }
  /* The duplicates were released above. */
  g_ptr_array_set_free_func (self->annotations, NULL);
  g_ptr_array_set_size (self->annotations, kept);
  g_ptr_array_set_free_func (self->annotations, (GDestroyNotify)vp_annotation_unref);

  if (self->annotations->len > n_before)
    refresh (self);

  return g_steal_pointer (&dropped);
}

static gboolean
same_actors (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  gpointer actor;

  if (a == NULL || b == NULL || a == b)
    return a == b;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &actor, NULL))
    {
      if (!g_hash_table_contains (b, actor))
        return FALSE;
    }

  return TRUE;
}

/**
 * vp_article_set_active_actors:
 * @actor_ids: (nullable) (array zero-terminated=1): the ids of the
 *   actors the reader looks for, or %NULL for all
 *
 * Manual tags and item additions of other actors are kept, and count
 * again once their actor is active: a workspace makes the enabled actors
 * of its set the active ones, so that disabling an actor hides all of
 * its mentions, manual or not.
 */
void
vp_article_set_active_actors (VpArticle          *self,
                              const char * const *actor_ids)
{
  g_autoptr(GHashTable) active = NULL;

  g_return_if_fail (VP_IS_ARTICLE (self));

  if (actor_ids != NULL)
    {
      active = g_hash_table_new (NULL, NULL);
      for (guint i = 0; actor_ids[i] != NULL; i++)
        g_hash_table_add (active, (gpointer)g_intern_string (actor_ids[i]));
    }

  vp_article_share_active_actors (self, active);
}

/**
 * vp_article_share_active_actors:
 * @actor_ids: (nullable) (element-type utf8 utf8): a set of interned
 *   actor ids (a #GHashTable with g_direct_hash() whose keys are the ids),
 *   or %NULL for all
 *
 * Like vp_article_set_active_actors(), with a set the caller may give to
 * many articles at once: the article keeps a reference on it, so it
 * must not change afterwards. A workspace tags its thousand articles
 * with one set rather than a thousand copies.
 */
void
vp_article_share_active_actors (VpArticle  *self,
                                GHashTable *actor_ids)
{
  g_return_if_fail (VP_IS_ARTICLE (self));

  if (same_actors (self->active_actors, actor_ids))
    return;

  g_clear_pointer (&self->active_actors, g_hash_table_unref);
  if (actor_ids != NULL)
    self->active_actors = g_hash_table_ref (actor_ids);

  if (self->annotations->len > 0)
    refresh (self);
}

/**
 * vp_article_get_warnings:
 *
 * Returns: (transfer none): what the reader should know about the
 *   extraction, never %NULL
 */
const char * const *
vp_article_get_warnings (VpArticle *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  /* An empty GPtrArray may have no storage at all, terminator included. */
  if (self->warnings->pdata == NULL)
    return none;

  return (const char * const *)self->warnings->pdata;
}

void
vp_article_add_warning (VpArticle  *self,
                        const char *format,
                        ...)
{
  va_list args;

  g_return_if_fail (VP_IS_ARTICLE (self));
  g_return_if_fail (format != NULL);

  va_start (args, format);
  g_ptr_array_add (self->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

static gboolean
item_has_any (VpOutlineItem      *item,
              const char * const *actor_ids)
{
  for (guint i = 0; actor_ids[i] != NULL; i++)
    if (vp_outline_item_has_actor (item, actor_ids[i]))
      return TRUE;

  return FALSE;
}

/* A copy of @item with its actors as they are, keeping the children that
 * involve one of @actor_ids or hold one that does; NULL when neither
 * @item nor any of them does. */
static VpOutlineItem *
dup_item_for_actors (VpOutlineItem      *item,
                     const char * const *actor_ids)
{
  g_autoptr(GPtrArray) children = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = vp_outline_item_get_n_children (item);
  VpOutlineItem *copy;
  guint start;
  guint end;

  for (guint i = 0; i < n; i++)
    {
      VpOutlineItem *child = dup_item_for_actors (vp_outline_item_get_child (item, i), actor_ids);

      if (child != NULL)
        g_ptr_array_add (children, child);
    }

  if (children->len == 0 && !item_has_any (item, actor_ids))
    return NULL;

  vp_outline_item_get_span (item, &start, &end);
  copy = vp_outline_item_new_span (vp_outline_item_get_label (item), vp_outline_item_get_text (item),
                                   vp_outline_item_get_block (item), start, end);
  vp_outline_item_set_actors (copy, vp_outline_item_get_actors (item));
  for (guint i = 0; i < children->len; i++)
    vp_outline_item_append_child (copy, g_ptr_array_index (children, i));

  return copy;
}

/**
 * vp_article_dup_for_actors:
 * @actor_ids: (array zero-terminated=1): the actors whose points to keep
 *
 * A copy of the article for exporting or printing the points that
 * involve some actors, as the outline shows them when it is filtered:
 * the same metadata, text, mentions and warnings, and only the points
 * that involve one of @actor_ids or hold one that does, each with the
 * actors it has now. Sections left with no point are left out, and the
 * others announce no count, which their lead-in made for every point.
 * The copy has no annotations: its points carry their actors already.
 *
 * Returns: (transfer full): the copy
 */
VpArticle *
vp_article_dup_for_actors (VpArticle          *self,
                           const char * const *actor_ids)
{
  VpArticle *copy;
  guint n;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (actor_ids != NULL, NULL);

  copy = vp_article_new (self->source);
  copy->title = g_strdup (self->title);
  g_strfreev (copy->authors);
  copy->authors = g_strdupv (self->authors);
  copy->outlet = g_strdup (self->outlet);
  copy->site = g_strdup (self->site);
  copy->published = g_strdup (self->published);
  copy->language = g_strdup (self->language);
  copy->direction = self->direction;

  for (guint i = 0; i < self->blocks->len; i++)
    g_ptr_array_add (copy->blocks, vp_block_copy (g_ptr_array_index (self->blocks, i)));

  g_array_append_vals (copy->automatic, self->automatic->data, self->automatic->len);
  if (self->effective != NULL)
    copy->effective = g_array_copy (self->effective);

  for (const char * const *w = vp_article_get_warnings (self); *w != NULL; w++)
    vp_article_add_warning (copy, "%s", *w);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sections));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (G_LIST_MODEL (self->sections), i);
      g_autoptr(VpOutlineSection) kept = NULL;
      guint n_items = vp_outline_section_get_n_items (section);

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(VpOutlineItem) item = dup_item_for_actors (vp_outline_section_get_item (section, j),
                                                               actor_ids);

          if (item == NULL)
            continue;

          if (kept == NULL)
            kept = vp_outline_section_new (vp_outline_section_get_heading (section),
                                           vp_outline_section_get_heading_block (section),
                                           vp_outline_section_get_lead_in (section),
                                           vp_outline_section_get_lead_in_block (section),
                                           -1);
          vp_outline_section_append_item (kept, item);
        }

      if (kept != NULL)
        vp_article_append_section (copy, kept);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->recommendations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpOutlineItem) recommendation = g_list_model_get_item (G_LIST_MODEL (self->recommendations), i);
      g_autoptr(VpOutlineItem) item = dup_item_for_actors (recommendation, actor_ids);

      if (item != NULL)
        vp_article_append_recommendation (copy, item);
    }

  return copy;
}
