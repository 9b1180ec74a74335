/* coalition-meetings-page.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of meetings (upcoming first, then past) beside the meeting shown:
 * its details and roles, the agenda with each item's start time, the action
 * items to review, decisions, action items and attendance, and the minutes.
 * Every edit is saved as it is made, each in its own transaction. Saving
 * rebuilds the rows, so a row never saves from inside its own signal: the
 * write runs from a zero timeout.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "coalition-widgets.h"
#include "coalition-accessible.h"
#include "coalition-meetings.h"
#include "coalition-meetings-page.h"

struct _CoalitionMeetingsPage
{
  GtkWidget            parent_instance;

  CoalitionStore      *store;
  GPtrArray           *meetings;      /* CoalitionMeeting, in the list's order */
  CoalitionMeeting    *meeting;       /* the one shown */
  GPtrArray           *agenda;        /* its CoalitionAgendaItems, as edited */
  gboolean             loading;
  guint                reload_source;

  /* the item being timed while the meeting runs */
  CoalitionAgendaItem *timed_item;
  GDateTime           *timed_since;
  GtkLabel            *timer_clock;   /* weak: the running clock on its row */
  guint                timer_tick;

  /* people who can hold a role or an action: "Nobody" and then those in
   * any group, and whoever holds one now */
  GArray              *people_ids;
  GtkStringList       *people_names;
  GArray              *group_ids;     /* "The whole coalition" (0), then the groups */
  GtkStringList       *group_names;
  GStrv                zones;

  AdwLeaflet          *leaflet;
  GtkToggleButton     *meetings_toggle;
  GtkToggleButton     *actions_toggle;
  GtkToggleButton     *participation_toggle;
  GtkStack            *list_stack;
  GtkListBox          *meeting_list;
  GtkCalendar         *calendar;
  gboolean             marking;
  GtkBox              *action_groups;   /* the open action items, a group for each owner */
  GtkListBox          *participation_list;
  GtkStack            *details_stack;

  GtkLabel            *title_label;
  GtkLabel            *when_label;
  AdwEntryRow         *title_row;
  AdwEntryRow         *date_row;
  AdwEntryRow         *start_row;
  AdwEntryRow         *end_row;
  GtkDropDown         *zone_dropdown;
  AdwEntryRow         *location_row;
  AdwEntryRow         *url_row;
  GtkDropDown         *group_dropdown;
  AdwComboRow         *status_row;
  GtkDropDown         *role_dropdowns[3];
  AdwPreferencesGroup *agenda_group;
  AdwPreferencesGroup *review_group;
  AdwPreferencesGroup *decisions_group;
  AdwPreferencesGroup *actions_group;
  AdwPreferencesGroup *attendance_group;
  GPtrArray           *rows[5];       /* the rows each of those groups has now */
  GtkTextView         *minutes_view;
  GtkSwitch           *final_switch;
  GtkWidget           *held_button;
};

G_DEFINE_FINAL_TYPE (CoalitionMeetingsPage, coalition_meetings_page, GTK_TYPE_WIDGET)

enum { ROWS_AGENDA, ROWS_REVIEW, ROWS_DECISIONS, ROWS_ACTIONS, ROWS_ATTENDANCE };
enum { ROLE_FACILITATOR, ROLE_NOTE_TAKER, ROLE_TIMEKEEPER };

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void show_meeting (CoalitionMeetingsPage *self, gint64 id);
static void reload_lists (CoalitionMeetingsPage *self);

static void
toast (CoalitionMeetingsPage *self,
       const char            *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static void
report (CoalitionMeetingsPage *self,
        GError                *error)
{
  if (error != NULL)
    toast (self, error->message);
}

/* ---------------------------------------------------------------------- */
/* Deferred work: saving from a row rebuilds the rows. */

typedef void (*Deferred) (CoalitionMeetingsPage *self, gpointer data);

typedef struct
{
  CoalitionMeetingsPage *self;
  Deferred               func;
  gpointer               data;
  GDestroyNotify         free_data;
} Later;

static gboolean
later_cb (gpointer user_data)
{
  Later *later = user_data;

  if (later->self->store != NULL)
    later->func (later->self, later->data);
  if (later->free_data != NULL)
    later->free_data (later->data);
  g_object_unref (later->self);
  g_free (later);
  return G_SOURCE_REMOVE;
}

static void
run_later (CoalitionMeetingsPage *self,
           Deferred               func,
           gpointer               data,
           GDestroyNotify         free_data)
{
  Later *later = g_new0 (Later, 1);

  later->self = g_object_ref (self);
  later->func = func;
  later->data = data;
  later->free_data = free_data;
  g_timeout_add (0, later_cb, later);
}

/* ---------------------------------------------------------------------- */
/* Formatting */

static char *
format_day (GDateTime *time)
{
  /* Translators: a meeting's day in the list, "Tuesday 8 December 2026"; see g_date_time_format() */
  return time ? g_date_time_format (time, _("%A %-d %B %Y")) : g_strdup ("");
}

static char *
describe_when (CoalitionMeeting *meeting)
{
  g_autofree char *day = format_day (coalition_meeting_get_start (meeting));
  g_autofree char *start = coalition_format_clock (coalition_meeting_get_start (meeting));
  g_autofree char *end = coalition_format_clock (coalition_meeting_get_end (meeting));
  g_autofree char *abbreviation = g_date_time_format (coalition_meeting_get_start (meeting), "%Z");

  /* Translators: "Tuesday 8 December 2026, 18:30–20:30 PST" */
  return g_strdup_printf (_("%s, %s–%s %s"), day, start, end, abbreviation);
}

/* ---------------------------------------------------------------------- */
/* Rows */

static void
clear_rows (CoalitionMeetingsPage *self,
            guint                  which)
{
  AdwPreferencesGroup *groups[] = { self->agenda_group, self->review_group, self->decisions_group,
                                    self->actions_group, self->attendance_group };

  for (guint i = 0; i < self->rows[which]->len; i++)
    adw_preferences_group_remove (groups[which], self->rows[which]->pdata[i]);
  g_ptr_array_set_size (self->rows[which], 0);
}

static void
add_row (CoalitionMeetingsPage *self,
         guint                  which,
         GtkWidget             *row)
{
  AdwPreferencesGroup *groups[] = { self->agenda_group, self->review_group, self->decisions_group,
                                    self->actions_group, self->attendance_group };

  adw_preferences_group_add (groups[which], row);
  g_ptr_array_add (self->rows[which], row);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static GtkWidget *
entry_row (const char *title,
           GCallback   applied,
           gpointer    self)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  if (applied != NULL)
    g_signal_connect_object (row, "apply", applied, self, G_CONNECT_SWAPPED);
  return row;
}

static void
set_index (gpointer object,
           guint    index)
{
  g_object_set_data (G_OBJECT (object), "index", GUINT_TO_POINTER (index));
}

static guint
get_index (gpointer object)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (object), "index"));
}

static void
set_id (gpointer object,
        gint64   id)
{
  g_object_set_data_full (G_OBJECT (object), "id", g_memdup2 (&id, sizeof id), g_free);
}

static gint64
get_id (gpointer object)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), "id");

  return id ? *id : 0;
}

/* ---------------------------------------------------------------------- */
/* People and groups to choose from */

static void
load_choices (CoalitionMeetingsPage *self)
{
  g_autoptr(GPtrArray) groups = coalition_store_list_groups (self->store, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new ((const char * const[]) { _("Nobody"), NULL });
  g_autoptr(GtkStringList) group_names = gtk_string_list_new ((const char * const[]) { _("The whole coalition"), NULL });

  g_array_set_size (self->people_ids, 1);
  g_array_set_size (self->group_ids, 1);
  g_array_index (self->people_ids, gint64, 0) = 0;
  g_array_index (self->group_ids, gint64, 0) = 0;

  for (guint g = 0; groups != NULL && g < groups->len; g++)
    {
      gint64 group_id = coalition_group_get_id (groups->pdata[g]);
      g_autoptr(GPtrArray) members = coalition_store_list_group_members (self->store, group_id, NULL);

      g_array_append_val (self->group_ids, group_id);
      gtk_string_list_append (group_names, coalition_group_get_name (groups->pdata[g]));
      for (guint i = 0; members != NULL && i < members->len; i++)
        {
          const CoalitionMembership *m = members->pdata[i];

          if (!g_hash_table_add (seen, g_memdup2 (&m->person_id, sizeof (gint64))))
            continue;
          g_array_append_val (self->people_ids, m->person_id);
          gtk_string_list_append (names, m->person_name);
        }
    }

  /* Whoever holds a role now stays choosable, in a group or not. */
  if (self->meeting != NULL)
    {
      const struct { gint64 id; const char *name; } holders[] = {
        { coalition_meeting_get_facilitator_id (self->meeting), coalition_meeting_get_facilitator_name (self->meeting) },
        { coalition_meeting_get_note_taker_id (self->meeting), coalition_meeting_get_note_taker_name (self->meeting) },
        { coalition_meeting_get_timekeeper_id (self->meeting), coalition_meeting_get_timekeeper_name (self->meeting) },
      };

      for (guint r = 0; r < G_N_ELEMENTS (holders); r++)
        if (holders[r].id > 0 && g_hash_table_add (seen, g_memdup2 (&holders[r].id, sizeof (gint64))))
          {
            g_array_append_val (self->people_ids, holders[r].id);
            gtk_string_list_append (names, holders[r].name);
          }
    }

  g_set_object (&self->people_names, names);
  g_set_object (&self->group_names, group_names);
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return 0;
}

static GtkWidget *
person_dropdown (CoalitionMeetingsPage *self,
                 const char            *label,
                 gint64                 chosen)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->people_names)),
                                           gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), position_of (self->people_ids, chosen));
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  coalition_accessible_label_drop_down (GTK_DROP_DOWN (dropdown), label);
  return dropdown;
}

/* ---------------------------------------------------------------------- */
/* The list of meetings */

static GtkWidget *
meeting_row (CoalitionMeeting *meeting)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = describe_when (meeting);
  g_autofree char *subtitle = NULL;
  const char *group = coalition_meeting_get_group_name (meeting);

  if (coalition_meeting_get_status (meeting) == COALITION_MEETING_STATUS_CANCELLED)
    /* Translators: a cancelled meeting in the list: "Tuesday 10 March 2026, 18:30–20:30 PDT (cancelled)" */
    subtitle = g_strdup_printf (_("%s (cancelled)"), when);
  else if (*group != '\0' && !g_str_equal (group, coalition_meeting_get_title (meeting)))
    subtitle = g_strdup_printf ("%s · %s", when, group);
  else
    subtitle = g_strdup (when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), coalition_meeting_get_title (meeting));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (coalition_meeting_get_status (meeting) == COALITION_MEETING_STATUS_CANCELLED)
    gtk_widget_add_css_class (row, "dim-label");
  set_id (row, coalition_meeting_get_id (meeting));
  return row;
}

static GtkWidget *
section_header (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  return label;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "section");
  const char *previous = before ? g_object_get_data (G_OBJECT (before), "section") : NULL;

  if (section != NULL && g_strcmp0 (section, previous) != 0)
    gtk_list_box_row_set_header (row, section_header (section));
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void mark_calendar (CoalitionMeetingsPage *self);

static void
fill_meeting_list (CoalitionMeetingsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GtkWidget *child;
  guint n_upcoming = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->meeting_list))) != NULL)
    gtk_list_box_remove (self->meeting_list, child);

  /* Upcoming, soonest first; then past, latest first. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < self->meetings->len; k++)
      {
        guint i = pass == 0 ? k : self->meetings->len - 1 - k;
        CoalitionMeeting *meeting = self->meetings->pdata[i];
        gboolean upcoming = g_date_time_compare (coalition_meeting_get_end (meeting), now) >= 0;
        GtkWidget *row;

        if (upcoming != (pass == 0))
          continue;
        row = meeting_row (meeting);
        g_object_set_data (G_OBJECT (row), "section", pass == 0 ? _("Upcoming") : _("Past"));
        gtk_list_box_append (self->meeting_list, row);
        n_upcoming += upcoming;
        if (self->meeting != NULL && coalition_meeting_get_id (meeting) == coalition_meeting_get_id (self->meeting))
          gtk_list_box_select_row (self->meeting_list, GTK_LIST_BOX_ROW (row));
      }
  mark_calendar (self);
}

/* The month view: the days of the month shown that have a meeting. */
static void
mark_calendar (CoalitionMeetingsPage *self)
{
  int year, month;

  /* GTK 4.8 has the year and month as properties only; months count from 0. */
  g_object_get (self->calendar, "year", &year, "month", &month, NULL);
  month++;

  gtk_calendar_clear_marks (self->calendar);
  for (guint i = 0; i < self->meetings->len; i++)
    {
      CoalitionMeeting *meeting = self->meetings->pdata[i];
      /* The day as the meeting has it, in its own zone, as the list shows it. */
      GDateTime *start = coalition_meeting_get_start (meeting);

      if (coalition_meeting_get_status (meeting) != COALITION_MEETING_STATUS_CANCELLED
          && g_date_time_get_year (start) == year && g_date_time_get_month (start) == month)
        gtk_calendar_mark_day (self->calendar, g_date_time_get_day_of_month (start));
    }

  /* GTK 4.8 shows new marks only when it lays the days out again, as
   * choosing another day does: away and back, opening nothing. */
  {
    g_autoptr(GDateTime) chosen = gtk_calendar_get_date (self->calendar);
    g_autoptr(GDateTime) other = g_date_time_add_days (chosen, g_date_time_get_day_of_month (chosen) > 1 ? -1 : 1);

    self->marking = TRUE;
    gtk_calendar_select_day (self->calendar, other);
    gtk_calendar_select_day (self->calendar, chosen);
    self->marking = FALSE;
  }
}

/* A day with a meeting opens it (the first, when there are several). */
static void
day_selected_cb (CoalitionMeetingsPage *self,
                 GtkCalendar           *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  if (self->marking)
    return;
  for (guint i = 0; i < self->meetings->len; i++)
    {
      CoalitionMeeting *meeting = self->meetings->pdata[i];
      /* The day as the meeting has it, in its own zone, as the list shows it. */
      GDateTime *start = coalition_meeting_get_start (meeting);

      if (g_date_time_get_year (start) == g_date_time_get_year (day)
          && g_date_time_get_day_of_year (start) == g_date_time_get_day_of_year (day))
        {
          coalition_meetings_page_show_meeting (self, coalition_meeting_get_id (meeting));
          if (adw_leaflet_get_folded (self->leaflet))
            adw_leaflet_set_visible_child_name (self->leaflet, "details");
          return;
        }
    }
}

static void
meeting_activated_cb (CoalitionMeetingsPage *self,
                      GtkListBoxRow         *row)
{
  show_meeting (self, get_id (row));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

/* ---------------------------------------------------------------------- */
/* Action items across meetings, and participation */

static void
action_done_cb (CoalitionMeetingsPage *self,
                GtkButton             *button);

/* Open, and due on a day that has passed. */
static gboolean
action_is_overdue (CoalitionActionItem *action,
                   const char          *today)
{
  const char *due = coalition_action_item_get_due (action);

  return coalition_action_item_get_status (action) == COALITION_ACTION_STATUS_OPEN && *due != '\0' &&
         strcmp (due, today) < 0;
}

/* An action item as a row, with its owner unless it is in its owner's group
 * in the Action Items view, and with the meeting it came from when that is
 * not the meeting shown. */
static GtkWidget *
action_row (CoalitionMeetingsPage *self,
            CoalitionActionItem   *action,
            gboolean               with_owner,
            gboolean               with_meeting)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *today = coalition_store_today ();
  const char *owner = coalition_action_item_get_owner_name (action);
  const char *due = coalition_action_item_get_due (action);
  int status = coalition_action_item_get_status (action);

  if (with_owner)
    g_string_append (subtitle, *owner ? owner : _("Nobody yet"));
  if (*due != '\0')
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: when an action item is due, "due 2026-12-03" */
      g_string_append_printf (subtitle, _("due %s"), due);
    }
  if (with_meeting)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", coalition_action_item_get_meeting_title (action));
  if (status != COALITION_ACTION_STATUS_OPEN)
    g_string_append_printf (subtitle, " · %s", coalition_action_status_get_label (status));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), coalition_action_item_get_title (action));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (action_is_overdue (action, today))
    {
      GtkWidget *badge = gtk_label_new (_("Overdue"));

      gtk_widget_add_css_class (badge, "warning");
      gtk_widget_add_css_class (badge, "caption-heading");
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  if (status == COALITION_ACTION_STATUS_OPEN)
    {
      g_autofree char *label = g_strdup_printf (_("Mark “%s” Done"), coalition_action_item_get_title (action));
      GtkWidget *done = icon_button ("object-select-symbolic", label);

      set_id (done, coalition_action_item_get_id (action));
      g_signal_connect_object (done, "clicked", G_CALLBACK (action_done_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
    }
  return row;
}

/* Items nobody owns first, as they are the ones that get forgotten; then
 * by owner's name. Within each, the store's order holds: by due date. */
static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  CoalitionActionItem *x = *(CoalitionActionItem **)a, *y = *(CoalitionActionItem **)b;
  const char *x_owner = coalition_action_item_get_owner_name (x);
  const char *y_owner = coalition_action_item_get_owner_name (y);

  if ((*x_owner == '\0') != (*y_owner == '\0'))
    return *x_owner == '\0' ? -1 : 1;
  return g_utf8_collate (x_owner, y_owner);
}

static void
fill_action_list (CoalitionMeetingsPage *self)
{
  g_autoptr(GPtrArray) actions = coalition_store_list_actions (self->store, TRUE, NULL);
  g_autofree char *today = coalition_store_today ();
  AdwPreferencesGroup *group = NULL;
  guint n_open = 0, n_overdue = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->action_groups))) != NULL)
    gtk_box_remove (self->action_groups, child);
  if (actions == NULL || actions->len == 0)
    {
      GtkWidget *empty = coalition_preferences_group_new (_("No Open Action Items"),
                                    _("Action items agreed in meetings are listed here by who does them, "
                                      "until they are marked done."));

      gtk_box_append (self->action_groups, empty);
      return;
    }

  /* g_ptr_array_sort () is stable. */
  g_ptr_array_sort (actions, compare_owners);
  for (guint i = 0; i <= actions->len; i++)
    {
      CoalitionActionItem *action = i < actions->len ? actions->pdata[i] : NULL;
      const char *owner = action ? coalition_action_item_get_owner_name (action) : NULL;

      /* The group before is complete: say how much it holds. */
      if (group != NULL &&
          (action == NULL || compare_owners (&actions->pdata[i - 1], &actions->pdata[i]) != 0))
        {
          g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open item", "%u open items", n_open),
                                                   n_open);
          /* Translators: how many of someone's action items are overdue, after "3 open items" */
          g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue", n_overdue),
                                                      n_overdue);
          g_autofree char *description = n_overdue > 0 ? g_strdup_printf ("%s · %s", open, overdue) : g_strdup (open);

          adw_preferences_group_set_description (group, description);
          group = NULL;
        }
      if (action == NULL)
        break;
      if (group == NULL)
        {
          group = ADW_PREFERENCES_GROUP (coalition_preferences_group_new (*owner ? owner : _("No One Assigned"), NULL));
          gtk_box_append (self->action_groups, GTK_WIDGET (group));
          n_open = n_overdue = 0;
        }
      n_open++;
      if (action_is_overdue (action, today))
        n_overdue++;
      adw_preferences_group_add (group, action_row (self, action, FALSE, TRUE));
    }
}

static void
fill_participation_list (CoalitionMeetingsPage *self)
{
  g_autoptr(GPtrArray) participation = coalition_store_list_participation (self->store, 12, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->participation_list))) != NULL)
    gtk_list_box_remove (self->participation_list, child);

  for (guint i = 0; participation != NULL && i < participation->len; i++)
    {
      const CoalitionParticipation *p = participation->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      /* Translators: an organization's attendance, "came to 5 of the last 8 meetings it was asked to" */
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "came to %u of the last %u meeting it was asked to",
                                                                "came to %u of the last %u meetings it was asked to",
                                                                p->meetings),
                                                   p->present, p->meetings);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (p->falling)
        {
          GtkWidget *badge = gtk_label_new (_("Drifting away"));

          gtk_widget_add_css_class (badge, "warning");
          gtk_widget_add_css_class (badge, "caption-heading");
          gtk_widget_set_tooltip_text (badge, _("Came before, but to none of the last three meetings: "
                                                "a good moment to reach out in person."));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
      gtk_list_box_append (self->participation_list, row);
    }
  if (participation == NULL || participation->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No meetings held yet: attendance shows here once they are."));
      gtk_list_box_append (self->participation_list, row);
    }
}

static void
set_action_done (CoalitionMeetingsPage *self,
                 gpointer               data)
{
  g_autoptr(GError) error = NULL;

  if (!coalition_store_set_action_status (self->store, *(gint64 *)data, COALITION_ACTION_STATUS_DONE, &error))
    report (self, error);
}

static void
action_done_cb (CoalitionMeetingsPage *self,
                GtkButton             *button)
{
  run_later (self, set_action_done, g_memdup2 (&(gint64) { get_id (button) }, sizeof (gint64)), g_free);
}

static void
mode_toggled_cb (CoalitionMeetingsPage *self)
{
  if (gtk_toggle_button_get_active (self->actions_toggle))
    {
      fill_action_list (self);
      gtk_stack_set_visible_child_name (self->list_stack, "actions");
    }
  else if (gtk_toggle_button_get_active (self->participation_toggle))
    {
      fill_participation_list (self);
      gtk_stack_set_visible_child_name (self->list_stack, "participation");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "meetings");
}

/* ---------------------------------------------------------------------- */
/* Saving the meeting's own fields */

/* Saves the meeting as it was when the edit was made (@data), even if the
 * page has read it again meanwhile. */
static void
save_meeting (CoalitionMeetingsPage *self,
              gpointer               data)
{
  g_autoptr(GError) error = NULL;
  CoalitionMeeting *meeting = data;

  if (!coalition_store_update_meeting (self->store, meeting, &error))
    {
      report (self, error);
      show_meeting (self, coalition_meeting_get_id (meeting));
    }
}

static void
save_meeting_later (CoalitionMeetingsPage *self)
{
  if (self->meeting != NULL)
    run_later (self, save_meeting, g_object_ref (self->meeting), g_object_unref);
}

/* A day (YYYY-MM-DD) and a clock time (HH:MM) in the meeting's zone. */
static GDateTime *
parse_local (const char *zone,
             const char *day,
             const char *clock)
{
  g_autoptr(GTimeZone) tz = coalition_zone_new (zone);
  g_autofree char *date = coalition_date_normalize (day);
  unsigned hour, minute;
  char end;
  int year, month, mday;

  if (tz == NULL || date == NULL || sscanf (clock, "%2u:%2u%c", &hour, &minute, &end) != 2 || hour > 23 || minute > 59)
    return NULL;
  if (sscanf (date, "%d-%d-%d", &year, &month, &mday) != 3)
    return NULL;

  return g_date_time_new (tz, year, month, mday, hour, minute, 0);
}

/* Date, start, end and zone together: the end follows to the same day. */
static void
apply_time (CoalitionMeetingsPage *self)
{
  const char *zone = coalition_meeting_get_zone (self->meeting);
  const char *day = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autoptr(GDateTime) start = parse_local (zone, day, gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  g_autoptr(GDateTime) end = parse_local (zone, day, gtk_editable_get_text (GTK_EDITABLE (self->end_row)));

  if (start == NULL || end == NULL)
    {
      toast (self, _("Write the date as year-month-day (2026-12-08) and the times as hours:minutes (18:30)."));
      show_meeting (self, coalition_meeting_get_id (self->meeting));
      return;
    }
  if (g_date_time_compare (end, start) < 0)
    {
      /* Past midnight: the next day. */
      GDateTime *next = g_date_time_add_days (end, 1);

      g_date_time_unref (end);
      end = next;
    }

  coalition_meeting_set_start (self->meeting, start);
  coalition_meeting_set_end (self->meeting, end);
  save_meeting_later (self);
}

static void
field_applied_cb (CoalitionMeetingsPage *self,
                  AdwEntryRow           *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->meeting == NULL || self->loading)
    return;

  if (row == self->title_row)
    coalition_meeting_set_title (self->meeting, text);
  else if (row == self->location_row)
    coalition_meeting_set_location (self->meeting, text);
  else if (row == self->url_row)
    coalition_meeting_set_url (self->meeting, text);
  else
    {
      apply_time (self);
      return;
    }
  save_meeting_later (self);
}

static void
zone_selected_cb (CoalitionMeetingsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->zone_dropdown);
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  int year, month, day;

  if (self->meeting == NULL || self->loading || self->zones == NULL || selected >= g_strv_length (self->zones))
    return;
  if (g_str_equal (self->zones[selected], coalition_meeting_get_zone (self->meeting)))
    return;

  /* The same clock time in the new zone: people choose the zone to say
   * where the time is meant. */
  tz = coalition_zone_new (self->zones[selected]);
  g_date_time_get_ymd (coalition_meeting_get_start (self->meeting), &year, &month, &day);
  start = g_date_time_new (tz, year, month, day, g_date_time_get_hour (coalition_meeting_get_start (self->meeting)),
                           g_date_time_get_minute (coalition_meeting_get_start (self->meeting)), 0);
  end = g_date_time_add (start, g_date_time_difference (coalition_meeting_get_end (self->meeting),
                                                        coalition_meeting_get_start (self->meeting)));
  coalition_meeting_set_zone (self->meeting, self->zones[selected]);
  coalition_meeting_set_start (self->meeting, start);
  coalition_meeting_set_end (self->meeting, end);
  save_meeting_later (self);
}

static void
group_selected_cb (CoalitionMeetingsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->meeting == NULL || self->loading || selected >= self->group_ids->len)
    return;
  coalition_meeting_set_group_id (self->meeting, g_array_index (self->group_ids, gint64, selected));
  save_meeting_later (self);
}

static void
status_selected_cb (CoalitionMeetingsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->meeting == NULL || self->loading || selected > COALITION_MEETING_STATUS_LAST ||
      (int)selected == coalition_meeting_get_status (self->meeting))
    return;
  coalition_meeting_set_status (self->meeting, selected);
  save_meeting_later (self);
}

static void
role_selected_cb (CoalitionMeetingsPage *self,
                  GParamSpec            *pspec,
                  GtkDropDown           *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  gint64 id;

  if (self->meeting == NULL || self->loading || selected >= self->people_ids->len)
    return;
  id = g_array_index (self->people_ids, gint64, selected);
  if (dropdown == self->role_dropdowns[ROLE_FACILITATOR])
    coalition_meeting_set_facilitator_id (self->meeting, id);
  else if (dropdown == self->role_dropdowns[ROLE_NOTE_TAKER])
    coalition_meeting_set_note_taker_id (self->meeting, id);
  else
    coalition_meeting_set_timekeeper_id (self->meeting, id);
  save_meeting_later (self);
}

static void
suggest_facilitator_cb (CoalitionMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->meeting == NULL)
    return;
  id = coalition_store_suggest_facilitator (self->store, &error);
  if (id == 0)
    {
      toast (self, error ? error->message : _("Make a core group in Members → Groups to rotate the facilitator."));
      return;
    }
  coalition_meeting_set_facilitator_id (self->meeting, id);
  save_meeting_later (self);
}

/* ---------------------------------------------------------------------- */
/* The agenda */

typedef struct
{
  gint64     meeting_id;
  GPtrArray *items;
} AgendaEdit;

static void
agenda_edit_free (AgendaEdit *edit)
{
  g_ptr_array_unref (edit->items);
  g_free (edit);
}

/* Saves the agenda as it was edited (@data), even if the page has read
 * it again meanwhile. */
static void
save_agenda (CoalitionMeetingsPage *self,
             gpointer               data)
{
  AgendaEdit *edit = data;
  g_autoptr(GError) error = NULL;

  if (!coalition_store_set_agenda (self->store, edit->meeting_id, edit->items, &error))
    {
      report (self, error);
      if (self->meeting != NULL)
        show_meeting (self, coalition_meeting_get_id (self->meeting));
    }
}

static void
save_agenda_later (CoalitionMeetingsPage *self)
{
  AgendaEdit *edit;

  if (self->meeting == NULL || self->agenda == NULL)
    return;
  edit = g_new0 (AgendaEdit, 1);
  edit->meeting_id = coalition_meeting_get_id (self->meeting);
  edit->items = g_ptr_array_ref (self->agenda);
  run_later (self, save_agenda, edit, (GDestroyNotify)agenda_edit_free);
}

static void
move_item (CoalitionMeetingsPage *self,
           guint                  index,
           int                    delta)
{
  int target = (int)index + delta;
  gpointer item;

  if (self->agenda == NULL || index >= self->agenda->len || target < 0 || target >= (int)self->agenda->len)
    return;

  item = self->agenda->pdata[index];
  self->agenda->pdata[index] = self->agenda->pdata[target];
  self->agenda->pdata[target] = item;
  g_object_set_data (G_OBJECT (self), "focus-item", GUINT_TO_POINTER (target + 1));
  save_agenda_later (self);
}

static void
move_up_cb (CoalitionMeetingsPage *self,
            GtkButton             *button)
{
  move_item (self, get_index (button), -1);
}

static void
move_down_cb (CoalitionMeetingsPage *self,
              GtkButton             *button)
{
  move_item (self, get_index (button), +1);
}

static void
remove_item_cb (CoalitionMeetingsPage *self,
                GtkButton             *button)
{
  guint index = get_index (button);

  if (self->agenda == NULL || index >= self->agenda->len)
    return;
  g_ptr_array_remove_index (self->agenda, index);
  save_agenda_later (self);
}

/* Alt+↑ and Alt+↓ move the focused item. */
static gboolean
item_key_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             CoalitionMeetingsPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_ALT_MASK) == 0)
    return FALSE;
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    move_item (self, get_index (row), -1);
  else if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    move_item (self, get_index (row), +1);
  else
    return FALSE;
  return TRUE;
}

/* Drag and drop: an item carries its position; dropped on another item it
 * takes that item's place. */
static GdkContentProvider *
item_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return gdk_content_provider_new_typed (G_TYPE_UINT, get_index (row));
}

static void
item_drag_begin_cb (GtkDragSource *source,
                    GdkDrag       *drag,
                    gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static void
drop_item (CoalitionMeetingsPage *self,
           guint                  from,
           guint                  to)
{
  gpointer item;

  if (self->agenda == NULL || from >= self->agenda->len || to >= self->agenda->len || from == to)
    return;
  item = g_ptr_array_steal_index (self->agenda, from);
  g_ptr_array_insert (self->agenda, to, item);
  save_agenda_later (self);
}

static gboolean
item_drop_cb (GtkDropTarget         *target,
              const GValue          *value,
              double                 x,
              double                 y,
              CoalitionMeetingsPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));

  if (!G_VALUE_HOLDS_UINT (value))
    return FALSE;
  drop_item (self, g_value_get_uint (value), get_index (row));
  return TRUE;
}

/* The running clock on the timed item's row: "4:05 of 15 min", marked once
 * the item runs past its planned minutes, so the timekeeper sees it. */
static void
update_timer_clock (CoalitionMeetingsPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  GTimeSpan elapsed;
  int planned;

  if (self->timer_clock == NULL || self->timed_item == NULL || self->timed_since == NULL)
    return;
  now = g_date_time_new_now_local ();
  elapsed = MAX (0, g_date_time_difference (now, self->timed_since)) / G_TIME_SPAN_SECOND;
  planned = coalition_agenda_item_get_minutes (self->timed_item);
  /* Translators: the running clock of an agenda item, "4:05 of 15 min" */
  text = g_strdup_printf (_("%d:%02d of %d min"), (int)(elapsed / 60), (int)(elapsed % 60), planned);
  gtk_label_set_text (self->timer_clock, text);
  if (elapsed > (GTimeSpan)planned * 60)
    gtk_widget_add_css_class (GTK_WIDGET (self->timer_clock), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->timer_clock), "warning");
}

static gboolean
timer_tick_cb (gpointer data)
{
  CoalitionMeetingsPage *self = data;

  if (self->timer_clock == NULL || self->timed_item == NULL)
    {
      self->timer_tick = 0;
      return G_SOURCE_REMOVE;
    }
  update_timer_clock (self);
  return G_SOURCE_CONTINUE;
}

static void
stop_timer_clock (CoalitionMeetingsPage *self)
{
  g_clear_handle_id (&self->timer_tick, g_source_remove);
  if (self->timer_clock != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->timer_clock), (gpointer *)&self->timer_clock);
  self->timer_clock = NULL;
}

/* Shows the running clock in @row, the timed item's. */
static void
add_timer_clock (CoalitionMeetingsPage *self,
                 GtkWidget             *row)
{
  GtkWidget *clock = gtk_label_new (NULL);
  g_autofree char *since = coalition_format_clock (self->timed_since);
  /* Translators: the tooltip of an agenda item's running clock, "Timing since 19:12" */
  g_autofree char *tooltip = g_strdup_printf (_("Timing since %s"), since);

  gtk_widget_set_tooltip_text (clock, tooltip);
  gtk_widget_add_css_class (clock, "numeric");
  gtk_widget_add_css_class (clock, "heading");
  gtk_widget_set_valign (clock, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (clock, 6);
  if (self->timer_clock != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->timer_clock), (gpointer *)&self->timer_clock);
  self->timer_clock = GTK_LABEL (clock);
  g_object_add_weak_pointer (G_OBJECT (clock), (gpointer *)&self->timer_clock);
  update_timer_clock (self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), clock);
  if (self->timer_tick == 0)
    /* Twice a second, so that the clock never lags a second behind. */
    self->timer_tick = g_timeout_add (500, timer_tick_cb, self);
}

/* The timer for the current item: started, it notes the time; stopped, the
 * minutes it took go to the item. One item at a time. */
static void
timer_clicked_cb (CoalitionMeetingsPage *self,
                  GtkButton             *button)
{
  guint index = get_index (button);
  CoalitionAgendaItem *item;

  if (self->agenda == NULL || index >= self->agenda->len)
    return;
  item = self->agenda->pdata[index];

  if (self->timed_item == item)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      GTimeSpan took = g_date_time_difference (now, self->timed_since);

      coalition_agenda_item_set_actual_minutes (item, (int)MIN ((took + G_TIME_SPAN_MINUTE / 2) / G_TIME_SPAN_MINUTE, 1440));
      stop_timer_clock (self);
      g_clear_object (&self->timed_item);
      g_clear_pointer (&self->timed_since, g_date_time_unref);
      save_agenda_later (self);
      return;
    }

  g_set_object (&self->timed_item, item);
  g_clear_pointer (&self->timed_since, g_date_time_unref);
  self->timed_since = g_date_time_new_now_local ();
  g_object_set_data (G_OBJECT (self), "focus-item", GUINT_TO_POINTER (index + 1));
  save_agenda_later (self);
}

static void
item_field_applied_cb (CoalitionMeetingsPage *self,
                       AdwEntryRow           *row)
{
  guint index = get_index (row);
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  CoalitionAgendaItem *item;

  if (self->agenda == NULL || index >= self->agenda->len || self->loading)
    return;
  item = self->agenda->pdata[index];

  if (g_str_equal (field, "title"))
    coalition_agenda_item_set_title (item, text);
  else if (g_str_equal (field, "presenter"))
    coalition_agenda_item_set_presenter (item, text);
  else if (g_str_equal (field, "notes"))
    coalition_agenda_item_set_notes (item, text);
  else
    {
      char *end;
      gint64 minutes = g_ascii_strtoll (text, &end, 10);

      while (*end == ' ')
        end++;
      if (*text == '\0' || *end != '\0' || minutes < 0 || minutes > 600)
        {
          toast (self, _("Write the minutes as a number, such as 15."));
          show_meeting (self, coalition_meeting_get_id (self->meeting));
          return;
        }
      if (g_str_equal (field, "minutes"))
        coalition_agenda_item_set_minutes (item, minutes);
      else
        coalition_agenda_item_set_actual_minutes (item, minutes);
    }
  save_agenda_later (self);
}

static void
item_kind_selected_cb (CoalitionMeetingsPage *self,
                       GParamSpec            *pspec,
                       AdwComboRow           *row)
{
  guint index = get_index (row);
  guint selected = adw_combo_row_get_selected (row);

  if (self->agenda == NULL || index >= self->agenda->len || self->loading || selected > COALITION_ITEM_KIND_LAST)
    return;
  coalition_agenda_item_set_kind (self->agenda->pdata[index], selected);
  save_agenda_later (self);
}

static GtkWidget *
item_entry (CoalitionMeetingsPage *self,
            const char            *title,
            const char            *field,
            const char            *value,
            guint                  index)
{
  GtkWidget *row = entry_row (title, G_CALLBACK (item_field_applied_cb), self);

  gtk_editable_set_text (GTK_EDITABLE (row), value);
  g_object_set_data (G_OBJECT (row), "field", (gpointer)field);
  set_index (row, index);
  return row;
}

static void add_item_applied_cb (CoalitionMeetingsPage *self,
                                 AdwEntryRow           *row);

static void
fill_agenda (CoalitionMeetingsPage *self)
{
  g_autoptr(GPtrArray) times = coalition_agenda_start_times (coalition_meeting_get_start (self->meeting), self->agenda);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  guint focus = GPOINTER_TO_UINT (g_object_steal_data (G_OBJECT (self), "focus-item"));
  int over = coalition_agenda_overrun_minutes (coalition_meeting_get_start (self->meeting),
                                               coalition_meeting_get_end (self->meeting), self->agenda);
  g_autofree char *end = coalition_format_clock (times->pdata[times->len - 1]);
  g_autofree char *description = NULL;
  int planned = 0, actual = 0;
  gboolean timed = FALSE;

  for (int k = 0; k <= COALITION_ITEM_KIND_LAST; k++)
    gtk_string_list_append (kinds, coalition_item_kind_get_label (k));

  clear_rows (self, ROWS_AGENDA);
  for (guint i = 0; i < self->agenda->len; i++)
    {
      CoalitionAgendaItem *item = self->agenda->pdata[i];
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget *kind = adw_combo_row_new ();
      GtkWidget *up, *down, *remove, *timer;
      gboolean timing = self->timed_item != NULL &&
                        coalition_agenda_item_get_id (self->timed_item) == coalition_agenda_item_get_id (item) &&
                        coalition_agenda_item_get_id (item) > 0;
      GtkEventController *keys = gtk_event_controller_key_new ();
      g_autofree char *start = coalition_format_clock (times->pdata[i]);
      g_autofree char *title = g_strdup_printf ("%s  %s", start, coalition_agenda_item_get_title (item));
      g_autofree char *subtitle = NULL;
      g_autofree char *up_label = g_strdup_printf (_("Move “%s” Up"), coalition_agenda_item_get_title (item));
      g_autofree char *down_label = g_strdup_printf (_("Move “%s” Down"), coalition_agenda_item_get_title (item));
      g_autofree char *remove_label = g_strdup_printf (_("Remove “%s”"), coalition_agenda_item_get_title (item));
      g_autofree char *minutes_text = g_strdup_printf ("%d", coalition_agenda_item_get_minutes (item));
      int item_actual = coalition_agenda_item_get_actual_minutes (item);
      g_autofree char *actual_text = item_actual >= 0 ? g_strdup_printf ("%d", item_actual) : g_strdup ("");

      planned += coalition_agenda_item_get_minutes (item);
      if (item_actual >= 0)
        {
          actual += item_actual;
          timed = TRUE;
          /* Translators: an agenda item's length, "15 min, took 20 · Discussion · Zoë" */
          subtitle = g_strdup_printf (_("%d min, took %d · %s"), coalition_agenda_item_get_minutes (item), item_actual,
                                      coalition_item_kind_get_label (coalition_agenda_item_get_kind (item)));
        }
      else
        /* Translators: an agenda item's length and kind, "15 min · Discussion" */
        subtitle = g_strdup_printf (_("%d min · %s"), coalition_agenda_item_get_minutes (item),
                                    coalition_item_kind_get_label (coalition_agenda_item_get_kind (item)));
      if (*coalition_agenda_item_get_presenter (item) != '\0')
        {
          char *with = g_strdup_printf ("%s · %s", subtitle, coalition_agenda_item_get_presenter (item));

          g_free (subtitle);
          subtitle = with;
        }

      if (timing)
        /* The items are read again after each save: follow this one. */
        g_set_object (&self->timed_item, item);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      /* libadwaita 1.2 names the header inside an expander row, not the row. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      set_index (row, i);
      {
        g_autofree char *timer_label = timing ? g_strdup_printf (_("Stop Timing “%s”"), coalition_agenda_item_get_title (item))
                                              : g_strdup_printf (_("Time “%s” Now"), coalition_agenda_item_get_title (item));

        timer = icon_button (timing ? "media-playback-stop-symbolic" : "media-playback-start-symbolic", timer_label);
        set_index (timer, i);
        g_signal_connect_object (timer, "clicked", G_CALLBACK (timer_clicked_cb), self, G_CONNECT_SWAPPED);
      }

      up = icon_button ("coalition-move-up-symbolic", up_label);
      down = icon_button ("coalition-move-down-symbolic", down_label);
      remove = icon_button ("user-trash-symbolic", remove_label);
      gtk_widget_set_sensitive (up, i > 0);
      gtk_widget_set_sensitive (down, i + 1 < self->agenda->len);
      set_index (up, i);
      set_index (down, i);
      set_index (remove, i);
      g_signal_connect_object (up, "clicked", G_CALLBACK (move_up_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (down, "clicked", G_CALLBACK (move_down_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_item_cb), self, G_CONNECT_SWAPPED);
      /* Each action goes before the ones added already: up, down, remove. */
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), down);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), up);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), timer);
      if (timing)
        add_timer_clock (self, row);

      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                item_entry (self, _("Title"), "title", coalition_agenda_item_get_title (item), i));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                item_entry (self, _("Presenter"), "presenter", coalition_agenda_item_get_presenter (item), i));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_entry (self, _("Planned Minutes"), "minutes", minutes_text, i));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Kind"));
      adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (g_object_ref (kinds)));
      adw_combo_row_set_selected (ADW_COMBO_ROW (kind), coalition_agenda_item_get_kind (item));
      set_index (kind, i);
      g_signal_connect_object (kind, "notify::selected", G_CALLBACK (item_kind_selected_cb), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), kind);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_entry (self, _("Notes"), "notes", coalition_agenda_item_get_notes (item), i));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), item_entry (self, _("Minutes It Took"), "actual", actual_text, i));

      g_signal_connect_object (keys, "key-pressed", G_CALLBACK (item_key_cb), self, 0);
      gtk_widget_add_controller (row, keys);
      {
        GtkDragSource *source = gtk_drag_source_new ();
        GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);

        gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
        g_signal_connect (source, "prepare", G_CALLBACK (item_drag_prepare_cb), NULL);
        g_signal_connect (source, "drag-begin", G_CALLBACK (item_drag_begin_cb), NULL);
        gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
        g_signal_connect_object (target, "drop", G_CALLBACK (item_drop_cb), self, 0);
        gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
      }
      add_row (self, ROWS_AGENDA, row);
      if (focus == i + 1)
        gtk_widget_grab_focus (row);
    }

  /* Where it ends, and whether it fits. */
  if (over > 0)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Ends at %s, %d minute past the end of the meeting. Shorten an item or end later.",
                                                "Ends at %s, %d minutes past the end of the meeting. Shorten an item or end later.",
                                                over), end, over);
  else if (timed)
    description = g_strdup_printf (_("Ends at %s. Planned %d minutes; the items timed so far took %d."), end, planned, actual);
  else
    description = g_strdup_printf (_("Ends at %s."), end);
  adw_preferences_group_set_description (self->agenda_group, description);
  if (over > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->agenda_group), "agenda-overrun");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->agenda_group), "agenda-overrun");

  add_row (self, ROWS_AGENDA, entry_row (_("Add an Item"), G_CALLBACK (add_item_applied_cb), self));
}

static void
add_item_applied_cb (CoalitionMeetingsPage *self,
                     AdwEntryRow           *row)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  CoalitionAgendaItem *item;

  if (self->agenda == NULL || *title == '\0')
    return;
  item = coalition_agenda_item_new ();
  coalition_agenda_item_set_title (item, title);
  g_ptr_array_add (self->agenda, item);
  save_agenda_later (self);
}

static void
use_items (CoalitionMeetingsPage *self,
           GPtrArray             *items)
{
  if (items == NULL || self->meeting == NULL)
    return;
  /* The template replaces an empty agenda and follows a started one. */
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (self->agenda, g_object_ref (items->pdata[i]));
  save_agenda_later (self);
}

static void
template_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CoalitionMeetingsPage *self = COALITION_MEETINGS_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (self->meeting == NULL)
    return;
  if (g_str_equal (name, ""))
    items = coalition_agenda_standard_template ();
  else if (g_str_equal (name, "\x01previous"))
    {
      items = coalition_store_previous_agenda (self->store, coalition_meeting_get_id (self->meeting), &error);
      if (items != NULL && items->len == 0)
        {
          toast (self, _("No earlier meeting of this group has an agenda yet."));
          return;
        }
    }
  else
    items = coalition_store_get_template (self->store, name, &error);

  if (items == NULL)
    report (self, error);
  use_items (self, items);
}

static void
template_named_cb (AdwMessageDialog      *dialog,
                   const char            *response,
                   CoalitionMeetingsPage *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->agenda == NULL)
    return;
  if (!coalition_store_save_template (self->store, gtk_editable_get_text (entry), self->agenda, &error))
    report (self, error);
  else
    toast (self, _("Template saved"));
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CoalitionMeetingsPage *self = COALITION_MEETINGS_PAGE (widget);
  GtkWidget *dialog, *entry;

  if (self->meeting == NULL || self->agenda == NULL || self->agenda->len == 0)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Save Agenda as Template"),
                                   _("The items, their kinds and minutes are kept, not the notes."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), coalition_meeting_get_title (self->meeting));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (template_named_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */
/* Action items to review, decisions, action items, attendance */

static void
fill_review (CoalitionMeetingsPage *self)
{
  g_autoptr(GPtrArray) review = coalition_store_list_actions_to_review (self->store,
                                                                        coalition_meeting_get_id (self->meeting), NULL);

  clear_rows (self, ROWS_REVIEW);
  for (guint i = 0; review != NULL && i < review->len; i++)
    add_row (self, ROWS_REVIEW, action_row (self, review->pdata[i], TRUE, TRUE));
  gtk_widget_set_visible (GTK_WIDGET (self->review_group), review != NULL && review->len > 0);
}

static void delete_decision_cb (CoalitionMeetingsPage *self,
                                GtkButton             *button);
static void decision_applied_cb (CoalitionMeetingsPage *self,
                                 AdwEntryRow           *row);
static void action_applied_cb (CoalitionMeetingsPage *self,
                               AdwEntryRow           *row);
static void quick_applied_cb (CoalitionMeetingsPage *self,
                              AdwEntryRow           *row);

static const struct
{
  const char *key;
  const char *title;
  gboolean    vote;
} decision_fields[] = {
  { "blocks-row", N_("Blocked By"), FALSE },
  { "asides-row", N_("Standing Aside"), FALSE },
  { "for-row", N_("Votes For"), TRUE },
  { "against-row", N_("Votes Against"), TRUE },
  { "abstain-row", N_("Abstaining"), TRUE },
};

/* A vote shows its tally; consensus, who blocked or stood aside. */
static void
decision_method_cb (CoalitionMeetingsPage *self)
{
  AdwComboRow *method = g_object_get_data (G_OBJECT (self), "method-row");
  gboolean vote = adw_combo_row_get_selected (method) == COALITION_DECISION_METHOD_VOTE;

  for (guint f = 0; f < G_N_ELEMENTS (decision_fields); f++)
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (self), decision_fields[f].key),
                            decision_fields[f].vote == vote);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (self), "per-organization-row"), vote);
}

static void
fill_decisions (CoalitionMeetingsPage *self)
{
  g_autoptr(GPtrArray) decisions = coalition_store_list_decisions (self->store, coalition_meeting_get_id (self->meeting), NULL);
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  GtkWidget *add, *method;

  clear_rows (self, ROWS_DECISIONS);
  for (guint i = 0; decisions != NULL && i < decisions->len; i++)
    {
      const CoalitionDecision *decision = decisions->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *how = NULL;
      g_autofree char *remove_label = g_strdup_printf (_("Remove the decision “%s”"), decision->text);
      GtkWidget *remove = icon_button ("user-trash-symbolic", remove_label);

      if (decision->method == COALITION_DECISION_METHOD_VOTE)
        /* Translators: a vote's tally, "Vote: 14 for, 2 against, 1 abstaining" */
        how = g_strdup_printf (decision->by_organization
                               ? _("Vote, one per organization: %u for, %u against, %u abstaining")
                               : _("Vote: %u for, %u against, %u abstaining"),
                               decision->votes_for, decision->votes_against, decision->votes_abstain);
      else if (*decision->blocks != '\0' || *decision->stand_asides != '\0')
        /* Translators: "By consensus; blocked by: …; standing aside: …" */
        how = g_strdup_printf (_("By consensus; blocked by: %s; standing aside: %s"),
                               *decision->blocks ? decision->blocks : _("nobody"),
                               *decision->stand_asides ? decision->stand_asides : _("nobody"));
      else
        how = g_strdup (_("By consensus"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), decision->text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), how);
      set_id (remove, decision->id);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (delete_decision_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      add_row (self, ROWS_DECISIONS, row);
    }

  /* A new decision: how it was made (with the tally of a vote, or who
   * blocked or stood aside), then what was decided. */
  for (int m = 0; m <= COALITION_DECISION_METHOD_LAST; m++)
    gtk_string_list_append (methods, coalition_decision_method_get_label (m));
  method = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (method), _("How It Was Decided"));
  adw_combo_row_set_model (ADW_COMBO_ROW (method), G_LIST_MODEL (methods));
  add_row (self, ROWS_DECISIONS, method);
  g_object_set_data (G_OBJECT (self), "method-row", method);
  for (guint f = 0; f < G_N_ELEMENTS (decision_fields); f++)
    {
      GtkWidget *row = entry_row (_(decision_fields[f].title), NULL, self);

      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
      if (decision_fields[f].vote)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
      gtk_widget_set_visible (row, !decision_fields[f].vote);
      g_object_set_data (G_OBJECT (self), decision_fields[f].key, row);
      add_row (self, ROWS_DECISIONS, row);
    }
  {
    GtkWidget *row = adw_action_row_new ();
    GtkWidget *toggle = gtk_switch_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("One Vote per Member Organization"));
    gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
    gtk_widget_set_visible (row, FALSE);
    g_object_set_data (G_OBJECT (self), "per-organization-row", row);
    g_object_set_data (G_OBJECT (self), "per-organization", toggle);
    add_row (self, ROWS_DECISIONS, row);
  }
  g_signal_connect_object (method, "notify::selected", G_CALLBACK (decision_method_cb), self, G_CONNECT_SWAPPED);

  {
    g_autoptr(GtkStringList) items = gtk_string_list_new ((const char * const[]) { _("None in particular"), NULL });
    GtkWidget *row = adw_combo_row_new ();

    for (guint i = 0; self->agenda != NULL && i < self->agenda->len; i++)
      gtk_string_list_append (items, coalition_agenda_item_get_title (self->agenda->pdata[i]));
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("From the Agenda Item"));
    adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (items));
    /* The decisions item of the standard agenda, when there is one. */
    for (guint i = 0; self->agenda != NULL && i < self->agenda->len; i++)
      if (coalition_agenda_item_get_kind (self->agenda->pdata[i]) == COALITION_ITEM_KIND_DECISION)
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), i + 1);
          break;
        }
    g_object_set_data (G_OBJECT (self), "decision-item-row", row);
    add_row (self, ROWS_DECISIONS, row);
  }

  add = entry_row (_("Record a Decision"), G_CALLBACK (decision_applied_cb), self);
  add_row (self, ROWS_DECISIONS, add);
}

static void
add_decision (CoalitionMeetingsPage *self,
              gpointer               data)
{
  CoalitionDecision *decision = data;
  g_autoptr(GError) error = NULL;

  if (self->meeting != NULL &&
      !coalition_store_add_decision (self->store, coalition_meeting_get_id (self->meeting), decision, &error))
    report (self, error);
}

static guint
tally (CoalitionMeetingsPage *self,
       const char            *key)
{
  const char *text = gtk_editable_get_text (g_object_get_data (G_OBJECT (self), key));

  return (guint)MIN (g_ascii_strtoull (text, NULL, 10), 100000);
}

static void
decision_applied_cb (CoalitionMeetingsPage *self,
                     AdwEntryRow           *row)
{
  AdwComboRow *method = g_object_get_data (G_OBJECT (self), "method-row");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  CoalitionDecision *decision;

  if (self->meeting == NULL || *text == '\0')
    return;

  decision = coalition_decision_new (text, adw_combo_row_get_selected (method));
  {
    guint item = adw_combo_row_get_selected (g_object_get_data (G_OBJECT (self), "decision-item-row"));

    if (item > 0 && self->agenda != NULL && item <= self->agenda->len)
      decision->item_id = coalition_agenda_item_get_id (self->agenda->pdata[item - 1]);
  }
  if (decision->method == COALITION_DECISION_METHOD_VOTE)
    {
      decision->votes_for = tally (self, "for-row");
      decision->votes_against = tally (self, "against-row");
      decision->votes_abstain = tally (self, "abstain-row");
      decision->by_organization = gtk_switch_get_active (g_object_get_data (G_OBJECT (self), "per-organization"));
    }
  else
    {
      g_free (decision->blocks);
      decision->blocks = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (self), "blocks-row"))));
      g_free (decision->stand_asides);
      decision->stand_asides = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (self), "asides-row"))));
    }
  run_later (self, add_decision, decision, (GDestroyNotify)coalition_decision_free);
}

static void
delete_decision (CoalitionMeetingsPage *self,
                 gpointer               data)
{
  g_autoptr(GError) error = NULL;

  if (self->meeting != NULL &&
      !coalition_store_delete_decision (self->store, coalition_meeting_get_id (self->meeting), *(gint64 *)data, &error))
    report (self, error);
}

static void
delete_decision_cb (CoalitionMeetingsPage *self,
                    GtkButton             *button)
{
  run_later (self, delete_decision, g_memdup2 (&(gint64) { get_id (button) }, sizeof (gint64)), g_free);
}

static void
fill_actions (CoalitionMeetingsPage *self)
{
  g_autoptr(GPtrArray) actions = coalition_store_list_actions_of (self->store, coalition_meeting_get_id (self->meeting), NULL);
  GtkWidget *owner_row = adw_action_row_new ();
  GtkWidget *owner = person_dropdown (self, _("Who Does It"), 0);
  GtkWidget *due = entry_row (_("Due, as Year-Month-Day"), NULL, self);
  GtkWidget *add = entry_row (_("Add an Action Item"), G_CALLBACK (action_applied_cb), self);

  clear_rows (self, ROWS_ACTIONS);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    add_row (self, ROWS_ACTIONS, action_row (self, actions->pdata[i], TRUE, FALSE));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (owner_row), _("Who Does It"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (owner_row), owner);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (owner_row), owner);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (due), FALSE);
  add_row (self, ROWS_ACTIONS, owner_row);
  add_row (self, ROWS_ACTIONS, due);
  add_row (self, ROWS_ACTIONS, add);
  g_object_set_data (G_OBJECT (self), "owner-dropdown", owner);
  g_object_set_data (G_OBJECT (self), "due-row", due);
  g_object_set_data (G_OBJECT (self), "action-row", add);
}

static void
add_action (CoalitionMeetingsPage *self,
            gpointer               data)
{
  g_autoptr(GError) error = NULL;

  if (!coalition_store_add_action (self->store, data, &error))
    report (self, error);
}

static void
action_applied_cb (CoalitionMeetingsPage *self,
                   AdwEntryRow           *row)
{
  GtkDropDown *owner = g_object_get_data (G_OBJECT (self), "owner-dropdown");
  GtkEditable *due = g_object_get_data (G_OBJECT (self), "due-row");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  guint selected = gtk_drop_down_get_selected (owner);
  CoalitionActionItem *action;

  if (self->meeting == NULL || *text == '\0')
    return;
  action = coalition_action_item_new ();
  coalition_action_item_set_meeting_id (action, coalition_meeting_get_id (self->meeting));
  coalition_action_item_set_title (action, text);
  coalition_action_item_set_due (action, gtk_editable_get_text (due));
  if (selected < self->people_ids->len)
    coalition_action_item_set_owner_id (action, g_array_index (self->people_ids, gint64, selected));
  run_later (self, add_action, action, g_object_unref);
}

typedef struct
{
  gint64              person_id;
  CoalitionAttendance status;
} AttendanceChange;

static void
change_attendance (CoalitionMeetingsPage *self,
                   gpointer               data)
{
  AttendanceChange *change = data;
  g_autoptr(GError) error = NULL;

  if (self->meeting != NULL &&
      !coalition_store_set_attendance (self->store, coalition_meeting_get_id (self->meeting), change->person_id,
                                       change->status, &error))
    report (self, error);
}

static void
attendance_selected_cb (CoalitionMeetingsPage *self,
                        GParamSpec            *pspec,
                        GtkDropDown           *dropdown)
{
  AttendanceChange change = { get_id (dropdown), gtk_drop_down_get_selected (dropdown) };

  if (self->loading || change.status > COALITION_ATTENDANCE_LAST)
    return;
  run_later (self, change_attendance, g_memdup2 (&change, sizeof change), g_free);
}

static void
remove_attendee (CoalitionMeetingsPage *self,
                 gpointer               data)
{
  g_autoptr(GError) error = NULL;

  if (self->meeting != NULL &&
      !coalition_store_remove_attendee (self->store, coalition_meeting_get_id (self->meeting), *(gint64 *)data, &error))
    report (self, error);
}

static void
remove_attendee_cb (CoalitionMeetingsPage *self,
                    GtkButton             *button)
{
  run_later (self, remove_attendee, g_memdup2 (&(gint64) { get_id (button) }, sizeof (gint64)), g_free);
}

static void
fill_attendance (CoalitionMeetingsPage *self)
{
  g_autoptr(GPtrArray) attendance = coalition_store_list_attendance (self->store, coalition_meeting_get_id (self->meeting), NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  guint counts[COALITION_ATTENDANCE_LAST + 1] = { 0 };
  g_autofree char *summary = NULL;
  GtkWidget *quick;

  for (int a = 0; a <= COALITION_ATTENDANCE_LAST; a++)
    gtk_string_list_append (statuses, coalition_attendance_get_label (a));

  clear_rows (self, ROWS_ATTENDANCE);
  quick = entry_row (_("Who Came? Type a Name, Press Enter"), G_CALLBACK (quick_applied_cb), self);
  g_object_set_data (G_OBJECT (self), "quick-row", quick);
  add_row (self, ROWS_ATTENDANCE, quick);

  for (guint i = 0; attendance != NULL && i < attendance->len; i++)
    {
      const CoalitionAttendee *a = attendance->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *status = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (statuses)), NULL);
      g_autofree char *label = g_strdup_printf (_("Attendance of %s"), a->name);
      g_autofree char *subtitle = a->walk_in
                                  ? g_strdup_printf ("%s%s%s", a->organization_name ? a->organization_name : "",
                                                     a->organization_name ? " · " : "", _("walk-in"))
                                  : g_strdup (a->organization_name ? a->organization_name : "");

      counts[a->status]++;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (status), a->status);
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      coalition_accessible_label_drop_down (GTK_DROP_DOWN (status), label);
      set_id (status, a->person_id);
      g_signal_connect_object (status, "notify::selected", G_CALLBACK (attendance_selected_cb), self, G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      {
        g_autofree char *remove_label = g_strdup_printf (_("Take %s Off the List"), a->name);
        GtkWidget *remove = icon_button ("list-remove-symbolic", remove_label);

        set_id (remove, a->person_id);
        g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_attendee_cb), self, G_CONNECT_SWAPPED);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      }
      add_row (self, ROWS_ATTENDANCE, row);
    }

  /* Translators: "12 present, 3 excused, 2 absent, 30 invited" */
  summary = g_strdup_printf (_("%u present, %u excused, %u absent, %u invited"),
                             counts[COALITION_ATTENDANCE_PRESENT], counts[COALITION_ATTENDANCE_EXCUSED],
                             counts[COALITION_ATTENDANCE_ABSENT], counts[COALITION_ATTENDANCE_INVITED]);
  adw_preferences_group_set_description (self->attendance_group, summary);
}

static void
quick_attend (CoalitionMeetingsPage *self,
              gpointer               data)
{
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;
  gint64 id = 0;

  if (self->meeting == NULL)
    return;
  if (!coalition_store_quick_attend (self->store, coalition_meeting_get_id (self->meeting), data, &id, &created, &error))
    report (self, error);
  else if (created)
    {
      g_autofree char *message = g_strdup_printf (_("%s added to the directory as a walk-in"), (char *)data);
      toast (self, message);
    }
  /* Ready for the next name. */
  if (g_object_get_data (G_OBJECT (self), "quick-row") != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (self), "quick-row"));
}

static void
quick_applied_cb (CoalitionMeetingsPage *self,
                  AdwEntryRow           *row)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*name != '\0')
    run_later (self, quick_attend, g_steal_pointer (&name), g_free);
}

static void
invite_group (CoalitionMeetingsPage *self,
              gpointer               data)
{
  g_autoptr(GError) error = NULL;
  guint added = 0;

  if (self->meeting == NULL)
    return;
  if (!coalition_store_invite_group (self->store, coalition_meeting_get_id (self->meeting),
                                     coalition_meeting_get_group_id (self->meeting), &added, &error))
    report (self, error);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person invited", "%u people invited",
                                                               added), added);
      toast (self, message);
    }
}

static void
invite_clicked_cb (CoalitionMeetingsPage *self)
{
  run_later (self, invite_group, NULL, NULL);
}

/* ---------------------------------------------------------------------- */
/* Minutes, and closing the meeting */

static void
minutes_left_cb (CoalitionMeetingsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->minutes_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->meeting == NULL || self->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, coalition_meeting_get_minutes (self->meeting)) == 0)
    return;
  coalition_meeting_set_minutes (self->meeting, text);
  save_meeting_later (self);
}

/* Final minutes are the record: no more edits until they are reopened. */
static void
final_toggled_cb (CoalitionMeetingsPage *self)
{
  gboolean final = gtk_switch_get_active (self->final_switch);

  if (self->meeting == NULL || self->loading || final == coalition_meeting_get_minutes_final (self->meeting))
    return;
  minutes_left_cb (self);
  coalition_meeting_set_minutes_final (self->meeting, final);
  save_meeting_later (self);
}

static void
draft_minutes_cb (CoalitionMeetingsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *draft = NULL;

  if (self->meeting == NULL)
    return;
  if (coalition_meeting_get_minutes_final (self->meeting))
    {
      toast (self, _("These minutes are final. Switch off “Final” to draft them again."));
      return;
    }
  draft = coalition_store_draft_minutes (self->store, coalition_meeting_get_id (self->meeting), &error);
  if (draft == NULL)
    {
      report (self, error);
      return;
    }
  coalition_meeting_set_minutes (self->meeting, draft);
  save_meeting_later (self);
}

typedef struct
{
  gint64     meeting_id;
  GDateTime *next;
} Closing;

static void
closing_free (Closing *closing)
{
  g_clear_pointer (&closing->next, g_date_time_unref);
  g_free (closing);
}

static void
close_meeting (CoalitionMeetingsPage *self,
               gpointer               data)
{
  Closing *closing = data;
  g_autoptr(GError) error = NULL;
  gint64 next_id = 0;

  if (!coalition_store_close_meeting (self->store, closing->meeting_id, closing->next, &next_id, &error))
    {
      report (self, error);
      return;
    }
  if (next_id > 0)
    {
      g_autoptr(CoalitionMeeting) next = coalition_store_get_meeting (self->store, next_id, NULL);
      g_autofree char *when = next ? describe_when (next) : NULL;
      g_autofree char *message = g_strdup_printf (_("Marked as held. The next meeting: %s"), when ? when : "");

      toast (self, message);
    }
  else
    toast (self, _("Marked as held"));
}

static void
next_date_cb (AdwMessageDialog      *dialog,
              const char            *response,
              CoalitionMeetingsPage *self)
{
  GtkEditable *day = g_object_get_data (G_OBJECT (dialog), "day");
  GtkEditable *clock = g_object_get_data (G_OBJECT (dialog), "clock");
  Closing *closing;

  if (self->meeting == NULL || g_str_equal (response, "cancel"))
    return;

  closing = g_new0 (Closing, 1);
  closing->meeting_id = coalition_meeting_get_id (self->meeting);
  if (g_str_equal (response, "plan"))
    {
      closing->next = parse_local (coalition_meeting_get_zone (self->meeting), gtk_editable_get_text (day),
                                   gtk_editable_get_text (clock));
      if (closing->next == NULL)
        {
          closing_free (closing);
          toast (self, _("Write the date as year-month-day (2027-01-12) and the time as hours:minutes (18:30)."));
          return;
        }
    }
  run_later (self, close_meeting, closing, (GDestroyNotify)closing_free);
}

/* Closing asks for the next date when none is planned: the coalition sets
 * it before anyone leaves. */
static void
held_clicked_cb (CoalitionMeetingsPage *self)
{
  g_autoptr(GDateTime) suggestion = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  GtkWidget *dialog, *box, *day_entry, *clock_entry;
  gint64 next;

  if (self->meeting == NULL)
    return;

  next = coalition_store_find_next_meeting (self->store, coalition_meeting_get_id (self->meeting), NULL);
  if (next > 0)
    {
      Closing *closing = g_new0 (Closing, 1);

      closing->meeting_id = coalition_meeting_get_id (self->meeting);
      run_later (self, close_meeting, closing, (GDestroyNotify)closing_free);
      return;
    }

  suggestion = g_date_time_add_weeks (coalition_meeting_get_start (self->meeting), 4);
  day = g_date_time_format (suggestion, "%Y-%m-%d");
  clock = g_date_time_format (suggestion, "%H:%M");

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("When Is the Next Meeting?"),
                                   _("Set the next date before everyone leaves. It gets the same group, place, "
                                     "length and roles; the open action items come back on its agenda."));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  day_entry = gtk_entry_new ();
  clock_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (day_entry), day);
  gtk_editable_set_text (GTK_EDITABLE (clock_entry), clock);
  gtk_editable_set_width_chars (GTK_EDITABLE (clock_entry), 6);
  gtk_widget_set_hexpand (day_entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (day_entry), TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (clock_entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (day_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date of the next meeting, as year-month-day"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (clock_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Start time, as hours:minutes"), -1);
  gtk_box_append (GTK_BOX (box), day_entry);
  gtk_box_append (GTK_BOX (box), clock_entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "skip", _("_No Date Yet"),
                                    "plan", _("_Plan It"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "plan", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "plan");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "day", day_entry);
  g_object_set_data (G_OBJECT (dialog), "clock", clock_entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (next_date_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_meeting (CoalitionMeetingsPage *self,
                gpointer               data)
{
  g_autoptr(GError) error = NULL;

  if (!coalition_store_delete_meeting (self->store, *(gint64 *)data, &error))
    report (self, error);
  else
    toast (self, _("Meeting deleted"));
}

static void
delete_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    CoalitionMeetingsPage *self)
{
  if (g_str_equal (response, "delete") && self->meeting != NULL)
    run_later (self, delete_meeting, g_memdup2 (&(gint64) { coalition_meeting_get_id (self->meeting) }, sizeof (gint64)),
               g_free);
}

static void
delete_clicked_cb (CoalitionMeetingsPage *self)
{
  GtkWidget *dialog;

  if (self->meeting == NULL)
    return;
  /* Its agenda, notes, decisions and attendance go with it: ask first. */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Delete This Meeting?"),
                                   _("Its agenda, notes, decisions, action items and attendance are deleted with it. "
                                     "To keep its record, mark it cancelled instead."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_to_calendar_cb (CoalitionMeetingsPage *self)
{
  if (self->meeting != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.export-ics", "x", coalition_meeting_get_id (self->meeting));
}

/* ---------------------------------------------------------------------- */
/* Series */

static void
series_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    CoalitionMeetingsPage *self)
{
  GtkDropDown *repeat = g_object_get_data (G_OBJECT (dialog), "repeat");
  GtkEditable *until = g_object_get_data (G_OBJECT (dialog), "until");
  g_autofree char *until_date = NULL;
  CoalitionSeriesRule rule = { 0 };
  g_autoptr(GError) error = NULL;
  guint added = 0;
  int day;

  if (!g_str_equal (response, "repeat") || self->meeting == NULL)
    return;

  until_date = coalition_date_normalize (gtk_editable_get_text (until));
  if (until_date == NULL)
    {
      toast (self, _("Write the date of the last meeting as year-month-day, for example 2027-06-30."));
      return;
    }

  day = g_date_time_get_day_of_month (coalition_meeting_get_start (self->meeting));
  rule.until = until_date;
  rule.interval = 1;
  switch (gtk_drop_down_get_selected (repeat))
    {
    case 0: rule.repeat = COALITION_REPEAT_WEEKLY; break;
    case 1: rule.repeat = COALITION_REPEAT_WEEKLY; rule.interval = 2; break;
    case 2: rule.repeat = COALITION_REPEAT_WEEKLY; rule.interval = 4; break;
    case 3:
      rule.repeat = COALITION_REPEAT_MONTHLY_WEEKDAY;
      rule.week = (day - 1) / 7 + 1;
      rule.weekday = g_date_time_get_day_of_week (coalition_meeting_get_start (self->meeting));
      break;
    default: rule.repeat = COALITION_REPEAT_MONTHLY_DATE; break;
    }

  if (!coalition_store_create_series (self->store, self->meeting, &rule, &added, &error))
    report (self, error);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more meeting planned",
                                                               "%u more meetings planned", added), added);
      toast (self, message);
    }
}

static void
repeat_clicked_cb (CoalitionMeetingsPage *self)
{
  static const char * const ordinals[] = { N_("first"), N_("second"), N_("third"), N_("fourth"), N_("fifth") };
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) until = NULL;
  g_autofree char *weekday = NULL;
  g_autofree char *monthly_weekday = NULL;
  g_autofree char *monthly_date = NULL;
  g_autofree char *until_text = NULL;
  GtkWidget *dialog, *box, *repeat, *until_entry;
  int day;

  if (self->meeting == NULL)
    return;

  day = g_date_time_get_day_of_month (coalition_meeting_get_start (self->meeting));
  weekday = g_date_time_format (coalition_meeting_get_start (self->meeting), "%A");
  /* Translators: a monthly series, "Monthly on the second Tuesday" */
  monthly_weekday = g_strdup_printf (_("Monthly on the %s %s"), _(ordinals[MIN ((day - 1) / 7, 4)]), weekday);
  /* Translators: a monthly series, "Monthly on the 14th"; the number is the day of the month */
  monthly_date = g_strdup_printf (_("Monthly on day %d"), day);
  gtk_string_list_append (choices, _("Every week"));
  gtk_string_list_append (choices, _("Every two weeks"));
  gtk_string_list_append (choices, _("Every four weeks"));
  gtk_string_list_append (choices, monthly_weekday);
  gtk_string_list_append (choices, monthly_date);

  until = g_date_time_add_months (coalition_meeting_get_start (self->meeting), 6);
  until_text = g_date_time_format (until, "%Y-%m-%d");

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Repeat This Meeting"),
                                   _("Each meeting of the series can then be moved or cancelled on its own."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  repeat = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (repeat), 3);
  coalition_accessible_label_drop_down (GTK_DROP_DOWN (repeat), _("How often"));
  until_entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (until_entry), until_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (until_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Until, as year-month-day"), -1);
  gtk_box_append (GTK_BOX (box), repeat);
  gtk_box_append (GTK_BOX (box), gtk_label_new (_("Until (year-month-day):")));
  gtk_box_append (GTK_BOX (box), until_entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "repeat", _("_Repeat"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "repeat", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "repeat", repeat);
  g_object_set_data (G_OBJECT (dialog), "until", until_entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (series_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */
/* Showing a meeting */

static void
fill_templates_menu (CoalitionMeetingsPage *self,
                     GtkMenuButton         *button)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) start = g_menu_new ();
  g_autoptr(GMenu) saved = g_menu_new ();
  g_autoptr(GMenu) save = g_menu_new ();
  g_auto(GStrv) names = coalition_store_list_templates (self->store, NULL);

  g_menu_append (start, _("Standard Coalition Meeting"), "meetings.use-template::");
  {
    g_autoptr(GMenuItem) previous = g_menu_item_new (_("Agenda of the Previous Meeting"), NULL);

    g_menu_item_set_action_and_target_value (previous, "meetings.use-template", g_variant_new_string ("\x01previous"));
    g_menu_append_item (start, previous);
  }
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (names[i], NULL);

      g_menu_item_set_action_and_target_value (item, "meetings.use-template", g_variant_new_string (names[i]));
      g_menu_append_item (saved, item);
    }
  g_menu_append (save, _("Save Agenda as Template…"), "meetings.save-template");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (start));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (saved));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (save));
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
fill (CoalitionMeetingsPage *self)
{
  CoalitionMeeting *meeting = self->meeting;
  g_autofree char *when = describe_when (meeting);
  g_autofree char *day = g_date_time_format (coalition_meeting_get_start (meeting), "%Y-%m-%d");
  g_autofree char *start = coalition_format_clock (coalition_meeting_get_start (meeting));
  g_autofree char *end = coalition_format_clock (coalition_meeting_get_end (meeting));
  gint64 roles[] = {
    coalition_meeting_get_facilitator_id (meeting), coalition_meeting_get_note_taker_id (meeting),
    coalition_meeting_get_timekeeper_id (meeting),
  };
  guint zone_position = 0;

  self->loading = TRUE;
  load_choices (self);

  gtk_label_set_label (self->title_label, coalition_meeting_get_title (meeting));
  gtk_label_set_label (self->when_label, when);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), coalition_meeting_get_title (meeting));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), day);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), end);
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), coalition_meeting_get_location (meeting));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), coalition_meeting_get_url (meeting));
  for (guint i = 0; self->zones[i] != NULL; i++)
    if (g_str_equal (self->zones[i], coalition_meeting_get_zone (meeting)))
      zone_position = i;
  gtk_drop_down_set_selected (self->zone_dropdown, zone_position);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (self->group_names));
  gtk_drop_down_set_selected (self->group_dropdown,
                              position_of (self->group_ids, coalition_meeting_get_group_id (meeting)));
  adw_combo_row_set_selected (self->status_row, coalition_meeting_get_status (meeting));
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      gtk_drop_down_set_model (self->role_dropdowns[r], G_LIST_MODEL (self->people_names));
      gtk_drop_down_set_selected (self->role_dropdowns[r], position_of (self->people_ids, roles[r]));
    }

  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  self->agenda = coalition_store_list_agenda (self->store, coalition_meeting_get_id (meeting), NULL);
  if (self->agenda == NULL)
    self->agenda = g_ptr_array_new_with_free_func (g_object_unref);
  fill_agenda (self);
  fill_review (self);
  fill_decisions (self);
  fill_actions (self);
  fill_attendance (self);
  fill_templates_menu (self, g_object_get_data (G_OBJECT (self), "templates-button"));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->minutes_view), coalition_meeting_get_minutes (meeting), -1);
  gtk_switch_set_active (self->final_switch, coalition_meeting_get_minutes_final (meeting));
  gtk_text_view_set_editable (self->minutes_view, !coalition_meeting_get_minutes_final (meeting));
  gtk_widget_set_sensitive (self->held_button,
                            coalition_meeting_get_status (meeting) == COALITION_MEETING_STATUS_PLANNED);

  self->loading = FALSE;
}

static void
show_meeting (CoalitionMeetingsPage *self,
              gint64                 id)
{
  CoalitionMeeting *meeting = NULL;

  if (id > 0 && self->store != NULL)
    meeting = coalition_store_get_meeting (self->store, id, NULL);

  g_clear_object (&self->meeting);
  self->meeting = meeting;
  if (meeting == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "none");
      return;
    }

  fill (self);
  gtk_stack_set_visible_child_name (self->details_stack, "meeting");
}

void
coalition_meetings_page_show_meeting (CoalitionMeetingsPage *self,
                                      gint64                 id)
{
  g_return_if_fail (COALITION_IS_MEETINGS_PAGE (self));

  show_meeting (self, id);
  fill_meeting_list (self);
}

gint64
coalition_meetings_page_get_meeting_id (CoalitionMeetingsPage *self)
{
  g_return_val_if_fail (COALITION_IS_MEETINGS_PAGE (self), 0);
  return self->meeting ? coalition_meeting_get_id (self->meeting) : 0;
}

static void
reload_lists (CoalitionMeetingsPage *self)
{
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  if (self->store != NULL)
    self->meetings = coalition_store_list_meetings (self->store, NULL);
  if (self->meetings == NULL)
    self->meetings = g_ptr_array_new_with_free_func (g_object_unref);

  fill_meeting_list (self);
  if (gtk_toggle_button_get_active (self->actions_toggle))
    fill_action_list (self);
  if (gtk_toggle_button_get_active (self->participation_toggle))
    fill_participation_list (self);
  gtk_stack_set_visible_child_name (GTK_STACK (g_object_get_data (G_OBJECT (self), "list-state")),
                                    self->meetings->len > 0 ? "lists" : "empty");
}

/* The store says a meeting changed: the lists and the one shown follow,
 * once, after the write that changed them. */
static gboolean
reload_cb (gpointer data)
{
  CoalitionMeetingsPage *self = data;

  self->reload_source = 0;
  reload_lists (self);
  if (self->meeting != NULL)
    show_meeting (self, coalition_meeting_get_id (self->meeting));
  return G_SOURCE_REMOVE;
}

static void
meeting_changed_cb (CoalitionMeetingsPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_timeout_add (0, reload_cb, self);
}

void
coalition_meetings_page_set_store (CoalitionMeetingsPage *self,
                                   CoalitionStore        *store)
{
  g_return_if_fail (COALITION_IS_MEETINGS_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->meeting);
  if (store != NULL)
    {
      const char *signals_to_follow[] = { "meeting-changed", "changed", "group-changed", "person-changed" };

      for (guint i = 0; i < G_N_ELEMENTS (signals_to_follow); i++)
        g_signal_connect_object (store, signals_to_follow[i], G_CALLBACK (meeting_changed_cb), self, G_CONNECT_SWAPPED);
    }

  reload_lists (self);
  gtk_stack_set_visible_child_name (self->details_stack, "none");
}

void
coalition_meetings_page_new_meeting (CoalitionMeetingsPage *self)
{
  g_autoptr(CoalitionMeeting) meeting = coalition_meeting_new ();
  g_autofree char *zone = coalition_zone_get_local_name ();
  g_autoptr(GTimeZone) tz = coalition_zone_new (zone);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) agenda = coalition_agenda_standard_template ();
  g_autoptr(GError) error = NULL;
  int year, month, day;

  g_return_if_fail (COALITION_IS_MEETINGS_PAGE (self));
  if (self->store == NULL)
    return;

  if (tz == NULL)
    {
      g_free (zone);
      zone = g_strdup ("UTC");
      tz = g_time_zone_new_utc ();
    }

  /* A week from today at 18:00, ninety minutes: the standard meeting. */
  now = g_date_time_new_now (tz);
  {
    g_autoptr(GDateTime) week = g_date_time_add_days (now, 7);

    g_date_time_get_ymd (week, &year, &month, &day);
  }
  start = g_date_time_new (tz, year, month, day, 18, 0, 0);
  end = g_date_time_add_minutes (start, 90);

  coalition_meeting_set_title (meeting, _("General Meeting"));
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, end);
  coalition_meeting_set_zone (meeting, zone);
  coalition_meeting_set_facilitator_id (meeting, coalition_store_suggest_facilitator (self->store, NULL));
  if (!coalition_store_insert_meeting (self->store, meeting, &error) ||
      !coalition_store_set_agenda (self->store, coalition_meeting_get_id (meeting), agenda, &error))
    {
      report (self, error);
      return;
    }

  gtk_toggle_button_set_active (self->meetings_toggle, TRUE);
  reload_lists (self);
  coalition_meetings_page_show_meeting (self, coalition_meeting_get_id (meeting));
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
back_clicked_cb (CoalitionMeetingsPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

/* ---------------------------------------------------------------------- */
/* Building the page */

static GtkWidget *
header_button (const char *label,
               GCallback   clicked,
               gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", clicked, self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *window = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (window), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (window), child);
  gtk_widget_set_vexpand (window, TRUE);
  return window;
}

static GtkWidget *
boxed_list (GtkListBox **out_list,
            const char  *label)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_valign (list, GTK_ALIGN_START);
  gtk_widget_set_margin_top (list, 12);
  gtk_widget_set_margin_bottom (list, 12);
  gtk_widget_set_margin_start (list, 12);
  gtk_widget_set_margin_end (list, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_clamp_set_child (ADW_CLAMP (clamp), list);
  *out_list = GTK_LIST_BOX (list);
  return scrolled (clamp);
}

/* A column of preference groups, as a page of the list side. */
static GtkWidget *
grouped_list (GtkBox     **out_box,
              const char  *label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  *out_box = GTK_BOX (box);
  return scrolled (clamp);
}

static GtkWidget *
build_list_side (CoalitionMeetingsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *switcher = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *state = gtk_stack_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *plan = gtk_button_new_with_mnemonic (_("_Plan a Meeting"));
  GtkWidget *meetings_scroll;

  gtk_widget_set_size_request (box, 320, -1);
  gtk_widget_add_css_class (switcher, "linked");
  gtk_widget_set_halign (switcher, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (switcher, 12);
  gtk_widget_set_margin_bottom (switcher, 12);
  self->meetings_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Meetings")));
  self->actions_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Action Items")));
  self->participation_toggle = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_mnemonic (_("_Participation")));
  gtk_toggle_button_set_group (self->actions_toggle, self->meetings_toggle);
  gtk_toggle_button_set_group (self->participation_toggle, self->meetings_toggle);
  gtk_toggle_button_set_active (self->meetings_toggle, TRUE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->actions_toggle), _("Every open action item, by due date"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->participation_toggle),
                               _("Each organization's attendance at the last meetings"));
  gtk_box_append (GTK_BOX (switcher), GTK_WIDGET (self->meetings_toggle));
  gtk_box_append (GTK_BOX (switcher), GTK_WIDGET (self->actions_toggle));
  gtk_box_append (GTK_BOX (switcher), GTK_WIDGET (self->participation_toggle));
  g_signal_connect_object (self->meetings_toggle, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actions_toggle, "toggled", G_CALLBACK (mode_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->participation_toggle, "toggled", G_CALLBACK (mode_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), switcher);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->meeting_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->meeting_list), "navigation-sidebar");
  gtk_list_box_set_header_func (self->meeting_list, header_func, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->meeting_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meetings"), -1);
  g_signal_connect_object (self->meeting_list, "row-activated", G_CALLBACK (meeting_activated_cb), self,
                           G_CONNECT_SWAPPED);
  meetings_scroll = scrolled (GTK_WIDGET (self->meeting_list));
  /* The month at a glance above the list: days with a meeting are marked. */
  {
    GtkWidget *month = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    self->calendar = GTK_CALENDAR (gtk_calendar_new ());
    gtk_widget_set_margin_start (GTK_WIDGET (self->calendar), 12);
    gtk_widget_set_margin_end (GTK_WIDGET (self->calendar), 12);
    gtk_widget_set_margin_bottom (GTK_WIDGET (self->calendar), 6);
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->calendar), _("Days with a meeting are marked; choose one to open it"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("The month's meetings"), -1);
    coalition_accessible_label_calendar (self->calendar);
    g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);
    /* Times follow the clock the desktop shows, when it changes too. */
    if (coalition_clock_settings () != NULL)
      g_signal_connect_object (coalition_clock_settings (), "changed::clock-format", G_CALLBACK (meeting_changed_cb), self,
                               G_CONNECT_SWAPPED);
    g_signal_connect_object (self->calendar, "notify::month", G_CALLBACK (mark_calendar), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->calendar, "notify::year", G_CALLBACK (mark_calendar), self, G_CONNECT_SWAPPED);
    gtk_box_append (GTK_BOX (month), GTK_WIDGET (self->calendar));
    gtk_box_append (GTK_BOX (month), meetings_scroll);
    gtk_widget_set_vexpand (meetings_scroll, TRUE);
    meetings_scroll = month;
  }

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->list_stack, meetings_scroll, "meetings");
  gtk_stack_add_named (self->list_stack, grouped_list (&self->action_groups, _("Open action items")), "actions");
  gtk_stack_add_named (self->list_stack, boxed_list (&self->participation_list, _("Participation")), "participation");

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Meetings Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Plan the next meeting: its agenda, who facilitates and takes notes, "
                                     "and who is invited."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_widget_add_css_class (plan, "pill");
  gtk_widget_add_css_class (plan, "suggested-action");
  gtk_widget_set_halign (plan, GTK_ALIGN_CENTER);
  g_signal_connect_object (plan, "clicked", G_CALLBACK (coalition_meetings_page_new_meeting), self, G_CONNECT_SWAPPED);
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), plan);

  gtk_stack_add_named (GTK_STACK (state), GTK_WIDGET (self->list_stack), "lists");
  gtk_stack_add_named (GTK_STACK (state), empty, "empty");
  gtk_widget_set_vexpand (state, TRUE);
  g_object_set_data (G_OBJECT (self), "list-state", state);
  gtk_box_append (GTK_BOX (box), state);

  return box;
}

static AdwEntryRow *
meeting_entry (CoalitionMeetingsPage *self,
               GtkWidget             *group,
               const char            *title)
{
  GtkWidget *row = entry_row (title, G_CALLBACK (field_applied_cb), self);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

static GtkDropDown *
dropdown_row (GtkWidget   *group,
              const char  *title,
              GtkDropDown *dropdown)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (GTK_WIDGET (dropdown), GTK_ALIGN_CENTER);
  coalition_accessible_label_drop_down (dropdown, title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (dropdown));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (dropdown));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_set_data (G_OBJECT (dropdown), "row", row);
  return dropdown;
}

static GtkWidget *
build_details (CoalitionMeetingsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *details, *roles, *minutes, *frame, *buttons, *delete, *templates, *repeat, *invite, *draft, *suggest;
  g_autoptr(GtkStringList) zones = NULL;
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  const char *role_titles[] = { N_("Facilitator"), N_("Note Taker"), N_("Timekeeper") };

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-2");
  self->when_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->when_label, TRUE);
  gtk_label_set_xalign (self->when_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->when_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->when_label));

  /* The meeting */
  details = coalition_preferences_group_new (_("Meeting"), NULL);
  repeat = header_button (_("_Repeat…"), G_CALLBACK (repeat_clicked_cb), self);
  gtk_widget_set_tooltip_text (repeat, _("Make this meeting the first of a series"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (details), repeat);
  self->title_row = meeting_entry (self, details, _("Title"));
  self->date_row = meeting_entry (self, details, _("Date, as Year-Month-Day"));
  self->start_row = meeting_entry (self, details, _("Starts At"));
  self->end_row = meeting_entry (self, details, _("Ends At"));
  self->zones = coalition_zone_list_all ();
  zones = gtk_string_list_new ((const char * const *)self->zones);
  self->zone_dropdown = dropdown_row (details, _("Time Zone"),
                                      GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&zones)),
                                                                        gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"))));
  gtk_drop_down_set_enable_search (self->zone_dropdown, TRUE);
  g_signal_connect_object (self->zone_dropdown, "notify::selected", G_CALLBACK (zone_selected_cb), self, G_CONNECT_SWAPPED);
  self->location_row = meeting_entry (self, details, _("Place"));
  self->url_row = meeting_entry (self, details, _("Online Link"));
  adw_entry_row_set_input_purpose (self->url_row, GTK_INPUT_PURPOSE_URL);
  self->group_dropdown = dropdown_row (details, _("Group"), GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL)));
  g_signal_connect_object (self->group_dropdown, "notify::selected", G_CALLBACK (group_selected_cb), self, G_CONNECT_SWAPPED);
  for (int st = 0; st <= COALITION_MEETING_STATUS_LAST; st++)
    gtk_string_list_append (statuses, coalition_meeting_status_get_label (st));
  self->status_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Status"));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), GTK_WIDGET (self->status_row));
  gtk_box_append (GTK_BOX (box), details);

  /* Roles */
  roles = coalition_preferences_group_new (_("Roles"), _("The facilitator rotates among the core group."));
  suggest = header_button (_("_Suggest Facilitator"), G_CALLBACK (suggest_facilitator_cb), self);
  gtk_widget_set_tooltip_text (suggest, _("The member of the core group who facilitated least recently"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (roles), suggest);
  for (guint r = 0; r < G_N_ELEMENTS (role_titles); r++)
    {
      GtkWidget *dropdown = gtk_drop_down_new (NULL, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
      self->role_dropdowns[r] = dropdown_row (roles, _(role_titles[r]), GTK_DROP_DOWN (dropdown));
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (role_selected_cb), self, G_CONNECT_SWAPPED);
    }
  gtk_box_append (GTK_BOX (box), roles);

  /* Agenda */
  self->agenda_group = ADW_PREFERENCES_GROUP (coalition_preferences_group_new (_("Agenda"), NULL));
  templates = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (templates), _("Start From"));
  gtk_widget_add_css_class (templates, "flat");
  gtk_widget_set_valign (templates, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (templates, _("Add the items of a template or of the previous meeting"));
  coalition_accessible_label_menu_button (GTK_MENU_BUTTON (templates));
  g_object_set_data (G_OBJECT (self), "templates-button", templates);
  adw_preferences_group_set_header_suffix (self->agenda_group, templates);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->agenda_group));

  self->review_group = ADW_PREFERENCES_GROUP (coalition_preferences_group_new (_("Review of Action Items"),
                                                         _("Open items from earlier meetings. Marking one done "
                                                           "closes it everywhere.")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->review_group));
  self->decisions_group = ADW_PREFERENCES_GROUP (coalition_preferences_group_new (_("Decisions"),
                                                            _("By consensus, with any blocks and stand-asides by name, "
                                                              "or by a vote with its tally.")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->decisions_group));
  self->actions_group = ADW_PREFERENCES_GROUP (coalition_preferences_group_new (_("Action Items"), _("What, who, and by when.")));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->actions_group));
  self->attendance_group = ADW_PREFERENCES_GROUP (coalition_preferences_group_new (_("Attendance"), NULL));
  invite = header_button (_("_Invite the Group"), G_CALLBACK (invite_clicked_cb), self);
  gtk_widget_set_tooltip_text (invite, _("Invite the meeting's group, or each member organization's representatives"));
  adw_preferences_group_set_header_suffix (self->attendance_group, invite);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->attendance_group));

  /* Minutes */
  minutes = coalition_preferences_group_new (_("Minutes"), _("Drafted from the attendance, the items’ notes, the decisions and the action "
                                       "items; edit them before they go out."));
  draft = header_button (_("_Draft From the Meeting"), G_CALLBACK (draft_minutes_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (minutes), draft);
  self->minutes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->minutes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->minutes_view, 8);
  gtk_text_view_set_bottom_margin (self->minutes_view, 8);
  gtk_text_view_set_left_margin (self->minutes_view, 8);
  gtk_text_view_set_right_margin (self->minutes_view, 8);
  gtk_widget_set_size_request (GTK_WIDGET (self->minutes_view), -1, 160);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->minutes_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes"), -1);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "leave", G_CALLBACK (minutes_left_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->minutes_view), focus);
  }
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->minutes_view));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (minutes), frame);
  {
    GtkWidget *final_row = adw_action_row_new ();

    self->final_switch = GTK_SWITCH (gtk_switch_new ());
    gtk_widget_set_valign (GTK_WIDGET (self->final_switch), GTK_ALIGN_CENTER);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (final_row), _("Final"));
    adw_action_row_set_subtitle (ADW_ACTION_ROW (final_row), _("Approved as the record of the meeting"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (final_row), GTK_WIDGET (self->final_switch));
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (final_row), GTK_WIDGET (self->final_switch));
    gtk_widget_set_margin_top (final_row, 6);
    gtk_widget_add_css_class (final_row, "card");
    g_signal_connect_object (self->final_switch, "notify::active", G_CALLBACK (final_toggled_cb), self, G_CONNECT_SWAPPED);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (minutes), final_row);
  }
  gtk_box_append (GTK_BOX (box), minutes);

  /* The buttons wrap onto a second line in a narrow window. */
  buttons = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 12);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 4);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (buttons, "meeting-buttons");
  self->held_button = gtk_button_new_with_mnemonic (_("Mark as _Held…"));
  gtk_widget_add_css_class (self->held_button, "pill");
  gtk_widget_add_css_class (self->held_button, "suggested-action");
  g_signal_connect_object (self->held_button, "clicked", G_CALLBACK (held_clicked_cb), self, G_CONNECT_SWAPPED);
  delete = gtk_button_new_with_mnemonic (_("_Delete Meeting"));
  gtk_widget_add_css_class (delete, "pill");
  gtk_widget_add_css_class (delete, "destructive-action");
  g_signal_connect_object (delete, "clicked", G_CALLBACK (delete_clicked_cb), self, G_CONNECT_SWAPPED);
  {
    GtkWidget *calendar = gtk_button_new_with_mnemonic (_("Add to _Calendar…"));

    gtk_widget_add_css_class (calendar, "pill");
    gtk_widget_set_tooltip_text (calendar, _("Save it as an .ics file for Thunderbird, GNOME Calendar, Outlook or Google "
                                             "Calendar; a series is saved whole"));
    g_signal_connect_object (calendar, "clicked", G_CALLBACK (add_to_calendar_cb), self, G_CONNECT_SWAPPED);
    GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));

    gtk_widget_add_css_class (print, "pill");
    gtk_widget_set_tooltip_text (print, _("The agenda, the sign-in sheet or the minutes, on paper or as PDF"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "win.print");
    gtk_flow_box_append (GTK_FLOW_BOX (buttons), self->held_button);
    gtk_flow_box_append (GTK_FLOW_BOX (buttons), calendar);
    gtk_flow_box_append (GTK_FLOW_BOX (buttons), print);
  }
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), delete);
  /* Tab goes from button to button, not through their cells. */
  for (GtkWidget *cell = gtk_widget_get_first_child (buttons); cell; cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);
  gtk_box_append (GTK_BOX (box), buttons);

  return scrolled (clamp);
}

static GtkWidget *
build_details_side (CoalitionMeetingsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *back_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *back = icon_button ("go-previous-symbolic", _("Back to the List"));
  GtkWidget *none = adw_status_page_new ();

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_margin_start (back, 6);
  gtk_widget_set_margin_top (back, 6);
  g_signal_connect_object (back, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (back_bar), back);
  g_object_bind_property (self->leaflet, "folded", back_bar, "visible", G_BINDING_SYNC_CREATE);
  gtk_box_append (GTK_BOX (box), back_bar);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("No Meeting Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (none), _("Choose a meeting to prepare its agenda, take its notes "
                                                              "and record what was decided."));
  gtk_widget_add_css_class (none, "compact");

  self->details_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->details_stack, none, "none");
  gtk_stack_add_named (self->details_stack, build_details (self), "meeting");
  gtk_widget_set_vexpand (GTK_WIDGET (self->details_stack), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->details_stack));

  return box;
}

static void
coalition_meetings_page_dispose (GObject *object)
{
  CoalitionMeetingsPage *self = COALITION_MEETINGS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  stop_timer_clock (self);
  g_clear_object (&self->timed_item);
  g_clear_pointer (&self->timed_since, g_date_time_unref);
  g_clear_pointer (&self->people_ids, g_array_unref);
  g_clear_pointer (&self->group_ids, g_array_unref);
  g_clear_object (&self->people_names);
  g_clear_object (&self->group_names);
  g_clear_pointer (&self->zones, g_strfreev);
  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    g_clear_pointer (&self->rows[i], g_ptr_array_unref);

  G_OBJECT_CLASS (coalition_meetings_page_parent_class)->dispose (object);
}

static void
coalition_meetings_page_class_init (CoalitionMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coalition_meetings_page_dispose;

  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "meetings.use-template", "s", template_action);
  gtk_widget_class_install_action (widget_class, "meetings.save-template", NULL, save_template_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
coalition_meetings_page_init (CoalitionMeetingsPage *self)
{
  GtkWidget *list_page, *details_page;

  self->people_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->group_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->people_names = gtk_string_list_new (NULL);
  self->group_names = gtk_string_list_new (NULL);
  self->meetings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->rows); i++)
    self->rows[i] = g_ptr_array_new ();

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));

  list_page = build_list_side (self);
  details_page = build_details_side (self);
  adw_leaflet_page_set_name (adw_leaflet_append (self->leaflet, list_page), "list");
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL)),
                                    FALSE);
  adw_leaflet_page_set_name (adw_leaflet_append (self->leaflet, details_page), "details");
}
