/* vp-xml.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/SAX2.h>

#include "vp-core-resources.h"
#include "vp-xml-private.h"

#define RESOURCE_DIR "/org/example/Viewpoints/core/"
#define RELAXNG_NS "http://relaxng.org/ns/structure/1.0"

/* Schemas include each other a few levels deep at most; more is a loop. */
#define MAX_SCHEMA_DEPTH 8

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGValidCtxt, xmlRelaxNGFreeValidCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlRelaxNGParserCtxt, xmlRelaxNGFreeParserCtxt)

void
_vp_xml_report_clear (VpXmlReport *report)
{
  g_clear_pointer (&report->message, g_free);
  g_clear_pointer (&report->doctype, g_free);
  report->line = 0;
  report->at_end = FALSE;
  report->doctype_line = 0;
}

/**
 * _vp_xml_first_line:
 *
 * Returns: (transfer full): the first line of a libxml2 message, which
 *   ends with a newline and may go on with a dump of the bytes around the
 *   error
 */
char *
_vp_xml_first_line (const char *message)
{
  const char *end;

  if (message == NULL)
    return g_strdup (_("unknown error"));

  end = strchr (message, '\n');

  return g_strstrip (end != NULL ? g_strndup (message, end - message) : g_strdup (message));
}

static void
parse_error_cb (void          *data,
                VpXmlErrorPtr  error)
{
  xmlParserCtxt *ctxt = data;
  VpXmlReport *report = ctxt->_private;

  /* Warnings do not make a file unusable; the first error is the one that
   * explains the others. */
  if (error->level < XML_ERR_ERROR || report->message != NULL)
    return;

  report->message = _vp_xml_first_line (error->message);
  report->line = error->line;
  report->at_end = ctxt->input != NULL && ctxt->input->cur >= ctxt->input->end;
}

/* Our files need no DOCTYPE, and refusing one before its declarations are
 * parsed leaves no room for entity tricks: nothing is expanded (billion
 * laughs) and nothing is fetched or read (external entities naming local
 * files or URLs). */
static void
internal_subset_cb (void          *data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = data;
  VpXmlReport *report = ctxt->_private;

  report->doctype = g_strdup (name != NULL ? (const char *)name : "");
  report->doctype_line = xmlSAX2GetLineNumber (ctxt);
  xmlStopParser (ctxt);
}

/* The only entities a document may use are the five XML predefines
 * (&amp; and the like). The DOCTYPE check above refuses a document that
 * declares others, but not before libxml2 has parsed it to the end when
 * an earlier error (a malformed XML declaration, say) has turned its SAX
 * callbacks off: it then still declares and expands the entities of the
 * internal subset, and nested ones grow without bound (found by
 * fuzz-workspace-reader). Answering every lookup here means that no
 * declared entity is ever expanded, whatever the parser's state. */
static xmlEntity *
get_entity_cb (void          *data,
               const xmlChar *name)
{
  return xmlGetPredefinedEntity (name);
}

static xmlEntity *
get_parameter_entity_cb (void          *data,
                         const xmlChar *name)
{
  return NULL;
}

/**
 * _vp_xml_parse:
 * @data: the bytes of a document
 * @length: their number, at most G_MAXINT
 * @huge: whether a single text may be longer than libxml2's usual limit of
 *   10 MB (see XML_PARSE_HUGE)
 * @report: (out caller-allocates): what went wrong, cleared beforehand
 *
 * Parses a document that may not have a DOCTYPE. Nothing is ever read
 * from the network or from other files, and no entity is expanded.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when it has
 *   a DOCTYPE (@report's doctype is set), is not well-formed (its
 *   message is set) or has no root element (neither is set)
 */
xmlDoc *
_vp_xml_parse (const char  *data,
               gsize        length,
               gboolean     huge,
               VpXmlReport *report)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  int options;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (length <= G_MAXINT, NULL);
  g_return_val_if_fail (report != NULL, NULL);

  _vp_xml_report_clear (report);

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("Out of memory creating an XML parser");

  ctxt->_private = report;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->getEntity = get_entity_cb;
  ctxt->sax->getParameterEntity = get_parameter_entity_cb;
  ctxt->sax->serror = parse_error_cb;

  /* NONET: never fetch anything. No NOENT or DTDLOAD, so entities would
   * not be substituted or loaded even if the DOCTYPE check above let one
   * through. BIG_LINES: right line numbers beyond 65535. HUGE only lifts
   * the limits on the size of one text or name: with no DOCTYPE there is
   * no entity to amplify, and the caller bounds the size of the file. */
  options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
  if (huge)
    options |= XML_PARSE_HUGE;

  doc = xmlCtxtReadMemory (ctxt, data, (int)length, NULL, NULL, options);

  if (report->doctype != NULL || report->message != NULL || doc == NULL ||
      xmlDocGetRootElement (doc) == NULL)
    return NULL;

  return g_steal_pointer (&doc);
}

/* Schemas */

static gboolean
is_relaxng_element (xmlNode    *node,
                    const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST RELAXNG_NS) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

/* The value of @name on @node or its nearest ancestor that has one. */
static xmlChar *
get_inherited (xmlNode    *node,
               const char *name)
{
  for (; node != NULL && node->type == XML_ELEMENT_NODE; node = node->parent)
    {
      xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);

      if (value != NULL)
        return value;
    }

  return NULL;
}

static xmlDoc *read_schema (const char *name,
                            guint       depth);

/* Puts the grammar each <externalRef href="NAME"/> names, from the
 * resources, in its place, as RELAX NG's simplification does: the
 * schemas in data/ refer to each other by file name, which works for
 * xmllint in the source tree, while the program has them only in its
 * resources and must not read files for them. */
static void
include_external_refs (xmlDoc  *doc,
                       xmlNode *node,
                       guint    depth)
{
  xmlNode *child = node->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (is_relaxng_element (child, "externalRef"))
        {
          g_autoptr(VpXmlString) href = xmlGetNoNsProp (child, BAD_CAST "href");
          g_autoptr(xmlDoc) included = NULL;
          xmlNode *copy;

          if (href == NULL)
            g_error ("An <externalRef> of a schema has no href");

          included = read_schema ((const char *)href, depth + 1);
          copy = xmlDocCopyNode (xmlDocGetRootElement (included), doc, 1);
          if (copy == NULL)
            g_error ("Out of memory including the schema %s", (const char *)href);

          /* The included grammar keeps the namespace of the reference
           * unless it names its own, and its own datatype library, which
           * is none when it names none. */
          if (!xmlHasProp (copy, BAD_CAST "ns"))
            {
              g_autoptr(VpXmlString) ns = get_inherited (child, "ns");

              xmlSetProp (copy, BAD_CAST "ns", ns != NULL ? ns : BAD_CAST "");
            }
          if (!xmlHasProp (copy, BAD_CAST "datatypeLibrary"))
            xmlSetProp (copy, BAD_CAST "datatypeLibrary", BAD_CAST "");

          xmlReplaceNode (child, copy);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        include_external_refs (doc, child, depth);

      child = next;
    }
}

static xmlDoc *
read_schema (const char *name,
             guint       depth)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  xmlDoc *doc;
  const char *data;
  gsize size;

  if (depth > MAX_SCHEMA_DEPTH)
    g_error ("The schema %s includes itself", name);

  bytes = g_resource_lookup_data (vp_core_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                  &error);
  if (bytes == NULL)
    g_error ("The schema %s is missing from the resources: %s", name, error->message);

  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, (int)size, name, NULL, XML_PARSE_NONET);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    g_error ("The schema %s is not well-formed", name);

  include_external_refs (doc, xmlDocGetRootElement (doc), depth);

  return doc;
}

/**
 * _vp_xml_load_schema:
 * @name: the file name of a schema of data/, compiled into the resources
 *
 * Compiles a schema, with the schemas it refers to. The tests load every
 * schema, so a failure here is a broken build, and aborts.
 *
 * Returns: (transfer full): the schema
 */
xmlRelaxNG *
_vp_xml_load_schema (const char *name)
{
  g_autoptr(xmlDoc) doc = read_schema (name, 0);
  g_autoptr(xmlRelaxNGParserCtxt) ctxt = NULL;
  xmlRelaxNG *schema;

  /* The parser context works on its own copy of the document. */
  ctxt = xmlRelaxNGNewDocParserCtxt (doc);
  if (ctxt == NULL)
    g_error ("Out of memory compiling the schema %s", name);

  schema = xmlRelaxNGParse (ctxt);
  if (schema == NULL)
    g_error ("The schema %s does not compile", name);

  return schema;
}

static void
valid_error_cb (void          *data,
                VpXmlErrorPtr  error)
{
  VpXmlReport *report = data;

  if (report->message != NULL)
    return;

  report->message = _vp_xml_first_line (error->message);
  report->line = error->line;
}

/**
 * _vp_xml_validate:
 * @report: (out caller-allocates): the first error, cleared beforehand
 *
 * Returns: whether @doc is valid against @schema
 */
gboolean
_vp_xml_validate (xmlRelaxNG  *schema,
                  xmlDoc      *doc,
                  VpXmlReport *report)
{
  static GMutex mutex;
  g_autoptr(xmlRelaxNGValidCtxt) ctxt = NULL;
  int result;

  g_return_val_if_fail (schema != NULL, FALSE);
  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  _vp_xml_report_clear (report);

  /* libxml2 does not promise that validating several documents against
   * compiled RELAX NG schemas at once is safe, and loads are rare. */
  g_mutex_lock (&mutex);
  ctxt = xmlRelaxNGNewValidCtxt (schema);
  if (ctxt == NULL)
    g_error ("Out of memory validating a document");
  xmlRelaxNGSetValidStructuredErrors (ctxt, valid_error_cb, report);
  result = xmlRelaxNGValidateDoc (ctxt, doc);
  g_clear_pointer (&ctxt, xmlRelaxNGFreeValidCtxt);
  g_mutex_unlock (&mutex);

  return result == 0;
}
