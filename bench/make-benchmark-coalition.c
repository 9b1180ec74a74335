/* make-benchmark-coalition.c — generates the benchmark coalition once, before
 * the benchmarks run, so that none of them measures itself with the memory
 * and the page cache that making it leaves behind
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(CoalitionStore) store = bench_open_benchmark_coalition (&path);

  sqlite3_stmt *stmt = NULL;

  /* What the file holds, counted. */
  g_assert_cmpint (sqlite3_prepare_v2 (coalition_store_get_handle (store),
                                       "SELECT (SELECT count (*) FROM meeting), (SELECT count (*) FROM agenda_item), "
                                       "(SELECT count (*) FROM attendance), (SELECT count (*) FROM map_node WHERE map_id = ?1), "
                                       "(SELECT count (*) FROM map_edge WHERE map_id = ?1)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, bench_benchmark_map_id (store));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  printf ("benchmark coalition: %u people, %u organizations, %d meetings (%d agenda items, %d invitations), "
          "a power map of %d nodes and %d edges, in %s\n",
          coalition_store_count_people (store), coalition_store_count_organizations (store),
          sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1), sqlite3_column_int (stmt, 2),
          sqlite3_column_int (stmt, 3), sqlite3_column_int (stmt, 4), path);
  sqlite3_finalize (stmt);
  return EXIT_SUCCESS;
}
