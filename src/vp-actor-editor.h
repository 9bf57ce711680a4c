/* vp-actor-editor.h: the dialog that makes or edits an actor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "vp-actor-set.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTOR_EDITOR (vp_actor_editor_get_type ())

G_DECLARE_FINAL_TYPE (VpActorEditor, vp_actor_editor, VP, ACTOR_EDITOR, AdwWindow)

GtkWidget *vp_actor_editor_new          (GtkWindow     *parent,
                                         VpActorSet    *actors,
                                         VpActor       *actor);
VpActor   *vp_actor_editor_get_original (VpActorEditor *self);
void       vp_actor_editor_set_name     (VpActorEditor *self,
                                         const char    *name);
void       vp_actor_editor_set_color    (VpActorEditor *self,
                                         const char    *color);
void       vp_actor_editor_set_kind     (VpActorEditor *self,
                                         VpActorKind    kind);
void       vp_actor_editor_add_alias    (VpActorEditor *self,
                                         const char    *alias,
                                         gboolean       case_sensitive);
guint      vp_actor_editor_get_n_aliases (VpActorEditor *self);
void       vp_actor_editor_set_alias_text (VpActorEditor *self,
                                         guint          index,
                                         const char    *text);
gboolean   vp_actor_editor_get_alias_case_sensitive (VpActorEditor *self,
                                         guint          index);
void       vp_actor_editor_remove_alias (VpActorEditor *self,
                                         guint          index);
gboolean   vp_actor_editor_is_valid     (VpActorEditor *self);
VpActor   *vp_actor_editor_dup_actor    (VpActorEditor *self);
gboolean   vp_actor_editor_save         (VpActorEditor *self);

G_END_DECLS
