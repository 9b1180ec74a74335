/* main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "coalition-application.h"
#include "coalition-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CoalitionApplication) app = NULL;

  setlocale (LC_ALL, "");
  coalition_core_init_i18n ();

  app = coalition_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
