/* vp-comparison-matrix.c
 *
 * The actor × article matrix of a comparison: a row for each enabled
 * actor, a column for each article in column order, and in each cell how
 * often the article mentions the actor and how many of its proposals
 * involve it, "8 / 1". A cell is tinted with the actor's colour, the
 * stronger the more mentions, so that who matters where shows at a
 * glance; the last column sums the row.
 *
 * Clicking a column's header sorts the rows by it: the actors' names, an
 * article's counts (most first), or the totals; clicking it again turns
 * the order round. Sorting moves the rows of the grid rather than making
 * them again, so the keyboard focus stays where it was.
 *
 * Activating a cell runs win.filter-by-cell with the actor and the
 * article (-1 for an actor's name: every article), which the window
 * turns into a filter of the outlines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-comparison-matrix"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>

#include "vp-actor-palette.h"
#include "vp-actor-swatch.h"
#include "vp-comparison-matrix.h"

/* A cell's tint, from the least mentioned (but mentioned) to the most;
 * lighter in the dark style, where the text over it is light too. */
#define TINT_MIN        0.10
#define TINT_MAX_LIGHT  0.50
#define TINT_MAX_DARK   0.40

/* A cell: a button tinted with an actor's colour */

#define VP_TYPE_MATRIX_CELL (vp_matrix_cell_get_type ())

G_DECLARE_FINAL_TYPE (VpMatrixCell, vp_matrix_cell, VP, MATRIX_CELL, GtkButton)

struct _VpMatrixCell
{
  GtkButton parent_instance;

  GdkRGBA   color;
  double    strength;   /* 0 for no tint, up to 1 */
};

G_DEFINE_FINAL_TYPE (VpMatrixCell, vp_matrix_cell, GTK_TYPE_BUTTON)

static void
vp_matrix_cell_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  VpMatrixCell *self = VP_MATRIX_CELL (widget);
  gboolean dark = vp_actor_palette_is_dark ();
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->strength > 0 && width > 0 && height > 0)
    {
      GdkRGBA tint = self->color;
      GskRoundedRect box;

      /* The colour the article view highlights the actor's mentions
       * with, so that the two read as one. */
      vp_actor_palette_ensure_contrast (&tint, dark);
      tint.alpha = TINT_MIN + ((dark ? TINT_MAX_DARK : TINT_MAX_LIGHT) - TINT_MIN) * self->strength;

      gsk_rounded_rect_init_from_rect (&box, &GRAPHENE_RECT_INIT (0, 0, width, height), 6);
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, &tint, &box.bounds);
      gtk_snapshot_pop (snapshot);
    }

  GTK_WIDGET_CLASS (vp_matrix_cell_parent_class)->snapshot (widget, snapshot);
}

static void
vp_matrix_cell_class_init (VpMatrixCellClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = vp_matrix_cell_snapshot;

  gtk_widget_class_set_css_name (widget_class, "matrixcell");
}

static void
vp_matrix_cell_init (VpMatrixCell *self)
{
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

/* The matrix */

struct _VpComparisonMatrix
{
  GtkWidget     parent_instance;

  VpComparison *comparison;
  char         *sort;       /* "actors", "name", "total" or "article-N" */
  gboolean      reversed;

  GtkWidget    *scroller;
  GtkGrid      *grid;
  /* Per column (the names, the articles, the totals): the header's
   * button and the arrow that shows the order. */
  GPtrArray    *headers;
  GPtrArray    *arrows;
  /* Per actor of the comparison, a row of widgets as the columns. */
  GPtrArray    *cells;
  /* The actor on each row, as the comparison's actor index. */
  GArray       *order;

  char         *active_actor;
  int           active_column;
};

enum {
  PROP_0,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VpComparisonMatrix, vp_comparison_matrix, GTK_TYPE_WIDGET)

static guint
n_columns (VpComparisonMatrix *self)
{
  return self->comparison != NULL ? vp_comparison_get_n_articles (self->comparison) + 2 : 0;
}

/* From the API's columns (an article, or one of the named columns) to
 * the index among the grid's columns, or -1. */
static int
column_index (VpComparisonMatrix *self,
              int                 column)
{
  guint n_articles;

  if (self->comparison == NULL)
    return -1;

  n_articles = vp_comparison_get_n_articles (self->comparison);

  if (column == VP_MATRIX_ACTOR_COLUMN)
    return 0;
  if (column == VP_MATRIX_TOTAL_COLUMN)
    return n_articles + 1;
  if (column >= 0 && (guint)column < n_articles)
    return column + 1;

  return -1;
}

static int
find_actor (VpComparisonMatrix *self,
            const char         *actor_id)
{
  guint n = self->comparison != NULL ? vp_comparison_get_n_actors (self->comparison) : 0;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (vp_actor_get_id (vp_comparison_get_actor (self->comparison, i)), actor_id) == 0)
      return i;

  return -1;
}

static const char *
article_title (VpArticle *article)
{
  const char *title = vp_article_get_title (article);

  if (title == NULL || title[0] == '\0')
    title = vp_article_get_source (article);

  return title;
}

/* Sorting */

static guint
total (VpComparison *comparison,
       guint         actor,
       gboolean      proposals)
{
  guint n = vp_comparison_get_n_articles (comparison);
  guint sum = 0;

  for (guint i = 0; i < n; i++)
    sum += proposals ? vp_comparison_get_proposals (comparison, actor, i)
                     : vp_comparison_get_mentions (comparison, actor, i);

  return sum;
}

static int
compare_counts (guint a,
                guint b)
{
  /* Most first. */
  return a < b ? 1 : a > b ? -1 : 0;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  VpComparisonMatrix *self = user_data;
  VpComparison *comparison = self->comparison;
  guint x = *(const guint *)a;
  guint y = *(const guint *)b;
  int result = 0;

  if (g_str_equal (self->sort, "name"))
    {
      g_autofree char *kx = g_utf8_collate_key (vp_actor_get_name (vp_comparison_get_actor (comparison, x)), -1);
      g_autofree char *ky = g_utf8_collate_key (vp_actor_get_name (vp_comparison_get_actor (comparison, y)), -1);

      result = strcmp (kx, ky);
    }
  else if (g_str_equal (self->sort, "total"))
    {
      result = compare_counts (total (comparison, x, FALSE), total (comparison, y, FALSE));
      if (result == 0)
        result = compare_counts (total (comparison, x, TRUE), total (comparison, y, TRUE));
    }
  else if (g_str_has_prefix (self->sort, "article-"))
    {
      guint article = (guint)g_ascii_strtoull (self->sort + strlen ("article-"), NULL, 10);

      result = compare_counts (vp_comparison_get_mentions (comparison, x, article),
                               vp_comparison_get_mentions (comparison, y, article));
      if (result == 0)
        result = compare_counts (vp_comparison_get_proposals (comparison, x, article),
                                 vp_comparison_get_proposals (comparison, y, article));
    }

  /* Ties keep the actor set's order, whichever way the rest goes. */
  if (result == 0)
    return x < y ? -1 : x > y ? 1 : 0;

  return self->reversed ? -result : result;
}

/* The column a sort is by, as an index among the grid's columns, or -1
 * for the actor set's order, which has none. */
static int
sorted_column (VpComparisonMatrix *self)
{
  if (g_str_equal (self->sort, "name"))
    return 0;
  if (g_str_equal (self->sort, "total"))
    return n_columns (self) - 1;
  if (g_str_has_prefix (self->sort, "article-"))
    return 1 + (int)g_ascii_strtoull (self->sort + strlen ("article-"), NULL, 10);

  return -1;
}

static void
update_arrows (VpComparisonMatrix *self)
{
  int sorted = sorted_column (self);

  for (guint k = 0; k < self->arrows->len; k++)
    {
      GtkWidget *arrow = g_ptr_array_index (self->arrows, k);
      GtkWidget *header = g_ptr_array_index (self->headers, k);
      /* Names go up from A, counts down from the most. */
      gboolean down = (k == 0) == self->reversed;

      gtk_widget_set_visible (arrow, (int)k == sorted);
      gtk_image_set_from_icon_name (GTK_IMAGE (arrow), down ? "pan-down-symbolic" : "pan-up-symbolic");

      if ((int)k == sorted)
        gtk_widget_add_css_class (header, "sorted");
      else
        gtk_widget_remove_css_class (header, "sorted");

      gtk_accessible_update_property (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_PROPERTY_SORT,
                                      (int)k != sorted ? GTK_ACCESSIBLE_SORT_NONE :
                                      down ? GTK_ACCESSIBLE_SORT_DESCENDING :
                                      GTK_ACCESSIBLE_SORT_ASCENDING,
                                      -1);
    }
}

/* Puts the rows in the order of the sort, by moving them in the grid. */
static void
layout_rows (VpComparisonMatrix *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self->grid));
  guint stride = n_columns (self);

  if (self->order->len > 1)
    g_array_sort_with_data (self->order, compare_rows, self);

  for (guint row = 0; row < self->order->len; row++)
    {
      guint actor = g_array_index (self->order, guint, row);

      for (guint k = 0; k < stride; k++)
        {
          GtkWidget *widget = g_ptr_array_index (self->cells, actor * stride + k);
          GtkLayoutChild *child = gtk_layout_manager_get_layout_child (layout, widget);

          gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (child), row + 1);
        }
    }

  update_arrows (self);
}

static gboolean
sort_is_valid (VpComparisonMatrix *self,
               const char         *sort)
{
  if (g_str_equal (sort, "actors") || g_str_equal (sort, "name") || g_str_equal (sort, "total"))
    return TRUE;

  if (g_str_has_prefix (sort, "article-"))
    {
      const char *digits = sort + strlen ("article-");
      guint64 article;

      return g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT, &article, NULL) &&
             (self->comparison == NULL || article < vp_comparison_get_n_articles (self->comparison));
    }

  return FALSE;
}

/* Building */

static void
header_clicked_cb (GtkButton          *button,
                   VpComparisonMatrix *self)
{
  guint k;

  if (!g_ptr_array_find (self->headers, button, &k))
    return;

  vp_comparison_matrix_sort_by_column (self,
                                       k == 0 ? VP_MATRIX_ACTOR_COLUMN :
                                       k == n_columns (self) - 1 ? VP_MATRIX_TOTAL_COLUMN :
                                       (int)k - 1);
}

static GtkWidget *
new_header (VpComparisonMatrix *self,
            GtkWidget          *content,
            const char         *tooltip,
            const char         *accessible)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "pan-down-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_widget_set_visible (arrow, FALSE);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "matrix-header");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (header_clicked_cb), self, 0);

  g_ptr_array_add (self->headers, button);
  g_ptr_array_add (self->arrows, arrow);

  return button;
}

static GtkWidget *
new_text_header (VpComparisonMatrix *self,
                 const char         *text,
                 const char         *tooltip)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");

  return new_header (self, label, tooltip, tooltip);
}

static GtkWidget *
new_article_header (VpComparisonMatrix *self,
                    guint               article)
{
  VpArticle *a = vp_comparison_get_article (self->comparison, article);
  const char *title = article_title (a);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = g_strdup_printf ("%u", article + 1);
  GtkWidget *badge = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *tooltip = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (badge, "article-number");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: the tooltip of an article's column in the matrix; %u
   * is its column's number, %s its title */
  tooltip = g_strdup_printf (_("Article %u: %s\nClick to sort by its counts"), article + 1, title);
  /* Translators: the accessible name of an article's column header in
   * the matrix; %u is its column's number, %s its title */
  accessible = g_strdup_printf (_("Sort by article %u, %s"), article + 1, title);

  return new_header (self, box, tooltip, accessible);
}

static GtkWidget *
new_actor_button (VpComparisonMatrix *self,
                  VpActorSet         *actors,
                  VpActor            *actor)
{
  const char *name = vp_actor_get_name (actor);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (name);
  g_autofree char *tooltip = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  if (actors != NULL)
    vp_actor_palette_get_color (actors, vp_actor_get_id (actor), &rgba);
  else
    gdk_rgba_parse (&rgba, vp_actor_get_color (actor) != NULL ? vp_actor_get_color (actor) : "gray");
  color = gdk_rgba_to_string (&rgba);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_box_append (GTK_BOX (box), vp_actor_swatch_new (color));
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "matrix-actor");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.filter-by-cell");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(si)", vp_actor_get_id (actor), -1);

  /* Translators: the tooltip of an actor's name in the matrix */
  tooltip = g_strdup_printf (_("Show the proposals involving %s in every article"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return button;
}

static char *
describe_counts (guint mentions,
                 guint proposals)
{
  g_autofree char *m = NULL;
  g_autofree char *p = NULL;

  m = g_strdup_printf (ngettext ("%u mention", "%u mentions", mentions), mentions);
  p = g_strdup_printf (ngettext ("%u proposal", "%u proposals", proposals), proposals);

  /* Translators: a cell of the matrix, "8 mentions, 1 proposal" */
  return g_strdup_printf (_("%s, %s"), m, p);
}

static void
set_counts_label (GtkLabel *label,
                  guint     mentions,
                  guint     proposals)
{
  g_autofree char *markup = NULL;

  /* Mentions first and strong: they are what the tint says too. */
  markup = g_strdup_printf ("<b>%u</b><span alpha=\"65%%\"> / %u</span>", mentions, proposals);
  gtk_label_set_markup (label, markup);
}

static GtkWidget *
new_cell (VpComparisonMatrix *self,
          VpActorSet         *actors,
          guint               actor,
          guint               article,
          guint               max_mentions)
{
  VpComparison *comparison = self->comparison;
  VpActor *a = vp_comparison_get_actor (comparison, actor);
  guint mentions = vp_comparison_get_mentions (comparison, actor, article);
  guint proposals = vp_comparison_get_proposals (comparison, actor, article);
  VpMatrixCell *cell = g_object_new (VP_TYPE_MATRIX_CELL, NULL);
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *counts = describe_counts (mentions, proposals);
  g_autofree char *accessible = NULL;
  g_autofree char *tooltip = NULL;

  set_counts_label (GTK_LABEL (label), mentions, proposals);
  gtk_widget_add_css_class (label, "numeric");
  /* Margins rather than the button's padding, so that the snapshot's
   * area, which the tint fills, is the whole cell. */
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_end (label, 10);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  gtk_button_set_child (GTK_BUTTON (cell), label);

  if (actors != NULL)
    vp_actor_palette_get_color (actors, vp_actor_get_id (a), &cell->color);
  else
    gdk_rgba_parse (&cell->color, "gray");
  cell->strength = mentions > 0 && max_mentions > 0 ? (double)mentions / max_mentions : 0;

  if (mentions == 0 && proposals == 0)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "empty");

  gtk_widget_set_hexpand (GTK_WIDGET (cell), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cell), "win.filter-by-cell");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (cell), "(si)", vp_actor_get_id (a), (int)article);

  /* Translators: the accessible name of a cell of the matrix: an actor's
   * name, the article's column number, then "8 mentions, 1 proposal" */
  accessible = g_strdup_printf (_("%s in article %u: %s"), vp_actor_get_name (a), article + 1, counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  /* Translators: the tooltip of a cell of the matrix: an actor's name,
   * an article's title, then "8 mentions, 1 proposal" */
  tooltip = g_strdup_printf (_("%s in “%s”: %s"), vp_actor_get_name (a),
                             article_title (vp_comparison_get_article (comparison, article)),
                             counts);
  gtk_widget_set_tooltip_text (GTK_WIDGET (cell), tooltip);

  return GTK_WIDGET (cell);
}

static GtkWidget *
new_total (VpComparisonMatrix *self,
           guint               actor)
{
  guint mentions = total (self->comparison, actor, FALSE);
  guint proposals = total (self->comparison, actor, TRUE);
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *counts = describe_counts (mentions, proposals);
  g_autofree char *accessible = NULL;

  set_counts_label (GTK_LABEL (label), mentions, proposals);
  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "matrix-total");

  /* Translators: the accessible name of an actor's total in the matrix:
   * its name, then "8 mentions, 1 proposal" */
  accessible = g_strdup_printf (_("%s in all articles: %s"),
                                vp_actor_get_name (vp_comparison_get_actor (self->comparison, actor)),
                                counts);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return label;
}

static void
clear (VpComparisonMatrix *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  g_ptr_array_set_size (self->headers, 0);
  g_ptr_array_set_size (self->arrows, 0);
  g_ptr_array_set_size (self->cells, 0);
  g_array_set_size (self->order, 0);
}

static void
update_active (VpComparisonMatrix *self)
{
  int actor = self->active_actor != NULL ? find_actor (self, self->active_actor) : -1;
  int k = column_index (self, self->active_column);
  guint stride = n_columns (self);

  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = g_ptr_array_index (self->cells, i);

      if (actor >= 0 && k >= 0 && i == (guint)actor * stride + (guint)k)
        gtk_widget_add_css_class (cell, "active");
      else
        gtk_widget_remove_css_class (cell, "active");
    }
}

/**
 * vp_comparison_matrix_set_comparison:
 * @comparison: (nullable): the comparison to show
 * @actors: (nullable): the set its actors come from, for their colours
 *
 * Shows the matrix of @comparison, in the order chosen so far.
 */
void
vp_comparison_matrix_set_comparison (VpComparisonMatrix *self,
                                     VpComparison       *comparison,
                                     VpActorSet         *actors)
{
  guint n_actors;
  guint n_articles;
  guint max_mentions = 0;
  GtkWidget *header;

  g_return_if_fail (VP_IS_COMPARISON_MATRIX (self));
  g_return_if_fail (comparison == NULL || VP_IS_COMPARISON (comparison));
  g_return_if_fail (actors == NULL || VP_IS_ACTOR_SET (actors));

  clear (self);
  g_set_object (&self->comparison, comparison);

  /* A sort by an article that closed goes back to the set's order. */
  if (!sort_is_valid (self, self->sort))
    vp_comparison_matrix_set_sort (self, "actors", FALSE);

  if (comparison == NULL)
    return;

  n_actors = vp_comparison_get_n_actors (comparison);
  n_articles = vp_comparison_get_n_articles (comparison);

  for (guint i = 0; i < n_actors; i++)
    for (guint j = 0; j < n_articles; j++)
      max_mentions = MAX (max_mentions, vp_comparison_get_mentions (comparison, i, j));

  gtk_grid_attach (self->grid,
                   new_text_header (self, _("Actor"), _("Sort by the actors’ names")),
                   0, 0, 1, 1);
  for (guint j = 0; j < n_articles; j++)
    gtk_grid_attach (self->grid, new_article_header (self, j), j + 1, 0, 1, 1);
  header = new_text_header (self, _("All"), _("Sort by the counts in all articles"));
  gtk_label_set_xalign (GTK_LABEL (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (header)))),
                        0.5);
  gtk_grid_attach (self->grid, header, n_articles + 1, 0, 1, 1);

  for (guint i = 0; i < n_actors; i++)
    {
      VpActor *actor = vp_comparison_get_actor (comparison, i);
      GtkWidget *widget;

      g_array_append_val (self->order, i);

      widget = new_actor_button (self, actors, actor);
      g_ptr_array_add (self->cells, widget);
      gtk_grid_attach (self->grid, widget, 0, i + 1, 1, 1);

      for (guint j = 0; j < n_articles; j++)
        {
          widget = new_cell (self, actors, i, j, max_mentions);
          g_ptr_array_add (self->cells, widget);
          gtk_grid_attach (self->grid, widget, j + 1, i + 1, 1, 1);
        }

      widget = new_total (self, i);
      g_ptr_array_add (self->cells, widget);
      gtk_grid_attach (self->grid, widget, n_articles + 1, i + 1, 1, 1);
    }

  layout_rows (self);
  update_active (self);
}

/**
 * vp_comparison_matrix_get_sort:
 *
 * Returns: how the rows are sorted: "actors" (the actor set's order),
 *   "name", "total" (all mentions) or "article-N" (the mentions in the
 *   article N, from 0)
 */
const char *
vp_comparison_matrix_get_sort (VpComparisonMatrix *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_MATRIX (self), NULL);

  return self->sort;
}

gboolean
vp_comparison_matrix_get_sort_reversed (VpComparisonMatrix *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_MATRIX (self), FALSE);

  return self->reversed;
}

/**
 * vp_comparison_matrix_set_sort:
 * @sort: see vp_comparison_matrix_get_sort()
 * @reversed: whether the other way round: names from Z, counts from the
 *   fewest
 *
 * Sorts the rows. A sort the matrix cannot make (an article it does not
 * have) is the actor set's order.
 */
void
vp_comparison_matrix_set_sort (VpComparisonMatrix *self,
                               const char         *sort,
                               gboolean            reversed)
{
  g_return_if_fail (VP_IS_COMPARISON_MATRIX (self));
  g_return_if_fail (sort != NULL);

  if (!sort_is_valid (self, sort))
    sort = "actors";
  if (g_str_equal (sort, "actors"))
    reversed = FALSE;

  if (g_strcmp0 (self->sort, sort) == 0 && self->reversed == !!reversed)
    return;

  g_free (self->sort);
  self->sort = g_strdup (sort);
  self->reversed = !!reversed;

  if (self->comparison != NULL)
    layout_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT]);
}

/**
 * vp_comparison_matrix_sort_by_column:
 * @column: an article, %VP_MATRIX_ACTOR_COLUMN or %VP_MATRIX_TOTAL_COLUMN
 *
 * Sorts the rows by a column, as clicking its header does: the other way
 * round if they are sorted by it already.
 */
void
vp_comparison_matrix_sort_by_column (VpComparisonMatrix *self,
                                     int                 column)
{
  g_autofree char *sort = NULL;

  g_return_if_fail (VP_IS_COMPARISON_MATRIX (self));

  if (column == VP_MATRIX_ACTOR_COLUMN)
    sort = g_strdup ("name");
  else if (column == VP_MATRIX_TOTAL_COLUMN)
    sort = g_strdup ("total");
  else
    sort = g_strdup_printf ("article-%d", column);

  vp_comparison_matrix_set_sort (self, sort,
                                 g_str_equal (sort, self->sort) ? !self->reversed : FALSE);
}

guint
vp_comparison_matrix_get_n_rows (VpComparisonMatrix *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_MATRIX (self), 0);

  return self->order->len;
}

/**
 * vp_comparison_matrix_get_row_actor:
 * @row: a row, from the top
 *
 * Returns: (nullable): the id of the actor shown on @row
 */
const char *
vp_comparison_matrix_get_row_actor (VpComparisonMatrix *self,
                                    guint               row)
{
  g_return_val_if_fail (VP_IS_COMPARISON_MATRIX (self), NULL);

  if (row >= self->order->len)
    return NULL;

  return vp_actor_get_id (vp_comparison_get_actor (self->comparison,
                                                   g_array_index (self->order, guint, row)));
}

/**
 * vp_comparison_matrix_get_cell:
 * @actor_id: an actor of the comparison
 * @column: an article, %VP_MATRIX_ACTOR_COLUMN or %VP_MATRIX_TOTAL_COLUMN
 *
 * Returns: (transfer none) (nullable): the widget of that cell
 */
GtkWidget *
vp_comparison_matrix_get_cell (VpComparisonMatrix *self,
                               const char         *actor_id,
                               int                 column)
{
  int actor;
  int k;

  g_return_val_if_fail (VP_IS_COMPARISON_MATRIX (self), NULL);
  g_return_val_if_fail (actor_id != NULL, NULL);

  actor = find_actor (self, actor_id);
  k = column_index (self, column);
  if (actor < 0 || k < 0)
    return NULL;

  return g_ptr_array_index (self->cells, actor * n_columns (self) + k);
}

/**
 * vp_comparison_matrix_get_header:
 * @column: an article, %VP_MATRIX_ACTOR_COLUMN or %VP_MATRIX_TOTAL_COLUMN
 *
 * Returns: (transfer none) (nullable): the button heading @column
 */
GtkWidget *
vp_comparison_matrix_get_header (VpComparisonMatrix *self,
                                 int                 column)
{
  int k;

  g_return_val_if_fail (VP_IS_COMPARISON_MATRIX (self), NULL);

  k = column_index (self, column);

  return k >= 0 ? g_ptr_array_index (self->headers, k) : NULL;
}

/**
 * vp_comparison_matrix_get_active_actor:
 *
 * Returns: (nullable): the actor of the cell marked active, if any
 */
const char *
vp_comparison_matrix_get_active_actor (VpComparisonMatrix *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_MATRIX (self), NULL);

  return self->active_actor;
}

/**
 * vp_comparison_matrix_set_active:
 * @actor_id: (nullable): an actor, or %NULL for none
 * @column: an article, or %VP_MATRIX_ACTOR_COLUMN for all
 *
 * Marks the cell whose proposals the outlines show, until another is.
 */
void
vp_comparison_matrix_set_active (VpComparisonMatrix *self,
                                 const char         *actor_id,
                                 int                 column)
{
  g_return_if_fail (VP_IS_COMPARISON_MATRIX (self));

  g_free (self->active_actor);
  self->active_actor = g_strdup (actor_id);
  self->active_column = column;
  update_active (self);
}

static void
vp_comparison_matrix_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VpComparisonMatrix *self = VP_COMPARISON_MATRIX (object);

  switch (prop_id)
    {
    case PROP_SORT:
      g_value_set_string (value, self->sort);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_comparison_matrix_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VpComparisonMatrix *self = VP_COMPARISON_MATRIX (object);

  switch (prop_id)
    {
    case PROP_SORT:
      vp_comparison_matrix_set_sort (self, g_value_get_string (value), FALSE);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_comparison_matrix_dispose (GObject *object)
{
  VpComparisonMatrix *self = (VpComparisonMatrix *)object;

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  self->grid = NULL;
  g_clear_object (&self->comparison);

  G_OBJECT_CLASS (vp_comparison_matrix_parent_class)->dispose (object);
}

static void
vp_comparison_matrix_finalize (GObject *object)
{
  VpComparisonMatrix *self = (VpComparisonMatrix *)object;

  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->arrows, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->sort, g_free);
  g_clear_pointer (&self->active_actor, g_free);

  G_OBJECT_CLASS (vp_comparison_matrix_parent_class)->finalize (object);
}

static void
vp_comparison_matrix_class_init (VpComparisonMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = vp_comparison_matrix_get_property;
  object_class->set_property = vp_comparison_matrix_set_property;
  object_class->dispose = vp_comparison_matrix_dispose;
  object_class->finalize = vp_comparison_matrix_finalize;

  /* See vp_comparison_matrix_get_sort(). */
  properties[PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL,
                         "actors",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparisonmatrix");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vp_comparison_matrix_init (VpComparisonMatrix *self)
{
  self->sort = g_strdup ("actors");
  self->headers = g_ptr_array_new ();
  self->arrows = g_ptr_array_new ();
  self->cells = g_ptr_array_new ();
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->active_column = VP_MATRIX_ACTOR_COLUMN;

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 3);
  gtk_grid_set_column_spacing (self->grid, 4);
  gtk_widget_set_valign (GTK_WIDGET (self->grid), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "matrix-grid");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actors by Article"), -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->grid));
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
vp_comparison_matrix_new (void)
{
  return g_object_new (VP_TYPE_COMPARISON_MATRIX, NULL);
}
