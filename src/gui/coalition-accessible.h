/* coalition-accessible.h — names for the parts of GTK's own widgets that a
 * screen reader reaches but that GTK 4.8 leaves without one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names the drop-down and the button inside it that takes the focus. */
void coalition_accessible_label_drop_down (GtkDropDown *drop_down,
                                           const char  *label);
/* Names a menu button after its label, or its tooltip when it shows an icon. */
void coalition_accessible_label_menu_button (GtkMenuButton *button);

/* Names the arrows that change the month and the year. */
void coalition_accessible_label_calendar         (GtkCalendar        *calendar);
/* Gives the window a title and its icon buttons names. */
void coalition_accessible_label_shortcuts_window (GtkShortcutsWindow *window);

G_END_DECLS
