/* vp-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vp-file.h"

/* Symbolic links followed before giving up, as the kernel does. */
#define MAX_LINKS 40

/* Says why a file could not be read, in words rather than GIO's. */
static void
set_io_error (GError       **error,
              const char    *source,
              const GError  *io_error,
              GQuark         domain,
              int            code)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, domain, code, _("%s: there is no such file"), source);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    g_set_error (error, domain, code,
                 _("%s: you do not have permission to read the file"), source);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, domain, code, _("%s: this is a folder, not a file"), source);
  else
    g_set_error (error, domain, code,
                 _("%s: the file could not be read (%s)"), source, io_error->message);
}

/**
 * vp_file_load:
 * @file: the file to read
 * @source: its name as the user gave it; messages start with it
 * @max_size: the largest file read; larger ones are refused unread
 * @domain: the error domain of the caller
 * @unreadable_code: the code in @domain for files that cannot be read
 * @too_large_code: the code in @domain for files over @max_size
 * @cancellable: (nullable): a #GCancellable
 * @length: (out): the number of bytes read
 * @error: a place for the error
 *
 * Reads a whole file the user named. Folders, devices and pipes (which
 * could be read forever) and files over @max_size are refused before
 * anything is read. Cancellation is reported as %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full): the file's bytes, nul-terminated, or %NULL
 *   with @error set
 */
char *
vp_file_load (GFile         *file,
              const char    *source,
              gsize          max_size,
              GQuark         domain,
              int            unreadable_code,
              int            too_large_code,
              GCancellable  *cancellable,
              gsize         *length,
              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (length != NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL)
    {
      GFileType type = g_file_info_get_file_type (info);

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error (error, domain, unreadable_code,
                       _("%s: this is a folder, not a file"), source);
          return NULL;
        }

      if (type == G_FILE_TYPE_SPECIAL)
        {
          g_set_error (error, domain, unreadable_code,
                       _("%s: this is not a regular file"), source);
          return NULL;
        }

      if (g_file_info_get_size (info) > 0 && (guint64)g_file_info_get_size (info) > max_size)
        {
          g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, domain, too_large_code,
                       _("%s: the file is too large (over %s)"), source, limit);
          return NULL;
        }

      g_file_load_contents (file, cancellable, &contents, length, NULL, &local_error);
    }

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_io_error (error, source, local_error, domain, unreadable_code);
      return NULL;
    }

  return contents;
}

/* Says why a file could not be written, in words rather than errno's. */
static void
set_write_error (GError     **error,
                 const char  *source,
                 int          errsv,
                 const char  *folder)
{
  g_autofree char *display = g_filename_display_name (folder);
  int code = g_io_error_from_errno (errsv);

  switch (errsv)
    {
    case EACCES:
    case EPERM:
      g_set_error (error, G_IO_ERROR, code,
                   _("%s: could not be saved: you do not have permission to write in the "
                     "folder “%s”"), source, display);
      break;

    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   _("%s: could not be saved: the folder “%s” is on a read-only disk"),
                   source, display);
      break;

    case ENOSPC:
      g_set_error (error, G_IO_ERROR, code,
                   _("%s: could not be saved: the disk is full"), source);
      break;

#ifdef EDQUOT
    case EDQUOT:
      g_set_error (error, G_IO_ERROR, code,
                   _("%s: could not be saved: you have used up your disk quota"), source);
      break;
#endif

    case EFBIG:
      g_set_error (error, G_IO_ERROR, code,
                   _("%s: could not be saved: the file would be larger than the system "
                     "allows"), source);
      break;

    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, code,
                   _("%s: could not be saved: the folder “%s” does not exist"),
                   source, display);
      break;

    default:
      g_set_error (error, G_IO_ERROR, code,
                   _("%s: could not be saved (%s)"), source, g_strerror (errsv));
      break;
    }
}

/* The file a path names once symbolic links are followed, so that saving
 * through a link (as people who keep their settings in a repository do)
 * replaces the file it points to rather than the link. A dangling link
 * names the file it would point to. */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        break;

      target = g_file_read_link (current, NULL);
      if (target == NULL)
        break;

      if (!g_path_is_absolute (target))
        {
          g_autofree char *folder = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (folder, target, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  return g_steal_pointer (&current);
}

/**
 * vp_file_write_all:
 *
 * Writes all of @data to @fd, resuming after interruptions.
 *
 * Returns: %TRUE, or %FALSE with errno set
 */
gboolean
vp_file_write_all (int         fd,
                   const char *data,
                   gsize       length)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize)G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }

      data += written;
      length -= written;
    }

  return TRUE;
}

struct _VpFileReplace
{
  char     *source;
  char     *target;   /* the file the links lead to */
  char     *folder;
  char     *temp;
  int       fd;
  gboolean  existed;  /* the target was a regular file */
  gboolean  backup;   /* keep it as the backup, see vp_file_replace_keep_backup() */
};

static void
replace_free (VpFileReplace *replace)
{
  if (replace->fd >= 0)
    close (replace->fd);
  g_free (replace->source);
  g_free (replace->target);
  g_free (replace->folder);
  g_free (replace->temp);
  g_free (replace);
}

/* The name of the backup of @target. */
static char *
backup_path (const char *target)
{
  return g_strconcat (target, VP_FILE_BACKUP_SUFFIX, NULL);
}

/**
 * vp_file_get_backup:
 * @file: a local file
 *
 * Returns: (transfer full) (nullable): where vp_file_replace_keep_backup()
 *   keeps the previous version of @file: next to the file it names once
 *   symbolic links are followed, with VP_FILE_BACKUP_SUFFIX after its
 *   name; %NULL for a file that is not local
 */
GFile *
vp_file_get_backup (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *backup = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    return NULL;

  target = resolve_links (path);
  backup = backup_path (target);

  return g_file_new_for_path (backup);
}

/* A name in @folder for a hidden file that does not exist yet, as link()
 * needs. The random part keeps two savers apart. */
static char *
new_hidden_name (const char *folder,
                 const char *base)
{
  return g_strdup_printf ("%s%c.%s.%08x", folder, G_DIR_SEPARATOR, base, g_random_int ());
}

/* Copies @target to @temp, a new file, for file systems without hard
 * links. */
static gboolean
copy_file (const char *target,
           const char *temp)
{
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;
  int fd;

  if (!g_file_get_contents (target, &contents, &length, NULL))
    {
      errno = EIO;
      return FALSE;
    }

  fd = open (temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return FALSE;

  if (g_stat (target, &st) == 0)
    (void)fchmod (fd, st.st_mode & 07777);

  if (!vp_file_write_all (fd, contents, length) || fsync (fd) != 0)
    {
      int errsv = errno;

      close (fd);
      g_unlink (temp);
      errno = errsv;
      return FALSE;
    }

  if (close (fd) != 0)
    {
      int errsv = errno;

      g_unlink (temp);
      errno = errsv;
      return FALSE;
    }

  return TRUE;
}

/* Makes @target's backup the file @target is now, without touching
 * @target: a hard link to it under a new hidden name, renamed over the
 * old backup, so that the backup too is always a whole version. Where
 * hard links are not supported, a copy. Returns FALSE with errno set. */
static gboolean
make_backup (const char *target,
             const char *folder)
{
  g_autofree char *backup = backup_path (target);
  g_autofree char *backup_base = g_path_get_basename (backup);
  g_autofree char *temp = NULL;
  int errsv;

  for (guint attempt = 0;; attempt++)
    {
      g_free (temp);
      temp = new_hidden_name (folder, backup_base);

      if (link (target, temp) == 0)
        break;

      errsv = errno;
      if (errsv == EEXIST && attempt < 100)
        continue;

      /* FAT, some network and FUSE file systems. */
      if (errsv == EPERM || errsv == EOPNOTSUPP || errsv == ENOTSUP || errsv == EMLINK ||
          errsv == ENOSYS)
        {
          if (copy_file (target, temp))
            break;
          errsv = errno;
        }

      errno = errsv;
      return FALSE;
    }

  if (g_rename (temp, backup) != 0)
    {
      errsv = errno;
      g_unlink (temp);
      errno = errsv;
      return FALSE;
    }

  /* Renaming a link over another link to the same file (a backup left by
   * a save that went no further) does nothing and leaves both. */
  (void)g_unlink (temp);

  return TRUE;
}

/**
 * vp_file_replace_begin:
 * @file: a local file to create or replace
 * @source: its name as the user knows it; messages start with it
 * @error: a place for a %G_IO_ERROR
 *
 * Starts replacing @file so that, whatever happens (a full disk, a crash,
 * a power cut), it holds either its previous contents or all of the new
 * ones, never a mixture or nothing: the new contents go to a new, hidden
 * file in the same folder (rename() is only atomic within one file
 * system), written through vp_file_replace_get_fd() or by name through
 * vp_file_replace_get_temp_path(); vp_file_replace_commit() then flushes
 * it to the disk and renames it over @file, and vp_file_replace_abort()
 * gives up and removes it.
 *
 * A file that exists keeps its permissions; a symbolic link keeps
 * pointing to the file, whose contents are replaced. The folder must
 * exist.
 *
 * Returns: (transfer full): the replacement under way, or %NULL with
 *   @error set
 */
VpFileReplace *
vp_file_replace_begin (GFile       *file,
                       const char  *source,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  VpFileReplace *replace;
  GStatBuf st;
  gboolean existed;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: could not be saved: only files on this computer can be saved"),
                   source);
      return NULL;
    }

  replace = g_new0 (VpFileReplace, 1);
  replace->fd = -1;
  replace->source = g_strdup (source);
  replace->target = resolve_links (path);
  replace->folder = g_path_get_dirname (replace->target);
  base = g_path_get_basename (replace->target);

  existed = g_stat (replace->target, &st) == 0;
  if (existed && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: could not be saved: this is a folder, not a file"), source);
      replace_free (replace);
      return NULL;
    }

  /* Hidden, so that file managers do not show a half-written file. */
  replace->temp = g_strdup_printf ("%s%c.%s.XXXXXX", replace->folder, G_DIR_SEPARATOR, base);
  /* Read-write: some writers check what they wrote. */
  replace->fd = g_mkstemp_full (replace->temp, O_RDWR | O_CLOEXEC, 0666);
  if (replace->fd < 0)
    {
      set_write_error (error, source, errno, replace->folder);
      g_clear_pointer (&replace->temp, g_free);
      replace_free (replace);
      return NULL;
    }

  /* mkstemp() makes a private file; a replaced file keeps its own mode. */
  replace->existed = existed && S_ISREG (st.st_mode);
  if (replace->existed)
    (void)fchmod (replace->fd, st.st_mode & 07777);

  return replace;
}

/**
 * vp_file_replace_get_fd:
 *
 * Returns: the descriptor of the new file, open for writing
 */
int
vp_file_replace_get_fd (VpFileReplace *replace)
{
  g_return_val_if_fail (replace != NULL, -1);

  return replace->fd;
}

/**
 * vp_file_replace_get_temp_path:
 *
 * Returns: the new file's path, for writers that open files by name
 *   (it is the same file as vp_file_replace_get_fd()'s)
 */
const char *
vp_file_replace_get_temp_path (VpFileReplace *replace)
{
  g_return_val_if_fail (replace != NULL, NULL);

  return replace->temp;
}

/**
 * vp_file_replace_keep_backup:
 *
 * Asks vp_file_replace_commit() to keep the target as it is now as its
 * backup (see vp_file_get_backup()), which the next such save replaces.
 * Once the new contents are safely on the disk, the backup becomes a
 * second name of the target (a hard link, or a copy where the file system
 * has none), and only then does the new file take the target's name: at
 * every moment both are whole versions. When the backup cannot be made,
 * nothing is saved. A target that did not exist has no backup made.
 */
void
vp_file_replace_keep_backup (VpFileReplace *replace)
{
  g_return_if_fail (replace != NULL);

  replace->backup = TRUE;
}

/**
 * vp_file_replace_abort:
 *
 * Gives up: the new file is removed and the target stays as it was.
 */
void
vp_file_replace_abort (VpFileReplace *replace)
{
  if (replace == NULL)
    return;

  if (replace->temp != NULL)
    g_unlink (replace->temp);
  replace_free (replace);
}

/**
 * vp_file_replace_fail:
 * @replace: (transfer full): the replacement, given up
 * @errsv: the errno of the call that failed
 * @error: a place for the error
 *
 * Gives up after a failed write, and says why in the reader's words
 * (a read-only folder, a full disk…), naming the file.
 */
void
vp_file_replace_fail (VpFileReplace  *replace,
                      int             errsv,
                      GError        **error)
{
  g_return_if_fail (replace != NULL);

  set_write_error (error, replace->source, errsv, replace->folder);
  vp_file_replace_abort (replace);
}

/**
 * vp_file_replace_commit:
 * @replace: (transfer full): the replacement, its new contents written
 * @error: a place for a %G_IO_ERROR
 *
 * Flushes the new file to the disk and renames it over the target; on
 * failure removes it, leaving the target as it was.
 *
 * Returns: whether the target now holds the new contents
 */
gboolean
vp_file_replace_commit (VpFileReplace  *replace,
                        GError        **error)
{
  int fd;
  int errsv;

  g_return_val_if_fail (replace != NULL, FALSE);

  /* On disk before it takes the name: a crash must not leave an empty
   * file where the old one was. */
  if (fsync (replace->fd) != 0)
    {
      errsv = errno;
      vp_file_replace_fail (replace, errsv, error);
      return FALSE;
    }

  /* Network file systems may report a failed write only now. */
  fd = replace->fd;
  replace->fd = -1;
  if (close (fd) != 0 ||
      (replace->backup && replace->existed && !make_backup (replace->target, replace->folder)) ||
      g_rename (replace->temp, replace->target) != 0)
    {
      errsv = errno;
      vp_file_replace_fail (replace, errsv, error);
      return FALSE;
    }

  /* Make the rename itself durable. A failure here cannot be told apart
   * from success by the reader, and the data is already safe. */
  fd = open (replace->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      (void)fsync (fd);
      close (fd);
    }

  replace_free (replace);

  return TRUE;
}

/* vp_file_replace_with() and its variant that keeps a backup. */
static gboolean
replace_with (GFile            *file,
              const char       *source,
              VpFileWriteFunc   write_func,
              gpointer          user_data,
              gboolean          backup,
              GError          **error)
{
  g_autoptr(GError) write_error = NULL;
  VpFileReplace *replace;

  g_return_val_if_fail (write_func != NULL, FALSE);

  replace = vp_file_replace_begin (file, source, error);
  if (replace == NULL)
    return FALSE;

  if (backup)
    vp_file_replace_keep_backup (replace);

  errno = 0;
  if (!write_func (replace->fd, user_data, &write_error))
    {
      int errsv = errno;

      if (write_error != NULL)
        {
          vp_file_replace_abort (replace);
          g_propagate_error (error, g_steal_pointer (&write_error));
        }
      else
        vp_file_replace_fail (replace, errsv, error);
      return FALSE;
    }

  return vp_file_replace_commit (replace, error);
}

/**
 * vp_file_replace_with:
 * @file: a local file to create or replace
 * @source: its name as the user knows it; messages start with it
 * @write_func: writes the new contents to a file descriptor
 * @user_data: for @write_func
 * @error: a place for a %G_IO_ERROR, or @write_func's error
 *
 * Replaces the contents of @file atomically (see vp_file_replace_begin())
 * with what @write_func writes. On failure the previous file is left as
 * it was, no temporary file is left behind, and @error says why.
 *
 * Returns: whether @file now holds the new contents
 */
gboolean
vp_file_replace_with (GFile            *file,
                      const char       *source,
                      VpFileWriteFunc   write_func,
                      gpointer          user_data,
                      GError          **error)
{
  return replace_with (file, source, write_func, user_data, FALSE, error);
}

/**
 * vp_file_replace_with_backup:
 * @file: a local file to create or replace
 * @source: its name as the user knows it; messages start with it
 * @write_func: writes the new contents to a file descriptor
 * @user_data: for @write_func
 * @error: a place for a %G_IO_ERROR, or @write_func's error
 *
 * Replaces the contents of @file as vp_file_replace_with() does, and keeps
 * its previous version as a backup (see vp_file_replace_keep_backup()).
 *
 * Returns: whether @file now holds the new contents
 */
gboolean
vp_file_replace_with_backup (GFile            *file,
                             const char       *source,
                             VpFileWriteFunc   write_func,
                             gpointer          user_data,
                             GError          **error)
{
  return replace_with (file, source, write_func, user_data, TRUE, error);
}


typedef struct
{
  const char *data;
  gsize       length;
} Contents;

static gboolean
write_contents (int        fd,
                gpointer   user_data,
                GError   **error)
{
  const Contents *contents = user_data;

  return vp_file_write_all (fd, contents->data, contents->length);
}

/**
 * vp_file_replace_contents:
 * @file: a local file to create or replace
 * @source: its name as the user knows it; messages start with it
 * @data: (array length=length): the new contents
 * @length: their number of bytes
 * @error: a place for a %G_IO_ERROR
 *
 * Replaces the contents of @file with @data, atomically, as
 * vp_file_replace_with() does.
 *
 * Returns: whether @file now holds @data
 */
gboolean
vp_file_replace_contents (GFile       *file,
                          const char  *source,
                          const char  *data,
                          gsize        length,
                          GError     **error)
{
  Contents contents = { data, length };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return vp_file_replace_with (file, source, write_contents, &contents, error);
}

/**
 * vp_file_replace_contents_with_backup:
 * @file: a local file to create or replace
 * @source: its name as the user knows it; messages start with it
 * @data: (array length=length): the new contents
 * @length: their number of bytes
 * @error: a place for a %G_IO_ERROR
 *
 * Replaces the contents of @file with @data, atomically, keeping the
 * previous version as vp_file_replace_with_backup() does.
 *
 * Returns: whether @file now holds @data
 */
gboolean
vp_file_replace_contents_with_backup (GFile       *file,
                                      const char  *source,
                                      const char  *data,
                                      gsize        length,
                                      GError     **error)
{
  Contents contents = { data, length };

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return vp_file_replace_with_backup (file, source, write_contents, &contents, error);
}
