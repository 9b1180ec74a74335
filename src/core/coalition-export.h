/* coalition-export.h — the directory written out for other programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-store.h"

G_BEGIN_DECLS

typedef enum
{
  COALITION_EXPORT_CSV,
  COALITION_EXPORT_VCARD_3,
  COALITION_EXPORT_VCARD_4,
} CoalitionExportFormat;

/* Everyone in the directory and the organizations (in CSV, those nobody
 * belongs to: the others are in their people's rows), as
 * CSV (UTF-8, a header, Google-style numbered e-mail and phone columns that
 * Coalition and other tools read back; cells that could start a spreadsheet
 * formula are neutralised) or vCard (CRLF, lines folded at 75 octets between
 * characters, stable UID; organizations as KIND:org in 4.0). The file is
 * written whole or not at all. Returns how many records were written. */
gboolean coalition_export_members (CoalitionStore         *store,
                                   CoalitionExportFormat   format,
                                   const char             *path,
                                   guint                  *out_n_records,
                                   GError                **error);

/* The same into memory. */
GBytes  *coalition_export_members_to_bytes (CoalitionStore         *store,
                                            CoalitionExportFormat   format,
                                            guint                  *out_n_records,
                                            GError                **error);

/* Removes what a write cut short long ago left in @dir: the hidden
 * ".coalition-XXXXXX" files of coalition_export_write_file () and of the
 * copies made before a migration (with their "-journal"), once untouched
 * for an hour (a write
 * under way is never that old). Returns how many it removed. */
guint    coalition_export_remove_stale_temporaries (const char *dir);

/* @data into @path, written beside it (a hidden “.coalition-XXXXXX”) and
 * renamed over it: the whole file or, on failure, nothing, with an error in
 * G_IO_ERROR that says which file and why. The file is created mode 0600. */
gboolean coalition_export_write_file      (const char      *path,
                                           const char      *data,
                                           gsize            length,
                                           GError         **error);

/* The signatories of sign-on letter @letter_id as CSV (UTF-8 with a BOM,
 * CRLF; columns Organization, Signed by, Person, Signed on), organizations
 * first, in the letter's order; cells that could start a spreadsheet
 * formula are neutralised. The file is written whole or not at all. */
gboolean coalition_export_signatories_csv (CoalitionStore  *store,
                                           gint64           letter_id,
                                           const char      *path,
                                           GError         **error);

G_END_DECLS
