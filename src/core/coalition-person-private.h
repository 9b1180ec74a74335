/* coalition-person-private.h — what only the store sets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-person.h"

G_BEGIN_DECLS

void coalition_person_set_id                (CoalitionPerson *self,
                                             gint64           id);
void coalition_person_set_uid               (CoalitionPerson *self,
                                             const char      *uid);
void coalition_person_set_organization_name (CoalitionPerson *self,
                                             const char      *organization_name);
void coalition_person_set_times             (CoalitionPerson *self,
                                             const char      *created_at,
                                             const char      *updated_at);

G_END_DECLS
