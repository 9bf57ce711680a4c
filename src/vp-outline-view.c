/* vp-outline-view.c
 *
 * The outline of one article as a tree: its sections at the top level,
 * each with the points of its list, and nested points under theirs; the
 * recommendations found in prose come last, as a group of their own.
 *
 * The selection marks where the reader is. It follows the article as it
 * scrolls (vp_outline_view_set_current_block()) and the keyboard as it
 * moves; activating a row (click, Enter, or an assistive technology)
 * emits ::node-activated so the column can scroll the article.
 *
 * The outline can be filtered by actors: then only the points that
 * involve one of them remain, with the sections and the points that hold
 * them, and the title says how many of all the points that is. One
 * filter serves the whole tree; it is told to look again whenever the
 * article's actors change, since a correction can bring a point in or
 * take it out.
 *
 * Every node starts expanded. The nodes the reader collapsed (or
 * expanded again) are part of the workspace's view, named by their path
 * (see vp_workspace_set_expanded()): the outline takes them from the
 * workspace when it is made, and gives them back when the window saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-outline-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-outline-item.h"
#include "vp-outline-row.h"
#include "vp-outline-section.h"
#include "vp-outline-view.h"

struct _VpOutlineView
{
  GtkWidget           parent_instance;

  VpArticle          *article;
  VpWorkspace        *workspace;
  GListStore         *roots;
  GtkCustomFilter    *filter;
  GPtrArray          *filter_ids;  /* interned actor ids; empty for no filter */
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  /* Every enumerated point, depth first: reading order. */
  GPtrArray          *points;
  /* The section each point belongs to, for collapsed sections. */
  GHashTable         *point_sections;
  GObject            *current;

  /* Template widgets */
  GtkLabel           *title_label;
  GtkStack           *stack;
  GtkListView        *list_view;
};

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpOutlineView, vp_outline_view, GTK_TYPE_WIDGET)

static GListModel *
filtered (VpOutlineView *self,
          GListModel    *model)
{
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (model),
                                                  g_object_ref (GTK_FILTER (self->filter))));
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  VpOutlineView *self = user_data;

  if (VP_IS_OUTLINE_SECTION (item))
    return filtered (self, vp_outline_section_get_items (item));

  if (VP_IS_OUTLINE_ITEM (item) && vp_outline_item_get_n_children (item) > 0)
    return filtered (self, vp_outline_item_get_children (item));

  return NULL;
}

/* Filtering by actors */

static gboolean
item_involves (VpOutlineView *self,
               VpOutlineItem *item)
{
  for (guint i = 0; i < self->filter_ids->len; i++)
    if (vp_outline_item_has_actor (item, g_ptr_array_index (self->filter_ids, i)))
      return TRUE;

  return FALSE;
}

/* A point stays when it involves a chosen actor, or holds one that does. */
static gboolean
item_matches (VpOutlineView *self,
              VpOutlineItem *item)
{
  guint n;

  if (item_involves (self, item))
    return TRUE;

  n = vp_outline_item_get_n_children (item);
  for (guint i = 0; i < n; i++)
    if (item_matches (self, vp_outline_item_get_child (item, i)))
      return TRUE;

  return FALSE;
}

static gboolean
filter_match_cb (gpointer node,
                 gpointer user_data)
{
  VpOutlineView *self = user_data;

  if (self->filter_ids->len == 0)
    return TRUE;

  if (VP_IS_OUTLINE_ITEM (node))
    return item_matches (self, node);

  if (VP_IS_OUTLINE_SECTION (node))
    {
      guint n = vp_outline_section_get_n_items (node);

      for (guint i = 0; i < n; i++)
        if (item_matches (self, vp_outline_section_get_item (node, i)))
          return TRUE;
    }

  return FALSE;
}

/**
 * vp_outline_view_get_n_shown_points:
 *
 * Returns: how many points involve an actor of the filter; all of them
 *   without a filter
 */
guint
vp_outline_view_get_n_shown_points (VpOutlineView *self)
{
  guint n = 0;

  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), 0);

  if (self->filter_ids->len == 0)
    return self->points->len;

  for (guint i = 0; i < self->points->len; i++)
    if (item_involves (self, g_ptr_array_index (self->points, i)))
      n++;

  return n;
}

static void
update_title (VpOutlineView *self)
{
  g_autofree char *title = NULL;
  guint n_points = self->points->len;
  gboolean filtering = self->filter_ids->len > 0;
  const char *page = "outline";

  if (filtering)
    /* Translators: the sidebar's title while it shows only the points
     * that involve some actors: those, of all points */
    title = g_strdup_printf (ngettext ("Outline · %u of %u Point", "Outline · %u of %u Points",
                                       n_points),
                             vp_outline_view_get_n_shown_points (self), n_points);
  else if (n_points > 0)
    /* Translators: the sidebar's title, with the number of points */
    title = g_strdup_printf (ngettext ("Outline · %u Point", "Outline · %u Points", n_points),
                             n_points);

  gtk_label_set_text (self->title_label, title != NULL ? title : _("Outline"));

  if (self->roots == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->roots)) == 0)
    page = "empty";
  else if (filtering && g_list_model_get_n_items (G_LIST_MODEL (self->tree)) == 0)
    page = "filtered";

  gtk_stack_set_visible_child_name (self->stack, page);
}

static void
mentions_changed_cb (VpOutlineView *self)
{
  if (self->filter_ids->len == 0)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_title (self);
}

/**
 * vp_outline_view_set_actor_filter:
 * @actor_ids: (nullable): the actors whose points to show, or %NULL (or
 *   none) for every point
 *
 * Shows only the points that involve any of @actor_ids.
 */
void
vp_outline_view_set_actor_filter (VpOutlineView      *self,
                                  const char * const *actor_ids)
{
  g_return_if_fail (VP_IS_OUTLINE_VIEW (self));

  g_ptr_array_set_size (self->filter_ids, 0);
  for (guint i = 0; actor_ids != NULL && actor_ids[i] != NULL; i++)
    g_ptr_array_add (self->filter_ids, (gpointer)g_intern_string (actor_ids[i]));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_title (self);
}

/* Where @item is in @model, which holds it. */
static guint
index_in (GListModel *model,
          gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }

  g_return_val_if_reached (0);
}

/* The path of @row's node as the workspace names it: the section's
 * number among the article's ("r" for the recommendations), then each
 * point's among its siblings, whatever the filter hides. */
static char *
dup_node_path (VpOutlineView  *self,
               GtkTreeListRow *row)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkTreeListRow) current = g_object_ref (row);
  GString *path = g_string_new (NULL);

  while (current != NULL)
    {
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (current);
      GtkTreeListRow *parent = gtk_tree_list_row_get_parent (current);

      if (parent == NULL)
        {
          GListModel *sections = vp_article_get_sections (self->article);
          guint n = g_list_model_get_n_items (sections);
          char *part = g_strdup ("r");

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(GObject) section = g_list_model_get_item (sections, i);

              if (section == node)
                {
                  g_free (part);
                  part = g_strdup_printf ("%u", i);
                  break;
                }
            }

          g_ptr_array_add (parts, part);
        }
      else
        {
          g_autoptr(GObject) parent_node = gtk_tree_list_row_get_item (parent);
          GListModel *siblings;

          if (VP_IS_OUTLINE_SECTION (parent_node))
            siblings = vp_outline_section_get_items (VP_OUTLINE_SECTION (parent_node));
          else
            siblings = vp_outline_item_get_children (VP_OUTLINE_ITEM (parent_node));

          g_ptr_array_add (parts, g_strdup_printf ("%u", index_in (siblings, node)));
        }

      g_object_unref (current);
      current = parent;
    }

  for (guint i = parts->len; i-- > 0;)
    {
      g_string_append (path, g_ptr_array_index (parts, i));
      if (i > 0)
        g_string_append_c (path, '/');
    }

  return g_string_free (path, FALSE);
}

/* Collapses and expands the nodes as the workspace's view says. Rows
 * come and go as it does: collapsing a node takes its descendants out,
 * expanding one brings them in, to be looked at in turn. */
static void
restore_expanded (VpOutlineView *self)
{
  g_auto(GStrv) paths = vp_workspace_dup_outline_paths (self->workspace, self->article);

  if (paths == NULL || paths[0] == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autofree char *path = NULL;
      gboolean expanded;

      if (!gtk_tree_list_row_is_expandable (row))
        continue;

      path = dup_node_path (self, row);
      if (vp_workspace_lookup_expanded (self->workspace, self->article, path, &expanded))
        gtk_tree_list_row_set_expanded (row, expanded);
    }
}

/**
 * vp_outline_view_store_expanded:
 *
 * Puts the nodes the reader collapsed, or expanded again after the view
 * said otherwise, into the workspace's view, to be saved. Nodes out of
 * sight (in a collapsed node, or filtered out) keep what it said of them.
 */
void
vp_outline_view_store_expanded (VpOutlineView *self)
{
  guint n;

  g_return_if_fail (VP_IS_OUTLINE_VIEW (self));

  if (self->tree == NULL || self->workspace == NULL ||
      !vp_workspace_find_article (self->workspace, self->article, NULL))
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autofree char *path = NULL;
      gboolean expanded;

      if (!gtk_tree_list_row_is_expandable (row))
        continue;

      path = dup_node_path (self, row);
      expanded = gtk_tree_list_row_get_expanded (row);

      /* Expanded is how nodes start: only a change is worth keeping. */
      if (!expanded || vp_workspace_lookup_expanded (self->workspace, self->article, path, NULL))
        vp_workspace_set_expanded (self->workspace, self->article, path, expanded);
    }
}

static void
collect_points (VpOutlineView    *self,
                VpOutlineSection *section,
                GListModel       *items)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpOutlineItem) item = g_list_model_get_item (items, i);

      g_ptr_array_add (self->points, g_object_ref (item));
      g_hash_table_insert (self->point_sections, item, section);
      collect_points (self, section, vp_outline_item_get_children (item));
    }
}

/**
 * vp_outline_view_get_node_block:
 * @node: a section or a point of the outline
 *
 * Returns: the block of the article where @node begins, or -1
 */
int
vp_outline_view_get_node_block (VpOutlineView *self,
                                GObject       *node)
{
  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), -1);

  if (VP_IS_OUTLINE_ITEM (node))
    return vp_outline_item_get_block (VP_OUTLINE_ITEM (node));

  if (VP_IS_OUTLINE_SECTION (node))
    {
      VpOutlineSection *section = VP_OUTLINE_SECTION (node);

      if (vp_outline_section_get_heading_block (section) >= 0)
        return vp_outline_section_get_heading_block (section);
      if (vp_outline_section_get_lead_in_block (section) >= 0)
        return vp_outline_section_get_lead_in_block (section);
      if (vp_outline_section_get_n_items (section) > 0)
        return vp_outline_item_get_block (vp_outline_section_get_item (section, 0));
    }

  return -1;
}

static void
emit_activated (VpOutlineView *self,
                guint          position)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(GObject) node = NULL;

  if (self->tree == NULL)
    return;

  row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  if (row == NULL)
    return;

  node = gtk_tree_list_row_get_item (row);
  g_set_object (&self->current, node);
  gtk_single_selection_set_selected (self->selection, position);
  /* Activation may come from the keyboard or an assistive technology,
   * with the row out of sight. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);

  g_signal_emit (self, signals[NODE_ACTIVATED], 0, node);
}

static void
list_activate_cb (VpOutlineView *self,
                  guint          position)
{
  emit_activated (self, position);
}

static VpOutlineRow *
get_focused_row (VpOutlineView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* Focus rests on the list's own row widget, which holds ours. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (focus);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (VP_IS_OUTLINE_ROW (child))
      return VP_OUTLINE_ROW (child);

  return NULL;
}

/* Right (or +) opens a section, Left (or -) closes it, as in every tree;
 * mirrored for right-to-left locales. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                VpOutlineView         *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  VpOutlineRow *row;
  GtkTreeListRow *list_row;
  int expand;

  /* The Menu key and Shift+F10 open a point's menu, as a right click. */
  if (keyval == GDK_KEY_Menu ||
      (keyval == GDK_KEY_F10 && (state & GDK_MODIFIER_MASK) == GDK_SHIFT_MASK))
    {
      row = get_focused_row (self);

      if (row == NULL || !vp_outline_row_popup_menu (row))
        return GDK_EVENT_PROPAGATE;

      return GDK_EVENT_STOP;
    }

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_KP_Add:
      expand = 1;
      break;

    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      expand = 0;
      break;

    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      expand = rtl ? 0 : 1;
      break;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      expand = rtl ? 1 : 0;
      break;

    default:
      return GDK_EVENT_PROPAGATE;
    }

  row = get_focused_row (self);
  list_row = row != NULL ? vp_outline_row_get_list_row (row) : NULL;
  if (list_row == NULL || !gtk_tree_list_row_is_expandable (list_row))
    return GDK_EVENT_PROPAGATE;

  gtk_tree_list_row_set_expanded (list_row, expand);

  return GDK_EVENT_STOP;
}

static void
vp_outline_view_dispose (GObject *object)
{
  VpOutlineView *self = (VpOutlineView *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_OUTLINE_VIEW);

  /* The template's root box is not bound, so it is not disposed above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->roots);
  g_clear_object (&self->current);
  g_clear_object (&self->article);
  g_clear_object (&self->workspace);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (vp_outline_view_parent_class)->dispose (object);
}

static void
vp_outline_view_finalize (GObject *object)
{
  VpOutlineView *self = (VpOutlineView *)object;

  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->point_sections, g_hash_table_unref);
  g_clear_pointer (&self->filter_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_outline_view_parent_class)->finalize (object);
}

static void
vp_outline_view_class_init (VpOutlineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_outline_view_dispose;
  object_class->finalize = vp_outline_view_finalize;

  /**
   * VpOutlineView::node-activated:
   * @node: the VpOutlineSection or VpOutlineItem the user activated
   */
  signals[NODE_ACTIVATED] =
    g_signal_new ("node-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-outline-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VpOutlineView, title_label);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineView, stack);
  gtk_widget_class_bind_template_child (widget_class, VpOutlineView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outlineview");

  g_type_ensure (VP_TYPE_OUTLINE_ROW);
}

static void
vp_outline_view_init (VpOutlineView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->points = g_ptr_array_new_with_free_func (g_object_unref);
  self->point_sections = g_hash_table_new (NULL, NULL);
  self->filter_ids = g_ptr_array_new ();
  self->filter = gtk_custom_filter_new (filter_match_cb, self, NULL);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
}

GtkWidget *
vp_outline_view_new (void)
{
  return g_object_new (VP_TYPE_OUTLINE_VIEW, NULL);
}

/**
 * vp_outline_view_set_article:
 * @article: one of @workspace's articles
 * @workspace: the workspace whose actors the chips name, and whose
 *   operations add actors to points and remove them
 *
 * Shows the outline of @article.
 */
void
vp_outline_view_set_article (VpOutlineView *self,
                             VpArticle     *article,
                             VpWorkspace   *workspace)
{
  GListModel *sections;
  GListModel *recommendations;
  guint n_sections;
  guint n_recommendations;

  g_return_if_fail (VP_IS_OUTLINE_VIEW (self));
  g_return_if_fail (VP_IS_ARTICLE (article));
  g_return_if_fail (VP_IS_WORKSPACE (workspace));

  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, mentions_changed_cb, self);

  g_set_object (&self->article, article);
  g_set_object (&self->workspace, workspace);
  g_signal_connect_object (article, "mentions-changed", G_CALLBACK (mentions_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_clear_object (&self->current);
  g_ptr_array_set_size (self->points, 0);
  g_hash_table_remove_all (self->point_sections);

  g_clear_object (&self->roots);
  self->roots = g_list_store_new (G_TYPE_OBJECT);
  sections = vp_article_get_sections (article);
  n_sections = g_list_model_get_n_items (sections);

  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, i);

      g_list_store_append (self->roots, section);
      collect_points (self, section, vp_outline_section_get_items (section));
    }

  /* Prescriptive sentences from the prose: a group after the lists. */
  recommendations = vp_article_get_recommendations (article);
  n_recommendations = g_list_model_get_n_items (recommendations);
  if (n_recommendations > 0)
    {
      g_autoptr(VpOutlineSection) group = NULL;

      group = vp_outline_section_new (_("Recommendations"), -1, NULL, -1, -1);
      for (guint i = 0; i < n_recommendations; i++)
        {
          g_autoptr(VpOutlineItem) item = g_list_model_get_item (recommendations, i);

          vp_outline_section_append_item (group, item);
        }

      g_list_store_append (self->roots, group);
    }

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);

  self->tree = gtk_tree_list_model_new (filtered (self, G_LIST_MODEL (self->roots)),
                                        FALSE, TRUE,
                                        create_children_cb, self, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  restore_expanded (self);
  update_title (self);

  /* The tree's name for screen readers says whose outline it is. */
  if (vp_article_get_title (article) != NULL)
    {
      g_autofree char *label = NULL;

      label = g_strdup_printf (_("Outline of “%s”"), vp_article_get_title (article));

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

/**
 * vp_outline_view_get_actors:
 *
 * Returns: (transfer none) (nullable): the actors of the outline's chips
 */
VpActorSet *
vp_outline_view_get_actors (VpOutlineView *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), NULL);

  return self->workspace != NULL ? vp_workspace_get_actors (self->workspace) : NULL;
}

/**
 * vp_outline_view_get_workspace:
 *
 * Returns: (transfer none) (nullable): the workspace of the article shown
 */
VpWorkspace *
vp_outline_view_get_workspace (VpOutlineView *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), NULL);

  return self->workspace;
}

/**
 * vp_outline_view_set_item_actor:
 * @item: one of the outline's points
 * @actor_id: one of the workspace's actors
 * @involved: whether the point involves the actor
 *
 * Adds an actor to a whole proposal, or removes it, whatever its text
 * names, as an undoable step of the workspace.
 */
void
vp_outline_view_set_item_actor (VpOutlineView *self,
                                VpOutlineItem *item,
                                const char    *actor_id,
                                gboolean       involved)
{
  g_return_if_fail (VP_IS_OUTLINE_VIEW (self));
  g_return_if_fail (VP_IS_OUTLINE_ITEM (item));
  g_return_if_fail (actor_id != NULL);

  if (self->workspace == NULL || vp_workspace_lookup_actor (self->workspace, actor_id) == NULL)
    return;

  if (involved)
    vp_workspace_add_item_actor (self->workspace, self->article, item, actor_id);
  else
    vp_workspace_remove_item_actor (self->workspace, self->article, item, actor_id);
}

/**
 * vp_outline_view_get_model:
 *
 * Returns: (transfer none) (nullable): the rows of the tree as shown
 */
GtkTreeListModel *
vp_outline_view_get_model (VpOutlineView *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), NULL);

  return self->tree;
}

/**
 * vp_outline_view_get_n_points:
 *
 * Returns: the number of enumerated points, nested ones included
 */
guint
vp_outline_view_get_n_points (VpOutlineView *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), 0);

  return self->points->len;
}

/**
 * vp_outline_view_get_point:
 *
 * Returns: (transfer none) (nullable): the point at @index, in reading order
 */
VpOutlineItem *
vp_outline_view_get_point (VpOutlineView *self,
                           guint          index)
{
  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), NULL);

  if (index >= self->points->len)
    return NULL;

  return g_ptr_array_index (self->points, index);
}

/**
 * vp_outline_view_get_point_index:
 *
 * Returns: the place of @item among the enumerated points, or -1
 */
int
vp_outline_view_get_point_index (VpOutlineView *self,
                                 VpOutlineItem *item)
{
  guint index;

  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), -1);

  if (!g_ptr_array_find (self->points, item, &index))
    return -1;

  return index;
}

static guint
find_row (VpOutlineView *self,
          GObject       *node)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == node)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/**
 * vp_outline_view_set_current_node:
 * @node: (nullable): a section or point, or %NULL for none
 *
 * Marks @node as where the reader is, and scrolls the outline to it. A
 * point in a collapsed section marks its section.
 */
void
vp_outline_view_set_current_node (VpOutlineView *self,
                                  GObject       *node)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (VP_IS_OUTLINE_VIEW (self));

  if (self->tree == NULL)
    return;

  if (node == self->current)
    return;

  g_set_object (&self->current, node);

  if (node != NULL)
    {
      position = find_row (self, node);

      if (position == GTK_INVALID_LIST_POSITION)
        {
          GObject *section = g_hash_table_lookup (self->point_sections, node);

          if (section != NULL)
            position = find_row (self, section);
        }
    }

  gtk_single_selection_set_selected (self->selection, position);

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * vp_outline_view_get_current_node:
 *
 * Returns: (transfer none) (nullable): the section or point marked current
 */
GObject *
vp_outline_view_get_current_node (VpOutlineView *self)
{
  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), NULL);

  return self->current;
}

/**
 * vp_outline_view_set_current_block:
 * @block: the block the reader is at
 *
 * Marks the last point that begins at or before @block: the one being
 * read, or the last one read.
 */
void
vp_outline_view_set_current_block (VpOutlineView *self,
                                   int            block)
{
  VpOutlineItem *current = NULL;

  g_return_if_fail (VP_IS_OUTLINE_VIEW (self));

  for (guint i = 0; i < self->points->len; i++)
    {
      VpOutlineItem *item = g_ptr_array_index (self->points, i);

      if (vp_outline_item_get_block (item) > block)
        break;

      current = item;
    }

  vp_outline_view_set_current_node (self, (GObject *)current);
}

/**
 * vp_outline_view_activate_row:
 * @position: a row of the model
 *
 * Activates a row as a click on it does.
 */
void
vp_outline_view_activate_row (VpOutlineView *self,
                              guint          position)
{
  g_return_if_fail (VP_IS_OUTLINE_VIEW (self));

  emit_activated (self, position);
}

static VpOutlineRow *
find_row_widget (GtkWidget *widget,
                 guint      position)
{
  if (VP_IS_OUTLINE_ROW (widget) && vp_outline_row_get_position (VP_OUTLINE_ROW (widget)) == position)
    return VP_OUTLINE_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      VpOutlineRow *found = find_row_widget (child, position);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * vp_outline_view_get_row_widget:
 * @position: a row of the model
 *
 * Returns: (transfer none) (nullable): the #VpOutlineRow showing that
 *   row, if it is on screen
 */
GtkWidget *
vp_outline_view_get_row_widget (VpOutlineView *self,
                                guint          position)
{
  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), NULL);

  return (GtkWidget *)find_row_widget (GTK_WIDGET (self->list_view), position);
}

/**
 * vp_outline_view_find_proposal:
 * @item: one of the outline's points
 * @ref: (out): where the comparison of the workspace's articles finds it
 *
 * Returns: whether @item is a proposal of its own (see #VpProposalRef): a
 *   point of a list, not nested in another, nor a recommendation
 */
gboolean
vp_outline_view_find_proposal (VpOutlineView *self,
                               VpOutlineItem *item,
                               VpProposalRef *ref)
{
  GListModel *sections;
  guint n_sections;

  g_return_val_if_fail (VP_IS_OUTLINE_VIEW (self), FALSE);
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (item), FALSE);
  g_return_val_if_fail (ref != NULL, FALSE);

  if (self->article == NULL ||
      !vp_workspace_find_article (self->workspace, self->article, &ref->article))
    return FALSE;

  sections = vp_article_get_sections (self->article);
  n_sections = g_list_model_get_n_items (sections);
  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, s);
      guint n_items = vp_outline_section_get_n_items (section);

      for (guint i = 0; i < n_items; i++)
        {
          if (vp_outline_section_get_item (section, i) == item)
            {
              ref->section = s;
              ref->item = i;
              return TRUE;
            }
        }
    }

  return FALSE;
}
