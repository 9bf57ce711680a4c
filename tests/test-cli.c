/* test-cli.c: the command line's contract, run as a user runs it
 *
 * The built executable is started without a display (DISPLAY and
 * WAYLAND_DISPLAY unset), and its exit status, standard output and
 * standard error are checked against the contract in the README.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poppler.h>

#include "vp-exporter.h"
#include "vp-importer.h"
#include "vp-pdf-export.h"
#include "vp-workspace-io.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static const char *
executable (void)
{
  const char *path = g_getenv ("VIEWPOINTS");

  g_assert_nonnull (path);

  return path;
}

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "pages", name, NULL);
}

/* Runs viewpoints with @args (NULL-terminated) and no display. */
static void
run_viewpoints (Run                *run,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer)executable ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  run->status = g_subprocess_get_exit_status (process);
}

static JsonObject *
parse_output (JsonParser *parser,
              const char *out)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_json_without_display (void)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  g_autofree char *text = fixture ("seed-shaped.txt");
  const char * const args[] = { "--outline", "--format=json", page, text, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  JsonArray *articles;

  run_viewpoints (&run, args);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  articles = json_object_get_array_member (parse_output (parser, run.out), "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, 2);
  /* "source" is the path as given, in the order given. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (articles, 0), "source"),
                   ==, page);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (articles, 1), "source"),
                   ==, text);
}

static char *
sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

/* The items, nested ones too, of a JSON article whose actors include @id. */
static guint
count_items_with_actor (JsonArray  *items,
                        const char *id)
{
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *actors = json_object_get_array_member (item, "actors");

      for (guint k = 0; k < json_array_get_length (actors); k++)
        {
          if (g_str_equal (json_array_get_string_element (actors, k), id))
            count++;
        }
      if (json_object_has_member (item, "children"))
        count += count_items_with_actor (json_object_get_array_member (item, "children"), id);
    }

  return count;
}

/* Several files: the comparison's matrix agrees with each article's own
 * counts, and the samples' proposals on a naval hotline and on the hosts
 * of the talks are grouped. */
static void
test_comparison (void)
{
  g_autofree char *first = sample ("back-the-gulf-dialogue.html");
  g_autofree char *second = sample ("leverage-before-talks.html");
  g_autofree char *third = sample ("riyadh-should-lead.html");
  const char * const args[] = { "--outline", "--format=json", first, second, third, NULL };
  const char * const single_args[] = { "--outline", "--format=json", first, NULL };
  static const guint expected_groups[][3][3] = {
    { { 0, 1, 2 }, { 1, 0, 2 }, { 2, 0, 1 } },
    { { 0, 1, 3 }, { 1, 0, 3 }, { G_MAXUINT, 0, 0 } },
  };
  static const char * const ids[] = { "us", "iran", "saudi-arabia" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) single_parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) single = { 0 };
  JsonObject *root;
  JsonArray *articles;
  JsonObject *comparison;
  JsonObject *matrix;
  JsonArray *groups;

  run_viewpoints (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_output (parser, run.out);
  articles = json_object_get_array_member (root, "articles");
  comparison = json_object_get_object_member (root, "comparison");
  g_assert_nonnull (comparison);

  matrix = json_object_get_object_member (comparison, "matrix");
  g_assert_cmpuint (json_object_get_size (matrix), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JsonArray *row = json_object_get_array_member (matrix, ids[i]);

      g_assert_cmpuint (json_array_get_length (row), ==, 3);
      for (guint a = 0; a < 3; a++)
        {
          JsonObject *article = json_array_get_object_element (articles, a);
          JsonObject *cell = json_array_get_object_element (row, a);
          JsonArray *sections = json_object_get_array_member (article, "sections");
          guint proposals = 0;

          for (guint s = 0; s < json_array_get_length (sections); s++)
            proposals += count_items_with_actor (
              json_object_get_array_member (json_array_get_object_element (sections, s), "items"), ids[i]);

          g_assert_cmpint (json_object_get_int_member (cell, "mentions"), ==,
                           json_object_get_int_member (json_object_get_object_member (article, "mentions"),
                                                       ids[i]));
          g_assert_cmpint (json_object_get_int_member (cell, "proposals"), ==, proposals);
        }
    }

  groups = json_object_get_array_member (comparison, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, G_N_ELEMENTS (expected_groups));
  for (guint g = 0; g < G_N_ELEMENTS (expected_groups); g++)
    {
      JsonArray *group = json_array_get_array_element (groups, g);
      guint n = 0;

      while (n < 3 && expected_groups[g][n][0] != G_MAXUINT)
        n++;
      g_assert_cmpuint (json_array_get_length (group), ==, n);
      for (guint k = 0; k < n; k++)
        {
          JsonObject *member = json_array_get_object_element (group, k);

          g_assert_cmpint (json_object_get_int_member (member, "article"), ==, expected_groups[g][k][0]);
          g_assert_cmpint (json_object_get_int_member (member, "section"), ==, expected_groups[g][k][1]);
          g_assert_cmpint (json_object_get_int_member (member, "item"), ==, expected_groups[g][k][2]);
        }
    }

  /* One file: no comparison at all. */
  run_viewpoints (&single, single_args);
  g_assert_cmpint (single.status, ==, 0);
  g_assert_false (json_object_has_member (parse_output (single_parser, single.out), "comparison"));
}

static void
test_failed_file (void)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  g_autofree char *empty_dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *empty = g_build_filename (empty_dir, "empty.html", NULL);
  g_autofree char *missing = g_build_filename (empty_dir, "missing.html", NULL);
  const char * const args[] = { "--outline", "--format=json", empty, page, missing, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *expected_err = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  run_viewpoints (&run, args);

  /* Each failure is one line naming the file; the good file is still read. */
  g_assert_cmpint (run.status, ==, 1);
  expected_err = g_strdup_printf ("viewpoints: %s: the file is empty\n"
                                  "viewpoints: %s: there is no such file\n",
                                  empty, missing);
  g_assert_cmpstr (run.err, ==, expected_err);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (parse_output (parser, run.out),
                                                                         "articles")), ==, 1);

  g_remove (empty);
  g_rmdir (empty_dir);
}

static void
test_usage (void)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  const char * const unknown[] = { "--outline", "--no-such-option", page, NULL };
  const char * const bad_format[] = { "--outline", "--format=pdf", page, NULL };
  const char * const no_files[] = { "--outline", NULL };
  const char * const format_alone[] = { "--format=json", page, NULL };

  const char * const *cases[] = { unknown, bad_format, no_files, format_alone };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_viewpoints (&run, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "viewpoints: "));
    }
}

static void
test_formats (void)
{
  g_autofree char *page = fixture ("numbered-paragraphs.html");
  const char * const text_args[] = { "--outline", page, NULL };
  const char * const md_args[] = { "--outline", "--format=markdown", page, NULL };
  const char * const csv_args[] = { "--outline", "--format=csv", page, NULL };
  g_auto(Run) text = { 0 };
  g_auto(Run) md = { 0 };
  g_auto(Run) csv = { 0 };

  run_viewpoints (&text, text_args);
  run_viewpoints (&md, md_args);
  run_viewpoints (&csv, csv_args);

  g_assert_cmpint (text.status, ==, 0);
  g_assert_true (g_str_has_prefix (text.out, "Five lessons from the Vienna talks\n"));
  g_assert_nonnull (strstr (text.out, "    4. Domestic politics in Washington shaped every offer "
                                      "the US delegation could make. [United States]\n"));

  g_assert_cmpint (md.status, ==, 0);
  g_assert_true (g_str_has_prefix (md.out, "# Five lessons from the Vienna talks\n"));
  g_assert_nonnull (strstr (md.out, "## What the talks taught\n"));

  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "article,source,section,heading,label,text,actors\r\n"));
  g_assert_nonnull (strstr (csv.out, ",What the talks taught,5,\"Regional states, Saudi Arabia among "
                                     "them, need a voice before a deal is signed, not after.\","
                                     "Saudi Arabia\r\n"));
}

static void
test_actors_file (void)
{
  g_autofree char *page = fixture ("numbered-paragraphs.html");
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *actors = g_build_filename (dir, "actors.xml", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.xml", NULL);
  const char * const args[] = { "--outline", "--format=json", "--actors", actors, page, NULL };
  const char * const bad_args[] = { "--outline", "--actors", broken, page, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(Run) run = { 0 };
  g_auto(Run) bad = { 0 };
  JsonObject *article;
  JsonObject *mentions;

  g_assert_true (g_file_set_contents (actors,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<actors xmlns=\"https://viewpoints.example.org/ns/actors/1\" version=\"1\">\n"
    "  <actor id=\"europe\" name=\"Europe\" color=\"#0072b2\" kind=\"organisation\" enabled=\"true\">\n"
    "    <alias>European</alias>\n"
    "  </actor>\n"
    "</actors>\n", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "<actors><actor", -1, NULL));

  /* The file replaces the default set. */
  run_viewpoints (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  article = json_array_get_object_element (json_object_get_array_member (parse_output (parser, run.out),
                                                                         "articles"), 0);
  mentions = json_object_get_object_member (article, "mentions");
  g_assert_cmpuint (json_object_get_size (mentions), ==, 1);
  g_assert_cmpint (json_object_get_int_member (mentions, "europe"), ==, 1);

  run_viewpoints (&bad, bad_args);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad.err, "viewpoints: "));
  g_assert_nonnull (strstr (bad.err, "broken.xml"));
  g_assert_cmpstr (bad.out, ==, "");

  g_remove (actors);
  g_remove (broken);
  g_rmdir (dir);
}

/* poppler-glib gained autoptr cleanups only after Debian 12's version; names
 * of our own cannot clash with them. */
typedef PopplerDocument DocumentRef;
typedef PopplerPage PageRef;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DocumentRef, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageRef, g_object_unref)

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);

  return document;
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  PopplerPage *page = poppler_document_get_page (document, index);
  char *text = poppler_page_get_text (page);

  g_object_unref (page);

  return text;
}

/* What the command line writes is what the library draws: the same
 * layout, page by page. */
static void
check_same_as_library (PopplerDocument    *exported,
                       const char * const *files,
                       VpPaper             paper,
                       const char         *title)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpTagger) tagger = vp_tagger_new (actors);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(VpOutlineLayout) layout = NULL;
  g_autoptr(DocumentRef) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.pdf", NULL);
  double width;
  double height;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (files[i]);
      VpArticle *article = vp_import_file (file, files[i], tagger, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (articles, article);
    }

  layout = vp_outline_layout_new (articles, actors, title);
  vp_paper_get_size (paper, &width, &height);
  vp_outline_layout_set_page_size (layout, width, height);
  g_assert_true (vp_pdf_export (layout, path, &error));
  g_assert_no_error (error);
  expected = open_pdf (path);

  g_assert_cmpint (poppler_document_get_n_pages (exported), ==,
                   poppler_document_get_n_pages (expected));
  for (int i = 0; i < poppler_document_get_n_pages (expected); i++)
    {
      g_autofree char *got = page_text (exported, i);
      g_autofree char *want = page_text (expected, i);

      g_assert_cmpstr (got, ==, want);
    }

  g_remove (path);
  g_rmdir (dir);
}

static void
test_export_pdf (void)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  g_autofree char *text = fixture ("seed-shaped.txt");
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "outline.pdf", NULL);
  g_autofree char *out_arg = g_strconcat ("--export-pdf=", out, NULL);
  const char * const args[] = { out_arg, "--paper=letter", page, text, NULL };
  const char * const files[] = { page, text, NULL };
  g_autoptr(DocumentRef) document = NULL;
  g_autoptr(PageRef) first = NULL;
  g_autofree char *title = NULL;
  g_auto(Run) run = { 0 };
  double width;
  double height;

  run_viewpoints (&run, args);

  /* Nothing on the terminal; a PDF of Letter pages. */
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");

  document = open_pdf (out);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 3);
  first = poppler_document_get_page (document, 0);
  poppler_page_get_size (first, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
  title = poppler_document_get_title (document);
  g_assert_cmpstr (title, ==, "Comparison of 2 articles");

  check_same_as_library (document, files, VP_PAPER_LETTER, title);

  g_remove (out);
  g_rmdir (dir);
}

static void
test_export_pdf_single (void)
{
  g_autofree char *page = fixture ("rtl-persian.html");
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "outline.pdf", NULL);
  const char * const args[] = { "--export-pdf", out, page, NULL };
  const char * const files[] = { page, NULL };
  g_autoptr(DocumentRef) document = NULL;
  g_autoptr(PageRef) first = NULL;
  g_autofree char *title = NULL;
  g_auto(Run) run = { 0 };
  double width;
  double height;

  run_viewpoints (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* A4 unless told otherwise; one article is its own title. */
  document = open_pdf (out);
  first = poppler_document_get_page (document, 0);
  poppler_page_get_size (first, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.276, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  title = poppler_document_get_title (document);
  g_assert_cmpstr (title, ==, "راهی برای گفت‌وگوی ایران و همسایگان");

  check_same_as_library (document, files, VP_PAPER_A4, title);

  g_remove (out);
  g_rmdir (dir);
}

/* Runs viewpoints with @args, whose output @nowhere lies in a folder that
 * does not exist: one line says so, and @dir stays empty. */
static void
assert_not_written (const char * const *args,
                    const char         *nowhere,
                    const char         *dir)
{
  g_auto(Run) run = { 0 };
  g_autofree char *folder = g_path_get_dirname (nowhere);
  g_autofree char *message =
    g_strdup_printf ("viewpoints: %s: could not be saved: the folder “%s” does not exist\n",
                     nowhere, folder);
  g_autoptr(GDir) listing = NULL;

  run_viewpoints (&run, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, message);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (listing));
}

static void
test_export_pdf_failures (void)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.html", NULL);
  g_autofree char *out = g_build_filename (dir, "outline.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-folder", "outline.pdf", NULL);
  g_autofree char *out_arg = g_strconcat ("--export-pdf=", out, NULL);
  g_autofree char *nowhere_arg = g_strconcat ("--export-pdf=", nowhere, NULL);
  const char * const partly[] = { out_arg, missing, page, NULL };
  const char * const none[] = { out_arg, missing, NULL };
  const char * const unwritable[] = { nowhere_arg, page, NULL };
  g_autofree char *expected = NULL;

  /* A file that fails is reported; the others are still exported. */
  {
    g_auto(Run) run = { 0 };

    run_viewpoints (&run, partly);
    g_assert_cmpint (run.status, ==, 1);
    expected = g_strdup_printf ("viewpoints: %s: there is no such file\n", missing);
    g_assert_cmpstr (run.err, ==, expected);
    g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
    g_remove (out);
  }

  /* With nothing read, nothing is written. */
  {
    g_auto(Run) run = { 0 };

    run_viewpoints (&run, none);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  /* An output that cannot be written is one line naming it, and leaves
   * nothing behind. */
  assert_not_written (unwritable, nowhere, dir);

  g_rmdir (dir);
}

static void
test_export_pdf_usage (void)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  const char * const bad_paper[] = { "--export-pdf=out.pdf", "--paper=a5", page, NULL };
  const char * const paper_alone[] = { "--paper=a4", page, NULL };
  const char * const with_outline[] = { "--outline", "--export-pdf=out.pdf", page, NULL };
  const char * const with_format[] = { "--export-pdf=out.pdf", "--format=json", page, NULL };
  const char * const empty_name[] = { "--export-pdf=", page, NULL };
  const char * const no_files[] = { "--export-pdf=out.pdf", NULL };
  const char * const *cases[] = { bad_paper, paper_alone, with_outline, with_format, empty_name,
                                  no_files };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_viewpoints (&run, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "viewpoints: "));
      g_assert_false (g_file_test ("out.pdf", G_FILE_TEST_EXISTS));
    }
}

/* Workspaces */

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static JsonNode *
parse_node (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_json_equal (const char *actual,
                   const char *expected)
{
  g_autoptr(JsonNode) a = parse_node (actual);
  g_autoptr(JsonNode) e = parse_node (expected);

  if (!json_node_equal (a, e))
    g_assert_cmpstr (actual, ==, expected);
}

/* The span of @target in the first block of @article that has it. */
static void
find_text (VpArticle  *article,
           const char *target,
           int        *block,
           guint      *start,
           guint      *end)
{
  for (guint b = 0; b < vp_article_get_n_blocks (article); b++)
    {
      const char *text = vp_article_get_block_text (article, b);
      const char *found = strstr (text, target);

      if (found != NULL)
        {
          *block = b;
          *start = found - text;
          *end = *start + strlen (target);
          return;
        }
    }

  g_assert_not_reached ();
}

/* The op-ed as a reader corrected it: a tag the tagger cannot find, a
 * mention of it rejected, an actor added to a proposal it does not
 * name; saved to @path. */
static VpWorkspace *
save_corrected_workspace (const char *path)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  g_autoptr(GFile) page_file = g_file_new_for_path (page);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpOutlineSection) section = NULL;
  VpWorkspace *workspace = vp_workspace_new (NULL);
  VpArticle *article;
  int block;
  guint start;
  guint end;

  g_assert_true (vp_workspace_add_file (workspace, page_file, page, NULL, &error));
  g_assert_no_error (error);
  article = vp_workspace_get_article (workspace, 0);
  vp_workspace_set_name (workspace, "Gulf maritime security");

  find_text (article, "the strait", &block, &start, &end);
  g_assert_true (vp_workspace_tag_span (workspace, article, "iran", block, start, end, &error));
  g_assert_no_error (error);
  find_text (article, "Iranian officers", &block, &start, &end);
  g_assert_true (vp_workspace_reject_mention (workspace, article, "iran", block, start,
                                              start + strlen ("Iranian")));

  section = g_list_model_get_item (vp_article_get_sections (article), 1);
  vp_workspace_add_item_actor (workspace, article, vp_outline_section_get_item (section, 3),
                               "saudi-arabia");

  g_assert_true (vp_workspace_save_to_file (workspace, file, NULL, &error));
  g_assert_no_error (error);

  return workspace;
}

static char *
export_json (VpWorkspace *workspace)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GBytes) json = NULL;

  for (guint i = 0; i < vp_workspace_get_n_articles (workspace); i++)
    g_ptr_array_add (articles, vp_workspace_get_article (workspace, i));

  json = vp_export_outline (VP_EXPORT_FORMAT_JSON, articles, vp_workspace_get_actors (workspace));

  return g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
}

static void
remove_all (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }

  g_rmdir (dir);
}

/* --save makes one workspace of the files, which --outline reads as the
 * files themselves, and which saves again to the same bytes. */
static void
test_save (void)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  g_autofree char *text = fixture ("seed-shaped.txt");
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "reading.viewpoints", NULL);
  g_autofree char *again = g_build_filename (dir, "again.viewpoints", NULL);
  g_autofree char *save_arg = g_strconcat ("--save=", out, NULL);
  g_autofree char *again_arg = g_strconcat ("--save=", again, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char * const save_args[] = { save_arg, page, text, NULL };
  const char * const again_args[] = { again_arg, out, NULL };
  const char * const direct_args[] = { "--outline", "--format=json", page, text, NULL };
  const char * const saved_args[] = { "--outline", "--format=json", out, NULL };
  g_auto(Run) save = { 0 };
  g_auto(Run) resave = { 0 };
  g_auto(Run) direct = { 0 };
  g_auto(Run) saved = { 0 };

  run_viewpoints (&save, save_args);
  g_assert_cmpint (save.status, ==, 0);
  g_assert_cmpstr (save.out, ==, "");
  g_assert_cmpstr (save.err, ==, "");

  run_viewpoints (&direct, direct_args);
  run_viewpoints (&saved, saved_args);
  g_assert_cmpint (saved.status, ==, 0);
  g_assert_cmpstr (saved.err, ==, "");
  assert_json_equal (saved.out, direct.out);

  run_viewpoints (&resave, again_args);
  g_assert_cmpint (resave.status, ==, 0);
  first = read_text (out);
  second = read_text (again);
  g_assert_cmpstr (second, ==, first);

  remove_all (dir);
}

/* --outline and --export-pdf apply a workspace's manual tags, with its
 * own actors, whatever --actors says. */
static void
test_workspace_tags (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "corrected.viewpoints", NULL);
  g_autofree char *actors = g_build_filename (dir, "actors.xml", NULL);
  g_autofree char *pdf = g_build_filename (dir, "outline.pdf", NULL);
  g_autofree char *actors_arg = g_strconcat ("--actors=", actors, NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export-pdf=", pdf, NULL);
  g_autofree char *text = fixture ("seed-shaped.txt");
  g_autoptr(VpWorkspace) workspace = save_corrected_workspace (path);
  g_autofree char *expected = export_json (workspace);
  const char * const args[] = { "--outline", "--format=json", path, NULL };
  const char * const mixed_args[] = { "--outline", "--format=json", actors_arg, path, text, NULL };
  const char * const pdf_args[] = { pdf_arg, path, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) expected_article = NULL;
  g_autoptr(DocumentRef) document = NULL;
  g_autofree char *title = NULL;
  g_autofree char *pdf_text = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) mixed = { 0 };
  g_auto(Run) printed = { 0 };
  JsonArray *articles;
  JsonObject *mentions;
  JsonArray *items;

  /* The same outline as the window shows. */
  run_viewpoints (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  assert_json_equal (run.out, expected);

  /* The corrections show: the tag and the rejection in the counts, the
   * added actor on its proposal. */
  articles = json_object_get_array_member (parse_output (parser, run.out), "articles");
  mentions = json_object_get_object_member (json_array_get_object_element (articles, 0), "mentions");
  g_assert_cmpint (json_object_get_int_member (mentions, "iran"), ==,
                   vp_article_count_mentions (vp_workspace_get_article (workspace, 0), "iran"));
  items = json_object_get_array_member (
            json_array_get_object_element (
              json_object_get_array_member (json_array_get_object_element (articles, 0),
                                            "sections"), 1), "items");
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (json_array_get_object_element (items, 3),
                                                   "actors"), 0), ==, "saudi-arabia");
  expected_article = json_node_copy (json_array_get_element (articles, 0));

  /* --actors tags the text; the workspace's article keeps its own. */
  g_assert_true (g_file_set_contents (actors,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<actors xmlns=\"https://viewpoints.example.org/ns/actors/1\" version=\"1\">\n"
    "  <actor id=\"gulf\" name=\"The Gulf\" enabled=\"true\"><alias>Gulf</alias></actor>\n"
    "</actors>\n", -1, NULL));
  run_viewpoints (&mixed, mixed_args);
  g_assert_cmpint (mixed.status, ==, 0);
  articles = json_object_get_array_member (parse_output (parser, mixed.out), "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, 2);
  mentions = json_object_get_object_member (json_array_get_object_element (articles, 1), "mentions");
  g_assert_true (json_object_has_member (mentions, "gulf"));
  g_assert_cmpint (json_object_get_int_member (mentions, "gulf"), >, 0);
  g_assert_cmpint (json_object_get_int_member (mentions, "iran"), ==, 0);
  mentions = json_object_get_object_member (json_array_get_object_element (articles, 0), "mentions");
  g_assert_cmpint (json_object_get_int_member (mentions, "iran"), ==,
                   vp_article_count_mentions (vp_workspace_get_article (workspace, 0), "iran"));

  /* The PDF is named after the workspace, and shows its proposals. */
  run_viewpoints (&printed, pdf_args);
  g_assert_cmpint (printed.status, ==, 0);
  g_assert_cmpstr (printed.err, ==, "");
  document = open_pdf (pdf);
  title = poppler_document_get_title (document);
  g_assert_cmpstr (title, ==, "Gulf maritime security");
  pdf_text = page_text (document, 0);
  g_assert_nonnull (strstr (pdf_text, "Insurers and shipping firms"));

  remove_all (dir);
}

/* With --actors, the saved workspace has those actors, then those of the
 * workspace files it lacks; without, the first workspace's. */
static void
test_save_actors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "corrected.viewpoints", NULL);
  g_autofree char *actors = g_build_filename (dir, "actors.xml", NULL);
  g_autofree char *out = g_build_filename (dir, "out.viewpoints", NULL);
  g_autofree char *actors_arg = g_strconcat ("--actors=", actors, NULL);
  g_autofree char *save_arg = g_strconcat ("--save=", out, NULL);
  g_autofree char *text = fixture ("seed-shaped.txt");
  g_autoptr(VpWorkspace) workspace = save_corrected_workspace (path);
  const char * const args[] = { save_arg, actors_arg, text, path, NULL };
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(VpWorkspace) saved = NULL;
  g_autoptr(VpActor) first = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  VpArticle *article;

  g_assert_true (g_file_set_contents (actors,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<actors xmlns=\"https://viewpoints.example.org/ns/actors/1\" version=\"1\">\n"
    "  <actor id=\"gulf\" name=\"The Gulf\" enabled=\"true\"><alias>Gulf</alias></actor>\n"
    "</actors>\n", -1, NULL));

  run_viewpoints (&run, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  saved = vp_workspace_new_from_file (out_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vp_workspace_get_n_articles (saved), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (vp_workspace_get_actors (saved)), 0);
  g_assert_cmpstr (vp_actor_get_id (first), ==, "gulf");
  g_assert_nonnull (vp_workspace_lookup_actor (saved, "saudi-arabia"));
  g_assert_cmpstr (vp_workspace_get_name (saved), ==, "Gulf maritime security");

  /* The reader's corrections came along, in the order of the files. */
  article = vp_workspace_get_article (saved, 1);
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==,
                    vp_article_get_n_annotations (vp_workspace_get_article (workspace, 0)));
  g_assert_cmpuint (vp_article_count_mentions (article, "iran"), ==,
                    vp_article_count_mentions (vp_workspace_get_article (workspace, 0), "iran"));

  remove_all (dir);
}

static void
test_save_failures (void)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  g_autofree char *not_xml = g_test_build_filename (G_TEST_DIST, "data", "workspaces",
                                                    "not-xml.viewpoints", NULL);
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.html", NULL);
  g_autofree char *out = g_build_filename (dir, "out.viewpoints", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-folder", "out.viewpoints", NULL);
  g_autofree char *out_arg = g_strconcat ("--save=", out, NULL);
  g_autofree char *nowhere_arg = g_strconcat ("--save=", nowhere, NULL);
  const char * const partly[] = { out_arg, missing, not_xml, page, NULL };
  const char * const none[] = { out_arg, missing, NULL };
  const char * const unwritable[] = { nowhere_arg, page, NULL };

  /* Each file that fails is one line; the others are saved. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(GFile) file = g_file_new_for_path (out);
    g_autoptr(VpWorkspace) saved = NULL;
    g_autofree char *expected =
      g_strdup_printf ("viewpoints: %s: there is no such file\n"
                       "viewpoints: %s: this is not a Viewpoints workspace: it is not XML\n",
                       missing, not_xml);

    run_viewpoints (&run, partly);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected);
    saved = vp_workspace_new_from_file (file, NULL, NULL, NULL);
    g_assert_cmpuint (vp_workspace_get_n_articles (saved), ==, 1);
    g_remove (out);
  }

  /* With nothing read, nothing is written. */
  {
    g_auto(Run) run = { 0 };

    run_viewpoints (&run, none);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }

  /* An output that cannot be written says why, and leaves nothing. */
  assert_not_written (unwritable, nowhere, dir);

  g_rmdir (dir);
}

static void
test_save_usage (void)
{
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  const char * const with_outline[] = { "--save=out.viewpoints", "--outline", page, NULL };
  const char * const with_pdf[] = { "--save=out.viewpoints", "--export-pdf=out.pdf", page, NULL };
  const char * const with_format[] = { "--save=out.viewpoints", "--format=json", page, NULL };
  const char * const empty_name[] = { "--save=", page, NULL };
  const char * const no_files[] = { "--save=out.viewpoints", NULL };
  const char * const *cases[] = { with_outline, with_pdf, with_format, empty_name, no_files };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_viewpoints (&run, cases[i]);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "viewpoints: "));
      g_assert_false (g_file_test ("out.viewpoints", G_FILE_TEST_EXISTS));
    }
}

/* The proposals a reader linked and unlinked in a workspace are grouped
 * as the reader said, in the JSON and in the PDF, also with a page added
 * before the workspace's articles. */
static void
test_workspace_links (void)
{
  static const char * const names[] = {
    "back-the-gulf-dialogue.html", "leverage-before-talks.html", "riyadh-should-lead.html",
  };
  g_autofree char *dir = g_dir_make_tmp ("vp-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "linked.viewpoints", NULL);
  g_autofree char *pdf = g_build_filename (dir, "linked.pdf", NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export-pdf=", pdf, NULL);
  g_autofree char *page = fixture ("wordpress-op-ed.html");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(VpWorkspace) workspace = vp_workspace_new (NULL);
  g_autoptr(GError) error = NULL;
  /* Two points no similarity groups, the first of each of two samples;
   * and the third sample's hotline, taken out of its group with the
   * other two. */
  const VpProposalRef linked[] = { { 0, 0, 0 }, { 1, 0, 0 } };
  const VpProposalRef separated[] = { { 0, 1, 2 }, { 2, 0, 1 } };
  const VpProposalRef still[] = { { 1, 0, 2 }, { 2, 0, 1 } };
  const char * const args[] = { "--outline", "--format=json", path, NULL };
  const char * const page_first_args[] = { "--outline", "--format=json", page, path, NULL };
  const char * const pdf_args[] = { pdf_arg, path, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = sample (names[i]);
      g_autoptr(GFile) sample_file = g_file_new_for_path (name);

      g_assert_true (vp_workspace_add_file (workspace, sample_file, names[i], NULL, &error));
      g_assert_no_error (error);
    }
  vp_workspace_set_link (workspace, &linked[0], &linked[1], VP_LINK_LINK);
  vp_workspace_set_link (workspace, &separated[0], &separated[1], VP_LINK_UNLINK);
  vp_workspace_set_link (workspace, &still[0], &still[1], VP_LINK_UNLINK);
  g_assert_true (vp_workspace_save_to_file (workspace, file, NULL, &error));
  g_assert_no_error (error);

  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_auto(Run) run = { 0 };
      guint shift = r;  /* the page before the workspace is article 0 */
      JsonArray *groups;
      gboolean found_linked = FALSE;

      run_viewpoints (&run, r == 0 ? args : page_first_args);
      g_assert_cmpint (run.status, ==, 0);
      groups = json_object_get_array_member (
                 json_object_get_object_member (parse_output (parser, run.out), "comparison"),
                 "groups");

      for (guint g = 0; g < json_array_get_length (groups); g++)
        {
          JsonArray *group = json_array_get_array_element (groups, g);
          gboolean has_hotline = FALSE;
          gboolean has_partner = FALSE;

          for (guint k = 0; k < json_array_get_length (group); k++)
            {
              JsonObject *member = json_array_get_object_element (group, k);
              VpProposalRef ref = {
                json_object_get_int_member (member, "article"),
                json_object_get_int_member (member, "section"),
                json_object_get_int_member (member, "item"),
              };

              has_hotline |= ref.article == separated[1].article + shift &&
                             ref.section == separated[1].section && ref.item == separated[1].item;
              has_partner |= (ref.article == separated[0].article + shift &&
                              ref.section == separated[0].section && ref.item == separated[0].item) ||
                             (ref.article == still[0].article + shift &&
                              ref.section == still[0].section && ref.item == still[0].item);

              if (ref.article == linked[0].article + shift && ref.section == 0 && ref.item == 0)
                {
                  JsonObject *other = json_array_get_object_element (group, k == 0 ? 1 : 0);

                  g_assert_cmpuint (json_array_get_length (group), ==, 2);
                  g_assert_cmpint (json_object_get_int_member (other, "article"), ==, linked[1].article + shift);
                  g_assert_cmpint (json_object_get_int_member (other, "section"), ==, 0);
                  g_assert_cmpint (json_object_get_int_member (other, "item"), ==, 0);
                  found_linked = TRUE;
                }
            }

          /* The separated hotline is grouped with neither proposal it
           * was taken from (the page before may have one like it). */
          g_assert_false (has_hotline && has_partner);
        }
      g_assert_true (found_linked);
    }

  /* The PDF's page of matching proposals too, which comes before the
   * outlines: the linked points are on it, the separated hotline not. */
  {
    g_auto(Run) printed = { 0 };
    g_autoptr(DocumentRef) document = NULL;
    g_autoptr(VpComparison) comparison = NULL;
    g_autoptr(GPtrArray) articles = g_ptr_array_new ();
    g_autoptr(GString) text = g_string_new (NULL);
    const char *groups_page;
    const char *outlines;

    run_viewpoints (&printed, pdf_args);
    g_assert_cmpint (printed.status, ==, 0);
    document = open_pdf (pdf);
    for (int p = 0; p < poppler_document_get_n_pages (document); p++)
      {
        g_autofree char *one = page_text (document, p);

        g_string_append (text, one);
      }

    for (guint i = 0; i < vp_workspace_get_n_articles (workspace); i++)
      g_ptr_array_add (articles, vp_workspace_get_article (workspace, i));
    comparison = vp_comparison_new (articles, vp_workspace_get_actors (workspace));

    groups_page = strstr (text->str, "Matching proposals");
    g_assert_nonnull (groups_page);
    outlines = strstr (groups_page, vp_article_get_title (g_ptr_array_index (articles, 0)));
    g_assert_nonnull (outlines);

    for (guint i = 0; i < 3; i++)
      {
        const VpProposalRef *ref = i < 2 ? &linked[i] : &separated[1];
        g_autofree char *start = g_utf8_substring (vp_outline_item_get_text (vp_comparison_get_item (comparison, ref)),
                                                   0, 16);
        const char *found = g_strstr_len (groups_page, outlines - groups_page, start);

        g_assert_true ((found != NULL) == (i < 2));
      }
  }

  g_unlink (path);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/cli/json-without-display", test_json_without_display);
  g_test_add_func ("/vp/cli/comparison", test_comparison);
  g_test_add_func ("/vp/cli/failed-file", test_failed_file);
  g_test_add_func ("/vp/cli/usage", test_usage);
  g_test_add_func ("/vp/cli/formats", test_formats);
  g_test_add_func ("/vp/cli/actors-file", test_actors_file);
  g_test_add_func ("/vp/cli/export-pdf", test_export_pdf);
  g_test_add_func ("/vp/cli/export-pdf-single", test_export_pdf_single);
  g_test_add_func ("/vp/cli/export-pdf-failures", test_export_pdf_failures);
  g_test_add_func ("/vp/cli/export-pdf-usage", test_export_pdf_usage);
  g_test_add_func ("/vp/cli/save", test_save);
  g_test_add_func ("/vp/cli/workspace-tags", test_workspace_tags);
  g_test_add_func ("/vp/cli/save-actors", test_save_actors);
  g_test_add_func ("/vp/cli/save-failures", test_save_failures);
  g_test_add_func ("/vp/cli/save-usage", test_save_usage);
  g_test_add_func ("/vp/cli/workspace-links", test_workspace_links);

  return g_test_run ();
}
