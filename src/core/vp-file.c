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
 * Returns: (transfer full) (nullable): where vp_file_replace_with_backup()
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

static gboolean replace_with (GFile            *file,
                              const char       *source,
                              VpFileWriteFunc   write_func,
                              gpointer          user_data,
                              gboolean          backup,
                              GError          **error);

/**
 * vp_file_replace_with:
 * @file: a local file to create or replace
 * @source: its name as the user knows it; messages start with it
 * @write_func: writes the new contents to a file descriptor
 * @user_data: for @write_func
 * @error: a place for a %G_IO_ERROR, or @write_func's error
 *
 * Replaces the contents of @file so that, whatever happens (a full disk,
 * a crash, a power cut), the file holds either its previous contents or
 * all of the new ones, never a mixture or nothing: @write_func writes to a
 * new file in the same folder, which is flushed to the disk and then
 * renamed over @file. On failure the previous file is left as it was, no temporary
 * file is left behind, and @error says why in the reader's words (a
 * read-only folder, a full disk…), naming the file.
 *
 * A file that exists keeps its permissions; a symbolic link keeps
 * pointing to the file, whose contents are replaced. The folder must
 * exist.
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
 * its previous version as a backup (see vp_file_get_backup()), which the
 * next save replaces. Once the new contents are safely on the disk, the
 * backup becomes a second name of the file as it is (a hard link, or a
 * copy where the file system has none), and then the new file takes the
 * name: at every moment both @file and its backup are whole versions.
 * When the backup cannot be made, nothing is saved.
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

static gboolean
replace_with (GFile            *file,
              const char       *source,
              VpFileWriteFunc   write_func,
              gpointer          user_data,
              gboolean          backup,
              GError          **error)
{
  g_autoptr(GError) write_error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;
  gboolean existed;
  int fd;
  int errsv;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (write_func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: could not be saved: only files on this computer can be saved"),
                   source);
      return FALSE;
    }

  target = resolve_links (path);
  folder = g_path_get_dirname (target);
  base = g_path_get_basename (target);

  existed = g_stat (target, &st) == 0;
  if (existed && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: could not be saved: this is a folder, not a file"), source);
      return FALSE;
    }

  /* Hidden, and in the same folder: rename() is only atomic within one
   * file system, and file managers should not show a half-written file. */
  temp = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, source, errno, folder);
      return FALSE;
    }

  /* mkstemp() makes a private file; a replaced file keeps its own mode. */
  if (existed && S_ISREG (st.st_mode))
    (void)fchmod (fd, st.st_mode & 07777);

  errno = 0;
  if (!write_func (fd, user_data, &write_error) || fsync (fd) != 0)
    {
      errsv = errno;
      close (fd);
      goto failed;
    }

  /* Network file systems may report a failed write only now. */
  if (close (fd) != 0)
    {
      errsv = errno;
      goto failed;
    }

  if (backup && existed && S_ISREG (st.st_mode) && !make_backup (target, folder))
    {
      errsv = errno;
      goto failed;
    }

  if (g_rename (temp, target) != 0)
    {
      errsv = errno;
      goto failed;
    }

  /* Make the rename itself durable. A failure here cannot be told apart
   * from success by the reader, and the data is already safe. */
  fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0)
    {
      (void)fsync (fd);
      close (fd);
    }

  return TRUE;

failed:
  g_unlink (temp);
  if (write_error != NULL)
    g_propagate_error (error, g_steal_pointer (&write_error));
  else
    set_write_error (error, source, errsv, folder);

  return FALSE;
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
