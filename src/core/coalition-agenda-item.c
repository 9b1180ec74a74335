/* coalition-agenda-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-agenda-item.h"

struct _CoalitionAgendaItem
{
  GObject parent_instance;

  gint64 id;
  char *title;
  char *presenter;
  int minutes;
  int actual_minutes;
  int kind;
  char *notes;
};

G_DEFINE_FINAL_TYPE (CoalitionAgendaItem, coalition_agenda_item, G_TYPE_OBJECT)

static void
coalition_agenda_item_finalize (GObject *object)
{
  CoalitionAgendaItem *self = (CoalitionAgendaItem *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->presenter, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (coalition_agenda_item_parent_class)->finalize (object);
}

static void
coalition_agenda_item_class_init (CoalitionAgendaItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = coalition_agenda_item_finalize;
}

static void
coalition_agenda_item_init (CoalitionAgendaItem *self)
{
  self->minutes = 10;
  self->actual_minutes = -1;
  self->kind = COALITION_ITEM_KIND_DISCUSSION;
  self->title = g_strdup ("");
  self->presenter = g_strdup ("");
  self->notes = g_strdup ("");
}

CoalitionAgendaItem *
coalition_agenda_item_new (void)
{
  return g_object_new (COALITION_TYPE_AGENDA_ITEM, NULL);
}

gint64
coalition_agenda_item_get_id (CoalitionAgendaItem *self)
{
  g_return_val_if_fail (COALITION_IS_AGENDA_ITEM (self), 0);
  return self->id;
}

void
coalition_agenda_item_set_id (CoalitionAgendaItem *self,
                              gint64 id)
{
  g_return_if_fail (COALITION_IS_AGENDA_ITEM (self));
  self->id = id;
}

const char *
coalition_agenda_item_get_title (CoalitionAgendaItem *self)
{
  g_return_val_if_fail (COALITION_IS_AGENDA_ITEM (self), NULL);
  return self->title;
}

void
coalition_agenda_item_set_title (CoalitionAgendaItem *self,
                                 const char *title)
{
  g_return_if_fail (COALITION_IS_AGENDA_ITEM (self));
  g_free (self->title);
  self->title = g_strdup (title ? title : "");
}

const char *
coalition_agenda_item_get_presenter (CoalitionAgendaItem *self)
{
  g_return_val_if_fail (COALITION_IS_AGENDA_ITEM (self), NULL);
  return self->presenter;
}

void
coalition_agenda_item_set_presenter (CoalitionAgendaItem *self,
                                     const char *presenter)
{
  g_return_if_fail (COALITION_IS_AGENDA_ITEM (self));
  g_free (self->presenter);
  self->presenter = g_strdup (presenter ? presenter : "");
}

int
coalition_agenda_item_get_minutes (CoalitionAgendaItem *self)
{
  g_return_val_if_fail (COALITION_IS_AGENDA_ITEM (self), 0);
  return self->minutes;
}

void
coalition_agenda_item_set_minutes (CoalitionAgendaItem *self,
                                   int minutes)
{
  g_return_if_fail (COALITION_IS_AGENDA_ITEM (self));
  self->minutes = minutes;
}

int
coalition_agenda_item_get_actual_minutes (CoalitionAgendaItem *self)
{
  g_return_val_if_fail (COALITION_IS_AGENDA_ITEM (self), 0);
  return self->actual_minutes;
}

void
coalition_agenda_item_set_actual_minutes (CoalitionAgendaItem *self,
                                          int actual_minutes)
{
  g_return_if_fail (COALITION_IS_AGENDA_ITEM (self));
  self->actual_minutes = actual_minutes;
}

int
coalition_agenda_item_get_kind (CoalitionAgendaItem *self)
{
  g_return_val_if_fail (COALITION_IS_AGENDA_ITEM (self), 0);
  return self->kind;
}

void
coalition_agenda_item_set_kind (CoalitionAgendaItem *self,
                                int kind)
{
  g_return_if_fail (COALITION_IS_AGENDA_ITEM (self));
  self->kind = kind;
}

const char *
coalition_agenda_item_get_notes (CoalitionAgendaItem *self)
{
  g_return_val_if_fail (COALITION_IS_AGENDA_ITEM (self), NULL);
  return self->notes;
}

void
coalition_agenda_item_set_notes (CoalitionAgendaItem *self,
                                 const char *notes)
{
  g_return_if_fail (COALITION_IS_AGENDA_ITEM (self));
  g_free (self->notes);
  self->notes = g_strdup (notes ? notes : "");
}
