/* coalition-meetings.h — meetings in the store: agendas with their times,
 * series, decisions, action items that come back, attendance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-action-item.h"
#include "coalition-agenda-item.h"
#include "coalition-meeting.h"
#include "coalition-store.h"

G_BEGIN_DECLS

/* ---- Time ---------------------------------------------------------------- */

/* The zone named @identifier (IANA), or NULL when the system does not know it. */
GTimeZone *coalition_zone_new               (const char  *identifier);
/* The system's own zone, by its IANA name ("UTC" when it has none). */
char      *coalition_zone_get_local_name    (void);
/* Every zone the system knows, sorted, for choosing one. */
GStrv      coalition_zone_list_all          (void);

/* GNOME's settings that hold the choice of a 12- or 24-hour clock, when
 * they are installed, else NULL; transfer none. Watch "changed::clock-format". */
GSettings *coalition_clock_settings         (void);
/* @time as a time of day on the user's clock: "18:30", or "6:30 PM" when the
 * desktop is set to the 12-hour clock. Agendas on screen and on paper, and
 * the agenda in a calendar invitation, all use it. */
char      *coalition_format_clock           (GDateTime   *time);

/* When each item of @items (CoalitionAgendaItem) starts, from @start, in
 * @start's zone; one more element at the end: when the agenda ends. Times
 * are absolute, so an agenda across a change of daylight saving time shows
 * the clock times people will see. */
GPtrArray *coalition_agenda_start_times     (GDateTime   *start,
                                             GPtrArray   *items);
/* Minutes the agenda runs past @end (0 when it fits). */
int        coalition_agenda_overrun_minutes (GDateTime   *start,
                                             GDateTime   *end,
                                             GPtrArray   *items);

/* ---- Series -------------------------------------------------------------- */

typedef enum
{
  COALITION_REPEAT_WEEKLY,          /* every @interval weeks on the first meeting's weekday */
  COALITION_REPEAT_MONTHLY_WEEKDAY, /* the @week (1-4, or -1 for the last) @weekday of the month */
  COALITION_REPEAT_MONTHLY_DATE,    /* the first meeting's day of the month */
} CoalitionRepeat;

typedef struct
{
  CoalitionRepeat repeat;
  guint           interval;   /* weeks or months between meetings, 1 or more */
  int             week;       /* for MONTHLY_WEEKDAY */
  GDateWeekday    weekday;    /* for MONTHLY_WEEKDAY */
  char           *until;      /* YYYY-MM-DD, the last day a meeting may fall on */
} CoalitionSeriesRule;

/* The rule as an iCalendar RRULE value ("FREQ=MONTHLY;BYDAY=2TU;UNTIL=…"),
 * and back. */
char      *coalition_series_rule_to_rrule   (const CoalitionSeriesRule *rule);
gboolean   coalition_series_rule_parse      (const char                *rrule,
                                             CoalitionSeriesRule       *out_rule);
void       coalition_series_rule_clear      (CoalitionSeriesRule       *rule);
/* The starts of the occurrences, @first included, at the same clock time in
 * @first's zone, at most @max of them. */
GPtrArray *coalition_series_occurrences     (GDateTime                 *first,
                                             const CoalitionSeriesRule *rule,
                                             guint                      max);

/* ---- Meetings ------------------------------------------------------------ */

gboolean          coalition_store_insert_meeting  (CoalitionStore    *self,
                                                   CoalitionMeeting  *meeting,
                                                   GError           **error);
/* Raises the sequence when the time, the place or the status changed. */
gboolean          coalition_store_update_meeting  (CoalitionStore    *self,
                                                   CoalitionMeeting  *meeting,
                                                   GError           **error);
gboolean          coalition_store_delete_meeting  (CoalitionStore    *self,
                                                   gint64             id,
                                                   GError           **error);
CoalitionMeeting *coalition_store_get_meeting     (CoalitionStore    *self,
                                                   gint64             id,
                                                   GError           **error);
/* Every meeting by start; element type CoalitionMeeting. */
GPtrArray        *coalition_store_list_meetings   (CoalitionStore    *self,
                                                   GError           **error);

/* The occurrences of @rule from @first (a saved meeting, which becomes the
 * first of the series), each a copy of it at its own date; returns how many
 * were added after it. */
gboolean          coalition_store_create_series   (CoalitionStore             *self,
                                                   CoalitionMeeting           *first,
                                                   const CoalitionSeriesRule  *rule,
                                                   guint                      *out_added,
                                                   GError                    **error);

/* Marks @meeting held. With @next_start, also plans the next meeting: same
 * group, place, zone, length and roles, on that date; its id goes to
 * @out_next_id. When the next one is already planned (a series), it is
 * given as the next and nothing is created. */
gboolean          coalition_store_close_meeting   (CoalitionStore    *self,
                                                   gint64             meeting_id,
                                                   GDateTime         *next_start,
                                                   gint64            *out_next_id,
                                                   GError           **error);
/* The next planned meeting of the same group after @meeting_id, or 0. */
gint64            coalition_store_find_next_meeting (CoalitionStore  *self,
                                                     gint64           meeting_id,
                                                     GError         **error);

/* The member of the core group who facilitated least recently (never first),
 * or 0 when there is no core group. */
gint64            coalition_store_suggest_facilitator (CoalitionStore  *self,
                                                       GError         **error);

/* ---- Agendas ------------------------------------------------------------- */

/* The agenda in order; element type CoalitionAgendaItem. */
GPtrArray        *coalition_store_list_agenda     (CoalitionStore  *self,
                                                   gint64           meeting_id,
                                                   GError         **error);
/* Makes the agenda exactly @items, in that order, in one transaction: items
 * with an id are updated, the others added (their ids are set), and items no
 * longer there removed. */
gboolean          coalition_store_set_agenda      (CoalitionStore  *self,
                                                   gint64           meeting_id,
                                                   GPtrArray       *items,
                                                   GError         **error);

/* The standard coalition meeting: welcome and introductions, review of
 * action items, reports from working groups, discussion, decisions, next
 * steps and the next meeting's date. Element type CoalitionAgendaItem. */
GPtrArray        *coalition_agenda_standard_template (void);
/* Saved templates: names in order, and the items of one. */
GStrv             coalition_store_list_templates  (CoalitionStore  *self,
                                                   GError         **error);
GPtrArray        *coalition_store_get_template    (CoalitionStore  *self,
                                                   const char      *name,
                                                   GError         **error);
/* Saves (or replaces) a template made of @items' titles, kinds and minutes. */
gboolean          coalition_store_save_template   (CoalitionStore  *self,
                                                   const char      *name,
                                                   GPtrArray       *items,
                                                   GError         **error);
/* The agenda of the previous meeting of the same group, to start from. */
GPtrArray        *coalition_store_previous_agenda (CoalitionStore  *self,
                                                   gint64           meeting_id,
                                                   GError         **error);

/* ---- Decisions ----------------------------------------------------------- */

typedef struct
{
  gint64                  id;
  gint64                  item_id;       /* the agenda item it came from, or 0 */
  char                   *text;
  CoalitionDecisionMethod method;
  char                   *blocks;        /* names, one per line */
  char                   *stand_asides;  /* names, one per line */
  guint                   votes_for;
  guint                   votes_against;
  guint                   votes_abstain;
  gboolean                by_organization;
} CoalitionDecision;

#define COALITION_TYPE_DECISION (coalition_decision_get_type ())
GType              coalition_decision_get_type (void) G_GNUC_CONST;
CoalitionDecision *coalition_decision_new      (const char              *text,
                                                CoalitionDecisionMethod  method);
CoalitionDecision *coalition_decision_copy     (const CoalitionDecision *self);
void               coalition_decision_free     (CoalitionDecision       *self);

GPtrArray        *coalition_store_list_decisions  (CoalitionStore     *self,
                                                   gint64              meeting_id,
                                                   GError            **error);
gboolean          coalition_store_add_decision    (CoalitionStore     *self,
                                                   gint64              meeting_id,
                                                   CoalitionDecision  *decision,
                                                   GError            **error);
gboolean          coalition_store_delete_decision (CoalitionStore     *self,
                                                   gint64              meeting_id,
                                                   gint64              decision_id,
                                                   GError            **error);

/* ---- Action items -------------------------------------------------------- */

gboolean          coalition_store_add_action      (CoalitionStore       *self,
                                                   CoalitionActionItem  *action,
                                                   GError              **error);
gboolean          coalition_store_set_action_status (CoalitionStore     *self,
                                                     gint64              action_id,
                                                     CoalitionActionStatus status,
                                                     GError            **error);
/* The action items agreed at @meeting_id. */
GPtrArray        *coalition_store_list_actions_of (CoalitionStore       *self,
                                                   gint64                meeting_id,
                                                   GError              **error);
/* The open action items to review at @meeting_id: those agreed at earlier
 * meetings of the same group (of any meeting, for the whole coalition). */
GPtrArray        *coalition_store_list_actions_to_review (CoalitionStore *self,
                                                          gint64          meeting_id,
                                                          GError        **error);
/* Every action item, open ones first by due date; with @open_only, only those. */
GPtrArray        *coalition_store_list_actions    (CoalitionStore       *self,
                                                   gboolean              open_only,
                                                   GError              **error);

/* ---- Attendance ---------------------------------------------------------- */

typedef struct
{
  gint64               person_id;
  char                *name;
  gint64               organization_id;   /* the organization they represent, or 0 */
  char                *organization_name;
  char                *family_name;       /* for sorting sign-in sheets */
  char                *email;             /* the main one, or NULL */
  char                *phone;
  CoalitionAttendance  status;
  gboolean             walk_in;
} CoalitionAttendee;

#define COALITION_TYPE_ATTENDEE (coalition_attendee_get_type ())
GType              coalition_attendee_get_type (void) G_GNUC_CONST;
CoalitionAttendee *coalition_attendee_copy     (const CoalitionAttendee *self);
void               coalition_attendee_free     (CoalitionAttendee       *self);

/* Everyone invited or come, by name. */
GPtrArray        *coalition_store_list_attendance (CoalitionStore      *self,
                                                   gint64               meeting_id,
                                                   GError             **error);
gboolean          coalition_store_set_attendance  (CoalitionStore      *self,
                                                   gint64               meeting_id,
                                                   gint64               person_id,
                                                   CoalitionAttendance  status,
                                                   GError             **error);
gboolean          coalition_store_remove_attendee (CoalitionStore      *self,
                                                   gint64               meeting_id,
                                                   gint64               person_id,
                                                   GError             **error);
/* Invites everyone in @group_id, or with @group_id 0 the people of every
 * member organization; returns how many were added. */
gboolean          coalition_store_invite_group    (CoalitionStore      *self,
                                                   gint64               meeting_id,
                                                   gint64               group_id,
                                                   guint               *out_added,
                                                   GError             **error);
/* Quick attendance: marks present the person called @name (the full name,
 * accents and case aside), or adds them to the directory as a walk-in when
 * nobody is; their id goes to @out_person_id. */
gboolean          coalition_store_quick_attend    (CoalitionStore      *self,
                                                   gint64               meeting_id,
                                                   const char          *name,
                                                   gint64              *out_person_id,
                                                   gboolean            *out_created,
                                                   GError             **error);

typedef struct
{
  gint64   organization_id;
  char    *name;
  guint    meetings;   /* of the last ones, those it was invited to */
  guint    present;    /* those it came to */
  guint    recent_present;   /* of its last three */
  gboolean falling;    /* came before, stopped coming lately */
} CoalitionParticipation;

void              coalition_participation_free    (CoalitionParticipation *self);
/* Each organization's attendance over the last @n_meetings held meetings. */
GPtrArray        *coalition_store_list_participation (CoalitionStore  *self,
                                                      guint            n_meetings,
                                                      GError         **error);

/* ---- Minutes ------------------------------------------------------------- */

/* A draft of the minutes from the attendance, the items' notes, the
 * decisions and the action items, to edit before they are final. */
char             *coalition_store_draft_minutes   (CoalitionStore  *self,
                                                   gint64           meeting_id,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionDecision, coalition_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionAttendee, coalition_attendee_free)

G_END_DECLS
