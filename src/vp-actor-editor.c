/* vp-actor-editor.c
 *
 * The actor editor: a name, a colour (the colour-blind-safe palette is
 * offered first), a kind, the aliases that name the actor, each with
 * whether it matches only as written, and the exclusions. It edits a
 * copy; "saved" hands the result to the window, which applies it to the
 * workspace as one undoable step.
 *
 * A new alias starts matching only as written when it is in capitals
 * (vp_actor_guess_case_sensitive()) until the reader sets the check
 * box; a new actor's first alias is its name until the reader types one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vp-actor-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "vp-actor-editor.h"

struct _VpActorEditor
{
  AdwWindow             parent_instance;

  VpActorSet           *actors;
  VpActor              *original;      /* NULL for a new actor */
  GPtrArray            *alias_rows;    /* of AdwEntryRow */
  GPtrArray            *exclusion_rows;
  GtkWidget            *name_alias;    /* the row that follows the name, if any */
  gboolean              setting_alias;

  /* Template widgets */
  GtkWidget            *save_button;
  AdwEntryRow          *name_row;
  GtkColorButton       *color_button;
  AdwComboRow          *kind_row;
  AdwPreferencesGroup  *aliases_group;
  AdwPreferencesGroup  *exclusions_group;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (VpActorEditor, vp_actor_editor, ADW_TYPE_WINDOW)

static char *
dup_stripped (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

static gboolean
row_is_valid (GtkWidget *row)
{
  g_autofree char *text = dup_stripped (GTK_EDITABLE (row));

  /* An empty row is left out; one without a letter or digit is wrong. */
  return text[0] == '\0' || vp_actor_phrase_is_valid (text);
}

/**
 * vp_actor_editor_is_valid:
 *
 * Returns: whether the actor can be saved as it is: it has a name, and
 *   every alias and exclusion has a letter or digit
 */
gboolean
vp_actor_editor_is_valid (VpActorEditor *self)
{
  g_autofree char *name = NULL;
  GPtrArray *lists[] = { self->alias_rows, self->exclusion_rows };

  g_return_val_if_fail (VP_IS_ACTOR_EDITOR (self), FALSE);

  name = dup_stripped (GTK_EDITABLE (self->name_row));
  if (name[0] == '\0')
    return FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      if (!row_is_valid (g_ptr_array_index (lists[l], i)))
        return FALSE;

  return TRUE;
}

static void
validate (VpActorEditor *self)
{
  GPtrArray *lists[] = { self->alias_rows, self->exclusion_rows };

  /* A missing name only keeps the Save button off: marking the empty
   * field of a new actor red before anything was typed would scold. */
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        GtkWidget *row = g_ptr_array_index (lists[l], i);

        if (row_is_valid (row))
          gtk_widget_remove_css_class (row, "error");
        else
          gtk_widget_add_css_class (row, "error");
      }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", vp_actor_editor_is_valid (self));
}

static void
name_changed_cb (VpActorEditor *self)
{
  if (self->name_alias != NULL)
    {
      g_autofree char *name = dup_stripped (GTK_EDITABLE (self->name_row));

      self->setting_alias = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->name_alias), name);
      self->setting_alias = FALSE;
    }

  validate (self);
}

static void
entry_activated_cb (VpActorEditor *self)
{
  if (vp_actor_editor_is_valid (self))
    vp_actor_editor_save (self);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
alias_changed_cb (VpActorEditor *self,
                  GtkEditable   *row)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "vp-case-check");

  /* Typed by the reader: the row no longer follows the name. */
  if (!self->setting_alias && GTK_WIDGET (row) == self->name_alias)
    self->name_alias = NULL;

  if (check != NULL && !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "vp-touched")))
    {
      g_autofree char *text = dup_stripped (row);

      g_object_set_data (G_OBJECT (check), "vp-guessing", GINT_TO_POINTER (TRUE));
      gtk_check_button_set_active (check, vp_actor_guess_case_sensitive (text));
      g_object_set_data (G_OBJECT (check), "vp-guessing", GINT_TO_POINTER (FALSE));
    }

  validate (self);
}

static void
case_toggled_cb (GtkCheckButton *check)
{
  if (!GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "vp-guessing")))
    g_object_set_data (G_OBJECT (check), "vp-touched", GINT_TO_POINTER (TRUE));
}

static void
remove_row (VpActorEditor *self,
            GtkWidget     *row)
{
  AdwPreferencesGroup *group;

  if (g_ptr_array_remove (self->alias_rows, row))
    group = self->aliases_group;
  else if (g_ptr_array_remove (self->exclusion_rows, row))
    group = self->exclusions_group;
  else
    return;

  if (row == self->name_alias)
    self->name_alias = NULL;

  adw_preferences_group_remove (group, row);
  validate (self);
}

static void
remove_clicked_cb (GtkButton     *button,
                   VpActorEditor *self)
{
  remove_row (self, g_object_get_data (G_OBJECT (button), "vp-row"));
}

static GtkWidget *
add_row (VpActorEditor *self,
         gboolean       alias,
         const char    *text,
         gboolean       case_sensitive,
         gboolean       guess)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  const char *label = alias ? _("Alias") : _("Exclusion");
  const char *remove_label = alias ? _("Remove Alias") : _("Remove Exclusion");

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  if (alias)
    {
      GtkWidget *check = gtk_check_button_new_with_mnemonic (_("Match _case"));

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (check, _("Find the alias only as written, capitals and all"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), case_sensitive);
      /* An alias the reader wrote keeps its flag; a new one is guessed. */
      g_object_set_data (G_OBJECT (check), "vp-touched", GINT_TO_POINTER (!guess));
      g_signal_connect (check, "toggled", G_CALLBACK (case_toggled_cb), NULL);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "vp-case-check", check);
    }

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data (G_OBJECT (remove), "vp-row", row);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);

  g_signal_connect_object (row, "changed", G_CALLBACK (alias_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_activated_cb), self,
                           G_CONNECT_SWAPPED);

  adw_preferences_group_add (alias ? self->aliases_group : self->exclusions_group, row);
  g_ptr_array_add (alias ? self->alias_rows : self->exclusion_rows, row);

  validate (self);

  return row;
}

static void
add_row_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VpActorEditor *self = VP_ACTOR_EDITOR (widget);
  gboolean alias = g_str_equal (action_name, "editor.add-alias");

  gtk_widget_grab_focus (add_row (self, alias, NULL, FALSE, alias));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (!vp_actor_editor_save (VP_ACTOR_EDITOR (widget)))
    gtk_widget_error_bell (widget);
}

static void
vp_actor_editor_dispose (GObject *object)
{
  VpActorEditor *self = (VpActorEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VP_TYPE_ACTOR_EDITOR);

  g_clear_object (&self->actors);
  g_clear_object (&self->original);

  G_OBJECT_CLASS (vp_actor_editor_parent_class)->dispose (object);
}

static void
vp_actor_editor_finalize (GObject *object)
{
  VpActorEditor *self = (VpActorEditor *)object;

  g_clear_pointer (&self->alias_rows, g_ptr_array_unref);
  g_clear_pointer (&self->exclusion_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (vp_actor_editor_parent_class)->finalize (object);
}

static void
vp_actor_editor_class_init (VpActorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vp_actor_editor_dispose;
  object_class->finalize = vp_actor_editor_finalize;

  /**
   * VpActorEditor::saved:
   * @actor: the actor as edited: a copy of the original, with its id, or
   *   a new actor with a new id
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VP_TYPE_ACTOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Viewpoints/vp-actor-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, VpActorEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, VpActorEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, VpActorEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, VpActorEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, VpActorEditor, aliases_group);
  gtk_widget_class_bind_template_child (widget_class, VpActorEditor, exclusions_group);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-alias", NULL, add_row_action);
  gtk_widget_class_install_action (widget_class, "editor.add-exclusion", NULL, add_row_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vp_actor_editor_init (VpActorEditor *self)
{
  const char * const *palette = vp_actor_get_palette ();
  g_autoptr(GArray) colors = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->alias_rows = g_ptr_array_new ();
  self->exclusion_rows = g_ptr_array_new ();

  /* The palette new actors take their colours from, which readers with
   * any common colour blindness tell apart and which prints well, before
   * any colour at all. */
  for (guint i = 0; palette[i] != NULL; i++)
    {
      GdkRGBA color;

      if (gdk_rgba_parse (&color, palette[i]))
        g_array_append_val (colors, color);
    }

  gtk_color_chooser_add_palette (GTK_COLOR_CHOOSER (self->color_button), GTK_ORIENTATION_HORIZONTAL,
                                 8, colors->len, (GdkRGBA *)(gpointer)colors->data);
}

static void
set_color (VpActorEditor *self,
           const char    *spec)
{
  GdkRGBA color;

  if (spec == NULL || !gdk_rgba_parse (&color, spec))
    gdk_rgba_parse (&color, VP_ACTOR_DEFAULT_COLOR);

  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &color);
}

/**
 * vp_actor_editor_new:
 * @parent: the window the editor belongs to
 * @actors: the set the actor belongs to, or will
 * @actor: (nullable): the actor to edit, or %NULL for a new one
 */
GtkWidget *
vp_actor_editor_new (GtkWindow  *parent,
                     VpActorSet *actors,
                     VpActor    *actor)
{
  VpActorEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VP_IS_ACTOR_SET (actors), NULL);
  g_return_val_if_fail (actor == NULL || VP_IS_ACTOR (actor), NULL);

  self = g_object_new (VP_TYPE_ACTOR_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->actors = g_object_ref (actors);

  if (actor != NULL)
    {
      const char * const *exclusions = vp_actor_get_exclusions (actor);

      self->original = g_object_ref (actor);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Actor"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), vp_actor_get_name (actor));
      set_color (self, vp_actor_get_color (actor));
      adw_combo_row_set_selected (self->kind_row, vp_actor_get_kind (actor));

      for (guint i = 0; i < vp_actor_get_n_aliases (actor); i++)
        {
          gboolean case_sensitive;
          const char *alias = vp_actor_get_alias (actor, i, &case_sensitive);

          add_row (self, TRUE, alias, case_sensitive, FALSE);
        }

      for (guint i = 0; exclusions[i] != NULL; i++)
        add_row (self, FALSE, exclusions[i], FALSE, FALSE);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Actor"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("C_reate"));

      set_color (self, vp_actor_set_suggest_color (actors));
      adw_combo_row_set_selected (self->kind_row, VP_ACTOR_KIND_OTHER);

      /* Most actors are named by their name: it is the first alias
       * until the reader says otherwise. */
      self->name_alias = add_row (self, TRUE, NULL, FALSE, TRUE);
    }

  validate (self);

  return GTK_WIDGET (self);
}

/**
 * vp_actor_editor_get_original:
 *
 * Returns: (transfer none) (nullable): the actor edited; %NULL for a new one
 */
VpActor *
vp_actor_editor_get_original (VpActorEditor *self)
{
  g_return_val_if_fail (VP_IS_ACTOR_EDITOR (self), NULL);

  return self->original;
}

void
vp_actor_editor_set_name (VpActorEditor *self,
                          const char    *name)
{
  g_return_if_fail (VP_IS_ACTOR_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
}

void
vp_actor_editor_set_color (VpActorEditor *self,
                           const char    *color)
{
  g_return_if_fail (VP_IS_ACTOR_EDITOR (self));

  set_color (self, color);
}

void
vp_actor_editor_set_kind (VpActorEditor *self,
                          VpActorKind    kind)
{
  g_return_if_fail (VP_IS_ACTOR_EDITOR (self));

  adw_combo_row_set_selected (self->kind_row, kind);
}

/**
 * vp_actor_editor_add_alias:
 * @alias: the text of the new row
 * @case_sensitive: its flag
 *
 * Adds a row of alias. A new actor's empty first row, which follows its
 * name, is filled instead.
 */
void
vp_actor_editor_add_alias (VpActorEditor *self,
                           const char    *alias,
                           gboolean       case_sensitive)
{
  GtkWidget *row;

  g_return_if_fail (VP_IS_ACTOR_EDITOR (self));
  g_return_if_fail (alias != NULL);

  if (self->name_alias != NULL)
    {
      GtkCheckButton *check;

      row = g_steal_pointer (&self->name_alias);
      check = g_object_get_data (G_OBJECT (row), "vp-case-check");
      gtk_editable_set_text (GTK_EDITABLE (row), alias);
      gtk_check_button_set_active (check, case_sensitive);
      g_object_set_data (G_OBJECT (check), "vp-touched", GINT_TO_POINTER (TRUE));
      return;
    }

  add_row (self, TRUE, alias, case_sensitive, FALSE);
}

guint
vp_actor_editor_get_n_aliases (VpActorEditor *self)
{
  g_return_val_if_fail (VP_IS_ACTOR_EDITOR (self), 0);

  return self->alias_rows->len;
}

/**
 * vp_actor_editor_set_alias_text:
 *
 * Types @text into the alias row at @index, as the reader would.
 */
void
vp_actor_editor_set_alias_text (VpActorEditor *self,
                                guint          index,
                                const char    *text)
{
  g_return_if_fail (VP_IS_ACTOR_EDITOR (self));
  g_return_if_fail (index < self->alias_rows->len);

  gtk_editable_set_text (g_ptr_array_index (self->alias_rows, index), text);
}

gboolean
vp_actor_editor_get_alias_case_sensitive (VpActorEditor *self,
                                          guint          index)
{
  GtkCheckButton *check;

  g_return_val_if_fail (VP_IS_ACTOR_EDITOR (self), FALSE);
  g_return_val_if_fail (index < self->alias_rows->len, FALSE);

  check = g_object_get_data (g_ptr_array_index (self->alias_rows, index), "vp-case-check");

  return gtk_check_button_get_active (check);
}

void
vp_actor_editor_remove_alias (VpActorEditor *self,
                              guint          index)
{
  g_return_if_fail (VP_IS_ACTOR_EDITOR (self));
  g_return_if_fail (index < self->alias_rows->len);

  remove_row (self, g_ptr_array_index (self->alias_rows, index));
}

static char *
format_color (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint)(CLAMP (rgba->red, 0, 1) * 255 + 0.5),
                          (guint)(CLAMP (rgba->green, 0, 1) * 255 + 0.5),
                          (guint)(CLAMP (rgba->blue, 0, 1) * 255 + 0.5));
}

/**
 * vp_actor_editor_dup_actor:
 *
 * Returns: (transfer full) (nullable): the actor as edited, or %NULL
 *   when it is not valid (see vp_actor_editor_is_valid())
 */
VpActor *
vp_actor_editor_dup_actor (VpActorEditor *self)
{
  g_autoptr(VpActor) actor = NULL;
  g_autofree char *name = NULL;
  g_autofree char *color = NULL;
  GdkRGBA rgba;
  guint kind;

  g_return_val_if_fail (VP_IS_ACTOR_EDITOR (self), NULL);

  if (!vp_actor_editor_is_valid (self))
    return NULL;

  name = dup_stripped (GTK_EDITABLE (self->name_row));

  if (self->original != NULL)
    {
      /* Its id and enabled state stay; the rest is the editor's. */
      actor = vp_actor_copy (self->original);
      while (vp_actor_get_n_aliases (actor) > 0)
        vp_actor_remove_alias (actor, vp_actor_get_alias (actor, 0, NULL));
      while (vp_actor_get_exclusions (actor)[0] != NULL)
        vp_actor_remove_exclusion (actor, vp_actor_get_exclusions (actor)[0]);
      vp_actor_set_name (actor, name);
    }
  else
    {
      g_autofree char *id = vp_actor_set_dup_new_id (self->actors, name);

      actor = vp_actor_new (id, name);
      vp_actor_set_enabled (actor, TRUE);
    }

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = format_color (&rgba);
  vp_actor_set_color (actor, color);

  kind = adw_combo_row_get_selected (self->kind_row);
  vp_actor_set_kind (actor, kind <= VP_ACTOR_KIND_OTHER ? (VpActorKind)kind : VP_ACTOR_KIND_OTHER);

  for (guint i = 0; i < self->alias_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->alias_rows, i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "vp-case-check");
      g_autofree char *text = dup_stripped (GTK_EDITABLE (row));

      if (text[0] != '\0')
        vp_actor_add_alias (actor, text, gtk_check_button_get_active (check));
    }

  for (guint i = 0; i < self->exclusion_rows->len; i++)
    {
      g_autofree char *text = dup_stripped (GTK_EDITABLE (g_ptr_array_index (self->exclusion_rows, i)));

      if (text[0] != '\0')
        vp_actor_add_exclusion (actor, text);
    }

  return g_steal_pointer (&actor);
}

/**
 * vp_actor_editor_save:
 *
 * Hands the actor to ::saved and closes the editor, when it is valid.
 *
 * Returns: whether it was
 */
gboolean
vp_actor_editor_save (VpActorEditor *self)
{
  g_autoptr(VpActor) actor = NULL;

  g_return_val_if_fail (VP_IS_ACTOR_EDITOR (self), FALSE);

  actor = vp_actor_editor_dup_actor (self);
  if (actor == NULL)
    return FALSE;

  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, actor);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);

  return TRUE;
}
