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
#include "vp-pdf-export.h"
#include "vp-tagger.h"
#include "vp-workspace-io.h"

/* Options that mean "no window": any of them sends argv here. */
static const char * const headless_options[] = {
  "--outline", "--format", "--actors", "--export-pdf", "--paper", "--save",
};

/* A file of the command line, once read: a workspace or an article. */
typedef struct
{
  VpWorkspace *workspace;
  VpArticle   *article;
} Input;

static void
input_clear (gpointer data)
{
  Input *input = data;

  g_clear_object (&input->workspace);
  g_clear_object (&input->article);
}

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
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return vp_actor_set_new_from_file_full (file, path, NULL, error);
}

/* The first workspace among the files read, if any. */
static VpWorkspace *
first_workspace (GArray *inputs)
{
  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = &g_array_index (inputs, Input, i);

      if (input->workspace != NULL)
        return input->workspace;
    }

  return NULL;
}

/* The actors of the output: those of --actors when given; otherwise those
 * of the first workspace file, so that a workspace alone comes out as its
 * reader left it; otherwise the default ones. */
static VpActorSet *
dup_base_actors (VpActorSet *given,
                 GArray     *inputs)
{
  VpWorkspace *workspace = first_workspace (inputs);

  if (given != NULL)
    return vp_actor_set_copy (given);
  if (workspace != NULL)
    return vp_actor_set_copy (vp_workspace_get_actors (workspace));

  return vp_actor_set_new_default ();
}

/* The actors every article of the output was tagged with: @base, then
 * those of each workspace that @base lacks (by id), for the names and
 * colours the outline shows. */
static void
add_missing_actors (VpActorSet *base,
                    GArray     *inputs)
{
  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = &g_array_index (inputs, Input, i);
      GListModel *actors;
      guint n;

      if (input->workspace == NULL)
        continue;

      actors = G_LIST_MODEL (vp_workspace_get_actors (input->workspace));
      n = g_list_model_get_n_items (actors);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(VpActor) actor = g_list_model_get_item (actors, j);
          g_autoptr(VpActor) copy = NULL;

          if (vp_actor_set_lookup (base, vp_actor_get_id (actor)) != NULL)
            continue;

          copy = vp_actor_copy (actor);
          vp_actor_set_add (base, copy);
        }
    }
}

/* --save: one workspace of everything read, written atomically. */
static gboolean
save_workspace (GArray      *inputs,
                VpActorSet  *actors,
                const char  *path,
                GError     **error)
{
  g_autoptr(VpWorkspace) output = vp_workspace_new (actors);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  VpWorkspace *first = first_workspace (inputs);

  /* The first workspace's name and filter, as if it had been opened and
   * the other files added to it. */
  if (first != NULL)
    {
      vp_workspace_set_name (output, vp_workspace_get_name (first));
      vp_workspace_set_filter (output, vp_workspace_get_filter (first));
    }

  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = &g_array_index (inputs, Input, i);

      if (input->workspace != NULL)
        vp_workspace_merge (output, input->workspace);
      else
        vp_workspace_add_article (output, input->article);
    }

  return vp_workspace_save_to_file (output, file, path, error);
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

/* The document's name in the PDF's running header: a workspace's name,
 * or what the window would call the articles. */
static char *
pdf_title (GPtrArray *articles,
           GArray    *inputs)
{
  if (inputs->len == 1 && g_array_index (inputs, Input, 0).workspace != NULL &&
      vp_workspace_get_name (g_array_index (inputs, Input, 0).workspace) != NULL)
    return g_strdup (vp_workspace_get_name (g_array_index (inputs, Input, 0).workspace));

  return vp_outline_layout_default_title (articles);
}

/* The comparison of @articles, with the proposals linked and unlinked as
 * the readers of the workspace files among @inputs did; NULL with one
 * article, which has nothing to compare. */
static VpComparison *
dup_comparison (GPtrArray  *articles,
                GArray     *inputs,
                VpActorSet *actors)
{
  VpComparison *comparison;
  guint first = 0;

  if (articles->len < 2)
    return NULL;

  comparison = vp_comparison_new (articles, actors);
  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = &g_array_index (inputs, Input, i);

      if (input->workspace == NULL)
        {
          first++;
          continue;
        }

      vp_workspace_apply_links (input->workspace, comparison, first);
      first += vp_workspace_get_n_articles (input->workspace);
    }

  return comparison;
}

static gboolean
export_pdf (GPtrArray   *articles,
            GArray      *inputs,
            VpActorSet  *actors,
            VpPaper      paper,
            const char  *filename,
            GError     **error)
{
  g_autofree char *title = pdf_title (articles, inputs);
  g_autoptr(VpOutlineLayout) layout = vp_outline_layout_new (articles, actors, title);
  g_autoptr(VpComparison) comparison = dup_comparison (articles, inputs, actors);
  double width;
  double height;

  vp_paper_get_size (paper, &width, &height);
  vp_outline_layout_set_page_size (layout, width, height);
  vp_outline_layout_set_comparison (layout, comparison);

  return vp_pdf_export (layout, filename, error);
}

int
vp_cli_run (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) given_actors = NULL;
  g_autoptr(VpActorSet) actors = NULL;
  g_autoptr(VpTagger) tagger = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GArray) inputs = NULL;
  g_autoptr(GBytes) output = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *actors_path = NULL;
  g_autofree char *pdf_path = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *save_path = NULL;
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
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &save_path,
      N_("Save the files as one workspace file and exit"), N_("OUT.viewpoints") },
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

  if (save_path != NULL && (outline || pdf_path != NULL))
    {
      g_printerr ("viewpoints: %s\n", _("--save cannot be used with --outline or --export-pdf"));
      return VP_CLI_EXIT_USAGE;
    }

  if (save_path != NULL && *save_path == '\0')
    {
      g_printerr ("viewpoints: %s\n", _("--save needs a file name"));
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

  if (!outline && pdf_path == NULL && save_path == NULL)
    {
      g_printerr ("viewpoints: %s\n", _("--actors needs --outline, --export-pdf or --save"));
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

  if (actors_path != NULL)
    {
      given_actors = load_actors (actors_path, &error);
      if (given_actors == NULL)
        {
          print_file_error (error);
          return VP_CLI_EXIT_FILE_ERROR;
        }
    }

  /* Every file is read first, the pages without tagging them: which
   * actors they are tagged with depends on the workspace files among
   * them (see dup_base_actors()). */
  inputs = g_array_new (FALSE, TRUE, sizeof (Input));
  g_array_set_clear_func (inputs, input_clear);

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) read_error = NULL;
      Input input = { NULL, NULL };

      if (!vp_workspace_read_any_file (file, files[i], NULL, NULL, &input.workspace,
                                       &input.article, &read_error))
        {
          print_file_error (read_error);
          status = VP_CLI_EXIT_FILE_ERROR;
          continue;
        }

      g_array_append_val (inputs, input);
    }

  /* With nothing read there is nothing to write; each file has already
   * said why. */
  if (inputs->len == 0)
    return status;

  actors = dup_base_actors (given_actors, inputs);

  if (save_path != NULL)
    {
      if (!save_workspace (inputs, actors, save_path, &error))
        {
          g_printerr ("viewpoints: %s\n", error->message);
          return VP_CLI_EXIT_FILE_ERROR;
        }

      return status;
    }

  /* Pages and texts are tagged with the output's actors; the articles of
   * a workspace keep the tags its own actors and its reader gave them. */
  tagger = vp_tagger_new (actors);
  articles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < inputs->len; i++)
    {
      Input *input = &g_array_index (inputs, Input, i);

      if (input->article != NULL)
        {
          vp_tagger_tag_article (tagger, input->article);
          g_ptr_array_add (articles, g_object_ref (input->article));
        }
      else
        {
          guint n = vp_workspace_get_n_articles (input->workspace);

          for (guint j = 0; j < n; j++)
            g_ptr_array_add (articles, g_object_ref (vp_workspace_get_article (input->workspace, j)));
        }
    }

  add_missing_actors (actors, inputs);

  if (pdf_path != NULL)
    {
      if (!export_pdf (articles, inputs, actors, paper, pdf_path, &error))
        {
          g_printerr ("viewpoints: %s\n", error->message);
          return VP_CLI_EXIT_FILE_ERROR;
        }

      return status;
    }

  {
    g_autoptr(VpComparison) comparison = dup_comparison (articles, inputs, actors);

    output = vp_export_outline_compared (format, articles, actors, comparison);
  }
  if (!write_stdout (output, &error))
    {
      g_printerr ("viewpoints: %s\n", error->message);
      return VP_CLI_EXIT_FILE_ERROR;
    }

  return status;
}
