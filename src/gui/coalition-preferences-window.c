/* coalition-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coalition-preferences-window.h"

struct _CoalitionPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  CoalitionStore       *store;

  AdwPreferencesGroup  *coalition_group;
  AdwEntryRow          *name_row;
  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (CoalitionPreferencesWindow, coalition_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Positions in the Style row, and the GSettings values they stand for. */
static const char * const color_schemes[] = { "default", "light", "dark" };

static void
name_applied_cb (CoalitionPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (self->store == NULL)
    return;

  if (!coalition_store_set_setting (self->store, "coalition-name", name[0] ? name : NULL, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
style_selected_cb (CoalitionPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->style_row);

  if (selected < G_N_ELEMENTS (color_schemes))
    g_settings_set_string (self->settings, "color-scheme", color_schemes[selected]);
}

static void
coalition_preferences_window_dispose (GObject *object)
{
  CoalitionPreferencesWindow *self = COALITION_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COALITION_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (coalition_preferences_window_parent_class)->dispose (object);
}

static void
coalition_preferences_window_class_init (CoalitionPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coalition_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/coalition-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CoalitionPreferencesWindow, coalition_group);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPreferencesWindow, style_row);
  gtk_widget_class_bind_template_callback (widget_class, name_applied_cb);
}

static void
coalition_preferences_window_init (CoalitionPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

CoalitionPreferencesWindow *
coalition_preferences_window_new (GtkWindow      *parent,
                                  GSettings      *settings,
                                  CoalitionStore *store)
{
  CoalitionPreferencesWindow *self;
  g_autofree char *scheme = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (COALITION_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  self->store = store ? g_object_ref (store) : NULL;

  scheme = g_settings_get_string (settings, "color-scheme");
  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_str_equal (scheme, color_schemes[i]))
      adw_combo_row_set_selected (self->style_row, i);
  g_signal_connect_object (self->style_row, "notify::selected", G_CALLBACK (style_selected_cb), self,
                           G_CONNECT_SWAPPED);

  if (store != NULL)
    {
      name = coalition_store_get_setting (store, "coalition-name");
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->coalition_group), store != NULL);

  return self;
}
