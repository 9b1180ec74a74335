/* coalition-power-map.h — power maps in the store: decision makers by stance
 * and influence, the relationships between them, how they moved, and who
 * can reach whom
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-store.h"

G_BEGIN_DECLS

/* Stance runs from −2 (strongly against) to +2 (strongly with us);
 * influence from 0 (none) to 4 (decides). */
#define COALITION_STANCE_MIN    (-2)
#define COALITION_STANCE_MAX    2
#define COALITION_INFLUENCE_MIN 0
#define COALITION_INFLUENCE_MAX 4

/* "Strongly against" … "Strongly with us"; "None" … "Decides". */
const char *coalition_stance_get_label    (int stance);
const char *coalition_influence_get_label (int influence);

typedef enum
{
  COALITION_RELATIONSHIP_INFLUENCES,
  COALITION_RELATIONSHIP_WORKS_FOR,
  COALITION_RELATIONSHIP_MEMBER_OF,
  COALITION_RELATIONSHIP_FUNDS,
  COALITION_RELATIONSHIP_ADVISES,
  COALITION_RELATIONSHIP_SERVES_WITH,
  COALITION_RELATIONSHIP_FAMILY_OR_FRIEND,
  COALITION_RELATIONSHIP_KNOWS,
} CoalitionRelationshipKind;
#define COALITION_RELATIONSHIP_LAST COALITION_RELATIONSHIP_KNOWS

const char                *coalition_relationship_kind_get_label (CoalitionRelationshipKind kind);
/* The same seen from its other end: "Advised by" for "Advises". */
const char                *coalition_relationship_kind_get_inverse_label (CoalitionRelationshipKind kind);
const char                *coalition_relationship_kind_to_string (CoalitionRelationshipKind kind);
CoalitionRelationshipKind  coalition_relationship_kind_from_string (const char *text);

/* The look of a node: a member of the coalition, an ally, a target, or
 * someone else (a prospect, a former member…). */
typedef enum
{
  COALITION_MAP_ROLE_OTHER,
  COALITION_MAP_ROLE_MEMBER,
  COALITION_MAP_ROLE_ALLY,
  COALITION_MAP_ROLE_TARGET,
} CoalitionMapRole;

const char *coalition_map_role_get_label (CoalitionMapRole role);

typedef struct
{
  gint64  id;
  char   *title;
  char   *decision;      /* the decision sought */
  guint   n_nodes;
  guint   n_edges;
  char   *updated_at;    /* UTC ISO 8601 */
} CoalitionPowerMap;

typedef struct
{
  gint64            id;
  gint64            map_id;
  gint64            person_id;        /* 0 for an organization */
  gint64            organization_id;  /* 0 for a person */
  char             *name;
  char             *detail;           /* title and organization, or the organization's sector */
  CoalitionMapRole  role;
  int               stance;
  int               influence;
  char             *changed_on;       /* YYYY-MM-DD of the last move */
} CoalitionMapNode;

typedef struct
{
  gint64                     id;
  gint64                     map_id;
  gint64                     from_node;
  gint64                     to_node;
  CoalitionRelationshipKind  kind;
  int                        strength;   /* 1 weak, 2 moderate, 3 strong */
  gboolean                   directed;   /* drawn as an arrow from from_node to to_node */
  char                      *note;
} CoalitionMapEdge;

typedef struct
{
  gint64  node_id;
  char   *date;       /* YYYY-MM-DD */
  int     stance;
  int     influence;
  char   *note;
} CoalitionMapChange;

void               coalition_power_map_free  (CoalitionPowerMap        *self);
CoalitionMapNode  *coalition_map_node_copy   (const CoalitionMapNode   *self);
void               coalition_map_node_free   (CoalitionMapNode         *self);
CoalitionMapEdge  *coalition_map_edge_new    (gint64                    from_node,
                                              gint64                    to_node,
                                              CoalitionRelationshipKind kind);
CoalitionMapEdge  *coalition_map_edge_copy   (const CoalitionMapEdge   *self);
void               coalition_map_edge_free   (CoalitionMapEdge         *self);
void               coalition_map_change_free (CoalitionMapChange       *self);

/* ---- Maps ---------------------------------------------------------------- */

gint64             coalition_store_create_map   (CoalitionStore  *self,
                                                 const char      *title,
                                                 const char      *decision,
                                                 GError         **error);
gboolean           coalition_store_update_map   (CoalitionStore  *self,
                                                 gint64           map_id,
                                                 const char      *title,
                                                 const char      *decision,
                                                 GError         **error);
gboolean           coalition_store_delete_map   (CoalitionStore  *self,
                                                 gint64           map_id,
                                                 GError         **error);
CoalitionPowerMap *coalition_store_get_map      (CoalitionStore  *self,
                                                 gint64           map_id,
                                                 GError         **error);
/* Every map by title; element type CoalitionPowerMap. */
GPtrArray         *coalition_store_list_maps    (CoalitionStore  *self,
                                                 GError         **error);

/* ---- Nodes --------------------------------------------------------------- */

/* Places a person (@organization_id 0) or an organization (@person_id 0) on
 * the map and records the placement in its history, dated @date
 * (YYYY-MM-DD, NULL for today). Returns the node's id, 0 on error (also when
 * they are on the map already). */
gint64             coalition_store_add_map_node    (CoalitionStore  *self,
                                                    gint64           map_id,
                                                    gint64           person_id,
                                                    gint64           organization_id,
                                                    int              stance,
                                                    int              influence,
                                                    const char      *date,
                                                    GError         **error);
/* Moves a node to another cell and records the move, dated @date (NULL for
 * today), with an optional @note. Moving to where it is records nothing. */
gboolean           coalition_store_move_map_node   (CoalitionStore  *self,
                                                    gint64           node_id,
                                                    int              stance,
                                                    int              influence,
                                                    const char      *date,
                                                    const char      *note,
                                                    GError         **error);
/* Takes a node off its map, with its relationships and the history of its
 * moves. With @kept, sets it to all of that as text for
 * coalition_store_restore_map_node () (free with g_free ()), for Undo. */
gboolean           coalition_store_remove_map_node (CoalitionStore  *self,
                                                    gint64           node_id,
                                                    char           **kept,
                                                    GError         **error);
/* Puts back a node taken off its map, as it was: the same id, its history
 * and its relationships with the nodes still on the map. Fails, changing
 * nothing, when the map or the person or organization has been deleted
 * since, or they are on the map again. Returns the node's id, or 0. */
gint64             coalition_store_restore_map_node (CoalitionStore *self,
                                                     const char     *kept,
                                                     GError        **error);
/* The nodes of a map, by name; as they stood at the end of @as_of
 * (YYYY-MM-DD) when given, without those placed later. Element type
 * CoalitionMapNode. */
GPtrArray         *coalition_store_list_map_nodes  (CoalitionStore  *self,
                                                    gint64           map_id,
                                                    const char      *as_of,
                                                    GError         **error);
/* A node's placements and moves, oldest first; element type
 * CoalitionMapChange. */
GPtrArray         *coalition_store_list_map_history (CoalitionStore *self,
                                                     gint64          node_id,
                                                     GError        **error);

/* ---- Relationships ------------------------------------------------------- */

/* Sets @edge's id and map. */
gboolean           coalition_store_add_map_edge    (CoalitionStore    *self,
                                                    CoalitionMapEdge  *edge,
                                                    GError           **error);
gboolean           coalition_store_update_map_edge (CoalitionStore    *self,
                                                    const CoalitionMapEdge *edge,
                                                    GError           **error);
gboolean           coalition_store_remove_map_edge (CoalitionStore    *self,
                                                    gint64             edge_id,
                                                    GError           **error);
/* Element type CoalitionMapEdge. */
GPtrArray         *coalition_store_list_map_edges  (CoalitionStore    *self,
                                                    gint64             map_id,
                                                    GError           **error);

/* ---- Reach --------------------------------------------------------------- */

/* Who can reach @target_id: for each node that is a member of the coalition
 * and connected to the target, one shortest chain of relationships from it
 * to the target (a relationship is a channel both ways, whatever its
 * direction), shortest first, at most @max_paths. Each element is a GArray
 * of node ids (gint64), the member first and the target last. */
GPtrArray         *coalition_map_reach (GPtrArray *nodes,
                                        GPtrArray *edges,
                                        gint64     target_id,
                                        guint      max_paths);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionPowerMap, coalition_power_map_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionMapNode, coalition_map_node_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionMapEdge, coalition_map_edge_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionMapChange, coalition_map_change_free)

G_END_DECLS
