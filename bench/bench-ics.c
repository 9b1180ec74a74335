/* bench-ics.c — exporting 1 000 meetings with agendas and attendees as
 * iCalendar, against python3-icalendar serialising the same events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline builds the same events (summary, start and end in the zone,
 * place, link, the agenda as description, attendees, two alarms) from JSON
 * and serialises them; only its building and serialising are timed, by
 * Python itself. Ours is timed from the database to the finished text.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "coalition-ics.h"

#define N_MEETINGS bench_size (1000)
#define N_ATTENDEES 20
#define RUNS 5

static const char baseline[] =
  "import json, sys, time, datetime\n"
  "from zoneinfo import ZoneInfo\n"
  "import icalendar\n"
  "events = json.load(open(sys.argv[1]))\n"
  "best = []\n"
  "for run in range(int(sys.argv[2])):\n"
  "    t = time.perf_counter()\n"
  "    cal = icalendar.Calendar()\n"
  "    cal.add('prodid', '-//bench//EN'); cal.add('version', '2.0'); cal.add('method', 'PUBLISH')\n"
  "    for e in events:\n"
  "        ev = icalendar.Event()\n"
  "        tz = ZoneInfo(e['zone'])\n"
  "        ev.add('uid', e['uid']); ev.add('dtstamp', datetime.datetime.now(datetime.timezone.utc))\n"
  "        ev.add('summary', e['title'])\n"
  "        ev.add('dtstart', datetime.datetime.fromisoformat(e['start']).astimezone(tz))\n"
  "        ev.add('dtend', datetime.datetime.fromisoformat(e['end']).astimezone(tz))\n"
  "        ev.add('location', e['location']); ev.add('url', e['url'] or '')\n"
  "        ev.add('description', '\\n'.join('%s %s (%d min)' % (i['start'][11:16], i['title'], i['minutes']) for i in e['agenda']))\n"
  "        ev.add('sequence', e['sequence'])\n"
  "        for a in e['attendees']:\n"
  "            p = icalendar.vCalAddress('mailto:person%d@example.org' % a['person_id'])\n"
  "            p.params['cn'] = a['name']; p.params['role'] = 'REQ-PARTICIPANT'; p.params['partstat'] = 'NEEDS-ACTION'\n"
  "            ev.add('attendee', p, encode=0)\n"
  "        for minutes in (60, 5):\n"
  "            al = icalendar.Alarm(); al.add('action', 'DISPLAY'); al.add('description', e['title'])\n"
  "            al.add('trigger', datetime.timedelta(minutes=-minutes)); ev.add_component(al)\n"
  "        cal.add_component(ev)\n"
  "    text = cal.to_ical()\n"
  "    best.append((time.perf_counter() - t) * 1000)\n"
  "best.sort()\n"
  "print('%.1f %.1f %.1f' % (best[len(best) // 2], best[0], best[-1]))\n";

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* @n_meetings meetings of 90 minutes, 1.4 days apart, each with the
 * standard agenda and twenty of 200 invitees with e-mail addresses. */
static void
fill_store (CoalitionStore *store,
            guint           n_meetings)
{
  g_autoptr(GTimeZone) tz = coalition_zone_new ("America/Chicago");
  g_autoptr(GArray) person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_true (coalition_store_begin (store, NULL));
  for (guint p = 0; p < 200; p++)
    {
      g_autoptr(CoalitionPerson) person = coalition_person_new ();
      g_autofree char *given = g_strdup_printf ("Zoë %u", p);
      g_autofree char *email = g_strdup_printf ("person%u@example.org", p);
      gint64 id;

      coalition_person_set_given_name (person, given);
      coalition_person_set_family_name (person, "Brontë-Nguyễn");
      coalition_person_add_email (person, "work", email, TRUE);
      g_assert_true (coalition_store_insert_person (store, person, NULL));
      id = coalition_person_get_id (person);
      g_array_append_val (person_ids, id);
    }
  for (guint m = 0; m < n_meetings; m++)
    {
      g_autoptr(CoalitionMeeting) meeting = coalition_meeting_new ();
      g_autoptr(GDateTime) base = g_date_time_new (tz, 2025, 1, 7, 18, 30, 0);
      g_autoptr(GDateTime) start = g_date_time_add_days (base, (int)(m * 1.4));
      g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
      g_autoptr(GPtrArray) agenda = coalition_agenda_standard_template ();
      g_autofree char *title = g_strdup_printf ("Housing Working Group — Łódź, 김민준 #%u", m);

      coalition_meeting_set_title (meeting, title);
      coalition_meeting_set_start (meeting, start);
      coalition_meeting_set_end (meeting, end);
      coalition_meeting_set_zone (meeting, "America/Chicago");
      coalition_meeting_set_location (meeting, "Riverside Community Center, 3900 Main Street");
      coalition_meeting_set_url (meeting, "https://meet.example.org/housing");
      g_assert_true (coalition_store_insert_meeting (store, meeting, NULL));
      g_assert_true (coalition_store_set_agenda (store, coalition_meeting_get_id (meeting), agenda, NULL));
      for (guint a = 0; a < N_ATTENDEES; a++)
        g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (meeting),
                                                       g_array_index (person_ids, gint64, (m * 7 + a) % person_ids->len),
                                                       COALITION_ATTENDANCE_INVITED, NULL));
    }
  g_assert_true (coalition_store_commit (store, NULL));
}

/* Exports every meeting of @store @runs times; the times sorted, in ms. */
static GArray *
time_export (CoalitionStore *store,
             guint           n_meetings,
             guint           runs)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(GError) error = NULL;
      guint n_events = 0;
      gint64 t0 = g_get_monotonic_time ();
      g_autofree char *text = coalition_ics_export (store, COALITION_ICS_ALL, 0, &n_events, &error);
      double ms = (g_get_monotonic_time () - t0) / 1000.0;

      g_assert_no_error (error);
      g_assert_cmpuint (n_events, ==, n_meetings);
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_doubles);
  return times;
}

/* How the export grows from 100 to 1 000 to 10 000 meetings: each tenfold
 * step may cost at most what n log n grows by, with 30 % for noise. */
static gboolean
report_growth (const char *dir)
{
  const guint sizes[] = { bench_size (1000) / 10, bench_size (1000), bench_size (10000) };
  double medians[G_N_ELEMENTS (sizes)];
  gboolean pass = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *name = g_strdup_printf ("growth-%u.db", sizes[i]);
      g_autofree char *db = g_build_filename (dir, name, NULL);
      g_autoptr(CoalitionStore) store = coalition_store_open (db, NULL);
      g_autoptr(GArray) times = NULL;

      g_assert_nonnull (store);
      fill_store (store, sizes[i]);
      times = time_export (store, sizes[i], 3);
      medians[i] = g_array_index (times, double, 1);
      printf ("(growth) .ics export of %u meetings: %.1f ms (spread %.1f–%.1f)\n", sizes[i], medians[i],
              g_array_index (times, double, 0), g_array_index (times, double, 2));
    }
  for (guint i = 1; i < G_N_ELEMENTS (sizes); i++)
    {
      double grown = medians[i] / medians[i - 1];
      double allowed = 1.3 * sizes[i] * log (sizes[i]) / (sizes[i - 1] * log (sizes[i - 1]));
      gboolean ok = grown <= allowed;

      printf (".ics export growth %u → %u meetings: ×%.1f (baseline n log n ×%.1f, ratio %.2f, target ≤ 1.3) %s\n",
              sizes[i - 1], sizes[i], grown, allowed / 1.3, grown / (allowed / 1.3), ok ? "PASS" : "FAIL");
      pass = pass && ok;
    }
  return pass;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("coalition-bench-ics-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "meetings.db", NULL);
  g_autofree char *json_path = g_build_filename (dir, "meetings.json", NULL);
  g_autoptr(CoalitionStore) store = coalition_store_open (db, NULL);
  g_autoptr(GArray) ours = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) python = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *runs = g_strdup_printf ("%d", RUNS);
  double ours_median, base_median = 0, base_min = 0, base_max = 0;
  gboolean pass, growth_pass;

  g_assert_nonnull (store);

  fill_store (store, N_MEETINGS);
  ours = time_export (store, N_MEETINGS, RUNS);
  ours_median = g_array_index (ours, double, RUNS / 2);

  /* The same events for the baseline, through our own JSON listing. */
  {
    g_autoptr(GSubprocess) cli = NULL;
    g_autofree char *cli_path = g_build_filename (g_getenv ("COALITION_BENCH_CLI") ? g_getenv ("COALITION_BENCH_CLI")
                                                                                   : "src/cli", "coalition-cli", NULL);
    g_autofree char *json = NULL;

    cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, cli_path, "--database", db, "list", "meetings", "--json", NULL);
    g_assert_no_error (error);
    g_subprocess_communicate_utf8 (cli, NULL, NULL, &json, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_file_set_contents (json_path, json, -1, NULL));
  }
  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             "/usr/bin/python3", "-c", baseline, json_path, runs, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, NULL, NULL, &out, &err, &error);
  if (!g_subprocess_get_successful (python) || sscanf (out, "%lf %lf %lf", &base_median, &base_min, &base_max) != 3)
    g_error ("the python3-icalendar baseline failed: %s", err);

  pass = ours_median < base_median;
  printf (".ics export of %d meetings: %.1f ms (spread %.1f–%.1f; baseline python3-icalendar %.1f ms, "
          "spread %.1f–%.1f, ratio %.2f, target < 1×) %s\n",
          N_MEETINGS, ours_median, g_array_index (ours, double, 0), g_array_index (ours, double, RUNS - 1),
          base_median, base_min, base_max, ours_median / base_median, pass ? "PASS" : "FAIL");

  g_unlink (json_path);

  growth_pass = report_growth (dir);
  g_clear_object (&store);
  bench_remove_temporary_dir (dir);
  return pass && growth_pass ? EXIT_SUCCESS : EXIT_FAILURE;
}
