/* test-print.c: printing and exporting from the window
 *
 * Runs under Xvfb. The window's PDF goes through GtkPrintOperation in
 * export mode, the command line's through its own cairo surface; both
 * are read back with poppler and must show the same text on every page.
 * The other formats must be the command line's bytes. Failed exports
 * must leave nothing at the target and say why in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <poppler.h>

#include <adwaita.h>
#include <gtk/gtkunixprint.h>

#include "vp-article-column.h"
#include "vp-exporter.h"
#include "vp-print-operation.h"
#include "vp-ui-test.h"
#include "vp-window-private.h"

/* poppler-glib gained autoptr cleanups only after Debian 12's version; names
 * of our own cannot clash with them. */
typedef PopplerDocument DocumentRef;
typedef PopplerPage PageRef;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocumentRef, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageRef, g_object_unref)

static const char * const harbour[] = {
  "harbour-fees.html", "harbour-tolls.html", "long-ferries.html", NULL,
};

/* A scratch folder, removed with whatever is left in it. */
typedef struct
{
  char *path;
} Scratch;

static void
scratch_clear (Scratch *scratch)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (scratch->path == NULL)
    return;

  g_chmod (scratch->path, 0700);
  dir = g_dir_open (scratch->path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (scratch->path, name, NULL);

      g_remove (child);
    }
  g_rmdir (scratch->path);
  g_clear_pointer (&scratch->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scratch, scratch_clear)

static void
scratch_init (Scratch *scratch)
{
  g_autoptr(GError) error = NULL;

  scratch->path = g_dir_make_tmp ("vp-print-XXXXXX", &error);
  g_assert_no_error (error);
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

static VpWindow *
open_window (const char * const *names)
{
  VpWindow *window = vp_test_new_window ();
  guint n = g_strv_length ((char **)names);

  for (guint i = 0; i < n; i++)
    vp_test_open (window, names[i], NULL);
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, n);

  return window;
}

static GPtrArray *
window_articles (VpWindow *window)
{
  GPtrArray *articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < vp_window_get_n_columns (window); i++)
    {
      VpArticleColumn *column = VP_ARTICLE_COLUMN (vp_window_get_column (window, i));

      g_ptr_array_add (articles, g_object_ref (vp_article_column_get_article (column)));
    }

  return articles;
}

/* Runs the built viewpoints with no display, in the fixtures' folder: the
 * window names an article's source by its file's name, and so does the
 * command line given bare names. */
static char *
run_cli (const char * const *args)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "ui", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer)g_getenv ("VIEWPOINTS"));
  g_assert_nonnull (argv->pdata[0]);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, folder);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  return out;
}

/* The command line's PDF of @names on @paper, in @folder. */
static char *
cli_pdf (const char         *folder,
         const char * const *names,
         const char         *paper)
{
  g_autofree char *path = g_build_filename (folder, "cli.pdf", NULL);
  g_autofree char *out_arg = g_strconcat ("--export-pdf=", path, NULL);
  g_autofree char *paper_arg = g_strconcat ("--paper=", paper, NULL);
  g_autofree char *out = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, out_arg);
  g_ptr_array_add (args, paper_arg);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)names[i]);
  g_ptr_array_add (args, NULL);

  out = run_cli ((const char * const *)args->pdata);
  g_assert_cmpstr (out, ==, "");

  return g_steal_pointer (&path);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);

  return document;
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PageRef) page = poppler_document_get_page (document, index);

  return poppler_page_get_text (page);
}

/* The paper of the first page, as the command line names it. */
static const char *
paper_name (PopplerDocument *document)
{
  g_autoptr(PageRef) page = poppler_document_get_page (document, 0);
  double width;
  double height;

  poppler_page_get_size (page, &width, &height);
  if (G_APPROX_VALUE (width, 612.0, 0.5) && G_APPROX_VALUE (height, 792.0, 0.5))
    return "letter";

  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.5);

  return "a4";
}

static int compare_pdfs (const char         *path,
                         const char * const *names,
                         const char         *folder,
                         gboolean            as_exported);

/* The window's printout at @path and the command line's PDF of @names:
 * the same pages, the same text on each. Returns the number of pages. */
static int
assert_same_pages (const char         *path,
                   const char * const *names,
                   const char         *folder)
{
  return compare_pdfs (path, names, folder, FALSE);
}

/* An export is also the same document: the same title and bookmarks. */
static int
assert_same_pdf (const char         *path,
                 const char * const *names,
                 const char         *folder)
{
  return compare_pdfs (path, names, folder, TRUE);
}

/* The share of pixels that differ between the first pages of two PDFs,
 * rendered at 72 dpi. */
static double
first_page_difference (PopplerDocument *a,
                       PopplerDocument *b)
{
  g_autoptr(PageRef) page_a = poppler_document_get_page (a, 0);
  g_autoptr(PageRef) page_b = poppler_document_get_page (b, 0);
  cairo_surface_t *surfaces[2];
  PopplerPage *pages[2] = { page_a, page_b };
  double width;
  double height;
  guint n_different = 0;
  int stride;

  poppler_page_get_size (page_a, &width, &height);
  for (guint i = 0; i < 2; i++)
    {
      cairo_t *cr;

      surfaces[i] = cairo_image_surface_create (CAIRO_FORMAT_RGB24, ceil (width), ceil (height));
      cr = cairo_create (surfaces[i]);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      poppler_page_render (pages[i], cr);
      cairo_destroy (cr);
      cairo_surface_flush (surfaces[i]);
    }

  stride = cairo_image_surface_get_stride (surfaces[0]);
  for (int y = 0; y < (int)ceil (height); y++)
    {
      const guint8 *data_a = cairo_image_surface_get_data (surfaces[0]) + y * stride;
      const guint8 *data_b = cairo_image_surface_get_data (surfaces[1]) + y * stride;
      const guint32 *row_a = (const guint32 *)data_a;
      const guint32 *row_b = (const guint32 *)data_b;

      for (int x = 0; x < (int)ceil (width); x++)
        {
          if ((row_a[x] & 0xffffff) != (row_b[x] & 0xffffff))
            n_different++;
        }
    }

  cairo_surface_destroy (surfaces[0]);
  cairo_surface_destroy (surfaces[1]);

  return n_different / (ceil (width) * ceil (height));
}

static int
compare_pdfs (const char         *path,
              const char * const *names,
              const char         *folder,
              gboolean            as_exported)
{
  g_autoptr(DocumentRef) exported = open_pdf (path);
  g_autofree char *cli_path = cli_pdf (folder, names, paper_name (exported));
  g_autoptr(DocumentRef) expected = open_pdf (cli_path);
  g_autofree char *exported_title = poppler_document_get_title (exported);
  g_autofree char *expected_title = poppler_document_get_title (expected);
  int n_pages = poppler_document_get_n_pages (expected);

  g_assert_cmpint (poppler_document_get_n_pages (exported), ==, n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *got = page_text (exported, i);
      g_autofree char *want = page_text (expected, i);

      g_assert_cmpstr (got, ==, want);
    }

  /* Not only the words: the same places and colours. */
  g_assert_cmpfloat (first_page_difference (exported, expected), <, 0.001);

  if (!as_exported)
    {
      g_remove (cli_path);
      return n_pages;
    }

  g_assert_cmpstr (exported_title, ==, expected_title);

  /* A bookmark for each article, and one for the comparison page. */
  {
    PopplerIndexIter *got = poppler_index_iter_new (exported);
    PopplerIndexIter *want = poppler_index_iter_new (expected);
    guint n_got = 0;
    guint n_want = 0;

    for (gboolean more = got != NULL; more; more = poppler_index_iter_next (got))
      n_got++;
    for (gboolean more = want != NULL; more; more = poppler_index_iter_next (want))
      n_want++;
    g_assert_cmpuint (n_got, ==, n_want);
    g_assert_cmpuint (n_got, ==, g_strv_length ((char **)names) + (names[1] != NULL ? 1 : 0));

    g_clear_pointer (&got, poppler_index_iter_free);
    g_clear_pointer (&want, poppler_index_iter_free);
  }

  g_remove (cli_path);

  return n_pages;
}

static GtkWidget *
find_toast (VpWindow   *window,
            const char *text)
{
  return vp_test_find_label (GTK_WIDGET (window->toast_overlay), text);
}

static GtkWindow *
find_toplevel (const char *type_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), type_name) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static GtkWindow *
find_file_dialog (void)
{
  return find_toplevel ("GtkFileChooserDialog");
}

static gboolean
same_folder (GtkFileChooser *chooser,
             GFile          *folder)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (chooser);

  return current != NULL && g_file_equal (current, folder);
}

/* Picks @label in the dialog's drop-down of choices, as a user does:
 * GTK 4.8's gtk_file_chooser_set_choice() matches the labels, not the
 * ids, in its fallback dialog. */
static gboolean
choose (GtkWidget  *root,
        const char *label)
{
  if (GTK_IS_DROP_DOWN (root))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (root));

      for (guint i = 0; GTK_IS_STRING_LIST (model) && i < g_list_model_get_n_items (model); i++)
        {
          if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), label) == 0)
            {
              gtk_drop_down_set_selected (GTK_DROP_DOWN (root), i);
              return TRUE;
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (choose (child, label))
        return TRUE;
    }

  return FALSE;
}

/* Answers the save dialog the action opened as a user would: a name in
 * a folder, a choice of articles, and Export. The native dialog falls
 * back to GTK's own here, whose Export button checks the name and the
 * folder before it answers. */
static void
answer_export_dialog (VpWindow   *window,
                      const char *folder,
                      const char *name,
                      const char *scope)
{
  g_autoptr(GFile) dir = g_file_new_for_path (folder);
  GtkFileChooser *chooser;
  GtkWindow *dialog;

  VP_WAIT_FOR (window->export_chooser != NULL);
  chooser = GTK_FILE_CHOOSER (window->export_chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);

  /* Once shown, the dialog settles on its first folder; then the user
   * goes elsewhere. */
  VP_WAIT_FOR ((dialog = find_file_dialog ()) != NULL &&
               gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  vp_test_spin (100);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), dir, NULL);
  VP_WAIT_FOR (same_folder (GTK_FILE_CHOOSER (dialog), dir));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  if (scope != NULL)
    g_assert_true (choose (GTK_WIDGET (dialog), scope));
  else
    g_assert_false (choose (GTK_WIDGET (dialog), "All Open Articles"));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  VP_WAIT_FOR (window->export_chooser == NULL);
}

static void
test_export_pdf_like_cli (void)
{
  g_auto(Scratch) scratch = { 0 };
  VpWindow *window = open_window (harbour);
  g_autofree char *target = NULL;
  g_autofree char *name = NULL;
  GtkWidget *toast;
  int n_pages;

  scratch_init (&scratch);
  target = g_build_filename (scratch.path, "harbour.pdf", NULL);

  /* Shift+Ctrl+E: a save dialog, named after the comparison, with a
   * choice between all the articles and the current one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  VP_WAIT_FOR (window->export_chooser != NULL);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (window->export_chooser));
  g_assert_cmpstr (name, ==, "Comparison of 3 articles.pdf");
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (window->export_chooser), "scope"),
                   ==, "all");

  answer_export_dialog (window, scratch.path, "harbour.pdf", "All Open Articles");
  VP_WAIT_FOR (find_toast (window, "Exported") != NULL);

  toast = find_toast (window, "Exported");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (toast)), ==, "Exported “harbour.pdf”");
  g_assert_null (window->export_chooser);

  /* Only the PDF: no temporary file is left beside it. */
  g_assert_cmpuint (count_entries (scratch.path), ==, 1);

  n_pages = assert_same_pdf (target, harbour, scratch.path);
  g_assert_cmpint (n_pages, >, 3);

  vp_test_destroy_window (window);
}

static void
test_export_pdf_current_article (void)
{
  static const char * const tolls[] = { "harbour-tolls.html", NULL };
  static const char * const fees[] = { "harbour-fees.html", NULL };
  g_auto(Scratch) scratch = { 0 };
  VpWindow *window = open_window (harbour);
  g_autofree char *current = NULL;
  g_autofree char *column = NULL;
  g_autofree char *name = NULL;

  scratch_init (&scratch);
  current = g_build_filename (scratch.path, "current.pdf", NULL);
  column = g_build_filename (scratch.path, "column.pdf", NULL);

  /* A column moved is the one the shortcuts act on; the main menu's
   * dialog can export it alone. */
  gtk_widget_activate_action (GTK_WIDGET (vp_window_get_column (window, 1)), "column.move-right",
                              NULL);
  g_assert_true (_vp_window_get_current_column (window) ==
                 VP_ARTICLE_COLUMN (vp_window_get_column (window, 2)));
  g_assert_cmpstr (vp_article_column_get_title (_vp_window_get_current_column (window)), ==,
                   "Tolls, not fees, will save the harbour");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  answer_export_dialog (window, scratch.path, "current.pdf", "Only the Current Article");
  VP_WAIT_FOR (find_toast (window, "Exported “current.pdf”") != NULL);
  assert_same_pdf (current, tolls, scratch.path);

  /* A column's own menu exports that column, with no choice to make and
   * the article's title as the name (the test says there is no choice). */
  gtk_widget_activate_action (GTK_WIDGET (vp_window_get_column (window, 0)), "column.export",
                              "s", "pdf");
  VP_WAIT_FOR (window->export_chooser != NULL);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (window->export_chooser));
  g_assert_cmpstr (name, ==, "Harbour fees should fund the ferries.pdf");
  answer_export_dialog (window, scratch.path, "column.pdf", NULL);
  VP_WAIT_FOR (find_toast (window, "Exported “column.pdf”") != NULL);
  assert_same_pdf (column, fees, scratch.path);

  /* The next dialog opens where the last export went. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  VP_WAIT_FOR (window->export_chooser != NULL);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (scratch.path);
    GtkWindow *dialog;

    VP_WAIT_FOR ((dialog = find_file_dialog ()) != NULL &&
                 gtk_widget_get_mapped (GTK_WIDGET (dialog)));
    vp_test_spin (200);
    g_assert_true (same_folder (GTK_FILE_CHOOSER (dialog), folder));
  }
  g_signal_emit_by_name (window->export_chooser, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (window->export_chooser);
  g_assert_cmpuint (count_entries (scratch.path), ==, 2);

  vp_test_destroy_window (window);
}

static void
test_export_text_formats (void)
{
  static const struct {
    const char     *id;
    VpExportFormat  format;
    const char     *cli_format;
    const char     *name;
  } formats[] = {
    { "markdown", VP_EXPORT_FORMAT_MARKDOWN, "--format=markdown", "Comparison of 3 articles.md" },
    { "json", VP_EXPORT_FORMAT_JSON, "--format=json", "Comparison of 3 articles.json" },
    { "csv", VP_EXPORT_FORMAT_CSV, "--format=csv", "Comparison of 3 articles.csv" },
  };
  g_auto(Scratch) scratch = { 0 };
  VpWindow *window = open_window (harbour);
  g_autoptr(GPtrArray) articles = window_articles (window);

  scratch_init (&scratch);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) expected = vp_export_outline (formats[i].format, articles,
                                                        vp_workspace_get_actors (window->workspace));
      g_autofree char *path = g_build_filename (scratch.path, formats[i].name, NULL);
      g_autofree char *toast = g_strdup_printf ("Exported “%s”", formats[i].name);
      g_autofree char *contents = NULL;
      g_autofree char *cli = NULL;
      gsize length = 0;
      const char *args[] = { "--outline", formats[i].cli_format, harbour[0], harbour[1],
                             harbour[2], NULL };

      gtk_widget_activate_action (GTK_WIDGET (window), "win.export-outline", "s", formats[i].id);
      VP_WAIT_FOR (window->export_chooser != NULL);

      /* The dialog proposes the name the test then accepts as it is. */
      {
        GtkFileChooser *chooser = GTK_FILE_CHOOSER (window->export_chooser);
        g_autofree char *name = gtk_file_chooser_get_current_name (chooser);

        g_assert_cmpstr (name, ==, formats[i].name);
      }
      answer_export_dialog (window, scratch.path, formats[i].name, "All Open Articles");
      VP_WAIT_FOR (find_toast (window, toast) != NULL);

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                       g_bytes_get_size (expected));

      /* And the command line's output of the same files. */
      cli = run_cli (args);
      g_assert_cmpstr (contents, ==, cli);
    }

  g_assert_cmpuint (count_entries (scratch.path), ==, G_N_ELEMENTS (formats));

  vp_test_destroy_window (window);
}

static void
assert_failed_export (VpWindow   *window,
                      const char *format,
                      GPtrArray  *articles,
                      const char *target,
                      const char *reason)
{
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autofree char *message = g_strdup_printf ("%s: %s", target, reason);

  g_assert_false (_vp_window_export_to_file (window, format, articles, file));
  if (find_toast (window, message) == NULL)
    g_error ("No toast says “%s”", message);
  g_assert_null (find_toast (window, "Exported"));

  /* Nothing is printing any more. */
  g_assert_null (window->print_operation);
}

static void
test_export_failures (void)
{
  static const char * const formats[] = { "pdf", "markdown", "json", "csv" };
  static const char * const names[] = {
    "outline.pdf", "outline.md", "outline.json", "outline.csv",
  };
  g_auto(Scratch) scratch = { 0 };
  VpWindow *window = open_window (harbour);
  g_autoptr(GPtrArray) articles = window_articles (window);

  scratch_init (&scratch);

  /* A folder that does not exist. */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *missing = g_build_filename (scratch.path, "missing", NULL);
      g_autofree char *target = g_build_filename (missing, names[i], NULL);

      g_autofree char *reason =
        g_strdup_printf ("could not be saved: the folder “%s” does not exist", missing);

      assert_failed_export (window, formats[i], articles, target, reason);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    }

  /* A folder as the target. */
  {
    g_autofree char *folder = g_build_filename (scratch.path, "folder.pdf", NULL);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    assert_failed_export (window, "pdf", articles, folder,
                          "could not be saved: this is a folder, not a file");
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    g_rmdir (folder);
  }

  /* A folder the user may not write in; root may write anywhere. */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (scratch.path, 0500), ==, 0);
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        {
          g_autofree char *target = g_build_filename (scratch.path, names[i], NULL);
          g_autofree char *reason =
            g_strdup_printf ("could not be saved: you do not have permission to write in the "
                             "folder “%s”", scratch.path);

          assert_failed_export (window, formats[i], articles, target, reason);
        }
      g_assert_cmpint (g_chmod (scratch.path, 0700), ==, 0);
    }
  else
    {
      g_test_message ("Running as root: an unwritable folder cannot be made");
    }

  g_assert_cmpuint (count_entries (scratch.path), ==, 0);

  vp_test_destroy_window (window);
}

/* A write that fails halfway, as on a full disk: the file size limit
 * makes write() fail after a few kilobytes, for root too. The previous
 * file stays whole and nothing else is left beside it. */
static void
test_export_fails_midway (void)
{
  static const struct {
    const char *format;
    rlim_t      limit;
    const char *reason;
  } cases[] = {
    { "pdf", 4096, "the PDF was not written completely" },
    { "csv", 256, "could not be saved: the file would be larger than the system allows" },
  };
  g_auto(Scratch) scratch = { 0 };
  VpWindow *window = open_window (harbour);
  g_autoptr(GPtrArray) articles = window_articles (window);
  g_autofree char *target = NULL;

  scratch_init (&scratch);
  target = g_build_filename (scratch.path, "outline", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (target);
      g_autofree char *contents = NULL;
      g_autofree char *message = g_strdup_printf ("%s: %s", target, cases[i].reason);
      struct rlimit saved;
      struct rlimit limited;
      void (*saved_handler) (int);
      gboolean written;

      g_assert_true (g_file_set_contents (target, "previous", -1, NULL));

      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      limited = saved;
      limited.rlim_cur = cases[i].limit;
      saved_handler = signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

      written = _vp_window_export_to_file (window, cases[i].format, articles, file);

      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
      signal (SIGXFSZ, saved_handler);

      g_assert_false (written);
      if (find_toast (window, message) == NULL)
        g_error ("No toast says “%s”", message);

      g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "previous");
      g_assert_cmpuint (count_entries (scratch.path), ==, 1);

      /* With room, the same export replaces it. */
      g_assert_true (_vp_window_export_to_file (window, cases[i].format, articles, file));
      g_clear_pointer (&contents, g_free);
      g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
      g_assert_cmpstr (contents, !=, "previous");
      g_assert_cmpuint (count_entries (scratch.path), ==, 1);
    }

  vp_test_destroy_window (window);
}

/* A button bound to @action (a detailed name) is sensitive exactly when the action is
 * enabled: the state the main menu shows. */
static GtkWidget *
add_probe (VpWindow   *window,
           const char *action)
{
  GtkWidget *probe = gtk_button_new_with_label (action);
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (window->search_label));

  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (probe), action);
  gtk_box_append (GTK_BOX (box), probe);

  return probe;
}

static void
test_actions_enabled (void)
{
  static const char * const actions[] = { "win.print", "win.export-pdf", NULL };
  VpWindow *window = vp_test_new_window ();
  GtkWidget *probes[G_N_ELEMENTS (actions)] = { NULL };
  GtkWidget *markdown;

  for (guint i = 0; actions[i] != NULL; i++)
    probes[i] = add_probe (window, actions[i]);
  markdown = add_probe (window, "win.export-outline::markdown");

  /* Nothing to print with no article open… */
  for (guint i = 0; actions[i] != NULL; i++)
    VP_WAIT_FOR (!gtk_widget_get_sensitive (probes[i]));
  VP_WAIT_FOR (!gtk_widget_get_sensitive (markdown));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-pdf", NULL);
  g_assert_null (window->export_chooser);

  /* …and everything with one. */
  vp_test_open (window, "harbour-fees.html", NULL);
  for (guint i = 0; actions[i] != NULL; i++)
    VP_WAIT_FOR (gtk_widget_get_sensitive (probes[i]));
  VP_WAIT_FOR (gtk_widget_get_sensitive (markdown));

  /* Closing the last article disables them again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close-column", NULL);
  for (guint i = 0; actions[i] != NULL; i++)
    VP_WAIT_FOR (!gtk_widget_get_sensitive (probes[i]));
  VP_WAIT_FOR (!gtk_widget_get_sensitive (markdown));

  vp_test_destroy_window (window);
}

static GtkWindow *
find_print_dialog (void)
{
  return find_toplevel ("GtkPrintUnixDialog");
}

static void
test_print_dialog (void)
{
  VpWindow *window = open_window (harbour);
  GtkWidget *probe = add_probe (window, "win.export-pdf");
  GtkWindow *dialog;

  /* Ctrl+P: the print dialog, over the window, for all three articles. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  VP_WAIT_FOR ((dialog = find_print_dialog ()) != NULL);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));

  g_assert_nonnull (window->print_operation);
  g_assert_cmpuint (vp_print_operation_get_n_articles (window->print_operation), ==, 3);
  g_assert_cmpstr (vp_print_operation_get_title (window->print_operation), ==,
                   "Comparison of 3 articles");

  /* While it is open, nothing else prints. */
  VP_WAIT_FOR (!gtk_widget_get_sensitive (probe));

  /* Cancelled, it leaves no trace. */
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  VP_WAIT_FOR (window->print_operation == NULL);
  VP_WAIT_FOR (gtk_widget_get_sensitive (probe));
  g_assert_null (find_toast (window, "could not be printed"));

  /* A column's menu prints that column alone. */
  gtk_widget_activate_action (GTK_WIDGET (vp_window_get_column (window, 2)), "column.print", NULL);
  VP_WAIT_FOR ((dialog = find_print_dialog ()) != NULL);
  g_assert_cmpuint (vp_print_operation_get_n_articles (window->print_operation), ==, 1);
  g_assert_cmpstr (vp_print_operation_get_title (window->print_operation), ==,
                   "A long piece on the ferries");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  VP_WAIT_FOR (window->print_operation == NULL);

  vp_test_destroy_window (window);
}

/* The print dialog cannot be answered headless; the operation it runs
 * can, in export mode: it must lay out the command line's pages. */
static void
test_print_pages (void)
{
  static const char * const single[] = { "long-ferries.html", NULL };
  g_auto(Scratch) scratch = { 0 };
  VpWindow *window = open_window (harbour);

  scratch_init (&scratch);

  for (guint i = 0; i < 2; i++)
    {
      VpArticleColumn *only = i == 0 ? NULL : VP_ARTICLE_COLUMN (vp_window_get_column (window, 2));
      g_autoptr(VpPrintOperation) operation = _vp_window_create_print_operation (window, only);
      g_autofree char *path = g_build_filename (scratch.path, "printed.pdf", NULL);
      g_autoptr(GError) error = NULL;
      GtkPrintOperationResult result;
      int n_pages;

      g_assert_cmpint (vp_print_operation_get_n_pages (operation), ==, -1);

      gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
      result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                        GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

      n_pages = assert_same_pdf (path, only == NULL ? harbour : single, scratch.path);
      g_assert_cmpint (vp_print_operation_get_n_pages (operation), ==, n_pages);
      g_remove (path);
    }

  vp_test_destroy_window (window);
}

/* With the outlines filtered by actor, a print holds the points they
 * show, and its running header says so. */
static void
test_print_filtered (void)
{
  static const char * const gulf[] = { "gulf-hotline.html", "gulf-ports.html", NULL };
  g_auto(Scratch) scratch = { 0 };
  VpWindow *window = open_window (gulf);

  scratch_init (&scratch);

  g_object_set (window, "show-filter", TRUE, NULL);
  vp_filter_bar_set_chosen (window->filter_bar, "saudi-arabia", TRUE);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(VpPrintOperation) operation = _vp_window_create_print_operation (window, NULL);
      g_autofree char *path = g_build_filename (scratch.path, "filtered.pdf", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(DocumentRef) document = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      gboolean filtered = i == 0;

      gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
      g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                                GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                       ==, GTK_PRINT_OPERATION_RESULT_APPLY);
      g_assert_no_error (error);

      document = open_pdf (path);
      for (int p = 0; p < poppler_document_get_n_pages (document); p++)
        {
          g_autofree char *page = page_text (document, p);

          g_string_append (text, page);
        }

      /* The points with Saudi Arabia, in both articles… */
      g_assert_nonnull (strstr (text->str, "naval hotline"));
      g_assert_nonnull (strstr (text->str, "port tariffs"));
      /* …and the others only without the filter. */
      g_assert_true ((strstr (text->str, "Muscat should keep") == NULL) == filtered);
      g_assert_true ((strstr (text->str, "stop seizing tankers") == NULL) == filtered);
      g_assert_true ((strstr (text->str, "Only the points that involve Saudi Arabia") != NULL) == filtered);
      g_assert_true ((strstr (vp_print_operation_get_title (operation), "Saudi Arabia") != NULL) == filtered);

      g_remove (path);
      g_object_set (window, "show-filter", FALSE, NULL);
    }

  vp_test_destroy_window (window);
}

/* The paper last printed on is the paper of the next print and PDF. */
static void
test_page_setup_kept (void)
{
  g_auto(Scratch) scratch = { 0 };
  VpWindow *window = open_window (harbour);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPageSetup) letter = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(GPtrArray) articles = window_articles (window);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GVariant) kept = NULL;
  g_autoptr(GtkPageSetup) kept_setup = NULL;

  scratch_init (&scratch);
  path = g_build_filename (scratch.path, "letter.pdf", NULL);
  file = g_file_new_for_path (path);

  gtk_page_setup_set_paper_size_and_default_margins (letter, paper);
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (letter));

  g_assert_true (_vp_window_export_to_file (window, "pdf", articles, file));
  {
    g_autoptr(DocumentRef) document = open_pdf (path);

    g_assert_cmpstr (paper_name (document), ==, "letter");
  }
  assert_same_pdf (path, harbour, scratch.path);

  /* And it is still the paper kept. */
  kept = g_settings_get_value (settings, "page-setup");
  kept_setup = gtk_page_setup_new_from_gvariant (kept);
  g_assert_nonnull (kept_setup);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (kept_setup)), ==,
                   GTK_PAPER_NAME_LETTER);

  vp_test_destroy_window (window);
}

static void
test_shortcuts_and_toast (void)
{
  g_auto(Scratch) scratch = { 0 };
  GtkApplication *app = GTK_APPLICATION (vp_test_get_application ());
  VpWindow *window = open_window (harbour);
  g_auto(GStrv) print = gtk_application_get_accels_for_action (app, "win.print");
  g_auto(GStrv) export = gtk_application_get_accels_for_action (app, "win.export-pdf");
  g_autoptr(GPtrArray) articles = window_articles (window);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  GtkWidget *toast;
  GtkWidget *button = NULL;

  g_assert_true (g_strv_contains ((const char * const *)print, "<Control>p"));
  g_assert_true (g_strv_contains ((const char * const *)export, "<Shift><Control>e"));

  /* The success toast offers to open the file. */
  scratch_init (&scratch);
  path = g_build_filename (scratch.path, "open me.md", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (_vp_window_export_to_file (window, "markdown", articles, file));

  toast = find_toast (window, "Exported “open me.md”");
  g_assert_nonnull (toast);
  for (GtkWidget *w = gtk_widget_get_parent (toast); w != NULL && button == NULL;
       w = gtk_widget_get_parent (w))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (w); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (GTK_IS_BUTTON (child) &&
              g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)),
                         "win.open-exported") == 0)
            button = child;
        }
    }
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Open");
  {
    GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
  }

  vp_test_destroy_window (window);
}

static GtkPrinter *
selected_printer (GtkWindow *dialog)
{
  return gtk_print_unix_dialog_get_selected_printer (GTK_PRINT_UNIX_DIALOG (dialog));
}

static gboolean
pdf_complete (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return length > 32 && g_strstr_len (contents + length - 32, 32, "%%EOF") != NULL;
}

/* Ctrl+P, "Print to File" and Print: GTK's own print path, through the
 * dialog, to the same pages as the command line's. */
static void
test_print_to_file (void)
{
  g_auto(Scratch) scratch = { 0 };
  VpWindow *window = open_window (harbour);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new ();
  g_autoptr(GtkPrintSettings) kept = NULL;
  g_autoptr(GVariant) kept_variant = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  GtkWindow *dialog;
  GtkPrinter *printer;

  scratch_init (&scratch);
  path = g_build_filename (scratch.path, "printed.pdf", NULL);
  uri = g_filename_to_uri (path, NULL, NULL);

  /* As a user left the dialog last time; pages 2 to 3 were that
   * document's business only. */
  gtk_print_settings_set_printer (print_settings, "Print to File");
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  g_settings_set_value (settings, "print-settings",
                        gtk_print_settings_to_gvariant (print_settings));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL);
  VP_WAIT_FOR ((dialog = find_print_dialog ()) != NULL);

  /* The printers come from their backends in the background. */
  VP_WAIT_FOR ((printer = selected_printer (dialog)) != NULL && gtk_printer_is_virtual (printer));
  g_assert_cmpstr (gtk_printer_get_name (printer), ==, "Print to File");

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  VP_WAIT_FOR (window->print_operation == NULL);
  /* The print job writes the file after the operation is done. */
  VP_WAIT_FOR (pdf_complete (path));
  g_assert_null (find_toast (window, "could not be printed"));

  assert_same_pages (path, harbour, scratch.path);

  /* The printer is kept for next time. */
  kept_variant = g_settings_get_value (settings, "print-settings");
  kept = gtk_print_settings_new_from_gvariant (kept_variant);
  g_assert_cmpstr (gtk_print_settings_get_printer (kept), ==, "Print to File");
  g_assert_null (gtk_print_settings_get (kept, GTK_PRINT_SETTINGS_PAGE_RANGES));

  vp_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!vp_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/vp/print/export-pdf-like-cli", test_export_pdf_like_cli);
  g_test_add_func ("/vp/print/export-pdf-current-article", test_export_pdf_current_article);
  g_test_add_func ("/vp/print/export-text-formats", test_export_text_formats);
  g_test_add_func ("/vp/print/export-failures", test_export_failures);
  g_test_add_func ("/vp/print/export-fails-midway", test_export_fails_midway);
  g_test_add_func ("/vp/print/actions-enabled", test_actions_enabled);
  g_test_add_func ("/vp/print/print-dialog", test_print_dialog);
  g_test_add_func ("/vp/print/print-pages", test_print_pages);
  g_test_add_func ("/vp/print/filtered", test_print_filtered);
  g_test_add_func ("/vp/print/page-setup-kept", test_page_setup_kept);
  g_test_add_func ("/vp/print/shortcuts-and-toast", test_shortcuts_and_toast);
  g_test_add_func ("/vp/print/print-to-file", test_print_to_file);

  return g_test_run ();
}
