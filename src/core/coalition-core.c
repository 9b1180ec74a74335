/* coalition-core.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "coalition-core.h"

void
coalition_core_init_i18n (void)
{
  const char *localedir = LOCALEDIR;

#ifdef BUILD_LOCALEDIR
  /* A development build run before it is installed finds its catalogs in
   * the build tree (po/LANG/LC_MESSAGES/), as long as that tree is there. */
  if (g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR))
    localedir = BUILD_LOCALEDIR;
#endif

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
