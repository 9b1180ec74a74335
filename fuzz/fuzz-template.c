/* fuzz-template.c — what the store reads back as structured text: agenda
 * templates (JSON) and the reminders setting, as a database file from
 * elsewhere may hold them
 *
 * Each input is written inside a transaction that is rolled back, so no
 * file is written per input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-ics.h"
#include "coalition-meetings.h"
#include "fuzz-common.h"

#include <sqlite3.h>

static CoalitionStore *store;
static GDateTime *start;
static GDateTime *end;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  coalition_fuzz_init ();
  store = coalition_fuzz_open_store ();
  start = g_date_time_new_utc (2024, 10, 27, 17, 0, 0);
  end = g_date_time_add_hours (start, 2);
  return 0;
}

static void
put (const char    *sql,
     const uint8_t *data,
     size_t         size)
{
  sqlite3 *db = coalition_store_get_handle (store);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  /* The bytes as they are: another program may have written anything. */
  sqlite3_bind_text (stmt, 1, (const char *)data, (int)size, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) times = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree int *reminders = NULL;

  if (size > G_MAXINT)
    return 0;

  g_assert (coalition_store_begin (store, &error));
  put ("INSERT INTO agenda_template (name, items) VALUES ('Fuzz', ?)", data, size);
  put ("INSERT INTO setting (key, value) VALUES ('reminders', ?)", data, size);

  items = coalition_store_get_template (store, "Fuzz", &error);
  g_assert_no_error (error);
  g_assert (items != NULL);

  /* What the agenda editor does with a template's items. */
  times = coalition_agenda_start_times (start, items);
  g_assert_cmpuint (times->len, ==, items->len + 1);
  for (guint i = 0; i < items->len; i++)
    coalition_fuzz_assert_utf8 (coalition_agenda_item_get_title (items->pdata[i]));
  coalition_agenda_overrun_minutes (start, end, items);

  reminders = coalition_ics_get_reminders (store);
  for (guint i = 0; reminders[i] != -1; i++)
    g_assert_cmpint (reminders[i], >=, 0);

  coalition_store_rollback (store);
  return 0;
}
