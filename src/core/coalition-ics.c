/* coalition-ics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with libical's component API. libical names its built-in zones with
 * a prefix of its own; every TZID here is the IANA name, the same in the
 * VTIMEZONE and on DTSTART, DTEND, EXDATE and RECURRENCE-ID. The text is
 * folded again at the end so that no line passes 75 octets and none is cut
 * inside a UTF-8 character.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "coalition-export.h"
#include "coalition-ics.h"
#include "coalition-meetings.h"
#include "coalition-store-private.h"

#define PRODID "-//Coalition//Coalition " PACKAGE_VERSION "//EN"

int *
coalition_ics_get_reminders (CoalitionStore *store)
{
  g_autofree char *setting = coalition_store_get_setting (store, "reminders");
  g_auto(GStrv) parts = g_strsplit (setting ? setting : "60,5", ",", -1);
  GArray *minutes = g_array_new (TRUE, FALSE, sizeof (int));
  int end = -1;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *rest;
      gint64 value = g_ascii_strtoll (part, &rest, 10);

      if (*part != '\0' && *rest == '\0' && value >= 0 && value <= 60 * 24 * 14)
        {
          int m = (int)value;
          g_array_append_val (minutes, m);
        }
    }
  g_array_append_val (minutes, end);

  return (int *)g_array_free (minutes, FALSE);
}

/* A time of a meeting in its zone, for DTSTART and its kin. */
static icaltimetype
ical_time (GDateTime    *time,
           icaltimezone *zone)
{
  icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (time);
  t.month = g_date_time_get_month (time);
  t.day = g_date_time_get_day_of_month (time);
  t.hour = g_date_time_get_hour (time);
  t.minute = g_date_time_get_minute (time);
  t.second = g_date_time_get_second (time);
  t.zone = zone;
  return t;
}

static icaltimetype
ical_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  icaltimetype t = ical_time (utc, NULL);

  t.zone = icaltimezone_get_utc_timezone ();
  return t;
}

static icaltimetype
ical_utc_text (const char *iso)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (iso, NULL);

  if (parsed == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      return ical_utc (now);
    }
  return ical_utc (parsed);
}

/* libical escapes TEXT values but writes URI and CAL-ADDRESS values as
 * they are, so a line break in a stored link or e-mail address would start
 * a property of its own in the file. Neither may hold control characters:
 * they are left out. */
static char *
uri_value (const char *prefix,
           const char *value)
{
  GString *out = g_string_new (prefix);

  for (const char *p = value; *p != '\0'; p++)
    if ((guchar)*p >= 0x20 && *p != 0x7f)
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* libical writes a CATEGORIES value without escaping its commas and
 * semicolons (a comma there separates categories), and escapes any
 * backslash put before them: a group called "Housing, Land and Zoning"
 * became two categories. Its commas and semicolons are carried through
 * libical as two private-use characters, and escaped by refold (). */
#define CATEGORY_COMMA "\xee\x80\x80"       /* U+E000 */
#define CATEGORY_SEMICOLON "\xee\x80\x81"   /* U+E001 */

static char *
category_value (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      if (strncmp (p, CATEGORY_COMMA, 3) == 0 || strncmp (p, CATEGORY_SEMICOLON, 3) == 0)
        p += 2;
      else if (*p == ',')
        g_string_append (out, CATEGORY_COMMA);
      else if (*p == ';')
        g_string_append (out, CATEGORY_SEMICOLON);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* A property with a time in the meeting's zone: TZID=<IANA name>. */
static icalproperty *
with_tzid (icalproperty *property,
           const char   *zone)
{
  icalproperty_add_parameter (property, icalparameter_new_tzid (zone));
  return property;
}

static icaltimetype
floating (GDateTime *time)
{
  return ical_time (time, NULL);
}

/* libical's zone, when it has a VTIMEZONE to put in the file. UTC has none
 * (a TZID=UTC would point at nothing), so its times are written in UTC, as
 * are those of zones libical does not know. */
static icaltimezone *
zone_with_vtimezone (const char *zone)
{
  icaltimezone *tz = icaltimezone_get_builtin_timezone (zone);

  if (tz == NULL || icaltimezone_get_component (tz) == NULL)
    return NULL;
  return tz;
}

/* A time property in the meeting's zone, or in UTC where the zone has no
 * VTIMEZONE. */
static icalproperty *
zoned (icalproperty *(*new_property) (icaltimetype),
       GDateTime     *time,
       const char    *zone)
{
  if (zone_with_vtimezone (zone) == NULL)
    return new_property (ical_utc (time));
  return with_tzid (new_property (floating (time)), zone);
}

typedef struct
{
  CoalitionStore *store;
  GHashTable     *zones;       /* IANA name → (first, last) year used */
  int            *reminders;
  char           *organizer_email;
  guint           n_events;
} Export;

static void
note_zone (Export     *export,
           const char *zone,
           GDateTime  *time)
{
  int *years = g_hash_table_lookup (export->zones, zone);
  int year = g_date_time_get_year (time);

  if (years == NULL)
    {
      years = g_new (int, 2);
      years[0] = years[1] = year;
      g_hash_table_insert (export->zones, g_strdup (zone), years);
    }
  years[0] = MIN (years[0], year);
  years[1] = MAX (years[1], year);
}

static char *
describe_agenda (Export           *export,
                 CoalitionMeeting *meeting)
{
  gint64 id = coalition_meeting_get_id (meeting);
  g_autoptr(GPtrArray) agenda = coalition_store_list_agenda (export->store, id, NULL);
  g_autoptr(GPtrArray) review = coalition_store_list_actions_to_review (export->store, id, NULL);
  g_autoptr(GPtrArray) times = NULL;
  GString *text = g_string_new (NULL);

  if (agenda != NULL && agenda->len > 0)
    {
      times = coalition_agenda_start_times (coalition_meeting_get_start (meeting), agenda);
      g_string_append_printf (text, "%s\n", _("Agenda"));
      for (guint i = 0; i < agenda->len; i++)
        {
          CoalitionAgendaItem *item = agenda->pdata[i];
          g_autofree char *clock = coalition_format_clock (times->pdata[i]);

          /* Translators: an agenda line in a calendar event, "18:40 Review of action items (10 min)" */
          g_string_append_printf (text, _("%s %s (%d min)"), clock, coalition_agenda_item_get_title (item),
                                  coalition_agenda_item_get_minutes (item));
          if (*coalition_agenda_item_get_presenter (item) != '\0')
            g_string_append_printf (text, " — %s", coalition_agenda_item_get_presenter (item));
          g_string_append_c (text, '\n');
        }
    }

  if (review != NULL && review->len > 0)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s\n", _("Action items to review"));
      for (guint i = 0; i < review->len; i++)
        {
          CoalitionActionItem *action = review->pdata[i];

          g_string_append_printf (text, "• %s", coalition_action_item_get_title (action));
          if (*coalition_action_item_get_owner_name (action) != '\0')
            g_string_append_printf (text, " — %s", coalition_action_item_get_owner_name (action));
          if (*coalition_action_item_get_due (action) != '\0')
            g_string_append_printf (text, _(", due %s"), coalition_action_item_get_due (action));
          g_string_append_c (text, '\n');
        }
    }

  if (*coalition_meeting_get_url (meeting) != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Join online: %s\n"), coalition_meeting_get_url (meeting));
    }

  return g_string_free (text, FALSE);
}

static void
add_people (Export           *export,
            icalcomponent    *event,
            CoalitionMeeting *meeting)
{
  g_autoptr(GPtrArray) attendance = coalition_store_list_attendance (export->store, coalition_meeting_get_id (meeting), NULL);
  gint64 facilitator = coalition_meeting_get_facilitator_id (meeting);
  gboolean organizer = FALSE;

  for (guint i = 0; attendance != NULL && i < attendance->len; i++)
    {
      const CoalitionAttendee *a = attendance->pdata[i];
      g_autofree char *mailto = NULL;
      icalproperty *attendee;

      if (a->email == NULL || *a->email == '\0')
        continue;
      mailto = uri_value ("mailto:", a->email);
      if (a->person_id == facilitator)
        {
          icalproperty *p = icalproperty_new_organizer (mailto);

          icalproperty_add_parameter (p, icalparameter_new_cn (a->name));
          icalcomponent_add_property (event, p);
          organizer = TRUE;
        }
      attendee = icalproperty_new_attendee (mailto);
      icalproperty_add_parameter (attendee, icalparameter_new_cn (a->name));
      icalproperty_add_parameter (attendee, icalparameter_new_role (a->person_id == facilitator
                                                                    ? ICAL_ROLE_CHAIR : ICAL_ROLE_REQPARTICIPANT));
      icalproperty_add_parameter (attendee, icalparameter_new_partstat (ICAL_PARTSTAT_NEEDSACTION));
      icalcomponent_add_property (event, attendee);
    }

  /* The facilitator organizes, invited or not; without their address, the
   * coalition's own. */
  if (!organizer && facilitator > 0)
    {
      g_autoptr(CoalitionPerson) person = coalition_store_get_person (export->store, facilitator, NULL);
      const char *email = person ? coalition_person_get_primary_email (person) : NULL;

      if (email != NULL)
        {
          g_autofree char *mailto = uri_value ("mailto:", email);
          icalproperty *p = icalproperty_new_organizer (mailto);

          icalproperty_add_parameter (p, icalparameter_new_cn (coalition_person_get_display_name (person)));
          icalcomponent_add_property (event, p);
          organizer = TRUE;
        }
    }
  if (!organizer && export->organizer_email != NULL)
    {
      g_autofree char *mailto = uri_value ("mailto:", export->organizer_email);
      g_autofree char *name = coalition_store_get_setting (export->store, "coalition-name");
      icalproperty *p = icalproperty_new_organizer (mailto);

      if (name != NULL && *name != '\0')
        icalproperty_add_parameter (p, icalparameter_new_cn (name));
      icalcomponent_add_property (event, p);
    }
}

static void
add_reminders (Export           *export,
               icalcomponent    *event,
               CoalitionMeeting *meeting)
{
  for (guint i = 0; export->reminders[i] >= 0; i++)
    {
      icalcomponent *alarm = icalcomponent_new (ICAL_VALARM_COMPONENT);
      struct icaltriggertype trigger = { 0 };
      g_autofree char *description = NULL;

      trigger.time = icaltime_null_time ();
      trigger.duration = icaldurationtype_from_int (-60 * export->reminders[i]);
      icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
      icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
      /* Translators: a calendar reminder, "General Meeting in 60 minutes" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %d minute", "%s in %d minutes",
                                                  export->reminders[i]),
                                     coalition_meeting_get_title (meeting), export->reminders[i]);
      icalcomponent_add_property (alarm, icalproperty_new_description (description));
      icalcomponent_add_component (event, alarm);
    }
}

/* The properties every event of a meeting has. */
static icalcomponent *
meeting_event (Export           *export,
               CoalitionMeeting *meeting,
               const char       *uid,
               int               sequence)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  const char *zone = coalition_meeting_get_zone (meeting);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *description = describe_agenda (export, meeting);
  const char *group = coalition_meeting_get_group_name (meeting);
  g_autofree char *category = NULL;

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (ical_utc (now)));
  icalcomponent_add_property (event, icalproperty_new_created (ical_utc_text (coalition_meeting_get_created_at (meeting))));
  icalcomponent_add_property (event, icalproperty_new_lastmodified (ical_utc_text (coalition_meeting_get_updated_at (meeting))));
  icalcomponent_add_property (event, icalproperty_new_sequence (sequence));
  icalcomponent_add_property (event, icalproperty_new_summary (coalition_meeting_get_title (meeting)));
  icalcomponent_add_property (event, zoned (icalproperty_new_dtstart, coalition_meeting_get_start (meeting), zone));
  icalcomponent_add_property (event, zoned (icalproperty_new_dtend, coalition_meeting_get_end (meeting), zone));
  if (zone_with_vtimezone (zone) != NULL)
    note_zone (export, zone, coalition_meeting_get_start (meeting));
  if (*coalition_meeting_get_location (meeting) != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (coalition_meeting_get_location (meeting)));
  if (*coalition_meeting_get_url (meeting) != '\0')
    {
      g_autofree char *url = uri_value ("", coalition_meeting_get_url (meeting));

      icalcomponent_add_property (event, icalproperty_new_url (url));
    }
  if (*description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  category = category_value (*group != '\0' ? group : _("Coalition"));
  icalcomponent_add_property (event, icalproperty_new_categories (category));
  icalcomponent_add_property (event, icalproperty_new_status (coalition_meeting_get_status (meeting) == COALITION_MEETING_STATUS_CANCELLED
                                                              ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  add_people (export, event, meeting);
  if (coalition_meeting_get_status (meeting) != COALITION_MEETING_STATUS_CANCELLED)
    add_reminders (export, event, meeting);
  export->n_events++;

  return event;
}

typedef struct
{
  char    *uid;
  char    *rule;
} Series;

static gboolean
read_series (Export     *export,
             gint64      series_id,
             Series     *out,
             GHashTable *starts,
             GError    **error)
{
  sqlite3_stmt *stmt = coalition_store_prepare (export->store, "SELECT uid, rule FROM meeting_series WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->uid = g_strdup (coalition_store_column_text (stmt, 0));
      out->rule = g_strdup (coalition_store_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        coalition_store_set_error (export->store, error, rc);
      return rc == SQLITE_DONE;
    }

  stmt = coalition_store_prepare (export->store, "SELECT id, series_start FROM meeting WHERE series_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
      g_hash_table_insert (starts, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                           g_strdup (coalition_store_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      coalition_store_set_error (export->store, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* The RRULE of a series, its UNTIL at the end of that day in the zone and
 * in UTC, as RFC 5545 asks when DTSTART has a TZID. */
static icalproperty *
series_rrule (const char   *rule_text,
              const char   *zone)
{
  CoalitionSeriesRule rule = { 0 };
  struct icalrecurrencetype recurrence;
  g_autofree char *without_until = NULL;
  icalproperty *property;

  if (!coalition_series_rule_parse (rule_text, &rule))
    return NULL;
  {
    CoalitionSeriesRule copy = rule;

    copy.until = NULL;
    without_until = coalition_series_rule_to_rrule (&copy);
  }
  recurrence = icalrecurrencetype_from_string (without_until);
  if (rule.until != NULL)
    {
      g_autoptr(GTimeZone) tz = coalition_zone_new (zone);
      int year, month, day;

      if (tz == NULL)
        tz = g_time_zone_new_utc ();
      if (sscanf (rule.until, "%d-%d-%d", &year, &month, &day) == 3)
        {
          g_autoptr(GDateTime) end = g_date_time_new (tz, year, month, day, 23, 59, 59);

          recurrence.until = ical_utc (end);
        }
    }
  coalition_series_rule_clear (&rule);
  property = icalproperty_new_rrule (recurrence);
  return property;
}

static gboolean
same_instant (const char *utc_text,
              GDateTime  *time)
{
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (utc_text, NULL);

  return parsed != NULL && g_date_time_compare (parsed, time) == 0;
}

/* An occurrence gets an event of its own (an override) when it was moved,
 * or differs from the first in title, place or link, or has its own agenda
 * or invitees: calendars then show each meeting's own agenda. */
static gboolean
has_own_details (Export           *export,
                 CoalitionMeeting *first,
                 CoalitionMeeting *occurrence)
{
  sqlite3_stmt *stmt;
  gboolean own = FALSE;

  if (g_strcmp0 (coalition_meeting_get_title (first), coalition_meeting_get_title (occurrence)) != 0 ||
      g_strcmp0 (coalition_meeting_get_location (first), coalition_meeting_get_location (occurrence)) != 0 ||
      g_strcmp0 (coalition_meeting_get_url (first), coalition_meeting_get_url (occurrence)) != 0)
    return TRUE;

  stmt = coalition_store_prepare (export->store,
                                  "SELECT EXISTS (SELECT 1 FROM agenda_item WHERE meeting_id = ?1) "
                                  "OR EXISTS (SELECT 1 FROM attendance WHERE meeting_id = ?1)",
                                  NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, coalition_meeting_get_id (occurrence));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    own = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return own;
}

/* A series: its first occurrence with the rule, the cancelled ones as
 * EXDATEs, and the moved ones as overrides of their own. */
static gboolean
add_series (Export        *export,
            icalcomponent *calendar,
            GPtrArray     *occurrences,
            GError       **error)
{
  CoalitionMeeting *first = occurrences->pdata[0];
  g_autoptr(GHashTable) starts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  const char *zone = coalition_meeting_get_zone (first);
  Series series = { NULL, NULL };
  icalcomponent *master;
  icalproperty *rrule;
  int sequence = 0;
  const char *first_start;

  if (!read_series (export, coalition_meeting_get_series_id (first), &series, starts, error))
    return FALSE;
  if (series.uid == NULL)
    return TRUE;

  for (guint i = 0; i < occurrences->len; i++)
    sequence = MAX (sequence, coalition_meeting_get_sequence (occurrences->pdata[i]));

  /* The master is the first occurrence as the rule places it. */
  first_start = g_hash_table_lookup (starts, &(gint64) { coalition_meeting_get_id (first) });
  {
    g_autoptr(CoalitionMeeting) model = g_object_ref (first);

    master = meeting_event (export, model, series.uid, sequence);
  }
  if (first_start != NULL && !same_instant (first_start, coalition_meeting_get_start (first)))
    {
      /* The first one itself was moved: the master keeps the rule's time. */
      g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (first_start, NULL);
      g_autoptr(GTimeZone) tz = coalition_zone_new (zone);
      g_autoptr(GDateTime) local = g_date_time_to_timezone (parsed, tz);
      g_autoptr(GDateTime) local_end = g_date_time_add (local, g_date_time_difference (coalition_meeting_get_end (first),
                                                                                        coalition_meeting_get_start (first)));

      icalcomponent_set_dtstart (master, floating (local));
      icalcomponent_set_dtend (master, floating (local_end));
    }
  /* The master is a series, not a cancelled meeting. */
  icalcomponent_set_status (master, ICAL_STATUS_CONFIRMED);
  rrule = series_rrule (series.rule, zone);
  if (rrule != NULL)
    icalcomponent_add_property (master, rrule);

  for (guint i = 0; i < occurrences->len; i++)
    {
      CoalitionMeeting *occurrence = occurrences->pdata[i];
      const char *original = g_hash_table_lookup (starts, &(gint64) { coalition_meeting_get_id (occurrence) });
      g_autoptr(GDateTime) parsed = original ? g_date_time_new_from_iso8601 (original, NULL) : NULL;
      g_autoptr(GTimeZone) tz = coalition_zone_new (zone);
      g_autoptr(GDateTime) local = parsed && tz ? g_date_time_to_timezone (parsed, tz) : NULL;

      if (local == NULL)
        continue;
      if (coalition_meeting_get_status (occurrence) == COALITION_MEETING_STATUS_CANCELLED)
        icalcomponent_add_property (master, zoned (icalproperty_new_exdate, local, zone));
      else if (!same_instant (original, coalition_meeting_get_start (occurrence)) ||
               has_own_details (export, first, occurrence))
        {
          icalcomponent *moved = meeting_event (export, occurrence, series.uid, coalition_meeting_get_sequence (occurrence));

          icalcomponent_add_property (moved, zoned (icalproperty_new_recurrenceid, local, zone));
          icalcomponent_add_component (calendar, moved);
        }
    }

  icalcomponent_add_component (calendar, master);
  g_free (series.uid);
  g_free (series.rule);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

/* The zone's VTIMEZONE from the system's data, cut to the years used and
 * named by its IANA name. */
static void
add_timezones (Export        *export,
               icalcomponent *calendar)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_hash_table_iter_init (&iter, export->zones);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      int *years = g_hash_table_lookup (export->zones, name);
      icaltimezone *tz = zone_with_vtimezone (name);
      icalcomponent *vtimezone;
      icaltimetype from = icaltime_null_time (), until = icaltime_null_time ();
      icalproperty *tzid;

      if (tz == NULL)
        continue;
      vtimezone = icalcomponent_new_clone (icaltimezone_get_component (tz));
      from.year = years[0] - 1;
      from.month = from.day = 1;
      from.zone = icaltimezone_get_utc_timezone ();
      until.year = years[1] + 2;
      until.month = until.day = 1;
      until.zone = icaltimezone_get_utc_timezone ();
      icaltimezone_truncate_vtimezone (vtimezone, from, until, 0);
      tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
      if (tzid != NULL)
        icalproperty_set_tzid (tzid, name);
      /* TZUNTIL (RFC 7808) is not for calendar files. */
      {
        icalproperty *p = icalcomponent_get_first_property (vtimezone, ICAL_X_PROPERTY);

        while (p != NULL)
          {
            icalproperty *next = icalcomponent_get_next_property (vtimezone, ICAL_X_PROPERTY);

            if (g_strcmp0 (icalproperty_get_x_name (p), "X-LIC-LOCATION") != 0)
              {
                icalcomponent_remove_property (vtimezone, p);
                icalproperty_free (p);
              }
            p = next;
          }
      }
      {
        icalproperty *p = icalcomponent_get_first_property (vtimezone, ICAL_TZUNTIL_PROPERTY);

        if (p != NULL)
          {
            icalcomponent_remove_property (vtimezone, p);
            icalproperty_free (p);
          }
      }
      icalcomponent_add_component (calendar, vtimezone);
    }
}

/* Writes one logical line folded: at most 75 octets a line, never cut inside
 * a UTF-8 character, each ended by CRLF. */
static void
append_folded (GString    *out,
               const char *line,
               gsize       length)
{
  const char *p = line, *stop = line + length;
  gsize width = 75;

  while (p < stop)
    {
      const char *end = p;

      while (end < stop && (gsize)(g_utf8_next_char (end) - p) <= width)
        end = g_utf8_next_char (end);
      if (end == p)
        end = g_utf8_next_char (p);
      if (p != line)
        g_string_append_c (out, ' ');
      g_string_append_len (out, p, end - p);
      g_string_append (out, "\r\n");
      p = end;
      width = 74;   /* continuation lines begin with a space */
    }
}

/* libical's text, unfolded and folded again our way, in one pass, with the
 * commas and semicolons of categories escaped (see category_value ()). */
static char *
refold (const char *text)
{
  gsize length = strlen (text);
  GString *out = g_string_sized_new (length + length / 32);
  g_autoptr(GString) line = g_string_sized_new (256);

  for (const char *p = text; *p != '\0'; )
    {
      gsize eol = (p[0] == '\r' && p[1] == '\n') ? 2 : (p[0] == '\n' ? 1 : 0);

      if (eol == 0 && strncmp (p, CATEGORY_COMMA, 3) == 0)
        {
          g_string_append (line, "\\,");
          p += 3;
          continue;
        }
      if (eol == 0 && strncmp (p, CATEGORY_SEMICOLON, 3) == 0)
        {
          g_string_append (line, "\\;");
          p += 3;
          continue;
        }
      if (eol == 0)
        {
          g_string_append_c (line, *p++);
          continue;
        }
      p += eol;
      /* A fold: the line goes on after the space or tab. */
      if (*p == ' ' || *p == '\t')
        {
          p++;
          continue;
        }
      if (line->len > 0)
        append_folded (out, line->str, line->len);
      g_string_truncate (line, 0);
    }
  if (line->len > 0)
    append_folded (out, line->str, line->len);

  return g_string_free (out, FALSE);
}

char *
coalition_ics_export (CoalitionStore     *store,
                      CoalitionIcsScope   scope,
                      gint64              meeting_id,
                      guint              *out_n_events,
                      GError            **error)
{
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GArray) series_order = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree int *reminders = coalition_ics_get_reminders (store);
  g_autofree char *organizer = coalition_store_get_setting (store, "coalition-email");
  Export export = { store, NULL, reminders, organizer, 0 };
  icalcomponent *calendar;
  gint64 wanted_series = 0;
  gboolean found = FALSE;
  char *text;

  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);

  meetings = coalition_store_list_meetings (store, error);
  if (meetings == NULL)
    return NULL;

  if (scope == COALITION_ICS_MEETING)
    {
      for (guint i = 0; i < meetings->len; i++)
        if (coalition_meeting_get_id (meetings->pdata[i]) == meeting_id)
          {
            found = TRUE;
            wanted_series = coalition_meeting_get_series_id (meetings->pdata[i]);
          }
      if (!found)
        {
          g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                       _("There is no meeting %lld in this file."), (long long)meeting_id);
          return NULL;
        }
    }

  export.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  /* Series first gathered whole, in the order of their first meeting. */
  for (guint i = 0; i < meetings->len; i++)
    {
      CoalitionMeeting *meeting = meetings->pdata[i];
      gint64 series_id = coalition_meeting_get_series_id (meeting);
      gboolean upcoming = g_date_time_compare (coalition_meeting_get_end (meeting), now) >= 0;

      if (scope == COALITION_ICS_MEETING &&
          (wanted_series != 0 ? series_id != wanted_series : coalition_meeting_get_id (meeting) != meeting_id))
        continue;

      if (series_id > 0)
        {
          GPtrArray *occurrences = g_hash_table_lookup (series, &series_id);

          if (occurrences == NULL)
            {
              occurrences = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (series, g_memdup2 (&series_id, sizeof series_id), occurrences);
              g_array_append_val (series_order, series_id);
            }
          g_ptr_array_add (occurrences, g_object_ref (meeting));
          if (upcoming)
            g_object_set_data (G_OBJECT (occurrences->pdata[0]), "upcoming", GINT_TO_POINTER (TRUE));
          continue;
        }

      if (scope == COALITION_ICS_UPCOMING && !upcoming)
        continue;
      icalcomponent_add_component (calendar, meeting_event (&export, meeting, coalition_meeting_get_uid (meeting),
                                                            coalition_meeting_get_sequence (meeting)));
    }

  for (guint i = 0; i < series_order->len; i++)
    {
      GPtrArray *occurrences = g_hash_table_lookup (series, &g_array_index (series_order, gint64, i));

      if (scope == COALITION_ICS_UPCOMING && g_object_get_data (G_OBJECT (occurrences->pdata[0]), "upcoming") == NULL)
        continue;
      if (!add_series (&export, calendar, occurrences, error))
        {
          icalcomponent_free (calendar);
          g_hash_table_unref (export.zones);
          return NULL;
        }
    }

  add_timezones (&export, calendar);
  {
    char *ical = icalcomponent_as_ical_string_r (calendar);

    text = refold (ical);
    free (ical);
  }
  icalcomponent_free (calendar);
  g_hash_table_unref (export.zones);

  if (out_n_events != NULL)
    *out_n_events = export.n_events;
  return text;
}

gboolean
coalition_ics_write_file (CoalitionStore     *store,
                          CoalitionIcsScope   scope,
                          gint64              meeting_id,
                          const char         *path,
                          guint              *out_n_events,
                          GError            **error)
{
  g_autofree char *text = coalition_ics_export (store, scope, meeting_id, out_n_events, error);

  if (text == NULL)
    return FALSE;

  return coalition_export_write_file (path, text, strlen (text), error);
}
