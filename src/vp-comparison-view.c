/* vp-comparison-view.c
 *
 * The pane under the columns that compares the articles: the actor ×
 * article matrix on one page, the groups of matching proposals on the
 * other, and above them what each page is sorted or matched by.
 *
 * The view follows a workspace and shows a VpComparison of its articles,
 * in column order, with the links the reader made between proposals.
 * Whatever changes the workspace (an article opened, closed or moved, a
 * tag, an actor, a link, an undo) makes it compare again, once the
 * changes pause, and only while it is on screen: a comparison of the six
 * articles a window holds takes a few milliseconds, but a burst of edits
 * need not pay for it each time. vp_comparison_view_get_comparison()
 * always answers with the workspace as it is.
 *
 * The threshold changes the groups, not the comparison: moving the scale
 * groups again at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-comparison-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-comparison-view.h"

/* How long the workspace must stay unchanged before it is compared again. */
#define REBUILD_DELAY_MS 120

struct _VpComparisonView
{
  GtkWidget           parent_instance;

  VpWorkspace        *workspace;
  GSignalGroup       *workspace_signals;
  VpComparison       *comparison;
  double              threshold;
  guint               rebuild_source;
  gboolean            dirty;
  GSimpleAction      *sort_action;
  GMenu              *sort_menu;

  /* Template widgets */
  GtkLabel           *summary_label;
  GtkMenuButton      *sort_button;
  GtkScale           *threshold_scale;
  GtkAdjustment      *threshold_adjustment;
  GtkStack           *stack;
  VpComparisonMatrix *matrix;
  VpComparisonGroups *groups;
};

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_THRESHOLD,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VpComparisonView, vp_comparison_view, GTK_TYPE_WIDGET)

static void
update_summary (VpComparisonView *self)
{
  g_autofree char *text = NULL;
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (self->comparison == NULL)
    text = g_strdup ("");
  else if (g_strcmp0 (page, "groups") == 0)
    {
      guint n = vp_comparison_get_n_groups (self->comparison);

      if (vp_comparison_get_n_articles (self->comparison) < 2)
        text = g_strdup ("");
      else if (n == 0)
        text = g_strdup (_("No proposal matches another"));
      else
        /* Translators: above the groups of matching proposals */
        text = g_strdup_printf (ngettext ("%u proposal said in several articles",
                                          "%u proposals said in several articles", n), n);
    }
  else
    {
      guint n = vp_comparison_get_n_actors (self->comparison);

      if (n == 0)
        text = g_strdup (_("No actors are switched on"));
      else
        /* Translators: above the matrix; %u is a number of actors */
        text = g_strdup_printf (ngettext ("%u actor in the open articles",
                                          "%u actors in the open articles", n), n);
    }

  gtk_label_set_text (self->summary_label, text);
}

/* The sort menu: the actors' own order, their names, all mentions, and
 * the mentions in each article. */
static void
update_sort_menu (VpComparisonView *self)
{
  g_autoptr(GMenu) general = g_menu_new ();
  g_autoptr(GMenu) articles = g_menu_new ();
  guint n = self->comparison != NULL ? vp_comparison_get_n_articles (self->comparison) : 0;

  g_menu_remove_all (self->sort_menu);

  g_menu_append (general, _("_Actor Set Order"), "comparison.sort::actors");
  g_menu_append (general, _("_Name"), "comparison.sort::name");
  g_menu_append (general, _("Mentions in _All Articles"), "comparison.sort::total");
  g_menu_append_section (self->sort_menu, NULL, G_MENU_MODEL (general));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;
      g_autofree char *target = g_strdup_printf ("article-%u", i);

      /* Translators: an item of the matrix's sort menu; %u is an
       * article's column number */
      label = g_strdup_printf (_("Mentions in Article %u"), i + 1);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "comparison.sort",
                                               g_variant_new_string (target));
      g_menu_append_item (articles, item);
    }

  if (n > 0)
    g_menu_append_section (self->sort_menu, NULL, G_MENU_MODEL (articles));
}

static void
show_comparison (VpComparisonView *self)
{
  vp_comparison_matrix_set_comparison (self->matrix, self->comparison,
                                       self->workspace != NULL ? vp_workspace_get_actors (self->workspace)
                                                               : NULL);
  vp_comparison_groups_set_comparison (self->groups, self->comparison, self->workspace);
  update_sort_menu (self);
  update_summary (self);
}

static void
rebuild (VpComparisonView *self)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  guint n;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->dirty = FALSE;
  g_clear_object (&self->comparison);

  if (self->workspace != NULL)
    {
      n = vp_workspace_get_n_articles (self->workspace);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (articles, vp_workspace_get_article (self->workspace, i));

      self->comparison = vp_comparison_new (articles, vp_workspace_get_actors (self->workspace));
      vp_comparison_set_threshold (self->comparison, self->threshold);
      vp_workspace_apply_links (self->workspace, self->comparison, 0);
    }

  show_comparison (self);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  VpComparisonView *self = user_data;

  self->rebuild_source = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (VpComparisonView *self)
{
  self->dirty = TRUE;

  /* Out of sight, it waits to be shown, or asked. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  self->rebuild_source = g_timeout_add (REBUILD_DELAY_MS, rebuild_cb, self);
}

static void
workspace_changed_cb (VpComparisonView *self)
{
  schedule_rebuild (self);
}

static void
page_changed_cb (VpComparisonView *self)
{
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
matrix_sort_changed_cb (VpComparisonView *self)
{
  g_simple_action_set_state (self->sort_action,
                             g_variant_new_string (vp_comparison_matrix_get_sort (self->matrix)));
}

static void
sort_change_state_cb (GSimpleAction    *action,
                      GVariant         *state,
                      VpComparisonView *self)
{
  vp_comparison_matrix_set_sort (self->matrix, g_variant_get_string (state, NULL), FALSE);
}

static void
threshold_value_changed_cb (VpComparisonView *self)
{
  vp_comparison_view_set_threshold (self, gtk_adjustment_get_value (self->threshold_adjustment));
}

static void
vp_comparison_view_map (GtkWidget *widget)
{
  VpComparisonView *self = VP_COMPARISON_VIEW (widget);

  GTK_WIDGET_CLASS (vp_comparison_view_parent_class)->map (widget);

  if (self->dirty)
    rebuild (self);
}

static void
vp_comparison_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VpComparisonView *self = VP_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_THRESHOLD:
      g_value_set_double (value, self->threshold);
      break;

    case PROP_PAGE:
      g_value_set_string (value, vp_comparison_view_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_comparison_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VpComparisonView *self = VP_COMPARISON_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      vp_comparison_view_set_workspace (self, g_value_get_object (value));
      break;

    case PROP_THRESHOLD:
      vp_comparison_view_set_threshold (self, g_value_get_double (value));
      break;

    case PROP_PAGE:
      vp_comparison_view_set_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_comparison_view_dispose (GObject *object)
{
  VpComparisonView *self = (VpComparisonView *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->workspace_signals != NULL)
    g_signal_group_set_target (self->workspace_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_COMPARISON_VIEW);

  /* The template's root box is not bound, so it is not disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->workspace_signals);
  g_clear_object (&self->workspace);
  g_clear_object (&self->comparison);
  g_clear_object (&self->sort_action);
  g_clear_object (&self->sort_menu);

  G_OBJECT_CLASS (vp_comparison_view_parent_class)->dispose (object);
}

static void
vp_comparison_view_class_init (VpComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = vp_comparison_view_get_property;
  object_class->set_property = vp_comparison_view_set_property;
  object_class->dispose = vp_comparison_view_dispose;

  widget_class->map = vp_comparison_view_map;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         VP_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* How alike two proposals must be to be matched (see
   * vp_comparison_set_threshold()). */
  properties[PROP_THRESHOLD] =
    g_param_spec_double ("threshold", NULL, NULL,
                         VP_COMPARISON_VIEW_MIN_THRESHOLD, VP_COMPARISON_VIEW_MAX_THRESHOLD,
                         VP_COMPARISON_DEFAULT_THRESHOLD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* "matrix" or "groups". */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         "matrix",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VpComparisonView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, VpComparisonView, sort_button);
  gtk_widget_class_bind_template_child (widget_class, VpComparisonView, threshold_scale);
  gtk_widget_class_bind_template_child (widget_class, VpComparisonView, threshold_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VpComparisonView, stack);
  gtk_widget_class_bind_template_child (widget_class, VpComparisonView, matrix);
  gtk_widget_class_bind_template_child (widget_class, VpComparisonView, groups);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, matrix_sort_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparisonview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (VP_TYPE_COMPARISON_MATRIX);
  g_type_ensure (VP_TYPE_COMPARISON_GROUPS);
}

static void
vp_comparison_view_init (VpComparisonView *self)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->threshold = VP_COMPARISON_DEFAULT_THRESHOLD;

  /* A radio action of an action group rather than a class action: GTK
   * 4.8's menus mark the current choice only for the former. */
  self->sort_action = g_simple_action_new_stateful ("sort", G_VARIANT_TYPE_STRING,
                                                    g_variant_new_string ("actors"));
  g_signal_connect_object (self->sort_action, "change-state",
                           G_CALLBACK (sort_change_state_cb), self, 0);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (self->sort_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "comparison", G_ACTION_GROUP (group));

  self->sort_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->sort_button, G_MENU_MODEL (self->sort_menu));
  update_sort_menu (self);

  gtk_scale_add_mark (self->threshold_scale, VP_COMPARISON_DEFAULT_THRESHOLD, GTK_POS_BOTTOM, NULL);
  gtk_adjustment_set_value (self->threshold_adjustment, self->threshold);
  g_signal_connect_object (self->threshold_adjustment, "value-changed",
                           G_CALLBACK (threshold_value_changed_cb), self, G_CONNECT_SWAPPED);

  self->workspace_signals = g_signal_group_new (VP_TYPE_WORKSPACE);
  g_signal_group_connect_swapped (self->workspace_signals, "changed",
                                  G_CALLBACK (workspace_changed_cb), self);
}

GtkWidget *
vp_comparison_view_new (void)
{
  return g_object_new (VP_TYPE_COMPARISON_VIEW, NULL);
}

/**
 * vp_comparison_view_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace compared
 */
VpWorkspace *
vp_comparison_view_get_workspace (VpComparisonView *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_VIEW (self), NULL);

  return self->workspace;
}

/**
 * vp_comparison_view_set_workspace:
 * @workspace: (nullable): the workspace whose articles to compare
 */
void
vp_comparison_view_set_workspace (VpComparisonView *self,
                                  VpWorkspace      *workspace)
{
  g_return_if_fail (VP_IS_COMPARISON_VIEW (self));
  g_return_if_fail (workspace == NULL || VP_IS_WORKSPACE (workspace));

  if (!g_set_object (&self->workspace, workspace))
    return;

  g_signal_group_set_target (self->workspace_signals, workspace);

  /* The old comparison names articles the new workspace may not have. */
  g_clear_object (&self->comparison);
  show_comparison (self);
  schedule_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

/**
 * vp_comparison_view_get_comparison:
 *
 * Compares the workspace's articles first if it changed since they were
 * last compared.
 *
 * Returns: (transfer none) (nullable): the comparison shown, of the
 *   workspace's articles in column order; %NULL without a workspace
 */
VpComparison *
vp_comparison_view_get_comparison (VpComparisonView *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_VIEW (self), NULL);

  if (self->dirty)
    rebuild (self);

  return self->comparison;
}

double
vp_comparison_view_get_threshold (VpComparisonView *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_VIEW (self), VP_COMPARISON_DEFAULT_THRESHOLD);

  return self->threshold;
}

/**
 * vp_comparison_view_set_threshold:
 * @threshold: how alike proposals must be to be matched, within
 *   %VP_COMPARISON_VIEW_MIN_THRESHOLD and %VP_COMPARISON_VIEW_MAX_THRESHOLD
 *
 * Groups the proposals again at @threshold, at once.
 */
void
vp_comparison_view_set_threshold (VpComparisonView *self,
                                  double            threshold)
{
  g_return_if_fail (VP_IS_COMPARISON_VIEW (self));

  threshold = CLAMP (threshold, VP_COMPARISON_VIEW_MIN_THRESHOLD, VP_COMPARISON_VIEW_MAX_THRESHOLD);
  if (G_APPROX_VALUE (self->threshold, threshold, 1e-6))
    return;

  self->threshold = threshold;
  gtk_adjustment_set_value (self->threshold_adjustment, threshold);

  if (self->comparison != NULL)
    {
      vp_comparison_set_threshold (self->comparison, threshold);
      vp_comparison_groups_set_comparison (self->groups, self->comparison, self->workspace);
      update_summary (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLD]);
}

/**
 * vp_comparison_view_get_page:
 *
 * Returns: the page shown: "matrix" or "groups"
 */
const char *
vp_comparison_view_get_page (VpComparisonView *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
vp_comparison_view_set_page (VpComparisonView *self,
                             const char       *page)
{
  g_return_if_fail (VP_IS_COMPARISON_VIEW (self));
  g_return_if_fail (page != NULL);

  if (gtk_stack_get_child_by_name (self->stack, page) != NULL)
    gtk_stack_set_visible_child_name (self->stack, page);
}

/**
 * vp_comparison_view_get_matrix:
 *
 * Returns: (transfer none): the matrix page
 */
VpComparisonMatrix *
vp_comparison_view_get_matrix (VpComparisonView *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_VIEW (self), NULL);

  return self->matrix;
}

/**
 * vp_comparison_view_get_groups:
 *
 * Returns: (transfer none): the page of matching proposals
 */
VpComparisonGroups *
vp_comparison_view_get_groups (VpComparisonView *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_VIEW (self), NULL);

  return self->groups;
}

/**
 * vp_comparison_view_get_scale:
 *
 * Returns: (transfer none): the scale of the threshold, stricter at its
 *   start and looser at its end
 */
GtkRange *
vp_comparison_view_get_scale (VpComparisonView *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_VIEW (self), NULL);

  return GTK_RANGE (self->threshold_scale);
}
