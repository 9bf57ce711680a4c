/* vp-html-private.h: the parts of the HTML importer
 *
 * The importer (vp-html-importer.c) decodes and parses the page, then
 * vp-html-content.c finds the article's container and turns it into
 * blocks, and vp-html-metadata.c reads the title, authors, dates and
 * language and takes the title and byline out of the body.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/HTMLparser.h>

#include "vp-article.h"

G_BEGIN_DECLS

/* Helpers over libxml2's tree, shared by the two halves. */
gboolean  vp_html_is_element      (const xmlNode *node,
                                   const char    *name);
char     *vp_html_node_text       (const xmlNode *node);
char     *vp_html_get_attribute   (const xmlNode *node,
                                   const char    *name);
xmlNode  *vp_html_next_node       (xmlNode       *node,
                                   xmlNode       *root,
                                   gboolean       descend);

/* The analysis of a page's body: which element holds the article and
 * what around it is chrome. vp_html_find_content() scores the whole page
 * once, keeping each element's place in the analysis in its _private
 * field; vp_html_collect_blocks() then turns the article into blocks. */
typedef struct _VpHtmlContent VpHtmlContent;

VpHtmlContent *vp_html_find_content      (xmlDoc        *doc);
xmlNode       *vp_html_content_get_node  (VpHtmlContent *content);
void           vp_html_collect_blocks    (VpArticle     *article,
                                          VpHtmlContent *content);
void           vp_html_content_free      (VpHtmlContent *content);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpHtmlContent, vp_html_content_free)

/* Sets the article's metadata from the whole page, and removes from the
 * start of the body the blocks that repeat the title or hold the byline. */
void      vp_html_read_metadata   (VpArticle     *article,
                                   xmlDoc        *doc,
                                   xmlNode       *content);

G_END_DECLS
