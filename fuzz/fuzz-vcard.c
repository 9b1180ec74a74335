/* fuzz-vcard.c — the vCard 2.1, 3.0 and 4.0 reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "coalition-csv.h"
#include "coalition-vcard.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  coalition_fuzz_init ();
  return 0;
}

static void
check_points (GPtrArray *points)
{
  for (guint i = 0; i < points->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (points, i);

      g_assert (point->value != NULL && point->value[0] != '\0');
      coalition_fuzz_assert_utf8 (point->value);
      coalition_fuzz_assert_utf8 (point->label);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *encoding = NULL;

  /* As the importer does: text first, whatever its encoding. */
  text = coalition_text_to_utf8 ((const char *)data, size, &encoding, &error);
  if (text == NULL)
    return 0;
  g_clear_error (&error);

  coalition_vcard_sniff (text);
  cards = coalition_vcard_parse (text, &error);
  if (cards == NULL)
    {
      g_assert (error != NULL && error->domain == COALITION_VCARD_ERROR);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, >, 0);

  for (guint i = 0; i < cards->len; i++)
    {
      CoalitionVCard *card = cards->pdata[i];

      g_assert_cmpuint (card->line, >, 0);
      coalition_fuzz_assert_utf8 (card->formatted_name);
      coalition_fuzz_assert_utf8 (card->given_name);
      coalition_fuzz_assert_utf8 (card->family_name);
      coalition_fuzz_assert_utf8 (card->organization_name);
      coalition_fuzz_assert_utf8 (card->title);
      coalition_fuzz_assert_utf8 (card->note);
      coalition_fuzz_assert_utf8 (card->address);
      for (guint k = 0; card->categories != NULL && card->categories[k] != NULL; k++)
        coalition_fuzz_assert_utf8 (card->categories[k]);
      check_points (card->emails);
      check_points (card->phones);
    }

  return 0;
}
