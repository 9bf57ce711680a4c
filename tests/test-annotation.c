/* test-annotation.c: manual tags, rejections and item annotations, and the
 * rule that gives an outline item its actors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "vp-exporter.h"
#include "vp-tagger.h"

static const char *title = "Can Washington and Tehran talk?";
static const char * const texts[] = {
  "Talking to Tehran",
  ("Washington and Tehran should talk. The Obama administration tried once, "
   "and the kingdom watched."),
  "The way forward rests on three points:",
  "The US should call Iran first.",
  "Riyadh should host the talks,",
  "quietly, with the help of the kingdom.",
  "Both sides should stop the Persian Gulf incidents.",
  "It is essential that the kingdom leads. Iran should agree.",
};

/* The article above, outlined and tagged with the default actors: a
 * section of three items (the second with a nested one) and one
 * recommendation, the first sentence of the last paragraph. */
static VpArticle *
make_article (const char         *article_title,
              const char * const *blocks,
              guint               n_blocks)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpTagger) tagger = vp_tagger_new (actors);
  VpArticle *article = vp_article_new ("talks.txt");
  g_autoptr(VpOutlineSection) section = NULL;
  g_autoptr(VpOutlineItem) recommendation = NULL;
  VpOutlineItem *parent = NULL;
  guint label = 1;

  vp_article_set_title (article, article_title);
  section = vp_outline_section_new (NULL, -1, NULL, -1, -1);

  for (guint i = 0; i < n_blocks; i++)
    {
      gboolean is_item = g_str_has_suffix (blocks[i], "first.") ||
                         g_str_has_prefix (blocks[i], "Riyadh") ||
                         g_str_has_prefix (blocks[i], "quietly") ||
                         g_str_has_prefix (blocks[i], "Both");
      VpBlock *block = vp_block_new (is_item ? VP_BLOCK_ITEM :
                                     i == 0 ? VP_BLOCK_HEADING : VP_BLOCK_PARAGRAPH,
                                     blocks[i]);

      vp_article_take_block (article, block);

      if (g_str_has_prefix (blocks[i], "quietly"))
        {
          g_autoptr(VpOutlineItem) child = vp_outline_item_new (NULL, blocks[i], i);

          vp_outline_item_append_child (parent, child);
        }
      else if (is_item)
        {
          g_autofree char *number = g_strdup_printf ("%u", label++);
          g_autoptr(VpOutlineItem) item = vp_outline_item_new (number, blocks[i], i);

          vp_outline_section_append_item (section, item);
          parent = item;
        }
      else if (g_str_has_prefix (blocks[i], "It is essential"))
        {
          const char *end = strchr (blocks[i], '.') + 1;

          recommendation = vp_outline_item_new_span (NULL, "It is essential that the kingdom leads.",
                                                     i, 0, end - blocks[i]);
          vp_article_append_recommendation (article, recommendation);
        }
    }

  vp_article_append_section (article, section);
  vp_tagger_tag_article (tagger, article);

  return article;
}

static VpArticle *
make_default_article (void)
{
  return make_article (title, texts, G_N_ELEMENTS (texts));
}

static VpOutlineItem *
get_item (VpArticle *article,
          guint      index)
{
  g_autoptr(VpOutlineSection) section = g_list_model_get_item (vp_article_get_sections (article), 0);

  return vp_outline_section_get_item (section, index);
}

static VpOutlineItem *
get_recommendation (VpArticle *article)
{
  g_autoptr(VpOutlineItem) item = g_list_model_get_item (vp_article_get_recommendations (article), 0);

  return item;
}

static void
append_actors (GString            *out,
               const char         *label,
               const char * const *actors)
{
  g_autofree char *joined = g_strjoinv (",", (char **)actors);

  g_string_append_printf (out, "%s%s:%s", out->len > 0 ? " " : "", label, joined);
}

/* Every item's actors, as "1:iran,us 2:… 2.1:… 3:… R:…", after checking
 * that what the items hold is what the rule gives. */
static char *
dump_items (VpArticle *article)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 3; i++)
    {
      VpOutlineItem *item = get_item (article, i);
      g_auto(GStrv) rule = vp_article_dup_item_actors (article, item);
      char label[8];

      g_assert_true (g_strv_equal ((const char * const *)rule, vp_outline_item_get_actors (item)));
      g_snprintf (label, sizeof label, "%u", i + 1);
      append_actors (out, label, vp_outline_item_get_actors (item));

      if (vp_outline_item_get_n_children (item) > 0)
        {
          VpOutlineItem *child = vp_outline_item_get_child (item, 0);

          g_snprintf (label, sizeof label, "%u.1", i + 1);
          append_actors (out, label, vp_outline_item_get_actors (child));
        }
    }

  if (g_list_model_get_n_items (vp_article_get_recommendations (article)) > 0)
    append_actors (out, "R", vp_outline_item_get_actors (get_recommendation (article)));

  return g_string_free (out, FALSE);
}

/* The mentions, as "actor:text" (with a * for manual ones), in order. */
static char *
dump_mentions (VpArticle *article)
{
  GString *out = g_string_new (NULL);
  const VpMention *mentions;
  guint n_mentions;

  mentions = vp_article_get_mentions (article, &n_mentions);
  for (guint i = 0; i < n_mentions; i++)
    {
      const char *text = vp_article_get_block_text (article, mentions[i].block);

      g_string_append_printf (out, "%s%s:%.*s%s", i > 0 ? " " : "", mentions[i].actor,
                              (int)(mentions[i].end - mentions[i].start), text + mentions[i].start,
                              mentions[i].origin == VP_MENTION_MANUAL ? "*" : "");
    }

  return g_string_free (out, FALSE);
}

static void
assert_items (VpArticle  *article,
              const char *expected)
{
  g_autofree char *items = dump_items (article);

  g_assert_cmpstr (items, ==, expected);
}

static void
assert_mentions (VpArticle  *article,
                 const char *expected)
{
  g_autofree char *mentions = dump_mentions (article);

  g_assert_cmpstr (mentions, ==, expected);
}

/* The span of the @nth @text in block @block. */
static void
find_span (VpArticle  *article,
           int         block,
           const char *text,
           guint       nth,
           guint      *start,
           guint      *end)
{
  const char *block_text = vp_article_get_block_text (article, block);
  const char *found = strstr (block_text, text);

  for (guint i = 0; i < nth; i++)
    found = strstr (found + 1, text);
  g_assert_nonnull (found);

  *start = found - block_text;
  *end = *start + strlen (text);
}

static VpAnnotation *
annotate (VpArticle        *article,
          VpAnnotationKind  kind,
          const char       *actor,
          int               block,
          const char       *text)
{
  g_autoptr(VpAnnotation) annotation = NULL;
  guint start;
  guint end;

  find_span (article, block, text, 0, &start, &end);
  annotation = vp_article_new_span_annotation (article, kind, actor, block, start, end);
  g_assert_true (vp_article_add_annotation (article, annotation));

  return g_steal_pointer (&annotation);
}

static VpAnnotation *
annotate_item (VpArticle        *article,
               VpAnnotationKind  kind,
               const char       *actor,
               VpOutlineItem    *item)
{
  g_autoptr(VpAnnotation) annotation = NULL;

  annotation = vp_article_new_item_annotation (article, kind, actor, item);
  g_assert_true (vp_article_add_annotation (article, annotation));

  return g_steal_pointer (&annotation);
}

static const char *automatic_mentions =
  "us:Washington iran:Tehran iran:Tehran us:Washington iran:Tehran us:US iran:Iran "
  "saudi-arabia:Riyadh iran:Iran";
static const char *automatic_items = "1:iran,us 2:saudi-arabia 2.1: 3: R:";

static void
test_basics (void)
{
  const char *text = "Then the United States and Iran met.";
  g_autoptr(VpAnnotation) a = vp_annotation_new_in_text (VP_ANNOTATION_TAG, "us", 3, text, 9, 22);
  g_autoptr(VpAnnotation) b = NULL;
  g_autoptr(VpAnnotation) moved = NULL;
  g_autoptr(VpAnnotation) other = NULL;
  VpAnnotationKind kind;
  VpAnchor anchor;
  GValue value = G_VALUE_INIT;

  g_assert_cmpint (vp_annotation_get_kind (a), ==, VP_ANNOTATION_TAG);
  g_assert_true (vp_annotation_get_actor (a) == g_intern_string ("us"));
  g_assert_cmpint (vp_annotation_get_block (a), ==, 3);
  g_assert_cmpuint (vp_annotation_get_start (a), ==, 9);
  g_assert_cmpuint (vp_annotation_get_end (a), ==, 22);
  g_assert_cmpstr (vp_annotation_get_text (a), ==, "United States");
  g_assert_cmpstr (vp_annotation_get_before (a), ==, "Then the ");
  g_assert_cmpstr (vp_annotation_get_after (a), ==, " and Iran met.");
  g_assert_false (vp_annotation_is_item (a));

  vp_annotation_get_anchor (a, &anchor);
  g_assert_cmpint (anchor.block, ==, 3);
  g_assert_cmpuint (anchor.start, ==, 9);
  g_assert_cmpuint (anchor.end, ==, 22);
  g_assert_true (anchor.text == vp_annotation_get_text (a));

  /* Parts, as a saved workspace gives them; the context may be unknown. */
  b = vp_annotation_new (VP_ANNOTATION_TAG, "us", 3, 9, "United States", NULL, NULL);
  g_assert_true (vp_annotation_equal (a, b));
  g_assert_cmpuint (vp_annotation_get_end (b), ==, 22);
  g_assert_null (vp_annotation_get_before (b));

  other = vp_annotation_copy_for_actor (a, "iran");
  g_assert_false (vp_annotation_equal (a, other));
  g_assert_cmpstr (vp_annotation_get_text (other), ==, "United States");
  g_assert_cmpint (vp_annotation_compare (other, a), <, 0);

  moved = vp_annotation_copy_moved (a, 5, "Yes: the United States!", 9, 22);
  g_assert_cmpint (vp_annotation_get_block (moved), ==, 5);
  g_assert_cmpstr (vp_annotation_get_before (moved), ==, "Yes: the ");
  g_assert_cmpstr (vp_annotation_get_after (moved), ==, "!");
  g_assert_cmpint (vp_annotation_compare (a, moved), <, 0);

  /* Kinds have names for files, and the type is boxed. */
  g_assert_cmpstr (vp_annotation_kind_to_string (VP_ANNOTATION_ITEM_REMOVAL), ==, "item-removal");
  g_assert_true (vp_annotation_kind_from_string ("rejection", &kind));
  g_assert_cmpint (kind, ==, VP_ANNOTATION_REJECTION);
  g_assert_false (vp_annotation_kind_from_string ("Rejection", &kind));
  g_assert_false (vp_annotation_kind_from_string (NULL, &kind));

  g_value_init (&value, VP_TYPE_ANNOTATION);
  g_value_set_boxed (&value, a);
  g_assert_true (g_value_get_boxed (&value) == a);
  g_value_unset (&value);
}

static void
test_no_annotations (void)
{
  g_autoptr(VpArticle) article = make_default_article ();
  const VpMention *mentions;
  const VpMention *automatic;
  guint n;
  guint n_automatic;

  /* Without annotations the mentions are the tagger's, the same array. */
  mentions = vp_article_get_mentions (article, &n);
  automatic = vp_article_get_automatic_mentions (article, &n_automatic);
  g_assert_true (mentions == automatic);
  g_assert_cmpuint (n, ==, n_automatic);
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 0);

  assert_mentions (article, automatic_mentions);
  assert_items (article, automatic_items);
}

static void
test_rejection (void)
{
  g_autoptr(VpArticle) article = make_default_article ();
  g_autoptr(VpAnnotation) rejection = NULL;
  guint n_automatic;

  rejection = annotate (article, VP_ANNOTATION_REJECTION, "iran", 3, "Iran");
  assert_mentions (article,
                   "us:Washington iran:Tehran iran:Tehran us:Washington iran:Tehran us:US "
                   "saudi-arabia:Riyadh iran:Iran");
  assert_items (article, "1:us 2:saudi-arabia 2.1: 3: R:");
  g_assert_cmpuint (vp_article_count_mentions (article, "iran"), ==, 4);
  vp_article_get_automatic_mentions (article, &n_automatic);
  g_assert_cmpuint (n_automatic, ==, 9);

  /* Adding it twice changes nothing. */
  g_assert_false (vp_article_add_annotation (article, rejection));
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 1);
  g_assert_true (vp_article_lookup_annotation (article, VP_ANNOTATION_REJECTION, "iran",
                                               3, 19, 23) == rejection);
  g_assert_null (vp_article_lookup_annotation (article, VP_ANNOTATION_REJECTION, "us",
                                               3, 19, 23));

  /* A rejection is of one actor's mention only. */
  {
    g_autoptr(VpAnnotation) wrong = annotate (article, VP_ANNOTATION_REJECTION, "us", 3, "Iran");

    assert_items (article, "1:us 2:saudi-arabia 2.1: 3: R:");
    g_assert_true (vp_article_remove_annotation (article, wrong));
  }

  g_assert_true (vp_article_remove_annotation (article, rejection));
  g_assert_false (vp_article_remove_annotation (article, rejection));
  assert_mentions (article, automatic_mentions);
  assert_items (article, automatic_items);
}

static void
test_manual_tag (void)
{
  g_autoptr(VpArticle) article = make_default_article ();
  g_autoptr(VpAnnotation) obama = NULL;
  g_autoptr(VpAnnotation) kingdom = NULL;
  g_autoptr(VpAnnotation) child = NULL;
  g_autoptr(VpAnnotation) us = NULL;
  g_autoptr(VpAnnotation) in_title = NULL;

  obama = annotate (article, VP_ANNOTATION_TAG, "us", 1, "Obama administration");
  kingdom = annotate (article, VP_ANNOTATION_TAG, "saudi-arabia", 7, "the kingdom");
  child = annotate (article, VP_ANNOTATION_TAG, "saudi-arabia", 5, "kingdom");
  assert_mentions (article,
                   "us:Washington iran:Tehran iran:Tehran us:Washington iran:Tehran "
                   "us:Obama administration* us:US iran:Iran saudi-arabia:Riyadh "
                   "saudi-arabia:kingdom* saudi-arabia:the kingdom* iran:Iran");
  g_assert_cmpuint (vp_article_count_mentions (article, "us"), ==, 4);
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 3);

  /* Inside an item's span, a manual tag gives the item its actor. */
  assert_items (article, "1:iran,us 2:saudi-arabia 2.1:saudi-arabia 3: R:saudi-arabia");

  /* Tagging what the tagger found is one mention, now the reader's. */
  us = annotate (article, VP_ANNOTATION_TAG, "us", 3, "US");
  g_assert_cmpuint (vp_article_count_mentions (article, "us"), ==, 4);
  assert_mentions (article,
                   "us:Washington iran:Tehran iran:Tehran us:Washington iran:Tehran "
                   "us:Obama administration* us:US* iran:Iran saudi-arabia:Riyadh "
                   "saudi-arabia:kingdom* saudi-arabia:the kingdom* iran:Iran");

  /* The title counts too. */
  in_title = annotate (article, VP_ANNOTATION_TAG, "saudi-arabia", VP_MENTION_TITLE, "talk");
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 4);

  vp_article_remove_annotation (article, obama);
  vp_article_remove_annotation (article, kingdom);
  vp_article_remove_annotation (article, child);
  vp_article_remove_annotation (article, us);
  vp_article_remove_annotation (article, in_title);
  assert_mentions (article, automatic_mentions);
  assert_items (article, automatic_items);
}

static void
test_item_annotations (void)
{
  g_autoptr(VpArticle) article = make_default_article ();
  g_autoptr(VpAnnotation) add_us = NULL;
  g_autoptr(VpAnnotation) remove_iran = NULL;
  g_autoptr(VpAnnotation) add_again = NULL;
  g_autoptr(VpAnnotation) add_child = NULL;
  g_autoptr(VpAnnotation) add_recommendation = NULL;
  g_autoptr(VpAnnotation) remove_absent = NULL;

  add_us = annotate_item (article, VP_ANNOTATION_ITEM_ADDITION, "us", get_item (article, 2));
  g_assert_true (vp_annotation_is_item (add_us));
  g_assert_cmpstr (vp_annotation_get_text (add_us), ==, texts[6]);
  g_assert_cmpuint (vp_annotation_get_end (add_us), ==, strlen (texts[6]));
  assert_items (article, "1:iran,us 2:saudi-arabia 2.1: 3:us R:");

  /* A removal wins over the item's mentions. */
  remove_iran = annotate_item (article, VP_ANNOTATION_ITEM_REMOVAL, "iran", get_item (article, 0));
  assert_items (article, "1:us 2:saudi-arabia 2.1: 3:us R:");

  /* Adding an actor the item has already changes nothing visible. */
  add_again = annotate_item (article, VP_ANNOTATION_ITEM_ADDITION, "saudi-arabia",
                             get_item (article, 1));
  assert_items (article, "1:us 2:saudi-arabia 2.1: 3:us R:");

  /* Nested items and recommendations have their own. */
  add_child = annotate_item (article, VP_ANNOTATION_ITEM_ADDITION, "iran",
                             vp_outline_item_get_child (get_item (article, 1), 0));
  add_recommendation = annotate_item (article, VP_ANNOTATION_ITEM_ADDITION, "saudi-arabia",
                                      get_recommendation (article));
  g_assert_cmpuint (vp_annotation_get_end (add_recommendation), ==, 39);
  assert_items (article, "1:us 2:saudi-arabia 2.1:iran 3:us R:saudi-arabia");

  /* Removing an actor the item does not have changes nothing either. */
  remove_absent = annotate_item (article, VP_ANNOTATION_ITEM_REMOVAL, "saudi-arabia",
                                 get_item (article, 2));
  assert_items (article, "1:us 2:saudi-arabia 2.1:iran 3:us R:saudi-arabia");

  /* Item annotations are not mentions. */
  assert_mentions (article, automatic_mentions);

  vp_article_remove_annotation (article, remove_iran);
  assert_items (article, "1:iran,us 2:saudi-arabia 2.1:iran 3:us R:saudi-arabia");
}

typedef struct
{
  const char *name;
  gboolean    automatic;  /* the tagger finds Iran in item 3 */
  gboolean    rejected;   /* the reader rejects that mention */
  gboolean    tagged;     /* the reader tags "Both sides" in it as Iran */
  gboolean    added;      /* the reader adds Iran to the item */
  gboolean    removed;    /* the reader removes Iran from the item */
  gboolean    involved;   /* so: does item 3 involve Iran? */
  guint       mentions;   /* and how many mentions of Iran in it */
} RuleCase;

/* The rule: mentions − rejected + tagged, then + added − removed. */
static const RuleCase rule_cases[] = {
  { "nothing",                 FALSE, FALSE, FALSE, FALSE, FALSE, FALSE, 0 },
  { "automatic",               TRUE,  FALSE, FALSE, FALSE, FALSE, TRUE,  1 },
  { "rejected",                TRUE,  TRUE,  FALSE, FALSE, FALSE, FALSE, 0 },
  { "tagged",                  FALSE, FALSE, TRUE,  FALSE, FALSE, TRUE,  1 },
  { "rejected-and-tagged",     TRUE,  TRUE,  TRUE,  FALSE, FALSE, TRUE,  1 },
  { "automatic-and-tagged",    TRUE,  FALSE, TRUE,  FALSE, FALSE, TRUE,  2 },
  { "added",                   FALSE, FALSE, FALSE, TRUE,  FALSE, TRUE,  0 },
  { "rejected-and-added",      TRUE,  TRUE,  FALSE, TRUE,  FALSE, TRUE,  0 },
  { "automatic-and-removed",   TRUE,  FALSE, FALSE, FALSE, TRUE,  FALSE, 1 },
  { "tagged-and-removed",      FALSE, FALSE, TRUE,  FALSE, TRUE,  FALSE, 1 },
  { "added-and-removed",       FALSE, FALSE, FALSE, TRUE,  TRUE,  FALSE, 0 },
  { "everything",              TRUE,  TRUE,  TRUE,  TRUE,  TRUE,  FALSE, 1 },
};

static void
test_rule (gconstpointer data)
{
  const RuleCase *rule = data;
  const char *item_text = rule->automatic ? "Both sides should stop Iran and the Persian Gulf."
                                          : "Both sides should stop the Persian Gulf incidents.";
  const char * const blocks[] = {
    texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], item_text, texts[7],
  };
  g_autoptr(VpArticle) article = make_article (title, blocks, G_N_ELEMENTS (blocks));
  VpOutlineItem *item = get_item (article, 2);
  guint before = vp_article_count_mentions (article, "iran");
  guint in_item;
  g_autofree char *expected = NULL;
  g_autofree char *items = NULL;

  if (rule->rejected)
    vp_annotation_unref (annotate (article, VP_ANNOTATION_REJECTION, "iran", 6, "Iran"));
  if (rule->tagged)
    vp_annotation_unref (annotate (article, VP_ANNOTATION_TAG, "iran", 6, "Both sides"));
  if (rule->added)
    vp_annotation_unref (annotate_item (article, VP_ANNOTATION_ITEM_ADDITION, "iran", item));
  if (rule->removed)
    vp_annotation_unref (annotate_item (article, VP_ANNOTATION_ITEM_REMOVAL, "iran", item));

  g_assert_cmpint (vp_outline_item_has_actor (item, "iran"), ==, rule->involved);

  /* The counts follow the same rule, and the other items are untouched. */
  in_item = vp_article_count_mentions (article, "iran") - (before - (rule->automatic ? 1 : 0));
  g_assert_cmpuint (in_item, ==, rule->mentions);
  expected = g_strdup_printf ("1:iran,us 2:saudi-arabia 2.1: 3:%s R:",
                              rule->involved ? "iran" : "");
  items = dump_items (article);
  g_assert_cmpstr (items, ==, expected);
}

static void
test_retag (void)
{
  g_autoptr(VpArticle) article = make_default_article ();
  g_autoptr(VpAnnotation) rejection = NULL;
  g_autoptr(VpAnnotation) tag = NULL;
  g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (VpMention));
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(VpTagger) tagger = vp_tagger_new (actors);

  rejection = annotate (article, VP_ANNOTATION_REJECTION, "iran", 3, "Iran");
  tag = annotate (article, VP_ANNOTATION_TAG, "us", 1, "Obama administration");

  /* Without the tagger's mentions, the manual ones remain; the rejection
   * waits for its mention to come back. */
  vp_article_set_mentions (article, none);
  assert_mentions (article, "us:Obama administration*");
  assert_items (article, "1: 2: 2.1: 3: R:");

  vp_tagger_tag_article (tagger, article);
  assert_mentions (article,
                   "us:Washington iran:Tehran iran:Tehran us:Washington iran:Tehran "
                   "us:Obama administration* us:US saudi-arabia:Riyadh iran:Iran");
  assert_items (article, "1:us 2:saudi-arabia 2.1: 3: R:");
}

static void
test_active_actors (void)
{
  g_autoptr(VpArticle) article = make_default_article ();
  const char * const active[] = { "iran", "saudi-arabia", NULL };

  vp_annotation_unref (annotate (article, VP_ANNOTATION_TAG, "us", 1, "Obama administration"));
  vp_annotation_unref (annotate_item (article, VP_ANNOTATION_ITEM_ADDITION, "us",
                                      get_item (article, 1)));
  vp_annotation_unref (annotate (article, VP_ANNOTATION_TAG, "saudi-arabia", 7, "kingdom"));
  g_assert_cmpuint (vp_article_count_mentions (article, "us"), ==, 4);
  assert_items (article, "1:iran,us 2:saudi-arabia,us 2.1: 3: R:saudi-arabia");

  /* The tagger of a set where the US is disabled finds no US; its manual
   * tags and additions are kept, and do not count either. */
  vp_article_set_active_actors (article, active);
  g_assert_cmpuint (vp_article_count_mentions (article, "us"), ==, 3);
  g_assert_cmpuint (vp_article_count_mentions (article, "saudi-arabia"), ==, 2);
  assert_items (article, "1:iran,us 2:saudi-arabia 2.1: 3: R:saudi-arabia");
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 3);

  vp_article_set_active_actors (article, NULL);
  g_assert_cmpuint (vp_article_count_mentions (article, "us"), ==, 4);
  assert_items (article, "1:iran,us 2:saudi-arabia,us 2.1: 3: R:saudi-arabia");
}

static void
count_cb (VpArticle *article,
          guint     *count)
{
  (*count)++;
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_signals (void)
{
  g_autoptr(VpArticle) article = make_default_article ();
  g_autoptr(VpAnnotation) rejection = NULL;
  guint changed = 0;
  guint item_notified = 0;

  g_signal_connect (article, "mentions-changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (get_item (article, 0), "notify::actors", G_CALLBACK (notify_cb),
                    &item_notified);

  rejection = annotate (article, VP_ANNOTATION_REJECTION, "iran", 3, "Iran");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (item_notified, ==, 1);

  /* Nothing added, nothing said. */
  g_assert_false (vp_article_add_annotation (article, rejection));
  g_assert_cmpuint (changed, ==, 1);

  g_assert_true (vp_article_remove_annotation (article, rejection));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (item_notified, ==, 2);

  vp_article_update_item_actors (article);
  g_assert_cmpuint (item_notified, ==, 2);
}

static JsonObject *
export_json (VpArticle *article,
             JsonParser *parser)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  g_ptr_array_add (articles, article);
  bytes = vp_export_outline (VP_EXPORT_FORMAT_JSON, articles, actors);
  data = g_bytes_get_data (bytes, &length);
  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);

  return json_array_get_object_element (
    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                  "articles"), 0);
}

static char *
export_text (VpArticle      *article,
             VpExportFormat  format)
{
  g_autoptr(VpActorSet) actors = vp_actor_set_new_default ();
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;

  g_ptr_array_add (articles, article);
  bytes = vp_export_outline (format, articles, actors);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_exporters (void)
{
  g_autoptr(VpArticle) article = make_default_article ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  JsonObject *mentions;
  JsonArray *items;
  JsonArray *actors;

  vp_annotation_unref (annotate (article, VP_ANNOTATION_REJECTION, "iran", 3, "Iran"));
  vp_annotation_unref (annotate (article, VP_ANNOTATION_TAG, "us", 1, "Obama administration"));
  vp_annotation_unref (annotate (article, VP_ANNOTATION_TAG, "saudi-arabia", 7, "kingdom"));
  vp_annotation_unref (annotate_item (article, VP_ANNOTATION_ITEM_ADDITION, "iran",
                                      get_item (article, 2)));

  object = export_json (article, parser);
  mentions = json_object_get_object_member (object, "mentions");
  g_assert_cmpint (json_object_get_int_member (mentions, "us"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (mentions, "iran"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (mentions, "saudi-arabia"), ==, 2);

  items = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (object, "sections"), 0), "items");
  actors = json_object_get_array_member (json_array_get_object_element (items, 0), "actors");
  g_assert_cmpuint (json_array_get_length (actors), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (actors, 0), ==, "us");
  actors = json_object_get_array_member (json_array_get_object_element (items, 2), "actors");
  g_assert_cmpuint (json_array_get_length (actors), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (actors, 0), ==, "iran");
  actors = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (object, "recommendations"), 0),
    "actors");
  g_assert_cmpuint (json_array_get_length (actors), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (actors, 0), ==, "saudi-arabia");

  csv = export_text (article, VP_EXPORT_FORMAT_CSV);
  g_assert_nonnull (strstr (csv, ",1,The US should call Iran first.,United States\r\n"));
  g_assert_nonnull (strstr (csv, ",3,Both sides should stop the Persian Gulf incidents.,Iran\r\n"));

  markdown = export_text (article, VP_EXPORT_FORMAT_MARKDOWN);
  g_assert_nonnull (strstr (markdown, "1. The US should call Iran first. — *United States*\n"));
  g_assert_nonnull (strstr (markdown, "**Mentions:** United States 4, Iran 4, Saudi Arabia 2\n"));

  text = export_text (article, VP_EXPORT_FORMAT_TEXT);
  g_assert_nonnull (strstr (text, "3. Both sides should stop the Persian Gulf incidents. [Iran]\n"));
}

static void
test_anchor_article (void)
{
  g_autoptr(VpArticle) old = make_default_article ();
  g_autoptr(VpArticle) article = NULL;
  g_autoptr(GPtrArray) annotations = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_annotation_unref);
  g_autoptr(GPtrArray) dropped = NULL;
  /* Read again by another importer: a breadcrumb comes first, the first
   * paragraph was edited around its tag, and the recommendation's
   * paragraph lost its first sentence. */
  const char * const blocks[] = {
    "Home / Opinion",
    texts[0],
    "In 2009, Washington and Tehran should have talked. The Obama administration tried "
    "once, and the kingdom watched.",
    texts[2],
    texts[3],
    texts[4],
    texts[5],
    texts[6],
    "Iran should agree.",
  };

  g_ptr_array_add (annotations, annotate (old, VP_ANNOTATION_TAG, "us", 1, "Obama administration"));
  g_ptr_array_add (annotations, annotate (old, VP_ANNOTATION_REJECTION, "iran", 3, "Iran"));
  g_ptr_array_add (annotations, annotate_item (old, VP_ANNOTATION_ITEM_ADDITION, "us",
                                               get_item (old, 2)));
  g_ptr_array_add (annotations, annotate_item (old, VP_ANNOTATION_ITEM_ADDITION, "iran",
                                               get_recommendation (old)));
  g_ptr_array_add (annotations, annotate (old, VP_ANNOTATION_TAG, "saudi-arabia", 7, "kingdom"));
  g_ptr_array_add (annotations, annotate (old, VP_ANNOTATION_TAG, "iran", VP_MENTION_TITLE,
                                          "talk"));

  article = make_article ("Can Washington and Tehran talk at last?", blocks, G_N_ELEMENTS (blocks));
  dropped = vp_article_anchor_annotations (article, annotations);

  /* The recommendation is gone. The tag of "kingdom" in its paragraph
   * goes to the nearest "kingdom" left, in the nested item two blocks
   * before. */
  g_assert_cmpuint (dropped->len, ==, 1);
  g_assert_true (g_ptr_array_index (dropped, 0) == g_ptr_array_index (annotations, 3));

  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 5);
  assert_mentions (article,
                   "us:Washington iran:Tehran iran:talk* iran:Tehran us:Washington iran:Tehran "
                   "us:Obama administration* us:US saudi-arabia:Riyadh saudi-arabia:kingdom* "
                   "iran:Iran");
  g_assert_nonnull (vp_article_lookup_annotation (article, VP_ANNOTATION_REJECTION, "iran",
                                                  4, 19, 23));
  assert_items (article, "1:us 2:saudi-arabia 2.1:saudi-arabia 3:us");

  /* Anchoring them again changes nothing. */
  g_clear_pointer (&dropped, g_ptr_array_unref);
  dropped = vp_article_anchor_annotations (article, annotations);
  g_assert_cmpuint (dropped->len, ==, 1);
  g_assert_cmpuint (vp_article_get_n_annotations (article), ==, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/annotation/basics", test_basics);
  g_test_add_func ("/vp/annotation/no-annotations", test_no_annotations);
  g_test_add_func ("/vp/annotation/rejection", test_rejection);
  g_test_add_func ("/vp/annotation/manual-tag", test_manual_tag);
  g_test_add_func ("/vp/annotation/item-annotations", test_item_annotations);

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vp/annotation/rule/%s", rule_cases[i].name);

      g_test_add_data_func (path, &rule_cases[i], test_rule);
    }

  g_test_add_func ("/vp/annotation/retag", test_retag);
  g_test_add_func ("/vp/annotation/active-actors", test_active_actors);
  g_test_add_func ("/vp/annotation/signals", test_signals);
  g_test_add_func ("/vp/annotation/exporters", test_exporters);
  g_test_add_func ("/vp/annotation/anchor-article", test_anchor_article);

  return g_test_run ();
}
