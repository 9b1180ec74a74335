/* coalition-meetings-page.h — the Meetings page: preparing, running and
 * closing meetings, and the action items that follow them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_MEETINGS_PAGE (coalition_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionMeetingsPage, coalition_meetings_page, COALITION, MEETINGS_PAGE, GtkWidget)

void    coalition_meetings_page_set_store    (CoalitionMeetingsPage *self,
                                              CoalitionStore        *store);
/* Plans a new meeting: the next free evening, the standard agenda, the
 * facilitator by rotation; it is shown for editing. */
void    coalition_meetings_page_new_meeting  (CoalitionMeetingsPage *self);
/* Shows the meeting with @id; 0 shows none. */
void    coalition_meetings_page_show_meeting (CoalitionMeetingsPage *self,
                                              gint64                 id);
gint64  coalition_meetings_page_get_meeting_id (CoalitionMeetingsPage *self);

/* Signals: "toast" (const char *message) */

G_END_DECLS
