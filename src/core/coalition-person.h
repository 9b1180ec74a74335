/* coalition-person.h — a person in the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-contact-point.h"
#include "coalition-enums.h"
#include "coalition-outreach.h"

G_BEGIN_DECLS

#define COALITION_TYPE_PERSON (coalition_person_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionPerson, coalition_person, COALITION, PERSON, GObject)

CoalitionPerson *coalition_person_new                   (void);

/* 0 until the person is saved; set by the store. */
gint64           coalition_person_get_id                (CoalitionPerson *self);
/* A UUID, created once by the store, never reused. NULL until saved. */
const char      *coalition_person_get_uid               (CoalitionPerson *self);

const char      *coalition_person_get_given_name        (CoalitionPerson *self);
void             coalition_person_set_given_name        (CoalitionPerson *self,
                                                         const char      *given_name);
const char      *coalition_person_get_family_name       (CoalitionPerson *self);
void             coalition_person_set_family_name       (CoalitionPerson *self,
                                                         const char      *family_name);
/* The name to show; when empty, the store derives it from the given and
 * family names on save. */
const char      *coalition_person_get_display_name      (CoalitionPerson *self);
void             coalition_person_set_display_name      (CoalitionPerson *self,
                                                         const char      *display_name);
/* 0 when the person belongs to no organization. */
gint64           coalition_person_get_organization_id   (CoalitionPerson *self);
void             coalition_person_set_organization_id   (CoalitionPerson *self,
                                                         gint64           organization_id);
/* Read from the database with the person; NULL without an organization. */
const char      *coalition_person_get_organization_name (CoalitionPerson *self);
const char      *coalition_person_get_title             (CoalitionPerson *self);
void             coalition_person_set_title             (CoalitionPerson *self,
                                                         const char      *title);
CoalitionStatus  coalition_person_get_status            (CoalitionPerson *self);
void             coalition_person_set_status            (CoalitionPerson *self,
                                                         CoalitionStatus  status);
const char      *coalition_person_get_notes             (CoalitionPerson *self);
void             coalition_person_set_notes             (CoalitionPerson *self,
                                                         const char      *notes);
/* UTC ISO 8601, set by the store. */
const char      *coalition_person_get_created_at        (CoalitionPerson *self);
const char      *coalition_person_get_updated_at        (CoalitionPerson *self);

/* Element type CoalitionContactPoint; transfer none. */
GPtrArray       *coalition_person_get_emails            (CoalitionPerson *self);
GPtrArray       *coalition_person_get_phones            (CoalitionPerson *self);
/* Adding a primary one clears the flag on the others of its kind. */
void             coalition_person_add_email             (CoalitionPerson *self,
                                                         const char      *label,
                                                         const char      *address,
                                                         gboolean         primary);
void             coalition_person_add_phone             (CoalitionPerson *self,
                                                         const char      *label,
                                                         const char      *number,
                                                         gboolean         primary);
void             coalition_person_remove_email          (CoalitionPerson *self,
                                                         guint            index);
void             coalition_person_remove_phone          (CoalitionPerson *self,
                                                         guint            index);
void             coalition_person_clear_emails          (CoalitionPerson *self);
void             coalition_person_clear_phones          (CoalitionPerson *self);
/* The primary one, else the first, else NULL. */
const char      *coalition_person_get_primary_email     (CoalitionPerson *self);
const char      *coalition_person_get_primary_phone     (CoalitionPerson *self);

const char *coalition_person_get_address (CoalitionPerson *self);
void coalition_person_set_address (CoalitionPerson *self,
 const char *address);
const char *coalition_person_get_skills (CoalitionPerson *self);
void coalition_person_set_skills (CoalitionPerson *self,
 const char *skills);
/* Normalized as coalition_tags_normalize() does; never NULL. */
const char * const *coalition_person_get_tags (CoalitionPerson *self);
void coalition_person_set_tags (CoalitionPerson *self,
 const char * const *tags);
/* Never NULL; the asker's name is read by the store. */
const CoalitionOutreach *coalition_person_get_outreach (CoalitionPerson *self);
void coalition_person_set_outreach (CoalitionPerson *self,
 const CoalitionOutreach *outreach);

G_END_DECLS
