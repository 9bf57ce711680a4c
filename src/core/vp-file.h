/* vp-file.h: reads the files a user names, within limits, and writes
 * them without ever losing the previous version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What follows a file's name in the name of its backup. */
#define VP_FILE_BACKUP_SUFFIX "~"

char     *vp_file_load             (GFile         *file,
                                    const char    *source,
                                    gsize          max_size,
                                    GQuark         domain,
                                    int            unreadable_code,
                                    int            too_large_code,
                                    GCancellable  *cancellable,
                                    gsize         *length,
                                    GError       **error);
/* Writes a file's new contents to @fd. On a failed write() it returns
 * FALSE with errno set and @error untouched; on any other failure it
 * returns FALSE with @error set. */
typedef gboolean (*VpFileWriteFunc) (int        fd,
                                     gpointer   user_data,
                                     GError   **error);

typedef struct _VpFileReplace VpFileReplace;

VpFileReplace *vp_file_replace_begin         (GFile          *file,
                                              const char     *source,
                                              GError        **error);
int            vp_file_replace_get_fd        (VpFileReplace  *replace);
const char    *vp_file_replace_get_temp_path (VpFileReplace  *replace);
gboolean       vp_file_replace_commit        (VpFileReplace  *replace,
                                              GError        **error);
void           vp_file_replace_fail          (VpFileReplace  *replace,
                                              int             errsv,
                                              GError        **error);
void           vp_file_replace_keep_backup   (VpFileReplace  *replace);
void           vp_file_replace_abort         (VpFileReplace  *replace);

gboolean  vp_file_replace_with     (GFile           *file,
                                    const char      *source,
                                    VpFileWriteFunc  write_func,
                                    gpointer         user_data,
                                    GError         **error);
gboolean  vp_file_replace_with_backup (GFile        *file,
                                    const char      *source,
                                    VpFileWriteFunc  write_func,
                                    gpointer         user_data,
                                    GError         **error);
GFile    *vp_file_get_backup       (GFile           *file);
gboolean  vp_file_write_all        (int              fd,
                                    const char      *data,
                                    gsize            length);
gboolean  vp_file_replace_contents (GFile         *file,
                                    const char    *source,
                                    const char    *data,
                                    gsize          length,
                                    GError       **error);
gboolean  vp_file_replace_contents_with_backup (GFile      *file,
                                    const char    *source,
                                    const char    *data,
                                    gsize          length,
                                    GError       **error);

G_END_DECLS
