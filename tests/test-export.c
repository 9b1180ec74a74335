/* test-export.c — the directory written out, and read back by us and by
 * python3-vobject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>

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

static void
import_fixture (CoalitionStore *store,
                const char     *fixture)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionImportSummary) summary = coalition_import_file (store, path, FALSE, NULL, &error);

  g_assert_no_error (error);
}

/* A directory with every kind of text an export has to carry. */
static CoalitionStore *
make_directory (void)
{
  CoalitionStore *store = new_store ("source.db");
  g_autoptr(CoalitionPerson) tricky = coalition_person_new ();
  g_autoptr(CoalitionOrganization) alone = coalition_organization_new ("Coalition for Fair Rent, Inc.");
  g_autoptr(GString) long_note = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  import_fixture (store, "google-contacts.csv");
  import_fixture (store, "google-contacts-legacy.csv");
  import_fixture (store, "outlook-classic.csv");

  for (guint i = 0; i < 12; i++)
    g_string_append (long_note, i == 0 ? "Γιώργος 김민준 Nguyễn" : " — Γιώργος 김민준 Nguyễn");
  coalition_person_set_given_name (tricky, "Ana; María");
  coalition_person_set_family_name (tricky, "de la Cruz, Jr.");
  coalition_person_set_title (tricky, "=HYPERLINK(\"http://evil.example\")");
  coalition_person_set_notes (tricky, long_note->str);
  coalition_person_add_email (tricky, "work", "ana@example.org", TRUE);
  coalition_person_add_phone (tricky, "mobile", "+1 555-0199-0000", FALSE);
  coalition_person_set_address (tricky, "Calle 5; Piso 2, Colonia Centro, Ciudad de México");
  coalition_person_set_skills (tricky, "=SUM(A1), translation; facilitation");
  coalition_person_set_tags (tricky, (const char *[]) { "Tiếng Việt", "speaker", "-tenant leader", NULL });
  g_assert_true (coalition_store_insert_person (store, tricky, &error));
  g_assert_true (coalition_store_insert_organization (store, alone, &error));
  g_assert_no_error (error);

  return store;
}

/* Everything about a person that must survive a round trip, as one line;
 * vCard has no place for skills. */
static char *
describe (CoalitionPerson *person,
          gboolean         with_skills)
{
  GString *out = g_string_new (NULL);
  const char *organization = coalition_person_get_organization_name (person);

  g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%s",
                          coalition_person_get_display_name (person),
                          coalition_person_get_given_name (person),
                          coalition_person_get_family_name (person),
                          organization ? organization : "",
                          coalition_person_get_title (person),
                          coalition_status_to_string (coalition_person_get_status (person)),
                          coalition_person_get_notes (person));
  g_string_append_printf (out, "|%s|%s", coalition_person_get_address (person),
                          with_skills ? coalition_person_get_skills (person) : "");
  for (const char * const *tag = coalition_person_get_tags (person); *tag; tag++)
    g_string_append_printf (out, "|#%s", *tag);
  for (guint k = 0; k < 2; k++)
    {
      GPtrArray *points = k == 0 ? coalition_person_get_emails (person) : coalition_person_get_phones (person);

      for (guint i = 0; i < points->len; i++)
        {
          const CoalitionContactPoint *point = g_ptr_array_index (points, i);
          g_string_append_printf (out, "|%s%s:%s", point->primary ? "*" : "", point->label, point->value);
        }
    }

  return g_string_free (out, FALSE);
}

static GPtrArray *
describe_all (CoalitionStore *store,
              gboolean        with_skills)
{
  g_autoptr(GArray) ids = coalition_store_find_people (store, NULL, NULL);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_store_get_person (store, g_array_index (ids, gint64, i), NULL);
      g_ptr_array_add (out, describe (person, with_skills));
    }

  return out;
}

static void
assert_same_directory (CoalitionStore *store,
                       CoalitionStore *copy,
                       gboolean        with_skills)
{
  g_autoptr(GPtrArray) before = describe_all (store, with_skills);
  g_autoptr(GPtrArray) after = describe_all (copy, with_skills);

  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    g_assert_cmpstr (after->pdata[i], ==, before->pdata[i]);
  g_assert_cmpuint (coalition_store_count_organizations (copy), ==, coalition_store_count_organizations (store));
}

static void
test_export_csv_round_trip (void)
{
  g_autoptr(CoalitionStore) store = make_directory ();
  g_autoptr(CoalitionStore) copy = new_store ("copy.db");
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "members.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(CoalitionCsvTable) table = NULL;
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  gboolean found_formula = FALSE;
  guint n_records = 0;
  gsize length;

  g_assert_true (coalition_export_members (store, COALITION_EXPORT_CSV, path, &n_records, &error));
  g_assert_no_error (error);
  /* Everyone, and the organizations nobody belongs to. */
  g_assert_cmpuint (n_records, ==, coalition_store_count_people (store) + 2);

  /* No cell of the file can run as a formula in a spreadsheet. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  table = coalition_csv_parse (contents, length, &error);
  g_assert_no_error (error);
  for (guint r = 1; r < table->rows->len; r++)
    for (GStrv cell = table->rows->pdata[r]; *cell; cell++)
      {
        g_assert_null (strchr ("=+-@\t\r", (*cell)[0] ? (*cell)[0] : 'x'));
        if (g_str_equal (*cell, "'=HYPERLINK(\"http://evil.example\")"))
          found_formula = TRUE;
      }
  g_assert_true (found_formula);

  /* Our importer reads back exactly the same people. */
  summary = coalition_import_file (copy, path, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->skipped->len, ==, 0);
  assert_same_directory (store, copy, TRUE);
}

static const char vobject_reader[] =
  "import json, sys, vobject\n"
  "cards = []\n"
  "with open(sys.argv[1], encoding='utf-8', newline='') as f:\n"
  "    for card in vobject.readComponents(f.read()):\n"
  "        c = card.contents\n"
  "        cards.append({\n"
  "            'fn': card.fn.value,\n"
  "            'uid': card.uid.value,\n"
  "            'org': c['org'][0].value[0] if 'org' in c else None,\n"
  "            'title': c['title'][0].value if 'title' in c else '',\n"
  "            'note': c['note'][0].value if 'note' in c else '',\n"
  "            'emails': [e.value for e in c.get('email', [])],\n"
  "            'phones': [t.value for t in c.get('tel', [])],\n"
  "            'kind': c['kind'][0].value if 'kind' in c else None,\n"
  "            'categories': c['categories'][0].value if 'categories' in c else [],\n"
  "            'street': c['adr'][0].value.street if 'adr' in c else '',\n"
  "        })\n"
  "json.dump(cards, sys.stdout)\n";

static void
check_vcard (CoalitionExportFormat format,
             const char           *file_name)
{
  g_autoptr(CoalitionStore) store = make_directory ();
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), file_name, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) ids = coalition_store_find_people (store, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonArray *cards;
  guint n_records = 0;

  g_assert_true (coalition_export_members (store, format, path, &n_records, &error));
  g_assert_no_error (error);

  /* CRLF, and no line over 75 octets, and none cut inside a character. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_suffix (contents, "END:VCARD\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
    }

  /* python3-vobject reads the same people. */
  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             "/usr/bin/python3", "-c", vobject_reader, path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (python))
    g_error ("python3-vobject could not read the file: %s", err);

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  cards = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (cards), ==, n_records);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_store_get_person (store, g_array_index (ids, gint64, i), NULL);
      JsonObject *card = json_array_get_object_element (cards, i);
      JsonArray *emails = json_object_get_array_member (card, "emails");
      g_autofree char *uid = g_strconcat ("urn:uuid:", coalition_person_get_uid (person), NULL);
      const char *organization = coalition_person_get_organization_name (person);

      g_assert_cmpstr (json_object_get_string_member (card, "fn"), ==, coalition_person_get_display_name (person));
      g_assert_cmpstr (json_object_get_string_member (card, "uid"), ==, uid);
      g_assert_cmpstr (json_object_get_string_member (card, "title"), ==, coalition_person_get_title (person));
      g_assert_cmpstr (json_object_get_string_member (card, "note"), ==, coalition_person_get_notes (person));
      if (organization != NULL)
        g_assert_cmpstr (json_object_get_string_member (card, "org"), ==, organization);
      g_assert_cmpuint (json_array_get_length (emails), ==, coalition_person_get_emails (person)->len);
      g_assert_cmpstr (json_object_get_string_member (card, "street"), ==, coalition_person_get_address (person));
      {
        JsonArray *categories = json_object_get_array_member (card, "categories");
        const char * const *tags = coalition_person_get_tags (person);

        g_assert_cmpuint (json_array_get_length (categories), ==, g_strv_length ((GStrv)tags));
        for (guint t = 0; tags[t] != NULL; t++)
          g_assert_cmpstr (json_array_get_string_element (categories, t), ==, tags[t]);
      }
      for (guint e = 0; e < json_array_get_length (emails); e++)
        g_assert_cmpstr (json_array_get_string_element (emails, e), ==,
                         ((CoalitionContactPoint *)coalition_person_get_emails (person)->pdata[e])->value);
    }

  /* Then every organization, as an organization. */
  {
    g_autoptr(GPtrArray) organizations = coalition_store_list_organizations (store, NULL);

    g_assert_cmpuint (n_records, ==, ids->len + organizations->len);
    for (guint i = 0; i < organizations->len; i++)
      {
        JsonObject *card = json_array_get_object_element (cards, ids->len + i);

        g_assert_cmpstr (json_object_get_string_member (card, "fn"), ==,
                         coalition_organization_get_name (organizations->pdata[i]));
        if (format == COALITION_EXPORT_VCARD_4)
          g_assert_cmpstr (json_object_get_string_member (card, "kind"), ==, "org");
      }
  }
}

static void
test_export_vcard_4 (void)
{
  check_vcard (COALITION_EXPORT_VCARD_4, "members-4.vcf");
}

/* Our own importer reads our vCards back to the same people. (vCard has no
 * place for the coalition status; everyone here has the default, member.) */
static void
test_export_vcard_round_trip (void)
{
  g_autoptr(CoalitionStore) store = make_directory ();
  g_autoptr(CoalitionStore) copy = new_store ("vcard-copy.db");
  g_autoptr(GBytes) bytes = coalition_export_members_to_bytes (store, COALITION_EXPORT_VCARD_4, NULL, NULL);
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = coalition_import_data (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->skipped->len, ==, 0);
  assert_same_directory (store, copy, FALSE);
}

static void
test_export_vcard_3 (void)
{
  check_vcard (COALITION_EXPORT_VCARD_3, "members-3.vcf");
}

static void
test_export_no_partial_file (void)
{
  g_autoptr(CoalitionStore) store = make_directory ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (dir, "members.csv", NULL);
  g_autofree char *existing = g_build_filename (g_get_user_data_dir (), "kept.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* A folder that is not there: a clear error, and no file. */
  g_assert_false (coalition_export_members (store, COALITION_EXPORT_CSV, path, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Replacing a file leaves the whole new one. */
  g_assert_true (g_file_set_contents (existing, "old contents", -1, NULL));
  g_assert_true (coalition_export_members (store, COALITION_EXPORT_CSV, existing, NULL, &error));
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFName,"));
}

/* What a write killed part-way left behind, an hour old or more, goes with
 * the next write into that folder; a fresh one (another write under way)
 * and the user's own files stay. */
static void
test_export_stale_temporaries (void)
{
  g_autoptr(CoalitionStore) store = make_directory ();
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "exports", NULL);
  g_autofree char *stale = g_build_filename (dir, ".coalition-Ab12Cd", NULL);
  g_autofree char *journal = g_build_filename (dir, ".coalition-Ab12Cd-journal", NULL);
  g_autofree char *fresh = g_build_filename (dir, ".coalition-Zz99Yy", NULL);
  g_autofree char *longer = g_build_filename (dir, ".coalition-notes.txt", NULL);
  g_autofree char *own = g_build_filename (dir, "coalition-Ab12Cd", NULL);
  g_autofree char *path = g_build_filename (dir, "members.csv", NULL);
  g_autoptr(GError) error = NULL;
  const char *old_files[] = { stale, journal, longer, own };
  struct utimbuf two_hours_ago;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  two_hours_ago.actime = two_hours_ago.modtime = time (NULL) - 2 * 60 * 60;
  for (guint i = 0; i < G_N_ELEMENTS (old_files); i++)
    {
      g_assert_true (g_file_set_contents (old_files[i], "Name,E-mail\nZoë Brontë,zo", -1, NULL));
      g_assert_cmpint (g_utime (old_files[i], &two_hours_ago), ==, 0);
    }
  g_assert_true (g_file_set_contents (fresh, "Name,E-mail\n", -1, NULL));

  g_assert_true (coalition_export_members (store, COALITION_EXPORT_CSV, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (longer, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (own, G_FILE_TEST_EXISTS));
  /* Nothing else of ours is left beside the export. */
  g_assert_cmpuint (coalition_export_remove_stale_temporaries (dir), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Writing where there is no room: coalition-cli under a file size limit,
 * and into /dev/full */

#define SIZE_LIMIT (40 * 1024)   /* above SQLite's 32 KiB shared-memory file */

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { SIZE_LIMIT, SIZE_LIMIT };

  /* A write past the limit fails with EFBIG instead of killing the process. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* Runs coalition-cli on @db with @args and "-o" @output; its exit status. */
static int
run_cli_to (const char          *db,
            const char * const  *args,
            const char          *output,
            gboolean             limited,
            char               **out_err)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer)g_getenv ("COALITION_CLI"));
  g_ptr_array_add (argv, (gpointer)"--database");
  g_ptr_array_add (argv, (gpointer)db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, (gpointer)"-o");
  g_ptr_array_add (argv, (gpointer)output);
  g_ptr_array_add (argv, NULL);
  if (limited)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
  cli = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, NULL, out_err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (cli);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static const char * const limited_exports[][6] = {
  { "export-members", "--format", "csv", NULL },
  { "export-members", "--format", "vcf", NULL },
  { "export-ics", "--all", NULL },
  { "print", "sign-in", "--meeting", "1", NULL },
  { "print", "minutes", "--meeting", "1", NULL },
  { "print", "map", "--map", "1", NULL },
  { "print", "map", "--map", "1", NULL },
  { "print", "map", "--map", "1", NULL },
  { "export-update", "--month", "MONTH", "--format", "pdf", NULL },
};
static const char * const limited_names[] = {
  "members.csv", "members.vcf", "meetings.ics", "sign-in.pdf", "minutes.pdf", "map.png", "map.svg",
  "map.pdf", "update.pdf",
};

static char *
make_demo_database (const char *n_people)
{
  char *db = g_build_filename (g_get_user_data_dir (), "limited.db", NULL);
  const char *argv[] = { g_getenv ("COALITION_CLI"), "--database", db, "demo", "--people", n_people, NULL };
  int status = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status,
                               &error));
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  return db;
}

/* Each export larger than the limit fails (a sign-on letter is written by
 * the same code as the sign-in sheet, but is smaller than any limit
 * SQLite itself can work under) with one clear line, and leaves
 * the file as it was: absent, or the old one whole. */
static void
test_export_size_limit (void)
{
  g_autofree char *db = NULL;
  g_autofree char *out = g_build_filename (g_get_user_data_dir (), "limited", NULL);
  g_autofree char *month = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_getenv ("COALITION_CLI") == NULL)
    {
      g_test_skip ("COALITION_CLI names coalition-cli (meson test sets it)");
      return;
    }
  db = make_demo_database ("1000");
  month = g_date_time_format (now, "%Y-%m");
  g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (limited_names); i++)
    {
      g_autofree char *target = g_build_filename (out, limited_names[i], NULL);
      g_autofree char *reference = g_build_filename (g_get_user_data_dir (), limited_names[i], NULL);
      g_autofree char *err = NULL;
      g_autofree char *contents = NULL;
      const char *args[6];
      gboolean existing = i % 2 == 1;
      GStatBuf st;

      for (guint k = 0; k < 6; k++)
        args[k] = limited_exports[i][k] != NULL && g_str_equal (limited_exports[i][k], "MONTH") ? month
                                                                                                  : limited_exports[i][k];

      /* Without the limit it is written, and larger than the limit. */
      g_assert_cmpint (run_cli_to (db, args, reference, FALSE, &err), ==, 0);
      g_assert_cmpint (g_stat (reference, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, SIZE_LIMIT);
      g_clear_pointer (&err, g_free);

      if (existing)
        g_assert_true (g_file_set_contents (target, "old contents", -1, NULL));
      g_assert_cmpint (run_cli_to (db, args, target, TRUE, &err), ==, 1);
      g_assert_true (g_str_has_prefix (err, "coalition-cli: "));
      g_assert_nonnull (strstr (err, "could not be written: File too large"));
      g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);   /* one line */
      if (existing)
        {
          g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "old contents");
          g_assert_cmpuint (count_files (out), ==, 1);
          g_unlink (target);
        }
      else
        g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
      /* Nor anything else: the temporary file went too. */
      g_assert_cmpuint (count_files (out), ==, 0);
    }
}

/* A device that is always full: an error, and the device left a device. */
static void
test_export_full_device (void)
{
  g_autofree char *db = NULL;
  const char *args[][5] = {
    { "export-members", "--format", "csv", NULL },
    { "export-ics", "--all", NULL },
    { "print", "agenda", "--meeting", "1", NULL },
  };
  GStatBuf st;

  if (g_getenv ("COALITION_CLI") == NULL || !g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("needs COALITION_CLI and /dev/full");
      return;
    }
  db = make_demo_database ("100");

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    {
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli_to (db, args[i], "/dev/full", FALSE, &err), ==, 1);
      g_assert_nonnull (strstr (err, "“/dev/full” could not be written: No space left on device"));
      g_assert_cmpint (g_stat ("/dev/full", &st), ==, 0);
      g_assert_true (S_ISCHR (st.st_mode));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  g_test_add_func ("/export/csv-round-trip", test_export_csv_round_trip);
  g_test_add_func ("/export/vcard-4", test_export_vcard_4);
  g_test_add_func ("/export/vcard-3", test_export_vcard_3);
  g_test_add_func ("/export/vcard-round-trip", test_export_vcard_round_trip);
  g_test_add_func ("/export/no-partial-file", test_export_no_partial_file);
  g_test_add_func ("/export/stale-temporaries", test_export_stale_temporaries);
  g_test_add_func ("/export/size-limit", test_export_size_limit);
  g_test_add_func ("/export/full-device", test_export_full_device);

  return g_test_run ();
}
