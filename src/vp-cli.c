/* vp-cli.c
 *
 * The options that export without a window are handled here, before GTK is
 * initialised, so they work with no display at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vp-actor-set.h"
#include "vp-cli.h"
#include "vp-exporter.h"
#include "vp-importer.h"
#include "vp-pdf-export.h"
#include "vp-tagger.h"

/* Options that mean "no window": any of them sends argv here. */
static const char * const headless_options[] = {
  "--outline", "--format", "--actors", "--export-pdf", "--paper",
};

gboolean
vp_cli_is_headless (int    argc,
                    char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;

      for (guint j = 0; j < G_N_ELEMENTS (headless_options); j++)
        {
          gsize len = strlen (headless_options[j]);

          if (strncmp (argv[i], headless_options[j], len) == 0 &&
              (argv[i][len] == '\0' || argv[i][len] == '='))
            return TRUE;
        }
    }

  return FALSE;
}

static void
print_file_error (const GError *error)
{
  /* Messages from the core start with the file's name. */
  g_printerr ("viewpoints: %s\n", error->message);
}

static VpActorSet *
load_actors (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return vp_actor_set_new_default ();

  file = g_file_new_for_commandline_arg (path);

  return vp_actor_set_new_from_file_full (file, path, NULL, error);
}

static gboolean
write_stdout (GBytes  *bytes,
              GError **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("cannot write the output: %s"), g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
export_pdf (GPtrArray   *articles,
            VpActorSet  *actors,
            VpPaper      paper,
            const char  *filename,
            GError     **error)
{
  g_autofree char *title = vp_outline_layout_default_title (articles);
  g_autoptr(VpOutlineLayout) layout = vp_outline_layout_new (articles, actors, title);
  double width;
  double height;

  vp_paper_get_size (paper, &width, &height);
  vp_outline_layout_set_page_size (layout, width, height);

  return vp_pdf_export (layout, filename, error);
}

int
vp_cli_run (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) actors = NULL;
  g_autoptr(VpTagger) tagger = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GBytes) output = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *actors_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *paper_name = NULL;
  gboolean outline = FALSE;
  VpExportFormat format = VP_EXPORT_FORMAT_TEXT;
  VpPaper paper = VP_PAPER_A4;
  int status = VP_CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "outline", 0, 0, G_OPTION_ARG_NONE, &outline,
      N_("Print the outline of each file and exit"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name,
      N_("Outline format: text, json, markdown or csv (default: text)"), N_("FORMAT") },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf_path,
      N_("Write the outlines to a PDF file and exit"), N_("OUT.pdf") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name,
      N_("Paper size of the PDF: a4 or letter (default: a4)"), N_("SIZE") },
    { "actors", 0, 0, G_OPTION_ARG_FILENAME, &actors_path,
      N_("Tag the actors of this actor set file instead of the default ones"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };

  /* Standard output carries the outline: keep debug messages, which GLib
   * would print there, on standard error. */
  g_log_writer_default_set_use_stderr (TRUE);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Read and compare opinion pieces side by side."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("viewpoints: %s\n", error->message);
      return VP_CLI_EXIT_USAGE;
    }

  if (outline && pdf_path != NULL)
    {
      g_printerr ("viewpoints: %s\n", _("--outline and --export-pdf cannot be used together"));
      return VP_CLI_EXIT_USAGE;
    }

  if (format_name != NULL && !outline)
    {
      g_printerr ("viewpoints: %s\n", _("--format needs --outline"));
      return VP_CLI_EXIT_USAGE;
    }

  if (paper_name != NULL && pdf_path == NULL)
    {
      g_printerr ("viewpoints: %s\n", _("--paper needs --export-pdf"));
      return VP_CLI_EXIT_USAGE;
    }

  if (!outline && pdf_path == NULL)
    {
      g_printerr ("viewpoints: %s\n", _("--actors needs --outline or --export-pdf"));
      return VP_CLI_EXIT_USAGE;
    }

  if (pdf_path != NULL && *pdf_path == '\0')
    {
      g_printerr ("viewpoints: %s\n", _("--export-pdf needs a file name"));
      return VP_CLI_EXIT_USAGE;
    }

  if (paper_name != NULL && !vp_paper_from_string (paper_name, &paper))
    {
      g_printerr ("viewpoints: %s\n", _("--paper must be a4 or letter"));
      return VP_CLI_EXIT_USAGE;
    }

  if (format_name != NULL && !vp_export_format_from_string (format_name, &format))
    {
      g_printerr ("viewpoints: %s\n", _("--format must be text, json, markdown or csv"));
      return VP_CLI_EXIT_USAGE;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr ("viewpoints: %s\n", _("no file given"));
      return VP_CLI_EXIT_USAGE;
    }

  actors = load_actors (actors_path, &error);
  if (actors == NULL)
    {
      print_file_error (error);
      return VP_CLI_EXIT_FILE_ERROR;
    }

  tagger = vp_tagger_new (actors);
  articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) import_error = NULL;
      VpArticle *article;

      article = vp_import_file (file, files[i], tagger, NULL, &import_error);
      if (article == NULL)
        {
          print_file_error (import_error);
          status = VP_CLI_EXIT_FILE_ERROR;
          continue;
        }

      g_ptr_array_add (articles, article);
    }

  if (pdf_path != NULL)
    {
      /* With nothing read there is nothing to print; each file has already
       * said why. */
      if (articles->len == 0)
        return status;

      if (!export_pdf (articles, actors, paper, pdf_path, &error))
        {
          g_printerr ("viewpoints: %s\n", error->message);
          return VP_CLI_EXIT_FILE_ERROR;
        }

      return status;
    }

  output = vp_export_outline (format, articles, actors);
  if (!write_stdout (output, &error))
    {
      g_printerr ("viewpoints: %s\n", error->message);
      return VP_CLI_EXIT_FILE_ERROR;
    }

  return status;
}
