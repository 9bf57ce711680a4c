/* vp-comparison.c
 *
 * Compares the articles of a workspace: the actor × article matrix, and the
 * groups of proposals that say the same thing in different articles.
 *
 * Proposals are compared as bags of words. A word is case-folded; in
 * English (or an article of unknown language) it is also dropped when it
 * is a stop word and otherwise lightly stemmed, so that "inspections" and
 * "inspect", "modernising" and "modernisation" meet. Other languages keep
 * their words whole, and scripts written without spaces (Chinese,
 * Japanese, Thai…) are read as overlapping pairs of characters. A mention
 * of an actor becomes one word for the actor, so "Riyadh", "the Saudis" and
 * "Saudi Arabia" are the same, at half weight: whom a proposal involves
 * matters less than what it proposes, which the matrix shows already. Two
 * words in a row ("flood plain") also count as a phrase, at half weight.
 *
 * A word weighs by its rarity across the workspace, counted over every
 * sentence of every article (proposals alone are too few for a rarity to
 * mean much), and by how much it stands out in its own article (see
 * weigh_locally()). Two proposals' similarity is the cosine of their
 * weighted vectors, scaled down when their articles are not on the same
 * question (see article_factor()). Groups are then built greedily from the
 * most similar pair down, at most one proposal per article: a pair that
 * reaches the threshold joins its two groups if every proposal of one
 * shares words with every proposal of the other, so that one proposal
 * cannot chain two that have nothing in common.
 *
 * Comparing every proposal with every other would cost the square of
 * their number. Instead each proposal indexes only its heaviest words,
 * enough that the rest of its vector cannot reach the threshold alone, and
 * is compared with the earlier proposals that share one of them (the
 * prefix filter of all-pairs similarity search): common words, whose
 * lists would be long, are almost never indexed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-comparison"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vp-comparison.h"
#include "vp-text.h"

/* The weight of an actor against a word of the same rarity. */
#define ACTOR_WEIGHT 0.5

/* Articles on one question score this much or more against each other (the
 * cosine of their whole texts' weighted words: our three samples score
 * 0.12 to 0.16, our three on floods 0.18 to 0.21), articles on unrelated
 * questions less (0.01 to 0.06 against those, 0.03 to 0.11 among our five
 * unrelated ones). Below it, two proposals' similarity is scaled by the
 * square of the shortfall: "a permanent forum that meets twice a year" for
 * Gulf security and for a library's opening hours share their words, not
 * their subject. */
#define SAME_QUESTION 0.10

/* Words shorter than this many characters say nothing alone ("a", "s"). */
#define MIN_WORD_CHARS 2

/* A phrase of two words weighs this much against a word of the same
 * rarity: on top of its words, for a shared phrase is stronger evidence
 * than the same words apart. */
#define PAIR_WEIGHT 0.5

/* A term that names an actor starts with a byte no word contains. */
#define ACTOR_PREFIX '\001'

typedef enum
{
  TERM_WORD,
  TERM_ACTOR,
  TERM_PAIR,
} TermKind;

typedef struct
{
  guint term;
  float weight;
} Entry;

typedef struct
{
  VpProposalRef  ref;
  VpOutlineItem *item;    /* the article keeps it alive */
  guint          start;   /* its vector: entries[start, start + length), by term */
  guint          length;
} Proposal;

typedef enum
{
  MANUAL_LINK,
  MANUAL_UNLINK,
} ManualKind;

typedef struct
{
  ManualKind kind;
  guint      a;  /* proposal indexes, a < b */
  guint      b;
} Manual;

typedef struct
{
  double s;
  guint  x;  /* proposal indexes, x < y */
  guint  y;
} Candidate;

struct _VpComparison
{
  GObject     parent_instance;

  GPtrArray  *articles;        /* VpArticle, owned refs */
  GPtrArray  *actors;          /* the enabled VpActors, owned refs */
  guint      *mentions;        /* [actor * n_articles + article] */
  guint      *proposal_counts; /* likewise */

  GArray     *proposals;       /* Proposal, by article, section, item */
  GArray     *entries;         /* Entry: the proposals' vectors */
  GArray     *article_entries; /* Entry: the articles' vectors */
  guint      *article_starts;  /* n_articles + 1 offsets into article_entries */
  GHashTable *article_sims;    /* article pair → index into sim_values + 1 */
  GArray     *sim_values;      /* double */

  double      threshold;
  GArray     *manual;          /* Manual, in the order the user made them */

  gboolean    grouped;
  GArray     *members;         /* VpProposalRef: the groups, one after another */
  GArray     *group_starts;    /* guint: n_groups + 1 offsets into members */
  guint      *group_of;        /* per proposal: its group, or G_MAXUINT */
};

G_DEFINE_FINAL_TYPE (VpComparison, vp_comparison, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_THRESHOLD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Words */

/* English words too common to tell one proposal from another: articles,
 * pronouns, prepositions, auxiliaries, the modals every proposal uses. */
static const char * const stop_words[] = {
  "a", "about", "above", "after", "again", "against", "all", "already", "also", "although",
  "always", "am", "among", "an", "and", "another", "any", "are", "aren't", "as", "at",
  "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
  "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does",
  "doesn't", "doing", "don't", "done", "down", "during", "each", "either", "else",
  "even", "ever", "every", "for", "from", "further", "had", "hadn't", "has", "hasn't",
  "have", "haven't", "having", "he", "her", "here", "hers", "herself", "him", "himself",
  "his", "how", "however", "i", "i'm", "i've", "if", "in", "into", "is", "isn't", "it",
  "it's", "its", "itself", "just", "let", "let's", "may", "me", "might", "more", "most",
  "much", "must", "mustn't", "my", "need", "needs", "neither", "never", "no", "nor",
  "not", "now", "of", "off", "on", "once", "one", "ones", "only", "onto", "or", "other",
  "others", "ought", "our", "ours", "ourselves", "out", "over", "own", "per", "rather",
  "same", "shall", "she", "should", "shouldn't", "so", "some", "still", "such", "than",
  "that", "that's", "the", "their", "theirs", "them", "themselves", "then", "there",
  "there's", "therefore", "these", "they", "they're", "they've", "this", "those",
  "though", "through", "thus", "to", "too", "under", "unless", "until", "upon", "us",
  "very", "via", "was", "wasn't", "we", "we'll", "we're", "we've", "were", "weren't",
  "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why",
  "will", "with", "within", "without", "won't", "would", "wouldn't", "yet", "you",
  "your", "yours",
};

static gboolean
is_stop_word (const char *word)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *words = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (stop_words); i++)
        g_hash_table_add (words, (gpointer)stop_words[i]);
      g_once_init_leave (&table, words);
    }

  return g_hash_table_contains (table, word);
}

typedef enum
{
  CHAR_OTHER,
  CHAR_SPACED,    /* a letter or digit of a script that puts spaces between words */
  CHAR_UNSPACED,  /* one of a script that does not */
} CharClass;

static CharClass
classify (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c) ? CHAR_SPACED : CHAR_OTHER;

  if (!g_unichar_isalnum (c) && !g_unichar_ismark (c))
    return CHAR_OTHER;

  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
      return CHAR_UNSPACED;

    default:
      return CHAR_SPACED;
    }
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
ends_with (const GString *word,
           const char    *suffix)
{
  gsize n = strlen (suffix);

  return word->len >= n && memcmp (word->str + word->len - n, suffix, n) == 0;
}

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

static gboolean
has_vowel (const char *s,
           gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (is_vowel (s[i]))
        return TRUE;
    }

  return FALSE;
}

/* Cuts @n bytes off the end of @word and puts @replacement there. */
static void
replace_end (GString    *word,
             gsize       n,
             const char *replacement)
{
  g_string_truncate (word, word->len - n);
  g_string_append (word, replacement);
}

/* A light English stemmer for lower-case ASCII words: it folds plurals,
 * -ing, -ed, -ly, -ment, -isation and -tion onto one stem, and does not
 * try to be right about the stem itself ("agreement" and "agreed" both
 * give "agre"); only that related words meet matters. */
static void
stem_english (GString *word)
{
  gboolean verb_ending = FALSE;

  if (word->len <= 3)
    return;

  for (gsize i = 0; i < word->len; i++)
    {
      if (word->str[i] < 'a' || word->str[i] > 'z')
        return;
    }

  /* Plurals and the third person. */
  if (ends_with (word, "ies") && word->len > 4)
    replace_end (word, 3, "y");
  else if (ends_with (word, "sses"))
    replace_end (word, 2, "");
  else if (ends_with (word, "ches") || ends_with (word, "shes") || ends_with (word, "xes"))
    replace_end (word, 2, "");
  else if (ends_with (word, "s") && !ends_with (word, "ss") && !ends_with (word, "us") &&
           !ends_with (word, "is"))
    replace_end (word, 1, "");

  /* -ing and -ed, when what is left still has a vowel ("bring", "need"
   * stay). */
  if (ends_with (word, "ing") && word->len >= 6 && has_vowel (word->str, word->len - 3))
    {
      replace_end (word, 3, "");
      verb_ending = TRUE;
    }
  else if (ends_with (word, "ied") && word->len >= 5)
    replace_end (word, 3, "y");
  else if (ends_with (word, "ed") && word->len >= 5 && has_vowel (word->str, word->len - 2))
    {
      replace_end (word, 2, "");
      verb_ending = TRUE;
    }

  /* "stopped", "setting": one consonant of a doubled pair, but "falling",
   * "passed" and "buzzing" keep theirs. */
  if (verb_ending && word->len >= 3 && word->str[word->len - 1] == word->str[word->len - 2] &&
      !is_vowel (word->str[word->len - 1]) && strchr ("lsz", word->str[word->len - 1]) == NULL)
    replace_end (word, 1, "");

  if (ends_with (word, "ly") && word->len >= 6)
    replace_end (word, 2, "");
  if (ends_with (word, "ment") && word->len >= 8)
    replace_end (word, 4, "");

  if ((ends_with (word, "isation") || ends_with (word, "ization")) && word->len >= 9)
    replace_end (word, 5, "");
  else if ((ends_with (word, "tion") || ends_with (word, "sion")) && word->len >= 7)
    replace_end (word, 3, "");

  if (ends_with (word, "e") && word->len >= 4)
    replace_end (word, 1, "");

  /* British and American spellings: "modernize", "modernise". */
  if (ends_with (word, "iz"))
    replace_end (word, 1, "s");
}

/* The vocabulary of a comparison while it is built: term ids, and in how
 * many sentences and articles each term occurs. */
typedef struct
{
  GHashTable *ids;          /* word or actor → id + 1; owns the strings */
  GHashTable *pairs;        /* two words' ids, as one guint64 → id + 1 */
  GArray     *kinds;        /* guint8 per term: a TermKind */
  GArray     *sentence_df;  /* guint per term */
  GArray     *article_df;
  GArray     *local_df;     /* in how many sentences of the article being read */
  GArray     *touched;      /* the terms whose local_df is not 0 */
  GArray     *stamp;        /* guint per term: the last document counted */
  guint       n_documents;  /* sentences and articles, numbered from 1 */
  guint       n_sentences;
  GString    *word;
  guint       previous;     /* the last word of the current phrase, or G_MAXUINT */
} Vocabulary;

static void
vocabulary_init (Vocabulary *vocabulary)
{
  vocabulary->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  vocabulary->pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  vocabulary->kinds = g_array_new (FALSE, TRUE, sizeof (guint8));
  vocabulary->sentence_df = g_array_new (FALSE, TRUE, sizeof (guint));
  vocabulary->article_df = g_array_new (FALSE, TRUE, sizeof (guint));
  vocabulary->local_df = g_array_new (FALSE, TRUE, sizeof (guint));
  vocabulary->touched = g_array_new (FALSE, FALSE, sizeof (guint));
  vocabulary->stamp = g_array_new (FALSE, TRUE, sizeof (guint));
  vocabulary->n_documents = 0;
  vocabulary->n_sentences = 0;
  vocabulary->word = g_string_new (NULL);
  vocabulary->previous = G_MAXUINT;
}

static void
vocabulary_clear (Vocabulary *vocabulary)
{
  g_hash_table_unref (vocabulary->ids);
  g_hash_table_unref (vocabulary->pairs);
  g_array_unref (vocabulary->kinds);
  g_array_unref (vocabulary->sentence_df);
  g_array_unref (vocabulary->article_df);
  g_array_unref (vocabulary->local_df);
  g_array_unref (vocabulary->touched);
  g_array_unref (vocabulary->stamp);
  g_string_free (vocabulary->word, TRUE);
}

static guint
vocabulary_add_term (Vocabulary *vocabulary,
                     TermKind    kind)
{
  guint id = vocabulary->kinds->len;
  guint8 k = kind;

  g_array_append_val (vocabulary->kinds, k);
  g_array_set_size (vocabulary->sentence_df, id + 1);
  g_array_set_size (vocabulary->article_df, id + 1);
  g_array_set_size (vocabulary->local_df, id + 1);
  g_array_set_size (vocabulary->stamp, id + 1);

  return id;
}

static guint
vocabulary_intern (Vocabulary *vocabulary,
                   const char *term,
                   TermKind    kind)
{
  gpointer value = g_hash_table_lookup (vocabulary->ids, term);
  guint id;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  id = vocabulary_add_term (vocabulary, kind);
  g_hash_table_insert (vocabulary->ids, g_strdup (term), GUINT_TO_POINTER (id + 1));

  return id;
}

/* The phrase of words @first then @second: pairs are looked up by their
 * words' ids, not spelt out, for there are nearly as many as words. */
static guint
vocabulary_intern_pair (Vocabulary *vocabulary,
                        guint       first,
                        guint       second)
{
  gint64 key = ((gint64)first << 32) | second;
  gpointer value = g_hash_table_lookup (vocabulary->pairs, &key);
  guint id;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;

  id = vocabulary_add_term (vocabulary, TERM_PAIR);
  g_hash_table_insert (vocabulary->pairs, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (id + 1));

  return id;
}

/* Adds the terms of one word of spaced script, @length bytes at @word. */
static void
add_spaced_word (Vocabulary *vocabulary,
                 const char *word,
                 gsize       length,
                 gboolean    english,
                 GArray     *terms)
{
  GString *out = vocabulary->word;
  gboolean ascii = TRUE;
  guint id;

  for (gsize i = 0; i < length; i++)
    {
      if ((guchar)word[i] >= 0x80)
        {
          ascii = FALSE;
          break;
        }
    }

  g_string_truncate (out, 0);
  if (ascii)
    {
      for (gsize i = 0; i < length; i++)
        g_string_append_c (out, g_ascii_tolower (word[i]));
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (word, length);
      g_autofree char *normal = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL_COMPOSE);

      for (const char *p = normal != NULL ? normal : folded; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == 0x2019)
            g_string_append_c (out, '\'');
          else
            g_string_append_unichar (out, c);
        }
    }

  if (english)
    {
      if (ends_with (out, "'s"))
        g_string_truncate (out, out->len - 2);
      /* No stop word is longer. */
      if (out->len <= 10 && is_stop_word (out->str))
        return;
    }

  if ((ascii ? out->len : (gsize)g_utf8_strlen (out->str, out->len)) < MIN_WORD_CHARS)
    return;

  if (english)
    stem_english (out);

  id = vocabulary_intern (vocabulary, out->str, TERM_WORD);
  g_array_append_val (terms, id);

  /* Two words in a row, stop words aside, are a phrase: "flood plain",
   * "east bank", "incidents at sea". */
  if (vocabulary->previous != G_MAXUINT)
    {
      guint pair = vocabulary_intern_pair (vocabulary, vocabulary->previous, id);

      g_array_append_val (terms, pair);
    }
  vocabulary->previous = id;
}

/* Adds the terms of a run of characters of a script without spaces: its
 * overlapping pairs of characters, which stand in for words well enough
 * to find shared ones without a dictionary. */
static void
add_unspaced_run (Vocabulary *vocabulary,
                  const char *run,
                  gsize       length,
                  GArray     *terms)
{
  g_autofree char *normal = g_utf8_normalize (run, length, G_NORMALIZE_ALL_COMPOSE);
  const char *p;
  guint id;

  if (normal == NULL)
    return;

  vocabulary->previous = G_MAXUINT;

  if (g_utf8_strlen (normal, -1) == 1)
    {
      id = vocabulary_intern (vocabulary, normal, TERM_WORD);
      g_array_append_val (terms, id);
      return;
    }

  for (p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      const char *second = g_utf8_next_char (p);
      const char *after;
      g_autofree char *pair = NULL;

      if (*second == '\0')
        break;
      after = g_utf8_next_char (second);
      pair = g_strndup (p, after - p);
      id = vocabulary_intern (vocabulary, pair, TERM_WORD);
      g_array_append_val (terms, id);
    }
}

static void
add_actor (Vocabulary *vocabulary,
           const char *actor,
           GArray     *terms)
{
  GString *out = vocabulary->word;
  guint id;

  vocabulary->previous = G_MAXUINT;

  g_string_truncate (out, 0);
  g_string_append_c (out, ACTOR_PREFIX);
  g_string_append (out, actor);
  id = vocabulary_intern (vocabulary, out->str, TERM_ACTOR);
  g_array_append_val (terms, id);
}

/* Where the word starting at @p ends (before @end): a run of characters of
 * one class, with apostrophes between letters ("don't") and full stops or
 * commas between digits ("2.5", "1,000") kept in it. */
static const char *
scan_word (const char *p,
           const char *end,
           CharClass   class)
{
  while (p < end)
    {
      const char *next;
      gunichar c = vp_text_get_char (p, end, &next);

      if (classify (c) == class)
        {
          p = next;
          continue;
        }

      if (class == CHAR_SPACED && next < end)
        {
          const char *after;
          gunichar following = vp_text_get_char (next, end, &after);

          if (is_apostrophe (c) && classify (following) == CHAR_SPACED)
            {
              p = next;
              continue;
            }
          if ((c == '.' || c == ',') && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (following))
            {
              p = next;
              continue;
            }
        }

      break;
    }

  return p;
}

/* Appends to @terms the terms of @text between the byte offsets @start and
 * @end. @mentions are the mentions of actors in @text, sorted: each that
 * starts inside the range becomes its actor's term, and its words are
 * skipped. */
static void
tokenize (Vocabulary      *vocabulary,
          const char      *text,
          gsize            start,
          gsize            end,
          const VpMention *mentions,
          guint            n_mentions,
          gboolean         english,
          GArray          *terms)
{
  const char *p = text + start;
  guint m = 0;

  vocabulary->previous = G_MAXUINT;
  while (m < n_mentions && mentions[m].start < start)
    m++;

  while (p < text + end)
    {
      const char *limit = text + end;
      const char *next;
      const char *word_end;
      CharClass class;
      gunichar c;

      if (m < n_mentions && text + mentions[m].start <= p)
        {
          if (mentions[m].start >= start && mentions[m].start < end)
            add_actor (vocabulary, mentions[m].actor, terms);
          if (text + mentions[m].end > p)
            p = text + MIN (mentions[m].end, end);
          m++;
          continue;
        }

      /* A word stops where a mention starts. */
      if (m < n_mentions && mentions[m].start < end)
        limit = text + mentions[m].start;

      c = vp_text_get_char (p, limit, &next);
      class = classify (c);
      if (class == CHAR_OTHER)
        {
          /* Punctuation ends a phrase; spaces and hyphens do not. */
          if (c != ' ' && c != '-' && c != 0x2010 && c != 0x2011)
            vocabulary->previous = G_MAXUINT;
          p = next;
          continue;
        }

      word_end = scan_word (p, limit, class);
      if (class == CHAR_SPACED)
        add_spaced_word (vocabulary, p, word_end - p, english, terms);
      else
        add_unspaced_run (vocabulary, p, word_end - p, terms);
      p = word_end;
    }
}

/* Counts the distinct terms of one document (a sentence, or an article)
 * into @df, and a sentence's also into the article's own counts when
 * @local. Documents are numbered from 1, so a stamp of 0 is "never". */
static void
count_document (Vocabulary *vocabulary,
                GArray     *terms,
                GArray     *df,
                gboolean    local)
{
  guint document = ++vocabulary->n_documents;

  for (guint i = 0; i < terms->len; i++)
    {
      guint term = g_array_index (terms, guint, i);
      guint *stamp = &g_array_index (vocabulary->stamp, guint, term);

      if (*stamp == document)
        continue;

      *stamp = document;
      g_array_index (df, guint, term)++;
      if (local && g_array_index (vocabulary->local_df, guint, term)++ == 0)
        g_array_append_val (vocabulary->touched, term);
    }
}

static gboolean
is_english (VpArticle *article)
{
  const char *language = vp_article_get_language (article);

  /* An article that does not say is read as English, the language of
   * nearly every page and text without a language. */
  return language == NULL ||
         (g_ascii_strncasecmp (language, "en", 2) == 0 &&
          (language[2] == '\0' || language[2] == '-'));
}

/* The mentions in block @block: *n_found of them from the returned one. */
static const VpMention *
block_mentions (const VpMention *mentions,
                guint            n_mentions,
                int              block,
                guint           *n_found)
{
  guint lo = 0;
  guint hi = n_mentions;
  guint end;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (mentions[mid].block < block)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (end = lo; end < n_mentions && mentions[end].block == block; end++)
    ;

  *n_found = end - lo;

  return mentions + lo;
}

/* Building */

typedef struct
{
  guint term;
  guint count;
  float local;  /* how much the term stands out in its article (see weigh_locally()) */
} Count;

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *)a;
  guint ub = *(const guint *)b;

  return ua < ub ? -1 : ua > ub;
}

/* Turns a list of term ids into (term, count) pairs sorted by term,
 * appended to @counts. Returns how many were appended. */
static guint
append_counts (GArray *terms,
               GArray *counts)
{
  guint n = 0;

  g_array_sort (terms, compare_uints);
  for (guint i = 0; i < terms->len; )
    {
      Count count = { g_array_index (terms, guint, i), 0, 1 };

      while (i < terms->len && g_array_index (terms, guint, i) == count.term)
        {
          count.count++;
          i++;
        }
      g_array_append_val (counts, count);
      n++;
    }

  return n;
}

static void
tokenize_item (Vocabulary    *vocabulary,
               VpArticle     *article,
               VpOutlineItem *item,
               gboolean       english,
               GArray        *terms)
{
  int block = vp_outline_item_get_block (item);
  guint n_children = vp_outline_item_get_n_children (item);

  if (block >= 0 && (guint)block < vp_article_get_n_blocks (article))
    {
      const char *text = vp_article_get_block (article, block)->text;
      gsize length = strlen (text);
      const VpMention *all;
      const VpMention *mentions;
      guint n_all;
      guint n_mentions;
      guint start;
      guint end;

      vp_outline_item_get_span (item, &start, &end);
      if (start > length)
        start = 0;
      if (end > length)
        end = length;
      if (start > end)
        start = 0;

      all = vp_article_get_mentions (article, &n_all);
      mentions = block_mentions (all, n_all, block, &n_mentions);
      tokenize (vocabulary, text, start, end, mentions, n_mentions, english, terms);
    }
  else
    {
      /* An item made by hand, with no block behind it: its own text,
       * without actors. */
      const char *text = vp_outline_item_get_text (item);

      tokenize (vocabulary, text, 0, strlen (text), NULL, 0, english, terms);
    }

  for (guint i = 0; i < n_children; i++)
    tokenize_item (vocabulary, article, vp_outline_item_get_child (item, i), english, terms);
}

/* A proposal's words that run through its whole article ("talks" in a
 * piece about talks, "flood" in one about floods) say what the article is
 * about, not what the proposal proposes, and two articles on one question
 * share them whatever their proposals say. So a word weighs less the more
 * sentences of its own article it is in: ln (1 + S / s) for s sentences
 * of S, on top of its rarity across the workspace. */
static void
weigh_locally (Vocabulary *vocabulary,
               Count      *counts,
               guint       length,
               guint       n_sentences)
{
  for (guint i = 0; i < length; i++)
    {
      guint in = MAX (g_array_index (vocabulary->local_df, guint, counts[i].term), 1);

      counts[i].local = log (1 + (double)MAX (n_sentences, 1) / in);
    }
}

/* Reads every sentence of @article for the rarity of its words, counts its
 * words for its own vector into @article_counts, and its proposals' into
 * @proposal_counts (appending the proposals to self->proposals). */
static void
read_article (VpComparison *self,
              Vocabulary   *vocabulary,
              guint         index,
              GArray       *article_counts,
              guint        *article_start,
              GArray       *proposal_counts)
{
  VpArticle *article = g_ptr_array_index (self->articles, index);
  gboolean english = is_english (article);
  guint n_blocks = vp_article_get_n_blocks (article);
  g_autoptr(GArray) all_terms = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (guint));
  GListModel *sections = vp_article_get_sections (article);
  guint n_sections = g_list_model_get_n_items (sections);
  const VpMention *all;
  const VpMention *mentions;
  guint n_all;
  guint n_mentions;
  const char *title = vp_article_get_title (article);
  guint n_sentences = 0;

  all = vp_article_get_mentions (article, &n_all);

  /* The title is one more sentence. */
  if (title != NULL)
    {
      mentions = block_mentions (all, n_all, VP_MENTION_TITLE, &n_mentions);
      tokenize (vocabulary, title, 0, strlen (title), mentions, n_mentions, english, terms);
      count_document (vocabulary, terms, vocabulary->sentence_df, TRUE);
      vocabulary->n_sentences++;
      n_sentences++;
      g_array_append_vals (all_terms, terms->data, terms->len);
    }

  for (guint b = 0; b < n_blocks; b++)
    {
      const char *text = vp_article_get_block (article, b)->text;
      g_autoptr(GArray) sentences = vp_text_split_sentences (text, -1);

      mentions = block_mentions (all, n_all, b, &n_mentions);
      for (guint s = 0; s < sentences->len; s++)
        {
          VpTextSpan span = g_array_index (sentences, VpTextSpan, s);

          g_array_set_size (terms, 0);
          tokenize (vocabulary, text, span.start, span.end, mentions, n_mentions, english, terms);
          count_document (vocabulary, terms, vocabulary->sentence_df, TRUE);
          vocabulary->n_sentences++;
          n_sentences++;
          g_array_append_vals (all_terms, terms->data, terms->len);
        }
    }

  count_document (vocabulary, all_terms, vocabulary->article_df, FALSE);
  *article_start = article_counts->len;
  append_counts (all_terms, article_counts);

  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, s);
      guint n_items = vp_outline_section_get_n_items (section);

      for (guint k = 0; k < n_items; k++)
        {
          Proposal proposal = { { index, s, k }, vp_outline_section_get_item (section, k), 0, 0 };

          g_array_set_size (terms, 0);
          tokenize_item (vocabulary, article, proposal.item, english, terms);
          proposal.start = proposal_counts->len;
          proposal.length = append_counts (terms, proposal_counts);
          weigh_locally (vocabulary, &g_array_index (proposal_counts, Count, proposal.start),
                         proposal.length, n_sentences);
          g_array_append_val (self->proposals, proposal);
        }
    }

  for (guint i = 0; i < vocabulary->touched->len; i++)
    g_array_index (vocabulary->local_df, guint, g_array_index (vocabulary->touched, guint, i)) = 0;
  g_array_set_size (vocabulary->touched, 0);
}

/* Weighs the counts[start, start + length) into unit-length entries
 * appended to @entries. */
static void
weigh (const Count  *counts,
       guint         length,
       const double *idf,
       const double *kind_weight,
       GArray       *entries)
{
  guint first = entries->len;
  double norm = 0;

  for (guint i = 0; i < length; i++)
    {
      double w = (1 + log (counts[i].count)) * idf[counts[i].term] * counts[i].local *
                 kind_weight[counts[i].term];
      Entry entry;

      entry.term = counts[i].term;
      entry.weight = w;
      norm += w * w;
      g_array_append_val (entries, entry);
    }

  norm = sqrt (norm);
  for (guint i = first; i < entries->len && norm > 0; i++)
    g_array_index (entries, Entry, i).weight /= norm;
}

static void
build_vectors (VpComparison *self)
{
  Vocabulary vocabulary;
  g_autoptr(GArray) article_counts = g_array_new (FALSE, FALSE, sizeof (Count));
  g_autoptr(GArray) proposal_counts = g_array_new (FALSE, FALSE, sizeof (Count));
  g_autofree guint *article_count_starts = NULL;
  g_autofree double *sentence_idf = NULL;
  g_autofree double *article_idf = NULL;
  g_autofree double *kind_weight = NULL;
  guint n_articles = self->articles->len;
  guint n_terms;

  vocabulary_init (&vocabulary);
  article_count_starts = g_new (guint, n_articles + 1);

  for (guint a = 0; a < n_articles; a++)
    read_article (self, &vocabulary, a, article_counts, &article_count_starts[a], proposal_counts);
  article_count_starts[n_articles] = article_counts->len;

  n_terms = vocabulary.kinds->len;
  sentence_idf = g_new (double, MAX (n_terms, 1));
  article_idf = g_new (double, MAX (n_terms, 1));
  kind_weight = g_new (double, MAX (n_terms, 1));
  for (guint t = 0; t < n_terms; t++)
    {
      switch (g_array_index (vocabulary.kinds, guint8, t))
        {
        case TERM_ACTOR:
          kind_weight[t] = ACTOR_WEIGHT;
          break;

        case TERM_PAIR:
          kind_weight[t] = PAIR_WEIGHT;
          break;

        default:
          kind_weight[t] = 1;
          break;
        }
    }

  /* ln (1 + N / df): a word in every sentence still weighs a little
   * (ln 2), a word in one weighs most. */
  for (guint t = 0; t < n_terms; t++)
    {
      guint sentence_df = MAX (g_array_index (vocabulary.sentence_df, guint, t), 1);
      guint article_df = MAX (g_array_index (vocabulary.article_df, guint, t), 1);

      sentence_idf[t] = log (1 + (double)MAX (vocabulary.n_sentences, 1) / sentence_df);
      article_idf[t] = log (1 + (double)MAX (n_articles, 1) / article_df);
    }

  for (guint i = 0; i < self->proposals->len; i++)
    {
      Proposal *proposal = &g_array_index (self->proposals, Proposal, i);
      guint start = self->entries->len;

      weigh (&g_array_index (proposal_counts, Count, proposal->start), proposal->length,
             sentence_idf, kind_weight, self->entries);
      proposal->start = start;
    }

  self->article_starts = g_new (guint, n_articles + 1);
  for (guint a = 0; a < n_articles; a++)
    {
      self->article_starts[a] = self->article_entries->len;
      weigh (&g_array_index (article_counts, Count, article_count_starts[a]),
             article_count_starts[a + 1] - article_count_starts[a],
             article_idf, kind_weight, self->article_entries);
    }
  self->article_starts[n_articles] = self->article_entries->len;

  vocabulary_clear (&vocabulary);
}

static void
build_matrix (VpComparison *self,
              VpActorSet   *actors)
{
  guint n_actors = actors != NULL ? g_list_model_get_n_items (G_LIST_MODEL (actors)) : 0;
  guint n_articles = self->articles->len;

  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (actors), i);

      if (vp_actor_get_enabled (actor))
        g_ptr_array_add (self->actors, g_steal_pointer (&actor));
    }

  self->mentions = g_new0 (guint, MAX (self->actors->len * n_articles, 1));
  self->proposal_counts = g_new0 (guint, MAX (self->actors->len * n_articles, 1));

  for (guint i = 0; i < self->actors->len; i++)
    {
      const char *id = vp_actor_get_id (g_ptr_array_index (self->actors, i));

      for (guint a = 0; a < n_articles; a++)
        {
          VpArticle *article = g_ptr_array_index (self->articles, a);

          self->mentions[i * n_articles + a] = vp_article_count_mentions (article, id);
          self->proposal_counts[i * n_articles + a] = vp_comparison_count_proposals (article, id);
        }
    }
}

/* Similarities */

static double
dot (const Entry *a,
     guint        n_a,
     const Entry *b,
     guint        n_b)
{
  double sum = 0;
  guint i = 0;
  guint j = 0;

  while (i < n_a && j < n_b)
    {
      if (a[i].term < b[j].term)
        i++;
      else if (a[i].term > b[j].term)
        j++;
      else
        sum += (double)a[i++].weight * b[j++].weight;
    }

  return sum;
}

/* How much to trust a match between proposals of articles @a and @b:
 * 1 when the articles are on the same question, less the further their
 * texts are apart (see SAME_QUESTION). */
static double
article_factor (VpComparison *self,
                guint         a,
                guint         b)
{
  guint n = self->articles->len;
  guint key;
  gpointer found;
  double sim;
  double ratio;

  if (a == b)
    return 1;
  if (a > b)
    {
      guint swap = a;

      a = b;
      b = swap;
    }

  /* Pairs are cached by a key that fits in a pointer; past 65,535
   * articles they are recomputed instead. */
  key = n < 0xFFFF ? a * n + b + 1 : 0;
  found = key != 0 ? g_hash_table_lookup (self->article_sims, GUINT_TO_POINTER (key)) : NULL;
  if (found != NULL)
    return g_array_index (self->sim_values, double, GPOINTER_TO_UINT (found) - 1);

  /* An article with no text of its own (its outline made by hand) gives
   * no reason to hold its proposals apart. */
  if (self->article_starts[a + 1] == self->article_starts[a] ||
      self->article_starts[b + 1] == self->article_starts[b])
    return 1;

  sim = dot (&g_array_index (self->article_entries, Entry, self->article_starts[a]),
             self->article_starts[a + 1] - self->article_starts[a],
             &g_array_index (self->article_entries, Entry, self->article_starts[b]),
             self->article_starts[b + 1] - self->article_starts[b]);
  ratio = MIN (sim / SAME_QUESTION, 1);
  ratio *= ratio;

  if (key != 0)
    {
      g_array_append_val (self->sim_values, ratio);
      g_hash_table_insert (self->article_sims, GUINT_TO_POINTER (key),
                           GUINT_TO_POINTER (self->sim_values->len));
    }

  return ratio;
}

static const Proposal *
get_proposal (VpComparison *self,
              guint         i)
{
  return &g_array_index (self->proposals, Proposal, i);
}

static double
proposal_cosine (VpComparison *self,
                 guint         x,
                 guint         y)
{
  const Proposal *px = get_proposal (self, x);
  const Proposal *py = get_proposal (self, y);

  return dot (&g_array_index (self->entries, Entry, px->start), px->length,
              &g_array_index (self->entries, Entry, py->start), py->length);
}

static double
similarity (VpComparison *self,
            guint         x,
            guint         y)
{
  double cosine;

  if (x == y)
    return 1;

  cosine = proposal_cosine (self, x, y);
  if (cosine <= 0)
    return 0;

  return cosine * article_factor (self, get_proposal (self, x)->ref.article,
                                  get_proposal (self, y)->ref.article);
}

/* Candidates */

static int
compare_weights_desc (gconstpointer a,
                      gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  if (ea->weight != eb->weight)
    return ea->weight > eb->weight ? -1 : 1;
  return ea->term < eb->term ? -1 : ea->term > eb->term;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->s != cb->s)
    return ca->s > cb->s ? -1 : 1;
  if (ca->x != cb->x)
    return ca->x < cb->x ? -1 : 1;
  return ca->y < cb->y ? -1 : ca->y > cb->y;
}

/* The pairs of proposals of different articles whose similarity reaches
 * the threshold, most similar first.
 *
 * A proposal's prefix is its heaviest terms, leaving out the lightest ones
 * as long as their norm stays under t. The dot product of two unit vectors
 * over terms outside one's prefix is at most the norm of those terms, so a
 * pair whose cosine reaches t shares at least one term of either's prefix.
 * Each proposal's prefix is therefore indexed, and each proposal looks all
 * its terms up among the prefixes of those before it. */
static GArray *
find_candidates (VpComparison *self,
                 double        t)
{
  guint n = self->proposals->len;
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autofree guint *offsets = NULL;
  g_autofree guint *fill = NULL;
  g_autofree guint *postings = NULL;
  g_autofree guint *seen = NULL;
  g_autoptr(GArray) prefix_terms = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *prefix_starts = g_new (guint, n + 1);
  guint n_terms = 0;

  /* Each proposal's prefix: its terms by weight, less the lightest tail
   * whose squared weights sum to under t². */
  for (guint i = 0; i < n; i++)
    {
      const Proposal *p = get_proposal (self, i);
      double tail = 0;
      guint keep;

      g_array_set_size (sorted, 0);
      g_array_append_vals (sorted, &g_array_index (self->entries, Entry, p->start), p->length);
      g_array_sort (sorted, compare_weights_desc);

      for (keep = p->length; keep > 0; keep--)
        {
          double w = g_array_index (sorted, Entry, keep - 1).weight;

          if (tail + w * w >= t * t)
            break;
          tail += w * w;
        }

      prefix_starts[i] = prefix_terms->len;
      for (guint k = 0; k < keep; k++)
        {
          guint term = g_array_index (sorted, Entry, k).term;

          g_array_append_val (prefix_terms, term);
          n_terms = MAX (n_terms, term + 1);
        }
    }
  prefix_starts[n] = prefix_terms->len;

  for (guint i = 0; i < self->entries->len; i++)
    n_terms = MAX (n_terms, g_array_index (self->entries, Entry, i).term + 1);

  /* The index: for each term, the proposals with it in their prefix, in
   * order (compressed rows). */
  offsets = g_new0 (guint, n_terms + 1);
  for (guint k = 0; k < prefix_terms->len; k++)
    offsets[g_array_index (prefix_terms, guint, k) + 1]++;
  for (guint term = 0; term < n_terms; term++)
    offsets[term + 1] += offsets[term];
  fill = g_memdup2 (offsets, sizeof (guint) * (n_terms + 1));
  postings = g_new (guint, MAX (prefix_terms->len, 1));
  for (guint i = 0; i < n; i++)
    {
      for (guint k = prefix_starts[i]; k < prefix_starts[i + 1]; k++)
        postings[fill[g_array_index (prefix_terms, guint, k)]++] = i;
    }

  /* seen[x] = y + 1 once x has been compared with y. */
  seen = g_new0 (guint, MAX (n, 1));

  for (guint y = 0; y < n; y++)
    {
      const Proposal *py = get_proposal (self, y);
      const Entry *entries = &g_array_index (self->entries, Entry, py->start);

      for (guint k = 0; k < py->length; k++)
        {
          guint term = entries[k].term;

          for (guint e = offsets[term]; e < offsets[term + 1]; e++)
            {
              guint x = postings[e];
              Candidate candidate;

              /* Postings are in order: the rest come after y. */
              if (x >= y)
                break;
              if (seen[x] == y + 1)
                continue;
              seen[x] = y + 1;

              if (get_proposal (self, x)->ref.article == py->ref.article)
                continue;

              candidate.s = proposal_cosine (self, x, y);
              if (candidate.s < t || candidate.s <= 0)
                continue;
              candidate.s *= article_factor (self, get_proposal (self, x)->ref.article,
                                             py->ref.article);
              if (candidate.s < t || candidate.s <= 0)
                continue;

              candidate.x = x;
              candidate.y = y;
              g_array_append_val (candidates, candidate);
            }
        }
    }

  g_array_sort (candidates, compare_candidates);

  return candidates;
}

/* Grouping */

typedef struct
{
  VpComparison *self;
  guint        *parent;
  GArray      **members;   /* per root: its proposals, in order */
  GHashTable   *rejected;  /* root pair → sizes when their merge was refused */
} Grouping;

static guint
find_root (Grouping *g,
           guint     x)
{
  guint root = x;

  while (g->parent[root] != root)
    root = g->parent[root];

  /* Path compression keeps later look-ups short. */
  while (g->parent[x] != root)
    {
      guint next = g->parent[x];

      g->parent[x] = root;
      x = next;
    }

  return root;
}

/* Whether two groups have proposals of one article: their members are in
 * order of proposal, and so of article. */
static gboolean
share_article (Grouping *g,
               GArray   *a,
               GArray   *b)
{
  guint i = 0;
  guint j = 0;

  while (i < a->len && j < b->len)
    {
      guint article_a = get_proposal (g->self, g_array_index (a, guint, i))->ref.article;
      guint article_b = get_proposal (g->self, g_array_index (b, guint, j))->ref.article;

      if (article_a == article_b)
        return TRUE;
      if (article_a < article_b)
        i++;
      else
        j++;
    }

  return FALSE;
}

/* Whether the user keeps a proposal of one group apart from one of the
 * other. */
static gboolean
kept_apart (Grouping *g,
            guint     root_a,
            guint     root_b)
{
  GArray *manual = g->self->manual;

  for (guint i = 0; i < manual->len; i++)
    {
      const Manual *m = &g_array_index (manual, Manual, i);
      guint ra;
      guint rb;

      if (m->kind != MANUAL_UNLINK)
        continue;
      ra = find_root (g, m->a);
      rb = find_root (g, m->b);
      if ((ra == root_a && rb == root_b) || (ra == root_b && rb == root_a))
        return TRUE;
    }

  return FALSE;
}

static void
merge (Grouping *g,
       guint     root_a,
       guint     root_b)
{
  GArray *a = g->members[root_a];
  GArray *b = g->members[root_b];
  GArray *merged = g_array_sized_new (FALSE, FALSE, sizeof (guint), a->len + b->len);
  guint i = 0;
  guint j = 0;

  while (i < a->len || j < b->len)
    {
      if (j >= b->len || (i < a->len && g_array_index (a, guint, i) < g_array_index (b, guint, j)))
        g_array_append_val (merged, g_array_index (a, guint, i++));
      else
        g_array_append_val (merged, g_array_index (b, guint, j++));
    }

  g->parent[root_b] = root_a;
  g_array_unref (a);
  g_array_unref (b);
  g->members[root_a] = merged;
  g->members[root_b] = NULL;
}

/* Whether every proposal of one group shares words with every proposal of
 * the other. The pair that brought the groups here is similar enough, but
 * a proposal that links two others with nothing in common ("hotline" with
 * one, "Yemen" with the other) must not chain them into one row. */
static gboolean
related (Grouping *g,
         guint     root_a,
         guint     root_b)
{
  GArray *a = g->members[root_a];
  GArray *b = g->members[root_b];
  guint lo = MIN (root_a, root_b);
  guint hi = MAX (root_a, root_b);
  guint64 key = ((guint64)lo << 32) | hi;
  guint64 sizes = ((guint64)g->members[lo]->len << 32) | g->members[hi]->len;
  guint64 *refused;

  /* Every pair across two groups leads here, and the answer is the same
   * for all of them until either group grows. */
  refused = g_hash_table_lookup (g->rejected, &key);
  if (refused != NULL && *refused == sizes)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      for (guint j = 0; j < b->len; j++)
        {
          guint x = g_array_index (a, guint, i);
          guint y = g_array_index (b, guint, j);

          if (proposal_cosine (g->self, x, y) <= 0)
            {
              g_hash_table_insert (g->rejected, g_memdup2 (&key, sizeof key),
                                   g_memdup2 (&sizes, sizeof sizes));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  GArray *ga = *(GArray * const *)a;
  GArray *gb = *(GArray * const *)b;

  return compare_uints (&g_array_index (ga, guint, 0), &g_array_index (gb, guint, 0));
}

static void
clear_groups (VpComparison *self)
{
  self->grouped = FALSE;
  g_array_set_size (self->members, 0);
  g_array_set_size (self->group_starts, 0);
  g_clear_pointer (&self->group_of, g_free);
}

static void
ensure_groups (VpComparison *self)
{
  guint n = self->proposals->len;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  Grouping g = { self, NULL, NULL, NULL };
  guint zero = 0;

  if (self->grouped)
    return;

  g.parent = g_new (guint, MAX (n, 1));
  g.members = g_new0 (GArray *, MAX (n, 1));
  g.rejected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < n; i++)
    {
      g.parent[i] = i;
      g.members[i] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (g.members[i], i);
    }

  /* The user's links first, in the order made: each joins two groups
   * unless that would put two proposals of one article in a row or undo
   * an unlink. */
  for (guint i = 0; i < self->manual->len; i++)
    {
      const Manual *m = &g_array_index (self->manual, Manual, i);
      guint ra;
      guint rb;

      if (m->kind != MANUAL_LINK)
        continue;
      ra = find_root (&g, m->a);
      rb = find_root (&g, m->b);
      if (ra != rb && !share_article (&g, g.members[ra], g.members[rb]) && !kept_apart (&g, ra, rb))
        merge (&g, ra, rb);
    }

  candidates = find_candidates (self, self->threshold);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      guint rx = find_root (&g, c->x);
      guint ry = find_root (&g, c->y);

      if (rx == ry || share_article (&g, g.members[rx], g.members[ry]) ||
          kept_apart (&g, rx, ry) || !related (&g, rx, ry))
        continue;

      /* The group of the earlier proposal keeps its root. */
      if (rx < ry)
        merge (&g, rx, ry);
      else
        merge (&g, ry, rx);
    }

  groups = g_ptr_array_new ();
  for (guint i = 0; i < n; i++)
    {
      if (g.members[i] != NULL && g.members[i]->len > 1)
        g_ptr_array_add (groups, g.members[i]);
    }
  g_ptr_array_sort (groups, compare_groups);

  self->group_of = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->group_of[i] = G_MAXUINT;

  g_array_append_val (self->group_starts, zero);
  for (guint k = 0; k < groups->len; k++)
    {
      GArray *group = g_ptr_array_index (groups, k);

      for (guint i = 0; i < group->len; i++)
        {
          guint p = g_array_index (group, guint, i);

          g_array_append_val (self->members, get_proposal (self, p)->ref);
          self->group_of[p] = k;
        }
      g_array_append_val (self->group_starts, self->members->len);
    }

  for (guint i = 0; i < n; i++)
    {
      if (g.members[i] != NULL)
        g_array_unref (g.members[i]);
    }
  g_free (g.members);
  g_free (g.parent);
  g_hash_table_unref (g.rejected);

  self->grouped = TRUE;
}

/* GObject */

static void
vp_comparison_finalize (GObject *object)
{
  VpComparison *self = (VpComparison *)object;

  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->mentions, g_free);
  g_clear_pointer (&self->proposal_counts, g_free);
  g_clear_pointer (&self->proposals, g_array_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->article_entries, g_array_unref);
  g_clear_pointer (&self->article_starts, g_free);
  g_clear_pointer (&self->article_sims, g_hash_table_unref);
  g_clear_pointer (&self->sim_values, g_array_unref);
  g_clear_pointer (&self->manual, g_array_unref);
  g_clear_pointer (&self->members, g_array_unref);
  g_clear_pointer (&self->group_starts, g_array_unref);
  g_clear_pointer (&self->group_of, g_free);

  G_OBJECT_CLASS (vp_comparison_parent_class)->finalize (object);
}

static void
vp_comparison_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VpComparison *self = VP_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      g_value_set_double (value, self->threshold);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_comparison_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VpComparison *self = VP_COMPARISON (object);

  switch (prop_id)
    {
    case PROP_THRESHOLD:
      vp_comparison_set_threshold (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_comparison_class_init (VpComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vp_comparison_finalize;
  object_class->get_property = vp_comparison_get_property;
  object_class->set_property = vp_comparison_set_property;

  /**
   * VpComparison:threshold:
   *
   * How similar proposals must be, on average within a group, to be
   * grouped: from 0 (any shared word) to 1 (the same words).
   */
  properties[PROP_THRESHOLD] =
    g_param_spec_double ("threshold", NULL, NULL,
                         0, 1, VP_COMPARISON_DEFAULT_THRESHOLD,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_comparison_init (VpComparison *self)
{
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
  self->actors = g_ptr_array_new_with_free_func (g_object_unref);
  self->proposals = g_array_new (FALSE, FALSE, sizeof (Proposal));
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->article_entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->article_sims = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->sim_values = g_array_new (FALSE, FALSE, sizeof (double));
  self->threshold = VP_COMPARISON_DEFAULT_THRESHOLD;
  self->manual = g_array_new (FALSE, FALSE, sizeof (Manual));
  self->members = g_array_new (FALSE, FALSE, sizeof (VpProposalRef));
  self->group_starts = g_array_new (FALSE, FALSE, sizeof (guint));
}

/**
 * vp_comparison_new:
 * @articles: (element-type VpArticle): the articles, in their order
 * @actors: (nullable): the actor set; its enabled actors are the matrix's rows
 *
 * Compares @articles as they are now: their outlines and mentions are read
 * here, so make a new comparison when they change. The work grows with the
 * length of the articles and is meant to run in a worker thread for large
 * workspaces; the comparison holds references to the articles.
 *
 * Returns: (transfer full): a new comparison
 */
VpComparison *
vp_comparison_new (GPtrArray  *articles,
                   VpActorSet *actors)
{
  VpComparison *self;

  g_return_val_if_fail (articles != NULL, NULL);
  g_return_val_if_fail (actors == NULL || VP_IS_ACTOR_SET (actors), NULL);

  for (guint i = 0; i < articles->len; i++)
    g_return_val_if_fail (VP_IS_ARTICLE (g_ptr_array_index (articles, i)), NULL);

  self = g_object_new (VP_TYPE_COMPARISON, NULL);
  for (guint i = 0; i < articles->len; i++)
    g_ptr_array_add (self->articles, g_object_ref (g_ptr_array_index (articles, i)));

  build_matrix (self, actors);
  build_vectors (self);

  return self;
}

guint
vp_comparison_get_n_articles (VpComparison *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), 0);

  return self->articles->len;
}

/**
 * vp_comparison_get_article:
 *
 * Returns: (transfer none): article @article
 */
VpArticle *
vp_comparison_get_article (VpComparison *self,
                           guint         article)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (article < self->articles->len, NULL);

  return g_ptr_array_index (self->articles, article);
}

/**
 * vp_comparison_get_n_actors:
 *
 * Returns: the number of rows of the matrix: the actors that were enabled
 *   when the comparison was made
 */
guint
vp_comparison_get_n_actors (VpComparison *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), 0);

  return self->actors->len;
}

/**
 * vp_comparison_get_actor:
 *
 * Returns: (transfer none): the actor of row @actor
 */
VpActor *
vp_comparison_get_actor (VpComparison *self,
                         guint         actor)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (actor < self->actors->len, NULL);

  return g_ptr_array_index (self->actors, actor);
}

/**
 * vp_comparison_get_mentions:
 *
 * Returns: the mentions of row @actor's actor in @article (its title and
 *   body), as vp_article_count_mentions() counts them
 */
guint
vp_comparison_get_mentions (VpComparison *self,
                            guint         actor,
                            guint         article)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), 0);
  g_return_val_if_fail (actor < self->actors->len, 0);
  g_return_val_if_fail (article < self->articles->len, 0);

  return self->mentions[actor * self->articles->len + article];
}

/**
 * vp_comparison_get_proposals:
 *
 * Returns: the proposals of @article that involve row @actor's actor (see
 *   vp_comparison_count_proposals())
 */
guint
vp_comparison_get_proposals (VpComparison *self,
                             guint         actor,
                             guint         article)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), 0);
  g_return_val_if_fail (actor < self->actors->len, 0);
  g_return_val_if_fail (article < self->articles->len, 0);

  return self->proposal_counts[actor * self->articles->len + article];
}

static guint
count_item_actor (VpOutlineItem *item,
                  const char    *actor_id)
{
  guint n_children = vp_outline_item_get_n_children (item);
  guint count = vp_outline_item_has_actor (item, actor_id) ? 1 : 0;

  for (guint i = 0; i < n_children; i++)
    count += count_item_actor (vp_outline_item_get_child (item, i), actor_id);

  return count;
}

/**
 * vp_comparison_count_proposals:
 * @article: an article
 * @actor_id: an actor's id
 *
 * Counts the proposals of @article that involve @actor_id: the items of its
 * sections, top-level and nested alike, whose actors include it. The
 * recommendations found in prose are not proposals here: they are
 * sentences a detector picked, not points the writer enumerated, and they
 * have no address in the groups either.
 *
 * Returns: the number of such items
 */
guint
vp_comparison_count_proposals (VpArticle  *article,
                               const char *actor_id)
{
  GListModel *sections;
  guint n_sections;
  guint count = 0;

  g_return_val_if_fail (VP_IS_ARTICLE (article), 0);
  g_return_val_if_fail (actor_id != NULL, 0);

  sections = vp_article_get_sections (article);
  n_sections = g_list_model_get_n_items (sections);
  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, s);
      guint n_items = vp_outline_section_get_n_items (section);

      for (guint k = 0; k < n_items; k++)
        count += count_item_actor (vp_outline_section_get_item (section, k), actor_id);
    }

  return count;
}

/**
 * vp_comparison_get_n_proposals:
 *
 * Returns: the number of proposals: the top-level items of every section
 *   of every article
 */
guint
vp_comparison_get_n_proposals (VpComparison *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), 0);

  return self->proposals->len;
}

/**
 * vp_comparison_get_proposal:
 *
 * Returns: (transfer none): the address of proposal @index, in order of
 *   article, section and item
 */
const VpProposalRef *
vp_comparison_get_proposal (VpComparison *self,
                            guint         index)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->proposals->len, NULL);

  return &get_proposal (self, index)->ref;
}

static int
compare_refs (const VpProposalRef *a,
              const VpProposalRef *b)
{
  if (a->article != b->article)
    return a->article < b->article ? -1 : 1;
  if (a->section != b->section)
    return a->section < b->section ? -1 : 1;
  return a->item < b->item ? -1 : a->item > b->item;
}

/* The index of the proposal at @ref, or G_MAXUINT: proposals are sorted
 * by address. */
static guint
find_proposal (VpComparison        *self,
               const VpProposalRef *ref)
{
  guint lo = 0;
  guint hi = self->proposals->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int order = compare_refs (&get_proposal (self, mid)->ref, ref);

      if (order == 0)
        return mid;
      if (order < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return G_MAXUINT;
}

/**
 * vp_comparison_get_item:
 *
 * Returns: (transfer none) (nullable): the outline item at @ref, or %NULL
 *   when there is none
 */
VpOutlineItem *
vp_comparison_get_item (VpComparison        *self,
                        const VpProposalRef *ref)
{
  guint index;

  g_return_val_if_fail (VP_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  index = find_proposal (self, ref);

  return index != G_MAXUINT ? get_proposal (self, index)->item : NULL;
}

/**
 * vp_comparison_get_similarity:
 *
 * The similarity that grouping uses: the cosine of the two proposals'
 * weighted words, scaled down when their articles are not on the same
 * question. 1 for a proposal with itself; 0 when either address names
 * no proposal.
 *
 * Returns: a similarity from 0 to 1
 */
double
vp_comparison_get_similarity (VpComparison        *self,
                              const VpProposalRef *a,
                              const VpProposalRef *b)
{
  guint x;
  guint y;

  g_return_val_if_fail (VP_IS_COMPARISON (self), 0);
  g_return_val_if_fail (a != NULL && b != NULL, 0);

  x = find_proposal (self, a);
  y = find_proposal (self, b);
  if (x == G_MAXUINT || y == G_MAXUINT)
    return 0;

  return CLAMP (similarity (self, x, y), 0, 1);
}

double
vp_comparison_get_threshold (VpComparison *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), VP_COMPARISON_DEFAULT_THRESHOLD);

  return self->threshold;
}

/**
 * vp_comparison_set_threshold:
 * @threshold: from 0 to 1; lower groups more
 *
 * Sets how similar proposals must be to be grouped
 * (%VP_COMPARISON_DEFAULT_THRESHOLD by default).
 */
void
vp_comparison_set_threshold (VpComparison *self,
                             double        threshold)
{
  g_return_if_fail (VP_IS_COMPARISON (self));
  g_return_if_fail (threshold >= 0 && threshold <= 1);

  if (self->threshold == threshold)
    return;

  self->threshold = threshold;
  clear_groups (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
}

/* Records a manual decision on the pair @a, @b, replacing any earlier one
 * on it; with @kind < 0 only forgets it. */
static gboolean
set_manual (VpComparison        *self,
            const VpProposalRef *a,
            const VpProposalRef *b,
            int                  kind)
{
  guint x = find_proposal (self, a);
  guint y = find_proposal (self, b);
  gboolean forgot = FALSE;
  Manual m;

  if (x == G_MAXUINT || y == G_MAXUINT || x == y)
    return FALSE;

  m.a = MIN (x, y);
  m.b = MAX (x, y);

  for (guint i = 0; i < self->manual->len; i++)
    {
      const Manual *old = &g_array_index (self->manual, Manual, i);

      if (old->a == m.a && old->b == m.b)
        {
          g_array_remove_index (self->manual, i);
          forgot = TRUE;
          break;
        }
    }

  if (kind >= 0)
    {
      m.kind = kind;
      g_array_append_val (self->manual, m);
    }

  if (kind >= 0 || forgot)
    clear_groups (self);

  return kind >= 0 || forgot;
}

/**
 * vp_comparison_link:
 * @a: a proposal
 * @b: a proposal of another article
 *
 * Puts @a and @b in one group whatever their similarity, as a user does
 * who sees that they say the same thing. Links are applied in the order
 * they were made, before any automatic match, and a link that would put
 * two proposals of one article in a group, or join proposals the user
 * keeps apart (vp_comparison_unlink()), is left out.
 *
 * Returns: %TRUE if the link was recorded; %FALSE if @a or @b names no
 *   proposal or both are of one article
 */
gboolean
vp_comparison_link (VpComparison        *self,
                    const VpProposalRef *a,
                    const VpProposalRef *b)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->article == b->article)
    return FALSE;

  return set_manual (self, a, b, MANUAL_LINK);
}

/**
 * vp_comparison_unlink:
 * @a: a proposal
 * @b: another proposal
 *
 * Keeps @a and @b out of one group, however similar: a wrong match the
 * user took apart. It replaces a link between them.
 *
 * Returns: %TRUE if recorded; %FALSE if @a or @b names no proposal
 */
gboolean
vp_comparison_unlink (VpComparison        *self,
                      const VpProposalRef *a,
                      const VpProposalRef *b)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return set_manual (self, a, b, MANUAL_UNLINK);
}

/**
 * vp_comparison_forget:
 * @a: a proposal
 * @b: another proposal
 *
 * Drops the user's link or unlink between @a and @b, leaving them to the
 * similarity again.
 *
 * Returns: %TRUE if there was one
 */
gboolean
vp_comparison_forget (VpComparison        *self,
                      const VpProposalRef *a,
                      const VpProposalRef *b)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return set_manual (self, a, b, -1);
}

/**
 * vp_comparison_get_n_groups:
 *
 * Returns: the number of groups: sets of two or more proposals of
 *   different articles that say the same thing
 */
guint
vp_comparison_get_n_groups (VpComparison *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON (self), 0);

  ensure_groups (self);

  return self->group_starts->len - 1;
}

/**
 * vp_comparison_get_group:
 * @group: a group's index
 * @n_members: (out): how many proposals it has
 *
 * Groups are in the order of their first proposal, and the proposals of a
 * group in order of article (one per article at most), so that a group is
 * a row with a cell for each article.
 *
 * Returns: (transfer none) (array length=n_members): the group's
 *   proposals, valid until the threshold or the links change
 */
const VpProposalRef *
vp_comparison_get_group (VpComparison *self,
                         guint         group,
                         guint        *n_members)
{
  guint start;

  g_return_val_if_fail (VP_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (n_members != NULL, NULL);

  ensure_groups (self);

  g_return_val_if_fail (group + 1 < self->group_starts->len, NULL);

  start = g_array_index (self->group_starts, guint, group);
  *n_members = g_array_index (self->group_starts, guint, group + 1) - start;

  return &g_array_index (self->members, VpProposalRef, start);
}

/**
 * vp_comparison_find_group:
 * @ref: a proposal
 * @group: (out) (optional): its group
 *
 * Returns: whether @ref is in a group
 */
gboolean
vp_comparison_find_group (VpComparison        *self,
                          const VpProposalRef *ref,
                          guint               *group)
{
  guint index;

  g_return_val_if_fail (VP_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  ensure_groups (self);

  index = find_proposal (self, ref);
  if (index == G_MAXUINT || self->group_of[index] == G_MAXUINT)
    return FALSE;

  if (group != NULL)
    *group = self->group_of[index];

  return TRUE;
}
