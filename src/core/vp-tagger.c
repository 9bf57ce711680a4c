/* vp-tagger.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-tagger"

#include "config.h"

#include <string.h>

#include "vp-tagger.h"
#include "vp-text.h"

/*
 * How mentions are found
 *
 * Texts and phrases (aliases and exclusions) are cut into the same tokens:
 * words, which are runs of letters, digits and combining marks (a zero-width
 * joiner or non-joiner between two such characters stays inside the word,
 * as Persian needs), and every other visible character on its own. White
 * space only separates tokens, but we remember whether a token followed
 * some, so that "U.S." and "U. S." stay different while "United States"
 * still matches across a line break. "Iran’s" is thus "Iran", "’", "s";
 * "US-Iran" is "US", "-", "Iran"; whole-word matching comes for free.
 *
 * Each distinct folded word of the phrases gets a number, and the phrases
 * form a trie over those numbers. A scan folds and looks up every token of
 * the text once (most are in no phrase and stop there), then walks the
 * trie from each token that can start a phrase, keeping the longest phrase
 * that matches. Its cost does not depend on the number of phrases, and
 * nothing is allocated per token.
 *
 * Folding is simple case folding plus the variants a reader does not see
 * as different: typographic apostrophes and hyphens, and the Arabic-script
 * letters written differently in Arabic and Persian (alef forms, yeh, kaf),
 * vowel marks and elongation. Case-sensitive aliases are then compared with
 * the text as written.
 */

#define NO_WORD  (-1)
#define NO_NODE  G_MAXUINT32
#define NO_ENTRY (-1)
#define EMPTY_KEY G_MAXUINT64

/* Scans keep their look-ahead tokens and folded words on the stack when
 * the phrases are no longer than this. */
#define RING_ON_STACK 32
#define FOLD_ON_STACK 256

/* What ends a phrase at a trie node. */
typedef struct
{
  const char *actor;           /* interned id */
  char       *phrase;          /* as written, for case-sensitive aliases */
  gboolean    exclusion;
  int         next;            /* next entry of the same node */
} Entry;

typedef struct
{
  guint64 key;                 /* parent node, word and gap: edge_key() */
  guint32 child;
} Edge;

typedef struct
{
  guint32 hash;
  guint32 word;                /* word number + 1; 0 for a free slot */
} WordSlot;

typedef struct
{
  guint offset;                /* into words_text */
  guint length;
} Word;

G_DEFINE_BOXED_TYPE (VpTagger, vp_tagger, vp_tagger_ref, vp_tagger_unref)

struct _VpTagger
{
  gatomicrefcount  ref_count;

  /* The vocabulary: folded words of the phrases, by number. */
  GString         *words_text;
  GArray          *words;      /* of Word */
  WordSlot        *word_slots;
  guint            word_mask;
  guint            max_word_length;
  guint32          first_bytes[4];  /* ASCII bytes that start a folded word */

  /* The trie: node 0 is the root. */
  GArray          *nodes;      /* of int, the node's first entry */
  GArray          *entries;    /* of Entry */
  Edge            *edges;
  guint            edge_mask;
  guint            n_edges;
  guint            max_depth;  /* tokens in the longest phrase */
};

typedef struct
{
  guint    start;
  guint    end;
  int      word;               /* word number, or NO_WORD */
  gboolean gap;                /* white space before the token */
} Token;

/* Characters */

static inline gboolean
ascii_is_word (guchar b)
{
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

static inline gboolean
ascii_is_separator (guchar b)
{
  return b == ' ' || b < 0x20 || b == 0x7F;
}

static inline guchar
ascii_fold (guchar b)
{
  return (b >= 'A' && b <= 'Z') ? b + ('a' - 'A') : b;
}

static inline gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Any character, ASCII or not. */
static inline gboolean
char_is_word (gunichar c)
{
  return c < 0x80 ? ascii_is_word (c) : is_word_char (c);
}

static inline gboolean
is_joiner (gunichar c)
{
  return c == 0x200C || c == 0x200D;
}

/* White space, control and invisible characters separate tokens. */
static inline gboolean
is_separator (gunichar c)
{
  return vp_text_is_space (c) || vp_text_is_invisible (c);
}

/* Decodes the character at @p; a byte that is not UTF-8 reads as U+FFFD,
 * a token of its own. */
static inline gunichar
decode (const char *text,
        gsize       length,
        gsize       p,
        guint      *char_length)
{
  gunichar c = g_utf8_get_char_validated (text + p, length - p);

  if (c == (gunichar)-1 || c == (gunichar)-2)
    {
      *char_length = 1;
      return 0xFFFD;
    }

  *char_length = g_utf8_skip[(guchar)text[p]];

  return c;
}

/* Folds a non-ASCII character; 0 drops it. */
static gunichar
fold_char (gunichar c)
{
  switch (c)
    {
    case 0x2018: case 0x2019: case 0x02BC:   /* ‘ ’ ʼ */
      return '\'';

    case 0x2010: case 0x2011:                /* hyphen, non-breaking hyphen */
      return '-';

    case 0x03C2:                             /* final sigma */
      return 0x03C3;

    case 0x0622: case 0x0623: case 0x0625: case 0x0671:  /* آ أ إ ٱ */
      return 0x0627;

    case 0x064A: case 0x0649:                /* Arabic yeh, alef maksura */
      return 0x06CC;                         /* Persian yeh */

    case 0x0643:                             /* Arabic kaf */
      return 0x06A9;                         /* keheh */

    case 0x0640:                             /* tatweel */
    case 0x0670:                             /* superscript alef */
    case 0x200C: case 0x200D:                /* zero-width (non-)joiner */
      return 0;

    default:
      if (c >= 0x064B && c <= 0x065F)        /* Arabic vowel marks */
        return 0;
      return g_unichar_tolower (c);
    }
}

/* Whether two characters of a phrase and a text match as written: only
 * punctuation may differ, in the ways folding ignores. */
static gboolean
same_as_written (gunichar a,
                 gunichar b)
{
  if (a == b)
    return TRUE;

  if (char_is_word (a) || char_is_word (b))
    return FALSE;

  return (a < 0x80 ? a : fold_char (a)) == (b < 0x80 ? b : fold_char (b));
}

/* Folds the token @token of @length bytes into @buffer, and hashes it
 * (FNV-1a). Returns the folded length, or -1 if it exceeds @capacity. */
static int
fold_token (const char *token,
            gsize       length,
            char       *buffer,
            gsize       capacity,
            guint32    *hash)
{
  guint32 h = 2166136261u;
  gsize n = 0;
  gsize p = 0;

  while (p < length)
    {
      guchar b = token[p];

      if (b < 0x80)
        {
          if (n >= capacity)
            return -1;
          b = ascii_fold (b);
          buffer[n++] = b;
          h = (h ^ b) * 16777619u;
          p++;
        }
      else
        {
          char utf8[6];
          guint char_length;
          gunichar c = fold_char (decode (token, length, p, &char_length));
          int out = c != 0 ? g_unichar_to_utf8 (c, utf8) : 0;

          if (n + out > capacity)
            return -1;
          for (int i = 0; i < out; i++)
            {
              buffer[n++] = utf8[i];
              h = (h ^ (guchar)utf8[i]) * 16777619u;
            }
          p += char_length;
        }
    }

  *hash = h;

  return n;
}

/* Finds the next token at or after *@pos, and moves *@pos past it. */
static gboolean
next_token_extent (const char *text,
                   gsize       length,
                   gsize      *pos,
                   Token      *token)
{
  gsize p = *pos;
  gboolean gap = FALSE;
  guint char_length = 1;
  gunichar c = 0;

  for (;;)
    {
      guchar b;

      if (p >= length)
        {
          *pos = p;
          return FALSE;
        }

      b = text[p];
      if (b < 0x80)
        {
          if (!ascii_is_separator (b))
            break;
          gap = TRUE;
          p++;
          continue;
        }

      c = decode (text, length, p, &char_length);
      if (!is_separator (c))
        break;
      gap = TRUE;
      p += char_length;
    }

  token->start = p;
  token->gap = gap;

  if ((guchar)text[p] < 0x80 ? ascii_is_word (text[p]) : is_word_char (c))
    {
      while (p < length)
        {
          guchar b = text[p];

          if (b < 0x80)
            {
              if (!ascii_is_word (b))
                break;
              p++;
              continue;
            }

          c = decode (text, length, p, &char_length);
          if (is_word_char (c))
            {
              p += char_length;
              continue;
            }

          /* A joiner stays inside a word only when the word goes on. */
          if (is_joiner (c) && p + char_length < length)
            {
              guint next_length;
              gunichar next = decode (text, length, p + char_length, &next_length);

              if (char_is_word (next))
                {
                  p += char_length + next_length;
                  continue;
                }
            }

          break;
        }
    }
  else
    {
      p += (guchar)text[p] < 0x80 ? 1 : char_length;
    }

  token->end = p;
  *pos = p;

  return TRUE;
}

/* The vocabulary */

static int
find_word (const VpTagger *self,
           const char     *folded,
           gsize           length,
           guint32         hash)
{
  guint i = hash & self->word_mask;

  while (self->word_slots[i].word != 0)
    {
      const WordSlot *slot = &self->word_slots[i];

      if (slot->hash == hash)
        {
          const Word *word = &g_array_index (self->words, Word, slot->word - 1);

          if (word->length == length &&
              memcmp (self->words_text->str + word->offset, folded, length) == 0)
            return slot->word - 1;
        }

      i = (i + 1) & self->word_mask;
    }

  return NO_WORD;
}

static void
insert_word_slot (WordSlot *slots,
                  guint     mask,
                  guint32   hash,
                  guint32   word)
{
  guint i = hash & mask;

  while (slots[i].word != 0)
    i = (i + 1) & mask;

  slots[i].hash = hash;
  slots[i].word = word;
}

static int
intern_word (VpTagger   *self,
             const char *folded,
             gsize       length,
             guint32     hash)
{
  Word word;
  int found = find_word (self, folded, length, hash);

  if (found != NO_WORD)
    return found;

  /* Keep the table at most half full, so that misses end quickly. */
  if ((self->words->len + 1) * 2 > self->word_mask + 1)
    {
      guint new_mask = self->word_mask * 2 + 1;
      WordSlot *slots = g_new0 (WordSlot, new_mask + 1);

      for (guint i = 0; i <= self->word_mask; i++)
        {
          if (self->word_slots[i].word != 0)
            insert_word_slot (slots, new_mask, self->word_slots[i].hash, self->word_slots[i].word);
        }

      g_free (self->word_slots);
      self->word_slots = slots;
      self->word_mask = new_mask;
    }

  word.offset = self->words_text->len;
  word.length = length;
  g_string_append_len (self->words_text, folded, length);
  g_array_append_val (self->words, word);
  insert_word_slot (self->word_slots, self->word_mask, hash, self->words->len);

  self->max_word_length = MAX (self->max_word_length, length);
  if (length > 0 && (guchar)folded[0] < 0x80)
    self->first_bytes[(guchar)folded[0] >> 5] |= 1u << ((guchar)folded[0] & 31);

  return self->words->len - 1;
}

/* The number of the word @token of @text, folded into @buffer (which
 * holds max_word_length + 8 bytes), or NO_WORD. */
static inline int
lookup_token (const VpTagger *self,
              const char     *text,
              const Token    *token,
              char           *buffer)
{
  guchar first = text[token->start];
  guint32 hash;
  int length;

  /* Most words of a text start with an ASCII letter no phrase starts with,
   * or are longer than any word of the phrases. */
  if (first < 0x80 &&
      (self->first_bytes[ascii_fold (first) >> 5] & (1u << (ascii_fold (first) & 31))) == 0)
    return NO_WORD;

  length = fold_token (text + token->start, token->end - token->start,
                       buffer, self->max_word_length, &hash);
  if (length < 0)
    return NO_WORD;

  return find_word (self, buffer, length, hash);
}

/* The trie */

static inline guint64
edge_key (guint32  node,
          int      word,
          gboolean gap)
{
  return ((guint64)node << 32) | ((guint64)word << 1) | (gap ? 1 : 0);
}

static inline guint
edge_hash (guint64 key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;

  return (guint)key;
}

static inline guint32
find_child (const VpTagger *self,
            guint32         node,
            int             word,
            gboolean        gap)
{
  guint64 key = edge_key (node, word, gap);
  guint i = edge_hash (key) & self->edge_mask;

  while (self->edges[i].key != EMPTY_KEY)
    {
      if (self->edges[i].key == key)
        return self->edges[i].child;
      i = (i + 1) & self->edge_mask;
    }

  return NO_NODE;
}

static void
insert_edge (Edge    *edges,
             guint    mask,
             guint64  key,
             guint32  child)
{
  guint i = edge_hash (key) & mask;

  while (edges[i].key != EMPTY_KEY)
    i = (i + 1) & mask;

  edges[i].key = key;
  edges[i].child = child;
}

static Edge *
new_edges (guint size)
{
  Edge *edges = g_new (Edge, size);

  for (guint i = 0; i < size; i++)
    edges[i].key = EMPTY_KEY;

  return edges;
}

static guint32
add_child (VpTagger *self,
           guint32   node,
           int       word,
           gboolean  gap)
{
  guint32 child = find_child (self, node, word, gap);
  int no_entry = NO_ENTRY;

  if (child != NO_NODE)
    return child;

  if ((self->n_edges + 1) * 2 > self->edge_mask + 1)
    {
      guint new_mask = self->edge_mask * 2 + 1;
      Edge *edges = new_edges (new_mask + 1);

      for (guint i = 0; i <= self->edge_mask; i++)
        {
          if (self->edges[i].key != EMPTY_KEY)
            insert_edge (edges, new_mask, self->edges[i].key, self->edges[i].child);
        }

      g_free (self->edges);
      self->edges = edges;
      self->edge_mask = new_mask;
    }

  child = self->nodes->len;
  g_array_append_val (self->nodes, no_entry);
  insert_edge (self->edges, self->edge_mask, edge_key (node, word, gap), child);
  self->n_edges++;

  return child;
}

static void
add_phrase (VpTagger   *self,
            const char *phrase,
            const char *actor,
            gboolean    case_sensitive,
            gboolean    exclusion)
{
  gsize length = strlen (phrase);
  g_autofree char *buffer = g_malloc (length * 2 + 8);
  guint32 node = 0;
  guint depth = 0;
  gsize pos = 0;
  Token token;
  Entry entry;
  int *link;

  while (next_token_extent (phrase, length, &pos, &token))
    {
      guint32 hash;
      int folded = fold_token (phrase + token.start, token.end - token.start,
                               buffer, length * 2 + 8, &hash);
      int word;

      g_assert (folded >= 0);
      word = intern_word (self, buffer, folded, hash);
      node = add_child (self, node, word, depth > 0 && token.gap);
      depth++;
    }

  if (depth == 0)
    return;

  self->max_depth = MAX (self->max_depth, depth);

  entry.actor = actor;
  entry.phrase = case_sensitive ? g_strdup (phrase) : NULL;
  entry.exclusion = exclusion;
  entry.next = NO_ENTRY;
  g_array_append_val (self->entries, entry);

  /* Keep the entries of a node in the order of the set. */
  link = &g_array_index (self->nodes, int, node);
  while (*link != NO_ENTRY)
    link = &g_array_index (self->entries, Entry, *link).next;
  *link = self->entries->len - 1;
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->phrase, g_free);
}

/**
 * vp_tagger_new:
 * @actors: the actors to look for; only the enabled ones are tagged
 *
 * Compiles the aliases and exclusions of the enabled actors of @actors.
 *
 * Returns: (transfer full): a new tagger
 */
VpTagger *
vp_tagger_new (VpActorSet *actors)
{
  VpTagger *self;
  int no_entry = NO_ENTRY;
  guint n_actors;

  g_return_val_if_fail (VP_IS_ACTOR_SET (actors), NULL);

  self = g_new0 (VpTagger, 1);
  g_atomic_ref_count_init (&self->ref_count);

  self->words_text = g_string_new (NULL);
  self->words = g_array_new (FALSE, FALSE, sizeof (Word));
  self->word_mask = 63;
  self->word_slots = g_new0 (WordSlot, self->word_mask + 1);

  self->nodes = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (self->nodes, no_entry);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->edge_mask = 63;
  self->edges = new_edges (self->edge_mask + 1);

  n_actors = g_list_model_get_n_items (G_LIST_MODEL (actors));
  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (actors), i);
      const char *id = vp_actor_get_id (actor);
      const char * const *exclusions;

      if (!vp_actor_get_enabled (actor))
        continue;

      for (guint j = 0; j < vp_actor_get_n_aliases (actor); j++)
        {
          gboolean case_sensitive;
          const char *alias = vp_actor_get_alias (actor, j, &case_sensitive);

          add_phrase (self, alias, id, case_sensitive, FALSE);
        }

      exclusions = vp_actor_get_exclusions (actor);
      for (guint j = 0; exclusions[j] != NULL; j++)
        add_phrase (self, exclusions[j], id, FALSE, TRUE);
    }

  return self;
}

VpTagger *
vp_tagger_ref (VpTagger *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
vp_tagger_unref (VpTagger *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_string_free (self->words_text, TRUE);
  g_array_unref (self->words);
  g_free (self->word_slots);
  g_array_unref (self->nodes);
  g_array_unref (self->entries);
  g_free (self->edges);
  g_free (self);
}

/* Scanning */

/* Whether @text between @start and @end reads exactly as @phrase, give or
 * take the amount of white space and the punctuation variants. */
static gboolean
matches_as_written (const char *text,
                    gsize       start,
                    gsize       end,
                    const char *phrase)
{
  gsize p = start;
  gsize q = 0;
  gsize phrase_length = strlen (phrase);

  while (p < end && q < phrase_length)
    {
      guint text_length;
      guint phrase_char_length;
      gunichar t = decode (text, end, p, &text_length);
      gunichar f;

      /* Phrases are normalised: one space wherever the text has some. */
      if (phrase[q] == ' ')
        {
          if (!is_separator (t))
            return FALSE;
          while (p < end && is_separator (decode (text, end, p, &text_length)))
            p += text_length;
          q++;
          continue;
        }

      f = decode (phrase, phrase_length, q, &phrase_char_length);
      if (!same_as_written (f, t))
        return FALSE;

      p += text_length;
      q += phrase_char_length;
    }

  return p == end && q == phrase_length;
}

/* Whether a phrase ending at @node matches the text between @start and
 * @end: any exclusion or case-insensitive alias does, a case-sensitive
 * alias only as written. */
static gboolean
node_matches (const VpTagger *self,
              guint32         node,
              const char     *text,
              gsize           start,
              gsize           end)
{
  for (int e = g_array_index (self->nodes, int, node); e != NO_ENTRY;)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, e);

      if (entry->phrase == NULL || matches_as_written (text, start, end, entry->phrase))
        return TRUE;

      e = entry->next;
    }

  return FALSE;
}

static gboolean
node_excludes (const VpTagger *self,
               guint32         node,
               const char     *actor)
{
  for (int e = g_array_index (self->nodes, int, node); e != NO_ENTRY;)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, e);

      if (entry->exclusion && entry->actor == actor)
        return TRUE;

      e = entry->next;
    }

  return FALSE;
}

/* Adds a mention for every actor whose alias ends at @node and matches,
 * unless an exclusion of the same actor ends there too. */
static void
emit_mentions (const VpTagger *self,
               guint32         node,
               const char     *text,
               gsize           start,
               gsize           end,
               int             block,
               GArray         *mentions)
{
  guint first = mentions->len;

  for (int e = g_array_index (self->nodes, int, node); e != NO_ENTRY;)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, e);
      gboolean seen = FALSE;

      e = entry->next;

      if (entry->exclusion || node_excludes (self, node, entry->actor))
        continue;

      if (entry->phrase != NULL && !matches_as_written (text, start, end, entry->phrase))
        continue;

      /* An actor with two aliases that fold alike is mentioned once. */
      for (guint i = first; i < mentions->len && !seen; i++)
        seen = g_array_index (mentions, VpMention, i).actor == entry->actor;

      if (!seen)
        {
          VpMention mention = { entry->actor, block, start, end };

          g_array_append_val (mentions, mention);
        }
    }
}

/**
 * vp_tagger_scan:
 * @text: UTF-8 text, such as a block of an article
 * @block: the block @text is, stored in the mentions
 * @mentions: an array of #VpMention to append to
 *
 * Appends the mentions of the enabled actors in @text, in the order of
 * the text. Where phrases overlap, the longest one that starts first
 * wins; where that is an exclusion, its actor is not mentioned there.
 */
void
vp_tagger_scan (VpTagger   *self,
                const char *text,
                int         block,
                GArray     *mentions)
{
  Token ring_on_stack[RING_ON_STACK];
  char fold_on_stack[FOLD_ON_STACK];
  g_autofree Token *ring_on_heap = NULL;
  g_autofree char *fold_on_heap = NULL;
  Token *ring;
  char *fold;
  guint ring_mask;
  gsize length;
  gsize pos = 0;
  guint n_tokens = 0;  /* tokens read so far */
  guint i = 0;         /* the token a phrase may start at */

  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);
  g_return_if_fail (mentions != NULL);
  g_return_if_fail (g_array_get_element_size (mentions) == sizeof (VpMention));

  if (self->max_depth == 0)
    return;

  /* The ring holds the tokens from @i on that the trie walk looks ahead
   * to: at most max_depth of them. */
  ring_mask = 1;
  while (ring_mask + 1 < self->max_depth)
    ring_mask = ring_mask * 2 + 1;
  if (ring_mask < RING_ON_STACK)
    ring = ring_on_stack;
  else
    ring = ring_on_heap = g_new (Token, ring_mask + 1);

  if (self->max_word_length + 8 <= FOLD_ON_STACK)
    fold = fold_on_stack;
  else
    fold = fold_on_heap = g_malloc (self->max_word_length + 8);

  length = strlen (text);

  for (;;)
    {
      const Token *first;
      guint32 node = 0;
      guint32 best = NO_NODE;
      guint best_last = i;

      if (i == n_tokens)
        {
          Token *token = &ring[n_tokens & ring_mask];

          if (!next_token_extent (text, length, &pos, token))
            break;
          token->word = lookup_token (self, text, token, fold);
          n_tokens++;
        }

      first = &ring[i & ring_mask];
      if (first->word == NO_WORD)
        {
          i++;
          continue;
        }

      for (guint k = i; k - i < self->max_depth; k++)
        {
          const Token *token;
          guint32 child;

          if (k == n_tokens)
            {
              Token *next = &ring[n_tokens & ring_mask];

              if (!next_token_extent (text, length, &pos, next))
                break;
              next->word = lookup_token (self, text, next, fold);
              n_tokens++;
            }

          token = &ring[k & ring_mask];
          if (token->word == NO_WORD)
            break;

          child = find_child (self, node, token->word, k > i && token->gap);
          if (child == NO_NODE)
            break;

          node = child;
          if (g_array_index (self->nodes, int, node) != NO_ENTRY &&
              node_matches (self, node, text, first->start, token->end))
            {
              best = node;
              best_last = k;
            }
        }

      if (best == NO_NODE)
        {
          i++;
          continue;
        }

      emit_mentions (self, best, text, first->start, ring[best_last & ring_mask].end,
                     block, mentions);
      i = best_last + 1;
    }
}

/**
 * vp_tagger_tag_article:
 *
 * Finds the mentions in the title and every block of @article and gives
 * them to it.
 */
void
vp_tagger_tag_article (VpTagger  *self,
                       VpArticle *article)
{
  g_autoptr(GArray) mentions = NULL;
  const char *title;
  guint n_blocks;

  g_return_if_fail (self != NULL);
  g_return_if_fail (VP_IS_ARTICLE (article));

  mentions = g_array_new (FALSE, FALSE, sizeof (VpMention));

  title = vp_article_get_title (article);
  if (title != NULL)
    vp_tagger_scan (self, title, VP_MENTION_TITLE, mentions);

  n_blocks = vp_article_get_n_blocks (article);
  for (guint i = 0; i < n_blocks; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);

      if (block->text != NULL)
        vp_tagger_scan (self, block->text, i, mentions);
    }

  vp_article_set_mentions (article, mentions);
}
