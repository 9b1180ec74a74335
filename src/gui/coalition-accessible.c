/* coalition-accessible.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 names a widget from its label, its accessible label or the labels
 * inside it, and otherwise answers its type name: a screen reader then says
 * "GtkToggleButton". Some of GTK's own widgets are made of such parts, and
 * the part that takes the focus is not the one the application can name.
 */
#include "config.h"

#include "coalition-accessible.h"

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The focus of a GtkDropDown is on the toggle button inside it, which opens
 * the list; the drop-down itself is never focused. */
void
coalition_accessible_label_drop_down (GtkDropDown *drop_down,
                                      const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (label != NULL);

  set_label (GTK_WIDGET (drop_down), label);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      set_label (child, label);
}
