/* coalition-organization-pane.c — one organization's details, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "coalition-organization-pane.h"
#include "coalition-outreach-editor.h"

struct _CoalitionOrganizationPane
{
  GtkWidget              parent_instance;

  CoalitionStore        *store;
  CoalitionOrganization *organization;
  gboolean               loading;

  GtkStack              *stack;
  GtkLabel              *name_label;
  GtkLabel              *people_label;
  AdwEntryRow           *name_row;
  AdwComboRow           *kind_row;
  AdwEntryRow           *sector_row;
  AdwEntryRow           *website_row;
  AdwComboRow           *status_row;
  GtkTextView           *notes_view;
  AdwEntryRow           *emails_row;
  AdwEntryRow           *phones_row;
  AdwEntryRow           *address_row;
  AdwEntryRow           *capacity_row;
  AdwEntryRow           *constituency_row;
  AdwEntryRow           *skills_row;
  AdwEntryRow           *access_row;
  AdwEntryRow           *tags_row;
  CoalitionOutreachEditor *outreach_editor;
  AdwPreferencesGroup   *people_group;
  GPtrArray             *people_rows;
};

G_DEFINE_FINAL_TYPE (CoalitionOrganizationPane, coalition_organization_pane, GTK_TYPE_WIDGET)

enum {
  SHOW_PERSON,
  DELETE_REQUESTED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MAX_REPRESENTATIVES 12

static void
person_row_activated_cb (CoalitionOrganizationPane *self,
                         AdwActionRow              *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "person-id");

  g_signal_emit (self, signals[SHOW_PERSON], 0, *id);
}

/* The organization's people in the directory, the first dozen by name;
 * each opens their details. */
static void
fill_representatives (CoalitionOrganizationPane *self)
{
  g_autoptr(GArray) ids = coalition_store_find_people_of_organization (self->store,
                                                                       coalition_organization_get_id (self->organization),
                                                                       NULL);
  g_autoptr(GPtrArray) people = NULL;
  guint n = ids != NULL ? MIN (ids->len, MAX_REPRESENTATIVES) : 0;

  for (guint i = 0; i < self->people_rows->len; i++)
    adw_preferences_group_remove (self->people_group, self->people_rows->pdata[i]);
  g_ptr_array_set_size (self->people_rows, 0);

  if (n > 0)
    people = coalition_store_get_people (self->store, (const gint64 *)ids->data, n, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      CoalitionPerson *person = people->pdata[i];
      GtkWidget *row;

      if (person == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), coalition_person_get_display_name (person));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), coalition_person_get_title (person));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "person-id",
                              g_memdup2 (&(gint64) { coalition_person_get_id (person) }, sizeof (gint64)), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (person_row_activated_cb), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->people_group, row);
      g_ptr_array_add (self->people_rows, row);
    }

  if (ids == NULL || ids->len == 0)
    adw_preferences_group_set_description (self->people_group,
                                           _("Nobody from it is in the directory yet. Choose it as the "
                                             "organization of a person to list them here."));
  else if (ids->len > n)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more: search the People list for its name.",
                                                            "And %u more: search the People list for its name.",
                                                            ids->len - n), ids->len - n);
      adw_preferences_group_set_description (self->people_group, more);
    }
  else
    adw_preferences_group_set_description (self->people_group, NULL);
}

/* E-mails or phones as one line, the main one first. */
static void
set_points_text (AdwEntryRow *row,
                 GPtrArray   *points)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < points->len; i++)
      {
        const CoalitionContactPoint *point = points->pdata[i];

        if (point->primary != (pass == 0))
          continue;
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, point->value);
      }

  gtk_editable_set_text (GTK_EDITABLE (row), text->str);
}

/* Reads back what set_points_text() wrote, as edited; FALSE with a message
 * when an e-mail address is not one. */
static gboolean
parse_points (const char  *text,
              gboolean     emails,
              GPtrArray   *points,
              char       **out_message)
{
  g_auto(GStrv) parts = g_strsplit_set (text, emails ? ",; " : ",;", -1);

  g_ptr_array_set_size (points, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *value = g_strstrip (parts[i]);

      if (*value == '\0')
        continue;
      if (emails && strchr (value, '@') == NULL)
        {
          *out_message = g_strdup_printf (_("“%s” is not an e-mail address."), value);
          return FALSE;
        }
      g_ptr_array_add (points, coalition_contact_point_new ("", value, points->len == 0));
    }

  return TRUE;
}

static void
fill (CoalitionOrganizationPane *self)
{
  CoalitionOrganization *organization = self->organization;
  guint n_people = coalition_organization_get_n_people (organization);
  g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person in the directory",
                                                          "%u people in the directory", n_people), n_people);

  self->loading = TRUE;
  gtk_label_set_label (self->name_label, coalition_organization_get_name (organization));
  gtk_label_set_label (self->people_label, people);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), coalition_organization_get_name (organization));
  adw_combo_row_set_selected (self->kind_row, coalition_organization_get_kind (organization));
  gtk_editable_set_text (GTK_EDITABLE (self->sector_row), coalition_organization_get_sector (organization));
  gtk_editable_set_text (GTK_EDITABLE (self->website_row), coalition_organization_get_website (organization));
  adw_combo_row_set_selected (self->status_row, coalition_organization_get_status (organization));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), coalition_organization_get_notes (organization), -1);
  set_points_text (self->emails_row, coalition_organization_get_emails (organization));
  set_points_text (self->phones_row, coalition_organization_get_phones (organization));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), coalition_organization_get_address (organization));
  gtk_editable_set_text (GTK_EDITABLE (self->capacity_row), coalition_organization_get_capacity (organization));
  gtk_editable_set_text (GTK_EDITABLE (self->constituency_row), coalition_organization_get_constituency (organization));
  gtk_editable_set_text (GTK_EDITABLE (self->skills_row), coalition_organization_get_skills (organization));
  gtk_editable_set_text (GTK_EDITABLE (self->access_row), coalition_organization_get_access (organization));
  {
    g_autofree char *tags = g_strjoinv (", ", (char **)coalition_organization_get_tags (organization));

    gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  }
  fill_representatives (self);
  coalition_outreach_editor_show (self->outreach_editor, COALITION_SUBJECT_ORGANIZATION,
                                  coalition_organization_get_id (organization),
                                  coalition_organization_get_outreach (organization),
                                  coalition_organization_get_status (organization),
                                  coalition_organization_get_created_at (organization));
  self->loading = FALSE;
}

void
coalition_organization_pane_show (CoalitionOrganizationPane *self,
                                  gint64                     id)
{
  CoalitionOrganization *organization = NULL;

  g_return_if_fail (COALITION_IS_ORGANIZATION_PANE (self));

  if (id > 0 && self->store != NULL)
    organization = coalition_store_get_organization (self->store, id, NULL);

  g_clear_object (&self->organization);
  self->organization = organization;

  if (organization == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill (self);
  gtk_stack_set_visible_child_name (self->stack, "organization");
}

CoalitionOrganization *
coalition_organization_pane_get_organization (CoalitionOrganizationPane *self)
{
  g_return_val_if_fail (COALITION_IS_ORGANIZATION_PANE (self), NULL);
  return self->organization;
}

static void
save (CoalitionOrganizationPane *self)
{
  g_autoptr(CoalitionOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;

  if (self->organization == NULL || self->store == NULL)
    return;

  organization = g_object_ref (self->organization);
  if (!coalition_store_update_organization (self->store, organization, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);

  if (self->organization == organization)
    coalition_organization_pane_show (self, coalition_organization_get_id (organization));
}

static void
field_applied_cb (CoalitionOrganizationPane *self,
                  AdwEntryRow               *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->organization == NULL || self->loading)
    return;

  if (row == self->name_row)
    coalition_organization_set_name (self->organization, text);
  else if (row == self->sector_row)
    coalition_organization_set_sector (self->organization, text);
  else if (row == self->website_row)
    coalition_organization_set_website (self->organization, text);
  else if (row == self->address_row)
    coalition_organization_set_address (self->organization, text);
  else if (row == self->capacity_row)
    coalition_organization_set_capacity (self->organization, text);
  else if (row == self->constituency_row)
    coalition_organization_set_constituency (self->organization, text);
  else if (row == self->skills_row)
    coalition_organization_set_skills (self->organization, text);
  else if (row == self->access_row)
    coalition_organization_set_access (self->organization, text);
  else if (row == self->tags_row)
    {
      g_auto(GStrv) tags = coalition_tags_parse (text);

      coalition_organization_set_tags (self->organization, (const char * const *)tags);
    }
  else if (row == self->emails_row || row == self->phones_row)
    {
      g_autofree char *message = NULL;
      gboolean emails = row == self->emails_row;

      if (!parse_points (text, emails, emails ? coalition_organization_get_emails (self->organization)
                                              : coalition_organization_get_phones (self->organization), &message))
        {
          g_signal_emit (self, signals[ERROR], 0, message);
          coalition_organization_pane_show (self, coalition_organization_get_id (self->organization));
          return;
        }
    }

  save (self);
}

static void
choice_selected_cb (CoalitionOrganizationPane *self,
                    GParamSpec                *pspec,
                    AdwComboRow               *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->organization == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->kind_row && selected != coalition_organization_get_kind (self->organization))
    coalition_organization_set_kind (self->organization, selected);
  else if (row == self->status_row && selected != coalition_organization_get_status (self->organization))
    coalition_organization_set_status (self->organization, selected);
  else
    return;

  save (self);
}

static void
notes_left_cb (CoalitionOrganizationPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->organization == NULL || self->loading)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, coalition_organization_get_notes (self->organization)) == 0)
    return;

  coalition_organization_set_notes (self->organization, text);
  save (self);
}

static void
outreach_changed_cb (CoalitionOrganizationPane *self)
{
  if (self->organization == NULL || self->loading)
    return;

  coalition_organization_set_outreach (self->organization,
                                       coalition_outreach_editor_get_outreach (self->outreach_editor));
  save (self);
}

static void
outreach_error_cb (CoalitionOrganizationPane *self,
                   const char                *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
delete_clicked_cb (CoalitionOrganizationPane *self)
{
  if (self->organization != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->organization);
}

static void
organization_removed_cb (CoalitionOrganizationPane *self,
                         gint64                     id)
{
  if (self->organization != NULL && coalition_organization_get_id (self->organization) == id)
    coalition_organization_pane_show (self, 0);
}

void
coalition_organization_pane_set_store (CoalitionOrganizationPane *self,
                                       CoalitionStore            *store)
{
  g_return_if_fail (COALITION_IS_ORGANIZATION_PANE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  coalition_outreach_editor_set_store (self->outreach_editor, store);
  if (store != NULL)
    g_signal_connect_object (store, "organization-removed", G_CALLBACK (organization_removed_cb), self,
                             G_CONNECT_SWAPPED);

  coalition_organization_pane_show (self, 0);
}

static void
coalition_organization_pane_dispose (GObject *object)
{
  CoalitionOrganizationPane *self = COALITION_ORGANIZATION_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COALITION_TYPE_ORGANIZATION_PANE);
  g_clear_object (&self->organization);
  g_clear_object (&self->store);
  g_clear_pointer (&self->people_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (coalition_organization_pane_parent_class)->dispose (object);
}

static void
coalition_organization_pane_class_init (CoalitionOrganizationPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coalition_organization_pane_dispose;

  g_type_ensure (COALITION_TYPE_OUTREACH_EDITOR);

  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, COALITION_TYPE_ORGANIZATION);
  signals[SHOW_PERSON] = g_signal_new ("show-person", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/coalition-organization-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, people_label);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, name_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, sector_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, website_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, status_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, emails_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, phones_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, address_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, constituency_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, skills_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, access_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, outreach_editor);
  gtk_widget_class_bind_template_callback (widget_class, field_applied_cb);
  gtk_widget_class_bind_template_child (widget_class, CoalitionOrganizationPane, people_group);
  gtk_widget_class_bind_template_callback (widget_class, outreach_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outreach_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
coalition_organization_pane_init (CoalitionOrganizationPane *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  self->people_rows = g_ptr_array_new ();
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (CoalitionOrganizationKind kind = 0; kind <= COALITION_ORGANIZATION_KIND_LAST; kind++)
    gtk_string_list_append (kinds, coalition_organization_kind_get_label (kind));
  for (CoalitionStatus status = 0; status <= COALITION_STATUS_LAST; status++)
    gtk_string_list_append (statuses, coalition_status_get_label (status));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (choice_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (choice_selected_cb), self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (notes_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
}
