/* coalition-csv.h — reading the CSV files people really have
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COALITION_CSV_ERROR (coalition_csv_error_quark ())

typedef enum
{
  COALITION_CSV_ERROR_EMPTY,        /* nothing but blank lines */
  COALITION_CSV_ERROR_BINARY,       /* not text at all */
  COALITION_CSV_ERROR_UNTERMINATED, /* a quoted field that never closes */
} CoalitionCsvError;

typedef struct
{
  GPtrArray  *rows;          /* of NULL-terminated arrays of cells, header first;
                              * blank rows left out */
  GArray     *line_numbers;  /* guint: the line each row starts on, from 1 */
  char        delimiter;     /* ',', ';' or '\t' */
  const char *encoding;      /* "UTF-8", "UTF-8 with BOM", "UTF-16", "Windows-1252" */
  GStringChunk *cells;       /* the text of every cell: one block per megabyte
                              * rather than an allocation per cell */
} CoalitionCsvTable;

GQuark             coalition_csv_error_quark (void);

/* Text as UTF-8, whatever it came in (UTF-8 with or without BOM, UTF-16
 * with BOM, else Windows-1252); a BINARY error for what is not text. */
char              *coalition_text_to_utf8    (const char  *data,
                                              gsize        length,
                                              const char **out_encoding,
                                              GError     **error);

/* Detects the encoding (UTF-8 with or without BOM, UTF-16 with BOM, else
 * Windows-1252) and the delimiter (from the header line), and splits the
 * text into rows as RFC 4180 says: quoted fields may hold delimiters,
 * doubled quotes and line breaks; lines end in CRLF, LF or CR. Cells come
 * out as NFC UTF-8. */
CoalitionCsvTable *coalition_csv_parse       (const char  *data,
                                              gsize        length,
                                              GError     **error);
void               coalition_csv_table_free  (CoalitionCsvTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionCsvTable, coalition_csv_table_free)

/* Whether a spreadsheet could take @cell for a formula: it begins with =,
 * +, -, @ (after any blanks), or with a tab or a line break. */
gboolean           coalition_csv_is_formula_like (const char *cell);
/* A cell made safe to open in a spreadsheet: a formula-like one is
 * prefixed with an apostrophe. */
char              *coalition_csv_neutralize  (const char  *cell);
/* Appends @cells as one CSV line (quoted where needed, CRLF) to @out. */
void               coalition_csv_append_row  (GString     *out,
                                              const char * const *cells);

G_END_DECLS
