/* coalition-ics.h — meetings as iCalendar (RFC 5545) for every calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-store.h"

G_BEGIN_DECLS

typedef enum
{
  COALITION_ICS_MEETING,   /* the meeting asked for (its series, when it is in one) */
  COALITION_ICS_UPCOMING,  /* every meeting that has not ended, and every series with one */
  COALITION_ICS_ALL,       /* every meeting */
} CoalitionIcsScope;

/* Reminders before each meeting, in minutes, from the "reminders" setting
 * ("60,5" unless changed; "" for none). Returns a -1-terminated array. */
int      *coalition_ics_get_reminders (CoalitionStore     *store);

/* One VCALENDAR with a VEVENT per meeting (a series is one event with its
 * RRULE, EXDATEs for cancelled occurrences and an override for each moved
 * one), a VTIMEZONE for every zone it uses, and the reminders. */
char     *coalition_ics_export        (CoalitionStore     *store,
                                       CoalitionIcsScope   scope,
                                       gint64              meeting_id,
                                       guint              *out_n_events,
                                       GError            **error);
/* The same, into @path: the whole file or, on failure, nothing. */
gboolean  coalition_ics_write_file    (CoalitionStore     *store,
                                       CoalitionIcsScope   scope,
                                       gint64              meeting_id,
                                       const char         *path,
                                       guint              *out_n_events,
                                       GError            **error);

G_END_DECLS
