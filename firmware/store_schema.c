/* store_schema.c -- the database schema, as its migrations (see
** store_schema.h; store.c runs them).
**
** Conventions of the schema: every timestamp is UTC seconds (*_utc);
** local dates are 'YYYY-MM-DD' text; enums are stored as their English
** names (role 'cooperator', status 'open'...) so the file reads well in
** sqlite3 and in reports. Every row that may travel to another kiosk has
** a uuid, made BEFORE the write: a retried write binds the same uuid and
** its INSERT OR IGNORE / uniqueness makes the retry a no-op, so a row can
** never count twice.
**
** unknown_taps holds no personal data: time, kiosk, outcome, and the UID
** of an *unknown* badge only (a badge tied to nobody identifies nobody;
** it lets a facilitator see which badge was tried). For a deactivated
** member's badge the uid is NULL, since that badge points to a person. */
#include "store_schema.h"

#include <stddef.h>

static const char schema_v1[] =
	"CREATE TABLE settings ("
	"  key   TEXT PRIMARY KEY,"
	"  value TEXT NOT NULL);"

	"CREATE TABLE members ("
	"  id          INTEGER PRIMARY KEY,"
	"  uuid        TEXT NOT NULL UNIQUE,"
	"  name        TEXT NOT NULL,"
	"  role        TEXT NOT NULL CHECK (role IN"
	"              ('cooperator','coworker','facilitator','admin')),"
	"  minor       INTEGER NOT NULL DEFAULT 0 CHECK (minor IN (0,1)),"
	"  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),"
	"  pin_hash    TEXT,"
	"  forgotten   INTEGER NOT NULL DEFAULT 0 CHECK (forgotten IN (0,1)),"
	"  created_utc INTEGER NOT NULL);"
	"CREATE INDEX members_name ON members(name);"

	/* uid: canonical upper-case hex. A removed badge keeps its row,
	** active = 0, and may be given again later. */
	"CREATE TABLE badges ("
	"  uid       TEXT PRIMARY KEY,"
	"  uuid      TEXT NOT NULL UNIQUE,"
	"  member_id INTEGER NOT NULL REFERENCES members(id),"
	"  added_utc INTEGER NOT NULL,"
	"  active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)));"
	"CREATE INDEX badges_member ON badges(member_id);"

	"CREATE TABLE days ("
	"  id        INTEGER PRIMARY KEY,"
	"  uuid      TEXT NOT NULL UNIQUE,"
	"  date      TEXT NOT NULL UNIQUE,"
	"  title     TEXT NOT NULL,"
	"  open_min  INTEGER NOT NULL CHECK (open_min BETWEEN 0 AND 1439),"
	"  close_min INTEGER NOT NULL CHECK (close_min > open_min"
	"                                    AND close_min <= 1440));"

	"CREATE TABLE visits ("
	"  id          INTEGER PRIMARY KEY,"
	"  uuid        TEXT NOT NULL UNIQUE,"
	"  member_id   INTEGER NOT NULL REFERENCES members(id),"
	"  badge       TEXT NOT NULL,"
	"  in_utc      INTEGER NOT NULL,"
	"  out_utc     INTEGER,"
	"  out_uuid    TEXT UNIQUE,"  /* the tap that closed it, if a tap did */
	"  auto_closed INTEGER NOT NULL DEFAULT 0 CHECK (auto_closed IN (0,1)),"
	"  day_id      INTEGER REFERENCES days(id) ON DELETE SET NULL,"
	"  kiosk_id    TEXT NOT NULL);"
	"CREATE INDEX visits_member_in ON visits(member_id, in_utc);"
	"CREATE INDEX visits_in ON visits(in_utc);"
	"CREATE INDEX visits_day ON visits(day_id);"
	"CREATE INDEX visits_open ON visits(in_utc) WHERE out_utc IS NULL;"

	"CREATE TABLE unknown_taps ("
	"  id       INTEGER PRIMARY KEY,"
	"  at_utc   INTEGER NOT NULL,"
	"  kiosk_id TEXT NOT NULL,"
	"  outcome  TEXT NOT NULL CHECK (outcome IN ('unknown','inactive')),"
	"  uid      TEXT);"
	"CREATE INDEX unknown_taps_at ON unknown_taps(at_utc);"

	"CREATE TABLE missions ("
	"  id           INTEGER PRIMARY KEY,"
	"  uuid         TEXT NOT NULL UNIQUE,"
	"  title        TEXT NOT NULL,"
	"  description  TEXT NOT NULL DEFAULT '',"
	"  category     TEXT NOT NULL,"
	"  place        TEXT NOT NULL DEFAULT '',"
	"  date_from    TEXT NOT NULL DEFAULT '',"  /* '' : flexible */
	"  date_to      TEXT NOT NULL DEFAULT '',"  /* '' : date_from only */
	"  duration_min INTEGER NOT NULL DEFAULT 0,"
	"  places       INTEGER NOT NULL DEFAULT 1 CHECK (places >= 1),"
	"  reward_kind  TEXT NOT NULL CHECK (reward_kind IN ('fixed','quote','tip')),"
	"  reward_cents INTEGER NOT NULL DEFAULT 0,"
	"  minors_ok    INTEGER NOT NULL DEFAULT 0 CHECK (minors_ok IN (0,1)),"
	"  poster_id    INTEGER NOT NULL REFERENCES members(id),"
	"  status       TEXT NOT NULL CHECK (status IN ('pending','open','taken',"
	"               'done','rejected','cancelled','expired')),"
	"  reason       TEXT NOT NULL DEFAULT '',"
	"  created_utc  INTEGER NOT NULL,"
	"  updated_utc  INTEGER NOT NULL);"
	/* The board: one status, then exactly the board's order (flexible
	** last, soonest, newest), so a page is read in order and stops. */
	"CREATE INDEX missions_board ON missions(status, date_from = '',"
	"  date_from, created_utc DESC, id DESC);"
	/* Counting a filtered board reads only this (a covering index). */
	"CREATE INDEX missions_filter ON missions(status, category, minors_ok);"
	"CREATE INDEX missions_poster ON missions(poster_id);"

	/* Search: accent-blind words of title, description and place, kept
	** in step with missions by the triggers below. */
	"CREATE VIRTUAL TABLE missions_fts USING fts5("
	"  title, description, place,"
	"  content = 'missions', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TRIGGER missions_fts_ai AFTER INSERT ON missions BEGIN"
	"  INSERT INTO missions_fts(rowid, title, description, place)"
	"  VALUES (new.id, new.title, new.description, new.place);"
	"END;"
	"CREATE TRIGGER missions_fts_ad AFTER DELETE ON missions BEGIN"
	"  INSERT INTO missions_fts(missions_fts, rowid, title, description, place)"
	"  VALUES ('delete', old.id, old.title, old.description, old.place);"
	"END;"
	"CREATE TRIGGER missions_fts_au AFTER UPDATE OF title, description, place"
	"  ON missions BEGIN"
	"  INSERT INTO missions_fts(missions_fts, rowid, title, description, place)"
	"  VALUES ('delete', old.id, old.title, old.description, old.place);"
	"  INSERT INTO missions_fts(rowid, title, description, place)"
	"  VALUES (new.id, new.title, new.description, new.place);"
	"END;"

	"CREATE TABLE mission_takes ("
	"  id           INTEGER PRIMARY KEY,"
	"  uuid         TEXT NOT NULL UNIQUE,"
	"  mission_id   INTEGER NOT NULL REFERENCES missions(id) ON DELETE CASCADE,"
	"  member_id    INTEGER NOT NULL REFERENCES members(id),"
	"  taken_utc    INTEGER NOT NULL,"
	"  released_utc INTEGER);"
	"CREATE INDEX takes_mission ON mission_takes(mission_id)"
	"  WHERE released_utc IS NULL;"
	"CREATE INDEX takes_member ON mission_takes(member_id);"
	"CREATE UNIQUE INDEX takes_one_open ON mission_takes(mission_id, member_id)"
	"  WHERE released_utc IS NULL;"

	/* actor_id NULL: borne-admin on the command line. No foreign key:
	** the log outlives what it talks about. */
	"CREATE TABLE audit ("
	"  id          INTEGER PRIMARY KEY,"
	"  uuid        TEXT NOT NULL UNIQUE,"
	"  at_utc      INTEGER NOT NULL,"
	"  actor_id    INTEGER,"
	"  action      TEXT NOT NULL,"
	"  target_kind TEXT NOT NULL,"
	"  target_id   INTEGER NOT NULL,"
	"  detail      TEXT);"
	"CREATE INDEX audit_at ON audit(at_utc);";

/* Version 2: hours that stay true whatever the clock does (checkin.c).
** out_late flags a departure tapped after the visit had been closed
** automatically; held_taps keeps the taps made while the kiosk's clock
** could not be trusted, with the monotonic time of their boot, until
** they can be timed (or, from a boot that ended first, for good as
** untimed); visits_out makes the newest tap a quick look-up. */
static const char schema_v2[] =
	"ALTER TABLE visits ADD COLUMN out_late INTEGER NOT NULL DEFAULT 0"
	"  CHECK (out_late IN (0,1));"
	"CREATE INDEX visits_out ON visits(out_utc);"
	"CREATE TABLE held_taps ("
	"  id        INTEGER PRIMARY KEY,"
	"  uuid      TEXT NOT NULL UNIQUE,"
	"  badge     TEXT NOT NULL,"
	"  member_id INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
	"  boot_id   TEXT NOT NULL,"
	"  mono_ms   INTEGER NOT NULL,"
	"  seen_utc  INTEGER NOT NULL,"  /* what the untrusted clock said */
	"  kiosk_id  TEXT NOT NULL,"
	"  untimed   INTEGER NOT NULL DEFAULT 0 CHECK (untimed IN (0,1)));"
	"CREATE INDEX held_taps_member ON held_taps(member_id, mono_ms);";

/* Version 3: the members forgotten (privacy.c), by uuid and date and
** nothing else, so that a restored backup can forget them again. No
** foreign key: the list outlives the rows, and travels to copies that
** never had them. */
static const char schema_v3[] =
	"CREATE TABLE forgotten ("
	"  uuid          TEXT PRIMARY KEY,"
	"  forgotten_utc INTEGER NOT NULL);";

/* Version 4: "my missions" (mission_of_member) read in order and stop
** after a page: a member's unfinished missions, newest first. Without
** it, a member with 10,000 missions had all of them sorted per look. */
static const char schema_v4[] =
	"CREATE INDEX missions_mine ON missions(poster_id, created_utc DESC,"
	"  id DESC) WHERE status NOT IN ('done', 'cancelled', 'expired');";

/* Version 5: quotes for "Prix à discuter" missions (quote.c), with the
** whole calculation as it was shown, since a rate may change later.
** vat_bp is basis points, -1 for "TVA non applicable"; told is set once
** the author of a declined quote has been told at a tap. */
static const char schema_v5[] =
	"CREATE TABLE quotes ("
	"  id             INTEGER PRIMARY KEY,"
	"  uuid           TEXT NOT NULL UNIQUE,"
	"  number         TEXT NOT NULL UNIQUE,"
	"  mission_id     INTEGER NOT NULL REFERENCES missions(id)"
	"                 ON DELETE CASCADE,"
	"  member_id      INTEGER NOT NULL REFERENCES members(id),"
	"  hours_centi    INTEGER NOT NULL CHECK (hours_centi > 0),"
	"  rate_cents     INTEGER NOT NULL CHECK (rate_cents > 0),"
	"  supplies_cents INTEGER NOT NULL DEFAULT 0 CHECK (supplies_cents >= 0),"
	"  vat_bp         INTEGER NOT NULL CHECK (vat_bp IN (-1, 550, 1000, 2000)),"
	"  labour_cents   INTEGER NOT NULL,"
	"  ht_cents       INTEGER NOT NULL,"
	"  vat_cents      INTEGER NOT NULL,"
	"  ttc_cents      INTEGER NOT NULL,"
	"  status         TEXT NOT NULL CHECK (status IN"
	"                 ('proposed','accepted','declined','withdrawn')),"
	"  told           INTEGER NOT NULL DEFAULT 0 CHECK (told IN (0,1)),"
	"  created_utc    INTEGER NOT NULL,"
	"  decided_utc    INTEGER);"
	"CREATE INDEX quotes_mission ON quotes(mission_id);"
	"CREATE INDEX quotes_member ON quotes(member_id, status);"
	"CREATE UNIQUE INDEX quotes_one_waiting ON quotes(mission_id, member_id)"
	"  WHERE status = 'proposed';";

/* Version 6: signing in to borne-web (webauth.c). A one-time code and a
** session are kept as their hash only: a copy of the database opens no
** session. actor_id 0 is the machine's administrator (borne-admin). A
** used or expired code, an ended session: the row is deleted. */
static const char schema_v6[] =
	"CREATE TABLE IF NOT EXISTS web_codes ("
	"  hash        TEXT PRIMARY KEY,"
	"  actor_id    INTEGER NOT NULL,"
	"  created_utc INTEGER NOT NULL,"
	"  expires_utc INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS web_sessions ("
	"  hash        TEXT PRIMARY KEY,"
	"  actor_id    INTEGER NOT NULL,"
	"  created_utc INTEGER NOT NULL,"
	"  seen_utc    INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS audit_action_at ON audit(action, at_utc);";

/* Version 7: missions "en extérieur", which the heat alert keeps minors
** off in the hot hours (safety.c). */
static const char schema_v7[] =
	"ALTER TABLE missions ADD COLUMN outdoor INTEGER NOT NULL DEFAULT 0"
	"  CHECK (outdoor IN (0,1));";

/* Version 8: the back office's days and corrections (issue 13).
** day_series ties the rows of a season planned at once (one weekday
** between two dates, with dates skipped or moved), so it can be edited
** or cancelled as one; moved_from keeps the date a moved day had in its
** plan. day_streams are the named work streams of a day ("Chantier",
** "Communication"...), in their order. A facilitator's correction of a
** visit never loses what the door recorded: visit_fixes keeps the times
** before and after, appended and never changed, and the visit is flagged
** corrected. */
static const char schema_v8[] =
	"CREATE TABLE day_series ("
	"  id          INTEGER PRIMARY KEY,"
	"  uuid        TEXT NOT NULL UNIQUE,"
	"  title       TEXT NOT NULL,"
	"  first_date  TEXT NOT NULL,"
	"  until_date  TEXT NOT NULL,"
	"  created_utc INTEGER NOT NULL);"
	"ALTER TABLE days ADD COLUMN series_id INTEGER"
	"  REFERENCES day_series(id) ON DELETE SET NULL;"
	"ALTER TABLE days ADD COLUMN moved_from TEXT NOT NULL DEFAULT '';"
	"CREATE INDEX days_series ON days(series_id);"
	"CREATE TABLE day_streams ("
	"  id     INTEGER PRIMARY KEY,"
	"  day_id INTEGER NOT NULL REFERENCES days(id) ON DELETE CASCADE,"
	"  pos    INTEGER NOT NULL,"
	"  name   TEXT NOT NULL,"
	"  UNIQUE (day_id, name));"
	"ALTER TABLE visits ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0"
	"  CHECK (corrected IN (0,1));"
	"CREATE TABLE visit_fixes ("
	"  id              INTEGER PRIMARY KEY,"
	"  uuid            TEXT NOT NULL UNIQUE,"
	"  visit_id        INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
	"  at_utc          INTEGER NOT NULL,"
	"  actor_id        INTEGER,"
	"  old_in_utc      INTEGER NOT NULL,"
	"  old_out_utc     INTEGER,"
	"  old_auto_closed INTEGER NOT NULL,"
	"  old_out_late    INTEGER NOT NULL,"
	"  new_in_utc      INTEGER NOT NULL,"
	"  new_out_utc     INTEGER NOT NULL);"
	"CREATE INDEX visit_fixes_visit ON visit_fixes(visit_id);"
	"CREATE TRIGGER visit_fixes_append_only BEFORE UPDATE ON visit_fixes"
	"  BEGIN SELECT RAISE(ABORT, 'visit_fixes is append-only'); END;";

/* Version 9: the work stream each visit joined on a contributive day
** (stream.c). A member picks it at the greeting and may change it during
** the visit: each row holds from its time to the next one (the first from
** the arrival), so hours per stream cut a visit where it changed. The
** name is kept as it was, not as a link to day_streams, which a
** facilitator may rewrite later. The board hides outdoor missions from a
** minor during the heat alert: the filter's covering index has outdoor. */
static const char schema_v9[] =
	"CREATE TABLE visit_streams ("
	"  id       INTEGER PRIMARY KEY,"
	"  uuid     TEXT NOT NULL UNIQUE,"
	"  visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,"
	"  name     TEXT NOT NULL,"
	"  from_utc INTEGER NOT NULL);"
	"CREATE INDEX visit_streams_visit ON visit_streams(visit_id, from_utc);"
	"DROP INDEX missions_filter;"
	"CREATE INDEX missions_filter ON missions(status, category, minors_ok,"
	"  outdoor);";

/* Version 10 (issue 14): the outbox, what travels to the PostgreSQL hub
** (docs/sync.md). Every write to a travelling table appends, by the
** triggers below and so in the same transaction, one change: the table,
** the row's uuid, insert/update/delete, the row as JSON (rows it points
** to by their uuid, never by a local id), and a hybrid logical clock
** tick. sync_state is one row: this database's kiosk uuid (made once,
** here) and incarnation, the clock, the cursors of the sync process, and
** "applying", set while rows pulled FROM the hub are written, which the
** triggers skip. The clock: hlc_ms = max(hlc_ms, wall ms), hlc_ctr
** counts ticks within one ms; both stored, so it never goes back across
** restarts or a wall clock set to the past; hlc is 'MS.CTR.KIOSK'
** zero-padded so it sorts as text. The PIN hash does not travel (it is
** keyed by this kiosk's PIN key). sync_state.schema_version is set to
** the latest version by store.c after every migration. */
#define OB_NOW "CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"
#define OB_TICK \
	"UPDATE sync_state SET hlc_ctr = CASE WHEN " OB_NOW " > hlc_ms" \
	"  THEN 0 ELSE hlc_ctr + 1 END, hlc_ms = MAX(hlc_ms, " OB_NOW ")," \
	"  wall_ms = " OB_NOW ";"
#define OB_PUT(tbl, row_uuid, op, payload) \
	"INSERT INTO outbox(tbl, row_uuid, op, payload, hlc, wall_ms," \
	"  wall_trusted, boot_id, schema_version)" \
	" SELECT '" tbl "', " row_uuid ", '" op "', " payload "," \
	"  printf('%015d.%06d.%s', hlc_ms, hlc_ctr, kiosk_uuid), wall_ms," \
	"  wall_trusted, boot_id, schema_version FROM sync_state;"
#define OB_WHEN " WHEN (SELECT applying FROM sync_state) = 0 BEGIN "
#define OB_TRIGGERS(tbl, short, payload_new) \
	"CREATE TRIGGER outbox_" short "_ai AFTER INSERT ON " tbl OB_WHEN \
	OB_TICK OB_PUT(tbl, "new.uuid", "insert", payload_new("new")) "END;" \
	"CREATE TRIGGER outbox_" short "_au AFTER UPDATE ON " tbl OB_WHEN \
	OB_TICK OB_PUT(tbl, "new.uuid", "update", payload_new("new")) "END;" \
	"CREATE TRIGGER outbox_" short "_ad AFTER DELETE ON " tbl OB_WHEN \
	OB_TICK OB_PUT(tbl, "old.uuid", "delete", \
	               "json_object('uuid', old.uuid)") "END;"
#define OB_UUID_OF(table, r, col) \
	"(SELECT uuid FROM " table " WHERE id = " r "." col ")"
#define OB_MEMBER(r) \
	"json_object('uuid', " r ".uuid, 'name', " r ".name, 'role', " r ".role," \
	" 'minor', " r ".minor, 'active', " r ".active, 'forgotten', " \
	r ".forgotten, 'created_utc', " r ".created_utc)"
#define OB_BADGE(r) \
	"json_object('uuid', " r ".uuid, 'uid', " r ".uid, 'member_uuid', " \
	OB_UUID_OF("members", r, "member_id") ", 'added_utc', " r ".added_utc," \
	" 'active', " r ".active)"
#define OB_DAY(r) \
	"json_object('uuid', " r ".uuid, 'date', " r ".date, 'title', " \
	r ".title, 'open_min', " r ".open_min, 'close_min', " r ".close_min," \
	" 'moved_from', " r ".moved_from)"
#define OB_VISIT(r) \
	"json_object('uuid', " r ".uuid, 'member_uuid', " \
	OB_UUID_OF("members", r, "member_id") ", 'badge', " r ".badge," \
	" 'in_utc', " r ".in_utc, 'out_utc', " r ".out_utc, 'out_uuid', " \
	r ".out_uuid, 'auto_closed', " r ".auto_closed, 'out_late', " \
	r ".out_late, 'corrected', " r ".corrected, 'day_uuid', " \
	OB_UUID_OF("days", r, "day_id") ", 'kiosk_id', " r ".kiosk_id)"
#define OB_MISSION(r) \
	"json_object('uuid', " r ".uuid, 'title', " r ".title, 'description', " \
	r ".description, 'category', " r ".category, 'place', " r ".place," \
	" 'date_from', " r ".date_from, 'date_to', " r ".date_to," \
	" 'duration_min', " r ".duration_min, 'places', " r ".places," \
	" 'reward_kind', " r ".reward_kind, 'reward_cents', " r ".reward_cents," \
	" 'minors_ok', " r ".minors_ok, 'outdoor', " r ".outdoor," \
	" 'poster_uuid', " OB_UUID_OF("members", r, "poster_id") ", 'status', " \
	r ".status, 'reason', " r ".reason, 'created_utc', " r ".created_utc," \
	" 'updated_utc', " r ".updated_utc)"
#define OB_TAKE(r) \
	"json_object('uuid', " r ".uuid, 'mission_uuid', " \
	OB_UUID_OF("missions", r, "mission_id") ", 'member_uuid', " \
	OB_UUID_OF("members", r, "member_id") ", 'taken_utc', " r ".taken_utc," \
	" 'released_utc', " r ".released_utc)"
#define OB_AUDIT(r) \
	"json_object('uuid', " r ".uuid, 'at_utc', " r ".at_utc, 'actor_uuid', " \
	OB_UUID_OF("members", r, "actor_id") ", 'action', " r ".action," \
	" 'target_kind', " r ".target_kind, 'target_uuid', CASE " r \
	".target_kind WHEN 'member' THEN " OB_UUID_OF("members", r, "target_id") \
	" WHEN 'mission' THEN " OB_UUID_OF("missions", r, "target_id") \
	" END, 'detail', " r ".detail)"
static const char schema_v10[] =
	"CREATE TABLE sync_state ("
	"  id             INTEGER PRIMARY KEY CHECK (id = 1),"
	"  applying       INTEGER NOT NULL DEFAULT 0 CHECK (applying IN (0,1)),"
	"  kiosk_uuid     TEXT NOT NULL,"
	"  incarnation    INTEGER NOT NULL DEFAULT 1,"
	"  hlc_ms         INTEGER NOT NULL DEFAULT 0,"
	"  hlc_ctr        INTEGER NOT NULL DEFAULT 0,"
	"  wall_ms        INTEGER NOT NULL DEFAULT 0,"
	"  wall_trusted   INTEGER NOT NULL DEFAULT 0,"
	"  boot_id        TEXT NOT NULL DEFAULT '',"
	"  schema_version INTEGER NOT NULL DEFAULT 0,"
	"  pushed_seq     INTEGER NOT NULL DEFAULT 0,"  /* the hub has up to it */
	"  pulled_seq     INTEGER NOT NULL DEFAULT 0,"  /* hub sequence pulled */
	"  synced_utc     INTEGER NOT NULL DEFAULT 0,"  /* last complete sync */
	"  last_error     TEXT NOT NULL DEFAULT '');"
	"INSERT INTO sync_state(id, kiosk_uuid) VALUES (1, lower(printf("
	"  '%s-%s-4%s-%s%s-%s', hex(randomblob(4)), hex(randomblob(2)),"
	"  substr(hex(randomblob(2)), 2), substr('89ab', 1 + abs(random()) % 4, 1),"
	"  substr(hex(randomblob(2)), 2), hex(randomblob(6)))));"
	"CREATE TABLE outbox ("
	"  seq            INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  tbl            TEXT NOT NULL,"
	"  row_uuid       TEXT NOT NULL,"
	"  op             TEXT NOT NULL CHECK (op IN"
	"                 ('insert','update','delete','forget','scrubbed')),"
	"  payload        TEXT NOT NULL,"
	"  hlc            TEXT NOT NULL,"
	"  wall_ms        INTEGER NOT NULL,"
	"  wall_trusted   INTEGER NOT NULL,"
	"  boot_id        TEXT NOT NULL,"
	"  schema_version INTEGER NOT NULL);"
	"CREATE INDEX outbox_row ON outbox(row_uuid);"
	OB_TRIGGERS("members", "members", OB_MEMBER)
	OB_TRIGGERS("badges", "badges", OB_BADGE)
	OB_TRIGGERS("days", "days", OB_DAY)
	OB_TRIGGERS("visits", "visits", OB_VISIT)
	OB_TRIGGERS("missions", "missions", OB_MISSION)
	OB_TRIGGERS("mission_takes", "takes", OB_TAKE)
	OB_TRIGGERS("audit", "audit", OB_AUDIT);

/* Version 11: a search keystroke is an index lookup (issue 12). Each
** mission's status, category, "minors welcome" and "outdoor" are words
** of its row in missions_fts, written with a private-use first character (U+E000)
** that nothing typed can hold (mission_list.c strips it), so that
** counting and filtering the matches stay inside FTS5's merge of
** doclists instead of reading every matching mission. The row is kept
** in step when any of them changes. prefix = '1 2 3' gives one, two and
** three letters typed their own index: "c"* no longer reads every word
** that starts with a c. */
static const char schema_v11[] =
	"DROP TRIGGER missions_fts_ai;"
	"DROP TRIGGER missions_fts_ad;"
	"DROP TRIGGER missions_fts_au;"
	"DROP TABLE missions_fts;"
	"ALTER TABLE missions ADD COLUMN fts_tags TEXT GENERATED ALWAYS AS ("
	"  char(57344) || 's' || status || ' ' || char(57344) || 'c' || category"
	"  || CASE WHEN minors_ok THEN ' ' || char(57344) || 'm' ELSE '' END"
	"  || CASE WHEN outdoor THEN ' ' || char(57344) || 'o' ELSE '' END)"
	"  VIRTUAL;"
	"CREATE VIRTUAL TABLE missions_fts USING fts5("
	"  title, description, place, fts_tags,"
	"  content = 'missions', content_rowid = 'id',"
	"  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');"
	"CREATE TRIGGER missions_fts_ai AFTER INSERT ON missions BEGIN"
	"  INSERT INTO missions_fts(rowid, title, description, place, fts_tags)"
	"  VALUES (new.id, new.title, new.description, new.place, new.fts_tags);"
	"END;"
	"CREATE TRIGGER missions_fts_ad AFTER DELETE ON missions BEGIN"
	"  INSERT INTO missions_fts(missions_fts, rowid, title, description,"
	"  place, fts_tags) VALUES ('delete', old.id, old.title, old.description,"
	"  old.place, old.fts_tags);"
	"END;"
	"CREATE TRIGGER missions_fts_au AFTER UPDATE OF title, description,"
	"  place, status, category, minors_ok, outdoor ON missions BEGIN"
	"  INSERT INTO missions_fts(missions_fts, rowid, title, description,"
	"  place, fts_tags) VALUES ('delete', old.id, old.title, old.description,"
	"  old.place, old.fts_tags);"
	"  INSERT INTO missions_fts(rowid, title, description, place, fts_tags)"
	"  VALUES (new.id, new.title, new.description, new.place, new.fts_tags);"
	"END;"
	"INSERT INTO missions_fts(missions_fts) VALUES ('rebuild');";

/* Version 12 (issue 14): everything else that should travel travels:
** quotes, day_series, day_streams, visit_streams and visit_fixes get the
** outbox's triggers; a day's change names its series by uuid. day_streams
** had no uuid: the table is rebuilt with one (made by its default, so
** every writer gets one). visit_fixes stays append-only for its times; an
** update that touches only the uuid is how outbox_seed queues a row.
** sync_state learns pruned_seq (the outbox's changes up to it were taken
** by the hub and deleted) and quote_prefix (the code the hub gave this
** kiosk, which its quote numbers carry: D2026-B-0001, docs/sync.md). */
#define OB_UUID_DEFAULT \
	"(lower(printf('%s-%s-4%s-%s%s-%s', hex(randomblob(4))," \
	"  hex(randomblob(2)), substr(hex(randomblob(2)), 2)," \
	"  substr('89ab', 1 + abs(random()) % 4, 1)," \
	"  substr(hex(randomblob(2)), 2), hex(randomblob(6)))))"
#define OB_DAY12(r) \
	"json_object('uuid', " r ".uuid, 'date', " r ".date, 'title', " \
	r ".title, 'open_min', " r ".open_min, 'close_min', " r ".close_min," \
	" 'moved_from', " r ".moved_from, 'series_uuid', " \
	OB_UUID_OF("day_series", r, "series_id") ")"
#define OB_QUOTE(r) \
	"json_object('uuid', " r ".uuid, 'number', " r ".number," \
	" 'mission_uuid', " OB_UUID_OF("missions", r, "mission_id") "," \
	" 'member_uuid', " OB_UUID_OF("members", r, "member_id") "," \
	" 'hours_centi', " r ".hours_centi, 'rate_cents', " r ".rate_cents," \
	" 'supplies_cents', " r ".supplies_cents, 'vat_bp', " r ".vat_bp," \
	" 'labour_cents', " r ".labour_cents, 'ht_cents', " r ".ht_cents," \
	" 'vat_cents', " r ".vat_cents, 'ttc_cents', " r ".ttc_cents," \
	" 'status', " r ".status, 'told', " r ".told, 'created_utc', " \
	r ".created_utc, 'decided_utc', " r ".decided_utc)"
#define OB_SERIES(r) \
	"json_object('uuid', " r ".uuid, 'title', " r ".title, 'first_date', " \
	r ".first_date, 'until_date', " r ".until_date, 'created_utc', " \
	r ".created_utc)"
#define OB_STREAM(r) \
	"json_object('uuid', " r ".uuid, 'day_uuid', " \
	OB_UUID_OF("days", r, "day_id") ", 'pos', " r ".pos, 'name', " \
	r ".name)"
#define OB_VSTREAM(r) \
	"json_object('uuid', " r ".uuid, 'visit_uuid', " \
	OB_UUID_OF("visits", r, "visit_id") ", 'name', " r ".name," \
	" 'from_utc', " r ".from_utc)"
#define OB_VFIX(r) \
	"json_object('uuid', " r ".uuid, 'visit_uuid', " \
	OB_UUID_OF("visits", r, "visit_id") ", 'at_utc', " r ".at_utc," \
	" 'actor_uuid', " OB_UUID_OF("members", r, "actor_id") "," \
	" 'old_in_utc', " r ".old_in_utc, 'old_out_utc', " r ".old_out_utc," \
	" 'old_auto_closed', " r ".old_auto_closed, 'old_out_late', " \
	r ".old_out_late, 'new_in_utc', " r ".new_in_utc, 'new_out_utc', " \
	r ".new_out_utc)"
static const char schema_v12[] =
	"CREATE TABLE day_streams_v12 ("
	"  id     INTEGER PRIMARY KEY,"
	"  uuid   TEXT NOT NULL UNIQUE DEFAULT " OB_UUID_DEFAULT ","
	"  day_id INTEGER NOT NULL REFERENCES days(id) ON DELETE CASCADE,"
	"  pos    INTEGER NOT NULL,"
	"  name   TEXT NOT NULL,"
	"  UNIQUE (day_id, name));"
	"INSERT INTO day_streams_v12(id, day_id, pos, name)"
	"  SELECT id, day_id, pos, name FROM day_streams;"
	"DROP TABLE day_streams;"
	"ALTER TABLE day_streams_v12 RENAME TO day_streams;"
	"DROP TRIGGER visit_fixes_append_only;"
	"CREATE TRIGGER visit_fixes_append_only BEFORE UPDATE OF visit_id,"
	"  at_utc, actor_id, old_in_utc, old_out_utc, old_auto_closed,"
	"  old_out_late, new_in_utc, new_out_utc ON visit_fixes"
	"  BEGIN SELECT RAISE(ABORT, 'visit_fixes is append-only'); END;"
	"ALTER TABLE sync_state ADD COLUMN pruned_seq INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE sync_state ADD COLUMN quote_prefix TEXT NOT NULL DEFAULT '';"
	"DROP TRIGGER outbox_days_ai;"
	"DROP TRIGGER outbox_days_au;"
	"DROP TRIGGER outbox_days_ad;"
	OB_TRIGGERS("days", "days", OB_DAY12)
	OB_TRIGGERS("quotes", "quotes", OB_QUOTE)
	OB_TRIGGERS("day_series", "series", OB_SERIES)
	OB_TRIGGERS("day_streams", "streams", OB_STREAM)
	OB_TRIGGERS("visit_streams", "vstreams", OB_VSTREAM)
	OB_TRIGGERS("visit_fixes", "vfixes", OB_VFIX);

/* Version 13 (issue 14, what people see of sync): confirmed_seq is
** this kiosk's last change the hub is known to have ordered (every
** change pushed before a pull that reached the end of the hub's log: a
** take up to it is no longer "en attente de confirmation");
** update_required is 1 while the last pull stopped at a
** change of a newer schema. take_refusals is local, never travels: a
** take the hub refused (the mission was full in hub order), until its
** member is told at a tap (told_utc). */
static const char schema_v13[] =
	"ALTER TABLE sync_state ADD COLUMN confirmed_seq INTEGER NOT NULL"
	"  DEFAULT 0;"
	"ALTER TABLE sync_state ADD COLUMN update_required INTEGER NOT NULL"
	"  DEFAULT 0 CHECK (update_required IN (0,1));"
	"CREATE TABLE take_refusals ("
	"  take_uuid   TEXT PRIMARY KEY,"
	"  member_id   INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,"
	"  mission_id  INTEGER NOT NULL REFERENCES missions(id) ON DELETE CASCADE,"
	"  refused_utc INTEGER NOT NULL,"
	"  told_utc    INTEGER);"
	"CREATE INDEX take_refusals_untold ON take_refusals(member_id)"
	"  WHERE told_utc IS NULL;"
	/* after a complete sync, what was pushed was pulled back ordered */
	"UPDATE sync_state SET confirmed_seq = pushed_seq"
	"  WHERE synced_utc > 0 AND last_error = '';";

/* Version 14 (issue 14, schema versions): a kiosk behind a newer one
** applies the changes of tables it knows and passes over the others;
** skipped_from is the first hub sequence passed over (0: none) and
** skipped_schema the newest version among them. Once this build reads
** that version, the next pull starts again from skipped_from. */
static const char schema_v14[] =
	"ALTER TABLE sync_state ADD COLUMN skipped_from INTEGER NOT NULL"
	"  DEFAULT 0;"
	"ALTER TABLE sync_state ADD COLUMN skipped_schema INTEGER NOT NULL"
	"  DEFAULT 0;";

/* migrations[i] takes user_version i to i + 1. Append, never edit. */
static const char *const migrations[] = {
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
	schema_v6,
	schema_v7,
	schema_v8,
	schema_v9,
	/* the outbox (issue 14) */
	schema_v10,
	/* issue 12: search as an index lookup */
	schema_v11,
	/* issue 14: quotes, series, streams and fixes travel */
	schema_v12,
	/* issue 14: takes confirmed by the hub, refusals told at a tap */
	schema_v13,
	/* issue 14: a kiosk behind syncs what it understands */
	schema_v14,
};

int
store_migration_count(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *
store_migration_sql(int i)
{
	return i >= 0 && i < store_migration_count() ? migrations[i] : NULL;
}
