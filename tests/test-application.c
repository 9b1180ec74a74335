/* test-application.c — the running application's D-Bus face: activation,
 * opening a database in the running instance, a second instance, quitting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <libglib-testing/dbus-queue.h>

#include "coalition-core.h"

typedef gboolean (*Condition) (gpointer data);

/* Polls @condition for up to twenty seconds. Nothing here needs a main
 * loop: the conditions ask the bus or the file system, and GSubprocess
 * reaps its children in GLib's worker thread. */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20 * 1000);
    }
}

typedef struct
{
  GDBusConnection *connection;
  const char      *name;
} NameWait;

static gboolean
name_has_owner (gpointer data)
{
  NameWait *wait = data;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  reply = g_dbus_connection_call_sync (wait->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", wait->name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* The database the running instance made is a real, current one. */
static gboolean
is_coalition_database (gpointer data)
{
  const char *path = data;
  g_autoptr(CoalitionStore) store = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  store = coalition_store_open (path, NULL);
  return store != NULL && coalition_store_get_schema_version (store) == COALITION_STORE_SCHEMA_VERSION;
}

static gboolean
process_exited (gpointer data)
{
  /* The identifier is the pid, and NULL once the process has been reaped. */
  return g_subprocess_get_identifier (data) == NULL;
}

/* GTestDBus unsets DISPLAY for itself; the application needs it. */
static char *display;
/* Directory isolation hides the system's MIME database, which icons need. */
static char *system_data_dirs;

static GSubprocess *
spawn_coalition (const char *first_arg,
                 ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  va_list ap;

  g_ptr_array_add (args, (char *)g_getenv ("COALITION_GUI"));
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  if (display != NULL)
    g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS",
                                system_data_dirs ? system_data_dirs : "/usr/local/share:/usr/share", TRUE);
  /* The private bus has no accessibility bus to offer. */
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *)args->pdata, &error);
  g_assert_no_error (error);

  return process;
}

static void
call_application (GDBusConnection *connection,
                  const char      *object_path,
                  const char      *interface,
                  const char      *method,
                  GVariant        *parameters)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (connection, APP_ID, object_path, interface, method, parameters,
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 20000, NULL, &error);
  g_assert_no_error (error);
}

static void
test_application_dbus (void)
{
  g_autoptr(GtDBusQueue) queue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) primary = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GFile) new_db = NULL;
  g_autofree char *object_path = g_strconcat ("/", APP_ID, NULL);
  g_autofree char *first_path = NULL;
  g_autofree char *opened_path = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *uri = NULL;
  GDBusConnection *connection;
  NameWait name_wait;
  GVariantBuilder uris;

  /* Without a display the application cannot start; GTK itself is not
   * initialized here, so that nothing holds the test bus when it goes down. */
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  g_strdelimit (object_path, ".", '/');
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  first_path = g_build_filename (g_get_user_data_dir (), "first.db", NULL);
  opened_path = g_build_filename (g_get_user_data_dir (), "opened over D-Bus.db", NULL);
  other_path = g_build_filename (g_get_user_data_dir (), "from a second instance.db", NULL);

  /* A private session bus: the application and this test meet only there. */
  display = g_strdup (g_getenv ("DISPLAY"));
  queue = gt_dbus_queue_new ();
  gt_dbus_queue_connect (queue, &error);
  g_assert_no_error (error);
  connection = gt_dbus_queue_get_client_connection (queue);

  primary = spawn_coalition ("--database", first_path, NULL);
  name_wait = (NameWait) { connection, APP_ID };
  wait_until (name_has_owner, &name_wait, "the application to take its name");
  wait_until (is_coalition_database, first_path, "the first database");

  /* Activation presents the running instance, which stays the only one. */
  call_application (connection, object_path, "org.freedesktop.Application", "Activate",
                    g_variant_new ("(a{sv})", NULL));
  g_assert_false (process_exited (primary));

  /* Open: the running instance creates and opens a new database. */
  new_db = g_file_new_for_path (opened_path);
  uri = g_file_get_uri (new_db);
  g_variant_builder_init (&uris, G_VARIANT_TYPE ("as"));
  g_variant_builder_add (&uris, "s", uri);
  call_application (connection, object_path, "org.freedesktop.Application", "Open",
                    g_variant_new ("(asa{sv})", &uris, NULL));
  wait_until (is_coalition_database, opened_path, "the database opened over D-Bus");

  /* A second `coalition --database` hands its file to the first and exits. */
  second = spawn_coalition ("--database", other_path, NULL);
  wait_until (process_exited, second, "the second instance to exit");
  g_assert_true (g_subprocess_get_if_exited (second));
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
  wait_until (is_coalition_database, other_path, "the database handed to the first instance");
  g_assert_false (process_exited (primary));

  /* Quit through the application's actions, as the menu does. */
  call_application (connection, object_path, "org.gtk.Actions", "Activate",
                    g_variant_new ("(sava{sv})", "quit", NULL, NULL));
  wait_until (process_exited, primary, "the application to quit");
  g_assert_true (g_subprocess_get_if_exited (primary));
  g_assert_cmpint (g_subprocess_get_exit_status (primary), ==, 0);

  gt_dbus_queue_disconnect (queue, TRUE);
  g_clear_pointer (&display, g_free);
}

int
main (int   argc,
      char *argv[])
{
  system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/application/dbus", test_application_dbus);

  return g_test_run ();
}
