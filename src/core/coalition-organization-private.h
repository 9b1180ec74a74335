/* coalition-organization-private.h — what only the store sets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-organization.h"

G_BEGIN_DECLS

void coalition_organization_set_id       (CoalitionOrganization *self,
                                          gint64                 id);
void coalition_organization_set_uid      (CoalitionOrganization *self,
                                          const char            *uid);
void coalition_organization_set_n_people (CoalitionOrganization *self,
                                          guint                  n_people);
void coalition_organization_set_times    (CoalitionOrganization *self,
                                          const char            *created_at,
                                          const char            *updated_at);

G_END_DECLS
