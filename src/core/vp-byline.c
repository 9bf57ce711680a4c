/* vp-byline.c
 *
 * A byline is read as a tiny grammar over words and punctuation:
 *
 *   byline  = "By" [":"] authors ["," ] ["for" outlet] end
 *   authors = name {"," name} [[","] ("and" | "&") name]
 *   end     = the end of the text | a line break | a dash or "|"
 *
 * Requiring the byline to end right after the names (or the outlet) is
 * what tells "By Jane Doe – …" from sentences that start with "By": "By
 * the end of 2030, …", "By contrast, …", "By Tuesday Washington had …".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-byline"

#include "config.h"

#include <string.h>

#include "vp-byline.h"
#include "vp-text.h"

/* A byline is a handful of words; anything longer is prose. */
#define MAX_TOKENS 48
#define MAX_NAME_WORDS 6
#define MAX_OUTLET_WORDS 8

typedef enum
{
  TOKEN_END,
  TOKEN_NEWLINE,
  TOKEN_WORD,
  TOKEN_COMMA,
  TOKEN_AND,        /* "&" */
  TOKEN_COLON,
  TOKEN_SEPARATOR,  /* a dash or "|" between the byline and the text */
} TokenKind;

typedef struct
{
  TokenKind   kind;
  const char *start;
  const char *end;
} Token;

typedef enum
{
  WORD_NONE,
  WORD_NAME,       /* "Jane", "O’Brien", "al-Sisi", "MOUSAVIAN" */
  WORD_INITIAL,    /* "J.", "J.R." */
  WORD_PARTICLE,   /* "bin", "de", "van" */
  WORD_TITLE,      /* "Dr.", "Sen." */
  WORD_SUFFIX,     /* "Jr.", "III" */
} WordKind;

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static gboolean
is_dash (gunichar c)
{
  return c == 0x2013 || c == 0x2014 || c == 0x2015;
}

/* Splits the start of @p into tokens, up to the first separator or line
 * break, or MAX_TOKENS. Returns the number of tokens; the last one is an
 * END, NEWLINE or SEPARATOR unless the byline would be too long. */
static guint
tokenize (const char *p,
          const char *end,
          Token      *tokens)
{
  guint n = 0;

  while (n < MAX_TOKENS)
    {
      Token *token = &tokens[n++];
      const char *next;
      gunichar c = 0;

      while (p < end)
        {
          c = vp_text_get_char (p, end, &next);
          if (!vp_text_is_space (c) || is_line_break (c))
            break;
          p = next;
        }

      token->start = p;

      if (p >= end)
        {
          token->kind = TOKEN_END;
          token->end = p;
          return n;
        }

      if (is_line_break (c))
        token->kind = TOKEN_NEWLINE;
      else if (c == ',')
        token->kind = TOKEN_COMMA;
      else if (c == '&')
        token->kind = TOKEN_AND;
      else if (c == ':')
        token->kind = TOKEN_COLON;
      else if (c == '|' || is_dash (c))
        token->kind = TOKEN_SEPARATOR;
      else if (c == '-' &&
               (next >= end || vp_text_is_space (g_utf8_get_char_validated (next, end - next))))
        token->kind = TOKEN_SEPARATOR;
      else
        {
          /* A word runs to the next space or punctuation mark; hyphens and
           * full stops stay inside it ("al-Sisi", "J.R."). */
          token->kind = TOKEN_WORD;
          while (p < end)
            {
              c = vp_text_get_char (p, end, &next);
              if (vp_text_is_space (c) || c == ',' || c == '&' || c == ':' || c == '|' ||
                  is_dash (c))
                break;
              p = next;
            }
          token->end = p;
          continue;
        }

      token->end = next;
      p = next;

      if (token->kind == TOKEN_NEWLINE || token->kind == TOKEN_SEPARATOR)
        return n;
    }

  return n;
}

static gboolean
token_is (const Token *token,
          const char  *word)
{
  gsize len = strlen (word);

  return token->kind == TOKEN_WORD &&
         (gsize)(token->end - token->start) == len &&
         g_ascii_strncasecmp (token->start, word, len) == 0;
}

static gboolean
token_is_one_of (const Token        *token,
                 const char * const *words,
                 gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    {
      if (token_is (token, words[i]))
        return TRUE;
    }

  return FALSE;
}

static gboolean
token_is_conjunction (const Token *token)
{
  return token->kind == TOKEN_AND || token_is (token, "and");
}

static gboolean
token_ends_byline (const Token *token)
{
  return token->kind == TOKEN_END || token->kind == TOKEN_NEWLINE ||
         token->kind == TOKEN_SEPARATOR;
}

/* Lower-case words that join the parts of a name: "Osama bin Laden",
 * "Charles de Gaulle", "Ursula von der Leyen". */
static const char * const particles[] = {
  "al", "el", "bin", "ibn", "bint", "ben", "abu", "de", "da", "di", "del", "della",
  "der", "den", "des", "du", "la", "le", "van", "von", "ter", "ten", "dos", "das",
  "do", "y", "zu", "e", "af", "av",
};

static const char * const titles[] = {
  "Dr.", "Prof.", "Sen.", "Rep.", "Gen.", "Amb.", "Mr.", "Mrs.", "Ms.", "Gov.",
  "Col.", "Lt.", "Adm.", "Rev.", "Sir", "Dame", "Dr", "Prof",
};

static const char * const suffixes[] = {
  "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "PhD", "Ph.D.",
};

/* Capitalised words that start sentences, never names: "By The Numbers". */
static const char * const not_names[] = {
  "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "Our", "Their",
  "His", "Her", "My", "Your", "Then", "Now", "All", "Some", "Any", "No", "Far",
  "Most", "Many", "Both", "Each", "Every",
};

/* Words that are names only with another name: "By Friday – …" is a date,
 * "By June Smith" a byline. */
static const char * const calendar_words[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December", "Today", "Tomorrow", "Yesterday",
  "Tonight",
};

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* Whether [@p, @end) is a capitalised word of letters, with inner hyphens
 * and apostrophes: "Mousavian", "O’Brien", "Jean-Paul", "MOUSAVIAN". A
 * lower-case particle glued on with a hyphen or apostrophe counts too:
 * "al-Sisi", "d’Estaing". */
static gboolean
is_capitalised_word (const char *p,
                     const char *end)
{
  const char *next;
  gunichar c;
  gunichar prev = 0;

  if (p >= end)
    return FALSE;

  c = vp_text_get_char (p, end, &next);

  if (g_unichar_islower (c))
    {
      /* "al-", "el-", "d’" */
      const char *q = p;

      while (q < end && g_ascii_islower (*q))
        q++;
      if (q - p > 3 || q >= end)
        return FALSE;
      c = vp_text_get_char (q, end, &next);
      if (c != '-' && !is_apostrophe (c))
        return FALSE;
      p = next;
      if (p >= end)
        return FALSE;
      c = vp_text_get_char (p, end, &next);
    }

  if (!g_unichar_isupper (c) && !g_unichar_istitle (c))
    return FALSE;

  for (p = next; p < end; p = next)
    {
      c = vp_text_get_char (p, end, &next);

      if (c == '-' || is_apostrophe (c))
        {
          if (prev == '-' || is_apostrophe (prev))
            return FALSE;
        }
      else if (!g_unichar_isalpha (c) && g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK &&
               g_unichar_type (c) != G_UNICODE_SPACING_MARK)
        return FALSE;

      prev = c;
    }

  return prev != '-' && !is_apostrophe (prev);
}

/* "J." or "J.R." */
static gboolean
is_initial (const char *p,
            const char *end)
{
  const char *next;

  if (p >= end)
    return FALSE;

  while (p < end)
    {
      gunichar c = vp_text_get_char (p, end, &next);

      if (!g_unichar_isupper (c) || next >= end || *next != '.')
        return FALSE;
      p = next + 1;
    }

  return TRUE;
}

static WordKind
classify_word (const Token *token,
               gboolean    *final_stop)
{
  const char *end = token->end;

  *final_stop = FALSE;

  if (token->kind != TOKEN_WORD)
    return WORD_NONE;

  if (token_is_one_of (token, titles, G_N_ELEMENTS (titles)))
    return WORD_TITLE;
  if (token_is_one_of (token, suffixes, G_N_ELEMENTS (suffixes)))
    return WORD_SUFFIX;
  if (is_initial (token->start, end))
    return WORD_INITIAL;

  /* Lower-case particles must be written in lower case: "Van" is a name. */
  for (gsize i = 0; i < G_N_ELEMENTS (particles); i++)
    {
      gsize len = strlen (particles[i]);

      if ((gsize)(end - token->start) == len && strncmp (token->start, particles[i], len) == 0)
        return WORD_PARTICLE;
    }

  /* "By Jane Doe." as a whole line: the full stop ends the byline. */
  if (end - token->start > 1 && end[-1] == '.')
    {
      end--;
      *final_stop = TRUE;
    }

  if (is_capitalised_word (token->start, end))
    return WORD_NAME;

  return WORD_NONE;
}

/* Reads one name at tokens[*i] into @name. */
static gboolean
parse_name (const Token *tokens,
            guint        n_tokens,
            guint       *i,
            GString     *name)
{
  guint pos = *i;
  guint n_words = 0;
  guint n_names = 0;
  WordKind last = WORD_NONE;
  gboolean final_stop = FALSE;

  g_string_truncate (name, 0);

  while (pos < n_tokens && n_words < MAX_NAME_WORDS && !final_stop)
    {
      const Token *token = &tokens[pos];
      gboolean stop;
      WordKind kind;

      /* "and" and "for" join names and outlets; a name that contains them
       * ("Smith And Wesson") is not worth the ambiguity. */
      if (token_is_conjunction (token) || token_is (token, "for"))
        break;

      kind = classify_word (token, &stop);
      if (kind == WORD_NONE)
        break;

      if (n_words == 0 && token_is_one_of (token, not_names, G_N_ELEMENTS (not_names)))
        return FALSE;

      final_stop = stop;
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append_len (name, token->start, token->end - token->start - (stop ? 1 : 0));

      if (kind == WORD_NAME)
        n_names++;
      last = kind;
      n_words++;
      pos++;
    }

  /* At least one real name, not ending on a particle or a title. */
  if (n_names == 0 || last == WORD_PARTICLE || last == WORD_TITLE)
    return FALSE;

  if (n_words == 1 && token_is_one_of (&tokens[*i], calendar_words, G_N_ELEMENTS (calendar_words)))
    return FALSE;

  /* After "Doe." only the end of the byline may come. */
  if (final_stop && (pos >= n_tokens || !token_ends_byline (&tokens[pos])))
    return FALSE;

  *i = pos;
  return TRUE;
}

/* Outlets are capitalised words, joined by a few lower-case ones: "Al
 * Monitor", "Foreign Policy", "War on the Rocks", "Channel 4". */
static const char * const outlet_joiners[] = {
  "of", "the", "on", "and", "&", "for", "in", "at", "de", "la", "le", "el", "al",
  "du", "des", "di", "da",
};

static gboolean
is_outlet_word (const Token *token)
{
  gboolean has_capital = FALSE;
  const char *next;

  if (token->kind != TOKEN_WORD)
    return FALSE;

  for (const char *p = token->start; p < token->end; p = next)
    {
      gunichar c = vp_text_get_char (p, token->end, &next);

      if (g_unichar_isupper (c) || g_unichar_isdigit (c))
        has_capital = TRUE;
      else if (!g_unichar_isalpha (c) && c != '-' && c != '.' && !is_apostrophe (c))
        return FALSE;
    }

  return has_capital;
}

static gboolean
parse_outlet (const Token *tokens,
              guint        n_tokens,
              guint       *i,
              GString     *outlet)
{
  const Token *last;
  guint pos = *i;
  guint end_pos = pos;
  guint n_words = 0;

  while (pos < n_tokens && n_words < MAX_OUTLET_WORDS)
    {
      const Token *token = &tokens[pos];

      if (is_outlet_word (token))
        end_pos = pos + 1;
      else if (!(token->kind == TOKEN_AND ||
                 token_is_one_of (token, outlet_joiners, G_N_ELEMENTS (outlet_joiners))))
        break;

      pos++;
      n_words++;
    }

  /* It ends on a capitalised word, not on a joiner. */
  if (end_pos == *i)
    return FALSE;

  g_string_truncate (outlet, 0);
  for (pos = *i; pos < end_pos; pos++)
    {
      if (outlet->len > 0)
        g_string_append_c (outlet, ' ');
      g_string_append_len (outlet, tokens[pos].start, tokens[pos].end - tokens[pos].start);
    }

  /* A full stop after the last word ends the byline, unless the word
   * has others inside ("U.S.", "Al-Monitor.com"). */
  last = &tokens[end_pos - 1];
  if (outlet->len > 1 && outlet->str[outlet->len - 1] == '.' &&
      memchr (last->start, '.', last->end - last->start - 1) == NULL)
    g_string_truncate (outlet, outlet->len - 1);

  *i = end_pos;
  return TRUE;
}

static gsize
skip_all_spaces (const char *text,
                 gsize       pos,
                 gsize       length)
{
  while (pos < length)
    {
      const char *next;
      gunichar c = vp_text_get_char (text + pos, text + length, &next);

      if (!vp_text_is_space (c))
        break;
      pos = next - text;
    }

  return pos;
}

/**
 * vp_byline_parse:
 * @text: a paragraph or line that may start with a byline
 * @byline: (out caller-allocates): the byline found; clear it with
 *   vp_byline_clear()
 *
 * Recognises a byline at the start of @text: "By Jane Doe", "By Jane Doe
 * and John Roe", "By A, B and C", "By Jane Doe for Al Monitor" or "By
 * Jane Doe, for Al Monitor", with any white space (non-breaking spaces
 * too), optionally followed by a dash (–, —, -) or "|" and the rest of the
 * paragraph. Names are capitalised words, initials, hyphenated and
 * apostrophised names and particles ("al-Sisi", "bin Laden", "de Gaulle").
 * A single word after a comma with no "and" is the outlet ("By Jane Doe,
 * Reuters"). Sentences that merely start with "By" ("By 2030, …", "By
 * contrast, …") and lone words ("By Design") are not bylines.
 *
 * On success @byline's @consumed is the number of bytes up to where the
 * rest of the paragraph starts (the separator and white space included),
 * or the length of @text when the whole of it is the byline.
 *
 * Returns: whether @text starts with a byline
 */
gboolean
vp_byline_parse (const char *text,
                 VpByline   *byline)
{
  g_autoptr(GPtrArray) authors = NULL;
  g_autoptr(GString) name = NULL;
  g_autoptr(GString) outlet = NULL;
  Token tokens[MAX_TOKENS];
  const Token *last;
  gsize length;
  guint n_tokens;
  guint i = 0;
  gboolean listed = FALSE;     /* names were separated by commas */
  gboolean conjoined = FALSE;  /* the last name came after "and" */
  gboolean final_stop;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (byline != NULL, FALSE);

  memset (byline, 0, sizeof *byline);

  length = strlen (text);
  n_tokens = tokenize (text, text + length, tokens);
  last = &tokens[n_tokens - 1];

  /* The byline must end before MAX_TOKENS: otherwise it is prose. */
  if (!token_ends_byline (last))
    return FALSE;

  if (n_tokens < 3 || !token_is (&tokens[i++], "by"))
    return FALSE;
  if (tokens[i].kind == TOKEN_COLON)
    i++;

  authors = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  name = g_string_new (NULL);
  outlet = g_string_new (NULL);

  for (;;)
    {
      if (!parse_name (tokens, n_tokens, &i, name))
        return FALSE;
      g_ptr_array_add (authors, g_strdup (name->str));

      if (conjoined)
        break;

      if (token_is_conjunction (&tokens[i]))
        {
          conjoined = TRUE;
          i++;
          continue;
        }

      if (tokens[i].kind != TOKEN_COMMA)
        break;

      /* "Smith, Jr." */
      if (classify_word (&tokens[i + 1], &final_stop) == WORD_SUFFIX)
        {
          char *previous = g_ptr_array_index (authors, authors->len - 1);

          authors->pdata[authors->len - 1] =
            g_strdup_printf ("%s, %.*s", previous,
                             (int)(tokens[i + 1].end - tokens[i + 1].start), tokens[i + 1].start);
          g_free (previous);
          i += 2;
          if (tokens[i].kind != TOKEN_COMMA)
            break;
        }

      /* ", for Outlet" */
      if (token_is (&tokens[i + 1], "for"))
        {
          i++;
          break;
        }

      /* "A, B, and C" */
      if (token_is_conjunction (&tokens[i + 1]))
        {
          conjoined = TRUE;
          i += 2;
          continue;
        }

      listed = TRUE;
      i++;
    }

  if (token_is (&tokens[i], "for"))
    {
      i++;
      if (!parse_outlet (tokens, n_tokens, &i, outlet))
        return FALSE;
    }

  if (!token_ends_byline (&tokens[i]))
    return FALSE;

  /* "By Jane Doe, Reuters": a single word after a comma, with no "and"
   * to make a list of names, is the outlet. */
  if (listed && !conjoined && outlet->len == 0 && authors->len == 2 &&
      strchr (g_ptr_array_index (authors, 1), ' ') == NULL)
    {
      g_string_assign (outlet, g_ptr_array_index (authors, 1));
      g_ptr_array_remove_index (authors, 1);
    }

  /* "By Design", "By Example": one word alone is a phrase more often than
   * a name. */
  if (authors->len == 1 && outlet->len == 0 &&
      strchr (g_ptr_array_index (authors, 0), ' ') == NULL)
    return FALSE;

  byline->authors = (char **)g_ptr_array_free (g_steal_pointer (&authors), FALSE);
  byline->outlet = outlet->len > 0 ? g_strdup (outlet->str) : NULL;

  if (tokens[i].kind == TOKEN_END)
    byline->consumed = length;
  else
    byline->consumed = skip_all_spaces (text, tokens[i].end - text, length);

  return TRUE;
}

/**
 * vp_byline_clear:
 *
 * Frees what vp_byline_parse() filled in @byline.
 */
void
vp_byline_clear (VpByline *byline)
{
  g_return_if_fail (byline != NULL);

  g_clear_pointer (&byline->authors, g_strfreev);
  g_clear_pointer (&byline->outlet, g_free);
  byline->consumed = 0;
}
