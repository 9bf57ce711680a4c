/* vp-window-compare.c
 *
 * The window and the comparison of its articles: the pane under the
 * columns (Ctrl+M, or the grid button in the header bar) with the actor
 * × article matrix and the groups of matching proposals, and what they
 * do to the columns.
 *
 * - A cell of the matrix filters the outlines by its actor, through the
 *   filter bar like any other filter, and makes its article's column
 *   the current one.
 * - A group takes every column to its proposal, as synchronised
 *   scrolling does with points; with synchronised scrolling on, a jump to
 *   a point of one outline takes the others to the proposals matched
 *   with it, where there are any.
 * - The reader links two proposals ("Link with…", from a point's menu,
 *   or from a group's menu for an article the group leaves empty) or
 *   takes one out of its group ("Not the Same Proposal"). Both are
 *   workspace operations, one step of the history each, saved with the
 *   workspace; a toast offers to undo them.
 *
 * The pane's visibility, page, height and matching threshold are kept in
 * GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-window-compare"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-outline-item.h"
#include "vp-outline-section.h"
#include "vp-proposal-picker.h"
#include "vp-window-private.h"

/* How much of a proposal a toast quotes. */
#define EXCERPT_CHARS 40

static char *
excerpt (VpOutlineItem *item)
{
  const char *text = vp_outline_item_get_text (item);
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (text, -1) <= EXCERPT_CHARS)
    return g_strdup (text);

  cut = g_utf8_substring (text, 0, EXCERPT_CHARS);

  return g_strconcat (g_strchomp (cut), "…", NULL);
}

static VpComparison *
get_comparison (VpWindow *self)
{
  return vp_comparison_view_get_comparison (self->comparison_view);
}

static gboolean
ref_equal (const VpProposalRef *a,
           const VpProposalRef *b)
{
  return a->article == b->article && a->section == b->section && a->item == b->item;
}

static VpArticleColumn *
find_article_column (VpWindow *self,
                     guint     article)
{
  if (article >= vp_workspace_get_n_articles (self->workspace))
    return NULL;

  return _vp_window_find_column (self, vp_workspace_get_article (self->workspace, article));
}

/* The pane */

/* The articles keep most of the window, however tall the reader last
 * made the pane; until the reader does, the pane is as tall as what it
 * shows, within these bounds. */
#define MIN_ARTICLES_SHARE 0.35
#define MIN_FIRST_HEIGHT   180
#define MAX_FIRST_SHARE    0.45

/* Gives the pane the height the reader last dragged it to, once the
 * window is laid out: a paned places its divider by the position of its
 * start, which depends on the window's height. */
static gboolean
size_comparison_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  VpWindow *self = user_data;
  g_autoptr(GVariant) dragged = NULL;
  int height = gtk_widget_get_height (widget);
  int wanted;

  if (height <= 0)
    return G_SOURCE_CONTINUE;

  dragged = g_settings_get_user_value (self->settings, "comparison-height");
  if (dragged != NULL)
    wanted = g_variant_get_int32 (dragged);
  else
    {
      gtk_widget_measure (GTK_WIDGET (self->comparison_view), GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (widget), NULL, &wanted, NULL, NULL);
      wanted = CLAMP (wanted, MIN_FIRST_HEIGHT, (int)(height * MAX_FIRST_SHARE));
    }

  self->comparison_tick = 0;
  self->sizing_comparison = TRUE;
  gtk_paned_set_position (self->comparison_paned,
                          MAX ((int)(height * MIN_ARTICLES_SHARE), height - wanted));
  self->sizing_comparison = FALSE;

  return G_SOURCE_REMOVE;
}

static void
paned_position_changed_cb (VpWindow *self)
{
  int height;

  if (self->comparison_paned == NULL)
    return;

  height = gtk_widget_get_height (GTK_WIDGET (self->comparison_paned));

  /* Only the reader's drags are remembered, not the window's layout. */
  if (self->sizing_comparison || self->comparison_tick != 0 || height <= 0 ||
      !gtk_widget_get_visible (GTK_WIDGET (self->comparison_view)))
    return;

  g_settings_set_int (self->settings, "comparison-height",
                      CLAMP (height - gtk_paned_get_position (self->comparison_paned), 120, 4000));
}

/* Shown when asked for, and when there is something to compare. */
static void
update_visibility (VpWindow *self)
{
  gboolean shown;
  gboolean was_shown;

  /* The window is closing. */
  if (self->comparison_view == NULL)
    return;

  shown = g_settings_get_boolean (self->settings, "show-comparison") &&
          self->workspace != NULL && vp_workspace_get_n_articles (self->workspace) > 0;
  was_shown = gtk_widget_get_visible (GTK_WIDGET (self->comparison_view));

  gtk_widget_set_visible (GTK_WIDGET (self->comparison_view), shown);

  if (shown && !was_shown && self->comparison_tick == 0)
    self->comparison_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->comparison_paned),
                                                          size_comparison_cb, self, NULL);
}

/* The filter is the matrix's while it is the one actor of a cell. */
static void
filter_changed_cb (VpWindow *self)
{
  VpComparisonMatrix *matrix;
  const char *active;
  g_auto(GStrv) chosen = NULL;

  if (self->comparison_view == NULL || self->filter_bar == NULL)
    return;

  matrix = vp_comparison_view_get_matrix (self->comparison_view);
  active = vp_comparison_matrix_get_active_actor (matrix);
  chosen = vp_filter_bar_dup_chosen (self->filter_bar);

  if (active != NULL &&
      !(chosen[0] != NULL && chosen[1] == NULL && g_str_equal (chosen[0], active)))
    vp_comparison_matrix_set_active (matrix, NULL, VP_MATRIX_ACTOR_COLUMN);
}

static void
filter_by_cell_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VpWindow *self = VP_WINDOW (widget);
  VpComparisonMatrix *matrix = vp_comparison_view_get_matrix (self->comparison_view);
  const char *actor_id;
  VpActor *actor;
  int article;

  g_variant_get (parameter, "(&si)", &actor_id, &article);
  actor = vp_workspace_lookup_actor (self->workspace, actor_id);

  if (actor == NULL || !vp_actor_get_enabled (actor))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  /* The filter bar says what the outlines show, and clears it. */
  g_object_set (self, "show-filter", TRUE, NULL);
  vp_filter_bar_clear (self->filter_bar);
  vp_filter_bar_set_chosen (self->filter_bar, actor_id, TRUE);

  if (article >= 0)
    {
      VpArticleColumn *column = find_article_column (self, article);

      if (column != NULL)
        _vp_window_focus_column (self, column);
    }

  vp_comparison_matrix_set_active (matrix, actor_id, article >= 0 ? article : VP_MATRIX_ACTOR_COLUMN);
}

/* Jumping to proposals */

/**
 * _vp_window_go_to_group:
 * @group: a group of the comparison the pane shows
 *
 * Scrolls every column that has a proposal of @group to it, highlights
 * it and marks it in the outline.
 *
 * Returns: whether there is such a group
 */
gboolean
_vp_window_go_to_group (VpWindow *self,
                        guint     group)
{
  VpComparison *comparison = get_comparison (self);
  const VpProposalRef *members;
  VpArticleColumn *first = NULL;
  guint n_members;

  if (comparison == NULL || group >= vp_comparison_get_n_groups (comparison))
    return FALSE;

  /* The jumps scroll the columns; synchronised scrolling is not to
   * follow them in proportion. */
  self->sync_paused_until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  members = vp_comparison_get_group (comparison, group, &n_members);
  for (guint i = 0; i < n_members; i++)
    {
      VpArticleColumn *column = find_article_column (self, members[i].article);
      VpOutlineItem *item = vp_comparison_get_item (comparison, &members[i]);
      int index;

      if (column == NULL || item == NULL)
        continue;

      index = vp_outline_view_get_point_index (vp_article_column_get_outline_view (column), item);
      if (index < 0)
        continue;

      vp_article_column_jump_to_point (column, index, TRUE);
      if (first == NULL)
        first = column;
    }

  if (first != NULL)
    _vp_window_focus_column (self, first);

  return TRUE;
}

static void
go_to_group_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  if (!_vp_window_go_to_group (VP_WINDOW (widget), g_variant_get_uint32 (parameter)))
    gtk_widget_error_bell (widget);
}

static gboolean
contains_item (VpOutlineItem *item,
               VpOutlineItem *wanted)
{
  guint n = vp_outline_item_get_n_children (item);

  if (item == wanted)
    return TRUE;

  for (guint i = 0; i < n; i++)
    if (contains_item (vp_outline_item_get_child (item, i), wanted))
      return TRUE;

  return FALSE;
}

/* The proposal @item is, or belongs to (when it is nested), in the
 * comparison's terms. */
static gboolean
find_proposal (VpWindow      *self,
               VpArticle     *article,
               VpOutlineItem *item,
               VpProposalRef *ref)
{
  GListModel *sections = vp_article_get_sections (article);
  guint n_sections = g_list_model_get_n_items (sections);

  if (!vp_workspace_find_article (self->workspace, article, &ref->article))
    return FALSE;

  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(VpOutlineSection) section = g_list_model_get_item (sections, s);
      guint n_items = vp_outline_section_get_n_items (section);

      for (guint i = 0; i < n_items; i++)
        {
          if (contains_item (vp_outline_section_get_item (section, i), item))
            {
              ref->section = s;
              ref->item = i;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * _vp_window_compare_match_point:
 * @from: the column the reader jumped in
 * @index: the point jumped to, among @from's points
 * @to: another column
 *
 * Where synchronised scrolling takes @to when the reader jumps to a point
 * of @from: the proposal matched with it, if there is one; otherwise the
 * point of the same number, as without a comparison.
 *
 * Returns: a point of @to
 */
guint
_vp_window_compare_match_point (VpWindow        *self,
                                VpArticleColumn *from,
                                guint            index,
                                VpArticleColumn *to)
{
  VpComparison *comparison = get_comparison (self);
  VpOutlineItem *item = vp_outline_view_get_point (vp_article_column_get_outline_view (from), index);
  const VpProposalRef *members;
  VpProposalRef ref;
  guint to_article;
  guint n_members;
  guint group;

  if (comparison == NULL || item == NULL ||
      !find_proposal (self, vp_article_column_get_article (from), item, &ref) ||
      !vp_workspace_find_article (self->workspace, vp_article_column_get_article (to), &to_article) ||
      !vp_comparison_find_group (comparison, &ref, &group))
    return index;

  members = vp_comparison_get_group (comparison, group, &n_members);
  for (guint i = 0; i < n_members; i++)
    {
      if (members[i].article == to_article)
        {
          VpOutlineItem *match = vp_comparison_get_item (comparison, &members[i]);
          int found = vp_outline_view_get_point_index (vp_article_column_get_outline_view (to), match);

          if (found >= 0)
            return found;
        }
    }

  return index;
}

/* Links */

/**
 * _vp_window_separate_proposal:
 * @ref: a proposal in a group
 *
 * Takes @ref out of its group: the reader says it is not the same as any
 * of the others, as one step of the history.
 *
 * Returns: whether @ref was in a group
 */
gboolean
_vp_window_separate_proposal (VpWindow            *self,
                              const VpProposalRef *ref)
{
  VpComparison *comparison = get_comparison (self);
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (VpProposalRef));
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  const VpProposalRef *members;
  guint n_members;
  guint group;

  if (comparison == NULL || !vp_comparison_find_group (comparison, ref, &group))
    return FALSE;

  /* The group goes when it is rebuilt: a copy of it, and of the text. */
  members = vp_comparison_get_group (comparison, group, &n_members);
  for (guint i = 0; i < n_members; i++)
    if (!ref_equal (&members[i], ref))
      g_array_append_val (others, members[i]);
  text = excerpt (vp_comparison_get_item (comparison, ref));

  /* Apart from every one of them, or the comparison might join it to the
   * group again through another. */
  vp_workspace_begin_action (self->workspace, _("Separate Proposals"));
  for (guint i = 0; i < others->len; i++)
    vp_workspace_separate_proposals (self->workspace, ref, &g_array_index (others, VpProposalRef, i));
  vp_workspace_end_action (self->workspace);

  /* Translators: a toast; %s is the start of a proposal */
  message = g_strdup_printf (_("“%s” is no longer matched"), text);
  _vp_window_show_undo_toast (self, message);

  return TRUE;
}

static void
separate_proposal_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VpProposalRef ref;

  g_variant_get (parameter, "(uuu)", &ref.article, &ref.section, &ref.item);

  if (!_vp_window_separate_proposal (VP_WINDOW (widget), &ref))
    gtk_widget_error_bell (widget);
}

/* Whether @link joins @ref to a proposal of @article other than
 * @partner: the reader's earlier word, which the comparison would apply
 * first. */
static gboolean
links_elsewhere (const VpProposalRef *a,
                 const VpProposalRef *b,
                 const VpProposalRef *ref,
                 const VpProposalRef *partner)
{
  return (ref_equal (a, ref) && b->article == partner->article && !ref_equal (b, partner)) ||
         (ref_equal (b, ref) && a->article == partner->article && !ref_equal (a, partner));
}

/**
 * _vp_window_link_proposals:
 * @a: a proposal
 * @b: a proposal of another article
 *
 * Links @a and @b, as one step of the history. Links the reader made
 * earlier between either of them and another proposal of the other's
 * article go: the latest word counts.
 *
 * Returns: whether @a and @b are now in one group; if not, a toast says
 *   why
 */
gboolean
_vp_window_link_proposals (VpWindow            *self,
                           const VpProposalRef *a,
                           const VpProposalRef *b)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (VpProposalRef));
  VpComparison *comparison = get_comparison (self);
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_autofree char *message = NULL;
  guint n_links;
  guint group_a;
  guint group_b;

  if (comparison == NULL || a->article == b->article ||
      vp_comparison_get_item (comparison, a) == NULL ||
      vp_comparison_get_item (comparison, b) == NULL)
    return FALSE;

  text_a = excerpt (vp_comparison_get_item (comparison, a));
  text_b = excerpt (vp_comparison_get_item (comparison, b));

  n_links = vp_workspace_get_n_links (self->workspace);
  for (guint i = 0; i < n_links; i++)
    {
      VpProposalRef x;
      VpProposalRef y;
      VpLinkKind kind;

      vp_workspace_get_link (self->workspace, i, &kind, &x, &y);
      if (kind == VP_LINK_LINK &&
          (links_elsewhere (&x, &y, a, b) || links_elsewhere (&x, &y, b, a)))
        {
          g_array_append_val (stale, x);
          g_array_append_val (stale, y);
        }
    }

  vp_workspace_begin_action (self->workspace, _("Link Proposals"));
  for (guint i = 0; i < stale->len; i += 2)
    vp_workspace_forget_link (self->workspace,
                              &g_array_index (stale, VpProposalRef, i),
                              &g_array_index (stale, VpProposalRef, i + 1));
  vp_workspace_link_proposals (self->workspace, a, b);
  vp_workspace_end_action (self->workspace);

  comparison = get_comparison (self);
  if (!vp_comparison_find_group (comparison, a, &group_a) ||
      !vp_comparison_find_group (comparison, b, &group_b) ||
      group_a != group_b)
    {
      /* Translators: a toast, when a link cannot join two proposals; the
       * %s are the starts of the proposals */
      message = g_strdup_printf (_("“%s” and “%s” are linked, but other links of yours keep "
                                   "them apart"),
                                 text_a, text_b);
      _vp_window_show_undo_toast (self, message);
      return FALSE;
    }

  /* Translators: a toast; the %s are the starts of two proposals */
  message = g_strdup_printf (_("“%s” now matches “%s”"), text_a, text_b);
  _vp_window_show_undo_toast (self, message);

  return TRUE;
}

static void
link_proposals_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VpProposalRef a;
  VpProposalRef b;

  g_variant_get (parameter, "(uuuuuu)", &a.article, &a.section, &a.item,
                 &b.article, &b.section, &b.item);

  if (!_vp_window_link_proposals (VP_WINDOW (widget), &a, &b))
    gtk_widget_error_bell (widget);
}

static void
picker_chosen_cb (VpProposalPicker *picker,
                  guint             article,
                  guint             section,
                  guint             item,
                  VpWindow         *self)
{
  VpProposalRef source;
  VpProposalRef chosen = { article, section, item };

  vp_proposal_picker_get_source (picker, &source);
  _vp_window_link_proposals (self, &source, &chosen);
}

/**
 * _vp_window_choose_link:
 * @source: a proposal
 * @only_article: the article to choose in, or -1 for any other
 *
 * Asks which proposal of another article @source is the same as, and
 * links them.
 */
void
_vp_window_choose_link (VpWindow            *self,
                        const VpProposalRef *source,
                        int                  only_article)
{
  VpComparison *comparison = get_comparison (self);
  GtkWidget *picker;

  if (comparison == NULL || vp_comparison_get_item (comparison, source) == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (vp_comparison_get_n_articles (comparison) < 2)
    {
      _vp_window_show_message (self, _("Open another article to link this proposal with one of "
                                       "its own"));
      return;
    }

  if (self->proposal_picker != NULL)
    gtk_window_destroy (GTK_WINDOW (self->proposal_picker));

  picker = vp_proposal_picker_new (GTK_WINDOW (self), comparison, source, only_article);
  g_signal_connect_object (picker, "chosen", G_CALLBACK (picker_chosen_cb), self, 0);
  g_set_weak_pointer (&self->proposal_picker, picker);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
choose_link_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VpProposalRef source;
  int only;

  g_variant_get (parameter, "(uuui)", &source.article, &source.section, &source.item, &only);
  _vp_window_choose_link (VP_WINDOW (widget), &source, only);
}

/* Following the workspace */

/**
 * _vp_window_compare_follow_workspace:
 *
 * Points the comparison at the window's workspace.
 */
void
_vp_window_compare_follow_workspace (VpWindow *self)
{
  vp_comparison_view_set_workspace (self->comparison_view, self->workspace);
  update_visibility (self);
}

void
_vp_window_compare_update_actions (VpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = self->workspace != NULL ? vp_workspace_get_n_articles (self->workspace) : 0;

  gtk_widget_action_set_enabled (widget, "win.filter-by-cell", n > 0);
  gtk_widget_action_set_enabled (widget, "win.go-to-group", n > 1);
  gtk_widget_action_set_enabled (widget, "win.separate-proposal", n > 1);
  gtk_widget_action_set_enabled (widget, "win.link-proposals", n > 1);
  gtk_widget_action_set_enabled (widget, "win.choose-link", n > 1);
}

void
_vp_window_class_compare_init (VpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.filter-by-cell", "(si)",
                                   filter_by_cell_action);
  gtk_widget_class_install_action (widget_class, "win.go-to-group", "u", go_to_group_action);
  gtk_widget_class_install_action (widget_class, "win.separate-proposal", "(uuu)",
                                   separate_proposal_action);
  gtk_widget_class_install_action (widget_class, "win.link-proposals", "(uuuuuu)",
                                   link_proposals_action);
  gtk_widget_class_install_action (widget_class, "win.choose-link", "(uuui)", choose_link_action);
}

void
_vp_window_compare_init (VpWindow *self)
{
  g_autoptr(GAction) show = g_settings_create_action (self->settings, "show-comparison");

  g_action_map_add_action (G_ACTION_MAP (self), show);

  g_settings_bind (self->settings, "comparison-page", self->comparison_view, "page",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "match-threshold", self->comparison_view, "threshold",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->settings, "changed::show-comparison",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_swapped (self->articles_signals, "items-changed",
                                  G_CALLBACK (update_visibility), self);
  g_signal_connect_object (self->filter_bar, "changed",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison_paned, "notify::position",
                           G_CALLBACK (paned_position_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_vp_window_compare_dispose (VpWindow *self)
{
  /* The settings outlive the window: its toggle must not follow them
   * past its end. */
  g_action_map_remove_action (G_ACTION_MAP (self), "show-comparison");

  if (self->comparison_view != NULL)
    {
      g_settings_unbind (self->comparison_view, "page");
      g_settings_unbind (self->comparison_view, "threshold");
    }

  if (self->comparison_tick != 0 && self->comparison_paned != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->comparison_paned), self->comparison_tick);
  self->comparison_tick = 0;

  if (self->proposal_picker != NULL)
    gtk_window_destroy (GTK_WINDOW (self->proposal_picker));
  g_clear_weak_pointer (&self->proposal_picker);
}
