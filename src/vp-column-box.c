/* vp-column-box.c
 *
 * Lays out the article columns next to each other. Each column has a
 * share of the width (its weight); dragging the handle between two columns
 * moves width from one to the other and keeps the others as they are. The
 * box never gives a column less than its minimum width, so once the columns
 * no longer fit, the box asks for more than the window has and the
 * scrolled window around it scrolls horizontally.
 *
 * Only the columns that the scrolled window shows, and their neighbours,
 * are allocated and drawn: the others are hidden from layout
 * (gtk_widget_set_child_visible()) until a scroll brings them near. Laying out a column's outline and text
 * costs tens of milliseconds, so with twenty articles open this is most of
 * the difference between a window that appears at once and one that takes
 * a second. The column holding the focus always stays, so that scrolling
 * never takes the focus away.
 *
 * GtkPaned would do for two columns, but nesting paneds means re-parenting
 * every column when one moves, which loses focus and scroll positions.
 * Here a move only reorders children.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-column-box"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "vp-column-box.h"

/* The visible line between columns, and the wider area around it that
 * the pointer can grab. */
#define GAP_WIDTH    1
#define HANDLE_WIDTH 9

struct _VpColumnBox
{
  GtkWidget  parent_instance;

  /* Borrowed: the children, in reading order. */
  GPtrArray *columns;
  /* Borrowed: the handles, one between each pair of columns. */
  GPtrArray *handles;
  /* One share per column; only their ratios matter. */
  GArray    *weights;

  /* The drag in progress: the handle's index and the widths of the two
   * columns beside it when the drag began. */
  int        drag_handle;
  int        drag_left_width;
  int        drag_right_width;

  /* The scrolled window's, while the box is in one: its scrolls change
   * which columns are laid out. */
  GtkAdjustment *hadjustment;
};

G_DEFINE_FINAL_TYPE (VpColumnBox, vp_column_box, GTK_TYPE_WIDGET)

static int
column_min_width (GtkWidget *column)
{
  int min = 0;

  gtk_widget_measure (column, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);

  return min;
}

/* Shares @available between the columns by weight, never under a
 * column's minimum: a column that would fall under it gets its minimum,
 * and the rest is shared again among the others. */
static void
compute_widths (VpColumnBox *self,
                int          available,
                int         *widths)
{
  guint n = self->columns->len;
  g_autofree gboolean *fixed = g_new0 (gboolean, n);
  int remaining = available;
  gboolean changed = TRUE;

  while (changed)
    {
      double total = 0;

      changed = FALSE;

      for (guint i = 0; i < n; i++)
        if (!fixed[i])
          total += g_array_index (self->weights, double, i);

      for (guint i = 0; i < n && total > 0; i++)
        {
          int min;

          if (fixed[i])
            continue;

          min = column_min_width (g_ptr_array_index (self->columns, i));
          widths[i] = remaining * (g_array_index (self->weights, double, i) / total);

          if (widths[i] < min)
            {
              widths[i] = min;
              fixed[i] = TRUE;
              remaining -= min;
              changed = TRUE;
              break;
            }
        }
    }

  /* Rounding leaves a few pixels: give them to the last column that can
   * still grow, so the columns fill the box exactly. */
  {
    int used = 0;

    for (guint i = 0; i < n; i++)
      used += widths[i];

    for (int i = n - 1; i >= 0; i--)
      {
        if (!fixed[i] || i == 0)
          {
            widths[i] += MAX (0, available - used);
            break;
          }
      }
  }
}

static void
vp_column_box_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  VpColumnBox *self = VP_COLUMN_BOX (widget);
  guint n = self->columns->len;

  *minimum = *natural = 0;

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *column = g_ptr_array_index (self->columns, i);
      int child_min = 0;
      int child_nat = 0;

      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          gtk_widget_measure (column, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          gtk_widget_measure (column, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL && n > 1)
    {
      *minimum += (n - 1) * GAP_WIDTH;
      *natural += (n - 1) * GAP_WIDTH;
    }
}

typedef struct
{
  int start;
  int end;
} ShownRange;

/* The part of the box, in its own coordinates, that the viewport around
 * it shows; all of it when it is in none. Called while allocating, when
 * the box's new position is already set. */
static ShownRange
shown_range (VpColumnBox *self,
             int          width)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  graphene_rect_t bounds;

  if (self->hadjustment == NULL || !GTK_IS_VIEWPORT (parent) ||
      !gtk_widget_compute_bounds (parent, GTK_WIDGET (self), &bounds))
    return (ShownRange) { 0, width };

  return (ShownRange) {
    (int)floorf (bounds.origin.x),
    (int)ceilf (bounds.origin.x + bounds.size.width),
  };
}

static void
vp_column_box_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  VpColumnBox *self = VP_COLUMN_BOX (widget);
  guint n = self->columns->len;
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  g_autofree int *widths = NULL;
  ShownRange shown;
  int x = 0;

  if (n == 0)
    return;

  widths = g_new0 (int, n);
  compute_widths (self, width - (int)(n - 1) * GAP_WIDTH, widths);
  shown = shown_range (self, width);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *column = g_ptr_array_index (self->columns, i);
      int column_x = rtl ? width - x - widths[i] : x;
      /* In sight or next to it: a neighbour is laid out too, so that Tab
       * can take the focus into it (GTK focuses only what is laid out),
       * and the viewport then scrolls it into sight. */
      int reach = widths[i];
      gboolean wanted = (column_x < shown.end + reach && column_x + widths[i] + reach > shown.start) ||
                        gtk_widget_get_focus_child (widget) == column;

      gtk_widget_set_child_visible (column, wanted);
      if (wanted)
        gtk_widget_size_allocate (column,
                                  &(GtkAllocation) { column_x, 0, widths[i], height },
                                  -1);
      x += widths[i];

      if (i + 1 < n)
        {
          GtkWidget *handle = g_ptr_array_index (self->handles, i);
          int gap_x = rtl ? width - x - GAP_WIDTH : x;

          /* The handle straddles the gap and overlaps both columns a
           * little; it is stacked above them, so it gets the pointer. */
          gtk_widget_size_allocate (handle,
                                    &(GtkAllocation) {
                                      gap_x - (HANDLE_WIDTH - GAP_WIDTH) / 2, 0,
                                      HANDLE_WIDTH, height
                                    },
                                    -1);
          x += GAP_WIDTH;
        }
    }
}

static void
vp_column_box_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VpColumnBox *self = VP_COLUMN_BOX (widget);

  /* Columns first, handles on top, in the same order as picking. */
  for (guint i = 0; i < self->columns->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->columns, i), snapshot);

  for (guint i = 0; i < self->handles->len; i++)
    gtk_widget_snapshot_child (widget, g_ptr_array_index (self->handles, i), snapshot);
}

static int
current_width (GtkWidget *widget)
{
  return gtk_widget_get_width (widget);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          start_x,
               double          start_y,
               VpColumnBox    *self)
{
  GtkWidget *handle = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  guint index;

  if (!g_ptr_array_find (self->handles, handle, &index))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);

  self->drag_handle = index;
  self->drag_left_width = current_width (g_ptr_array_index (self->columns, index));
  self->drag_right_width = current_width (g_ptr_array_index (self->columns, index + 1));

  /* From now on the weights are the widths the user sees, so that the
   * other columns stay exactly where they are. */
  for (guint i = 0; i < self->columns->len; i++)
    g_array_index (self->weights, double, i) =
      MAX (1, current_width (g_ptr_array_index (self->columns, i)));
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                VpColumnBox    *self)
{
  GtkWidget *left;
  GtkWidget *right;
  int total;
  int left_width;
  int left_min;
  int right_min;

  if (self->drag_handle < 0)
    return;

  if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
    offset_x = -offset_x;

  left = g_ptr_array_index (self->columns, self->drag_handle);
  right = g_ptr_array_index (self->columns, self->drag_handle + 1);
  left_min = column_min_width (left);
  right_min = column_min_width (right);
  total = self->drag_left_width + self->drag_right_width;

  left_width = CLAMP (self->drag_left_width + (int)offset_x,
                      left_min, MAX (left_min, total - right_min));

  g_array_index (self->weights, double, self->drag_handle) = left_width;
  g_array_index (self->weights, double, self->drag_handle + 1) = MAX (1, total - left_width);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             VpColumnBox    *self)
{
  self->drag_handle = -1;
}

static GtkWidget *
create_handle (VpColumnBox *self)
{
  GtkWidget *handle = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_widget_add_css_class (handle, "column-handle");
  gtk_widget_set_cursor_from_name (handle, "col-resize");
  gtk_accessible_update_property (GTK_ACCESSIBLE (handle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Column Border"),
                                  -1);

  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  gtk_widget_add_controller (handle, GTK_EVENT_CONTROLLER (drag));

  return handle;
}

/* Every change of the set of columns shares the width equally again: a
 * newcomer should not start squeezed against the edge. */
static void
reset_weights (VpColumnBox *self)
{
  g_array_set_size (self->weights, self->columns->len);

  for (guint i = 0; i < self->weights->len; i++)
    g_array_index (self->weights, double, i) = 1.0;
}

/* Keeps the widget children in reading order (columns, then handles),
 * which is also the order of keyboard focus. */
static void
sync_child_order (VpColumnBox *self)
{
  GtkWidget *prev = NULL;

  for (guint i = 0; i < self->columns->len; i++)
    {
      GtkWidget *column = g_ptr_array_index (self->columns, i);

      gtk_widget_insert_after (column, GTK_WIDGET (self), prev);
      prev = column;
    }

  for (guint i = 0; i < self->handles->len; i++)
    {
      GtkWidget *handle = g_ptr_array_index (self->handles, i);

      gtk_widget_insert_after (handle, GTK_WIDGET (self), prev);
      prev = handle;
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
sync_handles (VpColumnBox *self)
{
  guint wanted = self->columns->len > 0 ? self->columns->len - 1 : 0;

  while (self->handles->len > wanted)
    {
      GtkWidget *handle = g_ptr_array_steal_index (self->handles, self->handles->len - 1);

      gtk_widget_unparent (handle);
    }

  while (self->handles->len < wanted)
    {
      GtkWidget *handle = create_handle (self);

      gtk_widget_set_parent (handle, GTK_WIDGET (self));
      g_ptr_array_add (self->handles, handle);
    }

  sync_child_order (self);
}

static void
hadjustment_value_changed_cb (VpColumnBox *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
vp_column_box_root (GtkWidget *widget)
{
  VpColumnBox *self = VP_COLUMN_BOX (widget);
  GtkWidget *parent;

  GTK_WIDGET_CLASS (vp_column_box_parent_class)->root (widget);

  parent = gtk_widget_get_parent (widget);
  if (GTK_IS_VIEWPORT (parent))
    {
      g_set_object (&self->hadjustment, gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (parent)));
      if (self->hadjustment != NULL)
        g_signal_connect_object (self->hadjustment, "value-changed",
                                 G_CALLBACK (hadjustment_value_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
}

static void
vp_column_box_unroot (GtkWidget *widget)
{
  VpColumnBox *self = VP_COLUMN_BOX (widget);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  g_clear_object (&self->hadjustment);

  GTK_WIDGET_CLASS (vp_column_box_parent_class)->unroot (widget);
}

static void
vp_column_box_dispose (GObject *object)
{
  VpColumnBox *self = (VpColumnBox *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->handles, 0);
  g_clear_object (&self->hadjustment);

  G_OBJECT_CLASS (vp_column_box_parent_class)->dispose (object);
}

static void
vp_column_box_finalize (GObject *object)
{
  VpColumnBox *self = (VpColumnBox *)object;

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->handles, g_ptr_array_unref);
  g_clear_pointer (&self->weights, g_array_unref);

  G_OBJECT_CLASS (vp_column_box_parent_class)->finalize (object);
}

static void
vp_column_box_class_init (VpColumnBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_column_box_dispose;
  object_class->finalize = vp_column_box_finalize;

  widget_class->measure = vp_column_box_measure;
  widget_class->size_allocate = vp_column_box_size_allocate;
  widget_class->snapshot = vp_column_box_snapshot;
  widget_class->root = vp_column_box_root;
  widget_class->unroot = vp_column_box_unroot;

  gtk_widget_class_set_css_name (widget_class, "columnbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vp_column_box_init (VpColumnBox *self)
{
  self->columns = g_ptr_array_new ();
  self->handles = g_ptr_array_new ();
  self->weights = g_array_new (FALSE, TRUE, sizeof (double));
  self->drag_handle = -1;
}

GtkWidget *
vp_column_box_new (void)
{
  return g_object_new (VP_TYPE_COLUMN_BOX, NULL);
}

guint
vp_column_box_get_n_columns (VpColumnBox *self)
{
  g_return_val_if_fail (VP_IS_COLUMN_BOX (self), 0);

  return self->columns->len;
}

/**
 * vp_column_box_get_column:
 *
 * Returns: (transfer none) (nullable): the column at @position
 */
GtkWidget *
vp_column_box_get_column (VpColumnBox *self,
                          guint        position)
{
  g_return_val_if_fail (VP_IS_COLUMN_BOX (self), NULL);

  if (position >= self->columns->len)
    return NULL;

  return g_ptr_array_index (self->columns, position);
}

/**
 * vp_column_box_get_position:
 *
 * Returns: the index of @column, or -1 if it is not in the box
 */
int
vp_column_box_get_position (VpColumnBox *self,
                            GtkWidget   *column)
{
  guint index;

  g_return_val_if_fail (VP_IS_COLUMN_BOX (self), -1);

  if (!g_ptr_array_find (self->columns, column, &index))
    return -1;

  return index;
}

/**
 * vp_column_box_get_column_extent:
 * @x: (out): where @column starts, in the box's coordinates
 * @width: (out): its width
 *
 * Where @column is laid out, or will be at the box's present width, even
 * while it is scrolled out of view and so not allocated.
 *
 * Returns: whether @column is in the box
 */
gboolean
vp_column_box_get_column_extent (VpColumnBox *self,
                                 GtkWidget   *column,
                                 int         *x,
                                 int         *width)
{
  g_autofree int *widths = NULL;
  int box_width;
  int start = 0;
  guint n;
  guint index;

  g_return_val_if_fail (VP_IS_COLUMN_BOX (self), FALSE);

  if (!g_ptr_array_find (self->columns, column, &index))
    return FALSE;

  n = self->columns->len;
  box_width = gtk_widget_get_width (GTK_WIDGET (self));
  widths = g_new0 (int, n);
  compute_widths (self, box_width - (int)(n - 1) * GAP_WIDTH, widths);

  for (guint i = 0; i < index; i++)
    start += widths[i] + GAP_WIDTH;

  *width = widths[index];
  *x = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL
         ? box_width - start - widths[index] : start;

  return TRUE;
}

void
vp_column_box_append (VpColumnBox *self,
                      GtkWidget   *column)
{
  g_return_if_fail (VP_IS_COLUMN_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (column));
  g_return_if_fail (gtk_widget_get_parent (column) == NULL);

  /* Out of sight until an allocation finds it in sight: mapping it now
   * would build what it draws for nothing. */
  gtk_widget_set_child_visible (column, FALSE);
  gtk_widget_set_parent (column, GTK_WIDGET (self));
  g_ptr_array_add (self->columns, column);

  reset_weights (self);
  sync_handles (self);
}

void
vp_column_box_remove (VpColumnBox *self,
                      GtkWidget   *column)
{
  guint index;

  g_return_if_fail (VP_IS_COLUMN_BOX (self));

  if (!g_ptr_array_find (self->columns, column, &index))
    g_return_if_reached ();

  g_ptr_array_remove_index (self->columns, index);
  gtk_widget_unparent (column);

  reset_weights (self);
  sync_handles (self);
}

void
vp_column_box_move (VpColumnBox *self,
                    GtkWidget   *column,
                    guint        position)
{
  guint index;
  double weight;

  g_return_if_fail (VP_IS_COLUMN_BOX (self));
  g_return_if_fail (position < self->columns->len);

  if (!g_ptr_array_find (self->columns, column, &index))
    g_return_if_reached ();

  if (index == position)
    return;

  /* The column keeps its width as it moves. */
  weight = g_array_index (self->weights, double, index);
  g_array_remove_index (self->weights, index);
  g_array_insert_val (self->weights, position, weight);

  g_ptr_array_remove_index (self->columns, index);
  g_ptr_array_insert (self->columns, position, column);

  sync_child_order (self);
}
