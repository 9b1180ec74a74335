/* coalition-window.c — one window on one coalition database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "coalition-accessible.h"
#include "coalition-application.h"
#include "coalition-export.h"
#include "coalition-import.h"
#include "coalition-ics.h"
#include "coalition-print.h"
#include "coalition-meetings.h"
#include "coalition-campaigns-page.h"
#include "coalition-map-page.h"
#include "coalition-meetings-page.h"
#include "coalition-members-page.h"
#include "coalition-widgets.h"
#include "coalition-window.h"

struct _CoalitionWindow
{
  AdwApplicationWindow  parent_instance;

  char                 *path;
  CoalitionStore       *store;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  CoalitionMembersPage *members_page;
  /* Built when first shown (see ensure_page ()) */
  AdwBin               *meetings_bin;
  AdwBin               *map_bin;
  AdwBin               *campaigns_bin;
  CoalitionMeetingsPage *meetings_page;
  CoalitionMapPage      *map_page;
  CoalitionCampaignsPage *campaigns_page;

  GCancellable         *transfer;   /* the import or export under way */
  GtkRevealer          *transfer_revealer;
  GtkLabel             *transfer_label;
  GtkProgressBar       *transfer_progress;
  GtkWidget            *transfer_cancel;
  guint                 transfer_pulse;
};

G_DEFINE_FINAL_TYPE (CoalitionWindow, coalition_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (CoalitionWindow *self)
{
  g_autofree char *basename = g_path_get_basename (self->path);
  g_autofree char *display_basename = g_filename_display_name (basename);
  g_autofree char *name = NULL;

  if (self->store != NULL)
    name = coalition_store_get_setting (self->store, "coalition-name");

  if (name != NULL && name[0] != '\0')
    {
      adw_view_switcher_title_set_title (self->switcher_title, name);
      adw_view_switcher_title_set_subtitle (self->switcher_title, display_basename);
      gtk_window_set_title (GTK_WINDOW (self), name);
    }
  else
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Coalition"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, display_basename);
      gtk_window_set_title (GTK_WINDOW (self), display_basename);
    }
}

/* How long the window's own connection waits for another program's lock
 * before it says the file is in use: it runs on the main thread, so any
 * wait is a frozen window. Imports and the example coalition write on
 * connections of their own, in threads, with the store's longer wait. */
#define WINDOW_BUSY_TIMEOUT_MS 1000

/* Opens (or opens again) the window's database; on failure the window
 * shows why and what to do, and keeps nothing half-open. */
static void
load_database (CoalitionWindow *self)
{
  g_autoptr(GError) error = NULL;
  CoalitionStore *store;

  if (self->store != NULL)
    {
      coalition_store_emit_changed (self->store);
      update_title (self);
      return;
    }

  store = coalition_store_open_full (self->path, WINDOW_BUSY_TIMEOUT_MS, &error);
  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->switcher_title), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-members", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-person", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-group", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-members", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-ics", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.monthly-update", FALSE);
      update_title (self);
      return;
    }

  self->store = store;
  g_signal_connect_object (store, "setting-changed::coalition-name",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);

  coalition_members_page_set_store (self->members_page, store);
  if (self->meetings_page != NULL)
    coalition_meetings_page_set_store (self->meetings_page, store);
  if (self->map_page != NULL)
    coalition_map_page_set_store (self->map_page, store);
  if (self->campaigns_page != NULL)
    coalition_campaigns_page_set_store (self->campaigns_page, store);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  gtk_widget_set_sensitive (GTK_WIDGET (self->switcher_title), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-members", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-person", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-group", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-members", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-ics", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.monthly-update", TRUE);
  update_title (self);
}

void
coalition_window_show_toast (CoalitionWindow *self,
                             AdwToast        *toast)
{
  g_return_if_fail (COALITION_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_delete_cb (AdwToast        *toast,
                CoalitionWindow *self)
{
  CoalitionStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  if (!coalition_store_undo (store, g_object_get_data (G_OBJECT (toast), "undo"), &error))
    coalition_window_add_toast (self, error->message);
}

gboolean
coalition_window_delete_undoably (GtkWidget               *inside,
                                  CoalitionStoreWriteFunc  delete,
                                  gint64                   id,
                                  const char              *name)
{
  GtkWidget *window = gtk_widget_get_ancestor (inside, COALITION_TYPE_WINDOW);
  CoalitionWindow *self = window != NULL ? COALITION_WINDOW (window) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;
  GBytes *undo;

  if (self == NULL || self->store == NULL)
    return FALSE;
  /* The record goes now, so nothing depends on the toast. */
  undo = coalition_store_write_undoable (self->store, delete, id, &error);
  if (undo == NULL)
    {
      coalition_window_add_toast (self, error->message);
      return FALSE;
    }
  message = g_strdup_printf (_("“%s” deleted"), name);
  toast = coalition_undo_toast_new (message);
  /* The store the delete was made in, even if another file is opened since. */
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
  g_object_set_data_full (G_OBJECT (toast), "undo", undo, (GDestroyNotify)g_bytes_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self, 0);
  coalition_window_show_toast (self, toast);
  return TRUE;
}

void
coalition_window_add_toast (CoalitionWindow *self,
                            const char      *message)
{
  AdwToast *toast;

  g_return_if_fail (COALITION_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void meetings_toast_cb    (CoalitionWindow *self,
                                  const char      *message);
static void campaign_show_map_cb (CoalitionWindow *self,
                                  gint64           map_id);

/* The Meetings, Power Map and Campaigns pages are built when first shown,
 * so that the window opens on the directory without building them. */
static CoalitionMeetingsPage *
ensure_meetings_page (CoalitionWindow *self)
{
  if (self->meetings_page == NULL)
    {
      self->meetings_page = g_object_new (COALITION_TYPE_MEETINGS_PAGE, NULL);
      g_signal_connect_object (self->meetings_page, "toast", G_CALLBACK (meetings_toast_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->meetings_bin, GTK_WIDGET (self->meetings_page));
      if (self->store != NULL)
        coalition_meetings_page_set_store (self->meetings_page, self->store);
    }
  return self->meetings_page;
}

static CoalitionMapPage *
ensure_map_page (CoalitionWindow *self)
{
  if (self->map_page == NULL)
    {
      self->map_page = g_object_new (COALITION_TYPE_MAP_PAGE, NULL);
      g_signal_connect_object (self->map_page, "toast", G_CALLBACK (meetings_toast_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->map_bin, GTK_WIDGET (self->map_page));
      if (self->store != NULL)
        coalition_map_page_set_store (self->map_page, self->store);
    }
  return self->map_page;
}

static CoalitionCampaignsPage *
ensure_campaigns_page (CoalitionWindow *self)
{
  if (self->campaigns_page == NULL)
    {
      self->campaigns_page = g_object_new (COALITION_TYPE_CAMPAIGNS_PAGE, NULL);
      g_signal_connect_object (self->campaigns_page, "toast", G_CALLBACK (meetings_toast_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->campaigns_page, "show-map", G_CALLBACK (campaign_show_map_cb), self,
                               G_CONNECT_SWAPPED);
      adw_bin_set_child (self->campaigns_bin, GTK_WIDGET (self->campaigns_page));
      if (self->store != NULL)
        coalition_campaigns_page_set_store (self->campaigns_page, self->store);
    }
  return self->campaigns_page;
}

/* Typing anywhere in the window searches the directory, while it shows. */
static void
visible_page_changed_cb (CoalitionWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  gboolean members = g_strcmp0 (name, "members") == 0;

  if (g_strcmp0 (name, "meetings") == 0)
    ensure_meetings_page (self);
  else if (g_strcmp0 (name, "map") == 0)
    ensure_map_page (self);
  else if (g_strcmp0 (name, "campaigns") == 0)
    ensure_campaigns_page (self);

  coalition_members_page_set_key_capture_widget (self->members_page, members ? GTK_WIDGET (self) : NULL);
}

/* ---------------------------------------------------------------------- */
/* Actions */

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CoalitionWindow *self = COALITION_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CoalitionWindow *self = COALITION_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "members");
  coalition_members_page_focus_search (self->members_page);
}

static void
meetings_toast_cb (CoalitionWindow *self,
                   const char      *message)
{
  coalition_window_add_toast (self, message);
}

/* A campaign's power map opens on the Power Map page. */
static void
campaign_show_map_cb (CoalitionWindow *self,
                      gint64           map_id)
{
  coalition_map_page_show_map (ensure_map_page (self), map_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "map");
}

static void
monthly_update_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CoalitionWindow *self = COALITION_WINDOW (widget);

  coalition_campaigns_page_monthly_update (ensure_campaigns_page (self));
}

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CoalitionWindow *self = COALITION_WINDOW (widget);

  /* + adds what the page shows: a meeting on Meetings, a map on Power Map,
   * a campaign on Campaigns, else a person. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "meetings") == 0)
    {
      coalition_meetings_page_new_meeting (ensure_meetings_page (self));
      return;
    }
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "map") == 0)
    {
      coalition_map_page_new_map (ensure_map_page (self));
      return;
    }
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "campaigns") == 0)
    {
      coalition_campaigns_page_new_campaign (ensure_campaigns_page (self));
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "members");
  coalition_members_page_new_person (self->members_page);
}

static void
new_group_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       CoalitionWindow  *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkDropDown *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  g_autoptr(CoalitionGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || self->store == NULL)
    return;

  group = coalition_group_new (gtk_editable_get_text (name), gtk_drop_down_get_selected (kind));
  if (!coalition_store_insert_group (self->store, group, &error))
    coalition_window_add_toast (self, error->message);
  else
    {
      g_autofree char *message = g_strdup_printf (_("“%s” added; people join it from their details"),
                                                  coalition_group_get_name (group));
      coalition_window_add_toast (self, message);
    }
}

static void
group_name_changed_cb (AdwMessageDialog *dialog)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (name)));

  adw_message_dialog_set_response_enabled (dialog, "add", text[0] != '\0');
}

static void
new_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CoalitionWindow *self = COALITION_WINDOW (widget);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *dialog, *box, *name, *kind_row, *kind;

  for (CoalitionGroupKind k = 0; k <= COALITION_GROUP_KIND_LAST; k++)
    gtk_string_list_append (kinds, coalition_group_kind_get_label (k));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("New Group"),
                                   _("The core group, a committee or a working group."));
  box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Name"));
  kind_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind_row), _("Kind"));
  kind = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), COALITION_GROUP_KIND_WORKING_GROUP);
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  coalition_accessible_label_drop_down (GTK_DROP_DOWN (kind), _("Kind"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (kind_row), kind);
  gtk_list_box_append (GTK_LIST_BOX (box), name);
  gtk_list_box_append (GTK_LIST_BOX (box), kind_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  g_signal_connect_swapped (name, "changed", G_CALLBACK (group_name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_group_response_cb), self, 0);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  load_database (COALITION_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
open_in_application (CoalitionWindow *self,
                     GFile           *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL)
    g_application_open (G_APPLICATION (app), &file, 1, "");
}

/* Every file chooser of the window ends here: @accepted runs with the
 * chooser when the person confirmed it. */
typedef void (*ChooserAccepted) (CoalitionWindow *self,
                                 GtkFileChooser  *chooser);

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(CoalitionWindow) self = user_data;
  ChooserAccepted accepted = g_object_get_data (G_OBJECT (dialog), "accepted");

  if (response == GTK_RESPONSE_ACCEPT)
    accepted (self, GTK_FILE_CHOOSER (dialog));

  g_object_unref (dialog);
}

static void
run_chooser (CoalitionWindow      *self,
             GtkFileChooserNative *chooser,
             ChooserAccepted       accepted)
{
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "accepted", accepted);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_accepted (CoalitionWindow *self,
               GtkFileChooser  *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  open_in_application (self, file);
}

static void
new_accepted (CoalitionWindow *self,
              GtkFileChooser  *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  /* Never replace a file: a coalition's records may be in it. */
  if (g_file_query_exists (file, NULL))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("“%s” already exists, so it was not replaced. "
                                                    "To open it, use Open Database."), name);
      coalition_window_add_toast (self, message);
    }
  else
    open_in_application (self, file);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("Coalition databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (chooser, databases);

  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (chooser));
  run_chooser (COALITION_WINDOW (widget), chooser, open_accepted);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "coalition.db");
  add_filters (GTK_FILE_CHOOSER (chooser));
  run_chooser (COALITION_WINDOW (widget), chooser, new_accepted);
}

/* ---------------------------------------------------------------------- */
/* Import and export, each in a thread on its own connection */

typedef struct
{
  char      *database;
  GPtrArray *paths;       /* files to import, or the one to export to */
  gboolean   export;
  int        format;      /* CoalitionExportFormat when exporting */
  GString   *report;      /* what happened, for the person */
  guint      n_records;
  GArray    *fields;      /* CoalitionImportField for each column of paths[0], or NULL */
  char      *earlier;     /* the report of files imported before a column mapping */
  guint      failed;      /* the file that stopped the import */
  gboolean   unknown_layout;
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_free (transfer->database);
  g_ptr_array_unref (transfer->paths);
  g_clear_pointer (&transfer->fields, g_array_unref);
  g_free (transfer->earlier);
  if (transfer->report != NULL)
    g_string_free (transfer->report, TRUE);
  g_free (transfer);
}

static void
append_summary (GString                      *report,
                const char                   *path,
                const CoalitionImportSummary *summary)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (report->len > 0)
    g_string_append (report, "\n\n");
  /* Translators: “members.csv (Google Contacts): 4 people added, 1 merged, 0 unchanged” */
  g_string_append_printf (report, _("%s (%s): people %'u added, %'u merged, %'u unchanged; organizations %'u added."),
                          name, summary->layout, summary->people_added, summary->people_merged,
                          summary->people_unchanged, summary->organizations_added);
  for (guint i = 0; i < summary->skipped->len && i < 10; i++)
    {
      const CoalitionImportSkip *skip = g_ptr_array_index (summary->skipped, i);
      g_string_append_printf (report, "\n");
      g_string_append_printf (report, _("Line %u: %s"), skip->line, skip->reason);
    }
  if (summary->skipped->len > 10)
    {
      g_string_append_c (report, '\n');
      g_string_append_printf (report, g_dngettext (GETTEXT_PACKAGE, "…and %u more line left out.",
                                                   "…and %u more lines left out.", summary->skipped->len - 10),
                              summary->skipped->len - 10);
    }
}

static void
transfer_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Transfer *transfer = task_data;
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = coalition_store_open (transfer->database, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  transfer->report = g_string_new (transfer->earlier);

  if (transfer->export)
    {
      if (!coalition_export_members (store, transfer->format, transfer->paths->pdata[0], &transfer->n_records, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_boolean (task, TRUE);
      return;
    }

  for (guint i = 0; i < transfer->paths->len; i++)
    {
      const char *path = transfer->paths->pdata[i];
      gboolean mapped = i == 0 && transfer->fields != NULL;
      g_autoptr(CoalitionImportSummary) summary =
        mapped ? coalition_import_file_mapped (store, path, (CoalitionImportField *)transfer->fields->data,
                                               transfer->fields->len, FALSE, cancellable, &error)
               : coalition_import_file (store, path, FALSE, cancellable, &error);

      if (summary == NULL)
        {
          g_autofree char *name = g_filename_display_basename (path);

          /* A sheet of unknown columns is asked about, not refused. */
          transfer->failed = i;
          if (!mapped && g_error_matches (error, COALITION_IMPORT_ERROR, COALITION_IMPORT_ERROR_UNKNOWN_LAYOUT))
            {
              transfer->unknown_layout = TRUE;
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }

          /* Files before this one are in; this one is not, not even in part. */
          g_prefix_error (&error, _("Nothing from “%s” was imported. "), name);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      append_summary (transfer->report, path, summary);
    }

  g_task_return_boolean (task, TRUE);
}

static void
show_message (CoalitionWindow *self,
              const char      *heading,
              const char      *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void start_transfer (CoalitionWindow *self,
                            Transfer        *transfer,
                            const char      *message);

static void
columns_chosen_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   CoalitionWindow  *self)
{
  GPtrArray *menus = g_object_get_data (G_OBJECT (dialog), "menus");
  GPtrArray *paths = g_object_get_data (G_OBJECT (dialog), "paths");
  const char *earlier = g_object_get_data (G_OBJECT (dialog), "earlier");
  Transfer *transfer;

  if (!g_str_equal (response, "import"))
    return;

  transfer = g_new0 (Transfer, 1);
  transfer->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (transfer->paths, g_strdup (paths->pdata[i]));
  transfer->fields = g_array_new (FALSE, FALSE, sizeof (CoalitionImportField));
  for (guint i = 0; i < menus->len; i++)
    {
      CoalitionImportField field = gtk_drop_down_get_selected (menus->pdata[i]);

      g_array_append_val (transfer->fields, field);
    }
  transfer->earlier = g_strdup (earlier);
  start_transfer (self, transfer, _("Importing members…"));
}

/* Import is offered once some column holds names or e-mail addresses. */
static void
column_choice_changed_cb (AdwMessageDialog *dialog)
{
  GPtrArray *menus = g_object_get_data (G_OBJECT (dialog), "menus");
  gboolean readable = FALSE;

  for (guint i = 0; i < menus->len; i++)
    {
      CoalitionImportField field = gtk_drop_down_get_selected (menus->pdata[i]);

      if (field == COALITION_IMPORT_FIELD_GIVEN_NAME || field == COALITION_IMPORT_FIELD_FAMILY_NAME ||
          field == COALITION_IMPORT_FIELD_FULL_NAME || field == COALITION_IMPORT_FIELD_EMAIL)
        readable = TRUE;
    }
  adw_message_dialog_set_response_enabled (dialog, "import", readable);
}

/* Asks what each column of a sheet holds, showing its first rows, and
 * imports it (and the files after it) with those choices. */
static void
ask_for_columns (CoalitionWindow *self,
                 Transfer        *transfer)
{
  const char *path = transfer->paths->pdata[transfer->failed];
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *body = NULL;
  g_autoptr(CoalitionImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GPtrArray *menus, *paths;
  GtkWidget *dialog, *grid, *scrolled;

  preview = coalition_import_preview_file (path, 3, &error);
  if (preview == NULL)
    {
      show_message (self, _("Could Not Import"), error->message);
      return;
    }

  body = g_strdup_printf (_("The columns of “%s” were not recognised. Choose what each one holds; "
                            "its first rows are shown beside it. Columns left out are not imported."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Which Column Is Which?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  for (CoalitionImportField field = 0; field <= COALITION_IMPORT_FIELD_LAST; field++)
    gtk_string_list_append (choices, coalition_import_field_get_label (field));

  /* One row per column: its name, its first values, and the choice. */
  grid = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (grid), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (grid, "boxed-list");
  menus = g_ptr_array_new ();
  for (guint c = 0; c < preview->n_columns; c++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *menu = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);
      g_autoptr(GString) sample = g_string_new (NULL);

      for (guint r = 0; r < preview->rows->len; r++)
        {
          GStrv values = preview->rows->pdata[r];
          const char *value = c < g_strv_length (values) ? values[c] : "";

          if (*value == '\0')
            continue;
          if (sample->len > 0)
            g_string_append (sample, " · ");
          g_string_append (sample, value);
        }
      g_strdelimit (sample->str, "\r\n", ' ');

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), preview->header[c]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (menu), preview->guess[c]);
      gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
      coalition_accessible_label_drop_down (GTK_DROP_DOWN (menu), preview->header[c]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), menu);
      gtk_list_box_append (GTK_LIST_BOX (grid), row);
      g_ptr_array_add (menus, menu);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = transfer->failed; i < transfer->paths->len; i++)
    g_ptr_array_add (paths, g_strdup (transfer->paths->pdata[i]));
  g_object_set_data_full (G_OBJECT (dialog), "menus", menus, (GDestroyNotify)g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "paths", paths, (GDestroyNotify)g_ptr_array_unref);
  if (transfer->report != NULL && transfer->report->len > 0)
    g_object_set_data_full (G_OBJECT (dialog), "earlier", g_strdup (transfer->report->str), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (columns_chosen_cb), self, 0);
  for (guint i = 0; i < menus->len; i++)
    g_signal_connect_object (menus->pdata[i], "notify::selected", G_CALLBACK (column_choice_changed_cb), dialog,
                             G_CONNECT_SWAPPED);
  column_choice_changed_cb (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
transfer_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  CoalitionWindow *self = COALITION_WINDOW (object);
  Transfer *transfer = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  gtk_revealer_set_reveal_child (self->transfer_revealer, FALSE);
  g_clear_handle_id (&self->transfer_pulse, g_source_remove);
  g_clear_object (&self->transfer);

  /* Whatever happened, other connections may have written: read again. */
  if (self->store != NULL && !transfer->export)
    coalition_store_emit_changed (self->store);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (transfer->unknown_layout)
        ask_for_columns (self, transfer);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        coalition_window_add_toast (self, _("Import cancelled; nothing from that file was imported"));
      else
        show_message (self, transfer->export ? _("Could Not Export") : _("Could Not Import"), error->message);
      return;
    }

  if (transfer->export)
    {
      g_autofree char *name = g_filename_display_basename (transfer->paths->pdata[0]);
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %'u record to “%s”",
                                                               "Exported %'u records to “%s”", transfer->n_records),
                                                  transfer->n_records, name);
      coalition_window_add_toast (self, message);
    }
  else
    show_message (self, _("Members Imported"), transfer->report->str);
}

static gboolean
pulse_transfer_cb (gpointer data)
{
  CoalitionWindow *self = data;

  gtk_progress_bar_pulse (self->transfer_progress);
  return G_SOURCE_CONTINUE;
}

static void
cancel_transfer_cb (CoalitionWindow *self)
{
  if (self->transfer != NULL)
    g_cancellable_cancel (self->transfer);
}

static void
start_transfer (CoalitionWindow *self,
                Transfer        *transfer,
                const char      *message)
{
  g_autoptr(GTask) task = NULL;

  if (self->store == NULL || self->transfer != NULL)
    {
      transfer_free (transfer);
      return;
    }

  transfer->database = g_strdup (self->path);
  self->transfer = g_cancellable_new ();
  /* A bar under the header: what is happening, that it is moving, and a
   * way to stop an import (an export is too quick to need one). */
  gtk_label_set_label (self->transfer_label, message);
  gtk_widget_set_visible (self->transfer_cancel, !transfer->export);
  gtk_progress_bar_set_fraction (self->transfer_progress, 0);
  gtk_revealer_set_reveal_child (self->transfer_revealer, TRUE);
  g_clear_handle_id (&self->transfer_pulse, g_source_remove);
  self->transfer_pulse = g_timeout_add (120, pulse_transfer_cb, self);

  task = g_task_new (self, self->transfer, transfer_done_cb, NULL);
  g_task_set_source_tag (task, start_transfer);
  g_task_set_task_data (task, transfer, (GDestroyNotify)transfer_free);
  g_task_run_in_thread (task, transfer_thread);
}

void
coalition_window_import_files (CoalitionWindow *self,
                               GFile          **files,
                               guint            n_files)
{
  Transfer *transfer = g_new0 (Transfer, 1);

  g_return_if_fail (COALITION_IS_WINDOW (self));

  transfer->paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);
      if (path != NULL)
        g_ptr_array_add (transfer->paths, path);
    }

  start_transfer (self, transfer, _("Importing members…"));
}

void
coalition_window_export_file (CoalitionWindow *self,
                              GFile           *file)
{
  Transfer *transfer = g_new0 (Transfer, 1);
  g_autofree char *path = g_file_get_path (file);

  g_return_if_fail (COALITION_IS_WINDOW (self));

  transfer->export = TRUE;
  transfer->paths = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (transfer->paths, g_strdup (path));
  /* The name says the format: a .vcf file gets vCard 4.0, anything else CSV. */
  transfer->format = path != NULL && (g_str_has_suffix (path, ".vcf") || g_str_has_suffix (path, ".vcard"))
                     ? COALITION_EXPORT_VCARD_4 : COALITION_EXPORT_CSV;

  start_transfer (self, transfer, _("Exporting members…"));
}

static void
import_accepted (CoalitionWindow *self,
                 GtkFileChooser  *chooser)
{
  g_autoptr(GListModel) files = gtk_file_chooser_get_files (chooser);
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  coalition_window_import_files (self, (GFile **)array->pdata, array->len);
}

static void
export_accepted (CoalitionWindow *self,
                 GtkFileChooser  *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  coalition_window_export_file (self, file);
}

static void
import_members_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) lists = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Members"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (lists, _("Member lists (CSV, vCard)"));
  gtk_file_filter_add_pattern (lists, "*.csv");
  gtk_file_filter_add_pattern (lists, "*.CSV");
  gtk_file_filter_add_pattern (lists, "*.vcf");
  gtk_file_filter_add_pattern (lists, "*.vcard");
  gtk_file_filter_add_mime_type (lists, "text/csv");
  gtk_file_filter_add_mime_type (lists, "text/vcard");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), lists);
  run_chooser (COALITION_WINDOW (widget), chooser, import_accepted);
}

static void
export_members_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Members"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name; .vcf instead gives vCard */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("members.csv"));
  run_chooser (COALITION_WINDOW (widget), chooser, export_accepted);
}

/* ---------------------------------------------------------------------- */
/* Meetings to calendars */

gboolean
coalition_window_export_ics (CoalitionWindow *self,
                             gint64           meeting_id,
                             GFile           *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  guint n_events = 0;

  g_return_val_if_fail (COALITION_IS_WINDOW (self), FALSE);

  if (self->store == NULL || path == NULL)
    return FALSE;

  if (!coalition_ics_write_file (self->store, meeting_id > 0 ? COALITION_ICS_MEETING : COALITION_ICS_UPCOMING,
                                 meeting_id, path, &n_events, &error))
    {
      show_message (self, _("Could Not Add to Calendar"), error->message);
      return FALSE;
    }

  /* Translators: after writing an .ics file; the name is the file's */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Saved %u event in “%s”: open it with your calendar",
                                          "Saved %u events in “%s”: open it with your calendar", n_events),
                             n_events, name);
  coalition_window_add_toast (self, message);
  return TRUE;
}

static void
ics_accepted (CoalitionWindow *self,
              GtkFileChooser  *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  gint64 *meeting_id = g_object_get_data (G_OBJECT (chooser), "meeting-id");

  coalition_window_export_ics (self, meeting_id ? *meeting_id : 0, file);
}

/* A file name for a meeting's document: "General Meeting 2026-12-08
 * agenda.pdf", with no character a file system refuses. */
static char *
meeting_file_name (CoalitionWindow *self,
                   gint64           meeting_id,
                   const char      *what,
                   const char      *extension)
{
  g_autoptr(CoalitionMeeting) meeting = coalition_store_get_meeting (self->store, meeting_id, NULL);
  g_autofree char *day = meeting ? g_date_time_format (coalition_meeting_get_start (meeting), "%Y-%m-%d") : NULL;
  char *name;

  if (meeting == NULL)
    name = g_strdup_printf ("%s.%s", what ? what : _("meeting"), extension);
  else if (what == NULL)
    name = g_strdup_printf ("%s %s.%s", coalition_meeting_get_title (meeting), day, extension);
  else
    name = g_strdup_printf ("%s %s %s.%s", coalition_meeting_get_title (meeting), day, what, extension);
  return g_strdelimit (name, "/\\:", '-');
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CoalitionWindow *self = COALITION_WINDOW (widget);
  gint64 meeting_id = g_variant_get_int64 (parameter);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  if (meeting_id > 0)
    suggested = meeting_file_name (self, meeting_id, NULL, "ics");
  else
    /* Translators: the suggested file name for every upcoming meeting */
    suggested = g_strdup (_("upcoming meetings.ics"));

  chooser = gtk_file_chooser_native_new (_("Add to Calendar"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_file_filter_set_name (filter, _("Calendar files (iCalendar)"));
  gtk_file_filter_add_pattern (filter, "*.ics");
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data_full (G_OBJECT (chooser), "meeting-id", g_memdup2 (&meeting_id, sizeof meeting_id), g_free);
  run_chooser (self, chooser, ics_accepted);
}

/* ---------------------------------------------------------------------- */
/* Printing */

typedef struct
{
  CoalitionWindow   *window;
  CoalitionDocument *document;
  gint64             meeting_id;
  int                kind;
} Printing;

static void
printing_free (Printing *printing)
{
  g_clear_pointer (&printing->document, coalition_document_free);
  g_free (printing);
}

static char *
page_setup_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "coalition", "page-setup.ini", NULL);
}

/* The paper and orientation chosen last time, else the locale's. */
static GtkPageSetup *
load_page_setup (void)
{
  g_autofree char *path = page_setup_path ();
  GtkPageSetup *setup = gtk_page_setup_new_from_file (path, NULL);

  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (gtk_paper_size_get_default ());

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, paper);
    }
  return setup;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Printing          *printing)
{
  g_autoptr(GError) error = NULL;

  /* The document is laid out for the paper chosen, in points. */
  g_clear_pointer (&printing->document, coalition_document_free);
  printing->document = coalition_document_new (printing->window->store, printing->kind, printing->meeting_id,
                                               gtk_print_context_get_width (context),
                                               gtk_print_context_get_height (context), &error);
  if (printing->document == NULL)
    {
      gtk_print_operation_cancel (operation);
      coalition_window_add_toast (printing->window, error->message);
      return;
    }
  gtk_print_operation_set_n_pages (operation, coalition_document_get_n_pages (printing->document));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Printing          *printing)
{
  if (printing->document != NULL)
    coalition_document_draw_page (printing->document, gtk_print_context_get_cairo_context (context), page);
}

gboolean
coalition_window_print_meeting (CoalitionWindow *self,
                                gint64           meeting_id,
                                int              kind,
                                const char      *export_pdf)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = load_page_setup ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  Printing *printing;

  g_return_val_if_fail (COALITION_IS_WINDOW (self), FALSE);
  if (self->store == NULL)
    return FALSE;

  printing = g_new0 (Printing, 1);
  printing->window = self;
  printing->meeting_id = meeting_id;
  printing->kind = kind;
  g_object_set_data_full (G_OBJECT (operation), "printing", printing, (GDestroyNotify)printing_free);

  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, kind == COALITION_DOCUMENT_SIGN_IN ? _("Sign-in Sheet")
                                               : kind == COALITION_DOCUMENT_MINUTES ? _("Minutes") : _("Agenda"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), printing);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), printing);

  if (export_pdf != NULL)
    gtk_print_operation_set_export_filename (operation, export_pdf);
  result = gtk_print_operation_run (operation,
                                    export_pdf ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                               : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_WINDOW (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      show_message (self, _("Could Not Print"), error->message);
      return FALSE;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      /* Remembered for next time: the paper and the orientation. */
      g_autofree char *path = page_setup_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      GtkPageSetup *used = gtk_print_operation_get_default_page_setup (operation);
      GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

      g_mkdir_with_parents (dir, 0700);
      if (settings != NULL)
        {
          g_autoptr(GtkPageSetup) chosen = gtk_page_setup_copy (used);
          GtkPaperSize *paper = gtk_print_settings_get_paper_size (settings);

          if (paper != NULL)
            gtk_page_setup_set_paper_size (chosen, paper);
          gtk_page_setup_set_orientation (chosen, gtk_print_settings_get_orientation (settings));
          gtk_page_setup_to_file (chosen, path, NULL);
          if (paper != NULL)
            gtk_paper_size_free (paper);
        }
      else
        gtk_page_setup_to_file (used, path, NULL);
    }
  return result != GTK_PRINT_OPERATION_RESULT_CANCEL;
}

static void
pdf_accepted (CoalitionWindow *self,
              GtkFileChooser  *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  gint64 meeting_id = *(gint64 *)g_object_get_data (G_OBJECT (chooser), "meeting-id");
  int kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));
  g_autoptr(GtkPageSetup) setup = load_page_setup ();
  g_autoptr(CoalitionDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = coalition_document_new (self->store, kind, meeting_id,
                                     gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                                     gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), &error);
  if (document == NULL || !coalition_document_write_pdf (document, path, &error))
    show_message (self, _("Could Not Export"), error->message);
  else
    {
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
      coalition_window_add_toast (self, message);
    }
}

static void
print_choice_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 CoalitionWindow  *self)
{
  GtkDropDown *which = g_object_get_data (G_OBJECT (dialog), "which");
  gint64 meeting_id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "meeting-id");
  int kind = gtk_drop_down_get_selected (which);

  if (g_str_equal (response, "print"))
    coalition_window_print_meeting (self, meeting_id, kind, NULL);
  else if (g_str_equal (response, "pdf"))
    {
      /* Translators: these end a suggested file name, "General Meeting 2026-12-08 agenda.pdf" */
      const char *names[] = { N_("agenda"), N_("sign-in sheet"), N_("minutes") };
      g_autofree char *suggested = meeting_file_name (self, meeting_id, _(names[CLAMP (kind, 0, 2)]), "pdf");
      GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Export as PDF"), GTK_WINDOW (self),
                                                                   GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                                   _("_Cancel"));

      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_pattern (filter, "*.pdf");
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_set_data_full (G_OBJECT (chooser), "meeting-id", g_memdup2 (&meeting_id, sizeof meeting_id), g_free);
      g_object_set_data (G_OBJECT (chooser), "kind", GINT_TO_POINTER (kind));
      run_chooser (self, chooser, pdf_accepted);
    }
}

/* Print… asks which document: the agenda for the room, the sign-in sheet
 * for the door, or the minutes for the file. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CoalitionWindow *self = COALITION_WINDOW (widget);
  gint64 meeting_id = self->meetings_page != NULL ? coalition_meetings_page_get_meeting_id (self->meetings_page) : 0;
  g_autoptr(GtkStringList) documents = gtk_string_list_new ((const char * const[]) {
    _("Agenda"), _("Sign-in Sheet"), _("Minutes"), NULL });
  GtkWidget *dialog, *which;

  if (meeting_id <= 0)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "meetings");
      coalition_window_add_toast (self, _("Choose a meeting to print its agenda, sign-in sheet or minutes"));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Print"), _("Which document of this meeting?"));
  which = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&documents)), NULL);
  coalition_accessible_label_drop_down (GTK_DROP_DOWN (which), _("Document"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), which);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "pdf", _("_Export as PDF…"),
                                    "print", _("_Print…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "which", which);
  g_object_set_data_full (G_OBJECT (dialog), "meeting-id", g_memdup2 (&meeting_id, sizeof meeting_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (print_choice_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---------------------------------------------------------------------- */
/* GObject */

static gboolean
coalition_window_close_request (GtkWindow *window)
{
  CoalitionWindow *self = COALITION_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (coalition_window_parent_class)->close_request (window);
}

static void
coalition_window_constructed (GObject *object)
{
  CoalitionWindow *self = COALITION_WINDOW (object);

  G_OBJECT_CLASS (coalition_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  load_database (self);
}

static void
coalition_window_dispose (GObject *object)
{
  CoalitionWindow *self = COALITION_WINDOW (object);

  if (self->transfer != NULL)
    g_cancellable_cancel (self->transfer);
  if (self->members_page != NULL)
    coalition_members_page_set_key_capture_widget (self->members_page, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), COALITION_TYPE_WINDOW);
  self->meetings_page = NULL;
  self->map_page = NULL;
  self->campaigns_page = NULL;

  G_OBJECT_CLASS (coalition_window_parent_class)->dispose (object);
}

static void
coalition_window_finalize (GObject *object)
{
  CoalitionWindow *self = COALITION_WINDOW (object);

  g_clear_handle_id (&self->transfer_pulse, g_source_remove);
  g_clear_object (&self->transfer);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (coalition_window_parent_class)->finalize (object);
}

static void
coalition_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CoalitionWindow *self = COALITION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coalition_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CoalitionWindow *self = COALITION_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coalition_window_class_init (CoalitionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = coalition_window_constructed;
  object_class->dispose = coalition_window_dispose;
  object_class->finalize = coalition_window_finalize;
  object_class->get_property = coalition_window_get_property;
  object_class->set_property = coalition_window_set_property;
  window_class->close_request = coalition_window_close_request;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (COALITION_TYPE_MEMBERS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/coalition-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, transfer_revealer);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, transfer_label);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, transfer_progress);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, transfer_cancel);
  gtk_widget_class_bind_template_callback (widget_class, cancel_transfer_cb);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, members_page);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, meetings_bin);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, map_bin);
  gtk_widget_class_bind_template_child (widget_class, CoalitionWindow, campaigns_bin);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "win.new-group", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.import-members", NULL, import_members_action);
  gtk_widget_class_install_action (widget_class, "win.export-members", NULL, export_members_action);
  gtk_widget_class_install_action (widget_class, "win.export-ics", "x", export_ics_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.monthly-update", NULL, monthly_update_action);

  /* Shortcuts that work without an application too (tests, embedding);
   * the application registers the same accelerators for its menus. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "members");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "meetings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "campaigns");
}

static void
coalition_window_init (CoalitionWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  visible_page_changed_cb (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

CoalitionWindow *
coalition_window_new (GtkApplication *application,
                      const char     *path)
{
  CoalitionWindow *self;
  GtkShortcutsWindow *overlay;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (COALITION_TYPE_WINDOW,
                       "application", application,
                       "path", path,
                       NULL);
  /* The application gives its window the shortcuts window when it adds it. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  if (overlay != NULL)
    coalition_accessible_label_shortcuts_window (overlay);
  return self;
}

const char *
coalition_window_get_path (CoalitionWindow *self)
{
  g_return_val_if_fail (COALITION_IS_WINDOW (self), NULL);
  return self->path;
}

CoalitionStore *
coalition_window_get_store (CoalitionWindow *self)
{
  g_return_val_if_fail (COALITION_IS_WINDOW (self), NULL);
  return self->store;
}
