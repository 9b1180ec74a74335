/* crash-writer.c — edits records until it is killed, reporting each save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Used by test-crash: it picks a person, a meeting or a power-map node at
 * random, changes it through the store (one transaction each, as the window
 * does) and, once the change is committed, prints one line and flushes it:
 *
 *   saved person ID crash N       the person's notes are now "crash N"
 *   saved meeting ID crash N      the meeting's location is now "crash N"
 *   saved node ID crash N         the node moved; its history's note is "crash N"
 *
 * N counts up from FIRST, so a later save of the same record always has a
 * larger number. Whatever it printed must be in the file after a SIGKILL.
 *
 * Usage: crash-writer DATABASE SEED FIRST
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "coalition-core.h"

static GArray *
ids_of (GPtrArray *records,
        gint64   (*get_id) (gpointer record))
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      gint64 id = get_id (records->pdata[i]);
      g_array_append_val (ids, id);
    }

  return ids;
}

static gint64
meeting_id (gpointer record)
{
  return coalition_meeting_get_id (record);
}

static gint64
node_id (gpointer record)
{
  return ((CoalitionMapNode *)record)->id;
}

static gint64
pick (GRand  *rand,
      GArray *ids)
{
  return g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
}

static gboolean
edit_person (CoalitionStore  *store,
             gint64           id,
             const char      *value,
             GError         **error)
{
  g_autoptr(CoalitionPerson) person = coalition_store_get_person (store, id, error);

  if (person == NULL)
    return FALSE;
  coalition_person_set_notes (person, value);
  return coalition_store_update_person (store, person, error);
}

static gboolean
edit_meeting (CoalitionStore  *store,
              gint64           id,
              const char      *value,
              GError         **error)
{
  g_autoptr(CoalitionMeeting) meeting = coalition_store_get_meeting (store, id, error);

  if (meeting == NULL)
    return FALSE;
  coalition_meeting_set_location (meeting, value);
  return coalition_store_update_meeting (store, meeting, error);
}

/* Moves the node to another cell, so that the move is recorded. */
static gboolean
edit_node (CoalitionStore  *store,
           GRand           *rand,
           gint64           map_id,
           gint64           id,
           const char      *value,
           GError         **error)
{
  g_autoptr(GPtrArray) nodes = coalition_store_list_map_nodes (store, map_id, NULL, error);
  int stance = 0, influence = 0;

  if (nodes == NULL)
    return FALSE;
  for (guint i = 0; i < nodes->len; i++)
    if (((CoalitionMapNode *)nodes->pdata[i])->id == id)
      {
        stance = ((CoalitionMapNode *)nodes->pdata[i])->stance;
        influence = ((CoalitionMapNode *)nodes->pdata[i])->influence;
      }
  stance = (stance + 2 + g_rand_int_range (rand, 1, 5)) % 5 - 2;
  influence = (influence + g_rand_int_range (rand, 0, 5)) % 5;

  return coalition_store_move_map_node (store, id, stance, influence, NULL, value, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GArray) meetings = NULL;
  g_autoptr(GArray) nodes = NULL;
  g_autoptr(GPtrArray) meeting_list = NULL;
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(GPtrArray) node_list = NULL;
  gint64 map_id = 0;
  guint64 counter;

  if (argc != 4)
    {
      fprintf (stderr, "usage: crash-writer DATABASE SEED FIRST\n");
      return 2;
    }

  rand = g_rand_new_with_seed (strtoul (argv[2], NULL, 10));
  counter = g_ascii_strtoull (argv[3], NULL, 10);

  store = coalition_store_open (argv[1], &error);
  if (store == NULL)
    {
      fprintf (stderr, "crash-writer: %s\n", error->message);
      return 1;
    }

  people = coalition_store_find_people (store, NULL, &error);
  meeting_list = coalition_store_list_meetings (store, &error);
  maps = coalition_store_list_maps (store, &error);
  if (people == NULL || meeting_list == NULL || maps == NULL)
    {
      fprintf (stderr, "crash-writer: %s\n", error->message);
      return 1;
    }
  if (maps->len > 0)
    {
      map_id = ((CoalitionPowerMap *)maps->pdata[0])->id;
      node_list = coalition_store_list_map_nodes (store, map_id, NULL, NULL);
    }
  meetings = ids_of (meeting_list, meeting_id);
  nodes = ids_of (node_list, node_id);
  if (people->len == 0 || meetings->len == 0 || nodes->len == 0)
    {
      fprintf (stderr, "crash-writer: the database needs people, meetings and a power map with nodes\n");
      return 1;
    }

  for (;; counter++)
    {
      g_autofree char *value = g_strdup_printf ("crash %" G_GUINT64_FORMAT, counter);
      const char *kind;
      gint64 id;
      gboolean saved;

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          kind = "person";
          id = pick (rand, people);
          saved = edit_person (store, id, value, &error);
          break;
        case 1:
          kind = "meeting";
          id = pick (rand, meetings);
          saved = edit_meeting (store, id, value, &error);
          break;
        default:
          kind = "node";
          id = pick (rand, nodes);
          saved = edit_node (store, rand, map_id, id, value, &error);
          break;
        }

      if (saved)
        {
          printf ("saved %s %" G_GINT64_FORMAT " %s\n", kind, id, value);
          fflush (stdout);
        }
      else if (g_error_matches (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_LOCKED))
        g_clear_error (&error);   /* an import holds the file: try another edit */
      else
        {
          fprintf (stderr, "crash-writer: %s\n", error->message);
          return 1;
        }
    }
}
