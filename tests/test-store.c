/* test-store.c — the database file: creating, opening, migrating, refusing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libglib-testing/signal-logger.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coalition-core.h"
#include "coalition-store-private.h"

static char *
scratch_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static int
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
raw_text (sqlite3    *db,
          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* Only its owner can read or write it: it holds people's contact details. */
static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* Builds a database of an older schema from its SQL fixture. */
static char *
make_old_database (const char *fixture_name,
                   const char *name,
                   const char *extra_sql)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", fixture_name, NULL);
  g_autofree char *sql = NULL;
  char *path = scratch_path (name);
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  if (extra_sql != NULL)
    g_assert_cmpint (sqlite3_exec (db, extra_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return path;
}

static char *
make_v1_database (const char *name,
                  const char *extra_sql)
{
  return make_old_database ("coalition-v1.sql", name, extra_sql);
}

static CoalitionPerson *
make_person (const char *given,
             const char *family,
             const char *email)
{
  CoalitionPerson *person = coalition_person_new ();

  coalition_person_set_given_name (person, given);
  coalition_person_set_family_name (person, family);
  if (email != NULL)
    coalition_person_add_email (person, "work", email, TRUE);

  return person;
}

static guint
n_found (CoalitionStore *store,
         const char     *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = coalition_store_find_people (store, query, &error);

  g_assert_no_error (error);
  return ids->len;
}

static void
test_store_create (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "new", "folder", "coalition.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;
  g_autofree char *journal = NULL;
  sqlite3 *db;
  GStatBuf st;

  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);
  g_assert_null (coalition_store_get_backup_path (store));
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);

  db = coalition_store_get_handle (store);
  g_assert_cmpint (raw_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, COALITION_STORE_SCHEMA_VERSION);
  journal = raw_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (raw_int (db, "SELECT strict FROM pragma_table_list WHERE name = 'person'"), ==, 1);
}

static void
test_store_reopen (void)
{
  g_autofree char *path = scratch_path ("reopen.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionOrganization) org = coalition_organization_new ("Eastside Tenants Union");
  g_autoptr(CoalitionPerson) person = make_person ("Łukasz", "Wiśniewski", "lukasz@eastside.example.org");
  g_autoptr(CoalitionPerson) again = NULL;
  g_autofree char *uid = NULL;
  GPtrArray *emails;
  gint64 id;

  g_assert_no_error (error);
  g_assert_true (coalition_store_insert_organization (store, org, &error));
  g_assert_no_error (error);
  coalition_person_set_organization_id (person, coalition_organization_get_id (org));
  coalition_person_set_title (person, "Tenant Leader");
  coalition_person_add_email (person, "home", "lw@mail.example.net", FALSE);
  coalition_person_add_phone (person, "mobile", "+48 600 100 200", TRUE);
  g_assert_true (coalition_store_insert_person (store, person, &error));
  g_assert_no_error (error);

  id = coalition_person_get_id (person);
  uid = g_strdup (coalition_person_get_uid (person));
  g_assert_cmpint (id, >, 0);
  g_assert_true (g_uuid_string_is_valid (uid));
  g_assert_cmpstr (coalition_person_get_display_name (person), ==, "Łukasz Wiśniewski");
  g_clear_object (&store);

  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  again = coalition_store_get_person (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_person_get_uid (again), ==, uid);
  g_assert_cmpstr (coalition_person_get_display_name (again), ==, "Łukasz Wiśniewski");
  g_assert_cmpstr (coalition_person_get_organization_name (again), ==, "Eastside Tenants Union");
  g_assert_cmpstr (coalition_person_get_title (again), ==, "Tenant Leader");
  g_assert_cmpstr (coalition_person_get_primary_email (again), ==, "lukasz@eastside.example.org");
  g_assert_cmpstr (coalition_person_get_primary_phone (again), ==, "+48 600 100 200");
  emails = coalition_person_get_emails (again);
  g_assert_cmpuint (emails->len, ==, 2);
  g_assert_cmpstr (((CoalitionContactPoint *)emails->pdata[1])->label, ==, "home");
  g_assert_false (((CoalitionContactPoint *)emails->pdata[1])->primary);
  g_assert_cmpstr (coalition_person_get_created_at (again), ==, coalition_person_get_created_at (person));

  /* An update keeps the uid and the creation time. */
  coalition_person_set_family_name (again, "Wiśniewski-Kowalski");
  coalition_person_set_display_name (again, "");
  g_assert_true (coalition_store_update_person (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_person_get_uid (again), ==, uid);
  g_assert_cmpstr (coalition_person_get_display_name (again), ==, "Łukasz Wiśniewski-Kowalski");
  g_assert_cmpstr (coalition_person_get_created_at (again), ==, coalition_person_get_created_at (person));
}

static void
test_store_migrate_v1 (void)
{
  g_autofree char *path = make_v1_database ("old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(CoalitionPerson) zoe = NULL;
  g_autofree char *name = NULL;
  const char *backup;
  sqlite3 *db = NULL;

  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);

  /* Every record came through. */
  g_assert_cmpuint (coalition_store_count_people (store), ==, 5);
  g_assert_cmpuint (coalition_store_count_organizations (store), ==, 3);
  zoe = coalition_store_get_person (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_person_get_uid (zoe), ==, "9b2d4e1a-0c3f-4a8e-b7d1-2e5f6a7b8c01");
  g_assert_cmpuint (coalition_person_get_emails (zoe)->len, ==, 2);
  name = coalition_store_get_setting (store, "coalition-name");
  g_assert_cmpstr (name, ==, "Eastside Tenants and Faith Alliance");

  /* The new search index was filled from the old rows. */
  g_assert_cmpuint (n_found (store, "zoe bronte"), ==, 1);
  g_assert_cmpuint (n_found (store, "lukasz"), ==, 1);
  g_assert_cmpuint (n_found (store, "김"), ==, 1);
  g_assert_cmpuint (n_found (store, "олена"), ==, 1);
  g_assert_cmpuint (n_found (store, "eastside"), ==, 2);
  g_assert_cmpuint (n_found (store, "555-0133"), ==, 1);

  /* The copy beside it is the file as it was. */
  backup = coalition_store_get_backup_path (store);
  g_assert_nonnull (backup);
  g_assert_true (g_str_has_prefix (backup, path));
  g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM person"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'person_search'"), ==, 0);
  sqlite3_close (db);
}

static void
test_store_migration_rolls_back (void)
{
  /* A table in the way makes the second migration fail half-way. */
  g_autofree char *path = make_v1_database ("blocked.db", "CREATE TABLE person_search (x TEXT);");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;
  g_autofree char *backup = g_strconcat (path, ".v1.bak", NULL);
  sqlite3 *db = NULL;

  store = coalition_store_open (path, &error);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_MIGRATION_FAILED);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, backup));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM person"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"), ==, 0);
  sqlite3_close (db);

  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  assert_private (backup);
  g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM person"), ==, 5);
  sqlite3_close (db);
}

/* A later step fails: the steps before it are not kept either, so the file
 * is as it was, not at a version between; once what was in the way is gone,
 * the next open migrates. */
static void
test_store_later_migration_rolls_back (void)
{
  g_autofree char *path = make_old_database ("coalition-v5.sql", "blocked-v5.db", "CREATE TABLE campaign (x TEXT);");
  g_autofree char *backup = g_strconcat (path, ".v5.bak", NULL);
  g_autofree char *second_backup = g_strconcat (path, ".v5-2.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;
  g_autofree char *check = NULL;
  sqlite3 *db = NULL;

  store = coalition_store_open (path, &error);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_MIGRATION_FAILED);
  g_assert_nonnull (strstr (error->message, backup));
  g_assert_null (store);
  g_clear_error (&error);

  /* Migration 6 (power maps) ran before 7 (campaigns) failed: neither stays. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM meeting"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM person"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'power_map'"), ==, 0);
  check = raw_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE campaign", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* The copy is the file as it was before any step. */
  assert_private (backup);
  g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 5);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM meeting"), ==, 1);
  sqlite3_close (db);

  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 5);
  /* A second copy beside the first, never over it. */
  g_assert_cmpstr (coalition_store_get_backup_path (store), ==, second_backup);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  assert_private (second_backup);
}

static void
assert_refused_unchanged (const char *path,
                          GQuark      domain,
                          int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = coalition_store_open (path, &error);
  g_assert_error (error, domain, code);
  g_assert_null (store);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_store_refuses_newer (void)
{
  g_autofree char *path = scratch_path ("newer.db");
  g_autofree char *backup = g_strconcat (path, ".v99.bak", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  /* As a later Coalition would leave it, in rollback-journal mode so that
   * the whole database is in the one file we compare. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;"
                                     "CREATE TABLE future (x TEXT) STRICT;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_unchanged (path, COALITION_STORE_ERROR, COALITION_STORE_ERROR_TOO_NEW);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS) && g_file_test (backup, G_FILE_TEST_EXISTS));
}

static void
test_store_refuses_not_a_database (void)
{
  g_autofree char *text = scratch_path ("members.csv");
  g_autofree char *foreign = scratch_path ("other-program.sqlite");
  sqlite3 *db = NULL;

  g_assert_true (g_file_set_contents (text, "Name,E-mail\nZoë,zoe@example.org\n", -1, NULL));
  assert_refused_unchanged (text, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE bookmarks (url TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused_unchanged (foreign, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_A_DATABASE);
}

static void
test_store_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;

  if (g_test_subprocess ())
    {
      dir = g_build_filename (g_get_tmp_dir (), "coalition-read-only-test", NULL);
      path = g_build_filename (dir, "coalition.db", NULL);

      /* The superuser may write anything: test as an ordinary user. */
      if (getuid () == 0)
        {
          g_assert_cmpint (setgid (65534), ==, 0);
          g_assert_cmpint (setuid (65534), ==, 0);
        }

      store = coalition_store_open (path, &error);
      g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_READ_ONLY);
      g_assert_null (store);
      return;
    }

  dir = g_build_filename (g_get_tmp_dir (), "coalition-read-only-test", NULL);
  path = g_build_filename (dir, "coalition.db", NULL);
  g_mkdir_with_parents (dir, 0755);
  g_unlink (path);
  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);   /* checkpoints and removes the -wal and -shm files */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);

  g_chmod (dir, 0755);
  g_chmod (path, 0600);
  g_unlink (path);
  g_rmdir (dir);

  g_test_trap_assert_passed ();
}

static void
test_store_locked (void)
{
  g_autofree char *path = scratch_path ("locked.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open_full (path, 100, &error);
  g_autoptr(CoalitionStore) second = NULL;
  g_autoptr(CoalitionPerson) person = make_person ("Zoë", "Brontë", NULL);
  sqlite3 *other = NULL;
  gint64 start;

  g_assert_no_error (error);

  /* Another program is in the middle of a write. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; INSERT INTO setting VALUES ('x', 'y');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_false (coalition_store_insert_person (store, person, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_LOCKED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpint (coalition_person_get_id (person), ==, 0);
  g_clear_error (&error);

  /* Reading still works, and once the other program is done the same edit
   * goes through. */
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (coalition_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 1);
  g_clear_object (&store);

  /* A program holding the file exclusively keeps us out entirely. */
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                 "INSERT INTO setting VALUES ('z', 'w');", NULL, NULL, NULL), ==, SQLITE_OK);
  second = coalition_store_open_full (path, 100, &error);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_LOCKED);
  g_assert_null (second);
  sqlite3_close (other);
}

static void
test_store_search_follows_edits (void)
{
  g_autofree char *path = scratch_path ("search.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionOrganization) org = coalition_organization_new ("Masjid al-Noor");
  g_autoptr(CoalitionPerson) person = make_person ("Nguyễn", "Văn An", "an.nguyen@example.org");

  g_assert_no_error (error);
  g_assert_true (coalition_store_insert_organization (store, org, &error));
  coalition_person_set_organization_id (person, coalition_organization_get_id (org));
  g_assert_true (coalition_store_insert_person (store, person, &error));
  g_assert_no_error (error);

  /* Insert: by name without accents, by prefix, by e-mail, by organization. */
  g_assert_cmpuint (n_found (store, "nguyen"), ==, 1);
  g_assert_cmpuint (n_found (store, "NGUY"), ==, 1);
  g_assert_cmpuint (n_found (store, "van an"), ==, 1);
  g_assert_cmpuint (n_found (store, "an.nguyen"), ==, 1);
  g_assert_cmpuint (n_found (store, "noor"), ==, 1);
  g_assert_cmpuint (n_found (store, "zoe"), ==, 0);
  /* Letters without a keyboard key of their own are found as typed
   * without them. */
  {
    g_autoptr(CoalitionPerson) sigga = make_person ("Sigríður", "Þórðardóttir", NULL);
    g_autoptr(CoalitionPerson) soren = make_person ("Søren", "Weiß", NULL);

    g_assert_true (coalition_store_insert_person (store, sigga, &error));
    g_assert_true (coalition_store_insert_person (store, soren, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_found (store, "sigridur"), ==, 1);
    g_assert_cmpuint (n_found (store, "sigríður"), ==, 1);
    g_assert_cmpuint (n_found (store, "thordard"), ==, 1);
    g_assert_cmpuint (n_found (store, "soren weiss"), ==, 1);
    g_assert_cmpuint (n_found (store, "Weiß"), ==, 1);
    g_assert_true (coalition_store_delete_person (store, coalition_person_get_id (sigga), &error));
    g_assert_true (coalition_store_delete_person (store, coalition_person_get_id (soren), &error));
  }

  /* What people type is never read as query syntax. */
  g_assert_cmpuint (n_found (store, "\"nguyen OR *"), ==, 1);
  g_assert_cmpuint (n_found (store, "-"), ==, 0);

  /* Update: the old name is gone, the new one found. */
  coalition_person_set_given_name (person, "Zoë");
  coalition_person_set_family_name (person, "Brontë");
  coalition_person_set_display_name (person, "");
  coalition_person_clear_emails (person);
  coalition_person_add_email (person, "work", "zoe@alnoor.example.org", TRUE);
  g_assert_true (coalition_store_update_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (store, "nguyen"), ==, 0);
  g_assert_cmpuint (n_found (store, "an.nguyen"), ==, 0);
  g_assert_cmpuint (n_found (store, "zoe bronte"), ==, 1);
  g_assert_cmpuint (n_found (store, "alnoor"), ==, 1);

  /* The organization's new name is found on its people. */
  coalition_organization_set_name (org, "Islamic Center of Riverside");
  g_assert_true (coalition_store_update_organization (store, org, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (store, "noor"), ==, 0);
  g_assert_cmpuint (n_found (store, "islamic riverside"), ==, 1);

  /* Without the organization the person stays, unlinked (foreign keys). */
  g_assert_true (coalition_store_delete_organization (store, coalition_organization_get_id (org), &error));
  g_assert_no_error (error);
  g_clear_object (&person);
  person = coalition_store_get_person (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (coalition_person_get_organization_id (person), ==, 0);
  g_assert_null (coalition_person_get_organization_name (person));
  g_assert_cmpuint (n_found (store, "islamic"), ==, 0);
  g_assert_cmpuint (n_found (store, "zoe"), ==, 1);

  /* Delete: gone from the index. */
  g_assert_true (coalition_store_delete_person (store, coalition_person_get_id (person), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (store, "zoe"), ==, 0);
  g_assert_cmpuint (n_found (store, NULL), ==, 0);

  /* Editing someone another window deleted says so, and adds nobody. */
  coalition_person_set_title (person, "Imam");
  g_assert_false (coalition_store_update_person (store, person, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);
}

static void
test_store_restore_after_delete (void)
{
  g_autofree char *path = scratch_path ("undo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionPerson) zoe = make_person ("Zoë", "Brontë", "zoe@eastside.example.org");
  g_autoptr(CoalitionPerson) back = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *created = NULL;
  gint64 id;

  g_assert_no_error (error);
  coalition_person_add_phone (zoe, "mobile", "+1 555-0101-2020", TRUE);
  coalition_person_set_notes (zoe, "Chairs the housing committee.");
  g_assert_true (coalition_store_insert_person (store, zoe, &error));
  id = coalition_person_get_id (zoe);
  uid = g_strdup (coalition_person_get_uid (zoe));
  created = g_strdup (coalition_person_get_created_at (zoe));

  /* Delete, then Undo: the same person comes back, identity and all. */
  undo = coalition_store_write_undoable (store, coalition_store_delete_person, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (store, "zoe"), ==, 0);
  g_assert_true (coalition_store_undo (store, undo, &error));
  g_assert_no_error (error);

  back = coalition_store_get_person (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_person_get_uid (back), ==, uid);
  g_assert_cmpstr (coalition_person_get_created_at (back), ==, created);
  g_assert_cmpstr (coalition_person_get_primary_email (back), ==, "zoe@eastside.example.org");
  g_assert_cmpstr (coalition_person_get_primary_phone (back), ==, "+1 555-0101-2020");
  g_assert_cmpstr (coalition_person_get_notes (back), ==, "Chairs the housing committee.");
  g_assert_cmpuint (n_found (store, "zoe"), ==, 1);
}

static void
test_store_migrate_v2 (void)
{
  g_autofree char *path = make_old_database ("coalition-v2.sql", "v2.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(GPtrArray) groups = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 5);
  /* The search index came through the dump and the upgrade. */
  g_assert_cmpuint (n_found (store, "zoe"), ==, 1);
  g_assert_cmpuint (n_found (store, "олена"), ==, 1);
  groups = coalition_store_list_groups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 0);

  g_assert_cmpint (sqlite3_open_v2 (coalition_store_get_backup_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 2);
  sqlite3_close (db);
}

static void
test_store_groups (void)
{
  g_autofree char *path = scratch_path ("groups.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionGroup) core = coalition_group_new ("Steering Committee", COALITION_GROUP_KIND_CORE);
  g_autoptr(CoalitionGroup) outreach = coalition_group_new ("Tenant Outreach", COALITION_GROUP_KIND_WORKING_GROUP);
  g_autoptr(CoalitionPerson) zoe = make_person ("Zoë", "Brontë", NULL);
  g_autoptr(CoalitionPerson) lukasz = make_person ("Łukasz", "Nowak", NULL);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) of_zoe = NULL;
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GBytes) undo = NULL;
  gint64 changed = 0;

  g_assert_no_error (error);
  g_assert_true (coalition_store_insert_person (store, zoe, &error));
  g_assert_true (coalition_store_insert_person (store, lukasz, &error));
  g_assert_true (coalition_store_insert_group (store, outreach, &error));
  g_assert_true (coalition_store_insert_group (store, core, &error));
  g_assert_no_error (error);

  gt_signal_logger_connect (logger, store, "group-changed");
  g_assert_true (coalition_store_set_membership (store, coalition_group_get_id (core), coalition_person_get_id (lukasz),
                                                 COALITION_ROLE_MEMBER, &error));
  gt_signal_logger_assert_emission_pop (logger, store, "group-changed", &changed);
  g_assert_cmpint (changed, ==, coalition_group_get_id (core));
  g_assert_true (coalition_store_set_membership (store, coalition_group_get_id (core), coalition_person_get_id (zoe),
                                                 COALITION_ROLE_MEMBER, &error));
  /* Setting it again changes the role, it does not add Zoë twice. */
  g_assert_true (coalition_store_set_membership (store, coalition_group_get_id (core), coalition_person_get_id (zoe),
                                                 COALITION_ROLE_FACILITATOR, &error));
  g_assert_true (coalition_store_set_membership (store, coalition_group_get_id (outreach), coalition_person_get_id (zoe),
                                                 COALITION_ROLE_CHAIR, &error));
  g_assert_no_error (error);

  /* The core group comes first, whatever the names. */
  groups = coalition_store_list_groups (store, &error);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpstr (coalition_group_get_name (groups->pdata[0]), ==, "Steering Committee");
  g_assert_cmpuint (coalition_group_get_n_members (groups->pdata[0]), ==, 2);

  /* Officers before members. */
  members = coalition_store_list_group_members (store, coalition_group_get_id (core), &error);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpstr (((CoalitionMembership *)members->pdata[0])->person_name, ==, "Zoë Brontë");
  g_assert_cmpint (((CoalitionMembership *)members->pdata[0])->role, ==, COALITION_ROLE_FACILITATOR);
  g_assert_cmpint (((CoalitionMembership *)members->pdata[1])->role, ==, COALITION_ROLE_MEMBER);

  /* A person's page lists their groups. */
  of_zoe = coalition_store_list_memberships_of_person (store, coalition_person_get_id (zoe), &error);
  g_assert_cmpuint (of_zoe->len, ==, 2);
  g_assert_cmpstr (((CoalitionMembership *)of_zoe->pdata[0])->group_name, ==, "Steering Committee");
  g_assert_cmpstr (((CoalitionMembership *)of_zoe->pdata[1])->group_name, ==, "Tenant Outreach");
  g_assert_cmpint (((CoalitionMembership *)of_zoe->pdata[1])->role, ==, COALITION_ROLE_CHAIR);

  /* Leaving, and a person deleted, leave the groups consistent. */
  g_assert_true (coalition_store_remove_membership (store, coalition_group_get_id (outreach),
                                                    coalition_person_get_id (zoe), &error));
  g_assert_true (coalition_store_delete_person (store, coalition_person_get_id (lukasz), &error));
  g_clear_pointer (&members, g_ptr_array_unref);
  members = coalition_store_list_group_members (store, coalition_group_get_id (core), &error);
  g_assert_cmpuint (members->len, ==, 1);
  /* Renamed, then deleted, then put back with its member (Undo). */
  coalition_group_set_name (core, "Core Group");
  g_assert_true (coalition_store_update_group (store, core, &error));
  g_assert_no_error (error);
  {
    g_autoptr(CoalitionGroup) again = coalition_store_get_group (store, coalition_group_get_id (core), &error);
    g_assert_cmpstr (coalition_group_get_name (again), ==, "Core Group");
  }
  undo = coalition_store_write_undoable (store, coalition_store_delete_group, coalition_group_get_id (core), &error);
  g_assert_no_error (error);
  g_clear_pointer (&of_zoe, g_ptr_array_unref);
  of_zoe = coalition_store_list_memberships_of_person (store, coalition_person_get_id (zoe), &error);
  g_assert_cmpuint (of_zoe->len, ==, 0);
  g_assert_no_error (error);

  g_assert_true (coalition_store_undo (store, undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&of_zoe, g_ptr_array_unref);
  of_zoe = coalition_store_list_memberships_of_person (store, coalition_person_get_id (zoe), &error);
  g_assert_cmpuint (of_zoe->len, ==, 1);
  g_assert_cmpstr (((CoalitionMembership *)of_zoe->pdata[0])->group_name, ==, "Core Group");
  g_assert_cmpint (((CoalitionMembership *)of_zoe->pdata[0])->role, ==, COALITION_ROLE_FACILITATOR);
}

static void
test_store_restore_organization (void)
{
  g_autofree char *path = scratch_path ("undo-org.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionOrganization) org = coalition_organization_new ("Eastside Tenants Union");
  g_autoptr(CoalitionOrganization) back = NULL;
  g_autoptr(CoalitionPerson) zoe = make_person ("Zoë", "Brontë", NULL);
  g_autoptr(CoalitionPerson) zoe_after = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_autofree char *uid = NULL;

  g_assert_no_error (error);
  coalition_organization_set_status (org, COALITION_STATUS_MEMBER);
  g_assert_true (coalition_store_insert_organization (store, org, &error));
  coalition_person_set_organization_id (zoe, coalition_organization_get_id (org));
  g_assert_true (coalition_store_insert_person (store, zoe, &error));
  uid = g_strdup (coalition_organization_get_uid (org));

  people = coalition_store_find_people_of_organization (store, coalition_organization_get_id (org), &error);
  g_assert_cmpuint (people->len, ==, 1);
  undo = coalition_store_write_undoable (store, coalition_store_delete_organization, coalition_organization_get_id (org),
                                         &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_found (store, "eastside"), ==, 0);

  /* Undo: the organization, its identity, and its people's link to it. */
  g_assert_true (coalition_store_undo (store, undo, &error));
  g_assert_no_error (error);
  back = coalition_store_get_organization (store, coalition_organization_get_id (org), &error);
  g_assert_cmpstr (coalition_organization_get_uid (back), ==, uid);
  g_assert_cmpint (coalition_organization_get_status (back), ==, COALITION_STATUS_MEMBER);
  g_assert_cmpuint (coalition_organization_get_n_people (back), ==, 1);
  zoe_after = coalition_store_get_person (store, coalition_person_get_id (zoe), &error);
  g_assert_cmpstr (coalition_person_get_organization_name (zoe_after), ==, "Eastside Tenants Union");
  g_assert_cmpuint (n_found (store, "eastside"), ==, 1);
}

static void
test_store_foreign_keys (void)
{
  g_autofree char *path = scratch_path ("fk.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionPerson) person = make_person ("Олена", "Шевченко", NULL);
  g_auto(GStrv) problems = NULL;

  g_assert_no_error (error);
  coalition_person_set_organization_id (person, 4242);
  g_assert_false (coalition_store_insert_person (store, person, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);

  g_assert_true (coalition_store_check (store, &problems, NULL));
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));
}

static void
test_store_rejects_bad_text (void)
{
  g_autofree char *path = scratch_path ("text.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionPerson) nameless = coalition_person_new ();
  g_autoptr(CoalitionPerson) latin1 = make_person ("Zo\xeb", "Bront\xeb", NULL);
  g_autoptr(CoalitionPerson) decomposed = make_person ("Zoe\xcc\x88", "Bronte\xcc\x88", NULL);
  g_autoptr(CoalitionPerson) again = NULL;

  g_assert_no_error (error);
  g_assert_false (coalition_store_insert_person (store, nameless, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (coalition_store_insert_person (store, latin1, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);

  /* Text is kept in NFC, so a name typed on a Mac is found from Windows. */
  g_assert_true (coalition_store_insert_person (store, decomposed, &error));
  g_assert_no_error (error);
  again = coalition_store_get_person (store, coalition_person_get_id (decomposed), &error);
  g_assert_cmpstr (coalition_person_get_given_name (again), ==, "Zo\xc3\xab");
  g_assert_cmpuint (n_found (store, "Zo\xc3\xab"), ==, 1);
}

static void
test_store_signals_after_commit (void)
{
  g_autofree char *path = scratch_path ("signals.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(CoalitionPerson) first = make_person ("Zoë", "Brontë", NULL);
  g_autoptr(CoalitionPerson) second = make_person ("Łukasz", "Nowak", NULL);
  gint64 id = 0;

  g_assert_no_error (error);
  gt_signal_logger_connect (logger, store, "person-added");
  gt_signal_logger_connect (logger, store, "person-removed");
  gt_signal_logger_connect (logger, store, "changed");

  g_assert_true (coalition_store_insert_person (store, first, &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_emission_pop (logger, store, "person-added", &id);
  g_assert_cmpint (id, ==, coalition_person_get_id (first));
  gt_signal_logger_assert_no_emissions (logger);

  /* Nothing is announced for a transaction that is rolled back. */
  g_assert_true (coalition_store_begin (store, &error));
  g_assert_true (coalition_store_insert_person (store, second, &error));
  g_assert_true (coalition_store_delete_person (store, coalition_person_get_id (first), &error));
  gt_signal_logger_assert_no_emissions (logger);
  coalition_store_rollback (store);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 1);

  coalition_store_emit_changed (store);
  gt_signal_logger_assert_emission_pop (logger, store, "changed", NULL);
  gt_signal_logger_assert_no_emissions (logger);
}

static void
test_store_disk_full (void)
{
  g_autofree char *path = scratch_path ("full.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_auto(GStrv) problems = NULL;
  g_autofree char *notes = g_strnfill (3000, 'n');
  g_autofree char *bigger = g_strnfill (40000, 'b');
  g_autoptr(GString) csv = g_string_new ("Name,E-mail,Notes\r\n");
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CoalitionPerson) first = NULL;
  g_autoptr(CoalitionImportSummary) summary = NULL;
  sqlite3 *db = coalition_store_get_handle (store);
  gint64 first_id;
  guint saved = 0;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (csv, "Imported Person %u,imported%u@example.org,%s\r\n", i, i, notes);

  g_assert_no_error (error);
  /* A file that cannot grow past a few pages stands in for a full disk. */
  {
    g_autofree char *limit = g_strdup_printf ("PRAGMA max_page_count = %d", raw_int (db, "PRAGMA page_count") + 12);

    g_assert_cmpint (raw_int (db, limit), >, 0);
  }

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(CoalitionPerson) person = make_person ("Sigríður", "Jónsdóttir", "sigga@example.is");

      coalition_person_set_notes (person, notes);
      if (!coalition_store_insert_person (store, person, &error))
        break;
      saved++;
    }

  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "no space left"));
  g_assert_nonnull (strstr (error->message, "full.db"));
  g_clear_error (&error);
  g_assert_cmpuint (saved, >, 0);
  /* Every reported save is there, the failed one is not there in part. */
  g_assert_cmpuint (coalition_store_count_people (store), ==, saved);
  g_assert_cmpuint (n_found (store, "sigr jonsd"), ==, saved);
  g_assert_true (coalition_store_check (store, &problems, NULL));
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));
  g_clear_pointer (&problems, g_strfreev);

  ids = coalition_store_find_people (store, NULL, &error);
  g_assert_no_error (error);
  first_id = g_array_index (ids, gint64, 0);

  /* An edit that needs more room: the same clear message, nothing changed. */
  first = coalition_store_get_person (store, first_id, &error);
  g_assert_no_error (error);
  coalition_person_set_notes (first, bigger);
  g_assert_false (coalition_store_update_person (store, first, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_FULL);
  g_clear_error (&error);
  g_clear_object (&first);
  first = coalition_store_get_person (store, first_id, &error);
  g_assert_cmpstr (coalition_person_get_notes (first), ==, notes);

  /* An import: refused whole, with the same reason. */
  g_assert_null (coalition_import_data (store, csv->str, csv->len, FALSE, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "no space left"));
  g_clear_error (&error);
  g_assert_cmpuint (coalition_store_count_people (store), ==, saved);
  g_assert_cmpuint (n_found (store, "imported"), ==, 0);
  g_assert_true (coalition_store_check (store, &problems, NULL));
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));
  g_clear_pointer (&problems, g_strfreev);

  /* Room again: the same edit and the same import go through. */
  g_assert_cmpint (raw_int (db, "PRAGMA max_page_count = 1000000"), ==, 1000000);
  coalition_person_set_notes (first, bigger);
  g_assert_true (coalition_store_update_person (store, first, &error));
  g_assert_no_error (error);
  summary = coalition_import_data (store, csv->str, csv->len, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->people_added, ==, 40);
  g_assert_cmpuint (coalition_store_count_people (store), ==, saved + 40);
  g_assert_cmpuint (n_found (store, "imported"), ==, 40);
  g_clear_object (&first);
  first = coalition_store_get_person (store, first_id, &error);
  g_assert_cmpstr (coalition_person_get_notes (first), ==, bigger);
  g_assert_true (coalition_store_check (store, &problems, NULL));
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));
}

static void
test_store_migrate_v3 (void)
{
  g_autofree char *path = make_old_database ("coalition-v3.sql", "v3.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(CoalitionPerson) zoe = NULL;
  g_autoptr(CoalitionOrganization) masjid = NULL;
  g_auto(GStrv) problems = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 5);
  g_assert_cmpuint (n_found (store, "zoe"), ==, 1);
  g_assert_cmpuint (n_found (store, "олена"), ==, 1);
  /* Notes are searchable since version 4, for the people already there too. */
  g_assert_cmpuint (n_found (store, "march rally"), ==, 1);

  groups = coalition_store_list_groups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (coalition_group_get_name (groups->pdata[0]), ==, "Steering Committee");
  members = coalition_store_list_group_members (store, coalition_group_get_id (groups->pdata[0]), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 2);

  /* The new fields start empty and can be written. */
  zoe = coalition_store_get_person (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_person_get_address (zoe), ==, "");
  g_assert_cmpstrv (coalition_person_get_tags (zoe), ((const char *[]) { NULL }));
  g_assert_cmpint (coalition_person_get_outreach (zoe)->priority, ==, COALITION_PRIORITY_NONE);
  masjid = coalition_store_get_organization (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_organization_get_notes (masjid), ==, "Imam asked for a one-on-one first.");
  g_assert_cmpuint (coalition_organization_get_emails (masjid)->len, ==, 0);

  g_assert_true (coalition_store_check (store, &problems, NULL));
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));

  g_assert_cmpint (sqlite3_open_v2 (coalition_store_get_backup_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 3);
  sqlite3_close (db);
}

/* Schema 4 as Coalition 0.3 wrote it: addresses, skills, tags, outreach,
 * an organization's contact points, a contact log and a status history. */
static void
test_store_migrate_v4 (void)
{
  g_autofree char *path = make_old_database ("coalition-v4.sql", "v4.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionPerson) zoe = NULL;
  g_autoptr(CoalitionPerson) olena = NULL;
  g_autoptr(CoalitionOrganization) masjid = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_auto(GStrv) problems = NULL;
  const CoalitionOutreach *outreach;
  const CoalitionContact *contact;
  const CoalitionStatusChange *change;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 5);
  g_assert_cmpuint (coalition_store_count_organizations (store), ==, 3);

  zoe = coalition_store_get_person (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_person_get_address (zoe), ==, "412 Alder St, Apt 3\nRiverside, CA 92501");
  g_assert_cmpstr (coalition_person_get_skills (zoe), ==, "Spanish, facilitation");
  g_assert_cmpstrv (coalition_person_get_tags (zoe), ((const char *[]) { "Spokesperson", "Tenant Leader", NULL }));
  olena = coalition_store_get_person (store, 5, &error);
  g_assert_no_error (error);
  outreach = coalition_person_get_outreach (olena);
  g_assert_cmpint (outreach->priority, ==, COALITION_PRIORITY_HIGH);
  g_assert_cmpint (outreach->asker_id, ==, 1);
  g_assert_cmpstr (outreach->asker_name, ==, "Zoë Brontë");
  g_assert_cmpstr (outreach->next_step, ==, "Meet about the rent ordinance");
  g_assert_cmpstr (outreach->next_step_date, ==, "2025-06-03");

  masjid = coalition_store_get_organization (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (coalition_organization_get_status (masjid), ==, COALITION_STATUS_MEMBER);
  g_assert_cmpstr (coalition_organization_get_capacity (masjid), ==, "Hall for 200, Friday announcements");
  g_assert_cmpstr (coalition_organization_get_constituency (masjid), ==, "Bangladeshi and Somali families in Eastside");
  g_assert_cmpuint (coalition_organization_get_emails (masjid)->len, ==, 1);
  g_assert_cmpuint (coalition_organization_get_phones (masjid)->len, ==, 1);
  g_assert_cmpint (coalition_organization_get_outreach (masjid)->priority, ==, COALITION_PRIORITY_MEDIUM);
  contacts = coalition_store_list_contacts (store, COALITION_SUBJECT_ORGANIZATION, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  contact = contacts->pdata[0];
  g_assert_cmpstr (contact->happened_on, ==, "2025-05-12");
  g_assert_cmpstr (contact->by_name, ==, "Łukasz Wiśniewski");
  changes = coalition_store_list_status_changes (store, COALITION_SUBJECT_ORGANIZATION, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes->len, ==, 1);
  change = changes->pdata[0];
  g_assert_cmpint (change->old_status, ==, COALITION_STATUS_INVITED);
  g_assert_cmpint (change->new_status, ==, COALITION_STATUS_MEMBER);

  /* Found by what version 4 indexed: tags, skills, addresses. */
  g_assert_cmpuint (n_found (store, "spokesperson"), ==, 1);
  g_assert_cmpuint (n_found (store, "alder"), ==, 1);
  g_assert_cmpuint (n_found (store, "олена"), ==, 1);

  g_assert_true (coalition_store_check (store, &problems, NULL));
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));
  assert_private (coalition_store_get_backup_path (store));
  g_assert_cmpint (sqlite3_open_v2 (coalition_store_get_backup_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 4);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM contact_log"), ==, 1);
  sqlite3_close (db);
}

/* Schema 6 as Coalition 0.5 wrote it: a power map with its history. */
static void
test_store_migrate_v6 (void)
{
  g_autofree char *path = make_old_database ("coalition-v6.sql", "v6.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(CoalitionMeeting) meeting = NULL;
  g_auto(GStrv) problems = NULL;
  const CoalitionPowerMap *map;
  const CoalitionMapNode *council = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 5);
  meeting = coalition_store_get_meeting (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_meeting_get_title (meeting), ==, "General Meeting");

  maps = coalition_store_list_maps (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maps->len, ==, 1);
  map = maps->pdata[0];
  g_assert_cmpstr (map->title, ==, "Rent Stabilization Ordinance");
  g_assert_cmpstr (map->decision, ==, "City Council passes the ordinance");
  g_assert_cmpuint (map->n_nodes, ==, 4);
  g_assert_cmpuint (map->n_edges, ==, 3);

  nodes = coalition_store_list_map_nodes (store, map->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nodes->len, ==, 4);
  for (guint i = 0; i < nodes->len; i++)
    if (((CoalitionMapNode *)nodes->pdata[i])->person_id == 5)
      council = nodes->pdata[i];
  g_assert_nonnull (council);
  g_assert_cmpstr (council->name, ==, "Олена Шевченко");
  g_assert_cmpint (council->stance, ==, 0);
  g_assert_cmpint (council->influence, ==, 4);
  g_assert_cmpstr (council->changed_on, ==, "2026-10-15");

  /* The map as it stood before the move, from the history alone. */
  before = coalition_store_list_map_nodes (store, map->id, "2026-09-30", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < before->len; i++)
    if (((CoalitionMapNode *)before->pdata[i])->person_id == 5)
      g_assert_cmpint (((CoalitionMapNode *)before->pdata[i])->stance, ==, -1);
  history = coalition_store_list_map_history (store, council->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((CoalitionMapChange *)history->pdata[1])->note, ==, "Said she is open to a phase-in after the hearing.");
  edges = coalition_store_list_map_edges (store, map->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edges->len, ==, 3);

  g_assert_true (coalition_store_check (store, &problems, NULL));
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));
  assert_private (coalition_store_get_backup_path (store));
  g_assert_cmpint (sqlite3_open_v2 (coalition_store_get_backup_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 6);
  g_assert_cmpint (raw_int (db, "SELECT count(*) FROM map_node_history"), ==, 5);
  sqlite3_close (db);
}

/* The database, its journal files and the copies made before migrations
 * are readable by their owner alone, whatever the umask. */
static void
test_store_private_files (void)
{
  g_autofree char *path = scratch_path ("private.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(CoalitionStore) migrated = NULL;
  g_autoptr(CoalitionPerson) person = make_person ("Zoë", "Brontë", "zoe@example.org");
  mode_t saved = umask (0);

  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (coalition_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  assert_private (path);
  assert_private (wal);
  assert_private (shm);

  /* A file an older version left readable by others: the copy is not. */
  umask (022);
  old = make_v1_database ("old-readable.db", NULL);
  umask (0);
  migrated = coalition_store_open (old, &error);
  g_assert_no_error (error);
  assert_private (coalition_store_get_backup_path (migrated));
  umask (saved);
}

/* Another process holds the file exclusively: a clear message within the
 * busy timeout, in the store and in coalition-cli, never a hang. */
static void
test_store_locked_by_other_process (void)
{
  g_autofree char *path = scratch_path ("held.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GDataInputStream) holder_out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *cli_err = NULL;
  g_autofree char *held = NULL;
  const char *commands = "PRAGMA locking_mode = EXCLUSIVE;\n"
                         "BEGIN EXCLUSIVE;\n"
                         "INSERT INTO setting VALUES ('held', 'yes');\n"
                         "SELECT 'holding';\n";
  GOutputStream *holder_in;
  gint64 start;

  g_assert_no_error (error);
  g_clear_object (&store);
  if (!g_file_test ("/usr/bin/sqlite3", G_FILE_TEST_IS_EXECUTABLE) || g_getenv ("COALITION_CLI") == NULL)
    {
      g_test_skip ("needs the sqlite3 shell and COALITION_CLI");
      return;
    }

  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/sqlite3", path, NULL);
  g_assert_no_error (error);
  holder_in = g_subprocess_get_stdin_pipe (holder);
  holder_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  g_assert_true (g_output_stream_write_all (holder_in, commands, strlen (commands), NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_flush (holder_in, NULL, &error);
  g_assert_no_error (error);
  /* It answers "exclusive" to the pragma, then "holding". */
  while (line == NULL || !g_str_equal (line, "holding"))
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (holder_out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
    }

  /* The store gives up after its busy timeout, and says why. */
  start = g_get_monotonic_time ();
  store = coalition_store_open_full (path, 300, &error);
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_null (store);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* So does the command line, after its own (five seconds). */
  start = g_get_monotonic_time ();
  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                          g_getenv ("COALITION_CLI"), "--database", path, "list", "people", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, NULL, &cli_err, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (cli), ==, 1);
  g_assert_nonnull (strstr (cli_err, "in use by another program"));
  g_assert_true (strchr (cli_err, '\n') == cli_err + strlen (cli_err) - 1);   /* one line */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);

  /* The other program ends without committing: the file is ours again,
   * without its write. */
  g_assert_true (g_output_stream_close (holder_in, NULL, &error));
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);
  store = coalition_store_open_full (path, 300, &error);
  g_assert_no_error (error);
  held = coalition_store_get_setting (store, "held");
  g_assert_null (held);
}

/* coalition-cli adds a person while a store has the file open: the store
 * sees them on its next read, the people model on reload; and a write the
 * store has not committed is not seen by the other process. */
static void
test_store_other_process_writes (void)
{
  g_autofree char *path = scratch_path ("shared.db");
  g_autofree char *csv = scratch_path ("one.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionPeopleModel) model = NULL;
  g_autoptr(CoalitionPerson) zoe = make_person ("Zoë", "Brontë", "zoe@example.org");
  g_autoptr(CoalitionPerson) pending = make_person ("Łukasz", "Wiśniewski", NULL);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autofree char *listed = NULL;
  const char *cli = g_getenv ("COALITION_CLI");

  g_assert_no_error (error);
  if (cli == NULL)
    {
      g_test_skip ("COALITION_CLI names coalition-cli (meson test sets it)");
      return;
    }
  g_assert_true (coalition_store_insert_person (store, zoe, &error));
  g_assert_no_error (error);
  model = coalition_people_model_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  before = coalition_store_find_people (store, NULL, &error);   /* the order is cached from here */
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 1);

  g_assert_true (g_file_set_contents (csv, "Name,E-mail\nKwame Mensah,kwame@example.org\n", -1, NULL));
  {
    const char *argv[] = { cli, "--database", path, "import-members", csv, NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                 &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  g_assert_cmpuint (coalition_store_count_people (store), ==, 2);
  after = coalition_store_find_people (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpuint (n_found (store, "kwame"), ==, 1);
  coalition_people_model_reload (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);

  /* Our write in progress: the other process reads without waiting, and
   * without it; once committed, it is there for them too. */
  g_assert_true (coalition_store_begin (store, &error));
  g_assert_true (coalition_store_insert_person (store, pending, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { cli, "--database", path, "list", "people", "--json", NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &listed, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_nonnull (strstr (listed, "Kwame Mensah"));
    g_assert_null (strstr (listed, "Wiśniewski"));
    g_clear_pointer (&listed, g_free);
  }
  g_assert_true (coalition_store_commit (store, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { cli, "--database", path, "list", "people", "--json", NULL };
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &listed, NULL, &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_nonnull (strstr (listed, "Wiśniewski"));
  }
}

static void
test_store_migrate_v5 (void)
{
  g_autofree char *path = make_old_database ("coalition-v5.sql", "v5.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionMeeting) meeting = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) attendees = NULL;
  g_autoptr(GPtrArray) maps = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_auto(GStrv) problems = NULL;
  CoalitionMapNode *node;
  sqlite3 *db = NULL;
  gint64 map_id, node_id;

  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (coalition_store_count_people (store), ==, 5);
  g_assert_cmpuint (n_found (store, "zoe"), ==, 1);
  g_assert_cmpuint (n_found (store, "wisniewski"), ==, 1);
  g_assert_cmpuint (n_found (store, "김민준"), ==, 1);
  g_assert_cmpuint (n_found (store, "nguyen"), ==, 1);
  g_assert_cmpuint (n_found (store, "олена"), ==, 1);

  /* The meeting keeps its agenda and its invitees. */
  meeting = coalition_store_get_meeting (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_meeting_get_title (meeting), ==, "General Meeting");
  agenda = coalition_store_list_agenda (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, 2);
  g_assert_cmpstr (coalition_agenda_item_get_title (agenda->pdata[0]), ==, "Welcome and introductions");
  g_assert_cmpstr (coalition_agenda_item_get_title (agenda->pdata[1]), ==, "Rent stabilization campaign");
  attendees = coalition_store_list_attendance (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attendees->len, ==, 2);
  /* By family name: Brontë before Wiśniewski. */
  g_assert_cmpstr (((CoalitionAttendee *)attendees->pdata[0])->name, ==, "Zoë Brontë");
  g_assert_cmpstr (((CoalitionAttendee *)attendees->pdata[1])->name, ==, "Łukasz Wiśniewski");

  /* No maps yet, and one can be made with the people already there. */
  maps = coalition_store_list_maps (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (maps->len, ==, 0);
  map_id = coalition_store_create_map (store, "Rent Stabilization Ordinance",
                                       "City Council passes the ordinance", &error);
  g_assert_no_error (error);
  g_assert_cmpint (map_id, >, 0);
  node_id = coalition_store_add_map_node (store, map_id, 1, 0, 2, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (node_id, >, 0);
  nodes = coalition_store_list_map_nodes (store, map_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nodes->len, ==, 1);
  node = nodes->pdata[0];
  g_assert_cmpint (node->person_id, ==, 1);
  g_assert_cmpstr (node->name, ==, "Zoë Brontë");
  g_assert_cmpstr (node->detail, ==, "Organizer, Eastside Tenants Union");
  g_assert_cmpint (node->role, ==, COALITION_MAP_ROLE_MEMBER);
  g_assert_cmpint (node->stance, ==, 2);
  g_assert_cmpint (node->influence, ==, 1);

  g_assert_true (coalition_store_check (store, &problems, NULL));
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));

  g_assert_cmpint (sqlite3_open_v2 (coalition_store_get_backup_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (raw_int (db, "PRAGMA user_version"), ==, 5);
  sqlite3_close (db);
}

static void
test_store_profile_fields (void)
{
  g_autofree char *path = scratch_path ("profile.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionPerson) zoe = make_person ("Zoë", "Brontë", "zoe@example.org");
  g_autoptr(CoalitionPerson) back = NULL;
  g_autoptr(CoalitionOrganization) union_ = coalition_organization_new ("Łódź Nurses’ Union");
  g_autoptr(CoalitionOrganization) union_back = NULL;
  g_autoptr(CoalitionOutreach) plan = coalition_outreach_new ();
  g_auto(GStrv) tags = NULL;
  const char *zoe_tags[] = { " housing ", "Spanish", "HOUSING", "", "data", NULL };

  g_assert_no_error (error);
  coalition_person_set_address (zoe, "12 Rue de la Paix, Montréal");
  coalition_person_set_skills (zoe, "facilitation, spreadsheets, Québécois French");
  coalition_person_set_tags (zoe, zoe_tags);
  g_assert_true (coalition_store_insert_person (store, zoe, &error));
  g_assert_no_error (error);

  back = coalition_store_get_person (store, coalition_person_get_id (zoe), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_person_get_address (back), ==, "12 Rue de la Paix, Montréal");
  g_assert_cmpstr (coalition_person_get_skills (back), ==, "facilitation, spreadsheets, Québécois French");
  /* Trimmed, blanks dropped, the same tag in another case once. */
  g_assert_cmpstrv (coalition_person_get_tags (back), ((const char *[]) { "data", "housing", "Spanish", NULL }));

  /* Search reaches skills, tags and the address, without accents. */
  g_assert_cmpuint (n_found (store, "quebecois"), ==, 1);
  g_assert_cmpuint (n_found (store, "spanish"), ==, 1);
  g_assert_cmpuint (n_found (store, "montreal"), ==, 1);
  coalition_person_set_tags (back, (const char *[]) { "tenants", NULL });
  g_assert_true (coalition_store_update_person (store, back, &error));
  g_assert_cmpuint (n_found (store, "spanish"), ==, 0);
  g_assert_cmpuint (n_found (store, "tenants"), ==, 1);

  /* An organization's profile: what it brings, its contacts, its plan. */
  coalition_organization_set_capacity (union_, "4 organizers, a print shop");
  coalition_organization_set_constituency (union_, "2 300 nurses in 14 hospitals");
  coalition_organization_set_access (union_, "Knows the health minister’s chief of staff");
  g_ptr_array_add (coalition_organization_get_emails (union_), coalition_contact_point_new ("office", "biuro@example.pl", TRUE));
  g_ptr_array_add (coalition_organization_get_phones (union_), coalition_contact_point_new ("", "+48 42 555 0100", FALSE));
  coalition_organization_set_tags (union_, (const char *[]) { "health", NULL });
  plan->priority = COALITION_PRIORITY_HIGH;
  plan->asker_id = coalition_person_get_id (zoe);
  g_free (plan->next_step);
  plan->next_step = g_strdup ("One-on-one with the president");
  g_free (plan->next_step_date);
  plan->next_step_date = g_strdup ("2026-12-03");
  coalition_organization_set_outreach (union_, plan);
  g_assert_true (coalition_store_insert_organization (store, union_, &error));
  g_assert_no_error (error);

  union_back = coalition_store_get_organization (store, coalition_organization_get_id (union_), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_organization_get_constituency (union_back), ==, "2 300 nurses in 14 hospitals");
  g_assert_cmpstr (coalition_organization_get_access (union_back), ==, "Knows the health minister’s chief of staff");
  g_assert_cmpuint (coalition_organization_get_emails (union_back)->len, ==, 1);
  g_assert_cmpstr (((CoalitionContactPoint *)coalition_organization_get_emails (union_back)->pdata[0])->value, ==, "biuro@example.pl");
  g_assert_cmpstr (((CoalitionContactPoint *)coalition_organization_get_phones (union_back)->pdata[0])->value, ==, "+48 42 555 0100");
  g_assert_cmpint (coalition_organization_get_outreach (union_back)->priority, ==, COALITION_PRIORITY_HIGH);
  g_assert_cmpstr (coalition_organization_get_outreach (union_back)->asker_name, ==, "Zoë Brontë");
  g_assert_cmpstr (coalition_organization_get_outreach (union_back)->next_step_date, ==, "2026-12-03");

  tags = coalition_store_list_tags (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (tags, ((const char *[]) { "health", "tenants", NULL }));

  /* A date that is not one is refused, and nothing changes. */
  g_free (plan->next_step_date);
  plan->next_step_date = g_strdup ("2026-02-30");
  coalition_organization_set_outreach (union_back, plan);
  g_assert_false (coalition_store_update_organization (store, union_back, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_object (&union_back);
  union_back = coalition_store_get_organization (store, coalition_organization_get_id (union_), NULL);
  g_assert_cmpstr (coalition_organization_get_outreach (union_back)->next_step_date, ==, "2026-12-03");
}

static void
test_store_outreach (void)
{
  g_autofree char *path = scratch_path ("outreach.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionPerson) asker = make_person ("Łukasz", "Nowak", NULL);
  g_autoptr(CoalitionPerson) senator = make_person ("Nguyễn", "Thị Mai", NULL);
  g_autoptr(CoalitionOrganization) church = coalition_organization_new ("St. Anne’s Parish");
  g_autoptr(CoalitionOrganization) member = coalition_organization_new ("Eastside Tenants Union");
  g_autoptr(CoalitionOrganization) later = coalition_organization_new ("Riverside Food Bank");
  g_autoptr(CoalitionOutreach) plan = coalition_outreach_new ();
  g_autoptr(CoalitionContact) call = coalition_contact_new ("2026-11-20", COALITION_CONTACT_KIND_CALL, 0, "Pastor is interested");
  g_autoptr(CoalitionContact) visit = coalition_contact_new ("2026-11-27", COALITION_CONTACT_KIND_MEETING, 0, "Met after mass");
  g_autoptr(CoalitionContact) bad = coalition_contact_new ("yesterday", COALITION_CONTACT_KIND_CALL, 0, "");
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) prospects = NULL;
  g_autoptr(GBytes) undo = NULL;

  g_assert_no_error (error);
  g_assert_true (coalition_store_insert_person (store, asker, &error));
  coalition_person_set_status (senator, COALITION_STATUS_TARGET);
  g_assert_true (coalition_store_insert_person (store, senator, &error));
  coalition_organization_set_status (member, COALITION_STATUS_MEMBER);
  g_assert_true (coalition_store_insert_organization (store, member, &error));
  coalition_organization_set_status (later, COALITION_STATUS_PROSPECT);
  g_assert_true (coalition_store_insert_organization (store, later, &error));
  plan->priority = COALITION_PRIORITY_MEDIUM;
  plan->asker_id = coalition_person_get_id (asker);
  g_free (plan->next_step_date);
  plan->next_step_date = g_strdup ("2026-12-01");
  coalition_organization_set_outreach (church, plan);
  coalition_organization_set_status (church, COALITION_STATUS_PROSPECT);
  g_assert_true (coalition_store_insert_organization (store, church, &error));
  g_assert_no_error (error);

  /* The log, newest first, with who made each contact. */
  call->by_id = coalition_person_get_id (asker);
  g_assert_true (coalition_store_add_contact (store, COALITION_SUBJECT_ORGANIZATION, coalition_organization_get_id (church), call, &error));
  g_assert_true (coalition_store_add_contact (store, COALITION_SUBJECT_ORGANIZATION, coalition_organization_get_id (church), visit, &error));
  g_assert_no_error (error);
  g_assert_false (coalition_store_add_contact (store, COALITION_SUBJECT_ORGANIZATION, coalition_organization_get_id (church), bad, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_clear_error (&error);
  log = coalition_store_list_contacts (store, COALITION_SUBJECT_ORGANIZATION, coalition_organization_get_id (church), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (((CoalitionContact *)log->pdata[0])->note, ==, "Met after mass");
  g_assert_cmpstr (((CoalitionContact *)log->pdata[1])->by_name, ==, "Łukasz Nowak");
  g_assert_cmpint (((CoalitionContact *)log->pdata[1])->kind, ==, COALITION_CONTACT_KIND_CALL);

  /* Each change of status is dated. */
  coalition_organization_set_status (church, COALITION_STATUS_CONTACTED);
  g_assert_true (coalition_store_update_organization (store, church, &error));
  coalition_organization_set_status (church, COALITION_STATUS_MEMBER);
  g_assert_true (coalition_store_update_organization (store, church, &error));
  coalition_organization_set_notes (church, "Joined at the November assembly.");
  g_assert_true (coalition_store_update_organization (store, church, &error));
  history = coalition_store_list_status_changes (store, COALITION_SUBJECT_ORGANIZATION, coalition_organization_get_id (church), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((CoalitionStatusChange *)history->pdata[0])->old_status, ==, COALITION_STATUS_PROSPECT);
  g_assert_cmpint (((CoalitionStatusChange *)history->pdata[0])->new_status, ==, COALITION_STATUS_CONTACTED);
  g_assert_cmpint (((CoalitionStatusChange *)history->pdata[1])->new_status, ==, COALITION_STATUS_MEMBER);
  {
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (((CoalitionStatusChange *)history->pdata[1])->changed_at, NULL);

    g_assert_nonnull (when);
  }

  /* Prospects: the planned ask first, then by name; members and people who
   * are neither targets nor planned are not there. The church is a member
   * now but keeps its plan, so it stays. */
  prospects = coalition_store_list_prospects (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (prospects->len, ==, 3);
  g_assert_cmpstr (coalition_prospect_get_name (prospects->pdata[0]), ==, "St. Anne’s Parish");
  g_assert_cmpstr (coalition_prospect_get_outreach (prospects->pdata[0])->asker_name, ==, "Łukasz Nowak");
  g_assert_cmpstr (coalition_prospect_get_last_contact (prospects->pdata[0]), ==, "2026-11-27");
  /* Sorted by family name: Riverside before Thị Mai. */
  g_assert_cmpstr (coalition_prospect_get_name (prospects->pdata[1]), ==, "Riverside Food Bank");
  g_assert_cmpint (coalition_prospect_get_subject (prospects->pdata[1]), ==, COALITION_SUBJECT_ORGANIZATION);
  g_assert_cmpstr (coalition_prospect_get_name (prospects->pdata[2]), ==, "Nguyễn Thị Mai");
  g_assert_cmpint (coalition_prospect_get_subject (prospects->pdata[2]), ==, COALITION_SUBJECT_PERSON);

  /* Deleting the asker leaves the plan without one; the log keeps the entry. */
  g_assert_true (coalition_store_delete_person (store, coalition_person_get_id (asker), &error));
  g_clear_pointer (&log, g_ptr_array_unref);
  log = coalition_store_list_contacts (store, COALITION_SUBJECT_ORGANIZATION, coalition_organization_get_id (church), &error);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_null (((CoalitionContact *)log->pdata[1])->by_name);

  /* Deleting the organization takes its log and history; Undo puts them back. */
  undo = coalition_store_write_undoable (store, coalition_store_delete_organization, coalition_organization_get_id (church),
                                         &error);
  g_assert_no_error (error);
  g_assert_true (coalition_store_undo (store, undo, &error));
  g_assert_no_error (error);
  g_clear_pointer (&log, g_ptr_array_unref);
  g_clear_pointer (&history, g_ptr_array_unref);
  log = coalition_store_list_contacts (store, COALITION_SUBJECT_ORGANIZATION, coalition_organization_get_id (church), &error);
  history = coalition_store_list_status_changes (store, COALITION_SUBJECT_ORGANIZATION, coalition_organization_get_id (church), &error);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpuint (history->len, ==, 2);
}

static void
test_store_filters (void)
{
  g_autofree char *path = scratch_path ("filters.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionOrganization) union_ = coalition_organization_new ("Nurses United");
  g_autoptr(CoalitionGroup) outreach = coalition_group_new ("Outreach Working Group", COALITION_GROUP_KIND_WORKING_GROUP);
  const char *names[][2] = { { "Zoë", "Brontë" }, { "Łukasz", "Nowak" }, { "민준", "김" }, { "Olena", "Shevchenko" } };
  gint64 ids[G_N_ELEMENTS (names)];
  CoalitionPeopleFilter filter = COALITION_PEOPLE_FILTER_INIT;
  g_autoptr(GArray) found = NULL;

  g_assert_no_error (error);
  coalition_organization_set_kind (union_, COALITION_ORGANIZATION_KIND_UNION);
  g_assert_true (coalition_store_insert_organization (store, union_, &error));
  g_assert_true (coalition_store_insert_group (store, outreach, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CoalitionPerson) person = make_person (names[i][0], names[i][1], NULL);

      if (i % 2 == 0)
        coalition_person_set_tags (person, (const char *[]) { "Spanish", NULL });
      if (i < 2)
        coalition_person_set_organization_id (person, coalition_organization_get_id (union_));
      g_assert_true (coalition_store_insert_person (store, person, &error));
      ids[i] = coalition_person_get_id (person);
    }
  g_assert_true (coalition_store_set_membership (store, coalition_group_get_id (outreach), ids[1], COALITION_ROLE_CHAIR, &error));
  g_assert_true (coalition_store_set_membership (store, coalition_group_get_id (outreach), ids[2], COALITION_ROLE_MEMBER, &error));
  g_assert_no_error (error);

  filter.tag = "spanish";
  found = coalition_store_find_people_filtered (store, NULL, &filter, COALITION_SORT_NAME, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_array_unref);

  filter.group_id = coalition_group_get_id (outreach);
  found = coalition_store_find_people_filtered (store, NULL, &filter, COALITION_SORT_NAME, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, ids[2]);
  g_clear_pointer (&found, g_array_unref);

  filter.tag = NULL;
  filter.organization_kind = COALITION_ORGANIZATION_KIND_UNION;
  found = coalition_store_find_people_filtered (store, "nowak", &filter, COALITION_SORT_NAME, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (g_array_index (found, gint64, 0), ==, ids[1]);
  g_clear_pointer (&found, g_array_unref);

  /* The filter follows edits. */
  g_assert_true (coalition_store_remove_membership (store, coalition_group_get_id (outreach), ids[1], &error));
  found = coalition_store_find_people_filtered (store, NULL, &filter, COALITION_SORT_NAME, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Dates as people type them. The first one a fuzzer found (fuzz/): %u
 * took its signs, and GDate made the year 65530 of it. */
static void
test_store_typed_dates (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "fuzz", "date-signed.txt", NULL);
  g_autofree char *signed_date = NULL;
  g_autofree char *padded = coalition_date_normalize (" 2024-2-9 ");
  g_autofree char *leap = coalition_date_normalize ("2024-02-29");

  g_assert_true (g_file_get_contents (path, &signed_date, NULL, NULL));
  g_assert_null (coalition_date_normalize (signed_date));
  g_assert_null (coalition_date_normalize ("+2024-01-05"));
  g_assert_null (coalition_date_normalize ("2024- 1-05"));
  g_assert_null (coalition_date_normalize ("2023-02-29"));
  g_assert_cmpstr (padded, ==, "2024-02-09");
  g_assert_cmpstr (leap, ==, "2024-02-29");
}

/* The strict JSON check that stands before SQLite's JSON functions. */
static void
test_store_strict_json (void)
{
  const char *good[] = {
    "[]", " [ ] ", "{}", "[{\"title\":\"Zoë\",\"minutes\":10,\"kind\":\"decision\"}]",
    "[\"\\u00e9\\ud800\\n\\\"\\/\"]", "[-0, 1.5e+3, 2E-2, 0.25, true, false, null]", "\"only a string\"", "12",
  };
  const char *bad[] = {
    "", " ", "[", "[}", "{[]:1}", "{[{\"a\":1}]:\"x\"}", "{1:2}", "[1,]", "[,1]", "{\"a\"}", "{\"a\":}",
    "[\"\\ud80\"]", "[\"\\x41\"]", "[\"tab\there\"]", "[01]", "[1.]", "[.5]", "[1e]", "[+1]", "[tru]", "[nul]",
    "[] []", "[]x", "\"unterminated", "[\"\\",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    if (!coalition_store_json_is_well_formed (good[i]))
      g_error ("JSON taken for malformed: %s", good[i]);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (coalition_store_json_is_well_formed (bad[i]))
      g_error ("malformed JSON taken: %s", bad[i]);
  g_assert_false (coalition_store_json_is_well_formed (NULL));

  /* Nested 65 deep, and no deeper. */
  {
    g_autofree char *open = g_strnfill (66, '[');
    g_autofree char *close = g_strnfill (66, ']');
    g_autofree char *deeper = g_strconcat (open, close, NULL);
    g_autofree char *deep = g_strconcat (open + 1, close + 1, NULL);

    g_assert_true (coalition_store_json_is_well_formed (deep));
    g_assert_false (coalition_store_json_is_well_formed (deeper));
  }
}

static int
compare_strings (const char **a,
                 const char **b)
{
  return strcmp (*a, *b);
}

/* Every row of every table but SQLite's own and the search index's, as text. */
static char *
dump_tables (CoalitionStore *store)
{
  sqlite3 *db = coalition_store_get_handle (store);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                           "AND name NOT LIKE 'person_search%' ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *)tables->pdata[t]);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_string_append_printf (out, "# %s\n", (char *)tables->pdata[t]);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (row, "%s|", sqlite3_column_type (stmt, c) == SQLITE_NULL ? "NULL"
                                                : (const char *)sqlite3_column_text (stmt, c));
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);
      /* In one order, whatever order the rows came back in. */
      g_ptr_array_sort (rows, (GCompareFunc)(void (*) (void))compare_strings);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (out, "%s\n", (char *)rows->pdata[r]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The person of the example coalition with the most rows that point at
 * them, in every table that can. */
static gint64
most_linked_person (CoalitionStore *store)
{
  return raw_int (coalition_store_get_handle (store),
                  "SELECT p.id FROM person p ORDER BY "
                  "EXISTS (SELECT 1 FROM map_node WHERE person_id = p.id) "
                  "AND EXISTS (SELECT 1 FROM attendance WHERE person_id = p.id) DESC, "
                  "(SELECT count (*) FROM map_node WHERE person_id = p.id) * 100 + "
                  "(SELECT count (*) FROM attendance WHERE person_id = p.id) + "
                  "(SELECT count (*) FROM action_item WHERE owner_id = p.id) * 10 + "
                  "(SELECT count (*) FROM meeting WHERE facilitator_id = p.id) * 10 + "
                  "(SELECT count (*) FROM group_member WHERE person_id = p.id) * 10 DESC, p.id LIMIT 1");
}

/* Undo puts back every row a delete removed or changed — cascades, links
 * left pointing at nothing — and the search index with them; a value
 * changed since stays; when a row cannot go back, nothing changes. */
static void
test_store_undo (void)
{
  g_autofree char *path = scratch_path ("undo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(CoalitionPerson) person = NULL;
  g_autoptr(GBytes) undo = NULL;
  g_autoptr(GBytes) undo_organization = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *family = NULL;
  GStrv problems = NULL;
  gint64 id, meeting_id, other_id;
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_true (coalition_demo_fill (store, 400, 7, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  db = coalition_store_get_handle (store);
  id = most_linked_person (store);
  /* Someone on a map and at meetings, so that the delete takes rows of
   * other tables with it. */
  {
    g_autofree char *on_map = g_strdup_printf ("SELECT count (*) FROM map_node WHERE person_id = %" G_GINT64_FORMAT, id);
    g_autofree char *attended = g_strdup_printf ("SELECT count (*) FROM attendance WHERE person_id = %" G_GINT64_FORMAT, id);

    g_assert_cmpint (raw_int (db, on_map), >, 0);
    g_assert_cmpint (raw_int (db, attended), >, 0);
  }
  person = coalition_store_get_person (store, id, &error);
  g_assert_no_error (error);
  family = g_strdup (coalition_person_get_family_name (person));
  before = dump_tables (store);

  undo = coalition_store_write_undoable (store, coalition_store_delete_person, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (undo);
  g_assert_null (coalition_store_get_person (store, id, NULL));
  g_assert_true (coalition_store_undo (store, undo, &error));
  g_assert_no_error (error);
  after = dump_tables (store);
  g_assert_cmpstr (after, ==, before);
  found = coalition_store_find_people (store, family, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >, 0);
  g_assert_true (coalition_store_check (store, &problems, &error));
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  g_clear_pointer (&problems, g_strfreev);

  /* An organization, whose people stay but lose their link to it. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = dump_tables (store);
  other_id = raw_int (db, "SELECT organization_id FROM person WHERE organization_id IS NOT NULL "
                          "GROUP BY organization_id ORDER BY count (*) DESC LIMIT 1");
  undo_organization = coalition_store_write_undoable (store, coalition_store_delete_organization, other_id, &error);
  g_assert_no_error (error);
  g_assert_true (coalition_store_undo (store, undo_organization, &error));
  g_assert_no_error (error);
  after = dump_tables (store);
  g_assert_cmpstr (after, ==, before);

  /* A meeting's facilitator chosen again since: the new one stays. */
  meeting_id = raw_int (db, "SELECT id FROM meeting WHERE facilitator_id IS NOT NULL ORDER BY id LIMIT 1");
  g_assert_cmpint (meeting_id, >, 0);
  id = raw_int (db, "SELECT facilitator_id FROM meeting WHERE facilitator_id IS NOT NULL ORDER BY id LIMIT 1");
  g_clear_pointer (&undo, g_bytes_unref);
  undo = coalition_store_write_undoable (store, coalition_store_delete_person, id, &error);
  g_assert_no_error (error);
  other_id = raw_int (db, "SELECT min (id) FROM person");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE meeting SET facilitator_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                                            other_id, meeting_id);

    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_true (coalition_store_undo (store, undo, &error));
  g_assert_no_error (error);
  g_clear_object (&person);
  person = coalition_store_get_person (store, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (person);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT facilitator_id FROM meeting WHERE id = %" G_GINT64_FORMAT, meeting_id);

    g_assert_cmpint (raw_int (db, sql), ==, other_id);
  }

  /* A meeting they attended deleted since: their attendance cannot come
   * back to it, so nothing comes back. */
  id = raw_int (db, "SELECT person_id FROM attendance GROUP BY person_id ORDER BY count (*) DESC, person_id LIMIT 1");
  {
    g_autofree char *attended = g_strdup_printf ("SELECT min (meeting_id) FROM attendance WHERE person_id = %" G_GINT64_FORMAT,
                                                 id);

    meeting_id = raw_int (db, attended);
  }
  g_clear_pointer (&undo, g_bytes_unref);
  undo = coalition_store_write_undoable (store, coalition_store_delete_person, id, &error);
  g_assert_no_error (error);
  g_assert_true (coalition_store_delete_meeting (store, meeting_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = dump_tables (store);
  g_assert_false (coalition_store_undo (store, undo, &error));
  g_assert_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dump_tables (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (coalition_store_check (store, &problems, &error));
  g_assert_cmpuint (g_strv_length (problems), ==, 0);
  g_strfreev (problems);
}

/* Schema 7 as Coalition 0.6 wrote it: a win credited to two organizations
 * and a person, in a table that had no primary key. Migrated, every credit
 * is there with an id, and Undo of a credited organization's delete puts
 * its credit back. */
static void
test_store_migrate_v7 (void)
{
  g_autofree char *path = make_old_database ("coalition-v7.sql", "v7.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = coalition_store_open (path, &error);
  g_autoptr(GBytes) undo = NULL;
  g_auto(GStrv) problems = NULL;
  sqlite3 *db;

  g_autofree char *backup = g_strconcat (path, ".v7.bak", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);
  /* The file as it was, kept beside it. */
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  db = coalition_store_get_handle (store);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM win_credit"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count (DISTINCT id) FROM win_credit WHERE win_id = 1"), ==, 3);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM win_credit WHERE person_id = 4"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM pragma_table_info ('win_credit') WHERE pk > 0"), ==, 1);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM campaign_map WHERE campaign_id = 1 AND map_id = 1"), ==, 1);

  undo = coalition_store_write_undoable (store, coalition_store_delete_organization, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM win_credit"), ==, 2);
  g_assert_true (coalition_store_undo (store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (db, "SELECT count (*) FROM win_credit WHERE organization_id = 2"), ==, 1);

  g_assert_true (coalition_store_check (store, &problems, NULL));
  g_assert_cmpstrv (problems, ((const char *[]) { NULL }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/create", test_store_create);
  g_test_add_func ("/store/reopen", test_store_reopen);
  g_test_add_func ("/store/migrate-v1", test_store_migrate_v1);
  g_test_add_func ("/store/migration-rolls-back", test_store_migration_rolls_back);
  g_test_add_func ("/store/later-migration-rolls-back", test_store_later_migration_rolls_back);
  g_test_add_func ("/store/migrate-v2", test_store_migrate_v2);
  g_test_add_func ("/store/migrate-v3", test_store_migrate_v3);
  g_test_add_func ("/store/migrate-v4", test_store_migrate_v4);
  g_test_add_func ("/store/migrate-v5", test_store_migrate_v5);
  g_test_add_func ("/store/migrate-v6", test_store_migrate_v6);
  g_test_add_func ("/store/migrate-v7", test_store_migrate_v7);
  g_test_add_func ("/store/profile-fields", test_store_profile_fields);
  g_test_add_func ("/store/outreach", test_store_outreach);
  g_test_add_func ("/store/typed-dates", test_store_typed_dates);
  g_test_add_func ("/store/filters", test_store_filters);
  g_test_add_func ("/store/groups", test_store_groups);
  g_test_add_func ("/store/refuses-newer", test_store_refuses_newer);
  g_test_add_func ("/store/refuses-not-a-database", test_store_refuses_not_a_database);
  g_test_add_func ("/store/read-only", test_store_read_only);
  g_test_add_func ("/store/locked", test_store_locked);
  g_test_add_func ("/store/locked-by-other-process", test_store_locked_by_other_process);
  g_test_add_func ("/store/other-process-writes", test_store_other_process_writes);
  g_test_add_func ("/store/private-files", test_store_private_files);
  g_test_add_func ("/store/search-follows-edits", test_store_search_follows_edits);
  g_test_add_func ("/store/foreign-keys", test_store_foreign_keys);
  g_test_add_func ("/store/restore-after-delete", test_store_restore_after_delete);
  g_test_add_func ("/store/restore-organization", test_store_restore_organization);
  g_test_add_func ("/store/rejects-bad-text", test_store_rejects_bad_text);
  g_test_add_func ("/store/signals-after-commit", test_store_signals_after_commit);
  g_test_add_func ("/store/disk-full", test_store_disk_full);
  g_test_add_func ("/store/strict-json", test_store_strict_json);
  g_test_add_func ("/store/undo", test_store_undo);

  return g_test_run ();
}
