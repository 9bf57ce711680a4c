/* vp-article-view.c
 *
 * Renders an article's blocks into a read-only text buffer, with a tag per
 * kind of block, and tags for find matches and the brief highlight of an
 * item the user jumped to.
 *
 * The buffer never changes once built, so a block is found by its
 * character offsets, kept in a sorted array, rather than by marks.
 *
 * Mentions of actors are not tags: a text tag paints a range in one
 * colour, the last tag's, and two actors mentioned in the same words
 * (a span tagged by hand inside another actor's mention) would hide one
 * another. They are drawn under the text instead, each in its actor's
 * colour: a tint behind the words, which mixes where two overlap, and an
 * underline, stacked one above the other where they overlap. A mention
 * the reader tagged by hand has a solid underline, one the tagger found a
 * dotted one, so that a reader sees what still awaits review. Colours are
 * those of the actors, made to stand out from the light or dark
 * background (see vp-actor-palette.c).
 *
 * The view is where a reader corrects the actors: its context menu tags
 * the selection, adds it as an alias, and rejects or restores a mention
 * under the pointer, all through the workspace's undoable operations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-article-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "vp-actor-palette.h"
#include "vp-actor-picker.h"
#include "vp-article-view.h"
#include "vp-find.h"
#include "vp-mnemonic.h"

/* How long the jump highlight stays, then fades, in microseconds. */
#define FLASH_HOLD     (G_USEC_PER_SEC * 6 / 10)
#define FLASH_DURATION (G_USEC_PER_SEC * 18 / 10)
#define FLASH_ALPHA    0.35

/* Where a jump puts its target, as a share of the view's height from the
 * top; the block there is also the one the reader is taken to be at. */
#define READING_LINE   0.12

/* Where a block lies in the buffer, in characters: @start is where the
 * block begins (with an item's marker), @text_start where its text does. */
typedef struct
{
  int start;
  int text_start;
  int end;
} BlockRange;

/* A mention as drawn: its characters in the buffer, where it lies in the
 * article (for the context menu), and its row among the underlines of
 * the mentions it overlaps. */
typedef struct
{
  int              start;
  int              end;
  const char      *actor;     /* interned */
  VpMentionOrigin  origin;
  int              block;
  guint            byte_start;
  guint            byte_end;
  guint            row;
} Highlight;

/* How far each underline is from the one below it, and how thick. */
#define UNDERLINE_STEP      3
#define UNDERLINE_THICKNESS 2

/* A selection longer than this is shortened in the menu's labels. */
#define MENU_SELECTION_CHARS 28

struct _VpArticleView
{
  GtkTextView  parent_instance;

  VpArticle   *article;
  GArray      *ranges;
  double       zoom;

  GtkTextTag  *body_tag;
  GtkTextTag  *paragraph_tag;
  GtkTextTag  *lead_tag;
  GtkTextTag  *heading_tags[3];
  GtkTextTag  *item_label_tag;
  GtkTextTag  *quote_tag;
  GPtrArray   *item_tags;   /* one per nesting level */
  GtkTextTag  *match_tag;
  GtkTextTag  *current_match_tag;
  GtkTextTag  *flash_tag;
  GtkTextTag  *parity_tags[2];

  GArray      *matches;     /* VpTextMatch */
  int          current_match;

  VpWorkspace *workspace;
  VpActorSet  *actors;      /* the workspace's */
  GArray      *highlights;  /* Highlight, by start */
  GHashTable  *hidden;      /* interned ids of actors not to draw */
  GHashTable  *colors;      /* interned id → GdkRGBA, as shown */
  gboolean     colors_dark;

  /* The context menu's additions: about the selection and about the
   * mentions at the context point (where the pointer was right-clicked,
   * or the cursor). */
  GMenu       *extra_menu;
  int          context_offset;
  guint        menu_idle;

  /* "Tag as…" from the keyboard, and the span it tags. */
  GtkWidget   *picker;
  int          picker_block;
  guint        picker_start;
  guint        picker_end;

  GtkTextMark *jump_mark;
  /* How to scroll to jump_mark once the view is allocated: a jump made
   * while its column was out of sight (see VpColumnBox). */
  gboolean     jump_pending;
  double       jump_margin;
  gboolean     jump_use_align;
  double       jump_yalign;
  guint        jump_idle;
  int          flash_block;
  gint64       flash_start;
  guint        flash_tick;
};

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

enum {
  CREATE_ACTOR_REQUESTED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpArticleView, vp_article_view, GTK_TYPE_TEXT_VIEW)

/* Pixel measures at zoom 1; they grow with the text. */
#define PARAGRAPH_SPACING 12
#define HEADING_SPACING   14
#define ITEM_INDENT       28
#define ITEM_SPACING      8
#define QUOTE_INDENT      24

static void
apply_zoom (VpArticleView *self)
{
  double z = self->zoom;

  g_object_set (self->body_tag, "scale", z, NULL);
  g_object_set (self->paragraph_tag, "pixels-below-lines", (int)(PARAGRAPH_SPACING * z), NULL);
  g_object_set (self->lead_tag, "pixels-below-lines", (int)(PARAGRAPH_SPACING * 1.5 * z), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self->heading_tags); i++)
    g_object_set (self->heading_tags[i],
                  "pixels-above-lines", (int)(HEADING_SPACING * (i == 0 ? 1.6 : 1.2) * z),
                  "pixels-below-lines", (int)(HEADING_SPACING * 0.6 * z),
                  NULL);
  g_object_set (self->quote_tag,
                "left-margin", (int)(QUOTE_INDENT * z),
                "right-margin", (int)(QUOTE_INDENT * z),
                "pixels-below-lines", (int)(PARAGRAPH_SPACING * z),
                NULL);

  /* An item hangs its marker in the margin, so the text of a wrapped
   * line aligns with the first line's text. */
  for (guint i = 0; i < self->item_tags->len; i++)
    {
      /* The tab after the marker stops where the wrapped lines begin;
       * tab positions count from the start of the hanging first line. */
      g_autoptr(PangoTabArray) tabs = pango_tab_array_new_with_positions (1, TRUE,
                                                                          PANGO_TAB_LEFT,
                                                                          (int)(ITEM_INDENT * z));

      g_object_set (g_ptr_array_index (self->item_tags, i),
                    "left-margin", (int)(ITEM_INDENT * (i + 1) * z),
                    "indent", (int)(-ITEM_INDENT * z),
                    "pixels-below-lines", (int)(ITEM_SPACING * z),
                    "tabs", tabs,
                    NULL);
    }

  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self), (int)(3 * z));
}

static GtkTextTag *
get_item_tag (VpArticleView *self,
              guint          level)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  /* Deeper nesting than this only shifts the text off the page. */
  level = MIN (level, 5);

  while (self->item_tags->len <= level)
    {
      GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);

      g_ptr_array_add (self->item_tags, tag);
      apply_zoom (self);
    }

  return g_ptr_array_index (self->item_tags, level);
}

static int
char_offset (const char *text,
             guint       byte_offset)
{
  gsize length = strlen (text);

  return g_utf8_pointer_to_offset (text, text + MIN (byte_offset, length));
}

static void
insert_block (VpArticleView  *self,
              GtkTextBuffer  *buffer,
              GtkTextIter    *iter,
              const VpBlock  *block,
              guint           index,
              gboolean        lead,
              gboolean        last,
              BlockRange     *range)
{
  GtkTextTag *tag = NULL;
  const char *text = block->text != NULL ? block->text : "";

  range->start = gtk_text_iter_get_offset (iter);

  switch (block->kind)
    {
    case VP_BLOCK_HEADING:
      tag = self->heading_tags[CLAMP (block->level, 1, 3) - 1];
      break;

    case VP_BLOCK_ITEM:
      {
        g_autofree char *marker = NULL;

        tag = get_item_tag (self, block->level);

        if (block->label != NULL)
          /* Translators: the marker of a numbered list item, e.g. "3." */
          marker = g_strdup_printf (C_("list marker", "%s.\t"), block->label);
        else
          marker = g_strdup ("•\t");

        gtk_text_buffer_insert_with_tags (buffer, iter, marker, -1,
                                          self->body_tag, tag, self->item_label_tag, NULL);
      }
      break;

    case VP_BLOCK_QUOTE:
      tag = self->quote_tag;
      break;

    case VP_BLOCK_PARAGRAPH:
    default:
      tag = lead ? self->lead_tag : self->paragraph_tag;
      break;
    }

  range->text_start = gtk_text_iter_get_offset (iter);
  gtk_text_buffer_insert_with_tags (buffer, iter, text, -1, self->body_tag, tag, NULL);
  range->end = gtk_text_iter_get_offset (iter);

  if (!last)
    gtk_text_buffer_insert_with_tags (buffer, iter, "\n", 1, self->body_tag, tag, NULL);

  /* GTK 4.8's text layout reuses the style of the last line it laid out
   * for the next one unless a tag starts or ends where the line starts,
   * and it does not always lay lines out in order: a paragraph after a
   * heading could come out in the heading's size. A tag that changes at
   * every block boundary makes the layout look again. */
  {
    GtkTextIter start;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
    gtk_text_buffer_apply_tag (buffer, self->parity_tags[index % 2], &start, iter);
  }
}

static int
block_at_offset (VpArticleView *self,
                 int            offset)
{
  guint lo = 0;
  guint hi = self->ranges->len;

  /* The last block that starts at or before @offset. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->ranges, BlockRange, mid).start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return (int)lo - 1;
}

static int
compare_highlights (gconstpointer a,
                    gconstpointer b)
{
  const Highlight *ha = a;
  const Highlight *hb = b;

  if (ha->start != hb->start)
    return ha->start < hb->start ? -1 : 1;
  if (ha->end != hb->end)
    return ha->end > hb->end ? -1 : 1;

  return g_strcmp0 (ha->actor, hb->actor);
}

/* Turns the article's mentions into what is drawn: those in the body (the
 * title is the column's header) of actors that are not hidden. */
static void
rebuild_highlights (VpArticleView *self)
{
  g_autoptr(GArray) row_ends = g_array_new (FALSE, FALSE, sizeof (int));
  const VpMention *mentions;
  guint n_mentions = 0;

  g_array_set_size (self->highlights, 0);

  if (self->article == NULL)
    return;

  mentions = vp_article_get_mentions (self->article, &n_mentions);

  for (guint i = 0; i < n_mentions; i++)
    {
      const VpMention *mention = &mentions[i];
      const BlockRange *range;
      const char *text;
      Highlight h;

      if (mention->block < 0 || (guint)mention->block >= self->ranges->len ||
          mention->start >= mention->end ||
          g_hash_table_contains (self->hidden, mention->actor))
        continue;

      range = &g_array_index (self->ranges, BlockRange, mention->block);
      text = vp_article_get_block_text (self->article, mention->block);
      if (text == NULL)
        continue;

      h.start = range->text_start + char_offset (text, mention->start);
      h.end = range->text_start + char_offset (text, mention->end);
      h.actor = mention->actor;
      h.origin = mention->origin;
      h.block = mention->block;
      h.byte_start = mention->start;
      h.byte_end = mention->end;
      h.row = 0;
      g_array_append_val (self->highlights, h);
    }

  g_array_sort (self->highlights, compare_highlights);

  /* Each mention takes the lowest row of underlines that no mention it
   * overlaps took: most have row 0, right under their words. */
  for (guint i = 0; i < self->highlights->len; i++)
    {
      Highlight *h = &g_array_index (self->highlights, Highlight, i);
      guint row = 0;

      while (row < row_ends->len && g_array_index (row_ends, int, row) > h->start)
        row++;

      if (row == row_ends->len)
        g_array_append_val (row_ends, h->end);
      else
        g_array_index (row_ends, int, row) = h->end;

      h->row = row;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const GdkRGBA *
get_shown_color (VpArticleView *self,
                 const char    *actor,
                 gboolean       dark)
{
  GdkRGBA *color;

  if (self->colors_dark != dark)
    {
      g_hash_table_remove_all (self->colors);
      self->colors_dark = dark;
    }

  color = g_hash_table_lookup (self->colors, actor);
  if (color == NULL)
    {
      color = g_new (GdkRGBA, 1);
      vp_actor_palette_get_shown_color (self->actors, actor, dark, color);
      g_hash_table_insert (self->colors, (gpointer)actor, color);
    }

  return color;
}

static void
draw_segment (GtkSnapshot     *snapshot,
              const Highlight *h,
              const GdkRGBA   *color,
              gboolean         dark,
              float            x,
              float            y,
              float            width,
              float            height)
{
  GskRoundedRect tint_rect;
  GdkRGBA tint = *color;
  float line_y;

  tint.alpha = dark ? 0.28 : 0.16;
  gsk_rounded_rect_init_from_rect (&tint_rect,
                                   &GRAPHENE_RECT_INIT (x - 1, y, width + 2, height), 3);
  gtk_snapshot_push_rounded_clip (snapshot, &tint_rect);
  gtk_snapshot_append_color (snapshot, &tint, &tint_rect.bounds);
  gtk_snapshot_pop (snapshot);

  line_y = y + height - UNDERLINE_THICKNESS - h->row * UNDERLINE_STEP;

  if (h->origin == VP_MENTION_MANUAL)
    {
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (x, line_y, width, UNDERLINE_THICKNESS));
    }
  else
    {
      /* Dots: one square repeated along the words. */
      gtk_snapshot_push_repeat (snapshot,
                                &GRAPHENE_RECT_INIT (x, line_y, width, UNDERLINE_THICKNESS),
                                &GRAPHENE_RECT_INIT (x, line_y, UNDERLINE_THICKNESS * 2,
                                                     UNDERLINE_THICKNESS));
      gtk_snapshot_append_color (snapshot, color,
                                 &GRAPHENE_RECT_INIT (x, line_y, UNDERLINE_THICKNESS,
                                                      UNDERLINE_THICKNESS));
      gtk_snapshot_pop (snapshot);
    }
}

/* A mention may wrap onto several display lines: one segment each. */
static void
draw_highlight (VpArticleView   *self,
                GtkSnapshot     *snapshot,
                const Highlight *h,
                gboolean         dark)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  const GdkRGBA *color = get_shown_color (self, h->actor, dark);
  GtkTextIter line_start;
  GtkTextIter end;

  gtk_text_buffer_get_iter_at_offset (buffer, &line_start, h->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, h->end);

  while (gtk_text_iter_compare (&line_start, &end) < 0)
    {
      GtkTextIter line_end = line_start;
      GtkTextIter last;
      GdkRectangle first_rect;
      GdkRectangle last_rect;
      int x0, x1;

      if (!gtk_text_view_forward_display_line_end (view, &line_end) ||
          gtk_text_iter_compare (&line_end, &end) > 0)
        line_end = end;

      /* The words of this line, without the space it wraps at. */
      last = line_end;
      gtk_text_iter_backward_char (&last);
      while (gtk_text_iter_compare (&last, &line_start) > 0 &&
             g_unichar_isspace (gtk_text_iter_get_char (&last)))
        gtk_text_iter_backward_char (&last);

      gtk_text_view_get_iter_location (view, &line_start, &first_rect);
      gtk_text_view_get_iter_location (view, &last, &last_rect);

      /* Either way round, for right-to-left text. */
      x0 = MIN (first_rect.x, last_rect.x);
      x1 = MAX (first_rect.x + first_rect.width, last_rect.x + last_rect.width);

      if (x1 > x0)
        draw_segment (snapshot, h, color, dark, x0, first_rect.y, x1 - x0, first_rect.height);

      if (gtk_text_iter_compare (&line_end, &end) >= 0)
        break;

      {
        int before = gtk_text_iter_get_offset (&line_start);

        if (!gtk_text_view_forward_display_line (view, &line_start) ||
            gtk_text_iter_get_offset (&line_start) <= before)
          break;
      }
    }
}

static void
vp_article_view_snapshot_layer (GtkTextView      *text_view,
                                GtkTextViewLayer  layer,
                                GtkSnapshot      *snapshot)
{
  VpArticleView *self = VP_ARTICLE_VIEW (text_view);
  GdkRectangle visible;
  GtkTextIter iter;
  gboolean dark;
  int top, bottom;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->highlights->len == 0)
    return;

  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y, NULL);
  top = gtk_text_iter_get_offset (&iter);
  gtk_text_view_get_line_at_y (text_view, &iter, visible.y + visible.height, NULL);
  gtk_text_iter_forward_to_line_end (&iter);
  bottom = gtk_text_iter_get_offset (&iter);

  dark = vp_actor_palette_is_dark ();

  for (guint i = 0; i < self->highlights->len; i++)
    {
      const Highlight *h = &g_array_index (self->highlights, Highlight, i);

      if (h->start > bottom)
        break;
      if (h->end < top)
        continue;

      draw_highlight (self, snapshot, h, dark);
    }
}

static void schedule_menu_update (VpArticleView *self);

static void
mentions_changed_cb (VpArticleView *self)
{
  rebuild_highlights (self);
  schedule_menu_update (self);
}

static void
actors_changed_cb (VpArticleView *self)
{
  /* A colour or a name may have changed. */
  g_hash_table_remove_all (self->colors);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  schedule_menu_update (self);
}

/* Selection and tagging */

/* The selection as a span of one block's text, in bytes, without what
 * lies outside the text (an item's marker, the line break after it).
 * Whether it holds something to tag is the workspace's to say. */
static gboolean
get_selection_span (VpArticleView *self,
                    int           *block_out,
                    guint         *start_out,
                    guint         *end_out)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;
  const BlockRange *range;
  const char *text;
  int start_offset, end_offset;
  int block;

  if (self->article == NULL ||
      !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;

  start_offset = gtk_text_iter_get_offset (&start);
  end_offset = gtk_text_iter_get_offset (&end);

  block = block_at_offset (self, start_offset);
  if (block < 0 || block != block_at_offset (self, end_offset - 1))
    return FALSE;

  range = &g_array_index (self->ranges, BlockRange, block);
  start_offset = CLAMP (start_offset, range->text_start, range->end);
  end_offset = CLAMP (end_offset, range->text_start, range->end);
  if (start_offset >= end_offset)
    return FALSE;

  text = vp_article_get_block_text (self->article, block);
  if (text == NULL)
    return FALSE;

  *block_out = block;
  *start_out = g_utf8_offset_to_pointer (text, start_offset - range->text_start) - text;
  *end_out = g_utf8_offset_to_pointer (text, end_offset - range->text_start) - text;

  return TRUE;
}

static char *
dup_span_text (VpArticleView *self,
               int            block,
               guint          start,
               guint          end)
{
  const char *text = vp_article_get_block_text (self->article, block);
  g_autofree char *raw = g_strndup (text + start, end - start);

  return g_strstrip (g_steal_pointer (&raw));
}

/* Whether the selection can be tagged or made an alias: a span of one
 * block with a letter or digit in it. */
static gboolean
get_taggable_span (VpArticleView *self,
                   int           *block,
                   guint         *start,
                   guint         *end)
{
  g_autofree char *text = NULL;

  if (self->workspace == NULL || !get_selection_span (self, block, start, end))
    return FALSE;

  text = dup_span_text (self, *block, *start, *end);

  return vp_actor_phrase_is_valid (text);
}

/* The selection as a menu shows it: “Riyadh”, or “the kingdom and its…”. */
static char *
dup_shown_selection (VpArticleView *self,
                     int            block,
                     guint          start,
                     guint          end)
{
  g_autofree char *text = dup_span_text (self, block, start, end);
  g_autofree char *normalised = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  const char *shown = normalised != NULL ? normalised : text;

  if (g_utf8_strlen (shown, -1) <= MENU_SELECTION_CHARS)
    return g_strdup (shown);

  {
    g_autofree char *cut = g_utf8_substring (shown, 0, MENU_SELECTION_CHARS - 1);

    return g_strconcat (g_strchomp (cut), "…", NULL);
  }
}

static void
report_error (VpArticleView *self,
              const GError  *error)
{
  g_signal_emit (self, signals[FAILED], 0, error);
}

static void
tag_span (VpArticleView *self,
          const char    *actor_id,
          int            block,
          guint          start,
          guint          end)
{
  g_autoptr(GError) error = NULL;

  if (vp_workspace_lookup_actor (self->workspace, actor_id) == NULL)
    return;

  if (!vp_workspace_tag_span (self->workspace, self->article, actor_id, block, start, end,
                              &error))
    report_error (self, error);
}

static void
tag_as_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VpArticleView *self = VP_ARTICLE_VIEW (widget);
  int block;
  guint start, end;

  if (!get_taggable_span (self, &block, &start, &end))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  tag_span (self, g_variant_get_string (parameter, NULL), block, start, end);
}

static void
tag_new_actor_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VpArticleView *self = VP_ARTICLE_VIEW (widget);
  int block;
  guint start, end;

  if (!get_taggable_span (self, &block, &start, &end))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  g_signal_emit (self, signals[CREATE_ACTOR_REQUESTED], 0, block, start, end);
}

static void
add_alias_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VpArticleView *self = VP_ARTICLE_VIEW (widget);
  const char *actor_id = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int block;
  guint start, end;

  if (!get_taggable_span (self, &block, &start, &end) ||
      vp_workspace_lookup_actor (self->workspace, actor_id) == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }

  text = dup_span_text (self, block, start, end);

  /* "GCC" then matches only in capitals, "the kingdom" in any case. */
  if (!vp_workspace_add_alias (self->workspace, actor_id, text,
                               vp_actor_guess_case_sensitive (text), &error))
    report_error (self, error);
}

/* The mention a menu item is about: (actor, block, start, end), which
 * the item carries, since the mentions may change while the menu is
 * open. */
static gboolean
parse_mention (VpArticleView  *self,
               GVariant       *parameter,
               const char    **actor_id,
               int            *block,
               guint          *start,
               guint          *end)
{
  const char *text;

  g_variant_get (parameter, "(&siuu)", actor_id, block, start, end);

  if (self->workspace == NULL || self->article == NULL ||
      vp_workspace_lookup_actor (self->workspace, *actor_id) == NULL)
    return FALSE;

  text = vp_article_get_block_text (self->article, *block);

  return text != NULL && *start < *end && *end <= strlen (text);
}

static void
mention_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VpArticleView *self = VP_ARTICLE_VIEW (widget);
  const char *actor_id;
  int block;
  guint start, end;

  if (!parse_mention (self, parameter, &actor_id, &block, &start, &end))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  if (g_str_equal (action_name, "article.reject"))
    vp_workspace_reject_mention (self->workspace, self->article, actor_id, block, start, end);
  else if (g_str_equal (action_name, "article.untag"))
    vp_workspace_untag_span (self->workspace, self->article, actor_id, block, start, end);
  else
    vp_workspace_restore_mention (self->workspace, self->article, actor_id, block, start, end);
}

static void
tag_picker_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  if (!vp_article_view_popup_tag_picker (VP_ARTICLE_VIEW (widget)))
    gtk_widget_error_bell (widget);
}

/* The context menu */

/* Takes @label. */
static GMenuItem *
new_mention_item (char            *label,
                  const char      *action,
                  const char      *actor_id,
                  int              block,
                  guint            start,
                  guint            end)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_free (label);

  g_menu_item_set_action_and_target_value (item, action,
                                           g_variant_new ("(siuu)", actor_id, block, start, end));

  return item;
}

static void
append_selection_section (VpArticleView *self,
                          GMenu         *menu)
{
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenu) tag_menu = g_menu_new ();
  g_autoptr(GMenu) tag_actors = g_menu_new ();
  g_autoptr(GMenu) tag_new = g_menu_new ();
  g_autoptr(GMenu) alias_menu = g_menu_new ();
  g_autofree char *shown = NULL;
  g_autofree char *shown_escaped = NULL;
  g_autofree char *alias_label = NULL;
  GListModel *actors = G_LIST_MODEL (self->actors);
  guint n_enabled = 0;
  int block;
  guint start, end;

  if (!get_taggable_span (self, &block, &start, &end))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (actors); i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (actors, i);
      g_autofree char *name = NULL;
      g_autoptr(GMenuItem) tag_item = NULL;
      g_autoptr(GMenuItem) alias_item = NULL;

      if (!vp_actor_get_enabled (actor))
        continue;

      name = vp_escape_mnemonic (vp_actor_get_name (actor));

      tag_item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (tag_item, "article.tag-as",
                                               g_variant_new_string (vp_actor_get_id (actor)));
      g_menu_append_item (tag_actors, tag_item);

      alias_item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target_value (alias_item, "article.add-alias",
                                               g_variant_new_string (vp_actor_get_id (actor)));
      g_menu_append_item (alias_menu, alias_item);
      n_enabled++;
    }

  g_menu_append (tag_new, _("_New Actor…"), "article.tag-new-actor");
  g_menu_append_section (tag_menu, NULL, G_MENU_MODEL (tag_actors));
  g_menu_append_section (tag_menu, NULL, G_MENU_MODEL (tag_new));
  g_menu_append_submenu (section, _("_Tag as"), G_MENU_MODEL (tag_menu));

  if (n_enabled > 0)
    {
      shown = dup_shown_selection (self, block, start, end);
      shown_escaped = vp_escape_mnemonic (shown);
      /* Translators: a submenu of the actors; %s is the selected text */
      alias_label = g_strdup_printf (_("Add “%s” as an _Alias of"), shown_escaped);
      g_menu_append_submenu (section, alias_label, G_MENU_MODEL (alias_menu));
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static gboolean
annotation_contains (VpAnnotation *annotation,
                     int           block,
                     guint         offset)
{
  return vp_annotation_get_block (annotation) == block &&
         vp_annotation_get_start (annotation) <= offset &&
         offset < vp_annotation_get_end (annotation);
}

static void
append_mentions_section (VpArticleView *self,
                         GMenu         *menu)
{
  g_autoptr(GMenu) section = g_menu_new ();
  const BlockRange *range;
  const char *text;
  guint n_annotations;
  guint byte_offset;
  int block;

  if (self->context_offset < 0)
    return;

  for (guint i = 0; i < self->highlights->len; i++)
    {
      const Highlight *h = &g_array_index (self->highlights, Highlight, i);
      VpActor *actor;
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *name = NULL;

      if (h->start > self->context_offset)
        break;
      if (h->end <= self->context_offset)
        continue;

      actor = vp_workspace_lookup_actor (self->workspace, h->actor);
      if (actor == NULL)
        continue;

      name = vp_escape_mnemonic (vp_actor_get_name (actor));

      if (h->origin == VP_MENTION_MANUAL)
        /* Translators: a menu item on a span the reader tagged; %s is an
         * actor's name */
        item = new_mention_item (g_strdup_printf (_("Remove %s Tag"), name), "article.untag",
                                 h->actor, h->block, h->byte_start, h->byte_end);
      else
        /* Translators: a menu item on a mention the tagger found, "Not
         * Iran Here"; %s is an actor's name */
        item = new_mention_item (g_strdup_printf (_("Not %s Here"), name), "article.reject",
                                 h->actor, h->block, h->byte_start, h->byte_end);

      g_menu_append_item (section, item);
    }

  /* Mentions the reader rejected are not drawn, but can be taken back
   * where they were. */
  block = block_at_offset (self, self->context_offset);
  if (block >= 0 && (text = vp_article_get_block_text (self->article, block)) != NULL)
    {
      range = &g_array_index (self->ranges, BlockRange, block);

      if (self->context_offset >= range->text_start && self->context_offset < range->end)
        {
          byte_offset = g_utf8_offset_to_pointer (text, self->context_offset - range->text_start) -
                        text;
          n_annotations = vp_article_get_n_annotations (self->article);

          for (guint i = 0; i < n_annotations; i++)
            {
              VpAnnotation *annotation = vp_article_get_annotation (self->article, i);
              VpActor *actor;
              g_autoptr(GMenuItem) item = NULL;
              g_autofree char *name = NULL;

              if (vp_annotation_get_kind (annotation) != VP_ANNOTATION_REJECTION ||
                  !annotation_contains (annotation, block, byte_offset))
                continue;

              actor = vp_workspace_lookup_actor (self->workspace,
                                                 vp_annotation_get_actor (annotation));
              if (actor == NULL || !vp_actor_get_enabled (actor))
                continue;

              name = vp_escape_mnemonic (vp_actor_get_name (actor));
              /* Translators: a menu item where the reader had rejected a
               * mention; %s is an actor's name */
              item = new_mention_item (g_strdup_printf (_("Restore %s Here"), name),
                                       "article.restore", vp_actor_get_id (actor), block,
                                       vp_annotation_get_start (annotation),
                                       vp_annotation_get_end (annotation));
              g_menu_append_item (section, item);
            }
        }
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static void
update_menu (VpArticleView *self)
{
  g_clear_handle_id (&self->menu_idle, g_source_remove);

  g_menu_remove_all (self->extra_menu);

  if (self->article == NULL || self->workspace == NULL)
    return;

  append_selection_section (self, self->extra_menu);
  append_mentions_section (self, self->extra_menu);
}

static gboolean
menu_idle_cb (gpointer user_data)
{
  VpArticleView *self = user_data;

  self->menu_idle = 0;
  update_menu (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_menu_update (VpArticleView *self)
{
  if (self->menu_idle == 0)
    self->menu_idle = g_idle_add (menu_idle_cb, self);
}

static void
update_actions (VpArticleView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int block;
  guint start, end;
  gboolean taggable = get_taggable_span (self, &block, &start, &end);

  gtk_widget_action_set_enabled (widget, "article.tag-as", taggable);
  gtk_widget_action_set_enabled (widget, "article.tag-new-actor", taggable);
  gtk_widget_action_set_enabled (widget, "article.add-alias", taggable);
  gtk_widget_action_set_enabled (widget, "article.tag-picker", taggable);
}

static void
mark_set_cb (VpArticleView *self,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             GtkTextBuffer *buffer)
{
  if (mark != gtk_text_buffer_get_insert (buffer) &&
      mark != gtk_text_buffer_get_selection_bound (buffer))
    return;

  /* From the keyboard, the menu is about the mentions at the cursor. */
  if (mark == gtk_text_buffer_get_insert (buffer))
    self->context_offset = gtk_text_iter_get_offset (location);

  update_actions (self);
  schedule_menu_update (self);
}

/* A right click sets the context point before the text view opens its
 * menu: this gesture sees the press first. */
static void
context_pressed_cb (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    VpArticleView   *self)
{
  GtkTextIter iter;
  int buffer_x, buffer_y;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &buffer_x, &buffer_y);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, buffer_x, buffer_y);
  self->context_offset = gtk_text_iter_get_offset (&iter);

  update_menu (self);
}

/* The tag picker */

static void
picker_picked_cb (VpArticleView *self,
                  const char    *actor_id)
{
  if (self->picker_block < 0)
    return;

  tag_span (self, actor_id, self->picker_block, self->picker_start, self->picker_end);
}

static void
picker_create_requested_cb (VpArticleView *self)
{
  if (self->picker_block < 0)
    return;

  g_signal_emit (self, signals[CREATE_ACTOR_REQUESTED], 0,
                 self->picker_block, self->picker_start, self->picker_end);
}

/* Scrolls to the jump mark now, and again once the view is allocated if
 * it is not mapped now. GtkTextView keeps a scroll to a mark until its
 * lines are laid out, but not through a view's first allocation in a
 * column that comes into sight (see VpColumnBox): that starts from the
 * top. */
static void
scroll_to_jump_mark (VpArticleView *self,
                     double         within_margin,
                     gboolean       use_align,
                     double         yalign)
{
  self->jump_margin = within_margin;
  self->jump_use_align = use_align;
  self->jump_yalign = yalign;
  self->jump_pending = !gtk_widget_get_mapped (GTK_WIDGET (self));

  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->jump_mark,
                                within_margin, use_align, 0.0, yalign);
}

static gboolean
pending_jump_cb (gpointer user_data)
{
  VpArticleView *self = user_data;

  self->jump_idle = 0;
  self->jump_pending = FALSE;
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->jump_mark,
                                self->jump_margin, self->jump_use_align,
                                0.0, self->jump_yalign);

  return G_SOURCE_REMOVE;
}

static void
vp_article_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  VpArticleView *self = VP_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (vp_article_view_parent_class)->size_allocate (widget, width, height, baseline);

  if (self->jump_pending && self->jump_idle == 0)
    self->jump_idle = g_idle_add (pending_jump_cb, self);

  if (self->picker != NULL && gtk_widget_get_visible (self->picker))
    gtk_popover_present (GTK_POPOVER (self->picker));
}
static void
stop_flash (VpArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter start, end;

  if (self->flash_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->flash_tick);
      self->flash_tick = 0;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->flash_tag, &start, &end);
  self->flash_block = -1;
}

static void
set_flash_alpha (VpArticleView *self,
                 double         alpha)
{
  GdkRGBA color = { 0.21, 0.52, 0.89, 1.0 };

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  "accent_bg_color", &color);
  G_GNUC_END_IGNORE_DEPRECATIONS

  color.alpha = alpha;
  g_object_set (self->flash_tag, "paragraph-background-rgba", &color, NULL);
}

static gboolean
flash_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  VpArticleView *self = VP_ARTICLE_VIEW (widget);
  gint64 elapsed = gdk_frame_clock_get_frame_time (clock) - self->flash_start;

  if (elapsed >= FLASH_DURATION)
    {
      self->flash_tick = 0;
      stop_flash (self);
      return G_SOURCE_REMOVE;
    }

  if (elapsed > FLASH_HOLD)
    set_flash_alpha (self, FLASH_ALPHA * (1.0 - (double)(elapsed - FLASH_HOLD) /
                                                (FLASH_DURATION - FLASH_HOLD)));

  return G_SOURCE_CONTINUE;
}

static void
start_flash (VpArticleView *self,
             int            block)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const BlockRange *range = &g_array_index (self->ranges, BlockRange, block);
  GtkTextIter start, end;

  stop_flash (self);

  gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);
  gtk_text_buffer_apply_tag (buffer, self->flash_tag, &start, &end);
  set_flash_alpha (self, FLASH_ALPHA);

  self->flash_block = block;
  self->flash_start = g_get_monotonic_time ();
  self->flash_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), flash_tick_cb, NULL, NULL);
}

/* A read-only view has nothing to paste into; Ctrl+V over an article
 * means "open what I copied", which is the window's business. */
static void
vp_article_view_paste_clipboard (GtkTextView *text_view)
{
  gtk_widget_activate_action (GTK_WIDGET (text_view), "win.paste", NULL);
}

static void
vp_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VpArticleView *self = VP_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VpArticleView *self = VP_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      vp_article_view_set_zoom (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_article_view_dispose (GObject *object)
{
  VpArticleView *self = (VpArticleView *)object;

  if (self->flash_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->flash_tick);
      self->flash_tick = 0;
    }

  g_clear_handle_id (&self->menu_idle, g_source_remove);
  g_clear_handle_id (&self->jump_idle, g_source_remove);
  g_clear_pointer (&self->picker, gtk_widget_unparent);

  g_clear_object (&self->article);
  g_clear_object (&self->workspace);
  g_clear_object (&self->actors);

  G_OBJECT_CLASS (vp_article_view_parent_class)->dispose (object);
}

static void
vp_article_view_finalize (GObject *object)
{
  VpArticleView *self = (VpArticleView *)object;

  g_clear_pointer (&self->ranges, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->item_tags, g_ptr_array_unref);
  g_clear_pointer (&self->highlights, g_array_unref);
  g_clear_pointer (&self->hidden, g_hash_table_unref);
  g_clear_pointer (&self->colors, g_hash_table_unref);
  g_clear_object (&self->extra_menu);

  G_OBJECT_CLASS (vp_article_view_parent_class)->finalize (object);
}

static void
vp_article_view_class_init (VpArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->get_property = vp_article_view_get_property;
  object_class->set_property = vp_article_view_set_property;
  object_class->dispose = vp_article_view_dispose;
  object_class->finalize = vp_article_view_finalize;

  widget_class->size_allocate = vp_article_view_size_allocate;

  text_view_class->paste_clipboard = vp_article_view_paste_clipboard;
  text_view_class->snapshot_layer = vp_article_view_snapshot_layer;

  /**
   * VpArticleView:zoom:
   *
   * The text size, relative to the normal size.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.5, 3.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpArticleView::create-actor-requested:
   * @block: the block of the selection
   * @start: where the selection starts in the block's text, in bytes
   * @end: where it ends
   *
   * The reader asked to tag the selection as a new actor, which needs a
   * name and a colour first.
   */
  signals[CREATE_ACTOR_REQUESTED] =
    g_signal_new ("create-actor-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * VpArticleView::failed:
   * @error: why a correction could not be made, in words for the reader
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  /* What the context menu offers; enabled while the selection holds
   * something to tag. */
  gtk_widget_class_install_action (widget_class, "article.tag-as", "s", tag_as_action);
  gtk_widget_class_install_action (widget_class, "article.tag-new-actor", NULL,
                                   tag_new_actor_action);
  gtk_widget_class_install_action (widget_class, "article.add-alias", "s", add_alias_action);
  gtk_widget_class_install_action (widget_class, "article.tag-picker", NULL, tag_picker_action);
  gtk_widget_class_install_action (widget_class, "article.reject", "(siuu)", mention_action);
  gtk_widget_class_install_action (widget_class, "article.untag", "(siuu)", mention_action);
  gtk_widget_class_install_action (widget_class, "article.restore", "(siuu)", mention_action);
}

static void
vp_article_view_init (VpArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRGBA yellow = { 0.96, 0.83, 0.18, 0.55 };
  GdkRGBA orange = { 1.0, 0.47, 0.0, 0.75 };
  GtkTextIter start;

  self->ranges = g_array_new (FALSE, FALSE, sizeof (BlockRange));
  self->matches = g_array_new (FALSE, FALSE, sizeof (VpTextMatch));
  self->item_tags = g_ptr_array_new ();
  self->highlights = g_array_new (FALSE, FALSE, sizeof (Highlight));
  self->hidden = g_hash_table_new (NULL, NULL);
  self->colors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->extra_menu = g_menu_new ();
  self->zoom = 1.0;
  self->current_match = -1;
  self->flash_block = -1;
  self->context_offset = -1;
  self->picker_block = -1;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, FALSE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (view, 18);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_text_view_set_left_margin (view, 24);
  gtk_text_view_set_right_margin (view, 24);
  gtk_widget_add_css_class (GTK_WIDGET (self), "article-view");

  self->body_tag = gtk_text_buffer_create_tag (buffer, "body", NULL);
  self->paragraph_tag = gtk_text_buffer_create_tag (buffer, "paragraph", NULL);
  self->lead_tag = gtk_text_buffer_create_tag (buffer, "lead",
                                               "scale", 1.12,
                                               "weight", PANGO_WEIGHT_MEDIUM,
                                               NULL);
  self->heading_tags[0] = gtk_text_buffer_create_tag (buffer, "heading-1",
                                                      "scale", 1.45,
                                                      "weight", PANGO_WEIGHT_BOLD,
                                                      NULL);
  self->heading_tags[1] = gtk_text_buffer_create_tag (buffer, "heading-2",
                                                      "scale", 1.25,
                                                      "weight", PANGO_WEIGHT_BOLD,
                                                      NULL);
  self->heading_tags[2] = gtk_text_buffer_create_tag (buffer, "heading-3",
                                                      "scale", 1.1,
                                                      "weight", PANGO_WEIGHT_BOLD,
                                                      NULL);
  self->item_label_tag = gtk_text_buffer_create_tag (buffer, "item-label",
                                                     "weight", PANGO_WEIGHT_BOLD,
                                                     "font-features", "tnum",
                                                     NULL);
  self->quote_tag = gtk_text_buffer_create_tag (buffer, "quote",
                                                "style", PANGO_STYLE_ITALIC,
                                                "scale", 1.08,
                                                NULL);
  self->flash_tag = gtk_text_buffer_create_tag (buffer, "flash", NULL);
  self->parity_tags[0] = gtk_text_buffer_create_tag (buffer, "even-block", NULL);
  self->parity_tags[1] = gtk_text_buffer_create_tag (buffer, "odd-block", NULL);
  self->match_tag = gtk_text_buffer_create_tag (buffer, "match",
                                                "background-rgba", &yellow,
                                                NULL);
  self->current_match_tag = gtk_text_buffer_create_tag (buffer, "current-match",
                                                        "background-rgba", &orange,
                                                        NULL);

  gtk_text_buffer_get_start_iter (buffer, &start);
  self->jump_mark = gtk_text_buffer_create_mark (buffer, "jump", &start, TRUE);

  apply_zoom (self);

  gtk_text_view_set_extra_menu (view, G_MENU_MODEL (self->extra_menu));
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set_cb), self,
                           G_CONNECT_SWAPPED);

  {
    GtkGesture *context = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context), GDK_BUTTON_SECONDARY);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (context),
                                                GTK_PHASE_CAPTURE);
    g_signal_connect_object (context, "pressed", G_CALLBACK (context_pressed_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (context));
  }

  /* The highlights' colours differ between the light and dark styles. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

GtkWidget *
vp_article_view_new (void)
{
  return g_object_new (VP_TYPE_ARTICLE_VIEW, NULL);
}

/**
 * vp_article_view_get_article:
 *
 * Returns: (transfer none) (nullable): the article shown
 */
VpArticle *
vp_article_view_get_article (VpArticleView *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), NULL);

  return self->article;
}

/**
 * vp_article_view_set_article:
 * @article: one of @workspace's articles
 * @workspace: the workspace whose actors the mentions take their colours
 *   from, and whose operations the reader's corrections go through
 *
 * Shows @article's body. An article is shown once: the view is made for
 * one column and lives as long as it.
 */
void
vp_article_view_set_article (VpArticleView *self,
                             VpArticle     *article,
                             VpWorkspace   *workspace)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  guint n_blocks;
  gboolean had_lead = FALSE;

  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));
  g_return_if_fail (VP_IS_ARTICLE (article));
  g_return_if_fail (VP_IS_WORKSPACE (workspace));
  g_return_if_fail (self->article == NULL);

  self->article = g_object_ref (article);
  self->workspace = g_object_ref (workspace);
  self->actors = g_object_ref (vp_workspace_get_actors (workspace));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  n_blocks = vp_article_get_n_blocks (article);

  switch (vp_article_get_direction (article))
    {
    case VP_TEXT_DIRECTION_RTL:
      gtk_widget_set_direction (GTK_WIDGET (self), GTK_TEXT_DIR_RTL);
      break;

    case VP_TEXT_DIRECTION_LTR:
      gtk_widget_set_direction (GTK_WIDGET (self), GTK_TEXT_DIR_LTR);
      break;

    case VP_TEXT_DIRECTION_NONE:
    default:
      break;
    }

  g_array_set_size (self->ranges, n_blocks);
  gtk_text_buffer_get_start_iter (buffer, &iter);

  for (guint i = 0; i < n_blocks; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);
      /* The opening paragraph is set larger, as papers do, as long as it
       * really opens the piece. */
      gboolean lead = !had_lead && i < 2 && block->kind == VP_BLOCK_PARAGRAPH;

      had_lead |= lead || block->kind == VP_BLOCK_PARAGRAPH;
      insert_block (self, buffer, &iter, block, i, lead, i + 1 == n_blocks,
                    &g_array_index (self->ranges, BlockRange, i));
    }

  rebuild_highlights (self);
  apply_zoom (self);

  g_signal_connect_object (article, "mentions-changed", G_CALLBACK (mentions_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actors, "changed", G_CALLBACK (actors_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);

  if (vp_article_get_title (article) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, vp_article_get_title (article),
                                    -1);
}

double
vp_article_view_get_zoom (VpArticleView *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), 1.0);

  return self->zoom;
}

void
vp_article_view_set_zoom (VpArticleView *self,
                          double         zoom)
{
  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));

  zoom = CLAMP (zoom, 0.5, 3.0);
  if (G_APPROX_VALUE (self->zoom, zoom, 0.001))
    return;

  self->zoom = zoom;
  apply_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * vp_article_view_scroll_to_block:
 * @block: a block index of the article
 * @highlight: whether to highlight the block briefly
 *
 * Scrolls so that @block is near the top of the view, and puts the
 * cursor there, so keyboard selection and screen readers start from it.
 */
void
vp_article_view_scroll_to_block (VpArticleView *self,
                                 int            block,
                                 gboolean       highlight)
{
  GtkTextBuffer *buffer;
  const BlockRange *range;
  GtkTextIter iter;

  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));

  if (block < 0 || (guint)block >= self->ranges->len)
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  range = &g_array_index (self->ranges, BlockRange, block);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, range->start);
  gtk_text_buffer_move_mark (buffer, self->jump_mark, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);

  /* A mark, unlike an iter, is scrolled to once the lines are laid out,
   * so this works right after the buffer was filled too. */
  scroll_to_jump_mark (self, 0.0, TRUE, READING_LINE);

  if (highlight)
    start_flash (self, block);
}

/**
 * vp_article_view_scroll_to_fraction:
 * @fraction: from 0 (the beginning) to 1 (the end)
 *
 * Scrolls to that share of the text, counted in characters, as a view
 * that is not laid out can: the place shows once it is.
 */
void
vp_article_view_scroll_to_fraction (VpArticleView *self,
                                    double         fraction)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      (int)(fraction * gtk_text_buffer_get_char_count (buffer)));
  gtk_text_buffer_move_mark (buffer, self->jump_mark, &iter);

  /* The place goes as far down the view as it is down the text, so the
   * beginning is at the top and the end at the bottom. */
  scroll_to_jump_mark (self, 0.0, TRUE, fraction);
}

/**
 * vp_article_view_get_top_block:
 *
 * The block the reader is at: the one at the reading line, a little below
 * the top of the visible area, where a jump puts its target, rather than
 * the half-hidden line at the very top.
 *
 * Returns: a block index, or -1 when there is none
 */
int
vp_article_view_get_top_block (VpArticleView *self)
{
  GdkRectangle visible;
  GtkTextIter iter;

  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), -1);

  if (self->ranges->len == 0)
    return -1;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter,
                                      visible.x, visible.y + visible.height * READING_LINE + 2);

  return MAX (0, block_at_offset (self, gtk_text_iter_get_offset (&iter)));
}

/**
 * vp_article_view_block_is_visible:
 *
 * Returns: whether the start of @block is within the visible area
 */
gboolean
vp_article_view_block_is_visible (VpArticleView *self,
                                  int            block)
{
  GtkTextBuffer *buffer;
  GdkRectangle visible;
  GdkRectangle location;
  GtkTextIter iter;

  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), FALSE);

  if (block < 0 || (guint)block >= self->ranges->len)
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                      g_array_index (self->ranges, BlockRange, block).start);
  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self), &visible);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &iter, &location);

  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

/**
 * vp_article_view_is_highlighted:
 *
 * Returns: whether @block carries the highlight of a jump right now
 */
gboolean
vp_article_view_is_highlighted (VpArticleView *self,
                                int            block)
{
  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), FALSE);

  return block >= 0 && self->flash_block == block;
}

static void
match_iters (VpArticleView     *self,
             const VpTextMatch *match,
             GtkTextIter       *start,
             GtkTextIter       *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const BlockRange *range = &g_array_index (self->ranges, BlockRange, match->block);
  const char *text = vp_article_get_block_text (self->article, match->block);

  gtk_text_buffer_get_iter_at_offset (buffer, start,
                                      range->text_start + char_offset (text, match->start));
  gtk_text_buffer_get_iter_at_offset (buffer, end,
                                      range->text_start + char_offset (text, match->end));
}

/**
 * vp_article_view_set_matches:
 * @matches: (nullable) (element-type VpTextMatch): the matches of a
 *   search in this view's article, or %NULL to clear them
 *
 * Highlights every match.
 */
void
vp_article_view_set_matches (VpArticleView *self,
                             GArray        *matches)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->match_tag, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_match_tag, &start, &end);

  g_array_set_size (self->matches, 0);
  self->current_match = -1;

  if (matches == NULL || self->article == NULL)
    return;

  for (guint i = 0; i < matches->len; i++)
    {
      const VpTextMatch *match = &g_array_index (matches, VpTextMatch, i);

      if (match->block < 0 || (guint)match->block >= self->ranges->len)
        continue;

      g_array_append_val (self->matches, *match);
      match_iters (self, match, &start, &end);
      gtk_text_buffer_apply_tag (buffer, self->match_tag, &start, &end);
    }
}

guint
vp_article_view_get_n_matches (VpArticleView *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), 0);

  return self->matches->len;
}

/**
 * vp_article_view_show_match:
 * @index: the match to make current, or -1 for none
 *
 * Marks one match as the current one, selects it and scrolls to it.
 */
void
vp_article_view_show_match (VpArticleView *self,
                            int            index)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_match_tag, &start, &end);

  if (index < 0 || (guint)index >= self->matches->len)
    {
      self->current_match = -1;
      return;
    }

  self->current_match = index;
  match_iters (self, &g_array_index (self->matches, VpTextMatch, index), &start, &end);
  gtk_text_buffer_apply_tag (buffer, self->current_match_tag, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);

  gtk_text_buffer_move_mark (buffer, self->jump_mark, &start);
  scroll_to_jump_mark (self, 0.1, FALSE, 0.0);
}

/**
 * vp_article_view_set_hidden_actors:
 * @actor_ids: (nullable): the actors whose mentions not to highlight
 *
 * Hides the highlights of some actors, as the actors panel's switches
 * ask; their mentions still count everywhere else.
 */
void
vp_article_view_set_hidden_actors (VpArticleView      *self,
                                   const char * const *actor_ids)
{
  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));

  g_hash_table_remove_all (self->hidden);
  for (guint i = 0; actor_ids != NULL && actor_ids[i] != NULL; i++)
    g_hash_table_add (self->hidden, (gpointer)g_intern_string (actor_ids[i]));

  rebuild_highlights (self);
  schedule_menu_update (self);
}

/**
 * vp_article_view_count_highlights:
 * @actor_id: (nullable): an actor, or %NULL for all of them
 *
 * Returns: how many mentions are highlighted in the body
 */
guint
vp_article_view_count_highlights (VpArticleView *self,
                                  const char    *actor_id)
{
  const char *interned;
  guint count = 0;

  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), 0);

  if (actor_id == NULL)
    return self->highlights->len;

  interned = g_intern_string (actor_id);
  for (guint i = 0; i < self->highlights->len; i++)
    if (g_array_index (self->highlights, Highlight, i).actor == interned)
      count++;

  return count;
}

/**
 * vp_article_view_get_selection_span:
 * @block: (out): the block the selection lies in
 * @start: (out): where it starts in the block's text, in bytes
 * @end: (out): where it ends
 *
 * Returns: whether there is a selection within the text of one block
 */
gboolean
vp_article_view_get_selection_span (VpArticleView *self,
                                    int           *block,
                                    guint         *start,
                                    guint         *end)
{
  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), FALSE);
  g_return_val_if_fail (block != NULL && start != NULL && end != NULL, FALSE);

  return get_selection_span (self, block, start, end);
}

static void
span_iters (VpArticleView *self,
            int            block,
            guint          start,
            guint          end,
            GtkTextIter   *start_iter,
            GtkTextIter   *end_iter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const BlockRange *range = &g_array_index (self->ranges, BlockRange, block);
  const char *text = vp_article_get_block_text (self->article, block);

  gtk_text_buffer_get_iter_at_offset (buffer, start_iter,
                                      range->text_start + char_offset (text, start));
  gtk_text_buffer_get_iter_at_offset (buffer, end_iter,
                                      range->text_start + char_offset (text, end));
}

/**
 * vp_article_view_select_span:
 * @block: a block of the article
 * @start: a byte offset in its text
 * @end: a byte offset in its text, after @start
 *
 * Selects a span of a block's text, as dragging over it would.
 */
void
vp_article_view_select_span (VpArticleView *self,
                             int            block,
                             guint          start,
                             guint          end)
{
  GtkTextIter start_iter, end_iter;

  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));
  g_return_if_fail (block >= 0 && (guint)block < self->ranges->len);

  span_iters (self, block, start, end, &start_iter, &end_iter);
  gtk_text_buffer_select_range (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)),
                                &start_iter, &end_iter);
}

/**
 * vp_article_view_set_context_point:
 * @block: a block of the article
 * @offset: a byte offset in its text
 *
 * Makes the context menu about the mentions at that place, as a right
 * click there does.
 */
void
vp_article_view_set_context_point (VpArticleView *self,
                                   int            block,
                                   guint          offset)
{
  GtkTextIter iter, unused;

  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));
  g_return_if_fail (block >= 0 && (guint)block < self->ranges->len);

  span_iters (self, block, offset, offset, &iter, &unused);
  self->context_offset = gtk_text_iter_get_offset (&iter);
  update_menu (self);
}

/**
 * vp_article_view_get_context_menu:
 *
 * Returns: (transfer none): what the view adds to its context menu, for
 *   the selection and the mentions at the context point
 */
GMenuModel *
vp_article_view_get_context_menu (VpArticleView *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), NULL);

  if (self->menu_idle != 0)
    update_menu (self);

  return G_MENU_MODEL (self->extra_menu);
}

/**
 * vp_article_view_popup_tag_picker:
 *
 * Opens "Tag as…" at the selection: a popover to pick the actor, or to
 * make a new one.
 *
 * Returns: whether the selection holds something to tag
 */
gboolean
vp_article_view_popup_tag_picker (VpArticleView *self)
{
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;
  GtkTextIter start_iter, end_iter;
  GdkRectangle start_rect, end_rect;
  GdkRectangle pointing;
  int block;
  guint start, end;

  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), FALSE);

  if (!get_taggable_span (self, &block, &start, &end))
    return FALSE;

  if (self->picker == NULL)
    {
      self->picker = vp_actor_picker_new ();
      gtk_widget_set_parent (self->picker, GTK_WIDGET (self));
      gtk_popover_set_position (GTK_POPOVER (self->picker), GTK_POS_BOTTOM);
      g_signal_connect_object (self->picker, "picked", G_CALLBACK (picker_picked_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->picker, "create-requested",
                               G_CALLBACK (picker_create_requested_cb), self, G_CONNECT_SWAPPED);
    }

  vp_actor_picker_set_actors (VP_ACTOR_PICKER (self->picker), self->actors);

  self->picker_block = block;
  self->picker_start = start;
  self->picker_end = end;

  shown = dup_shown_selection (self, block, start, end);
  /* Translators: the title of the "Tag as…" popover; %s is the selected text */
  title = g_strdup_printf (_("Tag “%s” as"), shown);
  vp_actor_picker_set_title (VP_ACTOR_PICKER (self->picker), title);

  /* Point at the start of the selection, on its first line. */
  span_iters (self, block, start, end, &start_iter, &end_iter);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &start_iter, &start_rect);
  gtk_text_view_get_iter_location (GTK_TEXT_VIEW (self), &end_iter, &end_rect);
  if (end_rect.y != start_rect.y || end_rect.x <= start_rect.x)
    end_rect.x = start_rect.x + start_rect.width;

  gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         MIN (start_rect.x, end_rect.x), start_rect.y,
                                         &pointing.x, &pointing.y);
  pointing.width = MAX (1, ABS (end_rect.x - start_rect.x));
  pointing.height = start_rect.height;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->picker), &pointing);

  gtk_popover_popup (GTK_POPOVER (self->picker));
  /* It is placed when the view is allocated. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  return TRUE;
}

/**
 * vp_article_view_get_tag_picker:
 *
 * Returns: (transfer none) (nullable): the "Tag as…" popover, once opened
 */
GtkWidget *
vp_article_view_get_tag_picker (VpArticleView *self)
{
  g_return_val_if_fail (VP_IS_ARTICLE_VIEW (self), NULL);

  return self->picker;
}
