/* vp-tooltip.c
 *
 * gtk_widget_set_tooltip_text() on a visible widget also runs
 * gtk_widget_trigger_tooltip_query(): in GTK 4.8 that asks the display
 * where the pointer is and finds the widget under it, as if the pointer
 * had moved. Once per widget is nothing; the outline sets a tooltip on
 * every row and actor chip it makes, so opening twenty articles spent
 * about a tenth of its time there (measured with perf on
 * vp-bench-startup).
 *
 * The widgets here keep their text and hand it out when GTK asks for it
 * (GtkWidget::query-tooltip), which happens only when the pointer rests
 * on them. The text is also the widget's accessible description, so that
 * a screen reader has it without a pointer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "vp-tooltip.h"

#define TEXT_KEY "vp-tooltip-text"

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/**
 * vp_tooltip_set_text:
 * @text: (nullable): the tooltip; %NULL or empty for none
 *
 * Gives @widget a tooltip, as gtk_widget_set_tooltip_text() does but
 * without its cost at the time of the call. Use one or the other on a
 * widget, not both.
 */
void
vp_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;

  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), TEXT_KEY), text) == 0)
    return;

  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, query_tooltip_cb, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);

  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
