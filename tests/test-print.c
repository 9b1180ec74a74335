/* test-print.c — agendas, sign-in sheets and minutes as PDF, read back with
 * poppler's pdftotext and pdfinfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>
#include <string.h>

#include "coalition-core.h"
#include "coalition-ics.h"
#include "coalition-print.h"

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
add_meeting (CoalitionStore *store)
{
  g_autoptr(GTimeZone) tz = coalition_zone_new ("Asia/Ho_Chi_Minh");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2026, 12, 8, 18, 30, 0);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 120);
  g_autoptr(GError) error = NULL;
  CoalitionMeeting *meeting = coalition_meeting_new ();

  coalition_meeting_set_title (meeting, "General Meeting");
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, end);
  coalition_meeting_set_zone (meeting, "Asia/Ho_Chi_Minh");
  coalition_meeting_set_location (meeting, "Nhà Văn hóa Thanh niên, 4 Phạm Ngọc Thạch");
  g_assert_true (coalition_store_insert_meeting (store, meeting, &error));
  g_assert_no_error (error);
  return meeting;
}

static char *
run (const char *program,
     const char *argument,
     const char *path)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              program, argument, path, "-", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", program, err);
  return out;
}

/* Renders one page with poppler's pdftoppm at 60 dpi and returns the share of
 * its pixels that carry ink. The PNG is kept in $COALITION_PRINT_PAGES when
 * that is set, for a person to look at after a change of layout. */
static double
rendered_ink (const char *pdf,
              guint       page)
{
  const char *keep = g_getenv ("COALITION_PRINT_PAGES");
  g_autofree char *base = g_path_get_basename (pdf);
  g_autofree char *stem = g_strdup_printf ("%.*s-%u", (int)(strlen (base) - 4), base, page);
  g_autofree char *prefix = g_build_filename (keep ? keep : g_get_user_data_dir (), stem, NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftoppm", "-png", "-r", "60", "-f", number, "-l", number, "-singlefile", pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  guint inked = 0, total = 0;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  /* A4 (496 × 702 pixels at 60 dpi) or Letter (510 × 660), upright. */
  g_assert_true ((cairo_image_surface_get_width (image) == 496 && cairo_image_surface_get_height (image) == 702)
                 || (cairo_image_surface_get_width (image) == 510 && cairo_image_surface_get_height (image) == 660));
  cairo_surface_flush (image);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    {
      const guint8 *row = cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image);

      for (int x = 0; x < cairo_image_surface_get_width (image); x++, total++)
        {
          guint32 pixel = ((const guint32 *)row)[x];
          guint luminance = (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / 3;

          inked += luminance < 160;
        }
    }
  cairo_surface_destroy (image);
  return (double)inked / total;
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_print_sign_in_500 (void)
{
  g_autoptr(CoalitionStore) store = new_store ("sign-in.db");
  g_autoptr(CoalitionMeeting) meeting = add_meeting (store);
  g_autoptr(CoalitionOrganization) organization = coalition_organization_new ("Ассоциация жильцов «Восток» и Liên minh Người thuê nhà Sài Gòn");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sign-in.pdf", NULL);
  g_autoptr(CoalitionDocument) document = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *problem = NULL;
  g_auto(GStrv) pages = NULL;
  const char *given[] = { "Zoë", "Łukasz", "민준", "Олена", "Γιώργος", "Văn An", "Sigríður", "Aarav" };
  const char *family[] = { "Brontë", "Wiśniewski", "김", "Шевченко", "Παπαδόπουλος", "Nguyễn", "Jónsdóttir", "Sharma" };
  guint n_pages;

  g_assert_true (coalition_store_insert_organization (store, organization, &error));
  g_assert_true (coalition_store_begin (store, &error));
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_person_new ();
      g_autofree char *family_name = g_strdup_printf ("%s %03u", family[i % 8], i);
      g_autofree char *email = g_strdup_printf ("member%03u@example.org", i);

      coalition_person_set_given_name (person, given[i % 8]);
      coalition_person_set_family_name (person, family_name);
      /* Some long display names, which must wrap inside their cells. */
      if (i % 50 == 7)
        {
          g_autofree char *long_name = g_strdup_printf ("%s Maria-Theresia de la Concepción %s", given[i % 8], family_name);
          coalition_person_set_display_name (person, long_name);
        }
      coalition_person_add_email (person, "work", email, TRUE);
      coalition_person_add_phone (person, "mobile", "+84 28 3829 5541", TRUE);
      if (i % 3 == 0)
        coalition_person_set_organization_id (person, coalition_organization_get_id (organization));
      g_assert_true (coalition_store_insert_person (store, person, &error));
      g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (meeting),
                                                     coalition_person_get_id (person), COALITION_ATTENDANCE_INVITED, &error));
      g_ptr_array_add (names, g_strdup (coalition_person_get_display_name (person)));
    }
  g_assert_true (coalition_store_commit (store, &error));
  g_assert_no_error (error);

  document = coalition_document_new (store, COALITION_DOCUMENT_SIGN_IN, coalition_meeting_get_id (meeting), 595, 842, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coalition_document_get_n_names (document), ==, 500);
  g_assert_cmpuint (coalition_document_get_n_blank_rows (document), >=, 10);
  /* Nothing runs past its cell or the margins. */
  g_assert_true (coalition_document_check_fit (document, &problem));
  g_assert_true (coalition_document_write_pdf (document, path, &error));
  g_assert_no_error (error);

  /* As many pages as the layout promised. */
  n_pages = coalition_document_get_n_pages (document);
  info = run ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpuint (g_ascii_strtoull (strstr (info, "Pages:") + strlen ("Pages:"), NULL, 10), ==, n_pages);
  g_assert_cmpuint (n_pages, >=, 10);

  /* Every name exactly once (a long name wraps inside its cell: read with
   * its lines joined); the header and "Page n of N" on every page. */
  text = run ("pdftotext", "-raw", path);
  {
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *joined = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

    for (guint i = 0; i < names->len; i++)
      {
        const char *name = names->pdata[i];

        if (count (joined, name) != 1)
          g_error ("“%s” is on the sheet %u times", name, count (joined, name));
      }
  }
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *number = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], number));
      g_assert_nonnull (strstr (pages[p], "Signature"));
      g_assert_nonnull (strstr (pages[p], "Organization"));
    }
  /* Sorted by family name: Brontë before Jónsdóttir before Nguyễn. */
  g_assert_true (strstr (text, "Zoë Brontë 000") < strstr (text, "Jónsdóttir"));
  g_assert_true (strstr (text, "Jónsdóttir") < strstr (text, "Nguyễn"));

  /* Rendered by poppler, the first page carries the names and the last the
   * ruled blank rows: neither is empty nor a black page. */
  {
    double first = rendered_ink (path, 1);
    double last_page = rendered_ink (path, n_pages);

    g_assert_cmpfloat (first, >, 0.02);
    g_assert_cmpfloat (first, <, 0.40);
    g_assert_cmpfloat (last_page, >, 0.005);
    g_assert_cmpfloat (last_page, <, 0.40);
  }
}

static void
test_print_agenda_and_minutes (void)
{
  g_autoptr(CoalitionStore) store = new_store ("minutes.db");
  g_autoptr(CoalitionMeeting) meeting = add_meeting (store);
  g_autoptr(GPtrArray) agenda = coalition_agenda_standard_template ();
  g_autoptr(CoalitionPerson) lan = coalition_person_new ();
  g_autoptr(CoalitionActionItem) action = coalition_action_item_new ();
  g_autoptr(CoalitionDecision) decision = coalition_decision_new ("Ủng hộ dự thảo về giá thuê nhà", COALITION_DECISION_METHOD_VOTE);
  g_autofree char *agenda_path = g_build_filename (g_get_user_data_dir (), "agenda.pdf", NULL);
  g_autofree char *minutes_path = g_build_filename (g_get_user_data_dir (), "minutes.pdf", NULL);
  g_autoptr(CoalitionDocument) agenda_document = NULL;
  g_autoptr(CoalitionDocument) minutes_document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *agenda_text = NULL;
  g_autofree char *minutes_text = NULL;
  g_autofree char *problem = NULL;
  const char *last = NULL;

  coalition_agenda_item_set_notes (agenda->pdata[3], "Chị Lan trình bày số liệu trục xuất.");
  g_assert_true (coalition_store_set_agenda (store, coalition_meeting_get_id (meeting), agenda, &error));
  coalition_person_set_given_name (lan, "Lan");
  coalition_person_set_family_name (lan, "Nguyễn Thị");
  g_assert_true (coalition_store_insert_person (store, lan, &error));
  g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (meeting), coalition_person_get_id (lan),
                                                 COALITION_ATTENDANCE_PRESENT, &error));
  decision->item_id = coalition_agenda_item_get_id (agenda->pdata[4]);
  decision->votes_for = 14;
  decision->votes_against = 2;
  decision->votes_abstain = 1;
  g_assert_true (coalition_store_add_decision (store, coalition_meeting_get_id (meeting), decision, &error));
  coalition_action_item_set_meeting_id (action, coalition_meeting_get_id (meeting));
  coalition_action_item_set_title (action, "Gửi thư ký tên đến hội đồng thành phố");
  coalition_action_item_set_owner_id (action, coalition_person_get_id (lan));
  coalition_action_item_set_due (action, "2026-12-20");
  g_assert_true (coalition_store_add_action (store, action, &error));
  g_assert_no_error (error);

  agenda_document = coalition_document_new (store, COALITION_DOCUMENT_AGENDA, coalition_meeting_get_id (meeting), 612, 792, &error);
  g_assert_no_error (error);
  g_assert_true (coalition_document_check_fit (agenda_document, &problem));
  g_assert_true (coalition_document_write_pdf (agenda_document, agenda_path, &error));
  agenda_text = run ("pdftotext", "-raw", agenda_path);
  /* The items in order with their start times, the place and the zone. */
  for (guint i = 0; i < agenda->len; i++)
    {
      /* Each line is "18:30 10 Welcome and introductions (Information)". */
      g_autofree char *line = g_strdup_printf ("%s (%s)", coalition_agenda_item_get_title (agenda->pdata[i]),
                                               coalition_item_kind_get_label (coalition_agenda_item_get_kind (agenda->pdata[i])));
      const char *item = strstr (agenda_text, line);

      g_assert_nonnull (item);
      g_assert_true (last == NULL || item > last);
      last = item;
    }
  g_assert_nonnull (strstr (agenda_text, "18:30"));
  g_assert_nonnull (strstr (agenda_text, "19:10"));
  g_assert_nonnull (strstr (agenda_text, "Asia/Ho_Chi_Minh"));
  g_assert_nonnull (strstr (agenda_text, "Nhà Văn hóa Thanh niên"));

  minutes_document = coalition_document_new (store, COALITION_DOCUMENT_MINUTES, coalition_meeting_get_id (meeting), 595, 842, &error);
  g_assert_no_error (error);
  g_assert_true (coalition_document_check_fit (minutes_document, &problem));
  g_assert_true (coalition_document_write_pdf (minutes_document, minutes_path, &error));
  minutes_text = run ("pdftotext", "-raw", minutes_path);
  g_assert_nonnull (strstr (minutes_text, "Present"));
  g_assert_nonnull (strstr (minutes_text, "Lan Nguyễn Thị"));
  g_assert_nonnull (strstr (minutes_text, "Chị Lan trình bày số liệu trục xuất."));
  g_assert_nonnull (strstr (minutes_text, "Ủng hộ dự thảo về giá thuê nhà"));
  g_assert_nonnull (strstr (minutes_text, "14 for, 2 against, 1 abstaining"));
  g_assert_nonnull (strstr (minutes_text, "Gửi thư ký tên đến hội đồng thành phố"));
  g_assert_nonnull (strstr (minutes_text, "20 Dec 2026"));
  /* Notes before the decision taken under the later item. */
  g_assert_true (strstr (minutes_text, "Chị Lan") < strstr (minutes_text, "Ủng hộ"));

  /* Both render as pages with text on them. */
  g_assert_cmpfloat (rendered_ink (agenda_path, 1), >, 0.01);
  g_assert_cmpfloat (rendered_ink (minutes_path, 1), >, 0.01);
}

/* On a desktop set to the 12-hour clock, the printed agenda, the draft
 * minutes and the agenda in a calendar invitation read "6:30 PM", as the
 * Meetings page does; back on the 24-hour clock, "18:30". */
static void
test_print_twelve_hour_clock (void)
{
  g_autoptr(CoalitionStore) store = new_store ("clock.db");
  g_autoptr(CoalitionMeeting) meeting = add_meeting (store);
  g_autoptr(GPtrArray) agenda = coalition_agenda_standard_template ();
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "clock.pdf", NULL);
  g_autofree char *ics = g_build_filename (g_get_user_data_dir (), "clock.ics", NULL);
  GSettings *clock = coalition_clock_settings ();
  g_autoptr(GError) error = NULL;
  const char *formats[] = { "12h", "24h" };
  const char *expected[][3] = {
    { "6:30 PM", "7:10 PM", "8:00 PM" },
    { "18:30", "19:10", "20:00" },
  };

  /* GNOME's settings are part of the platform the tests run on. */
  g_assert_nonnull (clock);
  g_assert_true (coalition_store_set_agenda (store, coalition_meeting_get_id (meeting), agenda, &error));
  g_assert_no_error (error);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autoptr(CoalitionDocument) document = NULL;
      g_autoptr(GSubprocess) python = NULL;
      g_autofree char *text = NULL;
      g_autofree char *minutes = NULL;
      g_autofree char *calendar = NULL;
      g_autofree char *description = NULL;
      /* In the invitation "6:30 PM Welcome and introductions (10 min)"; on
       * paper, with the minutes between, "6:30 PM 10 Welcome and introductions". */
      g_autofree char *first = g_strdup_printf ("%s Welcome and introductions", expected[f][0]);
      g_autofree char *first_row = g_strdup_printf ("%s 10 Welcome and introductions", expected[f][0]);
      g_autofree char *ends = g_strdup_printf ("Ends at %s", expected[f][2]);

      g_settings_set_string (clock, "clock-format", formats[f]);

      document = coalition_document_new (store, COALITION_DOCUMENT_AGENDA, coalition_meeting_get_id (meeting), 595, 842, &error);
      g_assert_no_error (error);
      g_assert_true (coalition_document_write_pdf (document, pdf, &error));
      text = run ("pdftotext", "-raw", pdf);
      g_assert_nonnull (strstr (text, first_row));
      g_assert_nonnull (strstr (text, ends));
      g_assert_nonnull (strstr (text, expected[f][1]));
      /* The meeting's hours under its title too: "6:30 PM–8:30 PM". */
      g_assert_nonnull (strstr (text, expected[f][0]));

      minutes = coalition_store_draft_minutes (store, coalition_meeting_get_id (meeting), &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (minutes, expected[f][0]));

      /* The agenda in the invitation, as python3-icalendar reads it. */
      calendar = coalition_ics_export (store, COALITION_ICS_MEETING, coalition_meeting_get_id (meeting), NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (ics, calendar, -1, &error));
      python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "/usr/bin/python3", "-c",
                                 "import sys, icalendar\n"
                                 "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                                 "print(str(cal.walk('VEVENT')[0]['DESCRIPTION']))\n",
                                 ics, NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_communicate_utf8 (python, NULL, NULL, &description, NULL, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (description, first));
    }
}

static void
test_print_bad_cases (void)
{
  g_autoptr(CoalitionStore) store = new_store ("bad.db");
  g_autoptr(CoalitionMeeting) meeting = add_meeting (store);
  g_autoptr(CoalitionDocument) sheet = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GError) error = NULL;

  /* Nobody invited: a sheet of blank rows, a page of them. */
  sheet = coalition_document_new (store, COALITION_DOCUMENT_SIGN_IN, coalition_meeting_get_id (meeting), 595, 842, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (coalition_document_get_n_names (sheet), ==, 0);
  g_assert_cmpuint (coalition_document_get_n_blank_rows (sheet), >=, 20);
  g_assert_cmpuint (coalition_document_get_n_pages (sheet), ==, 1);

  /* An output that cannot be written: an error, and no file. */
  g_assert_false (coalition_document_write_pdf (sheet, path, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_null (coalition_document_new (store, COALITION_DOCUMENT_AGENDA, 4242, 595, 842, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  /* GNOME's clock setting has its schema among the system's, which the
   * isolated directories of each test hide: name their folder too (the
   * settings themselves stay in memory). */
  {
    const char *dirs = g_getenv ("GSETTINGS_SCHEMA_DIR");
    g_autofree char *with_system = dirs != NULL && *dirs != '\0'
                                   ? g_strconcat (dirs, G_SEARCHPATH_SEPARATOR_S, "/usr/share/glib-2.0/schemas", NULL)
                                   : g_strdup ("/usr/share/glib-2.0/schemas");

    g_setenv ("GSETTINGS_SCHEMA_DIR", with_system, TRUE);
  }
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/print/sign-in-500", test_print_sign_in_500);
  g_test_add_func ("/print/agenda-and-minutes", test_print_agenda_and_minutes);
  g_test_add_func ("/print/twelve-hour-clock", test_print_twelve_hour_clock);
  g_test_add_func ("/print/bad-cases", test_print_bad_cases);

  return g_test_run ();
}
