/* coalition-action-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-action-item.h"

struct _CoalitionActionItem
{
  GObject parent_instance;

  gint64 id;
  gint64 meeting_id;
  char *meeting_title;
  char *meeting_start;
  gint64 item_id;
  char *title;
  gint64 owner_id;
  char *owner_name;
  char *due;
  int status;
};

G_DEFINE_FINAL_TYPE (CoalitionActionItem, coalition_action_item, G_TYPE_OBJECT)

static void
coalition_action_item_finalize (GObject *object)
{
  CoalitionActionItem *self = (CoalitionActionItem *)object;

  g_clear_pointer (&self->meeting_title, g_free);
  g_clear_pointer (&self->meeting_start, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->owner_name, g_free);
  g_clear_pointer (&self->due, g_free);

  G_OBJECT_CLASS (coalition_action_item_parent_class)->finalize (object);
}

static void
coalition_action_item_class_init (CoalitionActionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = coalition_action_item_finalize;
}

static void
coalition_action_item_init (CoalitionActionItem *self)
{
  self->meeting_title = g_strdup ("");
  self->meeting_start = g_strdup ("");
  self->title = g_strdup ("");
  self->owner_name = g_strdup ("");
  self->due = g_strdup ("");
}

CoalitionActionItem *
coalition_action_item_new (void)
{
  return g_object_new (COALITION_TYPE_ACTION_ITEM, NULL);
}

gint64
coalition_action_item_get_id (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), 0);
  return self->id;
}

void
coalition_action_item_set_id (CoalitionActionItem *self,
                              gint64 id)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  self->id = id;
}

gint64
coalition_action_item_get_meeting_id (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), 0);
  return self->meeting_id;
}

void
coalition_action_item_set_meeting_id (CoalitionActionItem *self,
                                      gint64 meeting_id)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  self->meeting_id = meeting_id;
}

const char *
coalition_action_item_get_meeting_title (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), NULL);
  return self->meeting_title;
}

void
coalition_action_item_set_meeting_title (CoalitionActionItem *self,
                                         const char *meeting_title)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  g_free (self->meeting_title);
  self->meeting_title = g_strdup (meeting_title ? meeting_title : "");
}

const char *
coalition_action_item_get_meeting_start (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), NULL);
  return self->meeting_start;
}

void
coalition_action_item_set_meeting_start (CoalitionActionItem *self,
                                         const char *meeting_start)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  g_free (self->meeting_start);
  self->meeting_start = g_strdup (meeting_start ? meeting_start : "");
}

gint64
coalition_action_item_get_item_id (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), 0);
  return self->item_id;
}

void
coalition_action_item_set_item_id (CoalitionActionItem *self,
                                   gint64 item_id)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  self->item_id = item_id;
}

const char *
coalition_action_item_get_title (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), NULL);
  return self->title;
}

void
coalition_action_item_set_title (CoalitionActionItem *self,
                                 const char *title)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  g_free (self->title);
  self->title = g_strdup (title ? title : "");
}

gint64
coalition_action_item_get_owner_id (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), 0);
  return self->owner_id;
}

void
coalition_action_item_set_owner_id (CoalitionActionItem *self,
                                    gint64 owner_id)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  self->owner_id = owner_id;
}

const char *
coalition_action_item_get_owner_name (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), NULL);
  return self->owner_name;
}

void
coalition_action_item_set_owner_name (CoalitionActionItem *self,
                                      const char *owner_name)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  g_free (self->owner_name);
  self->owner_name = g_strdup (owner_name ? owner_name : "");
}

const char *
coalition_action_item_get_due (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), NULL);
  return self->due;
}

void
coalition_action_item_set_due (CoalitionActionItem *self,
                               const char *due)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  g_free (self->due);
  self->due = g_strdup (due ? due : "");
}

int
coalition_action_item_get_status (CoalitionActionItem *self)
{
  g_return_val_if_fail (COALITION_IS_ACTION_ITEM (self), 0);
  return self->status;
}

void
coalition_action_item_set_status (CoalitionActionItem *self,
                                  int status)
{
  g_return_if_fail (COALITION_IS_ACTION_ITEM (self));
  self->status = status;
}
