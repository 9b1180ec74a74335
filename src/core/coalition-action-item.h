/* coalition-action-item.h — a task agreed at a meeting, followed up at the next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-enums.h"

G_BEGIN_DECLS

#define COALITION_TYPE_ACTION_ITEM (coalition_action_item_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionActionItem, coalition_action_item, COALITION, ACTION_ITEM, GObject)

CoalitionActionItem *coalition_action_item_new (void);

/* 0 until saved. */
gint64 coalition_action_item_get_id (CoalitionActionItem *self);
void coalition_action_item_set_id (CoalitionActionItem *self, gint64 id);
/* The meeting it was agreed at; its title and start are read by the store. */
gint64 coalition_action_item_get_meeting_id (CoalitionActionItem *self);
void coalition_action_item_set_meeting_id (CoalitionActionItem *self, gint64 meeting_id);
const char *coalition_action_item_get_meeting_title (CoalitionActionItem *self);
void coalition_action_item_set_meeting_title (CoalitionActionItem *self, const char *meeting_title);
/* UTC ISO 8601. */
const char *coalition_action_item_get_meeting_start (CoalitionActionItem *self);
void coalition_action_item_set_meeting_start (CoalitionActionItem *self, const char *meeting_start);
/* The agenda item it came from, or 0. */
gint64 coalition_action_item_get_item_id (CoalitionActionItem *self);
void coalition_action_item_set_item_id (CoalitionActionItem *self, gint64 item_id);
const char *coalition_action_item_get_title (CoalitionActionItem *self);
void coalition_action_item_set_title (CoalitionActionItem *self, const char *title);
/* Who does it, or 0; the name is read by the store. */
gint64 coalition_action_item_get_owner_id (CoalitionActionItem *self);
void coalition_action_item_set_owner_id (CoalitionActionItem *self, gint64 owner_id);
const char *coalition_action_item_get_owner_name (CoalitionActionItem *self);
void coalition_action_item_set_owner_name (CoalitionActionItem *self, const char *owner_name);
/* YYYY-MM-DD, or "". */
const char *coalition_action_item_get_due (CoalitionActionItem *self);
void coalition_action_item_set_due (CoalitionActionItem *self, const char *due);
/* A CoalitionActionStatus. */
int coalition_action_item_get_status (CoalitionActionItem *self);
void coalition_action_item_set_status (CoalitionActionItem *self, int status);

G_END_DECLS
