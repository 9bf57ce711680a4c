/* test-actors-ui.c: the actors as a reader sees and corrects them
 *
 * Runs under Xvfb (see the headless test setup). The two Gulf fixtures
 * of tests/data/ui name the default actors in a few known places, and
 * leave some to the reader ("the kingdom", "Muscat"): the tests correct
 * them through the window's actions and widgets, check what the
 * workspace, the highlights, the chips, the counts and the filter then
 * say, and undo and redo each correction.
 *
 * Each test program has a configuration folder of its own (see
 * vp-ui-test.c), where the window saves the user's actor set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "vp-actor-catalogue.h"
#include "vp-actor-chip.h"
#include "vp-actor-editor.h"
#include "vp-actor-picker.h"
#include "vp-actor-row.h"
#include "vp-article-column.h"
#include "vp-outline-item.h"
#include "vp-outline-row.h"
#include "vp-ui-test.h"
#include "vp-window-private.h"

#define HOTLINE "gulf-hotline.html"
#define PORTS   "gulf-ports.html"

/* Blocks of the hotline fixture. */
#define HOTLINE_OPENING 0   /* "Tehran and Riyadh … The kingdom … Washington …" */
#define HOTLINE_HOST    4   /* "The kingdom should offer to host the first meeting." */
#define HOTLINE_MUSCAT  5   /* "Muscat should keep the minutes of every meeting." */

static VpArticleColumn *
get_column (VpWindow *window,
            guint     position)
{
  GtkWidget *column = vp_window_get_column (window, position);

  g_assert_nonnull (column);

  return VP_ARTICLE_COLUMN (column);
}

static VpArticleView *
get_view (VpWindow *window,
          guint     position)
{
  return vp_article_column_get_article_view (get_column (window, position));
}

static VpArticle *
get_article (VpWindow *window,
             guint     position)
{
  return vp_article_column_get_article (get_column (window, position));
}

static VpWorkspace *
get_workspace (VpWindow *window)
{
  return vp_window_get_workspace (window);
}

/* Selects the first @needle in @block, and says where it is. */
static void
select_text (VpArticleView *view,
             int            block,
             const char    *needle,
             guint         *start,
             guint         *end)
{
  const char *text = vp_article_get_block_text (vp_article_view_get_article (view), block);
  const char *found = strstr (text, needle);

  g_assert_nonnull (found);
  *start = found - text;
  *end = *start + strlen (needle);
  vp_article_view_select_span (view, block, *start, *end);
}

static gboolean
has_mention (VpArticle       *article,
             const char      *actor_id,
             int              block,
             guint            start,
             guint            end,
             VpMentionOrigin  origin)
{
  const char *actor = g_intern_string (actor_id);
  const VpMention *mentions;
  guint n;

  mentions = vp_article_get_mentions (article, &n);
  for (guint i = 0; i < n; i++)
    if (mentions[i].actor == actor && mentions[i].block == block &&
        mentions[i].start == start && mentions[i].end == end && mentions[i].origin == origin)
      return TRUE;

  return FALSE;
}

/* The point of @column's outline whose text starts with @prefix. */
static VpOutlineItem *
find_item (VpArticleColumn *column,
           const char      *prefix)
{
  VpOutlineView *outline = vp_article_column_get_outline_view (column);

  for (guint i = 0; i < vp_outline_view_get_n_points (outline); i++)
    {
      VpOutlineItem *item = vp_outline_view_get_point (outline, i);

      if (g_str_has_prefix (vp_outline_item_get_text (item), prefix))
        return item;
    }

  g_error ("No point starts with “%s”", prefix);
  return NULL;
}

/* The row widget of @item in @column's outline, once drawn. */
static VpOutlineRow *
find_row (VpArticleColumn *column,
          VpOutlineItem   *item)
{
  VpOutlineView *outline = vp_article_column_get_outline_view (column);
  GListModel *model = G_LIST_MODEL (vp_outline_view_get_model (outline));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);

      if (node == G_OBJECT (item))
        {
          GtkWidget *widget = NULL;

          VP_WAIT_FOR ((widget = vp_outline_view_get_row_widget (outline, i)) != NULL);
          return VP_OUTLINE_ROW (widget);
        }
    }

  g_error ("“%s” is not shown in the outline", vp_outline_item_get_text (item));
  return NULL;
}

static gboolean
has_chip (GtkWidget  *widget,
          const char *name)
{
  if (VP_IS_ACTOR_CHIP (widget) && g_str_equal (vp_actor_chip_get_name (VP_ACTOR_CHIP (widget)), name))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_chip (child, name))
      return TRUE;

  return FALSE;
}

/* Finds a menu item by its label (with its mnemonic), in sections and
 * submenus, and gives its action and target. */
static gboolean
find_menu_item (GMenuModel  *menu,
                const char  *label,
                char       **action,
                GVariant   **target)
{
  guint n = g_menu_model_get_n_items (menu);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_label = NULL;
      g_autoptr(GMenuModel) section = NULL;
      g_autoptr(GMenuModel) submenu = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_str_equal (item_label, label))
        {
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", action);
          *target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          return TRUE;
        }

      section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      if ((section != NULL && find_menu_item (section, label, action, target)) ||
          (submenu != NULL && find_menu_item (submenu, label, action, target)))
        return TRUE;
    }

  return FALSE;
}

/* Activates the menu item @label of @menu on @widget, as a click does. */
static void
activate_menu_item (GtkWidget  *widget,
                    GMenuModel *menu,
                    const char *label)
{
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;

  if (!find_menu_item (menu, label, &action, &target) || action == NULL)
    g_error ("The menu has no item “%s” with an action", label);

  g_assert_true (gtk_widget_activate_action_variant (widget, action, target));
}

static gboolean
menu_has_item (GMenuModel *menu,
               const char *label)
{
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;

  return find_menu_item (menu, label, &action, &target);
}

/* Clicks the button of the toast whose text holds @text, once the
 * toasts stopped moving, as a reader would: libadwaita 1.2 aborts when a
 * toast postponed by a newer one comes back before it finished hiding. */
static void
click_toast_button (VpWindow   *window,
                    const char *text,
                    const char *button_label)
{
  GtkWidget *toast;
  GtkWidget *label = NULL;

  vp_test_spin (500);
  toast = vp_test_find_label (GTK_WIDGET (window->toast_overlay), text);

  g_assert_nonnull (toast);

  /* The toast's own widget holds the message and the button. */
  for (GtkWidget *widget = toast; label == NULL && widget != NULL;
       widget = gtk_widget_get_parent (widget))
    label = vp_test_find_label (widget, button_label);
  g_assert_nonnull (label);

  g_signal_emit_by_name (gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON), "clicked");
}

static VpActorEditor *
wait_for_editor (VpWindow *window)
{
  VP_WAIT_FOR (window->actor_editor != NULL && gtk_widget_get_mapped (window->actor_editor));

  return VP_ACTOR_EDITOR (window->actor_editor);
}

static const char *
panel_counts (VpWindow   *window,
              const char *actor_id)
{
  GtkWidget *row = NULL;

  VP_WAIT_FOR ((row = vp_actors_panel_get_row (window->actors_panel, actor_id)) != NULL);

  return vp_actor_row_get_counts_text (VP_ACTOR_ROW (row));
}

static VpWindow *
open_window_with_panel (void)
{
  VpWindow *window = vp_test_new_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-actors", NULL);
  g_assert_true (window->show_actors);

  return window;
}

/* The window's workspace */

static void
test_workspace (void)
{
  VpWindow *window = vp_test_new_window ();
  VpWorkspace *workspace = get_workspace (window);

  g_assert_true (VP_IS_WORKSPACE (workspace));
  g_assert_cmpuint (vp_workspace_get_n_articles (workspace), ==, 0);

  /* Imports join the workspace; the columns follow its order. */
  vp_test_open (window, HOTLINE, PORTS, NULL);
  g_assert_cmpuint (vp_workspace_get_n_articles (workspace), ==, 2);
  g_assert_true (vp_workspace_get_article (workspace, 0) == get_article (window, 0));
  g_assert_true (vp_workspace_get_article (workspace, 1) == get_article (window, 1));

  /* Moving a column moves its article, and the other way round. */
  gtk_widget_activate_action (GTK_WIDGET (get_column (window, 0)), "column.move-right", NULL);
  g_assert_cmpstr (vp_article_get_title (vp_workspace_get_article (workspace, 0)), ==,
                   "Ports before promises");
  vp_workspace_move_article (workspace, 1, 0);
  g_assert_cmpstr (vp_article_get_title (get_article (window, 0)), ==, "A hotline for the Gulf");

  /* Articles are tagged with the workspace's actors. */
  g_assert_cmpuint (vp_article_count_mentions (get_article (window, 0), "iran"), ==, 2);

  /* Closing a column removes its article; removing an article closes
   * its column. */
  gtk_widget_activate_action (GTK_WIDGET (get_column (window, 1)), "column.close", NULL);
  g_assert_cmpuint (vp_workspace_get_n_articles (workspace), ==, 1);
  vp_workspace_remove_article (workspace, vp_workspace_get_article (workspace, 0));
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->stack), ==, "empty");

  /* A file closed can be opened again. */
  vp_test_open (window, HOTLINE, NULL);
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 1);

  vp_test_destroy_window (window);
}

static void
test_set_workspace (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autoptr(VpWorkspace) other = vp_workspace_new (NULL);
  g_autoptr(VpArticle) article = vp_article_new ("other.txt");

  vp_test_open (window, HOTLINE, NULL);

  vp_article_set_title (article, "Another article");
  vp_article_take_block (article, vp_block_new (VP_BLOCK_PARAGRAPH, "Tehran answered at once."));
  vp_workspace_add_article (other, article);

  /* What opening a workspace file will do: the columns, the panel and
   * the history all follow the new workspace. */
  _vp_window_set_workspace (window, other);
  g_assert_true (get_workspace (window) == other);
  g_assert_cmpuint (vp_window_get_n_columns (window), ==, 1);
  g_assert_true (get_article (window, 0) == article);
  g_assert_true (vp_actors_panel_get_workspace (window->actors_panel) == other);
  g_assert_cmpuint (vp_article_view_count_highlights (get_view (window, 0), "iran"), ==, 1);

  vp_workspace_create_actor (other, "Tehran Municipality", NULL);
  g_assert_true (menu_has_item (G_MENU_MODEL (window->history_section),
                                "Undo Create Tehran Municipality"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (vp_workspace_lookup_actor (other, "tehran-municipality"));

  vp_test_destroy_window (window);
}

/* Highlights */

static void
test_highlights (void)
{
  VpWindow *window = open_window_with_panel ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  VpArticleView *view;
  VpArticle *article;
  GtkWidget *row = NULL;
  GtkWidget *toggle;

  vp_test_open (window, HOTLINE, NULL);
  view = get_view (window, 0);
  article = get_article (window, 0);

  /* One highlight per mention of the body, for each actor. */
  g_assert_cmpuint (vp_article_view_count_highlights (view, "iran"), ==, 2);
  g_assert_cmpuint (vp_article_view_count_highlights (view, "saudi-arabia"), ==, 2);
  g_assert_cmpuint (vp_article_view_count_highlights (view, "us"), ==, 1);
  g_assert_cmpuint (vp_article_view_count_highlights (view, NULL), ==, 5);

  /* The panel's switch hides one actor's highlights, and nothing else. */
  VP_WAIT_FOR ((row = vp_actors_panel_get_row (window->actors_panel, "iran")) != NULL);
  toggle = vp_actor_row_get_switch (VP_ACTOR_ROW (row));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);

  {
    g_auto(GStrv) hidden = g_settings_get_strv (settings, "hidden-actors");

    g_assert_true (g_strv_contains ((const char * const *)hidden, "iran"));
  }
  g_assert_cmpuint (vp_article_view_count_highlights (view, "iran"), ==, 0);
  g_assert_cmpuint (vp_article_view_count_highlights (view, "saudi-arabia"), ==, 2);
  g_assert_cmpuint (vp_article_count_mentions (article, "iran"), ==, 2);
  g_assert_true (vp_outline_item_has_actor (find_item (get_column (window, 0), "Iran and"), "iran"));
  g_assert_false (vp_workspace_can_undo (get_workspace (window)));

  /* A column opened now hides them too. */
  vp_test_open (window, PORTS, NULL);
  g_assert_cmpuint (vp_article_view_count_highlights (get_view (window, 1), "iran"), ==, 0);
  g_assert_cmpuint (vp_article_view_count_highlights (get_view (window, 1), "us"), ==, 1);

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_cmpuint (vp_article_view_count_highlights (view, "iran"), ==, 2);
  g_assert_cmpuint (vp_article_view_count_highlights (get_view (window, 1), "iran"), ==, 2);

  /* The switch follows the setting, as another window changes it. */
  {
    const char *hidden[] = { "saudi-arabia", NULL };

    g_settings_set_strv (settings, "hidden-actors", hidden);
  }
  VP_WAIT_FOR ((row = vp_actors_panel_get_row (window->actors_panel, "saudi-arabia")) != NULL);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (vp_actor_row_get_switch (VP_ACTOR_ROW (row)))));
  g_assert_cmpuint (vp_article_view_count_highlights (view, "saudi-arabia"), ==, 0);

  vp_test_destroy_window (window);
}

/* Tagging by hand */

static void
test_tag_selection (void)
{
  VpWindow *window = vp_test_new_window ();
  VpWorkspace *workspace;
  VpArticleColumn *column;
  VpArticleView *view;
  VpArticle *article;
  VpOutlineItem *host;
  VpOutlineRow *row;
  GMenuModel *menu;
  guint start, end;

  vp_test_open (window, HOTLINE, NULL);
  workspace = get_workspace (window);
  column = get_column (window, 0);
  view = get_view (window, 0);
  article = get_article (window, 0);
  host = find_item (column, "The kingdom should");
  row = find_row (column, host);

  g_assert_false (vp_outline_item_has_actor (host, "saudi-arabia"));
  g_assert_false (has_chip (GTK_WIDGET (row), "Saudi Arabia"));

  /* Select "kingdom" in the second point: the context menu offers to
   * tag it as any actor, or as a new one. */
  select_text (view, HOTLINE_HOST, "kingdom", &start, &end);
  menu = vp_article_view_get_context_menu (view);
  g_assert_true (menu_has_item (menu, "_Tag as"));
  g_assert_true (menu_has_item (menu, "_New Actor…"));
  g_assert_true (menu_has_item (menu, "Add “kingdom” as an _Alias of"));

  activate_menu_item (GTK_WIDGET (view), menu, "Saudi Arabia");

  /* The span is a manual mention, anchored to its text, and the point
   * now involves the actor: its chip shows it. */
  {
    VpAnnotation *tag = vp_article_lookup_annotation (article, VP_ANNOTATION_TAG, "saudi-arabia",
                                                      HOTLINE_HOST, start, end);

    g_assert_nonnull (tag);
    g_assert_cmpstr (vp_annotation_get_text (tag), ==, "kingdom");
  }
  g_assert_true (has_mention (article, "saudi-arabia", HOTLINE_HOST, start, end, VP_MENTION_MANUAL));
  g_assert_true (vp_outline_item_has_actor (host, "saudi-arabia"));
  g_assert_true (has_chip (GTK_WIDGET (row), "Saudi Arabia"));
  g_assert_cmpuint (vp_article_view_count_highlights (view, "saudi-arabia"), ==, 3);
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 3);

  /* Undo and redo, from the history menu as well. */
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Tag as Saudi Arabia");
  g_assert_true (menu_has_item (G_MENU_MODEL (window->history_section), "Undo Tag as Saudi Arabia"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (has_mention (article, "saudi-arabia", HOTLINE_HOST, start, end, VP_MENTION_MANUAL));
  g_assert_false (vp_outline_item_has_actor (host, "saudi-arabia"));
  g_assert_false (has_chip (GTK_WIDGET (row), "Saudi Arabia"));
  g_assert_true (menu_has_item (G_MENU_MODEL (window->history_section), "Redo Tag as Saudi Arabia"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (vp_outline_item_has_actor (host, "saudi-arabia"));
  g_assert_true (has_chip (GTK_WIDGET (row), "Saudi Arabia"));

  /* The manual tag's own menu takes it back. */
  vp_article_view_set_context_point (view, HOTLINE_HOST, start + 1);
  menu = vp_article_view_get_context_menu (view);
  activate_menu_item (GTK_WIDGET (view), menu, "Remove Saudi Arabia Tag");
  g_assert_false (vp_outline_item_has_actor (host, "saudi-arabia"));
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Remove Saudi Arabia Tag");

  vp_test_destroy_window (window);
}

static void
test_tag_picker (void)
{
  VpWindow *window = vp_test_new_window ();
  VpArticleView *view;
  VpArticle *article;
  VpActorPicker *picker;
  guint start, end;

  vp_test_open (window, HOTLINE, NULL);
  view = get_view (window, 0);
  article = get_article (window, 0);

  /* Ctrl+T without a selection says what to do. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL);
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (window->toast_overlay), "Select a word"));

  /* With one, a searchable list of the actors opens at it. */
  select_text (view, HOTLINE_OPENING, "The kingdom", &start, &end);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.tag-selection", NULL);
  picker = VP_ACTOR_PICKER (vp_article_view_get_tag_picker (view));
  g_assert_nonnull (picker);
  VP_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  g_assert_cmpuint (vp_actor_picker_get_n_shown (picker), ==, 3);

  /* An alias finds its actor. */
  vp_actor_picker_set_search (picker, "riyadh");
  g_assert_cmpuint (vp_actor_picker_get_n_shown (picker), ==, 1);
  g_assert_true (vp_actor_picker_pick (picker, 0));
  VP_WAIT_FOR (!gtk_widget_get_mapped (GTK_WIDGET (picker)));

  g_assert_true (has_mention (article, "saudi-arabia", HOTLINE_OPENING, start, end,
                              VP_MENTION_MANUAL));

  vp_test_destroy_window (window);
}

static void
test_tag_new_actor (void)
{
  VpWindow *window = vp_test_new_window ();
  VpWorkspace *workspace;
  VpArticleColumn *column;
  VpArticleView *view;
  VpArticle *article;
  VpActorEditor *editor;
  VpOutlineItem *muscat;
  VpActor *actor;
  guint start, end;

  vp_test_open (window, HOTLINE, NULL);
  workspace = get_workspace (window);
  column = get_column (window, 0);
  view = get_view (window, 0);
  article = get_article (window, 0);
  muscat = find_item (column, "Muscat");

  /* "Tag as… → New Actor" opens the editor with the selection as the
   * name and the first alias. */
  select_text (view, HOTLINE_MUSCAT, "Muscat", &start, &end);
  activate_menu_item (GTK_WIDGET (view), vp_article_view_get_context_menu (view), "_New Actor…");
  editor = wait_for_editor (window);
  g_assert_cmpuint (vp_actor_editor_get_n_aliases (editor), ==, 1);

  vp_actor_editor_set_name (editor, "Sultanate");
  vp_actor_editor_set_kind (editor, VP_ACTOR_KIND_STATE);
  g_assert_true (vp_actor_editor_save (editor));

  actor = vp_workspace_lookup_actor (workspace, "sultanate");
  g_assert_nonnull (actor);
  g_assert_cmpstr (vp_actor_get_alias (actor, 0, NULL), ==, "Muscat");
  g_assert_cmpint (vp_actor_get_kind (actor), ==, VP_ACTOR_KIND_STATE);
  g_assert_true (vp_outline_item_has_actor (muscat, "sultanate"));
  g_assert_nonnull (vp_article_lookup_annotation (article, VP_ANNOTATION_TAG, "sultanate",
                                                  HOTLINE_MUSCAT, start, end));

  /* The actor and its tag are one step. */
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Tag as Sultanate");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (vp_workspace_lookup_actor (workspace, "sultanate"));
  g_assert_false (vp_outline_item_has_actor (muscat, "sultanate"));
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_nonnull (vp_workspace_lookup_actor (workspace, "sultanate"));
  g_assert_true (vp_outline_item_has_actor (muscat, "sultanate"));

  vp_test_destroy_window (window);
}

static void
test_reject_mention (void)
{
  VpWindow *window = open_window_with_panel ();
  VpArticleView *view;
  VpArticle *article;
  GMenuModel *menu;
  const char *text;
  guint start, end;

  vp_test_open (window, HOTLINE, NULL);
  view = get_view (window, 0);
  article = get_article (window, 0);
  text = vp_article_get_block_text (article, HOTLINE_OPENING);
  start = strstr (text, "Riyadh") - text;
  end = start + strlen ("Riyadh");

  g_assert_cmpstr (panel_counts (window, "saudi-arabia"), ==, "2 / 1");
  g_assert_true (has_mention (article, "saudi-arabia", HOTLINE_OPENING, start, end,
                              VP_MENTION_AUTOMATIC));

  /* A right click on the highlight offers "Not Saudi Arabia Here". */
  vp_article_view_set_context_point (view, HOTLINE_OPENING, start + 2);
  menu = vp_article_view_get_context_menu (view);
  g_assert_false (menu_has_item (menu, "_Tag as"));
  activate_menu_item (GTK_WIDGET (view), menu, "Not Saudi Arabia Here");

  g_assert_false (has_mention (article, "saudi-arabia", HOTLINE_OPENING, start, end,
                               VP_MENTION_AUTOMATIC));
  g_assert_nonnull (vp_article_lookup_annotation (article, VP_ANNOTATION_REJECTION,
                                                  "saudi-arabia", HOTLINE_OPENING, start, end));
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 1);
  g_assert_cmpuint (vp_article_view_count_highlights (view, "saudi-arabia"), ==, 1);
  VP_WAIT_FOR (g_strcmp0 (panel_counts (window, "saudi-arabia"), "1 / 1") == 0);

  /* Where it was, the menu offers it back. */
  menu = vp_article_view_get_context_menu (view);
  g_assert_false (menu_has_item (menu, "Not Saudi Arabia Here"));
  g_assert_true (menu_has_item (menu, "Restore Saudi Arabia Here"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 2);
  g_assert_cmpuint (vp_article_view_count_highlights (view, "saudi-arabia"), ==, 2);
  VP_WAIT_FOR (g_strcmp0 (panel_counts (window, "saudi-arabia"), "2 / 1") == 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 1);

  activate_menu_item (GTK_WIDGET (view), vp_article_view_get_context_menu (view),
                      "Restore Saudi Arabia Here");
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 2);

  vp_test_destroy_window (window);
}

static void
test_item_actors (void)
{
  VpWindow *window = open_window_with_panel ();
  VpArticleColumn *column;
  VpOutlineItem *muscat;
  VpOutlineItem *first;
  VpOutlineRow *row;
  GtkWidget *popover;

  vp_test_open (window, HOTLINE, NULL);
  column = get_column (window, 0);
  muscat = find_item (column, "Muscat");
  first = find_item (column, "Iran and");
  g_assert_cmpstr (panel_counts (window, "us"), ==, "1 / 0");

  /* The point's menu adds an actor to the whole proposal. */
  row = find_row (column, muscat);
  g_assert_true (vp_outline_row_popup_menu (row));
  popover = vp_outline_row_get_popover (row);
  VP_WAIT_FOR (gtk_widget_get_mapped (popover));
  activate_menu_item (GTK_WIDGET (row),
                      gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                      "United States");
  gtk_popover_popdown (GTK_POPOVER (popover));

  g_assert_true (vp_outline_item_has_actor (muscat, "us"));
  g_assert_true (has_chip (GTK_WIDGET (row), "United States"));
  VP_WAIT_FOR (g_strcmp0 (panel_counts (window, "us"), "1 / 1") == 0);

  /* And removes one, whatever the text names. */
  row = find_row (column, first);
  g_assert_true (vp_outline_row_popup_menu (row));
  popover = vp_outline_row_get_popover (row);
  activate_menu_item (GTK_WIDGET (row),
                      gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                      "Remove Iran from Proposal");
  gtk_popover_popdown (GTK_POPOVER (popover));
  g_assert_false (vp_outline_item_has_actor (first, "iran"));
  g_assert_false (has_chip (GTK_WIDGET (row), "Iran"));
  /* Its mention stays. */
  g_assert_cmpuint (vp_article_count_mentions (get_article (window, 0), "iran"), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (vp_outline_item_has_actor (first, "iran"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (vp_outline_item_has_actor (muscat, "us"));
  VP_WAIT_FOR (g_strcmp0 (panel_counts (window, "us"), "1 / 0") == 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (vp_outline_item_has_actor (muscat, "us"));

  vp_test_destroy_window (window);
}

static void
test_add_alias (void)
{
  VpWindow *window = vp_test_new_window ();
  VpWorkspace *workspace;
  VpArticle *hotline;
  VpArticle *ports;
  VpActor *saudi;
  guint start, end;

  vp_test_open (window, HOTLINE, PORTS, NULL);
  workspace = get_workspace (window);
  hotline = get_article (window, 0);
  ports = get_article (window, 1);
  saudi = vp_workspace_lookup_actor (workspace, "saudi-arabia");

  g_assert_cmpuint (vp_article_count_mentions (hotline, "saudi-arabia"), ==, 2);
  g_assert_cmpuint (vp_article_count_mentions (ports, "saudi-arabia"), ==, 1);

  /* "Add “kingdom” as an alias of Saudi Arabia": every article is tagged
   * again, and each kingdom is now a mention. */
  select_text (get_view (window, 0), HOTLINE_OPENING, "kingdom", &start, &end);
  g_assert_true (menu_has_item (vp_article_view_get_context_menu (get_view (window, 0)),
                               "Add “kingdom” as an _Alias of"));
  g_assert_false (vp_actor_has_alias (saudi, "kingdom"));

  {
    g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_string ("saudi-arabia"));

    g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (get_view (window, 0)),
                                                       "article.add-alias", target));
  }

  g_assert_true (vp_actor_has_alias (saudi, "kingdom"));
  g_assert_cmpuint (vp_article_count_mentions (hotline, "saudi-arabia"), ==, 5);
  g_assert_cmpuint (vp_article_count_mentions (ports, "saudi-arabia"), ==, 2);
  g_assert_true (vp_outline_item_has_actor (find_item (get_column (window, 0), "The kingdom"),
                                            "saudi-arabia"));
  g_assert_cmpuint (vp_article_view_count_highlights (get_view (window, 1), "saudi-arabia"), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (vp_actor_has_alias (saudi, "kingdom"));
  g_assert_cmpuint (vp_article_count_mentions (hotline, "saudi-arabia"), ==, 2);
  g_assert_cmpuint (vp_article_count_mentions (ports, "saudi-arabia"), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (vp_article_count_mentions (ports, "saudi-arabia"), ==, 2);

  vp_test_destroy_window (window);
}

/* The actors panel */

static void
test_create_and_edit (void)
{
  VpWindow *window = open_window_with_panel ();
  VpWorkspace *workspace;
  VpActorEditor *editor;
  VpActor *actor;
  GListModel *shown;

  vp_test_open (window, HOTLINE, NULL);
  workspace = get_workspace (window);
  shown = vp_actors_panel_get_model (window->actors_panel);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* New Actor: the name is the first alias until one is typed, and
   * an alias in capitals matches only as written. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-actor", NULL);
  editor = wait_for_editor (window);
  g_assert_false (vp_actor_editor_is_valid (editor));
  vp_actor_editor_set_name (editor, "Muscat");
  g_assert_true (vp_actor_editor_is_valid (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-alias", NULL));
  g_assert_cmpuint (vp_actor_editor_get_n_aliases (editor), ==, 2);
  vp_actor_editor_set_alias_text (editor, 1, "GCC");
  g_assert_true (vp_actor_editor_get_alias_case_sensitive (editor, 1));
  vp_actor_editor_set_alias_text (editor, 1, "!!");
  g_assert_false (vp_actor_editor_is_valid (editor));
  vp_actor_editor_remove_alias (editor, 1);
  g_assert_true (vp_actor_editor_is_valid (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  VP_WAIT_FOR (window->actor_editor == NULL);

  actor = vp_workspace_lookup_actor (workspace, "muscat");
  g_assert_nonnull (actor);
  g_assert_true (vp_actor_get_enabled (actor));
  g_assert_cmpuint (vp_actor_get_n_aliases (actor), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  g_assert_cmpuint (vp_article_count_mentions (get_article (window, 0), "muscat"), ==, 1);
  g_assert_true (vp_outline_item_has_actor (find_item (get_column (window, 0), "Muscat"), "muscat"));
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Create Muscat");

  /* Editing it renames it everywhere: the chip follows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-actor", "s", "muscat");
  editor = wait_for_editor (window);
  g_assert_true (vp_actor_editor_get_original (editor) == actor);
  vp_actor_editor_set_name (editor, "Oman’s Capital");
  vp_actor_editor_set_color (editor, "#cc79a7");
  vp_actor_editor_add_alias (editor, "Omani capital", FALSE);
  g_assert_true (vp_actor_editor_save (editor));

  g_assert_cmpstr (vp_actor_get_id (actor), ==, "muscat");
  g_assert_cmpstr (vp_actor_get_name (actor), ==, "Oman’s Capital");
  g_assert_cmpstr (vp_actor_get_color (actor), ==, "#cc79a7");
  g_assert_cmpuint (vp_actor_get_n_aliases (actor), ==, 2);
  {
    VpOutlineRow *row = find_row (get_column (window, 0), find_item (get_column (window, 0), "Muscat"));

    VP_WAIT_FOR (has_chip (GTK_WIDGET (row), "Oman’s Capital"));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (vp_actor_get_name (actor), ==, "Muscat");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_null (vp_workspace_lookup_actor (workspace, "muscat"));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  vp_test_destroy_window (window);
}

static void
test_delete_with_toast (void)
{
  VpWindow *window = open_window_with_panel ();
  VpWorkspace *workspace;
  VpArticle *article;
  GtkWidget *row = NULL;
  GMenuModel *menu;
  guint start, end;

  vp_test_open (window, HOTLINE, NULL);
  workspace = get_workspace (window);
  article = get_article (window, 0);

  /* A manual tag, which deleting the actor takes along. */
  select_text (get_view (window, 0), HOTLINE_HOST, "kingdom", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (get_view (window, 0)), "article.tag-as", "s",
                              "saudi-arabia");
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 1);

  /* From the row's menu. */
  VP_WAIT_FOR ((row = vp_actors_panel_get_row (window->actors_panel, "saudi-arabia")) != NULL);
  menu = vp_actor_row_get_menu (VP_ACTOR_ROW (row));
  g_assert_true (menu_has_item (menu, "_Edit…"));
  g_assert_true (menu_has_item (menu, "_Merge Into"));
  activate_menu_item (row, menu, "_Delete");

  g_assert_null (vp_workspace_lookup_actor (workspace, "saudi-arabia"));
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 0);
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vp_actors_panel_get_model (window->actors_panel)), ==, 2);

  /* The toast's Undo brings all of it back. */
  click_toast_button (window, "Deleted “Saudi Arabia”", "Undo");
  g_assert_nonnull (vp_workspace_lookup_actor (workspace, "saudi-arabia"));
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 3);
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vp_actors_panel_get_model (window->actors_panel)), ==, 3);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_null (vp_workspace_lookup_actor (workspace, "saudi-arabia"));

  vp_test_destroy_window (window);
}

static void
test_merge_with_toast (void)
{
  VpWindow *window = open_window_with_panel ();
  VpWorkspace *workspace;
  VpArticle *article;
  VpActor *saudi;
  GtkWidget *row = NULL;

  vp_test_open (window, HOTLINE, NULL);
  workspace = get_workspace (window);
  article = get_article (window, 0);
  saudi = vp_workspace_lookup_actor (workspace, "saudi-arabia");

  /* "The Kingdom", made as an actor of its own, turns out to be Saudi
   * Arabia. */
  vp_workspace_create_actor (workspace, "kingdom", NULL);
  g_assert_cmpuint (vp_article_count_mentions (article, "kingdom"), ==, 3);

  VP_WAIT_FOR ((row = vp_actors_panel_get_row (window->actors_panel, "kingdom")) != NULL);
  activate_menu_item (row, vp_actor_row_get_menu (VP_ACTOR_ROW (row)), "Saudi Arabia");

  g_assert_null (vp_workspace_lookup_actor (workspace, "kingdom"));
  g_assert_true (vp_actor_has_alias (saudi, "kingdom"));
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 5);
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Merge kingdom into Saudi Arabia");

  click_toast_button (window, "Merged “kingdom” into “Saudi Arabia”", "Undo");
  g_assert_nonnull (vp_workspace_lookup_actor (workspace, "kingdom"));
  g_assert_false (vp_actor_has_alias (saudi, "kingdom"));
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 2);
  g_assert_cmpuint (vp_article_count_mentions (article, "kingdom"), ==, 3);

  /* A toast's Undo undoes its own step, or nothing. */
  VP_WAIT_FOR ((row = vp_actors_panel_get_row (window->actors_panel, "kingdom")) != NULL);
  activate_menu_item (row, vp_actor_row_get_menu (VP_ACTOR_ROW (row)), "Saudi Arabia");
  vp_workspace_create_actor (workspace, "Muscat", NULL);
  click_toast_button (window, "Merged “kingdom” into “Saudi Arabia”", "Undo");
  g_assert_nonnull (vp_workspace_lookup_actor (workspace, "muscat"));
  g_assert_null (vp_workspace_lookup_actor (workspace, "kingdom"));

  vp_test_destroy_window (window);
}

static void
test_choose_actors (void)
{
  VpWindow *window = open_window_with_panel ();
  VpWorkspace *workspace;
  VpActorCatalogue *catalogue;
  GtkWidget *oman;
  GListModel *shown;

  vp_test_open (window, HOTLINE, NULL);
  workspace = get_workspace (window);
  shown = vp_actors_panel_get_model (window->actors_panel);

  /* Oman comes with Viewpoints, switched off. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-actors", NULL);
  VP_WAIT_FOR (window->actor_catalogue != NULL && gtk_widget_get_mapped (window->actor_catalogue));
  catalogue = VP_ACTOR_CATALOGUE (window->actor_catalogue);

  oman = vp_actor_catalogue_get_switch (catalogue, "oman");
  g_assert_nonnull (oman);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (oman)));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (vp_actor_catalogue_get_switch (catalogue, "iran"))));

  gtk_switch_set_active (GTK_SWITCH (oman), TRUE);
  g_assert_true (vp_actor_get_enabled (vp_workspace_lookup_actor (workspace, "oman")));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  /* "Muscat" is one of Oman's aliases. */
  g_assert_true (vp_outline_item_has_actor (find_item (get_column (window, 0), "Muscat"), "oman"));

  /* Undone elsewhere, the switch follows. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (oman)));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);

  /* A bundled actor the workspace lost comes back from the bundled set. */
  vp_workspace_delete_actor (workspace, "iran");
  gtk_window_destroy (GTK_WINDOW (window->actor_catalogue));
  VP_WAIT_FOR (window->actor_catalogue == NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-actors", NULL);
  VP_WAIT_FOR (window->actor_catalogue != NULL);
  catalogue = VP_ACTOR_CATALOGUE (window->actor_catalogue);
  gtk_switch_set_active (GTK_SWITCH (vp_actor_catalogue_get_switch (catalogue, "iran")), TRUE);
  g_assert_nonnull (vp_workspace_lookup_actor (workspace, "iran"));
  g_assert_cmpuint (vp_article_count_mentions (get_article (window, 0), "iran"), ==, 2);

  vp_test_destroy_window (window);
}

/* Filtering */

static const char *
outline_title (VpWindow *window,
               guint     position)
{
  GtkWidget *label = vp_test_find_label (GTK_WIDGET (vp_article_column_get_outline_view (get_column (window, position))),
                                         "Outline");

  g_assert_nonnull (label);

  return gtk_label_get_text (GTK_LABEL (label));
}

static guint
n_rows (VpWindow *window,
        guint     position)
{
  VpOutlineView *outline = vp_article_column_get_outline_view (get_column (window, position));

  return g_list_model_get_n_items (G_LIST_MODEL (vp_outline_view_get_model (outline)));
}

static void
test_filter (void)
{
  VpWindow *window = vp_test_new_window ();
  GtkWidget *summary;
  guint start, end;

  vp_test_open (window, HOTLINE, PORTS, NULL);
  g_assert_false (gtk_revealer_get_reveal_child (window->filter_revealer));
  g_assert_cmpuint (n_rows (window, 0), ==, 4);
  g_assert_cmpuint (n_rows (window, 1), ==, 5);

  /* Filtering by the United States: the bar opens, the hotline has no
   * such point, the ports piece one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-actor", "s", "us");
  g_assert_true (window->show_filter);
  g_assert_true (gtk_revealer_get_reveal_child (window->filter_revealer));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (vp_filter_bar_get_chip (window->filter_bar, "us"))));
  g_assert_cmpuint (n_rows (window, 0), ==, 0);
  g_assert_cmpuint (n_rows (window, 1), ==, 2);
  g_assert_cmpstr (outline_title (window, 0), ==, "Outline · 0 of 3 Points");
  g_assert_cmpstr (outline_title (window, 1), ==, "Outline · 1 of 4 Points");
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (get_column (window, 0)), "No Matching Proposals"));
  summary = vp_test_find_label (GTK_WIDGET (window->filter_bar), "of 7 points");
  g_assert_nonnull (summary);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==, "1 of 7 points");

  /* A chip adds an actor: points involving either remain. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (vp_filter_bar_get_chip (window->filter_bar, "saudi-arabia")), TRUE);
  g_assert_cmpstr (outline_title (window, 0), ==, "Outline · 1 of 3 Points");
  g_assert_cmpstr (outline_title (window, 1), ==, "Outline · 2 of 4 Points");
  g_assert_cmpuint (n_rows (window, 1), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==, "3 of 7 points");

  /* The filter follows corrections, and their undoing. */
  select_text (get_view (window, 0), HOTLINE_HOST, "kingdom", &start, &end);
  gtk_widget_activate_action (GTK_WIDGET (get_view (window, 0)), "article.tag-as", "s",
                              "saudi-arabia");
  g_assert_cmpstr (outline_title (window, 0), ==, "Outline · 2 of 3 Points");
  g_assert_cmpuint (n_rows (window, 0), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (summary)), ==, "4 of 7 points");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpstr (outline_title (window, 0), ==, "Outline · 1 of 3 Points");

  /* Clearing restores every point; closing the bar clears it too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filter", NULL);
  g_assert_cmpuint (n_rows (window, 0), ==, 4);
  g_assert_cmpuint (n_rows (window, 1), ==, 5);
  g_assert_cmpstr (outline_title (window, 0), ==, "Outline · 3 Points");
  g_assert_false (gtk_widget_get_visible (summary));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.filter-actor", "s", "iran");
  g_assert_cmpuint (n_rows (window, 0), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-filter", NULL);
  g_assert_false (window->show_filter);
  g_assert_cmpuint (n_rows (window, 0), ==, 4);
  g_assert_false (vp_filter_bar_get_chosen (window->filter_bar, "iran"));

  vp_test_destroy_window (window);
}

/* The user's actor set */

static char *
user_actors_path (void)
{
  return g_build_filename (vp_test_get_config_dir (), "viewpoints", "actors.xml", NULL);
}

static void
test_user_set_saved (void)
{
  g_autofree char *path = user_actors_path ();
  VpWindow *window = vp_test_new_window ();
  g_autofree char *contents = NULL;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Every change of the actors is saved, as new articles will use it. */
  vp_workspace_create_actor (get_workspace (window), "Muscat", NULL);
  VP_WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "id=\"muscat\""));

  vp_test_destroy_window (window);

  /* The next window starts from it, and tags new articles with it. */
  window = vp_test_new_window_keep_config ();
  g_assert_nonnull (vp_workspace_lookup_actor (get_workspace (window), "muscat"));
  vp_test_open (window, HOTLINE, NULL);
  g_assert_cmpuint (vp_article_count_mentions (get_article (window, 0), "muscat"), ==, 1);

  /* An undone change is saved too. */
  vp_workspace_delete_actor (get_workspace (window), "muscat");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  vp_test_destroy_window (window);

  window = vp_test_new_window_keep_config ();
  g_assert_null (vp_workspace_lookup_actor (get_workspace (window), "muscat"));
  vp_test_destroy_window (window);
}

static void
test_bad_user_set (void)
{
  g_autofree char *path = user_actors_path ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *kept = g_build_filename (folder, "actors-unreadable.xml", NULL);
  g_autoptr(VpActorSet) defaults = vp_actor_set_new_default ();
  g_autoptr(VpActorSet) saved = NULL;
  g_autoptr(GFile) file = NULL;
  VpWindow *window;
  GtkWidget *toast;

  vp_test_reset_user_config ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "<actors><actor", -1, NULL));

  /* A toast names the file; the default actors are used. */
  window = vp_test_new_window_keep_config ();
  toast = vp_test_find_label (GTK_WIDGET (window->toast_overlay), "actors.xml");
  g_assert_nonnull (toast);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (toast)), "default actors"));
  g_assert_true (vp_actor_set_equal (vp_workspace_get_actors (get_workspace (window)), defaults));

  /* The file stays as it was until the actors change; then it is set
   * aside, not lost. */
  {
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "<actors><actor");
  }

  vp_workspace_set_actor_enabled (get_workspace (window), "oman", TRUE);
  VP_WAIT_FOR (g_file_test (kept, G_FILE_TEST_EXISTS));
  file = g_file_new_for_path (path);
  saved = vp_actor_set_new_from_file (file, NULL);
  g_assert_nonnull (saved);
  g_assert_true (vp_actor_get_enabled (vp_actor_set_lookup (saved, "oman")));
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (window->toast_overlay), "actors-unreadable.xml"));

  vp_test_destroy_window (window);
}

static void
test_import_export (void)
{
  VpWindow *window = vp_test_new_window ();
  g_autofree char *dir = g_dir_make_tmp ("vp-actors-XXXXXX", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "broken-actors.xml", NULL);
  g_autofree char *good_path = g_build_filename (dir, "my-actors.xml", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(VpActorSet) before = NULL;
  VpWorkspace *workspace;
  GtkWidget *toast;

  vp_test_open (window, HOTLINE, NULL);
  workspace = get_workspace (window);

  /* Export, then change the actors. */
  vp_workspace_create_actor (workspace, "Muscat", NULL);
  g_assert_true (_vp_window_export_actors_to_file (window, good));
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (window->toast_overlay), "Exported “my-actors.xml”"));
  vp_test_spin (500);
  vp_workspace_delete_actor (workspace, "muscat");
  vp_workspace_delete_actor (workspace, "iran");
  before = vp_actor_set_copy (vp_workspace_get_actors (workspace));

  /* A bad file: a toast says which and why, and nothing changes. */
  g_assert_true (g_file_set_contents (bad_path, "<?xml version=\"1.0\"?>\n<actors version=\"1\">", -1, NULL));
  g_assert_false (_vp_window_import_actors_from_file (window, bad));
  toast = vp_test_find_label (GTK_WIDGET (window->toast_overlay), "broken-actors.xml");
  g_assert_nonnull (toast);
  g_assert_true (vp_actor_set_equal (vp_workspace_get_actors (workspace), before));
  vp_test_spin (500);

  /* A good one replaces the actors, as a step the toast can undo. */
  g_assert_true (_vp_window_import_actors_from_file (window, good));
  g_assert_nonnull (vp_workspace_lookup_actor (workspace, "muscat"));
  g_assert_nonnull (vp_workspace_lookup_actor (workspace, "iran"));
  g_assert_cmpuint (vp_article_count_mentions (get_article (window, 0), "muscat"), ==, 1);

  click_toast_button (window, "from “my-actors.xml”", "Undo");
  g_assert_true (vp_actor_set_equal (vp_workspace_get_actors (workspace), before));

  g_unlink (bad_path);
  g_unlink (good_path);
  g_rmdir (dir);
  vp_test_destroy_window (window);
}

/* Shortcuts and names */

static void
test_shortcuts (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "win.tag-selection", "<Control>t" },
    { "win.show-actors", "<Shift>F9" },
    { "win.show-filter", "<Shift><Control>f" },
  };
  GtkApplication *app = GTK_APPLICATION (vp_test_get_application ());
  VpWindow *window = vp_test_new_window ();

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, expected[i].action);

      g_assert_true (g_strv_contains ((const char * const *)accels, expected[i].accel));
    }

  /* Nothing to undo yet. */
  g_assert_true (menu_has_item (G_MENU_MODEL (window->history_section), "_Undo"));
  vp_test_open (window, HOTLINE, NULL);
  vp_workspace_create_actor (get_workspace (window), "Muscat", NULL);
  g_assert_true (menu_has_item (G_MENU_MODEL (window->history_section), "Undo Create Muscat"));
  g_assert_true (menu_has_item (G_MENU_MODEL (window->history_section), "_Redo"));

  vp_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!vp_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/vp/actors-ui/workspace", test_workspace);
  g_test_add_func ("/vp/actors-ui/set-workspace", test_set_workspace);
  g_test_add_func ("/vp/actors-ui/highlights", test_highlights);
  g_test_add_func ("/vp/actors-ui/tag-selection", test_tag_selection);
  g_test_add_func ("/vp/actors-ui/tag-picker", test_tag_picker);
  g_test_add_func ("/vp/actors-ui/tag-new-actor", test_tag_new_actor);
  g_test_add_func ("/vp/actors-ui/reject-mention", test_reject_mention);
  g_test_add_func ("/vp/actors-ui/item-actors", test_item_actors);
  g_test_add_func ("/vp/actors-ui/add-alias", test_add_alias);
  g_test_add_func ("/vp/actors-ui/create-and-edit", test_create_and_edit);
  g_test_add_func ("/vp/actors-ui/delete", test_delete_with_toast);
  g_test_add_func ("/vp/actors-ui/merge", test_merge_with_toast);
  g_test_add_func ("/vp/actors-ui/choose-actors", test_choose_actors);
  g_test_add_func ("/vp/actors-ui/filter", test_filter);
  g_test_add_func ("/vp/actors-ui/user-set-saved", test_user_set_saved);
  g_test_add_func ("/vp/actors-ui/bad-user-set", test_bad_user_set);
  g_test_add_func ("/vp/actors-ui/import-export", test_import_export);
  g_test_add_func ("/vp/actors-ui/shortcuts", test_shortcuts);

  return g_test_run ();
}
