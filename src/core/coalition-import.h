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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionImportSummary, coalition_import_summary_free)

G_END_DECLS
