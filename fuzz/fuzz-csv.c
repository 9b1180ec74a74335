/* fuzz-csv.c — the CSV reader: encodings, delimiters, RFC 4180 quoting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-csv.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  coalition_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(CoalitionCsvTable) table = NULL;
  g_autoptr(CoalitionCsvTable) again = NULL;
  g_autoptr(GString) written = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint previous_line = 0;

  table = coalition_csv_parse ((const char *)data, size, &error);
  if (table == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == COALITION_CSV_ERROR || error->domain == G_CONVERT_ERROR);
      return 0;
    }
  g_assert_no_error (error);

  g_assert_cmpuint (table->rows->len, >, 0);
  g_assert_cmpuint (table->line_numbers->len, ==, table->rows->len);
  g_assert (table->delimiter == ',' || table->delimiter == ';' || table->delimiter == '\t');
  g_assert (table->encoding != NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = table->rows->pdata[r];
      guint line = g_array_index (table->line_numbers, guint, r);

      /* Rows start on later lines, one after another. */
      g_assert_cmpuint (line, >, previous_line);
      previous_line = line;
      for (guint i = 0; row[i] != NULL; i++)
        coalition_fuzz_assert_utf8 (row[i]);
    }

  /* What the exporter writes from these cells, under a header of its own
   * as every export has, reads back as the same cells, made safe. */
  {
    guint n_columns = g_strv_length (table->rows->pdata[0]);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < n_columns; i++)
      g_ptr_array_add (names, g_strdup_printf ("Column %u", i + 1));
    g_ptr_array_add (names, NULL);
    coalition_csv_append_row (written, (const char * const *)names->pdata);
  }
  for (guint r = 1; r < table->rows->len; r++)
    coalition_csv_append_row (written, (const char * const *)table->rows->pdata[r]);

  again = coalition_csv_parse (written->str, written->len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->delimiter, ==, ',');
  g_assert_cmpuint (again->rows->len, ==, table->rows->len);
  for (guint r = 1; r < table->rows->len; r++)
    {
      GStrv row = table->rows->pdata[r];
      GStrv read_back = again->rows->pdata[r];

      g_assert_cmpuint (g_strv_length (read_back), ==, g_strv_length (row));
      for (guint i = 0; row[i] != NULL; i++)
        {
          g_autofree char *safe = coalition_csv_neutralize (row[i]);
          g_assert_cmpstr (read_back[i], ==, safe);
        }
    }

  return 0;
}
