/*
 * store_schema.c - the database's schema and its migrations by PRAGMA
 * user_version, each step in one transaction, so that a crash mid-way
 * leaves the old version intact; and the steps that SQL alone cannot do
 * (hashing a version 1 timeline).
 */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "i18n.h"
#include "util.h"

/*
 * Each entry migrates from version i to i + 1: SQL, then optionally a C
 * step over the rows (what SQL cannot compute, such as hashes), then SQL
 * that sets user_version (a PRAGMA cannot take a bound parameter). Never
 * edit an entry once released: add a new one.
 */
struct migration {
	const char *sql;
	int (*rows)(struct store *st, char *err, size_t errlen);
	const char *after;
};

static int chain_rows(struct store *st, char *err, size_t errlen);

#define EVENT_NO_UPDATE \
	"CREATE TRIGGER event_no_update BEFORE UPDATE ON event" \
	"  BEGIN SELECT RAISE(ABORT, 'timeline events cannot be changed'); END;"

static const struct migration migrations[] = {
	/* 0 -> 1 */
	{
	"CREATE TABLE incident ("
	"  id INTEGER PRIMARY KEY,"
	"  ref TEXT NOT NULL UNIQUE,"
	"  year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 9999),"
	"  seq INTEGER NOT NULL CHECK (seq >= 1),"
	"  drill TEXT,"			/* scenario name; NULL = real */
	"  is_drill INTEGER NOT NULL CHECK (is_drill = (drill IS NOT NULL)),"
	"  closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),"
	"  measures TEXT,"
	"  created_at TEXT NOT NULL,"
	"  kind TEXT,"
	"  discovered_at TEXT,"
	"  reportable TEXT,"
	"  next_due TEXT,"
	"  summary TEXT,"
	/* drills have their own sequence and never use up the real one */
	"  UNIQUE (is_drill, year, seq)"
	");"
	/* one index per list query, in its order (no sort) and covering its
	 * columns (no table lookups): halves the time to list 10 000 */
	"CREATE INDEX incident_open ON incident (is_drill, closed,"
	"  discovered_at, id, ref, drill, created_at, kind, reportable,"
	"  next_due, summary);"
	"CREATE INDEX incident_all ON incident (is_drill, discovered_at, id,"
	"  closed, ref, drill, created_at, kind, reportable, next_due,"
	"  summary);"
	/* docs/contract.md §1: a reference never changes once printed */
	"CREATE TRIGGER incident_ref_fixed"
	"  BEFORE UPDATE OF ref, year, seq, drill, is_drill ON incident"
	"  BEGIN SELECT RAISE(ABORT, 'incident references never change'); END;"
	"CREATE TABLE answer ("
	"  incident INTEGER NOT NULL REFERENCES incident (id),"
	"  key TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  PRIMARY KEY (incident, key)"
	") WITHOUT ROWID;"
	"CREATE TABLE action_state ("
	"  incident INTEGER NOT NULL REFERENCES incident (id),"
	"  action TEXT NOT NULL,"
	"  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'skipped')),"
	"  by TEXT,"
	"  at TEXT,"
	"  note TEXT,"
	"  PRIMARY KEY (incident, action)"
	") WITHOUT ROWID;"
	"CREATE TABLE event ("
	"  id INTEGER PRIMARY KEY,"
	"  incident INTEGER NOT NULL REFERENCES incident (id),"
	"  at TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  key TEXT,"
	"  old TEXT,"
	"  new TEXT,"
	"  by TEXT"
	");"
	"CREATE INDEX event_incident ON event (incident, id);"
	EVENT_NO_UPDATE
	"CREATE TRIGGER event_no_delete BEFORE DELETE ON event"
	"  BEGIN SELECT RAISE(ABORT, 'timeline events cannot be deleted'); END;"
	"PRAGMA user_version = 1;", NULL, NULL },
	/* 2: the tamper-evident chain (docs/architecture.md). */
	{ "ALTER TABLE event ADD COLUMN hash TEXT;"
	"PRAGMA user_version = 2;", NULL, NULL },
	/* 3: the chain covers every event and its end is kept with the
	 * incident, so that removing the last events shows; an action's own
	 * time is part of its event. Version 1 events, which had no hash,
	 * are chained here (verify could never pass on them otherwise). */
	{ "ALTER TABLE event ADD COLUMN acted_at TEXT;"
	"ALTER TABLE incident ADD COLUMN events INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE incident ADD COLUMN head TEXT;"
	"DROP TRIGGER event_no_update;",
	chain_rows,
	EVENT_NO_UPDATE
	"PRAGMA user_version = 3;" },
	/* 4: the device ledger (持ち出し台帳): each device or medium by the
	 * facility's own id, its answers-like values, and the ledger's own
	 * timeline, hash-chained like an incident's, with its end kept. */
	{ "CREATE TABLE device ("
	"  id TEXT NOT NULL PRIMARY KEY,"
	"  state TEXT NOT NULL DEFAULT 'active'"
	"    CHECK (state IN ('active', 'retired', 'lost')),"
	"  incident TEXT,"			/* the ref it was lost in */
	"  created_at TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE device_value ("
	"  device TEXT NOT NULL REFERENCES device (id),"
	"  key TEXT NOT NULL,"
	"  value TEXT NOT NULL,"
	"  PRIMARY KEY (device, key)"
	") WITHOUT ROWID;"
	"CREATE TABLE ledger_event ("
	"  id INTEGER PRIMARY KEY,"
	"  at TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  device TEXT,"
	"  key TEXT,"
	"  old TEXT,"
	"  new TEXT,"
	"  by TEXT,"
	"  hash TEXT"
	");"
	"CREATE TABLE ledger_head ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  events INTEGER NOT NULL DEFAULT 0,"
	"  head TEXT"
	");"
	"INSERT INTO ledger_head (id, events) VALUES (1, 0);"
	"CREATE TRIGGER ledger_event_no_update BEFORE UPDATE ON ledger_event"
	"  BEGIN SELECT RAISE(ABORT, 'ledger events cannot be changed'); END;"
	"CREATE TRIGGER ledger_event_no_delete BEFORE DELETE ON ledger_event"
	"  BEGIN SELECT RAISE(ABORT, 'ledger events cannot be deleted'); END;"
	"PRAGMA user_version = 4;", NULL, NULL },
	/* 5: the individuals to notify of an incident (imported from a CSV,
	 * names kept here and nowhere else), each mark of a notice sent,
	 * returned, reached or unreachable, and the enquiries that follow. */
	{ "CREATE TABLE recipient ("
	"  incident INTEGER NOT NULL REFERENCES incident (id),"
	"  id TEXT NOT NULL,"
	"  name TEXT NOT NULL,"
	"  postal_code TEXT,"
	"  address TEXT,"
	"  email TEXT,"
	"  phone TEXT,"
	"  note TEXT,"
	"  PRIMARY KEY (incident, id)"
	") WITHOUT ROWID;"
	"CREATE TABLE recipient_mark ("
	"  incident INTEGER NOT NULL,"
	"  recipient TEXT NOT NULL,"
	"  seq INTEGER NOT NULL,"
	"  mark TEXT NOT NULL"
	"    CHECK (mark IN ('sent', 'returned', 'reached', 'unreachable')),"
	"  via TEXT CHECK (via IN ('letter', 'email', 'phone', 'in_person')),"
	"  at TEXT NOT NULL,"
	"  note TEXT,"
	"  by TEXT,"
	"  PRIMARY KEY (incident, recipient, seq),"
	"  FOREIGN KEY (incident, recipient) REFERENCES recipient (incident, id)"
	") WITHOUT ROWID;"
	"CREATE TABLE enquiry ("
	"  id INTEGER PRIMARY KEY,"
	"  incident INTEGER NOT NULL REFERENCES incident (id),"
	"  at TEXT NOT NULL,"
	"  from_name TEXT,"
	"  text TEXT NOT NULL,"
	"  answer TEXT,"
	"  follow_up INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0, 1)),"
	"  by TEXT"
	");"
	"CREATE INDEX enquiry_incident ON enquiry (incident, id);"
	"PRAGMA user_version = 5;", NULL, NULL },
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* Checks the version; the caller holds the write lock if it will migrate. */
static int
schema_version(struct store *st, int *version, char *err, size_t errlen)
{
	int code, tables = 0;

	code = store_query_int(st, "PRAGMA user_version", version, err, errlen);
	if (code != ST_OK)
		return code;
	if (*version > SCHEMA_VERSION)
		return err_set(err, errlen, ST_IOERR,
		    _("%s: database schema version %d is newer than this program"
		    " (%d)"), st->path, *version, SCHEMA_VERSION);
	if (*version != 0)
		return ST_OK;
	/* version 0 with tables is some other program's database: do not
	 * add ours to it */
	code = store_query_int(st, "SELECT count(*) FROM sqlite_master", &tables,
	    err, errlen);
	if (code == ST_OK && tables != 0)
		code = err_set(err, errlen, ST_IOERR,
		    _("%s: not an anshin-ir database (it has tables but no schema"
		    " version)"), st->path);
	return code;
}

static int
migrate_step(struct store *st, const struct migration *m, char *err,
    size_t errlen)
{
	int code = store_exec_sql(st, m->sql, N_("migrate"), err, errlen);

	if (code == ST_OK && m->rows != NULL)
		code = m->rows(st, err, errlen);
	if (code == ST_OK && m->after != NULL)
		code = store_exec_sql(st, m->after, N_("migrate"), err, errlen);
	return code;
}

static int
migrate_locked(struct store *st, char *err, size_t errlen)
{
	int code, version;

	/* read again under the lock: another process may have migrated */
	code = schema_version(st, &version, err, errlen);
	for (; code == ST_OK && version < SCHEMA_VERSION; version++)
		code = migrate_step(st, &migrations[version], err, errlen);
	return code;
}

/* ---- migration 3: the chain's end in the incident row ----------------- */

/* One incident's events, as the chain hashes them. */
struct chain_rows {
	long *ids;
	char **col;		/* 8 per event: at ... acted_at, hash */
	size_t n;
};

static void
chain_rows_free(struct chain_rows *r)
{
	size_t i;

	for (i = 0; i < r->n * 8; i++)
		free(r->col[i]);
	free(r->col);
	free(r->ids);
	memset(r, 0, sizeof *r);
}

static int
chain_rows_read(struct store *st, sqlite3_stmt *s, long id,
    struct chain_rows *r, char *err, size_t errlen)
{
	int rc, i;

	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r->ids = xreallocarray(r->ids, r->n + 1, sizeof *r->ids);
		r->col = xreallocarray(r->col, (r->n + 1) * 8, sizeof *r->col);
		r->ids[r->n] = (long)sqlite3_column_int64(s, 0);
		for (i = 0; i < 8; i++)
			r->col[r->n * 8 + (size_t)i] = store_col_get(s, i + 1, 1);
		r->n++;
	}
	rc = rc == SQLITE_DONE ? ST_OK : store_sql_fail(st, rc, N_("migrate"), err,
	    errlen);
	sqlite3_reset(s);
	return rc;
}

/* Hashes the events of a version 1 timeline (none has a hash) and keeps
 * the end of every chain in its incident row. A chain that has hashes is
 * left as it is, broken or not: verify is the one to say. */
static int
chain_incident(struct store *st, sqlite3_stmt *upd, sqlite3_stmt *head,
    long id, const struct chain_rows *r, char *err, size_t errlen)
{
	char prev[CHAIN_HEX_LEN + 1], hash[CHAIN_HEX_LEN + 1];
	struct store_event ev;
	char **c;
	size_t i;
	int rc = ST_OK, unhashed = r->n > 0 && r->col[7] == NULL;

	chain_zero(prev);
	for (i = 0; i < r->n && unhashed && rc == ST_OK; i++) {
		c = &r->col[i * 8];
		memset(&ev, 0, sizeof ev);
		ev.at = c[0], ev.kind = c[1], ev.key = c[2], ev.old = c[3];
		ev.new_ = c[4], ev.by = c[5], ev.acted_at = c[6];
		if (chain_digest(id, prev, &ev, hash) != 0)
			return err_set(err, errlen, ST_SOFTWARE,
			    _("cannot compute the event hash (libcrypto)"));
		sqlite3_bind_text(upd, 1, hash, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(upd, 2, r->ids[i]);
		rc = store_stmt_run(st, upd, N_("migrate"), err, errlen);
		memcpy(prev, hash, sizeof prev);
	}
	if (rc != ST_OK)
		return rc;
	sqlite3_bind_int64(head, 1, (sqlite3_int64)r->n);
	sqlite3_bind_text(head, 2, unhashed ? prev : r->n > 0 ?
	    r->col[(r->n - 1) * 8 + 7] : NULL, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(head, 3, id);
	return store_stmt_run(st, head, N_("migrate"), err, errlen);
}

static int
chain_rows(struct store *st, char *err, size_t errlen)
{
	static const char *const sql[] = {
		"SELECT id FROM incident ORDER BY id",
		"SELECT id, at, kind, key, old, new, by, acted_at, hash"
		" FROM event WHERE incident = ?1 ORDER BY id",
		"UPDATE event SET hash = ?1 WHERE id = ?2",
		"UPDATE incident SET events = ?1, head = ?2 WHERE id = ?3",
	};
	sqlite3_stmt *s[4] = { NULL, NULL, NULL, NULL };
	struct chain_rows r = { NULL, NULL, 0 };
	int rc = ST_OK, sr = SQLITE_DONE;
	size_t i;
	long id;

	for (i = 0; i < 4 && rc == ST_OK; i++)
		if (sqlite3_prepare_v2(st->db, sql[i], -1, &s[i], NULL) !=
		    SQLITE_OK)
			rc = store_sql_fail(st, SQLITE_ERROR, N_("migrate"), err,
			    errlen);
	while (rc == ST_OK && (sr = sqlite3_step(s[0])) == SQLITE_ROW) {
		id = (long)sqlite3_column_int64(s[0], 0);
		rc = chain_rows_read(st, s[1], id, &r, err, errlen);
		if (rc == ST_OK)
			rc = chain_incident(st, s[2], s[3], id, &r, err,
			    errlen);
		chain_rows_free(&r);
	}
	if (rc == ST_OK && sr != SQLITE_DONE)
		rc = store_sql_fail(st, sr, N_("migrate"), err, errlen);
	for (i = 0; i < 4; i++)
		sqlite3_finalize(s[i]);
	return rc;
}

int
store_migrate(struct store *st, char *err, size_t errlen)
{
	int code, version;

	/* the common case, already current, takes no write lock */
	code = schema_version(st, &version, err, errlen);
	if (code != ST_OK || version == SCHEMA_VERSION)
		return code;
	code = store_begin(st, err, errlen);
	if (code != ST_OK)
		return code;
	code = migrate_locked(st, err, errlen);
	if (code == ST_OK)
		code = store_commit(st, err, errlen);
	if (code != ST_OK)
		store_rollback(st);
	return code;
}

