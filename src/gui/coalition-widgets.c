/* coalition-widgets.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coalition-widgets.h"

GtkWidget *
coalition_preferences_group_new (const char *title,
                                 const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

AdwToast *
coalition_undo_toast_new (const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  /* Not ADW_TOAST_PRIORITY_HIGH: libadwaita 1.2 aborts when a toast that
   * pushed another one aside is dismissed, so Undo takes its turn. */
  return toast;
}
