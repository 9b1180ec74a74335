/* coalition-organization-pane.h — one organization's details, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_ORGANIZATION_PANE (coalition_organization_pane_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionOrganizationPane, coalition_organization_pane, COALITION, ORGANIZATION_PANE, GtkWidget)

void                   coalition_organization_pane_set_store        (CoalitionOrganizationPane *self,
                                                                     CoalitionStore            *store);
/* 0 shows nobody. */
void                   coalition_organization_pane_show             (CoalitionOrganizationPane *self,
                                                                     gint64                     id);
CoalitionOrganization *coalition_organization_pane_get_organization (CoalitionOrganizationPane *self);

/* Signals: "show-person" (gint64 person_id), "delete-requested" (CoalitionOrganization *), "error" (const char *message) */

G_END_DECLS
