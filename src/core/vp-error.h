/* vp-error.h: error domains of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define VP_IMPORT_ERROR (vp_import_error_quark ())
#define VP_ACTORS_ERROR (vp_actors_error_quark ())
#define VP_WORKSPACE_ERROR (vp_workspace_error_quark ())

/* Failures a user can cause by opening a file. Messages name the file and
 * say what is wrong in words a reader understands. */
typedef enum
{
  VP_IMPORT_ERROR_UNREADABLE,   /* the file could not be read at all */
  VP_IMPORT_ERROR_EMPTY,        /* nothing but whitespace */
  VP_IMPORT_ERROR_TOO_LARGE,    /* over VP_IMPORT_MAX_SIZE */
  VP_IMPORT_ERROR_BINARY,       /* not text: NUL bytes, images, archives… */
  VP_IMPORT_ERROR_ENCODING,     /* the bytes cannot be decoded */
  VP_IMPORT_ERROR_PARSE,        /* the markup could not be parsed */
  VP_IMPORT_ERROR_NO_ARTICLE,   /* parsed, but there is no article in it */
  VP_IMPORT_ERROR_UNSUPPORTED,  /* a kind of file we do not read */
} VpImportError;

/* Failures of actor set files. */
typedef enum
{
  VP_ACTORS_ERROR_UNREADABLE,
  VP_ACTORS_ERROR_PARSE,        /* not well-formed XML */
  VP_ACTORS_ERROR_INVALID,      /* well-formed, but not a valid actor set */
  VP_ACTORS_ERROR_VERSION,      /* written by a newer Viewpoints */
  VP_ACTORS_ERROR_TOO_LARGE,    /* over VP_ACTOR_SET_MAX_SIZE */
} VpActorsError;

/* Requests a workspace cannot carry out, as a reader may make them
 * (tagging a selection of blank space, an alias without a letter), and
 * workspace files that cannot be opened. Failures to save are
 * G_IO_ERRORs. */
typedef enum
{
  VP_WORKSPACE_ERROR_INVALID,        /* a request the workspace cannot carry out */
  VP_WORKSPACE_ERROR_UNREADABLE,     /* the file could not be read at all */
  VP_WORKSPACE_ERROR_TOO_LARGE,      /* over VP_WORKSPACE_MAX_SIZE */
  VP_WORKSPACE_ERROR_PARSE,          /* empty, or not well-formed XML (a truncated file) */
  VP_WORKSPACE_ERROR_NOT_WORKSPACE,  /* XML or HTML, but not a workspace */
  VP_WORKSPACE_ERROR_CORRUPT,        /* a workspace that breaks the format's rules */
  VP_WORKSPACE_ERROR_VERSION,        /* written by a newer Viewpoints */
} VpWorkspaceError;

GQuark vp_import_error_quark (void);
GQuark vp_actors_error_quark (void);
GQuark vp_workspace_error_quark (void);

G_END_DECLS
