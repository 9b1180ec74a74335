/* coalition-members-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coalition-people-model.h"

G_BEGIN_DECLS

#define COALITION_TYPE_MEMBERS_PAGE (coalition_members_page_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionMembersPage, coalition_members_page, COALITION, MEMBERS_PAGE, GtkWidget)

void                  coalition_members_page_set_store    (CoalitionMembersPage *self,
                                                           CoalitionStore       *store);
CoalitionPeopleModel *coalition_members_page_get_model    (CoalitionMembersPage *self);
void                  coalition_members_page_focus_search (CoalitionMembersPage *self);
/* Asks for a name, adds the person, and shows them for the rest. */
void                  coalition_members_page_new_person   (CoalitionMembersPage *self);
/* Typing into @widget (the window) starts a search; NULL stops that. */
void                  coalition_members_page_set_key_capture_widget (CoalitionMembersPage *self,
                                                                     GtkWidget            *widget);
/* "list", "welcome", "loading", "empty" or "no-results" */
const char           *coalition_members_page_get_state    (CoalitionMembersPage *self);

G_END_DECLS
