/* coalition-group-pane.h — one group and its members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_GROUP_PANE (coalition_group_pane_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionGroupPane, coalition_group_pane, COALITION, GROUP_PANE, GtkWidget)

void            coalition_group_pane_set_store (CoalitionGroupPane *self,
                                                CoalitionStore     *store);
/* 0 shows nothing. */
void            coalition_group_pane_show      (CoalitionGroupPane *self,
                                                gint64              id);
CoalitionGroup *coalition_group_pane_get_group (CoalitionGroupPane *self);

/* Signals: "delete-requested" (CoalitionGroup *), "error" (const char *message) */

G_END_DECLS
