/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "vp-application.h"
#include "vp-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VpApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Exports run without a display: decide before GTK is touched. */
  if (vp_cli_is_headless (argc, argv))
    return vp_cli_run (argc, argv);

  app = vp_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
