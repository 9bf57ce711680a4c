/* test-actors.c: actors, actor sets and the actor set file format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "vp-actor-set.h"
#include "vp-error.h"

#define ROOT_START "<actors xmlns=\"" VP_ACTOR_SET_NAMESPACE "\" version=\"1\">\n"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "actors", name, NULL);
}

/* Loads a fixture, naming it by its base name in messages. */
static VpActorSet *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return vp_actor_set_new_from_file_full (file, name, NULL, error);
}

static void
assert_alias (VpActor    *actor,
              guint       index,
              const char *alias,
              gboolean    case_sensitive)
{
  gboolean flag = !case_sensitive;

  g_assert_cmpuint (index, <, vp_actor_get_n_aliases (actor));
  g_assert_cmpstr (vp_actor_get_alias (actor, index, &flag), ==, alias);
  g_assert_cmpint (flag, ==, case_sensitive);
}

static gboolean
has_alias (VpActor    *actor,
           const char *alias,
           gboolean    case_sensitive)
{
  for (guint i = 0; i < vp_actor_get_n_aliases (actor); i++)
    {
      gboolean flag;

      if (g_strcmp0 (vp_actor_get_alias (actor, i, &flag), alias) == 0)
        return flag == case_sensitive;
    }

  return FALSE;
}

static void
test_load_default (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new_default ();
  GListModel *model = G_LIST_MODEL (set);
  static const char * const enabled[] = { "us", "iran", "saudi-arabia" };
  /* Okabe & Ito (2008) without its black, which hides highlighted text,
   * in the order the file gives them. */
  static const char * const okabe_ito[] = {
    "#0072b2", "#e69f00", "#009e73", "#d55e00",
    "#56b4e9", "#cc79a7", "#f0e442",
  };
  static const char * const available[] = {
    "iraq", "syria", "israel", "turkey", "russia", "china", "uk", "france", "germany", "eu",
    "un", "islamic-state", "hezbollah", "hamas", "al-qaeda", "taliban", "gcc", "qatar", "uae",
    "kuwait", "bahrain", "oman", "egypt", "jordan", "lebanon", "yemen", "houthis",
    "palestinians", "kurds", "afghanistan", "pakistan", "nato", "iaea", "arab-league",
  };
  VpActor *us;
  VpActor *iran;
  VpActor *saudi;
  guint n_enabled = 0;

  g_assert_true (g_list_model_get_item_type (model) == VP_TYPE_ACTOR);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 3 + G_N_ELEMENTS (available));

  for (guint i = 0; i < G_N_ELEMENTS (enabled); i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (model, i);

      g_assert_cmpstr (vp_actor_get_id (actor), ==, enabled[i]);
      g_assert_true (vp_actor_get_enabled (actor));
    }

  for (guint i = 0; i < G_N_ELEMENTS (available); i++)
    {
      VpActor *actor = vp_actor_set_lookup (set, available[i]);

      g_assert_nonnull (actor);
      g_assert_false (vp_actor_get_enabled (actor));
      g_assert_cmpuint (vp_actor_get_n_aliases (actor), >, 0);
    }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (model, i);

      g_assert_true (vp_actor_id_is_valid (vp_actor_get_id (actor)));
      g_assert_true (vp_actor_color_is_valid (vp_actor_get_color (actor)));
      if (i < G_N_ELEMENTS (okabe_ito))
        g_assert_cmpstr (vp_actor_get_color (actor), ==, okabe_ito[i]);
      if (vp_actor_get_enabled (actor))
        n_enabled++;
    }
  g_assert_cmpuint (n_enabled, ==, 3);

  us = vp_actor_set_lookup (set, "us");
  iran = vp_actor_set_lookup (set, "iran");
  saudi = vp_actor_set_lookup (set, "saudi-arabia");

  /* Ids are interned: mentions compare them with ==. */
  g_assert_true (vp_actor_get_id (us) == g_intern_string ("us"));

  g_assert_cmpstr (vp_actor_get_name (us), ==, "United States");
  g_assert_cmpint (vp_actor_get_kind (us), ==, VP_ACTOR_KIND_STATE);
  g_assert_true (has_alias (us, "US", TRUE));
  g_assert_true (has_alias (us, "U.S.", TRUE));
  g_assert_true (has_alias (us, "USA", TRUE));
  g_assert_true (has_alias (us, "U.S.A.", TRUE));
  g_assert_true (has_alias (us, "United States", FALSE));
  g_assert_true (has_alias (us, "American", FALSE));
  g_assert_true (has_alias (us, "Americans", FALSE));
  g_assert_true (has_alias (us, "Washington", FALSE));
  g_assert_true (g_strv_contains (vp_actor_get_exclusions (us), "Latin America"));
  g_assert_true (g_strv_contains (vp_actor_get_exclusions (us), "Washington Post"));

  g_assert_cmpstr (vp_actor_get_name (iran), ==, "Iran");
  g_assert_true (has_alias (iran, "Iranian", FALSE));
  g_assert_true (has_alias (iran, "Tehran", FALSE));
  g_assert_true (has_alias (iran, "ایران", FALSE));
  g_assert_true (has_alias (iran, "إيران", FALSE));
  g_assert_true (g_strv_contains (vp_actor_get_exclusions (iran), "Persian Gulf"));

  g_assert_cmpstr (vp_actor_get_name (saudi), ==, "Saudi Arabia");
  g_assert_true (has_alias (saudi, "Saudi", FALSE));
  g_assert_true (has_alias (saudi, "Saudis", FALSE));
  g_assert_true (has_alias (saudi, "Riyadh", FALSE));
  g_assert_true (has_alias (saudi, "السعودية", FALSE));

  g_assert_null (vp_actor_set_lookup (set, "atlantis"));
}

static void
test_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) set = load_fixture ("valid.xml", &error);
  VpActor *atlantis;
  VpActor *league;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 2);

  atlantis = vp_actor_set_lookup (set, "atlantis");
  g_assert_cmpstr (vp_actor_get_name (atlantis), ==, "Atlantis");
  g_assert_cmpstr (vp_actor_get_color (atlantis), ==, "#56b4e9");
  g_assert_cmpint (vp_actor_get_kind (atlantis), ==, VP_ACTOR_KIND_STATE);
  g_assert_false (vp_actor_get_enabled (atlantis));
  g_assert_cmpuint (vp_actor_get_n_aliases (atlantis), ==, 3);
  assert_alias (atlantis, 0, "Atlantis", FALSE);
  assert_alias (atlantis, 1, "ATL", TRUE);
  assert_alias (atlantis, 2, "Atlantean", FALSE);
  g_assert_cmpstrv (vp_actor_get_exclusions (atlantis),
                    ((const char *[]) { "Atlantis Hotel", NULL }));

  /* What the file leaves out takes the format's defaults, and white space
   * is collapsed. */
  league = vp_actor_set_lookup (set, "ocean-league");
  g_assert_cmpstr (vp_actor_get_name (league), ==, "Ocean League");
  g_assert_cmpstr (vp_actor_get_color (league), ==, VP_ACTOR_DEFAULT_COLOR);
  g_assert_cmpint (vp_actor_get_kind (league), ==, VP_ACTOR_KIND_OTHER);
  g_assert_true (vp_actor_get_enabled (league));
  assert_alias (league, 0, "Ocean League", FALSE);
  assert_alias (league, 1, "Leaguers & Friends", FALSE);
  assert_alias (league, 2, "Ligue océanique", FALSE);
  g_assert_cmpstrv (vp_actor_get_exclusions (league), ((const char *[]) { NULL }));
}

static void
test_load_empty_set (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) set = load_fixture ("empty-set.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 0);
}

static void
assert_round_trip (VpActorSet *set)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) again = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml_again = NULL;
  gsize length = 0;
  gsize length_again = 0;

  xml = vp_actor_set_to_xml (set, &length);
  g_assert_cmpuint (length, ==, strlen (xml));

  again = vp_actor_set_new_from_data (xml, length, "round-trip.xml", &error);
  g_assert_no_error (error);
  g_assert_true (vp_actor_set_equal (set, again));

  /* Writing is deterministic, and a written set reads back to the same
   * bytes. */
  xml_again = vp_actor_set_to_xml (again, &length_again);
  g_assert_cmpstr (xml, ==, xml_again);
  g_assert_cmpuint (length, ==, length_again);
}

static void
test_round_trip (void)
{
  g_autoptr(VpActorSet) defaults = vp_actor_set_new_default ();
  g_autoptr(VpActorSet) empty = vp_actor_set_new ();
  g_autoptr(VpActorSet) custom = vp_actor_set_new ();
  g_autoptr(VpActor) odd = vp_actor_new ("odd-1", "Quotes \" ' & <tags> — and “more”");
  g_autoptr(VpActor) bare = vp_actor_new ("bare", NULL);
  g_autoptr(VpActor) control = vp_actor_new ("control", "Tab\tand\nnewline\x01 and \xef\xbf\xbf");
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) file_set = load_fixture ("valid.xml", &error);
  g_autofree char *xml = NULL;

  g_assert_no_error (error);

  vp_actor_set_color (odd, "#ABCDEF");
  vp_actor_set_kind (odd, VP_ACTOR_KIND_PERSON);
  vp_actor_set_enabled (odd, FALSE);
  vp_actor_add_alias (odd, "A&B <Co>", TRUE);
  vp_actor_add_alias (odd, "ایران‌شناسی", FALSE);
  vp_actor_add_alias (odd, "it's \"quoted\"", FALSE);
  vp_actor_add_exclusion (odd, "A&B <Co> Ltd");
  vp_actor_set_add (custom, odd);
  vp_actor_set_add (custom, bare);

  /* Characters XML cannot carry never reach the file. */
  g_assert_cmpstr (vp_actor_get_name (control), ==, "Tab and newline and \xef\xbf\xbd");
  vp_actor_add_alias (control, "Ctrl\x02\xef\xbf\xbe", FALSE);
  assert_alias (control, 0, "Ctrl\xef\xbf\xbd", FALSE);
  vp_actor_set_add (custom, control);

  assert_round_trip (defaults);
  assert_round_trip (empty);
  assert_round_trip (custom);
  assert_round_trip (file_set);

  xml = vp_actor_set_to_xml (custom, NULL);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        ROOT_START
                                        "  <actor id=\"odd-1\""));
}

typedef struct
{
  const char *fixture;
  int         code;
  const char *message;  /* a part of the message */
} BadFile;

static const BadFile bad_files[] = {
  { "missing.xml", VP_ACTORS_ERROR_UNREADABLE,
    "there is no such file" },
  { "empty.xml", VP_ACTORS_ERROR_PARSE,
    "the file is empty" },
  { "not-well-formed.xml", VP_ACTORS_ERROR_PARSE,
    "line 5: this is not well-formed XML" },
  { "undefined-entity.xml", VP_ACTORS_ERROR_PARSE,
    "line 3: this is not well-formed XML" },
  { "wrong-root.xml", VP_ACTORS_ERROR_INVALID,
    "line 2: this is not a Viewpoints actor set" },
  { "wrong-namespace.xml", VP_ACTORS_ERROR_INVALID,
    "not a Viewpoints actor set" },
  { "no-namespace.xml", VP_ACTORS_ERROR_INVALID,
    "not a Viewpoints actor set" },
  { "newer-version.xml", VP_ACTORS_ERROR_VERSION,
    "written by a newer version of Viewpoints" },
  { "newer-namespace.xml", VP_ACTORS_ERROR_VERSION,
    "written by a newer version of Viewpoints" },
  { "no-version.xml", VP_ACTORS_ERROR_INVALID,
    "format version" },
  { "bad-version.xml", VP_ACTORS_ERROR_INVALID,
    "“one” is not a format version" },
  { "schema-invalid.xml", VP_ACTORS_ERROR_INVALID,
    "line 3: this is not a valid actor set" },
  { "unknown-element.xml", VP_ACTORS_ERROR_INVALID,
    "line 5: this is not a valid actor set" },
  { "duplicate-id.xml", VP_ACTORS_ERROR_INVALID,
    "line 5: the actor id “atlantis” is used twice (first on line 3)" },
  { "invalid-id.xml", VP_ACTORS_ERROR_INVALID,
    "line 3: “Lost_Atlantis” is not a valid actor id" },
  { "bad-colour.xml", VP_ACTORS_ERROR_INVALID,
    "line 3: “sea-blue” is not a colour" },
  { "punctuation-alias.xml", VP_ACTORS_ERROR_INVALID,
    "line 4: “...” has no letters or digits" },
  { "doctype.xml", VP_ACTORS_ERROR_INVALID,
    "line 2: actor sets may not have a document type declaration" },
  { "external-entity.xml", VP_ACTORS_ERROR_INVALID,
    "document type declaration" },
  { "billion-laughs.xml", VP_ACTORS_ERROR_INVALID,
    "document type declaration" },
  /* libxml2 parses on after an error in the XML declaration: the
   * entities must still not be expanded. */
  { "billion-laughs-bad-declaration.xml", VP_ACTORS_ERROR_PARSE,
    "line 1: this is not well-formed XML" },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) set = load_fixture (bad->fixture, &error);
  g_autofree char *prefix = g_strconcat (bad->fixture, ": ", NULL);

  g_assert_null (set);
  g_assert_error (error, VP_ACTORS_ERROR, bad->code);
  g_test_message ("%s", error->message);

  /* Messages start with the file's name as the user gave it. */
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, bad->message));
}

static void
test_bad_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "actors", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) set = vp_actor_set_new_from_file_full (file, "actors", NULL, &error);

  g_assert_null (set);
  g_assert_error (error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_UNREADABLE);
  g_assert_cmpstr (error->message, ==, "actors: this is a folder, not a file");
}

static void
test_bad_too_large (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?>\n" ROOT_START);
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) set = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  /* Well-formed and valid, only too large. */
  while (xml->len <= VP_ACTOR_SET_MAX_SIZE)
    g_string_append (xml, "  <!-- padding padding padding padding padding padding -->\n");
  g_string_append (xml, "</actors>\n");

  set = vp_actor_set_new_from_data (xml->str, xml->len, "huge.xml", &error);
  g_assert_null (set);
  g_assert_error (error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "huge.xml: the file is too large"));
  g_clear_error (&error);

  /* From a file, it is refused before being read. */
  dir = g_dir_make_tmp ("test-actors-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.xml", NULL);
  g_file_set_contents (path, xml->str, xml->len, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (path);
  set = vp_actor_set_new_from_file_full (file, "huge.xml", NULL, &error);
  g_assert_null (set);
  g_assert_error (error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "huge.xml: the file is too large"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_bad_binary (void)
{
  static const char data[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) set = NULL;

  set = vp_actor_set_new_from_data (data, sizeof data - 1, "picture.png", &error);
  g_assert_null (set);
  g_assert_error (error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "picture.png: "));
}

/* An entity naming a local file by its absolute path must never bring the
 * file's content into the set or the message, whichever way it is read. */
static void
test_bad_external_entity (void)
{
  g_autofree char *secret = fixture_path ("secret.txt");
  g_autofree char *uri = g_filename_to_uri (secret, NULL, NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) set = NULL;
  g_autofree char *contents = NULL;

  /* The fixture is there, so a leak would show. */
  g_assert_true (g_file_get_contents (secret, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "TOP-SECRET-MARKER"));

  for (guint i = 0; i < 2; i++)
    {
      const char *target = i == 0 ? secret : uri;

      xml = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                             "<!DOCTYPE actors [ <!ENTITY secret SYSTEM \"%s\"> ]>\n"
                             ROOT_START
                             "  <actor id=\"atlantis\" name=\"&secret;\">"
                             "<alias>&secret;</alias></actor>\n"
                             "</actors>\n", target);

      set = vp_actor_set_new_from_data (xml, strlen (xml), "xxe.xml", &error);
      g_assert_null (set);
      g_assert_error (error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_INVALID);
      g_assert_null (strstr (error->message, "TOP-SECRET-MARKER"));
      g_clear_error (&error);
      g_clear_pointer (&xml, g_free);
    }
}

static void
test_bad_billion_laughs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VpActorSet) set = NULL;
  gint64 start = g_get_monotonic_time ();

  set = load_fixture ("billion-laughs.xml", &error);
  g_assert_null (set);
  g_assert_error (error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_INVALID);

  /* Refused before any expansion: a gigabyte of "lol" would take seconds
   * and show in the sanitizers' memory use. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_null (strstr (error->message, "lollol"));
}

static void
test_ids (void)
{
  static const char * const valid[] = {
    "us", "iran", "saudi-arabia", "g7", "a", "1", "al-qaeda", "a-b-c",
  };
  static const char * const invalid[] = {
    "", "US", "Iran", "saudi_arabia", "saudi--arabia", "-us", "us-", "u s", "é", "us\n", "ü",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (vp_actor_id_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (vp_actor_id_is_valid (invalid[i]));
  g_assert_false (vp_actor_id_is_valid (NULL));
}

static void
test_colors_and_kinds (void)
{
  VpActorKind kind = VP_ACTOR_KIND_OTHER;

  g_assert_true (vp_actor_color_is_valid ("#0072b2"));
  g_assert_true (vp_actor_color_is_valid ("#E69F00"));
  g_assert_false (vp_actor_color_is_valid ("0072b2"));
  g_assert_false (vp_actor_color_is_valid ("#0072b"));
  g_assert_false (vp_actor_color_is_valid ("#0072b2f"));
  g_assert_false (vp_actor_color_is_valid ("#00x2b2"));
  g_assert_false (vp_actor_color_is_valid ("blue"));
  g_assert_false (vp_actor_color_is_valid (NULL));

  for (VpActorKind k = VP_ACTOR_KIND_STATE; k <= VP_ACTOR_KIND_OTHER; k++)
    {
      g_assert_true (vp_actor_kind_from_string (vp_actor_kind_to_string (k), &kind));
      g_assert_cmpint (kind, ==, k);
    }
  g_assert_cmpstr (vp_actor_kind_to_string (VP_ACTOR_KIND_ORGANISATION), ==, "organisation");
  g_assert_false (vp_actor_kind_from_string ("country", &kind));
  g_assert_false (vp_actor_kind_from_string (NULL, &kind));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_actor_properties (void)
{
  g_autoptr(VpActor) actor = vp_actor_new ("atlantis", "Atlantis");
  g_auto(GStrv) aliases = NULL;
  g_auto(GStrv) exclusions = NULL;
  g_autofree char *id = NULL;
  guint name_count = 0;
  guint enabled_count = 0;
  guint color_count = 0;
  guint kind_count = 0;
  guint aliases_count = 0;
  guint exclusions_count = 0;
  gboolean case_sensitive;

  g_signal_connect (actor, "notify::name", G_CALLBACK (count_notify_cb), &name_count);
  g_signal_connect (actor, "notify::enabled", G_CALLBACK (count_notify_cb), &enabled_count);
  g_signal_connect (actor, "notify::color", G_CALLBACK (count_notify_cb), &color_count);
  g_signal_connect (actor, "notify::kind", G_CALLBACK (count_notify_cb), &kind_count);
  g_signal_connect (actor, "notify::aliases", G_CALLBACK (count_notify_cb), &aliases_count);
  g_signal_connect (actor, "notify::exclusions", G_CALLBACK (count_notify_cb), &exclusions_count);

  /* New actors are enabled, grey, of no particular kind. */
  g_assert_true (vp_actor_get_enabled (actor));
  g_assert_cmpstr (vp_actor_get_color (actor), ==, VP_ACTOR_DEFAULT_COLOR);
  g_assert_cmpint (vp_actor_get_kind (actor), ==, VP_ACTOR_KIND_OTHER);

  /* Notifications come only on a real change. */
  vp_actor_set_enabled (actor, TRUE);
  g_assert_cmpuint (enabled_count, ==, 0);
  vp_actor_set_enabled (actor, FALSE);
  vp_actor_set_enabled (actor, FALSE);
  g_assert_cmpuint (enabled_count, ==, 1);
  g_object_set (actor, "enabled", TRUE, NULL);
  g_assert_cmpuint (enabled_count, ==, 2);

  vp_actor_set_name (actor, "  Lost   Atlantis ");
  g_assert_cmpstr (vp_actor_get_name (actor), ==, "Lost Atlantis");
  vp_actor_set_name (actor, "Lost Atlantis");
  g_assert_cmpuint (name_count, ==, 1);
  vp_actor_set_name (actor, "   ");
  g_assert_cmpstr (vp_actor_get_name (actor), ==, "atlantis");
  g_assert_cmpuint (name_count, ==, 2);

  vp_actor_set_color (actor, "#56B4E9");
  g_assert_cmpstr (vp_actor_get_color (actor), ==, "#56b4e9");
  vp_actor_set_color (actor, "#56b4e9");
  g_assert_cmpuint (color_count, ==, 1);

  vp_actor_set_kind (actor, VP_ACTOR_KIND_STATE);
  vp_actor_set_kind (actor, VP_ACTOR_KIND_STATE);
  g_assert_cmpuint (kind_count, ==, 1);

  vp_actor_add_alias (actor, "Atlantis", FALSE);
  vp_actor_add_alias (actor, " ATL ", TRUE);
  g_assert_cmpuint (aliases_count, ==, 2);
  g_assert_cmpuint (vp_actor_get_n_aliases (actor), ==, 2);
  assert_alias (actor, 1, "ATL", TRUE);

  /* Adding an alias again changes only its flag. */
  vp_actor_add_alias (actor, "ATL", TRUE);
  g_assert_cmpuint (aliases_count, ==, 2);
  vp_actor_add_alias (actor, "ATL", FALSE);
  g_assert_cmpuint (aliases_count, ==, 3);
  g_assert_cmpuint (vp_actor_get_n_aliases (actor), ==, 2);
  g_assert_cmpstr (vp_actor_get_alias (actor, 1, &case_sensitive), ==, "ATL");
  g_assert_false (case_sensitive);

  g_assert_false (vp_actor_remove_alias (actor, "Mu"));
  g_assert_true (vp_actor_remove_alias (actor, "Atlantis"));
  g_assert_cmpuint (aliases_count, ==, 4);
  g_assert_cmpuint (vp_actor_get_n_aliases (actor), ==, 1);

  vp_actor_add_exclusion (actor, "Atlantis  Hotel");
  vp_actor_add_exclusion (actor, "Atlantis Hotel");
  vp_actor_add_exclusion (actor, "ATL Airport");
  g_assert_cmpuint (exclusions_count, ==, 2);
  g_assert_cmpstrv (vp_actor_get_exclusions (actor),
                    ((const char *[]) { "Atlantis Hotel", "ATL Airport", NULL }));
  g_assert_true (vp_actor_remove_exclusion (actor, "Atlantis Hotel"));
  g_assert_false (vp_actor_remove_exclusion (actor, "Atlantis Hotel"));
  g_assert_cmpuint (exclusions_count, ==, 3);

  g_assert_true (vp_actor_phrase_is_valid ("U.S."));
  g_assert_true (vp_actor_phrase_is_valid ("ایران"));
  g_assert_false (vp_actor_phrase_is_valid ("..."));
  g_assert_false (vp_actor_phrase_is_valid (" "));
  g_assert_false (vp_actor_phrase_is_valid ("\xff"));

  g_object_get (actor, "id", &id, "aliases", &aliases, "exclusions", &exclusions, NULL);
  g_assert_cmpstr (id, ==, "atlantis");
  g_assert_cmpstrv (aliases, ((const char *[]) { "ATL", NULL }));
  g_assert_cmpstrv (exclusions, ((const char *[]) { "ATL Airport", NULL }));
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u;", position, removed, added);
}

static void
changed_cb (VpActorSet *set,
            guint      *count)
{
  (*count)++;
}

static void
test_list_model (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new ();
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(VpActor) a = vp_actor_new ("a", "A");
  g_autoptr(VpActor) b = vp_actor_new ("b", "B");
  g_autoptr(VpActor) c = vp_actor_new ("c", "C");
  g_autoptr(VpActor) item = NULL;
  guint changed = 0;
  guint position = G_MAXUINT;

  g_signal_connect (set, "items-changed", G_CALLBACK (items_changed_cb), log);
  g_signal_connect (set, "changed", G_CALLBACK (changed_cb), &changed);

  vp_actor_set_add (set, a);
  vp_actor_set_add (set, b);
  vp_actor_set_add (set, c);
  g_assert_cmpstr (log->str, ==, "0-0+1;1-0+1;2-0+1;");
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 3);

  item = g_list_model_get_item (G_LIST_MODEL (set), 1);
  g_assert_true (item == b);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (set), 3));

  g_assert_true (vp_actor_set_lookup (set, "c") == c);
  g_assert_true (vp_actor_set_find (set, "c", &position));
  g_assert_cmpuint (position, ==, 2);
  g_assert_false (vp_actor_set_find (set, "d", &position));

  /* Editing an actor in the set is a change of the set. */
  vp_actor_set_enabled (c, FALSE);
  vp_actor_add_alias (c, "Sea", FALSE);
  g_assert_cmpuint (changed, ==, 5);

  g_string_truncate (log, 0);
  g_assert_true (vp_actor_set_remove (set, "b"));
  g_assert_false (vp_actor_set_remove (set, "b"));
  g_assert_cmpstr (log->str, ==, "1-1+0;");
  g_assert_cmpuint (changed, ==, 6);
  g_assert_null (vp_actor_set_lookup (set, "b"));
  g_assert_true (vp_actor_set_find (set, "c", &position));
  g_assert_cmpuint (position, ==, 1);

  /* A removed actor is no longer followed. */
  vp_actor_set_enabled (b, FALSE);
  g_assert_cmpuint (changed, ==, 6);

  g_clear_object (&item);
  g_assert_true (vp_actor_set_remove (set, "a"));
  g_assert_true (vp_actor_set_remove (set, "c"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&set));
  g_assert_finalize_object (g_steal_pointer (&a));
}

static void
test_equal (void)
{
  g_autoptr(VpActorSet) one = vp_actor_set_new_default ();
  g_autoptr(VpActorSet) two = vp_actor_set_new_default ();

  g_assert_true (vp_actor_set_equal (one, two));

  vp_actor_add_alias (vp_actor_set_lookup (two, "iran"), "Iran", TRUE);
  g_assert_false (vp_actor_set_equal (one, two));
  vp_actor_add_alias (vp_actor_set_lookup (two, "iran"), "Iran", FALSE);
  g_assert_true (vp_actor_set_equal (one, two));

  vp_actor_set_remove (two, "libya");
  g_assert_false (vp_actor_set_equal (one, two));
}

static void
test_copy_and_assign (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new_default ();
  g_autoptr(VpActorSet) copy = vp_actor_set_copy (set);
  VpActor *iran = vp_actor_set_lookup (set, "iran");
  g_autoptr(VpActor) edited = vp_actor_copy (iran);
  guint notified = 0;

  /* A copy is equal, and made of other objects. */
  g_assert_true (vp_actor_set_equal (set, copy));
  g_assert_true (vp_actor_set_lookup (copy, "iran") != iran);
  g_assert_true (vp_actor_equal (edited, iran));
  g_assert_cmpstr (vp_actor_get_id (edited), ==, "iran");

  vp_actor_set_name (edited, "Islamic Republic of Iran");
  vp_actor_set_color (edited, "#123456");
  vp_actor_set_kind (edited, VP_ACTOR_KIND_GROUP);
  vp_actor_set_enabled (edited, FALSE);
  vp_actor_remove_alias (edited, "Persia");
  vp_actor_add_alias (edited, "IRI", TRUE);
  vp_actor_add_exclusion (edited, "Iran Air");
  g_assert_false (vp_actor_equal (edited, iran));

  /* Changing the copy leaves the original alone. */
  g_assert_true (vp_actor_set_equal (set, copy));

  g_signal_connect (set, "changed", G_CALLBACK (changed_cb), &notified);
  vp_actor_assign (iran, edited);
  g_assert_true (vp_actor_equal (edited, iran));
  g_assert_false (vp_actor_set_equal (set, copy));
  /* Once per property that changed. */
  g_assert_cmpuint (notified, ==, 6);

  notified = 0;
  vp_actor_assign (iran, edited);
  g_assert_cmpuint (notified, ==, 0);

  vp_actor_assign (iran, vp_actor_set_lookup (copy, "iran"));
  g_assert_true (vp_actor_set_equal (set, copy));
}

static void
test_insert (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new ();
  g_autoptr(VpActor) a = vp_actor_new ("a", NULL);
  g_autoptr(VpActor) b = vp_actor_new ("b", NULL);
  g_autoptr(VpActor) c = vp_actor_new ("c", NULL);
  g_autoptr(GString) log = g_string_new (NULL);
  guint position;

  g_signal_connect (set, "items-changed", G_CALLBACK (items_changed_cb), log);
  vp_actor_set_insert (set, 0, b);
  vp_actor_set_insert (set, 0, a);
  vp_actor_set_insert (set, 2, c);
  g_assert_cmpstr (log->str, ==, "0-0+1;0-0+1;2-0+1;");
  g_assert_true (vp_actor_set_find (set, "a", &position));
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (vp_actor_set_find (set, "c", &position));
  g_assert_cmpuint (position, ==, 2);

  /* An inserted actor is followed like an added one. */
  g_string_truncate (log, 0);
  vp_actor_set_remove (set, "b");
  vp_actor_set_insert (set, 1, b);
  g_assert_cmpstr (log->str, ==, "1-1+0;1-0+1;");
  g_assert_true (vp_actor_set_find (set, "b", &position));
  g_assert_cmpuint (position, ==, 1);
}

static void
test_alias_helpers (void)
{
  g_autoptr(VpActor) actor = vp_actor_new ("us", "United States");
  static const struct { const char *alias; gboolean case_sensitive; } guesses[] = {
    { "US", TRUE }, { "U.S.", TRUE }, { "GCC", TRUE }, { "IRGC", TRUE },
    { "Us", FALSE }, { "us", FALSE }, { "United States", FALSE }, { "Nato", FALSE },
    { "1979", FALSE }, { "ایران", FALSE }, { "ΕΕ", TRUE },
  };

  vp_actor_add_alias (actor, "United  States", FALSE);
  vp_actor_add_exclusion (actor, "Latin America");
  g_assert_true (vp_actor_has_alias (actor, "United States"));
  g_assert_true (vp_actor_has_alias (actor, " United\nStates "));
  g_assert_false (vp_actor_has_alias (actor, "united states"));
  g_assert_true (vp_actor_has_exclusion (actor, "Latin  America"));
  g_assert_false (vp_actor_has_exclusion (actor, "United States"));

  for (guint i = 0; i < G_N_ELEMENTS (guesses); i++)
    {
      g_test_message ("%s", guesses[i].alias);
      g_assert_cmpint (vp_actor_guess_case_sensitive (guesses[i].alias), ==,
                       guesses[i].case_sensitive);
    }
}

static void
test_new_ids (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new_default ();
  static const struct { const char *name; const char *id; } cases[] = {
    { "Gulf Cooperation Council", "gulf-cooperation-council" },
    { "  Obama administration ", "obama-administration" },
    { "Türkiye", "turkiye" },
    { "Iran", "iran-2" },
    { "Saudi Arabia", "saudi-arabia-2" },
    { "U.S. Congress", "u-s-congress" },
    { "ایران", "actor" },
    { "!!!", "actor" },
    { "A very long name for an actor that goes on and on and on",
      "a-very-long-name-for-an-actor-that-goes" },
    { "Pneumonoultramicroscopicsilicovolcanoconiosis", "pneumonoultramicroscopicsilicovolcanocon" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = vp_actor_set_dup_new_id (set, cases[i].name);

      g_assert_cmpstr (id, ==, cases[i].id);
      g_assert_true (vp_actor_id_is_valid (id));
    }

  /* The number counts up past every id taken. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = vp_actor_set_dup_new_id (set, "Hamas");
      g_autoptr(VpActor) actor = vp_actor_new (id, "Hamas");

      vp_actor_set_add (set, actor);
    }
  g_assert_nonnull (vp_actor_set_lookup (set, "hamas-2"));
  g_assert_nonnull (vp_actor_set_lookup (set, "hamas-3"));
  g_assert_nonnull (vp_actor_set_lookup (set, "hamas-4"));
}

static void
test_suggest_color (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new_default ();
  g_autoptr(VpActorSet) empty = vp_actor_set_new ();
  const char * const *palette = vp_actor_get_palette ();
  guint n = g_strv_length ((char **)palette);

  g_assert_cmpuint (n, ==, 16);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (vp_actor_color_is_valid (palette[i]));
      g_assert_cmpstr (palette[i], !=, "#000000");
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (palette[i], !=, palette[j]);
    }

  g_assert_cmpstr (vp_actor_set_suggest_color (empty), ==, "#0072b2");

  /* The default set's three enabled actors take blue, orange and green. */
  g_assert_cmpstr (vp_actor_set_suggest_color (set), ==, "#d55e00");

  /* With every colour taken, the least used. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("extra-%u", i);
      g_autoptr(VpActor) actor = vp_actor_new (id, NULL);

      vp_actor_set_color (actor, palette[i]);
      vp_actor_set_add (empty, actor);
      if (i != 3)
        {
          g_autofree char *id2 = g_strdup_printf ("again-%u", i);
          g_autoptr(VpActor) again = vp_actor_new (id2, NULL);

          vp_actor_set_color (again, palette[i]);
          vp_actor_set_add (empty, again);
        }
    }
  g_assert_cmpstr (vp_actor_set_suggest_color (empty), ==, palette[3]);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Each test of the user's set starts without one. */
static void
forget_user_set (void)
{
  g_autofree char *folder = g_build_filename (g_get_user_config_dir (), "viewpoints", NULL);

  remove_tree (folder);
}

static void
test_user_set (void)
{
  g_autoptr(GFile) file = vp_actor_set_get_user_file ();
  g_autofree char *expected = g_build_filename (g_get_user_config_dir (), "viewpoints",
                                                "actors.xml", NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(VpActorSet) set = NULL;
  g_autoptr(VpActorSet) again = NULL;
  g_autoptr(VpActorSet) other = NULL;
  g_autoptr(VpActorSet) bad = NULL;
  g_autoptr(VpActorSet) defaults = vp_actor_set_new_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *contents = NULL;
  GStatBuf st;

  forget_user_set ();
  g_assert_cmpstr (path, ==, expected);

  /* Nothing saved yet: the defaults. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  set = vp_actor_set_new_user (&error);
  g_assert_no_error (error);
  g_assert_true (vp_actor_set_equal (set, defaults));

  /* Saved, with its folder made private, and read back the same. */
  vp_actor_set_enabled (vp_actor_set_lookup (set, "iraq"), TRUE);
  vp_actor_add_alias (vp_actor_set_lookup (set, "us"), "Obama administration", FALSE);
  g_assert_true (vp_actor_set_save_user (set, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (g_get_user_config_dir (), &st), ==, 0);
  {
    g_autofree char *folder = g_path_get_dirname (path);

    g_assert_cmpint (g_stat (folder, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }
  again = vp_actor_set_new_user (&error);
  g_assert_no_error (error);
  g_assert_true (vp_actor_set_equal (set, again));
  g_assert_false (vp_actor_set_equal (again, defaults));

  /* Exported and imported through the same code. */
  {
    g_autofree char *export_path = g_build_filename (g_get_user_config_dir (), "export.xml",
                                                     NULL);
    g_autoptr(GFile) export_file = g_file_new_for_path (export_path);

    g_assert_true (vp_actor_set_save_to_file (set, export_file, NULL, &error));
    g_assert_no_error (error);
    other = vp_actor_set_new_from_file (export_file, &error);
    g_assert_no_error (error);
    g_assert_true (vp_actor_set_equal (set, other));
  }

  /* A bad file is an error that names it; it is left as it is, for the
   * user to mend. */
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_true (g_file_set_contents (path, "<actors>", -1, NULL));
  bad = vp_actor_set_new_user (&error);
  g_assert_null (bad);
  g_assert_error (error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "<actors>");
  g_clear_error (&error);

  /* Saving over it mends it. */
  g_assert_true (vp_actor_set_save_user (set, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, saved);
}

static void
test_user_set_unwritable (void)
{
  g_autoptr(VpActorSet) set = vp_actor_set_new_default ();
  g_autoptr(GFile) file = vp_actor_set_get_user_file ();
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("Running as root, which may write in read-only folders");
      return;
    }

  forget_user_set ();
  g_assert_true (vp_actor_set_save_user (set, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (folder, 0500), ==, 0);

  vp_actor_set_enabled (vp_actor_set_lookup (set, "iraq"), TRUE);
  g_assert_false (vp_actor_set_save_user (set, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_cmpint (g_chmod (folder, 0700), ==, 0);

  /* The previous set is still there. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "id=\"iraq\" name=\"Iraq\" color=\"#d55e00\" kind=\"state\" "
                                   "enabled=\"true\""));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  int status;

  /* The user's actor set goes to a configuration folder of the tests' own,
   * set before GLib reads it. (G_TEST_OPTION_ISOLATE_DIRS would do it for
   * each test, but GLib keeps the folders' old names for the life of the
   * process, which the leak checker reports.) */
  config = g_dir_make_tmp ("vp-test-actors-XXXXXX", NULL);
  g_assert_nonnull (config);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vp/actors/load-default", test_load_default);
  g_test_add_func ("/vp/actors/load-file", test_load_file);
  g_test_add_func ("/vp/actors/load-empty-set", test_load_empty_set);
  g_test_add_func ("/vp/actors/round-trip", test_round_trip);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vp/actors/bad-file/%s", bad_files[i].fixture);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }

  g_test_add_func ("/vp/actors/bad-file/folder", test_bad_folder);
  g_test_add_func ("/vp/actors/bad-file/too-large", test_bad_too_large);
  g_test_add_func ("/vp/actors/bad-file/binary", test_bad_binary);
  g_test_add_func ("/vp/actors/bad-file/external-entity-absolute", test_bad_external_entity);
  g_test_add_func ("/vp/actors/bad-file/billion-laughs-quick", test_bad_billion_laughs);
  g_test_add_func ("/vp/actors/ids", test_ids);
  g_test_add_func ("/vp/actors/colors-and-kinds", test_colors_and_kinds);
  g_test_add_func ("/vp/actors/properties", test_actor_properties);
  g_test_add_func ("/vp/actors/list-model", test_list_model);
  g_test_add_func ("/vp/actors/equal", test_equal);
  g_test_add_func ("/vp/actors/copy-and-assign", test_copy_and_assign);
  g_test_add_func ("/vp/actors/insert", test_insert);
  g_test_add_func ("/vp/actors/alias-helpers", test_alias_helpers);
  g_test_add_func ("/vp/actors/new-ids", test_new_ids);
  g_test_add_func ("/vp/actors/suggest-color", test_suggest_color);
  g_test_add_func ("/vp/actors/user-set", test_user_set);
  g_test_add_func ("/vp/actors/user-set-unwritable", test_user_set_unwritable);

  status = g_test_run ();
  remove_tree (config);

  return status;
}
