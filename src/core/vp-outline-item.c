/* vp-outline-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-outline-item"

#include "config.h"

#include "vp-outline-item.h"

struct _VpOutlineItem
{
  GObject     parent_instance;

  char       *label;
  char       *text;
  int         block;
  guint       start;
  guint       end;
  GListStore *children;
  char      **actors;
};

G_DEFINE_FINAL_TYPE (VpOutlineItem, vp_outline_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_TEXT,
  PROP_BLOCK,
  PROP_START,
  PROP_END,
  PROP_CHILDREN,
  PROP_ACTORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_outline_item_dispose (GObject *object)
{
  VpOutlineItem *self = (VpOutlineItem *)object;

  g_clear_object (&self->children);

  G_OBJECT_CLASS (vp_outline_item_parent_class)->dispose (object);
}

static void
vp_outline_item_finalize (GObject *object)
{
  VpOutlineItem *self = (VpOutlineItem *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->actors, g_strfreev);

  G_OBJECT_CLASS (vp_outline_item_parent_class)->finalize (object);
}

static void
vp_outline_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VpOutlineItem *self = VP_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_BLOCK:
      g_value_set_int (value, self->block);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_CHILDREN:
      g_value_set_object (value, self->children);
      break;

    case PROP_ACTORS:
      g_value_set_boxed (value, self->actors);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_outline_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VpOutlineItem *self = VP_OUTLINE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;

    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;

    case PROP_BLOCK:
      self->block = g_value_get_int (value);
      break;

    case PROP_START:
      self->start = g_value_get_uint (value);
      break;

    case PROP_END:
      self->end = g_value_get_uint (value);
      break;

    case PROP_ACTORS:
      vp_outline_item_set_actors (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_outline_item_class_init (VpOutlineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_outline_item_dispose;
  object_class->finalize = vp_outline_item_finalize;
  object_class->get_property = vp_outline_item_get_property;
  object_class->set_property = vp_outline_item_set_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BLOCK] =
    g_param_spec_int ("block", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The part of the block the item stands for, in bytes; a recommendation
   * is one sentence of a paragraph, an ordinal point leaves out its
   * "First,". G_MAXUINT as the end means the end of the block. */
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL,
                       0, G_MAXUINT, G_MAXUINT,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHILDREN] =
    g_param_spec_object ("children", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTORS] =
    g_param_spec_boxed ("actors", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_outline_item_init (VpOutlineItem *self)
{
  self->block = -1;
  self->end = G_MAXUINT;
  self->children = g_list_store_new (VP_TYPE_OUTLINE_ITEM);
  self->actors = g_new0 (char *, 1);
}

/**
 * vp_outline_item_new:
 * @label: (nullable): the item's own marker ("1", "iv", "b"), or %NULL for a bullet
 * @text: the item's text, without its marker
 * @block: index of the item's block in the article, or -1
 */
VpOutlineItem *
vp_outline_item_new (const char *label,
                     const char *text,
                     int         block)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (VP_TYPE_OUTLINE_ITEM,
                       "label", label,
                       "text", text,
                       "block", block,
                       NULL);
}

const char *
vp_outline_item_get_label (VpOutlineItem *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (self), NULL);

  return self->label;
}

const char *
vp_outline_item_get_text (VpOutlineItem *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (self), NULL);

  return self->text;
}

/**
 * vp_outline_item_new_span:
 * @label: (nullable): the item's own marker, or %NULL
 * @text: the item's text
 * @block: index of the block the item lies in
 * @start: byte offset in the block's text where the item starts
 * @end: byte offset where it ends, or G_MAXUINT for the end of the block
 */
VpOutlineItem *
vp_outline_item_new_span (const char *label,
                          const char *text,
                          int         block,
                          guint       start,
                          guint       end)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  return g_object_new (VP_TYPE_OUTLINE_ITEM,
                       "label", label,
                       "text", text,
                       "block", block,
                       "start", start,
                       "end", end,
                       NULL);
}

int
vp_outline_item_get_block (VpOutlineItem *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (self), -1);

  return self->block;
}

/**
 * vp_outline_item_get_span:
 * @start: (out) (optional): where the item starts in its block, in bytes
 * @end: (out) (optional): where it ends; G_MAXUINT for the end of the block
 */
void
vp_outline_item_get_span (VpOutlineItem *self,
                          guint         *start,
                          guint         *end)
{
  g_return_if_fail (VP_IS_OUTLINE_ITEM (self));

  if (start != NULL)
    *start = self->start;
  if (end != NULL)
    *end = self->end;
}

/**
 * vp_outline_item_get_children:
 *
 * Returns: (transfer none): a #GListModel of the nested #VpOutlineItem
 */
GListModel *
vp_outline_item_get_children (VpOutlineItem *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (self), NULL);

  return G_LIST_MODEL (self->children);
}

guint
vp_outline_item_get_n_children (VpOutlineItem *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->children));
}

/**
 * vp_outline_item_get_child:
 *
 * Returns: (transfer none): the child at @position
 */
VpOutlineItem *
vp_outline_item_get_child (VpOutlineItem *self,
                           guint          position)
{
  g_autoptr(VpOutlineItem) child = NULL;

  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (self), NULL);

  child = g_list_model_get_item (G_LIST_MODEL (self->children), position);

  /* The store keeps its own reference. */
  return child;
}

void
vp_outline_item_append_child (VpOutlineItem *self,
                              VpOutlineItem *child)
{
  g_return_if_fail (VP_IS_OUTLINE_ITEM (self));
  g_return_if_fail (VP_IS_OUTLINE_ITEM (child));
  g_return_if_fail (child != self);

  g_list_store_append (self->children, child);
}

/**
 * vp_outline_item_get_actors:
 *
 * Returns: (transfer none): the ids of the actors this item involves,
 *   sorted, never %NULL
 */
const char * const *
vp_outline_item_get_actors (VpOutlineItem *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (self), NULL);

  return (const char * const *)self->actors;
}

void
vp_outline_item_set_actors (VpOutlineItem      *self,
                            const char * const *actors)
{
  g_auto(GStrv) copy = NULL;

  g_return_if_fail (VP_IS_OUTLINE_ITEM (self));

  if (actors == NULL)
    copy = g_new0 (char *, 1);
  else
    copy = g_strdupv ((char **)actors);

  if (g_strv_equal ((const char * const *)copy, (const char * const *)self->actors))
    return;

  g_strfreev (self->actors);
  self->actors = g_steal_pointer (&copy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTORS]);
}

gboolean
vp_outline_item_has_actor (VpOutlineItem *self,
                           const char    *actor_id)
{
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (self), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);

  return g_strv_contains ((const char * const *)self->actors, actor_id);
}
