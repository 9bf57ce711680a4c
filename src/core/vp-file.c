/* vp-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vp-file.h"

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
