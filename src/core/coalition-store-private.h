/* coalition-store-private.h — store internals shared inside src/core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-store.h"

G_BEGIN_DECLS

/* Marks the running transaction as a bulk write: views reload once at the
 * commit instead of following each record, and the search index is filled
 * once at the commit instead of row by row. */
gboolean coalition_store_begin_bulk    (CoalitionStore  *self,
                                        GError         **error);

/* The key that orders the directory, with case and accents folded away. */
char *coalition_store_make_sort_key    (const char     *primary,
                                        const char     *secondary);

/* Fills @by_email (key_for_email (address) → person id) and @by_name
 * (key_for_name (display name) → person id) for everyone in the directory.
 * The keys are newly allocated by the functions given. */
gboolean coalition_store_index_people  (CoalitionStore  *self,
                                        GHashTable      *by_email,
                                        GHashTable      *by_name,
                                        char          *(*key_for_email) (const char *address),
                                        char          *(*key_for_name) (const char *name),
                                        GError         **error);

G_END_DECLS
