/* test-window.c — the real window under Xvfb: pages, search, states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "coalition-campaigns.h"
#include "coalition-core.h"
#include "coalition-print.h"
#include "coalition-campaigns-page.h"
#include "coalition-group-pane.h"
#include "coalition-map-page.h"
#include "coalition-meetings-page.h"
#include "coalition-members-page.h"
#include "coalition-organization-pane.h"
#include "coalition-person-pane.h"
#include "coalition-preferences-window.h"
#include "coalition-window.h"

static gboolean have_display;

/* ---------------------------------------------------------------------- */
/* Helpers */

typedef gboolean (*Condition) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; fails after thirty seconds, a
 * guard against a hang that leaves room for a sanitized build on a loaded
 * machine (the map canvas draws its sharp picture in a thread). */
static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("timed out waiting for %s", what);
  g_source_remove (id);
}

/* Lets pending redraws, idles and timeouts of @ms run. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (label == NULL)
        return root;
      if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
        return root;
      if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), label) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static char *
make_database (const char *name,
               guint       n_people)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(CoalitionStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  if (n_people > 0)
    {
      g_assert_true (coalition_demo_fill (store, n_people, 1, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  return g_steal_pointer (&path);
}

typedef struct
{
  CoalitionWindow      *window;
  CoalitionMembersPage *page;
} Shown;

/* Once the first page is drawn, the list takes in everyone and the
 * person pane is built. */
static gboolean
page_settled (gpointer page)
{
  CoalitionPeopleModel *model = coalition_members_page_get_model (page);

  return (model == NULL || coalition_people_model_is_complete (model)) &&
         find_widget (page, COALITION_TYPE_PERSON_PANE, NULL) != NULL;
}

static void
show_window (Shown      *shown,
             const char *path)
{
  shown->window = g_object_ref (coalition_window_new (NULL, path));
  gtk_window_present (GTK_WINDOW (shown->window));
  wait_until (is_mapped, shown->window, "the window to be shown");
  shown->page = COALITION_MEMBERS_PAGE (find_widget (GTK_WIDGET (shown->window), COALITION_TYPE_MEMBERS_PAGE, NULL));
  g_assert_nonnull (shown->page);
  if (coalition_window_get_store (shown->window) != NULL)
    wait_until (page_settled, shown->page, "the whole directory in the list");
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/* Closing the window frees it and everything it made. */
static void
close_window (Shown *shown)
{
  gpointer window = shown->window;
  gpointer store = coalition_window_get_store (shown->window);
  gpointer model = coalition_members_page_get_model (shown->page);

  /* Freed once GTK has let go of them, which a busy machine may delay past
   * the next frame; what is never freed fails after ten seconds. */
  g_object_add_weak_pointer (G_OBJECT (window), &window);
  if (store != NULL)
    g_object_add_weak_pointer (G_OBJECT (store), &store);
  if (model != NULL)
    g_object_add_weak_pointer (G_OBJECT (model), &model);
  gtk_window_destroy (GTK_WINDOW (shown->window));
  g_object_unref (shown->window);
  shown->window = NULL;
  wait_until (pointer_cleared, &window, "the window to be freed");
  wait_until (pointer_cleared, &model, "the people model to be freed");
  wait_until (pointer_cleared, &store, "the store to be freed");
}

typedef struct
{
  CoalitionMembersPage *page;
  const char           *state;
} StateWait;

static gboolean
state_is (gpointer data)
{
  StateWait *wait = data;
  return g_strcmp0 (coalition_members_page_get_state (wait->page), wait->state) == 0;
}

static void
wait_for_state (CoalitionMembersPage *page,
                const char           *state)
{
  StateWait wait = { page, state };
  g_autofree char *what = g_strdup_printf ("the members page to show “%s”", state);

  wait_until (state_is, &wait, what);
}

typedef struct
{
  CoalitionPeopleModel *model;
  const char           *query;
} QueryWait;

static gboolean
query_is (gpointer data)
{
  QueryWait *wait = data;
  return g_strcmp0 (coalition_people_model_get_query (wait->model), wait->query) == 0;
}

/* The first widget under @root, @root included, for which @test says yes. */
static GtkWidget *
find_first (GtkWidget  *root,
            gboolean  (*test) (GtkWidget *widget, const char *text),
            const char *text)
{
  if (test (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, test, text);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_tooltip (GtkWidget  *widget,
             const char *tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
has_name (GtkWidget  *widget,
          const char *name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_with_tooltip (GtkWidget  *root,
                   const char *tooltip)
{
  return find_first (root, has_tooltip, tooltip);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  return find_first (root, has_name, name);
}

/* The page's own search entry, not one inside a drop-down's popover. */
static GtkWidget *
find_page_search (GtkWidget *root)
{
  if (GTK_IS_SEARCH_ENTRY (root) && gtk_widget_get_ancestor (root, GTK_TYPE_POPOVER) == NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_page_search (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Types into the search entry as a person would, and waits for the model. */
static void
type_search (Shown      *shown,
             const char *text)
{
  GtkWidget *entry = find_page_search (GTK_WIDGET (shown->page));
  QueryWait wait = { coalition_members_page_get_model (shown->page), text[0] ? text : NULL };

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  wait_until (query_is, &wait, "the search to reach the model");
  spin (50);
}

/* ---------------------------------------------------------------------- */

/* Does what pressing @keyval with @mods does through the shortcuts of
 * @widget itself (its class's key bindings). */
static gboolean
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) trigger = gtk_keyval_trigger_new (keyval, mods);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static gboolean
switcher_bar_revealed (gpointer bar)
{
  return adw_view_switcher_bar_get_reveal (bar);
}

static void
test_window_members (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CoalitionPerson) first = NULL;
  Shown shown = { 0 };
  GListModel *model;
  GtkWidget *column_view, *first_label, *stack, *switcher_bar;
  guint n_lukasz;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("members.db", 300);
  show_window (&shown, path);
  model = G_LIST_MODEL (coalition_members_page_get_model (shown.page));

  /* Every person is in the list, in directory order. */
  g_assert_cmpstr (coalition_members_page_get_state (shown.page), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);
  g_assert_cmpuint (coalition_store_count_people (coalition_window_get_store (shown.window)), ==, 300);
  g_assert_nonnull (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_LABEL, "300 people"));

  /* The first row on screen shows the first person's name. */
  column_view = find_widget (GTK_WIDGET (shown.page), GTK_TYPE_COLUMN_VIEW, NULL);
  g_assert_nonnull (column_view);
  first = g_list_model_get_item (model, 0);
  spin (100);
  first_label = find_widget (column_view, GTK_TYPE_LABEL, coalition_person_get_display_name (first));
  g_assert_nonnull (first_label);
  g_assert_true (gtk_widget_get_mapped (first_label));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (shown.window)), ==, "Riverside Housing Justice Coalition");

  /* Pages switch through their action, as Alt+3 and the switcher do. */
  stack = find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_STACK, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.show-page", "s", "meetings"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "meetings");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.show-page", "s", "map"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "map");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.search", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "members");

  /* Alt+1…4 through the window's own shortcuts; each page is whole when
   * it first shows, built on demand as it is. */
  {
    const struct { guint key; const char *page; GType type; } keys[] = {
      { GDK_KEY_4, "campaigns", COALITION_TYPE_CAMPAIGNS_PAGE },
      { GDK_KEY_3, "meetings", COALITION_TYPE_MEETINGS_PAGE },
      { GDK_KEY_2, "map", COALITION_TYPE_MAP_PAGE },
      { GDK_KEY_1, "members", COALITION_TYPE_MEMBERS_PAGE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        GtkWidget *page;

        g_assert_true (press_shortcut (GTK_WIDGET (shown.window), keys[i].key, GDK_ALT_MASK));
        g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, keys[i].page);
        page = find_widget (GTK_WIDGET (shown.window), keys[i].type, NULL);
        g_assert_nonnull (page);
        wait_until (is_mapped, page, "the page to show");
      }
  }

  /* A partial name typed without its accent finds Łukasz and nobody else. */
  type_search (&shown, "lukas");
  n_lukasz = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_lukasz, >, 0);
  g_assert_cmpuint (n_lukasz, <, 300);
  for (guint i = 0; i < n_lukasz; i++)
    {
      g_autoptr(CoalitionPerson) person = g_list_model_get_item (model, i);
      g_assert_nonnull (strstr (coalition_person_get_display_name (person), "Łukasz"));
    }
  g_assert_cmpstr (coalition_members_page_get_state (shown.page), ==, "list");

  /* Nobody matches nonsense: the page says so. */
  type_search (&shown, "qqxqq");
  wait_for_state (shown.page, "no-results");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* Clearing the search brings everyone back. */
  type_search (&shown, "");
  wait_for_state (shown.page, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);

  /* The status menu shows only the decision makers. */
  {
    GtkWidget *dropdown = find_with_tooltip (GTK_WIDGET (shown.page), "Show only people with this status");
    guint n_targets;

    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), COALITION_STATUS_TARGET + 1);
    n_targets = g_list_model_get_n_items (model);
    g_assert_cmpuint (n_targets, >, 0);
    g_assert_cmpuint (n_targets, <, 300);
    for (guint i = 0; i < n_targets; i++)
      {
        g_autoptr(CoalitionPerson) person = g_list_model_get_item (model, i);
        g_assert_cmpint (coalition_person_get_status (person), ==, COALITION_STATUS_TARGET);
      }
    {
      g_autofree char *count = g_strdup_printf ("%u of 300 people", n_targets);
      g_assert_nonnull (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_LABEL, count));
    }
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 300);
  }

  /* A narrow window moves the page switcher to the bottom. */
  switcher_bar = find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_SWITCHER_BAR, NULL);
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (switcher_bar)));
  gtk_window_set_default_size (GTK_WINDOW (shown.window), 360, 600);
  wait_until (switcher_bar_revealed, switcher_bar, "the page switcher at the bottom");

  close_window (&shown);
}

/* A directory longer than the list's first page: once the window has
 * settled the list holds everyone, in directory order, and the count,
 * selection, scrolling, search and sorting work on all of them. */
static void
test_window_large_directory (void)
{
  const guint n_people = 1500;
  g_autofree char *path = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CoalitionPerson) last = NULL;
  Shown shown = { 0 };
  CoalitionPeopleModel *people;
  GListModel *model, *selection;
  GtkWidget *column_view, *list_view, *pane;
  CoalitionStore *store;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("large.db", n_people);
  show_window (&shown, path);
  store = coalition_window_get_store (shown.window);
  people = coalition_members_page_get_model (shown.page);
  model = G_LIST_MODEL (people);

  /* Everyone, in the store's directory order. */
  g_assert_true (coalition_people_model_is_complete (people));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_people);
  ids = coalition_store_find_people_sorted (store, NULL, -1, COALITION_SORT_NAME, NULL);
  g_assert_cmpuint (ids->len, ==, n_people);
  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(CoalitionPerson) person = g_list_model_get_item (model, i);
      g_assert_cmpint (coalition_person_get_id (person), ==, g_array_index (ids, gint64, i));
    }
  count = g_strdup_printf ("%'u people", n_people);
  g_assert_nonnull (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_LABEL, count));

  /* The view has every row: the last one can be chosen and scrolled to,
   * as the keyboard and a click do, and shows in the details. */
  column_view = find_widget (GTK_WIDGET (shown.page), GTK_TYPE_COLUMN_VIEW, NULL);
  selection = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  g_assert_cmpuint (g_list_model_get_n_items (selection), ==, n_people);
  list_view = find_widget (column_view, GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list_view);
  last = g_list_model_get_item (model, n_people - 1);
  g_assert_true (gtk_widget_activate_action (list_view, "list.select-item", "(ubb)", n_people - 1, FALSE, FALSE));
  g_assert_true (gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", n_people - 1));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, n_people - 1);
  pane = find_widget (GTK_WIDGET (shown.page), COALITION_TYPE_PERSON_PANE, NULL);
  g_assert_cmpint (coalition_person_get_id (coalition_person_pane_get_person (COALITION_PERSON_PANE (pane))), ==,
                   coalition_person_get_id (last));
  spin (200);
  {
    GtkWidget *label = find_widget (column_view, GTK_TYPE_LABEL, coalition_person_get_display_name (last));

    g_assert_nonnull (label);
    g_assert_true (gtk_widget_get_mapped (label));
  }

  /* Searching and clearing the search work on the whole directory. */
  type_search (&shown, coalition_person_get_display_name (last));
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, n_people);
  g_assert_cmpuint (coalition_people_model_find (people, coalition_person_get_id (last)), !=, G_MAXUINT);
  type_search (&shown, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_people);
  g_assert_cmpuint (coalition_people_model_find (people, coalition_person_get_id (last)), ==, n_people - 1);

  /* Another order still has everyone. */
  coalition_people_model_set_sort (people, COALITION_SORT_RECENT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_people);
  coalition_people_model_set_sort (people, COALITION_SORT_NAME);
  g_assert_cmpuint (coalition_people_model_find (people, coalition_person_get_id (last)), ==, n_people - 1);

  close_window (&shown);
}

static void
test_window_welcome (void)
{
  g_autofree char *path = NULL;
  Shown shown = { 0 };
  GtkWidget *start_empty, *explore;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  /* A new database offers the example coalition… */
  path = make_database ("new.db", 0);
  show_window (&shown, path);
  g_assert_cmpstr (coalition_members_page_get_state (shown.page), ==, "welcome");

  /* … which “Start Empty” declines. */
  start_empty = find_widget (GTK_WIDGET (shown.page), GTK_TYPE_BUTTON, "_Start Empty");
  g_assert_nonnull (start_empty);
  g_signal_emit_by_name (start_empty, "clicked");
  g_assert_cmpstr (coalition_members_page_get_state (shown.page), ==, "empty");
  close_window (&shown);

  /* In another window on the same file, “Explore” fills it. */
  show_window (&shown, path);
  g_assert_cmpstr (coalition_members_page_get_state (shown.page), ==, "welcome");
  explore = find_widget (GTK_WIDGET (shown.page), GTK_TYPE_BUTTON, "_Explore the Example Coalition");
  g_signal_emit_by_name (explore, "clicked");
  wait_for_state (shown.page, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (coalition_members_page_get_model (shown.page))),
                    ==, COALITION_DEMO_DEFAULT_PEOPLE);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (shown.window)), ==, "Riverside Housing Justice Coalition");
  close_window (&shown);
}

static void
test_window_bad_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "members.csv", NULL);
  g_autofree char *after = NULL;
  const char *contents = "Name,E-mail\nZoë Brontë,zoe@example.org\n";
  Shown shown = { 0 };
  GtkWidget *main_stack, *error_page;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  show_window (&shown, path);

  /* The window says what is wrong instead of a list, and the file is as it was. */
  g_assert_null (coalition_window_get_store (shown.window));
  main_stack = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_STACK, NULL),
                                        GTK_TYPE_STACK);
  g_assert_true (GTK_IS_STACK (main_stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "error");
  error_page = gtk_stack_get_visible_child (GTK_STACK (main_stack));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)),
                            "not a Coalition database"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);

  close_window (&shown);
}

/* A file another program holds locked: the window says so at once rather
 * than freezing, and Try Again opens it once the other program lets go. */
static void
test_window_locked_file (void)
{
  g_autofree char *path = make_database ("held-ui.db", 0);
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) holder_out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *commands = "PRAGMA locking_mode = EXCLUSIVE;\n"
                         "BEGIN EXCLUSIVE;\n"
                         "SELECT 'holding';\n";
  GtkWidget *main_stack;
  GOutputStream *holder_in;
  Shown shown = { 0 };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  holder = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/sqlite3", path, NULL);
  g_assert_no_error (error);
  holder_in = g_subprocess_get_stdin_pipe (holder);
  holder_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  g_assert_true (g_output_stream_write_all (holder_in, commands, strlen (commands), NULL, NULL, &error));
  g_assert_true (g_output_stream_flush (holder_in, NULL, &error));
  g_assert_no_error (error);
  while (line == NULL || !g_str_equal (line, "holding"))
    {
      g_free (line);
      line = g_data_input_stream_read_line_utf8 (holder_out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
    }

  show_window (&shown, path);
  g_assert_null (coalition_window_get_store (shown.window));
  main_stack = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_STACK, NULL),
                                        GTK_TYPE_STACK);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (main_stack)))),
                            "in use by another program"));
  g_assert_nonnull (find_widget (GTK_WIDGET (shown.window), GTK_TYPE_BUTTON, "_Try Again"));

  /* The other program ends its transaction and quits. */
  g_assert_true (g_output_stream_write_all (holder_in, "ROLLBACK;\n.quit\n", 17, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (holder_in, NULL, &error));
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.reload", NULL));
  spin (50);
  g_assert_nonnull (coalition_window_get_store (shown.window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (main_stack)), ==, "content");

  close_window (&shown);
}

static void
test_window_preferences (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  CoalitionPreferencesWindow *preferences;
  GtkWidget *name_row, *style_row;
  Shown shown = { 0 };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("prefs.db", 20);
  show_window (&shown, path);

  preferences = coalition_preferences_window_new (GTK_WINDOW (shown.window), settings,
                                                  coalition_window_get_store (shown.window));
  g_object_ref (preferences);
  gtk_window_present (GTK_WINDOW (preferences));
  wait_until (is_mapped, preferences, "the preferences to be shown");

  /* Renaming the coalition is saved in the file and retitles the window. */
  name_row = find_widget (GTK_WIDGET (preferences), ADW_TYPE_ENTRY_ROW, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Riverside Housing Justice Coalition");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Koalicja Łódź 김민준");
  g_signal_emit_by_name (name_row, "apply");
  saved = coalition_store_get_setting (coalition_window_get_store (shown.window), "coalition-name");
  g_assert_cmpstr (saved, ==, "Koalicja Łódź 김민준");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (shown.window)), ==, "Koalicja Łódź 김민준");

  /* The style follows the setting. */
  style_row = find_widget (GTK_WIDGET (preferences), ADW_TYPE_COMBO_ROW, NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (style_row), 2);
  g_assert_cmpstr (g_settings_get_string (settings, "color-scheme"), ==, "dark");
  g_settings_set_string (settings, "color-scheme", "default");

  gtk_window_destroy (GTK_WINDOW (preferences));
  spin (50);
  g_assert_finalize_object (preferences);
  close_window (&shown);

  /* The shortcuts window builds, and lists the page shortcuts. */
  builder = gtk_builder_new ();
  gtk_builder_add_from_resource (builder, RESOURCE_BASE "/gtk/help-overlay.ui", &error);
  g_assert_no_error (error);
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* owned by GTK */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
message_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
test_window_import_export (void)
{
  g_autofree char *path = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "google-contacts.csv", NULL);
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "truncated-quote.csv", NULL);
  g_autofree char *exported = g_build_filename (g_get_user_data_dir (), "exported.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (fixture);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GFile) export_file = g_file_new_for_path (exported);
  AdwMessageDialog *dialog;
  Shown shown = { 0 };
  GListModel *model;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("import.db", 10);
  show_window (&shown, path);
  model = G_LIST_MODEL (coalition_members_page_get_model (shown.page));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 10);

  /* Import Members… runs in the background and then says what it did. */
  coalition_window_import_files (shown.window, &file, 1);
  wait_until (message_shown, NULL, "the import summary");
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Members Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "4 added, 1 merged"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* The list shows the new people at once. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 14);

  /* A broken file: the reason, and nothing imported. */
  coalition_window_import_files (shown.window, &broken_file, 1);
  wait_until (message_shown, NULL, "the import error");
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Line 2"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 14);

  /* A sheet with columns nobody recognises: the window asks which is which,
   * showing the first rows, then imports with those choices. */
  {
    g_autofree char *sheet = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "volunteer-signup-es.csv", NULL);
    g_autoptr(GFile) sheet_file = g_file_new_for_path (sheet);
    const CoalitionImportField choices[] = {
      COALITION_IMPORT_FIELD_FULL_NAME, COALITION_IMPORT_FIELD_EMAIL, COALITION_IMPORT_FIELD_PHONE,
      COALITION_IMPORT_FIELD_ADDRESS, COALITION_IMPORT_FIELD_SKILLS, COALITION_IMPORT_FIELD_NOTES,
    };
    GtkWidget *menu;
    guint n_menus = 0;

    coalition_window_import_files (shown.window, &sheet_file, 1);
    wait_until (message_shown, NULL, "the column choices");
    dialog = find_message_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Which Column Is Which?");
    g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Teléfono"));
    g_assert_nonnull (find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL,
                                   "María José Gutiérrez · Nguyễn Thị Lan · José Pérez"));
    /* Nothing to import until a column of names or addresses is chosen. */
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "import"));
    /* Each column's row has its own menu, in the order of the columns. */
    {
      GtkWidget *list = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_BOX, NULL);

      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          menu = find_widget (row, GTK_TYPE_DROP_DOWN, NULL);
          if (menu != NULL)
            gtk_drop_down_set_selected (GTK_DROP_DOWN (menu), choices[n_menus++]);
        }
    }
    g_assert_cmpuint (n_menus, ==, G_N_ELEMENTS (choices));
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "import"));
    adw_message_dialog_response (dialog, "import");
    gtk_window_destroy (GTK_WINDOW (dialog));
    wait_until (message_shown, NULL, "the import summary");
    dialog = find_message_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Members Imported");
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 added"));
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 17);
  }

  /* Export Members… writes everyone. */
  coalition_window_export_file (shown.window, export_file);
  wait_until (file_exists, exported, "the exported file");
  spin (200);
  g_assert_true (g_file_get_contents (exported, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Zoë Brontë"));
  g_assert_nonnull (strstr (contents, "Łukasz"));

  close_window (&shown);
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
undo_button_shown (gpointer window)
{
  gboolean shown = find_widget (find_widget (window, ADW_TYPE_TOAST_OVERLAY, NULL), GTK_TYPE_BUTTON, "_Undo") != NULL;

  if (!shown)
    spin (50);
  return shown;
}

static gboolean
no_undo_button (gpointer window)
{
  return find_widget (find_widget (window, ADW_TYPE_TOAST_OVERLAY, NULL), GTK_TYPE_BUTTON, "_Undo") == NULL;
}

/* The Undo button of the toast a delete showed, once its turn has come
 * (after any message still on screen). */
static GtkWidget *
undo_button (gpointer window)
{
  wait_until (undo_button_shown, window, "the Undo of the delete");
  return find_widget (find_widget (window, ADW_TYPE_TOAST_OVERLAY, NULL), GTK_TYPE_BUTTON, "_Undo");
}

static void
test_window_edit_delete_undo (void)
{
  g_autofree char *path = NULL;
  g_autofree char *uid = NULL;
  g_autoptr(CoalitionPerson) first = NULL;
  g_autoptr(CoalitionPerson) saved = NULL;
  GtkSingleSelection *selection;
  CoalitionPersonPane *pane;
  CoalitionStore *store;
  GtkWidget *title_row, *delete_button, *column_view;
  Shown shown = { 0 };
  GListModel *model;
  gint64 id;
  guint n;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("edit.db", 40);
  show_window (&shown, path);
  store = coalition_window_get_store (shown.window);
  model = G_LIST_MODEL (coalition_members_page_get_model (shown.page));
  n = g_list_model_get_n_items (model);
  column_view = find_widget (GTK_WIDGET (shown.page), GTK_TYPE_COLUMN_VIEW, NULL);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  pane = COALITION_PERSON_PANE (find_widget (GTK_WIDGET (shown.page), COALITION_TYPE_PERSON_PANE, NULL));

  /* Choosing someone in the list shows them beside it. */
  g_assert_null (coalition_person_pane_get_person (pane));
  gtk_single_selection_set_selected (selection, 0);
  first = g_list_model_get_item (model, 0);
  id = coalition_person_get_id (first);
  uid = g_strdup (coalition_person_get_uid (first));
  g_assert_cmpint (coalition_person_get_id (coalition_person_pane_get_person (pane)), ==, id);

  /* An applied edit is saved at once and shows in the list. */
  title_row = find_row (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Title");
  g_assert_nonnull (title_row);
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Co-Chair, Housing Committee");
  g_signal_emit_by_name (title_row, "apply");
  saved = coalition_store_get_person (store, id, NULL);
  g_assert_cmpstr (coalition_person_get_title (saved), ==, "Co-Chair, Housing Committee");
  g_clear_object (&saved);
  saved = g_list_model_get_item (model, coalition_people_model_find (coalition_members_page_get_model (shown.page), id));
  g_assert_cmpstr (coalition_person_get_title (saved), ==, "Co-Chair, Housing Committee");
  g_clear_object (&saved);

  /* The organization is chosen from the directory's, or none. */
  {
    GtkWidget *dropdown = find_widget (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, NULL);
    GListModel *names = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
    g_autoptr(GPtrArray) organizations = coalition_store_list_organizations (store, NULL);
    const char *wanted = coalition_organization_get_name (organizations->pdata[2]);

    g_assert_cmpuint (g_list_model_get_n_items (names), ==, organizations->len + 1);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "None");
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 3);
    saved = coalition_store_get_person (store, id, NULL);
    g_assert_cmpstr (coalition_person_get_organization_name (saved), ==, wanted);
    g_clear_object (&saved);

    dropdown = find_widget (GTK_WIDGET (pane), GTK_TYPE_DROP_DOWN, NULL);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
    saved = coalition_store_get_person (store, id, NULL);
    g_assert_null (coalition_person_get_organization_name (saved));
    g_clear_object (&saved);
  }

  /* E-mail addresses are added and removed in place. */
  {
    GtkWidget *add_email = find_row (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Add E-mail Address");
    g_autofree char *remove_label = g_strdup_printf ("Remove %s", "aminata.new@example.org");
    GtkWidget *remove = NULL;
    guint n_emails;

    saved = coalition_store_get_person (store, id, NULL);
    n_emails = coalition_person_get_emails (saved)->len;
    g_clear_object (&saved);

    gtk_editable_set_text (GTK_EDITABLE (add_email), "aminata.new@example.org");
    g_signal_emit_by_name (add_email, "apply");
    saved = coalition_store_get_person (store, id, NULL);
    g_assert_cmpuint (coalition_person_get_emails (saved)->len, ==, n_emails + 1);
    g_clear_object (&saved);

    /* The star makes it the main address; the row's menu labels it. */
    {
      GtkWidget *star = find_with_tooltip (GTK_WIDGET (pane), "Make aminata.new@example.org the Main One");
      GtkWidget *row, *label_menu;
      const CoalitionContactPoint *point;

      g_assert_nonnull (star);
      g_signal_emit_by_name (star, "clicked");
      spin (50);
      saved = coalition_store_get_person (store, id, NULL);
      g_assert_cmpstr (coalition_person_get_primary_email (saved), ==, "aminata.new@example.org");
      g_clear_object (&saved);

      row = find_row (GTK_WIDGET (pane), ADW_TYPE_ACTION_ROW, "aminata.new@example.org");
      label_menu = find_widget (row, GTK_TYPE_DROP_DOWN, NULL);
      g_assert_nonnull (label_menu);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (label_menu), 2);   /* no label, work, home */
      spin (50);
      saved = coalition_store_get_person (store, id, NULL);
      point = g_ptr_array_index (coalition_person_get_emails (saved), n_emails);
      g_assert_cmpstr (point->value, ==, "aminata.new@example.org");
      g_assert_cmpstr (point->label, ==, "home");
      g_assert_true (point->primary);
      g_clear_object (&saved);
    }

    /* the remove button carries the address in its accessible name and tooltip */
    remove = find_with_tooltip (GTK_WIDGET (pane), remove_label);
    g_assert_nonnull (remove);
    g_signal_emit_by_name (remove, "clicked");
    saved = coalition_store_get_person (store, id, NULL);
    g_assert_cmpuint (coalition_person_get_emails (saved)->len, ==, n_emails);
    g_clear_object (&saved);
  }

  /* Delete: gone from the list and the file, with a toast that can undo it. */
  delete_button = find_widget (GTK_WIDGET (pane), GTK_TYPE_BUTTON, "_Delete Person");
  g_signal_emit_by_name (delete_button, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n - 1);
  g_assert_cmpuint (coalition_people_model_find (coalition_members_page_get_model (shown.page), id), ==, G_MAXUINT);
  g_assert_null (coalition_person_pane_get_person (pane));
  g_assert_null (coalition_store_get_person (store, id, NULL));

  /* Undo puts the same person back, with the edit. */
  {
    AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (find_widget (GTK_WIDGET (shown.window), ADW_TYPE_TOAST_OVERLAY, NULL));
    GtkWidget *undo = NULL;

    spin (100);
    undo = undo_button (shown.window);
    g_assert_true (gtk_widget_is_ancestor (undo, GTK_WIDGET (overlay)));
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
  }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  saved = coalition_store_get_person (store, id, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (coalition_person_get_uid (saved), ==, uid);
  g_assert_cmpstr (coalition_person_get_title (saved), ==, "Co-Chair, Housing Committee");

  /* A person's groups show beside them, and come back with them on Undo. */
  wait_until (no_undo_button, shown.window, "the first toast to go");
  {
    g_autoptr(GPtrArray) groups = coalition_store_list_groups (store, NULL);
    g_autoptr(GPtrArray) core = coalition_store_list_group_members (store, coalition_group_get_id (groups->pdata[0]), NULL);
    const CoalitionMembership *officer = core->pdata[0];
    g_autoptr(GPtrArray) without = NULL;
    g_autoptr(GPtrArray) after = NULL;
    GtkWidget *undo;

    gtk_single_selection_set_selected (selection,
                                       coalition_people_model_find (coalition_members_page_get_model (shown.page),
                                                                    officer->person_id));
    g_assert_cmpint (coalition_person_get_id (coalition_person_pane_get_person (pane)), ==, officer->person_id);
    g_assert_nonnull (find_row (GTK_WIDGET (pane), ADW_TYPE_ACTION_ROW, "Steering Committee"));

    g_signal_emit_by_name (find_widget (GTK_WIDGET (pane), GTK_TYPE_BUTTON, "_Delete Person"), "clicked");
    without = coalition_store_list_group_members (store, coalition_group_get_id (groups->pdata[0]), NULL);
    g_assert_cmpuint (without->len, ==, core->len - 1);
    spin (100);
    undo = undo_button (shown.window);
    g_signal_emit_by_name (undo, "clicked");
    after = coalition_store_list_group_members (store, coalition_group_get_id (groups->pdata[0]), NULL);
    g_assert_cmpuint (after->len, ==, core->len);
    g_assert_cmpint (((CoalitionMembership *)after->pdata[0])->person_id, ==, officer->person_id);
    g_assert_cmpint (((CoalitionMembership *)after->pdata[0])->role, ==, officer->role);
  }

  /* Joining a group, changing the role there, and leaving it. */
  gtk_single_selection_set_selected (selection, 1);
  {
    gint64 person_id = coalition_person_get_id (coalition_person_pane_get_person (pane));
    g_autoptr(GPtrArray) before = coalition_store_list_memberships_of_person (store, person_id, NULL);
    g_autoptr(GPtrArray) joined = NULL;
    g_autoptr(GPtrArray) promoted = NULL;
    g_autoptr(GPtrArray) left = NULL;
    GtkWidget *join = find_widget (find_row (GTK_WIDGET (pane), ADW_TYPE_ACTION_ROW, "Add to Group"),
                                   GTK_TYPE_DROP_DOWN, NULL);
    const CoalitionMembership *added = NULL;
    GtkWidget *role_row, *leave;
    g_autofree char *leave_label = NULL;

    g_assert_nonnull (join);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (join), 1);
    spin (50);
    joined = coalition_store_list_memberships_of_person (store, person_id, NULL);
    g_assert_cmpuint (joined->len, ==, before->len + 1);
    /* The one group in “joined” that was not in “before”. */
    for (guint i = 0; i < joined->len; i++)
      {
        gboolean was_there = FALSE;

        for (guint j = 0; j < before->len; j++)
          was_there |= ((CoalitionMembership *)before->pdata[j])->group_id ==
                       ((CoalitionMembership *)joined->pdata[i])->group_id;
        if (!was_there)
          added = joined->pdata[i];
      }
    g_assert_nonnull (added);
    g_assert_cmpint (added->role, ==, COALITION_ROLE_MEMBER);

    role_row = find_widget (find_row (GTK_WIDGET (pane), ADW_TYPE_ACTION_ROW, added->group_name),
                            GTK_TYPE_DROP_DOWN, NULL);
    g_assert_nonnull (role_row);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (role_row), COALITION_ROLE_NOTE_TAKER);
    spin (50);
    promoted = coalition_store_list_group_members (store, added->group_id, NULL);
    {
      gboolean found = FALSE;

      for (guint i = 0; i < promoted->len; i++)
        if (((CoalitionMembership *)promoted->pdata[i])->person_id == person_id)
          {
            g_assert_cmpint (((CoalitionMembership *)promoted->pdata[i])->role, ==, COALITION_ROLE_NOTE_TAKER);
            found = TRUE;
          }
      g_assert_true (found);
    }

    leave_label = g_strdup_printf ("Leave %s", added->group_name);
    leave = find_with_tooltip (GTK_WIDGET (pane), leave_label);
    g_assert_nonnull (leave);
    g_signal_emit_by_name (leave, "clicked");
    spin (50);
    left = coalition_store_list_memberships_of_person (store, person_id, NULL);
    g_assert_cmpuint (left->len, ==, before->len);
    for (guint i = 0; i < left->len; i++)
      g_assert_cmpint (((CoalitionMembership *)left->pdata[i])->group_id, !=, added->group_id);
  }

  /* New Group asks for a name and a kind; people can then join it. */
  {
    AdwMessageDialog *dialog;
    g_autoptr(GPtrArray) groups = NULL;
    CoalitionGroup *added = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.new-group", NULL));
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")),
                           "Grupo de Trabajo en Español");
    adw_message_dialog_response (dialog, "add");
    gtk_window_destroy (GTK_WINDOW (dialog));

    groups = coalition_store_list_groups (store, NULL);
    g_assert_cmpuint (groups->len, ==, 6);
    for (guint i = 0; i < groups->len; i++)
      if (g_str_equal (coalition_group_get_name (groups->pdata[i]), "Grupo de Trabajo en Español"))
        added = groups->pdata[i];
    g_assert_nonnull (added);
    g_assert_cmpint (coalition_group_get_kind (added), ==, COALITION_GROUP_KIND_WORKING_GROUP);
    spin (50);
    g_assert_nonnull (find_row (GTK_WIDGET (pane), ADW_TYPE_ACTION_ROW, "Add to Group"));
  }

  /* New Person asks for a name and shows the new record. */
  {
    AdwMessageDialog *dialog;
    g_autoptr(CoalitionPerson) added = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.new-person", NULL));
    dialog = find_message_dialog ();
    g_assert_nonnull (dialog);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Given Name")), "Þórunn");
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Family Name")),
                           "Ólafsdóttir");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
    /* Enter in the last field adds, as the Add button does, and closes. */
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&dialog);
    g_signal_emit_by_name (find_widget (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Family Name"),
                                        GTK_TYPE_TEXT, NULL), "activate");
    for (guint i = 0; i < 100 && dialog != NULL; i++)
      spin (20);
    g_assert_null (dialog);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, n + 1);
    added = g_object_ref (coalition_person_pane_get_person (pane));
    g_assert_cmpstr (coalition_person_get_display_name (added), ==, "Þórunn Ólafsdóttir");
    g_assert_cmpint (coalition_person_get_status (added), ==, COALITION_STATUS_PROSPECT);
  }

  /* Something that is not an address is refused, and nothing changes. */
  {
    GtkWidget *add_email = find_row (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Add E-mail Address");
    gint64 shown_id = coalition_person_get_id (coalition_person_pane_get_person (pane));
    guint n_emails;

    saved = coalition_store_get_person (store, shown_id, NULL);
    n_emails = coalition_person_get_emails (saved)->len;
    g_clear_object (&saved);
    gtk_editable_set_text (GTK_EDITABLE (add_email), "not an address");
    g_signal_emit_by_name (add_email, "apply");
    saved = coalition_store_get_person (store, shown_id, NULL);
    g_assert_cmpuint (coalition_person_get_emails (saved)->len, ==, n_emails);
    g_clear_object (&saved);
  }

  close_window (&shown);
}

static void
test_window_organizations (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) organizations = NULL;
  g_autoptr(CoalitionOrganization) saved = NULL;
  g_autoptr(GArray) people = NULL;
  g_autofree char *uid = NULL;
  CoalitionOrganizationPane *pane;
  CoalitionStore *store;
  GtkWidget *toggle, *view, *sector_row;
  GtkSingleSelection *selection;
  GListModel *shown_orgs;
  Shown shown = { 0 };
  gint64 id;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("organizations.db", 200);
  show_window (&shown, path);
  store = coalition_window_get_store (shown.window);
  organizations = coalition_store_list_organizations (store, NULL);

  /* The Organizations switch lists every organization with its people. */
  toggle = find_widget (GTK_WIDGET (shown.page), GTK_TYPE_TOGGLE_BUTTON, "_Organizations");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  g_assert_cmpstr (coalition_members_page_get_state (shown.page), ==, "organizations");
  view = gtk_widget_get_ancestor (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_LABEL, "People"), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (view);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  shown_orgs = G_LIST_MODEL (selection);
  g_assert_cmpuint (g_list_model_get_n_items (shown_orgs), ==, organizations->len);

  /* The search narrows them by name. */
  gtk_editable_set_text (GTK_EDITABLE (find_page_search (GTK_WIDGET (shown.page))), "food bank");
  spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown_orgs), <, organizations->len);
  for (guint i = 0; i < g_list_model_get_n_items (shown_orgs); i++)
    {
      g_autoptr(CoalitionOrganization) org = g_list_model_get_item (shown_orgs, i);
      g_autofree char *folded = g_utf8_casefold (coalition_organization_get_name (org), -1);
      g_assert_nonnull (strstr (folded, "food bank"));
    }

  /* Choosing one shows it; an applied edit is saved. */
  gtk_single_selection_set_selected (selection, 0);
  pane = COALITION_ORGANIZATION_PANE (find_widget (GTK_WIDGET (shown.page), COALITION_TYPE_ORGANIZATION_PANE, NULL));
  id = coalition_organization_get_id (coalition_organization_pane_get_organization (pane));
  uid = g_strdup (coalition_organization_get_uid (coalition_organization_pane_get_organization (pane)));
  sector_row = find_row (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Sector");
  gtk_editable_set_text (GTK_EDITABLE (sector_row), "Food security and nutrition");
  g_signal_emit_by_name (sector_row, "apply");
  saved = coalition_store_get_organization (store, id, NULL);
  g_assert_cmpstr (coalition_organization_get_sector (saved), ==, "Food security and nutrition");

  /* Delete takes its people's link with it, and Undo brings both back. */
  people = coalition_store_find_people_of_organization (store, id, NULL);
  g_assert_cmpuint (people->len, >, 0);

  /* Its representatives are listed, and each opens their own details. */
  {
    g_autoptr(CoalitionPerson) first = coalition_store_get_person (store, g_array_index (people, gint64, 0), NULL);
    GtkWidget *row = find_row (GTK_WIDGET (pane), ADW_TYPE_ACTION_ROW, coalition_person_get_display_name (first));
    CoalitionPersonPane *person_pane = COALITION_PERSON_PANE (find_widget (GTK_WIDGET (shown.page),
                                                                           COALITION_TYPE_PERSON_PANE, NULL));

    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    g_assert_cmpstr (coalition_members_page_get_state (shown.page), ==, "list");
    g_assert_cmpint (coalition_person_get_id (coalition_person_pane_get_person (person_pane)), ==,
                     coalition_person_get_id (first));
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
    gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
    gtk_single_selection_set_selected (selection, 0);
    g_assert_cmpint (coalition_organization_get_id (coalition_organization_pane_get_organization (pane)), ==, id);
  }
  g_signal_emit_by_name (find_widget (GTK_WIDGET (pane), GTK_TYPE_BUTTON, "_Delete Organization"), "clicked");
  g_assert_null (coalition_store_get_organization (store, id, NULL));
  spin (100);
  g_signal_emit_by_name (undo_button (shown.window), "clicked");
  g_clear_object (&saved);
  saved = coalition_store_get_organization (store, id, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (coalition_organization_get_uid (saved), ==, uid);
  g_assert_cmpuint (coalition_organization_get_n_people (saved), ==, people->len);

  /* In this view, + adds an organization. */
  {
    AdwMessageDialog *dialog;
    g_autoptr(GPtrArray) after = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.new-person", NULL));
    dialog = find_message_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "New Organization");
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Name")),
                           "Ассоциация жильцов «Восток»");
    adw_message_dialog_response (dialog, "add");
    gtk_window_destroy (GTK_WINDOW (dialog));
    after = coalition_store_list_organizations (store, NULL);
    g_assert_cmpuint (after->len, ==, organizations->len + 1);
    g_assert_cmpstr (coalition_organization_get_name (coalition_organization_pane_get_organization (pane)), ==,
                     "Ассоциация жильцов «Восток»");
  }

  close_window (&shown);
}

/* The column view whose rows are of @item_type. */
static GtkWidget *
find_list_of (GtkWidget *root,
              GType      item_type)
{
  if (GTK_IS_COLUMN_VIEW (root) && gtk_column_view_get_model (GTK_COLUMN_VIEW (root)) != NULL)
    {
      GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (root)));
      g_autoptr(GObject) first = g_list_model_get_item (model, 0);

      /* GTK 4.8's filter models say only G_TYPE_OBJECT: look at a row. */
      if (first != NULL && G_TYPE_CHECK_INSTANCE_TYPE (first, item_type))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_of (child, item_type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_window_groups (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CoalitionGroup) renamed = NULL;
  g_autoptr(CoalitionGroup) back = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) members_back = NULL;
  CoalitionGroupPane *pane;
  CoalitionStore *store;
  GtkWidget *view, *name_row;
  GtkSingleSelection *selection;
  Shown shown = { 0 };
  gint64 id;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("groups.db", 200);
  show_window (&shown, path);
  store = coalition_window_get_store (shown.window);

  /* The Groups switch lists the core group first, with member counts. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_TOGGLE_BUTTON,
                                                                "_Groups")), TRUE);
  g_assert_cmpstr (coalition_members_page_get_state (shown.page), ==, "groups");
  g_assert_nonnull (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_LABEL, "5 groups"));
  view = find_list_of (GTK_WIDGET (shown.page), COALITION_TYPE_GROUP);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 5);

  /* Choosing it shows who is in it, officers first. */
  gtk_single_selection_set_selected (selection, 0);
  pane = COALITION_GROUP_PANE (find_widget (GTK_WIDGET (shown.page), COALITION_TYPE_GROUP_PANE, NULL));
  id = coalition_group_get_id (coalition_group_pane_get_group (pane));
  g_assert_cmpint (coalition_group_get_kind (coalition_group_pane_get_group (pane)), ==, COALITION_GROUP_KIND_CORE);
  members = coalition_store_list_group_members (store, id, NULL);
  g_assert_cmpuint (members->len, ==, 7);
  g_assert_nonnull (find_row (GTK_WIDGET (pane), ADW_TYPE_ACTION_ROW, ((CoalitionMembership *)members->pdata[0])->person_name));

  /* Renamed in place. */
  name_row = find_row (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Name");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Comité de Coordinación");
  g_signal_emit_by_name (name_row, "apply");
  renamed = coalition_store_get_group (store, id, NULL);
  g_assert_cmpstr (coalition_group_get_name (renamed), ==, "Comité de Coordinación");

  /* Someone is added by typing part of their name and choosing them. */
  {
    GtkWidget *add_row = find_row (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Add a Member by Name");
    GtkWidget *list, *first;
    g_autoptr(GPtrArray) after = NULL;
    g_autofree char *chosen = NULL;
    gboolean found = FALSE;

    g_assert_nonnull (add_row);
    gtk_editable_set_text (GTK_EDITABLE (add_row), "nguyen");
    /* the matches are in a popover of the row */
    list = find_widget (add_row, GTK_TYPE_LIST_BOX, NULL);
    g_assert_nonnull (list);
    first = gtk_widget_get_first_child (list);
    g_assert_nonnull (first);
    chosen = g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)));
    g_assert_nonnull (strstr (chosen, "Nguyễn"));
    g_signal_emit_by_name (list, "row-activated", first);
    spin (50);
    after = coalition_store_list_group_members (store, id, NULL);
    for (guint i = 0; i < after->len; i++)
      if (g_str_equal (((CoalitionMembership *)after->pdata[i])->person_name, chosen))
        found = TRUE;
    g_assert_true (found);
    g_assert_cmpuint (after->len, ==, members->len + 1);
    g_clear_pointer (&members, g_ptr_array_unref);
    members = g_steal_pointer (&after);
  }

  /* Deleted, and Undo brings it back with everyone in their roles. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (pane), GTK_TYPE_BUTTON, "_Delete Group"), "clicked");
  g_assert_null (coalition_store_get_group (store, id, NULL));
  spin (100);
  g_signal_emit_by_name (undo_button (shown.window), "clicked");
  back = coalition_store_get_group (store, id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (coalition_group_get_uid (back), ==, coalition_group_get_uid (renamed));
  members_back = coalition_store_list_group_members (store, id, NULL);
  g_assert_cmpuint (members_back->len, ==, members->len);
  for (guint i = 0; i < members->len; i++)
    {
      g_assert_cmpint (((CoalitionMembership *)members_back->pdata[i])->person_id, ==,
                       ((CoalitionMembership *)members->pdata[i])->person_id);
      g_assert_cmpint (((CoalitionMembership *)members_back->pdata[i])->role, ==,
                       ((CoalitionMembership *)members->pdata[i])->role);
    }

  close_window (&shown);
}

static void
test_window_prospects (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) prospects = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GPtrArray) log_back = NULL;
  g_autoptr(CoalitionOrganization) saved = NULL;
  g_autoptr(CoalitionPerson) tagged = NULL;
  CoalitionOrganizationPane *pane;
  CoalitionPeopleModel *model;
  CoalitionStore *store;
  GtkWidget *view, *row, *note_row, *tags_row;
  GtkSingleSelection *selection;
  Shown shown = { 0 };
  gint64 id;
  guint n_shown;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("prospects.db", 300);
  show_window (&shown, path);
  store = coalition_window_get_store (shown.window);
  prospects = coalition_store_list_prospects (store, NULL);
  g_assert_cmpuint (prospects->len, >, 0);

  /* The Prospects switch lists them highest priority first. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_TOGGLE_BUTTON,
                                                                "P_rospects")), TRUE);
  g_assert_cmpstr (coalition_members_page_get_state (shown.page), ==, "prospects");
  view = find_list_of (GTK_WIDGET (shown.page), COALITION_TYPE_PROSPECT);
  g_assert_nonnull (view);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, prospects->len);
  for (guint i = 1; i < prospects->len; i++)
    {
      CoalitionPriority before = coalition_prospect_get_outreach (prospects->pdata[i - 1])->priority;
      CoalitionPriority now = coalition_prospect_get_outreach (prospects->pdata[i])->priority;

      g_assert_true (before == now || (before != COALITION_PRIORITY_NONE &&
                                       (now == COALITION_PRIORITY_NONE || before < now)));
    }

  /* The search narrows them, here by who makes the ask. */
  {
    const char *asker = coalition_prospect_get_outreach (prospects->pdata[0])->asker_name;

    g_assert_nonnull (asker);
    gtk_editable_set_text (GTK_EDITABLE (find_page_search (GTK_WIDGET (shown.page))), asker);
    spin (300);
    n_shown = g_list_model_get_n_items (G_LIST_MODEL (selection));
    g_assert_cmpuint (n_shown, >, 0);
    g_assert_cmpuint (n_shown, <, prospects->len);
    gtk_editable_set_text (GTK_EDITABLE (find_page_search (GTK_WIDGET (shown.page))), "");
    spin (300);
  }

  /* Choosing the first shows it; a new step is saved with the record. */
  g_assert_cmpint (coalition_prospect_get_subject (prospects->pdata[0]), ==, COALITION_SUBJECT_ORGANIZATION);
  gtk_single_selection_set_selected (selection, 0);
  pane = COALITION_ORGANIZATION_PANE (find_widget (GTK_WIDGET (shown.page), COALITION_TYPE_ORGANIZATION_PANE, NULL));
  id = coalition_organization_get_id (coalition_organization_pane_get_organization (pane));
  g_assert_cmpint (id, ==, coalition_prospect_get_id (prospects->pdata[0]));
  row = find_row (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Next Step");
  gtk_editable_set_text (GTK_EDITABLE (row), "Présenter la plateforme au conseil");
  g_signal_emit_by_name (row, "apply");
  row = find_row (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "Date of the Next Step");
  gtk_editable_set_text (GTK_EDITABLE (row), "2027-01-15");
  g_signal_emit_by_name (row, "apply");
  saved = coalition_store_get_organization (store, id, NULL);
  g_assert_cmpstr (coalition_organization_get_outreach (saved)->next_step, ==, "Présenter la plateforme au conseil");
  g_assert_cmpstr (coalition_organization_get_outreach (saved)->next_step_date, ==, "2027-01-15");

  /* A date that is not one is refused with a message, and nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (row), "next Tuesday");
  g_signal_emit_by_name (row, "apply");
  g_clear_object (&saved);
  saved = coalition_store_get_organization (store, id, NULL);
  g_assert_cmpstr (coalition_organization_get_outreach (saved)->next_step_date, ==, "2027-01-15");

  /* A contact is logged from the pane and shows in it. */
  log = coalition_store_list_contacts (store, COALITION_SUBJECT_ORGANIZATION, id, NULL);
  note_row = find_row (GTK_WIDGET (pane), ADW_TYPE_ENTRY_ROW, "What Was Said");
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Zoë met the board; they will vote in March.");
  g_signal_emit_by_name (note_row, "apply");
  log_back = coalition_store_list_contacts (store, COALITION_SUBJECT_ORGANIZATION, id, NULL);
  g_assert_cmpuint (log_back->len, ==, log->len + 1);
  g_assert_cmpstr (((CoalitionContact *)log_back->pdata[0])->note, ==, "Zoë met the board; they will vote in March.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "");
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    /* the date as the pane writes it, "30 November 2026" in this locale */
    g_autofree char *date = g_date_time_format (now, "%-d %B %Y");
    g_autofree char *title = g_strdup_printf ("%s · Meeting", date);

    g_assert_nonnull (find_row (GTK_WIDGET (pane), ADW_TYPE_ACTION_ROW, title));
  }

  /* Deleting the organization and undoing brings the log back. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (pane), GTK_TYPE_BUTTON, "_Delete Organization"), "clicked");
  g_assert_null (coalition_store_get_organization (store, id, NULL));
  spin (100);
  g_signal_emit_by_name (undo_button (shown.window), "clicked");
  g_clear_pointer (&log, g_ptr_array_unref);
  log = coalition_store_list_contacts (store, COALITION_SUBJECT_ORGANIZATION, id, NULL);
  g_assert_cmpuint (log->len, ==, log_back->len);

  /* Tags typed on a person's page filter the People list. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_TOGGLE_BUTTON,
                                                                "_People")), TRUE);
  model = coalition_members_page_get_model (shown.page);
  {
    GtkWidget *people_view = find_list_of (GTK_WIDGET (shown.page), COALITION_TYPE_PERSON);
    GtkSingleSelection *people = GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (people_view)));
    CoalitionPersonPane *person_pane = COALITION_PERSON_PANE (find_widget (GTK_WIDGET (shown.page),
                                                                           COALITION_TYPE_PERSON_PANE, NULL));
    CoalitionPeopleFilter filter = COALITION_PEOPLE_FILTER_INIT;

    gtk_single_selection_set_selected (people, 3);
    tagged = g_object_ref (coalition_person_pane_get_person (person_pane));
    tags_row = find_row (GTK_WIDGET (person_pane), ADW_TYPE_ENTRY_ROW, "Tags, Separated by Commas");
    gtk_editable_set_text (GTK_EDITABLE (tags_row), "Canvasser, Tiếng Việt ,, canvasser");
    g_signal_emit_by_name (tags_row, "apply");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (tags_row)), ==, "Canvasser, Tiếng Việt");

    filter.tag = "Tiếng Việt";
    coalition_people_model_set_filter (model, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
    {
      g_autoptr(CoalitionPerson) only = g_list_model_get_item (G_LIST_MODEL (model), 0);
      g_assert_cmpint (coalition_person_get_id (only), ==, coalition_person_get_id (tagged));
    }
    g_assert_nonnull (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_LABEL, "1 of 300 people"));
  }

  close_window (&shown);
}

/* The key controller a widget was given, to press keys on it. */
static GtkEventController *
key_controller_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }

  return NULL;
}

static GtkWidget *
find_row_prefix (GtkWidget  *root,
                 GType       type,
                 const char *suffix)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), suffix))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_prefix (child, type, suffix);
      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *title;
} RowWait;

static gboolean
row_exists (gpointer data)
{
  RowWait *wait = data;

  return find_row (wait->root, wait->type, wait->title) != NULL;
}

/* A label under @root whose text holds @part, or NULL. */
static GtkWidget *
find_label_containing (GtkWidget  *root,
                       const char *part)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), part) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, part);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_exists (gpointer data)
{
  RowWait *wait = data;

  return find_widget (wait->root, GTK_TYPE_LABEL, wait->title) != NULL;
}

static void
test_window_meetings (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  CoalitionMeetingsPage *page;
  CoalitionStore *store;
  AdwMessageDialog *dialog;
  GtkWidget *row, *minutes_row;
  GtkEventController *keys;
  Shown shown = { 0 };
  gboolean handled = FALSE;
  gint64 id;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("meetings-ui.db", 0);
  show_window (&shown, path);
  store = coalition_window_get_store (shown.window);
  /* The page is built when first shown, complete. */
  g_assert_null (find_widget (GTK_WIDGET (shown.window), COALITION_TYPE_MEETINGS_PAGE, NULL));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_STACK, NULL)),
                                         "meetings");
  page = COALITION_MEETINGS_PAGE (find_widget (GTK_WIDGET (shown.window), COALITION_TYPE_MEETINGS_PAGE, NULL));
  g_assert_nonnull (page);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "No Meetings Yet"));

  /* + on the Meetings page plans a meeting with the standard agenda. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.new-person", NULL));
  id = coalition_meetings_page_get_meeting_id (page);
  g_assert_cmpint (id, >, 0);
  agenda = coalition_store_list_agenda (store, id, NULL);
  g_assert_cmpuint (agenda->len, ==, 6);
  /* Each item shows when it starts: 18:00, then ten minutes later. */
  g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "18:00  Welcome and introductions"));
  g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "18:10  Review of action items"));

  /* On a desktop set to the 12-hour clock the times follow it, at once. */
  {
    g_autoptr(GSettings) interface = g_settings_new ("org.gnome.desktop.interface");

    g_settings_set_string (interface, "clock-format", "12h");
    for (guint i = 0; i < 100 && find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW,
                                           "6:10 PM  Review of action items") == NULL; i++)
      spin (20);
    g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "6:00 PM  Welcome and introductions"));
    g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "6:10 PM  Review of action items"));
    g_settings_set_string (interface, "clock-format", "24h");
    for (guint i = 0; i < 100 && find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW,
                                           "18:10  Review of action items") == NULL; i++)
      spin (20);
    g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "18:10  Review of action items"));
  }

  /* The month view marks the meeting's day, and choosing it opens it. */
  {
    GtkCalendar *calendar = GTK_CALENDAR (find_widget (GTK_WIDGET (page), GTK_TYPE_CALENDAR, NULL));
    g_autoptr(CoalitionMeeting) planned = coalition_store_get_meeting (store, id, NULL);
    GDateTime *start = coalition_meeting_get_start (planned);

    g_assert_nonnull (calendar);
    gtk_calendar_select_day (calendar, start);
    g_assert_true (gtk_calendar_get_day_is_marked (calendar, g_date_time_get_day_of_month (start)));
    g_assert_false (gtk_calendar_get_day_is_marked (calendar, g_date_time_get_day_of_month (start) == 1 ? 2 : 1));
  }

  /* Alt+↑ on the second item makes it the first. */
  row = find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "18:10  Review of action items");
  keys = key_controller_of (row);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Up, 0, GDK_ALT_MASK, &handled);
  g_assert_true (handled);
  spin (50);
  g_clear_pointer (&agenda, g_ptr_array_unref);
  agenda = coalition_store_list_agenda (store, id, NULL);
  g_assert_cmpstr (coalition_agenda_item_get_title (agenda->pdata[0]), ==, "Review of action items");
  g_assert_cmpstr (coalition_agenda_item_get_title (agenda->pdata[1]), ==, "Welcome and introductions");
  {
    RowWait wait = { GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "18:00  Review of action items" };

    wait_until (row_exists, &wait, "the agenda shown in its new order");
  }

  /* Dragged onto the first item, the last one takes its place. */
  {
    GtkWidget *first = find_row (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "18:00  Review of action items");
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (first);
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    g_value_init (&value, G_TYPE_UINT);
    g_value_set_uint (&value, 5);
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
      }
    g_assert_true (dropped);
    spin (50);
    g_clear_pointer (&agenda, g_ptr_array_unref);
    agenda = coalition_store_list_agenda (store, id, NULL);
    g_assert_cmpstr (coalition_agenda_item_get_title (agenda->pdata[0]), ==, "Next steps and the next meeting’s date");
    g_assert_cmpstr (coalition_agenda_item_get_title (agenda->pdata[1]), ==, "Review of action items");
  }

  /* The timer: started and stopped on an item, its minutes are recorded. */
  {
    GtkWidget *start = find_with_tooltip (GTK_WIDGET (page), "Time “Review of action items” Now");
    GtkWidget *stop;

    g_assert_nonnull (start);
    g_signal_emit_by_name (start, "clicked");
    spin (50);
    g_assert_nonnull (find_row_prefix (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "Review of action items"));
    /* Its row shows a running clock against the ten planned minutes. */
    {
      GtkWidget *timed = find_row_prefix (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "Review of action items");
      RowWait second = { timed, GTK_TYPE_LABEL, "0:01 of 10 min" };
      GtkWidget *clock;

      g_assert_nonnull (find_widget (timed, GTK_TYPE_LABEL, "0:00 of 10 min"));
      wait_until (label_exists, &second, "the item's clock to count a second");
      clock = find_widget (timed, GTK_TYPE_LABEL, "0:01 of 10 min");
      g_assert_false (gtk_widget_has_css_class (clock, "warning"));
    }
    stop = find_with_tooltip (GTK_WIDGET (page), "Stop Timing “Review of action items”");
    g_assert_nonnull (stop);
    g_signal_emit_by_name (stop, "clicked");
    spin (50);
    g_clear_pointer (&agenda, g_ptr_array_unref);
    agenda = coalition_store_list_agenda (store, id, NULL);
    g_assert_cmpint (coalition_agenda_item_get_actual_minutes (agenda->pdata[1]), ==, 0);
    /* Stopped, the clock is gone. */
    g_assert_null (find_label_containing (GTK_WIDGET (page), " of 10 min"));
  }

  /* An item timed past its planned minutes: the clock is marked. */
  {
    GtkWidget *item_row = find_row_prefix (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "  Welcome and introductions");
    GtkWidget *planned = find_row (item_row, ADW_TYPE_ENTRY_ROW, "Planned Minutes");
    RowWait over = { NULL, GTK_TYPE_LABEL, "0:01 of 0 min" };
    GtkWidget *clock;

    gtk_editable_set_text (GTK_EDITABLE (planned), "0");
    g_signal_emit_by_name (planned, "apply");
    spin (50);
    g_signal_emit_by_name (find_with_tooltip (GTK_WIDGET (page), "Time “Welcome and introductions” Now"), "clicked");
    spin (50);
    over.root = GTK_WIDGET (page);
    wait_until (label_exists, &over, "the clock of an item with no minutes planned");
    clock = find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "0:01 of 0 min");
    g_assert_true (gtk_widget_has_css_class (clock, "warning"));
    g_signal_emit_by_name (find_with_tooltip (GTK_WIDGET (page), "Stop Timing “Welcome and introductions”"), "clicked");
    spin (50);
    gtk_editable_set_text (GTK_EDITABLE (find_row (find_row_prefix (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW,
                                                                      "  Welcome and introductions"),
                                                   ADW_TYPE_ENTRY_ROW, "Planned Minutes")), "10");
    g_signal_emit_by_name (find_row (find_row_prefix (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "  Welcome and introductions"),
                                     ADW_TYPE_ENTRY_ROW, "Planned Minutes"), "apply");
    spin (50);
  }

  /* A longer discussion runs past the end, and the agenda says so. */
  row = find_row_prefix (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "  Discussion");
  minutes_row = find_row (row, ADW_TYPE_ENTRY_ROW, "Planned Minutes");
  gtk_editable_set_text (GTK_EDITABLE (minutes_row), "50");
  g_signal_emit_by_name (minutes_row, "apply");
  spin (50);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (
                              gtk_widget_get_ancestor (find_row_prefix (GTK_WIDGET (page), ADW_TYPE_EXPANDER_ROW, "  Discussion"),
                                                       ADW_TYPE_PREFERENCES_GROUP))),
                            "20 minutes past the end"));

  /* Quick attendance adds a walk-in. */
  row = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Who Came? Type a Name, Press Enter");
  gtk_editable_set_text (GTK_EDITABLE (row), "Nguyễn Thị Lan");
  g_signal_emit_by_name (row, "apply");
  spin (50);
  attendance = coalition_store_list_attendance (store, id, NULL);
  g_assert_cmpuint (attendance->len, ==, 1);
  g_assert_true (((CoalitionAttendee *)attendance->pdata[0])->walk_in);
  g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Nguyễn Thị Lan"));

  /* A decision by vote, recorded with its tally under the Decisions item. */
  {
    g_autoptr(GPtrArray) decisions = NULL;
    AdwComboRow *method = ADW_COMBO_ROW (find_row (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "How It Was Decided"));

    adw_combo_row_set_selected (method, COALITION_DECISION_METHOD_VOTE);
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Votes For")), "14");
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Votes Against")), "2");
    gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Abstaining")), "1");
    row = find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Record a Decision");
    gtk_editable_set_text (GTK_EDITABLE (row), "Endorse the rent stabilization ordinance");
    g_signal_emit_by_name (row, "apply");
    spin (50);
    decisions = coalition_store_list_decisions (store, id, NULL);
    g_assert_cmpuint (decisions->len, ==, 1);
    g_assert_cmpint (((CoalitionDecision *)decisions->pdata[0])->method, ==, COALITION_DECISION_METHOD_VOTE);
    g_assert_cmpuint (((CoalitionDecision *)decisions->pdata[0])->votes_for, ==, 14);
    g_assert_cmpuint (((CoalitionDecision *)decisions->pdata[0])->votes_abstain, ==, 1);
    g_assert_cmpint (((CoalitionDecision *)decisions->pdata[0])->item_id, >, 0);
    g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Endorse the rent stabilization ordinance"));
  }

  /* Taken off the list again. */
  g_signal_emit_by_name (find_with_tooltip (GTK_WIDGET (page), "Take Nguyễn Thị Lan Off the List"), "clicked");
  spin (50);
  g_clear_pointer (&attendance, g_ptr_array_unref);
  attendance = coalition_store_list_attendance (store, id, NULL);
  g_assert_cmpuint (attendance->len, ==, 0);

  /* Start From → the standard meeting adds its six items after the rest. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.use-template", "s", ""));
  spin (50);
  g_clear_pointer (&agenda, g_ptr_array_unref);
  agenda = coalition_store_list_agenda (store, id, NULL);
  g_assert_cmpuint (agenda->len, ==, 12);
  g_assert_cmpstr (coalition_agenda_item_get_title (agenda->pdata[6]), ==, "Welcome and introductions");

  /* Marking it held asks for the next date and plans that meeting. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Mark as _Held…"), "clicked");
  wait_until (message_shown, NULL, "the question of the next date");
  dialog = find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "When Is the Next Meeting?");
  adw_message_dialog_response (dialog, "plan");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin (100);
  meetings = coalition_store_list_meetings (store, NULL);
  g_assert_cmpuint (meetings->len, ==, 2);
  g_assert_cmpint (coalition_meeting_get_status (meetings->pdata[0]), ==, COALITION_MEETING_STATUS_HELD);
  g_assert_cmpint (coalition_meeting_get_status (meetings->pdata[1]), ==, COALITION_MEETING_STATUS_PLANNED);
  g_assert_cmpint (g_date_time_difference (coalition_meeting_get_start (meetings->pdata[1]),
                                           coalition_meeting_get_start (meetings->pdata[0])) / G_TIME_SPAN_DAY, ==, 28);

  /* Add to Calendar saves the meeting as iCalendar. */
  {
    g_autofree char *ics_path = g_build_filename (g_get_user_data_dir (), "meeting.ics", NULL);
    g_autoptr(GFile) ics = g_file_new_for_path (ics_path);
    g_autofree char *contents = NULL;
    g_autofree char *uid_line = g_strdup_printf ("UID:%s\r\n", coalition_meeting_get_uid (meetings->pdata[1]));

    g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (shown.window)));
    g_assert_true (coalition_window_export_ics (shown.window, coalition_meeting_get_id (meetings->pdata[1]), ics));
    g_assert_true (g_file_get_contents (ics_path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, uid_line));
    g_assert_nonnull (strstr (contents, "BEGIN:VALARM"));
    g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Add to _Calendar…"));
  }

  /* Print… asks which document, then prints through GtkPrintOperation;
   * exported to PDF, the agenda reads back with poppler. */
  {
    g_autofree char *pdf_path = g_build_filename (g_get_user_data_dir (), "agenda.pdf", NULL);
    g_autofree char *setup_path = g_build_filename (g_get_user_config_dir (), "coalition", "page-setup.ini", NULL);
    g_autofree char *text = NULL;
    const char *argv[] = { "pdftotext", "-raw", pdf_path, "-", NULL };
    gint64 held_id = coalition_meeting_get_id (meetings->pdata[0]);
    g_autoptr(GPtrArray) held_agenda = coalition_store_list_agenda (store, held_id, NULL);
    int status = -1;

    g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "_Print…"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.print", NULL));
    wait_until (message_shown, NULL, "the choice of document");
    dialog = find_message_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Print");
    g_assert_true (adw_message_dialog_has_response (dialog, "pdf"));
    g_assert_true (adw_message_dialog_has_response (dialog, "print"));
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    spin (50);

    g_assert_true (coalition_window_print_meeting (shown.window, held_id, COALITION_DOCUMENT_AGENDA, pdf_path));
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &text, NULL, &status, NULL));
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (text, coalition_meeting_get_title (meetings->pdata[0])));
    g_assert_cmpuint (held_agenda->len, ==, 12);
    for (guint i = 0; i < held_agenda->len; i++)
      g_assert_nonnull (strstr (text, coalition_agenda_item_get_title (held_agenda->pdata[i])));
    g_assert_nonnull (strstr (text, "Page 1 of "));
    /* The paper is remembered for the next time. */
    g_assert_true (g_file_test (setup_path, G_FILE_TEST_EXISTS));
  }

  close_window (&shown);
}

/* The canvas alone, in a window smaller than its map at 100 %: what it
 * draws is read back from its snapshot. */
static cairo_surface_t *
draw_canvas (GtkWidget *canvas)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (canvas),
                                                       gtk_widget_get_height (canvas));
  cairo_t *cr = cairo_create (image);

  GTK_WIDGET_GET_CLASS (canvas)->snapshot (canvas, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);
  return image;
}

static gboolean
drawn_in (cairo_surface_t *image,
          double           x,
          double           y,
          guint32          colour)
{
  const unsigned char *data = cairo_image_surface_get_data (image);
  guint32 pixel = *(const guint32 *)(data + (int)y * cairo_image_surface_get_stride (image) + (int)x * 4);

  return ABS ((int)((pixel >> 16) & 0xff) - (int)(colour >> 16)) <= 4
         && ABS ((int)((pixel >> 8) & 0xff) - (int)((colour >> 8) & 0xff)) <= 4
         && ABS ((int)(pixel & 0xff) - (int)(colour & 0xff)) <= 4;
}

static const guint32 role_colours[] = {
  [COALITION_MAP_ROLE_OTHER] = 0x999997, [COALITION_MAP_ROLE_MEMBER] = 0x26a369,
  [COALITION_MAP_ROLE_ALLY] = 0x3685e3, [COALITION_MAP_ROLE_TARGET] = 0xe01c24,
};

/* Every node inside the view is drawn, in its role's colour, where the
 * canvas says it is; returns how many were seen. Unless @must, returns 0
 * when one is not. */
static guint
nodes_drawn (CoalitionMapCanvas *canvas,
             gboolean            must)
{
  CoalitionMapScene *scene = coalition_map_canvas_get_scene (canvas);
  cairo_surface_t *image = draw_canvas (GTK_WIDGET (canvas));
  double zoom = coalition_map_canvas_get_zoom (canvas);
  double radius = coalition_map_scene_get_node_radius (scene) * zoom;
  guint seen = 0;

  for (guint i = 0; i < coalition_map_scene_get_n_nodes (scene); i++)
    {
      const CoalitionMapNode *node = coalition_map_scene_get_node (scene, i);
      double x, y, wx, wy;

      coalition_map_scene_get_node_position (scene, node->id, &x, &y);
      coalition_map_canvas_map_to_widget (canvas, x, y, &wx, &wy);
      if (wx < 20 || wy < 20 || wx > gtk_widget_get_width (GTK_WIDGET (canvas)) - 20
          || wy > gtk_widget_get_height (GTK_WIDGET (canvas)) - 20)
        continue;
      /* A target's centre is its white ring: its colour is around it, when
       * large enough to sample. */
      if (node->role == COALITION_MAP_ROLE_TARGET && radius < 6)
        continue;
      if (!drawn_in (image, wx + (node->role == COALITION_MAP_ROLE_TARGET ? radius * 0.72 : 0), wy,
                     role_colours[node->role]))
        {
          if (must)
            g_error ("%s is not drawn at (%.0f, %.0f) of the canvas", node->name, wx, wy);
          seen = 0;
          break;
        }
      seen++;
    }
  cairo_surface_destroy (image);
  return seen;
}

static guint
check_nodes_drawn (CoalitionMapCanvas *canvas)
{
  return nodes_drawn (canvas, TRUE);
}

/* Sharp again after a zoom: the picture drawn in the background is shown. */
static gboolean
all_nodes_drawn (gpointer data)
{
  if (nodes_drawn (data, FALSE) > 0)
    return TRUE;
  spin (20);
  return FALSE;
}

typedef struct
{
  CoalitionMapCanvas *canvas;
  gint64              node_id;
  double              wx, wy;
} NodeAt;

/* The dragged node's place of origin no longer shows it. */
static gboolean
origin_cleared (gpointer data)
{
  NodeAt *at = data;
  cairo_surface_t *image = draw_canvas (GTK_WIDGET (at->canvas));
  gboolean cleared = !drawn_in (image, at->wx, at->wy, role_colours[COALITION_MAP_ROLE_ALLY]);

  cairo_surface_destroy (image);
  if (!cleared)
    spin (20);
  return cleared;
}

static void
node_moved_cb (CoalitionMapCanvas *canvas,
               gint64              node_id,
               int                 stance,
               int                 influence,
               int                *moved)
{
  moved[0] = (int)node_id;
  moved[1] = stance;
  moved[2] = influence;
}

/* A pan far past the picture, a zoom, and a drag: every node is still drawn
 * where hit-testing finds it, and the drag reports the move. */
static void
test_window_map_canvas (void)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_node_free);
  g_autoptr(GPtrArray) edges = g_ptr_array_new_with_free_func ((GDestroyNotify)coalition_map_edge_free);
  GtkWidget *window;
  CoalitionMapCanvas *canvas;
  CoalitionMapScene *scene;
  NodeAt origin;
  int moved[3] = { 0 };
  cairo_rectangle_t cell;
  double x, y, wx, wy, to_x, to_y;
  guint seen;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  for (guint i = 0; i < 120; i++)
    {
      CoalitionMapNode *node = g_new0 (CoalitionMapNode, 1);

      node->id = i + 1;
      node->person_id = i + 1;
      node->name = g_strdup_printf ("Person %u", i + 1);
      node->detail = g_strdup ("");
      node->changed_on = g_strdup ("2025-01-01");
      node->role = i == 0 ? COALITION_MAP_ROLE_ALLY : (CoalitionMapRole)(i % 4);
      node->stance = i == 0 ? -1 : (int)(i % 5) - 2;
      node->influence = i == 0 ? 2 : (int)(i / 5 % 5);
      g_ptr_array_add (nodes, node);
    }
  for (guint i = 0; i < 200; i++)
    {
      CoalitionMapEdge *edge = coalition_map_edge_new (i % 120 + 1, (i * 37 + 11) % 120 + 1, COALITION_RELATIONSHIP_KNOWS);

      edge->id = i + 1;
      edge->strength = i % 3 + 1;
      edge->directed = i % 2;
      g_ptr_array_add (edges, edge);
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 360);
  canvas = COALITION_MAP_CANVAS (coalition_map_canvas_new ());
  g_signal_connect (canvas, "node-moved", G_CALLBACK (node_moved_cb), moved);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  coalition_map_canvas_set_scene (canvas, coalition_map_scene_new (nodes, edges));
  scene = coalition_map_canvas_get_scene (canvas);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (canvas)) || gtk_widget_get_width (GTK_WIDGET (canvas)) < 100)
    g_main_context_iteration (NULL, TRUE);
  spin (50);
  g_assert_cmpuint (check_nodes_drawn (canvas), >, 0);

  /* At 100 %, panned right and down a step at a time, twice the window's
   * width and more: the view leaves the first picture and the next ones. */
  coalition_map_canvas_set_zoom (canvas, 1.0, 0, 0);
  coalition_map_canvas_pan (canvas, -10000, -10000);
  coalition_map_canvas_pan (canvas, 400, 300);
  wait_until (all_nodes_drawn, canvas, "the map drawn sharp at 100 %");
  seen = 0;
  for (guint step = 0; step < 40; step++)
    {
      coalition_map_canvas_pan (canvas, 30, 12);
      spin (20);
      if (step % 10 == 9)
        seen += check_nodes_drawn (canvas);
    }
  spin (300);
  seen += check_nodes_drawn (canvas);
  g_assert_cmpuint (seen, >, 0);

  /* Zoomed out by steps, then at rest: drawn sharp at the new zoom. */
  for (guint step = 0; step < 5; step++)
    {
      coalition_map_canvas_set_zoom (canvas, coalition_map_canvas_get_zoom (canvas) / 1.1, 240, 180);
      spin (20);
    }
  wait_until (all_nodes_drawn, canvas, "the map drawn sharp after a zoom");

  /* Dragged into the next cell to the right and up: drawn under the pointer
   * all the way, gone from where it was, then reported moved. */
  coalition_map_canvas_fit (canvas);
  spin (50);
  g_assert_true (coalition_map_scene_get_node_position (scene, 1, &x, &y));
  coalition_map_canvas_map_to_widget (canvas, x, y, &wx, &wy);
  g_assert_cmpint (coalition_map_scene_hit (scene, x, y), ==, 1);
  coalition_map_scene_get_cell_rect (scene, 0, 3, &cell);
  coalition_map_canvas_map_to_widget (canvas, cell.x + cell.width / 2, cell.y + cell.height / 2, &to_x, &to_y);
  coalition_map_canvas_drag_begin (canvas, wx, wy);
  g_assert_cmpint (coalition_map_canvas_get_selected (canvas), ==, 1);
  for (int step = 1; step <= 10; step++)
    {
      double dx = (to_x - wx) * step / 10, dy = (to_y - wy) * step / 10;
      cairo_surface_t *image;

      coalition_map_canvas_drag_update (canvas, dx, dy);
      spin (20);
      image = draw_canvas (GTK_WIDGET (canvas));
      if (!drawn_in (image, wx + dx, wy + dy, role_colours[COALITION_MAP_ROLE_ALLY]))
        g_error ("the dragged node is not drawn under the pointer at step %d", step);
      cairo_surface_destroy (image);
    }
  origin = (NodeAt) { canvas, 1, wx, wy };
  wait_until (origin_cleared, &origin, "the dragged node gone from where it was");
  coalition_map_canvas_drag_end (canvas, to_x - wx, to_y - wy);
  g_assert_cmpint (moved[0], ==, 1);
  g_assert_cmpint (moved[1], ==, 0);
  g_assert_cmpint (moved[2], ==, 3);
  spin (50);
  check_nodes_drawn (canvas);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

static gboolean
map_shown (gpointer data)
{
  CoalitionMapCanvas *canvas = data;
  CoalitionMapScene *scene = coalition_map_canvas_get_scene (canvas);

  return scene != NULL && coalition_map_scene_get_n_nodes (scene) == 3 && gtk_widget_get_width (GTK_WIDGET (canvas)) > 100;
}

static int
stance_of (CoalitionStore *store,
           gint64          map_id,
           gint64          node_id,
           const char     *as_of)
{
  g_autoptr(GPtrArray) nodes = coalition_store_list_map_nodes (store, map_id, as_of, NULL);

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    if (((CoalitionMapNode *)nodes->pdata[i])->id == node_id)
      return ((CoalitionMapNode *)nodes->pdata[i])->stance;
  return 99;
}

/* The stance chart under @page tells of three changes, on screen. */
static gboolean
stance_chart_has_three_lines (gpointer page)
{
  GtkWidget *chart = find_named (page, "stance-chart");
  const char *story = chart ? gtk_widget_get_tooltip_text (chart) : NULL;
  guint lines = 1;

  for (const char *p = story; p && *p; p++)
    lines += *p == '\n';
  /* Shown, and laid out (a slow machine maps it a frame before). */
  return story != NULL && lines == 3 && gtk_widget_get_mapped (chart) && gtk_widget_get_height (chart) > 0;
}

static void
test_window_power_map (void)
{
  g_autofree char *path = make_database ("map-ui.db", 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) placed_day = g_date_time_add_days (now, -300);
  g_autoptr(GDateTime) as_of_day = g_date_time_add_days (now, -200);
  g_autofree char *placed = g_date_time_format (placed_day, "%Y-%m-%d");
  g_autofree char *as_of = g_date_time_format (as_of_day, "%Y-%m-%d");
  g_autoptr(GPtrArray) history = NULL;
  const char *names[][3] = { { "Zoë", "Brontë", "" }, { "Łukasz", "Wiśniewski", "" }, { "Văn An", "Nguyễn", "Mayor" } };
  const CoalitionStatus statuses[] = { COALITION_STATUS_MEMBER, COALITION_STATUS_ALLY, COALITION_STATUS_TARGET };
  const int cells[][2] = { { 2, 1 }, { 1, 2 }, { -1, 4 } };
  gint64 node_ids[3];
  CoalitionMapPage *page;
  CoalitionMapCanvas *canvas;
  CoalitionStore *store;
  cairo_rectangle_t cell;
  GtkEventController *keys;
  Shown shown = { 0 };
  gboolean handled = FALSE;
  double x, y, wx, wy, to_x, to_y;
  gint64 map_id;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_window (&shown, path);
  store = coalition_window_get_store (shown.window);
  g_assert_null (find_widget (GTK_WIDGET (shown.window), COALITION_TYPE_MAP_PAGE, NULL));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_STACK, NULL)),
                                         "map");
  page = COALITION_MAP_PAGE (find_widget (GTK_WIDGET (shown.window), COALITION_TYPE_MAP_PAGE, NULL));
  g_assert_nonnull (page);
  canvas = coalition_map_page_get_canvas (page);
  /* A new coalition has no map yet, and says how to start one. */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "No Power Maps Yet"));

  /* A map with a member, an ally and the mayor, placed 300 days ago. */
  map_id = coalition_store_create_map (store, "Rent Stabilization Ordinance", "City Council passes it by June", NULL);
  g_assert_cmpint (map_id, >, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_person_new ();

      coalition_person_set_given_name (person, names[i][0]);
      coalition_person_set_family_name (person, names[i][1]);
      coalition_person_set_title (person, names[i][2]);
      coalition_person_set_status (person, statuses[i]);
      g_assert_true (coalition_store_insert_person (store, person, NULL));
      node_ids[i] = coalition_store_add_map_node (store, map_id, coalition_person_get_id (person), 0, cells[i][0],
                                                  cells[i][1], placed, NULL);
      g_assert_cmpint (node_ids[i], >, 0);
    }
  {
    g_autoptr(CoalitionMapEdge) knows = coalition_map_edge_new (node_ids[0], node_ids[1], COALITION_RELATIONSHIP_KNOWS);
    g_autoptr(CoalitionMapEdge) advises = coalition_map_edge_new (node_ids[1], node_ids[2], COALITION_RELATIONSHIP_ADVISES);

    g_assert_true (coalition_store_add_map_edge (store, knows, NULL));
    g_assert_true (coalition_store_add_map_edge (store, advises, NULL));
  }
  coalition_map_page_show_map (page, map_id);
  wait_until (map_shown, canvas, "the map on the canvas");
  g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "Rent Stabilization Ordinance"));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, "City Council passes it by June"));

  /* Dragging the mayor with the pointer to "leaning with us" moves her
   * there, in the store and in her history. */
  g_assert_true (coalition_map_scene_get_node_position (coalition_map_canvas_get_scene (canvas), node_ids[2], &x, &y));
  coalition_map_canvas_map_to_widget (canvas, x, y, &wx, &wy);
  coalition_map_scene_get_cell_rect (coalition_map_canvas_get_scene (canvas), 1, 4, &cell);
  coalition_map_canvas_map_to_widget (canvas, cell.x + cell.width / 2, cell.y + cell.height / 2, &to_x, &to_y);
  coalition_map_canvas_drag_begin (canvas, wx, wy);
  g_assert_cmpint (coalition_map_canvas_get_selected (canvas), ==, node_ids[2]);
  for (int step = 1; step <= 10; step++)
    {
      coalition_map_canvas_drag_update (canvas, (to_x - wx) * step / 10, (to_y - wy) * step / 10);
      spin (10);
    }
  coalition_map_canvas_drag_end (canvas, to_x - wx, to_y - wy);
  spin (100);
  g_assert_cmpint (stance_of (store, map_id, node_ids[2], NULL), ==, 1);
  history = coalition_store_list_map_history (store, node_ids[2], NULL);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((CoalitionMapChange *)history->pdata[0])->date, ==, placed);
  g_assert_cmpint (((CoalitionMapChange *)history->pdata[1])->stance, ==, 1);
  wait_until (map_shown, canvas, "the map drawn again");
  g_assert_cmpint (coalition_map_scene_find_node (coalition_map_canvas_get_scene (canvas), node_ids[2])->stance, ==, 1);

  /* The details say who can reach her: Zoë, through Łukasz. */
  g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Zoë Brontë → Łukasz Wiśniewski → Văn An Nguyễn"));
  /* The relationship opens for editing: made strong, with a note. */
  {
    GtkWidget *row = find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Advised by: Łukasz Wiśniewski");
    g_autoptr(GPtrArray) edges = NULL;
    AdwMessageDialog *dialog;
    CoalitionMapEdge *edge = NULL;

    g_assert_nonnull (row);
    g_signal_emit_by_name (row, "activated");
    wait_until (message_shown, NULL, "the relationship to edit");
    dialog = find_message_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Edit Relationship");
    adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (adw_message_dialog_get_extra_child (dialog),
                                                          ADW_TYPE_COMBO_ROW, "Strength")), 2);
    gtk_editable_set_text (GTK_EDITABLE (find_row (adw_message_dialog_get_extra_child (dialog), ADW_TYPE_ENTRY_ROW,
                                                   "Note")), "Former campaign manager");
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    spin (100);
    edges = coalition_store_list_map_edges (store, map_id, NULL);
    for (guint i = 0; i < edges->len; i++)
      if (((CoalitionMapEdge *)edges->pdata[i])->to_node == node_ids[2])
        edge = edges->pdata[i];
    g_assert_nonnull (edge);
    g_assert_cmpint (edge->strength, ==, 3);
    g_assert_cmpstr (edge->note, ==, "Former campaign manager");
    g_assert_cmpint (edge->kind, ==, COALITION_RELATIONSHIP_ADVISES);
  }

  /* The keyboard: ← moves her one step back towards against. */
  keys = key_controller_of (GTK_WIDGET (canvas));
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 0, 0, &handled);
  g_assert_true (handled);
  spin (100);
  g_assert_cmpint (stance_of (store, map_id, node_ids[2], NULL), ==, 0);
  g_clear_pointer (&history, g_ptr_array_unref);
  history = coalition_store_list_map_history (store, node_ids[2], NULL);
  g_assert_cmpuint (history->len, ==, 3);

  /* How she moved, drawn: the chart of her stance over time, with its
   * story in words as its tooltip and description. */
  {
    g_autofree char *today_text = NULL;
    g_autofree char *expected = NULL;
    GtkWidget *chart;

    wait_until (stance_chart_has_three_lines, page, "the chart of her stance with three changes");
    chart = find_named (GTK_WIDGET (page), "stance-chart");
    g_assert_true (gtk_widget_get_mapped (chart));
    g_assert_cmpint (gtk_widget_get_height (chart), >=, 100);
    today_text = g_date_time_format (now, "%-d %B %Y");
    expected = g_strdup_printf ("Leaning with us since %s\nNeutral or unknown since %s", today_text, today_text);
    g_assert_true (g_str_has_suffix (gtk_widget_get_tooltip_text (chart), expected));
    g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (chart),
                                     coalition_stance_get_label (cells[2][0])));
  }

  /* Tab goes from node to node as they are read, row by row, and leaves
   * the map after the last one; Enter opens the chosen one's details. */
  {
    guint n_stops = 0;

    coalition_map_canvas_select (canvas, 0);
    for (;;)
      {
        handled = FALSE;
        g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
        if (!handled)
          break;
        n_stops++;
        g_assert_cmpuint (n_stops, <=, 3);
      }
    g_assert_cmpuint (n_stops, ==, 3);
    /* The mayor decides: she is the first one read. */
    coalition_map_canvas_select (canvas, 0);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Tab, 0, 0, &handled);
    g_assert_cmpint (coalition_map_canvas_get_selected (canvas), ==, node_ids[2]);
    g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
    g_assert_true (handled);
    spin (50);
    g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (find_widget (GTK_WIDGET (page), ADW_TYPE_FLAP, NULL))));
  }

  /* As of 200 days ago the map shows her where she stood then. */
  coalition_map_page_set_as_of (page, as_of);
  g_assert_cmpint (coalition_map_scene_find_node (coalition_map_canvas_get_scene (canvas), node_ids[2])->stance, ==, -1);
  {
    g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_time_get_year (as_of_day), g_date_time_get_month (as_of_day),
                                                       g_date_time_get_day_of_month (as_of_day), 12, 0, 0);
    g_autofree char *day = g_date_time_format (noon, "%-d %B %Y");
    g_autofree char *banner = g_strdup_printf ("The map as it stood on %s", day);
    GtkWidget *label = find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, banner);

    g_assert_nonnull (label);
    g_assert_true (gtk_widget_is_visible (label));
  }
  coalition_map_page_set_as_of (page, NULL);
  g_assert_cmpint (coalition_map_scene_find_node (coalition_map_canvas_get_scene (canvas), node_ids[2])->stance, ==, 0);

  /* The table holds the same three, for sorting and for screen readers. */
  {
    GtkColumnView *table = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));

    g_assert_nonnull (table);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 3);
  }

  /* Taken off the map, and put back by Undo with the history of her moves
   * and the relationship with its note. */
  {
    g_autoptr(GPtrArray) edges = NULL;
    GtkWidget *undo;
    gboolean advised = FALSE;

    coalition_map_canvas_select (canvas, node_ids[2]);
    spin (50);
    g_signal_emit_by_name (find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, "Take _Off the Map"), "clicked");
    spin (100);
    g_assert_cmpuint (coalition_map_scene_get_n_nodes (coalition_map_canvas_get_scene (canvas)), ==, 2);
    g_assert_cmpint (stance_of (store, map_id, node_ids[2], NULL), ==, 99);
    undo = undo_button (shown.window);
    g_assert_nonnull (undo);
    g_signal_emit_by_name (undo, "clicked");
    wait_until (map_shown, canvas, "the mayor back on the map");
    g_assert_cmpint (stance_of (store, map_id, node_ids[2], NULL), ==, 0);
    g_assert_cmpint (coalition_map_canvas_get_selected (canvas), ==, node_ids[2]);
    g_clear_pointer (&history, g_ptr_array_unref);
    history = coalition_store_list_map_history (store, node_ids[2], NULL);
    g_assert_cmpuint (history->len, ==, 3);
    edges = coalition_store_list_map_edges (store, map_id, NULL);
    for (guint i = 0; i < edges->len; i++)
      {
        const CoalitionMapEdge *edge = edges->pdata[i];

        if (edge->to_node == node_ids[2] && g_strcmp0 (edge->note, "Former campaign manager") == 0)
          advised = TRUE;
      }
    g_assert_true (advised);
  }

  close_window (&shown);
}

static AdwPreferencesGroup *
find_group (GtkWidget  *root,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root)
      && g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return ADW_PREFERENCES_GROUP (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *found = find_group (child, title);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The big number on the card captioned @caption. */
static const char *
glance_number (GtkWidget  *page,
               const char *caption)
{
  GtkWidget *label = find_widget (page, GTK_TYPE_LABEL, caption);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_prev_sibling (label)));
}

typedef struct
{
  GtkWidget  *page;
  const char *caption;
  const char *number;
} GlanceWait;

static gboolean
glance_is (gpointer data)
{
  GlanceWait *wait = data;

  return g_strcmp0 (glance_number (wait->page, wait->caption), wait->number) == 0;
}

static gboolean
is_mapped_label (gpointer data)
{
  RowWait *wait = data;
  GtkWidget *label = find_widget (wait->root, GTK_TYPE_LABEL, wait->title);

  return label != NULL && gtk_widget_get_mapped (label);
}

static gint64
add_member (CoalitionStore *store,
            const char     *name,
            const char     *email)
{
  g_autoptr(CoalitionOrganization) organization = coalition_organization_new (name);
  g_autoptr(CoalitionPerson) person = coalition_person_new ();
  g_autofree char *given = g_strdup_printf ("Rep of %s", name);

  coalition_organization_set_status (organization, COALITION_STATUS_MEMBER);
  g_assert_true (coalition_store_insert_organization (store, organization, NULL));
  coalition_person_set_given_name (person, given);
  coalition_person_set_family_name (person, "Representative");
  coalition_person_set_organization_id (person, coalition_organization_get_id (organization));
  coalition_person_add_email (person, "work", email, TRUE);
  g_assert_true (coalition_store_insert_person (store, person, NULL));
  return coalition_organization_get_id (organization);
}

/* The titles of the preference groups under @root, in the order shown. */
static void
collect_group_titles (GtkWidget *root,
                      GPtrArray *titles)
{
  if (ADW_IS_PREFERENCES_GROUP (root))
    g_ptr_array_add (titles, (gpointer)adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)));
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect_group_titles (child, titles);
}

static guint
index_of_title (GPtrArray  *titles,
                const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (titles->pdata[i], title) == 0)
      return i;
  g_error ("no group “%s” in the Action Items view", title);
}

/* The Action Items view: a group for each owner, those nobody owns first,
 * each saying how many are open and overdue; overdue items marked. */
static void
test_window_action_items_by_owner (void)
{
  g_autofree char *path = make_database ("actions-ui.db", 0);
  g_autoptr(GTimeZone) chicago = coalition_zone_new ("America/Chicago");
  g_autoptr(GDateTime) now = g_date_time_new_now (chicago);
  g_autoptr(GDateTime) past = g_date_time_add_days (now, -10);
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 10);
  g_autoptr(GDateTime) meeting_end = g_date_time_add_hours (past, 2);
  g_autofree char *overdue_day = g_date_time_format (past, "%Y-%m-%d");
  g_autofree char *due_day = g_date_time_format (later, "%Y-%m-%d");
  g_autoptr(CoalitionMeeting) meeting = coalition_meeting_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  const char *names[][2] = { { "Zoë", "Brontë" }, { "Ana", "Kowalska" } };
  const struct
  {
    const char *title;
    int         owner;   /* index into names, or -1 */
    const char *due;
  } items[] = {
    { "Book the hall for the tenant assembly", 0, overdue_day },
    { "Draft the sign-on letter", 0, due_day },
    { "Call the clinic about the hearing", 1, due_day },
    { "Print the flyers in Vietnamese", -1, "" },
  };
  gint64 owner_ids[G_N_ELEMENTS (names)];
  CoalitionStore *store;
  GtkWidget *page, *zoe_group, *overdue;
  Shown shown = { 0 };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_window (&shown, path);
  store = coalition_window_get_store (shown.window);
  coalition_meeting_set_title (meeting, "Tenant Outreach Working Group");
  coalition_meeting_set_start (meeting, past);
  coalition_meeting_set_end (meeting, meeting_end);
  coalition_meeting_set_zone (meeting, "America/Chicago");
  g_assert_true (coalition_store_insert_meeting (store, meeting, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CoalitionPerson) person = coalition_person_new ();

      coalition_person_set_given_name (person, names[i][0]);
      coalition_person_set_family_name (person, names[i][1]);
      g_assert_true (coalition_store_insert_person (store, person, NULL));
      owner_ids[i] = coalition_person_get_id (person);
    }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(CoalitionActionItem) action = coalition_action_item_new ();

      coalition_action_item_set_meeting_id (action, coalition_meeting_get_id (meeting));
      coalition_action_item_set_title (action, items[i].title);
      if (items[i].owner >= 0)
        coalition_action_item_set_owner_id (action, owner_ids[items[i].owner]);
      coalition_action_item_set_due (action, items[i].due);
      g_assert_true (coalition_store_add_action (store, action, NULL));
    }

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_STACK, NULL)),
                                         "meetings");
  page = find_widget (GTK_WIDGET (shown.window), COALITION_TYPE_MEETINGS_PAGE, NULL);
  g_assert_nonnull (page);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_widget (page, GTK_TYPE_TOGGLE_BUTTON, "_Action Items")), TRUE);
  spin (100);

  collect_group_titles (page, titles);
  g_assert_cmpuint (index_of_title (titles, "No One Assigned"), <, index_of_title (titles, "Ana Kowalska"));
  g_assert_cmpuint (index_of_title (titles, "Ana Kowalska"), <, index_of_title (titles, "Zoë Brontë"));

  zoe_group = GTK_WIDGET (find_group (page, "Zoë Brontë"));
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (zoe_group)), ==, "2 open items · 1 overdue");
  g_assert_cmpstr (adw_preferences_group_get_description (find_group (page, "Ana Kowalska")), ==, "1 open item");
  /* Within a group, by due date: the overdue one first, and marked. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_widget (zoe_group, ADW_TYPE_ACTION_ROW, NULL))),
                   ==, "Book the hall for the tenant assembly");
  overdue = find_widget (zoe_group, GTK_TYPE_LABEL, "Overdue");
  g_assert_nonnull (overdue);
  g_assert_true (gtk_widget_is_ancestor (overdue, find_row (zoe_group, ADW_TYPE_ACTION_ROW,
                                                            "Book the hall for the tenant assembly")));
  g_assert_null (find_widget (GTK_WIDGET (find_group (page, "Ana Kowalska")), GTK_TYPE_LABEL, "Overdue"));

  close_window (&shown);
}

static void
test_window_campaigns (void)
{
  g_autofree char *path = make_database ("campaigns-ui.db", 0);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "letter.pdf", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday_day = g_date_time_add_days (now, -1);
  g_autofree char *yesterday = g_date_time_format (yesterday_day, "%Y-%m-%d");
  g_autoptr(CoalitionBenchmark) benchmark = NULL;
  g_autoptr(CoalitionLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  CoalitionCampaignsPage *page;
  CoalitionStore *store;
  Shown shown = { 0 };
  gint64 campaign_id, goal_id, tenants, clinic, zoe;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  show_window (&shown, path);
  store = coalition_window_get_store (shown.window);
  g_assert_null (find_widget (GTK_WIDGET (shown.window), COALITION_TYPE_CAMPAIGNS_PAGE, NULL));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_STACK,
                                                                      NULL)), "campaigns");
  page = COALITION_CAMPAIGNS_PAGE (find_widget (GTK_WIDGET (shown.window), COALITION_TYPE_CAMPAIGNS_PAGE, NULL));
  g_assert_nonnull (page);

  /* A new coalition has no campaign yet, and says what one is. */
  {
    RowWait wait = { GTK_WIDGET (page), 0, "No Campaigns Yet" };

    wait_until (is_mapped_label, &wait, "the empty state");
  }

  /* A campaign with a goal whose benchmark was due yesterday and is not
   * met: missed, and counted overdue at a glance. */
  tenants = add_member (store, "Łódź Street Tenants’ Union", "tenants@example.org");
  clinic = add_member (store, "Clínica del Pueblo", "clinic@example.org");
  {
    g_autoptr(CoalitionPerson) person = coalition_person_new ();

    coalition_person_set_given_name (person, "Zoë");
    coalition_person_set_family_name (person, "Brontë");
    g_assert_true (coalition_store_insert_person (store, person, NULL));
    zoe = coalition_person_get_id (person);
  }
  campaign_id = coalition_store_create_campaign (store, "Keep Riverside Housed",
                                                 "Pass rent stabilization\nEnd no-fault evictions", &error);
  g_assert_no_error (error);
  goal_id = coalition_store_add_goal (store, campaign_id, "The Council passes the ordinance",
                                      COALITION_GOAL_SHORT_TERM, &error);
  g_assert_no_error (error);
  benchmark = coalition_benchmark_new ("Meet all seven council members", yesterday);
  benchmark->status = COALITION_BENCHMARK_ON_TRACK;
  g_assert_true (coalition_store_add_benchmark (store, goal_id, benchmark, &error));
  {
    GlanceWait wait = { GTK_WIDGET (page), "Overdue", "1" };

    wait_until (glance_is, &wait, "one benchmark overdue at a glance");
  }
  g_assert_cmpint (coalition_campaigns_page_get_campaign_id (page), ==, campaign_id);
  g_assert_cmpstr (glance_number (GTK_WIDGET (page), "Benchmarks Met"), ==, "0 of 1");
  g_assert_cmpstr (glance_number (GTK_WIDGET (page), "Due Soon"), ==, "0");
  {
    GtkWidget *row = find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Meet all seven council members");

    /* Its goal is open, for a missed benchmark needs attention. */
    g_assert_nonnull (row);
    spin (100);
    g_assert_true (gtk_widget_get_mapped (row));
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Overdue since "));
    g_assert_nonnull (find_widget (row, GTK_TYPE_LABEL, "Missed"));
  }
  g_assert_nonnull (find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "Second Core Objective"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW,
                                                                  "Second Core Objective"))),
                   ==, "End no-fault evictions");

  /* A power map linked to the campaign opens on the Power Map page. */
  {
    gint64 map_id = coalition_store_create_map (store, "Rent Stabilization Ordinance", "", &error);
    RowWait wait = { GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Rent Stabilization Ordinance" };
    CoalitionMapPage *map_page;
    AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_STACK, NULL));
    g_autoptr(CoalitionCampaign) campaign = NULL;

    g_assert_no_error (error);
    g_assert_null (find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, wait.title));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "campaign.link-map", "x", map_id));
    wait_until (row_exists, &wait, "the map linked");
    campaign = coalition_store_get_campaign (store, campaign_id, NULL);
    g_assert_cmpuint (campaign->map_ids->len, ==, 1);
    g_signal_emit_by_name (find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, wait.title), "activated");
    g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "map");
    map_page = COALITION_MAP_PAGE (find_widget (GTK_WIDGET (shown.window), COALITION_TYPE_MAP_PAGE, NULL));
    g_assert_nonnull (map_page);
    g_assert_cmpint (coalition_map_page_get_map_id (map_page), ==, map_id);
    adw_view_stack_set_visible_child_name (stack, "campaigns");
  }

  /* A win recorded through the dialog, credited to a member organization
   * from the checklist and to a person found by name. */
  coalition_campaigns_page_record_win (page);
  wait_until (message_shown, NULL, "the win to record");
  {
    AdwMessageDialog *dialog = find_message_dialog ();
    GtkWidget *form = adw_message_dialog_get_extra_child (dialog);
    GtkWidget *search = find_widget (form, GTK_TYPE_SEARCH_ENTRY, NULL);
    GtkWidget *row = find_row (form, ADW_TYPE_ACTION_ROW, "Łódź Street Tenants’ Union");
    g_autoptr(GPtrArray) wins = NULL;
    CoalitionWin *win;
    RowWait wait = { form, ADW_TYPE_ACTION_ROW, "Zoë Brontë" };

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Record a Win");
    g_assert_nonnull (row);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
    gtk_editable_set_text (GTK_EDITABLE (search), "Brontë");
    wait_until (row_exists, &wait, "Zoë among the contributors to choose");
    gtk_check_button_set_active (GTK_CHECK_BUTTON (find_widget (find_row (form, ADW_TYPE_ACTION_ROW, "Zoë Brontë"),
                                                                GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
    gtk_editable_set_text (GTK_EDITABLE (find_row (form, ADW_TYPE_ENTRY_ROW, "What Changed")),
                           "Two council members co-sponsor the ordinance");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));

    wait.root = GTK_WIDGET (page);
    wait.title = "Two council members co-sponsor the ordinance";
    wait_until (row_exists, &wait, "the win listed");
    row = find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, wait.title);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                              "With Łódź Street Tenants’ Union, Zoë Brontë"));
    wins = coalition_store_list_wins (store, campaign_id, NULL, NULL, NULL);
    g_assert_cmpuint (wins->len, ==, 1);
    win = wins->pdata[0];
    g_assert_cmpuint (win->organization_ids->len, ==, 1);
    g_assert_cmpint (g_array_index (win->organization_ids, gint64, 0), ==, tenants);
    g_assert_cmpuint (win->person_ids->len, ==, 1);
    g_assert_cmpint (g_array_index (win->person_ids, gint64, 0), ==, zoe);
    g_assert_cmpstr (glance_number (GTK_WIDGET (page), "Wins"), ==, "1");
  }

  /* A letter signed by the tenants' union: the ask lists the clinic, and
   * not the union. */
  letter = coalition_letter_new ("Letter to the City Council");
  letter->campaign_id = campaign_id;
  g_free (letter->body);
  letter->body = g_strdup ("We ask the Council to pass the ordinance before the summer recess.");
  g_assert_true (coalition_store_add_letter (store, letter, &error));
  g_assert_cmpint (coalition_store_add_signatory (store, letter->id, tenants, 0, "Rev. Ama Mensah, Pastor", NULL,
                                                  &error), >, 0);
  g_assert_no_error (error);
  coalition_campaigns_page_show_letter (page, letter->id);
  {
    AdwPreferencesGroup *ask = find_group (GTK_WIDGET (page), "The Ask");
    AdwPreferencesGroup *signatories = find_group (GTK_WIDGET (page), "Signatories");
    GtkWidget *row;

    g_assert_nonnull (ask);
    wait_until (is_mapped, ask, "the letter shown");
    g_assert_cmpint (coalition_campaigns_page_get_letter_id (page), ==, letter->id);
    row = find_row (GTK_WIDGET (ask), ADW_TYPE_ACTION_ROW, "Clínica del Pueblo");
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "clinic@example.org"));
    g_assert_null (find_row (GTK_WIDGET (ask), ADW_TYPE_ACTION_ROW, "Łódź Street Tenants’ Union"));
    g_assert_nonnull (find_row (GTK_WIDGET (signatories), ADW_TYPE_ACTION_ROW, "Łódź Street Tenants’ Union"));
    g_assert_null (find_row (GTK_WIDGET (signatories), ADW_TYPE_ACTION_ROW, "Clínica del Pueblo"));
    g_assert_cmpint (clinic, >, 0);
  }
  /* Copying the ask's addresses copies the clinic's, not the union's. */
  {
    GdkContentProvider *content;
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "campaign.copy-ask", NULL));
    content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (page)));
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_cmpstr (g_value_get_string (&value), ==, "clinic@example.org");
  }

  /* The letter as PDF names its signatory and who signed for it. */
  g_assert_true (coalition_campaigns_page_export_letter (page, letter->id, pdf, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = NULL;
    g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *joined = NULL;
    int status = 0;

    g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *)"pdftotext", pdf, (char *)"-", NULL }, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status,
                                 &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
    joined = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);
    g_assert_nonnull (strstr (joined, "Łódź Street Tenants’ Union"));
    g_assert_nonnull (strstr (joined, "Rev. Ama Mensah"));
    g_assert_null (strstr (joined, "Clínica del Pueblo"));
  }

  /* The month's update, as an e-mail and on paper, tells of the win. */
  {
    g_autofree char *html_path = g_build_filename (g_get_user_data_dir (), "update.html", NULL);
    g_autofree char *pdf_path = g_build_filename (g_get_user_data_dir (), "update.pdf", NULL);
    g_autofree char *html = NULL;
    g_autofree char *text = NULL;
    int status = 0;

    g_assert_true (coalition_campaigns_page_write_update (page, g_date_time_get_year (now),
                                                          g_date_time_get_month (now), html_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (html_path, &html, NULL, NULL));
    g_assert_nonnull (strstr (html, "Two council members co-sponsor the ordinance"));
    g_assert_true (coalition_campaigns_page_write_update (page, g_date_time_get_year (now),
                                                          g_date_time_get_month (now), pdf_path, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *)"pdftotext", pdf_path, (char *)"-", NULL }, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status,
                                 &error));
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (text, "Two council members"));
  }

  /* Deleting the campaign asks nothing and offers Undo, which brings it
   * back with its goal, benchmark, win and the credit for it. */
  {
    g_autoptr(GPtrArray) campaigns = NULL;
    g_autoptr(GPtrArray) wins = NULL;
    GlanceWait wait = { GTK_WIDGET (page), "Benchmarks Met", "0 of 1" };
    GtkWidget *undo;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "campaign.delete", NULL));
    spin (100);
    g_assert_null (find_message_dialog ());
    campaigns = coalition_store_list_campaigns (store, NULL);
    g_assert_cmpuint (campaigns->len, ==, 0);
    /* After the message still on screen, if any. */
    undo = undo_button (shown.window);
    g_signal_emit_by_name (undo, "clicked");
    spin (100);
    g_clear_pointer (&campaigns, g_ptr_array_unref);
    campaigns = coalition_store_list_campaigns (store, NULL);
    g_assert_cmpuint (campaigns->len, ==, 1);
    wins = coalition_store_list_wins (store, campaign_id, NULL, NULL, NULL);
    g_assert_cmpuint (wins->len, ==, 1);
    g_assert_cmpuint (((CoalitionWin *)wins->pdata[0])->organization_ids->len, ==, 1);
    g_assert_cmpuint (((CoalitionWin *)wins->pdata[0])->person_ids->len, ==, 1);
    coalition_campaigns_page_show_campaign (page, campaign_id);
    wait_until (glance_is, &wait, "the campaign shown again with its benchmark");
  }

  close_window (&shown);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *wait = data;
  return g_list_model_get_n_items (wait->model) == wait->n_items;
}

/* coalition-cli adds a person while the window has the file open; the
 * window's Reload shows them, and both can go on writing. */
static void
test_window_other_process (void)
{
  g_autofree char *path = NULL;
  g_autofree char *csv = g_build_filename (g_get_user_data_dir (), "walk-in.csv", NULL);
  g_autoptr(CoalitionPerson) own = coalition_person_new ();
  g_autoptr(GError) error = NULL;
  Shown shown = { 0 };
  CountWait wait;
  GListModel *model;
  const char *cli = g_getenv ("COALITION_CLI");
  int status = 0;

  if (!have_display || cli == NULL)
    {
      g_test_skip (!have_display ? "no display" : "COALITION_CLI names coalition-cli (meson test sets it)");
      return;
    }

  path = make_database ("other-process.db", 40);
  show_window (&shown, path);
  model = G_LIST_MODEL (coalition_members_page_get_model (shown.page));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 40);

  g_assert_true (g_file_set_contents (csv, "Name,E-mail\nKwabena Otieno-Sánchez,kwabena@example.org\n", -1, NULL));
  {
    const char *argv[] = { cli, "--database", path, "import-members", csv, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                 &status, &error));
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.reload", NULL));
  wait = (CountWait) { model, 41 };
  wait_until (count_is, &wait, "the list to show the person added by coalition-cli");

  /* Found by name, and on screen. */
  type_search (&shown, "kwabena");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  {
    g_autoptr(CoalitionPerson) found = g_list_model_get_item (model, 0);

    g_assert_cmpstr (coalition_person_get_display_name (found), ==, "Kwabena Otieno-Sánchez");
  }
  spin (100);
  g_assert_nonnull (find_widget (GTK_WIDGET (shown.page), GTK_TYPE_LABEL, "Kwabena Otieno-Sánchez"));
  type_search (&shown, "");

  /* The other process left no lock behind: the window writes as before. */
  coalition_person_set_given_name (own, "Zoë");
  coalition_person_set_family_name (own, "Brontë");
  g_assert_true (coalition_store_insert_person (coalition_window_get_store (shown.window), own, &error));
  g_assert_no_error (error);
  wait = (CountWait) { model, 42 };
  wait_until (count_is, &wait, "the list to show the window's own new person");

  close_window (&shown);
}

/* Every page fits a window 360 pixels wide (a phone, a tiled half of a
 * small screen), with a meeting, a map and a campaign open: each page asks
 * for no more, nor does the window's content besides its header bar, whose
 * window buttons depend on the desktop (GNOME shows Close alone). */
static void
test_window_narrow (void)
{
  const char *pages[] = { "members", "map", "meetings", "campaigns" };
  g_autofree char *path = NULL;
  Shown shown = { 0 };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  path = make_database ("narrow.db", 60);
  show_window (&shown, path);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *stack;
      int min = 0;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (shown.window), "win.show-page", "s", pages[i]));
      spin (100);
      stack = find_widget (GTK_WIDGET (shown.window), ADW_TYPE_VIEW_STACK, NULL);
      g_assert_nonnull (stack);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, pages[i]);
      gtk_widget_measure (adw_view_stack_get_visible_child (ADW_VIEW_STACK (stack)), GTK_ORIENTATION_HORIZONTAL, -1,
                          &min, NULL, NULL, NULL);
      if (min > 360)
        g_error ("the %s page needs %d pixels across, more than 360", pages[i], min);
      gtk_widget_measure (stack, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      g_assert_cmpint (min, <=, 360);
    }
  close_window (&shown);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *system_data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  /* Isolation hides the system's MIME database too, and without it icons
   * cannot be loaded; the user's own directories stay isolated. */
  g_setenv ("XDG_DATA_DIRS", system_data_dirs ? system_data_dirs : "/usr/local/share:/usr/share", TRUE);

  /* gtk_test_init () aborts without a display; skip instead. */
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/window/members", test_window_members);
  g_test_add_func ("/window/large-directory", test_window_large_directory);
  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/bad-file", test_window_bad_file);
  g_test_add_func ("/window/preferences", test_window_preferences);
  g_test_add_func ("/window/import-export", test_window_import_export);
  g_test_add_func ("/window/edit-delete-undo", test_window_edit_delete_undo);
  g_test_add_func ("/window/organizations", test_window_organizations);
  g_test_add_func ("/window/groups", test_window_groups);
  g_test_add_func ("/window/prospects", test_window_prospects);
  g_test_add_func ("/window/locked-file", test_window_locked_file);
  g_test_add_func ("/window/meetings", test_window_meetings);
  g_test_add_func ("/window/action-items-by-owner", test_window_action_items_by_owner);
  g_test_add_func ("/window/power-map", test_window_power_map);
  g_test_add_func ("/window/map-canvas", test_window_map_canvas);
  g_test_add_func ("/window/campaigns", test_window_campaigns);
  g_test_add_func ("/window/other-process", test_window_other_process);
  g_test_add_func ("/window/narrow", test_window_narrow);

  return g_test_run ();
}
