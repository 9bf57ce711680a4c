/* test-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-text"

#include "config.h"

#include <string.h>

#include "vp-text.h"

/* Normalising */

static void
test_normalise (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "  a  b\t\nc ", "a b c" },
    { "a\u00a0\u00a0b", "a b" },
    { "soft\u00adhyphen", "softhyphen" },
    { "zero\u200bwidth", "zerowidth" },
    { "", "" },
    { "bad \xff byte", "bad \uFFFD byte" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = vp_text_normalise (cases[i].in, -1);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Sentences */

typedef struct
{
  const char *text;
  const char *sentences;  /* joined with "|" */
} SentenceCase;

static const SentenceCase sentence_cases[] = {
  { "One. Two! Three? Four", "One.|Two!|Three?|Four" },
  { "  Leading and trailing space.  ", "Leading and trailing space." },
  { "", "" },
  /* Titles and party-state abbreviations */
  { "As Sen. Maria Lopez, D-Calif., said, the deal holds. Others disagree.",
    "As Sen. Maria Lopez, D-Calif., said, the deal holds.|Others disagree." },
  { "Dr. Okafor and Prof. Lind met Gov. Hale. Then they left.",
    "Dr. Okafor and Prof. Lind met Gov. Hale.|Then they left." },
  /* Initials */
  { "John F. Kennedy spoke. J. R. Ewing did not.", "John F. Kennedy spoke.|J. R. Ewing did not." },
  /* Dotted abbreviations end a sentence only before a likely sentence start */
  { "The U.S. military left. The U.S. Navy stayed.",
    "The U.S. military left.|The U.S. Navy stayed." },
  { "Aid came from the U.S. The rest came later.",
    "Aid came from the U.S.|The rest came later." },
  { "Talks, e.g. in Oman, helped. Good.", "Talks, e.g. in Oman, helped.|Good." },
  /* Quotes and brackets after the full stop */
  { "He said: \u201cWe will talk.\u201d Then he left.",
    "He said: \u201cWe will talk.\u201d|Then he left." },
  { "\u201cEnough,\u201d she said. \u201cNow go.\u201d",
    "\u201cEnough,\u201d she said.|\u201cNow go.\u201d" },
  { "It ended (at last.) We rested.", "It ended (at last.)|We rested." },
  /* Numbers */
  { "Growth was 3.5 percent in 2014. It fell to 1.2 later.",
    "Growth was 3.5 percent in 2014.|It fell to 1.2 later." },
  { "See No. 5 on the list. Done.", "See No. 5 on the list.|Done." },
  /* Lower case after a full stop */
  { "It cost approx. ten dollars. Fine.", "It cost approx. ten dollars.|Fine." },
  /* Ellipses */
  { "Wait\u2026 what? Nothing\u2026 Then silence.",
    "Wait\u2026 what?|Nothing\u2026|Then silence." },
  { "And so... We begin.", "And so...|We begin." },
  /* Companies and months */
  { "Shares of Acme Inc. rose. Acme Inc. said nothing.",
    "Shares of Acme Inc. rose.|Acme Inc. said nothing." },
  { "It began in Jan. 2020 and ended in Dec. The end.",
    "It began in Jan. 2020 and ended in Dec.|The end." },
};

static char *
join_sentences (const char *text)
{
  g_autoptr(GArray) spans = vp_text_split_sentences (text, -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      VpTextSpan span = g_array_index (spans, VpTextSpan, i);

      g_assert_cmpuint (span.start, <, span.end);
      g_assert_cmpuint (span.end, <=, strlen (text));
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, text + span.start, span.end - span.start);
    }

  return g_string_free (out, FALSE);
}

static void
test_sentences (gconstpointer data)
{
  const SentenceCase *c = data;
  g_autofree char *joined = join_sentences (c->text);

  g_assert_cmpstr (joined, ==, c->sentences);
}

static void
test_sentences_length (void)
{
  const char *text = "First one. Second one. Third";
  gsize length = strlen ("First one. Second one.");
  g_autoptr(GArray) spans = vp_text_split_sentences (text, length);

  /* Only the given bytes are read. */
  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, VpTextSpan, 1).end, ==, length);
}

static void
test_sentences_hostile (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) spans = NULL;

  /* Endless abbreviations and stops, and bytes that are not UTF-8: it
   * must end, linearly, with spans inside the text. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "U.S. Sen. . ... \xe2\x80 \xff? ");

  spans = vp_text_split_sentences (text->str, text->len);
  g_assert_cmpuint (spans->len, >, 0);
  for (guint i = 0; i < spans->len; i++)
    g_assert_cmpuint (g_array_index (spans, VpTextSpan, i).end, <=, text->len);
}

/* Headings */

static void
test_heading (void)
{
  static const struct { const char *text; gboolean heading; } cases[] = {
    { "The way forward", TRUE },
    { "Why the river matters", TRUE },
    { "  A plan for 2030  ", TRUE },
    { "\u201cNo more delays\u201d", TRUE },
    { "Tehran\u2019s choice", TRUE },
    { "The way forward.", FALSE },
    { "What should we do?", FALSE },
    { "Here is the list:", FALSE },
    { "\u201cWe will act,\u201d", FALSE },
    { "the way forward", FALSE },
    { "June 27, 2014", FALSE },
    { "1,204 Views", FALSE },
    { "One two three four five six seven eight nine ten eleven twelve thirteen", FALSE },
    { "", FALSE },
    { "   ", FALSE },
    { "42", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (vp_text_looks_like_heading (cases[i].text, -1) != cases[i].heading)
        g_error ("“%s” should %sbe a heading", cases[i].text, cases[i].heading ? "" : "not ");
    }
}

/* Markers */

typedef struct
{
  const char        *text;
  VpTextMarkerKind   kind;
  const char        *label;
  guint              number;
  guint              letter;
  guint              roman;
  char               style;
  const char        *rest;
} MarkerCase;

static const MarkerCase marker_cases[] = {
  { "1. Talk", VP_TEXT_MARKER_NUMBER, "1", 1, 0, 0, '.', "Talk" },
  { "12) Trade", VP_TEXT_MARKER_NUMBER, "12", 12, 0, 0, ')', "Trade" },
  { "(3)   Wait", VP_TEXT_MARKER_NUMBER, "3", 3, 0, 0, '(', "Wait" },
  { "  4.\u00a0Indented", VP_TEXT_MARKER_NUMBER, "4", 4, 0, 0, '.', "Indented" },
  { "b) Letter", VP_TEXT_MARKER_LETTER, "b", 0, 2, 0, ')', "Letter" },
  { "(C) Capital", VP_TEXT_MARKER_LETTER, "C", 0, 3, 100, '(', "Capital" },
  { "iv. Roman", VP_TEXT_MARKER_LETTER, "iv", 0, 0, 4, '.', "Roman" },
  { "XII. Capital roman", VP_TEXT_MARKER_LETTER, "XII", 0, 0, 12, '.', "Capital roman" },
  { "i. Either", VP_TEXT_MARKER_LETTER, "i", 0, 9, 1, '.', "Either" },
  { "\u2022 Bullet", VP_TEXT_MARKER_BULLET, "", 0x2022, 0, 0, 0, "Bullet" },
  { "- Dash", VP_TEXT_MARKER_BULLET, "", '-', 0, 0, 0, "Dash" },
  { "* Star", VP_TEXT_MARKER_BULLET, "", '*', 0, 0, 0, "Star" },
  { "\u2013 En dash", VP_TEXT_MARKER_BULLET, "", 0x2013, 0, 0, 0, "En dash" },
};

static const char * const not_markers[] = {
  "2014. That year", "1.5 million people", "1.", "1. ", "Iv. Mixed case", "In. No",
  "mix. Too big a numeral", "iiii. Not canonical", "-dash", "(1 unclosed", "1:", "",
  "Plain text", "1000. Too many digits", "\u2022", "ab. two letters",
};

static void
test_marker (gconstpointer data)
{
  const MarkerCase *c = data;
  VpTextMarker marker;

  g_assert_true (vp_text_parse_marker (c->text, strlen (c->text), &marker));
  g_assert_cmpint (marker.kind, ==, c->kind);
  g_assert_cmpuint (marker.label_end - marker.label_start, ==, strlen (c->label));
  g_assert_true (strncmp (c->text + marker.label_start, c->label, strlen (c->label)) == 0);
  g_assert_cmpuint (marker.number, ==, c->number);
  g_assert_cmpuint (marker.letter, ==, c->letter);
  g_assert_cmpuint (marker.roman, ==, c->roman);
  g_assert_cmpint (marker.style, ==, c->style);
  g_assert_cmpstr (c->text + marker.length, ==, c->rest);
}

static void
test_not_marker (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (not_markers); i++)
    {
      VpTextMarker marker;

      if (vp_text_parse_marker (not_markers[i], strlen (not_markers[i]), &marker))
        g_error ("“%s” is not a list marker", not_markers[i]);
    }
}

static gboolean
follows (const char *a,
         const char *b)
{
  VpTextMarker ma;
  VpTextMarker mb;

  g_assert_true (vp_text_parse_marker (a, strlen (a), &ma));
  g_assert_true (vp_text_parse_marker (b, strlen (b), &mb));

  return vp_text_marker_follows (&ma, &mb);
}

static void
test_marker_sequence (void)
{
  g_assert_true (follows ("1. x", "2. x"));
  g_assert_true (follows ("(9) x", "(10) x"));
  g_assert_true (follows ("a) x", "b) x"));
  g_assert_true (follows ("h. x", "i. x"));    /* a letter */
  g_assert_true (follows ("i. x", "j. x"));    /* a letter */
  g_assert_true (follows ("i. x", "ii. x"));   /* a numeral */
  g_assert_true (follows ("iv. x", "v. x"));
  g_assert_true (follows ("IX. x", "X. x"));
  g_assert_true (follows ("\u2022 x", "\u2022 y"));

  g_assert_false (follows ("1. x", "3. x"));
  g_assert_false (follows ("1. x", "2) x"));   /* another style */
  g_assert_false (follows ("a. x", "B. x"));   /* another case */
  g_assert_false (follows ("1. x", "b. x"));
  g_assert_false (follows ("\u2022 x", "- y"));
  g_assert_false (follows ("2. x", "1. x"));
}

static void
test_marker_first (void)
{
  static const struct { const char *text; gboolean first; } cases[] = {
    { "1. x", TRUE }, { "a) x", TRUE }, { "i. x", TRUE }, { "(A) x", TRUE }, { "I. x", TRUE },
    { "\u2022 x", TRUE }, { "2. x", FALSE }, { "b. x", FALSE }, { "ii. x", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      VpTextMarker marker;

      g_assert_true (vp_text_parse_marker (cases[i].text, strlen (cases[i].text), &marker));
      g_assert_cmpint (vp_text_marker_is_first (&marker), ==, cases[i].first);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/text/normalise", test_normalise);

  for (guint i = 0; i < G_N_ELEMENTS (sentence_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vp/text/sentences/%u", i);

      g_test_add_data_func (path, &sentence_cases[i], test_sentences);
    }
  g_test_add_func ("/vp/text/sentences/length", test_sentences_length);
  g_test_add_func ("/vp/text/sentences/hostile", test_sentences_hostile);

  g_test_add_func ("/vp/text/heading", test_heading);

  for (guint i = 0; i < G_N_ELEMENTS (marker_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vp/text/marker/%u", i);

      g_test_add_data_func (path, &marker_cases[i], test_marker);
    }
  g_test_add_func ("/vp/text/marker/rejected", test_not_marker);
  g_test_add_func ("/vp/text/marker/sequence", test_marker_sequence);
  g_test_add_func ("/vp/text/marker/first", test_marker_first);

  return g_test_run ();
}
