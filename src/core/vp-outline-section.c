/* vp-outline-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-outline-section"

#include "config.h"

#include "vp-outline-section.h"

struct _VpOutlineSection
{
  GObject     parent_instance;

  char       *heading;
  char       *lead_in;
  int         heading_block;
  int         lead_in_block;
  int         expected_count;
  GListStore *items;
};

G_DEFINE_FINAL_TYPE (VpOutlineSection, vp_outline_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HEADING,
  PROP_HEADING_BLOCK,
  PROP_LEAD_IN,
  PROP_LEAD_IN_BLOCK,
  PROP_EXPECTED_COUNT,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vp_outline_section_dispose (GObject *object)
{
  VpOutlineSection *self = (VpOutlineSection *)object;

  g_clear_object (&self->items);

  G_OBJECT_CLASS (vp_outline_section_parent_class)->dispose (object);
}

static void
vp_outline_section_finalize (GObject *object)
{
  VpOutlineSection *self = (VpOutlineSection *)object;

  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->lead_in, g_free);

  G_OBJECT_CLASS (vp_outline_section_parent_class)->finalize (object);
}

static void
vp_outline_section_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VpOutlineSection *self = VP_OUTLINE_SECTION (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;

    case PROP_HEADING_BLOCK:
      g_value_set_int (value, self->heading_block);
      break;

    case PROP_LEAD_IN:
      g_value_set_string (value, self->lead_in);
      break;

    case PROP_LEAD_IN_BLOCK:
      g_value_set_int (value, self->lead_in_block);
      break;

    case PROP_EXPECTED_COUNT:
      g_value_set_int (value, self->expected_count);
      break;

    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_outline_section_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VpOutlineSection *self = VP_OUTLINE_SECTION (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      self->heading = g_value_dup_string (value);
      break;

    case PROP_HEADING_BLOCK:
      self->heading_block = g_value_get_int (value);
      break;

    case PROP_LEAD_IN:
      self->lead_in = g_value_dup_string (value);
      break;

    case PROP_LEAD_IN_BLOCK:
      self->lead_in_block = g_value_get_int (value);
      break;

    case PROP_EXPECTED_COUNT:
      self->expected_count = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_outline_section_class_init (VpOutlineSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_outline_section_dispose;
  object_class->finalize = vp_outline_section_finalize;
  object_class->get_property = vp_outline_section_get_property;
  object_class->set_property = vp_outline_section_set_property;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HEADING_BLOCK] =
    g_param_spec_int ("heading-block", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEAD_IN] =
    g_param_spec_string ("lead-in", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEAD_IN_BLOCK] =
    g_param_spec_int ("lead-in-block", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* -1 when the lead-in announces no count. */
  properties[PROP_EXPECTED_COUNT] =
    g_param_spec_int ("expected-count", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_outline_section_init (VpOutlineSection *self)
{
  self->heading_block = -1;
  self->lead_in_block = -1;
  self->expected_count = -1;
  self->items = g_list_store_new (VP_TYPE_OUTLINE_ITEM);
}

/**
 * vp_outline_section_new:
 * @heading: (nullable): the heading the list stands under
 * @heading_block: the heading's block index, or -1
 * @lead_in: (nullable): the sentence that introduces the list
 * @lead_in_block: the lead-in's block index, or -1
 * @expected_count: the number of points the lead-in announces, or -1
 */
VpOutlineSection *
vp_outline_section_new (const char *heading,
                        int         heading_block,
                        const char *lead_in,
                        int         lead_in_block,
                        int         expected_count)
{
  return g_object_new (VP_TYPE_OUTLINE_SECTION,
                       "heading", heading,
                       "heading-block", heading_block,
                       "lead-in", lead_in,
                       "lead-in-block", lead_in_block,
                       "expected-count", expected_count,
                       NULL);
}

const char *
vp_outline_section_get_heading (VpOutlineSection *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_SECTION (self), NULL);

  return self->heading;
}

int
vp_outline_section_get_heading_block (VpOutlineSection *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_SECTION (self), -1);

  return self->heading_block;
}

const char *
vp_outline_section_get_lead_in (VpOutlineSection *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_SECTION (self), NULL);

  return self->lead_in;
}

int
vp_outline_section_get_lead_in_block (VpOutlineSection *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_SECTION (self), -1);

  return self->lead_in_block;
}

int
vp_outline_section_get_expected_count (VpOutlineSection *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_SECTION (self), -1);

  return self->expected_count;
}

/**
 * vp_outline_section_get_items:
 *
 * Returns: (transfer none): a #GListModel of #VpOutlineItem
 */
GListModel *
vp_outline_section_get_items (VpOutlineSection *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_SECTION (self), NULL);

  return G_LIST_MODEL (self->items);
}

guint
vp_outline_section_get_n_items (VpOutlineSection *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_SECTION (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/**
 * vp_outline_section_get_item:
 *
 * Returns: (transfer none): the item at @position, or %NULL
 */
VpOutlineItem *
vp_outline_section_get_item (VpOutlineSection *self,
                             guint             position)
{
  g_autoptr(VpOutlineItem) item = NULL;

  g_return_val_if_fail (VP_IS_OUTLINE_SECTION (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  /* The store keeps its own reference. */
  return item;
}

void
vp_outline_section_append_item (VpOutlineSection *self,
                                VpOutlineItem    *item)
{
  g_return_if_fail (VP_IS_OUTLINE_SECTION (self));
  g_return_if_fail (VP_IS_OUTLINE_ITEM (item));

  g_list_store_append (self->items, item);
}

/**
 * vp_outline_section_count_differs:
 *
 * Returns: %TRUE when the lead-in announces a number of points and the
 *   list has another number of top-level items
 */
gboolean
vp_outline_section_count_differs (VpOutlineSection *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_SECTION (self), FALSE);

  return self->expected_count >= 0 &&
         (guint)self->expected_count != vp_outline_section_get_n_items (self);
}
