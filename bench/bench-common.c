/* bench-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bench-common.h"

#define BENCH_SEED 20261124

CoalitionStore *
bench_open_coalition (guint   n_people,
                      char  **out_path)
{
  g_autofree char *name = g_strdup_printf ("coalition-%u.db", n_people);
  g_autofree char *path = g_build_filename (g_getenv ("COALITION_BENCH_DATA") ? g_getenv ("COALITION_BENCH_DATA") : ".",
                                            name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);

  if (store == NULL)
    g_error ("%s", error->message);

  if (coalition_store_count_people (store) != n_people)
    {
      g_clear_object (&store);
      g_unlink (path);
      store = coalition_store_open (path, &error);
      fprintf (stderr, "generating the benchmark coalition (%u people) in %s…\n", n_people, path);
      if (store == NULL || !coalition_demo_fill (store, n_people, BENCH_SEED, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }

  if (out_path != NULL)
    *out_path = g_strdup (path);

  return g_steal_pointer (&store);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

double
bench_percentile (GArray *samples,
                  double  percent)
{
  guint index;

  g_return_val_if_fail (samples->len > 0, 0);

  g_array_sort (samples, compare_doubles);
  index = (guint)((percent / 100.0) * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, MIN (index, samples->len - 1));
}

double
bench_resident_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return 0;

  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}
