/* test-ics.c — the iCalendar export, read back by libical and by Debian's
 * python3-icalendar and python3-vobject, and accepted by khal and Radicale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <string.h>

#include "coalition-core.h"
#include "coalition-ics.h"

static CoalitionStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  CoalitionStore *store = coalition_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static CoalitionMeeting *
add_meeting (CoalitionStore *store,
             const char     *title,
             const char     *zone,
             int             year,
             int             month,
             int             day,
             int             hour,
             int             minute)
{
  g_autoptr(GTimeZone) tz = coalition_zone_new (zone);
  g_autoptr(GDateTime) start = g_date_time_new (tz, year, month, day, hour, minute, 0);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
  g_autoptr(GError) error = NULL;
  CoalitionMeeting *meeting = coalition_meeting_new ();

  coalition_meeting_set_title (meeting, title);
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, end);
  coalition_meeting_set_zone (meeting, zone);
  coalition_meeting_set_location (meeting, "Salle Œcuménique; 3, rue de l’Église, Montréal\\Québec");
  g_assert_true (coalition_store_insert_meeting (store, meeting, &error));
  g_assert_no_error (error);
  return meeting;
}

static char *
utc_of (CoalitionMeeting *meeting)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (coalition_meeting_get_start (meeting));

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Every VEVENT's UID, RECURRENCE-ID and start in UTC, as libical reads them
 * with the file's own VTIMEZONEs. */
static GHashTable *
libical_starts (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);
  GHashTable *starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_assert_nonnull (calendar);
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL; event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);
      icaltimezone *zone = tzid ? icalcomponent_get_timezone (calendar, icalparameter_get_tzid (tzid))
                                : icaltimezone_get_utc_timezone ();
      icaltimetype start = icalproperty_get_dtstart (dtstart);
      g_autoptr(GDateTime) utc = NULL;
      char *key;

      g_assert_nonnull (zone);
      utc = g_date_time_new_from_unix_utc (icaltime_as_timet_with_zone (start, zone));
      key = g_strdup (icalcomponent_get_summary (event));
      g_hash_table_insert (starts, key, g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ"));
    }
  icalcomponent_free (calendar);
  return starts;
}

static void
assert_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
    }
}

static void
test_ics_zones (void)
{
  g_autoptr(CoalitionStore) store = new_store ("zones.db");
  const struct { const char *title, *zone; int y, m, d, h, min; } cases[] = {
    { "New York", "America/New_York", 2026, 12, 8, 18, 30 },
    { "Berlin, the week summer time begins", "Europe/Berlin", 2026, 3, 30, 19, 0 },
    { "Kolkata", "Asia/Kolkata", 2026, 7, 1, 17, 45 },
    { "Lord Howe", "Australia/Lord_Howe", 2026, 10, 5, 9, 0 },
    { "New York, the day after clocks go back", "America/New_York", 2026, 11, 2, 18, 30 },
    { "Online, in UTC", "UTC", 2026, 12, 1, 18, 0 },
  };
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) starts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_ptr_array_add (meetings, add_meeting (store, cases[i].title, cases[i].zone, cases[i].y, cases[i].m, cases[i].d,
                                            cases[i].h, cases[i].min));

  text = coalition_ics_export (store, COALITION_ICS_ALL, 0, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (cases));
  assert_lines (text);
  g_assert_nonnull (strstr (text, "METHOD:PUBLISH\r\n"));
  g_assert_nonnull (strstr (text, "PRODID:"));
  /* A VTIMEZONE under each IANA name, none under libical's own prefix. */
  g_assert_nonnull (strstr (text, "TZID:Australia/Lord_Howe\r\n"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Asia/Kolkata:20260701T174500\r\n"));
  g_assert_null (strstr (text, "freeassociation"));
  g_assert_null (strstr (text, "TZUNTIL"));
  /* UTC has no VTIMEZONE to point at: its times are written in UTC. */
  g_assert_nonnull (strstr (text, "DTSTART:20261201T180000Z\r\n"));
  g_assert_null (strstr (text, "TZID=UTC"));

  starts = libical_starts (text);
  for (guint i = 0; i < meetings->len; i++)
    {
      g_autofree char *expected = utc_of (meetings->pdata[i]);

      g_assert_cmpstr (g_hash_table_lookup (starts, cases[i].title), ==, expected);
    }
  /* The instants themselves, by hand: 18:30 EST is 23:30 UTC; 17:45 IST is 12:15. */
  g_assert_cmpstr (g_hash_table_lookup (starts, "New York"), ==, "2026-12-08T23:30:00Z");
  g_assert_cmpstr (g_hash_table_lookup (starts, "Kolkata"), ==, "2026-07-01T12:15:00Z");
  g_assert_cmpstr (g_hash_table_lookup (starts, "Berlin, the week summer time begins"), ==, "2026-03-30T17:00:00Z");
  g_assert_cmpstr (g_hash_table_lookup (starts, "Lord Howe"), ==, "2026-10-04T22:00:00Z");
}

/* What python3-icalendar and python3-vobject read: for each event its UID,
 * recurrence id, start in UTC, alarms, attendees, and for a series its
 * first five starts. */
static const char reader[] =
  "import json, sys, datetime\n"
  "import icalendar, vobject\n"
  "data = open(sys.argv[1], 'rb').read()\n"
  "out = {'icalendar': [], 'vobject': []}\n"
  "utc = datetime.timezone.utc\n"
  "def iso(d):\n"
  "    return d.astimezone(utc).strftime('%Y-%m-%dT%H:%M:%SZ')\n"
  "for ev in icalendar.Calendar.from_ical(data).walk('VEVENT'):\n"
  "    rid = ev.get('RECURRENCE-ID')\n"
  "    out['icalendar'].append({'uid': str(ev['UID']), 'summary': str(ev['SUMMARY']),\n"
  "        'start': iso(ev.decoded('DTSTART')), 'recurrence': iso(rid.dt) if rid else None,\n"
  "        'alarms': len(ev.walk('VALARM')), 'attendees': len(ev.get('ATTENDEE', []) if isinstance(ev.get('ATTENDEE'), list) else ([ev['ATTENDEE']] if 'ATTENDEE' in ev else [])),\n"
  "        'status': str(ev.get('STATUS')), 'sequence': int(ev.get('SEQUENCE', 0)),\n"
  "        'description': str(ev.get('DESCRIPTION', ''))})\n"
  "cal = vobject.readOne(data.decode('utf-8'))\n"
  "for ev in cal.vevent_list:\n"
  "    first = []\n"
  "    if hasattr(ev, 'rrule') and not hasattr(ev, 'recurrence_id'):\n"
  "        for i, d in enumerate(ev.getrruleset(addRDate=True)):\n"
  "            if i == 5: break\n"
  "            first.append(iso(d))\n"
  "    out['vobject'].append({'uid': ev.uid.value, 'start': iso(ev.dtstart.value), 'first': first,\n"
  "        'alarms': len(ev.contents.get('valarm', [])), 'attendees': len(ev.contents.get('attendee', []))})\n"
  "json.dump(out, sys.stdout)\n";

static JsonObject *
read_with_python (const char *path)
{
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonParser *parser = json_parser_new ();
  JsonObject *result;

  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             "/usr/bin/python3", "-c", reader, path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (python))
    g_error ("the .ics file did not read in Python: %s", err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  result = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
  g_object_unref (parser);
  return result;
}

static JsonObject *
find_event (JsonArray  *events,
            const char *uid,
            gboolean    recurrence)
{
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      gboolean has_recurrence = json_object_has_member (event, "recurrence") &&
                                !json_object_get_null_member (event, "recurrence");

      if (g_str_equal (json_object_get_string_member (event, "uid"), uid) && has_recurrence == recurrence)
        return event;
    }
  return NULL;
}

static void
test_ics_series_and_independent_readers (void)
{
  g_autoptr(CoalitionStore) store = new_store ("series.db");
  g_autoptr(CoalitionMeeting) first = add_meeting (store, "General Meeting · Zoë, Łukasz, 김민준", "America/Chicago",
                                                   2026, 1, 13, 18, 0);
  CoalitionSeriesRule rule = { COALITION_REPEAT_MONTHLY_WEEKDAY, 1, 2, G_DATE_TUESDAY, (char *)"2026-12-31" };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "series.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(JsonObject) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_notes = g_string_new (NULL);
  g_autoptr(CoalitionPerson) zoe = coalition_person_new ();
  JsonArray *events, *vobject_events;
  JsonObject *master, *moved;
  const char *series_uid = NULL;
  guint n = 0;

  g_assert_true (coalition_store_create_series (store, first, &rule, NULL, &error));
  g_assert_no_error (error);
  meetings = coalition_store_list_meetings (store, &error);
  g_assert_cmpuint (meetings->len, ==, 12);

  /* March cancelled, May moved to the Thursday. */
  coalition_meeting_set_status (meetings->pdata[2], COALITION_MEETING_STATUS_CANCELLED);
  g_assert_true (coalition_store_update_meeting (store, meetings->pdata[2], &error));
  {
    CoalitionMeeting *may = meetings->pdata[4];
    g_autoptr(GDateTime) start = g_date_time_add_days (coalition_meeting_get_start (may), 2);
    g_autoptr(GDateTime) end = g_date_time_add_days (coalition_meeting_get_end (may), 2);

    coalition_meeting_set_start (may, start);
    coalition_meeting_set_end (may, end);
    g_assert_true (coalition_store_update_meeting (store, may, &error));
  }

  /* The first has a long agenda note and an invited member with an e-mail. */
  for (guint i = 0; i < 5000 / 50; i++)
    g_string_append (long_notes, "Ünïcödé, commas; semicolons \\ backslashes — 나눔. ");
  {
    g_autoptr(GPtrArray) agenda = coalition_agenda_standard_template ();

    coalition_agenda_item_set_presenter (agenda->pdata[0], long_notes->str);
    g_assert_true (coalition_store_set_agenda (store, coalition_meeting_get_id (first), agenda, &error));
  }
  coalition_person_set_given_name (zoe, "Zoë");
  coalition_person_set_family_name (zoe, "Brontë");
  coalition_person_add_email (zoe, "work", "zoe@example.org", TRUE);
  g_assert_true (coalition_store_insert_person (store, zoe, &error));
  g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (first), coalition_person_get_id (zoe),
                                                 COALITION_ATTENDANCE_INVITED, &error));

  g_assert_true (coalition_ics_write_file (store, COALITION_ICS_MEETING, coalition_meeting_get_id (first), path, &n, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  assert_lines (text);
  g_assert_nonnull (strstr (text, "RRULE:FREQ=MONTHLY;UNTIL=20270101T055959Z;BYDAY=2TU\r\n"));
  g_assert_nonnull (strstr (text, "EXDATE;TZID=America/Chicago:20260310T180000\r\n"));
  g_assert_nonnull (strstr (text, "RECURRENCE-ID;TZID=America/Chicago:20260512T180000\r\n"));

  read = read_with_python (path);
  events = json_object_get_array_member (read, "icalendar");
  vobject_events = json_object_get_array_member (read, "vobject");
  g_assert_cmpuint (json_array_get_length (events), ==, n);
  g_assert_cmpuint (json_array_get_length (vobject_events), ==, n);

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (json_object_get_null_member (event, "recurrence"))
        series_uid = json_object_get_string_member (event, "uid");
    }
  g_assert_nonnull (series_uid);
  master = find_event (events, series_uid, FALSE);
  g_assert_cmpstr (json_object_get_string_member (master, "start"), ==, "2026-01-14T00:00:00Z");
  g_assert_cmpint (json_object_get_int_member (master, "alarms"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (master, "attendees"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (master, "summary"), ==, "General Meeting · Zoë, Łukasz, 김민준");
  /* The 5 000 characters came through the folding whole. */
  g_assert_nonnull (strstr (json_object_get_string_member (master, "description"), long_notes->str));

  /* The January meeting has its own agenda and invitee: an override of its
   * own; May's is the moved one. 18:00 is 23:00 UTC in May (CDT). */
  g_assert_nonnull (find_event (events, series_uid, TRUE));
  moved = NULL;
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (!json_object_get_null_member (event, "recurrence") &&
          g_str_equal (json_object_get_string_member (event, "recurrence"), "2026-05-12T23:00:00Z"))
        moved = event;
    }
  g_assert_nonnull (moved);
  g_assert_cmpstr (json_object_get_string_member (moved, "uid"), ==, series_uid);
  g_assert_cmpstr (json_object_get_string_member (moved, "start"), ==, "2026-05-14T23:00:00Z");
  g_assert_cmpint (json_object_get_int_member (moved, "sequence"), ==, 1);

  /* vobject expands the rule: January, February, (no March), April, May as
   * the rule has it (the move is an override), June. */
  for (guint i = 0; i < json_array_get_length (vobject_events); i++)
    {
      JsonObject *event = json_array_get_object_element (vobject_events, i);
      JsonArray *first_five = json_object_get_array_member (event, "first");

      if (json_array_get_length (first_five) == 0)
        continue;
      g_assert_cmpuint (json_array_get_length (first_five), ==, 5);
      g_assert_cmpstr (json_array_get_string_element (first_five, 0), ==, "2026-01-14T00:00:00Z");
      g_assert_cmpstr (json_array_get_string_element (first_five, 1), ==, "2026-02-11T00:00:00Z");
      g_assert_cmpstr (json_array_get_string_element (first_five, 2), ==, "2026-04-14T23:00:00Z");
      g_assert_cmpstr (json_array_get_string_element (first_five, 3), ==, "2026-05-12T23:00:00Z");
      g_assert_cmpstr (json_array_get_string_element (first_five, 4), ==, "2026-06-09T23:00:00Z");
      g_assert_cmpint (json_object_get_int_member (event, "alarms"), ==, 2);
    }
}

static void
test_ics_changes (void)
{
  g_autoptr(CoalitionStore) store = new_store ("changes.db");
  g_autoptr(CoalitionMeeting) meeting = add_meeting (store, "Budget", "Europe/Berlin", 2026, 12, 1, 18, 0);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *cancelled = NULL;
  g_autofree char *uid_line = g_strdup_printf ("UID:%s\r\n", coalition_meeting_get_uid (meeting));
  g_autoptr(GError) error = NULL;

  before = coalition_ics_export (store, COALITION_ICS_MEETING, coalition_meeting_get_id (meeting), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (before, uid_line));
  g_assert_nonnull (strstr (before, "SEQUENCE:0\r\n"));
  g_assert_nonnull (strstr (before, "STATUS:CONFIRMED\r\n"));
  g_assert_nonnull (strstr (before, "TRIGGER:-PT1H\r\n"));
  g_assert_nonnull (strstr (before, "TRIGGER:-PT5M\r\n"));
  g_assert_nonnull (strstr (before, "LOCATION:Salle Œcuménique\\; 3\\, rue de l’Église\\, Montréal\\\\Québec\r\n"));

  /* Moved an hour: the same UID, a higher SEQUENCE. */
  {
    g_autoptr(GDateTime) start = g_date_time_add_hours (coalition_meeting_get_start (meeting), 1);
    g_autoptr(GDateTime) end = g_date_time_add_hours (coalition_meeting_get_end (meeting), 1);

    coalition_meeting_set_start (meeting, start);
    coalition_meeting_set_end (meeting, end);
    g_assert_true (coalition_store_update_meeting (store, meeting, &error));
  }
  after = coalition_ics_export (store, COALITION_ICS_MEETING, coalition_meeting_get_id (meeting), NULL, &error);
  g_assert_nonnull (strstr (after, uid_line));
  g_assert_nonnull (strstr (after, "SEQUENCE:1\r\n"));
  g_assert_nonnull (strstr (after, "DTSTART;TZID=Europe/Berlin:20261201T190000\r\n"));

  /* Cancelled: STATUS:CANCELLED and higher still, so calendars remove it. */
  coalition_meeting_set_status (meeting, COALITION_MEETING_STATUS_CANCELLED);
  g_assert_true (coalition_store_update_meeting (store, meeting, &error));
  cancelled = coalition_ics_export (store, COALITION_ICS_MEETING, coalition_meeting_get_id (meeting), NULL, &error);
  g_assert_nonnull (strstr (cancelled, uid_line));
  g_assert_nonnull (strstr (cancelled, "STATUS:CANCELLED\r\n"));
  g_assert_nonnull (strstr (cancelled, "SEQUENCE:2\r\n"));

  /* The organizer: the coalition's address while the facilitator has none. */
  g_assert_null (strstr (cancelled, "ORGANIZER"));
  g_assert_true (coalition_store_set_setting (store, "coalition-email", "coordinator@example.org", &error));
  g_assert_true (coalition_store_set_setting (store, "coalition-name", "Riverside Housing Justice Coalition", &error));
  {
    g_autofree char *with_organizer = coalition_ics_export (store, COALITION_ICS_MEETING, coalition_meeting_get_id (meeting),
                                                            NULL, &error);
    g_autoptr(CoalitionPerson) facilitator = coalition_person_new ();
    g_autofree char *by_facilitator = NULL;

    g_assert_nonnull (strstr (with_organizer, "ORGANIZER;CN=Riverside Housing Justice Coalition:mailto:coordinator@"));
    coalition_person_set_display_name (facilitator, "Łukasz Nowak");
    coalition_person_add_email (facilitator, "work", "lukasz@example.org", TRUE);
    g_assert_true (coalition_store_insert_person (store, facilitator, &error));
    coalition_meeting_set_facilitator_id (meeting, coalition_person_get_id (facilitator));
    g_assert_true (coalition_store_update_meeting (store, meeting, &error));
    by_facilitator = coalition_ics_export (store, COALITION_ICS_MEETING, coalition_meeting_get_id (meeting), NULL, &error);
    g_assert_nonnull (strstr (by_facilitator, "ORGANIZER;CN=Łukasz Nowak:mailto:lukasz@example.org\r\n"));
  }

  /* No reminders when the setting says none. */
  g_assert_true (coalition_store_set_setting (store, "reminders", "", &error));
  {
    g_autofree char *quiet = NULL;

    coalition_meeting_set_status (meeting, COALITION_MEETING_STATUS_PLANNED);
    g_assert_true (coalition_store_update_meeting (store, meeting, &error));
    quiet = coalition_ics_export (store, COALITION_ICS_MEETING, coalition_meeting_get_id (meeting), NULL, &error);
    g_assert_null (strstr (quiet, "BEGIN:VALARM"));
  }
}

static void
test_ics_no_partial_file (void)
{
  g_autoptr(CoalitionStore) store = new_store ("partial.db");
  g_autoptr(CoalitionMeeting) meeting = add_meeting (store, "Budget", "UTC", 2026, 12, 1, 18, 0);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (dir, "meetings.ics", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (coalition_ics_write_file (store, COALITION_ICS_ALL, 0, path, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_null (coalition_ics_export (store, COALITION_ICS_MEETING, 999, NULL, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
}

/* khal imports the file into a calendar of its own. */
static void
test_ics_khal (void)
{
  g_autoptr(CoalitionStore) store = new_store ("khal.db");
  g_autoptr(CoalitionMeeting) meeting = add_meeting (store, "Rent board hearing prep", "America/New_York", 2026, 12, 8, 18, 30);
  g_autofree char *ics = g_build_filename (g_get_user_data_dir (), "khal.ics", NULL);
  g_autofree char *calendar_dir = g_build_filename (g_get_user_data_dir (), "khal-calendar", NULL);
  g_autofree char *config = g_build_filename (g_get_user_data_dir (), "khal.conf", NULL);
  g_autofree char *config_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) khal = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/usr/bin/khal", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("khal is not installed (build-aux/dev setup installs it)");
      return;
    }

  g_assert_true (coalition_ics_write_file (store, COALITION_ICS_ALL, 0, ics, NULL, &error));
  g_mkdir_with_parents (calendar_dir, 0700);
  config_text = g_strdup_printf ("[calendars]\n[[coalition]]\npath = %s\n[sqlite]\npath = %s.sqlite\n"
                                 "[locale]\ntimeformat = %%H:%%M\n"
                                 "dateformat = %%Y-%%m-%%d\nlongdateformat = %%Y-%%m-%%d\n"
                                 "datetimeformat = %%Y-%%m-%%d %%H:%%M\nlongdatetimeformat = %%Y-%%m-%%d %%H:%%M\n"
                                 "local_timezone = America/New_York\ndefault_timezone = America/New_York\n",
                                 calendar_dir, calendar_dir);
  g_assert_true (g_file_set_contents (config, config_text, -1, NULL));

  khal = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           "khal", "-c", config, "import", "--batch", "-a", "coalition", ics, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (khal, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (khal))
    g_error ("khal refused the file: %s%s", out, err);
  g_clear_object (&khal);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  khal = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                           "khal", "-c", config, "list", "2026-12-08", "2026-12-09", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (khal, NULL, NULL, &out, &err, &error);
  g_assert_true (g_subprocess_get_successful (khal));
  g_assert_nonnull (strstr (out, "18:30-20:00 Rent board hearing prep"));
}

/* Radicale, started on 127.0.0.1 by the test, takes the file by CalDAV PUT
 * into a new calendar and lists it back. */
static const char radicale_client[] =
  "import http.client, socket, subprocess, sys, time, os\n"
  "ics, folder = sys.argv[1], sys.argv[2]\n"
  "s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()\n"
  "server = subprocess.Popen([sys.executable, '-m', 'radicale', '--config', '', '--server-hosts', '127.0.0.1:%d' % port,\n"
  "    '--storage-filesystem-folder', folder, '--auth-type', 'none', '--rights-type', 'authenticated',\n"
  "    '--logging-level', 'error'], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
  "try:\n"
  "    for _ in range(100):\n"
  "        if server.poll() is not None: raise SystemExit(server.stderr.read().decode())\n"
  "        try:\n"
  "            socket.create_connection(('127.0.0.1', port), timeout=0.2).close(); break\n"
  "        except OSError: time.sleep(0.1)\n"
  "    c = http.client.HTTPConnection('127.0.0.1', port)\n"
  "    auth = {'Authorization': 'Basic Y29hbGl0aW9uOng='}\n"
  "    c.request('MKCALENDAR', '/coalition/meetings/', headers=auth); r = c.getresponse(); r.read()\n"
  "    assert r.status in (201,), ('MKCALENDAR', r.status)\n"
  "    c.request('PUT', '/coalition/meetings/meeting.ics', open(ics, 'rb').read(), dict(auth, **{'Content-Type': 'text/calendar'}))\n"
  "    r = c.getresponse(); body = r.read()\n"
  "    assert r.status in (201, 204), ('PUT', r.status, body)\n"
  "    c.request('GET', '/coalition/meetings/meeting.ics', headers=auth); r = c.getresponse(); body = r.read().decode()\n"
  "    assert r.status == 200, ('GET', r.status)\n"
  "    print(body)\n"
  "finally:\n"
  "    server.terminate(); server.wait()\n";

static void
test_ics_radicale (void)
{
  g_autoptr(CoalitionStore) store = new_store ("radicale.db");
  g_autoptr(CoalitionMeeting) meeting = add_meeting (store, "Tenant assembly — Ŝ, 김, Đ", "Europe/Berlin", 2026, 12, 12, 14, 0);
  g_autofree char *ics = g_build_filename (g_get_user_data_dir (), "radicale.ics", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "radicale-storage", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/usr/bin/radicale", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("Radicale is not installed (build-aux/dev setup installs it)");
      return;
    }

  g_assert_true (coalition_ics_write_file (store, COALITION_ICS_MEETING, coalition_meeting_get_id (meeting), ics, NULL, &error));
  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             "/usr/bin/python3", "-c", radicale_client, ics, folder, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (python))
    g_error ("Radicale did not take the file: %s", err);
  g_assert_nonnull (strstr (out, coalition_meeting_get_uid (meeting)));
  g_assert_nonnull (strstr (out, "Tenant assembly"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/ics/zones", test_ics_zones);
  g_test_add_func ("/ics/series-and-independent-readers", test_ics_series_and_independent_readers);
  g_test_add_func ("/ics/changes", test_ics_changes);
  g_test_add_func ("/ics/no-partial-file", test_ics_no_partial_file);
  g_test_add_func ("/ics/khal", test_ics_khal);
  g_test_add_func ("/ics/radicale", test_ics_radicale);

  return g_test_run ();
}
