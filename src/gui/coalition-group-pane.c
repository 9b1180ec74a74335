/* coalition-group-pane.c — one group and its members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "coalition-group-pane.h"

struct _CoalitionGroupPane
{
  GtkWidget            parent_instance;

  CoalitionStore      *store;
  CoalitionGroup      *group;
  GPtrArray           *member_rows;
  gboolean             loading;

  GtkStack            *stack;
  GtkLabel            *name_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *description_row;
  AdwPreferencesGroup *members_group;
  GtkWidget           *add_row;      /* "Add a Member", rebuilt with the rows */
  GtkWidget           *matches_popover;
  GtkListBox          *matches_list;
  GArray              *match_ids;    /* the people in matches_list, in its order */
};

G_DEFINE_FINAL_TYPE (CoalitionGroupPane, coalition_group_pane, GTK_TYPE_WIDGET)

enum {
  DELETE_REQUESTED,
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void add_member_row (CoalitionGroupPane *self);

/* The popover belongs to the "Add a Member" row and goes before it does. */
static void
drop_matches_popover (CoalitionGroupPane *self)
{
  if (self->matches_popover != NULL)
    gtk_widget_unparent (self->matches_popover);
  self->matches_popover = NULL;
  self->matches_list = NULL;
}

static void
fill (CoalitionGroupPane *self)
{
  g_autoptr(GPtrArray) members = coalition_store_list_group_members (self->store, coalition_group_get_id (self->group),
                                                                     NULL);

  self->loading = TRUE;
  gtk_label_set_label (self->name_label, coalition_group_get_name (self->group));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), coalition_group_get_name (self->group));
  adw_combo_row_set_selected (self->kind_row, coalition_group_get_kind (self->group));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), coalition_group_get_description (self->group));

  drop_matches_popover (self);
  for (guint i = 0; i < self->member_rows->len; i++)
    adw_preferences_group_remove (self->members_group, self->member_rows->pdata[i]);
  g_ptr_array_set_size (self->member_rows, 0);

  /* Officers first, as the store orders them. */
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      const CoalitionMembership *member = g_ptr_array_index (members, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->person_name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), coalition_role_get_label (member->role));
      adw_preferences_group_add (self->members_group, row);
      g_ptr_array_add (self->member_rows, row);
    }
  adw_preferences_group_set_description (self->members_group,
                                         self->member_rows->len == 0 ? _("Nobody yet. Add people below, or from their details.")
                                                                     : NULL);
  add_member_row (self);
  self->loading = FALSE;
}

typedef struct
{
  CoalitionGroupPane *self;
  gint64              group_id;
  gint64              person_id;
} Joining;

/* Written from a timeout: it rebuilds the rows, the one that asked too. */
static gboolean
join_cb (gpointer data)
{
  Joining *joining = data;
  CoalitionGroupPane *self = joining->self;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL &&
      !coalition_store_set_membership (self->store, joining->group_id, joining->person_id, COALITION_ROLE_MEMBER, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);

  g_object_unref (joining->self);
  g_free (joining);
  return G_SOURCE_REMOVE;
}

static void
join (CoalitionGroupPane *self,
      gint64              person_id)
{
  Joining *joining = g_new0 (Joining, 1);

  if (self->group == NULL)
    {
      g_free (joining);
      return;
    }
  joining->self = g_object_ref (self);
  joining->group_id = coalition_group_get_id (self->group);
  joining->person_id = person_id;
  gtk_popover_popdown (GTK_POPOVER (self->matches_popover));
  g_timeout_add (0, join_cb, joining);
}

static void
match_activated_cb (CoalitionGroupPane *self,
                    GtkListBoxRow      *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint)index < self->match_ids->len)
    join (self, g_array_index (self->match_ids, gint64, index));
}

/* The first people whose names match what is typed, to choose from. */
static void
add_text_changed_cb (CoalitionGroupPane *self,
                     GtkEditable        *entry)
{
  const char *text = gtk_editable_get_text (entry);
  g_autoptr(GArray) ids = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches_list))) != NULL)
    gtk_list_box_remove (self->matches_list, child);
  g_array_set_size (self->match_ids, 0);

  if (self->store == NULL || g_utf8_strlen (text, -1) < 2 ||
      (ids = coalition_store_find_people (self->store, text, NULL)) == NULL || ids->len == 0)
    {
      gtk_popover_popdown (GTK_POPOVER (self->matches_popover));
      return;
    }

  for (guint i = 0; i < ids->len && i < 8; i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_store_get_person (self->store, g_array_index (ids, gint64, i), NULL);
      GtkWidget *row;

      if (person == NULL)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), coalition_person_get_display_name (person));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), coalition_person_get_organization_name (person)
                                                         ? coalition_person_get_organization_name (person) : "");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->matches_list, row);
      g_array_append_val (self->match_ids, g_array_index (ids, gint64, i));
    }

  gtk_popover_popup (GTK_POPOVER (self->matches_popover));
}

/* Enter takes the first match. */
static void
add_applied_cb (CoalitionGroupPane *self)
{
  if (self->match_ids->len > 0)
    join (self, g_array_index (self->match_ids, gint64, 0));
}

static void
add_member_row (CoalitionGroupPane *self)
{
  drop_matches_popover (self);

  self->add_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->add_row), _("Add a Member by Name"));
  g_signal_connect_object (self->add_row, "changed", G_CALLBACK (add_text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_row, "entry-activated", G_CALLBACK (add_applied_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->members_group, self->add_row);
  g_ptr_array_add (self->member_rows, self->add_row);

  /* The matches drop down from the row, without taking the focus from it. */
  self->matches_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->matches_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->matches_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People to add"), -1);
  g_signal_connect_object (self->matches_list, "row-activated", G_CALLBACK (match_activated_cb), self,
                           G_CONNECT_SWAPPED);
  self->matches_popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->matches_popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->matches_popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->matches_popover), GTK_POS_BOTTOM);
  gtk_popover_set_child (GTK_POPOVER (self->matches_popover), GTK_WIDGET (self->matches_list));
  gtk_widget_set_parent (self->matches_popover, self->add_row);
}

void
coalition_group_pane_show (CoalitionGroupPane *self,
                           gint64              id)
{
  CoalitionGroup *group = NULL;

  g_return_if_fail (COALITION_IS_GROUP_PANE (self));

  if (id > 0 && self->store != NULL)
    group = coalition_store_get_group (self->store, id, NULL);

  g_clear_object (&self->group);
  self->group = group;

  if (group == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill (self);
  gtk_stack_set_visible_child_name (self->stack, "group");
}

CoalitionGroup *
coalition_group_pane_get_group (CoalitionGroupPane *self)
{
  g_return_val_if_fail (COALITION_IS_GROUP_PANE (self), NULL);
  return self->group;
}

static void
save (CoalitionGroupPane *self)
{
  g_autoptr(CoalitionGroup) group = g_object_ref (self->group);
  g_autoptr(GError) error = NULL;

  if (!coalition_store_update_group (self->store, group, &error))
    g_signal_emit (self, signals[ERROR], 0, error->message);

  if (self->group == group)
    coalition_group_pane_show (self, coalition_group_get_id (group));
}

static void
field_applied_cb (CoalitionGroupPane *self,
                  AdwEntryRow        *row)
{
  if (self->group == NULL || self->loading)
    return;

  if (row == self->name_row)
    coalition_group_set_name (self->group, gtk_editable_get_text (GTK_EDITABLE (row)));
  else
    coalition_group_set_description (self->group, gtk_editable_get_text (GTK_EDITABLE (row)));
  save (self);
}

static void
kind_selected_cb (CoalitionGroupPane *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->group == NULL || self->loading || selected > COALITION_GROUP_KIND_LAST ||
      selected == coalition_group_get_kind (self->group))
    return;

  coalition_group_set_kind (self->group, selected);
  save (self);
}

static void
delete_clicked_cb (CoalitionGroupPane *self)
{
  if (self->group != NULL)
    g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->group);
}

static void
group_changed_cb (CoalitionGroupPane *self,
                  gint64              id)
{
  if (self->group != NULL && coalition_group_get_id (self->group) == id && !self->loading)
    coalition_group_pane_show (self, id);
}

void
coalition_group_pane_set_store (CoalitionGroupPane *self,
                                CoalitionStore     *store)
{
  g_return_if_fail (COALITION_IS_GROUP_PANE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "group-changed", G_CALLBACK (group_changed_cb), self, G_CONNECT_SWAPPED);

  coalition_group_pane_show (self, 0);
}

static void
coalition_group_pane_dispose (GObject *object)
{
  CoalitionGroupPane *self = COALITION_GROUP_PANE (object);

  drop_matches_popover (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), COALITION_TYPE_GROUP_PANE);
  g_clear_object (&self->group);
  g_clear_object (&self->store);
  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->match_ids, g_array_unref);

  G_OBJECT_CLASS (coalition_group_pane_parent_class)->dispose (object);
}

static void
coalition_group_pane_class_init (CoalitionGroupPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coalition_group_pane_dispose;

  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, COALITION_TYPE_GROUP);
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/coalition-group-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, CoalitionGroupPane, stack);
  gtk_widget_class_bind_template_child (widget_class, CoalitionGroupPane, name_label);
  gtk_widget_class_bind_template_child (widget_class, CoalitionGroupPane, name_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionGroupPane, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionGroupPane, description_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionGroupPane, members_group);
  gtk_widget_class_bind_template_callback (widget_class, field_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
}

static void
coalition_group_pane_init (CoalitionGroupPane *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->member_rows = g_ptr_array_new ();
  self->match_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (CoalitionGroupKind kind = 0; kind <= COALITION_GROUP_KIND_LAST; kind++)
    gtk_string_list_append (kinds, coalition_group_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self, G_CONNECT_SWAPPED);
}
