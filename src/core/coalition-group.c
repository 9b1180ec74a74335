/* coalition-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-group-private.h"
#include "coalition-util-private.h"

struct _CoalitionGroup
{
  GObject             parent_instance;

  gint64              id;
  char               *uid;
  char               *name;
  CoalitionGroupKind  kind;
  char               *description;
  guint               n_members;
};

G_DEFINE_FINAL_TYPE (CoalitionGroup, coalition_group, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (CoalitionMembership, coalition_membership,
                     coalition_membership_copy, coalition_membership_free)

static void
coalition_group_finalize (GObject *object)
{
  CoalitionGroup *self = (CoalitionGroup *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (coalition_group_parent_class)->finalize (object);
}

static void
coalition_group_class_init (CoalitionGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = coalition_group_finalize;
}

static void
coalition_group_init (CoalitionGroup *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->kind = COALITION_GROUP_KIND_WORKING_GROUP;
}

CoalitionGroup *
coalition_group_new (const char         *name,
                     CoalitionGroupKind  kind)
{
  CoalitionGroup *self = g_object_new (COALITION_TYPE_GROUP, NULL);

  coalition_group_set_name (self, name);
  coalition_group_set_kind (self, kind);
  return self;
}

gint64
coalition_group_get_id (CoalitionGroup *self)
{
  g_return_val_if_fail (COALITION_IS_GROUP (self), 0);
  return self->id;
}

void
coalition_group_set_id (CoalitionGroup *self,
                        gint64          id)
{
  g_return_if_fail (COALITION_IS_GROUP (self));
  self->id = id;
}

const char *
coalition_group_get_uid (CoalitionGroup *self)
{
  g_return_val_if_fail (COALITION_IS_GROUP (self), NULL);
  return self->uid;
}

void
coalition_group_set_uid (CoalitionGroup *self,
                         const char     *uid)
{
  g_return_if_fail (COALITION_IS_GROUP (self));
  coalition_set_str (&self->uid, uid);
}

const char *
coalition_group_get_name (CoalitionGroup *self)
{
  g_return_val_if_fail (COALITION_IS_GROUP (self), NULL);
  return self->name;
}

void
coalition_group_set_name (CoalitionGroup *self,
                          const char     *name)
{
  g_return_if_fail (COALITION_IS_GROUP (self));
  coalition_set_str (&self->name, name ? name : "");
}

CoalitionGroupKind
coalition_group_get_kind (CoalitionGroup *self)
{
  g_return_val_if_fail (COALITION_IS_GROUP (self), 0);
  return self->kind;
}

void
coalition_group_set_kind (CoalitionGroup     *self,
                          CoalitionGroupKind  kind)
{
  g_return_if_fail (COALITION_IS_GROUP (self));
  g_return_if_fail (kind <= COALITION_GROUP_KIND_LAST);
  self->kind = kind;
}

const char *
coalition_group_get_description (CoalitionGroup *self)
{
  g_return_val_if_fail (COALITION_IS_GROUP (self), NULL);
  return self->description;
}

void
coalition_group_set_description (CoalitionGroup *self,
                                 const char     *description)
{
  g_return_if_fail (COALITION_IS_GROUP (self));
  coalition_set_str (&self->description, description ? description : "");
}

guint
coalition_group_get_n_members (CoalitionGroup *self)
{
  g_return_val_if_fail (COALITION_IS_GROUP (self), 0);
  return self->n_members;
}

void
coalition_group_set_n_members (CoalitionGroup *self,
                               guint           n_members)
{
  g_return_if_fail (COALITION_IS_GROUP (self));
  self->n_members = n_members;
}

CoalitionMembership *
coalition_membership_copy (const CoalitionMembership *self)
{
  CoalitionMembership *copy = g_memdup2 (self, sizeof *self);

  copy->group_name = g_strdup (self->group_name);
  copy->person_name = g_strdup (self->person_name);
  return copy;
}

void
coalition_membership_free (CoalitionMembership *self)
{
  if (self == NULL)
    return;

  g_free (self->group_name);
  g_free (self->person_name);
  g_free (self);
}
