/* coalition-person-pane.c — one person's details, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is saved when it is applied (Enter or the row's button), each
 * as its own transaction; notes when the focus leaves them.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "coalition-accessible.h"
#include "coalition-outreach-editor.h"
#include "coalition-person-pane.h"

struct _CoalitionPersonPane
{
  GtkWidget        parent_instance;

  CoalitionStore  *store;
  CoalitionPerson *person;
  GPtrArray       *contact_rows;
  gboolean         loading;

  GtkStack        *stack;
  GtkLabel        *name_label;
  AdwEntryRow     *given_row;
  AdwEntryRow     *family_row;
  AdwEntryRow     *display_row;
  AdwEntryRow     *title_row;
  AdwActionRow    *organization_row;
  AdwComboRow     *status_row;
  AdwPreferencesGroup *contact_group;
  AdwPreferencesGroup *groups_group;
  GPtrArray       *group_rows;
  GPtrArray       *organizations;   /* in the order of the drop-down, after “None” */
  GPtrArray       *joinable_groups; /* in the order of the Add to Group row, after its prompt */
  GtkDropDown     *organization_dropdown;
  GtkTextView     *notes_view;
  AdwEntryRow     *address_row;
  AdwEntryRow     *skills_row;
  AdwEntryRow     *tags_row;
  CoalitionOutreachEditor *outreach_editor;
};

G_DEFINE_FINAL_TYPE (CoalitionPersonPane, coalition_person_pane, GTK_TYPE_WIDGET)

enum {
  DELETE_REQUESTED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void save (CoalitionPersonPane *self);

static void
remove_point_cb (GtkButton           *button,
                 CoalitionPersonPane *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  gboolean phone = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "phone"));

  if (self->person == NULL)
    return;

  if (phone)
    coalition_person_remove_phone (self->person, index);
  else
    coalition_person_remove_email (self->person, index);
  save (self);
}

/* The labels offered for an address or number; a label typed elsewhere
 * (an import, say) is offered too. */
static const char * const point_labels[] = { "work", "home", "mobile", "other" };

static const char *
point_label_title (const char *label)
{
  if (g_ascii_strcasecmp (label, "work") == 0)
    return C_("contact label", "Work");
  if (g_ascii_strcasecmp (label, "home") == 0)
    return C_("contact label", "Home");
  if (g_ascii_strcasecmp (label, "mobile") == 0)
    return C_("contact label", "Mobile");
  if (g_ascii_strcasecmp (label, "other") == 0)
    return C_("contact label", "Other");
  return label;
}

static GPtrArray *
points_of (CoalitionPersonPane *self,
           gboolean             phone)
{
  return phone ? coalition_person_get_phones (self->person) : coalition_person_get_emails (self->person);
}

static gboolean
save_later_cb (gpointer data)
{
  CoalitionPersonPane *self = data;

  save (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/* Saving rebuilds the rows: a row's own button or menu must first finish
 * handling its signal. */
static void
save_later (CoalitionPersonPane *self)
{
  g_timeout_add (0, save_later_cb, g_object_ref (self));
}

static void
make_primary_cb (GtkButton           *button,
                 CoalitionPersonPane *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  gboolean phone = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "phone"));
  GPtrArray *points;

  if (self->person == NULL)
    return;

  points = points_of (self, phone);
  for (guint i = 0; i < points->len; i++)
    ((CoalitionContactPoint *)points->pdata[i])->primary = i == index;
  save_later (self);
}

static void
label_selected_cb (GtkDropDown         *menu,
                   GParamSpec          *pspec,
                   CoalitionPersonPane *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (menu), "index"));
  gboolean phone = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (menu), "phone"));
  const char * const *labels = g_object_get_data (G_OBJECT (menu), "labels");
  guint selected = gtk_drop_down_get_selected (menu);
  CoalitionContactPoint *point;

  if (self->person == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION ||
      selected >= g_strv_length ((GStrv)labels) || index >= points_of (self, phone)->len)
    return;

  point = points_of (self, phone)->pdata[index];
  if (g_strcmp0 (point->label, labels[selected]) == 0)
    return;
  g_free (point->label);
  point->label = g_strdup (labels[selected]);
  save_later (self);
}

static void
add_point_cb (AdwEntryRow         *row,
              CoalitionPersonPane *self)
{
  gboolean phone = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "phone"));
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  GPtrArray *points;

  if (self->person == NULL || value[0] == '\0')
    return;

  if (!phone && strchr (value, '@') == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not an e-mail address."), value);
      g_signal_emit (self, signals[ERROR], 0, message);
      return;
    }

  points = phone ? coalition_person_get_phones (self->person) : coalition_person_get_emails (self->person);
  if (phone)
    coalition_person_add_phone (self->person, "", value, points->len == 0);
  else
    coalition_person_add_email (self->person, "", value, points->len == 0);
  save (self);
}

/* Pango marks with a hyphen where it breaks a long word, and an address
 * broken as "lukasz.d-abrowski@…" reads as another address. */
static void
no_hyphens_in (GtkWidget  *widget,
               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        {
          PangoAttrList *attributes = pango_attr_list_new ();

          pango_attr_list_insert (attributes, pango_attr_insert_hyphens_new (FALSE));
          gtk_label_set_attributes (GTK_LABEL (child), attributes);
          pango_attr_list_unref (attributes);
        }
      no_hyphens_in (child, text);
    }
}

static void
add_contact_rows (CoalitionPersonPane *self,
                  GPtrArray           *points,
                  gboolean             phone)
{
  GtkWidget *add_row;

  for (guint i = 0; i < points->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (points, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), point->value);

      GtkWidget *star = gtk_button_new_from_icon_name (point->primary ? "starred-symbolic" : "non-starred-symbolic");
      g_autofree char *star_label = g_strdup_printf (_("Make %s the Main One"), point->value);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
      g_auto(GStrv) labels = NULL;
      GtkWidget *label_menu;
      guint label_position = 0;

      subtitle = point->primary ? g_strdup (_("Main one")) : g_strdup ("");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), point->value);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      no_hyphens_in (row, point->value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), phone ? "call-start-symbolic" : "mail-unread-symbolic");

      /* Work, home, mobile…: the label is chosen in the row. */
      g_strv_builder_add (builder, "");
      for (guint l = 0; l < G_N_ELEMENTS (point_labels); l++)
        if (phone || !g_str_equal (point_labels[l], "mobile"))
          g_strv_builder_add (builder, point_labels[l]);
      labels = g_strv_builder_end (builder);
      for (guint l = 0; labels[l] != NULL; l++)
        if (g_ascii_strcasecmp (labels[l], point->label) == 0)
          label_position = l;
      if (label_position == 0 && point->label[0] != '\0')
        {
          g_autoptr(GStrvBuilder) more = g_strv_builder_new ();

          g_strv_builder_addv (more, (const char **)labels);
          g_strv_builder_add (more, point->label);
          g_strfreev (labels);
          labels = g_strv_builder_end (more);
          label_position = g_strv_length (labels) - 1;
        }
      for (guint l = 0; labels[l] != NULL; l++)
        gtk_string_list_append (titles, l == 0 ? C_("contact label", "No Label") : point_label_title (labels[l]));
      label_menu = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&titles)), NULL);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (label_menu), label_position);
      gtk_widget_set_valign (label_menu, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (label_menu, "flat");
      coalition_accessible_label_drop_down (GTK_DROP_DOWN (label_menu), _("Label"));
      g_object_set_data (G_OBJECT (label_menu), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (label_menu), "phone", GUINT_TO_POINTER (phone));
      g_object_set_data_full (G_OBJECT (label_menu), "labels", g_steal_pointer (&labels), (GDestroyNotify)g_strfreev);
      g_signal_connect (label_menu, "notify::selected", G_CALLBACK (label_selected_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label_menu);

      gtk_widget_set_valign (star, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (star, "flat");
      gtk_widget_set_sensitive (star, !point->primary);
      gtk_widget_set_tooltip_text (star, point->primary ? _("The main one") : star_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      point->primary ? _("The main one") : star_label, -1);
      g_object_set_data (G_OBJECT (star), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (star), "phone", GUINT_TO_POINTER (phone));
      g_signal_connect (star, "clicked", G_CALLBACK (make_primary_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), star);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_object_set_data (G_OBJECT (remove), "phone", GUINT_TO_POINTER (phone));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_point_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->contact_group, row);
      g_ptr_array_add (self->contact_rows, row);
    }

  add_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (add_row), phone ? _("Add Phone Number") : _("Add E-mail Address"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (add_row), TRUE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (add_row), phone ? GTK_INPUT_PURPOSE_PHONE : GTK_INPUT_PURPOSE_EMAIL);
  g_object_set_data (G_OBJECT (add_row), "phone", GUINT_TO_POINTER (phone));
  g_signal_connect (add_row, "apply", G_CALLBACK (add_point_cb), self);
  adw_preferences_group_add (self->contact_group, add_row);
  g_ptr_array_add (self->contact_rows, add_row);
}

/* The chosen organization's name, cut short so the row keeps its title. */
static void
setup_button_label_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_button_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* The organizations to choose from, read again when the directory changes. */
static void
load_organizations (CoalitionPersonPane *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_clear_pointer (&self->organizations, g_ptr_array_unref);
  g_clear_pointer (&self->joinable_groups, g_ptr_array_unref);
  if (self->store != NULL)
    self->organizations = coalition_store_list_organizations (self->store, NULL);
  if (self->organizations == NULL)
    self->organizations = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < self->organizations->len; i++)
    gtk_string_list_append (names, coalition_organization_get_name (self->organizations->pdata[i]));

  self->loading = TRUE;
  gtk_drop_down_set_model (self->organization_dropdown, G_LIST_MODEL (names));
  self->loading = FALSE;
}

static guint
organization_position (CoalitionPersonPane *self,
                       gint64               id)
{
  for (guint i = 0; id > 0 && i < self->organizations->len; i++)
    if (coalition_organization_get_id (self->organizations->pdata[i]) == id)
      return i + 1;

  return 0;
}

static void membership_changed (CoalitionPersonPane *self,
                                gboolean             ok,
                                GError              *error);

/* A change of group is written from an idle callback: writing rebuilds the
 * rows, and the drop-down or button that asked for it must first finish
 * handling its own signal. */
typedef struct
{
  CoalitionPersonPane *self;
  gint64               group_id;
  gint64               person_id;
  int                  role;       /* a CoalitionRole, or -1 to leave */
} MembershipChange;

static gboolean
apply_membership_change (gpointer data)
{
  MembershipChange *change = data;
  CoalitionPersonPane *self = change->self;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (self->store != NULL)
    {
      if (change->role < 0)
        ok = coalition_store_remove_membership (self->store, change->group_id, change->person_id, &error);
      else
        ok = coalition_store_set_membership (self->store, change->group_id, change->person_id, change->role, &error);
      membership_changed (self, ok, error);
    }

  g_object_unref (change->self);
  g_free (change);
  return G_SOURCE_REMOVE;
}

static void
change_membership (CoalitionPersonPane *self,
                   gint64               group_id,
                   int                  role)
{
  MembershipChange *change = g_new0 (MembershipChange, 1);

  change->self = g_object_ref (self);
  change->group_id = group_id;
  change->person_id = coalition_person_get_id (self->person);
  change->role = role;
  /* At default priority, so that redraws queued meanwhile do not hold it up. */
  g_timeout_add (0, apply_membership_change, change);
}

static void
role_selected_cb (CoalitionPersonPane *self,
                  GParamSpec          *pspec,
                  GtkDropDown         *menu)
{
  gint64 *group_id = g_object_get_data (G_OBJECT (menu), "group-id");

  if (self->person != NULL && !self->loading)
    change_membership (self, *group_id, gtk_drop_down_get_selected (menu));
}

static void
leave_clicked_cb (CoalitionPersonPane *self,
                  GtkButton           *button)
{
  gint64 *group_id = g_object_get_data (G_OBJECT (button), "group-id");

  if (self->person != NULL)
    change_membership (self, *group_id, -1);
}

static void
join_selected_cb (CoalitionPersonPane *self,
                  GParamSpec          *pspec,
                  GtkDropDown         *menu)
{
  guint selected = gtk_drop_down_get_selected (menu);

  if (self->person == NULL || self->loading || selected == 0 || selected > self->joinable_groups->len)
    return;

  change_membership (self, coalition_group_get_id (self->joinable_groups->pdata[selected - 1]),
                     COALITION_ROLE_MEMBER);
}

static void
fill (CoalitionPersonPane *self)
{
  CoalitionPerson *person = self->person;
  const char *organization = coalition_person_get_organization_name (person);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  self->loading = TRUE;

  gtk_label_set_label (self->name_label, coalition_person_get_display_name (person));
  gtk_editable_set_text (GTK_EDITABLE (self->given_row), coalition_person_get_given_name (person));
  gtk_editable_set_text (GTK_EDITABLE (self->family_row), coalition_person_get_family_name (person));
  gtk_editable_set_text (GTK_EDITABLE (self->display_row), coalition_person_get_display_name (person));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), coalition_person_get_title (person));
  (void)organization;
  gtk_drop_down_set_selected (self->organization_dropdown,
                              organization_position (self, coalition_person_get_organization_id (person)));
  adw_combo_row_set_selected (self->status_row, coalition_person_get_status (person));
  gtk_text_buffer_set_text (buffer, coalition_person_get_notes (person), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), coalition_person_get_address (person));
  gtk_editable_set_text (GTK_EDITABLE (self->skills_row), coalition_person_get_skills (person));
  {
    g_autofree char *tags = g_strjoinv (", ", (char **)coalition_person_get_tags (person));

    gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  }
  coalition_outreach_editor_show (self->outreach_editor, COALITION_SUBJECT_PERSON, coalition_person_get_id (person),
                                  coalition_person_get_outreach (person),
                                  coalition_person_get_status (person), coalition_person_get_created_at (person));

  for (guint i = 0; i < self->contact_rows->len; i++)
    adw_preferences_group_remove (self->contact_group, self->contact_rows->pdata[i]);
  g_ptr_array_set_size (self->contact_rows, 0);
  add_contact_rows (self, coalition_person_get_emails (person), FALSE);
  add_contact_rows (self, coalition_person_get_phones (person), TRUE);

  /* The groups they are in, with their role there. */
  for (guint i = 0; i < self->group_rows->len; i++)
    adw_preferences_group_remove (self->groups_group, self->group_rows->pdata[i]);
  g_ptr_array_set_size (self->group_rows, 0);
  {
    g_autoptr(GPtrArray) memberships = coalition_store_list_memberships_of_person (self->store,
                                                                                    coalition_person_get_id (person),
                                                                                    NULL);

    g_autoptr(GPtrArray) groups = coalition_store_list_groups (self->store, NULL);
    g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
    g_autoptr(GtkStringList) joinable = gtk_string_list_new (NULL);
    g_autoptr(GHashTable) member_of = g_hash_table_new (g_int64_hash, g_int64_equal);

    for (CoalitionRole role = 0; role <= COALITION_ROLE_LAST; role++)
      gtk_string_list_append (roles, coalition_role_get_label (role));

    for (guint i = 0; memberships != NULL && i < memberships->len; i++)
      {
        CoalitionMembership *membership = g_ptr_array_index (memberships, i);
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *role_menu = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (roles)), NULL);
        GtkWidget *leave = gtk_button_new_from_icon_name ("list-remove-symbolic");
        g_autofree char *leave_label = g_strdup_printf (_("Leave %s"), membership->group_name);

        g_hash_table_add (member_of, &membership->group_id);

        /* The role is chosen in the row; the button takes them out. */
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), membership->group_name);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
        gtk_drop_down_set_selected (GTK_DROP_DOWN (role_menu), membership->role);
        gtk_widget_set_valign (role_menu, GTK_ALIGN_CENTER);
        coalition_accessible_label_drop_down (GTK_DROP_DOWN (role_menu), _("Role"));
        g_object_set_data_full (G_OBJECT (role_menu), "group-id", g_memdup2 (&membership->group_id, sizeof (gint64)), g_free);
        g_signal_connect_object (role_menu, "notify::selected", G_CALLBACK (role_selected_cb), self, G_CONNECT_SWAPPED);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), role_menu);

        gtk_widget_set_valign (leave, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (leave, "flat");
        gtk_widget_set_tooltip_text (leave, leave_label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (leave), GTK_ACCESSIBLE_PROPERTY_LABEL, leave_label, -1);
        g_object_set_data_full (G_OBJECT (leave), "group-id", g_memdup2 (&membership->group_id, sizeof (gint64)), g_free);
        g_signal_connect_object (leave, "clicked", G_CALLBACK (leave_clicked_cb), self, G_CONNECT_SWAPPED);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), leave);

        adw_preferences_group_add (self->groups_group, row);
        g_ptr_array_add (self->group_rows, row);
      }

    /* Join another group, as a member to start with. */
    g_clear_pointer (&self->joinable_groups, g_ptr_array_unref);
    self->joinable_groups = g_ptr_array_new_with_free_func (g_object_unref);
    gtk_string_list_append (joinable, _("Choose a group…"));
    for (guint i = 0; groups != NULL && i < groups->len; i++)
      {
        gint64 id = coalition_group_get_id (groups->pdata[i]);

        if (g_hash_table_contains (member_of, &id))
          continue;
        gtk_string_list_append (joinable, coalition_group_get_name (groups->pdata[i]));
        g_ptr_array_add (self->joinable_groups, g_object_ref (groups->pdata[i]));
      }
    if (self->joinable_groups->len > 0)
      {
        GtkWidget *join = adw_action_row_new ();
        GtkWidget *group_menu = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (joinable)), NULL);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (join), _("Add to Group"));
        gtk_widget_set_valign (group_menu, GTK_ALIGN_CENTER);
        coalition_accessible_label_drop_down (GTK_DROP_DOWN (group_menu), _("Add to Group"));
        g_signal_connect_object (group_menu, "notify::selected", G_CALLBACK (join_selected_cb), self, G_CONNECT_SWAPPED);
        adw_action_row_add_suffix (ADW_ACTION_ROW (join), group_menu);
        adw_preferences_group_add (self->groups_group, join);
        g_ptr_array_add (self->group_rows, join);
      }
    gtk_widget_set_visible (GTK_WIDGET (self->groups_group), self->group_rows->len > 0);
  }

  self->loading = FALSE;
}

void
coalition_person_pane_show (CoalitionPersonPane *self,
                            gint64               id)
{
  g_autoptr(GError) error = NULL;
  CoalitionPerson *person = NULL;

  g_return_if_fail (COALITION_IS_PERSON_PANE (self));

  if (id > 0 && self->store != NULL)
    person = coalition_store_get_person (self->store, id, &error);

  g_clear_object (&self->person);
  self->person = person;

  if (person == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill (self);
  gtk_stack_set_visible_child_name (self->stack, "person");
}

CoalitionPerson *
coalition_person_pane_get_person (CoalitionPersonPane *self)
{
  g_return_val_if_fail (COALITION_IS_PERSON_PANE (self), NULL);
  return self->person;
}

/* Saves the edited person; on failure says why and shows what is saved. */
static void
save (CoalitionPersonPane *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionPerson) person = NULL;

  if (self->person == NULL || self->store == NULL)
    return;

  /* The list reacts to the save, and may show someone else meanwhile. */
  person = g_object_ref (self->person);
  if (!coalition_store_update_person (self->store, person, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);

  if (self->person == person)
    coalition_person_pane_show (self, coalition_person_get_id (person));
}

static void
field_applied_cb (CoalitionPersonPane *self,
                  AdwEntryRow         *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *given_first = NULL;
  g_autofree char *family_first = NULL;
  gboolean derived;

  if (self->person == NULL || self->loading)
    return;

  /* Was the shown name made from the names, or chosen? Only a made one
   * follows a change of name. */
  given_first = g_strjoin (" ", coalition_person_get_given_name (self->person),
                           coalition_person_get_family_name (self->person), NULL);
  family_first = g_strconcat (coalition_person_get_family_name (self->person),
                              coalition_person_get_given_name (self->person), NULL);
  derived = g_str_equal (coalition_person_get_display_name (self->person), g_strstrip (given_first)) ||
            g_str_equal (coalition_person_get_display_name (self->person), family_first);

  if (row == self->given_row)
    coalition_person_set_given_name (self->person, text);
  else if (row == self->family_row)
    coalition_person_set_family_name (self->person, text);
  else if (row == self->title_row)
    coalition_person_set_title (self->person, text);
  else if (row == self->display_row)
    coalition_person_set_display_name (self->person, text);
  else if (row == self->address_row)
    coalition_person_set_address (self->person, text);
  else if (row == self->skills_row)
    coalition_person_set_skills (self->person, text);
  else if (row == self->tags_row)
    {
      g_auto(GStrv) tags = coalition_tags_parse (text);

      coalition_person_set_tags (self->person, (const char * const *)tags);
    }

  if ((row == self->given_row || row == self->family_row) && derived)
    coalition_person_set_display_name (self->person, "");

  save (self);
}

static void
status_selected_cb (CoalitionPersonPane *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->person == NULL || self->loading || selected > COALITION_STATUS_LAST ||
      selected == coalition_person_get_status (self->person))
    return;

  coalition_person_set_status (self->person, selected);
  save (self);
}

static void
organization_selected_cb (CoalitionPersonPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->organization_dropdown);
  gint64 id = 0;

  if (self->person == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0 && selected <= self->organizations->len)
    id = coalition_organization_get_id (self->organizations->pdata[selected - 1]);
  if (id == coalition_person_get_organization_id (self->person))
    return;

  coalition_person_set_organization_id (self->person, id);
  save (self);
}

static void
notes_left_cb (CoalitionPersonPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->person == NULL || self->loading)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, coalition_person_get_notes (self->person)) == 0)
    return;

  coalition_person_set_notes (self->person, text);
  save (self);
}

static void
outreach_changed_cb (CoalitionPersonPane *self)
{
  if (self->person == NULL || self->loading)
    return;

  coalition_person_set_outreach (self->person, coalition_outreach_editor_get_outreach (self->outreach_editor));
  save (self);
}

static void
outreach_error_cb (CoalitionPersonPane *self,
                   const char          *message)
{
  g_signal_emit (self, signals[ERROR], 0, message);
}

static void
delete_clicked_cb (CoalitionPersonPane *self)
{
  if (self->person != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->person);
}

/* The store's group-changed signal shows the change; a failure is said. */
static void
membership_changed (CoalitionPersonPane *self,
                    gboolean             ok,
                    GError              *error)
{
  if (!ok)
    {
      g_signal_emit (self, signals[ERROR], 0, error->message);
      if (self->person != NULL)
        coalition_person_pane_show (self, coalition_person_get_id (self->person));
    }
}

static void
group_changed_cb (CoalitionPersonPane *self)
{
  if (self->person != NULL && !self->loading)
    coalition_person_pane_show (self, coalition_person_get_id (self->person));
}

static void
person_removed_cb (CoalitionPersonPane *self,
                   gint64               id)
{
  if (self->person != NULL && coalition_person_get_id (self->person) == id)
    coalition_person_pane_show (self, 0);
}

void
coalition_person_pane_set_store (CoalitionPersonPane *self,
                                 CoalitionStore      *store)
{
  g_return_if_fail (COALITION_IS_PERSON_PANE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  coalition_outreach_editor_set_store (self->outreach_editor, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "person-removed", G_CALLBACK (person_removed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "group-changed", G_CALLBACK (group_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "organization-added", G_CALLBACK (load_organizations), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "organization-changed", G_CALLBACK (load_organizations), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "organization-removed", G_CALLBACK (load_organizations), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed", G_CALLBACK (load_organizations), self, G_CONNECT_SWAPPED);
    }
  load_organizations (self);

  coalition_person_pane_show (self, 0);
}

static void
coalition_person_pane_dispose (GObject *object)
{
  CoalitionPersonPane *self = COALITION_PERSON_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), COALITION_TYPE_PERSON_PANE);
  g_clear_object (&self->person);
  g_clear_object (&self->store);
  g_clear_pointer (&self->contact_rows, g_ptr_array_unref);
  g_clear_pointer (&self->group_rows, g_ptr_array_unref);
  g_clear_pointer (&self->organizations, g_ptr_array_unref);
  g_clear_pointer (&self->joinable_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (coalition_person_pane_parent_class)->dispose (object);
}

static void
coalition_person_pane_class_init (CoalitionPersonPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coalition_person_pane_dispose;

  g_type_ensure (COALITION_TYPE_OUTREACH_EDITOR);

  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, COALITION_TYPE_PERSON);
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/coalition-person-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, given_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, family_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, display_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, title_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, organization_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, status_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, contact_group);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, groups_group);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, address_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, skills_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionPersonPane, outreach_editor);
  gtk_widget_class_bind_template_callback (widget_class, field_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, outreach_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, outreach_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
coalition_person_pane_init (CoalitionPersonPane *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->contact_rows = g_ptr_array_new ();
  self->group_rows = g_ptr_array_new ();

  for (CoalitionStatus status = 0; status <= COALITION_STATUS_LAST; status++)
    gtk_string_list_append (statuses, coalition_status_get_label (status));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (status_selected_cb), self,
                           G_CONNECT_SWAPPED);

  /* Thousands of organizations: the drop-down searches by name. */
  self->organization_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  gtk_drop_down_set_enable_search (self->organization_dropdown, TRUE);
  {
    g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();

    /* Full names in the list, a short one on the button. */
    g_signal_connect (list_factory, "setup", G_CALLBACK (setup_button_label_cb), NULL);
    g_signal_connect (list_factory, "bind", G_CALLBACK (bind_button_label_cb), NULL);
    g_signal_connect (button_factory, "setup", G_CALLBACK (setup_button_label_cb), NULL);
    g_signal_connect (button_factory, "bind", G_CALLBACK (bind_button_label_cb), NULL);
    gtk_drop_down_set_factory (self->organization_dropdown, button_factory);
    gtk_drop_down_set_list_factory (self->organization_dropdown, list_factory);
  }
  gtk_widget_set_valign (GTK_WIDGET (self->organization_dropdown), GTK_ALIGN_CENTER);
  coalition_accessible_label_drop_down (self->organization_dropdown, _("Organization"));
  adw_action_row_add_suffix (self->organization_row, GTK_WIDGET (self->organization_dropdown));
  adw_action_row_set_activatable_widget (self->organization_row, GTK_WIDGET (self->organization_dropdown));
  self->organizations = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (self->organization_dropdown, "notify::selected", G_CALLBACK (organization_selected_cb), self,
                           G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (notes_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
}
