/* coalition-import.h — taking in the member lists people have
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_IMPORT_ERROR (coalition_import_error_quark ())

typedef enum
{
  COALITION_IMPORT_ERROR_UNKNOWN_LAYOUT,  /* no column we can read names or e-mails from */
  COALITION_IMPORT_ERROR_UNREADABLE,      /* the file could not be read */
} CoalitionImportError;

typedef struct
{
  guint  line;
  char  *reason;
} CoalitionImportSkip;

typedef struct
{
  char      *layout;               /* "Google Contacts", "Outlook on the web"… */
  char      *encoding;
  guint      rows;                 /* data rows read, header not counted */
  guint      people_added;
  guint      people_merged;        /* matched, and something new was added */
  guint      people_unchanged;     /* matched, and nothing was new */
  guint      organizations_added;
  guint      organizations_matched;
  GPtrArray *skipped;              /* of CoalitionImportSkip */
  gboolean   dry_run;
} CoalitionImportSummary;

GQuark                  coalition_import_error_quark   (void);

/* Imports one CSV file (Google Contacts, Outlook, CiviCRM, Mailchimp, or any
 * sheet whose header names its columns) in one transaction: all of it or
 * nothing. People are the same when they share an e-mail address, or, with
 * no address, the same full name; organizations when their names match.
 * Matches are merged without losing what either side had, so importing a
 * file twice changes nothing. With @dry_run the summary is computed and
 * nothing is written. */
CoalitionImportSummary *coalition_import_file          (CoalitionStore  *store,
                                                        const char      *path,
                                                        gboolean         dry_run,
                                                        GCancellable    *cancellable,
                                                        GError         **error);
/* The same, for a file already in memory; @name is used in messages. */
CoalitionImportSummary *coalition_import_data          (CoalitionStore  *store,
                                                        const char      *data,
                                                        gsize            length,
                                                        gboolean         dry_run,
                                                        GCancellable    *cancellable,
                                                        GError         **error);
void                    coalition_import_summary_free  (CoalitionImportSummary *summary);

/* For a sheet whose columns are not recognised, the person says what each
 * column holds. */
typedef enum
{
  COALITION_IMPORT_FIELD_IGNORE,
  COALITION_IMPORT_FIELD_GIVEN_NAME,
  COALITION_IMPORT_FIELD_FAMILY_NAME,
  COALITION_IMPORT_FIELD_FULL_NAME,
  COALITION_IMPORT_FIELD_ORGANIZATION,
  COALITION_IMPORT_FIELD_TITLE,
  COALITION_IMPORT_FIELD_EMAIL,
  COALITION_IMPORT_FIELD_PHONE,
  COALITION_IMPORT_FIELD_ADDRESS,
  COALITION_IMPORT_FIELD_SKILLS,
  COALITION_IMPORT_FIELD_TAGS,
  COALITION_IMPORT_FIELD_NOTES,
  COALITION_IMPORT_FIELD_STATUS,
} CoalitionImportField;

#define COALITION_IMPORT_FIELD_LAST COALITION_IMPORT_FIELD_STATUS

const char             *coalition_import_field_get_label (CoalitionImportField field);

/* The header and first rows of a CSV file, with a guess for each column. */
typedef struct
{
  GStrv                 header;
  guint                 n_columns;
  GPtrArray            *rows;    /* of GStrv */
  CoalitionImportField *guess;   /* n_columns of them */
} CoalitionImportPreview;

/* Reads only the start of the file. */
CoalitionImportPreview *coalition_import_preview_file  (const char              *path,
                                                        guint                    max_rows,
                                                        GError                 **error);
CoalitionImportPreview *coalition_import_preview_data  (const char              *data,
                                                        gsize                    length,
                                                        guint                    max_rows,
                                                        GError                 **error);
void                    coalition_import_preview_free  (CoalitionImportPreview  *preview);

/* Imports as coalition_import_file() does, reading column i as @fields[i]. */
CoalitionImportSummary *coalition_import_file_mapped   (CoalitionStore              *store,
                                                        const char                  *path,
                                                        const CoalitionImportField  *fields,
                                                        guint                        n_fields,
                                                        gboolean                     dry_run,
                                                        GCancellable                *cancellable,
                                                        GError                     **error);
CoalitionImportSummary *coalition_import_data_mapped   (CoalitionStore              *store,
                                                        const char                  *data,
                                                        gsize                        length,
                                                        const CoalitionImportField  *fields,
                                                        guint                        n_fields,
                                                        gboolean                     dry_run,
                                                        GCancellable                *cancellable,
                                                        GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionImportSummary, coalition_import_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionImportPreview, coalition_import_preview_free)

G_END_DECLS
