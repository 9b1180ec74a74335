/* test-people-model.c — the lazy list of people that views show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libglib-testing/signal-logger.h>
#include <sqlite3.h>
#include <string.h>

#include "coalition-core.h"

typedef struct
{
  CoalitionStore       *store;
  CoalitionPeopleModel *model;
  GtSignalLogger       *logger;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "model.db", NULL);
  guint n_people = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;

  fixture->store = coalition_store_open (path, &error);
  g_assert_no_error (error);
  if (n_people > 0)
    {
      g_assert_true (coalition_demo_fill (fixture->store, n_people, 11, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  fixture->model = coalition_people_model_new (fixture->store);
  fixture->logger = gt_signal_logger_new ();
  gt_signal_logger_connect (fixture->logger, fixture->model, "items-changed");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gt_signal_logger_assert_no_emissions (fixture->logger);
  g_clear_pointer (&fixture->logger, gt_signal_logger_free);
  g_assert_finalize_object (fixture->model);
  g_assert_finalize_object (fixture->store);
}

static void
assert_items_changed (Fixture *fixture,
                      guint    expected_position,
                      guint    expected_removed,
                      guint    expected_added)
{
  guint position = 0, removed = 0, added = 0;

  gt_signal_logger_assert_emission_pop (fixture->logger, fixture->model, "items-changed",
                                        &position, &removed, &added);
  g_assert_cmpuint (position, ==, expected_position);
  g_assert_cmpuint (removed, ==, expected_removed);
  g_assert_cmpuint (added, ==, expected_added);
}

static CoalitionPerson *
item (Fixture *fixture,
      guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (fixture->model), position);
}

static void
test_counts_and_order (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(GArray) ids = coalition_store_find_people (fixture->store, NULL, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, coalition_store_count_people (fixture->store));
  g_assert_true (g_list_model_get_item_type (model) == COALITION_TYPE_PERSON);
  g_assert_null (g_list_model_get_item (model, 1000));

  /* Every row is the person the store puts at that place in the directory. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(CoalitionPerson) person = item (fixture, i);

      g_assert_cmpint (coalition_person_get_id (person), ==, g_array_index (ids, gint64, i));
      g_assert_cmpstr (coalition_person_get_display_name (person), !=, "");
      g_assert_cmpuint (coalition_people_model_find (fixture->model, coalition_person_get_id (person)), ==, i);
    }

  /* Ordered by family name, case and accents aside: Łukasz Dąbrowski comes
   * before Zoë Dubois, and both before Nowak. */
  {
    g_autoptr(CoalitionPerson) first = item (fixture, 0);
    g_autoptr(CoalitionPerson) last = item (fixture, 999);
    g_autofree char *a = g_utf8_casefold (coalition_person_get_family_name (first), -1);

    g_assert_cmpint (a[0], <=, 'b');
    g_assert_false (g_ascii_isalpha (coalition_person_get_family_name (last)[0]));
  }
}

/* Counts the people read from the database, by watching the statements
 * the store runs. */
static int
count_person_reads (unsigned  type,
                    void     *user_data,
                    void     *stmt,
                    void     *sql)
{
  guint *n_reads = user_data;

  if (strstr (sqlite3_sql (stmt), "FROM person p LEFT JOIN organization") != NULL)
    (*n_reads)++;

  return 0;
}

static void
test_loads_lazily (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CoalitionPerson) far = NULL;
  g_autoptr(CoalitionPerson) again = NULL;
  g_autoptr(CoalitionPeopleModel) fresh = NULL;
  guint n_reads = 0;

  sqlite3_trace_v2 (coalition_store_get_handle (fixture->store), SQLITE_TRACE_STMT,
                    count_person_reads, &n_reads);

  /* A thousand people in a new model, none of them read yet. */
  fresh = coalition_people_model_new (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fresh)), ==, 1000);
  g_assert_cmpuint (n_reads, ==, 0);
  g_clear_object (&fresh);

  /* Asking for one row reads its page only. */
  far = item (fixture, 900);
  g_assert_cmpuint (n_reads, >, 0);
  g_assert_cmpuint (n_reads, <=, 128);
  g_assert_cmpint (coalition_person_get_id (far), >, 0);

  /* The same row again comes from the page, not the database. */
  n_reads = 0;
  again = item (fixture, 900);
  g_assert_true (far == again);
  g_assert_cmpuint (n_reads, ==, 0);

  /* Reading every row reads each person once. */
  for (guint i = 0; i < 1000; i++)
    g_object_unref (item (fixture, i));
  g_assert_cmpuint (n_reads, <=, 1000);

  sqlite3_trace_v2 (coalition_store_get_handle (fixture->store), 0, NULL, NULL);
}

static CoalitionPerson *
new_person (const char *given,
            const char *family)
{
  CoalitionPerson *person = coalition_person_new ();

  coalition_person_set_given_name (person, given);
  coalition_person_set_family_name (person, family);
  return person;
}

static void
test_follows_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionPerson) aaron = new_person ("Aaron", "Aardvark");
  g_autoptr(CoalitionPerson) zed = new_person ("Zed", "Zzyzx");
  g_autoptr(CoalitionPerson) row = NULL;
  guint n, zed_position, aaron_position;

  /* An insertion arrives at its place: the very top, and the very end. */
  g_assert_true (coalition_store_insert_person (fixture->store, aaron, &error));
  g_assert_no_error (error);
  assert_items_changed (fixture, 0, 0, 1);
  g_assert_true (coalition_store_insert_person (fixture->store, zed, &error));
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, ==, 1002);
  /* Latin names come before Cyrillic, Greek, Hangul and Han ones. */
  zed_position = coalition_people_model_find (fixture->model, coalition_person_get_id (zed));
  g_assert_cmpuint (zed_position, >, 0);
  g_assert_cmpuint (zed_position, <, n - 1);
  assert_items_changed (fixture, zed_position, 0, 1);
  row = item (fixture, zed_position - 1);
  g_assert_cmpint (g_ascii_strcasecmp (coalition_person_get_family_name (row), "Zzyzx"), <=, 0);
  g_clear_object (&row);

  row = item (fixture, 0);
  g_assert_cmpstr (coalition_person_get_display_name (row), ==, "Aaron Aardvark");
  g_clear_object (&row);

  /* An edit that keeps the place is one changed row … */
  coalition_person_set_title (aaron, "Treasurer");
  g_assert_true (coalition_store_update_person (fixture->store, aaron, &error));
  assert_items_changed (fixture, 0, 1, 1);
  row = item (fixture, 0);
  g_assert_cmpstr (coalition_person_get_title (row), ==, "Treasurer");
  g_clear_object (&row);

  /* … a rename moves the row: out of its old place, into its new one. */
  coalition_person_set_family_name (aaron, "Zzzz");
  coalition_person_set_display_name (aaron, "");
  g_assert_true (coalition_store_update_person (fixture->store, aaron, &error));
  aaron_position = coalition_people_model_find (fixture->model, coalition_person_get_id (aaron));
  g_assert_cmpuint (aaron_position, ==, zed_position);
  assert_items_changed (fixture, 0, 1, 0);
  assert_items_changed (fixture, aaron_position, 0, 1);
  row = item (fixture, aaron_position);
  g_assert_cmpint (coalition_person_get_id (row), ==, coalition_person_get_id (aaron));
  g_clear_object (&row);

  /* A deletion leaves from where it was (Zed moved up when Aaron left the top). */
  g_assert_true (coalition_store_delete_person (fixture->store, coalition_person_get_id (zed), &error));
  g_assert_no_error (error);
  assert_items_changed (fixture, zed_position - 1, 1, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1001);

  /* A rollback tells the view nothing. */
  g_assert_true (coalition_store_begin (fixture->store, &error));
  g_assert_true (coalition_store_delete_person (fixture->store, coalition_person_get_id (aaron), &error));
  coalition_store_rollback (fixture->store);
  gt_signal_logger_assert_no_emissions (fixture->logger);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1001);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionPerson) outsider = new_person ("Bartholomew", "Quincey");
  g_autoptr(CoalitionPerson) olena = new_person ("Олена", "Ткачук-Zyx");
  guint n_found;

  coalition_people_model_set_query (fixture->model, "nguyen");
  n_found = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_found, >, 0);
  g_assert_cmpuint (n_found, <, 1000);
  assert_items_changed (fixture, 0, 1000, n_found);
  g_assert_cmpstr (coalition_people_model_get_query (fixture->model), ==, "nguyen");

  for (guint i = 0; i < n_found; i++)
    {
      g_autoptr(CoalitionPerson) person = item (fixture, i);
      g_assert_cmpstr (coalition_person_get_family_name (person), ==, "Nguyễn");
    }

  /* The same query again changes nothing. */
  coalition_people_model_set_query (fixture->model, "  nguyen ");
  gt_signal_logger_assert_no_emissions (fixture->logger);

  /* Someone who does not match is added without disturbing the results. */
  g_assert_true (coalition_store_insert_person (fixture->store, outsider, &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_no_emissions (fixture->logger);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_found);

  coalition_people_model_set_query (fixture->model, "zyx");
  assert_items_changed (fixture, 0, n_found, 0);
  g_assert_true (coalition_store_insert_person (fixture->store, olena, &error));
  assert_items_changed (fixture, 0, 0, 1);

  /* Clearing the search shows everyone again. */
  coalition_people_model_set_query (fixture->model, "");
  assert_items_changed (fixture, 0, 1, 1002);
  g_assert_null (coalition_people_model_get_query (fixture->model));
}

static void
test_status_filter (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  guint n_targets, n_target_nguyen;

  /* Only the decision makers. */
  coalition_people_model_set_status_filter (fixture->model, COALITION_STATUS_TARGET);
  n_targets = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_targets, >, 0);
  g_assert_cmpuint (n_targets, <, 1000);
  assert_items_changed (fixture, 0, 1000, n_targets);
  for (guint i = 0; i < n_targets; i++)
    {
      g_autoptr(CoalitionPerson) person = item (fixture, i);
      g_assert_cmpint (coalition_person_get_status (person), ==, COALITION_STATUS_TARGET);
    }

  /* A person whose status changes to the one shown arrives in the list. */
  {
    g_autoptr(CoalitionPerson) anyone = NULL;
    g_autoptr(GArray) all = coalition_store_find_people_with_status (fixture->store, NULL, COALITION_STATUS_MEMBER, NULL);
    guint position;

    anyone = coalition_store_get_person (fixture->store, g_array_index (all, gint64, 0), NULL);
    coalition_person_set_status (anyone, COALITION_STATUS_TARGET);
    g_assert_true (coalition_store_update_person (fixture->store, anyone, &error));
    g_assert_no_error (error);
    position = coalition_people_model_find (fixture->model, coalition_person_get_id (anyone));
    g_assert_cmpuint (position, <, n_targets + 1);
    assert_items_changed (fixture, position, 0, 1);
  }

  /* The filter and a search together. */
  coalition_people_model_set_query (fixture->model, "council");
  n_target_nguyen = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_target_nguyen, >, 0);
  g_assert_cmpuint (n_target_nguyen, <=, n_targets);
  assert_items_changed (fixture, 0, n_targets + 1, n_target_nguyen);

  /* Everyone again. */
  coalition_people_model_set_query (fixture->model, NULL);
  assert_items_changed (fixture, 0, n_target_nguyen, n_targets + 1);
  coalition_people_model_set_status_filter (fixture->model, -1);
  assert_items_changed (fixture, 0, n_targets + 1, 1000);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  GListModel *model = G_LIST_MODEL (fixture->model);
  g_autofree char *previous = NULL;
  gboolean seen_without = FALSE;
  guint n = g_list_model_get_n_items (model);

  /* By organization: grouped by it, A to Z, people without one last. */
  coalition_people_model_set_sort (fixture->model, COALITION_SORT_ORGANIZATION);
  assert_items_changed (fixture, 0, n, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CoalitionPerson) person = item (fixture, i);
      const char *organization = coalition_person_get_organization_name (person);

      if (organization == NULL)
        {
          seen_without = TRUE;
          continue;
        }
      g_assert_false (seen_without);
      if (previous != NULL)
        {
          g_autofree char *a = g_utf8_casefold (previous, -1);
          g_autofree char *b = g_utf8_casefold (organization, -1);
          g_assert_cmpint (g_utf8_collate (a, b), <=, 0);
        }
      g_free (previous);
      previous = g_strdup (organization);
    }
  g_assert_true (seen_without);

  /* Recently changed: an edit brings someone to the top. */
  coalition_people_model_set_sort (fixture->model, COALITION_SORT_RECENT);
  assert_items_changed (fixture, 0, n, n);
  {
    g_autoptr(CoalitionPerson) last = item (fixture, n - 1);
    g_autoptr(CoalitionPerson) first = NULL;
    g_autoptr(GError) error = NULL;

    g_usleep (1100 * 1000);   /* updated_at has one-second resolution */
    coalition_person_set_title (last, "Spokesperson");
    g_assert_true (coalition_store_update_person (fixture->store, last, &error));
    g_assert_no_error (error);
    assert_items_changed (fixture, n - 1, 1, 0);
    assert_items_changed (fixture, 0, 0, 1);
    first = item (fixture, 0);
    g_assert_cmpint (coalition_person_get_id (first), ==, coalition_person_get_id (last));
  }

  coalition_people_model_set_sort (fixture->model, COALITION_SORT_NAME);
  assert_items_changed (fixture, 0, n, n);
}

static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = g_strdup (coalition_store_get_path (fixture->store));
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionStore) other = coalition_store_open (path, &error);
  g_autoptr(CoalitionPerson) person = new_person ("Γιώργος", "Οικονόμου");

  /* Another program (here another connection) adds someone … */
  g_assert_no_error (error);
  g_assert_true (coalition_store_insert_person (other, person, &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_no_emissions (fixture->logger);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 1000);

  /* … and the window's refresh brings them in. */
  coalition_store_emit_changed (fixture->store);
  assert_items_changed (fixture, 0, 1000, 1001);
  g_assert_cmpuint (coalition_people_model_find (fixture->model, coalition_person_get_id (person)), <, 1001);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->model)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (fixture->model), 0));
  coalition_people_model_set_query (fixture->model, "anyone");
  gt_signal_logger_assert_no_emissions (fixture->logger);
}

/* Logs what a model made for a window's first page emits. */
static GtSignalLogger *
watch (CoalitionPeopleModel *model)
{
  GtSignalLogger *logger = gt_signal_logger_new ();

  gt_signal_logger_connect (logger, model, "items-changed");
  gt_signal_logger_connect (logger, model, "notify::complete");
  return logger;
}

static void
assert_model_changed (GtSignalLogger       *logger,
                      CoalitionPeopleModel *model,
                      guint                 expected_position,
                      guint                 expected_removed,
                      guint                 expected_added)
{
  guint position = 0, removed = 0, added = 0;

  gt_signal_logger_assert_emission_pop (logger, model, "items-changed", &position, &removed, &added);
  g_assert_cmpuint (position, ==, expected_position);
  g_assert_cmpuint (removed, ==, expected_removed);
  g_assert_cmpuint (added, ==, expected_added);
}

static void
assert_same_as_full (CoalitionPeopleModel *model,
                     Fixture              *fixture)
{
  GListModel *full = G_LIST_MODEL (fixture->model);
  guint n = g_list_model_get_n_items (full);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CoalitionPerson) a = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(CoalitionPerson) b = g_list_model_get_item (full, i);
      g_assert_cmpint (coalition_person_get_id (a), ==, coalition_person_get_id (b));
    }
}

static void
test_first_page (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CoalitionPeopleModel) model = coalition_people_model_new_first (fixture->store, 40);
  g_autoptr(GtSignalLogger) logger = watch (model);
  g_autoptr(CoalitionPerson) first = NULL;
  g_autoptr(CoalitionPerson) same = NULL;
  gboolean complete = TRUE;

  /* The first forty, as the whole directory begins. */
  g_assert_false (coalition_people_model_is_complete (model));
  g_object_get (model, "complete", &complete, NULL);
  g_assert_false (complete);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 40);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 40));
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(CoalitionPerson) a = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(CoalitionPerson) b = item (fixture, i);
      g_assert_cmpint (coalition_person_get_id (a), ==, coalition_person_get_id (b));
    }
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);

  /* Everyone else arrives after them, in one change; the rows a view
   * already shows stay as they were. */
  coalition_people_model_complete (model);
  assert_model_changed (logger, model, 40, 0, 960);
  gt_signal_logger_assert_notify_emission_pop (logger, model, "complete");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_true (coalition_people_model_is_complete (model));
  assert_same_as_full (model, fixture);
  same = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (same == first);

  /* Only once. */
  coalition_people_model_complete (model);
  gt_signal_logger_assert_no_emissions (logger);
}

/* Whatever needs everyone before the first page is drawn gets everyone. */
static void
test_first_page_completes (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CoalitionPeopleModel) small = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CoalitionPerson) aaron = new_person ("Aaron", "Aardvark");
  g_autoptr(GArray) ids = coalition_store_find_people (fixture->store, NULL, NULL);
  gint64 last_id = g_array_index (ids, gint64, ids->len - 1);

  /* A directory that fits in the first page is complete from the start. */
  small = coalition_people_model_new_first (fixture->store, 5000);
  g_assert_true (coalition_people_model_is_complete (small));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (small)), ==, 1000);
  g_clear_object (&small);

  /* Finding someone further down. */
  {
    g_autoptr(CoalitionPeopleModel) model = coalition_people_model_new_first (fixture->store, 40);
    g_autoptr(GtSignalLogger) logger = watch (model);

    g_assert_cmpuint (coalition_people_model_find (model, g_array_index (ids, gint64, 3)), ==, 3);
    gt_signal_logger_assert_no_emissions (logger);
    g_assert_cmpuint (coalition_people_model_find (model, last_id), ==, 999);
    assert_model_changed (logger, model, 40, 0, 960);
    gt_signal_logger_assert_notify_emission_pop (logger, model, "complete");
    assert_same_as_full (model, fixture);
  }

  /* A search. */
  {
    g_autoptr(CoalitionPeopleModel) model = coalition_people_model_new_first (fixture->store, 40);
    g_autoptr(GtSignalLogger) logger = watch (model);
    g_autoptr(GArray) found = coalition_store_find_people (fixture->store, "Łukasz", NULL);

    coalition_people_model_set_query (model, "Łukasz");
    assert_model_changed (logger, model, 0, 40, found->len);
    gt_signal_logger_assert_notify_emission_pop (logger, model, "complete");
    coalition_people_model_set_query (model, NULL);
    assert_model_changed (logger, model, 0, found->len, 1000);
    assert_same_as_full (model, fixture);
  }

  /* Another order. */
  {
    g_autoptr(CoalitionPeopleModel) model = coalition_people_model_new_first (fixture->store, 40);
    g_autoptr(GtSignalLogger) logger = watch (model);

    coalition_people_model_set_sort (model, COALITION_SORT_RECENT);
    assert_model_changed (logger, model, 0, 40, 1000);
    gt_signal_logger_assert_notify_emission_pop (logger, model, "complete");
  }

  /* Someone added before the rest was read: they and everyone else. */
  {
    g_autoptr(CoalitionPeopleModel) model = coalition_people_model_new_first (fixture->store, 40);
    g_autoptr(GtSignalLogger) logger = watch (model);

    g_assert_true (coalition_store_insert_person (fixture->store, aaron, &error));
    g_assert_no_error (error);
    assert_model_changed (logger, model, 0, 40, 1001);
    gt_signal_logger_assert_notify_emission_pop (logger, model, "complete");
    /* (the fixture's own model follows the new person) */
    assert_items_changed (fixture, 0, 0, 1);
    assert_same_as_full (model, fixture);
    gt_signal_logger_assert_no_emissions (logger);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, fn, n) \
  g_test_add (path, Fixture, GUINT_TO_POINTER (n), fixture_set_up, fn, fixture_tear_down)

  ADD ("/people-model/counts-and-order", test_counts_and_order, 1000);
  ADD ("/people-model/loads-lazily", test_loads_lazily, 1000);
  ADD ("/people-model/follows-edits", test_follows_edits, 1000);
  ADD ("/people-model/search", test_search, 1000);
  ADD ("/people-model/reload", test_reload, 1000);
  ADD ("/people-model/status-filter", test_status_filter, 1000);
  ADD ("/people-model/sort", test_sort, 1000);
  ADD ("/people-model/empty", test_empty, 0);
  ADD ("/people-model/first-page", test_first_page, 1000);
  ADD ("/people-model/first-page-completes", test_first_page_completes, 1000);

#undef ADD

  return g_test_run ();
}
