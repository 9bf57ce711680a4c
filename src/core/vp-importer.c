/* vp-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-encoding.h"
#include "vp-error.h"
#include "vp-file.h"
#include "vp-html-importer.h"
#include "vp-importer.h"
#include "vp-outline-extractor.h"
#include "vp-text-importer.h"

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize name_len = strlen (name);
  gsize suffix_len = strlen (suffix);

  return name_len >= suffix_len &&
         g_ascii_strcasecmp (name + name_len - suffix_len, suffix) == 0;
}

/* Whether the first markup in @data is an HTML tag, a doctype or a comment. */
static gboolean
starts_like_html (const char *data,
                  gsize       length)
{
  static const char * const tags[] = {
    "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--",
    "<div", "<p>", "<p ", "<article", "<h1", "<h2", "<table", "<link", "<script",
  };
  gsize scan = MIN (length, 1024);
  gsize i = 0;

  if (vp_encoding_sniff_bom (data, length) == VP_BOM_UTF8)
    i = 3;

  while (i < scan && g_ascii_isspace (data[i]))
    i++;

  if (i + 5 < scan && strncmp (data + i, "<?xml", 5) == 0)
    {
      const char *close = g_strstr_len (data + i, scan - i, "?>");

      if (close == NULL)
        return FALSE;
      i = close + 2 - data;
      while (i < scan && g_ascii_isspace (data[i]))
        i++;
    }

  for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
    {
      gsize len = strlen (tags[t]);

      if (i + len <= length && g_ascii_strncasecmp (data + i, tags[t], len) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * vp_import_guess_format:
 * @source: (nullable): the file's name
 *
 * Decides whether @data is a web page or plain text, from its name and
 * then from its first bytes (a page saved as .txt is still a page).
 */
VpImportFormat
vp_import_guess_format (const char *source,
                        const char *data,
                        gsize       length)
{
  VpBom bom = vp_encoding_sniff_bom (data, length);

  if (bom == VP_BOM_UTF16LE || bom == VP_BOM_UTF16BE)
    {
      g_autofree char *head = g_convert (data + 2, MIN (length - 2, 2048) & ~(gsize)1, "UTF-8",
                                         bom == VP_BOM_UTF16LE ? "UTF-16LE" : "UTF-16BE",
                                         NULL, NULL, NULL);

      if (head != NULL && starts_like_html (head, strlen (head)))
        return VP_IMPORT_FORMAT_HTML;
    }
  else if (starts_like_html (data, length))
    return VP_IMPORT_FORMAT_HTML;

  if (source != NULL &&
      (has_suffix (source, ".html") || has_suffix (source, ".htm") ||
       has_suffix (source, ".xhtml") || has_suffix (source, ".shtml")))
    return VP_IMPORT_FORMAT_HTML;

  return VP_IMPORT_FORMAT_TEXT;
}

static void
set_too_large_error (GError     **error,
                     const char  *source)
{
  g_autofree char *limit = g_format_size_full (VP_IMPORT_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_TOO_LARGE,
               _("%s: the file is too large (over %s)"),
               source, limit);
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  gsize i = 0;

  if (vp_encoding_sniff_bom (data, length) == VP_BOM_UTF8)
    i = 3;

  for (; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * vp_import_data:
 * @data: the file's bytes
 * @length: their number
 * @source: the file's name as the user gave it; error messages start with it
 * @format: the kind of file, or %VP_IMPORT_FORMAT_AUTO to guess
 * @tagger: (nullable): finds the actors' mentions, or %NULL for none
 * @error: a place for a #VP_IMPORT_ERROR
 *
 * Imports one article: reads the page or text, finds its clean body and
 * metadata, builds its outline and finds the actors mentioned.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
VpArticle *
vp_import_data (const char      *data,
                gsize            length,
                const char      *source,
                VpImportFormat   format,
                VpTagger        *tagger,
                GError         **error)
{
  g_autoptr(VpArticle) article = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  if (length > VP_IMPORT_MAX_SIZE)
    {
      set_too_large_error (error, source);
      return NULL;
    }

  if (is_blank (data, length))
    {
      g_set_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_EMPTY,
                   _("%s: the file is empty"), source);
      return NULL;
    }

  if (vp_encoding_looks_binary (data, length))
    {
      g_set_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_BINARY,
                   _("%s: the file holds binary data, not a web page or text"), source);
      return NULL;
    }

  if (format == VP_IMPORT_FORMAT_AUTO)
    format = vp_import_guess_format (source, data, length);

  if (format == VP_IMPORT_FORMAT_HTML)
    article = vp_html_import (data, length, source, &local_error);
  else
    article = vp_text_import (data, length, source, &local_error);

  if (article == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", source);
      return NULL;
    }

  vp_outline_extract (article);

  if (tagger != NULL)
    vp_tagger_tag_article (tagger, article);

  return g_steal_pointer (&article);
}

/**
 * vp_import_file:
 * @file: the file to read
 * @source: (nullable): its name as the user gave it, for messages; the
 *   file's parse name when %NULL
 * @tagger: (nullable): finds the actors' mentions
 *
 * Reads @file and imports it with vp_import_data().
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
VpArticle *
vp_import_file (GFile         *file,
                const char    *source,
                VpTagger      *tagger,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autofree char *parse_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (source == NULL)
    source = parse_name = g_file_get_parse_name (file);

  contents = vp_file_load (file, source, VP_IMPORT_MAX_SIZE,
                           VP_IMPORT_ERROR, VP_IMPORT_ERROR_UNREADABLE, VP_IMPORT_ERROR_TOO_LARGE,
                           cancellable, &length, error);
  if (contents == NULL)
    return NULL;

  return vp_import_data (contents, length, source, VP_IMPORT_FORMAT_AUTO, tagger, error);
}
