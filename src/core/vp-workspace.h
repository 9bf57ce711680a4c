/* vp-workspace.h: the articles a reader compares, their actors, and what
 * the reader said about them, with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vp-actor-set.h"
#include "vp-article.h"
#include "vp-comparison.h"
#include "vp-tagger.h"

G_BEGIN_DECLS

#define VP_TYPE_WORKSPACE (vp_workspace_get_type ())

G_DECLARE_FINAL_TYPE (VpWorkspace, vp_workspace, VP, WORKSPACE, GObject)

/* Whether the reader says two proposals are about the same thing (LINK)
 * or not (UNLINK), whatever the comparison's grouping finds (see
 * vp_comparison_link()). Proposals are named by a #VpProposalRef whose
 * article is the article's position in the workspace. */
typedef enum
{
  VP_LINK_LINK,
  VP_LINK_UNLINK,
} VpLinkKind;

VpWorkspace *vp_workspace_new                (VpActorSet     *actors);

/* The name the reader gave the workspace, or NULL. */
const char  *vp_workspace_get_name           (VpWorkspace    *self);
void         vp_workspace_set_name           (VpWorkspace    *self,
                                              const char     *name);

/* The articles, in column order. */
GListModel  *vp_workspace_get_articles       (VpWorkspace    *self);
guint        vp_workspace_get_n_articles     (VpWorkspace    *self);
VpArticle   *vp_workspace_get_article        (VpWorkspace    *self,
                                              guint           position);
gboolean     vp_workspace_find_article       (VpWorkspace    *self,
                                              VpArticle      *article,
                                              guint          *position);
VpArticle   *vp_workspace_lookup_article     (VpWorkspace    *self,
                                              const char     *source);
void         vp_workspace_add_article        (VpWorkspace    *self,
                                              VpArticle      *article);
void         vp_workspace_insert_article     (VpWorkspace    *self,
                                              guint           position,
                                              VpArticle      *article);
void         vp_workspace_remove_article     (VpWorkspace    *self,
                                              VpArticle      *article);
void         vp_workspace_move_article       (VpWorkspace    *self,
                                              guint           from,
                                              guint           to);
GPtrArray   *vp_workspace_replace_article    (VpWorkspace    *self,
                                              VpArticle      *old_article,
                                              VpArticle      *new_article);

/* The actors, and the tagger made from them. */
VpActorSet  *vp_workspace_get_actors         (VpWorkspace    *self);
VpActor     *vp_workspace_lookup_actor       (VpWorkspace    *self,
                                              const char     *actor_id);
VpTagger    *vp_workspace_get_tagger         (VpWorkspace    *self);

/* Operations, each undoable. */
gboolean     vp_workspace_tag_span           (VpWorkspace    *self,
                                              VpArticle      *article,
                                              const char     *actor_id,
                                              int             block,
                                              guint           start,
                                              guint           end,
                                              GError        **error);
gboolean     vp_workspace_untag_span         (VpWorkspace    *self,
                                              VpArticle      *article,
                                              const char     *actor_id,
                                              int             block,
                                              guint           start,
                                              guint           end);
gboolean     vp_workspace_reject_mention     (VpWorkspace    *self,
                                              VpArticle      *article,
                                              const char     *actor_id,
                                              int             block,
                                              guint           start,
                                              guint           end);
gboolean     vp_workspace_restore_mention    (VpWorkspace    *self,
                                              VpArticle      *article,
                                              const char     *actor_id,
                                              int             block,
                                              guint           start,
                                              guint           end);
void         vp_workspace_add_item_actor     (VpWorkspace    *self,
                                              VpArticle      *article,
                                              VpOutlineItem  *item,
                                              const char     *actor_id);
void         vp_workspace_remove_item_actor  (VpWorkspace    *self,
                                              VpArticle      *article,
                                              VpOutlineItem  *item,
                                              const char     *actor_id);
gboolean     vp_workspace_add_alias          (VpWorkspace    *self,
                                              const char     *actor_id,
                                              const char     *alias,
                                              gboolean        case_sensitive,
                                              GError        **error);
VpActor     *vp_workspace_create_actor       (VpWorkspace    *self,
                                              const char     *name,
                                              GError        **error);
void         vp_workspace_add_actor          (VpWorkspace    *self,
                                              VpActor        *actor);
void         vp_workspace_edit_actor         (VpWorkspace    *self,
                                              VpActor        *changes);
void         vp_workspace_set_actor_enabled  (VpWorkspace    *self,
                                              const char     *actor_id,
                                              gboolean        enabled);
void         vp_workspace_delete_actor       (VpWorkspace    *self,
                                              const char     *actor_id);
void         vp_workspace_merge_actors       (VpWorkspace    *self,
                                              const char     *into_id,
                                              const char     *from_id);
void         vp_workspace_replace_actors     (VpWorkspace    *self,
                                              VpActorSet     *actors);

/* Several operations as one step of the history. */
void         vp_workspace_begin_action       (VpWorkspace    *self,
                                              const char     *label);
void         vp_workspace_end_action         (VpWorkspace    *self);

/* The history. */
gboolean     vp_workspace_can_undo           (VpWorkspace    *self);
gboolean     vp_workspace_can_redo           (VpWorkspace    *self);
const char  *vp_workspace_get_undo_label     (VpWorkspace    *self);
const char  *vp_workspace_get_redo_label     (VpWorkspace    *self);
gboolean     vp_workspace_undo               (VpWorkspace    *self);
gboolean     vp_workspace_redo               (VpWorkspace    *self);
void         vp_workspace_clear_history      (VpWorkspace    *self);

/* The view: what the window shows of the workspace, saved with it, but
 * neither in the history nor a change that needs saving. Outline nodes
 * are named by paths (see docs/workspace-format.md): "2" is section 2,
 * "r" the recommendations, "2/0" the first item of section 2, "2/0/1"
 * the second item nested in it. */
gboolean     vp_workspace_outline_path_is_valid (const char  *path);
char       **vp_workspace_dup_outline_paths  (VpWorkspace    *self,
                                              VpArticle      *article);
gboolean     vp_workspace_lookup_expanded    (VpWorkspace    *self,
                                              VpArticle      *article,
                                              const char     *path,
                                              gboolean       *expanded);
void         vp_workspace_set_expanded       (VpWorkspace    *self,
                                              VpArticle      *article,
                                              const char     *path,
                                              gboolean        expanded);
const char * const *vp_workspace_get_filter  (VpWorkspace    *self);
void         vp_workspace_set_filter         (VpWorkspace    *self,
                                              const char * const *actor_ids);

/* Proposals of two articles the reader linked or unlinked. */
guint        vp_workspace_get_n_links        (VpWorkspace    *self);
void         vp_workspace_get_link           (VpWorkspace    *self,
                                              guint           index,
                                              VpLinkKind     *kind,
                                              VpProposalRef  *a,
                                              VpProposalRef  *b);
void         vp_workspace_apply_links        (VpWorkspace    *self,
                                              VpComparison   *comparison,
                                              guint           first);
void         vp_workspace_set_link           (VpWorkspace    *self,
                                              const VpProposalRef *a,
                                              const VpProposalRef *b,
                                              VpLinkKind      kind);
gboolean     vp_workspace_remove_link        (VpWorkspace    *self,
                                              const VpProposalRef *a,
                                              const VpProposalRef *b);

/* The same, as operations of the history. */
void         vp_workspace_link_proposals     (VpWorkspace    *self,
                                              const VpProposalRef *a,
                                              const VpProposalRef *b);
void         vp_workspace_separate_proposals (VpWorkspace    *self,
                                              const VpProposalRef *a,
                                              const VpProposalRef *b);
void         vp_workspace_forget_link        (VpWorkspace    *self,
                                              const VpProposalRef *a,
                                              const VpProposalRef *b);

/* Takes the articles of another workspace, with what the reader said
 * about them, and the actors they need. */
void         vp_workspace_merge              (VpWorkspace    *self,
                                              VpWorkspace    *other);

/* Whether the workspace changed since it was last saved. */
gboolean     vp_workspace_get_modified       (VpWorkspace    *self);
void         vp_workspace_set_modified       (VpWorkspace    *self,
                                              gboolean        modified);

G_END_DECLS
