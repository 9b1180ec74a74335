/* coalition-demo.h — the example coalition
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_DEMO_DEFAULT_PEOPLE 400
#define COALITION_DEMO_DEFAULT_SEED   2026

/* Fills an empty database with a realistic coalition: member organizations of
 * many kinds, their staff and volunteers, allies, prospects and decision
 * makers, with names from many languages, a year of meetings and, when it
 * is large enough to have the officials (400 people), power maps of two
 * campaigns. The same seed gives the same coalition. All in one transaction; fails with NOT_EMPTY on a used file.
 * @progress, if given, is called now and then with the share done (0…1). */
gboolean coalition_demo_fill (CoalitionStore  *store,
                              guint            n_people,
                              guint32          seed,
                              void           (*progress) (double   fraction,
                                                          gpointer user_data),
                              gpointer         user_data,
                              GCancellable    *cancellable,
                              GError         **error);

G_END_DECLS
