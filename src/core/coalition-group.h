/* coalition-group.h — the core group, a committee or a working group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-enums.h"

G_BEGIN_DECLS

#define COALITION_TYPE_GROUP (coalition_group_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionGroup, coalition_group, COALITION, GROUP, GObject)

CoalitionGroup     *coalition_group_new             (const char         *name,
                                                     CoalitionGroupKind  kind);
gint64              coalition_group_get_id          (CoalitionGroup     *self);
const char         *coalition_group_get_uid         (CoalitionGroup     *self);
const char         *coalition_group_get_name        (CoalitionGroup     *self);
void                coalition_group_set_name        (CoalitionGroup     *self,
                                                     const char         *name);
CoalitionGroupKind  coalition_group_get_kind        (CoalitionGroup     *self);
void                coalition_group_set_kind        (CoalitionGroup     *self,
                                                     CoalitionGroupKind  kind);
const char         *coalition_group_get_description (CoalitionGroup     *self);
void                coalition_group_set_description (CoalitionGroup     *self,
                                                     const char         *description);
/* Read by the store. */
guint               coalition_group_get_n_members   (CoalitionGroup     *self);

/* One person in one group, with the role they have there. */
#define COALITION_TYPE_MEMBERSHIP (coalition_membership_get_type ())

typedef struct
{
  gint64         group_id;
  char          *group_name;
  gint64         person_id;
  char          *person_name;
  CoalitionRole  role;
} CoalitionMembership;

GType                coalition_membership_get_type (void) G_GNUC_CONST;
CoalitionMembership *coalition_membership_copy     (const CoalitionMembership *self);
void                 coalition_membership_free     (CoalitionMembership       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionMembership, coalition_membership_free)

G_END_DECLS
