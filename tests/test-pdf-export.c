/* test-pdf-export.c: the printed outline, read back with poppler
 *
 * Fixtures are imported as the command line imports them, exported with
 * vp_pdf_export(), and the PDF is read back: its text in reading order,
 * its pages and their size, the footer's page numbers, a right-to-left
 * article's alignment, the first page's pixels, and what a failed export
 * leaves behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include "vp-actor-set.h"
#include "vp-importer.h"
#include "vp-outline-layout.h"
#include "vp-pdf-export.h"
#include "vp-tagger.h"

/* poppler-glib gained autoptr cleanups only after Debian 12's version; a
 * name of our own cannot clash with them. */
typedef PopplerPage PageRef;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageRef, g_object_unref)

static VpArticle *
import_fixture (VpTagger   *tagger,
                const char *folder,
                const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VpArticle *article;

  article = vp_import_file (file, path, tagger, NULL, &error);
  g_assert_no_error (error);

  return article;
}

/* The three sample pieces on one question, as a user compares them. */
static GPtrArray *
import_samples (VpActorSet *actors)
{
  static const char * const samples[] = {
    "back-the-gulf-dialogue.html",
    "leverage-before-talks.html",
    "riyadh-should-lead.html",
  };
  g_autoptr(VpTagger) tagger = vp_tagger_new (actors);
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    g_ptr_array_add (articles, import_fixture (tagger, "../data/samples", samples[i]));

  return articles;
}

static GPtrArray *
import_pages (VpActorSet         *actors,
              const char * const *names)
{
  g_autoptr(VpTagger) tagger = vp_tagger_new (actors);
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (articles, import_fixture (tagger, "data/pages", names[i]));

  return articles;
}

typedef struct
{
  char            *folder;
  char            *path;
  PopplerDocument *document;
} Exported;

static void
exported_clear (Exported *exported)
{
  g_clear_object (&exported->document);
  if (exported->path != NULL)
    g_remove (exported->path);
  if (exported->folder != NULL)
    g_rmdir (exported->folder);
  g_clear_pointer (&exported->path, g_free);
  g_clear_pointer (&exported->folder, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Exported, exported_clear)

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);

  return document;
}

static void
export_layout (Exported        *exported,
               VpOutlineLayout *layout)
{
  g_autoptr(GError) error = NULL;

  exported->folder = g_dir_make_tmp ("vp-pdf-XXXXXX", &error);
  g_assert_no_error (error);
  exported->path = g_build_filename (exported->folder, "outline.pdf", NULL);

  g_assert_true (vp_pdf_export (layout, exported->path, &error));
  g_assert_no_error (error);

  exported->document = open_pdf (exported->path);
}

static VpOutlineLayout *
make_layout (GPtrArray  *articles,
             VpActorSet *actors,
             VpPaper     paper)
{
  VpOutlineLayout *layout = vp_outline_layout_new (articles, actors, "Gulf dialogue");
  double width;
  double height;

  vp_paper_get_size (paper, &width, &height);
  vp_outline_layout_set_page_size (layout, width, height);

  return layout;
}

/* Text as compared: NFKC (ligatures become letters), with no whitespace,
 * no hyphens (a wrapped word may gain one) and no bidi controls (poppler
 * brackets right-to-left lines with them). */
static char *
squeeze (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  GString *out = g_string_new (NULL);

  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == 0x2010 || c == 0x00ad ||
          g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* poppler brackets right-to-left text with bidi controls, which have no
 * box in its text layout. */
static gboolean
has_box (gunichar c)
{
  return g_unichar_type (c) != G_UNICODE_FORMAT;
}

/* The text between the running header and the footer: the characters
 * whose box lies there (poppler's text for an area follows its selection
 * rules, not the area). */
static char *
body_text (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  GString *body = g_string_new (NULL);
  double top = VP_OUTLINE_LAYOUT_DEFAULT_MARGIN + 24;
  double bottom;
  double width;
  double height;
  guint n_rects = 0;
  guint i = 0;

  poppler_page_get_size (page, &width, &height);
  bottom = height - VP_OUTLINE_LAYOUT_DEFAULT_MARGIN - 20;
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      double middle;

      if (!has_box (c))
        continue;

      g_assert_cmpuint (i, <, n_rects);
      middle = (rects[i].y1 + rects[i].y2) / 2;
      if (c == '\n' || (middle > top && middle < bottom))
        g_string_append_unichar (body, c);
      i++;
    }
  g_assert_cmpuint (i, ==, n_rects);

  return g_string_free (body, FALSE);
}

/* The body text of pages @first to the end. */
static char *
document_body (PopplerDocument *document,
               int              first)
{
  GString *text = g_string_new (NULL);
  int n_pages = poppler_document_get_n_pages (document);

  for (int i = first; i < n_pages; i++)
    {
      g_autoptr(PageRef) page = poppler_document_get_page (document, i);
      g_autofree char *body = body_text (page);

      g_string_append (text, body);
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  char       *text;    /* squeezed */
  const char *cursor;
} Reader;

/* Finds @expected after what was found last. */
static void
expect_next (Reader     *reader,
             const char *expected)
{
  g_autofree char *needle = squeeze (expected);
  const char *found = strstr (reader->cursor, needle);

  if (found == NULL)
    {
      g_autofree char *context = g_strndup (reader->cursor, 200);

      g_test_message ("expected “%s” after: %s", expected, context);
    }
  g_assert_nonnull (found);
  reader->cursor = found + strlen (needle);
}

static void
expect_actors (Reader        *reader,
               VpActorSet    *actors,
               VpOutlineItem *item)
{
  const char * const *ids = vp_outline_item_get_actors (item);

  for (guint i = 0; ids[i] != NULL; i++)
    expect_next (reader, vp_actor_get_name (vp_actor_set_lookup (actors, ids[i])));
}

static void
expect_item (Reader        *reader,
             VpActorSet    *actors,
             VpOutlineItem *item)
{
  const char *label = vp_outline_item_get_label (item);
  g_autofree char *labelled = NULL;
  guint n_children = vp_outline_item_get_n_children (item);

  /* The label directly before its text. */
  labelled = g_strdup_printf ("%s%s %s", label != NULL ? label : "•", label != NULL ? "." : "",
                              vp_outline_item_get_text (item));
  expect_next (reader, labelled);
  expect_actors (reader, actors, item);

  for (guint i = 0; i < n_children; i++)
    expect_item (reader, actors, vp_outline_item_get_child (item, i));
}

/* Every title, heading, lead-in, label, item and actor of @articles, in
 * the order a reader meets them. */
static void
expect_outlines (Reader     *reader,
                 GPtrArray  *articles,
                 VpActorSet *actors)
{
  for (guint a = 0; a < articles->len; a++)
    {
      VpArticle *article = g_ptr_array_index (articles, a);
      GListModel *sections = vp_article_get_sections (article);
      GListModel *recommendations = vp_article_get_recommendations (article);

      expect_next (reader, vp_article_get_title (article));

      for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, i);

          if (vp_outline_section_get_heading (section) != NULL)
            expect_next (reader, vp_outline_section_get_heading (section));
          if (vp_outline_section_get_lead_in (section) != NULL)
            expect_next (reader, vp_outline_section_get_lead_in (section));
          for (guint j = 0; j < vp_outline_section_get_n_items (section); j++)
            expect_item (reader, actors, vp_outline_section_get_item (section, j));
        }

      for (guint i = 0; i < g_list_model_get_n_items (recommendations); i++)
        {
          g_autoptr(VpOutlineItem) item = g_list_model_get_item (recommendations, i);

          expect_item (reader, actors, item);
        }
    }
}

static void
test_reading_order (void)
{
  static const char * const pages[] = {
    "wordpress-op-ed.html", "nested-lists.html", "count-mismatch.html",
    "ordinal-paragraphs.html", "seed-shaped.txt", NULL,
  };
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(GPtrArray) articles = import_samples (actors);
  g_autoptr(GPtrArray) more = import_pages (actors, pages);
  g_autoptr(VpOutlineLayout) layout = NULL;
  g_auto(Exported) exported = { 0 };
  g_autofree char *body = NULL;
  Reader reader;

  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (articles, g_object_ref (g_ptr_array_index (more, i)));

  layout = make_layout (articles, actors, VP_PAPER_A4);
  export_layout (&exported, layout);

  /* The comparison page names every article and actor. Its text is a
   * table, which poppler reads in no set order. */
  {
    g_autoptr(PageRef) first = poppler_document_get_page (exported.document, 0);
    g_autofree char *text = body_text (first);
    const char * const names[] = { "Gulf dialogue", "United States", "Iran", "Saudi Arabia",
                                   "Mentions", "Proposals", NULL };

    for (guint i = 0; names[i] != NULL; i++)
      g_assert_nonnull (strstr (text, names[i]));
    for (guint a = 0; a < articles->len; a++)
      {
        const char *title = vp_article_get_title (g_ptr_array_index (articles, a));
        GList *found = poppler_page_find_text_with_options (first, title, POPPLER_FIND_MULTILINE);

        g_assert_nonnull (found);
        g_list_free_full (found, (GDestroyNotify)poppler_rectangle_free);
      }
  }

  /* Then the outlines, in reading order. */
  body = document_body (exported.document, 1);
  reader.text = squeeze (body);
  reader.cursor = reader.text;
  expect_outlines (&reader, articles, actors);

  g_free (reader.text);
}

/* The comparison page lists the proposals that match across articles,
 * a group after another, each member in its article's order. The samples
 * were written so that two ideas recur: a naval hotline (all three
 * articles) and the hosts of the talks (the first two). */
static void
test_groups (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(GPtrArray) articles = import_samples (actors);
  g_autoptr(VpOutlineLayout) layout = make_layout (articles, actors, VP_PAPER_A4);
  g_auto(Exported) exported = { 0 };
  g_autoptr(PageRef) first = NULL;
  g_autofree char *page_text = NULL;
  g_autofree char *text = NULL;
  const char * const in_order[] = {
    "Matching proposals",
    "1", "3.Amaritimehotlineshouldconnect",
    "2", "3.Anynavalhotline",
    "3", "2.RiyadhandTehranshouldsetupadirecthotline",
    "1", "4.IraqandOmanshouldremainthehosts",
    "2", "4.ThetalksshouldstayinOmanandIraq",
    NULL
  };
  const char *cursor;

  export_layout (&exported, layout);
  first = poppler_document_get_page (exported.document, 0);
  page_text = body_text (first);
  text = squeeze (page_text);

  cursor = text;
  for (guint i = 0; in_order[i] != NULL; i++)
    {
      g_autofree char *wanted = squeeze (in_order[i]);
      const char *found = strstr (cursor, wanted);

      if (found == NULL)
        g_error ("“%s” is not on the comparison page after: %.60s", in_order[i], cursor);
      cursor = found + strlen (wanted);
    }
}

static void
check_footers (PopplerDocument *document)
{
  int n_pages = poppler_document_get_n_pages (document);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PageRef) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *footer = g_strdup_printf ("Page %d of %d", i + 1, n_pages);
      const char *found = strstr (text, footer);

      g_assert_nonnull (found);
      /* Once per page, and nothing after it. */
      g_assert_null (strstr (found + 1, "Page "));
    }
}

static void
check_size (PopplerDocument *document,
            double           width,
            double           height)
{
  int n_pages = poppler_document_get_n_pages (document);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PageRef) page = poppler_document_get_page (document, i);
      double w;
      double h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat_with_epsilon (w, width, 0.01);
      g_assert_cmpfloat_with_epsilon (h, height, 0.01);
    }
}

static void
test_pages (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(GPtrArray) articles = import_samples (actors);
  g_autoptr(VpOutlineLayout) a4 = make_layout (articles, actors, VP_PAPER_A4);
  g_autoptr(VpOutlineLayout) letter = make_layout (articles, actors, VP_PAPER_LETTER);
  g_auto(Exported) a4_pdf = { 0 };
  g_auto(Exported) letter_pdf = { 0 };
  g_autofree char *title = NULL;
  guint n_pages;

  n_pages = vp_outline_layout_paginate (a4);
  /* A comparison page, then each article from a new page. */
  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_cmpint (vp_outline_layout_get_article_page (a4, 0), ==, 1);
  g_assert_cmpint (vp_outline_layout_get_article_page (a4, 1), >, 1);
  g_assert_cmpint (vp_outline_layout_get_article_page (a4, 2), >,
                   vp_outline_layout_get_article_page (a4, 1));

  export_layout (&a4_pdf, a4);
  export_layout (&letter_pdf, letter);

  g_assert_cmpint (poppler_document_get_n_pages (a4_pdf.document), ==, n_pages);
  g_assert_cmpint (poppler_document_get_n_pages (letter_pdf.document), ==,
                   vp_outline_layout_get_n_pages (letter));
  check_size (a4_pdf.document, 595.276, 841.89);
  check_size (letter_pdf.document, 612, 792);
  check_footers (a4_pdf.document);
  check_footers (letter_pdf.document);

  /* The metadata names the document and the program. */
  title = poppler_document_get_title (a4_pdf.document);
  g_assert_cmpstr (title, ==, "Gulf dialogue");
  {
    g_autofree char *creator = poppler_document_get_creator (a4_pdf.document);

    g_assert_true (g_str_has_prefix (creator, "Viewpoints"));
  }
}

static gboolean
is_label_char (gunichar c)
{
  return c == '.' || (c < 0x80 && g_ascii_isdigit (c));
}

/* The x extents of the line of @page's text that is part of @needle: of
 * its words, and of the ASCII digits of its label if it has one (else
 * G_MAXDOUBLE). */
static gboolean
line_extents (PopplerPage *page,
              const char  *needle,
              double      *left,
              double      *right,
              double      *label_left)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree char *squeezed_needle = squeeze (needle);
  guint n_rects = 0;
  const char *line = text;
  guint offset = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));

  /* Rectangles are per character of the text, bidi controls aside. */
  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      g_autofree char *content = NULL;
      g_autofree char *squeezed = NULL;
      GString *words = g_string_new (NULL);
      guint length = 0;
      gboolean found;

      if (end == NULL)
        end = line + strlen (line);
      content = g_strndup (line, end - line);

      for (const char *p = content; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (!is_label_char (c))
            g_string_append_unichar (words, c);
          length += has_box (c) ? 1 : 0;
        }
      squeezed = squeeze (words->str);
      g_string_free (words, TRUE);
      found = *squeezed != '\0' && strstr (squeezed_needle, squeezed) != NULL;

      if (found)
        {
          guint i = offset;

          *left = *label_left = G_MAXDOUBLE;
          *right = -G_MAXDOUBLE;
          for (const char *p = content; *p != '\0' && i < n_rects; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              if (!has_box (c))
                continue;
              if (c < 0x80 && g_ascii_isdigit (c))
                *label_left = MIN (*label_left, rects[i].x1);
              else if (!g_unichar_isspace (c) && c != '.')
                {
                  *left = MIN (*left, rects[i].x1);
                  *right = MAX (*right, rects[i].x2);
                }
              i++;
            }
          return TRUE;
        }

      offset += length + (*end == '\n' ? 1 : 0);
      line = *end == '\n' ? end + 1 : end;
    }

  return FALSE;
}

static void
test_right_to_left (void)
{
  static const char * const pages[] = { "rtl-persian.html", NULL };
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(GPtrArray) articles = import_pages (actors, pages);
  g_autoptr(VpOutlineLayout) layout = make_layout (articles, actors, VP_PAPER_A4);
  g_auto(Exported) exported = { 0 };
  g_autoptr(PageRef) page = NULL;
  g_autofree char *body = NULL;
  VpArticle *article = g_ptr_array_index (articles, 0);
  g_autoptr(VpOutlineSection) section = g_list_model_get_item (vp_article_get_sections (article), 0);
  double content_right = VP_PAPER_A4_WIDTH - VP_OUTLINE_LAYOUT_DEFAULT_MARGIN;
  double left;
  double right;
  double label;
  Reader reader;

  g_assert_cmpint (vp_article_get_direction (article), ==, VP_TEXT_DIRECTION_RTL);

  export_layout (&exported, layout);
  body = document_body (exported.document, 0);
  reader.text = squeeze (body);
  reader.cursor = reader.text;

  /* Every word comes out, in the article's order. */
  expect_next (&reader, vp_article_get_title (article));
  expect_next (&reader, vp_outline_section_get_lead_in (section));
  for (guint i = 0; i < vp_outline_section_get_n_items (section); i++)
    expect_next (&reader, vp_outline_item_get_text (vp_outline_section_get_item (section, i)));
  g_free (reader.text);

  page = poppler_document_get_page (exported.document, 0);

  /* The title is flush with the right margin and far from the left. */
  g_assert_true (line_extents (page, vp_article_get_title (article), &left, &right, &label));
  g_assert_cmpfloat (fabs (right - content_right), <, 2.0);
  g_assert_cmpfloat (left, >, VP_OUTLINE_LAYOUT_DEFAULT_MARGIN + 100);

  /* So is the lead-in. Items are indented from the right margin by their
   * labels, which stand right of them. */
  g_assert_true (line_extents (page, vp_outline_section_get_lead_in (section), &left, &right,
                               &label));
  g_assert_cmpfloat (fabs (right - content_right), <, 2.0);
  for (guint i = 0; i < vp_outline_section_get_n_items (section); i++)
    {
      VpOutlineItem *item = vp_outline_section_get_item (section, i);

      g_assert_true (line_extents (page, vp_outline_item_get_text (item), &left, &right, &label));
      g_test_message ("item %u: %.1f to %.1f, label at %.1f", i + 1, left, right, label);
      g_assert_cmpfloat (right, <, content_right - 10);
      g_assert_cmpfloat (right, >, content_right - 40);
      g_assert_cmpfloat (left, >, VP_OUTLINE_LAYOUT_DEFAULT_MARGIN + 100);
      g_assert_cmpfloat (label, >, right);
      g_assert_cmpfloat (label, <, content_right);
    }
}

/* The share of the pixels, out of 1, within @tolerance of @color. */
static double
color_share (cairo_surface_t *surface,
             guint32          color,
             int              tolerance)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  int r = (color >> 16) & 0xff;
  int g = (color >> 8) & 0xff;
  int b = color & 0xff;
  guint count = 0;

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *)(gconstpointer)(data + y * stride);

      for (int x = 0; x < width; x++)
        {
          int pr = (row[x] >> 16) & 0xff;
          int pg = (row[x] >> 8) & 0xff;
          int pb = row[x] & 0xff;

          if (ABS (pr - r) <= tolerance && ABS (pg - g) <= tolerance && ABS (pb - b) <= tolerance)
            count++;
        }
    }

  return (double)count / (width * height);
}

static cairo_surface_t *
render_page (PopplerDocument *document,
             int              index,
             double           scale)
{
  g_autoptr(PageRef) page = poppler_document_get_page (document, index);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width;
  double height;

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)ceil (width * scale),
                                        (int)ceil (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
parse_hex (const char *color)
{
  return (guint32)g_ascii_strtoull (color + 1, NULL, 16);
}

static void
check_chip_colors (PopplerDocument *document,
                   VpActorSet      *actors)
{
  cairo_surface_t *surface = render_page (document, 0, 2.0);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (actors));

  /* Not blank: text and rules cover a fair part of the page. */
  g_assert_cmpfloat (1.0 - color_share (surface, 0xffffff, 8), >, 0.01);

  /* Each enabled actor's chip shows in its own colour. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (actors), i);
      double share;

      if (!vp_actor_get_enabled (actor))
        continue;

      share = color_share (surface, parse_hex (vp_actor_get_color (actor)), 6);
      /* At 144 dpi a chip's fill is a few hundred pixels. */
      g_test_message ("%s: %.5f of the page", vp_actor_get_id (actor), share);
      g_assert_cmpfloat (share * cairo_image_surface_get_width (surface) *
                         cairo_image_surface_get_height (surface), >, 200);
    }

  cairo_surface_destroy (surface);
}

static void
test_first_page_pixels (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(GPtrArray) articles = import_samples (actors);
  g_autoptr(GPtrArray) single = NULL;
  g_autoptr(VpOutlineLayout) comparison = make_layout (articles, actors, VP_PAPER_A4);
  g_autoptr(VpOutlineLayout) article = NULL;
  g_auto(Exported) comparison_pdf = { 0 };
  g_auto(Exported) article_pdf = { 0 };

  /* The comparison's first page is the table, headed by the chips. */
  export_layout (&comparison_pdf, comparison);
  check_chip_colors (comparison_pdf.document, actors);

  /* A single article's first page is its outline, with chips under its
   * items. */
  single = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (single, g_object_ref (g_ptr_array_index (articles, 0)));
  article = make_layout (single, actors, VP_PAPER_LETTER);
  export_layout (&article_pdf, article);
  check_chip_colors (article_pdf.document, actors);
}

/* A long article made by hand: many sections of uneven length, some items
 * long enough to wrap over many lines and one longer than a page, so that
 * headings fall at every height of the page. */
static VpArticle *
make_long_article (void)
{
  VpArticle *article = vp_article_new ("long.txt");
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  static const char * const words[] = {
    "regional", "security", "dialogue", "sanctions", "maritime", "hotline", "trust",
    "guarantee", "talks", "ministers", "navies", "reconstruction", "incidents", "oil",
  };
  static const char * const ids[] = { "us", "iran", "saudi-arabia" };

  vp_article_set_title (article, "A long programme for the Gulf");

  for (guint s = 0; s < 40; s++)
    {
      g_autofree char *heading = g_strdup_printf ("Heading number %u", s + 1);
      g_autofree char *lead_in = g_strdup_printf ("Lead-in %u introduces the points that follow:",
                                                  s + 1);
      g_autoptr(VpOutlineSection) section = vp_outline_section_new (heading, -1, lead_in, -1, -1);
      guint n_items = 1 + g_rand_int_range (rand, 0, 5);

      for (guint i = 0; i < n_items; i++)
        {
          GString *text = g_string_new (NULL);
          guint n_words = s == 17 && i == 0 ? 1500 : (guint)g_rand_int_range (rand, 6, 90);
          g_autofree char *label = g_strdup_printf ("%u", i + 1);
          g_autoptr(VpOutlineItem) item = NULL;
          const char *actor_ids[4] = { NULL };
          guint n_actors = 0;

          g_string_append_printf (text, "Point %u.%u", s + 1, i + 1);
          for (guint w = 0; w < n_words; w++)
            g_string_append_printf (text, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append_c (text, '.');

          for (guint a = 0; a < G_N_ELEMENTS (ids); a++)
            {
              if (g_rand_boolean (rand))
                actor_ids[n_actors++] = ids[a];
            }

          item = vp_outline_item_new (label, text->str, -1);
          vp_outline_item_set_actors (item, actor_ids);
          vp_outline_section_append_item (section, item);
          g_string_free (text, TRUE);
        }

      vp_article_append_section (article, section);
    }

  return article;
}

static void
test_long_article (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VpOutlineLayout) layout = NULL;
  g_auto(Exported) exported = { 0 };
  g_autofree char *body = NULL;
  int n_pages;
  Reader reader;

  g_ptr_array_add (articles, make_long_article ());
  layout = make_layout (articles, actors, VP_PAPER_A4);
  export_layout (&exported, layout);

  n_pages = poppler_document_get_n_pages (exported.document);
  g_assert_cmpint (n_pages, >=, 8);
  check_footers (exported.document);

  /* Nothing lost or reordered across page breaks, the item longer than a
   * page included. */
  body = document_body (exported.document, 0);
  reader.text = squeeze (body);
  reader.cursor = reader.text;
  expect_outlines (&reader, articles, actors);
  g_free (reader.text);

  /* No heading ends a page: each stands on the page of its lead-in. */
  for (int p = 0; p < n_pages; p++)
    {
      g_autoptr(PageRef) page = poppler_document_get_page (exported.document, p);
      g_autofree char *text = body_text (page);

      for (guint s = 1; s <= 40; s++)
        {
          g_autofree char *heading = g_strdup_printf ("Heading number %u\n", s);
          g_autofree char *lead_in = g_strdup_printf ("Lead-in %u introduces", s);

          if (strstr (text, heading) != NULL)
            {
              g_test_message ("heading %u on page %d", s, p + 1);
              g_assert_nonnull (strstr (text, lead_in));
            }
        }
    }
}

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

static VpOutlineLayout *
sample_layout (VpActorSet *actors)
{
  g_autoptr(GPtrArray) articles = import_samples (actors);

  return make_layout (articles, actors, VP_PAPER_A4);
}

static void
test_failure_no_folder (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpOutlineLayout) layout = sample_layout (actors);
  g_autofree char *folder = g_dir_make_tmp ("vp-pdf-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (folder, "missing", "out.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (vp_pdf_export (layout, missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_assert_cmpuint (count_entries (folder), ==, 0);

  g_rmdir (folder);
}

static void
test_failure_folder_target (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpOutlineLayout) layout = sample_layout (actors);
  g_autofree char *folder = g_dir_make_tmp ("vp-pdf-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (folder, "out.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);

  g_assert_false (vp_pdf_export (layout, target, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (folder), ==, 1);

  g_rmdir (target);
  g_rmdir (folder);
}

static void
test_failure_unwritable (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpOutlineLayout) layout = sample_layout (actors);
  g_autofree char *folder = g_dir_make_tmp ("vp-pdf-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (folder, "out.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* root writes anywhere. */
  if (geteuid () == 0)
    {
      g_rmdir (folder);
      g_test_skip ("root can write in any folder");
      return;
    }

  g_assert_true (g_file_set_contents (target, "previous", -1, NULL));
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  g_assert_false (vp_pdf_export (layout, target, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_true (g_str_has_prefix (error->message, target));

  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous");
  g_assert_cmpuint (count_entries (folder), ==, 1);

  g_chmod (folder, 0700);
  g_remove (target);
  g_rmdir (folder);
}

/* A write that fails halfway, as on a full disk: the file size limit
 * makes write() fail with EFBIG after a few kilobytes, for root too. */
static void
test_failure_midway (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpOutlineLayout) layout = sample_layout (actors);
  g_autofree char *folder = g_dir_make_tmp ("vp-pdf-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (folder, "out.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit saved;
  struct rlimit limited;
  void (*saved_handler) (int);
  gboolean written;

  g_assert_true (g_file_set_contents (target, "previous", -1, NULL));

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 8192;
  saved_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  written = vp_pdf_export (layout, target, &error);

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, saved_handler);

  g_assert_false (written);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, target));

  /* The previous file is whole and nothing else is left. */
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous");
  g_assert_cmpuint (count_entries (folder), ==, 1);

  /* And with room, the export replaces it. */
  g_clear_error (&error);
  g_assert_true (vp_pdf_export (layout, target, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_entries (folder), ==, 1);

  g_remove (target);
  g_rmdir (folder);
}

static void
test_paper_names (void)
{
  VpPaper paper = VP_PAPER_A4;
  double width;
  double height;

  g_assert_true (vp_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, VP_PAPER_LETTER);
  g_assert_true (vp_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, VP_PAPER_A4);
  g_assert_false (vp_paper_from_string ("a5", &paper));

  vp_paper_get_size (VP_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VpOutlineLayout) layout = vp_outline_layout_new (articles, NULL, NULL);
  g_auto(Exported) exported = { 0 };

  /* Nothing to show is still one page with its footer. */
  g_assert_cmpuint (vp_outline_layout_paginate (layout), ==, 1);
  export_layout (&exported, layout);
  check_footers (exported.document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/pdf-export/reading-order", test_reading_order);
  g_test_add_func ("/vp/pdf-export/pages", test_pages);
  g_test_add_func ("/vp/pdf-export/groups", test_groups);
  g_test_add_func ("/vp/pdf-export/right-to-left", test_right_to_left);
  g_test_add_func ("/vp/pdf-export/first-page-pixels", test_first_page_pixels);
  g_test_add_func ("/vp/pdf-export/long-article", test_long_article);
  g_test_add_func ("/vp/pdf-export/failure/no-folder", test_failure_no_folder);
  g_test_add_func ("/vp/pdf-export/failure/folder-target", test_failure_folder_target);
  g_test_add_func ("/vp/pdf-export/failure/unwritable", test_failure_unwritable);
  g_test_add_func ("/vp/pdf-export/failure/midway", test_failure_midway);
  g_test_add_func ("/vp/pdf-export/paper-names", test_paper_names);
  g_test_add_func ("/vp/pdf-export/empty", test_empty);

  return g_test_run ();
}
