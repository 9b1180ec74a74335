/* bench-common.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "bench-common.h"

#define BENCH_SEED 20261124

guint
bench_size (guint n)
{
  static int smoke = -1;

  if (smoke < 0)
    smoke = g_getenv ("COALITION_BENCH_SMOKE") != NULL;

  return smoke ? MAX (n / 100, 10) : n;
}

CoalitionStore *
bench_open_coalition (guint   n_people,
                      char  **out_path)
{
  g_autofree char *name = g_strdup_printf ("coalition-%u.db", n_people);
  g_autofree char *path = g_build_filename (g_getenv ("COALITION_BENCH_DATA") ? g_getenv ("COALITION_BENCH_DATA") : ".",
                                            name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;

  if (n_people == BENCH_PEOPLE)
    return bench_open_benchmark_coalition (out_path);

  store = coalition_store_open (path, &error);
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

/* The ids that @sql selects from @store's file. */
static GArray *
all_ids (CoalitionStore *store,
         const char     *sql)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (coalition_store_get_handle (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  return ids;
}

/* Takes one of @ids at random and removes it, so that no record is drawn twice. */
static gint64
draw_id (GRand  *rand,
         GArray *ids)
{
  guint index = g_rand_int_range (rand, 0, ids->len);
  gint64 id = g_array_index (ids, gint64, index);

  g_array_remove_index_fast (ids, index);
  return id;
}

/* With @people and @organizations (ids), nodes are drawn from them; else
 * each node is a new person or organization. */
static gint64
make_power_map (CoalitionStore *store,
                guint           n_nodes,
                guint           n_edges,
                guint32         seed,
                GArray         *people,
                GArray         *organizations)
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

      if (people != NULL && i % 5 == 4)
        organization_id = draw_id (rand, organizations);
      else if (people != NULL)
        person_id = draw_id (rand, people);
      else if (i % 5 == 4)
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

gint64
bench_make_power_map (CoalitionStore *store,
                      guint           n_nodes,
                      guint           n_edges,
                      guint32         seed)
{
  return make_power_map (store, n_nodes, n_edges, seed, NULL, NULL);
}

/* Bumped whenever what the benchmark coalition holds changes, so that a
 * file cached by an earlier version is made again. */
#define BENCHMARK_COALITION_VERSION "1"
#define BENCHMARK_COALITION_FILE "coalition-benchmark.db"

/* @n meetings, 1.4 days apart from January 2022 (about half of them past
 * today, held, the rest planned), 90 minutes in Chicago time, each with
 * the standard agenda, a facilitator and twenty invitees from the
 * directory (present or absent once held). */
static void
add_benchmark_meetings (CoalitionStore *store,
                        GRand          *rand,
                        guint           n)
{
  g_autoptr(GTimeZone) tz = coalition_zone_new ("America/Chicago");
  g_autoptr(GArray) people = all_ids (store, "SELECT id FROM person ORDER BY id");
  g_autoptr(GDateTime) base = g_date_time_new (tz, 2022, 1, 4, 18, 30, 0);
  g_autoptr(GError) error = NULL;

  if (!coalition_store_begin (store, &error))
    g_error ("%s", error->message);
  for (guint m = 0; m < n; m++)
    {
      g_autoptr(CoalitionMeeting) meeting = coalition_meeting_new ();
      g_autoptr(GDateTime) start = g_date_time_add_minutes (base, (int)(m * 1.4 * 24 * 60));
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
      g_autoptr(GPtrArray) agenda = coalition_agenda_standard_template ();
      g_autofree char *title = g_strdup_printf ("Housing Working Group — Łódź, 김민준, Nguyễn #%u", m + 1);
      gboolean held = m < n / 2;

      coalition_meeting_set_title (meeting, title);
      coalition_meeting_set_start (meeting, start);
      coalition_meeting_set_end (meeting, end);
      coalition_meeting_set_zone (meeting, "America/Chicago");
      coalition_meeting_set_location (meeting, "Riverside Community Center, 3900 Main Street");
      coalition_meeting_set_url (meeting, "https://meet.example.org/housing");
      coalition_meeting_set_status (meeting, held ? COALITION_MEETING_STATUS_HELD : COALITION_MEETING_STATUS_PLANNED);
      coalition_meeting_set_facilitator_id (meeting, g_array_index (people, gint64, g_rand_int_range (rand, 0, people->len)));
      if (!coalition_store_insert_meeting (store, meeting, &error) ||
          !coalition_store_set_agenda (store, coalition_meeting_get_id (meeting), agenda, &error))
        g_error ("%s", error->message);
      for (guint a = 0; a < 20; a++)
        {
          /* Twenty consecutive people from a random place: no one twice. */
          guint first = (guint)g_rand_int_range (rand, 0, people->len - 20);
          int attendance = !held ? COALITION_ATTENDANCE_INVITED
                                 : g_rand_int_range (rand, 0, 5) ? COALITION_ATTENDANCE_PRESENT : COALITION_ATTENDANCE_ABSENT;

          if (!coalition_store_set_attendance (store, coalition_meeting_get_id (meeting),
                                               g_array_index (people, gint64, first + a), attendance, &error))
            g_error ("%s", error->message);
        }
    }
  if (!coalition_store_commit (store, &error))
    g_error ("%s", error->message);
}

/* What the mark says: the generator's version, and its size. */
static const char *
benchmark_version (void)
{
  return BENCH_PEOPLE == 100000 ? BENCHMARK_COALITION_VERSION : BENCHMARK_COALITION_VERSION "-smoke";
}

CoalitionStore *
bench_open_benchmark_coalition (char **out_path)
{
  g_autofree char *path = g_build_filename (g_getenv ("COALITION_BENCH_DATA") ? g_getenv ("COALITION_BENCH_DATA") : ".",
                                            BENCHMARK_COALITION_FILE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autofree char *version = NULL;

  if (store == NULL)
    g_error ("%s", error->message);

  /* The mark is written last: a generation cut short is made again. */
  version = coalition_store_get_setting (store, "benchmark-coalition");
  if (g_strcmp0 (version, benchmark_version ()) != 0)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (BENCH_SEED);
      g_autoptr(GArray) people = NULL;
      g_autoptr(GArray) organizations = NULL;
      gint64 t0 = g_get_monotonic_time ();

      g_clear_object (&store);
      g_unlink (path);
      store = coalition_store_open (path, &error);
      fprintf (stderr, "generating the benchmark coalition (%u people, %u meetings, a map of %u nodes and %u edges) in %s…\n",
               BENCH_PEOPLE, BENCH_MEETINGS, BENCH_MAP_NODES, BENCH_MAP_EDGES, path);
      if (store == NULL || !coalition_demo_fill (store, BENCH_PEOPLE, BENCH_SEED, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      add_benchmark_meetings (store, rand, BENCH_MEETINGS);
      people = all_ids (store, "SELECT id FROM person ORDER BY id");
      organizations = all_ids (store, "SELECT id FROM organization ORDER BY id");
      make_power_map (store, BENCH_MAP_NODES, BENCH_MAP_EDGES, BENCH_SEED, people, organizations);
      if (!coalition_store_set_setting (store, "benchmark-coalition", benchmark_version (), &error))
        g_error ("%s", error->message);
      fprintf (stderr, "  made in %.0f s\n", (g_get_monotonic_time () - t0) / 1e6);
    }

  if (out_path != NULL)
    *out_path = g_strdup (path);

  return g_steal_pointer (&store);
}

gint64
bench_benchmark_map_id (CoalitionStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;

  /* The benchmark's map is made after the example coalition's own. */
  g_assert_cmpint (sqlite3_prepare_v2 (coalition_store_get_handle (store),
                                       "SELECT max (id) FROM power_map",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (id, !=, 0);
  return id;
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
