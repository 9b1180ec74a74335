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

static const char *map_given[] = {
  "Zoë", "Łukasz", "민준", "Олена", "Γιώργος", "Văn An", "Sigríður", "Aarav",
  "François", "Ngozi", "Søren", "Małgorzata", "Ahmet", "Žofia", "Hiroshi", "María José",
};
static const char *map_family[] = {
  "Brontë", "Wiśniewski", "김", "Шевченко", "Παπαδόπουλος", "Nguyễn", "Jónsdóttir", "Sharma",
  "Lefèvre", "Okonkwo", "Kierkegaard-Østergaard", "Dąbrowska", "Yılmaz", "Nováková", "山田", "García Márquez",
};
static const char *map_titles[] = {
  "City Councillor", "Chief of Staff", "Housing Director", "Tenant Organizer",
  "Pastor", "Union Steward", "Editor", "Landlord",
};
static const char *map_organizations[] = {
  "Liên minh Người thuê nhà", "Związek Lokatorów", "서울 세입자 연합", "Спілка орендарів",
  "Ένωση Ενοικιαστών", "Société d’habitation", "Leigjendasamtökin", "Kiracılar Derneği",
};
static const char *map_places[] = {
  "Sài Gòn", "Śródmieście", "마포구", "Київ", "Θεσσαλονίκη", "Bas-Montréal", "Reykjavík", "Kadıköy",
};

gint64
bench_make_power_map (CoalitionStore *store,
                      guint           n_nodes,
                      guint           n_edges,
                      guint32         seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) node_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_nodes);
  g_autoptr(GError) error = NULL;
  gint64 map_id;

  if (!coalition_store_begin (store, &error))
    g_error ("%s", error->message);

  map_id = coalition_store_create_map (store, "City budget for tenant legal aid",
                                       "A line for tenant legal aid in next year’s city budget", &error);
  if (map_id == 0)
    g_error ("%s", error->message);

  for (guint i = 0; i < n_nodes; i++)
    {
      int stance = g_rand_int_range (rand, COALITION_STANCE_MIN, COALITION_STANCE_MAX + 1);
      int influence = g_rand_int_range (rand, COALITION_INFLUENCE_MIN, COALITION_INFLUENCE_MAX + 1);
      gint64 person_id = 0, organization_id = 0, node_id;

      if (i % 5 == 4)
        {
          g_autofree char *name = g_strdup_printf ("%s %s %u",
                                                   map_organizations[g_rand_int_range (rand, 0, G_N_ELEMENTS (map_organizations))],
                                                   map_places[g_rand_int_range (rand, 0, G_N_ELEMENTS (map_places))],
                                                   i / 5 + 1);
          g_autoptr(CoalitionOrganization) organization = coalition_organization_new (name);

          if (!coalition_store_insert_organization (store, organization, &error))
            g_error ("%s", error->message);
          organization_id = coalition_organization_get_id (organization);
        }
      else
        {
          g_autoptr(CoalitionPerson) person = coalition_person_new ();

          coalition_person_set_given_name (person, map_given[g_rand_int_range (rand, 0, G_N_ELEMENTS (map_given))]);
          coalition_person_set_family_name (person, map_family[g_rand_int_range (rand, 0, G_N_ELEMENTS (map_family))]);
          coalition_person_set_title (person, map_titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (map_titles))]);
          if (!coalition_store_insert_person (store, person, &error))
            g_error ("%s", error->message);
          person_id = coalition_person_get_id (person);
        }

      node_id = coalition_store_add_map_node (store, map_id, person_id, organization_id,
                                              stance, influence, "2026-09-01", &error);
      if (node_id == 0)
        g_error ("%s", error->message);
      g_array_append_val (node_ids, node_id);
    }

  for (guint i = 0; i < n_edges && n_nodes > 1; i++)
    {
      guint from = g_rand_int_range (rand, 0, n_nodes);
      guint to = g_rand_int_range (rand, 0, n_nodes - 1);
      g_autoptr(CoalitionMapEdge) edge = NULL;

      if (to >= from)
        to++;
      edge = coalition_map_edge_new (g_array_index (node_ids, gint64, from),
                                     g_array_index (node_ids, gint64, to),
                                     g_rand_int_range (rand, 0, COALITION_RELATIONSHIP_LAST + 1));
      edge->strength = g_rand_int_range (rand, 1, 4);
      edge->directed = g_rand_int_range (rand, 0, 5) != 0;
      if (!coalition_store_add_map_edge (store, edge, &error))
        g_error ("%s", error->message);
    }

  if (!coalition_store_commit (store, &error))
    g_error ("%s", error->message);

  return map_id;
}

void
bench_remove_temporary_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
