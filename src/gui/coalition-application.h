/* coalition-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define COALITION_TYPE_APPLICATION (coalition_application_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionApplication, coalition_application, COALITION, APPLICATION, AdwApplication)

CoalitionApplication *coalition_application_new          (void);
GSettings            *coalition_application_get_settings (CoalitionApplication *self);

G_END_DECLS
