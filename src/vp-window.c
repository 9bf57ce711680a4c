/* vp-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-importer.h"
#include "vp-window.h"

struct _VpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwStatusPage        *status_page;

  /* Owned */
  VpActorSet           *actors;
  VpTagger             *tagger;
  GListStore           *articles;
};

G_DEFINE_FINAL_TYPE (VpWindow, vp_window, ADW_TYPE_APPLICATION_WINDOW)

static void
vp_window_dispose (GObject *object)
{
  VpWindow *self = (VpWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_WINDOW);
  g_clear_object (&self->articles);
  g_clear_object (&self->actors);
  g_clear_pointer (&self->tagger, vp_tagger_unref);

  G_OBJECT_CLASS (vp_window_parent_class)->dispose (object);
}

static void
vp_window_class_init (VpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/Viewpoints/vp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VpWindow, status_page);
}

static void
vp_window_init (VpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->actors = vp_actor_set_new_default ();
  self->tagger = vp_tagger_new (self->actors);
  self->articles = g_list_store_new (VP_TYPE_ARTICLE);
}

VpWindow *
vp_window_new (VpApplication *application)
{
  return g_object_new (VP_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
vp_window_open_files (VpWindow  *self,
                      GFile    **files,
                      int        n_files)
{
  g_return_if_fail (VP_IS_WINDOW (self));

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VpArticle) article = NULL;

      article = vp_import_file (files[i], NULL, self->tagger, NULL, &error);
      if (article == NULL)
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          continue;
        }

      g_list_store_append (self->articles, article);
    }
}
