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

#include <glib/gi18n.h>

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

/* The four arrows of a GtkCalendar's header, in the order GTK lays them out:
 * the month's, then the year's. */
void
coalition_accessible_label_calendar (GtkCalendar *calendar)
{
  const char *names[] = {
    N_("Previous Month"), N_("Next Month"), N_("Previous Year"), N_("Next Year"),
  };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *widget = GTK_WIDGET (calendar);

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  /* Depth-first, in order: the header box is the calendar's first child. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;)
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      if (gtk_widget_get_first_child (child) != NULL && !GTK_IS_BUTTON (child))
        child = gtk_widget_get_first_child (child);
      else
        {
          while (child != widget && gtk_widget_get_next_sibling (child) == NULL)
            child = gtk_widget_get_parent (child);
          child = child == widget ? NULL : gtk_widget_get_next_sibling (child);
        }
    }
  for (guint i = 0; i < buttons->len && i < G_N_ELEMENTS (names); i++)
    {
      set_label (g_ptr_array_index (buttons, i), _(names[i]));
      gtk_widget_set_tooltip_text (g_ptr_array_index (buttons, i), _(names[i]));
    }
}

/* The window of keyboard shortcuts has no title of its own, and its search
 * buttons show an icon alone. */
static void
label_icon_buttons (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *image = gtk_widget_get_first_child (child);

      if (GTK_IS_BUTTON (child) && GTK_IS_IMAGE (image) && gtk_widget_get_tooltip_text (child) == NULL)
        {
          const char *icon = gtk_image_get_icon_name (GTK_IMAGE (image));

          if (g_strcmp0 (icon, "edit-find-symbolic") == 0)
            set_label (child, _("Search Shortcuts"));
          else if (g_strcmp0 (icon, "window-close-symbolic") == 0)
            set_label (child, _("Close"));
          else if (g_strcmp0 (icon, "window-minimize-symbolic") == 0)
            set_label (child, _("Minimize"));
          else if (g_strcmp0 (icon, "window-maximize-symbolic") == 0)
            set_label (child, _("Maximize"));
        }
      label_icon_buttons (child);
    }
}

void
coalition_accessible_label_shortcuts_window (GtkShortcutsWindow *window)
{
  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  if (gtk_window_get_title (GTK_WINDOW (window)) == NULL)
    gtk_window_set_title (GTK_WINDOW (window), _("Keyboard Shortcuts"));
  label_icon_buttons (GTK_WIDGET (window));
  if (gtk_window_get_titlebar (GTK_WINDOW (window)) != NULL)
    label_icon_buttons (gtk_window_get_titlebar (GTK_WINDOW (window)));
}
