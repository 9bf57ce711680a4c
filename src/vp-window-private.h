/* vp-window-private.h: what the window's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vp-actor-set.h"
#include "vp-article-column.h"
#include "vp-column-box.h"
#include "vp-import-queue.h"
#include "vp-print-operation.h"
#include "vp-tagger.h"
#include "vp-window.h"

G_BEGIN_DECLS

/* Side by side, more articles than this are too narrow to read and too
 * many to compare. */
#define VP_WINDOW_MAX_COLUMNS 6

struct _VpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *menu_button;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_label;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkScrolledWindow    *columns_scroller;
  VpColumnBox          *column_box;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *drop_revealer;

  /* Borrowed */
  VpArticleColumn      *current_column;
  GtkLabel             *zoom_label;

  /* Owned */
  GSettings            *settings;
  VpActorSet           *actors;
  VpTagger             *tagger;
  VpImportQueue        *imports;
  GtkNativeDialog      *chooser;
  GtkNativeDialog      *export_chooser;
  VpPrintOperation     *print_operation;   /* while printing or exporting a PDF */
  GFile                *export_folder;     /* where the last export went */
  guint                 progress_source;
  guint                 n_pasted;

  /* Bound to settings */
  gboolean              show_outline;
  gboolean              sync_scroll;
  double                zoom;

  /* Find: the match the user stepped to, over all columns in order. */
  int                   current_match;
  guint                 n_matches;

  /* Synchronised scrolling: set while the window moves the other
   * columns, and until when columns that follow a jump are left alone. */
  gboolean              syncing;
  gint64                sync_paused_until;
};

void     _vp_window_class_actions_init (VpWindowClass   *klass);
void     _vp_window_actions_init       (VpWindow        *self);
void     _vp_window_update_actions     (VpWindow        *self);
void     _vp_window_dnd_init           (VpWindow        *self);
void     _vp_window_paste              (VpWindow        *self);
void     _vp_window_show_error         (VpWindow        *self,
                                        const GError    *error);
void     _vp_window_show_message       (VpWindow        *self,
                                        const char      *message);
void     _vp_window_find_step          (VpWindow        *self,
                                        int              delta);
void     _vp_window_close_column       (VpWindow        *self,
                                        VpArticleColumn *column);
void     _vp_window_move_column        (VpWindow        *self,
                                        VpArticleColumn *column,
                                        int              delta);
gboolean _vp_window_is_open            (VpWindow        *self,
                                        GFile           *file);
void     _vp_window_set_zoom           (VpWindow        *self,
                                        double           zoom);
VpArticleColumn *
         _vp_window_get_current_column (VpWindow        *self);

/* vp-window-export.c */
void     _vp_window_print              (VpWindow        *self,
                                        VpArticleColumn *only);
void     _vp_window_export             (VpWindow        *self,
                                        const char      *format,
                                        VpArticleColumn *only);
gboolean _vp_window_export_to_file     (VpWindow        *self,
                                        const char      *format,
                                        GPtrArray       *articles,
                                        GFile           *file);
void     _vp_window_open_exported      (VpWindow        *self,
                                        const char      *uri);
VpPrintOperation *
         _vp_window_create_print_operation (VpWindow        *self,
                                            VpArticleColumn *only);

G_END_DECLS
