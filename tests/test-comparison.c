/* test-comparison.c: the actor × article matrix and the groups of matching proposals
 *
 * The expected groups were written by reading the articles, before running
 * the comparison on them:
 *
 *   data/samples (three op-eds on a Saudi-Iranian security dialogue):
 *     a naval hotline, in all three ("A maritime hotline should connect the
 *     navies…", "Any naval hotline between the Gulf’s navies must be
 *     backed by inspections…", "Riyadh and Tehran should set up a direct
 *     hotline between their naval commands…"), and the hosts of the talks,
 *     in the first two ("Iraq and Oman should remain the hosts…", "The
 *     talks should stay in Oman and Iraq…").
 *
 *   tests/data/compare/flood-*.txt (three op-eds on floods in a river town):
 *     raising the levees on the east bank (first, second); a warning to
 *     phones when the upstream gauges rise (first, third); no building on
 *     the flood plain (first, third); buying out the homes that flood
 *     again and again (second, third).
 *
 *   tests/data/compare/unrelated-*.txt (libraries, clinics, a night train,
 *     school meals, a museum): nothing, with each other or with the
 *     above, although some of their proposals are worded like those
 *     ("create a joint fund", "a permanent forum that meets twice a year").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vp-comparison.h"
#include "vp-importer.h"

static const char * const samples[] = {
  "back-the-gulf-dialogue.html",
  "leverage-before-talks.html",
  "riyadh-should-lead.html",
};

static const char * const floods[] = {
  "flood-defences-first.txt",
  "flood-pay-fairly.txt",
  "flood-room-for-river.txt",
};

static const char * const unrelated[] = {
  "unrelated-clinics.txt",
  "unrelated-libraries.txt",
  "unrelated-museum.txt",
  "unrelated-rail.txt",
  "unrelated-schools.txt",
};

/* Groups as "article.section.item" addresses, members joined by spaces,
 * groups by " | ". */
static const char sample_groups[] = "0.1.2 1.0.2 2.0.1 | 0.1.3 1.0.3";
static const char flood_groups[] = "0.0.0 1.0.1 | 0.0.2 2.0.3 | 0.0.3 2.0.1 | 1.0.2 2.0.0";

static VpActorSet *default_actors;
static VpTagger *default_tagger;

static VpArticle *
import (const char *first,
        ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  VpArticle *article;
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer)part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **)parts->pdata);
  file = g_file_new_for_path (path);
  article = vp_import_file (file, path, default_tagger, NULL, &error);
  g_assert_no_error (error);

  return article;
}

static void
add_samples (GPtrArray *articles)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", NULL);

      g_ptr_array_add (articles, import (dir, samples[i], NULL));
    }
}

static void
add_fixtures (GPtrArray          *articles,
              const char * const *names,
              gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    {
      g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "compare", NULL);

      g_ptr_array_add (articles, import (dir, names[i], NULL));
    }
}

static GPtrArray *
new_articles (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

/* The groups of @comparison whose first proposal is of an article from
 * @from_article to before @to_article, in the notation above, with article
 * indexes counted from @from_article (to compare a set imported after
 * others with its expectation). */
static char *
describe_groups (VpComparison *comparison,
                 guint         from_article,
                 guint         to_article)
{
  GString *out = g_string_new (NULL);
  guint n_groups = vp_comparison_get_n_groups (comparison);
  gboolean first_group = TRUE;

  for (guint g = 0; g < n_groups; g++)
    {
      guint n_members;
      const VpProposalRef *members = vp_comparison_get_group (comparison, g, &n_members);

      if (members[0].article < from_article || members[0].article >= to_article)
        continue;

      if (!first_group)
        g_string_append (out, " | ");
      first_group = FALSE;

      for (guint k = 0; k < n_members; k++)
        g_string_append_printf (out, "%s%u.%u.%u", k > 0 ? " " : "",
                                members[k].article - from_article, members[k].section,
                                members[k].item);
    }

  return g_string_free (out, FALSE);
}

/* Every group: two or more members, in order of article, one per
 * article, each an address the comparison knows; groups in the order of
 * their first member. */
static void
assert_groups_well_formed (VpComparison *comparison)
{
  guint n_groups = vp_comparison_get_n_groups (comparison);
  VpProposalRef previous_first = { 0, 0, 0 };

  for (guint g = 0; g < n_groups; g++)
    {
      guint n_members;
      const VpProposalRef *members = vp_comparison_get_group (comparison, g, &n_members);

      g_assert_cmpuint (n_members, >=, 2);
      for (guint k = 0; k < n_members; k++)
        {
          guint found;

          g_assert_nonnull (vp_comparison_get_item (comparison, &members[k]));
          g_assert_true (vp_comparison_find_group (comparison, &members[k], &found));
          g_assert_cmpuint (found, ==, g);
          if (k > 0)
            g_assert_cmpuint (members[k - 1].article, <, members[k].article);
        }

      if (g > 0)
        g_assert_true (previous_first.article < members[0].article ||
                       (previous_first.article == members[0].article &&
                        (previous_first.section < members[0].section ||
                         (previous_first.section == members[0].section &&
                          previous_first.item < members[0].item))));
      previous_first = members[0];
    }
}

static void
test_samples (void)
{
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;
  g_autofree char *groups = NULL;

  add_samples (articles);
  comparison = vp_comparison_new (articles, default_actors);

  g_assert_cmpfloat (vp_comparison_get_threshold (comparison), ==, VP_COMPARISON_DEFAULT_THRESHOLD);
  groups = describe_groups (comparison, 0, articles->len);
  g_assert_cmpstr (groups, ==, sample_groups);
  assert_groups_well_formed (comparison);
}

static void
test_floods (void)
{
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;
  g_autofree char *groups = NULL;

  add_fixtures (articles, floods, G_N_ELEMENTS (floods));
  comparison = vp_comparison_new (articles, default_actors);

  groups = describe_groups (comparison, 0, articles->len);
  g_assert_cmpstr (groups, ==, flood_groups);
  assert_groups_well_formed (comparison);
}

static void
test_unrelated (void)
{
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;

  add_fixtures (articles, unrelated, G_N_ELEMENTS (unrelated));
  comparison = vp_comparison_new (articles, default_actors);

  g_assert_cmpuint (vp_comparison_get_n_proposals (comparison), ==, 16);
  g_assert_cmpuint (vp_comparison_get_n_groups (comparison), ==, 0);
}

/* All three sets in one workspace: each keeps its own groups, and no
 * proposal groups with one of another set. */
static void
test_mixed (void)
{
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;
  g_autofree char *sample_part = NULL;
  g_autofree char *flood_part = NULL;
  guint n_samples;
  guint n_floods;
  guint n_groups;

  add_samples (articles);
  n_samples = articles->len;
  add_fixtures (articles, unrelated, G_N_ELEMENTS (unrelated));
  add_fixtures (articles, floods, G_N_ELEMENTS (floods));
  n_floods = G_N_ELEMENTS (floods);
  comparison = vp_comparison_new (articles, default_actors);

  sample_part = describe_groups (comparison, 0, n_samples);
  flood_part = describe_groups (comparison, articles->len - n_floods, articles->len);
  g_assert_cmpstr (sample_part, ==, sample_groups);
  g_assert_cmpstr (flood_part, ==, flood_groups);

  n_groups = vp_comparison_get_n_groups (comparison);
  g_assert_cmpuint (n_groups, ==, 6);
  for (guint g = 0; g < n_groups; g++)
    {
      guint n_members;
      const VpProposalRef *members = vp_comparison_get_group (comparison, g, &n_members);
      gboolean from_samples = members[0].article < n_samples;

      for (guint k = 0; k < n_members; k++)
        {
          g_assert_true (from_samples ? members[k].article < n_samples
                                      : members[k].article >= articles->len - n_floods);
        }
    }
  assert_groups_well_formed (comparison);
}

/* The groups hold across the threshold's neighbourhood, not at one
 * lucky value: every threshold from 0.135 to 0.16 gives them. */
static void
test_default_is_not_on_an_edge (void)
{
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;

  add_samples (articles);
  add_fixtures (articles, unrelated, G_N_ELEMENTS (unrelated));
  add_fixtures (articles, floods, G_N_ELEMENTS (floods));
  comparison = vp_comparison_new (articles, default_actors);

  g_assert_cmpfloat (VP_COMPARISON_DEFAULT_THRESHOLD, >=, 0.135);
  g_assert_cmpfloat (VP_COMPARISON_DEFAULT_THRESHOLD, <=, 0.16);

  for (double t = 0.135; t <= 0.1601; t += 0.005)
    {
      g_autofree char *sample_part = NULL;
      g_autofree char *flood_part = NULL;

      vp_comparison_set_threshold (comparison, t);
      sample_part = describe_groups (comparison, 0, G_N_ELEMENTS (samples));
      flood_part = describe_groups (comparison, articles->len - G_N_ELEMENTS (floods), articles->len);
      g_assert_cmpstr (sample_part, ==, sample_groups);
      g_assert_cmpstr (flood_part, ==, flood_groups);
      g_assert_cmpuint (vp_comparison_get_n_groups (comparison), ==, 6);
    }
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    data)
{
  (*(guint *)data)++;
}

static void
test_threshold (void)
{
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;
  guint notified = 0;
  guint at_default;
  guint loose;
  guint strict;

  add_samples (articles);
  add_fixtures (articles, floods, G_N_ELEMENTS (floods));
  comparison = vp_comparison_new (articles, default_actors);
  g_signal_connect (comparison, "notify::threshold", G_CALLBACK (notify_cb), &notified);

  at_default = vp_comparison_get_n_groups (comparison);

  /* Loosening groups more, and rows still hold one proposal per article. */
  vp_comparison_set_threshold (comparison, 0.05);
  loose = vp_comparison_get_n_groups (comparison);
  assert_groups_well_formed (comparison);
  g_assert_cmpuint (notified, ==, 1);

  /* At 0, every pair sharing a word may group. */
  g_object_set (comparison, "threshold", 0.0, NULL);
  assert_groups_well_formed (comparison);
  g_assert_cmpuint (notified, ==, 2);

  vp_comparison_set_threshold (comparison, 0.6);
  strict = vp_comparison_get_n_groups (comparison);
  assert_groups_well_formed (comparison);

  /* The same value notifies nothing. */
  vp_comparison_set_threshold (comparison, 0.6);
  g_assert_cmpuint (notified, ==, 3);

  g_assert_cmpuint (loose, >, at_default);
  g_assert_cmpuint (strict, <, at_default);

  vp_comparison_set_threshold (comparison, VP_COMPARISON_DEFAULT_THRESHOLD);
  g_assert_cmpuint (vp_comparison_get_n_groups (comparison), ==, at_default);
}

static void
test_links (void)
{
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;
  g_autofree char *linked = NULL;
  g_autofree char *unlinked = NULL;
  g_autofree char *forgotten = NULL;
  g_autofree char *conflict = NULL;
  /* Both would have Washington stand behind whatever Riyadh and Tehran
   * agree, in other words than the similarity can see. */
  const VpProposalRef endorse = { 0, 1, 0 };
  const VpProposalRef guarantee = { 2, 0, 2 };
  const VpProposalRef maritime_hotline = { 0, 1, 2 };
  const VpProposalRef naval_hotline = { 1, 0, 2 };
  const VpProposalRef direct_hotline = { 2, 0, 1 };
  const VpProposalRef hosts = { 0, 1, 3 };
  const VpProposalRef sanctions = { 1, 0, 0 };
  const VpProposalRef nowhere = { 7, 0, 0 };
  const VpProposalRef no_item = { 0, 1, 9 };

  add_samples (articles);
  comparison = vp_comparison_new (articles, default_actors);

  g_assert_cmpfloat (vp_comparison_get_similarity (comparison, &endorse, &guarantee), <,
                     VP_COMPARISON_DEFAULT_THRESHOLD);
  g_assert_false (vp_comparison_find_group (comparison, &endorse, NULL));

  /* A link joins them. */
  g_assert_true (vp_comparison_link (comparison, &endorse, &guarantee));
  linked = describe_groups (comparison, 0, articles->len);
  g_assert_cmpstr (linked, ==, "0.1.0 2.0.2 | 0.1.2 1.0.2 2.0.1 | 0.1.3 1.0.3");

  /* Two proposals of one article never share a row, and addresses must
   * name proposals. */
  g_assert_false (vp_comparison_link (comparison, &maritime_hotline, &hosts));
  g_assert_false (vp_comparison_link (comparison, &endorse, &nowhere));
  g_assert_false (vp_comparison_link (comparison, &no_item, &guarantee));
  g_assert_false (vp_comparison_unlink (comparison, &endorse, &endorse));

  /* An unlink takes the maritime hotline out; the other two stay
   * together, and the maritime one matches nothing else. */
  g_assert_true (vp_comparison_unlink (comparison, &maritime_hotline, &naval_hotline));
  unlinked = describe_groups (comparison, 0, articles->len);
  g_assert_cmpstr (unlinked, ==, "0.1.0 2.0.2 | 0.1.3 1.0.3 | 1.0.2 2.0.1");
  g_assert_false (vp_comparison_find_group (comparison, &maritime_hotline, NULL));

  /* A link that would join unlinked proposals through a third is left
   * out: with the naval and the direct hotlines linked, linking the
   * maritime one to the direct one would put it in a row with the naval
   * one. */
  g_assert_true (vp_comparison_link (comparison, &naval_hotline, &direct_hotline));
  g_assert_true (vp_comparison_link (comparison, &maritime_hotline, &direct_hotline));
  conflict = describe_groups (comparison, 0, articles->len);
  g_assert_cmpstr (conflict, ==, unlinked);

  /* Without the first link the second holds, and the naval and direct
   * hotlines' match gives way to it: the user's links come first. */
  g_assert_true (vp_comparison_forget (comparison, &naval_hotline, &direct_hotline));
  g_clear_pointer (&conflict, g_free);
  conflict = describe_groups (comparison, 0, articles->len);
  g_assert_cmpstr (conflict, ==, "0.1.0 2.0.2 | 0.1.2 2.0.1 | 0.1.3 1.0.3");

  /* Forgetting the decisions gives the similarity its say again. */
  g_assert_true (vp_comparison_forget (comparison, &maritime_hotline, &direct_hotline));
  g_assert_true (vp_comparison_forget (comparison, &maritime_hotline, &naval_hotline));
  g_assert_true (vp_comparison_forget (comparison, &endorse, &guarantee));
  g_assert_false (vp_comparison_forget (comparison, &endorse, &guarantee));
  forgotten = describe_groups (comparison, 0, articles->len);
  g_assert_cmpstr (forgotten, ==, sample_groups);

  /* A link replaces an unlink of the same pair, and the reverse. */
  g_assert_true (vp_comparison_unlink (comparison, &hosts, &sanctions));
  g_assert_true (vp_comparison_link (comparison, &sanctions, &hosts));
  g_assert_false (vp_comparison_link (comparison, &maritime_hotline, &hosts));
  {
    guint group;
    guint n_members;
    const VpProposalRef *members;

    /* The sanctions item joins the hosts' row: the hosts of article 1
     * cannot, with the sanctions already there for article 1. */
    g_assert_true (vp_comparison_find_group (comparison, &sanctions, &group));
    members = vp_comparison_get_group (comparison, group, &n_members);
    g_assert_cmpuint (n_members, ==, 2);
    g_assert_cmpuint (members[0].article, ==, 0);
    g_assert_cmpuint (members[0].item, ==, 3);
    g_assert_cmpuint (members[1].article, ==, 1);
    g_assert_cmpuint (members[1].item, ==, 0);
  }
  assert_groups_well_formed (comparison);
}

/* The hand count of the samples' outlines: the items whose actors include
 * each actor (read from `viewpoints --outline` on each sample), and the
 * mentions of each. */
static void
test_matrix_samples (void)
{
  static const struct { const char *id; guint mentions[3]; guint proposals[3]; } expected[] = {
    { "us", { 13, 7, 7 }, { 4, 2, 1 } },
    { "iran", { 7, 8, 5 }, { 3, 1, 3 } },
    { "saudi-arabia", { 5, 5, 8 }, { 2, 1, 2 } },
  };
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;

  add_samples (articles);
  comparison = vp_comparison_new (articles, default_actors);

  g_assert_cmpuint (vp_comparison_get_n_articles (comparison), ==, 3);
  g_assert_cmpuint (vp_comparison_get_n_actors (comparison), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *id = vp_actor_get_id (vp_comparison_get_actor (comparison, i));

      g_assert_cmpstr (id, ==, expected[i].id);
      for (guint a = 0; a < 3; a++)
        {
          VpArticle *article = vp_comparison_get_article (comparison, a);

          g_assert_true (article == g_ptr_array_index (articles, a));
          g_assert_cmpuint (vp_comparison_get_mentions (comparison, i, a), ==,
                            vp_article_count_mentions (article, id));
          g_assert_cmpuint (vp_comparison_get_mentions (comparison, i, a), ==, expected[i].mentions[a]);
          g_assert_cmpuint (vp_comparison_get_proposals (comparison, i, a), ==, expected[i].proposals[a]);
        }
    }
}

/* Nested items count as proposals of their own in the matrix;
 * recommendations do not; disabled actors have no row. */
static void
test_matrix_nested (void)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new ();
  g_autoptr(VpActor) iran = vp_actor_new ("iran", "Iran");
  g_autoptr(VpActor) oman = vp_actor_new ("oman", "Oman");
  g_autoptr(VpActor) off = vp_actor_new ("iraq", "Iraq");
  g_autoptr(VpTagger) tagger = NULL;
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  VpArticle *article;
  static const char text[] =
    "Talks in the Gulf\n"
    "\n"
    "By Ann Lee\n"
    "\n"
    "The region has three tasks:\n"
    "\n"
    "  1. Talk to Iran every month.\n"
    "     a. In Oman, with Iran's envoys.\n"
    "     b. In Iraq, with observers.\n"
    "  2. Build a hotline.\n"
    "\n"
    "Oman should invite Iran to the next round.\n";

  vp_actor_add_alias (iran, "Iran", FALSE);
  vp_actor_add_alias (oman, "Oman", FALSE);
  vp_actor_add_alias (off, "Iraq", FALSE);
  vp_actor_set_enabled (off, FALSE);
  vp_actor_set_add (actors, iran);
  vp_actor_set_add (actors, oman);
  vp_actor_set_add (actors, off);
  tagger = vp_tagger_new (actors);

  article = vp_import_data (text, strlen (text), "tasks.txt", VP_IMPORT_FORMAT_TEXT, tagger, &error);
  g_assert_no_error (error);
  g_ptr_array_add (articles, article);
  g_assert_cmpuint (g_list_model_get_n_items (vp_article_get_recommendations (article)), ==, 1);

  comparison = vp_comparison_new (articles, actors);

  g_assert_cmpuint (vp_comparison_get_n_actors (comparison), ==, 2);
  g_assert_cmpstr (vp_actor_get_id (vp_comparison_get_actor (comparison, 0)), ==, "iran");
  g_assert_cmpstr (vp_actor_get_id (vp_comparison_get_actor (comparison, 1)), ==, "oman");

  /* Iran: item 1 and its child a; not the recommendation. Oman: child a. */
  g_assert_cmpuint (vp_comparison_get_proposals (comparison, 0, 0), ==, 2);
  g_assert_cmpuint (vp_comparison_get_proposals (comparison, 1, 0), ==, 1);
  g_assert_cmpuint (vp_comparison_count_proposals (article, "iraq"), ==, 0);
  g_assert_cmpuint (vp_comparison_get_mentions (comparison, 0, 0), ==, 3);
  g_assert_cmpuint (vp_comparison_get_mentions (comparison, 0, 0), ==,
                    vp_article_count_mentions (article, "iran"));

  /* Two top-level items, two proposals: nested items have no address of
   * their own. */
  g_assert_cmpuint (vp_comparison_get_n_proposals (comparison), ==, 2);
  g_assert_cmpuint (vp_comparison_get_n_groups (comparison), ==, 0);
}

/* An article of one section whose items are @items, read from text. */
static VpArticle *
article_with_items (const char         *source,
                    const char         *language,
                    const char * const *items)
{
  g_autoptr(GString) text = g_string_new ("A title\n\nBy Ann Lee\n\nThe plan has these parts:\n\n");
  g_autoptr(GError) error = NULL;
  VpArticle *article;

  for (guint i = 0; items[i] != NULL; i++)
    g_string_append_printf (text, "  %u. %s\n", i + 1, items[i]);

  article = vp_import_data (text->str, text->len, source, VP_IMPORT_FORMAT_TEXT, default_tagger, &error);
  g_assert_no_error (error);
  vp_article_set_language (article, language);

  return article;
}

static double
similarity_of (const char *language_a,
               const char *a,
               const char *language_b,
               const char *b)
{
  const char * const items_a[] = { a, "Plant more trees along the road.", NULL };
  const char * const items_b[] = { b, "Plant more trees along the road.", NULL };
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;
  const VpProposalRef first_a = { 0, 0, 0 };
  const VpProposalRef first_b = { 1, 0, 0 };

  g_ptr_array_add (articles, article_with_items ("a.txt", language_a, items_a));
  g_ptr_array_add (articles, article_with_items ("b.txt", language_b, items_b));
  comparison = vp_comparison_new (articles, default_actors);
  g_assert_cmpuint (vp_comparison_get_n_proposals (comparison), ==, 4);

  return vp_comparison_get_similarity (comparison, &first_a, &first_b);
}

/* What the words are folded to: forms of one English word meet, actors
 * meet under any alias, other languages are not stemmed as English, and
 * scripts without spaces still share their words. */
static void
test_word_forms (void)
{
  static const struct { const char *a; const char *b; } same[] = {
    { "Modernise the air defences.", "modernising the air defence" },
    { "Inspections at sea.", "Inspect at sea!" },
    { "The NAVIES stopped talking.", "A navy stops talks." },
    { "Modernize the policies.", "Modernisation of the policy's." },
    { "Endorse the agreement publicly.", "Endorsing the agreements publicly." },
    { "Riyadh should talk to Tehran.", "Saudi Arabia should talk to Iran." },
    { "The US should talk to Iran’s leaders.", "Washington should talk to the Iranian leaders." },
  };
  static const struct { const char *a; const char *b; } different[] = {
    { "Talk to Iran.", "Talk to Iraq." },
    { "Raise the levees.", "Raise the levy." },
    { "Stop the war.", "Start the wars." },
  };
  double cjk;
  double french;
  double english;

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      double s = similarity_of ("en", same[i].a, "en", same[i].b);

      if (s < 0.999)
        g_error ("“%s” and “%s” are %.3f alike, not the same", same[i].a, same[i].b, s);
    }

  for (guint i = 0; i < G_N_ELEMENTS (different); i++)
    {
      double s = similarity_of ("en", different[i].a, "en", different[i].b);

      if (s > 0.9)
        g_error ("“%s” and “%s” are %.3f alike", different[i].a, different[i].b, s);
    }

  /* French plurals are not English ones: "nations" stays "nations". */
  french = similarity_of ("fr", "Les nations unies.", "fr", "La nation unie.");
  english = similarity_of ("en", "The united nations.", "en", "The united nation.");
  g_assert_cmpfloat (english, >, 0.999);
  g_assert_cmpfloat (french, <, 0.5);

  /* Accents and case fold, whatever the language. */
  g_assert_cmpfloat (similarity_of ("de", "Straße über Brücken", "de", "STRASSE ÜBER BRÜCKEN"), >, 0.999);

  /* Chinese has no spaces: shared pairs of characters still match. */
  cjk = similarity_of ("zh", "在海上建立热线电话。", "zh", "建立直接的热线电话。");
  g_assert_cmpfloat (cjk, >, 0.2);
  g_assert_cmpfloat (similarity_of ("zh", "在海上建立热线电话。", "zh", "修建新的学校。"), ==, 0);
}

/* A top-level item whose nested items carry the words still matches:
 * its children are part of it. */
static void
test_nested_words (void)
{
  static const char text_a[] =
    "Plan A\n\nBy Ann Lee\n\nThe plan has two parts:\n\n"
    "  1. Economic measures.\n"
    "     a. Lift the fishing quotas for coastal villages.\n"
    "     b. Fund new harbour cranes.\n"
    "  2. Plant trees along the riverbank.\n";
  static const char text_b[] =
    "Plan B\n\nBy Bo Kim\n\nTwo steps would help:\n\n"
    "  1. Coastal villages need their fishing quotas lifted.\n"
    "  2. Open a night school.\n";
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *groups = NULL;

  g_ptr_array_add (articles, vp_import_data (text_a, strlen (text_a), "a.txt", VP_IMPORT_FORMAT_TEXT,
                                             default_tagger, &error));
  g_assert_no_error (error);
  g_ptr_array_add (articles, vp_import_data (text_b, strlen (text_b), "b.txt", VP_IMPORT_FORMAT_TEXT,
                                             default_tagger, &error));
  g_assert_no_error (error);

  comparison = vp_comparison_new (articles, default_actors);
  groups = describe_groups (comparison, 0, articles->len);
  g_assert_cmpstr (groups, ==, "0.0.0 1.0.0");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) none = new_articles ();
  g_autoptr(GPtrArray) one = new_articles ();
  g_autoptr(VpComparison) nothing = vp_comparison_new (none, NULL);
  g_autoptr(VpComparison) alone = NULL;
  g_autoptr(VpComparison) bare = NULL;
  const VpProposalRef first = { 0, 0, 0 };

  g_assert_cmpuint (vp_comparison_get_n_articles (nothing), ==, 0);
  g_assert_cmpuint (vp_comparison_get_n_actors (nothing), ==, 0);
  g_assert_cmpuint (vp_comparison_get_n_proposals (nothing), ==, 0);
  g_assert_cmpuint (vp_comparison_get_n_groups (nothing), ==, 0);
  g_assert_null (vp_comparison_get_item (nothing, &first));
  g_assert_cmpfloat (vp_comparison_get_similarity (nothing, &first, &first), ==, 0);

  add_samples (one);
  g_ptr_array_set_size (one, 1);
  alone = vp_comparison_new (one, default_actors);
  g_assert_cmpuint (vp_comparison_get_n_proposals (alone), ==, 7);
  g_assert_cmpuint (vp_comparison_get_n_groups (alone), ==, 0);
  g_assert_cmpfloat (vp_comparison_get_similarity (alone, &first, &first), ==, 1);

  /* Articles without outlines, as built by hand. */
  g_ptr_array_add (none, vp_article_new ("a"));
  g_ptr_array_add (none, vp_article_new ("b"));
  bare = vp_comparison_new (none, default_actors);
  g_assert_cmpuint (vp_comparison_get_n_proposals (bare), ==, 0);
  g_assert_cmpuint (vp_comparison_get_n_groups (bare), ==, 0);
  g_assert_cmpuint (vp_comparison_get_mentions (bare, 0, 1), ==, 0);
}

/* Items made by hand, with no block behind them, are compared by their
 * own text. */
static void
test_items_without_blocks (void)
{
  g_autoptr(GPtrArray) articles = new_articles ();
  g_autoptr(VpComparison) comparison = NULL;
  const VpProposalRef a = { 0, 0, 0 };
  const VpProposalRef b = { 1, 0, 0 };

  for (guint i = 0; i < 2; i++)
    {
      VpArticle *article = vp_article_new (i == 0 ? "a" : "b");
      g_autoptr(VpOutlineSection) section = vp_outline_section_new (NULL, -1, NULL, -1, -1);
      g_autoptr(VpOutlineItem) item = vp_outline_item_new ("1", "Open a hotline between the navies.",
                                                           i == 0 ? -1 : 42);

      vp_outline_section_append_item (section, item);
      vp_article_append_section (article, section);
      g_ptr_array_add (articles, article);
    }

  comparison = vp_comparison_new (articles, NULL);
  g_assert_cmpfloat (vp_comparison_get_similarity (comparison, &a, &b), >, 0.999);
  g_assert_cmpuint (vp_comparison_get_n_groups (comparison), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  default_actors = vp_actor_set_new_default ();
  default_tagger = vp_tagger_new (default_actors);

  g_test_add_func ("/vp/comparison/samples", test_samples);
  g_test_add_func ("/vp/comparison/floods", test_floods);
  g_test_add_func ("/vp/comparison/unrelated", test_unrelated);
  g_test_add_func ("/vp/comparison/mixed", test_mixed);
  g_test_add_func ("/vp/comparison/default-threshold", test_default_is_not_on_an_edge);
  g_test_add_func ("/vp/comparison/threshold", test_threshold);
  g_test_add_func ("/vp/comparison/links", test_links);
  g_test_add_func ("/vp/comparison/matrix/samples", test_matrix_samples);
  g_test_add_func ("/vp/comparison/matrix/nested", test_matrix_nested);
  g_test_add_func ("/vp/comparison/word-forms", test_word_forms);
  g_test_add_func ("/vp/comparison/nested-words", test_nested_words);
  g_test_add_func ("/vp/comparison/empty", test_empty);
  g_test_add_func ("/vp/comparison/items-without-blocks", test_items_without_blocks);

  status = g_test_run ();

  g_clear_pointer (&default_tagger, vp_tagger_unref);
  g_clear_object (&default_actors);

  return status;
}
