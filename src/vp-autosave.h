/* vp-autosave.h: where a window keeps its unsaved work, and finding the
 * work a window that is gone left behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _VpAutosave VpAutosave;

GFile      *vp_autosave_get_folder       (void);
VpAutosave *vp_autosave_new              (GError     **error);
VpAutosave *vp_autosave_claim_latest     (void);
GFile      *vp_autosave_get_file         (VpAutosave  *self);
GFile      *vp_autosave_get_document     (VpAutosave  *self);
GDateTime  *vp_autosave_get_time         (VpAutosave  *self);
gboolean    vp_autosave_exists           (VpAutosave  *self);
gboolean    vp_autosave_write_info       (VpAutosave  *self,
                                          GFile       *document,
                                          GError     **error);
void        vp_autosave_discard          (VpAutosave  *self);
GFile      *vp_autosave_set_aside        (VpAutosave  *self,
                                          GError     **error);
void        vp_autosave_free             (VpAutosave  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VpAutosave, vp_autosave_free)

G_END_DECLS
