/* coalition-outreach.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "coalition-outreach.h"

G_DEFINE_BOXED_TYPE (CoalitionOutreach, coalition_outreach,
                     coalition_outreach_copy, coalition_outreach_free)
G_DEFINE_BOXED_TYPE (CoalitionContact, coalition_contact,
                     coalition_contact_copy, coalition_contact_free)
G_DEFINE_BOXED_TYPE (CoalitionStatusChange, coalition_status_change,
                     coalition_status_change_copy, coalition_status_change_free)

CoalitionOutreach *
coalition_outreach_new (void)
{
  CoalitionOutreach *self = g_new0 (CoalitionOutreach, 1);

  self->next_step = g_strdup ("");
  self->next_step_date = g_strdup ("");
  return self;
}

CoalitionOutreach *
coalition_outreach_copy (const CoalitionOutreach *self)
{
  CoalitionOutreach *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CoalitionOutreach, 1);
  copy->priority = self->priority;
  copy->asker_id = self->asker_id;
  copy->asker_name = g_strdup (self->asker_name);
  copy->next_step = g_strdup (self->next_step ? self->next_step : "");
  copy->next_step_date = g_strdup (self->next_step_date ? self->next_step_date : "");
  return copy;
}

void
coalition_outreach_free (CoalitionOutreach *self)
{
  if (self == NULL)
    return;

  g_free (self->asker_name);
  g_free (self->next_step);
  g_free (self->next_step_date);
  g_free (self);
}

gboolean
coalition_outreach_is_empty (const CoalitionOutreach *self)
{
  return self == NULL ||
         (self->priority == COALITION_PRIORITY_NONE && self->asker_id == 0 &&
          (self->next_step == NULL || *self->next_step == '\0') &&
          (self->next_step_date == NULL || *self->next_step_date == '\0'));
}

CoalitionContact *
coalition_contact_new (const char           *happened_on,
                       CoalitionContactKind  kind,
                       gint64                by_id,
                       const char           *note)
{
  CoalitionContact *self = g_new0 (CoalitionContact, 1);

  self->happened_on = g_strdup (happened_on ? happened_on : "");
  self->kind = kind;
  self->by_id = by_id;
  self->note = g_strdup (note ? note : "");
  return self;
}

CoalitionContact *
coalition_contact_copy (const CoalitionContact *self)
{
  CoalitionContact *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = coalition_contact_new (self->happened_on, self->kind, self->by_id, self->note);
  copy->id = self->id;
  copy->by_name = g_strdup (self->by_name);
  return copy;
}

void
coalition_contact_free (CoalitionContact *self)
{
  if (self == NULL)
    return;

  g_free (self->happened_on);
  g_free (self->by_name);
  g_free (self->note);
  g_free (self);
}

CoalitionStatusChange *
coalition_status_change_copy (const CoalitionStatusChange *self)
{
  CoalitionStatusChange *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (CoalitionStatusChange, 1);
  copy->old_status = self->old_status;
  copy->new_status = self->new_status;
  copy->changed_at = g_strdup (self->changed_at);
  return copy;
}

void
coalition_status_change_free (CoalitionStatusChange *self)
{
  if (self == NULL)
    return;

  g_free (self->changed_at);
  g_free (self);
}

GStrv
coalition_tags_normalize (const char * const *tags)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *valid = g_utf8_make_valid (tags[i], -1);
      g_autofree char *nfc = g_utf8_normalize (g_strstrip (valid), -1, G_NORMALIZE_DEFAULT_COMPOSE);
      char *key;

      if (nfc == NULL || *nfc == '\0')
        continue;

      key = g_utf8_casefold (nfc, -1);
      if (!g_hash_table_add (seen, key))
        continue;
      g_strv_builder_add (builder, nfc);
    }

  return g_strv_builder_end (builder);
}

GStrv
coalition_tags_parse (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", ",;\n", -1);

  return coalition_tags_normalize ((const char * const *)parts);
}

char *
coalition_date_normalize (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GDate) date = NULL;
  unsigned year, month, day;

  /* Digits only: %u alone also takes a sign and blanks, and "-1" is a
   * year past 65535 once GDate has cut it to 16 bits. */
  if (!g_regex_match_simple ("^[0-9]{1,4}-[0-9]{1,2}-[0-9]{1,2}$", copy, 0, 0) ||
      sscanf (copy, "%u-%u-%u", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year))
    return NULL;

  date = g_date_new_dmy (day, month, year);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}
