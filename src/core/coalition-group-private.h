/* coalition-group-private.h — what only the store sets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-group.h"

G_BEGIN_DECLS

void coalition_group_set_id        (CoalitionGroup *self,
                                    gint64          id);
void coalition_group_set_uid       (CoalitionGroup *self,
                                    const char     *uid);
void coalition_group_set_n_members (CoalitionGroup *self,
                                    guint           n_members);

G_END_DECLS
