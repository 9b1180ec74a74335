/* coalition-enums.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "coalition-enums.h"

G_DEFINE_ENUM_TYPE (CoalitionStatus, coalition_status,
  G_DEFINE_ENUM_VALUE (COALITION_STATUS_PROSPECT, "prospect"),
  G_DEFINE_ENUM_VALUE (COALITION_STATUS_CONTACTED, "contacted"),
  G_DEFINE_ENUM_VALUE (COALITION_STATUS_INVITED, "invited"),
  G_DEFINE_ENUM_VALUE (COALITION_STATUS_MEMBER, "member"),
  G_DEFINE_ENUM_VALUE (COALITION_STATUS_FORMER, "former"),
  G_DEFINE_ENUM_VALUE (COALITION_STATUS_DECLINED, "declined"),
  G_DEFINE_ENUM_VALUE (COALITION_STATUS_ALLY, "ally"),
  G_DEFINE_ENUM_VALUE (COALITION_STATUS_TARGET, "target"))

G_DEFINE_ENUM_TYPE (CoalitionOrganizationKind, coalition_organization_kind,
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_COMMUNITY, "community"),
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_UNION, "union"),
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_FAITH, "faith"),
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_NONPROFIT, "nonprofit"),
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_HEALTH, "health"),
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_EDUCATION, "education"),
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_BUSINESS, "business"),
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_GOVERNMENT, "government"),
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_MEDIA, "media"),
  G_DEFINE_ENUM_VALUE (COALITION_ORGANIZATION_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CoalitionGroupKind, coalition_group_kind,
  G_DEFINE_ENUM_VALUE (COALITION_GROUP_KIND_CORE, "core-group"),
  G_DEFINE_ENUM_VALUE (COALITION_GROUP_KIND_COMMITTEE, "committee"),
  G_DEFINE_ENUM_VALUE (COALITION_GROUP_KIND_WORKING_GROUP, "working-group"))

G_DEFINE_ENUM_TYPE (CoalitionRole, coalition_role,
  G_DEFINE_ENUM_VALUE (COALITION_ROLE_CHAIR, "chair"),
  G_DEFINE_ENUM_VALUE (COALITION_ROLE_FACILITATOR, "facilitator"),
  G_DEFINE_ENUM_VALUE (COALITION_ROLE_NOTE_TAKER, "note-taker"),
  G_DEFINE_ENUM_VALUE (COALITION_ROLE_TREASURER, "treasurer"),
  G_DEFINE_ENUM_VALUE (COALITION_ROLE_MEMBER, "member"))

G_DEFINE_ENUM_TYPE (CoalitionPriority, coalition_priority,
  G_DEFINE_ENUM_VALUE (COALITION_PRIORITY_NONE, "none"),
  G_DEFINE_ENUM_VALUE (COALITION_PRIORITY_HIGH, "high"),
  G_DEFINE_ENUM_VALUE (COALITION_PRIORITY_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (COALITION_PRIORITY_LOW, "low"))

G_DEFINE_ENUM_TYPE (CoalitionContactKind, coalition_contact_kind,
  G_DEFINE_ENUM_VALUE (COALITION_CONTACT_KIND_MEETING, "meeting"),
  G_DEFINE_ENUM_VALUE (COALITION_CONTACT_KIND_CALL, "call"),
  G_DEFINE_ENUM_VALUE (COALITION_CONTACT_KIND_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (COALITION_CONTACT_KIND_LETTER, "letter"),
  G_DEFINE_ENUM_VALUE (COALITION_CONTACT_KIND_EVENT, "event"),
  G_DEFINE_ENUM_VALUE (COALITION_CONTACT_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (CoalitionMeetingStatus, coalition_meeting_status,
  G_DEFINE_ENUM_VALUE (COALITION_MEETING_STATUS_PLANNED, "planned"),
  G_DEFINE_ENUM_VALUE (COALITION_MEETING_STATUS_HELD, "held"),
  G_DEFINE_ENUM_VALUE (COALITION_MEETING_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (CoalitionItemKind, coalition_item_kind,
  G_DEFINE_ENUM_VALUE (COALITION_ITEM_KIND_INFORMATION, "information"),
  G_DEFINE_ENUM_VALUE (COALITION_ITEM_KIND_DISCUSSION, "discussion"),
  G_DEFINE_ENUM_VALUE (COALITION_ITEM_KIND_DECISION, "decision"))

G_DEFINE_ENUM_TYPE (CoalitionDecisionMethod, coalition_decision_method,
  G_DEFINE_ENUM_VALUE (COALITION_DECISION_METHOD_CONSENSUS, "consensus"),
  G_DEFINE_ENUM_VALUE (COALITION_DECISION_METHOD_VOTE, "vote"))

G_DEFINE_ENUM_TYPE (CoalitionActionStatus, coalition_action_status,
  G_DEFINE_ENUM_VALUE (COALITION_ACTION_STATUS_OPEN, "open"),
  G_DEFINE_ENUM_VALUE (COALITION_ACTION_STATUS_DONE, "done"),
  G_DEFINE_ENUM_VALUE (COALITION_ACTION_STATUS_DROPPED, "dropped"))

G_DEFINE_ENUM_TYPE (CoalitionAttendance, coalition_attendance,
  G_DEFINE_ENUM_VALUE (COALITION_ATTENDANCE_INVITED, "invited"),
  G_DEFINE_ENUM_VALUE (COALITION_ATTENDANCE_PRESENT, "present"),
  G_DEFINE_ENUM_VALUE (COALITION_ATTENDANCE_ABSENT, "absent"),
  G_DEFINE_ENUM_VALUE (COALITION_ATTENDANCE_EXCUSED, "excused"))

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  /* The class is static for the life of the program, so the nick outlives
   * our reference to it. */
  return ev != NULL ? ev->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *nick,
                int        *out_value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *out_value = ev->value;
  return TRUE;
}

const char *
coalition_status_to_string (CoalitionStatus status)
{
  return enum_nick (COALITION_TYPE_STATUS, status);
}

gboolean
coalition_status_from_string (const char      *str,
                              CoalitionStatus *out_status)
{
  int value;

  if (!enum_from_nick (COALITION_TYPE_STATUS, str, &value))
    return FALSE;
  *out_status = value;
  return TRUE;
}

const char *
coalition_status_get_label (CoalitionStatus status)
{
  switch (status)
    {
    case COALITION_STATUS_PROSPECT:
      return C_("status", "Prospect");
    case COALITION_STATUS_CONTACTED:
      return C_("status", "Contacted");
    case COALITION_STATUS_INVITED:
      return C_("status", "Invited");
    case COALITION_STATUS_MEMBER:
      return C_("status", "Member");
    case COALITION_STATUS_FORMER:
      return C_("status", "Former member");
    case COALITION_STATUS_DECLINED:
      return C_("status", "Declined");
    case COALITION_STATUS_ALLY:
      return C_("status", "Ally");
    case COALITION_STATUS_TARGET:
      return C_("status", "Decision maker");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_organization_kind_to_string (CoalitionOrganizationKind kind)
{
  return enum_nick (COALITION_TYPE_ORGANIZATION_KIND, kind);
}

gboolean
coalition_organization_kind_from_string (const char                *str,
                                         CoalitionOrganizationKind *out_kind)
{
  int value;

  if (!enum_from_nick (COALITION_TYPE_ORGANIZATION_KIND, str, &value))
    return FALSE;
  *out_kind = value;
  return TRUE;
}

const char *
coalition_organization_kind_get_label (CoalitionOrganizationKind kind)
{
  switch (kind)
    {
    case COALITION_ORGANIZATION_KIND_COMMUNITY:
      return C_("organization kind", "Community group");
    case COALITION_ORGANIZATION_KIND_UNION:
      return C_("organization kind", "Union");
    case COALITION_ORGANIZATION_KIND_FAITH:
      return C_("organization kind", "Faith community");
    case COALITION_ORGANIZATION_KIND_NONPROFIT:
      return C_("organization kind", "Nonprofit");
    case COALITION_ORGANIZATION_KIND_HEALTH:
      return C_("organization kind", "Health care");
    case COALITION_ORGANIZATION_KIND_EDUCATION:
      return C_("organization kind", "Education");
    case COALITION_ORGANIZATION_KIND_BUSINESS:
      return C_("organization kind", "Business");
    case COALITION_ORGANIZATION_KIND_GOVERNMENT:
      return C_("organization kind", "Government");
    case COALITION_ORGANIZATION_KIND_MEDIA:
      return C_("organization kind", "Media");
    case COALITION_ORGANIZATION_KIND_OTHER:
      return C_("organization kind", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_group_kind_to_string (CoalitionGroupKind kind)
{
  return enum_nick (COALITION_TYPE_GROUP_KIND, kind);
}

gboolean
coalition_group_kind_from_string (const char         *str,
                                  CoalitionGroupKind *out_kind)
{
  int value;

  if (!enum_from_nick (COALITION_TYPE_GROUP_KIND, str, &value))
    return FALSE;
  *out_kind = value;
  return TRUE;
}

const char *
coalition_group_kind_get_label (CoalitionGroupKind kind)
{
  switch (kind)
    {
    case COALITION_GROUP_KIND_CORE:
      return C_("group kind", "Core group");
    case COALITION_GROUP_KIND_COMMITTEE:
      return C_("group kind", "Committee");
    case COALITION_GROUP_KIND_WORKING_GROUP:
      return C_("group kind", "Working group");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_role_to_string (CoalitionRole role)
{
  return enum_nick (COALITION_TYPE_ROLE, role);
}

gboolean
coalition_role_from_string (const char    *str,
                            CoalitionRole *out_role)
{
  int value;

  if (!enum_from_nick (COALITION_TYPE_ROLE, str, &value))
    return FALSE;
  *out_role = value;
  return TRUE;
}

const char *
coalition_role_get_label (CoalitionRole role)
{
  switch (role)
    {
    case COALITION_ROLE_CHAIR:
      return C_("group role", "Chair");
    case COALITION_ROLE_FACILITATOR:
      return C_("group role", "Facilitator");
    case COALITION_ROLE_NOTE_TAKER:
      return C_("group role", "Note taker");
    case COALITION_ROLE_TREASURER:
      return C_("group role", "Treasurer");
    case COALITION_ROLE_MEMBER:
      return C_("group role", "Member");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_priority_to_string (CoalitionPriority priority)
{
  return enum_nick (COALITION_TYPE_PRIORITY, priority);
}

gboolean
coalition_priority_from_string (const char        *str,
                                CoalitionPriority *out_priority)
{
  int value;

  if (!enum_from_nick (COALITION_TYPE_PRIORITY, str, &value))
    return FALSE;
  *out_priority = value;
  return TRUE;
}

const char *
coalition_priority_get_label (CoalitionPriority priority)
{
  switch (priority)
    {
    case COALITION_PRIORITY_NONE:
      return C_("priority", "None");
    case COALITION_PRIORITY_HIGH:
      return C_("priority", "High");
    case COALITION_PRIORITY_MEDIUM:
      return C_("priority", "Medium");
    case COALITION_PRIORITY_LOW:
      return C_("priority", "Low");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_contact_kind_to_string (CoalitionContactKind kind)
{
  return enum_nick (COALITION_TYPE_CONTACT_KIND, kind);
}

gboolean
coalition_contact_kind_from_string (const char           *str,
                                    CoalitionContactKind *out_kind)
{
  int value;

  if (!enum_from_nick (COALITION_TYPE_CONTACT_KIND, str, &value))
    return FALSE;
  *out_kind = value;
  return TRUE;
}

const char *
coalition_contact_kind_get_label (CoalitionContactKind kind)
{
  switch (kind)
    {
    case COALITION_CONTACT_KIND_MEETING:
      return C_("contact kind", "Meeting");
    case COALITION_CONTACT_KIND_CALL:
      return C_("contact kind", "Phone call");
    case COALITION_CONTACT_KIND_EMAIL:
      return C_("contact kind", "E-mail");
    case COALITION_CONTACT_KIND_LETTER:
      return C_("contact kind", "Letter");
    case COALITION_CONTACT_KIND_EVENT:
      return C_("contact kind", "Event");
    case COALITION_CONTACT_KIND_OTHER:
      return C_("contact kind", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_meeting_status_to_string (int value)
{
  return enum_nick (COALITION_TYPE_MEETING_STATUS, value);
}

gboolean
coalition_meeting_status_from_string (const char *str,
                                      int        *out_value)
{
  return enum_from_nick (COALITION_TYPE_MEETING_STATUS, str, out_value);
}

const char *
coalition_meeting_status_get_label (int value)
{
  switch (value)
    {
    case COALITION_MEETING_STATUS_PLANNED:
      return C_("meeting status", "Planned");
    case COALITION_MEETING_STATUS_HELD:
      return C_("meeting status", "Held");
    case COALITION_MEETING_STATUS_CANCELLED:
      return C_("meeting status", "Cancelled");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_item_kind_to_string (int value)
{
  return enum_nick (COALITION_TYPE_ITEM_KIND, value);
}

gboolean
coalition_item_kind_from_string (const char *str,
                                 int        *out_value)
{
  return enum_from_nick (COALITION_TYPE_ITEM_KIND, str, out_value);
}

const char *
coalition_item_kind_get_label (int value)
{
  switch (value)
    {
    case COALITION_ITEM_KIND_INFORMATION:
      return C_("agenda item kind", "Information");
    case COALITION_ITEM_KIND_DISCUSSION:
      return C_("agenda item kind", "Discussion");
    case COALITION_ITEM_KIND_DECISION:
      return C_("agenda item kind", "Decision");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_decision_method_to_string (int value)
{
  return enum_nick (COALITION_TYPE_DECISION_METHOD, value);
}

gboolean
coalition_decision_method_from_string (const char *str,
                                       int        *out_value)
{
  return enum_from_nick (COALITION_TYPE_DECISION_METHOD, str, out_value);
}

const char *
coalition_decision_method_get_label (int value)
{
  switch (value)
    {
    case COALITION_DECISION_METHOD_CONSENSUS:
      return C_("decision method", "Consensus");
    case COALITION_DECISION_METHOD_VOTE:
      return C_("decision method", "Vote");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_action_status_to_string (int value)
{
  return enum_nick (COALITION_TYPE_ACTION_STATUS, value);
}

gboolean
coalition_action_status_from_string (const char *str,
                                     int        *out_value)
{
  return enum_from_nick (COALITION_TYPE_ACTION_STATUS, str, out_value);
}

const char *
coalition_action_status_get_label (int value)
{
  switch (value)
    {
    case COALITION_ACTION_STATUS_OPEN:
      return C_("action item status", "Open");
    case COALITION_ACTION_STATUS_DONE:
      return C_("action item status", "Done");
    case COALITION_ACTION_STATUS_DROPPED:
      return C_("action item status", "Dropped");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
coalition_attendance_to_string (int value)
{
  return enum_nick (COALITION_TYPE_ATTENDANCE, value);
}

gboolean
coalition_attendance_from_string (const char *str,
                                  int        *out_value)
{
  return enum_from_nick (COALITION_TYPE_ATTENDANCE, str, out_value);
}

const char *
coalition_attendance_get_label (int value)
{
  switch (value)
    {
    case COALITION_ATTENDANCE_INVITED:
      return C_("attendance", "Invited");
    case COALITION_ATTENDANCE_PRESENT:
      return C_("attendance", "Present");
    case COALITION_ATTENDANCE_ABSENT:
      return C_("attendance", "Absent");
    case COALITION_ATTENDANCE_EXCUSED:
      return C_("attendance", "Excused");
    default:
      g_return_val_if_reached (NULL);
    }
}
