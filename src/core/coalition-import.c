/* coalition-import.c — taking in the member lists people have
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layouts differ in their header rows more than in anything else, so the
 * importer reads the header: every column people's tools export is known by
 * its names in those tools (English and German Outlook, both Google layouts,
 * CiviCRM, Mailchimp, and the plain names a hand-made sheet uses).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "coalition-csv.h"
#include "coalition-import.h"
#include "coalition-store-private.h"
#include "coalition-vcard.h"

G_DEFINE_QUARK (coalition-import-error-quark, coalition_import_error)

typedef enum
{
  ROLE_IGNORE,
  ROLE_GIVEN,
  ROLE_MIDDLE,
  ROLE_FAMILY,
  ROLE_DISPLAY,
  ROLE_ORGANIZATION,
  ROLE_TITLE,
  ROLE_EMAIL,
  ROLE_EMAIL_LABEL,
  ROLE_PHONE,
  ROLE_PHONE_LABEL,
  ROLE_NOTES,
  ROLE_CONTACT_TYPE,
  ROLE_STATUS,
  ROLE_ADDRESS,       /* a whole address, or its street; label groups the parts */
  ROLE_ADDRESS_PART,  /* city, region, postal code, country */
  ROLE_SKILLS,
  ROLE_TAGS,
  ROLE_UID,           /* Coalition's own: who the row is in the directory it came from */
} Role;

typedef struct
{
  Role        role;
  int         pair;     /* N of Google's "E-mail N - Value" and "- Label" */
  const char *label;    /* for Outlook's phone columns: "work", "home"… */
} Column;

typedef struct
{
  const char *header;
  Role        role;
  const char *label;
} Synonym;

static const Synonym synonyms[] = {
  { "first name", ROLE_GIVEN }, { "given name", ROLE_GIVEN }, { "firstname", ROLE_GIVEN },
  { "first", ROLE_GIVEN }, { "vorname", ROLE_GIVEN }, { "prénom", ROLE_GIVEN }, { "fname", ROLE_GIVEN },
  { "middle name", ROLE_MIDDLE }, { "additional name", ROLE_MIDDLE }, { "weitere vornamen", ROLE_MIDDLE },
  { "last name", ROLE_FAMILY }, { "family name", ROLE_FAMILY }, { "surname", ROLE_FAMILY },
  { "lastname", ROLE_FAMILY }, { "last", ROLE_FAMILY }, { "nachname", ROLE_FAMILY }, { "nom", ROLE_FAMILY },
  { "lname", ROLE_FAMILY },
  { "name", ROLE_DISPLAY }, { "display name", ROLE_DISPLAY }, { "full name", ROLE_DISPLAY },
  { "contact name", ROLE_DISPLAY },
  { "organization name", ROLE_ORGANIZATION }, { "organization 1 - name", ROLE_ORGANIZATION },
  { "company", ROLE_ORGANIZATION }, { "current employer", ROLE_ORGANIZATION }, { "firma", ROLE_ORGANIZATION },
  { "organization", ROLE_ORGANIZATION }, { "organisation", ROLE_ORGANIZATION }, { "employer", ROLE_ORGANIZATION },
  { "organization title", ROLE_TITLE }, { "organization 1 - title", ROLE_TITLE }, { "job title", ROLE_TITLE },
  { "position", ROLE_TITLE }, { "role", ROLE_TITLE },
  { "email", ROLE_EMAIL }, { "e-mail", ROLE_EMAIL }, { "email address", ROLE_EMAIL },
  { "e-mail address", ROLE_EMAIL }, { "e-mail 2 address", ROLE_EMAIL }, { "e-mail 3 address", ROLE_EMAIL },
  { "e-mail-adresse", ROLE_EMAIL }, { "e-mail 2: adresse", ROLE_EMAIL }, { "e-mail 3: adresse", ROLE_EMAIL },
  { "mail", ROLE_EMAIL },
  { "phone", ROLE_PHONE }, { "phone number", ROLE_PHONE }, { "telephone", ROLE_PHONE },
  { "mobile", ROLE_PHONE, "mobile" }, { "business phone", ROLE_PHONE, "work" },
  { "business phone 2", ROLE_PHONE, "work" }, { "home phone", ROLE_PHONE, "home" },
  { "home phone 2", ROLE_PHONE, "home" }, { "mobile phone", ROLE_PHONE, "mobile" },
  { "primary phone", ROLE_PHONE }, { "other phone", ROLE_PHONE, "other" },
  { "company main phone", ROLE_PHONE, "work" }, { "telefon geschäftlich", ROLE_PHONE, "work" },
  { "telefon geschäftlich 2", ROLE_PHONE, "work" }, { "telefon privat", ROLE_PHONE, "home" },
  { "mobiltelefon", ROLE_PHONE, "mobile" }, { "weiteres telefon", ROLE_PHONE, "other" },
  { "notes", ROLE_NOTES }, { "note", ROLE_NOTES }, { "notizen", ROLE_NOTES }, { "comments", ROLE_NOTES },
  { "contact type", ROLE_CONTACT_TYPE }, { "status", ROLE_STATUS }, { "uid", ROLE_UID },
  /* Addresses: Google's formatted one, CiviCRM's and Mailchimp's, and
   * Outlook's business and home parts (English and German headers). */
  { "address", ROLE_ADDRESS, "" }, { "address 1 - formatted", ROLE_ADDRESS, "" },
  { "street address", ROLE_ADDRESS, "" }, { "street", ROLE_ADDRESS, "" }, { "adresse", ROLE_ADDRESS, "" },
  { "city", ROLE_ADDRESS_PART, "" }, { "state", ROLE_ADDRESS_PART, "" },
  { "state/province", ROLE_ADDRESS_PART, "" }, { "postal code", ROLE_ADDRESS_PART, "" },
  { "zip", ROLE_ADDRESS_PART, "" }, { "country", ROLE_ADDRESS_PART, "" },
  { "business street", ROLE_ADDRESS, "business" }, { "business city", ROLE_ADDRESS_PART, "business" },
  { "business state", ROLE_ADDRESS_PART, "business" }, { "business postal code", ROLE_ADDRESS_PART, "business" },
  { "business country/region", ROLE_ADDRESS_PART, "business" },
  { "home street", ROLE_ADDRESS, "home" }, { "home city", ROLE_ADDRESS_PART, "home" },
  { "home state", ROLE_ADDRESS_PART, "home" }, { "home postal code", ROLE_ADDRESS_PART, "home" },
  { "home country/region", ROLE_ADDRESS_PART, "home" },
  { "straße geschäftlich", ROLE_ADDRESS, "business" }, { "ort geschäftlich", ROLE_ADDRESS_PART, "business" },
  { "postleitzahl geschäftlich", ROLE_ADDRESS_PART, "business" },
  { "land/region geschäftlich", ROLE_ADDRESS_PART, "business" },
  { "straße privat", ROLE_ADDRESS, "home" }, { "ort privat", ROLE_ADDRESS_PART, "home" },
  { "postleitzahl privat", ROLE_ADDRESS_PART, "home" },
  { "skills", ROLE_SKILLS }, { "fähigkeiten", ROLE_SKILLS }, { "compétences", ROLE_SKILLS },
  /* Mailchimp's TAGS, Google's Labels, CiviCRM's Tags. */
  { "tags", ROLE_TAGS }, { "labels", ROLE_TAGS }, { "tag(s)", ROLE_TAGS }, { "kategorien", ROLE_TAGS },
  { "categories", ROLE_TAGS },
};

/* Labels Google gives every contact; they say nothing about the person. */
static const char * const system_labels[] = { "mycontacts", "starred", "friends", "family", "coworkers" };

/* The tags in a cell: Google's " ::: ", commas, and Mailchimp's quotes. */
static GStrv
parse_tags_cell (const char *value)
{
  g_autoptr(GString) text = g_string_new (value);
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_string_replace (text, ":::", ",", 0);
  g_string_replace (text, "\"", "", 0);
  parts = g_strsplit_set (text->str, ",;", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *tag = g_strstrip (parts[i]);
      gboolean system = FALSE;

      if (*tag == '*')
        tag = g_strstrip (tag + 1);
      for (guint k = 0; k < G_N_ELEMENTS (system_labels); k++)
        if (g_ascii_strcasecmp (tag, system_labels[k]) == 0 && parts[i][0] == '*')
          system = TRUE;
      if (!system && *tag != '\0')
        g_strv_builder_add (builder, tag);
    }

  {
    g_auto(GStrv) raw = g_strv_builder_end (builder);

    return coalition_tags_normalize ((const char * const *)raw);
  }
}

/* Tags of @a and then those of @b that @a lacks. */
static GStrv
union_tags (const char * const *a,
            const char * const *b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) all = NULL;

  g_strv_builder_addv (builder, (const char **)a);
  g_strv_builder_addv (builder, (const char **)b);
  all = g_strv_builder_end (builder);
  return coalition_tags_normalize ((const char * const *)all);
}

/* Google's numbered pairs: "E-mail 1 - Value" with "E-mail 1 - Label" (or
 * "- Type" in the legacy layout), and the same for phones. */
static gboolean
match_pair (const char *header,
            const char *prefix,
            Role        value_role,
            Role        label_role,
            Column     *column)
{
  const char *rest;
  char *end;
  guint64 n;

  if (!g_str_has_prefix (header, prefix))
    return FALSE;

  rest = header + strlen (prefix);
  n = g_ascii_strtoull (rest, &end, 10);
  if (end == rest)
    return FALSE;

  if (g_str_equal (end, " - value"))
    column->role = value_role;
  else if (g_str_equal (end, " - type") || g_str_equal (end, " - label"))
    column->role = label_role;
  else
    return FALSE;

  column->pair = n;
  return TRUE;
}

static Column
classify (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  Column column = { ROLE_IGNORE, 0, NULL };

  g_strstrip (folded);

  if (match_pair (folded, "e-mail ", ROLE_EMAIL, ROLE_EMAIL_LABEL, &column) ||
      match_pair (folded, "phone ", ROLE_PHONE, ROLE_PHONE_LABEL, &column))
    return column;

  for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
    if (g_str_equal (folded, synonyms[i].header))
      {
        column.role = synonyms[i].role;
        column.label = synonyms[i].label;
        break;
      }

  return column;
}

static gboolean
has_header (GStrv       header,
            const char *name)
{
  for (guint i = 0; header[i]; i++)
    {
      g_autofree char *folded = g_utf8_casefold (header[i], -1);
      if (g_str_equal (g_strstrip (folded), name))
        return TRUE;
    }

  return FALSE;
}

/* A name for the layout, told back to the person in the summary. */
static const char *
layout_name (GStrv header)
{
  if (has_header (header, "uid") && has_header (header, "status") && has_header (header, "e-mail 1 - value"))
    return _("Coalition export");
  if (has_header (header, "contact id") && has_header (header, "contact type"))
    return _("CiviCRM contacts");
  if (has_header (header, "email address") &&
      (has_header (header, "member_rating") || has_header (header, "optin_time") || has_header (header, "leid")))
    return _("Mailchimp audience");
  if (has_header (header, "given name") && has_header (header, "e-mail 1 - value"))
    return _("Google Contacts (older layout)");
  if (has_header (header, "first name") && has_header (header, "e-mail 1 - value"))
    return _("Google Contacts");
  if (has_header (header, "vorname") && has_header (header, "e-mail-adresse"))
    return _("Outlook (German)");
  if (has_header (header, "e-mail address") && has_header (header, "e-mail display name"))
    return _("Outlook for Windows");
  if (has_header (header, "e-mail address") && has_header (header, "business phone"))
    return _("Outlook on the web");

  return _("Spreadsheet with a header row");
}

/* ---------------------------------------------------------------------- */

/* What a row or a card says of one person, and then the person as they will
 * be written: plain data, so that a file of 100 000 people costs no object
 * per row. Every text is set, "" when empty. */
typedef struct
{
  char            *given;
  char            *family;
  char            *display;
  char            *title;
  char            *notes;
  char            *address;
  char            *skills;
  CoalitionStatus  status;
  gint64           organization_id;
  GStrv            tags;
  GPtrArray       *emails;   /* of CoalitionContactPoint */
  GPtrArray       *phones;
  guint            line;
  char            *uid;      /* lower case, or "" */
} Record;

static void
record_clear (Record *record)
{
  g_free (record->given);
  g_free (record->family);
  g_free (record->display);
  g_free (record->title);
  g_free (record->notes);
  g_free (record->address);
  g_free (record->skills);
  g_strfreev (record->tags);
  g_clear_pointer (&record->emails, g_ptr_array_unref);
  g_clear_pointer (&record->phones, g_ptr_array_unref);
  g_free (record->uid);
}

static void
record_init (Record *record)
{
  *record = (Record) {
    g_strdup (""), g_strdup (""), g_strdup (""), g_strdup (""), g_strdup (""), g_strdup (""), g_strdup (""),
    COALITION_STATUS_MEMBER, 0, g_new0 (char *, 1),
    g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_contact_point_free),
    g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_contact_point_free),
    0, g_strdup (""),
  };
}

static void
record_set (char       **field,
            const char  *value)
{
  char *copy = g_strdup (value ? value : "");

  g_free (*field);
  *field = copy;
}

/* As coalition_person_add_email () does: a primary one takes the mark from
 * the others. */
static void
record_add_point (GPtrArray  *points,
                  const char *label,
                  const char *value,
                  gboolean    primary)
{
  if (primary)
    for (guint i = 0; i < points->len; i++)
      ((CoalitionContactPoint *)g_ptr_array_index (points, i))->primary = FALSE;
  g_ptr_array_add (points, coalition_contact_point_new (label, value, primary));
}

typedef struct
{
  CoalitionStore         *store;
  CoalitionImportSummary *summary;
  /* casefolded address → person; folded full name → person. A person is
   * their id when already in the directory, else -(index + 1) in pending. */
  GHashTable             *people_by_email;
  GHashTable             *people_by_name;
  /* A Coalition export's UID → person, and the UID each person of this
   * import came from (person → UID, not owned). */
  GHashTable             *people_by_uid;
  GHashTable             *uid_of;
  GHashTable             *uids_read;         /* the UIDs of the records read so far */
  GHashTable             *name_of;           /* person id → folded name, as the directory had it */
  GHashTable             *organizations;     /* folded name → id */
  GArray                 *pending;           /* of Record: new people, written at the end */
} Import;

#define PENDING_REF(index) ((gpointer)(gintptr)(-(gintptr)(index) - 1))
#define REF_IS_PENDING(ref) ((gintptr)(ref) < 0)
#define REF_PENDING_INDEX(ref) ((guint)(-(gintptr)(ref) - 1))

static int
compare_strings (const char **a,
               const char **b)
{
  return g_strcmp0 (*a, *b);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar)*p >= 0x80)
      return FALSE;
  return TRUE;
}

static char *
fold_key (const char *text)
{
  g_autofree char *nfc = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GString) key = NULL;

  /* ASCII is its own NFC and folds to its lower case: the words, lowered,
   * one space between them, as the general way below leaves them. */
  if (is_ascii (text))
    {
      GString *ascii = g_string_sized_new (strlen (text));

      for (const char *p = text; *p; p++)
        {
          if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            continue;
          if (ascii->len > 0 && p > text &&
              (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '\r'))
            g_string_append_c (ascii, ' ');
          g_string_append_c (ascii, g_ascii_tolower (*p));
        }
      return g_string_free (ascii, FALSE);
    }

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  folded = g_utf8_casefold (nfc ? nfc : "", -1);
  words = g_strsplit_set (folded, " \t\n\r", -1);
  key = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    if (words[i][0] != '\0')
      {
        if (key->len > 0)
          g_string_append_c (key, ' ');
        g_string_append (key, words[i]);
      }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* People write the same name in different orders (Nguyễn Văn An, Văn An
 * Nguyễn): the words, folded and sorted, are the key. */
static char *
name_key (const char *name)
{
  g_autofree char *folded = fold_key (name);
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  guint n = g_strv_length (words);

  qsort (words, n, sizeof (char *), (int (*) (const void *, const void *))compare_strings);
  return g_strjoinv (" ", words);
}

static char *
email_key (const char *address)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (address));

  if (is_ascii (trimmed))
    {
      for (char *p = trimmed; *p; p++)
        *p = g_ascii_tolower (*p);
      return g_steal_pointer (&trimmed);
    }
  return g_utf8_casefold (trimmed, -1);
}

static gint64
resolve_organization (Import      *import,
                      const char  *name,
                      GError     **error)
{
  g_autofree char *key = fold_key (name);
  g_autoptr(CoalitionOrganization) organization = NULL;
  gpointer found;

  if (key[0] == '\0')
    return 0;

  if (g_hash_table_lookup_extended (import->organizations, key, NULL, &found))
    {
      import->summary->organizations_matched++;
      return GPOINTER_TO_SIZE (found);
    }

  organization = coalition_organization_new (name);
  /* A list of members is what people import; they change it where not. */
  coalition_organization_set_status (organization, COALITION_STATUS_MEMBER);
  if (!coalition_store_insert_organization (import->store, organization, error))
    return -1;

  g_hash_table_insert (import->organizations, g_steal_pointer (&key),
                       GSIZE_TO_POINTER (coalition_organization_get_id (organization)));
  import->summary->organizations_added++;

  return coalition_organization_get_id (organization);
}

static void
skip (Import     *import,
      guint       line,
      const char *reason)
{
  CoalitionImportSkip *skip = g_new0 (CoalitionImportSkip, 1);

  skip->line = line;
  skip->reason = g_strdup (reason);
  g_ptr_array_add (import->summary->skipped, skip);
}

static gboolean
has_point (GPtrArray  *points,
           const char *value,
           gboolean    email)
{
  for (guint i = 0; i < points->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (points, i);

      if (email)
        {
          g_autofree char *a = email_key (point->value);
          g_autofree char *b = email_key (value);
          if (g_str_equal (a, b))
            return TRUE;
        }
      else
        {
          /* Phones are the same number whatever their spacing. */
          GString *a = g_string_new (NULL), *b = g_string_new (NULL);
          gboolean same;

          for (const char *p = point->value; *p; p++)
            if (g_ascii_isdigit (*p))
              g_string_append_c (a, *p);
          for (const char *p = value; *p; p++)
            if (g_ascii_isdigit (*p))
              g_string_append_c (b, *p);
          same = g_str_equal (a->str, b->str);
          g_string_free (a, TRUE);
          g_string_free (b, TRUE);
          if (same)
            return TRUE;
        }
    }

  return FALSE;
}

/* Fills what @existing lacks from @incoming; TRUE when anything was added. */
static gboolean
merge_records (Record       *existing,
               const Record *incoming)
{
  gboolean changed = FALSE;

#define FILL(field) \
  if (*existing->field == '\0' && *incoming->field != '\0') \
    { \
      record_set (&existing->field, incoming->field); \
      changed = TRUE; \
    }
  FILL (given);
  FILL (family);
  FILL (title);
  FILL (address);
  FILL (skills);
#undef FILL

  {
    g_auto(GStrv) tags = union_tags ((const char * const *)existing->tags, (const char * const *)incoming->tags);

    if (g_strv_length (tags) != g_strv_length (existing->tags))
      {
        g_strfreev (existing->tags);
        existing->tags = g_steal_pointer (&tags);
        changed = TRUE;
      }
  }

  if (existing->organization_id == 0 && incoming->organization_id != 0)
    {
      existing->organization_id = incoming->organization_id;
      changed = TRUE;
    }

  /* Notes from both sides are kept, the new ones after the old. */
  if (*incoming->notes != '\0' && strstr (existing->notes, incoming->notes) == NULL)
    {
      char *notes = *existing->notes == '\0' ? g_strdup (incoming->notes)
                                             : g_strconcat (existing->notes, "\n\n", incoming->notes, NULL);

      g_free (existing->notes);
      existing->notes = notes;
      changed = TRUE;
    }

  for (guint i = 0; i < incoming->emails->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (incoming->emails, i);

      if (!has_point (existing->emails, point->value, TRUE))
        {
          record_add_point (existing->emails, point->label, point->value,
                            point->primary && existing->emails->len == 0);
          changed = TRUE;
        }
    }

  for (guint i = 0; i < incoming->phones->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (incoming->phones, i);

      if (!has_point (existing->phones, point->value, FALSE))
        {
          record_add_point (existing->phones, point->label, point->value,
                            point->primary && existing->phones->len == 0);
          changed = TRUE;
        }
    }

  return changed;
}

/* A person already in the directory, as a record to merge into. */
static void
record_from_person (Record          *record,
                    CoalitionPerson *person)
{
  GPtrArray *lists[] = { coalition_person_get_emails (person), coalition_person_get_phones (person) };

  record_init (record);
  record_set (&record->given, coalition_person_get_given_name (person));
  record_set (&record->family, coalition_person_get_family_name (person));
  record_set (&record->display, coalition_person_get_display_name (person));
  record_set (&record->title, coalition_person_get_title (person));
  record_set (&record->notes, coalition_person_get_notes (person));
  record_set (&record->address, coalition_person_get_address (person));
  record_set (&record->skills, coalition_person_get_skills (person));
  record->status = coalition_person_get_status (person);
  record->organization_id = coalition_person_get_organization_id (person);
  g_strfreev (record->tags);
  record->tags = g_strdupv ((GStrv)coalition_person_get_tags (person));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      g_ptr_array_add (l == 0 ? record->emails : record->phones,
                       coalition_contact_point_copy (g_ptr_array_index (lists[l], i)));
}

/* Gives @person what merge_records () added to its @record: the fields it
 * fills and the points after the ones it had. */
static void
record_to_person (const Record    *record,
                  CoalitionPerson *person)
{
  guint n_emails = coalition_person_get_emails (person)->len;
  guint n_phones = coalition_person_get_phones (person)->len;

  coalition_person_set_given_name (person, record->given);
  coalition_person_set_family_name (person, record->family);
  coalition_person_set_title (person, record->title);
  coalition_person_set_address (person, record->address);
  coalition_person_set_skills (person, record->skills);
  coalition_person_set_tags (person, (const char * const *)record->tags);
  coalition_person_set_organization_id (person, record->organization_id);
  coalition_person_set_notes (person, record->notes);
  for (guint i = n_emails; i < record->emails->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (record->emails, i);

      coalition_person_add_email (person, point->label, point->value, point->primary);
    }
  for (guint i = n_phones; i < record->phones->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (record->phones, i);

      coalition_person_add_phone (person, point->label, point->value, point->primary);
    }
}

static const char *
cell (GStrv row,
      guint i)
{
  /* Short rows are common in hand-made sheets: missing cells are empty. */
  return i < g_strv_length (row) ? row[i] : "";
}

/* Google separates several values in one cell with " ::: ". */
static GStrv
split_values (const char *value)
{
  g_auto(GStrv) parts = g_strsplit (value, ":::", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_auto(GStrv) more = g_strsplit (parts[i], ";", -1);

      for (guint j = 0; more[j]; j++)
        {
          g_strstrip (more[j]);
          if (more[j][0] != '\0')
            g_strv_builder_add (builder, more[j]);
        }
    }

  return g_strv_builder_end (builder);
}

/* A Google label such as "* Work": the star marks the primary one. */
static char *
clean_label (const char *label,
             gboolean   *primary)
{
  g_autofree char *copy = g_strstrip (g_strdup (label ? label : ""));

  *primary = g_str_has_prefix (copy, "*");

  return g_strstrip (g_utf8_strdown (*primary ? copy + 1 : copy, -1));
}

static const char *
pair_label (GStrv         row,
            const Column *columns,
            guint         n_columns,
            Role          label_role,
            int           pair)
{
  for (guint i = 0; i < n_columns; i++)
    if (columns[i].role == label_role && columns[i].pair == pair)
      return cell (row, i);

  return NULL;
}

/* A UID as the import keys it, in lower case; NULL for a cell that holds
 * no UUID. */
static char *
uid_key (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return g_uuid_string_is_valid (trimmed) ? g_ascii_strdown (trimmed, -1) : NULL;
}

/* The name a record goes by: its display name, else given and family. */
static char *
full_name (const Record *record)
{
  return *record->display ? g_strdup (record->display) : g_strjoin (" ", record->given, record->family, NULL);
}

static gboolean import_person (Import           *import,
                               guint             line,
                               Record           *incoming,
                               const char       *organization,
                               const char       *contact_type,
                               GError          **error);

static void
free_gstring (gpointer string)
{
  g_string_free (string, TRUE);
}

static gboolean
import_row (Import        *import,
            GStrv          row,
            guint          line,
            const Column  *columns,
            guint          n_columns,
            GError       **error)
{
  Record record;
  g_autoptr(GString) given = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *family = g_strdup (""), *display = g_strdup (""), *organization = g_strdup (""),
                  *title = g_strdup (""), *contact_type = g_strdup (""), *skills = g_strdup ("");
  /* group label ("", "business", "home") → its parts in column order */
  g_autoptr(GPtrArray) address_groups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) address_texts = g_ptr_array_new_with_free_func (free_gstring);
  g_auto(GStrv) tags = g_new0 (char *, 1);
  guint n_cells = g_strv_length (row);
  gboolean ok;

  record_init (&record);
  for (guint i = 0; i < n_columns; i++)
    {
      const char *value = i < n_cells ? row[i] : "";
      g_autofree char *trimmed = NULL;

      /* Short rows are common in hand-made sheets: missing cells are empty. */
      if (columns[i].role == ROLE_IGNORE || columns[i].role == ROLE_EMAIL_LABEL ||
          columns[i].role == ROLE_PHONE_LABEL || *value == '\0')
        continue;
      trimmed = g_strstrip (g_strdup (value));

      /* Undo the apostrophe that exports put before a would-be formula. */
      if (trimmed[0] == '\'' && coalition_csv_is_formula_like (trimmed + 1))
        {
          memmove (trimmed, trimmed + 1, strlen (trimmed));
          g_strchug (trimmed);
        }

      if (trimmed[0] == '\0')
        continue;

      switch (columns[i].role)
        {
        case ROLE_GIVEN:
        case ROLE_MIDDLE:
          if (given->len > 0)
            g_string_append_c (given, ' ');
          g_string_append (given, trimmed);
          break;
        case ROLE_FAMILY:
          g_free (family);
          family = g_steal_pointer (&trimmed);
          break;
        case ROLE_DISPLAY:
          g_free (display);
          display = g_steal_pointer (&trimmed);
          break;
        case ROLE_ORGANIZATION:
          g_free (organization);
          organization = g_steal_pointer (&trimmed);
          break;
        case ROLE_TITLE:
          g_free (title);
          title = g_steal_pointer (&trimmed);
          break;
        case ROLE_NOTES:
          if (notes->len > 0)
            g_string_append (notes, "\n\n");
          g_string_append (notes, trimmed);
          break;
        case ROLE_STATUS:
          {
            CoalitionStatus status;

            /* The words Coalition writes; anything else keeps the default. */
            if (coalition_status_from_string (trimmed, &status))
              record.status = status;
          }
          break;
        case ROLE_CONTACT_TYPE:
          g_free (contact_type);
          contact_type = g_steal_pointer (&trimmed);
          break;
        case ROLE_SKILLS:
          g_free (skills);
          skills = g_steal_pointer (&trimmed);
          break;
        case ROLE_UID:
          {
            char *uid = uid_key (trimmed);

            if (uid != NULL)
              {
                g_free (record.uid);
                record.uid = uid;
              }
          }
          break;
        case ROLE_TAGS:
          {
            g_auto(GStrv) more = parse_tags_cell (trimmed);
            GStrv both = union_tags ((const char * const *)tags, (const char * const *)more);

            g_strfreev (tags);
            tags = both;
          }
          break;
        case ROLE_ADDRESS:
        case ROLE_ADDRESS_PART:
          {
            const char *group = columns[i].label ? columns[i].label : "";
            guint k;

            for (k = 0; k < address_groups->len; k++)
              if (g_str_equal (address_groups->pdata[k], group))
                break;
            if (k == address_groups->len)
              {
                g_ptr_array_add (address_groups, g_strdup (group));
                g_ptr_array_add (address_texts, g_string_new (NULL));
              }
            /* The lines of an address become one line. */
            {
              g_autoptr(GString) one_line = g_string_new (trimmed);

              g_string_replace (one_line, "\r\n", "\n", 0);
              g_string_replace (one_line, "\n", ", ", 0);
              if (((GString *)address_texts->pdata[k])->len > 0)
                g_string_append (address_texts->pdata[k], ", ");
              g_string_append (address_texts->pdata[k], one_line->str);
            }
          }
          break;
        case ROLE_EMAIL:
        case ROLE_PHONE:
          {
            gboolean is_email = columns[i].role == ROLE_EMAIL;
            const char *pair = columns[i].pair > 0
                               ? pair_label (row, columns, n_columns, is_email ? ROLE_EMAIL_LABEL : ROLE_PHONE_LABEL,
                                             columns[i].pair)
                               : NULL;
            g_auto(GStrv) values = split_values (trimmed);
            /* Google pairs several labels with several values: "* Home ::: Work". */
            g_auto(GStrv) labels = pair ? split_values (pair) : g_strdupv ((char *[]) { (char *)columns[i].label, NULL });
            guint n_labels = g_strv_length (labels);

            for (guint v = 0; values[v]; v++)
              {
                gboolean primary = FALSE;
                g_autofree char *label = clean_label (n_labels > 0 ? labels[MIN (v, n_labels - 1)] : NULL, &primary);

                if (is_email && strchr (values[v], '@') == NULL)
                  {
                    g_autofree char *reason = g_strdup_printf (_("“%s” is not an e-mail address; it was left out"),
                                                               values[v]);
                    skip (import, line, reason);
                    continue;
                  }
                if (is_email && !has_point (record.emails, values[v], TRUE))
                  record_add_point (record.emails, label, values[v], primary);
                else if (!is_email && !has_point (record.phones, values[v], FALSE))
                  record_add_point (record.phones, label, values[v], primary);
              }
          }
          break;
        case ROLE_EMAIL_LABEL:
        case ROLE_PHONE_LABEL:
        case ROLE_IGNORE:
        default:
          break;
        }
    }

  record_set (&record.given, given->str);
  record_set (&record.family, family);
  record_set (&record.display, display);
  record_set (&record.title, title);
  record_set (&record.notes, notes->str);
  record_set (&record.skills, skills);
  g_strfreev (record.tags);
  record.tags = g_steal_pointer (&tags);
  /* The first address the row gives (Outlook's business one before home). */
  if (address_texts->len > 0)
    record_set (&record.address, ((GString *)address_texts->pdata[0])->str);

  ok = import_person (import, line, &record, organization, contact_type, error);
  record_clear (&record);
  return ok;
}

static void
index_person (Import   *import,
              gpointer  ref,
              Record   *record)
{
  /* Later rows of this file match this person too. */
  for (guint i = 0; i < record->emails->len; i++)
    g_hash_table_insert (import->people_by_email,
                         email_key (((CoalitionContactPoint *)record->emails->pdata[i])->value), ref);
  g_hash_table_insert (import->people_by_name, name_key (record->display), ref);
}

/* Notes that the row with @uid became the person @ref. The string lives in
 * people_by_uid as long as the import. */
static void
claim_uid (Import     *import,
           gpointer    ref,
           const char *uid)
{
  char *key;

  if (*uid == '\0' || g_hash_table_contains (import->uid_of, ref))
    return;
  key = g_strdup (uid);
  g_hash_table_insert (import->people_by_uid, key, ref);
  g_hash_table_insert (import->uid_of, ref, key);
}

/* Whether @incoming has the name of the person @ref, or an address of
 * theirs. */
static gboolean
still_the_same (Import *import,
                gpointer ref,
                Record *incoming)
{
  g_autofree char *full = full_name (incoming);
  g_autofree char *name = name_key (full);
  const char *known = NULL;
  g_autofree char *earlier_name = NULL;

  if (REF_IS_PENDING (ref))
    known = earlier_name = name_key (g_array_index (import->pending, Record, REF_PENDING_INDEX (ref)).display);
  else
    known = g_hash_table_lookup (import->name_of, ref);
  if (g_strcmp0 (known, name) == 0)
    return TRUE;

  for (guint i = 0; i < incoming->emails->len; i++)
    {
      g_autofree char *key = email_key (((CoalitionContactPoint *)incoming->emails->pdata[i])->value);

      if (g_hash_table_lookup (import->people_by_email, key) == ref)
        return TRUE;
    }
  return FALSE;
}

/* Whether a row with @uid may be the person @ref found by an address or a
 * name: not when @ref came from a row with another UID. Two records of a
 * Coalition export are two people, whatever they share (a couple's
 * address, an office's). */
static gboolean
may_be (Import     *import,
        gpointer    ref,
        const char *uid)
{
  const char *other = g_hash_table_lookup (import->uid_of, ref);

  return ref != NULL && (*uid == '\0' || other == NULL || g_str_equal (other, uid));
}

/* Merges @incoming into the person @id of the directory. */
static gboolean
merge_into_directory (Import   *import,
                      gint64    id,
                      Record   *incoming,
                      GError  **error)
{
  g_autoptr(CoalitionPerson) existing = coalition_store_get_person (import->store, id, error);
  Record record;
  gboolean ok = TRUE;

  if (existing == NULL)
    return FALSE;

  record_from_person (&record, existing);
  if (!merge_records (&record, incoming))
    import->summary->people_unchanged++;
  else
    {
      record_to_person (&record, existing);
      ok = coalition_store_update_person (import->store, existing, error);
      if (ok)
        {
          import->summary->people_merged++;
          record_set (&record.display, coalition_person_get_display_name (existing));
          index_person (import, (gpointer)(gintptr)id, &record);
        }
    }
  claim_uid (import, (gpointer)(gintptr)id, incoming->uid);

  record_clear (&record);
  return ok;
}

/* Resolves one record, from either a CSV row or a vCard, against the
 * directory and the rows before it: an organization, a new person, or a
 * merge. A new person is kept in import->pending (@incoming is emptied). */
static gboolean
import_person (Import           *import,
               guint             line,
               Record           *incoming,
               const char       *organization,
               const char       *contact_type,
               GError          **error)
{
  const char *given = incoming->given, *family = incoming->family, *display = incoming->display;
  gint64 organization_id = 0;
  gpointer existing = NULL;
  GPtrArray *emails = incoming->emails;

  /* CiviCRM lists organizations as contacts of their own. */
  if (g_ascii_strcasecmp (contact_type, "organization") == 0)
    {
      const char *name = *organization ? organization : display;

      if (*name == '\0')
        {
          skip (import, line, _("an organization without a name"));
          return TRUE;
        }
      return resolve_organization (import, name, error) >= 0;
    }
  if (g_ascii_strcasecmp (contact_type, "household") == 0)
    {
      skip (import, line, _("a household, not a person or organization"));
      return TRUE;
    }

  if (*given == '\0' && *family == '\0' && *display == '\0' && emails->len == 0)
    {
      if (*organization != '\0')
        return resolve_organization (import, organization, error) >= 0;

      skip (import, line, _("no name, e-mail address or organization"));
      return TRUE;
    }

  if (*organization != '\0')
    {
      organization_id = resolve_organization (import, organization, error);
      if (organization_id < 0)
        return FALSE;
    }
  incoming->organization_id = organization_id;

  /* The same person: the same UID (a Coalition export), else a shared
   * address, else, without any, the same name. */
  if (*incoming->uid != '\0')
    {
      existing = g_hash_table_lookup (import->people_by_uid, incoming->uid);
      /* A row copied in a spreadsheet and made into someone else keeps the
       * UID it was copied with: a second record of the file with that UID
       * that shares neither the name nor an address is someone new. */
      if (existing != NULL && g_hash_table_contains (import->uids_read, incoming->uid) &&
          !still_the_same (import, existing, incoming))
        {
          record_set (&incoming->uid, "");
          existing = NULL;
        }
      else
        g_hash_table_add (import->uids_read, g_strdup (incoming->uid));
    }
  for (guint i = 0; i < emails->len && existing == NULL; i++)
    {
      g_autofree char *key = email_key (((CoalitionContactPoint *)emails->pdata[i])->value);
      gpointer found = g_hash_table_lookup (import->people_by_email, key);

      if (may_be (import, found, incoming->uid))
        existing = found;
    }
  if (existing == NULL && emails->len == 0)
    {
      g_autofree char *full = full_name (incoming);
      g_autofree char *key = name_key (full);
      gpointer found = g_hash_table_lookup (import->people_by_name, key);

      if (may_be (import, found, incoming->uid))
        existing = found;
    }

  if (existing != NULL && !REF_IS_PENDING (existing))
    return merge_into_directory (import, (gint64)(gintptr)existing, incoming, error);

  if (existing != NULL)
    {
      Record *earlier = &g_array_index (import->pending, Record, REF_PENDING_INDEX (existing));

      claim_uid (import, existing, incoming->uid);
      if (*earlier->uid == '\0')
        record_set (&earlier->uid, incoming->uid);
      if (!merge_records (earlier, incoming))
        {
          import->summary->people_unchanged++;
          return TRUE;
        }
      import->summary->people_merged++;
      index_person (import, existing, earlier);
      return TRUE;
    }

  /* The name the directory will show. Mailchimp rows may hold an address
   * and nothing else. */
  {
    char *shown = coalition_store_make_display_name (given, family,
                                                     *display != '\0' || *given != '\0' || *family != '\0'
                                                     ? display
                                                     : ((CoalitionContactPoint *)emails->pdata[0])->value);

    g_free (incoming->display);
    incoming->display = shown;
  }
  incoming->line = line;
  g_array_append_val (import->pending, *incoming);
  memset (incoming, 0, sizeof *incoming);
  import->summary->people_added++;
  {
    Record *added = &g_array_index (import->pending, Record, import->pending->len - 1);

    index_person (import, PENDING_REF (import->pending->len - 1), added);
    claim_uid (import, PENDING_REF (import->pending->len - 1), added->uid);
  }

  return TRUE;
}

/* Writes the new people, with statements prepared once for all of them. */
static gboolean
write_pending (Import        *import,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree CoalitionStoreNewPerson *people = g_new0 (CoalitionStoreNewPerson, MAX (import->pending->len, 1));
  guint failed = 0;

  for (guint i = 0; i < import->pending->len; i++)
    {
      const Record *record = &g_array_index (import->pending, Record, i);

      people[i] = (CoalitionStoreNewPerson) {
        record->given, record->family, record->display, record->title, record->notes, record->address,
        record->skills, record->status, record->organization_id, (const char * const *)record->tags,
        record->emails, record->phones, *record->uid != '\0' ? record->uid : NULL,
      };
    }

  if (!coalition_store_insert_people (import->store, people, import->pending->len, NULL, &failed,
                                      cancellable, error))
    {
      if (failed < import->pending->len && error != NULL && *error != NULL &&
          !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_prefix_error (error, _("Line %u: "), g_array_index (import->pending, Record, failed).line);
      return FALSE;
    }

  return TRUE;
}

static void
skip_free (gpointer data)
{
  CoalitionImportSkip *skip = data;

  g_free (skip->reason);
  g_free (skip);
}

void
coalition_import_summary_free (CoalitionImportSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->layout);
  g_free (summary->encoding);
  g_clear_pointer (&summary->skipped, g_ptr_array_unref);
  g_free (summary);
}

static gboolean
load_indexes (Import   *import,
              GError  **error)
{
  g_autoptr(GPtrArray) organizations = coalition_store_list_organizations (import->store, error);

  if (organizations == NULL)
    return FALSE;

  for (guint i = 0; i < organizations->len; i++)
    g_hash_table_insert (import->organizations,
                         fold_key (coalition_organization_get_name (organizations->pdata[i])),
                         GSIZE_TO_POINTER (coalition_organization_get_id (organizations->pdata[i])));

  return coalition_store_index_people (import->store, import->people_by_email, import->people_by_name,
                                       import->people_by_uid, import->name_of, email_key, name_key, error);
}

/* Someone in the directory whose UID (as uid_key () makes it) a record of
 * the file names is that record's person, and no other record's: another
 * one sharing their address or name is someone else. */
static void
note_uid_in_directory (Import     *import,
                       const char *uid)
{
  char *key = NULL;
  gpointer id = NULL;

  if (uid != NULL && g_hash_table_lookup_extended (import->people_by_uid, uid, (gpointer *)&key, &id))
    g_hash_table_insert (import->uid_of, id, key);
}

static void
note_uids_in_directory (Import            *import,
                        CoalitionCsvTable *table,
                        const Column      *columns,
                        guint              n_columns,
                        GPtrArray         *cards)
{
  for (guint c = 0; table != NULL && c < n_columns; c++)
    if (columns[c].role == ROLE_UID)
      for (guint r = 1; r < table->rows->len; r++)
        {
          g_autofree char *uid = uid_key (cell (table->rows->pdata[r], c));

          note_uid_in_directory (import, uid);
        }

  for (guint i = 0; cards != NULL && i < cards->len; i++)
    {
      CoalitionVCard *card = g_ptr_array_index (cards, i);

      if (!card->organization)
        note_uid_in_directory (import, card->uid);
    }
}

/* Adds to @points those of @more it lacks; TRUE when it added any. The
 * first added is the main one when @points had none. */
static gboolean
add_missing_points (GPtrArray *points,
                    GPtrArray *more,
                    gboolean   email)
{
  gboolean had_primary = FALSE, added = FALSE;

  for (guint i = 0; i < points->len; i++)
    had_primary = had_primary || ((CoalitionContactPoint *)g_ptr_array_index (points, i))->primary;
  for (guint i = 0; i < more->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (more, i);

      if ((email && strchr (point->value, '@') == NULL) || has_point (points, point->value, email))
        continue;
      g_ptr_array_add (points, coalition_contact_point_new (point->label, point->value,
                                                           !had_primary && (point->primary || points->len == 0)));
      had_primary = had_primary || point->primary || points->len == 1;
      added = TRUE;
    }
  return added;
}

/* An organization's own card (KIND:org, as Coalition exports one): the
 * organization, found by name or added, gets what it lacks of the card's
 * e-mails, phones, address, website, notes and tags. */
static gboolean
import_organization_card (Import          *import,
                          CoalitionVCard  *card,
                          GError         **error)
{
  const char *name = card->organization_name && *card->organization_name ? card->organization_name
                                                                         : (card->formatted_name ? card->formatted_name : "");
  g_autoptr(CoalitionOrganization) organization = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  gboolean changed = FALSE;
  gint64 id;

  if (*trimmed == '\0')
    {
      skip (import, card->line, _("an organization without a name"));
      return TRUE;
    }
  id = resolve_organization (import, name, error);
  if (id <= 0)
    return id == 0;
  organization = coalition_store_get_organization (import->store, id, error);
  if (organization == NULL)
    return FALSE;

  changed |= add_missing_points (coalition_organization_get_emails (organization), card->emails, TRUE);
  changed |= add_missing_points (coalition_organization_get_phones (organization), card->phones, FALSE);
  if (*coalition_organization_get_address (organization) == '\0' && card->address && *card->address)
    coalition_organization_set_address (organization, card->address), changed = TRUE;
  if (*coalition_organization_get_website (organization) == '\0' && card->url && *card->url)
    coalition_organization_set_website (organization, card->url), changed = TRUE;
  if (*coalition_organization_get_notes (organization) == '\0' && card->note && *card->note)
    coalition_organization_set_notes (organization, card->note), changed = TRUE;
  if (card->categories != NULL)
    {
      g_auto(GStrv) tags = union_tags (coalition_organization_get_tags (organization),
                                       (const char * const *)card->categories);

      if (g_strv_length (tags) != g_strv_length ((GStrv)coalition_organization_get_tags (organization)))
        coalition_organization_set_tags (organization, (const char * const *)tags), changed = TRUE;
    }

  return !changed || coalition_store_update_organization (import->store, organization, error);
}

static gboolean
import_vcard (Import          *import,
              CoalitionVCard  *card,
              GError         **error)
{
  Record record;
  gboolean ok;

  record_init (&record);
  for (guint i = 0; i < card->emails->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (card->emails, i);

      if (strchr (point->value, '@') == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("“%s” is not an e-mail address; it was left out"),
                                                     point->value);
          skip (import, card->line, reason);
        }
      else if (!has_point (record.emails, point->value, TRUE))
        record_add_point (record.emails, point->label, point->value, point->primary);
    }
  for (guint i = 0; i < card->phones->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (card->phones, i);

      if (!has_point (record.phones, point->value, FALSE))
        record_add_point (record.phones, point->label, point->value, point->primary);
    }
  record_set (&record.title, card->title);
  record_set (&record.notes, card->note);
  record_set (&record.address, card->address);
  if (card->categories != NULL)
    {
      g_strfreev (record.tags);
      record.tags = coalition_tags_normalize ((const char * const *)card->categories);
    }

  if (card->organization)
    ok = import_organization_card (import, card, error);
  else
    {
      record_set (&record.given, card->given_name);
      record_set (&record.family, card->family_name);
      record_set (&record.display, card->formatted_name);
      if (card->uid != NULL)
        record_set (&record.uid, card->uid);
      ok = import_person (import, card->line, &record,
                          card->organization_name ? card->organization_name : "", "", error);
    }

  record_clear (&record);
  return ok;
}

/* What each field a person chooses in the column-mapping dialog means. */
static const Role field_roles[] = {
  [COALITION_IMPORT_FIELD_IGNORE] = ROLE_IGNORE,
  [COALITION_IMPORT_FIELD_GIVEN_NAME] = ROLE_GIVEN,
  [COALITION_IMPORT_FIELD_FAMILY_NAME] = ROLE_FAMILY,
  [COALITION_IMPORT_FIELD_FULL_NAME] = ROLE_DISPLAY,
  [COALITION_IMPORT_FIELD_ORGANIZATION] = ROLE_ORGANIZATION,
  [COALITION_IMPORT_FIELD_TITLE] = ROLE_TITLE,
  [COALITION_IMPORT_FIELD_EMAIL] = ROLE_EMAIL,
  [COALITION_IMPORT_FIELD_PHONE] = ROLE_PHONE,
  [COALITION_IMPORT_FIELD_ADDRESS] = ROLE_ADDRESS,
  [COALITION_IMPORT_FIELD_SKILLS] = ROLE_SKILLS,
  [COALITION_IMPORT_FIELD_TAGS] = ROLE_TAGS,
  [COALITION_IMPORT_FIELD_NOTES] = ROLE_NOTES,
  [COALITION_IMPORT_FIELD_STATUS] = ROLE_STATUS,
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_roles) == COALITION_IMPORT_FIELD_LAST + 1);

const char *
coalition_import_field_get_label (CoalitionImportField field)
{
  switch (field)
    {
    case COALITION_IMPORT_FIELD_IGNORE: return C_("import column", "Leave Out");
    case COALITION_IMPORT_FIELD_GIVEN_NAME: return C_("import column", "Given Name");
    case COALITION_IMPORT_FIELD_FAMILY_NAME: return C_("import column", "Family Name");
    case COALITION_IMPORT_FIELD_FULL_NAME: return C_("import column", "Full Name");
    case COALITION_IMPORT_FIELD_ORGANIZATION: return C_("import column", "Organization");
    case COALITION_IMPORT_FIELD_TITLE: return C_("import column", "Job Title");
    case COALITION_IMPORT_FIELD_EMAIL: return C_("import column", "E-mail");
    case COALITION_IMPORT_FIELD_PHONE: return C_("import column", "Phone");
    case COALITION_IMPORT_FIELD_ADDRESS: return C_("import column", "Address");
    case COALITION_IMPORT_FIELD_SKILLS: return C_("import column", "Skills");
    case COALITION_IMPORT_FIELD_TAGS: return C_("import column", "Tags");
    case COALITION_IMPORT_FIELD_NOTES: return C_("import column", "Notes");
    case COALITION_IMPORT_FIELD_STATUS: return C_("import column", "Status");
    default: g_return_val_if_reached (NULL);
    }
}

static CoalitionImportField
field_for_role (Role role)
{
  for (guint f = 0; f < G_N_ELEMENTS (field_roles); f++)
    if (field_roles[f] == role)
      return f;
  return COALITION_IMPORT_FIELD_IGNORE;
}

void
coalition_import_preview_free (CoalitionImportPreview *preview)
{
  if (preview == NULL)
    return;

  g_strfreev (preview->header);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_free (preview->guess);
  g_free (preview);
}

CoalitionImportPreview *
coalition_import_preview_data (const char  *data,
                               gsize        length,
                               guint        max_rows,
                               GError     **error)
{
  g_autoptr(CoalitionCsvTable) table = NULL;
  CoalitionImportPreview *preview;

  table = coalition_csv_parse (data, length, error);
  if (table == NULL)
    return NULL;

  preview = g_new0 (CoalitionImportPreview, 1);
  preview->header = g_strdupv (table->rows->pdata[0]);
  preview->n_columns = g_strv_length (preview->header);
  preview->guess = g_new0 (CoalitionImportField, preview->n_columns);
  for (guint i = 0; i < preview->n_columns; i++)
    preview->guess[i] = field_for_role (classify (preview->header[i]).role);
  preview->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  for (guint r = 1; r < table->rows->len && preview->rows->len < max_rows; r++)
    g_ptr_array_add (preview->rows, g_strdupv (table->rows->pdata[r]));

  return preview;
}

CoalitionImportPreview *
coalition_import_preview_file (const char  *path,
                               guint        max_rows,
                               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = g_malloc (64 * 1024);
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  const char *end;

  /* The first rows are enough: a large file is not read whole. */
  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, 64 * 1024, &length, NULL, &local_error))
    {
      g_set_error_literal (error, COALITION_IMPORT_ERROR, COALITION_IMPORT_ERROR_UNREADABLE, local_error->message);
      return NULL;
    }

  /* Cut at the last line break, so no row is read in part. */
  end = length == 64 * 1024 ? g_strrstr_len (buffer, length, "\n") : NULL;
  if (end != NULL)
    length = end - buffer + 1;

  return coalition_import_preview_data (buffer, length, max_rows, error);
}

static CoalitionImportSummary *
import_data (CoalitionStore              *store,
             const char                  *data,
             gsize                        length,
             const CoalitionImportField  *fields,
             guint                        n_fields,
             gboolean                     dry_run,
             GCancellable                *cancellable,
             GError                     **error);

CoalitionImportSummary *
coalition_import_data (CoalitionStore  *store,
                       const char      *data,
                       gsize            length,
                       gboolean         dry_run,
                       GCancellable    *cancellable,
                       GError         **error)
{
  return import_data (store, data, length, NULL, 0, dry_run, cancellable, error);
}

CoalitionImportSummary *
coalition_import_data_mapped (CoalitionStore              *store,
                              const char                  *data,
                              gsize                        length,
                              const CoalitionImportField  *fields,
                              guint                        n_fields,
                              gboolean                     dry_run,
                              GCancellable                *cancellable,
                              GError                     **error)
{
  g_return_val_if_fail (fields != NULL, NULL);
  return import_data (store, data, length, fields, n_fields, dry_run, cancellable, error);
}

static CoalitionImportSummary *
import_data (CoalitionStore              *store,
             const char                  *data,
             gsize                        length,
             const CoalitionImportField  *fields,
             guint                        n_fields,
             gboolean                     dry_run,
             GCancellable                *cancellable,
             GError                     **error)
{
  g_autoptr(CoalitionCsvTable) table = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(CoalitionImportSummary) summary = g_new0 (CoalitionImportSummary, 1);
  g_autoptr(GHashTable) by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) uid_of = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) uids_read = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) name_of = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) organizations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autofree Column *columns = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Record));
  Import import = { store, summary, by_email, by_name, by_uid, uid_of, uids_read, name_of, organizations, pending };
  const char *encoding = NULL;
  guint n_columns = 0, n_records;

  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);

  text = coalition_text_to_utf8 (data ? data : "", length, &encoding, error);
  if (text == NULL)
    return NULL;

  if (fields == NULL && coalition_vcard_sniff (text))
    {
      cards = coalition_vcard_parse (text, error);
      if (cards == NULL)
        return NULL;
      summary->layout = g_strdup (_("vCard"));
      n_records = cards->len;
    }
  else
    {
      gboolean readable = FALSE;
      GStrv header;

      table = coalition_csv_parse (data, length, error);
      if (table == NULL)
        return NULL;

      header = table->rows->pdata[0];
      n_columns = g_strv_length (header);
      columns = g_new0 (Column, n_columns);
      for (guint i = 0; i < n_columns; i++)
        {
          if (fields != NULL)
            {
              /* The person chose; a column beyond their choices is left out. */
              CoalitionImportField field = i < n_fields && fields[i] <= COALITION_IMPORT_FIELD_LAST
                                           ? fields[i] : COALITION_IMPORT_FIELD_IGNORE;

              columns[i] = (Column) { field_roles[field], 0, field == COALITION_IMPORT_FIELD_ADDRESS ? "" : NULL };
            }
          else
            columns[i] = classify (header[i]);
          if (columns[i].role == ROLE_GIVEN || columns[i].role == ROLE_FAMILY ||
              columns[i].role == ROLE_DISPLAY || columns[i].role == ROLE_EMAIL)
            readable = TRUE;
        }

      if (!readable)
        {
          g_set_error_literal (error, COALITION_IMPORT_ERROR, COALITION_IMPORT_ERROR_UNKNOWN_LAYOUT,
                               fields != NULL
                               ? _("Choose at least one column of names or e-mail addresses.")
                               : _("The columns of this file were not recognised. Its first row must name "
                                   "the columns, with at least one for names (such as “First Name” or "
                                   "“Name”) or e-mail addresses (such as “Email”)."));
          return NULL;
        }

      summary->layout = g_strdup (fields != NULL ? _("Columns as you chose them") : layout_name (header));
      n_records = table->rows->len - 1;
    }

  summary->encoding = g_strdup (encoding);
  summary->skipped = g_ptr_array_new_with_free_func (skip_free);
  summary->dry_run = dry_run;

  if (!coalition_store_begin_bulk_write (store, n_records, error))
    return NULL;

  if (!load_indexes (&import, &local_error))
    goto out;
  note_uids_in_directory (&import, table, columns, n_columns, cards);

  for (guint r = 0; r < n_records; r++)
    {
      guint line;
      gboolean ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        goto out;

      summary->rows++;
      if (cards != NULL)
        {
          CoalitionVCard *card = cards->pdata[r];

          line = card->line;
          ok = import_vcard (&import, card, &local_error);
        }
      else
        {
          line = g_array_index (table->line_numbers, guint, r + 1);
          ok = import_row (&import, table->rows->pdata[r + 1], line, columns, n_columns, &local_error);
        }

      if (!ok)
        {
          g_prefix_error (&local_error, _("Line %u: "), line);
          goto out;
        }
    }

  write_pending (&import, cancellable, &local_error);

out:
  for (guint i = 0; i < pending->len; i++)
    record_clear (&g_array_index (pending, Record, i));

  if (local_error != NULL || dry_run)
    {
      coalition_store_rollback (store);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_steal_pointer (&summary);
    }

  if (!coalition_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&summary);
}

CoalitionImportSummary *
coalition_import_file (CoalitionStore  *store,
                       const char      *path,
                       gboolean         dry_run,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error_literal (error, COALITION_IMPORT_ERROR, COALITION_IMPORT_ERROR_UNREADABLE,
                           local_error->message);
      return NULL;
    }

  return coalition_import_data (store, data, length, dry_run, cancellable, error);
}

CoalitionImportSummary *
coalition_import_file_mapped (CoalitionStore              *store,
                              const char                  *path,
                              const CoalitionImportField  *fields,
                              guint                        n_fields,
                              gboolean                     dry_run,
                              GCancellable                *cancellable,
                              GError                     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error_literal (error, COALITION_IMPORT_ERROR, COALITION_IMPORT_ERROR_UNREADABLE,
                           local_error->message);
      return NULL;
    }

  return coalition_import_data_mapped (store, data, length, fields, n_fields, dry_run, cancellable, error);
}
