/* test-cli.c — coalition-cli as scripts use it: the real binary, its output
 * parsed back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

  return g_test_run ();
}
