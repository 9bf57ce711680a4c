/* vp-encoding.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-encoding"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-encoding.h"
#include "vp-error.h"

/* How far into a page to look for its <meta charset>. Browsers look at the
 * first 1024 bytes; saved pages often carry long heads of scripts and
 * styles before the declaration, so we look further. */
#define META_SCAN_LIMIT (64 * 1024)

/* windows-1252 differs from ISO-8859-1 in 0x80–0x9F. The five bytes it
 * leaves undefined map to the C1 controls of the same value, as browsers
 * do, so that any byte sequence decodes. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

VpBom
vp_encoding_sniff_bom (const char *data,
                       gsize       length)
{
  const guchar *b = (const guchar *)data;

  if (length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
    return VP_BOM_UTF8;
  if (length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
    return VP_BOM_UTF16LE;
  if (length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
    return VP_BOM_UTF16BE;

  return VP_BOM_NONE;
}

static gboolean
is_attr_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/';
}

/* Reads a charset name at @p (after "charset="), quoted or not. */
static char *
read_charset_value (const char *p,
                    const char *end)
{
  const char *start;
  char quote = 0;

  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
    p++;
  if (p < end && (*p == '"' || *p == '\''))
    quote = *p++;

  start = p;
  while (p < end && *p != quote && *p != ';' && *p != '>' && *p != '"' && *p != '\'' &&
         !(quote == 0 && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '/')))
    p++;

  if (p == start || p - start > 40)
    return NULL;

  return g_ascii_strdown (start, p - start);
}

/* Finds the value of attribute @name inside the tag between @p and @end. */
static const char *
find_attribute (const char *p,
                const char *end,
                const char *name)
{
  gsize name_len = strlen (name);

  while (p < end)
    {
      if (is_attr_space (p[-1]) &&
          (gsize)(end - p) > name_len &&
          g_ascii_strncasecmp (p, name, name_len) == 0)
        {
          const char *q = p + name_len;

          while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
            q++;
          if (q < end && *q == '=')
            return q + 1;
        }
      p++;
    }

  return NULL;
}

/**
 * vp_encoding_sniff_html:
 *
 * Looks for the charset a page declares in a `<meta charset>` or an
 * `http-equiv="Content-Type"` meta element, or an XML declaration.
 *
 * Returns: (nullable): the declared charset, lower-case, as an interned
 *   string
 */
const char *
vp_encoding_sniff_html (const char *data,
                        gsize       length)
{
  const char *p = data;
  const char *end = data + MIN (length, META_SCAN_LIMIT);

  if (length > 5 && strncmp (data, "<?xml", 5) == 0)
    {
      const char *decl_end = memchr (data, '>', end - data);

      if (decl_end != NULL)
        {
          const char *value = find_attribute (data + 5, decl_end, "encoding");

          if (value != NULL)
            {
              g_autofree char *charset = read_charset_value (value, decl_end);

              if (charset != NULL)
                return g_intern_string (charset);
            }
        }
    }

  while (p < end)
    {
      const char *tag = memchr (p, '<', end - p);
      const char *tag_end;

      if (tag == NULL || end - tag < 6)
        break;

      p = tag + 1;

      /* Skip comments whole: a commented-out meta does not count. */
      if (strncmp (p, "!--", MIN (3, (gsize)(end - p))) == 0)
        {
          const char *close = g_strstr_len (p + 3, end - p - 3, "-->");

          if (close == NULL)
            break;
          p = close + 3;
          continue;
        }

      if (g_ascii_strncasecmp (p, "meta", 4) != 0 || !is_attr_space (p[4]))
        continue;

      tag_end = memchr (p, '>', end - p);
      if (tag_end == NULL)
        break;

      {
        const char *value = find_attribute (p + 4, tag_end, "charset");

        if (value != NULL)
          {
            g_autofree char *charset = read_charset_value (value, tag_end);

            if (charset != NULL)
              return g_intern_string (charset);
          }

        value = find_attribute (p + 4, tag_end, "content");
        if (value != NULL)
          {
            const char *cs = NULL;

            for (const char *q = value; q + 8 <= tag_end; q++)
              {
                if (g_ascii_strncasecmp (q, "charset", 7) == 0)
                  {
                    cs = q + 7;
                    while (cs < tag_end && (*cs == ' ' || *cs == '='))
                      cs++;
                    break;
                  }
              }

            if (cs != NULL)
              {
                g_autofree char *charset = read_charset_value (cs, tag_end);

                if (charset != NULL)
                  return g_intern_string (charset);
              }
          }
      }

      p = tag_end + 1;
    }

  return NULL;
}

/**
 * vp_encoding_looks_binary:
 *
 * Whether @data is something other than text: it starts like a common
 * image, archive or document format, or holds NUL bytes (UTF-16 text with a
 * byte-order mark aside).
 */
gboolean
vp_encoding_looks_binary (const char *data,
                          gsize       length)
{
  static const struct { const char *magic; gsize len; } magics[] = {
    { "\x89PNG", 4 }, { "\xFF\xD8\xFF", 3 }, { "GIF8", 4 }, { "%PDF", 4 },
    { "PK\x03\x04", 4 }, { "\x1F\x8B", 2 }, { "BZh", 3 }, { "\xFD" "7zXZ", 5 },
    { "\x7F" "ELF", 4 }, { "RIFF", 4 }, { "OggS", 4 }, { "ID3", 3 },
    { "\xD0\xCF\x11\xE0", 4 }, { "wOFF", 4 }, { "wOF2", 4 },
  };
  VpBom bom = vp_encoding_sniff_bom (data, length);
  gsize scan = MIN (length, 8192);
  guint controls = 0;

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    {
      if (length >= magics[i].len && memcmp (data, magics[i].magic, magics[i].len) == 0)
        return TRUE;
    }

  if (bom == VP_BOM_UTF16LE || bom == VP_BOM_UTF16BE)
    return FALSE;

  for (gsize i = 0; i < scan; i++)
    {
      guchar b = (guchar)data[i];

      if (b == 0)
        return TRUE;
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B)
        controls++;
    }

  /* Text has next to no control characters; binary data has many. */
  return scan > 0 && controls * 20 > scan;
}

static char *
decode_cp1252 (const char *data,
               gsize       length,
               gsize      *out_length)
{
  GString *out = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guchar b = (guchar)data[i];

      if (b < 0x80)
        g_string_append_c (out, b);
      else if (b < 0xA0)
        g_string_append_unichar (out, cp1252_high[b - 0x80]);
      else
        g_string_append_unichar (out, b);
    }

  if (out_length != NULL)
    *out_length = out->len;

  return g_string_free (out, FALSE);
}

static gboolean
is_cp1252_label (const char *charset)
{
  static const char * const labels[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "latin1",
    "l1", "us-ascii", "ascii", "iso-8859-15", "iso_8859-1", "ansi_x3.4-1968",
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (g_ascii_strcasecmp (charset, labels[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * vp_encoding_to_utf8:
 * @data: the bytes of a file
 * @length: their number
 * @charset: (nullable): the charset the file declares, if any
 * @out_length: (out) (optional): the length of the result
 * @error: a place for a #VP_IMPORT_ERROR_ENCODING error
 *
 * Decodes a file's text, trusting the bytes over the label: a byte-order
 * mark decides first; bytes that are valid UTF-8 are UTF-8 whatever the
 * label says (saved pages often keep a label their bytes no longer match);
 * otherwise the declared charset, and windows-1252 for undeclared pages
 * or labels that do not fit the bytes.
 *
 * Returns: (transfer full): nul-terminated UTF-8, or %NULL with @error set
 */
char *
vp_encoding_to_utf8 (const char  *data,
                     gsize        length,
                     const char  *charset,
                     gsize       *out_length,
                     GError     **error)
{
  VpBom bom;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  bom = vp_encoding_sniff_bom (data, length);

  if (bom == VP_BOM_UTF16LE || bom == VP_BOM_UTF16BE)
    {
      gsize written = 0;
      char *utf8;

      utf8 = g_convert (data + 2, length - 2, "UTF-8",
                        bom == VP_BOM_UTF16LE ? "UTF-16LE" : "UTF-16BE",
                        NULL, &written, NULL);
      if (utf8 == NULL)
        {
          g_set_error_literal (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_ENCODING,
                               _("the file starts as UTF-16 text, but its bytes are not "
                                 "valid UTF-16"));
          return NULL;
        }

      if (out_length != NULL)
        *out_length = written;

      return utf8;
    }

  if (bom == VP_BOM_UTF8)
    {
      data += 3;
      length -= 3;
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      if (out_length != NULL)
        *out_length = length;

      return g_strndup (data, length);
    }

  if (charset != NULL && !is_cp1252_label (charset) &&
      g_ascii_strcasecmp (charset, "utf-8") != 0 && g_ascii_strcasecmp (charset, "utf8") != 0)
    {
      gsize written = 0;
      char *utf8 = g_convert (data, length, "UTF-8", charset, NULL, &written, NULL);

      if (utf8 != NULL)
        {
          if (out_length != NULL)
            *out_length = written;

          return utf8;
        }
    }

  return decode_cp1252 (data, length, out_length);
}
