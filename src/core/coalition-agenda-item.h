/* coalition-agenda-item.h — one item of a meeting's agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-enums.h"

G_BEGIN_DECLS

#define COALITION_TYPE_AGENDA_ITEM (coalition_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionAgendaItem, coalition_agenda_item, COALITION, AGENDA_ITEM, GObject)

CoalitionAgendaItem *coalition_agenda_item_new (void);

/* 0 until saved. */
gint64 coalition_agenda_item_get_id (CoalitionAgendaItem *self);
void coalition_agenda_item_set_id (CoalitionAgendaItem *self, gint64 id);
const char *coalition_agenda_item_get_title (CoalitionAgendaItem *self);
void coalition_agenda_item_set_title (CoalitionAgendaItem *self, const char *title);
/* Who presents it, as a name. */
const char *coalition_agenda_item_get_presenter (CoalitionAgendaItem *self);
void coalition_agenda_item_set_presenter (CoalitionAgendaItem *self, const char *presenter);
/* Planned minutes. */
int coalition_agenda_item_get_minutes (CoalitionAgendaItem *self);
void coalition_agenda_item_set_minutes (CoalitionAgendaItem *self, int minutes);
/* Minutes it took, or -1 until timed. */
int coalition_agenda_item_get_actual_minutes (CoalitionAgendaItem *self);
void coalition_agenda_item_set_actual_minutes (CoalitionAgendaItem *self, int actual_minutes);
/* A CoalitionItemKind. */
int coalition_agenda_item_get_kind (CoalitionAgendaItem *self);
void coalition_agenda_item_set_kind (CoalitionAgendaItem *self, int kind);
const char *coalition_agenda_item_get_notes (CoalitionAgendaItem *self);
void coalition_agenda_item_set_notes (CoalitionAgendaItem *self, const char *notes);

G_END_DECLS
