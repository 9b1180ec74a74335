/* test-demo.c — the example coalition a newcomer sees first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "coalition-core.h"

static CoalitionStore *
open_scratch (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  CoalitionStore *store = coalition_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static GPtrArray *
all_people (CoalitionStore *store)
{
  g_autoptr(GArray) ids = coalition_store_find_people (store, NULL, NULL);
  GPtrArray *people = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (people, coalition_store_get_person (store, g_array_index (ids, gint64, i), NULL));

  return people;
}

static gboolean
has_script (const char   *text,
            GUnicodeScript script)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == script)
      return TRUE;

  return FALSE;
}

static void
test_demo_reproducible (void)
{
  g_autoptr(CoalitionStore) a = open_scratch ("a.db");
  g_autoptr(CoalitionStore) b = open_scratch ("b.db");
  g_autoptr(CoalitionStore) c = open_scratch ("c.db");
  g_autoptr(GPtrArray) people_a = NULL;
  g_autoptr(GPtrArray) people_b = NULL;
  g_autoptr(GPtrArray) people_c = NULL;
  g_autoptr(GError) error = NULL;
  guint differences = 0;

  g_assert_true (coalition_demo_fill (a, 300, 42, NULL, NULL, NULL, &error));
  g_assert_true (coalition_demo_fill (b, 300, 42, NULL, NULL, NULL, &error));
  g_assert_true (coalition_demo_fill (c, 300, 43, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  people_a = all_people (a);
  people_b = all_people (b);
  people_c = all_people (c);
  g_assert_cmpuint (people_a->len, ==, 300);
  g_assert_cmpuint (people_b->len, ==, 300);

  for (guint i = 0; i < 300; i++)
    {
      CoalitionPerson *pa = people_a->pdata[i], *pb = people_b->pdata[i], *pc = people_c->pdata[i];

      g_assert_cmpstr (coalition_person_get_display_name (pa), ==, coalition_person_get_display_name (pb));
      g_assert_cmpstr (coalition_person_get_primary_email (pa), ==, coalition_person_get_primary_email (pb));
      g_assert_cmpstr (coalition_person_get_organization_name (pa), ==, coalition_person_get_organization_name (pb));
      /* … but uids are never shared between databases. */
      g_assert_cmpstr (coalition_person_get_uid (pa), !=, coalition_person_get_uid (pb));

      if (g_strcmp0 (coalition_person_get_display_name (pa), coalition_person_get_display_name (pc)) != 0)
        differences++;
    }

  /* Another seed, another coalition. */
  g_assert_cmpuint (differences, >, 100);
}

static void
test_demo_realistic (void)
{
  g_autoptr(CoalitionStore) store = open_scratch ("demo.db");
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new (NULL, NULL);
  g_autofree char *name = NULL;
  GUnicodeScript scripts[] = {
    G_UNICODE_SCRIPT_HANGUL, G_UNICODE_SCRIPT_CYRILLIC, G_UNICODE_SCRIPT_GREEK, G_UNICODE_SCRIPT_HAN,
  };
  guint n_accented = 0, n_council = 0, n_with_email = 0, n_two_emails = 0, n_without_org = 0;

  g_assert_true (coalition_demo_fill (store, 2000, COALITION_DEMO_DEFAULT_SEED, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  name = coalition_store_get_setting (store, "coalition-name");
  g_assert_cmpstr (name, !=, NULL);

  organizations = coalition_store_list_organizations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (organizations->len, >=, 100);
  for (guint i = 0; i < organizations->len; i++)
    g_hash_table_add (kinds, GINT_TO_POINTER (coalition_organization_get_kind (organizations->pdata[i])));
  /* tenant unions, faith groups, clinics, food banks, a university, a
   * business association, a union local, the city */
  for (CoalitionOrganizationKind k = COALITION_ORGANIZATION_KIND_COMMUNITY; k <= COALITION_ORGANIZATION_KIND_GOVERNMENT; k++)
    g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (k)));

  people = all_people (store);
  g_assert_cmpuint (people->len, ==, 2000);
  for (guint i = 0; i < people->len; i++)
    {
      CoalitionPerson *person = people->pdata[i];
      const char *display = coalition_person_get_display_name (person);

      g_hash_table_add (statuses, GINT_TO_POINTER (coalition_person_get_status (person)));
      if (strstr (display, "ë") || strstr (display, "Ł") || strstr (display, "ễ") || strstr (display, "í"))
        n_accented++;
      if (g_str_has_prefix (coalition_person_get_title (person), "Council Member"))
        {
          n_council++;
          g_assert_cmpint (coalition_person_get_status (person), ==, COALITION_STATUS_TARGET);
        }
      if (coalition_person_get_primary_email (person) != NULL)
        {
          n_with_email++;
          g_assert_nonnull (strchr (coalition_person_get_primary_email (person), '@'));
          g_assert_true (g_str_is_ascii (coalition_person_get_primary_email (person)));
        }
      if (coalition_person_get_emails (person)->len > 1)
        n_two_emails++;
      if (coalition_person_get_organization_id (person) == 0)
        n_without_org++;
    }

  for (guint s = 0; s < G_N_ELEMENTS (scripts); s++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < people->len && !found; i++)
        found = has_script (coalition_person_get_display_name (people->pdata[i]), scripts[s]);
      g_assert_true (found);
    }

  g_assert_cmpuint (n_accented, >, 20);
  g_assert_cmpuint (n_council, >=, 5);
  g_assert_cmpuint (n_with_email, >, 1700);
  g_assert_cmpuint (n_two_emails, >, 100);
  g_assert_cmpuint (n_without_org, >, 50);
  g_assert_true (g_hash_table_contains (statuses, GINT_TO_POINTER (COALITION_STATUS_MEMBER)));
  g_assert_true (g_hash_table_contains (statuses, GINT_TO_POINTER (COALITION_STATUS_PROSPECT)));
  g_assert_true (g_hash_table_contains (statuses, GINT_TO_POINTER (COALITION_STATUS_ALLY)));

  /* A core group with its officers, committees and working groups. */
  {
    g_autoptr(GPtrArray) groups = coalition_store_list_groups (store, &error);
    g_autoptr(GPtrArray) core = NULL;
    gboolean has_facilitator = FALSE, has_note_taker = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (groups->len, ==, 5);
    g_assert_cmpint (coalition_group_get_kind (groups->pdata[0]), ==, COALITION_GROUP_KIND_CORE);
    g_assert_cmpint (coalition_group_get_kind (groups->pdata[4]), ==, COALITION_GROUP_KIND_WORKING_GROUP);
    core = coalition_store_list_group_members (store, coalition_group_get_id (groups->pdata[0]), &error);
    g_assert_cmpuint (core->len, ==, 7);
    for (guint i = 0; i < core->len; i++)
      {
        const CoalitionMembership *m = core->pdata[i];
        g_autoptr(CoalitionPerson) person = coalition_store_get_person (store, m->person_id, NULL);

        has_facilitator |= m->role == COALITION_ROLE_FACILITATOR;
        has_note_taker |= m->role == COALITION_ROLE_NOTE_TAKER;
        g_assert_cmpint (coalition_person_get_status (person), ==, COALITION_STATUS_MEMBER);
      }
    g_assert_true (has_facilitator);
    g_assert_true (has_note_taker);
  }
}

/* Two campaigns mapped: officials, members and allies, relationships that
 * members can follow to the people who decide, and a year of moves. */
static void
test_demo_power_maps (void)
{
  g_autoptr(CoalitionStore) store = open_scratch ("maps.db");
  g_autoptr(CoalitionStore) again = open_scratch ("maps-again.db");
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(GPtrArray) maps_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) year_ago = g_date_time_add_days (now, -400);
  g_autofree char *before = g_date_time_format (year_ago, "%Y-%m-%d");
  guint n_paths = 0, n_moved = 0, n_kinds = 0, n_notes = 0, n_undirected = 0;
  gboolean kinds[COALITION_RELATIONSHIP_LAST + 1] = { FALSE };

  g_assert_true (coalition_demo_fill (store, COALITION_DEMO_DEFAULT_PEOPLE, COALITION_DEMO_DEFAULT_SEED,
                                      NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  maps = coalition_store_list_maps (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maps->len, ==, 2);
  /* By title. */
  g_assert_cmpstr (((CoalitionPowerMap *)maps->pdata[0])->title, ==, "Eastside Clinic Funding");
  g_assert_cmpstr (((CoalitionPowerMap *)maps->pdata[1])->title, ==, "Rent Stabilization Ordinance");

  for (guint m = 0; m < maps->len; m++)
    {
      CoalitionPowerMap *map = maps->pdata[m];
      g_autoptr(GPtrArray) nodes = coalition_store_list_map_nodes (store, map->id, NULL, &error);
      g_autoptr(GPtrArray) edges = coalition_store_list_map_edges (store, map->id, &error);
      g_autoptr(GPtrArray) then = coalition_store_list_map_nodes (store, map->id, before, &error);
      guint n_roles[COALITION_MAP_ROLE_TARGET + 1] = { 0 };

      g_assert_no_error (error);
      g_assert_cmpstr (map->decision, !=, "");
      g_assert_cmpuint (nodes->len, >=, 20);
      g_assert_cmpuint (nodes->len, <=, 40);
      g_assert_cmpuint (map->n_nodes, ==, nodes->len);
      g_assert_cmpuint (edges->len, >=, 15);
      /* Nobody was on the map more than a year ago. */
      g_assert_cmpuint (then->len, ==, 0);

      for (guint i = 0; i < nodes->len; i++)
        {
          CoalitionMapNode *node = nodes->pdata[i];
          g_autoptr(GPtrArray) history = coalition_store_list_map_history (store, node->id, &error);

          g_assert_no_error (error);
          n_roles[node->role]++;
          g_assert_cmpuint (history->len, >=, 1);
          if (history->len > 1)
            {
              CoalitionMapChange *last = history->pdata[history->len - 1];

              n_moved++;
              g_assert_cmpstr (last->note, !=, "");
              g_assert_cmpint (last->stance, ==, node->stance);
              g_assert_cmpstr (last->date, ==, node->changed_on);
              g_assert_cmpstr (((CoalitionMapChange *)history->pdata[0])->date, <, last->date);
            }
          /* The decision makers are in the directory as targets, with their office. */
          if (node->role == COALITION_MAP_ROLE_TARGET && node->person_id != 0)
            g_assert_true (g_str_has_prefix (node->detail, "Council") || g_str_has_prefix (node->detail, "Mayor")
                           || strstr (node->detail, "County") != NULL || strstr (node->detail, "Riverside") != NULL);
        }
      g_assert_cmpuint (n_roles[COALITION_MAP_ROLE_TARGET], >=, 6);
      g_assert_cmpuint (n_roles[COALITION_MAP_ROLE_MEMBER], >=, 6);
      g_assert_cmpuint (n_roles[COALITION_MAP_ROLE_ALLY], >=, 1);

      for (guint i = 0; i < edges->len; i++)
        {
          CoalitionMapEdge *edge = edges->pdata[i];

          g_assert_cmpint (edge->strength, >=, 1);
          g_assert_cmpint (edge->strength, <=, 3);
          kinds[edge->kind] = TRUE;
          if (*edge->note != '\0')
            n_notes++;
          if (!edge->directed)
            n_undirected++;
        }

      /* Members can reach the people who decide, in one to three steps. */
      for (guint i = 0; i < nodes->len; i++)
        {
          CoalitionMapNode *node = nodes->pdata[i];
          g_autoptr(GPtrArray) paths = NULL;

          if (node->role != COALITION_MAP_ROLE_TARGET || node->influence < 4)
            continue;
          paths = coalition_map_reach (nodes, edges, node->id, 10);
          for (guint p = 0; p < paths->len; p++)
            {
              GArray *path = paths->pdata[p];

              g_assert_cmpuint (path->len, >=, 2);
              g_assert_cmpint (g_array_index (path, gint64, path->len - 1), ==, node->id);
              if (path->len <= 4)
                n_paths++;
            }
        }
    }
  for (guint k = 0; k <= COALITION_RELATIONSHIP_LAST; k++)
    n_kinds += kinds[k];
  g_assert_cmpuint (n_kinds, >=, 6);
  g_assert_cmpuint (n_notes, >=, 10);
  g_assert_cmpuint (n_undirected, >=, 3);
  g_assert_cmpuint (n_paths, >=, 4);
  g_assert_cmpuint (n_moved, >=, 10);

  /* The same seed, the same maps. */
  g_assert_true (coalition_demo_fill (again, COALITION_DEMO_DEFAULT_PEOPLE, COALITION_DEMO_DEFAULT_SEED,
                                      NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  maps_again = coalition_store_list_maps (again, &error);
  g_assert_cmpuint (maps_again->len, ==, maps->len);
  for (guint m = 0; m < maps->len; m++)
    {
      g_autoptr(GPtrArray) a = coalition_store_list_map_nodes (store, ((CoalitionPowerMap *)maps->pdata[m])->id, NULL, NULL);
      g_autoptr(GPtrArray) b = coalition_store_list_map_nodes (again, ((CoalitionPowerMap *)maps_again->pdata[m])->id, NULL, NULL);

      g_assert_cmpuint (a->len, ==, b->len);
      for (guint i = 0; i < a->len; i++)
        {
          CoalitionMapNode *na = a->pdata[i], *nb = b->pdata[i];

          g_assert_cmpstr (na->name, ==, nb->name);
          g_assert_cmpint (na->stance, ==, nb->stance);
          g_assert_cmpint (na->influence, ==, nb->influence);
          g_assert_cmpstr (na->changed_on, ==, nb->changed_on);
        }
    }
}

static void
cancel_half_way (double   fraction,
                 gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_demo_all_or_nothing (void)
{
  g_autoptr(CoalitionStore) store = open_scratch ("cancel.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (coalition_demo_fill (store, 1000, 1, cancel_half_way, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);
  g_assert_cmpuint (coalition_store_count_organizations (store), ==, 0);

  /* Filled once, it refuses to fill again and leaves the coalition alone. */
  g_assert_true (coalition_demo_fill (store, 100, 1, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (coalition_demo_fill (store, 100, 1, NULL, NULL, NULL, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_EMPTY);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 100);
  {
    /* Too small to have the officials the campaigns target: no maps. */
    g_autoptr(GError) list_error = NULL;
    g_autoptr(GPtrArray) maps = coalition_store_list_maps (store, &list_error);

    g_assert_no_error (list_error);
    g_assert_cmpuint (maps->len, ==, 0);
  }
}

/* The campaign a newcomer finds: goals with benchmarks met, due soon and
 * overdue, wins with their credit, a letter half signed, and the ask. */
static void
test_demo_campaign (void)
{
  g_autoptr(CoalitionStore) store = open_scratch ("campaign.db");
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) wins = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GPtrArray) signatories = NULL;
  g_autoptr(GPtrArray) ask = NULL;
  g_autoptr(GError) error = NULL;
  CoalitionCampaign *campaign;
  CoalitionLetter *letter;

  g_assert_true (coalition_demo_fill (store, COALITION_DEMO_DEFAULT_PEOPLE, COALITION_DEMO_DEFAULT_SEED,
                                      NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  campaigns = coalition_store_list_campaigns (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (campaigns->len, ==, 1);
  campaign = campaigns->pdata[0];
  g_assert_cmpstr (campaign->name, ==, "Keep Riverside Housed");
  g_assert_cmpuint (campaign->map_ids->len, ==, 1);
  g_assert_cmpuint (campaign->n_met, >=, 1);
  g_assert_cmpuint (campaign->n_due_soon, >=, 1);
  g_assert_cmpuint (campaign->n_overdue, >=, 1);
  g_assert_cmpuint (campaign->n_wins, ==, 2);

  goals = coalition_store_list_goals (store, campaign->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (goals->len, ==, 3);
  g_assert_cmpint (((CoalitionGoal *)goals->pdata[2])->term, ==, COALITION_GOAL_LONG_TERM);

  wins = coalition_store_list_wins (store, campaign->id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wins->len, ==, 2);
  for (guint i = 0; i < wins->len; i++)
    {
      CoalitionWin *win = wins->pdata[i];

      g_assert_cmpuint (win->contributors->len, >=, 3);
      g_assert_cmpstr (win->goal_title, !=, "");
    }

  letters = coalition_store_list_letters (store, campaign->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (letters->len, ==, 1);
  letter = letters->pdata[0];
  g_assert_cmpint (letter->status, ==, COALITION_LETTER_COLLECTING);
  g_assert_cmpstr (letter->addressee_title, ==, "Council President");
  signatories = coalition_store_list_signatories (store, letter->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signatories->len, ==, letter->n_signatories);
  g_assert_cmpuint (signatories->len, >, 0);
  ask = coalition_store_list_unsigned_members (store, letter->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ask->len, >, 0);
  for (guint i = 0; i < ask->len; i++)
    for (guint j = 0; j < signatories->len; j++)
      g_assert_cmpint (coalition_organization_get_id (ask->pdata[i]), !=,
                       ((CoalitionSignatory *)signatories->pdata[j])->organization_id);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/demo/reproducible", test_demo_reproducible);
  g_test_add_func ("/demo/realistic", test_demo_realistic);
  g_test_add_func ("/demo/power-maps", test_demo_power_maps);
  g_test_add_func ("/demo/campaign", test_demo_campaign);
  g_test_add_func ("/demo/all-or-nothing", test_demo_all_or_nothing);

  return g_test_run ();
}
