/* coalition-store.h — the coalition's SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "coalition-group.h"
#include "coalition-organization.h"
#include "coalition-prospect.h"
#include "coalition-person.h"

G_BEGIN_DECLS

#define COALITION_STORE_ERROR (coalition_store_error_quark ())

typedef enum
{
  COALITION_STORE_ERROR_FAILED,
  COALITION_STORE_ERROR_NOT_A_DATABASE,   /* not SQLite, or SQLite but not ours */
  COALITION_STORE_ERROR_TOO_NEW,          /* written by a newer Coalition */
  COALITION_STORE_ERROR_READ_ONLY,
  COALITION_STORE_ERROR_LOCKED,           /* another program holds it */
  COALITION_STORE_ERROR_MIGRATION_FAILED, /* rolled back; the file is as it was */
  COALITION_STORE_ERROR_FULL,             /* disk or quota full */
  COALITION_STORE_ERROR_NOT_FOUND,        /* the record is gone */
  COALITION_STORE_ERROR_INVALID,          /* the record breaks a rule */
  COALITION_STORE_ERROR_NOT_EMPTY,        /* demo data asked for on a used file */
} CoalitionStoreError;

/* The schema version this build writes; see coalition-store.c for the list. */
#define COALITION_STORE_SCHEMA_VERSION 8

#define COALITION_TYPE_STORE (coalition_store_get_type ())

G_DECLARE_FINAL_TYPE (CoalitionStore, coalition_store, COALITION, STORE, GObject)

/* Signals, emitted after the write is committed:
 *   person-added (gint64 id), person-changed (gint64 id), person-removed (gint64 id)
 *   organization-added, organization-changed, organization-removed (gint64 id)
 *   group-changed (gint64 id)  a group, or who is in it, changed
 *   changed ()  anything may have changed: reload (emitted by emit_changed
 *               and after bulk writes such as the demo coalition or an import)
 * Writes inside coalition_store_begin/commit are announced at the outer
 * commit; a rollback announces nothing. */

GQuark                 coalition_store_error_quark           (void);

/* $XDG_DATA_HOME/coalition/coalition.db; newly allocated. */
char                  *coalition_store_get_default_path      (void);

/* Opens or creates the file (parent folders too, mode 0600) and migrates it
 * to COALITION_STORE_SCHEMA_VERSION, after a backup beside it. */
CoalitionStore        *coalition_store_open                  (const char             *path,
                                                              GError                **error);
/* As above, waiting at most @busy_timeout_ms for another program's lock. */
CoalitionStore        *coalition_store_open_full             (const char             *path,
                                                              guint                   busy_timeout_ms,
                                                              GError                **error);

const char            *coalition_store_get_path              (CoalitionStore         *self);
int                    coalition_store_get_schema_version    (CoalitionStore         *self);
/* The copy written before the last migration, or NULL if none was needed. */
const char            *coalition_store_get_backup_path       (CoalitionStore         *self);
/* The underlying connection, for tests and benchmarks only. */
gpointer               coalition_store_get_handle            (CoalitionStore         *self);

/* Group several writes into one transaction (they nest by counting). */
gboolean               coalition_store_begin                 (CoalitionStore         *self,
                                                              GError                **error);
gboolean               coalition_store_commit                (CoalitionStore         *self,
                                                              GError                **error);
void                   coalition_store_rollback              (CoalitionStore         *self);

/* Coalition-wide settings kept in the file, such as "coalition-name". */
char                  *coalition_store_get_setting           (CoalitionStore         *self,
                                                              const char             *key);
gboolean               coalition_store_set_setting           (CoalitionStore         *self,
                                                              const char             *key,
                                                              const char             *value,
                                                              GError                **error);

/* People. Insert and update write the person and their e-mails and phones in
 * one transaction, and fill in id, uid and times on @person. */
gboolean               coalition_store_insert_person         (CoalitionStore         *self,
                                                              CoalitionPerson        *person,
                                                              GError                **error);
gboolean               coalition_store_update_person         (CoalitionStore         *self,
                                                              CoalitionPerson        *person,
                                                              GError                **error);
gboolean               coalition_store_delete_person         (CoalitionStore         *self,
                                                              gint64                  id,
                                                              GError                **error);
CoalitionPerson       *coalition_store_get_person            (CoalitionStore         *self,
                                                              gint64                  id,
                                                              GError                **error);
/* The people with @ids, in that order, NULL for those no longer there;
 * element type CoalitionPerson. */
GPtrArray             *coalition_store_get_people            (CoalitionStore         *self,
                                                              const gint64           *ids,
                                                              guint                   n_ids,
                                                              GError                **error);
guint                  coalition_store_count_people          (CoalitionStore         *self);
/* Ids of people in directory order (family name, given name), restricted to
 * those matching @query when it is not NULL or blank. @query is what a person
 * types: words are matched as prefixes, case and accents ignored. */
GArray                *coalition_store_find_people           (CoalitionStore         *self,
                                                              const char             *query,
                                                              GError                **error);

/* The same, only people with @status (a CoalitionStatus), or everyone
 * when @status is negative. */
GArray                *coalition_store_find_people_with_status (CoalitionStore  *self,
                                                                const char      *query,
                                                                int              status,
                                                                GError         **error);

/* The same, in the order @sort. */
GArray                *coalition_store_find_people_sorted    (CoalitionStore         *self,
                                                              const char             *query,
                                                              int                     status,
                                                              CoalitionSort           sort,
                                                              GError                **error);

/* Who the directory shows; each part is off when negative, 0 or NULL. */
typedef struct
{
  int          status;             /* CoalitionStatus */
  int          organization_kind;  /* CoalitionOrganizationKind of their organization */
  gint64       group_id;           /* in this group */
  const char  *tag;                /* with this tag */
} CoalitionPeopleFilter;

#define COALITION_PEOPLE_FILTER_INIT { -1, -1, 0, NULL }

gboolean               coalition_people_filter_is_empty      (const CoalitionPeopleFilter *filter);

/* The same, only the people who pass @filter (NULL for everyone). */
GArray                *coalition_store_find_people_filtered  (CoalitionStore               *self,
                                                              const char                   *query,
                                                              const CoalitionPeopleFilter  *filter,
                                                              CoalitionSort                 sort,
                                                              GError                      **error);

/* The first @limit people of the whole directory in the order @sort: what a
 * list shows before it has read everyone. */
GArray                *coalition_store_find_people_first     (CoalitionStore               *self,
                                                              CoalitionSort                 sort,
                                                              guint                         limit,
                                                              GError                      **error);

/* Every tag in use by a person or an organization, in the locale's order. */
GStrv                  coalition_store_list_tags             (CoalitionStore         *self,
                                                              GError                **error);

/* The contact log of a person or organization, newest first; element type
 * CoalitionContact. */
GPtrArray             *coalition_store_list_contacts         (CoalitionStore         *self,
                                                              CoalitionSubject        subject,
                                                              gint64                  id,
                                                              GError                **error);
/* Adds @contact to the log and sets its id; announces the record changed. */
gboolean               coalition_store_add_contact           (CoalitionStore         *self,
                                                              CoalitionSubject        subject,
                                                              gint64                  id,
                                                              CoalitionContact       *contact,
                                                              GError                **error);
gboolean               coalition_store_delete_contact        (CoalitionStore         *self,
                                                              CoalitionSubject        subject,
                                                              gint64                  id,
                                                              gint64                  contact_id,
                                                              GError                **error);
/* Every change of status, oldest first; element type CoalitionStatusChange. */
GPtrArray             *coalition_store_list_status_changes   (CoalitionStore         *self,
                                                              CoalitionSubject        subject,
                                                              gint64                  id,
                                                              GError                **error);

/* The prospects and targets the coalition is courting: organizations in the
 * pipeline (prospect, contacted, invited, target) and people who are targets,
 * and anyone with a priority or a next step; highest priority first, then by
 * the date of the next step. Element type CoalitionProspect. */
GPtrArray             *coalition_store_list_prospects        (CoalitionStore         *self,
                                                              GError                **error);

/* Organizations. */
gboolean               coalition_store_insert_organization   (CoalitionStore         *self,
                                                              CoalitionOrganization  *organization,
                                                              GError                **error);
gboolean               coalition_store_update_organization   (CoalitionStore         *self,
                                                              CoalitionOrganization  *organization,
                                                              GError                **error);
/* Ids of the organization's people, in directory order. */
GArray                *coalition_store_find_people_of_organization (CoalitionStore   *self,
                                                                    gint64            organization_id,
                                                                    GError          **error);
gboolean               coalition_store_delete_organization   (CoalitionStore         *self,
                                                              gint64                  id,
                                                              GError                **error);
CoalitionOrganization *coalition_store_get_organization      (CoalitionStore         *self,
                                                              gint64                  id,
                                                              GError                **error);
guint                  coalition_store_count_organizations   (CoalitionStore         *self);
/* Every organization by name; element type CoalitionOrganization. */
GPtrArray             *coalition_store_list_organizations    (CoalitionStore         *self,
                                                              GError                **error);

/* Groups: the core group first, then committees, then working groups. */
GPtrArray             *coalition_store_list_groups           (CoalitionStore         *self,
                                                              GError                **error);
gboolean               coalition_store_insert_group          (CoalitionStore         *self,
                                                              CoalitionGroup         *group,
                                                              GError                **error);
gboolean               coalition_store_update_group          (CoalitionStore         *self,
                                                              CoalitionGroup         *group,
                                                              GError                **error);
CoalitionGroup        *coalition_store_get_group             (CoalitionStore         *self,
                                                              gint64                  id,
                                                              GError                **error);
gboolean               coalition_store_delete_group          (CoalitionStore         *self,
                                                              gint64                  id,
                                                              GError                **error);
/* Puts the person in the group with @role, or changes their role there. */
gboolean               coalition_store_set_membership        (CoalitionStore         *self,
                                                              gint64                  group_id,
                                                              gint64                  person_id,
                                                              CoalitionRole           role,
                                                              GError                **error);
gboolean               coalition_store_remove_membership     (CoalitionStore         *self,
                                                              gint64                  group_id,
                                                              gint64                  person_id,
                                                              GError                **error);
/* Element type CoalitionMembership. */
GPtrArray             *coalition_store_list_memberships_of_person (CoalitionStore    *self,
                                                                   gint64             person_id,
                                                                   GError           **error);
GPtrArray             *coalition_store_list_group_members    (CoalitionStore         *self,
                                                              gint64                  group_id,
                                                              GError                **error);

/* integrity_check and foreign_key_check; each problem found becomes one line
 * of @out_problems. Returns FALSE with @error only when the check itself could
 * not run. */
gboolean               coalition_store_check                 (CoalitionStore         *self,
                                                              GStrv                  *out_problems,
                                                              GError                **error);

/* Today as YYYY-MM-DD in local time, the spelling dates are stored in. */
char                  *coalition_store_today                 (void);
/* Reads a day spelled so into @date; FALSE (and @date cleared) for
 * anything else. */
gboolean               coalition_store_parse_day             (const char             *text,
                                                              GDate                  *date);

/* Tells views to reload, after another program may have written the file. */
void                   coalition_store_emit_changed          (CoalitionStore         *self);

/* ---- Undo ---------------------------------------------------------------- */

/* A write of one record, such as coalition_store_delete_person (). */
typedef gboolean (*CoalitionStoreWriteFunc) (CoalitionStore  *self,
                                             gint64           id,
                                             GError         **error);

/* Runs @write on @id and returns what undoes it exactly: every row it
 * removed or changed, those its deletes took with them or left pointing
 * at nothing included (memberships, contact logs, attendance, places on
 * power maps with their history, meetings' roles…). NULL, with @error
 * set, when @write failed; then nothing was changed. */
GBytes                *coalition_store_write_undoable        (CoalitionStore         *self,
                                                              CoalitionStoreWriteFunc write,
                                                              gint64                  id,
                                                              GError                **error);
/* Puts back what @undo holds, in one transaction. A value changed since is
 * kept as it is now; when a row cannot go back (its place taken, or what it
 * belongs to deleted since), nothing changes and @error says so. */
gboolean               coalition_store_undo                  (CoalitionStore         *self,
                                                              GBytes                 *undo,
                                                              GError                **error);

G_END_DECLS
