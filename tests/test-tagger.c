/* test-tagger.c: finding the mentions of actors in text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vp-tagger.h"

#define TEST_BLOCK 7

static VpTagger *
default_tagger (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new_default ();

  return vp_tagger_new (set);
}

/* A tagger for the actors in @body, the inside of an <actors> element. */
static VpTagger *
tagger_for (const char *body)
{
  g_autofree char *xml = NULL;
  g_autoptr(VpActorSet) set = NULL;
  g_autoptr(GError) error = NULL;

  xml = g_strdup_printf ("<actors xmlns=\"" VP_ACTOR_SET_NAMESPACE "\" version=\"1\">%s</actors>",
                         body);
  set = vp_actor_set_new_from_data (xml, strlen (xml), "test.xml", &error);
  g_assert_no_error (error);

  return vp_tagger_new (set);
}

/* The mentions @tagger finds in @text, as "actor:text" separated by
 * spaces, after checking what every mention must be. */
static char *
tag (VpTagger   *tagger,
     const char *text)
{
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));
  GString *out = g_string_new (NULL);
  guint previous_end = 0;

  vp_tagger_scan (tagger, text, TEST_BLOCK, mentions);

  for (guint i = 0; i < mentions->len; i++)
    {
      const VpMention *mention = &g_array_index (mentions, VpMention, i);

      g_assert_cmpint (mention->block, ==, TEST_BLOCK);
      g_assert_true (mention->actor == g_intern_string (mention->actor));
      g_assert_cmpuint (mention->start, <, mention->end);
      g_assert_cmpuint (mention->end, <=, strlen (text));

      /* Mentions come in the order of the text and do not overlap, unless
       * several actors share one phrase. */
      if (i > 0 && g_array_index (mentions, VpMention, i - 1).start == mention->start)
        g_assert_cmpuint (g_array_index (mentions, VpMention, i - 1).end, ==, mention->end);
      else
        g_assert_cmpuint (mention->start, >=, previous_end);
      previous_end = mention->end;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:%.*s", mention->actor,
                              (int)(mention->end - mention->start), text + mention->start);
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *text;
  const char *expected;
} Case;

static void
check_cases (VpTagger   *tagger,
             const Case *cases,
             gsize       n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *found = tag (tagger, cases[i].text);
      /* Some cases are invalid UTF-8 on purpose; TAP output must not be. */
      g_autofree char *shown = g_utf8_make_valid (cases[i].text, -1);

      g_test_message ("“%s” → “%s”", shown, found);
      g_assert_cmpstr (found, ==, cases[i].expected);
    }
}

static void
test_whole_words (void)
{
  g_autoptr(VpTagger) tagger =
    tagger_for ("<actor id=\"iran\" name=\"Iran\"><alias>Iran</alias></actor>"
                "<actor id=\"oman\" name=\"Oman\"><alias>Oman</alias></actor>");
  static const Case cases[] = {
    { "Iran", "iran:Iran" },
    { "Iranian Iranians Irani Tiran Iran2 2Iran", "" },
    { "Iran, iran; IRAN.", "iran:Iran iran:iran iran:IRAN" },
    { "A woman from Omaha, an Omani, and Oman.", "oman:Oman" },
    { "(Iran)", "iran:Iran" },
    { "\"Iran\"", "iran:Iran" },
    { "Irán", "" },
    { "Iran\u0301", "" },  /* a combining mark belongs to the word */
    { "", "" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static void
test_possessive (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));
  static const Case cases[] = {
    { "Iran's", "iran:Iran" },
    { "Iran’s", "iran:Iran" },
    { "Iran‘s", "iran:Iran" },
    { "Tehran’s and Washington's aims", "iran:Tehran us:Washington" },
    { "the Saudis’ view", "saudi-arabia:Saudis" },
    { "Saudi Arabia’s", "saudi-arabia:Saudi Arabia" },
    { "the US’s allies", "us:US" },
  };
  const VpMention *mention;

  check_cases (tagger, cases, G_N_ELEMENTS (cases));

  /* The mention covers the name, not the apostrophe or the s. */
  vp_tagger_scan (tagger, "Iran’s", 0, mentions);
  g_assert_cmpuint (mentions->len, ==, 1);
  mention = &g_array_index (mentions, VpMention, 0);
  g_assert_cmpuint (mention->start, ==, 0);
  g_assert_cmpuint (mention->end, ==, 4);
}

static void
test_hyphenated (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  static const Case cases[] = {
    { "US-Iran talks", "us:US iran:Iran" },
    { "US–Iran talks", "us:US iran:Iran" },
    { "U.S.-Saudi ties", "us:U.S. saudi-arabia:Saudi" },
    { "an Iran-Saudi Arabia détente", "iran:Iran saudi-arabia:Saudi Arabia" },
    { "the Saudi-led coalition", "saudi-arabia:Saudi" },
    { "Iranian-Saudi-American", "iran:Iranian saudi-arabia:Saudi us:American" },
    { "anti-American", "us:American" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static void
test_us_pronoun (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  static const Case cases[] = {
    { "Tell us what the US wants.", "us:US" },
    { "Us? Not us. us!", "" },
    { "US", "us:US" },
    { "USA and usa", "us:USA" },
    { "the U.S. and the u.s.", "us:U.S." },
    { "U.S.A. and u.s.a.", "us:U.S.A." },
    { "the united states and the UNITED STATES", "us:united states us:UNITED STATES" },
    { "let us see, U.S. envoys told us", "us:U.S." },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static void
test_persian_gulf (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  static const Case cases[] = {
    { "the Persian Gulf", "" },
    { "the persian gulf", "" },
    { "the Persian Gulf’s waters", "" },
    { "the Persian\nGulf", "" },
    { "the Persian Gulf states", "" },
    { "Persian poetry", "iran:Persian" },
    { "Iran and the Persian Gulf", "iran:Iran" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static void
test_longest_match (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  g_autoptr(VpTagger) custom = NULL;
  static const Case cases[] = {
    { "Saudi Arabia", "saudi-arabia:Saudi Arabia" },
    { "Saudi  Arabia", "saudi-arabia:Saudi  Arabia" },
    { "Saudi officials", "saudi-arabia:Saudi" },
    { "the Kingdom of Saudi Arabia", "saudi-arabia:Kingdom of Saudi Arabia" },
    { "the United States of America", "us:United States of America" },
    { "the United States of Europe", "us:United States" },
    { "the Islamic Republic of Iran", "iran:Islamic Republic of Iran" },
    { "the Islamic Republic", "iran:Islamic Republic" },
    { "U.S.A.", "us:U.S.A." },
  };
  static const Case custom_cases[] = {
    { "the Atlantic Council", "sea:Atlantic Council" },
    { "the Atlantic Ocean", "ocean:Atlantic" },
    { "the Atlantic Council Ocean", "sea:Atlantic Council" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));

  custom = tagger_for ("<actor id=\"ocean\" name=\"Ocean\"><alias>Atlantic</alias></actor>"
                       "<actor id=\"sea\" name=\"Sea\"><alias>Atlantic Council</alias></actor>");
  check_cases (custom, custom_cases, G_N_ELEMENTS (custom_cases));
}

static void
test_exclusions (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  static const Case cases[] = {
    { "Latin America", "" },
    { "South American and Central American states", "" },
    { "North America", "" },
    { "Native Americans", "" },
    { "the Washington Post reported", "" },
    { "the Washington Institute", "" },
    { "George Washington", "" },
    { "Washington state", "" },
    { "the University of Washington", "" },
    { "the United Nations", "" },
    { "Arab states", "" },
    { "the Islamic Republic of Pakistan", "" },
    { "Latin America and America", "us:America" },
    { "Washington and the Washington Post", "us:Washington" },
    { "USA Today says USA", "us:USA" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static void
test_exclusion_of_one_actor (void)
{
  /* An exclusion keeps its own actor out, not another actor whose alias
   * is the same phrase. */
  g_autoptr(VpTagger) tagger =
    tagger_for ("<actor id=\"gulf\" name=\"Gulf\">"
                "<alias>Gulf</alias><exclude>Gulf Stream</exclude></actor>"
                "<actor id=\"stream\" name=\"Stream\"><alias>Gulf Stream</alias></actor>"
                "<actor id=\"off\" name=\"Off\" enabled=\"false\"><alias>Gulf</alias>"
                "<exclude>Gulf War</exclude></actor>");
  static const Case cases[] = {
    { "the Gulf Stream", "stream:Gulf Stream" },
    { "the Gulf", "gulf:Gulf" },
    /* Disabled actors neither find nor hide anything. */
    { "the Gulf War", "gulf:Gulf" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static void
test_case_sensitive (void)
{
  g_autoptr(VpTagger) tagger =
    tagger_for ("<actor id=\"who\" name=\"WHO\">"
                "<alias case-sensitive=\"true\">WHO</alias>"
                "<alias>World Health Organization</alias>"
                "<alias case-sensitive=\"true\">White House</alias>"
                "<alias case-sensitive=\"true\">Côte d'Ivoire</alias></actor>"
                "<actor id=\"iran\" name=\"Iran\"><alias>Iran</alias><alias>IRAN</alias></actor>");
  static const Case cases[] = {
    { "who said WHO", "who:WHO" },
    { "Who? Whom? WHO.", "who:WHO" },
    { "the world health organization", "who:world health organization" },
    { "White House, white house, WHITE HOUSE", "who:White House" },
    { "White\nHouse", "who:White\nHouse" },
    { "Côte d’Ivoire and côte d'ivoire", "who:Côte d’Ivoire" },
    /* Two aliases folding alike give one mention. */
    { "IRAN", "iran:IRAN" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static void
test_non_latin (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));
  static const Case cases[] = {
    /* Arabic: "Iran announced that the United States is talking to Saudi Arabia." */
    { "أعلنت إيران أن الولايات المتحدة تحاور السعودية.",
      "iran:إيران us:الولايات المتحدة saudi-arabia:السعودية" },
    /* Persian: "Iran and America" */
    { "ایران و آمریکا", "iran:ایران us:آمریکا" },
    /* Arabic and Persian letter forms, vowel marks and elongation. */
    { "ايران", "iran:ايران" },
    { "إِيرَان", "iran:إِيرَان" },
    { "ايـــران", "iran:ايـــران" },
    { "أمريكا", "us:أمريكا" },
    /* Right-to-left marks around a word do not hide it. */
    { "\u200Fإيران\u200F", "iran:إيران" },
    /* "Americans", with and without the zero-width non-joiner. */
    { "آمریکایی‌ها", "us:آمریکایی‌ها" },
    { "آمریکاییها", "us:آمریکاییها" },
  };
  const VpMention *mention;

  check_cases (tagger, cases, G_N_ELEMENTS (cases));

  /* Offsets are in bytes. */
  vp_tagger_scan (tagger, "قالت طهران", 0, mentions);
  g_assert_cmpuint (mentions->len, ==, 1);
  mention = &g_array_index (mentions, VpMention, 0);
  g_assert_cmpuint (mention->start, ==, strlen ("قالت "));
  g_assert_cmpuint (mention->end, ==, strlen ("قالت طهران"));
}

static void
test_zwnj (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  static const Case cases[] = {
    /* "Iranology": a zero-width non-joiner inside a word keeps it one word. */
    { "ایران‌شناسی", "" },
    /* One at the end of a word does not join it to the next. */
    { "ایران‌ و", "iran:ایران" },
    { "‌ایران", "iran:ایران" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static void
test_offsets (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));
  const char *text = "Ça va, Iran’s “US” envoy…";
  const VpMention *mention;

  vp_tagger_scan (tagger, text, VP_MENTION_TITLE, mentions);
  g_assert_cmpuint (mentions->len, ==, 2);

  mention = &g_array_index (mentions, VpMention, 0);
  g_assert_true (mention->actor == g_intern_string ("iran"));
  g_assert_cmpint (mention->block, ==, VP_MENTION_TITLE);
  g_assert_cmpuint (mention->start, ==, strlen ("Ça va, "));
  g_assert_cmpuint (mention->end, ==, strlen ("Ça va, Iran"));

  mention = &g_array_index (mentions, VpMention, 1);
  g_assert_true (mention->actor == g_intern_string ("us"));
  g_assert_cmpuint (mention->start, ==, strlen ("Ça va, Iran’s “"));
  g_assert_cmpuint (mention->end, ==, strlen ("Ça va, Iran’s “US"));

  /* Scanning appends. */
  vp_tagger_scan (tagger, "Riyadh", 3, mentions);
  g_assert_cmpuint (mentions->len, ==, 3);
  g_assert_cmpint (g_array_index (mentions, VpMention, 2).block, ==, 3);
}

static void
test_dots_and_spaces (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  static const Case cases[] = {
    { "in the U.S.", "us:U.S." },
    { "U. S. forces", "" },
    { "the U.S.-Iran", "us:U.S. iran:Iran" },
    { "United\nStates", "us:United\nStates" },
    { "United\u00A0States", "us:United\u00A0States" },
    { "United-States", "" },
    { "UnitedStates", "" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static void
test_enabled_only (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new_default ();
  g_autoptr(VpTagger) before = vp_tagger_new (set);
  g_autoptr(VpTagger) after = NULL;
  g_autoptr(VpTagger) none = NULL;
  g_autoptr(VpActorSet) empty = vp_actor_set_new ();
  g_autofree char *found_before = NULL;
  g_autofree char *found_after = NULL;
  g_autofree char *found_again = NULL;
  g_autofree char *found_none = NULL;

  found_before = tag (before, "Iraq, Syria and Iran");
  g_assert_cmpstr (found_before, ==, "iran:Iran");

  vp_actor_set_enabled (vp_actor_set_lookup (set, "iraq"), TRUE);
  vp_actor_set_enabled (vp_actor_set_lookup (set, "iran"), FALSE);
  after = vp_tagger_new (set);
  found_after = tag (after, "Iraq, Syria and Iran");
  g_assert_cmpstr (found_after, ==, "iraq:Iraq");

  /* A tagger keeps the actors it was made from. */
  found_again = tag (before, "Iraq, Syria and Iran");
  g_assert_cmpstr (found_again, ==, "iran:Iran");

  none = vp_tagger_new (empty);
  found_none = tag (none, "Iraq, Syria and Iran");
  g_assert_cmpstr (found_none, ==, "");
}

static void
test_all_defaults_enabled (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new_default ();
  g_autoptr(VpTagger) tagger = NULL;
  static const Case cases[] = {
    { "the Persian Gulf states", "gcc:Persian Gulf states" },
    { "the Islamic State of Iraq and Syria", "islamic-state:Islamic State of Iraq and Syria" },
    { "the Islamic State of Iraq and al-Sham", "islamic-state:Islamic State of Iraq and al-Sham" },
    { "the Islamic Republic of Pakistan", "pakistan:Islamic Republic of Pakistan" },
    { "the United Nations", "un:United Nations" },
    { "the UN and the U.N.", "un:UN un:U.N." },
    { "Turkey, not a turkey", "turkey:Turkey" },
    { "al-Qaeda and al Qaida", "al-qaeda:al-Qaeda al-qaeda:al Qaida" },
    { "the Gulf of Oman", "" },
  };

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (set)); i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (set), i);

      vp_actor_set_enabled (actor, TRUE);
    }

  tagger = vp_tagger_new (set);
  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

/* A paragraph written for this test, with its mentions counted by hand:
 *   us:    Washington, U.S., United States, America’s, US (of US-Iran) = 5
 *          (not: us, us, Washington Institute, Latin American)
 *   iran:  Tehran, Iran’s, Iranian, Iran (of US-Iran), Iran (of Iran–Iraq) = 5
 *          (not: Persian Gulf)
 *   saudi-arabia: Riyadh, Saudi, Saudis, Saudi Arabia = 4
 *          (not: Arab states) */
static const char paragraph[] =
  "Washington and Tehran traded accusations on Monday, while Riyadh stayed silent. "
  "A U.S. envoy said the United States would not ease sanctions until Iran’s leaders "
  "returned to talks; Iranian officials replied that America’s demands were unrealistic. "
  "Saudi diplomats, for their part, told us that the Saudis want calm in the Persian Gulf "
  "and that the other Arab states agree. Analysts at the Washington Institute noted that "
  "US-Iran contacts rarely include Saudi Arabia, and that Latin American governments "
  "watch from afar. Let us not forget the Iran–Iraq war.";

static void
count_by_actor (const GArray *mentions,
                guint        *us,
                guint        *iran,
                guint        *saudi)
{
  *us = *iran = *saudi = 0;

  for (guint i = 0; i < mentions->len; i++)
    {
      const char *actor = g_array_index (mentions, VpMention, i).actor;

      if (actor == g_intern_string ("us"))
        (*us)++;
      else if (actor == g_intern_string ("iran"))
        (*iran)++;
      else if (actor == g_intern_string ("saudi-arabia"))
        (*saudi)++;
      else
        g_assert_not_reached ();
    }
}

static void
test_paragraph_counts (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));
  guint us, iran, saudi;

  vp_tagger_scan (tagger, paragraph, 0, mentions);
  count_by_actor (mentions, &us, &iran, &saudi);

  g_assert_cmpuint (us, ==, 5);
  g_assert_cmpuint (iran, ==, 5);
  g_assert_cmpuint (saudi, ==, 4);
}

static void
test_tag_article (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  g_autoptr(VpArticle) article = vp_article_new ("test.txt");
  const VpMention *mentions;
  guint n_mentions;

  vp_article_set_title (article, "Can Washington and Tehran agree?");
  vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH, paragraph));
  vp_article_take_block (article, vp_block_new (VP_BLOCK_HEADING, "Nothing to see"));
  vp_article_take_block (article, vp_block_new (VP_BLOCK_ITEM, "Talk to Riyadh."));

  vp_tagger_tag_article (tagger, article);

  g_assert_cmpuint (vp_article_count_mentions (article, "us"), ==, 6);
  g_assert_cmpuint (vp_article_count_mentions (article, "iran"), ==, 6);
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 5);

  mentions = vp_article_get_mentions (article, &n_mentions);
  g_assert_cmpuint (n_mentions, ==, 17);
  g_assert_cmpint (mentions[0].block, ==, VP_MENTION_TITLE);
  g_assert_true (mentions[0].actor == g_intern_string ("us"));
  g_assert_cmpint (mentions[1].block, ==, VP_MENTION_TITLE);
  g_assert_true (mentions[1].actor == g_intern_string ("iran"));
  g_assert_cmpint (mentions[n_mentions - 1].block, ==, 2);
  g_assert_true (mentions[n_mentions - 1].actor == g_intern_string ("saudi-arabia"));

  /* Tagging again replaces the mentions. */
  vp_tagger_tag_article (tagger, article);
  mentions = vp_article_get_mentions (article, &n_mentions);
  g_assert_cmpuint (n_mentions, ==, 17);
}

static void
test_large_set (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new ();
  g_autoptr(VpTagger) tagger = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));

  /* A thousand actors with four phrases each: the scan looks up each word
   * once whatever the number of phrases. (Not many more: GLib keeps the
   * superseded tables of interned strings on purpose, which the leak
   * checker of the sanitizer build would report.) */
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *id = g_strdup_printf ("actor-%u", i);
      g_autofree char *name = g_strdup_printf ("Actor%u", i);
      g_autofree char *long_name = g_strdup_printf ("Republic of Actor%u", i);
      g_autofree char *short_name = g_strdup_printf ("A%u", i);
      g_autofree char *exclusion = g_strdup_printf ("Actor%u Street", i);
      g_autoptr(VpActor) actor = vp_actor_new (id, name);

      vp_actor_add_alias (actor, name, FALSE);
      vp_actor_add_alias (actor, long_name, FALSE);
      vp_actor_add_alias (actor, short_name, TRUE);
      vp_actor_add_exclusion (actor, exclusion);
      vp_actor_set_add (set, actor);
    }

  tagger = vp_tagger_new (set);

  for (guint i = 0; i < 1000; i += 10)
    g_string_append_printf (text, "Actor%u met the Republic of Actor%u on Actor%u Street; "
                            "a%u and A%u. ", i, i + 1, i + 2, i + 3, i + 4);

  vp_tagger_scan (tagger, text->str, 0, mentions);
  g_assert_cmpuint (mentions->len, ==, 3 * 100);
  g_assert_true (g_array_index (mentions, VpMention, 0).actor == g_intern_string ("actor-0"));
  g_assert_true (g_array_index (mentions, VpMention, 1).actor == g_intern_string ("actor-1"));
  g_assert_true (g_array_index (mentions, VpMention, 2).actor == g_intern_string ("actor-4"));
}

static void
test_long_phrases (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new ();
  g_autoptr(VpActor) actor = vp_actor_new ("long", "Long");
  g_autoptr(VpTagger) tagger = NULL;
  g_autoptr(GString) many_words = g_string_new (NULL);
  g_autoptr(GString) long_word = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new ("Before ");
  g_autofree char *found = NULL;
  g_autofree char *expected = NULL;

  /* More tokens and longer words than a scan keeps on its stack. */
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (many_words, "%sw%u", i > 0 ? " " : "", i);
  for (guint i = 0; i < 400; i++)
    g_string_append_c (long_word, 'a' + i % 26);

  vp_actor_add_alias (actor, many_words->str, FALSE);
  vp_actor_add_alias (actor, long_word->str, FALSE);
  vp_actor_set_add (set, actor);
  tagger = vp_tagger_new (set);

  g_string_append_printf (text, "%s, %s and w0 w1.", many_words->str, long_word->str);
  found = tag (tagger, text->str);
  expected = g_strdup_printf ("long:%s long:%s", many_words->str, long_word->str);
  g_assert_cmpstr (found, ==, expected);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  static const Case cases[] = {
    { "Iran\xff Iran", "iran:Iran iran:Iran" },
    { "\xc3Iran", "iran:Iran" },
    { "Iran\xe2\x80", "iran:Iran" },
    { "\xff\xfe\xfd", "" },
  };

  check_cases (tagger, cases, G_N_ELEMENTS (cases));
}

static gpointer
scan_thread (gpointer data)
{
  VpTagger *tagger = data;
  guint total = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(GArray) mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));

      vp_tagger_scan (tagger, paragraph, 0, mentions);
      total += mentions->len;
    }

  return GUINT_TO_POINTER (total);
}

static void
test_threads (void)
{
  g_autoptr(VpTagger) tagger = default_tagger ();
  GThread *threads[4];

  /* One tagger serves the import threads at once. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("scan", scan_thread, vp_tagger_ref (tagger));

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, 200 * 14);
      vp_tagger_unref (tagger);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/tagger/whole-words", test_whole_words);
  g_test_add_func ("/vp/tagger/possessive", test_possessive);
  g_test_add_func ("/vp/tagger/hyphenated", test_hyphenated);
  g_test_add_func ("/vp/tagger/us-pronoun", test_us_pronoun);
  g_test_add_func ("/vp/tagger/persian-gulf", test_persian_gulf);
  g_test_add_func ("/vp/tagger/longest-match", test_longest_match);
  g_test_add_func ("/vp/tagger/exclusions", test_exclusions);
  g_test_add_func ("/vp/tagger/exclusion-of-one-actor", test_exclusion_of_one_actor);
  g_test_add_func ("/vp/tagger/case-sensitive", test_case_sensitive);
  g_test_add_func ("/vp/tagger/non-latin", test_non_latin);
  g_test_add_func ("/vp/tagger/zwnj", test_zwnj);
  g_test_add_func ("/vp/tagger/offsets", test_offsets);
  g_test_add_func ("/vp/tagger/dots-and-spaces", test_dots_and_spaces);
  g_test_add_func ("/vp/tagger/enabled-only", test_enabled_only);
  g_test_add_func ("/vp/tagger/all-defaults-enabled", test_all_defaults_enabled);
  g_test_add_func ("/vp/tagger/paragraph-counts", test_paragraph_counts);
  g_test_add_func ("/vp/tagger/tag-article", test_tag_article);
  g_test_add_func ("/vp/tagger/large-set", test_large_set);
  g_test_add_func ("/vp/tagger/long-phrases", test_long_phrases);
  g_test_add_func ("/vp/tagger/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/vp/tagger/threads", test_threads);

  return g_test_run ();
}
