/* coalition-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coalition-application.h"
#include "coalition-preferences-window.h"
#include "coalition-window.h"

struct _CoalitionApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  /* --database given to the first instance, opened at activation */
  GFile          *pending_database;
};

G_DEFINE_FINAL_TYPE (CoalitionApplication, coalition_application, ADW_TYPE_APPLICATION)

static CoalitionWindow *
find_window_for_path (CoalitionApplication *self,
                      const char           *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (COALITION_IS_WINDOW (l->data) &&
        g_strcmp0 (coalition_window_get_path (l->data), path) == 0)
      return l->data;

  return NULL;
}

static void
open_database (CoalitionApplication *self,
               GFile                *file)
{
  g_autofree char *path = g_file_get_path (file);
  CoalitionWindow *window;

  if (path == NULL)
    return;

  window = find_window_for_path (self, path);
  if (window == NULL)
    {
      window = coalition_window_new (GTK_APPLICATION (self), path);
      if (coalition_window_get_store (window) != NULL)
        g_settings_set_string (self->settings, "last-database", path);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static void
coalition_application_activate (GApplication *app)
{
  CoalitionApplication *self = COALITION_APPLICATION (app);
  g_autofree char *last = NULL;
  g_autoptr(GFile) file = NULL;
  GtkWindow *window;

  if (self->pending_database != NULL)
    {
      g_autoptr(GFile) pending = g_steal_pointer (&self->pending_database);
      open_database (self, pending);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  last = g_settings_get_string (self->settings, "last-database");
  if (last[0] == '\0' || !g_file_test (last, G_FILE_TEST_EXISTS))
    {
      g_free (last);
      last = coalition_store_get_default_path ();
    }

  file = g_file_new_for_path (last);
  open_database (self, file);
}

static void
coalition_application_open (GApplication  *app,
                            GFile        **files,
                            int            n_files,
                            const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    open_database (COALITION_APPLICATION (app), files[i]);
}

static int
coalition_application_handle_local_options (GApplication *app,
                                            GVariantDict *options)
{
  CoalitionApplication *self = COALITION_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  const char *database = NULL;

  if (!g_variant_dict_lookup (options, "database", "^&ay", &database))
    return -1;

  file = g_file_new_for_commandline_arg (database);
  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A running Coalition opens it in its own process; otherwise we are the
   * first instance and open it once started. */
  if (g_application_get_is_remote (app))
    {
      g_application_open (app, &file, 1, "");
      return 0;
    }

  g_set_object (&self->pending_database, file);
  return -1;
}

static void
apply_color_scheme (CoalitionApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CoalitionApplication *self = user_data;

  /* Closing each window saves its size, as closing it by hand would. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CoalitionApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  CoalitionStore *store = NULL;
  CoalitionPreferencesWindow *preferences;

  if (COALITION_IS_WINDOW (parent))
    store = coalition_window_get_store (COALITION_WINDOW (parent));

  preferences = coalition_preferences_window_new (parent, self->settings, store);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CoalitionApplication *self = user_data;
  const char *developers[] = { _("The Coalition developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Coalition"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Coalition developers"),
                         "developers", developers,
                         "comments", _("Members, power maps, meetings and agendas for advocacy coalitions"),
                         "website", "https://example.org/coalition",
                         "issue-url", "https://example.org/coalition/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", _("© 2026 The Coalition developers"),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  /* Yelp resolves help: in the installed help directories (gnome.yelp () in docs/guide). */
  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (user_data)),
                "help:org.example.Coalition", GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "help", help_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void
coalition_application_startup (GApplication *app)
{
  CoalitionApplication *self = COALITION_APPLICATION (app);
  GtkApplication *gtk_app = GTK_APPLICATION (app);

  G_APPLICATION_CLASS (coalition_application_parent_class)->startup (app);

  /* Here rather than at construction, so that --help and a second
   * instance handing over its files never need the settings. */
  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);

  gtk_application_set_accels_for_action (gtk_app, "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.help", (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (gtk_app, "app.preferences", (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.new-database", (const char *[]) { "<Control><Shift>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.open-database", (const char *[]) { "<Control>o", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.new-person", (const char *[]) { "<Control>n", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.new-group", (const char *[]) { "<Control>g", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.import-members", (const char *[]) { "<Control>i", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.export-members", (const char *[]) { "<Control>e", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.print", (const char *[]) { "<Control>p", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.reload", (const char *[]) { "<Control>r", "F5", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.search", (const char *[]) { "<Control>f", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.close", (const char *[]) { "<Control>w", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-page::members", (const char *[]) { "<Alt>1", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-page::map", (const char *[]) { "<Alt>2", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-page::meetings", (const char *[]) { "<Alt>3", NULL });
  gtk_application_set_accels_for_action (gtk_app, "win.show-page::campaigns", (const char *[]) { "<Alt>4", NULL });

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
coalition_application_dispose (GObject *object)
{
  CoalitionApplication *self = COALITION_APPLICATION (object);

  g_clear_object (&self->pending_database);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (coalition_application_parent_class)->dispose (object);
}

static void
coalition_application_class_init (CoalitionApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = coalition_application_dispose;

  app_class->activate = coalition_application_activate;
  app_class->open = coalition_application_open;
  app_class->startup = coalition_application_startup;
  app_class->handle_local_options = coalition_application_handle_local_options;
}

static void
coalition_application_init (CoalitionApplication *self)
{
  const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the coalition database FILE"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Members, power maps, meetings and agendas for advocacy coalitions."));
}

CoalitionApplication *
coalition_application_new (void)
{
  return g_object_new (COALITION_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
coalition_application_get_settings (CoalitionApplication *self)
{
  g_return_val_if_fail (COALITION_IS_APPLICATION (self), NULL);
  return self->settings;
}
