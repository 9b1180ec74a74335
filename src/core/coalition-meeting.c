/* coalition-meeting.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-meeting.h"

struct _CoalitionMeeting
{
  GObject parent_instance;

  gint64 id;
  char *uid;
  char *title;
  GDateTime *start;
  GDateTime *end;
  char *zone;
  char *location;
  char *url;
  int status;
  gint64 group_id;
  char *group_name;
  gint64 facilitator_id;
  char *facilitator_name;
  gint64 note_taker_id;
  char *note_taker_name;
  gint64 timekeeper_id;
  char *timekeeper_name;
  gint64 series_id;
  char *minutes;
  gboolean minutes_final;
  int sequence;
  char *created_at;
  char *updated_at;
};

G_DEFINE_FINAL_TYPE (CoalitionMeeting, coalition_meeting, G_TYPE_OBJECT)

static void
coalition_meeting_finalize (GObject *object)
{
  CoalitionMeeting *self = (CoalitionMeeting *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->end, g_date_time_unref);
  g_clear_pointer (&self->zone, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->group_name, g_free);
  g_clear_pointer (&self->facilitator_name, g_free);
  g_clear_pointer (&self->note_taker_name, g_free);
  g_clear_pointer (&self->timekeeper_name, g_free);
  g_clear_pointer (&self->minutes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (coalition_meeting_parent_class)->finalize (object);
}

static void
coalition_meeting_class_init (CoalitionMeetingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = coalition_meeting_finalize;
}

static void
coalition_meeting_init (CoalitionMeeting *self)
{
  self->uid = g_strdup ("");
  self->title = g_strdup ("");
  self->zone = g_strdup ("");
  self->location = g_strdup ("");
  self->url = g_strdup ("");
  self->group_name = g_strdup ("");
  self->facilitator_name = g_strdup ("");
  self->note_taker_name = g_strdup ("");
  self->timekeeper_name = g_strdup ("");
  self->minutes = g_strdup ("");
  self->created_at = g_strdup ("");
  self->updated_at = g_strdup ("");
}

CoalitionMeeting *
coalition_meeting_new (void)
{
  return g_object_new (COALITION_TYPE_MEETING, NULL);
}

gint64
coalition_meeting_get_id (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), 0);
  return self->id;
}

void
coalition_meeting_set_id (CoalitionMeeting *self,
                          gint64 id)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  self->id = id;
}

const char *
coalition_meeting_get_uid (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->uid;
}

void
coalition_meeting_set_uid (CoalitionMeeting *self,
                           const char *uid)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->uid);
  self->uid = g_strdup (uid ? uid : "");
}

const char *
coalition_meeting_get_title (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->title;
}

void
coalition_meeting_set_title (CoalitionMeeting *self,
                             const char *title)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->title);
  self->title = g_strdup (title ? title : "");
}

GDateTime *
coalition_meeting_get_start (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->start;
}

void
coalition_meeting_set_start (CoalitionMeeting *self,
                             GDateTime *start)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = start ? g_date_time_ref (start) : NULL;
}

GDateTime *
coalition_meeting_get_end (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->end;
}

void
coalition_meeting_set_end (CoalitionMeeting *self,
                           GDateTime *end)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_clear_pointer (&self->end, g_date_time_unref);
  self->end = end ? g_date_time_ref (end) : NULL;
}

const char *
coalition_meeting_get_zone (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->zone;
}

void
coalition_meeting_set_zone (CoalitionMeeting *self,
                            const char *zone)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->zone);
  self->zone = g_strdup (zone ? zone : "");
}

const char *
coalition_meeting_get_location (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->location;
}

void
coalition_meeting_set_location (CoalitionMeeting *self,
                                const char *location)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->location);
  self->location = g_strdup (location ? location : "");
}

const char *
coalition_meeting_get_url (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->url;
}

void
coalition_meeting_set_url (CoalitionMeeting *self,
                           const char *url)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->url);
  self->url = g_strdup (url ? url : "");
}

int
coalition_meeting_get_status (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), 0);
  return self->status;
}

void
coalition_meeting_set_status (CoalitionMeeting *self,
                              int status)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  self->status = status;
}

gint64
coalition_meeting_get_group_id (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), 0);
  return self->group_id;
}

void
coalition_meeting_set_group_id (CoalitionMeeting *self,
                                gint64 group_id)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  self->group_id = group_id;
}

const char *
coalition_meeting_get_group_name (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->group_name;
}

void
coalition_meeting_set_group_name (CoalitionMeeting *self,
                                  const char *group_name)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->group_name);
  self->group_name = g_strdup (group_name ? group_name : "");
}

gint64
coalition_meeting_get_facilitator_id (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), 0);
  return self->facilitator_id;
}

void
coalition_meeting_set_facilitator_id (CoalitionMeeting *self,
                                      gint64 facilitator_id)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  self->facilitator_id = facilitator_id;
}

const char *
coalition_meeting_get_facilitator_name (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->facilitator_name;
}

void
coalition_meeting_set_facilitator_name (CoalitionMeeting *self,
                                        const char *facilitator_name)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->facilitator_name);
  self->facilitator_name = g_strdup (facilitator_name ? facilitator_name : "");
}

gint64
coalition_meeting_get_note_taker_id (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), 0);
  return self->note_taker_id;
}

void
coalition_meeting_set_note_taker_id (CoalitionMeeting *self,
                                     gint64 note_taker_id)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  self->note_taker_id = note_taker_id;
}

const char *
coalition_meeting_get_note_taker_name (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->note_taker_name;
}

void
coalition_meeting_set_note_taker_name (CoalitionMeeting *self,
                                       const char *note_taker_name)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->note_taker_name);
  self->note_taker_name = g_strdup (note_taker_name ? note_taker_name : "");
}

gint64
coalition_meeting_get_timekeeper_id (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), 0);
  return self->timekeeper_id;
}

void
coalition_meeting_set_timekeeper_id (CoalitionMeeting *self,
                                     gint64 timekeeper_id)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  self->timekeeper_id = timekeeper_id;
}

const char *
coalition_meeting_get_timekeeper_name (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->timekeeper_name;
}

void
coalition_meeting_set_timekeeper_name (CoalitionMeeting *self,
                                       const char *timekeeper_name)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->timekeeper_name);
  self->timekeeper_name = g_strdup (timekeeper_name ? timekeeper_name : "");
}

gint64
coalition_meeting_get_series_id (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), 0);
  return self->series_id;
}

void
coalition_meeting_set_series_id (CoalitionMeeting *self,
                                 gint64 series_id)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  self->series_id = series_id;
}

const char *
coalition_meeting_get_minutes (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->minutes;
}

void
coalition_meeting_set_minutes (CoalitionMeeting *self,
                               const char *minutes)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->minutes);
  self->minutes = g_strdup (minutes ? minutes : "");
}

gboolean
coalition_meeting_get_minutes_final (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), 0);
  return self->minutes_final;
}

void
coalition_meeting_set_minutes_final (CoalitionMeeting *self,
                                     gboolean minutes_final)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  self->minutes_final = minutes_final;
}

int
coalition_meeting_get_sequence (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), 0);
  return self->sequence;
}

void
coalition_meeting_set_sequence (CoalitionMeeting *self,
                                int sequence)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  self->sequence = sequence;
}

const char *
coalition_meeting_get_created_at (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->created_at;
}

void
coalition_meeting_set_created_at (CoalitionMeeting *self,
                                  const char *created_at)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->created_at);
  self->created_at = g_strdup (created_at ? created_at : "");
}

const char *
coalition_meeting_get_updated_at (CoalitionMeeting *self)
{
  g_return_val_if_fail (COALITION_IS_MEETING (self), NULL);
  return self->updated_at;
}

void
coalition_meeting_set_updated_at (CoalitionMeeting *self,
                                  const char *updated_at)
{
  g_return_if_fail (COALITION_IS_MEETING (self));
  g_free (self->updated_at);
  self->updated_at = g_strdup (updated_at ? updated_at : "");
}
