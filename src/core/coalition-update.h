/* coalition-update.h — the monthly update: what happened in a month and
 * what comes next, as an e-mail to the members (the PDF of the same is
 * coalition_document_new_update ())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-campaigns.h"

G_BEGIN_DECLS

typedef enum
{
  COALITION_UPDATE_MEETINGS,
  COALITION_UPDATE_DECISIONS,
  COALITION_UPDATE_WINS,
  COALITION_UPDATE_NEW_MEMBERS,
  COALITION_UPDATE_LETTERS,
  COALITION_UPDATE_ACTIONS,
} CoalitionUpdateSection;
#define COALITION_UPDATE_SECTION_LAST COALITION_UPDATE_ACTIONS

/* The section's heading, and the line it shows when it has nothing: the
 * same words in the e-mail and on paper. */
const char *coalition_update_section_get_title      (CoalitionUpdateSection  section);
const char *coalition_update_section_get_empty_text (CoalitionUpdateSection  section);
/* "Monthly update — December 2026" */
char       *coalition_update_get_title              (CoalitionUpdate        *update);
/* "12 signatories" */
char       *coalition_update_count_signatories      (guint                   n_signatories);

/* A self-contained HTML e-mail body: UTF-8, inline styles, no outside
 * resources; each meeting carries its iCalendar file in a data: link. */
char       *coalition_update_to_html                (CoalitionUpdate        *update,
                                                     CoalitionStore         *store);
/* The same into @path: the whole file or, on failure, nothing. */
gboolean    coalition_update_write_html             (CoalitionUpdate        *update,
                                                     CoalitionStore         *store,
                                                     const char             *path,
                                                     GError                **error);

G_END_DECLS
