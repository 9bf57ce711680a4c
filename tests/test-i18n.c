/* test-i18n.c: the window speaks German under LANGUAGE=de
 *
 * The test binds the text domain to the catalogue built in po/, so it
 * checks the translation in the tree rather than an installed one. Run
 * with LANG=C.UTF-8: glibc ignores LANGUAGE under LANG=C.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "vp-article-column.h"
#include "vp-ui-test.h"
#include "vp-window-private.h"

static void
test_german_window (void)
{
  VpWindow *window = vp_test_new_window ();
  GtkWidget *open_button;

  /* The empty state and the header bar. */
  g_assert_cmpstr (adw_status_page_get_title (window->status_page), ==, "Standpunkte vergleichen");
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (window->status_page), "Artikel öffnen …"));
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (window->status_page), "Beispielartikel öffnen"));

  open_button = vp_test_find_label (GTK_WIDGET (window), "Öffnen");
  g_assert_nonnull (open_button);

  /* A column, its outline and the find bar. */
  vp_test_open (window, "harbour-fees.html", "harbour-tolls.html", NULL);
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==, "2 Artikel");
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (vp_window_get_column (window, 0)), "Gliederung"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "council");
  VP_WAIT_FOR (window->n_matches == 2);
  g_assert_cmpstr (gtk_label_get_text (window->search_label), ==, "2 Treffer");
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (vp_window_get_column (window, 1)), "Keine Treffer"));

  /* And a failure. */
  vp_test_open (window, "empty.html", NULL);
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (window->toast_overlay), "empty.html:"));

  vp_test_destroy_window (window);
}

static void
test_german_catalogue (void)
{
  /* Strings that no widget above shows, straight from the catalogue. */
  g_assert_cmpstr (_("Open Articles"), ==, "Artikel öffnen");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", "Find in all articles"),
                   ==, "In allen Artikeln suchen");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("VP_TEST_LOCALEDIR");

  if (localedir == NULL)
    g_error ("VP_TEST_LOCALEDIR must name the build's po directory");

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!vp_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/vp/i18n/window", test_german_window);
  g_test_add_func ("/vp/i18n/catalogue", test_german_catalogue);

  return g_test_run ();
}
