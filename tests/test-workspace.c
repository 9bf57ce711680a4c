/* test-workspace.c: the workspace, its operations and their undo
 *
 * Every operation is done, undone and redone, and the whole state (the
 * actor set, and in every article the annotations, the mentions, the
 * counts and the outline's actors, through the JSON export) is compared
 * at each step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vp-error.h"
#include "vp-exporter.h"
#include "vp-importer.h"
#include "vp-workspace.h"
#include "vp-workspace-io.h"

static const char *first_text =
  "Washington and Tehran can share the Gulf\n"
  "\n"
  "By Lena Ortiz\n"
  "\n"
  "The United States and Iran disagree about most things, but both fear a war at sea. "
  "The Obama administration learned this in 2016, when Iranian boats held ten US sailors "
  "for a night.\n"
  "\n"
  "A working relationship would rest on three steps:\n"
  "\n"
  "1. Washington should open a naval hotline with Tehran.\n"
  "2. Iran should stop harassing tankers near the Strait of Hormuz.\n"
  "3. Both sides should invite Riyadh to observe, so that the kingdom does not feel left out.\n"
  "\n"
  "It is essential that the US keeps its allies informed. Saudi Arabia will watch closely.\n";

static const char *second_text =
  "Riyadh needs a seat at the table\n"
  "\n"
  "By Omar Haddad\n"
  "\n"
  "Any deal between America and Iran will fail if Saudi Arabia is not part of it. The kingdom "
  "has the most to lose from a collapse of talks. Baghdad could host the first round.\n"
  "\n"
  "Saudi officials propose two measures:\n"
  "\n"
  "1. The Saudis and Iranians should exchange ambassadors again.\n"
  "2. The US should guarantee the talks without joining them.\n"
  "\n"
  "Riyadh should lead. Tehran should listen.\n";

static VpArticle *
import_text (const char *source,
             const char *text)
{
  g_autoptr(GError) error = NULL;
  VpArticle *article;

  article = vp_import_data (text, strlen (text), source, VP_IMPORT_FORMAT_TEXT, NULL, &error);
  g_assert_no_error (error);

  return article;
}

typedef struct
{
  VpWorkspace *workspace;
  VpArticle   *first;
  VpArticle   *second;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VpArticle) first = import_text ("one.txt", first_text);
  g_autoptr(VpArticle) second = import_text ("two.txt", second_text);

  fixture->workspace = vp_workspace_new (NULL);
  vp_workspace_add_article (fixture->workspace, first);
  vp_workspace_add_article (fixture->workspace, second);
  fixture->first = first;
  fixture->second = second;
  vp_workspace_set_modified (fixture->workspace, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->workspace);
}

/* Finds @target in the first @context in the title or a block of
 * @article; the whole of @context when @target is %NULL. */
static void
find_span (VpArticle  *article,
           const char *context,
           const char *target,
           int        *block,
           guint      *start,
           guint      *end)
{
  guint n_blocks = vp_article_get_n_blocks (article);

  if (target == NULL)
    target = context;

  for (int b = VP_MENTION_TITLE; b < (int)n_blocks; b++)
    {
      const char *block_text = vp_article_get_block_text (article, b);
      const char *found = block_text != NULL ? strstr (block_text, context) : NULL;

      if (found == NULL)
        continue;

      found = strstr (found, target);
      g_assert_nonnull (found);
      *block = b;
      *start = found - block_text;
      *end = *start + strlen (target);
      return;
    }

  g_assert_not_reached ();
}

static VpOutlineItem *
get_item (VpArticle *article,
          guint      section,
          guint      index)
{
  g_autoptr(VpOutlineSection) s = g_list_model_get_item (vp_article_get_sections (article), section);

  return vp_outline_section_get_item (s, index);
}

static void
tag (Fixture    *fixture,
     VpArticle  *article,
     const char *actor,
     const char *context,
     const char *target)
{
  g_autoptr(GError) error = NULL;
  int block;
  guint start;
  guint end;

  find_span (article, context, target, &block, &start, &end);
  g_assert_true (vp_workspace_tag_span (fixture->workspace, article, actor, block, start, end,
                                        &error));
  g_assert_no_error (error);
}

static void
reject (Fixture    *fixture,
        VpArticle  *article,
        const char *actor,
        const char *context,
        const char *target)
{
  int block;
  guint start;
  guint end;

  find_span (article, context, target, &block, &start, &end);
  g_assert_true (vp_workspace_reject_mention (fixture->workspace, article, actor,
                                              block, start, end));
}

/* The whole state, as text. */
static char *
dump_state (VpWorkspace *workspace)
{
  VpActorSet *actors = vp_workspace_get_actors (workspace);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GBytes) json = NULL;
  g_autofree char *xml = vp_actor_set_to_xml (actors, NULL);
  GString *out = g_string_new (xml);
  guint n = vp_workspace_get_n_articles (workspace);

  for (guint i = 0; i < n; i++)
    {
      VpArticle *article = vp_workspace_get_article (workspace, i);
      const VpMention *mentions;
      guint n_mentions;

      g_ptr_array_add (articles, article);
      g_string_append_printf (out, "\n%s\n", vp_article_get_source (article));

      for (guint j = 0; j < vp_article_get_n_annotations (article); j++)
        {
          VpAnnotation *a = vp_article_get_annotation (article, j);

          g_string_append_printf (out, "  %s %s %d %u-%u “%s” [%s|%s]\n",
                                  vp_annotation_kind_to_string (vp_annotation_get_kind (a)),
                                  vp_annotation_get_actor (a), vp_annotation_get_block (a),
                                  vp_annotation_get_start (a), vp_annotation_get_end (a),
                                  vp_annotation_get_text (a), vp_annotation_get_before (a),
                                  vp_annotation_get_after (a));
        }

      mentions = vp_article_get_mentions (article, &n_mentions);
      for (guint j = 0; j < n_mentions; j++)
        g_string_append_printf (out, "  %s@%d:%u-%u%s", mentions[j].actor, mentions[j].block,
                                mentions[j].start, mentions[j].end,
                                mentions[j].origin == VP_MENTION_MANUAL ? "*" : "");
    }

  /* The links, in the order the comparison applies them. */
  for (guint i = 0; i < vp_workspace_get_n_links (workspace); i++)
    {
      VpProposalRef a;
      VpProposalRef b;
      VpLinkKind kind;

      vp_workspace_get_link (workspace, i, &kind, &a, &b);
      g_string_append_printf (out, "\n%s %u.%u.%u %u.%u.%u",
                              kind == VP_LINK_LINK ? "link" : "unlink",
                              a.article, a.section, a.item, b.article, b.section, b.item);
    }
  g_string_append_c (out, '\n');

  json = vp_export_outline (VP_EXPORT_FORMAT_JSON, articles, actors);
  g_string_append_len (out, g_bytes_get_data (json, NULL), g_bytes_get_size (json));

  return g_string_free (out, FALSE);
}

static guint
count (Fixture    *fixture,
       VpArticle  *article,
       const char *actor)
{
  return vp_article_count_mentions (article, actor);
}

/* Operations, each with what it needs done before and checks after. */
typedef struct
{
  const char *name;
  void      (*setup) (Fixture *fixture);
  void      (*run)   (Fixture *fixture);
  void      (*check) (Fixture *fixture);  /* after run and after redo */
  const char *label;
} Operation;

static void
run_tag_span (Fixture *fixture)
{
  tag (fixture, fixture->first, "us", "Obama administration", NULL);
}

static void
check_tag_span (Fixture *fixture)
{
  g_assert_cmpuint (count (fixture, fixture->first, "us"), ==, 6);
}

static void
run_tag_title (Fixture *fixture)
{
  tag (fixture, fixture->second, "saudi-arabia", "a seat", NULL);
}

static void
check_tag_title (Fixture *fixture)
{
  const VpMention *mentions;
  guint n;

  mentions = vp_article_get_mentions (fixture->second, &n);
  g_assert_cmpint (mentions[1].block, ==, VP_MENTION_TITLE);
  g_assert_cmpint (mentions[1].origin, ==, VP_MENTION_MANUAL);
  g_assert_cmpuint (count (fixture, fixture->second, "saudi-arabia"), ==, 6);
}

static void
setup_reject_iran (Fixture *fixture)
{
  reject (fixture, fixture->first, "iran", "Iran should stop", "Iran");
}

static void
run_tag_rejected (Fixture *fixture)
{
  tag (fixture, fixture->first, "iran", "Iran should stop", "Iran");
}

static void
check_tag_rejected (Fixture *fixture)
{
  /* The rejection is taken back: no manual tag is needed. */
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 0);
  g_assert_true (vp_outline_item_has_actor (get_item (fixture->first, 0, 1), "iran"));
}

static void
setup_tag_obama (Fixture *fixture)
{
  run_tag_span (fixture);
}

static void
run_untag_span (Fixture *fixture)
{
  int block;
  guint start;
  guint end;

  find_span (fixture->first, "Obama administration", NULL, &block, &start, &end);
  g_assert_true (vp_workspace_untag_span (fixture->workspace, fixture->first, "us",
                                          block, start, end));
}

static void
check_untag_span (Fixture *fixture)
{
  g_assert_cmpuint (count (fixture, fixture->first, "us"), ==, 5);
}

static void
run_reject (Fixture *fixture)
{
  reject (fixture, fixture->first, "iran", "Iran should stop", "Iran");
}

static void
check_reject (Fixture *fixture)
{
  g_assert_cmpuint (count (fixture, fixture->first, "iran"), ==, 4);
  g_assert_false (vp_outline_item_has_actor (get_item (fixture->first, 0, 1), "iran"));
}

static void
run_reject_manual (Fixture *fixture)
{
  reject (fixture, fixture->first, "us", "Obama administration", NULL);
}

static void
check_reject_manual (Fixture *fixture)
{
  /* Rejecting a manual tag removes it; there is nothing else to reject. */
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 0);
  g_assert_cmpuint (count (fixture, fixture->first, "us"), ==, 5);
}

static void
run_restore (Fixture *fixture)
{
  int block;
  guint start;
  guint end;

  find_span (fixture->first, "Iran should stop", "Iran", &block, &start, &end);
  g_assert_true (vp_workspace_restore_mention (fixture->workspace, fixture->first, "iran",
                                               block, start, end));
}

static void
check_restore (Fixture *fixture)
{
  g_assert_cmpuint (count (fixture, fixture->first, "iran"), ==, 5);
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 0);
}

static void
run_add_item_actor (Fixture *fixture)
{
  vp_workspace_add_item_actor (fixture->workspace, fixture->first, get_item (fixture->first, 0, 0),
                               "saudi-arabia");
}

static void
check_add_item_actor (Fixture *fixture)
{
  g_assert_true (vp_outline_item_has_actor (get_item (fixture->first, 0, 0), "saudi-arabia"));
  g_assert_cmpuint (count (fixture, fixture->first, "saudi-arabia"), ==, 2);
}

static void
setup_remove_iran_from_item (Fixture *fixture)
{
  vp_workspace_remove_item_actor (fixture->workspace, fixture->first,
                                  get_item (fixture->first, 0, 1), "iran");
  g_assert_false (vp_outline_item_has_actor (get_item (fixture->first, 0, 1), "iran"));
}

static void
run_add_removed_item_actor (Fixture *fixture)
{
  vp_workspace_add_item_actor (fixture->workspace, fixture->first, get_item (fixture->first, 0, 1),
                               "iran");
}

static void
check_add_removed_item_actor (Fixture *fixture)
{
  /* Taking back the removal is enough. */
  g_assert_true (vp_outline_item_has_actor (get_item (fixture->first, 0, 1), "iran"));
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 0);
}

static void
run_remove_item_actor (Fixture *fixture)
{
  setup_remove_iran_from_item (fixture);
}

static void
check_remove_item_actor (Fixture *fixture)
{
  g_assert_false (vp_outline_item_has_actor (get_item (fixture->first, 0, 1), "iran"));
  g_assert_cmpuint (count (fixture, fixture->first, "iran"), ==, 5);
}

static void
setup_add_saudi_to_item (Fixture *fixture)
{
  run_add_item_actor (fixture);
}

static void
run_remove_added_item_actor (Fixture *fixture)
{
  vp_workspace_remove_item_actor (fixture->workspace, fixture->first,
                                  get_item (fixture->first, 0, 0), "saudi-arabia");
}

static void
check_remove_added_item_actor (Fixture *fixture)
{
  g_assert_false (vp_outline_item_has_actor (get_item (fixture->first, 0, 0), "saudi-arabia"));
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 0);
}

static void
run_add_alias (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_workspace_add_alias (fixture->workspace, "saudi-arabia", "the  kingdom",
                                         FALSE, &error));
  g_assert_no_error (error);
}

static void
check_add_alias (Fixture *fixture)
{
  VpActor *saudi = vp_workspace_lookup_actor (fixture->workspace, "saudi-arabia");

  g_assert_true (vp_actor_has_alias (saudi, "the kingdom"));
  g_assert_cmpuint (count (fixture, fixture->first, "saudi-arabia"), ==, 3);
  g_assert_cmpuint (count (fixture, fixture->second, "saudi-arabia"), ==, 6);
}

static void
run_add_excluded_alias (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vp_workspace_add_alias (fixture->workspace, "iran", "persian gulf", FALSE,
                                         &error));
  g_assert_no_error (error);
}

static void
check_add_excluded_alias (Fixture *fixture)
{
  VpActor *iran = vp_workspace_lookup_actor (fixture->workspace, "iran");

  /* The exclusion would hide the alias: it goes. */
  g_assert_true (vp_actor_has_alias (iran, "persian gulf"));
  g_assert_false (vp_actor_has_exclusion (iran, "Persian Gulf"));
}

static void
run_create_actor (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  VpActor *actor;

  actor = vp_workspace_create_actor (fixture->workspace, "Strait of  Hormuz", &error);
  g_assert_no_error (error);
  g_assert_nonnull (actor);
  g_assert_cmpstr (vp_actor_get_id (actor), ==, "strait-of-hormuz");
  g_assert_cmpstr (vp_actor_get_name (actor), ==, "Strait of Hormuz");
  g_assert_cmpstr (vp_actor_get_color (actor), ==, "#d55e00");
}

static void
check_create_actor (Fixture *fixture)
{
  g_assert_nonnull (vp_workspace_lookup_actor (fixture->workspace, "strait-of-hormuz"));
  g_assert_cmpuint (count (fixture, fixture->first, "strait-of-hormuz"), ==, 1);
  g_assert_true (vp_outline_item_has_actor (get_item (fixture->first, 0, 1), "strait-of-hormuz"));
}

static void
run_add_actor (Fixture *fixture)
{
  g_autoptr(VpActor) actor = vp_actor_new ("us-navy", "US Navy");

  vp_actor_set_kind (actor, VP_ACTOR_KIND_ORGANISATION);
  vp_actor_add_alias (actor, "sailors", FALSE);
  vp_workspace_add_actor (fixture->workspace, actor);
}

static void
check_add_actor (Fixture *fixture)
{
  g_assert_cmpuint (count (fixture, fixture->first, "us-navy"), ==, 1);
}

static void
run_edit_actor (Fixture *fixture)
{
  g_autoptr(VpActor) changes = vp_actor_copy (vp_workspace_lookup_actor (fixture->workspace,
                                                                         "us"));

  vp_actor_set_name (changes, "America");
  vp_actor_set_color (changes, "#123456");
  vp_actor_set_kind (changes, VP_ACTOR_KIND_GROUP);
  vp_actor_remove_alias (changes, "Washington");
  vp_actor_add_alias (changes, "Obama administration", FALSE);
  vp_workspace_edit_actor (fixture->workspace, changes);
}

static void
check_edit_actor (Fixture *fixture)
{
  VpActor *us = vp_workspace_lookup_actor (fixture->workspace, "us");

  g_assert_cmpstr (vp_actor_get_name (us), ==, "America");
  g_assert_cmpstr (vp_actor_get_color (us), ==, "#123456");
  /* Less Washington twice, plus the administration. */
  g_assert_cmpuint (count (fixture, fixture->first, "us"), ==, 4);
}

static void
setup_annotate_iran (Fixture *fixture)
{
  tag (fixture, fixture->first, "iran", "boats", NULL);
  reject (fixture, fixture->first, "iran", "with Tehran", "Tehran");
  vp_workspace_add_item_actor (fixture->workspace, fixture->second,
                               get_item (fixture->second, 0, 1), "iran");
  tag (fixture, fixture->second, "us", "guarantee", NULL);
}

static void
run_disable_actor (Fixture *fixture)
{
  vp_workspace_set_actor_enabled (fixture->workspace, "iran", FALSE);
}

static void
check_disable_actor (Fixture *fixture)
{
  /* Its mentions and additions stop counting; they are kept. */
  g_assert_cmpuint (count (fixture, fixture->first, "iran"), ==, 0);
  g_assert_false (vp_outline_item_has_actor (get_item (fixture->second, 0, 1), "iran"));
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 2);
}

static void
run_enable_actor (Fixture *fixture)
{
  vp_workspace_set_actor_enabled (fixture->workspace, "iraq", TRUE);
}

static void
check_enable_actor (Fixture *fixture)
{
  g_assert_cmpuint (count (fixture, fixture->second, "iraq"), ==, 1);
}

static void
run_delete_actor (Fixture *fixture)
{
  vp_workspace_delete_actor (fixture->workspace, "iran");
}

static void
check_delete_actor (Fixture *fixture)
{
  g_assert_null (vp_workspace_lookup_actor (fixture->workspace, "iran"));
  g_assert_cmpuint (count (fixture, fixture->first, "iran"), ==, 0);
  /* Its annotations went with it; the others stay. */
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 0);
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->second), ==, 1);
}

static void
setup_kingdom (Fixture *fixture)
{
  g_autoptr(VpActor) kingdom = vp_actor_new ("kingdom", "The Kingdom");

  vp_actor_add_alias (kingdom, "kingdom", FALSE);
  vp_actor_add_alias (kingdom, "House of Saud", FALSE);
  vp_actor_add_alias (kingdom, "KSA", FALSE);
  vp_actor_add_exclusion (kingdom, "Saudi officials");
  vp_actor_add_exclusion (kingdom, "United Kingdom");
  vp_workspace_add_actor (fixture->workspace, kingdom);

  /* The Kingdom's own say… */
  tag (fixture, fixture->second, "kingdom", "the talks", NULL);
  reject (fixture, fixture->second, "kingdom", "The kingdom", "kingdom");
  vp_workspace_add_item_actor (fixture->workspace, fixture->first,
                               get_item (fixture->first, 0, 0), "kingdom");

  /* …and where it meets Saudi Arabia's: the last item involves the
   * Kingdom, not Saudi Arabia, though it names both. */
  vp_workspace_remove_item_actor (fixture->workspace, fixture->first,
                                  get_item (fixture->first, 0, 2), "saudi-arabia");
  reject (fixture, fixture->first, "kingdom", "the kingdom does", "kingdom");
  vp_workspace_add_item_actor (fixture->workspace, fixture->first,
                               get_item (fixture->first, 0, 2), "kingdom");
  tag (fixture, fixture->first, "saudi-arabia", "the kingdom", NULL);
  tag (fixture, fixture->first, "kingdom", "the kingdom", NULL);

  g_assert_false (vp_outline_item_has_actor (get_item (fixture->first, 0, 2), "saudi-arabia"));
  g_assert_true (vp_outline_item_has_actor (get_item (fixture->first, 0, 2), "kingdom"));
}

static void
run_merge (Fixture *fixture)
{
  vp_workspace_merge_actors (fixture->workspace, "saudi-arabia", "kingdom");
}

static void
check_merge (Fixture *fixture)
{
  VpActor *saudi = vp_workspace_lookup_actor (fixture->workspace, "saudi-arabia");
  gboolean case_sensitive = FALSE;
  guint n_aliases = vp_actor_get_n_aliases (saudi);
  int block;
  guint start;
  guint end;

  g_assert_null (vp_workspace_lookup_actor (fixture->workspace, "kingdom"));

  /* New aliases come after, an alias both had keeps Saudi Arabia's flag. */
  g_assert_cmpstr (vp_actor_get_alias (saudi, n_aliases - 1, NULL), ==, "kingdom");
  g_assert_true (vp_actor_has_alias (saudi, "House of Saud"));
  g_assert_true (vp_actor_has_alias (saudi, "KSA"));
  for (guint i = 0; i < n_aliases; i++)
    {
      if (g_str_equal (vp_actor_get_alias (saudi, i, NULL), "KSA"))
        vp_actor_get_alias (saudi, i, &case_sensitive);
    }
  g_assert_true (case_sensitive);
  g_assert_true (vp_actor_has_exclusion (saudi, "Saudi officials"));
  g_assert_true (vp_actor_has_exclusion (saudi, "United Kingdom"));

  /* The Kingdom's annotations are Saudi Arabia's now… */
  find_span (fixture->second, "the talks", NULL, &block, &start, &end);
  g_assert_nonnull (vp_article_lookup_annotation (fixture->second, VP_ANNOTATION_TAG,
                                                  "saudi-arabia", block, start, end));
  g_assert_true (vp_outline_item_has_actor (get_item (fixture->first, 0, 0), "saudi-arabia"));

  /* …and its rejections reject Saudi Arabia's new mentions of "kingdom"… */
  g_assert_cmpuint (count (fixture, fixture->second, "saudi-arabia"), ==, 5);
  g_assert_cmpuint (count (fixture, fixture->first, "saudi-arabia"), ==, 3);

  /* …except where Saudi Arabia had its own say. */
  g_assert_false (vp_outline_item_has_actor (get_item (fixture->first, 0, 2), "saudi-arabia"));

  for (guint a = 0; a < 2; a++)
    {
      VpArticle *article = a == 0 ? fixture->first : fixture->second;

      for (guint i = 0; i < vp_article_get_n_annotations (article); i++)
        g_assert_cmpstr (vp_annotation_get_actor (vp_article_get_annotation (article, i)), !=,
                         "kingdom");
    }
}

static void
run_replace_actors (Fixture *fixture)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new ();
  g_autoptr(VpActor) gulf = vp_actor_new ("gulf", "The Gulf");
  g_autoptr(VpActor) iran = vp_actor_new ("iran", "Islamic Republic");

  vp_actor_add_alias (gulf, "Gulf", FALSE);
  vp_actor_add_alias (iran, "Tehran", FALSE);
  vp_actor_set_add (actors, gulf);
  vp_actor_set_add (actors, iran);
  vp_workspace_replace_actors (fixture->workspace, actors);
}

static void
check_replace_actors (Fixture *fixture)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (vp_workspace_get_actors (
                    fixture->workspace))), ==, 2);
  g_assert_cmpuint (count (fixture, fixture->first, "gulf"), ==, 1);
  g_assert_cmpuint (count (fixture, fixture->first, "iran"), ==, 2);
  g_assert_cmpuint (count (fixture, fixture->first, "us"), ==, 0);
}

static void
run_group (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  VpActor *actor;
  int block;
  guint start;
  guint end;

  /* "Tag as… → New Actor": one step. */
  vp_workspace_begin_action (fixture->workspace, "Tag as New Actor");
  actor = vp_workspace_create_actor (fixture->workspace, "Hormuz", &error);
  g_assert_no_error (error);
  find_span (fixture->first, "Strait of Hormuz", NULL, &block, &start, &end);
  g_assert_true (vp_workspace_tag_span (fixture->workspace, fixture->first,
                                        vp_actor_get_id (actor), block, start, end, &error));
  g_assert_no_error (error);
  vp_workspace_end_action (fixture->workspace);
}

static void
check_group (Fixture *fixture)
{
  g_assert_cmpuint (count (fixture, fixture->first, "hormuz"), ==, 2);
}

/* Links: the naval hotline of the first article is the same as the
 * second article's guarantee, the reader says, and the first's call on
 * Iran is not the same as the second's exchange of ambassadors. */
static const VpProposalRef hotline = { 0, 0, 0 };
static const VpProposalRef tankers = { 0, 0, 1 };
static const VpProposalRef ambassadors = { 1, 0, 0 };
static const VpProposalRef guarantee = { 1, 0, 1 };

static void
assert_link (Fixture             *fixture,
             guint                index,
             VpLinkKind           kind,
             const VpProposalRef *a,
             const VpProposalRef *b)
{
  VpProposalRef got_a;
  VpProposalRef got_b;
  VpLinkKind got_kind;

  g_assert_cmpuint (index, <, vp_workspace_get_n_links (fixture->workspace));
  vp_workspace_get_link (fixture->workspace, index, &got_kind, &got_a, &got_b);
  g_assert_cmpint (got_kind, ==, kind);
  g_assert_true (memcmp (&got_a, a, sizeof *a) == 0);
  g_assert_true (memcmp (&got_b, b, sizeof *b) == 0);
}

static void
run_link (Fixture *fixture)
{
  vp_workspace_link_proposals (fixture->workspace, &hotline, &guarantee);
}

static void
check_link (Fixture *fixture)
{
  g_assert_cmpuint (vp_workspace_get_n_links (fixture->workspace), ==, 1);
  assert_link (fixture, 0, VP_LINK_LINK, &hotline, &guarantee);
}

static void
run_separate (Fixture *fixture)
{
  vp_workspace_separate_proposals (fixture->workspace, &tankers, &ambassadors);
}

static void
check_separate (Fixture *fixture)
{
  g_assert_cmpuint (vp_workspace_get_n_links (fixture->workspace), ==, 1);
  assert_link (fixture, 0, VP_LINK_UNLINK, &tankers, &ambassadors);
}

static void
setup_links (Fixture *fixture)
{
  vp_workspace_link_proposals (fixture->workspace, &hotline, &guarantee);
  vp_workspace_link_proposals (fixture->workspace, &tankers, &ambassadors);
}

/* Keeping apart what was linked replaces the link where it stands: the
 * comparison applies links in order. */
static void
run_separate_linked (Fixture *fixture)
{
  vp_workspace_separate_proposals (fixture->workspace, &guarantee, &hotline);
}

static void
check_separate_linked (Fixture *fixture)
{
  g_assert_cmpuint (vp_workspace_get_n_links (fixture->workspace), ==, 2);
  assert_link (fixture, 0, VP_LINK_UNLINK, &hotline, &guarantee);
  assert_link (fixture, 1, VP_LINK_LINK, &tankers, &ambassadors);
}

/* Undone, a forgotten link comes back in its place, not last. */
static void
run_forget_link (Fixture *fixture)
{
  vp_workspace_forget_link (fixture->workspace, &guarantee, &hotline);
}

static void
check_forget_link (Fixture *fixture)
{
  g_assert_cmpuint (vp_workspace_get_n_links (fixture->workspace), ==, 1);
  assert_link (fixture, 0, VP_LINK_LINK, &tankers, &ambassadors);
}

/* "Not the Same Proposal" takes one proposal out of a group of three:
 * several links, one step. */
static void
run_link_group (Fixture *fixture)
{
  vp_workspace_begin_action (fixture->workspace, "Not the Same Proposal");
  vp_workspace_separate_proposals (fixture->workspace, &hotline, &guarantee);
  vp_workspace_separate_proposals (fixture->workspace, &hotline, &ambassadors);
  vp_workspace_end_action (fixture->workspace);
}

static void
check_link_group (Fixture *fixture)
{
  g_assert_cmpuint (vp_workspace_get_n_links (fixture->workspace), ==, 3);
  assert_link (fixture, 0, VP_LINK_UNLINK, &hotline, &guarantee);
  assert_link (fixture, 1, VP_LINK_LINK, &tankers, &ambassadors);
  assert_link (fixture, 2, VP_LINK_UNLINK, &hotline, &ambassadors);
}

static const Operation operations[] = {
  { "tag-span", NULL, run_tag_span, check_tag_span, "Undo Tag as United States" },
  { "tag-title", NULL, run_tag_title, check_tag_title, "Undo Tag as Saudi Arabia" },
  { "tag-rejected", setup_reject_iran, run_tag_rejected, check_tag_rejected,
    "Undo Tag as Iran" },
  { "untag-span", setup_tag_obama, run_untag_span, check_untag_span,
    "Undo Remove United States Tag" },
  { "reject", NULL, run_reject, check_reject, "Undo Not Iran Here" },
  { "reject-manual", setup_tag_obama, run_reject_manual, check_reject_manual,
    "Undo Not United States Here" },
  { "restore", setup_reject_iran, run_restore, check_restore, "Undo Restore Iran Mention" },
  { "add-item-actor", NULL, run_add_item_actor, check_add_item_actor,
    "Undo Add Saudi Arabia to Proposal" },
  { "add-removed-item-actor", setup_remove_iran_from_item, run_add_removed_item_actor,
    check_add_removed_item_actor, "Undo Add Iran to Proposal" },
  { "remove-item-actor", NULL, run_remove_item_actor, check_remove_item_actor,
    "Undo Remove Iran from Proposal" },
  { "remove-added-item-actor", setup_add_saudi_to_item, run_remove_added_item_actor,
    check_remove_added_item_actor, "Undo Remove Saudi Arabia from Proposal" },
  { "add-alias", NULL, run_add_alias, check_add_alias,
    "Undo Add Alias “the kingdom” to Saudi Arabia" },
  { "add-excluded-alias", NULL, run_add_excluded_alias, check_add_excluded_alias,
    "Undo Add Alias “persian gulf” to Iran" },
  { "create-actor", NULL, run_create_actor, check_create_actor, "Undo Create Strait of Hormuz" },
  { "add-actor", NULL, run_add_actor, check_add_actor, "Undo Create US Navy" },
  { "edit-actor", NULL, run_edit_actor, check_edit_actor, "Undo Edit America" },
  { "disable-actor", setup_annotate_iran, run_disable_actor, check_disable_actor,
    "Undo Disable Iran" },
  { "enable-actor", NULL, run_enable_actor, check_enable_actor, "Undo Enable Iraq" },
  { "delete-actor", setup_annotate_iran, run_delete_actor, check_delete_actor,
    "Undo Delete Iran" },
  { "merge", setup_kingdom, run_merge, check_merge, "Undo Merge The Kingdom into Saudi Arabia" },
  { "replace-actors", setup_annotate_iran, run_replace_actors, check_replace_actors,
    "Undo Replace Actors" },
  { "group", NULL, run_group, check_group, "Undo Tag as New Actor" },
  { "link", NULL, run_link, check_link, "Undo Link Proposals" },
  { "separate", NULL, run_separate, check_separate, "Undo Separate Proposals" },
  { "separate-linked", setup_links, run_separate_linked, check_separate_linked,
    "Undo Separate Proposals" },
  { "forget-link", setup_links, run_forget_link, check_forget_link, "Undo Clear Link" },
  { "link-group", setup_links, run_link_group, check_link_group, "Undo Not the Same Proposal" },
};

static void
assert_state (VpWorkspace *workspace,
              const char  *expected)
{
  g_autofree char *state = dump_state (workspace);

  g_assert_cmpstr (state, ==, expected);
}

static void
test_operation (Fixture       *fixture,
                gconstpointer  data)
{
  const Operation *operation = data;
  VpWorkspace *workspace = fixture->workspace;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *redo_label = NULL;

  if (operation->setup != NULL)
    {
      operation->setup (fixture);
      vp_workspace_clear_history (workspace);
    }

  before = dump_state (workspace);
  g_assert_false (vp_workspace_can_undo (workspace));

  operation->run (fixture);
  operation->check (fixture);
  after = dump_state (workspace);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (vp_workspace_can_undo (workspace));
  g_assert_false (vp_workspace_can_redo (workspace));
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, operation->label);

  /* One step: undone, everything is as it was. */
  g_assert_true (vp_workspace_undo (workspace));
  assert_state (workspace, before);
  g_assert_false (vp_workspace_can_undo (workspace));
  g_assert_false (vp_workspace_undo (workspace));
  redo_label = g_strdup_printf ("Redo %s", operation->label + strlen ("Undo "));
  g_assert_cmpstr (vp_workspace_get_redo_label (workspace), ==, redo_label);

  g_assert_true (vp_workspace_redo (workspace));
  assert_state (workspace, after);
  operation->check (fixture);
  g_assert_false (vp_workspace_redo (workspace));

  /* And again, as readers go back and forth. */
  g_assert_true (vp_workspace_undo (workspace));
  assert_state (workspace, before);
  g_assert_true (vp_workspace_redo (workspace));
  assert_state (workspace, after);
}

static void
changed_cb (VpWorkspace *workspace,
            guint       *changes)
{
  (*changes)++;
}

static void
test_articles (Fixture       *fixture,
               gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;
  GListModel *articles = vp_workspace_get_articles (workspace);
  g_autoptr(VpArticle) third = import_text ("three.txt", "Iran\n\nIran and the US talk.\n");
  g_autoptr(VpArticle) item = NULL;
  guint changes = 0;
  guint position;

  g_assert_cmpuint (vp_workspace_get_n_articles (workspace), ==, 2);
  g_assert_true (vp_workspace_get_article (workspace, 0) == fixture->first);
  g_assert_true (vp_workspace_lookup_article (workspace, "two.txt") == fixture->second);
  g_assert_null (vp_workspace_lookup_article (workspace, "three.txt"));
  g_assert_false (vp_workspace_get_modified (workspace));

  g_signal_connect (workspace, "changed", G_CALLBACK (changed_cb), &changes);

  /* Imported without a tagger, tagged when added. */
  g_assert_cmpuint (vp_article_count_mentions (third, "iran"), ==, 0);
  vp_workspace_insert_article (workspace, 1, third);
  g_assert_cmpuint (vp_article_count_mentions (third, "iran"), ==, 2);
  g_assert_true (vp_workspace_find_article (workspace, third, &position));
  g_assert_cmpuint (position, ==, 1);
  g_assert_true (vp_workspace_get_modified (workspace));
  g_assert_cmpuint (changes, ==, 1);

  vp_workspace_move_article (workspace, 0, 2);
  item = g_list_model_get_item (articles, 0);
  g_assert_true (item == third);
  g_clear_object (&item);
  item = g_list_model_get_item (articles, 2);
  g_assert_true (item == fixture->first);
  g_clear_object (&item);
  vp_workspace_move_article (workspace, 2, 0);
  vp_workspace_move_article (workspace, 1, 1);
  g_assert_true (vp_workspace_get_article (workspace, 0) == fixture->first);
  g_assert_true (vp_workspace_get_article (workspace, 1) == third);
  g_assert_cmpuint (changes, ==, 3);

  vp_workspace_remove_article (workspace, third);
  g_assert_false (vp_workspace_find_article (workspace, third, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 2);
  g_assert_cmpuint (changes, ==, 4);

  vp_workspace_set_modified (workspace, FALSE);
  g_assert_false (vp_workspace_get_modified (workspace));
}

static void
log_items_changed_cb (GListModel *model,
                      guint       position,
                      guint       removed,
                      guint       added,
                      GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
test_article_list_signals (Fixture       *fixture,
                           gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(VpArticle) third = import_text ("three.txt", "Iran\n\nIran and the US talk.\n");

  g_signal_connect (vp_workspace_get_articles (workspace), "items-changed",
                    G_CALLBACK (log_items_changed_cb), log);

  vp_workspace_add_article (workspace, third);
  vp_workspace_move_article (workspace, 2, 0);
  vp_workspace_move_article (workspace, 1, 2);
  vp_workspace_remove_article (workspace, fixture->second);

  /* A move is one change over the columns it shifts. */
  g_assert_cmpstr (log->str, ==, "2-0+1;0-3+3;1-2+2;1-1+0;");
}

static void
test_copies_actors (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpActorSet) before = vp_actor_set_copy (actors);
  g_autoptr(VpWorkspace) workspace = vp_workspace_new (actors);

  g_assert_true (vp_workspace_get_actors (workspace) != actors);
  g_assert_true (vp_actor_set_equal (vp_workspace_get_actors (workspace), actors));

  vp_workspace_delete_actor (workspace, "iran");
  vp_workspace_set_actor_enabled (workspace, "us", FALSE);
  g_assert_true (vp_actor_set_equal (actors, before));
  g_assert_null (vp_workspace_lookup_actor (workspace, "iran"));
}

static void
test_new_step_clears_redo (Fixture       *fixture,
                           gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;

  run_tag_span (fixture);
  run_reject (fixture);
  g_assert_true (vp_workspace_undo (workspace));
  g_assert_true (vp_workspace_can_redo (workspace));
  g_assert_cmpstr (vp_workspace_get_redo_label (workspace), ==, "Redo Not Iran Here");

  run_add_item_actor (fixture);
  g_assert_false (vp_workspace_can_redo (workspace));
  g_assert_null (vp_workspace_get_redo_label (workspace));
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==,
                   "Undo Add Saudi Arabia to Proposal");

  g_assert_true (vp_workspace_undo (workspace));
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Tag as United States");
  g_assert_true (vp_workspace_undo (workspace));
  g_assert_false (vp_workspace_can_undo (workspace));
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 0);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           GString    *log)
{
  g_string_append_printf (log, "%s;", pspec->name);
}

/* The properties notified since the last call, sorted: GObject does not
 * promise an order for notifications held by g_object_freeze_notify(). */
static char *
take_notified (GString *log)
{
  g_auto(GStrv) names = g_strsplit (log->str, ";", -1);
  guint n = g_strv_length (names);

  if (n > 0)
    {
      g_free (names[n - 1]);
      names[--n] = NULL;
    }
  qsort (names, n, sizeof (char *), compare_names);
  g_string_truncate (log, 0);

  return g_strjoinv (" ", names);
}

static void
assert_notified (GString    *log,
                 const char *expected)
{
  g_autofree char *notified = take_notified (log);

  g_assert_cmpstr (notified, ==, expected);
}

static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(VpTagger) tagger = NULL;
  g_autofree char *undo_label = NULL;
  gboolean can_undo;

  g_signal_connect (workspace, "notify", G_CALLBACK (notify_cb), log);

  run_tag_span (fixture);
  assert_notified (log, "can-undo modified undo-label");
  g_object_get (workspace, "can-undo", &can_undo, "undo-label", &undo_label, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (undo_label, ==, "Undo Tag as United States");

  /* A new alias makes a new tagger; a new colour does not. */
  run_add_alias (fixture);
  assert_notified (log, "tagger undo-label");

  {
    g_autoptr(VpActor) changes = vp_actor_copy (vp_workspace_lookup_actor (workspace, "iran"));

    vp_actor_set_color (changes, "#654321");
    vp_workspace_edit_actor (workspace, changes);
  }
  assert_notified (log, "undo-label");

  vp_workspace_undo (workspace);
  assert_notified (log, "can-redo redo-label undo-label");
  vp_workspace_undo (workspace);
  assert_notified (log, "redo-label tagger undo-label");
  vp_workspace_undo (workspace);
  assert_notified (log, "can-undo modified redo-label undo-label");

  g_object_get (workspace, "tagger", &tagger, NULL);
  g_assert_true (tagger == vp_workspace_get_tagger (workspace));
}

static void
test_modified (Fixture       *fixture,
               gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;

  g_assert_false (vp_workspace_get_modified (workspace));
  run_tag_span (fixture);
  g_assert_true (vp_workspace_get_modified (workspace));

  /* Saved here. */
  vp_workspace_set_modified (workspace, FALSE);
  run_reject (fixture);
  g_assert_true (vp_workspace_get_modified (workspace));
  vp_workspace_undo (workspace);
  g_assert_false (vp_workspace_get_modified (workspace));
  vp_workspace_undo (workspace);
  g_assert_true (vp_workspace_get_modified (workspace));
  vp_workspace_redo (workspace);
  g_assert_false (vp_workspace_get_modified (workspace));

  /* A step that is not in the history keeps it modified. */
  vp_workspace_move_article (workspace, 0, 1);
  g_assert_true (vp_workspace_get_modified (workspace));
  vp_workspace_redo (workspace);
  vp_workspace_undo (workspace);
  g_assert_true (vp_workspace_get_modified (workspace));

  vp_workspace_set_modified (workspace, FALSE);
  vp_workspace_clear_history (workspace);
  g_assert_false (vp_workspace_get_modified (workspace));
  g_assert_false (vp_workspace_can_undo (workspace));
  g_assert_false (vp_workspace_can_redo (workspace));

  vp_workspace_set_modified (workspace, TRUE);
  g_assert_true (vp_workspace_get_modified (workspace));
}

/* Links made by the reader are steps like the others: saved with the
 * workspace, gone with an article, and each emits ::changed once. */
static void
test_link_history (Fixture       *fixture,
                   gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(VpWorkspace) loaded = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (workspace, "changed", G_CALLBACK (changed_cb), &changes);

  run_link (fixture);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (vp_workspace_get_modified (workspace));

  /* Saying it again is no step. */
  vp_workspace_link_proposals (workspace, &guarantee, &hotline);
  vp_workspace_forget_link (workspace, &tankers, &guarantee);
  g_assert_cmpuint (changes, ==, 1);
  vp_workspace_undo (workspace);
  g_assert_false (vp_workspace_can_undo (workspace));
  g_assert_false (vp_workspace_get_modified (workspace));
  vp_workspace_redo (workspace);
  g_assert_cmpuint (changes, ==, 3);

  run_separate (fixture);
  bytes = vp_workspace_to_bytes (workspace);
  loaded = vp_workspace_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       "links.viewpoints", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vp_workspace_get_n_links (loaded), ==, 2);
  {
    VpProposalRef a;
    VpProposalRef b;
    VpLinkKind kind;

    vp_workspace_get_link (loaded, 1, &kind, &a, &b);
    g_assert_cmpint (kind, ==, VP_LINK_UNLINK);
    g_assert_true (memcmp (&a, &tankers, sizeof a) == 0);
    g_assert_true (memcmp (&b, &ambassadors, sizeof b) == 0);
  }

  /* An article that goes takes its links and their steps along. */
  vp_workspace_remove_article (workspace, fixture->second);
  g_assert_cmpuint (vp_workspace_get_n_links (workspace), ==, 0);
  g_assert_false (vp_workspace_can_undo (workspace));

  g_signal_handlers_disconnect_by_func (workspace, changed_cb, &changes);
}

static void
test_outside_change (Fixture       *fixture,
                     gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;
  VpActor *saudi = vp_workspace_lookup_actor (workspace, "saudi-arabia");
  g_autoptr(GString) log = g_string_new (NULL);

  run_tag_span (fixture);
  vp_workspace_set_modified (workspace, FALSE);
  g_signal_connect (workspace, "notify::tagger", G_CALLBACK (notify_cb), log);

  /* Changed behind the workspace's back: followed, not undoable. */
  vp_actor_add_alias (saudi, "kingdom", FALSE);
  g_assert_cmpstr (log->str, ==, "tagger;");
  g_assert_cmpuint (count (fixture, fixture->first, "saudi-arabia"), ==, 3);
  g_assert_false (vp_workspace_can_undo (workspace));
  g_assert_true (vp_workspace_get_modified (workspace));
}

static void
test_remove_article_history (Fixture       *fixture,
                             gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;
  g_autoptr(VpArticle) removed = NULL;

  tag (fixture, fixture->first, "us", "Obama administration", NULL);
  tag (fixture, fixture->second, "saudi-arabia", "The kingdom", NULL);
  tag (fixture, fixture->first, "iran", "boats", NULL);
  setup_annotate_iran (fixture);
  vp_workspace_delete_actor (workspace, "iran");

  removed = g_object_ref (fixture->first);
  vp_workspace_remove_article (workspace, removed);

  /* The steps that only concerned the first article went; deleting Iran
   * still undoes, in the second. */
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Delete Iran");
  g_assert_true (vp_workspace_undo (workspace));
  g_assert_true (vp_outline_item_has_actor (get_item (fixture->second, 0, 1), "iran"));
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Tag as United States");
  g_assert_true (vp_workspace_undo (workspace));
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Add Iran to Proposal");
  g_assert_true (vp_workspace_undo (workspace));
  g_assert_cmpstr (vp_workspace_get_undo_label (workspace), ==, "Undo Tag as Saudi Arabia");
  g_assert_true (vp_workspace_undo (workspace));
  g_assert_false (vp_workspace_can_undo (workspace));
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->second), ==, 0);

  /* The removed article keeps what it had when it left: Iran's
   * annotations had gone with Iran. */
  g_assert_cmpuint (vp_article_get_n_annotations (removed), ==, 1);
}

static char *
replace_once (const char *text,
              const char *from,
              const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, 2);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);

  return g_strjoinv (to, parts);
}

static void
test_replace_article (Fixture       *fixture,
                      gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;
  g_autofree char *reworded = NULL;
  g_autofree char *edited = NULL;
  g_autoptr(VpArticle) again = NULL;
  g_autoptr(VpArticle) old = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  guint position;

  tag (fixture, fixture->first, "us", "Obama administration", NULL);
  reject (fixture, fixture->first, "iran", "Iran should stop", "Iran");
  vp_workspace_add_item_actor (workspace, fixture->first, get_item (fixture->first, 0, 2), "us");
  tag (fixture, fixture->first, "saudi-arabia", "allies", NULL);

  /* Read again: words added before a tag, the recommendation reworded. */
  reworded = replace_once (first_text, "US keeps its allies", "US keeps its friends");
  edited = replace_once (reworded, "The United States and Iran",
                         "Last spring, the United States and Iran");

  again = import_text ("one.txt", edited);
  old = g_object_ref (fixture->first);
  dropped = vp_workspace_replace_article (workspace, old, again);

  g_assert_cmpuint (dropped->len, ==, 1);
  g_assert_cmpstr (vp_annotation_get_text (g_ptr_array_index (dropped, 0)), ==, "allies");
  g_assert_true (vp_workspace_find_article (workspace, again, &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_false (vp_workspace_find_article (workspace, old, NULL));
  g_assert_cmpuint (vp_article_get_n_annotations (again), ==, 3);
  g_assert_cmpuint (vp_article_count_mentions (again, "us"), ==, 6);
  g_assert_false (vp_outline_item_has_actor (get_item (again, 0, 1), "iran"));
  g_assert_true (vp_outline_item_has_actor (get_item (again, 0, 2), "us"));

  /* The steps were the old article's. */
  g_assert_false (vp_workspace_can_undo (workspace));
  g_assert_true (vp_workspace_get_modified (workspace));
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;
  g_autoptr(GError) error = NULL;
  int block;
  guint start;
  guint end;

  /* Blank space, or punctuation alone, is nothing to tag. */
  find_span (fixture->first, " both fear", NULL, &block, &start, &end);
  g_assert_false (vp_workspace_tag_span (workspace, fixture->first, "us", block, start, start + 1,
                                         &error));
  g_assert_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);
  find_span (fixture->first, ", but", NULL, &block, &start, &end);
  g_assert_false (vp_workspace_tag_span (workspace, fixture->first, "us", block, start, start + 2,
                                         &error));
  g_assert_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (vp_workspace_add_alias (workspace, "us", " -- ", FALSE, &error));
  g_assert_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“ -- ” has no letters or digits, so it cannot name an actor");
  g_clear_error (&error);

  g_assert_null (vp_workspace_create_actor (workspace, " \u00a0 ", &error));
  g_assert_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (vp_workspace_can_undo (workspace));
  g_assert_false (vp_workspace_get_modified (workspace));
}

static void
test_nothing_to_do (Fixture       *fixture,
                    gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;
  g_autoptr(GError) error = NULL;
  int block;
  guint start;
  guint end;

  /* The selection's white space is left out: " Iran " is the tagger's
   * "Iran", already a mention. */
  find_span (fixture->first, " Iran ", NULL, &block, &start, &end);
  g_assert_true (vp_workspace_tag_span (workspace, fixture->first, "iran", block, start, end,
                                        &error));
  g_assert_no_error (error);

  g_assert_false (vp_workspace_untag_span (workspace, fixture->first, "iran", block, start, end));
  g_assert_false (vp_workspace_restore_mention (workspace, fixture->first, "iran",
                                                block, start + 1, end - 1));
  g_assert_false (vp_workspace_reject_mention (workspace, fixture->first, "us",
                                               block, start + 1, end - 1));
  vp_workspace_add_item_actor (workspace, fixture->first, get_item (fixture->first, 0, 1), "iran");
  vp_workspace_remove_item_actor (workspace, fixture->first, get_item (fixture->first, 0, 1),
                                  "us");
  vp_workspace_set_actor_enabled (workspace, "us", TRUE);
  g_assert_true (vp_workspace_add_alias (workspace, "us", "Washington", FALSE, &error));
  {
    g_autoptr(VpActor) same = vp_actor_copy (vp_workspace_lookup_actor (workspace, "iran"));

    vp_workspace_edit_actor (workspace, same);
  }
  vp_workspace_begin_action (workspace, "Nothing");
  vp_workspace_end_action (workspace);

  g_assert_false (vp_workspace_can_undo (workspace));
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 0);

  /* A disabled actor's manual tag, done twice, is one step and one tag. */
  vp_workspace_set_actor_enabled (workspace, "iraq", FALSE);
  tag (fixture, fixture->first, "iraq", "Strait", NULL);
  tag (fixture, fixture->first, "iraq", "Strait", NULL);
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 1);
  g_assert_true (vp_workspace_undo (workspace));
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 0);
  g_assert_false (vp_workspace_can_undo (workspace));
}

static void
test_none_enabled (Fixture       *fixture,
                   gconstpointer  data)
{
  VpWorkspace *workspace = fixture->workspace;

  tag (fixture, fixture->first, "iran", "boats", NULL);
  vp_workspace_set_actor_enabled (workspace, "us", FALSE);
  vp_workspace_set_actor_enabled (workspace, "iran", FALSE);
  vp_workspace_set_actor_enabled (workspace, "saudi-arabia", FALSE);

  /* No actor is enabled: none counts, manual tags included. */
  g_assert_cmpuint (count (fixture, fixture->first, "iran"), ==, 0);
  g_assert_cmpuint (vp_article_get_n_annotations (fixture->first), ==, 1);

  vp_workspace_undo (workspace);
  g_assert_cmpuint (count (fixture, fixture->first, "iran"), ==, 0);
  vp_workspace_undo (workspace);
  g_assert_cmpuint (count (fixture, fixture->first, "iran"), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vp/workspace/operation/%s", operations[i].name);

      ADD (path, test_operation, &operations[i]);
    }

  ADD ("/vp/workspace/articles", test_articles, NULL);
  ADD ("/vp/workspace/article-list-signals", test_article_list_signals, NULL);
  g_test_add_func ("/vp/workspace/copies-actors", test_copies_actors);
  ADD ("/vp/workspace/new-step-clears-redo", test_new_step_clears_redo, NULL);
  ADD ("/vp/workspace/properties", test_properties, NULL);
  ADD ("/vp/workspace/modified", test_modified, NULL);
  ADD ("/vp/workspace/outside-change", test_outside_change, NULL);
  ADD ("/vp/workspace/link-history", test_link_history, NULL);
  ADD ("/vp/workspace/remove-article-history", test_remove_article_history, NULL);
  ADD ("/vp/workspace/replace-article", test_replace_article, NULL);
  ADD ("/vp/workspace/errors", test_errors, NULL);
  ADD ("/vp/workspace/nothing-to-do", test_nothing_to_do, NULL);
  ADD ("/vp/workspace/none-enabled", test_none_enabled, NULL);

#undef ADD

  return g_test_run ();
}
