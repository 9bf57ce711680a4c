/* vp-text-importer.c
 *
 * Reads an article from the plain text a reader gets by copying a web page:
 *
 *   Home / Viewpoints / The title            breadcrumb: dropped
 *   The title                                the article's title
 *   By Jane Doe for Outlet – The lead …      byline, then the first paragraph
 *   A paragraph.                             paragraphs, one per line or
 *                                            separated by blank lines
 *     1. An item.                            indented items, nested by
 *        a. A nested item.                   indentation
 *   The way forward                          a short line: a heading
 *   Check Also                               the site's chrome: dropped,
 *   …                                        with everything after it
 *
 * The text goes through four passes, each linear: lines, raw blocks
 * (paragraphs, items), lists (nesting and numbering), then the article's
 * blocks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-text-importer"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-byline.h"
#include "vp-encoding.h"
#include "vp-error.h"
#include "vp-text-importer.h"
#include "vp-text.h"

/* Lists nested deeper than this are flattened into the deepest level:
 * hostile input must not build trees the exporters recurse into. */
#define MAX_LIST_DEPTH 8

/* How many blocks after the title may come before the byline (a date, a
 * section name). */
#define MAX_BYLINE_BLOCK 3

typedef struct
{
  const char   *start;      /* the content, after the indentation */
  const char   *end;        /* before trailing white space */
  guint         indent;     /* columns of indentation; a tab is 4 */
  guint         width;      /* characters of content */
  gboolean      terminated; /* ends with sentence punctuation */
  gboolean      has_marker;
  VpTextMarker  marker;
} Line;

typedef enum
{
  RAW_PARAGRAPH,
  RAW_ITEM,
  RAW_HEADING,
  RAW_DROPPED,
} RawKind;

typedef struct
{
  RawKind       kind;
  GString      *text;        /* raw text; items without their marker */
  const char   *marker;      /* the item's marker as written, with its line */
  gsize         marker_len;
  VpTextMarker  info;
  guint         indent;
  guint         n_lines;
  gboolean      full_line;   /* the last line ran to the wrap width */

  /* Set when lists are built. */
  guint         list;        /* raw list number, 0 for none */
  int           parent;      /* raw index of the parent item, or -1 */
  guint         level;
  guint         n_children;
} RawBlock;

typedef struct
{
  guint         indent;
  guint         list;
  int           parent;
  int           last_item;
  VpTextMarker  last_marker;
} ListLevel;

static void
raw_block_clear (gpointer data)
{
  RawBlock *raw = data;

  if (raw->text != NULL)
    g_string_free (raw->text, TRUE);
}

static gboolean
is_line_end (char c)
{
  return c == '\n' || c == '\r';
}

static const char *
skip_spaces (const char *p,
             const char *end,
             guint      *columns)
{
  while (p < end)
    {
      gunichar c;

      if (*p == ' ')
        {
          (*columns)++;
          p++;
          continue;
        }
      if (*p == '\t')
        {
          *columns = (*columns / 4 + 1) * 4;
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar)-1 || c == (gunichar)-2 || !vp_text_is_space (c))
        break;
      (*columns)++;
      p = g_utf8_next_char (p);
    }

  return p;
}

static gboolean
is_closing_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == 0x2019 || c == 0x201D || c == 0x00BB;
}

/* Whether [@start, @end) ends like a sentence or a clause, which hard-wrapped
 * lines mostly do not. */
static gboolean
ends_with_punctuation (const char *start,
                       const char *end)
{
  const char *p = end;

  while (p > start)
    {
      const char *prev = g_utf8_find_prev_char (start, p);
      gunichar c;

      if (prev == NULL)
        break;
      c = g_utf8_get_char_validated (prev, p - prev);
      if (is_closing_quote (c))
        {
          p = prev;
          continue;
        }
      return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
    }

  return FALSE;
}

static gboolean
has_alnum (const char *start,
           const char *end)
{
  for (const char *p = start; p < end; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          p++;
          continue;
        }
      if (g_unichar_isalnum (c))
        return TRUE;
      p = g_utf8_next_char (p);
    }

  return FALSE;
}

static guint
count_words (const char *start,
             const char *end)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = start; p < end; p++)
    {
      gboolean space = *p == ' ' || *p == '\t' ||
                       ((guchar)*p == 0xC2 && p + 1 < end && (guchar)p[1] == 0xA0);

      if (space)
        in_word = FALSE;
      else if (!in_word && ((guchar)*p & 0xC0) != 0x80)
        {
          in_word = TRUE;
          n++;
        }
    }

  return n;
}

/* The number of characters in [@start, @end), up to 256: widths only
 * matter for telling short lines from long ones. */
static guint
count_chars (const char *start,
             const char *end)
{
  guint n = 0;

  for (const char *p = start; p < end && n < 256; p++)
    {
      if (((guchar)*p & 0xC0) != 0x80)
        n++;
    }

  return n;
}

static GArray *
split_lines (const char *text,
             gsize       length)
{
  GArray *lines = g_array_sized_new (FALSE, TRUE, sizeof (Line), length / 60 + 1);
  const char *end = text + length;
  const char *p = text;

  while (p < end)
    {
      const char *eol = p;
      Line line = { 0 };

      while (eol < end && !is_line_end (*eol))
        eol++;

      line.start = skip_spaces (p, eol, &line.indent);
      line.end = eol;
      while (line.end > line.start)
        {
          const char *prev = g_utf8_find_prev_char (line.start, line.end);
          gunichar c = prev != NULL ? g_utf8_get_char_validated (prev, line.end - prev) : 0;

          if (prev == NULL || c == (gunichar)-1 || c == (gunichar)-2 || !vp_text_is_space (c))
            break;
          line.end = prev;
        }

      if (line.end > line.start)
        {
          line.width = count_chars (line.start, line.end);
          line.terminated = ends_with_punctuation (line.start, line.end);
          line.has_marker = vp_text_parse_marker (line.start, line.end - line.start, &line.marker);
        }
      else
        line.indent = 0;

      g_array_append_val (lines, line);

      /* "\r\n" is one line break. */
      if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
        eol++;
      p = eol + 1;
    }

  return lines;
}

static gboolean
line_is_blank (const Line *line)
{
  return line->start == line->end;
}

static guint
next_nonblank (GArray *lines,
               guint   i)
{
  while (i < lines->len && line_is_blank (&g_array_index (lines, Line, i)))
    i++;

  return i;
}

/* Lines the site adds after the article: related links, share buttons,
 * the comment form. Compared without case, and without a final colon. */
static const char * const chrome_lines[] = {
  "check also", "leave a reply", "leave a reply cancel reply", "leave a comment",
  "post a comment", "add a comment", "join the conversation", "comments",
  "related", "related articles", "related posts", "related stories", "related content",
  "related news", "related reading", "you may also like", "you might also like",
  "you may be interested in", "more stories", "more from this author",
  "recommended", "recommended for you", "recommended articles", "most popular",
  "popular posts", "most read", "trending", "trending now", "share this",
  "share this article", "share this story", "share this post", "share", "share on",
  "post navigation", "about the author", "tags", "filed under",
  "sign up for our newsletter", "subscribe to our newsletter", "cancel reply",
};

static gboolean
is_chrome_line (const Line *line)
{
  const char *start = line->start;
  const char *end = line->end;
  const char *p;
  gsize len;

  while (end > start && (end[-1] == ':' || end[-1] == ' '))
    end--;
  len = end - start;

  if (len == 0 || len > 40)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (chrome_lines); i++)
    {
      if (strlen (chrome_lines[i]) == len && g_ascii_strncasecmp (start, chrome_lines[i], len) == 0)
        return TRUE;
    }

  /* "12 Comments", "One Response", "3 thoughts on “…”" */
  p = start;
  if (g_ascii_isdigit (*p))
    {
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  else if (len > 4 && g_ascii_strncasecmp (p, "one ", 4) == 0)
    p += 3;
  else if (len > 3 && g_ascii_strncasecmp (p, "no ", 3) == 0)
    p += 2;
  else
    return FALSE;

  if (p >= end || *p != ' ')
    return FALSE;
  p++;

  return g_ascii_strncasecmp (p, "comment", 7) == 0 ||
         g_ascii_strncasecmp (p, "response", 8) == 0 ||
         g_ascii_strncasecmp (p, "repl", 4) == 0 ||
         g_ascii_strncasecmp (p, "thought", 7) == 0;
}

/* Finds the separator a breadcrumb uses, with spaces around it. */
static const char *
find_crumb_separator (const char *start,
                      const char *end,
                      gsize      *sep_len)
{
  static const char * const separators[] = { " / ", " \u203a ", " \u00bb ", " > " };

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *found = g_strstr_len (start, end - start, separators[i]);

      if (found != NULL)
        {
          *sep_len = strlen (separators[i]);
          return found;
        }
    }

  return NULL;
}

/* "Home / Viewpoints / The title": a short first part, short middle parts,
 * and either three parts or more, a first part "Home", or a last part that
 * the title starts with. @last is set to the last part. */
static gboolean
is_breadcrumb (const Line  *line,
               const Line  *next,
               const char **last_start,
               const char **last_end)
{
  const char *sep;
  const char *part;
  gsize sep_len = 0;
  guint n_parts = 0;
  gboolean first_is_home = FALSE;
  char sep_text[8];

  sep = find_crumb_separator (line->start, line->end, &sep_len);
  if (sep == NULL || sep_len >= sizeof sep_text)
    return FALSE;
  memcpy (sep_text, sep, sep_len);
  sep_text[sep_len] = '\0';

  part = line->start;
  while (part < line->end)
    {
      const char *part_end = g_strstr_len (part, line->end - part, sep_text);

      if (part_end == NULL)
        part_end = line->end;

      if (part_end == part)
        return FALSE;

      if (n_parts == 0)
        {
          if (count_words (part, part_end) > 4 || part_end - part > 40)
            return FALSE;
          first_is_home = part_end - part == 4 && g_ascii_strncasecmp (part, "home", 4) == 0;
        }
      else if (part_end != line->end && count_words (part, part_end) > 6)
        return FALSE;

      n_parts++;
      *last_start = part;
      *last_end = part_end;
      part = part_end == line->end ? part_end : part_end + sep_len;
    }

  if (n_parts < 2)
    return FALSE;

  if (n_parts >= 3 || first_is_home)
    return TRUE;

  return next != NULL && *last_end - *last_start >= 8 &&
         (gsize)(next->end - next->start) >= (gsize)(*last_end - *last_start) &&
         strncmp (next->start, *last_start, *last_end - *last_start) == 0;
}

static gboolean
line_is_byline (const Line *line)
{
  g_autofree char *text = g_strndup (line->start, line->end - line->start);
  g_auto(VpByline) byline = { 0 };

  return vp_byline_parse (text, &byline);
}

/* The title: a line of at most 30 words, not a byline nor an item, with
 * text after it, that does not end in a full stop unless a byline follows
 * ("Why we must talk." / "By …"). */
static gboolean
is_title (GArray *lines,
          guint   i,
          guint   body_end)
{
  const Line *line = &g_array_index (lines, Line, i);
  guint next = next_nonblank (lines, i + 1);
  const char *last;

  if (next >= body_end || line->has_marker || is_chrome_line (line) ||
      count_words (line->start, line->end) > 30 || line_is_byline (line))
    return FALSE;

  last = g_utf8_find_prev_char (line->start, line->end);
  if (last != NULL && *last == '.')
    return line_is_byline (&g_array_index (lines, Line, next));

  return TRUE;
}

/* Dates */

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december",
};

static const char * const date_fillers[] = {
  "published", "updated", "posted", "last", "on", "at", "am", "pm", "a.m.", "p.m.", "gmt",
  "utc", "est", "edt", "et", "monday", "tuesday", "wednesday", "thursday", "friday",
  "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static guint
month_from_word (const char *word)
{
  gsize len = strlen (word);

  if (len < 3)
    return 0;

  /* "Jun", "June", "Sept." */
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    {
      if (len <= strlen (month_names[i]) && g_ascii_strncasecmp (word, month_names[i], len) == 0)
        return i + 1;
    }

  return 0;
}

static gboolean
read_digits (const char *text,
             gsize       n,
             guint      *value)
{
  *value = 0;
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *value = *value * 10 + (text[i] - '0');
    }

  return TRUE;
}

/* "27th", "1st" */
static gboolean
is_day_suffix (const char *suffix)
{
  return g_ascii_strcasecmp (suffix, "st") == 0 || g_ascii_strcasecmp (suffix, "nd") == 0 ||
         g_ascii_strcasecmp (suffix, "rd") == 0 || g_ascii_strcasecmp (suffix, "th") == 0;
}

/* Reads a line that holds a date and nothing much else ("June 27, 2014",
 * "Published: 27 June 2014 at 9:12 am", "2014-06-27") as YYYY-MM-DD. */
static char *
parse_date_line (const char *text)
{
  g_auto(GStrv) words = NULL;
  guint year = 0;
  guint month = 0;
  guint day = 0;

  if (strlen (text) > 80)
    return NULL;

  words = g_strsplit_set (text, " ,|\t", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = words[i];
      gsize len;
      gsize digits;
      guint y, m, d;

      /* Trim the punctuation dates are written with. */
      while (*word == '(' || *word == '-' || *word == ':')
        word++;
      len = strlen (word);
      while (len > 0 && (word[len - 1] == ':' || word[len - 1] == ')' ||
                         (word[len - 1] == '.' && len > 4)))
        word[--len] = '\0';

      if (len == 0 || g_str_equal (word, "\u2013") || g_str_equal (word, "\u2014"))
        continue;

      /* "27", "27th" */
      digits = g_ascii_isdigit (word[1]) ? 2 : 1;

      if (len == 10 && word[4] == '-' && word[7] == '-' && read_digits (word, 4, &y) &&
          read_digits (word + 5, 2, &m) && read_digits (word + 8, 2, &d))
        {
          year = y;
          month = m;
          day = d;
        }
      else if (len == 4 && read_digits (word, 4, &y))
        year = y;
      else if (g_ascii_isdigit (word[0]) && len <= 4 && read_digits (word, digits, &d) &&
               (len == digits || is_day_suffix (word + digits)))
        day = d;
      else if (month_from_word (word) > 0)
        month = month_from_word (word);
      else if (strchr (word, ':') != NULL && g_ascii_isdigit (word[0]))
        ; /* a time */
      else
        {
          gboolean filler = FALSE;

          for (guint j = 0; j < G_N_ELEMENTS (date_fillers) && !filler; j++)
            filler = g_ascii_strcasecmp (word, date_fillers[j]) == 0;
          if (!filler)
            return NULL;
        }
    }

  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Raw blocks */

static RawBlock *
add_raw_block (GArray     *raws,
               RawKind     kind,
               const Line *line)
{
  RawBlock raw = { 0 };

  raw.kind = kind;
  raw.text = g_string_new (NULL);
  raw.indent = line->indent;
  raw.parent = -1;
  g_array_append_val (raws, raw);

  return &g_array_index (raws, RawBlock, raws->len - 1);
}

static void
append_line (RawBlock   *raw,
             const char *start,
             const char *end)
{
  if (raw->text->len > 0)
    g_string_append_c (raw->text, ' ');
  g_string_append_len (raw->text, start, end - start);
  raw->n_lines++;
}

static gboolean
starts_lower (const Line *line)
{
  gunichar c = g_utf8_get_char_validated (line->start, line->end - line->start);

  return c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_islower (c);
}

/* Whether the text is hard-wrapped, like e-mail: long lines that stop in
 * the middle of a sentence, with the sentence going on in lower case on
 * the next line. Copied web pages have a line per paragraph instead. */
static gboolean
is_hard_wrapped (GArray *lines,
                 guint   first,
                 guint   last,
                 guint  *wrap_width)
{
  guint n_long = 0;
  guint n_open = 0;
  guint n_broken = 0;
  guint widths[128] = { 0 };
  guint n_lines = 0;
  guint seen = 0;

  for (guint i = first; i < last; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      const Line *next = i + 1 < last ? &g_array_index (lines, Line, i + 1) : NULL;

      if (line_is_blank (line))
        continue;

      widths[MIN (line->width, G_N_ELEMENTS (widths) - 1)]++;
      n_lines++;

      if (line->width < 40)
        continue;

      if (!line->terminated && next != NULL && !line_is_blank (next) && !next->has_marker &&
          starts_lower (next))
        n_broken++;

      if (line->has_marker)
        continue;
      n_long++;
      if (!line->terminated)
        n_open++;
    }

  /* The width lines are wrapped at: nine lines in ten are no longer. */
  *wrap_width = G_N_ELEMENTS (widths) - 1;
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      seen += widths[w];
      if (seen * 10 >= n_lines * 9)
        {
          *wrap_width = w;
          break;
        }
    }

  if (*wrap_width >= G_N_ELEMENTS (widths) - 1)
    return FALSE;

  return n_broken >= 2 || (n_long >= 3 && n_open * 2 > n_long);
}

static void
build_raw_blocks (GArray *lines,
                  guint   first,
                  guint   last,
                  GArray *raws)
{
  RawBlock *current = NULL;
  guint wrap_width = 0;
  gboolean wrapped = is_hard_wrapped (lines, first, last, &wrap_width);
  guint full_width = MAX (wrap_width * 3 / 5, 30);
  gboolean seen_body = FALSE;

  for (guint i = first; i < last; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line_is_blank (line))
        {
          current = NULL;
          continue;
        }

      /* "* * *", "———": section breaks and rules. */
      if (!has_alnum (line->start, line->end))
        {
          current = NULL;
          continue;
        }

      /* Share bars and the like above the article. */
      if (!seen_body && is_chrome_line (line))
        continue;
      seen_body = TRUE;

      if (line->has_marker)
        {
          current = add_raw_block (raws, RAW_ITEM, line);
          current->marker = line->start;
          current->marker_len = line->marker.length;
          current->info = line->marker;
          append_line (current, line->start + line->marker.length, line->end);
        }
      else if (current != NULL && current->kind == RAW_ITEM && line->indent > current->indent)
        {
          /* The item's text goes on, indented under it. */
          append_line (current, line->start, line->end);
        }
      else if (wrapped && current != NULL && current->full_line)
        append_line (current, line->start, line->end);
      else
        {
          current = add_raw_block (raws, RAW_PARAGRAPH, line);
          append_line (current, line->start, line->end);
        }

      current->full_line = wrapped && line->width >= full_width;
    }
}

/* Lists */

static void
build_lists (GArray *raws)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (ListLevel));
  guint n_lists = 0;

  for (guint i = 0; i < raws->len; i++)
    {
      RawBlock *raw = &g_array_index (raws, RawBlock, i);
      ListLevel *top;
      int found;

      if (raw->kind == RAW_DROPPED)
        continue;

      if (raw->kind != RAW_ITEM)
        {
          /* Prose between items ends their lists. */
          g_array_set_size (stack, 0);
          continue;
        }

      /* Numbers are often right-aligned (" 9.", "10."): a column either
       * way is the same level. */
      while (stack->len > 0 &&
             g_array_index (stack, ListLevel, stack->len - 1).indent > raw->indent + 1)
        g_array_set_size (stack, stack->len - 1);

      /* The list this item continues, at its indentation: "2." after "1."
       * and its "a.", "b." written at the same indentation. */
      found = -1;
      for (guint k = stack->len; k-- > 0; )
        {
          const ListLevel *level = &g_array_index (stack, ListLevel, k);

          if (level->indent + 1 < raw->indent)
            break;
          if (vp_text_marker_follows (&level->last_marker, &raw->info))
            {
              found = k;
              break;
            }
        }

      if (found >= 0)
        g_array_set_size (stack, found + 1);

      top = stack->len > 0 ? &g_array_index (stack, ListLevel, stack->len - 1) : NULL;

      if (found < 0 && top != NULL && stack->len < MAX_LIST_DEPTH &&
          (top->indent + 1 < raw->indent ||
           (vp_text_marker_is_first (&raw->info) && raw->info.kind != top->last_marker.kind)))
        {
          /* Deeper, or "a." under "1." at the same indentation: nested. */
          ListLevel level = { 0 };

          level.indent = raw->indent;
          level.list = ++n_lists;
          level.parent = top->last_item;
          g_array_append_val (stack, level);
          top = &g_array_index (stack, ListLevel, stack->len - 1);
        }
      else if (found < 0 && top != NULL)
        {
          /* A sibling that does not follow the last item: a new list at
           * the same level. */
          top->list = ++n_lists;
        }
      else if (top == NULL)
        {
          ListLevel level = { 0 };

          level.indent = raw->indent;
          level.list = ++n_lists;
          level.parent = -1;
          g_array_append_val (stack, level);
          top = &g_array_index (stack, ListLevel, stack->len - 1);
        }

      raw->list = top->list;
      raw->parent = top->parent;
      raw->level = stack->len - 1;
      top->last_item = i;
      top->last_marker = raw->info;

      if (raw->parent >= 0)
        g_array_index (raws, RawBlock, raw->parent).n_children++;
    }
}

/* A lone numbered line at the margin ("2. That year, …" or "1." opening a
 * paragraph) or a lone dash is prose, not a list of one. */
static void
unlist_lone_items (GArray *raws)
{
  g_autofree guint *sizes = g_new0 (guint, raws->len + 1);

  /* Raw list numbers are at most the number of items. */
  for (guint i = 0; i < raws->len; i++)
    {
      const RawBlock *raw = &g_array_index (raws, RawBlock, i);

      if (raw->kind == RAW_ITEM && raw->list <= raws->len)
        sizes[raw->list]++;
    }

  for (guint i = 0; i < raws->len; i++)
    {
      RawBlock *raw = &g_array_index (raws, RawBlock, i);

      if (raw->kind != RAW_ITEM || raw->parent >= 0 || raw->indent > 1 ||
          raw->n_children > 0 || sizes[raw->list] != 1)
        continue;

      /* "•" is a bullet wherever it stands. */
      if (raw->info.kind == VP_TEXT_MARKER_BULLET && raw->info.number != '-' &&
          raw->info.number != '*' && raw->info.number != 0x2013)
        continue;

      g_string_prepend_len (raw->text, raw->marker, raw->marker_len);
      raw->kind = RAW_PARAGRAPH;
      raw->list = 0;
    }
}

/* A short line that reads like a title, standing between blank lines or
 * alone on its line, with prose or a list after it. */
static void
find_headings (GArray *raws)
{
  for (guint i = 0; i + 1 < raws->len; i++)
    {
      RawBlock *raw = &g_array_index (raws, RawBlock, i);
      RawBlock *next = &g_array_index (raws, RawBlock, i + 1);

      if (raw->kind == RAW_PARAGRAPH && raw->n_lines == 1 &&
          (next->kind == RAW_PARAGRAPH || next->kind == RAW_ITEM) &&
          vp_text_looks_like_heading (raw->text->str, raw->text->len))
        raw->kind = RAW_HEADING;
    }
}

/* Drops @raw if it is a line that holds only a date, which then becomes
 * the article's publication date unless it has one. */
static gboolean
take_date (RawBlock  *raw,
           VpArticle *article)
{
  g_autofree char *clean = NULL;
  g_autofree char *date = NULL;

  if (raw->kind != RAW_PARAGRAPH || raw->n_lines != 1)
    return FALSE;

  clean = vp_text_normalise (raw->text->str, raw->text->len);
  date = parse_date_line (clean);
  if (date == NULL)
    return FALSE;

  raw->kind = RAW_DROPPED;
  if (vp_article_get_published (article) == NULL)
    vp_article_set_published (article, date);

  return TRUE;
}

/* Finds the byline among the first blocks, fills in the article's
 * authors, outlet and date, and drops what the byline and the lines
 * before it (a date, a section name) take. */
static void
take_byline (GArray    *raws,
             VpArticle *article)
{
  guint limit = MIN (raws->len, MAX_BYLINE_BLOCK);
  guint first = 0;

  for (guint i = 0; i < limit; i++)
    {
      RawBlock *raw = &g_array_index (raws, RawBlock, i);
      g_auto(VpByline) byline = { 0 };

      if (raw->kind != RAW_PARAGRAPH)
        break;

      if (vp_byline_parse (raw->text->str, &byline))
        {
          vp_article_set_authors (article, (const char * const *)byline.authors);
          vp_article_set_outlet (article, byline.outlet);
          g_string_erase (raw->text, 0, byline.consumed);
          if (!has_alnum (raw->text->str, raw->text->str + raw->text->len))
            raw->kind = RAW_DROPPED;

          /* What stands between the title and the byline is metadata. */
          for (guint j = 0; j < i; j++)
            {
              RawBlock *before = &g_array_index (raws, RawBlock, j);

              if (!take_date (before, article))
                before->kind = RAW_DROPPED;
            }

          first = i;
          break;
        }

      /* Only short lines stand between the title and the byline. */
      if (count_words (raw->text->str, raw->text->str + raw->text->len) > 8)
        break;
    }

  /* A date line at the top is metadata too, not text. */
  for (guint i = first; i < limit; i++)
    {
      RawBlock *raw = &g_array_index (raws, RawBlock, i);

      if (raw->kind != RAW_DROPPED && !take_date (raw, article))
        break;
    }
}

static void
emit_blocks (GArray    *raws,
             VpArticle *article)
{
  g_autofree int *emitted = g_new (int, raws->len + 1);
  g_autoptr(GHashTable) list_ids = g_hash_table_new (NULL, NULL);
  guint n_blocks = 0;

  for (guint i = 0; i < raws->len; i++)
    {
      RawBlock *raw = &g_array_index (raws, RawBlock, i);
      g_autofree char *text = NULL;
      VpBlock *block;

      emitted[i] = -1;

      if (raw->kind == RAW_DROPPED)
        continue;

      text = vp_text_normalise (raw->text->str, raw->text->len);
      if (text[0] == '\0')
        continue;

      switch (raw->kind)
        {
        case RAW_HEADING:
          block = vp_block_new (VP_BLOCK_HEADING, text);
          block->level = 2;
          break;

        case RAW_ITEM:
          block = vp_block_new (VP_BLOCK_ITEM, text);
          block->parent = raw->parent >= 0 ? emitted[raw->parent] : -1;
          block->level = block->parent >= 0 ? raw->level : 0;
          /* Fresh ids, in reading order. */
          block->list = GPOINTER_TO_UINT (g_hash_table_lookup (list_ids,
                                                               GUINT_TO_POINTER (raw->list)));
          if (block->list == 0)
            {
              block->list = g_hash_table_size (list_ids) + 1;
              g_hash_table_insert (list_ids, GUINT_TO_POINTER (raw->list),
                                   GUINT_TO_POINTER (block->list));
            }
          if (raw->info.kind != VP_TEXT_MARKER_BULLET)
            {
              block->flags |= VP_BLOCK_FLAG_ORDERED;
              block->label = g_strndup (raw->marker + raw->info.label_start,
                                        raw->info.label_end - raw->info.label_start);
            }
          break;

        case RAW_PARAGRAPH:
        case RAW_DROPPED:
        default:
          block = vp_block_new (VP_BLOCK_PARAGRAPH, text);
          break;
        }

      vp_article_take_block (article, block);
      emitted[i] = n_blocks++;
    }
}

/**
 * vp_text_import:
 * @data: the text's bytes, in UTF-8, UTF-16 with a byte-order mark, or
 *   windows-1252
 * @length: their number
 * @source: the file's name, for the article
 * @error: a place for a #VP_IMPORT_ERROR; its message is the reason only
 *
 * Reads text copied from a web page: drops the breadcrumb, takes the title
 * and the byline (authors, outlet), splits the body into paragraphs,
 * headings and nested list items, and drops the site's chrome at the end
 * ("Check Also", "Leave a Reply", …).
 *
 * Returns: (transfer full): the article, or %NULL with @error set
 */
VpArticle *
vp_text_import (const char  *data,
                gsize        length,
                const char  *source,
                GError     **error)
{
  g_autoptr(VpArticle) article = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) raws = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *title = NULL;
  const char *crumb_start = NULL;
  const char *crumb_end = NULL;
  gsize utf8_length = 0;
  guint body_end;
  guint first;
  guint i;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  utf8 = vp_encoding_to_utf8 (data, length, NULL, &utf8_length, error);
  if (utf8 == NULL)
    return NULL;

  article = vp_article_new (source);
  lines = split_lines (utf8, utf8_length);

  /* The first line of text: share bars and the like may come first. */
  for (first = 0; first < lines->len; first++)
    {
      const Line *line = &g_array_index (lines, Line, first);

      if (!line_is_blank (line) && !is_chrome_line (line) && has_alnum (line->start, line->end))
        break;
    }

  /* The site's chrome after the article: from the first such line after
   * some text to the end. */
  body_end = lines->len;
  for (i = next_nonblank (lines, first + 1); i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (!line_is_blank (line) && is_chrome_line (line))
        {
          body_end = i;
          break;
        }
    }

  i = first;

  if (i < body_end)
    {
      guint next = next_nonblank (lines, i + 1);

      if (is_breadcrumb (&g_array_index (lines, Line, i),
                         next < body_end ? &g_array_index (lines, Line, next) : NULL,
                         &crumb_start, &crumb_end))
        i = next;
      else
        crumb_start = crumb_end = NULL;
    }

  if (i < body_end && is_title (lines, i, body_end))
    {
      const Line *line = &g_array_index (lines, Line, i);

      title = vp_text_normalise (line->start, line->end - line->start);
      i = next_nonblank (lines, i + 1);
    }
  else if (crumb_start != NULL && count_words (crumb_start, crumb_end) >= 3)
    title = vp_text_normalise (crumb_start, crumb_end - crumb_start);

  raws = g_array_new (FALSE, TRUE, sizeof (RawBlock));
  g_array_set_clear_func (raws, raw_block_clear);

  build_raw_blocks (lines, i, body_end, raws);
  take_byline (raws, article);
  build_lists (raws);
  unlist_lone_items (raws);
  find_headings (raws);
  emit_blocks (raws, article);

  if (vp_article_get_n_blocks (article) == 0)
    {
      g_set_error_literal (error, VP_IMPORT_ERROR, VP_IMPORT_ERROR_NO_ARTICLE,
                           _("there is no readable text in it"));
      return NULL;
    }

  vp_article_set_title (article, title);

  return g_steal_pointer (&article);
}
