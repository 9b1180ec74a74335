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

/* The @percent-th percentile of @samples (doubles); sorts them. */
double          bench_percentile     (GArray *samples,
                                      double  percent);

/* Resident memory of this process in MB. */
double          bench_resident_mb    (void);

G_END_DECLS
