/* coalition-meeting.h — a meeting of the coalition or one of its groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-enums.h"

G_BEGIN_DECLS

#define COALITION_TYPE_MEETING (coalition_meeting_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionMeeting, coalition_meeting, COALITION, MEETING, GObject)

CoalitionMeeting *coalition_meeting_new (void);

/* 0 until saved; set by the store. */
gint64 coalition_meeting_get_id (CoalitionMeeting *self);
void coalition_meeting_set_id (CoalitionMeeting *self, gint64 id);
/* A UUID made once by the store; "" until saved. */
const char *coalition_meeting_get_uid (CoalitionMeeting *self);
void coalition_meeting_set_uid (CoalitionMeeting *self, const char *uid);
const char *coalition_meeting_get_title (CoalitionMeeting *self);
void coalition_meeting_set_title (CoalitionMeeting *self, const char *title);
/* When it starts and ends, in its zone (NULL until set). */
GDateTime *coalition_meeting_get_start (CoalitionMeeting *self);
void coalition_meeting_set_start (CoalitionMeeting *self, GDateTime *start);
GDateTime *coalition_meeting_get_end (CoalitionMeeting *self);
void coalition_meeting_set_end (CoalitionMeeting *self, GDateTime *end);
/* Its IANA time zone, such as "America/Chicago". */
const char *coalition_meeting_get_zone (CoalitionMeeting *self);
void coalition_meeting_set_zone (CoalitionMeeting *self, const char *zone);
const char *coalition_meeting_get_location (CoalitionMeeting *self);
void coalition_meeting_set_location (CoalitionMeeting *self, const char *location);
/* The online link, or "". */
const char *coalition_meeting_get_url (CoalitionMeeting *self);
void coalition_meeting_set_url (CoalitionMeeting *self, const char *url);
/* A CoalitionMeetingStatus. */
int coalition_meeting_get_status (CoalitionMeeting *self);
void coalition_meeting_set_status (CoalitionMeeting *self, int status);
/* The group it belongs to, or 0 for the whole coalition; the name is read by the store. */
gint64 coalition_meeting_get_group_id (CoalitionMeeting *self);
void coalition_meeting_set_group_id (CoalitionMeeting *self, gint64 group_id);
const char *coalition_meeting_get_group_name (CoalitionMeeting *self);
void coalition_meeting_set_group_name (CoalitionMeeting *self, const char *group_name);
/* Its roles: people in the directory, or 0; their names are read by the store. */
gint64 coalition_meeting_get_facilitator_id (CoalitionMeeting *self);
void coalition_meeting_set_facilitator_id (CoalitionMeeting *self, gint64 facilitator_id);
const char *coalition_meeting_get_facilitator_name (CoalitionMeeting *self);
void coalition_meeting_set_facilitator_name (CoalitionMeeting *self, const char *facilitator_name);
gint64 coalition_meeting_get_note_taker_id (CoalitionMeeting *self);
void coalition_meeting_set_note_taker_id (CoalitionMeeting *self, gint64 note_taker_id);
const char *coalition_meeting_get_note_taker_name (CoalitionMeeting *self);
void coalition_meeting_set_note_taker_name (CoalitionMeeting *self, const char *note_taker_name);
gint64 coalition_meeting_get_timekeeper_id (CoalitionMeeting *self);
void coalition_meeting_set_timekeeper_id (CoalitionMeeting *self, gint64 timekeeper_id);
const char *coalition_meeting_get_timekeeper_name (CoalitionMeeting *self);
void coalition_meeting_set_timekeeper_name (CoalitionMeeting *self, const char *timekeeper_name);
/* The series it is an occurrence of, or 0. */
gint64 coalition_meeting_get_series_id (CoalitionMeeting *self);
void coalition_meeting_set_series_id (CoalitionMeeting *self, gint64 series_id);
/* The minutes as edited before they are final. */
const char *coalition_meeting_get_minutes (CoalitionMeeting *self);
void coalition_meeting_set_minutes (CoalitionMeeting *self, const char *minutes);
gboolean coalition_meeting_get_minutes_final (CoalitionMeeting *self);
void coalition_meeting_set_minutes_final (CoalitionMeeting *self, gboolean minutes_final);
/* Raised by the store at every change of time, place or status (for calendars). */
int coalition_meeting_get_sequence (CoalitionMeeting *self);
void coalition_meeting_set_sequence (CoalitionMeeting *self, int sequence);
/* UTC ISO 8601, set by the store. */
const char *coalition_meeting_get_created_at (CoalitionMeeting *self);
void coalition_meeting_set_created_at (CoalitionMeeting *self, const char *created_at);
const char *coalition_meeting_get_updated_at (CoalitionMeeting *self);
void coalition_meeting_set_updated_at (CoalitionMeeting *self, const char *updated_at);

G_END_DECLS
