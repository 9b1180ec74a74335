/* test-crash.c — SIGKILL at random moments during imports, edits and exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One database lives through every kill. Each round starts a real process
 * — coalition-cli importing a CSV of a few thousand people, crash-writer
 * editing people, meetings and power-map nodes, or coalition-cli writing an
 * export or a PDF — and kills it with SIGKILL after a random delay (seeded,
 * so a failure can be replayed). After every round the file must pass
 * SQLite's integrity and foreign-key checks, hold every write the writer
 * reported as saved, hold each import whole or not at all, and every export
 * must be either absent or the same as one made without a kill.
 *
 * COALITION_CRASH_KILLS sets how many kills (30 by default), and
 * COALITION_CRASH_SEED the seed; bench/soak-crash runs many more.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "coalition-core.h"

#define DEFAULT_KILLS 30
#define DEFAULT_SEED 20261130
#define IMPORT_ROWS 2000

typedef enum
{
  ROUND_EDIT,
  ROUND_IMPORT,
  ROUND_EXPORT_CSV,
  ROUND_EXPORT_VCF,
  ROUND_EXPORT_ICS,
  ROUND_PRINT,
  N_ROUND_KINDS
} RoundKind;

static const struct
{
  const char *name;
  const char *file;   /* the export's output, in the output folder */
  const char *args[8];
  guint       weight;
} round_kinds[N_ROUND_KINDS] = {
  [ROUND_EDIT] = { "edit", NULL, { NULL }, 3 },
  [ROUND_IMPORT] = { "import", NULL, { NULL }, 3 },
  [ROUND_EXPORT_CSV] = { "export-csv", "members.csv", { "export-members", "--format", "csv", "-o", NULL }, 1 },
  [ROUND_EXPORT_VCF] = { "export-vcf", "members.vcf", { "export-members", "--format", "vcf", "-o", NULL }, 1 },
  [ROUND_EXPORT_ICS] = { "export-ics", "meetings.ics", { "export-ics", "--all", "-o", NULL }, 1 },
  [ROUND_PRINT] = { "print", "agenda.pdf", { "print", "agenda", "--meeting", "1", "-o", NULL }, 1 },
};

typedef struct
{
  char     *domain;     /* every e-mail address of the import ends in it */
  gboolean  reported;   /* coalition-cli said it was imported */
  gboolean  whole;      /* seen whole after a kill: must stay */
} ImportRound;

typedef struct
{
  const char  *cli;
  const char  *writer;
  char        *dir;
  char        *out_dir;
  char        *db;
  GRand       *rand;
  GHashTable  *saved;      /* "person 12" → the highest N reported saved */
  GPtrArray   *imports;    /* ImportRound */
  double       estimate[N_ROUND_KINDS];   /* seconds a run takes, to place the kills */
  guint64      next_value;
  guint        kills;
  guint        kills_of[N_ROUND_KINDS];
  guint        rounds;
  guint        finished;   /* processes that ended before their kill */
  guint        writes;     /* saves reported, over all rounds */
  guint        exports_absent;
  guint        exports_whole;
  guint        leftovers;  /* hidden temporary files a killed export left */
} Crash;

static void
import_round_free (gpointer data)
{
  ImportRound *round = data;

  g_free (round->domain);
  g_free (round);
}

/* ---------------------------------------------------------------------- */
/* Processes */

typedef struct
{
  GPid      pid;
  char     *out_path;
  char     *err_path;
  gint64    started;
  gboolean  killed;
  int       status;
  double    seconds;
} Victim;

static void
victim_clear (Victim *victim)
{
  g_clear_pointer (&victim->out_path, g_free);
  g_clear_pointer (&victim->err_path, g_free);
}

static int
open_log (const char *path)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  return fd;
}

/* A victim dies with the test: one that fails must not leave a writer
 * running. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
victim_start (Crash        *crash,
              Victim       *victim,
              const char   *name,
              const char  **argv)
{
  g_autoptr(GError) error = NULL;
  int out_fd, err_fd;

  victim->out_path = g_strdup_printf ("%s/%s.out", crash->dir, name);
  victim->err_path = g_strdup_printf ("%s/%s.err", crash->dir, name);
  out_fd = open_log (victim->out_path);
  err_fd = open_log (victim->err_path);
  victim->started = g_get_monotonic_time ();
  victim->killed = FALSE;
  g_spawn_async_with_fds (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, die_with_parent, NULL, &victim->pid,
                          -1, out_fd, err_fd, &error);
  g_assert_no_error (error);
  close (out_fd);
  close (err_fd);
}

/* SIGKILL unless it has ended already; either way it is reaped. */
static void
victim_kill (Victim *victim)
{
  pid_t done = waitpid (victim->pid, &victim->status, WNOHANG);

  g_assert_cmpint (done, >=, 0);
  if (done == 0)
    {
      g_assert_cmpint (kill (victim->pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (victim->pid, &victim->status, 0), ==, victim->pid);
      victim->killed = WIFSIGNALED (victim->status) && WTERMSIG (victim->status) == SIGKILL;
    }
  victim->seconds = (g_get_monotonic_time () - victim->started) / (double)G_USEC_PER_SEC;
  g_spawn_close_pid (victim->pid);
}

static gboolean
victim_succeeded (const Victim *victim)
{
  return !victim->killed && WIFEXITED (victim->status) && WEXITSTATUS (victim->status) == 0;
}

/* A process that ended on its own must have succeeded. */
static void
assert_not_failed (const Victim *victim)
{
  g_autofree char *err = NULL;

  if (victim->killed || victim_succeeded (victim))
    return;
  g_file_get_contents (victim->err_path, &err, NULL, NULL);
  g_error ("a process ended with status %d: %s", victim->status, err ? err : "");
}

static void
run_cli (Crash       *crash,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status = 0;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer)crash->cli);
  g_ptr_array_add (argv, (gpointer)"--database");
  g_ptr_array_add (argv, crash->db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("coalition-cli %s failed: %s", args[0], err);
}

/* ---------------------------------------------------------------------- */
/* What must hold after a kill */

static sqlite3 *
open_raw (Crash *crash)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (crash->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static sqlite3_stmt *
query (sqlite3    *db,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = query (db, sql);
  gint64 value;

  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static guint64
value_number (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "crash "));
  return g_ascii_strtoull (text + strlen ("crash "), NULL, 10);
}

static void
check_saved (sqlite3    *db,
             const char *key,
             guint64     expected)
{
  g_auto(GStrv) parts = g_strsplit (key, " ", 2);
  gint64 id = g_ascii_strtoll (parts[1], NULL, 10);
  sqlite3_stmt *stmt;
  guint64 found;

  if (g_str_equal (parts[0], "person"))
    stmt = query (db, "SELECT notes FROM person WHERE id = ?");
  else if (g_str_equal (parts[0], "meeting"))
    stmt = query (db, "SELECT location FROM meeting WHERE id = ?");
  else
    stmt = query (db, "SELECT h.note, h.stance = n.stance AND h.influence = n.influence "
                      "FROM map_node_history h JOIN map_node n ON n.id = h.node_id "
                      "WHERE h.node_id = ? ORDER BY h.id DESC LIMIT 1");
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  found = value_number ((const char *)sqlite3_column_text (stmt, 0));
  /* What was reported, or a later write committed just before the kill. */
  if (found < expected)
    g_error ("%s: reported saved as “crash %" G_GUINT64_FORMAT "”, the file has “crash %" G_GUINT64_FORMAT "”",
             key, expected, found);
  /* A node is where its last recorded move put it. */
  if (sqlite3_column_count (stmt) > 1)
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  sqlite3_finalize (stmt);
}

static void
check_database (Crash *crash)
{
  sqlite3 *db = open_raw (crash);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;

  stmt = query (db, "PRAGMA integrity_check");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  stmt = query (db, "PRAGMA foreign_key_check");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_error ("a row of %s points to nothing", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  /* The search index: sound, one row a person, and no bulk write left
   * half-done. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO person_search (person_search) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM person_search"), ==,
                   query_int (db, "SELECT count(*) FROM person"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM setting WHERE key = 'search-index-deferred'"), ==, 0);

  g_hash_table_iter_init (&iter, crash->saved);
  while (g_hash_table_iter_next (&iter, &key, &value))
    check_saved (db, key, *(guint64 *)value);

  /* Each import wholly there or wholly absent. */
  stmt = query (db, "SELECT count(DISTINCT person_id) FROM person_email WHERE address LIKE ?");
  for (guint i = 0; i < crash->imports->len; i++)
    {
      ImportRound *round = crash->imports->pdata[i];
      g_autofree char *pattern = g_strconcat ("%@", round->domain, NULL);
      gint64 n;

      sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      n = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (n != 0 && n != IMPORT_ROWS)
        g_error ("the import %s is in part: %" G_GINT64_FORMAT " of %d people", round->domain, n, IMPORT_ROWS);
      if ((round->reported || round->whole) && n != IMPORT_ROWS)
        g_error ("the import %s was done, and is gone", round->domain);
      round->whole = n == IMPORT_ROWS;
    }
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Reads what the writer reported; a line cut by the kill is not a report. */
static void
collect_saved (Crash        *crash,
               const Victim *writer)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (writer->out_path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      /* saved KIND ID crash N */
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 0);
      g_autofree char *key = NULL;
      guint64 number, *known;

      g_assert_cmpuint (g_strv_length (words), ==, 5);
      g_assert_cmpstr (words[0], ==, "saved");
      g_assert_cmpstr (words[3], ==, "crash");
      key = g_strdup_printf ("%s %s", words[1], words[2]);
      number = g_ascii_strtoull (words[4], NULL, 10);
      known = g_hash_table_lookup (crash->saved, key);
      if (known == NULL)
        g_hash_table_insert (crash->saved, g_steal_pointer (&key), g_memdup2 (&number, sizeof number));
      else
        *known = MAX (*known, number);
      crash->writes++;
    }
}

/* The same bytes, but for what is made of the clock: a calendar's DTSTAMP
 * and a PDF's creation date. */
static char *
normalized (const char *path,
            gsize      *length)
{
  char *data = NULL;
  g_autoptr(GRegex) stamp = g_regex_new ("DTSTAMP:[0-9TZ]+|/CreationDate \\(D:[0-9Z+'-]+\\)", G_REGEX_RAW, 0, NULL);

  if (!g_file_get_contents (path, &data, length, NULL))
    return NULL;
  {
    char *cleaned = g_regex_replace_literal (stamp, data, *length, 0, "STAMP", 0, NULL);

    g_free (data);
    *length = strlen (cleaned);
    return cleaned;
  }
}

static void
check_export (Crash        *crash,
              RoundKind     kind,
              const Victim *victim)
{
  g_autofree char *target = g_build_filename (crash->out_dir, round_kinds[kind].file, NULL);
  g_autofree char *reference = g_build_filename (crash->dir, round_kinds[kind].file, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GDir) dir = NULL;
  g_autofree char *made = NULL;
  g_autofree char *expected = NULL;
  gsize made_length = 0, expected_length = 0;
  const char *name;

  /* Besides the file, at most the hidden temporary file of a killed write. */
  dir = g_dir_open (crash->out_dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (crash->out_dir, name, NULL);

      if (g_str_equal (name, round_kinds[kind].file))
        continue;
      if (!g_str_has_prefix (name, ".coalition-"))
        g_error ("an export left “%s” beside its file", name);
      g_assert_true (victim->killed);
      crash->leftovers++;
      g_unlink (path);
    }

  if (!g_file_test (target, G_FILE_TEST_EXISTS))
    {
      if (victim_succeeded (victim))
        g_error ("%s reported success and wrote nothing", round_kinds[kind].name);
      crash->exports_absent++;
      return;
    }

  /* Nothing has changed since: the same export, unhurried. */
  for (guint i = 0; round_kinds[kind].args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer)round_kinds[kind].args[i]);
  g_ptr_array_add (args, reference);
  g_ptr_array_add (args, NULL);
  run_cli (crash, (const char **)args->pdata);

  made = normalized (target, &made_length);
  expected = normalized (reference, &expected_length);
  g_assert_nonnull (made);
  g_assert_nonnull (expected);
  if (made_length != expected_length || memcmp (made, expected, made_length) != 0)
    g_error ("%s: the file left after the kill (%" G_GSIZE_FORMAT " bytes) is not the whole export (%"
             G_GSIZE_FORMAT " bytes)", round_kinds[kind].name, made_length, expected_length);
  crash->exports_whole++;
  g_unlink (target);
  g_unlink (reference);
}

/* ---------------------------------------------------------------------- */
/* Rounds */

static char *
write_import_csv (Crash *crash,
                  guint  number)
{
  g_autoptr(GString) csv = g_string_new ("Name,E-mail,Phone,Notes\r\n");
  g_autofree char *path = g_strdup_printf ("%s/import-%u.csv", crash->dir, number);
  ImportRound *round = g_new0 (ImportRound, 1);

  round->domain = g_strdup_printf ("r%u.crash.example", number);
  for (guint i = 0; i < IMPORT_ROWS; i++)
    g_string_append_printf (csv, "Crash%u Person%u,p%u@%s,+1 555 %04u %04u,\"Imported in round %u, row %u\"\r\n",
                            number, i, i, round->domain, number % 10000, i, number, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  g_ptr_array_add (crash->imports, round);

  return g_steal_pointer (&path);
}

static void
start_writer (Crash  *crash,
              Victim *writer)
{
  g_autofree char *seed = g_strdup_printf ("%u", g_rand_int (crash->rand));
  g_autofree char *first = g_strdup_printf ("%" G_GUINT64_FORMAT, crash->next_value);
  const char *argv[] = { crash->writer, crash->db, seed, first, NULL };

  /* Numbers go up from round to round, so the last report is the largest. */
  crash->next_value += 10000000;
  victim_start (crash, writer, "writer", argv);
}

static void
count_kill (Crash        *crash,
            RoundKind     kind,
            const Victim *victim)
{
  if (victim->killed)
    {
      crash->kills++;
      crash->kills_of[kind]++;
    }
  else
    {
      crash->finished++;
      /* Place later kills inside the run, however long it takes now. */
      crash->estimate[kind] = MAX (crash->estimate[kind], victim->seconds);
    }
}

/* Anywhere in the run, or (half the time) near its end, where a file is
 * written and an import commits. */
static void
sleep_before_kill (Crash     *crash,
                   RoundKind  kind)
{
  double fraction = g_rand_boolean (crash->rand) ? g_rand_double_range (crash->rand, 0, 1.1)
                                                 : g_rand_double_range (crash->rand, 0.75, 1.05);

  g_usleep ((gulong)(fraction * crash->estimate[kind] * G_USEC_PER_SEC));
}

/* Still running; a process that has ended is left to victim_kill () to reap. */
static gboolean
is_running (const Victim *victim)
{
  siginfo_t info = { 0 };

  g_assert_cmpint (waitid (P_PID, victim->pid, &info, WEXITED | WNOHANG | WNOWAIT), ==, 0);
  return info.si_pid == 0;
}

static gboolean
folder_is_empty (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir == NULL || g_dir_read_name (dir) == NULL;
}

/* Until the export begins to write its file (or has ended), and then a
 * random moment of up to two milliseconds: the window in which a file can
 * be left in part. */
static void
sleep_until_writing (Crash  *crash,
                     Victim *victim)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (folder_is_empty (crash->out_dir) && g_get_monotonic_time () < deadline && is_running (victim))
    g_usleep (50);
  g_usleep (g_rand_int_range (crash->rand, 0, 2000));
}

static void
run_round (Crash     *crash,
           RoundKind  kind)
{
  Victim writer = { 0 }, victim = { 0 };

  crash->rounds++;
  switch (kind)
    {
    case ROUND_EDIT:
      start_writer (crash, &writer);
      sleep_before_kill (crash, kind);
      victim_kill (&writer);
      assert_not_failed (&writer);
      g_assert_true (writer.killed);
      count_kill (crash, kind, &writer);
      collect_saved (crash, &writer);
      break;

    case ROUND_IMPORT:
      {
        g_autofree char *csv = write_import_csv (crash, crash->imports->len);
        const char *argv[] = { crash->cli, "--database", crash->db, "import-members", csv, NULL };
        ImportRound *round = g_ptr_array_index (crash->imports, crash->imports->len - 1);

        /* The writer keeps editing while the import holds the file. */
        start_writer (crash, &writer);
        victim_start (crash, &victim, "import", argv);
        sleep_before_kill (crash, kind);
        victim_kill (&victim);
        victim_kill (&writer);
        assert_not_failed (&victim);
        assert_not_failed (&writer);
        count_kill (crash, kind, &victim);
        count_kill (crash, ROUND_EDIT, &writer);
        collect_saved (crash, &writer);
        round->reported = victim_succeeded (&victim);
        g_unlink (csv);
      }
      break;

    default:
      {
        g_autofree char *target = g_build_filename (crash->out_dir, round_kinds[kind].file, NULL);
        g_autoptr(GPtrArray) argv = g_ptr_array_new ();

        g_unlink (target);
        g_ptr_array_add (argv, (gpointer)crash->cli);
        g_ptr_array_add (argv, (gpointer)"--database");
        g_ptr_array_add (argv, crash->db);
        for (guint i = 0; round_kinds[kind].args[i] != NULL; i++)
          g_ptr_array_add (argv, (gpointer)round_kinds[kind].args[i]);
        g_ptr_array_add (argv, target);
        g_ptr_array_add (argv, NULL);
        victim_start (crash, &victim, "export", (const char **)argv->pdata);
        if (g_rand_boolean (crash->rand))
          sleep_before_kill (crash, kind);
        else
          sleep_until_writing (crash, &victim);
        victim_kill (&victim);
        assert_not_failed (&victim);
        count_kill (crash, kind, &victim);
        check_export (crash, kind, &victim);
      }
      break;
    }

  check_database (crash);
  victim_clear (&writer);
  victim_clear (&victim);
}

static RoundKind
choose_round (Crash *crash)
{
  guint total = 0, choice;

  for (guint k = 0; k < N_ROUND_KINDS; k++)
    total += round_kinds[k].weight;
  choice = g_rand_int_range (crash->rand, 0, total);
  for (guint k = 0; k < N_ROUND_KINDS; k++)
    {
      if (choice < round_kinds[k].weight)
        return k;
      choice -= round_kinds[k].weight;
    }
  g_assert_not_reached ();
}

/* How long each kind of run takes here, unkilled: the kills are placed
 * within it. */
static void
calibrate (Crash *crash)
{
  for (guint k = 0; k < N_ROUND_KINDS; k++)
    {
      gint64 start = g_get_monotonic_time ();

      if (k == ROUND_EDIT)
        {
          crash->estimate[k] = 0.3;
          continue;
        }
      if (k == ROUND_IMPORT)
        {
          /* Into a copy, so that the exports stay small. */
          g_autofree char *csv = write_import_csv (crash, 0);
          g_autofree char *db = g_steal_pointer (&crash->db);
          g_autofree char *copy = g_strconcat (db, ".copy", NULL);
          g_autofree char *data = NULL;
          gsize length;

          g_assert_true (g_file_get_contents (db, &data, &length, NULL));
          g_assert_true (g_file_set_contents (copy, data, length, NULL));
          crash->db = copy;
          start = g_get_monotonic_time ();
          run_cli (crash, (const char *[]) { "import-members", csv, NULL });
          crash->db = g_steal_pointer (&db);
          g_ptr_array_set_size (crash->imports, 0);
          g_unlink (copy);
        }
      else
        {
          g_autofree char *target = g_build_filename (crash->dir, round_kinds[k].file, NULL);
          g_autoptr(GPtrArray) args = g_ptr_array_new ();

          for (guint i = 0; round_kinds[k].args[i] != NULL; i++)
            g_ptr_array_add (args, (gpointer)round_kinds[k].args[i]);
          g_ptr_array_add (args, target);
          g_ptr_array_add (args, NULL);
          run_cli (crash, (const char **)args->pdata);
          g_unlink (target);
        }
      crash->estimate[k] = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
    }
}

static void
test_crash_kill_anywhere (void)
{
  const char *kills_text = g_getenv ("COALITION_CRASH_KILLS");
  const char *seed_text = g_getenv ("COALITION_CRASH_SEED");
  guint kills = kills_text ? (guint)g_ascii_strtoull (kills_text, NULL, 10) : DEFAULT_KILLS;
  guint32 seed = seed_text ? (guint32)g_ascii_strtoull (seed_text, NULL, 10) : DEFAULT_SEED;
  Crash crash = { 0 };
  gint64 start = g_get_monotonic_time ();
  g_autofree char *summary = NULL;

  crash.cli = g_getenv ("COALITION_CLI");
  crash.writer = g_getenv ("COALITION_CRASH_WRITER");
  if (crash.cli == NULL || crash.writer == NULL)
    {
      g_test_skip ("COALITION_CLI and COALITION_CRASH_WRITER name the programs to kill (meson test sets them)");
      return;
    }

  crash.dir = g_build_filename (g_get_user_data_dir (), "crash", NULL);
  crash.out_dir = g_build_filename (crash.dir, "out", NULL);
  crash.db = g_build_filename (crash.dir, "coalition.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (crash.out_dir, 0700), ==, 0);
  crash.rand = g_rand_new_with_seed (seed);
  crash.saved = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  crash.imports = g_ptr_array_new_with_free_func (import_round_free);
  crash.next_value = 1;
  g_test_message ("seed %u (COALITION_CRASH_SEED), %u kills (COALITION_CRASH_KILLS)", seed, kills);

  run_cli (&crash, (const char *[]) { "demo", "--people", "300", "--seed", "7", NULL });
  calibrate (&crash);
  check_database (&crash);

  while (crash.kills < kills)
    run_round (&crash, choose_round (&crash));

  /* And the program's own check agrees. */
  run_cli (&crash, (const char *[]) { "check", NULL });

  {
    guint whole = 0;

    for (guint i = 0; i < crash.imports->len; i++)
      whole += ((ImportRound *)crash.imports->pdata[i])->whole;
    summary = g_strdup_printf ("survived %u kills in %u rounds (%u importing, %u editing, %u exporting or printing; "
                               "%u runs ended before their kill) in %.1f s: %u saves reported and found, "
                               "%u imports whole and %u absent, %u exports whole and %u absent, "
                               "%u hidden temporary files left by killed exports; seed %u",
                               crash.kills, crash.rounds, crash.kills_of[ROUND_IMPORT], crash.kills_of[ROUND_EDIT],
                               crash.kills - crash.kills_of[ROUND_IMPORT] - crash.kills_of[ROUND_EDIT],
                               crash.finished, (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC,
                               crash.writes, whole, crash.imports->len - whole, crash.exports_whole,
                               crash.exports_absent, crash.leftovers, seed);
  }
  g_test_message ("%s", summary);
  if (g_getenv ("COALITION_CRASH_REPORT") != NULL)
    g_assert_true (g_file_set_contents (g_getenv ("COALITION_CRASH_REPORT"), summary, -1, NULL));

  g_hash_table_unref (crash.saved);
  g_ptr_array_unref (crash.imports);
  g_rand_free (crash.rand);
  g_free (crash.db);
  g_free (crash.out_dir);
  g_free (crash.dir);
}

/* ---------------------------------------------------------------------- */
/* A kill while an old file is copied aside and migrated */

#define MIGRATION_PEOPLE 4000

static gint64
file_int (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  value = query_int (db, sql);
  sqlite3_close (db);
  return value;
}

static char *
file_text (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  stmt = query (db, sql);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* The version 1 fixture with thousands more people, so that copying and
 * migrating it takes long enough to be killed in the middle. */
static char *
make_old_template (const char *dir)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "coalition-v1.sql", NULL);
  g_autofree char *sql = NULL;
  char *path = g_build_filename (dir, "template-v1.db", NULL);
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "WITH RECURSIVE n (x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < "
                                 G_STRINGIFY (MIGRATION_PEOPLE) ") "
                                 "INSERT INTO person (uid, given_name, family_name, display_name, organization_id, title,"
                                 " status, notes, sort_key, created_at, updated_at) "
                                 "SELECT printf ('00000000-0000-4000-8000-%012d', x), 'Given' || x, 'Family' || x,"
                                 " 'Given' || x || ' Family' || x, 1 + x % 3, 'Member', 'member', 'Notes ' || x,"
                                 " 'family' || x, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM n;"
                                 "INSERT INTO person_email (person_id, position, label, address, is_primary) "
                                 "SELECT id, 0, 'work', 'p' || id || '@example.org', 1 FROM person WHERE id > 5;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &data, &length, NULL));
  g_assert_true (g_file_set_contents (to, data, length, NULL));
}

/* An old file, whole, with everyone in it. */
static void
assert_whole_v1 (const char *path)
{
  g_autofree char *check = file_text (path, "PRAGMA integrity_check");

  g_assert_cmpstr (check, ==, "ok");
  g_assert_cmpint (file_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (file_int (path, "SELECT count(*) FROM person"), ==, 5 + MIGRATION_PEOPLE);
}

static void
test_crash_during_migration (void)
{
  const char *kills_text = g_getenv ("COALITION_CRASH_KILLS");
  const char *seed_text = g_getenv ("COALITION_CRASH_SEED");
  guint rounds = MAX (6, (kills_text ? (guint)g_ascii_strtoull (kills_text, NULL, 10) : DEFAULT_KILLS) / 5);
  guint32 seed = seed_text ? (guint32)g_ascii_strtoull (seed_text, NULL, 10) : DEFAULT_SEED;
  Crash crash = { 0 };
  g_autofree char *template = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint at_old = 0, at_new = 0, backups = 0, leftovers = 0;
  double estimate;

  crash.cli = g_getenv ("COALITION_CLI");
  if (crash.cli == NULL)
    {
      g_test_skip ("COALITION_CLI names the program to kill (meson test sets it)");
      return;
    }
  crash.dir = g_build_filename (g_get_user_data_dir (), "migration", NULL);
  crash.db = g_build_filename (crash.dir, "old.db", NULL);
  g_assert_cmpint (g_mkdir_with_parents (crash.dir, 0700), ==, 0);
  template = make_old_template (crash.dir);

  {
    gint64 start = g_get_monotonic_time ();

    copy_file (template, crash.db);
    run_cli (&crash, (const char *[]) { "check", NULL });
    estimate = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  }

  for (guint round = 0; round < rounds; round++)
    {
      const char *argv[] = { crash.cli, "--database", crash.db, "check", NULL };
      g_autoptr(CoalitionStore) store = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      Victim victim = { 0 };
      const char *name;
      gint64 version;

      /* A fresh old file, with nothing beside it. */
      dir = g_dir_open (crash.dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_prefix (name, "old.db") || g_str_has_prefix (name, ".coalition-"))
          {
            g_autofree char *path = g_build_filename (crash.dir, name, NULL);
            g_unlink (path);
          }
      g_clear_pointer (&dir, g_dir_close);
      copy_file (template, crash.db);

      victim_start (&crash, &victim, "migration", argv);
      g_usleep ((gulong)(g_rand_double_range (rand, 0, 1.1 * estimate) * G_USEC_PER_SEC));
      victim_kill (&victim);
      assert_not_failed (&victim);
      if (victim.killed)
        crash.kills++;

      /* The file is at its old version or the new one, never between, and
       * everyone is in it. */
      version = file_int (crash.db, "PRAGMA user_version");
      if (version == 1)
        {
          assert_whole_v1 (crash.db);
          at_old++;
        }
      else
        {
          g_autofree char *check = file_text (crash.db, "PRAGMA integrity_check");

          g_assert_cmpint (version, ==, COALITION_STORE_SCHEMA_VERSION);
          g_assert_cmpstr (check, ==, "ok");
          g_assert_cmpint (file_int (crash.db, "SELECT count(*) FROM person"), ==, 5 + MIGRATION_PEOPLE);
          at_new++;
        }

      /* A copy made before migrating is there whole, or not at all. */
      dir = g_dir_open (crash.dir, 0, NULL);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (crash.dir, name, NULL);

          /* A copy cut short is left under its hidden name. */
          if (g_str_has_prefix (name, ".coalition-"))
            {
              leftovers += !g_str_has_suffix (name, "-journal");
              continue;
            }
          if (!g_str_has_prefix (name, "old.db.") || g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm"))
            continue;
          g_assert_true (g_str_has_suffix (name, ".bak"));
          assert_whole_v1 (path);
          backups++;
        }
      if (version != 1)
        {
          g_autofree char *backup = g_strconcat (crash.db, ".v1.bak", NULL);

          g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
        }

      /* And the next open finishes the work. */
      store = coalition_store_open (crash.db, &error);
      g_assert_no_error (error);
      g_assert_cmpint (coalition_store_get_schema_version (store), ==, COALITION_STORE_SCHEMA_VERSION);
      g_assert_cmpuint (coalition_store_count_people (store), ==, 5 + MIGRATION_PEOPLE);
      victim_clear (&victim);
    }

  g_test_message ("migrations: %u kills in %u rounds; the file found at version 1 %u times, at version %d %u times; "
                  "%u copies found, all whole; %u cut short under a hidden name", crash.kills, rounds, at_old,
                  COALITION_STORE_SCHEMA_VERSION, at_new, backups, leftovers);
  g_free (crash.db);
  g_free (crash.dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/crash/kill-anywhere", test_crash_kill_anywhere);
  g_test_add_func ("/crash/during-migration", test_crash_during_migration);

  return g_test_run ();
}
