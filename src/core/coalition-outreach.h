/* coalition-outreach.h — courting prospects and targets: the ask, the next
 * step, the log of contacts and the history of a record's status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-enums.h"

G_BEGIN_DECLS

/* Who the outreach is about. */
typedef enum
{
  COALITION_SUBJECT_PERSON,
  COALITION_SUBJECT_ORGANIZATION,
} CoalitionSubject;

/* The plan for one prospect or target. */
typedef struct
{
  CoalitionPriority  priority;
  gint64             asker_id;        /* the person who makes the ask, or 0 */
  char              *asker_name;      /* read by the store; NULL without an asker */
  char              *next_step;       /* "" when none */
  char              *next_step_date;  /* YYYY-MM-DD, or "" */
} CoalitionOutreach;

#define COALITION_TYPE_OUTREACH (coalition_outreach_get_type ())
GType              coalition_outreach_get_type (void) G_GNUC_CONST;
CoalitionOutreach *coalition_outreach_new      (void);
CoalitionOutreach *coalition_outreach_copy     (const CoalitionOutreach *self);
void               coalition_outreach_free     (CoalitionOutreach       *self);
gboolean           coalition_outreach_is_empty (const CoalitionOutreach *self);

/* One entry of the contact log. */
typedef struct
{
  gint64                id;           /* 0 until saved */
  char                 *happened_on;  /* YYYY-MM-DD */
  CoalitionContactKind  kind;
  gint64                by_id;        /* who from the coalition, or 0 */
  char                 *by_name;      /* read by the store */
  char                 *note;
} CoalitionContact;

#define COALITION_TYPE_CONTACT (coalition_contact_get_type ())
GType             coalition_contact_get_type (void) G_GNUC_CONST;
CoalitionContact *coalition_contact_new      (const char             *happened_on,
                                              CoalitionContactKind    kind,
                                              gint64                  by_id,
                                              const char             *note);
CoalitionContact *coalition_contact_copy     (const CoalitionContact *self);
void              coalition_contact_free     (CoalitionContact       *self);

/* One change of status, recorded by the database when it happens. */
typedef struct
{
  CoalitionStatus  old_status;
  CoalitionStatus  new_status;
  char            *changed_at;  /* UTC ISO 8601 */
} CoalitionStatusChange;

#define COALITION_TYPE_STATUS_CHANGE (coalition_status_change_get_type ())
GType                  coalition_status_change_get_type (void) G_GNUC_CONST;
CoalitionStatusChange *coalition_status_change_copy     (const CoalitionStatusChange *self);
void                   coalition_status_change_free     (CoalitionStatusChange       *self);

/* Tags as people type them: trimmed, blanks dropped, the first spelling of
 * each tag kept when the same tag comes again in another case. Splits on
 * commas when @text is given instead of @tags. */
GStrv coalition_tags_normalize (const char * const *tags);
GStrv coalition_tags_parse     (const char         *text);

/* A date as YYYY-MM-DD, or NULL when @text is not a real calendar date. */
char *coalition_date_normalize (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionOutreach, coalition_outreach_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionContact, coalition_contact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionStatusChange, coalition_status_change_free)

G_END_DECLS
