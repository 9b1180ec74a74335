/* coalition-csv.c — reading the CSV files people really have
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "coalition-csv.h"

G_DEFINE_QUARK (coalition-csv-error-quark, coalition_csv_error)

void
coalition_csv_table_free (CoalitionCsvTable *table)
{
  if (table == NULL)
    return;

  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->line_numbers, g_array_unref);
  g_clear_pointer (&table->cells, g_string_chunk_free);
  g_free (table);
}

char *
coalition_text_to_utf8 (const char  *data,
         gsize        length,
         const char **out_encoding,
         GError     **error)
{
  static const guchar utf8_bom[] = { 0xEF, 0xBB, 0xBF };
  char *text;

  if (length >= 2 && ((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE))
    {
      *out_encoding = "UTF-16";
      return g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, NULL, error);
    }
  if (length >= 2 && ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF))
    {
      *out_encoding = "UTF-16";
      return g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, NULL, error);
    }

  /* NUL bytes do not occur in text files of any 8-bit encoding. */
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, COALITION_CSV_ERROR, COALITION_CSV_ERROR_BINARY,
                           _("This file is not a spreadsheet or text file. Export the member list "
                             "as CSV and import that."));
      return NULL;
    }

  if (length >= 3 && memcmp (data, utf8_bom, 3) == 0)
    {
      *out_encoding = "UTF-8 with BOM";
      data += 3, length -= 3;
      if (g_utf8_validate_len (data, length, NULL))
        return g_strndup (data, length);
    }
  else if (g_utf8_validate_len (data, length, NULL))
    {
      *out_encoding = "UTF-8";
      return g_strndup (data, length);
    }

  /* Excel and classic Outlook on Windows write Windows-1252. Its five
   * unassigned bytes do not occur in real exports; read them as Latin-1
   * rather than fail. */
  *out_encoding = "Windows-1252";
  text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (text == NULL)
    text = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, NULL, error);

  return text;
}

/* The delimiter that splits the header line into the most fields. */
static char
detect_delimiter (const char *text)
{
  const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  char best = ',';
  guint best_count = 0;

  for (const char *p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          if (*p == candidates[i])
            counts[i]++;
    }

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > best_count)
      {
        best = candidates[i];
        best_count = counts[i];
      }

  return best;
}

static gboolean
row_is_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = g_ptr_array_index (fields, i);

      for (const char *p = field; *p; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }

  return TRUE;
}

static void
end_field (CoalitionCsvTable *table,
           GPtrArray         *fields,
           GString           *field)
{
  gboolean ascii = TRUE;

  /* Most cells are ASCII, which is its own NFC. */
  for (gsize i = 0; i < field->len && ascii; i++)
    ascii = (guchar)field->str[i] < 0x80;
  if (ascii)
    g_ptr_array_add (fields, g_string_chunk_insert_len (table->cells, field->str, field->len));
  else
    {
      g_autofree char *nfc = g_utf8_normalize (field->str, field->len, G_NORMALIZE_DEFAULT_COMPOSE);

      g_ptr_array_add (fields, g_string_chunk_insert (table->cells, nfc ? nfc : ""));
    }
  g_string_truncate (field, 0);
}

static void
end_row (CoalitionCsvTable *table,
         GPtrArray         *fields,
         guint              line)
{
  if (!row_is_blank (fields))
    {
      /* @fields keeps its room for the next row rather than growing
       * again from nothing. */
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (table->rows, g_memdup2 (fields->pdata, fields->len * sizeof (char *)));
      g_ptr_array_set_size (fields, 0);
      g_array_append_val (table->line_numbers, line);
    }
  else
    g_ptr_array_set_size (fields, 0);
}

CoalitionCsvTable *
coalition_csv_parse (const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(CoalitionCsvTable) table = g_new0 (CoalitionCsvTable, 1);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  g_autofree char *text = NULL;
  const char *encoding = NULL;
  gboolean quoted = FALSE;
  gboolean field_started = FALSE;
  guint line = 1, row_line = 1, quote_line = 0;
  const char *p;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  text = coalition_text_to_utf8 (data ? data : "", length, &encoding, error);
  if (text == NULL)
    return NULL;

  table->rows = g_ptr_array_new_with_free_func (g_free);
  table->cells = g_string_chunk_new (1024 * 1024);
  table->line_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  table->encoding = encoding;
  table->delimiter = detect_delimiter (text);

  for (p = text; *p; p++)
    {
      char c = *p;

      if (quoted)
        {
          if (c == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (c == '"')
            quoted = FALSE;
          else if (c == '\r' && p[1] == '\n')
            continue;   /* a line break inside a cell is kept as LF */
          else
            {
              if (c == '\n' || c == '\r')
                line++;
              g_string_append_c (field, c == '\r' ? '\n' : c);
            }
          continue;
        }

      if (c == '"' && field->len == 0 && !field_started)
        {
          quoted = TRUE;
          field_started = TRUE;
          quote_line = line;
        }
      else if (c == table->delimiter)
        {
          end_field (table, fields, field);
          field_started = FALSE;
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && p[1] == '\n')
            p++;
          end_field (table, fields, field);
          field_started = FALSE;
          end_row (table, fields, row_line);
          line++;
          row_line = line;
        }
      else
        {
          g_string_append_c (field, c);
          field_started = TRUE;
        }
    }

  if (quoted)
    {
      g_set_error (error, COALITION_CSV_ERROR, COALITION_CSV_ERROR_UNTERMINATED,
                   _("Line %u: a quoted field is never closed, so the file seems cut short. "
                     "Export it again and import the new file."), quote_line);
      return NULL;
    }

  if (field->len > 0 || fields->len > 0)
    {
      end_field (table, fields, field);
      end_row (table, fields, row_line);
    }

  if (table->rows->len == 0)
    {
      g_set_error_literal (error, COALITION_CSV_ERROR, COALITION_CSV_ERROR_EMPTY,
                           _("The file is empty: there is no header row and nobody to import."));
      return NULL;
    }

  return g_steal_pointer (&table);
}

gboolean
coalition_csv_is_formula_like (const char *cell)
{
  const char *p = cell;

  if (cell == NULL)
    return FALSE;
  while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
    p++;

  return (*p != '\0' && strchr ("=+-@", *p) != NULL) || (p != cell && *cell != ' ');
}

char *
coalition_csv_neutralize (const char *cell)
{
  if (cell == NULL)
    return g_strdup ("");

  /* Spreadsheets skip blanks before a formula (LibreOffice when asked to
   * trim spaces, Excel for some), so what counts is the first character
   * after them. */
  if (coalition_csv_is_formula_like (cell))
    return g_strconcat ("'", cell, NULL);

  return g_strdup (cell);
}

void
coalition_csv_append_row (GString            *out,
                          const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *safe = coalition_csv_neutralize (cells[i]);

      if (i > 0)
        g_string_append_c (out, ',');

      if (strpbrk (safe, ",\"\r\n") != NULL || safe[0] == ' ' ||
          (safe[0] != '\0' && safe[strlen (safe) - 1] == ' '))
        {
          g_string_append_c (out, '"');
          for (const char *p = safe; *p; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, safe);
    }

  g_string_append (out, "\r\n");
}
