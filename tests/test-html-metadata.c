/* test-html-metadata.c: the title, authors, dates and language of pages
 *
 * Each test imports one of our pages from tests/data/meta/ through the
 * whole HTML importer and checks the article's metadata and the first
 * blocks of its body, from which the title and byline must be gone. The
 * date forms and the hostile pages are generated here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vp-error.h"
#include "vp-html-importer.h"

static VpArticle *
import_data (const char *data,
             gsize       length)
{
  g_autoptr(GError) error = NULL;
  VpArticle *article;

  article = vp_html_import (data, length, "test.html", &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);

  return article;
}

static VpArticle *
import_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "meta", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);

  return import_data (data, length);
}

/* Checks the authors against a NULL-terminated list of names. */
static void
assert_authors (VpArticle *article,
                ...)
{
  const char * const *authors = vp_article_get_authors (article);
  const char *name;
  va_list args;
  guint i = 0;

  g_assert_nonnull (authors);

  va_start (args, article);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (authors[i]);
      g_assert_cmpstr (authors[i], ==, name);
      i++;
    }
  va_end (args);

  g_assert_null (authors[i]);
}

static void
assert_first_block (VpArticle   *article,
                    VpBlockKind  kind,
                    const char  *prefix)
{
  const VpBlock *block;

  g_assert_cmpuint (vp_article_get_n_blocks (article), >, 0);
  block = vp_article_get_block (article, 0);
  g_assert_cmpint (block->kind, ==, kind);
  if (!g_str_has_prefix (block->text, prefix))
    g_error ("the first block is “%s”, expected it to start with “%s”", block->text, prefix);
}

/* No block of the body repeats @text. */
static void
assert_no_block (VpArticle  *article,
                 const char *text)
{
  for (guint i = 0; i < vp_article_get_n_blocks (article); i++)
    g_assert_cmpstr (vp_article_get_block (article, i)->text, !=, text);
}

/* Titles -------------------------------------------------------------------- */

/* Open Graph's title carries a section, <title> and Twitter's the site;
 * the visible headline agrees with all three and gives the wording, curly
 * quotes included. */
static void
test_title_og_suffix (void)
{
  g_autoptr(VpArticle) article = import_fixture ("og-suffix.html");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Harbour towns should pool their “ferries”");
  g_assert_cmpstr (vp_article_get_site (article), ==, "The Coastal Ledger");
  /* Late on the 30th in New York is still the 30th. */
  g_assert_cmpstr (vp_article_get_published (article), ==, "2022-11-30");
  g_assert_cmpstr (vp_article_get_language (article), ==, "en");
  assert_no_block (article, "Harbour towns should pool their “ferries”");
  assert_first_block (article, VP_BLOCK_PARAGRAPH, "Opinion");
}

/* A heading that disagrees with the metadata is a section name, not the
 * headline. */
static void
test_title_og_disagrees (void)
{
  g_autoptr(VpArticle) article = import_fixture ("og-disagrees.html");

  g_assert_cmpstr (vp_article_get_title (article), ==,
                   "Why the night bus is the city's most important route");
  g_assert_null (vp_article_get_site (article));
  assert_first_block (article, VP_BLOCK_PARAGRAPH, "The last buses of the night are rarely full");
}

/* With only a <title>, its " – Site" suffix goes to the site; the logo's
 * h1 is not the headline, and the h2 that repeats the title leaves the
 * body. */
static void
test_title_element (void)
{
  g_autoptr(VpArticle) article = import_fixture ("title-element.html");

  g_assert_cmpstr (vp_article_get_title (article), ==, "A quiet case for slower trains");
  g_assert_cmpstr (vp_article_get_site (article), ==, "Rail Notes");
  g_assert_null (vp_article_get_language (article));
  g_assert_cmpint (vp_article_get_direction (article), ==, VP_TEXT_DIRECTION_NONE);
  assert_no_block (article, "A quiet case for slower trains");
  assert_first_block (article, VP_BLOCK_PARAGRAPH, "Fast lines win the headlines");
}

/* Title metadata that only repeats the description is the summary. */
static void
test_title_description (void)
{
  g_autoptr(VpArticle) article = import_fixture ("description-title.html");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Libraries need longer hours");
}

/* References escaped twice are decoded. */
static void
test_title_escaped (void)
{
  g_autoptr(VpArticle) article = import_fixture ("escaped-title.html");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Q&A: the river’s future");
}

/* JSON-LD ------------------------------------------------------------------ */

/* An article in a "@graph", its authors a reference and an object, its
 * publisher a reference; a second script's article is ignored. */
static void
test_json_ld_graph (void)
{
  g_autoptr(VpArticle) article = import_fixture ("json-ld-graph.html");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Tidal power deserves a second look");
  assert_authors (article, "Yusuf Adeyemi", "Henrik Dahl", NULL);
  g_assert_cmpstr (vp_article_get_site (article), ==, "Estuary Review Media");
  g_assert_cmpstr (vp_article_get_published (article), ==, "2021-03-04");
  assert_no_block (article, "Tidal power deserves a second look");
  assert_first_block (article, VP_BLOCK_PARAGRAPH, "Two decades ago");
}

/* An array at the top; the "name" agrees with the <title> where the
 * "headline" is a description. */
static void
test_json_ld_name (void)
{
  g_autoptr(VpArticle) article = import_fixture ("json-ld-name.html");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Salt marsh");
  assert_authors (article, "Field Guide volunteers", NULL);
  g_assert_cmpstr (vp_article_get_published (article), ==, "2009-07-15");
}

/* JSON-LD nested deeper than any real one is skipped, not parsed. */
static void
test_json_ld_deep (void)
{
  g_autoptr(GString) page = g_string_new ("<html><head><title>Deep data</title>"
                                          "<script type=\"application/ld+json\">");
  g_autoptr(VpArticle) article = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (page, '[');
  g_string_append (page, "</script></head><body><article>");
  for (guint i = 0; i < 4; i++)
    g_string_append (page, "<p>Every paragraph here is long enough to be read as the body of an "
                           "article rather than as a caption or a menu entry.</p>");
  g_string_append (page, "</article></body></html>");

  article = import_data (page->str, page->len);
  g_assert_cmpstr (vp_article_get_title (article), ==, "Deep data");
}

/* Authors ------------------------------------------------------------------- */

/* "A and B" in meta name=author; the Facebook page in article:author is
 * not a name. */
static void
test_authors_meta (void)
{
  g_autoptr(VpArticle) article = import_fixture ("meta-author.html");

  assert_authors (article, "Priya Raman", "Tomasz Wójcik", NULL);
  g_assert_null (vp_article_get_outlet (article));
  g_assert_cmpstr (vp_article_get_published (article), ==, "2019-05-06");
}

/* A rel=author link after the headline; a comment's author is not one. */
static void
test_authors_rel (void)
{
  g_autoptr(VpArticle) article = import_fixture ("rel-author.html");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Repair cafes deserve council support");
  assert_authors (article, "Lena Ostrova", NULL);
  g_assert_cmpstr (vp_article_get_published (article), ==, "2018-05-02");
}

/* A byline element with the role and date after the name; the bylines of
 * related stories further down are not read. */
static void
test_authors_byline_class (void)
{
  g_autoptr(VpArticle) article = import_fixture ("byline-class.html");

  assert_authors (article, "Marcus Hale", NULL);
  assert_first_block (article, VP_BLOCK_PARAGRAPH, "Nothing wakes a street");
}

/* "By A and B for Outlet – lead": the byline leaves the first paragraph,
 * the lead stays. */
static void
test_authors_leading_byline (void)
{
  g_autoptr(VpArticle) article = import_fixture ("leading-byline.html");

  assert_authors (article, "Amara Okafor", "Rui Tanaka", NULL);
  g_assert_cmpstr (vp_article_get_outlet (article), ==, "The Meridian Review");
  g_assert_cmpstr (vp_article_get_site (article), ==, "Delta Watch");
  assert_first_block (article, VP_BLOCK_PARAGRAPH, "Every few winters the same valley towns");
}

/* A byline paragraph of its own and the "Updated …" line after it both
 * leave the body. */
static void
test_authors_byline_paragraph (void)
{
  g_autoptr(VpArticle) article = import_fixture ("byline-paragraph.html");

  assert_authors (article, "Ines Carvalho", "Owen Pritchard", "Mei Lin", NULL);
  assert_no_block (article, "By Ines Carvalho, Owen Pritchard and Mei Lin");
  assert_no_block (article, "Updated March 3, 2020");
  assert_first_block (article, VP_BLOCK_PARAGRAPH, "Automated lights are cheaper to run");
}

/* The hidden vcard names the site; the visible byline names the author. */
static void
test_authors_hidden (void)
{
  g_autoptr(VpArticle) article = import_fixture ("hidden-author.html");

  g_assert_cmpstr (vp_article_get_title (article), ==, "Fishing quotas should follow the fish");
  assert_authors (article, "Nadia Ferreira", NULL);
  g_assert_cmpstr (vp_article_get_outlet (article), ==, "Coastal Weekly");
  g_assert_cmpstr (vp_article_get_site (article), ==, "The Harbour Post");
  g_assert_cmpstr (vp_article_get_published (article), ==, "2016-09-12");
  assert_first_block (article, VP_BLOCK_PARAGRAPH, "As the waters warm, the shoals move north");
}

/* How sites write names in metadata, and the names meant. */
static const struct
{
  const char *written;
  const char *names[4];
} author_forms[] = {
  { "Jane Roe", { "Jane Roe" } },
  { "By Jane Roe | March 3, 2020", { "Jane Roe" } },
  { "Jane Roe, Staff Writer", { "Jane Roe" } },
  { "Ana Lima, Ben Okoro and Chen Wei", { "Ana Lima", "Ben Okoro", "Chen Wei" } },
  { "Ana Lima & Ben Okoro", { "Ana Lima", "Ben Okoro" } },
  { "Roe, Jane", { "Jane Roe" } },
  { "The Editorial Board", { "The Editorial Board" } },
  { "Jane Roe; jane roe", { "Jane Roe" } },
  { "https://news.example/author/jane-roe/", { "Jane Roe" } },
  { "https://www.facebook.com/someone", { NULL } },
};

static void
test_authors_forms (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (author_forms); i++)
    {
      g_autofree char *page = NULL;
      g_autoptr(VpArticle) article = NULL;
      const char * const *authors;
      guint n = 0;

      page = g_strdup_printf ("<html><head><title>A signed page</title>"
                              "<meta name=\"author\" content=\"%s\"></head><body><article>"
                              "<p>The first paragraph is long enough to be read as the body "
                              "of an article rather than as a caption.</p>"
                              "<p>So is the second one, which says much the same thing again "
                              "in slightly different words.</p></article></body></html>",
                              author_forms[i].written);
      article = import_data (page, strlen (page));
      authors = vp_article_get_authors (article);

      g_test_message ("authors “%s”", author_forms[i].written);
      for (; author_forms[i].names[n] != NULL; n++)
        g_assert_cmpstr (authors[n], ==, author_forms[i].names[n]);
      g_assert_null (authors[n]);
    }
}

/* Dates --------------------------------------------------------------------- */

static const struct
{
  const char *written;
  const char *expected;
} date_forms[] = {
  { "2014-06-27", "2014-06-27" },
  { "2014-06-27T23:59:59-11:00", "2014-06-27" },
  { "2014-06-27T00:30:00+14:00", "2014-06-27" },
  { "2014/06/27", "2014-06-27" },
  { "20140627", "2014-06-27" },
  { "27.06.2014", "2014-06-27" },
  { "06/27/2014", "2014-06-27" },
  { "27/06/2014", "2014-06-27" },
  { "June 27, 2014", "2014-06-27" },
  { "27 June 2014", "2014-06-27" },
  { "Fri, 27 Jun 2014 09:12:44 +0000", "2014-06-27" },
  { "Jun 27th 2014 1:01PM", "2014-06-27" },
  { "SEPT. 15, 2016", "2016-09-15" },
  { "2019年04月28日", "2019-04-28" },
  { "2016-02-29", "2016-02-29" },
  { "2015-02-29", NULL },
  { "2014-13-01", NULL },
  { "next Tuesday", NULL },
  { "", NULL },
};

static void
test_dates_forms (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_forms); i++)
    {
      g_autofree char *page = NULL;
      g_autoptr(VpArticle) article = NULL;

      page = g_strdup_printf ("<html><head><title>A dated page</title>"
                              "<meta name=\"date\" content=\"%s\"></head><body><article>"
                              "<p>The first paragraph is long enough to be read as the body "
                              "of an article rather than as a caption.</p>"
                              "<p>So is the second one, which says much the same thing again "
                              "in slightly different words.</p></article></body></html>",
                              date_forms[i].written);
      article = import_data (page, strlen (page));

      g_test_message ("date “%s”", date_forms[i].written);
      g_assert_cmpstr (vp_article_get_published (article), ==, date_forms[i].expected);
    }
}

/* A <time> in the article wins over one in the sidebar before it. */
static void
test_dates_time_element (void)
{
  g_autoptr(VpArticle) article = import_fixture ("time-element.html");

  g_assert_cmpstr (vp_article_get_published (article), ==, "2023-07-19");
}

/* Language and direction ------------------------------------------------------ */

static void
test_language_persian (void)
{
  g_autoptr(VpArticle) article = import_fixture ("rtl-persian.html");

  g_assert_cmpstr (vp_article_get_language (article), ==, "fa");
  g_assert_cmpint (vp_article_get_direction (article), ==, VP_TEXT_DIRECTION_RTL);
  g_assert_cmpstr (vp_article_get_title (article), ==, "باغ‌های شهری را گسترش دهیم");
  g_assert_cmpstr (vp_article_get_site (article), ==, "روزنامه نمونه");
  assert_authors (article, "مریم احمدی", NULL);
}

/* Arabic is written right to left even when the page does not say so. */
static void
test_language_arabic_no_dir (void)
{
  g_autoptr(VpArticle) article = import_fixture ("rtl-arabic-no-dir.html");

  g_assert_cmpstr (vp_article_get_language (article), ==, "ar");
  g_assert_cmpint (vp_article_get_direction (article), ==, VP_TEXT_DIRECTION_RTL);
}

/* Without <html lang>, og:locale; and a US date in a meta. */
static void
test_language_locale (void)
{
  g_autoptr(VpArticle) article = import_fixture ("locale-only.html");

  g_assert_cmpstr (vp_article_get_language (article), ==, "pt");
  g_assert_cmpint (vp_article_get_direction (article), ==, VP_TEXT_DIRECTION_NONE);
  g_assert_cmpstr (vp_article_get_published (article), ==, "2020-12-31");
}

/* Hostile pages --------------------------------------------------------------- */

/* 100 000 nested elements, with headings and bylines at the bottom: the
 * walk must not recurse. */
static void
test_hostile_deep_nesting (void)
{
  g_autoptr(GString) page = g_string_new ("<html lang=\"en\"><head><title>Deep | Site</title>"
                                          "</head><body>");
  g_autoptr(VpArticle) article = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "<div class=\"byline\">");
  g_string_append (page, "<h1>Deep</h1><p>By Jane Roe</p>");
  for (guint i = 0; i < 4; i++)
    g_string_append (page, "<p>Every paragraph here is long enough to be read as the body of an "
                           "article rather than as a caption or a menu entry.</p>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</body></html>");

  /* Whatever the extractor makes of it, the import ends. */
  article = vp_html_import (page->str, page->len, "deep.html", &error);
  if (article != NULL)
    g_assert_nonnull (vp_article_get_title (article));
  else
    g_assert_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_NO_ARTICLE);
}

/* Thousands of byline-like elements and headings stay cheap. */
static void
test_hostile_many_candidates (void)
{
  g_autoptr(GString) page = g_string_new ("<html><head><title>Many</title></head><body><article>");
  g_autoptr(VpArticle) article = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append (page, "<h1>Many</h1><span class=\"author\">By</span>");
  for (guint i = 0; i < 4; i++)
    g_string_append (page, "<p>Every paragraph here is long enough to be read as the body of an "
                           "article rather than as a caption or a menu entry.</p>");
  g_string_append (page, "</article></body></html>");

  article = import_data (page->str, page->len);
  g_assert_cmpstr (vp_article_get_title (article), ==, "Many");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/html-metadata/title/og-suffix", test_title_og_suffix);
  g_test_add_func ("/vp/html-metadata/title/og-disagrees", test_title_og_disagrees);
  g_test_add_func ("/vp/html-metadata/title/title-element", test_title_element);
  g_test_add_func ("/vp/html-metadata/title/description", test_title_description);
  g_test_add_func ("/vp/html-metadata/title/escaped", test_title_escaped);
  g_test_add_func ("/vp/html-metadata/json-ld/graph", test_json_ld_graph);
  g_test_add_func ("/vp/html-metadata/json-ld/name", test_json_ld_name);
  g_test_add_func ("/vp/html-metadata/json-ld/deep", test_json_ld_deep);
  g_test_add_func ("/vp/html-metadata/authors/meta", test_authors_meta);
  g_test_add_func ("/vp/html-metadata/authors/forms", test_authors_forms);
  g_test_add_func ("/vp/html-metadata/authors/rel", test_authors_rel);
  g_test_add_func ("/vp/html-metadata/authors/byline-class", test_authors_byline_class);
  g_test_add_func ("/vp/html-metadata/authors/leading-byline", test_authors_leading_byline);
  g_test_add_func ("/vp/html-metadata/authors/byline-paragraph", test_authors_byline_paragraph);
  g_test_add_func ("/vp/html-metadata/authors/hidden", test_authors_hidden);
  g_test_add_func ("/vp/html-metadata/dates/forms", test_dates_forms);
  g_test_add_func ("/vp/html-metadata/dates/time-element", test_dates_time_element);
  g_test_add_func ("/vp/html-metadata/language/persian", test_language_persian);
  g_test_add_func ("/vp/html-metadata/language/arabic-no-dir", test_language_arabic_no_dir);
  g_test_add_func ("/vp/html-metadata/language/locale", test_language_locale);
  g_test_add_func ("/vp/html-metadata/hostile/deep-nesting", test_hostile_deep_nesting);
  g_test_add_func ("/vp/html-metadata/hostile/many-candidates", test_hostile_many_candidates);

  return g_test_run ();
}
