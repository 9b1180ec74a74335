/* coalition-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_WINDOW (coalition_window_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionWindow, coalition_window, COALITION, WINDOW, AdwApplicationWindow)

/* A window on the database at @path. If it cannot be opened the window says
 * why and offers another; @application may be NULL in tests. */
CoalitionWindow *coalition_window_new          (GtkApplication  *application,
                                                const char      *path);
const char      *coalition_window_get_path     (CoalitionWindow *self);
/* NULL when the database could not be opened. */
CoalitionStore  *coalition_window_get_store    (CoalitionWindow *self);
void             coalition_window_add_toast    (CoalitionWindow *self,
                                                const char      *message);
/* Takes @toast, for toasts with a button such as Undo. */
void             coalition_window_show_toast   (CoalitionWindow *self,
                                                AdwToast        *toast);
/* Deletes @id with @delete at once (see coalition_store_write_undoable ())
 * and shows "“@name” deleted" with Undo, which puts back everything the
 * delete took, in the window that holds @inside (a page); a delete or an
 * Undo that fails says why in a toast. Returns whether it was deleted. */
gboolean         coalition_window_delete_undoably (GtkWidget               *inside,
                                                   CoalitionStoreWriteFunc  delete,
                                                   gint64                   id,
                                                   const char              *name);
/* What the Import Members… and Export Members… choosers lead to. */
void             coalition_window_import_files (CoalitionWindow *self,
                                                GFile          **files,
                                                guint            n_files);
/* Writes the meeting @meeting_id (its series, when in one), or with 0 every
 * upcoming meeting, to @file as iCalendar; says so in a toast. */
gboolean         coalition_window_export_ics   (CoalitionWindow *self,
                                                gint64           meeting_id,
                                                GFile           *file);
/* Prints a document of the meeting through GtkPrintOperation: with
 * @export_pdf, into that PDF without a dialog; else with the print dialog
 * and its preview. The page setup is remembered. */
gboolean         coalition_window_print_meeting (CoalitionWindow *self,
                                                 gint64           meeting_id,
                                                 int              kind,
                                                 const char      *export_pdf);
void             coalition_window_export_file  (CoalitionWindow *self,
                                                GFile           *file);

G_END_DECLS
