/* vp-article-view.c
 *
 * Renders an article's blocks into a read-only text buffer, with a tag per
 * kind of block, one per actor for the mentions, and tags for find
 * matches and the brief highlight of an item the user jumped to.
 *
 * The buffer never changes once built, so a block is found by its
 * character offsets, kept in a sorted array, rather than by marks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-article-view"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vp-actor-palette.h"
#include "vp-article-view.h"
#include "vp-find.h"

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

  GtkTextMark *jump_mark;
  int          flash_block;
  gint64       flash_start;
  guint        flash_tick;
};

enum {
  PROP_0,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
raise_overlay_tags (VpArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  int top = gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1;

  /* Matches and the highlight draw over the actors' colours. */
  gtk_text_tag_set_priority (self->flash_tag, top);
  gtk_text_tag_set_priority (self->match_tag, top);
  gtk_text_tag_set_priority (self->current_match_tag, top);
}

static GtkTextTag *
get_actor_tag (VpArticleView *self,
               VpActorSet    *actors,
               const char    *actor_id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  g_autofree char *name = g_strconcat ("actor:", actor_id, NULL);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  GdkRGBA color;

  if (tag != NULL)
    return tag;

  vp_actor_palette_get_color (actors, actor_id, &color);
  color.alpha = 0.22;
  tag = gtk_text_buffer_create_tag (buffer, name, "background-rgba", &color, NULL);
  raise_overlay_tags (self);

  return tag;
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

static void
apply_mentions (VpArticleView *self,
                VpActorSet    *actors)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  const VpMention *mentions;
  guint n_mentions = 0;

  mentions = vp_article_get_mentions (self->article, &n_mentions);

  for (guint i = 0; i < n_mentions; i++)
    {
      const VpMention *mention = &mentions[i];
      const BlockRange *range;
      const char *text;
      GtkTextIter start, end;

      if (mention->block < 0 || (guint)mention->block >= self->ranges->len)
        continue;

      range = &g_array_index (self->ranges, BlockRange, mention->block);
      text = vp_article_get_block_text (self->article, mention->block);
      if (text == NULL || mention->start >= mention->end)
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start,
                                          range->text_start + char_offset (text, mention->start));
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          range->text_start + char_offset (text, mention->end));
      gtk_text_buffer_apply_tag (buffer, get_actor_tag (self, actors, mention->actor),
                                 &start, &end);
    }
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

  g_clear_object (&self->article);

  G_OBJECT_CLASS (vp_article_view_parent_class)->dispose (object);
}

static void
vp_article_view_finalize (GObject *object)
{
  VpArticleView *self = (VpArticleView *)object;

  g_clear_pointer (&self->ranges, g_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->item_tags, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_article_view_parent_class)->finalize (object);
}

static void
vp_article_view_class_init (VpArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->get_property = vp_article_view_get_property;
  object_class->set_property = vp_article_view_set_property;
  object_class->dispose = vp_article_view_dispose;
  object_class->finalize = vp_article_view_finalize;

  text_view_class->paste_clipboard = vp_article_view_paste_clipboard;

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
  self->zoom = 1.0;
  self->current_match = -1;
  self->flash_block = -1;

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
 * @actors: the actors whose colours the mentions take
 *
 * Shows @article's body. An article is shown once: the view is made for
 * one column and lives as long as it.
 */
void
vp_article_view_set_article (VpArticleView *self,
                             VpArticle     *article,
                             VpActorSet    *actors)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  guint n_blocks;
  gboolean had_lead = FALSE;

  g_return_if_fail (VP_IS_ARTICLE_VIEW (self));
  g_return_if_fail (VP_IS_ARTICLE (article));
  g_return_if_fail (VP_IS_ACTOR_SET (actors));
  g_return_if_fail (self->article == NULL);

  self->article = g_object_ref (article);
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

  apply_mentions (self, actors);
  apply_zoom (self);

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
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->jump_mark,
                                0.0, TRUE, 0.0, READING_LINE);

  if (highlight)
    start_flash (self, block);
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
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), self->jump_mark, 0.1, FALSE, 0.0, 0.0);
}
