/* coalition-meetings.c — meetings in the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times are stored as UTC ISO 8601 with the meeting's IANA zone beside them;
 * everything shown is computed in that zone, so a meeting at 18:00 in
 * Chicago stays at 18:00 across a change of daylight saving time.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "coalition-meetings.h"
#include "coalition-outreach.h"
#include "coalition-person-private.h"
#include "coalition-store-private.h"

#define prepare coalition_store_prepare
#define step_done coalition_store_step_done
#define bind_text coalition_store_bind_text
#define column_text coalition_store_column_text

/* A person given by id, or NULL when they have left the directory since. */
#define PERSON_OR_NULL(param) "(SELECT id FROM person WHERE id = " param ")"

/* ---------------------------------------------------------------------- */
/* Time */

GTimeZone *
coalition_zone_new (const char *identifier)
{
  if (identifier == NULL || *identifier == '\0')
    return NULL;

  return g_time_zone_new_identifier (identifier);
}

char *
coalition_zone_get_local_name (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *identifier = g_time_zone_get_identifier (local);
  g_autofree char *link = NULL;

  if (identifier != NULL && strchr (identifier, '/') != NULL && identifier[0] != '/' && identifier[0] != ':')
    return g_strdup (identifier);

  /* /etc/localtime links into the zone database. */
  link = g_file_read_link ("/etc/localtime", NULL);
  if (link != NULL && strstr (link, "zoneinfo/") != NULL)
    return g_strdup (strstr (link, "zoneinfo/") + strlen ("zoneinfo/"));

  return g_strdup ("UTC");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char * const *)a, *(const char * const *)b);
}

GStrv
coalition_zone_list_all (void)
{
  g_autoptr(GPtrArray) zones = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  /* The third column of zone1970.tab names every zone people live in. */
  if (g_file_get_contents ("/usr/share/zoneinfo/zone1970.tab", &table, NULL, NULL) ||
      g_file_get_contents ("/usr/share/zoneinfo/zone.tab", &table, NULL, NULL))
    {
      lines = g_strsplit (table, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) fields = NULL;

          if (lines[i][0] == '#' || lines[i][0] == '\0')
            continue;
          fields = g_strsplit (lines[i], "\t", -1);
          if (g_strv_length (fields) >= 3)
            g_ptr_array_add (zones, g_strdup (fields[2]));
        }
    }
  g_ptr_array_add (zones, g_strdup ("UTC"));
  g_ptr_array_sort (zones, compare_names);
  for (guint i = 0; i < zones->len; i++)
    g_strv_builder_add (builder, zones->pdata[i]);

  return g_strv_builder_end (builder);
}

GSettings *
coalition_clock_settings (void)
{
  static GSettings *settings;
  static gsize looked_up;

  if (g_once_init_enter (&looked_up))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = NULL;

      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE);
      if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
        settings = g_settings_new ("org.gnome.desktop.interface");
      g_once_init_leave (&looked_up, 1);
    }
  return settings;
}

char *
coalition_format_clock (GDateTime *time)
{
  GSettings *settings = coalition_clock_settings ();
  g_autofree char *clock = settings ? g_settings_get_string (settings, "clock-format") : NULL;

  if (time == NULL)
    return g_strdup ("");
  if (g_strcmp0 (clock, "12h") == 0)
    /* Translators: a time of day on the 12-hour clock, "6:30 PM"; see g_date_time_format() */
    return g_date_time_format (time, _("%-l:%M %p"));
  return g_date_time_format (time, "%H:%M");
}

GPtrArray *
coalition_agenda_start_times (GDateTime *start,
                              GPtrArray *items)
{
  GPtrArray *times = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  GDateTime *t;

  g_return_val_if_fail (start != NULL, times);

  t = g_date_time_ref (start);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      GDateTime *next = g_date_time_add_minutes (t, coalition_agenda_item_get_minutes (items->pdata[i]));

      g_ptr_array_add (times, t);
      t = next;
    }
  g_ptr_array_add (times, t);

  return times;
}

int
coalition_agenda_overrun_minutes (GDateTime *start,
                                  GDateTime *end,
                                  GPtrArray *items)
{
  g_autoptr(GPtrArray) times = NULL;
  GTimeSpan over;

  if (start == NULL || end == NULL)
    return 0;

  times = coalition_agenda_start_times (start, items);
  over = g_date_time_difference (times->pdata[times->len - 1], end);
  return over > 0 ? (int)((over + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE) : 0;
}

/* ---------------------------------------------------------------------- */
/* Series */

static const char * const weekday_codes[] = { NULL, "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

void
coalition_series_rule_clear (CoalitionSeriesRule *rule)
{
  g_clear_pointer (&rule->until, g_free);
}

char *
coalition_series_rule_to_rrule (const CoalitionSeriesRule *rule)
{
  GString *out = g_string_new (NULL);

  switch (rule->repeat)
    {
    case COALITION_REPEAT_WEEKLY:
      g_string_append (out, "FREQ=WEEKLY");
      break;
    case COALITION_REPEAT_MONTHLY_WEEKDAY:
      g_string_append_printf (out, "FREQ=MONTHLY;BYDAY=%d%s", rule->week,
                              weekday_codes[CLAMP (rule->weekday, G_DATE_MONDAY, G_DATE_SUNDAY)]);
      break;
    case COALITION_REPEAT_MONTHLY_DATE:
      g_string_append (out, "FREQ=MONTHLY");
      break;
    default:
      g_assert_not_reached ();
    }
  if (rule->interval > 1)
    g_string_append_printf (out, ";INTERVAL=%u", rule->interval);
  if (rule->until != NULL && strlen (rule->until) == 10)
    g_string_append_printf (out, ";UNTIL=%.4s%.2s%.2s", rule->until, rule->until + 5, rule->until + 8);

  return g_string_free (out, FALSE);
}

gboolean
coalition_series_rule_parse (const char          *rrule,
                             CoalitionSeriesRule *out_rule)
{
  g_auto(GStrv) parts = g_strsplit (rrule ? rrule : "", ";", -1);
  CoalitionSeriesRule rule = { COALITION_REPEAT_WEEKLY, 1, 0, G_DATE_BAD_WEEKDAY, NULL };
  gboolean have_freq = FALSE, monthly = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *value = strchr (parts[i], '=');

      if (value == NULL)
        continue;
      value++;
      if (g_str_has_prefix (parts[i], "FREQ="))
        {
          monthly = g_str_equal (value, "MONTHLY");
          have_freq = monthly || g_str_equal (value, "WEEKLY");
        }
      else if (g_str_has_prefix (parts[i], "INTERVAL="))
        rule.interval = (guint)CLAMP (g_ascii_strtoull (value, NULL, 10), 1, G_MAXUINT);
      else if (g_str_has_prefix (parts[i], "BYDAY="))
        {
          char *end;
          gint64 week = g_ascii_strtoll (value, &end, 10);

          /* Only what nth_weekday () counts: the 1st to 5th or the last
           * weekday of the month. Anything else is left out whole, not
           * half read over an earlier BYDAY. */
          if ((week >= 1 && week <= 5) || week == -1)
            for (guint d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
              if (g_str_equal (end, weekday_codes[d]))
                {
                  rule.week = (int)week;
                  rule.weekday = d;
                }
        }
      else if (g_str_has_prefix (parts[i], "UNTIL=") && strlen (value) >= 8)
        {
          g_free (rule.until);
          rule.until = g_strdup_printf ("%.4s-%.2s-%.2s", value, value + 4, value + 6);
        }
    }

  if (!have_freq)
    {
      coalition_series_rule_clear (&rule);
      return FALSE;
    }
  /* The parts of an RRULE may come in any order. */
  if (monthly)
    rule.repeat = rule.weekday != G_DATE_BAD_WEEKDAY ? COALITION_REPEAT_MONTHLY_WEEKDAY
                                                     : COALITION_REPEAT_MONTHLY_DATE;

  *out_rule = rule;
  return TRUE;
}

/* The day of the @week-th (or, for -1, the last) @weekday of a month. */
static int
nth_weekday (int          year,
             int          month,
             int          week,
             GDateWeekday weekday)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, month, year);
  int days = g_date_get_days_in_month (month, year);
  int first = 1 + ((int)weekday - (int)g_date_get_weekday (date) + 7) % 7;
  int day;

  if (week > 0)
    day = first + 7 * (week - 1);
  else
    {
      day = first;
      while (day + 7 <= days)
        day += 7;
    }

  return day <= days ? day : 0;
}

GPtrArray *
coalition_series_occurrences (GDateTime                 *first,
                              const CoalitionSeriesRule *rule,
                              guint                      max)
{
  GPtrArray *starts = g_ptr_array_new_with_free_func ((GDestroyNotify)g_date_time_unref);
  GTimeZone *tz;
  int year, month, day, hour, minute;
  double seconds;
  g_autofree char *until = rule->until ? g_strdup (rule->until) : NULL;
  guint interval = MAX (rule->interval, 1);

  g_return_val_if_fail (first != NULL, starts);

  tz = g_date_time_get_timezone (first);
  g_date_time_get_ymd (first, &year, &month, &day);
  hour = g_date_time_get_hour (first);
  minute = g_date_time_get_minute (first);
  seconds = g_date_time_get_seconds (first);

  for (guint k = 0; starts->len < max && k < 10000; k++)
    {
      g_autoptr(GDateTime) next = NULL;
      g_autofree char *date = NULL;

      /* In 64 bits: a rule from elsewhere may say any interval. The
       * series ends where GDateTime does, with the year 9999. */
      if (rule->repeat == COALITION_REPEAT_WEEKLY)
        next = (gint64)k * interval <= G_MAXINT ? g_date_time_add_weeks (first, (int)(k * interval)) : NULL;
      else
        {
          gint64 months = month - 1 + (gint64)k * interval;
          int y, m, d;

          if (year + months / 12 > 9999)
            break;
          y = year + (int)(months / 12);
          m = (int)(months % 12) + 1;
          d = rule->repeat == COALITION_REPEAT_MONTHLY_WEEKDAY
              ? (k == 0 ? day : nth_weekday (y, m, rule->week, rule->weekday))
              : (day <= g_date_get_days_in_month (m, y) ? day : 0);
          if (d == 0)
            continue;   /* no such day that month: skipped, as iCalendar does */
          next = g_date_time_new (tz, y, m, d, hour, minute, seconds);
        }

      if (next == NULL)
        break;
      date = g_date_time_format (next, "%Y-%m-%d");
      if (until != NULL && strcmp (date, until) > 0)
        break;
      g_ptr_array_add (starts, g_steal_pointer (&next));
    }

  return starts;
}

/* ---------------------------------------------------------------------- */
/* Meetings */

#define MEETING_SELECT \
  "SELECT m.id, m.uid, m.title, m.starts_at, m.ends_at, m.zone, m.location, m.url, m.status, " \
  "m.group_id, g.name, m.facilitator_id, f.display_name, m.note_taker_id, n.display_name, " \
  "m.timekeeper_id, t.display_name, m.series_id, m.minutes, m.minutes_final, m.sequence, " \
  "m.created_at, m.updated_at FROM meeting m " \
  "LEFT JOIN coalition_group g ON g.id = m.group_id " \
  "LEFT JOIN person f ON f.id = m.facilitator_id " \
  "LEFT JOIN person n ON n.id = m.note_taker_id " \
  "LEFT JOIN person t ON t.id = m.timekeeper_id "

/* A stored UTC time in @zone (UTC when the zone is unknown here). */
static GDateTime *
time_in_zone (const char *utc,
              const char *zone)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (utc, NULL);
  g_autoptr(GTimeZone) tz = coalition_zone_new (zone);

  if (parsed == NULL)
    return NULL;
  return tz != NULL ? g_date_time_to_timezone (parsed, tz) : g_date_time_to_utc (parsed);
}

static char *
utc_text (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static gpointer
meeting_from_row (sqlite3_stmt *stmt)
{
  CoalitionMeeting *meeting = coalition_meeting_new ();
  const char *zone = column_text (stmt, 5);
  g_autoptr(GDateTime) start = time_in_zone (column_text (stmt, 3), zone);
  g_autoptr(GDateTime) end = time_in_zone (column_text (stmt, 4), zone);
  int status = COALITION_MEETING_STATUS_PLANNED;

  coalition_meeting_set_id (meeting, sqlite3_column_int64 (stmt, 0));
  coalition_meeting_set_uid (meeting, column_text (stmt, 1));
  coalition_meeting_set_title (meeting, column_text (stmt, 2));
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, end);
  coalition_meeting_set_zone (meeting, zone);
  coalition_meeting_set_location (meeting, column_text (stmt, 6));
  coalition_meeting_set_url (meeting, column_text (stmt, 7));
  coalition_meeting_status_from_string (column_text (stmt, 8), &status);
  coalition_meeting_set_status (meeting, status);
  coalition_meeting_set_group_id (meeting, sqlite3_column_int64 (stmt, 9));
  coalition_meeting_set_group_name (meeting, column_text (stmt, 10));
  coalition_meeting_set_facilitator_id (meeting, sqlite3_column_int64 (stmt, 11));
  coalition_meeting_set_facilitator_name (meeting, column_text (stmt, 12));
  coalition_meeting_set_note_taker_id (meeting, sqlite3_column_int64 (stmt, 13));
  coalition_meeting_set_note_taker_name (meeting, column_text (stmt, 14));
  coalition_meeting_set_timekeeper_id (meeting, sqlite3_column_int64 (stmt, 15));
  coalition_meeting_set_timekeeper_name (meeting, column_text (stmt, 16));
  coalition_meeting_set_series_id (meeting, sqlite3_column_int64 (stmt, 17));
  coalition_meeting_set_minutes (meeting, column_text (stmt, 18));
  coalition_meeting_set_minutes_final (meeting, sqlite3_column_int (stmt, 19));
  coalition_meeting_set_sequence (meeting, sqlite3_column_int (stmt, 20));
  coalition_meeting_set_created_at (meeting, column_text (stmt, 21));
  coalition_meeting_set_updated_at (meeting, column_text (stmt, 22));

  return meeting;
}

static gboolean
validate_meeting (CoalitionMeeting  *meeting,
                  GError           **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autofree char *title = g_strstrip (g_strdup (coalition_meeting_get_title (meeting)));
  const char *texts[] = {
    coalition_meeting_get_title (meeting), coalition_meeting_get_location (meeting),
    coalition_meeting_get_url (meeting), coalition_meeting_get_minutes (meeting),
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!coalition_store_check_text (texts[i], error))
      return FALSE;

  if (*title == '\0')
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("A meeting needs a title."));
      return FALSE;
    }
  if (coalition_meeting_get_start (meeting) == NULL || coalition_meeting_get_end (meeting) == NULL)
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("A meeting needs a date, a start and an end."));
      return FALSE;
    }
  if (g_date_time_compare (coalition_meeting_get_end (meeting), coalition_meeting_get_start (meeting)) < 0)
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("The meeting ends before it starts. Choose an end after the start."));
      return FALSE;
    }
  tz = coalition_zone_new (coalition_meeting_get_zone (meeting));
  if (tz == NULL)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                   _("“%s” is not a time zone this computer knows. Choose one from the list."),
                   coalition_meeting_get_zone (meeting));
      return FALSE;
    }

  return TRUE;
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           idx,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, idx, id);
  else
    sqlite3_bind_null (stmt, idx);
}

static gboolean
write_meeting (CoalitionStore    *self,
               CoalitionMeeting  *meeting,
               gboolean           insert,
               GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = coalition_store_now_utc ();
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *title = g_strstrip (g_strdup (coalition_meeting_get_title (meeting)));
  sqlite3_stmt *stmt;
  gint64 id = coalition_meeting_get_id (meeting);
  int rc;

  if (!validate_meeting (meeting, error))
    return FALSE;

  starts = utc_text (coalition_meeting_get_start (meeting));
  ends = utc_text (coalition_meeting_get_end (meeting));

  if (!coalition_store_begin (self, error))
    return FALSE;

  if (insert)
    stmt = prepare (self,
                    "INSERT INTO meeting (uid, title, starts_at, ends_at, zone, location, url, status, group_id, "
                    "facilitator_id, note_taker_id, timekeeper_id, series_id, minutes, minutes_final, "
                    "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                    "(SELECT id FROM coalition_group WHERE id = ?9), " PERSON_OR_NULL ("?10") ", "
                    PERSON_OR_NULL ("?11") ", " PERSON_OR_NULL ("?12") ", ?13, ?14, ?15, ?16, ?16) "
                    "RETURNING id, sequence",
                    &local_error);
  else
    /* Calendars need a higher SEQUENCE when the time, place or status change. */
    stmt = prepare (self,
                    "UPDATE meeting SET title = ?2, "
                    "sequence = sequence + (starts_at <> ?3 OR ends_at <> ?4 OR zone <> ?5 OR location <> ?6 "
                    "OR url <> ?7 OR status <> ?8), "
                    "starts_at = ?3, ends_at = ?4, zone = ?5, location = ?6, url = ?7, status = ?8, "
                    "group_id = (SELECT id FROM coalition_group WHERE id = ?9), "
                    "facilitator_id = " PERSON_OR_NULL ("?10") ", note_taker_id = " PERSON_OR_NULL ("?11") ", "
                    "timekeeper_id = " PERSON_OR_NULL ("?12") ", series_id = ?13, minutes = ?14, "
                    "minutes_final = ?15, updated_at = ?16 WHERE id = ?17 RETURNING id, sequence",
                    &local_error);

  if (stmt != NULL)
    {
      if (insert)
        {
          uid = g_uuid_string_random ();
          sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
        }
      else
        sqlite3_bind_int64 (stmt, 17, id);
      bind_text (stmt, 2, title);
      sqlite3_bind_text (stmt, 3, starts, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, ends, -1, SQLITE_STATIC);
      bind_text (stmt, 5, coalition_meeting_get_zone (meeting));
      bind_text (stmt, 6, coalition_meeting_get_location (meeting));
      bind_text (stmt, 7, coalition_meeting_get_url (meeting));
      sqlite3_bind_text (stmt, 8, coalition_meeting_status_to_string (coalition_meeting_get_status (meeting)), -1,
                         SQLITE_STATIC);
      bind_id_or_null (stmt, 9, coalition_meeting_get_group_id (meeting));
      bind_id_or_null (stmt, 10, coalition_meeting_get_facilitator_id (meeting));
      bind_id_or_null (stmt, 11, coalition_meeting_get_note_taker_id (meeting));
      bind_id_or_null (stmt, 12, coalition_meeting_get_timekeeper_id (meeting));
      bind_id_or_null (stmt, 13, coalition_meeting_get_series_id (meeting));
      bind_text (stmt, 14, coalition_meeting_get_minutes (meeting));
      sqlite3_bind_int (stmt, 15, coalition_meeting_get_minutes_final (meeting) ? 1 : 0);
      sqlite3_bind_text (stmt, 16, now, -1, SQLITE_STATIC);

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (stmt, 0);
          coalition_meeting_set_sequence (meeting, sqlite3_column_int (stmt, 1));
          rc = sqlite3_step (stmt);
        }
      else if (rc == SQLITE_DONE && !insert)
        g_set_error_literal (&local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                             _("This meeting is no longer in the file."));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE && local_error == NULL)
        coalition_store_set_error (self, &local_error, rc);
    }

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  coalition_store_queue_meeting_changed (self, id);
  if (!coalition_store_commit (self, error))
    return FALSE;

  coalition_meeting_set_id (meeting, id);
  if (insert)
    {
      coalition_meeting_set_uid (meeting, uid);
      coalition_meeting_set_created_at (meeting, now);
    }
  coalition_meeting_set_updated_at (meeting, now);
  return TRUE;
}

gboolean
coalition_store_insert_meeting (CoalitionStore    *self,
                                CoalitionMeeting  *meeting,
                                GError           **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (COALITION_IS_MEETING (meeting), FALSE);

  return write_meeting (self, meeting, TRUE, error);
}

gboolean
coalition_store_update_meeting (CoalitionStore    *self,
                                CoalitionMeeting  *meeting,
                                GError           **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (COALITION_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (coalition_meeting_get_id (meeting) > 0, FALSE);

  return write_meeting (self, meeting, FALSE, error);
}

gboolean
coalition_store_delete_meeting (CoalitionStore  *self,
                                gint64           id,
                                GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  return coalition_store_write_by_id (self, "DELETE FROM meeting WHERE id = ?", id,
                                      coalition_store_queue_meeting_changed, id, error);
}

CoalitionMeeting *
coalition_store_get_meeting (CoalitionStore  *self,
                             gint64           id,
                             GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self, MEETING_SELECT "WHERE m.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rows = coalition_store_collect_rows (self, stmt, meeting_from_row, g_object_unref, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                           _("This meeting is no longer in the file."));
      return NULL;
    }

  return g_object_ref (rows->pdata[0]);
}

GPtrArray *
coalition_store_list_meetings (CoalitionStore  *self,
                               GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self, MEETING_SELECT "ORDER BY m.starts_at, m.id", error);
  if (stmt == NULL)
    return NULL;

  return coalition_store_collect_rows (self, stmt, meeting_from_row, g_object_unref, error);
}

/* A new meeting like @model (title, group, place, zone, roles, length) at @start. */
static CoalitionMeeting *
copy_meeting_at (CoalitionMeeting *model,
                 GDateTime        *start)
{
  CoalitionMeeting *copy = coalition_meeting_new ();
  GTimeSpan length = g_date_time_difference (coalition_meeting_get_end (model), coalition_meeting_get_start (model));
  g_autoptr(GDateTime) end = g_date_time_add (start, length);

  coalition_meeting_set_title (copy, coalition_meeting_get_title (model));
  coalition_meeting_set_start (copy, start);
  coalition_meeting_set_end (copy, end);
  coalition_meeting_set_zone (copy, coalition_meeting_get_zone (model));
  coalition_meeting_set_location (copy, coalition_meeting_get_location (model));
  coalition_meeting_set_url (copy, coalition_meeting_get_url (model));
  coalition_meeting_set_group_id (copy, coalition_meeting_get_group_id (model));
  coalition_meeting_set_facilitator_id (copy, coalition_meeting_get_facilitator_id (model));
  coalition_meeting_set_note_taker_id (copy, coalition_meeting_get_note_taker_id (model));
  coalition_meeting_set_timekeeper_id (copy, coalition_meeting_get_timekeeper_id (model));
  coalition_meeting_set_status (copy, COALITION_MEETING_STATUS_PLANNED);

  return copy;
}

/* Where an occurrence falls by its series' rule: calendars name a moved
 * occurrence by it (RECURRENCE-ID). */
static gboolean
set_series_start (CoalitionStore  *self,
                  gint64           meeting_id,
                  GDateTime       *start,
                  GError         **error)
{
  g_autofree char *text = utc_text (start);
  sqlite3_stmt *stmt = prepare (self, "UPDATE meeting SET series_start = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, meeting_id);
  return step_done (self, stmt, error);
}

gboolean
coalition_store_create_series (CoalitionStore             *self,
                               CoalitionMeeting           *first,
                               const CoalitionSeriesRule  *rule,
                               guint                      *out_added,
                               GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) starts = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *now = coalition_store_now_utc ();
  sqlite3_stmt *stmt;
  guint added = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (coalition_meeting_get_id (first) > 0, FALSE);

  if (rule->until == NULL)
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("A series needs an end. Choose the date of its last meeting."));
      return FALSE;
    }

  starts = coalition_series_occurrences (coalition_meeting_get_start (first), rule, 500);
  rrule = coalition_series_rule_to_rrule (rule);

  if (!coalition_store_begin (self, error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO meeting_series (uid, rule, created_at) VALUES (?, ?, ?)", &local_error);
  if (stmt != NULL)
    {
      g_autofree char *uid = g_uuid_string_random ();

      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, rrule, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      if (step_done (self, stmt, &local_error))
        {
          coalition_meeting_set_series_id (first, coalition_store_last_insert_id (self));
          if (write_meeting (self, first, FALSE, &local_error))
            set_series_start (self, coalition_meeting_get_id (first), starts->pdata[0], &local_error);
        }
    }

  for (guint i = 1; local_error == NULL && i < starts->len; i++)
    {
      g_autoptr(CoalitionMeeting) occurrence = copy_meeting_at (first, starts->pdata[i]);

      coalition_meeting_set_series_id (occurrence, coalition_meeting_get_series_id (first));
      if (write_meeting (self, occurrence, TRUE, &local_error) &&
          set_series_start (self, coalition_meeting_get_id (occurrence), starts->pdata[i], &local_error))
        added++;
    }

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!coalition_store_commit (self, error))
    return FALSE;
  if (out_added != NULL)
    *out_added = added;
  return TRUE;
}

gint64
coalition_store_find_next_meeting (CoalitionStore  *self,
                                   gint64           meeting_id,
                                   GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 next = 0;
  int rc;

  stmt = prepare (self,
                  "SELECT n.id FROM meeting m JOIN meeting n "
                  "ON n.group_id IS m.group_id AND n.starts_at > m.starts_at AND n.status = 'planned' "
                  "WHERE m.id = ? ORDER BY n.starts_at LIMIT 1",
                  error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    coalition_store_set_error (self, error, rc);
  sqlite3_reset (stmt);

  return next;
}

gboolean
coalition_store_close_meeting (CoalitionStore    *self,
                               gint64             meeting_id,
                               GDateTime         *next_start,
                               gint64            *out_next_id,
                               GError           **error)
{
  g_autoptr(CoalitionMeeting) meeting = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 next_id = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  meeting = coalition_store_get_meeting (self, meeting_id, error);
  if (meeting == NULL)
    return FALSE;

  if (!coalition_store_begin (self, error))
    return FALSE;

  coalition_meeting_set_status (meeting, COALITION_MEETING_STATUS_HELD);
  if (write_meeting (self, meeting, FALSE, &local_error))
    {
      next_id = coalition_store_find_next_meeting (self, meeting_id, &local_error);
      if (next_id == 0 && local_error == NULL && next_start != NULL)
        {
          g_autoptr(GTimeZone) tz = coalition_zone_new (coalition_meeting_get_zone (meeting));
          g_autoptr(GDateTime) start = tz ? g_date_time_to_timezone (next_start, tz) : g_date_time_ref (next_start);
          g_autoptr(CoalitionMeeting) next = copy_meeting_at (meeting, start);

          if (write_meeting (self, next, TRUE, &local_error))
            next_id = coalition_meeting_get_id (next);
        }
    }

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!coalition_store_commit (self, error))
    return FALSE;
  if (out_next_id != NULL)
    *out_next_id = next_id;
  return TRUE;
}

gint64
coalition_store_suggest_facilitator (CoalitionStore  *self,
                                     GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), 0);

  /* Rotation: whoever of the core group facilitated least recently, and
   * those who never did first. */
  stmt = prepare (self,
                  "SELECT gm.person_id FROM group_member gm "
                  "JOIN coalition_group g ON g.id = gm.group_id AND g.kind = 'core-group' "
                  "JOIN person p ON p.id = gm.person_id "
                  "ORDER BY (SELECT max (starts_at) FROM meeting m WHERE m.facilitator_id = gm.person_id "
                  "          AND m.status <> 'cancelled') IS NOT NULL, "
                  "(SELECT max (starts_at) FROM meeting m WHERE m.facilitator_id = gm.person_id "
                  " AND m.status <> 'cancelled'), p.sort_key LIMIT 1",
                  error);
  if (stmt == NULL)
    return 0;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    coalition_store_set_error (self, error, rc);
  sqlite3_reset (stmt);

  return id;
}

/* ---------------------------------------------------------------------- */
/* Agendas */

static gpointer
agenda_item_from_row (sqlite3_stmt *stmt)
{
  CoalitionAgendaItem *item = coalition_agenda_item_new ();
  int kind = COALITION_ITEM_KIND_DISCUSSION;

  coalition_agenda_item_set_id (item, sqlite3_column_int64 (stmt, 0));
  coalition_agenda_item_set_title (item, column_text (stmt, 1));
  coalition_agenda_item_set_presenter (item, column_text (stmt, 2));
  coalition_agenda_item_set_minutes (item, sqlite3_column_int (stmt, 3));
  coalition_agenda_item_set_actual_minutes (item, sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                                  ? -1 : sqlite3_column_int (stmt, 4));
  coalition_item_kind_from_string (column_text (stmt, 5), &kind);
  coalition_agenda_item_set_kind (item, kind);
  coalition_agenda_item_set_notes (item, column_text (stmt, 6));

  return item;
}

GPtrArray *
coalition_store_list_agenda (CoalitionStore  *self,
                             gint64           meeting_id,
                             GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT id, title, presenter, minutes, actual_minutes, kind, notes FROM agenda_item "
                  "WHERE meeting_id = ? ORDER BY position, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);

  return coalition_store_collect_rows (self, stmt, agenda_item_from_row, g_object_unref, error);
}

static gboolean
write_agenda_item (CoalitionStore       *self,
                   gint64                meeting_id,
                   guint                 position,
                   CoalitionAgendaItem  *item,
                   GError              **error)
{
  g_autofree char *title = g_strstrip (g_strdup (coalition_agenda_item_get_title (item)));
  int actual = coalition_agenda_item_get_actual_minutes (item);
  sqlite3_stmt *stmt;
  gboolean updated = FALSE;

  if (!coalition_store_check_text (title, error) ||
      !coalition_store_check_text (coalition_agenda_item_get_presenter (item), error) ||
      !coalition_store_check_text (coalition_agenda_item_get_notes (item), error))
    return FALSE;
  if (*title == '\0')
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("An agenda item needs a title."));
      return FALSE;
    }

  for (guint pass = 0; pass < 2 && !updated; pass++)
    {
      /* An item with an id is updated in place; one without, or whose row is
       * gone, is added. */
      if (pass == 0 && coalition_agenda_item_get_id (item) <= 0)
        continue;

      stmt = pass == 0
             ? prepare (self,
                        "UPDATE agenda_item SET position = ?2, title = ?3, presenter = ?4, minutes = ?5, "
                        "actual_minutes = ?6, kind = ?7, notes = ?8 WHERE id = ?9 AND meeting_id = ?1",
                        error)
             : prepare (self,
                        "INSERT INTO agenda_item (meeting_id, position, title, presenter, minutes, "
                        "actual_minutes, kind, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int (stmt, 2, position);
      bind_text (stmt, 3, title);
      bind_text (stmt, 4, coalition_agenda_item_get_presenter (item));
      sqlite3_bind_int (stmt, 5, CLAMP (coalition_agenda_item_get_minutes (item), 0, 1440));
      if (actual >= 0)
        sqlite3_bind_int (stmt, 6, MIN (actual, 1440));
      else
        sqlite3_bind_null (stmt, 6);
      sqlite3_bind_text (stmt, 7, coalition_item_kind_to_string (coalition_agenda_item_get_kind (item)), -1,
                         SQLITE_STATIC);
      bind_text (stmt, 8, coalition_agenda_item_get_notes (item));
      if (pass == 0)
        sqlite3_bind_int64 (stmt, 9, coalition_agenda_item_get_id (item));
      if (!step_done (self, stmt, error))
        return FALSE;

      if (pass == 1)
        coalition_agenda_item_set_id (item, coalition_store_last_insert_id (self));
      updated = pass == 1 || sqlite3_changes (sqlite3_db_handle (stmt)) > 0;
    }

  return TRUE;
}

gboolean
coalition_store_set_agenda (CoalitionStore  *self,
                            gint64           meeting_id,
                            GPtrArray       *items,
                            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) kept = g_string_new ("[");
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < items->len && local_error == NULL; i++)
    if (write_agenda_item (self, meeting_id, i, items->pdata[i], &local_error))
      g_string_append_printf (kept, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                              coalition_agenda_item_get_id (items->pdata[i]));
  g_string_append_c (kept, ']');

  if (local_error == NULL &&
      (stmt = prepare (self,
                       "DELETE FROM agenda_item WHERE meeting_id = ?1 "
                       "AND id NOT IN (SELECT value FROM json_each (?2))",
                       &local_error)) != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_text (stmt, 2, kept->str, -1, SQLITE_STATIC);
      step_done (self, stmt, &local_error);
    }

  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_meeting_changed,
                                    meeting_id, error);
}

static CoalitionAgendaItem *
new_item (const char        *title,
          int                minutes,
          CoalitionItemKind  kind)
{
  CoalitionAgendaItem *item = coalition_agenda_item_new ();

  coalition_agenda_item_set_title (item, title);
  coalition_agenda_item_set_minutes (item, minutes);
  coalition_agenda_item_set_kind (item, kind);
  return item;
}

GPtrArray *
coalition_agenda_standard_template (void)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, new_item (_("Welcome and introductions"), 10, COALITION_ITEM_KIND_INFORMATION));
  g_ptr_array_add (items, new_item (_("Review of action items"), 10, COALITION_ITEM_KIND_DISCUSSION));
  g_ptr_array_add (items, new_item (_("Reports from working groups"), 20, COALITION_ITEM_KIND_INFORMATION));
  g_ptr_array_add (items, new_item (_("Discussion"), 30, COALITION_ITEM_KIND_DISCUSSION));
  g_ptr_array_add (items, new_item (_("Decisions"), 15, COALITION_ITEM_KIND_DECISION));
  g_ptr_array_add (items, new_item (_("Next steps and the next meeting’s date"), 5, COALITION_ITEM_KIND_DECISION));

  return items;
}

GStrv
coalition_store_list_templates (CoalitionStore  *self,
                                GError         **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT name FROM agenda_template ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      coalition_store_set_error (self, error, rc);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

/* The first top-level value of @json when it is an array, else "": a
 * template is one array, and what follows it is not read. */
static char *
template_array_text (const char *json)
{
  const char *start = json + strspn (json, " \t\r\n");
  gboolean in_string = FALSE;
  int depth = 0;

  if (*start != '[')
    return g_strdup ("");
  for (const char *p = start; *p != '\0'; p++)
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '"')
            in_string = FALSE;
        }
      else if (*p == '"')
        in_string = TRUE;
      else if (*p == '[' || *p == '{')
        depth++;
      else if ((*p == ']' || *p == '}') && --depth == 0)
        return g_strndup (start, p + 1 - start);
    }

  return g_strdup (start);
}

/* A template is read with SQLite's own JSON functions rather than
 * json-glib: the text may come from a file made elsewhere, and json-glib
 * 1.6 leaks on some malformed input (a bad "\ud80" escape followed by
 * more text, for one). SQLite 3.40 in turn reads past some malformed text
 * it takes as valid, so only strict JSON reaches it: anything else is an
 * empty template. Elements that are not objects are passed over, and
 * members of the wrong type fall back to what a new agenda item has. */
GPtrArray *
coalition_store_get_template (CoalitionStore  *self,
                              const char      *name,
                              GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *json = NULL;
  g_autofree char *array_text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self, "SELECT items FROM agenda_template WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    json = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                   _("There is no template called “%s”."), name);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      coalition_store_set_error (self, error, rc);
      return NULL;
    }

  array_text = template_array_text (json);
  /* Anything but strict JSON is no template (see the check's comment). */
  if (!coalition_store_json_is_well_formed (array_text))
    g_clear_pointer (&array_text, g_free);
  stmt = prepare (self,
                  "SELECT CASE json_type (value, '$.title') WHEN 'text' THEN json_extract (value, '$.title') END, "
                  "       CASE json_type (value, '$.kind') WHEN 'text' THEN json_extract (value, '$.kind') END, "
                  "       CASE json_type (value, '$.minutes') WHEN 'integer' THEN json_extract (value, '$.minutes') "
                  "         ELSE 10 END "
                  "FROM json_each (?1) "
                  "WHERE type = 'object' ORDER BY key",
                  error);
  if (stmt == NULL)
    return NULL;
  /* Bound as it is: normalising it could make a malformed escape valid. */
  sqlite3_bind_text (stmt, 1, array_text ? array_text : "[]", -1, SQLITE_TRANSIENT);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* A "\ud800" escape gives text that is not valid UTF-8. */
      g_autofree char *title = g_utf8_make_valid (sqlite3_column_type (stmt, 0) == SQLITE_NULL ? "?" : column_text (stmt, 0),
                                                  -1);
      g_autofree char *kind_name = g_utf8_make_valid (column_text (stmt, 1), -1);
      int kind = COALITION_ITEM_KIND_DISCUSSION;

      coalition_item_kind_from_string (kind_name, &kind);
      /* The minutes an agenda item may have in the store. */
      g_ptr_array_add (items, new_item (title, (int)CLAMP (sqlite3_column_int64 (stmt, 2), 0, 24 * 60), kind));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      coalition_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&items);
}

gboolean
coalition_store_save_template (CoalitionStore  *self,
                               const char      *name,
                               GPtrArray       *items,
                               GError         **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (*clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("A template needs a name."));
      return FALSE;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, coalition_agenda_item_get_title (items->pdata[i]));
      json_builder_set_member_name (builder, "minutes");
      json_builder_add_int_value (builder, coalition_agenda_item_get_minutes (items->pdata[i]));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, coalition_item_kind_to_string (coalition_agenda_item_get_kind (items->pdata[i])));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);

  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self,
                  "INSERT INTO agenda_template (name, items) VALUES (?, ?) "
                  "ON CONFLICT (name) DO UPDATE SET items = excluded.items",
                  &local_error);
  if (stmt != NULL)
    {
      bind_text (stmt, 1, clean);
      bind_text (stmt, 2, json);
      step_done (self, stmt, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_meeting_changed,
                                    -1, error);
}

GPtrArray *
coalition_store_previous_agenda (CoalitionStore  *self,
                                 gint64           meeting_id,
                                 GError         **error)
{
  sqlite3_stmt *stmt;
  gint64 previous = 0;
  GPtrArray *items;
  int rc;

  stmt = prepare (self,
                  "SELECT p.id FROM meeting m JOIN meeting p ON p.group_id IS m.group_id AND p.starts_at < m.starts_at "
                  "WHERE m.id = ? AND EXISTS (SELECT 1 FROM agenda_item a WHERE a.meeting_id = p.id) "
                  "ORDER BY p.starts_at DESC LIMIT 1",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    previous = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      coalition_store_set_error (self, error, rc);
      return NULL;
    }

  if (previous == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* The same items, as new ones: no notes, not yet timed. */
  items = coalition_store_list_agenda (self, previous, error);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      coalition_agenda_item_set_id (items->pdata[i], 0);
      coalition_agenda_item_set_notes (items->pdata[i], "");
      coalition_agenda_item_set_actual_minutes (items->pdata[i], -1);
    }

  return items;
}

/* ---------------------------------------------------------------------- */
/* Decisions */

G_DEFINE_BOXED_TYPE (CoalitionDecision, coalition_decision, coalition_decision_copy, coalition_decision_free)

CoalitionDecision *
coalition_decision_new (const char              *text,
                        CoalitionDecisionMethod  method)
{
  CoalitionDecision *self = g_new0 (CoalitionDecision, 1);

  self->text = g_strdup (text ? text : "");
  self->method = method;
  self->blocks = g_strdup ("");
  self->stand_asides = g_strdup ("");
  return self;
}

CoalitionDecision *
coalition_decision_copy (const CoalitionDecision *self)
{
  CoalitionDecision *copy = g_memdup2 (self, sizeof *self);

  copy->text = g_strdup (self->text);
  copy->blocks = g_strdup (self->blocks);
  copy->stand_asides = g_strdup (self->stand_asides);
  return copy;
}

void
coalition_decision_free (CoalitionDecision *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->blocks);
  g_free (self->stand_asides);
  g_free (self);
}

static gpointer
decision_from_row (sqlite3_stmt *stmt)
{
  int method = COALITION_DECISION_METHOD_CONSENSUS;
  CoalitionDecision *decision;

  coalition_decision_method_from_string (column_text (stmt, 3), &method);
  decision = coalition_decision_new (column_text (stmt, 2), method);
  decision->id = sqlite3_column_int64 (stmt, 0);
  decision->item_id = sqlite3_column_int64 (stmt, 1);
  g_free (decision->blocks);
  decision->blocks = g_strdup (column_text (stmt, 4));
  g_free (decision->stand_asides);
  decision->stand_asides = g_strdup (column_text (stmt, 5));
  decision->votes_for = sqlite3_column_int (stmt, 6);
  decision->votes_against = sqlite3_column_int (stmt, 7);
  decision->votes_abstain = sqlite3_column_int (stmt, 8);
  decision->by_organization = sqlite3_column_int (stmt, 9);
  return decision;
}

GPtrArray *
coalition_store_list_decisions (CoalitionStore  *self,
                                gint64           meeting_id,
                                GError         **error)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT id, item_id, text, method, blocks, stand_asides, votes_for, votes_against, "
                                "votes_abstain, by_organization FROM decision WHERE meeting_id = ? ORDER BY id",
                                error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return coalition_store_collect_rows (self, stmt, decision_from_row, (GDestroyNotify)coalition_decision_free, error);
}

gboolean
coalition_store_add_decision (CoalitionStore     *self,
                              gint64              meeting_id,
                              CoalitionDecision  *decision,
                              GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (decision->text ? decision->text : ""));
  sqlite3_stmt *stmt;

  if (*text == '\0' || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("Write what was decided."));
      return FALSE;
    }

  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self,
                  "INSERT INTO decision (meeting_id, item_id, text, method, blocks, stand_asides, votes_for, "
                  "votes_against, votes_abstain, by_organization) VALUES (?1, "
                  "(SELECT id FROM agenda_item WHERE id = ?2 AND meeting_id = ?1), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                  &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      bind_id_or_null (stmt, 2, decision->item_id);
      bind_text (stmt, 3, text);
      sqlite3_bind_text (stmt, 4, coalition_decision_method_to_string (decision->method), -1, SQLITE_STATIC);
      bind_text (stmt, 5, decision->blocks);
      bind_text (stmt, 6, decision->stand_asides);
      sqlite3_bind_int (stmt, 7, decision->votes_for);
      sqlite3_bind_int (stmt, 8, decision->votes_against);
      sqlite3_bind_int (stmt, 9, decision->votes_abstain);
      sqlite3_bind_int (stmt, 10, decision->by_organization ? 1 : 0);
      if (step_done (self, stmt, &local_error))
        decision->id = coalition_store_last_insert_id (self);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_meeting_changed,
                                    meeting_id, error);
}

gboolean
coalition_store_delete_decision (CoalitionStore  *self,
                                 gint64           meeting_id,
                                 gint64           decision_id,
                                 GError         **error)
{
  return coalition_store_write_by_id (self, "DELETE FROM decision WHERE id = ?", decision_id,
                                      coalition_store_queue_meeting_changed, meeting_id, error);
}

/* ---------------------------------------------------------------------- */
/* Action items */

#define ACTION_SELECT \
  "SELECT a.id, a.meeting_id, m.title, m.starts_at, a.item_id, a.title, a.owner_id, o.display_name, a.due, " \
  "a.status FROM action_item a JOIN meeting m ON m.id = a.meeting_id " \
  "LEFT JOIN person o ON o.id = a.owner_id "

static gpointer
action_from_row (sqlite3_stmt *stmt)
{
  CoalitionActionItem *action = coalition_action_item_new ();
  int status = COALITION_ACTION_STATUS_OPEN;

  coalition_action_item_set_id (action, sqlite3_column_int64 (stmt, 0));
  coalition_action_item_set_meeting_id (action, sqlite3_column_int64 (stmt, 1));
  coalition_action_item_set_meeting_title (action, column_text (stmt, 2));
  coalition_action_item_set_meeting_start (action, column_text (stmt, 3));
  coalition_action_item_set_item_id (action, sqlite3_column_int64 (stmt, 4));
  coalition_action_item_set_title (action, column_text (stmt, 5));
  coalition_action_item_set_owner_id (action, sqlite3_column_int64 (stmt, 6));
  coalition_action_item_set_owner_name (action, column_text (stmt, 7));
  coalition_action_item_set_due (action, column_text (stmt, 8));
  coalition_action_status_from_string (column_text (stmt, 9), &status);
  coalition_action_item_set_status (action, status);
  return action;
}

gboolean
coalition_store_add_action (CoalitionStore       *self,
                            CoalitionActionItem  *action,
                            GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (coalition_action_item_get_title (action)));
  g_autofree char *due = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (*title == '\0' || !g_utf8_validate (title, -1, NULL))
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("Write what is to be done."));
      return FALSE;
    }
  if (*coalition_action_item_get_due (action) != '\0' &&
      (due = coalition_date_normalize (coalition_action_item_get_due (action))) == NULL)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Write the due date as year-month-day, for example 2026-03-14."),
                   coalition_action_item_get_due (action));
      return FALSE;
    }

  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self,
                  "INSERT INTO action_item (meeting_id, item_id, title, owner_id, due, status) VALUES "
                  "(?1, (SELECT id FROM agenda_item WHERE id = ?2 AND meeting_id = ?1), ?3, "
                  PERSON_OR_NULL ("?4") ", ?5, ?6)",
                  &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, coalition_action_item_get_meeting_id (action));
      bind_id_or_null (stmt, 2, coalition_action_item_get_item_id (action));
      bind_text (stmt, 3, title);
      bind_id_or_null (stmt, 4, coalition_action_item_get_owner_id (action));
      bind_text (stmt, 5, due ? due : "");
      sqlite3_bind_text (stmt, 6, coalition_action_status_to_string (coalition_action_item_get_status (action)), -1,
                         SQLITE_STATIC);
      if (step_done (self, stmt, &local_error))
        coalition_action_item_set_id (action, coalition_store_last_insert_id (self));
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), coalition_store_queue_meeting_changed,
                                    coalition_action_item_get_meeting_id (action), error);
}

gboolean
coalition_store_set_action_status (CoalitionStore         *self,
                                   gint64                  action_id,
                                   CoalitionActionStatus   status,
                                   GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = coalition_store_now_utc ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self,
                  "UPDATE action_item SET status = ?2, closed_at = CASE WHEN ?2 = 'open' THEN NULL ELSE ?3 END "
                  "WHERE id = ?1",
                  &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, action_id);
      sqlite3_bind_text (stmt, 2, coalition_action_status_to_string (status), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
      step_done (self, stmt, &local_error);
    }
  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* It shows at the meeting it came from and at every later one. */
  coalition_store_queue_meeting_changed (self, 0);
  return coalition_store_commit (self, error);
}

GPtrArray *
coalition_store_list_actions_of (CoalitionStore  *self,
                                 gint64           meeting_id,
                                 GError         **error)
{
  sqlite3_stmt *stmt = prepare (self, ACTION_SELECT "WHERE a.meeting_id = ? ORDER BY a.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return coalition_store_collect_rows (self, stmt, action_from_row, g_object_unref, error);
}

GPtrArray *
coalition_store_list_actions_to_review (CoalitionStore  *self,
                                        gint64           meeting_id,
                                        GError         **error)
{
  sqlite3_stmt *stmt = prepare (self,
                                ACTION_SELECT
                                "JOIN meeting this ON this.id = ?1 "
                                "WHERE a.status = 'open' AND m.starts_at < this.starts_at "
                                "AND (this.group_id IS NULL OR m.group_id IS this.group_id) "
                                "ORDER BY a.due = '', a.due, m.starts_at, a.id",
                                error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  return coalition_store_collect_rows (self, stmt, action_from_row, g_object_unref, error);
}

GPtrArray *
coalition_store_list_actions (CoalitionStore  *self,
                              gboolean         open_only,
                              GError         **error)
{
  sqlite3_stmt *stmt = prepare (self,
                                ACTION_SELECT
                                "WHERE (?1 = 0 OR a.status = 'open') "
                                "ORDER BY a.status <> 'open', a.due = '', a.due, o.sort_key IS NULL, o.sort_key, a.id",
                                error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, open_only ? 1 : 0);
  return coalition_store_collect_rows (self, stmt, action_from_row, g_object_unref, error);
}

/* ---------------------------------------------------------------------- */
/* Attendance */

G_DEFINE_BOXED_TYPE (CoalitionAttendee, coalition_attendee, coalition_attendee_copy, coalition_attendee_free)

CoalitionAttendee *
coalition_attendee_copy (const CoalitionAttendee *self)
{
  CoalitionAttendee *copy = g_memdup2 (self, sizeof *self);

  copy->name = g_strdup (self->name);
  copy->organization_name = g_strdup (self->organization_name);
  copy->family_name = g_strdup (self->family_name);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  return copy;
}

void
coalition_attendee_free (CoalitionAttendee *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->organization_name);
  g_free (self->family_name);
  g_free (self->email);
  g_free (self->phone);
  g_free (self);
}

static gpointer
attendee_from_row (sqlite3_stmt *stmt)
{
  CoalitionAttendee *attendee = g_new0 (CoalitionAttendee, 1);
  int status = COALITION_ATTENDANCE_INVITED;

  attendee->person_id = sqlite3_column_int64 (stmt, 0);
  attendee->name = g_strdup (column_text (stmt, 1));
  attendee->organization_id = sqlite3_column_int64 (stmt, 2);
  attendee->organization_name = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  coalition_attendance_from_string (column_text (stmt, 4), &status);
  attendee->status = status;
  attendee->walk_in = sqlite3_column_int (stmt, 5);
  attendee->family_name = g_strdup (column_text (stmt, 6));
  attendee->email = g_strdup ((const char *)sqlite3_column_text (stmt, 7));
  attendee->phone = g_strdup ((const char *)sqlite3_column_text (stmt, 8));
  return attendee;
}

GPtrArray *
coalition_store_list_attendance (CoalitionStore  *self,
                                 gint64           meeting_id,
                                 GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  /* The main address and number: the one marked primary, else the first. */
  stmt = prepare (self,
                  "SELECT p.id, p.display_name, a.organization_id, o.name, a.status, a.walk_in, p.family_name, "
                  "(SELECT address FROM person_email e WHERE e.person_id = p.id ORDER BY is_primary DESC, position LIMIT 1), "
                  "(SELECT number FROM person_phone t WHERE t.person_id = p.id ORDER BY is_primary DESC, position LIMIT 1) "
                  "FROM attendance a JOIN person p ON p.id = a.person_id "
                  "LEFT JOIN organization o ON o.id = a.organization_id "
                  "WHERE a.meeting_id = ? ORDER BY p.sort_key, p.id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, meeting_id);

  return coalition_store_collect_rows (self, stmt, attendee_from_row, (GDestroyNotify)coalition_attendee_free, error);
}

static gboolean
upsert_attendance (CoalitionStore       *self,
                   gint64                meeting_id,
                   gint64                person_id,
                   CoalitionAttendance   status,
                   gboolean              walk_in,
                   GError              **error)
{
  sqlite3_stmt *stmt;

  /* The organization they represent is the one they belong to when first
   * listed; it stays with the record of that meeting. */
  stmt = prepare (self,
                  "INSERT INTO attendance (meeting_id, person_id, organization_id, status, walk_in) "
                  "SELECT ?1, id, organization_id, ?3, ?4 FROM person WHERE id = ?2 "
                  "ON CONFLICT (meeting_id, person_id) DO UPDATE SET status = excluded.status",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_text (stmt, 3, coalition_attendance_to_string (status), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, walk_in ? 1 : 0);
  return step_done (self, stmt, error);
}

gboolean
coalition_store_set_attendance (CoalitionStore       *self,
                                gint64                meeting_id,
                                gint64                person_id,
                                CoalitionAttendance   status,
                                GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;
  if (!upsert_attendance (self, meeting_id, person_id, status, FALSE, &local_error))
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  coalition_store_queue_meeting_changed (self, meeting_id);
  return coalition_store_commit (self, error);
}

gboolean
coalition_store_remove_attendee (CoalitionStore  *self,
                                 gint64           meeting_id,
                                 gint64           person_id,
                                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "DELETE FROM attendance WHERE meeting_id = ? AND person_id = ?", &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      step_done (self, stmt, &local_error);
    }
  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  coalition_store_queue_meeting_changed (self, meeting_id);
  return coalition_store_commit (self, error);
}

gboolean
coalition_store_invite_group (CoalitionStore  *self,
                              gint64           meeting_id,
                              gint64           group_id,
                              guint           *out_added,
                              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  guint added = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;

  /* A group: its members. The whole coalition: each member organization's
   * representatives, that is its people in a group, or else the first of
   * its people in the directory. */
  stmt = group_id > 0
         ? prepare (self,
                    "INSERT OR IGNORE INTO attendance (meeting_id, person_id, organization_id, status) "
                    "SELECT ?1, p.id, p.organization_id, 'invited' FROM group_member gm "
                    "JOIN person p ON p.id = gm.person_id WHERE gm.group_id = ?2",
                    &local_error)
         : prepare (self,
                    "INSERT OR IGNORE INTO attendance (meeting_id, person_id, organization_id, status) "
                    "SELECT ?1, p.id, p.organization_id, 'invited' FROM organization o "
                    "JOIN person p ON p.organization_id = o.id "
                    "WHERE o.status = 'member' AND ?2 = 0 AND "
                    "(EXISTS (SELECT 1 FROM group_member gm WHERE gm.person_id = p.id) OR "
                    " p.id = (SELECT p2.id FROM person p2 WHERE p2.organization_id = o.id ORDER BY p2.sort_key LIMIT 1))",
                    &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, meeting_id);
      sqlite3_bind_int64 (stmt, 2, group_id);
      if (step_done (self, stmt, &local_error))
        added = sqlite3_changes (sqlite3_db_handle (stmt));
    }
  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  coalition_store_queue_meeting_changed (self, meeting_id);
  if (!coalition_store_commit (self, error))
    return FALSE;
  if (out_added != NULL)
    *out_added = added;
  return TRUE;
}

/* Names compared as people read them: accents, case and spacing aside. */
static char *
name_key (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name ? name : "", " \t", -1);
  g_autofree char *joined = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (builder, words[i]);
  kept = g_strv_builder_end (builder);
  joined = g_strjoinv (" ", kept);
  return coalition_store_make_sort_key (joined, NULL);
}

gboolean
coalition_store_quick_attend (CoalitionStore  *self,
                              gint64           meeting_id,
                              const char      *name,
                              gint64          *out_person_id,
                              gboolean        *out_created,
                              GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  g_autofree char *key = NULL;
  g_autoptr(GArray) candidates = NULL;
  gint64 person_id = 0;
  gboolean created = FALSE;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (*clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("Type the name of the person who came."));
      return FALSE;
    }

  /* Someone already in the directory under this name, found through the
   * search index and compared whole. */
  key = name_key (clean);
  candidates = coalition_store_find_people (self, clean, error);
  if (candidates == NULL)
    return FALSE;
  if (candidates->len > 0)
    {
      g_autoptr(GPtrArray) people = coalition_store_get_people (self, (const gint64 *)candidates->data,
                                                                MIN (candidates->len, 200), error);

      if (people == NULL)
        return FALSE;
      for (guint i = 0; i < people->len && person_id == 0; i++)
        {
          g_autofree char *other = people->pdata[i]
                                   ? name_key (coalition_person_get_display_name (people->pdata[i])) : NULL;

          if (other != NULL && g_str_equal (other, key))
            person_id = coalition_person_get_id (people->pdata[i]);
        }
    }

  if (!coalition_store_begin (self, error))
    return FALSE;

  if (person_id == 0)
    {
      g_autoptr(CoalitionPerson) walk_in = coalition_person_new ();
      const char *space = strrchr (clean, ' ');

      /* "Given Family", or one name as it was typed. */
      if (space != NULL)
        {
          g_autofree char *given = g_strndup (clean, space - clean);

          coalition_person_set_given_name (walk_in, g_strstrip (given));
          coalition_person_set_family_name (walk_in, space + 1);
        }
      coalition_person_set_display_name (walk_in, clean);
      coalition_person_set_status (walk_in, COALITION_STATUS_PROSPECT);
      coalition_person_set_notes (walk_in, _("Came to a meeting as a walk-in."));
      if (coalition_store_insert_person (self, walk_in, &local_error))
        {
          person_id = coalition_person_get_id (walk_in);
          created = TRUE;
        }
    }

  if (local_error == NULL)
    upsert_attendance (self, meeting_id, person_id, COALITION_ATTENDANCE_PRESENT, created, &local_error);

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  coalition_store_queue_meeting_changed (self, meeting_id);
  if (!coalition_store_commit (self, error))
    return FALSE;
  if (out_person_id != NULL)
    *out_person_id = person_id;
  if (out_created != NULL)
    *out_created = created;
  return TRUE;
}

void
coalition_participation_free (CoalitionParticipation *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self);
}

static int
compare_participation (gconstpointer a,
                       gconstpointer b)
{
  const CoalitionParticipation *pa = *(CoalitionParticipation * const *)a;
  const CoalitionParticipation *pb = *(CoalitionParticipation * const *)b;

  /* Those drifting away first, then the least present. */
  if (pa->falling != pb->falling)
    return pa->falling ? -1 : 1;
  if (pa->present * pb->meetings != pb->present * pa->meetings)
    return pa->present * pb->meetings < pb->present * pa->meetings ? -1 : 1;
  return g_utf8_collate (pa->name, pb->name);
}

GPtrArray *
coalition_store_list_participation (CoalitionStore  *self,
                                    guint            n_meetings,
                                    GError         **error)
{
  g_autoptr(GHashTable) by_organization = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_participation_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  /* For each organization and each of the last held meetings it was asked
   * to: whether anyone from it came. Rank 1 is the latest meeting. */
  stmt = prepare (self,
                  "WITH recent AS (SELECT id, row_number () OVER (ORDER BY starts_at DESC) AS rank "
                  "                FROM meeting WHERE status = 'held' ORDER BY starts_at DESC LIMIT ?1) "
                  "SELECT a.organization_id, o.name, r.rank, max (a.status = 'present') "
                  "FROM attendance a JOIN recent r ON r.id = a.meeting_id "
                  "JOIN organization o ON o.id = a.organization_id "
                  "GROUP BY a.organization_id, r.rank ORDER BY a.organization_id, r.rank",
                  error);
  if (stmt == NULL)
    {
      g_ptr_array_unref (result);
      return NULL;
    }
  sqlite3_bind_int (stmt, 1, MAX (n_meetings, 1));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      CoalitionParticipation *p = g_hash_table_lookup (by_organization, &id);
      gboolean came = sqlite3_column_int (stmt, 3);

      if (p == NULL)
        {
          p = g_new0 (CoalitionParticipation, 1);
          p->organization_id = id;
          p->name = g_strdup (column_text (stmt, 1));
          g_ptr_array_add (result, p);
          g_hash_table_insert (by_organization, &p->organization_id, p);
        }
      /* Its rows come latest first: the first three are its last three. */
      if (p->meetings < 3)
        p->recent_present += came ? 1 : 0;
      else if (came)
        p->falling = TRUE;   /* came before its last three… */
      p->meetings++;
      p->present += came ? 1 : 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      coalition_store_set_error (self, error, rc);
      g_ptr_array_unref (result);
      return NULL;
    }

  /* …and to none of its last three. */
  for (guint i = 0; i < result->len; i++)
    {
      CoalitionParticipation *p = result->pdata[i];

      p->falling = p->falling && p->recent_present == 0 && p->meetings > 3;
    }
  g_ptr_array_sort (result, compare_participation);

  return result;
}

/* ---------------------------------------------------------------------- */
/* Minutes */

static void
append_heading (GString    *out,
                const char *heading)
{
  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s\n", heading);
}

/* Each decision of @item_id, how it was made, and who blocked or stood aside. */
static void
append_decisions (GString   *out,
                  GPtrArray *decisions,
                  gint64     item_id)
{
  for (guint d = 0; d < decisions->len; d++)
    {
      const CoalitionDecision *decision = decisions->pdata[d];

      if (decision->item_id != item_id)
        continue;
      g_string_append_printf (out, _("Decided: %s"), decision->text);
      if (decision->method == COALITION_DECISION_METHOD_VOTE)
        g_string_append_printf (out, decision->by_organization
                                     ? _(" (vote, one per organization: %u for, %u against, %u abstaining)")
                                     : _(" (vote: %u for, %u against, %u abstaining)"),
                                decision->votes_for, decision->votes_against, decision->votes_abstain);
      else
        g_string_append (out, _(" (by consensus)"));
      g_string_append_c (out, '\n');
      if (*decision->blocks != '\0')
        g_string_append_printf (out, _("Blocked by: %s\n"), decision->blocks);
      if (*decision->stand_asides != '\0')
        g_string_append_printf (out, _("Standing aside: %s\n"), decision->stand_asides);
    }
}

/* "Tuesday 8 December 2026, 18:30" (or "6:30 PM"), for the draft minutes. */
static char *
format_day_and_clock (GDateTime *time)
{
  /* Translators: a meeting's day in the draft minutes, "Tuesday 8 December 2026"; see g_date_time_format() */
  g_autofree char *day = g_date_time_format (time, _("%A %-d %B %Y"));
  g_autofree char *clock = coalition_format_clock (time);

  /* Translators: a day and a time of day, "Tuesday 8 December 2026, 18:30" */
  return g_strdup_printf (C_("day and time", "%s, %s"), day, clock);
}

char *
coalition_store_draft_minutes (CoalitionStore  *self,
                               gint64           meeting_id,
                               GError         **error)
{
  g_autoptr(CoalitionMeeting) meeting = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *when = NULL;
  const CoalitionAttendance order[] = { COALITION_ATTENDANCE_PRESENT, COALITION_ATTENDANCE_EXCUSED,
                                        COALITION_ATTENDANCE_ABSENT };
  const char *headings[] = { N_("Present"), N_("Excused"), N_("Absent") };
  gint64 next_id;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  if ((meeting = coalition_store_get_meeting (self, meeting_id, error)) == NULL ||
      (attendance = coalition_store_list_attendance (self, meeting_id, error)) == NULL ||
      (agenda = coalition_store_list_agenda (self, meeting_id, error)) == NULL ||
      (decisions = coalition_store_list_decisions (self, meeting_id, error)) == NULL ||
      (actions = coalition_store_list_actions_of (self, meeting_id, error)) == NULL)
    return NULL;

  when = format_day_and_clock (coalition_meeting_get_start (meeting));
  g_string_append_printf (out, "%s — %s (%s)\n", coalition_meeting_get_title (meeting), when,
                          coalition_meeting_get_zone (meeting));
  if (*coalition_meeting_get_facilitator_name (meeting) != '\0')
    g_string_append_printf (out, _("Facilitator: %s\n"), coalition_meeting_get_facilitator_name (meeting));
  if (*coalition_meeting_get_note_taker_name (meeting) != '\0')
    g_string_append_printf (out, _("Notes: %s\n"), coalition_meeting_get_note_taker_name (meeting));

  /* Who was there, by organization. */
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint i = 0; i < attendance->len; i++)
        {
          const CoalitionAttendee *a = attendance->pdata[i];

          if (a->status != order[k])
            continue;
          if (line->len > 0)
            g_string_append (line, "; ");
          g_string_append (line, a->name);
          if (a->organization_name != NULL)
            g_string_append_printf (line, " (%s)", a->organization_name);
        }
      if (line->len > 0)
        g_string_append_printf (out, "%s: %s\n", _(headings[k]), line->str);
    }

  for (guint i = 0; i < agenda->len; i++)
    {
      CoalitionAgendaItem *item = agenda->pdata[i];

      append_heading (out, coalition_agenda_item_get_title (item));
      if (*coalition_agenda_item_get_notes (item) != '\0')
        g_string_append_printf (out, "%s\n", coalition_agenda_item_get_notes (item));
      append_decisions (out, decisions, coalition_agenda_item_get_id (item));
    }
  /* Decisions taken outside any item. */
  for (guint d = 0; d < decisions->len; d++)
    if (((CoalitionDecision *)decisions->pdata[d])->item_id == 0)
      {
        append_heading (out, _("Decisions"));
        append_decisions (out, decisions, 0);
        break;
      }

  if (actions->len > 0)
    {
      append_heading (out, _("Action items"));
      for (guint i = 0; i < actions->len; i++)
        {
          CoalitionActionItem *action = actions->pdata[i];

          g_string_append_printf (out, "• %s", coalition_action_item_get_title (action));
          if (*coalition_action_item_get_owner_name (action) != '\0')
            g_string_append_printf (out, " — %s", coalition_action_item_get_owner_name (action));
          if (*coalition_action_item_get_due (action) != '\0')
            g_string_append_printf (out, _(", due %s"), coalition_action_item_get_due (action));
          g_string_append_c (out, '\n');
        }
    }

  next_id = coalition_store_find_next_meeting (self, meeting_id, NULL);
  if (next_id > 0)
    {
      g_autoptr(CoalitionMeeting) next = coalition_store_get_meeting (self, next_id, NULL);

      if (next != NULL)
        {
          g_autofree char *next_when = format_day_and_clock (coalition_meeting_get_start (next));

          append_heading (out, _("Next meeting"));
          g_string_append_printf (out, "%s\n", next_when);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
