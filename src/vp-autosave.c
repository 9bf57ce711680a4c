/* vp-autosave.c
 *
 * Each window that has unsaved work keeps a copy of it in
 * $XDG_STATE_HOME/viewpoints/ (~/.local/state/viewpoints), under a name
 * of its own, "autosave-ID", as three files:
 *
 *   autosave-ID.viewpoints  the workspace, as a workspace file
 *   autosave-ID.ini         the document it belongs to, and when it was
 *                           written (a key file, group [Autosave], keys
 *                           Document, a URI, and Saved, ISO 8601)
 *   autosave-ID.lock        held with flock() while the window lives
 *
 * A window deletes its files when its work is saved or discarded, so the
 * files that remain belong to a window that could not say what to do
 * with them: it crashed, was killed, or its session ended. The lock tells
 * those from the files of a window that is still open, in this process
 * or another one: the kernel releases it however the process ended, and
 * no stale PID can be mistaken for a live one. Whoever takes the lock of
 * a left-over autosave owns it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-autosave"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vp-autosave.h"
#include "vp-workspace-io.h"

#define PREFIX         "autosave-"
#define INFO_SUFFIX    ".ini"
#define LOCK_SUFFIX    ".lock"
#define ASIDE_PREFIX   "unreadable-"
#define INFO_GROUP     "Autosave"

struct _VpAutosave
{
  char      *folder;
  char      *id;
  char      *path;       /* the workspace */
  char      *info_path;
  char      *lock_path;
  int        lock_fd;
  GFile     *document;   /* as the info file says, or NULL */
  GDateTime *time;       /* when the workspace was written */
};

/**
 * vp_autosave_get_folder:
 *
 * Returns: (transfer full): where autosaves are kept
 */
GFile *
vp_autosave_get_folder (void)
{
  return g_file_new_build_filename (g_get_user_state_dir (), "viewpoints", NULL);
}

static char *
get_folder_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "viewpoints", NULL);
}

static VpAutosave *
autosave_new (const char *folder,
              const char *id)
{
  VpAutosave *self = g_new0 (VpAutosave, 1);
  g_autofree char *base = g_strconcat (PREFIX, id, NULL);
  g_autofree char *name = g_strconcat (base, VP_WORKSPACE_SUFFIX, NULL);
  g_autofree char *info = g_strconcat (base, INFO_SUFFIX, NULL);
  g_autofree char *lock = g_strconcat (base, LOCK_SUFFIX, NULL);

  self->folder = g_strdup (folder);
  self->id = g_strdup (id);
  self->path = g_build_filename (folder, name, NULL);
  self->info_path = g_build_filename (folder, info, NULL);
  self->lock_path = g_build_filename (folder, lock, NULL);
  self->lock_fd = -1;

  return self;
}

/* Takes the lock at @path, creating it. Returns the descriptor, or -1
 * with errno set: EWOULDBLOCK when someone else holds it. */
static int
take_lock (const char *path)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  int errsv;

  if (fd < 0)
    return -1;

  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    return fd;

  errsv = errno;
  close (fd);
  errno = errsv;

  return -1;
}

static void
set_folder_error (GError     **error,
                  const char  *folder,
                  int          errsv)
{
  g_autofree char *display = g_filename_display_name (folder);

  /* Translators: the first %s is a folder, the second why it cannot be used */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("the folder “%s” cannot be used: %s"), display, g_strerror (errsv));
}

/**
 * vp_autosave_new:
 *
 * Makes a place for a window's unsaved work: a new name, locked, in a
 * folder only the user can read (created if need be).
 *
 * Returns: (transfer full): the autosave, or %NULL with @error set
 */
VpAutosave *
vp_autosave_new (GError **error)
{
  g_autofree char *folder = get_folder_path ();
  g_autofree char *id = g_uuid_string_random ();
  g_autoptr(VpAutosave) self = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      set_folder_error (error, folder, errno);
      return NULL;
    }

  self = autosave_new (folder, id);
  self->lock_fd = take_lock (self->lock_path);
  if (self->lock_fd < 0)
    {
      set_folder_error (error, folder, errno);
      return NULL;
    }

  return g_steal_pointer (&self);
}

static void
read_info (VpAutosave *self)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  GStatBuf buf;

  /* A missing or damaged info file costs the document's name and the
   * time, never the work. */
  if (g_key_file_load_from_file (info, self->info_path, G_KEY_FILE_NONE, NULL))
    {
      g_autofree char *uri = g_key_file_get_string (info, INFO_GROUP, "Document", NULL);
      g_autofree char *saved = g_key_file_get_string (info, INFO_GROUP, "Saved", NULL);

      if (uri != NULL && g_str_has_prefix (uri, "file:"))
        self->document = g_file_new_for_uri (uri);
      if (saved != NULL)
        self->time = g_date_time_new_from_iso8601 (saved, NULL);
    }

  if (self->time == NULL && g_stat (self->path, &buf) == 0)
    self->time = g_date_time_new_from_unix_utc (buf.st_mtime);
}

typedef struct
{
  char   *id;
  gint64  mtime;
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *candidate = data;

  g_free (candidate->id);
  g_free (candidate);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Candidate *ca = *(const Candidate * const *)a;
  const Candidate *cb = *(const Candidate * const *)b;

  return (ca->mtime < cb->mtime) - (ca->mtime > cb->mtime);
}

/* The id in "autosave-ID.SUFFIX", or NULL. */
static char *
id_of (const char *name,
       const char *suffix)
{
  gsize length = strlen (name);

  if (!g_str_has_prefix (name, PREFIX) || !g_str_has_suffix (name, suffix) ||
      length <= strlen (PREFIX) + strlen (suffix))
    return NULL;

  return g_strndup (name + strlen (PREFIX), length - strlen (PREFIX) - strlen (suffix));
}

/* Lock and info files whose workspace is gone, and whose window too. */
static void
remove_leftovers (const char *folder,
                  GPtrArray  *names)
{
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *id = id_of (name, LOCK_SUFFIX);
      g_autoptr(VpAutosave) orphan = NULL;

      if (id == NULL)
        continue;

      orphan = autosave_new (folder, id);
      orphan->lock_fd = take_lock (orphan->lock_path);
      /* Freeing it removes what has no workspace. */
    }
}

/**
 * vp_autosave_claim_latest:
 *
 * Finds the most recent autosave no window holds any longer, and takes
 * it: its lock is now this one's, and no other process or window will
 * take it too.
 *
 * Returns: (transfer full) (nullable): the autosave, or %NULL when there
 *   is none to restore
 */
VpAutosave *
vp_autosave_claim_latest (void)
{
  g_autofree char *folder = get_folder_path ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (candidate_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  if (dir == NULL)
    return NULL;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = id_of (name, VP_WORKSPACE_SUFFIX);
      g_autofree char *path = NULL;
      GStatBuf buf;

      g_ptr_array_add (names, g_strdup (name));

      if (id == NULL)
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &buf) == 0 && S_ISREG (buf.st_mode))
        {
          Candidate *candidate = g_new0 (Candidate, 1);

          candidate->id = g_steal_pointer (&id);
          candidate->mtime = buf.st_mtime;
          g_ptr_array_add (candidates, candidate);
        }
    }

  remove_leftovers (folder, names);

  g_ptr_array_sort (candidates, compare_newest_first);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = g_ptr_array_index (candidates, i);
      g_autoptr(VpAutosave) self = autosave_new (folder, candidate->id);

      self->lock_fd = take_lock (self->lock_path);
      if (self->lock_fd < 0)
        continue;

      /* Its window may have saved or discarded it before it let go. */
      if (!g_file_test (self->path, G_FILE_TEST_IS_REGULAR))
        continue;

      read_info (self);

      return g_steal_pointer (&self);
    }

  return NULL;
}

/**
 * vp_autosave_get_file:
 *
 * Returns: (transfer full): the workspace file of the autosave
 */
GFile *
vp_autosave_get_file (VpAutosave *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_file_new_for_path (self->path);
}

/**
 * vp_autosave_get_document:
 *
 * Returns: (transfer none) (nullable): the file the work was opened from
 *   or last saved to, as vp_autosave_write_info() wrote it
 */
GFile *
vp_autosave_get_document (VpAutosave *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->document;
}

/**
 * vp_autosave_get_time:
 *
 * Returns: (transfer none) (nullable): when the work was last written
 */
GDateTime *
vp_autosave_get_time (VpAutosave *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->time;
}

gboolean
vp_autosave_exists (VpAutosave *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return g_file_test (self->path, G_FILE_TEST_IS_REGULAR);
}

/**
 * vp_autosave_write_info:
 * @document: (nullable): the file the work belongs to, if it has one
 *
 * Notes, beside the workspace just written, which document it is the
 * unsaved state of, and when it was written.
 *
 * Returns: whether the note was written
 */
gboolean
vp_autosave_write_info (VpAutosave  *self,
                        GFile       *document,
                        GError     **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  g_autofree char *data = NULL;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (document == NULL || G_IS_FILE (document), FALSE);

  if (document != NULL)
    {
      g_autofree char *uri = g_file_get_uri (document);

      g_key_file_set_string (info, INFO_GROUP, "Document", uri);
    }
  g_key_file_set_string (info, INFO_GROUP, "Saved", saved);

  data = g_key_file_to_data (info, &length, NULL);
  if (!g_file_set_contents_full (self->info_path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  g_set_object (&self->document, document);
  g_clear_pointer (&self->time, g_date_time_unref);
  self->time = g_date_time_ref (now);

  return TRUE;
}

static void
remove_file (const char *path)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Cannot remove %s: %s", path, g_strerror (errno));
}

/**
 * vp_autosave_discard:
 *
 * Deletes the unsaved work: it was saved, or the user discarded it. The
 * lock is kept for the next autosave of the same window.
 */
void
vp_autosave_discard (VpAutosave *self)
{
  g_return_if_fail (self != NULL);

  remove_file (self->path);
  remove_file (self->info_path);
}

/**
 * vp_autosave_set_aside:
 *
 * Renames an autosave that cannot be restored, so that it is not tried
 * again at every start, and is still there for whoever wants to look.
 *
 * Returns: (transfer full): where it is now, or %NULL with @error set
 */
GFile *
vp_autosave_set_aside (VpAutosave  *self,
                       GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  name = g_strconcat (ASIDE_PREFIX, self->id, VP_WORKSPACE_SUFFIX, NULL);
  path = g_build_filename (self->folder, name, NULL);

  if (g_rename (self->path, path) != 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   "%s: %s", display, g_strerror (errsv));
      return NULL;
    }

  remove_file (self->info_path);

  return g_file_new_for_path (path);
}

/**
 * vp_autosave_free:
 *
 * Lets go of the autosave. Work still in it stays on the disk, free for
 * the next start to restore; an autosave with no work left is removed.
 */
void
vp_autosave_free (VpAutosave *self)
{
  if (self == NULL)
    return;

  if (self->lock_fd >= 0)
    {
      if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
        {
          remove_file (self->info_path);
          remove_file (self->lock_path);
        }

      close (self->lock_fd);
    }

  g_clear_object (&self->document);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_free (self->folder);
  g_free (self->id);
  g_free (self->path);
  g_free (self->info_path);
  g_free (self->lock_path);
  g_free (self);
}
