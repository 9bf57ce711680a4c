/* vp-exporter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-exporter"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "vp-comparison.h"
#include "vp-exporter.h"

gboolean
vp_export_format_from_string (const char     *name,
                              VpExportFormat *format)
{
  static const struct { const char *name; VpExportFormat format; } names[] = {
    { "text", VP_EXPORT_FORMAT_TEXT },
    { "json", VP_EXPORT_FORMAT_JSON },
    { "markdown", VP_EXPORT_FORMAT_MARKDOWN },
    { "md", VP_EXPORT_FORMAT_MARKDOWN },
    { "csv", VP_EXPORT_FORMAT_CSV },
  };

  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (name, names[i].name) == 0)
        {
          if (format != NULL)
            *format = names[i].format;
          return TRUE;
        }
    }

  return FALSE;
}

/* The enabled actors, in the set's order: the ones mentions are counted for. */
static GPtrArray *
enabled_actors (VpActorSet *actors)
{
  GPtrArray *enabled = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = actors != NULL ? g_list_model_get_n_items (G_LIST_MODEL (actors)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (actors), i);

      if (vp_actor_get_enabled (actor))
        g_ptr_array_add (enabled, g_steal_pointer (&actor));
    }

  return enabled;
}

static const char *
actor_name (VpActorSet *actors,
            const char *id)
{
  VpActor *actor = actors != NULL ? vp_actor_set_lookup (actors, id) : NULL;

  return actor != NULL ? vp_actor_get_name (actor) : id;
}

static VpOutlineSection *
get_section (VpArticle *article,
             guint      i)
{
  g_autoptr(VpOutlineSection) section = g_list_model_get_item (vp_article_get_sections (article), i);

  /* The article's list keeps its own reference. */
  return section;
}

static VpOutlineItem *
get_recommendation (VpArticle *article,
                    guint      i)
{
  g_autoptr(VpOutlineItem) item = g_list_model_get_item (vp_article_get_recommendations (article), i);

  return item;
}

/* JSON */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *values)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_json_item (JsonBuilder   *builder,
               VpOutlineItem *item,
               gboolean       with_label)
{
  guint n_children = vp_outline_item_get_n_children (item);

  json_builder_begin_object (builder);
  if (with_label)
    add_string_or_null (builder, "label", vp_outline_item_get_label (item));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, vp_outline_item_get_text (item));
  add_strv (builder, "actors", vp_outline_item_get_actors (item));

  if (n_children > 0)
    {
      json_builder_set_member_name (builder, "children");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_children; i++)
        add_json_item (builder, vp_outline_item_get_child (item, i), TRUE);
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
add_json_article (JsonBuilder *builder,
                  VpArticle   *article,
                  GPtrArray   *actors)
{
  GListModel *sections = vp_article_get_sections (article);
  GListModel *recommendations = vp_article_get_recommendations (article);
  guint n_sections = g_list_model_get_n_items (sections);
  guint n_recommendations = g_list_model_get_n_items (recommendations);
  guint n_blocks = vp_article_get_n_blocks (article);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, vp_article_get_source (article));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, vp_article_get_title (article) != NULL ?
                                          vp_article_get_title (article) : "");
  add_strv (builder, "authors", vp_article_get_authors (article));
  add_string_or_null (builder, "outlet", vp_article_get_outlet (article));
  add_string_or_null (builder, "site", vp_article_get_site (article));
  add_string_or_null (builder, "published", vp_article_get_published (article));
  add_string_or_null (builder, "language", vp_article_get_language (article));

  json_builder_set_member_name (builder, "sections");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_sections; i++)
    {
      VpOutlineSection *section = get_section (article, i);
      guint n_items = vp_outline_section_get_n_items (section);
      int expected = vp_outline_section_get_expected_count (section);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "heading", vp_outline_section_get_heading (section));
      add_string_or_null (builder, "lead_in", vp_outline_section_get_lead_in (section));
      json_builder_set_member_name (builder, "expected_count");
      if (expected >= 0)
        json_builder_add_int_value (builder, expected);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint j = 0; j < n_items; j++)
        add_json_item (builder, vp_outline_section_get_item (section, j), TRUE);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "recommendations");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_recommendations; i++)
    add_json_item (builder, get_recommendation (article, i), FALSE);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "mentions");
  json_builder_begin_object (builder);
  for (guint i = 0; i < actors->len; i++)
    {
      const char *id = vp_actor_get_id (g_ptr_array_index (actors, i));

      json_builder_set_member_name (builder, id);
      json_builder_add_int_value (builder, vp_article_count_mentions (article, id));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "blocks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_blocks; i++)
    {
      const VpBlock *block = vp_article_get_block (article, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, vp_block_kind_to_string (block->kind));
      if (block->kind == VP_BLOCK_HEADING)
        {
          json_builder_set_member_name (builder, "level");
          json_builder_add_int_value (builder, block->level);
        }
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, block->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_strv (builder, "warnings", vp_article_get_warnings (article));

  json_builder_end_object (builder);
}

/* "comparison": {"matrix": {"iran": [{"mentions", "proposals"}, …]},
 *                "groups": [[{"article", "section", "item"}, …], …]} */
static void
add_json_comparison (JsonBuilder  *builder,
                     VpComparison *comparison)
{
  guint n_articles = vp_comparison_get_n_articles (comparison);
  guint n_actors = vp_comparison_get_n_actors (comparison);
  guint n_groups = vp_comparison_get_n_groups (comparison);

  json_builder_set_member_name (builder, "comparison");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "matrix");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_actors; i++)
    {
      json_builder_set_member_name (builder, vp_actor_get_id (vp_comparison_get_actor (comparison, i)));
      json_builder_begin_array (builder);
      for (guint a = 0; a < n_articles; a++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "mentions");
          json_builder_add_int_value (builder, vp_comparison_get_mentions (comparison, i, a));
          json_builder_set_member_name (builder, "proposals");
          json_builder_add_int_value (builder, vp_comparison_get_proposals (comparison, i, a));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint g = 0; g < n_groups; g++)
    {
      guint n_members;
      const VpProposalRef *members = vp_comparison_get_group (comparison, g, &n_members);

      json_builder_begin_array (builder);
      for (guint k = 0; k < n_members; k++)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "article");
          json_builder_add_int_value (builder, members[k].article);
          json_builder_set_member_name (builder, "section");
          json_builder_add_int_value (builder, members[k].section);
          json_builder_set_member_name (builder, "item");
          json_builder_add_int_value (builder, members[k].item);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

static GBytes *
export_json (GPtrArray    *articles,
             VpActorSet   *actor_set,
             VpComparison *given)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) actors = enabled_actors (actor_set);
  gsize length = 0;
  char *data;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < articles->len; i++)
    add_json_article (builder, g_ptr_array_index (articles, i), actors);
  json_builder_end_array (builder);

  /* Only several articles have anything to compare. */
  if (articles->len > 1)
    {
      g_autoptr(VpComparison) comparison = given != NULL ? g_object_ref (given)
                                                         : vp_comparison_new (articles, actor_set);

      add_json_comparison (builder, comparison);
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  data = json_generator_to_data (generator, &length);

  /* End with a newline, as text files do. */
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';

  return g_bytes_new_take (data, length);
}

/* Plain text, for people reading a terminal. */

static void
append_byline (GString   *out,
               VpArticle *article,
               gboolean   markdown)
{
  const char * const *authors = vp_article_get_authors (article);
  const char *outlet = vp_article_get_outlet (article);
  const char *site = vp_article_get_site (article);
  const char *published = vp_article_get_published (article);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = NULL;

  if (authors[0] != NULL)
    {
      GString *names = g_string_new (NULL);
      guint n = g_strv_length ((char **)authors);

      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (names, i == n - 1 ? _(" and ") : ", ");
          g_string_append (names, authors[i]);
        }

      /* Translators: the authors of an article, as in "By Ann Lee and Bo Kim" */
      g_ptr_array_add (parts, g_strdup_printf (_("By %s"), names->str));
      g_string_free (names, TRUE);
    }
  if (outlet != NULL)
    /* Translators: the publication an article was written for */
    g_ptr_array_add (parts, g_strdup_printf (_("for %s"), outlet));
  if (site != NULL && g_strcmp0 (site, outlet) != 0)
    g_ptr_array_add (parts, g_strdup (site));
  if (published != NULL)
    g_ptr_array_add (parts, g_strdup (published));

  if (parts->len == 0)
    return;

  g_ptr_array_add (parts, NULL);
  line = g_strjoinv (" · ", (char **)parts->pdata);

  if (markdown)
    g_string_append_printf (out, "*%s*\n\n", line);
  else
    g_string_append_printf (out, "%s\n", line);
}

static void
append_text_item (GString       *out,
                  VpActorSet    *actors,
                  VpOutlineItem *item,
                  guint          depth)
{
  const char *label = vp_outline_item_get_label (item);
  const char * const *ids = vp_outline_item_get_actors (item);
  guint n_children = vp_outline_item_get_n_children (item);

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");

  if (label != NULL)
    g_string_append_printf (out, "%s. ", label);
  else
    g_string_append (out, "• ");

  g_string_append (out, vp_outline_item_get_text (item));

  if (ids[0] != NULL)
    {
      g_autofree char *names = vp_actor_set_join_names (actors, ids, ", ");

      g_string_append_printf (out, " [%s]", names);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n_children; i++)
    append_text_item (out, actors, vp_outline_item_get_child (item, i), depth + 1);
}

static char *
count_warning (VpOutlineSection *section)
{
  guint found = vp_outline_section_get_n_items (section);
  int expected = vp_outline_section_get_expected_count (section);

  /* Translators: the lead-in of a list says how many points follow, and
   * the list has another number of points */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The lead-in announces %d point; %u found.",
                                       "The lead-in announces %d points; %u found.",
                                       expected),
                          expected, found);
}

static void
append_mention_counts (GString    *out,
                       VpArticle  *article,
                       GPtrArray  *actors,
                       const char *prefix,
                       const char *suffix)
{
  if (actors->len == 0)
    return;

  g_string_append (out, prefix);
  for (guint i = 0; i < actors->len; i++)
    {
      VpActor *actor = g_ptr_array_index (actors, i);

      g_string_append_printf (out, "%s%s %u", i > 0 ? ", " : "",
                              vp_actor_get_name (actor),
                              vp_article_count_mentions (article, vp_actor_get_id (actor)));
    }
  g_string_append (out, suffix);
}

static GBytes *
export_text (GPtrArray  *articles,
             VpActorSet *actor_set)
{
  g_autoptr(GPtrArray) actors = enabled_actors (actor_set);
  GString *out = g_string_new (NULL);

  for (guint a = 0; a < articles->len; a++)
    {
      VpArticle *article = g_ptr_array_index (articles, a);
      GListModel *sections = vp_article_get_sections (article);
      guint n_sections = g_list_model_get_n_items (sections);
      guint n_recommendations = g_list_model_get_n_items (vp_article_get_recommendations (article));
      const char *title = vp_article_get_title (article);

      if (a > 0)
        g_string_append (out, "\n\n");

      g_string_append_printf (out, "%s\n", title != NULL ? title : _("Untitled"));
      append_byline (out, article, FALSE);
      g_string_append_printf (out, "%s\n", vp_article_get_source (article));

      if (n_sections == 0)
        g_string_append_printf (out, "\n  %s\n", _("No enumerated points."));

      for (guint i = 0; i < n_sections; i++)
        {
          VpOutlineSection *section = get_section (article, i);
          guint n_items = vp_outline_section_get_n_items (section);

          g_string_append_c (out, '\n');
          if (vp_outline_section_get_heading (section) != NULL)
            g_string_append_printf (out, "  %s\n", vp_outline_section_get_heading (section));
          if (vp_outline_section_get_lead_in (section) != NULL)
            g_string_append_printf (out, "  %s\n", vp_outline_section_get_lead_in (section));
          if (vp_outline_section_count_differs (section))
            {
              g_autofree char *warning = count_warning (section);

              g_string_append_printf (out, "  (%s)\n", warning);
            }

          for (guint j = 0; j < n_items; j++)
            append_text_item (out, actor_set, vp_outline_section_get_item (section, j), 2);
        }

      if (n_recommendations > 0)
        {
          g_string_append_printf (out, "\n  %s\n", _("Recommendations"));
          for (guint i = 0; i < n_recommendations; i++)
            append_text_item (out, actor_set, get_recommendation (article, i), 2);
        }

      append_mention_counts (out, article, actors, "\n  ", "\n");
    }

  return g_string_free_to_bytes (out);
}

/* Markdown */

static void
append_markdown_escaped (GString    *out,
                         const char *text)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\': case '`': case '*': case '_': case '[': case ']':
        case '<': case '>': case '|':
          g_string_append_c (out, '\\');
          break;

        case '#': case '-': case '+': case '=':
          if (line_start)
            g_string_append_c (out, '\\');
          break;

        case '.': case ')':
          /* "1986. A year…" would start an ordered list. */
          if (p > text && g_ascii_isdigit (p[-1]))
            {
              const char *q = p;

              while (q > text && g_ascii_isdigit (q[-1]))
                q--;
              if (q == text)
                g_string_append_c (out, '\\');
            }
          break;

        default:
          break;
        }

      g_string_append_c (out, *p);
      line_start = FALSE;
    }
}

static gboolean
is_decimal (const char *label)
{
  if (label == NULL || *label == '\0')
    return FALSE;

  for (const char *p = label; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

static void
append_markdown_item (GString       *out,
                      VpActorSet    *actors,
                      VpOutlineItem *item,
                      guint          depth)
{
  const char *label = vp_outline_item_get_label (item);
  const char * const *ids = vp_outline_item_get_actors (item);
  guint n_children = vp_outline_item_get_n_children (item);

  for (guint i = 0; i < depth; i++)
    g_string_append (out, "   ");

  if (is_decimal (label))
    g_string_append_printf (out, "%s. ", label);
  else if (label != NULL)
    {
      g_string_append (out, "- **");
      append_markdown_escaped (out, label);
      g_string_append (out, ".** ");
    }
  else
    g_string_append (out, "- ");

  append_markdown_escaped (out, vp_outline_item_get_text (item));

  if (ids[0] != NULL)
    {
      g_string_append (out, " —");
      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_string_append (out, i > 0 ? ", *" : " *");
          append_markdown_escaped (out, actor_name (actors, ids[i]));
          g_string_append_c (out, '*');
        }
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n_children; i++)
    append_markdown_item (out, actors, vp_outline_item_get_child (item, i), depth + 1);
}

/* "| 1 · Title | 2 · Title |", the articles as table columns: numbered,
 * for two pieces may share a headline. */
static void
append_markdown_article_columns (GString      *out,
                                 VpComparison *comparison)
{
  guint n_articles = vp_comparison_get_n_articles (comparison);

  for (guint a = 0; a < n_articles; a++)
    {
      const char *title = vp_article_get_title (vp_comparison_get_article (comparison, a));

      g_string_append_printf (out, " %u · ", a + 1);
      append_markdown_escaped (out, title != NULL && *title != '\0' ? title : _("Untitled"));
      g_string_append (out, " |");
    }
  g_string_append_c (out, '\n');
}

static void
append_markdown_rule (GString *out,
                      guint    n_columns)
{
  g_string_append_c (out, '|');
  for (guint i = 0; i < n_columns; i++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
}

/* The comparison of several articles: the actor × article matrix, then a
 * row for each group of matching proposals, with a cell for each article
 * (empty where an article has none). */
static void
append_markdown_comparison (GString      *out,
                            VpComparison *comparison)
{
  guint n_articles = vp_comparison_get_n_articles (comparison);
  guint n_actors = vp_comparison_get_n_actors (comparison);
  guint n_groups = vp_comparison_get_n_groups (comparison);

  /* Translators: the heading of the part of an export that compares the articles */
  g_string_append_printf (out, "\n---\n\n# %s\n", _("Comparison"));

  if (n_actors > 0)
    {
      g_string_append_printf (out, "\n## %s\n\n%s\n\n", _("Actors"),
                              _("Each cell: the actor’s mentions in the article / "
                                "the article’s proposals that involve the actor."));
      /* Translators: the heading of the column of actor names */
      g_string_append_printf (out, "| %s |", _("Actor"));
      append_markdown_article_columns (out, comparison);
      append_markdown_rule (out, n_articles + 1);

      for (guint i = 0; i < n_actors; i++)
        {
          g_string_append (out, "| ");
          append_markdown_escaped (out, vp_actor_get_name (vp_comparison_get_actor (comparison, i)));
          g_string_append (out, " |");
          for (guint a = 0; a < n_articles; a++)
            g_string_append_printf (out, " %u / %u |",
                                    vp_comparison_get_mentions (comparison, i, a),
                                    vp_comparison_get_proposals (comparison, i, a));
          g_string_append_c (out, '\n');
        }
    }

  g_string_append_printf (out, "\n## %s\n\n", _("Matching proposals"));
  if (n_groups == 0)
    {
      g_string_append_printf (out, "%s\n", _("No proposal of one article matches one of another."));
      return;
    }

  g_string_append_printf (out, "%s\n\n",
                          _("Each row: proposals of different articles that say the same thing."));
  g_string_append_c (out, '|');
  append_markdown_article_columns (out, comparison);
  append_markdown_rule (out, n_articles);

  for (guint g = 0; g < n_groups; g++)
    {
      guint n_members;
      const VpProposalRef *members = vp_comparison_get_group (comparison, g, &n_members);
      guint k = 0;

      g_string_append_c (out, '|');
      for (guint a = 0; a < n_articles; a++)
        {
          if (k < n_members && members[k].article == a)
            {
              VpOutlineItem *item = vp_comparison_get_item (comparison, &members[k]);
              const char *label = vp_outline_item_get_label (item);

              g_string_append_c (out, ' ');
              if (label != NULL)
                {
                  append_markdown_escaped (out, label);
                  g_string_append (out, ". ");
                }
              append_markdown_escaped (out, vp_outline_item_get_text (item));
              g_string_append (out, " |");
              k++;
            }
          else
            g_string_append (out, "  |");
        }
      g_string_append_c (out, '\n');
    }
}

static GBytes *
export_markdown (GPtrArray    *articles,
                 VpActorSet   *actor_set,
                 VpComparison *given)
{
  g_autoptr(GPtrArray) actors = enabled_actors (actor_set);
  GString *out = g_string_new (NULL);

  for (guint a = 0; a < articles->len; a++)
    {
      VpArticle *article = g_ptr_array_index (articles, a);
      GListModel *sections = vp_article_get_sections (article);
      guint n_sections = g_list_model_get_n_items (sections);
      guint n_recommendations = g_list_model_get_n_items (vp_article_get_recommendations (article));
      const char *title = vp_article_get_title (article);

      if (a > 0)
        g_string_append (out, "\n---\n\n");

      g_string_append (out, "# ");
      append_markdown_escaped (out, title != NULL ? title : _("Untitled"));
      g_string_append (out, "\n\n");
      append_byline (out, article, TRUE);
      /* Translators: where an article was read from */
      g_string_append_printf (out, "%s `%s`\n", _("Source:"), vp_article_get_source (article));

      for (guint i = 0; i < n_sections; i++)
        {
          VpOutlineSection *section = get_section (article, i);
          guint n_items = vp_outline_section_get_n_items (section);

          g_string_append_c (out, '\n');
          if (vp_outline_section_get_heading (section) != NULL)
            {
              g_string_append (out, "## ");
              append_markdown_escaped (out, vp_outline_section_get_heading (section));
              g_string_append (out, "\n\n");
            }
          if (vp_outline_section_get_lead_in (section) != NULL)
            {
              g_string_append_c (out, '*');
              append_markdown_escaped (out, vp_outline_section_get_lead_in (section));
              g_string_append (out, "*\n\n");
            }

          for (guint j = 0; j < n_items; j++)
            append_markdown_item (out, actor_set, vp_outline_section_get_item (section, j), 0);

          if (vp_outline_section_count_differs (section))
            {
              g_autofree char *warning = count_warning (section);

              g_string_append_printf (out, "\n> **%s** %s\n", _("Note:"), warning);
            }
        }

      if (n_recommendations > 0)
        {
          g_string_append_printf (out, "\n## %s\n\n", _("Recommendations"));
          for (guint i = 0; i < n_recommendations; i++)
            append_markdown_item (out, actor_set, get_recommendation (article, i), 0);
        }

      append_mention_counts (out, article, actors, "\n**Mentions:** ", "\n");
    }

  if (articles->len > 1)
    {
      g_autoptr(VpComparison) comparison = given != NULL ? g_object_ref (given)
                                                         : vp_comparison_new (articles, actor_set);

      append_markdown_comparison (out, comparison);
    }

  return g_string_free_to_bytes (out);
}

/* CSV, RFC 4180: one row per outline item. */

static void
append_csv_field (GString    *out,
                  const char *value,
                  gboolean    last)
{
  if (value == NULL)
    value = "";

  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);

  g_string_append (out, last ? "\r\n" : ",");
}

static void
append_csv_item (GString       *out,
                 VpActorSet    *actors,
                 VpArticle     *article,
                 const char    *section_number,
                 const char    *heading,
                 const char    *parent_label,
                 VpOutlineItem *item)
{
  const char *label = vp_outline_item_get_label (item);
  g_autofree char *full_label = NULL;
  g_autofree char *names = vp_actor_set_join_names (actors, vp_outline_item_get_actors (item), "; ");
  guint n_children = vp_outline_item_get_n_children (item);

  if (parent_label != NULL)
    full_label = g_strdup_printf ("%s.%s", parent_label, label != NULL ? label : "•");
  else
    full_label = g_strdup (label);

  append_csv_field (out, vp_article_get_title (article), FALSE);
  append_csv_field (out, vp_article_get_source (article), FALSE);
  append_csv_field (out, section_number, FALSE);
  append_csv_field (out, heading, FALSE);
  append_csv_field (out, full_label, FALSE);
  append_csv_field (out, vp_outline_item_get_text (item), FALSE);
  append_csv_field (out, names, TRUE);

  for (guint i = 0; i < n_children; i++)
    append_csv_item (out, actors, article, section_number, heading,
                     full_label != NULL ? full_label : "•",
                     vp_outline_item_get_child (item, i));
}

static GBytes *
export_csv (GPtrArray  *articles,
            VpActorSet *actor_set)
{
  GString *out = g_string_new (NULL);

  g_string_append (out, "article,source,section,heading,label,text,actors\r\n");

  for (guint a = 0; a < articles->len; a++)
    {
      VpArticle *article = g_ptr_array_index (articles, a);
      guint n_sections = g_list_model_get_n_items (vp_article_get_sections (article));
      guint n_recommendations = g_list_model_get_n_items (vp_article_get_recommendations (article));

      for (guint i = 0; i < n_sections; i++)
        {
          VpOutlineSection *section = get_section (article, i);
          guint n_items = vp_outline_section_get_n_items (section);
          char number[16];

          g_snprintf (number, sizeof number, "%u", i + 1);
          for (guint j = 0; j < n_items; j++)
            append_csv_item (out, actor_set, article, number,
                             vp_outline_section_get_heading (section), NULL,
                             vp_outline_section_get_item (section, j));
        }

      for (guint i = 0; i < n_recommendations; i++)
        append_csv_item (out, actor_set, article, "recommendations", NULL, NULL,
                         get_recommendation (article, i));
    }

  return g_string_free_to_bytes (out);
}

/**
 * vp_export_outline:
 * @format: what to write
 * @articles: (element-type VpArticle): the articles, in order
 * @actors: (nullable): the actor set, for names and mention counts
 *
 * Returns: (transfer full): the outlines of @articles in @format, UTF-8
 */
GBytes *
vp_export_outline (VpExportFormat  format,
                   GPtrArray      *articles,
                   VpActorSet     *actors)
{
  return vp_export_outline_compared (format, articles, actors, NULL);
}

/**
 * vp_export_outline_compared:
 * @comparison: (nullable): the comparison of @articles, with the reader's
 *   links and threshold, for the formats that show one (JSON, Markdown)
 *   when there are several articles; %NULL to compare them afresh
 *
 * As vp_export_outline(), with the comparison the reader sees.
 *
 * Returns: (transfer full): the outlines of @articles in @format, UTF-8
 */
GBytes *
vp_export_outline_compared (VpExportFormat  format,
                            GPtrArray      *articles,
                            VpActorSet     *actors,
                            VpComparison   *comparison)
{
  g_return_val_if_fail (articles != NULL, NULL);
  g_return_val_if_fail (actors == NULL || VP_IS_ACTOR_SET (actors), NULL);
  g_return_val_if_fail (comparison == NULL ||
                        vp_comparison_get_n_articles (comparison) == articles->len, NULL);

  switch (format)
    {
    case VP_EXPORT_FORMAT_TEXT:
      return export_text (articles, actors);

    case VP_EXPORT_FORMAT_JSON:
      return export_json (articles, actors, comparison);

    case VP_EXPORT_FORMAT_MARKDOWN:
      return export_markdown (articles, actors, comparison);

    case VP_EXPORT_FORMAT_CSV:
      return export_csv (articles, actors);

    default:
      g_return_val_if_reached (NULL);
    }
}
