/* vp-window-dnd.c
 *
 * Articles dropped on the window, or pasted into it. Files open as files
 * do; text becomes an article of its own, as if saved to a .txt file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-window-dnd"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-window-private.h"

static void
open_file_list (VpWindow *self,
                GSList   *list)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);

  vp_window_open_files (self, (GFile **)files->pdata, files->len);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static void
open_text (VpWindow   *self,
           const char *text)
{
  if (is_blank (text))
    {
      _vp_window_show_message (self, _("There is no text to open as an article"));
      return;
    }

  vp_window_open_text (self, text);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         VpWindow      *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      open_file_list (self, g_value_get_boxed (value));
      return TRUE;
    }

  if (G_VALUE_HOLDS_STRING (value))
    {
      open_text (self, g_value_get_string (value));
      return TRUE;
    }

  return FALSE;
}

static GdkDragAction
drop_enter_cb (GtkDropTarget *target,
               double         x,
               double         y,
               VpWindow      *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, TRUE);

  return GDK_ACTION_COPY;
}

static void
drop_leave_cb (GtkDropTarget *target,
               VpWindow      *self)
{
  gtk_revealer_set_reveal_child (self->drop_revealer, FALSE);
}

void
_vp_window_dnd_init (VpWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  g_signal_connect_object (target, "enter", G_CALLBACK (drop_enter_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
read_files_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value;

  value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);
  if (value == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not paste: %s"), error->message);

      _vp_window_show_message (self, message);
      return;
    }

  open_file_list (self, g_value_get_boxed (value));
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VpWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  if (text == NULL && error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not paste: %s"), error->message);

      _vp_window_show_message (self, message);
      return;
    }

  open_text (self, text);
}

/**
 * _vp_window_paste:
 *
 * Opens what the clipboard holds: copied files as files, copied text as
 * a new article.
 */
void
_vp_window_paste (VpWindow *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT,
                                    NULL, read_files_cb, g_object_ref (self));
  else
    gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, g_object_ref (self));
}
