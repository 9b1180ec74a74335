/* coalition-store.c — the coalition's SQLite database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection per store; a thread that needs the database opens its own
 * store on the same path. Every write runs in a transaction, and the signals
 * that announce it are held back until the transaction commits, so a view
 * never reloads a row that is later rolled back.
 */
#include "config.h"

/* Undo records changes with SQLite's session extension, which Debian's
 * SQLite is built with; its declarations are behind these. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "coalition-group-private.h"
#include "coalition-organization-private.h"
#include "coalition-person-private.h"
#include "coalition-export.h"
#include "coalition-store-private.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000
#define BULK_CACHE_KIB 262144
#define NORMAL_CACHE_KIB 2000
/* Rows ANALYZE (and PRAGMA optimize) reads of each index: enough for the
 * planner's estimates, in milliseconds on any directory. */
#define ANALYSIS_LIMIT 400

/* While a bulk write (the demo coalition, an import) is under way, the
 * triggers stand aside and the index is filled once at the end: FTS5 flushes
 * its pending terms at every statement, which would make a bulk write of
 * 100 000 people many times slower. The flag row lives only inside that
 * write's transaction, so no other connection ever sees it. */
#define SEARCH_DEFERRED_KEY "search-index-deferred"
#define SEARCH_NOT_DEFERRED \
  " WHEN NOT EXISTS (SELECT 1 FROM setting WHERE key = '" SEARCH_DEFERRED_KEY "')"

/* As schema version 2 filled the index; kept for that migration. */
#define FILL_SEARCH_INDEX_V2 \
  "INSERT INTO person_search (rowid, name, organization, contact)" \
  "  SELECT p.id," \
  "         p.display_name || ' ' || p.given_name || ' ' || p.family_name || ' ' || p.title || ' ' || p.sort_key," \
  "         coalesce (o.name || ' ' || o.sort_key, '')," \
  "         c.contact" \
  "  FROM person p" \
  "  LEFT JOIN organization o ON o.id = p.organization_id" \
  "  JOIN person_contact_text c ON c.person_id = p.id"

/* Since version 4 the index is filled from the view person_search_source,
 * which adds notes, skills, tags and the address to the names. */
#define FILL_SEARCH_INDEX \
  "INSERT INTO person_search (rowid, name, organization, contact)" \
  "  SELECT id, name, organization, contact FROM person_search_source"

#define CONTACT_POINT_TABLE(table, owner, value) \
  "CREATE TABLE " table " (" \
  "  id INTEGER PRIMARY KEY," \
  "  " owner "_id INTEGER NOT NULL REFERENCES " owner " (id) ON DELETE CASCADE," \
  "  position INTEGER NOT NULL," \
  "  label TEXT NOT NULL DEFAULT ''," \
  "  " value " TEXT NOT NULL CHECK (" value " <> '')," \
  "  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))" \
  ") STRICT;" \
  "CREATE INDEX " table "_by_" owner " ON " table " (" owner "_id, position);"

/* Columns shared by people and organizations from version 4: the address,
 * and the outreach to a prospect or target (priority 0 is none, 1 high,
 * 2 medium, 3 low; who makes the ask; the next step and its date). */
#define OUTREACH_COLUMNS(table) \
  "ALTER TABLE " table " ADD COLUMN address TEXT NOT NULL DEFAULT '';" \
  "ALTER TABLE " table " ADD COLUMN priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3);" \
  "ALTER TABLE " table " ADD COLUMN asker_id INTEGER REFERENCES person (id) ON DELETE SET NULL;" \
  "ALTER TABLE " table " ADD COLUMN next_step TEXT NOT NULL DEFAULT '';" \
  "ALTER TABLE " table " ADD COLUMN next_step_date TEXT NOT NULL DEFAULT '';" \
  "CREATE INDEX " table "_by_outreach ON " table " (priority, next_step_date) WHERE priority > 0;" \
  "CREATE TABLE " table "_tag (" \
  "  " table "_id INTEGER NOT NULL REFERENCES " table " (id) ON DELETE CASCADE," \
  "  tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE," \
  "  PRIMARY KEY (" table "_id, tag_id)" \
  ") STRICT, WITHOUT ROWID;" \
  "CREATE INDEX " table "_tag_by_tag ON " table "_tag (tag_id);" \
  "CREATE TRIGGER " table "_status_change AFTER UPDATE OF status ON " table \
  "  WHEN old.status <> new.status BEGIN" \
  "  INSERT INTO status_change (" table "_id, old_status, new_status, changed_at)" \
  "  VALUES (new.id, old.status, new.status, new.updated_at);" \
  "END;"

#define REFRESH_PERSON_NAME_TEXT(id) \
  "  UPDATE person_search SET name = (SELECT name FROM person_search_source WHERE id = " id ")" \
  "  WHERE rowid = " id ";"

/* Each entry moves the schema from version N to N + 1 and runs in one
 * transaction. Never edit a released entry: append a new one and raise
 * COALITION_STORE_SCHEMA_VERSION. */
static const char * const migrations[] = {
  /* 1: the directory */
  "CREATE TABLE setting ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE organization ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  kind TEXT NOT NULL DEFAULT 'other',"
  "  sector TEXT NOT NULL DEFAULT '',"
  "  website TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'prospect',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  sort_key TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX organization_by_sort_key ON organization (sort_key, id);"
  "CREATE TABLE person ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  given_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL DEFAULT '',"
  "  display_name TEXT NOT NULL CHECK (display_name <> ''),"
  "  organization_id INTEGER REFERENCES organization (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'member',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  sort_key TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX person_by_sort_key ON person (sort_key, id);"
  "CREATE INDEX person_by_organization ON person (organization_id);"
  "CREATE TABLE person_email ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL CHECK (address <> ''),"
  "  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))"
  ") STRICT;"
  "CREATE INDEX person_email_by_person ON person_email (person_id, position);"
  "CREATE TABLE person_phone ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL DEFAULT '',"
  "  number TEXT NOT NULL CHECK (number <> ''),"
  "  is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))"
  ") STRICT;"
  "CREATE INDEX person_phone_by_person ON person_phone (person_id, position);",

  /* 2: full-text search over names, organizations, e-mails and phones,
   * kept current by triggers; accents and case are ignored. */
  "CREATE INDEX person_by_status ON person (status);"
  "CREATE VIRTUAL TABLE person_search USING fts5 ("
  "  name, organization, contact,"
  "  tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '2 3'"
  ");"
  "CREATE TRIGGER person_search_insert AFTER INSERT ON person"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  INSERT INTO person_search (rowid, name, organization, contact)"
  "  VALUES (new.id,"
  "          new.display_name || ' ' || new.given_name || ' ' || new.family_name || ' ' || new.title || ' ' || new.sort_key,"
  "          coalesce ((SELECT name || ' ' || sort_key FROM organization WHERE id = new.organization_id), ''),"
  "          '');"
  "END;"
  "CREATE TRIGGER person_search_update AFTER UPDATE ON person"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  DELETE FROM person_search WHERE rowid = old.id;"
  "  INSERT INTO person_search (rowid, name, organization, contact)"
  "  VALUES (new.id,"
  "          new.display_name || ' ' || new.given_name || ' ' || new.family_name || ' ' || new.title || ' ' || new.sort_key,"
  "          coalesce ((SELECT name || ' ' || sort_key FROM organization WHERE id = new.organization_id), ''),"
  "          coalesce ((SELECT group_concat (address, ' ') FROM person_email WHERE person_id = new.id), '')"
  "          || ' ' ||"
  "          coalesce ((SELECT group_concat (number, ' ') FROM person_phone WHERE person_id = new.id), ''));"
  "END;"
  "CREATE TRIGGER person_search_delete AFTER DELETE ON person"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  DELETE FROM person_search WHERE rowid = old.id;"
  "END;"
  "CREATE VIEW person_contact_text (person_id, contact) AS"
  "  SELECT p.id,"
  "         coalesce ((SELECT group_concat (address, ' ') FROM person_email WHERE person_id = p.id), '')"
  "         || ' ' ||"
  "         coalesce ((SELECT group_concat (number, ' ') FROM person_phone WHERE person_id = p.id), '')"
  "  FROM person p;"
  "CREATE TRIGGER person_search_email_insert AFTER INSERT ON person_email"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  UPDATE person_search SET contact = (SELECT contact FROM person_contact_text WHERE person_id = new.person_id)"
  "  WHERE rowid = new.person_id;"
  "END;"
  "CREATE TRIGGER person_search_email_update AFTER UPDATE ON person_email"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  UPDATE person_search SET contact = (SELECT contact FROM person_contact_text WHERE person_id = new.person_id)"
  "  WHERE rowid = new.person_id;"
  "END;"
  "CREATE TRIGGER person_search_email_delete AFTER DELETE ON person_email"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  UPDATE person_search SET contact = (SELECT contact FROM person_contact_text WHERE person_id = old.person_id)"
  "  WHERE rowid = old.person_id;"
  "END;"
  "CREATE TRIGGER person_search_phone_insert AFTER INSERT ON person_phone"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  UPDATE person_search SET contact = (SELECT contact FROM person_contact_text WHERE person_id = new.person_id)"
  "  WHERE rowid = new.person_id;"
  "END;"
  "CREATE TRIGGER person_search_phone_update AFTER UPDATE ON person_phone"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  UPDATE person_search SET contact = (SELECT contact FROM person_contact_text WHERE person_id = new.person_id)"
  "  WHERE rowid = new.person_id;"
  "END;"
  "CREATE TRIGGER person_search_phone_delete AFTER DELETE ON person_phone"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  UPDATE person_search SET contact = (SELECT contact FROM person_contact_text WHERE person_id = old.person_id)"
  "  WHERE rowid = old.person_id;"
  "END;"
  "CREATE TRIGGER person_search_organization_rename AFTER UPDATE OF name ON organization"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  UPDATE person_search SET organization = new.name || ' ' || new.sort_key"
  "  WHERE rowid IN (SELECT id FROM person WHERE organization_id = new.id);"
  "END;"
  FILL_SEARCH_INDEX_V2 ";",

  /* 3: the core group, committees and working groups, and who is in them
   * with which role */
  "CREATE TABLE coalition_group ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  kind TEXT NOT NULL DEFAULT 'working-group',"
  "  description TEXT NOT NULL DEFAULT '',"
  "  sort_key TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE group_member ("
  "  group_id INTEGER NOT NULL REFERENCES coalition_group (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL DEFAULT 'member',"
  "  joined_at TEXT NOT NULL,"
  "  PRIMARY KEY (group_id, person_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX group_member_by_person ON group_member (person_id);",

  /* 4: addresses, skills, tags, what an organization brings, its e-mails
   * and phones, the outreach to prospects and targets with its contact log,
   * the date of every change of status; search over all of it */
  "CREATE TABLE tag ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> '')"
  ") STRICT;"
  "CREATE TABLE status_change ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organization (id) ON DELETE CASCADE,"
  "  old_status TEXT NOT NULL,"
  "  new_status TEXT NOT NULL,"
  "  changed_at TEXT NOT NULL,"
  "  CHECK ((person_id IS NULL) <> (organization_id IS NULL))"
  ") STRICT;"
  "CREATE INDEX status_change_by_person ON status_change (person_id, changed_at) WHERE person_id IS NOT NULL;"
  "CREATE INDEX status_change_by_organization ON status_change (organization_id, changed_at)"
  "  WHERE organization_id IS NOT NULL;"
  "CREATE TABLE contact_log ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organization (id) ON DELETE CASCADE,"
  "  happened_on TEXT NOT NULL,"
  "  kind TEXT NOT NULL DEFAULT 'other',"
  "  by_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  CHECK ((person_id IS NULL) <> (organization_id IS NULL))"
  ") STRICT;"
  "CREATE INDEX contact_log_by_person ON contact_log (person_id, happened_on) WHERE person_id IS NOT NULL;"
  "CREATE INDEX contact_log_by_organization ON contact_log (organization_id, happened_on)"
  "  WHERE organization_id IS NOT NULL;"
  "CREATE INDEX contact_log_by_author ON contact_log (by_id) WHERE by_id IS NOT NULL;"
  "ALTER TABLE person ADD COLUMN skills TEXT NOT NULL DEFAULT '';"
  OUTREACH_COLUMNS ("person")
  OUTREACH_COLUMNS ("organization")
  "CREATE INDEX person_by_asker ON person (asker_id) WHERE asker_id IS NOT NULL;"
  "CREATE INDEX organization_by_asker ON organization (asker_id) WHERE asker_id IS NOT NULL;"
  "ALTER TABLE organization ADD COLUMN capacity TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE organization ADD COLUMN constituency TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE organization ADD COLUMN skills TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE organization ADD COLUMN access TEXT NOT NULL DEFAULT '';"
  CONTACT_POINT_TABLE ("organization_email", "organization", "address")
  CONTACT_POINT_TABLE ("organization_phone", "organization", "number")
  "CREATE VIEW person_search_source (id, name, organization, contact) AS"
  "  SELECT p.id,"
  "         p.display_name || ' ' || p.given_name || ' ' || p.family_name || ' ' || p.title || ' ' ||"
  "         p.sort_key || ' ' || p.skills || ' ' || p.address || ' ' || p.notes || ' ' ||"
  "         coalesce ((SELECT group_concat (t.name, ' ') FROM person_tag pt JOIN tag t ON t.id = pt.tag_id"
  "                    WHERE pt.person_id = p.id), ''),"
  "         coalesce ((SELECT name || ' ' || sort_key FROM organization WHERE id = p.organization_id), ''),"
  "         coalesce ((SELECT group_concat (address, ' ') FROM person_email WHERE person_id = p.id), '')"
  "         || ' ' ||"
  "         coalesce ((SELECT group_concat (number, ' ') FROM person_phone WHERE person_id = p.id), '')"
  "  FROM person p;"
  "DROP TRIGGER person_search_insert;"
  "DROP TRIGGER person_search_update;"
  "CREATE TRIGGER person_search_insert AFTER INSERT ON person"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  INSERT INTO person_search (rowid, name, organization, contact)"
  "  SELECT id, name, organization, contact FROM person_search_source WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER person_search_update AFTER UPDATE ON person"
  SEARCH_NOT_DEFERRED " BEGIN"
  "  DELETE FROM person_search WHERE rowid = old.id;"
  "  INSERT INTO person_search (rowid, name, organization, contact)"
  "  SELECT id, name, organization, contact FROM person_search_source WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER person_search_tag_insert AFTER INSERT ON person_tag"
  SEARCH_NOT_DEFERRED " BEGIN"
  REFRESH_PERSON_NAME_TEXT ("new.person_id")
  "END;"
  "CREATE TRIGGER person_search_tag_delete AFTER DELETE ON person_tag"
  SEARCH_NOT_DEFERRED " BEGIN"
  REFRESH_PERSON_NAME_TEXT ("old.person_id")
  "END;"
  "DELETE FROM person_search;"
  FILL_SEARCH_INDEX ";",

  /* 5: meetings, their series, agendas, decisions, action items and
   * attendance, and saved agenda templates */
  "CREATE TABLE meeting_series ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  rule TEXT NOT NULL,"
  "  created_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE meeting ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  starts_at TEXT NOT NULL,"
  "  ends_at TEXT NOT NULL CHECK (ends_at >= starts_at),"
  "  zone TEXT NOT NULL,"
  "  location TEXT NOT NULL DEFAULT '',"
  "  url TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'planned',"
  "  group_id INTEGER REFERENCES coalition_group (id) ON DELETE SET NULL,"
  "  facilitator_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  note_taker_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  timekeeper_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  series_id INTEGER REFERENCES meeting_series (id) ON DELETE SET NULL,"
  "  series_start TEXT,"
  "  minutes TEXT NOT NULL DEFAULT '',"
  "  minutes_final INTEGER NOT NULL DEFAULT 0 CHECK (minutes_final IN (0, 1)),"
  "  sequence INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX meeting_by_start ON meeting (starts_at, id);"
  "CREATE INDEX meeting_by_group ON meeting (group_id, starts_at);"
  "CREATE INDEX meeting_by_facilitator ON meeting (facilitator_id, starts_at);"
  "CREATE INDEX meeting_by_series ON meeting (series_id) WHERE series_id IS NOT NULL;"
  "CREATE TABLE agenda_item ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  presenter TEXT NOT NULL DEFAULT '',"
  "  minutes INTEGER NOT NULL DEFAULT 10 CHECK (minutes BETWEEN 0 AND 1440),"
  "  actual_minutes INTEGER CHECK (actual_minutes BETWEEN 0 AND 1440),"
  "  kind TEXT NOT NULL DEFAULT 'discussion',"
  "  notes TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX agenda_item_by_meeting ON agenda_item (meeting_id, position);"
  "CREATE TABLE decision ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  item_id INTEGER REFERENCES agenda_item (id) ON DELETE SET NULL,"
  "  text TEXT NOT NULL CHECK (text <> ''),"
  "  method TEXT NOT NULL DEFAULT 'consensus',"
  "  blocks TEXT NOT NULL DEFAULT '',"
  "  stand_asides TEXT NOT NULL DEFAULT '',"
  "  votes_for INTEGER NOT NULL DEFAULT 0,"
  "  votes_against INTEGER NOT NULL DEFAULT 0,"
  "  votes_abstain INTEGER NOT NULL DEFAULT 0,"
  "  by_organization INTEGER NOT NULL DEFAULT 0 CHECK (by_organization IN (0, 1))"
  ") STRICT;"
  "CREATE INDEX decision_by_meeting ON decision (meeting_id);"
  "CREATE TABLE action_item ("
  "  id INTEGER PRIMARY KEY,"
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  item_id INTEGER REFERENCES agenda_item (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  owner_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  due TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'open',"
  "  closed_at TEXT"
  ") STRICT;"
  "CREATE INDEX action_item_by_meeting ON action_item (meeting_id);"
  "CREATE INDEX action_item_open ON action_item (status, due) WHERE status = 'open';"
  "CREATE INDEX action_item_by_owner ON action_item (owner_id) WHERE owner_id IS NOT NULL;"
  "CREATE TABLE attendance ("
  "  meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organization (id) ON DELETE SET NULL,"
  "  status TEXT NOT NULL DEFAULT 'invited',"
  "  walk_in INTEGER NOT NULL DEFAULT 0 CHECK (walk_in IN (0, 1)),"
  "  PRIMARY KEY (meeting_id, person_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX attendance_by_person ON attendance (person_id);"
  "CREATE INDEX attendance_by_organization ON attendance (organization_id) WHERE organization_id IS NOT NULL;"
  "CREATE TABLE agenda_template ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (name <> ''),"
  "  items TEXT NOT NULL"
  ") STRICT;",

  /* 5 → 6: power maps. A node is a person or an organization of the
   * directory; its history holds every placement and move, so that the map
   * can be shown as it stood on any date. */
  "CREATE TABLE power_map ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  decision TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE map_node ("
  "  id INTEGER PRIMARY KEY,"
  "  map_id INTEGER NOT NULL REFERENCES power_map (id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organization (id) ON DELETE CASCADE,"
  "  stance INTEGER NOT NULL DEFAULT 0 CHECK (stance BETWEEN -2 AND 2),"
  "  influence INTEGER NOT NULL DEFAULT 0 CHECK (influence BETWEEN 0 AND 4),"
  "  CHECK ((person_id IS NULL) <> (organization_id IS NULL))"
  ") STRICT;"
  "CREATE UNIQUE INDEX map_node_person ON map_node (map_id, person_id) WHERE person_id IS NOT NULL;"
  "CREATE UNIQUE INDEX map_node_organization ON map_node (map_id, organization_id) WHERE organization_id IS NOT NULL;"
  "CREATE INDEX map_node_by_person ON map_node (person_id) WHERE person_id IS NOT NULL;"
  "CREATE INDEX map_node_by_organization ON map_node (organization_id) WHERE organization_id IS NOT NULL;"
  "CREATE TABLE map_edge ("
  "  id INTEGER PRIMARY KEY,"
  "  map_id INTEGER NOT NULL REFERENCES power_map (id) ON DELETE CASCADE,"
  "  from_node INTEGER NOT NULL REFERENCES map_node (id) ON DELETE CASCADE,"
  "  to_node INTEGER NOT NULL REFERENCES map_node (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'influences',"
  "  strength INTEGER NOT NULL DEFAULT 2 CHECK (strength BETWEEN 1 AND 3),"
  "  directed INTEGER NOT NULL DEFAULT 1 CHECK (directed IN (0, 1)),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  CHECK (from_node <> to_node)"
  ") STRICT;"
  "CREATE INDEX map_edge_by_map ON map_edge (map_id);"
  "CREATE INDEX map_edge_from ON map_edge (from_node);"
  "CREATE INDEX map_edge_to ON map_edge (to_node);"
  "CREATE TABLE map_node_history ("
  "  id INTEGER PRIMARY KEY,"
  "  node_id INTEGER NOT NULL REFERENCES map_node (id) ON DELETE CASCADE,"
  "  changed_on TEXT NOT NULL,"
  "  stance INTEGER NOT NULL CHECK (stance BETWEEN -2 AND 2),"
  "  influence INTEGER NOT NULL CHECK (influence BETWEEN 0 AND 4),"
  "  note TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX map_node_history_by_node ON map_node_history (node_id, changed_on, id);",

  /* 6 → 7: campaigns, with their goals and benchmarks, wins and the credit
   * for them, and sign-on letters with their signatories. */
  "CREATE TABLE campaign ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  objectives TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE campaign_map ("
  "  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  map_id INTEGER NOT NULL REFERENCES power_map (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (campaign_id, map_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE INDEX campaign_map_by_map ON campaign_map (map_id);"
  "CREATE TABLE goal ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  term TEXT NOT NULL DEFAULT 'short' CHECK (term IN ('short', 'long'))"
  ") STRICT;"
  "CREATE INDEX goal_by_campaign ON goal (campaign_id);"
  "CREATE TABLE benchmark ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER NOT NULL REFERENCES goal (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  due TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'not-started',"
  "  owner_person_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  owner_group_id INTEGER REFERENCES coalition_group (id) ON DELETE SET NULL"
  ") STRICT;"
  "CREATE INDEX benchmark_by_goal ON benchmark (goal_id);"
  "CREATE TABLE win ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,"
  "  goal_id INTEGER REFERENCES goal (id) ON DELETE SET NULL,"
  "  won_on TEXT NOT NULL,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  description TEXT NOT NULL DEFAULT ''"
  ") STRICT;"
  "CREATE INDEX win_by_campaign ON win (campaign_id, won_on);"
  "CREATE INDEX win_by_date ON win (won_on);"
  "CREATE TABLE win_credit ("
  "  win_id INTEGER NOT NULL REFERENCES win (id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organization (id) ON DELETE CASCADE,"
  "  CHECK ((person_id IS NULL) <> (organization_id IS NULL))"
  ") STRICT;"
  "CREATE INDEX win_credit_by_win ON win_credit (win_id);"
  "CREATE INDEX win_credit_by_person ON win_credit (person_id) WHERE person_id IS NOT NULL;"
  "CREATE INDEX win_credit_by_organization ON win_credit (organization_id) WHERE organization_id IS NOT NULL;"
  "CREATE TABLE letter ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER REFERENCES campaign (id) ON DELETE SET NULL,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  body TEXT NOT NULL DEFAULT '',"
  "  addressee_id INTEGER REFERENCES person (id) ON DELETE SET NULL,"
  "  deadline TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'drafting',"
  "  sent_on TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX letter_by_campaign ON letter (campaign_id);"
  "CREATE TABLE signatory ("
  "  id INTEGER PRIMARY KEY,"
  "  letter_id INTEGER NOT NULL REFERENCES letter (id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organization (id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,"
  "  signed_by TEXT NOT NULL DEFAULT '',"
  "  signed_on TEXT NOT NULL,"
  "  CHECK ((person_id IS NULL) <> (organization_id IS NULL))"
  ") STRICT;"
  "CREATE UNIQUE INDEX signatory_organization ON signatory (letter_id, organization_id) WHERE organization_id IS NOT NULL;"
  "CREATE UNIQUE INDEX signatory_person ON signatory (letter_id, person_id) WHERE person_id IS NOT NULL;"
  "CREATE INDEX signatory_by_organization ON signatory (organization_id) WHERE organization_id IS NOT NULL;"
  "CREATE INDEX signatory_by_person ON signatory (person_id) WHERE person_id IS NOT NULL;",

  /* 7 → 8: the credit for a win gets a primary key like every other
   * table, so that Undo (SQLite's session extension, which passes over a
   * table without one) puts it back with the rest. */
  "CREATE TABLE win_credit_8 ("
  "  id INTEGER PRIMARY KEY,"
  "  win_id INTEGER NOT NULL REFERENCES win (id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,"
  "  organization_id INTEGER REFERENCES organization (id) ON DELETE CASCADE,"
  "  CHECK ((person_id IS NULL) <> (organization_id IS NULL))"
  ") STRICT;"
  "INSERT INTO win_credit_8 (win_id, person_id, organization_id)"
  "  SELECT win_id, person_id, organization_id FROM win_credit ORDER BY rowid;"
  "DROP TABLE win_credit;"
  "ALTER TABLE win_credit_8 RENAME TO win_credit;"
  "CREATE INDEX win_credit_by_win ON win_credit (win_id);"
  "CREATE INDEX win_credit_by_person ON win_credit (person_id) WHERE person_id IS NOT NULL;"
  "CREATE INDEX win_credit_by_organization ON win_credit (organization_id) WHERE organization_id IS NOT NULL;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == COALITION_STORE_SCHEMA_VERSION);

typedef struct
{
  guint  signal;
  gint64 id;
} PendingSignal;

struct _CoalitionStore
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  char       *backup_path;
  int         schema_version;

  /* SQL text (a string literal, compared by address) → sqlite3_stmt */
  GHashTable *statements;

  guint       transaction_depth;
  gboolean    transaction_failed;
  gboolean    search_deferred;

  /* Every person's id in directory order, kept while neither we nor another
   * program (PRAGMA data_version) has written since it was read. */
  GArray     *directory_order;
  CoalitionSort directory_sort;
  gint64      directory_max_id;
  int         directory_data_version;
  /* who passes the people filter, by id; see update_filter_matches() */
  guint8     *filter_matches;
  char       *filter_key;
  GArray     *pending;
  gboolean    pending_changed;
};

G_DEFINE_FINAL_TYPE (CoalitionStore, coalition_store, G_TYPE_OBJECT)

enum {
  PERSON_ADDED,
  PERSON_CHANGED,
  PERSON_REMOVED,
  ORGANIZATION_ADDED,
  ORGANIZATION_CHANGED,
  ORGANIZATION_REMOVED,
  GROUP_CHANGED,
  MEETING_CHANGED,
  MAP_CHANGED,
  CAMPAIGN_CHANGED,
  SETTING_CHANGED,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (coalition-store-error-quark, coalition_store_error)

/* ---------------------------------------------------------------------- */
/* Errors */

static char *
display_name_for_path (const char *path)
{
  return g_filename_display_name (path);
}

/* Turns an SQLite result code into a GError that tells the person what to do. */
static void
set_sqlite_error (GError     **error,
                  const char  *path,
                  sqlite3     *db,
                  int          rc)
{
  g_autofree char *name = display_name_for_path (path);
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_LOCKED,
                   _("The database “%s” is in use by another program. Close the other program "
                     "or wait a moment, then try again."), name);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be changed because the file or its folder is "
                     "read-only. Copy it to a folder you can write to, or change its permissions."),
                   name);
      break;

    case SQLITE_FULL:
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_FULL,
                   _("There is no space left to save changes to “%s”. Free some disk space, then "
                     "try again; nothing already saved was lost."), name);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Coalition database. Choose another file, or create a new "
                     "database."), name);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_FAILED,
                   _("The database “%s” is damaged (%s). Restore it from a backup, or run "
                     "“coalition-cli check” for details."), name, detail);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                   _("The change could not be saved because it conflicts with other records (%s)."),
                   detail);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_FAILED,
                   _("Could not read or write “%s” (%s). Check that the disk is connected and "
                     "the file is still there."), name, detail);
      break;

    default:
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s."), name, detail);
      break;
    }
}

static void
store_error (CoalitionStore  *self,
             GError         **error,
             int              rc)
{
  set_sqlite_error (error, self->path, self->db, rc);
}

/* ---------------------------------------------------------------------- */
/* Statements */

static sqlite3_stmt *
prepare (CoalitionStore  *self,
         const char      *sql,
         GError         **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      store_error (self, error, rc);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer)sql, stmt);
  return stmt;
}

static gboolean
exec (CoalitionStore  *self,
      const char      *sql,
      GError         **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      store_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Steps a statement that returns no rows, and resets it. */
static gboolean
step_done (CoalitionStore  *self,
           sqlite3_stmt    *stmt,
           GError         **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      store_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

/* Text goes into the file as valid UTF-8 in NFC, so that the same name typed
 * on two systems is the same name. */
static void
bind_text (sqlite3_stmt *stmt,
           int           idx,
           const char   *text)
{
  char *nfc;

  if (text == NULL)
    {
      sqlite3_bind_null (stmt, idx);
      return;
    }

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  sqlite3_bind_text (stmt, idx, nfc ? nfc : "", -1, g_free);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *)sqlite3_column_text (stmt, col);

  return text ? text : "";
}

/* ---------------------------------------------------------------------- */
/* Transactions and signals */

static void
queue_signal (CoalitionStore *self,
              guint           signal,
              gint64          id)
{
  PendingSignal pending = { signals[signal], id };

  g_array_append_val (self->pending, pending);
}

static void
flush_signals (CoalitionStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);
  gboolean changed = self->pending_changed;

  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingSignal));
  self->pending_changed = FALSE;

  /* A bulk change makes the single-record signals redundant. */
  if (changed)
    {
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingSignal *p = &g_array_index (pending, PendingSignal, i);

      g_signal_emit (self, p->signal, 0, p->id);
    }
}

static void
drop_signals (CoalitionStore *self)
{
  g_array_set_size (self->pending, 0);
  self->pending_changed = FALSE;
}

gboolean
coalition_store_begin (CoalitionStore  *self,
                       GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  if (self->transaction_depth == 0)
    {
      /* IMMEDIATE takes the write lock now, so a busy database is reported
       * before any work is done rather than at commit. */
      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      self->transaction_failed = FALSE;
    }

  self->transaction_depth++;
  return TRUE;
}

/* Back to ordinary writes: the triggers keep the index, the cache is small. */
static void
end_bulk (CoalitionStore *self)
{
  if (!self->search_deferred)
    return;

  self->search_deferred = FALSE;
  sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (NORMAL_CACHE_KIB) ";"
                "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
}

gboolean
coalition_store_commit (CoalitionStore  *self,
                        GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (--self->transaction_depth > 0)
    return TRUE;

  if (self->transaction_failed)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      end_bulk (self);
      drop_signals (self);
      self->transaction_failed = FALSE;
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_FAILED,
                           _("An earlier step failed, so nothing was saved."));
      return FALSE;
    }

  /* The statistics of the query planner go stale with a bulk write: those
   * PRAGMA optimize left of a directory of one person made every lookup
   * of a person's e-mails in the fill below a scan of all e-mails, and an
   * import of 100 000 people into it took ten minutes instead of five
   * seconds. They are measured again first (some 30 ms for 100 000). */
  if ((self->search_deferred &&
       !exec (self,
              "ANALYZE;"
              "DELETE FROM setting WHERE key = '" SEARCH_DEFERRED_KEY "';"
              "DELETE FROM person_search;"
              FILL_SEARCH_INDEX ";",
              error)) ||
      !exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      end_bulk (self);
      drop_signals (self);
      return FALSE;
    }

  end_bulk (self);
  g_clear_pointer (&self->directory_order, g_array_unref);
  g_clear_pointer (&self->filter_matches, g_free);
  flush_signals (self);
  return TRUE;
}

void
coalition_store_rollback (CoalitionStore *self)
{
  g_return_if_fail (COALITION_IS_STORE (self));
  g_return_if_fail (self->transaction_depth > 0);

  self->transaction_failed = TRUE;
  if (--self->transaction_depth > 0)
    return;

  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  end_bulk (self);
  drop_signals (self);
  self->transaction_failed = FALSE;
}

gboolean
coalition_store_begin_bulk (CoalitionStore  *self,
                            GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  self->pending_changed = TRUE;
  if (self->search_deferred)
    return TRUE;

  if (!exec (self, "INSERT INTO setting (key, value) VALUES ('" SEARCH_DEFERRED_KEY "', '1')", error))
    return FALSE;

  /* A bulk write touches far more pages than the default cache holds;
   * spilling them to the WAL and reading them back in the middle of the
   * transaction costs more than all the SQL. The memory is given back at
   * the end (BULK_CACHE_KIB is a ceiling, not an allocation). */
  exec (self, "PRAGMA cache_size = -" G_STRINGIFY (BULK_CACHE_KIB), NULL);
  self->search_deferred = TRUE;
  return TRUE;
}

gboolean
coalition_store_begin_bulk_write (CoalitionStore  *self,
                                  guint            n_records,
                                  GError         **error)
{
  gboolean set_aside;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  /* Filling the index again costs about a fifth of what the triggers cost
   * for each new record, for everyone in the directory: six people into
   * 100 000 took ten seconds with the index set aside. */
  set_aside = self->search_deferred || n_records >= coalition_store_count_people (self) / 4;

  /* Every statement of a bulk write journals the pages it changes that the
   * transaction had already written, so that it can be undone alone; once
   * that journal has outgrown 64 KiB it lives in a temporary file for the
   * rest of the transaction, and 100 000 people wrote 1.5 GB to it. SQLite
   * decides where it lives when the transaction begins. */
  if (set_aside && self->transaction_depth == 0)
    exec (self, "PRAGMA temp_store = MEMORY", NULL);

  if (!coalition_store_begin (self, error))
    {
      if (set_aside && self->transaction_depth == 0)
        sqlite3_exec (self->db, "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
      return FALSE;
    }

  if (!set_aside)
    {
      self->pending_changed = TRUE;
      return TRUE;
    }

  if (!coalition_store_begin_bulk (self, error))
    {
      coalition_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Undo */

/* The tables undo records: all but SQLite's own and the search index's,
 * which its triggers fill again as the rows come back. */
static int
undo_table_filter (void       *data,
                   const char *table)
{
  return !g_str_has_prefix (table, "sqlite_") && !g_str_has_prefix (table, "person_search");
}

GBytes *
coalition_store_write_undoable (CoalitionStore          *self,
                                CoalitionStoreWriteFunc  write,
                                gint64                   id,
                                GError                 **error)
{
  sqlite3_session *session = NULL;
  void *changes = NULL, *inverse = NULL;
  int n_changes = 0, n_inverse = 0;
  gboolean written;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);
  g_return_val_if_fail (write != NULL, NULL);

  rc = sqlite3session_create (self->db, "main", &session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (session, undo_table_filter, NULL);
      rc = sqlite3session_attach (session, NULL);
    }
  if (rc != SQLITE_OK)
    {
      if (session != NULL)
        sqlite3session_delete (session);
      store_error (self, error, rc);
      return NULL;
    }

  written = write (self, id, error);
  if (written)
    rc = sqlite3session_changeset (session, &n_changes, &changes);
  sqlite3session_delete (session);
  if (!written)
    return NULL;
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_invert (n_changes, changes, &n_inverse, &inverse);
  sqlite3_free (changes);
  if (rc != SQLITE_OK)
    {
      sqlite3_free (inverse);
      store_error (self, error, rc);
      return NULL;
    }

  return g_bytes_new_with_free_func (inverse, n_inverse, sqlite3_free, inverse);
}

/* A value changed or a row deleted since is left as it is now; a row that
 * cannot go back stops the undo. */
static int
undo_conflict (void                   *data,
               int                     conflict,
               sqlite3_changeset_iter *iter)
{
  switch (conflict)
    {
    case SQLITE_CHANGESET_DATA:
    case SQLITE_CHANGESET_NOTFOUND:
      return SQLITE_CHANGESET_OMIT;
    default:
      return SQLITE_CHANGESET_ABORT;
    }
}

gboolean
coalition_store_undo (CoalitionStore  *self,
                      GBytes          *undo,
                      GError         **error)
{
  gsize size;
  gconstpointer data;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  data = g_bytes_get_data (undo, &size);
  if (size > G_MAXINT)
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID, _("There is too much to undo."));
      return FALSE;
    }
  if (!coalition_store_begin (self, error))
    return FALSE;
  rc = sqlite3changeset_apply (self->db, (int)size, (void *)data, NULL, undo_conflict, NULL);
  if (rc != SQLITE_OK)
    {
      coalition_store_rollback (self);
      /* A row refused (ABORT), or links left to rows gone since
       * (CONSTRAINT, from the foreign keys checked at the end). */
      if (rc == SQLITE_ABORT || (rc & 0xff) == SQLITE_CONSTRAINT)
        g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                             _("It cannot be put back: what it belonged to has been deleted since, or its place "
                               "taken. Nothing was changed."));
      else
        store_error (self, error, rc);
      return FALSE;
    }
  /* Every view reloads: the rows that came back may be anywhere. */
  self->pending_changed = TRUE;
  return coalition_store_commit (self, error);
}

void
coalition_store_emit_changed (CoalitionStore *self)
{
  g_return_if_fail (COALITION_IS_STORE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---------------------------------------------------------------------- */
/* Opening and migrating */

char *
coalition_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "coalition", "coalition.db", NULL);
}

static int
read_int (sqlite3    *db,
          const char *sql,
          int        *out_value)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return rc;
}

static char *
choose_backup_path (const char *path,
                    int         version)
{
  char *candidate = g_strdup_printf ("%s.v%d.bak", path, version);

  for (guint n = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.v%d-%u.bak", path, version, n);
    }

  return candidate;
}

static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name_for_path (path);

      if (saved_errno == EEXIST)
        return TRUE;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s. Choose a folder you can write to."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

/* Copies the live database with SQLite's backup API, so the copy is
 * consistent even while another program uses the file. It is made under a
 * hidden name and renamed once whole: a crash part-way through must not
 * leave a FILE.vN.bak that looks like a copy and holds nothing. */
static gboolean
backup_to (CoalitionStore  *self,
           const char      *dest_path,
           GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (dest_path);
  g_autofree char *temporary = g_build_filename (dir, ".coalition-XXXXXX", NULL);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  coalition_export_remove_stale_temporaries (dir);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name_for_path (dest_path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s. Choose a folder you can write to."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (temporary, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (dest);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
    }

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, dest_path, dest, rc);
      sqlite3_close (dest);
      g_unlink (temporary);
      return FALSE;
    }

  sqlite3_close (dest);
  if (g_rename (temporary, dest_path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = display_name_for_path (dest_path);

      g_unlink (temporary);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create “%s”: %s. Choose a folder you can write to."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
migrate (CoalitionStore  *self,
         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  int version = self->schema_version;

  if (version == COALITION_STORE_SCHEMA_VERSION)
    return TRUE;

  /* Every step in one transaction: a failure at any of them leaves the file
   * exactly as it was, as the message below says, not at a version between
   * its own and ours. */
  if (exec (self, "BEGIN IMMEDIATE", &local_error))
    {
      for (; version < COALITION_STORE_SCHEMA_VERSION && local_error == NULL; version++)
        {
          g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);

          if (exec (self, migrations[version], &local_error))
            exec (self, set_version, &local_error);
        }
      if (local_error == NULL)
        exec (self, "COMMIT", &local_error);
    }

  if (local_error == NULL)
    {
      self->schema_version = version;
      return TRUE;
    }

  {
    g_autofree char *name = display_name_for_path (self->path);

    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

    /* Being locked out or out of space is not a broken migration:
     * say so plainly, the file is untouched either way. */
    if (g_error_matches (local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_LOCKED) ||
        g_error_matches (local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_FULL) ||
        g_error_matches (local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_READ_ONLY))
      {
        g_propagate_error (error, g_steal_pointer (&local_error));
      }
    else if (self->backup_path != NULL)
      {
        g_autofree char *backup_name = display_name_for_path (self->backup_path);

        g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_MIGRATION_FAILED,
                     _("Could not update “%s” for this version of Coalition (%s). The file "
                       "was left as it was, and a copy is in “%s”."),
                     name, local_error->message, backup_name);
      }
    else
      {
        g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_MIGRATION_FAILED,
                     _("Could not set up “%s” as a Coalition database (%s)."),
                     name, local_error->message);
      }
  }

  return FALSE;
}

static gboolean
open_database (CoalitionStore  *self,
               guint            busy_timeout_ms,
               GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *name = display_name_for_path (self->path);
  int n_objects = 0;
  int rc;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder for “%s”: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a Coalition database. Choose a file."), name);
      return FALSE;
    }

  /* Created here rather than by SQLite so the mode is 0600 whatever the
   * umask: the file holds people's contact details. */
  if (!create_private_file (self->path, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->path, self->db, rc);
      return FALSE;
    }

  sqlite3_busy_timeout (self->db, busy_timeout_ms);

  /* Read before anything writes: a newer or foreign file must stay exactly
   * as it was. */
  rc = read_int (self->db, "PRAGMA user_version", &self->schema_version);
  if (rc == SQLITE_OK)
    rc = read_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_objects);
  if (rc != SQLITE_OK)
    {
      store_error (self, error, rc);
      return FALSE;
    }

  if (self->schema_version > COALITION_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Coalition (database version %d; this "
                     "version reads up to %d). Update Coalition to open it; the file has not "
                     "been changed."),
                   name, self->schema_version, COALITION_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  if (self->schema_version == 0 && n_objects > 0)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is a database of another program, not a Coalition database. Choose "
                     "another file, or create a new database."), name);
      return FALSE;
    }

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      store_error (self, error, SQLITE_READONLY);
      return FALSE;
    }

  if (self->schema_version > 0 && self->schema_version < COALITION_STORE_SCHEMA_VERSION)
    {
      self->backup_path = choose_backup_path (self->path, self->schema_version);
      if (!backup_to (self, self->backup_path, error))
        {
          g_clear_pointer (&self->backup_path, g_free);
          return FALSE;
        }
    }

  if (!exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA synchronous = NORMAL", error) ||
      !exec (self, "PRAGMA analysis_limit = " G_STRINGIFY (ANALYSIS_LIMIT), error))
    return FALSE;

  return migrate (self, error);
}

CoalitionStore *
coalition_store_open_full (const char  *path,
                           guint        busy_timeout_ms,
                           GError     **error)
{
  g_autoptr(CoalitionStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (COALITION_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_database (self, busy_timeout_ms, error))
    return NULL;

  return g_steal_pointer (&self);
}

CoalitionStore *
coalition_store_open (const char  *path,
                      GError     **error)
{
  return coalition_store_open_full (path, DEFAULT_BUSY_TIMEOUT_MS, error);
}

/* ---------------------------------------------------------------------- */
/* GObject */

static void
coalition_store_finalize (GObject *object)
{
  CoalitionStore *self = (CoalitionStore *)object;

  if (self->transaction_depth > 0)
    {
      g_warning ("Store finalized inside a transaction; rolling back");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
    }

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      if (self->schema_version == COALITION_STORE_SCHEMA_VERSION &&
          !sqlite3_db_readonly (self->db, "main"))
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->directory_order, g_array_unref);
  g_clear_pointer (&self->filter_matches, g_free);
  g_clear_pointer (&self->filter_key, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);

  G_OBJECT_CLASS (coalition_store_parent_class)->finalize (object);
}

static void
coalition_store_class_init (CoalitionStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const char *id_signals[] = {
    [PERSON_ADDED] = "person-added",
    [PERSON_CHANGED] = "person-changed",
    [PERSON_REMOVED] = "person-removed",
    [ORGANIZATION_ADDED] = "organization-added",
    [ORGANIZATION_CHANGED] = "organization-changed",
    [ORGANIZATION_REMOVED] = "organization-removed",
    [GROUP_CHANGED] = "group-changed",
    [MEETING_CHANGED] = "meeting-changed",
    [MAP_CHANGED] = "map-changed",
    [CAMPAIGN_CHANGED] = "campaign-changed",
  };

  object_class->finalize = coalition_store_finalize;

  for (guint i = 0; i < G_N_ELEMENTS (id_signals); i++)
    signals[i] = g_signal_new (id_signals[i],
                               G_TYPE_FROM_CLASS (klass),
                               G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL,
                               G_TYPE_NONE, 1, G_TYPE_INT64);

  signals[SETTING_CHANGED] = g_signal_new ("setting-changed",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
coalition_store_init (CoalitionStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingSignal));
}

const char *
coalition_store_get_path (CoalitionStore *self)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);
  return self->path;
}

int
coalition_store_get_schema_version (CoalitionStore *self)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
coalition_store_get_backup_path (CoalitionStore *self)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);
  return self->backup_path;
}

gpointer
coalition_store_get_handle (CoalitionStore *self)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);
  return self->db;
}

/* ---------------------------------------------------------------------- */
/* Helpers for records */

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Case and accents are ignored, so that “Łukasz”, “lukas” and “Lucas” sort
 * together as people expect. */
char *
coalition_store_make_sort_key (const char *primary,
                               const char *secondary)
{
  g_autofree char *joined = g_strconcat (primary ? primary : "", "\x01", secondary ? secondary : "", NULL);
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  gboolean ascii = TRUE;
  GString *key;

  /* ASCII has nothing to decompose and folds to its lower case: most names
   * in most lists, at a fraction of the cost of the general way. */
  for (char *p = joined; *p && ascii; p++)
    ascii = (guchar)*p < 0x80;
  if (ascii)
    {
      for (char *p = joined; *p; p++)
        *p = g_ascii_tolower (*p);
      return g_steal_pointer (&joined);
    }

  decomposed = g_utf8_normalize (joined, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_strdup ("");

  key = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      /* Letters that carry their difference in the letter itself rather
       * than in a combining mark, spelled as people type them on a keyboard
       * without them: Łukasz as lukasz, Sigríður as sigridur, Weiß as weiss. */
      switch (c)
        {
        case 0x0141: case 0x0142: g_string_append_c (key, 'l'); break;            /* Ł ł */
        case 0x0110: case 0x0111: case 0x00D0: case 0x00F0:
          g_string_append_c (key, 'd'); break;                                     /* Đ đ Ð ð */
        case 0x00D8: case 0x00F8: g_string_append_c (key, 'o'); break;            /* Ø ø */
        case 0x00DE: case 0x00FE: g_string_append (key, "th"); break;             /* Þ þ */
        case 0x00C6: case 0x00E6: g_string_append (key, "ae"); break;             /* Æ æ */
        case 0x0152: case 0x0153: g_string_append (key, "oe"); break;             /* Œ œ */
        case 0x00DF: g_string_append (key, "ss"); break;                          /* ß */
        default: g_string_append_unichar (key, c); break;
        }
    }

  folded = g_utf8_casefold (key->str, key->len);
  g_string_free (key, TRUE);

  return g_steal_pointer (&folded);
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("The text is not valid UTF-8 and was not saved."));
      return FALSE;
    }

  return TRUE;
}

/* Runs an INSERT, or an UPDATE … RETURNING uid, created_at, of one record.
 * On insert @id becomes the new row's; on update @uid and @created_at are
 * read back, and a missing row is NOT_FOUND with @gone_message. */
static gboolean
step_write (CoalitionStore  *self,
            sqlite3_stmt    *stmt,
            gboolean         insert,
            gint64          *id,
            char           **uid,
            char           **created_at,
            const char      *gone_message,
            GError         **error)
{
  int rc = sqlite3_step (stmt);

  if (!insert && rc == SQLITE_ROW)
    {
      *uid = g_strdup (column_text (stmt, 0));
      *created_at = g_strdup (column_text (stmt, 1));
      rc = sqlite3_step (stmt);
    }
  sqlite3_reset (stmt);

  if (!insert && rc == SQLITE_DONE && *uid == NULL)
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND, gone_message);
      return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      store_error (self, error, rc);
      return FALSE;
    }

  if (insert)
    *id = sqlite3_last_insert_rowid (self->db);

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Settings */

char *
coalition_store_get_setting (CoalitionStore *self,
                             const char     *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = prepare (self, "SELECT value FROM setting WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

gboolean
coalition_store_set_setting (CoalitionStore  *self,
                             const char      *key,
                             const char      *value,
                             GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!check_text (value, error))
    return FALSE;

  if (value == NULL)
    stmt = prepare (self, "DELETE FROM setting WHERE key = ?1", error);
  else
    stmt = prepare (self,
                    "INSERT INTO setting (key, value) VALUES (?1, ?2) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (value != NULL)
    bind_text (stmt, 2, value);

  if (!step_done (self, stmt, error))
    return FALSE;

  /* Inside a transaction the change may still be rolled back: views hear of
   * it with the rest at the commit. */
  if (self->transaction_depth > 0)
    self->pending_changed = TRUE;
  else
    g_signal_emit (self, signals[SETTING_CHANGED], g_quark_from_string (key), key);

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* People */

#define PERSON_COLUMNS \
  "p.id, p.uid, p.given_name, p.family_name, p.display_name, p.organization_id, o.name, " \
  "p.title, p.status, p.notes, p.created_at, p.updated_at, " \
  "p.address, p.skills, " OUTREACH_SELECT ("p") ", " TAGS_SELECT ("person", "p")

/* The outreach columns of a person or organization row @r, and the name of
 * the person who makes the ask. */
#define OUTREACH_SELECT(r) \
  r ".priority, " r ".asker_id, (SELECT display_name FROM person a WHERE a.id = " r ".asker_id), " \
  r ".next_step, " r ".next_step_date"

/* The tags of the row @r of @table, one per line. */
#define TAGS_SELECT(table, r) \
  "(SELECT group_concat (t.name, char (10)) FROM " table "_tag x JOIN tag t ON t.id = x.tag_id " \
  "WHERE x." table "_id = " r ".id)"

static CoalitionOutreach *
outreach_from_row (sqlite3_stmt *stmt,
                   int           column)
{
  CoalitionOutreach *outreach = coalition_outreach_new ();
  int priority = sqlite3_column_int (stmt, column);

  outreach->priority = CLAMP (priority, COALITION_PRIORITY_NONE, COALITION_PRIORITY_LAST);
  outreach->asker_id = sqlite3_column_int64 (stmt, column + 1);
  outreach->asker_name = g_strdup ((const char *)sqlite3_column_text (stmt, column + 2));
  g_free (outreach->next_step);
  outreach->next_step = g_strdup (column_text (stmt, column + 3));
  g_free (outreach->next_step_date);
  outreach->next_step_date = g_strdup (column_text (stmt, column + 4));
  return outreach;
}

static int
compare_collated (gconstpointer a,
                  gconstpointer b)
{
  g_autofree char *fa = g_utf8_casefold (*(const char * const *)a, -1);
  g_autofree char *fb = g_utf8_casefold (*(const char * const *)b, -1);
  int by_folded = g_utf8_collate (fa, fb);

  return by_folded != 0 ? by_folded : g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

static GStrv
tags_from_row (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  GStrv tags = g_strsplit (text ? text : "", "\n", -1);

  /* In the locale's order, whatever order they were added in. */
  qsort (tags, g_strv_length (tags), sizeof (char *), compare_collated);
  return tags;
}

static CoalitionPerson *
person_from_row (sqlite3_stmt *stmt)
{
  CoalitionPerson *person = coalition_person_new ();
  CoalitionStatus status = COALITION_STATUS_MEMBER;
  g_autoptr(CoalitionOutreach) outreach = outreach_from_row (stmt, 14);
  g_auto(GStrv) tags = tags_from_row (stmt, 19);

  coalition_person_set_id (person, sqlite3_column_int64 (stmt, 0));
  coalition_person_set_uid (person, column_text (stmt, 1));
  coalition_person_set_given_name (person, column_text (stmt, 2));
  coalition_person_set_family_name (person, column_text (stmt, 3));
  coalition_person_set_display_name (person, column_text (stmt, 4));
  coalition_person_set_organization_id (person, sqlite3_column_int64 (stmt, 5));
  coalition_person_set_organization_name (person, (const char *)sqlite3_column_text (stmt, 6));
  coalition_person_set_title (person, column_text (stmt, 7));
  coalition_status_from_string (column_text (stmt, 8), &status);
  coalition_person_set_status (person, status);
  coalition_person_set_notes (person, column_text (stmt, 9));
  coalition_person_set_times (person, column_text (stmt, 10), column_text (stmt, 11));
  coalition_person_set_address (person, column_text (stmt, 12));
  coalition_person_set_skills (person, column_text (stmt, 13));
  coalition_person_set_outreach (person, outreach);
  coalition_person_set_tags (person, (const char * const *)tags);

  return person;
}

CoalitionPerson *
coalition_store_get_person (CoalitionStore  *self,
                            gint64           id,
                            GError         **error)
{
  g_autoptr(GPtrArray) people = NULL;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  people = coalition_store_get_people (self, &id, 1, error);
  if (people == NULL)
    return NULL;

  if (people->pdata[0] == NULL)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                   _("This person is no longer in the directory."));
      return NULL;
    }

  return g_object_ref (people->pdata[0]);
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Several people in three queries, not three per person: a page of the
 * directory is read this way. The ids go in as one JSON array. */
GPtrArray *
coalition_store_get_people (CoalitionStore  *self,
                            const gint64    *ids,
                            guint            n_ids,
                            GError         **error)
{
  static const char * const point_sql[] = {
    "SELECT person_id, label, address, is_primary FROM person_email "
    "WHERE person_id IN (SELECT value FROM json_each (?)) ORDER BY person_id, position",
    "SELECT person_id, label, number, is_primary FROM person_phone "
    "WHERE person_id IN (SELECT value FROM json_each (?)) ORDER BY person_id, position",
  };
  g_autoptr(GPtrArray) people = g_ptr_array_new_full (n_ids, unref_if_set);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  g_autoptr(GString) list = g_string_new ("[");
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (list, ']');

  stmt = prepare (self,
                  "SELECT " PERSON_COLUMNS " FROM person p "
                  "LEFT JOIN organization o ON o.id = p.organization_id "
                  "WHERE p.id IN (SELECT value FROM json_each (?))",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, list->str, list->len, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CoalitionPerson *person = person_from_row (stmt);

      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { coalition_person_get_id (person) }, sizeof (gint64)), person);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_error (self, error, rc);
      return NULL;
    }

  for (guint k = 0; k < G_N_ELEMENTS (point_sql); k++)
    {
      if (!(stmt = prepare (self, point_sql[k], error)))
        rc = SQLITE_ERROR;
      else
        {
          sqlite3_bind_text (stmt, 1, list->str, list->len, SQLITE_STATIC);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);
              CoalitionPerson *person = g_hash_table_lookup (by_id, &id);

              if (person == NULL)
                continue;
              if (k == 0)
                coalition_person_add_email (person, column_text (stmt, 1), column_text (stmt, 2),
                                            sqlite3_column_int (stmt, 3));
              else
                coalition_person_add_phone (person, column_text (stmt, 1), column_text (stmt, 2),
                                            sqlite3_column_int (stmt, 3));
            }
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            store_error (self, error, rc);
        }
      if (rc != SQLITE_DONE)
        break;
    }

  if (rc != SQLITE_DONE)
    return NULL;

  /* In the order asked for; NULL for anyone no longer there. */
  for (guint i = 0; i < n_ids; i++)
    {
      CoalitionPerson *person = g_hash_table_lookup (by_id, &ids[i]);

      g_ptr_array_add (people, person != NULL ? g_object_ref (person) : NULL);
    }

  return g_steal_pointer (&people);
}

static gboolean
check_outreach_date (const CoalitionOutreach  *outreach,
                     GError                  **error)
{
  g_autofree char *date = NULL;

  if (*outreach->next_step_date == '\0')
    return TRUE;

  date = coalition_date_normalize (outreach->next_step_date);
  if (date == NULL || strcmp (date, outreach->next_step_date) != 0)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Write the date of the next step as year-month-day, "
                     "for example 2026-03-14."),
                   outreach->next_step_date);
      return FALSE;
    }

  return TRUE;
}

/* Replaces the tags of row @id of @owner ("person" or "organization"). */
static gboolean
write_tags (CoalitionStore      *self,
            const char          *owner,
            gint64               id,
            const char * const  *tags,
            gboolean             replace,
            GError             **error)
{
  sqlite3_stmt *stmt;
  gboolean person = g_str_equal (owner, "person");

  if (replace)
    {
      stmt = prepare (self, person ? "DELETE FROM person_tag WHERE person_id = ?"
                                   : "DELETE FROM organization_tag WHERE organization_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; tags[i] != NULL; i++)
    {
      if (!(stmt = prepare (self, "INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING", error)))
        return FALSE;
      bind_text (stmt, 1, tags[i]);
      if (!step_done (self, stmt, error))
        return FALSE;

      stmt = prepare (self, person ? "INSERT OR IGNORE INTO person_tag (person_id, tag_id) "
                                     "SELECT ?1, id FROM tag WHERE name = ?2"
                                   : "INSERT OR IGNORE INTO organization_tag (organization_id, tag_id) "
                                     "SELECT ?1, id FROM tag WHERE name = ?2", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, tags[i]);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The person who makes the ask, or NULL when they have left the directory
 * meanwhile (a pane may still name someone deleted since). */
#define ASKER(param) "(SELECT id FROM person WHERE id = " param ")"

/* Binds the outreach of a row to the parameters @first to @first + 3. */
static void
bind_outreach (sqlite3_stmt            *stmt,
               int                      first,
               const CoalitionOutreach *outreach)
{
  sqlite3_bind_int (stmt, first, outreach->priority);
  if (outreach->asker_id > 0)
    sqlite3_bind_int64 (stmt, first + 1, outreach->asker_id);
  else
    sqlite3_bind_null (stmt, first + 1);
  bind_text (stmt, first + 2, outreach->next_step);
  bind_text (stmt, first + 3, outreach->next_step_date);
}

static gboolean
validate_person (CoalitionPerson  *person,
                 GError          **error)
{
  GPtrArray *lists[] = { coalition_person_get_emails (person), coalition_person_get_phones (person) };
  const char *texts[] = {
    coalition_person_get_given_name (person),
    coalition_person_get_family_name (person),
    coalition_person_get_display_name (person),
    coalition_person_get_title (person),
    coalition_person_get_notes (person),
    coalition_person_get_address (person),
    coalition_person_get_skills (person),
    coalition_person_get_outreach (person)->next_step,
  };
  const char * const *tags = coalition_person_get_tags (person);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!check_text (texts[i], error))
      return FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    if (!check_text (tags[i], error))
      return FALSE;

  if (!check_outreach_date (coalition_person_get_outreach (person), error))
    return FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        const CoalitionContactPoint *point = g_ptr_array_index (lists[l], i);

        if (!check_text (point->label, error) || !check_text (point->value, error))
          return FALSE;
      }

  return TRUE;
}

static gboolean
is_cjk (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script != G_UNICODE_SCRIPT_HAN && script != G_UNICODE_SCRIPT_HANGUL &&
          script != G_UNICODE_SCRIPT_HIRAGANA && script != G_UNICODE_SCRIPT_KATAKANA)
        return FALSE;
    }

  return TRUE;
}

/* The name shown in lists: the display name as given, else the given and
 * family names joined. */
char *
coalition_store_make_display_name (const char *given_name,
                                   const char *family_name,
                                   const char *display_name)
{
  g_autofree char *joined = NULL;

  if (display_name != NULL && *display_name != '\0')
    return g_strstrip (g_strdup (display_name));

  given_name = given_name ? given_name : "";
  family_name = family_name ? family_name : "";

  /* Chinese, Japanese and Korean names are written family name first,
   * without a space: 김민준, 王秀英. */
  if (is_cjk (given_name) && is_cjk (family_name))
    joined = g_strconcat (family_name, given_name, NULL);
  else
    joined = g_strjoin (" ", given_name, family_name, NULL);
  return g_strstrip (g_steal_pointer (&joined));
}

static char *
effective_display_name (CoalitionPerson *person)
{
  return coalition_store_make_display_name (coalition_person_get_given_name (person),
                                            coalition_person_get_family_name (person),
                                            coalition_person_get_display_name (person));
}

static gboolean
write_contact_points (CoalitionStore   *self,
                      gint64            person_id,
                      GPtrArray        *points,
                      const char       *delete_sql,
                      const char       *insert_sql,
                      GError          **error)
{
  sqlite3_stmt *stmt;
  guint position = 0;

  /* A new person has nothing to replace (delete_sql is NULL then). */
  if (delete_sql != NULL)
    {
      if (!(stmt = prepare (self, delete_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < points->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (points, i);
      g_autofree char *value = g_strstrip (g_strdup (point->value));

      if (*value == '\0')
        continue;

      if (!(stmt = prepare (self, insert_sql, error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, person_id);
      sqlite3_bind_int (stmt, 2, position++);
      bind_text (stmt, 3, point->label);
      bind_text (stmt, 4, value);
      sqlite3_bind_int (stmt, 5, point->primary ? 1 : 0);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_person (CoalitionStore   *self,
              CoalitionPerson  *person_in,
              gboolean          insert,
              GError          **error)
{
  /* Handlers of the signals at the commit may drop the caller's reference. */
  g_autoptr(CoalitionPerson) person = g_object_ref (person_in);
  g_autofree char *display_name = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *now = now_utc ();
  g_autofree char *uid = NULL;
  g_autofree char *created_at = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = coalition_person_get_id (person);
  gint64 organization_id = coalition_person_get_organization_id (person);
  gboolean has_family;

  if (!validate_person (person, error))
    return FALSE;

  display_name = effective_display_name (person);
  if (*display_name == '\0')
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("A person needs a name. Enter a given name, a family name or both."));
      return FALSE;
    }

  has_family = *coalition_person_get_family_name (person) != '\0';
  sort_key = coalition_store_make_sort_key (has_family ? coalition_person_get_family_name (person) : display_name,
                                            has_family ? coalition_person_get_given_name (person) : "");

  if (!coalition_store_begin (self, error))
    return FALSE;

  if (insert)
    {
      /* A new identity, even for a copy of someone read from the store. */
      uid = g_uuid_string_random ();
      created_at = g_strdup (now);
      stmt = prepare (self,
                      "INSERT INTO person (uid, given_name, family_name, display_name, organization_id, "
                      "title, status, notes, sort_key, created_at, updated_at, "
                      "address, skills, priority, asker_id, next_step, next_step_date) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?13, ?14, ?15, "
                      ASKER ("?16") ", ?17, ?18)",
                      &local_error);
    }
  else
    {
      stmt = prepare (self,
                      "UPDATE person SET given_name = ?2, family_name = ?3, display_name = ?4, "
                      "organization_id = ?5, title = ?6, status = ?7, notes = ?8, sort_key = ?9, "
                      "updated_at = ?10, address = ?13, skills = ?14, priority = ?15, asker_id = " ASKER ("?16") ", "
                      "next_step = ?17, next_step_date = ?18 WHERE id = ?11 RETURNING uid, created_at",
                      &local_error);
    }

  if (stmt != NULL)
    {
      if (insert)
        sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, 11, id);
      bind_text (stmt, 2, coalition_person_get_given_name (person));
      bind_text (stmt, 3, coalition_person_get_family_name (person));
      bind_text (stmt, 4, display_name);
      if (organization_id > 0)
        sqlite3_bind_int64 (stmt, 5, organization_id);
      else
        sqlite3_bind_null (stmt, 5);
      bind_text (stmt, 6, coalition_person_get_title (person));
      sqlite3_bind_text (stmt, 7, coalition_status_to_string (coalition_person_get_status (person)), -1, SQLITE_STATIC);
      bind_text (stmt, 8, coalition_person_get_notes (person));
      sqlite3_bind_text (stmt, 9, sort_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, now, -1, SQLITE_STATIC);
      bind_text (stmt, 13, coalition_person_get_address (person));
      bind_text (stmt, 14, coalition_person_get_skills (person));
      bind_outreach (stmt, 15, coalition_person_get_outreach (person));

      step_write (self, stmt, insert, &id, &uid, &created_at,
                  _("This person is no longer in the directory."), &local_error);
    }

  if (local_error == NULL)
    write_tags (self, "person", id, coalition_person_get_tags (person), !insert, &local_error);

  if (local_error == NULL)
    write_contact_points (self, id, coalition_person_get_emails (person),
                          insert ? NULL : "DELETE FROM person_email WHERE person_id = ?",
                          "INSERT INTO person_email (person_id, position, label, address, is_primary) "
                          "VALUES (?, ?, ?, ?, ?)",
                          &local_error);
  if (local_error == NULL)
    write_contact_points (self, id, coalition_person_get_phones (person),
                          insert ? NULL : "DELETE FROM person_phone WHERE person_id = ?",
                          "INSERT INTO person_phone (person_id, position, label, number, is_primary) "
                          "VALUES (?, ?, ?, ?, ?)",
                          &local_error);

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  queue_signal (self, insert ? PERSON_ADDED : PERSON_CHANGED, id);

  if (!coalition_store_commit (self, error))
    return FALSE;

  /* Only now that the row is committed does the object carry its identity. */
  coalition_person_set_id (person, id);
  coalition_person_set_uid (person, uid);
  coalition_person_set_times (person, created_at, now);
  coalition_person_set_display_name (person, display_name);

  return TRUE;
}

gboolean
coalition_store_insert_person (CoalitionStore   *self,
                               CoalitionPerson  *person,
                               GError          **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (COALITION_IS_PERSON (person), FALSE);
  g_return_val_if_fail (coalition_person_get_id (person) == 0, FALSE);

  return write_person (self, person, TRUE, error);
}

gboolean
coalition_store_update_person (CoalitionStore   *self,
                               CoalitionPerson  *person,
                               GError          **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (COALITION_IS_PERSON (person), FALSE);
  g_return_val_if_fail (coalition_person_get_id (person) > 0, FALSE);

  return write_person (self, person, FALSE, error);
}

/* Binds @text as it will be stored (NFC); ASCII, which is its own NFC, is
 * bound where it lies, so @text must outlive the statement's step. */
static void
bind_text_static (sqlite3_stmt *stmt,
                  int           idx,
                  const char   *text)
{
  const char *p = text;

  while ((guchar)(*p - 1) < 0x7f)
    p++;
  if (*p == '\0')
    sqlite3_bind_text (stmt, idx, text, p - text, SQLITE_STATIC);
  else
    bind_text (stmt, idx, text);
}

static gboolean
validate_new_person (const CoalitionStoreNewPerson  *person,
                     GError                        **error)
{
  GPtrArray *lists[] = { person->emails, person->phones };
  const char *texts[] = {
    person->given_name, person->family_name, person->display_name, person->title,
    person->notes, person->address, person->skills,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!check_text (texts[i], error))
      return FALSE;

  for (guint i = 0; person->tags != NULL && person->tags[i] != NULL; i++)
    if (!check_text (person->tags[i], error))
      return FALSE;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < lists[l]->len; i++)
      {
        const CoalitionContactPoint *point = g_ptr_array_index (lists[l], i);

        if (!check_text (point->label, error) || !check_text (point->value, error))
          return FALSE;
      }

  if (person->display_name == NULL || *person->display_name == '\0')
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("A person needs a name. Enter a given name, a family name or both."));
      return FALSE;
    }

  return TRUE;
}

/* Rows of one table written BULK_ROWS to a statement: a statement of a
 * transaction journals each page it changes once, and a statement per row
 * journals the same leaf pages again and again. */
#define BULK_ROWS 32

typedef struct
{
  enum { BULK_NULL, BULK_INT, BULK_TEXT, BULK_KEY } kind;   /* a key is bound as it is, not NFC */
  gint64      number;
  const char *text;   /* must live until the row is written */
} BulkValue;

typedef struct
{
  sqlite3_stmt *many;       /* BULK_ROWS rows */
  sqlite3_stmt *one;
  guint         n_columns;
  GArray       *values;     /* of BulkValue: the rows not yet written */
} BulkTable;

static gboolean
bulk_table_init (CoalitionStore  *self,
                 BulkTable       *table,
                 const char      *insert,
                 guint            n_columns,
                 GError         **error)
{
  g_autoptr(GString) sql = g_string_new (insert);
  int rc;

  memset (table, 0, sizeof *table);
  table->n_columns = n_columns;
  table->values = g_array_sized_new (FALSE, FALSE, sizeof (BulkValue), 2 * BULK_ROWS * n_columns);

  for (guint r = 0; r < BULK_ROWS; r++)
    {
      g_string_append (sql, r == 0 ? " VALUES (" : ", (");
      for (guint c = 0; c < n_columns; c++)
        g_string_append (sql, c == 0 ? "?" : ", ?");
      g_string_append_c (sql, ')');
      if (r == 0)
        {
          rc = sqlite3_prepare_v3 (self->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &table->one, NULL);
          if (rc != SQLITE_OK)
            {
              store_error (self, error, rc);
              return FALSE;
            }
        }
    }

  rc = sqlite3_prepare_v3 (self->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, &table->many, NULL);
  if (rc != SQLITE_OK)
    {
      store_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

static void
bulk_table_clear (BulkTable *table)
{
  g_clear_pointer (&table->many, sqlite3_finalize);
  g_clear_pointer (&table->one, sqlite3_finalize);
  g_clear_pointer (&table->values, g_array_unref);
}

static guint
bulk_table_rows (BulkTable *table)
{
  return table->values->len / table->n_columns;
}

static void
bulk_bind (sqlite3_stmt    *stmt,
           int              idx,
           const BulkValue *value)
{
  switch (value->kind)
    {
    case BULK_NULL: sqlite3_bind_null (stmt, idx); break;
    case BULK_INT: sqlite3_bind_int64 (stmt, idx, value->number); break;
    case BULK_TEXT: bind_text_static (stmt, idx, value->text); break;
    case BULK_KEY: sqlite3_bind_text (stmt, idx, value->text, -1, SQLITE_STATIC); break;
    default: g_assert_not_reached ();
    }
}

/* Writes the buffered rows BULK_ROWS to a statement, and with @all the rest
 * one by one (the last rows of a write). */
static gboolean
bulk_table_flush (CoalitionStore  *self,
                  BulkTable       *table,
                  gboolean         all,
                  GError         **error)
{
  const BulkValue *values = (const BulkValue *)table->values->data;
  guint n_rows = bulk_table_rows (table), done = 0;
  gboolean ok = TRUE;

  for (; ok && n_rows - done >= BULK_ROWS; done += BULK_ROWS)
    {
      for (guint i = 0; i < BULK_ROWS * table->n_columns; i++)
        bulk_bind (table->many, i + 1, &values[done * table->n_columns + i]);
      ok = step_done (self, table->many, error);
    }

  for (; ok && all && done < n_rows; done++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        bulk_bind (table->one, c + 1, &values[done * table->n_columns + c]);
      ok = step_done (self, table->one, error);
    }

  /* Nothing of the caller's text may stay bound once it is gone. */
  sqlite3_clear_bindings (table->many);
  sqlite3_clear_bindings (table->one);
  g_array_remove_range (table->values, 0, done * table->n_columns);
  return ok;
}

/* The next row's values, to be filled by the caller. */
static BulkValue *
bulk_table_next_row (BulkTable *table)
{
  g_array_set_size (table->values, table->values->len + table->n_columns);
  return &g_array_index (table->values, BulkValue, table->values->len - table->n_columns);
}

#define BULK_INT_VALUE(n) ((BulkValue) { BULK_INT, (n), NULL })
#define BULK_TEXT_VALUE(t) ((BulkValue) { BULK_TEXT, 0, (t) })
#define BULK_KEY_VALUE(t) ((BulkValue) { BULK_KEY, 0, (t) })
#define BULK_NULL_VALUE ((BulkValue) { BULK_NULL, 0, NULL })

static void
add_new_points (BulkTable  *table,
                GPtrArray  *owned,
                gint64      person_id,
                GPtrArray  *points)
{
  guint position = 0;

  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const CoalitionContactPoint *point = g_ptr_array_index (points, i);
      const char *value = point->value;
      BulkValue *row;
      gsize length;

      /* Stored without the blanks around it, as write_contact_points () does. */
      while (g_ascii_isspace (*value))
        value++;
      length = strlen (value);
      while (length > 0 && g_ascii_isspace (value[length - 1]))
        length--;
      if (length == 0)
        continue;

      row = bulk_table_next_row (table);
      if (value[length] != '\0')
        {
          value = g_strndup (value, length);
          g_ptr_array_add (owned, (char *)value);
        }
      row[0] = BULK_INT_VALUE (person_id);
      row[1] = BULK_INT_VALUE (position++);
      row[2] = BULK_TEXT_VALUE (point->label ? point->label : "");
      row[3] = BULK_TEXT_VALUE (value);
      row[4] = BULK_INT_VALUE (point->primary ? 1 : 0);
    }
}

/* The id of tag @name, added when new; @ids caches them for one bulk write. */
static gint64
bulk_tag_id (CoalitionStore  *self,
             GHashTable      *ids,
             const char      *name,
             GError         **error)
{
  sqlite3_stmt *stmt;
  gpointer found;
  gint64 id = 0;
  int rc;

  if (g_hash_table_lookup_extended (ids, name, NULL, &found))
    return (gint64)(gintptr)found;

  if (!(stmt = prepare (self, "INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING", error)))
    return 0;
  bind_text (stmt, 1, name);
  if (!step_done (self, stmt, error))
    return 0;

  /* The name may be there already in another case (the column is NOCASE). */
  if (!(stmt = prepare (self, "SELECT id FROM tag WHERE name = ?", error)))
    return 0;
  bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      store_error (self, error, rc == SQLITE_DONE ? SQLITE_INTERNAL : rc);
      return 0;
    }

  g_hash_table_insert (ids, g_strdup (name), (gpointer)(gintptr)id);
  return id;
}

gboolean
coalition_store_insert_people (CoalitionStore                 *self,
                               const CoalitionStoreNewPerson  *people,
                               guint                           n_people,
                               gint64                         *out_ids,
                               guint                          *out_failed,
                               GCancellable                   *cancellable,
                               GError                        **error)
{
  g_autoptr(GHashTable) tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* sort keys, uids and trimmed values, until their rows are written */
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = now_utc ();
  BulkTable *tables = g_new0 (BulkTable, 4);
  BulkTable *person_table = &tables[0], *email_table = &tables[1], *phone_table = &tables[2];
  BulkTable *tag_table = &tables[3];
  sqlite3_stmt *stmt;
  gint64 next_id = 1;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (people != NULL || n_people == 0, FALSE);

  if (out_failed != NULL)
    *out_failed = n_people;
  if (!coalition_store_begin (self, error))
    {
      g_free (tables);
      return FALSE;
    }

  if (!bulk_table_init (self, person_table,
                        "INSERT INTO person (id, uid, given_name, family_name, display_name, organization_id, "
                        "title, status, notes, sort_key, created_at, updated_at, address, skills)",
                        14, &local_error) ||
      !bulk_table_init (self, email_table,
                        "INSERT INTO person_email (person_id, position, label, address, is_primary)", 5,
                        &local_error) ||
      !bulk_table_init (self, phone_table,
                        "INSERT INTO person_phone (person_id, position, label, number, is_primary)", 5,
                        &local_error) ||
      !bulk_table_init (self, tag_table, "INSERT OR IGNORE INTO person_tag (person_id, tag_id)", 2,
                        &local_error))
    goto out;

  /* The ids SQLite would give, one after the other, known before the rows
   * are written so that their e-mails, phones and tags can go with them. */
  if (!(stmt = prepare (self, "SELECT coalesce (max (id), 0) + 1 FROM person", &local_error)))
    goto out;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    next_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      store_error (self, &local_error, rc);
      goto out;
    }

  for (guint i = 0; i < n_people; i++)
    {
      const CoalitionStoreNewPerson *person = &people[i];
      gboolean has_family = person->family_name != NULL && *person->family_name != '\0';
      char *sort_key, *uid;
      gint64 id = next_id++;
      BulkValue *row;

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        goto out;

      if (out_failed != NULL)
        *out_failed = i;
      if (!validate_new_person (person, &local_error))
        goto out;
      if (out_failed != NULL)
        *out_failed = n_people;

      row = bulk_table_next_row (person_table);
      sort_key = coalition_store_make_sort_key (has_family ? person->family_name : person->display_name,
                                                has_family ? person->given_name : "");
      /* A person read from a Coalition export keeps the UID they had, so
       * that the next import of a newer export finds them. */
      uid = person->uid != NULL && g_uuid_string_is_valid (person->uid) ? g_ascii_strdown (person->uid, -1)
                                                                        : g_uuid_string_random ();
      g_ptr_array_add (owned, sort_key);
      g_ptr_array_add (owned, uid);

      row[0] = BULK_INT_VALUE (id);
      row[1] = BULK_KEY_VALUE (uid);
      row[2] = BULK_TEXT_VALUE (person->given_name ? person->given_name : "");
      row[3] = BULK_TEXT_VALUE (person->family_name ? person->family_name : "");
      row[4] = BULK_TEXT_VALUE (person->display_name);
      row[5] = person->organization_id > 0 ? BULK_INT_VALUE (person->organization_id) : BULK_NULL_VALUE;
      row[6] = BULK_TEXT_VALUE (person->title ? person->title : "");
      row[7] = BULK_TEXT_VALUE (coalition_status_to_string (person->status));
      row[8] = BULK_TEXT_VALUE (person->notes ? person->notes : "");
      row[9] = BULK_KEY_VALUE (sort_key);
      row[10] = BULK_KEY_VALUE (now);
      row[11] = BULK_KEY_VALUE (now);
      row[12] = BULK_TEXT_VALUE (person->address ? person->address : "");
      row[13] = BULK_TEXT_VALUE (person->skills ? person->skills : "");

      for (guint t = 0; person->tags != NULL && person->tags[t] != NULL; t++)
        {
          gint64 tag_id = bulk_tag_id (self, tag_ids, person->tags[t], &local_error);

          if (tag_id == 0)
            goto out;
          row = bulk_table_next_row (tag_table);
          row[0] = BULK_INT_VALUE (id);
          row[1] = BULK_INT_VALUE (tag_id);
        }

      add_new_points (email_table, owned, id, person->emails);
      add_new_points (phone_table, owned, id, person->phones);

      /* The people first, then what refers to them (the foreign keys are
       * checked row by row); a person's last rows may wait for the next. */
      if (bulk_table_rows (person_table) == BULK_ROWS)
        for (guint t = 0; t < 4; t++)
          if (!bulk_table_flush (self, &tables[t], FALSE, &local_error))
            goto out;

      if (out_ids != NULL)
        out_ids[i] = id;
      if (!self->search_deferred)
        queue_signal (self, PERSON_ADDED, id);
    }

  for (guint t = 0; t < 4 && local_error == NULL; t++)
    bulk_table_flush (self, &tables[t], TRUE, &local_error);

out:
  for (guint t = 0; t < 4; t++)
    bulk_table_clear (&tables[t]);
  g_free (tables);

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return coalition_store_commit (self, error);
}

/* Runs one statement over one or two ids (@second is bound when it is not
 * 0) in its own transaction, and announces @signal_id for @announced.
 * With @gone_message, a statement that changes nothing is an error. */
static gboolean
write_row (CoalitionStore  *self,
           const char      *sql,
           gint64           first,
           gint64           second,
           guint            signal_id,
           gint64           announced,
           const char      *gone_message,
           GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (!coalition_store_begin (self, error))
    return FALSE;

  stmt = prepare (self, sql, &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, first);
      if (second != 0)
        sqlite3_bind_int64 (stmt, 2, second);
      if (step_done (self, stmt, &local_error) && gone_message != NULL && sqlite3_changes (self->db) == 0)
        g_set_error_literal (&local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                             gone_message);
    }

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  queue_signal (self, signal_id, announced);
  return coalition_store_commit (self, error);
}

/* Deletes one row by id in its own transaction and announces it. */
static gboolean
delete_row (CoalitionStore  *self,
            const char      *sql,
            gint64           id,
            guint            removed_signal,
            const char      *gone_message,
            GError         **error)
{
  return write_row (self, sql, id, 0, removed_signal, id, gone_message, error);
}

gboolean
coalition_store_delete_person (CoalitionStore  *self,
                               gint64           id,
                               GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM person WHERE id = ?", id, PERSON_REMOVED,
                     _("This person is no longer in the directory."), error);
}

static guint
count (CoalitionStore *self,
       const char     *sql)
{
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  guint n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return n;
}

guint
coalition_store_count_people (CoalitionStore *self)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), 0);
  return count (self, "SELECT count(*) FROM person");
}

/* Turns what a person typed into an FTS5 query: every word must match the
 * start of a word in the record. Words are quoted, so nothing typed can be
 * read as FTS5 syntax. Returns NULL when nothing searchable was typed. */
static char *
make_match_expression (const char *query)
{
  g_auto(GStrv) words = g_strsplit_set (query, " \t\n\r", -1);
  g_autoptr(GString) expr = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      gboolean searchable = FALSE;

      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          searchable = TRUE;
      if (!searchable)
        continue;

      if (expr->len > 0)
        g_string_append_c (expr, ' ');
      g_string_append_c (expr, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append (expr, "\"\"");
          else
            g_string_append_c (expr, *p);
        }
      g_string_append (expr, "\"*");
    }

  return expr->len > 0 ? g_string_free (g_steal_pointer (&expr), FALSE) : NULL;
}

static GArray *
collect_ids (CoalitionStore  *self,
             sqlite3_stmt    *stmt,
             GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      store_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Everyone, in the order @sort; transfer none. */
static GArray *
get_directory_order (CoalitionStore  *self,
                     CoalitionSort    sort,
                     GError         **error)
{
  static const char * const order_sql[] = {
    [COALITION_SORT_NAME] = "SELECT id FROM person ORDER BY sort_key, id",
    [COALITION_SORT_ORGANIZATION] =
      "SELECT p.id FROM person p LEFT JOIN organization o ON o.id = p.organization_id "
      "ORDER BY o.sort_key IS NULL, o.sort_key, p.sort_key, p.id",
    [COALITION_SORT_STATUS] =
      "SELECT id FROM person ORDER BY CASE status WHEN 'member' THEN 0 WHEN 'ally' THEN 1 "
      "WHEN 'invited' THEN 2 WHEN 'contacted' THEN 3 WHEN 'prospect' THEN 4 WHEN 'target' THEN 5 "
      "WHEN 'declined' THEN 6 ELSE 7 END, sort_key, id",
    [COALITION_SORT_RECENT] = "SELECT id FROM person ORDER BY updated_at DESC, id DESC",
    [COALITION_SORT_LAST_CONTACT] =
      "SELECT p.id FROM person p LEFT JOIN (SELECT person_id, max (happened_on) AS last FROM contact_log "
      "WHERE person_id IS NOT NULL GROUP BY person_id) c ON c.person_id = p.id "
      "ORDER BY c.last IS NULL, c.last DESC, p.sort_key, p.id",
  };
  sqlite3_stmt *stmt;
  int data_version = -1;
  int rc;

  stmt = prepare (self, "PRAGMA data_version", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    data_version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (self->directory_order != NULL && data_version == self->directory_data_version &&
      self->transaction_depth == 0 && self->directory_sort == sort)
    return self->directory_order;

  g_clear_pointer (&self->directory_order, g_array_unref);
  g_clear_pointer (&self->filter_matches, g_free);

  stmt = prepare (self, order_sql[sort], error);
  if (stmt == NULL)
    return NULL;

  self->directory_order = collect_ids (self, stmt, error);
  self->directory_sort = sort;
  self->directory_data_version = data_version;
  self->directory_max_id = 0;
  for (guint i = 0; self->directory_order != NULL && i < self->directory_order->len; i++)
    self->directory_max_id = MAX (self->directory_max_id, g_array_index (self->directory_order, gint64, i));

  return self->directory_order;
}

GArray *
coalition_store_find_people (CoalitionStore  *self,
                             const char      *query,
                             GError         **error)
{
  return coalition_store_find_people_sorted (self, query, -1, COALITION_SORT_NAME, error);
}

static GArray *
find_people_in_order (CoalitionStore  *self,
                      const char      *query,
                      CoalitionSort    sort,
                      GError         **error)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  g_autofree char *expr = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autofree guint8 *matching = NULL;
  GArray *order;
  GArray *found;
  sqlite3_stmt *stmt;
  gint64 max_id = 0;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  order = get_directory_order (self, sort, error);
  if (order == NULL)
    return NULL;

  if (query != NULL)
    {
      valid = g_utf8_make_valid (query, -1);
      nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
      expr = make_match_expression (nfc);
    }

  if (query == NULL || g_strstrip (nfc)[0] == '\0')
    return g_array_copy (order);

  if (expr == NULL)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Ask FTS5 only which people match, then put them in directory order
   * by walking the order we already have: sorting tens of thousands of
   * matches in SQL on every keystroke costs several times the search. */
  stmt = prepare (self, "SELECT rowid FROM person_search WHERE person_search MATCH ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, expr, -1, SQLITE_STATIC);
  matches = collect_ids (self, stmt, error);
  if (matches == NULL)
    return NULL;

  max_id = self->directory_max_id;
  matching = g_new0 (guint8, max_id + 1);
  for (guint i = 0; i < matches->len; i++)
    {
      gint64 id = g_array_index (matches, gint64, i);

      if (id > 0 && id <= max_id)
        matching[id] = 1;
    }

  found = g_array_sized_new (FALSE, FALSE, sizeof (gint64), matches->len);
  for (guint i = 0; i < order->len && found->len < matches->len; i++)
    {
      gint64 id = g_array_index (order, gint64, i);

      if (matching[id])
        g_array_append_val (found, id);
    }

  return found;
}

gboolean
coalition_store_index_people (CoalitionStore  *self,
                              GHashTable      *by_email,
                              GHashTable      *by_name,
                              GHashTable      *by_uid,
                              GHashTable      *name_of,
                              char          *(*key_for_email) (const char *address),
                              char          *(*key_for_name) (const char *name),
                              GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  stmt = prepare (self, "SELECT person_id, address FROM person_email ORDER BY person_id DESC", error);
  if (stmt == NULL)
    return FALSE;
  /* Oldest last, so that an address two people share finds the first. */
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (by_email, key_for_email (column_text (stmt, 1)),
                         GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_error (self, error, rc);
      return FALSE;
    }

  stmt = prepare (self, "SELECT id, display_name, uid FROM person ORDER BY id DESC", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_hash_table_insert (by_name, key_for_name (column_text (stmt, 1)),
                           GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
      g_hash_table_insert (by_uid, g_strdup (column_text (stmt, 2)), GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
      g_hash_table_insert (name_of, GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)), key_for_name (column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_error (self, error, rc);
      return FALSE;
    }

  return TRUE;
}

GArray *
coalition_store_find_people_with_status (CoalitionStore  *self,
                                         const char      *query,
                                         int              status,
                                         GError         **error)
{
  return coalition_store_find_people_sorted (self, query, status, COALITION_SORT_NAME, error);
}

GArray *
coalition_store_find_people_sorted (CoalitionStore  *self,
                                    const char      *query,
                                    int              status,
                                    CoalitionSort    sort,
                                    GError         **error)
{
  CoalitionPeopleFilter filter = COALITION_PEOPLE_FILTER_INIT;

  filter.status = status;
  return coalition_store_find_people_filtered (self, query, &filter, sort, error);
}

gboolean
coalition_people_filter_is_empty (const CoalitionPeopleFilter *filter)
{
  return filter == NULL ||
         (filter->status < 0 && filter->organization_kind < 0 && filter->group_id <= 0 &&
          (filter->tag == NULL || *filter->tag == '\0'));
}

/* Marks in self->filter_matches (indexed by id) the people who pass @filter;
 * kept until the data or the filter changes. */
static gboolean
update_filter_matches (CoalitionStore               *self,
                       const CoalitionPeopleFilter  *filter,
                       GError                      **error)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%d\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%d",
                                          filter->status, filter->organization_kind, filter->group_id,
                                          filter->tag ? filter->tag : "", self->directory_data_version);
  sqlite3_stmt *stmt;
  int rc;

  if (self->filter_matches != NULL && g_strcmp0 (key, self->filter_key) == 0)
    return TRUE;

  g_clear_pointer (&self->filter_matches, g_free);
  g_clear_pointer (&self->filter_key, g_free);

  stmt = prepare (self,
                  "SELECT p.id FROM person p WHERE "
                  "(?1 IS NULL OR p.status = ?1) AND "
                  "(?2 IS NULL OR EXISTS (SELECT 1 FROM group_member g "
                  "                       WHERE g.person_id = p.id AND g.group_id = ?2)) AND "
                  "(?3 IS NULL OR EXISTS (SELECT 1 FROM person_tag x JOIN tag t ON t.id = x.tag_id "
                  "                       WHERE x.person_id = p.id AND t.name = ?3)) AND "
                  "(?4 IS NULL OR EXISTS (SELECT 1 FROM organization o "
                  "                       WHERE o.id = p.organization_id AND o.kind = ?4))",
                  error);
  if (stmt == NULL)
    return FALSE;

  if (filter->status >= 0)
    sqlite3_bind_text (stmt, 1, coalition_status_to_string (filter->status), -1, SQLITE_STATIC);
  if (filter->group_id > 0)
    sqlite3_bind_int64 (stmt, 2, filter->group_id);
  if (filter->tag != NULL && *filter->tag != '\0')
    sqlite3_bind_text (stmt, 3, filter->tag, -1, SQLITE_TRANSIENT);
  if (filter->organization_kind >= 0)
    sqlite3_bind_text (stmt, 4, coalition_organization_kind_to_string (filter->organization_kind), -1, SQLITE_STATIC);

  self->filter_matches = g_new0 (guint8, self->directory_max_id + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0 && id <= self->directory_max_id)
        self->filter_matches[id] = 1;
    }
  sqlite3_clear_bindings (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_clear_pointer (&self->filter_matches, g_free);
      store_error (self, error, rc);
      return FALSE;
    }

  self->filter_key = g_steal_pointer (&key);
  return TRUE;
}

GArray *
coalition_store_find_people_filtered (CoalitionStore               *self,
                                      const char                   *query,
                                      const CoalitionPeopleFilter  *filter,
                                      CoalitionSort                 sort,
                                      GError                      **error)
{
  g_autoptr(GArray) ids = NULL;
  GArray *kept;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= COALITION_SORT_LAST, NULL);

  ids = find_people_in_order (self, query, sort, error);
  if (ids == NULL || coalition_people_filter_is_empty (filter))
    return g_steal_pointer (&ids);

  if (!update_filter_matches (self, filter, error))
    return NULL;

  /* Kept in the order of @ids, which is the directory's. */
  kept = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (id <= self->directory_max_id && self->filter_matches[id])
        g_array_append_val (kept, id);
    }

  return kept;
}

GArray *
coalition_store_find_people_first (CoalitionStore  *self,
                                   CoalitionSort    sort,
                                   guint            limit,
                                   GError         **error)
{
  GArray *order;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);
  g_return_val_if_fail (sort <= COALITION_SORT_LAST, NULL);

  /* The name order has an index: the first rows cost what they are, not
   * the whole directory. Other orders are sorted whole anyway. */
  if (sort != COALITION_SORT_NAME)
    {
      order = get_directory_order (self, sort, error);
      if (order == NULL)
        return NULL;
      order = g_array_copy (order);
      return order->len > limit ? g_array_set_size (order, limit) : order;
    }

  stmt = prepare (self, "SELECT id FROM person ORDER BY sort_key, id LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);

  return collect_ids (self, stmt, error);
}

/* Steps @stmt to the end, turning each row into an element with @from_row. */
static GPtrArray *
collect_rows (CoalitionStore  *self,
              sqlite3_stmt    *stmt,
              gpointer       (*from_row) (sqlite3_stmt *stmt),
              GDestroyNotify   free_element,
              GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_element);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      store_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* ---------------------------------------------------------------------- */
/* Organizations */

static CoalitionOrganization *
organization_from_row (sqlite3_stmt *stmt)
{
  CoalitionOrganization *organization = coalition_organization_new (column_text (stmt, 2));
  CoalitionOrganizationKind kind = COALITION_ORGANIZATION_KIND_OTHER;
  CoalitionStatus status = COALITION_STATUS_PROSPECT;

  coalition_organization_set_id (organization, sqlite3_column_int64 (stmt, 0));
  coalition_organization_set_uid (organization, column_text (stmt, 1));
  coalition_organization_kind_from_string (column_text (stmt, 3), &kind);
  coalition_organization_set_kind (organization, kind);
  coalition_organization_set_sector (organization, column_text (stmt, 4));
  coalition_organization_set_website (organization, column_text (stmt, 5));
  coalition_status_from_string (column_text (stmt, 6), &status);
  coalition_organization_set_status (organization, status);
  coalition_organization_set_notes (organization, column_text (stmt, 7));
  coalition_organization_set_times (organization, column_text (stmt, 8), column_text (stmt, 9));
  coalition_organization_set_n_people (organization, sqlite3_column_int (stmt, 10));
  coalition_organization_set_address (organization, column_text (stmt, 11));
  coalition_organization_set_capacity (organization, column_text (stmt, 12));
  coalition_organization_set_constituency (organization, column_text (stmt, 13));
  coalition_organization_set_skills (organization, column_text (stmt, 14));
  coalition_organization_set_access (organization, column_text (stmt, 15));
  {
    g_autoptr(CoalitionOutreach) outreach = outreach_from_row (stmt, 16);
    g_auto(GStrv) tags = tags_from_row (stmt, 21);

    coalition_organization_set_outreach (organization, outreach);
    coalition_organization_set_tags (organization, (const char * const *)tags);
  }

  return organization;
}

#define ORGANIZATION_SELECT \
  "SELECT o.id, o.uid, o.name, o.kind, o.sector, o.website, o.status, o.notes, " \
  "o.created_at, o.updated_at, " \
  "(SELECT count(*) FROM person p WHERE p.organization_id = o.id), " \
  "o.address, o.capacity, o.constituency, o.skills, o.access, " \
  OUTREACH_SELECT ("o") ", " TAGS_SELECT ("organization", "o") " FROM organization o "

/* Reads the e-mails and phones of each organization in @organizations. */
static gboolean
load_organization_points (CoalitionStore  *self,
                          GPtrArray       *organizations,
                          GError         **error)
{
  static const char * const sql[] = {
    "SELECT label, address, is_primary FROM organization_email WHERE organization_id = ? ORDER BY position",
    "SELECT label, number, is_primary FROM organization_phone WHERE organization_id = ? ORDER BY position",
  };

  for (guint i = 0; i < organizations->len; i++)
    {
      CoalitionOrganization *organization = g_ptr_array_index (organizations, i);
      GPtrArray *into[] = {
        coalition_organization_get_emails (organization),
        coalition_organization_get_phones (organization),
      };

      for (guint k = 0; k < G_N_ELEMENTS (sql); k++)
        {
          sqlite3_stmt *stmt = prepare (self, sql[k], error);
          int rc;

          if (stmt == NULL)
            return FALSE;
          g_ptr_array_set_size (into[k], 0);
          sqlite3_bind_int64 (stmt, 1, coalition_organization_get_id (organization));
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            g_ptr_array_add (into[k], coalition_contact_point_new (column_text (stmt, 0), column_text (stmt, 1),
                                                                    sqlite3_column_int (stmt, 2)));
          sqlite3_reset (stmt);
          if (rc != SQLITE_DONE)
            {
              store_error (self, error, rc);
              return FALSE;
            }
        }
    }

  return TRUE;
}

CoalitionOrganization *
coalition_store_get_organization (CoalitionStore  *self,
                                  gint64           id,
                                  GError         **error)
{
  CoalitionOrganization *organization = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self, ORGANIZATION_SELECT "WHERE o.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    organization = organization_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                 _("This organization is no longer in the directory."));
  else
    store_error (self, error, rc);
  sqlite3_reset (stmt);

  if (organization != NULL)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, organization);
      if (!load_organization_points (self, one, error))
        g_clear_object (&organization);
    }

  return organization;
}

GPtrArray *
coalition_store_list_organizations (CoalitionStore  *self,
                                    GError         **error)
{
  g_autoptr(GPtrArray) organizations = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self, ORGANIZATION_SELECT "ORDER BY o.sort_key, o.id", error);
  if (stmt == NULL)
    return NULL;

  organizations = collect_rows (self, stmt, (gpointer (*) (sqlite3_stmt *))organization_from_row, g_object_unref, error);
  if (organizations == NULL || !load_organization_points (self, organizations, error))
    return NULL;

  return g_steal_pointer (&organizations);
}

static gboolean
write_organization (CoalitionStore         *self,
                    CoalitionOrganization  *organization,
                    gboolean                insert,
                    GError                **error)
{
  g_autofree char *name = NULL;
  g_autofree char *sort_key = NULL;
  g_autofree char *now = now_utc ();
  g_autofree char *uid = NULL;
  g_autofree char *created_at = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *texts[] = {
    coalition_organization_get_name (organization),
    coalition_organization_get_sector (organization),
    coalition_organization_get_website (organization),
    coalition_organization_get_notes (organization),
    coalition_organization_get_address (organization),
    coalition_organization_get_capacity (organization),
    coalition_organization_get_constituency (organization),
    coalition_organization_get_skills (organization),
    coalition_organization_get_access (organization),
    coalition_organization_get_outreach (organization)->next_step,
  };
  const char * const *tags = coalition_organization_get_tags (organization);
  gint64 id = coalition_organization_get_id (organization);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (!check_text (texts[i], error))
      return FALSE;
  for (guint i = 0; tags[i] != NULL; i++)
    if (!check_text (tags[i], error))
      return FALSE;
  if (!check_outreach_date (coalition_organization_get_outreach (organization), error))
    return FALSE;

  name = g_strstrip (g_strdup (coalition_organization_get_name (organization)));
  if (*name == '\0')
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("An organization needs a name."));
      return FALSE;
    }
  sort_key = coalition_store_make_sort_key (name, NULL);

  if (!coalition_store_begin (self, error))
    return FALSE;

  if (insert)
    {
      /* A new identity, even for a copy of one read from the store. */
      uid = g_uuid_string_random ();
      created_at = g_strdup (now);
      stmt = prepare (self,
                      "INSERT INTO organization (uid, name, kind, sector, website, status, notes, "
                      "sort_key, created_at, updated_at, address, capacity, constituency, skills, access, "
                      "priority, asker_id, next_step, next_step_date) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?12, ?13, ?14, ?15, ?16, "
                      "?17, " ASKER ("?18") ", ?19, ?20)",
                      &local_error);
    }
  else
    {
      stmt = prepare (self,
                      "UPDATE organization SET name = ?2, kind = ?3, sector = ?4, website = ?5, "
                      "status = ?6, notes = ?7, sort_key = ?8, updated_at = ?9, address = ?12, "
                      "capacity = ?13, constituency = ?14, skills = ?15, access = ?16, priority = ?17, "
                      "asker_id = " ASKER ("?18") ", next_step = ?19, next_step_date = ?20 "
                      "WHERE id = ?10 RETURNING uid, created_at",
                      &local_error);
    }

  if (stmt != NULL)
    {
      if (insert)
        sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
      else
        sqlite3_bind_int64 (stmt, 10, id);
      bind_text (stmt, 2, name);
      sqlite3_bind_text (stmt, 3, coalition_organization_kind_to_string (coalition_organization_get_kind (organization)), -1, SQLITE_STATIC);
      bind_text (stmt, 4, coalition_organization_get_sector (organization));
      bind_text (stmt, 5, coalition_organization_get_website (organization));
      sqlite3_bind_text (stmt, 6, coalition_status_to_string (coalition_organization_get_status (organization)), -1, SQLITE_STATIC);
      bind_text (stmt, 7, coalition_organization_get_notes (organization));
      sqlite3_bind_text (stmt, 8, sort_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, now, -1, SQLITE_STATIC);
      bind_text (stmt, 12, coalition_organization_get_address (organization));
      bind_text (stmt, 13, coalition_organization_get_capacity (organization));
      bind_text (stmt, 14, coalition_organization_get_constituency (organization));
      bind_text (stmt, 15, coalition_organization_get_skills (organization));
      bind_text (stmt, 16, coalition_organization_get_access (organization));
      bind_outreach (stmt, 17, coalition_organization_get_outreach (organization));

      step_write (self, stmt, insert, &id, &uid, &created_at,
                  _("This organization is no longer in the directory."), &local_error);
    }

  if (local_error == NULL)
    write_tags (self, "organization", id, coalition_organization_get_tags (organization), !insert, &local_error);
  if (local_error == NULL)
    write_contact_points (self, id, coalition_organization_get_emails (organization),
                          insert ? NULL : "DELETE FROM organization_email WHERE organization_id = ?",
                          "INSERT INTO organization_email (organization_id, position, label, address, is_primary) "
                          "VALUES (?, ?, ?, ?, ?)",
                          &local_error);
  if (local_error == NULL)
    write_contact_points (self, id, coalition_organization_get_phones (organization),
                          insert ? NULL : "DELETE FROM organization_phone WHERE organization_id = ?",
                          "INSERT INTO organization_phone (organization_id, position, label, number, is_primary) "
                          "VALUES (?, ?, ?, ?, ?)",
                          &local_error);

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  queue_signal (self, insert ? ORGANIZATION_ADDED : ORGANIZATION_CHANGED, id);
  if (!coalition_store_commit (self, error))
    return FALSE;

  coalition_organization_set_id (organization, id);
  coalition_organization_set_uid (organization, uid);
  coalition_organization_set_name (organization, name);
  coalition_organization_set_times (organization, created_at, now);

  return TRUE;
}

gboolean
coalition_store_insert_organization (CoalitionStore         *self,
                                     CoalitionOrganization  *organization,
                                     GError                **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (organization), FALSE);
  g_return_val_if_fail (coalition_organization_get_id (organization) == 0, FALSE);

  return write_organization (self, organization, TRUE, error);
}

GArray *
coalition_store_find_people_of_organization (CoalitionStore  *self,
                                             gint64           organization_id,
                                             GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT id FROM person WHERE organization_id = ? ORDER BY sort_key, id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organization_id);
  return collect_ids (self, stmt, error);
}

gboolean
coalition_store_update_organization (CoalitionStore         *self,
                                     CoalitionOrganization  *organization,
                                     GError                **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (COALITION_IS_ORGANIZATION (organization), FALSE);
  g_return_val_if_fail (coalition_organization_get_id (organization) > 0, FALSE);

  return write_organization (self, organization, FALSE, error);
}

gboolean
coalition_store_delete_organization (CoalitionStore  *self,
                                     gint64           id,
                                     GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  /* Its people stay in the directory without an organization; their rows
   * change, so views reload them. */
  if (!coalition_store_begin (self, error))
    return FALSE;
  self->pending_changed = TRUE;
  if (!delete_row (self, "DELETE FROM organization WHERE id = ?", id, ORGANIZATION_REMOVED,
                   _("This organization is no longer in the directory."), error))
    {
      coalition_store_rollback (self);
      return FALSE;
    }
  return coalition_store_commit (self, error);
}

guint
coalition_store_count_organizations (CoalitionStore *self)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), 0);
  return count (self, "SELECT count(*) FROM organization");
}

/* ---------------------------------------------------------------------- */
/* Groups */

#define GROUP_SELECT \
  "SELECT g.id, g.uid, g.name, g.kind, g.description, " \
  "(SELECT count(*) FROM group_member m WHERE m.group_id = g.id) FROM coalition_group g "

static CoalitionGroup *
group_from_row (sqlite3_stmt *stmt)
{
  CoalitionGroupKind kind = COALITION_GROUP_KIND_WORKING_GROUP;
  CoalitionGroup *group;

  coalition_group_kind_from_string (column_text (stmt, 3), &kind);
  group = coalition_group_new (column_text (stmt, 2), kind);
  coalition_group_set_id (group, sqlite3_column_int64 (stmt, 0));
  coalition_group_set_uid (group, column_text (stmt, 1));
  coalition_group_set_description (group, column_text (stmt, 4));
  coalition_group_set_n_members (group, sqlite3_column_int (stmt, 5));

  return group;
}

GPtrArray *
coalition_store_list_groups (CoalitionStore  *self,
                             GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  /* The core group first, then committees, then working groups. */
  stmt = prepare (self, GROUP_SELECT
                  "ORDER BY CASE g.kind WHEN 'core-group' THEN 0 WHEN 'committee' THEN 1 ELSE 2 END, "
                  "g.sort_key, g.id", error);
  if (stmt == NULL)
    return NULL;

  return collect_rows (self, stmt, (gpointer (*) (sqlite3_stmt *))group_from_row, g_object_unref, error);
}

static gboolean
write_group (CoalitionStore  *self,
             CoalitionGroup  *group,
             gboolean         insert,
             GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *now = now_utc ();
  g_autofree char *sort_key = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint64 id = coalition_group_get_id (group);

  if (!check_text (coalition_group_get_name (group), error) ||
      !check_text (coalition_group_get_description (group), error))
    return FALSE;

  name = g_strstrip (g_strdup (coalition_group_get_name (group)));
  if (*name == '\0')
    {
      g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                           _("A group needs a name."));
      return FALSE;
    }
  sort_key = coalition_store_make_sort_key (name, NULL);
  uid = insert ? g_uuid_string_random () : g_strdup (coalition_group_get_uid (group));

  if (!coalition_store_begin (self, error))
    return FALSE;

  if (!insert)
    stmt = prepare (self,
                    "UPDATE coalition_group SET name = ?2, kind = ?3, description = ?4, sort_key = ?5, "
                    "updated_at = ?6 WHERE id = ?7",
                    &local_error);
  else
    stmt = prepare (self,
                    "INSERT INTO coalition_group (uid, name, kind, description, sort_key, created_at, updated_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                    &local_error);
  if (stmt != NULL)
    {
      if (insert)
        sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
      bind_text (stmt, 2, name);
      sqlite3_bind_text (stmt, 3, coalition_group_kind_to_string (coalition_group_get_kind (group)), -1, SQLITE_STATIC);
      bind_text (stmt, 4, coalition_group_get_description (group));
      sqlite3_bind_text (stmt, 5, sort_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
      if (!insert)
        sqlite3_bind_int64 (stmt, 7, id);
      if (step_done (self, stmt, &local_error) && !insert && sqlite3_changes (self->db) == 0)
        g_set_error_literal (&local_error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                             _("This group no longer exists."));
    }

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (insert)
    coalition_group_set_id (group, sqlite3_last_insert_rowid (self->db));
  coalition_group_set_uid (group, uid);
  coalition_group_set_name (group, name);
  queue_signal (self, GROUP_CHANGED, coalition_group_get_id (group));

  return coalition_store_commit (self, error);
}

gboolean
coalition_store_insert_group (CoalitionStore  *self,
                              CoalitionGroup  *group,
                              GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (COALITION_IS_GROUP (group), FALSE);

  return write_group (self, group, TRUE, error);
}

gboolean
coalition_store_update_group (CoalitionStore  *self,
                              CoalitionGroup  *group,
                              GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (COALITION_IS_GROUP (group), FALSE);
  g_return_val_if_fail (coalition_group_get_id (group) > 0, FALSE);

  return write_group (self, group, FALSE, error);
}

CoalitionGroup *
coalition_store_get_group (CoalitionStore  *self,
                           gint64           id,
                           GError         **error)
{
  CoalitionGroup *group = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self, GROUP_SELECT "WHERE g.id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    group = group_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_NOT_FOUND,
                         _("This group no longer exists."));
  else
    store_error (self, error, rc);
  sqlite3_reset (stmt);

  return group;
}

gboolean
coalition_store_delete_group (CoalitionStore  *self,
                              gint64           id,
                              GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  return delete_row (self, "DELETE FROM coalition_group WHERE id = ?", id, GROUP_CHANGED,
                     _("This group no longer exists."), error);
}

gboolean
coalition_store_set_membership (CoalitionStore  *self,
                                gint64           group_id,
                                gint64           person_id,
                                CoalitionRole    role,
                                GError         **error)
{
  g_autofree char *now = now_utc ();
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (role <= COALITION_ROLE_LAST, FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO group_member (group_id, person_id, role, joined_at) VALUES (?1, ?2, ?3, ?4) "
                  "ON CONFLICT (group_id, person_id) DO UPDATE SET role = excluded.role",
                  &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, group_id);
      sqlite3_bind_int64 (stmt, 2, person_id);
      sqlite3_bind_text (stmt, 3, coalition_role_to_string (role), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, now, -1, SQLITE_STATIC);
      step_done (self, stmt, &local_error);
    }

  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  queue_signal (self, GROUP_CHANGED, group_id);
  return coalition_store_commit (self, error);
}

gboolean
coalition_store_remove_membership (CoalitionStore  *self,
                                   gint64           group_id,
                                   gint64           person_id,
                                   GError         **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  return write_row (self, "DELETE FROM group_member WHERE group_id = ? AND person_id = ?", group_id, person_id,
                    GROUP_CHANGED, group_id, NULL, error);
}

static gpointer
membership_from_row (sqlite3_stmt *stmt)
{
  CoalitionMembership *membership = g_new0 (CoalitionMembership, 1);
  CoalitionRole role = COALITION_ROLE_MEMBER;

  membership->group_id = sqlite3_column_int64 (stmt, 0);
  membership->group_name = g_strdup (column_text (stmt, 1));
  membership->person_id = sqlite3_column_int64 (stmt, 2);
  membership->person_name = g_strdup (column_text (stmt, 3));
  coalition_role_from_string (column_text (stmt, 4), &role);
  membership->role = role;

  return membership;
}

GPtrArray *
coalition_store_list_memberships_of_person (CoalitionStore  *self,
                                            gint64           person_id,
                                            GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT g.id, g.name, p.id, p.display_name, m.role FROM group_member m "
                  "JOIN coalition_group g ON g.id = m.group_id JOIN person p ON p.id = m.person_id "
                  "WHERE m.person_id = ? "
                  "ORDER BY CASE g.kind WHEN 'core-group' THEN 0 WHEN 'committee' THEN 1 ELSE 2 END, g.sort_key",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, person_id);
  return collect_rows (self, stmt, membership_from_row, (GDestroyNotify)coalition_membership_free, error);
}

GPtrArray *
coalition_store_list_group_members (CoalitionStore  *self,
                                    gint64           group_id,
                                    GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  /* Officers first, in the order of CoalitionRole, then everyone by name. */
  stmt = prepare (self,
                  "SELECT g.id, g.name, p.id, p.display_name, m.role FROM group_member m "
                  "JOIN coalition_group g ON g.id = m.group_id JOIN person p ON p.id = m.person_id "
                  "WHERE m.group_id = ? "
                  "ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'facilitator' THEN 1 WHEN 'note-taker' THEN 2 "
                  "WHEN 'treasurer' THEN 3 ELSE 4 END, p.sort_key, p.id",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, group_id);
  return collect_rows (self, stmt, membership_from_row, (GDestroyNotify)coalition_membership_free, error);
}

/* ---------------------------------------------------------------------- */
/* Checking */

static gboolean
collect_problems (CoalitionStore  *self,
                  const char      *sql,
                  gboolean         skip_ok,
                  GPtrArray       *problems,
                  GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GString *line = g_string_new (NULL);
      int n = sqlite3_column_count (stmt);

      for (int i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append (line, ": ");
          g_string_append (line, column_text (stmt, i));
        }

      if (skip_ok && g_str_equal (line->str, "ok"))
        g_string_free (line, TRUE);
      else
        g_ptr_array_add (problems, g_string_free (line, FALSE));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_OK)
    return TRUE;

  /* Damage bad enough to stop the check is itself what we report. */
  if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
    {
      g_ptr_array_add (problems, g_strdup_printf (_("The database is damaged: %s"), sqlite3_errmsg (self->db)));
      return TRUE;
    }

  store_error (self, error, rc);
  return FALSE;
}

gboolean
coalition_store_check (CoalitionStore  *self,
                       GStrv           *out_problems,
                       GError         **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) fts_error = NULL;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_problems != NULL, FALSE);

  if (!collect_problems (self, "PRAGMA integrity_check", TRUE, problems, error) ||
      !collect_problems (self, "PRAGMA foreign_key_check", FALSE, problems, error))
    return FALSE;

  /* The search index is derived data: check that it matches its table. */
  if (problems->len == 0 &&
      !exec (self, "INSERT INTO person_search (person_search) VALUES ('integrity-check')", &fts_error))
    g_ptr_array_add (problems, g_strdup_printf (_("The search index is damaged: %s"), fts_error->message));

  g_ptr_array_add (problems, NULL);
  *out_problems = (GStrv)g_ptr_array_free (g_steal_pointer (&problems), FALSE);

  return TRUE;
}

GStrv
coalition_store_list_tags (CoalitionStore  *self,
                           GError         **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT name FROM tag t WHERE EXISTS (SELECT 1 FROM person_tag WHERE tag_id = t.id) "
                  "OR EXISTS (SELECT 1 FROM organization_tag WHERE tag_id = t.id)",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      store_error (self, error, rc);
      return NULL;
    }

  g_ptr_array_sort (names, compare_collated);
  for (guint i = 0; i < names->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (names, i));
  return g_strv_builder_end (builder);
}

static gpointer
contact_from_row (sqlite3_stmt *stmt)
{
  CoalitionContactKind kind = COALITION_CONTACT_KIND_OTHER;
  CoalitionContact *contact;

  coalition_contact_kind_from_string (column_text (stmt, 2), &kind);
  contact = coalition_contact_new (column_text (stmt, 1), kind, sqlite3_column_int64 (stmt, 3),
                                   column_text (stmt, 5));
  contact->id = sqlite3_column_int64 (stmt, 0);
  contact->by_name = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  return contact;
}

GPtrArray *
coalition_store_list_contacts (CoalitionStore    *self,
                               CoalitionSubject   subject,
                               gint64             id,
                               GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

#define CONTACT_SELECT \
  "SELECT c.id, c.happened_on, c.kind, c.by_id, (SELECT display_name FROM person b WHERE b.id = c.by_id), " \
  "c.note FROM contact_log c "
  stmt = prepare (self,
                  subject == COALITION_SUBJECT_PERSON
                  ? CONTACT_SELECT "WHERE c.person_id = ? ORDER BY c.happened_on DESC, c.id DESC"
                  : CONTACT_SELECT "WHERE c.organization_id = ? ORDER BY c.happened_on DESC, c.id DESC",
                  error);
#undef CONTACT_SELECT
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return collect_rows (self, stmt, contact_from_row, (GDestroyNotify)coalition_contact_free, error);
}

static gboolean
insert_contact (CoalitionStore    *self,
                CoalitionSubject   subject,
                gint64             id,
                CoalitionContact  *contact,
                GError           **error)
{
  g_autofree char *date = coalition_date_normalize (contact->happened_on);
  sqlite3_stmt *stmt;

  if (date == NULL)
    {
      g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
                   _("“%s” is not a date. Write the date of the contact as year-month-day, "
                     "for example 2026-03-14."),
                   contact->happened_on);
      return FALSE;
    }
  if (!check_text (contact->note, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO contact_log (id, person_id, organization_id, happened_on, kind, by_id, note) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  error);
  if (stmt == NULL)
    return FALSE;

  if (contact->id > 0)
    sqlite3_bind_int64 (stmt, 1, contact->id);
  sqlite3_bind_int64 (stmt, subject == COALITION_SUBJECT_PERSON ? 2 : 3, id);
  sqlite3_bind_text (stmt, 4, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, coalition_contact_kind_to_string (contact->kind), -1, SQLITE_STATIC);
  if (contact->by_id > 0)
    sqlite3_bind_int64 (stmt, 6, contact->by_id);
  bind_text (stmt, 7, contact->note);
  if (!step_done (self, stmt, error))
    return FALSE;

  contact->id = sqlite3_last_insert_rowid (self->db);
  g_free (contact->happened_on);
  contact->happened_on = g_steal_pointer (&date);
  return TRUE;
}

static guint
changed_signal_for (CoalitionSubject subject)
{
  return subject == COALITION_SUBJECT_PERSON ? PERSON_CHANGED : ORGANIZATION_CHANGED;
}

gboolean
coalition_store_add_contact (CoalitionStore    *self,
                             CoalitionSubject   subject,
                             gint64             id,
                             CoalitionContact  *contact,
                             GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);
  g_return_val_if_fail (contact != NULL, FALSE);

  if (!coalition_store_begin (self, error))
    return FALSE;

  contact->id = 0;
  if (!insert_contact (self, subject, id, contact, &local_error))
    {
      coalition_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  queue_signal (self, changed_signal_for (subject), id);
  return coalition_store_commit (self, error);
}

gboolean
coalition_store_delete_contact (CoalitionStore    *self,
                                CoalitionSubject   subject,
                                gint64             id,
                                gint64             contact_id,
                                GError           **error)
{
  g_return_val_if_fail (COALITION_IS_STORE (self), FALSE);

  return write_row (self, "DELETE FROM contact_log WHERE id = ?", contact_id, 0, changed_signal_for (subject), id,
                    NULL, error);
}

static gpointer
status_change_from_row (sqlite3_stmt *stmt)
{
  CoalitionStatusChange *change = g_new0 (CoalitionStatusChange, 1);
  CoalitionStatus status = COALITION_STATUS_PROSPECT;

  coalition_status_from_string (column_text (stmt, 0), &status);
  change->old_status = status;
  coalition_status_from_string (column_text (stmt, 1), &status);
  change->new_status = status;
  change->changed_at = g_strdup (column_text (stmt, 2));
  return change;
}

GPtrArray *
coalition_store_list_status_changes (CoalitionStore    *self,
                                     CoalitionSubject   subject,
                                     gint64             id,
                                     GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self,
                  subject == COALITION_SUBJECT_PERSON
                  ? "SELECT old_status, new_status, changed_at FROM status_change "
                    "WHERE person_id = ? ORDER BY changed_at, id"
                  : "SELECT old_status, new_status, changed_at FROM status_change "
                    "WHERE organization_id = ? ORDER BY changed_at, id",
                  error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  return collect_rows (self, stmt, status_change_from_row, (GDestroyNotify)coalition_status_change_free, error);
}

static gpointer
prospect_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(CoalitionOutreach) outreach = outreach_from_row (stmt, 5);
  CoalitionSubject subject = sqlite3_column_int (stmt, 0) ? COALITION_SUBJECT_ORGANIZATION
                                                          : COALITION_SUBJECT_PERSON;
  CoalitionStatus status = COALITION_STATUS_PROSPECT;
  const char *detail = column_text (stmt, 3);
  CoalitionOrganizationKind kind;

  coalition_status_from_string (column_text (stmt, 4), &status);
  if (subject == COALITION_SUBJECT_ORGANIZATION && coalition_organization_kind_from_string (detail, &kind))
    detail = coalition_organization_kind_get_label (kind);

  return coalition_prospect_new (subject, sqlite3_column_int64 (stmt, 1), column_text (stmt, 2),
                                 detail, status, outreach, column_text (stmt, 10));
}

GPtrArray *
coalition_store_list_prospects (CoalitionStore  *self,
                                GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (COALITION_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT * FROM ("
                  "SELECT 1, o.id, o.name, o.kind, o.status, " OUTREACH_SELECT ("o") ", "
                  "       (SELECT max (happened_on) FROM contact_log WHERE organization_id = o.id),"
                  "       o.sort_key AS sort_key "
                  "FROM organization o "
                  "WHERE o.status IN ('prospect', 'contacted', 'invited', 'target') "
                  "   OR o.priority > 0 OR o.next_step <> '' "
                  "UNION ALL "
                  "SELECT 0, p.id, p.display_name, coalesce (po.name, ''), p.status, " OUTREACH_SELECT ("p") ", "
                  "       (SELECT max (happened_on) FROM contact_log WHERE person_id = p.id),"
                  "       p.sort_key "
                  "FROM person p LEFT JOIN organization po ON po.id = p.organization_id "
                  "WHERE p.status = 'target' OR p.priority > 0 OR p.next_step <> '') "
                  "ORDER BY priority = 0, priority, next_step_date = '', next_step_date, sort_key",
                  error);
  if (stmt == NULL)
    return NULL;

  return collect_rows (self, stmt, prospect_from_row, g_object_unref, error);
}

/* ---------------------------------------------------------------------- */
/* For the rest of src/core (see coalition-store-private.h) */

sqlite3_stmt *
coalition_store_prepare (CoalitionStore  *self,
                         const char      *sql,
                         GError         **error)
{
  return prepare (self, sql, error);
}

gboolean
coalition_store_step_done (CoalitionStore  *self,
                           sqlite3_stmt    *stmt,
                           GError         **error)
{
  return step_done (self, stmt, error);
}

void
coalition_store_bind_text (sqlite3_stmt *stmt,
                           int           idx,
                           const char   *text)
{
  bind_text (stmt, idx, text);
}

const char *
coalition_store_column_text (sqlite3_stmt *stmt,
                             int           col)
{
  return column_text (stmt, col);
}

void
coalition_store_set_error (CoalitionStore  *self,
                           GError         **error,
                           int              rc)
{
  store_error (self, error, rc);
}

gboolean
coalition_store_check_text (const char  *text,
                            GError     **error)
{
  return check_text (text, error);
}

gboolean
coalition_store_check_title (const char  *text,
                             const char  *what,
                             GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped != '\0')
    return check_text (text, error);
  g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID, "%s", what);
  return FALSE;
}

char *
coalition_store_now_utc (void)
{
  return now_utc ();
}

GPtrArray *
coalition_store_collect_rows (CoalitionStore  *self,
                              sqlite3_stmt    *stmt,
                              gpointer       (*from_row) (sqlite3_stmt *stmt),
                              GDestroyNotify   free_element,
                              GError         **error)
{
  return collect_rows (self, stmt, from_row, free_element, error);
}

gboolean
coalition_store_end_write (CoalitionStore     *self,
                           GError             *local_error,
                           CoalitionAnnounce   announce,
                           gint64              id,
                           GError            **error)
{
  if (local_error != NULL)
    {
      coalition_store_rollback (self);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (announce != NULL && id >= 0)
    announce (self, id);
  return coalition_store_commit (self, error);
}

gboolean
coalition_store_write_by_id (CoalitionStore     *self,
                             const char         *sql,
                             gint64              id,
                             CoalitionAnnounce   announce,
                             gint64              announced,
                             GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (!coalition_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, sql, &local_error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      step_done (self, stmt, &local_error);
    }
  return coalition_store_end_write (self, g_steal_pointer (&local_error), announce, announced, error);
}

/* ---- A strict JSON check --------------------------------------------- */

#define JSON_MAX_DEPTH 64

static const char *json_value (const char *p, int depth);

static const char *
json_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

static const char *
json_string (const char *p)
{
  if (*p++ != '"')
    return NULL;
  for (;;)
    {
      unsigned char c = (unsigned char)*p;

      if (c == '"')
        return p + 1;
      if (c < 0x20)   /* the end of the text, or a control character */
        return NULL;
      if (c != '\\')
        {
          p++;
          continue;
        }
      p++;
      if (*p == 'u')
        {
          for (int i = 1; i <= 4; i++)
            if (!g_ascii_isxdigit (p[i]))
              return NULL;
          p += 5;
        }
      else if (*p != '\0' && strchr ("\"\\/bfnrt", *p) != NULL)
        p++;
      else
        return NULL;
    }
}

static const char *
json_number (const char *p)
{
  if (*p == '-')
    p++;
  if (*p == '0')
    p++;
  else if (*p >= '1' && *p <= '9')
    while (g_ascii_isdigit (*p))
      p++;
  else
    return NULL;
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return NULL;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return NULL;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return p;
}

/* Members (@object) or elements, after the opening bracket. */
static const char *
json_members (const char *p,
              gboolean    object,
              int         depth)
{
  char close = object ? '}' : ']';

  p = json_space (p);
  if (*p == close)
    return p + 1;
  for (;;)
    {
      if (object)
        {
          if ((p = json_string (json_space (p))) == NULL)
            return NULL;
          p = json_space (p);
          if (*p++ != ':')
            return NULL;
        }
      if ((p = json_value (p, depth + 1)) == NULL)
        return NULL;
      p = json_space (p);
      if (*p == close)
        return p + 1;
      if (*p++ != ',')
        return NULL;
    }
}

static const char *
json_value (const char *p,
            int         depth)
{
  if (depth > JSON_MAX_DEPTH)
    return NULL;
  p = json_space (p);
  switch (*p)
    {
    case '{':
      return json_members (p + 1, TRUE, depth);
    case '[':
      return json_members (p + 1, FALSE, depth);
    case '"':
      return json_string (p);
    case 't':
      return strncmp (p, "true", 4) == 0 ? p + 4 : NULL;
    case 'f':
      return strncmp (p, "false", 5) == 0 ? p + 5 : NULL;
    case 'n':
      return strncmp (p, "null", 4) == 0 ? p + 4 : NULL;
    default:
      return json_number (p);
    }
}

gboolean
coalition_store_json_is_well_formed (const char *text)
{
  const char *end;

  if (text == NULL)
    return FALSE;
  end = json_value (text, 0);
  return end != NULL && *json_space (end) == '\0';
}

char *
coalition_store_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
coalition_store_parse_day (const char *text,
                           GDate      *date)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

gboolean
coalition_store_check_day (const char  *text,
                           gboolean     optional,
                           GError     **error)
{
  int year, month, day;

  if (optional && (text == NULL || *text == '\0'))
    return TRUE;
  if (text != NULL && strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3
      && year > 0 && g_date_valid_dmy (day, month, year))
    {
      g_autofree char *canonical = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

      if (g_str_equal (canonical, text))
        return TRUE;
    }
  g_set_error (error, COALITION_STORE_ERROR, COALITION_STORE_ERROR_INVALID,
               _("“%s” is not a date; write it as YYYY-MM-DD"), text ? text : "");
  return FALSE;
}

GPtrArray *
coalition_store_list_for_id (CoalitionStore  *self,
                             const char      *sql,
                             gint64           id,
                             gpointer       (*from_row) (sqlite3_stmt *stmt),
                             GDestroyNotify   free_element,
                             GError         **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  return collect_rows (self, stmt, from_row, free_element, error);
}

void
coalition_store_queue_meeting_changed (CoalitionStore *self,
                                       gint64          meeting_id)
{
  queue_signal (self, MEETING_CHANGED, meeting_id);
}

void
coalition_store_queue_map_changed (CoalitionStore *self,
                                   gint64          map_id)
{
  queue_signal (self, MAP_CHANGED, map_id);
}

void
coalition_store_queue_campaign_changed (CoalitionStore *self,
                                        gint64          campaign_id)
{
  queue_signal (self, CAMPAIGN_CHANGED, campaign_id);
}

gint64
coalition_store_last_insert_id (CoalitionStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}
