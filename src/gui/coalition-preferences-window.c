/* coalition-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "coalition-preferences-window.h"

struct _CoalitionPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  CoalitionStore       *store;

  AdwPreferencesGroup  *coalition_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *email_row;
  AdwEntryRow          *reminders_row;
  AdwComboRow          *style_row;
};

G_DEFINE_FINAL_TYPE (CoalitionPreferencesWindow, coalition_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Positions in the Style row, and the GSettings values they stand for. */
static const char * const color_schemes[] = { "default", "light", "dark" };

/* Reminders as the calendar export reads them: minutes, comma-separated. */
static char *
normalize_reminders (const char  *text,
                     gboolean    *ok)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ", ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  *ok = TRUE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end;
      gint64 minutes;

      if (*parts[i] == '\0')
        continue;
      minutes = g_ascii_strtoll (parts[i], &end, 10);
      if (*end != '\0' || minutes < 0 || minutes > 20160)
        {
          *ok = FALSE;
          return NULL;
        }
      g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len ? "," : "", minutes);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
name_applied_cb (CoalitionPreferencesWindow *self,
                 AdwEntryRow                *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *value = NULL;
  const char *key;

  if (self->store == NULL)
    return;

  if (row == self->reminders_row)
    {
      gboolean ok;

      key = "reminders";
      value = normalize_reminders (text, &ok);
      if (!ok)
        {
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                            adw_toast_new (_("Write the reminders as minutes before the meeting, such as “60, 5”.")));
          return;
        }
    }
  else if (row == self->email_row)
    {
      if (*text != '\0' && strchr (text, '@') == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not an e-mail address."), text);

          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
          return;
        }
      key = "coalition-email";
      value = *text ? g_strdup (text) : NULL;
    }
  else
    {
      key = "coalition-name";
      value = *text ? g_strdup (text) : NULL;
    }

  if (!coalition_store_set_setting (self->store, key, value, &error))
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
  gtk_widget_class_bind_template_child (widget_class, CoalitionPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPreferencesWindow, reminders_row);
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
      g_autofree char *email = coalition_store_get_setting (store, "coalition-email");
      g_autofree char *reminders = coalition_store_get_setting (store, "reminders");

      name = coalition_store_get_setting (store, "coalition-name");
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");
      gtk_editable_set_text (GTK_EDITABLE (self->reminders_row), reminders ? reminders : "60, 5");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->coalition_group), store != NULL);

  return self;
}
