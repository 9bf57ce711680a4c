/* vp-workspace-io.c
 *
 * Workspace files: XML, written atomically.
 *
 * A workspace file holds what the reader would lose without it: the
 * articles as they were imported (metadata and clean blocks), the actor
 * set, the reader's annotations, the view and the links between
 * proposals. What can be found again from those is not written: the
 * outline comes from the blocks (vp_outline_extract()), the automatic
 * mentions from the blocks and the actors (the workspace's tagger). The
 * undo history is not written either. docs/workspace-format.md describes
 * the format; data/workspace.rng is its schema.
 *
 * Reading trusts nothing: the file is read within a size limit, parsed
 * without a DOCTYPE (so without entities) and without the network,
 * checked against the schema and then for what the schema cannot say
 * (numbers that must point at something). A file of an older version is
 * migrated in memory; a newer one is refused. Only a file that passed
 * everything gives a workspace, so a bad file changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-workspace-io"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-actor-set-private.h"
#include "vp-error.h"
#include "vp-file.h"
#include "vp-importer.h"
#include "vp-outline-extractor.h"
#include "vp-workspace-io.h"
#include "vp-workspace-private.h"
#include "vp-xml-private.h"

/* Namespaces of other versions of the format differ in their last part;
 * recognising them lets us say that a file is newer, or migrate it. */
#define NAMESPACE_BASE "https://viewpoints.example.org/ns/workspace/"

/* How far into a file its root element is looked for when a file is
 * recognised from its contents. */
#define SNIFF_LENGTH 4096

static const char * const flag_names[] = { "ordered", "strong", "pre", "ordinal" };

/* Writing */

typedef struct
{
  xmlTextWriter *writer;
  gboolean       ok;
} Writer;

/* The writer's output: a byte array that doubles as it grows, so that a
 * large workspace is not copied over and over. */
static int
output_write_cb (void       *context,
                 const char *buffer,
                 int         length)
{
  g_byte_array_append (context, (const guint8 *)buffer, length);

  return length;
}

static int
output_close_cb (void *context)
{
  return 0;
}

/* XML 1.0 has no place for most control characters, nor for U+FFFE and
 * U+FFFF, and a file with one would not open again. The importers drop
 * them from the text they make, but other code may not; each becomes a
 * character of the same length (a space, U+FFFD), so that the byte
 * offsets of annotations still hold. Text that is not UTF-8 (a file name
 * in another encoding) is made valid. Returns @text, or a fixed copy
 * in *@copy. */
static const char *
xml_safe (const char  *text,
          char       **copy)
{
  const guchar *p;
  gsize offset;

  *copy = NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = *copy = g_utf8_make_valid (text, -1);

  for (p = (const guchar *)text; *p != '\0'; p++)
    {
      if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
          (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)))
        break;
    }

  if (*p == '\0')
    return text;

  offset = p - (const guchar *)text;
  if (*copy == NULL)
    *copy = g_strdup (text);

  for (guchar *q = (guchar *)*copy + offset; *q != '\0'; q++)
    {
      if (*q < 0x20 && *q != '\t' && *q != '\n' && *q != '\r')
        *q = ' ';
      else if (q[0] == 0xEF && q[1] == 0xBF && (q[2] == 0xBE || q[2] == 0xBF))
        q[2] = 0xBD;
    }

  return *copy;
}

static void
start_element (Writer     *w,
               const char *name)
{
  w->ok &= xmlTextWriterStartElement (w->writer, BAD_CAST name) >= 0;
}

static void
end_element (Writer *w)
{
  w->ok &= xmlTextWriterEndElement (w->writer) >= 0;
}

static void
write_attribute (Writer     *w,
                 const char *name,
                 const char *value)
{
  g_autofree char *copy = NULL;

  value = xml_safe (value, &copy);
  w->ok &= xmlTextWriterWriteAttribute (w->writer, BAD_CAST name, BAD_CAST value) >= 0;
}

static void
write_uint_attribute (Writer     *w,
                      const char *name,
                      guint64     value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_snprintf (buffer, sizeof buffer, "%" G_GUINT64_FORMAT, value);
  write_attribute (w, name, buffer);
}

static void
write_text_element (Writer     *w,
                    const char *name,
                    const char *text)
{
  g_autofree char *copy = NULL;

  text = xml_safe (text, &copy);
  start_element (w, name);
  w->ok &= xmlTextWriterWriteString (w->writer, BAD_CAST text) >= 0;
  end_element (w);
}

static void
write_optional_element (Writer     *w,
                        const char *name,
                        const char *text)
{
  if (text != NULL)
    write_text_element (w, name, text);
}

static void
write_block (Writer        *w,
             const VpBlock *block)
{
  g_autofree char *copy = NULL;
  const char *text = xml_safe (block->text != NULL ? block->text : "", &copy);

  start_element (w, "block");
  write_attribute (w, "kind", vp_block_kind_to_string (block->kind));
  if (block->level != 0)
    write_uint_attribute (w, "level", block->level);

  if (block->flags != 0)
    {
      g_autoptr(GString) flags = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (flag_names); i++)
        {
          if ((block->flags & (1 << i)) == 0)
            continue;
          if (flags->len > 0)
            g_string_append_c (flags, ' ');
          g_string_append (flags, flag_names[i]);
        }

      if (flags->len > 0)
        write_attribute (w, "flags", flags->str);
    }

  if (block->list != 0)
    write_uint_attribute (w, "list", block->list);
  if (block->parent >= 0)
    write_uint_attribute (w, "parent", block->parent);
  if (block->label != NULL)
    write_attribute (w, "label", block->label);

  w->ok &= xmlTextWriterWriteString (w->writer, BAD_CAST text) >= 0;
  end_element (w);
}

static void
write_annotation (Writer             *w,
                  const VpAnnotation *annotation)
{
  int block = vp_annotation_get_block (annotation);

  start_element (w, "annotation");
  write_attribute (w, "kind", vp_annotation_kind_to_string (vp_annotation_get_kind (annotation)));
  write_attribute (w, "actor", vp_annotation_get_actor (annotation));
  if (block == VP_MENTION_TITLE)
    write_attribute (w, "block", "title");
  else
    write_uint_attribute (w, "block", block);
  write_uint_attribute (w, "start", vp_annotation_get_start (annotation));
  write_uint_attribute (w, "end", vp_annotation_get_end (annotation));
  write_optional_element (w, "before", vp_annotation_get_before (annotation));
  write_text_element (w, "text", vp_annotation_get_text (annotation));
  write_optional_element (w, "after", vp_annotation_get_after (annotation));
  end_element (w);
}

static void
write_article (Writer    *w,
               VpArticle *article)
{
  const char * const *authors = vp_article_get_authors (article);
  const char * const *warnings = vp_article_get_warnings (article);
  guint n_blocks = vp_article_get_n_blocks (article);
  guint n_annotations = vp_article_get_n_annotations (article);

  start_element (w, "article");
  if (vp_article_get_source (article) != NULL)
    write_attribute (w, "source", vp_article_get_source (article));
  if (vp_article_get_direction (article) == VP_TEXT_DIRECTION_LTR)
    write_attribute (w, "direction", "ltr");
  else if (vp_article_get_direction (article) == VP_TEXT_DIRECTION_RTL)
    write_attribute (w, "direction", "rtl");

  write_optional_element (w, "title", vp_article_get_title (article));
  for (guint i = 0; authors[i] != NULL; i++)
    write_text_element (w, "author", authors[i]);
  write_optional_element (w, "outlet", vp_article_get_outlet (article));
  write_optional_element (w, "site", vp_article_get_site (article));
  write_optional_element (w, "published", vp_article_get_published (article));
  write_optional_element (w, "language", vp_article_get_language (article));

  start_element (w, "body");
  for (guint i = 0; i < n_blocks; i++)
    write_block (w, vp_article_get_block (article, i));
  end_element (w);

  for (guint i = 0; warnings[i] != NULL; i++)
    write_text_element (w, "warning", warnings[i]);

  if (n_annotations > 0)
    {
      start_element (w, "annotations");
      for (guint i = 0; i < n_annotations; i++)
        write_annotation (w, vp_article_get_annotation (article, i));
      end_element (w);
    }

  end_element (w);
}

static gboolean
has_view (VpWorkspace *self)
{
  guint n = vp_workspace_get_n_articles (self);

  if (vp_workspace_get_filter (self)[0] != NULL)
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) paths = vp_workspace_dup_outline_paths (self, vp_workspace_get_article (self, i));

      if (paths[0] != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
write_view (Writer      *w,
            VpWorkspace *self)
{
  const char * const *filter = vp_workspace_get_filter (self);
  guint n = vp_workspace_get_n_articles (self);

  if (!has_view (self))
    return;

  start_element (w, "view");

  for (guint i = 0; filter[i] != NULL; i++)
    {
      start_element (w, "filter");
      write_attribute (w, "actor", filter[i]);
      end_element (w);
    }

  for (guint i = 0; i < n; i++)
    {
      VpArticle *article = vp_workspace_get_article (self, i);
      g_auto(GStrv) paths = vp_workspace_dup_outline_paths (self, article);

      if (paths[0] == NULL)
        continue;

      start_element (w, "outline");
      write_uint_attribute (w, "article", i);
      for (guint j = 0; paths[j] != NULL; j++)
        {
          gboolean expanded = FALSE;

          vp_workspace_lookup_expanded (self, article, paths[j], &expanded);
          start_element (w, "node");
          write_attribute (w, "path", paths[j]);
          write_attribute (w, "expanded", expanded ? "true" : "false");
          end_element (w);
        }
      end_element (w);
    }

  end_element (w);
}

static char *
place_to_string (GHashTable            *positions,
                 const VpProposalPlace *place)
{
  gpointer position = NULL;

  if (!g_hash_table_lookup_extended (positions, place->article, NULL, &position))
    g_assert_not_reached ();

  return g_strdup_printf ("%u/%u/%u", GPOINTER_TO_UINT (position), place->section, place->item);
}

static void
write_links (Writer      *w,
             VpWorkspace *self)
{
  g_autoptr(GHashTable) positions = NULL;
  const VpWorkspaceLink *links;
  guint n_articles = vp_workspace_get_n_articles (self);
  guint n;

  links = _vp_workspace_get_links (self, &n);
  if (n == 0)
    return;

  /* Where each article is, once rather than once per link. */
  positions = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_articles; i++)
    g_hash_table_insert (positions, vp_workspace_get_article (self, i), GUINT_TO_POINTER (i));

  start_element (w, "links");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a = place_to_string (positions, &links[i].a);
      g_autofree char *b = place_to_string (positions, &links[i].b);

      start_element (w, "link");
      write_attribute (w, "kind", links[i].kind == VP_LINK_LINK ? "link" : "unlink");
      write_attribute (w, "a", a);
      write_attribute (w, "b", b);
      end_element (w);
    }
  end_element (w);
}

/**
 * vp_workspace_to_bytes:
 *
 * Writes the workspace in the workspace format (see
 * docs/workspace-format.md): the name, the actor set, the articles with
 * their annotations, the view and the links, in UTF-8 with two-space
 * indentation. The same state always gives the same bytes, and reading
 * them gives back an equal workspace (without its history).
 *
 * Returns: (transfer full): the file's contents
 */
GBytes *
vp_workspace_to_bytes (VpWorkspace *self)
{
  g_autoptr(GByteArray) output = NULL;
  xmlOutputBuffer *buffer;
  Writer w = { NULL, TRUE };
  g_autofree char *version = NULL;
  guint n;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);

  output = g_byte_array_new ();
  buffer = xmlOutputBufferCreateIO (output_write_cb, output_close_cb, output, NULL);
  if (buffer == NULL)
    g_error ("Out of memory creating an XML writer");
  /* The writer owns the buffer from here on. */
  w.writer = xmlNewTextWriter (buffer);
  if (w.writer == NULL)
    g_error ("Out of memory creating an XML writer");

  version = g_strdup_printf ("%d", VP_WORKSPACE_FORMAT_VERSION);

  w.ok &= xmlTextWriterSetIndent (w.writer, 1) >= 0;
  w.ok &= xmlTextWriterSetIndentString (w.writer, BAD_CAST "  ") >= 0;
  w.ok &= xmlTextWriterStartDocument (w.writer, NULL, "UTF-8", NULL) >= 0;

  start_element (&w, "workspace");
  write_attribute (&w, "xmlns", VP_WORKSPACE_NAMESPACE);
  write_attribute (&w, "version", version);

  write_optional_element (&w, "name", vp_workspace_get_name (self));
  w.ok &= _vp_actor_set_write (vp_workspace_get_actors (self), w.writer);

  start_element (&w, "articles");
  n = vp_workspace_get_n_articles (self);
  for (guint i = 0; i < n; i++)
    write_article (&w, vp_workspace_get_article (self, i));
  end_element (&w);

  write_view (&w, self);
  write_links (&w, self);

  end_element (&w);
  w.ok &= xmlTextWriterEndDocument (w.writer) >= 0;

  /* Freeing the writer flushes and closes its buffer into @output. */
  xmlFreeTextWriter (w.writer);

  /* Writing to memory fails only when memory runs out. */
  if (!w.ok)
    g_error ("Out of memory writing a workspace");

  return g_byte_array_free_to_bytes (g_steal_pointer (&output));
}

static gboolean
write_bytes (GFile                 *file,
             const char            *source,
             GBytes                *bytes,
             VpWorkspaceSaveFlags   flags,
             GError               **error)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (flags & VP_WORKSPACE_SAVE_NO_BACKUP)
    return vp_file_replace_contents (file, source, data, length, error);

  return vp_file_replace_contents_with_backup (file, source, data, length, error);
}

/**
 * vp_workspace_save_to_file_full:
 * @file: where to save the workspace
 * @source: (nullable): the file's name as the reader knows it, for
 *   messages; its parse name when %NULL
 * @flags: whether to keep a backup and mark the workspace saved
 * @error: a place for a %G_IO_ERROR
 *
 * Writes the workspace (see vp_workspace_to_bytes()) to @file, atomically:
 * whatever happens (a full disk, a read-only folder, a crash), @file holds
 * either its previous contents or the whole workspace. Unless @flags has
 * %VP_WORKSPACE_SAVE_NO_BACKUP, the previous version is kept next to it,
 * with “~” after its name (see vp_file_replace_with_backup()). The
 * workspace itself is never changed, except that with
 * %VP_WORKSPACE_SAVE_MARK_SAVED its state becomes the saved one once the
 * file is written.
 *
 * Returns: whether the workspace was saved; if not, @error says why in
 *   the reader's words, naming the file
 */
gboolean
vp_workspace_save_to_file_full (VpWorkspace           *self,
                                GFile                 *file,
                                const char            *source,
                                VpWorkspaceSaveFlags   flags,
                                GError               **error)
{
  g_autofree char *parse_name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (source == NULL)
    source = parse_name = g_file_get_parse_name (file);

  bytes = vp_workspace_to_bytes (self);
  if (!write_bytes (file, source, bytes, flags, error))
    return FALSE;

  if (flags & VP_WORKSPACE_SAVE_MARK_SAVED)
    vp_workspace_set_modified (self, FALSE);

  return TRUE;
}

/**
 * vp_workspace_save_to_file:
 * @file: where to save the workspace
 * @source: (nullable): the file's name as the reader knows it, for
 *   messages; its parse name when %NULL
 * @error: a place for a %G_IO_ERROR
 *
 * Saves the workspace as the reader's Save does: atomically, keeping the
 * previous version of @file as a backup, and making the state written
 * the saved one. See vp_workspace_save_to_file_full().
 *
 * Returns: whether the workspace was saved
 */
gboolean
vp_workspace_save_to_file (VpWorkspace  *self,
                           GFile        *file,
                           const char   *source,
                           GError      **error)
{
  return vp_workspace_save_to_file_full (self, file, source, VP_WORKSPACE_SAVE_MARK_SAVED, error);
}

typedef struct
{
  GFile                *file;
  char                 *source;
  GBytes               *bytes;
  VpWorkspaceSaveFlags  flags;
  guint64               generation;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->source, g_free);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  /* Once writing has begun it runs to the end: the file is replaced
   * whole or not at all either way. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (write_bytes (data->file, data->source, data->bytes, data->flags, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * vp_workspace_save_async:
 * @file: where to save the workspace
 * @source: (nullable): the file's name as the reader knows it
 * @flags: as for vp_workspace_save_to_file_full()
 * @cancellable: (nullable): cancels the save if it has not begun writing
 * @callback: called in the thread-default main context once it is done
 * @user_data: for @callback
 *
 * Saves the workspace as vp_workspace_save_to_file_full() does, writing
 * in another thread so that the window (and autosave) does not wait on
 * the disk. The state saved is the state now: changes made before the
 * save ends are not in the file, and with
 * %VP_WORKSPACE_SAVE_MARK_SAVED the workspace is marked saved by
 * vp_workspace_save_finish() only if there were none.
 */
void
vp_workspace_save_async (VpWorkspace          *self,
                         GFile                *file,
                         const char           *source,
                         VpWorkspaceSaveFlags  flags,
                         GCancellable         *cancellable,
                         GAsyncReadyCallback   callback,
                         gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->source = source != NULL ? g_strdup (source) : g_file_get_parse_name (file);
  data->bytes = vp_workspace_to_bytes (self);
  data->flags = flags;
  data->generation = _vp_workspace_get_generation (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vp_workspace_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/**
 * vp_workspace_save_finish:
 * @error: a place for a %G_IO_ERROR
 *
 * Returns: whether the workspace was saved
 */
gboolean
vp_workspace_save_finish (VpWorkspace   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vp_workspace_save_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  if ((data->flags & VP_WORKSPACE_SAVE_MARK_SAVED) &&
      data->generation == _vp_workspace_get_generation (self))
    vp_workspace_set_modified (self, FALSE);

  return TRUE;
}

/* Reading */

static void
set_error_at_line (GError     **error,
                   int          code,
                   const char  *source,
                   long         line,
                   const char  *reason)
{
  if (line > 0)
    g_set_error (error, VP_WORKSPACE_ERROR, code, _("%s: line %ld: %s"), source, line, reason);
  else
    g_set_error (error, VP_WORKSPACE_ERROR, code, "%s: %s", source, reason);
}

static gboolean G_GNUC_PRINTF (4, 5)
set_corrupt (GError     **error,
             const char  *source,
             xmlNode     *node,
             const char  *format,
             ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  set_error_at_line (error, VP_WORKSPACE_ERROR_CORRUPT, source,
                     node != NULL ? xmlGetLineNo (node) : 0, reason);

  return FALSE;
}

/* Past a byte-order mark, white space, the XML declaration, processing
 * instructions and comments, or @end. */
static const char *
skip_prolog (const char *p,
             const char *end)
{
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (;;)
    {
      const char *close;

      while (p < end && g_ascii_isspace (*p))
        p++;

      if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        close = g_strstr_len (p, end - p, "?>");
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p, end - p, "-->");
      else
        return p;

      if (close == NULL)
        return end;
      p = close + (*(p + 1) == '?' ? 2 : 3);
    }
}

static gboolean
has_prefix_nocase (const char *p,
                   const char *end,
                   const char *prefix)
{
  gsize length = strlen (prefix);

  return (gsize)(end - p) >= length && g_ascii_strncasecmp (p, prefix, length) == 0;
}

/**
 * vp_workspace_data_is_workspace:
 * @data: the first bytes of a file, or all of them
 * @length: their number
 *
 * Recognises a workspace file from its contents, whatever its name: its
 * root element is a <workspace> in a namespace of the workspace format
 * (of any version, so that newer files get a message that says so).
 *
 * Returns: whether @data looks like a workspace file
 */
gboolean
vp_workspace_data_is_workspace (const char *data,
                                gsize       length)
{
  const char *end;
  const char *p;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length == 0)
    return FALSE;

  end = data + MIN (length, SNIFF_LENGTH);
  if (g_strstr_len (data, end - data, NAMESPACE_BASE) == NULL)
    return FALSE;

  p = skip_prolog (data, end);

  /* A DOCTYPE is refused when the file is read, with a message that says
   * so; here it only hides the root. */
  if (has_prefix_nocase (p, end, "<!DOCTYPE"))
    {
      const char *subset = memchr (p, '[', end - p);
      const char *close = memchr (p, '>', end - p);

      if (subset != NULL && (close == NULL || subset < close))
        {
          close = g_strstr_len (subset, end - subset, "]>");
          if (close != NULL)
            close++;
        }
      if (close == NULL)
        return FALSE;
      p = skip_prolog (close + 1, end);
    }

  if (p >= end || *p != '<')
    return FALSE;
  p++;

  /* An optional prefix, "v:workspace". */
  for (const char *q = p; q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == '_' || *q == '.'); q++)
    {
      if (q + 1 < end && q[1] == ':')
        {
          p = q + 2;
          break;
        }
    }

  return has_prefix_nocase (p, end, "workspace") &&
         p + 9 < end && (g_ascii_isspace (p[9]) || p[9] == '>' || p[9] == '/');
}

/* The version of a namespace NAMESPACE_BASE + "N", or -1 for any other. */
static gint64
namespace_version (const xmlChar *href)
{
  guint64 version;

  if (href == NULL || !g_str_has_prefix ((const char *)href, NAMESPACE_BASE))
    return -1;

  if (!g_ascii_string_to_unsigned ((const char *)href + strlen (NAMESPACE_BASE), 10,
                                   0, G_MAXUINT32, &version, NULL))
    return -1;

  return version;
}

static gboolean
is_element_ns (xmlNode    *node,
               const char *ns,
               const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST ns) &&
         xmlStrEqual (node->name, BAD_CAST name);
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return is_element_ns (node, VP_WORKSPACE_NAMESPACE, name);
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  g_autoptr(VpXmlString) value = xmlGetNoNsProp (node, BAD_CAST name);

  return value != NULL ? g_strdup ((const char *)value) : NULL;
}

static char *
get_text (xmlNode *node)
{
  g_autoptr(VpXmlString) text = xmlNodeGetContent (node);

  return g_strdup (text != NULL ? (const char *)text : "");
}

/* An attribute the schema says is an unsignedInt, which must also fit
 * @max; FALSE with @error set when it does not. */
static gboolean
get_uint_attribute (xmlNode     *node,
                    const char  *name,
                    guint64      max,
                    guint64     *value,
                    const char  *source,
                    GError     **error)
{
  g_autofree char *text = get_attribute (node, name);

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, value, NULL))
    return set_corrupt (error, source, node,
                        _("the number %s=\"%s\" is too large"), name, text);

  return TRUE;
}

static void
set_newer_error (GError     **error,
                 const char  *source,
                 xmlNode     *root,
                 guint64      version)
{
  g_autofree char *reason = NULL;

  reason = g_strdup_printf (_("this workspace was written by a newer version of Viewpoints "
                              "(format version %u; this version reads format versions up "
                              "to %d)"),
                            (guint)version, VP_WORKSPACE_FORMAT_VERSION);
  set_error_at_line (error, VP_WORKSPACE_ERROR_VERSION, source, xmlGetLineNo (root), reason);
}

/* The root element and the version, checked before the schema so that a
 * foreign or newer file gets a message that says so. Gives the version
 * the file was written in. */
static gboolean
check_root (xmlNode     *root,
            const char  *source,
            guint64     *version,
            GError     **error)
{
  g_autofree char *version_str = NULL;
  gint64 ns_version = root->ns != NULL ? namespace_version (root->ns->href) : -1;
  guint64 number;

  if (!xmlStrEqual (root->name, BAD_CAST "workspace") || ns_version < 0)
    {
      g_autofree char *reason = NULL;

      if (xmlStrcasecmp (root->name, BAD_CAST "html") == 0)
        reason = g_strdup (_("this is a web page, not a Viewpoints workspace"));
      else
        reason = g_strdup_printf (_("this is not a Viewpoints workspace (the root element is "
                                    "<%s> in the namespace “%s”, not <workspace> in the "
                                    "namespace “%s”)"),
                                  (const char *)root->name,
                                  root->ns != NULL ? (const char *)root->ns->href : "",
                                  VP_WORKSPACE_NAMESPACE);
      set_error_at_line (error, VP_WORKSPACE_ERROR_NOT_WORKSPACE, source, xmlGetLineNo (root),
                         reason);
      return FALSE;
    }

  if (ns_version > VP_WORKSPACE_FORMAT_VERSION)
    {
      set_newer_error (error, source, root, ns_version);
      return FALSE;
    }

  version_str = get_attribute (root, "version");
  if (version_str == NULL)
    {
      set_error_at_line (error, VP_WORKSPACE_ERROR_CORRUPT, source, xmlGetLineNo (root),
                         _("the workspace does not give its format version "
                           "(<workspace version=\"1\">)"));
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (version_str, 10, 0, G_MAXUINT32, &number, NULL))
    return set_corrupt (error, source, root, _("“%s” is not a format version"), version_str);

  if (number > VP_WORKSPACE_FORMAT_VERSION)
    {
      set_newer_error (error, source, root, number);
      return FALSE;
    }

  if (number != (guint64)ns_version)
    return set_corrupt (error, source, root,
                        _("the format version %s does not match the namespace “%s”"),
                        version_str, (const char *)root->ns->href);

  *version = number;

  return TRUE;
}

/* Migrations: each brings a document of one version to the next, in
 * memory, before it is checked against the schema of the current one. */

/* Version 0 is the shape of the files the development builds wrote
 * before the format was released: a block's kind was its "type", and
 * there was no name, view or links (which version 1 makes optional). */
static gboolean
migrate_0_to_1 (xmlDoc      *doc,
                xmlNode     *node,
                const char  *source,
                GError     **error)
{
  for (xmlNs *ns = node->nsDef; ns != NULL; ns = ns->next)
    {
      if (namespace_version (ns->href) == 0)
        {
          xmlFree ((xmlChar *)ns->href);
          ns->href = xmlStrdup (BAD_CAST VP_WORKSPACE_NAMESPACE);
        }
    }

  if (is_element (node, "block"))
    {
      xmlAttr *type = xmlHasNsProp (node, BAD_CAST "type", NULL);

      if (type != NULL && xmlHasNsProp (node, BAD_CAST "kind", NULL) == NULL)
        xmlNodeSetName ((xmlNode *)type, BAD_CAST "kind");
    }

  if (is_element (node, "workspace") && node->parent == (xmlNode *)doc)
    xmlSetProp (node, BAD_CAST "version", BAD_CAST "1");

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && !migrate_0_to_1 (doc, child, source, error))
        return FALSE;
    }

  return TRUE;
}

typedef gboolean (*MigrateFunc) (xmlDoc      *doc,
                                 xmlNode     *root,
                                 const char  *source,
                                 GError     **error);

/* migrations[N] turns version N into version N + 1. */
static const MigrateFunc migrations[VP_WORKSPACE_FORMAT_VERSION] = {
  migrate_0_to_1,
};

static gboolean
migrate (xmlDoc      *doc,
         guint64      version,
         const char  *source,
         GError     **error)
{
  for (; version < VP_WORKSPACE_FORMAT_VERSION; version++)
    {
      if (!migrations[version] (doc, xmlDocGetRootElement (doc), source, error))
        return FALSE;
    }

  return TRUE;
}

/* The embedded actor set's ids and colours, before the schema, in the
 * actor set reader's words; its errors become the workspace's. */
static gboolean
check_actors (xmlNode     *root,
              const char  *source,
              GError     **error)
{
  g_autoptr(GError) actors_error = NULL;

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || !xmlStrEqual (child->name, BAD_CAST "actors"))
        continue;

      if (_vp_actor_set_check_element (child, source, &actors_error))
        return TRUE;

      g_set_error_literal (error, VP_WORKSPACE_ERROR,
                           g_error_matches (actors_error, VP_ACTORS_ERROR, VP_ACTORS_ERROR_VERSION) ?
                           VP_WORKSPACE_ERROR_VERSION : VP_WORKSPACE_ERROR_CORRUPT,
                           actors_error->message);
      return FALSE;
    }

  /* The schema says what is missing. */
  return TRUE;
}

static gboolean
validate (xmlDoc      *doc,
          const char  *source,
          GError     **error)
{
  static gsize schema_once = 0;
  static xmlRelaxNG *schema;
  g_auto(VpXmlReport) report = { 0, };
  g_autofree char *reason = NULL;

  /* Compiled once, and kept: workspaces are opened again and again. */
  if (g_once_init_enter (&schema_once))
    {
      schema = _vp_xml_load_schema ("workspace.rng");
      g_once_init_leave (&schema_once, 1);
    }

  if (_vp_xml_validate (schema, doc, &report))
    return TRUE;

  reason = g_strdup_printf (_("this is not a valid workspace (%s)"),
                            report.message != NULL ? report.message : _("unknown error"));
  set_error_at_line (error, VP_WORKSPACE_ERROR_CORRUPT, source, report.line, reason);

  return FALSE;
}

/* An article read from the file, waiting for its workspace. */
typedef struct
{
  VpArticle *article;
  GPtrArray *annotations;  /* of VpAnnotation */
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *loaded = data;

  g_clear_object (&loaded->article);
  g_clear_pointer (&loaded->annotations, g_ptr_array_unref);
  g_free (loaded);
}

static VpBlock *
read_block (xmlNode     *node,
            guint        index,
            const char  *source,
            GError     **error)
{
  g_autoptr(VpBlock) block = NULL;
  g_autofree char *kind_str = get_attribute (node, "kind");
  g_autofree char *flags = get_attribute (node, "flags");
  g_autofree char *text = get_text (node);
  VpBlockKind kind = VP_BLOCK_PARAGRAPH;
  guint64 value;

  /* The schema has vouched for the kind and the flags. */
  vp_block_kind_from_string (kind_str, &kind);
  block = vp_block_new (kind, text);
  block->label = get_attribute (node, "label");

  if (xmlHasNsProp (node, BAD_CAST "level", NULL))
    {
      if (!get_uint_attribute (node, "level", G_MAXUINT, &value, source, error))
        return NULL;
      block->level = value;
    }

  if (xmlHasNsProp (node, BAD_CAST "list", NULL))
    {
      if (!get_uint_attribute (node, "list", G_MAXUINT, &value, source, error))
        return NULL;
      block->list = value;
    }

  if (xmlHasNsProp (node, BAD_CAST "parent", NULL))
    {
      if (!get_uint_attribute (node, "parent", G_MAXINT, &value, source, error))
        return NULL;
      if (value >= index)
        {
          set_corrupt (error, source, node,
                       _("block %u names block %u as its parent, which does not come "
                         "before it"), index, (guint)value);
          return NULL;
        }
      block->parent = value;
    }

  if (flags != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (flags, " \t\r\n", -1);

      for (guint i = 0; words[i] != NULL; i++)
        {
          for (guint f = 0; f < G_N_ELEMENTS (flag_names); f++)
            {
              if (g_str_equal (words[i], flag_names[f]))
                block->flags |= 1 << f;
            }
        }
    }

  return g_steal_pointer (&block);
}

static VpAnnotation *
read_annotation (xmlNode     *node,
                 const char  *source,
                 GError     **error)
{
  g_autofree char *kind_str = get_attribute (node, "kind");
  g_autofree char *actor = get_attribute (node, "actor");
  g_autofree char *block_str = get_attribute (node, "block");
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  VpAnnotationKind kind = VP_ANNOTATION_TAG;
  guint64 start;
  guint64 end;
  guint64 block = 0;

  /* The schema has vouched for the kind, the actor id and the presence
   * of the text. */
  vp_annotation_kind_from_string (kind_str, &kind);

  if (!g_str_equal (block_str, "title") &&
      !get_uint_attribute (node, "block", G_MAXINT, &block, source, error))
    return NULL;

  if (!get_uint_attribute (node, "start", G_MAXUINT, &start, source, error) ||
      !get_uint_attribute (node, "end", G_MAXUINT, &end, source, error))
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child, "text"))
        text = get_text (child);
      else if (is_element (child, "before"))
        before = get_text (child);
      else if (is_element (child, "after"))
        after = get_text (child);
    }

  if (text == NULL || text[0] == '\0' || end < start || end - start != strlen (text))
    {
      set_corrupt (error, source, node,
                   _("the annotation's span (%u–%u) does not fit its text"),
                   (guint)start, (guint)end);
      return NULL;
    }

  return vp_annotation_new (kind, actor,
                            g_str_equal (block_str, "title") ? VP_MENTION_TITLE : (int)block,
                            start, text, before, after);
}

/* Annotations that are not where their offsets say are looked for in
 * the whole article (see vp_anchor_locate()), which costs the article's
 * length each time. A file Viewpoints wrote has none; one edited by hand
 * has a few. This many bytes searched in all is far more than that, and
 * keeps a file made to be slow from taking minutes to open. */
#define MAX_ANCHOR_SEARCH ((guint64)256 * 1024 * 1024)

/* Adds to *@cost what finding the annotations of @article that are not
 * in place will cost; FALSE with @error set past the limit. */
static gboolean
count_anchor_search (VpArticle   *article,
                     GPtrArray   *annotations,
                     GPtrArray   *nodes,
                     guint64     *cost,
                     const char  *source,
                     GError     **error)
{
  guint n_blocks = vp_article_get_n_blocks (article);
  g_autofree gsize *lengths = g_new0 (gsize, n_blocks + 1);
  guint64 total = 0;

  for (guint i = 0; i < n_blocks; i++)
    total += lengths[i] = strlen (vp_article_get_block_text (article, i));
  if (vp_article_get_title (article) != NULL)
    total += strlen (vp_article_get_title (article));

  for (guint i = 0; i < annotations->len; i++)
    {
      VpAnchor anchor;
      const char *text;
      gsize length;

      vp_annotation_get_anchor (g_ptr_array_index (annotations, i), &anchor);
      if (anchor.block == VP_MENTION_TITLE)
        {
          text = vp_article_get_title (article);
          length = text != NULL ? strlen (text) : 0;
        }
      else
        {
          text = (guint)anchor.block < n_blocks ? vp_article_get_block_text (article, anchor.block)
                                                : NULL;
          length = text != NULL ? lengths[anchor.block] : 0;
        }

      if (vp_anchor_is_in_place (&anchor, text, length))
        continue;

      *cost += total + 1;
      if (*cost > MAX_ANCHOR_SEARCH)
        return set_corrupt (error, source, g_ptr_array_index (nodes, i),
                            _("too many corrections of the actors are not where the text has "
                              "them to be found again: the file was changed or damaged"));
    }

  return TRUE;
}

static Loaded *
read_article (xmlNode     *node,
              const char  *source,
              guint64     *anchor_cost,
              GError     **error)
{
  g_autoptr(GPtrArray) annotation_nodes = g_ptr_array_new ();
  g_autoptr(GStrvBuilder) authors = g_strv_builder_new ();
  g_auto(GStrv) author_list = NULL;
  g_autofree char *file_source = get_attribute (node, "source");
  g_autofree char *direction = get_attribute (node, "direction");
  Loaded *loaded;
  g_autoptr(VpArticle) article = vp_article_new (file_source);
  g_autoptr(GPtrArray) annotations = NULL;

  annotations = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_annotation_unref);

  if (g_strcmp0 (direction, "ltr") == 0)
    vp_article_set_direction (article, VP_TEXT_DIRECTION_LTR);
  else if (g_strcmp0 (direction, "rtl") == 0)
    vp_article_set_direction (article, VP_TEXT_DIRECTION_RTL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, "title"))
        {
          g_autofree char *text = get_text (child);

          vp_article_set_title (article, text);
        }
      else if (is_element (child, "author"))
        {
          g_autofree char *text = get_text (child);

          g_strv_builder_add (authors, text);
        }
      else if (is_element (child, "outlet"))
        {
          g_autofree char *text = get_text (child);

          vp_article_set_outlet (article, text);
        }
      else if (is_element (child, "site"))
        {
          g_autofree char *text = get_text (child);

          vp_article_set_site (article, text);
        }
      else if (is_element (child, "published"))
        {
          g_autofree char *text = get_text (child);

          vp_article_set_published (article, text);
        }
      else if (is_element (child, "language"))
        {
          g_autofree char *text = get_text (child);

          vp_article_set_language (article, text);
        }
      else if (is_element (child, "body"))
        {
          guint index = 0;

          for (xmlNode *b = child->children; b != NULL; b = b->next)
            {
              VpBlock *block;

              if (!is_element (b, "block"))
                continue;

              block = read_block (b, index, source, error);
              if (block == NULL)
                return NULL;

              vp_article_take_block (article, block);
              index++;
            }
        }
      else if (is_element (child, "warning"))
        {
          g_autofree char *text = get_text (child);

          vp_article_add_warning (article, "%s", text);
        }
      else if (is_element (child, "annotations"))
        {
          for (xmlNode *a = child->children; a != NULL; a = a->next)
            {
              VpAnnotation *annotation;

              if (!is_element (a, "annotation"))
                continue;

              annotation = read_annotation (a, source, error);
              if (annotation == NULL)
                return NULL;

              g_ptr_array_add (annotations, annotation);
              g_ptr_array_add (annotation_nodes, a);
            }
        }
    }

  author_list = g_strv_builder_end (authors);
  vp_article_set_authors (article, (const char * const *)author_list);

  /* The outline is not saved: it comes from the blocks as it did when the
   * article was imported, and the extractor, which may run more than
   * once, keeps the warnings it gave then without repeating them. */
  vp_outline_extract (article);

  if (!count_anchor_search (article, annotations, annotation_nodes, anchor_cost, source, error))
    return NULL;

  loaded = g_new0 (Loaded, 1);
  loaded->article = g_steal_pointer (&article);
  loaded->annotations = g_steal_pointer (&annotations);

  return loaded;
}

/* "A/S/I", each a number the schema has vouched for, as a proposal of
 * one of @articles. */
static gboolean
read_proposal (xmlNode          *node,
               const char       *name,
               GPtrArray        *articles,
               VpProposalPlace  *proposal,
               const char       *source,
               GError          **error)
{
  g_autofree char *value = get_attribute (node, name);
  g_auto(GStrv) parts = g_strsplit (value, "/", 3);
  guint64 numbers[3];

  for (guint i = 0; i < 3; i++)
    {
      if (parts[i] == NULL ||
          !g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT, &numbers[i], NULL))
        return set_corrupt (error, source, node, _("the number %s=\"%s\" is too large"),
                            name, value);
    }

  if (numbers[0] >= articles->len)
    return set_corrupt (error, source, node,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "the link names article %u (counting from 0), but the "
                                     "workspace has only %u article",
                                     "the link names article %u (counting from 0), but the "
                                     "workspace has only %u articles",
                                     articles->len),
                        (guint)numbers[0], articles->len);

  proposal->article = ((Loaded *)g_ptr_array_index (articles, numbers[0]))->article;
  proposal->section = numbers[1];
  proposal->item = numbers[2];

  return TRUE;
}

/* Everything the workspace will need, read before it is made: a link or
 * a view that points at nothing is an error, and must be found before
 * anything is changed. */
typedef struct
{
  char       *name;
  VpActorSet *actors;
  GPtrArray  *articles;  /* of Loaded */
  GPtrArray  *filter;    /* of char *, NULL-terminated */
  GArray     *nodes;     /* of Node */
  GArray     *links;     /* of LoadedLink */
  guint64     anchor_cost;
} Contents;

typedef struct
{
  guint     article;
  char     *path;
  gboolean  expanded;
} Node;

typedef VpWorkspaceLink LoadedLink;

static void
node_clear (gpointer data)
{
  g_free (((Node *)data)->path);
}

static void
contents_clear (Contents *contents)
{
  g_clear_pointer (&contents->name, g_free);
  g_clear_object (&contents->actors);
  g_clear_pointer (&contents->articles, g_ptr_array_unref);
  g_clear_pointer (&contents->filter, g_ptr_array_unref);
  g_clear_pointer (&contents->nodes, g_array_unref);
  g_clear_pointer (&contents->links, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Contents, contents_clear)

static gboolean
read_view (xmlNode     *view,
           Contents    *contents,
           const char  *source,
           GError     **error)
{
  for (xmlNode *child = view->children; child != NULL; child = child->next)
    {
      if (is_element (child, "filter"))
        g_ptr_array_add (contents->filter, get_attribute (child, "actor"));
      else if (is_element (child, "outline"))
        {
          guint64 article;

          if (!get_uint_attribute (child, "article", G_MAXUINT, &article, source, error))
            return FALSE;

          if (article >= contents->articles->len)
            return set_corrupt (error, source, child,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "the view names article %u (counting from 0), "
                                             "but the workspace has only %u article",
                                             "the view names article %u (counting from 0), "
                                             "but the workspace has only %u articles",
                                             contents->articles->len),
                                (guint)article, contents->articles->len);

          for (xmlNode *n = child->children; n != NULL; n = n->next)
            {
              g_autofree char *expanded = NULL;
              Node node;

              if (!is_element (n, "node"))
                continue;

              node.article = article;
              node.path = get_attribute (n, "path");
              expanded = get_attribute (n, "expanded");
              node.expanded = g_strcmp0 (expanded, "true") == 0;

              if (!vp_workspace_outline_path_is_valid (node.path))
                {
                  set_corrupt (error, source, n, _("the number in the path “%s” is too large"),
                               node.path);
                  g_free (node.path);
                  return FALSE;
                }

              g_array_append_val (contents->nodes, node);
            }
        }
    }

  return TRUE;
}

/* The same key for a pair of proposals in either order. */
static char *
link_key (const LoadedLink *link)
{
  g_autofree char *a = g_strdup_printf ("%p/%u/%u", (gpointer)link->a.article, link->a.section,
                                        link->a.item);
  g_autofree char *b = g_strdup_printf ("%p/%u/%u", (gpointer)link->b.article, link->b.section,
                                        link->b.item);

  return strcmp (a, b) < 0 ? g_strconcat (a, " ", b, NULL) : g_strconcat (b, " ", a, NULL);
}

static gboolean
read_links (xmlNode     *links,
            Contents    *contents,
            const char  *source,
            GError     **error)
{
  /* A pair named twice is what vp_workspace_set_link() makes of it: the
   * last kind said. */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *child = links->children; child != NULL; child = child->next)
    {
      g_autofree char *kind = NULL;
      gpointer index;
      char *key;
      LoadedLink link;

      if (!is_element (child, "link"))
        continue;

      kind = get_attribute (child, "kind");
      link.kind = g_strcmp0 (kind, "unlink") == 0 ? VP_LINK_UNLINK : VP_LINK_LINK;

      if (!read_proposal (child, "a", contents->articles, &link.a, source, error) ||
          !read_proposal (child, "b", contents->articles, &link.b, source, error))
        return FALSE;

      if (link.a.article == link.b.article && link.a.section == link.b.section &&
          link.a.item == link.b.item)
        return set_corrupt (error, source, child, _("a proposal is linked to itself"));

      key = link_key (&link);
      if (g_hash_table_lookup_extended (seen, key, NULL, &index))
        {
          g_array_index (contents->links, LoadedLink, GPOINTER_TO_UINT (index)).kind = link.kind;
          g_free (key);
          continue;
        }

      g_hash_table_insert (seen, key, GUINT_TO_POINTER (contents->links->len));
      g_array_append_val (contents->links, link);
    }

  return TRUE;
}

static gboolean
read_contents (xmlNode     *root,
               Contents    *contents,
               const char  *source,
               GError     **error)
{
  contents->articles = g_ptr_array_new_with_free_func (loaded_free);
  contents->filter = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  contents->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g_array_set_clear_func (contents->nodes, node_clear);
  contents->links = g_array_new (FALSE, FALSE, sizeof (LoadedLink));

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_element (child, "name"))
        contents->name = get_text (child);
      else if (is_element_ns (child, VP_ACTOR_SET_NAMESPACE, "actors"))
        {
          g_autoptr(GError) actors_error = NULL;

          contents->actors = _vp_actor_set_new_from_element (child, source, &actors_error);
          if (contents->actors == NULL)
            {
              g_set_error_literal (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_CORRUPT,
                                   actors_error->message);
              return FALSE;
            }
        }
      else if (is_element (child, "articles"))
        {
          for (xmlNode *a = child->children; a != NULL; a = a->next)
            {
              Loaded *loaded;

              if (!is_element (a, "article"))
                continue;

              loaded = read_article (a, source, &contents->anchor_cost, error);
              if (loaded == NULL)
                return FALSE;

              g_ptr_array_add (contents->articles, loaded);
            }
        }
      else if (is_element (child, "view"))
        {
          if (!read_view (child, contents, source, error))
            return FALSE;
        }
      else if (is_element (child, "links"))
        {
          if (!read_links (child, contents, source, error))
            return FALSE;
        }
    }

  /* The schema requires the actor set. */
  g_assert (contents->actors != NULL);

  return TRUE;
}

/* Makes the workspace from what was read: the articles are tagged with
 * its actors, and their annotations are found again in their text (they
 * are where they were, unless the file was edited by hand or the text
 * comes from an older version); an annotation that cannot be found is
 * left out, and the article says so. */
static VpWorkspace *
build_workspace (Contents *contents)
{
  g_autoptr(VpWorkspace) self = vp_workspace_new (contents->actors);
  g_autoptr(GPtrArray) articles = g_ptr_array_new_full (contents->articles->len, NULL);

  vp_workspace_set_name (self, contents->name);

  for (guint i = 0; i < contents->articles->len; i++)
    g_ptr_array_add (articles, ((Loaded *)g_ptr_array_index (contents->articles, i))->article);
  _vp_workspace_append_articles (self, articles);

  for (guint i = 0; i < contents->articles->len; i++)
    {
      Loaded *loaded = g_ptr_array_index (contents->articles, i);
      g_autoptr(GPtrArray) dropped = NULL;

      dropped = vp_article_anchor_annotations (loaded->article, loaded->annotations);

      if (dropped->len > 0)
        vp_article_add_warning (loaded->article,
                                g_dngettext (GETTEXT_PACKAGE,
                                             "%u correction of the actors could not be found "
                                             "in the text again and was left out.",
                                             "%u corrections of the actors could not be found "
                                             "in the text again and were left out.",
                                             dropped->len),
                                dropped->len);
    }

  vp_workspace_set_filter (self, (const char * const *)contents->filter->pdata);

  for (guint i = 0; i < contents->nodes->len; i++)
    {
      const Node *node = &g_array_index (contents->nodes, Node, i);
      Loaded *loaded = g_ptr_array_index (contents->articles, node->article);

      _vp_workspace_load_expanded (self, loaded->article, node->path, node->expanded);
    }

  for (guint i = 0; i < contents->links->len; i++)
    _vp_workspace_load_link (self, &g_array_index (contents->links, LoadedLink, i));

  /* As it is on the disk, with nothing to undo. */
  vp_workspace_clear_history (self);
  vp_workspace_set_modified (self, FALSE);

  return g_steal_pointer (&self);
}

/* What the first bytes say a file that is not a workspace is. */
static gboolean
check_kind_of_file (const char  *data,
                    gsize        length,
                    const char  *source,
                    GError     **error)
{
  const char *end = data + MIN (length, SNIFF_LENGTH);
  const char *p = skip_prolog (data, end);

  if (has_prefix_nocase (p, end, "<!DOCTYPE html") || has_prefix_nocase (p, end, "<html"))
    {
      g_set_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("%s: this is a web page, not a Viewpoints workspace"), source);
      return FALSE;
    }

  if (p < end && *p != '<')
    {
      g_set_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_NOT_WORKSPACE,
                   _("%s: this is not a Viewpoints workspace: it is not XML"), source);
      return FALSE;
    }

  return TRUE;
}

static xmlDoc *
parse_document (const char  *data,
                gsize        length,
                const char  *source,
                GError     **error)
{
  g_auto(VpXmlReport) report = { 0, };
  xmlDoc *doc;

  doc = _vp_xml_parse (data, length, TRUE, &report);
  if (doc != NULL)
    return doc;

  if (report.doctype != NULL)
    {
      if (g_ascii_strcasecmp (report.doctype, "html") == 0)
        set_error_at_line (error, VP_WORKSPACE_ERROR_NOT_WORKSPACE, source, report.doctype_line,
                           _("this is a web page, not a Viewpoints workspace"));
      else
        set_error_at_line (error, VP_WORKSPACE_ERROR_CORRUPT, source, report.doctype_line,
                           _("workspaces may not have a document type declaration "
                             "(<!DOCTYPE …>) or declare entities"));
    }
  else if (report.message != NULL && report.at_end)
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("the file ends too early: it was cut short, perhaps by a full "
                                  "disk or a copy that did not finish (%s)"), report.message);
      set_error_at_line (error, VP_WORKSPACE_ERROR_PARSE, source, report.line, reason);
    }
  else
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("this is not well-formed XML (%s)"),
                                report.message != NULL ? report.message : _("no root element"));
      set_error_at_line (error, VP_WORKSPACE_ERROR_PARSE, source, report.line, reason);
    }

  return NULL;
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;

  for (; i < length; i++)
    {
      if (!g_ascii_isspace (data[i]))
        return FALSE;
    }

  return TRUE;
}

/**
 * vp_workspace_new_from_data:
 * @data: the bytes of a workspace file (see docs/workspace-format.md)
 * @length: their number
 * @source: the file's name as the reader knows it; messages start with it
 * @error: a place for a #VP_WORKSPACE_ERROR
 *
 * Reads a workspace file. Nothing outside it is ever read: a DOCTYPE is
 * refused before any entity could be declared, and the network is never
 * used. The file is checked against data/workspace.rng; a file of an
 * older format version is migrated, a newer one refused. The articles'
 * outlines come from their blocks, their mentions from the workspace's
 * actors, and the reader's annotations are found again in their text.
 *
 * Returns: (transfer full): the workspace, unmodified and without
 *   history, or %NULL with @error set, its message naming the file and,
 *   where there is one, the line
 */
VpWorkspace *
vp_workspace_new_from_data (const char  *data,
                            gsize        length,
                            const char  *source,
                            GError     **error)
{
  g_auto(Contents) contents = { 0, };
  g_autoptr(xmlDoc) doc = NULL;
  xmlNode *root;
  guint64 version = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > VP_WORKSPACE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size_full (VP_WORKSPACE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_TOO_LARGE,
                   _("%s: the file is too large (over %s)"), source, limit);
      return NULL;
    }

  if (is_blank (data, length))
    {
      g_set_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_PARSE,
                   _("%s: the file is empty"), source);
      return NULL;
    }

  if (!check_kind_of_file (data, length, source, error))
    return NULL;

  doc = parse_document (data, length, source, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (!check_root (root, source, &version, error) ||
      !migrate (doc, version, source, error) ||
      !check_actors (root, source, error) ||
      !validate (doc, source, error) ||
      !read_contents (root, &contents, source, error))
    return NULL;

  return build_workspace (&contents);
}

/**
 * vp_workspace_new_from_file:
 * @file: a workspace file
 * @source: (nullable): its name as the reader knows it, for messages; the
 *   file's parse name when %NULL
 * @cancellable: (nullable): a #GCancellable
 * @error: a place for a #VP_WORKSPACE_ERROR, or %G_IO_ERROR_CANCELLED
 *
 * Reads @file with vp_workspace_new_from_data(). Files larger than
 * VP_WORKSPACE_MAX_SIZE are refused before anything is read. This may
 * run in any thread; the workspace is then the caller's, to hand over to
 * the thread that will use it.
 *
 * Returns: (transfer full): the workspace, or %NULL with @error set
 */
VpWorkspace *
vp_workspace_new_from_file (GFile         *file,
                            const char    *source,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *parse_name = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source == NULL)
    source = parse_name = g_file_get_parse_name (file);

  contents = vp_file_load (file, source, VP_WORKSPACE_MAX_SIZE,
                           VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_UNREADABLE,
                           VP_WORKSPACE_ERROR_TOO_LARGE, cancellable, &length, error);
  if (contents == NULL)
    return NULL;

  return vp_workspace_new_from_data (contents, length, source, error);
}

/* Opening any file */

/**
 * vp_workspace_read_any_file:
 * @file: a file the reader opened
 * @source: (nullable): its name as the reader gave it, for messages and
 *   as an article's source; the file's parse name when %NULL
 * @tagger: (nullable): finds the actors in a page or a text
 * @cancellable: (nullable): a #GCancellable
 * @workspace: (out) (transfer full): the workspace, when @file is one
 * @article: (out) (transfer full): the article, when @file is a page or
 *   a text
 * @error: a place for a #VP_WORKSPACE_ERROR (a workspace file), a
 *   #VP_IMPORT_ERROR (anything else) or %G_IO_ERROR_CANCELLED
 *
 * Reads any file a reader may open, as the first of two steps: this one
 * may run in a worker thread (the window's import queue), and the caller
 * then adds the result to its workspace in its own thread, with
 * vp_workspace_merge() or vp_workspace_add_article() (or takes the
 * workspace as its own, when it has nothing yet). A file named
 * “*.viewpoints”, or whose contents are a workspace whatever its name,
 * gives a workspace (see vp_workspace_new_from_file()); anything else is
 * imported as one article (see vp_import_file()).
 *
 * Returns: whether @file was read; then exactly one of @workspace and
 *   @article is set
 */
gboolean
vp_workspace_read_any_file (GFile         *file,
                            const char    *source,
                            VpTagger      *tagger,
                            GCancellable  *cancellable,
                            VpWorkspace  **workspace,
                            VpArticle    **article,
                            GError       **error)
{
  g_autofree char *parse_name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (workspace != NULL && article != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *workspace = NULL;
  *article = NULL;

  if (source == NULL)
    source = parse_name = g_file_get_parse_name (file);

  basename = g_file_get_basename (file);
  if (basename != NULL && g_str_has_suffix (basename, VP_WORKSPACE_SUFFIX))
    {
      *workspace = vp_workspace_new_from_file (file, source, cancellable, error);
      return *workspace != NULL;
    }

  /* A workspace under another name is recognised from its contents; one
   * larger than the largest article must have its own suffix. */
  contents = vp_file_load (file, source, VP_IMPORT_MAX_SIZE,
                           VP_IMPORT_ERROR, VP_IMPORT_ERROR_UNREADABLE, VP_IMPORT_ERROR_TOO_LARGE,
                           cancellable, &length, error);
  if (contents == NULL)
    return FALSE;

  if (vp_workspace_data_is_workspace (contents, length))
    *workspace = vp_workspace_new_from_data (contents, length, source, error);
  else
    *article = vp_import_data (contents, length, source, VP_IMPORT_FORMAT_AUTO, tagger, error);

  return *workspace != NULL || *article != NULL;
}

/**
 * vp_workspace_add_file:
 * @file: a file the reader opened
 * @source: (nullable): its name as the reader gave it
 * @cancellable: (nullable): a #GCancellable
 * @error: as for vp_workspace_read_any_file()
 *
 * Adds what @file holds to the workspace, in one step: a page or a text
 * as an article, a workspace's articles with their annotations (see
 * vp_workspace_merge()). A file that cannot be read changes nothing.
 *
 * Returns: whether @file was read and added
 */
gboolean
vp_workspace_add_file (VpWorkspace   *self,
                       GFile         *file,
                       const char    *source,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(VpWorkspace) workspace = NULL;
  g_autoptr(VpArticle) article = NULL;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!vp_workspace_read_any_file (file, source, vp_workspace_get_tagger (self), cancellable,
                                   &workspace, &article, error))
    return FALSE;

  if (workspace != NULL)
    vp_workspace_merge (self, workspace);
  else
    vp_workspace_add_article (self, article);

  return TRUE;
}
