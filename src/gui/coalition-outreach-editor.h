/* coalition-outreach-editor.h — the outreach to a prospect or target, its
 * contact log and its history, as rows of a details pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_OUTREACH_EDITOR (coalition_outreach_editor_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionOutreachEditor, coalition_outreach_editor, COALITION, OUTREACH_EDITOR, GtkWidget)

GtkWidget               *coalition_outreach_editor_new          (void);
void                     coalition_outreach_editor_set_store    (CoalitionOutreachEditor *self,
                                                                 CoalitionStore          *store);
/* Shows the plan, the log and the history of one record. @status is its
 * status now, @created_at when it entered the directory. */
void                     coalition_outreach_editor_show         (CoalitionOutreachEditor *self,
                                                                 CoalitionSubject         subject,
                                                                 gint64                   id,
                                                                 const CoalitionOutreach *outreach,
                                                                 CoalitionStatus          status,
                                                                 const char              *created_at);
/* The plan as edited; the pane that shows it saves it with the record. */
const CoalitionOutreach *coalition_outreach_editor_get_outreach (CoalitionOutreachEditor *self);

/* Signals: "changed" (the plan was edited and should be saved),
 * "error" (const char *message) */

G_END_DECLS
