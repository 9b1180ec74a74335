/* coalition-print.h — agendas, sign-in sheets and minutes, laid out once
 * with Pango and drawn on any cairo surface (print preview, printer, PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "coalition-store.h"

G_BEGIN_DECLS

typedef enum
{
  COALITION_DOCUMENT_AGENDA,
  COALITION_DOCUMENT_SIGN_IN,
  COALITION_DOCUMENT_MINUTES,
  COALITION_DOCUMENT_LETTER,   /* made by coalition_document_new_letter () */
  COALITION_DOCUMENT_UPDATE,   /* made by coalition_document_new_update () */
} CoalitionDocumentKind;

typedef struct _CoalitionDocument CoalitionDocument;

/* Reads what the document needs from the store, and lays it out on pages of
 * @width × @height points (A4 is 595 × 842, Letter 612 × 792). @kind is an
 * agenda, a sign-in sheet or minutes. */
CoalitionDocument *coalition_document_new          (CoalitionStore         *store,
                                                    CoalitionDocumentKind   kind,
                                                    gint64                  meeting_id,
                                                    double                  width,
                                                    double                  height,
                                                    GError                **error);
/* A sign-on letter: the coalition's name, the date (when it was sent, else
 * today), the addressee, the letter's title and text, and its signatories,
 * organizations with who signed for each, then people. */
CoalitionDocument *coalition_document_new_letter   (CoalitionStore         *store,
                                                    gint64                  letter_id,
                                                    double                  width,
                                                    double                  height,
                                                    GError                **error);
/* The monthly update of @month (1–12) of @year: the same sections as its
 * e-mail (coalition_update_to_html ()). */
CoalitionDocument *coalition_document_new_update   (CoalitionStore         *store,
                                                    int                     year,
                                                    int                     month,
                                                    double                  width,
                                                    double                  height,
                                                    GError                **error);
void               coalition_document_free         (CoalitionDocument      *self);
guint              coalition_document_get_n_pages  (CoalitionDocument      *self);
/* Draws page @page (from 0) with the origin at the page's top left corner,
 * in points. */
void               coalition_document_draw_page    (CoalitionDocument      *self,
                                                    cairo_t                *cr,
                                                    guint                   page);
/* Every page into a PDF at @path: the whole file or, on failure, none. */
gboolean           coalition_document_write_pdf    (CoalitionDocument      *self,
                                                    const char             *path,
                                                    GError                **error);
/* How many people the sign-in sheet lists, and how many blank rows follow. */
guint              coalition_document_get_n_names  (CoalitionDocument      *self);
guint              coalition_document_get_n_blank_rows (CoalitionDocument  *self);
/* Checks that every piece of text fits its cell and the margins; on the
 * first that does not, FALSE with a description in @out_problem. */
gboolean           coalition_document_check_fit    (CoalitionDocument      *self,
                                                    char                  **out_problem);
/* The paper of the locale: Letter in the United States, Canada and the
 * other countries that use it, else A4; in points. */
void               coalition_document_locale_paper (double                 *width,
                                                    double                 *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CoalitionDocument, coalition_document_free)

G_END_DECLS
