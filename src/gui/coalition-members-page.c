/* coalition-members-page.c — the directory of people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "coalition-accessible.h"
#include "coalition-demo.h"
#include "coalition-members-page.h"
#include "coalition-group-pane.h"
#include "coalition-organization-pane.h"
#include "coalition-person-pane.h"
#include "coalition-window.h"

/* GTK 4.8 makes a row of widgets for up to 200 rows of a list when its
 * model is set, so the first page is kept to what the window shows: a row
 * is at least 24 pixels high; a maximized window gets as many as a tall
 * screen shows. */
#define MIN_ROW_HEIGHT 24
#define MAX_FIRST_ROWS 60

struct _CoalitionMembersPage
{
  GtkWidget             parent_instance;

  CoalitionStore       *store;
  CoalitionPeopleModel *model;
  GdkFrameClock        *first_frame_clock;
  gulong                first_frame_handler;
  guint                 complete_source;
  gboolean              panes_have_store;
  GCancellable         *filling;
  guint                 progress_source;
  gint                  progress_permille;   /* written by the filling thread */
  gboolean              start_empty;

  AdwLeaflet           *leaflet;
  GtkToggleButton      *people_toggle;
  GtkToggleButton      *organizations_toggle;
  GtkToggleButton      *groups_toggle;
  GtkToggleButton      *prospects_toggle;
  GtkColumnView        *prospect_view;
  GListStore           *prospects;
  GtkStringFilter      *prospect_filter;
  GtkSingleSelection   *prospect_selection;
  GtkColumnView        *group_view;
  AdwBin               *group_bin;
  CoalitionGroupPane   *group_pane;         /* built when first needed */
  GListStore           *groups;
  GtkStringFilter      *group_filter;
  GtkSingleSelection   *group_selection;
  GtkColumnView        *organization_view;
  GtkStack             *details_stack;
  AdwBin               *organization_bin;
  CoalitionOrganizationPane *organization_pane;   /* built when first needed */
  GListStore           *organizations;
  GtkStringFilter      *organization_filter;
  GtkSingleSelection   *organization_selection;
  AdwBin               *person_bin;
  CoalitionPersonPane  *person_pane;        /* built when first needed */
  GtkSelectionModel    *selection;
  GtkWidget            *box;
  GtkWidget            *search_row;
  GtkWidget            *search_separator;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *sort_dropdown;
  GtkGrid              *options_grid;
  GtkDropDown          *kind_dropdown;
  GtkDropDown          *group_dropdown;
  GtkDropDown          *tag_dropdown;
  GArray               *filter_group_ids;  /* in the order of group_dropdown, after "Any" */
  GStrv                 filter_tags;       /* in the order of tag_dropdown, after "Any" */
  GtkWidget            *view_options_button;
  GtkLabel             *count_label;
  GtkStack             *state_stack;
  GtkColumnView        *column_view;
  AdwStatusPage        *welcome_page;
  GtkWidget            *explore_button;
  GtkProgressBar       *progress_bar;
};

G_DEFINE_FINAL_TYPE (CoalitionMembersPage, coalition_members_page, GTK_TYPE_WIDGET)

typedef const char *(*PersonText) (CoalitionPerson *person);

static const char *
person_status_text (CoalitionPerson *person)
{
  return coalition_status_get_label (coalition_person_get_status (person));
}

/* TRUE when a search or a status filter hides some of the directory. */
static gboolean
narrowed (CoalitionMembersPage *self)
{
  return self->model != NULL &&
         (coalition_people_model_get_query (self->model) != NULL ||
          coalition_people_model_is_filtered (self->model));
}

/* GTK 4.8 has no setter for a search entry's placeholder; the property is there. */
static void
set_search_placeholder (GtkSearchEntry *entry,
                                              gboolean        organizations)
{
  g_object_set (entry, "placeholder-text",
                organizations ? _("Search by name…")
                              : _("Search people by name, organization, e-mail…"),
                NULL);
}

static gboolean
showing_organizations (CoalitionMembersPage *self)
{
  return gtk_toggle_button_get_active (self->organizations_toggle);
}

static gboolean
showing_groups (CoalitionMembersPage *self)
{
  return gtk_toggle_button_get_active (self->groups_toggle);
}

static gboolean
showing_prospects (CoalitionMembersPage *self)
{
  return gtk_toggle_button_get_active (self->prospects_toggle);
}

static void pane_error_cb          (CoalitionMembersPage  *self,
                                    const char            *message);
static void delete_requested_cb    (CoalitionMembersPage  *self,
                                    CoalitionPerson       *person);
static void delete_organization_cb (CoalitionMembersPage  *self,
                                    CoalitionOrganization *organization);
static void show_person_cb         (CoalitionMembersPage  *self,
                                    gint64                 id);
static void delete_group_cb        (CoalitionMembersPage  *self,
                                    CoalitionGroup        *group);

/* The detail panes are built and given the store when first needed; the
 * person pane, which reads every organization for its drop-down, also once
 * the first page of the list is drawn. */
static void
give_panes_the_store (CoalitionMembersPage *self)
{
  if (self->panes_have_store)
    return;

  self->panes_have_store = TRUE;
  if (self->person_pane != NULL)
    coalition_person_pane_set_store (self->person_pane, self->store);
  if (self->organization_pane != NULL)
    coalition_organization_pane_set_store (self->organization_pane, self->store);
  if (self->group_pane != NULL)
    coalition_group_pane_set_store (self->group_pane, self->store);
}

static CoalitionPersonPane *
person_pane (CoalitionMembersPage *self)
{
  give_panes_the_store (self);
  if (self->person_pane == NULL)
    {
      self->person_pane = g_object_new (COALITION_TYPE_PERSON_PANE, NULL);
      g_signal_connect_object (self->person_pane, "delete-requested", G_CALLBACK (delete_requested_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->person_pane, "error", G_CALLBACK (pane_error_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->person_bin, GTK_WIDGET (self->person_pane));
      coalition_person_pane_set_store (self->person_pane, self->store);
    }
  return self->person_pane;
}

static CoalitionOrganizationPane *
organization_pane (CoalitionMembersPage *self)
{
  give_panes_the_store (self);
  if (self->organization_pane == NULL)
    {
      self->organization_pane = g_object_new (COALITION_TYPE_ORGANIZATION_PANE, NULL);
      g_signal_connect_object (self->organization_pane, "delete-requested", G_CALLBACK (delete_organization_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->organization_pane, "show-person", G_CALLBACK (show_person_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->organization_pane, "error", G_CALLBACK (pane_error_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->organization_bin, GTK_WIDGET (self->organization_pane));
      coalition_organization_pane_set_store (self->organization_pane, self->store);
    }
  return self->organization_pane;
}

static CoalitionGroupPane *
group_pane (CoalitionMembersPage *self)
{
  give_panes_the_store (self);
  if (self->group_pane == NULL)
    {
      self->group_pane = g_object_new (COALITION_TYPE_GROUP_PANE, NULL);
      g_signal_connect_object (self->group_pane, "delete-requested", G_CALLBACK (delete_group_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->group_pane, "error", G_CALLBACK (pane_error_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->group_bin, GTK_WIDGET (self->group_pane));
      coalition_group_pane_set_store (self->group_pane, self->store);
    }
  return self->group_pane;
}

static void
update_state (CoalitionMembersPage *self)
{
  if (showing_prospects (self) && self->store != NULL)
    {
      guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->prospect_selection));
      guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->prospects));
      g_autofree char *count = NULL;

      if (n_shown < n_total)
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u prospect", "%'u of %'u prospects",
                                              n_total), n_shown, n_total);
      else
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u prospect", "%'u prospects", n_total), n_total);
      gtk_stack_set_visible_child_name (self->state_stack, n_total > 0 ? "prospects" : "no-prospects");
      gtk_widget_set_visible (self->search_row, TRUE);
      gtk_widget_set_visible (self->search_separator, TRUE);
      gtk_widget_set_visible (self->view_options_button, FALSE);
      gtk_label_set_label (self->count_label, count);
      return;
    }

  if (showing_groups (self) && self->store != NULL)
    {
      guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u group", "%'u groups", n_total),
                                                n_total);

      gtk_stack_set_visible_child_name (self->state_stack, "groups");
      gtk_widget_set_visible (self->search_row, TRUE);
      gtk_widget_set_visible (self->search_separator, TRUE);
      gtk_widget_set_visible (self->view_options_button, FALSE);
      gtk_label_set_label (self->count_label, count);
      return;
    }

  if (showing_organizations (self) && self->store != NULL)
    {
      guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->organization_selection));
      guint n_total = g_list_model_get_n_items (G_LIST_MODEL (self->organizations));
      g_autofree char *count = NULL;

      if (n_shown < n_total)
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u organization", "%'u of %'u organizations",
                                              n_total), n_shown, n_total);
      else
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u organization", "%'u organizations", n_total),
                                 n_total);
      gtk_stack_set_visible_child_name (self->state_stack, "organizations");
      gtk_widget_set_visible (self->search_row, TRUE);
      gtk_widget_set_visible (self->search_separator, TRUE);
      gtk_widget_set_visible (self->view_options_button, FALSE);
      gtk_label_set_label (self->count_label, count);
      return;
    }

  gtk_widget_set_visible (self->view_options_button, TRUE);

  g_autofree char *count = NULL;
  const char *state;
  guint n_shown = 0, n_total = 0;

  if (self->model != NULL)
    {
      n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
      /* Counted once everyone is in the list, after the first page is drawn. */
      n_total = coalition_people_model_is_complete (self->model) ? coalition_store_count_people (self->store)
                                                                 : n_shown;
    }

  if (self->filling != NULL)
    state = "loading";
  else if (n_shown > 0)
    state = "list";
  else if (narrowed (self))
    state = "no-results";
  else if (self->store != NULL && !self->start_empty && n_total == 0 &&
           coalition_store_count_organizations (self->store) == 0)
    state = "welcome";
  else
    state = "empty";

  /* A newcomer can take the offer with Enter. */
  if (g_str_equal (state, "welcome") &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), "welcome") != 0)
    gtk_widget_grab_focus (self->explore_button);

  gtk_stack_set_visible_child_name (self->state_stack, state);
  gtk_widget_set_visible (self->search_row, !g_str_equal (state, "welcome") && !g_str_equal (state, "loading"));
  gtk_widget_set_visible (self->search_separator, gtk_widget_get_visible (self->search_row));

  if (self->model != NULL && !coalition_people_model_is_complete (self->model))
    count = NULL;  /* not counted yet */
  else if (narrowed (self))
    /* Translators: “12 of 2,000 people” */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u of %'u person", "%'u of %'u people", n_total),
                             n_shown, n_total);
  else if (n_total > 0)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u person", "%'u people", n_total), n_total);
  gtk_label_set_label (self->count_label, count ? count : "");
}

/* ---------------------------------------------------------------------- */
/* Columns */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  PersonText text = user_data;
  CoalitionPerson *person = gtk_list_item_get_item (item);
  const char *value = text (person);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), value ? value : "");
}

/* Column widths are for text at 96 dpi; Large Text raises the dpi. */
static int
text_scaled (int width)
{
  int dpi = -1;

  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  return dpi > 96 * 1024 ? (int)((gint64)width * dpi / (96 * 1024)) : width;
}

static void
add_column (CoalitionMembersPage *self,
            const char           *title,
            PersonText            text,
            gboolean              expand,
            int                   fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), text);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, text_scaled (fixed_width));
  gtk_column_view_append_column (self->column_view, column);
}

/* ---------------------------------------------------------------------- */
/* The example coalition, filled on its own connection in a thread */

static void
fill_progress_cb (double   fraction,
                  gpointer user_data)
{
  CoalitionMembersPage *self = user_data;

  g_atomic_int_set (&self->progress_permille, (int)(fraction * 1000));
}

static void
fill_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CoalitionMembersPage *self = source_object;
  const char *path = task_data;
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = coalition_store_open (path, &error);
  if (store == NULL ||
      !coalition_demo_fill (store, COALITION_DEMO_DEFAULT_PEOPLE, COALITION_DEMO_DEFAULT_SEED,
                            fill_progress_cb, self, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static gboolean
pulse_progress_cb (gpointer user_data)
{
  CoalitionMembersPage *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, g_atomic_int_get (&self->progress_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
fill_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CoalitionMembersPage *self = COALITION_MEMBERS_PAGE (object);
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->filling);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *window;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      window = gtk_widget_get_ancestor (GTK_WIDGET (self), COALITION_TYPE_WINDOW);
      if (window != NULL)
        coalition_window_add_toast (COALITION_WINDOW (window), error->message);
    }

  /* The other connection wrote: read everything again. */
  if (self->store != NULL)
    coalition_store_emit_changed (self->store);
  update_state (self);
}

static void
explore_clicked_cb (CoalitionMembersPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || self->filling != NULL)
    return;

  self->filling = g_cancellable_new ();
  g_atomic_int_set (&self->progress_permille, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->progress_source = g_timeout_add (100, pulse_progress_cb, self);
  update_state (self);

  task = g_task_new (self, self->filling, fill_done_cb, NULL);
  g_task_set_source_tag (task, explore_clicked_cb);
  g_task_set_task_data (task, g_strdup (coalition_store_get_path (self->store)), g_free);
  g_task_run_in_thread (task, fill_thread);
}

static void
start_empty_clicked_cb (CoalitionMembersPage *self)
{
  self->start_empty = TRUE;
  update_state (self);
}

/* ---------------------------------------------------------------------- */

static void
search_changed_cb (CoalitionMembersPage *self)
{
  gtk_string_filter_set_search (self->organization_filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_string_filter_set_search (self->group_filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_string_filter_set_search (self->prospect_filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  if (showing_organizations (self) || showing_groups (self) || showing_prospects (self))
    {
      update_state (self);
      return;
    }

  if (self->model == NULL)
    return;

  coalition_people_model_set_query (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_state (self);
}

/* The position in a filter's drop-down, whose first entry is "Any", as
 * an index into its choices, or -1 for any. */
static int
chosen (GtkDropDown *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected == GTK_INVALID_LIST_POSITION || selected == 0 ? -1 : (int)selected - 1;
}

static void
status_selected_cb (CoalitionMembersPage *self)
{
  CoalitionPeopleFilter filter = COALITION_PEOPLE_FILTER_INIT;
  int group = chosen (self->group_dropdown);
  int tag = chosen (self->tag_dropdown);

  if (self->model == NULL)
    return;

  filter.status = chosen (self->status_dropdown);
  filter.organization_kind = chosen (self->kind_dropdown);
  if (group >= 0 && (guint)group < self->filter_group_ids->len)
    filter.group_id = g_array_index (self->filter_group_ids, gint64, group);
  if (tag >= 0 && self->filter_tags != NULL && (guint)tag < g_strv_length (self->filter_tags))
    filter.tag = self->filter_tags[tag];
  coalition_people_model_set_filter (self->model, &filter);
  update_state (self);
}

/* Groups and tags come and go: read them when the popover opens, keeping
 * what was chosen. */
static void
load_filter_choices (CoalitionMembersPage *self)
{
  g_autoptr(GtkStringList) group_names = gtk_string_list_new ((const char * const[]) { _("Any Group"), NULL });
  g_autoptr(GtkStringList) tag_names = gtk_string_list_new ((const char * const[]) { _("Any Tag"), NULL });
  g_autoptr(GPtrArray) groups = NULL;
  g_auto(GStrv) tags = NULL;
  int group = chosen (self->group_dropdown);
  int tag = chosen (self->tag_dropdown);
  gint64 group_id = group >= 0 && (guint)group < self->filter_group_ids->len
                    ? g_array_index (self->filter_group_ids, gint64, group) : 0;
  g_autofree char *tag_name = tag >= 0 && self->filter_tags != NULL && (guint)tag < g_strv_length (self->filter_tags)
                              ? g_strdup (self->filter_tags[tag]) : NULL;
  guint group_position = 0, tag_position = 0;

  if (self->store == NULL)
    return;

  groups = coalition_store_list_groups (self->store, NULL);
  tags = coalition_store_list_tags (self->store, NULL);

  g_array_set_size (self->filter_group_ids, 0);
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      gint64 id = coalition_group_get_id (groups->pdata[i]);

      g_array_append_val (self->filter_group_ids, id);
      gtk_string_list_append (group_names, coalition_group_get_name (groups->pdata[i]));
      if (id == group_id)
        group_position = i + 1;
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      gtk_string_list_append (tag_names, tags[i]);
      if (g_strcmp0 (tags[i], tag_name) == 0)
        tag_position = i + 1;
    }
  g_strfreev (self->filter_tags);
  self->filter_tags = g_steal_pointer (&tags);

  g_signal_handlers_block_by_func (self->group_dropdown, status_selected_cb, self);
  g_signal_handlers_block_by_func (self->tag_dropdown, status_selected_cb, self);
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (group_names));
  gtk_drop_down_set_selected (self->group_dropdown, group_position);
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (tag_names));
  gtk_drop_down_set_selected (self->tag_dropdown, tag_position);
  g_signal_handlers_unblock_by_func (self->group_dropdown, status_selected_cb, self);
  g_signal_handlers_unblock_by_func (self->tag_dropdown, status_selected_cb, self);

  /* A group or tag that is gone no longer filters. */
  if ((group_id != 0 && group_position == 0) || (tag_name != NULL && tag_position == 0))
    status_selected_cb (self);
}

/* One more "label: drop-down" row of the popover. */
static GtkDropDown *
add_filter_row (CoalitionMembersPage *self,
                int                   row,
                const char           *label,
                const char           *accessible,
                GListModel           *choices)
{
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *dropdown = gtk_drop_down_new (choices, NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_grid_attach (self->options_grid, title, 0, row, 1, 1);
  coalition_accessible_label_drop_down (GTK_DROP_DOWN (dropdown), accessible);
  gtk_grid_attach (self->options_grid, dropdown, 1, row, 1, 1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self, G_CONNECT_SWAPPED);
  return GTK_DROP_DOWN (dropdown);
}

static void
sort_selected_cb (CoalitionMembersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->sort_dropdown);

  if (self->model != NULL && selected <= COALITION_SORT_LAST)
    coalition_people_model_set_sort (self->model, selected);
}

static void
stop_search_cb (CoalitionMembersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
items_changed_cb (CoalitionMembersPage *self)
{
  update_state (self);
}

static void
selection_changed_cb (CoalitionMembersPage *self)
{
  CoalitionPerson *person = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (self->selection));
  CoalitionPerson *shown = coalition_person_pane_get_person (person_pane (self));

  /* An edit replaces the row, which drops the selection: keep the person
   * selected wherever the edit moved them, unless they left the list. */
  if (person == NULL && shown != NULL)
    {
      guint position = coalition_people_model_find (self->model, coalition_person_get_id (shown));

      if (position != G_MAXUINT)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (self->selection), position);
          return;
        }
    }

  if (person != NULL && shown != NULL && coalition_person_get_id (person) == coalition_person_get_id (shown))
    return;

  coalition_person_pane_show (person_pane (self), person ? coalition_person_get_id (person) : 0);
  if (person != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

static void
back_clicked_cb (CoalitionMembersPage *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
show_toast (CoalitionMembersPage *self,
            AdwToast             *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), COALITION_TYPE_WINDOW);

  if (window != NULL)
    coalition_window_show_toast (COALITION_WINDOW (window), toast);
  else
    g_object_unref (toast);
}

static void
pane_error_cb (CoalitionMembersPage *self,
               const char           *message)
{
  show_toast (self, adw_toast_new (message));
}

static void
delete_requested_cb (CoalitionMembersPage *self,
                     CoalitionPerson      *person)
{
  g_autoptr(CoalitionPerson) kept = g_object_ref (person);

  if (coalition_window_delete_undoably (GTK_WIDGET (self), coalition_store_delete_person,
                                        coalition_person_get_id (kept), coalition_person_get_display_name (kept)) &&
      adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void reload_organizations (CoalitionMembersPage *self);
static void reload_groups (CoalitionMembersPage *self);

/* GTK 4.8 has no gtk_column_view_scroll_to (): the column view's inner
 * list has an action for it. */
static void
scroll_to (CoalitionMembersPage *self,
           guint                 position)
{
  if (position == G_MAXUINT)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
new_person_response_cb (AdwMessageDialog     *dialog,
                        const char           *response,
                        CoalitionMembersPage *self)
{
  GtkEditable *given = g_object_get_data (G_OBJECT (dialog), "given");
  GtkEditable *family = g_object_get_data (G_OBJECT (dialog), "family");
  g_autoptr(CoalitionPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!g_str_equal (response, "add") || self->store == NULL)
    return;

  if (g_object_get_data (G_OBJECT (dialog), "organization") != NULL)
    {
      g_autoptr(CoalitionOrganization) organization = NULL;
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (given)));

      organization = coalition_organization_new (name);
      if (!coalition_store_insert_organization (self->store, organization, &error))
        show_toast (self, adw_toast_new (error->message));
      else
        {
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
          reload_organizations (self);
          coalition_organization_pane_show (organization_pane (self), coalition_organization_get_id (organization));
        }
      return;
    }

  person = coalition_person_new ();
  coalition_person_set_given_name (person, g_strstrip (g_strdup (gtk_editable_get_text (given))));
  coalition_person_set_family_name (person, g_strstrip (g_strdup (gtk_editable_get_text (family))));
  coalition_person_set_status (person, COALITION_STATUS_PROSPECT);
  if (!coalition_store_insert_person (self->store, person, &error))
    {
      show_toast (self, adw_toast_new (error->message));
      return;
    }

  /* Clear a search the new person would not match, then show them. */
  position = coalition_people_model_find (self->model, coalition_person_get_id (person));
  if (position == G_MAXUINT)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      coalition_people_model_set_query (self->model, NULL);
      position = coalition_people_model_find (self->model, coalition_person_get_id (person));
    }
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (self->selection), position);
  scroll_to (self, position);
}

static void
name_changed_cb (AdwMessageDialog *dialog)
{
  GtkEditable *given = g_object_get_data (G_OBJECT (dialog), "given");
  GtkEditable *family = g_object_get_data (G_OBJECT (dialog), "family");
  g_autofree char *g = g_strstrip (g_strdup (gtk_editable_get_text (given)));
  g_autofree char *f = g_strstrip (g_strdup (gtk_editable_get_text (family)));

  adw_message_dialog_set_response_enabled (dialog, "add", g[0] != '\0' || f[0] != '\0');
}

/* Enter in a name field adds, as the Add button does, once there is a name. */
static void
name_entered_cb (AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "add"))
    return;
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
coalition_members_page_new_person (CoalitionMembersPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  GtkWidget *dialog, *box, *given, *family;

  g_return_if_fail (COALITION_IS_MEMBERS_PAGE (self));

  if (self->store == NULL)
    return;

  if (showing_groups (self))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.new-group", NULL);
      return;
    }

  if (showing_organizations (self))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (window), _("New Organization"),
                                       _("Add the rest of its details once it is in the directory."));
      g_object_set_data (G_OBJECT (dialog), "organization", GINT_TO_POINTER (TRUE));
    }
  else
    dialog = adw_message_dialog_new (GTK_WINDOW (window), _("New Person"),
                                     _("Add the rest of their details once they are in the directory."));
  box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  given = adw_entry_row_new ();
  family = adw_entry_row_new ();
  gtk_list_box_append (GTK_LIST_BOX (box), given);
  if (showing_organizations (self))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (given), _("Name"));
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (given), _("Given Name"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (family), _("Family Name"));
      gtk_list_box_append (GTK_LIST_BOX (box), family);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "given", given);
  g_object_set_data (G_OBJECT (dialog), "family", family);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  g_signal_connect_swapped (given, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_swapped (family, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_swapped (given, "entry-activated", G_CALLBACK (name_entered_cb), dialog);
  g_signal_connect_swapped (family, "entry-activated", G_CALLBACK (name_entered_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_person_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (given);
}

/* The text of one cell, for organizations and groups alike. */
typedef const char *(*RecordText) (gpointer record);

static const char *
organization_kind_text (CoalitionOrganization *organization)
{
  return coalition_organization_kind_get_label (coalition_organization_get_kind (organization));
}

static const char *
organization_status_text (CoalitionOrganization *organization)
{
  return coalition_status_get_label (coalition_organization_get_status (organization));
}

static const char *
organization_people_text (CoalitionOrganization *organization)
{
  /* Kept on the object so the label can borrow it. */
  char *text = g_strdup_printf ("%u", coalition_organization_get_n_people (organization));

  g_object_set_data_full (G_OBJECT (organization), "people-text", text, g_free);
  return text;
}

static void
bind_record_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  RecordText text = user_data;
  const char *value = text (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), value ? value : "");
}

static void
add_record_column (GtkColumnView *view,
                   const char    *title,
                   RecordText     text,
                   gboolean       expand,
                   int            fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_record_label_cb), text);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, text_scaled (fixed_width));
  gtk_column_view_append_column (view, column);
}

/* Organizations are few (thousands at most): they are read whole when the
 * list shows or the directory changes. */
static void
reload_organizations (CoalitionMembersPage *self)
{
  g_autoptr(GPtrArray) organizations = NULL;

  if (self->store == NULL || !showing_organizations (self))
    return;

  organizations = coalition_store_list_organizations (self->store, NULL);
  if (organizations == NULL)
    return;

  g_list_store_splice (self->organizations, 0, g_list_model_get_n_items (G_LIST_MODEL (self->organizations)),
                       organizations->pdata, organizations->len);
  update_state (self);
}

static void
organization_selection_changed_cb (CoalitionMembersPage *self)
{
  CoalitionOrganization *organization = gtk_single_selection_get_selected_item (self->organization_selection);

  if (organization == NULL)
    return;

  coalition_organization_pane_show (organization_pane (self), coalition_organization_get_id (organization));
  gtk_stack_set_visible_child_name (self->details_stack, "organization");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

/* ---------------------------------------------------------------------- */
/* Prospects */

static const char *
prospect_status_text (CoalitionProspect *prospect)
{
  return coalition_status_get_label (coalition_prospect_get_status (prospect));
}

static const char *
prospect_priority_text (CoalitionProspect *prospect)
{
  CoalitionPriority priority = coalition_prospect_get_outreach (prospect)->priority;

  return priority == COALITION_PRIORITY_NONE ? "" : coalition_priority_get_label (priority);
}

static const char *
prospect_asker_text (CoalitionProspect *prospect)
{
  return coalition_prospect_get_outreach (prospect)->asker_name;
}

static const char *
prospect_next_step_text (CoalitionProspect *prospect)
{
  return coalition_prospect_get_outreach (prospect)->next_step;
}

/* A date of the list as the locale writes it, kept on the row. */
static const char *
keep_date_text (CoalitionProspect *prospect,
                const char        *key,
                const char        *date,
                gboolean           mark_overdue)
{
  g_autofree char *today = coalition_store_today ();
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) when = NULL;
  char *text;

  if (date == NULL || *date == '\0')
    return "";

  iso = g_strconcat (date, "T12:00:00Z", NULL);
  when = g_date_time_new_from_iso8601 (iso, NULL);
  if (when == NULL)
    return date;

  /* Translators: a short date in a list, as in "14 Mar 2026"; see g_date_time_format() */
  text = g_date_time_format (when, _("%-d %b %Y"));
  if (mark_overdue && strcmp (date, today) < 0)
    {
      /* Translators: a next step whose date has passed, "14 Mar 2026 (overdue)" */
      char *overdue = g_strdup_printf (_("%s (overdue)"), text);

      g_free (text);
      text = overdue;
    }

  g_object_set_data_full (G_OBJECT (prospect), key, text, g_free);
  return text;
}

static const char *
prospect_due_text (CoalitionProspect *prospect)
{
  return keep_date_text (prospect, "due-text", coalition_prospect_get_outreach (prospect)->next_step_date, TRUE);
}

static const char *
prospect_last_contact_text (CoalitionProspect *prospect)
{
  return keep_date_text (prospect, "last-contact-text", coalition_prospect_get_last_contact (prospect), FALSE);
}

/* What the search field looks through: the name, the organization or kind,
 * who makes the ask and the next step. */
static char *
prospect_text_for_filter (CoalitionProspect *prospect)
{
  const CoalitionOutreach *outreach = coalition_prospect_get_outreach (prospect);

  return g_strjoin ("\n", coalition_prospect_get_name (prospect), coalition_prospect_get_detail (prospect),
                    outreach->asker_name ? outreach->asker_name : "", outreach->next_step, NULL);
}

static void
reload_prospects (CoalitionMembersPage *self)
{
  g_autoptr(GPtrArray) prospects = NULL;

  if (self->store == NULL || !showing_prospects (self))
    return;

  prospects = coalition_store_list_prospects (self->store, NULL);
  if (prospects == NULL)
    return;

  g_list_store_splice (self->prospects, 0, g_list_model_get_n_items (G_LIST_MODEL (self->prospects)),
                       prospects->pdata, prospects->len);
  update_state (self);
}

static void
prospect_selection_changed_cb (CoalitionMembersPage *self)
{
  CoalitionProspect *prospect = gtk_single_selection_get_selected_item (self->prospect_selection);

  if (prospect == NULL)
    return;

  if (coalition_prospect_get_subject (prospect) == COALITION_SUBJECT_ORGANIZATION)
    {
      coalition_organization_pane_show (organization_pane (self), coalition_prospect_get_id (prospect));
      gtk_stack_set_visible_child_name (self->details_stack, "organization");
    }
  else
    {
      coalition_person_pane_show (person_pane (self), coalition_prospect_get_id (prospect));
      gtk_stack_set_visible_child_name (self->details_stack, "person");
    }
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

static void
mode_toggled_cb (CoalitionMembersPage *self)
{
  gboolean organizations = showing_organizations (self);
  gboolean prospects = showing_prospects (self);

  gtk_stack_set_visible_child_name (self->details_stack,
                                    organizations ? "organization" : showing_groups (self) ? "group" : "person");
  set_search_placeholder (self->search_entry, organizations || showing_groups (self) || prospects);
  reload_organizations (self);
  reload_groups (self);
  reload_prospects (self);
  update_state (self);
}

static void
delete_organization_cb (CoalitionMembersPage  *self,
                        CoalitionOrganization *organization)
{
  g_autoptr(CoalitionOrganization) kept = g_object_ref (organization);

  coalition_window_delete_undoably (GTK_WIDGET (self), coalition_store_delete_organization,
                                    coalition_organization_get_id (kept), coalition_organization_get_name (kept));
}

/* From an organization's representatives to one of them, in the People list. */
static void
show_person_cb (CoalitionMembersPage *self,
                gint64                id)
{
  guint position;

  gtk_toggle_button_set_active (self->people_toggle, TRUE);
  if (self->model == NULL)
    return;

  position = coalition_people_model_find (self->model, id);
  if (position != G_MAXUINT)
    {
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (self->selection), position);
      scroll_to (self, position);
    }
  else
    {
      /* Hidden by the search or a filter: shown beside the list all the same. */
      coalition_person_pane_show (person_pane (self), id);
      gtk_stack_set_visible_child_name (self->details_stack, "person");
    }
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

static const char *
group_kind_text (CoalitionGroup *group)
{
  return coalition_group_kind_get_label (coalition_group_get_kind (group));
}

static const char *
group_members_text (CoalitionGroup *group)
{
  char *text = g_strdup_printf ("%u", coalition_group_get_n_members (group));

  g_object_set_data_full (G_OBJECT (group), "members-text", text, g_free);
  return text;
}

static void
reload_groups (CoalitionMembersPage *self)
{
  g_autoptr(GPtrArray) groups = NULL;

  if (self->store == NULL || !showing_groups (self))
    return;

  groups = coalition_store_list_groups (self->store, NULL);
  if (groups == NULL)
    return;

  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       groups->pdata, groups->len);
  update_state (self);
}

static void
group_selection_changed_cb (CoalitionMembersPage *self)
{
  CoalitionGroup *group = gtk_single_selection_get_selected_item (self->group_selection);

  if (group == NULL)
    return;

  coalition_group_pane_show (group_pane (self), coalition_group_get_id (group));
  gtk_stack_set_visible_child_name (self->details_stack, "group");
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
}

static void
delete_group_cb (CoalitionMembersPage *self,
                 CoalitionGroup       *group)
{
  g_autoptr(CoalitionGroup) kept = g_object_ref (group);

  if (coalition_window_delete_undoably (GTK_WIDGET (self), coalition_store_delete_group,
                                        coalition_group_get_id (kept), coalition_group_get_name (kept)))
    coalition_group_pane_show (group_pane (self), 0);
}

static char *
group_name_for_filter (CoalitionGroup *group)
{
  return g_strdup (coalition_group_get_name (group));
}

/* ---------------------------------------------------------------------- */
/* The rest of the directory, once the first page is on screen */

static gboolean
complete_model_cb (gpointer user_data)
{
  CoalitionMembersPage *self = user_data;

  self->complete_source = 0;
  if (self->model != NULL)
    coalition_people_model_complete (self->model);
  person_pane (self);
  return G_SOURCE_REMOVE;
}

static void
stop_watching_first_frame (CoalitionMembersPage *self)
{
  if (self->first_frame_clock != NULL)
    g_clear_signal_handler (&self->first_frame_handler, self->first_frame_clock);
  g_clear_object (&self->first_frame_clock);
}

/* From an idle rather than here, so that this frame reaches the screen
 * before GTK takes in the other rows. */
static void
first_frame_cb (CoalitionMembersPage *self)
{
  stop_watching_first_frame (self);
  if (self->complete_source == 0)
    self->complete_source = g_idle_add (complete_model_cb, self);
}

static void
watch_first_frame (CoalitionMembersPage *self)
{
  GdkFrameClock *clock;

  if (self->model == NULL || (coalition_people_model_is_complete (self->model) && self->person_pane != NULL) ||
      self->first_frame_clock != NULL || self->complete_source != 0 ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    return;

  self->first_frame_clock = g_object_ref (clock);
  self->first_frame_handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (first_frame_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
coalition_members_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (coalition_members_page_parent_class)->map (widget);
  watch_first_frame (COALITION_MEMBERS_PAGE (widget));
}

static void
coalition_members_page_unmap (GtkWidget *widget)
{
  stop_watching_first_frame (COALITION_MEMBERS_PAGE (widget));
  GTK_WIDGET_CLASS (coalition_members_page_parent_class)->unmap (widget);
}

static guint
first_rows (CoalitionMembersPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = -1, height = -1;

  if (!GTK_IS_WINDOW (root) || gtk_window_is_maximized (GTK_WINDOW (root)))
    return MAX_FIRST_ROWS;

  gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
  return height > 0 ? CLAMP (height / MIN_ROW_HEIGHT + 1, 10, MAX_FIRST_ROWS) : MAX_FIRST_ROWS;
}

void
coalition_members_page_set_store (CoalitionMembersPage *self,
                                  CoalitionStore       *store)
{
  g_autoptr(GtkSelectionModel) selection = NULL;

  g_return_if_fail (COALITION_IS_MEMBERS_PAGE (self));
  g_return_if_fail (!store || COALITION_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->filling != NULL)
    g_cancellable_cancel (self->filling);

  stop_watching_first_frame (self);
  g_clear_handle_id (&self->complete_source, g_source_remove);
  g_clear_object (&self->model);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      /* The first page now; everyone else after it is drawn (GTK 4.8
       * spends longer on a list's length than on its visible rows). */
      self->model = coalition_people_model_new_first (store, first_rows (self));
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      coalition_people_model_set_query (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      status_selected_cb (self);
      coalition_people_model_set_sort (self->model, gtk_drop_down_get_selected (self->sort_dropdown));
      selection = GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model))));
      gtk_single_selection_set_autoselect (GTK_SINGLE_SELECTION (selection), FALSE);
      gtk_single_selection_set_can_unselect (GTK_SINGLE_SELECTION (selection), TRUE);
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_set_object (&self->selection, selection);
  self->panes_have_store = FALSE;
  if (store == NULL)
    give_panes_the_store (self);
  if (store != NULL)
    {
      g_signal_connect_object (store, "group-changed", G_CALLBACK (reload_groups), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "changed", G_CALLBACK (reload_groups), self, G_CONNECT_SWAPPED);
    }
  g_list_store_remove_all (self->groups);
  reload_groups (self);
  if (store != NULL)
    {
      const char *signals_to_follow[] = {
        "organization-added", "organization-changed", "organization-removed", "changed",
        "person-added", "person-changed", "person-removed",
      };

      for (guint i = 0; i < G_N_ELEMENTS (signals_to_follow); i++)
        {
          g_signal_connect_object (store, signals_to_follow[i], G_CALLBACK (reload_organizations), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (store, signals_to_follow[i], G_CALLBACK (reload_prospects), self,
                                   G_CONNECT_SWAPPED);
        }
    }
  g_list_store_remove_all (self->organizations);
  reload_organizations (self);
  g_list_store_remove_all (self->prospects);
  reload_prospects (self);
  gtk_column_view_set_model (self->column_view, selection);
  update_state (self);
  watch_first_frame (self);
}

CoalitionPeopleModel *
coalition_members_page_get_model (CoalitionMembersPage *self)
{
  g_return_val_if_fail (COALITION_IS_MEMBERS_PAGE (self), NULL);
  return self->model;
}

void
coalition_members_page_focus_search (CoalitionMembersPage *self)
{
  g_return_if_fail (COALITION_IS_MEMBERS_PAGE (self));

  if (gtk_widget_get_visible (self->search_row))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
coalition_members_page_set_key_capture_widget (CoalitionMembersPage *self,
                                               GtkWidget            *widget)
{
  g_return_if_fail (COALITION_IS_MEMBERS_PAGE (self));
  gtk_search_entry_set_key_capture_widget (self->search_entry, widget);
}

const char *
coalition_members_page_get_state (CoalitionMembersPage *self)
{
  g_return_val_if_fail (COALITION_IS_MEMBERS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->state_stack);
}

static void
coalition_members_page_dispose (GObject *object)
{
  CoalitionMembersPage *self = COALITION_MEMBERS_PAGE (object);

  if (self->filling != NULL)
    g_cancellable_cancel (self->filling);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  stop_watching_first_frame (self);
  g_clear_handle_id (&self->complete_source, g_source_remove);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  if (self->organization_view != NULL)
    gtk_column_view_set_model (self->organization_view, NULL);
  g_clear_object (&self->organization_selection);
  if (self->group_view != NULL)
    gtk_column_view_set_model (self->group_view, NULL);
  g_clear_object (&self->group_selection);
  g_clear_object (&self->groups);
  g_clear_object (&self->prospects);
  g_clear_object (&self->prospect_selection);
  g_clear_object (&self->organizations);
  gtk_widget_dispose_template (GTK_WIDGET (self), COALITION_TYPE_MEMBERS_PAGE);
  self->person_pane = NULL;
  self->organization_pane = NULL;
  self->group_pane = NULL;

  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_pointer (&self->filter_group_ids, g_array_unref);
  g_clear_pointer (&self->filter_tags, g_strfreev);

  G_OBJECT_CLASS (coalition_members_page_parent_class)->dispose (object);
}

static void
coalition_members_page_class_init (CoalitionMembersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = coalition_members_page_dispose;
  widget_class->map = coalition_members_page_map;
  widget_class->unmap = coalition_members_page_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/coalition-members-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, organizations_toggle);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, groups_toggle);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, group_view);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, group_bin);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, organization_view);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, details_stack);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, organization_bin);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, person_bin);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, box);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, search_row);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, search_separator);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, options_grid);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, people_toggle);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, prospects_toggle);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, prospect_view);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, view_options_button);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, explore_button);
  gtk_widget_class_bind_template_child (widget_class, CoalitionMembersPage, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, explore_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_empty_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, load_filter_choices);
}

static void
coalition_members_page_init (CoalitionMembersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The icon travels in our resources, so it shows before installation. */
  adw_status_page_set_icon_name (self->welcome_page, "org.example.Coalition");

  {
    g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

    gtk_string_list_append (statuses, _("Everyone"));
    for (CoalitionStatus status = 0; status <= COALITION_STATUS_LAST; status++)
      gtk_string_list_append (statuses, coalition_status_get_label (status));
    gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  }
  {
    const char *sorts[] = {
      [COALITION_SORT_NAME] = N_("By Name"),
      [COALITION_SORT_ORGANIZATION] = N_("By Organization"),
      [COALITION_SORT_STATUS] = N_("By Status"),
      [COALITION_SORT_RECENT] = N_("Recently Changed"),
      [COALITION_SORT_LAST_CONTACT] = N_("Last Contacted"),
    };
    g_autoptr(GtkStringList) sort_names = gtk_string_list_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
      gtk_string_list_append (sort_names, _(sorts[i]));
    gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sort_names));
    g_signal_connect_object (self->sort_dropdown, "notify::selected", G_CALLBACK (sort_selected_cb), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (status_selected_cb), self,
                             G_CONNECT_SWAPPED);
  }
  {
    g_autoptr(GtkStringList) kinds = gtk_string_list_new ((const char * const[]) { _("Any Kind"), NULL });

    for (CoalitionOrganizationKind kind = 0; kind <= COALITION_ORGANIZATION_KIND_LAST; kind++)
      gtk_string_list_append (kinds, coalition_organization_kind_get_label (kind));
    self->filter_group_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    self->kind_dropdown = add_filter_row (self, 2, _("Organization"), _("Kind of organization to show"),
                                          G_LIST_MODEL (g_steal_pointer (&kinds)));
    self->group_dropdown = add_filter_row (self, 3, _("Group"), _("Group to show"),
                                           G_LIST_MODEL (gtk_string_list_new ((const char * const[]) { _("Any Group"), NULL })));
    self->tag_dropdown = add_filter_row (self, 4, _("Tag"), _("Tag to show"),
                                         G_LIST_MODEL (gtk_string_list_new ((const char * const[]) { _("Any Tag"), NULL })));
  }

  {
    GtkFilterListModel *filtered;

    self->organizations = g_list_store_new (COALITION_TYPE_ORGANIZATION);
    self->organization_filter = gtk_string_filter_new (gtk_property_expression_new (COALITION_TYPE_ORGANIZATION,
                                                                                   NULL, "name"));
    gtk_string_filter_set_ignore_case (self->organization_filter, TRUE);
    gtk_string_filter_set_match_mode (self->organization_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
    filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->organizations)),
                                          GTK_FILTER (self->organization_filter));
    self->organization_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
    gtk_single_selection_set_autoselect (self->organization_selection, FALSE);
    gtk_single_selection_set_can_unselect (self->organization_selection, TRUE);
    gtk_single_selection_set_selected (self->organization_selection, GTK_INVALID_LIST_POSITION);
    g_signal_connect_object (self->organization_selection, "notify::selected-item",
                             G_CALLBACK (organization_selection_changed_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->organization_selection, "items-changed", G_CALLBACK (update_state), self,
                             G_CONNECT_SWAPPED);
    gtk_column_view_set_model (self->organization_view, GTK_SELECTION_MODEL (self->organization_selection));

    add_record_column (self->organization_view, _("Name"), (RecordText)coalition_organization_get_name, TRUE, 240);
    add_record_column (self->organization_view, _("Kind"), (RecordText)organization_kind_text, FALSE, 150);
    add_record_column (self->organization_view, _("Sector"), (RecordText)coalition_organization_get_sector, FALSE, 140);
    add_record_column (self->organization_view, _("Status"), (RecordText)organization_status_text, FALSE, 130);
    add_record_column (self->organization_view, _("People"), (RecordText)organization_people_text, FALSE, 80);
  }

  {
    GtkFilterListModel *filtered;

    self->prospects = g_list_store_new (COALITION_TYPE_PROSPECT);
    self->prospect_filter = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                                G_CALLBACK (prospect_text_for_filter),
                                                                                NULL, NULL));
    gtk_string_filter_set_ignore_case (self->prospect_filter, TRUE);
    gtk_string_filter_set_match_mode (self->prospect_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
    filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->prospects)),
                                          GTK_FILTER (self->prospect_filter));
    self->prospect_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
    gtk_single_selection_set_autoselect (self->prospect_selection, FALSE);
    gtk_single_selection_set_can_unselect (self->prospect_selection, TRUE);
    gtk_single_selection_set_selected (self->prospect_selection, GTK_INVALID_LIST_POSITION);
    g_signal_connect_object (self->prospect_selection, "notify::selected-item",
                             G_CALLBACK (prospect_selection_changed_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (self->prospect_selection, "items-changed", G_CALLBACK (update_state), self,
                             G_CONNECT_SWAPPED);
    gtk_column_view_set_model (self->prospect_view, GTK_SELECTION_MODEL (self->prospect_selection));

    add_record_column (self->prospect_view, _("Name"), (RecordText)coalition_prospect_get_name, TRUE, 200);
    add_record_column (self->prospect_view, _("Organization or Kind"), (RecordText)coalition_prospect_get_detail, FALSE, 160);
    add_record_column (self->prospect_view, _("Priority"), (RecordText)prospect_priority_text, FALSE, 80);
    add_record_column (self->prospect_view, _("Status"), (RecordText)prospect_status_text, FALSE, 100);
    add_record_column (self->prospect_view, _("Who Asks"), (RecordText)prospect_asker_text, FALSE, 150);
    add_record_column (self->prospect_view, _("Next Step"), (RecordText)prospect_next_step_text, FALSE, 220);
    add_record_column (self->prospect_view, _("Due"), (RecordText)prospect_due_text, FALSE, 180);
    add_record_column (self->prospect_view, _("Last Contact"), (RecordText)prospect_last_contact_text, FALSE, 120);
  }

  {
    GtkFilterListModel *filtered;

    self->groups = g_list_store_new (COALITION_TYPE_GROUP);
    self->group_filter = gtk_string_filter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                             G_CALLBACK (group_name_for_filter),
                                                                             NULL, NULL));
    gtk_string_filter_set_ignore_case (self->group_filter, TRUE);
    gtk_string_filter_set_match_mode (self->group_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
    filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->groups)), GTK_FILTER (self->group_filter));
    self->group_selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
    gtk_single_selection_set_autoselect (self->group_selection, FALSE);
    gtk_single_selection_set_can_unselect (self->group_selection, TRUE);
    gtk_single_selection_set_selected (self->group_selection, GTK_INVALID_LIST_POSITION);
    g_signal_connect_object (self->group_selection, "notify::selected-item",
                             G_CALLBACK (group_selection_changed_cb), self, G_CONNECT_SWAPPED);
    gtk_column_view_set_model (self->group_view, GTK_SELECTION_MODEL (self->group_selection));

    add_record_column (self->group_view, _("Name"), (RecordText)coalition_group_get_name, TRUE, 240);
    add_record_column (self->group_view, _("Kind"), (RecordText)group_kind_text, FALSE, 150);
    add_record_column (self->group_view, _("Members"), (RecordText)group_members_text, FALSE, 90);
  }

  /* Widths keep every column readable in a narrow window, which then
   * scrolls sideways, rather than squeezing names to an ellipsis. */
  add_column (self, _("Name"), coalition_person_get_display_name, TRUE, 200);
  add_column (self, C_("job title", "Title"), coalition_person_get_title, FALSE, 170);
  add_column (self, _("Organization"), coalition_person_get_organization_name, TRUE, 220);
  add_column (self, _("E-mail"), coalition_person_get_primary_email, TRUE, 220);
  add_column (self, _("Phone"), coalition_person_get_primary_phone, FALSE, 150);
  add_column (self, _("Status"), person_status_text, FALSE, 120);

  update_state (self);
}
