/* vp-mnemonic.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vp-mnemonic.h"

/**
 * vp_escape_mnemonic:
 * @text: text to show as it is in a menu label
 *
 * Menu labels take underscores as mnemonics; names the reader wrote (an
 * actor's, a file's, an undo step's) keep theirs by doubling them.
 *
 * Returns: (transfer full): @text for a label with mnemonics
 */
char *
vp_escape_mnemonic (const char *text)
{
  GString *escaped;

  g_return_val_if_fail (text != NULL, NULL);

  escaped = g_string_sized_new (strlen (text) + 4);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_')
        g_string_append_c (escaped, '_');
      g_string_append_c (escaped, *p);
    }

  return g_string_free (escaped, FALSE);
}
