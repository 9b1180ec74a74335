/* test-import.c — the member lists people really have, taken in exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include <string.h>

#include "coalition-core.h"
#include "coalition-store-private.h"

static CoalitionStore *
new_store (void)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("import-%u.db", n++);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  CoalitionStore *store = coalition_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static CoalitionImportSummary *
import (CoalitionStore *store,
        const char     *fixture,
        gboolean        dry_run)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", fixture, NULL);
  g_autoptr(GError) error = NULL;
  CoalitionImportSummary *summary = coalition_import_file (store, path, dry_run, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* The one person whose name is @display_name. */
static CoalitionPerson *
person_named (CoalitionStore *store,
              const char     *display_name)
{
  g_autoptr(GArray) ids = coalition_store_find_people (store, NULL, NULL);
  CoalitionPerson *found = NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_store_get_person (store, g_array_index (ids, gint64, i), NULL);

      if (g_str_equal (coalition_person_get_display_name (person), display_name))
        {
          g_assert_null (found);
          found = g_steal_pointer (&person);
        }
    }

  if (found == NULL)
    g_error ("nobody is called %s", display_name);
  return found;
}

/* The person's addresses or numbers, primary first, joined by "|". */
static char *
points (GPtrArray *list)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < list->len; i++)
      {
        const CoalitionContactPoint *point = g_ptr_array_index (list, i);

        if ((pass == 0) != point->primary)
          continue;
        if (out->len > 0)
          g_string_append_c (out, '|');
        g_string_append_printf (out, "%s%s:%s", point->primary ? "*" : "", point->label, point->value);
      }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_person (CoalitionStore *store,
               const char     *display_name,
               const char     *organization,
               const char     *title,
               const char     *emails,
               const char     *phones)
{
  g_autoptr(CoalitionPerson) person = person_named (store, display_name);
  g_autofree char *got_emails = points (coalition_person_get_emails (person));
  g_autofree char *got_phones = points (coalition_person_get_phones (person));

  g_assert_cmpstr (coalition_person_get_organization_name (person), ==, organization);
  g_assert_cmpstr (coalition_person_get_title (person), ==, title);
  g_assert_cmpstr (got_emails, ==, emails);
  g_assert_cmpstr (got_phones, ==, phones);
}

static gboolean
has_organization (CoalitionStore *store,
                  const char     *name)
{
  g_autoptr(GPtrArray) organizations = coalition_store_list_organizations (store, NULL);

  for (guint i = 0; i < organizations->len; i++)
    if (g_str_equal (coalition_organization_get_name (organizations->pdata[i]), name))
      return TRUE;

  return FALSE;
}

static void
test_import_google (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) summary = import (store, "google-contacts.csv", FALSE);
  g_autoptr(CoalitionPerson) zoe = NULL;

  g_assert_cmpstr (summary->layout, ==, "Google Contacts");
  g_assert_cmpuint (summary->rows, ==, 6);   /* the blank row is not a row */
  g_assert_cmpuint (summary->people_added, ==, 4);
  /* “ZOE.BRONTE@…” on the last row is Zoë again: merged, not added. */
  g_assert_cmpuint (summary->people_merged, ==, 1);
  g_assert_cmpuint (summary->skipped->len, ==, 0);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 4);

  assert_person (store, "Zoë Brontë", "Eastside Tenants Union", "Organizer",
                 "*work:zoe.bronte@eastside.example.org|home:zoe.b@mail.example.net",
                 "mobile:+1 555-0101-2020|home:+1 555 0101 9999");
  assert_person (store, "Łukasz Wiśniewski", "Eastside Tenants Union", "Tenant Leader",
                 "*work:lukasz@eastside.example.org", "");
  /* Korean names: family name first, no space; several values in a cell. */
  assert_person (store, "김민준", "Masjid al-Noor", "Outreach Coordinator",
                 "work:minjun.kim@alnoor.example.org|work:mk@mail.example.net",
                 "work:+1 555-0140-1000|work:+1 555-0140-2000");
  assert_person (store, "Văn An Nguyễn", NULL, "", "", "mobile:+1 555-0133-7788");

  /* A row with only an organization makes the organization. */
  g_assert_true (has_organization (store, "Harvest Food Bank, Riverside"));
  g_assert_cmpuint (coalition_store_count_organizations (store), ==, 3);

  /* A line break inside a quoted cell stays in the note. */
  zoe = person_named (store, "Zoë Brontë");
  g_assert_cmpstr (coalition_person_get_notes (zoe), ==, "Met at the March rally.\nPrefers Signal.");
  /* Labels become tags, without Google's own; the address is one line. */
  g_assert_cmpstrv (coalition_person_get_tags (zoe), ((const char *[]) { "Spanish speakers", "Volunteers", NULL }));
  g_assert_cmpstr (coalition_person_get_address (zoe), ==, "12 Rue Saint-Denis, Riverside, CA 92501");
  {
    g_autoptr(CoalitionPerson) lukasz = person_named (store, "Łukasz Wiśniewski");
    g_assert_cmpstrv (coalition_person_get_tags (lukasz), ((const char *[]) { "Volunteers", NULL }));
  }
}

static void
test_import_google_legacy (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) summary = import (store, "google-contacts-legacy.csv", FALSE);

  g_assert_cmpstr (summary->layout, ==, "Google Contacts (older layout)");
  g_assert_cmpuint (summary->people_added, ==, 3);
  assert_person (store, "Олена Шевченко", "City of Riverside", "Council Member",
                 "*work:o.shevchenko@city.example.gov", "work:+1 555-0150-3000");
  /* "* Home ::: Work": two labels for two addresses, the starred one primary. */
  assert_person (store, "Γιώργος Παπαδόπουλος", "St. Nicholas Church", "Deacon",
                 "*home:giorgos@mail.example.net|work:g.papadopoulos@stnicholas.example.org", "");
  assert_person (store, "Sigríður Jónsdóttir", NULL, "", "", "mobile:+354 555 1234");
}

static void
test_import_outlook (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) web = import (store, "outlook-web.csv", FALSE);
  g_autoptr(CoalitionImportSummary) classic = import (store, "outlook-classic.csv", FALSE);
  g_autoptr(CoalitionPerson) fatima = NULL;
  g_autoptr(CoalitionPerson) juergen = NULL;

  g_assert_cmpstr (web->layout, ==, "Outlook on the web");
  g_assert_cmpuint (web->people_added, ==, 2);
  /* Outlook's “Title” is Dr. or Ms., not the job: the job is “Job Title”. */
  assert_person (store, "Fatima Haddad", "Northside Community Clinic", "Medical Director",
                 ":fatima.haddad@clinic.example.org", "work:+1 555-0160-1000|mobile:+1 555-0160-2000");
  assert_person (store, "Marcus Washington", "Home Care Workers Local 311", "Political Director",
                 ":marcus@local311.example.org|:marcus.w@mail.example.net", "home:+1 555-0161-3000");
  fatima = person_named (store, "Fatima Haddad");
  g_assert_cmpstr (coalition_person_get_notes (fatima), ==, "Can speak at the hearing, not on Tuesdays");
  /* Outlook's business address parts, joined in their order. */
  g_assert_cmpstr (coalition_person_get_address (fatima), ==, "12 Elm St, Riverside, CA, 92501, United States");

  /* Classic Outlook writes Windows-1252. */
  g_assert_cmpstr (classic->layout, ==, "Outlook for Windows");
  g_assert_cmpstr (classic->encoding, ==, "Windows-1252");
  g_assert_cmpuint (classic->people_added, ==, 3);
  assert_person (store, "Jürgen Müller", "Süd-Ost Mieterbund", "Vorsitzender",
                 ":juergen.mueller@mieterbund.example.de", "work:+49 30 555 0100|mobile:+49 170 555 0100");
  assert_person (store, "Hélène Lefèvre", "Café Solidaire", "Gérante", ":helene@cafe.example.fr", "");
  assert_person (store, "Søren Kjærgaard", NULL, "", "", "home:+45 55 55 01 00");
  juergen = person_named (store, "Jürgen Müller");
  g_assert_cmpstr (coalition_person_get_notes (juergen), ==, "Prefers calls before noon — not e-mail.");
}

static void
test_import_excel_german_merges (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) google = import (store, "google-contacts.csv", FALSE);
  g_autoptr(CoalitionImportSummary) excel = import (store, "outlook-excel-de.csv", FALSE);
  g_autoptr(CoalitionPerson) anna = NULL;
  g_autoptr(CoalitionPerson) lukasz = NULL;

  g_assert_cmpstr (excel->layout, ==, "Outlook (German)");
  g_assert_cmpstr (excel->encoding, ==, "UTF-8 with BOM");
  g_assert_cmpuint (excel->people_added, ==, 1);
  g_assert_cmpuint (excel->people_merged, ==, 1);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 5);

  /* Łukasz, already there from Google, gains the phone and the note the
   * other file had, and keeps everything he had. */
  assert_person (store, "Łukasz Wiśniewski", "Eastside Tenants Union", "Tenant Leader",
                 "*work:lukasz@eastside.example.org", "mobile:+48 600 100 200");
  lukasz = person_named (store, "Łukasz Wiśniewski");
  g_assert_cmpstr (coalition_person_get_notes (lukasz), ==, "Spricht Polnisch und Deutsch");

  /* Semicolons inside quotes, and CRLF inside a quoted cell. */
  assert_person (store, "Anna Maria Schmidt", "Kirchengemeinde St. Marien", "Pfarrerin",
                 ":anna.schmidt@stmarien.example.org|:a.schmidt@mail.example.net", "work:+1 555-0170-1000");
  anna = person_named (store, "Anna Maria Schmidt");
  g_assert_cmpstr (coalition_person_get_notes (anna), ==, "Zwei Zeilen;\nmit Semikolon");
}

static void
test_import_civicrm_and_mailchimp (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) civicrm = import (store, "civicrm.csv", FALSE);
  g_autoptr(CoalitionImportSummary) mailchimp = import (store, "mailchimp.csv", FALSE);
  const CoalitionImportSkip *skip;

  g_assert_cmpstr (civicrm->layout, ==, "CiviCRM contacts");
  g_assert_cmpuint (civicrm->people_added, ==, 2);
  /* The organization row and Aminata's employer are one organization. */
  g_assert_cmpuint (coalition_store_count_organizations (store), ==, 1);
  g_assert_cmpuint (civicrm->skipped->len, ==, 1);
  skip = g_ptr_array_index (civicrm->skipped, 0);
  g_assert_cmpuint (skip->line, ==, 4);
  g_assert_nonnull (strstr (skip->reason, "household"));
  assert_person (store, "Aminata Diallo", "Riverside Legal Aid Society", "Staff Attorney",
                 ":adiallo@legalaid.example.org", ":+1 555-0180-1000");

  g_assert_cmpstr (mailchimp->layout, ==, "Mailchimp audience");
  {
    g_autoptr(CoalitionPerson) priya = person_named (store, "Priya Sharma");
    g_assert_cmpstrv (coalition_person_get_tags (priya), ((const char *[]) { "Newsletter", NULL }));
  }
  g_assert_cmpuint (mailchimp->people_added, ==, 2);
  /* A subscriber known only by address is listed under it. */
  assert_person (store, "supporter@mail.example.net", NULL, "", ":supporter@mail.example.net", "");
  /* "not-an-address" is refused, and its row, left with nothing, skipped. */
  g_assert_cmpuint (mailchimp->skipped->len, ==, 2);
  skip = g_ptr_array_index (mailchimp->skipped, 0);
  g_assert_cmpuint (skip->line, ==, 4);
  g_assert_nonnull (strstr (skip->reason, "not-an-address"));
}

static void
test_import_twice_changes_nothing (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) first = import (store, "google-contacts.csv", FALSE);
  g_autoptr(CoalitionImportSummary) second = NULL;
  g_autoptr(CoalitionPerson) before = person_named (store, "Zoë Brontë");
  g_autoptr(CoalitionPerson) after = NULL;
  guint n_people = coalition_store_count_people (store);
  guint n_orgs = coalition_store_count_organizations (store);

  g_usleep (1100 * 1000);   /* so that a rewrite would show in updated_at */
  second = import (store, "google-contacts.csv", FALSE);
  g_assert_cmpuint (second->people_added, ==, 0);
  g_assert_cmpuint (second->people_merged, ==, 0);
  g_assert_cmpuint (second->people_unchanged, ==, 5);
  g_assert_cmpuint (second->organizations_added, ==, 0);
  g_assert_cmpuint (coalition_store_count_people (store), ==, n_people);
  g_assert_cmpuint (coalition_store_count_organizations (store), ==, n_orgs);

  after = person_named (store, "Zoë Brontë");
  g_assert_cmpstr (coalition_person_get_updated_at (after), ==, coalition_person_get_updated_at (before));

  /* A hand-made sheet naming the same people in another order and case. */
  {
    g_autoptr(CoalitionImportSummary) sheet = import (store, "spreadsheet.csv", FALSE);
    g_autoptr(CoalitionPerson) an = person_named (store, "Văn An Nguyễn");

    g_assert_cmpuint (sheet->people_added, ==, 0);
    g_assert_cmpuint (sheet->people_unchanged, ==, 1);   /* 김민준, by address */
    g_assert_cmpuint (sheet->people_merged, ==, 1);      /* Nguyễn Văn An, by name */
    g_assert_cmpstr (coalition_person_get_title (an), ==, "Volunteer, weekends");
    g_assert_cmpuint (coalition_store_count_people (store), ==, n_people);
  }
}

static void
test_import_dry_run (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) summary = import (store, "google-contacts.csv", TRUE);

  g_assert_true (summary->dry_run);
  g_assert_cmpuint (summary->people_added, ==, 4);
  g_assert_cmpuint (summary->organizations_added, ==, 3);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);
  g_assert_cmpuint (coalition_store_count_organizations (store), ==, 0);
}

static void
assert_refused (const char *fixture,
                const char *data,
                gsize       length,
                GQuark      domain,
                int         code)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) seed = import (store, "civicrm.csv", FALSE);
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture != NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", fixture, NULL);
      summary = coalition_import_file (store, path, FALSE, NULL, &error);
    }
  else
    summary = coalition_import_data (store, data, length, FALSE, NULL, &error);

  g_assert_error (error, domain, code);
  g_assert_null (summary);
  /* Nothing half-written: what was there is all there is. */
  g_assert_cmpuint (coalition_store_count_people (store), ==, 2);
  g_assert_cmpuint (coalition_store_count_organizations (store), ==, 1);
}

static void
test_import_malformed (void)
{
  const char binary[] = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb6\x95";

  assert_refused ("truncated-quote.csv", NULL, 0, COALITION_CSV_ERROR, COALITION_CSV_ERROR_UNTERMINATED);
  assert_refused ("empty.csv", NULL, 0, COALITION_CSV_ERROR, COALITION_CSV_ERROR_EMPTY);
  assert_refused ("unknown-layout.csv", NULL, 0, COALITION_IMPORT_ERROR, COALITION_IMPORT_ERROR_UNKNOWN_LAYOUT);
  assert_refused (NULL, binary, sizeof binary - 1, COALITION_CSV_ERROR, COALITION_CSV_ERROR_BINARY);
  assert_refused (NULL, "\n\r\n  \n", 6, COALITION_CSV_ERROR, COALITION_CSV_ERROR_EMPTY);
  assert_refused ("does-not-exist.csv", NULL, 0, COALITION_IMPORT_ERROR, COALITION_IMPORT_ERROR_UNREADABLE);
  assert_refused ("truncated.vcf", NULL, 0, COALITION_VCARD_ERROR, COALITION_VCARD_ERROR_MALFORMED);
  assert_refused ("empty.vcf", NULL, 0, COALITION_CSV_ERROR, COALITION_CSV_ERROR_EMPTY);
}

static void
test_import_all_or_nothing (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "google-contacts.csv", NULL);
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  summary = coalition_import_file (store, path, FALSE, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);
  g_assert_cmpuint (coalition_store_count_organizations (store), ==, 0);
}

static void
test_import_vcard (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) three = import (store, "contacts-3.0.vcf", FALSE);
  g_autoptr(CoalitionImportSummary) four = import (store, "contacts-4.0.vcf", FALSE);
  g_autoptr(CoalitionImportSummary) again = NULL;
  g_autoptr(CoalitionPerson) zoe = NULL;

  g_assert_cmpstr (three->layout, ==, "vCard");
  g_assert_cmpuint (three->rows, ==, 3);
  g_assert_cmpuint (three->people_added, ==, 2);
  /* Apple marks a company card with X-ABShowAs, vCard 4.0 with KIND:org. */
  g_assert_true (has_organization (store, "Harvest Food Bank"));
  g_assert_true (has_organization (store, "Riverside Legal Aid Society"));

  assert_person (store, "김민준", "Masjid al-Noor", "", "home:mk@mail.example.net|work:minjun.kim@alnoor.example.org", "");
  assert_person (store, "Олена Шевченко", "City of Riverside", "Council Member, District 3",
                 "*work:o.shevchenko@city.example.gov", "work:+1-555-0150-3000");

  /* The 4.0 card for “Zoe Bronte” shares Zoë's address: one person, who
   * gains the second address; folded lines and escapes read back whole. */
  g_assert_cmpuint (four->people_added, ==, 1);
  g_assert_cmpuint (four->people_merged, ==, 1);
  assert_person (store, "Zoë Brontë", "Eastside Tenants Union", "Organizer",
                 "*work:zoe.bronte@eastside.example.org|home:zoe.b@mail.example.net", "*mobile:+1 555-0101-2020");
  zoe = person_named (store, "Zoë Brontë");
  g_assert_cmpstr (coalition_person_get_notes (zoe), ==,
                   "Met at the March rally.\nPrefers Signal; not e-mail, ideally. This note is long enough "
                   "to have been folded by the exporting program.");

  again = import (store, "contacts-3.0.vcf", FALSE);
  g_assert_cmpuint (again->people_added + again->people_merged, ==, 0);
}

static void
test_csv_writing (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CoalitionCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const char *row[] = { "=HYPERLINK(\"http://x\")", "+1 555", "-2", "@SUM(A1)", "Zoë, \"the\" organizer", "multi\nline", NULL };
  GStrv parsed;

  coalition_csv_append_row (out, row);
  g_assert_cmpstr (out->str, ==,
                   "\"'=HYPERLINK(\"\"http://x\"\")\",'+1 555,'-2,'@SUM(A1),\"Zoë, \"\"the\"\" organizer\",\"multi\nline\"\r\n");

  /* It reads back as what was written, formulas neutralised. */
  table = coalition_csv_parse (out->str, out->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (table->rows->len, ==, 1);
  parsed = table->rows->pdata[0];
  g_assert_cmpstr (parsed[0], ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (parsed[4], ==, "Zoë, \"the\" organizer");
  g_assert_cmpstr (parsed[5], ==, "multi\nline");
}

static void
test_import_column_mapping (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "volunteer-signup-es.csv", NULL);
  g_autoptr(CoalitionImportPreview) preview = NULL;
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(CoalitionPerson) maria = NULL;
  g_autoptr(GError) error = NULL;
  const CoalitionImportField only_notes[] = { COALITION_IMPORT_FIELD_NOTES };
  const CoalitionImportField fields[] = {
    COALITION_IMPORT_FIELD_FULL_NAME, COALITION_IMPORT_FIELD_EMAIL, COALITION_IMPORT_FIELD_PHONE,
    COALITION_IMPORT_FIELD_ADDRESS, COALITION_IMPORT_FIELD_SKILLS, COALITION_IMPORT_FIELD_NOTES,
  };

  /* Spanish headers are not known: the file is refused as it is... */
  g_assert_null (coalition_import_file (store, path, FALSE, NULL, &error));
  g_assert_error (error, COALITION_IMPORT_ERROR, COALITION_IMPORT_ERROR_UNKNOWN_LAYOUT);
  g_clear_error (&error);

  /* ...and the preview shows its columns and first rows to choose from. */
  preview = coalition_import_preview_file (path, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_columns, ==, 6);
  g_assert_cmpstr (preview->header[2], ==, "Teléfono");
  g_assert_cmpuint (preview->rows->len, ==, 3);   /* the blank row is not a row */
  g_assert_cmpstr (((GStrv)preview->rows->pdata[1])[0], ==, "Nguyễn Thị Lan");
  for (guint i = 0; i < preview->n_columns; i++)
    g_assert_cmpint (preview->guess[i], ==, COALITION_IMPORT_FIELD_IGNORE);

  /* Choices without a name or an address are refused, and nothing is written. */
  g_assert_null (coalition_import_file_mapped (store, path, only_notes, G_N_ELEMENTS (only_notes), FALSE, NULL, &error));
  g_assert_error (error, COALITION_IMPORT_ERROR, COALITION_IMPORT_ERROR_UNKNOWN_LAYOUT);
  g_clear_error (&error);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);

  summary = coalition_import_file_mapped (store, path, fields, G_N_ELEMENTS (fields), FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->people_added, ==, 3);
  assert_person (store, "María José Gutiérrez", NULL, "", ":mj.gutierrez@correo.example.mx", ":+52 55 5555 0101");
  assert_person (store, "José Pérez", NULL, "", "", ":+52 55 5555 0199");
  maria = person_named (store, "María José Gutiérrez");
  g_assert_cmpstr (coalition_person_get_address (maria), ==, "Colonia Roma, CDMX");
  g_assert_cmpstr (coalition_person_get_skills (maria), ==, "traducción, facilitación");
  g_assert_cmpstr (coalition_person_get_notes (maria), ==, "Puede hablar en la audiencia");

  /* The same choices again change nothing. */
  g_clear_pointer (&summary, coalition_import_summary_free);
  summary = coalition_import_file_mapped (store, path, fields, G_N_ELEMENTS (fields), FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->people_added, ==, 0);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 3);
}

static CoalitionImportSummary *
import_text (CoalitionStore *store,
             const char     *csv)
{
  g_autoptr(GError) error = NULL;
  CoalitionImportSummary *summary = coalition_import_data (store, csv, strlen (csv), FALSE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static guint
count_found (CoalitionStore *store,
             const char     *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = coalition_store_find_people (store, query, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* The same person twice in one file, and a person already in the directory
 * named again twice: one record each, holding what every row brought. */
static void
test_import_merges_within_file (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionPerson) ines = coalition_person_new ();
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(CoalitionPerson) zoe = NULL;
  g_autoptr(CoalitionPerson) an = NULL;
  g_autoptr(CoalitionPerson) ines_after = NULL;
  g_autoptr(GError) error = NULL;
  const char *csv =
    "First Name,Last Name,Email,Phone,Organization,Job Title,Notes,Tags\n"
    "Zoë,Brontë,zoe@eastside.example.org,,Eastside Tenants Union,,Speaks at hearings,housing\n"
    "Inés,Álvarez,INES@example.org,+1 555 0100,,,First row,\n"
    "Văn An,Nguyễn,,,,Volunteer,,\n"
    "Zoe,Bronte,ZOE@Eastside.example.org,+1 555-0101-2020,Riverside Legal Aid,Organizer,Speaks at hearings,\"transit, housing\"\n"
    "Nguyễn,Văn An,,+1 555 0199,,,Weekends,\n"
    "Inés,Álvarez,ines@example.org,(1) 555-0100,,,Second row,\n"
    "Zoë,Brontë,zoe.b@mail.example.net;zoe@eastside.example.org,,,,,\n";

  /* Inés is in the directory before the import. */
  coalition_person_set_given_name (ines, "Inés");
  coalition_person_set_family_name (ines, "Álvarez");
  coalition_person_add_email (ines, "work", "ines@example.org", TRUE);
  coalition_store_insert_person (store, ines, &error);
  g_assert_no_error (error);

  summary = import_text (store, csv);
  g_assert_cmpuint (summary->rows, ==, 7);
  g_assert_cmpuint (summary->people_added, ==, 2);
  g_assert_cmpuint (summary->people_merged, ==, 5);
  g_assert_cmpuint (summary->people_unchanged, ==, 0);
  g_assert_cmpuint (summary->organizations_added, ==, 2);
  g_assert_cmpuint (summary->organizations_matched, ==, 0);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 3);

  /* The first row's organization stays; the title, the phone, the tag and
   * the second address come from the later rows, the primary one first. */
  assert_person (store, "Zoë Brontë", "Eastside Tenants Union", "Organizer",
                 ":zoe@eastside.example.org|:zoe.b@mail.example.net", ":+1 555-0101-2020");
  zoe = person_named (store, "Zoë Brontë");
  g_assert_cmpstr (coalition_person_get_notes (zoe), ==, "Speaks at hearings");
  g_assert_cmpuint (g_strv_length ((GStrv)coalition_person_get_tags (zoe)), ==, 2);

  /* By name, in another order, with no address to go by. */
  an = person_named (store, "Văn An Nguyễn");
  g_assert_cmpstr (coalition_person_get_title (an), ==, "Volunteer");
  g_assert_cmpstr (coalition_person_get_notes (an), ==, "Weekends");

  /* The person already there gained the phone once (the same digits) and
   * both notes, and kept her address and its label. */
  ines_after = person_named (store, "Inés Álvarez");
  {
    g_autofree char *got_emails = points (coalition_person_get_emails (ines_after));
    g_autofree char *got_phones = points (coalition_person_get_phones (ines_after));

    g_assert_cmpstr (got_emails, ==, "*work:ines@example.org");
    g_assert_cmpstr (got_phones, ==, ":+1 555 0100");
  }
  g_assert_cmpint (coalition_person_get_id (ines_after), ==, coalition_person_get_id (ines));
  g_assert_cmpstr (coalition_person_get_notes (ines_after), ==, "First row\n\nSecond row");

  /* Importing the same file again changes nobody. */
  {
    g_autoptr(CoalitionImportSummary) again = import_text (store, csv);

    g_assert_cmpuint (again->people_added, ==, 0);
    g_assert_cmpuint (again->people_merged, ==, 0);
    g_assert_cmpuint (again->people_unchanged, ==, 7);
    g_assert_cmpuint (coalition_store_count_people (store), ==, 3);
  }
}

/* Search finds imported people at once, by the start of their names with or
 * without accents, of their organization and of their address. */
static void
test_import_search_by_prefix (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GString) csv = g_string_new ("Name,Email,Organization,Tags\n");

  g_string_append (csv, "Łukasz Wiśniewski,lukasz@eastside.example.org,Związek Lokatorów,tenants\n");
  g_string_append (csv, "Sigríður Jónsdóttir,sigga@example.is,Leigjendasamtökin,\n");
  g_string_append (csv, "Nguyễn Văn An,an@example.vn,,weekends\n");
  /* Enough others that the index is built in more than one piece. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "Member %u Example,member%u@example.org,Union Local %u,\n", i, i, i % 40);

  summary = import_text (store, csv->str);
  g_assert_cmpuint (summary->people_added, ==, 3003);

  g_assert_cmpuint (count_found (store, "lu"), ==, 1);
  g_assert_cmpuint (count_found (store, "Łuk"), ==, 1);
  g_assert_cmpuint (count_found (store, "wisn"), ==, 1);
  g_assert_cmpuint (count_found (store, "sigrid"), ==, 1);
  g_assert_cmpuint (count_found (store, "jons"), ==, 1);
  g_assert_cmpuint (count_found (store, "nguy"), ==, 1);
  g_assert_cmpuint (count_found (store, "zwiaz"), ==, 1);
  g_assert_cmpuint (count_found (store, "leigj"), ==, 1);
  g_assert_cmpuint (count_found (store, "an@example"), ==, 1);
  g_assert_cmpuint (count_found (store, "weekend"), ==, 1);
  g_assert_cmpuint (count_found (store, "member"), ==, 3000);
  g_assert_cmpuint (count_found (store, "member2999"), ==, 1);
}

/* The bulk write stops at a cancel or at a person it cannot write, and
 * leaves nothing of the transaction behind. */
static void
test_import_bulk_write_all_or_nothing (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) emails = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_contact_point_free);
  const char * const tags[] = { "housing", NULL };
  CoalitionStoreNewPerson people[3] = {
    { "Zoë", "Brontë", "Zoë Brontë", "", "", "", "", COALITION_STATUS_MEMBER, 0, tags, emails, NULL },
    { "", "", "Ngozi Okonkwo", "", "", "", "", COALITION_STATUS_INVITED, 0, NULL, NULL, NULL },
    { "", "", "", "", "", "", "", COALITION_STATUS_MEMBER, 0, NULL, NULL, NULL },
  };
  g_autoptr(GError) error = NULL;
  gint64 ids[3] = { 0 };
  guint failed = G_MAXUINT;

  g_ptr_array_add (emails, coalition_contact_point_new ("work", " zoe@eastside.example.org ", TRUE));

  /* A person without a name is refused, and the ones before go too. */
  g_assert_true (coalition_store_begin_bulk_write (store, 3, &error));
  g_assert_false (coalition_store_insert_people (store, people, 3, ids, &failed, NULL, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_assert_cmpuint (failed, ==, 2);
  g_clear_error (&error);
  coalition_store_rollback (store);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);
  g_assert_cmpuint (count_found (store, "zoe"), ==, 0);

  /* Cancelled before it starts. */
  g_cancellable_cancel (cancellable);
  g_assert_true (coalition_store_begin_bulk_write (store, 3, &error));
  g_assert_false (coalition_store_insert_people (store, people, 2, ids, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  coalition_store_rollback (store);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);

  /* Written whole, and found by search after the commit. */
  g_assert_true (coalition_store_begin_bulk_write (store, 3, &error));
  g_assert_true (coalition_store_insert_people (store, people, 2, ids, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (coalition_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 2);
  g_assert_cmpuint (count_found (store, "bronte"), ==, 1);
  g_assert_cmpuint (count_found (store, "zoe@east"), ==, 1);
  g_assert_cmpuint (count_found (store, "okon"), ==, 1);

  {
    g_autoptr(CoalitionPerson) zoe = coalition_store_get_person (store, ids[0], &error);
    g_autoptr(CoalitionPerson) ngozi = coalition_store_get_person (store, ids[1], &error);
    g_autofree char *got = points (coalition_person_get_emails (zoe));

    g_assert_no_error (error);
    g_assert_cmpstr (got, ==, "*work:zoe@eastside.example.org");
    g_assert_cmpstr (coalition_person_get_tags (zoe)[0], ==, "housing");
    g_assert_nonnull (coalition_person_get_uid (zoe));
    g_assert_cmpstr (coalition_person_get_uid (zoe), !=, coalition_person_get_uid (ngozi));
    g_assert_cmpint (coalition_person_get_status (ngozi), ==, COALITION_STATUS_INVITED);
  }
}

/* Cancelled while it runs, from another thread: nothing is left. */
typedef struct
{
  CoalitionStore *store;
  const char     *csv;
  GCancellable   *cancellable;
  GError         *error;
  gboolean        started;
  GMutex          mutex;
  GCond           cond;
} CancelData;

static gpointer
import_thread (gpointer user_data)
{
  CancelData *data = user_data;
  CoalitionImportSummary *summary;

  g_mutex_lock (&data->mutex);
  data->started = TRUE;
  g_cond_signal (&data->cond);
  g_mutex_unlock (&data->mutex);

  summary = coalition_import_data (data->store, data->csv, strlen (data->csv), FALSE, data->cancellable,
                                   &data->error);
  coalition_import_summary_free (summary);
  return NULL;
}

static void
test_import_cancel_while_running (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GString) csv = g_string_new ("Name,Email,Organization\n");
  CancelData data = { NULL, NULL, cancellable, NULL, FALSE };
  GThread *thread;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "Member %u Example,member%u@example.org,Union Local %u\n", i, i, i % 400);

  /* The import runs on its own connection, as the application's does. */
  path = g_strdup (coalition_store_get_path (store));
  data.store = coalition_store_open (path, NULL);
  data.csv = csv->str;
  g_mutex_init (&data.mutex);
  g_cond_init (&data.cond);

  thread = g_thread_new ("import", import_thread, &data);
  g_mutex_lock (&data.mutex);
  while (!data.started)
    g_cond_wait (&data.cond, &data.mutex);
  g_mutex_unlock (&data.mutex);
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);

  /* Rarely the import is quicker than the cancel; then all of it is there. */
  if (data.error != NULL)
    {
      g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_cmpuint (coalition_store_count_people (store), ==, 0);
      g_assert_cmpuint (coalition_store_count_organizations (store), ==, 0);
      g_assert_cmpuint (count_found (store, "member"), ==, 0);
    }
  else
    g_assert_cmpuint (coalition_store_count_people (store), ==, 20000);

  g_clear_error (&data.error);
  g_clear_object (&data.store);
  g_mutex_clear (&data.mutex);
  g_cond_clear (&data.cond);
}

/* What another connection to @path reads: the columns of the first row of
 * @sql, or with @all_rows of every row, joined by " / "; "" for no row. */
static char *
read_from_file (const char *path,
                const char *sql,
                gboolean    all_rows)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *found = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (found, "%s%s", found->len > 0 ? " / " : "",
                                (const char *)sqlite3_column_text (stmt, i));
      if (!all_rows)
        break;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (found, FALSE);
}

/* The people whose text in the search index differs from what filling it
 * again from scratch would give; "" when there is none. */
static char *
index_differences (CoalitionStore *store)
{
  return read_from_file (coalition_store_get_path (store),
                         "SELECT id FROM ("
                         "  SELECT rowid AS id, name, organization, contact FROM person_search"
                         "  EXCEPT SELECT id, name, organization, contact FROM person_search_source"
                         "  UNION ALL"
                         "  SELECT id, name, organization, contact FROM person_search_source"
                         "  EXCEPT SELECT rowid, name, organization, contact FROM person_search)",
                         TRUE);
}

/* A few rows into a large directory keep the search index row by row
 * instead of filling it again for everyone, and it comes out the same:
 * the new people and what a merge added to someone already there are
 * found, and the index holds what a full refill would. */
static void
test_import_small_into_large (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(CoalitionPerson) known = NULL;
  g_autoptr(GArray) everyone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *differences = NULL;
  const char *email = NULL;

  g_assert_true (coalition_demo_fill (store, 400, 11, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  everyone = coalition_store_find_people (store, NULL, &error);
  for (guint i = 0; i < everyone->len && email == NULL; i++)
    {
      g_clear_object (&known);
      known = coalition_store_get_person (store, g_array_index (everyone, gint64, i), &error);
      if (coalition_person_get_emails (known)->len > 0)
        email = ((CoalitionContactPoint *)g_ptr_array_index (coalition_person_get_emails (known), 0))->value;
    }
  g_assert_nonnull (email);
  g_assert_cmpuint (count_found (store, "quillfeather"), ==, 0);

  csv = g_strdup_printf ("First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Organization 1 - Name,Labels\n"
                         "Yevheniia,Quillfeather,yq@example.org,,Harbour Tenants,housing\n"
                         "Đặng,Thị Hoa,dang@example.org,,Harbour Tenants,\n"
                         "%s,%s,%s,+1 555 0199 777,,zebrafinch\n",
                         coalition_person_get_given_name (known), coalition_person_get_family_name (known), email);
  summary = import_text (store, csv);
  g_assert_cmpuint (summary->people_added, ==, 2);
  g_assert_cmpuint (summary->people_merged, ==, 1);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 402);

  g_assert_cmpuint (count_found (store, "quillfeather"), ==, 1);
  g_assert_cmpuint (count_found (store, "dang thi"), ==, 1);
  g_assert_cmpuint (count_found (store, "harbour"), ==, 2);
  g_assert_cmpuint (count_found (store, "zebrafinch"), ==, 1);
  differences = index_differences (store);
  g_assert_cmpstr (differences, ==, "");
}

/* A directory of one person, closed: what the query planner knows of it
 * (PRAGMA optimize at close) is a table of one person with one e-mail.
 * An import of thousands into it measures that again before it fills the
 * search index; with the old figures every person's e-mails were looked up
 * by reading all of them, and 100 000 people took ten minutes, not five
 * seconds. The plan is checked, not the time. */
static void
test_import_into_tiny_directory (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionPerson) first = coalition_person_new ();
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GString) csv = g_string_new ("First Name,Last Name,E-mail 1 - Value,Phone 1 - Value\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (coalition_store_get_path (store));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *differences = NULL;

  coalition_person_set_given_name (first, "Zoë");
  coalition_person_set_family_name (first, "Brontë");
  coalition_person_add_email (first, "work", "zoe@example.org", TRUE);
  coalition_store_insert_person (store, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (store, "zoe"), ==, 1);
  g_clear_object (&store);

  before = read_from_file (path, "SELECT stat FROM sqlite_stat1 WHERE idx = 'person_email_by_person'", FALSE);
  g_assert_cmpstr (before, ==, "1 1 1");

  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "Łukasz %u,Nguyễn,lukasz.%u@example.org,+1 555 01%05u\n", i, i, i);
  summary = import_text (store, csv->str);
  g_assert_cmpuint (summary->people_added, ==, 3000);

  /* Read while the store is open, before its own PRAGMA optimize at close. */
  after = read_from_file (path, "SELECT stat FROM sqlite_stat1 WHERE idx = 'person_email_by_person'", FALSE);
  /* An estimate from a sample of the index, of the right size. */
  g_assert_cmpuint (g_ascii_strtoull (after, NULL, 10), >, 1000);
  plan = read_from_file (path, "EXPLAIN QUERY PLAN SELECT contact FROM person_search_source", TRUE);
  g_assert_nonnull (strstr (plan, "USING INDEX person_email_by_person"));
  g_assert_nonnull (strstr (plan, "USING INDEX person_phone_by_person"));
  g_assert_null (strstr (plan, "SCAN person_email"));

  g_assert_cmpuint (count_found (store, "lukasz 2999"), ==, 1);
  g_assert_cmpuint (count_found (store, "zoe"), ==, 1);
  differences = index_differences (store);
  g_assert_cmpstr (differences, ==, "");
}

/* A Coalition export (CSV or vCard, as @data says) read into a new
 * directory keeps everyone, with the UIDs they had: two people who share
 * an address (a couple's, an office's), or a name and no address, stay
 * two. Reading the same export again, into either directory, changes
 * nothing. */
static void
test_import_coalition_export_keeps_everyone (gconstpointer data)
{
  CoalitionExportFormat format = GPOINTER_TO_INT (data);
  g_autoptr(CoalitionStore) source = new_store ();
  g_autoptr(CoalitionStore) target = new_store ();
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(CoalitionImportSummary) again = NULL;
  g_autoptr(CoalitionImportSummary) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (g_get_user_data_dir (),
                                          format == COALITION_EXPORT_CSV ? "export.csv" : "export.vcf", NULL);
  g_autofree char *source_uids = NULL;
  g_autofree char *target_uids = NULL;
  const char *uids_sql = "SELECT group_concat (uid, ' ') FROM (SELECT uid FROM person ORDER BY uid)";
  const struct { const char *given, *family, *title, *email; } pairs[] = {
    { "Zoë", "Brontë", "Organizer", "office@eastside.example.org" },
    { "Łukasz", "Nowak", "Volunteer", "office@eastside.example.org" },
    { "Văn An", "Nguyễn", "Tenant Leader", NULL },
    { "Văn An", "Nguyễn", "Pastor", NULL },
  };
  guint n_people;

  g_assert_true (coalition_demo_fill (source, 120, 5, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_person_new ();

      coalition_person_set_given_name (person, pairs[i].given);
      coalition_person_set_family_name (person, pairs[i].family);
      coalition_person_set_title (person, pairs[i].title);
      if (pairs[i].email != NULL)
        coalition_person_add_email (person, "work", pairs[i].email, TRUE);
      g_assert_true (coalition_store_insert_person (source, person, &error));
      g_assert_no_error (error);
    }
  n_people = coalition_store_count_people (source);
  g_assert_true (coalition_export_members (source, format, file, NULL, &error));
  g_assert_no_error (error);

  summary = coalition_import_file (target, file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->layout, ==, format == COALITION_EXPORT_CSV ? "Coalition export" : "vCard");
  g_assert_cmpuint (summary->people_added, ==, n_people);
  g_assert_cmpuint (summary->people_merged, ==, 0);
  g_assert_cmpuint (coalition_store_count_people (target), ==, n_people);
  g_assert_cmpuint (count_found (target, "office eastside"), ==, 2);
  g_assert_cmpuint (count_found (target, "nguyen van an"), >=, 2);
  source_uids = read_from_file (coalition_store_get_path (source), uids_sql, FALSE);
  target_uids = read_from_file (coalition_store_get_path (target), uids_sql, FALSE);
  g_assert_cmpstr (target_uids, ==, source_uids);

  again = coalition_import_file (target, file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->people_added, ==, 0);
  g_assert_cmpuint (again->people_merged, ==, 0);
  g_assert_cmpuint (again->people_unchanged, ==, n_people);
  back = coalition_import_file (source, file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->people_added, ==, 0);
  g_assert_cmpuint (back->people_merged, ==, 0);
  g_assert_cmpuint (coalition_store_count_people (source), ==, n_people);
}

/* An organization's own vCard, as Coalition writes it, brings back its
 * e-mails, phones, address, website, notes and tags; read into a
 * directory where the organization already is, it adds only what it
 * lacks. */
static void
test_import_vcard_organization (void)
{
  g_autoptr(CoalitionStore) source = new_store ();
  g_autoptr(CoalitionStore) target = new_store ();
  g_autoptr(CoalitionOrganization) union_local = coalition_organization_new ("Łódź Tenants’ Union, Local 12");
  g_autoptr(CoalitionOrganization) known = coalition_organization_new ("Łódź Tenants’ Union, Local 12");
  g_autoptr(CoalitionOrganization) back = NULL;
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "organizations.vcf", NULL);
  GPtrArray *emails, *phones;

  coalition_organization_set_website (union_local, "https://tenants.example.org/local-12");
  coalition_organization_set_notes (union_local, "Meets on Tuesdays; Spanish and Polish at every meeting.");
  coalition_organization_set_address (union_local, "Ul. Piotrkowska 12, 90-001 Łódź");
  coalition_organization_set_tags (union_local, (const char *[]) { "housing", "transit", NULL });
  g_ptr_array_add (coalition_organization_get_emails (union_local),
                   coalition_contact_point_new ("work", "office@tenants.example.org", TRUE));
  g_ptr_array_add (coalition_organization_get_emails (union_local),
                   coalition_contact_point_new ("other", "press@tenants.example.org", FALSE));
  g_ptr_array_add (coalition_organization_get_phones (union_local),
                   coalition_contact_point_new ("work", "+48 42 555 01 12", TRUE));
  g_assert_true (coalition_store_insert_organization (source, union_local, &error));
  g_assert_no_error (error);
  g_assert_true (coalition_export_members (source, COALITION_EXPORT_VCARD_4, file, NULL, &error));
  g_assert_no_error (error);

  /* The target knows the union already, with one address of its own. */
  g_ptr_array_add (coalition_organization_get_emails (known),
                   coalition_contact_point_new ("work", "PRESS@tenants.example.org", TRUE));
  g_assert_true (coalition_store_insert_organization (target, known, &error));
  g_assert_no_error (error);

  summary = coalition_import_file (target, file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->organizations_matched, ==, 1);
  g_assert_cmpuint (summary->organizations_added, ==, 0);
  organizations = coalition_store_list_organizations (target, &error);
  g_assert_cmpuint (organizations->len, ==, 1);
  back = coalition_store_get_organization (target, coalition_organization_get_id (known), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_organization_get_website (back), ==, "https://tenants.example.org/local-12");
  g_assert_cmpstr (coalition_organization_get_notes (back), ==, "Meets on Tuesdays; Spanish and Polish at every meeting.");
  g_assert_cmpstr (coalition_organization_get_address (back), ==, "Ul. Piotrkowska 12, 90-001 Łódź");
  g_assert_cmpstr (coalition_organization_get_tags (back)[0], ==, "housing");
  g_assert_cmpstr (coalition_organization_get_tags (back)[1], ==, "transit");
  g_assert_null (coalition_organization_get_tags (back)[2]);
  emails = coalition_organization_get_emails (back);
  phones = coalition_organization_get_phones (back);
  /* Its own address stays the main one; the card's other one is added. */
  g_assert_cmpuint (emails->len, ==, 2);
  g_assert_cmpstr (((CoalitionContactPoint *)emails->pdata[0])->value, ==, "PRESS@tenants.example.org");
  g_assert_true (((CoalitionContactPoint *)emails->pdata[0])->primary);
  g_assert_cmpstr (((CoalitionContactPoint *)emails->pdata[1])->value, ==, "office@tenants.example.org");
  g_assert_false (((CoalitionContactPoint *)emails->pdata[1])->primary);
  g_assert_cmpuint (phones->len, ==, 1);
  g_assert_cmpstr (((CoalitionContactPoint *)phones->pdata[0])->value, ==, "+48 42 555 01 12");
  g_assert_true (((CoalitionContactPoint *)phones->pdata[0])->primary);
}

/* A row of a Coalition export copied in a spreadsheet and made into
 * someone else keeps the UID it was copied with: that second record, with
 * another name and no address in common, is someone new; a third with the
 * first one's name is the first one. A name corrected in the one row that
 * carries a UID still finds the person it names. */
static void
test_import_uid_copied_row (void)
{
  g_autoptr(CoalitionStore) store = new_store ();
  g_autoptr(CoalitionPerson) jon = coalition_person_new ();
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;

  coalition_person_set_given_name (jon, "Jon");
  coalition_person_set_family_name (jon, "Smith");
  g_assert_true (coalition_store_insert_person (store, jon, &error));
  g_assert_no_error (error);

  csv = g_strdup_printf ("Name,Given Name,Family Name,Status,E-mail 1 - Label,E-mail 1 - Value,UID\n"
                         "Zoë Brontë,Zoë,Brontë,member,work,zoe@example.org,c7985954-a7b6-48eb-8d91-29c8cb2770b0\n"
                         "Łukasz Nowak,Łukasz,Nowak,member,work,lukasz@example.org,c7985954-a7b6-48eb-8d91-29c8cb2770b0\n"
                         "Zoë Brontë,Zoë,Brontë,member,home,zoe@home.example.net,c7985954-a7b6-48eb-8d91-29c8cb2770b0\n"
                         "John Smith,John,Smith,member,,,%s\n",
                         coalition_person_get_uid (jon));
  summary = import_text (store, csv);
  g_assert_cmpuint (summary->people_added, ==, 2);
  g_assert_cmpuint (summary->people_merged, ==, 1);      /* Zoë's second address */
  g_assert_cmpuint (summary->people_unchanged, ==, 1);   /* Jon, not a second Smith */
  g_assert_cmpuint (coalition_store_count_people (store), ==, 3);
  g_assert_cmpuint (count_found (store, "lukasz"), ==, 1);
  g_assert_cmpuint (count_found (store, "zoe home example"), ==, 1);
  g_assert_cmpuint (count_found (store, "smith"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/import/google", test_import_google);
  g_test_add_func ("/import/google-legacy", test_import_google_legacy);
  g_test_add_func ("/import/outlook", test_import_outlook);
  g_test_add_func ("/import/excel-german-merges", test_import_excel_german_merges);
  g_test_add_func ("/import/civicrm-and-mailchimp", test_import_civicrm_and_mailchimp);
  g_test_add_func ("/import/twice-changes-nothing", test_import_twice_changes_nothing);
  g_test_add_func ("/import/dry-run", test_import_dry_run);
  g_test_add_func ("/import/malformed", test_import_malformed);
  g_test_add_func ("/import/all-or-nothing", test_import_all_or_nothing);
  g_test_add_func ("/import/vcard", test_import_vcard);
  g_test_add_func ("/import/column-mapping", test_import_column_mapping);
  g_test_add_func ("/import/merges-within-file", test_import_merges_within_file);
  g_test_add_func ("/import/search-by-prefix", test_import_search_by_prefix);
  g_test_add_func ("/import/bulk-write-all-or-nothing", test_import_bulk_write_all_or_nothing);
  g_test_add_func ("/import/cancel-while-running", test_import_cancel_while_running);
  g_test_add_func ("/import/small-into-large", test_import_small_into_large);
  g_test_add_func ("/import/into-tiny-directory", test_import_into_tiny_directory);
  g_test_add_data_func ("/import/coalition-export-keeps-everyone/csv", GINT_TO_POINTER (COALITION_EXPORT_CSV),
                        test_import_coalition_export_keeps_everyone);
  g_test_add_data_func ("/import/coalition-export-keeps-everyone/vcard", GINT_TO_POINTER (COALITION_EXPORT_VCARD_4),
                        test_import_coalition_export_keeps_everyone);
  g_test_add_func ("/import/uid-copied-row", test_import_uid_copied_row);
  g_test_add_func ("/import/vcard-organization", test_import_vcard_organization);
  g_test_add_func ("/csv/writing", test_csv_writing);

  return g_test_run ();
}
