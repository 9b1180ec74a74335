/* bench-gui.h — what the benchmarks that open windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* The first widget of @type in the tree under @root, @root included. */
static inline GtkWidget *
bench_find_widget (GtkWidget *root,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = bench_find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}
