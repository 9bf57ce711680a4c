/* vp-ui-test.h: helpers shared by the tests of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "vp-application.h"
#include "vp-window.h"

G_BEGIN_DECLS

/* Runs the main loop until @expr holds, for at most ten seconds: imports
 * run in threads and scrolling waits for the text to be laid out. */
#define VP_WAIT_FOR(expr)                                                     \
  G_STMT_START {                                                              \
    gint64 vp_deadline_ = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;      \
    guint vp_wake_ = g_timeout_add (10, vp_test_wake_cb, NULL);               \
    while (!(expr))                                                           \
      {                                                                       \
        if (g_get_monotonic_time () > vp_deadline_)                           \
          g_error ("Timed out waiting for %s", #expr);                        \
        g_main_context_iteration (NULL, TRUE);                                \
      }                                                                       \
    g_source_remove (vp_wake_);                                               \
  } G_STMT_END

gboolean       vp_test_wake_cb          (gpointer     user_data);
void           vp_test_spin             (guint        milliseconds);
gboolean       vp_test_init             (int         *argc,
                                         char      ***argv);
VpApplication *vp_test_get_application  (void);
VpWindow      *vp_test_new_window       (void);
VpWindow      *vp_test_new_window_keep_config (void);
void           vp_test_reset_user_config (void);
const char    *vp_test_get_config_dir   (void);
void           vp_test_reset_user_state (void);
const char    *vp_test_get_state_dir    (void);
void           vp_test_destroy_window   (VpWindow    *window);
void           vp_test_open             (VpWindow    *window,
                                         const char  *first_name,
                                         ...) G_GNUC_NULL_TERMINATED;
GFile         *vp_test_file             (const char  *name);
GtkWidget     *vp_test_find_label       (GtkWidget   *root,
                                         const char  *text);

G_END_DECLS
