/* test-encoding.c: charset detection and decoding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vp-encoding.h"
#include "vp-error.h"

static void
test_bom (void)
{
  g_assert_cmpint (vp_encoding_sniff_bom ("\xEF\xBB\xBF<p>", 6), ==, VP_BOM_UTF8);
  g_assert_cmpint (vp_encoding_sniff_bom ("\xFF\xFE<\0", 4), ==, VP_BOM_UTF16LE);
  g_assert_cmpint (vp_encoding_sniff_bom ("\xFE\xFF\0<", 4), ==, VP_BOM_UTF16BE);
  g_assert_cmpint (vp_encoding_sniff_bom ("<html>", 6), ==, VP_BOM_NONE);
  g_assert_cmpint (vp_encoding_sniff_bom ("\xEF\xBB", 2), ==, VP_BOM_NONE);
  g_assert_cmpint (vp_encoding_sniff_bom ("", 0), ==, VP_BOM_NONE);
}

static void
test_sniff_html (void)
{
  static const struct {
    const char *html;
    const char *charset;
  } cases[] = {
    { "<html><head><meta charset=\"UTF-8\"></head>", "utf-8" },
    { "<head><META CHARSET=windows-1252>", "windows-1252" },
    { "<meta charset='iso-8859-1' />", "iso-8859-1" },
    { "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", "shift_jis" },
    { "<meta content=\"text/html;charset=gb2312\" http-equiv=\"content-type\">", "gb2312" },
    { "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>", "iso-8859-15" },
    /* A commented-out declaration does not count. */
    { "<!-- <meta charset=\"koi8-r\"> --><meta charset=\"utf-8\">", "utf-8" },
    { "<meta name=\"description\" content=\"a page\"><title>x</title>", NULL },
    { "<p>charset=utf-8 in the text is not a declaration</p>", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (vp_encoding_sniff_html (cases[i].html, strlen (cases[i].html)), ==,
                     cases[i].charset);
}

static void
test_sniff_html_late_declaration (void)
{
  g_autoptr(GString) page = g_string_new ("<html><head><script>");

  /* Saved pages often carry long scripts before their meta element. */
  for (guint i = 0; i < 2000; i++)
    g_string_append (page, "var a = 1; ");
  g_string_append (page, "</script><meta charset=\"windows-1251\"></head>");

  g_assert_cmpstr (vp_encoding_sniff_html (page->str, page->len), ==, "windows-1251");
}

static void
test_binary (void)
{
  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  static const char text_with_nul[] = "<p>hello\0world</p>";
  static const char utf16[] = "\xFF\xFE<\0p\0>\0";
  static const char page[] = "<p>An ordinary page\twith a tab.</p>\r\n";

  g_assert_true (vp_encoding_looks_binary (png, sizeof png - 1));
  g_assert_true (vp_encoding_looks_binary ("%PDF-1.7\n", 9));
  g_assert_true (vp_encoding_looks_binary ("PK\x03\x04zip", 7));
  g_assert_true (vp_encoding_looks_binary (text_with_nul, sizeof text_with_nul - 1));
  g_assert_false (vp_encoding_looks_binary (utf16, sizeof utf16 - 1));
  g_assert_false (vp_encoding_looks_binary (page, sizeof page - 1));
}

static char *
decode (const char  *data,
        gsize        length,
        const char  *charset,
        GError     **error)
{
  gsize out_length = 0;
  char *text = vp_encoding_to_utf8 (data, length, charset, &out_length, error);

  if (text != NULL)
    {
      g_assert_true (g_utf8_validate (text, out_length, NULL));
      g_assert_cmpuint (strlen (text), ==, out_length);
    }

  return text;
}

static void
test_decode_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = decode ("caf\xC3\xA9", 5, NULL, &error);
  g_autofree char *bom = decode ("\xEF\xBB\xBF" "caf\xC3\xA9", 8, NULL, &error);
  /* Valid UTF-8 wins over a label that does not fit its bytes. */
  g_autofree char *mislabelled = decode ("\xE2\x80\x9Cquoted\xE2\x80\x9D", 12, "shift_jis", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (plain, ==, "café");
  g_assert_cmpstr (bom, ==, "café");
  g_assert_cmpstr (mislabelled, ==, "“quoted”");
}

static void
test_decode_cp1252 (void)
{
  g_autoptr(GError) error = NULL;
  /* Curly quotes, an en dash, the euro sign and é in windows-1252. */
  g_autofree char *text = decode ("\x93" "caf\xE9\x94 \x96 \x80" "5", 11, NULL, &error);
  /* 0x81 is undefined in windows-1252 and still decodes. */
  g_autofree char *undefined = decode ("a\x81z", 3, "windows-1252", &error);
  /* An unknown label falls back to windows-1252 too. */
  g_autofree char *unknown = decode ("na\xEFve", 5, "x-no-such-charset", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "“café” – €5");
  g_assert_cmpstr (undefined, ==, "a\xC2\x81z");
  g_assert_cmpstr (unknown, ==, "naïve");
}

static void
test_decode_declared (void)
{
  g_autoptr(GError) error = NULL;
  /* "日本" in Shift_JIS: not valid UTF-8, so the label is used. */
  g_autofree char *japanese = decode ("\x93\xfa\x96\x7b", 4, "shift_jis", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (japanese, ==, "日本");
}

static void
test_decode_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *le = decode ("\xFF\xFE" "c\0a\0f\0\xE9\0", 10, NULL, &error);
  g_autofree char *be = decode ("\xFE\xFF" "\0c\0a\0f\0\xE9", 10, "utf-8", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (le, ==, "café");
  g_assert_cmpstr (be, ==, "café");
}

static void
test_decode_bad_utf16 (void)
{
  g_autoptr(GError) error = NULL;
  /* An odd number of bytes after a UTF-16 byte-order mark. */
  g_autofree char *text = decode ("\xFF\xFE" "a\0b", 5, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "UTF-16"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/encoding/bom", test_bom);
  g_test_add_func ("/vp/encoding/sniff-html", test_sniff_html);
  g_test_add_func ("/vp/encoding/sniff-html-late", test_sniff_html_late_declaration);
  g_test_add_func ("/vp/encoding/binary", test_binary);
  g_test_add_func ("/vp/encoding/utf8", test_decode_utf8);
  g_test_add_func ("/vp/encoding/cp1252", test_decode_cp1252);
  g_test_add_func ("/vp/encoding/declared", test_decode_declared);
  g_test_add_func ("/vp/encoding/utf16", test_decode_utf16);
  g_test_add_func ("/vp/encoding/bad-utf16", test_decode_bad_utf16);

  return g_test_run ();
}
