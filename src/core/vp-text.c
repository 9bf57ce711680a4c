/* vp-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-text"

#include "config.h"

#include <string.h>

#include "vp-text.h"

/**
 * vp_text_is_space:
 *
 * Whether @c separates words: ASCII white space, the non-breaking spaces
 * (U+00A0, U+202F) and the other Unicode space separators.
 */
gboolean
vp_text_is_space (gunichar c)
{
  switch (c)
    {
    case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
    case 0x00A0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return TRUE;

    default:
      return c >= 0x2000 && c <= 0x200A;
    }
}

/**
 * vp_text_is_invisible:
 *
 * Whether @c is a character that carries nothing a reader sees and is
 * dropped from clean text: soft hyphens, zero-width spaces, word joiners,
 * byte-order marks and control characters. The zero-width (non-)joiners
 * stay, since Persian and Indic scripts need them.
 */
gboolean
vp_text_is_invisible (gunichar c)
{
  if (c < 0x20 || (c >= 0x7F && c < 0xA0))
    return !vp_text_is_space (c);

  switch (c)
    {
    case 0x00AD: case 0x200B: case 0x2060: case 0xFEFF:
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * vp_text_append_normalised:
 * @out: the text built so far
 * @text: text to append
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Appends @text to @out with every run of white space turned into one
 * space and invisible characters dropped. No space is added at the start
 * of @out or after a space already there, so pieces of one paragraph can be
 * appended one after the other; vp_text_trim_end() removes the space that
 * may be left at the end. Invalid UTF-8 becomes U+FFFD.
 */
void
vp_text_append_normalised (GString    *out,
                           const char *text,
                           gssize      length)
{
  const char *p;
  const char *end;
  gboolean space;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);

  p = text;
  end = text + length;
  space = out->len == 0 || out->str[out->len - 1] == ' ';

  while (p < end)
    {
      guchar b = (guchar)*p;
      gunichar c;

      /* Most text is ASCII: handle it without decoding. */
      if (b < 0x80)
        {
          if (b == ' ' || (b >= '\t' && b <= '\r'))
            {
              if (!space)
                {
                  g_string_append_c (out, ' ');
                  space = TRUE;
                }
            }
          else if (b >= 0x20 && b != 0x7F)
            {
              g_string_append_c (out, b);
              space = FALSE;
            }
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          g_string_append_unichar (out, 0xFFFD);
          space = FALSE;
          p++;
          continue;
        }

      if (vp_text_is_space (c))
        {
          if (!space)
            {
              g_string_append_c (out, ' ');
              space = TRUE;
            }
        }
      else if (!vp_text_is_invisible (c))
        {
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          space = FALSE;
        }

      p = g_utf8_next_char (p);
    }
}

/**
 * vp_text_trim_end:
 *
 * Drops the space vp_text_append_normalised() may have left at the end.
 */
void
vp_text_trim_end (GString *out)
{
  g_return_if_fail (out != NULL);

  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
}

/**
 * vp_text_normalise:
 * @text: UTF-8 text
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Returns: (transfer full): @text with white space collapsed and trimmed,
 *   and invisible characters dropped
 */
char *
vp_text_normalise (const char *text,
                   gssize      length)
{
  GString *out;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  out = g_string_sized_new (length >= 0 ? (gsize)length : 64);
  vp_text_append_normalised (out, text, length);
  vp_text_trim_end (out);

  return g_string_free (out, FALSE);
}

/* Sentences, headings and list markers */

/**
 * vp_text_get_char:
 * @p: where to read, before @end
 * @end: the end of the text
 * @next: (out): where the next character starts
 *
 * Decodes the character at @p, taking a stray byte of invalid UTF-8 for
 * U+FFFD so that scanning never stops or loops on bad input.
 */
gunichar
vp_text_get_char (const char  *p,
                  const char  *end,
                  const char **next)
{
  gunichar c;

  if ((guchar)*p < 0x80)
    {
      *next = p + 1;
      return (guchar)*p;
    }

  c = g_utf8_get_char_validated (p, end - p);
  if (c == (gunichar)-1 || c == (gunichar)-2)
    {
      *next = p + 1;
      return 0xFFFD;
    }

  *next = g_utf8_next_char (p);
  return c;
}

/* The start of the character before @p. */
static const char *
char_before (const char *start,
             const char *p)
{
  const char *q = p - 1;

  while (q > start && ((guchar)*q & 0xC0) == 0x80 && p - q < 4)
    q--;

  return q;
}

/* The character before @p, decoded within [@start, @p). */
static gunichar
prev_char (const char  *start,
           const char  *p,
           const char **prev)
{
  const char *ignored;

  *prev = char_before (start, p);

  return vp_text_get_char (*prev, p, &ignored);
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (p < end)
    {
      const char *next;

      if (!vp_text_is_space (vp_text_get_char (p, end, &next)))
        break;
      p = next;
    }

  return p;
}

static gboolean
is_closing_mark (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' ||
         c == 0x2019 || c == 0x201D || c == 0x00BB || c == 0x203A;
}

static gboolean
is_opening_mark (gunichar c)
{
  return c == '"' || c == '\'' || c == '(' || c == '[' ||
         c == 0x2018 || c == 0x201C || c == 0x00AB || c == 0x2039;
}

static gboolean
word_is_one_of (const char         *word,
                gsize               length,
                const char * const *words,
                gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    {
      if (words[i][0] == word[0] && strncmp (word, words[i], length) == 0 &&
          words[i][length] == '\0')
        return TRUE;
    }

  return FALSE;
}

/* Abbreviations that stand before a name or a number, so a full stop after
 * them never ends a sentence: "Sen. Dianne Feinstein", "Dr. Rouhani". */
static const char * const prefix_abbreviations[] = {
  "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
  "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Adm", "Cmdr", "Brig", "Rev",
  "Hon", "Pres", "Amb", "Fr", "Sr", "St", "Mt", "Ft", "Atty", "Supt", "Messrs", "Mme",
  "Mlle", "vs", "cf", "viz", "Gens", "Insp",
};

/* Abbreviations that may also end a sentence ("… Apple Inc. The company"):
 * the full stop ends one only when a word that often starts sentences
 * follows. The states are the ones newspapers use after party letters,
 * as in "D-Calif.". */
static const char * const other_abbreviations[] = {
  "Jr", "Inc", "Ltd", "Co", "Corp", "Bros", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
  "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ala", "Ariz", "Ark", "Calif", "Colo",
  "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass",
  "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Penn",
  "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "approx", "est", "al", "etc", "ca",
  "vol", "ed", "eds", "pp", "no", "nos", "op", "cit", "ibid", "fig",
};

/* Words that often start a sentence: after an abbreviation that may end
 * one, they tell that it did. */
static const char * const sentence_starters[] = {
  "The", "A", "An", "It", "Its", "This", "That", "These", "Those", "There", "They",
  "Their", "He", "She", "We", "I", "You", "His", "Her", "Our", "My", "But", "And", "Or",
  "So", "Yet", "In", "On", "At", "By", "For", "From", "To", "With", "As", "If", "When",
  "While", "What", "Why", "How", "Where", "Who", "However", "Moreover", "Still", "Such",
  "Then", "Now", "Many", "Most", "Some", "All", "After", "Before", "Since", "Although",
  "Though", "Despite", "Meanwhile", "Instead", "Indeed", "Yes", "No", "Nor", "Both",
};

/* Whether the word at @p, after any opening quote, is one of @words. */
static gboolean
next_word_is_one_of (const char         *p,
                     const char         *end,
                     const char * const *words,
                     gsize               n_words)
{
  const char *next;
  const char *word;

  while (p < end && is_opening_mark (vp_text_get_char (p, end, &next)))
    p = next;

  word = p;
  while (p < end && g_ascii_isalpha (*p))
    p++;

  return p > word && word_is_one_of (word, p - word, words, n_words);
}

/* Decides whether the full stop at @stop, followed by white space and then
 * @next, ends a sentence. @text is where the word before it may start. */
static gboolean
full_stop_ends_sentence (const char *text,
                         const char *stop,
                         const char *next,
                         const char *end)
{
  const char *word = stop;
  const char *p;
  gsize n_letters = 0;
  gboolean dotted = FALSE;

  /* The word the full stop ends, back to the previous space. */
  while (word > text)
    {
      const char *prev = char_before (text, word);
      const char *ignored;

      if (vp_text_is_space (vp_text_get_char (prev, stop, &ignored)))
        break;
      word = prev;
    }
  while (word < stop)
    {
      const char *after;

      if (!is_opening_mark (vp_text_get_char (word, stop, &after)))
        break;
      word = after;
    }

  /* "D-Calif." is the abbreviation "Calif.". */
  for (p = word; p < stop; p++)
    {
      if (*p == '-')
        word = p + 1;
    }

  if (word == stop)
    return TRUE;

  for (p = word; p < stop; )
    {
      const char *after;
      gunichar c = vp_text_get_char (p, stop, &after);

      if (c == '.')
        dotted = TRUE;
      else if (g_unichar_isalpha (c))
        n_letters++;
      p = after;
    }

  /* An initial, "John F. Kennedy", or the last letter of "U.S.". A
   * sentence that really ends on a single letter is rare enough to lose. */
  if (n_letters == 1 && !dotted && g_unichar_isalpha (vp_text_get_char (word, stop, &p)))
    return FALSE;

  /* "U.S.", "e.g.", "a.m.". */
  if (dotted)
    return next_word_is_one_of (next, end, sentence_starters, G_N_ELEMENTS (sentence_starters));

  if (word_is_one_of (word, stop - word, prefix_abbreviations, G_N_ELEMENTS (prefix_abbreviations)))
    return FALSE;

  /* "No. 1" */
  if (stop - word == 2 && strncmp (word, "No", 2) == 0 && g_ascii_isdigit (*next))
    return FALSE;

  if (word_is_one_of (word, stop - word, other_abbreviations, G_N_ELEMENTS (other_abbreviations)))
    return next_word_is_one_of (next, end, sentence_starters, G_N_ELEMENTS (sentence_starters));

  return TRUE;
}

static gboolean
is_ellipsis (const char *p,
             const char *end)
{
  return end - p >= 3 && (guchar)p[0] == 0xE2 && (guchar)p[1] == 0x80 && (guchar)p[2] == 0xA6;
}

/**
 * vp_text_split_sentences:
 * @text: whitespace-normalised UTF-8 text, such as a block's
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Splits @text into sentences. A sentence ends at a full stop, a question
 * or exclamation mark or an ellipsis, with the closing quotes and brackets
 * after it, when white space and then something other than a lower-case
 * letter follow. A full stop after an abbreviation ("Sen.", "D-Calif.",
 * "Dr."), an initial ("John F. Kennedy") or inside a number ("3.5") does
 * not end one; after "U.S." or "Inc." it does only when a word that often
 * starts sentences follows.
 *
 * Returns: (transfer full) (element-type VpTextSpan): the sentences, in
 *   order, without the white space between them
 */
GArray *
vp_text_split_sentences (const char *text,
                         gssize      length)
{
  GArray *spans;
  const char *end;
  const char *start;
  const char *p;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (text);

  spans = g_array_new (FALSE, FALSE, sizeof (VpTextSpan));
  end = text + length;
  start = skip_spaces (text, end);
  p = start;

  /* Every terminator is ASCII or U+2026, so scanning bytes is safe: no
   * byte of a multi-byte character equals an ASCII one. */
  while (p < end)
    {
      gboolean single_stop;
      const char *q;
      const char *next;
      const char *after;
      gunichar c;

      if (*p == '.' || *p == '!' || *p == '?')
        q = p + 1;
      else if (is_ellipsis (p, end))
        q = p + 3;
      else
        {
          p++;
          continue;
        }

      single_stop = *p == '.';

      /* "?!", "..." */
      while (q < end && (*q == '.' || *q == '!' || *q == '?' || is_ellipsis (q, end)))
        {
          single_stop = FALSE;
          q += is_ellipsis (q, end) ? 3 : 1;
        }

      /* Closing quotes and brackets belong to the sentence they close. */
      while (q < end && is_closing_mark (vp_text_get_char (q, end, &after)))
        q = after;

      if (q >= end)
        break;

      /* "3.5", "U.S.-Iran", "Calif.,": no space, no boundary. */
      if (!vp_text_is_space (vp_text_get_char (q, end, &after)))
        {
          p = q;
          continue;
        }

      next = skip_spaces (q, end);
      if (next >= end)
        break;

      /* A sentence does not start with a lower-case letter. */
      after = next;
      while (after < end && is_opening_mark (vp_text_get_char (after, end, &q)))
        after = q;
      c = after < end ? vp_text_get_char (after, end, &q) : 0;

      if (!g_unichar_islower (c) &&
          (!single_stop || full_stop_ends_sentence (start, p, next, end)))
        {
          VpTextSpan span = { start - text, 0 };

          /* The end is past the closing marks, before the space. */
          span.end = next - text;
          while (span.end > span.start &&
                 vp_text_is_space (prev_char (text + span.start, text + span.end, &after)))
            span.end = after - text;

          g_array_append_val (spans, span);
          start = next;
        }

      p = next;
    }

  /* The last sentence runs to the end, without trailing space. */
  while (end > start)
    {
      const char *prev;

      if (!vp_text_is_space (prev_char (start, end, &prev)))
        break;
      end = prev;
    }

  if (end > start)
    {
      VpTextSpan span = { start - text, end - text };

      g_array_append_val (spans, span);
    }

  return spans;
}

/**
 * vp_text_looks_like_heading:
 * @text: UTF-8 text, such as a line or a paragraph
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Whether @text reads like a title or a section heading rather than prose:
 * a few words (twelve at most), that do not start in lower case and do not
 * end in punctuation ("The way forward", "Why Tehran matters"). Whether it
 * stands on its own is for the caller to check.
 */
gboolean
vp_text_looks_like_heading (const char *text,
                            gssize      length)
{
  const char *end;
  const char *p;
  const char *next;
  const char *last;
  const char *p_start;
  gunichar c;
  guint n_words = 0;
  guint n_letters = 0;
  guint n_digits = 0;
  gboolean in_word = FALSE;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (length < 0)
    length = strlen (text);

  end = text + length;
  p = skip_spaces (text, end);
  while (end > p && vp_text_is_space (prev_char (p, end, &last)))
    end = last;

  if (p == end || end - p > 120)
    return FALSE;

  /* The first letter or digit, after any opening quote, is not lower case. */
  for (const char *q = p; q < end; q = next)
    {
      c = vp_text_get_char (q, end, &next);
      if (is_opening_mark (c))
        continue;
      if (g_unichar_islower (c) || !(g_unichar_isalnum (c)))
        return FALSE;
      break;
    }

  /* No final punctuation, even inside closing quotes: "… he said.”" */
  last = end;
  do
    c = prev_char (p, last, &last);
  while (last > p && is_closing_mark (c));

  if (c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?' ||
      c == 0x2026 || c == '-' || c == 0x2013 || c == 0x2014)
    return FALSE;

  for (p_start = p; p < end; p = next)
    {
      c = vp_text_get_char (p, end, &next);

      if (vp_text_is_space (c))
        in_word = FALSE;
      else
        {
          if (!in_word)
            n_words++;
          in_word = TRUE;
          if (g_unichar_isdigit (c))
            n_digits++;
          else if (g_unichar_isalpha (c))
            n_letters++;
        }
    }

  /* Dates and counters ("June 27, 2014", "1,204 Views") are not headings. */
  if (n_digits > 4 || (g_ascii_isdigit (*p_start) && n_words <= 2))
    return FALSE;

  return n_words <= 12 && n_letters >= 2;
}

static int
roman_digit (char c)
{
  switch (g_ascii_tolower (c))
    {
    case 'i': return 1;
    case 'v': return 5;
    case 'x': return 10;
    case 'l': return 50;
    case 'c': return 100;
    default: return 0;
    }
}

/* The value of @text as a roman numeral up to 100 in canonical form
 * ("iv", not "iiii"), or 0. Larger ones are words ("mix", "civil"), not
 * list markers. */
static guint
parse_roman (const char *text,
             gsize       length)
{
  static const struct { const char *digits; int value; } table[] = {
    { "c", 100 }, { "xc", 90 }, { "l", 50 }, { "xl", 40 }, { "x", 10 },
    { "ix", 9 }, { "v", 5 }, { "iv", 4 }, { "i", 1 },
  };
  char canonical[16];
  gsize n = 0;
  int value = 0;
  int rest;

  if (length == 0 || length > 9)
    return 0;

  for (gsize i = 0; i < length; i++)
    {
      int digit = roman_digit (text[i]);
      int following = i + 1 < length ? roman_digit (text[i + 1]) : 0;

      if (digit == 0)
        return 0;
      value += digit < following ? -digit : digit;
    }

  if (value <= 0 || value > 100)
    return 0;

  /* Write the value back in canonical form: it must read the same. */
  rest = value;
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      while (rest >= table[i].value && n + 2 < sizeof canonical)
        {
          for (const char *d = table[i].digits; *d != '\0'; d++)
            canonical[n++] = *d;
          rest -= table[i].value;
        }
    }

  return n == length && g_ascii_strncasecmp (canonical, text, length) == 0 ? (guint)value : 0;
}

static gboolean
is_bullet (gunichar c)
{
  switch (c)
    {
    case 0x2022: /* • */
    case 0x25E6: /* ◦ */
    case 0x25AA: /* ▪ */
    case 0x25AB: /* ▫ */
    case 0x25A0: /* ■ */
    case 0x25CF: /* ● */
    case 0x2023: /* ‣ */
    case 0x2043: /* ⁃ */
    case 0x00B7: /* · */
    case 0x2013: /* – */
    case 0xF0B7: /* the bullet word processors leave in the private use area */
    case 0xF0A7:
    case '-':
    case '*':
      return TRUE;

    default:
      return FALSE;
    }
}

/**
 * vp_text_parse_marker:
 * @text: a line or paragraph
 * @length: its length in bytes
 * @marker: (out): the marker found
 *
 * Reads the list marker @text starts with: a bullet (•, ◦, ▪, -, *, – and
 * the like), a number ("1.", "2)", "(3)", up to three digits), a letter or
 * a roman numeral ("b.", "iv)", "(A)"). White space must follow the marker,
 * and then some text: "1.5 million" and a lone "1." are not items.
 *
 * Returns: whether @text starts with a marker
 */
gboolean
vp_text_parse_marker (const char   *text,
                      gsize         length,
                      VpTextMarker *marker)
{
  const char *end = text + length;
  const char *p;
  const char *next;
  const char *label;
  gunichar c;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (marker != NULL, FALSE);

  memset (marker, 0, sizeof *marker);

  p = skip_spaces (text, end);
  if (p >= end)
    return FALSE;

  c = vp_text_get_char (p, end, &next);

  if (is_bullet (c))
    {
      marker->kind = VP_TEXT_MARKER_BULLET;
      marker->number = c;
      marker->label_start = marker->label_end = p - text;
      p = next;
    }
  else
    {
      if (*p == '(')
        {
          marker->style = '(';
          p++;
        }

      label = p;

      if (p < end && g_ascii_isdigit (*p))
        {
          while (p < end && g_ascii_isdigit (*p) && p - label < 3)
            marker->number = marker->number * 10 + (*p++ - '0');
          marker->kind = VP_TEXT_MARKER_NUMBER;
        }
      else if (p < end && g_ascii_isalpha (*p))
        {
          gboolean upper = g_ascii_isupper (*p);

          /* One case throughout: "iv", "IV", not "Iv" (a word). */
          while (p < end && g_ascii_isalpha (*p) && p - label < 8 &&
                 (g_ascii_isupper (*p) != 0) == upper)
            p++;

          marker->kind = VP_TEXT_MARKER_LETTER;
          marker->upper = upper;
          marker->roman = parse_roman (label, p - label);
          if (p - label == 1)
            marker->letter = g_ascii_tolower (*label) - 'a' + 1;
          else if (marker->roman == 0)
            return FALSE;
        }
      else
        return FALSE;

      marker->label_start = label - text;
      marker->label_end = p - text;

      if (p >= end)
        return FALSE;

      if (marker->style == '(')
        {
          if (*p != ')')
            return FALSE;
        }
      else if (*p == '.' || *p == ')')
        marker->style = *p;
      else
        return FALSE;

      p++;
    }

  /* Then white space, then the item's text. */
  if (p >= end || !vp_text_is_space (vp_text_get_char (p, end, &next)))
    return FALSE;

  p = skip_spaces (p, end);
  if (p >= end)
    return FALSE;

  marker->length = p - text;

  return TRUE;
}

/**
 * vp_text_marker_follows:
 *
 * Whether @next can be the marker of the item after the one @previous
 * marks: "2." after "1.", "c)" after "b)", "iv." after "iii.", "j." after
 * "i." (a letter) and "ii." after "i." (a numeral); bullets of the same kind
 * follow each other.
 */
gboolean
vp_text_marker_follows (const VpTextMarker *previous,
                        const VpTextMarker *next)
{
  g_return_val_if_fail (previous != NULL, FALSE);
  g_return_val_if_fail (next != NULL, FALSE);

  if (previous->kind != next->kind || previous->style != next->style)
    return FALSE;

  switch (next->kind)
    {
    case VP_TEXT_MARKER_BULLET:
      return previous->number == next->number;

    case VP_TEXT_MARKER_NUMBER:
      return next->number == previous->number + 1;

    case VP_TEXT_MARKER_LETTER:
      return previous->upper == next->upper &&
             ((previous->letter > 0 && next->letter == previous->letter + 1) ||
              (previous->roman > 0 && next->roman == previous->roman + 1));

    case VP_TEXT_MARKER_NONE:
    default:
      return FALSE;
    }
}

/**
 * vp_text_marker_is_first:
 *
 * Whether @marker can start a list: a bullet, "1", "a" or "i".
 */
gboolean
vp_text_marker_is_first (const VpTextMarker *marker)
{
  g_return_val_if_fail (marker != NULL, FALSE);

  switch (marker->kind)
    {
    case VP_TEXT_MARKER_BULLET:
      return TRUE;

    case VP_TEXT_MARKER_NUMBER:
      return marker->number == 1;

    case VP_TEXT_MARKER_LETTER:
      return marker->letter == 1 || marker->roman == 1;

    case VP_TEXT_MARKER_NONE:
    default:
      return FALSE;
    }
}
