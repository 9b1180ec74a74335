/* coalition-people-model.c — the directory's people as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model holds the ordered ids of the people it shows (8 bytes each, so a
 * directory of 100 000 people costs under a megabyte) and reads the people
 * themselves a page at a time, keeping a bounded number of pages. When the
 * store announces a single change, the model reads the ids again and reports
 * exactly where the person left and arrived, so a view keeps its scroll
 * position and selection.
 *
 * A model made with coalition_people_model_new_first () starts with only
 * the first rows, read through the name index, so that a window can show
 * its first page before the whole directory's order is read (and before
 * GTK 4.8 has made its record for every row); coalition_people_model_complete ()
 * then adds everyone else at the end.
 */
#include "config.h"

#include <string.h>

#include "coalition-people-model.h"
#include "coalition-person-private.h"

#define PAGE_SIZE 32
#define MAX_PAGES 128

struct _CoalitionPeopleModel
{
  GObject         parent_instance;

  CoalitionStore *store;
  char           *query;
  int             status_filter;   /* a CoalitionStatus, or -1 for everyone */
  int             kind_filter;     /* a CoalitionOrganizationKind, or -1 */
  gint64          group_filter;    /* a group's id, or 0 */
  char           *tag_filter;      /* NULL for any */
  CoalitionSort   sort;
  GArray         *ids;
  gboolean        complete;        /* FALSE while ids holds only the first rows */
  guint           n_first;         /* how many rows a model made by _new_first () starts with */

  /* page number → GPtrArray of CoalitionPerson; lru holds the page numbers,
   * most recently used first */
  GHashTable     *pages;
  GQueue          lru;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CoalitionPeopleModel, coalition_people_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_STATUS_FILTER,
  PROP_N_ITEMS,
  PROP_COMPLETE,
  PROP_FIRST_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
drop_pages (CoalitionPeopleModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

/* Called before the items-changed that brings everyone, so that handlers
 * of that signal see a complete model; @was_complete is what it was. */
static gboolean
mark_complete (CoalitionPeopleModel *self)
{
  gboolean was_complete = self->complete;

  self->complete = TRUE;
  return was_complete;
}

static void
notify_complete (CoalitionPeopleModel *self,
                 gboolean              was_complete)
{
  if (!was_complete)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static GArray *
read_ids (CoalitionPeopleModel *self)
{
  g_autoptr(GError) error = NULL;
  CoalitionPeopleFilter filter = { self->status_filter, self->kind_filter, self->group_filter, self->tag_filter };
  GArray *ids = coalition_store_find_people_filtered (self->store, self->query, &filter, self->sort, &error);

  if (ids == NULL)
    {
      /* The view shows what it had; the next change or reload tries again. */
      g_message ("Could not read the directory: %s", error->message);
      return NULL;
    }

  return ids;
}

static void
emit_items_changed (CoalitionPeopleModel *self,
                    guint                 position,
                    guint                 removed,
                    guint                 added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Replaces everything: used for a new query or a change we cannot follow
 * row by row. */
static void
reset (CoalitionPeopleModel *self)
{
  g_autoptr(GArray) old_ids = NULL;
  GArray *ids = read_ids (self);
  guint old_len;
  gboolean was_complete;

  if (ids == NULL)
    return;

  old_ids = g_steal_pointer (&self->ids);
  self->ids = ids;
  drop_pages (self);

  old_len = old_ids->len;
  was_complete = mark_complete (self);
  if (old_len > 0 || ids->len > 0)
    emit_items_changed (self, 0, old_len, ids->len);
  notify_complete (self, was_complete);
}

static guint
find_in (GArray *ids,
         gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

/* TRUE when @a and @b are the same list once @id is taken out of both. */
static gboolean
same_without (GArray *a,
              guint   a_pos,
              GArray *b,
              guint   b_pos)
{
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      if (i == a_pos)
        {
          i++;
          continue;
        }
      if (j == b_pos)
        {
          j++;
          continue;
        }
      if (i >= a->len || j >= b->len ||
          g_array_index (a, gint64, i) != g_array_index (b, gint64, j))
        return FALSE;
      i++, j++;
    }

  return TRUE;
}

static void
person_touched (CoalitionPeopleModel *self,
                gint64                id)
{
  g_autoptr(GArray) old_ids = NULL;
  GArray *ids = read_ids (self);
  guint old_pos, new_pos;

  if (ids == NULL)
    return;

  old_ids = g_steal_pointer (&self->ids);
  self->ids = ids;
  drop_pages (self);

  if (!self->complete)
    {
      /* Only the first rows were there: everyone else arrives too. */
      mark_complete (self);
      emit_items_changed (self, 0, old_ids->len, ids->len);
      notify_complete (self, FALSE);
      return;
    }

  old_pos = find_in (old_ids, id);
  new_pos = find_in (ids, id);

  if (!same_without (old_ids, old_pos, ids, new_pos))
    {
      /* Something else changed too (another program wrote the file). */
      if (old_ids->len > 0 || ids->len > 0)
        emit_items_changed (self, 0, old_ids->len, ids->len);
      return;
    }

  if (old_pos != G_MAXUINT && old_pos == new_pos)
    {
      emit_items_changed (self, old_pos, 1, 1);
      return;
    }

  if (old_pos != G_MAXUINT)
    emit_items_changed (self, old_pos, 1, 0);
  if (new_pos != G_MAXUINT)
    emit_items_changed (self, new_pos, 0, 1);
}

static void
person_changed_cb (CoalitionPeopleModel *self,
                   gint64                id)
{
  person_touched (self, id);
}

static void
store_changed_cb (CoalitionPeopleModel *self)
{
  reset (self);
}

/* An organization's new name shows on all its people and may change who
 * matches the search. */
static void
organization_changed_cb (CoalitionPeopleModel *self,
                         gint64                id)
{
  reset (self);
}

static GPtrArray *
load_range (CoalitionPeopleModel *self,
            guint                 start,
            guint                 end)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *people = coalition_store_get_people (self->store, &g_array_index (self->ids, gint64, start),
                                                  end - start, &error);

  if (people == NULL)
    {
      g_message ("Could not read the directory: %s", error->message);
      people = g_ptr_array_new_full (end - start, g_object_unref);
      g_ptr_array_set_size (people, end - start);
    }

  for (guint i = 0; i < people->len; i++)
    if (people->pdata[i] == NULL)
      {
        /* Deleted by another program since the ids were read: show an
         * empty row until the next reload rather than shift the list. */
        CoalitionPerson *person = coalition_person_new ();

        coalition_person_set_id (person, g_array_index (self->ids, gint64, start + i));
        people->pdata[i] = person;
      }

  return people;
}

static GPtrArray *
load_page (CoalitionPeopleModel *self,
           guint                 page)
{
  guint start = page * PAGE_SIZE;

  return load_range (self, start, MIN (start + PAGE_SIZE, self->ids->len));
}

static GType
coalition_people_model_get_item_type (GListModel *model)
{
  return COALITION_TYPE_PERSON;
}

static guint
coalition_people_model_get_n_items (GListModel *model)
{
  CoalitionPeopleModel *self = COALITION_PEOPLE_MODEL (model);

  return self->ids->len;
}

static gpointer
coalition_people_model_get_item (GListModel *model,
                                 guint       position)
{
  CoalitionPeopleModel *self = COALITION_PEOPLE_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *people;

  if (position >= self->ids->len)
    return NULL;

  people = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (people == NULL)
    {
      people = load_page (self, page);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), people);
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));

      while (g_queue_get_length (&self->lru) > MAX_PAGES)
        g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
    }
  else if (g_queue_peek_head (&self->lru) != GUINT_TO_POINTER (page))
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
    }

  return g_object_ref (g_ptr_array_index (people, position - page * PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = coalition_people_model_get_item_type;
  iface->get_n_items = coalition_people_model_get_n_items;
  iface->get_item = coalition_people_model_get_item;
}

static void
coalition_people_model_constructed (GObject *object)
{
  CoalitionPeopleModel *self = (CoalitionPeopleModel *)object;
  GArray *ids;

  G_OBJECT_CLASS (coalition_people_model_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "person-added", G_CALLBACK (person_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "person-changed", G_CALLBACK (person_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "person-removed", G_CALLBACK (person_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "organization-changed", G_CALLBACK (organization_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "organization-removed", G_CALLBACK (organization_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  self->complete = self->n_first == 0;
  if (self->complete)
    ids = read_ids (self);
  else
    {
      g_autoptr(GError) error = NULL;

      /* One more than we keep tells whether there is more to read. */
      ids = coalition_store_find_people_first (self->store, self->sort, self->n_first + 1, &error);
      if (ids == NULL)
        g_message ("Could not read the directory: %s", error->message);
      else if (ids->len <= self->n_first)
        self->complete = TRUE;
      else
        g_array_set_size (ids, self->n_first);
    }
  if (ids != NULL)
    {
      g_array_unref (self->ids);
      self->ids = ids;
    }
}

static void
coalition_people_model_finalize (GObject *object)
{
  CoalitionPeopleModel *self = (CoalitionPeopleModel *)object;

  drop_pages (self);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->tag_filter, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (coalition_people_model_parent_class)->finalize (object);
}

static void
coalition_people_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  CoalitionPeopleModel *self = COALITION_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_STATUS_FILTER:
      g_value_set_int (value, self->status_filter);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    case PROP_FIRST_ROWS:
      g_value_set_uint (value, self->n_first);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coalition_people_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  CoalitionPeopleModel *self = COALITION_PEOPLE_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FIRST_ROWS:
      self->n_first = g_value_get_uint (value);
      break;
    case PROP_QUERY:
      coalition_people_model_set_query (self, g_value_get_string (value));
      break;
    case PROP_STATUS_FILTER:
      coalition_people_model_set_status_filter (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
coalition_people_model_class_init (CoalitionPeopleModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = coalition_people_model_constructed;
  object_class->finalize = coalition_people_model_finalize;
  object_class->get_property = coalition_people_model_get_property;
  object_class->set_property = coalition_people_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, COALITION_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_FILTER] =
    g_param_spec_int ("status-filter", NULL, NULL, -1, COALITION_STATUS_LAST, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* 0 reads everyone at once. */
  properties[PROP_FIRST_ROWS] =
    g_param_spec_uint ("first-rows", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
coalition_people_model_init (CoalitionPeopleModel *self)
{
  self->status_filter = -1;
  self->kind_filter = -1;
  self->complete = TRUE;
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->lru);
}

CoalitionPeopleModel *
coalition_people_model_new (CoalitionStore *store)
{
  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);

  return g_object_new (COALITION_TYPE_PEOPLE_MODEL, "store", store, NULL);
}

CoalitionPeopleModel *
coalition_people_model_new_first (CoalitionStore *store,
                                  guint           n_first)
{
  CoalitionPeopleModel *self;

  g_return_val_if_fail (COALITION_IS_STORE (store), NULL);
  g_return_val_if_fail (n_first > 0, NULL);

  self = g_object_new (COALITION_TYPE_PEOPLE_MODEL, "store", store, "first-rows", n_first, NULL);
  return self;
}

gboolean
coalition_people_model_is_complete (CoalitionPeopleModel *self)
{
  g_return_val_if_fail (COALITION_IS_PEOPLE_MODEL (self), TRUE);
  return self->complete;
}

void
coalition_people_model_complete (CoalitionPeopleModel *self)
{
  g_autoptr(GArray) ids = NULL;
  guint n_first;

  g_return_if_fail (COALITION_IS_PEOPLE_MODEL (self));

  if (self->complete)
    return;

  ids = read_ids (self);
  if (ids == NULL)
    return;

  /* Normally the first rows are still the first: the rest goes after
   * them, and a view keeps its rows, scroll position and selection. */
  n_first = self->ids->len;
  if (ids->len >= n_first &&
      memcmp (ids->data, self->ids->data, n_first * sizeof (gint64)) == 0)
    {
      GPtrArray *last_page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (n_first / PAGE_SIZE));

      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&ids);
      /* The page that ended with the first rows gets the rows after them. */
      if (last_page != NULL)
        {
          guint start = n_first / PAGE_SIZE * PAGE_SIZE + last_page->len;
          guint end = MIN (n_first / PAGE_SIZE * PAGE_SIZE + PAGE_SIZE, self->ids->len);

          if (start < end)
            g_ptr_array_extend_and_steal (last_page, load_range (self, start, end));
        }
      mark_complete (self);
      if (self->ids->len > n_first)
        emit_items_changed (self, n_first, 0, self->ids->len - n_first);
      notify_complete (self, FALSE);
      return;
    }

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  drop_pages (self);
  mark_complete (self);
  if (n_first > 0 || self->ids->len > 0)
    emit_items_changed (self, 0, n_first, self->ids->len);
  notify_complete (self, FALSE);
}

CoalitionStore *
coalition_people_model_get_store (CoalitionPeopleModel *self)
{
  g_return_val_if_fail (COALITION_IS_PEOPLE_MODEL (self), NULL);
  return self->store;
}

const char *
coalition_people_model_get_query (CoalitionPeopleModel *self)
{
  g_return_val_if_fail (COALITION_IS_PEOPLE_MODEL (self), NULL);
  return self->query;
}

void
coalition_people_model_set_query (CoalitionPeopleModel *self,
                                  const char           *query)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (COALITION_IS_PEOPLE_MODEL (self));

  if (query != NULL)
    stripped = g_strstrip (g_strdup (query));
  if (stripped != NULL && *stripped == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (stripped, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&stripped);

  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

CoalitionSort
coalition_people_model_get_sort (CoalitionPeopleModel *self)
{
  g_return_val_if_fail (COALITION_IS_PEOPLE_MODEL (self), COALITION_SORT_NAME);
  return self->sort;
}

void
coalition_people_model_set_sort (CoalitionPeopleModel *self,
                                 CoalitionSort         sort)
{
  g_return_if_fail (COALITION_IS_PEOPLE_MODEL (self));
  g_return_if_fail (sort <= COALITION_SORT_LAST);

  if (self->sort == sort)
    return;

  self->sort = sort;
  reset (self);
}

int
coalition_people_model_get_status_filter (CoalitionPeopleModel *self)
{
  g_return_val_if_fail (COALITION_IS_PEOPLE_MODEL (self), -1);
  return self->status_filter;
}

void
coalition_people_model_set_status_filter (CoalitionPeopleModel *self,
                                          int                   status)
{
  g_return_if_fail (COALITION_IS_PEOPLE_MODEL (self));
  g_return_if_fail (status >= -1 && status <= COALITION_STATUS_LAST);

  if (self->status_filter == status)
    return;

  self->status_filter = status;
  reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

void
coalition_people_model_reload (CoalitionPeopleModel *self)
{
  g_return_if_fail (COALITION_IS_PEOPLE_MODEL (self));
  reset (self);
}

guint
coalition_people_model_find (CoalitionPeopleModel *self,
                             gint64                id)
{
  g_return_val_if_fail (COALITION_IS_PEOPLE_MODEL (self), G_MAXUINT);

  /* A person further down is found once everyone is there. */
  if (!self->complete && find_in (self->ids, id) == G_MAXUINT)
    coalition_people_model_complete (self);
  return find_in (self->ids, id);
}

void
coalition_people_model_set_filter (CoalitionPeopleModel        *self,
                                   const CoalitionPeopleFilter *filter)
{
  const char *tag;

  g_return_if_fail (COALITION_IS_PEOPLE_MODEL (self));
  g_return_if_fail (filter != NULL);

  tag = filter->tag != NULL && *filter->tag != '\0' ? filter->tag : NULL;
  if (self->status_filter == filter->status && self->kind_filter == filter->organization_kind &&
      self->group_filter == filter->group_id && g_strcmp0 (self->tag_filter, tag) == 0)
    return;

  self->kind_filter = filter->organization_kind;
  self->group_filter = filter->group_id;
  g_free (self->tag_filter);
  self->tag_filter = g_strdup (tag);
  if (self->status_filter != filter->status)
    {
      /* Notifies and reads the ids again. */
      coalition_people_model_set_status_filter (self, filter->status);
      return;
    }
  reset (self);
}

gboolean
coalition_people_model_is_filtered (CoalitionPeopleModel *self)
{
  g_return_val_if_fail (COALITION_IS_PEOPLE_MODEL (self), FALSE);
  return self->status_filter >= 0 || self->kind_filter >= 0 || self->group_filter > 0 || self->tag_filter != NULL;
}
