/* bench-print.c — a 500-name sign-in sheet as PDF, from the database to the
 * finished file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The target is absolute (≤ 200 ms). For scale the same run also times a
 * bare cairo program that writes the same 500 names, one Pango line each,
 * into a PDF without a table, wrapping or pagination rules.
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "coalition-print.h"

#define N_NAMES bench_size (500)
#define RUNS 7
#define TARGET_MS 200.0

static double
median_of (GArray *samples)
{
  return bench_percentile (samples, 50);
}

/* The baseline: the names as plain lines on A4 pages. */
static void
bare_cairo (GPtrArray  *names,
            const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  double y = 72;

  pango_layout_set_font_description (layout, font);
  for (guint i = 0; i < names->len; i++)
    {
      if (y > 770)
        {
          cairo_show_page (cr);
          y = 72;
        }
      pango_layout_set_text (layout, names->pdata[i], -1);
      cairo_move_to (cr, 56, y);
      pango_cairo_show_layout (cr, layout);
      y += 24;
    }
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("coalition-bench-print-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "sign-in.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "sign-in.pdf", NULL);
  g_autofree char *bare_pdf = g_build_filename (dir, "bare.pdf", NULL);
  g_autoptr(CoalitionStore) store = coalition_store_open (db, NULL);
  g_autoptr(CoalitionMeeting) meeting = coalition_meeting_new ();
  g_autoptr(CoalitionOrganization) organization = coalition_organization_new ("Liên minh Người thuê nhà Sài Gòn");
  g_autoptr(GTimeZone) tz = coalition_zone_new ("Europe/Warsaw");
  g_autoptr(GDateTime) start = g_date_time_new (tz, 2027, 3, 9, 18, 30, 0);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  const char *given[] = { "Zoë", "Łukasz", "민준", "Олена", "Γιώργος", "Văn An", "Sigríður", "Aarav" };
  const char *family[] = { "Brontë", "Wiśniewski", "김", "Шевченко", "Παπαδόπουλος", "Nguyễn", "Jónsdóttir", "Sharma" };
  guint n_pages = 0;
  double ours_median, bare_median;
  gboolean pass;

  g_assert_nonnull (store);
  coalition_meeting_set_title (meeting, "General Meeting");
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, end);
  coalition_meeting_set_zone (meeting, "Europe/Warsaw");
  coalition_meeting_set_location (meeting, "Riverside Community Center");
  g_assert_true (coalition_store_insert_meeting (store, meeting, NULL));
  g_assert_true (coalition_store_insert_organization (store, organization, NULL));

  g_assert_true (coalition_store_begin (store, NULL));
  for (guint i = 0; i < N_NAMES; i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_person_new ();
      g_autofree char *family_name = g_strdup_printf ("%s %03u", family[i % 8], i);
      g_autofree char *email = g_strdup_printf ("member%03u@example.org", i);

      coalition_person_set_given_name (person, given[i % 8]);
      coalition_person_set_family_name (person, family_name);
      coalition_person_add_email (person, "work", email, TRUE);
      coalition_person_add_phone (person, "mobile", "+84 28 3829 5541", TRUE);
      if (i % 3 == 0)
        coalition_person_set_organization_id (person, coalition_organization_get_id (organization));
      g_assert_true (coalition_store_insert_person (store, person, NULL));
      g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (meeting),
                                                     coalition_person_get_id (person),
                                                     COALITION_ATTENDANCE_INVITED, NULL));
      g_ptr_array_add (names, g_strdup (coalition_person_get_display_name (person)));
    }
  g_assert_true (coalition_store_commit (store, NULL));

  /* One run of each first, so that fonts are loaded and cached for both. */
  for (guint run = 0; run <= RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(CoalitionDocument) document = coalition_document_new (store, COALITION_DOCUMENT_SIGN_IN,
                                                                      coalition_meeting_get_id (meeting),
                                                                      595, 842, &error);
      double ms;

      g_assert_no_error (error);
      g_assert_true (coalition_document_write_pdf (document, pdf, &error));
      g_assert_no_error (error);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_assert_cmpuint (coalition_document_get_n_names (document), ==, N_NAMES);
      n_pages = coalition_document_get_n_pages (document);

      t0 = g_get_monotonic_time ();
      bare_cairo (names, bare_pdf);
      if (run > 0)
        {
          double bare_ms = (g_get_monotonic_time () - t0) / 1000.0;

          g_array_append_val (ours, ms);
          g_array_append_val (bare, bare_ms);
        }
    }

  ours_median = median_of (ours);
  bare_median = median_of (bare);
  pass = ours_median <= TARGET_MS;
  printf ("sign-in sheet PDF, %d names on %u pages: %.1f ms (spread %.1f–%.1f; baseline bare cairo lines %.1f ms, "
          "spread %.1f–%.1f, ratio %.2f, target ≤ %.0f ms) %s\n",
          N_NAMES, n_pages, ours_median, g_array_index (ours, double, 0), g_array_index (ours, double, ours->len - 1),
          bare_median, g_array_index (bare, double, 0), g_array_index (bare, double, bare->len - 1),
          ours_median / bare_median, TARGET_MS, pass ? "PASS" : "FAIL");

  g_unlink (pdf);
  g_unlink (bare_pdf);
  g_unlink (db);
  return pass ? EXIT_SUCCESS : EXIT_FAILURE;
}
