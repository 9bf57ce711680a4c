/* vp-proposal-picker.c
 *
 * "Link with…": a dialog that lists the proposals of the other articles,
 * a group per article in column order, for the reader to choose the one
 * that says the same thing as a proposal in other words. Within each
 * article the proposal closest to it by the comparison's similarity is
 * marked, when it comes near the threshold, since it is the likeliest
 * choice; those already matched with it are marked too, and cannot be
 * chosen again.
 *
 * The dialog only says what was chosen (::chosen) and closes; the window
 * makes the link.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-proposal-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-outline-item.h"
#include "vp-proposal-picker.h"

struct _VpProposalPicker
{
  AdwWindow           parent_instance;

  VpComparison       *comparison;
  VpProposalRef       source;
  GHashTable         *rows;   /* "a.s.i" → AdwActionRow */

  /* Template widgets */
  AdwWindowTitle     *window_title;
  AdwPreferencesPage *page;
};

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpProposalPicker, vp_proposal_picker, ADW_TYPE_WINDOW)

static char *
ref_key (const VpProposalRef *ref)
{
  return g_strdup_printf ("%u.%u.%u", ref->article, ref->section, ref->item);
}

static const char *
article_title (VpArticle *article)
{
  const char *title = vp_article_get_title (article);

  if (title == NULL || title[0] == '\0')
    title = vp_article_get_source (article);

  return title;
}

static char *
format_proposal (VpOutlineItem *item)
{
  const char *label = vp_outline_item_get_label (item);
  g_autofree char *marker = label != NULL ? g_strdup_printf (C_("list marker", "%s."), label)
                                          : g_strdup ("•");

  return g_strdup_printf ("%s %s", marker, vp_outline_item_get_text (item));
}

static void
row_activated_cb (VpProposalPicker *self,
                  AdwActionRow     *row)
{
  const VpProposalRef *ref = g_object_get_data (G_OBJECT (row), "vp-proposal");

  g_signal_emit (self, signals[CHOSEN], 0, ref->article, ref->section, ref->item);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
new_badge (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "picker-badge");
  gtk_widget_add_css_class (label, style);
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static GtkWidget *
new_row (VpProposalPicker    *self,
         const VpProposalRef *ref,
         gboolean             closest,
         gboolean             matched)
{
  VpOutlineItem *item = vp_comparison_get_item (self->comparison, ref);
  g_autofree char *text = format_proposal (item);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  gtk_widget_set_tooltip_text (row, vp_outline_item_get_text (item));

  if (matched)
    {
      /* Already in one row of the matching proposals with the source. */
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_badge (_("Matched"), "matched"));
      gtk_widget_set_sensitive (row, FALSE);
    }
  else
    {
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                      "icon-name", "vp-link-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                      NULL);

      if (closest)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), new_badge (_("Closest"), "closest"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_object_set_data_full (G_OBJECT (row), "vp-proposal", g_memdup2 (ref, sizeof *ref), g_free);
  g_hash_table_insert (self->rows, ref_key (ref), row);

  return row;
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

static void
build (VpProposalPicker *self,
       int               only_article)
{
  VpComparison *comparison = self->comparison;
  guint n_articles = vp_comparison_get_n_articles (comparison);
  guint n_proposals = vp_comparison_get_n_proposals (comparison);
  VpOutlineItem *source_item = vp_comparison_get_item (comparison, &self->source);
  VpArticle *source_article = vp_comparison_get_article (comparison, self->source.article);
  g_autofree char *source_text = format_proposal (source_item);
  g_autofree char *subtitle = NULL;
  GtkWidget *group;
  GtkWidget *row;
  guint p = 0;

  /* Translators: the subtitle of the dialog that links proposals; %u is
   * an article's column number, %s its title */
  subtitle = g_strdup_printf (_("Article %u: %s"), self->source.article + 1,
                              article_title (source_article));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("This Proposal"));
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), source_text);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "picker-source");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  for (guint article = 0; article < n_articles; article++)
    {
      g_autofree char *title = NULL;
      g_autofree char *escaped = NULL;
      /* Closest of all, but barely like it, is no hint. */
      double best = vp_comparison_get_threshold (comparison) / 2;
      guint first;
      guint best_index = G_MAXUINT;

      /* The proposals are in order of article, section and item. */
      while (p < n_proposals && vp_comparison_get_proposal (comparison, p)->article < article)
        p++;
      first = p;

      if (article == self->source.article || (only_article >= 0 && (guint)only_article != article))
        continue;
      if (p >= n_proposals || vp_comparison_get_proposal (comparison, p)->article != article)
        continue;

      for (guint i = first; i < n_proposals; i++)
        {
          const VpProposalRef *ref = vp_comparison_get_proposal (comparison, i);
          double s;

          if (ref->article != article)
            break;

          s = vp_comparison_get_similarity (comparison, &self->source, ref);
          if (s > best)
            {
              best = s;
              best_index = i;
            }
        }

      /* Translators: the heading of an article's proposals in the dialog
       * that links proposals; %u is its column number, %s its title */
      title = g_strdup_printf (_("Article %u: %s"), article + 1,
                               article_title (vp_comparison_get_article (comparison, article)));
      escaped = g_markup_escape_text (title, -1);

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);

      for (guint i = first; i < n_proposals; i++)
        {
          const VpProposalRef *ref = vp_comparison_get_proposal (comparison, i);

          if (ref->article != article)
            break;

          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     new_row (self, ref, i == best_index,
                                              same_group (comparison, &self->source, ref)));
        }

      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
    }
}

static void
vp_proposal_picker_dispose (GObject *object)
{
  VpProposalPicker *self = (VpProposalPicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_PROPOSAL_PICKER);
  g_clear_object (&self->comparison);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (vp_proposal_picker_parent_class)->dispose (object);
}

static void
vp_proposal_picker_class_init (VpProposalPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_proposal_picker_dispose;

  /**
   * VpProposalPicker::chosen:
   * @article: the chosen proposal's article
   * @section: its section
   * @item: its item
   *
   * The reader chose the proposal that is the same as the source.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-proposal-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, VpProposalPicker, window_title);
  gtk_widget_class_bind_template_child (widget_class, VpProposalPicker, page);
}

static void
vp_proposal_picker_init (VpProposalPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * vp_proposal_picker_new:
 * @parent: the window it belongs to
 * @comparison: the comparison of the workspace's articles
 * @source: the proposal to link
 * @only_article: the only article to choose from, or -1 for all but the
 *   source's
 *
 * Returns: (transfer full): a new dialog, to be presented
 */
GtkWidget *
vp_proposal_picker_new (GtkWindow           *parent,
                        VpComparison        *comparison,
                        const VpProposalRef *source,
                        int                  only_article)
{
  VpProposalPicker *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VP_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (vp_comparison_get_item (comparison, source) != NULL, NULL);

  self = g_object_new (VP_TYPE_PROPOSAL_PICKER,
                       "transient-for", parent,
                       NULL);
  self->comparison = g_object_ref (comparison);
  self->source = *source;

  build (self, only_article);

  return GTK_WIDGET (self);
}

/**
 * vp_proposal_picker_get_source:
 * @source: (out): the proposal to link
 */
void
vp_proposal_picker_get_source (VpProposalPicker *self,
                               VpProposalRef    *source)
{
  g_return_if_fail (VP_IS_PROPOSAL_PICKER (self));
  g_return_if_fail (source != NULL);

  *source = self->source;
}

/**
 * vp_proposal_picker_get_row:
 *
 * Returns: (transfer none) (nullable): the row that chooses @ref
 */
GtkWidget *
vp_proposal_picker_get_row (VpProposalPicker    *self,
                            const VpProposalRef *ref)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (VP_IS_PROPOSAL_PICKER (self), NULL);
  g_return_val_if_fail (ref != NULL, NULL);

  key = ref_key (ref);

  return g_hash_table_lookup (self->rows, key);
}
