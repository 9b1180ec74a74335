/* coalition-organization.h — an organization in the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-enums.h"
#include "coalition-contact-point.h"
#include "coalition-outreach.h"

G_BEGIN_DECLS

#define COALITION_TYPE_ORGANIZATION (coalition_organization_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionOrganization, coalition_organization, COALITION, ORGANIZATION, GObject)

CoalitionOrganization     *coalition_organization_new            (const char                *name);

gint64                     coalition_organization_get_id         (CoalitionOrganization     *self);
const char                *coalition_organization_get_uid        (CoalitionOrganization     *self);
const char                *coalition_organization_get_name       (CoalitionOrganization     *self);
void                       coalition_organization_set_name       (CoalitionOrganization     *self,
                                                                  const char                *name);
CoalitionOrganizationKind  coalition_organization_get_kind       (CoalitionOrganization     *self);
void                       coalition_organization_set_kind       (CoalitionOrganization     *self,
                                                                  CoalitionOrganizationKind  kind);
const char                *coalition_organization_get_sector     (CoalitionOrganization     *self);
void                       coalition_organization_set_sector     (CoalitionOrganization     *self,
                                                                  const char                *sector);
const char                *coalition_organization_get_website    (CoalitionOrganization     *self);
void                       coalition_organization_set_website    (CoalitionOrganization     *self,
                                                                  const char                *website);
CoalitionStatus            coalition_organization_get_status     (CoalitionOrganization     *self);
void                       coalition_organization_set_status     (CoalitionOrganization     *self,
                                                                  CoalitionStatus            status);
const char                *coalition_organization_get_notes      (CoalitionOrganization     *self);
void                       coalition_organization_set_notes      (CoalitionOrganization     *self,
                                                                  const char                *notes);
/* Number of people in the directory who belong to it; read by the store. */
guint                      coalition_organization_get_n_people   (CoalitionOrganization     *self);
const char                *coalition_organization_get_created_at (CoalitionOrganization     *self);
const char                *coalition_organization_get_updated_at (CoalitionOrganization     *self);

const char *coalition_organization_get_address (CoalitionOrganization *self);
void coalition_organization_set_address (CoalitionOrganization *self,
 const char *address);
const char *coalition_organization_get_capacity (CoalitionOrganization *self);
void coalition_organization_set_capacity (CoalitionOrganization *self,
 const char *capacity);
const char *coalition_organization_get_constituency (CoalitionOrganization *self);
void coalition_organization_set_constituency (CoalitionOrganization *self,
 const char *constituency);
const char *coalition_organization_get_skills (CoalitionOrganization *self);
void coalition_organization_set_skills (CoalitionOrganization *self,
 const char *skills);
const char *coalition_organization_get_access (CoalitionOrganization *self);
void coalition_organization_set_access (CoalitionOrganization *self,
 const char *access);
/* Normalized as coalition_tags_normalize() does; never NULL. */
const char * const *coalition_organization_get_tags (CoalitionOrganization *self);
void coalition_organization_set_tags (CoalitionOrganization *self,
 const char * const *tags);
/* Never NULL; the asker's name is read by the store. */
const CoalitionOutreach *coalition_organization_get_outreach (CoalitionOrganization *self);
void coalition_organization_set_outreach (CoalitionOrganization *self,
 const CoalitionOutreach *outreach);
/* Element type CoalitionContactPoint; transfer none, change it in place. */
GPtrArray *coalition_organization_get_emails (CoalitionOrganization *self);
GPtrArray *coalition_organization_get_phones (CoalitionOrganization *self);

G_END_DECLS
