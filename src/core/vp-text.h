/* vp-text.h: text helpers shared by the importers and the outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gunichar  vp_text_get_char            (const char  *p,
                                       const char  *end,
                                       const char **next);
gboolean  vp_text_is_space            (gunichar     c);
gboolean  vp_text_is_invisible        (gunichar     c);
char     *vp_text_normalise           (const char  *text,
                                       gssize       length);
void      vp_text_append_normalised   (GString     *out,
                                       const char  *text,
                                       gssize       length);
void      vp_text_trim_end            (GString     *out);

/* A byte range [start, end) of a text. */
typedef struct
{
  gsize start;
  gsize end;
} VpTextSpan;

GArray   *vp_text_split_sentences     (const char  *text,
                                       gssize       length);
gboolean  vp_text_looks_like_heading  (const char  *text,
                                       gssize       length);

/* The marker that starts a list item: "1.", "2)", "(3)", "b.", "iv)",
 * "(A)", or a bullet. */
typedef enum
{
  VP_TEXT_MARKER_NONE,
  VP_TEXT_MARKER_BULLET,
  VP_TEXT_MARKER_NUMBER,
  VP_TEXT_MARKER_LETTER,  /* a letter, a roman numeral, or either ("i", "v") */
} VpTextMarkerKind;

typedef struct
{
  VpTextMarkerKind kind;
  guint            number;       /* the value of a NUMBER; a BULLET's character */
  guint            letter;       /* a LETTER's rank in the alphabet, or 0 */
  guint            roman;        /* a LETTER's value as a roman numeral, or 0 */
  gboolean         upper;        /* a LETTER in capitals */
  char             style;        /* '.' for "1.", ')' for "1)", '(' for "(1)"; 0 for bullets */
  gsize            label_start;  /* the label ("1", "iv") in the text; empty for bullets */
  gsize            label_end;
  gsize            length;       /* bytes the marker and the spaces after it take */
} VpTextMarker;

gboolean  vp_text_parse_marker        (const char          *text,
                                       gsize                length,
                                       VpTextMarker        *marker);
gboolean  vp_text_marker_follows      (const VpTextMarker  *previous,
                                       const VpTextMarker  *next);
gboolean  vp_text_marker_is_first     (const VpTextMarker  *marker);

G_END_DECLS
