/* vp-xml-private.h: reads the XML files Viewpoints writes (actor sets,
 * workspaces) without ever looking outside them, and checks them against
 * the schemas compiled into the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/relaxng.h>

#include "vp-libxml-private.h"

G_BEGIN_DECLS

/* libxml2 2.12 made the error passed to structured handlers const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *VpXmlErrorPtr;
#else
typedef xmlError *VpXmlErrorPtr;
#endif

/* What went wrong in a document, as libxml2 told it. */
typedef struct
{
  char *message;       /* the first line of the first error, or NULL */
  int   line;          /* where it was, or 0 */
  gboolean at_end;     /* it was found at the end of the data: the file was cut short */
  char *doctype;       /* the root a <!DOCTYPE> names, or NULL without one */
  int   doctype_line;
} VpXmlReport;

void        _vp_xml_report_clear (VpXmlReport  *report);

char       *_vp_xml_first_line   (const char   *message);
xmlDoc     *_vp_xml_parse        (const char   *data,
                                  gsize         length,
                                  gboolean      huge,
                                  VpXmlReport  *report);
xmlRelaxNG *_vp_xml_load_schema  (const char   *name);
gboolean    _vp_xml_validate     (xmlRelaxNG   *schema,
                                  xmlDoc       *doc,
                                  VpXmlReport  *report);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VpXmlReport, _vp_xml_report_clear)

G_END_DECLS
