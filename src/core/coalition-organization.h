/* coalition-organization.h — an organization in the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-enums.h"

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

G_END_DECLS
