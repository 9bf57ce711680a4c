/* vp-comparison-groups.c
 *
 * The groups of a comparison: proposals of different articles that say
 * the same thing, a row each, with a cell for each article in column
 * order. A cell shows the article's proposal (its number and text, all of
 * it in the tooltip) or stays empty where the article says nothing of
 * the kind, so that agreement and silence read alike across the row. A
 * proposal the reader linked by hand carries a link mark.
 *
 * Activating a row (a click, Enter) runs win.go-to-group, which scrolls
 * every column to its proposal. The row's menu (its button, a right
 * click, or the Menu key) also takes a proposal out of the group ("Not
 * the Same Proposal", win.separate-proposal) and offers to choose the
 * proposal of a silent article (win.choose-link).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-comparison-groups"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vp-comparison-groups.h"
#include "vp-outline-item.h"

/* How much of a proposal a menu item quotes. */
#define EXCERPT_CHARS 48

/* A row: a list box row with its group, and an action to go to it that
 * assistive technologies see (GTK 4.8 gives them a widget's own actions,
 * not a list box row's activation). */

#define VP_TYPE_GROUP_ROW (vp_group_row_get_type ())

G_DECLARE_FINAL_TYPE (VpGroupRow, vp_group_row, VP, GROUP_ROW, GtkListBoxRow)

struct _VpGroupRow
{
  GtkListBoxRow parent_instance;

  guint         group;
};

G_DEFINE_FINAL_TYPE (VpGroupRow, vp_group_row, GTK_TYPE_LIST_BOX_ROW)

static void
group_row_activate_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.go-to-group", "u", VP_GROUP_ROW (widget)->group);
}

static void
vp_group_row_class_init (VpGroupRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "row.activate", NULL, group_row_activate_action);
}

static void
vp_group_row_init (VpGroupRow *self)
{
}

struct _VpComparisonGroups
{
  GtkWidget     parent_instance;

  VpComparison *comparison;

  GtkWidget    *box;
  GtkWidget    *header;
  GtkBox       *header_cells;
  GtkListBox   *list;
  GtkLabel     *placeholder_title;
  GtkLabel     *placeholder_label;
  /* The index column and the menu column, as wide in the header as in
   * the rows below it. */
  GtkSizeGroup *index_group;
  GtkSizeGroup *menu_group;
  GPtrArray    *rows;     /* GtkListBoxRow, one per group */
  GPtrArray    *menus;    /* GMenu, one per group */
};

G_DEFINE_FINAL_TYPE (VpComparisonGroups, vp_comparison_groups, GTK_TYPE_WIDGET)

static const char *
article_title (VpArticle *article)
{
  const char *title = vp_article_get_title (article);

  if (title == NULL || title[0] == '\0')
    title = vp_article_get_source (article);

  return title;
}

static char *
format_marker (VpOutlineItem *item)
{
  const char *label = vp_outline_item_get_label (item);

  if (label == NULL)
    return g_strdup ("•");

  return g_strdup_printf (C_("list marker", "%s."), label);
}

/* "3. A maritime hotline should connect…", for menus, without the
 * underscores GTK would take for mnemonics. */
static char *
format_excerpt (VpOutlineItem *item)
{
  g_autofree char *marker = format_marker (item);
  const char *text = vp_outline_item_get_text (item);
  g_autofree char *excerpt = NULL;
  g_autofree char *full = NULL;
  g_auto(GStrv) parts = NULL;

  if (g_utf8_strlen (text, -1) > EXCERPT_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, EXCERPT_CHARS);

      excerpt = g_strconcat (g_strchomp (cut), "…", NULL);
    }
  else
    excerpt = g_strdup (text);

  full = g_strdup_printf ("%s %s", marker, excerpt);
  parts = g_strsplit (full, "_", -1);

  return g_strjoinv ("__", parts);
}

/* Whether the reader linked @ref by hand to another of the group. */
static gboolean
linked_by_hand (VpWorkspace         *workspace,
                const VpProposalRef *ref,
                const VpProposalRef *members,
                guint                n_members)
{
  guint n = workspace != NULL ? vp_workspace_get_n_links (workspace) : 0;

  for (guint i = 0; i < n; i++)
    {
      VpProposalRef a;
      VpProposalRef b;
      VpLinkKind kind;

      vp_workspace_get_link (workspace, i, &kind, &a, &b);
      if (kind != VP_LINK_LINK)
        continue;

      for (guint m = 0; m < n_members; m++)
        {
          const VpProposalRef *other = &members[m];

          if ((memcmp (&a, ref, sizeof a) == 0 && memcmp (&b, other, sizeof b) == 0) ||
              (memcmp (&b, ref, sizeof b) == 0 && memcmp (&a, other, sizeof a) == 0))
            return TRUE;
        }
    }

  return FALSE;
}

static GtkWidget *
new_cell (VpComparisonGroups  *self,
          const VpProposalRef *ref,
          gboolean             by_hand,
          guint                article)
{
  GtkWidget *cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (cell, "group-cell");

  if (ref != NULL)
    {
      VpOutlineItem *item = vp_comparison_get_item (self->comparison, ref);
      g_autofree char *marker = format_marker (item);
      g_autofree char *tooltip = NULL;
      GtkWidget *number = gtk_label_new (marker);
      GtkWidget *text = gtk_label_new (vp_outline_item_get_text (item));

      gtk_label_set_yalign (GTK_LABEL (number), 0);
      gtk_widget_add_css_class (number, "group-label");
      gtk_widget_add_css_class (number, "numeric");
      gtk_box_append (GTK_BOX (cell), number);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_yalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (text), 3);
      gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 10);
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (cell), text);

      if (by_hand)
        {
          GtkWidget *mark = g_object_new (GTK_TYPE_IMAGE,
                                          "icon-name", "vp-link-symbolic",
                                          "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                          "valign", GTK_ALIGN_START,
                                          NULL);

          gtk_widget_add_css_class (mark, "dim-label");
          gtk_box_append (GTK_BOX (cell), mark);
          gtk_widget_add_css_class (cell, "by-hand");
          /* Translators: the tooltip of a proposal in a row of matching
           * proposals, which the reader linked to the others; %s is its
           * text */
          tooltip = g_strdup_printf (_("%s\nLinked by you"), vp_outline_item_get_text (item));
        }
      else
        tooltip = g_strdup (vp_outline_item_get_text (item));

      gtk_widget_set_tooltip_text (cell, tooltip);

      /* Translators: a proposal in a row of matching proposals: the
       * article's column number, the proposal's number and its text */
      accessible = g_strdup_printf (_("Article %u: %s %s"), article + 1, marker,
                                    vp_outline_item_get_text (item));
    }
  else
    {
      GtkWidget *none = gtk_label_new ("—");

      gtk_widget_set_hexpand (none, TRUE);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (GTK_BOX (cell), none);
      gtk_widget_add_css_class (cell, "empty");

      /* Translators: an empty cell in a row of matching proposals */
      accessible = g_strdup_printf (_("Article %u: no such proposal"), article + 1);
      gtk_widget_set_tooltip_text (cell, _("This article has no such proposal"));
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  return cell;
}

static GMenu *
new_menu (VpComparisonGroups  *self,
          guint                group,
          const VpProposalRef *members,
          guint                n_members)
{
  guint n_articles = vp_comparison_get_n_articles (self->comparison);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) go = g_menu_new ();
  g_autoptr(GMenu) separate = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenuItem) go_item = NULL;
  guint m = 0;

  go_item = g_menu_item_new (_("_Go to These Proposals"), NULL);
  g_menu_item_set_action_and_target_value (go_item, "win.go-to-group",
                                           g_variant_new_uint32 (group));
  g_menu_append_item (go, go_item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (go));

  for (guint article = 0; article < n_articles; article++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (m < n_members && members[m].article == article)
        {
          const VpProposalRef *ref = &members[m++];
          g_autofree char *excerpt = format_excerpt (vp_comparison_get_item (self->comparison, ref));

          /* Translators: a menu item that takes a proposal out of a row
           * of matching proposals: the article's column number and the
           * start of the proposal */
          label = g_strdup_printf (_("Article %u: %s"), article + 1, excerpt);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (item, "win.separate-proposal",
                                                   g_variant_new ("(uuu)", ref->article,
                                                                  ref->section, ref->item));
          g_menu_append_item (separate, item);
        }
      else
        {
          /* Translators: a menu item of a row of matching proposals: the
           * reader chooses the proposal of an article that the
           * comparison found silent; %u is the article's column number */
          label = g_strdup_printf (_("Choose the Same Proposal in Article %u…"), article + 1);
          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target_value (item, "win.choose-link",
                                                   g_variant_new ("(uuui)", members[0].article,
                                                                  members[0].section,
                                                                  members[0].item,
                                                                  (int)article));
          g_menu_append_item (add, item);
        }
    }

  g_menu_append_section (menu, _("Not the Same Proposal"), G_MENU_MODEL (separate));
  if (g_menu_model_get_n_items (G_MENU_MODEL (add)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (add));

  return menu;
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                GtkMenuButton   *button)
{
  gtk_menu_button_popup (button);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* The Menu key and Shift+F10 open a row's menu, as a right click. */
static gboolean
row_key_pressed_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkMenuButton         *button)
{
  if (keyval == GDK_KEY_Menu ||
      (keyval == GDK_KEY_F10 && (state & GDK_MODIFIER_MASK) == GDK_SHIFT_MASK))
    {
      gtk_menu_button_popup (button);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static GtkWidget *
new_row (VpComparisonGroups *self,
         VpWorkspace        *workspace,
         guint               group)
{
  guint n_articles = vp_comparison_get_n_articles (self->comparison);
  guint n_members;
  const VpProposalRef *members = vp_comparison_get_group (self->comparison, group, &n_members);
  VpGroupRow *group_row = g_object_new (VP_TYPE_GROUP_ROW, NULL);
  GtkWidget *row = GTK_WIDGET (group_row);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cells = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = g_strdup_printf ("%u", group + 1);
  GtkWidget *index = gtk_label_new (number);
  GtkWidget *button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = new_menu (self, group, members, n_members);
  g_autofree char *accessible = NULL;
  GtkGesture *click;
  GtkEventController *keys;
  guint m = 0;

  gtk_label_set_yalign (GTK_LABEL (index), 0);
  gtk_widget_add_css_class (index, "group-index");
  gtk_widget_add_css_class (index, "numeric");
  gtk_widget_add_css_class (index, "dim-label");
  gtk_size_group_add_widget (self->index_group, index);
  gtk_box_append (GTK_BOX (box), index);

  gtk_box_set_homogeneous (GTK_BOX (cells), TRUE);
  gtk_widget_set_hexpand (cells, TRUE);
  for (guint article = 0; article < n_articles; article++)
    {
      const VpProposalRef *ref = NULL;

      if (m < n_members && members[m].article == article)
        ref = &members[m++];

      gtk_box_append (GTK_BOX (cells),
                      new_cell (self, ref,
                                ref != NULL && linked_by_hand (workspace, ref, members, n_members),
                                article));
    }
  gtk_box_append (GTK_BOX (box), cells);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Group Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group Menu"), -1);
  gtk_size_group_add_widget (self->menu_group, button);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_add_css_class (row, "group-row");

  /* Translators: the accessible name of a row of matching proposals: its
   * number, then how many of the articles have such a proposal */
  accessible = g_strdup_printf (ngettext ("Matching proposals %u, in %u of %u article",
                                          "Matching proposals %u, in %u of %u articles",
                                          n_articles),
                                group + 1, n_members, n_articles);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (row_pressed_cb), button, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (row_key_pressed_cb), button, 0);
  gtk_widget_add_controller (row, keys);

  group_row->group = group;
  g_ptr_array_add (self->menus, g_steal_pointer (&menu));

  return row;
}

static GtkWidget *
new_header_cell (guint      article,
                 VpArticle *a)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = g_strdup_printf ("%u", article + 1);
  GtkWidget *badge = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (article_title (a));
  g_autofree char *tooltip = NULL;

  gtk_widget_add_css_class (badge, "article-number");
  gtk_widget_add_css_class (badge, "numeric");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: the tooltip of an article's column of matching
   * proposals; %u is its column's number, %s its title */
  tooltip = g_strdup_printf (_("Article %u: %s"), article + 1, article_title (a));
  gtk_widget_set_tooltip_text (box, tooltip);
  gtk_widget_add_css_class (box, "group-header");

  return box;
}

static void
row_activated_cb (VpComparisonGroups *self,
                  GtkListBoxRow      *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "row.activate", NULL);
}

static void
clear (VpComparisonGroups *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->header_cells))) != NULL)
    gtk_box_remove (self->header_cells, child);

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->list, g_ptr_array_index (self->rows, i));

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->menus, 0);
}

/**
 * vp_comparison_groups_set_comparison:
 * @comparison: (nullable): the comparison to show
 * @workspace: (nullable): the workspace it compares, whose links mark
 *   the proposals the reader linked by hand
 *
 * Shows the groups of @comparison at its threshold; call again when the
 * threshold changes.
 */
void
vp_comparison_groups_set_comparison (VpComparisonGroups *self,
                                     VpComparison       *comparison,
                                     VpWorkspace        *workspace)
{
  guint n_articles;
  guint n_groups;

  g_return_if_fail (VP_IS_COMPARISON_GROUPS (self));
  g_return_if_fail (comparison == NULL || VP_IS_COMPARISON (comparison));
  g_return_if_fail (workspace == NULL || VP_IS_WORKSPACE (workspace));

  clear (self);
  g_set_object (&self->comparison, comparison);

  n_articles = comparison != NULL ? vp_comparison_get_n_articles (comparison) : 0;
  n_groups = comparison != NULL ? vp_comparison_get_n_groups (comparison) : 0;

  for (guint i = 0; i < n_articles; i++)
    gtk_box_append (self->header_cells,
                    new_header_cell (i, vp_comparison_get_article (comparison, i)));
  gtk_widget_set_visible (self->header, n_groups > 0);

  for (guint i = 0; i < n_groups; i++)
    {
      GtkWidget *row = new_row (self, workspace, i);

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->list, row);
    }

  if (n_articles < 2)
    {
      gtk_label_set_text (self->placeholder_title, _("One Article Alone"));
      gtk_label_set_text (self->placeholder_label,
                          _("Open another article to see the proposals they share"));
    }
  else
    {
      gtk_label_set_text (self->placeholder_title, _("No Shared Proposals"));
      gtk_label_set_text (self->placeholder_label,
                          _("Loosen the matching, or link two proposals from the menu of a "
                            "point of an outline"));
    }
}

guint
vp_comparison_groups_get_n_rows (VpComparisonGroups *self)
{
  g_return_val_if_fail (VP_IS_COMPARISON_GROUPS (self), 0);

  return self->rows->len;
}

/**
 * vp_comparison_groups_get_row:
 *
 * Returns: (transfer none) (nullable): the #GtkListBoxRow of @group
 */
GtkWidget *
vp_comparison_groups_get_row (VpComparisonGroups *self,
                              guint               group)
{
  g_return_val_if_fail (VP_IS_COMPARISON_GROUPS (self), NULL);

  return group < self->rows->len ? g_ptr_array_index (self->rows, group) : NULL;
}

/**
 * vp_comparison_groups_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell of @article in the row
 *   of @group; it has the style class "empty" when the article has no
 *   proposal in the group
 */
GtkWidget *
vp_comparison_groups_get_cell (VpComparisonGroups *self,
                               guint               group,
                               guint               article)
{
  GtkWidget *row;
  GtkWidget *cells;
  GtkWidget *cell;

  g_return_val_if_fail (VP_IS_COMPARISON_GROUPS (self), NULL);

  row = vp_comparison_groups_get_row (self, group);
  if (row == NULL)
    return NULL;

  /* The row's box: the index, the cells, the menu button. */
  cells = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))));
  cell = gtk_widget_get_first_child (cells);
  for (guint i = 0; cell != NULL && i < article; i++)
    cell = gtk_widget_get_next_sibling (cell);

  return cell;
}

/**
 * vp_comparison_groups_get_menu:
 *
 * Returns: (transfer none) (nullable): the menu of the row of @group
 */
GMenuModel *
vp_comparison_groups_get_menu (VpComparisonGroups *self,
                               guint               group)
{
  g_return_val_if_fail (VP_IS_COMPARISON_GROUPS (self), NULL);

  return group < self->menus->len ? g_ptr_array_index (self->menus, group) : NULL;
}

static void
vp_comparison_groups_dispose (GObject *object)
{
  VpComparisonGroups *self = (VpComparisonGroups *)object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->list = NULL;
  g_clear_object (&self->comparison);
  g_clear_object (&self->index_group);
  g_clear_object (&self->menu_group);

  G_OBJECT_CLASS (vp_comparison_groups_parent_class)->dispose (object);
}

static void
vp_comparison_groups_finalize (GObject *object)
{
  VpComparisonGroups *self = (VpComparisonGroups *)object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->menus, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_comparison_groups_parent_class)->finalize (object);
}

static void
vp_comparison_groups_class_init (VpComparisonGroupsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_comparison_groups_dispose;
  object_class->finalize = vp_comparison_groups_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comparisongroups");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
new_placeholder (VpComparisonGroups *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "groups-placeholder");
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), label);

  self->placeholder_title = GTK_LABEL (title);
  self->placeholder_label = GTK_LABEL (label);

  return box;
}

static void
vp_comparison_groups_init (VpComparisonGroups *self)
{
  GtkWidget *scroller;
  GtkWidget *spacer;

  self->rows = g_ptr_array_new ();
  self->menus = g_ptr_array_new_with_free_func (g_object_unref);
  self->index_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  self->menu_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* The articles' titles over their columns. */
  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->header, "groups-header");
  spacer = gtk_label_new (NULL);
  gtk_size_group_add_widget (self->index_group, spacer);
  gtk_box_append (GTK_BOX (self->header), spacer);
  self->header_cells = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_box_set_homogeneous (self->header_cells, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->header_cells), TRUE);
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->header_cells));
  spacer = gtk_label_new (NULL);
  gtk_size_group_add_widget (self->menu_group, spacer);
  gtk_box_append (GTK_BOX (self->header), spacer);
  gtk_box_append (GTK_BOX (self->box), self->header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_list_box_set_show_separators (self->list, TRUE);
  gtk_list_box_set_placeholder (self->list, new_placeholder (self));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "groups-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Matching Proposals"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), scroller);

  vp_comparison_groups_set_comparison (self, NULL, NULL);
}

GtkWidget *
vp_comparison_groups_new (void)
{
  return g_object_new (VP_TYPE_COMPARISON_GROUPS, NULL);
}
