/* coalition-prospect.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-prospect.h"

struct _CoalitionProspect
{
  GObject            parent_instance;

  CoalitionSubject   subject;
  gint64             id;
  char              *name;
  char              *detail;
  CoalitionStatus    status;
  CoalitionOutreach *outreach;
  char              *last_contact;
};

G_DEFINE_FINAL_TYPE (CoalitionProspect, coalition_prospect, G_TYPE_OBJECT)

static void
coalition_prospect_finalize (GObject *object)
{
  CoalitionProspect *self = (CoalitionProspect *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->outreach, coalition_outreach_free);
  g_clear_pointer (&self->last_contact, g_free);

  G_OBJECT_CLASS (coalition_prospect_parent_class)->finalize (object);
}

static void
coalition_prospect_class_init (CoalitionProspectClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = coalition_prospect_finalize;
}

static void
coalition_prospect_init (CoalitionProspect *self)
{
}

CoalitionProspect *
coalition_prospect_new (CoalitionSubject         subject,
                        gint64                   id,
                        const char              *name,
                        const char              *detail,
                        CoalitionStatus          status,
                        const CoalitionOutreach *outreach,
                        const char              *last_contact)
{
  CoalitionProspect *self = g_object_new (COALITION_TYPE_PROSPECT, NULL);

  self->subject = subject;
  self->id = id;
  self->name = g_strdup (name ? name : "");
  self->detail = g_strdup (detail ? detail : "");
  self->status = status;
  self->outreach = outreach ? coalition_outreach_copy (outreach) : coalition_outreach_new ();
  self->last_contact = g_strdup (last_contact ? last_contact : "");

  return self;
}

CoalitionSubject
coalition_prospect_get_subject (CoalitionProspect *self)
{
  g_return_val_if_fail (COALITION_IS_PROSPECT (self), 0);
  return self->subject;
}

gint64
coalition_prospect_get_id (CoalitionProspect *self)
{
  g_return_val_if_fail (COALITION_IS_PROSPECT (self), 0);
  return self->id;
}

const char *
coalition_prospect_get_name (CoalitionProspect *self)
{
  g_return_val_if_fail (COALITION_IS_PROSPECT (self), NULL);
  return self->name;
}

const char *
coalition_prospect_get_detail (CoalitionProspect *self)
{
  g_return_val_if_fail (COALITION_IS_PROSPECT (self), NULL);
  return self->detail;
}

CoalitionStatus
coalition_prospect_get_status (CoalitionProspect *self)
{
  g_return_val_if_fail (COALITION_IS_PROSPECT (self), 0);
  return self->status;
}

const CoalitionOutreach *
coalition_prospect_get_outreach (CoalitionProspect *self)
{
  g_return_val_if_fail (COALITION_IS_PROSPECT (self), NULL);
  return self->outreach;
}

const char *
coalition_prospect_get_last_contact (CoalitionProspect *self)
{
  g_return_val_if_fail (COALITION_IS_PROSPECT (self), NULL);
  return self->last_contact;
}
