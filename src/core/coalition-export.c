/* coalition-export.c — the directory written out for other programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coalition-campaigns.h"
#include "coalition-csv.h"
#include "coalition-export.h"

/* ---------------------------------------------------------------------- */
/* vCard */

/* TEXT values escape backslash, comma, semicolon and line breaks. */
static void
append_escaped (GString    *line,
                const char *value)
{
  for (const char *p = value; *p; p++)
    {
      switch (*p)
        {
        case '\\': g_string_append (line, "\\\\"); break;
        case ',': g_string_append (line, "\\,"); break;
        case ';': g_string_append (line, "\\;"); break;
        case '\n': g_string_append (line, "\\n"); break;
        case '\r': break;
        default: g_string_append_c (line, *p); break;
        }
    }
}

/* Ends a content line: folded so that no line passes 75 octets, never in
 * the middle of a UTF-8 character, and terminated by CRLF. */
static void
emit_line (GString *out,
           GString *line)
{
  const char *p = line->str;
  gsize budget = 75;

  while (*p)
    {
      const char *next = g_utf8_next_char (p);
      gsize char_len = next - p;

      if (char_len > budget)
        {
          g_string_append (out, "\r\n ");
          budget = 74;   /* the leading space counts */
        }
      g_string_append_len (out, p, char_len);
      budget -= char_len;
      p = next;
    }

  g_string_append (out, "\r\n");
  g_string_truncate (line, 0);
}

static void
emit_text (GString    *out,
           GString    *line,
           const char *name,
           const char *value)
{
  if (value == NULL || *value == '\0')
    return;

  g_string_append_printf (line, "%s:", name);
  append_escaped (line, value);
  emit_line (out, line);
}

static const char *
vcard_type (const char *label,
            gboolean    phone)
{
  g_autofree char *lower = g_ascii_strdown (label ? label : "", -1);

  if (g_str_equal (lower, "work") || g_str_equal (lower, "business"))
    return "work";
  if (g_str_equal (lower, "home"))
    return "home";
  if (phone && (g_str_equal (lower, "mobile") || g_str_equal (lower, "cell")))
    return "cell";

  return NULL;
}

static void
emit_points (GString   *out,
             GString   *line,
             GPtrArray *points,
             gboolean   phone,
             gboolean   version_4)
{
  for (guint i = 0; i < points->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (points, i);
      const char *type = vcard_type (point->label, phone);

      g_string_append (line, phone ? "TEL" : "EMAIL");
      if (version_4)
        {
          if (type != NULL)
            g_string_append_printf (line, ";TYPE=%s", type);
          if (point->primary)
            g_string_append (line, ";PREF=1");
        }
      else
        {
          g_string_append (line, phone ? ";TYPE=VOICE" : ";TYPE=INTERNET");
          if (type != NULL)
            g_string_append_printf (line, ",%s", type);
          if (point->primary)
            g_string_append (line, ",PREF");
        }
      g_string_append_c (line, ':');
      append_escaped (line, point->value);
      emit_line (out, line);
    }
}

/* The address as one line, in the street part of ADR: we keep it as people
 * write it, not in parts. */
static void
emit_address (GString    *out,
              GString    *line,
              const char *address)
{
  if (address == NULL || *address == '\0')
    return;

  g_string_append (line, "ADR:;;");
  append_escaped (line, address);
  g_string_append (line, ";;;;");
  emit_line (out, line);
}

static void
emit_categories (GString            *out,
                 GString            *line,
                 const char * const *tags)
{
  if (tags == NULL || tags[0] == NULL)
    return;

  g_string_append (line, "CATEGORIES:");
  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (line, ',');
      append_escaped (line, tags[i]);
    }
  emit_line (out, line);
}

static void
emit_vcard_person (GString         *out,
                   CoalitionPerson *person,
                   gboolean         version_4)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append (out, "BEGIN:VCARD\r\n");
  g_string_append (out, version_4 ? "VERSION:4.0\r\n" : "VERSION:3.0\r\n");
  if (version_4)
    g_string_append (out, "KIND:individual\r\n");
  g_string_append_printf (line, "UID:urn:uuid:%s", coalition_person_get_uid (person));
  emit_line (out, line);
  emit_text (out, line, "FN", coalition_person_get_display_name (person));

  g_string_append (line, "N:");
  append_escaped (line, coalition_person_get_family_name (person));
  g_string_append_c (line, ';');
  append_escaped (line, coalition_person_get_given_name (person));
  g_string_append (line, ";;;");
  emit_line (out, line);

  emit_text (out, line, "ORG", coalition_person_get_organization_name (person));
  emit_text (out, line, "TITLE", coalition_person_get_title (person));
  emit_points (out, line, coalition_person_get_emails (person), FALSE, version_4);
  emit_points (out, line, coalition_person_get_phones (person), TRUE, version_4);
  emit_text (out, line, "NOTE", coalition_person_get_notes (person));
  emit_address (out, line, coalition_person_get_address (person));
  emit_categories (out, line, coalition_person_get_tags (person));
  g_string_append (out, "END:VCARD\r\n");
}

static void
emit_vcard_organization (GString               *out,
                         CoalitionOrganization *organization,
                         gboolean               version_4)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append (out, "BEGIN:VCARD\r\n");
  g_string_append (out, version_4 ? "VERSION:4.0\r\nKIND:org\r\n" : "VERSION:3.0\r\n");
  g_string_append_printf (line, "UID:urn:uuid:%s", coalition_organization_get_uid (organization));
  emit_line (out, line);
  emit_text (out, line, "FN", coalition_organization_get_name (organization));
  if (!version_4)
    g_string_append (out, "N:;;;;\r\n");   /* required in 3.0, empty for an organization */
  emit_text (out, line, "ORG", coalition_organization_get_name (organization));
  emit_text (out, line, "URL", coalition_organization_get_website (organization));
  emit_points (out, line, coalition_organization_get_emails (organization), FALSE, version_4);
  emit_points (out, line, coalition_organization_get_phones (organization), TRUE, version_4);
  emit_text (out, line, "NOTE", coalition_organization_get_notes (organization));
  emit_address (out, line, coalition_organization_get_address (organization));
  emit_categories (out, line, coalition_organization_get_tags (organization));
  g_string_append (out, "END:VCARD\r\n");
}

/* ---------------------------------------------------------------------- */
/* CSV */

static char *
csv_label (const CoalitionContactPoint *point)
{
  return g_strconcat (point->primary ? "* " : "", point->label, NULL);
}

static void
add_points (GPtrArray *cells,
            GPtrArray *points,
            guint      n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      const CoalitionContactPoint *point = i < points->len ? g_ptr_array_index (points, i) : NULL;

      g_ptr_array_add (cells, point ? csv_label (point) : g_strdup (""));
      g_ptr_array_add (cells, g_strdup (point ? point->value : ""));
    }
}

/* ---------------------------------------------------------------------- */

GBytes *
coalition_export_members_to_bytes (CoalitionStore         *store,
                                   CoalitionExportFormat   format,
                                   guint                  *out_n_records,
                                   GError                **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint max_emails = 1, max_phones = 1, n_records = 0;

  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);

  ids = coalition_store_find_people (store, NULL, error);
  if (ids == NULL)
    return NULL;
  organizations = coalition_store_list_organizations (store, error);
  if (organizations == NULL)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      CoalitionPerson *person = coalition_store_get_person (store, g_array_index (ids, gint64, i), error);

      if (person == NULL)
        return NULL;
      g_ptr_array_add (people, person);
      max_emails = MAX (max_emails, coalition_person_get_emails (person)->len);
      max_phones = MAX (max_phones, coalition_person_get_phones (person)->len);
    }

  if (format == COALITION_EXPORT_CSV)
    {
      g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);

      for (const char * const *h = (const char * const[]) { "Name", "Given Name", "Family Name", "Organization",
                                                             "Job Title", "Status", NULL }; *h; h++)
        g_ptr_array_add (header, g_strdup (*h));
      for (guint i = 1; i <= max_emails; i++)
        {
          g_ptr_array_add (header, g_strdup_printf ("E-mail %u - Label", i));
          g_ptr_array_add (header, g_strdup_printf ("E-mail %u - Value", i));
        }
      for (guint i = 1; i <= max_phones; i++)
        {
          g_ptr_array_add (header, g_strdup_printf ("Phone %u - Label", i));
          g_ptr_array_add (header, g_strdup_printf ("Phone %u - Value", i));
        }
      g_ptr_array_add (header, g_strdup ("Notes"));
      g_ptr_array_add (header, g_strdup ("Address"));
      g_ptr_array_add (header, g_strdup ("Skills"));
      g_ptr_array_add (header, g_strdup ("Tags"));
      g_ptr_array_add (header, g_strdup ("UID"));
      g_ptr_array_add (header, NULL);
      /* A BOM, so that Excel on Windows reads UTF-8 as UTF-8. */
      g_string_append (out, "\xEF\xBB\xBF");
      coalition_csv_append_row (out, (const char * const *)header->pdata);
    }

  for (guint i = 0; i < people->len; i++)
    {
      CoalitionPerson *person = people->pdata[i];

      if (format == COALITION_EXPORT_CSV)
        {
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
          const char *organization = coalition_person_get_organization_name (person);

          g_ptr_array_add (cells, g_strdup (coalition_person_get_display_name (person)));
          g_ptr_array_add (cells, g_strdup (coalition_person_get_given_name (person)));
          g_ptr_array_add (cells, g_strdup (coalition_person_get_family_name (person)));
          g_ptr_array_add (cells, g_strdup (organization ? organization : ""));
          g_ptr_array_add (cells, g_strdup (coalition_person_get_title (person)));
          g_ptr_array_add (cells, g_strdup (coalition_status_to_string (coalition_person_get_status (person))));
          add_points (cells, coalition_person_get_emails (person), max_emails);
          add_points (cells, coalition_person_get_phones (person), max_phones);
          g_ptr_array_add (cells, g_strdup (coalition_person_get_notes (person)));
          g_ptr_array_add (cells, g_strdup (coalition_person_get_address (person)));
          g_ptr_array_add (cells, g_strdup (coalition_person_get_skills (person)));
          g_ptr_array_add (cells, g_strjoinv (" ::: ", (char **)coalition_person_get_tags (person)));
          g_ptr_array_add (cells, g_strdup (coalition_person_get_uid (person)));
          g_ptr_array_add (cells, NULL);
          coalition_csv_append_row (out, (const char * const *)cells->pdata);
        }
      else
        emit_vcard_person (out, person, format == COALITION_EXPORT_VCARD_4);
      n_records++;
    }

  /* In vCard every organization is a card of its own. In CSV those with
   * people are in their people's rows, and the others get rows of their
   * own so that nothing is lost. */
  for (guint i = 0; i < organizations->len; i++)
    {
      CoalitionOrganization *organization = organizations->pdata[i];

      if (format == COALITION_EXPORT_CSV)
        {
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
          guint n_cells = 6 + 2 * max_emails + 2 * max_phones + 5;

          if (coalition_organization_get_n_people (organization) > 0)
            continue;
          for (guint c = 0; c < n_cells; c++)
            g_ptr_array_add (cells, g_strdup (""));
          g_free (cells->pdata[3]);
          cells->pdata[3] = g_strdup (coalition_organization_get_name (organization));
          g_free (cells->pdata[n_cells - 1]);
          cells->pdata[n_cells - 1] = g_strdup (coalition_organization_get_uid (organization));
          g_ptr_array_add (cells, NULL);
          coalition_csv_append_row (out, (const char * const *)cells->pdata);
        }
      else
        emit_vcard_organization (out, organization, format == COALITION_EXPORT_VCARD_4);
      n_records++;
    }

  if (out_n_records != NULL)
    *out_n_records = n_records;

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

static int
write_all (int         fd,
           const char *data,
           gsize       length)
{
  gsize written = 0;

  while (written < length)
    {
      gssize n = write (fd, data + written, length - written);

      if (n >= 0)
        written += n;
      else if (errno != EINTR)
        return errno;
    }

  return 0;
}

#define TEMPORARY_PREFIX ".coalition-"
#define STALE_AFTER_SECONDS (60 * 60)

guint
coalition_export_remove_stale_temporaries (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint removed = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      gsize length = strlen (name);
      GStatBuf st;

      /* Exactly what g_mkstemp () makes of ".coalition-XXXXXX", and the
       * rollback journal SQLite keeps beside a copy of the database. */
      if (!g_str_has_prefix (name, TEMPORARY_PREFIX) ||
          !(length == strlen (TEMPORARY_PREFIX) + 6 ||
            (length == strlen (TEMPORARY_PREFIX) + 6 + strlen ("-journal") && g_str_has_suffix (name, "-journal"))))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != getuid () ||
          now - (gint64)st.st_mtime < STALE_AFTER_SECONDS)
        continue;
      if (g_unlink (path) == 0)
        removed++;
    }
  return removed;
}

/* Written to a hidden file beside the target, flushed to the disk and
 * renamed over it: a full disk, a size limit or a crash leaves the old file
 * (or none), never part of the new one. The file is private (0600): exports
 * carry people's contact details. GIO's replace is not used because it
 * writes a new file in place, so a failure there left half a file. A
 * device or a pipe (/dev/stdout) is written as it is, errors reported. */
gboolean
coalition_export_write_file (const char  *path,
                             const char  *data,
                             gsize        length,
                             GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *temporary = NULL;
  g_autofree char *name = NULL;
  GStatBuf st;
  int saved_errno = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (g_stat (path, &st) == 0 && S_ISDIR (st.st_mode))
    saved_errno = EISDIR;
  else if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    {
      fd = g_open (path, O_WRONLY | O_CLOEXEC, 0);
      if (fd < 0)
        saved_errno = errno;
      else
        {
          saved_errno = write_all (fd, data, length);
          if (close (fd) != 0 && saved_errno == 0)
            saved_errno = errno;
        }
    }
  else
    {
      dir = g_path_get_dirname (path);
      coalition_export_remove_stale_temporaries (dir);
      temporary = g_build_filename (dir, TEMPORARY_PREFIX "XXXXXX", NULL);
      fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
      if (fd < 0)
        saved_errno = errno;
      else
        {
          saved_errno = write_all (fd, data, length);
          if (saved_errno == 0 && fsync (fd) != 0)
            saved_errno = errno;
          if (close (fd) != 0 && saved_errno == 0)
            saved_errno = errno;
          if (saved_errno == 0 && g_rename (temporary, path) != 0)
            saved_errno = errno;
          if (saved_errno != 0)
            g_unlink (temporary);
        }
    }

  if (saved_errno == 0)
    return TRUE;

  name = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("“%s” could not be written: %s"), name,
               g_strerror (saved_errno));
  return FALSE;
}

gboolean
coalition_export_signatories_csv (CoalitionStore  *store,
                                  gint64           letter_id,
                                  const char      *path,
                                  GError         **error)
{
  g_autoptr(CoalitionLetter) letter = NULL;
  g_autoptr(GPtrArray) signatories = NULL;
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");   /* so that Excel reads UTF-8 as UTF-8 */

  g_return_val_if_fail (COALITION_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  letter = coalition_store_get_letter (store, letter_id, error);
  if (letter == NULL)
    return FALSE;
  signatories = coalition_store_list_signatories (store, letter_id, error);
  if (signatories == NULL)
    return FALSE;

  coalition_csv_append_row (out, (const char * const[]) { "Organization", "Signed by", "Person", "Signed on", NULL });
  for (guint i = 0; i < signatories->len; i++)
    {
      const CoalitionSignatory *signatory = signatories->pdata[i];
      gboolean organization = signatory->organization_id > 0;
      const char *cells[] = {
        organization ? signatory->name : "",
        organization && signatory->signed_by ? signatory->signed_by : "",
        organization ? "" : signatory->name,
        signatory->signed_on ? signatory->signed_on : "",
        NULL,
      };

      coalition_csv_append_row (out, cells);
    }

  return coalition_export_write_file (path, out->str, out->len, error);
}

gboolean
coalition_export_members (CoalitionStore         *store,
                          CoalitionExportFormat   format,
                          const char             *path,
                          guint                  *out_n_records,
                          GError                **error)
{
  g_autoptr(GBytes) bytes = coalition_export_members_to_bytes (store, format, out_n_records, error);

  if (bytes == NULL)
    return FALSE;

  return coalition_export_write_file (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}
