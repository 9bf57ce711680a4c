/* vp-window-private.h: what the window's source files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "vp-actors-panel.h"
#include "vp-article-column.h"
#include "vp-autosave.h"
#include "vp-column-box.h"
#include "vp-comparison-view.h"
#include "vp-filter-bar.h"
#include "vp-import-queue.h"
#include "vp-print-operation.h"
#include "vp-window.h"
#include "vp-workspace.h"

G_BEGIN_DECLS

/* The most articles a window holds. Beyond the two to six that share
 * its width, the columns scroll sideways and only those in sight are laid
 * out; but each still costs its outline, text and memory, and dropping
 * a whole folder of pages by mistake should not build hundreds. */
#define VP_WINDOW_MAX_COLUMNS 24

struct _VpWindow
{
  AdwApplicationWindow  parent_instance;

  /* VP_WINDOW_MAX_COLUMNS; tests lower it to reach it quickly. */
  guint                 max_columns;

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
  GtkRevealer          *actors_revealer;
  VpActorsPanel        *actors_panel;
  GtkRevealer          *filter_revealer;
  VpFilterBar          *filter_bar;
  GtkPaned             *comparison_paned;
  VpComparisonView     *comparison_view;
  GMenu                *history_section;
  GMenu                *file_section;      /* Open…, and Open Recent when there is any */

  /* Borrowed */
  VpArticleColumn      *current_column;
  GtkLabel             *zoom_label;

  /* Owned */
  GSettings            *settings;
  VpWorkspace          *workspace;         /* what the columns show; see vp-window.c */
  GSignalGroup         *workspace_signals;
  GSignalGroup         *articles_signals;  /* of vp_workspace_get_articles() */
  GSignalGroup         *actors_signals;    /* of vp_workspace_get_actors() */
  GHashTable           *article_files;     /* VpArticle → the GFile it was read from */
  VpImportQueue        *imports;
  GtkNativeDialog      *chooser;
  GtkNativeDialog      *export_chooser;
  GtkNativeDialog      *actors_chooser;    /* importing or exporting an actor set */
  GtkWidget            *actor_editor;      /* while the actor editor is open */
  GtkWidget            *actor_catalogue;   /* while "Choose Actors" is open */
  GtkWidget            *proposal_picker;   /* while "Link with…" is open */
  VpPrintOperation     *print_operation;   /* while printing or exporting a PDF */
  GFile                *export_folder;     /* where the last export went */
  GFile                *broken_actors;     /* the user's actors.xml, if unreadable at start */
  guint                 progress_source;
  guint                 save_actors_source;
  guint                 comparison_tick;   /* until the pane can be sized */
  gboolean              sizing_comparison;
  guint                 n_pasted;
  guint64               history_serial;    /* counts the workspace's changes */

  /* Whether changes of the workspace's actors become the user's actor
   * set, for new articles and the next start. */
  gboolean              save_user_actors;

  /* Bound to settings */
  gboolean              show_outline;
  gboolean              sync_scroll;
  gboolean              show_actors;
  double                zoom;

  gboolean              show_filter;

  /* Find: the match the user stepped to, over all columns in order. */
  int                   current_match;
  guint                 n_matches;

  /* Synchronised scrolling: set while the window moves the other
   * columns, and until when columns that follow a jump are left alone. */
  gboolean              syncing;
  gint64                sync_paused_until;

  /* Keeping the work (vp-window-save.c): the file the workspace was
   * opened from or saved to, the dialogs, and the autosave. */
  GFile                *document;
  GtkNativeDialog      *save_chooser;
  GtkWidget            *close_dialog;      /* weak */
  GMenu                *recent_menu;       /* the items of Open Recent */
  VpAutosave           *autosave;          /* this window's, once it needed one */
  VpAutosave           *restoring;         /* an autosave being read back */
  guint                 autosave_source;
  guint64               change_serial;     /* counts the workspace's ::changed */
  guint64               autosaved_serial;  /* the change the autosave holds */
  guint64               discard_serial;    /* counts the autosave's deletions */
  guint64               restored_serial;   /* history_serial when work was restored */
  gboolean              saving;
  gboolean              autosaving;
  gboolean              autosave_again;    /* changes came during an autosave */
  gboolean              autosave_failed;   /* said so already */
  gboolean              close_after_save;
  gboolean              close_confirmed;
  gboolean              recent_shown;
};

void     _vp_window_class_actions_init (VpWindowClass   *klass);
void     _vp_window_actions_init       (VpWindow        *self);
void     _vp_window_update_actions     (VpWindow        *self);
void     _vp_window_dnd_init           (VpWindow        *self);
void     _vp_window_paste              (VpWindow        *self);
void     _vp_window_show_toast         (VpWindow        *self,
                                        const char      *message,
                                        const char      *button_label,
                                        const char      *action_name,
                                        GVariant        *target);
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
GtkShortcutsWindow *
         _vp_window_ensure_shortcuts   (VpWindow        *self);
VpArticleColumn *
         _vp_window_find_column        (VpWindow        *self,
                                        VpArticle       *article);
void     _vp_window_focus_column       (VpWindow        *self,
                                        VpArticleColumn *column);

/* The workspace (vp-window.c) */
void     _vp_window_update_title       (VpWindow        *self);
void     _vp_window_set_workspace      (VpWindow        *self,
                                        VpWorkspace     *workspace);
gboolean _vp_window_add_article        (VpWindow        *self,
                                        VpArticle       *article,
                                        GFile           *file);

/* vp-window-save.c */
void     _vp_window_class_save_init    (VpWindowClass   *klass);
void     _vp_window_save_init          (VpWindow        *self);
void     _vp_window_save_dispose       (VpWindow        *self);
void     _vp_window_open_workspace     (VpWindow        *self,
                                        VpWorkspace     *workspace,
                                        GFile           *file);
gboolean _vp_window_open_failed        (VpWindow        *self,
                                        const GError    *error,
                                        GFile           *file);
gboolean _vp_window_needs_saving       (VpWindow        *self);
char    *_vp_window_dup_display_name   (VpWindow        *self);
gboolean _vp_window_confirm_close      (VpWindow        *self);
void     _vp_window_save               (VpWindow        *self);
void     _vp_window_save_as            (VpWindow        *self);
void     _vp_window_save_to_file       (VpWindow        *self,
                                        GFile           *file);
void     _vp_window_store_view         (VpWindow        *self);

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

/* vp-window-actors.c */
void     _vp_window_class_actors_init  (VpWindowClass   *klass);
void     _vp_window_actors_init        (VpWindow        *self);
void     _vp_window_actors_dispose     (VpWindow        *self);
VpActorSet *
         _vp_window_load_user_actors   (VpWindow        *self);
void     _vp_window_follow_workspace   (VpWindow        *self);
void     _vp_window_setup_column       (VpWindow        *self,
                                        VpArticleColumn *column);
void     _vp_window_update_filter      (VpWindow        *self);
void     _vp_window_flush_user_actors  (VpWindow        *self);
gboolean _vp_window_import_actors_from_file (VpWindow   *self,
                                             GFile      *file);
gboolean _vp_window_export_actors_to_file  (VpWindow   *self,
                                            GFile      *file);
void     _vp_window_show_undo_toast    (VpWindow        *self,
                                        const char      *message);

/* vp-window-compare.c */
void     _vp_window_class_compare_init (VpWindowClass   *klass);
void     _vp_window_compare_init       (VpWindow        *self);
void     _vp_window_compare_dispose    (VpWindow        *self);
void     _vp_window_compare_follow_workspace (VpWindow  *self);
void     _vp_window_compare_update_actions (VpWindow    *self);
guint    _vp_window_compare_match_point (VpWindow       *self,
                                         VpArticleColumn *from,
                                         guint           index,
                                         VpArticleColumn *to);
gboolean _vp_window_go_to_group        (VpWindow        *self,
                                        guint            group);
gboolean _vp_window_separate_proposal  (VpWindow        *self,
                                        const VpProposalRef *ref);
gboolean _vp_window_link_proposals     (VpWindow        *self,
                                        const VpProposalRef *a,
                                        const VpProposalRef *b);
void     _vp_window_choose_link        (VpWindow        *self,
                                        const VpProposalRef *source,
                                        int              only_article);

G_END_DECLS
