/* bench-import.c — importing a CSV of 100 000 people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports the 100 000-person benchmark coalition as CSV, then imports that
 * file into a new database, against `sqlite3 .import` of the same file into
 * a plain table, in the same run. Target (DESIGN.md): ≤ 5 × sqlite3 .import.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"

#define RUNS 3

static double
time_sqlite3_import (const char *csv,
                     const char *dir)
{
  g_autofree char *db = g_build_filename (dir, "plain.db", NULL);
  g_autofree char *commands = g_strdup_printf (".mode csv\n.import '%s' people\n", csv);
  g_autoptr(GSubprocess) sqlite = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_unlink (db);
  start = g_get_monotonic_time ();
  sqlite = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error, "sqlite3", db, NULL);
  if (sqlite == NULL || !g_subprocess_communicate_utf8 (sqlite, commands, NULL, NULL, NULL, &error) ||
      !g_subprocess_get_successful (sqlite))
    g_error ("sqlite3 .import failed: %s", error ? error->message : "exit status");

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_our_import (const char *csv,
                 const char *dir,
                 guint      *out_added)
{
  g_autofree char *db = g_build_filename (dir, "imported.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_unlink (db), g_unlink (wal), g_unlink (shm);
  start = g_get_monotonic_time ();
  store = coalition_store_open (db, &error);
  if (store != NULL)
    summary = coalition_import_file (store, csv, FALSE, NULL, &error);
  if (summary == NULL)
    g_error ("import failed: %s", error->message);
  g_clear_object (&store);   /* the checkpoint at close is part of the work */

  *out_added = summary->people_added;
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CoalitionStore) source = bench_open_coalition (100000, NULL);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("coalition-bench-XXXXXX", &error);
  g_autofree char *csv = NULL;
  double median_ours, median_bare, ratio;
  guint added = 0;
  gboolean pass;

  if (dir == NULL)
    g_error ("%s", error->message);
  csv = g_build_filename (dir, "members.csv", NULL);
  if (!coalition_export_members (source, COALITION_EXPORT_CSV, csv, NULL, &error))
    g_error ("%s", error->message);
  g_clear_object (&source);

  for (guint i = 0; i < RUNS; i++)
    {
      double ms = time_sqlite3_import (csv, dir);
      g_array_append_val (bare, ms);
      ms = time_our_import (csv, dir, &added);
      g_array_append_val (ours, ms);
    }

  median_ours = bench_percentile (ours, 50);
  median_bare = bench_percentile (bare, 50);
  ratio = median_ours / median_bare;
  pass = ratio <= 5.0 && added > 0;

  printf ("CSV import of 100 000 people: %.0f ms (spread %.0f–%.0f, %u people added; baseline sqlite3 .import %.0f ms, ratio %.1f, target ≤ 5×) %s\n",
          median_ours, bench_percentile (ours, 0), bench_percentile (ours, 100), added, median_bare, ratio,
          pass ? "PASS" : "FAIL");

  for (const char * const *name = (const char * const[]) { "plain.db", "imported.db", "imported.db-wal",
                                                            "imported.db-shm", "members.csv", NULL }; *name; name++)
    {
      g_autofree char *path = g_build_filename (dir, *name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);

  return pass ? EXIT_SUCCESS : EXIT_FAILURE;
}
