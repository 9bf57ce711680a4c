/* vp-actor.h: a named party that articles mention
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VP_TYPE_ACTOR      (vp_actor_get_type ())
#define VP_TYPE_ACTOR_KIND (vp_actor_kind_get_type ())

/* The colour of an actor whose file gives none. */
#define VP_ACTOR_DEFAULT_COLOR "#808080"

typedef enum
{
  VP_ACTOR_KIND_STATE,
  VP_ACTOR_KIND_ORGANISATION,
  VP_ACTOR_KIND_GROUP,
  VP_ACTOR_KIND_PERSON,
  VP_ACTOR_KIND_OTHER,
} VpActorKind;

GType vp_actor_kind_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (VpActor, vp_actor, VP, ACTOR, GObject)

VpActor            *vp_actor_new                  (const char  *id,
                                                   const char  *name);
VpActor            *vp_actor_copy                 (VpActor     *self);
void                vp_actor_assign               (VpActor     *self,
                                                   VpActor     *source);
const char         *vp_actor_get_id               (VpActor     *self);
const char         *vp_actor_get_name             (VpActor     *self);
void                vp_actor_set_name             (VpActor     *self,
                                                   const char  *name);
const char         *vp_actor_get_color            (VpActor     *self);
void                vp_actor_set_color            (VpActor     *self,
                                                   const char  *color);
VpActorKind         vp_actor_get_kind             (VpActor     *self);
void                vp_actor_set_kind             (VpActor     *self,
                                                   VpActorKind  kind);
gboolean            vp_actor_get_enabled          (VpActor     *self);
void                vp_actor_set_enabled          (VpActor     *self,
                                                   gboolean     enabled);

/* Aliases are the words that name the actor in a text; an alias marked
 * case-sensitive ("US") matches only as written. */
guint               vp_actor_get_n_aliases        (VpActor     *self);
const char         *vp_actor_get_alias            (VpActor     *self,
                                                   guint        index,
                                                   gboolean    *case_sensitive);
void                vp_actor_add_alias            (VpActor     *self,
                                                   const char  *alias,
                                                   gboolean     case_sensitive);
gboolean            vp_actor_remove_alias         (VpActor     *self,
                                                   const char  *alias);
gboolean            vp_actor_has_alias            (VpActor     *self,
                                                   const char  *alias);

/* Exclusions are longer phrases that contain an alias but do not name the
 * actor ("Persian Gulf", "Latin America"). */
const char * const *vp_actor_get_exclusions       (VpActor     *self);
void                vp_actor_add_exclusion        (VpActor     *self,
                                                   const char  *phrase);
gboolean            vp_actor_remove_exclusion     (VpActor     *self,
                                                   const char  *phrase);
gboolean            vp_actor_has_exclusion        (VpActor     *self,
                                                   const char  *phrase);

gboolean            vp_actor_equal                (VpActor     *a,
                                                   VpActor     *b);

const char         *vp_actor_kind_to_string       (VpActorKind  kind);
gboolean            vp_actor_kind_from_string     (const char  *str,
                                                   VpActorKind *kind);
gboolean            vp_actor_id_is_valid          (const char  *id);
gboolean            vp_actor_color_is_valid       (const char  *color);
gboolean            vp_actor_phrase_is_valid      (const char  *phrase);
gboolean            vp_actor_guess_case_sensitive (const char  *alias);
const char * const *vp_actor_get_palette          (void);

G_END_DECLS
