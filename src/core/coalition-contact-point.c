/* coalition-contact-point.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-contact-point.h"

G_DEFINE_BOXED_TYPE (CoalitionContactPoint, coalition_contact_point,
                     coalition_contact_point_copy, coalition_contact_point_free)

CoalitionContactPoint *
coalition_contact_point_new (const char *label,
                             const char *value,
                             gboolean    primary)
{
  CoalitionContactPoint *self = g_new0 (CoalitionContactPoint, 1);

  self->label = g_strdup (label ? label : "");
  self->value = g_strdup (value ? value : "");
  self->primary = !!primary;

  return self;
}

CoalitionContactPoint *
coalition_contact_point_copy (const CoalitionContactPoint *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return coalition_contact_point_new (self->label, self->value, self->primary);
}

void
coalition_contact_point_free (CoalitionContactPoint *self)
{
  if (self == NULL)
    return;

  g_free (self->label);
  g_free (self->value);
  g_free (self);
}
