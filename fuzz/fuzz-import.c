/* fuzz-import.c — the importer: layout detection from the header, column
 * mapping, vCards, and turning rows into people and organizations
 *
 * Every import is a dry run against one empty store made at start: the
 * records are written inside a transaction that is rolled back, so the whole
 * path runs with no file written per input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-csv.h"
#include "coalition-import.h"
#include "coalition-vcard.h"
#include "fuzz-common.h"

static CoalitionStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  coalition_fuzz_init ();
  store = coalition_fuzz_open_store ();
  return 0;
}

static void
check_error (const GError *error)
{
  g_assert (error != NULL);
  g_assert (error->domain == COALITION_IMPORT_ERROR || error->domain == COALITION_CSV_ERROR ||
            error->domain == COALITION_VCARD_ERROR || error->domain == COALITION_STORE_ERROR ||
            error->domain == G_CONVERT_ERROR);
  coalition_fuzz_assert_utf8 (error->message);
}

static void
check_summary (const CoalitionImportSummary *summary)
{
  g_assert (summary->dry_run);
  coalition_fuzz_assert_utf8 (summary->layout);
  g_assert_cmpuint (summary->people_added, <=, summary->rows);
  g_assert_cmpuint (summary->organizations_added, <=, summary->rows);
  for (guint i = 0; i < summary->skipped->len; i++)
    {
      const CoalitionImportSkip *skip = g_ptr_array_index (summary->skipped, i);

      g_assert_cmpuint (skip->line, >, 0);
      coalition_fuzz_assert_utf8 (skip->reason);
    }

  /* A dry run leaves the directory as it was: empty. */
  g_assert_cmpuint (coalition_store_count_people (store), ==, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CoalitionImportPreview) preview = NULL;
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(CoalitionImportSummary) mapped = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree CoalitionImportField *fields = NULL;

  /* The layout as the file names it. */
  summary = coalition_import_data (store, (const char *)data, size, TRUE, NULL, &error);
  if (summary != NULL)
    check_summary (summary);
  else
    check_error (error);
  g_clear_error (&error);

  /* The preview the column-mapping dialog shows, and an import with the
   * columns as a person might choose them: the guesses, and every other
   * field for the columns nothing was guessed for. */
  preview = coalition_import_preview_data ((const char *)data, size, 3, &error);
  if (preview == NULL)
    {
      check_error (error);
      return 0;
    }
  g_assert_cmpuint (preview->n_columns, ==, g_strv_length (preview->header));
  g_assert_cmpuint (preview->rows->len, <=, 3);

  fields = g_new0 (CoalitionImportField, preview->n_columns);
  for (guint i = 0; i < preview->n_columns; i++)
    {
      g_assert_cmpuint (preview->guess[i], <=, COALITION_IMPORT_FIELD_LAST);
      coalition_fuzz_assert_utf8 (coalition_import_field_get_label (preview->guess[i]));
      fields[i] = preview->guess[i] != COALITION_IMPORT_FIELD_IGNORE
                  ? preview->guess[i]
                  : (CoalitionImportField)(i % (COALITION_IMPORT_FIELD_LAST + 1));
    }

  mapped = coalition_import_data_mapped (store, (const char *)data, size, fields, preview->n_columns,
                                         TRUE, NULL, &error);
  if (mapped != NULL)
    check_summary (mapped);
  else
    check_error (error);

  return 0;
}
