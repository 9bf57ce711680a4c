/* test-workspace-ui.c: keeping the work in the window
 *
 * Opening workspace files (as the window's workspace, or added to it),
 * Save and Save As, their failures, the title, closing with unsaved
 * changes, and the autosave with its restore. Runs under Xvfb (see the
 * headless test setup); each test program has its own state, data and
 * configuration folders (vp-ui-test.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vp-article-column.h"
#include "vp-autosave.h"
#include "vp-ui-test.h"
#include "vp-window-private.h"
#include "vp-workspace-io.h"

#define FEES_TITLE  "Harbour fees should fund the ferries"
#define TOLLS_TITLE "Tolls, not fees, will save the harbour"
#define LEAVE_TITLE "Leave the harbour budget alone"

/* Helpers */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vp-workspace-ui-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_chmod (dir, 0700);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }

  g_rmdir (dir);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static VpArticle *
get_article (VpWindow *window,
             guint     position)
{
  GtkWidget *column = vp_window_get_column (window, position);

  g_assert_nonnull (column);

  return vp_article_column_get_article (VP_ARTICLE_COLUMN (column));
}

static const char *
column_title (VpWindow *window,
              guint     position)
{
  return vp_article_get_title (get_article (window, position));
}

static GtkTreeListModel *
outline_model (VpWindow *window,
               guint     position)
{
  GtkWidget *column = vp_window_get_column (window, position);

  return vp_outline_view_get_model (vp_article_column_get_outline_view (VP_ARTICLE_COLUMN (column)));
}

static gboolean
row_expanded (GtkTreeListModel *model,
              guint             position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (row);

  return gtk_tree_list_row_get_expanded (row);
}

static void
set_row_expanded (GtkTreeListModel *model,
                  guint             position,
                  gboolean          expanded)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (model), position);

  gtk_tree_list_row_set_expanded (row, expanded);
}

/* Finds @needle in the blocks of @article. */
static int
find_span (VpArticle  *article,
           const char *needle,
           guint      *start,
           guint      *end)
{
  for (guint i = 0; i < vp_article_get_n_blocks (article); i++)
    {
      const char *text = vp_article_get_block_text (article, i);
      const char *found = strstr (text, needle);

      if (found != NULL)
        {
          *start = found - text;
          *end = *start + strlen (needle);
          return i;
        }
    }

  g_error ("No block has “%s”", needle);
  return -1;
}

/* Tags @needle as Iran, as Ctrl+T does: a change to save. */
static void
tag_iran (VpWindow   *window,
          VpArticle  *article,
          const char *needle)
{
  g_autoptr(GError) error = NULL;
  guint start, end;
  int block = find_span (article, needle, &start, &end);

  g_assert_true (vp_workspace_tag_span (vp_window_get_workspace (window), article, "iran",
                                        block, start, end, &error));
  g_assert_no_error (error);
}

static gboolean
has_iran_tag (VpArticle  *article,
              const char *needle)
{
  guint start, end;
  int block = find_span (article, needle, &start, &end);

  return vp_article_lookup_annotation (article, VP_ANNOTATION_TAG, "iran", block,
                                       start, end) != NULL;
}

static void
open_path (VpWindow   *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  vp_window_open_files (window, &file, 1);
  VP_WAIT_FOR (!vp_window_get_busy (window));
  vp_test_spin (50);
}

static void
save_to (VpWindow   *window,
         const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _vp_window_save_to_file (window, file);
  g_assert_true (window->saving);
  VP_WAIT_FOR (!window->saving);
}

/* Answers the file chooser, once it shows the folder it starts in: it
 * goes there in its own time, and would leave the folder chosen before. */
static void
choose_file (GtkFileChooser *chooser,
             GFile          *folder,
             const char     *name)
{
  g_autoptr(GFile) chosen = NULL;

  VP_WAIT_FOR ((chosen = gtk_file_chooser_get_current_folder (chooser)) != NULL);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  gtk_file_chooser_set_current_name (chooser, name);
  vp_test_spin (100);
}

static const char *
title_of (VpWindow *window)
{
  return adw_window_title_get_title (window->window_title);
}

static GtkWidget *
find_toast (VpWindow   *window,
            const char *text)
{
  return vp_test_find_label (GTK_WIDGET (window->toast_overlay), text);
}

static const char *
toast_text (VpWindow   *window,
            const char *text)
{
  GtkWidget *label = find_toast (window, text);

  if (label == NULL)
    g_error ("No toast says “%s”", text);

  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
is_recent (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri);
}

static gboolean
recent_menu_has (VpWindow   *window,
                 const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GMenuModel *menu = G_MENU_MODEL (window->recent_menu);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, "target",
                                                                          G_VARIANT_TYPE_STRING);

      if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), uri))
        return TRUE;
    }

  return FALSE;
}

static char *
autosave_folder (void)
{
  return g_build_filename (vp_test_get_state_dir (), "viewpoints", NULL);
}

/* The title */

static void
test_title (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "Harbour budget.viewpoints", NULL);

  /* An empty window is the application's. */
  g_assert_cmpstr (title_of (window), ==, "Viewpoints");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Viewpoints");

  /* Articles opened are work to keep. */
  vp_test_open (window, "harbour-fees.html", "harbour-tolls.html", NULL);
  g_assert_cmpstr (title_of (window), ==, "• Unsaved Workspace");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "2 Articles");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "• Unsaved Workspace — Viewpoints");

  /* Saved, it is named after its file, and the subtitle says where. */
  save_to (window, path);
  g_assert_cmpstr (title_of (window), ==, "Harbour budget");
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (window->window_title),
                            strrchr (dir, '/') + 1));

  /* The mark follows the workspace's changes, undone too. */
  tag_iran (window, get_article (window, 0), "ferries");
  g_assert_cmpstr (title_of (window), ==, "• Harbour budget");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (title_of (window), ==, "Harbour budget");

  /* A name the reader gave comes first. */
  vp_workspace_set_name (vp_window_get_workspace (window), "Ferries and fees");
  g_assert_cmpstr (title_of (window), ==, "• Ferries and fees");

  vp_workspace_set_modified (vp_window_get_workspace (window), FALSE);
  vp_test_destroy_window (window);
  remove_dir (dir);
}

/* Save and Save As */

static void
test_save (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.viewpoints", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VpWorkspace) read = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GError) error = NULL;

  vp_test_open (window, "harbour-fees.html", "harbour-tolls.html", NULL);
  tag_iran (window, get_article (window, 0), "ferries");

  /* No file yet: Ctrl+S would ask where. */
  g_assert_null (window->document);

  save_to (window, path);
  g_assert_true (g_file_equal (window->document, file));
  g_assert_false (vp_workspace_get_modified (vp_window_get_workspace (window)));
  g_assert_cmpstr (title_of (window), ==, "harbour");
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  /* The file holds the work, tag included. */
  read = vp_workspace_new_from_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vp_workspace_get_n_articles (read), ==, 2);
  g_assert_true (has_iran_tag (vp_workspace_get_article (read, 0), "ferries"));

  /* It is a recent file, in Open Recent, which opens it. */
  g_assert_true (is_recent (path));
  VP_WAIT_FOR (recent_menu_has (window, path));
  g_assert_true (window->recent_shown);
  {
    VpWindow *other = vp_test_new_window ();
    g_autofree char *uri = g_file_get_uri (file);

    VP_WAIT_FOR (recent_menu_has (other, path));
    gtk_widget_activate_action (GTK_WIDGET (other), "win.open-recent", "s", uri);
    VP_WAIT_FOR (!vp_window_get_busy (other));
    g_assert_cmpuint (vp_window_get_n_columns (other), ==, 2);
    g_assert_true (g_file_equal (other->document, file));
    vp_test_destroy_window (other);
  }

  /* Ctrl+S saves over it, keeping the previous version as the backup. */
  first = read_bytes (path);
  tag_iran (window, get_article (window, 1), "harbour");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (window->saving);
  VP_WAIT_FOR (!window->saving);
  g_assert_false (vp_workspace_get_modified (vp_window_get_workspace (window)));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GBytes) kept = read_bytes (backup);
    g_autoptr(GBytes) now = read_bytes (path);

    g_assert_true (g_bytes_equal (kept, first));
    g_assert_false (g_bytes_equal (now, first));
  }

  vp_test_destroy_window (window);
  remove_dir (dir);
}

static void
test_save_as_dialog (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "Chosen.viewpoints", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkFileChooser *chooser;
  g_autofree char *proposed = NULL;

  vp_test_open (window, "harbour-fees.html", NULL);

  /* Ctrl+S without a file is Save As, which proposes the article's title. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_nonnull (window->save_chooser);
  chooser = GTK_FILE_CHOOSER (window->save_chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  proposed = gtk_file_chooser_get_current_name (chooser);

  g_assert_cmpstr (proposed, ==, FEES_TITLE ".viewpoints");

  /* A name without the suffix gets it. */
  choose_file (chooser, folder, "Chosen");
  g_signal_emit_by_name (window->save_chooser, "response", GTK_RESPONSE_ACCEPT);
  g_assert_null (window->save_chooser);
  VP_WAIT_FOR (!window->saving);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_equal (window->document, file));
  g_assert_cmpstr (title_of (window), ==, "Chosen");

  /* Cancelled, it saves nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
  g_assert_nonnull (window->save_chooser);
  g_signal_emit_by_name (window->save_chooser, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (window->save_chooser);
  g_assert_false (window->saving);

  vp_test_destroy_window (window);
  remove_dir (dir);
}

/* A failed save leaves the work modified in the window and the files on
 * the disk as they were; the toast names the file and says why. */
static void
check_failed_save (VpWindow   *window,
                   const char *path,
                   GBytes     *before,
                   GBytes     *backup_before,
                   const char *reason)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) backup_after = NULL;
  const char *message;

  save_to (window, path);

  message = toast_text (window, "could not be saved");
  g_test_message ("%s", message);
  g_assert_true (g_str_has_prefix (message, "harbour.viewpoints: could not be saved"));
  g_assert_nonnull (strstr (message, reason));

  g_assert_true (vp_workspace_get_modified (vp_window_get_workspace (window)));
  g_assert_true (g_str_has_prefix (title_of (window), "• "));
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 1);
  g_assert_true (has_iran_tag (get_article (window, 0), "shift workers"));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (after, before));
  backup_after = read_bytes (backup);
  g_assert_true (g_bytes_equal (backup_after, backup_before));
}

/* Saves twice, so that there is a file and a backup, and changes the
 * work again. */
static VpWindow *
prepare_failed_save (const char  *path,
                     GBytes     **before,
                     GBytes     **backup_before)
{
  VpWindow *window = vp_test_new_window ();
  g_autofree char *backup = g_strconcat (path, "~", NULL);

  vp_test_open (window, "harbour-fees.html", NULL);
  save_to (window, path);
  tag_iran (window, get_article (window, 0), "ferries");
  save_to (window, path);
  tag_iran (window, get_article (window, 0), "shift workers");

  *before = read_bytes (path);
  *backup_before = read_bytes (backup);

  return window;
}

static void
test_save_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) backup_before = NULL;
  VpWindow *window;

  if (geteuid () == 0)
    {
      g_test_skip ("Running as root, which may write in read-only folders");
      return;
    }

  dir = make_dir ();
  path = g_build_filename (dir, "harbour.viewpoints", NULL);
  window = prepare_failed_save (path, &before, &backup_before);

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  check_failed_save (window, path, before, backup_before, "permission");
  g_chmod (dir, 0700);

  vp_test_destroy_window (window);
  remove_dir (dir);
}

static void
test_save_disk_full (void)
{
  /* A file size limit makes the write itself fail half-way, as a full
   * disk would, whoever runs the test. The limit stays in the child. */
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_dir ();
      g_autofree char *path = g_build_filename (dir, "harbour.viewpoints", NULL);
      g_autofree char *recent = g_build_filename (g_get_user_data_dir (), "recently-used.xbel",
                                                  NULL);
      g_autoptr(GBytes) before = NULL;
      g_autoptr(GBytes) backup_before = NULL;
      struct rlimit limit = { 64, 64 };
      VpWindow *window;

      window = prepare_failed_save (path, &before, &backup_before);

      /* GTK writes the recent files in its own time; not under the limit. */
      VP_WAIT_FOR (g_file_test (recent, G_FILE_TEST_EXISTS));
      vp_test_spin (300);

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      check_failed_save (window, path, before, backup_before, "larger than");

      /* No leftover: only the file and its backup. */
      {
        g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
        guint n = 0;

        while (g_dir_read_name (handle) != NULL)
          n++;
        g_assert_cmpuint (n, ==, 2);
      }

      vp_test_destroy_window (window);
      remove_dir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Opening workspace files */

/* Three articles in a new order, a tag, a collapsed section and a
 * filter, saved to @path. */
static void
save_sample_workspace (const char *path)
{
  VpWindow *window = vp_test_new_window ();
  GtkTreeListModel *model;

  vp_test_open (window, "harbour-fees.html", "harbour-tolls.html", "harbour-leave-alone.html",
                NULL);
  vp_workspace_move_article (vp_window_get_workspace (window), 2, 0);
  g_assert_cmpstr (column_title (window, 1), ==, FEES_TITLE);

  tag_iran (window, get_article (window, 1), "Replace the two oldest ferries");
  vp_filter_bar_set_chosen (window->filter_bar, "iran", TRUE);
  g_assert_true (window->show_filter);

  model = outline_model (window, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  set_row_expanded (model, 0, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  save_to (window, path);
  g_assert_false (vp_workspace_get_modified (vp_window_get_workspace (window)));

  vp_test_destroy_window (window);
}

static void
test_open (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.viewpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VpWindow *window;
  GtkTreeListModel *model;

  save_sample_workspace (path);

  /* An empty window takes the workspace as its own. */
  window = vp_test_new_window ();
  open_path (window, path);

  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 3);
  g_assert_cmpstr (column_title (window, 0), ==, LEAVE_TITLE);
  g_assert_cmpstr (column_title (window, 1), ==, FEES_TITLE);
  g_assert_cmpstr (column_title (window, 2), ==, TOLLS_TITLE);
  g_assert_true (has_iran_tag (get_article (window, 1), "Replace the two oldest ferries"));

  g_assert_true (g_file_equal (window->document, file));
  g_assert_false (vp_workspace_get_modified (vp_window_get_workspace (window)));
  g_assert_cmpstr (title_of (window), ==, "harbour");
  g_assert_true (is_recent (path));

  /* The view: the filter, and the collapsed section. */
  g_assert_true (window->show_filter);
  g_assert_true (vp_filter_bar_get_chosen (window->filter_bar, "iran"));
  model = outline_model (window, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_false (row_expanded (model, 0));

  /* Its actors are its own: they do not become the user's. */
  g_assert_false (window->save_user_actors);

  /* Opening it again opens nothing. */
  open_path (window, path);
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 3);
  g_assert_nonnull (find_toast (window, "harbour.viewpoints is already open"));

  vp_test_destroy_window (window);
  remove_dir (dir);
}

static void
test_merge (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.viewpoints", NULL);
  VpWindow *window;

  save_sample_workspace (path);

  /* A window with articles adds those of the file, tags and all. */
  window = vp_test_new_window ();
  vp_test_open (window, "gulf-ports.html", NULL);
  open_path (window, path);

  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 4);
  g_assert_cmpstr (column_title (window, 1), ==, LEAVE_TITLE);
  g_assert_cmpstr (column_title (window, 2), ==, FEES_TITLE);
  g_assert_true (has_iran_tag (get_article (window, 2), "Replace the two oldest ferries"));
  g_assert_null (window->document);
  g_assert_true (vp_workspace_get_modified (vp_window_get_workspace (window)));
  g_assert_cmpstr (title_of (window), ==, "• Unsaved Workspace");
  g_assert_true (window->save_user_actors);

  vp_test_destroy_window (window);

  /* Beyond what a window holds, nothing is added (the limit lowered to
   * reach it with the fixtures at hand). */
  window = vp_test_new_window ();
  window->max_columns = 6;
  vp_test_open (window, "gulf-ports.html", "gulf-hotline.html", "long-ferries.html",
                "harbour-fees.html", NULL);
  open_path (window, path);
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 4);
  g_assert_true (g_str_has_prefix (toast_text (window, "more than the 6"), "harbour.viewpoints: "));

  vp_test_destroy_window (window);
  remove_dir (dir);
}

/* A file that is not a workspace Viewpoints can read changes nothing,
 * in an empty window or one with articles. */
static void
check_bad_file (const char *path,
                const char *name,
                const char *reason)
{
  VpWindow *window = vp_test_new_window ();
  const char *message;

  open_path (window, path);
  message = toast_text (window, name);
  g_test_message ("%s", message);
  g_assert_true (g_str_has_prefix (message, name));
  g_assert_nonnull (strstr (message, reason));
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 0);
  g_assert_null (window->document);
  g_assert_cmpstr (title_of (window), ==, "Viewpoints");
  g_assert_false (is_recent (path));
  vp_test_destroy_window (window);

  window = vp_test_new_window ();
  vp_test_open (window, "harbour-fees.html", NULL);
  vp_workspace_set_modified (vp_window_get_workspace (window), FALSE);

  open_path (window, path);
  g_assert_nonnull (find_toast (window, name));
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 1);
  g_assert_cmpstr (column_title (window, 0), ==, FEES_TITLE);
  g_assert_false (vp_workspace_get_modified (vp_window_get_workspace (window)));
  g_assert_null (window->document);
  vp_test_destroy_window (window);
}

static void
test_bad_files (void)
{
  static const struct {
    const char *name;
    const char *reason;
  } fixtures[] = {
    { "not-xml.viewpoints", "not XML" },
    { "newer-version.viewpoints", "newer version of Viewpoints" },
    { "billion-laughs.viewpoints", "document type declaration" },
  };
  g_autofree char *dir = make_dir ();
  g_autofree char *whole = g_build_filename (dir, "whole.viewpoints", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.viewpoints", NULL);
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "workspaces",
                                                     fixtures[i].name, NULL);

      check_bad_file (path, fixtures[i].name, fixtures[i].reason);
    }

  /* A file cut short, as a full disk or an unfinished copy leaves it. */
  save_sample_workspace (whole);
  bytes = read_bytes (whole);
  g_assert_true (g_file_set_contents (cut, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes) / 2, NULL));
  check_bad_file (cut, "cut.viewpoints", "cut short");

  remove_dir (dir);
}

/* Closing */

static void
test_close_unmodified (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.viewpoints", NULL);
  VpWindow *window = vp_test_new_window ();

  /* Empty: closes at once. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (window);

  /* Saved: closes at once too. */
  window = vp_test_new_window ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  vp_test_open (window, "harbour-fees.html", NULL);
  save_to (window, path);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (window);

  remove_dir (dir);
}

/* Asks to close a window with unsaved work, and checks the question. */
static AdwMessageDialog *
ask_to_close (VpWindow *window)
{
  AdwMessageDialog *dialog;

  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (window->close_dialog);
  dialog = ADW_MESSAGE_DIALOG (window->close_dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save");

  return dialog;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Answers the question as a click on its button does. */
static void
answer (VpWindow   *window,
        const char *label)
{
  GtkWidget *button;

  g_assert_nonnull (window->close_dialog);
  button = find_button (window->close_dialog, label);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (window->close_dialog);
}

static void
test_close_cancel (void)
{
  VpWindow *window = vp_test_new_window ();
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  vp_test_open (window, "harbour-fees.html", NULL);

  dialog = ask_to_close (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Save changes to “Unsaved Workspace”?");

  /* Asking twice shows the same question. */
  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (window->close_dialog == GTK_WIDGET (dialog));

  answer (window, "_Cancel");
  vp_test_spin (100);
  g_assert_nonnull (window);
  g_assert_null (window->close_dialog);
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 1);
  g_assert_true (vp_workspace_get_modified (vp_window_get_workspace (window)));

  vp_test_destroy_window (window);
}

static void
test_close_discard (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autofree char *folder = autosave_folder ();
  g_autoptr(GFile) autosave = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  vp_test_open (window, "harbour-fees.html", NULL);

  /* The question keeps the work safe in the meantime. */
  ask_to_close (window);
  VP_WAIT_FOR (!window->autosaving);
  g_assert_nonnull (window->autosave);
  autosave = vp_autosave_get_file (window->autosave);
  g_assert_true (g_file_query_exists (autosave, NULL));

  /* Discarding it deletes that too, and closes. */
  answer (window, "_Discard");
  VP_WAIT_FOR (window == NULL);
  g_assert_false (g_file_query_exists (autosave, NULL));
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);

    g_assert_null (g_dir_read_name (dir));
  }
}

static void
test_close_save (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.viewpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VpWorkspace) read = NULL;
  VpWindow *window = vp_test_new_window ();

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  vp_test_open (window, "harbour-fees.html", NULL);
  save_to (window, path);
  tag_iran (window, get_article (window, 0), "ferries");

  /* With a file, Save saves to it, then closes. */
  g_assert_cmpstr (adw_message_dialog_get_heading (ask_to_close (window)), ==,
                   "Save changes to “harbour”?");
  answer (window, "_Save");
  VP_WAIT_FOR (window == NULL);

  read = vp_workspace_new_from_file (file, NULL, NULL, NULL);
  g_assert_nonnull (read);
  g_assert_true (has_iran_tag (vp_workspace_get_article (read, 0), "ferries"));

  remove_dir (dir);
}

static void
test_close_save_as (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "Closing.viewpoints", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  VpWindow *window = vp_test_new_window ();

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  vp_test_open (window, "harbour-fees.html", NULL);

  /* Without a file, Save asks where; cancelling that keeps the window. */
  ask_to_close (window);
  answer (window, "_Save");
  g_assert_nonnull (window->save_chooser);
  g_signal_emit_by_name (window->save_chooser, "response", GTK_RESPONSE_CANCEL);
  vp_test_spin (100);
  g_assert_nonnull (window);
  g_assert_false (window->close_after_save);

  /* Answered, it saves there and closes. */
  ask_to_close (window);
  answer (window, "_Save");
  choose_file (GTK_FILE_CHOOSER (window->save_chooser), folder, "Closing");
  g_signal_emit_by_name (window->save_chooser, "response", GTK_RESPONSE_ACCEPT);
  VP_WAIT_FOR (window == NULL);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  remove_dir (dir);
}

static void
test_close_save_fails (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "gone", "harbour.viewpoints", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  vp_test_open (window, "harbour-fees.html", NULL);

  /* A document whose folder is gone: Save fails, and the window stays. */
  g_set_object (&window->document, file);
  ask_to_close (window);
  answer (window, "_Save");
  VP_WAIT_FOR (!window->saving);
  vp_test_spin (100);
  g_assert_nonnull (window);
  g_assert_true (g_str_has_prefix (toast_text (window, "does not exist"),
                                   "harbour.viewpoints: could not be saved"));
  g_assert_true (vp_workspace_get_modified (vp_window_get_workspace (window)));

  vp_test_destroy_window (window);
  remove_dir (dir);
}

/* Autosave */

static char *
read_info_document (VpAutosave *autosave)
{
  g_autoptr(GFile) file = vp_autosave_get_file (autosave);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *info_path = g_strconcat (path, "", NULL);
  g_autoptr(GKeyFile) info = g_key_file_new ();

  /* autosave-ID.viewpoints → autosave-ID.ini */
  strcpy (info_path + strlen (info_path) - strlen (".viewpoints"), ".ini");
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  g_assert_true (g_key_file_has_key (info, "Autosave", "Saved", NULL));

  return g_key_file_get_string (info, "Autosave", "Document", NULL);
}

static void
test_autosave (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "harbour.viewpoints", NULL);
  g_autoptr(GFile) document = g_file_new_for_path (path);
  g_autoptr(GFile) autosave = NULL;
  g_autoptr(VpWorkspace) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info_document = NULL;
  VpWindow *window = vp_test_new_window ();

  g_settings_set_uint (settings, "autosave-interval", 1);

  /* Nothing changed: no timer, no file. */
  g_assert_cmpuint (window->autosave_source, ==, 0);
  g_assert_null (window->autosave);

  /* The first change starts the timer, and the work is written when it
   * fires, in a folder of the user's own. */
  vp_test_open (window, "harbour-fees.html", NULL);
  g_assert_cmpuint (window->autosave_source, !=, 0);
  VP_WAIT_FOR (window->autosave != NULL && vp_autosave_exists (window->autosave) &&
               !window->autosaving);
  g_assert_cmpuint (window->autosave_source, ==, 0);

  autosave = vp_autosave_get_file (window->autosave);
  read = vp_workspace_new_from_file (autosave, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vp_workspace_get_n_articles (read), ==, 1);
  info_document = read_info_document (window->autosave);
  g_assert_null (info_document);
  {
    g_autofree char *folder = autosave_folder ();
    GStatBuf buf;

    g_assert_cmpint (g_stat (folder, &buf), ==, 0);
    g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  }

  /* Saving the work deletes it. */
  save_to (window, path);
  g_assert_false (g_file_query_exists (autosave, NULL));
  g_assert_cmpuint (window->autosave_source, ==, 0);

  /* The next change is kept again, with the file it belongs to. */
  g_clear_object (&read);
  tag_iran (window, get_article (window, 0), "ferries");
  VP_WAIT_FOR (vp_autosave_exists (window->autosave) && !window->autosaving);
  read = vp_workspace_new_from_file (autosave, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_iran_tag (vp_workspace_get_article (read, 0), "ferries"));
  g_clear_pointer (&info_document, g_free);
  info_document = read_info_document (window->autosave);
  {
    g_autofree char *uri = g_file_get_uri (document);

    g_assert_cmpstr (info_document, ==, uri);
  }

  /* Undoing back to the saved state leaves nothing to keep. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (vp_workspace_get_modified (vp_window_get_workspace (window)));
  g_assert_false (g_file_query_exists (autosave, NULL));

  vp_test_destroy_window (window);
  remove_dir (dir);
}

/* Writes what a window that crashed would have left. */
static GFile *
leave_autosave (const char *id,
                const char *document_uri,
                gboolean    broken)
{
  g_autofree char *folder = autosave_folder ();
  g_autofree char *name = g_strdup_printf ("autosave-%s.viewpoints", id);
  g_autofree char *info_name = g_strdup_printf ("autosave-%s.ini", id);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *info_path = g_build_filename (folder, info_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) info = g_string_new ("[Autosave]\nSaved=2020-01-02T03:04:05Z\n");

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);

  if (broken)
    {
      g_assert_true (g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<workspace", -1, NULL));
    }
  else
    {
      g_autoptr(VpWorkspace) workspace = vp_workspace_new (NULL);
      g_autoptr(GFile) page = vp_test_file ("harbour-tolls.html");
      g_autoptr(GError) error = NULL;

      g_assert_true (vp_workspace_add_file (workspace, page, "harbour-tolls.html", NULL, &error));
      g_assert_no_error (error);
      g_assert_true (vp_workspace_save_to_file_full (workspace, file, NULL,
                                                     VP_WORKSPACE_SAVE_NO_BACKUP, &error));
      g_assert_no_error (error);
    }

  if (document_uri != NULL)
    g_string_append_printf (info, "Document=%s\n", document_uri);
  g_assert_true (g_file_set_contents (info_path, info->str, -1, NULL));

  return g_steal_pointer (&file);
}

static void
test_restore (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autoptr(GFile) document = g_file_new_for_path ("/nowhere/harbour.viewpoints");
  g_autofree char *uri = g_file_get_uri (document);
  g_autoptr(GFile) left = leave_autosave ("crashed", uri, FALSE);
  g_autoptr(GFile) adopted = NULL;
  const char *message;

  g_assert_true (vp_window_restore_autosave (window));
  VP_WAIT_FOR (!vp_window_get_busy (window));
  vp_test_spin (50);

  /* The work is back, unsaved, with the file it belongs to. */
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 1);
  g_assert_cmpstr (column_title (window, 0), ==, TOLLS_TITLE);
  g_assert_true (vp_workspace_get_modified (vp_window_get_workspace (window)));
  g_assert_true (g_file_equal (window->document, document));
  g_assert_cmpstr (title_of (window), ==, "• harbour");
  g_assert_false (window->save_user_actors);

  message = toast_text (window, "was restored");
  g_assert_true (g_str_has_prefix (message, "Unsaved work from "));
  g_assert_nonnull (strstr (message, "2020"));

  /* The window keeps it as its own autosave, until it is saved or
   * discarded. */
  g_assert_nonnull (window->autosave);
  adopted = vp_autosave_get_file (window->autosave);
  g_assert_true (g_file_equal (adopted, left));
  g_assert_true (g_file_query_exists (left, NULL));

  /* The toast's Discard drops it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.discard-restored", "t",
                              window->restored_serial);
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 0);
  g_assert_null (window->document);
  g_assert_false (vp_workspace_get_modified (vp_window_get_workspace (window)));
  g_assert_false (g_file_query_exists (left, NULL));
  g_assert_true (window->save_user_actors);

  vp_test_destroy_window (window);
}

static void
test_restore_without_document (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autoptr(GFile) left = leave_autosave ("crashed", NULL, FALSE);

  /* Restored before the files the window is given, which join it. */
  g_assert_true (vp_window_restore_autosave (window));
  vp_test_open (window, "harbour-fees.html", NULL);

  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 2);
  g_assert_cmpstr (column_title (window, 0), ==, TOLLS_TITLE);
  g_assert_cmpstr (column_title (window, 1), ==, FEES_TITLE);
  g_assert_null (window->document);
  g_assert_cmpstr (title_of (window), ==, "• Unsaved Workspace");
  g_assert_true (window->save_user_actors);
  g_assert_true (g_file_query_exists (left, NULL));

  /* Once changed, the toast's Discard discards nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.discard-restored", "t",
                              window->restored_serial);
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 2);

  vp_test_destroy_window (window);
}

static void
test_restore_skips_open_windows (void)
{
  VpWindow *first = vp_test_new_window ();
  VpWindow *second;
  VpWindow *third;
  g_autoptr(GFile) autosave = NULL;

  /* A window that is open holds its autosave: no other window takes it. */
  vp_test_open (first, "harbour-fees.html", NULL);
  g_assert_true (vp_window_autosave_now (first));
  autosave = vp_autosave_get_file (first->autosave);
  g_assert_true (g_file_query_exists (autosave, NULL));

  second = vp_window_new (vp_test_get_application ());
  g_assert_false (vp_window_restore_autosave (second));
  gtk_window_destroy (GTK_WINDOW (second));

  /* Gone without a word (as after a crash), it leaves the work for the
   * next window. */
  vp_test_destroy_window (first);
  g_assert_true (g_file_query_exists (autosave, NULL));

  third = vp_window_new (vp_test_get_application ());
  g_assert_true (vp_window_restore_autosave (third));
  VP_WAIT_FOR (!vp_window_get_busy (third));
  g_assert_cmpuint (vp_window_get_n_columns (third), ==, 1);
  g_assert_cmpstr (column_title (third, 0), ==, FEES_TITLE);

  vp_workspace_set_modified (vp_window_get_workspace (third), FALSE);
  vp_test_destroy_window (third);
  g_assert_false (g_file_query_exists (autosave, NULL));
}

static void
test_restore_broken (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autoptr(GFile) left = leave_autosave ("broken", NULL, TRUE);
  g_autofree char *folder = autosave_folder ();
  g_autofree char *kept = g_build_filename (folder, "unreadable-broken.viewpoints", NULL);
  const char *message;

  /* Unsaved work that cannot be read is set aside, not tried again at
   * every start, and the toast says where it is. */
  g_assert_true (vp_window_restore_autosave (window));
  VP_WAIT_FOR (!vp_window_get_busy (window));
  vp_test_spin (50);

  message = toast_text (window, "Unsaved work could not be restored");
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "unreadable-broken.viewpoints"));
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 0);
  g_assert_false (g_file_query_exists (left, NULL));
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  vp_test_destroy_window (window);

  /* Nothing is left to restore. */
  window = vp_window_new (vp_test_get_application ());
  g_assert_false (vp_window_restore_autosave (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shortcuts (void)
{
  GtkApplication *app = GTK_APPLICATION (vp_test_get_application ());
  g_auto(GStrv) save = gtk_application_get_accels_for_action (app, "win.save");
  g_auto(GStrv) save_as = gtk_application_get_accels_for_action (app, "win.save-as");
  VpWindow *window = vp_test_new_window ();

  g_assert_true (g_strv_contains ((const char * const *)save, "<Control>s"));
  g_assert_true (g_strv_contains ((const char * const *)save_as, "<Shift><Control>s"));

  /* Nothing to save in an empty window. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_null (window->save_chooser);

  vp_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!vp_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/vp/workspace-ui/title", test_title);
  g_test_add_func ("/vp/workspace-ui/save", test_save);
  g_test_add_func ("/vp/workspace-ui/save-as-dialog", test_save_as_dialog);
  g_test_add_func ("/vp/workspace-ui/save-read-only", test_save_read_only);
  g_test_add_func ("/vp/workspace-ui/save-disk-full", test_save_disk_full);
  g_test_add_func ("/vp/workspace-ui/open", test_open);
  g_test_add_func ("/vp/workspace-ui/merge", test_merge);
  g_test_add_func ("/vp/workspace-ui/bad-files", test_bad_files);
  g_test_add_func ("/vp/workspace-ui/close-unmodified", test_close_unmodified);
  g_test_add_func ("/vp/workspace-ui/close-cancel", test_close_cancel);
  g_test_add_func ("/vp/workspace-ui/close-discard", test_close_discard);
  g_test_add_func ("/vp/workspace-ui/close-save", test_close_save);
  g_test_add_func ("/vp/workspace-ui/close-save-as", test_close_save_as);
  g_test_add_func ("/vp/workspace-ui/close-save-fails", test_close_save_fails);
  g_test_add_func ("/vp/workspace-ui/autosave", test_autosave);
  g_test_add_func ("/vp/workspace-ui/restore", test_restore);
  g_test_add_func ("/vp/workspace-ui/restore-without-document", test_restore_without_document);
  g_test_add_func ("/vp/workspace-ui/restore-skips-open-windows", test_restore_skips_open_windows);
  g_test_add_func ("/vp/workspace-ui/restore-broken", test_restore_broken);
  g_test_add_func ("/vp/workspace-ui/shortcuts", test_shortcuts);

  return g_test_run ();
}
