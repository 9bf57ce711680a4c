/* vp-outline-layout.c
 *
 * The printed outline. Everything is laid out once, at 72 dpi, into a list
 * of rows (a line of text, a row of actor chips, a row of the comparison
 * table…), which are then cut into pages. Drawing a page only replays the
 * rows placed on it, so the print dialog's cairo context and the command
 * line's PDF surface show exactly the same pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-outline-layout"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "vp-comparison.h"
#include "vp-outline-layout.h"

typedef struct
{
  double r;
  double g;
  double b;
} Rgb;

#define RGB(hex) { (((hex) >> 16) & 0xff) / 255.0, (((hex) >> 8) & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* A restrained palette: near-black text, one navy accent for structure,
 * greys for what is secondary, amber only for notes. */
static const Rgb ink = RGB (0x1b1d21);
static const Rgb accent = RGB (0x1f3b5a);
static const Rgb muted = RGB (0x5b6470);
static const Rgb faint = RGB (0xa3aab3);
static const Rgb rule_color = RGB (0xc7ccd3);
static const Rgb zebra = RGB (0xf2f4f7);
static const Rgb note_bar = RGB (0xc77c02);
static const Rgb note_tint = RGB (0xfbf1de);
static const Rgb white = RGB (0xffffff);

typedef enum
{
  STYLE_RUNNING,      /* running header and footer */
  STYLE_KICKER,       /* "ARTICLE 2 OF 3" above a title */
  STYLE_DOC_TITLE,    /* the comparison page's title */
  STYLE_TITLE,
  STYLE_BYLINE,
  STYLE_SOURCE,
  STYLE_HEADING,
  STYLE_LEAD_IN,
  STYLE_CAPTION,
  STYLE_NOTE,
  STYLE_LABEL,
  STYLE_BODY,
  STYLE_CHIP,
  STYLE_TABLE_HEAD,
  STYLE_TABLE_TITLE,
  STYLE_TABLE_META,
  STYLE_TABLE_NUMBER,
  STYLE_TABLE_TOTAL,
  N_STYLES
} StyleId;

/* Generic fontconfig families, so that the same code finds DejaVu on a
 * bare Debian and whatever the user's system prefers elsewhere. Sizes are
 * points, which the 72 dpi context makes exact. */
static const struct
{
  const char *font;
  double      line_spacing;  /* factor; 0 for the font's own */
} styles[N_STYLES] = {
  [STYLE_RUNNING]      = { "Sans 7.5", 0 },
  [STYLE_KICKER]       = { "Sans Bold 7.5", 0 },
  [STYLE_DOC_TITLE]    = { "Serif Bold 22", 1.1 },
  [STYLE_TITLE]        = { "Serif Bold 19", 1.1 },
  [STYLE_BYLINE]       = { "Sans 9", 1.2 },
  [STYLE_SOURCE]       = { "Sans 7.5", 1.2 },
  [STYLE_HEADING]      = { "Sans Bold 11.5", 1.15 },
  [STYLE_LEAD_IN]      = { "Serif Italic 10.5", 1.3 },
  [STYLE_CAPTION]      = { "Sans 8", 1.3 },
  [STYLE_NOTE]         = { "Sans 8.5", 1.25 },
  [STYLE_LABEL]        = { "Sans Bold 9.5", 0 },
  [STYLE_BODY]         = { "Serif 10.5", 1.3 },
  [STYLE_CHIP]         = { "Sans Bold 7", 0 },
  [STYLE_TABLE_HEAD]   = { "Sans 7", 0 },
  [STYLE_TABLE_TITLE]  = { "Serif Bold 9.5", 1.15 },
  [STYLE_TABLE_META]   = { "Sans 7.5", 1.15 },
  [STYLE_TABLE_NUMBER] = { "Sans 9.5", 0 },
  [STYLE_TABLE_TOTAL]  = { "Sans Bold 9.5", 0 },
};

typedef enum
{
  DIR_LTR,
  DIR_RTL,
  DIR_AUTO,   /* each paragraph by its first strong character */
} Dir;

typedef enum
{
  OP_LINE,    /* one line of a layout, at its baseline */
  OP_LAYOUT,  /* a whole layout, at its top left */
  OP_CHIP,    /* a rounded box with a layout in it */
  OP_RULE,    /* a horizontal line */
  OP_RECT,    /* a filled rectangle */
} OpKind;

/* One drawing operation. x is from the page's left edge, y from the top
 * of the row that holds it. */
typedef struct
{
  OpKind           kind;
  double           x;
  double           y;
  double           width;
  double           height;
  double           text_x;   /* OP_CHIP: where its label goes, from x, y */
  double           text_y;
  Rgb              color;    /* text, fill or line */
  Rgb              stroke;   /* OP_CHIP: the outline */
  PangoLayout     *layout;
  PangoLayoutLine *line;
} Op;

/* A horizontal band of the document that is never cut: pages break only
 * between rows. */
typedef struct
{
  GArray *ops;
  double  height;
  double  space_before;     /* dropped when the row starts a page */
  guint   keep_with_next : 1;
  guint   new_page : 1;
  int     part;             /* the article, or -1 for the comparison */
  int     repeat_first;     /* table header rows to repeat above this row */
  guint   repeat_n;         /*   when it starts a page; -1 for none */
} Row;

typedef struct
{
  guint  row;
  double y;
} Placement;

typedef struct
{
  guint first;   /* into placements */
  guint n;
  int   part;
} Page;

struct _VpOutlineLayout
{
  GObject                parent_instance;

  GPtrArray             *articles;
  VpActorSet            *actors;
  char                  *title;
  VpComparison          *comparison;    /* the reader's, or NULL */

  double                 page_width;
  double                 page_height;
  double                 margin_top;
  double                 margin_bottom;
  double                 margin_left;
  double                 margin_right;

  PangoContext          *context;       /* left to right */
  PangoContext          *rtl_context;   /* right to left */
  PangoFontDescription  *fonts[N_STYLES];

  GArray                *rows;          /* of Row */
  GArray                *placements;    /* of Placement */
  GArray                *pages;         /* of Page */
  GArray                *article_pages; /* of int, one per article */
  GHashTable            *chip_layouts;  /* actor id → PangoLayout */
  double                 header_band;
  double                 footer_band;
  gboolean               dirty;
};

G_DEFINE_FINAL_TYPE (VpOutlineLayout, vp_outline_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ACTORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
op_clear (gpointer data)
{
  Op *op = data;

  g_clear_pointer (&op->line, pango_layout_line_unref);
  g_clear_object (&op->layout);
}

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->ops, g_array_unref);
}

/* Layout */

static PangoContext *
create_context (PangoDirection direction)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* 72 dpi, so that a point is a unit: GtkPrintContext works at 72, and
   * pango-cairo's default of 96 would make every font a third larger on
   * the PDF surface than in the print preview. */
  pango_cairo_context_set_resolution (context, 72.0);

  /* Metrics that do not depend on the device, and positions that are not
   * rounded to whole points: the pages must break at the same lines on
   * paper, in the preview and in the PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_context_set_base_dir (context, direction);

  cairo_font_options_destroy (options);

  return context;
}

static PangoLayout *
make_layout (VpOutlineLayout *self,
             StyleId          style,
             const char      *text,
             double           width,
             Dir              dir,
             PangoAlignment   align)
{
  PangoLayout *layout = pango_layout_new (dir == DIR_RTL ? self->rtl_context : self->context);

  pango_layout_set_font_description (layout, self->fonts[style]);
  /* An article's paragraphs all take the article's direction, as its page
   * declared; the document's own words follow their translation. */
  pango_layout_set_auto_dir (layout, dir == DIR_AUTO);
  pango_layout_set_alignment (layout, align);
  if (styles[style].line_spacing > 0)
    pango_layout_set_line_spacing (layout, styles[style].line_spacing);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

/* The alignment at the start of a line in @dir. */
static PangoAlignment
start_align (Dir dir)
{
  return dir == DIR_RTL ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static PangoAlignment
end_align (Dir dir)
{
  return dir == DIR_RTL ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.height);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.width);
}

static double
layout_baseline (PangoLayout *layout)
{
  return pango_units_to_double (pango_layout_get_baseline (layout));
}

static void
parse_color (const char *color,
             Rgb        *rgb)
{
  guint value;

  if (!vp_actor_color_is_valid (color))
    color = VP_ACTOR_DEFAULT_COLOR;

  value = (guint)g_ascii_strtoull (color + 1, NULL, 16);
  rgb->r = ((value >> 16) & 0xff) / 255.0;
  rgb->g = ((value >> 8) & 0xff) / 255.0;
  rgb->b = (value & 0xff) / 255.0;
}

static double
linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance: how light a colour looks on screen. */
static double
luminance (const Rgb *c)
{
  return 0.2126 * linear (c->r) + 0.7152 * linear (c->g) + 0.0722 * linear (c->b);
}

/* How light a colour prints in black and white: printers and viewers
 * take the gamma-encoded luma (Rec. 601), which puts greens and blues
 * darker than the eye sees them in colour. */
static double
grey_luminance (const Rgb *c)
{
  return linear (0.299 * c->r + 0.587 * c->g + 0.114 * c->b);
}

static double
contrast (double a,
          double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* White or ink, whichever reads better on @background both in colour and
 * printed in greyscale: the worse of its two contrasts decides. */
static Rgb
contrasting_text (const Rgb *background)
{
  double l = luminance (background);
  double grey = grey_luminance (background);
  double ink_l = luminance (&ink);
  double on_white = MIN (contrast (1.0, l), contrast (1.0, grey));
  double on_ink = MIN (contrast (ink_l, l), contrast (ink_l, grey));

  return on_white >= on_ink ? white : ink;
}

/* The chip's outline: a darker shade of its fill, so that a pale chip
 * still has an edge on white paper and in greyscale. */
static Rgb
darker (const Rgb *c)
{
  Rgb d = { c->r * 0.62, c->g * 0.62, c->b * 0.62 };

  return d;
}

/* Articles */

static VpArticle *
get_article (VpOutlineLayout *self,
             guint            i)
{
  return g_ptr_array_index (self->articles, i);
}

static VpOutlineSection *
get_section (VpArticle *article,
             guint      i)
{
  g_autoptr(VpOutlineSection) section = g_list_model_get_item (vp_article_get_sections (article), i);

  /* The article's list keeps its own reference. */
  return section;
}

static gboolean
is_rtl_script (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC:
    case G_UNICODE_SCRIPT_ADLAM:
      return TRUE;

    default:
      return FALSE;
    }
}

/* The direction of the first letter of @text, or DIR_AUTO when it has
 * none. */
static Dir
text_direction (const char *text)
{
  if (text == NULL)
    return DIR_AUTO;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return is_rtl_script (c) ? DIR_RTL : DIR_LTR;
    }

  return DIR_AUTO;
}

/* The direction the article's page declared, or else the direction of its
 * first words: a copied Persian text says nothing but is still Persian. */
static Dir
article_direction (VpArticle *article)
{
  Dir dir;

  switch (vp_article_get_direction (article))
    {
    case VP_TEXT_DIRECTION_RTL:
      return DIR_RTL;

    case VP_TEXT_DIRECTION_LTR:
      return DIR_LTR;

    case VP_TEXT_DIRECTION_NONE:
    default:
      break;
    }

  dir = text_direction (vp_article_get_title (article));
  for (guint i = 0; dir == DIR_AUTO && i < vp_article_get_n_blocks (article); i++)
    dir = text_direction (vp_article_get_block (article, i)->text);

  return dir == DIR_RTL ? DIR_RTL : DIR_LTR;
}

static const char *
article_title (VpArticle *article)
{
  const char *title = vp_article_get_title (article);

  return title != NULL && *title != '\0' ? title : _("Untitled");
}

/* "2025-02-11" as "11 February 2025", in the reader's language. */
static char *
format_date (const char *published)
{
  g_autoptr(GDateTime) date = NULL;
  int year;
  int month;
  int day;

  if (sscanf (published, "%4d-%2d-%2d", &year, &month, &day) == 3)
    date = g_date_time_new_utc (year, month, day, 0, 0, 0);

  if (date == NULL)
    return g_strdup (published);

  /* Translators: how an article's date of publication is printed in an
   * exported outline; see g_date_time_format() for the codes */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* "By Ann Lee and Bo Kim · for The Ledger · Site · 11 February 2025" */
static char *
format_byline (VpArticle *article)
{
  const char * const *authors = vp_article_get_authors (article);
  const char *outlet = vp_article_get_outlet (article);
  const char *site = vp_article_get_site (article);
  const char *published = vp_article_get_published (article);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (authors[0] != NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n = g_strv_length ((char **)authors);

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (names, i == n - 1 ? _(" and ") : ", ");
          g_string_append (names, authors[i]);
        }

      /* Translators: the authors of an article, as in "By Ann Lee and Bo Kim" */
      g_ptr_array_add (parts, g_strdup_printf (_("By %s"), names->str));
    }
  if (outlet != NULL)
    /* Translators: the publication an article was written for */
    g_ptr_array_add (parts, g_strdup_printf (_("for %s"), outlet));
  if (site != NULL && g_strcmp0 (site, outlet) != 0)
    g_ptr_array_add (parts, g_strdup (site));
  if (published != NULL)
    g_ptr_array_add (parts, format_date (published));

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);

  return g_strjoinv (" · ", (char **)parts->pdata);
}

static char *
count_note (VpOutlineSection *section)
{
  guint found = vp_outline_section_get_n_items (section);
  int expected = vp_outline_section_get_expected_count (section);

  /* Translators: the lead-in of a list says how many points follow, and
   * the list has another number of points */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The lead-in announces %d point; %u found.",
                                       "The lead-in announces %d points; %u found.",
                                       expected),
                          expected, found);
}

/* The enabled actors, in the set's order. */
static GPtrArray *
enabled_actors (VpOutlineLayout *self)
{
  GPtrArray *enabled = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->actors != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->actors)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actors), i);

      if (vp_actor_get_enabled (actor))
        g_ptr_array_add (enabled, g_steal_pointer (&actor));
    }

  return enabled;
}

/* Rows */

typedef struct
{
  VpOutlineLayout *self;
  double           left;      /* the text block, in page coordinates */
  double           width;
  Dir              dir;
  int              part;
  gboolean         new_page;  /* the next row starts a page */
} Flow;

static Row *
flow_add_row (Flow   *flow,
              double  height,
              double  space_before)
{
  Row row = { 0 };

  row.ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (row.ops, op_clear);
  row.height = height;
  row.space_before = space_before;
  row.new_page = flow->new_page;
  row.part = flow->part;
  row.repeat_first = -1;
  flow->new_page = FALSE;

  g_array_append_val (flow->self->rows, row);

  return &g_array_index (flow->self->rows, Row, flow->self->rows->len - 1);
}

static Row *
flow_last_row (Flow *flow)
{
  GArray *rows = flow->self->rows;

  return rows->len > 0 ? &g_array_index (rows, Row, rows->len - 1) : NULL;
}

static void
flow_keep_with_next (Flow *flow)
{
  Row *last = flow_last_row (flow);

  if (last != NULL)
    last->keep_with_next = TRUE;
}

static Op *
row_add_op (Row    *row,
            OpKind  kind,
            double  x,
            double  y)
{
  Op op = { 0 };

  op.kind = kind;
  op.x = x;
  op.y = y;
  g_array_append_val (row->ops, op);

  return &g_array_index (row->ops, Op, row->ops->len - 1);
}

static void
row_add_layout (Row         *row,
                PangoLayout *layout,
                double       x,
                double       y,
                const Rgb   *color)
{
  Op *op = row_add_op (row, OP_LAYOUT, x, y);

  op->layout = g_object_ref (layout);
  op->color = *color;
}

static void
row_add_rect (Row       *row,
              double     x,
              double     y,
              double     width,
              double     height,
              const Rgb *color)
{
  Op *op = row_add_op (row, OP_RECT, x, y);

  op->width = width;
  op->height = height;
  op->color = *color;
}

static void
row_add_rule (Row       *row,
              double     x,
              double     y,
              double     width,
              double     thickness,
              const Rgb *color)
{
  Op *op = row_add_op (row, OP_RULE, x, y);

  op->width = width;
  op->height = thickness;
  op->color = *color;
}

typedef struct
{
  gboolean     together;   /* never break between the lines */
  gboolean     with_next;  /* never break after the last line */
  PangoLayout *label;      /* drawn beside the first line, baselines aligned */
  double       label_x;
  const Rgb   *bar;        /* a bar beside every line, for notes */
  double       bar_x;
  const Rgb   *tint;       /* a box behind the lines, for notes */
  double       tint_x;
  double       tint_width;
  double       tint_pad;   /* how far the box reaches above and below */
} LinesOptions;

/* Adds one row per line of @layout, whose box starts at @x. Pages may break
 * between lines, except after the first or before the last (no line is
 * left alone at the foot or head of a page), or anywhere when @together. */
static void
flow_add_lines (Flow               *flow,
                PangoLayout        *layout,
                double              x,
                double              space_before,
                const Rgb          *color,
                const LinesOptions *options)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int n_lines = pango_layout_get_line_count (layout);
  double total = layout_height (layout);

  for (int i = 0; i < n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double top;
      double bottom;
      double baseline;
      Row *row;
      Op *op;
      int y0;
      int y1;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      top = pango_units_to_double (y0);

      /* Rows tile the layout exactly, line spacing included. */
      if (pango_layout_iter_next_line (iter))
        {
          int next_y0;

          pango_layout_iter_get_line_yrange (iter, &next_y0, NULL);
          bottom = pango_units_to_double (next_y0);
        }
      else
        bottom = MAX (total, pango_units_to_double (y1));

      row = flow_add_row (flow, bottom - top, i == 0 ? space_before : 0);
      row->keep_with_next = options->together ? i < n_lines - 1
                                              : (i == 0 || i == n_lines - 2) && n_lines > 1;
      if (i == n_lines - 1 && options->with_next)
        row->keep_with_next = TRUE;

      if (options->tint != NULL)
        {
          double above = i == 0 ? options->tint_pad : 0;
          double below = i == n_lines - 1 ? options->tint_pad : 0;

          row_add_rect (row, options->tint_x, -above, options->tint_width,
                        bottom - top + above + below, options->tint);
        }
      if (options->bar != NULL)
        {
          double above = i == 0 ? options->tint_pad : 0;
          double below = i == n_lines - 1 ? options->tint_pad : 0;

          row_add_rect (row, options->bar_x, -above, 2.0, bottom - top + above + below,
                        options->bar);
        }

      op = row_add_op (row, OP_LINE, x + pango_units_to_double (logical.x), baseline - top);
      op->layout = g_object_ref (layout);
      op->line = pango_layout_line_ref (line);
      op->color = *color;

      if (i == 0 && options->label != NULL)
        row_add_layout (row, options->label, options->label_x,
                        baseline - top - layout_baseline (options->label), color);
    }

  pango_layout_iter_free (iter);
}

/* A paragraph across the flow, indented by @start and @end (in the
 * article's direction). Returns the x of its box. */
static double
flow_add_paragraph (Flow               *flow,
                    StyleId             style,
                    const char         *text,
                    double              start,
                    double              end,
                    double              space_before,
                    const Rgb          *color,
                    const LinesOptions *options)
{
  VpOutlineLayout *self = flow->self;
  double width = flow->width - start - end;
  double x = flow->left + (flow->dir == DIR_RTL ? end : start);
  g_autoptr(PangoLayout) layout = make_layout (self, style, text, width, flow->dir,
                                               start_align (flow->dir));
  LinesOptions none = { 0 };

  flow_add_lines (flow, layout, x, space_before, color, options != NULL ? options : &none);

  return x;
}

static PangoLayout *
chip_layout (VpOutlineLayout *self,
             const char      *text)
{
  PangoLayout *layout = g_hash_table_lookup (self->chip_layouts, text);

  /* The same few names recur on every page: shape each once. */
  if (layout == NULL)
    {
      layout = make_layout (self, STYLE_CHIP, text, -1, DIR_AUTO, PANGO_ALIGN_LEFT);
      g_hash_table_insert (self->chip_layouts, g_strdup (text), layout);
    }

  return layout;
}

#define CHIP_PAD_X   4.0
#define CHIP_PAD_Y   1.9
#define CHIP_GAP     4.0
#define CHIP_ROW_GAP 3.5
#define CHIP_RADIUS  2.5

static double
chip_height (VpOutlineLayout *self)
{
  return layout_height (chip_layout (self, "Ag")) + 2 * CHIP_PAD_Y;
}

/* Adds a chip of @text in @actor_color at (@x, @y) of @row, no wider than
 * @max_width if that is positive (the name is then ellipsized); returns
 * its width. With @measure_only, only measures. */
static double
row_add_chip (Row             *row,
              VpOutlineLayout *self,
              const char      *text,
              const char      *actor_color,
              double           x,
              double           y,
              double           max_width,
              gboolean         measure_only)
{
  g_autoptr(PangoLayout) layout = g_object_ref (chip_layout (self, text));
  double width = layout_width (layout) + 2 * CHIP_PAD_X;
  Rgb fill;
  Op *op;

  if (max_width > 0 && width > max_width)
    {
      g_clear_object (&layout);
      layout = make_layout (self, STYLE_CHIP, text, max_width - 2 * CHIP_PAD_X, DIR_AUTO,
                            PANGO_ALIGN_LEFT);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      width = layout_width (layout) + 2 * CHIP_PAD_X;
    }

  if (measure_only)
    return width;

  parse_color (actor_color, &fill);
  op = row_add_op (row, OP_CHIP, x, y);
  op->width = width;
  op->height = chip_height (self);
  op->text_x = CHIP_PAD_X;
  op->text_y = CHIP_PAD_Y;
  op->color = fill;
  op->stroke = darker (&fill);
  op->layout = g_object_ref (layout);

  return width;
}

/* Chips for @ids, flowed like words from @start (in the article's
 * direction), wrapping onto new rows. With @counts, each chip also shows
 * a number. */
static void
flow_add_chips (Flow               *flow,
                const char * const *ids,
                const guint        *counts,
                double              start,
                double              space_before)
{
  VpOutlineLayout *self = flow->self;
  double available = flow->width - start;
  double height = chip_height (self);
  double cursor = 0;
  Row *row = NULL;

  for (guint i = 0; ids[i] != NULL; i++)
    {
      VpActor *actor = self->actors != NULL ? vp_actor_set_lookup (self->actors, ids[i]) : NULL;
      const char *name = actor != NULL ? vp_actor_get_name (actor) : ids[i];
      const char *color = actor != NULL ? vp_actor_get_color (actor) : VP_ACTOR_DEFAULT_COLOR;
      g_autofree char *text = counts != NULL ? g_strdup_printf ("%s  %u", name, counts[i])
                                             : g_strdup (name);
      double width = row_add_chip (NULL, self, text, color, 0, 0, available, TRUE);
      double x;

      if (row == NULL || (cursor > 0 && cursor + width > available))
        {
          /* Chips belong to the text above them. */
          flow_keep_with_next (flow);
          row = flow_add_row (flow, height + CHIP_ROW_GAP, row == NULL ? space_before : 0);
          cursor = 0;
        }

      if (flow->dir == DIR_RTL)
        x = flow->left + flow->width - start - cursor - width;
      else
        x = flow->left + start + cursor;

      row_add_chip (row, self, text, color, x, CHIP_ROW_GAP / 2, available, FALSE);
      cursor += width + CHIP_GAP;
    }
}

static char *
item_label (VpOutlineItem *item)
{
  const char *label = vp_outline_item_get_label (item);

  return label != NULL ? g_strdup_printf ("%s.", label) : g_strdup ("•");
}

/* The widest label of @item and its children. */
static double
measure_labels (VpOutlineLayout *self,
                PangoLayout     *scratch,
                VpOutlineItem   *item)
{
  g_autofree char *label = item_label (item);
  guint n_children = vp_outline_item_get_n_children (item);
  double widest;

  pango_layout_set_text (scratch, label, -1);
  widest = layout_width (scratch);

  for (guint i = 0; i < n_children; i++)
    widest = MAX (widest, measure_labels (self, scratch, vp_outline_item_get_child (item, i)));

  return widest;
}

#define LABEL_GAP        6.0
#define LABEL_MIN_WIDTH 12.0

/* An item: its label hangs in a column of @label_width at @start, its text
 * follows, its actors' chips sit under the text, and its children are
 * indented to its text. */
static void
flow_add_item (Flow          *flow,
               VpOutlineItem *item,
               double         start,
               double         label_width,
               double         space_before)
{
  VpOutlineLayout *self = flow->self;
  g_autofree char *label_text = item_label (item);
  g_autoptr(PangoLayout) label = NULL;
  const char * const *actors = vp_outline_item_get_actors (item);
  guint n_children = vp_outline_item_get_n_children (item);
  double text_start = start + label_width + LABEL_GAP;
  LinesOptions options = { 0 };

  /* Labels line up on their inner edge, against the text. */
  label = make_layout (self, STYLE_LABEL, label_text, label_width, flow->dir, end_align (flow->dir));
  options.label = label;
  options.label_x = flow->dir == DIR_RTL ? flow->left + flow->width - start - label_width
                                         : flow->left + start;
  options.with_next = actors[0] != NULL;

  flow_add_paragraph (flow, STYLE_BODY, vp_outline_item_get_text (item), text_start, 0,
                      space_before, &ink, &options);

  if (actors[0] != NULL)
    flow_add_chips (flow, actors, NULL, text_start, 2.0);

  for (guint i = 0; i < n_children; i++)
    flow_add_item (flow, vp_outline_item_get_child (item, i), text_start, label_width, 3.0);
}

static void
flow_add_items (Flow       *flow,
                GListModel *items,
                double      space_before)
{
  VpOutlineLayout *self = flow->self;
  guint n_items = g_list_model_get_n_items (items);
  g_autoptr(PangoLayout) scratch = make_layout (self, STYLE_LABEL, "", -1, flow->dir,
                                                PANGO_ALIGN_LEFT);
  double label_width = LABEL_MIN_WIDTH;

  /* One label column per list, as wide as its widest label. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpOutlineItem) item = g_list_model_get_item (items, i);

      label_width = MAX (label_width, measure_labels (self, scratch, item));
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(VpOutlineItem) item = g_list_model_get_item (items, i);

      flow_add_item (flow, item, 0, ceil (label_width), i == 0 ? space_before : 7.0);
    }
}

/* A heading is never the last thing on a page. */
static void
flow_add_heading (Flow       *flow,
                  const char *text,
                  double      space_before)
{
  LinesOptions options = { .together = TRUE, .with_next = TRUE };

  flow_add_paragraph (flow, STYLE_HEADING, text, 0, 0, space_before, &accent, &options);
}

#define NOTE_PAD 3.0

/* A remark about the outline, in a tinted box with a bar at its start.
 * Returns the space the box takes below its last line. */
static double
flow_add_note (Flow       *flow,
               const char *text,
               double      space_before)
{
  VpOutlineLayout *self = flow->self;
  LinesOptions options = { .with_next = TRUE, .bar = &note_bar, .tint = &note_tint };
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double indent = 9.0;
  double box;
  double x;

  /* Translators: printed before a remark about an article's outline */
  markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Note:"), text);
  layout = make_layout (self, STYLE_NOTE, "", flow->width - 2 * indent, flow->dir,
                        start_align (flow->dir));
  pango_layout_set_markup (layout, markup, -1);

  /* The box fits the text, like a margin note, not the whole column. */
  box = MIN (flow->width, layout_width (layout) + 2 * indent);
  options.tint_pad = NOTE_PAD;
  options.tint_width = box;
  if (flow->dir == DIR_RTL)
    {
      options.tint_x = flow->left + flow->width - box;
      options.bar_x = flow->left + flow->width - 2.0;
      x = flow->left + indent;
    }
  else
    {
      options.tint_x = flow->left;
      options.bar_x = flow->left;
      x = flow->left + indent;
    }

  flow_add_lines (flow, layout, x, space_before + NOTE_PAD, &muted, &options);

  return NOTE_PAD;
}

static void
add_article (VpOutlineLayout *self,
             guint            index)
{
  VpArticle *article = get_article (self, index);
  GListModel *sections = vp_article_get_sections (article);
  GListModel *recommendations = vp_article_get_recommendations (article);
  guint n_sections = g_list_model_get_n_items (sections);
  guint n_recommendations = g_list_model_get_n_items (recommendations);
  g_autofree char *byline = format_byline (article);
  g_autofree char *source = NULL;
  g_autoptr(GPtrArray) actors = enabled_actors (self);
  g_autoptr(GPtrArray) mentioned = g_ptr_array_new ();
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  LinesOptions keep = { .together = TRUE, .with_next = TRUE };
  LinesOptions with_next = { .with_next = TRUE };
  Flow flow = { 0 };
  Row *row;

  flow.self = self;
  flow.left = self->margin_left;
  flow.width = self->page_width - self->margin_left - self->margin_right;
  flow.dir = article_direction (article);
  flow.part = index;
  flow.new_page = TRUE;

  /* The title block stays on one page with the start of the outline. */
  if (self->articles->len > 1)
    {
      /* Translators: printed above each article's title in an exported
       * comparison, as in "Article 2 of 3" */
      g_autofree char *kicker = g_strdup_printf (_("Article %u of %u"), index + 1,
                                                 self->articles->len);
      g_autofree char *upper = g_utf8_strup (kicker, -1);

      flow_add_paragraph (&flow, STYLE_KICKER, upper, 0, 0, 0, &accent, &keep);
    }

  flow_add_paragraph (&flow, STYLE_TITLE, article_title (article), 0, 0, 4.0, &ink, &keep);
  if (byline != NULL)
    flow_add_paragraph (&flow, STYLE_BYLINE, byline, 0, 0, 8.0, &muted, &keep);

  /* Translators: where an article was read from, followed by its file name */
  source = g_strdup_printf (_("Source: %s"), vp_article_get_source (article));
  flow_add_paragraph (&flow, STYLE_SOURCE, source, 0, 0, 2.0, &muted, &keep);

  row = flow_add_row (&flow, 14.0, 0);
  row->keep_with_next = TRUE;
  row_add_rule (row, flow.left, 8.0, flow.width, 0.8, &accent);

  if (n_sections == 0 && n_recommendations == 0)
    flow_add_paragraph (&flow, STYLE_LEAD_IN, _("No enumerated points were found in this article."),
                        0, 0, 8.0, &muted, NULL);

  for (guint i = 0; i < n_sections; i++)
    {
      VpOutlineSection *section = get_section (article, i);
      const char *heading = vp_outline_section_get_heading (section);
      const char *lead_in = vp_outline_section_get_lead_in (section);
      double space = i == 0 ? 8.0 : 20.0;

      if (heading != NULL)
        {
          flow_add_heading (&flow, heading, space);
          space = 4.0;
        }
      if (lead_in != NULL)
        {
          flow_add_paragraph (&flow, STYLE_LEAD_IN, lead_in, 0, 0, space, &ink, &with_next);
          space = 9.0;
        }
      if (vp_outline_section_count_differs (section))
        {
          g_autofree char *note = count_note (section);

          space = flow_add_note (&flow, note, MIN (space, 6.0)) + 8.0;
        }

      flow_add_items (&flow, vp_outline_section_get_items (section), space);
    }

  if (n_recommendations > 0)
    {
      flow_add_heading (&flow, _("Recommendations"), n_sections > 0 ? 20.0 : 6.0);
      flow_add_paragraph (&flow, STYLE_CAPTION,
                          _("Sentences in the article’s prose that call for action."),
                          0, 0, 3.0, &muted, &with_next);
      flow_add_items (&flow, recommendations, 7.0);
    }

  /* How often each actor is named, for readers of a single article who
   * have no comparison page. */
  for (guint i = 0; i < actors->len; i++)
    {
      const char *id = vp_actor_get_id (g_ptr_array_index (actors, i));
      guint count = vp_article_count_mentions (article, id);

      if (count > 0)
        {
          g_ptr_array_add (mentioned, (gpointer)id);
          g_array_append_val (counts, count);
        }
    }

  if (mentioned->len > 0)
    {
      g_ptr_array_add (mentioned, NULL);
      flow_add_paragraph (&flow, STYLE_CAPTION, _("Mentions of each actor in the article"),
                          0, 0, 22.0, &muted, &with_next);
      flow_add_chips (&flow, (const char * const *)mentioned->pdata,
                      (const guint *)(gpointer)counts->data, 0, 3.0);
    }
}

/* The comparison table: one row per article, and for each actor the
 * number of its mentions and of the proposals involving it. When the
 * actors do not fit across the page, the table is repeated with the next
 * ones. */

#define CELL_PAD 5.0

typedef struct
{
  double x;
  double width;
} Column;

/* A number, right-aligned in @column, on the baseline @baseline. */
static void
add_table_cell_number (Row             *row,
                       VpOutlineLayout *self,
                       StyleId          style,
                       guint            value,
                       const Column    *column,
                       double           baseline,
                       gboolean         emphasis)
{
  char text[16];
  g_autoptr(PangoLayout) layout = NULL;

  g_snprintf (text, sizeof text, "%u", value);
  layout = make_layout (self, style, text, column->width - 2 * CELL_PAD, DIR_LTR,
                        PANGO_ALIGN_RIGHT);
  row_add_layout (row, layout, column->x + CELL_PAD, baseline - layout_baseline (layout),
                  value == 0 ? &faint : emphasis ? &accent : &ink);
}

static void
add_table (VpOutlineLayout *self,
           Flow            *flow,
           GPtrArray       *actors,
           guint            first_actor,
           guint            n_actors,
           double           actor_width)
{
  double sub = actor_width / 2;
  double title_width = flow->width - n_actors * actor_width;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));
  g_autofree guint *mention_totals = g_new0 (guint, n_actors);
  g_autofree guint *proposal_totals = g_new0 (guint, n_actors);
  g_autoptr(PangoLayout) article_head = NULL;
  g_autofree char *last_number = g_strdup_printf ("%u", self->articles->len);
  g_autoptr(PangoLayout) widest = make_layout (self, STYLE_TABLE_NUMBER, last_number, -1, DIR_LTR,
                                               PANGO_ALIGN_LEFT);
  double index_col = MAX (16.0, ceil (layout_width (widest)) + 2.0 + 6.0);
  double chip_h = chip_height (self);
  double head_h;
  int header_first;
  Row *row;

  /* Two columns per actor: mentions, then proposals. */
  for (guint i = 0; i < n_actors * 2; i++)
    {
      Column column = { flow->left + title_width + i * sub, sub };

      g_array_append_val (columns, column);
    }

  header_first = flow->self->rows->len;
  row = flow_add_row (flow, chip_h + 4.0, 16.0);
  row->keep_with_next = TRUE;
  for (guint i = 0; i < n_actors; i++)
    {
      VpActor *actor = g_ptr_array_index (actors, first_actor + i);
      double x = flow->left + title_width + i * actor_width;
      double width = row_add_chip (NULL, self, vp_actor_get_name (actor), NULL, 0, 0,
                                   actor_width - 4.0, TRUE);

      /* Centred over its two columns. */
      row_add_chip (row, self, vp_actor_get_name (actor), vp_actor_get_color (actor),
                    x + MAX (0, (actor_width - width) / 2), 0, actor_width - 4.0, FALSE);
    }

  /* Translators: a column of the comparison table: the articles compared */
  article_head = make_layout (self, STYLE_TABLE_HEAD, _("Article"), title_width, DIR_AUTO,
                              PANGO_ALIGN_LEFT);
  head_h = layout_height (article_head);
  row = flow_add_row (flow, head_h + 6.0, 0);
  row->keep_with_next = TRUE;
  row_add_layout (row, article_head, flow->left + index_col, 0, &muted);
  for (guint i = 0; i < n_actors * 2; i++)
    {
      const Column *column = &g_array_index (columns, Column, i);
      /* Translators: columns of the comparison table: how often an actor
       * is named in an article, and how many of its enumerated proposals
       * involve the actor. Keep them short. */
      const char *text = i % 2 == 0 ? _("Mentions") : _("Proposals");
      g_autoptr(PangoLayout) layout = make_layout (self, STYLE_TABLE_HEAD, text,
                                                   column->width - CELL_PAD, DIR_AUTO,
                                                   PANGO_ALIGN_RIGHT);

      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      row_add_layout (row, layout, column->x, 0, &muted);
    }
  row_add_rule (row, flow->left, head_h + 5.0, flow->width, 0.8, &accent);

  for (guint a = 0; a < self->articles->len; a++)
    {
      VpArticle *article = get_article (self, a);
      g_autofree char *number = g_strdup_printf ("%u", a + 1);
      g_autofree char *byline = format_byline (article);
      g_autoptr(PangoLayout) index = make_layout (self, STYLE_TABLE_NUMBER, number, index_col - 6.0,
                                                  DIR_LTR, PANGO_ALIGN_RIGHT);
      g_autoptr(PangoLayout) title = make_layout (self, STYLE_TABLE_TITLE, article_title (article),
                                                  title_width - index_col - CELL_PAD, DIR_AUTO,
                                                  PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) meta = NULL;
      double height = CELL_PAD + layout_height (title);

      if (byline != NULL)
        {
          meta = make_layout (self, STYLE_TABLE_META, byline, title_width - index_col - CELL_PAD,
                              DIR_AUTO, PANGO_ALIGN_LEFT);
          height += 1.5 + layout_height (meta);
        }
      height += CELL_PAD;

      /* A short table stays whole; a long one leaves no row alone under
       * its header or above its totals. */
      row = flow_add_row (flow, height, 0);
      row->repeat_first = header_first;
      row->repeat_n = 2;
      row->keep_with_next = self->articles->len <= 6 || a == 0 || a + 2 >= self->articles->len;
      if (a % 2 == 1)
        row_add_rect (row, flow->left, 0, flow->width, height, &zebra);

      row_add_layout (row, index, flow->left,
                      CELL_PAD + layout_baseline (title) - layout_baseline (index), &muted);
      row_add_layout (row, title, flow->left + index_col, CELL_PAD, &ink);
      if (meta != NULL)
        row_add_layout (row, meta, flow->left + index_col, CELL_PAD + layout_height (title) + 1.5,
                        &muted);

      for (guint i = 0; i < n_actors; i++)
        {
          const char *id = vp_actor_get_id (g_ptr_array_index (actors, first_actor + i));
          guint mentions = vp_article_count_mentions (article, id);
          guint proposals = vp_comparison_count_proposals (article, id);
          /* Numbers sit on the title's first baseline. */
          double y = CELL_PAD + layout_baseline (title);

          mention_totals[i] += mentions;
          proposal_totals[i] += proposals;

          add_table_cell_number (row, self, STYLE_TABLE_NUMBER, mentions,
                                 &g_array_index (columns, Column, 2 * i), y, FALSE);
          add_table_cell_number (row, self, STYLE_TABLE_NUMBER, proposals,
                                 &g_array_index (columns, Column, 2 * i + 1), y, TRUE);
        }
    }

  /* Totals, when there is more than one article to add up. */
  if (self->articles->len > 1)
    {
      g_autoptr(PangoLayout) label = make_layout (self, STYLE_TABLE_TOTAL, _("All articles"),
                                                  title_width - index_col, DIR_AUTO,
                                                  PANGO_ALIGN_LEFT);
      double height = layout_height (label) + 2 * CELL_PAD;

      row = flow_add_row (flow, height, 0);
      row->repeat_first = header_first;
      row->repeat_n = 2;
      row_add_rule (row, flow->left, 0.4, flow->width, 0.8, &accent);
      row_add_layout (row, label, flow->left + index_col, CELL_PAD, &ink);
      for (guint i = 0; i < n_actors; i++)
        {
          add_table_cell_number (row, self, STYLE_TABLE_TOTAL, mention_totals[i],
                                 &g_array_index (columns, Column, 2 * i),
                                 CELL_PAD + layout_baseline (label), FALSE);
          add_table_cell_number (row, self, STYLE_TABLE_TOTAL, proposal_totals[i],
                                 &g_array_index (columns, Column, 2 * i + 1),
                                 CELL_PAD + layout_baseline (label), TRUE);
        }
    }
}

/* The proposals of different articles that say the same thing, a block
 * per group: each member under the number its article has in the table,
 * with its own label, so a reader sees agreement at a glance. */
static void
add_groups (VpOutlineLayout *self,
            Flow            *flow)
{
  g_autoptr(VpComparison) comparison = self->comparison != NULL
                                          ? g_object_ref (self->comparison)
                                          : vp_comparison_new (self->articles, self->actors);
  guint n_groups = vp_comparison_get_n_groups (comparison);
  LinesOptions with_next = { .with_next = TRUE };
  g_autofree char *widest_number = g_strdup_printf ("%u", self->articles->len);
  g_autoptr(PangoLayout) widest = make_layout (self, STYLE_LABEL, widest_number, -1, DIR_LTR,
                                               PANGO_ALIGN_LEFT);
  double number_width = ceil (layout_width (widest)) + 2.0;

  flow_add_heading (flow, _("Matching proposals"), 18.0);

  if (n_groups == 0)
    {
      flow_add_paragraph (flow, STYLE_LEAD_IN,
                          _("No proposal of one article matches one of another."),
                          0, 0, 2.0, &muted, NULL);
      return;
    }

  flow_add_paragraph (flow, STYLE_CAPTION,
                      _("Each row: proposals of different articles that say the same thing."),
                      0, 0, 3.0, &muted, &with_next);

  for (guint g = 0; g < n_groups; g++)
    {
      guint n_members = 0;
      const VpProposalRef *members = vp_comparison_get_group (comparison, g, &n_members);
      Row *row;

      for (guint m = 0; m < n_members; m++)
        {
          VpOutlineItem *item = vp_comparison_get_item (comparison, &members[m]);
          g_autofree char *number = g_strdup_printf ("%u", members[m].article + 1);
          g_autofree char *label_text = item_label (item);
          g_autofree char *text = g_strdup_printf ("%s %s", label_text,
                                                   vp_outline_item_get_text (item));
          g_autoptr(PangoLayout) number_layout = make_layout (self, STYLE_TABLE_NUMBER, number,
                                                              number_width, DIR_LTR,
                                                              PANGO_ALIGN_RIGHT);
          LinesOptions options = { 0 };

          options.label = number_layout;
          options.label_x = flow->left;
          /* A group stays on one page when it can. */
          options.together = TRUE;
          options.with_next = m + 1 < n_members;

          flow_add_paragraph (flow, STYLE_BODY, text, number_width + LABEL_GAP, 0,
                              m == 0 ? 8.0 : 3.0, &ink, &options);
        }

      /* A hairline between groups. */
      if (g + 1 < n_groups)
        {
          row = flow_add_row (flow, 6.0, 0);
          row_add_rule (row, flow->left + number_width + LABEL_GAP, 5.0,
                        flow->width - number_width - LABEL_GAP, 0.4, &faint);
        }
    }
}

static void
add_comparison (VpOutlineLayout *self)
{
  g_autoptr(GPtrArray) actors = enabled_actors (self);
  LinesOptions keep = { .together = TRUE, .with_next = TRUE };
  LinesOptions with_next = { .with_next = TRUE };
  g_autofree char *subtitle = NULL;
  Flow flow = { 0 };
  double actor_width = 0;
  guint per_table;
  Row *row;

  flow.self = self;
  flow.left = self->margin_left;
  flow.width = self->page_width - self->margin_left - self->margin_right;
  flow.dir = DIR_AUTO;
  flow.part = -1;
  flow.new_page = TRUE;

  flow_add_paragraph (&flow, STYLE_DOC_TITLE,
                      self->title != NULL ? self->title : _("Comparison"),
                      0, 0, 0, &ink, &keep);

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: under the title of an exported comparison */
                                           "%u article compared",
                                           "%u articles compared",
                                           self->articles->len),
                              self->articles->len);
  flow_add_paragraph (&flow, STYLE_BYLINE, subtitle, 0, 0, 6.0, &muted, &keep);
  row = flow_add_row (&flow, 14.0, 0);
  row->keep_with_next = TRUE;
  row_add_rule (row, flow.left, 8.0, flow.width, 0.8, &accent);

  flow_add_heading (&flow, _("Actors across the articles"), 6.0);
  flow_add_paragraph (&flow, STYLE_CAPTION,
                      _("Mentions: how often the article names the actor. "
                        "Proposals: how many of its enumerated points involve the actor."),
                      0, 0, 3.0, &muted, &with_next);

  if (actors->len == 0)
    {
      flow_add_paragraph (&flow, STYLE_LEAD_IN, _("No actors are tagged."), 0, 0, 10.0,
                          &muted, NULL);
      return;
    }

  /* Every actor gets the same width, that of its two numbers' headings;
   * a longer name is shortened in its chip. */
  {
    g_autoptr(PangoLayout) mentions = make_layout (self, STYLE_TABLE_HEAD, _("Mentions"), -1,
                                                   DIR_AUTO, PANGO_ALIGN_LEFT);
    g_autoptr(PangoLayout) proposals = make_layout (self, STYLE_TABLE_HEAD, _("Proposals"), -1,
                                                    DIR_AUTO, PANGO_ALIGN_LEFT);
    double sub = MAX (MAX (layout_width (mentions), layout_width (proposals)), 24.0) + 2 * CELL_PAD;

    actor_width = ceil (MIN (2 * sub, flow.width * 0.3));
  }

  /* The titles keep at least a third of the width. */
  per_table = MAX (1, (guint)floor ((flow.width * 2 / 3) / actor_width));

  for (guint first = 0; first < actors->len; first += per_table)
    add_table (self, &flow, actors, first, MIN (per_table, actors->len - first), actor_width);

  add_groups (self, &flow);
}

static void
build_rows (VpOutlineLayout *self)
{
  g_array_set_size (self->rows, 0);

  if (self->articles->len > 1)
    add_comparison (self);

  for (guint i = 0; i < self->articles->len; i++)
    add_article (self, i);
}

/* Pagination */

static double
content_top (VpOutlineLayout *self)
{
  return self->margin_top + self->header_band;
}

static double
content_bottom (VpOutlineLayout *self)
{
  return self->page_height - self->margin_bottom - self->footer_band;
}

typedef struct
{
  VpOutlineLayout *self;
  Page            *page;
  double           y;
  gboolean         empty;  /* no row of its own yet (repeated headers aside) */
} Cursor;

/* Places a row; @repeated rows (table headers) do not count as the
 * page's own content. */
static void
place (Cursor   *cursor,
       guint     index,
       gboolean  repeated)
{
  VpOutlineLayout *self = cursor->self;
  Row *row = &g_array_index (self->rows, Row, index);
  Placement placement;

  if (!cursor->empty)
    cursor->y += row->space_before;

  placement.row = index;
  placement.y = cursor->y;
  g_array_append_val (self->placements, placement);
  cursor->page->n++;
  cursor->y += row->height;
  if (!repeated)
    cursor->empty = FALSE;
}

static void
start_page (Cursor *cursor,
            guint   next_row)
{
  VpOutlineLayout *self = cursor->self;
  Row *row = &g_array_index (self->rows, Row, next_row);
  Page page;

  page.first = self->placements->len;
  page.n = 0;
  page.part = row->part;
  g_array_append_val (self->pages, page);

  cursor->page = &g_array_index (self->pages, Page, self->pages->len - 1);
  cursor->y = content_top (self);
  cursor->empty = TRUE;

  /* A table that goes on keeps its header above it. */
  if (row->repeat_first >= 0)
    {
      for (guint i = 0; i < row->repeat_n; i++)
        place (cursor, row->repeat_first + i, TRUE);
    }

  if (row->part >= 0 && g_array_index (self->article_pages, int, row->part) < 0)
    g_array_index (self->article_pages, int, row->part) = self->pages->len - 1;
}

static double
height_from (VpOutlineLayout *self,
             guint            first,
             guint            last,
             gboolean         at_top)
{
  double height = 0;

  for (guint i = first; i <= last; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (i > first || !at_top)
        height += row->space_before;
      height += row->height;
    }

  return height;
}

static double
repeat_height (VpOutlineLayout *self,
               guint            index)
{
  Row *row = &g_array_index (self->rows, Row, index);

  if (row->repeat_first < 0)
    return 0;

  return height_from (self, row->repeat_first, row->repeat_first + row->repeat_n - 1, TRUE);
}

/* Cuts the rows into pages. Rows joined by keep_with_next form a run that
 * moves to the next page whole; only a run taller than a page is cut,
 * row by row. */
static void
paginate_rows (VpOutlineLayout *self)
{
  double bottom = content_bottom (self);
  double available = bottom - content_top (self);
  const double slack = 0.01;
  Cursor cursor = { self, NULL, 0, TRUE };
  guint n_rows = self->rows->len;
  guint i = 0;

  g_array_set_size (self->placements, 0);
  g_array_set_size (self->pages, 0);
  g_array_set_size (self->article_pages, self->articles->len);
  for (guint a = 0; a < self->articles->len; a++)
    g_array_index (self->article_pages, int, a) = -1;

  while (i < n_rows)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      guint last = i;
      double height;

      if (cursor.page == NULL || (row->new_page && !cursor.empty))
        start_page (&cursor, i);

      while (last + 1 < n_rows &&
             g_array_index (self->rows, Row, last).keep_with_next &&
             !g_array_index (self->rows, Row, last + 1).new_page)
        last++;

      height = height_from (self, i, last, cursor.empty);
      if (cursor.y + height <= bottom + slack)
        {
          for (; i <= last; i++)
            place (&cursor, i, FALSE);
          continue;
        }

      if (!cursor.empty &&
          height_from (self, i, last, TRUE) + repeat_height (self, i) <= available + slack)
        {
          start_page (&cursor, i);
          continue;
        }

      /* Too tall for any page: fill this one and go on over the next. */
      for (; i <= last; i++)
        {
          Row *r = &g_array_index (self->rows, Row, i);
          double need = (cursor.empty ? 0 : r->space_before) + r->height;

          if (!cursor.empty && cursor.y + need > bottom + slack)
            break;
          place (&cursor, i, FALSE);
        }
      if (i < n_rows)
        start_page (&cursor, i);
    }

  /* An empty document still prints one page, with its header. */
  if (self->pages->len == 0)
    {
      Page page = { 0, 0, -1 };

      g_array_append_val (self->pages, page);
    }
}

static void
measure_bands (VpOutlineLayout *self)
{
  g_autoptr(PangoLayout) layout = make_layout (self, STYLE_RUNNING, "Ag", -1, DIR_AUTO,
                                               PANGO_ALIGN_LEFT);
  double text = layout_height (layout);

  /* Header: its line, a rule, and air; the footer likewise. */
  self->header_band = text + 22.0;
  self->footer_band = text + 16.0;
}

static void
ensure_paginated (VpOutlineLayout *self)
{
  if (!self->dirty)
    return;

  g_hash_table_remove_all (self->chip_layouts);
  measure_bands (self);
  build_rows (self);
  paginate_rows (self);
  self->dirty = FALSE;
}

/* Drawing */

static void
set_source (cairo_t   *cr,
            const Rgb *color)
{
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_op (cairo_t  *cr,
         const Op *op,
         double    top)
{
  double y = top + op->y;

  switch (op->kind)
    {
    case OP_LINE:
      set_source (cr, &op->color);
      cairo_move_to (cr, op->x, y);
      pango_cairo_show_layout_line (cr, op->line);
      break;

    case OP_LAYOUT:
      set_source (cr, &op->color);
      cairo_move_to (cr, op->x, y);
      pango_cairo_show_layout (cr, op->layout);
      break;

    case OP_CHIP:
      {
        Rgb text = contrasting_text (&op->color);

        rounded_rectangle (cr, op->x + 0.25, y + 0.25, op->width - 0.5, op->height - 0.5,
                           CHIP_RADIUS);
        set_source (cr, &op->color);
        cairo_fill_preserve (cr);
        cairo_set_line_width (cr, 0.5);
        set_source (cr, &op->stroke);
        cairo_stroke (cr);

        set_source (cr, &text);
        cairo_move_to (cr, op->x + op->text_x, y + op->text_y);
        pango_cairo_show_layout (cr, op->layout);
      }
      break;

    case OP_RULE:
      set_source (cr, &op->color);
      cairo_rectangle (cr, op->x, y - op->height / 2, op->width, op->height);
      cairo_fill (cr);
      break;

    case OP_RECT:
      set_source (cr, &op->color);
      cairo_rectangle (cr, op->x, y, op->width, op->height);
      cairo_fill (cr);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
draw_running (VpOutlineLayout *self,
              cairo_t         *cr,
              const Page      *page,
              guint            number)
{
  double left = self->margin_left;
  double width = self->page_width - self->margin_left - self->margin_right;
  double header_y = self->margin_top;
  double footer_y = self->page_height - self->margin_bottom;
  g_autofree char *page_text = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  double line_y;

  /* The header: the document on the left, the article on the right. */
  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) doc = make_layout (self, STYLE_RUNNING, self->title, width * 0.48,
                                                DIR_LTR, PANGO_ALIGN_LEFT);

      pango_layout_set_ellipsize (doc, PANGO_ELLIPSIZE_END);
      set_source (cr, &muted);
      cairo_move_to (cr, left, header_y);
      pango_cairo_show_layout (cr, doc);
    }

  if (page->part >= 0)
    {
      const char *title = article_title (get_article (self, page->part));

      if (g_strcmp0 (title, self->title) != 0)
        {
          g_autoptr(PangoLayout) part = make_layout (self, STYLE_RUNNING, title, width * 0.48,
                                                     DIR_LTR, PANGO_ALIGN_RIGHT);

          pango_layout_set_ellipsize (part, PANGO_ELLIPSIZE_END);
          set_source (cr, &muted);
          cairo_move_to (cr, left + width * 0.52, header_y);
          pango_cairo_show_layout (cr, part);
        }
    }

  line_y = header_y + self->header_band - 12.0;
  set_source (cr, &rule_color);
  cairo_rectangle (cr, left, line_y, width, 0.5);
  cairo_fill (cr);

  /* Translators: the footer of each page of an exported outline */
  page_text = g_strdup_printf (_("Page %u of %u"), number + 1, self->pages->len);
  footer = make_layout (self, STYLE_RUNNING, page_text, width, DIR_AUTO, PANGO_ALIGN_CENTER);
  set_source (cr, &muted);
  cairo_move_to (cr, left, footer_y - layout_height (footer));
  pango_cairo_show_layout (cr, footer);
}

/* GObject */

static void
vp_outline_layout_dispose (GObject *object)
{
  VpOutlineLayout *self = (VpOutlineLayout *)object;

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->chip_layouts, g_hash_table_unref);
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_object (&self->actors);
  g_clear_object (&self->comparison);
  g_clear_object (&self->context);
  g_clear_object (&self->rtl_context);

  G_OBJECT_CLASS (vp_outline_layout_parent_class)->dispose (object);
}

static void
vp_outline_layout_finalize (GObject *object)
{
  VpOutlineLayout *self = (VpOutlineLayout *)object;

  for (guint i = 0; i < N_STYLES; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->article_pages, g_array_unref);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (vp_outline_layout_parent_class)->finalize (object);
}

static void
vp_outline_layout_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VpOutlineLayout *self = VP_OUTLINE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_ACTORS:
      g_value_set_object (value, self->actors);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_outline_layout_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VpOutlineLayout *self = VP_OUTLINE_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      vp_outline_layout_set_title (self, g_value_get_string (value));
      break;

    case PROP_ACTORS:
      self->actors = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_outline_layout_class_init (VpOutlineLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vp_outline_layout_dispose;
  object_class->finalize = vp_outline_layout_finalize;
  object_class->get_property = vp_outline_layout_get_property;
  object_class->set_property = vp_outline_layout_set_property;

  /**
   * VpOutlineLayout:title:
   *
   * The document's name (the workspace's, say), printed in the running
   * header and on the comparison page.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * VpOutlineLayout:actors:
   *
   * The actor set that names and colours the actors of the outline.
   */
  properties[PROP_ACTORS] =
    g_param_spec_object ("actors", NULL, NULL, VP_TYPE_ACTOR_SET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vp_outline_layout_init (VpOutlineLayout *self)
{
  self->articles = g_ptr_array_new_with_free_func (g_object_unref);
  self->context = create_context (PANGO_DIRECTION_LTR);
  self->rtl_context = create_context (PANGO_DIRECTION_RTL);
  for (guint i = 0; i < N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (styles[i].font);

  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  self->article_pages = g_array_new (FALSE, FALSE, sizeof (int));
  self->chip_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  self->page_width = VP_PAPER_A4_WIDTH;
  self->page_height = VP_PAPER_A4_HEIGHT;
  self->margin_top = VP_OUTLINE_LAYOUT_DEFAULT_MARGIN;
  self->margin_bottom = VP_OUTLINE_LAYOUT_DEFAULT_MARGIN;
  self->margin_left = VP_OUTLINE_LAYOUT_DEFAULT_MARGIN;
  self->margin_right = VP_OUTLINE_LAYOUT_DEFAULT_MARGIN;
  self->dirty = TRUE;
}

/**
 * vp_outline_layout_new:
 * @articles: (element-type VpArticle): the articles, in order
 * @actors: (nullable): the actor set, for the actors' names and colours
 * @title: (nullable): the document's name, for the running header
 *
 * Lays out the outlines of @articles for printing: with more than one
 * article, a comparison page comes first. The page is A4 with
 * %VP_OUTLINE_LAYOUT_DEFAULT_MARGIN margins until told otherwise.
 *
 * The layout works in points at 72 dpi with its own Pango context, so
 * that any cairo context whose unit is the point gets the same pages. A
 * GtkPrintOperation should use %GTK_UNIT_POINTS and a full page
 * (gtk_print_operation_set_use_full_page()), and pass the page setup's
 * paper size and margins here.
 *
 * Returns: (transfer full): a new #VpOutlineLayout
 */
VpOutlineLayout *
vp_outline_layout_new (GPtrArray  *articles,
                       VpActorSet *actors,
                       const char *title)
{
  VpOutlineLayout *self;

  g_return_val_if_fail (articles != NULL, NULL);
  g_return_val_if_fail (actors == NULL || VP_IS_ACTOR_SET (actors), NULL);

  self = g_object_new (VP_TYPE_OUTLINE_LAYOUT,
                       "actors", actors,
                       "title", title,
                       NULL);

  for (guint i = 0; i < articles->len; i++)
    {
      g_return_val_if_fail (VP_IS_ARTICLE (g_ptr_array_index (articles, i)), self);
      g_ptr_array_add (self->articles, g_object_ref (g_ptr_array_index (articles, i)));
    }

  return self;
}

/**
 * vp_outline_layout_default_title:
 * @articles: (element-type VpArticle): the articles of the outline
 *
 * The document's name when nothing else names it: the article's own title,
 * or for a comparison, what it compares. The command line and the window
 * both use it, so that their PDFs of the same articles read the same.
 *
 * Returns: (transfer full): the title
 */
char *
vp_outline_layout_default_title (GPtrArray *articles)
{
  g_return_val_if_fail (articles != NULL, NULL);

  if (articles->len == 1)
    return g_strdup (article_title (g_ptr_array_index (articles, 0)));

  /* Translators: the title of a PDF that compares the outlines of several
   * articles */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Comparison of %u article",
                                       "Comparison of %u articles", articles->len),
                          articles->len);
}

const char *
vp_outline_layout_get_title (VpOutlineLayout *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_LAYOUT (self), NULL);

  return self->title;
}

void
vp_outline_layout_set_title (VpOutlineLayout *self,
                             const char      *title)
{
  g_return_if_fail (VP_IS_OUTLINE_LAYOUT (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  self->dirty = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

VpActorSet *
vp_outline_layout_get_actors (VpOutlineLayout *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_LAYOUT (self), NULL);

  return self->actors;
}

guint
vp_outline_layout_get_n_articles (VpOutlineLayout *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_LAYOUT (self), 0);

  return self->articles->len;
}

/**
 * vp_outline_layout_get_article:
 * @self: a #VpOutlineLayout
 * @index: which article
 *
 * Returns: (transfer none): the article at @index
 */
VpArticle *
vp_outline_layout_get_article (VpOutlineLayout *self,
                               guint            index)
{
  g_return_val_if_fail (VP_IS_OUTLINE_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->articles->len, NULL);

  return get_article (self, index);
}

/**
 * vp_outline_layout_set_page_size:
 * @self: a #VpOutlineLayout
 * @width: the paper's width, in points
 * @height: the paper's height, in points
 */
void
vp_outline_layout_set_page_size (VpOutlineLayout *self,
                                 double           width,
                                 double           height)
{
  g_return_if_fail (VP_IS_OUTLINE_LAYOUT (self));
  g_return_if_fail (width > 0 && height > 0);

  self->page_width = width;
  self->page_height = height;
  self->dirty = TRUE;
}

/**
 * vp_outline_layout_set_comparison:
 * @comparison: (nullable): the comparison of the layout's articles, with
 *   the reader's links and threshold; %NULL to compare them afresh
 *
 * The matching proposals of several articles are laid out as @comparison
 * groups them.
 */
void
vp_outline_layout_set_comparison (VpOutlineLayout *self,
                                  VpComparison    *comparison)
{
  g_return_if_fail (VP_IS_OUTLINE_LAYOUT (self));
  g_return_if_fail (comparison == NULL ||
                    vp_comparison_get_n_articles (comparison) == self->articles->len);

  if (g_set_object (&self->comparison, comparison))
    self->dirty = TRUE;
}

void
vp_outline_layout_get_page_size (VpOutlineLayout *self,
                                 double          *width,
                                 double          *height)
{
  g_return_if_fail (VP_IS_OUTLINE_LAYOUT (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

/**
 * vp_outline_layout_set_margins:
 * @self: a #VpOutlineLayout
 * @top: the top margin, in points
 * @bottom: the bottom margin, in points
 * @left: the left margin, in points
 * @right: the right margin, in points
 *
 * Sets the margins, inside which the running header and footer are
 * printed too.
 */
void
vp_outline_layout_set_margins (VpOutlineLayout *self,
                               double           top,
                               double           bottom,
                               double           left,
                               double           right)
{
  g_return_if_fail (VP_IS_OUTLINE_LAYOUT (self));
  g_return_if_fail (top >= 0 && bottom >= 0 && left >= 0 && right >= 0);

  self->margin_top = top;
  self->margin_bottom = bottom;
  self->margin_left = left;
  self->margin_right = right;
  self->dirty = TRUE;
}

/**
 * vp_outline_layout_paginate:
 * @self: a #VpOutlineLayout
 *
 * Lays the outline out on pages of the current size, if that has not
 * been done since the size, margins or title last changed.
 *
 * Returns: the number of pages, at least one
 */
guint
vp_outline_layout_paginate (VpOutlineLayout *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_LAYOUT (self), 0);

  ensure_paginated (self);

  return self->pages->len;
}

/**
 * vp_outline_layout_get_n_pages:
 * @self: a #VpOutlineLayout
 *
 * Returns: the number of pages, or 0 before vp_outline_layout_paginate()
 */
guint
vp_outline_layout_get_n_pages (VpOutlineLayout *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_LAYOUT (self), 0);

  return self->dirty ? 0 : self->pages->len;
}

/**
 * vp_outline_layout_get_article_page:
 * @self: a #VpOutlineLayout
 * @article: which article
 *
 * Returns: the 0-based page on which @article's outline starts, or -1
 *   before vp_outline_layout_paginate()
 */
int
vp_outline_layout_get_article_page (VpOutlineLayout *self,
                                    guint            article)
{
  g_return_val_if_fail (VP_IS_OUTLINE_LAYOUT (self), -1);
  g_return_val_if_fail (article < self->articles->len, -1);

  if (self->dirty || article >= self->article_pages->len)
    return -1;

  return g_array_index (self->article_pages, int, article);
}

/**
 * vp_outline_layout_draw_page:
 * @self: a #VpOutlineLayout
 * @cr: a cairo context whose unit is the point, with the origin at the
 *   paper's top left corner
 * @page: the 0-based page
 *
 * Draws one page, paginating first if needed. The context's state is
 * left as it was.
 */
void
vp_outline_layout_draw_page (VpOutlineLayout *self,
                             cairo_t         *cr,
                             guint            page)
{
  const Page *p;

  g_return_if_fail (VP_IS_OUTLINE_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  ensure_paginated (self);
  g_return_if_fail (page < self->pages->len);

  p = &g_array_index (self->pages, Page, page);

  cairo_save (cr);
  cairo_new_path (cr);

  draw_running (self, cr, p, page);

  for (guint i = 0; i < p->n; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, p->first + i);
      const Row *row = &g_array_index (self->rows, Row, placement->row);

      for (guint j = 0; j < row->ops->len; j++)
        draw_op (cr, &g_array_index (row->ops, Op, j), placement->y);
    }

  cairo_restore (cr);
}
