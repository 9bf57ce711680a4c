/* vp-actor-set.h: the actors a workspace tags, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vp-actor.h"

G_BEGIN_DECLS

#define VP_TYPE_ACTOR_SET (vp_actor_set_get_type ())

/* The newest version of the actor set format this build reads and writes. */
#define VP_ACTOR_SET_FORMAT_VERSION 1
#define VP_ACTOR_SET_NAMESPACE "https://viewpoints.example.org/ns/actors/1"

/* Larger actor set files are refused: a thousand actors with dozens of
 * aliases each take a few hundred kilobytes. */
#define VP_ACTOR_SET_MAX_SIZE (4 * 1024 * 1024)

G_DECLARE_FINAL_TYPE (VpActorSet, vp_actor_set, VP, ACTOR_SET, GObject)

VpActorSet *vp_actor_set_new                (void);
VpActorSet *vp_actor_set_new_default        (void);
VpActorSet *vp_actor_set_copy               (VpActorSet    *self);
VpActorSet *vp_actor_set_new_from_file      (GFile         *file,
                                             GError       **error);
VpActorSet *vp_actor_set_new_from_file_full (GFile         *file,
                                             const char    *source,
                                             GCancellable  *cancellable,
                                             GError       **error);
VpActorSet *vp_actor_set_new_from_data      (const char    *data,
                                             gsize          length,
                                             const char    *source,
                                             GError       **error);
char       *vp_actor_set_to_xml             (VpActorSet    *self,
                                             gsize         *length);
gboolean    vp_actor_set_save_to_file       (VpActorSet    *self,
                                             GFile         *file,
                                             const char    *source,
                                             GError       **error);
VpActor    *vp_actor_set_lookup             (VpActorSet    *self,
                                             const char    *id);
char       *vp_actor_set_join_names         (VpActorSet    *self,
                                             const char * const *ids,
                                             const char    *separator);
gboolean    vp_actor_set_find               (VpActorSet    *self,
                                             const char    *id,
                                             guint         *position);
void        vp_actor_set_add                (VpActorSet    *self,
                                             VpActor       *actor);
void        vp_actor_set_insert             (VpActorSet    *self,
                                             guint          position,
                                             VpActor       *actor);
gboolean    vp_actor_set_remove             (VpActorSet    *self,
                                             const char    *id);
gboolean    vp_actor_set_equal              (VpActorSet    *a,
                                             VpActorSet    *b);
char       *vp_actor_set_dup_new_id         (VpActorSet    *self,
                                             const char    *name);
const char *vp_actor_set_suggest_color      (VpActorSet    *self);

/* The user's own actor set, used for new articles, in
 * $XDG_CONFIG_HOME/viewpoints/actors.xml. */
GFile      *vp_actor_set_get_user_file      (void);
VpActorSet *vp_actor_set_new_user           (GError       **error);
gboolean    vp_actor_set_save_user          (VpActorSet    *self,
                                             GError       **error);

G_END_DECLS
