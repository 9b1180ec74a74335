/* coalition-person-pane.h — one person's details, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_PERSON_PANE (coalition_person_pane_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionPersonPane, coalition_person_pane, COALITION, PERSON_PANE, GtkWidget)

void             coalition_person_pane_set_store  (CoalitionPersonPane *self,
                                                   CoalitionStore      *store);
/* Shows the person with @id as the store has them now; 0 shows nobody. */
void             coalition_person_pane_show       (CoalitionPersonPane *self,
                                                   gint64               id);
CoalitionPerson *coalition_person_pane_get_person (CoalitionPersonPane *self);

/* Signals: "delete-requested" (CoalitionPerson *person), "error" (const char *message) */

G_END_DECLS
