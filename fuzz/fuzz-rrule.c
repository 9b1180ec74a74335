/* fuzz-rrule.c — a series' rule (an RRULE value, as a database file holds
 * it), written back, and the dates it gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "coalition-meetings.h"
#include "fuzz-common.h"

/* First meetings the rule runs from: an evening in a zone with daylight
 * saving time, the last day of a long month, and a leap day. */
static GDateTime *firsts[3];

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GTimeZone) chicago = coalition_zone_new ("America/Chicago");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  coalition_fuzz_init ();
  firsts[0] = g_date_time_new (chicago ? chicago : utc, 2024, 3, 5, 18, 30, 0);
  firsts[1] = g_date_time_new (utc, 2024, 1, 31, 9, 0, 0);
  firsts[2] = g_date_time_new (chicago ? chicago : utc, 2024, 2, 29, 23, 45, 0);
  return 0;
}

static void
check_occurrences (GDateTime                 *first,
                   const CoalitionSeriesRule *rule)
{
  const guint max = 40;
  g_autoptr(GPtrArray) starts = coalition_series_occurrences (first, rule, max);

  g_assert_cmpuint (starts->len, <=, max);
  for (guint i = 0; i < starts->len; i++)
    {
      GDateTime *start = starts->pdata[i];
      g_autofree char *date = g_date_time_format (start, "%Y-%m-%d");

      g_assert (start != NULL);
      /* Each after the one before, at the first's clock time, by UNTIL. */
      if (i > 0)
        g_assert_cmpint (g_date_time_compare (starts->pdata[i - 1], start), <, 0);
      g_assert_cmpint (g_date_time_get_minute (start), ==, g_date_time_get_minute (first));
      if (rule->until != NULL)
        g_assert_cmpstr (date, <=, rule->until);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  CoalitionSeriesRule rule = { 0 };
  CoalitionSeriesRule again = { 0 };
  g_autofree char *written = NULL;

  if (!coalition_series_rule_parse (text, &rule))
    return 0;

  g_assert_cmpuint (rule.interval, >=, 1);
  g_assert (rule.until == NULL || strlen (rule.until) == 10);

  /* Written back and read again, it is the same rule. */
  written = coalition_series_rule_to_rrule (&rule);
  g_assert (coalition_series_rule_parse (written, &again));
  g_assert_cmpint (again.repeat, ==, rule.repeat);
  g_assert_cmpuint (again.interval, ==, rule.interval);
  g_assert_cmpstr (again.until, ==, rule.until);
  if (rule.repeat == COALITION_REPEAT_MONTHLY_WEEKDAY)
    {
      g_assert_cmpint (again.week, ==, rule.week);
      g_assert_cmpint (again.weekday, ==, rule.weekday);
    }
  coalition_series_rule_clear (&again);

  for (guint i = 0; i < G_N_ELEMENTS (firsts); i++)
    check_occurrences (firsts[i], &rule);

  coalition_series_rule_clear (&rule);
  return 0;
}
