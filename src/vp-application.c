/* vp-application.c
 *
 * A single instance: a second `viewpoints FILE…` hands its files to the
 * running one, which opens them in its window.
 *
 * The first window of a run takes back the work a crashed or killed run
 * left unsaved (vp_window_restore_autosave()). Asked to end by a signal
 * (logging out, `kill`, Ctrl+C in a terminal), the application keeps
 * the windows' unsaved work in their autosaves before it quits, since
 * there is no one to ask: the next start brings it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-application"

#include "config.h"

#include <signal.h>

#include <glib/gi18n.h>
#include <glib-unix.h>

#include "vp-application.h"
#include "vp-window.h"

struct _VpApplication
{
  AdwApplication parent_instance;

  gboolean       started;   /* the first window was made */
};

G_DEFINE_FINAL_TYPE (VpApplication, vp_application, ADW_TYPE_APPLICATION)

static gboolean
quit_on_signal_cb (gpointer user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (VP_IS_WINDOW (l->data))
      vp_window_autosave_now (l->data);

  g_application_quit (G_APPLICATION (app));

  return G_SOURCE_CONTINUE;
}

static VpWindow *
get_window (VpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    return VP_WINDOW (window);

  window = GTK_WINDOW (vp_window_new (self));

  if (!self->started)
    {
      self->started = TRUE;

      /* Before the files it was started with, which then join it. */
      vp_window_restore_autosave (VP_WINDOW (window));

      g_unix_signal_add (SIGTERM, quit_on_signal_cb, self);
      g_unix_signal_add (SIGHUP, quit_on_signal_cb, self);
      g_unix_signal_add (SIGINT, quit_on_signal_cb, self);
    }

  return VP_WINDOW (window);
}

static void
vp_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (VP_APPLICATION (app))));
}

static void
vp_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  VpWindow *window = get_window (VP_APPLICATION (app));

  vp_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing the windows saves their state, as the close button does. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Viewpoints developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Viewpoints"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Viewpoints developers"),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Read and compare opinion pieces side by side"),
                         /* Translators: replace with your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

/* Every shortcut, in one place; vp-shortcuts-window.ui lists them for the
 * user. */
static const struct {
  const char *action;
  const char *accels[4];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.show-shortcuts", { "<Control>question", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.close-column", { "<Control>w", NULL } },
  { "win.move-column-left", { "<Shift><Control>Page_Up", NULL } },
  { "win.move-column-right", { "<Shift><Control>Page_Down", NULL } },
  { "win.show-outline", { "F9", NULL } },
  { "win.show-actors", { "<Shift>F9", NULL } },
  { "win.show-filter", { "<Shift><Control>f", NULL } },
  { "win.show-comparison", { "<Control>m", NULL } },
  { "win.tag-selection", { "<Control>t", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.find-next", { "<Control>g", NULL } },
  { "win.find-previous", { "<Shift><Control>g", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.export-pdf", { "<Shift><Control>e", NULL } },
};

static void
vp_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (vp_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
}

static void
vp_application_class_init (VpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = vp_application_activate;
  app_class->open = vp_application_open;
  app_class->startup = vp_application_startup;
}

static void
vp_application_init (VpApplication *self)
{
}

VpApplication *
vp_application_new (void)
{
  return g_object_new (VP_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/Viewpoints",
                       NULL);
}
