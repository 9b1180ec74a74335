/* coalition-enums.h — the small vocabularies shared by records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a person or organization stands with the coalition. The order is the
 * order of the outreach pipeline, then the people who are not recruited. */
typedef enum
{
  COALITION_STATUS_PROSPECT,
  COALITION_STATUS_CONTACTED,
  COALITION_STATUS_INVITED,
  COALITION_STATUS_MEMBER,
  COALITION_STATUS_FORMER,
  COALITION_STATUS_DECLINED,
  COALITION_STATUS_ALLY,
  COALITION_STATUS_TARGET,
} CoalitionStatus;

#define COALITION_STATUS_LAST COALITION_STATUS_TARGET

typedef enum
{
  COALITION_ORGANIZATION_KIND_COMMUNITY,
  COALITION_ORGANIZATION_KIND_UNION,
  COALITION_ORGANIZATION_KIND_FAITH,
  COALITION_ORGANIZATION_KIND_NONPROFIT,
  COALITION_ORGANIZATION_KIND_HEALTH,
  COALITION_ORGANIZATION_KIND_EDUCATION,
  COALITION_ORGANIZATION_KIND_BUSINESS,
  COALITION_ORGANIZATION_KIND_GOVERNMENT,
  COALITION_ORGANIZATION_KIND_MEDIA,
  COALITION_ORGANIZATION_KIND_OTHER,
} CoalitionOrganizationKind;

#define COALITION_ORGANIZATION_KIND_LAST COALITION_ORGANIZATION_KIND_OTHER

/* Core group, committees and working groups. */
typedef enum
{
  COALITION_GROUP_KIND_CORE,
  COALITION_GROUP_KIND_COMMITTEE,
  COALITION_GROUP_KIND_WORKING_GROUP,
} CoalitionGroupKind;

#define COALITION_GROUP_KIND_LAST COALITION_GROUP_KIND_WORKING_GROUP

/* What someone does in a group. */
typedef enum
{
  COALITION_ROLE_CHAIR,
  COALITION_ROLE_FACILITATOR,
  COALITION_ROLE_NOTE_TAKER,
  COALITION_ROLE_TREASURER,
  COALITION_ROLE_MEMBER,
} CoalitionRole;

#define COALITION_ROLE_LAST COALITION_ROLE_MEMBER

/* How the directory is ordered. */
typedef enum
{
  COALITION_SORT_NAME,          /* family name, then given name */
  COALITION_SORT_ORGANIZATION,  /* organization, then name; people without one last */
  COALITION_SORT_STATUS,        /* the pipeline's order, then name */
  COALITION_SORT_RECENT,        /* most recently changed first */
  COALITION_SORT_LAST_CONTACT,  /* most recently contacted first, never contacted last */
} CoalitionSort;

#define COALITION_SORT_LAST COALITION_SORT_LAST_CONTACT

/* How urgent an ask is; stored as this number. */
typedef enum
{
  COALITION_PRIORITY_NONE,
  COALITION_PRIORITY_HIGH,
  COALITION_PRIORITY_MEDIUM,
  COALITION_PRIORITY_LOW,
} CoalitionPriority;

#define COALITION_PRIORITY_LAST COALITION_PRIORITY_LOW

/* How someone from the coalition was in touch with a prospect or target. */
typedef enum
{
  COALITION_CONTACT_KIND_MEETING,
  COALITION_CONTACT_KIND_CALL,
  COALITION_CONTACT_KIND_EMAIL,
  COALITION_CONTACT_KIND_LETTER,
  COALITION_CONTACT_KIND_EVENT,
  COALITION_CONTACT_KIND_OTHER,
} CoalitionContactKind;

#define COALITION_CONTACT_KIND_LAST COALITION_CONTACT_KIND_OTHER

/* What became of a meeting. */
typedef enum
{
  COALITION_MEETING_STATUS_PLANNED,
  COALITION_MEETING_STATUS_HELD,
  COALITION_MEETING_STATUS_CANCELLED,
} CoalitionMeetingStatus;

#define COALITION_MEETING_STATUS_LAST COALITION_MEETING_STATUS_CANCELLED

/* What an agenda item is for. */
typedef enum
{
  COALITION_ITEM_KIND_INFORMATION,
  COALITION_ITEM_KIND_DISCUSSION,
  COALITION_ITEM_KIND_DECISION,
} CoalitionItemKind;

#define COALITION_ITEM_KIND_LAST COALITION_ITEM_KIND_DECISION

/* How a decision was made. */
typedef enum
{
  COALITION_DECISION_METHOD_CONSENSUS,
  COALITION_DECISION_METHOD_VOTE,
} CoalitionDecisionMethod;

#define COALITION_DECISION_METHOD_LAST COALITION_DECISION_METHOD_VOTE

/* Where an action item stands. */
typedef enum
{
  COALITION_ACTION_STATUS_OPEN,
  COALITION_ACTION_STATUS_DONE,
  COALITION_ACTION_STATUS_DROPPED,
} CoalitionActionStatus;

#define COALITION_ACTION_STATUS_LAST COALITION_ACTION_STATUS_DROPPED

/* Whether someone came to a meeting. */
typedef enum
{
  COALITION_ATTENDANCE_INVITED,
  COALITION_ATTENDANCE_PRESENT,
  COALITION_ATTENDANCE_ABSENT,
  COALITION_ATTENDANCE_EXCUSED,
} CoalitionAttendance;

#define COALITION_ATTENDANCE_LAST COALITION_ATTENDANCE_EXCUSED

#define COALITION_TYPE_GROUP_KIND (coalition_group_kind_get_type ())
GType            coalition_group_kind_get_type       (void) G_GNUC_CONST;
const char      *coalition_group_kind_to_string      (CoalitionGroupKind kind);
gboolean         coalition_group_kind_from_string    (const char         *str,
                                                      CoalitionGroupKind *out_kind);
const char      *coalition_group_kind_get_label      (CoalitionGroupKind kind);

#define COALITION_TYPE_ROLE (coalition_role_get_type ())
GType            coalition_role_get_type             (void) G_GNUC_CONST;
const char      *coalition_role_to_string            (CoalitionRole  role);
gboolean         coalition_role_from_string          (const char    *str,
                                                      CoalitionRole *out_role);
const char      *coalition_role_get_label            (CoalitionRole  role);

#define COALITION_TYPE_STATUS (coalition_status_get_type ())
GType            coalition_status_get_type           (void) G_GNUC_CONST;
/* The stable word stored in the database and written by coalition-cli. */
const char      *coalition_status_to_string          (CoalitionStatus status);
gboolean         coalition_status_from_string        (const char      *str,
                                                      CoalitionStatus *out_status);
/* The translated word shown to people. */
const char      *coalition_status_get_label          (CoalitionStatus status);

#define COALITION_TYPE_ORGANIZATION_KIND (coalition_organization_kind_get_type ())
GType            coalition_organization_kind_get_type (void) G_GNUC_CONST;
const char      *coalition_organization_kind_to_string (CoalitionOrganizationKind kind);
gboolean         coalition_organization_kind_from_string (const char                *str,
                                                          CoalitionOrganizationKind *out_kind);
const char      *coalition_organization_kind_get_label (CoalitionOrganizationKind kind);

#define COALITION_TYPE_PRIORITY (coalition_priority_get_type ())
GType            coalition_priority_get_type         (void) G_GNUC_CONST;
const char      *coalition_priority_to_string        (CoalitionPriority  priority);
gboolean         coalition_priority_from_string      (const char        *str,
                                                      CoalitionPriority *out_priority);
const char      *coalition_priority_get_label        (CoalitionPriority  priority);

#define COALITION_TYPE_CONTACT_KIND (coalition_contact_kind_get_type ())
GType            coalition_contact_kind_get_type     (void) G_GNUC_CONST;
const char      *coalition_contact_kind_to_string    (CoalitionContactKind  kind);
gboolean         coalition_contact_kind_from_string  (const char           *str,
                                                      CoalitionContactKind *out_kind);
const char      *coalition_contact_kind_get_label    (CoalitionContactKind  kind);

/* For the meeting vocabularies the value is an int holding the enum. */
#define COALITION_TYPE_MEETING_STATUS (coalition_meeting_status_get_type ())
GType            coalition_meeting_status_get_type (void) G_GNUC_CONST;
const char      *coalition_meeting_status_to_string (int value);
gboolean         coalition_meeting_status_from_string (const char *str,
                                        int        *out_value);
const char      *coalition_meeting_status_get_label (int value);

#define COALITION_TYPE_ITEM_KIND (coalition_item_kind_get_type ())
GType            coalition_item_kind_get_type (void) G_GNUC_CONST;
const char      *coalition_item_kind_to_string (int value);
gboolean         coalition_item_kind_from_string (const char *str,
                                        int        *out_value);
const char      *coalition_item_kind_get_label (int value);

#define COALITION_TYPE_DECISION_METHOD (coalition_decision_method_get_type ())
GType            coalition_decision_method_get_type (void) G_GNUC_CONST;
const char      *coalition_decision_method_to_string (int value);
gboolean         coalition_decision_method_from_string (const char *str,
                                        int        *out_value);
const char      *coalition_decision_method_get_label (int value);

#define COALITION_TYPE_ACTION_STATUS (coalition_action_status_get_type ())
GType            coalition_action_status_get_type (void) G_GNUC_CONST;
const char      *coalition_action_status_to_string (int value);
gboolean         coalition_action_status_from_string (const char *str,
                                        int        *out_value);
const char      *coalition_action_status_get_label (int value);

#define COALITION_TYPE_ATTENDANCE (coalition_attendance_get_type ())
GType            coalition_attendance_get_type (void) G_GNUC_CONST;
const char      *coalition_attendance_to_string (int value);
gboolean         coalition_attendance_from_string (const char *str,
                                        int        *out_value);
const char      *coalition_attendance_get_label (int value);

G_END_DECLS
