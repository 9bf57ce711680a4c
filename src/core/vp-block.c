/* vp-block.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-block"

#include "config.h"

#include "vp-block.h"

G_DEFINE_BOXED_TYPE (VpBlock, vp_block, vp_block_copy, vp_block_free)

static const char * const kind_names[] = {
  [VP_BLOCK_HEADING] = "heading",
  [VP_BLOCK_PARAGRAPH] = "paragraph",
  [VP_BLOCK_ITEM] = "item",
  [VP_BLOCK_QUOTE] = "quote",
};

VpBlock *
vp_block_new (VpBlockKind  kind,
              const char  *text)
{
  VpBlock *block;

  g_return_val_if_fail (kind <= VP_BLOCK_QUOTE, NULL);

  block = g_new0 (VpBlock, 1);
  block->kind = kind;
  block->parent = -1;
  block->text = g_strdup (text != NULL ? text : "");

  return block;
}

VpBlock *
vp_block_copy (const VpBlock *block)
{
  VpBlock *copy;

  g_return_val_if_fail (block != NULL, NULL);

  copy = g_memdup2 (block, sizeof *block);
  copy->text = g_strdup (block->text);
  copy->label = g_strdup (block->label);

  return copy;
}

void
vp_block_free (VpBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->text);
  g_free (block->label);
  g_free (block);
}

const char *
vp_block_kind_to_string (VpBlockKind kind)
{
  g_return_val_if_fail (kind <= VP_BLOCK_QUOTE, NULL);

  return kind_names[kind];
}

gboolean
vp_block_kind_from_string (const char  *str,
                           VpBlockKind *kind)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    {
      if (g_str_equal (str, kind_names[i]))
        {
          if (kind != NULL)
            *kind = i;
          return TRUE;
        }
    }

  return FALSE;
}
