/* fuzz-fields.c — what people type into fields and the store reads back:
 * dates (YYYY-MM-DD) and lists of tags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "coalition-outreach.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  coalition_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autofree char *date = coalition_date_normalize (text);
  g_auto(GStrv) tags = NULL;

  /* A date comes out in the one spelling, which reads as itself. */
  if (date != NULL)
    {
      g_autofree char *again = coalition_date_normalize (date);

      g_assert_cmpuint (strlen (date), ==, 10);
      g_assert_cmpstr (again, ==, date);
    }

  tags = coalition_tags_parse (text);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (tags[i], -1);

      coalition_fuzz_assert_utf8 (tags[i]);
      g_assert (tags[i][0] != '\0');
      /* Each tag once, whatever its case. */
      for (guint k = 0; k < i; k++)
        {
          g_autofree char *other = g_utf8_casefold (tags[k], -1);
          g_assert_cmpstr (folded, !=, other);
        }
    }

  return 0;
}
