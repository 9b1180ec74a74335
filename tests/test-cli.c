/* test-cli.c — coalition-cli as scripts use it: the real binary, its output
 * parsed back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "coalition-core.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run_cli (Result     *result,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("COALITION_CLI");
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (char *)cli);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *)arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *)args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  result->status = g_subprocess_get_exit_status (process);
}

static char *
scratch_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

/* A user error: exit status 1, one line on stderr saying what is wrong,
 * nothing on stdout. */
static void
assert_user_error (Result     *result,
                   const char *expected_part)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (g_str_has_prefix (result->err, "coalition-cli: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
  if (expected_part != NULL && strstr (result->err, expected_part) == NULL)
    g_error ("expected “%s” in: %s", expected_part, result->err);
}

static JsonArray *
parse_array (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_array_ref (json_node_get_array (root));
}

static void
assert_member_type (JsonObject *object,
                    const char *member,
                    GType       type,
                    gboolean    nullable)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    g_error ("member “%s” is missing", member);
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return;
  if (type == JSON_TYPE_ARRAY)
    g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  else if (type == JSON_TYPE_OBJECT)
    g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  else
    g_assert_true (json_node_get_value_type (node) == type);
}

static void
test_cli_demo_then_list (void)
{
  g_autofree char *db = scratch_path ("x.db");
  g_auto(Result) demo = { 0 };
  g_auto(Result) people = { 0 };
  g_auto(Result) orgs = { 0 };
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(JsonArray) org_list = NULL;
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_non_ascii = 0, n_hangul = 0, n_with_email = 0, n_with_org = 0, n_without_org = 0, n_in_groups = 0;
  guint n_tagged = 0, n_skilled = 0, n_planned = 0, n_org_tagged = 0, n_governments = 0;
  gint64 sum_org_people = 0;

  run_cli (&demo, "--database", db, "demo", "--people", "2000", "--seed", "7", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "2000 people"));
  g_assert_cmpstr (demo.err, ==, "");

  run_cli (&people, "--database", db, "list", "people", "--json", NULL);
  g_assert_cmpint (people.status, ==, 0);
  g_assert_cmpstr (people.err, ==, "");
  g_assert_true (g_utf8_validate (people.out, -1, NULL));

  list = parse_array (people.out);
  g_assert_cmpuint (json_array_get_length (list), ==, 2000);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *person = json_array_get_object_element (list, i);
      const char *uid, *name;

      assert_member_type (person, "id", G_TYPE_INT64, FALSE);
      assert_member_type (person, "uid", G_TYPE_STRING, FALSE);
      assert_member_type (person, "display_name", G_TYPE_STRING, FALSE);
      assert_member_type (person, "given_name", G_TYPE_STRING, FALSE);
      assert_member_type (person, "family_name", G_TYPE_STRING, FALSE);
      assert_member_type (person, "emails", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (person, "phones", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (person, "organization", G_TYPE_STRING, TRUE);
      assert_member_type (person, "status", G_TYPE_STRING, FALSE);
      assert_member_type (person, "groups", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (person, "tags", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (person, "address", G_TYPE_STRING, FALSE);
      assert_member_type (person, "skills", G_TYPE_STRING, FALSE);
      assert_member_type (person, "outreach", JSON_TYPE_OBJECT, TRUE);
      if (json_array_get_length (json_object_get_array_member (person, "tags")) > 0)
        n_tagged++;
      if (*json_object_get_string_member (person, "skills") != '\0')
        n_skilled++;
      n_in_groups += json_array_get_length (json_object_get_array_member (person, "groups"));

      uid = json_object_get_string_member (person, "uid");
      g_assert_true (g_uuid_string_is_valid (uid));
      g_assert_false (g_hash_table_contains (uids, uid));
      g_hash_table_add (uids, (char *)uid);

      name = json_object_get_string_member (person, "display_name");
      g_assert_cmpstr (name, !=, "");
      if (!g_str_is_ascii (name))
        n_non_ascii++;
      for (const char *p = name; *p; p = g_utf8_next_char (p))
        if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HANGUL)
          {
            n_hangul++;
            break;
          }

      if (json_array_get_length (json_object_get_array_member (person, "emails")) > 0)
        {
          const char *email = json_array_get_string_element (json_object_get_array_member (person, "emails"), 0);
          g_assert_nonnull (strchr (email, '@'));
          n_with_email++;
        }
      if (json_object_get_null_member (person, "organization"))
        n_without_org++;
      else
        n_with_org++;

      g_assert_true (g_str_equal (json_object_get_string_member (person, "status"), "member") ||
                     g_str_equal (json_object_get_string_member (person, "status"), "prospect") ||
                     g_str_equal (json_object_get_string_member (person, "status"), "contacted") ||
                     g_str_equal (json_object_get_string_member (person, "status"), "invited") ||
                     g_str_equal (json_object_get_string_member (person, "status"), "ally") ||
                     g_str_equal (json_object_get_string_member (person, "status"), "former") ||
                     g_str_equal (json_object_get_string_member (person, "status"), "declined") ||
                     g_str_equal (json_object_get_string_member (person, "status"), "target"));
    }

  g_assert_cmpuint (n_non_ascii, >, 200);
  g_assert_cmpuint (n_hangul, >, 10);
  g_assert_cmpuint (n_with_email, >, 1700);
  g_assert_cmpuint (n_with_org, >, 1500);
  g_assert_cmpuint (n_without_org, >, 50);
  /* 7 + 6 + 5 + 9 + 4 places in the demo's groups */
  g_assert_cmpuint (n_in_groups, ==, 31);

  /* The organizations account for everyone who has one. */
  run_cli (&orgs, "--database", db, "list", "organizations", "--json", NULL);
  g_assert_cmpint (orgs.status, ==, 0);
  org_list = parse_array (orgs.out);
  g_assert_cmpuint (json_array_get_length (org_list), >, 100);
  for (guint i = 0; i < json_array_get_length (org_list); i++)
    {
      JsonObject *org = json_array_get_object_element (org_list, i);

      assert_member_type (org, "name", G_TYPE_STRING, FALSE);
      assert_member_type (org, "kind", G_TYPE_STRING, FALSE);
      assert_member_type (org, "emails", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (org, "tags", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (org, "outreach", JSON_TYPE_OBJECT, TRUE);
      if (json_array_get_length (json_object_get_array_member (org, "tags")) > 0)
        n_org_tagged++;
      if (g_str_equal (json_object_get_string_member (org, "kind"), "government"))
        n_governments++;
      if (!json_object_get_null_member (org, "outreach"))
        {
          JsonObject *plan = json_object_get_object_member (org, "outreach");
          const char *status = json_object_get_string_member (org, "status");

          /* The demo plans asks for organizations in the pipeline, each
           * with someone to make it, a next step and its date. */
          g_assert_true (g_str_equal (status, "prospect") || g_str_equal (status, "contacted") ||
                         g_str_equal (status, "invited"));
          g_assert_true (g_str_equal (json_object_get_string_member (plan, "priority"), "high") ||
                         g_str_equal (json_object_get_string_member (plan, "priority"), "medium") ||
                         g_str_equal (json_object_get_string_member (plan, "priority"), "low"));
          g_assert_cmpstr (json_object_get_string_member (plan, "asker"), !=, "");
          g_assert_nonnull (json_object_get_string_member (plan, "next_step_date"));
          n_planned++;
        }
      sum_org_people += json_object_get_int_member (org, "people");
    }
  g_assert_cmpint (sum_org_people, ==, n_with_org);
  g_assert_cmpuint (n_planned, >, 20);
  /* Every organization but the city and the county, which are targets. */
  g_assert_cmpuint (n_governments, ==, 2);
  g_assert_cmpuint (n_org_tagged, ==, json_array_get_length (org_list) - n_governments);
  g_assert_cmpuint (n_tagged, >, 150);
  g_assert_cmpuint (n_skilled, >, 400);
}

static char *
names_of (const char *db)
{
  g_auto(Result) people = { 0 };
  g_autoptr(JsonArray) list = NULL;
  GString *names = g_string_new (NULL);

  run_cli (&people, "--database", db, "list", "people", "--json", NULL);
  g_assert_cmpint (people.status, ==, 0);
  list = parse_array (people.out);
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_string_append_printf (names, "%s\n",
                            json_object_get_string_member (json_array_get_object_element (list, i), "display_name"));

  return g_string_free (names, FALSE);
}

static void
test_cli_reproducible (void)
{
  g_autofree char *a = scratch_path ("a.db");
  g_autofree char *b = scratch_path ("b.db");
  g_autofree char *names_a = NULL;
  g_autofree char *names_b = NULL;
  g_auto(Result) ra = { 0 };
  g_auto(Result) rb = { 0 };

  run_cli (&ra, "--database", a, "demo", "--people", "150", "--seed", "9", NULL);
  run_cli (&rb, "--database", b, "demo", "--people", "150", "--seed", "9", NULL);
  g_assert_cmpint (ra.status, ==, 0);
  g_assert_cmpint (rb.status, ==, 0);

  names_a = names_of (a);
  names_b = names_of (b);
  g_assert_cmpstr (names_a, ==, names_b);
}

static void
test_cli_table (void)
{
  g_autofree char *db = scratch_path ("table.db");
  g_auto(Result) demo = { 0 };
  g_auto(Result) table = { 0 };
  g_auto(GStrv) lines = NULL;

  run_cli (&demo, "--database", db, "demo", "--people", "300", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  run_cli (&table, "--database", db, "list", "people", NULL);
  g_assert_cmpint (table.status, ==, 0);

  lines = g_strsplit (table.out, "\n", -1);
  /* A header, one line per person, and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 302);
  g_assert_true (g_str_has_prefix (lines[0], "Name"));
  g_assert_nonnull (strstr (lines[0], "Organization"));
}

static void
test_cli_demo_twice (void)
{
  g_autofree char *db = scratch_path ("twice.db");
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  g_auto(Result) list = { 0 };
  g_autoptr(JsonArray) people = NULL;

  run_cli (&first, "--database", db, "demo", "--people", "120", NULL);
  g_assert_cmpint (first.status, ==, 0);
  run_cli (&second, "--database", db, "demo", "--people", "120", NULL);
  assert_user_error (&second, "already holds a coalition");

  run_cli (&list, "--database", db, "list", "people", "--json", NULL);
  people = parse_array (list.out);
  g_assert_cmpuint (json_array_get_length (people), ==, 120);
}

static void
test_cli_bad_arguments (void)
{
  g_autofree char *db = scratch_path ("args.db");
  g_auto(Result) setup = { 0 };
  const char *cases[][5] = {
    { "frobnicate", NULL },
    { "list", NULL },
    { "list", "animals", NULL },
    { "list", "people", "organizations", NULL },
    { "demo", "--people", "abc", NULL },
    { "demo", "--people", "0", NULL },
    { "demo", "--people", "99999999", NULL },
    { "demo", "--seed", "-4", NULL },
    { "--frobnicate", NULL },
    { "list", "people", "--frobnicate", NULL },
    { "export-ics", "--all", NULL },
    { "import-members", NULL },
  };

  run_cli (&setup, "--database", db, "demo", "--people", "10", NULL);
  g_assert_cmpint (setup.status, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = { 0 };

      run_cli (&result, "--database", db, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      assert_user_error (&result, NULL);
    }

  {
    g_auto(Result) none = { 0 };
    g_auto(Result) missing = { 0 };
    g_autofree char *absent = scratch_path ("typo.db");

    run_cli (&none, NULL);
    assert_user_error (&none, "command");
    run_cli (&missing, "--database", absent, "list", "people", NULL);
    assert_user_error (&missing, "no database");
    g_assert_false (g_file_test (absent, G_FILE_TEST_EXISTS));
  }
}

static void
test_cli_help (void)
{
  g_auto(Result) top = { 0 };
  g_auto(Result) word = { 0 };
  g_auto(Result) demo = { 0 };
  g_auto(Result) list = { 0 };
  g_auto(Result) print = { 0 };
  g_auto(Result) guess = { 0 };

  run_cli (&top, "--help", NULL);
  g_assert_cmpint (top.status, ==, 0);
  g_assert_nonnull (strstr (top.out, "demo"));
  g_assert_nonnull (strstr (top.out, "list"));
  g_assert_nonnull (strstr (top.out, "check"));
  g_assert_nonnull (strstr (top.out, "--database"));

  run_cli (&word, "help", NULL);
  g_assert_cmpint (word.status, ==, 0);
  g_assert_nonnull (strstr (word.out, "demo"));

  run_cli (&demo, "demo", "--help", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "--people"));
  g_assert_nonnull (strstr (demo.out, "--seed"));

  run_cli (&list, "list", "--help", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "--json"));
  g_assert_nonnull (strstr (list.out, "maps"));
  g_assert_nonnull (strstr (top.out, "map --map ID"));

  run_cli (&print, "print", "--help", NULL);
  g_assert_cmpint (print.status, ==, 0);
  g_assert_nonnull (strstr (print.out, "--map"));
  g_assert_nonnull (strstr (print.out, "--letter"));
  g_assert_nonnull (strstr (top.out, "letter --letter ID"));
  g_assert_nonnull (strstr (top.out, "export-signatories"));
  g_assert_nonnull (strstr (top.out, "export-update"));
  g_assert_nonnull (strstr (list.out, "campaigns"));
  g_assert_nonnull (strstr (print.out, "--as-of"));
  g_assert_nonnull (strstr (print.out, ".svg"));

  /* A name someone might guess leads to the commands that do it. */
  run_cli (&guess, "power-map", NULL);
  assert_user_error (&guess, "list maps");
}

static void
assert_file_unchanged_by (const char *db,
                          const char *command,
                          const char *expected_part)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_auto(Result) result = { 0 };

  g_assert_true (g_file_get_contents (db, &before, &before_len, NULL));
  run_cli (&result, "--database", db, command, command[0] == 'l' ? "people" : NULL, NULL);
  assert_user_error (&result, expected_part);
  g_assert_true (g_file_get_contents (db, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_cli_check (void)
{
  g_autofree char *good = scratch_path ("good.db");
  g_autofree char *text = scratch_path ("members.csv");
  g_autofree char *damaged = scratch_path ("damaged.db");
  g_autofree char *wal = g_strconcat (damaged, "-wal", NULL);
  g_auto(Result) demo = { 0 };
  g_auto(Result) ok = { 0 };
  g_auto(Result) demo2 = { 0 };
  g_auto(Result) bad = { 0 };
  g_autofree char *contents = NULL;
  gsize length;

  run_cli (&demo, "--database", good, "demo", "--people", "50", NULL);
  run_cli (&ok, "--database", good, "check", NULL);
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_nonnull (strstr (ok.out, "No problems"));

  /* Not a database at all: refused, and left byte for byte as it was. */
  g_assert_true (g_file_set_contents (text, "Name,E-mail\nZoë Brontë,zoe@example.org\n", -1, NULL));
  assert_file_unchanged_by (text, "check", "not a Coalition database");
  assert_file_unchanged_by (text, "list", "not a Coalition database");

  /* A database with damaged pages in the middle of its tables. */
  run_cli (&demo2, "--database", damaged, "demo", "--people", "3000", NULL);
  g_assert_cmpint (demo2.status, ==, 0);
  /* Closing the last connection moved everything into the main file. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (damaged, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 64 * 4096);
  for (gsize offset = length / 3; offset < length / 3 + 8 * 4096; offset += 97)
    contents[offset] ^= 0x5a;
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));

  run_cli (&bad, "--database", damaged, "check", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_null (strstr (bad.out, "No problems"));
  g_assert_true (g_str_has_prefix (bad.err, "coalition-cli: "));
}

static void
test_cli_import (void)
{
  g_autofree char *db = scratch_path ("import.db");
  g_autofree char *google = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "google-contacts.csv", NULL);
  g_autofree char *civicrm = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "civicrm.csv", NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "truncated-quote.csv", NULL);
  g_auto(Result) dry = { 0 };
  g_auto(Result) real = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) bad = { 0 };
  g_auto(Result) list = { 0 };
  g_autoptr(JsonArray) people = NULL;

  /* A dry run says what would happen and writes nothing. */
  run_cli (&dry, "--database", db, "import-members", google, "--dry-run", NULL);
  g_assert_cmpint (dry.status, ==, 0);
  g_assert_nonnull (strstr (dry.out, "Google Contacts"));
  g_assert_nonnull (strstr (dry.out, "4 added, 1 merged"));
  g_assert_nonnull (strstr (dry.out, "nothing was written"));

  /* Two files at once; the household row is reported with its line. */
  run_cli (&real, "--database", db, "import-members", google, civicrm, NULL);
  g_assert_cmpint (real.status, ==, 0);
  g_assert_nonnull (strstr (real.out, "line 4: a household"));

  run_cli (&again, "--database", db, "import-members", google, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "0 added, 0 merged, 5 unchanged"));

  run_cli (&bad, "--database", db, "import-members", broken, NULL);
  assert_user_error (&bad, "Line 2");

  run_cli (&list, "--database", db, "list", "people", "--json", NULL);
  people = parse_array (list.out);
  g_assert_cmpuint (json_array_get_length (people), ==, 6);
}

static void
test_cli_export (void)
{
  g_autofree char *db = scratch_path ("export.db");
  g_autofree char *csv = scratch_path ("members.csv");
  g_autofree char *vcf = scratch_path ("members.vcf");
  g_autofree char *contents = NULL;
  g_auto(Result) demo = { 0 };
  g_auto(Result) to_csv = { 0 };
  g_auto(Result) to_vcf = { 0 };
  g_auto(Result) bad = { 0 };
  g_auto(Result) missing = { 0 };

  run_cli (&demo, "--database", db, "demo", "--people", "200", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run_cli (&to_csv, "--database", db, "export-members", "--format", "csv", "-o", csv, NULL);
  g_assert_cmpint (to_csv.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFName,Given Name,Family Name,Organization"));
  g_clear_pointer (&contents, g_free);

  run_cli (&to_vcf, "--database", db, "export-members", "--format", "vcf", "--vcard-version", "3.0", "-o", vcf, NULL);
  g_assert_cmpint (to_vcf.status, ==, 0);
  g_assert_true (g_file_get_contents (vcf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCARD\r\nVERSION:3.0\r\n"));

  run_cli (&bad, "--database", db, "export-members", "--format", "xlsx", "-o", csv, NULL);
  assert_user_error (&bad, "csv or vcf");
  run_cli (&missing, "--database", db, "export-members", "--format", "csv", NULL);
  assert_user_error (&missing, "-o FILE");
}

/* The meetings of the example coalition as scripts see them, read back by
 * Python's own ISO 8601 parser and zone database. */
static const char meeting_checker[] =
  "import json, sys\n"
  "from datetime import datetime, timedelta\n"
  "from zoneinfo import ZoneInfo\n"
  "meetings = json.load(open(sys.argv[1]))\n"
  "for m in meetings:\n"
  "    start = datetime.fromisoformat(m['start'])\n"
  "    end = datetime.fromisoformat(m['end'])\n"
  "    local = start.astimezone(ZoneInfo(m['zone']))\n"
  "    assert local.utcoffset() == start.utcoffset(), m\n"
  "    assert (local.hour, local.minute) == (18, 30), m\n"
  "    assert end > start, m\n"
  "    t = start\n"
  "    for item in m['agenda']:\n"
  "        assert datetime.fromisoformat(item['start']) == t, (m['title'], item)\n"
  "        t += timedelta(minutes=item['minutes'])\n"
  "print(len(meetings))\n";

static void
test_cli_meetings (void)
{
  g_autofree char *db = scratch_path ("meetings.db");
  g_autofree char *json_path = scratch_path ("meetings.json");
  g_auto(Result) demo = { 0 };
  g_auto(Result) meetings = { 0 };
  g_auto(Result) actions = { 0 };
  g_auto(Result) table = { 0 };
  g_autoptr(JsonArray) list = NULL;
  g_autoptr(JsonArray) action_list = NULL;
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint n_held = 0, n_cancelled = 0, n_planned = 0, n_open = 0, n_with_minutes = 0;

  run_cli (&demo, "--database", db, "demo", "--people", "300", "--seed", "3", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run_cli (&meetings, "--database", db, "list", "meetings", "--json", NULL);
  g_assert_cmpint (meetings.status, ==, 0);
  g_assert_cmpstr (meetings.err, ==, "");
  list = parse_array (meetings.out);
  g_assert_cmpuint (json_array_get_length (list), >, 20);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *m = json_array_get_object_element (list, i);
      const char *status;

      assert_member_type (m, "id", G_TYPE_INT64, FALSE);
      assert_member_type (m, "uid", G_TYPE_STRING, FALSE);
      assert_member_type (m, "title", G_TYPE_STRING, FALSE);
      assert_member_type (m, "start", G_TYPE_STRING, FALSE);
      assert_member_type (m, "end", G_TYPE_STRING, FALSE);
      assert_member_type (m, "zone", G_TYPE_STRING, FALSE);
      assert_member_type (m, "location", G_TYPE_STRING, FALSE);
      assert_member_type (m, "agenda", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (m, "attendees", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (m, "decisions", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (m, "action_items", JSON_TYPE_ARRAY, FALSE);
      g_assert_true (g_uuid_string_is_valid (json_object_get_string_member (m, "uid")));
      g_assert_cmpstr (json_object_get_string_member (m, "zone"), ==, "America/Los_Angeles");

      status = json_object_get_string_member (m, "status");
      if (g_str_equal (status, "held"))
        {
          n_held++;
          /* A meeting that took place has its agenda, attendance and decisions. */
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "agenda")), ==, 6);
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "attendees")), >, 0);
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "decisions")), >, 0);
          n_with_minutes++;
        }
      else if (g_str_equal (status, "cancelled"))
        n_cancelled++;
      else
        n_planned++;
    }
  g_assert_cmpuint (n_held, >=, 20);
  g_assert_cmpuint (n_cancelled, ==, 1);
  g_assert_cmpuint (n_planned, >=, 2);
  g_assert_cmpuint (n_with_minutes, ==, n_held);

  /* Times with their offsets, as Python reads them in the meeting's zone. */
  g_assert_true (g_file_set_contents (json_path, meetings.out, -1, NULL));
  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             "/usr/bin/python3", "-c", meeting_checker, json_path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (python))
    g_error ("the meetings did not read back in Python: %s", err);

  /* Action items, open ones first, each from a meeting. */
  run_cli (&actions, "--database", db, "list", "actions", "--json", NULL);
  g_assert_cmpint (actions.status, ==, 0);
  action_list = parse_array (actions.out);
  g_assert_cmpuint (json_array_get_length (action_list), ==, 2 * n_held);
  for (guint i = 0; i < json_array_get_length (action_list); i++)
    {
      JsonObject *a = json_array_get_object_element (action_list, i);

      assert_member_type (a, "title", G_TYPE_STRING, FALSE);
      assert_member_type (a, "owner", G_TYPE_STRING, TRUE);
      assert_member_type (a, "due", G_TYPE_STRING, TRUE);
      assert_member_type (a, "meeting_id", G_TYPE_INT64, FALSE);
      if (g_str_equal (json_object_get_string_member (a, "status"), "open"))
        {
          g_assert_cmpuint (i, ==, n_open);   /* open ones first */
          n_open++;
        }
    }
  g_assert_cmpuint (n_open, >, 0);

  run_cli (&table, "--database", db, "list", "meetings", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "General Meeting"));
  g_assert_nonnull (strstr (table.out, "Cancelled"));
}

/* What a program prints, failing the test if it fails. */
static char *
read_with (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", argv[0], err);
  return out;
}

static guint
count_files (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* The power maps of the example coalition as scripts see them, and written
 * as PDF, PNG and SVG. */
static void
test_cli_maps (void)
{
  g_autofree char *db = scratch_path ("maps.db");
  g_autofree char *out_dir = g_build_filename (g_get_user_data_dir (), "maps", NULL);
  g_autofree char *pdf = g_build_filename (out_dir, "map.pdf", NULL);
  g_autofree char *png = g_build_filename (out_dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (out_dir, "map.svg", NULL);
  g_autofree char *old_pdf = g_build_filename (out_dir, "old.pdf", NULL);
  g_autofree char *wrong = g_build_filename (out_dir, "map.jpg", NULL);
  g_autofree char *nowhere = g_build_filename (out_dir, "missing", "map.pdf", NULL);
  g_autofree char *map_id = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *svg_check = NULL;
  g_autofree char *png_data = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_years (now, -3);
  g_autofree char *before = g_date_time_format (long_ago, "%Y-%m-%d");
  g_autoptr(JsonArray) maps = NULL;
  g_autoptr(GHashTable) node_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(Result) demo = { 0 };
  g_auto(Result) json = { 0 };
  g_auto(Result) table = { 0 };
  g_auto(GStrv) lines = NULL;
  gsize png_length;
  guint n_targets = 0;

  g_mkdir_with_parents (out_dir, 0700);
  run_cli (&demo, "--database", db, "demo", "--people", "400", "--seed", "5", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  run_cli (&json, "--database", db, "list", "maps", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  maps = parse_array (json.out);
  g_assert_cmpuint (json_array_get_length (maps), ==, 2);
  for (guint m = 0; m < json_array_get_length (maps); m++)
    {
      JsonObject *map = json_array_get_object_element (maps, m);
      JsonArray *nodes, *edges;

      assert_member_type (map, "id", G_TYPE_INT64, FALSE);
      assert_member_type (map, "title", G_TYPE_STRING, FALSE);
      assert_member_type (map, "decision", G_TYPE_STRING, FALSE);
      assert_member_type (map, "nodes", JSON_TYPE_ARRAY, FALSE);
      assert_member_type (map, "edges", JSON_TYPE_ARRAY, FALSE);
      nodes = json_object_get_array_member (map, "nodes");
      edges = json_object_get_array_member (map, "edges");
      g_assert_cmpuint (json_array_get_length (nodes), >=, 20);
      g_assert_cmpuint (json_array_get_length (nodes), <=, 40);
      g_assert_cmpuint (json_array_get_length (edges), >, 0);

      g_hash_table_remove_all (node_names);
      for (guint i = 0; i < json_array_get_length (nodes); i++)
        {
          JsonObject *node = json_array_get_object_element (nodes, i);
          const char *role;
          gint64 stance, influence;

          assert_member_type (node, "id", G_TYPE_INT64, FALSE);
          assert_member_type (node, "person_id", G_TYPE_INT64, TRUE);
          assert_member_type (node, "organization_id", G_TYPE_INT64, TRUE);
          assert_member_type (node, "name", G_TYPE_STRING, FALSE);
          assert_member_type (node, "detail", G_TYPE_STRING, TRUE);
          assert_member_type (node, "role", G_TYPE_STRING, FALSE);
          assert_member_type (node, "stance", G_TYPE_INT64, FALSE);
          assert_member_type (node, "influence", G_TYPE_INT64, FALSE);
          /* A person or an organization, never both. */
          g_assert_true (json_object_get_null_member (node, "person_id") !=
                         json_object_get_null_member (node, "organization_id"));
          role = json_object_get_string_member (node, "role");
          g_assert_true (g_str_equal (role, "member") || g_str_equal (role, "ally") ||
                         g_str_equal (role, "target") || g_str_equal (role, "other"));
          if (g_str_equal (role, "target"))
            n_targets++;
          stance = json_object_get_int_member (node, "stance");
          influence = json_object_get_int_member (node, "influence");
          g_assert_cmpint (stance, >=, -2);
          g_assert_cmpint (stance, <=, 2);
          g_assert_cmpint (influence, >=, 0);
          g_assert_cmpint (influence, <=, 4);
          g_hash_table_insert (node_names, g_memdup2 (&(gint64) { json_object_get_int_member (node, "id") }, sizeof (gint64)),
                               (gpointer)json_object_get_string_member (node, "name"));
        }

      for (guint i = 0; i < json_array_get_length (edges); i++)
        {
          JsonObject *edge = json_array_get_object_element (edges, i);
          gint64 from, to;

          assert_member_type (edge, "id", G_TYPE_INT64, FALSE);
          assert_member_type (edge, "kind", G_TYPE_STRING, FALSE);
          assert_member_type (edge, "strength", G_TYPE_INT64, FALSE);
          assert_member_type (edge, "directed", G_TYPE_BOOLEAN, FALSE);
          assert_member_type (edge, "note", G_TYPE_STRING, TRUE);
          /* Both ends are nodes of the same map. */
          from = json_object_get_int_member (edge, "from");
          to = json_object_get_int_member (edge, "to");
          g_assert_cmpint (from, !=, to);
          g_assert_true (g_hash_table_contains (node_names, &from));
          g_assert_true (g_hash_table_contains (node_names, &to));
          g_assert_cmpint (json_object_get_int_member (edge, "strength"), >=, 1);
          g_assert_cmpint (json_object_get_int_member (edge, "strength"), <=, 3);
        }
    }
  g_assert_cmpuint (n_targets, >=, 10);

  run_cli (&table, "--database", db, "list", "maps", NULL);
  g_assert_cmpint (table.status, ==, 0);
  lines = g_strsplit (table.out, "\n", -1);
  /* A header, a line per map, and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "ID"));
  g_assert_nonnull (strstr (lines[1], "Eastside Clinic Funding"));
  g_assert_nonnull (strstr (lines[2], "Rent Stabilization Ordinance"));

  /* The rent map in three formats. */
  {
    JsonObject *rent = json_array_get_object_element (maps, 1);
    JsonArray *nodes = json_object_get_array_member (rent, "nodes");
    g_auto(Result) to_pdf = { 0 };
    g_auto(Result) to_png = { 0 };
    g_auto(Result) to_svg = { 0 };
    g_auto(Result) to_old = { 0 };
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *joined = NULL;
    guint n_found = 0;

    map_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (rent, "id"));
    run_cli (&to_pdf, "--database", db, "print", "map", "--map", map_id, "-o", pdf, NULL);
    g_assert_cmpint (to_pdf.status, ==, 0);
    g_assert_cmpstr (to_pdf.err, ==, "");
    g_assert_nonnull (strstr (to_pdf.out, "Rent Stabilization Ordinance"));
    info = read_with ((const char *[]) { "pdfinfo", pdf, NULL });
    g_assert_nonnull (strstr (info, "Pages:"));
    g_assert_cmpuint (g_ascii_strtoull (strstr (info, "Pages:") + strlen ("Pages:"), NULL, 10), ==, 1);
    g_assert_nonnull (strstr (info, "Rent Stabilization Ordinance"));
    text = read_with ((const char *[]) { "pdftotext", pdf, "-", NULL });
    g_assert_nonnull (strstr (text, "Rent Stabilization Ordinance"));
    g_assert_nonnull (strstr (text, "City Council passes the rent stabilization ordinance by June"));
    /* Names on the page, read with their lines joined; a long one may be
     * cut short with an ellipsis to fit its cell. */
    joined = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
    for (guint i = 0; i < json_array_get_length (nodes); i++)
      if (strstr (joined, json_object_get_string_member (json_array_get_object_element (nodes, i), "name")))
        n_found++;
    g_assert_cmpuint (n_found, >=, json_array_get_length (nodes) / 2);

    run_cli (&to_png, "--database", db, "print", "map", "--map", map_id, "-o", png, "--width", "1200", NULL);
    g_assert_cmpint (to_png.status, ==, 0);
    g_assert_true (g_file_get_contents (png, &png_data, &png_length, NULL));
    g_assert_cmpuint (png_length, >, 24);
    g_assert_cmpmem (png_data, 8, "\x89PNG\r\n\x1a\n", 8);
    /* The width in the IHDR chunk, big-endian. */
    g_assert_cmpuint (((guint8)png_data[16] << 24) | ((guint8)png_data[17] << 16) |
                      ((guint8)png_data[18] << 8) | (guint8)png_data[19], ==, 1200);

    run_cli (&to_svg, "--database", db, "print", "map", "--map", map_id, "-o", svg, NULL);
    g_assert_cmpint (to_svg.status, ==, 0);
    /* Well-formed XML to a parser of its own, an SVG document with a size. */
    svg_check = read_with ((const char *[]) {
      "/usr/bin/python3", "-c",
      "import sys, xml.etree.ElementTree as ET\n"
      "root = ET.parse(sys.argv[1]).getroot()\n"
      "print(root.tag, float(root.get('width').rstrip('pt')) > 0, float(root.get('height').rstrip('pt')) > 0)\n",
      svg, NULL });
    g_assert_cmpstr (svg_check, ==, "{http://www.w3.org/2000/svg}svg True True\n");

    /* As it stood before anyone was placed: an empty grid, and a word about it. */
    run_cli (&to_old, "--database", db, "print", "map", "--map", map_id, "-o", old_pdf, "--as-of", before, NULL);
    g_assert_cmpint (to_old.status, ==, 0);
    g_assert_nonnull (strstr (to_old.err, "empty"));
    g_assert_true (g_file_test (old_pdf, G_FILE_TEST_IS_REGULAR));
  }

  /* Mistakes: one line each, and no file left behind. */
  {
    const struct
    {
      const char *args[8];
      const char *expected;
    } cases[] = {
      { { "print", "map", "--map", "999", "-o", pdf, NULL }, "no power map 999" },
      { { "print", "map", "--map", map_id, "-o", wrong, NULL }, ".pdf, .png or .svg" },
      { { "print", "map", "--map", map_id, "-o", nowhere, NULL }, "could not be written" },
      { { "print", "map", "--map", map_id, "-o", pdf, "--as-of", "31/12/2025" }, "YYYY-MM-DD" },
      { { "print", "map", "-o", pdf, NULL }, "--map ID" },
      { { "print", "map", "--map", map_id, NULL }, "-o FILE" },
      { { "print", "agenda", "--map", map_id, "-o", pdf, NULL }, "--meeting ID" },
      { { "print", "map", "--map", map_id, "-o", png, "--width", "wide" }, "--width" },
      { { "list", "maps", "people", NULL }, "one kind" },
    };
    guint n_files = count_files (out_dir);

    g_assert_true (g_unlink (pdf) == 0);
    n_files--;
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(Result) result = { 0 };
        const char * const *a = cases[i].args;

        run_cli (&result, "--database", db, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);
        assert_user_error (&result, cases[i].expected);
      }
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wrong, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
    /* No temporary file either. */
    g_assert_cmpuint (count_files (out_dir), ==, n_files);
  }
}

/* Campaigns as scripts see them, the letter printed, its signatories
 * exported and the monthly update written, each read back by another
 * program; and the mistakes people make, each one clear line. */
static void
test_cli_campaigns (void)
{
  g_autofree char *db = scratch_path ("campaigns.db");
  g_autofree char *out_dir = g_build_filename (g_get_user_data_dir (), "campaigns", NULL);
  g_autofree char *pdf = g_build_filename (out_dir, "letter.pdf", NULL);
  g_autofree char *csv = g_build_filename (out_dir, "signatories.csv", NULL);
  g_autofree char *html = g_build_filename (out_dir, "update.html", NULL);
  g_autofree char *update_pdf = g_build_filename (out_dir, "update.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (out_dir, "missing", "file", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *month = g_date_time_format (now, "%Y-%m");
  g_autofree char *letter_id = NULL;
  g_autofree char *row = NULL;
  g_autoptr(JsonArray) campaigns = NULL;
  g_autoptr(GPtrArray) signatories = g_ptr_array_new ();
  g_auto(Result) demo = { 0 };
  g_auto(Result) json = { 0 };
  g_auto(Result) table = { 0 };
  g_auto(Result) letter = { 0 };
  g_auto(Result) export = { 0 };
  g_auto(Result) update = { 0 };
  g_auto(Result) update_as_pdf = { 0 };
  g_auto(Result) help = { 0 };
  JsonObject *campaign;
  JsonArray *goals, *letters;
  const char *letter_title;
  guint n_benchmarks = 0, n_met = 0, n_missed = 0;

  g_mkdir_with_parents (out_dir, 0700);
  run_cli (&demo, "--database", db, "demo", "--people", "400", "--seed", "11", NULL);
  g_assert_cmpint (demo.status, ==, 0);

  /* The campaign whole, as JSON. */
  run_cli (&json, "--database", db, "list", "campaigns", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_cmpstr (json.err, ==, "");
  campaigns = parse_array (json.out);
  g_assert_cmpuint (json_array_get_length (campaigns), ==, 1);
  campaign = json_array_get_object_element (campaigns, 0);
  assert_member_type (campaign, "id", G_TYPE_INT64, FALSE);
  assert_member_type (campaign, "name", G_TYPE_STRING, FALSE);
  assert_member_type (campaign, "objectives", JSON_TYPE_ARRAY, FALSE);
  assert_member_type (campaign, "map_ids", JSON_TYPE_ARRAY, FALSE);
  assert_member_type (campaign, "goals", JSON_TYPE_ARRAY, FALSE);
  assert_member_type (campaign, "wins", JSON_TYPE_ARRAY, FALSE);
  assert_member_type (campaign, "letters", JSON_TYPE_ARRAY, FALSE);
  g_assert_cmpstr (json_object_get_string_member (campaign, "name"), ==, "Keep Riverside Housed");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (campaign, "objectives")), >=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (campaign, "map_ids")), ==, 1);

  goals = json_object_get_array_member (campaign, "goals");
  g_assert_cmpuint (json_array_get_length (goals), >, 0);
  for (guint g = 0; g < json_array_get_length (goals); g++)
    {
      JsonObject *goal = json_array_get_object_element (goals, g);
      JsonArray *benchmarks;
      const char *term;

      assert_member_type (goal, "id", G_TYPE_INT64, FALSE);
      assert_member_type (goal, "title", G_TYPE_STRING, FALSE);
      assert_member_type (goal, "benchmarks", JSON_TYPE_ARRAY, FALSE);
      term = json_object_get_string_member (goal, "term");
      g_assert_true (g_str_equal (term, "short-term") || g_str_equal (term, "long-term"));
      benchmarks = json_object_get_array_member (goal, "benchmarks");
      for (guint b = 0; b < json_array_get_length (benchmarks); b++)
        {
          JsonObject *benchmark = json_array_get_object_element (benchmarks, b);
          const char *status, *effective, *due;

          assert_member_type (benchmark, "id", G_TYPE_INT64, FALSE);
          assert_member_type (benchmark, "title", G_TYPE_STRING, FALSE);
          assert_member_type (benchmark, "due", G_TYPE_STRING, TRUE);
          assert_member_type (benchmark, "owner", G_TYPE_STRING, TRUE);
          status = json_object_get_string_member (benchmark, "status");
          effective = json_object_get_string_member (benchmark, "effective_status");
          due = json_object_get_string_member (benchmark, "due");
          /* Not met by its date: missed, whatever was set. */
          if (due != NULL && strcmp (due, today) < 0 && !g_str_equal (status, "met"))
            g_assert_cmpstr (effective, ==, "missed");
          else
            g_assert_cmpstr (effective, ==, status);
          n_benchmarks++;
          n_met += g_str_equal (effective, "met");
          n_missed += g_str_equal (effective, "missed");
        }
    }
  g_assert_cmpuint (n_met, >=, 1);
  g_assert_cmpuint (n_missed, >=, 1);
  for (guint w = 0; w < json_array_get_length (json_object_get_array_member (campaign, "wins")); w++)
    {
      JsonObject *win = json_array_get_object_element (json_object_get_array_member (campaign, "wins"), w);

      assert_member_type (win, "date", G_TYPE_STRING, FALSE);
      assert_member_type (win, "title", G_TYPE_STRING, FALSE);
      assert_member_type (win, "goal", G_TYPE_STRING, TRUE);
      assert_member_type (win, "contributors", JSON_TYPE_ARRAY, FALSE);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (win, "contributors")), >, 0);
    }
  letters = json_object_get_array_member (campaign, "letters");
  g_assert_cmpuint (json_array_get_length (letters), ==, 1);
  {
    JsonObject *l = json_array_get_object_element (letters, 0);
    JsonArray *signed_by;

    assert_member_type (l, "id", G_TYPE_INT64, FALSE);
    assert_member_type (l, "deadline", G_TYPE_STRING, TRUE);
    assert_member_type (l, "signatories", JSON_TYPE_ARRAY, FALSE);
    g_assert_cmpstr (json_object_get_string_member (l, "status"), ==, "collecting");
    letter_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (l, "id"));
    letter_title = json_object_get_string_member (l, "title");
    signed_by = json_object_get_array_member (l, "signatories");
    g_assert_cmpuint (json_array_get_length (signed_by), >, 0);
    for (guint s = 0; s < json_array_get_length (signed_by); s++)
      {
        JsonObject *signatory = json_array_get_object_element (signed_by, s);

        assert_member_type (signatory, "name", G_TYPE_STRING, FALSE);
        assert_member_type (signatory, "signed_by", G_TYPE_STRING, TRUE);
        assert_member_type (signatory, "signed_on", G_TYPE_STRING, FALSE);
        g_ptr_array_add (signatories, (gpointer)json_object_get_string_member (signatory, "name"));
      }
  }

  /* The table: progress at a glance. */
  run_cli (&table, "--database", db, "list", "campaigns", NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_true (g_str_has_prefix (table.out, "ID"));
  g_assert_nonnull (strstr (table.out, "Benchmarks met"));
  g_assert_nonnull (strstr (table.out, "Keep Riverside Housed"));
  row = g_strdup_printf (" %u/%u ", n_met, n_benchmarks);
  g_assert_nonnull (strstr (table.out, row));

  /* The letter on paper, with everyone who signed it. */
  run_cli (&letter, "--database", db, "print", "letter", "--letter", letter_id, "-o", pdf, "--paper", "letter", NULL);
  g_assert_cmpint (letter.status, ==, 0);
  g_assert_cmpstr (letter.err, ==, "");
  {
    g_autofree char *info = read_with ((const char *[]) { "pdfinfo", pdf, NULL });
    g_autofree char *text = read_with ((const char *[]) { "pdftotext", pdf, "-", NULL });
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *joined = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

    g_assert_nonnull (strstr (info, "612 x 792"));
    g_assert_nonnull (strstr (joined, letter_title));
    g_assert_nonnull (strstr (joined, "Signed,"));
    for (guint i = 0; i < signatories->len; i++)
      g_assert_nonnull (strstr (joined, signatories->pdata[i]));
  }

  /* Its signatories as CSV, read by Python. */
  run_cli (&export, "--database", db, "export-signatories", "--letter", letter_id, "-o", csv, NULL);
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, letter_title));
  {
    g_autofree char *count = read_with ((const char *[]) {
      "/usr/bin/python3", "-c",
      "import csv, sys\n"
      "rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8-sig')))\n"
      "assert rows[0] == ['Organization', 'Signed by', 'Person', 'Signed on'], rows[0]\n"
      "print(len(rows) - 1, '|'.join(r[0] or r[2] for r in rows[1:]))\n",
      csv, NULL });
    g_autoptr(GString) expected = g_string_new (NULL);

    for (guint i = 0; i < signatories->len; i++)
      g_string_append_printf (expected, "%s%s", i > 0 ? "|" : "", (char *)signatories->pdata[i]);
    g_string_prepend (expected, " ");
    {
      g_autofree char *number = g_strdup_printf ("%u", signatories->len);

      g_string_prepend (expected, number);
    }
    g_string_append_c (expected, '\n');
    g_assert_cmpstr (count, ==, expected->str);
  }

  /* This month's update, as an e-mail and on paper. */
  run_cli (&update, "--database", db, "export-update", "--month", month, "--format", "html", "-o", html, NULL);
  g_assert_cmpint (update.status, ==, 0);
  g_assert_cmpstr (update.err, ==, "");
  {
    g_autofree char *check = read_with ((const char *[]) {
      "/usr/bin/python3", "-c",
      "import sys, xml.etree.ElementTree as ET\n"
      "data = open(sys.argv[1], encoding='utf-8').read()\n"
      "root = ET.fromstring(data.split('\\n', 1)[1])\n"
      "print(root.find('head/title').text)\n",
      html, NULL });

    g_assert_true (g_str_has_prefix (check, "Monthly update — "));
  }
  run_cli (&update_as_pdf, "--database", db, "export-update", "--month", month, "--format", "pdf", "-o", update_pdf,
           "--paper", "a4", NULL);
  g_assert_cmpint (update_as_pdf.status, ==, 0);
  {
    g_autofree char *info = read_with ((const char *[]) { "pdfinfo", update_pdf, NULL });
    g_autofree char *text = read_with ((const char *[]) { "pdftotext", update_pdf, "-", NULL });

    g_assert_nonnull (strstr (info, "595 x 842"));
    g_assert_nonnull (strstr (text, "Upcoming meetings"));
    g_assert_nonnull (strstr (text, "Sign-on letters open for signatures"));
  }

  run_cli (&help, "export-update", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--month"));
  g_assert_nonnull (strstr (help.out, "--format"));

  /* Mistakes: one line each, and no file left behind. */
  {
    const struct
    {
      const char *args[10];
      const char *expected;
    } cases[] = {
      { { "print", "letter", "--letter", "999", "-o", pdf, NULL }, "no sign-on letter 999" },
      { { "print", "letter", "-o", pdf, NULL }, "--letter ID" },
      { { "print", "letter", "--letter", letter_id, NULL }, "-o FILE.pdf" },
      { { "print", "letter", "--letter", "first", "-o", pdf, NULL }, "--letter" },
      { { "print", "letter", "--letter", letter_id, "-o", pdf, "--paper", "a5", NULL }, "a4 or letter" },
      { { "print", "letter", "--letter", letter_id, "-o", nowhere, NULL }, "could not be written" },
      { { "print", "agenda", "--letter", letter_id, "-o", pdf, NULL }, "--meeting ID" },
      { { "export-signatories", "--letter", "999", "-o", csv, NULL }, "no sign-on letter 999" },
      { { "export-signatories", "-o", csv, NULL }, "--letter ID" },
      { { "export-signatories", "--letter", letter_id, NULL }, "-o FILE.csv" },
      { { "export-signatories", "--letter", letter_id, "-o", nowhere, NULL }, "could not be written" },
      { { "export-update", "--month", "2026-13", "--format", "html", "-o", html, NULL }, "YYYY-MM" },
      { { "export-update", "--month", "12/2026", "--format", "html", "-o", html, NULL }, "YYYY-MM" },
      { { "export-update", "--month", month, "--format", "docx", "-o", html, NULL }, "html or pdf" },
      { { "export-update", "--month", month, "--format", "html", NULL }, "-o FILE" },
      { { "export-update", "--format", "html", "-o", html, NULL }, "--month" },
      { { "export-update", "--month", month, "--format", "html", "--paper", "a4", "-o", html, NULL }, "--paper" },
      { { "export-update", "--month", month, "--format", "pdf", "-o", nowhere, NULL }, "could not be written" },
      { { "export-update", "--month", month, "--format", "html", "-o", nowhere, NULL }, "could not be written" },
      { { "list", "campaigns", "letters", NULL }, "one kind" },
    };
    guint n_files;

    g_assert_true (g_unlink (pdf) == 0);
    g_assert_true (g_unlink (csv) == 0);
    g_assert_true (g_unlink (html) == 0);
    n_files = count_files (out_dir);
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(Result) result = { 0 };
        const char * const *a = cases[i].args;

        run_cli (&result, "--database", db, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], NULL);
        assert_user_error (&result, cases[i].expected);
      }
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (html, G_FILE_TEST_EXISTS));
    /* No temporary file either. */
    g_assert_cmpuint (count_files (out_dir), ==, n_files);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/demo-then-list", test_cli_demo_then_list);
  g_test_add_func ("/cli/reproducible", test_cli_reproducible);
  g_test_add_func ("/cli/table", test_cli_table);
  g_test_add_func ("/cli/demo-twice", test_cli_demo_twice);
  g_test_add_func ("/cli/bad-arguments", test_cli_bad_arguments);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/check", test_cli_check);
  g_test_add_func ("/cli/import", test_cli_import);
  g_test_add_func ("/cli/export", test_cli_export);
  g_test_add_func ("/cli/meetings", test_cli_meetings);
  g_test_add_func ("/cli/maps", test_cli_maps);
  g_test_add_func ("/cli/campaigns", test_cli_campaigns);

  return g_test_run ();
}
