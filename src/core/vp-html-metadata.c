/* vp-html-metadata.c: the title, authors, dates and language of a page
 *
 * The page is walked once. On the way, the <head> gives its metadata
 * (Open Graph, Twitter, Dublin Core, schema.org JSON-LD, <title>, the
 * language), and the body gives what a reader sees: the visible headings
 * that may be the headline, the elements that look like a byline, and the
 * <time> elements, each with its position in document order so that the
 * ones in or near the article's content can be preferred afterwards.
 *
 * The title is the headline a reader sees. Metadata says which text that
 * is, and a visible heading that agrees with it gives the exact wording;
 * a heading that disagrees is more often a logo, a section name or a
 * teaser than the article's own headline, so the metadata wins then.
 *
 * The authors come first from a byline at the start of the body, then
 * from metadata (clean names, but sometimes URLs or the site's own name),
 * then from the visible byline next to the headline, which also wins
 * when it spells out more than the metadata's names; an author page's
 * address is the last resort.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-html-metadata"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "vp-byline.h"
#include "vp-html-private.h"
#include "vp-libxml-private.h"
#include "vp-text.h"

/* Bounds that keep hostile pages cheap: how many candidates of each kind
 * are kept, how much of a byline is read, how deep JSON-LD may nest. */
#define MAX_HEADINGS           64
#define MAX_BYLINES           256
#define MAX_TIMES              64
#define MAX_META_AUTHORS       16
#define MAX_NAMES              16
#define MAX_HEADINGS_TRIED     32
#define MAX_BYLINES_TRIED       8
#define MAX_PIECES             48
#define MAX_PIECES_BYTES      600
#define MAX_SUBTREE_NODES     400
#define MAX_ANCESTRY           64
#define MAX_JSON_LD_BYTES     (512 * 1024)
#define MAX_JSON_LD_DEPTH      24
#define MAX_JSON_LD_ITEMS      64

/* A byline sits right after the headline: within this many elements of
 * it (or a few before it, above the headline). */
#define BYLINE_WINDOW_AFTER   300
#define BYLINE_WINDOW_BEFORE   30

/* Longer "By …" texts are prose unless the byline parser says otherwise. */
#define MAX_BYLINE_CHARS      150

/* Beyond these, an element's text is no headline and no byline (one that
 * starts a paragraph is matched against the block, not read whole). */
#define MAX_HEADLINE_BYTES   2048
#define MAX_BYLINE_BYTES     8192

/* The body's leading blocks that may repeat the title or the byline. */
#define MAX_LEADING_BLOCKS      6
#define LONG_PARAGRAPH_WORDS   30

typedef enum
{
  TITLE_JSON_LD,
  TITLE_DUBLIN_CORE,
  TITLE_OPEN_GRAPH,
  TITLE_META,
  TITLE_TWITTER,
  TITLE_PARSELY,
  N_TITLE_SOURCES
} TitleSource;

typedef enum
{
  SITE_OPEN_GRAPH,
  SITE_JSON_LD,
  SITE_APPLICATION,
  N_SITE_SOURCES
} SiteSource;

typedef enum
{
  DATE_ARTICLE,
  DATE_JSON_LD,
  DATE_ITEMPROP,
  DATE_META,
  N_DATE_SOURCES
} DateSource;

typedef enum
{
  AUTHOR_JSON_LD,
  AUTHOR_DUBLIN_CORE,
  AUTHOR_META,
  AUTHOR_ARTICLE,
  AUTHOR_OTHER,
  N_AUTHOR_SOURCES
} AuthorSource;

typedef enum
{
  LANG_HTML,
  LANG_META,
  LANG_LOCALE,
  LANG_JSON_LD,
  N_LANG_SOURCES
} LangSource;

typedef enum
{
  KEY_TITLE,
  KEY_AUTHOR,
  KEY_SITE,
  KEY_DATE,
  KEY_LANG,
  KEY_DESCRIPTION,
} KeyKind;

/* The meta names and properties read, and where each goes. Keys are
 * compared without case: sites write "DC.title" and "dc.title". */
static const struct
{
  const char *key;
  KeyKind     kind;
  guint       source;
} meta_keys[] = {
  { "og:title", KEY_TITLE, TITLE_OPEN_GRAPH },
  { "dc.title", KEY_TITLE, TITLE_DUBLIN_CORE },
  { "dc:title", KEY_TITLE, TITLE_DUBLIN_CORE },
  { "dcterm:title", KEY_TITLE, TITLE_DUBLIN_CORE },
  { "dcterms.title", KEY_TITLE, TITLE_DUBLIN_CORE },
  { "title", KEY_TITLE, TITLE_META },
  { "headline", KEY_TITLE, TITLE_META },
  { "twitter:title", KEY_TITLE, TITLE_TWITTER },
  { "parsely-title", KEY_TITLE, TITLE_PARSELY },

  { "dc.creator", KEY_AUTHOR, AUTHOR_DUBLIN_CORE },
  { "dc:creator", KEY_AUTHOR, AUTHOR_DUBLIN_CORE },
  { "dcterm:creator", KEY_AUTHOR, AUTHOR_DUBLIN_CORE },
  { "dcterms.creator", KEY_AUTHOR, AUTHOR_DUBLIN_CORE },
  { "author", KEY_AUTHOR, AUTHOR_META },
  { "article:author", KEY_AUTHOR, AUTHOR_ARTICLE },
  { "og:article:author", KEY_AUTHOR, AUTHOR_ARTICLE },
  { "article:author_name", KEY_AUTHOR, AUTHOR_OTHER },
  { "parsely-author", KEY_AUTHOR, AUTHOR_OTHER },
  { "sailthru.author", KEY_AUTHOR, AUTHOR_OTHER },
  { "cxenseparse:author", KEY_AUTHOR, AUTHOR_OTHER },
  { "citation_author", KEY_AUTHOR, AUTHOR_OTHER },
  { "byl", KEY_AUTHOR, AUTHOR_OTHER },

  { "og:site_name", KEY_SITE, SITE_OPEN_GRAPH },
  { "application-name", KEY_SITE, SITE_APPLICATION },

  { "article:published_time", KEY_DATE, DATE_ARTICLE },
  { "og:article:published_time", KEY_DATE, DATE_ARTICLE },
  { "article:published", KEY_DATE, DATE_ARTICLE },
  { "datepublished", KEY_DATE, DATE_ITEMPROP },
  { "date", KEY_DATE, DATE_META },
  { "pubdate", KEY_DATE, DATE_META },
  { "publishdate", KEY_DATE, DATE_META },
  { "publish-date", KEY_DATE, DATE_META },
  { "publish_date", KEY_DATE, DATE_META },
  { "published_time", KEY_DATE, DATE_META },
  { "publication_date", KEY_DATE, DATE_META },
  { "dc.date.issued", KEY_DATE, DATE_META },
  { "dc.date", KEY_DATE, DATE_META },
  { "dc:date", KEY_DATE, DATE_META },
  { "dcterms.issued", KEY_DATE, DATE_META },
  { "dcterms.created", KEY_DATE, DATE_META },
  { "dcterms.date", KEY_DATE, DATE_META },
  { "parsely-pub-date", KEY_DATE, DATE_META },
  { "sailthru.date", KEY_DATE, DATE_META },
  { "citation_publication_date", KEY_DATE, DATE_META },
  { "citation_date", KEY_DATE, DATE_META },

  { "content-language", KEY_LANG, LANG_META },
  { "language", KEY_LANG, LANG_META },
  { "dc.language", KEY_LANG, LANG_META },
  { "og:locale", KEY_LANG, LANG_LOCALE },

  { "description", KEY_DESCRIPTION, 0 },
  { "og:description", KEY_DESCRIPTION, 1 },
};

#define N_DESCRIPTIONS 2

typedef enum
{
  BYLINE_MARKUP,  /* class, id, rel or itemprop says so */
  BYLINE_TEXT,    /* a short text that starts with "By" */
} BylineKind;

typedef struct
{
  xmlNode    *node;
  guint       order;
  BylineKind  kind;
} Mark;

typedef struct
{
  xmlNode   *content;
  guint      order;          /* elements seen so far, in document order */
  guint      content_start;  /* the order of the content element */
  guint      content_end;    /* the order of its last descendant */
  xmlNode   *hidden;         /* the hidden element the walk is inside */

  char      *document_title;
  char      *titles[N_TITLE_SOURCES];
  char      *json_ld_name;
  char      *sites[N_SITE_SOURCES];
  char      *dates[N_DATE_SOURCES];
  char      *langs[N_LANG_SOURCES];
  char      *descriptions[N_DESCRIPTIONS];
  char      *dir;
  GPtrArray *authors[N_AUTHOR_SOURCES];
  GPtrArray *author_urls;    /* addresses of author pages */
  gboolean   json_ld_article;

  /* Which values came from a "property" attribute: RDFa's, which wins
   * over the "name" some sites repeat it with. */
  gboolean   titles_by_property[N_TITLE_SOURCES];
  gboolean   sites_by_property[N_SITE_SOURCES];
  gboolean   dates_by_property[N_DATE_SOURCES];
  gboolean   authors_by_property[N_AUTHOR_SOURCES];

  GArray    *headings;
  GArray    *bylines;
  GArray    *times;
} Page;

static void
page_clear (Page *page)
{
  g_clear_pointer (&page->document_title, g_free);
  g_clear_pointer (&page->json_ld_name, g_free);
  for (guint i = 0; i < N_DESCRIPTIONS; i++)
    g_clear_pointer (&page->descriptions[i], g_free);
  for (guint i = 0; i < N_TITLE_SOURCES; i++)
    g_clear_pointer (&page->titles[i], g_free);
  for (guint i = 0; i < N_SITE_SOURCES; i++)
    g_clear_pointer (&page->sites[i], g_free);
  for (guint i = 0; i < N_DATE_SOURCES; i++)
    g_clear_pointer (&page->dates[i], g_free);
  for (guint i = 0; i < N_LANG_SOURCES; i++)
    g_clear_pointer (&page->langs[i], g_free);
  g_clear_pointer (&page->dir, g_free);
  for (guint i = 0; i < N_AUTHOR_SOURCES; i++)
    g_clear_pointer (&page->authors[i], g_ptr_array_unref);
  g_clear_pointer (&page->author_urls, g_ptr_array_unref);
  g_clear_pointer (&page->headings, g_array_unref);
  g_clear_pointer (&page->bylines, g_array_unref);
  g_clear_pointer (&page->times, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Page, page_clear)

/* Text helpers ------------------------------------------------------------ */

static gboolean
is_quote (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case '`': case 0x00AB: case 0x00BB: case 0x00B4:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2032: case 0x2033: case 0x2039: case 0x203A:
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* What separates a headline from the site's name, a section or a note in
 * a title: "Headline | Site", "Opinion | Headline", "Headline - Site",
 * "Headline (Published 2016)". Underscores and brackets are left out:
 * "_" joins a headline to its channel and site on some Chinese portals in
 * a way that readers and other tools keep, and "[…]" is often part of the
 * headline itself. */
static gboolean
is_title_separator (gunichar c)
{
  switch (c)
    {
    case '|': case ':': case '/': case '\\': case '>': case '(': case '~':
    case 0x00B7: case 0x00BB: case 0x2022: case 0x30FB:
      return TRUE;

    default:
      return is_dash (c);
    }
}

/* g_ascii_tolower() is a call into GLib; the walk needs it on every
 * element. */
static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ')
    p++;
  return p;
}

/* The text is made comparable across the ways sites write one headline:
 * full-width forms, quotes (curly, straight or none), dashes, case and
 * spacing. */
static char *
loose_key (const char *text)
{
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = TRUE;
  gboolean ascii = TRUE;

  /* Only text beyond ASCII has compatibility forms to fold. */
  for (const char *p = text; *p != '\0' && ascii; p++)
    ascii = (guchar)*p < 0x80;
  folded = ascii ? g_strdup (text) : g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  if (folded == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_quote (c) || vp_text_is_invisible (c))
        continue;

      if (vp_text_is_space (c))
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }

      if (is_dash (c))
        c = '-';

      g_string_append_unichar (out, g_unichar_tolower (c));
      space = FALSE;
    }

  vp_text_trim_end (out);
  return g_string_free (out, FALSE);
}

static gboolean
loose_equal (const char *a,
             const char *b)
{
  g_autofree char *key_a = loose_key (a);
  g_autofree char *key_b = loose_key (b);

  return key_a[0] != '\0' && strcmp (key_a, key_b) == 0;
}

static guint
count_words (const char *text)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = vp_text_is_space (g_utf8_get_char (p));

      if (!space && !in_word)
        words++;
      in_word = !space;
    }

  return words;
}

/* Whether the text is mostly in a script written without spaces between
 * words (Chinese, Japanese), where word counts mean nothing. */
static gboolean
is_unspaced_script (const char *text)
{
  guint cjk = 0;
  guint letters = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c))
        continue;
      letters++;
      if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
          (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF))
        cjk++;
    }

  return letters > 0 && cjk * 2 >= letters;
}

/* Whether @longer is @shorter plus a part set off by a separator, before
 * or after it: "Headline | Site" and "Headline", "Opinion | Headline" and
 * "Headline". The shorter must be a real part of the longer, not a site
 * name that also appears in it. Both are loose keys. */
static gboolean
key_extends (const char *longer,
             const char *shorter)
{
  gsize long_len = strlen (longer);
  gsize short_len = strlen (shorter);
  const char *rest;

  if (short_len == 0 || short_len >= long_len)
    return FALSE;
  if (g_utf8_strlen (shorter, -1) * 3 < g_utf8_strlen (longer, -1))
    return FALSE;

  if (strncmp (longer, shorter, short_len) == 0)
    {
      rest = skip_spaces (longer + short_len);
      if (*rest != '\0' && is_title_separator (g_utf8_get_char (rest)))
        return TRUE;
    }

  if (strcmp (longer + long_len - short_len, shorter) == 0)
    {
      const char *end = longer + long_len - short_len;

      while (end > longer && end[-1] == ' ')
        end--;
      if (end > longer)
        {
          gunichar c = g_utf8_get_char (g_utf8_prev_char (end));

          if (is_title_separator (c) || c == ')' || c == ']')
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
titles_agree (const char *heading_key,
              const char *meta_key)
{
  if (heading_key[0] == '\0' || meta_key[0] == '\0')
    return FALSE;

  return strcmp (heading_key, meta_key) == 0 ||
         key_extends (meta_key, heading_key) ||
         key_extends (heading_key, meta_key);
}

static gboolean
looks_like_url (const char *text)
{
  return g_str_has_prefix (text, "http://") || g_str_has_prefix (text, "https://") ||
         g_str_has_prefix (text, "//") || g_str_has_prefix (text, "www.") ||
         (text[0] == '/' && strchr (text, ' ') == NULL) || strstr (text, "://") != NULL;
}

static gboolean
ascii_has_prefix_word (const char *text,
                       const char *word,
                       const char **after)
{
  gsize len = strlen (word);

  if (g_ascii_strncasecmp (text, word, len) != 0)
    return FALSE;
  if (text[len] != '\0' && text[len] != ' ' && text[len] != ':')
    return FALSE;
  if (after != NULL)
    *after = text + len;
  return TRUE;
}

/* Dates ------------------------------------------------------------------- */

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static const char * const weekday_names[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

/* The month a word names, 1–12, or 0: "June", "jun", "Jun.", "SEPT". */
static guint
parse_month (const char *word,
             gsize       length)
{
  char lower[16];

  while (length > 0 && word[length - 1] == '.')
    length--;
  if (length < 3 || length >= sizeof lower)
    return 0;

  for (gsize i = 0; i < length; i++)
    lower[i] = g_ascii_tolower (word[i]);
  lower[length] = '\0';

  for (guint m = 0; m < G_N_ELEMENTS (month_names); m++)
    {
      if (strcmp (lower, month_names[m]) == 0)
        return m + 1;
      if (length <= 4 && strncmp (lower, month_names[m], length) == 0 &&
          (length == 3 || strcmp (lower, "sept") == 0))
        return m + 1;
    }

  return 0;
}

static gboolean
is_weekday (const char *word,
            gsize       length)
{
  char lower[16];

  while (length > 0 && (word[length - 1] == '.' || word[length - 1] == ','))
    length--;
  if (length < 3 || length >= sizeof lower)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    lower[i] = g_ascii_tolower (word[i]);
  lower[length] = '\0';

  for (guint d = 0; d < G_N_ELEMENTS (weekday_names); d++)
    if (strcmp (lower, weekday_names[d]) == 0 ||
        (length == 3 && strncmp (lower, weekday_names[d], 3) == 0))
      return TRUE;

  return FALSE;
}

static char *
format_date (guint year,
             guint month,
             guint day)
{
  if (year < 1000 || year > 2999 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year))
    return NULL;

  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Reads up to @max digits. */
static guint
read_number (const char **p,
             guint        max,
             guint       *digits)
{
  guint value = 0;

  *digits = 0;
  while (g_ascii_isdigit (**p) && *digits < max)
    {
      value = value * 10 + (guint)(**p - '0');
      (*p)++;
      (*digits)++;
    }

  return value;
}

/* Numeric forms: 2014-06-27 (with a time or not), 2014/06/27,
 * 2014.06.27, 20140627, 27.06.2014, 06/27/2014 and 2014年6月27日. The
 * calendar date is kept as written: "2014-06-27T23:30-05:00" is the 27th,
 * as the page's own readers saw it. */
static char *
parse_numeric_date (const char *text)
{
  const char *p = text;
  guint a, b, c;
  guint digits_a, digits_b, digits_c;
  char sep;

  a = read_number (&p, 8, &digits_a);
  if (digits_a == 8 && (*p == '\0' || *p == 'T' || *p == ' '))
    return format_date (a / 10000, a / 100 % 100, a % 100);
  if (digits_a == 0 || digits_a > 4)
    return NULL;

  /* 2019年04月28日 */
  if (digits_a == 4 && g_str_has_prefix (p, "年"))
    {
      p += strlen ("年");
      b = read_number (&p, 2, &digits_b);
      if (digits_b == 0 || !g_str_has_prefix (p, "月"))
        return NULL;
      p += strlen ("月");
      c = read_number (&p, 2, &digits_c);
      if (digits_c == 0)
        return NULL;
      return format_date (a, b, c);
    }

  sep = *p;
  if (sep != '-' && sep != '/' && sep != '.')
    return NULL;
  p++;
  b = read_number (&p, 2, &digits_b);
  if (digits_b == 0 || *p != sep)
    return NULL;
  p++;
  c = read_number (&p, 4, &digits_c);
  if (digits_c == 0 || g_ascii_isalpha (*p))
    {
      /* "2014-06-27T…" continues with a letter; anything else must not. */
      if (!(digits_a == 4 && *p == 'T'))
        return NULL;
    }

  if (digits_a == 4)
    return format_date (a, b, c);

  if (digits_c != 4)
    return NULL;

  /* 27.06.2014 is European; with slashes the day comes first only when
   * the first number cannot be a month, as in the US form 06/27/2014. */
  if (sep == '.' || a > 12)
    return format_date (c, b, a);
  return format_date (c, a, b);
}

/* Forms with a month's name: "June 27, 2014", "27 June 2014",
 * "Fri, 27 Jun 2014 09:12:44 +0000", "Dec 1st 2016 1:01PM",
 * "SEPT. 15, 2016". */
static char *
parse_named_date (const char *text)
{
  guint month = 0;
  guint day = 0;
  guint year = 0;
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      gsize length;

      while (*p != '\0' && !g_ascii_isalnum (*p))
        p++;
      start = p;

      if (g_ascii_isdigit (*p))
        {
          guint digits;
          guint value = read_number (&p, 5, &digits);

          /* A time such as 09:12 is not a day. */
          if (*p == ':')
            {
              while (*p == ':' || g_ascii_isdigit (*p))
                p++;
              continue;
            }
          if (digits == 4 && year == 0)
            year = value;
          else if (digits <= 2 && day == 0 && value >= 1 && value <= 31)
            day = value;
          while (g_ascii_isalpha (*p))  /* "1st", "22nd" */
            p++;
          continue;
        }

      while (g_ascii_isalnum (*p) || *p == '.')
        p++;
      length = p - start;
      if (month == 0)
        month = parse_month (start, length);

      if (month != 0 && day != 0 && year != 0)
        break;
    }

  if (month == 0 || day == 0 || year == 0)
    return NULL;

  return format_date (year, month, day);
}

static char *
parse_date (const char *text)
{
  g_autofree char *clean = NULL;
  char *date;

  if (text == NULL)
    return NULL;

  clean = vp_text_normalise (text, -1);
  if (clean[0] == '\0' || strlen (clean) > 200)
    return NULL;

  date = parse_numeric_date (clean);
  if (date == NULL)
    date = parse_named_date (clean);

  return date;
}

/* Whether a line holds nothing but a date and its usual company: "June
 * 27, 2014", "Updated 5:01 PM ET, Tue March 3, 2020", "Published: 2020-03-03". */
static gboolean
is_date_line (const char *text)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *date = NULL;

  if (strlen (text) > 100)
    return FALSE;

  date = parse_date (text);
  if (date == NULL)
    {
      /* "Updated March 3" may lack a year. */
      const char *after;

      if (!ascii_has_prefix_word (text, "updated", &after) &&
          !ascii_has_prefix_word (text, "last updated", &after))
        return FALSE;
    }

  {
    g_autoptr(GString) spaced = g_string_new (text);

    /* g_strsplit_set() splits on bytes: the dots go first. */
    g_string_replace (spaced, "·", " ", 0);
    g_string_replace (spaced, "•", " ", 0);
    words = g_strsplit_set (spaced->str, " ,|", -1);
  }
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      gsize length = strlen (w);
      gboolean ok = FALSE;

      if (length == 0 || strcmp (w, "-") == 0 || strcmp (w, "–") == 0 || strcmp (w, "—") == 0)
        continue;

      if (g_ascii_isdigit (w[0]))
        ok = TRUE;  /* numbers, times, ISO dates, "1st", "2019年04月28日" */
      else if (parse_month (w, length) != 0 || is_weekday (w, length))
        ok = TRUE;
      else
        {
          static const char * const fillers[] = {
            "updated", "updated:", "published", "published:", "posted", "posted:",
            "last", "modified", "modified:", "on", "at", "am", "pm", "a.m.", "p.m.",
            "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "mt", "utc",
            "gmt", "bst", "cet", "cest", "ist", "jst", "aest", "date:", "date",
            "originally", "first", "hours", "hour", "minutes", "ago",
          };

          for (guint f = 0; f < G_N_ELEMENTS (fillers); f++)
            if (g_ascii_strcasecmp (w, fillers[f]) == 0)
              ok = TRUE;

          /* "5:01PM", "+0000" */
          if (!ok && (w[0] == '+' || w[0] == '(') && length > 1)
            ok = TRUE;
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Names --------------------------------------------------------------------- */

/* Words that name a role, never a person: "Jane Doe, Staff Writer". */
static gboolean
is_role_word (const char *word)
{
  static const char * const roles[] = {
    "staff", "writer", "writers", "editor", "editors", "reporter", "reporters",
    "correspondent", "correspondents", "columnist", "contributor", "contributors",
    "contributing", "senior", "junior", "associate", "assistant", "deputy",
    "managing", "executive", "chief", "opinion", "news", "culture", "business",
    "political", "politics", "national", "international", "foreign", "sports",
    "science", "technology", "tech", "special", "guest", "freelance",
    "photographer", "producer", "analyst", "critic", "at", "large", "of", "the",
    "and", "&", "desk", "bureau", "digital", "web", "online", "feature", "features",
    "health", "lead", "global", "investigative", "intern", "fellow", "attorney",
    "director", "professor", "president", "counsel", "manager", "officer",
    "secretary", "spokesperson", "spokesman", "spokeswoman", "chair", "chairman",
    "founder", "researcher", "scholar", "visiting", "adjunct", "vice",
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_ascii_strcasecmp (word, roles[i]) == 0)
      return TRUE;

  return FALSE;
}

/* "Staff Writer", "Senior Editor", and "Director of Programs" or "Fellow
 * at the Institute": a title, then what it is held in. */
static gboolean
is_role (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (i > 0 && (strcmp (words[i], "of") == 0 || strcmp (words[i], "at") == 0))
        return TRUE;
      if (!is_role_word (words[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_name_particle (const char *word)
{
  static const char * const particles[] = {
    "al", "bin", "ibn", "da", "de", "del", "della", "der", "di", "dos", "du",
    "la", "le", "van", "von", "ter", "den", "y", "e", "el", "ben", "abu",
  };

  for (guint i = 0; i < G_N_ELEMENTS (particles); i++)
    if (strcmp (word, particles[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Whether @name can be a person's or an organisation's name. @strict is
 * for text found in the page rather than given as metadata: there, a
 * name reads as one, capitalised, and not as words of a sentence. */
static gboolean
is_plausible_name (const char *name,
                   gboolean    strict)
{
  g_auto(GStrv) words = NULL;
  guint n_words = 0;
  guint lower = 0;
  gboolean first_lower = FALSE;
  gboolean letter = FALSE;

  if (name[0] == '\0' || g_utf8_strlen (name, -1) > 64 || looks_like_url (name))
    return FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      letter = TRUE;
  if (!letter)
    return FALSE;

  /* "By Monday, …", "By March, …" */
  if (is_weekday (name, strlen (name)) || parse_month (name, strlen (name)) != 0)
    return FALSE;

  words = g_strsplit (name, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar first;

      if (words[i][0] == '\0')
        continue;
      n_words++;
      first = g_utf8_get_char (words[i]);
      if (g_unichar_islower (first) && !is_name_particle (words[i]))
        {
          lower++;
          first_lower |= n_words == 1;
        }
    }

  if (n_words > 7)
    return FALSE;

  /* A lone user name may be in lower case ("jdoe"); "a deputy editor",
   * "on Deadspin" or "view my complete profile" are not names. */
  if (strict && n_words > 1 && (first_lower || lower * 2 > n_words))
    return FALSE;

  return TRUE;
}

static gboolean
is_corporate_name (const char *name)
{
  static const char * const suffixes[] = {
    " inc", " inc.", " ltd", " ltd.", " llc", " gmbh", " corp", " corp.",
    " corporation", " co.", " s.a.", " plc", " ag", " k.k.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize n = strlen (name);
      gsize s = strlen (suffixes[i]);

      if (n > s && g_ascii_strcasecmp (name + n - s, suffixes[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
add_name (GPtrArray  *names,
          const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (loose_equal (g_ptr_array_index (names, i), name))
      return;

  if (names->len < MAX_NAMES)
    g_ptr_array_add (names, g_strdup (name));
}

/* Trims spaces, brackets and list punctuation from both ends of a name:
 * "[Jane Doe," gives "Jane Doe". A full stop stays, since it ends
 * initials and suffixes ("Jr."). */
static char *
trim_name (const char *start,
           const char *end)
{
  static const char *trimmed = " ,;:|[]()<>{}《》【】「」『』〈〉*•·";

  while (start < end)
    {
      gunichar c = g_utf8_get_char (start);
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      if (!vp_text_is_space (c) && !is_dash (c) && strstr (trimmed, buf) == NULL)
        break;
      start = g_utf8_next_char (start);
    }

  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      if (!vp_text_is_space (c) && !is_dash (c) && strstr (trimmed, buf) == NULL)
        break;
      end = prev;
    }

  return vp_text_normalise (start, end - start);
}

/* The leading words that introduce a byline. Longer ones come first. */
static const char *
skip_byline_prefix (const char *text)
{
  static const char * const prefixes[] = {
    "view all posts by", "all posts by", "more stories by", "more articles by",
    "more from", "articles by", "posts by", "written by", "posted by",
    "words by", "story by", "text by", "reporting by", "reported by",
    "authors:", "author:", "by:", "by", "par", "por", "von",
  };
  const char *p = text;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      const char *after;

      if (ascii_has_prefix_word (p, prefixes[i], &after))
        {
          p = after;
          while (*p == ' ' || *p == ':')
            p++;
          break;
        }
    }

  return p;
}

/* Where the names of a byline end: at a handle or address ("@jdoe"), a
 * separator ("|", "·", " – "), a line break, or the first word with a
 * digit or that starts a date ("March 3"), or "Updated". Sets @outlet to
 * the publication of "… for Outlet". */
static gsize
names_length (const char  *text,
              char       **outlet)
{
  const char *p = text;
  const char *word_start = NULL;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == '@' || c == '|' || c == 0x00B7 || c == 0x2022 || c == '\n')
        return p - text;

      /* A dash with spaces around it separates; a hyphen joins names. */
      if (is_dash (c) && p > text && p[-1] == ' ' && (*next == ' ' || *next == '\0'))
        return p - text;

      if (!vp_text_is_space (c) && word_start == NULL)
        {
          const char *end = p;
          const char *after;
          gsize length;

          word_start = p;
          while (*end != '\0' && *end != ' ')
            end++;
          length = end - p;

          /* "15,", "2016", "1:55pm", "2019年4月28日"; not "Bo2man" */
          if (g_ascii_isdigit (*p))
            return p - text;

          if (parse_month (p, length) != 0 && g_ascii_isdigit (*skip_spaces (end)))
            return p - text;

          if (ascii_has_prefix_word (p, "updated", NULL) ||
              ascii_has_prefix_word (p, "published", NULL) ||
              ascii_has_prefix_word (p, "posted", NULL))
            return p - text;

          /* "for Al Monitor", not "for over a decade" */
          if (outlet != NULL && ascii_has_prefix_word (p, "for", &after) && p > text &&
              *after == ' ' && g_unichar_isupper (g_utf8_get_char (after + 1)))
            {
              gsize rest = names_length (after + 1, NULL);
              g_autofree char *name = trim_name (after + 1, after + 1 + rest);

              if (name[0] != '\0' && *outlet == NULL)
                *outlet = g_steal_pointer (&name);
              return p - text;
            }
        }
      else if (vp_text_is_space (c))
        word_start = NULL;

      p = next;
    }

  return p - text;
}

/* Splits a list of names as sites write it in metadata and bylines:
 * "A, B and C", "A & B", "By Jane Doe | March 3, 2020", "Jane Doe, Staff
 * Writer", "Doe, Jane". @strict is for text read off the page. */
static void
split_names (const char  *text,
             gboolean     strict,
             GPtrArray   *names,
             char       **outlet)
{
  g_autofree char *clean = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *start;
  gsize length;
  guint roles = 0;
  guint single_words = 0;
  const char *p;
  const char *part_start;

  if (text == NULL || looks_like_url (text))
    return;

  clean = vp_text_normalise (text, -1);
  start = skip_byline_prefix (clean);
  length = names_length (start, outlet);

  /* Parts are separated by commas, semicolons, "and", "&" and the
   * enumeration commas and slashes of Chinese and Japanese. */
  part_start = start;
  for (p = start; p <= start + length; )
    {
      gsize sep = 0;

      if (p == start + length)
        sep = 1;
      else if (*p == ',' || *p == ';' || *p == '&')
        sep = 1;
      else if (g_str_has_prefix (p, "、") || g_str_has_prefix (p, "，") || g_str_has_prefix (p, "／"))
        sep = strlen ("、");
      else if (p > start && p[-1] == ' ')
        {
          /* "and" in English, German, French and Spanish */
          static const char * const conjunctions[] = { "and", "und", "et", "y" };

          for (guint i = 0; i < G_N_ELEMENTS (conjunctions) && sep == 0; i++)
            {
              gsize n = strlen (conjunctions[i]);

              if (g_ascii_strncasecmp (p, conjunctions[i], n) == 0 && p[n] == ' ')
                sep = n;
            }
        }

      if (sep > 0)
        {
          g_autofree char *part = trim_name (part_start, p);

          if (part[0] != '\0')
            g_ptr_array_add (parts, g_steal_pointer (&part));
          if (p == start + length)
            break;
          p = MIN (p + sep, start + length);
          part_start = p;
          continue;
        }

      p = g_utf8_next_char (p);
    }

  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);

      if (is_role (part))
        roles++;
      if (strchr (part, ' ') == NULL)
        single_words++;
    }

  /* "Doe, Jane" names one person, surname first. */
  if (!strict && parts->len == 2 && single_words == 2 && strchr (start, ',') != NULL &&
      strchr (start, '&') == NULL && strstr (start, " and ") == NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", (char *)g_ptr_array_index (parts, 1),
                                               (char *)g_ptr_array_index (parts, 0));

      if (is_plausible_name (name, strict))
        add_name (names, name);
      return;
    }

  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);

      /* Roles go when they accompany names; "The Editorial Board" alone
       * is who wrote the piece. */
      if (roles < parts->len && is_role (part))
        continue;
      if (is_plausible_name (part, strict))
        add_name (names, part);
    }
}

/* A byline's names, through the byline parser when it reads the text,
 * else through split_names(). */
static void
read_byline_names (const char  *text,
                   gboolean     strict,
                   GPtrArray   *names,
                   char       **outlet)
{
  g_auto(VpByline) byline = { 0 };

  if (vp_byline_parse (text, &byline))
    {
      g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; byline.authors[i] != NULL; i++)
        if (is_plausible_name (byline.authors[i], strict))
          add_name (parsed, byline.authors[i]);

      if (parsed->len > 0)
        {
          for (guint i = 0; i < parsed->len; i++)
            add_name (names, g_ptr_array_index (parsed, i));
          if (outlet != NULL && *outlet == NULL && byline.outlet != NULL)
            *outlet = g_strdup (byline.outlet);
          return;
        }
    }

  split_names (text, strict, names, outlet);
}

/* A name from an author page's address, when nothing better names the
 * author: ".../author/jane-doe/" gives "Jane Doe". */
static char *
name_from_url (const char *url)
{
  static const char * const folders[] = {
    "/author/", "/authors/", "/by/", "/people/", "/profile/", "/profiles/",
    "/staff/", "/writer/", "/writers/", "/contributor/", "/contributors/",
    "/journalist/", "/journalists/", "/columnist/", "/columnists/",
  };
  g_autofree char *slug = NULL;
  const char *found = NULL;
  GString *name;
  gboolean word_start = TRUE;
  char *end;

  for (guint i = 0; i < G_N_ELEMENTS (folders) && found == NULL; i++)
    {
      found = strstr (url, folders[i]);
      if (found != NULL)
        found += strlen (folders[i]);
    }
  if (found == NULL)
    return NULL;

  slug = g_strdup (found);
  end = strpbrk (slug, "/?#");
  if (end != NULL)
    *end = '\0';
  if (slug[0] == '\0')
    return NULL;

  name = g_string_new (NULL);
  for (const char *p = slug; *p != '\0'; p++)
    {
      if (*p == '-' || *p == '_' || *p == '+' || *p == '.')
        {
          if (name->len > 0 && !word_start)
            g_string_append_c (name, ' ');
          word_start = TRUE;
          continue;
        }
      if (!g_ascii_isalpha (*p))
        {
          g_string_free (name, TRUE);
          return NULL;
        }
      g_string_append_c (name, word_start ? g_ascii_toupper (*p) : *p);
      word_start = FALSE;
    }

  vp_text_trim_end (name);
  return g_string_free (name, name->len == 0);
}

/* Language ------------------------------------------------------------------ */

/* The primary subtag of a language tag, in lower case: "en-US" and
 * "en_US" give "en". */
static char *
primary_language (const char *tag)
{
  g_autofree char *clean = NULL;
  gsize length = 0;
  const char *p;

  if (tag == NULL)
    return NULL;

  clean = vp_text_normalise (tag, -1);
  p = clean;
  while (g_ascii_isalpha (p[length]))
    length++;
  if (length < 2 || length > 3 || (p[length] != '\0' && p[length] != '-' &&
                                   p[length] != '_' && p[length] != ',' && p[length] != ';'))
    return NULL;

  return g_ascii_strdown (p, length);
}

static gboolean
is_rtl_language (const char *language)
{
  static const char * const rtl[] = {
    "ar", "fa", "he", "iw", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr",
  };

  for (guint i = 0; i < G_N_ELEMENTS (rtl); i++)
    if (strcmp (language, rtl[i]) == 0)
      return TRUE;

  return FALSE;
}

/* The walk -------------------------------------------------------------------- */

static const char *
attribute_value (const xmlAttr *attr)
{
  /* The HTML parser resolves entities, so a value is one text node. */
  if (attr->children != NULL && attr->children->content != NULL)
    return (const char *)attr->children->content;
  return "";
}

/* Whether a space-separated list of tokens holds @token. */
static gboolean
has_token (const char *list,
           const char *token)
{
  gsize length = strlen (token);
  const char *p = list;

  while (*p != '\0')
    {
      const char *end;

      while (g_ascii_isspace (*p))
        p++;
      end = p;
      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;
      if ((gsize)(end - p) == length && g_ascii_strncasecmp (p, token, length) == 0)
        return TRUE;
      p = end;
    }

  return FALSE;
}

/* A case-insensitive strstr() for lower-case ASCII needles. It runs on
 * the attributes of every element, so the first letter is compared
 * inline before anything is called. */
static const char *
find_ascii (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    {
      if (ascii_lower (haystack[i]) == needle[0] && g_ascii_strncasecmp (haystack + i + 1, needle + 1, n - 1) == 0)
        return haystack + i;
    }

  return NULL;
}

/* "display: none" or "visibility:hidden", however spaced. */
static gboolean
style_hides (const char *style)
{
  static const struct
  {
    const char *property;
    const char *value;
  } hiding[] = {
    { "display", "none" },
    { "visibility", "hidden" },
  };
  gsize length = strlen (style);

  for (guint i = 0; i < G_N_ELEMENTS (hiding); i++)
    {
      const char *p = find_ascii (style, length, hiding[i].property);

      if (p == NULL)
        continue;
      p += strlen (hiding[i].property);
      while (g_ascii_isspace (*p))
        p++;
      if (*p++ != ':')
        continue;
      while (g_ascii_isspace (*p))
        p++;
      if (g_ascii_strncasecmp (p, hiding[i].value, strlen (hiding[i].value)) == 0)
        return TRUE;
    }

  return FALSE;
}

typedef enum
{
  HINT_HIDDEN = 1 << 0,  /* may name a hiding class */
  HINT_BYLINE = 1 << 1,  /* may name a byline */
} ClassHints;

static gboolean
has_prefix_ascii (const char *p,
                  const char *word)
{
  for (; *word != '\0'; p++, word++)
    if (ascii_lower (*p) != *word)
      return FALSE;
  return TRUE;
}

/* One pass over a class or id attribute for the words that every hiding
 * class and every byline class contains; most attributes hold none, and
 * the token by token comparisons are then skipped. This runs on every
 * element of every page. */
static ClassHints
scan_class_hints (const char *list)
{
  ClassHints hints = 0;

  for (const char *p = list; *p != '\0'; p++)
    {
      switch (ascii_lower (*p))
        {
        case 'h':
          if (has_prefix_ascii (p + 1, "id"))
            hints |= HINT_HIDDEN;
          break;
        case 'n':
          if (has_prefix_ascii (p + 1, "one"))
            hints |= HINT_HIDDEN;
          break;
        case 's':
          if (has_prefix_ascii (p + 1, "r-only") || has_prefix_ascii (p + 1, "creen"))
            hints |= HINT_HIDDEN;
          break;
        case 'i':
          if (has_prefix_ascii (p + 1, "nvisible"))
            hints |= HINT_HIDDEN;
          break;
        case 'o':
          if (has_prefix_ascii (p + 1, "ffscreen"))
            hints |= HINT_HIDDEN;
          break;
        case 'b':
          if (ascii_lower (p[1]) == 'y')
            hints |= HINT_BYLINE;
          break;
        case 'a':
          if (has_prefix_ascii (p + 1, "uthor"))
            hints |= HINT_BYLINE;
          break;
        case 'w':
          if (has_prefix_ascii (p + 1, "riter"))
            hints |= HINT_BYLINE;
          break;
        case 'v':
          if (has_prefix_ascii (p + 1, "card"))
            hints |= HINT_BYLINE;
          break;
        default:
          break;
        }
    }

  return hints;
}

static gboolean
class_hides (const char *classes)
{
  static const char * const hiding[] = {
    "hidden", "is-hidden", "u-hidden", "hide", "d-none", "display-none", "invisible",
    "sr-only", "screen-reader-text", "screenreader-only", "visually-hidden",
    "visuallyhidden", "offscreen", "element-invisible",
  };
  const char *p = classes;

  if ((scan_class_hints (classes) & HINT_HIDDEN) == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (hiding); i++)
    if (has_token (classes, hiding[i]))
      return TRUE;

  /* BEM-style modifiers: "--visuallyHidden", "title--hidden". */
  while (*p != '\0')
    {
      const char *end;

      while (g_ascii_isspace (*p))
        p++;
      end = p;
      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;
      if (find_ascii (p, end - p, "visuallyhidden") != NULL ||
          find_ascii (p, end - p, "visually-hidden") != NULL ||
          find_ascii (p, end - p, "--hidden") != NULL)
        return TRUE;
      p = end;
    }

  return FALSE;
}

/* Whether a class or id token names a byline. Tokens that name a part
 * of an author's box other than the name (the picture, the biography,
 * the follow button) or a comment's author do not. */
static gboolean
token_is_byline (const char *token,
                 gsize       length)
{
  static const char * const other[] = {
    "bio", "avatar", "image", "img", "photo", "pic", "social", "follow",
    "comment", "title", "desc", "about", "email", "mail", "twitter", "share",
    "date", "time", "thumb", "icon", "role", "job", "position", "count",
    "tooltip", "popup", "modal", "hover", "authori", "list-of", "headline",
    "more", "related", "recommend", "promo", "widget", "login", "signin",
  };

  if (find_ascii (token, length, "byline") == NULL &&
      find_ascii (token, length, "by-line") == NULL &&
      find_ascii (token, length, "author") == NULL &&
      find_ascii (token, length, "writer") == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (other); i++)
    if (find_ascii (token, length, other[i]) != NULL)
      return FALSE;

  return TRUE;
}

static gboolean
tokens_are_byline (const char *list)
{
  const char *p = list;

  if ((scan_class_hints (list) & HINT_BYLINE) == 0)
    return FALSE;

  /* An hCard is the author's unless it is a comment's. */
  if (has_token (list, "vcard") && find_ascii (list, strlen (list), "comment") == NULL)
    return TRUE;

  while (*p != '\0')
    {
      const char *end;

      while (g_ascii_isspace (*p))
        p++;
      end = p;
      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;
      if (end > p && token_is_byline (p, end - p))
        return TRUE;
      p = end;
    }

  return FALSE;
}

/* Metadata is now and then escaped twice, and the parser's decoding
 * leaves "Arnault&#8217;s" or "Q&amp;A": such references are decoded once
 * more. */
static char *
decode_references (const char *text)
{
  static const struct
  {
    const char *name;
    gunichar    c;
  } named[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", 0x00A0 }, { "hellip", 0x2026 }, { "ndash", 0x2013 }, { "mdash", 0x2014 },
    { "lsquo", 0x2018 }, { "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
  };
  GString *out;
  const char *p = text;

  if (strchr (text, '&') == NULL)
    return g_strdup (text);

  out = g_string_sized_new (strlen (text));
  while (*p != '\0')
    {
      const char *semicolon;
      gunichar c = 0;

      if (*p != '&' || (semicolon = strchr (p, ';')) == NULL || semicolon - p > 10)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      if (p[1] == '#')
        {
          char *end = NULL;
          guint64 value = (p[2] == 'x' || p[2] == 'X') ? g_ascii_strtoull (p + 3, &end, 16)
                                                        : g_ascii_strtoull (p + 2, &end, 10);

          if (end == semicolon && value > 0 && value <= 0x10FFFF &&
              g_unichar_validate ((gunichar)value))
            c = (gunichar)value;
        }
      else
        {
          for (guint i = 0; i < G_N_ELEMENTS (named); i++)
            if ((gsize)(semicolon - p - 1) == strlen (named[i].name) &&
                strncmp (p + 1, named[i].name, semicolon - p - 1) == 0)
              c = named[i].c;
        }

      if (c == 0)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      g_string_append_unichar (out, c);
      p = semicolon + 1;
    }

  return g_string_free (out, FALSE);
}

static void
set_once (char       **slot,
          const char  *value)
{
  g_autofree char *decoded = NULL;
  g_autofree char *clean = NULL;

  if (*slot != NULL || value == NULL)
    return;

  decoded = decode_references (value);
  clean = vp_text_normalise (decoded, -1);
  if (clean[0] != '\0')
    *slot = g_steal_pointer (&clean);
}

/* Like set_once(), but a value given by a "property" attribute replaces
 * one given by "name". */
static void
set_by_key (char       **slot,
            gboolean    *by_property,
            const char  *value,
            gboolean     from_property)
{
  g_autofree char *replacement = NULL;

  if (*slot != NULL && (!from_property || *by_property))
    return;

  set_once (&replacement, value);
  if (replacement != NULL)
    {
      g_free (*slot);
      *slot = g_steal_pointer (&replacement);
      *by_property = from_property;
    }
}

static void
add_author_value (Page         *page,
                  AuthorSource  source,
                  const char   *value)
{
  g_autofree char *decoded = NULL;
  g_autofree char *clean = NULL;

  if (value == NULL)
    return;

  decoded = decode_references (value);
  clean = vp_text_normalise (decoded, -1);
  if (clean[0] == '\0')
    return;

  if (looks_like_url (clean))
    {
      if (page->author_urls->len < MAX_META_AUTHORS)
        g_ptr_array_add (page->author_urls, g_steal_pointer (&clean));
      return;
    }

  if (page->authors[source]->len < MAX_META_AUTHORS)
    g_ptr_array_add (page->authors[source], g_steal_pointer (&clean));
}

static void
take_meta_key (Page       *page,
               const char *key,
               gsize       length,
               const char *value,
               gboolean    from_property)
{
  for (guint i = 0; i < G_N_ELEMENTS (meta_keys); i++)
    {
      if (ascii_lower (key[0]) != meta_keys[i].key[0] || strlen (meta_keys[i].key) != length ||
          g_ascii_strncasecmp (meta_keys[i].key, key, length) != 0)
        continue;

      switch (meta_keys[i].kind)
        {
        case KEY_TITLE:
          set_by_key (&page->titles[meta_keys[i].source],
                      &page->titles_by_property[meta_keys[i].source], value, from_property);
          break;

        case KEY_AUTHOR:
          if (from_property && !page->authors_by_property[meta_keys[i].source])
            {
              g_ptr_array_set_size (page->authors[meta_keys[i].source], 0);
              page->authors_by_property[meta_keys[i].source] = TRUE;
            }
          else if (!from_property && page->authors_by_property[meta_keys[i].source])
            break;
          add_author_value (page, meta_keys[i].source, value);
          break;

        case KEY_SITE:
          set_by_key (&page->sites[meta_keys[i].source],
                      &page->sites_by_property[meta_keys[i].source], value, from_property);
          break;

        case KEY_DATE:
          set_by_key (&page->dates[meta_keys[i].source],
                      &page->dates_by_property[meta_keys[i].source], value, from_property);
          break;

        case KEY_LANG:
          set_once (&page->langs[meta_keys[i].source], value);
          break;

        case KEY_DESCRIPTION:
          set_once (&page->descriptions[meta_keys[i].source], value);
          break;

        default:
          g_assert_not_reached ();
        }
      return;
    }
}

static void
visit_meta (Page    *page,
            xmlNode *node)
{
  const char *keys[3] = { NULL, NULL, NULL };  /* property, name, itemprop */
  const char *http_equiv = NULL;
  const char *content = NULL;
  const char *value = NULL;

  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *)attr->name;

      if (g_ascii_strcasecmp (name, "property") == 0)
        keys[0] = attribute_value (attr);
      else if (g_ascii_strcasecmp (name, "name") == 0)
        keys[1] = attribute_value (attr);
      else if (g_ascii_strcasecmp (name, "itemprop") == 0)
        keys[2] = attribute_value (attr);
      else if (g_ascii_strcasecmp (name, "http-equiv") == 0)
        http_equiv = attribute_value (attr);
      else if (g_ascii_strcasecmp (name, "content") == 0)
        content = attribute_value (attr);
      else if (g_ascii_strcasecmp (name, "value") == 0)
        value = attribute_value (attr);
    }

  /* Some saved pages carry the value in "value" rather than "content". */
  if (content == NULL)
    content = value;
  if (content == NULL)
    return;

  if (http_equiv != NULL && g_ascii_strcasecmp (http_equiv, "content-language") == 0)
    set_once (&page->langs[LANG_META], content);

  /* A property may list several, space-separated: "og:title dc:title". */
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const char *p = keys[k];

      while (p != NULL && *p != '\0')
        {
          const char *end;

          while (g_ascii_isspace (*p))
            p++;
          end = p;
          while (*end != '\0' && !g_ascii_isspace (*end))
            end++;
          if (end > p)
            take_meta_key (page, p, end - p, content, k == 0);
          p = end;
        }
    }
}

/* JSON-LD ------------------------------------------------------------------- */

static const char *
json_string_member (JsonObject *object,
                    const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static gboolean
is_article_type (const char *type)
{
  static const char * const postings[] = {
    "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
    "Report", "APIReference",
  };
  const char *name = type;
  const char *slash = strrchr (type, '/');

  /* "https://schema.org/NewsArticle" or "schema:NewsArticle" */
  if (slash != NULL)
    name = slash + 1;
  else if (strchr (type, ':') != NULL)
    name = strrchr (type, ':') + 1;

  if (g_str_has_suffix (name, "Article"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (postings); i++)
    if (strcmp (name, postings[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
json_ld_is_article (JsonObject *object)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    return is_article_type (json_node_get_string (type));

  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *types = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (types) && i < MAX_JSON_LD_ITEMS; i++)
        {
          JsonNode *element = json_array_get_element (types, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING &&
              is_article_type (json_node_get_string (element)))
            return TRUE;
        }
    }

  return FALSE;
}

/* Yoast and others write the author and the publisher as references,
 * { "@id": … }, to other nodes of the same array or "@graph". */
static JsonObject *
resolve_reference (JsonObject *object,
                   JsonArray  *graph)
{
  const char *id = json_string_member (object, "@id");

  if (graph == NULL || id == NULL || json_string_member (object, "name") != NULL)
    return object;

  for (guint i = 0; i < json_array_get_length (graph) && i < MAX_JSON_LD_ITEMS * 4; i++)
    {
      JsonNode *element = json_array_get_element (graph, i);
      const char *element_id;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      element_id = json_string_member (json_node_get_object (element), "@id");
      if (element_id != NULL && strcmp (element_id, id) == 0)
        return json_node_get_object (element);
    }

  return object;
}

/* One author: "Jane Doe", { "name": "Jane Doe" }, a reference to one, or
 * { "url": … }. */
static void
add_json_ld_person (Page      *page,
                    JsonNode  *node,
                    JsonArray *graph)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    add_author_value (page, AUTHOR_JSON_LD, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *person = resolve_reference (json_node_get_object (node), graph);
      const char *name = json_string_member (person, "name");

      if (name != NULL)
        add_author_value (page, AUTHOR_JSON_LD, name);
      else if (json_string_member (person, "url") != NULL)
        add_author_value (page, AUTHOR_JSON_LD, json_string_member (person, "url"));
    }
}

static void
read_json_ld_article (Page       *page,
                      JsonObject *article,
                      JsonArray  *graph)
{
  const char *headline = json_string_member (article, "headline");
  JsonNode *author = json_object_get_member (article, "author");
  JsonNode *publisher = json_object_get_member (article, "publisher");

  set_once (&page->titles[TITLE_JSON_LD], headline);
  set_once (&page->json_ld_name, json_string_member (article, "name"));

  if (author != NULL && JSON_NODE_HOLDS_ARRAY (author))
    {
      JsonArray *authors = json_node_get_array (author);

      for (guint i = 0; i < json_array_get_length (authors) && i < MAX_JSON_LD_ITEMS; i++)
        add_json_ld_person (page, json_array_get_element (authors, i), graph);
    }
  else if (author != NULL)
    add_json_ld_person (page, author, graph);

  if (publisher != NULL && JSON_NODE_HOLDS_OBJECT (publisher))
    set_once (&page->sites[SITE_JSON_LD],
              json_string_member (resolve_reference (json_node_get_object (publisher), graph),
                                  "name"));
  else if (publisher != NULL && JSON_NODE_HOLDS_VALUE (publisher) &&
           json_node_get_value_type (publisher) == G_TYPE_STRING)
    set_once (&page->sites[SITE_JSON_LD], json_node_get_string (publisher));

  set_once (&page->dates[DATE_JSON_LD], json_string_member (article, "datePublished"));
  set_once (&page->dates[DATE_JSON_LD], json_string_member (article, "dateCreated"));
  set_once (&page->langs[LANG_JSON_LD], json_string_member (article, "inLanguage"));
}

/* Looks for the article among a script's objects: the top level, an
 * array of objects, or a "@graph". Only the first article of the page is
 * read. */
static void
read_json_ld_node (Page      *page,
                   JsonNode  *node,
                   JsonArray *graph,
                   guint      depth)
{
  if (page->json_ld_article || depth > 2)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < MAX_JSON_LD_ITEMS; i++)
        read_json_ld_node (page, json_array_get_element (array, i), array, depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *members = json_object_get_member (object, "@graph");

      if (json_ld_is_article (object))
        {
          read_json_ld_article (page, object, graph);
          page->json_ld_article = TRUE;
        }
      else if (members != NULL)
        read_json_ld_node (page, members, NULL, depth + 1);
    }
}

/* json-glib parses recursively: refuse what nests deeper than JSON-LD
 * ever does before handing it over. */
static gboolean
json_nesting_is_shallow (const char *text,
                         gsize       length)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_LD_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static void
visit_json_ld (Page    *page,
               xmlNode *script)
{
  g_autoptr(JsonParser) parser = NULL;
  GString *text = g_string_new (NULL);
  g_autofree char *data = NULL;
  const char *start;
  const char *end;

  for (xmlNode *child = script->children; child != NULL; child = child->next)
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
        child->content != NULL && text->len < MAX_JSON_LD_BYTES)
      g_string_append (text, (const char *)child->content);
  data = g_string_free (text, FALSE);

  /* Some sites wrap the data in a CDATA section or a comment. */
  start = data;
  while (g_ascii_isspace (*start))
    start++;
  if (g_str_has_prefix (start, "<![CDATA["))
    start += strlen ("<![CDATA[");
  else if (g_str_has_prefix (start, "<!--"))
    start += strlen ("<!--");
  end = start + strlen (start);
  while (end > start && g_ascii_isspace (end[-1]))
    end--;
  if (end - start >= 3 && (strncmp (end - 3, "]]>", 3) == 0 || strncmp (end - 3, "-->", 3) == 0))
    end -= 3;

  if (end <= start || (gsize)(end - start) > MAX_JSON_LD_BYTES ||
      !json_nesting_is_shallow (start, end - start))
    return;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, start, end - start, NULL))
    return;

  if (json_parser_get_root (parser) != NULL)
    read_json_ld_node (page, json_parser_get_root (parser), NULL, 0);
}

/* Body elements -------------------------------------------------------------- */

static void
add_mark (GArray     *marks,
          guint       max,
          xmlNode    *node,
          guint       order,
          BylineKind  kind)
{
  Mark mark = { node, order, kind };

  if (marks->len > 0 && g_array_index (marks, Mark, marks->len - 1).node == node)
    return;
  if (marks->len < max)
    g_array_append_val (marks, mark);
}

/* A text that starts with "By" makes its element a byline candidate:
 * "<div>By <a>Jane Doe</a></div>". When the "By" stands alone in its own
 * element, "<span>By </span><a>Jane Doe</a>", the names are in the
 * element around it. */
static void
visit_text (Page    *page,
            xmlNode *node)
{
  const char *text = (const char *)node->content;
  xmlNode *element = node->parent;
  const char *after;

  if (page->hidden != NULL || text == NULL || element == NULL ||
      element->type != XML_ELEMENT_NODE)
    return;

  while (g_ascii_isspace (*text))
    text++;
  if ((text[0] != 'B' && text[0] != 'b') || (text[1] != 'y' && text[1] != 'Y'))
    return;
  if (!ascii_has_prefix_word (text, "by", &after) && !ascii_has_prefix_word (text, "by:", &after))
    return;

  while (*after == ':' || g_ascii_isspace (*after))
    after++;
  if (*after == '\0' && node->prev == NULL && node->next == NULL &&
      element->parent != NULL && element->parent->type == XML_ELEMENT_NODE)
    element = element->parent;

  add_mark (page->bylines, MAX_BYLINES, element, page->order, BYLINE_TEXT);
}

typedef enum
{
  ELEMENT_OTHER,
  ELEMENT_SKIPPED,  /* holds no text a reader sees: scripts, styles, SVG, forms' lists */
  ELEMENT_SCRIPT,
  ELEMENT_META,
  ELEMENT_TITLE,
  ELEMENT_ROOT,     /* <html> and <body>, which carry the language */
  ELEMENT_LINK,
  ELEMENT_H1,
  ELEMENT_TIME,
} ElementKind;

/* What the walk does with an element, found from its name with a switch
 * rather than a string comparison for each kind: this runs on every
 * element of every page. */
static ElementKind
classify_element (const xmlNode *node)
{
  const char *name = (const char *)node->name;

#define IS(tag) (g_ascii_strcasecmp (name, tag) == 0)
  switch (ascii_lower (name[0]))
    {
    case 'b':
      return IS ("body") ? ELEMENT_ROOT : ELEMENT_OTHER;
    case 'h':
      return IS ("h1") ? ELEMENT_H1 : IS ("html") ? ELEMENT_ROOT : ELEMENT_OTHER;
    case 'i':
      return IS ("iframe") ? ELEMENT_SKIPPED : ELEMENT_OTHER;
    case 'l':
      return IS ("link") ? ELEMENT_LINK : ELEMENT_OTHER;
    case 'm':
      return IS ("meta") ? ELEMENT_META : IS ("math") ? ELEMENT_SKIPPED : ELEMENT_OTHER;
    case 'n':
      return IS ("noscript") ? ELEMENT_SKIPPED : ELEMENT_OTHER;
    case 'o':
      return IS ("object") ? ELEMENT_SKIPPED : ELEMENT_OTHER;
    case 's':
      if (IS ("script"))
        return ELEMENT_SCRIPT;
      return IS ("style") || IS ("svg") || IS ("select") ? ELEMENT_SKIPPED : ELEMENT_OTHER;
    case 't':
      if (IS ("title"))
        return ELEMENT_TITLE;
      if (IS ("time"))
        return ELEMENT_TIME;
      return IS ("template") || IS ("textarea") ? ELEMENT_SKIPPED : ELEMENT_OTHER;
    default:
      return ELEMENT_OTHER;
    }
#undef IS
}

static gboolean
is_skipped_element (const xmlNode *node)
{
  ElementKind kind = classify_element (node);

  return kind == ELEMENT_SKIPPED || kind == ELEMENT_SCRIPT;
}

/* Like vp_html_node_text(), but gives up past @max bytes: headlines and
 * bylines are short, and a hostile page may wrap the whole of itself in
 * each of many candidates. Returns %NULL for a longer text. */
static char *
bounded_node_text (xmlNode *root,
                   gsize    max)
{
  GString *out = g_string_new (NULL);
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) &&
          node->content != NULL)
        {
          const char *content = (const char *)node->content;

          vp_text_append_normalised (out, content, strnlen (content, max + 1));
          if (out->len > max)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
        }
      else if (node->type == XML_ELEMENT_NODE && !is_skipped_element (node))
        {
          /* Line breaks and paragraphs separate words. */
          if (node != root && out->len > 0 && out->str[out->len - 1] != ' ' &&
              (vp_html_is_element (node, "br") || vp_html_is_element (node, "p")))
            g_string_append_c (out, ' ');
          descend = TRUE;
        }

      node = vp_html_next_node (node, root, descend);
    }

  vp_text_trim_end (out);
  return g_string_free (out, FALSE);
}

/* Visits an element and says whether to walk its children. */
static gboolean
visit_element (Page    *page,
               xmlNode *node)
{
  const char *classes = NULL;
  const char *id = NULL;
  const char *rel = NULL;
  const char *itemprop = NULL;
  const char *datetime = NULL;
  gboolean hidden = FALSE;
  ClassHints hints = 0;
  ElementKind kind = classify_element (node);

  page->order++;
  if (node == page->content)
    page->content_start = page->order;

  switch (kind)
    {
    case ELEMENT_SCRIPT:
      {
        g_autofree char *type = vp_html_get_attribute (node, "type");

        if (type != NULL && g_ascii_strcasecmp (g_strstrip (type), "application/ld+json") == 0)
          visit_json_ld (page, node);
        return FALSE;
      }

    case ELEMENT_SKIPPED:
      return FALSE;

    case ELEMENT_META:
      visit_meta (page, node);
      return FALSE;

    default:
      break;
    }

  if (kind == ELEMENT_TITLE)
    {
      if (page->document_title == NULL)
        {
          g_autofree char *text = vp_html_node_text (node);

          set_once (&page->document_title, text);
        }
      return FALSE;
    }

  if (kind == ELEMENT_ROOT)
    {
      g_autofree char *lang = vp_html_get_attribute (node, "lang");
      g_autofree char *dir = vp_html_get_attribute (node, "dir");

      if (lang == NULL)
        lang = vp_html_get_attribute (node, "xml:lang");
      set_once (&page->langs[LANG_HTML], lang);
      set_once (&page->dir, dir);
      return TRUE;
    }

  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *attr_name = (const char *)attr->name;

      switch (ascii_lower (attr_name[0]))
        {
        case 'a':
          if (g_ascii_strcasecmp (attr_name, "aria-hidden") == 0 &&
              g_ascii_strcasecmp (attribute_value (attr), "true") == 0)
            hidden = TRUE;
          break;

        case 'c':
          if (g_ascii_strcasecmp (attr_name, "class") == 0)
            classes = attribute_value (attr);
          else if (g_ascii_strcasecmp (attr_name, "content") == 0 && datetime == NULL)
            datetime = attribute_value (attr);
          break;

        case 'd':
          if (g_ascii_strcasecmp (attr_name, "datetime") == 0)
            datetime = attribute_value (attr);
          break;

        case 'h':
          if (g_ascii_strcasecmp (attr_name, "hidden") == 0)
            hidden = TRUE;
          break;

        case 'i':
          if (g_ascii_strcasecmp (attr_name, "id") == 0)
            id = attribute_value (attr);
          else if (g_ascii_strcasecmp (attr_name, "itemprop") == 0)
            itemprop = attribute_value (attr);
          break;

        case 'r':
          if (g_ascii_strcasecmp (attr_name, "rel") == 0)
            rel = attribute_value (attr);
          break;

        case 's':
          if (g_ascii_strcasecmp (attr_name, "style") == 0 && style_hides (attribute_value (attr)))
            hidden = TRUE;
          break;

        default:
          break;
        }
    }

  if (kind == ELEMENT_LINK)
    {
      if (rel != NULL && has_token (rel, "author"))
        {
          g_autofree char *href = vp_html_get_attribute (node, "href");

          add_author_value (page, AUTHOR_OTHER, href);
        }
      return FALSE;
    }

  if (classes != NULL)
    hints = scan_class_hints (classes);
  if ((hints & HINT_HIDDEN) != 0 && class_hides (classes))
    hidden = TRUE;
  if (hidden && page->hidden == NULL)
    page->hidden = node;
  if (page->hidden != NULL)
    return TRUE;

  if (kind == ELEMENT_H1 || (itemprop != NULL && has_token (itemprop, "headline")))
    add_mark (page->headings, MAX_HEADINGS, node, page->order, BYLINE_MARKUP);

  if ((rel != NULL && has_token (rel, "author")) ||
      (itemprop != NULL && (has_token (itemprop, "author") || has_token (itemprop, "creator"))) ||
      ((hints & HINT_BYLINE) != 0 && tokens_are_byline (classes)) ||
      (id != NULL && tokens_are_byline (id)))
    add_mark (page->bylines, MAX_BYLINES, node, page->order, BYLINE_MARKUP);

  if (itemprop != NULL && has_token (itemprop, "datePublished") && datetime != NULL)
    set_once (&page->dates[DATE_ITEMPROP], datetime);
  else if (kind == ELEMENT_TIME && datetime != NULL)
    add_mark (page->times, MAX_TIMES, node, page->order, BYLINE_MARKUP);

  return TRUE;
}

static void
leave_node (Page    *page,
            xmlNode *node)
{
  if (node == page->hidden)
    page->hidden = NULL;
  if (node == page->content)
    page->content_end = page->order;
}

/* One walk over the whole document, without recursion: hostile pages
 * nest deeper than any stack. */
static void
walk_page (Page    *page,
           xmlNode *root)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE)
        descend = visit_element (page, node);
      else if (node->type == XML_TEXT_NODE)
        visit_text (page, node);

      if (descend && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != NULL)
        {
          leave_node (page, node);
          if (node == root)
            node = NULL;
          else if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          else
            node = node->parent;
        }
    }
}

/* Title ----------------------------------------------------------------------- */

static gboolean
in_content (const Page *page,
            guint       order)
{
  return order >= page->content_start && order <= page->content_end;
}

/* Headings in the order they are likely to be the article's: inside the
 * content first, then the nearest before it, then those after it. */
static int
compare_headings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const Page *page = user_data;
  const Mark *ma = a;
  const Mark *mb = b;
  int rank_a = in_content (page, ma->order) ? 0 : ma->order < page->content_start ? 1 : 2;
  int rank_b = in_content (page, mb->order) ? 0 : mb->order < page->content_start ? 1 : 2;

  if (rank_a != rank_b)
    return rank_a - rank_b;
  if (rank_a == 1)
    return ma->order > mb->order ? -1 : ma->order < mb->order;
  return ma->order < mb->order ? -1 : ma->order > mb->order;
}

/* Splits a <title> into the headline and the site's name: "Headline |
 * Site", "Headline – Site", "Site :: Headline". The headline must keep
 * enough words to be one; a part cut from the front must leave more,
 * since a leading part is as often the start of the headline. */
static gboolean
split_document_title (const char  *title,
                      char       **headline,
                      char       **site)
{
  static const char * const separators[] = {
    " | ", " - ", " – ", " — ", " :: ", " » ", " · ", " / ", " \\ ", " > ", "｜",
  };
  const char *first = NULL;
  const char *last = NULL;
  gsize first_len = 0;
  gsize last_len = 0;
  gboolean unspaced = is_unspaced_script (title);

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *p = title;
      const char *found;

      while ((found = strstr (p, separators[i])) != NULL)
        {
          if (first == NULL || found < first)
            {
              first = found;
              first_len = strlen (separators[i]);
            }
          if (last == NULL || found > last)
            {
              last = found;
              last_len = strlen (separators[i]);
            }
          p = found + strlen (separators[i]);
        }
    }

  if (last == NULL)
    return FALSE;

  {
    g_autofree char *before = vp_text_normalise (title, last - title);
    g_autofree char *after = vp_text_normalise (first + first_len, -1);

    if (unspaced ? g_utf8_strlen (before, -1) >= 6 : count_words (before) >= 3)
      {
        *headline = g_steal_pointer (&before);
        *site = vp_text_normalise (last + last_len, -1);
        return TRUE;
      }

    if (unspaced ? g_utf8_strlen (after, -1) >= 6 : count_words (after) >= 5)
      {
        *headline = g_steal_pointer (&after);
        *site = vp_text_normalise (title, first - title);
        return TRUE;
      }
  }

  return FALSE;
}

typedef struct
{
  char    *title;
  xmlNode *headline;   /* the visible heading the title was read from */
} TitleChoice;

/* A loose key without the full stop or ellipsis that ends a sentence. */
static char *
sentence_key (const char *text)
{
  char *key = loose_key (text);
  gsize length = strlen (key);

  for (;;)
    {
      if (length > 0 && strchr (".!? ", key[length - 1]) != NULL)
        key[--length] = '\0';
      else if (g_str_has_suffix (key, "…"))
        {
          length -= strlen ("…");
          key[length] = '\0';
        }
      else
        break;
    }

  return key;
}

/* Some sites fill their title metadata with the article's summary; the
 * headline is elsewhere then. The page's own description says what the
 * summary is: the Twitter card's is as often a copy of the title. */
static gboolean
repeats_description (Page       *page,
                     const char *title)
{
  g_autofree char *key = NULL;
  g_autofree char *description = NULL;
  const char *summary = page->descriptions[0];

  if (summary == NULL)
    summary = page->descriptions[1];
  if (summary == NULL || strlen (summary) > 3 * strlen (title) + 16)
    return FALSE;

  key = sentence_key (title);
  description = sentence_key (summary);
  return strcmp (key, description) == 0;
}

static gboolean
agrees_with_document_title (Page       *page,
                            const char *title)
{
  g_autofree char *key = NULL;
  g_autofree char *document_key = NULL;

  if (page->document_title == NULL)
    return FALSE;

  key = loose_key (title);
  document_key = loose_key (page->document_title);
  return titles_agree (key, document_key);
}

/* The title the page's metadata gives, in the order that is right most
 * often: JSON-LD, Dublin Core, Open Graph, <meta name=title>, Twitter,
 * Parse.ly. */
static const char *
metadata_title (Page *page)
{
  /* JSON-LD's "headline" is now and then a description, and its "name"
   * the headline ("Hermitian matrix"); the <title> tells which. */
  if (page->json_ld_name != NULL &&
      (page->titles[TITLE_JSON_LD] == NULL ||
       (!agrees_with_document_title (page, page->titles[TITLE_JSON_LD]) &&
        agrees_with_document_title (page, page->json_ld_name))))
    {
      g_free (page->titles[TITLE_JSON_LD]);
      page->titles[TITLE_JSON_LD] = g_strdup (page->json_ld_name);
    }

  for (guint i = 0; i < N_TITLE_SOURCES; i++)
    if (page->titles[i] != NULL && !repeats_description (page, page->titles[i]))
      return page->titles[i];

  return NULL;
}

static void
choose_title (Page        *page,
              TitleChoice *choice)
{
  g_autoptr(GArray) ranked = g_array_copy (page->headings);
  const char *meta = metadata_title (page);
  g_autofree char *meta_key = NULL;

  if (meta == NULL)
    meta = page->document_title;

  g_array_sort_with_data (ranked, compare_headings, page);

  if (meta != NULL)
    {
      meta_key = loose_key (meta);

      for (guint i = 0; i < ranked->len && i < MAX_HEADINGS_TRIED; i++)
        {
          xmlNode *node = g_array_index (ranked, Mark, i).node;
          g_autofree char *text = bounded_node_text (node, MAX_HEADLINE_BYTES);
          g_autofree char *key = NULL;

          /* A heading more than thrice as long cannot agree (see
           * key_extends()); keys are not worth making for it. */
          if (text == NULL || strlen (text) > 4 * strlen (meta) + 16)
            continue;

          key = loose_key (text);
          if (titles_agree (key, meta_key))
            {
              choice->title = g_steal_pointer (&text);
              choice->headline = node;
              return;
            }
        }
    }

  if (meta != NULL && meta != page->document_title)
    {
      choice->title = g_strdup (meta);
      return;
    }

  if (page->document_title != NULL)
    {
      g_autofree char *site = NULL;

      if (!split_document_title (page->document_title, &choice->title, &site))
        choice->title = g_strdup (page->document_title);
      return;
    }

  for (guint i = 0; i < ranked->len && i < MAX_HEADINGS_TRIED; i++)
    {
      g_autofree char *text = bounded_node_text (g_array_index (ranked, Mark, i).node,
                                                 MAX_HEADLINE_BYTES);

      if (text != NULL && text[0] != '\0')
        {
          choice->title = g_steal_pointer (&text);
          choice->headline = g_array_index (ranked, Mark, i).node;
          return;
        }
    }
}

/* Where the article starts: its headline if one was seen, else the first
 * heading in the content or shortly before it (the article's header),
 * else the content itself. */
static guint
article_anchor (Page              *page,
                const TitleChoice *choice)
{
  guint start = page->content_start > BYLINE_WINDOW_AFTER ?
                page->content_start - BYLINE_WINDOW_AFTER : 0;

  for (guint i = 0; i < page->headings->len; i++)
    {
      const Mark *mark = &g_array_index (page->headings, Mark, i);

      if (mark->node == choice->headline)
        return mark->order;
    }

  for (guint i = 0; i < page->headings->len; i++)
    {
      const Mark *mark = &g_array_index (page->headings, Mark, i);

      if (mark->order >= start && mark->order <= page->content_end)
        return mark->order;
    }

  return page->content_start;
}

/* Byline element ----------------------------------------------------------- */

static gboolean
is_descendant (const xmlNode *node,
               const xmlNode *ancestor)
{
  guint depth = 0;

  for (const xmlNode *n = node->parent; n != NULL && depth < MAX_ANCESTRY; n = n->parent, depth++)
    if (n == ancestor)
      return TRUE;

  return FALSE;
}

static gboolean
element_hides (const xmlNode *node)
{
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *)attr->name;

      if ((g_ascii_strcasecmp (name, "class") == 0 && class_hides (attribute_value (attr))) ||
          (g_ascii_strcasecmp (name, "style") == 0 && style_hides (attribute_value (attr))) ||
          g_ascii_strcasecmp (name, "hidden") == 0 ||
          (g_ascii_strcasecmp (name, "aria-hidden") == 0 &&
           g_ascii_strcasecmp (attribute_value (attr), "true") == 0))
        return TRUE;
    }

  return FALSE;
}

/* The visible text of an element as the pieces its text nodes make:
 * "By", "Jane Doe", "March 3, 2020". The boundaries between pieces often
 * carry no space ("<span>By</span>Jane Doe"), so they are kept. */
static GPtrArray *
collect_pieces (xmlNode *root)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  xmlNode *node = root;
  gsize bytes = 0;
  guint visited = 0;

  while (node != NULL && pieces->len < MAX_PIECES && bytes < MAX_PIECES_BYTES &&
         visited++ < MAX_SUBTREE_NODES)
    {
      gboolean descend = FALSE;

      if (node->type == XML_TEXT_NODE && node->content != NULL)
        {
          g_autofree char *piece = vp_text_normalise ((const char *)node->content, -1);

          if (piece[0] != '\0')
            {
              bytes += strlen (piece);
              g_ptr_array_add (pieces, g_steal_pointer (&piece));
            }
        }
      else if (node->type == XML_ELEMENT_NODE)
        descend = !is_skipped_element (node) &&
                  (node == root || !element_hides (node));

      node = vp_html_next_node (node, root, descend);
    }

  return pieces;
}

static gboolean
piece_ends_with_connector (const char *piece)
{
  gsize length = strlen (piece);
  static const char * const words[] = { "by", "by:", "and", "&", ",", ";", "und", "et" };
  gboolean letter = FALSE;

  /* Until a letter comes there is nothing to end: "[", "Jane Doe". */
  for (const char *p = piece; *p != '\0' && !letter; p = g_utf8_next_char (p))
    letter = g_unichar_isalnum (g_utf8_get_char (p));
  if (!letter)
    return TRUE;

  if (piece[length - 1] == ',' || piece[length - 1] == '&' || piece[length - 1] == ';' ||
      g_str_has_suffix (piece, "，") || g_str_has_suffix (piece, "、") ||
      g_str_has_suffix (piece, "／"))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if (length >= n && g_ascii_strcasecmp (piece + length - n, words[i]) == 0 &&
          (length == n || piece[length - n - 1] == ' '))
        return TRUE;
    }

  return FALSE;
}

static gboolean
piece_starts_with_connector (const char *piece)
{
  return piece[0] == ',' || piece[0] == '&' || piece[0] == ';' ||
         ascii_has_prefix_word (piece, "and", NULL) || ascii_has_prefix_word (piece, "und", NULL);
}

/* The byline's line as a reader reads it, up to where its names end:
 * pieces are joined while a "By", a comma or an "and" links them, so
 * "By", "Jane Doe", "Washington Post", "Dec 13" stops after the name. */
static char *
byline_line (xmlNode *node)
{
  g_autoptr(GPtrArray) pieces = collect_pieces (node);
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < pieces->len; i++)
    {
      const char *piece = g_ptr_array_index (pieces, i);

      if (line->len > 0 && !piece_ends_with_connector (line->str) &&
          !piece_starts_with_connector (piece))
        break;
      if (line->len > 0)
        g_string_append_c (line, ' ');
      g_string_append (line, piece);
    }

  return g_string_free (line, FALSE);
}

/* Whether an element inside a byline holds one name: the link to the
 * author's page, an itemprop name, a class such as "author-name". */
static gboolean
is_name_element (const xmlNode *node)
{
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *)attr->name;
      const char *value = attribute_value (attr);

      if (g_ascii_strcasecmp (name, "rel") == 0 && has_token (value, "author"))
        return TRUE;
      if (g_ascii_strcasecmp (name, "itemprop") == 0 &&
          (has_token (value, "name") || has_token (value, "author")))
        return TRUE;
      if (g_ascii_strcasecmp (name, "class") == 0 &&
          (has_token (value, "fn") || tokens_are_byline (value)))
        return TRUE;
    }

  return FALSE;
}

/* The names a byline element holds: those of its innermost name elements
 * if it has any ("<div class=byline>By <a rel=author>Jane Doe</a> · CBC
 * News · Posted …</div>"), else those its own line reads. */
static void
read_byline_element (xmlNode    *root,
                     GPtrArray  *names,
                     char      **outlet)
{
  g_autoptr(GPtrArray) inner = g_ptr_array_new ();
  xmlNode *node = root->children;
  guint visited = 0;

  while (node != NULL && visited++ < MAX_SUBTREE_NODES)
    {
      gboolean descend = FALSE;

      if (node->type == XML_ELEMENT_NODE && !is_skipped_element (node) && !element_hides (node))
        {
          descend = TRUE;
          if (is_name_element (node))
            {
              /* An outer name element gives way to the inner ones. */
              for (guint i = inner->len; i > 0; i--)
                if (is_descendant (node, g_ptr_array_index (inner, i - 1)))
                  g_ptr_array_remove_index (inner, i - 1);
              g_ptr_array_add (inner, node);
            }
        }

      node = vp_html_next_node (node, root, descend);
    }

  for (guint i = 0; i < inner->len; i++)
    {
      g_autofree char *line = byline_line (g_ptr_array_index (inner, i));

      read_byline_names (line, TRUE, names, outlet);
    }

  /* A role in an element of its own ("Opinion writer") is not a name. */
  for (guint i = names->len; i > 0 && names->len > 1; i--)
    if (is_role (g_ptr_array_index (names, i - 1)))
      g_ptr_array_remove_index (names, i - 1);

  if (names->len == 0)
    {
      g_autofree char *line = byline_line (root);

      read_byline_names (line, TRUE, names, outlet);
    }
}

typedef struct
{
  GPtrArray *names;
  char      *outlet;
  char      *text;     /* the element's whole text, to find it in the body */
} BylineChoice;

static void
byline_choice_clear (BylineChoice *choice)
{
  g_clear_pointer (&choice->names, g_ptr_array_unref);
  g_clear_pointer (&choice->outlet, g_free);
  g_clear_pointer (&choice->text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BylineChoice, byline_choice_clear)

/* Reads the byline candidate at @index, preferring a "By …" text inside
 * it to the element around it (which may also hold the date and the
 * outlet). */
static gboolean
try_byline (Page         *page,
            guint         index,
            BylineChoice *choice)
{
  const Mark *mark = &g_array_index (page->bylines, Mark, index);
  xmlNode *node = mark->node;
  gboolean by_text = mark->kind == BYLINE_TEXT;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *outlet = NULL;
  g_autofree char *text = NULL;

  for (guint i = index + 1; i < page->bylines->len; i++)
    {
      const Mark *inner = &g_array_index (page->bylines, Mark, i);

      if (!is_descendant (inner->node, mark->node))
        break;
      if (inner->kind == BYLINE_TEXT && node == mark->node)
        {
          node = inner->node;
          by_text = TRUE;
        }
    }

  /* Prose that happens to start with "By" ("By Monday, the talks had
   * …") is no byline: a long text counts only if the byline parser reads
   * a byline at its start. */
  text = bounded_node_text (node, MAX_BYLINE_BYTES);
  if (text == NULL)
    return FALSE;
  if (by_text && g_utf8_strlen (text, -1) > MAX_BYLINE_CHARS)
    {
      g_auto(VpByline) byline = { 0 };

      if (!vp_byline_parse (text, &byline))
        return FALSE;
    }

  read_byline_element (node, names, &outlet);
  if (names->len == 0 && node != mark->node)
    read_byline_element (mark->node, names, &outlet);
  if (names->len == 0)
    return FALSE;

  choice->names = g_steal_pointer (&names);
  choice->outlet = g_steal_pointer (&outlet);
  choice->text = g_steal_pointer (&text);
  return TRUE;
}

static void
choose_byline (Page         *page,
               guint         anchor,
               BylineChoice *choice)
{
  guint tried = 0;
  guint limit = anchor > G_MAXUINT - BYLINE_WINDOW_AFTER ? G_MAXUINT : anchor + BYLINE_WINDOW_AFTER;

  /* Bylines come after the headline; the content's end bounds them, so
   * that the bylines of related articles are not read. */
  if (in_content (page, anchor) || anchor <= page->content_start)
    limit = MIN (limit, page->content_end);

  for (guint i = 0; i < page->bylines->len && tried < MAX_BYLINES_TRIED; i++)
    {
      const Mark *mark = &g_array_index (page->bylines, Mark, i);

      if (mark->order < anchor)
        continue;
      if (mark->order > limit)
        break;
      tried++;
      if (try_byline (page, i, choice))
        return;
    }

  /* A byline above the headline, nearest first. */
  tried = 0;
  for (guint i = page->bylines->len; i > 0 && tried < MAX_BYLINES_TRIED; i--)
    {
      const Mark *mark = &g_array_index (page->bylines, Mark, i - 1);

      if (mark->order >= anchor)
        continue;
      if (anchor - mark->order > BYLINE_WINDOW_BEFORE)
        break;
      tried++;
      if (try_byline (page, i - 1, choice))
        return;
    }
}

/* Leading blocks ------------------------------------------------------------ */

/* How many bytes of @text a prefix equal to @prefix takes, ignoring case
 * and differences in spacing; 0 if @text does not start with it. */
static gsize
loose_prefix_length (const char *text,
                     const char *prefix)
{
  const char *t = text;
  const char *p = prefix;

  while (*p != '\0')
    {
      gunichar cp, ct;

      if (*p == ' ')
        {
          p++;
          continue;
        }
      while (*t == ' ')
        t++;
      if (*t == '\0')
        return 0;

      cp = g_unichar_tolower (g_utf8_get_char (p));
      ct = g_unichar_tolower (g_utf8_get_char (t));
      if (cp != ct)
        return 0;
      p = g_utf8_next_char (p);
      t = g_utf8_next_char (t);
    }

  return t - text;
}

/* After a byline at the start of a block: the separator before the lead,
 * if any, and the spaces around it. Returns the bytes to skip, or
 * G_MAXSIZE if the block goes on with more words of the same line. */
static gsize
skip_byline_separator (const char *rest)
{
  const char *p = skip_spaces (rest);
  gunichar c;

  if (*p == '\0')
    return p - rest;

  c = g_utf8_get_char (p);
  if (!is_dash (c) && c != '|' && c != ':' && c != 0x00B7 && c != 0x2022)
    return G_MAXSIZE;

  p = skip_spaces (g_utf8_next_char (p));
  return p - rest;
}

/* Whether a block is, or starts with, the byline. Sets @consumed to the
 * bytes the byline and its separator take. */
static gboolean
block_starts_with_byline (const char   *text,
                          const char   *byline_text,
                          VpByline     *parsed,
                          gboolean     *from_parser,
                          gsize        *consumed)
{
  g_auto(VpByline) byline = { 0 };

  *from_parser = FALSE;

  if (vp_byline_parse (text, &byline))
    {
      gboolean plausible = byline.authors[0] != NULL;

      for (guint i = 0; byline.authors[i] != NULL; i++)
        if (!is_plausible_name (byline.authors[i], TRUE))
          plausible = FALSE;

      if (plausible)
        {
          *consumed = MIN (byline.consumed, strlen (text));
          *parsed = byline;
          memset (&byline, 0, sizeof byline);
          *from_parser = TRUE;
          return TRUE;
        }
    }

  /* Else the byline element read next to the headline, when the block
   * starts with it; a long text is a paragraph, not a byline. */
  if (byline_text != NULL && byline_text[0] != '\0' &&
      g_utf8_strlen (byline_text, -1) <= MAX_BYLINE_CHARS)
    {
      gsize length = loose_prefix_length (text, byline_text);
      gsize skip;

      if (length == 0)
        return FALSE;
      skip = skip_byline_separator (text + length);
      if (skip == G_MAXSIZE)
        return FALSE;
      *consumed = length + skip;
      return TRUE;
    }

  return FALSE;
}

typedef struct
{
  gboolean  found;
  gboolean  from_parser;
  VpByline  parsed;
} BodyByline;

static gboolean
block_has_key (const VpBlock *block,
               const char    *key)
{
  g_autofree char *block_key = NULL;

  /* Keys lose quotes and spaces, and full-width forms fold to a third
   * of their bytes at most: a block longer than that is another text,
   * and not worth folding. */
  if (strlen (block->text) > 3 * strlen (key) + 16)
    return FALSE;

  block_key = loose_key (block->text);
  return strcmp (block_key, key) == 0;
}

/* Removes from the start of the body the blocks that repeat the title,
 * hold the byline, or give only the date right after those; a block that
 * starts with the byline and goes on with the lead keeps the lead. */
static void
clean_leading_blocks (VpArticle  *article,
                      const char *title,
                      const char *byline_text,
                      BodyByline *body)
{
  g_autofree char *title_key = title != NULL ? loose_key (title) : NULL;
  gboolean title_done = title_key == NULL || title_key[0] == '\0';
  gboolean after_removed = FALSE;
  guint seen = 0;
  guint i = 0;

  while (i < vp_article_get_n_blocks (article) && seen++ < MAX_LEADING_BLOCKS)
    {
      VpBlock *block = vp_article_peek_block (article, i);
      gsize consumed = 0;

      if (block->kind != VP_BLOCK_HEADING && block->kind != VP_BLOCK_PARAGRAPH)
        break;

      if (!title_done && block_has_key (block, title_key))
        {
          vp_article_remove_block (article, i);
          title_done = TRUE;
          after_removed = TRUE;
          continue;
        }

      if (!body->found && block->kind == VP_BLOCK_PARAGRAPH &&
          block_starts_with_byline (block->text, byline_text, &body->parsed,
                                    &body->from_parser, &consumed))
        {
          const char *rest = block->text + consumed;

          body->found = TRUE;
          if (*skip_spaces (rest) == '\0' || is_date_line (skip_spaces (rest)))
            {
              vp_article_remove_block (article, i);
              after_removed = TRUE;
              continue;
            }

          /* The lead starts here: nothing after it is the byline's. */
          {
            char *lead = vp_text_normalise (rest, -1);

            g_free (block->text);
            block->text = lead;
          }
          break;
        }

      if (after_removed && is_date_line (block->text))
        {
          vp_article_remove_block (article, i);
          continue;
        }

      if (block->kind == VP_BLOCK_PARAGRAPH && count_words (block->text) >= LONG_PARAGRAPH_WORDS)
        break;

      after_removed = FALSE;
      i++;
    }
}

/* Putting it together ------------------------------------------------------ */

static char *
choose_site (Page       *page,
             const char *title)
{
  g_autofree char *headline = NULL;
  g_autofree char *site = NULL;

  for (guint i = 0; i < N_SITE_SOURCES; i++)
    if (page->sites[i] != NULL)
      return g_strdup (page->sites[i]);

  if (page->document_title == NULL || title == NULL ||
      !split_document_title (page->document_title, &headline, &site))
    return NULL;

  /* The part of the <title> that is not the headline names the site; of
   * "Headline | Section | Site", the last. */
  if (!loose_equal (headline, title))
    {
      g_autofree char *headline_key = loose_key (headline);
      g_autofree char *title_key = loose_key (title);

      if (!titles_agree (title_key, headline_key))
        return NULL;
    }

  return site[0] != '\0' && g_utf8_strlen (site, -1) <= 60 ? g_steal_pointer (&site) : NULL;
}

static char *
choose_published (Page       *page,
                  guint       anchor)
{
  for (guint i = 0; i < DATE_META; i++)
    {
      char *date = parse_date (page->dates[i]);

      if (date != NULL)
        return date;
    }

  /* The first <time> after the headline, in the article. */
  for (guint i = 0; i < page->times->len; i++)
    {
      const Mark *mark = &g_array_index (page->times, Mark, i);
      g_autofree char *datetime = NULL;
      char *date;

      if (mark->order < anchor || (mark->order > page->content_end && anchor <= page->content_end))
        continue;
      if (mark->order - anchor > BYLINE_WINDOW_AFTER && !in_content (page, mark->order))
        continue;

      datetime = vp_html_get_attribute (mark->node, "datetime");
      date = parse_date (datetime);
      if (date != NULL)
        return date;
    }

  return parse_date (page->dates[DATE_META]);
}

static void
set_language (VpArticle *article,
              Page      *page)
{
  g_autofree char *language = NULL;
  VpTextDirection direction = VP_TEXT_DIRECTION_NONE;

  for (guint i = 0; i < N_LANG_SOURCES && language == NULL; i++)
    language = primary_language (page->langs[i]);

  if (page->dir != NULL && g_ascii_strcasecmp (page->dir, "rtl") == 0)
    direction = VP_TEXT_DIRECTION_RTL;
  else if (page->dir != NULL && g_ascii_strcasecmp (page->dir, "ltr") == 0)
    direction = VP_TEXT_DIRECTION_LTR;
  else if (language != NULL && is_rtl_language (language))
    direction = VP_TEXT_DIRECTION_RTL;

  vp_article_set_language (article, language);
  vp_article_set_direction (article, direction);
}

/* "example.de", "News.com" */
static gboolean
looks_like_domain (const char *name)
{
  const char *dot = strrchr (name, '.');
  gsize tld = 0;

  if (dot == NULL || dot == name || strchr (name, ' ') != NULL)
    return FALSE;

  while (g_ascii_isalpha (dot[1 + tld]))
    tld++;

  return dot[1 + tld] == '\0' && tld >= 2 && tld <= 6;
}

/* Whether the visible names contain every one of @names and more. */
static gboolean
byline_extends_names (GPtrArray *visible,
                      GPtrArray *names)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *visible_key = NULL;
  gsize names_length = 0;

  for (guint i = 0; i < visible->len; i++)
    {
      g_string_append (all, g_ptr_array_index (visible, i));
      g_string_append_c (all, '\n');
    }
  visible_key = loose_key (all->str);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *key = loose_key (g_ptr_array_index (names, i));

      if (strstr (visible_key, key) == NULL)
        return FALSE;
      names_length += strlen (key) + 1;
    }

  return strlen (visible_key) > names_length;
}

static void
set_authors (VpArticle          *article,
             Page               *page,
             const BodyByline   *body,
             const BylineChoice *byline,
             const char         *site)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  /* A byline at the start of the body is what the reader sees first. */
  if (body->found && body->from_parser)
    {
      for (guint i = 0; body->parsed.authors[i] != NULL; i++)
        add_name (names, body->parsed.authors[i]);
    }
  else if (body->found && byline->names != NULL)
    {
      for (guint i = 0; i < byline->names->len; i++)
        add_name (names, g_ptr_array_index (byline->names, i));
    }

  for (guint s = 0; s < N_AUTHOR_SOURCES && names->len == 0; s++)
    {
      for (guint i = 0; i < page->authors[s]->len; i++)
        split_names (g_ptr_array_index (page->authors[s], i), FALSE, names, NULL);

      /* Metadata that names the site rather than a person gives way to a
       * visible byline. */
      if (names->len == 1 && byline->names != NULL &&
          ((site != NULL && loose_equal (g_ptr_array_index (names, 0), site)) ||
           looks_like_domain (g_ptr_array_index (names, 0))))
        g_ptr_array_set_size (names, 0);
    }

  /* The visible byline next to the headline names the authors when the
   * metadata does not, and gives the names in full when it holds each of
   * the metadata's and says more ("ASCII" and "Okamoto / ASCII editors"). */
  if (!body->found && byline->names != NULL &&
      (names->len == 0 || byline_extends_names (byline->names, names)))
    {
      g_ptr_array_set_size (names, 0);
      for (guint i = 0; i < byline->names->len; i++)
        add_name (names, g_ptr_array_index (byline->names, i));
    }

  for (guint i = 0; i < page->author_urls->len && names->len == 0; i++)
    {
      g_autofree char *name = name_from_url (g_ptr_array_index (page->author_urls, i));

      if (name != NULL && is_plausible_name (name, FALSE))
        add_name (names, name);
    }

  /* A company named with people is the publisher, not an author. */
  if (names->len > 1)
    {
      for (guint i = names->len; i > 0; i--)
        if (is_corporate_name (g_ptr_array_index (names, i - 1)) && names->len > 1)
          g_ptr_array_remove_index (names, i - 1);
    }

  g_ptr_array_add (names, NULL);
  vp_article_set_authors (article, (const char * const *)names->pdata);
}

/**
 * vp_html_read_metadata:
 * @article: the article being built, with its body's blocks
 * @doc: the parsed page
 * @content: (nullable): the element the article's body was read from
 *
 * Sets the article's title, authors, outlet, site, publication date,
 * language and direction from the page, and removes from the start of the
 * body the blocks that repeat the title or hold the byline.
 */
void
vp_html_read_metadata (VpArticle *article,
                       xmlDoc    *doc,
                       xmlNode   *content)
{
  g_auto(Page) page = { 0 };
  g_auto(BylineChoice) byline = { 0 };
  BodyByline body = { 0 };
  TitleChoice title = { 0 };
  g_autofree char *site = NULL;
  g_autofree char *published = NULL;
  xmlNode *root;
  guint anchor;

  g_return_if_fail (VP_IS_ARTICLE (article));
  g_return_if_fail (doc != NULL);

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    return;

  page.content = content;
  page.content_start = 0;
  page.content_end = G_MAXUINT;
  for (guint i = 0; i < N_AUTHOR_SOURCES; i++)
    page.authors[i] = g_ptr_array_new_with_free_func (g_free);
  page.author_urls = g_ptr_array_new_with_free_func (g_free);
  page.headings = g_array_new (FALSE, FALSE, sizeof (Mark));
  page.bylines = g_array_new (FALSE, FALSE, sizeof (Mark));
  page.times = g_array_new (FALSE, FALSE, sizeof (Mark));

  walk_page (&page, root);

  /* Without a content element, the whole page is where the article is. */
  if (content == NULL || page.content_start == 0)
    {
      page.content_start = 0;
      page.content_end = G_MAXUINT;
    }

  choose_title (&page, &title);
  anchor = article_anchor (&page, &title);
  choose_byline (&page, anchor, &byline);

  clean_leading_blocks (article, title.title, byline.text, &body);

  vp_article_set_title (article, title.title);

  site = choose_site (&page, title.title);
  vp_article_set_site (article, site);

  set_authors (article, &page, &body, &byline, site);

  if (body.found && body.from_parser && body.parsed.outlet != NULL)
    vp_article_set_outlet (article, body.parsed.outlet);
  else
    vp_article_set_outlet (article, byline.outlet);

  published = choose_published (&page, anchor);
  vp_article_set_published (article, published);

  set_language (article, &page);

  vp_byline_clear (&body.parsed);
  g_free (title.title);
}
