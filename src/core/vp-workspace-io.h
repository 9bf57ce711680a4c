/* vp-workspace-io.h: workspace files (saving and opening them), and
 * opening any file a reader names, workspace or article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vp-tagger.h"
#include "vp-workspace.h"

G_BEGIN_DECLS

/* The newest version of the workspace format this build reads and
 * writes; see docs/workspace-format.md. */
#define VP_WORKSPACE_FORMAT_VERSION 1
#define VP_WORKSPACE_NAMESPACE "https://viewpoints.example.org/ns/workspace/1"
#define VP_WORKSPACE_MIME_TYPE "application/x-viewpoints"
#define VP_WORKSPACE_SUFFIX ".viewpoints"

/* Larger workspace files are refused unread: a thousand real articles
 * with their tags take about 10 MB (see bench/vp-bench-workspace.c). */
#define VP_WORKSPACE_MAX_SIZE (128 * 1024 * 1024)

typedef enum
{
  VP_WORKSPACE_SAVE_NONE       = 0,
  /* Do not keep the previous version of the file (for autosaves). */
  VP_WORKSPACE_SAVE_NO_BACKUP  = 1 << 0,
  /* Make the state written the saved one (see vp_workspace_set_modified()). */
  VP_WORKSPACE_SAVE_MARK_SAVED = 1 << 1,
} VpWorkspaceSaveFlags;

GBytes      *vp_workspace_to_bytes          (VpWorkspace           *self);
gboolean     vp_workspace_save_to_file      (VpWorkspace           *self,
                                             GFile                 *file,
                                             const char            *source,
                                             GError               **error);
gboolean     vp_workspace_save_to_file_full (VpWorkspace           *self,
                                             GFile                 *file,
                                             const char            *source,
                                             VpWorkspaceSaveFlags   flags,
                                             GError               **error);
void         vp_workspace_save_async        (VpWorkspace           *self,
                                             GFile                 *file,
                                             const char            *source,
                                             VpWorkspaceSaveFlags   flags,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
gboolean     vp_workspace_save_finish       (VpWorkspace           *self,
                                             GAsyncResult          *result,
                                             GError               **error);

VpWorkspace *vp_workspace_new_from_data     (const char            *data,
                                             gsize                  length,
                                             const char            *source,
                                             GError               **error);
VpWorkspace *vp_workspace_new_from_file     (GFile                 *file,
                                             const char            *source,
                                             GCancellable          *cancellable,
                                             GError               **error);

/* Any file a reader opens: a workspace, a page or a text. The first step
 * runs in any thread, the second in the workspace's. */
gboolean     vp_workspace_data_is_workspace (const char            *data,
                                             gsize                  length);
gboolean     vp_workspace_read_any_file     (GFile                 *file,
                                             const char            *source,
                                             VpTagger              *tagger,
                                             GCancellable          *cancellable,
                                             VpWorkspace          **workspace,
                                             VpArticle            **article,
                                             GError               **error);
gboolean     vp_workspace_add_file          (VpWorkspace           *self,
                                             GFile                 *file,
                                             const char            *source,
                                             GCancellable          *cancellable,
                                             GError               **error);

G_END_DECLS
