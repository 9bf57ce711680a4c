/* test-byline.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-byline"

#include "config.h"

#include <string.h>

#include "vp-byline.h"

typedef struct
{
  const char *text;
  const char *authors;   /* joined with "|" */
  const char *outlet;
  const char *rest;      /* what follows the consumed bytes */
} BylineCase;

static const BylineCase accepted[] = {
  /* The shapes */
  { "By Jane Doe", "Jane Doe", NULL, "" },
  { "By Jane Doe and John Roe", "Jane Doe|John Roe", NULL, "" },
  { "By Jane Doe & John Roe", "Jane Doe|John Roe", NULL, "" },
  { "By Ann Lee, Bo Park and Cy Wong", "Ann Lee|Bo Park|Cy Wong", NULL, "" },
  { "By Ann Lee, Bo Park, and Cy Wong", "Ann Lee|Bo Park|Cy Wong", NULL, "" },
  { "By Jane Doe for The Daily Ledger", "Jane Doe", "The Daily Ledger", "" },
  { "By Jane Doe, for Harbour Review", "Jane Doe", "Harbour Review", "" },
  { "By Jane Doe and John Roe for War on the Rocks", "Jane Doe|John Roe", "War on the Rocks", "" },
  { "BY JANE DOE AND JOHN ROE", "JANE DOE|JOHN ROE", NULL, "" },
  { "By: Jane Doe", "Jane Doe", NULL, "" },
  { "By Jane Doe, Wireline", "Jane Doe", "Wireline", "" },
  { "By Jane Doe.", "Jane Doe", NULL, "" },

  /* Spaces: non-breaking, doubled, around the separator */
  { "By\u00a0 Karim Haddad Nouri for Gulf Courier \u2013\u00a0 Rivers are rising fast.",
    "Karim Haddad Nouri", "Gulf Courier", "Rivers are rising fast." },
  { "By  Jane   Doe  \u2014  The lead paragraph.", "Jane Doe", NULL, "The lead paragraph." },
  { "By Jane Doe - The lead paragraph.", "Jane Doe", NULL, "The lead paragraph." },
  { "By Jane Doe | Harbour Review", "Jane Doe", NULL, "Harbour Review" },
  { "By Jane Doe\u2013The lead paragraph.", "Jane Doe", NULL, "The lead paragraph." },
  { "By Jane Doe\nThe lead paragraph.", "Jane Doe", NULL, "The lead paragraph." },
  { "  By Jane Doe for Al Monitor \u2013 Text.", "Jane Doe", "Al Monitor", "Text." },

  /* Names */
  { "By J. R. Smith", "J. R. Smith", NULL, "" },
  { "By J.R. Smith and A. B. Cole", "J.R. Smith|A. B. Cole", NULL, "" },
  { "By Jean-Paul Dubois", "Jean-Paul Dubois", NULL, "" },
  { "By Siobhan O\u2019Neill and Liam O'Brien", "Siobhan O\u2019Neill|Liam O'Brien", NULL, "" },
  { "By Ahmad al-Rashid", "Ahmad al-Rashid", NULL, "" },
  { "By Khalid bin Salman", "Khalid bin Salman", NULL, "" },
  { "By Ursula von der Berg", "Ursula von der Berg", NULL, "" },
  { "By Pieter van Dijk and Ana de la Cruz", "Pieter van Dijk|Ana de la Cruz", NULL, "" },
  { "By Valéry d\u2019Estrée", "Valéry d\u2019Estrée", NULL, "" },
  { "By Dr. Mina Sato", "Dr. Mina Sato", NULL, "" },
  { "By John Smith, Jr. \u2013 Text.", "John Smith, Jr.", NULL, "Text." },
  { "By Björn Åkesson", "Björn Åkesson", NULL, "" },
  { "By June Carter", "June Carter", NULL, "" },
  { "By Cher and Jane Doe", "Cher|Jane Doe", NULL, "" },
  { "By Staff for Harbour Review", "Staff", "Harbour Review", "" },
};

static const char * const rejected[] = {
  "By the end of 2030, the region will need twice the water.",
  "By 2030 the region will need twice the water.",
  "By contrast, the northern provinces grew.",
  "By doing so the ministry lost its allies.",
  "By Tuesday Washington had changed its mind.",
  "By Friday \u2013 or so officials hoped \u2013 the talks would end.",
  "By The Numbers",
  "By March, prices had doubled.",
  "By then, nobody cared.",
  "By far the largest donor is Norway.",
  "By law, ministers must declare their assets.",
  "By Jane Doe and",
  "By Jane Doe for",
  "By Jane de",
  "By",
  "By ",
  "Bystanders fled the square.",
  "Jane Doe",
  "",
  "By Jane Doe was the first to write about it.",
  "By Jane Doe, a senior fellow at the institute \u2013 text",
  "By Jane Doe. More text follows here.",
  "By Design",
  "By Example \u2013 how to lead.",
};

static char *
join_authors (char **authors)
{
  return g_strjoinv ("|", authors);
}

static void
test_accepted (gconstpointer data)
{
  const BylineCase *c = data;
  g_auto(VpByline) byline = { 0 };
  g_autofree char *authors = NULL;

  g_assert_true (vp_byline_parse (c->text, &byline));
  g_assert_nonnull (byline.authors);

  authors = join_authors (byline.authors);
  g_assert_cmpstr (authors, ==, c->authors);
  g_assert_cmpstr (byline.outlet, ==, c->outlet);
  g_assert_cmpuint (byline.consumed, <=, strlen (c->text));
  g_assert_cmpstr (c->text + byline.consumed, ==, c->rest);
}

static void
test_rejected (gconstpointer data)
{
  const char *text = data;
  g_auto(VpByline) byline = { 0 };

  g_assert_false (vp_byline_parse (text, &byline));
  g_assert_null (byline.authors);
  g_assert_null (byline.outlet);
}

static void
test_consumed_whole (void)
{
  const char *text = "By Jane Doe for Harbour Review  ";
  g_auto(VpByline) byline = { 0 };

  /* A byline that is the whole paragraph consumes all of it, trailing
   * white space included. */
  g_assert_true (vp_byline_parse (text, &byline));
  g_assert_cmpuint (byline.consumed, ==, strlen (text));
}

static void
test_clear (void)
{
  VpByline byline = { 0 };

  g_assert_true (vp_byline_parse ("By Jane Doe for Harbour Review", &byline));
  vp_byline_clear (&byline);
  g_assert_null (byline.authors);
  g_assert_null (byline.outlet);
  g_assert_cmpuint (byline.consumed, ==, 0);

  /* Clearing twice is harmless. */
  vp_byline_clear (&byline);
}

static void
test_invalid_utf8 (void)
{
  g_auto(VpByline) byline = { 0 };

  /* Bytes that are not UTF-8 are no name; the parser must not read past
   * the end either. */
  g_assert_false (vp_byline_parse ("By \xff\xfe Doe", &byline));
  g_assert_false (vp_byline_parse ("By Jane \xf0", &byline));
}

static void
test_long_prose (void)
{
  g_autoptr(GString) text = g_string_new ("By Jane");

  /* A "name" of hundreds of capitalised words is prose, and costs little. */
  for (guint i = 0; i < 500; i++)
    g_string_append (text, " Doe");
  g_string_append (text, " \u2013 text");

  {
    g_auto(VpByline) byline = { 0 };

    g_assert_false (vp_byline_parse (text->str, &byline));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vp/byline/accepted/%u", i);

      g_test_add_data_func (path, &accepted[i], test_accepted);
    }

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vp/byline/rejected/%u", i);

      g_test_add_data_func (path, rejected[i], test_rejected);
    }

  g_test_add_func ("/vp/byline/consumed-whole", test_consumed_whole);
  g_test_add_func ("/vp/byline/clear", test_clear);
  g_test_add_func ("/vp/byline/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/vp/byline/long-prose", test_long_prose);

  return g_test_run ();
}
