/* test-map.c — power maps: the store, who can reach whom, the grid they are
 * laid out on, and the files they are written to, read back by independent
 * readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "coalition-core.h"
#include "coalition-map-scene.h"

static const char * const names[] = {
  "Zoë Brontë", "Łukasz Wiśniewski", "김민준", "Nguyễn Văn An", "Олена Шевченко",
};

static CoalitionStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  CoalitionStore *store;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static gint64
add_person (CoalitionStore  *store,
            const char      *given,
            const char      *family,
            CoalitionStatus  status,
            gint64           organization_id,
            const char      *title)
{
  g_autoptr(CoalitionPerson) person = coalition_person_new ();
  g_autoptr(GError) error = NULL;

  coalition_person_set_given_name (person, given);
  coalition_person_set_family_name (person, family);
  coalition_person_set_status (person, status);
  if (organization_id > 0)
    coalition_person_set_organization_id (person, organization_id);
  if (title != NULL)
    coalition_person_set_title (person, title);
  g_assert_true (coalition_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  return coalition_person_get_id (person);
}

static gint64
add_organization (CoalitionStore  *store,
                  const char      *name,
                  const char      *sector,
                  CoalitionStatus  status)
{
  g_autoptr(CoalitionOrganization) organization = coalition_organization_new (name);
  g_autoptr(GError) error = NULL;

  coalition_organization_set_sector (organization, sector);
  coalition_organization_set_status (organization, status);
  g_assert_true (coalition_store_insert_organization (store, organization, &error));
  g_assert_no_error (error);
  return coalition_organization_get_id (organization);
}

static gint64
place (CoalitionStore *store,
       gint64          map_id,
       gint64          person_id,
       gint64          organization_id,
       int             stance,
       int             influence,
       const char     *date)
{
  g_autoptr(GError) error = NULL;
  gint64 id = coalition_store_add_map_node (store, map_id, person_id, organization_id, stance, influence, date, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static CoalitionMapNode *
find_node (GPtrArray *nodes,
           gint64     id)
{
  for (guint i = 0; i < nodes->len; i++)
    if (((CoalitionMapNode *)nodes->pdata[i])->id == id)
      return nodes->pdata[i];
  return NULL;
}

static GPtrArray *
nodes_as_of (CoalitionStore *store,
             gint64          map_id,
             const char     *as_of)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *nodes = coalition_store_list_map_nodes (store, map_id, as_of, &error);

  g_assert_no_error (error);
  return nodes;
}

static void
count_signal_cb (CoalitionStore *store,
                 gint64          id,
                 gpointer        user_data)
{
  GArray *ids = user_data;

  g_array_append_val (ids, id);
}

/* ---------------------------------------------------------------------- */
/* Store */

static void
test_map_nodes (void)
{
  g_autoptr(CoalitionStore) store = new_store ("nodes.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(CoalitionPowerMap) map = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 union_id, city_id, zoe_id, olena_id, map_id, other_map_id, zoe_node, union_node, olena_node;
  CoalitionMapNode *node;

  union_id = add_organization (store, "Eastside Tenants Union", "Housing", COALITION_STATUS_MEMBER);
  city_id = add_organization (store, "City of Riverside", "Government", COALITION_STATUS_TARGET);
  zoe_id = add_person (store, "Zoë", "Brontë", COALITION_STATUS_MEMBER, union_id, "Organizer");
  olena_id = add_person (store, "Олена", "Шевченко", COALITION_STATUS_TARGET, city_id, "Council Member, District 3");

  /* A map needs a title. */
  g_assert_cmpint (coalition_store_create_map (store, "  ", "", &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_signal_connect (store, "map-changed", G_CALLBACK (count_signal_cb), changed);
  map_id = coalition_store_create_map (store, "Rent Stabilization Ordinance",
                                       "City Council passes the rent stabilization ordinance by June", &error);
  g_assert_no_error (error);
  g_assert_cmpint (map_id, >, 0);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (g_array_index (changed, gint64, 0), ==, map_id);

  zoe_node = place (store, map_id, zoe_id, 0, 2, 1, NULL);
  union_node = place (store, map_id, 0, union_id, 2, 2, NULL);
  olena_node = place (store, map_id, olena_id, 0, -1, 4, NULL);
  g_assert_cmpuint (changed->len, ==, 4);
  g_assert_cmpint (g_array_index (changed, gint64, 3), ==, map_id);

  /* People and organizations alike, with what the directory says of them. */
  nodes = nodes_as_of (store, map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 3);
  node = find_node (nodes, zoe_node);
  g_assert_cmpint (node->map_id, ==, map_id);
  g_assert_cmpint (node->person_id, ==, zoe_id);
  g_assert_cmpint (node->organization_id, ==, 0);
  g_assert_cmpstr (node->name, ==, "Zoë Brontë");
  g_assert_cmpstr (node->detail, ==, "Organizer, Eastside Tenants Union");
  g_assert_cmpint (node->role, ==, COALITION_MAP_ROLE_MEMBER);
  g_assert_cmpint (node->stance, ==, 2);
  g_assert_cmpint (node->influence, ==, 1);
  node = find_node (nodes, union_node);
  g_assert_cmpint (node->person_id, ==, 0);
  g_assert_cmpint (node->organization_id, ==, union_id);
  g_assert_cmpstr (node->name, ==, "Eastside Tenants Union");
  g_assert_cmpstr (node->detail, ==, "Housing");
  g_assert_cmpint (node->role, ==, COALITION_MAP_ROLE_MEMBER);
  node = find_node (nodes, olena_node);
  g_assert_cmpstr (node->name, ==, "Олена Шевченко");
  g_assert_cmpint (node->role, ==, COALITION_MAP_ROLE_TARGET);
  g_assert_cmpint (node->stance, ==, -1);
  g_assert_cmpint (node->influence, ==, 4);

  /* Nobody twice on one map, said so plainly; the map is as it was. */
  g_assert_cmpint (coalition_store_add_map_node (store, map_id, zoe_id, 0, 0, 0, NULL, &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "on this map already"));
  g_clear_error (&error);
  g_assert_cmpint (coalition_store_add_map_node (store, map_id, 0, union_id, 0, 0, NULL, &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 3);

  /* Off the grid, or on a day that does not exist. */
  other_map_id = coalition_store_create_map (store, "Eastside Clinic Funding", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_add_map_node (store, other_map_id, zoe_id, 0, 3, 0, NULL, &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (coalition_store_add_map_node (store, other_map_id, zoe_id, 0, 0, 5, NULL, &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (coalition_store_add_map_node (store, other_map_id, zoe_id, 0, 0, 0, "2025-02-30", &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);

  /* Someone no longer in the directory, or a map that is gone, is not
   * mistaken for someone already there. */
  g_assert_cmpint (coalition_store_add_map_node (store, other_map_id, 9999, 0, 0, 0, NULL, &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
  g_assert_null (strstr (error->message, "already"));
  g_clear_error (&error);
  g_assert_cmpint (coalition_store_add_map_node (store, 9999, zoe_id, 0, 0, 0, NULL, &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
  g_assert_null (strstr (error->message, "already"));
  g_clear_error (&error);

  /* … but the same person can be on another map. */
  place (store, other_map_id, zoe_id, 0, 1, 0, NULL);

  maps = coalition_store_list_maps (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maps->len, ==, 2);
  g_assert_cmpstr (((CoalitionPowerMap *)maps->pdata[0])->title, ==, "Eastside Clinic Funding");
  g_assert_cmpuint (((CoalitionPowerMap *)maps->pdata[0])->n_nodes, ==, 1);
  g_assert_cmpstr (((CoalitionPowerMap *)maps->pdata[1])->title, ==, "Rent Stabilization Ordinance");
  g_assert_cmpuint (((CoalitionPowerMap *)maps->pdata[1])->n_nodes, ==, 3);

  map = coalition_store_get_map (store, map_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (map->decision, ==, "City Council passes the rent stabilization ordinance by June");
  g_assert_null (coalition_store_get_map (store, 9999, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Taking a node off the map. */
  g_assert_true (coalition_store_remove_map_node (store, olena_node, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 2);
  g_assert_null (find_node (nodes, olena_node));

  /* A deleted map takes its nodes with it. */
  g_assert_true (coalition_store_delete_map (store, other_map_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, other_map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 0);
  g_signal_handlers_disconnect_by_func (store, count_signal_cb, changed);
}

/* The edges of @map_id that touch @node_id, as "from>to kind strength note". */
static char *
edges_of (CoalitionStore *store,
          gint64          map_id,
          gint64          node_id)
{
  g_autoptr(GPtrArray) edges = coalition_store_list_map_edges (store, map_id, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_nonnull (edges);
  for (guint i = 0; i < edges->len; i++)
    {
      const CoalitionMapEdge *edge = edges->pdata[i];

      if (edge->from_node == node_id || edge->to_node == node_id)
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT ">%" G_GINT64_FORMAT " %d %d %s", out->len ? "; " : "",
                                edge->from_node, edge->to_node, edge->kind, edge->strength, edge->note);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Taking someone off a map and Undo: the node comes back with the same id,
 * where it stood, with the history of its moves and its relationships with
 * those still on the map; when it cannot, nothing changes. */
static void
test_map_remove_and_undo (void)
{
  g_autoptr(CoalitionStore) store = new_store ("undo.db");
  g_autoptr(GError) error = NULL;
  gint64 map_id = coalition_store_create_map (store, "Rent Stabilization Ordinance", "", &error);
  gint64 nguyen = add_person (store, "Văn An", "Nguyễn", COALITION_STATUS_TARGET, 0, "Council Member");
  gint64 kim = add_person (store, "민준", "김", COALITION_STATUS_MEMBER, 0, NULL);
  gint64 zoe = add_person (store, "Zoë", "Brontë", COALITION_STATUS_ALLY, 0, NULL);
  gint64 a = place (store, map_id, nguyen, 0, -1, 3, "2026-01-10");
  gint64 b = place (store, map_id, kim, 0, 2, 1, "2026-01-10");
  gint64 c = place (store, map_id, zoe, 0, 1, 2, "2026-01-10");
  g_autoptr(CoalitionMapEdge) ab = coalition_map_edge_new (a, b, COALITION_RELATIONSHIP_FAMILY_OR_FRIEND);
  g_autoptr(CoalitionMapEdge) ca = coalition_map_edge_new (c, a, COALITION_RELATIONSHIP_ADVISES);
  g_autoptr(CoalitionMapEdge) bc = coalition_map_edge_new (b, c, COALITION_RELATIONSHIP_SERVES_WITH);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autofree char *edges_before = NULL;
  g_autofree char *edges_after = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_again = NULL;
  g_autofree char *kept_b = NULL;

  g_assert_no_error (error);
  ab->strength = 3;
  g_free (ab->note);
  ab->note = g_strdup ("Cousins — họ hàng");
  g_assert_true (coalition_store_add_map_edge (store, ab, &error));
  g_assert_true (coalition_store_add_map_edge (store, ca, &error));
  g_assert_true (coalition_store_add_map_edge (store, bc, &error));
  g_assert_true (coalition_store_move_map_node (store, a, 0, 3, "2026-03-02", "After the hearing", &error));
  g_assert_true (coalition_store_move_map_node (store, a, 1, 4, "2026-05-20", NULL, &error));
  g_assert_no_error (error);
  edges_before = edges_of (store, map_id, a);

  g_assert_true (coalition_store_remove_map_node (store, a, &kept, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  nodes = nodes_as_of (store, map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 2);
  g_clear_pointer (&edges_after, g_free);
  edges_after = edges_of (store, map_id, a);
  g_assert_cmpstr (edges_after, ==, "");

  /* Undo. */
  g_assert_cmpint (coalition_store_restore_map_node (store, kept, &error), ==, a);
  g_assert_no_error (error);
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 3);
  g_assert_cmpint (find_node (nodes, a)->stance, ==, 1);
  g_assert_cmpint (find_node (nodes, a)->influence, ==, 4);
  g_clear_pointer (&edges_after, g_free);
  edges_after = edges_of (store, map_id, a);
  g_assert_cmpstr (edges_after, ==, edges_before);
  g_assert_nonnull (strstr (edges_after, "Cousins — họ hàng"));
  history = coalition_store_list_map_history (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpstr (((CoalitionMapChange *)history->pdata[1])->date, ==, "2026-03-02");
  g_assert_cmpstr (((CoalitionMapChange *)history->pdata[1])->note, ==, "After the hearing");
  /* As it stood in March, from the history that came back. */
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, "2026-04-01");
  g_assert_cmpint (find_node (nodes, a)->stance, ==, 0);
  g_assert_cmpint (find_node (nodes, a)->influence, ==, 3);

  /* Someone taken off in the meantime keeps their relationships off. */
  g_assert_true (coalition_store_remove_map_node (store, a, &kept_again, &error));
  g_assert_true (coalition_store_remove_map_node (store, c, NULL, &error));
  g_assert_cmpint (coalition_store_restore_map_node (store, kept_again, &error), ==, a);
  g_assert_no_error (error);
  g_clear_pointer (&edges_after, g_free);
  edges_after = edges_of (store, map_id, a);
  g_assert_null (strstr (edges_after, "; "));
  g_assert_nonnull (strstr (edges_after, "Cousins"));

  /* Back on the map by hand before Undo: Undo says so and changes nothing. */
  g_assert_true (coalition_store_remove_map_node (store, b, &kept_b, &error));
  place (store, map_id, kim, 0, 0, 0, NULL);
  g_assert_cmpint (coalition_store_restore_map_node (store, kept_b, &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "on the map again"));
  g_clear_error (&error);
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 2);

  /* Deleted from the directory, or the map deleted: the same. */
  g_assert_true (coalition_store_delete_person (store, kim, &error));
  g_assert_cmpint (coalition_store_restore_map_node (store, kept_b, &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "directory"));
  g_clear_error (&error);
  g_assert_true (coalition_store_delete_map (store, map_id, &error));
  g_assert_cmpint (coalition_store_restore_map_node (store, kept, &error), ==, 0);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "map has been deleted"));
  g_clear_error (&error);

  /* Text that is not what removal kept. */
  g_assert_cmpint (coalition_store_restore_map_node (store, "{not json", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (coalition_store_restore_map_node (store, "{}", &error), ==, 0);
  g_assert_nonnull (error);
}

static void
test_map_history (void)
{
  g_autoptr(CoalitionStore) store = new_store ("history.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  gint64 map_id, cm3, aide, cm3_node, aide_node;
  CoalitionMapChange *change;
  CoalitionMapNode *node;

  cm3 = add_person (store, "Олена", "Шевченко", COALITION_STATUS_TARGET, 0, "Council Member, District 3");
  aide = add_person (store, "Văn An", "Nguyễn", COALITION_STATUS_TARGET, 0, "Chief of Staff, Council District 3");
  map_id = coalition_store_create_map (store, "Rent Stabilization Ordinance", "", &error);
  g_assert_no_error (error);

  cm3_node = place (store, map_id, cm3, 0, -1, 4, "2025-01-10");
  g_assert_true (coalition_store_move_map_node (store, cm3_node, 0, 4, "2025-03-01", "Met with the housing working group", &error));
  g_assert_no_error (error);
  g_assert_true (coalition_store_move_map_node (store, cm3_node, 1, 4, "2025-06-15", "Voted for the tenant protections study", &error));
  g_assert_no_error (error);
  aide_node = place (store, map_id, aide, 0, 0, 2, "2025-05-01");

  /* Every placement and move, oldest first, with its note. */
  history = coalition_store_list_map_history (store, cm3_node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  change = history->pdata[0];
  g_assert_cmpstr (change->date, ==, "2025-01-10");
  g_assert_cmpint (change->stance, ==, -1);
  g_assert_cmpstr (change->note, ==, "");
  change = history->pdata[1];
  g_assert_cmpstr (change->date, ==, "2025-03-01");
  g_assert_cmpint (change->stance, ==, 0);
  g_assert_cmpstr (change->note, ==, "Met with the housing working group");
  change = history->pdata[2];
  g_assert_cmpstr (change->date, ==, "2025-06-15");
  g_assert_cmpint (change->stance, ==, 1);
  g_assert_cmpint (change->influence, ==, 4);
  g_assert_cmpstr (change->note, ==, "Voted for the tenant protections study");

  /* Now. */
  nodes = nodes_as_of (store, map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 2);
  node = find_node (nodes, cm3_node);
  g_assert_cmpint (node->stance, ==, 1);
  g_assert_cmpstr (node->changed_on, ==, "2025-06-15");

  /* Before the first move: the old place, and the aide not on it yet. */
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, "2025-02-01");
  g_assert_cmpuint (nodes->len, ==, 1);
  node = nodes->pdata[0];
  g_assert_cmpint (node->id, ==, cm3_node);
  g_assert_cmpint (node->stance, ==, -1);
  g_assert_cmpint (node->influence, ==, 4);
  g_assert_cmpstr (node->changed_on, ==, "2025-01-10");

  /* "As of" a day is at its end: the move that day counts. */
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, "2025-03-01");
  g_assert_cmpuint (nodes->len, ==, 1);
  g_assert_cmpint (((CoalitionMapNode *)nodes->pdata[0])->stance, ==, 0);

  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, "2025-05-01");
  g_assert_cmpuint (nodes->len, ==, 2);
  g_assert_cmpint (find_node (nodes, cm3_node)->stance, ==, 0);
  g_assert_cmpint (find_node (nodes, aide_node)->influence, ==, 2);

  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, "2025-01-09");
  g_assert_cmpuint (nodes->len, ==, 0);

  /* Dates are compared as text, so only YYYY-MM-DD will do. */
  {
    const char * const not_dates[] = { "01/02/2025", "2025-1-050", " 2025-1-05", "+202-01-05", "2025-02-29", "2025-03-01T12" };

    for (guint i = 0; i < G_N_ELEMENTS (not_dates); i++)
      {
        g_assert_null (coalition_store_list_map_nodes (store, map_id, not_dates[i], &error));
        g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
        g_clear_error (&error);
        g_assert_false (coalition_store_move_map_node (store, cm3_node, 2, 4, not_dates[i], NULL, &error));
        g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
        g_clear_error (&error);
      }
  }

  /* Moving to where it is records nothing… */
  g_assert_true (coalition_store_move_map_node (store, cm3_node, 1, 4, "2025-07-01", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = coalition_store_list_map_history (store, cm3_node, &error);
  g_assert_cmpuint (history->len, ==, 3);

  /* … and spoils nothing else done in the same transaction. */
  g_assert_true (coalition_store_begin (store, &error));
  g_assert_true (coalition_store_move_map_node (store, aide_node, 1, 3, "2025-07-01", "Set up a meeting", &error));
  g_assert_true (coalition_store_move_map_node (store, cm3_node, 1, 4, "2025-07-01", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (coalition_store_commit (store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = coalition_store_list_map_history (store, aide_node, &error);
  g_assert_cmpuint (history->len, ==, 2);

  /* A node that is gone cannot move. */
  g_assert_true (coalition_store_remove_map_node (store, aide_node, NULL, &error));
  g_assert_false (coalition_store_move_map_node (store, aide_node, 2, 3, NULL, NULL, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = coalition_store_list_map_history (store, aide_node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);
}

/* Someone taken out of the directory leaves every map, with their
 * relationships and their history. */
static void
test_map_follows_directory (void)
{
  g_autoptr(CoalitionStore) store = new_store ("directory.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(CoalitionMapEdge) edge = NULL;
  gint64 union_id, zoe, lukasz, map_id, zoe_node, lukasz_node, union_node;

  union_id = add_organization (store, "Eastside Tenants Union", "Housing", COALITION_STATUS_MEMBER);
  zoe = add_person (store, "Zoë", "Brontë", COALITION_STATUS_MEMBER, union_id, NULL);
  lukasz = add_person (store, "Łukasz", "Wiśniewski", COALITION_STATUS_TARGET, 0, NULL);
  map_id = coalition_store_create_map (store, "Rent Stabilization Ordinance", "", &error);
  g_assert_no_error (error);
  zoe_node = place (store, map_id, zoe, 0, 2, 1, "2025-01-01");
  lukasz_node = place (store, map_id, lukasz, 0, 0, 4, "2025-01-01");
  union_node = place (store, map_id, 0, union_id, 2, 2, "2025-01-01");
  edge = coalition_map_edge_new (zoe_node, lukasz_node, COALITION_RELATIONSHIP_KNOWS);
  g_assert_true (coalition_store_add_map_edge (store, edge, &error));
  g_assert_no_error (error);

  g_assert_true (coalition_store_delete_person (store, zoe, &error));
  g_assert_no_error (error);
  nodes = nodes_as_of (store, map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 2);
  g_assert_null (find_node (nodes, zoe_node));
  edges = coalition_store_list_map_edges (store, map_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edges->len, ==, 0);
  history = coalition_store_list_map_history (store, zoe_node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 0);

  /* An organization likewise. */
  g_assert_true (coalition_store_delete_organization (store, union_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&nodes, g_ptr_array_unref);
  nodes = nodes_as_of (store, map_id, NULL);
  g_assert_cmpuint (nodes->len, ==, 1);
  g_assert_null (find_node (nodes, union_node));
  g_assert_nonnull (find_node (nodes, lukasz_node));
}

static void
test_map_edges (void)
{
  g_autoptr(CoalitionStore) store = new_store ("edges.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(CoalitionMapEdge) edge = NULL;
  g_autoptr(CoalitionMapEdge) self_edge = NULL;
  g_autoptr(CoalitionMapEdge) across = NULL;
  CoalitionMapEdge *back;
  gint64 a, b, c, map_id, other_map_id, a_node, b_node, c_node, elsewhere;

  a = add_person (store, "Zoë", "Brontë", COALITION_STATUS_MEMBER, 0, NULL);
  b = add_person (store, "Łukasz", "Wiśniewski", COALITION_STATUS_ALLY, 0, NULL);
  c = add_person (store, "민준", "김", COALITION_STATUS_TARGET, 0, NULL);
  map_id = coalition_store_create_map (store, "Rent Stabilization Ordinance", "", &error);
  other_map_id = coalition_store_create_map (store, "Eastside Clinic Funding", "", &error);
  g_assert_no_error (error);
  a_node = place (store, map_id, a, 0, 2, 1, NULL);
  b_node = place (store, map_id, b, 0, 1, 1, NULL);
  c_node = place (store, map_id, c, 0, -1, 4, NULL);
  elsewhere = place (store, other_map_id, c, 0, 0, 4, NULL);

  /* Added: it gets its id and its map. */
  edge = coalition_map_edge_new (a_node, b_node, COALITION_RELATIONSHIP_FAMILY_OR_FRIEND);
  edge->strength = 3;
  edge->directed = FALSE;
  g_free (edge->note);
  edge->note = g_strdup ("Neighbours for twenty years");
  g_assert_true (coalition_store_add_map_edge (store, edge, &error));
  g_assert_no_error (error);
  g_assert_cmpint (edge->id, >, 0);
  g_assert_cmpint (edge->map_id, ==, map_id);

  edges = coalition_store_list_map_edges (store, map_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edges->len, ==, 1);
  back = edges->pdata[0];
  g_assert_cmpint (back->id, ==, edge->id);
  g_assert_cmpint (back->from_node, ==, a_node);
  g_assert_cmpint (back->to_node, ==, b_node);
  g_assert_cmpint (back->kind, ==, COALITION_RELATIONSHIP_FAMILY_OR_FRIEND);
  g_assert_cmpint (back->strength, ==, 3);
  g_assert_false (back->directed);
  g_assert_cmpstr (back->note, ==, "Neighbours for twenty years");

  /* Updated. */
  edge->kind = COALITION_RELATIONSHIP_ADVISES;
  edge->strength = 1;
  edge->directed = TRUE;
  g_free (edge->note);
  edge->note = g_strdup ("Drafted the ordinance language with the office");
  g_assert_true (coalition_store_update_map_edge (store, edge, &error));
  g_assert_no_error (error);
  g_clear_pointer (&edges, g_ptr_array_unref);
  edges = coalition_store_list_map_edges (store, map_id, &error);
  back = edges->pdata[0];
  g_assert_cmpint (back->kind, ==, COALITION_RELATIONSHIP_ADVISES);
  g_assert_cmpint (back->strength, ==, 1);
  g_assert_true (back->directed);
  g_assert_cmpstr (back->note, ==, "Drafted the ordinance language with the office");

  /* Every kind goes in and comes back as itself. */
  for (CoalitionRelationshipKind kind = 0; kind <= COALITION_RELATIONSHIP_LAST; kind++)
    {
      g_assert_cmpint (coalition_relationship_kind_from_string (coalition_relationship_kind_to_string (kind)), ==, kind);
      g_assert_cmpstr (coalition_relationship_kind_get_label (kind), !=, "");
    }

  /* Nobody has a relationship with themselves… */
  self_edge = coalition_map_edge_new (c_node, c_node, COALITION_RELATIONSHIP_KNOWS);
  g_assert_false (coalition_store_add_map_edge (store, self_edge, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* … nor with someone on another map. */
  across = coalition_map_edge_new (b_node, elsewhere, COALITION_RELATIONSHIP_KNOWS);
  g_assert_false (coalition_store_add_map_edge (store, across, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (across->id, ==, 0);
  g_clear_pointer (&edges, g_ptr_array_unref);
  edges = coalition_store_list_map_edges (store, map_id, &error);
  g_assert_cmpuint (edges->len, ==, 1);
  g_clear_pointer (&edges, g_ptr_array_unref);
  edges = coalition_store_list_map_edges (store, other_map_id, &error);
  g_assert_cmpuint (edges->len, ==, 0);

  /* Removed. */
  g_assert_true (coalition_store_remove_map_edge (store, edge->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&edges, g_ptr_array_unref);
  edges = coalition_store_list_map_edges (store, map_id, &error);
  g_assert_cmpuint (edges->len, ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Reach */

static CoalitionMapNode *
make_node (gint64            id,
           const char       *name,
           CoalitionMapRole  role,
           int               stance,
           int               influence)
{
  CoalitionMapNode *node = g_new0 (CoalitionMapNode, 1);

  node->id = id;
  node->person_id = id;
  node->name = g_strdup (name);
  node->detail = g_strdup ("");
  node->changed_on = g_strdup ("2025-01-01");
  node->role = role;
  node->stance = stance;
  node->influence = influence;
  return node;
}

static CoalitionMapEdge *
make_edge (gint64   id,
           gint64   from,
           gint64   to,
           gboolean directed)
{
  CoalitionMapEdge *edge = coalition_map_edge_new (from, to, COALITION_RELATIONSHIP_KNOWS);

  edge->id = id;
  edge->directed = directed;
  return edge;
}

static void
assert_path (GArray       *path,
             const gint64 *expected,
             guint         n_expected)
{
  g_assert_cmpmem (path->data, path->len * sizeof (gint64), expected, n_expected * sizeof (gint64));
}

enum { A = 11, B = 7, C = 3, X = 40, Y = 50, Z = 60, T = 99, D = 5 };

static void
test_map_reach (void)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_node_free);
  g_autoptr(GPtrArray) edges = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_edge_free);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) from_x = NULL;

  /* Members A, B and C; others x, y, z; the target T. */
  g_ptr_array_add (nodes, make_node (C, "C", COALITION_MAP_ROLE_MEMBER, 2, 1));
  g_ptr_array_add (nodes, make_node (B, "B", COALITION_MAP_ROLE_MEMBER, 2, 1));
  g_ptr_array_add (nodes, make_node (A, "A", COALITION_MAP_ROLE_MEMBER, 2, 1));
  g_ptr_array_add (nodes, make_node (X, "x", COALITION_MAP_ROLE_OTHER, 0, 2));
  g_ptr_array_add (nodes, make_node (Y, "y", COALITION_MAP_ROLE_ALLY, 1, 1));
  g_ptr_array_add (nodes, make_node (Z, "z", COALITION_MAP_ROLE_OTHER, 0, 3));
  g_ptr_array_add (nodes, make_node (T, "T", COALITION_MAP_ROLE_TARGET, -1, 4));

  /* A–x–T and B–y–z–T, drawn in both directions: a relationship is a
   * channel either way. C knows nobody; an edge to a node not on the map
   * is ignored. */
  g_ptr_array_add (edges, make_edge (1, B, Y, TRUE));
  g_ptr_array_add (edges, make_edge (2, Z, Y, TRUE));
  g_ptr_array_add (edges, make_edge (3, Z, T, FALSE));
  g_ptr_array_add (edges, make_edge (4, A, X, TRUE));
  g_ptr_array_add (edges, make_edge (5, T, X, TRUE));
  g_ptr_array_add (edges, make_edge (6, C, 1234, TRUE));

  paths = coalition_map_reach (nodes, edges, T, 10);
  g_assert_cmpuint (paths->len, ==, 2);
  assert_path (paths->pdata[0], (gint64[]) { A, X, T }, 3);
  assert_path (paths->pdata[1], (gint64[]) { B, Y, Z, T }, 4);

  /* At most as many as asked for, the shortest first. */
  one = coalition_map_reach (nodes, edges, T, 1);
  g_assert_cmpuint (one->len, ==, 1);
  assert_path (one->pdata[0], (gint64[]) { A, X, T }, 3);

  /* A target not on the map: nobody reaches it. */
  none = coalition_map_reach (nodes, edges, 4321, 10);
  g_assert_cmpuint (none->len, ==, 0);

  /* Towards x, a member next to it comes first, and a chain may pass
   * through someone who is a member themselves. */
  g_ptr_array_add (nodes, make_node (D, "D", COALITION_MAP_ROLE_MEMBER, 2, 0));
  g_ptr_array_add (edges, make_edge (7, D, A, FALSE));
  from_x = coalition_map_reach (nodes, edges, X, 10);
  g_assert_cmpuint (from_x->len, ==, 3);
  assert_path (from_x->pdata[0], (gint64[]) { A, X }, 2);
  assert_path (from_x->pdata[1], (gint64[]) { D, A, X }, 3);
  assert_path (from_x->pdata[2], (gint64[]) { B, Y, Z, T, X }, 5);
}

/* ---------------------------------------------------------------------- */
/* Scene */

static GPtrArray *
scene_nodes (void)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_node_free);

  g_ptr_array_add (nodes, make_node (1, names[0], COALITION_MAP_ROLE_MEMBER, 2, 1));
  g_ptr_array_add (nodes, make_node (2, names[1], COALITION_MAP_ROLE_ALLY, 1, 2));
  g_ptr_array_add (nodes, make_node (3, names[2], COALITION_MAP_ROLE_OTHER, 0, 0));
  g_ptr_array_add (nodes, make_node (4, names[3], COALITION_MAP_ROLE_MEMBER, 2, 1));
  g_ptr_array_add (nodes, make_node (5, names[4], COALITION_MAP_ROLE_TARGET, -2, 4));
  /* A crowded cell. */
  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *name = g_strdup_printf ("Tenant %u", i + 1);

      g_ptr_array_add (nodes, make_node (100 + i, name, COALITION_MAP_ROLE_MEMBER, 2, 0));
    }
  return nodes;
}

static GPtrArray *
scene_edges (void)
{
  GPtrArray *edges = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_edge_free);

  g_ptr_array_add (edges, make_edge (1, 1, 5, TRUE));
  g_ptr_array_add (edges, make_edge (2, 2, 5, FALSE));
  g_ptr_array_add (edges, make_edge (3, 100, 2, TRUE));
  /* Ends not on the map: left out. */
  g_ptr_array_add (edges, make_edge (4, 3, 777, TRUE));
  return edges;
}

static gboolean
inside (const cairo_rectangle_t *rect,
        double                   x,
        double                   y)
{
  return x > rect->x && x < rect->x + rect->width && y > rect->y && y < rect->y + rect->height;
}

static void
test_map_scene_geometry (void)
{
  g_autoptr(GPtrArray) nodes = scene_nodes ();
  g_autoptr(GPtrArray) edges = scene_edges ();
  g_autoptr(CoalitionMapScene) scene = coalition_map_scene_new (nodes, edges);
  cairo_rectangle_t top_left, bottom_right;
  double x, y;

  g_assert_cmpuint (coalition_map_scene_get_n_nodes (scene), ==, nodes->len);
  g_assert_cmpuint (coalition_map_scene_get_n_edges (scene), ==, 3);
  g_assert_cmpstr (coalition_map_scene_get_node (scene, 0)->name, ==, names[0]);
  g_assert_cmpstr (coalition_map_scene_find_node (scene, 5)->name, ==, names[4]);
  g_assert_null (coalition_map_scene_find_node (scene, 777));

  /* Strongly against and deciding at the left and top; strongly with us
   * and without influence at the right and bottom. */
  coalition_map_scene_get_cell_rect (scene, -2, 4, &top_left);
  coalition_map_scene_get_cell_rect (scene, 2, 0, &bottom_right);
  g_assert_cmpfloat (top_left.width, >, 0);
  g_assert_cmpfloat (top_left.height, >, 0);
  for (int stance = COALITION_STANCE_MIN; stance <= COALITION_STANCE_MAX; stance++)
    for (int influence = COALITION_INFLUENCE_MIN; influence <= COALITION_INFLUENCE_MAX; influence++)
      {
        cairo_rectangle_t rect;
        int found_stance = 99, found_influence = 99;

        coalition_map_scene_get_cell_rect (scene, stance, influence, &rect);
        g_assert_cmpfloat (rect.x, >=, top_left.x);
        g_assert_cmpfloat (rect.y, >=, top_left.y);
        g_assert_cmpfloat (rect.x, <=, bottom_right.x);
        g_assert_cmpfloat (rect.y, <=, bottom_right.y);
        /* Left to right by stance, top to bottom by falling influence. */
        if (stance > COALITION_STANCE_MIN)
          {
            cairo_rectangle_t left;

            coalition_map_scene_get_cell_rect (scene, stance - 1, influence, &left);
            g_assert_cmpfloat (left.x + left.width, <=, rect.x);
          }
        if (influence < COALITION_INFLUENCE_MAX)
          {
            cairo_rectangle_t above;

            coalition_map_scene_get_cell_rect (scene, stance, influence + 1, &above);
            g_assert_cmpfloat (above.y + above.height, <=, rect.y);
          }
        /* No two cells overlap. */
        for (int s = COALITION_STANCE_MIN; s <= COALITION_STANCE_MAX; s++)
          for (int i = COALITION_INFLUENCE_MIN; i <= COALITION_INFLUENCE_MAX; i++)
            {
              cairo_rectangle_t other;
              double overlap_x, overlap_y;

              if (s == stance && i == influence)
                continue;
              coalition_map_scene_get_cell_rect (scene, s, i, &other);
              overlap_x = MIN (rect.x + rect.width, other.x + other.width) - MAX (rect.x, other.x);
              overlap_y = MIN (rect.y + rect.height, other.y + other.height) - MAX (rect.y, other.y);
              g_assert_true (overlap_x <= 0 || overlap_y <= 0);
            }
        /* The grid fits in the map. */
        g_assert_cmpfloat (rect.x + rect.width, <=, coalition_map_scene_get_width (scene));
        g_assert_cmpfloat (rect.y + rect.height, <=, coalition_map_scene_get_height (scene));

        /* The centre of a cell is in that cell. */
        g_assert_true (coalition_map_scene_cell_at (scene, rect.x + rect.width / 2, rect.y + rect.height / 2,
                                                    &found_stance, &found_influence));
        g_assert_cmpint (found_stance, ==, stance);
        g_assert_cmpint (found_influence, ==, influence);
      }

  /* Outside the grid is no cell. */
  g_assert_false (coalition_map_scene_cell_at (scene, top_left.x - 1, top_left.y + 1, NULL, NULL));
  g_assert_false (coalition_map_scene_cell_at (scene, top_left.x + 1, top_left.y - 1, NULL, NULL));
  g_assert_false (coalition_map_scene_cell_at (scene, bottom_right.x + bottom_right.width + 1,
                                               bottom_right.y + 1, NULL, NULL));

  /* Each node is drawn inside its own cell, and found where it is drawn. */
  for (guint i = 0; i < nodes->len; i++)
    {
      const CoalitionMapNode *node = nodes->pdata[i];
      cairo_rectangle_t rect;
      int stance, influence;

      g_assert_true (coalition_map_scene_get_node_position (scene, node->id, &x, &y));
      coalition_map_scene_get_cell_rect (scene, node->stance, node->influence, &rect);
      if (!inside (&rect, x, y))
        g_error ("%s is drawn at (%g, %g), outside its cell (%g, %g, %g × %g)", node->name, x, y,
                 rect.x, rect.y, rect.width, rect.height);
      g_assert_true (coalition_map_scene_cell_at (scene, x, y, &stance, &influence));
      g_assert_cmpint (stance, ==, node->stance);
      g_assert_cmpint (influence, ==, node->influence);
      g_assert_cmpint (coalition_map_scene_hit (scene, x, y), ==, node->id);
    }
  g_assert_false (coalition_map_scene_get_node_position (scene, 777, &x, &y));

  /* Two in one cell are set apart. */
  {
    double x1, y1, x4, y4;

    coalition_map_scene_get_node_position (scene, 1, &x1, &y1);
    coalition_map_scene_get_node_position (scene, 4, &x4, &y4);
    g_assert_cmpfloat (hypot (x1 - x4, y1 - y4), >, 2 * coalition_map_scene_get_node_radius (scene));
  }

  /* An empty cell and the margins hit nothing. */
  {
    cairo_rectangle_t empty;

    coalition_map_scene_get_cell_rect (scene, -1, 2, &empty);
    g_assert_cmpint (coalition_map_scene_hit (scene, empty.x + empty.width / 2, empty.y + empty.height / 2), ==, 0);
    g_assert_cmpint (coalition_map_scene_hit (scene, 1, 1), ==, 0);
  }
}

/* The colour at (@x, @y) of an ARGB32 image, as 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *image,
          double           x,
          double           y)
{
  const unsigned char *data;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  return *(const guint32 *)(data + (int)y * cairo_image_surface_get_stride (image) + (int)x * 4) & 0xffffff;
}

static cairo_surface_t *
draw_scene (CoalitionMapScene     *scene,
            CoalitionMapDrawFlags  flags)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                       (int)ceil (coalition_map_scene_get_width (scene)),
                                                       (int)ceil (coalition_map_scene_get_height (scene)));
  cairo_t *cr = cairo_create (image);

  coalition_map_scene_draw (scene, cr, 1.0, NULL, flags);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return cairo_image_surface_get_height (b) == height && cairo_image_surface_get_stride (b) == stride
         && memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (gsize)height * stride) == 0;
}

/* What is drawn where: every mark in its role's colour, every relationship
 * across the background, nothing of a hidden node; a copy of the scene draws
 * the same picture, and a node drawn on its own stays inside its extents. */
static void
test_map_scene_drawing (void)
{
  g_autoptr(GPtrArray) nodes = scene_nodes ();
  g_autoptr(GPtrArray) edges = scene_edges ();
  g_autoptr(CoalitionMapScene) scene = coalition_map_scene_new (nodes, edges);
  g_autoptr(CoalitionMapScene) copy = NULL;
  cairo_surface_t *grid = draw_scene (scene, COALITION_MAP_DRAW_GRID);
  cairo_surface_t *all = draw_scene (scene, COALITION_MAP_DRAW_ALL);
  cairo_surface_t *hidden, *copied, *alone;
  double radius = coalition_map_scene_get_node_radius (scene);
  const guint32 fills[] = {
    [COALITION_MAP_ROLE_OTHER] = 0x999997, [COALITION_MAP_ROLE_MEMBER] = 0x26a369,
    [COALITION_MAP_ROLE_ALLY] = 0x3685e3, [COALITION_MAP_ROLE_TARGET] = 0xe01c24,
  };
  const gint64 edge_ends[][2] = { { 1, 5 }, { 2, 5 }, { 100, 2 } };

  for (guint i = 0; i < nodes->len; i++)
    {
      const CoalitionMapNode *node = nodes->pdata[i];
      guint32 found, wanted = fills[node->role];
      double x, y;

      g_assert_true (coalition_map_scene_get_node_position (scene, node->id, &x, &y));
      /* Off the centre: a target's centre is its white ring. */
      found = pixel_at (all, x + radius * 0.7, y);
      if (abs ((int)(found >> 16) - (int)(wanted >> 16)) > 3 || abs ((int)((found >> 8) & 0xff) - (int)((wanted >> 8) & 0xff)) > 3
          || abs ((int)(found & 0xff) - (int)(wanted & 0xff)) > 3)
        g_error ("%s is drawn in #%06x, not #%06x", node->name, found, wanted);
      if (node->role == COALITION_MAP_ROLE_TARGET)
        g_assert_cmphex (pixel_at (all, x, y), ==, 0xffffff);
    }

  /* The middle of each relationship is darker than the grid under it. */
  for (guint i = 0; i < G_N_ELEMENTS (edge_ends); i++)
    {
      double x0, y0, x1, y1;

      coalition_map_scene_get_node_position (scene, edge_ends[i][0], &x0, &y0);
      coalition_map_scene_get_node_position (scene, edge_ends[i][1], &x1, &y1);
      g_assert_cmpuint (pixel_at (all, (x0 + x1) / 2, (y0 + y1) / 2) & 0xff, <,
                        pixel_at (grid, (x0 + x1) / 2, (y0 + y1) / 2) & 0xff);
    }

  /* A hidden node leaves the grid as it was, with its relationships. */
  coalition_map_scene_set_selected (scene, 1);
  coalition_map_scene_set_hidden (scene, 5);
  hidden = draw_scene (scene, COALITION_MAP_DRAW_ALL & ~COALITION_MAP_DRAW_LABELS);
  {
    double x5, y5, x1, y1;

    coalition_map_scene_get_node_position (scene, 5, &x5, &y5);
    coalition_map_scene_get_node_position (scene, 1, &x1, &y1);
    g_assert_cmphex (pixel_at (hidden, x5, y5), ==, pixel_at (grid, x5, y5));
    g_assert_cmphex (pixel_at (hidden, x5 + radius * 0.7, y5), ==, pixel_at (grid, x5 + radius * 0.7, y5));
    g_assert_cmphex (pixel_at (hidden, (x1 + x5) / 2, (y1 + y5) / 2), ==, pixel_at (grid, (x1 + x5) / 2, (y1 + y5) / 2));
  }

  /* A copy draws the same picture, and does not change with the original. */
  copy = coalition_map_scene_copy (scene);
  copied = draw_scene (copy, COALITION_MAP_DRAW_ALL & ~COALITION_MAP_DRAW_LABELS);
  g_assert_true (same_pixels (hidden, copied));
  g_assert_cmpint (coalition_map_scene_get_selected (copy), ==, 1);
  coalition_map_scene_set_hidden (scene, 0);
  cairo_surface_destroy (copied);
  copied = draw_scene (copy, COALITION_MAP_DRAW_ALL & ~COALITION_MAP_DRAW_LABELS);
  g_assert_true (same_pixels (hidden, copied));

  /* A node drawn on its own, moved, with its relationships and label, stays
   * inside its extents, at any scale. */
  for (guint k = 0; k < 2; k++)
    {
      const double scale = k == 0 ? 1.0 : 0.5;
      int width = (int)ceil (coalition_map_scene_get_width (scene) * scale);
      int height = (int)ceil (coalition_map_scene_get_height (scene) * scale);
      const unsigned char *data;
      cairo_rectangle_t extents;
      double x, y;
      int stride;
      cairo_t *cr;

      coalition_map_scene_get_node_position (scene, 5, &x, &y);
      x += 130;
      y += 70;
      coalition_map_scene_get_node_extents (scene, scale, 5, x, y, &extents);
      alone = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
      cr = cairo_create (alone);
      cairo_scale (cr, scale, scale);
      coalition_map_scene_draw_node_at (scene, cr, scale, 5, x, y);
      cairo_destroy (cr);
      cairo_surface_flush (alone);
      data = cairo_image_surface_get_data (alone);
      stride = cairo_image_surface_get_stride (alone);
      g_assert_cmphex (*(const guint32 *)(data + (int)(y * scale) * stride + (int)((x + radius * 0.7) * scale) * 4) & 0xffffff,
                       !=, 0);
      for (int row = 0; row < height; row++)
        for (int col = 0; col < width; col++)
          if (*(const guint32 *)(data + row * stride + col * 4) != 0
              && (col / scale < extents.x || col / scale > extents.x + extents.width
                  || row / scale < extents.y || row / scale > extents.y + extents.height))
            g_error ("drawn at (%d, %d) at %g %%, outside (%g, %g, %g × %g)", col, row, scale * 100, extents.x,
                     extents.y, extents.width, extents.height);
      cairo_surface_destroy (alone);
    }

  cairo_surface_destroy (copied);
  cairo_surface_destroy (hidden);
  cairo_surface_destroy (all);
  cairo_surface_destroy (grid);
}

/* ---------------------------------------------------------------------- */
/* Files */

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s %s", argv[0], error->message, err);
  return out;
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_map_export (void)
{
  g_autoptr(GPtrArray) nodes = scene_nodes ();
  g_autoptr(GPtrArray) edges = scene_edges ();
  g_autoptr(CoalitionMapScene) scene = coalition_map_scene_new (nodes, edges);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "maps", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *png_default = g_build_filename (dir, "default.png", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "map.pdf", NULL);
  g_autofree char *wrong = g_build_filename (dir, "map.jpeg", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *svg_text = NULL;
  g_autofree char *svg_check = NULL;
  g_autofree char *map_width = NULL;
  g_autofree char *map_height = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  const char *title = "Rent Stabilization Ordinance";
  const char *decision = "City Council passes the rent stabilization ordinance by June";
  cairo_surface_t *image;
  gsize svg_length;
  guint n_files;

  g_mkdir_with_parents (dir, 0700);

  /* PDF: one page, A4 landscape unless told, and every name on it as text
   * (pdftotext keeps a name's words apart where a line breaks). */
  g_assert_true (coalition_map_scene_write (scene, title, decision, pdf, 0, 0, &error));
  g_assert_no_error (error);
  info = run ((const char *[]) { "pdfinfo", pdf, NULL });
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpuint (g_ascii_strtoull (strstr (info, "Pages:") + strlen ("Pages:"), NULL, 10), ==, 1);
  g_assert_nonnull (strstr (info, "842 x 595 pts"));
  text = run ((const char *[]) { "pdftotext", pdf, "-", NULL });
  joined = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
  g_assert_nonnull (strstr (joined, title));
  g_assert_nonnull (strstr (joined, decision));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strstr (joined, names[i]) == NULL)
      g_error ("“%s” is not on the PDF page: %s", names[i], joined);

  /* SVG: cairo draws its text as glyph outlines, so the names are not
   * there as text; it must be well-formed XML to a parser of its own, an
   * SVG document as large as the whole page. */
  g_assert_true (coalition_map_scene_write (scene, title, decision, svg, 0, 0, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &svg_text, &svg_length, NULL));
  g_assert_cmpuint (svg_length, >, 10000);
  map_width = g_strdup_printf ("%g", coalition_map_scene_get_width (scene));
  map_height = g_strdup_printf ("%g", coalition_map_scene_get_height (scene));
  svg_check = run ((const char *[]) {
    "/usr/bin/python3", "-c",
    "import sys, xml.etree.ElementTree as ET\n"
    "root = ET.parse(sys.argv[1]).getroot()\n"
    "w = float(root.get('width').removesuffix('pt'))\n"
    "h = float(root.get('height').removesuffix('pt'))\n"
    "print(root.tag, w >= float(sys.argv[2]), h > float(sys.argv[3]), len(root) > 0)\n",
    svg, map_width, map_height, NULL });
  g_assert_cmpstr (svg_check, ==, "{http://www.w3.org/2000/svg}svg True True True\n");

  /* PNG: as wide as asked, 1600 pixels when not, and not blank. */
  g_assert_true (coalition_map_scene_write (scene, title, decision, png, 1000, 0, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
  g_assert_cmpint (cairo_image_surface_get_height (image), >, 300);
  {
    const guint8 *data;
    int stride, height, width;
    guint n_dark = 0;

    cairo_surface_flush (image);
    data = cairo_image_surface_get_data (image);
    stride = cairo_image_surface_get_stride (image);
    width = cairo_image_surface_get_width (image);
    height = cairo_image_surface_get_height (image);
    for (int row = 0; row < height; row++)
      for (int col = 0; col < width; col++)
        {
          guint32 pixel = *(const guint32 *)(data + row * stride + col * 4);

          if (((pixel >> 16) & 0xff) < 128 && ((pixel >> 8) & 0xff) < 128 && (pixel & 0xff) < 128)
            n_dark++;
        }
    g_assert_cmpuint (n_dark, >, 1000);
  }
  cairo_surface_destroy (image);
  g_assert_true (coalition_map_scene_write (scene, title, decision, png_default, 0, 0, &error));
  image = cairo_image_surface_create_from_png (png_default);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1600);
  cairo_surface_destroy (image);

  /* A folder that is not there, or a kind of file it cannot write: an
   * error, and nothing left behind. */
  n_files = count_files (dir);
  g_assert_false (coalition_map_scene_write (scene, title, decision, nowhere, 0, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "map.pdf"));
  g_clear_error (&error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_false (coalition_map_scene_write (scene, title, decision, wrong, 0, 0, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, n_files);
}

/* The map of a real store through to the page: the history's old places
 * are drawn where they were. */
static void
test_map_export_as_of (void)
{
  g_autoptr(CoalitionStore) store = new_store ("page.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) then = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(CoalitionMapScene) scene_then = NULL;
  g_autoptr(CoalitionMapScene) scene_now = NULL;
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "then.pdf", NULL);
  g_autofree char *text = NULL;
  gint64 ids[G_N_ELEMENTS (names)];
  gint64 map_id, moved;
  double x_then, x_now, y;

  map_id = coalition_store_create_map (store, "Eastside Clinic Funding", "County Board restores the clinic’s funding", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(GStrv) parts = g_strsplit (names[i], " ", 2);
      gint64 person = add_person (store, parts[0], parts[1] ? parts[1] : "", COALITION_STATUS_MEMBER, 0, NULL);

      ids[i] = place (store, map_id, person, 0, (int)i - 2, (int)i % 5, "2025-01-01");
    }
  moved = ids[0];
  g_assert_true (coalition_store_move_map_node (store, moved, 2, 4, "2025-06-01", "Voted for the tenant protections study", &error));
  g_assert_no_error (error);

  then = nodes_as_of (store, map_id, "2025-03-01");
  now = nodes_as_of (store, map_id, NULL);
  edges = coalition_store_list_map_edges (store, map_id, &error);
  scene_then = coalition_map_scene_new (then, edges);
  scene_now = coalition_map_scene_new (now, edges);
  g_assert_true (coalition_map_scene_get_node_position (scene_then, moved, &x_then, &y));
  g_assert_true (coalition_map_scene_get_node_position (scene_now, moved, &x_now, &y));
  /* From strongly against to strongly with us: from the left to the right. */
  g_assert_cmpfloat (x_then, <, x_now);

  g_assert_true (coalition_map_scene_write (scene_then, "Eastside Clinic Funding", NULL, pdf, 0, 0, &error));
  g_assert_no_error (error);
  text = run ((const char *[]) { "pdftotext", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "Eastside Clinic Funding"));
  g_assert_null (strstr (text, "Decision sought"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/map/nodes", test_map_nodes);
  g_test_add_func ("/map/history", test_map_history);
  g_test_add_func ("/map/remove-and-undo", test_map_remove_and_undo);
  g_test_add_func ("/map/follows-directory", test_map_follows_directory);
  g_test_add_func ("/map/edges", test_map_edges);
  g_test_add_func ("/map/reach", test_map_reach);
  g_test_add_func ("/map/scene-geometry", test_map_scene_geometry);
  g_test_add_func ("/map/scene-drawing", test_map_scene_drawing);
  g_test_add_func ("/map/export", test_map_export);
  g_test_add_func ("/map/export-as-of", test_map_export_as_of);

  return g_test_run ();
}
