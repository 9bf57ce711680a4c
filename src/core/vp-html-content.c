/* vp-html-content.c: finds the article in a page and turns it into blocks
 *
 * A page is read in three steps, each linear in its size:
 *
 * 1. One walk over the tree records every element in document order with
 *    what it says about itself (its tag, whether it is hidden, what its
 *    class, id and role hint at) and how much text it holds directly,
 *    and how much of that text is in links. Text is counted, never copied.
 *
 * 2. Passes over that array (not the tree) add the text up the tree and
 *    weigh each element: text in paragraphs is good, short scraps count a
 *    little, text in links and in chrome is bad. The element with the
 *    most good text net of bad text holds the article; its siblings that
 *    look like more of the same join it. Arrays in document order make
 *    this cheap: walking one backwards meets every child before its
 *    parent.
 *
 * 3. A second walk, over the article's elements only, skips the chrome
 *    and link lists inside it and emits headings, paragraphs, list items
 *    and quotes in reading order.
 *
 * Both walks follow the tree's own links instead of recursing, and every
 * stack they keep is on the heap: hostile pages nest elements by the
 * hundred thousand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-html-content"

#include "config.h"

#include <string.h>

#include "vp-html-private.h"
#include "vp-libxml-private.h"
#include "vp-text.h"

/* What the extractor needs to know of an element's name. Everything from
 * TAG_BLOCK on starts a new line when rendered; everything before joins
 * the text around it. libxml2 2.9 does not know HTML5's sectioning
 * elements, but keeps them as elements, so they are classified here like
 * any other. */
typedef enum
{
  TAG_OTHER,
  TAG_A,
  TAG_BOLD,
  TAG_BR,
  TAG_REMOVED,
  TAG_BLOCK,
  TAG_P,
  TAG_H1,
  TAG_H2,
  TAG_H3,
  TAG_H4,
  TAG_H5,
  TAG_H6,
  TAG_UL,
  TAG_OL,
  TAG_LI,
  TAG_DL,
  TAG_BLOCKQUOTE,
  TAG_PRE,
  TAG_TABLE,
  TAG_TBODY,
  TAG_TR,
  TAG_CELL,
  TAG_FIGURE,
  TAG_FIGCAPTION,
  TAG_ARTICLE,
  TAG_MAIN,
  TAG_SECTION,
  TAG_HEADER,
  TAG_FOOTER,
  TAG_NAV,
  TAG_ASIDE,
  TAG_FORM,
  TAG_MENU,
  TAG_BODY,
  TAG_HTML,
} Tag;

#define TAG_IS_BLOCK(tag)   ((tag) >= TAG_BLOCK)
#define TAG_IS_HEADING(tag) ((tag) >= TAG_H1 && (tag) <= TAG_H6)

typedef enum
{
  NODE_REMOVED    = 1 << 0,   /* nothing a reader sees: scripts, hidden parts */
  NODE_IN_LINK    = 1 << 1,   /* inside an <a href> */
  NODE_CHROME     = 1 << 2,   /* its tag, class, id or role says chrome */
  NODE_DISCUSSION = 1 << 3,   /* comments: chrome however long they are */
  NODE_POSITIVE   = 1 << 4,   /* its class or id says content */
  NODE_BODY_HINT  = 1 << 5,   /* itemprop="articleBody" and the like */
  NODE_DROP       = 1 << 6,   /* chrome, after weighing how much text it holds */
  NODE_UNDER_DROP = 1 << 7,   /* it or an ancestor is dropped */
  NODE_HAS_BLOCK  = 1 << 8,   /* some descendant starts a new line */
  NODE_LAYOUT     = 1 << 9,   /* its hints say chrome unless it holds prose */
} NodeFlags;

typedef struct
{
  xmlNode *node;
  int      parent;       /* index of the parent element, or -1 */
  int      owner;        /* index of the nearest block (itself for blocks) */
  guint16  flags;
  guint8   tag;
  guint    own_chars;    /* visible characters of the text it owns as a block */
  guint    own_links;    /* those of them inside links */
  guint    chars;        /* the same for its whole subtree */
  guint    links;
  guint    kept_chars;   /* its subtree's characters outside chrome */
  float    raw_good;     /* good text below it, ignoring chrome hints */
  float    good;         /* good text below it, chrome counted as bad */
  float    bad;
} Node;

struct _VpHtmlContent
{
  GArray *nodes;         /* Node, in document order */
  GArray *roots;         /* indexes of the article's elements, in document order */
  int     best;          /* the main one, or -1 */
};

/* Text shorter than this, in characters, is a scrap (a date, a caption,
 * a button label) rather than prose. */
#define SHORT_TEXT 25

/* How much a character of chrome or link text costs against a character
 * of prose when choosing the article's element. */
#define BAD_WEIGHT 1.0f

/* What a character of a scrap is worth: a little, so that an element
 * holding the article's short list items and table cells beside its
 * paragraphs wins over the one holding the paragraphs alone. */
#define SHORT_WEIGHT 0.25f

/* An element that its hints call chrome still holds the article when at
 * least this share of the page's prose is inside it (and that is more
 * than a scrap): themes name their layout wrappers
 * "content-sidebar-wrap" and the like. */
#define WRAPPER_SHARE 0.5f

static inline Node *
node_at (GArray *nodes,
         int     index)
{
  return &g_array_index (nodes, Node, index);
}

static inline Node *
node_of (GArray  *nodes,
         xmlNode *element)
{
  guint index = GPOINTER_TO_UINT (element->_private);

  if (index == 0 || index > nodes->len)
    return NULL;

  return node_at (nodes, index - 1);
}

static Tag
classify_tag (const char *name)
{
#define IS(s) (strcmp (name, s) == 0)
  switch (name[0])
    {
    case 'a':
      if (name[1] == '\0')
        return TAG_A;
      if (IS ("article"))
        return TAG_ARTICLE;
      if (IS ("aside"))
        return TAG_ASIDE;
      if (IS ("address"))
        return TAG_BLOCK;
      if (IS ("audio") || IS ("area") || IS ("applet"))
        return TAG_REMOVED;
      break;

    case 'b':
      if (name[1] == '\0')
        return TAG_BOLD;
      if (IS ("br"))
        return TAG_BR;
      if (IS ("blockquote"))
        return TAG_BLOCKQUOTE;
      if (IS ("body"))
        return TAG_BODY;
      if (IS ("button") || IS ("base"))
        return TAG_REMOVED;
      break;

    case 'c':
      if (IS ("center") || IS ("caption"))
        return TAG_BLOCK;
      if (IS ("canvas"))
        return TAG_REMOVED;
      break;

    case 'd':
      if (IS ("div") || IS ("dt") || IS ("dd") || IS ("details") || IS ("dialog"))
        return TAG_BLOCK;
      if (IS ("dl"))
        return TAG_DL;
      if (IS ("dir"))
        return TAG_UL;
      if (IS ("datalist"))
        return TAG_REMOVED;
      break;

    case 'e':
      if (IS ("embed"))
        return TAG_REMOVED;
      break;

    case 'f':
      if (IS ("figure"))
        return TAG_FIGURE;
      if (IS ("figcaption"))
        return TAG_FIGCAPTION;
      if (IS ("footer"))
        return TAG_FOOTER;
      if (IS ("form"))
        return TAG_FORM;
      if (IS ("fieldset"))
        return TAG_BLOCK;
      if (IS ("frame") || IS ("frameset"))
        return TAG_REMOVED;
      break;

    case 'h':
      if (name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
        return TAG_H1 + (name[1] - '1');
      if (IS ("header"))
        return TAG_HEADER;
      if (IS ("hgroup") || IS ("hr"))
        return TAG_BLOCK;
      if (IS ("html"))
        return TAG_HTML;
      if (IS ("head"))
        return TAG_REMOVED;
      break;

    case 'i':
      if (IS ("iframe") || IS ("input"))
        return TAG_REMOVED;
      break;

    case 'l':
      if (IS ("li"))
        return TAG_LI;
      if (IS ("legend"))
        return TAG_BLOCK;
      if (IS ("link"))
        return TAG_REMOVED;
      if (IS ("listing"))
        return TAG_PRE;
      break;

    case 'm':
      if (IS ("main"))
        return TAG_MAIN;
      if (IS ("menu"))
        return TAG_MENU;
      if (IS ("meta") || IS ("map"))
        return TAG_REMOVED;
      break;

    case 'n':
      if (IS ("nav"))
        return TAG_NAV;
      if (IS ("noscript") || IS ("noframes") || IS ("noembed"))
        return TAG_REMOVED;
      break;

    case 'o':
      if (IS ("ol"))
        return TAG_OL;
      if (IS ("object") || IS ("option") || IS ("optgroup"))
        return TAG_REMOVED;
      break;

    case 'p':
      if (name[1] == '\0')
        return TAG_P;
      if (IS ("pre"))
        return TAG_PRE;
      if (IS ("param") || IS ("progress"))
        return TAG_REMOVED;
      break;

    case 's':
      if (IS ("strong"))
        return TAG_BOLD;
      if (IS ("section"))
        return TAG_SECTION;
      if (IS ("summary"))
        return TAG_BLOCK;
      if (IS ("script") || IS ("style") || IS ("select") || IS ("svg") || IS ("source"))
        return TAG_REMOVED;
      break;

    case 't':
      if (IS ("table"))
        return TAG_TABLE;
      if (IS ("tr"))
        return TAG_TR;
      if (IS ("td") || IS ("th"))
        return TAG_CELL;
      if (IS ("tbody") || IS ("thead") || IS ("tfoot"))
        return TAG_TBODY;
      if (IS ("textarea") || IS ("template") || IS ("title") || IS ("track"))
        return TAG_REMOVED;
      break;

    case 'u':
      if (IS ("ul"))
        return TAG_UL;
      break;

    case 'v':
      if (IS ("video"))
        return TAG_REMOVED;
      break;

    case 'x':
      if (IS ("xmp"))
        return TAG_PRE;
      break;

    default:
      break;
    }
#undef IS

  return TAG_OTHER;
}

/* Hints in class and id values ------------------------------------------- */

typedef enum
{
  MATCH_ANYWHERE,   /* "sidebar" in "content-sidebar-wrap" */
  MATCH_PREFIX,     /* at the start of a word: "ads" in "adsbygoogle", not "loads" */
  MATCH_WORD,       /* a whole word: "ad" in "ad-slot", not "header" or "add" */
  MATCH_CLASS,      /* a whole class name: "hidden", not "hidden-xs" */
} MatchMode;

typedef enum
{
  HINT_CHROME     = 1 << 0,
  HINT_DISCUSSION = 1 << 1,
  HINT_POSITIVE   = 1 << 2,
  HINT_HIDDEN     = 1 << 3,
  HINT_LAYOUT     = 1 << 4,   /* chrome only if it holds no prose */
} Hint;

typedef struct
{
  const char *word;
  guint8      mode;
  guint8      hint;
  const char *unless;   /* …followed by one of these ('|' between them) */
} HintWord;

/* Words that sites use, in every language's class names, for the parts
 * of a page around an article, and for the article itself. */
static const HintWord hint_words[] = {
  { "ad", MATCH_WORD, HINT_CHROME },
  { "ads", MATCH_PREFIX, HINT_CHROME },
  { "advert", MATCH_ANYWHERE, HINT_CHROME },
  { "article", MATCH_ANYWHERE, HINT_POSITIVE },
  { "author", MATCH_ANYWHERE, HINT_CHROME },
  { "banner", MATCH_ANYWHERE, HINT_CHROME },
  { "blog", MATCH_PREFIX, HINT_POSITIVE },
  { "body", MATCH_ANYWHERE, HINT_POSITIVE },
  { "breadcrumb", MATCH_ANYWHERE, HINT_CHROME },
  { "byline", MATCH_ANYWHERE, HINT_CHROME },
  { "caption", MATCH_ANYWHERE, HINT_CHROME },
  { "check-also", MATCH_ANYWHERE, HINT_CHROME },
  { "checkalso", MATCH_ANYWHERE, HINT_CHROME },
  /* "commented" is the state of a post, "commentary" a kind of post. */
  { "comment", MATCH_ANYWHERE, HINT_DISCUSSION, "ed|ary" },
  { "content", MATCH_ANYWHERE, HINT_POSITIVE },
  { "cookie", MATCH_ANYWHERE, HINT_CHROME },
  { "copyright", MATCH_ANYWHERE, HINT_CHROME },
  { "crumbs", MATCH_ANYWHERE, HINT_CHROME },
  { "d-none", MATCH_CLASS, HINT_HIDDEN },
  { "disqus", MATCH_ANYWHERE, HINT_DISCUSSION },
  { "entry", MATCH_PREFIX, HINT_POSITIVE },
  { "footer", MATCH_ANYWHERE, HINT_CHROME },
  { "header", MATCH_PREFIX, HINT_CHROME },
  { "hentry", MATCH_WORD, HINT_POSITIVE },
  { "hidden", MATCH_CLASS, HINT_HIDDEN },
  { "hide", MATCH_CLASS, HINT_HIDDEN },
  { "invisible", MATCH_CLASS, HINT_HIDDEN },
  { "login", MATCH_ANYWHERE, HINT_CHROME },
  { "main", MATCH_WORD, HINT_POSITIVE },
  { "masthead", MATCH_ANYWHERE, HINT_CHROME },
  { "menu", MATCH_ANYWHERE, HINT_CHROME },
  { "meta", MATCH_ANYWHERE, HINT_CHROME },
  { "modal", MATCH_ANYWHERE, HINT_CHROME },
  { "nav", MATCH_PREFIX, HINT_CHROME },
  { "newsletter", MATCH_ANYWHERE, HINT_CHROME },
  { "outbrain", MATCH_ANYWHERE, HINT_CHROME },
  { "pager", MATCH_ANYWHERE, HINT_CHROME },
  { "pagination", MATCH_ANYWHERE, HINT_CHROME },
  { "popular", MATCH_ANYWHERE, HINT_CHROME },
  { "popup", MATCH_ANYWHERE, HINT_CHROME },
  { "post", MATCH_WORD, HINT_POSITIVE },
  { "prev", MATCH_PREFIX, HINT_CHROME },
  { "promo", MATCH_ANYWHERE, HINT_CHROME },
  { "prose", MATCH_ANYWHERE, HINT_POSITIVE },
  { "recommend", MATCH_ANYWHERE, HINT_CHROME },
  { "related", MATCH_ANYWHERE, HINT_CHROME },
  { "replies", MATCH_ANYWHERE, HINT_DISCUSSION },
  { "respond", MATCH_PREFIX, HINT_DISCUSSION },
  { "screen-reader", MATCH_ANYWHERE, HINT_HIDDEN },
  { "share", MATCH_ANYWHERE, HINT_CHROME },
  { "sharing", MATCH_ANYWHERE, HINT_CHROME },
  { "sidebar", MATCH_ANYWHERE, HINT_CHROME },
  { "signup", MATCH_ANYWHERE, HINT_CHROME },
  { "skip", MATCH_PREFIX, HINT_CHROME },
  { "social", MATCH_ANYWHERE, HINT_CHROME },
  { "sponsor", MATCH_ANYWHERE, HINT_CHROME },
  { "sr-only", MATCH_CLASS, HINT_HIDDEN },
  { "story", MATCH_PREFIX, HINT_POSITIVE },
  { "subscri", MATCH_ANYWHERE, HINT_CHROME },
  { "taboola", MATCH_ANYWHERE, HINT_CHROME },
  { "tags", MATCH_WORD, HINT_CHROME },
  { "text", MATCH_PREFIX, HINT_POSITIVE },
  { "toolbar", MATCH_ANYWHERE, HINT_CHROME },
  { "trending", MATCH_ANYWHERE, HINT_CHROME },
  { "visually-hidden", MATCH_CLASS, HINT_HIDDEN },
  { "visuallyhidden", MATCH_CLASS, HINT_HIDDEN },
  /* Page builders call every box a widget, the article's text too. */
  { "widget", MATCH_ANYWHERE, HINT_LAYOUT },
};

/* For each letter, the range of hint_words starting with it: the table is
 * sorted, so a value is matched by trying only the words that start with
 * each of its letters. */
static guint8 hint_first[27];

static void
init_hint_index (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      guint i = 0;

      for (guint letter = 0; letter < 26; letter++)
        {
          hint_first[letter] = i;
          while (i < G_N_ELEMENTS (hint_words) && hint_words[i].word[0] == 'a' + (int)letter)
            i++;
        }
      hint_first[26] = i;
      g_assert (i == G_N_ELEMENTS (hint_words));

      g_once_init_leave (&initialised, 1);
    }
}

static inline gboolean
is_word_break (const char *value,
               gsize       length,
               gsize       at)
{
  /* A word starts or ends where a letter meets a non-letter, or where a
   * lower-case letter meets a capital ("articleBody"). */
  if (at == 0 || at >= length)
    return TRUE;
  if (!g_ascii_isalpha (value[at]) || !g_ascii_isalpha (value[at - 1]))
    return TRUE;
  return g_ascii_isupper (value[at]) && g_ascii_islower (value[at - 1]);
}

static gboolean
followed_by_any (const char *rest,
                 gsize       length,
                 const char *suffixes)
{
  while (*suffixes != '\0')
    {
      gsize n = strcspn (suffixes, "|");

      if (n <= length && memcmp (rest, suffixes, n) == 0)
        return TRUE;
      suffixes += n;
      if (*suffixes == '|')
        suffixes++;
    }

  return FALSE;
}

static guint
match_hints (const char *value)
{
  char lower[256];
  gsize length;
  guint hints = 0;

  /* Hints sit in the first words of a value; a very long one is cut
   * rather than copied whole. */
  length = strlen (value);
  if (length > sizeof lower)
    length = sizeof lower;
  for (gsize i = 0; i < length; i++)
    lower[i] = g_ascii_tolower (value[i]);

  for (gsize i = 0; i < length; i++)
    {
      guint letter;

      if (lower[i] < 'a' || lower[i] > 'z')
        continue;

      letter = lower[i] - 'a';
      for (guint w = hint_first[letter]; w < hint_first[letter + 1]; w++)
        {
          const HintWord *hint = &hint_words[w];
          gsize n = strlen (hint->word);

          if (i + n > length || memcmp (lower + i, hint->word, n) != 0)
            continue;

          switch (hint->mode)
            {
            case MATCH_PREFIX:
              if (!is_word_break (value, length, i))
                continue;
              break;

            case MATCH_WORD:
              if (!is_word_break (value, length, i) || !is_word_break (value, length, i + n))
                continue;
              break;

            case MATCH_CLASS:
              if ((i > 0 && !g_ascii_isspace (value[i - 1])) ||
                  (i + n < length && !g_ascii_isspace (value[i + n])))
                continue;
              break;

            default:
              break;
            }

          if (hint->unless != NULL && followed_by_any (lower + i + n, length - i - n, hint->unless))
            continue;

          hints |= hint->hint;
        }
    }

  return hints;
}

static gboolean
style_hides (const char *style)
{
  char compact[128];
  gsize n = 0;

  /* "display: none" and "visibility:hidden", in any case and spacing. */
  for (const char *p = style; *p != '\0' && n < sizeof compact - 1; p++)
    {
      if (!g_ascii_isspace (*p))
        compact[n++] = g_ascii_tolower (*p);
    }
  compact[n] = '\0';

  return strstr (compact, "display:none") != NULL ||
         strstr (compact, "visibility:hidden") != NULL;
}

/* The value of an attribute as libxml2 stores it, without a copy: the
 * HTML parser keeps each value as a single text node. */
static const char *
attribute_value (const xmlAttr *attr)
{
  if (attr->children != NULL && attr->children->type == XML_TEXT_NODE &&
      attr->children->next == NULL && attr->children->content != NULL)
    return (const char *)attr->children->content;

  return attr->children == NULL ? "" : NULL;
}

static const char *
element_attribute (const xmlNode *node,
                   const char    *name)
{
  for (const xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (g_ascii_strcasecmp ((const char *)attr->name, name) == 0)
        return attribute_value (attr);
    }

  return NULL;
}

static guint
role_hints (const char *role)
{
  static const char * const chrome_roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "menu",
    "menubar", "toolbar", "dialog", "alertdialog", "tablist",
  };

  if (g_ascii_strcasecmp (role, "main") == 0 || g_ascii_strcasecmp (role, "article") == 0)
    return HINT_POSITIVE;

  for (guint i = 0; i < G_N_ELEMENTS (chrome_roles); i++)
    {
      if (g_ascii_strcasecmp (role, chrome_roles[i]) == 0)
        return HINT_CHROME;
    }

  return 0;
}

/* Reads what an element's attributes say about it into @node's flags. */
static void
read_attributes (Node *node)
{
  guint hints = 0;

  for (const xmlAttr *attr = node->node->properties; attr != NULL; attr = attr->next)
    {
      const char *name = (const char *)attr->name;
      g_autoptr(VpXmlString) owned = NULL;
      const char *value;

      /* Only a few attributes matter; the others are skipped before their
       * value is looked at. */
      switch (name[0])
        {
        case 'c': case 'i': case 's': case 'h': case 'a': case 'r':
          break;
        default:
          continue;
        }

      value = attribute_value (attr);
      if (value == NULL)
        {
          owned = xmlNodeGetContent ((const xmlNode *)attr);
          value = owned != NULL ? (const char *)owned : "";
        }

      if (strcmp (name, "class") == 0 || strcmp (name, "id") == 0)
        hints |= match_hints (value);
      else if (strcmp (name, "style") == 0)
        {
          if (style_hides (value))
            hints |= HINT_HIDDEN;
        }
      else if (strcmp (name, "hidden") == 0)
        hints |= HINT_HIDDEN;
      else if (strcmp (name, "aria-hidden") == 0)
        {
          if (g_ascii_strcasecmp (value, "true") == 0)
            hints |= HINT_HIDDEN;
        }
      else if (strcmp (name, "role") == 0)
        hints |= role_hints (value);
      else if (strcmp (name, "itemprop") == 0)
        {
          if (strcmp (value, "articleBody") == 0 || strcmp (value, "reviewBody") == 0)
            node->flags |= NODE_BODY_HINT;
        }
      else if (strcmp (name, "href") == 0)
        {
          if (node->tag == TAG_A)
            node->flags |= NODE_IN_LINK;
        }
    }

  if (hints & HINT_HIDDEN)
    node->flags |= NODE_REMOVED;
  if (hints & HINT_DISCUSSION)
    node->flags |= NODE_CHROME | NODE_DISCUSSION;
  else if (hints & HINT_CHROME)
    node->flags |= NODE_CHROME;
  else if (hints & HINT_LAYOUT)
    node->flags |= NODE_LAYOUT;
  else if (hints & HINT_POSITIVE)
    node->flags |= NODE_POSITIVE;
}

/* Step 1: the walk that records the page --------------------------------- */

static int
add_element (GArray  *nodes,
             xmlNode *element,
             int      parent)
{
  Node node = { 0 };
  int index = nodes->len;

  node.node = element;
  node.parent = parent;
  node.tag = classify_tag ((const char *)element->name);

  if (parent >= 0)
    node.flags |= node_at (nodes, parent)->flags & NODE_IN_LINK;

  if (node.tag == TAG_REMOVED)
    node.flags |= NODE_REMOVED;
  else
    read_attributes (&node);

  /* Sectioning elements that hold a page's chrome are chrome unless they
   * turn out to hold the article (see WRAPPER_SHARE). The page's own
   * <html> and <body> carry classes about the whole page, which say
   * nothing about where the article is. */
  switch (node.tag)
    {
    case TAG_NAV: case TAG_ASIDE: case TAG_FOOTER: case TAG_HEADER:
    case TAG_FORM: case TAG_MENU: case TAG_FIGCAPTION:
      node.flags |= NODE_CHROME;
      break;

    case TAG_ARTICLE: case TAG_MAIN:
      if (!(node.flags & NODE_CHROME))
        node.flags |= NODE_POSITIVE;
      break;

    case TAG_BODY: case TAG_HTML:
      node.flags &= ~(NODE_CHROME | NODE_DISCUSSION | NODE_POSITIVE | NODE_REMOVED);
      break;

    default:
      break;
    }

  node.owner = TAG_IS_BLOCK (node.tag) || parent < 0 ? index : node_at (nodes, parent)->owner;

  g_array_append_val (nodes, node);
  element->_private = GUINT_TO_POINTER ((guint)index + 1);

  return index;
}

static void
count_text (GArray        *nodes,
            int            parent,
            const xmlChar *text)
{
  Node *container;
  Node *owner;
  guint chars = 0;

  if (text == NULL)
    return;

  /* Visible characters: neither ASCII white space nor the continuation
   * bytes of UTF-8 sequences. */
  for (const guchar *p = text; *p != '\0'; p++)
    {
      if (*p > ' ' && (*p & 0xC0) != 0x80)
        chars++;
    }

  if (chars == 0)
    return;

  container = node_at (nodes, parent);
  owner = node_at (nodes, container->owner);
  owner->own_chars += chars;
  if (container->flags & NODE_IN_LINK)
    owner->own_links += chars;
}

static void
record_page (GArray  *nodes,
             xmlNode *root)
{
  xmlNode *cur = root;
  int parent = -1;

  while (cur != NULL)
    {
      if (cur->type == XML_ELEMENT_NODE)
        {
          int index = add_element (nodes, cur, parent);

          if (!(node_at (nodes, index)->flags & NODE_REMOVED) && cur->children != NULL)
            {
              parent = index;
              cur = cur->children;
              continue;
            }
        }
      else if ((cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) && parent >= 0)
        {
          count_text (nodes, parent, cur->content);
        }

      /* Climb to the next node not yet seen, leaving each finished
       * element's index behind. */
      while (cur != root && cur->next == NULL)
        {
          cur = cur->parent;
          parent = node_at (nodes, parent)->parent;
        }
      if (cur == root)
        break;
      cur = cur->next;
    }
}

/* Step 2: weighing ------------------------------------------------------- */

/* How much of the text an element owns directly is prose. */
static void
own_text_weight (const Node *node,
                 float      *good,
                 float      *bad)
{
  float chars = node->own_chars;
  float links = node->own_links;

  *good = 0;
  *bad = 0;

  if (node->own_chars == 0)
    return;

  if (links * 2 > chars)
    *bad = chars;
  else if (TAG_IS_HEADING (node->tag))
    {
      /* Headings are neither prose nor chrome, but the element that holds
       * an article's headings with its paragraphs is a better choice than
       * the one that holds its paragraphs only. */
      *good = 0.1f * (chars - links);
    }
  else if (node->own_chars < SHORT_TEXT)
    *good = SHORT_WEIGHT * chars;
  else
    {
      *good = chars - links;
      *bad = links;
    }
}

static int
find_body (GArray *nodes)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      if (node_at (nodes, i)->tag == TAG_BODY)
        return i;
    }

  return nodes->len > 0 ? 0 : -1;
}

static float
net_score (const Node *node)
{
  float score = node->good - BAD_WEIGHT * node->bad;

  if (score > 0 && (node->flags & NODE_BODY_HINT))
    score *= 1.5f;
  else if (score > 0 && (node->flags & NODE_POSITIVE))
    score *= 1.1f;

  return score;
}

static void
weigh_page (VpHtmlContent *self)
{
  GArray *nodes = self->nodes;
  int body;
  float page_good;
  float best_score = 0;

  /* Totals up the tree, ignoring hints: how much prose each element
   * holds. Discussions are left out of their ancestors' totals, so that
   * the share of the page's prose an element holds is a share of what is
   * not comments. */
  for (int i = nodes->len - 1; i >= 0; i--)
    {
      Node *node = node_at (nodes, i);
      float good, bad;
      Node *parent;

      if (node->flags & NODE_REMOVED)
        continue;

      own_text_weight (node, &good, &bad);
      node->raw_good += good;
      node->chars += node->own_chars;
      node->links += node->own_links;

      if (node->parent < 0)
        continue;

      parent = node_at (nodes, node->parent);
      parent->chars += node->chars;
      parent->links += node->links;
      if (!(node->flags & NODE_DISCUSSION))
        parent->raw_good += node->raw_good;
      if (TAG_IS_BLOCK (node->tag) || (node->flags & NODE_HAS_BLOCK))
        parent->flags |= NODE_HAS_BLOCK;
    }

  body = find_body (nodes);
  page_good = body >= 0 ? node_at (nodes, body)->raw_good : 0;

  /* Which chrome hints to believe, top down. */
  for (guint i = 0; i < nodes->len; i++)
    {
      Node *node = node_at (nodes, i);

      /* A box named like a sidebar's part that is mostly prose is a part
       * of the article. */
      if ((node->flags & NODE_LAYOUT) && node->raw_good * 2 < node->chars)
        node->flags |= NODE_CHROME;

      if (node->flags & NODE_CHROME)
        {
          gboolean wrapper = !(node->flags & NODE_DISCUSSION) && node->raw_good >= 2 * SHORT_TEXT &&
                             node->raw_good >= WRAPPER_SHARE * page_good;

          if (!wrapper)
            node->flags |= NODE_DROP | NODE_UNDER_DROP;
        }

      if (node->parent >= 0 && (node_at (nodes, node->parent)->flags & NODE_UNDER_DROP))
        node->flags |= NODE_UNDER_DROP;
    }

  /* Totals again, now with chrome's text counted as bad, and the best
   * element outside chrome. Children come before their parents, so of
   * two elements with the same score the inner one wins. */
  self->best = -1;
  for (int i = nodes->len - 1; i >= 0; i--)
    {
      Node *node = node_at (nodes, i);
      float good, bad;
      float score;

      if (node->flags & NODE_REMOVED)
        continue;

      own_text_weight (node, &good, &bad);
      node->good += good;
      node->bad += bad;
      node->kept_chars += node->own_chars;

      score = net_score (node);
      if (!(node->flags & NODE_UNDER_DROP) && node->tag != TAG_HTML && score > best_score)
        {
          best_score = score;
          self->best = i;
        }

      if (node->parent >= 0)
        {
          Node *parent = node_at (nodes, node->parent);

          if (node->flags & NODE_DROP)
            parent->bad += node->good + node->bad;
          else
            {
              parent->good += node->good;
              parent->bad += node->bad;
              parent->kept_chars += node->kept_chars;
            }
        }
    }
}

/* Whether a sibling of the article's element is more of the article: a
 * part with as much prose as a good share of it, or a paragraph on its
 * own (a standfirst, a last paragraph set apart). */
static gboolean
is_related_sibling (const Node *sibling,
                    const Node *best)
{
  float score;

  if (sibling->flags & (NODE_REMOVED | NODE_DROP))
    return FALSE;

  score = net_score (sibling);
  if (score <= 0)
    return FALSE;

  if (score >= 0.2f * net_score (best))
    return TRUE;

  return !(sibling->flags & NODE_HAS_BLOCK) && TAG_IS_BLOCK (sibling->tag) &&
         sibling->good >= 80 && sibling->links * 4 < sibling->chars;
}

static void
choose_roots (VpHtmlContent *self)
{
  GArray *nodes = self->nodes;
  const Node *best;

  if (self->best < 0)
    {
      int body = find_body (nodes);

      /* No prose anywhere: a page of a few words still shows them, unless
       * every word is in chrome (a login page, a bare menu). */
      if (body >= 0)
        {
          const Node *node = node_at (nodes, body);

          if (node->kept_chars > 0)
            {
              self->best = body;
              g_array_append_val (self->roots, body);
            }
        }
      return;
    }

  /* A data table is a part of an article, not an article: when the most
   * prose is in a table's rows, the article is what holds the table. A
   * layout table's prose is in one cell, which is not climbed from. */
  best = node_at (nodes, self->best);
  while ((best->tag == TAG_TR || best->tag == TAG_TBODY || best->tag == TAG_TABLE) &&
         best->parent >= 0 && node_at (nodes, best->parent)->tag != TAG_BODY &&
         node_at (nodes, best->parent)->tag != TAG_HTML &&
         !(node_at (nodes, best->parent)->flags & NODE_UNDER_DROP))
    {
      self->best = best->parent;
      best = node_at (nodes, self->best);
    }

  if (best->parent < 0 || best->tag == TAG_BODY)
    {
      g_array_append_val (self->roots, self->best);
      return;
    }

  for (xmlNode *sibling = node_at (nodes, best->parent)->node->children;
       sibling != NULL;
       sibling = sibling->next)
    {
      const Node *node;
      int index;

      if (sibling->type != XML_ELEMENT_NODE)
        continue;

      node = node_of (nodes, sibling);
      if (node == NULL)
        continue;

      index = (int)(node - node_at (nodes, 0));
      if (index == self->best || is_related_sibling (node, best))
        g_array_append_val (self->roots, index);
    }
}

/* For G_MESSAGES_DEBUG=vp-html-content: where the article was found, to
 * see why a page comes out wrong. */
static void
debug_choice (VpHtmlContent *self)
{
  GString *out;

  if (g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    return;

  out = g_string_new (NULL);
  for (guint i = 0; i < self->roots->len; i++)
    {
      int index = g_array_index (self->roots, int, i);
      const Node *node = node_at (self->nodes, index);

      g_string_append_printf (out, "\n  root good %.0f bad %.0f chars %u links %u:",
                              node->good, node->bad, node->chars, node->links);
      for (; index >= 0; index = node_at (self->nodes, index)->parent)
        {
          xmlNode *element = node_at (self->nodes, index)->node;
          const char *id = element_attribute (element, "id");
          const char *klass = element_attribute (element, "class");

          g_string_append_printf (out, " < %s[%.0f/%.0f]", (const char *)element->name,
                                  node_at (self->nodes, index)->good,
                                  node_at (self->nodes, index)->bad);
          if (id != NULL)
            g_string_append_printf (out, "#%.40s", id);
          if (klass != NULL)
            g_string_append_printf (out, ".%.60s", klass);
        }
    }
  g_debug ("%u elements, article in %u:%s", self->nodes->len, self->roots->len, out->str);
  g_string_free (out, TRUE);
}

/**
 * vp_html_find_content:
 * @doc: a parsed page
 *
 * Weighs the whole page and finds the elements that hold its article.
 *
 * Returns: (transfer full): the analysis, to free with
 *   vp_html_content_free(); vp_html_content_get_node() says whether an
 *   article was found
 */
VpHtmlContent *
vp_html_find_content (xmlDoc *doc)
{
  VpHtmlContent *self;
  xmlNode *root;

  g_return_val_if_fail (doc != NULL, NULL);

  init_hint_index ();

  self = g_new0 (VpHtmlContent, 1);
  self->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  self->roots = g_array_new (FALSE, FALSE, sizeof (int));
  self->best = -1;

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    return self;

  record_page (self->nodes, root);
  weigh_page (self);
  choose_roots (self);
  debug_choice (self);

  return self;
}

/**
 * vp_html_content_get_node:
 *
 * Returns: (transfer none) (nullable): the element that holds the
 *   article's body, or %NULL if the page has no article
 */
xmlNode *
vp_html_content_get_node (VpHtmlContent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->best < 0 || self->roots->len == 0)
    return NULL;

  return node_at (self->nodes, self->best)->node;
}

void
vp_html_content_free (VpHtmlContent *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->nodes);
  g_array_unref (self->roots);
  g_free (self);
}

/* Step 3: blocks --------------------------------------------------------- */

/* A block being built. Blocks are kept here until the whole article is
 * read, since a list item's text is complete only after its nested lists
 * have been appended, and a heading that turns out to introduce nothing
 * is dropped at the end. */
typedef struct
{
  GString     *text;
  char        *label;
  VpBlockKind  kind;
  VpBlockFlags flags;
  guint        level;
  guint        list;
  int          parent;        /* index of the enclosing item here, or -1 */
  gboolean     plain;         /* some of its text is not bold */
  gboolean     chrome_after;  /* chrome was skipped right after it */
} Pending;

typedef struct
{
  xmlNode *node;
  guint    id;
  gboolean ordered;
  char     style;         /* '1', 'a', 'A', 'i' or 'I' */
  int      counter;
  int      step;
  int      item;          /* the open item, or -1 between items */
  int      last_item;     /* the last item opened, or -1 */
  xmlNode *item_node;
} ListState;

typedef struct
{
  GArray   *nodes;
  GArray   *pending;      /* Pending */
  GArray   *lists;        /* ListState, innermost last */
  int       current;      /* the paragraph receiving text, or -1 */
  guint     next_list;
  guint     bold;
  guint     quote;
  guint     pre;
  guint     heading;
  guint     heading_level;
  guint     breaks;
  xmlNode  *row;          /* a table row read as one line, or NULL */
  gboolean  cell_gap;
} Emitter;

static int
emitter_open (Emitter     *self,
              VpBlockKind  kind)
{
  Pending pending = { 0 };

  pending.text = g_string_new (NULL);
  pending.kind = kind;
  pending.parent = -1;
  g_array_append_val (self->pending, pending);

  return self->pending->len - 1;
}

/* The item that inline text belongs to: the open <li> of the innermost
 * list, or -1 outside lists and between items. */
static int
emitter_item (Emitter *self)
{
  if (self->lists->len == 0)
    return -1;

  return g_array_index (self->lists, ListState, self->lists->len - 1).item;
}

static void
emitter_break (Emitter *self)
{
  int item = emitter_item (self);

  /* Inside an item, its paragraphs, cells and headings all make one line
   * of text; elsewhere each block is a block of its own. */
  if (item >= 0)
    {
      GString *text = g_array_index (self->pending, Pending, item).text;

      if (text->len > 0 && text->str[text->len - 1] != ' ')
        g_string_append_c (text, ' ');
    }
  else
    self->current = -1;

  self->breaks = 0;
}

static gboolean
has_visible_text (const char *text)
{
  for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
    {
      if (*p <= ' ')
        continue;
      /* U+00A0, the non-breaking space, is C2 A0. */
      if (p[0] == 0xC2 && p[1] == 0xA0)
        {
          p++;
          continue;
        }
      return TRUE;
    }

  return FALSE;
}

static void
emitter_text (Emitter    *self,
              const char *text)
{
  Pending *pending;
  gboolean visible;
  int target;

  if (text == NULL || *text == '\0')
    return;

  visible = has_visible_text (text);
  target = emitter_item (self);

  if (target < 0)
    {
      if (self->current < 0)
        {
          VpBlockKind kind;

          /* White space between blocks opens nothing. */
          if (!visible)
            return;

          if (self->heading > 0)
            kind = VP_BLOCK_HEADING;
          else if (self->quote > 0)
            kind = VP_BLOCK_QUOTE;
          else
            kind = VP_BLOCK_PARAGRAPH;

          self->current = emitter_open (self, kind);
          pending = &g_array_index (self->pending, Pending, self->current);
          if (kind == VP_BLOCK_HEADING)
            pending->level = self->heading_level;
          if (self->pre > 0)
            pending->flags |= VP_BLOCK_FLAG_PRE;
        }
      target = self->current;
    }

  pending = &g_array_index (self->pending, Pending, target);

  if (visible && self->row != NULL && self->cell_gap && pending->text->len > 0)
    {
      vp_text_trim_end (pending->text);
      g_string_append (pending->text, " | ");
    }
  if (visible)
    self->cell_gap = FALSE;

  vp_text_append_normalised (pending->text, text, -1);

  if (visible)
    {
      self->breaks = 0;
      if (self->bold == 0)
        pending->plain = TRUE;
    }
}

static void
emitter_line_break (Emitter *self)
{
  int item = emitter_item (self);

  /* Two <br>s in a row end a paragraph, as many sites write them; one is
   * a space. */
  if (item < 0 && self->current >= 0 && self->heading == 0 && self->pre == 0 && self->row == NULL)
    {
      if (++self->breaks >= 2)
        {
          self->current = -1;
          self->breaks = 0;
          return;
        }
    }

  emitter_text (self, " ");
}

/* Writes @value as a list marker of @style into @out, which holds at
 * least 32 bytes: numbers outside what letters and roman numerals can
 * write fall back to digits, as browsers do. */
static void
format_label (char *out,
              int   value,
              char  style)
{
  static const struct { int value; const char *numeral; } romans[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  int n = 0;

  if ((style == 'a' || style == 'A') && value > 0)
    {
      char letters[16];
      int count = 0;

      /* Bijective base 26: a … z, aa, ab, … */
      while (value > 0)
        {
          value--;
          letters[count++] = (style == 'a' ? 'a' : 'A') + value % 26;
          value /= 26;
        }
      while (count > 0)
        out[n++] = letters[--count];
    }
  else if ((style == 'i' || style == 'I') && value > 0 && value < 4000)
    {
      /* At most 15 characters: mmmdccclxxxviii. */
      for (guint i = 0; i < G_N_ELEMENTS (romans); i++)
        {
          while (value >= romans[i].value)
            {
              for (const char *c = romans[i].numeral; *c != '\0'; c++)
                out[n++] = style == 'i' ? *c : g_ascii_toupper (*c);
              value -= romans[i].value;
            }
        }
    }
  else
    n = g_snprintf (out, 32, "%d", value);

  out[n] = '\0';
}

static gboolean
parse_int (const char *text,
           int        *value)
{
  char *end;
  gint64 parsed;

  if (text == NULL)
    return FALSE;

  while (g_ascii_isspace (*text))
    text++;
  parsed = g_ascii_strtoll (text, &end, 10);
  if (end == text || parsed < G_MININT / 2 || parsed > G_MAXINT / 2)
    return FALSE;

  *value = (int)parsed;
  return TRUE;
}

static char
list_style (const char *type)
{
  if (type != NULL && type[0] != '\0' && type[1] == '\0' && strchr ("1aAiI", type[0]) != NULL)
    return type[0];

  return '1';
}

/* The number of items an <ol reversed> counts down from: its <li>s, also
 * those that a wrapper element holds. */
static int
count_items (xmlNode *list)
{
  int count = 0;

  for (xmlNode *child = list->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (vp_html_is_element (child, "li"))
        count++;
      else if (!vp_html_is_element (child, "ol") && !vp_html_is_element (child, "ul"))
        {
          for (xmlNode *inner = child->children; inner != NULL; inner = inner->next)
            count += vp_html_is_element (inner, "li");
        }
    }

  return count;
}

static void
emitter_open_list (Emitter *self,
                   Node    *node)
{
  ListState list = { 0 };

  list.node = node->node;
  list.id = ++self->next_list;
  list.ordered = node->tag == TAG_OL;
  list.item = -1;
  list.last_item = -1;
  list.step = 1;
  list.style = '1';

  if (list.ordered)
    {
      gboolean reversed = element_attribute (node->node, "reversed") != NULL;

      list.style = list_style (element_attribute (node->node, "type"));
      if (!parse_int (element_attribute (node->node, "start"), &list.counter))
        list.counter = reversed ? count_items (node->node) : 1;
      if (reversed)
        list.step = -1;
    }

  g_array_append_val (self->lists, list);
}

static void
emitter_open_item (Emitter *self,
                   Node    *node)
{
  ListState *list = &g_array_index (self->lists, ListState, self->lists->len - 1);
  Pending *pending;
  int index;

  index = emitter_open (self, VP_BLOCK_ITEM);
  pending = &g_array_index (self->pending, Pending, index);
  pending->list = list->id;
  pending->level = self->lists->len - 1;

  /* A list nested in an item belongs to it; one nested straight in its
   * parent list, as careless markup has it, belongs to the item before. */
  if (self->lists->len >= 2)
    {
      const ListState *outer = &g_array_index (self->lists, ListState, self->lists->len - 2);

      pending->parent = outer->item >= 0 ? outer->item : outer->last_item;
    }

  if (list->ordered)
    {
      int value;
      const char *type;
      char style = list->style;
      char label[32];

      if (parse_int (element_attribute (node->node, "value"), &value))
        list->counter = value;
      type = element_attribute (node->node, "type");
      if (type != NULL)
        style = list_style (type);

      format_label (label, list->counter, style);
      pending->label = g_strdup (label);
      pending->flags |= VP_BLOCK_FLAG_ORDERED;
      list->counter += list->step;
    }

  list->item = index;
  list->last_item = index;
  list->item_node = node->node;
  self->current = -1;
}

/* Whether an element inside the article is part of it. */
static gboolean
keeps (const Node *node)
{
  if (node->flags & (NODE_REMOVED | NODE_DROP))
    return FALSE;

  switch (node->tag)
    {
    case TAG_UL: case TAG_OL:
      /* Menus and lists of related links, however they are named. */
      return node->links * 2 <= node->chars;

    case TAG_BLOCK: case TAG_SECTION: case TAG_TABLE: case TAG_DL: case TAG_FIGURE:
      /* A box of links with little prose: a tag list, a share bar, a
       * "more on this" box. */
      return node->links * 2 <= node->chars || node->raw_good >= 0.5f * node->chars;

    case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6:
      /* The linked titles of teasers for other articles. */
      return node->links * 5 < node->chars * 4;

    default:
      return TRUE;
    }
}

static void
emitter_skipped (Emitter *self)
{
  if (self->pending->len > 0)
    g_array_index (self->pending, Pending, self->pending->len - 1).chrome_after = TRUE;
}

static void
emitter_enter (Emitter *self,
               Node    *node)
{
  /* Inside a row read as one line, cells are not blocks of their own. */
  if (TAG_IS_BLOCK (node->tag) && !(self->row != NULL && node->tag == TAG_CELL))
    emitter_break (self);

  switch ((Tag)node->tag)
    {
    case TAG_BOLD:
      self->bold++;
      break;

    case TAG_BR:
      emitter_line_break (self);
      break;

    case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6:
      if (self->heading++ == 0)
        self->heading_level = node->tag - TAG_H1 + 1;
      break;

    case TAG_BLOCKQUOTE:
      self->quote++;
      break;

    case TAG_PRE:
      self->pre++;
      break;

    case TAG_UL: case TAG_OL: case TAG_MENU:
      emitter_open_list (self, node);
      break;

    case TAG_LI:
      if (self->lists->len > 0 &&
          g_array_index (self->lists, ListState, self->lists->len - 1).item < 0)
        emitter_open_item (self, node);
      break;

    case TAG_TR:
      /* A row of plain cells reads as one line; cells that hold blocks of
       * their own (a layout table) are blocks. */
      if (self->row == NULL)
        {
          const Node *cell = NULL;

          for (xmlNode *child = node->node->children; child != NULL; child = child->next)
            {
              if (child->type == XML_ELEMENT_NODE)
                {
                  cell = node_of (self->nodes, child);
                  if (cell != NULL && (cell->flags & NODE_HAS_BLOCK))
                    break;
                  cell = NULL;
                }
            }
          if (cell == NULL)
            {
              self->row = node->node;
              self->cell_gap = FALSE;
            }
        }
      break;

    case TAG_CELL:
      if (self->row != NULL)
        self->cell_gap = TRUE;
      break;

    default:
      break;
    }
}

static void
emitter_leave (Emitter *self,
               Node    *node)
{
  switch ((Tag)node->tag)
    {
    case TAG_BOLD:
      self->bold--;
      break;

    case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6:
      if (--self->heading == 0)
        self->heading_level = 0;
      break;

    case TAG_BLOCKQUOTE:
      self->quote--;
      break;

    case TAG_PRE:
      self->pre--;
      break;

    case TAG_LI:
      if (self->lists->len > 0)
        {
          ListState *list = &g_array_index (self->lists, ListState, self->lists->len - 1);

          if (list->item_node == node->node)
            {
              list->item = -1;
              list->item_node = NULL;
            }
        }
      break;

    case TAG_UL: case TAG_OL: case TAG_MENU:
      g_assert (self->lists->len > 0);
      g_array_set_size (self->lists, self->lists->len - 1);
      break;

    case TAG_TR:
      if (self->row == node->node)
        self->row = NULL;
      break;

    default:
      break;
    }

  /* Inside a row read as one line, cells are not blocks of their own. */
  if (TAG_IS_BLOCK (node->tag) && !(self->row != NULL && node->tag == TAG_CELL))
    emitter_break (self);
}

static void
emitter_read (Emitter *self,
              xmlNode *root)
{
  xmlNode *cur = root;

  /* The root itself is read whatever it is: the weighing chose it. */
  while (cur != NULL)
    {
      if (cur->type == XML_ELEMENT_NODE)
        {
          Node *node = node_of (self->nodes, cur);

          if (node == NULL)
            ;
          else if (cur != root && !keeps (node))
            {
              /* Scripts and hidden parts say nothing about the heading
               * before them; skipped chrome may have been its section. */
              if (!(node->flags & NODE_REMOVED))
                emitter_skipped (self);
            }
          else
            {
              emitter_enter (self, node);
              if (cur->children != NULL)
                {
                  cur = cur->children;
                  continue;
                }
              emitter_leave (self, node);
            }
        }
      else if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE)
        {
          emitter_text (self, (const char *)cur->content);
        }

      while (cur != root && cur->next == NULL)
        {
          cur = cur->parent;
          emitter_leave (self, node_of (self->nodes, cur));
        }
      if (cur == root)
        break;
      cur = cur->next;
    }
}

/* Drops what the article's blocks should not hold and appends the rest. */
static void
emitter_finish (Emitter   *self,
                VpArticle *article)
{
  guint n = self->pending->len;
  g_autofree int *index = g_new (int, n);
  int next_kind = -1;
  guint next_level = 0;
  guint base = vp_article_get_n_blocks (article);
  guint appended = 0;
  guint first_text;

  for (guint i = 0; i < n; i++)
    {
      Pending *pending = &g_array_index (self->pending, Pending, i);

      vp_text_trim_end (pending->text);
      index[i] = pending->text->len > 0 ? 0 : -1;
    }

  /* A heading that nothing follows, or only chrome that was skipped and
   * then a heading of the same rank, titled something that is gone:
   * "Related stories", "Share this". Only after some text, though: a page
   * of headings alone keeps them. */
  for (first_text = 0; first_text < n; first_text++)
    {
      Pending *pending = &g_array_index (self->pending, Pending, first_text);

      if (index[first_text] == 0 && pending->kind != VP_BLOCK_HEADING)
        break;
    }

  for (int i = n - 1; i > (int)first_text; i--)
    {
      Pending *pending = &g_array_index (self->pending, Pending, i);

      if (index[i] < 0)
        continue;

      if (pending->kind == VP_BLOCK_HEADING &&
          (next_kind < 0 ||
           (pending->chrome_after && next_kind == VP_BLOCK_HEADING &&
            next_level <= pending->level)))
        {
          index[i] = -1;
          continue;
        }

      next_kind = pending->kind;
      next_level = pending->level;
    }

  for (guint i = 0; i < n; i++)
    {
      Pending *pending = &g_array_index (self->pending, Pending, i);
      VpBlock *block;
      int parent = pending->parent;

      /* An empty item's nested items belong to the item it belonged to.
       * Parents come before children, so their own parents are already
       * settled and one step is enough. */
      if (parent >= 0 && index[parent] < 0)
        parent = g_array_index (self->pending, Pending, parent).parent;
      pending->parent = parent;

      if (index[i] < 0)
        continue;

      block = vp_block_new (pending->kind, NULL);
      g_free (block->text);
      block->text = g_string_free (g_steal_pointer (&pending->text), FALSE);
      block->label = g_steal_pointer (&pending->label);
      block->flags = pending->flags;
      block->list = pending->list;

      if (pending->kind == VP_BLOCK_HEADING)
        block->level = pending->level;
      else if (pending->kind == VP_BLOCK_ITEM)
        {
          block->parent = parent >= 0 ? index[parent] : -1;
          block->level = parent >= 0 ? g_array_index (self->pending, Pending, parent).level + 1 : 0;
          pending->level = block->level;
        }
      else if (pending->kind == VP_BLOCK_PARAGRAPH && !pending->plain)
        block->flags |= VP_BLOCK_FLAG_STRONG;

      index[i] = base + appended++;
      vp_article_take_block (article, block);
    }
}

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  if (pending->text != NULL)
    g_string_free (pending->text, TRUE);
  g_free (pending->label);
}

/**
 * vp_html_collect_blocks:
 * @article: the article to append to
 * @content: the page's analysis
 *
 * Appends the article's body, without the chrome inside it, as blocks in
 * reading order. Nothing is appended if the page has no article.
 */
void
vp_html_collect_blocks (VpArticle     *article,
                        VpHtmlContent *content)
{
  Emitter emitter = { 0 };

  g_return_if_fail (VP_IS_ARTICLE (article));
  g_return_if_fail (content != NULL);

  emitter.nodes = content->nodes;
  emitter.pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  g_array_set_clear_func (emitter.pending, pending_clear);
  emitter.lists = g_array_new (FALSE, FALSE, sizeof (ListState));
  emitter.current = -1;

  for (guint i = 0; i < content->roots->len; i++)
    {
      int root = g_array_index (content->roots, int, i);

      emitter_read (&emitter, node_at (content->nodes, root)->node);
      emitter_break (&emitter);
    }

  emitter_finish (&emitter, article);

  g_array_unref (emitter.pending);
  g_array_unref (emitter.lists);
}
