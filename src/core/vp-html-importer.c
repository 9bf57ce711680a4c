/* vp-html-importer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-html-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-encoding.h"
#include "vp-error.h"
#include "vp-html-importer.h"
#include "vp-html-private.h"
#include "vp-libxml-private.h"
#include "vp-text.h"

gboolean
vp_html_is_element (const xmlNode *node,
                    const char    *name)
{
  return node != NULL &&
         node->type == XML_ELEMENT_NODE &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

/**
 * vp_html_get_attribute:
 *
 * Returns: (transfer full) (nullable): the attribute's value, as a string
 *   to free with g_free()
 */
char *
vp_html_get_attribute (const xmlNode *node,
                       const char    *name)
{
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (g_ascii_strcasecmp ((const char *)attr->name, name) == 0)
        {
          g_autoptr(VpXmlString) value = xmlNodeGetContent ((const xmlNode *)attr);

          return value != NULL ? g_strdup ((const char *)value) : g_strdup ("");
        }
    }

  return NULL;
}

/**
 * vp_html_next_node:
 * @node: a node inside @root's subtree, or @root
 * @root: the subtree being walked
 * @descend: whether to visit @node's children
 *
 * Steps through a subtree in document order without recursion, since
 * hostile pages nest deeply.
 *
 * Returns: (nullable): the next node, or %NULL once the subtree is done
 */
xmlNode *
vp_html_next_node (xmlNode  *node,
                   xmlNode  *root,
                   gboolean  descend)
{
  if (descend && node->children != NULL)
    return node->children;

  while (node != NULL && node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }

  return NULL;
}

/**
 * vp_html_node_text:
 *
 * Returns: (transfer full): the text under @node, whitespace-normalised,
 *   without the contents of scripts and styles
 */
char *
vp_html_node_text (const xmlNode *node)
{
  GString *out = g_string_new (NULL);
  xmlNode *root = (xmlNode *)node;
  xmlNode *cur = root;

  while (cur != NULL)
    {
      gboolean descend = FALSE;

      if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE)
        {
          if (cur->content != NULL)
            vp_text_append_normalised (out, (const char *)cur->content, -1);
        }
      else if (cur->type == XML_ELEMENT_NODE &&
               !vp_html_is_element (cur, "script") && !vp_html_is_element (cur, "style") &&
               !vp_html_is_element (cur, "noscript") && !vp_html_is_element (cur, "template"))
        {
          /* Line breaks and paragraphs separate words. */
          if (cur != root && out->len > 0 && out->str[out->len - 1] != ' ' &&
              (vp_html_is_element (cur, "br") || vp_html_is_element (cur, "p")))
            g_string_append_c (out, ' ');
          descend = TRUE;
        }

      cur = vp_html_next_node (cur, root, descend);
    }

  vp_text_trim_end (out);
  if (out->len > 0 && out->str[0] == ' ')
    g_string_erase (out, 0, 1);

  return g_string_free (out, FALSE);
}

static xmlDoc *
parse_page (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autofree char *converted = NULL;
  const char *charset;
  gsize utf8_length = length;
  const char *utf8 = data;
  xmlDoc *doc;

  /* Decode the page ourselves (see vp_encoding_to_utf8() for why the
   * bytes are trusted over the label) and hand libxml2 UTF-8. Pages that
   * are already UTF-8, nearly all of them, are parsed without a copy. */
  charset = vp_encoding_sniff_html (data, length);

  if (vp_encoding_sniff_bom (data, length) == VP_BOM_NONE &&
      g_utf8_validate_len (data, length, NULL))
    ;
  else if (vp_encoding_sniff_bom (data, length) == VP_BOM_UTF8 &&
           g_utf8_validate_len (data + 3, length - 3, NULL))
    {
      utf8 = data + 3;
      utf8_length = length - 3;
    }
  else
    {
      converted = vp_encoding_to_utf8 (data, length, charset, &utf8_length, error);
      if (converted == NULL)
        return NULL;
      utf8 = converted;
    }

  if (utf8_length > G_MAXINT)
    {
      g_set_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_TOO_LARGE,
                   _("the page is too large to read"));
      return NULL;
    }

  ctxt = htmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_PARSE,
                   _("the page could not be parsed"));
      return NULL;
    }

  doc = htmlCtxtReadMemory (ctxt, utf8, (int)utf8_length, NULL, "UTF-8", VP_HTML_PARSE_OPTIONS);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_PARSE,
                   _("the page could not be parsed"));
      return NULL;
    }

  return doc;
}

/**
 * vp_html_import:
 * @data: the page's bytes, in whatever encoding it uses
 * @length: their number
 * @source: the file's name, for the article
 * @error: a place for a #VP_IMPORT_ERROR; its message does not name the file
 *
 * Reads a saved web page: decodes and parses it without network access or
 * external entities, finds the article among the site's chrome, and reads
 * its metadata. The outline and mentions are not computed here.
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
VpArticle *
vp_html_import (const char  *data,
                gsize        length,
                const char  *source,
                GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(VpArticle) article = NULL;
  g_autoptr(VpHtmlContent) content = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source != NULL, NULL);

  doc = parse_page (data, length, error);
  if (doc == NULL)
    return NULL;

  article = vp_article_new (source);

  /* The metadata reader is told which element holds the article, or
   * NULL when the page has none. */
  content = vp_html_find_content (doc);
  vp_html_collect_blocks (article, content);

  vp_html_read_metadata (article, doc, vp_html_content_get_node (content));

  if (vp_article_get_n_blocks (article) == 0)
    {
      g_set_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_NO_ARTICLE,
                   _("no article was found in the page"));
      return NULL;
    }

  return g_steal_pointer (&article);
}
