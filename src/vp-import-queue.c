/* vp-import-queue.c
 *
 * Reading, cleaning and analysing a page takes long enough on a big file
 * to freeze the window, so each import runs in a worker thread (GTask's
 * pool). They run side by side, but their results are handed out in the
 * order the user gave the files: the columns then appear in that order,
 * however long each file took.
 *
 * They are handed out from an idle of low priority, a few at a time:
 * making a column takes tens of milliseconds, and twenty of them at once
 * would hold the window's first frame (or any frame) back by most of a
 * second. This way GTK draws between two turns, so the window shows up at
 * once and fills as the user watches.
 *
 * A file may be a page, a text or a saved workspace: the thread reads
 * whichever it is (vp_workspace_read_any_file()), and the queue hands out
 * an article or a workspace, which only the main thread may add to the
 * window's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-import-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-importer.h"
#include "vp-import-queue.h"
#include "vp-workspace-io.h"

/* How long one turn of handing out results may take before GTK gets to
 * draw again, in microseconds: a few frames. */
#define DELIVERY_SLICE (80 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  VpImportQueue *queue;     /* unowned; the queue outlives its jobs' delivery */
  GFile         *file;      /* or */
  char          *text;
  char          *source;
  VpArticle     *article;   /* the result, */
  VpWorkspace   *workspace; /* or this one, */
  GError        *error;     /* or why there is none */
  gboolean       done;
} Job;

struct _VpImportQueue
{
  GObject       parent_instance;

  VpTagger     *tagger;
  GCancellable *cancellable;
  GQueue        jobs;       /* of Job, in the user's order */
  guint         n_done;     /* of the current batch */
  guint         n_total;
  guint         deliver_id; /* the idle that hands out the next result */
};

enum {
  PROP_0,
  PROP_BUSY,
  PROP_PROGRESS,
  N_PROPS
};

enum {
  IMPORTED,
  WORKSPACE_READ,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpImportQueue, vp_import_queue, G_TYPE_OBJECT)

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->article);
  g_clear_object (&job->workspace);
  g_clear_error (&job->error);
  g_free (job->text);
  g_free (job->source);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* The only data the worker touches: its own copies, and the tagger,
 * which is reference counted and read-only once built. */
typedef struct
{
  VpTagger *tagger;
  GFile    *file;
  char     *text;
  char     *source;
} Work;

static void
work_free (Work *work)
{
  g_clear_pointer (&work->tagger, vp_tagger_unref);
  g_clear_object (&work->file);
  g_free (work->text);
  g_free (work->source);
  g_free (work);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;
  VpWorkspace *workspace = NULL;
  VpArticle *article = NULL;

  if (work->file != NULL)
    vp_workspace_read_any_file (work->file, work->source, work->tagger, cancellable,
                                &workspace, &article, &error);
  else
    article = vp_import_data (work->text, strlen (work->text), work->source,
                              VP_IMPORT_FORMAT_TEXT, work->tagger, &error);

  /* Either is a GObject; the job tells them apart. */
  if (workspace != NULL)
    g_task_return_pointer (task, workspace, g_object_unref);
  else if (article != NULL)
    g_task_return_pointer (task, article, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
notify_state (VpImportQueue *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* Hands out the finished jobs at the head of the queue, for a slice of
 * time at most: a finished job behind an unfinished one waits for it. */
static gboolean
deliver_cb (gpointer user_data)
{
  VpImportQueue *self = user_data;
  gint64 until = g_get_monotonic_time () + DELIVERY_SLICE;
  Job *job;
  gboolean more;

  g_object_ref (self);

  while ((job = g_queue_peek_head (&self->jobs)) != NULL && job->done &&
         g_get_monotonic_time () < until)
    {
      g_autoptr(Job) owned = g_queue_pop_head (&self->jobs);

      if (owned->article != NULL)
        g_signal_emit (self, signals[IMPORTED], 0, owned->article, owned->file);
      else if (owned->workspace != NULL)
        g_signal_emit (self, signals[WORKSPACE_READ], 0, owned->workspace, owned->file);
      else if (!g_error_matches (owned->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_signal_emit (self, signals[FAILED], 0, owned->error, owned->file);
    }

  if (g_queue_is_empty (&self->jobs))
    self->n_done = self->n_total = 0;

  notify_state (self);

  /* A handler may have disposed of the queue (closing the window),
   * which emptied it. */
  job = g_queue_peek_head (&self->jobs);
  more = job != NULL && job->done;
  if (!more)
    self->deliver_id = 0;
  g_object_unref (self);

  return more ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
schedule_delivery (VpImportQueue *self)
{
  if (self->deliver_id == 0)
    self->deliver_id = g_idle_add_full (G_PRIORITY_LOW, deliver_cb, self, NULL);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Job *job = user_data;
  VpImportQueue *self = job->queue;
  GObject *read = g_task_propagate_pointer (G_TASK (result), &job->error);

  if (VP_IS_WORKSPACE (read))
    job->workspace = VP_WORKSPACE (read);
  else if (read != NULL)
    job->article = VP_ARTICLE (read);
  job->done = TRUE;

  /* The queue was disposed: nobody is waiting for this any more. */
  if (self == NULL)
    {
      job_free (job);
      return;
    }

  self->n_done++;
  notify_state (self);
  schedule_delivery (self);
}

static void
start_job (VpImportQueue *self,
           Job           *job)
{
  g_autoptr(GTask) task = NULL;
  Work *work = g_new0 (Work, 1);

  work->tagger = vp_tagger_ref (self->tagger);
  work->file = job->file != NULL ? g_object_ref (job->file) : NULL;
  work->text = g_strdup (job->text);
  work->source = g_strdup (job->source);

  job->queue = self;
  g_queue_push_tail (&self->jobs, job);
  self->n_total++;

  /* No source object: the callback must run even if the window and its
   * queue are gone, to free the job. */
  task = g_task_new (NULL, self->cancellable, import_done_cb, job);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, work, (GDestroyNotify)work_free);
  g_task_run_in_thread (task, import_thread);

  notify_state (self);
}

static void
vp_import_queue_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VpImportQueue *self = VP_IMPORT_QUEUE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, vp_import_queue_get_busy (self));
      break;

    case PROP_PROGRESS:
      g_value_set_double (value, vp_import_queue_get_progress (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_import_queue_dispose (GObject *object)
{
  VpImportQueue *self = (VpImportQueue *)object;
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->deliver_id, g_source_remove);

  /* Running jobs free themselves when their thread returns. */
  while ((job = g_queue_pop_head (&self->jobs)) != NULL)
    {
      job->queue = NULL;
      if (job->done)
        job_free (job);
    }

  G_OBJECT_CLASS (vp_import_queue_parent_class)->dispose (object);
}

static void
vp_import_queue_finalize (GObject *object)
{
  VpImportQueue *self = (VpImportQueue *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->tagger, vp_tagger_unref);

  G_OBJECT_CLASS (vp_import_queue_parent_class)->finalize (object);
}

static void
vp_import_queue_class_init (VpImportQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = vp_import_queue_get_property;
  object_class->dispose = vp_import_queue_dispose;
  object_class->finalize = vp_import_queue_finalize;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL,
                         0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpImportQueue::imported:
   * @article: the imported article
   * @file: (nullable): the file it came from, %NULL for text
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, VP_TYPE_ARTICLE, G_TYPE_FILE);

  /**
   * VpImportQueue::workspace-read:
   * @workspace: a workspace read from a file, in no window yet
   * @file: the file
   */
  signals[WORKSPACE_READ] =
    g_signal_new ("workspace-read",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, VP_TYPE_WORKSPACE, G_TYPE_FILE);

  /**
   * VpImportQueue::failed:
   * @error: why, in a message that starts with the file's name
   * @file: (nullable): the file, %NULL for text
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_ERROR, G_TYPE_FILE);
}

static void
vp_import_queue_init (VpImportQueue *self)
{
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->jobs);
}

VpImportQueue *
vp_import_queue_new (VpTagger *tagger)
{
  VpImportQueue *self;

  g_return_val_if_fail (tagger != NULL, NULL);

  self = g_object_new (VP_TYPE_IMPORT_QUEUE, NULL);
  self->tagger = vp_tagger_ref (tagger);

  return self;
}

/**
 * vp_import_queue_set_tagger:
 * @tagger: the tagger of the actors as they are now
 *
 * Imports started from now on tag their article with @tagger; those under
 * way keep the one they started with.
 */
void
vp_import_queue_set_tagger (VpImportQueue *self,
                            VpTagger      *tagger)
{
  g_return_if_fail (VP_IS_IMPORT_QUEUE (self));
  g_return_if_fail (tagger != NULL);

  if (self->tagger == tagger)
    return;

  g_clear_pointer (&self->tagger, vp_tagger_unref);
  self->tagger = vp_tagger_ref (tagger);
}

void
vp_import_queue_add_file (VpImportQueue *self,
                          GFile         *file)
{
  Job *job;

  g_return_if_fail (VP_IS_IMPORT_QUEUE (self));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (Job, 1);
  job->file = g_object_ref (file);
  /* Messages name the file as users know it, not by its full path. */
  job->source = g_file_get_basename (file);
  if (job->source == NULL)
    job->source = g_file_get_parse_name (file);

  start_job (self, job);
}

/**
 * vp_import_queue_add_text:
 * @text: the text of an article, as copied from a page
 * @source: the name to give it
 */
void
vp_import_queue_add_text (VpImportQueue *self,
                          const char    *text,
                          const char    *source)
{
  Job *job;

  g_return_if_fail (VP_IS_IMPORT_QUEUE (self));
  g_return_if_fail (text != NULL);
  g_return_if_fail (source != NULL);

  job = g_new0 (Job, 1);
  job->text = g_strdup (text);
  job->source = g_strdup (source);

  start_job (self, job);
}

gboolean
vp_import_queue_get_busy (VpImportQueue *self)
{
  g_return_val_if_fail (VP_IS_IMPORT_QUEUE (self), FALSE);

  return !g_queue_is_empty (&self->jobs);
}

/**
 * vp_import_queue_get_progress:
 *
 * Returns: the share of the current batch of imports that is done
 */
double
vp_import_queue_get_progress (VpImportQueue *self)
{
  g_return_val_if_fail (VP_IS_IMPORT_QUEUE (self), 0.0);

  if (self->n_total == 0)
    return 0.0;

  return (double)self->n_done / self->n_total;
}

/**
 * vp_import_queue_cancel:
 *
 * Stops the imports under way; their results are dropped.
 */
void
vp_import_queue_cancel (VpImportQueue *self)
{
  g_return_if_fail (VP_IS_IMPORT_QUEUE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}
