/* coalition-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_PREFERENCES_WINDOW (coalition_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionPreferencesWindow, coalition_preferences_window, COALITION, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @store may be NULL when no database is open: the coalition settings are
 * then not shown. */
CoalitionPreferencesWindow *coalition_preferences_window_new (GtkWindow      *parent,
                                                              GSettings      *settings,
                                                              CoalitionStore *store);

G_END_DECLS
