/* bench-common.h — what every benchmark shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-core.h"

G_BEGIN_DECLS

/* The benchmark coalition with @n_people, generated once from a fixed seed
 * and kept in the build directory between runs. */
CoalitionStore *bench_open_coalition (guint   n_people,
                                      char  **out_path);

/* @n, the size a benchmark names; with COALITION_BENCH_SMOKE set in the
 * environment a hundredth of it (at least 10), for the test that runs every
 * benchmark once to prove it still works. Its figures mean nothing. */
guint           bench_size           (guint n);

/* What the benchmark coalition holds (DESIGN.md): 100 000 people in about
 * 5 000 organizations, 2 000 meetings with agendas and attendance, and a
 * power map of 2 000 nodes and 5 000 edges drawn from the directory. */
#define BENCH_PEOPLE bench_size (100000)
#define BENCH_MEETINGS bench_size (2000)
#define BENCH_MAP_NODES bench_size (2000)
#define BENCH_MAP_EDGES bench_size (5000)

/* The benchmark coalition, generated once from a fixed seed and kept in
 * $COALITION_BENCH_DATA (or the working directory) between runs. */
CoalitionStore *bench_open_benchmark_coalition (char **out_path);

/* The id of the benchmark coalition's big power map. */
gint64          bench_benchmark_map_id (CoalitionStore *store);

/* A power map of @n_nodes people and organizations (one in five an
 * organization, names in several scripts) spread over the 25 cells, and
 * @n_edges relationships between random pairs (strengths 1–3, four in five
 * directed), all from @seed, written into @store. Returns the map's id. */
gint64          bench_make_power_map (CoalitionStore *store,
                                      guint           n_nodes,
                                      guint           n_edges,
                                      guint32         seed);

/* Deletes the files in @dir (a benchmark's temporary directory), then @dir. */
void            bench_remove_temporary_dir (const char *dir);

/* The @percent-th percentile of @samples (doubles); sorts them. */
double          bench_percentile     (GArray *samples,
                                      double  percent);

/* Resident memory of this process in MB. */
double          bench_resident_mb    (void);

G_END_DECLS
