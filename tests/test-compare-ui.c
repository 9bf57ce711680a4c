/* test-compare-ui.c: the comparison of the open articles, in the window
 *
 * Runs under Xvfb on the three sample articles, which are written so
 * that the naval hotline proposals of all three match, and the hosts of
 * the talks those of the first two (see tests/test-comparison.c). What
 * the window shows is checked against a VpComparison made here from the
 * same workspace, never against numbers copied from it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vp-article-column.h"
#include "vp-outline-item.h"
#include "vp-outline-row.h"
#include "vp-proposal-picker.h"
#include "vp-ui-test.h"
#include "vp-window-private.h"
#include "vp-workspace-io.h"

/* The proposals of the samples, as "article.section.item". */
static const VpProposalRef hotline[] = { { 0, 1, 2 }, { 1, 0, 2 }, { 2, 0, 1 } };
static const VpProposalRef hosts[] = { { 0, 1, 3 }, { 1, 0, 3 } };
/* Both about the United States and the talks, but not the same proposal
 * to the comparison: endorse them, or stay out of them. */
static const VpProposalRef endorse = { 0, 1, 0 };
static const VpProposalRef stay_out = { 2, 0, 2 };

static VpWindow *
open_samples (void)
{
  VpWindow *window = vp_test_new_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-samples", NULL);
  VP_WAIT_FOR (vp_window_get_n_columns (window) == 3 && !vp_window_get_busy (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-comparison", NULL);
  VP_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window->comparison_view)));

  return window;
}

/* A comparison of the window's workspace as it is, made here. */
static VpComparison *
compare (VpWorkspace *workspace,
         double       threshold)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  VpComparison *comparison;

  for (guint i = 0; i < vp_workspace_get_n_articles (workspace); i++)
    g_ptr_array_add (articles, vp_workspace_get_article (workspace, i));

  comparison = vp_comparison_new (articles, vp_workspace_get_actors (workspace));
  vp_comparison_set_threshold (comparison, threshold);

  for (guint i = 0; i < vp_workspace_get_n_links (workspace); i++)
    {
      VpProposalRef a;
      VpProposalRef b;
      VpLinkKind kind;

      vp_workspace_get_link (workspace, i, &kind, &a, &b);
      if (kind == VP_LINK_LINK)
        vp_comparison_link (comparison, &a, &b);
      else
        vp_comparison_unlink (comparison, &a, &b);
    }

  return comparison;
}

/* The groups as "a.s.i a.s.i | …", as test-comparison.c writes them. */
static char *
describe_groups (VpComparison *comparison)
{
  GString *out = g_string_new (NULL);

  for (guint g = 0; g < vp_comparison_get_n_groups (comparison); g++)
    {
      guint n;
      const VpProposalRef *members = vp_comparison_get_group (comparison, g, &n);

      if (g > 0)
        g_string_append (out, " | ");
      for (guint m = 0; m < n; m++)
        g_string_append_printf (out, "%s%u.%u.%u", m > 0 ? " " : "",
                                members[m].article, members[m].section, members[m].item);
    }

  return g_string_free (out, FALSE);
}

/* The same, read from the rows of the view: the article of each cell
 * that is not empty, and the text it shows. */
static void
assert_rows_show (VpWindow     *window,
                  VpComparison *expected)
{
  VpComparisonGroups *groups = vp_comparison_view_get_groups (window->comparison_view);
  guint n_articles = vp_comparison_get_n_articles (expected);

  g_assert_cmpuint (vp_comparison_groups_get_n_rows (groups), ==,
                    vp_comparison_get_n_groups (expected));

  for (guint g = 0; g < vp_comparison_get_n_groups (expected); g++)
    {
      guint n;
      const VpProposalRef *members = vp_comparison_get_group (expected, g, &n);
      guint m = 0;

      for (guint a = 0; a < n_articles; a++)
        {
          GtkWidget *cell = vp_comparison_groups_get_cell (groups, g, a);

          g_assert_nonnull (cell);
          if (m < n && members[m].article == a)
            {
              const char *text = vp_outline_item_get_text (vp_comparison_get_item (expected, &members[m]));

              g_assert_false (gtk_widget_has_css_class (cell, "empty"));
              g_assert_nonnull (vp_test_find_label (cell, text));
              m++;
            }
          else
            g_assert_true (gtk_widget_has_css_class (cell, "empty"));
        }
    }
}

static gboolean
same_group (VpComparison        *comparison,
            const VpProposalRef *a,
            const VpProposalRef *b)
{
  guint ga;
  guint gb;

  return vp_comparison_find_group (comparison, a, &ga) &&
         vp_comparison_find_group (comparison, b, &gb) &&
         ga == gb;
}

static VpArticleColumn *
get_column (VpWindow *window,
            guint     position)
{
  return VP_ARTICLE_COLUMN (vp_window_get_column (window, position));
}

/* The workspace written and read back, as saving and opening does. */
static VpWorkspace *
reload (VpWorkspace *workspace)
{
  g_autoptr(GBytes) bytes = vp_workspace_to_bytes (workspace);
  g_autoptr(GError) error = NULL;
  VpWorkspace *loaded;

  loaded = vp_workspace_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       "compare.viewpoints", &error);
  g_assert_no_error (error);

  return loaded;
}

static gboolean
find_action (GMenuModel *menu,
             const char *action,
             GVariant   *target)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GVariant) item_target = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (section != NULL && find_action (section, action, target))
        return TRUE;

      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) ||
          !g_str_equal (item_action, action))
        continue;

      item_target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      if (target == NULL || (item_target != NULL && g_variant_equal (item_target, target)))
        return TRUE;
    }

  return FALSE;
}

/* Whether @menu has an item for @action with @target (any, if %NULL),
 * in a section or not. */
static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action,
                 GVariant   *target)
{
  g_autoptr(GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;

  return find_action (menu, action, owned);
}

/* The pane */

static void
test_pane (void)
{
  GtkApplication *app = GTK_APPLICATION (vp_test_get_application ());
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, "win.show-comparison");
  VpWindow *window = vp_test_new_window ();
  GtkWidget *view = GTK_WIDGET (window->comparison_view);

  g_assert_true (g_strv_contains ((const char * const *)accels, "<Control>m"));

  /* Nothing to compare: no pane, even when asked for. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-comparison", NULL);
  g_assert_true (g_settings_get_boolean (settings, "show-comparison"));
  g_assert_false (gtk_widget_get_visible (view));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-samples", NULL);
  VP_WAIT_FOR (vp_window_get_n_columns (window) == 3 && !vp_window_get_busy (window));
  VP_WAIT_FOR (gtk_widget_get_mapped (view));

  /* Under the columns, as tall as what it shows, the columns keeping
   * more than half the window. */
  VP_WAIT_FOR (window->comparison_tick == 0);
  vp_test_spin (50);
  g_assert_cmpint (gtk_widget_get_height (view), >=, 150);
  g_assert_cmpint (gtk_widget_get_height (view), <,
                   gtk_widget_get_height (GTK_WIDGET (window->comparison_paned)) / 2);
  {
    g_autoptr(GVariant) kept = g_settings_get_user_value (settings, "comparison-height");

    g_assert_null (kept);
  }

  /* The height the reader drags it to is kept for the next time. */
  {
    int paned_height = gtk_widget_get_height (GTK_WIDGET (window->comparison_paned));

    gtk_paned_set_position (window->comparison_paned, paned_height - 240);
    g_assert_cmpint (g_settings_get_int (settings, "comparison-height"), ==, 240);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-comparison", NULL);
    gtk_paned_set_position (window->comparison_paned, paned_height - 400);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-comparison", NULL);
    VP_WAIT_FOR (window->comparison_tick == 0);
    g_assert_cmpint (gtk_paned_get_position (window->comparison_paned), ==, paned_height - 240);
    g_assert_cmpint (g_settings_get_int (settings, "comparison-height"), ==, 240);
  }

  /* Its page is kept. */
  vp_comparison_view_set_page (window->comparison_view, "groups");
  {
    g_autofree char *page = g_settings_get_string (settings, "comparison-page");

    g_assert_cmpstr (page, ==, "groups");
  }

  /* Ctrl+M again, or its close button, hides it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-comparison", NULL);
  g_assert_false (g_settings_get_boolean (settings, "show-comparison"));
  g_assert_false (gtk_widget_get_visible (view));

  vp_test_destroy_window (window);
}

/* The matrix */

static void
test_matrix (void)
{
  VpWindow *window = open_samples ();
  VpWorkspace *workspace = vp_window_get_workspace (window);
  VpComparisonMatrix *matrix = vp_comparison_view_get_matrix (window->comparison_view);
  g_autoptr(VpComparison) expected = compare (workspace, VP_COMPARISON_DEFAULT_THRESHOLD);
  guint n_actors = vp_comparison_get_n_actors (expected);

  vp_comparison_view_get_comparison (window->comparison_view);

  /* The enabled actors, in the set's order… */
  g_assert_cmpuint (n_actors, ==, 3);
  g_assert_cmpuint (vp_comparison_matrix_get_n_rows (matrix), ==, n_actors);
  for (guint i = 0; i < n_actors; i++)
    g_assert_cmpstr (vp_comparison_matrix_get_row_actor (matrix, i), ==,
                     vp_actor_get_id (vp_comparison_get_actor (expected, i)));

  /* …and in every cell the core's counts, with a name to hear. */
  for (guint i = 0; i < n_actors; i++)
    {
      VpActor *actor = vp_comparison_get_actor (expected, i);
      guint total_mentions = 0;
      guint total_proposals = 0;
      g_autofree char *total_text = NULL;

      for (guint j = 0; j < 3; j++)
        {
          GtkWidget *cell = vp_comparison_matrix_get_cell (matrix, vp_actor_get_id (actor), j);
          guint mentions = vp_comparison_get_mentions (expected, i, j);
          guint proposals = vp_comparison_get_proposals (expected, i, j);
          g_autofree char *text = g_strdup_printf ("%u / %u", mentions, proposals);
          g_autofree char *name = NULL;
          char *wrong;

          g_assert_nonnull (cell);
          g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (cell)))),
                           ==, text);

          name = g_strdup_printf ("%s in article %u: %u mention%s, %u proposal%s",
                                  vp_actor_get_name (actor), j + 1,
                                  mentions, mentions == 1 ? "" : "s",
                                  proposals, proposals == 1 ? "" : "s");
          wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (cell),
                                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name);
          if (wrong != NULL)
            g_error ("%s", wrong);

          total_mentions += mentions;
          total_proposals += proposals;
        }

      total_text = g_strdup_printf ("%u / %u", total_mentions, total_proposals);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (vp_comparison_matrix_get_cell (matrix, vp_actor_get_id (actor),
                                                                                    VP_MATRIX_TOTAL_COLUMN))),
                       ==, total_text);
    }

  /* An article's column is headed by its number and title. */
  g_assert_nonnull (vp_test_find_label (vp_comparison_matrix_get_header (matrix, 1),
                                        vp_article_get_title (vp_workspace_get_article (workspace, 1))));

  /* A tag changes the counts, once the workspace settles. */
  {
    VpArticle *article = vp_workspace_get_article (workspace, 2);
    g_autoptr(VpComparison) tagged = NULL;
    VpOutlineItem *item = vp_comparison_get_item (expected, &stay_out);
    g_autofree char *text = NULL;

    vp_workspace_add_item_actor (workspace, article, item, "iran");
    tagged = compare (workspace, VP_COMPARISON_DEFAULT_THRESHOLD);
    text = g_strdup_printf ("%u / %u", vp_comparison_get_mentions (tagged, 1, 2),
                            vp_comparison_get_proposals (tagged, 1, 2));
    g_assert_cmpuint (vp_comparison_get_proposals (tagged, 1, 2), ==,
                      vp_comparison_get_proposals (expected, 1, 2) + 1);
    VP_WAIT_FOR (g_strcmp0 (gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (vp_comparison_matrix_get_cell (matrix, "iran", 2))))),
                            text) == 0);
  }

  vp_test_destroy_window (window);
}

static char *
row_order (VpComparisonMatrix *matrix)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < vp_comparison_matrix_get_n_rows (matrix); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", vp_comparison_matrix_get_row_actor (matrix, i));

  return g_string_free (out, FALSE);
}

/* The order the rows must have, sorted by a count of the core. */
static char *
expected_order (VpComparison *comparison,
                int           article,
                gboolean      reversed)
{
  guint n = vp_comparison_get_n_actors (comparison);
  guint keys[16];
  GString *out = g_string_new (NULL);

  g_assert_cmpuint (n, <=, G_N_ELEMENTS (keys));
  for (guint i = 0; i < n; i++)
    {
      keys[i] = 0;
      for (guint j = 0; j < vp_comparison_get_n_articles (comparison); j++)
        if (article < 0 || (guint)article == j)
          keys[i] += vp_comparison_get_mentions (comparison, i, j) * 1000 +
                     vp_comparison_get_proposals (comparison, i, j);
    }

  /* A small selection sort: most first, ties in the set's order. */
  for (guint done = 0; done < n; done++)
    {
      int best = -1;

      for (guint i = 0; i < n; i++)
        {
          if (keys[i] == G_MAXUINT)
            continue;
          if (best < 0 || (reversed ? keys[i] < keys[best] : keys[i] > keys[best]))
            best = i;
        }

      g_string_append_printf (out, "%s%s", done > 0 ? " " : "",
                              vp_actor_get_id (vp_comparison_get_actor (comparison, best)));
      keys[best] = G_MAXUINT;
    }

  return g_string_free (out, FALSE);
}

static void
test_matrix_sort (void)
{
  VpWindow *window = open_samples ();
  VpComparisonMatrix *matrix = vp_comparison_view_get_matrix (window->comparison_view);
  g_autoptr(VpComparison) expected = compare (vp_window_get_workspace (window),
                                              VP_COMPARISON_DEFAULT_THRESHOLD);
  g_autofree char *by_second = expected_order (expected, 1, FALSE);
  g_autofree char *by_second_reversed = expected_order (expected, 1, TRUE);
  g_autofree char *by_total = expected_order (expected, -1, FALSE);
  g_autofree char *order = NULL;

  vp_comparison_view_get_comparison (window->comparison_view);
  order = row_order (matrix);
  g_assert_cmpstr (order, ==, "us iran saudi-arabia");

  /* The sort menu. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->comparison_view),
                                             "comparison.sort", "s", "name"));
  g_free (order);
  order = row_order (matrix);
  g_assert_cmpstr (order, ==, "iran saudi-arabia us");

  /* The header of an article: its counts, most first; again, fewest. */
  g_signal_emit_by_name (vp_comparison_matrix_get_header (matrix, 1), "clicked");
  g_assert_cmpstr (vp_comparison_matrix_get_sort (matrix), ==, "article-1");
  g_free (order);
  order = row_order (matrix);
  g_assert_cmpstr (order, ==, by_second);

  g_signal_emit_by_name (vp_comparison_matrix_get_header (matrix, 1), "clicked");
  g_assert_true (vp_comparison_matrix_get_sort_reversed (matrix));
  g_free (order);
  order = row_order (matrix);
  g_assert_cmpstr (order, ==, by_second_reversed);

  /* All articles. */
  g_signal_emit_by_name (vp_comparison_matrix_get_header (matrix, VP_MATRIX_TOTAL_COLUMN), "clicked");
  g_free (order);
  order = row_order (matrix);
  g_assert_cmpstr (order, ==, by_total);

  /* The names, from Z after the second click. */
  g_signal_emit_by_name (vp_comparison_matrix_get_header (matrix, VP_MATRIX_ACTOR_COLUMN), "clicked");
  g_signal_emit_by_name (vp_comparison_matrix_get_header (matrix, VP_MATRIX_ACTOR_COLUMN), "clicked");
  g_free (order);
  order = row_order (matrix);
  g_assert_cmpstr (order, ==, "us saudi-arabia iran");

  /* The order outlives the articles' changes; a sort by an article that
   * closed is the set's order again. */
  g_signal_emit_by_name (vp_comparison_matrix_get_header (matrix, 2), "clicked");
  _vp_window_close_column (window, get_column (window, 2));
  vp_comparison_view_get_comparison (window->comparison_view);
  g_assert_cmpstr (vp_comparison_matrix_get_sort (matrix), ==, "actors");
  g_free (order);
  order = row_order (matrix);
  g_assert_cmpstr (order, ==, "us iran saudi-arabia");

  vp_test_destroy_window (window);
}

static void
test_matrix_filter (void)
{
  VpWindow *window = open_samples ();
  VpWorkspace *workspace = vp_window_get_workspace (window);
  VpComparisonMatrix *matrix = vp_comparison_view_get_matrix (window->comparison_view);
  g_autoptr(VpComparison) expected = compare (workspace, VP_COMPARISON_DEFAULT_THRESHOLD);
  g_auto(GStrv) chosen = NULL;
  GtkWidget *cell;
  guint shown = 0;
  guint total = 0;
  g_autofree char *summary = NULL;

  vp_comparison_view_get_comparison (window->comparison_view);

  /* Iran in the second article: the outlines keep Iran's proposals, and
   * that article's column is the current one. */
  cell = vp_comparison_matrix_get_cell (matrix, "iran", 1);
  g_signal_emit_by_name (cell, "clicked");

  chosen = vp_filter_bar_dup_chosen (window->filter_bar);
  g_assert_cmpuint (g_strv_length (chosen), ==, 1);
  g_assert_cmpstr (chosen[0], ==, "iran");
  g_assert_true (window->show_filter);
  g_assert_true (window->current_column == get_column (window, 1));
  g_assert_true (gtk_widget_has_css_class (cell, "active"));

  for (guint j = 0; j < 3; j++)
    {
      VpOutlineView *outline = vp_article_column_get_outline_view (get_column (window, j));
      GListModel *rows = G_LIST_MODEL (vp_outline_view_get_model (outline));
      guint n_items = 0;

      g_assert_cmpuint (vp_outline_view_get_n_shown_points (outline), ==,
                        vp_comparison_get_proposals (expected, 1, j));

      /* The rows: the sections that hold one, and Iran's proposals. */
      for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, r);
          g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);

          if (VP_IS_OUTLINE_ITEM (node))
            {
              g_assert_true (vp_outline_item_has_actor (VP_OUTLINE_ITEM (node), "iran"));
              n_items++;
            }
        }
      g_assert_cmpuint (n_items, ==, vp_comparison_get_proposals (expected, 1, j));

      shown += vp_outline_view_get_n_shown_points (outline);
      total += vp_outline_view_get_n_points (outline);
    }

  summary = g_strdup_printf ("%u of %u points", shown, total);
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (window->filter_bar), summary));

  /* An actor's name: every article, the same filter. */
  cell = vp_comparison_matrix_get_cell (matrix, "saudi-arabia", VP_MATRIX_ACTOR_COLUMN);
  g_signal_emit_by_name (cell, "clicked");
  g_strfreev (chosen);
  chosen = vp_filter_bar_dup_chosen (window->filter_bar);
  g_assert_cmpstr (chosen[0], ==, "saudi-arabia");
  g_assert_null (chosen[1]);
  g_assert_true (gtk_widget_has_css_class (cell, "active"));
  g_assert_false (gtk_widget_has_css_class (vp_comparison_matrix_get_cell (matrix, "iran", 1),
                                            "active"));
  for (guint j = 0; j < 3; j++)
    g_assert_cmpuint (vp_outline_view_get_n_shown_points (vp_article_column_get_outline_view (get_column (window, j))),
                      ==, vp_comparison_get_proposals (expected, 2, j));

  /* Another filter is no longer the cell's. */
  vp_filter_bar_set_chosen (window->filter_bar, "us", TRUE);
  g_assert_false (gtk_widget_has_css_class (cell, "active"));

  vp_test_destroy_window (window);
}

/* Matching proposals */

static void
test_groups (void)
{
  VpWindow *window = open_samples ();
  VpWorkspace *workspace = vp_window_get_workspace (window);
  VpComparisonGroups *groups = vp_comparison_view_get_groups (window->comparison_view);
  g_autoptr(VpComparison) expected = compare (workspace, VP_COMPARISON_DEFAULT_THRESHOLD);
  g_autofree char *shown = NULL;

  vp_comparison_view_set_page (window->comparison_view, "groups");
  shown = describe_groups (vp_comparison_view_get_comparison (window->comparison_view));

  /* The hotline in all three, the hosts in the first two. */
  g_assert_cmpstr (shown, ==, "0.1.2 1.0.2 2.0.1 | 0.1.3 1.0.3");
  g_assert_cmpuint (vp_comparison_groups_get_n_rows (groups), ==, 2);
  assert_rows_show (window, expected);
  g_assert_true (gtk_widget_has_css_class (vp_comparison_groups_get_cell (groups, 1, 2), "empty"));

  /* Each row's menu takes any of its proposals out, and offers to choose
   * the silent article's. */
  g_assert_true (menu_has_action (vp_comparison_groups_get_menu (groups, 0), "win.separate-proposal",
                                  g_variant_new ("(uuu)", 2, 0, 1)));
  g_assert_true (menu_has_action (vp_comparison_groups_get_menu (groups, 1), "win.choose-link",
                                  g_variant_new ("(uuui)", 0, 1, 3, 2)));
  g_assert_false (menu_has_action (vp_comparison_groups_get_menu (groups, 0), "win.choose-link",
                                   NULL));

  vp_test_destroy_window (window);
}

static void
test_threshold (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  VpWindow *window = open_samples ();
  VpWorkspace *workspace = vp_window_get_workspace (window);
  GtkRange *scale = vp_comparison_view_get_scale (window->comparison_view);
  const double thresholds[] = {
    VP_COMPARISON_VIEW_MAX_THRESHOLD, VP_COMPARISON_VIEW_MIN_THRESHOLD,
    VP_COMPARISON_DEFAULT_THRESHOLD,
  };
  gboolean changed = FALSE;

  vp_comparison_view_set_page (window->comparison_view, "groups");

  /* Each end of the scale groups as the core does at that threshold;
   * the ends group otherwise than the default. */
  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      g_autoptr(VpComparison) expected = compare (workspace, thresholds[i]);
      g_autofree char *want = describe_groups (expected);
      g_autofree char *got = NULL;

      g_test_message ("At %.2f: %s", thresholds[i], want);
      gtk_range_set_value (scale, thresholds[i]);
      g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "match-threshold"),
                                      thresholds[i], 1e-6);

      got = describe_groups (vp_comparison_view_get_comparison (window->comparison_view));
      g_assert_cmpstr (got, ==, want);
      assert_rows_show (window, expected);

      if (i < 2 && !g_str_equal (want, "0.1.2 1.0.2 2.0.1 | 0.1.3 1.0.3"))
        changed = TRUE;
    }

  g_assert_true (changed);

  /* Stricter is the start of the scale, looser its end. */
  g_assert_true (gtk_range_get_inverted (scale));

  vp_test_destroy_window (window);
}

static void
test_go_to_group (void)
{
  VpWindow *window = open_samples ();
  VpComparisonGroups *groups = vp_comparison_view_get_groups (window->comparison_view);
  VpComparison *comparison;
  VpArticleView *first_view = vp_article_column_get_article_view (get_column (window, 0));
  int first_block;

  vp_comparison_view_set_page (window->comparison_view, "groups");
  comparison = vp_comparison_view_get_comparison (window->comparison_view);

  /* The first article's hotline is out of sight at first. */
  first_block = vp_outline_item_get_block (vp_comparison_get_item (comparison, &hotline[0]));
  VP_WAIT_FOR (vp_article_view_block_is_visible (first_view, 0));
  g_assert_false (vp_article_view_block_is_visible (first_view, first_block));

  /* Activating the row, as a click or Enter does, marks each column's
   * proposal in its outline and highlights it… */
  g_signal_emit_by_name (vp_comparison_groups_get_row (groups, 0), "activate");

  for (guint i = 0; i < G_N_ELEMENTS (hotline); i++)
    {
      VpArticleColumn *column = get_column (window, hotline[i].article);
      VpOutlineItem *item = vp_comparison_get_item (comparison, &hotline[i]);

      g_assert_true (vp_outline_view_get_current_node (vp_article_column_get_outline_view (column)) ==
                     G_OBJECT (item));
      g_assert_true (vp_article_view_is_highlighted (vp_article_column_get_article_view (column),
                                                     vp_outline_item_get_block (item)));
    }

  /* …and scrolls it into sight: the first column at once, the others
   * as soon as the user scrolls over to them (a column out of sight is not
   * laid out, and its jump waits for it). */
  g_assert_true (window->current_column == get_column (window, 0));
  for (guint i = 0; i < G_N_ELEMENTS (hotline); i++)
    {
      VpArticleColumn *column = get_column (window, hotline[i].article);
      VpArticleView *view = vp_article_column_get_article_view (column);
      int block = vp_outline_item_get_block (vp_comparison_get_item (comparison, &hotline[i]));

      if (i > 0)
        _vp_window_focus_column (window, column);
      VP_WAIT_FOR (vp_article_view_block_is_visible (view, block));
    }

  vp_test_destroy_window (window);
}

/* With synchronised scrolling, a point of one outline takes the others
 * to the proposals matched with it rather than to their points of the
 * same number. */
static void
test_sync_to_matches (void)
{
  VpWindow *window = open_samples ();
  VpComparison *comparison = vp_comparison_view_get_comparison (window->comparison_view);
  VpOutlineView *outlines[3];
  GListModel *rows;
  guint position = G_MAXUINT;

  for (guint i = 0; i < 3; i++)
    outlines[i] = vp_article_column_get_outline_view (get_column (window, i));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sync-scroll", NULL);

  rows = G_LIST_MODEL (vp_outline_view_get_model (outlines[0]));
  for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, r);
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);

      if (node == G_OBJECT (vp_comparison_get_item (comparison, &hotline[0])))
        position = r;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  vp_outline_view_activate_row (outlines[0], position);

  for (guint i = 1; i < 3; i++)
    g_assert_true (vp_outline_view_get_current_node (outlines[i]) ==
                   G_OBJECT (vp_comparison_get_item (comparison, &hotline[i])));

  vp_test_destroy_window (window);
}

/* Links by hand */

static void
test_link (void)
{
  VpWindow *window = open_samples ();
  VpWorkspace *workspace = vp_window_get_workspace (window);
  VpComparison *comparison = vp_comparison_view_get_comparison (window->comparison_view);
  VpOutlineItem *item = vp_comparison_get_item (comparison, &endorse);
  VpOutlineRow *row = NULL;
  VpProposalPicker *picker;
  GtkWidget *picked;
  GtkWidget *popover;
  g_autoptr(VpWorkspace) loaded = NULL;
  g_autoptr(VpComparison) reloaded = NULL;
  GListModel *rows;

  vp_comparison_view_set_page (window->comparison_view, "groups");
  g_assert_false (vp_comparison_find_group (comparison, &endorse, NULL));
  g_assert_false (vp_comparison_find_group (comparison, &stay_out, NULL));

  /* The point's menu offers "Link with…". */
  rows = G_LIST_MODEL (vp_outline_view_get_model (vp_article_column_get_outline_view (get_column (window, 0))));
  for (guint r = 0; r < g_list_model_get_n_items (rows); r++)
    {
      g_autoptr(GtkTreeListRow) list_row = g_list_model_get_item (rows, r);
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (list_row);
      GtkWidget *widget = NULL;

      if (node != G_OBJECT (item))
        continue;

      vp_outline_view_activate_row (vp_article_column_get_outline_view (get_column (window, 0)), r);
      VP_WAIT_FOR ((widget = vp_outline_view_get_row_widget (vp_article_column_get_outline_view (get_column (window, 0)), r)) != NULL);
      row = VP_OUTLINE_ROW (widget);
    }
  g_assert_nonnull (row);
  g_assert_true (vp_outline_row_popup_menu (row));
  popover = vp_outline_row_get_popover (row);
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                                  "win.choose-link",
                                  g_variant_new ("(uuui)", endorse.article, endorse.section,
                                                 endorse.item, -1)));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* It asks which proposal of the other articles, the source's own not
   * among them, nor those it matches already. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.choose-link", "(uuui)",
                              endorse.article, endorse.section, endorse.item, -1);
  VP_WAIT_FOR (window->proposal_picker != NULL && gtk_widget_get_mapped (window->proposal_picker));
  picker = VP_PROPOSAL_PICKER (window->proposal_picker);
  g_assert_null (vp_proposal_picker_get_row (picker, &hotline[0]));
  g_assert_nonnull (vp_proposal_picker_get_row (picker, &hotline[1]));
  picked = vp_proposal_picker_get_row (picker, &stay_out);
  g_assert_nonnull (picked);
  g_assert_true (gtk_widget_get_sensitive (picked));
  g_signal_emit_by_name (picked, "activated");
  VP_WAIT_FOR (window->proposal_picker == NULL);

  /* A row of its own, marked as the reader's. */
  comparison = vp_comparison_view_get_comparison (window->comparison_view);
  g_assert_true (same_group (comparison, &endorse, &stay_out));
  g_assert_cmpuint (vp_comparison_get_n_groups (comparison), ==, 3);
  {
    g_autoptr(VpComparison) expected = compare (workspace, VP_COMPARISON_DEFAULT_THRESHOLD);
    guint group;

    assert_rows_show (window, expected);
    g_assert_true (vp_comparison_find_group (expected, &endorse, &group));
    g_assert_true (gtk_widget_has_css_class (vp_comparison_groups_get_cell (vp_comparison_view_get_groups (window->comparison_view),
                                                                            group, 0),
                                             "by-hand"));
  }
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Link Proposals");
  g_assert_nonnull (vp_test_find_label (GTK_WIDGET (window->toast_overlay), "now matches"));

  /* Saved with the workspace. */
  loaded = reload (workspace);
  reloaded = compare (loaded, VP_COMPARISON_DEFAULT_THRESHOLD);
  g_assert_true (same_group (reloaded, &endorse, &stay_out));

  /* Undone and done again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  comparison = vp_comparison_view_get_comparison (window->comparison_view);
  g_assert_false (vp_comparison_find_group (comparison, &endorse, NULL));
  g_assert_cmpuint (vp_comparison_get_n_groups (comparison), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  comparison = vp_comparison_view_get_comparison (window->comparison_view);
  g_assert_true (same_group (comparison, &endorse, &stay_out));

  /* A later link of one of them to another proposal of the same article
   * replaces it: the reader's latest word counts. */
  g_assert_true (_vp_window_link_proposals (window, &endorse, &hotline[2]));
  comparison = vp_comparison_view_get_comparison (window->comparison_view);
  g_assert_true (same_group (comparison, &endorse, &hotline[2]));
  g_assert_false (vp_comparison_find_group (comparison, &stay_out, NULL));
  g_assert_cmpuint (vp_workspace_get_n_links (workspace), ==, 1);

  vp_test_destroy_window (window);
}

static void
test_separate (void)
{
  VpWindow *window = open_samples ();
  VpWorkspace *workspace = vp_window_get_workspace (window);
  VpComparisonGroups *groups = vp_comparison_view_get_groups (window->comparison_view);
  VpComparison *comparison;
  g_autoptr(VpWorkspace) loaded = NULL;
  g_autoptr(VpComparison) reloaded = NULL;

  vp_comparison_view_set_page (window->comparison_view, "groups");
  vp_comparison_view_get_comparison (window->comparison_view);

  /* "Not the Same Proposal": the third article's hotline leaves its row,
   * which keeps the other two and an empty cell. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.separate-proposal", "(uuu)",
                              hotline[2].article, hotline[2].section, hotline[2].item);
  comparison = vp_comparison_view_get_comparison (window->comparison_view);
  g_assert_false (vp_comparison_find_group (comparison, &hotline[2], NULL));
  g_assert_true (same_group (comparison, &hotline[0], &hotline[1]));
  g_assert_true (gtk_widget_has_css_class (vp_comparison_groups_get_cell (groups, 0, 2), "empty"));
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Separate Proposals");
  g_assert_cmpuint (vp_workspace_get_n_links (workspace), ==, 2);

  /* However loose the matching. */
  vp_comparison_view_set_threshold (window->comparison_view, VP_COMPARISON_VIEW_MIN_THRESHOLD);
  g_assert_false (same_group (vp_comparison_view_get_comparison (window->comparison_view),
                              &hotline[0], &hotline[2]));
  vp_comparison_view_set_threshold (window->comparison_view, VP_COMPARISON_DEFAULT_THRESHOLD);

  /* Saved with the workspace. */
  loaded = reload (workspace);
  reloaded = compare (loaded, VP_COMPARISON_DEFAULT_THRESHOLD);
  g_assert_false (vp_comparison_find_group (reloaded, &hotline[2], NULL));
  g_assert_true (same_group (reloaded, &hosts[0], &hosts[1]));

  /* One step, undone and done again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  comparison = vp_comparison_view_get_comparison (window->comparison_view);
  g_assert_true (same_group (comparison, &hotline[0], &hotline[2]));
  g_assert_cmpuint (vp_workspace_get_n_links (workspace), ==, 0);
  g_assert_false (vp_workspace_can_undo (workspace));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  comparison = vp_comparison_view_get_comparison (window->comparison_view);
  g_assert_false (vp_comparison_find_group (comparison, &hotline[2], NULL));

  /* A proposal in no group has nothing to leave. */
  g_assert_false (_vp_window_separate_proposal (window, &endorse));

  vp_test_destroy_window (window);
}

/* Every button that shows only an icon, and every cell, has a name for
 * screen readers. */
static void
check_names (GtkWidget *widget,
             guint     *n_checked)
{
  gboolean icon_only = (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)) &&
                        gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL) ||
                       (GTK_IS_MENU_BUTTON (widget) &&
                        gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)) != NULL);
  gboolean cell = gtk_widget_has_css_class (widget, "group-cell") ||
                  g_str_equal (gtk_widget_get_css_name (widget), "matrixcell");

  if (gtk_widget_get_visible (widget) && (icon_only || cell))
    {
      if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("%s in %s has no accessible name", G_OBJECT_TYPE_NAME (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      (*n_checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, n_checked);
}

static void
test_accessible_names (void)
{
  VpWindow *window = open_samples ();
  guint n_checked = 0;

  vp_comparison_view_get_comparison (window->comparison_view);
  check_names (GTK_WIDGET (window->comparison_view), &n_checked);
  vp_comparison_view_set_page (window->comparison_view, "groups");
  check_names (GTK_WIDGET (window->comparison_view), &n_checked);

  /* The nine cells of the matrix, the six of the groups, two menus… */
  g_assert_cmpuint (n_checked, >=, 9 + 6 + 2);

  vp_test_destroy_window (window);
}

/* The exports of the window's articles group the proposals as the pane
 * does, links and all; those of some points only compare them afresh. */
static void
test_export_links (void)
{
  VpWindow *window = open_samples ();
  VpWorkspace *workspace = vp_window_get_workspace (window);
  g_autofree char *dir = g_dir_make_tmp ("vp-compare-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "linked.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < vp_workspace_get_n_articles (workspace); i++)
    g_ptr_array_add (articles, g_object_ref (vp_workspace_get_article (workspace, i)));

  /* The third article's hotline taken out of its group. */
  vp_workspace_separate_proposals (workspace, &hotline[0], &hotline[2]);
  vp_workspace_separate_proposals (workspace, &hotline[1], &hotline[2]);

  for (guint r = 0; r < 2; r++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *json = NULL;
      JsonArray *groups;
      gboolean hotline_grouped = FALSE;

      g_assert_true (_vp_window_export_to_file (window, "json", articles, file));
      g_file_get_contents (path, &json, NULL, &error);
      g_assert_no_error (error);
      json_parser_load_from_data (parser, json, -1, &error);
      g_assert_no_error (error);
      groups = json_object_get_array_member (
                 json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                "comparison"),
                 "groups");

      for (guint g = 0; g < json_array_get_length (groups); g++)
        {
          JsonArray *group = json_array_get_array_element (groups, g);

          for (guint k = 0; k < json_array_get_length (group); k++)
            {
              JsonObject *member = json_array_get_object_element (group, k);

              hotline_grouped |= json_object_get_int_member (member, "article") == hotline[2].article &&
                                 json_object_get_int_member (member, "section") == hotline[2].section &&
                                 json_object_get_int_member (member, "item") == hotline[2].item;
            }
        }

      /* Separated in the pane, separated in the file; undone, grouped
       * again. */
      g_assert_true (hotline_grouped == (r == 1));
      if (r == 0)
        {
          vp_workspace_forget_link (workspace, &hotline[0], &hotline[2]);
          vp_workspace_forget_link (workspace, &hotline[1], &hotline[2]);
        }
    }

  g_remove (path);
  g_rmdir (dir);
  vp_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!vp_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/vp/compare/pane", test_pane);
  g_test_add_func ("/vp/compare/matrix", test_matrix);
  g_test_add_func ("/vp/compare/matrix-sort", test_matrix_sort);
  g_test_add_func ("/vp/compare/matrix-filter", test_matrix_filter);
  g_test_add_func ("/vp/compare/groups", test_groups);
  g_test_add_func ("/vp/compare/threshold", test_threshold);
  g_test_add_func ("/vp/compare/go-to-group", test_go_to_group);
  g_test_add_func ("/vp/compare/sync-to-matches", test_sync_to_matches);
  g_test_add_func ("/vp/compare/link", test_link);
  g_test_add_func ("/vp/compare/separate", test_separate);
  g_test_add_func ("/vp/compare/export-links", test_export_links);
  g_test_add_func ("/vp/compare/accessible-names", test_accessible_names);

  return g_test_run ();
}
