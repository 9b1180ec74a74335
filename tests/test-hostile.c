/* test-hostile.c — records written to break the files made from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names, notes, addresses, links and e-mail addresses holding line breaks,
 * delimiters and whole iCalendar or vCard lines are exported, and the files
 * are read back by independent readers (libical, python3-icalendar,
 * python3-vobject, Python's csv and html modules): exactly the components,
 * properties and cards expected, the text intact, no spreadsheet formula,
 * no markup or script. Text that looks like a path never makes a file
 * anywhere but where the user asked; text that looks like SQL is just text.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "coalition-core.h"
#include "coalition-ics.h"

/* Lines that would end the component and start another, were they not
 * escaped. */
#define INJECTED_LINES "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Injected\r\n"

#define GIVEN "Eve" INJECTED_LINES
#define FAMILY "O'Brien; Jr., \"the Boss\": x\\y"
#define TITLE "Lead\nEND:VCARD\nTITLE:Boss"
#define NOTES "Line one\r\nBEGIN:VALARM\r\nTRIGGER:-PT1M\r\nEND:VALARM\nATTENDEE;CN=x:mailto:x@evil.example\n" \
              "'); DROP TABLE person; --"
#define ADDRESS "1 Main St; Apt 2, \\ Town:\nEND:VCARD"
#define EMAIL "eve@example.org\r\nATTENDEE:mailto:bad@evil.example"
#define MEETING_TITLE "Budget\r\nEND:VEVENT\r\nBEGIN:VTODO\r\nSUMMARY:Todo; a, b: c"
#define LOCATION "Hall; 2, \"B\":\nEND:VCALENDAR\nBEGIN:VCALENDAR"
#define URL "https://meet.example/x\r\nATTACH:https://evil.example/payload"
#define GROUP "Board, Inner; Circle\nEND:VEVENT"
#define PRESENTER "Agenda\r\nEND:VEVENT\r\nBEGIN:VJOURNAL"
#define COALITION_EMAIL "office@example.org\nX-INJECTED:1"

static char *
scratch_path (const char *name)
{
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static CoalitionStore *
new_store (const char *name)
{
  g_autofree char *path = scratch_path (name);
  g_autoptr(GError) error = NULL;
  CoalitionStore *store;

  g_unlink (path);
  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

/* @text as an exporter may keep it: vCard and iCalendar have no place for a
 * carriage return, so line breaks come back as line feeds alone. */
static char *
without_cr (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != '\r')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static char *
run_python (const char *script,
            const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  g_autoptr(GError) error = NULL;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 failed: %s", err);
  return out;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

typedef struct
{
  CoalitionStore *store;
  gint64          eve;
  gint64          plain;
  gint64          meeting;
  gint64          bare_meeting;
} Hostile;

/* A directory and two meetings full of hostile text. */
static void
make_hostile (Hostile *hostile)
{
  g_autoptr(CoalitionPerson) eve = coalition_person_new ();
  g_autoptr(CoalitionPerson) plain = coalition_person_new ();
  g_autoptr(CoalitionOrganization) organization = coalition_organization_new ("Union; Local 5, \"East\":\nEND:VCARD");
  g_autoptr(CoalitionGroup) group = coalition_group_new (GROUP, COALITION_GROUP_KIND_COMMITTEE);
  g_autoptr(CoalitionMeeting) meeting = coalition_meeting_new ();
  g_autoptr(CoalitionMeeting) bare = coalition_meeting_new ();
  g_autoptr(CoalitionAgendaItem) item = coalition_agenda_item_new ();
  g_autoptr(GPtrArray) agenda = g_ptr_array_new ();
  g_autoptr(GTimeZone) chicago = g_time_zone_new_identifier ("America/Chicago");
  g_autoptr(GDateTime) start = g_date_time_new (chicago, 2030, 3, 12, 18, 30, 0);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 90);
  g_autoptr(GDateTime) bare_start = g_date_time_add_days (start, 7);
  g_autoptr(GDateTime) bare_end = g_date_time_add_days (end, 7);
  g_autoptr(GError) error = NULL;

  hostile->store = new_store ("hostile.db");
  g_assert_true (coalition_store_set_setting (hostile->store, "coalition-name", "Alliance\r\nX-INJECTED:1", &error));
  g_assert_true (coalition_store_set_setting (hostile->store, "coalition-email", COALITION_EMAIL, &error));
  g_assert_true (coalition_store_insert_organization (hostile->store, organization, &error));
  g_assert_no_error (error);

  coalition_person_set_given_name (eve, GIVEN);
  coalition_person_set_family_name (eve, FAMILY);
  coalition_person_set_organization_id (eve, coalition_organization_get_id (organization));
  coalition_person_set_title (eve, TITLE);
  coalition_person_set_notes (eve, NOTES);
  coalition_person_set_address (eve, ADDRESS);
  coalition_person_set_skills (eve, "=cmd|' /C calc'!A0, +SUM(1;2)");
  coalition_person_set_tags (eve, (const char *[]) { "END:VCARD", "a,b;c", "=1+1", NULL });
  coalition_person_add_email (eve, "work\r\nX-LABEL:1", EMAIL, TRUE);
  coalition_person_add_phone (eve, "mobile", "+1 555 0100\nTEL:666", FALSE);
  g_assert_true (coalition_store_insert_person (hostile->store, eve, &error));
  g_assert_no_error (error);
  hostile->eve = coalition_person_get_id (eve);

  coalition_person_set_given_name (plain, "Ana");
  coalition_person_set_family_name (plain, "Lima");
  coalition_person_add_email (plain, "work", "ana@example.org", TRUE);
  g_assert_true (coalition_store_insert_person (hostile->store, plain, &error));
  g_assert_no_error (error);
  hostile->plain = coalition_person_get_id (plain);

  g_assert_true (coalition_store_insert_group (hostile->store, group, &error));
  g_assert_no_error (error);

  coalition_meeting_set_title (meeting, MEETING_TITLE);
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, end);
  coalition_meeting_set_zone (meeting, "America/Chicago");
  coalition_meeting_set_location (meeting, LOCATION);
  coalition_meeting_set_url (meeting, URL);
  coalition_meeting_set_group_id (meeting, coalition_group_get_id (group));
  coalition_meeting_set_facilitator_id (meeting, hostile->eve);
  g_assert_true (coalition_store_insert_meeting (hostile->store, meeting, &error));
  g_assert_no_error (error);
  hostile->meeting = coalition_meeting_get_id (meeting);
  coalition_agenda_item_set_title (item, "Item; one\nEND:VEVENT");
  coalition_agenda_item_set_presenter (item, PRESENTER);
  g_ptr_array_add (agenda, item);
  g_assert_true (coalition_store_set_agenda (hostile->store, hostile->meeting, agenda, &error));
  g_assert_true (coalition_store_set_attendance (hostile->store, hostile->meeting, hostile->eve,
                                                 COALITION_ATTENDANCE_INVITED, &error));
  g_assert_true (coalition_store_set_attendance (hostile->store, hostile->meeting, hostile->plain,
                                                 COALITION_ATTENDANCE_INVITED, &error));
  g_assert_no_error (error);

  /* Nobody facilitates: the coalition's own address organizes. */
  coalition_meeting_set_title (bare, "Open house");
  coalition_meeting_set_start (bare, bare_start);
  coalition_meeting_set_end (bare, bare_end);
  coalition_meeting_set_zone (bare, "America/Chicago");
  g_assert_true (coalition_store_insert_meeting (hostile->store, bare, &error));
  g_assert_no_error (error);
  hostile->bare_meeting = coalition_meeting_get_id (bare);
}

static void
hostile_clear (Hostile *hostile)
{
  g_clear_object (&hostile->store);
}

/* ---------------------------------------------------------------------- */
/* iCalendar */

/* "NAME NAME …" of a component's properties, in order, and its child
 * components as "{KIND …}". */
static void
describe_component (icalcomponent *component,
                    GString       *out)
{
  g_string_append_printf (out, "{%s", icalcomponent_kind_to_string (icalcomponent_isa (component)));
  for (icalproperty *p = icalcomponent_get_first_property (component, ICAL_ANY_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (component, ICAL_ANY_PROPERTY))
    g_string_append_printf (out, " %s", icalproperty_get_property_name (p));
  for (icalcomponent *c = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    {
      g_string_append_c (out, ' ');
      /* Zone rules are libical's business; only their presence counts. */
      if (icalcomponent_isa (c) == ICAL_VTIMEZONE_COMPONENT)
        g_string_append (out, "{VTIMEZONE}");
      else
        describe_component (c, out);
    }
  g_string_append_c (out, '}');
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *summary_prefix)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_str_has_prefix (icalcomponent_get_summary (c), summary_prefix))
      return c;
  return NULL;
}

static const char ics_reader[] =
  "import sys, json, icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "def describe(c):\n"
  "    return {'name': c.name, 'properties': [k for k, v in c.property_items(recursive=False)][1:-1],\n"
  "            'components': [describe(s) for s in c.subcomponents if s.name != 'VTIMEZONE'],\n"
  "            'errors': [str(e) for e in getattr(c, 'errors', [])]}\n"
  "events = {str(e['UID']): {'summary': str(e['SUMMARY']), 'location': str(e.get('LOCATION', '')),\n"
  "                          'url': str(e.get('URL', '')), 'description': str(e.get('DESCRIPTION', '')),\n"
  "                          'attendees': [str(a) for a in (e.get('ATTENDEE') if isinstance(e.get('ATTENDEE'), list)\n"
  "                                                         else [e.get('ATTENDEE')] if e.get('ATTENDEE') else [])],\n"
  "                          'organizer': str(e.get('ORGANIZER', ''))}\n"
  "          for e in cal.walk('VEVENT')}\n"
  "print(json.dumps({'tree': describe(cal), 'events': events,\n"
  "                  'zones': len(cal.walk('VTIMEZONE'))}))\n";

#define MEETING_PROPERTIES "UID DTSTAMP CREATED LAST-MODIFIED SEQUENCE SUMMARY DTSTART DTEND"
#define ALARMS "{VALARM ACTION TRIGGER DESCRIPTION} {VALARM ACTION TRIGGER DESCRIPTION}"

static void
test_hostile_ics (void)
{
  Hostile hostile = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_path ("hostile.ics");
  g_autofree char *text = NULL;
  g_autofree char *python = NULL;
  g_autoptr(GString) tree = g_string_new (NULL);
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(CoalitionMeeting) meeting = NULL;
  g_autofree char *description_start = NULL;
  icalcomponent *calendar, *event, *bare;
  icalproperty *property;
  JsonObject *events, *first, *tree_object;
  JsonArray *attendees;
  guint n_events = 0;

  make_hostile (&hostile);
  g_assert_true (coalition_ics_write_file (hostile.store, COALITION_ICS_ALL, 0, path, &n_events, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events, ==, 2);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  /* No line of the file is one of the injected ones. */
  {
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_assert_null (strchr (lines[i], '\n'));
        g_assert_null (strchr (lines[i], '\r'));
        g_assert_false (g_str_has_prefix (lines[i], "SUMMARY:Injected"));
        g_assert_false (g_str_has_prefix (lines[i], "ATTACH"));
        g_assert_false (g_str_has_prefix (lines[i], "BEGIN:VTODO"));
        g_assert_false (g_str_has_prefix (lines[i], "BEGIN:VJOURNAL"));
        g_assert_false (g_str_has_prefix (lines[i], "X-INJECTED"));
        g_assert_false (g_str_has_prefix (lines[i], "TRIGGER:-PT1M"));
        g_assert_false (g_str_has_prefix (lines[i], "ATTENDEE:mailto:bad"));
      }
  }

  /* libical: exactly these components and properties, and no parse error. */
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  describe_component (calendar, tree);
  /* Attendees by name (Ana, then Eve), the facilitator organizing. */
  g_assert_cmpstr (tree->str, ==,
                   "{VCALENDAR PRODID VERSION METHOD CALSCALE {VTIMEZONE}"
                   " {VEVENT " MEETING_PROPERTIES " LOCATION URL DESCRIPTION CATEGORIES STATUS TRANSP"
                   " ATTENDEE ORGANIZER ATTENDEE " ALARMS "}"
                   " {VEVENT " MEETING_PROPERTIES " CATEGORIES STATUS TRANSP ORGANIZER " ALARMS "}}");

  /* The text is intact: line breaks kept (as line feeds), delimiters kept. */
  event = find_event (calendar, "Budget");
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Budget\nEND:VEVENT\nBEGIN:VTODO\nSUMMARY:Todo; a, b: c");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Hall; 2, \"B\":\nEND:VCALENDAR\nBEGIN:VCALENDAR");
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Agenda\nEND:VEVENT\nBEGIN:VJOURNAL"));
  property = icalcomponent_get_first_property (event, ICAL_URL_PROPERTY);
  g_assert_cmpstr (icalproperty_get_url (property), ==, "https://meet.example/xATTACH:https://evil.example/payload");
  property = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
  g_assert_cmpstr (icalproperty_get_categories (property), ==, "Board, Inner; Circle\nEND:VEVENT");
  /* The facilitator organizes; her address lost its line break, her name
   * stayed one parameter value. */
  property = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  g_assert_cmpstr (icalproperty_get_organizer (property), ==, "mailto:eve@example.orgATTENDEE:mailto:bad@evil.example");
  g_assert_cmpuint (icalproperty_count_parameters (property), ==, 1);
  g_assert_nonnull (strstr (icalparameter_get_cn (icalproperty_get_first_parameter (property, ICAL_CN_PARAMETER)),
                            "O'Brien; Jr."));
  property = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_attendee (property), ==, "mailto:ana@example.org");
  property = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_attendee (property), ==, "mailto:eve@example.orgATTENDEE:mailto:bad@evil.example");
  g_assert_cmpuint (icalproperty_count_parameters (property), ==, 3);   /* CN, ROLE, PARTSTAT */
  bare = find_event (calendar, "Open house");
  property = icalcomponent_get_first_property (bare, ICAL_ORGANIZER_PROPERTY);
  g_assert_cmpstr (icalproperty_get_organizer (property), ==, "mailto:office@example.orgX-INJECTED:1");
  icalcomponent_free (calendar);

  /* python3-icalendar reads the same tree and the same text. */
  python = run_python (ics_reader, path);
  read = parse_json (python);
  tree_object = json_object_get_object_member (json_node_get_object (read), "tree");
  g_assert_cmpstr (json_object_get_string_member (tree_object, "name"), ==, "VCALENDAR");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (tree_object, "components")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (read), "zones"), ==, 1);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *component = json_array_get_object_element (json_object_get_array_member (tree_object, "components"), i);
      JsonArray *children = json_object_get_array_member (component, "components");

      g_assert_cmpstr (json_object_get_string_member (component, "name"), ==, "VEVENT");
      g_assert_cmpuint (json_array_get_length (children), ==, 2);
      for (guint k = 0; k < 2; k++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (children, k), "name"), ==, "VALARM");
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (component, "errors")), ==, 0);
    }
  events = json_object_get_object_member (json_node_get_object (read), "events");
  meeting = coalition_store_get_meeting (hostile.store, hostile.meeting, &error);
  g_assert_no_error (error);
  first = json_object_get_object_member (events, coalition_meeting_get_uid (meeting));
  g_assert_nonnull (first);
  g_assert_cmpstr (json_object_get_string_member (first, "summary"), ==, "Budget\nEND:VEVENT\nBEGIN:VTODO\nSUMMARY:Todo; a, b: c");
  g_assert_cmpstr (json_object_get_string_member (first, "location"), ==, "Hall; 2, \"B\":\nEND:VCALENDAR\nBEGIN:VCALENDAR");
  g_assert_cmpstr (json_object_get_string_member (first, "url"), ==, "https://meet.example/xATTACH:https://evil.example/payload");
  description_start = g_strdup (json_object_get_string_member (first, "description"));
  g_assert_nonnull (strstr (description_start, "Agenda\nEND:VEVENT\nBEGIN:VJOURNAL"));
  attendees = json_object_get_array_member (first, "attendees");
  g_assert_cmpuint (json_array_get_length (attendees), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (attendees, 0), ==, "mailto:ana@example.org");
  g_assert_cmpstr (json_array_get_string_element (attendees, 1), ==, "mailto:eve@example.orgATTENDEE:mailto:bad@evil.example");

  hostile_clear (&hostile);
}

/* ---------------------------------------------------------------------- */
/* vCard */

static const char vcard_reader[] =
  "import sys, json, vobject\n"
  "cards = []\n"
  "for card in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()):\n"
  "    c = card.contents\n"
  "    one = lambda k: c[k][0].value if k in c else None\n"
  "    n = one('n')\n"
  "    cards.append({'lines': sorted(c.keys()), 'fn': one('fn'), 'uid': one('uid'),\n"
  "                  'family': n.family if n else None, 'given': n.given if n else None,\n"
  "                  'title': one('title'), 'note': one('note'),\n"
  "                  'org': ';'.join(one('org')) if 'org' in c else None,\n"
  "                  'adr': one('adr').street if 'adr' in c else None,\n"
  "                  'email': [e.value for e in c.get('email', [])],\n"
  "                  'tel': [t.value for t in c.get('tel', [])],\n"
  "                  'categories': list(one('categories')) if 'categories' in c else []})\n"
  "print(json.dumps(cards))\n";

static JsonObject *
card_with_uid (JsonArray  *cards,
               const char *uid)
{
  g_autofree char *urn = g_strconcat ("urn:uuid:", uid, NULL);

  for (guint i = 0; i < json_array_get_length (cards); i++)
    {
      JsonObject *card = json_array_get_object_element (cards, i);

      if (g_str_equal (json_object_get_string_member (card, "uid"), urn))
        return card;
    }
  return NULL;
}

static void
assert_text (JsonObject *card,
             const char *member,
             const char *stored)
{
  g_autofree char *expected = without_cr (stored);

  g_assert_cmpstr (json_object_get_string_member (card, member), ==, expected);
}

static void
check_vcards (Hostile               *hostile,
              CoalitionExportFormat  format,
              const char            *name)
{
  g_autofree char *path = scratch_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionPerson) eve = coalition_store_get_person (hostile->store, hostile->eve, NULL);
  g_autofree char *python = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) read = NULL;
  JsonArray *cards, *list;
  JsonObject *card;
  guint n_records = 0;

  g_assert_true (coalition_export_members (hostile->store, format, path, &n_records, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  {
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
    guint begins = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_assert_null (strchr (lines[i], '\n'));
        g_assert_null (strchr (lines[i], '\r'));
        g_assert_false (g_str_has_prefix (lines[i], "FN:Injected"));
        g_assert_false (g_str_has_prefix (lines[i], "TITLE:Boss"));
        g_assert_false (g_str_has_prefix (lines[i], "TEL:666"));
        begins += g_str_equal (lines[i], "BEGIN:VCARD");
      }
    /* One card a person and one for the organization. */
    g_assert_cmpuint (begins, ==, 3);
  }

  python = run_python (vcard_reader, path);
  read = parse_json (python);
  cards = json_node_get_array (read);
  g_assert_cmpuint (json_array_get_length (cards), ==, 3);
  g_assert_cmpuint (n_records, ==, 3);

  card = card_with_uid (cards, coalition_person_get_uid (eve));
  g_assert_nonnull (card);
  assert_text (card, "given", GIVEN);
  assert_text (card, "family", FAMILY);
  assert_text (card, "fn", coalition_person_get_display_name (eve));
  assert_text (card, "title", TITLE);
  assert_text (card, "note", NOTES);
  assert_text (card, "org", "Union; Local 5, \"East\":\nEND:VCARD");
  assert_text (card, "adr", ADDRESS);
  list = json_object_get_array_member (card, "email");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (list, 0), ==, "eve@example.org\nATTENDEE:mailto:bad@evil.example");
  list = json_object_get_array_member (card, "tel");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (list, 0), ==, "+1 555 0100\nTEL:666");
  list = json_object_get_array_member (card, "categories");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (json_array_get_string_element (list, i), ==, coalition_person_get_tags (eve)[i]);
  g_assert_cmpstrv (coalition_person_get_tags (eve), ((const char *[]) { "=1+1", "a,b;c", "END:VCARD", NULL }));
}

static void
test_hostile_vcard (void)
{
  Hostile hostile = { 0 };

  make_hostile (&hostile);
  check_vcards (&hostile, COALITION_EXPORT_VCARD_3, "hostile-3.vcf");
  check_vcards (&hostile, COALITION_EXPORT_VCARD_4, "hostile-4.vcf");
  hostile_clear (&hostile);
}

/* ---------------------------------------------------------------------- */
/* CSV */

static const char csv_checker[] =
  "import sys, csv, json\n"
  "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))\n"
  "bad = []\n"
  "for row in rows:\n"
  "    for cell in row:\n"
  "        if cell[:1] == \"'\":\n"
  "            continue\n"
  "        if cell[:1] in ('\\t', '\\r', '\\n') or cell.lstrip(' \\t\\r\\n')[:1] in ('=', '+', '-', '@'):\n"
  "            bad.append(cell)\n"
  "print(json.dumps({'rows': len(rows), 'bad': bad, 'header': rows[0]}))\n";

static void
test_hostile_csv (void)
{
  Hostile hostile = { 0 };
  g_autoptr(CoalitionStore) copy = new_store ("hostile-copy.db");
  g_autoptr(CoalitionPerson) eve = NULL;
  g_autoptr(CoalitionPerson) again = NULL;
  g_autoptr(CoalitionImportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) read = NULL;
  g_autofree char *path = scratch_path ("hostile.csv");
  g_autofree char *python = NULL;
  g_autoptr(GArray) found = NULL;
  const char *formulas[] = {
    "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1", "\n=1+1",
    " =1+1", "  @A1", "\n\n-1", "=cmd|' /C calc'!A0",
  };
  GPtrArray *points;

  make_hostile (&hostile);
  eve = coalition_store_get_person (hostile.store, hostile.eve, &error);
  g_assert_no_error (error);

  /* A formula in every text field a spreadsheet would show. */
  for (guint i = 0; i < G_N_ELEMENTS (formulas); i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_person_new ();
      g_autoptr(CoalitionOrganization) organization = coalition_organization_new (formulas[i]);
      const char *tags[] = { formulas[i], NULL };

      g_assert_true (coalition_store_insert_organization (hostile.store, organization, &error));
      g_assert_no_error (error);
      coalition_person_set_given_name (person, formulas[i]);
      coalition_person_set_family_name (person, formulas[(i + 1) % G_N_ELEMENTS (formulas)]);
      coalition_person_set_display_name (person, formulas[(i + 2) % G_N_ELEMENTS (formulas)]);
      coalition_person_set_organization_id (person, coalition_organization_get_id (organization));
      coalition_person_set_title (person, formulas[(i + 3) % G_N_ELEMENTS (formulas)]);
      coalition_person_set_notes (person, formulas[(i + 4) % G_N_ELEMENTS (formulas)]);
      coalition_person_set_address (person, formulas[(i + 5) % G_N_ELEMENTS (formulas)]);
      coalition_person_set_skills (person, formulas[(i + 6) % G_N_ELEMENTS (formulas)]);
      coalition_person_set_tags (person, tags);
      coalition_person_add_email (person, formulas[(i + 7) % G_N_ELEMENTS (formulas)], "x@example.org", TRUE);
      coalition_person_add_phone (person, formulas[(i + 8) % G_N_ELEMENTS (formulas)],
                                  formulas[(i + 9) % G_N_ELEMENTS (formulas)], TRUE);
      g_assert_true (coalition_store_insert_person (hostile.store, person, &error));
      g_assert_no_error (error);
    }

  g_assert_true (coalition_export_members (hostile.store, COALITION_EXPORT_CSV, path, NULL, &error));
  g_assert_no_error (error);
  python = run_python (csv_checker, path);
  read = parse_json (python);
  /* The header, two people, the eleven, and no row more (no line break in
   * a cell split one). */
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (read), "rows"), ==, 1 + 2 + G_N_ELEMENTS (formulas));
  if (json_array_get_length (json_object_get_array_member (json_node_get_object (read), "bad")) > 0)
    g_error ("cells a spreadsheet would run: %s", python);

  /* Read back by Coalition, the text is what it was. */
  summary = coalition_import_file (copy, path, FALSE, NULL, &error);
  g_assert_no_error (error);
  found = coalition_store_find_people (copy, "brien", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  again = coalition_store_get_person (copy, g_array_index (found, gint64, 0), &error);
  g_assert_no_error (error);
  {
    g_autofree char *notes = without_cr (NOTES);   /* CSV reading takes CRLF in a cell as one line break */

    g_assert_cmpstr (coalition_person_get_notes (again), ==, notes);
  }
  /* An address is kept on one line: its lines come back joined by commas. */
  g_assert_cmpstr (coalition_person_get_address (again), ==, "1 Main St; Apt 2, \\ Town:, END:VCARD");
  g_assert_cmpstr (coalition_person_get_skills (again), ==, "=cmd|' /C calc'!A0, +SUM(1;2)");
  /* Tags: the formula one as it was. (A tag holding a comma comes back as
   * two: the import splits tag cells at commas, as other programs write
   * them.) */
  g_assert_true (g_strv_contains (coalition_person_get_tags (again), "=1+1"));
  g_assert_true (g_strv_contains (coalition_person_get_tags (again), "END:VCARD"));
  points = coalition_person_get_emails (again);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpstr (((CoalitionContactPoint *)points->pdata[0])->value, ==, "eve@example.org\nATTENDEE:mailto:bad@evil.example");

  hostile_clear (&hostile);
}

/* ---------------------------------------------------------------------- */
/* The monthly update */

static const char html_checker[] =
  "import sys, json\n"
  "from html.parser import HTMLParser\n"
  "class Check(HTMLParser):\n"
  "    def __init__(self):\n"
  "        super().__init__()\n"
  "        self.tags, self.attrs, self.hrefs, self.text = set(), set(), [], []\n"
  "    def handle_starttag(self, tag, attrs):\n"
  "        self.tags.add(tag)\n"
  "        for k, v in attrs:\n"
  "            self.attrs.add(k)\n"
  "            if k == 'href': self.hrefs.append(v)\n"
  "    def handle_data(self, data):\n"
  "        self.text.append(data)\n"
  "c = Check()\n"
  "c.feed(open(sys.argv[1], encoding='utf-8').read())\n"
  "print(json.dumps({'tags': sorted(c.tags), 'attrs': sorted(c.attrs), 'hrefs': c.hrefs, 'text': ''.join(c.text)}))\n";

static void
test_hostile_update_html (void)
{
  Hostile hostile = { 0 };
  g_autoptr(CoalitionMeeting) meeting = NULL;
  g_autoptr(CoalitionUpdate) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = scratch_path ("update.html");
  g_autofree char *python = NULL;
  g_autoptr(JsonNode) read = NULL;
  JsonObject *object;
  JsonArray *hrefs, *attrs;
  const char *links[] = {
    "javascript:alert(1)", "https://x.example/\" onmouseover=\"alert(1)", " JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
  };

  make_hostile (&hostile);
  meeting = coalition_store_get_meeting (hostile.store, hostile.bare_meeting, &error);
  g_assert_no_error (error);
  coalition_meeting_set_title (meeting, "<script>alert(1)</script><img src=x onerror=alert(2)>");
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      g_autoptr(GDateTime) later = g_date_time_add_days (coalition_meeting_get_start (meeting), 1);
      g_autoptr(GDateTime) later_end = g_date_time_add_days (coalition_meeting_get_end (meeting), 1);
      g_autoptr(CoalitionMeeting) copy = coalition_meeting_new ();

      coalition_meeting_set_title (copy, coalition_meeting_get_title (meeting));
      coalition_meeting_set_start (copy, later);
      coalition_meeting_set_end (copy, later_end);
      coalition_meeting_set_zone (copy, "America/Chicago");
      coalition_meeting_set_location (copy, "<b>Hall</b> & \"Annex\"");
      coalition_meeting_set_url (copy, links[i]);
      g_assert_true (coalition_store_insert_meeting (hostile.store, copy, &error));
      g_assert_no_error (error);
    }

  update = coalition_update_gather (hostile.store, 2030, 3, &error);
  g_assert_no_error (error);
  g_assert_true (coalition_update_write_html (update, hostile.store, path, &error));
  g_assert_no_error (error);
  python = run_python (html_checker, path);
  read = parse_json (python);
  object = json_node_get_object (read);

  /* No script, no image, no handler; links only to the web or to the
   * meeting's own calendar file. */
  g_assert_null (strstr (python, "\"script\""));
  g_assert_null (strstr (python, "\"img\""));
  attrs = json_object_get_array_member (object, "attrs");
  for (guint i = 0; i < json_array_get_length (attrs); i++)
    g_assert_false (g_str_has_prefix (json_array_get_string_element (attrs, i), "on"));
  hrefs = json_object_get_array_member (object, "hrefs");
  g_assert_cmpuint (json_array_get_length (hrefs), >, 0);
  for (guint i = 0; i < json_array_get_length (hrefs); i++)
    {
      const char *href = json_array_get_string_element (hrefs, i);

      /* A quote in a link stays inside its attribute (the handler check
       * above): escaped, it is part of the address. */
      g_assert_true (g_str_has_prefix (href, "https://") || g_str_has_prefix (href, "data:text/calendar;"));
    }
  /* The hostile text is shown as the words it is. */
  g_assert_nonnull (strstr (json_object_get_string_member (object, "text"),
                            "<script>alert(1)</script><img src=x onerror=alert(2)>"));
  g_assert_nonnull (strstr (json_object_get_string_member (object, "text"), "<b>Hall</b> & \"Annex\""));

  hostile_clear (&hostile);
}

/* ---------------------------------------------------------------------- */
/* Text that looks like a path */

/* Every file under @dir with its size and time, one a line. */
static void
list_tree (const char *dir,
           GString    *out)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      GStatBuf st;

      if (g_lstat (path, &st) != 0)
        continue;
      if (S_ISDIR (st.st_mode))
        list_tree (path, out);
      else
        g_string_append_printf (out, "%s %lld %lld\n", path, (long long)st.st_size, (long long)st.st_mtime);
    }
}

static void
run_cli_in (const char  *cwd,
            const char  *db,
            const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *err = NULL;
  int status = 0;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer)g_getenv ("COALITION_CLI"));
  g_ptr_array_add (argv, (gpointer)"--database");
  g_ptr_array_add (argv, (gpointer)db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (cwd, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("coalition-cli %s: %s", args[0], err);
}

static void
test_hostile_paths (void)
{
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), "paths", NULL);
  g_autofree char *deep = g_build_filename (root, "a", "b", "c", "d", NULL);
  g_autofree char *out = g_build_filename (root, "out", NULL);
  g_autofree char *db = g_build_filename (root, "paths.db", NULL);
  g_autofree char *absolute = g_strdup_printf ("/tmp/coalition-hostile-%d", (int)getpid ());
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(CoalitionPerson) person = coalition_person_new ();
  g_autoptr(CoalitionOrganization) organization = NULL;
  g_autoptr(CoalitionMeeting) meeting = coalition_meeting_new ();
  g_autoptr(GDateTime) start = g_date_time_new_utc (2030, 3, 12, 18, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 60);
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *map_id = NULL;
  /* ID stands for the meeting's or the map's id; what follows -o is a file
   * name in the output folder. */
  const char *outputs[][8] = {
    { "export-members", "--format", "csv", "-o", "members.csv", NULL },
    { "export-members", "--format", "vcf", "-o", "members.vcf", NULL },
    { "export-ics", "--all", "-o", "meetings.ics", NULL },
    { "print", "agenda", "--meeting", "ID", "-o", "agenda.pdf", NULL },
    { "print", "sign-in", "--meeting", "ID", "-o", "sign-in.pdf", NULL },
    { "print", "minutes", "--meeting", "ID", "-o", "minutes.pdf", NULL },
    { "print", "map", "--map", "ID", "-o", "map.png", NULL },
    { "print", "map", "--map", "ID", "-o", "map.svg", NULL },
    { "print", "map", "--map", "ID", "-o", "map.pdf", NULL },
    { "export-update", "--month", "2030-03", "--format", "html", "-o", "update.html", NULL },
    { "export-update", "--month", "2030-03", "--format", "pdf", "-o", "update.pdf", NULL },
  };
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  gint64 map;

  g_assert_cmpint (g_mkdir_with_parents (deep, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (out, 0700), ==, 0);
  g_assert_false (g_file_test (absolute, G_FILE_TEST_EXISTS));
  store = coalition_store_open (db, &error);
  g_assert_no_error (error);

  organization = coalition_organization_new ("../../../../etc/passwd");
  g_assert_true (coalition_store_insert_organization (store, organization, &error));
  coalition_person_set_given_name (person, "../../etc/passwd");
  coalition_person_set_family_name (person, absolute);
  coalition_person_set_display_name (person, "../../../.ssh/authorized_keys");
  coalition_person_set_organization_id (person, coalition_organization_get_id (organization));
  coalition_person_set_notes (person, "~/.bashrc");
  coalition_person_add_email (person, "work", "file:///etc/shadow", TRUE);
  g_assert_true (coalition_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  coalition_meeting_set_title (meeting, "../../x.pdf");
  coalition_meeting_set_start (meeting, start);
  coalition_meeting_set_end (meeting, end);
  coalition_meeting_set_zone (meeting, "UTC");
  coalition_meeting_set_location (meeting, absolute);
  coalition_meeting_set_facilitator_id (meeting, coalition_person_get_id (person));
  g_assert_true (coalition_store_insert_meeting (store, meeting, &error));
  g_assert_true (coalition_store_set_attendance (store, coalition_meeting_get_id (meeting), coalition_person_get_id (person),
                                                 COALITION_ATTENDANCE_PRESENT, &error));
  map = coalition_store_create_map (store, absolute, "../../decision", &error);
  g_assert_no_error (error);
  g_assert_cmpint (coalition_store_add_map_node (store, map, coalition_person_get_id (person), 0, 1, 2, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&store);

  meeting_id = g_strdup_printf ("%" G_GINT64_FORMAT, coalition_meeting_get_id (meeting));
  map_id = g_strdup_printf ("%" G_GINT64_FORMAT, map);

  list_tree (root, before);
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      const char *args[8];
      guint n = 0;

      for (; outputs[i][n] != NULL; n++)
        {
          if (g_str_equal (outputs[i][n], "ID"))
            args[n] = g_str_equal (outputs[i][1], "map") ? map_id : meeting_id;
          else if (n > 0 && g_str_equal (outputs[i][n - 1], "-o"))
            {
              char *target = g_build_filename (out, outputs[i][n], NULL);

              g_ptr_array_add (expected, target);
              args[n] = target;
            }
          else
            args[n] = outputs[i][n];
        }
      args[n] = NULL;
      /* From deep inside the folder, where a relative "../../" would land
       * in it rather than outside. */
      run_cli_in (deep, db, args);
    }

  /* Only the files asked for are new, each private; nothing else in the
   * folder changed, and nothing was made at the absolute path. */
  list_tree (root, after);
  g_assert_false (g_file_test (absolute, G_FILE_TEST_EXISTS));
  {
    g_auto(GStrv) lines = g_strsplit (after->str, "\n", -1);

    for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
      {
        g_autofree char *path = g_strndup (lines[i], strrchr (lines[i], ' ') - lines[i]);
        GStatBuf st;

        *strrchr (path, ' ') = '\0';
        if (g_str_has_prefix (path, db))
          continue;   /* the database itself */
        if (g_ptr_array_find_with_equal_func (expected, path, g_str_equal, NULL))
          {
            g_assert_cmpint (g_stat (path, &st), ==, 0);
            g_assert_cmpint (st.st_mode & 0777, ==, 0600);
            continue;
          }
        if (strstr (before->str, lines[i]) == NULL)
          g_error ("“%s” was written, though nobody asked for it", lines[i]);
      }
    g_assert_cmpuint (g_strv_length (lines) - 1, ==, 1 + expected->len);   /* the database, and the files */
  }
}

/* ---------------------------------------------------------------------- */
/* Text that looks like SQL, and searches that look like FTS5 syntax */

static void
test_hostile_sql_text (void)
{
  g_autoptr(CoalitionStore) store = new_store ("sql.db");
  g_autoptr(CoalitionPerson) person = coalition_person_new ();
  g_autoptr(CoalitionPerson) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "Robert'); DROP TABLE person; -- \" OR 1=1 --";
  const char *queries[] = {
    "\"", "'", "*", "NEAR(a b)", "a OR b", "-x", "^x", "name:x", ")", "(", "\\", "\"\"", "AND", "x*y",
    "'); DROP TABLE person; --", "%", "_", "rowid=1", "{name}:x", "NOT", "\u00a0", "a\u3000b",
  };
  g_autofree char *setting = NULL;
  sqlite3 *db;

  coalition_person_set_given_name (person, text);
  coalition_person_set_family_name (person, "%_*\\");
  coalition_person_set_notes (person, text);
  coalition_person_set_tags (person, (const char *[]) { text, NULL });
  g_assert_true (coalition_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_true (coalition_store_set_setting (store, text, text, &error));
  g_assert_no_error (error);

  again = coalition_store_get_person (store, coalition_person_get_id (person), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (coalition_person_get_given_name (again), ==, text);
  g_assert_cmpstr (coalition_person_get_notes (again), ==, text);
  g_assert_cmpstrv (coalition_person_get_tags (again), ((const char *[]) { text, NULL }));
  setting = coalition_store_get_setting (store, text);
  g_assert_cmpstr (setting, ==, text);
  db = coalition_store_get_handle (store);
  g_assert_cmpint (sqlite3_exec (db, "SELECT count(*) FROM person", NULL, NULL, NULL), ==, SQLITE_OK);

  /* Whatever is typed in the search field is searched for, never an error. */
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GArray) ids = coalition_store_find_people (store, queries[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (ids);
    }
  {
    g_autoptr(GArray) ids = coalition_store_find_people (store, "robert drop", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
  }
  g_assert_cmpuint (coalition_store_count_people (store), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/hostile/ics", test_hostile_ics);
  g_test_add_func ("/hostile/vcard", test_hostile_vcard);
  g_test_add_func ("/hostile/csv", test_hostile_csv);
  g_test_add_func ("/hostile/update-html", test_hostile_update_html);
  g_test_add_func ("/hostile/paths", test_hostile_paths);
  g_test_add_func ("/hostile/sql-text", test_hostile_sql_text);

  return g_test_run ();
}
