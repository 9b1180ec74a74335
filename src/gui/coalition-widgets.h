/* coalition-widgets.h — small pieces the pages build alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A preferences group titled @title, with @description under it when not NULL. */
GtkWidget *coalition_preferences_group_new (const char *title,
                                            const char *description);

/* A toast saying @message with an Undo button, to be shown in the window's
 * overlay; it takes its turn after any toast already on screen. */
AdwToast  *coalition_undo_toast_new        (const char *message);

G_END_DECLS
