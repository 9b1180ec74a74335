/* coalition-prospect.h — one row of the Prospects view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-outreach.h"

G_BEGIN_DECLS

#define COALITION_TYPE_PROSPECT (coalition_prospect_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionProspect, coalition_prospect, COALITION, PROSPECT, GObject)

/* A snapshot read by the store; nothing here is written back. */
CoalitionProspect       *coalition_prospect_new               (CoalitionSubject         subject,
                                                               gint64                   id,
                                                               const char              *name,
                                                               const char              *detail,
                                                               CoalitionStatus          status,
                                                               const CoalitionOutreach *outreach,
                                                               const char              *last_contact);
CoalitionSubject         coalition_prospect_get_subject       (CoalitionProspect       *self);
gint64                   coalition_prospect_get_id            (CoalitionProspect       *self);
const char              *coalition_prospect_get_name          (CoalitionProspect       *self);
/* The organization of a person, or the kind of an organization. */
const char              *coalition_prospect_get_detail        (CoalitionProspect       *self);
CoalitionStatus          coalition_prospect_get_status        (CoalitionProspect       *self);
const CoalitionOutreach *coalition_prospect_get_outreach      (CoalitionProspect       *self);
/* YYYY-MM-DD of the latest entry in the contact log, or "". */
const char              *coalition_prospect_get_last_contact  (CoalitionProspect       *self);

G_END_DECLS
