/* test-anchor.c: finding a tagged span again after the article changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "vp-anchor.h"
#include "vp-mention.h"

/* An anchor for the @nth occurrence of @text in block @block of @blocks
 * (or the title, for VP_MENTION_TITLE), with its context; the strings
 * are kept in @keep. */
static VpAnchor
anchor_in (const char         *title,
           const char * const *blocks,
           int                 block,
           const char         *text,
           guint               nth,
           GPtrArray          *keep)
{
  const char *block_text = block == VP_MENTION_TITLE ? title : blocks[block];
  const char *found = strstr (block_text, text);
  VpAnchor anchor;

  for (guint i = 0; i < nth; i++)
    found = strstr (found + 1, text);
  g_assert_nonnull (found);

  anchor.block = block;
  anchor.start = found - block_text;
  anchor.end = anchor.start + strlen (text);
  anchor.text = text;
  anchor.before = vp_anchor_dup_before (block_text, anchor.start);
  anchor.after = vp_anchor_dup_after (block_text, anchor.end);
  g_ptr_array_add (keep, (char *)anchor.before);
  g_ptr_array_add (keep, (char *)anchor.after);

  return anchor;
}

/* Where @anchor is in the new text, as "BLOCK:START", or "gone"; and
 * checks that the text is there. */
static char *
locate (const VpAnchor     *anchor,
        const char         *title,
        const char * const *blocks)
{
  guint n_blocks = g_strv_length ((char **)blocks);
  int block = -42;
  guint start = 4242;
  const char *text;

  if (!vp_anchor_locate (anchor, title, blocks, n_blocks, &block, &start))
    return g_strdup ("gone");

  text = block == VP_MENTION_TITLE ? title : blocks[block];
  g_assert_cmpmem (text + start, strlen (anchor->text), anchor->text, strlen (anchor->text));

  return g_strdup_printf ("%d:%u", block, start);
}

#define OFFSET_OF(haystack, needle, nth) offset_of (haystack, needle, nth)

static guint
offset_of (const char *haystack,
           const char *needle,
           guint       nth)
{
  const char *found = strstr (haystack, needle);

  for (guint i = 0; i < nth; i++)
    found = strstr (found + 1, needle);
  g_assert_nonnull (found);

  return found - haystack;
}

static void
assert_located (const VpAnchor     *anchor,
                const char         *title,
                const char * const *blocks,
                int                 block,
                guint               start)
{
  g_autofree char *where = locate (anchor, title, blocks);
  g_autofree char *expected = g_strdup_printf ("%d:%u", block, start);

  g_assert_cmpstr (where, ==, expected);
}

static const char *title = "Iran and the Gulf";
static const char * const original[] = {
  "Home / Opinion",
  "Iran and Saudi Arabia talk in Baghdad.",
  "The United States watches; Iran waits.",
  "Tehran wants guarantees before Iran signs anything.",
  NULL
};

static void
test_context (void)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *persian = "گفتگوی ایران و عربستان سعودی در بغداد ادامه دارد و هر دو طرف راضی هستند";

  before = vp_anchor_dup_before (original[2], 0);
  after = vp_anchor_dup_after (original[2], strlen (original[2]));
  g_assert_cmpstr (before, ==, "");
  g_assert_cmpstr (after, ==, "");
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* Twenty characters each side, or what there is. */
  before = vp_anchor_dup_before (original[3], OFFSET_OF (original[3], "Iran", 0));
  after = vp_anchor_dup_after (original[3], OFFSET_OF (original[3], "Iran", 0) + 4);
  g_assert_cmpstr (before, ==, "s guarantees before ");
  g_assert_cmpstr (after, ==, " signs anything.");
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);

  /* Characters, not bytes. */
  before = vp_anchor_dup_before (persian, OFFSET_OF (persian, "بغداد", 0));
  after = vp_anchor_dup_after (persian, OFFSET_OF (persian, "بغداد", 0));
  g_assert_cmpint (g_utf8_strlen (before, -1), ==, 20);
  g_assert_cmpint (g_utf8_strlen (after, -1), ==, 20);
  g_assert_true (g_utf8_validate (before, -1, NULL));
  g_assert_true (g_utf8_validate (after, -1, NULL));
  g_assert_true (g_str_has_prefix (after, "بغداد"));
}

static void
test_unchanged (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  VpAnchor in_title = anchor_in (title, original, VP_MENTION_TITLE, "Iran", 0, keep);
  VpAnchor first = anchor_in (title, original, 1, "Iran", 0, keep);
  VpAnchor second = anchor_in (title, original, 3, "Iran", 0, keep);
  VpAnchor phrase = anchor_in (title, original, 2, "The United States", 0, keep);

  assert_located (&in_title, title, original, VP_MENTION_TITLE, 0);
  assert_located (&first, title, original, 1, 0);
  assert_located (&second, title, original, 3, second.start);
  assert_located (&phrase, title, original, 2, 0);

  /* Without its context, an anchor is still found where it was. */
  second.before = second.after = NULL;
  assert_located (&second, title, original, 3, second.start);
}

/* A span still in place is known so without searching, exactly when the
 * search would find it there. */
static void
test_in_place (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const char * const fewer[] = { original[1], original[2], original[3], NULL };
  VpAnchor waits = anchor_in (title, original, 2, "Iran", 0, keep);
  VpAnchor signs = anchor_in (title, original, 3, "Iran", 0, keep);
  VpAnchor in_title = anchor_in (title, original, VP_MENTION_TITLE, "Iran", 0, keep);

  g_assert_true (vp_anchor_is_in_place (&waits, original[2], strlen (original[2])));
  g_assert_true (vp_anchor_is_in_place (&in_title, title, strlen (title)));

  /* Block 2 of the shorter article has an "Iran" at the same offset, but
   * not the same context: the search goes to the block that moved. */
  g_assert_false (vp_anchor_is_in_place (&waits, fewer[2], strlen (fewer[2])));
  assert_located (&waits, title, fewer, 1, waits.start);
  g_assert_true (vp_anchor_is_in_place (&signs, fewer[2], strlen (fewer[2])));

  /* Text that is not there, or would run past the end. */
  g_assert_false (vp_anchor_is_in_place (&waits, original[1], strlen (original[1])));
  g_assert_false (vp_anchor_is_in_place (&waits, "The", 3));
  g_assert_false (vp_anchor_is_in_place (&waits, NULL, 0));

  /* Without a context, the text at its offsets is enough. */
  signs.before = signs.after = NULL;
  g_assert_true (vp_anchor_is_in_place (&signs, original[3], strlen (original[3])));
  g_assert_false (vp_anchor_is_in_place (&signs, original[2], strlen (original[2])));
}

static void
test_blocks_shifted (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  /* A better importer drops the breadcrumb: every block moves up one. */
  const char * const fewer[] = { original[1], original[2], original[3], NULL };
  /* A worse one adds two blocks before the article. */
  const char * const more[] = {
    "Menu", "Share on social media", original[0], original[1], original[2], original[3], NULL
  };
  VpAnchor waits = anchor_in (title, original, 2, "Iran", 0, keep);
  VpAnchor signs = anchor_in (title, original, 3, "Iran", 0, keep);

  /* Block 2 now holds what block 3 held, with an "Iran" of its own at
   * another place: the context tells the moved block apart. */
  assert_located (&waits, title, fewer, 1, waits.start);
  assert_located (&signs, title, fewer, 2, signs.start);
  assert_located (&waits, title, more, 4, waits.start);
  assert_located (&signs, title, more, 5, signs.start);
}

static void
test_edited_around (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const char * const edited[] = {
    original[0],
    "Iran and Saudi Arabia talk in Baghdad.",
    "Since last spring, the United States has been watching closely; Iran waits.",
    "Tehran wants guarantees before Iran signs anything.",
    NULL
  };
  VpAnchor waits = anchor_in (title, original, 2, "Iran", 0, keep);
  VpAnchor phrase = anchor_in (title, original, 2, "United States", 0, keep);

  /* The context changed on both sides: the nearest occurrence in the
   * same block. */
  assert_located (&waits, title, edited, 2, OFFSET_OF (edited[2], "Iran", 0));
  assert_located (&phrase, title, edited, 2, OFFSET_OF (edited[2], "United States", 0));
}

static void
test_duplicates (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const char * const blocks[] = {
    "Iran said no. Then Iran said yes. Then Iran said maybe.",
    "Washington listened.",
    NULL
  };
  /* Words added at the start move every occurrence 10 bytes on. */
  const char * const edited[] = {
    "At first, Iran said no. Then Iran said yes. Then Iran said maybe.",
    "Washington listened.",
    NULL
  };
  /* The context of the second one changes. */
  const char * const rewritten[] = {
    "Iran said no. Later Iran agreed. Then Iran said maybe.",
    "Washington listened.",
    NULL
  };
  VpAnchor second = anchor_in (title, blocks, 0, "Iran", 1, keep);
  VpAnchor third = anchor_in (title, blocks, 0, "Iran", 2, keep);

  assert_located (&second, title, edited, 0, OFFSET_OF (edited[0], "Iran", 1));
  assert_located (&third, title, edited, 0, OFFSET_OF (edited[0], "Iran", 2));

  /* Nothing around it matches: the occurrence nearest its old offset. */
  assert_located (&second, title, rewritten, 0, OFFSET_OF (rewritten[0], "Iran", 1));
  assert_located (&third, title, rewritten, 0, OFFSET_OF (rewritten[0], "Iran", 2));
}

static void
test_nearest_block (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const char * const blocks[] = {
    "Riyadh spoke first.",
    "Nobody else did.",
    "Then Riyadh spoke again.",
    "Quiet.",
    "Quiet again.",
    "Riyadh had the last word.",
    NULL
  };
  const char * const edited[] = {
    "Riyadh spoke first.",
    "Nobody else did.",
    "Then the kingdom spoke again.",
    "Quiet.",
    "Riyadh, quietly.",
    "Riyadh had the last word.",
    NULL
  };
  const char * const split[] = {
    "Riyadh spoke first.",
    "Nobody else did.",
    "Then",
    "Riyadh spoke again.",
    "Quiet.",
    NULL
  };
  VpAnchor again = anchor_in (title, blocks, 2, "Riyadh", 0, keep);

  /* Gone from its block: the nearest block that has it, the one before
   * when two are as near. */
  assert_located (&again, title, edited, 0, 0);
  assert_located (&again, title, split, 3, 0);

  /* Further away when nothing nearer has it. */
  {
    const char * const far[] = {
      "Nothing.", "Nothing.", "Nothing.", "Nothing.", "Nothing.", "Riyadh, at last.", NULL
    };

    assert_located (&again, title, far, 5, 0);
  }
}

static void
test_word_boundaries (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const char * const blocks[] = { "The talks with Iran went well.", NULL };
  const char * const edited[] = {
    "Iranian diplomats said the talks went well.",
    "Iran agreed.",
    NULL
  };
  VpAnchor iran = anchor_in (NULL, blocks, 0, "Iran", 0, keep);

  /* "Iran" inside "Iranian", in the same block, is not the word. */
  assert_located (&iran, NULL, edited, 1, 0);

  /* Nor the other way round. */
  {
    const char * const word[] = { "Iranian diplomats met.", NULL };
    const char * const again[] = { "Iran met them.", "Iranian diplomats met.", NULL };
    VpAnchor part = anchor_in (NULL, word, 0, "Iran", 0, keep);

    assert_located (&part, NULL, again, 1, 0);
  }
}

static void
test_title (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  VpAnchor in_title = anchor_in (title, original, VP_MENTION_TITLE, "Gulf", 0, keep);
  VpAnchor in_first = anchor_in (title, original, 0, "Home", 0, keep);
  const char * const headline_as_block[] = { "Iran and the Gulf", original[1], NULL };

  assert_located (&in_title, "Iran and the Persian Gulf", original, VP_MENTION_TITLE, 21);

  /* The title is a neighbour of the first block. */
  assert_located (&in_title, NULL, headline_as_block, 0, 13);
  assert_located (&in_first, "Home sweet home", headline_as_block, VP_MENTION_TITLE, 0);
}

static void
test_gone (void)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  const char * const edited[] = {
    "Iran and Saudi Arabia talk in Baghdad.",
    "The US watches; Iran waits.",
    NULL
  };
  VpAnchor phrase = anchor_in (title, original, 2, "The United States", 0, keep);
  VpAnchor crumb = anchor_in (title, original, 0, "Home / Opinion", 0, keep);
  const char * const empty[] = { NULL };
  int block = 7;
  guint start = 7;

  assert_located (&phrase, title, original, 2, 0);
  g_assert_false (vp_anchor_locate (&phrase, title, edited, 2, &block, &start));
  g_assert_false (vp_anchor_locate (&crumb, title, edited, 2, &block, &start));
  g_assert_false (vp_anchor_locate (&crumb, NULL, empty, 0, &block, &start));

  /* Nothing is written when nothing is found. */
  g_assert_cmpint (block, ==, 7);
  g_assert_cmpuint (start, ==, 7);

  /* Case matters: the text is the text. */
  {
    const char * const lower[] = { "home / opinion", NULL };

    g_assert_false (vp_anchor_locate (&crumb, NULL, lower, 1, &block, &start));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/anchor/context", test_context);
  g_test_add_func ("/vp/anchor/unchanged", test_unchanged);
  g_test_add_func ("/vp/anchor/in-place", test_in_place);
  g_test_add_func ("/vp/anchor/blocks-shifted", test_blocks_shifted);
  g_test_add_func ("/vp/anchor/edited-around", test_edited_around);
  g_test_add_func ("/vp/anchor/duplicates", test_duplicates);
  g_test_add_func ("/vp/anchor/nearest-block", test_nearest_block);
  g_test_add_func ("/vp/anchor/word-boundaries", test_word_boundaries);
  g_test_add_func ("/vp/anchor/title", test_title);
  g_test_add_func ("/vp/anchor/gone", test_gone);

  return g_test_run ();
}
