/* coalition-store-private.h — store internals shared inside src/core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "coalition-store.h"

G_BEGIN_DECLS

/* Marks the running transaction as a bulk write: views reload once at the
 * commit instead of following each record, and the search index is filled
 * once at the commit instead of row by row. */
gboolean coalition_store_begin_bulk    (CoalitionStore  *self,
                                        GError         **error);

/* A transaction for a write of about @n_records records: views reload once
 * at the commit. When the write is large against the directory (a quarter
 * of it or more) this is coalition_store_begin () and
 * coalition_store_begin_bulk () in one, with the journal of each statement
 * kept in memory when it is the outermost transaction; a smaller one keeps
 * the search index row by row, which costs far less than filling it again
 * for everyone. End it with coalition_store_commit () or
 * coalition_store_rollback (). */
gboolean coalition_store_begin_bulk_write (CoalitionStore  *self,
                                           guint            n_records,
                                           GError         **error);

/* The key that orders the directory, with case and accents folded away. */
char *coalition_store_make_sort_key    (const char     *primary,
                                        const char     *secondary);

/* The name the directory shows for a person: @display_name when given,
 * else the given and family names in the order their script writes them. */
char *coalition_store_make_display_name (const char *given_name,
                                         const char *family_name,
                                         const char *display_name);

/* A new person for coalition_store_insert_people (): what an import knows
 * of them, with no object per record. */
typedef struct
{
  const char          *given_name;
  const char          *family_name;
  const char          *display_name;     /* as coalition_store_make_display_name () makes it */
  const char          *title;
  const char          *notes;
  const char          *address;
  const char          *skills;
  CoalitionStatus      status;
  gint64               organization_id;  /* 0 for none */
  const char * const  *tags;             /* as coalition_tags_normalize () leaves them, or NULL */
  GPtrArray           *emails;           /* of CoalitionContactPoint, or NULL */
  GPtrArray           *phones;           /* of CoalitionContactPoint, or NULL */
  const char          *uid;              /* a UUID to keep (from a Coalition export), or NULL for a new one */
} CoalitionStoreNewPerson;

/* Adds @n_people people in one transaction (nested in the caller's) with
 * statements prepared once; their ids go to @out_ids when not NULL. On an
 * error @out_failed is the index of the person it concerns. Inside a
 * bulk write (coalition_store_begin_bulk ()) the search index is filled at
 * the commit and views reload once. */
gboolean coalition_store_insert_people (CoalitionStore                 *self,
                                        const CoalitionStoreNewPerson  *people,
                                        guint                           n_people,
                                        gint64                         *out_ids,
                                        guint                          *out_failed,
                                        GCancellable                   *cancellable,
                                        GError                        **error);

/* Fills @by_email (key_for_email (address) → person id), @by_name
 * (key_for_name (display name) → person id), @by_uid (uid → person id)
 * and @name_of (person id → key_for_name (display name)) for everyone in
 * the directory. The keys and names are newly allocated. */
gboolean coalition_store_index_people  (CoalitionStore  *self,
                                        GHashTable      *by_email,
                                        GHashTable      *by_name,
                                        GHashTable      *by_uid,
                                        GHashTable      *name_of,
                                        char          *(*key_for_email) (const char *address),
                                        char          *(*key_for_name) (const char *name),
                                        GError         **error);

/* The store's own helpers, for the parts of the store in other files
 * (coalition-store-meetings.c). Statements are cached by the address of
 * their SQL text, which must be a literal. */
sqlite3_stmt *coalition_store_prepare       (CoalitionStore  *self,
                                             const char      *sql,
                                             GError         **error);
gboolean      coalition_store_step_done     (CoalitionStore  *self,
                                             sqlite3_stmt    *stmt,
                                             GError         **error);
/* NFC text, or NULL as SQL NULL. */
void          coalition_store_bind_text     (sqlite3_stmt    *stmt,
                                             int              idx,
                                             const char      *text);
/* Never NULL: "" for SQL NULL. */
const char   *coalition_store_column_text   (sqlite3_stmt    *stmt,
                                             int              col);
void          coalition_store_set_error     (CoalitionStore  *self,
                                             GError         **error,
                                             int              rc);
gboolean      coalition_store_check_text    (const char      *text,
                                             GError         **error);
/* Text that must hold something besides blanks; @what is the message. */
gboolean      coalition_store_check_title   (const char      *text,
                                             const char      *what,
                                             GError         **error);
char         *coalition_store_now_utc       (void);
GPtrArray    *coalition_store_collect_rows  (CoalitionStore  *self,
                                             sqlite3_stmt    *stmt,
                                             gpointer       (*from_row) (sqlite3_stmt *stmt),
                                             GDestroyNotify   free_element,
                                             GError         **error);
/* How a write is announced after the outer commit: one of the queue
 * functions below, with the id it names. */
typedef void (*CoalitionAnnounce) (CoalitionStore *self,
                                   gint64          id);

/* Ends the transaction of a write: rolls back and passes on @local_error
 * (taken) when set, else announces @id with @announce (unless @id is
 * negative) and commits. */
gboolean      coalition_store_end_write     (CoalitionStore   *self,
                                             GError           *local_error,
                                             CoalitionAnnounce announce,
                                             gint64            id,
                                             GError          **error);
/* Runs @sql (a literal) with @id as its only parameter in its own
 * transaction, then announces @announced. */
gboolean      coalition_store_write_by_id   (CoalitionStore   *self,
                                             const char       *sql,
                                             gint64            id,
                                             CoalitionAnnounce announce,
                                             gint64            announced,
                                             GError          **error);
/* Whether @text is one JSON value exactly as RFC 8259 writes it, nested at
 * most 64 deep. SQLite 3.40's JSON functions take some malformed text as
 * valid (an object whose key is an array) and then read past it, so text
 * from outside is checked here before they see it. */
gboolean      coalition_store_json_is_well_formed (const char *text);
/* A day written YYYY-MM-DD, the one spelling that compares as text; NULL
 * and "" pass when @optional. */
gboolean      coalition_store_check_day     (const char       *text,
                                             gboolean          optional,
                                             GError          **error);

/* The rows of @sql (a literal) for one id, its only parameter. */
GPtrArray    *coalition_store_list_for_id   (CoalitionStore  *self,
                                             const char      *sql,
                                             gint64           id,
                                             gpointer       (*from_row) (sqlite3_stmt *stmt),
                                             GDestroyNotify   free_element,
                                             GError         **error);
/* Announced as "meeting-changed" after the outer commit; 0 for several. */
void          coalition_store_queue_meeting_changed (CoalitionStore *self,
                                                     gint64          meeting_id);
/* Announced as "map-changed" after the outer commit. */
void          coalition_store_queue_map_changed (CoalitionStore *self,
                                                 gint64          map_id);
/* Announced as "campaign-changed" after the outer commit; 0 for several. */
void          coalition_store_queue_campaign_changed (CoalitionStore *self,
                                                      gint64          campaign_id);
gint64        coalition_store_last_insert_id (CoalitionStore *self);

G_END_DECLS
