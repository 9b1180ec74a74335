/* bench-import.c — importing a CSV of 100 000 people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports the 100 000-person benchmark coalition as CSV, then imports that
 * file into a new database, against `sqlite3 .import` of the same file into
 * a plain table, in the same run. Target (DESIGN.md): ≤ 5 × sqlite3 .import.
 *
 * Then the growth: the first 1 000 and 10 000 rows of the same file imported
 * the same way, against the whole. Nothing may grow faster than n log n:
 * time (100 000) / time (10 000) ≤ 10 × log (100 000) / log (10 000), with
 * 1.3 for noise.
 *
 * Last, the whole file into a directory that held its first row and was
 * closed, against the import into a new file (≤ 1.3 ×): the query
 * planner's figures for a table of one row once made it take minutes.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-common.h"
#include "coalition-store-private.h"

#define RUNS 3
#define GROWTH_TOLERANCE 1.3

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

/* @dir/@name, with no database there: the file and its WAL removed. */
static char *
new_database_path (const char *dir,
                   const char *name)
{
  char *db = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_unlink (db), g_unlink (wal), g_unlink (shm);
  return db;
}

/* Imports @csv into a new file, or, with @first_rows, into a file that
 * holds those rows already and was closed (as a directory begun by hand
 * would be); only the import of @csv is timed. */
static double
time_our_import_after (const char *first_rows,
                       const char *csv,
                       const char *dir,
                       guint      *out_added)
{
  g_autofree char *db = new_database_path (dir, "imported.db");
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (first_rows != NULL)
    {
      store = coalition_store_open (db, &error);
      if (store != NULL)
        summary = coalition_import_file (store, first_rows, FALSE, NULL, &error);
      if (summary == NULL)
        g_error ("import failed: %s", error->message);
      g_clear_pointer (&summary, coalition_import_summary_free);
      g_clear_object (&store);
    }
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

static double
time_our_import (const char *csv,
                 const char *dir,
                 guint      *out_added)
{
  return time_our_import_after (NULL, csv, dir, out_added);
}

/* The floor the schema sets: what an import of @csv left in @imported
 * (organizations, tags, people with their e-mails, phones and tags) copied
 * table to table by SQL into a new directory, in one bulk write whose
 * commit fills the search index as an import's does, and the checkpoint
 * at close. No file is read and nothing matched: no import can be faster
 * than this. */
static double
time_copy_by_sql (const char *imported,
                  const char *dir)
{
  g_autofree char *db = new_database_path (dir, "copied.db");
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(GError) error = NULL;
  char *attach = sqlite3_mprintf ("ATTACH %Q AS imported", imported);
  sqlite3 *handle;
  gint64 start;

  start = g_get_monotonic_time ();
  store = coalition_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  handle = coalition_store_get_handle (store);
  if (sqlite3_exec (handle, attach, NULL, NULL, NULL) != SQLITE_OK ||
      !coalition_store_begin_bulk_write (store, G_MAXUINT, &error) ||
      sqlite3_exec (handle,
                    "INSERT INTO main.tag SELECT * FROM imported.tag;"
                    "INSERT INTO main.organization SELECT * FROM imported.organization;"
                    "INSERT INTO main.person SELECT * FROM imported.person;"
                    "INSERT INTO main.person_email SELECT * FROM imported.person_email;"
                    "INSERT INTO main.person_phone SELECT * FROM imported.person_phone;"
                    "INSERT INTO main.person_tag SELECT * FROM imported.person_tag;",
                    NULL, NULL, NULL) != SQLITE_OK ||
      !coalition_store_commit (store, &error) ||
      sqlite3_exec (handle, "DETACH imported", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("copying by SQL failed: %s", error ? error->message : sqlite3_errmsg (handle));
  sqlite3_free (attach);
  g_clear_object (&store);

  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The header and the first @n_rows rows of @csv, cut where the next row
 * begins (a cell may hold line breaks), written to @out. */
static void
write_first_rows (const char *csv,
                  guint       n_rows,
                  const char *out)
{
  g_autofree char *data = NULL;
  g_autoptr(CoalitionCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gsize length, cut;
  guint next_line, line = 1;

  if (!g_file_get_contents (csv, &data, &length, &error) ||
      !(table = coalition_csv_parse (data, length, &error)))
    g_error ("%s", error->message);
  if (n_rows + 1 >= table->rows->len)
    g_error ("%s has fewer than %u rows", csv, n_rows);

  next_line = g_array_index (table->line_numbers, guint, n_rows + 1);
  for (cut = 0; cut < length && line < next_line; cut++)
    if (data[cut] == '\n')
      line++;
  if (!g_file_set_contents (out, data, cut, &error))
    g_error ("%s", error->message);
}

static double
median_import (const char *csv,
               const char *dir)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint added;

  for (guint i = 0; i < RUNS; i++)
    {
      double ms = time_our_import (csv, dir, &added);
      g_array_append_val (times, ms);
    }

  return bench_percentile (times, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CoalitionStore) source = bench_open_benchmark_coalition (NULL);
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

  /* What the import wrote, copied by SQL alone: the schema's own floor. */
  {
    g_autofree char *imported = g_build_filename (dir, "imported.db", NULL);
    g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
    double median_floor;

    for (guint i = 0; i < RUNS; i++)
      {
        double ms = time_copy_by_sql (imported, dir);
        g_array_append_val (floor, ms);
      }
    median_floor = bench_percentile (floor, 50);
    printf ("  (informational: the same people, organizations, e-mails, phones and tags copied table to table by "
            "SQL into a new directory, the search index filled at the commit: %.0f ms (spread %.0f–%.0f), "
            "%.1f × sqlite3 .import; the import takes %.1f × this)\n",
            median_floor, bench_percentile (floor, 0), bench_percentile (floor, 100), median_floor / median_bare,
            median_ours / median_floor);
  }
  fflush (stdout);

  /* Growth: the first 1 000 and 10 000 rows of the same file. */
  {
    g_autofree char *csv_1k = g_build_filename (dir, "members-1000.csv", NULL);
    g_autofree char *csv_10k = g_build_filename (dir, "members-10000.csv", NULL);
    double ms_1k, ms_10k, growth, allowed;
    gboolean growth_pass;

    write_first_rows (csv, bench_size (1000), csv_1k);
    write_first_rows (csv, bench_size (10000), csv_10k);
    ms_1k = median_import (csv_1k, dir);
    ms_10k = median_import (csv_10k, dir);
    growth = median_ours / ms_10k;
    allowed = 10.0 * log ((double)BENCH_PEOPLE) / log ((double)bench_size (10000));
    growth_pass = growth <= allowed * GROWTH_TOLERANCE;

    printf ("  (informational, growth: 1 000 rows: %.0f ms)\n", ms_1k);
    printf ("  (informational, growth: 10 000 rows: %.0f ms, ×%.1f for ten times the rows)\n",
            ms_10k, ms_10k / ms_1k);
    printf ("  (informational, growth: 100 000 rows: %.0f ms, ×%.1f for ten times the rows; "
            "×10 is linear, ×%.1f n log n)\n", median_ours, growth, allowed);
    printf ("CSV import growth from 10 000 to 100 000 rows: ×%.1f (baseline ×%.1f = 10 × log 100 000 / log 10 000, "
            "n log n; ratio %.2f, target time (100 000) / time (10 000) ≤ n log n × %.1f = ×%.1f) %s\n",
            growth, allowed, growth / allowed, GROWTH_TOLERANCE, allowed * GROWTH_TOLERANCE,
            growth_pass ? "PASS" : "FAIL");
    pass = pass && growth_pass;
  }

  /* The same file into a directory of one person, closed and opened
   * again: what the query planner knew of it must not slow the import. */
  {
    g_autofree char *csv_1 = g_build_filename (dir, "members-1.csv", NULL);
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
    double median, tiny_ratio;
    gboolean tiny_pass;

    write_first_rows (csv, 1, csv_1);
    for (guint i = 0; i < RUNS; i++)
      {
        double ms = time_our_import_after (csv_1, csv, dir, &added);
        g_array_append_val (times, ms);
      }
    median = bench_percentile (times, 50);
    tiny_ratio = median / median_ours;
    tiny_pass = tiny_ratio <= GROWTH_TOLERANCE;
    printf ("CSV import of 100 000 people into a directory of one: %.0f ms (spread %.0f–%.0f; baseline the import "
            "into a new file %.0f ms, ratio %.2f, target ≤ %.1f×) %s\n",
            median, bench_percentile (times, 0), bench_percentile (times, 100), median_ours, tiny_ratio,
            GROWTH_TOLERANCE, tiny_pass ? "PASS" : "FAIL");
    pass = pass && tiny_pass;
  }

  bench_remove_temporary_dir (dir);

  return pass ? EXIT_SUCCESS : EXIT_FAILURE;
}
