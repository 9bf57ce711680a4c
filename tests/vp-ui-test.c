/* vp-ui-test.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vp-ui-test.h"

static VpApplication *application;
static char *config_dir;
static char *state_dir;
static char *data_dir;

gboolean
vp_test_wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
done_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
vp_test_spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * vp_test_init:
 *
 * Sets up GLib's test framework and GTK. Without a display the tests
 * are skipped rather than failed (TAP's plan line says so).
 *
 * Returns: %FALSE when there is no display
 */
static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }

  g_file_delete (file, NULL, NULL);
}

static void
remove_dirs (void)
{
  const char *dirs[] = { config_dir, state_dir, data_dir };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (dirs[i]);

      remove_tree (dir);
    }
}

/**
 * vp_test_reset_user_config:
 *
 * Forgets the user's actor set, and anything else saved in the test's
 * own configuration folder.
 */
void
vp_test_reset_user_config (void)
{
  g_autofree char *path = g_build_filename (config_dir, "viewpoints", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  remove_tree (dir);
}

/**
 * vp_test_reset_user_state:
 *
 * Forgets the unsaved work windows kept in the test's own state folder.
 */
void
vp_test_reset_user_state (void)
{
  g_autofree char *path = g_build_filename (state_dir, "viewpoints", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (path);

  remove_tree (dir);
}

/**
 * vp_test_get_state_dir:
 *
 * Returns: the $XDG_STATE_HOME of the test program, where autosaves go
 */
const char *
vp_test_get_state_dir (void)
{
  return state_dir;
}

/**
 * vp_test_get_config_dir:
 *
 * Returns: the $XDG_CONFIG_HOME of the test program, a folder of its own
 */
const char *
vp_test_get_config_dir (void)
{
  return config_dir;
}

gboolean
vp_test_init (int    *argc,
              char ***argv)
{
  g_autoptr(GError) error = NULL;

  /* The user's actor set lives in $XDG_CONFIG_HOME, unsaved work in
   * $XDG_STATE_HOME and the recent files in $XDG_DATA_HOME, which GLib
   * reads once: the tests neither read the developer's nor write over
   * them. */
  config_dir = g_dir_make_tmp ("vp-ui-test-XXXXXX", &error);
  if (config_dir == NULL)
    g_error ("Cannot make a configuration folder: %s", error->message);
  state_dir = g_dir_make_tmp ("vp-ui-test-state-XXXXXX", &error);
  if (state_dir == NULL)
    g_error ("Cannot make a state folder: %s", error->message);
  data_dir = g_dir_make_tmp ("vp-ui-test-data-XXXXXX", &error);
  if (data_dir == NULL)
    g_error ("Cannot make a data folder: %s", error->message);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
  atexit (remove_dirs);

  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "");

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  adw_init ();

  /* A registered application, so that the window gets the application's
   * actions, accelerators and style; not unique, so tests run side by
   * side. */
  application = vp_application_new ();
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (application), NULL, &error))
    g_error ("Cannot register the application: %s", error->message);

  return TRUE;
}

VpApplication *
vp_test_get_application (void)
{
  return application;
}

VpWindow *
vp_test_new_window (void)
{
  vp_test_reset_user_config ();
  vp_test_reset_user_state ();

  return vp_test_new_window_keep_config ();
}

/**
 * vp_test_new_window_keep_config:
 *
 * Opens a window as vp_test_new_window() does, with the user's actor set
 * as the tests left it.
 */
VpWindow *
vp_test_new_window_keep_config (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  VpWindow *window;

  /* Every test starts from the defaults. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  window = vp_window_new (application);
  gtk_window_present (GTK_WINDOW (window));
  VP_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));

  return window;
}

void
vp_test_destroy_window (VpWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  vp_test_spin (20);
}

/**
 * vp_test_file:
 *
 * Returns: (transfer full): a fixture of tests/data/ui
 */
GFile *
vp_test_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ui", name, NULL);

  return g_file_new_for_path (path);
}

/**
 * vp_test_open:
 *
 * Opens fixtures of tests/data/ui, as the file chooser would, and waits
 * until they are imported.
 */
void
vp_test_open (VpWindow   *window,
              const char *first_name,
              ...)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    g_ptr_array_add (files, vp_test_file (name));
  va_end (args);

  vp_window_open_files (window, (GFile **)files->pdata, files->len);
  VP_WAIT_FOR (!vp_window_get_busy (window));
  /* Let the new columns be laid out. */
  vp_test_spin (50);
}

/**
 * vp_test_find_label:
 *
 * Returns: (transfer none) (nullable): the first label under @root whose
 *   text contains @text
 */
GtkWidget *
vp_test_find_label (GtkWidget  *root,
                    const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = vp_test_find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}
