/* vp-workspace.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-workspace"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vp-error.h"
#include "vp-text.h"
#include "vp-workspace.h"
#include "vp-workspace-private.h"

/*
 * The workspace and its history
 *
 * A workspace holds what the window shows, what a workspace file saves
 * and what the command line exports: the articles in column order, the
 * actor set they are tagged with, the tagger made from it, and, in each
 * article, the reader's annotations (see vp-annotation.h).
 *
 * Whatever the reader does to the actors goes through an operation here
 * (tag a span, reject a mention, merge two actors…). An operation is made
 * of edits, each of which knows its inverse: an annotation added to or
 * removed from an article, an actor inserted into or removed from the set
 * at a position, an actor's properties changed from one copy to another.
 * The edits of one operation form a command on the undo stack; undoing it
 * applies the inverses in reverse order, which restores the state exactly,
 * and redoing it applies the edits again. A new command clears the redo
 * stack.
 *
 * While an operation, an undo or a redo runs, changes of the actor set are
 * collected, and the tagger is rebuilt and every article tagged again
 * once at the end, if the aliases, exclusions or enabled state of any
 * actor changed, or actors came or went. Changes made to the set directly
 * rather than through the workspace are followed too (the articles are
 * tagged again), but cannot be undone, and clear the history, whose
 * edits may no longer fit the set.
 *
 * What the reader says about pairs of proposals (linked as the same
 * proposal, or kept apart) is kept as links, in the order they were made,
 * since a comparison applies them in that order. The operations on links
 * are undoable too: an edit records the link's kind before and after,
 * and where it stood in the list, so that undoing puts it back exactly.
 */

typedef enum
{
  EDIT_ADD_ANNOTATION,
  EDIT_REMOVE_ANNOTATION,
  EDIT_INSERT_ACTOR,
  EDIT_REMOVE_ACTOR,
  EDIT_CHANGE_ACTOR,
  EDIT_CHANGE_LINK,
} EditKind;

/* A link edit's kind when there is no link: the pair is left to the
 * comparison's similarity. */
#define NO_LINK (-1)

typedef struct
{
  EditKind      kind;
  VpArticle    *article;     /* annotation edits */
  VpAnnotation *annotation;
  VpActor      *actor;       /* actor edits: the actor of the set */
  guint         position;    /* inserted or removed there */
  VpActor      *before;      /* changed from a copy to another */
  VpActor      *after;
  /* Link edits: the pair, whose articles the edit holds references to;
   * the link's kind before and after (a VpLinkKind, or NO_LINK); and
   * @position, where the link was in the list, or G_MAXUINT. */
  VpProposalPlace place_a;
  VpProposalPlace place_b;
  int           link_before;
  int           link_after;
} Edit;

typedef struct
{
  char   *label;             /* what the reader did: "Tag as Iran" */
  GArray *edits;             /* of Edit, in the order they were done */
  guint64 serial;            /* unique, to tell the saved state */
} Command;

struct _VpWorkspace
{
  GObject     parent_instance;

  GListStore *articles;      /* of VpArticle, in column order */
  VpActorSet *actors;
  VpTagger   *tagger;

  GPtrArray  *undo_stack;    /* of Command, the last done last */
  GPtrArray  *redo_stack;    /* of Command, the last undone last */
  char       *undo_label;
  char       *redo_label;
  guint64     next_serial;

  Command    *open;          /* the command being recorded */
  guint       open_depth;    /* begin_command() calls not ended yet */
  guint       batch_depth;   /* changes of the set are ours while > 0 */
  gboolean    retag_pending;

  guint64     saved_serial;  /* the state last saved, see set_modified */
  guint64     generation;    /* counts changes, for saves that end later */
  gboolean    changed_outside_history;
  gboolean    modified;

  char       *name;
  /* The view: for each article (borrowed) that has any, the outline
   * nodes the reader expanded or collapsed, path → GINT_TO_POINTER
   * (expanded + 1); the actors the outlines are filtered by. */
  GHashTable *outline_states;
  char      **filter;        /* sorted, never NULL */
  GArray     *links;         /* of VpWorkspaceLink, articles borrowed */
};

typedef VpWorkspaceLink Link;

G_DEFINE_FINAL_TYPE (VpWorkspace, vp_workspace, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTORS,
  PROP_TAGGER,
  PROP_ARTICLES,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  PROP_NAME,
  PROP_FILTER,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
edit_clear (gpointer data)
{
  Edit *edit = data;

  g_clear_object (&edit->article);
  g_clear_pointer (&edit->annotation, vp_annotation_unref);
  g_clear_object (&edit->actor);
  g_clear_object (&edit->before);
  g_clear_object (&edit->after);
  g_clear_object (&edit->place_a.article);
  g_clear_object (&edit->place_b.article);
}

static Command *
command_new (const char *label)
{
  Command *command = g_new0 (Command, 1);

  command->label = g_strdup (label);
  command->edits = g_array_new (FALSE, TRUE, sizeof (Edit));
  g_array_set_clear_func (command->edits, edit_clear);

  return command;
}

static void
command_free (gpointer data)
{
  Command *command = data;

  g_free (command->label);
  g_array_unref (command->edits);
  g_free (command);
}

/* Retagging */

/* The ids of the enabled actors, as a set every article can share (see
 * vp_article_share_active_actors()). Never NULL, which would make every
 * actor active. */
static GHashTable *
new_enabled_set (VpWorkspace *self)
{
  GHashTable *ids = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->actors));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actors), i);

      if (vp_actor_get_enabled (actor))
        g_hash_table_add (ids, (gpointer)g_intern_string (vp_actor_get_id (actor)));
    }

  return ids;
}

/* Gives @article the workspace's actors: the tagger's mentions, and its
 * enabled actors as the ones whose manual tags count. */
static void
tag_article (VpWorkspace *self,
             VpArticle   *article,
             GHashTable  *enabled)
{
  vp_article_share_active_actors (article, enabled);
  vp_tagger_tag_article (self->tagger, article);
}

static void
retag_all (VpWorkspace *self)
{
  g_autoptr(GHashTable) enabled = new_enabled_set (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));

  g_clear_pointer (&self->tagger, vp_tagger_unref);
  self->tagger = vp_tagger_new (self->actors);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VpArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), i);

      tag_article (self, article, enabled);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGGER]);
}

static void
begin_batch (VpWorkspace *self)
{
  self->batch_depth++;
}

static void
end_batch (VpWorkspace *self)
{
  g_assert (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;

  if (self->retag_pending)
    {
      self->retag_pending = FALSE;
      retag_all (self);
    }
}

/* History */

static guint64
state_serial (VpWorkspace *self)
{
  if (self->undo_stack->len == 0)
    return 0;

  return ((Command *)g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->serial;
}

static void
update_modified (VpWorkspace *self)
{
  gboolean modified = self->changed_outside_history || state_serial (self) != self->saved_serial;

  if (modified == self->modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static const char *
peek_label (GPtrArray *stack)
{
  if (stack->len == 0)
    return NULL;

  return ((Command *)g_ptr_array_index (stack, stack->len - 1))->label;
}

/* After the history or the state changed: the properties the window's
 * Undo and Redo follow, the modified flag, and ::changed. */
static void
history_changed (VpWorkspace *self)
{
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  gboolean could_undo = self->undo_label != NULL;
  gboolean could_redo = self->redo_label != NULL;

  self->generation++;

  if (self->undo_stack->len > 0)
    /* Translators: a menu item; %s is what the reader did, such as "Tag as Iran" */
    undo_label = g_strdup_printf (_("Undo %s"), peek_label (self->undo_stack));
  if (self->redo_stack->len > 0)
    /* Translators: a menu item; %s is what the reader undid, such as "Tag as Iran" */
    redo_label = g_strdup_printf (_("Redo %s"), peek_label (self->redo_stack));

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (undo_label, self->undo_label) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_steal_pointer (&undo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }

  if (g_strcmp0 (redo_label, self->redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_steal_pointer (&redo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }

  if (could_undo != (self->undo_label != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != (self->redo_label != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);

  update_modified (self);

  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* A change that is not in the history: articles added, removed or moved,
 * the set changed directly. */
static void
note_change_outside_history (VpWorkspace *self)
{
  self->changed_outside_history = TRUE;
  history_changed (self);
}

static void put_link (VpWorkspace           *self,
                      const VpProposalPlace *a,
                      const VpProposalPlace *b,
                      int                    kind,
                      guint                  position);

static gboolean
tagging_equal (VpActor *a,
               VpActor *b)
{
  const char * const *ea = vp_actor_get_exclusions (a);
  const char * const *eb = vp_actor_get_exclusions (b);
  guint n = vp_actor_get_n_aliases (a);

  if (vp_actor_get_enabled (a) != vp_actor_get_enabled (b) ||
      n != vp_actor_get_n_aliases (b) ||
      !g_strv_equal (ea, eb))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      gboolean fa;
      gboolean fb;

      if (strcmp (vp_actor_get_alias (a, i, &fa), vp_actor_get_alias (b, i, &fb)) != 0 || fa != fb)
        return FALSE;
    }

  return TRUE;
}

static void
apply_edit (VpWorkspace *self,
            const Edit  *edit,
            gboolean     forward)
{
  switch (edit->kind)
    {
    case EDIT_ADD_ANNOTATION:
    case EDIT_REMOVE_ANNOTATION:
      if ((edit->kind == EDIT_ADD_ANNOTATION) == forward)
        vp_article_add_annotation (edit->article, edit->annotation);
      else
        vp_article_remove_annotation (edit->article, edit->annotation);
      break;

    case EDIT_INSERT_ACTOR:
    case EDIT_REMOVE_ACTOR:
      if ((edit->kind == EDIT_INSERT_ACTOR) == forward)
        vp_actor_set_insert (self->actors, edit->position, edit->actor);
      else
        vp_actor_set_remove (self->actors, vp_actor_get_id (edit->actor));
      self->retag_pending = TRUE;
      break;

    case EDIT_CHANGE_ACTOR:
      vp_actor_assign (edit->actor, forward ? edit->after : edit->before);
      if (!tagging_equal (edit->before, edit->after))
        self->retag_pending = TRUE;
      break;

    case EDIT_CHANGE_LINK:
      put_link (self, &edit->place_a, &edit->place_b,
                forward ? edit->link_after : edit->link_before, edit->position);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Does @edit, which takes ownership of what it points to, and records it
 * in the open command. */
static void
do_edit (VpWorkspace *self,
         Edit        *edit)
{
  g_assert (self->open != NULL);

  apply_edit (self, edit, TRUE);
  g_array_append_vals (self->open->edits, edit, 1);
}

static void
begin_command (VpWorkspace *self,
               const char  *label)
{
  if (self->open_depth++ > 0)
    return;

  self->open = command_new (label);
  begin_batch (self);
}

static void
end_command (VpWorkspace *self)
{
  Command *command;

  g_assert (self->open_depth > 0);

  if (--self->open_depth > 0)
    return;

  command = g_steal_pointer (&self->open);
  end_batch (self);

  if (command->edits->len == 0)
    {
      command_free (command);
      return;
    }

  command->serial = ++self->next_serial;
  g_ptr_array_add (self->undo_stack, command);
  g_ptr_array_set_size (self->redo_stack, 0);
  history_changed (self);
}

static VpAnnotation *
lookup_equal (VpArticle    *article,
              VpAnnotation *annotation)
{
  return vp_article_lookup_annotation (article, vp_annotation_get_kind (annotation),
                                       vp_annotation_get_actor (annotation),
                                       vp_annotation_get_block (annotation),
                                       vp_annotation_get_start (annotation),
                                       vp_annotation_get_end (annotation));
}

/* Only what changes the article is recorded: undoing an addition that
 * added nothing would remove what was there before. */
static void
add_annotation (VpWorkspace  *self,
                VpArticle    *article,
                VpAnnotation *annotation)
{
  Edit edit = { EDIT_ADD_ANNOTATION, };

  if (lookup_equal (article, annotation) != NULL)
    return;

  edit.article = g_object_ref (article);
  edit.annotation = vp_annotation_ref (annotation);
  do_edit (self, &edit);
}

static void
remove_annotation (VpWorkspace  *self,
                   VpArticle    *article,
                   VpAnnotation *annotation)
{
  Edit edit = { EDIT_REMOVE_ANNOTATION, };
  VpAnnotation *found = lookup_equal (article, annotation);

  if (found == NULL)
    return;

  /* The article's own, with its context, so that undoing puts back
   * exactly what was there. */
  edit.article = g_object_ref (article);
  edit.annotation = vp_annotation_ref (found);
  do_edit (self, &edit);
}

static void
insert_actor (VpWorkspace *self,
              guint        position,
              VpActor     *actor)
{
  Edit edit = { EDIT_INSERT_ACTOR, };

  edit.actor = g_object_ref (actor);
  edit.position = position;
  do_edit (self, &edit);
}

static void
remove_actor (VpWorkspace *self,
              VpActor     *actor)
{
  Edit edit = { EDIT_REMOVE_ACTOR, };
  gboolean found;

  found = vp_actor_set_find (self->actors, vp_actor_get_id (actor), &edit.position);
  g_assert (found);

  edit.actor = g_object_ref (actor);
  do_edit (self, &edit);
}

/* Gives @actor the properties of @after, unless it has them already. */
static void
change_actor (VpWorkspace *self,
              VpActor     *actor,
              VpActor     *after)
{
  Edit edit = { EDIT_CHANGE_ACTOR, };

  if (vp_actor_equal (actor, after))
    return;

  edit.actor = g_object_ref (actor);
  edit.before = vp_actor_copy (actor);
  edit.after = vp_actor_copy (after);
  do_edit (self, &edit);
}

/* Drops the edits of @article from the history: it left the workspace,
 * and undoing them would change nothing the reader sees. Commands left
 * without edits go. */
static void
forget_article (VpWorkspace *self,
                VpArticle   *article)
{
  GPtrArray *stacks[] = { self->undo_stack, self->redo_stack };

  for (guint s = 0; s < G_N_ELEMENTS (stacks); s++)
    {
      for (guint i = stacks[s]->len; i-- > 0;)
        {
          Command *command = g_ptr_array_index (stacks[s], i);

          for (guint j = command->edits->len; j-- > 0;)
            {
              const Edit *edit = &g_array_index (command->edits, Edit, j);

              if (edit->article == article ||
                  edit->place_a.article == article || edit->place_b.article == article)
                g_array_remove_index (command->edits, j);
            }

          if (command->edits->len == 0)
            g_ptr_array_remove_index (stacks[s], i);
        }
    }
}

/* Drops what the view and the links say about @article. */
static void
forget_article_view (VpWorkspace *self,
                     VpArticle   *article)
{
  g_hash_table_remove (self->outline_states, article);

  for (guint i = self->links->len; i-- > 0;)
    {
      const Link *link = &g_array_index (self->links, Link, i);

      if (link->a.article == article || link->b.article == article)
        g_array_remove_index (self->links, i);
    }
}

/* Gives @to what the view and the links say about @from. */
static void
move_article_view (VpWorkspace *self,
                   VpArticle   *from,
                   VpArticle   *to)
{
  gpointer states;

  if (g_hash_table_steal_extended (self->outline_states, from, NULL, &states))
    g_hash_table_insert (self->outline_states, to, states);

  for (guint i = 0; i < self->links->len; i++)
    {
      Link *link = &g_array_index (self->links, Link, i);

      if (link->a.article == from)
        link->a.article = to;
      if (link->b.article == from)
        link->b.article = to;
    }
}

/* GObject */

static void
actors_changed_cb (VpWorkspace *self,
                   VpActorSet  *actors)
{
  /* Our own edits are followed at the end of their batch. */
  if (self->batch_depth > 0)
    return;

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  retag_all (self);
  note_change_outside_history (self);
}

static void
vp_workspace_dispose (GObject *object)
{
  VpWorkspace *self = (VpWorkspace *)object;

  if (self->actors != NULL)
    g_signal_handlers_disconnect_by_func (self->actors, actors_changed_cb, self);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_object (&self->articles);
  g_clear_object (&self->actors);

  G_OBJECT_CLASS (vp_workspace_parent_class)->dispose (object);
}

static void
vp_workspace_finalize (GObject *object)
{
  VpWorkspace *self = (VpWorkspace *)object;

  g_clear_pointer (&self->tagger, vp_tagger_unref);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->outline_states, g_hash_table_unref);
  g_clear_pointer (&self->filter, g_strfreev);
  g_clear_pointer (&self->links, g_array_unref);

  G_OBJECT_CLASS (vp_workspace_parent_class)->finalize (object);
}

static void
vp_workspace_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VpWorkspace *self = VP_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_ACTORS:
      g_value_set_object (value, self->actors);
      break;

    case PROP_TAGGER:
      g_value_set_boxed (value, self->tagger);
      break;

    case PROP_ARTICLES:
      g_value_set_object (value, self->articles);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, vp_workspace_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, vp_workspace_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_workspace_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VpWorkspace *self = VP_WORKSPACE (object);

  switch (prop_id)
    {
    case PROP_ACTORS:
      {
        VpActorSet *actors = g_value_get_object (value);

        /* The workspace's own copy: the reader's changes to it go through
         * the history, and other holders of @actors do not see them. */
        self->actors = actors != NULL ? vp_actor_set_copy (actors) : vp_actor_set_new_default ();
      }
      break;

    case PROP_MODIFIED:
      vp_workspace_set_modified (self, g_value_get_boolean (value));
      break;

    case PROP_NAME:
      vp_workspace_set_name (self, g_value_get_string (value));
      break;

    case PROP_FILTER:
      vp_workspace_set_filter (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vp_workspace_constructed (GObject *object)
{
  VpWorkspace *self = (VpWorkspace *)object;

  G_OBJECT_CLASS (vp_workspace_parent_class)->constructed (object);

  if (self->actors == NULL)
    self->actors = vp_actor_set_new_default ();

  self->tagger = vp_tagger_new (self->actors);
  g_signal_connect_object (self->actors, "changed", G_CALLBACK (actors_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
vp_workspace_class_init (VpWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vp_workspace_constructed;
  object_class->dispose = vp_workspace_dispose;
  object_class->finalize = vp_workspace_finalize;
  object_class->get_property = vp_workspace_get_property;
  object_class->set_property = vp_workspace_set_property;

  /* The workspace's own actor set, a copy of the one it was made with. */
  properties[PROP_ACTORS] =
    g_param_spec_object ("actors", NULL, NULL,
                         VP_TYPE_ACTOR_SET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Made anew whenever the actors change: importers running in other
   * threads take a reference on the current one. */
  properties[PROP_TAGGER] =
    g_param_spec_boxed ("tagger", NULL, NULL,
                        VP_TYPE_TAGGER,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ARTICLES] =
    g_param_spec_object ("articles", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* "Undo Tag as Iran", or NULL when there is nothing to undo. */
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether anything changed since the workspace was last saved (or
   * made); undoing back to the saved state clears it. */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What the reader called the workspace, or NULL: the window then
   * names it after its file. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The ids of the actors the outlines are filtered by, sorted; empty
   * for none. Part of the view (see vp_workspace_set_filter()). */
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VpWorkspace::changed:
   *
   * Emitted after anything a workspace file keeps changed: articles added,
   * removed or moved, an operation done, undone or redone, the actors
   * changed. What autosaving follows.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
vp_workspace_init (VpWorkspace *self)
{
  self->articles = g_list_store_new (VP_TYPE_ARTICLE);
  self->undo_stack = g_ptr_array_new_with_free_func (command_free);
  self->redo_stack = g_ptr_array_new_with_free_func (command_free);
  self->outline_states = g_hash_table_new_full (NULL, NULL, NULL,
                                                (GDestroyNotify)g_hash_table_unref);
  self->filter = g_new0 (char *, 1);
  self->links = g_array_new (FALSE, FALSE, sizeof (Link));
}

/**
 * vp_workspace_new:
 * @actors: (nullable): the actors to start with, copied; the default set
 *   when %NULL
 *
 * Returns: (transfer full): a new workspace without articles
 */
VpWorkspace *
vp_workspace_new (VpActorSet *actors)
{
  g_return_val_if_fail (actors == NULL || VP_IS_ACTOR_SET (actors), NULL);

  return g_object_new (VP_TYPE_WORKSPACE,
                       "actors", actors,
                       NULL);
}

/* Articles */

/**
 * vp_workspace_get_articles:
 *
 * Returns: (transfer none): a #GListModel of the #VpArticle, in column
 *   order; change it with the workspace's functions
 */
GListModel *
vp_workspace_get_articles (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);

  return G_LIST_MODEL (self->articles);
}

guint
vp_workspace_get_n_articles (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->articles));
}

/**
 * vp_workspace_get_article:
 *
 * Returns: (transfer none): the article at @position
 */
VpArticle *
vp_workspace_get_article (VpWorkspace *self,
                          guint        position)
{
  g_autoptr(VpArticle) article = NULL;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (position < vp_workspace_get_n_articles (self), NULL);

  article = g_list_model_get_item (G_LIST_MODEL (self->articles), position);

  /* The store keeps its own reference. */
  return article;
}

/**
 * vp_workspace_find_article:
 * @position: (out) (optional): where @article is
 *
 * Returns: whether @article is one of the workspace's
 */
gboolean
vp_workspace_find_article (VpWorkspace *self,
                           VpArticle   *article,
                           guint       *position)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (VP_IS_ARTICLE (article), FALSE);

  return g_list_store_find (self->articles, article, position);
}

/**
 * vp_workspace_lookup_article:
 * @source: a file name, as vp_article_get_source() gives it
 *
 * Returns: (transfer none) (nullable): the first article read from
 *   @source, if any: whether a file is open already
 */
VpArticle *
vp_workspace_lookup_article (VpWorkspace *self,
                             const char  *source)
{
  guint n;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (source != NULL, NULL);

  n = vp_workspace_get_n_articles (self);
  for (guint i = 0; i < n; i++)
    {
      VpArticle *article = vp_workspace_get_article (self, i);

      if (g_strcmp0 (vp_article_get_source (article), source) == 0)
        return article;
    }

  return NULL;
}

/**
 * vp_workspace_insert_article:
 * @position: where the article goes, at most the number of articles
 * @article: an article that is not in the workspace yet
 *
 * Adds @article, tagged again with the workspace's tagger: it may have
 * been imported with another one, before the actors last changed. Its
 * annotations, if it has any, are kept.
 */
void
vp_workspace_insert_article (VpWorkspace *self,
                             guint        position,
                             VpArticle   *article)
{
  g_autoptr(GHashTable) enabled = NULL;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (VP_IS_ARTICLE (article));
  g_return_if_fail (position <= vp_workspace_get_n_articles (self));
  g_return_if_fail (!vp_workspace_find_article (self, article, NULL));
  g_return_if_fail (self->open_depth == 0);

  enabled = new_enabled_set (self);
  tag_article (self, article, enabled);
  g_list_store_insert (self->articles, position, article);

  note_change_outside_history (self);
}

/**
 * vp_workspace_add_article:
 *
 * Adds @article after the others; see vp_workspace_insert_article().
 */
void
vp_workspace_add_article (VpWorkspace *self,
                          VpArticle   *article)
{
  g_return_if_fail (VP_IS_WORKSPACE (self));

  vp_workspace_insert_article (self, vp_workspace_get_n_articles (self), article);
}

/**
 * _vp_workspace_append_articles:
 * @articles: (element-type VpArticle): articles that are not in the
 *   workspace yet
 *
 * Adds @articles after the others, as vp_workspace_add_article() does
 * one by one, in one change: opening a workspace of thousands of articles
 * costs each article once, not once per article already there.
 */
void
_vp_workspace_append_articles (VpWorkspace *self,
                               GPtrArray   *articles)
{
  g_autoptr(GHashTable) enabled = NULL;
  g_autoptr(GHashTable) present = NULL;
  guint n;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (articles != NULL);
  g_return_if_fail (self->open_depth == 0);

  if (articles->len == 0)
    return;

  n = vp_workspace_get_n_articles (self);
  present = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (present, vp_workspace_get_article (self, i));

  enabled = new_enabled_set (self);
  for (guint i = 0; i < articles->len; i++)
    {
      VpArticle *article = g_ptr_array_index (articles, i);

      gboolean is_new;

      g_return_if_fail (VP_IS_ARTICLE (article));
      is_new = g_hash_table_add (present, article);
      g_return_if_fail (is_new);

      tag_article (self, article, enabled);
    }

  g_list_store_splice (self->articles, n, 0, articles->pdata, articles->len);

  note_change_outside_history (self);
}

/**
 * vp_workspace_remove_article:
 * @article: one of the workspace's articles
 *
 * Removes @article, with its annotations. The steps of the history that
 * only concerned it go too.
 */
void
vp_workspace_remove_article (VpWorkspace *self,
                             VpArticle   *article)
{
  guint position;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (VP_IS_ARTICLE (article));
  g_return_if_fail (self->open_depth == 0);

  if (!vp_workspace_find_article (self, article, &position))
    g_return_if_reached ();

  g_list_store_remove (self->articles, position);
  forget_article (self, article);
  forget_article_view (self, article);

  note_change_outside_history (self);
}

/**
 * vp_workspace_move_article:
 * @from: the position of an article
 * @to: the position it moves to
 *
 * Moves an article to another column; the articles between shift by one.
 */
void
vp_workspace_move_article (VpWorkspace *self,
                           guint        from,
                           guint        to)
{
  guint n;
  guint first;
  guint count;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(VpArticle) moved = NULL;

  g_return_if_fail (VP_IS_WORKSPACE (self));

  n = vp_workspace_get_n_articles (self);
  g_return_if_fail (from < n);
  g_return_if_fail (to < n);

  if (from == to)
    return;

  /* One splice over the range, so that views see one change. */
  first = MIN (from, to);
  count = MAX (from, to) - first + 1;
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = first; i < first + count; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (self->articles), i));

  moved = g_object_ref (g_ptr_array_index (items, from - first));
  g_ptr_array_remove_index (items, from - first);
  g_ptr_array_insert (items, to - first, g_steal_pointer (&moved));

  g_list_store_splice (self->articles, first, count, items->pdata, count);

  note_change_outside_history (self);
}

/**
 * vp_workspace_replace_article:
 * @old_article: one of the workspace's articles
 * @new_article: another version of it, read again
 *
 * Puts @new_article in the place of @old_article, with the annotations of
 * @old_article found again in its text (see
 * vp_article_anchor_annotations()). The steps of the history that only
 * concerned @old_article go.
 *
 * Returns: (transfer full) (element-type VpAnnotation): the annotations
 *   that could not be found in @new_article, for the reader to be told
 */
GPtrArray *
vp_workspace_replace_article (VpWorkspace *self,
                              VpArticle   *old_article,
                              VpArticle   *new_article)
{
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GHashTable) enabled = NULL;
  guint n_annotations;
  guint position;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (VP_IS_ARTICLE (old_article), NULL);
  g_return_val_if_fail (VP_IS_ARTICLE (new_article), NULL);
  g_return_val_if_fail (!vp_workspace_find_article (self, new_article, NULL), NULL);
  g_return_val_if_fail (self->open_depth == 0, NULL);

  if (!vp_workspace_find_article (self, old_article, &position))
    g_return_val_if_reached (NULL);

  n_annotations = vp_article_get_n_annotations (old_article);
  annotations = g_ptr_array_new_full (n_annotations, (GDestroyNotify)vp_annotation_unref);
  for (guint i = 0; i < n_annotations; i++)
    g_ptr_array_add (annotations, vp_annotation_ref (vp_article_get_annotation (old_article, i)));

  enabled = new_enabled_set (self);
  tag_article (self, new_article, enabled);
  dropped = vp_article_anchor_annotations (new_article, annotations);

  /* The outline is found again from the new text: the view and the links
   * name its nodes by position, and keep them where they were. */
  move_article_view (self, old_article, new_article);
  g_list_store_splice (self->articles, position, 1, (gpointer *)&new_article, 1);
  forget_article (self, old_article);

  note_change_outside_history (self);

  return g_steal_pointer (&dropped);
}

/* Actors */

/**
 * vp_workspace_get_actors:
 *
 * The workspace's actor set, for views (it is a #GListModel of #VpActor)
 * and for saving. Change it through the workspace's operations: changes
 * made to it directly are followed, but cannot be undone and clear the
 * history.
 *
 * Returns: (transfer none): the actor set
 */
VpActorSet *
vp_workspace_get_actors (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);

  return self->actors;
}

/**
 * vp_workspace_lookup_actor:
 *
 * Returns: (transfer none) (nullable): the workspace's actor with @actor_id
 */
VpActor *
vp_workspace_lookup_actor (VpWorkspace *self,
                           const char  *actor_id)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (actor_id != NULL, NULL);

  return vp_actor_set_lookup (self->actors, actor_id);
}

/**
 * vp_workspace_get_tagger:
 *
 * The tagger of the workspace's enabled actors, made anew whenever they
 * change (#VpWorkspace:tagger is notified then). An importer running in
 * another thread takes a reference on it; vp_workspace_add_article() tags
 * the article again if the actors changed in the meantime.
 *
 * Returns: (transfer none): the tagger
 */
VpTagger *
vp_workspace_get_tagger (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);

  return self->tagger;
}

/* Operations */

static gboolean
check_span (VpWorkspace *self,
            VpArticle   *article,
            const char  *actor_id,
            int          block,
            guint        start,
            guint        end)
{
  const char *text;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (VP_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (vp_workspace_find_article (self, article, NULL), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);
  g_return_val_if_fail (vp_actor_set_lookup (self->actors, actor_id) != NULL, FALSE);

  text = vp_article_get_block_text (article, block);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (start < end && end <= strlen (text), FALSE);

  return TRUE;
}

static const char *
actor_name (VpWorkspace *self,
            const char  *actor_id)
{
  return vp_actor_get_name (vp_actor_set_lookup (self->actors, actor_id));
}

/* Whether the article's mentions have @actor at exactly that span. */
static gboolean
has_mention (VpArticle  *article,
             const char *actor,
             int         block,
             guint       start,
             guint       end,
             gboolean    automatic)
{
  const VpMention *mentions;
  guint n;

  if (automatic)
    mentions = vp_article_get_automatic_mentions (article, &n);
  else
    mentions = vp_article_get_mentions (article, &n);

  for (guint i = 0; i < n; i++)
    {
      if (mentions[i].block == block && mentions[i].start == start && mentions[i].end == end &&
          mentions[i].actor == actor)
        return TRUE;
    }

  return FALSE;
}

/* Narrows a selection to what it holds between white space. */
static void
trim_span (const char *text,
           guint      *start,
           guint      *end)
{
  while (*start < *end)
    {
      const char *next;
      gunichar c = vp_text_get_char (text + *start, text + *end, &next);

      if (!vp_text_is_space (c) && !vp_text_is_invisible (c))
        break;
      *start = next - text;
    }

  while (*end > *start)
    {
      const char *last = g_utf8_find_prev_char (text + *start, text + *end);
      gunichar c;

      if (last == NULL)
        last = text + *start;
      c = g_utf8_get_char (last);
      if (!vp_text_is_space (c) && !vp_text_is_invisible (c))
        break;
      *end = last - text;
    }
}

/**
 * vp_workspace_tag_span:
 * @article: one of the workspace's articles
 * @actor_id: one of the workspace's actors
 * @block: a block of @article, or VP_MENTION_TITLE
 * @start: where the selection starts in the block's text, in bytes
 * @end: where it ends
 * @error: a place for a #VP_WORKSPACE_ERROR
 *
 * Tags a selection as a mention of an actor ("Tag as…"). White space
 * around it is left out. A mention of the actor the reader had rejected
 * there is restored instead; a span that already mentions the actor is
 * left as it is.
 *
 * Returns: whether the span now mentions the actor: %FALSE, with @error
 *   set, when the selection holds no letter or digit
 */
gboolean
vp_workspace_tag_span (VpWorkspace  *self,
                       VpArticle    *article,
                       const char   *actor_id,
                       int           block,
                       guint         start,
                       guint         end,
                       GError      **error)
{
  g_autoptr(VpAnnotation) tag = NULL;
  g_autofree char *label = NULL;
  g_autofree char *selection = NULL;
  VpAnnotation *rejection;
  const char *actor;
  const char *text;

  if (!check_span (self, article, actor_id, block, start, end))
    return FALSE;
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = vp_article_get_block_text (article, block);
  trim_span (text, &start, &end);
  selection = g_strndup (text + start, end - start);

  if (!vp_actor_phrase_is_valid (selection))
    {
      g_set_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_INVALID,
                   _("There is nothing to tag in the selection: select a word or a phrase"));
      return FALSE;
    }

  actor = g_intern_string (actor_id);

  /* Translators: an action in the history; %s is an actor's name */
  label = g_strdup_printf (_("Tag as %s"), actor_name (self, actor));
  begin_command (self, label);

  rejection = vp_article_lookup_annotation (article, VP_ANNOTATION_REJECTION, actor,
                                            block, start, end);
  if (rejection != NULL)
    remove_annotation (self, article, rejection);

  if (!has_mention (article, actor, block, start, end, FALSE))
    {
      tag = vp_article_new_span_annotation (article, VP_ANNOTATION_TAG, actor, block, start, end);
      add_annotation (self, article, tag);
    }

  end_command (self);

  return TRUE;
}

/* Takes back the reader's annotation of @kind at a span, as one step of
 * the history named @label. */
static gboolean
remove_span_annotation (VpWorkspace      *self,
                        VpArticle        *article,
                        VpAnnotationKind  kind,
                        const char       *actor_id,
                        int               block,
                        guint             start,
                        guint             end,
                        const char       *label)
{
  VpAnnotation *annotation = vp_article_lookup_annotation (article, kind, actor_id,
                                                           block, start, end);

  if (annotation == NULL)
    return FALSE;

  begin_command (self, label);
  remove_annotation (self, article, annotation);
  end_command (self);

  return TRUE;
}

/**
 * vp_workspace_untag_span:
 * @article: one of the workspace's articles
 * @actor_id: one of the workspace's actors
 * @block: a block of @article, or VP_MENTION_TITLE
 * @start: where a manual tag starts
 * @end: where it ends
 *
 * Removes a span tagged by hand.
 *
 * Returns: whether there was such a tag
 */
gboolean
vp_workspace_untag_span (VpWorkspace *self,
                         VpArticle   *article,
                         const char  *actor_id,
                         int          block,
                         guint        start,
                         guint        end)
{
  g_autofree char *label = NULL;

  if (!check_span (self, article, actor_id, block, start, end))
    return FALSE;

  /* Translators: an action in the history; %s is an actor's name */
  label = g_strdup_printf (_("Remove %s Tag"), actor_name (self, actor_id));

  return remove_span_annotation (self, article, VP_ANNOTATION_TAG, actor_id,
                                 block, start, end, label);
}

/**
 * vp_workspace_reject_mention:
 * @article: one of the workspace's articles
 * @actor_id: one of the workspace's actors
 * @block: a block of @article, or VP_MENTION_TITLE
 * @start: where a mention of the actor starts
 * @end: where it ends
 *
 * Says that a mention is wrong ("Not Iran here"): the tagger's mention is
 * rejected, and a manual tag at that span is removed, so that the span no
 * longer mentions the actor.
 *
 * Returns: whether the span mentioned the actor
 */
gboolean
vp_workspace_reject_mention (VpWorkspace *self,
                             VpArticle   *article,
                             const char  *actor_id,
                             int          block,
                             guint        start,
                             guint        end)
{
  g_autofree char *label = NULL;
  const char *actor;
  VpAnnotation *tag;

  if (!check_span (self, article, actor_id, block, start, end))
    return FALSE;

  actor = g_intern_string (actor_id);
  if (!has_mention (article, actor, block, start, end, FALSE))
    return FALSE;

  /* Translators: an action in the history, "Not Iran Here": a mention of
   * the actor was wrong; %s is its name */
  label = g_strdup_printf (_("Not %s Here"), actor_name (self, actor));
  begin_command (self, label);

  tag = vp_article_lookup_annotation (article, VP_ANNOTATION_TAG, actor, block, start, end);
  if (tag != NULL)
    remove_annotation (self, article, tag);

  if (has_mention (article, actor, block, start, end, TRUE) &&
      vp_article_lookup_annotation (article, VP_ANNOTATION_REJECTION, actor,
                                    block, start, end) == NULL)
    {
      g_autoptr(VpAnnotation) rejection = NULL;

      rejection = vp_article_new_span_annotation (article, VP_ANNOTATION_REJECTION, actor,
                                                  block, start, end);
      add_annotation (self, article, rejection);
    }

  end_command (self);

  return TRUE;
}

/**
 * vp_workspace_restore_mention:
 * @article: one of the workspace's articles
 * @actor_id: one of the workspace's actors
 * @block: a block of @article, or VP_MENTION_TITLE
 * @start: where a rejected mention starts
 * @end: where it ends
 *
 * Takes back the rejection of a mention.
 *
 * Returns: whether the mention had been rejected
 */
gboolean
vp_workspace_restore_mention (VpWorkspace *self,
                              VpArticle   *article,
                              const char  *actor_id,
                              int          block,
                              guint        start,
                              guint        end)
{
  g_autofree char *label = NULL;

  if (!check_span (self, article, actor_id, block, start, end))
    return FALSE;

  /* Translators: an action in the history; %s is an actor's name */
  label = g_strdup_printf (_("Restore %s Mention"), actor_name (self, actor_id));

  return remove_span_annotation (self, article, VP_ANNOTATION_REJECTION, actor_id,
                                 block, start, end, label);
}

static gboolean
check_item (VpWorkspace   *self,
            VpArticle     *article,
            VpOutlineItem *item,
            const char    *actor_id)
{
  int block;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (VP_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (vp_workspace_find_article (self, article, NULL), FALSE);
  g_return_val_if_fail (VP_IS_OUTLINE_ITEM (item), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);
  g_return_val_if_fail (vp_actor_set_lookup (self->actors, actor_id) != NULL, FALSE);

  block = vp_outline_item_get_block (item);
  g_return_val_if_fail (block >= 0 && (guint)block < vp_article_get_n_blocks (article), FALSE);

  return TRUE;
}

/* Adds or removes the reader's say on @item about @actor: @involved says
 * whether the item should involve the actor. An addition and a removal of
 * the same actor never stand together: the one taken back goes first. */
static void
set_item_actor (VpWorkspace   *self,
                VpArticle     *article,
                VpOutlineItem *item,
                const char    *actor,
                gboolean       involved)
{
  g_autoptr(VpAnnotation) wanted = NULL;
  g_autoptr(VpAnnotation) opposite = NULL;

  if (vp_outline_item_has_actor (item, actor) == involved)
    return;

  opposite = vp_article_new_item_annotation (article,
                                             involved ? VP_ANNOTATION_ITEM_REMOVAL
                                                      : VP_ANNOTATION_ITEM_ADDITION,
                                             actor, item);
  remove_annotation (self, article, opposite);

  if (vp_outline_item_has_actor (item, actor) == involved)
    return;

  wanted = vp_article_new_item_annotation (article,
                                           involved ? VP_ANNOTATION_ITEM_ADDITION
                                                    : VP_ANNOTATION_ITEM_REMOVAL,
                                           actor, item);
  add_annotation (self, article, wanted);
}

/**
 * vp_workspace_add_item_actor:
 * @article: one of the workspace's articles
 * @item: one of its outline items or recommendations
 * @actor_id: one of the workspace's actors
 *
 * Makes the whole proposal involve an actor, whether or not its text
 * names it.
 */
void
vp_workspace_add_item_actor (VpWorkspace   *self,
                             VpArticle     *article,
                             VpOutlineItem *item,
                             const char    *actor_id)
{
  g_autofree char *label = NULL;

  if (!check_item (self, article, item, actor_id))
    return;

  /* Translators: an action in the history; %s is an actor's name */
  label = g_strdup_printf (_("Add %s to Proposal"), actor_name (self, actor_id));
  begin_command (self, label);
  set_item_actor (self, article, item, g_intern_string (actor_id), TRUE);
  end_command (self);
}

/**
 * vp_workspace_remove_item_actor:
 * @article: one of the workspace's articles
 * @item: one of its outline items or recommendations
 * @actor_id: one of the workspace's actors
 *
 * Makes the whole proposal not involve an actor, whatever its text says.
 */
void
vp_workspace_remove_item_actor (VpWorkspace   *self,
                                VpArticle     *article,
                                VpOutlineItem *item,
                                const char    *actor_id)
{
  g_autofree char *label = NULL;

  if (!check_item (self, article, item, actor_id))
    return;

  /* Translators: an action in the history; %s is an actor's name */
  label = g_strdup_printf (_("Remove %s from Proposal"), actor_name (self, actor_id));
  begin_command (self, label);
  set_item_actor (self, article, item, g_intern_string (actor_id), FALSE);
  end_command (self);
}

static gboolean
phrases_equal_nocase (const char *a,
                      const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return strcmp (fa, fb) == 0;
}

/* Removes from @actor the exclusions that are @alias, whatever the case:
 * an exclusion hides its words from the actor, so an alias that is also
 * an exclusion would find nothing. */
static void
remove_exclusions_like (VpActor    *actor,
                        const char *alias)
{
  const char * const *exclusions = vp_actor_get_exclusions (actor);
  g_auto(GStrv) like = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; exclusions[i] != NULL; i++)
    {
      if (phrases_equal_nocase (exclusions[i], alias))
        g_strv_builder_add (builder, exclusions[i]);
    }

  like = g_strv_builder_end (builder);
  for (guint i = 0; like[i] != NULL; i++)
    vp_actor_remove_exclusion (actor, like[i]);
}

/**
 * vp_workspace_add_alias:
 * @actor_id: one of the workspace's actors
 * @alias: words that name the actor, such as a selection
 * @case_sensitive: whether they match only as written (see
 *   vp_actor_guess_case_sensitive() for a default)
 * @error: a place for a #VP_WORKSPACE_ERROR
 *
 * Adds an alias to an actor ("Add “…” as an alias of…"), and tags every
 * article again. An exclusion of the actor that is the same phrase goes,
 * or the alias would find nothing.
 *
 * Returns: whether the actor now has the alias: %FALSE, with @error set,
 *   when @alias has no letter or digit
 */
gboolean
vp_workspace_add_alias (VpWorkspace  *self,
                        const char   *actor_id,
                        const char   *alias,
                        gboolean      case_sensitive,
                        GError      **error)
{
  g_autoptr(VpActor) after = NULL;
  g_autofree char *label = NULL;
  g_autofree char *normalised = NULL;
  VpActor *actor;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (actor_id != NULL, FALSE);
  g_return_val_if_fail (alias != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  actor = vp_actor_set_lookup (self->actors, actor_id);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (!vp_actor_phrase_is_valid (alias))
    {
      g_autofree char *shown = g_utf8_make_valid (alias, -1);

      g_set_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_INVALID,
                   _("“%s” has no letters or digits, so it cannot name an actor"), shown);
      return FALSE;
    }

  normalised = vp_text_normalise (alias, -1);
  after = vp_actor_copy (actor);
  remove_exclusions_like (after, normalised);
  vp_actor_add_alias (after, normalised, case_sensitive);

  /* Translators: an action in the history; the first %s is a word or
   * phrase, the second an actor's name */
  label = g_strdup_printf (_("Add Alias “%s” to %s"), normalised, vp_actor_get_name (actor));
  begin_command (self, label);
  change_actor (self, actor, after);
  end_command (self);

  return TRUE;
}

/**
 * vp_workspace_add_actor:
 * @actor: a new actor, whose id no actor of the workspace has
 *
 * Adds a new actor after the others, as the reader made it.
 */
void
vp_workspace_add_actor (VpWorkspace *self,
                        VpActor     *actor)
{
  g_autofree char *label = NULL;
  guint n;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (VP_IS_ACTOR (actor));
  g_return_if_fail (vp_actor_set_lookup (self->actors, vp_actor_get_id (actor)) == NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->actors));

  /* Translators: an action in the history; %s is an actor's name */
  label = g_strdup_printf (_("Create %s"), vp_actor_get_name (actor));
  begin_command (self, label);
  insert_actor (self, n, actor);
  end_command (self);
}

/**
 * vp_workspace_create_actor:
 * @name: the new actor's name
 * @error: a place for a #VP_WORKSPACE_ERROR
 *
 * Makes a new actor from a name alone, as "Tag as… → New Actor" needs: an
 * id from the name, the next colour of the palette no enabled actor uses,
 * and the name itself as an alias (matched only as written when it is in
 * capitals, see vp_actor_guess_case_sensitive()), so that its mentions
 * are found in every article.
 *
 * Returns: (transfer none): the new actor, or %NULL with @error set when
 *   @name is blank
 */
VpActor *
vp_workspace_create_actor (VpWorkspace  *self,
                           const char   *name,
                           GError      **error)
{
  g_autoptr(VpActor) actor = NULL;
  g_autofree char *normalised = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  normalised = vp_text_normalise (name, -1);
  if (normalised[0] == '\0')
    {
      g_set_error (error, VP_WORKSPACE_ERROR, VP_WORKSPACE_ERROR_INVALID,
                   _("An actor needs a name"));
      return NULL;
    }

  id = vp_actor_set_dup_new_id (self->actors, normalised);
  actor = vp_actor_new (id, normalised);
  vp_actor_set_color (actor, vp_actor_set_suggest_color (self->actors));
  if (vp_actor_phrase_is_valid (normalised))
    vp_actor_add_alias (actor, normalised, vp_actor_guess_case_sensitive (normalised));

  vp_workspace_add_actor (self, actor);

  return vp_actor_set_lookup (self->actors, id);
}

/**
 * vp_workspace_edit_actor:
 * @changes: a copy (see vp_actor_copy()) of one of the workspace's actors,
 *   with its name, colour, kind, enabled state, aliases and exclusions
 *   as the reader set them in an editor
 *
 * Gives the workspace's actor with the id of @changes its properties, as
 * one step of the history, and tags every article again if what the
 * tagger looks for changed.
 */
void
vp_workspace_edit_actor (VpWorkspace *self,
                         VpActor     *changes)
{
  g_autofree char *label = NULL;
  VpActor *actor;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (VP_IS_ACTOR (changes));

  actor = vp_actor_set_lookup (self->actors, vp_actor_get_id (changes));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (actor != changes);

  /* Translators: an action in the history; %s is an actor's name */
  label = g_strdup_printf (_("Edit %s"), vp_actor_get_name (changes));
  begin_command (self, label);
  change_actor (self, actor, changes);
  end_command (self);
}

/**
 * vp_workspace_set_actor_enabled:
 * @actor_id: one of the workspace's actors
 * @enabled: whether its mentions are looked for
 *
 * Enables an actor (one of the bundled set the reader wants to follow,
 * say) or disables it: a disabled actor's mentions, manual tags and item
 * additions are kept, but do not count until it is enabled again.
 */
void
vp_workspace_set_actor_enabled (VpWorkspace *self,
                                const char  *actor_id,
                                gboolean     enabled)
{
  g_autoptr(VpActor) after = NULL;
  g_autofree char *label = NULL;
  VpActor *actor;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (actor_id != NULL);

  actor = vp_actor_set_lookup (self->actors, actor_id);
  g_return_if_fail (actor != NULL);

  after = vp_actor_copy (actor);
  vp_actor_set_enabled (after, enabled);

  if (enabled)
    /* Translators: an action in the history; %s is an actor's name */
    label = g_strdup_printf (_("Enable %s"), vp_actor_get_name (actor));
  else
    /* Translators: an action in the history; %s is an actor's name */
    label = g_strdup_printf (_("Disable %s"), vp_actor_get_name (actor));

  begin_command (self, label);
  change_actor (self, actor, after);
  end_command (self);
}

/* The annotations of @actor in @article, to edit them one by one. */
static GPtrArray *
dup_annotations_of (VpArticle  *article,
                    const char *actor)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify)vp_annotation_unref);
  guint n = vp_article_get_n_annotations (article);

  for (guint i = 0; i < n; i++)
    {
      VpAnnotation *annotation = vp_article_get_annotation (article, i);

      if (vp_annotation_get_actor (annotation) == actor)
        g_ptr_array_add (found, vp_annotation_ref (annotation));
    }

  return found;
}

/**
 * vp_workspace_delete_actor:
 * @actor_id: one of the workspace's actors
 *
 * Deletes an actor, with its manual tags, rejections and item annotations
 * in every article; undoing brings all of them back.
 */
void
vp_workspace_delete_actor (VpWorkspace *self,
                           const char  *actor_id)
{
  g_autofree char *label = NULL;
  VpActor *actor;
  guint n_articles;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (actor_id != NULL);

  actor = vp_actor_set_lookup (self->actors, actor_id);
  g_return_if_fail (actor != NULL);

  /* Translators: an action in the history; %s is an actor's name */
  label = g_strdup_printf (_("Delete %s"), vp_actor_get_name (actor));
  begin_command (self, label);

  n_articles = vp_workspace_get_n_articles (self);
  for (guint i = 0; i < n_articles; i++)
    {
      VpArticle *article = vp_workspace_get_article (self, i);
      g_autoptr(GPtrArray) annotations = dup_annotations_of (article, vp_actor_get_id (actor));

      for (guint j = 0; j < annotations->len; j++)
        remove_annotation (self, article, g_ptr_array_index (annotations, j));
    }

  remove_actor (self, actor);
  end_command (self);
}

static VpAnnotationKind
opposite_kind (VpAnnotationKind kind)
{
  switch (kind)
    {
    case VP_ANNOTATION_TAG:
      return VP_ANNOTATION_REJECTION;
    case VP_ANNOTATION_REJECTION:
      return VP_ANNOTATION_TAG;
    case VP_ANNOTATION_ITEM_ADDITION:
      return VP_ANNOTATION_ITEM_REMOVAL;
    case VP_ANNOTATION_ITEM_REMOVAL:
      return VP_ANNOTATION_ITEM_ADDITION;
    default:
      g_assert_not_reached ();
    }
}

/**
 * vp_workspace_merge_actors:
 * @into_id: the actor that stays
 * @from_id: another actor, that goes
 *
 * Merges two actors that are one: @into_id gains the aliases (with their
 * flags) and exclusions of @from_id that it does not have, and its manual
 * tags, rejections and item annotations in every article; @from_id
 * disappears. Where the two disagree (a span one tagged and the other
 * rejected, an item one added and the other removed), @into_id's say
 * stands. An exclusion of @into_id that is an alias of @from_id goes, and
 * an exclusion of @from_id that is an alias of @into_id is not taken.
 * Undoing restores both actors and every annotation exactly.
 */
void
vp_workspace_merge_actors (VpWorkspace *self,
                           const char  *into_id,
                           const char  *from_id)
{
  g_autoptr(VpActor) after = NULL;
  g_autofree char *label = NULL;
  const char * const *exclusions;
  VpActor *into;
  VpActor *from;
  guint n_articles;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (into_id != NULL);
  g_return_if_fail (from_id != NULL);

  into = vp_actor_set_lookup (self->actors, into_id);
  from = vp_actor_set_lookup (self->actors, from_id);
  g_return_if_fail (into != NULL);
  g_return_if_fail (from != NULL);
  g_return_if_fail (into != from);

  after = vp_actor_copy (into);
  for (guint i = 0; i < vp_actor_get_n_aliases (from); i++)
    {
      gboolean case_sensitive;
      const char *alias = vp_actor_get_alias (from, i, &case_sensitive);

      remove_exclusions_like (after, alias);
      if (!vp_actor_has_alias (after, alias))
        vp_actor_add_alias (after, alias, case_sensitive);
    }

  exclusions = vp_actor_get_exclusions (from);
  for (guint i = 0; exclusions[i] != NULL; i++)
    {
      gboolean names_it = FALSE;

      for (guint j = 0; j < vp_actor_get_n_aliases (after) && !names_it; j++)
        names_it = phrases_equal_nocase (vp_actor_get_alias (after, j, NULL), exclusions[i]);

      if (!names_it)
        vp_actor_add_exclusion (after, exclusions[i]);
    }

  /* Translators: an action in the history, "Merge Persia into Iran"; the
   * first %s is the actor that goes, the second the one that stays */
  label = g_strdup_printf (_("Merge %s into %s"), vp_actor_get_name (from),
                           vp_actor_get_name (into));
  begin_command (self, label);

  change_actor (self, into, after);

  n_articles = vp_workspace_get_n_articles (self);
  for (guint i = 0; i < n_articles; i++)
    {
      VpArticle *article = vp_workspace_get_article (self, i);
      g_autoptr(GPtrArray) annotations = dup_annotations_of (article, vp_actor_get_id (from));

      for (guint j = 0; j < annotations->len; j++)
        {
          VpAnnotation *annotation = g_ptr_array_index (annotations, j);
          g_autoptr(VpAnnotation) moved = NULL;
          int block = vp_annotation_get_block (annotation);
          guint start = vp_annotation_get_start (annotation);
          guint end = vp_annotation_get_end (annotation);
          VpAnnotationKind kind = vp_annotation_get_kind (annotation);

          remove_annotation (self, article, annotation);

          if (vp_article_lookup_annotation (article, kind, vp_actor_get_id (into),
                                            block, start, end) != NULL ||
              vp_article_lookup_annotation (article, opposite_kind (kind), vp_actor_get_id (into),
                                            block, start, end) != NULL)
            continue;

          moved = vp_annotation_copy_for_actor (annotation, vp_actor_get_id (into));
          add_annotation (self, article, moved);
        }
    }

  remove_actor (self, from);
  end_command (self);
}

/**
 * vp_workspace_replace_actors:
 * @actors: another actor set, such as one the reader imported
 *
 * Replaces the workspace's actors with copies of those of @actors, as one
 * step of the history. Manual tags and item annotations of actors that
 * are not in @actors are kept, without effect, and count again if the
 * step is undone.
 */
void
vp_workspace_replace_actors (VpWorkspace *self,
                             VpActorSet  *actors)
{
  guint n_old;
  guint n_new;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (VP_IS_ACTOR_SET (actors));
  g_return_if_fail (actors != self->actors);

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->actors));
  n_new = g_list_model_get_n_items (G_LIST_MODEL (actors));

  /* Translators: an action in the history */
  begin_command (self, _("Replace Actors"));

  for (guint i = n_old; i-- > 0;)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (self->actors), i);

      remove_actor (self, actor);
    }

  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (actors), i);
      g_autoptr(VpActor) copy = vp_actor_copy (actor);

      insert_actor (self, i, copy);
    }

  end_command (self);
}

/**
 * vp_workspace_begin_action:
 * @label: what the reader does, as the history names it ("Tag as New
 *   Actor")
 *
 * Makes the operations until vp_workspace_end_action() one step of the
 * history, undone and redone at once. Actions may nest; the outermost
 * label names the step.
 */
void
vp_workspace_begin_action (VpWorkspace *self,
                           const char  *label)
{
  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (label != NULL);

  begin_command (self, label);
}

void
vp_workspace_end_action (VpWorkspace *self)
{
  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (self->open_depth > 0);

  end_command (self);
}

/* History */

gboolean
vp_workspace_can_undo (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
vp_workspace_can_redo (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * vp_workspace_get_undo_label:
 *
 * Returns: (nullable): what Undo would undo, as a menu item says it
 *   ("Undo Tag as Iran"), or %NULL when there is nothing to undo
 */
const char *
vp_workspace_get_undo_label (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);

  return self->undo_label;
}

/**
 * vp_workspace_get_redo_label:
 *
 * Returns: (nullable): what Redo would do again ("Redo Tag as Iran"), or
 *   %NULL when there is nothing to redo
 */
const char *
vp_workspace_get_redo_label (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);

  return self->redo_label;
}

/* Moves the last command of @from to @to, undoing or redoing it. */
static gboolean
replay (VpWorkspace *self,
        GPtrArray   *from,
        GPtrArray   *to,
        gboolean     forward)
{
  Command *command;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (self->open_depth == 0, FALSE);

  if (from->len == 0)
    return FALSE;

  command = g_ptr_array_steal_index (from, from->len - 1);

  begin_batch (self);
  if (forward)
    {
      for (guint i = 0; i < command->edits->len; i++)
        apply_edit (self, &g_array_index (command->edits, Edit, i), TRUE);
    }
  else
    {
      for (guint i = command->edits->len; i-- > 0;)
        apply_edit (self, &g_array_index (command->edits, Edit, i), FALSE);
    }
  end_batch (self);

  g_ptr_array_add (to, command);
  history_changed (self);

  return TRUE;
}

/**
 * vp_workspace_undo:
 *
 * Undoes the last step of the history.
 *
 * Returns: whether there was one
 */
gboolean
vp_workspace_undo (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);

  return replay (self, self->undo_stack, self->redo_stack, FALSE);
}

/**
 * vp_workspace_redo:
 *
 * Does again the last step undone.
 *
 * Returns: whether there was one
 */
gboolean
vp_workspace_redo (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);

  return replay (self, self->redo_stack, self->undo_stack, TRUE);
}

/**
 * vp_workspace_clear_history:
 *
 * Forgets every step of the history, as after opening a workspace file.
 */
void
vp_workspace_clear_history (VpWorkspace *self)
{
  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (self->open_depth == 0);

  if (self->undo_stack->len == 0 && self->redo_stack->len == 0)
    return;

  /* The state stays what it is: saved or not. */
  self->changed_outside_history = self->modified;
  self->saved_serial = 0;
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  history_changed (self);
}

/**
 * vp_workspace_get_modified:
 *
 * Returns: whether the workspace changed since it was made or last
 *   marked as saved (see vp_workspace_set_modified())
 */
gboolean
vp_workspace_get_modified (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);

  return self->modified;
}

/**
 * vp_workspace_set_modified:
 * @modified: %FALSE once the workspace was saved; %TRUE to say that it
 *   must be saved again
 *
 * After a save, the current state is the saved one: undoing steps done
 * since makes the workspace modified, and redoing them back makes it
 * unmodified again.
 */
void
vp_workspace_set_modified (VpWorkspace *self,
                           gboolean     modified)
{
  g_return_if_fail (VP_IS_WORKSPACE (self));

  if (modified)
    self->changed_outside_history = TRUE;
  else
    {
      self->changed_outside_history = FALSE;
      self->saved_serial = state_serial (self);
    }

  update_modified (self);
}

/* The name */

/**
 * vp_workspace_get_name:
 *
 * Returns: (nullable): the name the reader gave the workspace, shown in
 *   the window's title and saved with it; %NULL when it has none
 */
const char *
vp_workspace_get_name (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);

  return self->name;
}

/**
 * vp_workspace_set_name:
 * @name: (nullable): the new name; white space is collapsed, and a blank
 *   name is none
 *
 * Names the workspace. This is a change to save, outside the history.
 */
void
vp_workspace_set_name (VpWorkspace *self,
                       const char  *name)
{
  g_autofree char *normalised = NULL;

  g_return_if_fail (VP_IS_WORKSPACE (self));

  if (name != NULL)
    normalised = vp_text_normalise (name, -1);
  if (normalised != NULL && normalised[0] == '\0')
    g_clear_pointer (&normalised, g_free);

  if (g_strcmp0 (normalised, self->name) == 0)
    return;

  g_free (self->name);
  self->name = g_steal_pointer (&normalised);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);

  note_change_outside_history (self);
}

/* The view */

/* Reads the next number of a path at *@p, and moves past it and the
 * slash after it; "r" is G_MAXUINT64, after every section. */
static guint64
next_path_component (const char **p)
{
  guint64 value = 0;

  if (**p == 'r')
    {
      value = G_MAXUINT64;
      (*p)++;
    }
  else
    {
      while (g_ascii_isdigit (**p))
        value = value * 10 + (guint64)(*(*p)++ - '0');
    }

  if (**p == '/')
    (*p)++;

  return value;
}

/* Outline order: a node before its children, siblings by number. */
static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  const char *pa = *(const char * const *)a;
  const char *pb = *(const char * const *)b;

  while (*pa != '\0' && *pb != '\0')
    {
      guint64 va = next_path_component (&pa);
      guint64 vb = next_path_component (&pb);

      if (va != vb)
        return va < vb ? -1 : 1;
    }

  return (*pa != '\0') - (*pb != '\0');
}

/**
 * vp_workspace_outline_path_is_valid:
 * @path: a string
 *
 * Whether @path names a node of an outline: a section by its number from
 * 0 ("2") or the recommendations ("r"), then, after slashes, an item by
 * its number among its siblings ("2/0", "2/0/1", "r/3"). Numbers are
 * written without leading zeros and fit in a #guint.
 *
 * Returns: whether @path is a valid outline path
 */
gboolean
vp_workspace_outline_path_is_valid (const char *path)
{
  gboolean first = TRUE;

  g_return_val_if_fail (path != NULL, FALSE);

  do
    {
      const char *start = path;
      guint64 value = 0;

      if (first && *path == 'r')
        path++;
      else
        {
          while (g_ascii_isdigit (*path))
            {
              value = value * 10 + (guint64)(*path++ - '0');
              if (value > G_MAXUINT)
                return FALSE;
            }

          if (path == start || (*start == '0' && path - start > 1))
            return FALSE;
        }

      first = FALSE;
    }
  while (*path == '/' && *++path != '\0');

  return *path == '\0' && path[-1] != '/';
}

/**
 * vp_workspace_dup_outline_paths:
 * @article: one of the workspace's articles
 *
 * Returns: (transfer full): the paths of the nodes of @article's outline
 *   the reader expanded or collapsed (see vp_workspace_set_expanded()),
 *   in outline order
 */
char **
vp_workspace_dup_outline_paths (VpWorkspace *self,
                                VpArticle   *article)
{
  GHashTable *states;
  GPtrArray *paths;
  GHashTableIter iter;
  gpointer path;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (VP_IS_ARTICLE (article), NULL);

  paths = g_ptr_array_new ();
  states = g_hash_table_lookup (self->outline_states, article);
  if (states != NULL)
    {
      g_hash_table_iter_init (&iter, states);
      while (g_hash_table_iter_next (&iter, &path, NULL))
        g_ptr_array_add (paths, g_strdup (path));
      g_ptr_array_sort (paths, compare_paths);
    }
  g_ptr_array_add (paths, NULL);

  return (char **)g_ptr_array_free (paths, FALSE);
}

/**
 * vp_workspace_lookup_expanded:
 * @article: one of the workspace's articles
 * @path: a node of its outline (see vp_workspace_outline_path_is_valid())
 * @expanded: (out) (optional): whether the reader expanded it
 *
 * Returns: whether the reader expanded or collapsed the node: if not, it
 *   is as the window shows nodes at first
 */
gboolean
vp_workspace_lookup_expanded (VpWorkspace *self,
                              VpArticle   *article,
                              const char  *path,
                              gboolean    *expanded)
{
  GHashTable *states;
  gpointer state;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (VP_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  states = g_hash_table_lookup (self->outline_states, article);
  if (states == NULL || !g_hash_table_lookup_extended (states, path, NULL, &state))
    return FALSE;

  if (expanded != NULL)
    *expanded = GPOINTER_TO_INT (state) - 1;

  return TRUE;
}

/**
 * vp_workspace_set_expanded:
 * @article: one of the workspace's articles
 * @path: a node of its outline (see vp_workspace_outline_path_is_valid())
 * @expanded: whether the reader expanded it or collapsed it
 *
 * Keeps what the reader did to a node of an outline, to be saved with the
 * workspace. The view is not part of the history, and changing it does
 * not make the workspace modified: a reader who only looked around is
 * not asked to save.
 */
void
vp_workspace_set_expanded (VpWorkspace *self,
                           VpArticle   *article,
                           const char  *path,
                           gboolean     expanded)
{
  GHashTable *states;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (VP_IS_ARTICLE (article));
  g_return_if_fail (vp_workspace_find_article (self, article, NULL));
  g_return_if_fail (path != NULL && vp_workspace_outline_path_is_valid (path));

  states = g_hash_table_lookup (self->outline_states, article);
  if (states == NULL)
    {
      states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->outline_states, article, states);
    }

  g_hash_table_insert (states, g_strdup (path), GINT_TO_POINTER (!!expanded + 1));
}

/**
 * vp_workspace_get_filter:
 *
 * Returns: (transfer none): the ids of the actors the outlines are
 *   filtered by, sorted: the window shows the proposals that involve any
 *   of them. Empty when the outlines are not filtered.
 */
const char * const *
vp_workspace_get_filter (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);

  return (const char * const *)self->filter;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * vp_workspace_set_filter:
 * @actor_ids: (nullable) (array zero-terminated=1): actor ids, or %NULL
 *   for none
 *
 * Filters the outlines by actors. Ids of actors the workspace does not
 * have are kept, as manual tags of deleted actors are, and filter nothing
 * until an actor takes the id again. Like the rest of the view (see
 * vp_workspace_set_expanded()), this does not make the workspace
 * modified.
 */
void
vp_workspace_set_filter (VpWorkspace        *self,
                         const char * const *actor_ids)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (VP_IS_WORKSPACE (self));

  for (guint i = 0; actor_ids != NULL && actor_ids[i] != NULL; i++)
    {
      g_return_if_fail (vp_actor_id_is_valid (actor_ids[i]));

      if (g_hash_table_add (seen, (gpointer)actor_ids[i]))
        g_ptr_array_add (ids, g_strdup (actor_ids[i]));
    }

  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);

  if (g_strv_equal ((const char * const *)ids->pdata, (const char * const *)self->filter))
    return;

  g_strfreev (self->filter);
  self->filter = (char **)g_ptr_array_free (g_steal_pointer (&ids), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

/* Links between proposals */

static gboolean
same_place (const VpProposalPlace *a,
            const VpProposalPlace *b)
{
  return a->article == b->article && a->section == b->section && a->item == b->item;
}

/* The link between @a and @b, in either order, or -1. */
static int
find_link (VpWorkspace           *self,
           const VpProposalPlace *a,
           const VpProposalPlace *b)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      const Link *link = &g_array_index (self->links, Link, i);

      if ((same_place (&link->a, a) && same_place (&link->b, b)) ||
          (same_place (&link->a, b) && same_place (&link->b, a)))
        return i;
    }

  return -1;
}

/* The place of the proposal @ref names, or FALSE when it names no article
 * of the workspace. */
static gboolean
ref_to_place (VpWorkspace         *self,
              const VpProposalRef *ref,
              VpProposalPlace     *place)
{
  if (ref->article >= vp_workspace_get_n_articles (self))
    return FALSE;

  place->article = vp_workspace_get_article (self, ref->article);
  place->section = ref->section;
  place->item = ref->item;

  return TRUE;
}

static void
place_to_ref (VpWorkspace           *self,
              const VpProposalPlace *place,
              VpProposalRef         *ref)
{
  gboolean found;

  found = vp_workspace_find_article (self, place->article, &ref->article);
  g_assert (found);
  ref->section = place->section;
  ref->item = place->item;
}

guint
vp_workspace_get_n_links (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), 0);

  return self->links->len;
}

/**
 * vp_workspace_get_link:
 * @index: a link, less than vp_workspace_get_n_links()
 * @kind: (out) (optional): whether the reader linked or unlinked them
 * @a: (out) (optional): one proposal, its article by its position now
 * @b: (out) (optional): the other
 *
 * Gives a link between proposals, in the order they were made, as
 * vp_comparison_link() and vp_comparison_unlink() take them for a
 * comparison of the workspace's articles in their order.
 */
void
vp_workspace_get_link (VpWorkspace   *self,
                       guint          index,
                       VpLinkKind    *kind,
                       VpProposalRef *a,
                       VpProposalRef *b)
{
  const Link *link;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (index < self->links->len);

  link = &g_array_index (self->links, Link, index);
  if (kind != NULL)
    *kind = link->kind;
  if (a != NULL)
    place_to_ref (self, &link->a, a);
  if (b != NULL)
    place_to_ref (self, &link->b, b);
}

/**
 * vp_workspace_apply_links:
 * @comparison: a comparison of articles among which the workspace's stand
 *   in their order
 * @first: the position of the workspace's first article in @comparison
 *
 * Links and unlinks the proposals of @comparison as the reader did, in
 * the order the reader did it: what the window shows and every export
 * of a workspace's comparison.
 */
void
vp_workspace_apply_links (VpWorkspace  *self,
                          VpComparison *comparison,
                          guint         first)
{
  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (comparison != NULL);

  for (guint i = 0; i < self->links->len; i++)
    {
      VpProposalRef a;
      VpProposalRef b;
      VpLinkKind kind;

      vp_workspace_get_link (self, i, &kind, &a, &b);
      a.article += first;
      b.article += first;

      if (kind == VP_LINK_LINK)
        vp_comparison_link (comparison, &a, &b);
      else
        vp_comparison_unlink (comparison, &a, &b);
    }
}

/**
 * vp_workspace_set_link:
 * @a: a proposal, its article by its position in the workspace
 * @b: another proposal
 * @kind: whether the reader says they are about the same thing
 *
 * Records that the reader linked @a and @b, or unlinked them, replacing
 * what was said of them before. A proposal is named by its position in
 * its article's outline, which the outline extractor finds again from the
 * same text, and its article is followed wherever its column moves. This
 * is a change to save, outside the history, as reading a file makes; the
 * reader's own go through vp_workspace_link_proposals() and its kin.
 */
void
vp_workspace_set_link (VpWorkspace         *self,
                       const VpProposalRef *a,
                       const VpProposalRef *b,
                       VpLinkKind           kind)
{
  Link link;
  int found;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (a != NULL && b != NULL);
  g_return_if_fail (kind == VP_LINK_LINK || kind == VP_LINK_UNLINK);

  link.kind = kind;
  if (!ref_to_place (self, a, &link.a) || !ref_to_place (self, b, &link.b))
    g_return_if_reached ();
  g_return_if_fail (!same_place (&link.a, &link.b));

  found = find_link (self, &link.a, &link.b);
  if (found >= 0)
    {
      Link *old = &g_array_index (self->links, Link, found);

      if (old->kind == kind)
        return;
      old->kind = kind;
    }
  else
    g_array_append_val (self->links, link);

  note_change_outside_history (self);
}

/**
 * vp_workspace_remove_link:
 * @a: a proposal, its article by its position in the workspace
 * @b: another proposal
 *
 * Forgets what the reader said about @a and @b.
 *
 * Returns: whether the reader had linked or unlinked them
 */
gboolean
vp_workspace_remove_link (VpWorkspace         *self,
                          const VpProposalRef *a,
                          const VpProposalRef *b)
{
  VpProposalPlace pa;
  VpProposalPlace pb;
  int found;

  g_return_val_if_fail (VP_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (!ref_to_place (self, a, &pa) || !ref_to_place (self, b, &pb))
    return FALSE;

  found = find_link (self, &pa, &pb);
  if (found < 0)
    return FALSE;

  g_array_remove_index (self->links, found);
  note_change_outside_history (self);

  return TRUE;
}

/* Gives the pair @a, @b the link @kind, or none for NO_LINK. A link that
 * comes back goes where it was, at @position, so that the links keep the
 * order the comparison applies them in. */
static void
put_link (VpWorkspace           *self,
          const VpProposalPlace *a,
          const VpProposalPlace *b,
          int                    kind,
          guint                  position)
{
  int found = find_link (self, a, b);
  Link link;

  if (kind == NO_LINK)
    {
      if (found >= 0)
        g_array_remove_index (self->links, found);
      return;
    }

  if (found >= 0)
    {
      g_array_index (self->links, Link, found).kind = kind;
      return;
    }

  link.kind = kind;
  link.a = *a;
  link.b = *b;
  g_array_insert_val (self->links, MIN (position, self->links->len), link);
}

/* Records in the open command that the pair @a, @b now has the link
 * @kind (or none), unless it has it already. */
static void
change_link (VpWorkspace           *self,
             const VpProposalPlace *a,
             const VpProposalPlace *b,
             int                    kind)
{
  Edit edit = { EDIT_CHANGE_LINK, };
  int found = find_link (self, a, b);

  if (found >= 0)
    {
      const Link *old = &g_array_index (self->links, Link, found);

      if ((int)old->kind == kind)
        return;

      /* The pair as it was made, so that undoing a removal puts back the
       * same link. */
      edit.place_a = old->a;
      edit.place_b = old->b;
      edit.link_before = old->kind;
      edit.position = found;
    }
  else
    {
      if (kind == NO_LINK)
        return;

      edit.place_a = *a;
      edit.place_b = *b;
      edit.link_before = NO_LINK;
      edit.position = self->links->len;
    }

  g_object_ref (edit.place_a.article);
  g_object_ref (edit.place_b.article);
  edit.link_after = kind;
  do_edit (self, &edit);
}

static void
link_operation (VpWorkspace         *self,
                const VpProposalRef *a,
                const VpProposalRef *b,
                int                  kind,
                const char          *label)
{
  VpProposalPlace pa;
  VpProposalPlace pb;

  if (!ref_to_place (self, a, &pa) || !ref_to_place (self, b, &pb))
    g_return_if_reached ();
  g_return_if_fail (!same_place (&pa, &pb));

  begin_command (self, label);
  change_link (self, &pa, &pb, kind);
  end_command (self);
}

/**
 * vp_workspace_link_proposals:
 * @a: a proposal, its article by its position in the workspace
 * @b: a proposal of another article
 *
 * Says that @a and @b are one proposal in other words, whatever their
 * similarity (see vp_comparison_link()), replacing what was said of them
 * before. Unlike vp_workspace_set_link(), this is an operation: one step
 * of the history, which can be undone.
 */
void
vp_workspace_link_proposals (VpWorkspace         *self,
                             const VpProposalRef *a,
                             const VpProposalRef *b)
{
  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (a != NULL && b != NULL);
  g_return_if_fail (a->article != b->article);

  /* Translators: an action in the history: the reader says that two
   * proposals of different articles are the same */
  link_operation (self, a, b, VP_LINK_LINK, _("Link Proposals"));
}

/**
 * vp_workspace_separate_proposals:
 * @a: a proposal, its article by its position in the workspace
 * @b: another proposal
 *
 * Says that @a and @b are not the same proposal, however similar (see
 * vp_comparison_unlink()), replacing a link between them, as one step
 * of the history.
 */
void
vp_workspace_separate_proposals (VpWorkspace         *self,
                                 const VpProposalRef *a,
                                 const VpProposalRef *b)
{
  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (a != NULL && b != NULL);

  /* Translators: an action in the history: the reader says that two
   * proposals the comparison matched are not the same */
  link_operation (self, a, b, VP_LINK_UNLINK, _("Separate Proposals"));
}

/**
 * vp_workspace_forget_link:
 * @a: a proposal, its article by its position in the workspace
 * @b: another proposal
 *
 * Forgets what the reader said about @a and @b, leaving them to the
 * similarity again, as one step of the history.
 */
void
vp_workspace_forget_link (VpWorkspace         *self,
                          const VpProposalRef *a,
                          const VpProposalRef *b)
{
  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (a != NULL && b != NULL);

  /* Translators: an action in the history: the reader takes back a link
   * between two proposals, or their separation */
  link_operation (self, a, b, NO_LINK, _("Clear Link"));
}

/**
 * _vp_workspace_get_links:
 * @n_links: (out): their number
 *
 * Returns: (array length=n_links): the links as the workspace keeps them,
 *   for writing them without looking up each article's position
 */
const VpWorkspaceLink *
_vp_workspace_get_links (VpWorkspace *self,
                         guint       *n_links)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (n_links != NULL, NULL);

  *n_links = self->links->len;

  return (const VpWorkspaceLink *)(gpointer)self->links->data;
}

/* Merging */

/**
 * vp_workspace_merge:
 * @other: another workspace, as read from a file (see
 *   vp_workspace_new_from_file())
 *
 * Moves the articles of @other after those of @self, with their
 * annotations, the view of their outlines and the links between them;
 * @other is left without articles. The actors of @other that @self lacks
 * (by id) are added to @self's set first, as one step of the history
 * (“Add Actors”), so that the reader's tags of them count; where both
 * have an actor with the same id, @self's stands. The name and the filter
 * of @other are not taken.
 */
void
vp_workspace_merge (VpWorkspace *self,
                    VpWorkspace *other)
{
  g_autoptr(GPtrArray) moved = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GHashTable) states = NULL;
  GHashTableIter iter;
  gpointer article;
  gpointer article_states;
  guint n_actors;
  guint n_articles;

  g_return_if_fail (VP_IS_WORKSPACE (self));
  g_return_if_fail (VP_IS_WORKSPACE (other));
  g_return_if_fail (self != other);
  g_return_if_fail (self->open_depth == 0);
  g_return_if_fail (other->open_depth == 0);

  /* Translators: an action in the history: actors of a workspace the
   * reader opened, added to the one in the window */
  begin_command (self, _("Add Actors"));
  n_actors = g_list_model_get_n_items (G_LIST_MODEL (other->actors));
  for (guint i = 0; i < n_actors; i++)
    {
      g_autoptr(VpActor) actor = g_list_model_get_item (G_LIST_MODEL (other->actors), i);
      g_autoptr(VpActor) copy = NULL;

      if (vp_actor_set_lookup (self->actors, vp_actor_get_id (actor)) != NULL)
        continue;

      copy = vp_actor_copy (actor);
      insert_actor (self, g_list_model_get_n_items (G_LIST_MODEL (self->actors)), copy);
    }
  end_command (self);

  /* The links and the view name articles by pointer, which stay the
   * same: they move as they are. */
  links = g_steal_pointer (&other->links);
  other->links = g_array_new (FALSE, FALSE, sizeof (Link));
  states = g_steal_pointer (&other->outline_states);
  other->outline_states = g_hash_table_new_full (NULL, NULL, NULL,
                                                 (GDestroyNotify)g_hash_table_unref);

  n_articles = vp_workspace_get_n_articles (other);
  moved = g_ptr_array_new_full (n_articles, g_object_unref);
  for (guint i = 0; i < n_articles; i++)
    g_ptr_array_add (moved, g_list_model_get_item (G_LIST_MODEL (other->articles), i));

  g_list_store_remove_all (other->articles);
  for (guint i = 0; i < moved->len; i++)
    forget_article (other, g_ptr_array_index (moved, i));
  note_change_outside_history (other);

  _vp_workspace_append_articles (self, moved);

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, &article, &article_states))
    {
      g_hash_table_iter_steal (&iter);
      g_hash_table_insert (self->outline_states, article, article_states);
    }

  g_array_append_vals (self->links, links->data, links->len);
  if (links->len > 0)
    note_change_outside_history (self);
}

/**
 * _vp_workspace_load_expanded:
 *
 * vp_workspace_set_expanded() for a workspace being read from a file,
 * whose articles are known to be its own.
 */
void
_vp_workspace_load_expanded (VpWorkspace *self,
                             VpArticle   *article,
                             const char  *path,
                             gboolean     expanded)
{
  GHashTable *states = g_hash_table_lookup (self->outline_states, article);

  g_assert (vp_workspace_outline_path_is_valid (path));

  if (states == NULL)
    {
      states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (self->outline_states, article, states);
    }

  g_hash_table_insert (states, g_strdup (path), GINT_TO_POINTER (!!expanded + 1));
}

/**
 * _vp_workspace_load_link:
 *
 * vp_workspace_set_link() for a workspace being read from a file, whose
 * articles are known to be its own and whose links were found to be
 * different pairs.
 */
void
_vp_workspace_load_link (VpWorkspace           *self,
                         const VpWorkspaceLink *link)
{
  g_array_append_vals (self->links, link, 1);
}

/**
 * _vp_workspace_get_generation:
 *
 * Returns: a number that changes whenever the workspace does, as
 *   #VpWorkspace::changed is emitted: a save that ends later can tell
 *   whether what it wrote is still the workspace's state
 */
guint64
_vp_workspace_get_generation (VpWorkspace *self)
{
  g_return_val_if_fail (VP_IS_WORKSPACE (self), 0);

  return self->generation;
}
