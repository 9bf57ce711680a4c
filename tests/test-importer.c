/* test-importer.c: the import pipeline's checks on bad input
 *
 * Every file a user can hand the importer either becomes an article or
 * fails with a VP_IMPORT_ERROR whose message starts with the file's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "vp-error.h"
#include "vp-importer.h"

static const char *good_page =
  "<html><head><title>A plain page</title></head><body>"
  "<p>This paragraph is long enough to be an article body on its own, with a few clauses, "
  "and it carries the whole argument of this small test page.</p></body></html>";

static void
assert_import_fails (const char *data,
                     gsize       length,
                     const char *source,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = NULL;

  article = vp_import_data (data, length, source, VP_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_null (article);
  g_assert_error (error, VP_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, source));
  g_test_message ("%s", error->message);
}

static void
test_empty (void)
{
  assert_import_fails ("", 0, "empty.html", VP_IMPORT_ERROR_EMPTY);
  assert_import_fails (" \n\t\r\n  ", 7, "blank.txt", VP_IMPORT_ERROR_EMPTY);
  assert_import_fails ("\xEF\xBB\xBF\n", 4, "bom-only.txt", VP_IMPORT_ERROR_EMPTY);
}

static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  static const char gzip[] = "\x1f\x8b\x08\0\0\0\0\0\0\x03";
  g_autofree char *noise = g_malloc (4096);

  for (guint i = 0; i < 4096; i++)
    noise[i] = (char)((i * 7919) % 251);

  assert_import_fails (png, sizeof png - 1, "picture.html", VP_IMPORT_ERROR_BINARY);
  assert_import_fails (gzip, sizeof gzip - 1, "page.html.gz", VP_IMPORT_ERROR_BINARY);
  assert_import_fails (noise, 4096, "noise.txt", VP_IMPORT_ERROR_BINARY);
}

static void
test_bad_utf16 (void)
{
  /* A UTF-16 byte-order mark, then an odd number of bytes. */
  assert_import_fails ("\xFF\xFE<\0p\0>\0x", 9, "broken-utf16.html", VP_IMPORT_ERROR_ENCODING);
}

static void
test_only_markup (void)
{
  static const char page[] =
    "<html><head><title>Nothing</title><script>var a = 1;</script></head>"
    "<body><nav><a href=\"/\">Home</a></nav></body></html>";

  assert_import_fails (page, sizeof page - 1, "chrome.html", VP_IMPORT_ERROR_NO_ARTICLE);
}

static void
test_truncated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = NULL;
  gsize cut = strlen (good_page) - 40;

  /* A download cut short still gives what it has. */
  article = vp_import_data (good_page, cut, "cut.html", VP_IMPORT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpuint (vp_article_get_n_blocks (article), ==, 1);
  g_assert_true (g_str_has_prefix (vp_article_get_block (article, 0)->text, "This paragraph"));
}

static void
test_guess_format (void)
{
  static const struct {
    const char *source;
    const char *data;
    VpImportFormat format;
  } cases[] = {
    { "a.html", "Just words", VP_IMPORT_FORMAT_HTML },
    { "a.HTM", "Just words", VP_IMPORT_FORMAT_HTML },
    { "a.txt", "<!DOCTYPE html><html><body><p>x</p></body></html>", VP_IMPORT_FORMAT_HTML },
    { "a.txt", "\xEF\xBB\xBF  <html lang=\"en\">", VP_IMPORT_FORMAT_HTML },
    { "a", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", VP_IMPORT_FORMAT_HTML },
    { "a.txt", "Home / Viewpoints / A title\n\nA title\n", VP_IMPORT_FORMAT_TEXT },
    { "notes", "1 < 2 and 3 > 2, said the text.", VP_IMPORT_FORMAT_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (vp_import_guess_format (cases[i].source, cases[i].data, strlen (cases[i].data)),
                     ==, cases[i].format);
}

static void
test_guess_format_utf16 (void)
{
  static const char page[] = "\xFF\xFE<\0h\0t\0m\0l\0>\0";

  g_assert_cmpint (vp_import_guess_format ("page.txt", page, sizeof page - 1), ==,
                   VP_IMPORT_FORMAT_HTML);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vp-importer-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
assert_file_fails (GFile      *file,
                   const char *source,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = vp_import_file (file, source, NULL, NULL, &error);

  g_assert_null (article);
  g_assert_error (error, VP_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, source));
  g_test_message ("%s", error->message);
}

static void
test_file_missing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "nowhere.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_file_fails (file, "nowhere.html", VP_IMPORT_ERROR_UNREADABLE);
  g_rmdir (dir);
}

static void
test_file_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) file = g_file_new_for_path (dir);

  assert_file_fails (file, "a-folder", VP_IMPORT_ERROR_UNREADABLE);
  g_rmdir (dir);
}

static void
test_file_device (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/zero");

  /* Reading /dev/zero would never end. */
  assert_file_fails (file, "/dev/zero", VP_IMPORT_ERROR_UNREADABLE);
}

static void
test_file_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  int fd;

  /* A sparse file: large on paper, nothing on disk. The importer must
   * refuse it from its size alone, without reading it. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (goffset)VP_IMPORT_MAX_SIZE + 1), ==, 0);
  close (fd);

  assert_file_fails (file, "huge.html", VP_IMPORT_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_file_unreadable (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can read any file");
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "locked.html", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (g_file_set_contents (path, good_page, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);

  assert_file_fails (file, "locked.html", VP_IMPORT_ERROR_UNREADABLE);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_file_good (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "good.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpArticle) article = NULL;

  g_assert_true (g_file_set_contents (path, good_page, -1, NULL));

  article = vp_import_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  /* Without a name from the caller, the article is named after its path. */
  g_assert_cmpstr (vp_article_get_source (article), ==, path);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/importer/empty", test_empty);
  g_test_add_func ("/vp/importer/binary", test_binary);
  g_test_add_func ("/vp/importer/bad-utf16", test_bad_utf16);
  g_test_add_func ("/vp/importer/only-markup", test_only_markup);
  g_test_add_func ("/vp/importer/truncated", test_truncated);
  g_test_add_func ("/vp/importer/guess-format", test_guess_format);
  g_test_add_func ("/vp/importer/guess-format-utf16", test_guess_format_utf16);
  g_test_add_func ("/vp/importer/file/missing", test_file_missing);
  g_test_add_func ("/vp/importer/file/folder", test_file_folder);
  g_test_add_func ("/vp/importer/file/device", test_file_device);
  g_test_add_func ("/vp/importer/file/too-large", test_file_too_large);
  g_test_add_func ("/vp/importer/file/unreadable", test_file_unreadable);
  g_test_add_func ("/vp/importer/file/good", test_file_good);

  return g_test_run ();
}
