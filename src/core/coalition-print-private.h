/* coalition-print-private.h — the words documents share, so that a
 * printed page and an e-mail say a date or a decision the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-meetings.h"

G_BEGIN_DECLS

/* A day (YYYY-MM-DD) as a table shows it: "20 Dec 2026". */
char *coalition_print_format_date      (const char              *iso);
/* A day written out as the locale writes it, "8 December 2026"; today
 * for NULL or "". */
char *coalition_print_format_long_date (const char              *iso);
/* "Tuesday 8 December 2026, 18:30–20:30 PST (America/Los_Angeles)" */
char *coalition_print_meeting_when     (CoalitionMeeting        *meeting);
/* How it was decided: "consensus", "vote: 14 for, 2 against, 1 abstaining"… */
char *coalition_print_decision_how     (const CoalitionDecision *decision);

G_END_DECLS
