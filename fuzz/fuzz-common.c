/* fuzz-common.c — what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

static char *store_dir;
static CoalitionStore *store;

static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  /* abort () rather than GLib's breakpoint trap, which libFuzzer would not
   * take for a crash and so would not save the input of. */
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return output;
}

void
coalition_fuzz_init (void)
{
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
}

static void
remove_store_dir (void)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&store);
  if (store_dir == NULL || (dir = g_dir_open (store_dir, 0, NULL)) == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (store_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

CoalitionStore *
coalition_fuzz_open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (store != NULL)
    return store;

  store_dir = g_dir_make_tmp ("coalition-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_store_dir);

  path = g_build_filename (store_dir, "coalition.db", NULL);
  store = coalition_store_open (path, &error);
  g_assert_no_error (error);

  return store;
}

void
coalition_fuzz_assert_utf8 (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    g_error ("Invalid UTF-8 handed on: “%s”", g_strescape (text, NULL));
}
