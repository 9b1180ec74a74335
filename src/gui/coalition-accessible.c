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

#include <string.h>

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

/* "_Add to Map" as a screen reader should say it: "Add to Map". */
static char *
without_mnemonic (const char *label)
{
  GString *text = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

/* A GtkMenuButton is a button around the toggle button that takes the focus,
 * and GTK 4.8 gives the inner one the outer one's name, which it only has
 * when the application sets it. */
void
coalition_accessible_label_menu_button (GtkMenuButton *button)
{
  const char *label;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  label = gtk_menu_button_get_label (button);
  if (label != NULL && *label != '\0')
    name = gtk_menu_button_get_use_underline (button) ? without_mnemonic (label) : g_strdup (label);
  else
    name = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (button)));
  g_return_if_fail (name != NULL && *name != '\0');

  set_label (GTK_WIDGET (button), name);
}
