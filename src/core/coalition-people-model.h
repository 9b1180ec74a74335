/* coalition-people-model.h — the directory's people as a lazy GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "coalition-store.h"

G_BEGIN_DECLS

#define COALITION_TYPE_PEOPLE_MODEL (coalition_people_model_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionPeopleModel, coalition_people_model, COALITION, PEOPLE_MODEL, GObject)

/* A GListModel of CoalitionPerson in directory order. It keeps only the ids
 * of the matching people; the people themselves are read from the store a
 * page at a time when a view asks for them, and follow the store's changes
 * with exact items-changed positions. */
CoalitionPeopleModel *coalition_people_model_new        (CoalitionStore       *store);
/* Starts with only the first @n_first people of the whole directory in name
 * order (read through an index, without the whole order), so that a view can
 * show its first page at once; complete is FALSE while more are to come.
 * Everyone arrives with coalition_people_model_complete (), or with any
 * search, filter, sort, reload or change of the store. */
CoalitionPeopleModel *coalition_people_model_new_first  (CoalitionStore       *store,
                                                         guint                 n_first);
/* Reads everyone; when the first rows are still the first, emits
 * items-changed for the rows added after them only. Notifies complete. */
void                  coalition_people_model_complete   (CoalitionPeopleModel *self);
gboolean              coalition_people_model_is_complete (CoalitionPeopleModel *self);
CoalitionStore       *coalition_people_model_get_store  (CoalitionPeopleModel *self);
/* NULL or blank shows everyone. Emits items-changed and notify::query. */
void                  coalition_people_model_set_query  (CoalitionPeopleModel *self,
                                                         const char           *query);
const char           *coalition_people_model_get_query  (CoalitionPeopleModel *self);
/* Only people with this CoalitionStatus; -1 shows everyone. Combines with
 * the query. Emits items-changed and notify::status-filter. */
void                  coalition_people_model_set_status_filter (CoalitionPeopleModel *self,
                                                                int                   status);
int                   coalition_people_model_get_status_filter (CoalitionPeopleModel *self);
/* Only the people who pass @filter (status, kind of organization, group,
 * tag); combines with the query. */
void                  coalition_people_model_set_filter        (CoalitionPeopleModel        *self,
                                                                const CoalitionPeopleFilter *filter);
/* TRUE when any part of the filter is on. */
gboolean              coalition_people_model_is_filtered       (CoalitionPeopleModel        *self);
/* The order of the rows; emits items-changed for everyone. */
void                  coalition_people_model_set_sort          (CoalitionPeopleModel *self,
                                                                CoalitionSort         sort);
CoalitionSort         coalition_people_model_get_sort          (CoalitionPeopleModel *self);
/* Reads the ids again, after another program wrote the file. */
void                  coalition_people_model_reload     (CoalitionPeopleModel *self);
/* Position of the person with @id, or G_MAXUINT; completes the model when
 * the person is not among its first rows. */
guint                 coalition_people_model_find       (CoalitionPeopleModel *self,
                                                         gint64                id);

G_END_DECLS
