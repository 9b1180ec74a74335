/* coalition-vcard.c — reading vCard 2.1, 3.0 and 4.0 files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "coalition-vcard.h"

G_DEFINE_QUARK (coalition-vcard-error-quark, coalition_vcard_error)

void
coalition_vcard_free (CoalitionVCard *card)
{
  if (card == NULL)
    return;

  g_free (card->formatted_name);
  g_free (card->given_name);
  g_free (card->family_name);
  g_free (card->organization_name);
  g_free (card->title);
  g_free (card->note);
  g_free (card->address);
  g_strfreev (card->categories);
  g_clear_pointer (&card->emails, g_ptr_array_unref);
  g_clear_pointer (&card->phones, g_ptr_array_unref);
  g_free (card->url);
  g_free (card->uid);
  g_free (card);
}

static void
take_str (char **field,
          char  *value)
{
  g_free (*field);
  *field = value;
}

gboolean
coalition_vcard_sniff (const char *text)
{
  while (g_ascii_isspace (*text))
    text++;

  return g_ascii_strncasecmp (text, "BEGIN:VCARD", 11) == 0;
}

/* Splits a structured value at unescaped semicolons and unescapes each part. */
static GStrv
split_components (const char *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) part = g_string_new (NULL);

  for (const char *p = value; ; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (part, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else if (*p == ';' || *p == '\0')
        {
          g_strv_builder_add (builder, part->str);
          g_string_truncate (part, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (part, *p);
    }

  return g_strv_builder_end (builder);
}

static char *
unescape (const char *value)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (out, (*p == 'n' || *p == 'N') ? '\n' : *p);
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* vCard 2.1 writes non-ASCII text as quoted-printable. */
static char *
decode_quoted_printable (const char *value)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '=' && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
        {
          g_string_append_c (out, (char)(g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2])));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }

  if (!g_utf8_validate (out->str, out->len, NULL))
    return g_convert (out->str, out->len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The TYPE words of a property, lower case: "work", "home", "cell", "pref". */
static void
read_types (const char *params,
            char      **out_label,
            gboolean   *out_primary)
{
  g_auto(GStrv) parts = g_strsplit (params, ";", -1);

  *out_primary = FALSE;
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *lower = g_ascii_strdown (parts[i], -1);
      const char *values = lower;
      g_auto(GStrv) words = NULL;

      if (g_str_has_prefix (lower, "pref="))
        {
          *out_primary = TRUE;
          continue;
        }
      if (g_str_has_prefix (lower, "type="))
        values = lower + 5;
      else if (strchr (lower, '=') != NULL)
        continue;

      words = g_strsplit_set (values, ",\"", -1);
      for (guint w = 0; words[w]; w++)
        {
          if (g_str_equal (words[w], "pref"))
            *out_primary = TRUE;
          else if (*out_label == NULL &&
                   (g_str_equal (words[w], "work") || g_str_equal (words[w], "home") ||
                    g_str_equal (words[w], "cell") || g_str_equal (words[w], "other")))
            *out_label = g_strdup (g_str_equal (words[w], "cell") ? "mobile" : words[w]);
        }
    }
}

GPtrArray *
coalition_vcard_parse (const char  *text,
                       GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_vcard_free);
  g_autoptr(GString) unfolded = g_string_new (NULL);
  g_autoptr(GArray) line_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) lines = NULL;
  CoalitionVCard *card = NULL;
  guint source_line = 1;

  /* Unfold: a line break followed by a space or tab continues the line. */
  for (const char *p = text; *p; p++)
    {
      if ((*p == '\r' || *p == '\n'))
        {
          const char *after = p + ((*p == '\r' && p[1] == '\n') ? 2 : 1);

          if (*after == ' ' || *after == '\t')
            {
              p = after;   /* drops the break and the one white space */
              source_line++;
              continue;
            }
          g_string_append_c (unfolded, '\n');
          g_array_append_val (line_numbers, source_line);
          source_line++;
          p = after - 1;
          continue;
        }
      g_string_append_c (unfolded, *p);
    }
  g_array_append_val (line_numbers, source_line);

  lines = g_strsplit (unfolded->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      guint number = i < line_numbers->len ? g_array_index (line_numbers, guint, i) : source_line;
      char *colon, *name, *params, *value, *dot;
      gboolean quoted_printable;
      g_autofree char *decoded = NULL;

      if (*line == '\0')
        continue;

      colon = strchr (line, ':');
      if (colon == NULL)
        {
          if (card != NULL)
            continue;   /* tolerate junk inside a card, as address books do */
          g_set_error (error, COALITION_VCARD_ERROR, COALITION_VCARD_ERROR_MALFORMED,
                       _("Line %u is not part of any vCard. The file seems damaged; export it again."), number);
          return NULL;
        }
      *colon = '\0';
      value = colon + 1;
      name = line;
      dot = strchr (name, '.');
      if (dot != NULL && (strchr (name, ';') == NULL || dot < strchr (name, ';')))
        name = dot + 1;   /* a group prefix such as item1.EMAIL */
      params = strchr (name, ';');
      if (params != NULL)
        *params++ = '\0';
      else
        params = (char *)"";

      quoted_printable = strstr (params, "QUOTED-PRINTABLE") != NULL || strstr (params, "quoted-printable") != NULL;
      if (quoted_printable)
        value = decoded = decode_quoted_printable (value);
      if (value == NULL)
        continue;

      if (g_ascii_strcasecmp (name, "BEGIN") == 0 && g_ascii_strcasecmp (value, "VCARD") == 0)
        {
          if (card != NULL)
            {
              g_set_error (error, COALITION_VCARD_ERROR, COALITION_VCARD_ERROR_MALFORMED,
                           _("The vCard that starts on line %u never ends. The file seems cut short; "
                             "export it again."), card->line);
              coalition_vcard_free (card);
              return NULL;
            }
          card = g_new0 (CoalitionVCard, 1);
          card->line = number;
          card->emails = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_contact_point_free);
          card->phones = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_contact_point_free);
          continue;
        }

      if (card == NULL)
        {
          g_set_error (error, COALITION_VCARD_ERROR, COALITION_VCARD_ERROR_MALFORMED,
                       _("Line %u is not part of any vCard. The file seems damaged; export it again."), number);
          return NULL;
        }

      if (g_ascii_strcasecmp (name, "END") == 0)
        {
          g_ptr_array_add (cards, card);
          card = NULL;
        }
      else if (g_ascii_strcasecmp (name, "FN") == 0)
        take_str (&card->formatted_name, unescape (value));
      else if (g_ascii_strcasecmp (name, "N") == 0)
        {
          g_auto(GStrv) parts = split_components (value);
          guint n = g_strv_length (parts);

          g_free (card->family_name);
          card->family_name = g_strdup (n > 0 ? parts[0] : "");
          g_free (card->given_name);
          if (n > 2 && parts[2][0] != '\0')
            card->given_name = g_strjoin (" ", parts[1], parts[2], NULL);
          else
            card->given_name = g_strdup (n > 1 ? parts[1] : "");
        }
      else if (g_ascii_strcasecmp (name, "ORG") == 0)
        {
          g_auto(GStrv) parts = split_components (value);
          g_free (card->organization_name);
          card->organization_name = g_strdup (parts[0] ? parts[0] : "");
        }
      else if (g_ascii_strcasecmp (name, "TITLE") == 0)
        take_str (&card->title, unescape (value));
      else if (g_ascii_strcasecmp (name, "NOTE") == 0)
        take_str (&card->note, unescape (value));
      else if (g_ascii_strcasecmp (name, "ADR") == 0 && card->address == NULL)
        {
          /* post office box; extended; street; locality; region; code; country */
          g_auto(GStrv) parts = split_components (value);
          g_autoptr(GString) address = g_string_new (NULL);

          for (guint k = 0; parts[k] != NULL; k++)
            {
              g_autoptr(GString) one_line = g_string_new (g_strstrip (parts[k]));

              g_string_replace (one_line, "\n", ", ", 0);
              if (one_line->len == 0)
                continue;
              if (address->len > 0)
                g_string_append (address, ", ");
              g_string_append (address, one_line->str);
            }
          card->address = g_string_free (g_steal_pointer (&address), FALSE);
        }
      else if (g_ascii_strcasecmp (name, "CATEGORIES") == 0)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_autoptr(GString) part = g_string_new (NULL);

          /* Split at unescaped commas. */
          for (const char *p = value; ; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                g_string_append_c (part, *++p);
              else if (*p == ',' || *p == '\0')
                {
                  g_strv_builder_add (builder, part->str);
                  g_string_truncate (part, 0);
                  if (*p == '\0')
                    break;
                }
              else
                g_string_append_c (part, *p);
            }
          g_strfreev (card->categories);
          card->categories = g_strv_builder_end (builder);
        }
      else if (g_ascii_strcasecmp (name, "KIND") == 0 || g_ascii_strcasecmp (name, "X-ADDRESSBOOKSERVER-KIND") == 0)
        card->organization = g_ascii_strcasecmp (value, "org") == 0 || g_ascii_strcasecmp (value, "organization") == 0;
      else if (g_ascii_strcasecmp (name, "URL") == 0)
        {
          if (card->url == NULL)
            card->url = g_strstrip (unescape (value));
        }
      else if (g_ascii_strcasecmp (name, "UID") == 0)
        {
          g_autofree char *text_value = g_strstrip (unescape (value));
          const char *uuid = g_ascii_strncasecmp (text_value, "urn:uuid:", 9) == 0 ? text_value + 9 : text_value;

          g_clear_pointer (&card->uid, g_free);
          if (g_uuid_string_is_valid (uuid))
            card->uid = g_ascii_strdown (uuid, -1);
        }
      else if (g_ascii_strcasecmp (name, "X-ABShowAs") == 0)
        card->organization = g_ascii_strcasecmp (value, "COMPANY") == 0;
      else if (g_ascii_strcasecmp (name, "EMAIL") == 0 || g_ascii_strcasecmp (name, "TEL") == 0)
        {
          g_autofree char *label = NULL;
          g_autofree char *text_value = unescape (value);
          gboolean primary = FALSE;
          const char *number_value = text_value;

          read_types (params, &label, &primary);
          if (g_str_has_prefix (number_value, "tel:"))
            number_value += 4;   /* vCard 4.0 may write TEL as a URI */
          g_strstrip (text_value);
          if (*number_value != '\0')
            g_ptr_array_add (g_ascii_strcasecmp (name, "EMAIL") == 0 ? card->emails : card->phones,
                             coalition_contact_point_new (label, number_value, primary));
        }
    }

  if (card != NULL)
    {
      g_set_error (error, COALITION_VCARD_ERROR, COALITION_VCARD_ERROR_MALFORMED,
                   _("The vCard that starts on line %u never ends. The file seems cut short; "
                     "export it again."), card->line);
      coalition_vcard_free (card);
      return NULL;
    }

  if (cards->len == 0)
    {
      g_set_error_literal (error, COALITION_VCARD_ERROR, COALITION_VCARD_ERROR_EMPTY,
                           _("The file holds no vCards."));
      return NULL;
    }

  return g_steal_pointer (&cards);
}
