/* test-meetings.c — meetings: agenda times across zones and daylight saving,
 * series, carry-over of action items, attendance, closing and the next one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "coalition-core.h"

static CoalitionStore *
new_store (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  CoalitionStore *store = coalition_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static GDateTime *
local_time (const char *zone,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_autoptr(GTimeZone) tz = coalition_zone_new (zone);

  g_assert_nonnull (tz);
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static CoalitionMeeting *
make_meeting (CoalitionStore *store,
              const char     *title,
              const char     *zone,
              int             year,
              int             month,
              int             day,
              int             hour,
              int             minutes_long,
              gint64          group_id)
{
  g_autoptr(GDateTime) start = local_time (zone, year, month, day, hour, 0);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, minutes_long);
  g_autoptr(GError) error = NULL;
  CoalitionMeeting *meeting = coalition_meeting_new ();

  coalition_meeting_set_title (meeting, title);
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, end);
  coalition_meeting_set_zone (meeting, zone);
  coalition_meeting_set_location (meeting, "Community Room, 12 Main Street");
  coalition_meeting_set_group_id (meeting, group_id);
  g_assert_true (coalition_store_insert_meeting (store, meeting, &error));
  g_assert_no_error (error);

  return meeting;
}

static CoalitionAgendaItem *
item (const char *title,
      int         minutes)
{
  CoalitionAgendaItem *item = coalition_agenda_item_new ();

  coalition_agenda_item_set_title (item, title);
  coalition_agenda_item_set_minutes (item, minutes);
  return item;
}

static char *
clock_text (GDateTime *time)
{
  return g_date_time_format (time, "%H:%M %Z");
}

static void
test_agenda_times_daylight_saving (void)
{
  /* Chicago leaves daylight saving time at 02:00 on 1 November 2026:
   * an agenda from 00:30 passes 01:30 twice. */
  g_autoptr(GDateTime) start = local_time ("America/Chicago", 2026, 11, 1, 0, 30);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) times = NULL;
  const char *expected[] = { "00:30 CDT", "01:30 CDT", "01:30 CST", "02:00 CST" };

  g_ptr_array_add (items, item ("Welcome", 60));
  g_ptr_array_add (items, item ("Reports", 60));
  g_ptr_array_add (items, item ("Decisions", 30));
  times = coalition_agenda_start_times (start, items);
  g_assert_cmpuint (times->len, ==, 4);
  for (guint i = 0; i < times->len; i++)
    {
      g_autofree char *shown = clock_text (times->pdata[i]);
      g_assert_cmpstr (shown, ==, expected[i]);
    }
  /* Two and a half hours passed, though the clock moved one and a half. */
  g_assert_cmpint (g_date_time_difference (times->pdata[3], start), ==, 150 * G_TIME_SPAN_MINUTE);
}

static void
test_agenda_times_half_hour_zones (void)
{
  g_autoptr(GDateTime) kolkata = local_time ("Asia/Kolkata", 2026, 3, 14, 17, 45);
  g_autoptr(GDateTime) adelaide = local_time ("Australia/Adelaide", 2026, 4, 5, 1, 0);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) times = NULL;
  g_autoptr(GPtrArray) times_adelaide = NULL;
  g_autofree char *utc = NULL;
  g_autoptr(GDateTime) end_utc = NULL;

  g_ptr_array_add (items, item ("Introductions", 25));
  g_ptr_array_add (items, item ("Discussion", 50));
  times = coalition_agenda_start_times (kolkata, items);
  g_assert_cmpint (g_date_time_get_hour (times->pdata[2]), ==, 19);
  g_assert_cmpint (g_date_time_get_minute (times->pdata[2]), ==, 0);
  end_utc = g_date_time_to_utc (times->pdata[2]);
  utc = g_date_time_format (end_utc, "%H:%M");
  g_assert_cmpstr (utc, ==, "13:30");   /* +05:30 */

  /* Adelaide (+10:30) goes back to +09:30 at 03:00 on 5 April 2026. */
  times_adelaide = coalition_agenda_start_times (adelaide, items);
  g_assert_cmpint (g_date_time_get_utc_offset (times_adelaide->pdata[0]) / G_TIME_SPAN_MINUTE, ==, 630);
  g_assert_cmpint (g_date_time_get_hour (times_adelaide->pdata[2]), ==, 2);
  g_assert_cmpint (g_date_time_get_minute (times_adelaide->pdata[2]), ==, 15);
}

static void
test_agenda_overrun_and_order (void)
{
  g_autoptr(CoalitionStore) store = new_store ("agenda.db");
  g_autoptr(CoalitionMeeting) meeting = make_meeting (store, "General Meeting", "Europe/Berlin",
                                                      2026, 12, 8, 18, 90, 0);
  g_autoptr(GPtrArray) items = coalition_agenda_standard_template ();
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GPtrArray) reordered = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_id;

  /* The standard meeting takes 90 minutes: it fits exactly. */
  g_assert_cmpuint (items->len, ==, 6);
  g_assert_cmpstr (coalition_agenda_item_get_title (items->pdata[1]), ==, "Review of action items");
  g_assert_cmpint (coalition_agenda_overrun_minutes (coalition_meeting_get_start (meeting),
                                                     coalition_meeting_get_end (meeting), items), ==, 0);
  coalition_agenda_item_set_minutes (items->pdata[3], 45);
  g_assert_cmpint (coalition_agenda_overrun_minutes (coalition_meeting_get_start (meeting),
                                                     coalition_meeting_get_end (meeting), items), ==, 15);

  g_assert_true (coalition_store_set_agenda (store, coalition_meeting_get_id (meeting), items, &error));
  g_assert_no_error (error);
  first_id = coalition_agenda_item_get_id (items->pdata[0]);
  g_assert_cmpint (first_id, >, 0);

  /* Reordered: the last item first; every item keeps its identity. */
  reordered = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (reordered, g_object_ref (items->pdata[5]));
  for (guint i = 0; i < 5; i++)
    g_ptr_array_add (reordered, g_object_ref (items->pdata[i]));
  coalition_agenda_item_set_notes (reordered->pdata[1], "Zoë welcomed two new member organizations.");
  g_assert_true (coalition_store_set_agenda (store, coalition_meeting_get_id (meeting), reordered, &error));
  back = coalition_store_list_agenda (store, coalition_meeting_get_id (meeting), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 6);
  g_assert_cmpstr (coalition_agenda_item_get_title (back->pdata[0]), ==, "Next steps and the next meeting’s date");
  g_assert_cmpint (coalition_agenda_item_get_id (back->pdata[1]), ==, first_id);
  g_assert_cmpstr (coalition_agenda_item_get_notes (back->pdata[1]), ==, "Zoë welcomed two new member organizations.");

  /* An item taken out is gone; an empty title is refused and nothing changes. */
  g_ptr_array_remove_index (reordered, 2);
  g_assert_true (coalition_store_set_agenda (store, coalition_meeting_get_id (meeting), reordered, &error));
  g_clear_pointer (&back, g_ptr_array_unref);
  back = coalition_store_list_agenda (store, coalition_meeting_get_id (meeting), NULL);
  g_assert_cmpuint (back->len, ==, 5);
  coalition_agenda_item_set_title (reordered->pdata[0], "   ");
  g_assert_false (coalition_store_set_agenda (store, coalition_meeting_get_id (meeting), reordered, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_pointer (&back, g_ptr_array_unref);
  back = coalition_store_list_agenda (store, coalition_meeting_get_id (meeting), NULL);
  g_assert_cmpuint (back->len, ==, 5);
  g_assert_cmpstr (coalition_agenda_item_get_title (back->pdata[0]), ==, "Next steps and the next meeting’s date");
}

static void
test_templates (void)
{
  g_autoptr(CoalitionStore) store = new_store ("templates.db");
  g_autoptr(CoalitionMeeting) first = make_meeting (store, "Housing Working Group", "America/New_York",
                                                    2026, 9, 2, 18, 60, 0);
  g_autoptr(CoalitionMeeting) second = make_meeting (store, "Housing Working Group", "America/New_York",
                                                     2026, 10, 7, 18, 60, 0);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GPtrArray) previous = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (items, item ("Tenant stories", 20));
  g_ptr_array_add (items, item ("Rent board testimony", 25));
  coalition_agenda_item_set_kind (items->pdata[1], COALITION_ITEM_KIND_DECISION);
  coalition_agenda_item_set_notes (items->pdata[1], "Łukasz will testify.");
  g_assert_true (coalition_store_set_agenda (store, coalition_meeting_get_id (first), items, &error));
  g_assert_true (coalition_store_save_template (store, "Working group — short", items, &error));
  g_assert_no_error (error);

  names = coalition_store_list_templates (store, &error);
  g_assert_cmpstrv (names, ((const char *[]) { "Working group — short", NULL }));
  saved = coalition_store_get_template (store, "Working group — short", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpstr (coalition_agenda_item_get_title (saved->pdata[1]), ==, "Rent board testimony");
  g_assert_cmpint (coalition_agenda_item_get_minutes (saved->pdata[1]), ==, 25);
  g_assert_cmpint (coalition_agenda_item_get_kind (saved->pdata[1]), ==, COALITION_ITEM_KIND_DECISION);

  /* From the previous meeting: the same items, new, without their notes. */
  previous = coalition_store_previous_agenda (store, coalition_meeting_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (previous->len, ==, 2);
  g_assert_cmpint (coalition_agenda_item_get_id (previous->pdata[0]), ==, 0);
  g_assert_cmpstr (coalition_agenda_item_get_notes (previous->pdata[1]), ==, "");
}

static void
test_series (void)
{
  g_autoptr(CoalitionStore) store = new_store ("series.db");
  g_autoptr(CoalitionMeeting) first = make_meeting (store, "General Meeting", "America/Chicago", 2026, 1, 13, 18, 90, 0);
  CoalitionSeriesRule rule = { COALITION_REPEAT_MONTHLY_WEEKDAY, 1, 2, G_DATE_TUESDAY, (char *)"2026-12-31" };
  CoalitionSeriesRule parsed = { 0 };
  g_autofree char *rrule = coalition_series_rule_to_rrule (&rule);
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  const char *expected[] = {
    "2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14", "2026-05-12", "2026-06-09",
    "2026-07-14", "2026-08-11", "2026-09-08", "2026-10-13", "2026-11-10", "2026-12-08",
  };
  guint added = 0;

  g_assert_cmpstr (rrule, ==, "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231");
  g_assert_true (coalition_series_rule_parse (rrule, &parsed));
  g_assert_cmpint (parsed.repeat, ==, COALITION_REPEAT_MONTHLY_WEEKDAY);
  g_assert_cmpint (parsed.week, ==, 2);
  g_assert_cmpint (parsed.weekday, ==, G_DATE_TUESDAY);
  g_assert_cmpstr (parsed.until, ==, "2026-12-31");
  coalition_series_rule_clear (&parsed);

  g_assert_true (coalition_store_create_series (store, first, &rule, &added, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 11);

  meetings = coalition_store_list_meetings (store, &error);
  g_assert_cmpuint (meetings->len, ==, 12);
  for (guint i = 0; i < meetings->len; i++)
    {
      CoalitionMeeting *m = meetings->pdata[i];
      g_autofree char *date = g_date_time_format (coalition_meeting_get_start (m), "%Y-%m-%d");

      g_assert_cmpstr (date, ==, expected[i]);
      /* 18:00 in Chicago in winter and in summer alike. */
      g_assert_cmpint (g_date_time_get_hour (coalition_meeting_get_start (m)), ==, 18);
      g_assert_cmpint (coalition_meeting_get_series_id (m), ==, coalition_meeting_get_series_id (first));
    }

  /* One moved, one cancelled: the others are as they were. */
  {
    CoalitionMeeting *july = meetings->pdata[6];
    CoalitionMeeting *august = meetings->pdata[7];
    g_autoptr(GDateTime) moved = local_time ("America/Chicago", 2026, 7, 16, 18, 0);
    g_autoptr(GDateTime) moved_end = g_date_time_add_minutes (moved, 90);
    g_autoptr(GPtrArray) after = NULL;

    coalition_meeting_set_start (july, moved);
    coalition_meeting_set_end (july, moved_end);
    g_assert_true (coalition_store_update_meeting (store, july, &error));
    g_assert_cmpint (coalition_meeting_get_sequence (july), ==, 1);
    coalition_meeting_set_status (august, COALITION_MEETING_STATUS_CANCELLED);
    g_assert_true (coalition_store_update_meeting (store, august, &error));
    /* A new title is not a change of time, place or status. */
    coalition_meeting_set_title (august, "General Meeting (summer)");
    g_assert_true (coalition_store_update_meeting (store, august, &error));
    g_assert_cmpint (coalition_meeting_get_sequence (august), ==, 1);

    after = coalition_store_list_meetings (store, &error);
    for (guint i = 0; i < after->len; i++)
      {
        g_autofree char *date = g_date_time_format (coalition_meeting_get_start (after->pdata[i]), "%Y-%m-%d");

        if (i == 6)
          g_assert_cmpstr (date, ==, "2026-07-16");
        else
          g_assert_cmpstr (date, ==, expected[i]);
        g_assert_cmpint (coalition_meeting_get_status (after->pdata[i]), ==,
                         i == 7 ? COALITION_MEETING_STATUS_CANCELLED : COALITION_MEETING_STATUS_PLANNED);
      }
  }

  /* A series needs an end. */
  {
    CoalitionSeriesRule endless = { COALITION_REPEAT_WEEKLY, 2, 0, G_DATE_BAD_WEEKDAY, NULL };

    g_assert_false (coalition_store_create_series (store, first, &endless, NULL, &error));
    g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  }
}

static void
test_weekly_and_monthly_date (void)
{
  g_autoptr(GDateTime) first = local_time ("Europe/London", 2026, 3, 17, 19, 0);
  g_autoptr(GDateTime) on_31st = local_time ("Europe/London", 2026, 1, 31, 19, 0);
  CoalitionSeriesRule fortnightly = { COALITION_REPEAT_WEEKLY, 2, 0, G_DATE_BAD_WEEKDAY, (char *)"2026-04-30" };
  CoalitionSeriesRule monthly = { COALITION_REPEAT_MONTHLY_DATE, 1, 0, G_DATE_BAD_WEEKDAY, (char *)"2026-06-30" };
  g_autoptr(GPtrArray) starts = coalition_series_occurrences (first, &fortnightly, 50);
  g_autoptr(GPtrArray) months = coalition_series_occurrences (on_31st, &monthly, 50);
  const char *expected[] = { "2026-03-17 19:00 GMT", "2026-03-31 19:00 BST", "2026-04-14 19:00 BST", "2026-04-28 19:00 BST" };

  g_assert_cmpuint (starts->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < starts->len; i++)
    {
      g_autofree char *shown = g_date_time_format (starts->pdata[i], "%Y-%m-%d %H:%M %Z");
      g_assert_cmpstr (shown, ==, expected[i]);
    }
  /* The 31st: January, March, May; the months without one are skipped. */
  g_assert_cmpuint (months->len, ==, 3);
  g_assert_cmpint (g_date_time_get_month (months->pdata[1]), ==, 3);
  g_assert_cmpint (g_date_time_get_month (months->pdata[2]), ==, 5);
}

static void
test_carry_over (void)
{
  g_autoptr(CoalitionStore) store = new_store ("actions.db");
  g_autoptr(CoalitionGroup) group = coalition_group_new ("Housing Working Group", COALITION_GROUP_KIND_WORKING_GROUP);
  g_autoptr(CoalitionGroup) other = coalition_group_new ("Communications Committee", COALITION_GROUP_KIND_COMMITTEE);
  g_autoptr(CoalitionPerson) zoe = coalition_person_new ();
  g_autoptr(CoalitionMeeting) september = NULL;
  g_autoptr(CoalitionMeeting) october = NULL;
  g_autoptr(CoalitionMeeting) elsewhere = NULL;
  g_autoptr(CoalitionActionItem) action = coalition_action_item_new ();
  g_autoptr(CoalitionActionItem) bad = coalition_action_item_new ();
  g_autoptr(GPtrArray) review = NULL;
  g_autoptr(GPtrArray) at_origin = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;

  coalition_person_set_given_name (zoe, "Zoë");
  coalition_person_set_family_name (zoe, "Brontë");
  g_assert_true (coalition_store_insert_person (store, zoe, &error));
  g_assert_true (coalition_store_insert_group (store, group, &error));
  g_assert_true (coalition_store_insert_group (store, other, &error));
  september = make_meeting (store, "Housing WG", "America/Chicago", 2026, 9, 2, 18, 60, coalition_group_get_id (group));
  october = make_meeting (store, "Housing WG", "America/Chicago", 2026, 10, 7, 18, 60, coalition_group_get_id (group));
  elsewhere = make_meeting (store, "Comms", "America/Chicago", 2026, 10, 8, 18, 60, coalition_group_get_id (other));

  coalition_action_item_set_meeting_id (action, coalition_meeting_get_id (september));
  coalition_action_item_set_title (action, "Call the rent board clerk about the hearing date");
  coalition_action_item_set_owner_id (action, coalition_person_get_id (zoe));
  coalition_action_item_set_due (action, "2026-09-20");
  g_assert_true (coalition_store_add_action (store, action, &error));
  g_assert_no_error (error);

  coalition_action_item_set_meeting_id (bad, coalition_meeting_get_id (september));
  coalition_action_item_set_title (bad, "Something");
  coalition_action_item_set_due (bad, "next week");
  g_assert_false (coalition_store_add_action (store, bad, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* It comes back at the group's next meeting, not at another group's. */
  review = coalition_store_list_actions_to_review (store, coalition_meeting_get_id (october), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (review->len, ==, 1);
  g_assert_cmpstr (coalition_action_item_get_owner_name (review->pdata[0]), ==, "Zoë Brontë");
  g_assert_cmpstr (coalition_action_item_get_meeting_title (review->pdata[0]), ==, "Housing WG");
  g_clear_pointer (&review, g_ptr_array_unref);
  review = coalition_store_list_actions_to_review (store, coalition_meeting_get_id (elsewhere), &error);
  g_assert_cmpuint (review->len, ==, 0);
  g_clear_pointer (&review, g_ptr_array_unref);
  review = coalition_store_list_actions_to_review (store, coalition_meeting_get_id (september), &error);
  g_assert_cmpuint (review->len, ==, 0);

  /* Done at the October meeting: closed at its origin and off every list. */
  g_assert_true (coalition_store_set_action_status (store, coalition_action_item_get_id (action),
                                                    COALITION_ACTION_STATUS_DONE, &error));
  at_origin = coalition_store_list_actions_of (store, coalition_meeting_get_id (september), &error);
  g_assert_cmpuint (at_origin->len, ==, 1);
  g_assert_cmpint (coalition_action_item_get_status (at_origin->pdata[0]), ==, COALITION_ACTION_STATUS_DONE);
  g_clear_pointer (&review, g_ptr_array_unref);
  review = coalition_store_list_actions_to_review (store, coalition_meeting_get_id (october), &error);
  g_assert_cmpuint (review->len, ==, 0);
  open = coalition_store_list_actions (store, TRUE, &error);
  g_assert_cmpuint (open->len, ==, 0);
}

static void
test_quick_attendance (void)
{
  g_autoptr(CoalitionStore) store = new_store ("attendance.db");
  g_autoptr(CoalitionPerson) zoe = coalition_person_new ();
  g_autoptr(CoalitionOrganization) union_ = coalition_organization_new ("Eastside Tenants Union");
  g_autoptr(CoalitionMeeting) meeting = make_meeting (store, "General Meeting", "UTC", 2026, 12, 1, 18, 60, 0);
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0, again = 0;
  gboolean created = TRUE;
  guint n_people;

  g_assert_true (coalition_store_insert_organization (store, union_, &error));
  coalition_person_set_given_name (zoe, "Zoë");
  coalition_person_set_family_name (zoe, "Brontë");
  coalition_person_set_organization_id (zoe, coalition_organization_get_id (union_));
  g_assert_true (coalition_store_insert_person (store, zoe, &error));
  n_people = coalition_store_count_people (store);

  /* Typed without accents, in another case: the same Zoë, not a newcomer. */
  g_assert_true (coalition_store_quick_attend (store, coalition_meeting_get_id (meeting), "zoe  BRONTE", &id,
                                               &created, &error));
  g_assert_no_error (error);
  g_assert_false (created);
  g_assert_cmpint (id, ==, coalition_person_get_id (zoe));
  g_assert_cmpuint (coalition_store_count_people (store), ==, n_people);

  /* Someone new is added as a walk-in, once. */
  g_assert_true (coalition_store_quick_attend (store, coalition_meeting_get_id (meeting), "Kwame Mensah", &id,
                                               &created, &error));
  g_assert_true (created);
  g_assert_true (coalition_store_quick_attend (store, coalition_meeting_get_id (meeting), "kwame mensah", &again,
                                               &created, &error));
  g_assert_false (created);
  g_assert_cmpint (again, ==, id);
  g_assert_cmpuint (coalition_store_count_people (store), ==, n_people + 1);

  attendance = coalition_store_list_attendance (store, coalition_meeting_get_id (meeting), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendance->len, ==, 2);
  /* By family name: Brontë, Mensah. */
  g_assert_cmpstr (((CoalitionAttendee *)attendance->pdata[0])->name, ==, "Zoë Brontë");
  g_assert_cmpstr (((CoalitionAttendee *)attendance->pdata[0])->organization_name, ==, "Eastside Tenants Union");
  g_assert_cmpint (((CoalitionAttendee *)attendance->pdata[0])->status, ==, COALITION_ATTENDANCE_PRESENT);
  g_assert_false (((CoalitionAttendee *)attendance->pdata[0])->walk_in);
  g_assert_cmpstr (((CoalitionAttendee *)attendance->pdata[1])->name, ==, "Kwame Mensah");
  g_assert_true (((CoalitionAttendee *)attendance->pdata[1])->walk_in);

  g_assert_false (coalition_store_quick_attend (store, coalition_meeting_get_id (meeting), "  ", &id, NULL, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
}

static void
test_close_and_next (void)
{
  g_autoptr(CoalitionStore) store = new_store ("close.db");
  g_autoptr(CoalitionGroup) core = coalition_group_new ("Steering Committee", COALITION_GROUP_KIND_CORE);
  g_autoptr(CoalitionMeeting) meeting = NULL;
  g_autoptr(CoalitionMeeting) next = NULL;
  g_autoptr(GDateTime) next_start = local_time ("Asia/Kolkata", 2027, 1, 12, 17, 30);
  g_autoptr(GError) error = NULL;
  const char *names[][2] = { { "Aarav", "Sharma" }, { "Nguyễn", "Lan" }, { "Olena", "Koval" } };
  gint64 ids[3];
  gint64 next_id = 0, again_id = 0, suggested;
  g_autofree char *minutes = NULL;

  g_assert_true (coalition_store_insert_group (store, core, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_person_new ();

      coalition_person_set_given_name (person, names[i][0]);
      coalition_person_set_family_name (person, names[i][1]);
      g_assert_true (coalition_store_insert_person (store, person, &error));
      ids[i] = coalition_person_get_id (person);
      g_assert_true (coalition_store_set_membership (store, coalition_group_get_id (core), ids[i],
                                                     COALITION_ROLE_MEMBER, &error));
    }

  /* Rotation: nobody has facilitated, so the first by name (Koval). */
  suggested = coalition_store_suggest_facilitator (store, &error);
  g_assert_cmpint (suggested, ==, ids[2]);

  meeting = make_meeting (store, "Steering Committee", "Asia/Kolkata", 2026, 12, 8, 17, 90, coalition_group_get_id (core));
  coalition_meeting_set_facilitator_id (meeting, ids[2]);
  coalition_meeting_set_note_taker_id (meeting, ids[0]);
  g_assert_true (coalition_store_update_meeting (store, meeting, &error));
  /* Koval facilitated: now someone who never has. */
  suggested = coalition_store_suggest_facilitator (store, &error);
  g_assert_cmpint (suggested, ==, ids[1]);

  {
    g_autoptr(CoalitionDecision) decision = coalition_decision_new ("Endorse the rent stabilization ordinance",
                                                                    COALITION_DECISION_METHOD_CONSENSUS);

    g_free (decision->stand_asides);
    decision->stand_asides = g_strdup ("Aarav Sharma");
    g_assert_true (coalition_store_add_decision (store, coalition_meeting_get_id (meeting), decision, &error));
    g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (meeting), ids[1],
                                                   COALITION_ATTENDANCE_PRESENT, &error));
    g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (meeting), ids[0],
                                                   COALITION_ATTENDANCE_EXCUSED, &error));
  }

  /* Closing it plans the next with the same group, place, length and roles. */
  g_assert_true (coalition_store_close_meeting (store, coalition_meeting_get_id (meeting), next_start, &next_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (next_id, >, 0);
  next = coalition_store_get_meeting (store, next_id, &error);
  g_assert_cmpint (coalition_meeting_get_group_id (next), ==, coalition_group_get_id (core));
  g_assert_cmpstr (coalition_meeting_get_location (next), ==, "Community Room, 12 Main Street");
  g_assert_cmpint (coalition_meeting_get_note_taker_id (next), ==, ids[0]);
  g_assert_cmpint (g_date_time_difference (coalition_meeting_get_end (next), coalition_meeting_get_start (next)), ==,
                   90 * G_TIME_SPAN_MINUTE);
  g_assert_cmpint (g_date_time_get_hour (coalition_meeting_get_start (next)), ==, 17);
  g_assert_cmpint (g_date_time_get_minute (coalition_meeting_get_start (next)), ==, 30);
  {
    gint64 first_id = coalition_meeting_get_id (meeting);

    g_clear_object (&meeting);
    meeting = coalition_store_get_meeting (store, first_id, &error);
    g_assert_cmpint (coalition_meeting_get_status (meeting), ==, COALITION_MEETING_STATUS_HELD);
  }

  /* Closed again, it finds the next already planned instead of adding one. */
  g_assert_true (coalition_store_close_meeting (store, coalition_meeting_get_id (meeting), next_start, &again_id, &error));
  g_assert_cmpint (again_id, ==, next_id);
  {
    g_autoptr(GPtrArray) all = coalition_store_list_meetings (store, NULL);
    g_assert_cmpuint (all->len, ==, 2);
  }

  /* The draft minutes say who came, what was decided, and when next. */
  minutes = coalition_store_draft_minutes (store, coalition_meeting_get_id (meeting), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (minutes, "Present: Nguyễn Lan"));
  g_assert_nonnull (strstr (minutes, "Excused: Aarav Sharma"));
  g_assert_nonnull (strstr (minutes, "Decided: Endorse the rent stabilization ordinance (by consensus)"));
  g_assert_nonnull (strstr (minutes, "Standing aside: Aarav Sharma"));
  g_assert_nonnull (strstr (minutes, "Next meeting"));
}

static void
test_invalid_meetings (void)
{
  g_autoptr(CoalitionStore) store = new_store ("invalid.db");
  g_autoptr(CoalitionMeeting) meeting = coalition_meeting_new ();
  g_autoptr(GDateTime) start = local_time ("UTC", 2026, 12, 1, 18, 0);
  g_autoptr(GDateTime) before = g_date_time_add_hours (start, -1);
  g_autoptr(GError) error = NULL;

  coalition_meeting_set_title (meeting, "Budget");
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, before);
  coalition_meeting_set_zone (meeting, "UTC");
  g_assert_false (coalition_store_insert_meeting (store, meeting, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  coalition_meeting_set_end (meeting, start);
  coalition_meeting_set_zone (meeting, "Mars/Olympus_Mons");
  g_assert_false (coalition_store_insert_meeting (store, meeting, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  g_clear_error (&error);

  g_assert_null (coalition_store_get_meeting (store, 42, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
}

static void
test_participation (void)
{
  g_autoptr(CoalitionStore) store = new_store ("participation.db");
  g_autoptr(CoalitionOrganization) steady = coalition_organization_new ("Masjid al-Noor");
  g_autoptr(CoalitionOrganization) drifting = coalition_organization_new ("Riverside Food Bank");
  g_autoptr(CoalitionPerson) a = coalition_person_new ();
  g_autoptr(CoalitionPerson) b = coalition_person_new ();
  g_autoptr(GPtrArray) participation = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (coalition_store_insert_organization (store, steady, &error));
  g_assert_true (coalition_store_insert_organization (store, drifting, &error));
  coalition_person_set_display_name (a, "Amina Yusuf");
  coalition_person_set_organization_id (a, coalition_organization_get_id (steady));
  coalition_person_set_display_name (b, "Carlos Ruiz");
  coalition_person_set_organization_id (b, coalition_organization_get_id (drifting));
  g_assert_true (coalition_store_insert_person (store, a, &error));
  g_assert_true (coalition_store_insert_person (store, b, &error));

  /* Six monthly meetings: the food bank came to the first three only. */
  for (int month = 1; month <= 6; month++)
    {
      g_autoptr(CoalitionMeeting) m = make_meeting (store, "General Meeting", "UTC", 2026, month, 10, 18, 60, 0);

      g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (m), coalition_person_get_id (a),
                                                     COALITION_ATTENDANCE_PRESENT, &error));
      g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (m), coalition_person_get_id (b),
                                                     month <= 3 ? COALITION_ATTENDANCE_PRESENT
                                                                : COALITION_ATTENDANCE_ABSENT, &error));
      coalition_meeting_set_status (m, COALITION_MEETING_STATUS_HELD);
      g_assert_true (coalition_store_update_meeting (store, m, &error));
    }

  participation = coalition_store_list_participation (store, 6, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (participation->len, ==, 2);
  g_assert_cmpstr (((CoalitionParticipation *)participation->pdata[0])->name, ==, "Riverside Food Bank");
  g_assert_true (((CoalitionParticipation *)participation->pdata[0])->falling);
  g_assert_cmpuint (((CoalitionParticipation *)participation->pdata[0])->present, ==, 3);
  g_assert_false (((CoalitionParticipation *)participation->pdata[1])->falling);
  g_assert_cmpuint (((CoalitionParticipation *)participation->pdata[1])->present, ==, 6);
}

/* An input a fuzzer found (fuzz/), as it was found. */
static GBytes *
fuzz_input (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "fuzz", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Series rules and templates as a database file from elsewhere may hold
 * them: read without an assertion, and with a meaning. */
static void
test_fuzz_inputs (void)
{
  g_autoptr(CoalitionStore) store = new_store ("fuzz-inputs.db");
  g_autoptr(GDateTime) first = local_time ("America/Chicago", 2024, 1, 31, 18, 0);
  g_autoptr(GPtrArray) starts = NULL;
  g_autoptr(GBytes) overwritten = fuzz_input ("rrule-byday-overwritten");
  g_autoptr(GBytes) overflow = fuzz_input ("rrule-interval-overflow");
  CoalitionSeriesRule rule = { 0 };
  const struct
  {
    const char *fixture;
    guint       n_items;
    const char *last_title;
  } templates[] = {
    { "template-empty.json", 0, NULL },
    { "template-not-an-object.json", 0, NULL },
    { "template-wrong-type.json", 4, "Decisins" },
    /* Malformed: no template rather than a guess at one. */
    { "template-bad-escape.json", 0, NULL },
    /* json-glib 1.6 leaked on a bad surrogate escape followed by more text. */
    { "template-bad-surrogate.json", 0, NULL },
    /* An object with an array for a key, which SQLite 3.40's json_valid ()
     * takes and json_type () then rejects, or reads past (a crash): malformed,
     * so no template. */
    { "template-key-not-a-string.json", 0, NULL },
    { "template-key-not-a-string-crash.json", 0, NULL },
    /* Of several top-level values, json-glib 1.6 leaked all but the last. */
    { "template-two-values.json", 0, NULL },
    { "template-value-then-array.json", 0, NULL },
    { NULL, 1, "First" },
  };

  /* A later BYDAY that names no weekday leaves the earlier one as it was. */
  g_assert_true (coalition_series_rule_parse (g_bytes_get_data (overwritten, NULL), &rule));
  g_assert_cmpint (rule.repeat, ==, COALITION_REPEAT_MONTHLY_WEEKDAY);
  g_assert_cmpint (rule.week, ==, 5);
  g_assert_cmpint (rule.weekday, ==, G_DATE_SUNDAY);
  coalition_series_rule_clear (&rule);

  /* Every 2147483647 months: the first meeting, and none past the year 9999. */
  g_assert_true (coalition_series_rule_parse (g_bytes_get_data (overflow, NULL), &rule));
  g_assert_cmpuint (rule.interval, ==, 2147483647);
  starts = coalition_series_occurrences (first, &rule, 10);
  g_assert_cmpuint (starts->len, ==, 1);
  coalition_series_rule_clear (&rule);

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      /* The last one: the first of two arrays is the template. */
      const char *name = templates[i].fixture ? templates[i].fixture : "two arrays";
      g_autoptr(GBytes) json = templates[i].fixture
                               ? fuzz_input (templates[i].fixture)
                               : g_bytes_new_static ("[{\"title\":\"First\"}] [{\"title\":\"Second\"}]", 40);
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GError) error = NULL;
      sqlite3_stmt *stmt = NULL;
      gsize length;
      const char *data = g_bytes_get_data (json, &length);

      sqlite3_prepare_v2 (coalition_store_get_handle (store),
                          "INSERT INTO agenda_template (name, items) VALUES (?, ?)", -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, data ? data : "", (int)length, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);

      items = coalition_store_get_template (store, name, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (items->len, ==, templates[i].n_items);
      for (guint k = 0; k < items->len; k++)
        {
          g_assert_true (g_utf8_validate (coalition_agenda_item_get_title (items->pdata[k]), -1, NULL));
          g_assert_cmpint (coalition_agenda_item_get_minutes (items->pdata[k]), >=, 0);
          g_assert_cmpint (coalition_agenda_item_get_minutes (items->pdata[k]), <=, 24 * 60);
        }
      if (templates[i].last_title != NULL)
        g_assert_cmpstr (coalition_agenda_item_get_title (items->pdata[items->len - 1]), ==, templates[i].last_title);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/meetings/agenda-times-daylight-saving", test_agenda_times_daylight_saving);
  g_test_add_func ("/meetings/agenda-times-half-hour-zones", test_agenda_times_half_hour_zones);
  g_test_add_func ("/meetings/agenda-overrun-and-order", test_agenda_overrun_and_order);
  g_test_add_func ("/meetings/templates", test_templates);
  g_test_add_func ("/meetings/series", test_series);
  g_test_add_func ("/meetings/weekly-and-monthly-date", test_weekly_and_monthly_date);
  g_test_add_func ("/meetings/carry-over", test_carry_over);
  g_test_add_func ("/meetings/quick-attendance", test_quick_attendance);
  g_test_add_func ("/meetings/close-and-next", test_close_and_next);
  g_test_add_func ("/meetings/invalid", test_invalid_meetings);
  g_test_add_func ("/meetings/participation", test_participation);
  g_test_add_func ("/meetings/fuzz-inputs", test_fuzz_inputs);

  return g_test_run ();
}
