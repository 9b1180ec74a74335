/* coalition-power-map.c — power maps in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A node's current stance and influence live on the node; every placement
 * and move is also a row of its history, so "as of" a date is the last
 * history row on or before that date.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "coalition-enums.h"
#include "coalition-power-map.h"
#include "coalition-store-private.h"

#define prepare coalition_store_prepare
#define step_done coalition_store_step_done
#define bind_text coalition_store_bind_text
#define column_text coalition_store_column_text

/* ---------------------------------------------------------------------- */
/* Labels */

const char *
coalition_stance_get_label (int stance)
{
  switch (CLAMP (stance, COALITION_STANCE_MIN, COALITION_STANCE_MAX))
    {
    case -2: return _("Strongly against");
    case -1: return _("Leaning against");
    case 1: return _("Leaning with us");
    case 2: return _("Strongly with us");
    default: return _("Neutral or unknown");
    }
}

const char *
coalition_influence_get_label (int influence)
{
  switch (CLAMP (influence, COALITION_INFLUENCE_MIN, COALITION_INFLUENCE_MAX))
    {
    case 0: return _("No influence");
    case 1: return _("Little influence");
    case 2: return _("Some influence");
    case 3: return _("Much influence");
    default: return _("Decides");
    }
}

static const struct
{
  const char *id;
  const char *label;
  const char *inverse;   /* seen from the other end */
} relationship_kinds[] = {
  [COALITION_RELATIONSHIP_INFLUENCES] = { "influences", N_("Influences"), N_("Influenced by") },
  [COALITION_RELATIONSHIP_WORKS_FOR] = { "works-for", N_("Works for"), N_("Employs") },
  [COALITION_RELATIONSHIP_MEMBER_OF] = { "member-of", N_("Member of"), N_("Has as a member") },
  [COALITION_RELATIONSHIP_FUNDS] = { "funds", N_("Funds"), N_("Funded by") },
  [COALITION_RELATIONSHIP_ADVISES] = { "advises", N_("Advises"), N_("Advised by") },
  [COALITION_RELATIONSHIP_SERVES_WITH] = { "serves-with", N_("Serves with"), N_("Serves with") },
  [COALITION_RELATIONSHIP_FAMILY_OR_FRIEND] = { "family-or-friend", N_("Family or friend"), N_("Family or friend") },
  [COALITION_RELATIONSHIP_KNOWS] = { "knows", N_("Knows"), N_("Knows") },
};

const char *
coalition_relationship_kind_get_inverse_label (CoalitionRelationshipKind kind)
{
  return _(relationship_kinds[CLAMP ((int)kind, 0, COALITION_RELATIONSHIP_LAST)].inverse);
}

const char *
coalition_relationship_kind_get_label (CoalitionRelationshipKind kind)
{
  return _(relationship_kinds[CLAMP ((int)kind, 0, COALITION_RELATIONSHIP_LAST)].label);
}

const char *
coalition_relationship_kind_to_string (CoalitionRelationshipKind kind)
{
  return relationship_kinds[CLAMP ((int)kind, 0, COALITION_RELATIONSHIP_LAST)].id;
}

CoalitionRelationshipKind
coalition_relationship_kind_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (relationship_kinds); i++)
    if (g_strcmp0 (relationship_kinds[i].id, text) == 0)
      return i;
  return COALITION_RELATIONSHIP_INFLUENCES;
}

const char *
coalition_map_role_get_label (CoalitionMapRole role)
{
  switch (role)
    {
    case COALITION_MAP_ROLE_MEMBER: return _("Member");
    case COALITION_MAP_ROLE_ALLY: return _("Ally");
    case COALITION_MAP_ROLE_TARGET: return _("Target");
    case COALITION_MAP_ROLE_OTHER:
    default: return _("Other");
    }
}

static CoalitionMapRole
role_from_status (const char *status)
{
  if (g_strcmp0 (status, "member") == 0)
    return COALITION_MAP_ROLE_MEMBER;
  if (g_strcmp0 (status, "ally") == 0)
    return COALITION_MAP_ROLE_ALLY;
  if (g_strcmp0 (status, "target") == 0)
    return COALITION_MAP_ROLE_TARGET;
  return COALITION_MAP_ROLE_OTHER;
}

/* ---------------------------------------------------------------------- */
/* Records */

void
coalition_power_map_free (CoalitionPowerMap *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->decision);
  g_free (self->updated_at);
  g_free (self);
}

CoalitionMapNode *
coalition_map_node_copy (const CoalitionMapNode *self)
{
  CoalitionMapNode *copy = g_memdup2 (self, sizeof *self);

  copy->name = g_strdup (self->name);
  copy->detail = g_strdup (self->detail);
  copy->changed_on = g_strdup (self->changed_on);
  return copy;
}

void
coalition_map_node_free (CoalitionMapNode *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->detail);
  g_free (self->changed_on);
  g_free (self);
}

CoalitionMapEdge *
coalition_map_edge_new (gint64                    from_node,
                        gint64                    to_node,
                        CoalitionRelationshipKind kind)
{
  CoalitionMapEdge *self = g_new0 (CoalitionMapEdge, 1);

  self->from_node = from_node;
  self->to_node = to_node;
  self->kind = kind;
  self->strength = 2;
  self->directed = TRUE;
  self->note = g_strdup ("");
  return self;
}

CoalitionMapEdge *
coalition_map_edge_copy (const CoalitionMapEdge *self)
{
  CoalitionMapEdge *copy = g_memdup2 (self, sizeof *self);

  copy->note = g_strdup (self->note);
  return copy;
}

void
coalition_map_edge_free (CoalitionMapEdge *self)
{
  if (self == NULL)
    return;
  g_free (self->note);
  g_free (self);
}

void
coalition_map_change_free (CoalitionMapChange *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->note);
  g_free (self);
}

/* ---------------------------------------------------------------------- */
/* Writing */

static gboolean
touch_map (CoalitionStore  *self,
           gint64           map_id,
           GError         **error)
{
  g_autofree char *now = coalition_store_now_utc ();
  sqlite3_stmt *stmt = prepare (self, "UPDATE power_map SET updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, map_id);
  return step_done (self, stmt, error);
}

static gboolean
write_history (CoalitionStore  *self,
               gint64           node_id,
               const char      *date,
               int              stance,
               int              influence,
               const char      *note,
               GError         **error)
{
  g_autofree char *day = date ? g_strdup (date) : coalition_store_today ();
  sqlite3_stmt *stmt = prepare (self, "INSERT INTO map_node_history (node_id, changed_on, stance, influence, note) "
                                      "VALUES (?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, node_id);
  bind_text (stmt, 2, day);
  sqlite3_bind_int (stmt, 3, stance);
  sqlite3_bind_int (stmt, 4, influence);
  bind_text (stmt, 5, note ? note : "");
  return step_done (self, stmt, error);
}

static gboolean
check_cell (int      stance,
            int      influence,
            GError **error)
{
  if (stance >= COALITION_STANCE_MIN && stance <= COALITION_STANCE_MAX
      && influence >= COALITION_INFLUENCE_MIN && influence <= COALITION_INFLUENCE_MAX)
    return TRUE;
  g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
               _("Stance runs from −2 to 2 and influence from 0 to 4"));
  return FALSE;
}

gint64
coalition_store_create_map (CoalitionStore  *self,
                            const char      *title,
                            const char      *decision,
                            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = coalition_store_now_utc ();
  g_autofree char *stripped = g_strstrip (g_strdup (title ? title : ""));
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), 0);

  if (!coalition_store_check_title (title, _("A power map needs a title"), error) ||
      !coalition_store_check_text (decision, error))
    return 0;
  if (!coalition_store_begin (self, error))
    return 0;
  stmt = prepare (self, "INSERT INTO power_map (title, decision, created_at, updated_at) VALUES (?, ?, ?, ?)",
                  &local_error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, stripped);
      bind_text (stmt, 2, decision ? decision : "");
      bind_text (stmt, 3, now);
      bind_text (stmt, 4, now);
      if (step_done (self, stmt, &local_error))
        id = coalition_store_last_insert_id (self);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    id, error) ? id : 0;
}

gboolean
coalition_store_update_map (CoalitionStore  *self,
                            gint64           map_id,
                            const char      *title,
                            const char      *decision,
                            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = coalition_store_now_utc ();
  g_autofree char *stripped = g_strstrip (g_strdup (title ? title : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_check_title (title, _("A power map needs a title"), error) ||
      !coalition_store_check_text (decision, error))
    return FALSE;
  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE power_map SET title = ?, decision = ?, updated_at = ? WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, stripped);
      bind_text (stmt, 2, decision ? decision : "");
      bind_text (stmt, 3, now);
      sqlite3_bind_int64 (stmt, 4, map_id);
      step_done (self, stmt, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    map_id, error);
}

gboolean
coalition_store_delete_map (CoalitionStore  *self,
                            gint64           map_id,
                            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM power_map WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, map_id);
      step_done (self, stmt, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    map_id, error);
}

#define MAP_SELECT \
  "SELECT m.id, m.title, m.decision, m.updated_at, " \
  "(SELECT count(*) FROM map_node WHERE map_id = m.id), " \
  "(SELECT count(*) FROM map_edge WHERE map_id = m.id) FROM power_map m "

static gpointer
map_from_row (sqlite3_stmt *stmt)
{
  CoalitionPowerMap *map = g_new0 (CoalitionPowerMap, 1);

  map->id = sqlite3_column_int64 (stmt, 0);
  map->title = g_strdup (column_text (stmt, 1));
  map->decision = g_strdup (column_text (stmt, 2));
  map->updated_at = g_strdup (column_text (stmt, 3));
  map->n_nodes = sqlite3_column_int (stmt, 4);
  map->n_edges = sqlite3_column_int (stmt, 5);
  return map;
}

GPtrArray *
coalition_store_list_maps (CoalitionStore  *self,
                           GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self, MAP_SELECT "ORDER BY m.title COLLATE NOCASE, m.id", error);
  if (stmt == NULL)
    return NULL;
  return coalition_store_collect_rows (self, stmt, map_from_row, (GDestroyNotify)coalition_power_map_free, error);
}

CoalitionPowerMap *
coalition_store_get_map (CoalitionStore  *self,
                         gint64           map_id,
                         GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  rows = coalition_store_list_for_id (self, MAP_SELECT "WHERE m.id = ?", map_id, map_from_row,
                                      (GDestroyNotify)coalition_power_map_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                   _("There is no power map %lld"), (long long)map_id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* ---------------------------------------------------------------------- */
/* Nodes */

gint64
coalition_store_add_map_node (CoalitionStore  *self,
                              gint64           map_id,
                              gint64           person_id,
                              gint64           organization_id,
                              int              stance,
                              int              influence,
                              const char      *date,
                              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), 0);
  g_return_val_if_fail ((person_id > 0) != (organization_id > 0), 0);

  if (!check_cell (stance, influence, error) || !coalition_store_check_day (date, TRUE, error))
    return 0;
  if (!coalition_store_begin (self, error))
    return 0;
  stmt = prepare (self, "INSERT INTO map_node (map_id, person_id, organization_id, stance, influence) "
                        "VALUES (?, ?, ?, ?, ?)", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, map_id);
      if (person_id > 0)
        sqlite3_bind_int64 (stmt, 2, person_id);
      else
        sqlite3_bind_null (stmt, 2);
      if (organization_id > 0)
        sqlite3_bind_int64 (stmt, 3, organization_id);
      else
        sqlite3_bind_null (stmt, 3);
      sqlite3_bind_int (stmt, 4, stance);
      sqlite3_bind_int (stmt, 5, influence);
      if (step_done (self, stmt, &local_error))
        id = coalition_store_last_insert_id (self);
      else if (sqlite3_extended_errcode (coalition_store_get_handle (self)) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_clear_error (&local_error);
          g_set_error (&local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                       _("They are on this map already"));
        }
      else if (sqlite3_extended_errcode (coalition_store_get_handle (self)) == SQLITE_CONSTRAINT_FOREIGNKEY)
        {
          /* Deleted since it was chosen, in another window or by a script. */
          g_clear_error (&local_error);
          g_set_error (&local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                       _("This map, or whoever was to be put on it, has been deleted"));
        }
    }
  if (id > 0)
    write_history (self, id, date, stance, influence, "", &local_error);
  if (local_error == NULL)
    touch_map (self, map_id, &local_error);
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    map_id, error) ? id : 0;
}

static gint64
map_of_node (CoalitionStore *self,
             gint64          node_id,
             int            *stance,
             int            *influence)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT map_id, stance, influence FROM map_node WHERE id = ?", NULL);
  gint64 map_id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, node_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      map_id = sqlite3_column_int64 (stmt, 0);
      if (stance)
        *stance = sqlite3_column_int (stmt, 1);
      if (influence)
        *influence = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  return map_id;
}

gboolean
coalition_store_move_map_node (CoalitionStore  *self,
                               gint64           node_id,
                               int              stance,
                               int              influence,
                               const char      *date,
                               const char      *note,
                               GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  int old_stance = 0, old_influence = 0;
  sqlite3_stmt *stmt;
  gint64 map_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!check_cell (stance, influence, error) || !coalition_store_check_day (date, TRUE, error)
      || !coalition_store_check_text (note, error))
    return FALSE;
  if (!coalition_store_begin (self, error))
    return FALSE;
  map_id = map_of_node (self, node_id, &old_stance, &old_influence);
  if (map_id == 0)
    g_set_error (&local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND, _("That node is no longer on the map"));
  else if (old_stance == stance && old_influence == influence && (note == NULL || *note == '\0'))
    {
      /* Nothing was written. A rollback here would fail the caller's own
       * transaction, when moves are made in one. */
      return coalition_store_commit (self, error);
    }
  else if ((stmt = prepare (self, "UPDATE map_node SET stance = ?, influence = ? WHERE id = ?", &local_error)))
    {
      sqlite3_bind_int (stmt, 1, stance);
      sqlite3_bind_int (stmt, 2, influence);
      sqlite3_bind_int64 (stmt, 3, node_id);
      if (step_done (self, stmt, &local_error)
          && write_history (self, node_id, date, stance, influence, note, &local_error))
        touch_map (self, map_id, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    map_id, error);
}

gboolean
coalition_store_remove_map_node (CoalitionStore  *self,
                                 gint64           node_id,
                                 char           **kept,
                                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 map_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;
  map_id = map_of_node (self, node_id, NULL, NULL);
  /* All that the delete takes with it, as one JSON object. */
  if (kept != NULL && map_id > 0 &&
      (stmt = prepare (self,
                       "SELECT json_object ("
                       "  'node', json_object ('id', n.id, 'map_id', n.map_id, 'person_id', n.person_id,"
                       "                       'organization_id', n.organization_id,"
                       "                       'stance', n.stance, 'influence', n.influence),"
                       "  'history', (SELECT json_group_array (json_object ('id', h.id, 'changed_on', h.changed_on,"
                       "                                                    'stance', h.stance, 'influence', h.influence,"
                       "                                                    'note', h.note))"
                       "              FROM map_node_history h WHERE h.node_id = n.id),"
                       "  'edges', (SELECT json_group_array (json_object ('id', e.id, 'from_node', e.from_node,"
                       "                                                  'to_node', e.to_node, 'kind', e.kind,"
                       "                                                  'strength', e.strength, 'directed', e.directed,"
                       "                                                  'note', e.note))"
                       "            FROM map_edge e WHERE e.from_node = n.id OR e.to_node = n.id)) "
                       "FROM map_node n WHERE n.id = ?",
                       &local_error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, node_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *kept = g_strdup (column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  if (local_error == NULL && (stmt = prepare (self, "DELETE FROM map_node WHERE id = ?", &local_error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, node_id);
      if (step_done (self, stmt, &local_error) && map_id > 0)
        touch_map (self, map_id, &local_error);
    }
  if (local_error != NULL && kept != NULL)
    g_clear_pointer (kept, g_free);
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    map_id, error);
}

/* Why @kept cannot go back on its map, or NULL when it can. */
static char *
restore_problem (CoalitionStore *self,
                 const char     *kept)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT NOT EXISTS (SELECT 1 FROM power_map WHERE id = json_extract (?1, '$.node.map_id')),"
                                "       NOT EXISTS (SELECT 1 FROM person WHERE id = json_extract (?1, '$.node.person_id'))"
                                "       AND NOT EXISTS (SELECT 1 FROM organization"
                                "                       WHERE id = json_extract (?1, '$.node.organization_id')),"
                                "       EXISTS (SELECT 1 FROM map_node WHERE id = json_extract (?1, '$.node.id')"
                                "               OR (map_id = json_extract (?1, '$.node.map_id')"
                                "                   AND (person_id = json_extract (?1, '$.node.person_id')"
                                "                        OR organization_id = json_extract (?1, '$.node.organization_id'))))",
                                NULL);
  char *problem = NULL;

  if (stmt == NULL)
    return g_strdup (_("The map could not be read."));
  sqlite3_bind_text (stmt, 1, kept, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    problem = g_strdup (_("The map could not be read."));
  else if (sqlite3_column_int (stmt, 0))
    problem = g_strdup (_("The map has been deleted since."));
  else if (sqlite3_column_int (stmt, 1))
    problem = g_strdup (_("They have been deleted from the directory since."));
  else if (sqlite3_column_int (stmt, 2))
    problem = g_strdup (_("They are on the map again."));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return problem;
}

gint64
coalition_store_restore_map_node (CoalitionStore  *self,
                                  const char      *kept,
                                  GError         **error)
{
  static const char * const restore_sql[] = {
    "INSERT INTO map_node (id, map_id, person_id, organization_id, stance, influence) "
    "VALUES (json_extract (?1, '$.node.id'), json_extract (?1, '$.node.map_id'),"
    "        json_extract (?1, '$.node.person_id'), json_extract (?1, '$.node.organization_id'),"
    "        json_extract (?1, '$.node.stance'), json_extract (?1, '$.node.influence'))",
    "INSERT INTO map_node_history (id, node_id, changed_on, stance, influence, note) "
    "SELECT json_extract (value, '$.id'), json_extract (?1, '$.node.id'), json_extract (value, '$.changed_on'),"
    "       json_extract (value, '$.stance'), json_extract (value, '$.influence'), json_extract (value, '$.note') "
    "FROM json_each (?1, '$.history')",
    /* Relationships with nodes taken off since stay off. */
    "INSERT INTO map_edge (id, map_id, from_node, to_node, kind, strength, directed, note) "
    "SELECT json_extract (value, '$.id'), json_extract (?1, '$.node.map_id'), json_extract (value, '$.from_node'),"
    "       json_extract (value, '$.to_node'), json_extract (value, '$.kind'), json_extract (value, '$.strength'),"
    "       json_extract (value, '$.directed'), json_extract (value, '$.note') "
    "FROM json_each (?1, '$.edges') "
    "WHERE EXISTS (SELECT 1 FROM map_node WHERE id = json_extract (value, '$.from_node')) "
    "  AND EXISTS (SELECT 1 FROM map_node WHERE id = json_extract (value, '$.to_node')) "
    "  AND NOT EXISTS (SELECT 1 FROM map_edge WHERE id = json_extract (value, '$.id'))",
  };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *problem = NULL;
  gint64 node_id = 0, map_id = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), 0);
  g_return_val_if_fail (kept != NULL, 0);

  if (!coalition_store_begin (self, error))
    return 0;

  if (!coalition_store_json_is_well_formed (kept))
    problem = g_strdup (_("The map could not be read."));
  else
    problem = restore_problem (self, kept);
  if (problem != NULL)
    {
      /* Translators: "They are on the map again. Nothing was put back." */
      local_error = g_error_new (COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                                 _("%s Nothing was put back."), problem);
    }
  for (guint i = 0; local_error == NULL && i < G_N_ELEMENTS (restore_sql); i++)
    {
      sqlite3_stmt *stmt = prepare (self, restore_sql[i], &local_error);

      if (stmt == NULL)
        break;
      sqlite3_bind_text (stmt, 1, kept, -1, SQLITE_TRANSIENT);
      step_done (self, stmt, &local_error);
      sqlite3_clear_bindings (stmt);
      if (i == 0 && local_error == NULL)
        node_id = sqlite3_last_insert_rowid (coalition_store_get_handle (self));
    }
  if (local_error == NULL)
    {
      map_id = map_of_node (self, node_id, NULL, NULL);
      touch_map (self, map_id, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    map_id, error) ? node_id : 0;
}

/* Name and detail of people and organizations alike; the stance and
 * influence as of a date come from the history when one is given. */
#define NODE_SELECT \
  "SELECT n.id, n.map_id, coalesce(n.person_id, 0), coalesce(n.organization_id, 0), " \
  "coalesce(p.display_name, o.name), " \
  "CASE WHEN p.id IS NOT NULL THEN " \
  "  trim(p.title || CASE WHEN p.title <> '' AND po.name IS NOT NULL THEN ', ' ELSE '' END || coalesce(po.name, '')) " \
  "  ELSE o.sector END, " \
  "coalesce(p.status, o.status), h.stance, h.influence, h.changed_on " \
  "FROM map_node n " \
  "LEFT JOIN person p ON p.id = n.person_id " \
  "LEFT JOIN organization po ON po.id = p.organization_id " \
  "LEFT JOIN organization o ON o.id = n.organization_id " \
  "JOIN map_node_history h ON h.id = (SELECT id FROM map_node_history WHERE node_id = n.id AND changed_on <= ?2 " \
  "                                   ORDER BY changed_on DESC, id DESC LIMIT 1) " \
  "WHERE n.map_id = ?1 "

static gpointer
node_from_row (sqlite3_stmt *stmt)
{
  CoalitionMapNode *node = g_new0 (CoalitionMapNode, 1);

  node->id = sqlite3_column_int64 (stmt, 0);
  node->map_id = sqlite3_column_int64 (stmt, 1);
  node->person_id = sqlite3_column_int64 (stmt, 2);
  node->organization_id = sqlite3_column_int64 (stmt, 3);
  node->name = g_strdup (column_text (stmt, 4));
  node->detail = g_strdup (column_text (stmt, 5));
  node->role = role_from_status (column_text (stmt, 6));
  node->stance = sqlite3_column_int (stmt, 7);
  node->influence = sqlite3_column_int (stmt, 8);
  node->changed_on = g_strdup (column_text (stmt, 9));
  return node;
}

GPtrArray *
coalition_store_list_map_nodes (CoalitionStore  *self,
                                gint64           map_id,
                                const char      *as_of,
                                GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  if (!coalition_store_check_day (as_of, TRUE, error))
    return NULL;
  stmt = prepare (self, NODE_SELECT "ORDER BY coalesce(p.sort_key, o.sort_key), n.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, map_id);
  /* Without a date, the latest row: any date sorts before this. */
  bind_text (stmt, 2, as_of ? as_of : "9999-12-31");
  return coalition_store_collect_rows (self, stmt, node_from_row, (GDestroyNotify)coalition_map_node_free, error);
}

static gpointer
change_from_row (sqlite3_stmt *stmt)
{
  CoalitionMapChange *change = g_new0 (CoalitionMapChange, 1);

  change->node_id = sqlite3_column_int64 (stmt, 0);
  change->date = g_strdup (column_text (stmt, 1));
  change->stance = sqlite3_column_int (stmt, 2);
  change->influence = sqlite3_column_int (stmt, 3);
  change->note = g_strdup (column_text (stmt, 4));
  return change;
}

GPtrArray *
coalition_store_list_map_history (CoalitionStore  *self,
                                  gint64           node_id,
                                  GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  return coalition_store_list_for_id (self, "SELECT node_id, changed_on, stance, influence, note FROM map_node_history "
                                            "WHERE node_id = ? ORDER BY changed_on, id",
                                      node_id, change_from_row, (GDestroyNotify)coalition_map_change_free, error);
}

/* ---------------------------------------------------------------------- */
/* Relationships */

gboolean
coalition_store_add_map_edge (CoalitionStore    *self,
                              CoalitionMapEdge  *edge,
                              GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 map_id, to_map;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (edge != NULL, FALSE);

  if (edge->from_node == edge->to_node)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID, _("A relationship joins two different people or organizations"));
      return FALSE;
    }
  if (!coalition_store_check_text (edge->note, error))
    return FALSE;
  if (!coalition_store_begin (self, error))
    return FALSE;
  map_id = map_of_node (self, edge->from_node, NULL, NULL);
  to_map = map_of_node (self, edge->to_node, NULL, NULL);
  if (map_id == 0 || map_id != to_map)
    g_set_error (&local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                 _("A relationship joins two people or organizations of the same map"));
  else if ((stmt = prepare (self, "INSERT INTO map_edge (map_id, from_node, to_node, kind, strength, directed, note) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)", &local_error)))
    {
      sqlite3_bind_int64 (stmt, 1, map_id);
      sqlite3_bind_int64 (stmt, 2, edge->from_node);
      sqlite3_bind_int64 (stmt, 3, edge->to_node);
      bind_text (stmt, 4, coalition_relationship_kind_to_string (edge->kind));
      sqlite3_bind_int (stmt, 5, CLAMP (edge->strength, 1, 3));
      sqlite3_bind_int (stmt, 6, edge->directed ? 1 : 0);
      bind_text (stmt, 7, edge->note ? edge->note : "");
      if (step_done (self, stmt, &local_error))
        {
          edge->id = coalition_store_last_insert_id (self);
          edge->map_id = map_id;
          touch_map (self, map_id, &local_error);
        }
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    map_id, error);
}

gboolean
coalition_store_update_map_edge (CoalitionStore         *self,
                                 const CoalitionMapEdge *edge,
                                 GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (edge != NULL && edge->id > 0, FALSE);

  if (!coalition_store_check_text (edge->note, error))
    return FALSE;
  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE map_edge SET kind = ?, strength = ?, directed = ?, note = ? WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, coalition_relationship_kind_to_string (edge->kind));
      sqlite3_bind_int (stmt, 2, CLAMP (edge->strength, 1, 3));
      sqlite3_bind_int (stmt, 3, edge->directed ? 1 : 0);
      bind_text (stmt, 4, edge->note ? edge->note : "");
      sqlite3_bind_int64 (stmt, 5, edge->id);
      if (step_done (self, stmt, &local_error))
        touch_map (self, edge->map_id, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    edge->map_id, error);
}

gboolean
coalition_store_remove_map_edge (CoalitionStore  *self,
                                 gint64           edge_id,
                                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 map_id = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM map_edge WHERE id = ? RETURNING map_id", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, edge_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        map_id = sqlite3_column_int64 (stmt, 0);
      step_done (self, stmt, &local_error);
      if (local_error == NULL && map_id > 0)
        touch_map (self, map_id, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_map_changed,
                                    map_id, error);
}

static gpointer
edge_from_row (sqlite3_stmt *stmt)
{
  CoalitionMapEdge *edge = g_new0 (CoalitionMapEdge, 1);

  edge->id = sqlite3_column_int64 (stmt, 0);
  edge->map_id = sqlite3_column_int64 (stmt, 1);
  edge->from_node = sqlite3_column_int64 (stmt, 2);
  edge->to_node = sqlite3_column_int64 (stmt, 3);
  edge->kind = coalition_relationship_kind_from_string (column_text (stmt, 4));
  edge->strength = sqlite3_column_int (stmt, 5);
  edge->directed = sqlite3_column_int (stmt, 6) != 0;
  edge->note = g_strdup (column_text (stmt, 7));
  return edge;
}

GPtrArray *
coalition_store_list_map_edges (CoalitionStore  *self,
                                gint64           map_id,
                                GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  return coalition_store_list_for_id (self, "SELECT id, map_id, from_node, to_node, kind, strength, directed, note FROM map_edge "
                                            "WHERE map_id = ? ORDER BY id",
                                      map_id, edge_from_row, (GDestroyNotify)coalition_map_edge_free, error);
}

/* ---------------------------------------------------------------------- */
/* Reach */

GPtrArray *
coalition_map_reach (GPtrArray *nodes,
                     GPtrArray *edges,
                     gint64     target_id,
                     guint      max_paths)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree GArray **neighbours = NULL;
  g_autofree int *parent = NULL;
  g_autofree int *queue = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  gpointer found;
  guint head = 0, tail = 0;
  int target;

  g_return_val_if_fail (nodes != NULL && edges != NULL, paths);

  for (guint i = 0; i < nodes->len; i++)
    g_hash_table_insert (index, &((CoalitionMapNode *)nodes->pdata[i])->id, GINT_TO_POINTER (i + 1));
  if (!g_hash_table_lookup_extended (index, &target_id, NULL, &found))
    return paths;
  target = GPOINTER_TO_INT (found) - 1;

  /* Adjacency lists by index; a relationship is a channel both ways. */
  neighbours = g_new0 (GArray *, nodes->len);
  for (guint i = 0; i < edges->len; i++)
    {
      CoalitionMapEdge *edge = edges->pdata[i];
      int a = GPOINTER_TO_INT (g_hash_table_lookup (index, &edge->from_node)) - 1;
      int b = GPOINTER_TO_INT (g_hash_table_lookup (index, &edge->to_node)) - 1;

      if (a < 0 || b < 0)
        continue;
      for (int side = 0; side < 2; side++)
        {
          int from = side ? b : a, to = side ? a : b;

          if (neighbours[from] == NULL)
            neighbours[from] = g_array_new (FALSE, FALSE, sizeof (int));
          g_array_append_val (neighbours[from], to);
        }
    }

  /* Breadth first from the target: each node's parent is its next step
   * towards the target, so members come out closest first. */
  parent = g_new (int, nodes->len);
  queue = g_new (int, nodes->len);
  for (guint i = 0; i < nodes->len; i++)
    parent[i] = -2;
  parent[target] = -1;
  queue[tail++] = target;
  while (head < tail && paths->len < max_paths)
    {
      int current = queue[head++];
      CoalitionMapNode *node = nodes->pdata[current];

      if (current != target && node->role == COALITION_MAP_ROLE_MEMBER)
        {
          GArray *path = g_array_new (FALSE, FALSE, sizeof (gint64));

          for (int step = current; step >= 0; step = parent[step])
            g_array_append_val (path, ((CoalitionMapNode *)nodes->pdata[step])->id);
          g_ptr_array_add (paths, path);
        }
      if (neighbours[current] == NULL)
        continue;
      for (guint j = 0; j < neighbours[current]->len; j++)
        {
          int next = g_array_index (neighbours[current], int, j);

          if (parent[next] == -2)
            {
              parent[next] = current;
              queue[tail++] = next;
            }
        }
    }

  for (guint i = 0; i < nodes->len; i++)
    if (neighbours[i] != NULL)
      g_array_unref (neighbours[i]);
  return paths;
}
