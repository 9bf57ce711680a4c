/* vp-print-operation.c
 *
 * Printing the outlines through GTK: the print dialog with its preview,
 * and "Export Outline as PDF…", which is the same operation run in
 * export mode. The pages are those of VpOutlineLayout, the layout the
 * command line draws on its own PDF surface; the layout is built when
 * printing begins, for the paper chosen, and dropped when it ends.
 *
 * The printer, its options and the paper are kept in GSettings, so that
 * the next print (and the next PDF) starts from the last choice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-print-operation"

#include "config.h"

#include "vp-outline-layout.h"
#include "vp-pdf-export.h"
#include "vp-print-operation.h"

struct _VpPrintOperation
{
  GtkPrintOperation  parent_instance;

  GPtrArray         *articles;
  VpActorSet        *actors;
  char              *title;
  VpComparison      *comparison;  /* the reader's, or NULL */

  /* Only from begin-print to end-print. */
  VpOutlineLayout   *layout;

  /* The paper printed on, kept for the next time once printing worked. */
  GtkPageSetup      *page_setup;
  int                n_pages;
};

G_DEFINE_FINAL_TYPE (VpPrintOperation, vp_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
load_settings (VpPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) print_settings = g_settings_get_value (settings, "print-settings");
  g_autoptr(GVariant) page_setup = g_settings_get_value (settings, "page-setup");
  g_autoptr(GtkPageSetup) setup = NULL;

  if (g_variant_n_children (print_settings) > 0)
    {
      g_autoptr(GtkPrintSettings) kept = gtk_print_settings_new_from_gvariant (print_settings);

      gtk_print_operation_set_print_settings (operation, kept);
    }

  if (g_variant_n_children (page_setup) > 0)
    setup = gtk_page_setup_new_from_gvariant (page_setup);

  /* The first time, the paper of the user's locale. */
  if (setup == NULL)
    setup = gtk_page_setup_new ();

  gtk_print_operation_set_default_page_setup (operation, setup);
}

static void
save_settings (VpPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  GtkPrintSettings *print_settings = gtk_print_operation_get_print_settings (operation);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (print_settings != NULL)
    {
      g_autoptr(GtkPrintSettings) kept = gtk_print_settings_copy (print_settings);

      /* Which pages to print belongs to the document just printed: the
       * next one may have fewer pages. */
      gtk_print_settings_unset (kept, GTK_PRINT_SETTINGS_PRINT_PAGES);
      gtk_print_settings_unset (kept, GTK_PRINT_SETTINGS_PAGE_RANGES);
      g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (kept));
    }

  if (self->page_setup != NULL)
    g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (self->page_setup));
}

static void
vp_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  cairo_surface_t *target = cairo_get_target (gtk_print_context_get_cairo_context (context));
  g_autofree char *export_filename = NULL;

  g_clear_object (&self->layout);
  g_clear_object (&self->page_setup);
  self->page_setup = gtk_page_setup_copy (setup);

  self->layout = vp_outline_layout_new (self->articles, self->actors, self->title);
  vp_outline_layout_set_comparison (self->layout, self->comparison);

  /* A full page in points: the layout's own units, with the origin at the
   * paper's corner, whatever the printer's resolution. */
  vp_outline_layout_set_page_size (self->layout,
                                   gtk_print_context_get_width (context),
                                   gtk_print_context_get_height (context));

  /* The page setup's margins are what the printer cannot reach; the
   * outline keeps its own wider margins unless the printer needs more. */
  vp_outline_layout_set_margins (self->layout,
                                 MAX (gtk_page_setup_get_top_margin (setup, GTK_UNIT_POINTS),
                                      VP_OUTLINE_LAYOUT_DEFAULT_MARGIN),
                                 MAX (gtk_page_setup_get_bottom_margin (setup, GTK_UNIT_POINTS),
                                      VP_OUTLINE_LAYOUT_DEFAULT_MARGIN),
                                 MAX (gtk_page_setup_get_left_margin (setup, GTK_UNIT_POINTS),
                                      VP_OUTLINE_LAYOUT_DEFAULT_MARGIN),
                                 MAX (gtk_page_setup_get_right_margin (setup, GTK_UNIT_POINTS),
                                      VP_OUTLINE_LAYOUT_DEFAULT_MARGIN));

  self->n_pages = vp_outline_layout_paginate (self->layout);
  gtk_print_operation_set_n_pages (operation, self->n_pages);

  /* An export is a whole document, page for page: it gets the command
   * line's title and bookmarks. A printout may be a range of pages, or
   * several to a sheet, where page bookmarks would point wrong. */
  g_object_get (operation, "export-filename", &export_filename, NULL);
  if (export_filename != NULL && cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF)
    vp_pdf_export_describe (self->layout, target);
}

static void
vp_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (operation);

  g_assert (self->layout != NULL);
  g_assert (page_nr >= 0 && page_nr < self->n_pages);

  vp_outline_layout_draw_page (self->layout, gtk_print_context_get_cairo_context (context),
                               page_nr);
}

static void
vp_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (operation);

  /* The layout holds fonts and a layout per line; a print dialog left
   * open would keep them for nothing. */
  g_clear_object (&self->layout);
}

static void
vp_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  VpPrintOperation *self = VP_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (self);

  if (GTK_PRINT_OPERATION_CLASS (vp_print_operation_parent_class)->done != NULL)
    GTK_PRINT_OPERATION_CLASS (vp_print_operation_parent_class)->done (operation, result);
}

static void
vp_print_operation_dispose (GObject *object)
{
  VpPrintOperation *self = (VpPrintOperation *)object;

  g_clear_object (&self->layout);
  g_clear_object (&self->page_setup);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_object (&self->actors);

  G_OBJECT_CLASS (vp_print_operation_parent_class)->dispose (object);
}

static void
vp_print_operation_finalize (GObject *object)
{
  VpPrintOperation *self = (VpPrintOperation *)object;

  g_clear_object (&self->comparison);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (vp_print_operation_parent_class)->finalize (object);
}

static void
vp_print_operation_class_init (VpPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = vp_print_operation_dispose;
  object_class->finalize = vp_print_operation_finalize;

  operation_class->begin_print = vp_print_operation_begin_print;
  operation_class->draw_page = vp_print_operation_draw_page;
  operation_class->end_print = vp_print_operation_end_print;
  operation_class->done = vp_print_operation_done;
}

static void
vp_print_operation_init (VpPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  self->n_pages = -1;

  /* VpOutlineLayout lays out at 72 dpi in points from the paper's
   * corner: anything else would scale or shift every page. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);

  /* Paper and orientation in the print dialog itself. */
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
}

/**
 * vp_print_operation_new:
 * @articles: (element-type VpArticle): the articles whose outlines to print
 * @actors: the actor set that names and colours their actors
 * @title: the document's name, for the running header and the print job
 *
 * Returns: (transfer full): a print operation that starts from the last
 *   print settings and paper used
 */
VpPrintOperation *
vp_print_operation_new (GPtrArray  *articles,
                        VpActorSet *actors,
                        const char *title)
{
  VpPrintOperation *self;

  g_return_val_if_fail (articles != NULL && articles->len > 0, NULL);
  g_return_val_if_fail (VP_IS_ACTOR_SET (actors), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (VP_TYPE_PRINT_OPERATION, NULL);
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (self->articles, g_object_ref (g_ptr_array_index (articles, i)));
  self->actors = g_object_ref (actors);
  self->title = g_strdup (title);

  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  load_settings (self);

  return self;
}

/**
 * vp_print_operation_set_comparison:
 * @comparison: (nullable): the comparison of the articles, with the
 *   reader's links and threshold; %NULL to compare them afresh
 */
void
vp_print_operation_set_comparison (VpPrintOperation *self,
                                   VpComparison     *comparison)
{
  g_return_if_fail (VP_IS_PRINT_OPERATION (self));

  g_set_object (&self->comparison, comparison);
}

const char *
vp_print_operation_get_title (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), NULL);

  return self->title;
}

guint
vp_print_operation_get_n_articles (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), 0);

  return self->articles != NULL ? self->articles->len : 0;
}

/**
 * vp_print_operation_get_n_pages:
 *
 * Returns: the number of pages laid out for the paper chosen, or -1
 *   before printing began
 */
int
vp_print_operation_get_n_pages (VpPrintOperation *self)
{
  g_return_val_if_fail (VP_IS_PRINT_OPERATION (self), -1);

  return self->n_pages;
}
