/* coalition-contact-point.h — one e-mail address or phone number with its label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define COALITION_TYPE_CONTACT_POINT (coalition_contact_point_get_type ())

typedef struct
{
  char     *label;   /* "work", "home", "mobile"… or free text, may be "" */
  char     *value;   /* the address or number as the person gave it */
  gboolean  primary;
} CoalitionContactPoint;

GType                  coalition_contact_point_get_type (void) G_GNUC_CONST;
CoalitionContactPoint *coalition_contact_point_new      (const char                  *label,
                                                         const char                  *value,
                                                         gboolean                     primary);
CoalitionContactPoint *coalition_contact_point_copy     (const CoalitionContactPoint *self);
void                   coalition_contact_point_free     (CoalitionContactPoint       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionContactPoint, coalition_contact_point_free)

G_END_DECLS
