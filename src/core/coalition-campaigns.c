/* coalition-campaigns.c — campaigns in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates of benchmarks, wins, letters and signatures are days (YYYY-MM-DD),
 * compared as text. What a benchmark shows is computed from its due date on
 * the day it is shown: one not met whose day has passed is missed.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "coalition-campaigns.h"
#include "coalition-meetings.h"
#include "coalition-organization.h"
#include "coalition-store-private.h"

#define prepare coalition_store_prepare
#define step_done coalition_store_step_done
#define bind_text coalition_store_bind_text
#define column_text coalition_store_column_text

#define DUE_SOON_DAYS 14

/* ---------------------------------------------------------------------- */
/* Labels */

const char *
coalition_goal_term_get_label (CoalitionGoalTerm term)
{
  return term == COALITION_GOAL_LONG_TERM ? _("Long-term") : _("Short-term");
}

static const struct
{
  const char *id;
  const char *label;
} benchmark_statuses[] = {
  [COALITION_BENCHMARK_NOT_STARTED] = { "not-started", N_("Not started") },
  [COALITION_BENCHMARK_ON_TRACK] = { "on-track", N_("On track") },
  [COALITION_BENCHMARK_AT_RISK] = { "at-risk", N_("At risk") },
  [COALITION_BENCHMARK_MET] = { "met", N_("Met") },
  [COALITION_BENCHMARK_MISSED] = { "missed", N_("Missed") },
};

const char *
coalition_benchmark_status_get_label (CoalitionBenchmarkStatus status)
{
  return _(benchmark_statuses[CLAMP ((int)status, 0, COALITION_BENCHMARK_STATUS_LAST)].label);
}

const char *
coalition_benchmark_status_to_string (CoalitionBenchmarkStatus status)
{
  return benchmark_statuses[CLAMP ((int)status, 0, COALITION_BENCHMARK_STATUS_LAST)].id;
}

CoalitionBenchmarkStatus
coalition_benchmark_status_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (benchmark_statuses); i++)
    if (g_strcmp0 (benchmark_statuses[i].id, text) == 0)
      return i;
  return COALITION_BENCHMARK_NOT_STARTED;
}

static const char * const letter_statuses[] = { "drafting", "collecting", "sent" };

const char *
coalition_letter_status_get_label (CoalitionLetterStatus status)
{
  switch (status)
    {
    case COALITION_LETTER_COLLECTING: return _("Collecting signatures");
    case COALITION_LETTER_SENT: return _("Sent");
    case COALITION_LETTER_DRAFTING:
    default: return _("Drafting");
    }
}

static CoalitionLetterStatus
letter_status_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (letter_statuses); i++)
    if (g_strcmp0 (letter_statuses[i], text) == 0)
      return i;
  return COALITION_LETTER_DRAFTING;
}

/* ---------------------------------------------------------------------- */
/* Dates */

CoalitionBenchmarkStatus
coalition_benchmark_get_effective_status (const CoalitionBenchmark *self,
                                          const char               *today_text)
{
  g_autofree char *now = today_text ? NULL : coalition_store_today ();

  if (self->status == COALITION_BENCHMARK_MET || self->due == NULL || *self->due == '\0')
    return self->status;
  if (strcmp (self->due, today_text ? today_text : now) < 0)
    return COALITION_BENCHMARK_MISSED;
  return self->status;
}

gboolean
coalition_benchmark_is_due_soon (const CoalitionBenchmark *self,
                                 const char               *today_text)
{
  g_autofree char *now = today_text ? NULL : coalition_store_today ();
  GDate day, due;

  if (self->status == COALITION_BENCHMARK_MET || self->status == COALITION_BENCHMARK_MISSED
      || !coalition_store_parse_day (today_text ? today_text : now, &day)
      || !coalition_store_parse_day (self->due, &due))
    return FALSE;
  return g_date_days_between (&day, &due) >= 0 && g_date_days_between (&day, &due) <= DUE_SOON_DAYS;
}

/* ---------------------------------------------------------------------- */
/* Records */

void
coalition_campaign_free (CoalitionCampaign *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->objectives);
  g_clear_pointer (&self->map_ids, g_array_unref);
  g_free (self);
}

void
coalition_goal_free (CoalitionGoal *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self);
}

CoalitionBenchmark *
coalition_benchmark_new (const char *title,
                         const char *due)
{
  CoalitionBenchmark *self = g_new0 (CoalitionBenchmark, 1);

  self->title = g_strdup (title ? title : "");
  self->due = g_strdup (due ? due : "");
  self->owner_name = g_strdup ("");
  return self;
}

void
coalition_benchmark_free (CoalitionBenchmark *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->due);
  g_free (self->owner_name);
  g_free (self);
}

CoalitionWin *
coalition_win_new (const char *date,
                   const char *title)
{
  CoalitionWin *self = g_new0 (CoalitionWin, 1);

  self->date = g_strdup (date ? date : "");
  self->title = g_strdup (title ? title : "");
  self->description = g_strdup ("");
  self->goal_title = g_strdup ("");
  self->campaign_name = g_strdup ("");
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->organization_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->contributors = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
coalition_win_free (CoalitionWin *self)
{
  if (self == NULL)
    return;
  g_free (self->date);
  g_free (self->title);
  g_free (self->description);
  g_free (self->goal_title);
  g_free (self->campaign_name);
  g_array_unref (self->person_ids);
  g_array_unref (self->organization_ids);
  g_ptr_array_unref (self->contributors);
  g_free (self);
}

CoalitionLetter *
coalition_letter_new (const char *title)
{
  CoalitionLetter *self = g_new0 (CoalitionLetter, 1);

  self->title = g_strdup (title ? title : "");
  self->body = g_strdup ("");
  self->addressee_name = g_strdup ("");
  self->addressee_title = g_strdup ("");
  self->deadline = g_strdup ("");
  self->sent_on = g_strdup ("");
  return self;
}

void
coalition_letter_free (CoalitionLetter *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_free (self->body);
  g_free (self->addressee_name);
  g_free (self->addressee_title);
  g_free (self->deadline);
  g_free (self->sent_on);
  g_free (self);
}

void
coalition_signatory_free (CoalitionSignatory *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->signed_by);
  g_free (self->signed_on);
  g_free (self);
}

/* ---------------------------------------------------------------------- */
/* Writing */

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

static gint64
campaign_of (CoalitionStore *self,
             const char     *sql,
             gint64          id)
{
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  gint64 campaign_id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    campaign_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return campaign_id;
}

/* ---------------------------------------------------------------------- */
/* Campaigns */

gint64
coalition_store_create_campaign (CoalitionStore  *self,
                                 const char      *name,
                                 const char      *objectives,
                                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = coalition_store_now_utc ();
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), 0);

  if (!coalition_store_check_title (name, _("A campaign needs a name"), error) ||
      !coalition_store_check_text (objectives, error))
    return 0;
  if (!coalition_store_begin (self, error))
    return 0;
  stmt = prepare (self, "INSERT INTO campaign (name, objectives, created_at, updated_at) VALUES (?, ?, ?, ?)",
                  &local_error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, stripped);
      bind_text (stmt, 2, objectives ? objectives : "");
      bind_text (stmt, 3, now);
      bind_text (stmt, 4, now);
      if (step_done (self, stmt, &local_error))
        id = coalition_store_last_insert_id (self);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    id, error) ? id : 0;
}

gboolean
coalition_store_update_campaign (CoalitionStore  *self,
                                 gint64           campaign_id,
                                 const char      *name,
                                 const char      *objectives,
                                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = coalition_store_now_utc ();
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_check_title (name, _("A campaign needs a name"), error) ||
      !coalition_store_check_text (objectives, error))
    return FALSE;
  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE campaign SET name = ?, objectives = ?, updated_at = ? WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, stripped);
      bind_text (stmt, 2, objectives ? objectives : "");
      bind_text (stmt, 3, now);
      sqlite3_bind_int64 (stmt, 4, campaign_id);
      step_done (self, stmt, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    campaign_id, error);
}

gboolean
coalition_store_delete_campaign (CoalitionStore  *self,
                                 gint64           campaign_id,
                                 GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  return coalition_store_write_by_id (self, "DELETE FROM campaign WHERE id = ?", campaign_id,
                                      coalition_store_queue_campaign_changed, campaign_id, error);
}

gboolean
coalition_store_set_campaign_maps (CoalitionStore  *self,
                                   gint64           campaign_id,
                                   GArray          *map_ids,
                                   GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM campaign_map WHERE campaign_id = ?", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      step_done (self, stmt, &local_error);
    }
  for (guint i = 0; local_error == NULL && map_ids != NULL && i < map_ids->len; i++)
    {
      stmt = prepare (self, "INSERT OR IGNORE INTO campaign_map (campaign_id, map_id) VALUES (?, ?)", &local_error);
      if (stmt == NULL)
        break;
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (map_ids, gint64, i));
      step_done (self, stmt, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    campaign_id, error);
}

static gpointer
campaign_from_row (sqlite3_stmt *stmt)
{
  CoalitionCampaign *campaign = g_new0 (CoalitionCampaign, 1);

  campaign->id = sqlite3_column_int64 (stmt, 0);
  campaign->name = g_strdup (column_text (stmt, 1));
  campaign->objectives = g_strdup (column_text (stmt, 2));
  campaign->map_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return campaign;
}

/* The maps and the counts at a glance, which depend on today. */
static gboolean
complete_campaign (CoalitionStore     *self,
                   CoalitionCampaign  *campaign,
                   const char         *day,
                   GError            **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT map_id FROM campaign_map WHERE campaign_id = ? ORDER BY map_id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 map_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (campaign->map_ids, map_id);
    }
  sqlite3_reset (stmt);

  stmt = prepare (self, "SELECT b.due, b.status FROM benchmark b JOIN goal g ON g.id = b.goal_id "
                        "WHERE g.campaign_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CoalitionBenchmark benchmark = { 0 };
      CoalitionBenchmarkStatus status;

      benchmark.due = (char *)column_text (stmt, 0);
      benchmark.status = coalition_benchmark_status_from_string (column_text (stmt, 1));
      status = coalition_benchmark_get_effective_status (&benchmark, day);
      campaign->n_benchmarks++;
      campaign->n_met += status == COALITION_BENCHMARK_MET;
      campaign->n_overdue += status == COALITION_BENCHMARK_MISSED;
      campaign->n_due_soon += coalition_benchmark_is_due_soon (&benchmark, day);
    }
  sqlite3_reset (stmt);

  stmt = prepare (self, "SELECT count(*) FROM win WHERE campaign_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, campaign->id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    campaign->n_wins = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

GPtrArray *
coalition_store_list_campaigns (CoalitionStore  *self,
                                GError         **error)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autofree char *day = coalition_store_today ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT id, name, objectives FROM campaign ORDER BY name COLLATE NOCASE, id", error);
  if (stmt == NULL)
    return NULL;
  campaigns = coalition_store_collect_rows (self, stmt, campaign_from_row, (GDestroyNotify)coalition_campaign_free,
                                            error);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    if (!complete_campaign (self, campaigns->pdata[i], day, error))
      return NULL;
  return g_steal_pointer (&campaigns);
}

CoalitionCampaign *
coalition_store_get_campaign (CoalitionStore  *self,
                              gint64           campaign_id,
                              GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *day = coalition_store_today ();

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  rows = coalition_store_list_for_id (self, "SELECT id, name, objectives FROM campaign WHERE id = ?", campaign_id,
                                      campaign_from_row, (GDestroyNotify)coalition_campaign_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                   _("There is no campaign %lld"), (long long)campaign_id);
      return NULL;
    }
  if (!complete_campaign (self, rows->pdata[0], day, error))
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

/* ---------------------------------------------------------------------- */
/* Goals */

gint64
coalition_store_add_goal (CoalitionStore    *self,
                          gint64             campaign_id,
                          const char        *title,
                          CoalitionGoalTerm  term,
                          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (title ? title : ""));
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), 0);

  if (!coalition_store_check_title (title, _("A goal needs a title"), error))
    return 0;
  if (!coalition_store_begin (self, error))
    return 0;
  stmt = prepare (self, "INSERT INTO goal (campaign_id, title, term) VALUES (?, ?, ?)", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, campaign_id);
      bind_text (stmt, 2, stripped);
      bind_text (stmt, 3, term == COALITION_GOAL_LONG_TERM ? "long" : "short");
      if (step_done (self, stmt, &local_error))
        id = coalition_store_last_insert_id (self);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    campaign_id, error) ? id : 0;
}

gboolean
coalition_store_update_goal (CoalitionStore    *self,
                             gint64             goal_id,
                             const char        *title,
                             CoalitionGoalTerm  term,
                             GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (title ? title : ""));
  sqlite3_stmt *stmt;
  gint64 campaign_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_check_title (title, _("A goal needs a title"), error))
    return FALSE;
  if (!coalition_store_begin (self, error))
    return FALSE;
  campaign_id = campaign_of (self, "SELECT campaign_id FROM goal WHERE id = ?", goal_id);
  stmt = prepare (self, "UPDATE goal SET title = ?, term = ? WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, stripped);
      bind_text (stmt, 2, term == COALITION_GOAL_LONG_TERM ? "long" : "short");
      sqlite3_bind_int64 (stmt, 3, goal_id);
      step_done (self, stmt, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    campaign_id, error);
}

gboolean
coalition_store_delete_goal (CoalitionStore  *self,
                             gint64           goal_id,
                             GError         **error)
{
  gint64 campaign_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  campaign_id = campaign_of (self, "SELECT campaign_id FROM goal WHERE id = ?", goal_id);
  return coalition_store_write_by_id (self, "DELETE FROM goal WHERE id = ?", goal_id,
                                      coalition_store_queue_campaign_changed, campaign_id, error);
}

static gpointer
goal_from_row (sqlite3_stmt *stmt)
{
  CoalitionGoal *goal = g_new0 (CoalitionGoal, 1);

  goal->id = sqlite3_column_int64 (stmt, 0);
  goal->campaign_id = sqlite3_column_int64 (stmt, 1);
  goal->title = g_strdup (column_text (stmt, 2));
  goal->term = g_str_equal (column_text (stmt, 3), "long") ? COALITION_GOAL_LONG_TERM : COALITION_GOAL_SHORT_TERM;
  return goal;
}

GPtrArray *
coalition_store_list_goals (CoalitionStore  *self,
                            gint64           campaign_id,
                            GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  return coalition_store_list_for_id (self, "SELECT id, campaign_id, title, term FROM goal WHERE campaign_id = ? "
                                            "ORDER BY term = 'long', id",
                                      campaign_id, goal_from_row, (GDestroyNotify)coalition_goal_free, error);
}

/* ---------------------------------------------------------------------- */
/* Benchmarks */

static gboolean
check_benchmark (const CoalitionBenchmark  *benchmark,
                 GError                   **error)
{
  return coalition_store_check_title (benchmark->title, _("A benchmark needs to say what is to be done"), error)
         && coalition_store_check_day (benchmark->due, TRUE, error);
}

static void
bind_benchmark (sqlite3_stmt             *stmt,
                const CoalitionBenchmark *benchmark)
{
  g_autofree char *stripped = g_strstrip (g_strdup (benchmark->title));

  bind_text (stmt, 1, stripped);
  bind_text (stmt, 2, benchmark->due ? benchmark->due : "");
  bind_text (stmt, 3, coalition_benchmark_status_to_string (benchmark->status));
  /* Owners who have left the directory since are no owners. */
  bind_id_or_null (stmt, 4, benchmark->owner_person_id);
  bind_id_or_null (stmt, 5, benchmark->owner_group_id);
}

gboolean
coalition_store_add_benchmark (CoalitionStore      *self,
                               gint64               goal_id,
                               CoalitionBenchmark  *benchmark,
                               GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 campaign_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (benchmark != NULL, FALSE);

  if (!check_benchmark (benchmark, error))
    return FALSE;
  if (!coalition_store_begin (self, error))
    return FALSE;
  campaign_id = campaign_of (self, "SELECT campaign_id FROM goal WHERE id = ?", goal_id);
  stmt = prepare (self, "INSERT INTO benchmark (title, due, status, owner_person_id, owner_group_id, goal_id) "
                        "VALUES (?, ?, ?, (SELECT id FROM person WHERE id = ?), "
                        "(SELECT id FROM coalition_group WHERE id = ?), ?)", &local_error);
  if (stmt != NULL)
    {
      bind_benchmark (stmt, benchmark);
      sqlite3_bind_int64 (stmt, 6, goal_id);
      if (step_done (self, stmt, &local_error))
        {
          benchmark->id = coalition_store_last_insert_id (self);
          benchmark->goal_id = goal_id;
        }
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    campaign_id, error);
}

gboolean
coalition_store_update_benchmark (CoalitionStore            *self,
                                  const CoalitionBenchmark  *benchmark,
                                  GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 campaign_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (benchmark != NULL && benchmark->id > 0, FALSE);

  if (!check_benchmark (benchmark, error))
    return FALSE;
  if (!coalition_store_begin (self, error))
    return FALSE;
  campaign_id = campaign_of (self, "SELECT g.campaign_id FROM benchmark b JOIN goal g ON g.id = b.goal_id "
                                   "WHERE b.id = ?", benchmark->id);
  stmt = prepare (self, "UPDATE benchmark SET title = ?, due = ?, status = ?, "
                        "owner_person_id = (SELECT id FROM person WHERE id = ?), "
                        "owner_group_id = (SELECT id FROM coalition_group WHERE id = ?) WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      bind_benchmark (stmt, benchmark);
      sqlite3_bind_int64 (stmt, 6, benchmark->id);
      step_done (self, stmt, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    campaign_id, error);
}

gboolean
coalition_store_delete_benchmark (CoalitionStore  *self,
                                  gint64           benchmark_id,
                                  GError         **error)
{
  gint64 campaign_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  campaign_id = campaign_of (self, "SELECT g.campaign_id FROM benchmark b JOIN goal g ON g.id = b.goal_id "
                                   "WHERE b.id = ?", benchmark_id);
  return coalition_store_write_by_id (self, "DELETE FROM benchmark WHERE id = ?", benchmark_id,
                                      coalition_store_queue_campaign_changed, campaign_id, error);
}

static gpointer
benchmark_from_row (sqlite3_stmt *stmt)
{
  CoalitionBenchmark *benchmark = coalition_benchmark_new (column_text (stmt, 2), column_text (stmt, 3));

  benchmark->id = sqlite3_column_int64 (stmt, 0);
  benchmark->goal_id = sqlite3_column_int64 (stmt, 1);
  benchmark->status = coalition_benchmark_status_from_string (column_text (stmt, 4));
  benchmark->owner_person_id = sqlite3_column_int64 (stmt, 5);
  benchmark->owner_group_id = sqlite3_column_int64 (stmt, 6);
  g_free (benchmark->owner_name);
  benchmark->owner_name = g_strdup (column_text (stmt, 7));
  return benchmark;
}

GPtrArray *
coalition_store_list_benchmarks (CoalitionStore  *self,
                                 gint64           goal_id,
                                 GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  return coalition_store_list_for_id (self, "SELECT b.id, b.goal_id, b.title, b.due, b.status, "
                                            "coalesce(b.owner_person_id, 0), coalesce(b.owner_group_id, 0), "
                                            "coalesce(p.display_name, g.name, '') FROM benchmark b "
                                            "LEFT JOIN person p ON p.id = b.owner_person_id "
                                            "LEFT JOIN coalition_group g ON g.id = b.owner_group_id "
                                            "WHERE b.goal_id = ? ORDER BY b.due = '', b.due, b.id",
                                      goal_id, benchmark_from_row, (GDestroyNotify)coalition_benchmark_free, error);
}

/* ---------------------------------------------------------------------- */
/* Wins */

static gboolean
check_win (const CoalitionWin  *win,
           GError             **error)
{
  GDate date;

  if (!coalition_store_check_title (win->title, _("A win needs to say what changed"), error)
      || !coalition_store_check_text (win->description, error))
    return FALSE;
  if (!coalition_store_parse_day (win->date, &date))
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                   _("A win needs its date, as YYYY-MM-DD"));
      return FALSE;
    }
  return TRUE;
}

static void
write_credit (CoalitionStore      *self,
              const CoalitionWin  *win,
              GError             **error)
{
  sqlite3_stmt *stmt = prepare (self, "DELETE FROM win_credit WHERE win_id = ?", error);

  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, win->id);
  if (!step_done (self, stmt, error))
    return;
  for (int side = 0; side < 2; side++)
    {
      GArray *ids = side == 0 ? win->organization_ids : win->person_ids;

      for (guint i = 0; ids != NULL && i < ids->len; i++)
        {
          stmt = prepare (self, side == 0 ? "INSERT INTO win_credit (win_id, organization_id) VALUES (?, ?)"
                                          : "INSERT INTO win_credit (win_id, person_id) VALUES (?, ?)", error);
          if (stmt == NULL)
            return;
          sqlite3_bind_int64 (stmt, 1, win->id);
          sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
          if (!step_done (self, stmt, error))
            return;
        }
    }
}

gboolean
coalition_store_add_win (CoalitionStore  *self,
                         CoalitionWin    *win,
                         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (win != NULL, FALSE);

  if (!check_win (win, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (win->title));
  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "INSERT INTO win (campaign_id, goal_id, won_on, title, description) "
                        "VALUES (?, (SELECT id FROM goal WHERE id = ? AND campaign_id = ?1), ?, ?, ?)", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, win->campaign_id);
      sqlite3_bind_int64 (stmt, 2, win->goal_id);
      bind_text (stmt, 3, win->date);
      bind_text (stmt, 4, stripped);
      bind_text (stmt, 5, win->description ? win->description : "");
      if (step_done (self, stmt, &local_error))
        {
          win->id = coalition_store_last_insert_id (self);
          write_credit (self, win, &local_error);
        }
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    win->campaign_id, error);
}

gboolean
coalition_store_update_win (CoalitionStore      *self,
                            const CoalitionWin  *win,
                            GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (win != NULL && win->id > 0, FALSE);

  if (!check_win (win, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (win->title));
  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE win SET goal_id = (SELECT id FROM goal WHERE id = ? AND campaign_id = win.campaign_id), "
                        "won_on = ?, title = ?, description = ? WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, win->goal_id);
      bind_text (stmt, 2, win->date);
      bind_text (stmt, 3, stripped);
      bind_text (stmt, 4, win->description ? win->description : "");
      sqlite3_bind_int64 (stmt, 5, win->id);
      if (step_done (self, stmt, &local_error))
        write_credit (self, win, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    win->campaign_id, error);
}

gboolean
coalition_store_delete_win (CoalitionStore  *self,
                            gint64           win_id,
                            GError         **error)
{
  gint64 campaign_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  campaign_id = campaign_of (self, "SELECT campaign_id FROM win WHERE id = ?", win_id);
  return coalition_store_write_by_id (self, "DELETE FROM win WHERE id = ?", win_id,
                                      coalition_store_queue_campaign_changed, campaign_id, error);
}

static gpointer
win_from_row (sqlite3_stmt *stmt)
{
  CoalitionWin *win = coalition_win_new (column_text (stmt, 3), column_text (stmt, 4));

  win->id = sqlite3_column_int64 (stmt, 0);
  win->campaign_id = sqlite3_column_int64 (stmt, 1);
  win->goal_id = sqlite3_column_int64 (stmt, 2);
  g_free (win->description);
  win->description = g_strdup (column_text (stmt, 5));
  g_free (win->goal_title);
  win->goal_title = g_strdup (column_text (stmt, 6));
  g_free (win->campaign_name);
  win->campaign_name = g_strdup (column_text (stmt, 7));
  return win;
}

GPtrArray *
coalition_store_list_wins (CoalitionStore  *self,
                           gint64           campaign_id,
                           const char      *from,
                           const char      *to,
                           GError         **error)
{
  g_autoptr(GPtrArray) wins = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT w.id, w.campaign_id, coalesce(w.goal_id, 0), w.won_on, w.title, w.description, "
                        "coalesce(g.title, ''), c.name FROM win w JOIN campaign c ON c.id = w.campaign_id "
                        "LEFT JOIN goal g ON g.id = w.goal_id "
                        "WHERE (?1 = 0 OR w.campaign_id = ?1) AND w.won_on >= ?2 AND w.won_on <= ?3 "
                        "ORDER BY w.won_on DESC, w.id DESC", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, campaign_id);
  bind_text (stmt, 2, from ? from : "");
  bind_text (stmt, 3, to ? to : "9999-12-31");
  wins = coalition_store_collect_rows (self, stmt, win_from_row, (GDestroyNotify)coalition_win_free, error);
  if (wins == NULL)
    return NULL;

  /* The credit: organizations first, then people, each by name. */
  stmt = prepare (self, "SELECT coalesce(c.organization_id, 0), coalesce(c.person_id, 0), coalesce(o.name, p.display_name) "
                        "FROM win_credit c LEFT JOIN organization o ON o.id = c.organization_id "
                        "LEFT JOIN person p ON p.id = c.person_id WHERE c.win_id = ? "
                        "ORDER BY c.organization_id IS NULL, coalesce(o.sort_key, p.sort_key)", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < wins->len; i++)
    {
      CoalitionWin *win = wins->pdata[i];
      int rc;

      sqlite3_bind_int64 (stmt, 1, win->id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 organization_id = sqlite3_column_int64 (stmt, 0);
          gint64 person_id = sqlite3_column_int64 (stmt, 1);

          if (organization_id > 0)
            g_array_append_val (win->organization_ids, organization_id);
          else
            g_array_append_val (win->person_ids, person_id);
          g_ptr_array_add (win->contributors, g_strdup (column_text (stmt, 2)));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          coalition_store_set_error (self, error, rc);
          return NULL;
        }
    }
  return g_steal_pointer (&wins);
}

/* ---------------------------------------------------------------------- */
/* Letters */

static gboolean
check_letter (const CoalitionLetter  *letter,
              GError                **error)
{
  return coalition_store_check_title (letter->title, _("A sign-on letter needs a title"), error)
         && coalition_store_check_text (letter->body, error) && coalition_store_check_day (letter->deadline, TRUE, error)
         && coalition_store_check_day (letter->sent_on, TRUE, error);
}

gboolean
coalition_store_add_letter (CoalitionStore   *self,
                            CoalitionLetter  *letter,
                            GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = coalition_store_now_utc ();
  g_autofree char *stripped = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (letter != NULL, FALSE);

  if (!check_letter (letter, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (letter->title));
  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "INSERT INTO letter (campaign_id, title, body, addressee_id, deadline, status, sent_on, "
                        "created_at, updated_at) VALUES ((SELECT id FROM campaign WHERE id = ?), ?, ?, "
                        "(SELECT id FROM person WHERE id = ?), ?, ?, ?, ?, ?)", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, letter->campaign_id);
      bind_text (stmt, 2, stripped);
      bind_text (stmt, 3, letter->body ? letter->body : "");
      sqlite3_bind_int64 (stmt, 4, letter->addressee_id);
      bind_text (stmt, 5, letter->deadline ? letter->deadline : "");
      bind_text (stmt, 6, letter_statuses[CLAMP ((int)letter->status, 0, COALITION_LETTER_STATUS_LAST)]);
      bind_text (stmt, 7, letter->sent_on ? letter->sent_on : "");
      bind_text (stmt, 8, now);
      bind_text (stmt, 9, now);
      if (step_done (self, stmt, &local_error))
        letter->id = coalition_store_last_insert_id (self);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    letter->campaign_id, error);
}

gboolean
coalition_store_update_letter (CoalitionStore         *self,
                               const CoalitionLetter  *letter,
                               GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = coalition_store_now_utc ();
  g_autofree char *day = coalition_store_today ();
  g_autofree char *stripped = NULL;
  const char *sent_on;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (letter != NULL && letter->id > 0, FALSE);

  if (!check_letter (letter, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (letter->title));
  /* Sent today, unless it says when. */
  sent_on = letter->status != COALITION_LETTER_SENT ? ""
            : letter->sent_on != NULL && *letter->sent_on != '\0' ? letter->sent_on : day;
  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "UPDATE letter SET campaign_id = (SELECT id FROM campaign WHERE id = ?), title = ?, body = ?, "
                        "addressee_id = (SELECT id FROM person WHERE id = ?), deadline = ?, status = ?, sent_on = ?, "
                        "updated_at = ? WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, letter->campaign_id);
      bind_text (stmt, 2, stripped);
      bind_text (stmt, 3, letter->body ? letter->body : "");
      sqlite3_bind_int64 (stmt, 4, letter->addressee_id);
      bind_text (stmt, 5, letter->deadline ? letter->deadline : "");
      bind_text (stmt, 6, letter_statuses[CLAMP ((int)letter->status, 0, COALITION_LETTER_STATUS_LAST)]);
      bind_text (stmt, 7, sent_on);
      bind_text (stmt, 8, now);
      sqlite3_bind_int64 (stmt, 9, letter->id);
      step_done (self, stmt, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    letter->campaign_id, error);
}

gboolean
coalition_store_delete_letter (CoalitionStore  *self,
                               gint64           letter_id,
                               GError         **error)
{
  gint64 campaign_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  campaign_id = campaign_of (self, "SELECT coalesce(campaign_id, 0) FROM letter WHERE id = ?", letter_id);
  return coalition_store_write_by_id (self, "DELETE FROM letter WHERE id = ?", letter_id,
                                      coalition_store_queue_campaign_changed, campaign_id, error);
}

#define LETTER_SELECT \
  "SELECT l.id, coalesce(l.campaign_id, 0), l.title, l.body, coalesce(l.addressee_id, 0), " \
  "coalesce(p.display_name, ''), coalesce(p.title, ''), l.deadline, l.status, l.sent_on, " \
  "(SELECT count(*) FROM signatory WHERE letter_id = l.id) FROM letter l " \
  "LEFT JOIN person p ON p.id = l.addressee_id "

static gpointer
letter_from_row (sqlite3_stmt *stmt)
{
  CoalitionLetter *letter = coalition_letter_new (column_text (stmt, 2));

  letter->id = sqlite3_column_int64 (stmt, 0);
  letter->campaign_id = sqlite3_column_int64 (stmt, 1);
  g_free (letter->body);
  letter->body = g_strdup (column_text (stmt, 3));
  letter->addressee_id = sqlite3_column_int64 (stmt, 4);
  g_free (letter->addressee_name);
  letter->addressee_name = g_strdup (column_text (stmt, 5));
  g_free (letter->addressee_title);
  letter->addressee_title = g_strdup (column_text (stmt, 6));
  g_free (letter->deadline);
  letter->deadline = g_strdup (column_text (stmt, 7));
  letter->status = letter_status_from_string (column_text (stmt, 8));
  g_free (letter->sent_on);
  letter->sent_on = g_strdup (column_text (stmt, 9));
  letter->n_signatories = sqlite3_column_int (stmt, 10);
  return letter;
}

CoalitionLetter *
coalition_store_get_letter (CoalitionStore  *self,
                            gint64           letter_id,
                            GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  rows = coalition_store_list_for_id (self, LETTER_SELECT "WHERE l.id = ?", letter_id, letter_from_row,
                                      (GDestroyNotify)coalition_letter_free, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                   _("There is no sign-on letter %lld"), (long long)letter_id);
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

GPtrArray *
coalition_store_list_letters (CoalitionStore  *self,
                              gint64           campaign_id,
                              GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  return coalition_store_list_for_id (self, LETTER_SELECT "WHERE (?1 = 0 OR l.campaign_id = ?1) "
                                                          "ORDER BY l.status = 'sent', l.deadline = '', l.deadline, l.id",
                                      campaign_id, letter_from_row, (GDestroyNotify)coalition_letter_free, error);
}

/* ---------------------------------------------------------------------- */
/* Signatories */

gint64
coalition_store_add_signatory (CoalitionStore  *self,
                               gint64           letter_id,
                               gint64           organization_id,
                               gint64           person_id,
                               const char      *signed_by,
                               const char      *signed_on,
                               GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *day = coalition_store_today ();
  sqlite3_stmt *stmt;
  gint64 campaign_id, id = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), 0);
  g_return_val_if_fail ((organization_id > 0) != (person_id > 0), 0);

  if (!coalition_store_check_text (signed_by, error) || !coalition_store_check_day (signed_on, TRUE, error))
    return 0;
  if (!coalition_store_begin (self, error))
    return 0;
  campaign_id = campaign_of (self, "SELECT coalesce(campaign_id, 0) FROM letter WHERE id = ?", letter_id);
  stmt = prepare (self, "SELECT 1 FROM signatory WHERE letter_id = ? AND (organization_id = ? OR person_id = ?)",
                  &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, letter_id);
      sqlite3_bind_int64 (stmt, 2, organization_id);
      sqlite3_bind_int64 (stmt, 3, person_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_set_error (&local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                     organization_id > 0 ? _("That organization has signed this letter already")
                                         : _("They have signed this letter already"));
      sqlite3_reset (stmt);
    }
  if (local_error == NULL && (stmt = prepare (self, "INSERT INTO signatory (letter_id, organization_id, person_id, "
                                                    "signed_by, signed_on) VALUES (?, ?, ?, ?, ?)", &local_error)))
    {
      sqlite3_bind_int64 (stmt, 1, letter_id);
      bind_id_or_null (stmt, 2, organization_id);
      bind_id_or_null (stmt, 3, person_id);
      bind_text (stmt, 4, signed_by ? signed_by : "");
      bind_text (stmt, 5, signed_on && *signed_on ? signed_on : day);
      if (step_done (self, stmt, &local_error))
        id = coalition_store_last_insert_id (self);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_campaign_changed,
                                    campaign_id, error) ? id : 0;
}

gboolean
coalition_store_remove_signatory (CoalitionStore  *self,
                                  gint64           signatory_id,
                                  GError         **error)
{
  gint64 campaign_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  campaign_id = campaign_of (self, "SELECT coalesce(l.campaign_id, 0) FROM signatory s JOIN letter l "
                                   "ON l.id = s.letter_id WHERE s.id = ?", signatory_id);
  return coalition_store_write_by_id (self, "DELETE FROM signatory WHERE id = ?", signatory_id,
                                      coalition_store_queue_campaign_changed, campaign_id, error);
}

static gpointer
signatory_from_row (sqlite3_stmt *stmt)
{
  CoalitionSignatory *signatory = g_new0 (CoalitionSignatory, 1);

  signatory->id = sqlite3_column_int64 (stmt, 0);
  signatory->letter_id = sqlite3_column_int64 (stmt, 1);
  signatory->organization_id = sqlite3_column_int64 (stmt, 2);
  signatory->person_id = sqlite3_column_int64 (stmt, 3);
  signatory->name = g_strdup (column_text (stmt, 4));
  signatory->signed_by = g_strdup (column_text (stmt, 5));
  signatory->signed_on = g_strdup (column_text (stmt, 6));
  return signatory;
}

GPtrArray *
coalition_store_list_signatories (CoalitionStore  *self,
                                  gint64           letter_id,
                                  GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  return coalition_store_list_for_id (self, "SELECT s.id, s.letter_id, coalesce(s.organization_id, 0), "
                                            "coalesce(s.person_id, 0), coalesce(o.name, p.display_name), s.signed_by, "
                                            "s.signed_on FROM signatory s "
                                            "LEFT JOIN organization o ON o.id = s.organization_id "
                                            "LEFT JOIN person p ON p.id = s.person_id WHERE s.letter_id = ? "
                                            "ORDER BY s.organization_id IS NULL, coalesce(o.sort_key, p.sort_key), s.id",
                                      letter_id, signatory_from_row, (GDestroyNotify)coalition_signatory_free, error);
}

GPtrArray *
coalition_store_list_unsigned_members (CoalitionStore  *self,
                                       gint64           letter_id,
                                       GError         **error)
{
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GHashTable) signed_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) signatories = NULL;
  GPtrArray *ask;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  signatories = coalition_store_list_signatories (self, letter_id, error);
  if (signatories == NULL)
    return NULL;
  for (guint i = 0; i < signatories->len; i++)
    {
      CoalitionSignatory *signatory = signatories->pdata[i];

      if (signatory->organization_id > 0)
        g_hash_table_add (signed_ids, g_memdup2 (&signatory->organization_id, sizeof (gint64)));
    }
  organizations = coalition_store_list_organizations (self, error);
  if (organizations == NULL)
    return NULL;
  ask = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < organizations->len; i++)
    {
      CoalitionOrganization *organization = organizations->pdata[i];
      gint64 id = coalition_organization_get_id (organization);

      if (coalition_organization_get_status (organization) == COALITION_STATUS_MEMBER
          && !g_hash_table_contains (signed_ids, &id))
        g_ptr_array_add (ask, g_object_ref (organization));
    }
  return ask;
}

/* ---------------------------------------------------------------------- */
/* The monthly update */

void
coalition_update_free (CoalitionUpdate *self)
{
  if (self == NULL)
    return;
  g_free (self->month_label);
  g_clear_pointer (&self->upcoming_meetings, g_ptr_array_unref);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  g_clear_pointer (&self->decision_meetings, g_ptr_array_unref);
  g_clear_pointer (&self->wins, g_ptr_array_unref);
  g_clear_pointer (&self->new_members, g_ptr_array_unref);
  g_clear_pointer (&self->open_letters, g_ptr_array_unref);
  g_clear_pointer (&self->actions_due, g_ptr_array_unref);
  g_free (self);
}

/* The organizations that became members in the month: by a change of
 * status, or added as members then. */
static GPtrArray *
new_members (CoalitionStore  *self,
             const char      *first,
             const char      *next,
             GError         **error)
{
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT id FROM organization WHERE status = 'member' AND ("
                        "  id IN (SELECT organization_id FROM status_change WHERE new_status = 'member' "
                        "         AND changed_at >= ?1 AND changed_at < ?2 AND organization_id IS NOT NULL)"
                        "  OR (created_at >= ?1 AND created_at < ?2 AND id NOT IN "
                        "      (SELECT organization_id FROM status_change WHERE organization_id IS NOT NULL))) "
                        "ORDER BY sort_key", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, first);
  bind_text (stmt, 2, next);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(CoalitionOrganization) organization =
        coalition_store_get_organization (self, sqlite3_column_int64 (stmt, 0), NULL);

      if (organization != NULL)
        g_ptr_array_add (members, g_steal_pointer (&organization));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      coalition_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&members);
}

CoalitionUpdate *
coalition_update_gather (CoalitionStore  *store,
                         int              year,
                         int              month,
                         GError         **error)
{
  g_autoptr(CoalitionUpdate) update = g_new0 (CoalitionUpdate, 1);
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autoptr(GDateTime) after_next = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autofree char *first_day = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *next_day = NULL;

  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);

  if (year < 1900 || year > 9999 || month < 1 || month > 12)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                   _("There is no month %d of %d"), month, year);
      return NULL;
    }
  update->year = year;
  update->month = month;
  first = g_date_time_new_local (year, month, 1, 0, 0, 0);
  next = g_date_time_add_months (first, 1);
  after_next = g_date_time_add_months (first, 2);
  /* Translators: the month of a monthly update, "December 2026"; see g_date_time_format() */
  update->month_label = g_date_time_format (first, _("%B %Y"));
  first_day = g_date_time_format (first, "%Y-%m-%d");
  next_day = g_date_time_format (next, "%Y-%m-%d");
  {
    g_autoptr(GDateTime) last = g_date_time_add_days (next, -1);
    last_day = g_date_time_format (last, "%Y-%m-%d");
  }

  update->upcoming_meetings = g_ptr_array_new_with_free_func (g_object_unref);
  update->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_decision_free);
  update->decision_meetings = g_ptr_array_new_with_free_func (g_object_unref);
  meetings = coalition_store_list_meetings (store, error);
  if (meetings == NULL)
    return NULL;
  for (guint i = 0; i < meetings->len; i++)
    {
      CoalitionMeeting *meeting = meetings->pdata[i];
      GDateTime *start = coalition_meeting_get_start (meeting);

      if (g_date_time_compare (start, first) < 0 || g_date_time_compare (start, after_next) >= 0)
        continue;
      /* Decisions of the month's meetings; the planned meetings of the
       * month and the next. */
      if (g_date_time_compare (start, next) < 0)
        {
          g_autoptr(GPtrArray) decisions = coalition_store_list_decisions (store, coalition_meeting_get_id (meeting), NULL);

          while (decisions != NULL && decisions->len > 0)
            {
              g_ptr_array_add (update->decisions, g_ptr_array_steal_index (decisions, 0));
              g_ptr_array_add (update->decision_meetings, g_object_ref (meeting));
            }
        }
      if (coalition_meeting_get_status (meeting) == COALITION_MEETING_STATUS_PLANNED)
        g_ptr_array_add (update->upcoming_meetings, g_object_ref (meeting));
    }

  update->wins = coalition_store_list_wins (store, 0, first_day, last_day, error);
  if (update->wins == NULL)
    return NULL;
  update->new_members = new_members (store, first_day, next_day, error);
  if (update->new_members == NULL)
    return NULL;

  update->open_letters = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_letter_free);
  letters = coalition_store_list_letters (store, 0, error);
  if (letters == NULL)
    return NULL;
  while (letters->len > 0)
    {
      CoalitionLetter *letter = g_ptr_array_steal_index (letters, 0);

      if (letter->status != COALITION_LETTER_SENT)
        g_ptr_array_add (update->open_letters, letter);
      else
        coalition_letter_free (letter);
    }

  update->actions_due = g_ptr_array_new_with_free_func (g_object_unref);
  actions = coalition_store_list_actions (store, TRUE, error);
  if (actions == NULL)
    return NULL;
  for (guint i = 0; i < actions->len; i++)
    {
      const char *due = coalition_action_item_get_due (actions->pdata[i]);

      if (due != NULL && *due != '\0' && strcmp (due, last_day) <= 0)
        g_ptr_array_add (update->actions_due, g_object_ref (actions->pdata[i]));
    }

  return g_steal_pointer (&update);
}
