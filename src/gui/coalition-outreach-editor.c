/* coalition-outreach-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan (priority, who makes the ask, the next step and its date) belongs
 * to the record and is saved with it by the pane around this editor. Entries
 * of the contact log are written to the store here, each on its own.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "coalition-widgets.h"
#include "coalition-accessible.h"
#include "coalition-outreach-editor.h"

struct _CoalitionOutreachEditor
{
  GtkWidget            parent_instance;

  CoalitionStore      *store;
  CoalitionSubject     subject;
  gint64               id;
  CoalitionOutreach   *outreach;
  char                *created_at;
  CoalitionStatus      status;
  gboolean             loading;

  /* the people who can make an ask: those in the core group, committees
   * and working groups; ids in the order of the drop-downs, after "Nobody" */
  GArray              *asker_ids;
  GtkStringList       *asker_names;

  AdwPreferencesGroup *plan_group;
  AdwComboRow         *priority_row;
  GtkDropDown         *asker_dropdown;
  AdwEntryRow         *next_step_row;
  AdwEntryRow         *date_row;
  GtkCalendar         *date_calendar;
  GtkMenuButton       *date_button;

  AdwPreferencesGroup *log_group;
  AdwExpanderRow      *log_add_row;
  AdwComboRow         *log_kind_row;
  AdwEntryRow         *log_date_row;
  GtkDropDown         *log_by_dropdown;
  AdwEntryRow         *log_note_row;
  GPtrArray           *log_rows;

  AdwPreferencesGroup *history_group;
  GPtrArray           *history_rows;
};

G_DEFINE_FINAL_TYPE (CoalitionOutreachEditor, coalition_outreach_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A stored date (YYYY-MM-DD) or time (ISO 8601) as the locale writes dates. */
static char *
format_date (const char *stored)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;

  if (stored == NULL || *stored == '\0')
    return g_strdup ("");

  iso = strlen (stored) == 10 ? g_strconcat (stored, "T12:00:00Z", NULL) : g_strdup (stored);
  when = g_date_time_new_from_iso8601 (iso, NULL);
  if (when == NULL)
    return g_strdup (stored);

  /* Translators: a date as in "14 March 2026"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static void
emit_error (CoalitionOutreachEditor *self,
            const char              *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
plan_edited (CoalitionOutreachEditor *self)
{
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
priority_selected_cb (CoalitionOutreachEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->priority_row);

  if (self->loading || selected > COALITION_PRIORITY_LAST || selected == self->outreach->priority)
    return;
  self->outreach->priority = selected;
  plan_edited (self);
}

static void
asker_selected_cb (CoalitionOutreachEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->asker_dropdown);
  gint64 id;

  if (self->loading || selected == GTK_INVALID_LIST_POSITION || selected >= self->asker_ids->len)
    return;
  id = g_array_index (self->asker_ids, gint64, selected);
  if (id == self->outreach->asker_id)
    return;
  self->outreach->asker_id = id;
  plan_edited (self);
}

static void
next_step_applied_cb (CoalitionOutreachEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->next_step_row))));

  if (self->loading || g_strcmp0 (text, self->outreach->next_step) == 0)
    return;
  g_free (self->outreach->next_step);
  self->outreach->next_step = g_steal_pointer (&text);
  plan_edited (self);
}

static void
set_next_step_date (CoalitionOutreachEditor *self,
                    const char              *text)
{
  g_autofree char *date = NULL;

  if (*text != '\0' && (date = coalition_date_normalize (text)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date. Write it as year-month-day, "
                                                    "for example 2026-03-14, or pick it from the calendar."),
                                                  text);
      emit_error (self, message);
      return;
    }

  if (g_strcmp0 (date ? date : "", self->outreach->next_step_date) == 0)
    return;
  g_free (self->outreach->next_step_date);
  self->outreach->next_step_date = date ? g_steal_pointer (&date) : g_strdup ("");
  plan_edited (self);
}

static void
date_applied_cb (CoalitionOutreachEditor *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));

  if (!self->loading)
    set_next_step_date (self, text);
}

static void
day_selected_cb (CoalitionOutreachEditor *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->date_calendar);
  g_autofree char *text = g_date_time_format (day, "%Y-%m-%d");

  if (self->loading)
    return;
  gtk_menu_button_popdown (self->date_button);
  set_next_step_date (self, text);
}

/* Reads who can make an ask, keeping the current asker in the list. */
static void
load_askers (CoalitionOutreachEditor *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_membership_free);

  g_array_set_size (self->asker_ids, 0);
  g_array_append_val (self->asker_ids, (gint64) { 0 });
  gtk_string_list_splice (self->asker_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->asker_names)),
                          (const char * const[]) { _("Nobody yet"), NULL });

  if (self->store == NULL)
    return;

  groups = coalition_store_list_groups (self->store, NULL);
  for (guint g = 0; groups != NULL && g < groups->len; g++)
    {
      g_autoptr(GPtrArray) members = coalition_store_list_group_members (self->store,
                                                                         coalition_group_get_id (groups->pdata[g]), NULL);

      for (guint i = 0; members != NULL && i < members->len; i++)
        {
          CoalitionMembership *member = members->pdata[i];

          if (g_hash_table_contains (seen, &member->person_id))
            continue;
          g_ptr_array_add (people, coalition_membership_copy (member));
          g_hash_table_add (seen, &((CoalitionMembership *)people->pdata[people->len - 1])->person_id);
        }
    }

  if (self->outreach->asker_id > 0 && !g_hash_table_contains (seen, &self->outreach->asker_id) &&
      self->outreach->asker_name != NULL)
    {
      CoalitionMembership current = { 0, NULL, self->outreach->asker_id, self->outreach->asker_name, 0 };

      g_ptr_array_add (people, coalition_membership_copy (&current));
    }

  for (guint i = 0; i < people->len; i++)
    {
      CoalitionMembership *person = people->pdata[i];

      g_array_append_val (self->asker_ids, person->person_id);
      gtk_string_list_append (self->asker_names, person->person_name);
    }
}

static guint
asker_position (CoalitionOutreachEditor *self,
                gint64                   id)
{
  for (guint i = 0; i < self->asker_ids->len; i++)
    if (g_array_index (self->asker_ids, gint64, i) == id)
      return i;
  return 0;
}

static void
delete_contact_cb (CoalitionOutreachEditor *self,
                   GtkButton               *button)
{
  gint64 *contact_id = g_object_get_data (G_OBJECT (button), "contact-id");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!coalition_store_delete_contact (self->store, self->subject, self->id, *contact_id, &error))
    emit_error (self, error->message);
}

static void
add_log_row (CoalitionOutreachEditor *self,
             const CoalitionContact  *contact)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *date = format_date (contact->happened_on);
  g_autofree char *title = NULL;
  g_autofree char *remove_label = NULL;

  if (contact->by_name != NULL)
    /* Translators: a contact log entry: "date · kind · who", e.g. "3 March 2026 · Phone call · Zoë Brontë" */
    title = g_strdup_printf (_("%s · %s · %s"), date, coalition_contact_kind_get_label (contact->kind), contact->by_name);
  else
    title = g_strdup_printf (_("%s · %s"), date, coalition_contact_kind_get_label (contact->kind));
  remove_label = g_strdup_printf (_("Remove the contact of %s"), date);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), contact->note);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "contact-id", g_memdup2 (&contact->id, sizeof (gint64)), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (delete_contact_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  adw_preferences_group_add (self->log_group, row);
  g_ptr_array_add (self->log_rows, row);
}

static void
add_history_row (CoalitionOutreachEditor *self,
                 const char              *title,
                 const char              *when)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = format_date (when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
  adw_preferences_group_add (self->history_group, row);
  g_ptr_array_add (self->history_rows, row);
}

static void
fill (CoalitionOutreachEditor *self)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *now = coalition_store_today ();

  self->loading = TRUE;

  load_askers (self);
  adw_combo_row_set_selected (self->priority_row, self->outreach->priority);
  gtk_drop_down_set_selected (self->asker_dropdown, asker_position (self, self->outreach->asker_id));
  gtk_editable_set_text (GTK_EDITABLE (self->next_step_row), self->outreach->next_step);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), self->outreach->next_step_date);
  gtk_drop_down_set_selected (self->log_by_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->log_date_row), now);

  for (guint i = 0; i < self->log_rows->len; i++)
    adw_preferences_group_remove (self->log_group, self->log_rows->pdata[i]);
  g_ptr_array_set_size (self->log_rows, 0);
  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group, self->history_rows->pdata[i]);
  g_ptr_array_set_size (self->history_rows, 0);

  if (self->store != NULL && self->id > 0)
    {
      log = coalition_store_list_contacts (self->store, self->subject, self->id, NULL);
      history = coalition_store_list_status_changes (self->store, self->subject, self->id, NULL);
    }

  for (guint i = 0; log != NULL && i < log->len; i++)
    add_log_row (self, log->pdata[i]);

  /* Newest first, like the log; it starts when the record was added. */
  for (guint i = history != NULL ? history->len : 0; i > 0; i--)
    {
      const CoalitionStatusChange *change = history->pdata[i - 1];
      /* Translators: a change of status, e.g. "Invited → Member" */
      g_autofree char *title = g_strdup_printf (_("%s → %s"), coalition_status_get_label (change->old_status),
                                                coalition_status_get_label (change->new_status));

      add_history_row (self, title, change->changed_at);
    }
  if (self->created_at != NULL)
    {
      CoalitionStatus first = history != NULL && history->len > 0
                              ? ((CoalitionStatusChange *)history->pdata[0])->old_status : self->status;
      /* Translators: the start of a record's history, "Added to the directory as Prospect" */
      g_autofree char *title = g_strdup_printf (_("Added to the directory as %s"), coalition_status_get_label (first));

      add_history_row (self, title, self->created_at);
    }

  self->loading = FALSE;
}

void
coalition_outreach_editor_show (CoalitionOutreachEditor *self,
                                CoalitionSubject         subject,
                                gint64                   id,
                                const CoalitionOutreach *outreach,
                                CoalitionStatus          status,
                                const char              *created_at)
{
  g_return_if_fail (COALITION_IS_OUTREACH_EDITOR (self));

  self->status = status;
  self->subject = subject;
  self->id = id;
  coalition_outreach_free (self->outreach);
  self->outreach = outreach ? coalition_outreach_copy (outreach) : coalition_outreach_new ();
  g_free (self->created_at);
  self->created_at = g_strdup (created_at);
  fill (self);
}

const CoalitionOutreach *
coalition_outreach_editor_get_outreach (CoalitionOutreachEditor *self)
{
  g_return_val_if_fail (COALITION_IS_OUTREACH_EDITOR (self), NULL);
  return self->outreach;
}

/* The log changed, here or in another view: show it again. */
static void
record_changed_cb (CoalitionOutreachEditor *self,
                   gint64                   id,
                   CoalitionStore          *store)
{
  if (id == self->id && !self->loading)
    fill (self);
}

static void
person_changed_cb (CoalitionOutreachEditor *self,
                   gint64                   id,
                   CoalitionStore          *store)
{
  if (self->subject == COALITION_SUBJECT_PERSON)
    record_changed_cb (self, id, store);
}

static void
organization_changed_cb (CoalitionOutreachEditor *self,
                         gint64                   id,
                         CoalitionStore          *store)
{
  if (self->subject == COALITION_SUBJECT_ORGANIZATION)
    record_changed_cb (self, id, store);
}

void
coalition_outreach_editor_set_store (CoalitionOutreachEditor *self,
                                     CoalitionStore          *store)
{
  g_return_if_fail (COALITION_IS_OUTREACH_EDITOR (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "person-changed", G_CALLBACK (person_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "organization-changed", G_CALLBACK (organization_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
log_contact_cb (CoalitionOutreachEditor *self)
{
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->log_note_row))));
  g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->log_date_row))));
  guint kind = adw_combo_row_get_selected (self->log_kind_row);
  guint by = gtk_drop_down_get_selected (self->log_by_dropdown);
  g_autoptr(CoalitionContact) contact = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->id <= 0)
    return;

  contact = coalition_contact_new (date, MIN (kind, COALITION_CONTACT_KIND_LAST),
                                   by < self->asker_ids->len ? g_array_index (self->asker_ids, gint64, by) : 0,
                                   note);
  /* The store's signal shows the new entry; the form is cleared for the next. */
  if (!coalition_store_add_contact (self->store, self->subject, self->id, contact, &error))
    {
      emit_error (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->log_note_row), "");
}

static GtkWidget *
new_entry_row (const char *title,
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

static GtkWidget *
new_enum_row (const char   *title,
              guint         n,
              const char *(*label) (int value))
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (labels, label (i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  return row;
}

/* A searchable drop-down of the askers, in an action row. */
static GtkWidget *
new_asker_row (CoalitionOutreachEditor  *self,
               const char               *title,
               GtkDropDown             **out_dropdown)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->asker_names)),
                                           gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  coalition_accessible_label_drop_down (GTK_DROP_DOWN (dropdown), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
  *out_dropdown = GTK_DROP_DOWN (dropdown);
  return row;
}

static void
coalition_outreach_editor_dispose (GObject *object)
{
  CoalitionOutreachEditor *self = COALITION_OUTREACH_EDITOR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->asker_names);
  g_clear_pointer (&self->asker_ids, g_array_unref);
  g_clear_pointer (&self->outreach, coalition_outreach_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->log_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (coalition_outreach_editor_parent_class)->dispose (object);
}

static void
coalition_outreach_editor_class_init (CoalitionOutreachEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = coalition_outreach_editor_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
coalition_outreach_editor_init (CoalitionOutreachEditor *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  GtkWidget *row;
  GtkWidget *popover;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (layout, 18);

  self->outreach = coalition_outreach_new ();
  self->asker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->asker_names = gtk_string_list_new (NULL);
  self->log_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();

  /* The plan */
  self->plan_group = ADW_PREFERENCES_GROUP (coalition_preferences_group_new (_("Outreach"),
                                                       _("Who makes the ask, and what happens next.")));
  gtk_widget_set_parent (GTK_WIDGET (self->plan_group), GTK_WIDGET (self));

  row = new_enum_row (_("Priority"), COALITION_PRIORITY_LAST + 1, (const char *(*) (int))coalition_priority_get_label);
  self->priority_row = ADW_COMBO_ROW (row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (priority_selected_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->plan_group, row);

  row = new_asker_row (self, _("Who Makes the Ask"), &self->asker_dropdown);
  g_signal_connect_object (self->asker_dropdown, "notify::selected", G_CALLBACK (asker_selected_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->plan_group, row);

  row = new_entry_row (_("Next Step"), G_CALLBACK (next_step_applied_cb), self);
  self->next_step_row = ADW_ENTRY_ROW (row);
  adw_preferences_group_add (self->plan_group, row);

  row = new_entry_row (_("Date of the Next Step"), G_CALLBACK (date_applied_cb), self);
  self->date_row = ADW_ENTRY_ROW (row);
  self->date_calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->date_calendar, "day-selected", G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->date_calendar));
  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->date_button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->date_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->date_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->date_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), _("Pick a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pick a Date"), -1);
  adw_entry_row_add_suffix (self->date_row, GTK_WIDGET (self->date_button));
  adw_preferences_group_add (self->plan_group, row);

  /* The contact log */
  self->log_group = ADW_PREFERENCES_GROUP (coalition_preferences_group_new (_("Contact Log"), NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->log_group), GTK_WIDGET (self));

  self->log_add_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->log_add_row), _("Log a Contact"));
  /* libadwaita 1.2 names the header inside an expander row, not the row. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->log_add_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Log a Contact"), -1);
  adw_expander_row_set_subtitle (self->log_add_row, _("A call, a meeting, an e-mail…"));
  row = new_enum_row (_("Kind"), COALITION_CONTACT_KIND_LAST + 1, (const char *(*) (int))coalition_contact_kind_get_label);
  self->log_kind_row = ADW_COMBO_ROW (row);
  adw_expander_row_add_row (self->log_add_row, row);
  row = new_entry_row (_("Date"), NULL, self);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  self->log_date_row = ADW_ENTRY_ROW (row);
  adw_expander_row_add_row (self->log_add_row, row);
  row = new_asker_row (self, _("By"), &self->log_by_dropdown);
  adw_expander_row_add_row (self->log_add_row, row);
  row = new_entry_row (_("What Was Said"), G_CALLBACK (log_contact_cb), self);
  self->log_note_row = ADW_ENTRY_ROW (row);
  adw_expander_row_add_row (self->log_add_row, row);
  adw_preferences_group_add (self->log_group, GTK_WIDGET (self->log_add_row));

  /* The history of its status */
  self->history_group = ADW_PREFERENCES_GROUP (coalition_preferences_group_new (_("History"), NULL));
  gtk_widget_set_parent (GTK_WIDGET (self->history_group), GTK_WIDGET (self));
}

GtkWidget *
coalition_outreach_editor_new (void)
{
  return g_object_new (COALITION_TYPE_OUTREACH_EDITOR, NULL);
}
