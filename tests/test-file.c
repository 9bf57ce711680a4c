/* test-file.c: writing files without losing their previous contents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "vp-file.h"

#define OLD_CONTENTS "<actors version=\"1\"/>\n"

typedef struct
{
  char *folder;
  char *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("vp-test-file-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "actors.xml", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->folder);
  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

static void
write_old (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, OLD_CONTENTS, -1, &error);
  g_assert_no_error (error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, expected, strlen (expected));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @folder, sorted and joined by spaces: no temporary file may
 * be left behind. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
}

static void
assert_folder (const char *folder,
               const char *expected)
{
  g_autofree char *names = list_folder (folder);

  g_assert_cmpstr (names, ==, expected);
}

static void
test_new_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *text = "new\ncontents\n";
  GStatBuf st;
  mode_t mask;

  g_assert_true (vp_file_replace_contents (fixture->file, "actors.xml", text, strlen (text),
                                           &error));
  g_assert_no_error (error);
  assert_contents (fixture->path, text);
  assert_folder (fixture->folder, "actors.xml");

  /* A new file is made as open(…, 0666) would make it, not private. */
  mask = umask (022);
  umask (mask);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *text = "replaced";
  GStatBuf st;

  write_old (fixture);
  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);

  g_assert_true (vp_file_replace_contents (fixture->file, "actors.xml", text, strlen (text),
                                           &error));
  g_assert_no_error (error);
  assert_contents (fixture->path, text);
  assert_folder (fixture->folder, "actors.xml");

  /* The file keeps its permissions. */
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  /* Empty contents are contents too. */
  g_assert_true (vp_file_replace_contents (fixture->file, "actors.xml", "", 0, &error));
  g_assert_no_error (error);
  assert_contents (fixture->path, "");
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *link = g_build_filename (fixture->folder, "link.xml", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autofree char *chain = g_build_filename (fixture->folder, "chain.xml", NULL);
  g_autoptr(GFile) chain_file = g_file_new_for_path (chain);
  g_autofree char *target = NULL;
  GStatBuf st;

  write_old (fixture);
  g_assert_cmpint (symlink ("actors.xml", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);

  g_assert_true (vp_file_replace_contents (link_file, "link.xml", "one", 3, &error));
  g_assert_no_error (error);
  g_assert_true (vp_file_replace_contents (chain_file, "chain.xml", "two", 3, &error));
  g_assert_no_error (error);

  /* The links still point to the file, which holds the new contents. */
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_cmpint (g_lstat (chain, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  target = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target, ==, "actors.xml");
  assert_contents (fixture->path, "two");
  assert_folder (fixture->folder, "actors.xml chain.xml link.xml");

  /* A dangling link gets its file made. */
  g_unlink (fixture->path);
  g_assert_true (vp_file_replace_contents (link_file, "link.xml", "three", 5, &error));
  g_assert_no_error (error);
  assert_contents (fixture->path, "three");
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *text = "never written";

  /* Permissions do not stop root. */
  if (geteuid () == 0)
    {
      g_test_skip ("Running as root, which may write in read-only folders");
      return;
    }

  write_old (fixture);
  g_assert_cmpint (g_chmod (fixture->folder, 0555), ==, 0);

  g_assert_false (vp_file_replace_contents (fixture->file, "actors.xml", text, strlen (text),
                                            &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "actors.xml: "));
  g_assert_nonnull (strstr (error->message, "permission"));
  g_assert_nonnull (strstr (error->message, fixture->folder));

  /* The previous file is untouched, byte for byte. */
  g_assert_cmpint (g_chmod (fixture->folder, 0700), ==, 0);
  assert_contents (fixture->path, OLD_CONTENTS);
  assert_folder (fixture->folder, "actors.xml");
}

static void
test_write_fails (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *big = NULL;

  write_old (fixture);

  /* A file size limit makes the write itself fail half-way, as a full disk
   * would, whoever runs the test. The limit stays in the child. */
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 64, 64 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      big = g_strnfill (4096, 'x');
      g_assert_false (vp_file_replace_contents (fixture->file, "actors.xml", big, 4096,
                                                &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "actors.xml: could not be saved"));
      g_assert_nonnull (strstr (error->message, "larger than"));
      assert_contents (fixture->path, OLD_CONTENTS);
      assert_folder (fixture->folder, "actors.xml");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  assert_contents (fixture->path, OLD_CONTENTS);
  assert_folder (fixture->folder, "actors.xml");
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "nowhere", "actors.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_false (vp_file_replace_contents (file, "nowhere/actors.xml", "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "nowhere/actors.xml: "));
  g_assert_nonnull (strstr (error->message, "does not exist"));
  assert_folder (fixture->folder, "");
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);

  g_assert_false (vp_file_replace_contents (fixture->file, "actors.xml", "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_cmpstr (error->message, ==,
                   "actors.xml: could not be saved: this is a folder, not a file");
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_DIR));
  assert_folder (fixture->folder, "actors.xml");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/vp/file/replace/new-file", test_new_file);
  ADD ("/vp/file/replace/existing", test_replace);
  ADD ("/vp/file/replace/symlink", test_symlink);
  ADD ("/vp/file/replace/read-only-folder", test_read_only_folder);
  ADD ("/vp/file/replace/write-fails", test_write_fails);
  ADD ("/vp/file/replace/missing-folder", test_missing_folder);
  ADD ("/vp/file/replace/folder", test_folder);

#undef ADD

  return g_test_run ();
}
