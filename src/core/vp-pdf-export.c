/* vp-pdf-export.c
 *
 * The command line's and the tests' sink for the printed outline: the
 * same VpOutlineLayout that the print dialog draws, drawn page by page on
 * a cairo PDF surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-pdf-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vp-file.h"
#include "vp-pdf-export.h"

gboolean
vp_paper_from_string (const char *name,
                      VpPaper    *paper)
{
  static const struct { const char *name; VpPaper paper; } names[] = {
    { "a4", VP_PAPER_A4 },
    { "letter", VP_PAPER_LETTER },
  };

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i].name) == 0)
        {
          if (paper != NULL)
            *paper = names[i].paper;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * vp_paper_get_size:
 * @paper: a paper size
 * @width: (out) (optional): its width in points, portrait
 * @height: (out) (optional): its height in points
 */
void
vp_paper_get_size (VpPaper  paper,
                   double  *width,
                   double  *height)
{
  double w = VP_PAPER_A4_WIDTH;
  double h = VP_PAPER_A4_HEIGHT;

  if (paper == VP_PAPER_LETTER)
    {
      w = VP_PAPER_LETTER_WIDTH;
      h = VP_PAPER_LETTER_HEIGHT;
    }

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

typedef struct
{
  int fd;
  int saved_errno;   /* of the first write that failed */
} Sink;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }

      data += written;
      length -= written;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
add_outline_entry (cairo_surface_t *surface,
                   const char      *text,
                   int              page)
{
  g_autofree char *link = g_strdup_printf ("page=%d", page + 1);

  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, text, link, 0);
}

/**
 * vp_pdf_export_describe:
 * @layout: the outline, paginated
 * @surface: the cairo PDF surface it is drawn on, before its first page
 *
 * Gives the PDF its title and creator, and bookmarks to the comparison
 * and to each article, so that a reader of a long comparison can jump to
 * an article. Both PDF sinks call it: vp_pdf_export() and the window's
 * export through GtkPrintOperation.
 */
void
vp_pdf_export_describe (VpOutlineLayout *layout,
                        cairo_surface_t *surface)
{
  guint n_articles;
  const char *title;

  g_return_if_fail (VP_IS_OUTLINE_LAYOUT (layout));
  g_return_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_PDF);

  vp_outline_layout_paginate (layout);
  n_articles = vp_outline_layout_get_n_articles (layout);
  title = vp_outline_layout_get_title (layout);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Viewpoints " PACKAGE_VERSION);

  if (n_articles > 1)
    add_outline_entry (surface, _("Comparison"), 0);
  for (guint i = 0; i < n_articles; i++)
    {
      const char *article_title = vp_article_get_title (vp_outline_layout_get_article (layout, i));
      int page = vp_outline_layout_get_article_page (layout, i);

      if (page >= 0)
        add_outline_entry (surface, article_title != NULL ? article_title : _("Untitled"), page);
    }
}

/* Draws every page of @layout into @sink. Returns the cairo status. */
static cairo_status_t
render (VpOutlineLayout *layout,
        Sink            *sink)
{
  guint n_pages = vp_outline_layout_paginate (layout);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width;
  double height;

  vp_outline_layout_get_page_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, sink, width, height);
  vp_pdf_export_describe (layout, surface);

  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      vp_outline_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);

  /* Finishing writes the fonts and the cross-reference table: a write
   * error may appear only now. */
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

typedef struct
{
  VpOutlineLayout *layout;
  const char      *filename;
} Export;

static gboolean
write_pdf (int        fd,
           gpointer   user_data,
           GError   **error)
{
  const Export *export = user_data;
  Sink sink = { fd, 0 };
  cairo_status_t status = render (export->layout, &sink);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  /* A failed write says why through errno; anything else is cairo's. */
  if (sink.saved_errno != 0)
    {
      errno = sink.saved_errno;
      return FALSE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("%s: the PDF could not be made (%s)"), export->filename,
               cairo_status_to_string (status));
  return FALSE;
}

/**
 * vp_pdf_export:
 * @layout: the outline, with its page size and margins set
 * @filename: the PDF file to write
 * @error: a place for the error
 *
 * Writes every page of @layout to @filename as PDF, with its fonts
 * embedded, through vp_file_replace_with(): a failure (an unwritable
 * folder, a full disk) leaves no partial file and any previous @filename
 * as it was. Messages start with @filename.
 *
 * Returns: whether the file was written
 */
gboolean
vp_pdf_export (VpOutlineLayout  *layout,
               const char       *filename,
               GError          **error)
{
  g_autoptr(GFile) file = NULL;
  Export export = { layout, filename };

  g_return_val_if_fail (VP_IS_OUTLINE_LAYOUT (layout), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (filename);

  return vp_file_replace_with (file, filename, write_pdf, &export, error);
}
