/* coalition-vcard.h — reading vCard 2.1, 3.0 and 4.0 files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "coalition-contact-point.h"

G_BEGIN_DECLS

#define COALITION_VCARD_ERROR (coalition_vcard_error_quark ())

typedef enum
{
  COALITION_VCARD_ERROR_EMPTY,
  COALITION_VCARD_ERROR_MALFORMED,
} CoalitionVCardError;

typedef struct
{
  guint      line;          /* where BEGIN:VCARD stands, from 1 */
  gboolean   organization;  /* KIND:org, or Apple's X-ABShowAs:COMPANY */
  char      *formatted_name;
  char      *given_name;
  char      *family_name;
  char      *organization_name;
  char      *title;
  char      *note;
  char      *address;       /* the first ADR, its parts joined with ", " */
  GStrv      categories;    /* CATEGORIES, NULL when none */
  GPtrArray *emails;        /* of CoalitionContactPoint */
  GPtrArray *phones;
  char      *url;           /* the first URL, or NULL */
  char      *uid;           /* a UUID, in lower case (the "urn:uuid:" prefix
                             * removed), or NULL for none or any other UID */
} CoalitionVCard;

GQuark     coalition_vcard_error_quark (void);
/* TRUE when @text (UTF-8) looks like vCards rather than CSV. */
gboolean   coalition_vcard_sniff       (const char  *text);
/* The cards in @text (UTF-8): lines unfolded, values unescaped. */
GPtrArray *coalition_vcard_parse       (const char  *text,
                                        GError     **error);
void       coalition_vcard_free        (CoalitionVCard *card);

G_END_DECLS
