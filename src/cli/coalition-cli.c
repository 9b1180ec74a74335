/* coalition-cli.c — the coalition's records from a terminal or a script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status 0 on success; 1 on a user error, with one line on stderr.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "coalition-core.h"
#include "coalition-ics.h"
#include "coalition-map-scene.h"
#include "coalition-print.h"

#define MAX_DEMO_PEOPLE 1000000

typedef struct
{
  const char *name;
  gboolean    creates;   /* may create the database file */
  const char *parameters;
  const char *summary;
  int       (*run) (CoalitionStore *store,
                    int             argc,
                    char          **argv);   /* NULL for another form of the command above */
} Command;

static char *database_path;

/* One clear line on stderr, then exit status 1. */
G_GNUC_PRINTF (1, 2)
static int
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* GError messages may hold newlines; the contract is one line. */
  g_strdelimit (message, "\n", ' ');
  fprintf (stderr, "coalition-cli: %s\n", message);
  return EXIT_FAILURE;
}

/* Parses a command's own options; prints its help and exits 0 on --help. */
static gboolean
parse_options (const char    *command,
               const char    *parameters,
               const char    *summary,
               GOptionEntry  *entries,
               int           *argc,
               char        ***argv,
               int           *out_status)
{
  g_autofree char *usage = g_strdup_printf ("%s%s%s", command, parameters ? " " : "", parameters ? parameters : "");
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *out_status = fail (_("%s (see “coalition-cli %s --help”)"), error->message, command);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* demo */

static int
run_demo (CoalitionStore  *store,
          int              argc,
          char           **argv)
{
  g_autofree char *people_arg = NULL;
  g_autofree char *seed_arg = NULL;
  GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_STRING, &people_arg, N_("How many people (default 400)"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_arg, N_("Seed: the same seed gives the same coalition"), "N" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  guint64 people = COALITION_DEMO_DEFAULT_PEOPLE;
  guint64 seed = COALITION_DEMO_DEFAULT_SEED;
  int status = EXIT_SUCCESS;

  if (!parse_options ("demo", NULL, _("Fill an empty database with an example coalition."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fail (_("“demo” takes no argument “%s” (see “coalition-cli demo --help”)"), argv[1]);

  if (people_arg != NULL &&
      (!g_ascii_string_to_unsigned (people_arg, 10, 1, MAX_DEMO_PEOPLE, &people, NULL)))
    return fail (_("--people must be a whole number from 1 to %d, not “%s”"), MAX_DEMO_PEOPLE, people_arg);
  if (seed_arg != NULL &&
      !g_ascii_string_to_unsigned (seed_arg, 10, 0, G_MAXUINT32, &seed, NULL))
    return fail (_("--seed must be a whole number from 0 to %u, not “%s”"), G_MAXUINT32, seed_arg);

  if (!coalition_demo_fill (store, people, seed, NULL, NULL, NULL, &error))
    return fail ("%s", error->message);

  printf (g_dngettext (GETTEXT_PACKAGE,
                       "Added the example coalition: %u person in %u organizations to %s\n",
                       "Added the example coalition: %u people in %u organizations to %s\n",
                       coalition_store_count_people (store)),
          coalition_store_count_people (store), coalition_store_count_organizations (store),
          coalition_store_get_path (store));

  return EXIT_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* list */

/* Columns of a table, padded by display width: a Hangul or Han character
 * takes two columns of a terminal. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

#define MAX_COLUMN_WIDTH 40

/* @text cut to @max_width columns, with an ellipsis where it was cut. */
static char *
fit_cell (const char *text,
          guint       max_width)
{
  GString *out;
  guint width = 0;

  if (display_width (text) <= max_width)
    return g_strdup (text);

  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint w = g_unichar_iswide (c) ? 2 : g_unichar_iszerowidth (c) ? 0 : 1;

      if (width + w > max_width - 1)
        break;
      g_string_append_unichar (out, c);
      width += w;
    }
  g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

static void
print_table (GPtrArray *rows,
             guint      n_columns)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], MIN (display_width (row[c]), MAX_COLUMN_WIDTH));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *cell = fit_cell (row[c], MAX_COLUMN_WIDTH);

          g_string_append (line, cell);
          if (c + 1 < n_columns)
            for (guint w = display_width (cell); w < widths[c] + 2; w++)
              g_string_append_c (line, ' ');
        }
      puts (line->str);
    }
}

static void
add_string_array (JsonBuilder *builder,
                  const char  *member,
                  GPtrArray   *points)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  /* The primary one first, then the others in their order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < points->len; i++)
      {
        const CoalitionContactPoint *point = g_ptr_array_index (points, i);

        if ((pass == 0) == point->primary)
          json_builder_add_string_value (builder, point->value);
      }
  json_builder_end_array (builder);
}

static void
set_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_tags (JsonBuilder        *builder,
          const char * const *tags)
{
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);
}

/* The plan for a prospect or target, or null when there is none. */
static void
add_outreach (JsonBuilder             *builder,
              const CoalitionOutreach *outreach)
{
  json_builder_set_member_name (builder, "outreach");
  if (coalition_outreach_is_empty (outreach))
    {
      json_builder_add_null_value (builder);
      return;
    }

  json_builder_begin_object (builder);
  set_string_or_null (builder, "priority", coalition_priority_to_string (outreach->priority));
  json_builder_set_member_name (builder, "asker_id");
  if (outreach->asker_id > 0)
    json_builder_add_int_value (builder, outreach->asker_id);
  else
    json_builder_add_null_value (builder);
  set_string_or_null (builder, "asker", outreach->asker_name);
  set_string_or_null (builder, "next_step", *outreach->next_step ? outreach->next_step : NULL);
  set_string_or_null (builder, "next_step_date", *outreach->next_step_date ? outreach->next_step_date : NULL);
  json_builder_end_object (builder);
}

static JsonNode *
person_to_json (CoalitionStore  *store,
                CoalitionPerson *person)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) memberships = coalition_store_list_memberships_of_person (store, coalition_person_get_id (person), NULL);
  gint64 organization_id = coalition_person_get_organization_id (person);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, coalition_person_get_id (person));
  set_string_or_null (builder, "uid", coalition_person_get_uid (person));
  set_string_or_null (builder, "display_name", coalition_person_get_display_name (person));
  set_string_or_null (builder, "given_name", coalition_person_get_given_name (person));
  set_string_or_null (builder, "family_name", coalition_person_get_family_name (person));
  set_string_or_null (builder, "title", coalition_person_get_title (person));
  set_string_or_null (builder, "organization", coalition_person_get_organization_name (person));
  json_builder_set_member_name (builder, "organization_id");
  if (organization_id > 0)
    json_builder_add_int_value (builder, organization_id);
  else
    json_builder_add_null_value (builder);
  add_string_array (builder, "emails", coalition_person_get_emails (person));
  add_string_array (builder, "phones", coalition_person_get_phones (person));
  set_string_or_null (builder, "status", coalition_status_to_string (coalition_person_get_status (person)));
  set_string_or_null (builder, "address", coalition_person_get_address (person));
  set_string_or_null (builder, "skills", coalition_person_get_skills (person));
  add_tags (builder, coalition_person_get_tags (person));
  add_outreach (builder, coalition_person_get_outreach (person));
  json_builder_set_member_name (builder, "groups");
  json_builder_begin_array (builder);
  for (guint i = 0; memberships != NULL && i < memberships->len; i++)
    {
      const CoalitionMembership *membership = g_ptr_array_index (memberships, i);

      json_builder_begin_object (builder);
      set_string_or_null (builder, "name", membership->group_name);
      set_string_or_null (builder, "role", coalition_role_to_string (membership->role));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  set_string_or_null (builder, "created_at", coalition_person_get_created_at (person));
  set_string_or_null (builder, "updated_at", coalition_person_get_updated_at (person));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static JsonNode *
organization_to_json (CoalitionOrganization *organization)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, coalition_organization_get_id (organization));
  set_string_or_null (builder, "uid", coalition_organization_get_uid (organization));
  set_string_or_null (builder, "name", coalition_organization_get_name (organization));
  set_string_or_null (builder, "kind", coalition_organization_kind_to_string (coalition_organization_get_kind (organization)));
  set_string_or_null (builder, "sector", coalition_organization_get_sector (organization));
  set_string_or_null (builder, "website", coalition_organization_get_website (organization));
  set_string_or_null (builder, "status", coalition_status_to_string (coalition_organization_get_status (organization)));
  json_builder_set_member_name (builder, "people");
  json_builder_add_int_value (builder, coalition_organization_get_n_people (organization));
  add_string_array (builder, "emails", coalition_organization_get_emails (organization));
  add_string_array (builder, "phones", coalition_organization_get_phones (organization));
  set_string_or_null (builder, "address", coalition_organization_get_address (organization));
  set_string_or_null (builder, "capacity", coalition_organization_get_capacity (organization));
  set_string_or_null (builder, "constituency", coalition_organization_get_constituency (organization));
  set_string_or_null (builder, "skills", coalition_organization_get_skills (organization));
  set_string_or_null (builder, "access", coalition_organization_get_access (organization));
  add_tags (builder, coalition_organization_get_tags (organization));
  add_outreach (builder, coalition_organization_get_outreach (organization));
  set_string_or_null (builder, "created_at", coalition_organization_get_created_at (organization));
  set_string_or_null (builder, "updated_at", coalition_organization_get_updated_at (organization));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Writes a JSON array element by element, so that 100 000 people never
 * become one tree in memory. */
static void
write_json_element (JsonNode *node,
                    gboolean  first)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  fputs (first ? "[\n  " : ",\n  ", stdout);
  fputs (text, stdout);
  json_node_unref (node);
}

static void
end_json_array (gboolean empty)
{
  fputs (empty ? "[]\n" : "\n]\n", stdout);
}

static int
list_people (CoalitionStore *store,
             gboolean        json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = coalition_store_find_people (store, NULL, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  if (ids == NULL)
    return fail ("%s", error->message);

  if (!json)
    g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Name"), _("Organization"), _("E-mail"), _("Status"), NULL }));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_store_get_person (store, g_array_index (ids, gint64, i), &error);

      if (person == NULL)
        return fail ("%s", error->message);

      if (json)
        write_json_element (person_to_json (store, person), i == 0);
      else
        {
          const char *organization = coalition_person_get_organization_name (person);
          const char *email = coalition_person_get_primary_email (person);
          char *row[] = {
            g_strdup (coalition_person_get_display_name (person)),
            g_strdup (organization ? organization : "—"),
            g_strdup (email ? email : "—"),
            g_strdup (coalition_status_get_label (coalition_person_get_status (person))),
            NULL,
          };

          g_ptr_array_add (rows, g_memdup2 (row, sizeof row));
        }
    }

  if (json)
    end_json_array (ids->len == 0);
  else
    print_table (rows, 4);

  return EXIT_SUCCESS;
}

static int
list_organizations (CoalitionStore *store,
                    gboolean        json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) organizations = coalition_store_list_organizations (store, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  if (organizations == NULL)
    return fail ("%s", error->message);

  if (!json)
    g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Name"), _("Kind"), _("Status"), _("People"), NULL }));

  for (guint i = 0; i < organizations->len; i++)
    {
      CoalitionOrganization *organization = organizations->pdata[i];

      if (json)
        write_json_element (organization_to_json (organization), i == 0);
      else
        {
          char *row[] = {
            g_strdup (coalition_organization_get_name (organization)),
            g_strdup (coalition_organization_kind_get_label (coalition_organization_get_kind (organization))),
            g_strdup (coalition_status_get_label (coalition_organization_get_status (organization))),
            g_strdup_printf ("%u", coalition_organization_get_n_people (organization)),
            NULL,
          };

          g_ptr_array_add (rows, g_memdup2 (row, sizeof row));
        }
    }

  if (json)
    end_json_array (organizations->len == 0);
  else
    print_table (rows, 4);

  return EXIT_SUCCESS;
}

/* A time as ISO 8601 with its offset, as the meeting's zone has it then. */
static char *
iso_with_offset (GDateTime *time)
{
  return time ? g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static void
set_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
set_id_or_null (JsonBuilder *builder,
                const char  *member,
                gint64       id)
{
  json_builder_set_member_name (builder, member);
  if (id > 0)
    json_builder_add_int_value (builder, id);
  else
    json_builder_add_null_value (builder);
}

static void
add_action (JsonBuilder         *builder,
            CoalitionActionItem *action)
{
  json_builder_begin_object (builder);
  set_int (builder, "id", coalition_action_item_get_id (action));
  set_string_or_null (builder, "title", coalition_action_item_get_title (action));
  set_id_or_null (builder, "owner_id", coalition_action_item_get_owner_id (action));
  set_string_or_null (builder, "owner", *coalition_action_item_get_owner_name (action)
                                        ? coalition_action_item_get_owner_name (action) : NULL);
  set_string_or_null (builder, "due", *coalition_action_item_get_due (action) ? coalition_action_item_get_due (action) : NULL);
  set_string_or_null (builder, "status", coalition_action_status_to_string (coalition_action_item_get_status (action)));
  set_int (builder, "meeting_id", coalition_action_item_get_meeting_id (action));
  set_string_or_null (builder, "meeting", coalition_action_item_get_meeting_title (action));
  json_builder_end_object (builder);
}

static JsonNode *
meeting_to_json (CoalitionStore   *store,
                 CoalitionMeeting *meeting)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gint64 id = coalition_meeting_get_id (meeting);
  g_autoptr(GPtrArray) agenda = coalition_store_list_agenda (store, id, NULL);
  g_autoptr(GPtrArray) attendance = coalition_store_list_attendance (store, id, NULL);
  g_autoptr(GPtrArray) decisions = coalition_store_list_decisions (store, id, NULL);
  g_autoptr(GPtrArray) actions = coalition_store_list_actions_of (store, id, NULL);
  g_autoptr(GPtrArray) times = coalition_agenda_start_times (coalition_meeting_get_start (meeting), agenda);
  g_autofree char *start = iso_with_offset (coalition_meeting_get_start (meeting));
  g_autofree char *end = iso_with_offset (coalition_meeting_get_end (meeting));
  const struct { const char *member; gint64 id; const char *name; } roles[] = {
    { "facilitator", coalition_meeting_get_facilitator_id (meeting), coalition_meeting_get_facilitator_name (meeting) },
    { "note_taker", coalition_meeting_get_note_taker_id (meeting), coalition_meeting_get_note_taker_name (meeting) },
    { "timekeeper", coalition_meeting_get_timekeeper_id (meeting), coalition_meeting_get_timekeeper_name (meeting) },
  };

  json_builder_begin_object (builder);
  set_int (builder, "id", id);
  set_string_or_null (builder, "uid", coalition_meeting_get_uid (meeting));
  set_string_or_null (builder, "title", coalition_meeting_get_title (meeting));
  set_string_or_null (builder, "start", start);
  set_string_or_null (builder, "end", end);
  set_string_or_null (builder, "zone", coalition_meeting_get_zone (meeting));
  set_string_or_null (builder, "status", coalition_meeting_status_to_string (coalition_meeting_get_status (meeting)));
  set_string_or_null (builder, "location", coalition_meeting_get_location (meeting));
  set_string_or_null (builder, "url", *coalition_meeting_get_url (meeting) ? coalition_meeting_get_url (meeting) : NULL);
  set_string_or_null (builder, "group", *coalition_meeting_get_group_name (meeting) ? coalition_meeting_get_group_name (meeting) : NULL);
  set_int (builder, "sequence", coalition_meeting_get_sequence (meeting));
  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      json_builder_set_member_name (builder, roles[r].member);
      if (roles[r].id > 0)
        {
          json_builder_begin_object (builder);
          set_int (builder, "person_id", roles[r].id);
          set_string_or_null (builder, "name", roles[r].name);
          json_builder_end_object (builder);
        }
      else
        json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "agenda");
  json_builder_begin_array (builder);
  for (guint i = 0; agenda != NULL && i < agenda->len; i++)
    {
      CoalitionAgendaItem *item = agenda->pdata[i];
      g_autofree char *item_start = iso_with_offset (times->pdata[i]);

      json_builder_begin_object (builder);
      set_string_or_null (builder, "title", coalition_agenda_item_get_title (item));
      set_string_or_null (builder, "presenter", *coalition_agenda_item_get_presenter (item)
                                                ? coalition_agenda_item_get_presenter (item) : NULL);
      set_int (builder, "minutes", coalition_agenda_item_get_minutes (item));
      set_string_or_null (builder, "start", item_start);
      set_string_or_null (builder, "kind", coalition_item_kind_to_string (coalition_agenda_item_get_kind (item)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "attendees");
  json_builder_begin_array (builder);
  for (guint i = 0; attendance != NULL && i < attendance->len; i++)
    {
      const CoalitionAttendee *attendee = attendance->pdata[i];

      json_builder_begin_object (builder);
      set_int (builder, "person_id", attendee->person_id);
      set_string_or_null (builder, "name", attendee->name);
      set_string_or_null (builder, "organization", attendee->organization_name);
      set_string_or_null (builder, "status", coalition_attendance_to_string (attendee->status));
      json_builder_set_member_name (builder, "walk_in");
      json_builder_add_boolean_value (builder, attendee->walk_in);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; decisions != NULL && i < decisions->len; i++)
    {
      const CoalitionDecision *decision = decisions->pdata[i];

      json_builder_begin_object (builder);
      set_string_or_null (builder, "text", decision->text);
      set_string_or_null (builder, "method", coalition_decision_method_to_string (decision->method));
      if (decision->method == COALITION_DECISION_METHOD_VOTE)
        {
          set_int (builder, "for", decision->votes_for);
          set_int (builder, "against", decision->votes_against);
          set_int (builder, "abstain", decision->votes_abstain);
        }
      else
        {
          set_string_or_null (builder, "blocks", decision->blocks);
          set_string_or_null (builder, "stand_asides", decision->stand_asides);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "action_items");
  json_builder_begin_array (builder);
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    add_action (builder, actions->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
list_meetings (CoalitionStore *store,
               gboolean        json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = coalition_store_list_meetings (store, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  if (meetings == NULL)
    return fail ("%s", error->message);

  if (!json)
    g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Date"), _("Meeting"), _("Group"), _("Status"), NULL }));

  for (guint i = 0; i < meetings->len; i++)
    {
      CoalitionMeeting *meeting = meetings->pdata[i];

      if (json)
        write_json_element (meeting_to_json (store, meeting), i == 0);
      else
        {
          char *row[] = {
            g_date_time_format (coalition_meeting_get_start (meeting), "%Y-%m-%d %H:%M %Z"),
            g_strdup (coalition_meeting_get_title (meeting)),
            g_strdup (*coalition_meeting_get_group_name (meeting) ? coalition_meeting_get_group_name (meeting) : "—"),
            g_strdup (coalition_meeting_status_get_label (coalition_meeting_get_status (meeting))),
            NULL,
          };

          g_ptr_array_add (rows, g_memdup2 (row, sizeof row));
        }
    }

  if (json)
    end_json_array (meetings->len == 0);
  else
    print_table (rows, 4);

  return EXIT_SUCCESS;
}

static int
list_actions (CoalitionStore *store,
              gboolean        json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = coalition_store_list_actions (store, FALSE, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  if (actions == NULL)
    return fail ("%s", error->message);

  if (!json)
    g_ptr_array_add (rows, g_strdupv ((char *[]) { _("Action"), _("Owner"), _("Due"), _("Status"), NULL }));

  for (guint i = 0; i < actions->len; i++)
    {
      CoalitionActionItem *action = actions->pdata[i];

      if (json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();

          add_action (builder, action);
          write_json_element (json_builder_get_root (builder), i == 0);
        }
      else
        {
          char *row[] = {
            g_strdup (coalition_action_item_get_title (action)),
            g_strdup (*coalition_action_item_get_owner_name (action) ? coalition_action_item_get_owner_name (action) : "—"),
            g_strdup (*coalition_action_item_get_due (action) ? coalition_action_item_get_due (action) : "—"),
            g_strdup (coalition_action_status_get_label (coalition_action_item_get_status (action))),
            NULL,
          };

          g_ptr_array_add (rows, g_memdup2 (row, sizeof row));
        }
    }

  if (json)
    end_json_array (actions->len == 0);
  else
    print_table (rows, 4);

  return EXIT_SUCCESS;
}

static const char *
map_role_to_string (CoalitionMapRole role)
{
  switch (role)
    {
    case COALITION_MAP_ROLE_MEMBER: return "member";
    case COALITION_MAP_ROLE_ALLY: return "ally";
    case COALITION_MAP_ROLE_TARGET: return "target";
    case COALITION_MAP_ROLE_OTHER:
    default: return "other";
    }
}

static JsonNode *
map_to_json (const CoalitionPowerMap *map,
             GPtrArray               *nodes,
             GPtrArray               *edges)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  set_int (builder, "id", map->id);
  set_string_or_null (builder, "title", map->title);
  set_string_or_null (builder, "decision", *map->decision ? map->decision : NULL);
  set_string_or_null (builder, "updated_at", map->updated_at);

  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < nodes->len; i++)
    {
      const CoalitionMapNode *node = nodes->pdata[i];

      json_builder_begin_object (builder);
      set_int (builder, "id", node->id);
      /* A person or an organization of the directory; the other is null. */
      set_id_or_null (builder, "person_id", node->person_id);
      set_id_or_null (builder, "organization_id", node->organization_id);
      set_string_or_null (builder, "name", node->name);
      set_string_or_null (builder, "detail", *node->detail ? node->detail : NULL);
      set_string_or_null (builder, "role", map_role_to_string (node->role));
      set_int (builder, "stance", node->stance);
      set_int (builder, "influence", node->influence);
      set_string_or_null (builder, "changed_on", *node->changed_on ? node->changed_on : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "edges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < edges->len; i++)
    {
      const CoalitionMapEdge *edge = edges->pdata[i];

      json_builder_begin_object (builder);
      set_int (builder, "id", edge->id);
      set_int (builder, "from", edge->from_node);
      set_int (builder, "to", edge->to_node);
      set_string_or_null (builder, "kind", coalition_relationship_kind_to_string (edge->kind));
      set_int (builder, "strength", edge->strength);
      json_builder_set_member_name (builder, "directed");
      json_builder_add_boolean_value (builder, edge->directed);
      set_string_or_null (builder, "note", *edge->note ? edge->note : NULL);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
list_maps (CoalitionStore *store,
           gboolean        json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) maps = coalition_store_list_maps (store, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  if (maps == NULL)
    return fail ("%s", error->message);

  if (!json)
    g_ptr_array_add (rows, g_strdupv ((char *[]) { _("ID"), _("Power map"), _("Nodes"), _("Relationships"), NULL }));

  for (guint i = 0; i < maps->len; i++)
    {
      const CoalitionPowerMap *map = maps->pdata[i];

      if (json)
        {
          g_autoptr(GPtrArray) nodes = coalition_store_list_map_nodes (store, map->id, NULL, &error);
          g_autoptr(GPtrArray) edges = nodes ? coalition_store_list_map_edges (store, map->id, &error) : NULL;

          if (edges == NULL)
            return fail ("%s", error->message);
          write_json_element (map_to_json (map, nodes, edges), i == 0);
        }
      else
        {
          char *row[] = {
            g_strdup_printf ("%" G_GINT64_FORMAT, map->id),
            g_strdup (map->title),
            g_strdup_printf ("%u", map->n_nodes),
            g_strdup_printf ("%u", map->n_edges),
            NULL,
          };

          g_ptr_array_add (rows, g_memdup2 (row, sizeof row));
        }
    }

  if (json)
    end_json_array (maps->len == 0);
  else
    print_table (rows, 4);

  return EXIT_SUCCESS;
}

static const char *
goal_term_to_string (CoalitionGoalTerm term)
{
  return term == COALITION_GOAL_LONG_TERM ? "long-term" : "short-term";
}

static const char *
letter_status_to_string (CoalitionLetterStatus status)
{
  switch (status)
    {
    case COALITION_LETTER_COLLECTING: return "collecting";
    case COALITION_LETTER_SENT: return "sent";
    case COALITION_LETTER_DRAFTING:
    default: return "drafting";
    }
}

static void
set_text_or_null (JsonBuilder *builder,
                  const char  *member,
                  const char  *value)
{
  set_string_or_null (builder, member, value != NULL && *value != '\0' ? value : NULL);
}

/* A campaign whole: its objectives, maps, goals with their benchmarks (the
 * status people set and the one the calendar gives), wins with their
 * credit, and letters with their signatories. */
static JsonNode *
campaign_to_json (CoalitionStore     *store,
                  CoalitionCampaign  *campaign,
                  const char         *today,
                  GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) goals = coalition_store_list_goals (store, campaign->id, error);
  g_autoptr(GPtrArray) wins = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_auto(GStrv) objectives = g_strsplit (campaign->objectives ? campaign->objectives : "", "\n", -1);

  if (goals == NULL || (wins = coalition_store_list_wins (store, campaign->id, NULL, NULL, error)) == NULL ||
      (letters = coalition_store_list_letters (store, campaign->id, error)) == NULL)
    return NULL;

  json_builder_begin_object (builder);
  set_int (builder, "id", campaign->id);
  set_string_or_null (builder, "name", campaign->name);
  json_builder_set_member_name (builder, "objectives");
  json_builder_begin_array (builder);
  for (guint i = 0; objectives[i] != NULL; i++)
    if (*g_strstrip (objectives[i]) != '\0')
      json_builder_add_string_value (builder, objectives[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "map_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; campaign->map_ids != NULL && i < campaign->map_ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (campaign->map_ids, gint64, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "goals");
  json_builder_begin_array (builder);
  for (guint g = 0; g < goals->len; g++)
    {
      CoalitionGoal *goal = goals->pdata[g];
      g_autoptr(GPtrArray) benchmarks = coalition_store_list_benchmarks (store, goal->id, error);

      if (benchmarks == NULL)
        return NULL;
      json_builder_begin_object (builder);
      set_int (builder, "id", goal->id);
      set_string_or_null (builder, "title", goal->title);
      set_string_or_null (builder, "term", goal_term_to_string (goal->term));
      json_builder_set_member_name (builder, "benchmarks");
      json_builder_begin_array (builder);
      for (guint b = 0; b < benchmarks->len; b++)
        {
          CoalitionBenchmark *benchmark = benchmarks->pdata[b];
          CoalitionBenchmarkStatus effective = coalition_benchmark_get_effective_status (benchmark, today);

          json_builder_begin_object (builder);
          set_int (builder, "id", benchmark->id);
          set_string_or_null (builder, "title", benchmark->title);
          set_text_or_null (builder, "due", benchmark->due);
          set_string_or_null (builder, "status", coalition_benchmark_status_to_string (benchmark->status));
          set_string_or_null (builder, "effective_status", coalition_benchmark_status_to_string (effective));
          set_text_or_null (builder, "owner", benchmark->owner_name);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "wins");
  json_builder_begin_array (builder);
  for (guint w = 0; w < wins->len; w++)
    {
      CoalitionWin *win = wins->pdata[w];

      json_builder_begin_object (builder);
      set_int (builder, "id", win->id);
      set_string_or_null (builder, "date", win->date);
      set_string_or_null (builder, "title", win->title);
      set_text_or_null (builder, "description", win->description);
      set_text_or_null (builder, "goal", win->goal_title);
      json_builder_set_member_name (builder, "contributors");
      json_builder_begin_array (builder);
      for (guint c = 0; win->contributors != NULL && c < win->contributors->len; c++)
        json_builder_add_string_value (builder, win->contributors->pdata[c]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "letters");
  json_builder_begin_array (builder);
  for (guint l = 0; l < letters->len; l++)
    {
      CoalitionLetter *letter = letters->pdata[l];
      g_autoptr(GPtrArray) signatories = coalition_store_list_signatories (store, letter->id, error);

      if (signatories == NULL)
        return NULL;
      json_builder_begin_object (builder);
      set_int (builder, "id", letter->id);
      set_string_or_null (builder, "title", letter->title);
      set_string_or_null (builder, "status", letter_status_to_string (letter->status));
      set_text_or_null (builder, "deadline", letter->deadline);
      set_text_or_null (builder, "sent_on", letter->sent_on);
      set_text_or_null (builder, "addressee", letter->addressee_name);
      json_builder_set_member_name (builder, "signatories");
      json_builder_begin_array (builder);
      for (guint s = 0; s < signatories->len; s++)
        {
          CoalitionSignatory *signatory = signatories->pdata[s];

          json_builder_begin_object (builder);
          set_string_or_null (builder, "name", signatory->name);
          set_string_or_null (builder, "kind", signatory->organization_id > 0 ? "organization" : "person");
          set_text_or_null (builder, "signed_by", signatory->signed_by);
          set_string_or_null (builder, "signed_on", signatory->signed_on);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
list_campaigns (CoalitionStore *store,
                gboolean        json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) campaigns = coalition_store_list_campaigns (store, &error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (campaigns == NULL)
    return fail ("%s", error->message);

  if (!json)
    g_ptr_array_add (rows, g_strdupv ((char *[]) { _("ID"), _("Campaign"), _("Benchmarks met"), _("Due soon"),
                                                   _("Overdue"), _("Wins"), NULL }));

  for (guint i = 0; i < campaigns->len; i++)
    {
      CoalitionCampaign *campaign = campaigns->pdata[i];

      if (json)
        {
          JsonNode *node = campaign_to_json (store, campaign, today, &error);

          if (node == NULL)
            return fail ("%s", error->message);
          write_json_element (node, i == 0);
        }
      else
        {
          char *row[] = {
            g_strdup_printf ("%" G_GINT64_FORMAT, campaign->id),
            g_strdup (campaign->name),
            g_strdup_printf ("%u/%u", campaign->n_met, campaign->n_benchmarks),
            g_strdup_printf ("%u", campaign->n_due_soon),
            g_strdup_printf ("%u", campaign->n_overdue),
            g_strdup_printf ("%u", campaign->n_wins),
            NULL,
          };

          g_ptr_array_add (rows, g_memdup2 (row, sizeof row));
        }
    }

  if (json)
    end_json_array (campaigns->len == 0);
  else
    print_table (rows, 6);

  return EXIT_SUCCESS;
}

static int
run_list (CoalitionStore  *store,
          int              argc,
          char           **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of objects"), NULL },
    { NULL }
  };
  int status = EXIT_SUCCESS;

  if (!parse_options ("list", "people|organizations|meetings|actions|maps|campaigns",
                      _("List the people or the organizations in the directory, the meetings, the action items, "
                        "the power maps, or the campaigns with their goals, benchmarks, wins and sign-on letters."),
                      entries, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return fail (_("“list” needs what to list: people, organizations, meetings, actions, maps or campaigns"));
  if (argc > 2)
    return fail (_("“list” takes one kind, not “%s” too"), argv[2]);

  if (g_str_equal (argv[1], "people"))
    return list_people (store, json);
  if (g_str_equal (argv[1], "organizations"))
    return list_organizations (store, json);
  if (g_str_equal (argv[1], "meetings"))
    return list_meetings (store, json);
  if (g_str_equal (argv[1], "actions"))
    return list_actions (store, json);
  if (g_str_equal (argv[1], "maps"))
    return list_maps (store, json);
  if (g_str_equal (argv[1], "campaigns"))
    return list_campaigns (store, json);

  return fail (_("cannot list “%s”: choose people, organizations, meetings, actions, maps or campaigns"), argv[1]);
}

/* ---------------------------------------------------------------------- */
/* import-members */

static void
print_summary (const char                   *path,
               const CoalitionImportSummary *summary)
{
  g_autofree char *name = g_filename_display_basename (path);

  printf (_("%s (%s, %s): %u rows\n"), name, summary->layout, summary->encoding, summary->rows);
  printf (_("  people: %u added, %u merged, %u unchanged\n"),
          summary->people_added, summary->people_merged, summary->people_unchanged);
  printf (_("  organizations: %u added, %u already in the directory\n"),
          summary->organizations_added, summary->organizations_matched);
  if (summary->skipped->len > 0)
    printf (g_dngettext (GETTEXT_PACKAGE, "  %u row or value left out:\n", "  %u rows or values left out:\n",
                         summary->skipped->len),
            summary->skipped->len);
  for (guint i = 0; i < summary->skipped->len; i++)
    {
      const CoalitionImportSkip *skip = g_ptr_array_index (summary->skipped, i);
      printf (_("    line %u: %s\n"), skip->line, skip->reason);
    }
  if (summary->dry_run)
    printf (_("  dry run: nothing was written\n"));
}

static int
run_import_members (CoalitionStore  *store,
                    int              argc,
                    char           **argv)
{
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would be imported, and write nothing"), NULL },
    { NULL }
  };
  int status = EXIT_SUCCESS;

  if (!parse_options ("import-members", "FILE…",
                      _("Import people and organizations from CSV files: Google Contacts, Outlook, "
                        "CiviCRM, Mailchimp, or any sheet whose first row names its columns. Each file "
                        "is imported whole or not at all; people already in the directory are merged."),
                      entries, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return fail (_("“import-members” needs at least one file to import"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CoalitionImportSummary) summary = coalition_import_file (store, argv[i], dry_run, NULL, &error);
      g_autofree char *name = g_filename_display_name (argv[i]);

      if (summary == NULL)
        {
          /* Files before this one are imported; this one and the rest are not. */
          return fail (_("%s: %s Nothing from it was imported."), name, error->message);
        }
      print_summary (argv[i], summary);
    }

  return EXIT_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* export-members */

static int
run_export_members (CoalitionStore  *store,
                    int              argc,
                    char           **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *vcard_version = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv or vcf"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "vcard-version", 0, 0, G_OPTION_ARG_STRING, &vcard_version, N_("3.0 or 4.0 (default 4.0)"), "VERSION" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  CoalitionExportFormat export_format;
  int status = EXIT_SUCCESS;
  guint n_records = 0;

  if (!parse_options ("export-members", "--format csv|vcf -o FILE",
                      _("Write every person and organization to a CSV file or a vCard file."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fail (_("“export-members” takes no argument “%s”"), argv[1]);
  if (format == NULL || output == NULL)
    return fail (_("“export-members” needs --format csv|vcf and -o FILE"));

  if (g_str_equal (format, "csv"))
    export_format = COALITION_EXPORT_CSV;
  else if (g_str_equal (format, "vcf") || g_str_equal (format, "vcard"))
    {
      if (vcard_version == NULL || g_str_equal (vcard_version, "4.0") || g_str_equal (vcard_version, "4"))
        export_format = COALITION_EXPORT_VCARD_4;
      else if (g_str_equal (vcard_version, "3.0") || g_str_equal (vcard_version, "3"))
        export_format = COALITION_EXPORT_VCARD_3;
      else
        return fail (_("--vcard-version must be 3.0 or 4.0, not “%s”"), vcard_version);
    }
  else
    return fail (_("--format must be csv or vcf, not “%s”"), format);

  if (!coalition_export_members (store, export_format, output, &n_records, &error))
    return fail ("%s", error->message);

  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u record to %s\n", "Wrote %u records to %s\n", n_records),
          n_records, output);
  return EXIT_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* check */

static int
run_check (CoalitionStore  *store,
           int              argc,
           char           **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  int status = EXIT_SUCCESS;

  if (!parse_options ("check", NULL,
                      _("Check the database’s integrity and links; exit status 1 when it is damaged."),
                      NULL, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fail (_("“check” takes no argument “%s”"), argv[1]);

  if (!coalition_store_check (store, &problems, &error))
    return fail ("%s", error->message);

  if (problems[0] == NULL)
    {
      printf (_("No problems found in %s.\n"), coalition_store_get_path (store));
      return EXIT_SUCCESS;
    }

  for (guint i = 0; problems[i]; i++)
    fprintf (stderr, "coalition-cli: %s\n", problems[i]);
  fprintf (stderr, "coalition-cli: %s\n",
           _("The database is damaged; restore it from a backup (files ending in .bak beside it are "
             "copies made before updates)."));

  return EXIT_FAILURE;
}

static int
run_export_ics (CoalitionStore  *store,
                int              argc,
                char           **argv)
{
  gint64 meeting = 0;
  gboolean upcoming = FALSE, all = FALSE;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting, N_("One meeting (its whole series, when it is in one)"), "ID" },
    { "upcoming", 0, 0, G_OPTION_ARG_NONE, &upcoming, N_("Every meeting that has not ended"), NULL },
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every meeting"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The .ics file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  CoalitionIcsScope scope;
  int status = EXIT_SUCCESS;
  guint n_events = 0;

  if (!parse_options ("export-ics", "(--meeting ID | --upcoming | --all) -o FILE.ics",
                      _("Write meetings as an iCalendar file for Thunderbird, GNOME Calendar, Outlook or Google Calendar."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fail (_("“export-ics” takes no argument “%s”"), argv[1]);
  if ((meeting > 0) + upcoming + all != 1)
    return fail (_("“export-ics” needs one of --meeting ID, --upcoming or --all"));
  if (output == NULL)
    return fail (_("“export-ics” needs -o FILE.ics"));

  scope = meeting > 0 ? COALITION_ICS_MEETING : upcoming ? COALITION_ICS_UPCOMING : COALITION_ICS_ALL;
  if (!coalition_ics_write_file (store, scope, meeting, output, &n_events, &error))
    return fail ("%s", error->message);

  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u event to %s\n", "Wrote %u events to %s\n", n_events), n_events, output);
  return EXIT_SUCCESS;
}

/* ---------------------------------------------------------------------- */
/* export-signatories, export-update */

static int
run_export_signatories (CoalitionStore  *store,
                        int              argc,
                        char           **argv)
{
  gint64 letter_id = 0;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "letter", 0, 0, G_OPTION_ARG_INT64, &letter_id, N_("The sign-on letter"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The .csv file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionLetter) letter = NULL;
  int status = EXIT_SUCCESS;

  if (!parse_options ("export-signatories", "--letter ID -o FILE.csv",
                      _("Write who signed a sign-on letter as CSV: organizations with who signed for each, then "
                        "people, with the day each signed."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fail (_("“export-signatories” takes no argument “%s”"), argv[1]);
  if (letter_id <= 0 || output == NULL)
    return fail (_("“export-signatories” needs --letter ID and -o FILE.csv"));

  letter = coalition_store_get_letter (store, letter_id, &error);
  if (letter == NULL && g_error_matches (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND))
    return fail (_("there is no sign-on letter %lld (see “coalition-cli list campaigns --json”)"),
                 (long long)letter_id);
  if (letter == NULL || !coalition_export_signatories_csv (store, letter_id, output, &error))
    return fail ("%s", error->message);

  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u signatory of “%s” to %s\n", "Wrote %u signatories of “%s” to %s\n",
                       letter->n_signatories),
          letter->n_signatories, letter->title, output);
  return EXIT_SUCCESS;
}

/* "2026-12" as a year and a month. */
static gboolean
parse_month (const char *text,
             int        *year,
             int        *month)
{
  guint64 y, m;
  g_auto(GStrv) parts = NULL;

  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}$", text, 0, 0))
    return FALSE;
  parts = g_strsplit (text, "-", 2);
  if (!g_ascii_string_to_unsigned (parts[0], 10, 1900, 9999, &y, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL))
    return FALSE;
  *year = (int)y;
  *month = (int)m;
  return TRUE;
}

static int
run_export_update (CoalitionStore  *store,
                   int              argc,
                   char           **argv)
{
  g_autofree char *month_arg = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_arg, N_("The month of the update"), "YYYY-MM" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("html (an e-mail body) or pdf"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("For pdf: a4 or letter (default: the locale's)"), "PAPER" },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionUpdate) update = NULL;
  int status = EXIT_SUCCESS;
  int year, month;
  double width, height;

  if (!parse_options ("export-update", "--month YYYY-MM --format html|pdf -o FILE",
                      _("Write the monthly update: the meetings to come, the decisions taken, wins, new members, "
                        "sign-on letters open for signatures and action items due. As HTML it is an e-mail body "
                        "that carries everything in itself, with a calendar file for each meeting; as PDF, the same "
                        "on paper."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return fail (_("“export-update” takes no argument “%s”"), argv[1]);
  if (month_arg == NULL || format == NULL || output == NULL)
    return fail (_("“export-update” needs --month YYYY-MM, --format html|pdf and -o FILE"));
  if (!parse_month (month_arg, &year, &month))
    return fail (_("--month must be a month written YYYY-MM, such as 2026-12, not “%s”"), month_arg);
  if (!g_str_equal (format, "html") && !g_str_equal (format, "pdf"))
    return fail (_("--format must be html or pdf, not “%s”"), format);

  coalition_document_locale_paper (&width, &height);
  if (paper != NULL && !g_str_equal (format, "pdf"))
    return fail (_("--paper is for --format pdf"));
  if (paper != NULL && g_ascii_strcasecmp (paper, "a4") == 0)
    width = 595, height = 842;
  else if (paper != NULL && g_ascii_strcasecmp (paper, "letter") == 0)
    width = 612, height = 792;
  else if (paper != NULL)
    return fail (_("--paper must be a4 or letter, not “%s”"), paper);

  update = coalition_update_gather (store, year, month, &error);
  if (update == NULL)
    return fail ("%s", error->message);

  if (g_str_equal (format, "html"))
    {
      if (!coalition_update_write_html (update, store, output, &error))
        return fail ("%s", error->message);
      printf (_("Wrote the update for %s to %s\n"), update->month_label, output);
    }
  else
    {
      g_autoptr(CoalitionDocument) document = coalition_document_new_update (store, year, month, width, height, &error);

      if (document == NULL || !coalition_document_write_pdf (document, output, &error))
        return fail ("%s", error->message);
      printf (g_dngettext (GETTEXT_PACKAGE, "Wrote the update for %s, %u page, to %s\n",
                           "Wrote the update for %s, %u pages, to %s\n", coalition_document_get_n_pages (document)),
              update->month_label, coalition_document_get_n_pages (document), output);
    }
  return EXIT_SUCCESS;
}

/* A power map on one page, as it stands or as it stood on @as_of: a PDF
 * on @paper_width × @paper_height turned to landscape, a PNG @pixels wide
 * (0 for the scene's default), or an SVG of the map's own size. */
static int
print_map (CoalitionStore *store,
           gint64          map_id,
           const char     *as_of,
           const char     *output,
           double          paper_width,
           double          paper_height,
           guint           pixels)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionPowerMap) map = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  g_autoptr(CoalitionMapScene) scene = NULL;
  g_autofree char *name = g_filename_display_name (output);
  g_autofree char *title = NULL;
  g_autofree char *lower = g_ascii_strdown (output, -1);
  double width = 0, height = 0;

  if (g_str_has_suffix (lower, ".pdf"))
    width = MAX (paper_width, paper_height), height = MIN (paper_width, paper_height);
  else if (g_str_has_suffix (lower, ".png"))
    width = pixels;
  else if (!g_str_has_suffix (lower, ".svg"))
    return fail (_("cannot tell what to write from “%s”: the file name must end in .pdf, .png or .svg"), name);

  map = coalition_store_get_map (store, map_id, &error);
  if (map == NULL && g_error_matches (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND))
    return fail (_("there is no power map %lld (see “coalition-cli list maps”)"), (long long)map_id);
  if (map == NULL)
    return fail ("%s", error->message);
  nodes = coalition_store_list_map_nodes (store, map_id, as_of, &error);
  if (nodes == NULL)
    return fail ("%s", error->message);
  edges = coalition_store_list_map_edges (store, map_id, &error);
  if (edges == NULL)
    return fail ("%s", error->message);

  /* A map as it stood on a date says so in its title. */
  title = as_of ? g_strdup_printf (_("%s, as of %s"), map->title, as_of) : g_strdup (map->title);
  scene = coalition_map_scene_new (nodes, edges);
  if (!coalition_map_scene_write (scene, title, map->decision, output, width, height, &error))
    return fail ("%s", error->message);

  if (nodes->len == 0)
    fprintf (stderr, "%s\n", as_of ? _("Nobody was on this map yet on that date: the grid is empty.")
                                   : _("Nobody is on this map yet: the grid is empty."));
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote the map “%s” with %u node to %s\n",
                       "Wrote the map “%s” with %u nodes to %s\n", coalition_map_scene_get_n_nodes (scene)),
          map->title, coalition_map_scene_get_n_nodes (scene), output);
  return EXIT_SUCCESS;
}

static int
run_print (CoalitionStore  *store,
           int              argc,
           char           **argv)
{
  gint64 meeting = 0;
  gint64 map = 0;
  gint64 letter = 0;
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *width_arg = NULL;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_INT64, &meeting, N_("The meeting"), "ID" },
    { "map", 0, 0, G_OPTION_ARG_INT64, &map, N_("The power map"), "ID" },
    { "letter", 0, 0, G_OPTION_ARG_INT64, &letter, N_("The sign-on letter"), "ID" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .pdf, or for a map also .png or .svg"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper, N_("a4 or letter (default: the locale's)"), "PAPER" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of, N_("A map as it stood at the end of that day"), "YYYY-MM-DD" },
    { "width", 0, 0, G_OPTION_ARG_STRING, &width_arg, N_("A map's PNG width in pixels (default 1600)"), "PIXELS" },
    { NULL }
  };
  g_autoptr(CoalitionDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CoalitionDocumentKind kind = COALITION_DOCUMENT_AGENDA;
  gboolean is_map, is_letter;
  guint64 pixels = 0;
  double width, height;
  int status = EXIT_SUCCESS;

  if (!parse_options ("print", "agenda|sign-in|minutes --meeting ID -o FILE.pdf | map --map ID -o FILE.pdf|.png|.svg "
                      "| letter --letter ID -o FILE.pdf",
                      _("Write a meeting's agenda, sign-in sheet or minutes as PDF, the same pages the window prints; "
                        "a power map as PDF, PNG or SVG, as it stands or as it stood on a date; or a sign-on letter "
                        "with its signatories as PDF."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return fail (_("“print” needs what to print: agenda, sign-in, minutes, map or letter"));
  is_map = g_str_equal (argv[1], "map");
  is_letter = g_str_equal (argv[1], "letter");
  if (g_str_equal (argv[1], "agenda"))
    kind = COALITION_DOCUMENT_AGENDA;
  else if (g_str_equal (argv[1], "sign-in"))
    kind = COALITION_DOCUMENT_SIGN_IN;
  else if (g_str_equal (argv[1], "minutes"))
    kind = COALITION_DOCUMENT_MINUTES;
  else if (!is_map && !is_letter)
    return fail (_("cannot print “%s”: choose agenda, sign-in, minutes, map or letter"), argv[1]);
  if (is_map && (map <= 0 || output == NULL || meeting != 0 || letter != 0))
    return fail (_("“print map” needs --map ID and -o FILE.pdf, .png or .svg"));
  if (is_letter && (letter <= 0 || output == NULL || meeting != 0 || map != 0 || as_of != NULL || width_arg != NULL))
    return fail (_("“print letter” needs --letter ID and -o FILE.pdf"));
  if (!is_map && !is_letter &&
      (meeting <= 0 || output == NULL || map != 0 || letter != 0 || as_of != NULL || width_arg != NULL))
    return fail (_("“print” needs --meeting ID and -o FILE.pdf"));
  if (width_arg != NULL && !g_ascii_string_to_unsigned (width_arg, 10, 16, 20000, &pixels, NULL))
    return fail (_("--width must be a whole number of pixels from 16 to 20000, not “%s”"), width_arg);

  coalition_document_locale_paper (&width, &height);
  if (paper != NULL && g_ascii_strcasecmp (paper, "a4") == 0)
    width = 595, height = 842;
  else if (paper != NULL && g_ascii_strcasecmp (paper, "letter") == 0)
    width = 612, height = 792;
  else if (paper != NULL)
    return fail (_("--paper must be a4 or letter, not “%s”"), paper);

  if (is_map)
    return print_map (store, map, as_of, output, width, height, pixels);

  if (is_letter)
    {
      document = coalition_document_new_letter (store, letter, width, height, &error);
      if (document == NULL && g_error_matches (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND))
        return fail (_("there is no sign-on letter %lld (see “coalition-cli list campaigns --json”)"),
                     (long long)letter);
    }
  else
    document = coalition_document_new (store, kind, meeting, width, height, &error);
  if (document == NULL || !coalition_document_write_pdf (document, output, &error))
    return fail ("%s", error->message);

  if (kind == COALITION_DOCUMENT_SIGN_IN && coalition_document_get_n_names (document) == 0)
    fprintf (stderr, "%s\n", _("Nobody is invited to this meeting yet: the sheet has only blank rows."));
  printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %u page to %s\n", "Wrote %u pages to %s\n",
                       coalition_document_get_n_pages (document)),
          coalition_document_get_n_pages (document), output);
  return EXIT_SUCCESS;
}

/* ---------------------------------------------------------------------- */

static const Command commands[] = {
  { "demo", TRUE, "[--people N] [--seed N]", N_("fill an empty database with a realistic example coalition"), run_demo },
  { "list", FALSE, "people|organizations|meetings|actions|maps|campaigns [--json]", N_("list people, organizations, meetings, action items, power maps or campaigns, as a table or JSON"), run_list },
  { "import-members", TRUE, "FILE… [--dry-run]", N_("import people and organizations from CSV files"), run_import_members },
  { "export-members", FALSE, "--format csv|vcf -o FILE", N_("write the directory as CSV or vCard"), run_export_members },
  { "export-ics", FALSE, "(--meeting ID|--upcoming|--all) -o FILE", N_("write meetings as iCalendar"), run_export_ics },
  { "print", FALSE, "agenda|sign-in|minutes --meeting ID -o FILE", N_("write a meeting's agenda, sign-in sheet or minutes as PDF"), run_print },
  { "print", FALSE, "map --map ID -o FILE [--as-of DATE]", N_("write a power map as PDF, PNG or SVG"), NULL },
  { "print", FALSE, "letter --letter ID -o FILE", N_("write a sign-on letter with its signatories as PDF"), NULL },
  { "export-signatories", FALSE, "--letter ID -o FILE", N_("write a sign-on letter's signatories as CSV"), run_export_signatories },
  { "export-update", FALSE, "--month YYYY-MM --format html|pdf -o FILE", N_("write the monthly update as an e-mail body or PDF"), run_export_update },
  { "check", FALSE, "", N_("integrity and foreign-key check, exit status 1 on damage"), run_check },
};

/* Names people may guess, and where what they want is. */
static const struct
{
  const char *name;
  const char *hint;
} other_names[] = {
  { "power-map", N_("power maps are listed with “coalition-cli list maps” and written with “coalition-cli print map”") },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  /* Each command with its parameters, and what it does under it: the
   * longest forms would leave no room for a column of summaries. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %s%s%s\n      %s", commands[i].name, *commands[i].parameters ? " " : "",
                            commands[i].parameters, _(commands[i].summary));
  g_string_append_printf (text, "\n\n%s",
                          _("Run “coalition-cli COMMAND --help” for a command’s options."));

  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  gboolean show_version = FALSE;
  GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
      N_("The database file (default: the one Coalition opens)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the version"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) store = NULL;
  g_autofree char *description = NULL;
  g_autofree char *path = NULL;
  const Command *command = NULL;

  setlocale (LC_ALL, "");
  coalition_core_init_i18n ();

  context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_option_context_set_summary (context, _("The coalition’s members and records, from a terminal or a script."));
  description = describe_commands ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (_("%s (see “coalition-cli --help”)"), error->message);

  if (show_version)
    {
      printf ("coalition-cli %s\n", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (argc < 2)
    return fail (_("a command is needed: demo, list, import-members or check (see “coalition-cli --help”)"));

  if (g_str_equal (argv[1], "help"))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      fputs (help, stdout);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (command == NULL && g_str_equal (argv[1], commands[i].name))
      command = &commands[i];

  if (command == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (other_names); i++)
        if (g_str_equal (argv[1], other_names[i].name))
          return fail ("%s", _(other_names[i].hint));

      return fail (_("unknown command “%s” (see “coalition-cli --help”)"), argv[1]);
    }

  /* A command's --help needs no database. */
  for (int i = 2; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "-?"))
      return command->run (NULL, argc - 1, argv + 1);

  path = database_path ? g_strdup (database_path) : coalition_store_get_default_path ();
  if (!command->creates && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);
      return fail (_("there is no database “%s”; create one with “coalition-cli --database %s demo” "
                     "or in Coalition"), name, name);
    }

  store = coalition_store_open (path, &error);
  if (store == NULL)
    return fail ("%s", error->message);

  return command->run (store, argc - 1, argv + 1);
}
