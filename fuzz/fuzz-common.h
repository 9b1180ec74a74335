/* fuzz-common.h — what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "coalition-store.h"

G_BEGIN_DECLS

/* libFuzzer's entry points. */
int             LLVMFuzzerInitialize          (int            *argc,
                                               char         ***argv);
int             LLVMFuzzerTestOneInput        (const uint8_t  *data,
                                               size_t          size);

/* Makes GLib's criticals and warnings fatal: bad input must come back as a
 * GError, and an assertion it trips is a crash worth a report. */
void            coalition_fuzz_init           (void);
/* An empty store in a private temporary folder, removed at exit. */
CoalitionStore *coalition_fuzz_open_store     (void);
/* Aborts unless @text is NULL or valid UTF-8: what a reader hands on goes
 * to SQLite, Pango and GTK, which need it. */
void            coalition_fuzz_assert_utf8    (const char     *text);

G_END_DECLS
