/* vp-import-queue.h: imports files and texts off the main thread, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vp-article.h"
#include "vp-tagger.h"

G_BEGIN_DECLS

#define VP_TYPE_IMPORT_QUEUE (vp_import_queue_get_type ())

G_DECLARE_FINAL_TYPE (VpImportQueue, vp_import_queue, VP, IMPORT_QUEUE, GObject)

VpImportQueue *vp_import_queue_new          (VpTagger      *tagger);
void           vp_import_queue_set_tagger   (VpImportQueue *self,
                                             VpTagger      *tagger);
void           vp_import_queue_add_file     (VpImportQueue *self,
                                             GFile         *file);
void           vp_import_queue_add_text     (VpImportQueue *self,
                                             const char    *text,
                                             const char    *source);
gboolean       vp_import_queue_get_busy     (VpImportQueue *self);
double         vp_import_queue_get_progress (VpImportQueue *self);
void           vp_import_queue_cancel       (VpImportQueue *self);

G_END_DECLS
