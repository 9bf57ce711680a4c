/* vp-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-text"

#include "config.h"

#include <string.h>

#include "vp-text.h"

/**
 * vp_text_is_space:
 *
 * Whether @c separates words: ASCII white space, the non-breaking spaces
 * (U+00A0, U+202F) and the other Unicode space separators.
 */
gboolean
vp_text_is_space (gunichar c)
{
  switch (c)
    {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x00A0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return TRUE;

    default:
      return c >= 0x2000 && c <= 0x200A;
    }
}

/**
 * vp_text_is_invisible:
 *
 * Whether @c is a character that carries nothing a reader sees and is
 * dropped from clean text: soft hyphens, zero-width spaces, word joiners,
 * byte-order marks and control characters. The zero-width (non-)joiners
 * stay, since Persian and Indic scripts need them.
 */
gboolean
vp_text_is_invisible (gunichar c)
{
  if (c < 0x20 || (c >= 0x7F && c < 0xA0))
    return !vp_text_is_space (c);

  switch (c)
    {
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * vp_text_append_normalised:
 * @out: the text built so far
 * @text: text to append
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Appends @text to @out with every run of white space turned into one
 * space and invisible characters dropped. No space is added at the start
 * of @out or after a space already there, so pieces of one paragraph can be
 * appended one after the other; vp_text_trim_end() removes the space that
 * may be left at the end. Invalid UTF-8 becomes U+FFFD.
 */
void
vp_text_append_normalised (GString    *out,
                           const char *text,
                           gssize      length)
{
  const char *p;
  const char *end;
  gboolean space;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);

  p = text;
  end = text + length;
  space = out->len == 0 || out->str[out->len - 1] == ' ';

  while (p < end)
    {
      guchar b = (guchar)*p;
      gunichar c;

      /* Most text is ASCII: handle it without decoding. */
      if (b < 0x80)
        {
          if (b == ' ' || (b >= '\t' && b <= '\r'))
            {
              if (!space)
                {
                  g_string_append_c (out, ' ');
                  space = TRUE;
                }
            }
          else if (b >= 0x20 && b != 0x7F)
            {
              g_string_append_c (out, b);
              space = FALSE;
            }
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_unichar (out, 0xFFFD);
          space = FALSE;
          p++;
          continue;
        }

      if (vp_text_is_space (c))
        {
          if (!space)
            {
              g_string_append_c (out, ' ');
              space = TRUE;
            }
        }
      else if (!vp_text_is_invisible (c))
        {
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          space = FALSE;
        }

      p = g_utf8_next_char (p);
    }
}

/**
 * vp_text_trim_end:
 *
 * Drops the space vp_text_append_normalised() may have left at the end.
 */
void
vp_text_trim_end (GString *out)
{
  g_return_if_fail (out != NULL);

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

/**
 * vp_text_normalise:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Returns: (transfer full): @text with white space collapsed and trimmed,
 *   and invisible characters dropped
 */
char *
vp_text_normalise (const char *text,
                   gssize      length)
{
  GString *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  out = g_string_sized_new (length >= 0 ? (gsize)length : 64);
  vp_text_append_normalised (out, text, length);
  vp_text_trim_end (out);

  return g_string_free (out, FALSE);
}
