/* coalition-campaigns-page.c — the Campaigns page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The campaigns beside the campaign shown: its core objectives, its
 * progress at a glance, its power maps, its goals with their benchmarks,
 * its wins and its sign-on letters; a letter opens on its text, its
 * signatories and the ask. Every change goes to the store at once, and the
 * page follows the store's "campaign-changed": it rebuilds from a zero
 * timeout, so that a row is never rebuilt from inside its own signal.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "coalition-widgets.h"
#include "coalition-window.h"
#include "coalition-campaigns.h"
#include "coalition-core.h"
#include "coalition-print.h"
#include "coalition-update.h"
#include "coalition-campaigns-page.h"

#define MAX_MATCHES 20
#define MAX_MEMBERS 100

enum { ROWS_MAPS, ROWS_SHORT, ROWS_LONG, ROWS_WINS, ROWS_LETTERS, ROWS_SIGNATORIES, ROWS_ASK, N_ROWS };
enum { GLANCE_MET, GLANCE_DUE_SOON, GLANCE_OVERDUE, GLANCE_WINS, N_GLANCE };

struct _CoalitionCampaignsPage
{
  GtkWidget            parent_instance;

  CoalitionStore      *store;
  gint64               campaign_id;
  gint64               letter_id;     /* the letter open, 0 for the campaign */
  gint64               text_letter_id; /* the letter whose text the view holds */
  GArray              *campaign_ids;  /* in the list's order */
  GPtrArray           *goals;         /* CoalitionGoal of the campaign shown */
  GPtrArray           *benchmarks;    /* CoalitionBenchmark of all its goals */
  GPtrArray           *wins;          /* CoalitionWin */
  GPtrArray           *letters;       /* CoalitionLetter */
  CoalitionLetter     *letter;        /* the letter open */
  GPtrArray           *ask_addresses; /* char *: e-mail addresses of those not signed */
  GHashTable          *expanded;      /* gint64 goal ids shown with their benchmarks */
  GHashTable          *seen_goals;    /* gint64 goal ids shown before, open or not */
  guint                reload_id;
  gboolean             updating;

  AdwLeaflet          *leaflet;
  GtkListBox          *campaign_list;
  GtkStack            *content;       /* "empty", "none", "campaign", "letter" */

  /* The campaign */
  GtkLabel            *name_label;
  AdwEntryRow         *name_row;
  AdwEntryRow         *objective_rows[3];
  GtkLabel            *glance_numbers[N_GLANCE];
  GtkLevelBar         *glance_bar;
  GtkMenuButton       *link_button;
  GMenu               *link_menu;
  AdwPreferencesGroup *groups[N_ROWS];
  GPtrArray           *rows[N_ROWS];

  /* The letter */
  GtkLabel            *letter_label;
  AdwEntryRow         *letter_title_row;
  AdwActionRow        *addressee_row;
  GtkMenuButton       *addressee_button;
  GtkWidget           *addressee_picker;
  AdwEntryRow         *deadline_row;
  AdwComboRow         *letter_status_row;
  GtkTextView         *letter_text;
};

G_DEFINE_FINAL_TYPE (CoalitionCampaignsPage, coalition_campaigns_page, GTK_TYPE_WIDGET)

enum {
  TOAST,
  SHOW_MAP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (CoalitionCampaignsPage *self);

static void
toast (CoalitionCampaignsPage *self,
       const char             *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static void
toast_error (CoalitionCampaignsPage *self,
             GError                 *error)
{
  if (error != NULL)
    toast (self, error->message);
}

static GtkWindow *
parent_window (CoalitionCampaignsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
reload_cb (gpointer data)
{
  CoalitionCampaignsPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
reload_later (CoalitionCampaignsPage *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (0, reload_cb, self);
}

static void
store_changed_cb (CoalitionCampaignsPage *self)
{
  reload_later (self);
}

/* ---------------------------------------------------------------------- */
/* Small helpers */

static void
set_id (gpointer    object,
        const char *key,
        gint64      id)
{
  g_object_set_data_full (G_OBJECT (object), key, g_memdup2 (&id, sizeof id), g_free);
}

static gint64
get_id (gpointer    object,
        const char *key)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), key);

  return id ? *id : 0;
}

static GDateTime *
parse_day (const char *iso)
{
  int year, month, day;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return NULL;
  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = parse_day (iso);

  if (date == NULL)
    return g_strdup (iso ? iso : "");
  /* Translators: a due date or the date of a win, "3 March 2026"; see g_date_time_format() */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* "15 Jan", with the year when it is not this one. */
static char *
format_short_date (const char *iso)
{
  g_autoptr(GDateTime) date = parse_day (iso);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (date == NULL)
    return g_strdup (iso ? iso : "");
  if (g_date_time_get_year (date) == g_date_time_get_year (now))
    /* Translators: a deadline this year, "15 Jan"; see g_date_time_format() */
    return g_date_time_format (date, _("%-d %b"));
  /* Translators: a deadline in another year, "15 Jan 2027"; see g_date_time_format() */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static char *
trimmed_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

/* Whether the keyboard focus is in @widget: what someone is typing there
 * is not replaced when the page reloads. */
static gboolean
has_focus_within (gpointer widget)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (widget));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, GTK_WIDGET (widget)));
}

static void
set_entry_text (gpointer    row,
                const char *text)
{
  if (!has_focus_within (row) && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
clear_rows (CoalitionCampaignsPage *self,
            guint                   which)
{
  for (guint i = 0; i < self->rows[which]->len; i++)
    adw_preferences_group_remove (self->groups[which], self->rows[which]->pdata[i]);
  g_ptr_array_set_size (self->rows[which], 0);
}

static void
add_row (CoalitionCampaignsPage *self,
         guint                   which,
         GtkWidget              *row)
{
  adw_preferences_group_add (self->groups[which], row);
  g_ptr_array_add (self->rows[which], row);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* What a group holds when it holds nothing yet. */
static GtkWidget *
placeholder_row (const char *title,
                 const char *subtitle)
{
  GtkWidget *row = text_row (title, subtitle);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
badge (const char *text,
       const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

/* An icon button says in words what it does, to the eye and to screen
 * readers. */
static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label ? accessible_label : tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static GtkWidget *
labelled_button (const char *icon,
                 const char *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return button;
}

static AdwComboRow *
combo_row (const char         *title,
           const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  return ADW_COMBO_ROW (row);
}

static AdwComboRow *
benchmark_status_row (void)
{
  const char *statuses[COALITION_BENCHMARK_STATUS_LAST + 2] = { NULL };

  for (int s = 0; s <= COALITION_BENCHMARK_STATUS_LAST; s++)
    statuses[s] = coalition_benchmark_status_get_label (s);
  return combo_row (_("Status"), statuses);
}

static const char *
status_style (CoalitionBenchmarkStatus status)
{
  switch (status)
    {
    case COALITION_BENCHMARK_MET:
      return "success";
    case COALITION_BENCHMARK_MISSED:
      return "error";
    case COALITION_BENCHMARK_AT_RISK:
      return "warning";
    case COALITION_BENCHMARK_ON_TRACK:
      return "accent";
    case COALITION_BENCHMARK_NOT_STARTED:
    default:
      return "dim-label";
    }
}

static CoalitionBenchmark *
benchmark_copy (const CoalitionBenchmark *benchmark)
{
  CoalitionBenchmark *copy = coalition_benchmark_new (benchmark->title, benchmark->due);

  copy->id = benchmark->id;
  copy->goal_id = benchmark->goal_id;
  copy->status = benchmark->status;
  copy->owner_person_id = benchmark->owner_person_id;
  copy->owner_group_id = benchmark->owner_group_id;
  g_free (copy->owner_name);
  copy->owner_name = g_strdup (benchmark->owner_name);
  return copy;
}

/* ---------------------------------------------------------------------- */
/* Forms: a message dialog with rows, whose main response stays disabled
 * until the required fields are filled and the dates are real dates */

typedef enum
{
  FIELD_REQUIRED = 1 << 0,
  FIELD_DATE     = 1 << 1,
} FieldRule;

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  return list;
}

static void
check_form (AdwMessageDialog *dialog)
{
  GPtrArray *fields = g_object_get_data (G_OBJECT (dialog), "fields");
  gboolean ok = !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "missing-choice"));

  for (guint i = 0; fields != NULL && i < fields->len; i++)
    {
      GtkWidget *field = fields->pdata[i];
      FieldRule rule = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (field), "rule"));
      g_autofree char *text = trimmed_text (field);
      g_autofree char *date = NULL;
      gboolean valid = TRUE;

      if (*text == '\0')
        valid = !(rule & FIELD_REQUIRED);
      else if (rule & FIELD_DATE)
        valid = (date = coalition_date_normalize (text)) != NULL;
      /* An empty field is not an error yet, only an unfinished one. */
      if (valid || *text == '\0')
        gtk_widget_remove_css_class (field, "error");
      else
        gtk_widget_add_css_class (field, "error");
      ok = ok && valid;
    }
  adw_message_dialog_set_response_enabled (dialog, "save", ok);
}

static GtkEditable *
form_entry (AdwMessageDialog *dialog,
            GtkWidget        *list,
            const char       *title,
            const char       *text,
            FieldRule         rule)
{
  GtkWidget *row = adw_entry_row_new ();
  GPtrArray *fields = g_object_get_data (G_OBJECT (dialog), "fields");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  if (rule != 0)
    {
      if (fields == NULL)
        {
          fields = g_ptr_array_new ();
          g_object_set_data_full (G_OBJECT (dialog), "fields", fields, (GDestroyNotify)g_ptr_array_unref);
        }
      g_object_set_data (G_OBJECT (row), "rule", GINT_TO_POINTER (rule));
      g_ptr_array_add (fields, row);
      g_signal_connect_object (row, "changed", G_CALLBACK (check_form), dialog, G_CONNECT_SWAPPED);
    }
  return GTK_EDITABLE (row);
}

static AdwMessageDialog *
form_dialog (CoalitionCampaignsPage *self,
             const char             *heading,
             const char             *body)
{
  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));
}

static void
form_responses (AdwMessageDialog *dialog,
                const char       *save_label,
                gboolean          can_delete)
{
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (can_delete)
    {
      adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "save", save_label);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  check_form (dialog);
}

/* Reads a date field: "" when empty, NULL when not a date. */
static char *
form_date (GtkEditable *field)
{
  g_autofree char *text = trimmed_text (field);

  return *text == '\0' ? g_strdup ("") : coalition_date_normalize (text);
}

/* ---------------------------------------------------------------------- */
/* Choosing from the directory: a search entry over people, organizations
 * or working groups; activating a result chooses it */

typedef enum
{
  PICK_NONE         = 0,
  PICK_PERSON       = 1 << 0,
  PICK_ORGANIZATION = 1 << 1,
  PICK_GROUP        = 1 << 2,
} PickKind;

typedef void (*PickedFunc) (gpointer    data,
                            PickKind    kind,
                            gint64      id,
                            const char *name);

typedef struct
{
  CoalitionStore *store;
  guint           kinds;
  char           *none_label;
  GtkListBox     *results;
  PickedFunc      func;
  gpointer        data;
  GHashTable     *taken;   /* "o<id>" and "p<id>" that cannot be chosen again, or NULL */
} Picker;

static void
picker_free (Picker *picker)
{
  g_clear_weak_pointer (&picker->store);
  g_clear_pointer (&picker->taken, g_hash_table_unref);
  g_free (picker->none_label);
  g_free (picker);
}

static void
picker_add (Picker     *picker,
            PickKind    kind,
            gint64      id,
            const char *name,
            const char *subtitle)
{
  g_autofree char *key = g_strdup_printf ("%c%" G_GINT64_FORMAT, kind == PICK_PERSON ? 'p' : 'o', id);
  gboolean taken = picker->taken != NULL && g_hash_table_contains (picker->taken, key);
  GtkWidget *row = text_row (name, taken ? _("Signed already") : subtitle);
  const char *icon = kind == PICK_PERSON ? "avatar-default-symbolic"
                     : kind == PICK_NONE ? "action-unavailable-symbolic" : "system-users-symbolic";

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (icon));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !taken);
  gtk_widget_set_sensitive (row, !taken);
  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));
  set_id (row, "id", id);
  gtk_list_box_append (picker->results, row);
}

static gboolean
matches (const char *name,
         const char *folded_query)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  return *folded_query == '\0' || strstr (folded, folded_query) != NULL;
}

static void
picker_search_cb (GtkSearchEntry *entry,
                  Picker         *picker)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *folded = g_utf8_casefold (query, -1);
  GtkWidget *child;
  guint n = 0;

  g_strstrip (folded);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (picker->results))) != NULL)
    gtk_list_box_remove (picker->results, child);
  if (picker->store == NULL)
    return;

  if (picker->none_label != NULL && *folded == '\0')
    picker_add (picker, PICK_NONE, 0, picker->none_label, NULL);

  if (picker->kinds & PICK_GROUP)
    {
      g_autoptr(GPtrArray) groups = coalition_store_list_groups (picker->store, NULL);

      for (guint i = 0; groups != NULL && i < groups->len; i++)
        {
          CoalitionGroup *group = groups->pdata[i];

          if (matches (coalition_group_get_name (group), folded))
            picker_add (picker, PICK_GROUP, coalition_group_get_id (group), coalition_group_get_name (group),
                        coalition_group_kind_get_label (coalition_group_get_kind (group)));
        }
    }

  /* Without a query, the member organizations: those who usually sign. */
  if (picker->kinds & PICK_ORGANIZATION)
    {
      g_autoptr(GPtrArray) organizations = coalition_store_list_organizations (picker->store, NULL);

      for (guint i = 0; organizations != NULL && i < organizations->len && n < MAX_MEMBERS; i++)
        {
          CoalitionOrganization *organization = organizations->pdata[i];
          CoalitionStatus status = coalition_organization_get_status (organization);

          if ((*folded == '\0' && status != COALITION_STATUS_MEMBER)
              || !matches (coalition_organization_get_name (organization), folded))
            continue;
          picker_add (picker, PICK_ORGANIZATION, coalition_organization_get_id (organization),
                      coalition_organization_get_name (organization), coalition_status_get_label (status));
          n++;
        }
    }

  if ((picker->kinds & PICK_PERSON) && *folded != '\0')
    {
      g_autoptr(GArray) ids = coalition_store_find_people (picker->store, query, NULL);
      g_autoptr(GPtrArray) people = NULL;

      if (ids != NULL && ids->len > MAX_MATCHES)
        g_array_set_size (ids, MAX_MATCHES);
      if (ids != NULL)
        people = coalition_store_get_people (picker->store, (const gint64 *)ids->data, ids->len, NULL);
      for (guint i = 0; people != NULL && i < people->len; i++)
        {
          CoalitionPerson *person = people->pdata[i];
          const char *title, *organization;
          g_autofree char *subtitle = NULL;

          if (person == NULL)
            continue;
          title = coalition_person_get_title (person);
          organization = coalition_person_get_organization_name (person);
          subtitle = g_strjoin (", ", *title ? title : coalition_status_get_label (coalition_person_get_status (person)),
                                organization && *organization ? organization : NULL, NULL);
          picker_add (picker, PICK_PERSON, coalition_person_get_id (person), coalition_person_get_display_name (person),
                      subtitle);
        }
    }
}

static void
picker_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     Picker        *picker)
{
  PickKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  g_autofree char *name = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_POPOVER);

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  picker->func (picker->data, kind, get_id (row, "id"), kind == PICK_NONE ? "" : name);
}

static void
picker_enter_cb (GtkSearchEntry *entry,
                 Picker         *picker)
{
  GtkListBoxRow *row;

  /* Enter chooses the first that can be chosen. */
  for (int i = 0; (row = gtk_list_box_get_row_at_index (picker->results, i)) != NULL; i++)
    if (gtk_list_box_row_get_activatable (row))
      {
        picker_activated_cb (picker->results, row, picker);
        return;
      }
}

static void
picker_shown_cb (GtkWidget *popover,
                 GtkWidget *box)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (box), "entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  picker_search_cb (GTK_SEARCH_ENTRY (entry), g_object_get_data (G_OBJECT (box), "picker"));
  gtk_widget_grab_focus (entry);
}

/* The letter's picker is made before the page has a store. */
static void
picker_set_store (GtkWidget      *box,
                  CoalitionStore *store)
{
  Picker *picker = g_object_get_data (G_OBJECT (box), "picker");

  g_set_weak_pointer (&picker->store, store);
}

static GtkWidget *
picker_new (CoalitionStore *store,
            guint           kinds,
            const char     *placeholder,
            const char     *none_label,
            PickedFunc      func,
            gpointer        data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_search_entry_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  Picker *picker = g_new0 (Picker, 1);

  /* Weak: a popover may outlive the page by a moment. */
  g_set_weak_pointer (&picker->store, store);
  picker->kinds = kinds;
  picker->none_label = g_strdup (none_label);
  picker->func = func;
  picker->data = data;
  picker->results = GTK_LIST_BOX (gtk_list_box_new ());
  g_object_set_data_full (G_OBJECT (box), "picker", picker, (GDestroyNotify)picker_free);
  g_object_set_data (G_OBJECT (box), "entry", entry);

  g_object_set (entry, "placeholder-text", placeholder, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  g_signal_connect (entry, "search-changed", G_CALLBACK (picker_search_cb), picker);
  g_signal_connect (entry, "activate", G_CALLBACK (picker_enter_cb), picker);
  gtk_list_box_set_selection_mode (picker->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (picker->results), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->results), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  g_signal_connect (picker->results, "row-activated", G_CALLBACK (picker_activated_cb), picker);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (picker->results));

  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), scroller);
  picker_search_cb (GTK_SEARCH_ENTRY (entry), picker);
  return box;
}

/* A menu button whose popover is a picker. */
static GtkMenuButton *
picker_button (GtkWidget  *picker,
               const char *label,
               const char *accessible_label)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();

  gtk_widget_set_size_request (picker, 300, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), picker);
  g_signal_connect (popover, "show", G_CALLBACK (picker_shown_cb), picker);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  return GTK_MENU_BUTTON (button);
}

/* ---------------------------------------------------------------------- */
/* The list of campaigns */

static char *
describe_progress (const CoalitionCampaign *campaign)
{
  if (campaign->n_benchmarks == 0)
    return g_strdup (_("No benchmarks yet"));
  /* Translators: a campaign's progress, "3 of 7 benchmarks met" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u benchmark met", "%u of %u benchmarks met",
                                       campaign->n_benchmarks),
                          campaign->n_met, campaign->n_benchmarks);
}

static void
fill_campaign_list (CoalitionCampaignsPage *self)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean found = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->campaign_list))) != NULL)
    gtk_list_box_remove (self->campaign_list, child);
  g_array_set_size (self->campaign_ids, 0);
  if (self->store == NULL)
    {
      self->campaign_id = 0;
      return;
    }

  campaigns = coalition_store_list_campaigns (self->store, &error);
  toast_error (self, error);
  for (guint i = 0; campaigns != NULL && i < campaigns->len; i++)
    {
      CoalitionCampaign *campaign = campaigns->pdata[i];
      g_autofree char *progress = describe_progress (campaign);
      GtkWidget *row = text_row (campaign->name, progress);

      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->campaign_list, row);
      g_array_append_val (self->campaign_ids, campaign->id);
      if (campaign->id == self->campaign_id)
        {
          gtk_list_box_select_row (self->campaign_list, GTK_LIST_BOX_ROW (row));
          found = TRUE;
        }
    }
  /* Gone, or none chosen yet: the first one, so that the page shows
   * something. */
  if (!found && self->campaign_ids->len > 0)
    {
      self->campaign_id = g_array_index (self->campaign_ids, gint64, 0);
      self->letter_id = 0;
      gtk_list_box_select_row (self->campaign_list, gtk_list_box_get_row_at_index (self->campaign_list, 0));
    }
  else if (!found)
    self->campaign_id = 0;
}

static void
campaign_selected_cb (GtkListBox             *list,
                      GtkListBoxRow          *row,
                      CoalitionCampaignsPage *self)
{
  gint64 campaign_id;

  if (row == NULL || self->updating)
    return;
  campaign_id = g_array_index (self->campaign_ids, gint64, gtk_list_box_row_get_index (row));
  if (campaign_id != self->campaign_id || self->letter_id != 0)
    coalition_campaigns_page_show_campaign (self, campaign_id);
}

static void
campaign_activated_cb (GtkListBox             *list,
                       GtkListBoxRow          *row,
                       CoalitionCampaignsPage *self)
{
  campaign_selected_cb (list, row, self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

/* ---------------------------------------------------------------------- */
/* The campaign: name and core objectives, progress at a glance, maps */

static void
show_heading (CoalitionCampaignsPage  *self,
              const CoalitionCampaign *campaign)
{
  g_auto(GStrv) lines = g_strsplit (campaign->objectives ? campaign->objectives : "", "\n", -1);
  guint n = g_strv_length (lines);

  gtk_label_set_text (self->name_label, campaign->name);
  set_entry_text (self->name_row, campaign->name);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *text = NULL;

      /* More than three lines, written elsewhere, share the last row. */
      if (i == 2 && n > 3)
        text = g_strjoinv (" ", lines + 2);
      else
        text = g_strdup (i < n ? lines[i] : "");
      set_entry_text (self->objective_rows[i], g_strstrip (text));
    }
}

static void
campaign_applied_cb (AdwEntryRow            *row,
                     CoalitionCampaignsPage *self)
{
  g_autofree char *name = trimmed_text (self->name_row);
  g_autoptr(GString) objectives = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->campaign_id == 0 || self->updating)
    return;
  if (*name == '\0')
    {
      toast (self, _("A campaign needs a name"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), gtk_label_get_text (self->name_label));
      return;
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *objective = trimmed_text (self->objective_rows[i]);

      if (*objective == '\0')
        continue;
      if (objectives->len > 0)
        g_string_append_c (objectives, '\n');
      g_string_append (objectives, objective);
    }
  if (!coalition_store_update_campaign (self->store, self->campaign_id, name, objectives->str, &error))
    {
      toast_error (self, error);
      reload_later (self);
    }
}

static void
set_style (GtkWidget  *widget,
           const char *style,
           gboolean    on)
{
  if (on)
    gtk_widget_add_css_class (widget, style);
  else
    gtk_widget_remove_css_class (widget, style);
}

static void
show_glance (CoalitionCampaignsPage  *self,
             const CoalitionCampaign *campaign)
{
  g_autofree char *met = NULL;
  g_autofree char *due_soon = g_strdup_printf ("%u", campaign->n_due_soon);
  g_autofree char *overdue = g_strdup_printf ("%u", campaign->n_overdue);
  g_autofree char *wins = g_strdup_printf ("%u", campaign->n_wins);

  /* Translators: benchmarks met out of all, in large type: "3 of 7" */
  met = g_strdup_printf (_("%u of %u"), campaign->n_met, campaign->n_benchmarks);
  gtk_label_set_text (self->glance_numbers[GLANCE_MET], met);
  gtk_label_set_text (self->glance_numbers[GLANCE_DUE_SOON], due_soon);
  gtk_label_set_text (self->glance_numbers[GLANCE_OVERDUE], overdue);
  gtk_label_set_text (self->glance_numbers[GLANCE_WINS], wins);
  set_style (GTK_WIDGET (self->glance_numbers[GLANCE_MET]), "success",
             campaign->n_benchmarks > 0 && campaign->n_met == campaign->n_benchmarks);
  set_style (GTK_WIDGET (self->glance_numbers[GLANCE_DUE_SOON]), "warning", campaign->n_due_soon > 0);
  set_style (GTK_WIDGET (self->glance_numbers[GLANCE_OVERDUE]), "error", campaign->n_overdue > 0);

  gtk_level_bar_set_max_value (self->glance_bar, MAX (campaign->n_benchmarks, 1));
  gtk_level_bar_set_value (self->glance_bar, campaign->n_met);
  gtk_widget_set_visible (GTK_WIDGET (self->glance_bar), campaign->n_benchmarks > 0);
}

static gboolean
has_map (const CoalitionCampaign *campaign,
         gint64                   map_id)
{
  for (guint i = 0; campaign->map_ids != NULL && i < campaign->map_ids->len; i++)
    if (g_array_index (campaign->map_ids, gint64, i) == map_id)
      return TRUE;
  return FALSE;
}

static void
map_activated_cb (AdwActionRow           *row,
                  CoalitionCampaignsPage *self)
{
  g_signal_emit (self, signals[SHOW_MAP], 0, get_id (row, "map-id"));
}

/* Links @map_id to the campaign shown, or unlinks it. */
static void
link_map (CoalitionCampaignsPage *self,
          gint64                  map_id,
          gboolean                link)
{
  g_autoptr(CoalitionCampaign) campaign = NULL;
  g_autoptr(GArray) map_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->campaign_id == 0)
    return;
  campaign = coalition_store_get_campaign (self->store, self->campaign_id, &error);
  if (campaign == NULL)
    {
      toast_error (self, error);
      return;
    }
  for (guint i = 0; campaign->map_ids != NULL && i < campaign->map_ids->len; i++)
    if (g_array_index (campaign->map_ids, gint64, i) != map_id)
      g_array_append_val (map_ids, g_array_index (campaign->map_ids, gint64, i));
  if (link)
    g_array_append_val (map_ids, map_id);
  if (!coalition_store_set_campaign_maps (self->store, self->campaign_id, map_ids, &error))
    toast_error (self, error);
}

static void
unlink_map_cb (GtkButton              *button,
               CoalitionCampaignsPage *self)
{
  link_map (self, get_id (button, "map-id"), FALSE);
}

static void
link_map_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  link_map (COALITION_CAMPAIGNS_PAGE (widget), g_variant_get_int64 (parameter), TRUE);
}

static void
show_maps (CoalitionCampaignsPage  *self,
           const CoalitionCampaign *campaign)
{
  g_autoptr(GPtrArray) maps = coalition_store_list_maps (self->store, NULL);
  guint n_linked = 0, n_unlinked = 0;

  clear_rows (self, ROWS_MAPS);
  g_menu_remove_all (self->link_menu);
  for (guint i = 0; maps != NULL && i < maps->len; i++)
    {
      CoalitionPowerMap *map = maps->pdata[i];
      g_autofree char *subtitle = NULL;
      g_autofree char *unlink_label = NULL;
      GtkWidget *row, *unlink;

      if (!has_map (campaign, map->id))
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (map->title, NULL);

          g_menu_item_set_action_and_target_value (item, "campaign.link-map", g_variant_new_int64 (map->id));
          g_menu_append_item (self->link_menu, item);
          n_unlinked++;
          continue;
        }
      subtitle = *map->decision ? g_strdup (map->decision)
                                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u on the map", "%u on the map",
                                                                map->n_nodes), map->n_nodes);
      row = text_row (map->title, subtitle);
      gtk_widget_set_tooltip_text (row, _("Open the map on the Power Map page"));
      /* Translators: the accessible name of a button on a map's row */
      unlink_label = g_strdup_printf (_("Unlink “%s”"), map->title);
      unlink = icon_button ("list-remove-symbolic", _("Unlink This Map from the Campaign"), unlink_label);
      set_id (unlink, "map-id", map->id);
      g_signal_connect_object (unlink, "clicked", G_CALLBACK (unlink_map_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      set_id (row, "map-id", map->id);
      g_signal_connect_object (row, "activated", G_CALLBACK (map_activated_cb), self, 0);
      add_row (self, ROWS_MAPS, row);
      n_linked++;
    }
  if (n_linked == 0)
    add_row (self, ROWS_MAPS,
             placeholder_row (_("No power maps linked"),
                              maps != NULL && maps->len > 0
                              ? _("Link the maps of the decision makers this campaign must move.")
                              : _("Map the decision makers on the Power Map page, then link their maps here.")));
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), n_unlinked > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button),
                               n_unlinked > 0 ? _("Link a Power Map to the Campaign")
                                              : _("Every power map is linked already"));
}

/* ---------------------------------------------------------------------- */
/* Goals and benchmarks */

static void
goal_response_cb (AdwMessageDialog       *dialog,
                  const char             *response,
                  CoalitionCampaignsPage *self);

static void
goal_dialog (CoalitionCampaignsPage *self,
             const CoalitionGoal    *goal,
             CoalitionGoalTerm       term)
{
  const char *terms[] = { coalition_goal_term_get_label (COALITION_GOAL_SHORT_TERM),
                          coalition_goal_term_get_label (COALITION_GOAL_LONG_TERM), NULL };
  AdwMessageDialog *dialog;
  GtkWidget *list = boxed_list ();
  GtkEditable *title;
  AdwComboRow *term_row;

  if (self->store == NULL || self->campaign_id == 0)
    return;
  dialog = form_dialog (self, goal ? _("Edit Goal") : _("New Goal"),
                        _("What the coalition sets out to win: short-term goals within months, long-term goals "
                          "over a year or more. Benchmarks measure the progress."));
  title = form_entry (dialog, list, _("Goal"), goal ? goal->title : NULL, FIELD_REQUIRED);
  term_row = combo_row (_("Term"), terms);
  adw_combo_row_set_selected (term_row, goal ? goal->term : term);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (term_row));
  adw_message_dialog_set_extra_child (dialog, list);
  form_responses (dialog, goal ? _("_Save") : _("_Add Goal"), goal != NULL);
  g_object_set_data (G_OBJECT (dialog), "title", title);
  g_object_set_data (G_OBJECT (dialog), "term", term_row);
  set_id (dialog, "goal-id", goal ? goal->id : 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (goal_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (title));
}

static const CoalitionGoal *
find_goal (CoalitionCampaignsPage *self,
           gint64                  goal_id)
{
  for (guint i = 0; self->goals != NULL && i < self->goals->len; i++)
    if (((CoalitionGoal *)self->goals->pdata[i])->id == goal_id)
      return self->goals->pdata[i];
  return NULL;
}

static void
goal_response_cb (AdwMessageDialog       *dialog,
                  const char             *response,
                  CoalitionCampaignsPage *self)
{
  g_autofree char *title = trimmed_text (g_object_get_data (G_OBJECT (dialog), "title"));
  CoalitionGoalTerm term = adw_combo_row_get_selected (g_object_get_data (G_OBJECT (dialog), "term"));
  gint64 goal_id = get_id (dialog, "goal-id");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (g_str_equal (response, "delete"))
    {
      const CoalitionGoal *goal = find_goal (self, goal_id);

      /* Its benchmarks go with it; wins that advanced it stay recorded. */
      coalition_window_delete_undoably (GTK_WIDGET (self), coalition_store_delete_goal, goal_id,
                                        goal ? goal->title : title);
      return;
    }
  if (!g_str_equal (response, "save"))
    return;
  if (goal_id == 0)
    {
      goal_id = coalition_store_add_goal (self->store, self->campaign_id, title, term, &error);
      /* A new goal opens, ready for its first benchmark. */
      if (goal_id > 0)
        {
          g_hash_table_add (self->expanded, g_memdup2 (&goal_id, sizeof goal_id));
          g_hash_table_add (self->seen_goals, g_memdup2 (&goal_id, sizeof goal_id));
        }
    }
  else
    coalition_store_update_goal (self->store, goal_id, title, term, &error);
  toast_error (self, error);
}

typedef struct
{
  CoalitionBenchmark *benchmark;   /* as edited: the owner is kept here */
  GtkEditable        *title;
  GtkEditable        *due;
  AdwComboRow        *status;
  AdwActionRow       *owner_row;
} BenchmarkForm;

static void
benchmark_form_free (BenchmarkForm *form)
{
  coalition_benchmark_free (form->benchmark);
  g_free (form);
}

static void
show_owner (BenchmarkForm *form)
{
  adw_action_row_set_subtitle (form->owner_row, *form->benchmark->owner_name ? form->benchmark->owner_name
                                                                               : _("Nobody yet"));
}

static void
owner_picked (gpointer    data,
              PickKind    kind,
              gint64      id,
              const char *name)
{
  BenchmarkForm *form = data;

  form->benchmark->owner_person_id = kind == PICK_PERSON ? id : 0;
  form->benchmark->owner_group_id = kind == PICK_GROUP ? id : 0;
  g_free (form->benchmark->owner_name);
  form->benchmark->owner_name = g_strdup (name);
  show_owner (form);
}

static void
benchmark_response_cb (AdwMessageDialog       *dialog,
                       const char             *response,
                       CoalitionCampaignsPage *self)
{
  BenchmarkForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  CoalitionBenchmark *benchmark = form->benchmark;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;

  if (self->store == NULL)
    return;
  if (g_str_equal (response, "delete"))
    {
      coalition_window_delete_undoably (GTK_WIDGET (self), coalition_store_delete_benchmark, benchmark->id,
                                        benchmark->title);
      return;
    }
  if (!g_str_equal (response, "save") || (due = form_date (form->due)) == NULL)
    return;
  g_free (benchmark->title);
  benchmark->title = trimmed_text (form->title);
  g_free (benchmark->due);
  benchmark->due = g_steal_pointer (&due);
  benchmark->status = adw_combo_row_get_selected (form->status);
  if (benchmark->id == 0)
    coalition_store_add_benchmark (self->store, benchmark->goal_id, benchmark, &error);
  else
    coalition_store_update_benchmark (self->store, benchmark, &error);
  toast_error (self, error);
}

/* A benchmark: what, by when, who sees to it, and how it stands. */
static void
benchmark_dialog (CoalitionCampaignsPage   *self,
                  const CoalitionGoal      *goal,
                  const CoalitionBenchmark *benchmark)
{
  BenchmarkForm *form = g_new0 (BenchmarkForm, 1);
  AdwMessageDialog *dialog;
  GtkWidget *list = boxed_list ();
  GtkWidget *picker;
  GtkMenuButton *choose;

  if (benchmark != NULL)
    form->benchmark = benchmark_copy (benchmark);
  else
    {
      form->benchmark = coalition_benchmark_new ("", "");
      form->benchmark->goal_id = goal->id;
    }
  dialog = form_dialog (self, benchmark ? _("Edit Benchmark") : _("New Benchmark"), goal->title);
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify)benchmark_form_free);
  form->title = form_entry (dialog, list, _("What"), form->benchmark->title, FIELD_REQUIRED);
  form->due = form_entry (dialog, list, _("Due, as Year-Month-Day"), form->benchmark->due, FIELD_DATE);

  form->owner_row = ADW_ACTION_ROW (text_row (_("Owner"), NULL));
  picker = picker_new (self->store, PICK_PERSON | PICK_GROUP, _("Search people and working groups"), _("Nobody"),
                       owner_picked, form);
  choose = picker_button (picker, _("_Choose…"), _("Choose the Owner"));
  adw_action_row_add_suffix (form->owner_row, GTK_WIDGET (choose));
  adw_action_row_set_activatable_widget (form->owner_row, GTK_WIDGET (choose));
  show_owner (form);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->owner_row));

  form->status = benchmark_status_row ();
  adw_combo_row_set_selected (form->status, form->benchmark->status);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->status));

  adw_message_dialog_set_extra_child (dialog, list);
  form_responses (dialog, benchmark ? _("_Save") : _("_Add Benchmark"), benchmark != NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (benchmark_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->title));
}

static void
benchmark_activated_cb (AdwActionRow           *row,
                        CoalitionCampaignsPage *self)
{
  const CoalitionBenchmark *benchmark = g_object_get_data (G_OBJECT (row), "benchmark");
  const CoalitionGoal *goal = find_goal (self, benchmark->goal_id);

  if (goal != NULL)
    benchmark_dialog (self, goal, benchmark);
}

static void
add_benchmark_cb (AdwActionRow           *row,
                  CoalitionCampaignsPage *self)
{
  const CoalitionGoal *goal = find_goal (self, get_id (row, "goal-id"));

  if (goal != NULL)
    benchmark_dialog (self, goal, NULL);
}

static void
edit_goal_cb (GtkButton              *button,
              CoalitionCampaignsPage *self)
{
  const CoalitionGoal *goal = find_goal (self, get_id (button, "goal-id"));

  if (goal != NULL)
    goal_dialog (self, goal, goal->term);
}

static void
add_goal_cb (GtkButton              *button,
             CoalitionCampaignsPage *self)
{
  goal_dialog (self, NULL, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "term")));
}

static void
goal_expanded_cb (AdwExpanderRow         *row,
                  GParamSpec             *pspec,
                  CoalitionCampaignsPage *self)
{
  gint64 goal_id = get_id (row, "goal-id");

  if (self->updating)
    return;
  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_memdup2 (&goal_id, sizeof goal_id));
  else
    g_hash_table_remove (self->expanded, &goal_id);
}

static GtkWidget *
benchmark_row (CoalitionCampaignsPage   *self,
               const CoalitionBenchmark *benchmark,
               const char               *today)
{
  CoalitionBenchmarkStatus status = coalition_benchmark_get_effective_status (benchmark, today);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  g_autofree char *date = format_date (benchmark->due);
  GtkWidget *row, *box;

  if (*benchmark->due == '\0')
    g_ptr_array_add (parts, g_strdup (_("No due date")));
  else if (status == COALITION_BENCHMARK_MISSED && benchmark->status != COALITION_BENCHMARK_MISSED)
    /* Translators: a benchmark not met by its date, "Overdue since 14 January 2027" */
    g_ptr_array_add (parts, g_strdup_printf (_("Overdue since %s"), date));
  else
    /* Translators: "Due 14 January 2027" */
    g_ptr_array_add (parts, g_strdup_printf (_("Due %s"), date));
  if (*benchmark->owner_name != '\0')
    g_ptr_array_add (parts, g_strdup (benchmark->owner_name));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **)parts->pdata);

  row = text_row (benchmark->title, subtitle);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), badge (coalition_benchmark_status_get_label (status), status_style (status)));
  if (coalition_benchmark_is_due_soon (benchmark, today))
    gtk_box_append (GTK_BOX (box), badge (_("Due Soon"), "warning"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit the benchmark, its owner or its status"));
  g_object_set_data (G_OBJECT (row), "benchmark", (gpointer)benchmark);
  g_signal_connect_object (row, "activated", G_CALLBACK (benchmark_activated_cb), self, 0);
  return row;
}

static void
show_goals (CoalitionCampaignsPage *self)
{
  g_autofree char *today = coalition_store_today ();
  g_autoptr(GError) error = NULL;
  guint n_goals[2] = { 0, 0 };

  clear_rows (self, ROWS_SHORT);
  clear_rows (self, ROWS_LONG);
  g_ptr_array_set_size (self->benchmarks, 0);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  self->goals = coalition_store_list_goals (self->store, self->campaign_id, &error);
  toast_error (self, error);

  for (guint i = 0; self->goals != NULL && i < self->goals->len; i++)
    {
      CoalitionGoal *goal = self->goals->pdata[i];
      g_autoptr(GPtrArray) benchmarks = coalition_store_list_benchmarks (self->store, goal->id, NULL);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *edit, *add;
      g_autofree char *edit_label = NULL;
      g_autofree char *subtitle = NULL;
      guint n_met = 0, n_missed = 0, n_due_soon = 0;
      guint term = goal->term == COALITION_GOAL_LONG_TERM ? 1 : 0;

      for (guint b = 0; benchmarks != NULL && b < benchmarks->len; b++)
        {
          CoalitionBenchmark *benchmark = benchmarks->pdata[b];
          CoalitionBenchmarkStatus status = coalition_benchmark_get_effective_status (benchmark, today);

          n_met += status == COALITION_BENCHMARK_MET;
          n_missed += status == COALITION_BENCHMARK_MISSED;
          n_due_soon += coalition_benchmark_is_due_soon (benchmark, today);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), benchmark_row (self, benchmark, today));
        }
      if (benchmarks == NULL || benchmarks->len == 0)
        subtitle = g_strdup (_("No benchmarks yet"));
      else
        {
          /* Translators: a goal's progress, "2 of 3 benchmarks met" */
          g_autofree char *progress = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u benchmark met",
                                                                    "%u of %u benchmarks met", benchmarks->len),
                                                       n_met, benchmarks->len);
          /* Translators: after a goal's progress, "2 of 3 benchmarks met · 1 missed" */
          subtitle = n_missed > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u missed", "%s · %u missed",
                                                                  n_missed), progress, n_missed)
                                  : g_strdup (progress);
        }
      if (benchmarks != NULL)
        {
          /* The rows point into these until the next reload. */
          for (guint b = 0; b < benchmarks->len; b++)
            g_ptr_array_add (self->benchmarks, g_steal_pointer (&benchmarks->pdata[b]));
          g_ptr_array_set_free_func (benchmarks, NULL);
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), goal->title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      /* libadwaita 1.2 names the header inside an expander row, not the row. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL, goal->title, -1);
      set_id (expander, "goal-id", goal->id);

      /* Translators: the accessible name of the edit button of a goal */
      edit_label = g_strdup_printf (_("Edit or Delete “%s”"), goal->title);
      edit = icon_button ("document-edit-symbolic", _("Edit or Delete the Goal"), edit_label);
      set_id (edit, "goal-id", goal->id);
      g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_goal_cb), self, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), edit);

      add = text_row (_("Add a Benchmark…"), NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (add), gtk_image_new_from_icon_name ("list-add-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (add), TRUE);
      set_id (add, "goal-id", goal->id);
      g_signal_connect_object (add, "activated", G_CALLBACK (add_benchmark_cb), self, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), add);

      /* A goal first shown opens when a benchmark needs attention. */
      if (!g_hash_table_contains (self->seen_goals, &goal->id))
        {
          g_hash_table_add (self->seen_goals, g_memdup2 (&goal->id, sizeof goal->id));
          if (n_missed > 0 || n_due_soon > 0)
            g_hash_table_add (self->expanded, g_memdup2 (&goal->id, sizeof goal->id));
        }
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), g_hash_table_contains (self->expanded, &goal->id));
      g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (goal_expanded_cb), self, 0);
      add_row (self, term ? ROWS_LONG : ROWS_SHORT, expander);
      n_goals[term]++;
    }

  if (n_goals[0] == 0)
    add_row (self, ROWS_SHORT,
             placeholder_row (_("No short-term goals yet"),
                              _("What the coalition can win within months, each measured by benchmarks.")));
  if (n_goals[1] == 0)
    add_row (self, ROWS_LONG,
             placeholder_row (_("No long-term goals yet"),
                              _("The change the coalition works towards over a year or more.")));
}

/* ---------------------------------------------------------------------- */
/* Wins */

typedef struct
{
  gint64        win_id;
  gint64        campaign_id;
  GtkEditable  *date;
  GtkEditable  *title;
  GtkEditable  *description;
  AdwComboRow  *goal;
  GArray       *goal_ids;       /* parallel to the goal row: 0, then the goals */
  GtkListBox   *checklist;
  GtkEditable  *search;
  GHashTable   *organizations;  /* gint64 id → name, the contributors chosen */
  GHashTable   *people;
} WinForm;

static void
win_form_free (WinForm *form)
{
  g_array_unref (form->goal_ids);
  g_hash_table_unref (form->organizations);
  g_hash_table_unref (form->people);
  g_free (form);
}

static void
contributor_toggled_cb (GtkCheckButton *check,
                        WinForm        *form)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (check), "row");
  PickKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "kind"));
  GHashTable *chosen = kind == PICK_PERSON ? form->people : form->organizations;
  gint64 id = get_id (row, "id");

  if (gtk_check_button_get_active (check))
    g_hash_table_replace (chosen, g_memdup2 (&id, sizeof id),
                          g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row))));
  else
    g_hash_table_remove (chosen, &id);
}

static void
add_contributor_row (WinForm    *form,
                     PickKind    kind,
                     gint64      id,
                     const char *name,
                     const char *subtitle)
{
  GtkWidget *row = text_row (name, subtitle);
  GtkWidget *check = gtk_check_button_new ();
  GHashTable *chosen = kind == PICK_PERSON ? form->people : form->organizations;

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (chosen, &id));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (check), "row", row);
  g_signal_connect (check, "toggled", G_CALLBACK (contributor_toggled_cb), form);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "kind", GINT_TO_POINTER (kind));
  set_id (row, "id", id);
  gtk_list_box_append (form->checklist, row);
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      names)
{
  return g_utf8_collate (g_hash_table_lookup (names, a), g_hash_table_lookup (names, b));
}

/* Those chosen first, then the member organizations and the people that
 * match what was typed. */
static void
fill_checklist (WinForm        *form,
                CoalitionStore *store)
{
  const char *query = gtk_editable_get_text (form->search);
  g_autofree char *folded = g_utf8_casefold (query, -1);
  g_autoptr(GPtrArray) organizations = coalition_store_list_organizations (store, NULL);
  GHashTable *chosen[] = { form->organizations, form->people };
  PickKind kinds[] = { PICK_ORGANIZATION, PICK_PERSON };
  GtkWidget *child;
  guint n = 0;

  g_strstrip (folded);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (form->checklist))) != NULL)
    gtk_list_box_remove (form->checklist, child);

  for (guint k = 0; k < 2; k++)
    {
      g_autoptr(GList) ids = g_hash_table_get_keys (chosen[k]);

      ids = g_list_sort_with_data (ids, compare_names, chosen[k]);
      for (GList *l = ids; l != NULL; l = l->next)
        add_contributor_row (form, kinds[k], *(gint64 *)l->data, g_hash_table_lookup (chosen[k], l->data),
                             kinds[k] == PICK_PERSON ? _("Person") : _("Organization"));
    }

  for (guint i = 0; organizations != NULL && i < organizations->len && n < MAX_MEMBERS; i++)
    {
      CoalitionOrganization *organization = organizations->pdata[i];
      gint64 id = coalition_organization_get_id (organization);

      if (coalition_organization_get_status (organization) != COALITION_STATUS_MEMBER
          || g_hash_table_contains (form->organizations, &id)
          || !matches (coalition_organization_get_name (organization), folded))
        continue;
      add_contributor_row (form, PICK_ORGANIZATION, id, coalition_organization_get_name (organization),
                           _("Member organization"));
      n++;
    }

  if (*folded != '\0')
    {
      g_autoptr(GArray) ids = coalition_store_find_people (store, query, NULL);
      g_autoptr(GPtrArray) people = NULL;

      if (ids != NULL && ids->len > MAX_MATCHES)
        g_array_set_size (ids, MAX_MATCHES);
      if (ids != NULL)
        people = coalition_store_get_people (store, (const gint64 *)ids->data, ids->len, NULL);
      for (guint i = 0; people != NULL && i < people->len; i++)
        {
          CoalitionPerson *person = people->pdata[i];
          const char *organization;
          gint64 id = person ? coalition_person_get_id (person) : 0;

          if (person == NULL || g_hash_table_contains (form->people, &id))
            continue;
          organization = coalition_person_get_organization_name (person);
          add_contributor_row (form, PICK_PERSON, id, coalition_person_get_display_name (person),
                               organization && *organization ? organization : _("Person"));
        }
    }
}

static void
contributor_search_cb (GtkSearchEntry   *entry,
                       AdwMessageDialog *dialog)
{
  CoalitionCampaignsPage *self = g_object_get_data (G_OBJECT (dialog), "page");

  if (self->store != NULL)
    fill_checklist (g_object_get_data (G_OBJECT (dialog), "form"), self->store);
}

static void
win_response_cb (AdwMessageDialog       *dialog,
                 const char             *response,
                 CoalitionCampaignsPage *self)
{
  WinForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(CoalitionWin) win = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *title = NULL;
  guint goal;
  GHashTableIter iter;
  gpointer key;

  if (self->store == NULL)
    return;
  if (g_str_equal (response, "delete"))
    {
      g_autofree char *what = trimmed_text (form->title);

      coalition_window_delete_undoably (GTK_WIDGET (self), coalition_store_delete_win, form->win_id, what);
      return;
    }
  if (!g_str_equal (response, "save") || (date = form_date (form->date)) == NULL || *date == '\0')
    return;
  title = trimmed_text (form->title);
  win = coalition_win_new (date, title);
  win->id = form->win_id;
  win->campaign_id = form->campaign_id;
  goal = adw_combo_row_get_selected (form->goal);
  win->goal_id = goal < form->goal_ids->len ? g_array_index (form->goal_ids, gint64, goal) : 0;
  g_free (win->description);
  win->description = trimmed_text (form->description);
  g_hash_table_iter_init (&iter, form->organizations);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (win->organization_ids, *(gint64 *)key);
  g_hash_table_iter_init (&iter, form->people);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (win->person_ids, *(gint64 *)key);

  if (form->win_id == 0)
    coalition_store_add_win (self->store, win, &error);
  else
    coalition_store_update_win (self->store, win, &error);
  toast_error (self, error);
}

/* A win: what changed, when, the goal it advanced, and everyone who made
 * it happen, for the credit is shared. */
static void
win_dialog (CoalitionCampaignsPage *self,
            const CoalitionWin     *win)
{
  g_autoptr(GtkStringList) goals = gtk_string_list_new (NULL);
  g_autofree char *today = coalition_store_today ();
  WinForm *form;
  AdwMessageDialog *dialog;
  GtkWidget *box, *list, *search, *scroller, *heading;
  guint selected = 0;

  if (self->store == NULL || self->campaign_id == 0)
    return;
  form = g_new0 (WinForm, 1);
  form->win_id = win ? win->id : 0;
  form->campaign_id = self->campaign_id;
  form->goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  form->organizations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  form->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  dialog = form_dialog (self, win ? _("Edit Win") : _("Record a Win"),
                        _("What changed, and who made it happen: the credit is shared."));
  g_object_set_data_full (G_OBJECT (dialog), "form", form, (GDestroyNotify)win_form_free);
  g_object_set_data (G_OBJECT (dialog), "page", self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = boxed_list ();
  form->title = form_entry (dialog, list, _("What Changed"), win ? win->title : NULL, FIELD_REQUIRED);
  form->date = form_entry (dialog, list, _("Date, as Year-Month-Day"), win ? win->date : today,
                           FIELD_REQUIRED | FIELD_DATE);
  form->description = form_entry (dialog, list, _("Details"), win ? win->description : NULL, 0);
  gtk_string_list_append (goals, _("No goal in particular"));
  g_array_append_val (form->goal_ids, (gint64){ 0 });
  for (guint i = 0; self->goals != NULL && i < self->goals->len; i++)
    {
      CoalitionGoal *goal = self->goals->pdata[i];

      gtk_string_list_append (goals, goal->title);
      g_array_append_val (form->goal_ids, goal->id);
      if (win != NULL && win->goal_id == goal->id)
        selected = i + 1;
    }
  form->goal = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->goal), _("Goal It Advanced"));
  adw_combo_row_set_model (form->goal, G_LIST_MODEL (goals));
  adw_combo_row_set_selected (form->goal, selected);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->goal));
  gtk_box_append (GTK_BOX (box), list);

  for (guint i = 0; win != NULL && i < win->organization_ids->len; i++)
    {
      gint64 id = g_array_index (win->organization_ids, gint64, i);
      g_autoptr(CoalitionOrganization) organization = coalition_store_get_organization (self->store, id, NULL);

      if (organization != NULL)
        g_hash_table_replace (form->organizations, g_memdup2 (&id, sizeof id),
                              g_strdup (coalition_organization_get_name (organization)));
    }
  for (guint i = 0; win != NULL && i < win->person_ids->len; i++)
    {
      gint64 id = g_array_index (win->person_ids, gint64, i);
      g_autoptr(CoalitionPerson) person = coalition_store_get_person (self->store, id, NULL);

      if (person != NULL)
        g_hash_table_replace (form->people, g_memdup2 (&id, sizeof id),
                              g_strdup (coalition_person_get_display_name (person)));
    }

  heading = gtk_label_new (_("Contributors"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (box), heading);
  search = gtk_search_entry_new ();
  form->search = GTK_EDITABLE (search);
  g_object_set (search, "placeholder-text", _("Search member organizations and people"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search member organizations and people"), -1);
  g_signal_connect_object (search, "search-changed", G_CALLBACK (contributor_search_cb), dialog, 0);
  gtk_box_append (GTK_BOX (box), search);
  form->checklist = GTK_LIST_BOX (boxed_list ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (form->checklist), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Contributors"),
                                  -1);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (form->checklist));
  gtk_box_append (GTK_BOX (box), scroller);
  fill_checklist (form, self->store);

  adw_message_dialog_set_extra_child (dialog, box);
  form_responses (dialog, win ? _("_Save") : _("_Record Win"), win != NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (win_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (form->title));
}

static void
win_activated_cb (AdwActionRow           *row,
                  CoalitionCampaignsPage *self)
{
  win_dialog (self, g_object_get_data (G_OBJECT (row), "win"));
}

static void
show_wins (CoalitionCampaignsPage *self)
{
  g_autoptr(GError) error = NULL;

  clear_rows (self, ROWS_WINS);
  g_clear_pointer (&self->wins, g_ptr_array_unref);
  self->wins = coalition_store_list_wins (self->store, self->campaign_id, NULL, NULL, &error);
  toast_error (self, error);
  for (guint i = 0; self->wins != NULL && i < self->wins->len; i++)
    {
      CoalitionWin *win = self->wins->pdata[i];
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      g_ptr_array_add (parts, format_date (win->date));
      if (*win->goal_title != '\0')
        g_ptr_array_add (parts, g_strdup (win->goal_title));
      if (win->contributors->len > 0)
        {
          g_autofree char *names = NULL;

          g_ptr_array_add (win->contributors, NULL);
          names = g_strjoinv (", ", (char **)win->contributors->pdata);
          g_ptr_array_remove_index (win->contributors, win->contributors->len - 1);
          /* Translators: who contributed to a win, "With Tenants United, Ama Mensah" */
          g_ptr_array_add (parts, g_strdup_printf (_("With %s"), names));
        }
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (" · ", (char **)parts->pdata);
      row = text_row (win->title, subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("starred-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Edit or delete the win"));
      g_object_set_data (G_OBJECT (row), "win", win);
      g_signal_connect_object (row, "activated", G_CALLBACK (win_activated_cb), self, 0);
      add_row (self, ROWS_WINS, row);
    }
  if (self->wins == NULL || self->wins->len == 0)
    add_row (self, ROWS_WINS,
             placeholder_row (_("No wins recorded yet"),
                              _("Record every step forward and who made it happen: shared credit keeps a "
                                "coalition together.")));
}

/* ---------------------------------------------------------------------- */
/* Sign-on letters: the campaign's list */

static char *
describe_letter (const CoalitionLetter *letter)
{
  g_autofree char *signed_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signed", "%u signed",
                                                               letter->n_signatories), letter->n_signatories);
  g_autofree char *counted = NULL;

  if (letter->status == COALITION_LETTER_SENT && *letter->sent_on != '\0')
    {
      g_autofree char *day = format_short_date (letter->sent_on);

      /* Translators: "12 signed, sent 15 Jan" */
      counted = g_strdup_printf (_("%s, sent %s"), signed_text, day);
    }
  else if (*letter->deadline != '\0')
    {
      g_autofree char *day = format_short_date (letter->deadline);

      /* Translators: "12 signed, deadline 15 Jan" */
      counted = g_strdup_printf (_("%s, deadline %s"), signed_text, day);
    }
  else
    counted = g_steal_pointer (&signed_text);
  return g_strdup_printf ("%s · %s", coalition_letter_status_get_label (letter->status), counted);
}

static void
letter_activated_cb (AdwActionRow           *row,
                     CoalitionCampaignsPage *self)
{
  coalition_campaigns_page_show_letter (self, get_id (row, "letter-id"));
}

static void
show_letters (CoalitionCampaignsPage *self)
{
  g_autoptr(GError) error = NULL;

  clear_rows (self, ROWS_LETTERS);
  g_clear_pointer (&self->letters, g_ptr_array_unref);
  self->letters = coalition_store_list_letters (self->store, self->campaign_id, &error);
  toast_error (self, error);
  for (guint i = 0; self->letters != NULL && i < self->letters->len; i++)
    {
      CoalitionLetter *letter = self->letters->pdata[i];
      g_autofree char *subtitle = describe_letter (letter);
      GtkWidget *row = text_row (letter->title, subtitle);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      set_id (row, "letter-id", letter->id);
      g_signal_connect_object (row, "activated", G_CALLBACK (letter_activated_cb), self, 0);
      add_row (self, ROWS_LETTERS, row);
    }
  if (self->letters == NULL || self->letters->len == 0)
    add_row (self, ROWS_LETTERS,
             placeholder_row (_("No sign-on letters yet"),
                              _("A letter to a decision maker that member organizations and allies sign on to.")));
}

static void
letter_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    CoalitionCampaignsPage *self)
{
  g_autoptr(CoalitionLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = trimmed_text (g_object_get_data (G_OBJECT (dialog), "title"));
  g_autofree char *deadline = form_date (g_object_get_data (G_OBJECT (dialog), "deadline"));

  if (!g_str_equal (response, "save") || self->store == NULL || deadline == NULL)
    return;
  letter = coalition_letter_new (title);
  letter->campaign_id = self->campaign_id;
  g_free (letter->deadline);
  letter->deadline = g_steal_pointer (&deadline);
  if (!coalition_store_add_letter (self->store, letter, &error))
    toast_error (self, error);
  else
    coalition_campaigns_page_show_letter (self, letter->id);
}

static void
new_letter_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CoalitionCampaignsPage *self = COALITION_CAMPAIGNS_PAGE (widget);
  AdwMessageDialog *dialog;
  GtkWidget *list = boxed_list ();
  GtkEditable *title;

  if (self->store == NULL || self->campaign_id == 0)
    return;
  dialog = form_dialog (self, _("New Sign-On Letter"),
                        _("A letter to a decision maker, signed by the member organizations and allies who "
                          "stand behind the ask."));
  title = form_entry (dialog, list, _("Title"), NULL, FIELD_REQUIRED);
  g_object_set_data (G_OBJECT (dialog), "title", title);
  g_object_set_data (G_OBJECT (dialog), "deadline",
                     form_entry (dialog, list, _("Deadline for Signatures, as Year-Month-Day"), NULL, FIELD_DATE));
  adw_message_dialog_set_extra_child (dialog, list);
  form_responses (dialog, _("_Create"), FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (letter_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (title));
}

/* ---------------------------------------------------------------------- */
/* A sign-on letter: its details, text, signatories and the ask */

static void
save_letter (CoalitionCampaignsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && self->letter != NULL && !coalition_store_update_letter (self->store, self->letter, &error))
    {
      toast_error (self, error);
      reload_later (self);
    }
}

static void
letter_title_applied_cb (AdwEntryRow            *row,
                         CoalitionCampaignsPage *self)
{
  g_autofree char *title = trimmed_text (row);

  if (self->letter == NULL || self->updating)
    return;
  if (*title == '\0')
    {
      toast (self, _("A letter needs a title"));
      gtk_editable_set_text (GTK_EDITABLE (row), self->letter->title);
      return;
    }
  g_free (self->letter->title);
  self->letter->title = g_steal_pointer (&title);
  save_letter (self);
}

static void
deadline_applied_cb (AdwEntryRow            *row,
                     CoalitionCampaignsPage *self)
{
  g_autofree char *deadline = form_date (GTK_EDITABLE (row));

  if (self->letter == NULL || self->updating)
    return;
  if (deadline == NULL)
    {
      toast (self, _("Write the deadline as year-month-day, such as 2027-01-15"));
      return;
    }
  g_free (self->letter->deadline);
  self->letter->deadline = g_steal_pointer (&deadline);
  save_letter (self);
}

static void
letter_status_cb (AdwComboRow            *row,
                  GParamSpec             *pspec,
                  CoalitionCampaignsPage *self)
{
  if (self->letter == NULL || self->updating)
    return;
  self->letter->status = adw_combo_row_get_selected (row);
  if (self->letter->status != COALITION_LETTER_SENT)
    {
      g_free (self->letter->sent_on);
      self->letter->sent_on = g_strdup ("");
    }
  save_letter (self);
}

static void
addressee_picked (gpointer    data,
                  PickKind    kind,
                  gint64      id,
                  const char *name)
{
  CoalitionCampaignsPage *self = data;

  if (self->letter == NULL)
    return;
  self->letter->addressee_id = id;
  save_letter (self);
}

/* The text is saved when the focus leaves it, not on every key. */
static void
letter_text_left_cb (CoalitionCampaignsPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->letter_text);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->letter == NULL || self->updating || self->text_letter_id != self->letter->id)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, self->letter->body) == 0)
    return;
  g_free (self->letter->body);
  self->letter->body = g_steal_pointer (&text);
  save_letter (self);
}

static void
remove_signatory_cb (GtkButton              *button,
                     CoalitionCampaignsPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!coalition_store_remove_signatory (self->store, get_id (button, "signatory-id"), &error))
    toast_error (self, error);
}

static void
show_signatories (CoalitionCampaignsPage *self)
{
  g_autoptr(GPtrArray) signatories = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  clear_rows (self, ROWS_SIGNATORIES);
  signatories = coalition_store_list_signatories (self->store, self->letter_id, &error);
  toast_error (self, error);
  for (guint i = 0; signatories != NULL && i < signatories->len; i++)
    {
      CoalitionSignatory *signatory = signatories->pdata[i];
      g_autofree char *day = format_date (signatory->signed_on);
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row, *remove;

      if (*signatory->signed_by != '\0')
        /* Translators: "Signed by Rev. Ama Mensah, Pastor, on 3 March 2026" */
        subtitle = g_strdup_printf (_("Signed by %s, on %s"), signatory->signed_by, day);
      else
        /* Translators: "Signed on 3 March 2026" */
        subtitle = g_strdup_printf (_("Signed on %s"), day);
      row = text_row (signatory->name, subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (signatory->organization_id ? "system-users-symbolic"
                                                                                          : "avatar-default-symbolic"));
      /* Translators: the accessible name of the remove button of a signatory */
      remove_label = g_strdup_printf (_("Remove “%s”"), signatory->name);
      remove = icon_button ("user-trash-symbolic", _("Remove This Signatory"), remove_label);
      set_id (remove, "signatory-id", signatory->id);
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_signatory_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      add_row (self, ROWS_SIGNATORIES, row);
    }
  if (signatories == NULL || signatories->len == 0)
    add_row (self, ROWS_SIGNATORIES,
             placeholder_row (_("Nobody has signed yet"), _("Add the organizations and people who sign on.")));
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u signed", "%u signed", signatories ? signatories->len : 0),
                           signatories ? signatories->len : 0);
  adw_preferences_group_set_description (self->groups[ROWS_SIGNATORIES], count);
}

/* Everyone in a group of the coalition: the core group, a committee or a
 * working group. */
static GHashTable *
people_in_groups (CoalitionStore *store)
{
  GHashTable *people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) groups = coalition_store_list_groups (store, NULL);

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      g_autoptr(GPtrArray) members = coalition_store_list_group_members (store,
                                                                         coalition_group_get_id (groups->pdata[i]),
                                                                         NULL);

      for (guint m = 0; members != NULL && m < members->len; m++)
        {
          gint64 id = ((CoalitionMembership *)members->pdata[m])->person_id;

          g_hash_table_add (people, g_memdup2 (&id, sizeof id));
        }
    }
  return people;
}

/* Who to ask: each member organization that has not signed, through its
 * representatives as the meetings invite them (its people in a group of
 * the coalition, else the first of its people), or its own address. */
static void
show_ask (CoalitionCampaignsPage *self)
{
  g_autoptr(GPtrArray) unsigned_members = NULL;
  g_autoptr(GHashTable) in_groups = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self, ROWS_ASK);
  g_ptr_array_set_size (self->ask_addresses, 0);
  unsigned_members = coalition_store_list_unsigned_members (self->store, self->letter_id, &error);
  toast_error (self, error);
  if (unsigned_members != NULL && unsigned_members->len > 0)
    in_groups = people_in_groups (self->store);
  for (guint i = 0; unsigned_members != NULL && i < unsigned_members->len; i++)
    {
      CoalitionOrganization *organization = unsigned_members->pdata[i];
      g_autoptr(GArray) ids = coalition_store_find_people_of_organization (self->store,
                                                                           coalition_organization_get_id (organization),
                                                                           NULL);
      g_autoptr(GArray) representatives = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GPtrArray) people = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *subtitle = NULL;
      guint n_addresses = 0;
      GtkWidget *row;

      for (guint p = 0; ids != NULL && p < ids->len; p++)
        if (g_hash_table_contains (in_groups, &g_array_index (ids, gint64, p)))
          g_array_append_val (representatives, g_array_index (ids, gint64, p));
      if (representatives->len == 0 && ids != NULL && ids->len > 0)
        g_array_append_val (representatives, g_array_index (ids, gint64, 0));
      if (representatives->len > 0)
        people = coalition_store_get_people (self->store, (const gint64 *)representatives->data, representatives->len,
                                             NULL);
      for (guint p = 0; people != NULL && p < people->len; p++)
        {
          CoalitionPerson *person = people->pdata[p];
          const char *email = person ? coalition_person_get_primary_email (person) : NULL;

          if (person == NULL)
            continue;
          if (email == NULL || *email == '\0')
            {
              g_ptr_array_add (names, g_strdup (coalition_person_get_display_name (person)));
              continue;
            }
          g_ptr_array_add (self->ask_addresses, g_strdup (email));
          g_ptr_array_add (names, g_strdup_printf ("%s <%s>", coalition_person_get_display_name (person), email));
          n_addresses++;
        }
      if (n_addresses == 0)
        {
          GPtrArray *emails = coalition_organization_get_emails (organization);

          if (emails != NULL && emails->len > 0)
            {
              const char *email = ((CoalitionContactPoint *)emails->pdata[0])->value;

              g_ptr_array_add (self->ask_addresses, g_strdup (email));
              g_ptr_array_add (names, g_strdup (email));
              n_addresses++;
            }
        }
      if (names->len > 0)
        {
          g_ptr_array_add (names, NULL);
          subtitle = g_strjoinv (", ", (char **)names->pdata);
        }
      if (n_addresses == 0)
        {
          /* Translators: an organization to ask whose people have no e-mail address, "Ama Mensah: no e-mail address" */
          g_autofree char *without = subtitle ? g_strdup_printf (_("%s: no e-mail address"), subtitle) : NULL;

          g_free (subtitle);
          subtitle = without ? g_steal_pointer (&without) : g_strdup (_("Nobody in the directory to ask"));
        }
      row = text_row (coalition_organization_get_name (organization), subtitle);
      add_row (self, ROWS_ASK, row);
    }
  if (unsigned_members == NULL || unsigned_members->len == 0)
    add_row (self, ROWS_ASK, placeholder_row (_("Every member organization has signed"), NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.copy-ask", self->ask_addresses->len > 0);
}

static void
show_letter (CoalitionCampaignsPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->letter_text);

  g_clear_pointer (&self->letter, coalition_letter_free);
  self->letter = coalition_store_get_letter (self->store, self->letter_id, &error);
  if (self->letter == NULL)
    {
      self->letter_id = 0;
      return;
    }

  gtk_label_set_text (self->letter_label, self->letter->title);
  set_entry_text (self->letter_title_row, self->letter->title);
  set_entry_text (self->deadline_row, self->letter->deadline);
  if (self->letter->addressee_id != 0 && *self->letter->addressee_title != '\0')
    {
      /* Translators: the addressee of a letter and their title, "Grace Lin, Mayor" */
      g_autofree char *addressee = g_strdup_printf (_("%s, %s"), self->letter->addressee_name,
                                                    self->letter->addressee_title);

      adw_action_row_set_subtitle (self->addressee_row, addressee);
    }
  else if (self->letter->addressee_id != 0)
    adw_action_row_set_subtitle (self->addressee_row, self->letter->addressee_name);
  else
    adw_action_row_set_subtitle (self->addressee_row, _("Choose the decision maker it is addressed to"));
  adw_combo_row_set_selected (self->letter_status_row, self->letter->status);
  if (self->letter->status == COALITION_LETTER_SENT && *self->letter->sent_on != '\0')
    {
      g_autofree char *day = format_date (self->letter->sent_on);
      /* Translators: under the status of a sent letter, "On 15 January 2027" */
      g_autofree char *text = g_strdup_printf (_("On %s"), day);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->letter_status_row), text);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->letter_status_row), "");

  /* What someone is writing stays as it is. */
  if (self->text_letter_id != self->letter_id || !has_focus_within (self->letter_text))
    {
      g_autofree char *text = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (text, self->letter->body) != 0)
        gtk_text_buffer_set_text (buffer, self->letter->body, -1);
      self->text_letter_id = self->letter_id;
    }

  show_signatories (self);
  show_ask (self);
}

typedef struct
{
  gint64        letter_id;
  gint64        organization_id;
  gint64        person_id;
  AdwActionRow *chosen;
  GtkEditable  *signed_by;
  GtkEditable  *signed_on;
  AdwMessageDialog *dialog;
} SignatoryForm;

static void
signatory_picked (gpointer    data,
                  PickKind    kind,
                  gint64      id,
                  const char *name)
{
  SignatoryForm *form = data;

  form->organization_id = kind == PICK_ORGANIZATION ? id : 0;
  form->person_id = kind == PICK_PERSON ? id : 0;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->chosen), name);
  adw_action_row_set_subtitle (form->chosen, kind == PICK_PERSON ? _("Signs for themselves")
                                                                   : _("Signs as an organization"));
  gtk_widget_set_sensitive (GTK_WIDGET (form->signed_by), kind == PICK_ORGANIZATION);
  g_object_set_data (G_OBJECT (form->dialog), "missing-choice", GINT_TO_POINTER (FALSE));
  check_form (form->dialog);
  gtk_widget_grab_focus (GTK_WIDGET (kind == PICK_ORGANIZATION ? form->signed_by : form->signed_on));
}

static void
signatory_response_cb (AdwMessageDialog       *dialog,
                       const char             *response,
                       CoalitionCampaignsPage *self)
{
  SignatoryForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autofree char *signed_by = trimmed_text (form->signed_by);
  g_autofree char *signed_on = form_date (form->signed_on);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || self->store == NULL || signed_on == NULL
      || (form->organization_id == 0 && form->person_id == 0))
    return;
  if (coalition_store_add_signatory (self->store, form->letter_id, form->organization_id, form->person_id,
                                     form->organization_id ? signed_by : NULL, *signed_on ? signed_on : NULL,
                                     &error) == 0)
    toast_error (self, error);
}

static void
add_signatory_cb (GtkButton              *button,
                  CoalitionCampaignsPage *self)
{
  SignatoryForm *form;
  AdwMessageDialog *dialog;
  GtkWidget *box, *list, *picker;
  g_autofree char *today = coalition_store_today ();

  if (self->store == NULL || self->letter == NULL)
    return;
  form = g_new0 (SignatoryForm, 1);
  form->letter_id = self->letter_id;
  dialog = form_dialog (self, _("Add a Signatory"),
                        _("An organization signs through someone who signs for it; a person may sign for "
                          "themselves."));
  form->dialog = dialog;
  g_object_set_data_full (G_OBJECT (dialog), "form", form, g_free);
  g_object_set_data (G_OBJECT (dialog), "missing-choice", GINT_TO_POINTER (TRUE));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  picker = picker_new (self->store, PICK_ORGANIZATION | PICK_PERSON, _("Search organizations and people"), NULL,
                       signatory_picked, form);
  {
    Picker *state = g_object_get_data (G_OBJECT (picker), "picker");
    g_autoptr(GPtrArray) signatories = coalition_store_list_signatories (self->store, self->letter_id, NULL);

    /* Those who signed are shown, but cannot sign twice. */
    state->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    for (guint i = 0; signatories != NULL && i < signatories->len; i++)
      {
        CoalitionSignatory *signatory = signatories->pdata[i];

        g_hash_table_add (state->taken, signatory->organization_id
                                        ? g_strdup_printf ("o%" G_GINT64_FORMAT, signatory->organization_id)
                                        : g_strdup_printf ("p%" G_GINT64_FORMAT, signatory->person_id));
      }
    picker_search_cb (g_object_get_data (G_OBJECT (picker), "entry"), state);
  }
  gtk_box_append (GTK_BOX (box), picker);
  list = boxed_list ();
  form->chosen = ADW_ACTION_ROW (text_row (_("Nobody chosen yet"), _("Choose who signs above")));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->chosen));
  form->signed_by = form_entry (dialog, list, _("Signed By (Name, Title)"), NULL, 0);
  form->signed_on = form_entry (dialog, list, _("Signed On, as Year-Month-Day"), today, FIELD_REQUIRED | FIELD_DATE);
  gtk_box_append (GTK_BOX (box), list);
  adw_message_dialog_set_extra_child (dialog, box);
  form_responses (dialog, _("_Add Signatory"), FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (signatory_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (picker), "entry"));
}

static void
copy_ask_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CoalitionCampaignsPage *self = COALITION_CAMPAIGNS_PAGE (widget);
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;

  if (self->ask_addresses->len == 0)
    {
      toast (self, _("None of them has an e-mail address in the directory"));
      return;
    }
  g_ptr_array_add (self->ask_addresses, NULL);
  text = g_strjoinv (", ", (char **)self->ask_addresses->pdata);
  g_ptr_array_remove_index (self->ask_addresses, self->ask_addresses->len - 1);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Copied %u e-mail address", "Copied %u e-mail addresses",
                                          self->ask_addresses->len), self->ask_addresses->len);
  toast (self, message);
}

static void
back_to_campaign_cb (GtkButton              *button,
                     CoalitionCampaignsPage *self)
{
  coalition_campaigns_page_show_campaign (self, self->campaign_id);
}

static void
delete_letter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CoalitionCampaignsPage *self = COALITION_CAMPAIGNS_PAGE (widget);
  g_autofree char *title = NULL;

  if (self->letter == NULL)
    return;
  /* The letter, its text and its list of signatories. */
  title = g_strdup (self->letter->title);
  if (coalition_window_delete_undoably (GTK_WIDGET (self), coalition_store_delete_letter, self->letter->id, title))
    coalition_campaigns_page_show_campaign (self, self->campaign_id);
}

/* ---------------------------------------------------------------------- */
/* Export and print */

gboolean
coalition_campaigns_page_export_letter (CoalitionCampaignsPage *self,
                                        gint64                  letter_id,
                                        const char             *path,
                                        GError                **error)
{
  g_autoptr(CoalitionDocument) document = NULL;
  double width, height;

  g_return_val_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  coalition_document_locale_paper (&width, &height);
  document = coalition_document_new_letter (self->store, letter_id, width, height, error);
  return document != NULL && coalition_document_write_pdf (document, path, error);
}

gboolean
coalition_campaigns_page_export_signatories (CoalitionCampaignsPage *self,
                                             gint64                  letter_id,
                                             const char             *path,
                                             GError                **error)
{
  g_return_val_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  return coalition_export_signatories_csv (self->store, letter_id, path, error);
}

static gboolean
has_extension (const char *path,
               const char *extension)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  return g_str_has_suffix (lower, extension);
}

gboolean
coalition_campaigns_page_write_update (CoalitionCampaignsPage *self,
                                       int                     year,
                                       int                     month,
                                       const char             *path,
                                       GError                **error)
{
  g_autoptr(CoalitionUpdate) update = NULL;

  g_return_val_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (has_extension (path, ".pdf"))
    {
      g_autoptr(CoalitionDocument) document = NULL;
      double width, height;

      coalition_document_locale_paper (&width, &height);
      document = coalition_document_new_update (self->store, year, month, width, height, error);
      return document != NULL && coalition_document_write_pdf (document, path, error);
    }
  update = coalition_update_gather (self->store, year, month, error);
  return update != NULL && coalition_update_write_html (update, self->store, path, error);
}

typedef enum { EXPORT_LETTER, EXPORT_SIGNATORIES, EXPORT_UPDATE } ExportKind;

static void
export_response_cb (GtkNativeDialog        *chooser,
                    int                     response,
                    CoalitionCampaignsPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      gint64 id = get_id (chooser, "id");
      gboolean done = FALSE;

      switch (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind")))
        {
        case EXPORT_LETTER:
          done = coalition_campaigns_page_export_letter (self, id, path, &error);
          break;
        case EXPORT_SIGNATORIES:
          done = coalition_campaigns_page_export_signatories (self, id, path, &error);
          break;
        case EXPORT_UPDATE:
        default:
          /* The month travels as year × 100 + month. */
          done = coalition_campaigns_page_write_update (self, (int)(id / 100), (int)(id % 100), path, &error);
          break;
        }
      if (done)
        {
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);

          toast (self, message);
        }
      else
        toast_error (self, error);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (CoalitionCampaignsPage *self,
             const char             *title,
             const char             *suggested_stem,
             const char             *extension,
             ExportKind              kind,
             gint64                  id)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = g_strdup_printf ("%s.%s", suggested_stem, extension);
  GtkFileChooserNative *chooser;

  g_strdelimit (suggested, "/\\:", '-');
  chooser = gtk_file_chooser_native_new (title, parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  if (g_str_equal (extension, "pdf"))
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_pattern (filter, "*.pdf");
    }
  else if (g_str_equal (extension, "csv"))
    {
      gtk_file_filter_set_name (filter, _("CSV spreadsheets"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("HTML pages"));
      gtk_file_filter_add_mime_type (filter, "text/html");
      gtk_file_filter_add_pattern (filter, "*.html");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
  set_id (chooser, "id", id);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_letter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CoalitionCampaignsPage *self = COALITION_CAMPAIGNS_PAGE (widget);

  if (self->letter != NULL)
    choose_file (self, _("Export the Letter as PDF"), self->letter->title, "pdf", EXPORT_LETTER, self->letter->id);
}

static void
export_signatories_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  CoalitionCampaignsPage *self = COALITION_CAMPAIGNS_PAGE (widget);
  g_autofree char *stem = NULL;

  if (self->letter == NULL)
    return;
  /* Translators: a suggested file name, "Letter to the Council, signatories" */
  stem = g_strdup_printf (_("%s, signatories"), self->letter->title);
  choose_file (self, _("Export Signatories"), stem, "csv", EXPORT_SIGNATORIES, self->letter->id);
}

typedef struct
{
  CoalitionCampaignsPage *self;
  gint64                  letter_id;
  CoalitionDocument      *document;
} LetterPrinting;

static void
letter_printing_free (LetterPrinting *printing)
{
  g_clear_pointer (&printing->document, coalition_document_free);
  g_object_unref (printing->self);
  g_free (printing);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LetterPrinting    *printing)
{
  g_autoptr(GError) error = NULL;

  /* Laid out for the paper chosen, in points. */
  g_clear_pointer (&printing->document, coalition_document_free);
  if (printing->self->store != NULL)
    printing->document = coalition_document_new_letter (printing->self->store, printing->letter_id,
                                                        gtk_print_context_get_width (context),
                                                        gtk_print_context_get_height (context), &error);
  if (printing->document == NULL)
    {
      gtk_print_operation_cancel (operation);
      toast_error (printing->self, error);
      return;
    }
  gtk_print_operation_set_n_pages (operation, coalition_document_get_n_pages (printing->document));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              LetterPrinting    *printing)
{
  if (printing->document != NULL)
    coalition_document_draw_page (printing->document, gtk_print_context_get_cairo_context (context), page);
}

static void
print_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CoalitionCampaignsPage *self = COALITION_CAMPAIGNS_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  LetterPrinting *printing;

  if (self->letter == NULL)
    return;
  printing = g_new0 (LetterPrinting, 1);
  printing->self = g_object_ref (self);
  printing->letter_id = self->letter->id;
  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "printing", printing, (GDestroyNotify)letter_printing_free);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, self->letter->title);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), printing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), printing);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent_window (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    toast_error (self, error);
}

/* ---------------------------------------------------------------------- */
/* The monthly update */

static void
update_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    CoalitionCampaignsPage *self)
{
  GArray *months = g_object_get_data (G_OBJECT (dialog), "months");
  GtkStringList *labels = g_object_get_data (G_OBJECT (dialog), "labels");
  guint chosen = adw_combo_row_get_selected (g_object_get_data (G_OBJECT (dialog), "month"));
  g_autofree char *stem = NULL;
  gint64 month;

  if (self->store == NULL || chosen >= months->len
      || (!g_str_equal (response, "html") && !g_str_equal (response, "pdf")))
    return;
  month = g_array_index (months, gint64, chosen);
  /* Translators: a suggested file name, "Monthly update, December 2026" */
  stem = g_strdup_printf (_("Monthly update, %s"), gtk_string_list_get_string (labels, chosen));
  choose_file (self, g_str_equal (response, "pdf") ? _("Save the Update as PDF") : _("Save the Update as HTML"), stem,
               response, EXPORT_UPDATE, month);
}

void
coalition_campaigns_page_monthly_update (CoalitionCampaignsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GArray *months = g_array_new (FALSE, FALSE, sizeof (gint64));
  AdwMessageDialog *dialog;
  AdwComboRow *month_row;
  GtkWidget *list = boxed_list ();

  g_return_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self));
  if (self->store == NULL)
    return;

  /* The past year and the month to come; this month first chosen. */
  for (int offset = -12; offset <= 1; offset++)
    {
      g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                          1, 12, 0, 0);
      g_autoptr(GDateTime) day = g_date_time_add_months (first, offset);
      /* Translators: a month to choose for the update, "December 2026"; see g_date_time_format() */
      g_autofree char *label = g_date_time_format (day, _("%B %Y"));
      gint64 month = g_date_time_get_year (day) * 100 + g_date_time_get_month (day);

      gtk_string_list_append (labels, label);
      g_array_append_val (months, month);
    }
  month_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (month_row), _("Month"));
  adw_combo_row_set_model (month_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (month_row, 12);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (month_row));

  dialog = form_dialog (self, _("Monthly Update"),
                        _("The month's decisions, wins, new members and open letters, with the meetings and "
                          "deadlines to come: an e-mail for the members, or a page to print."));
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "pdf", _("Save as _PDF…"),
                                    "html", _("Save as _HTML…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "html", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "html");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "months", months, (GDestroyNotify)g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "labels", g_object_ref (labels), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "month", month_row);
  g_signal_connect_object (dialog, "response", G_CALLBACK (update_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
monthly_update_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  coalition_campaigns_page_monthly_update (COALITION_CAMPAIGNS_PAGE (widget));
}

/* ---------------------------------------------------------------------- */
/* Campaigns: new and deleted */

static void
new_campaign_response_cb (AdwMessageDialog       *dialog,
                          const char             *response,
                          CoalitionCampaignsPage *self)
{
  GtkEditable **rows = g_object_get_data (G_OBJECT (dialog), "rows");
  g_autofree char *name = trimmed_text (rows[0]);
  g_autoptr(GString) objectives = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 campaign_id;

  if (!g_str_equal (response, "save") || self->store == NULL)
    return;
  for (guint i = 1; i < 4; i++)
    {
      g_autofree char *objective = trimmed_text (rows[i]);

      if (*objective == '\0')
        continue;
      if (objectives->len > 0)
        g_string_append_c (objectives, '\n');
      g_string_append (objectives, objective);
    }
  campaign_id = coalition_store_create_campaign (self->store, name, objectives->str, &error);
  if (campaign_id == 0)
    {
      toast_error (self, error);
      return;
    }
  coalition_campaigns_page_show_campaign (self, campaign_id);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

void
coalition_campaigns_page_new_campaign (CoalitionCampaignsPage *self)
{
  AdwMessageDialog *dialog;
  GtkWidget *list = boxed_list ();
  GtkEditable **rows;

  g_return_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self));
  if (self->store == NULL)
    return;

  dialog = form_dialog (self, _("New Campaign"),
                        _("A campaign pursues one to three core objectives, through short- and long-term goals "
                          "measured by benchmarks."));
  rows = g_new0 (GtkEditable *, 4);
  g_object_set_data_full (G_OBJECT (dialog), "rows", rows, g_free);
  rows[0] = form_entry (dialog, list, _("Name"), NULL, FIELD_REQUIRED);
  rows[1] = form_entry (dialog, list, _("First Core Objective"), NULL, 0);
  rows[2] = form_entry (dialog, list, _("Second Core Objective (If Any)"), NULL, 0);
  rows[3] = form_entry (dialog, list, _("Third Core Objective (If Any)"), NULL, 0);
  adw_message_dialog_set_extra_child (dialog, list);
  form_responses (dialog, _("_Create"), FALSE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_campaign_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (rows[0]));
}

static void
new_campaign_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  coalition_campaigns_page_new_campaign (COALITION_CAMPAIGNS_PAGE (widget));
}

static void
delete_campaign_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CoalitionCampaignsPage *self = COALITION_CAMPAIGNS_PAGE (widget);
  g_autofree char *name = NULL;

  if (self->campaign_id == 0)
    return;
  /* Its goals, benchmarks, wins and sign-on letters go with it; its power
   * maps and everyone in the directory stay. */
  name = g_strdup (gtk_label_get_text (self->name_label));
  coalition_window_delete_undoably (GTK_WIDGET (self), coalition_store_delete_campaign, self->campaign_id, name);
}

static void
record_win_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  coalition_campaigns_page_record_win (COALITION_CAMPAIGNS_PAGE (widget));
}

/* ---------------------------------------------------------------------- */
/* Loading */

static void
reload (CoalitionCampaignsPage *self)
{
  g_autoptr(CoalitionCampaign) campaign = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->updating = TRUE;
  fill_campaign_list (self);
  if (self->campaign_id != 0)
    {
      campaign = coalition_store_get_campaign (self->store, self->campaign_id, &error);
      if (campaign == NULL)
        {
          toast_error (self, error);
          self->campaign_id = 0;
        }
    }
  if (campaign != NULL)
    {
      show_heading (self, campaign);
      show_glance (self, campaign);
      show_maps (self, campaign);
      show_goals (self);
      show_wins (self);
      show_letters (self);
      if (self->letter_id != 0)
        show_letter (self);
    }
  else
    self->letter_id = 0;
  if (self->letter_id == 0)
    g_clear_pointer (&self->letter, coalition_letter_free);
  self->updating = FALSE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.delete", self->campaign_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.record-win", self->campaign_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "campaign.new-letter", self->campaign_id != 0);
  gtk_stack_set_visible_child_name (self->content, self->campaign_ids->len == 0 ? "empty"
                                                   : self->campaign_id == 0 ? "none"
                                                   : self->letter_id != 0 ? "letter" : "campaign");
}

/* ---------------------------------------------------------------------- */
/* Public */

static void
forget_goals (CoalitionCampaignsPage *self)
{
  g_hash_table_remove_all (self->expanded);
  g_hash_table_remove_all (self->seen_goals);
}

void
coalition_campaigns_page_set_store (CoalitionCampaignsPage *self,
                                    CoalitionStore         *store)
{
  g_return_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  picker_set_store (self->addressee_picker, store);
  self->campaign_id = 0;
  self->letter_id = 0;
  forget_goals (self);
  if (store != NULL)
    {
      const char *names[] = { "campaign-changed", "map-changed", "person-changed", "person-removed",
                              "organization-changed", "organization-removed", "group-changed", "changed" };
      g_autoptr(GPtrArray) campaigns = coalition_store_list_campaigns (store, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_signal_connect_object (store, names[i], G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      /* The first campaign, so that the page opens on something. */
      if (campaigns != NULL && campaigns->len > 0)
        self->campaign_id = ((CoalitionCampaign *)campaigns->pdata[0])->id;
    }
  reload (self);
}

void
coalition_campaigns_page_show_campaign (CoalitionCampaignsPage *self,
                                        gint64                  campaign_id)
{
  g_return_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self));

  if (campaign_id != self->campaign_id)
    forget_goals (self);
  self->campaign_id = campaign_id;
  self->letter_id = 0;
  reload (self);
}

gint64
coalition_campaigns_page_get_campaign_id (CoalitionCampaignsPage *self)
{
  g_return_val_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self), 0);

  return self->campaign_id;
}

void
coalition_campaigns_page_show_letter (CoalitionCampaignsPage *self,
                                      gint64                  letter_id)
{
  g_autoptr(CoalitionLetter) letter = NULL;

  g_return_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self));

  if (self->store == NULL || (letter = coalition_store_get_letter (self->store, letter_id, NULL)) == NULL)
    return;
  if (letter->campaign_id != 0 && letter->campaign_id != self->campaign_id)
    {
      forget_goals (self);
      self->campaign_id = letter->campaign_id;
    }
  self->letter_id = letter_id;
  reload (self);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

gint64
coalition_campaigns_page_get_letter_id (CoalitionCampaignsPage *self)
{
  g_return_val_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self), 0);

  return self->letter_id;
}

void
coalition_campaigns_page_record_win (CoalitionCampaignsPage *self)
{
  g_return_if_fail (COALITION_IS_CAMPAIGNS_PAGE (self));

  win_dialog (self, NULL);
}

/* ---------------------------------------------------------------------- */
/* Building */

static GtkWidget *
build_list_side (CoalitionCampaignsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *button = labelled_button ("list-add-symbolic", _("_New Campaign…"));

  gtk_widget_set_size_request (box, 240, -1);
  self->campaign_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->campaign_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->campaign_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Campaigns"),
                                  -1);
  g_signal_connect_object (self->campaign_list, "row-selected", G_CALLBACK (campaign_selected_cb), self, 0);
  g_signal_connect_object (self->campaign_list, "row-activated", G_CALLBACK (campaign_activated_cb), self, 0);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->campaign_list));
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "campaign.new");
  gtk_widget_set_margin_start (button, 6);
  gtk_widget_set_margin_end (button, 6);
  gtk_widget_set_margin_top (button, 6);
  gtk_widget_set_margin_bottom (button, 6);

  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static AdwPreferencesGroup *
new_group (GtkWidget  *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = coalition_preferences_group_new (title, description);

  gtk_box_append (GTK_BOX (box), group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
page_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static GtkWidget *
scrolled_clamp (GtkWidget *box)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_hexpand (scroller, TRUE);
  return scroller;
}

static void
back_to_list_cb (GtkButton              *button,
                 CoalitionCampaignsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* The title of a view, with a way back and a menu. */
static GtkWidget *
heading_row (GtkWidget  *back,
             GtkLabel   *title,
             GtkWidget  *menu_button)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_add_css_class (GTK_WIDGET (title), "title-2");
  gtk_label_set_wrap (title, TRUE);
  gtk_label_set_wrap_mode (title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (title, 0);
  gtk_label_set_selectable (title, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (title), TRUE);
  /* Beside the first line of a long title, as on the other pages. */
  gtk_widget_set_valign (back, GTK_ALIGN_START);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), back);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (title));
  gtk_box_append (GTK_BOX (row), menu_button);
  return row;
}

static GtkWidget *
menu_button (GMenu      *menu,
             const char *tooltip)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
glance_card (CoalitionCampaignsPage *self,
             guint                   which,
             const char             *caption,
             const char             *tooltip)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new ("0");
  GtkWidget *label = gtk_label_new (caption);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (number, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_box_append (GTK_BOX (card), number);
  gtk_box_append (GTK_BOX (card), label);
  gtk_widget_set_tooltip_text (card, tooltip);
  self->glance_numbers[which] = GTK_LABEL (number);
  return card;
}

static GtkWidget *
build_campaign_view (CoalitionCampaignsPage *self)
{
  GtkWidget *box = page_box ();
  GtkWidget *back = icon_button ("go-previous-symbolic", _("Back to the Campaigns"), NULL);
  GtkWidget *glance = gtk_flow_box_new ();
  GtkWidget *glance_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *add, *record, *new_letter, *more;
  AdwPreferencesGroup *about, *progress;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) adding = g_menu_new ();
  g_autoptr(GMenu) removing = g_menu_new ();
  const char *objective_titles[] = { N_("First Core Objective"), N_("Second Core Objective"),
                                     N_("Third Core Objective") };

  g_signal_connect_object (back, "clicked", G_CALLBACK (back_to_list_cb), self, 0);
  g_object_bind_property (self->leaflet, "folded", back, "visible", G_BINDING_SYNC_CREATE);
  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  g_menu_append (adding, _("_Record a Win…"), "campaign.record-win");
  g_menu_append (adding, _("New _Sign-On Letter…"), "campaign.new-letter");
  g_menu_append (adding, _("Monthly _Update…"), "campaign.monthly-update");
  g_menu_append (removing, _("_Delete Campaign…"), "campaign.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (adding));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removing));
  more = menu_button (menu, _("Campaign Menu"));
  gtk_box_append (GTK_BOX (box), heading_row (back, self->name_label, more));

  /* Progress at a glance */
  progress = new_group (box, _("Progress at a Glance"), NULL);
  /* Two pairs: side by side when there is room, else one above the other. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (glance), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (glance), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (glance), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (glance), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (glance), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (glance), 12);
  for (guint pair = 0; pair < 2; pair++)
    {
      GtkWidget *cards = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      gtk_box_set_homogeneous (GTK_BOX (cards), TRUE);
      if (pair == 0)
        {
          gtk_box_append (GTK_BOX (cards), glance_card (self, GLANCE_MET, _("Benchmarks Met"),
                                                        _("Benchmarks met, of all the campaign's")));
          gtk_box_append (GTK_BOX (cards), glance_card (self, GLANCE_DUE_SOON, _("Due Soon"),
                                                        _("Not met yet, due within two weeks")));
        }
      else
        {
          gtk_box_append (GTK_BOX (cards), glance_card (self, GLANCE_OVERDUE, _("Overdue"),
                                                        _("Not met by their due date: shown as missed")));
          gtk_box_append (GTK_BOX (cards), glance_card (self, GLANCE_WINS, _("Wins"), _("Wins recorded")));
        }
      gtk_flow_box_append (GTK_FLOW_BOX (glance), cards);
    }
  /* The numbers are read, not visited one by one. */
  for (GtkWidget *child = gtk_widget_get_first_child (glance); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  self->glance_bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->glance_bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Benchmarks met"), -1);
  gtk_box_append (GTK_BOX (glance_box), glance);
  gtk_box_append (GTK_BOX (glance_box), GTK_WIDGET (self->glance_bar));
  adw_preferences_group_add (progress, glance_box);

  /* Name and core objectives */
  about = new_group (box, _("Core Objectives"), _("One to three: what the coalition must achieve together"));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Campaign Name"));
  adw_entry_row_set_show_apply_button (self->name_row, TRUE);
  g_signal_connect_object (self->name_row, "apply", G_CALLBACK (campaign_applied_cb), self, 0);
  adw_preferences_group_add (about, GTK_WIDGET (self->name_row));
  for (guint i = 0; i < 3; i++)
    {
      self->objective_rows[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->objective_rows[i]), _(objective_titles[i]));
      adw_entry_row_set_show_apply_button (self->objective_rows[i], TRUE);
      g_signal_connect_object (self->objective_rows[i], "apply", G_CALLBACK (campaign_applied_cb), self, 0);
      adw_preferences_group_add (about, GTK_WIDGET (self->objective_rows[i]));
    }

  /* Power maps */
  self->groups[ROWS_MAPS] = new_group (box, _("Power Maps"), _("Who decides, and who can reach them"));
  self->link_menu = g_menu_new ();
  self->link_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_label (self->link_button, _("_Link…"));
  gtk_menu_button_set_use_underline (self->link_button, TRUE);
  gtk_menu_button_set_menu_model (self->link_button, G_MENU_MODEL (self->link_menu));
  gtk_widget_add_css_class (GTK_WIDGET (self->link_button), "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Link a Power Map to the Campaign"), -1);
  adw_preferences_group_set_header_suffix (self->groups[ROWS_MAPS], GTK_WIDGET (self->link_button));

  /* Goals, short-term then long-term */
  self->groups[ROWS_SHORT] = new_group (box, _("Short-Term Goals"), NULL);
  add = icon_button ("list-add-symbolic", _("Add a Short-Term Goal"), NULL);
  g_object_set_data (G_OBJECT (add), "term", GINT_TO_POINTER (COALITION_GOAL_SHORT_TERM));
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_goal_cb), self, 0);
  adw_preferences_group_set_header_suffix (self->groups[ROWS_SHORT], add);
  self->groups[ROWS_LONG] = new_group (box, _("Long-Term Goals"), NULL);
  add = icon_button ("list-add-symbolic", _("Add a Long-Term Goal"), NULL);
  g_object_set_data (G_OBJECT (add), "term", GINT_TO_POINTER (COALITION_GOAL_LONG_TERM));
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_goal_cb), self, 0);
  adw_preferences_group_set_header_suffix (self->groups[ROWS_LONG], add);

  /* Wins */
  self->groups[ROWS_WINS] = new_group (box, _("Wins"), NULL);
  record = labelled_button ("list-add-symbolic", _("_Record…"));
  gtk_widget_set_tooltip_text (record, _("Record a Win"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (record), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Record a Win"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "campaign.record-win");
  adw_preferences_group_set_header_suffix (self->groups[ROWS_WINS], record);

  /* Sign-on letters */
  self->groups[ROWS_LETTERS] = new_group (box, _("Sign-On Letters"), NULL);
  new_letter = labelled_button ("list-add-symbolic", _("_New…"));
  gtk_widget_set_tooltip_text (new_letter, _("New Sign-On Letter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (new_letter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Sign-On Letter"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_letter), "campaign.new-letter");
  adw_preferences_group_set_header_suffix (self->groups[ROWS_LETTERS], new_letter);

  return scrolled_clamp (box);
}

static GtkWidget *
build_letter_view (CoalitionCampaignsPage *self)
{
  GtkWidget *box = page_box ();
  GtkWidget *back = icon_button ("go-previous-symbolic", _("Back to the Campaign"), NULL);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picker, *add, *copy, *more;
  AdwPreferencesGroup *details, *text;
  GtkEventController *focus;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) out = g_menu_new ();
  g_autoptr(GMenu) removing = g_menu_new ();
  const char *statuses[COALITION_LETTER_STATUS_LAST + 2] = { NULL };

  for (int s = 0; s <= COALITION_LETTER_STATUS_LAST; s++)
    statuses[s] = coalition_letter_status_get_label (s);

  g_signal_connect_object (back, "clicked", G_CALLBACK (back_to_campaign_cb), self, 0);
  self->letter_label = GTK_LABEL (gtk_label_new (NULL));
  g_menu_append (out, _("Export as _PDF…"), "campaign.export-letter");
  g_menu_append (out, _("Export _Signatories…"), "campaign.export-signatories");
  g_menu_append (out, _("_Print…"), "campaign.print-letter");
  g_menu_append (removing, _("_Delete Letter…"), "campaign.delete-letter");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (out));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (removing));
  more = menu_button (menu, _("Export, Print or Delete the Letter"));
  gtk_box_append (GTK_BOX (box), heading_row (back, self->letter_label, more));

  details = new_group (box, _("Sign-On Letter"), NULL);
  self->letter_title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->letter_title_row), _("Title"));
  adw_entry_row_set_show_apply_button (self->letter_title_row, TRUE);
  g_signal_connect_object (self->letter_title_row, "apply", G_CALLBACK (letter_title_applied_cb), self, 0);
  adw_preferences_group_add (details, GTK_WIDGET (self->letter_title_row));

  self->addressee_row = ADW_ACTION_ROW (text_row (_("Addressed To"), NULL));
  self->addressee_picker = picker = picker_new (NULL, PICK_PERSON, _("Search the directory"), _("Nobody"),
                                                addressee_picked, self);
  self->addressee_button = picker_button (picker, _("_Choose…"), _("Choose Who the Letter Is Addressed To"));
  adw_action_row_add_suffix (self->addressee_row, GTK_WIDGET (self->addressee_button));
  adw_action_row_set_activatable_widget (self->addressee_row, GTK_WIDGET (self->addressee_button));
  adw_preferences_group_add (details, GTK_WIDGET (self->addressee_row));

  self->deadline_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row),
                                 _("Deadline for Signatures, as Year-Month-Day"));
  adw_entry_row_set_show_apply_button (self->deadline_row, TRUE);
  g_signal_connect_object (self->deadline_row, "apply", G_CALLBACK (deadline_applied_cb), self, 0);
  adw_preferences_group_add (details, GTK_WIDGET (self->deadline_row));

  self->letter_status_row = combo_row (_("Status"), statuses);
  g_signal_connect_object (self->letter_status_row, "notify::selected", G_CALLBACK (letter_status_cb), self, 0);
  adw_preferences_group_add (details, GTK_WIDGET (self->letter_status_row));

  text = new_group (box, _("Text"), _("Saved when you leave it"));
  self->letter_text = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->letter_text, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->letter_text, 12);
  gtk_text_view_set_bottom_margin (self->letter_text, 12);
  gtk_text_view_set_left_margin (self->letter_text, 12);
  gtk_text_view_set_right_margin (self->letter_text, 12);
  gtk_widget_set_size_request (GTK_WIDGET (self->letter_text), -1, 220);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->letter_text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Text of the Letter"), -1);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (letter_text_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->letter_text), focus);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->letter_text));
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (text, frame);

  self->groups[ROWS_ASK] = new_group (box, _("The Ask"), _("The member organizations that have not signed yet"));
  copy = labelled_button ("edit-copy-symbolic", _("_Copy E-mails"));
  gtk_widget_set_tooltip_text (copy, _("Copy the E-mail Addresses of Those Not Signed Yet"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy the E-mail Addresses of Those Not Signed Yet"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy), "campaign.copy-ask");
  adw_preferences_group_set_header_suffix (self->groups[ROWS_ASK], copy);

  self->groups[ROWS_SIGNATORIES] = new_group (box, _("Signatories"), NULL);
  add = labelled_button ("list-add-symbolic", _("_Add…"));
  gtk_widget_set_tooltip_text (add, _("Add a Signatory"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a Signatory"), -1);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_signatory_cb), self, 0);
  adw_preferences_group_set_header_suffix (self->groups[ROWS_SIGNATORIES], add);

  return scrolled_clamp (box);
}

static GtkWidget *
build_content (CoalitionCampaignsPage *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *none = adw_status_page_new ();
  GtkWidget *new_button = gtk_button_new_with_mnemonic (_("_New Campaign…"));

  self->content = GTK_STACK (gtk_stack_new ());
  gtk_widget_add_css_class (new_button, "pill");
  gtk_widget_add_css_class (new_button, "suggested-action");
  gtk_widget_set_halign (new_button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "campaign.new");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "starred-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Campaigns Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("A campaign is what the coalition sets out to win: one to three core "
                                     "objectives, short- and long-term goals with benchmarks to measure "
                                     "progress, the wins along the way with the credit shared, and the sign-on "
                                     "letters that show decision makers who stands behind the ask."));
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), new_button);
  gtk_stack_add_named (self->content, empty, "empty");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (none), "starred-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (none), _("Choose a Campaign"));
  gtk_stack_add_named (self->content, none, "none");
  gtk_stack_add_named (self->content, build_campaign_view (self), "campaign");
  gtk_stack_add_named (self->content, build_letter_view (self), "letter");
  gtk_widget_set_hexpand (GTK_WIDGET (self->content), TRUE);
  /* Narrower than this, the list and the campaign take turns. */
  gtk_widget_set_size_request (GTK_WIDGET (self->content), 320, -1);
  return GTK_WIDGET (self->content);
}

/* ---------------------------------------------------------------------- */
/* GObject */

static void
coalition_campaigns_page_dispose (GObject *object)
{
  CoalitionCampaignsPage *self = COALITION_CAMPAIGNS_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->leaflet != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->leaflet));
      self->leaflet = NULL;
    }
  g_clear_object (&self->link_menu);
  g_clear_pointer (&self->goals, g_ptr_array_unref);
  g_clear_pointer (&self->wins, g_ptr_array_unref);
  g_clear_pointer (&self->letters, g_ptr_array_unref);
  g_clear_pointer (&self->letter, coalition_letter_free);

  G_OBJECT_CLASS (coalition_campaigns_page_parent_class)->dispose (object);
}

static void
coalition_campaigns_page_finalize (GObject *object)
{
  CoalitionCampaignsPage *self = COALITION_CAMPAIGNS_PAGE (object);

  g_array_unref (self->campaign_ids);
  g_ptr_array_unref (self->benchmarks);
  g_ptr_array_unref (self->ask_addresses);
  g_hash_table_unref (self->expanded);
  g_hash_table_unref (self->seen_goals);
  for (guint i = 0; i < N_ROWS; i++)
    g_ptr_array_unref (self->rows[i]);

  G_OBJECT_CLASS (coalition_campaigns_page_parent_class)->finalize (object);
}

static void
coalition_campaigns_page_class_init (CoalitionCampaignsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coalition_campaigns_page_dispose;
  object_class->finalize = coalition_campaigns_page_finalize;

  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SHOW_MAP] = g_signal_new ("show-map", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "campaign.new", NULL, new_campaign_action);
  gtk_widget_class_install_action (widget_class, "campaign.delete", NULL, delete_campaign_action);
  gtk_widget_class_install_action (widget_class, "campaign.record-win", NULL, record_win_action);
  gtk_widget_class_install_action (widget_class, "campaign.new-letter", NULL, new_letter_action);
  gtk_widget_class_install_action (widget_class, "campaign.link-map", "x", link_map_action);
  gtk_widget_class_install_action (widget_class, "campaign.monthly-update", NULL, monthly_update_action);
  gtk_widget_class_install_action (widget_class, "campaign.export-letter", NULL, export_letter_action);
  gtk_widget_class_install_action (widget_class, "campaign.export-signatories", NULL, export_signatories_action);
  gtk_widget_class_install_action (widget_class, "campaign.print-letter", NULL, print_letter_action);
  gtk_widget_class_install_action (widget_class, "campaign.delete-letter", NULL, delete_letter_action);
  gtk_widget_class_install_action (widget_class, "campaign.copy-ask", NULL, copy_ask_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
coalition_campaigns_page_init (CoalitionCampaignsPage *self)
{
  self->campaign_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->benchmarks = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_benchmark_free);
  self->ask_addresses = g_ptr_array_new_with_free_func (g_free);
  self->expanded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->seen_goals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < N_ROWS; i++)
    self->rows[i] = g_ptr_array_new ();

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->leaflet), GTK_WIDGET (self));

  adw_leaflet_page_set_name (adw_leaflet_append (self->leaflet, build_list_side (self)), "list");
  adw_leaflet_page_set_navigatable (adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL)),
                                    FALSE);
  adw_leaflet_page_set_name (adw_leaflet_append (self->leaflet, build_content (self)), "content");
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  reload (self);
}
