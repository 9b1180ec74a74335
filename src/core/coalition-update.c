/* coalition-update.c — the monthly update as an e-mail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mail programs drop style sheets, scripts and pictures from elsewhere, so
 * the body carries everything itself: styles inline on each element, a
 * layout of tables, and each meeting's calendar file inside its link. The
 * markup is also well-formed XML, which every mail program reads alike.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "coalition-export.h"
#include "coalition-ics.h"
#include "coalition-print-private.h"
#include "coalition-update.h"

#define FONT "Cantarell, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
#define MUTED "color:#5e5c64;"
#define P_STYLE "margin:0 0 16px 0;"

static const struct
{
  const char *title;
  const char *empty;
} sections[] = {
  [COALITION_UPDATE_MEETINGS] = { N_("Upcoming meetings"), N_("No meetings are planned yet.") },
  [COALITION_UPDATE_DECISIONS] = { N_("Decisions taken"), N_("No decisions were recorded this month.") },
  [COALITION_UPDATE_WINS] = { N_("Wins"), N_("No wins were recorded this month — yet.") },
  [COALITION_UPDATE_NEW_MEMBERS] = { N_("New members"), N_("No organizations joined this month.") },
  [COALITION_UPDATE_LETTERS] = { N_("Sign-on letters open for signatures"), N_("No sign-on letters are open.") },
  [COALITION_UPDATE_ACTIONS] = { N_("Action items due"), N_("No action items are due. Well done!") },
};

const char *
coalition_update_section_get_title (CoalitionUpdateSection section)
{
  g_return_val_if_fail (section <= COALITION_UPDATE_SECTION_LAST, NULL);
  return _(sections[section].title);
}

const char *
coalition_update_section_get_empty_text (CoalitionUpdateSection section)
{
  g_return_val_if_fail (section <= COALITION_UPDATE_SECTION_LAST, NULL);
  return _(sections[section].empty);
}

char *
coalition_update_get_title (CoalitionUpdate *update)
{
  /* Translators: the title of the monthly update, "Monthly update — December 2026" */
  return g_strdup_printf (_("Monthly update — %s"), update->month_label);
}

char *
coalition_update_count_signatories (guint n_signatories)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signatory", "%u signatories", n_signatories),
                          n_signatories);
}

/* ---------------------------------------------------------------------- */
/* Markup */

static void
append_text (GString    *out,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

/* Text as typed, its line breaks kept. */
static void
append_lines (GString    *out,
              const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<br />");
      append_text (out, g_strchomp (lines[i]));
    }
}

static void
open_section (GString                *out,
              CoalitionUpdateSection  section)
{
  g_string_append (out, "<h2 style=\"margin:32px 0 12px 0;padding:0 0 6px 0;font-size:19px;line-height:1.3;"
                        "font-weight:bold;color:#241f31;border-bottom:2px solid #deddda;\">");
  append_text (out, coalition_update_section_get_title (section));
  g_string_append (out, "</h2>\n");
}

static void
append_empty (GString                *out,
              CoalitionUpdateSection  section)
{
  g_string_append (out, "<p style=\"" P_STYLE MUTED "font-style:italic;\">");
  append_text (out, coalition_update_section_get_empty_text (section));
  g_string_append (out, "</p>\n");
}

/* Only web addresses become links: nothing else runs from a click. */
static gboolean
is_web_address (const char *url)
{
  return g_ascii_strncasecmp (url, "https://", 8) == 0 || g_ascii_strncasecmp (url, "http://", 7) == 0;
}

static void
append_link (GString    *out,
             const char *href,
             const char *download,
             const char *label)
{
  g_string_append (out, "<a href=\"");
  append_text (out, href);
  g_string_append (out, "\"");
  if (download != NULL)
    {
      g_string_append (out, " download=\"");
      append_text (out, download);
      g_string_append (out, "\"");
    }
  g_string_append (out, " style=\"color:#1a5fb4;text-decoration:underline;\">");
  append_text (out, label);
  g_string_append (out, "</a>");
}

static void
append_muted (GString    *out,
              const char *text)
{
  g_string_append (out, "<span style=\"" MUTED "font-size:14px;\">");
  append_text (out, text);
  g_string_append (out, "</span>");
}

/* ---------------------------------------------------------------------- */
/* The calendar file in each meeting's link */

static gboolean
is_time_of (icaltimetype  t,
            GDateTime    *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  GDateTime *wanted = icaltime_is_utc (t) ? utc : time;

  return t.year == g_date_time_get_year (wanted) && t.month == g_date_time_get_month (wanted) &&
         t.day == g_date_time_get_day_of_month (wanted) && t.hour == g_date_time_get_hour (wanted) &&
         t.minute == g_date_time_get_minute (wanted);
}

static void
set_time (icalproperty *property,
          GDateTime    *time)
{
  icaltimetype t = icaltime_null_time ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  gboolean in_zone = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER) != NULL;
  GDateTime *value = in_zone ? time : utc;

  t.year = g_date_time_get_year (value);
  t.month = g_date_time_get_month (value);
  t.day = g_date_time_get_day_of_month (value);
  t.hour = g_date_time_get_hour (value);
  t.minute = g_date_time_get_minute (value);
  t.second = g_date_time_get_second (value);
  if (!in_zone)
    t = icaltime_convert_to_zone (t, icaltimezone_get_utc_timezone ());
  icalproperty_set_value (property, icalvalue_new_datetime (t));
}

static void
remove_all (icalcomponent    *component,
            icalproperty_kind kind)
{
  icalproperty *property;

  while ((property = icalcomponent_get_first_property (component, kind)) != NULL)
    {
      icalcomponent_remove_property (component, property);
      icalproperty_free (property);
    }
}

/* The meeting alone, to add to a calendar from the e-mail. The export
 * gives a meeting of a series as the whole series, and every invitee's
 * address: too much for an e-mail that goes to the whole coalition. So
 * this one keeps the event of the occurrence (or the series' first, which
 * it matches), as a meeting of its own with its own UID, and leaves the
 * invitees out; the time zone, the agenda and the reminders stay. */
static char *
meeting_calendar (CoalitionStore    *store,
                  CoalitionMeeting  *meeting,
                  GError           **error)
{
  g_autofree char *text = coalition_ics_export (store, COALITION_ICS_MEETING, coalition_meeting_get_id (meeting),
                                                NULL, error);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  icalcomponent *calendar, *chosen = NULL, *first = NULL;
  char *ical;
  char *result;

  if (text == NULL)
    return NULL;
  calendar = icalparser_parse_string (text);
  if (calendar == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, coalition_meeting_get_id (meeting));

      /* Translators: %s is the number of a meeting */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The calendar of meeting %s could not be read back"), id);
      return NULL;
    }

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);

      if (first == NULL && icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) == NULL)
        first = event;
      if (chosen == NULL && icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY) != NULL &&
          start != NULL && is_time_of (icalproperty_get_dtstart (start), coalition_meeting_get_start (meeting)))
        chosen = event;
      g_ptr_array_add (others, event);
    }
  if (chosen == NULL)
    chosen = first;
  if (chosen == NULL)
    {
      icalcomponent_free (calendar);
      return g_steal_pointer (&text);
    }

  for (guint i = 0; i < others->len; i++)
    if (others->pdata[i] != chosen)
      {
        icalcomponent_remove_component (calendar, others->pdata[i]);
        icalcomponent_free (others->pdata[i]);
      }
  remove_all (chosen, ICAL_RRULE_PROPERTY);
  remove_all (chosen, ICAL_RDATE_PROPERTY);
  remove_all (chosen, ICAL_EXDATE_PROPERTY);
  remove_all (chosen, ICAL_RECURRENCEID_PROPERTY);
  remove_all (chosen, ICAL_ATTENDEE_PROPERTY);
  icalcomponent_set_uid (chosen, coalition_meeting_get_uid (meeting));
  if (icalcomponent_get_first_property (chosen, ICAL_DTSTART_PROPERTY) != NULL)
    set_time (icalcomponent_get_first_property (chosen, ICAL_DTSTART_PROPERTY), coalition_meeting_get_start (meeting));
  if (icalcomponent_get_first_property (chosen, ICAL_DTEND_PROPERTY) != NULL)
    set_time (icalcomponent_get_first_property (chosen, ICAL_DTEND_PROPERTY), coalition_meeting_get_end (meeting));

  /* libical folds at 75 octets between characters, with CRLF. */
  ical = icalcomponent_as_ical_string_r (calendar);
  result = g_strdup (ical);
  free (ical);
  icalcomponent_free (calendar);
  return result;
}

/* ---------------------------------------------------------------------- */
/* Sections */

static void
append_meetings (GString         *out,
                 CoalitionUpdate *update,
                 CoalitionStore  *store)
{
  open_section (out, COALITION_UPDATE_MEETINGS);
  if (update->upcoming_meetings->len == 0)
    append_empty (out, COALITION_UPDATE_MEETINGS);

  for (guint i = 0; i < update->upcoming_meetings->len; i++)
    {
      CoalitionMeeting *meeting = update->upcoming_meetings->pdata[i];
      gboolean cancelled = coalition_meeting_get_status (meeting) == COALITION_MEETING_STATUS_CANCELLED;
      g_autofree char *when = coalition_print_meeting_when (meeting);
      const char *location = coalition_meeting_get_location (meeting);
      const char *url = coalition_meeting_get_url (meeting);

      g_string_append (out, "<p style=\"" P_STYLE "\"><strong style=\"font-size:16px;\">");
      append_text (out, coalition_meeting_get_title (meeting));
      g_string_append (out, "</strong>");
      if (cancelled)
        {
          g_string_append (out, " <span style=\"color:#a51d2d;font-weight:bold;\">");
          append_text (out, coalition_meeting_status_get_label (COALITION_MEETING_STATUS_CANCELLED));
          g_string_append (out, "</span>");
        }
      g_string_append (out, "<br />");
      append_text (out, when);
      if (*location != '\0')
        {
          g_string_append (out, "<br />");
          append_text (out, location);
        }
      if (*url != '\0')
        {
          g_string_append (out, "<br />");
          if (is_web_address (url))
            append_link (out, url, NULL, url);
          else
            append_text (out, url);
        }

      /* The calendar file rides in the link: no server to fetch it from. */
      if (!cancelled)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *ics = meeting_calendar (store, meeting, &error);

          if (ics != NULL)
            {
              g_autofree char *encoded = g_base64_encode ((const guchar *)ics, strlen (ics));
              g_autofree char *href = g_strconcat ("data:text/calendar;charset=utf-8;base64,", encoded, NULL);
              g_autofree char *day = g_date_time_format (coalition_meeting_get_start (meeting), "%Y-%m-%d");
              g_autofree char *file_name = g_strdup_printf ("meeting-%s.ics", day);

              g_string_append (out, "<br />");
              append_link (out, href, file_name, _("Add to calendar"));
            }
          else
            g_warning ("The calendar file of meeting %" G_GINT64_FORMAT " could not be made: %s",
                       coalition_meeting_get_id (meeting), error->message);
        }
      g_string_append (out, "</p>\n");
    }
}

static void
append_decisions (GString         *out,
                  CoalitionUpdate *update)
{
  open_section (out, COALITION_UPDATE_DECISIONS);
  if (update->decisions->len == 0)
    append_empty (out, COALITION_UPDATE_DECISIONS);

  for (guint i = 0; i < update->decisions->len; i++)
    {
      const CoalitionDecision *decision = update->decisions->pdata[i];
      CoalitionMeeting *meeting = update->decision_meetings->pdata[i];
      g_autofree char *how = coalition_print_decision_how (decision);
      g_autofree char *day = g_date_time_format (coalition_meeting_get_start (meeting), "%Y-%m-%d");
      g_autofree char *date = coalition_print_format_date (day);
      g_autofree char *detail = g_strdup_printf (_("%s, %s · %s"), coalition_meeting_get_title (meeting), date, how);

      g_string_append (out, "<p style=\"" P_STYLE "\"><strong>");
      append_lines (out, decision->text);
      g_string_append (out, "</strong><br />");
      append_muted (out, detail);
      g_string_append (out, "</p>\n");
    }
}

static void
append_wins (GString         *out,
             CoalitionUpdate *update)
{
  open_section (out, COALITION_UPDATE_WINS);
  if (update->wins->len == 0)
    append_empty (out, COALITION_UPDATE_WINS);

  for (guint i = 0; i < update->wins->len; i++)
    {
      CoalitionWin *win = update->wins->pdata[i];
      g_autofree char *date = coalition_print_format_date (win->date);
      g_autoptr(GString) context = g_string_new (date);

      if (win->campaign_name != NULL && *win->campaign_name != '\0')
        g_string_append_printf (context, " · %s", win->campaign_name);
      if (win->goal_title != NULL && *win->goal_title != '\0')
        g_string_append_printf (context, _(" · goal: %s"), win->goal_title);

      g_string_append (out, "<p style=\"" P_STYLE "\"><strong style=\"font-size:16px;\">");
      append_text (out, win->title);
      g_string_append (out, "</strong><br />");
      append_muted (out, context->str);
      if (win->description != NULL && *win->description != '\0')
        {
          g_string_append (out, "<br />");
          append_lines (out, win->description);
        }
      if (win->contributors != NULL && win->contributors->len > 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);
          g_autofree char *line = NULL;

          for (guint c = 0; c < win->contributors->len; c++)
            g_string_append_printf (names, "%s%s", c > 0 ? ", " : "", (char *)win->contributors->pdata[c]);
          line = g_strdup_printf (_("Thanks to: %s"), names->str);
          g_string_append (out, "<br /><em>");
          append_text (out, line);
          g_string_append (out, "</em>");
        }
      g_string_append (out, "</p>\n");
    }
}

static void
append_new_members (GString         *out,
                    CoalitionUpdate *update)
{
  open_section (out, COALITION_UPDATE_NEW_MEMBERS);
  if (update->new_members->len == 0)
    {
      append_empty (out, COALITION_UPDATE_NEW_MEMBERS);
      return;
    }

  g_string_append (out, "<ul style=\"margin:0 0 16px 0;padding:0 0 0 22px;\">\n");
  for (guint i = 0; i < update->new_members->len; i++)
    {
      CoalitionOrganization *organization = update->new_members->pdata[i];

      g_string_append (out, "<li style=\"margin:0 0 4px 0;\">");
      append_text (out, coalition_organization_get_name (organization));
      g_string_append (out, " · ");
      append_muted (out, coalition_organization_kind_get_label (coalition_organization_get_kind (organization)));
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
}

static void
append_letters (GString         *out,
                CoalitionUpdate *update)
{
  open_section (out, COALITION_UPDATE_LETTERS);
  if (update->open_letters->len == 0)
    append_empty (out, COALITION_UPDATE_LETTERS);

  for (guint i = 0; i < update->open_letters->len; i++)
    {
      CoalitionLetter *letter = update->open_letters->pdata[i];
      g_autofree char *signed_count = coalition_update_count_signatories (letter->n_signatories);
      g_autoptr(GString) detail = g_string_new (coalition_letter_status_get_label (letter->status));

      if (letter->deadline != NULL && *letter->deadline != '\0')
        {
          g_autofree char *deadline = coalition_print_format_date (letter->deadline);

          g_string_append (detail, " · ");
          /* Translators: when a sign-on letter closes, "deadline 20 Dec 2026" */
          g_string_append_printf (detail, _("deadline %s"), deadline);
        }
      g_string_append_printf (detail, " · %s", signed_count);

      g_string_append (out, "<p style=\"" P_STYLE "\"><strong>");
      append_text (out, letter->title);
      g_string_append (out, "</strong><br />");
      append_muted (out, detail->str);
      g_string_append (out, "</p>\n");
    }
}

static void
append_actions (GString         *out,
                CoalitionUpdate *update)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  open_section (out, COALITION_UPDATE_ACTIONS);
  if (update->actions_due->len == 0)
    append_empty (out, COALITION_UPDATE_ACTIONS);

  for (guint i = 0; i < update->actions_due->len; i++)
    {
      CoalitionActionItem *action = update->actions_due->pdata[i];
      const char *owner = coalition_action_item_get_owner_name (action);
      const char *due = coalition_action_item_get_due (action);
      g_autoptr(GString) detail = g_string_new (*owner ? owner : _("Nobody yet"));
      gboolean overdue = *due != '\0' && strcmp (due, today) < 0;

      if (*due != '\0')
        {
          g_autofree char *date = coalition_print_format_date (due);

          g_string_append (detail, " · ");
          /* Translators: when an action item is due, "due 20 Dec 2026" */
          g_string_append_printf (detail, _("due %s"), date);
        }

      g_string_append (out, "<p style=\"" P_STYLE "\"><strong>");
      append_text (out, coalition_action_item_get_title (action));
      g_string_append (out, "</strong>");
      if (overdue)
        {
          g_string_append (out, " <span style=\"color:#a51d2d;font-weight:bold;\">");
          append_text (out, _("Overdue"));
          g_string_append (out, "</span>");
        }
      g_string_append (out, "<br />");
      append_muted (out, detail->str);
      g_string_append (out, "</p>\n");
    }
}

/* ---------------------------------------------------------------------- */

char *
coalition_update_to_html (CoalitionUpdate *update,
                          CoalitionStore  *store)
{
  g_autofree char *coalition = coalition_store_get_setting (store, "coalition-name");
  g_autofree char *title = coalition_update_get_title (update);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (update != NULL, NULL);
  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"");
  /* Translators: the language of this translation as a BCP 47 tag, for the monthly update e-mail: "de", "pt-BR" */
  append_text (out, C_("language tag", "en"));
  g_string_append (out, "\">\n<head>\n"
                        "<meta charset=\"utf-8\" />\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
                        "<title>");
  append_text (out, title);
  g_string_append (out, "</title>\n</head>\n"
                        "<body style=\"margin:0;padding:0;background-color:#f3f3f1;\">\n"
                        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                        "style=\"background-color:#f3f3f1;\">\n<tr>\n<td align=\"center\" style=\"padding:24px 12px;\">\n"
                        "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                        "style=\"max-width:640px;background-color:#ffffff;border:1px solid #deddda;\">\n<tr>\n"
                        "<td style=\"padding:28px 32px;font-family:" FONT ";font-size:15px;line-height:1.5;"
                        "color:#241f31;text-align:left;\">\n");

  if (coalition != NULL && *coalition != '\0')
    {
      g_string_append (out, "<p style=\"margin:0;font-size:14px;" MUTED "\">");
      append_text (out, coalition);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<h1 style=\"margin:4px 0 8px 0;font-size:26px;line-height:1.25;font-weight:bold;"
                        "color:#241f31;\">");
  append_text (out, title);
  g_string_append (out, "</h1>\n");

  append_meetings (out, update, store);
  append_decisions (out, update);
  append_wins (out, update);
  append_new_members (out, update);
  append_letters (out, update);
  append_actions (out, update);

  g_string_append (out, "</td>\n</tr>\n</table>\n</td>\n</tr>\n</table>\n</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

gboolean
coalition_update_write_html (CoalitionUpdate  *update,
                             CoalitionStore   *store,
                             const char       *path,
                             GError          **error)
{
  g_autofree char *html = coalition_update_to_html (update, store);

  return coalition_export_write_file (path, html, strlen (html), error);
}
