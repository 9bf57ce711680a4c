/* vp-bench-startup.c: time from process start to the first frame drawn
 *
 * Starts, in turn and several times, three programs and times each from
 * the moment it is spawned:
 *
 *  - a minimal GTK window (a GtkApplicationWindow holding a label, the
 *    size of the main window), to its first frame;
 *  - Viewpoints with the bundled sample articles;
 *  - Viewpoints with 20 articles (the samples and the test fixtures that
 *    hold an article, or the first 20 under the FOLDERs given).
 *
 * For Viewpoints it reports both the first frame (the window, with the
 * import running) and the first frame that shows every article in its
 * column with nothing left to import, which is what a user waits for.
 *
 * The programs are this executable started again with --child, so that
 * the window is the application's own code (the same VpApplication and
 * VpWindow as `viewpoints`), and the times are read on the monotonic
 * clock, which all processes share. Each child gets a private
 * configuration, state and data folder and GSettings in memory, so
 * neither the user's settings nor an autosave change what it shows.
 *
 * Needs a display: run it under tests/headless-run.sh, or in a session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-bench-startup"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "vp-actor-set.h"
#include "vp-application.h"
#include "vp-bench-common.h"
#include "vp-tagger.h"
#include "vp-window.h"

#define N_ARTICLES   20
#define CHILD_LIMIT  60   /* seconds a child may take before it gives up */

/* The child: times are printed as "first T", "shown T" and "hwm KB" lines. */

typedef struct
{
  GtkWindow *window;
  guint      n_expected;  /* 0 for the minimal window */
  gboolean   first_seen;
} Child;

static gsize
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");

  return line != NULL ? g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

static void G_GNUC_NORETURN
child_finish (void)
{
  printf ("hwm %" G_GSIZE_FORMAT "\n", peak_rss_kb ());
  fflush (stdout);

  /* Nothing after the frame counts: no teardown, no autosave. */
  _exit (0);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Child         *child)
{
  gint64 now = g_get_monotonic_time ();

  if (!child->first_seen)
    {
      child->first_seen = TRUE;
      printf ("first %" G_GINT64_FORMAT "\n", now);
    }

  if (child->n_expected == 0)
    child_finish ();

  if (VP_IS_WINDOW (child->window) &&
      !vp_window_get_busy (VP_WINDOW (child->window)) &&
      vp_window_get_n_columns (VP_WINDOW (child->window)) >= child->n_expected)
    {
      printf ("shown %" G_GINT64_FORMAT "\n", now);
      child_finish ();
    }
}

static void
window_realize_cb (GtkWidget *window,
                   Child     *child)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), child);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 Child          *child)
{
  /* The first window is the main one; dialogs do not count. */
  if (child->window != NULL)
    return;

  child->window = window;
  g_signal_connect_after (window, "realize", G_CALLBACK (window_realize_cb), child);
}

static gboolean
child_timeout_cb (gpointer user_data)
{
  g_printerr ("vp-bench-startup: the window did not show everything within %d s\n", CHILD_LIMIT);
  _exit (1);
}

static void
minimal_activate_cb (GtkApplication *app,
                     gpointer        user_data)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Minimal");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("A minimal GTK window"));
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_child (const char *mode,
           int         n_files,
           char      **files)
{
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  Child child = { NULL, 0, FALSE };

  if (g_str_equal (mode, "minimal"))
    {
      app = G_APPLICATION (gtk_application_new ("org.example.ViewpointsBench",
                                                G_APPLICATION_NON_UNIQUE));
      g_signal_connect (app, "activate", G_CALLBACK (minimal_activate_cb), NULL);
    }
  else if (g_str_equal (mode, "app"))
    {
      /* As main.c does, except that it stays out of a running instance's
       * way. */
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);

      app = G_APPLICATION (vp_application_new ());
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
      child.n_expected = n_files;
    }
  else
    {
      g_printerr ("vp-bench-startup: unknown child “%s”\n", mode);
      return 2;
    }

  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &child);
  g_timeout_add_seconds (CHILD_LIMIT, child_timeout_cb, NULL);

  g_ptr_array_add (args, (char *)"vp-bench-startup");
  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (args, files[i]);
  g_ptr_array_add (args, NULL);

  return g_application_run (app, (int)args->len - 1, (char **)args->pdata);
}

/* The parent. */

typedef struct
{
  const char *name;
  const char *mode;
  GPtrArray  *files;     /* (element-type utf8) */
  GArray     *first;     /* seconds */
  GArray     *shown;     /* seconds */
  GArray     *hwm;       /* MB, as doubles */
} Scenario;

static gboolean
read_line_value (const char *output,
                 const char *key,
                 gint64     *value)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ' ')
      {
        *value = g_ascii_strtoll (lines[i] + strlen (key) + 1, NULL, 10);
        return TRUE;
      }

  return FALSE;
}

static void remove_tree (const char *path);

static gboolean
run_scenario (Scenario     *scenario,
              const char   *self_path,
              const char   *state_dir,
              char        **envp,
              gboolean      keep,
              GError      **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *output = NULL;
  g_autofree char *errors = NULL;
  int status;
  gint64 start;
  gint64 first;
  gint64 shown;
  gint64 hwm = 0;

  /* Nothing a start leaves (an autosave after 30 s, say) reaches the
   * next one. */
  remove_tree (state_dir);
  g_mkdir (state_dir, 0700);

  g_ptr_array_add (argv, g_strdup (self_path));
  g_ptr_array_add (argv, g_strdup_printf ("--child=%s", scenario->mode));
  for (guint i = 0; scenario->files != NULL && i < scenario->files->len; i++)
    g_ptr_array_add (argv, g_strdup (g_ptr_array_index (scenario->files, i)));
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT,
                     NULL, NULL, &output, &errors, &status, error))
    return FALSE;

  if (!g_spawn_check_wait_status (status, error) ||
      !read_line_value (output, "first", &first))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     "%s drew no frame: %s", scenario->name, errors);
      else
        g_prefix_error (error, "%s: %s", scenario->name, errors);
      return FALSE;
    }
  if (!read_line_value (output, "shown", &shown))
    shown = first;
  read_line_value (output, "hwm", &hwm);

  if (keep)
    {
      double t = (first - start) / (double)G_USEC_PER_SEC;
      double m = hwm / 1024.0;

      g_array_append_val (scenario->first, t);
      t = (shown - start) / (double)G_USEC_PER_SEC;
      g_array_append_val (scenario->shown, t);
      g_array_append_val (scenario->hwm, m);
    }

  return TRUE;
}

/* The 20 articles in one folder, so that the command line stays short and
 * every file is a distinct article even when the sources are repeated. */
static GPtrArray *
gather_articles (GPtrArray   *pages,
                 const char  *folder,
                 GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < N_ARTICLES && pages->len > 0; i++)
    {
      VpBenchPage *page = g_ptr_array_index (pages, i % pages->len);
      g_autofree char *base = g_path_get_basename (page->path);
      g_autofree char *name = g_strdup_printf ("%02u-%s", i + 1, base);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_file_set_contents (path, page->data, page->length, error))
        return NULL;
      g_ptr_array_add (files, g_steal_pointer (&path));
    }

  return g_steal_pointer (&files);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
print_row (const Scenario *scenario,
           gboolean        with_shown)
{
  g_print ("%-26s first frame %7.1f ms", scenario->name,
           vp_bench_median (scenario->first) * 1000);
  if (with_shown)
    g_print ("   articles shown %7.1f ms", vp_bench_median (scenario->shown) * 1000);
  else
    g_print ("   %*s", 25, "");
  g_print ("   peak RSS %5.1f MB\n", vp_bench_median (scenario->hwm));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GPtrArray) twenty = NULL;
  g_autoptr(VpActorSet) actors = NULL;
  g_autoptr(VpTagger) tagger = NULL;
  g_autofree char *root = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *state_dir = NULL;
  g_auto(GStrv) envp = NULL;
  int runs = 5;
  gboolean failed = FALSE;
  Scenario scenarios[3];
  const char *sample_folders[] = { VP_SOURCE_ROOT "/data/samples", NULL };
  const GOptionEntry entries[] = {
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed starts of each program (default 5; the median counts)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  if (argc > 1 && g_str_has_prefix (argv[1], "--child="))
    return run_child (argv[1] + strlen ("--child="), argc - 2, argv + 2);

  context = g_option_context_new ("[FOLDER…]");
  g_option_context_set_summary (context,
                                "Times from process start to the first frame drawn: a minimal GTK window,\n"
                                "Viewpoints with its samples and Viewpoints with 20 articles (taken from\n"
                                "the FOLDERs, by default the samples and the test fixtures).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || runs < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message
                                        : "usage: vp-bench-startup [--runs=N] [FOLDER…]");
      return 2;
    }

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("vp-bench-startup: no display; run it under tests/headless-run.sh\n");
      return 2;
    }

  actors = vp_actor_set_new_default ();
  tagger = vp_tagger_new (actors);

  samples = g_ptr_array_new_with_free_func (g_free);
  {
    g_autoptr(GPtrArray) sample_pages = vp_bench_load_pages (sample_folders, VP_BENCH_HTML | VP_BENCH_TEXT);

    for (guint i = 0; i < sample_pages->len; i++)
      g_ptr_array_add (samples, g_strdup (((VpBenchPage *)g_ptr_array_index (sample_pages, i))->path));
  }

  {
    const char * const folders[] = {
      VP_SOURCE_ROOT "/data/samples", VP_SOURCE_ROOT "/tests/data/compare",
      VP_SOURCE_ROOT "/tests/data/pages", NULL
    };

    pages = vp_bench_load_args (argc, argv, folders, VP_BENCH_HTML | VP_BENCH_TEXT);
  }
  /* A file that holds no article would only add a toast. */
  vp_bench_keep_articles (pages, tagger);
  if (pages->len == 0 || samples->len == 0)
    {
      g_printerr ("vp-bench-startup: no article to open\n");
      return 1;
    }

  root = g_dir_make_tmp ("vp-bench-startup-XXXXXX", &error);
  if (root == NULL)
    {
      g_printerr ("vp-bench-startup: %s\n", error->message);
      return 1;
    }
  folder = g_build_filename (root, "articles", NULL);
  g_mkdir (folder, 0700);
  twenty = gather_articles (pages, folder, &error);
  if (twenty == NULL)
    {
      g_printerr ("vp-bench-startup: %s\n", error->message);
      remove_tree (root);
      return 1;
    }

  state_dir = g_build_filename (root, "XDG_STATE_HOME", NULL);
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_SCHEMA_DIR", VP_SCHEMA_DIR, TRUE);
  {
    const char *kinds[] = { "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME" };

    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        g_autofree char *path = g_build_filename (root, kinds[i], NULL);

        g_mkdir (path, 0700);
        envp = g_environ_setenv (envp, kinds[i], path, TRUE);
      }
  }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  scenarios[0] = (Scenario) { "minimal GTK window", "minimal", NULL };
  scenarios[1] = (Scenario) { "Viewpoints, samples", "app", samples };
  scenarios[2] = (Scenario) { "Viewpoints, 20 articles", "app", twenty };
  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    {
      scenarios[s].first = g_array_new (FALSE, FALSE, sizeof (double));
      scenarios[s].shown = g_array_new (FALSE, FALSE, sizeof (double));
      scenarios[s].hwm = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* One start of each that does not count fills the caches (fonts, icons,
   * the shader and the pages) for all; then the programs take turns, so
   * that a slow moment of the machine hits each alike. */
  for (int r = -1; r < runs && !failed; r++)
    for (guint s = 0; s < G_N_ELEMENTS (scenarios) && !failed; s++)
      if (!run_scenario (&scenarios[s], self_path, state_dir, envp, r >= 0, &error))
        {
          g_printerr ("vp-bench-startup: %s\n", error->message);
          failed = TRUE;
        }

  if (!failed)
    {
      double minimal = vp_bench_median (scenarios[0].first);

      g_print ("display:                   %s\n", g_getenv ("DISPLAY") != NULL ? g_getenv ("DISPLAY") : g_getenv ("WAYLAND_DISPLAY"));
      g_print ("articles:                  %u samples; %u articles from %u distinct files\n",
               samples->len, twenty->len, MIN (pages->len, twenty->len));
      g_print ("runs:                      %d of each after one unmeasured (median shown)\n", runs);
      print_row (&scenarios[0], FALSE);
      print_row (&scenarios[1], TRUE);
      print_row (&scenarios[2], TRUE);
      g_print ("samples shown ÷ minimal:   %.2f\n", vp_bench_median (scenarios[1].shown) / minimal);
      g_print ("20 first frame ÷ minimal:  %.2f\n", vp_bench_median (scenarios[2].first) / minimal);
      g_print ("20 articles shown ÷ minimal window: %.2f\n", vp_bench_median (scenarios[2].shown) / minimal);
    }

  for (guint s = 0; s < G_N_ELEMENTS (scenarios); s++)
    {
      g_array_unref (scenarios[s].first);
      g_array_unref (scenarios[s].shown);
      g_array_unref (scenarios[s].hwm);
    }
  remove_tree (root);

  return failed ? 1 : 0;
}
