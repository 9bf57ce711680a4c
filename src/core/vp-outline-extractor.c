/* vp-outline-extractor.c
 *
 * Builds an article's outline from its blocks: a section for every list
 * (and for "First, … Second, …" paragraphs and "1. …", "2. …" headings),
 * captioned by the heading and the lead-in sentence before it, and the
 * prescriptive sentences of its prose as recommendations.
 *
 * Everything here runs on every import, so it is one or two linear passes
 * over the blocks with hand-written scanning: no regular expressions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-outline-extractor"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-byline.h"
#include "vp-outline-extractor.h"
#include "vp-text.h"

/* Outline items nested deeper than this hang from the deepest level: the
 * views and exporters walk the tree recursively. */
#define MAX_DEPTH 8

/* Numbered paragraphs may have explanations between them ("1. Talk.",
 * "Why it matters…", "2. Trade."), but not many. */
#define MAX_ITEM_GAP 3

/* A lead-in's last sentence of this many words or fewer that announces no
 * count ("Here they are:") is read with the sentence before it. */
#define SHORT_LEAD_IN_WORDS 5

/* Words */

typedef struct
{
  const char *start;
  const char *end;
  gboolean    clause_start;  /* a comma, colon, bracket or dash stands before it */
  char        lower[24];     /* in lower-case ASCII with ' for ’; empty if longer */
} Word;

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_clause_break (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' ||
         c == '-' || c == 0x2013 || c == 0x2014;
}

/* Splits a sentence into words. Apostrophes and hyphens inside a word stay
 * in it ("Iran’s", "three-point"), as do full stops and commas between
 * digits ("2.5", "1,000"). This runs on every sentence of every article,
 * so ASCII, nearly all of the text, is handled without decoding. */
static void
split_words (const char *text,
             const char *end,
             GArray     *words)
{
  const char *p = text;
  gboolean clause_start = TRUE;

  g_array_set_size (words, 0);

  while (p < end)
    {
      const char *next;
      gunichar c;
      Word *word;
      gsize n = 0;

      if ((guchar)*p < 0x80)
        {
          c = (guchar)*p;
          next = p + 1;
          if (!g_ascii_isalnum (c))
            {
              if (is_clause_break (c))
                clause_start = TRUE;
              p = next;
              continue;
            }
        }
      else
        {
          c = vp_text_get_char (p, end, &next);
          if (!is_word_char (c))
            {
              if (is_clause_break (c))
                clause_start = TRUE;
              p = next;
              continue;
            }
        }

      g_array_set_size (words, words->len + 1);
      word = &g_array_index (words, Word, words->len - 1);
      word->start = p;
      word->clause_start = clause_start;
      clause_start = FALSE;

      while (p < end)
        {
          const char *after;

          if ((guchar)*p < 0x80)
            {
              c = (guchar)*p;
              next = p + 1;
            }
          else
            c = vp_text_get_char (p, end, &next);

          if (c < 0x80 ? g_ascii_isalnum (c) : is_word_char (c))
            ;
          else if ((is_apostrophe (c) || c == '-') && next < end && p > word->start &&
                   is_word_char (vp_text_get_char (next, end, &after)))
            ;
          else if ((c == '.' || c == ',') && p > word->start && g_ascii_isdigit (p[-1]) &&
                   next < end && g_ascii_isdigit (*next))
            ;
          else
            break;

          if (n + 1 < sizeof word->lower)
            {
              if (c >= 'A' && c <= 'Z')
                word->lower[n++] = c + ('a' - 'A');
              else if (c < 0x80)
                word->lower[n++] = c;
              else if (is_apostrophe (c))
                word->lower[n++] = '\'';
              else
                n = sizeof word->lower;
            }
          else
            n = sizeof word->lower;

          p = next;
        }

      word->end = p;
      word->lower[n < sizeof word->lower ? n : 0] = '\0';
    }
}

static gboolean
word_is (const Word *word,
         const char *lower)
{
  return word->lower[0] == lower[0] && strcmp (word->lower, lower) == 0;
}

static gboolean
word_in (const Word         *word,
         const char * const *list,
         gsize               n)
{
  if (word->lower[0] == '\0')
    return FALSE;

  /* Most words are none of these: compare the first letters first. */
  for (gsize i = 0; i < n; i++)
    {
      if (list[i][0] == word->lower[0] && strcmp (word->lower, list[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

#define WORD_IN(word, list) word_in ((word), (list), G_N_ELEMENTS (list))

static gboolean
ends_with (const char *word,
           const char *suffix)
{
  gsize len = strlen (word);
  gsize suffix_len = strlen (suffix);

  return len > suffix_len && strcmp (word + len - suffix_len, suffix) == 0;
}

/* Expected counts */

static const char * const count_words[] = {
  "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
  "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
  "nineteen", "twenty",
};

/* Nouns that count time, money and measures, not points. */
static const char * const quantity_words[] = {
  "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours",
  "minute", "minutes", "second", "seconds", "decade", "decades", "century", "centuries",
  "time", "times", "percent", "percentage", "per", "cent", "million", "millions",
  "billion", "billions", "trillion", "trillions", "thousand", "thousands", "hundred",
  "hundreds", "dozen", "dozens", "dollar", "dollars", "euro", "euros", "pound",
  "pounds", "cents", "yen", "mile", "miles", "kilometers", "kilometres", "km",
  "meters", "metres", "feet", "foot", "inches", "tons", "tonnes", "barrels", "degrees",
  "generations", "nights", "weekends", "o'clock", "am", "pm", "ago", "old",
};

/* Nouns that name the points of a list. */
static const char * const list_nouns[] = {
  "points", "steps", "ways", "things", "reasons", "fronts", "measures", "areas",
  "issues", "lessons", "priorities", "principles", "options", "ideas", "questions",
  "proposals", "recommendations", "goals", "objectives", "pillars", "elements",
  "factors", "components", "strategies", "actions", "changes", "approaches",
  "conditions", "challenges", "problems", "risks", "interests", "tasks", "rules",
  "facts", "takeaways", "moves", "scenarios", "levels", "dimensions",
  "tracks", "avenues", "paths", "policies", "initiatives", "demands", "aims",
  "benefits", "advantages", "concerns", "obstacles", "imperatives", "reforms",
  "criteria", "parts", "stages", "phases", "conclusions", "arguments",
};

static const char * const prepositions[] = {
  "in", "from", "across", "among", "at", "with", "by", "over", "for", "to", "into",
  "between", "within", "than", "under", "after", "before", "since", "during",
};

/* Words ending in "s" that are not plural nouns. */
static const char * const not_plurals[] = {
  "was", "has", "is", "its", "this", "thus", "always", "perhaps", "as", "us", "yes",
  "does", "less", "across", "unless", "besides", "towards", "afterwards", "whereas",
  "his", "hers", "ours", "theirs", "yours", "nevertheless", "regardless", "whose",
};

/* Words before a count that make it point back at something already
 * named: "the two countries", "all three", "both". */
static const char * const back_references[] = {
  "the", "these", "those", "its", "their", "our", "his", "her", "both", "all", "my",
  "your", "of",
};

static gboolean
is_plural_noun (const Word *word)
{
  const char *w = word->lower;
  gsize len = strlen (w);

  if (len < 3 || !g_ascii_islower (w[0]) || WORD_IN (word, not_plurals))
    return FALSE;

  if (g_str_equal (w, "criteria") || g_str_equal (w, "phenomena"))
    return TRUE;

  return w[len - 1] == 's' && !ends_with (w, "ss") && !ends_with (w, "us") &&
         !ends_with (w, "is") && strchr (w, '\'') == NULL;
}

/* The number a count word or numeral stands for, or 0. "three-point"
 * sets @compound. */
static int
word_count (const Word *word,
            const char *text_end,
            gboolean   *compound)
{
  char head[24];
  const char *dash;
  int value = 0;

  *compound = FALSE;

  if (word->lower[0] == '\0')
    return 0;

  g_strlcpy (head, word->lower, sizeof head);
  dash = strchr (head, '-');
  if (dash != NULL)
    {
      static const char * const kinds[] = { "point", "step", "part", "pronged", "pillar", "track" };
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (kinds) && !known; i++)
        known = g_str_equal (dash + 1, kinds[i]);
      if (!known)
        return 0;
      head[dash - head] = '\0';
      *compound = TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (count_words); i++)
    {
      if (g_str_equal (head, count_words[i]))
        return i + 2;
    }

  /* 2 to 99, not "3%" or "2.5" (split_words keeps "1,000" whole). */
  if (g_ascii_isdigit (head[0]) &&
      (head[1] == '\0' || (g_ascii_isdigit (head[1]) && head[2] == '\0')))
    {
      value = head[1] == '\0' ? head[0] - '0' : (head[0] - '0') * 10 + (head[1] - '0');
      if (word->end < text_end && *word->end == '%')
        return 0;
    }

  return value >= 2 && value <= 99 ? value : 0;
}

static int
expected_count_in_words (GArray     *words,
                         const char *text,
                         const char *end)
{
  int best = -1;
  int best_score = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);
      gboolean compound;
      int value = word_count (word, end, &compound);
      int score = 1;
      gboolean found = compound;
      gboolean list_noun = compound;
      guint noun = i;

      if (value == 0)
        continue;

      /* A currency sign before a numeral is money: "$4", "£4", "€4". */
      if (word->start > text &&
          (word->start[-1] == '$' ||
           (word->start - text >= 2 && memcmp (word->start - 2, "\u00a3", 2) == 0) ||
           (word->start - text >= 3 && memcmp (word->start - 3, "\u20ac", 3) == 0)))
        continue;

      if (compound)
        score += 2;

      /* A plural noun within a few words: "three fronts", "five concrete
       * steps", "the following 4 measures". */
      for (guint j = i + 1; !found && j < words->len && j <= i + 4; j++)
        {
          const Word *next = &g_array_index (words, Word, j);
          gboolean ignored;

          if (next->clause_start || WORD_IN (next, quantity_words) ||
              word_count (next, end, &ignored) > 0)
            break;

          if (is_plural_noun (next))
            {
              found = TRUE;
              noun = j;
              list_noun = WORD_IN (next, list_nouns);
              if (list_noun)
                score += 2;
            }
        }

      if (!found)
        continue;

      /* "the two countries" points back at something known; "the three
       * steps" may still announce them. */
      if (i > 0 && !word->clause_start &&
          WORD_IN (&g_array_index (words, Word, i - 1), back_references))
        score -= 2;

      /* "in 15 newsrooms brought up…" counts a sample; "on three fronts",
       * "in three places:" at the end of the lead-in announce. */
      if (i > 0 && !word->clause_start && !list_noun && noun + 1 < words->len &&
          WORD_IN (&g_array_index (words, Word, i - 1), prepositions))
        continue;

      if (score > 0 && score >= best_score)
        {
          best = value;
          best_score = score;
        }
    }

  return best;
}

/**
 * vp_outline_expected_count:
 * @lead_in: the sentence that introduces a list
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Reads how many points @lead_in announces: a count word from "two" to
 * "twenty", or a numeral from 2 to 99, followed within a few words by a
 * plural noun ("is key on three fronts", "the following 4 measures",
 * "a three-point plan"). Quantities that count something else (years,
 * percent, millions, dollars…) and definite references back ("the two
 * countries") are not counts.
 *
 * Returns: the number announced, or -1
 */
int
vp_outline_expected_count (const char *lead_in,
                           gssize      length)
{
  g_autoptr(GArray) words = NULL;

  g_return_val_if_fail (lead_in != NULL, -1);

  if (length < 0)
    length = strlen (lead_in);

  words = g_array_new (FALSE, FALSE, sizeof (Word));
  split_words (lead_in, lead_in + length, words);

  return expected_count_in_words (words, lead_in, lead_in + length);
}

/* Recommendations */

static const char * const adverbs[] = {
  "not", "never", "also", "therefore", "thus", "now", "still", "instead", "rather",
  "first", "then", "simply", "only", "again", "together", "at", "least", "all", "more",
  "most", "so", "even", "both", "either", "too", "no", "longer",
};

static const char * const not_verbs[] = {
  "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they",
  "we", "i", "you", "there", "to", "of", "in", "on", "for", "with", "and", "or", "but",
  "as", "at", "by", "from", "if", "so", "than", "any", "some",
};

/* Words that make a clause a question or an indirect one: "what Washington
 * should do", "whether Iran must". */
static const char * const question_words[] = {
  "whether", "what", "how", "why", "when", "where", "which", "who", "whom", "if",
};

/* "should be noted", "must be clear": a comment on the text, not advice. */
static const char * const comment_participles[] = {
  "noted", "said", "mentioned", "recalled", "remembered", "stressed", "emphasised",
  "emphasized", "pointed", "acknowledged", "admitted", "added", "conceded", "clear",
  "obvious", "evident", "apparent", "surprised", "true", "possible", "likely",
  "right", "wrong", "aware", "forgiven", "excused",
};

/* "one must admit", "we should note": comments, not advice, when the writer
 * or the reader is the subject ("Iran must admit its role" is advice). */
static const char * const comment_verbs[] = {
  "admit", "concede", "confess", "note", "say", "add", "acknowledge", "wonder",
};

static const char * const writer_or_reader[] = {
  "i", "we", "one", "you",
};

/* "must be puzzled", "should be proud": a state of mind, guessed at or
 * judged, not something anyone can be advised to do. */
static const char * const feeling_words[] = {
  "puzzled", "confused", "tired", "worried", "relieved", "pleased", "delighted",
  "disappointed", "frustrated", "bored", "curious", "happy", "glad", "proud", "ashamed",
  "angry", "upset", "nervous", "anxious", "exhausted", "amazed", "astonished", "shocked",
  "thrilled", "grateful", "embarrassed", "furious", "baffled",
};

/* "does not need to", "nobody has to": the absence of an obligation, which
 * advises nothing (unlike "must not" and "should not", which forbid). */
static const char * const obligation_negations[] = {
  "not", "never", "no", "nobody", "none", "neither", "nothing", "hardly", "doesn't",
  "don't", "didn't", "won't", "isn't", "aren't",
};

/* "Critics argue that the museum should charge": somebody else's advice,
 * which the writer reports (and often answers), unless the writer speaks
 * ("I would argue that", "we believe"). */
static const char * const reporting_verbs[] = {
  "say", "says", "said", "argue", "argues", "argued", "claim", "claims", "claimed",
  "insist", "insists", "insisted", "contend", "contends", "contended", "believe",
  "believes", "believed", "think", "thinks", "thought", "maintain", "maintains",
  "maintained", "suggest", "suggests", "suggested", "assert", "asserts", "asserted",
  "warn", "warns", "warned", "tell", "tells", "told",
};

/* A preposition that ends a clause right after the verb ("the neighbours
 * it must live with", "the risks we should guard against") leaves the verb
 * without its object: the modal sits in a relative clause that describes a
 * noun, not one that advises. Particles ("catch up", "step in") do end
 * advice, so they are not here. */
static const char * const stranded_prepositions[] = {
  "with", "about", "of", "for", "from", "at", "upon", "into", "against", "to",
};

/* "What the town should do is …" tells what to do, unless what follows
 * doubts it ("is unclear"). */
static const char * const cleft_doubts[] = {
  "not", "unclear", "uncertain", "open", "debatable", "disputed", "anyone's",
  "hard", "difficult", "less",
};

/* "should have a vital interest in", "must have a reason to": a judgement
 * of what is so, not of what is to be done. */
static const char * const judgement_nouns[] = {
  "interest", "interests", "stake", "stakes", "incentive", "incentives", "reason",
  "reasons", "motive", "motives", "motivation", "concern", "concerns", "desire", "doubt",
  "doubts", "fear", "fears", "problem", "problems", "difficulty", "trouble", "idea",
  "clue", "inkling", "feeling", "sense",
};

/* Past participles that are not in -ed or -en: "must have known". */
static const char * const participles[] = {
  "been", "done", "known", "seen", "had", "gone", "made", "taken", "given", "thought",
  "felt", "heard", "told", "said", "got", "gotten", "brought", "kept", "left", "lost",
  "met", "paid", "put", "run", "sent", "set", "won", "understood", "found", "meant",
  "become", "come", "begun", "drawn", "fought", "built", "sought", "taught", "held",
};

static const char * const essential_words[] = {
  "essential", "vital", "imperative", "crucial", "critical", "necessary", "important",
  "urgent", "time", "incumbent", "paramount",
};

static gboolean
is_adverb (const Word *word)
{
  return WORD_IN (word, adverbs) || (ends_with (word->lower, "ly") && strlen (word->lower) > 4);
}

static gboolean
is_participle (const Word *word)
{
  return WORD_IN (word, participles) ||
         ends_with (word->lower, "ed") || ends_with (word->lower, "en");
}

/* "It is essential that …", "It’s vital for …", "It is time to …",
 * starting at word @i. */
static gboolean
is_essential_clause_at (GArray *words,
                        guint   i)
{
  static const char * const comment_infinitives[] = {
    "note", "remember", "recall", "mention", "say", "add", "stress", "emphasise",
    "emphasize", "point", "understand", "realise", "realize", "acknowledge", "keep",
    "bear", "recognise", "recognize",
  };
  const Word *word = &g_array_index (words, Word, i);
  guint j = i + 1;
  const Word *link;

  if (i + 3 > words->len)
    return FALSE;

  if (word_is (word, "it"))
    {
      link = &g_array_index (words, Word, j);
      if (!word_is (link, "is") && !word_is (link, "remains") && !word_is (link, "becomes"))
        return FALSE;
      j++;
    }
  else if (!word_is (word, "it's"))
    return FALSE;

  /* "It is therefore absolutely essential" */
  while (j < words->len && j < i + 5 && is_adverb (&g_array_index (words, Word, j)) &&
         !WORD_IN (&g_array_index (words, Word, j), essential_words))
    j++;

  if (j + 1 >= words->len || !WORD_IN (&g_array_index (words, Word, j), essential_words))
    return FALSE;

  link = &g_array_index (words, Word, j + 1);
  if (word_is (link, "that") || word_is (link, "for") || word_is (link, "on") ||
      word_is (link, "upon"))
    return TRUE;

  /* "It is important to note that …" comments on the text. */
  return word_is (link, "to") && j + 2 < words->len &&
         !WORD_IN (&g_array_index (words, Word, j + 2), comment_infinitives);
}

/* "We call on …", "We urge …", "I therefore urge …", starting at @i. */
static gboolean
is_appeal_at (GArray *words,
              guint   i)
{
  const Word *word = &g_array_index (words, Word, i);
  guint j = i + 1;
  const Word *verb;

  if (!word_is (word, "we") && !word_is (word, "i"))
    return FALSE;

  while (j < words->len && j < i + 3 && is_adverb (&g_array_index (words, Word, j)) &&
         !word_is (&g_array_index (words, Word, j), "not"))
    j++;
  if (j >= words->len)
    return FALSE;

  verb = &g_array_index (words, Word, j);
  if (word_is (verb, "urge") || word_is (verb, "implore"))
    return TRUE;

  if ((word_is (verb, "call") || word_is (verb, "appeal")) && j + 1 < words->len)
    {
      const Word *prep = &g_array_index (words, Word, j + 1);

      return word_is (prep, "on") || word_is (prep, "upon") || word_is (prep, "to");
    }

  return FALSE;
}

/* Whether word @k is a verb of saying whose subject is not the writer:
 * "Critics argue", "the minister said", but not "I would argue" or "we
 * therefore believe". */
static gboolean
is_reporting_verb_at (GArray *words,
                      guint   k)
{
  if (!WORD_IN (&g_array_index (words, Word, k), reporting_verbs))
    return FALSE;

  for (guint b = k; b-- > 0 && b + 3 >= k; )
    {
      const Word *before = &g_array_index (words, Word, b);

      if (word_is (before, "i") || word_is (before, "we"))
        return FALSE;
    }

  return TRUE;
}

/* "What the trustees should do first is mend the roof": @j is the verb
 * after the modal, which must be "do", then "is" or "was", and no doubt. */
static gboolean
is_prescriptive_cleft (GArray *words,
                       guint   j)
{
  if (!word_is (&g_array_index (words, Word, j), "do"))
    return FALSE;

  for (j++; j < words->len && is_adverb (&g_array_index (words, Word, j)); j++)
    ;

  if (j + 1 >= words->len ||
      !(word_is (&g_array_index (words, Word, j), "is") ||
        word_is (&g_array_index (words, Word, j), "was")))
    return FALSE;

  return !WORD_IN (&g_array_index (words, Word, j + 1), cleft_doubts);
}

/* Whether the modal at @i ("should", "must", "ought to", "needs to", "has
 * to") has a subject before it in its clause and a verb after it, and is
 * not epistemic ("must have been", "should be noted", "must be
 * wondering"), a judgement ("should have a vital interest", "should be
 * proud"), the absence of an obligation ("does not need to"), advice
 * somebody else gives ("critics argue that … should") or part of a
 * relative clause ("the ones it must live with"). */
static gboolean
is_prescriptive_modal (GArray *words,
                       guint   i)
{
  const Word *modal = &g_array_index (words, Word, i);
  gboolean must;
  gboolean should;
  gboolean obligation = FALSE;
  gboolean cleft = FALSE;
  const Word *verb;
  guint j = i + 1;

  must = word_is (modal, "must") || word_is (modal, "mustn't");
  should = word_is (modal, "should") || word_is (modal, "shouldn't");

  if (!must && !should)
    {
      gboolean need = word_is (modal, "needs") || word_is (modal, "need");
      gboolean have = word_is (modal, "has") || word_is (modal, "have");

      obligation = need || have;

      if (!(need || have || word_is (modal, "ought")) || j >= words->len ||
          !word_is (&g_array_index (words, Word, j), "to"))
        return FALSE;

      /* "the need to", "no need to": a noun. */
      if (need && i > 0)
        {
          const Word *before = &g_array_index (words, Word, i - 1);

          if (word_is (before, "the") || word_is (before, "a") || word_is (before, "no") ||
              word_is (before, "any") || word_is (before, "an") || word_is (before, "urgent"))
            return FALSE;
        }

      /* "has to do with" */
      if (have && j + 2 < words->len && word_is (&g_array_index (words, Word, j + 1), "do") &&
          word_is (&g_array_index (words, Word, j + 2), "with"))
        return FALSE;

      j++;
    }

  /* A subject in the same clause, and no question word before it, but for
   * a sentence that opens with "What" (a pseudo-cleft, checked below). */
  if (modal->clause_start || i == 0)
    return FALSE;

  for (guint k = i; k-- > 0; )
    {
      const Word *before = &g_array_index (words, Word, k);

      if (k == 0 && word_is (before, "what"))
        cleft = TRUE;
      else if (WORD_IN (before, question_words))
        return FALSE;
      if (obligation && WORD_IN (before, obligation_negations))
        return FALSE;
      if (is_reporting_verb_at (words, k))
        return FALSE;
      if (before->clause_start)
        break;
    }

  while (j < words->len && j < i + 5 && is_adverb (&g_array_index (words, Word, j)))
    j++;
  if (j >= words->len)
    return FALSE;

  verb = &g_array_index (words, Word, j);
  if (verb->lower[0] == '\0' || !g_ascii_islower (verb->lower[0]) ||
      !g_ascii_islower (*verb->start) || WORD_IN (verb, not_verbs))
    return FALSE;

  if (WORD_IN (verb, comment_verbs) &&
      WORD_IN (&g_array_index (words, Word, i - 1), writer_or_reader))
    return FALSE;

  if (cleft && !is_prescriptive_cleft (words, j))
    return FALSE;

  if (!word_is (verb, "be") && !word_is (verb, "get") && j + 1 < words->len &&
      WORD_IN (&g_array_index (words, Word, j + 1), stranded_prepositions) &&
      (j + 2 == words->len || g_array_index (words, Word, j + 2).clause_start))
    return FALSE;

  if (word_is (verb, "have") && (must || should))
    {
      if (j + 1 < words->len && is_participle (&g_array_index (words, Word, j + 1)))
        return FALSE;

      for (guint k = j + 1; k < words->len && k <= j + 5; k++)
        {
          if (WORD_IN (&g_array_index (words, Word, k), judgement_nouns))
            return FALSE;
        }
    }

  if (word_is (verb, "be") && j + 1 < words->len)
    {
      const Word *next = &g_array_index (words, Word, j + 1);

      if (WORD_IN (next, comment_participles) || WORD_IN (next, feeling_words))
        return FALSE;

      /* "You must be wondering" */
      if (must && ends_with (next->lower, "ing"))
        return FALSE;
    }

  return TRUE;
}

static gboolean
ends_as_question (const char *text,
                  const char *end)
{
  while (end > text)
    {
      const char *prev = g_utf8_find_prev_char (text, end);
      gunichar c;

      if (prev == NULL)
        break;
      c = g_utf8_get_char_validated (prev, end - prev);
      if (c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' || c == 0x00BB)
        {
          end = prev;
          continue;
        }
      return c == '?';
    }

  return FALSE;
}

static gboolean
is_recommendation_in (const char *text,
                      const char *end,
                      GArray     *words)
{
  if (ends_as_question (text, end))
    return FALSE;

  split_words (text, end, words);

  /* Each pattern starts with a word of a few first letters. */
  for (guint i = 0; i < words->len; i++)
    {
      switch (g_array_index (words, Word, i).lower[0])
        {
        case 's': case 'm': case 'n': case 'h': case 'o':
          if (is_prescriptive_modal (words, i))
            return TRUE;
          break;

        case 'i':
          if (is_essential_clause_at (words, i) || is_appeal_at (words, i))
            return TRUE;
          break;

        case 'w':
          if (is_appeal_at (words, i))
            return TRUE;
          break;

        default:
          break;
        }
    }

  return FALSE;
}

/**
 * vp_outline_is_recommendation:
 * @sentence: one sentence
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Whether @sentence prescribes: a subject with "should", "must", "ought
 * to", "needs to" or "has to" and a verb ("Washington should talk to
 * Tehran", "Exporters should not be punished"), "What Washington should
 * do is …", "It is essential/vital/imperative… that …", or "We urge/call
 * on …". Questions, epistemic uses ("must have been", "should be noted",
 * "must be wondering"), judgements ("should have a vital interest in",
 * "should be proud"), the absence of an obligation ("does not need to",
 * "nobody has to"), advice the writer reports ("critics argue that … should")
 * and relative clauses ("the neighbours it must live with") are not.
 */
gboolean
vp_outline_is_recommendation (const char *sentence,
                              gssize      length)
{
  g_autoptr(GArray) words = NULL;

  g_return_val_if_fail (sentence != NULL, FALSE);

  if (length < 0)
    length = strlen (sentence);

  words = g_array_new (FALSE, FALSE, sizeof (Word));

  return is_recommendation_in (sentence, sentence + length, words);
}

/* Blocks */

typedef enum
{
  HEADING_NONE,
  HEADING_SECTION,  /* a heading a list stands under */
  HEADING_TOP,      /* a title opening the body: above it is the page, not the article */
  HEADING_MINOR,    /* h5, h6: ends a stretch, captions nothing */
} HeadingKind;

static guint
count_words_in (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }

  return n;
}

/* Whether block @i is a heading, or a paragraph that acts as one: all
 * bold, or a short title-like line with prose or a list after it. */
static HeadingKind
heading_kind (VpArticle *article,
              guint      i)
{
  const VpBlock *block = vp_article_get_block (article, i);
  guint n_blocks = vp_article_get_n_blocks (article);
  gsize len;

  /* The importers leave the title out of the body, so a level-1 heading
   * inside it is a section's (as in books and manuals), unless it opens
   * the body. */
  if (block->kind == VP_BLOCK_HEADING)
    {
      if (block->level <= 1 && i == 0)
        return HEADING_TOP;
      return block->level <= 4 ? HEADING_SECTION : HEADING_MINOR;
    }

  if (block->kind != VP_BLOCK_PARAGRAPH || i + 1 >= n_blocks)
    return HEADING_NONE;

  {
    const VpBlock *next = vp_article_get_block (article, i + 1);

    if (next->kind != VP_BLOCK_PARAGRAPH && next->kind != VP_BLOCK_ITEM &&
        next->kind != VP_BLOCK_QUOTE)
      return HEADING_NONE;
  }

  len = strlen (block->text);

  if ((block->flags & VP_BLOCK_FLAG_STRONG) != 0 && len > 0 && block->text[len - 1] != ':' &&
      count_words_in (block->text) <= 20)
    return HEADING_SECTION;

  if (!vp_text_looks_like_heading (block->text, len))
    return HEADING_NONE;

  /* "By Jane Doe" left in the body is short and unpunctuated too. */
  {
    g_auto(VpByline) byline = { 0 };

    if (vp_byline_parse (block->text, &byline))
      return HEADING_NONE;
  }

  return HEADING_SECTION;
}

static guint
max_list_id (VpArticle *article)
{
  guint n_blocks = vp_article_get_n_blocks (article);
  guint max = 0;

  for (guint i = 0; i < n_blocks; i++)
    max = MAX (max, vp_article_get_block (article, i)->list);

  return max;
}

static gboolean
paragraph_marker (const VpBlock *block,
                  VpTextMarker  *marker)
{
  if (block->kind != VP_BLOCK_PARAGRAPH ||
      !vp_text_parse_marker (block->text, strlen (block->text), marker))
    return FALSE;

  /* Numbered paragraphs count up from small numbers; "1990." is a year. */
  return marker->kind != VP_TEXT_MARKER_NUMBER || marker->number <= 100;
}

/* Moves the marker at the start of @block's text into its label. */
static void
take_marker (VpBlock            *block,
             const VpTextMarker *marker)
{
  char *text = g_strdup (block->text + marker->length);

  g_free (block->label);
  block->label = marker->kind == VP_TEXT_MARKER_BULLET ? NULL :
                 g_strndup (block->text + marker->label_start,
                            marker->label_end - marker->label_start);
  g_free (block->text);
  block->text = text;

  if (marker->kind != VP_TEXT_MARKER_BULLET)
    block->flags |= VP_BLOCK_FLAG_ORDERED;
}

/* Runs of paragraphs with sequential markers become lists. */
static void
list_numbered_paragraphs (VpArticle *article)
{
  guint n_blocks = vp_article_get_n_blocks (article);
  guint next_list = max_list_id (article);
  g_autoptr(GArray) run = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (VpTextMarker));
  guint i = 0;

  while (i < n_blocks)
    {
      VpTextMarker marker;
      VpTextMarker last;
      guint gap = 0;
      guint j;

      if (!paragraph_marker (vp_article_get_block (article, i), &marker))
        {
          i++;
          continue;
        }

      g_array_set_size (run, 0);
      g_array_set_size (markers, 0);
      g_array_append_val (run, i);
      g_array_append_val (markers, marker);
      last = marker;

      for (j = i + 1; j < n_blocks; j++)
        {
          const VpBlock *block = vp_article_get_block (article, j);
          VpTextMarker next;

          if (paragraph_marker (block, &next))
            {
              if (!vp_text_marker_follows (&last, &next))
                break;
              g_array_append_val (run, j);
              g_array_append_val (markers, next);
              last = next;
              gap = 0;
              continue;
            }

          /* Bullets stand next to each other; numbers may have prose
           * between them, but not a heading or another list. */
          if (marker.kind == VP_TEXT_MARKER_BULLET || block->kind == VP_BLOCK_HEADING ||
              block->kind == VP_BLOCK_ITEM || heading_kind (article, j) != HEADING_NONE ||
              ++gap > MAX_ITEM_GAP)
            break;
        }

      if (run->len < 2)
        {
          i++;
          continue;
        }

      next_list++;
      for (guint k = 0; k < run->len; k++)
        {
          VpBlock *block = vp_article_peek_block (article, g_array_index (run, guint, k));

          take_marker (block, &g_array_index (markers, VpTextMarker, k));
          block->kind = VP_BLOCK_ITEM;
          block->flags &= ~VP_BLOCK_FLAG_STRONG;
          block->list = next_list;
          block->level = 0;
          block->parent = -1;
        }

      i = g_array_index (run, guint, run->len - 1) + 1;
    }
}

typedef struct
{
  guint         n_items;
  gboolean      all_marked;
  VpTextMarker  last;
} ListMarkers;

/* Items that repeat their own number in their text ("<li>1. Talk</li>")
 * lose it to their label, when every item of the list has one, in order. */
static void
take_item_markers (VpArticle *article)
{
  g_autoptr(GHashTable) lists = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint n_blocks = vp_article_get_n_blocks (article);

  for (guint i = 0; i < n_blocks; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);
      ListMarkers *list;
      VpTextMarker marker;

      if (block->kind != VP_BLOCK_ITEM || block->list == 0)
        continue;

      list = g_hash_table_lookup (lists, GUINT_TO_POINTER (block->list));
      if (list == NULL)
        {
          list = g_new0 (ListMarkers, 1);
          list->all_marked = TRUE;
          g_hash_table_insert (lists, GUINT_TO_POINTER (block->list), list);
        }

      if (!list->all_marked)
        continue;

      if (!vp_text_parse_marker (block->text, strlen (block->text), &marker) ||
          (list->n_items > 0 && !vp_text_marker_follows (&list->last, &marker)))
        {
          list->all_marked = FALSE;
          continue;
        }

      list->last = marker;
      list->n_items++;
    }

  for (guint i = 0; i < n_blocks; i++)
    {
      VpBlock *block = vp_article_peek_block (article, i);
      ListMarkers *list;
      VpTextMarker marker;

      if (block->kind != VP_BLOCK_ITEM || block->list == 0)
        continue;

      list = g_hash_table_lookup (lists, GUINT_TO_POINTER (block->list));
      if (list == NULL || !list->all_marked || list->n_items < 2 ||
          !vp_text_parse_marker (block->text, strlen (block->text), &marker))
        continue;

      take_marker (block, &marker);
    }
}

/**
 * vp_outline_normalise_blocks:
 *
 * Turns runs of two or more paragraphs that start with sequential markers
 * ("1.", "2)", "(3)", "iv.", "b)") into list items, with the marker as
 * their label and a list of their own. Only sequences count: "2014. That
 * year…" or a lone "1." stay paragraphs. List items whose text repeats
 * their number lose it to their label.
 */
void
vp_outline_normalise_blocks (VpArticle *article)
{
  g_return_if_fail (VP_IS_ARTICLE (article));

  list_numbered_paragraphs (article);
  take_item_markers (article);
}

/* Ordinal paragraphs */

#define ORDINAL_LAST 100

static const struct { const char *words; int rank; } ordinals[] = {
  { "First of all", 1 }, { "First and foremost", 1 }, { "Firstly", 1 }, { "First", 1 },
  { "Secondly", 2 }, { "Second", 2 }, { "Thirdly", 3 }, { "Third", 3 },
  { "Fourthly", 4 }, { "Fourth", 4 }, { "Fifthly", 5 }, { "Fifth", 5 },
  { "Sixthly", 6 }, { "Sixth", 6 }, { "Seventh", 7 }, { "Eighth", 8 }, { "Ninth", 9 },
  { "Tenth", 10 },
  { "Last but not least", ORDINAL_LAST }, { "And finally", ORDINAL_LAST },
  { "Finally", ORDINAL_LAST }, { "Lastly", ORDINAL_LAST },
};

/* The rank of the ordinal that starts @text and the offset of what follows
 * its comma, or 0. */
static int
parse_ordinal (const char *text,
               gsize      *rest)
{
  for (guint i = 0; i < G_N_ELEMENTS (ordinals); i++)
    {
      gsize len;
      const char *p;

      if (ordinals[i].words[0] != text[0])
        continue;

      len = strlen (ordinals[i].words);
      p = text + len;
      if (strncmp (text, ordinals[i].words, len) != 0 || *p != ',')
        continue;

      p++;
      while (*p == ' ')
        p++;
      if (*p == '\0')
        return 0;

      *rest = p - text;
      return ordinals[i].rank;
    }

  return 0;
}

/* A paragraph's text from @offset, with its first letter in capitals:
 * "Second, the talks…" gives "The talks…". */
static char *
capitalise_from (const char *text,
                 gsize       offset)
{
  const char *rest = text + offset;
  gunichar c = g_utf8_get_char_validated (rest, -1);
  GString *out;

  if (c == (gunichar)-1 || c == (gunichar)-2 || !g_unichar_islower (c))
    return g_strdup (rest);

  out = g_string_sized_new (strlen (rest) + 2);
  g_string_append_unichar (out, g_unichar_totitle (c));
  g_string_append (out, g_utf8_next_char (rest));

  return g_string_free (out, FALSE);
}

/* Sections */

typedef struct
{
  guint             anchor;   /* the block of the first item */
  VpOutlineSection *section;
} PendingSection;

static void
pending_section_free (gpointer data)
{
  PendingSection *pending = data;

  g_clear_object (&pending->section);
  g_free (pending);
}

typedef struct
{
  VpArticle  *article;
  GPtrArray  *pending;      /* of PendingSection */
} Extraction;

/* The lead-in of a list that starts at block @first: the paragraph right
 * before it, or its last sentence when it has several (with the sentence
 * before when the last one says little: "Here they are:"). */
static char *
find_lead_in (VpArticle *article,
              guint      first,
              int       *block_index)
{
  const VpBlock *block;
  g_autoptr(GArray) sentences = NULL;
  VpTextSpan span;

  *block_index = -1;

  if (first == 0)
    return NULL;

  block = vp_article_get_block (article, first - 1);
  if (block->kind != VP_BLOCK_PARAGRAPH || block->text[0] == '\0' ||
      heading_kind (article, first - 1) != HEADING_NONE)
    return NULL;

  *block_index = first - 1;

  sentences = vp_text_split_sentences (block->text, -1);
  if (sentences->len == 0)
    return g_strdup (block->text);

  span = g_array_index (sentences, VpTextSpan, sentences->len - 1);
  if (sentences->len > 1)
    {
      g_autofree char *last = g_strndup (block->text + span.start, span.end - span.start);

      if (count_words_in (last) <= SHORT_LEAD_IN_WORDS && vp_outline_expected_count (last, -1) < 0)
        span.start = g_array_index (sentences, VpTextSpan, sentences->len - 2).start;
    }

  return g_strndup (block->text + span.start, span.end - span.start);
}

/* The heading before block @first, as found by the forward pass. */
static VpOutlineSection *
new_section (Extraction *ex,
             int         heading,
             guint       first)
{
  g_autofree char *lead_in = NULL;
  int lead_in_block = -1;
  int expected = -1;

  lead_in = find_lead_in (ex->article, first, &lead_in_block);
  if (lead_in != NULL)
    expected = vp_outline_expected_count (lead_in, -1);
  else if (heading >= 0 && (guint)heading + 1 == first)
    /* No lead-in, but a heading that announces the list: "Five steps". */
    expected = vp_outline_expected_count (vp_article_get_block (ex->article, heading)->text, -1);

  return vp_outline_section_new (heading >= 0 ? vp_article_get_block (ex->article, heading)->text
                                              : NULL,
                                 heading, lead_in, lead_in_block, expected);
}

static void
add_pending (Extraction       *ex,
             guint             anchor,
             VpOutlineSection *section)
{
  PendingSection *pending = g_new0 (PendingSection, 1);

  pending->anchor = anchor;
  pending->section = section;
  g_ptr_array_add (ex->pending, pending);
}

typedef struct
{
  guint first;          /* 0 when no sequence is open */
  int   heading;
  int   expected;       /* the rank the next paragraph must have */
  GArray *blocks;       /* of guint */
  GArray *offsets;      /* of gsize: where each item's text starts */
} OrdinalRun;

static void
finish_ordinals (Extraction *ex,
                 OrdinalRun *run)
{
  VpOutlineSection *section;

  if (run->blocks->len >= 2)
    {
      section = new_section (ex, run->heading, g_array_index (run->blocks, guint, 0));

      for (guint k = 0; k < run->blocks->len; k++)
        {
          guint b = g_array_index (run->blocks, guint, k);
          gsize offset = g_array_index (run->offsets, gsize, k);
          const char *paragraph = vp_article_get_block (ex->article, b)->text;
          g_autofree char *text = capitalise_from (paragraph, offset);
          g_autofree char *label = g_strdup_printf ("%u", k + 1);
          g_autoptr(VpOutlineItem) item = NULL;

          item = vp_outline_item_new_span (label, text, b, offset, G_MAXUINT);

          vp_outline_section_append_item (section, item);
        }

      add_pending (ex, g_array_index (run->blocks, guint, 0), section);
    }

  g_array_set_size (run->blocks, 0);
  g_array_set_size (run->offsets, 0);
  run->expected = 0;
}

static void
follow_ordinals (Extraction *ex,
                 OrdinalRun *run,
                 guint       i,
                 int         heading)
{
  const VpBlock *block = vp_article_get_block (ex->article, i);
  gsize offset = 0;
  int rank;

  if (block->kind != VP_BLOCK_PARAGRAPH)
    return;

  rank = parse_ordinal (block->text, &offset);
  if (rank == 0)
    return;

  if (rank == 1)
    {
      finish_ordinals (ex, run);
      run->heading = heading;
      run->expected = 2;
    }
  else if (run->expected == 0 ||
           (rank != run->expected && rank != ORDINAL_LAST))
    return;

  g_array_append_val (run->blocks, i);
  g_array_append_val (run->offsets, offset);
  run->expected = rank + 1;

  if (rank == ORDINAL_LAST)
    finish_ordinals (ex, run);
}

/* Headings numbered in sequence ("1. Talk to Tehran", "2. …") make a list
 * of their own: the points of the article. The headings stay headings. */
typedef struct
{
  guint         level;
  int           heading;    /* the heading above the first one, or -1 */
  VpTextMarker  last;
  GArray       *blocks;     /* of guint */
} HeadingRun;

static void
finish_heading_run (Extraction *ex,
                    HeadingRun *run)
{
  VpOutlineSection *section;

  if (run->blocks->len >= 2)
    {
      section = new_section (ex, run->heading, g_array_index (run->blocks, guint, 0));

      for (guint k = 0; k < run->blocks->len; k++)
        {
          guint b = g_array_index (run->blocks, guint, k);
          const char *text = vp_article_get_block (ex->article, b)->text;
          g_autofree char *label = NULL;
          g_autoptr(VpOutlineItem) item = NULL;
          VpTextMarker marker;

          /* Each was numbered when it joined the run. */
          if (!vp_text_parse_marker (text, strlen (text), &marker))
            continue;

          label = g_strndup (text + marker.label_start, marker.label_end - marker.label_start);
          item = vp_outline_item_new_span (label, text + marker.length, b, marker.length,
                                           G_MAXUINT);
          vp_outline_section_append_item (section, item);
        }

      add_pending (ex, g_array_index (run->blocks, guint, 0), section);
    }

  g_array_set_size (run->blocks, 0);
}

/* Follows heading @i, which stands under @heading. A run ends at a
 * numbered heading that does not follow it or at a heading above its
 * level; headings below it, or unnumbered ones at its level ("Our
 * recipe"), may come between its points. */
static void
follow_heading_run (Extraction *ex,
                    HeadingRun *run,
                    guint       i,
                    int         heading)
{
  const VpBlock *block = vp_article_get_block (ex->article, i);
  VpTextMarker marker;
  gboolean numbered;

  numbered = vp_text_parse_marker (block->text, strlen (block->text), &marker) &&
             marker.kind != VP_TEXT_MARKER_BULLET &&
             (marker.kind != VP_TEXT_MARKER_NUMBER || marker.number <= 100);

  if (numbered && run->blocks->len > 0 && block->level == run->level &&
      vp_text_marker_follows (&run->last, &marker))
    {
      g_array_append_val (run->blocks, i);
      run->last = marker;
      return;
    }

  if (numbered || (run->blocks->len > 0 && block->level < run->level))
    finish_heading_run (ex, run);

  if (numbered)
    {
      run->level = block->level;
      run->heading = heading;
      run->last = marker;
      g_array_append_val (run->blocks, i);
    }
}

static void
warn_count (VpArticle        *article,
            VpOutlineSection *section,
            guint             number)
{
  const char *name = vp_outline_section_get_heading (section);
  const char * const *warnings;
  g_autofree char *short_name = NULL;
  g_autofree char *message = NULL;
  guint found = vp_outline_section_get_n_items (section);
  int expected = vp_outline_section_get_expected_count (section);

  if (name == NULL)
    name = vp_outline_section_get_lead_in (section);

  if (name != NULL && g_utf8_strlen (name, -1) > 60)
    {
      g_autofree char *cut = g_utf8_substring (name, 0, 57);

      name = short_name = g_strconcat (cut, "…", NULL);
    }

  if (name != NULL)
    /* Translators: the first %s names a list of an article's outline (its
     * heading or the sentence that introduces it); then the number of
     * points its lead-in announces, and the number it has */
    message = g_strdup_printf (_("List “%s” announces %d points but has %u."),
                               name, expected, found);
  else
    /* Translators: a list of an article's outline, by its number; then the
     * number of points its lead-in announces, and the number it has */
    message = g_strdup_printf (_("List %u announces %d points but has %u."),
                               number, expected, found);

  /* The outline may be extracted again: say it once. */
  warnings = vp_article_get_warnings (article);
  for (guint i = 0; warnings[i] != NULL; i++)
    {
      if (g_str_equal (warnings[i], message))
        return;
    }

  vp_article_add_warning (article, "%s", message);
}

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const PendingSection *pa = *(const PendingSection * const *)a;
  const PendingSection *pb = *(const PendingSection * const *)b;

  return pa->anchor < pb->anchor ? -1 : pa->anchor > pb->anchor;
}

static void
build_sections (Extraction *ex)
{
  VpArticle *article = ex->article;
  guint n_blocks = vp_article_get_n_blocks (article);
  g_autoptr(GHashTable) lists = g_hash_table_new (NULL, NULL);
  g_autofree VpOutlineItem **items = g_new0 (VpOutlineItem *, n_blocks + 1);
  g_autofree VpOutlineItem **owners = g_new0 (VpOutlineItem *, n_blocks + 1);
  g_autofree guint *depths = g_new0 (guint, n_blocks + 1);
  OrdinalRun run = { 0 };
  HeadingRun heading_run = { 0 };
  int heading = -1;
  guint anonymous_list = 0;
  gboolean in_anonymous = FALSE;

  run.blocks = g_array_new (FALSE, FALSE, sizeof (guint));
  run.offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  heading_run.blocks = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_blocks; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);
      VpOutlineSection *section;
      gpointer key;

      if (block->kind == VP_BLOCK_HEADING)
        follow_heading_run (ex, &heading_run, i, heading);

      switch (heading_kind (article, i))
        {
        case HEADING_SECTION:
          finish_ordinals (ex, &run);
          heading = i;
          continue;

        case HEADING_TOP:
          finish_ordinals (ex, &run);
          heading = -1;
          continue;

        case HEADING_MINOR:
          /* h5 and h6 end a stretch, but a list under one still stands
           * under the heading above. */
          finish_ordinals (ex, &run);
          continue;

        case HEADING_NONE:
        default:
          break;
        }

      if (block->kind != VP_BLOCK_ITEM)
        {
          in_anonymous = FALSE;
          follow_ordinals (ex, &run, i, heading);
          continue;
        }

      items[i] = vp_outline_item_new (block->label, block->text, i);

      /* A nested item hangs from its parent, down to MAX_DEPTH. */
      if (block->parent >= 0 && (guint)block->parent < i && items[block->parent] != NULL)
        {
          guint parent = block->parent;

          if (depths[parent] + 1 < MAX_DEPTH)
            {
              owners[i] = items[parent];
              depths[i] = depths[parent] + 1;
            }
          else
            {
              owners[i] = owners[parent];
              depths[i] = depths[parent];
            }

          vp_outline_item_append_child (owners[i], items[i]);
          continue;
        }

      /* Items without a list id form one list per run. */
      if (block->list == 0)
        {
          if (!in_anonymous)
            anonymous_list++;
          in_anonymous = TRUE;
          key = GUINT_TO_POINTER (G_MAXUINT - anonymous_list);
        }
      else
        key = GUINT_TO_POINTER (block->list);

      section = g_hash_table_lookup (lists, key);
      if (section == NULL)
        {
          section = new_section (ex, heading, i);
          g_hash_table_insert (lists, key, section);
          add_pending (ex, i, section);
        }

      vp_outline_section_append_item (section, items[i]);
    }

  finish_ordinals (ex, &run);
  finish_heading_run (ex, &heading_run);
  g_array_unref (run.blocks);
  g_array_unref (run.offsets);
  g_array_unref (heading_run.blocks);

  /* The sections and items hold their own references now. */
  for (guint i = 0; i < n_blocks; i++)
    g_clear_object (&items[i]);

  g_ptr_array_sort (ex->pending, compare_pending);

  for (guint i = 0; i < ex->pending->len; i++)
    {
      PendingSection *pending = g_ptr_array_index (ex->pending, i);

      vp_article_append_section (article, pending->section);
      if (vp_outline_section_count_differs (pending->section))
        warn_count (article, pending->section, i + 1);
    }
}

/* Marks the blocks, and the parts of blocks, whose sentences cannot be
 * recommendations: lead-ins from their start on, and paragraphs that are
 * items themselves ("First, …"). */
static void
mark_outline_text (VpArticle *article,
                   gsize     *from)
{
  GListModel *sections = vp_article_get_sections (article);
  guint n_sections = g_list_model_get_n_items (sections);
  guint n_blocks = vp_article_get_n_blocks (article);

  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, s);
      int lead_in_block = vp_outline_section_get_lead_in_block (section);
      const char *lead_in = vp_outline_section_get_lead_in (section);
      guint n_items = vp_outline_section_get_n_items (section);

      if (lead_in_block >= 0 && (guint)lead_in_block < n_blocks && lead_in != NULL)
        {
          const char *text = vp_article_get_block (article, lead_in_block)->text;
          const char *found = strstr (text, lead_in);

          from[lead_in_block] = MIN (from[lead_in_block],
                                     found != NULL ? (gsize)(found - text) : 0);
        }

      for (guint k = 0; k < n_items; k++)
        {
          int b = vp_outline_item_get_block (vp_outline_section_get_item (section, k));

          if (b >= 0 && (guint)b < n_blocks)
            from[b] = 0;
        }
    }
}

/**
 * vp_outline_find_recommendations:
 *
 * Appends to the article's recommendations the prescriptive sentences of
 * its prose (see vp_outline_is_recommendation()), each an item without a
 * label that spans its sentence. Headings, list items, lead-ins and
 * ordinal paragraphs that make up a section are not prose here.
 */
void
vp_outline_find_recommendations (VpArticle *article)
{
  g_autoptr(GArray) words = NULL;
  g_autoptr(GHashTable) known = NULL;
  g_autofree gsize *from = NULL;
  GListModel *recommendations;
  guint n_blocks;
  guint n_known;

  g_return_if_fail (VP_IS_ARTICLE (article));

  n_blocks = vp_article_get_n_blocks (article);
  from = g_new (gsize, n_blocks + 1);
  for (guint i = 0; i < n_blocks; i++)
    from[i] = G_MAXSIZE;
  mark_outline_text (article, from);

  /* Running twice adds nothing twice. */
  known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  recommendations = vp_article_get_recommendations (article);
  n_known = g_list_model_get_n_items (recommendations);
  for (guint i = 0; i < n_known; i++)
    {
      g_autoptr(VpOutlineItem) item = g_list_model_get_item (recommendations, i);
      gint64 *key = g_new (gint64, 1);
      guint start;

      vp_outline_item_get_span (item, &start, NULL);
      *key = ((gint64)vp_outline_item_get_block (item) << 32) | start;
      g_hash_table_add (known, key);
    }

  words = g_array_new (FALSE, FALSE, sizeof (Word));

  for (guint i = 0; i < n_blocks; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);
      g_autoptr(GArray) sentences = NULL;

      if (block->kind != VP_BLOCK_PARAGRAPH || from[i] == 0 ||
          heading_kind (article, i) != HEADING_NONE)
        continue;

      sentences = vp_text_split_sentences (block->text, -1);

      for (guint k = 0; k < sentences->len; k++)
        {
          VpTextSpan span = g_array_index (sentences, VpTextSpan, k);
          g_autofree char *text = NULL;
          g_autoptr(VpOutlineItem) item = NULL;
          gint64 key;

          if (span.start >= from[i])
            break;

          if (!is_recommendation_in (block->text + span.start, block->text + span.end, words))
            continue;

          key = ((gint64)i << 32) | span.start;
          if (g_hash_table_contains (known, &key))
            continue;

          text = g_strndup (block->text + span.start, span.end - span.start);
          item = vp_outline_item_new_span (NULL, text, i, span.start, span.end);
          vp_article_append_recommendation (article, item);
        }
    }
}

/**
 * vp_outline_extract:
 *
 * Builds @article's outline from its blocks, replacing any earlier one:
 * numbered paragraphs become lists (vp_outline_normalise_blocks()); every
 * top-level list, every run of "First, … Second, …" paragraphs and every
 * run of sequentially numbered headings becomes a section with its nested
 * items, the heading it stands under (levels 1 to 4, a level 1 only inside
 * the body, or a bold or title-like paragraph), the lead-in that
 * introduces it, and the number of points the lead-in (or, without one,
 * the heading right above) announces; a warning says when the list has
 * another number. Then the recommendations
 * (vp_outline_find_recommendations()).
 */
void
vp_outline_extract (VpArticle *article)
{
  Extraction ex = { 0 };

  g_return_if_fail (VP_IS_ARTICLE (article));

  vp_article_clear_outline (article);
  vp_outline_normalise_blocks (article);

  ex.article = article;
  ex.pending = g_ptr_array_new_with_free_func (pending_section_free);

  build_sections (&ex);

  g_ptr_array_unref (ex.pending);

  vp_outline_find_recommendations (article);
}
