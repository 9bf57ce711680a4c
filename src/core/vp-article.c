/* vp-article.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-article"

#include "config.h"

#include <string.h>

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
  GArray          *mentions;         /* of VpMention */
  GPtrArray       *warnings;         /* of char *, NULL-terminated */
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
  g_clear_pointer (&self->mentions, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

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
}

static void
vp_article_init (VpArticle *self)
{
  self->authors = g_new0 (char *, 1);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_block_free);
  self->sections = g_list_store_new (VP_TYPE_OUTLINE_SECTION);
  self->recommendations = g_list_store_new (VP_TYPE_OUTLINE_ITEM);
  self->mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));
  self->warnings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
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

/**
 * vp_article_get_mentions:
 * @n_mentions: (out): the number of mentions
 *
 * Returns: (transfer none) (array length=n_mentions): the mentions, by
 *   block then offset
 */
const VpMention *
vp_article_get_mentions (VpArticle *self,
                         guint     *n_mentions)
{
  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (n_mentions != NULL, NULL);

  *n_mentions = self->mentions->len;

  return (const VpMention *)(gpointer)self->mentions->data;
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

/**
 * vp_article_set_mentions:
 * @mentions: an array of #VpMention with interned actor ids
 *
 * Replaces the article's mentions and recomputes every outline item's
 * actors from them.
 */
void
vp_article_set_mentions (VpArticle *self,
                         GArray    *mentions)
{
  g_return_if_fail (VP_IS_ARTICLE (self));
  g_return_if_fail (mentions != NULL);
  g_return_if_fail (g_array_get_element_size (mentions) == sizeof (VpMention));

  g_array_set_size (self->mentions, 0);
  g_array_append_vals (self->mentions, mentions->data, mentions->len);
  g_array_sort (self->mentions, compare_mentions);

  vp_article_update_item_actors (self);
}

guint
vp_article_count_mentions (VpArticle  *self,
                           const char *actor_id)
{
  const char *interned;
  guint count = 0;

  g_return_val_if_fail (VP_IS_ARTICLE (self), 0);
  g_return_val_if_fail (actor_id != NULL, 0);

  interned = g_intern_string (actor_id);

  for (guint i = 0; i < self->mentions->len; i++)
    {
      if (g_array_index (self->mentions, VpMention, i).actor == interned)
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
first_mention_in_block (VpArticle *self,
                        int        block)
{
  guint lo = 0;
  guint hi = self->mentions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->mentions, VpMention, mid).block < block)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/**
 * vp_article_dup_span_actors:
 * @block: a block index, or %VP_MENTION_TITLE
 * @start: a byte offset in the block's text
 * @end: a byte offset, or G_MAXUINT for the end of the block
 *
 * Returns: (transfer full): the sorted ids of the actors mentioned in
 *   @block between @start and @end
 */
char **
vp_article_dup_span_actors (VpArticle *self,
                            int        block,
                            guint      start,
                            guint      end)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (VP_IS_ARTICLE (self), NULL);

  ids = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  for (guint i = first_mention_in_block (self, block); i < self->mentions->len; i++)
    {
      const VpMention *m = &g_array_index (self->mentions, VpMention, i);
      gboolean seen = FALSE;

      if (m->block != block || m->start >= end)
        break;

      if (m->start < start)
        continue;

      for (guint j = 0; j < ids->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (ids, j), m->actor);

      if (!seen)
        g_ptr_array_add (ids, g_strdup (m->actor));
    }

  g_ptr_array_sort (ids, compare_strings);

  return (char **)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static void
update_item_actors (VpArticle     *self,
                    VpOutlineItem *item)
{
  g_auto(GStrv) actors = NULL;
  guint n_children = vp_outline_item_get_n_children (item);
  guint start;
  guint end;

  vp_outline_item_get_span (item, &start, &end);
  actors = vp_article_dup_span_actors (self, vp_outline_item_get_block (item), start, end);

  vp_outline_item_set_actors (item, (const char * const *)actors);

  for (guint i = 0; i < n_children; i++)
    update_item_actors (self, vp_outline_item_get_child (item, i));
}

/**
 * vp_article_update_item_actors:
 *
 * Sets the actors of every outline item and recommendation from the
 * mentions in its span of its block.
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
