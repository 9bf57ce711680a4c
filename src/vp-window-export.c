/* vp-window-export.c
 *
 * Printing and exporting the outlines from the window: the print dialog,
 * and a save dialog for each format. A PDF is the print operation run in
 * export mode; Markdown, JSON and CSV are the command line's bytes.
 *
 * Nothing is ever written at the chosen name until it is complete and on
 * disk: each export goes to a new file in the same folder, which is
 * renamed over the target only then. A failure leaves the folder as it
 * was and says, in a toast naming the file, what went wrong.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-window-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vp-exporter.h"
#include "vp-file.h"
#include "vp-outline-layout.h"
#include "vp-pdf-export.h"
#include "vp-window-private.h"

/* Below this much free space, a PDF cut short was most likely cut short
 * by the full disk. */
#define NEARLY_FULL (1024 * 1024)

/* Long titles make unwieldy file names; this many characters say enough. */
#define MAX_NAME_CHARS 80

typedef struct
{
  const char     *id;           /* as the actions name it */
  gboolean        pdf;
  VpExportFormat  format;       /* unless pdf */
  const char     *extension;
  const char     *mime_type;
  const char     *filter_name;
  const char     *dialog_title;
} ExportKind;

static const ExportKind kinds[] = {
  { "pdf", TRUE, VP_EXPORT_FORMAT_TEXT, ".pdf", "application/pdf",
    N_("PDF Documents"), N_("Export Outline as PDF") },
  { "markdown", FALSE, VP_EXPORT_FORMAT_MARKDOWN, ".md", "text/markdown",
    N_("Markdown Documents"), N_("Export Outline as Markdown") },
  { "json", FALSE, VP_EXPORT_FORMAT_JSON, ".json", "application/json",
    N_("JSON Files"), N_("Export Outline as JSON") },
  { "csv", FALSE, VP_EXPORT_FORMAT_CSV, ".csv", "text/csv",
    N_("CSV Files"), N_("Export Outline as CSV") },
};

static const ExportKind *
find_kind (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (g_strcmp0 (kinds[i].id, id) == 0)
        return &kinds[i];
    }

  return NULL;
}

/* Exporting by actor: with actors chosen in the filter bar, prints and
 * exports hold the points the outlines show, and say so. The copies of
 * the articles that hold them carry the sentence that says so, which
 * also goes into their warnings (the JSON export's "warnings"). */
#define SHOWN_ONLY_KEY "vp-shown-only"

/* "Only the points that involve Iran, United States", or NULL when no
 * actor is chosen. */
static char *
dup_shown_only_note (VpWindow *self)
{
  g_auto(GStrv) chosen = vp_filter_bar_dup_chosen (self->filter_bar);
  g_autofree char *names = NULL;

  if (chosen[0] == NULL)
    return NULL;

  names = vp_actor_set_join_names (vp_workspace_get_actors (self->workspace),
                                   (const char * const *)chosen,
                                   /* Translators: between the names of actors in a list */
                                   _(", "));

  /* Translators: %s is a list of actors' names, as "Iran, United States" */
  return g_strdup_printf (_("Only the points that involve %s"), names);
}

static void
add_article (GPtrArray  *articles,
             VpArticle  *article,
             const char *shown_only,
             char      **chosen)
{
  VpArticle *copy;

  if (shown_only == NULL)
    {
      g_ptr_array_add (articles, g_object_ref (article));
      return;
    }

  copy = vp_article_dup_for_actors (article, (const char * const *)chosen);
  vp_article_add_warning (copy, "%s", shown_only);
  g_object_set_data_full (G_OBJECT (copy), SHOWN_ONLY_KEY, g_strdup (shown_only), g_free);
  g_ptr_array_add (articles, copy);
}

/* The article of @only, or every article of the workspace, in column
 * order; with @shown_only, only the points the filtered outlines show
 * (all of them without a filter). */
static GPtrArray *
collect_articles (VpWindow        *self,
                  VpArticleColumn *only,
                  gboolean         shown_only)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = vp_workspace_get_n_articles (self->workspace);
  g_auto(GStrv) chosen = vp_filter_bar_dup_chosen (self->filter_bar);
  g_autofree char *note = shown_only ? dup_shown_only_note (self) : NULL;

  if (only != NULL)
    {
      add_article (articles, vp_article_column_get_article (only), note, chosen);
      return articles;
    }

  for (guint i = 0; i < n; i++)
    add_article (articles, vp_workspace_get_article (self->workspace, i), note, chosen);

  return articles;
}

/* The comparison the pane shows, with the reader's links and threshold,
 * when @articles are the workspace's own in column order: otherwise (one
 * article, or copies of some points) they are compared afresh. */
static VpComparison *
comparison_for (VpWindow  *self,
                GPtrArray *articles)
{
  if (articles->len < 2 || articles->len != vp_workspace_get_n_articles (self->workspace))
    return NULL;

  for (guint i = 0; i < articles->len; i++)
    if (g_ptr_array_index (articles, i) != vp_workspace_get_article (self->workspace, i))
      return NULL;

  return vp_comparison_view_get_comparison (self->comparison_view);
}

static VpPrintOperation *
create_print_operation (VpWindow  *self,
                        GPtrArray *articles)
{
  g_autofree char *title = vp_outline_layout_default_title (articles);
  const char *shown_only = NULL;
  VpPrintOperation *operation;

  if (articles->len > 0)
    shown_only = g_object_get_data (g_ptr_array_index (articles, 0), SHOWN_ONLY_KEY);

  /* The running header of every page says what the pages leave out. */
  if (shown_only != NULL)
    {
      /* Translators: a document's title, then what its pages leave out */
      char *noted = g_strdup_printf (_("%s — %s"), title, shown_only);

      g_free (title);
      title = noted;
    }

  operation = vp_print_operation_new (articles, vp_workspace_get_actors (self->workspace), title);
  vp_print_operation_set_comparison (operation, comparison_for (self, articles));

  return operation;
}

/**
 * _vp_window_create_print_operation:
 * @only: (nullable): the column to print, or %NULL for all of them
 *
 * The operation that printing runs, not yet run: the tests run it in
 * export mode to count its pages without a print dialog.
 *
 * Returns: (transfer full) (nullable): the operation, or %NULL with no
 *   article open
 */
VpPrintOperation *
_vp_window_create_print_operation (VpWindow        *self,
                                   VpArticleColumn *only)
{
  g_autoptr(GPtrArray) articles = collect_articles (self, only, TRUE);

  if (articles->len == 0)
    return NULL;

  return create_print_operation (self, articles);
}

static void
set_printing (VpWindow         *self,
              VpPrintOperation *operation)
{
  g_set_object (&self->print_operation, operation);
  _vp_window_update_actions (self);
}

static void
show_outcome (VpWindow   *self,
              const char *message,
              const char *uri)
{
  if (uri != NULL)
    _vp_window_show_toast (self, message, _("_Open"), "win.open-exported",
                           g_variant_new_string (uri));
  else
    _vp_window_show_message (self, message);
}

/* Printing */

static void
print_finished (VpWindow                *self,
                GtkPrintOperation       *operation,
                GtkPrintOperationResult  result,
                const GError            *error)
{
  /* Both "done" and the return of gtk_print_operation_run() may tell. */
  if (self->print_operation != VP_PRINT_OPERATION (operation))
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      /* Translators: the first %s is the printed document's title, the
       * second what went wrong, in the print system's words */
      message = g_strdup_printf (_("“%s” could not be printed: %s"),
                                 vp_print_operation_get_title (VP_PRINT_OPERATION (operation)),
                                 error != NULL ? error->message : _("unknown error"));
      show_outcome (self, message, NULL);
    }

  set_printing (self, NULL);
}

static void
print_done_cb (VpWindow                *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);

  print_finished (self, operation, result, error);
}

/**
 * _vp_window_print:
 * @only: (nullable): the column to print, or %NULL for all of them
 *
 * Shows the print dialog, with its preview, for the outlines.
 */
void
_vp_window_print (VpWindow        *self,
                  VpArticleColumn *only)
{
  g_autoptr(VpPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  /* One print at a time: the dialog is modal, but a column's menu or a
   * shortcut may still ask. */
  if (self->print_operation != NULL)
    return;

  operation = _vp_window_create_print_operation (self, only);
  if (operation == NULL)
    return;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  gtk_print_operation_set_show_progress (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self,
                           G_CONNECT_SWAPPED);

  set_printing (self, operation);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    print_finished (self, GTK_PRINT_OPERATION (operation), result, error);
}

/* Writing files */

/* Whether the free space where @path lies is about gone. */
static gboolean
disk_nearly_full (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);

  return info != NULL &&
         g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) &&
         g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) < NEARLY_FULL;
}

/* GtkPrintOperation writes the PDF itself and does not report a failed
 * write: cairo stops writing at the first error, and GTK ignores cairo's
 * status. A PDF ends with its "%%EOF" marker, so a file without one at
 * its end was cut short. */
static gboolean
pdf_is_complete (int fd)
{
  char tail[32] = { 0 };
  struct stat info;
  gssize n = -1;

  if (fstat (fd, &info) == 0 && info.st_size >= (off_t)sizeof tail)
    n = pread (fd, tail, sizeof tail, info.st_size - sizeof tail);

  return n > 0 && g_strstr_len (tail, n, "%%EOF") != NULL;
}

/* Prints the outlines of @articles to @file, through GtkPrintOperation
 * in export mode: the pages of the print dialog, without the dialog. GTK
 * writes a new file beside the target by name, which then replaces the
 * target only once it is complete and on disk (vp_file_replace_begin()). */
static gboolean
export_pdf (VpWindow    *self,
            GPtrArray   *articles,
            GFile       *file,
            const char  *display,
            GError     **error)
{
  g_autoptr(VpPrintOperation) operation = NULL;
  g_autoptr(GError) run_error = NULL;
  GtkPrintOperationResult result;
  VpFileReplace *replace;

  replace = vp_file_replace_begin (file, display, error);
  if (replace == NULL)
    return FALSE;

  operation = create_print_operation (self, articles);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation),
                                           vp_file_replace_get_temp_path (replace));

  set_printing (self, operation);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (self), &run_error);
  set_printing (self, NULL);

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: the PDF could not be made (%s)"), display,
                   run_error != NULL ? run_error->message : _("unknown error"));
      vp_file_replace_abort (replace);
      return FALSE;
    }

  /* GTK wrote the same file our descriptor is open on. */
  if (!pdf_is_complete (vp_file_replace_get_fd (replace)))
    {
      if (disk_nearly_full (vp_file_replace_get_temp_path (replace)))
        vp_file_replace_fail (replace, ENOSPC, error);
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("%s: the PDF was not written completely"), display);
          vp_file_replace_abort (replace);
        }
      return FALSE;
    }

  return vp_file_replace_commit (replace, error);
}

static void
show_exported (VpWindow   *self,
               const char *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *message = NULL;

  /* Translators: %s is the name of the file an outline was exported to */
  message = g_strdup_printf (_("Exported “%s”"), name);
  show_outcome (self, message, uri);
}

/**
 * _vp_window_export_to_file:
 * @format: "pdf", "markdown", "json" or "csv"
 * @articles: (element-type VpArticle): the articles whose outlines to export
 * @file: where to
 *
 * Exports the outlines, then says in a toast that it did, with a button
 * to open the file, or what went wrong.
 *
 * Returns: whether the file was written
 */
gboolean
_vp_window_export_to_file (VpWindow   *self,
                           const char *format,
                           GPtrArray  *articles,
                           GFile      *file)
{
  const ExportKind *kind = find_kind (format);
  /* The print operation runs a main loop: the window may be closed
   * meanwhile, and must outlive this call. */
  G_GNUC_UNUSED g_autoptr(VpWindow) keep = g_object_ref (self);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = NULL;
  g_autoptr(GError) error = NULL;
  gboolean written;

  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (articles != NULL && articles->len > 0, FALSE);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: Viewpoints can export only to files on this computer"), name);
      show_outcome (self, error->message, NULL);
      return FALSE;
    }

  /* Messages are shown as they are; a file name need not be UTF-8. */
  display = g_filename_display_name (path);

  if (kind->pdf)
    {
      written = export_pdf (self, articles, file, display, &error);
    }
  else
    {
      g_autoptr(GBytes) bytes = vp_export_outline_compared (kind->format, articles,
                                                            vp_workspace_get_actors (self->workspace),
                                                            comparison_for (self, articles));

      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      written = vp_file_replace_contents (file, display, data, length, &error);
    }

  if (written)
    show_exported (self, path);
  else
    show_outcome (self, error->message, NULL);

  return written;
}

/* Save dialogs */

typedef struct
{
  const ExportKind *kind;
  GPtrArray        *all;       /* what the dialog offers to export */
  GPtrArray        *current;   /* the current article alone, when a choice */
  /* The same with every point, when the outlines are filtered and the
   * dialog offers the choice. */
  GPtrArray        *all_points;
  GPtrArray        *current_all_points;
} ExportRequest;

static void
export_request_free (gpointer data)
{
  ExportRequest *request = data;

  g_clear_pointer (&request->all, g_ptr_array_unref);
  g_clear_pointer (&request->current, g_ptr_array_unref);
  g_clear_pointer (&request->all_points, g_ptr_array_unref);
  g_clear_pointer (&request->current_all_points, g_ptr_array_unref);
  g_free (request);
}

/* The document's title as a file name: no folder separators, no control
 * characters, not hidden, not too long. */
static char *
default_file_name (GPtrArray        *articles,
                   const ExportKind *kind)
{
  g_autofree char *title = vp_outline_layout_default_title (articles);
  g_autofree char *clipped = g_utf8_substring (title, 0, MIN (g_utf8_strlen (title, -1),
                                                              MAX_NAME_CHARS));
  g_autofree char *text = NULL;
  GString *name = g_string_new (NULL);
  char *start;

  for (const char *p = clipped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\')
        g_string_append_c (name, '-');
      else if (!g_unichar_iscntrl (c))
        g_string_append_unichar (name, c);
    }

  text = g_strstrip (g_string_free (name, FALSE));
  for (start = text; *start == '.'; start++)
    ;

  return g_strconcat (*start != '\0' ? start : _("Outline"), kind->extension, NULL);
}

static void
export_chooser_response_cb (VpWindow             *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  ExportRequest *request = g_object_get_data (G_OBJECT (chooser), "vp-export-request");
  g_autoptr(GtkNativeDialog) owned = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert (request != NULL);

  /* Let go of the dialog before exporting: a PDF export runs a main loop
   * of its own, in which the window may be closed. */
  if (self->export_chooser == GTK_NATIVE_DIALOG (chooser))
    owned = g_steal_pointer (&self->export_chooser);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (chooser));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      const char *scope = NULL;
      const char *points = NULL;
      GPtrArray *articles = request->all;
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (request->current != NULL)
        scope = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "scope");
      if (request->all_points != NULL)
        points = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "points");

      if (g_strcmp0 (scope, "current") == 0)
        articles = g_strcmp0 (points, "all") == 0 ? request->current_all_points : request->current;
      else if (g_strcmp0 (points, "all") == 0)
        articles = request->all_points;

      /* The next export starts where this one went. */
      g_set_object (&self->export_folder, folder);

      _vp_window_export_to_file (self, request->kind->id, articles, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
}

/**
 * _vp_window_export:
 * @format: "pdf", "markdown", "json" or "csv"
 * @only: (nullable): the column to export, or %NULL for a choice of all
 *   of them or the current one
 *
 * Asks where to export the outlines, then exports them there.
 */
void
_vp_window_export (VpWindow        *self,
                   const char      *format,
                   VpArticleColumn *only)
{
  const ExportKind *kind = find_kind (format);
  g_autoptr(GtkFileChooserNative) chooser = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  ExportRequest *request;

  g_return_if_fail (kind != NULL);

  if (self->print_operation != NULL)
    return;

  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_show (self->export_chooser);
      return;
    }

  request = g_new0 (ExportRequest, 1);
  request->kind = kind;
  request->all = collect_articles (self, only, TRUE);

  if (request->all->len == 0)
    {
      export_request_free (request);
      return;
    }

  chooser = gtk_file_chooser_native_new (_(kind->dialog_title),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _(kind->filter_name));
  gtk_file_filter_add_mime_type (filter, kind->mime_type);
  {
    g_autofree char *pattern = g_strconcat ("*", kind->extension, NULL);

    gtk_file_filter_add_pattern (filter, pattern);
  }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* From the main menu with several articles open, the whole comparison
   * or only the article the keyboard shortcuts act on. */
  if (only == NULL && request->all->len > 1)
    {
      VpArticleColumn *current = _vp_window_get_current_column (self);
      const char *ids[] = { "all", "current", NULL };
      const char *labels[] = { _("All Open Articles"), _("Only the Current Article"), NULL };

      if (current != NULL)
        {
          request->current = collect_articles (self, current, TRUE);
          request->current_all_points = collect_articles (self, current, FALSE);
          gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "scope", _("Articles"),
                                       ids, labels);
          gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "scope", "all");
        }
    }

  /* With the outlines filtered by actor, the points they show, as the
   * print does, or all of them. */
  {
    g_autofree char *note = dup_shown_only_note (self);

    if (note != NULL)
      {
        const char *ids[] = { "shown", "all", NULL };
        const char *labels[] = { _("Only Those Shown"), _("All Points"), NULL };

        request->all_points = collect_articles (self, only, FALSE);
        gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "points", _("Points"),
                                     ids, labels);
        gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "points", "shown");
      }
  }

  /* Where the last export went, or else the user's documents rather
   * than wherever the program happened to be started. */
  if (self->export_folder != NULL)
    {
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), self->export_folder, NULL);
    }
  else
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GFile) folder = g_file_new_for_path (documents);

          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
    }

  name = default_file_name (request->all, kind);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data_full (G_OBJECT (chooser), "vp-export-request", request, export_request_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->export_chooser = GTK_NATIVE_DIALOG (g_steal_pointer (&chooser));
  gtk_native_dialog_show (self->export_chooser);
}

/* Opening an export */

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree char *uri = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
      g_autofree char *display = g_filename_display_name (path != NULL ? path : uri);
      g_autofree char *message = NULL;

      /* Translators: the first %s is a file's name, the second what went
       * wrong */
      message = g_strdup_printf (_("%s: the file could not be opened (%s)"), display,
                                 error->message);
      show_outcome (VP_WINDOW (object), message, NULL);
    }
}

/**
 * _vp_window_open_exported:
 * @uri: an exported file
 *
 * Opens an exported file in the application the user prefers for it.
 */
void
_vp_window_open_exported (VpWindow   *self,
                          const char *uri)
{
  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, show_uri_cb, g_strdup (uri));
}
