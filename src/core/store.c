/*
 * store.c - owns the SQLite connection: opening it with the settings every
 * write relies on, the table of prepared statements and the helpers over
 * them, and transactions. With store_path.c (where the file lives, who may
 * touch it), store_schema.c (migrations) and store_rows.c (the rows),
 * nothing else in the program talks to SQLite.
 *
 * Why it is built this way:
 * - An incident record is evidence (APPI reports, audits), so the file is
 *   created 0600 in a 0700 directory, and a directory anyone else may write
 *   to is refused: they could swap or delete the file (a sticky directory
 *   such as /tmp protects files from other users, so it is accepted).
 * - journal_mode=WAL lets the TUI and a CLI command (or cron's
 *   `list --overdue`) read while the other writes; busy_timeout makes two
 *   writers wait for each other instead of failing at once.
 * - synchronous=FULL: each answer is saved the moment the user leaves the
 *   field and must survive a power cut right after; WAL's default NORMAL
 *   may lose the last commits.
 * - Timeline events are append-only, enforced by triggers so that no code
 *   path (ours or a future one) edits history by mistake. Triggers do not
 *   stop someone with the file and the sqlite3 shell; the hash chain of the
 *   timeline (docs/architecture.md) is what detects that.
 * - The schema is migrated by PRAGMA user_version, each step in one
 *   transaction, so a crash mid-migration leaves the old version intact.
 * - Statements are prepared once per connection from a constant table and
 *   always reset after use: a statement left stepping would hold a read
 *   snapshot open and make this connection's next write fail as busy.
 */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "chain.h"
#include "i18n.h"
#include "util.h"

/* Milliseconds a writer waits for another; long enough for any single
 * save of ours, short enough that a stuck process is reported. The tests
 * of a busy database shorten it with $ANSHIN_IR_BUSY_MS. */
#define STORE_BUSY_MS 5000

static int
busy_ms(void)
{
	const char *v = getenv("ANSHIN_IR_BUSY_MS");
	char *end;
	long ms;

	if (v == NULL || *v == '\0')
		return STORE_BUSY_MS;
	ms = strtol(v, &end, 10);
	return *end == '\0' && ms >= 0 && ms <= 600000 ? (int)ms :
	    STORE_BUSY_MS;
}

/* ---- statements ------------------------------------------------------ */


const char *const store_stmt_sql[S_COUNT] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_INC_NEXT_SEQ] = "SELECT coalesce(max(seq), 0) + 1 FROM incident"
	    " WHERE is_drill = ?1 AND year = ?2",
	/* texts first (?1-?3), then integers */
	[S_INC_INSERT] = "INSERT INTO incident"
	    " (ref, drill, created_at, year, seq, is_drill)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_INC_BY_REF] = "SELECT " INCIDENT_COLS " FROM incident WHERE ref = ?1",
	[S_INC_BY_ID] = "SELECT " INCIDENT_COLS " FROM incident WHERE id = ?1",
	[S_INC_CLOSED] = "UPDATE incident SET closed = ?2, measures = ?3"
	    " WHERE id = ?1",
	[S_INC_SUMMARY] = "UPDATE incident SET kind = ?2, discovered_at = ?3,"
	    " reportable = ?4, next_due = ?5, summary = ?6 WHERE id = ?1",
	[S_INC_HEAD] = "UPDATE incident SET events = events + 1, head = ?2"
	    " WHERE id = ?1",
	[S_ANS_GET] = "SELECT key, value FROM answer WHERE incident = ?1"
	    " ORDER BY key",
	[S_ANS_PUT] = "INSERT INTO answer (incident, key, value)"
	    " VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (incident, key) DO UPDATE SET value = excluded.value",
	[S_ANS_DEL] = "DELETE FROM answer WHERE incident = ?1 AND key = ?2",
	[S_ACT_GET] = "SELECT action, status, by, at, note FROM action_state"
	    " WHERE incident = ?1 ORDER BY action",
	[S_ACT_PUT] = "INSERT INTO action_state"
	    " (incident, action, status, by, at, note)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	    " ON CONFLICT (incident, action) DO UPDATE SET"
	    " status = excluded.status, by = excluded.by, at = excluded.at,"
	    " note = excluded.note",
	[S_EV_ADD] = "INSERT INTO event"
	    " (incident, at, kind, key, old, new, by, acted_at, via, digest,"
	    " hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[S_EV_GET] = "SELECT at, kind, key, old, new, by, acted_at, via,"
	    " digest, hash"
	    " FROM event"
	    " WHERE incident = ?1 ORDER BY id",
	[S_EV_LAST] = "SELECT hash FROM event WHERE incident = ?1"
	    " ORDER BY id DESC LIMIT 1",
	/* NULLS LAST is SQLite's DESC default; spelled out for readers. Plans:
	 * SEARCH USING COVERING INDEX incident_open / incident_all, no sort. */
	[S_LIST_OPEN] = "SELECT " LIST_COLS " FROM incident"
	    " WHERE is_drill = ?1 AND closed = 0"
	    " ORDER BY discovered_at DESC NULLS LAST, id DESC",
	[S_LIST_ALL] = "SELECT " LIST_COLS " FROM incident"
	    " WHERE is_drill = ?1"
	    " ORDER BY discovered_at DESC NULLS LAST, id DESC",
	[S_REC_GET] = "SELECT id, name, postal_code, address, email, phone,"
	    " note FROM recipient WHERE incident = ?1 ORDER BY id",
	[S_REC_PUT] = "INSERT INTO recipient (incident, id, name, postal_code,"
	    " address, email, phone, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	    " ?8) ON CONFLICT (incident, id) DO UPDATE SET"
	    " name = excluded.name, postal_code = excluded.postal_code,"
	    " address = excluded.address, email = excluded.email,"
	    " phone = excluded.phone, note = excluded.note",
	[S_REC_DEL] = "DELETE FROM recipient WHERE incident = ?1 AND id = ?2",
	[S_MARK_GET] = "SELECT recipient, seq, mark, via, at, note, by"
	    " FROM recipient_mark WHERE incident = ?1 ORDER BY recipient, seq",
	[S_MARK_ADD] = "INSERT INTO recipient_mark (incident, recipient, seq,"
	    " mark, via, at, note, by) VALUES (?1, ?2, (SELECT coalesce(max(seq),"
	    " 0) + 1 FROM recipient_mark WHERE incident = ?1 AND recipient = ?2),"
	    " ?3, ?4, ?5, ?6, ?7)",
	[S_ENQ_GET] = "SELECT seq, at, from_name, text, answer, follow_up, by"
	    " FROM enquiry WHERE incident = ?1 ORDER BY seq",
	[S_ENQ_ADD] = "INSERT INTO enquiry (incident, seq, at, from_name, text,"
	    " answer, by, follow_up) VALUES (?1, (SELECT coalesce(max(seq), 0)"
	    " + 1 FROM enquiry WHERE incident = ?1), ?2, ?3, ?4, ?5, ?6, ?7)"
	    " RETURNING seq",
	/* the device ledger (store_ledger.c) */
	[S_DEV_GET] = "SELECT id, state, incident, created_at FROM device"
	    " WHERE id = ?1",
	[S_DEV_INSERT] = "INSERT INTO device (id, created_at) VALUES (?1, ?2)",
	[S_DEV_STATE] = "UPDATE device SET state = ?2, incident = ?3"
	    " WHERE id = ?1",
	[S_DEV_LIST] = "SELECT id, state, incident, created_at FROM device"
	    " ORDER BY id",
	[S_DEVVAL_GET] = "SELECT key, value FROM device_value WHERE device = ?1"
	    " ORDER BY key",
	[S_DEVVAL_PUT] = "INSERT INTO device_value (device, key, value)"
	    " VALUES (?1, ?2, ?3)"
	    " ON CONFLICT (device, key) DO UPDATE SET value = excluded.value",
	[S_DEVVAL_DEL] = "DELETE FROM device_value WHERE device = ?1"
	    " AND key = ?2",
	[S_LEDGER_ADD] = "INSERT INTO ledger_event"
	    " (at, kind, device, key, old, new, by, hash)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[S_LEDGER_LAST] = "SELECT hash FROM ledger_event"
	    " ORDER BY id DESC LIMIT 1",
	[S_LEDGER_GET] = "SELECT at, kind, device, key, old, new, by, hash"
	    " FROM ledger_event ORDER BY id",
	[S_LEDGER_HEAD] = "UPDATE ledger_head SET events = events + 1,"
	    " head = ?1 WHERE id = 1",
	[S_LEDGER_HEAD_GET] = "SELECT events, head FROM ledger_head"
	    " WHERE id = 1",
};


/* ---- errors ---------------------------------------------------------- */

static int
status_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
		return ST_OK;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return ST_TEMPFAIL;
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
	case SQLITE_TOOBIG:
		return ST_DATAERR;
	case SQLITE_CANTOPEN:
		return ST_CANTCREAT;
	case SQLITE_ERROR:
	case SQLITE_MISUSE:
	case SQLITE_RANGE:
		return ST_SOFTWARE;	/* our SQL or our use of the API */
	default:
		return ST_IOERR;	/* FULL, IOERR, CORRUPT, NOTADB, ... */
	}
}

/* Reports a failed SQLite call; must run before anything that could
 * replace sqlite3_errmsg (reset, another statement). */
int
store_sql_fail(const struct store *st, int rc, const char *what, char *err,
    size_t errlen)
{
	int code = status_of(rc);

	if (code == ST_OK)
		code = ST_SOFTWARE;
	if (code == ST_TEMPFAIL)
		return err_set(err, errlen, code,
		    _("%s: database is busy, try again (%s: %s)"), st->path, _(what),
		    sqlite3_errmsg(st->db));
	return err_set(err, errlen, code, "%s: %s: %s", st->path, _(what),
	    sqlite3_errmsg(st->db));
}

/* ---- statement helpers ----------------------------------------------- */

int
store_stmt_get(struct store *st, enum stmt_id id, sqlite3_stmt **out, char *err,
    size_t errlen)
{
	int rc;

	if (st->stmt[id] == NULL) {
		rc = sqlite3_prepare_v3(st->db, store_stmt_sql[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &st->stmt[id], NULL);
		if (rc != SQLITE_OK)
			return store_sql_fail(st, rc, N_("prepare"), err, errlen);
	} else if (sqlite3_stmt_busy(st->stmt[id])) {
		/* a callback called back into the same store function */
		return err_set(err, errlen, ST_SOFTWARE,
		    _("%s: statement re-entered from its own callback"), st->path);
	}
	*out = st->stmt[id];
	return ST_OK;
}

void
store_stmt_done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Steps a statement that returns no rows, then resets it. */
int
store_stmt_run(struct store *st, sqlite3_stmt *s, const char *what, char *err,
    size_t errlen)
{
	int rc = sqlite3_step(s);
	int code = ST_OK;

	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, what, err, errlen);
	store_stmt_done(s);
	return code;
}

const char *
store_col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* A copy of the column (`dup`) or SQLite's own buffer, which lasts until
 * the next step; NULL for SQL NULL. */
char *
store_col_get(sqlite3_stmt *s, int i, int dup)
{
	const char *v = store_col_text(s, i);

	if (v == NULL || !dup)
		return (char *)v;
	return xstrdup(v);
}

/* Binds v[0..n) to ?first... as text; a NULL pointer binds SQL NULL,
 * which is what callers mean. Resets s on failure. */
int
store_bind_texts(struct store *st, sqlite3_stmt *s, int first,
    const char *const *v, size_t n, char *err, size_t errlen)
{
	size_t i;
	int rc, code;

	for (i = 0; i < n; i++) {
		rc = sqlite3_bind_text(s, first + (int)i, v[i], -1,
		    SQLITE_STATIC);
		if (rc != SQLITE_OK) {
			code = store_sql_fail(st, rc, N_("bind"), err, errlen);
			store_stmt_done(s);
			return code;
		}
	}
	return ST_OK;
}


int
store_last_hash(struct store *st, enum stmt_id id, long key, int bind,
    char prev[65], char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	const char *h;
	int rc, code;

	chain_zero(prev);
	if ((code = store_stmt_get(st, id, &s, err, errlen)) != ST_OK)
		return code;
	if (bind)
		sqlite3_bind_int64(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		h = store_col_text(s, 0);
		if (h != NULL && strlen(h) == CHAIN_HEX_LEN)
			memcpy(prev, h, CHAIN_HEX_LEN);
	} else if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("read timeline"), err, errlen);
	store_stmt_done(s);
	return code;
}

/* ---- open and migrate ------------------------------------------------ */

int
store_exec_sql(struct store *st, const char *sql, const char *what, char *err,
    size_t errlen)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? ST_OK : store_sql_fail(st, rc, what, err, errlen);
}

/* A one-row, one-integer query such as PRAGMA user_version. */
int
store_query_int(struct store *st, const char *sql, int *out, char *err,
    size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc, code = ST_OK;

	*out = 0;
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return store_sql_fail(st, rc, N_("read schema"), err, errlen);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	else
		code = store_sql_fail(st, rc, N_("read schema"), err, errlen);
	sqlite3_finalize(s);
	return code;
}

static int
set_pragmas(struct store *st, char *err, size_t errlen)
{
	int code;

	sqlite3_busy_timeout(st->db, busy_ms());
	/* the first statement reads the header: "not a database" shows here */
	code = store_exec_sql(st, "PRAGMA journal_mode = WAL", N_("open database"), err, errlen);
	if (code == ST_OK)
		code = store_exec_sql(st, "PRAGMA synchronous = FULL", N_("open database"), err,
		    errlen);
	if (code == ST_OK)
		code = store_exec_sql(st, "PRAGMA foreign_keys = ON", N_("open database"), err,
		    errlen);
	return code;
}


static int
open_store(const char *path, int create, struct store **out, char *err,
    size_t errlen)
{
	struct store *st;
	int rc, code;

	*out = NULL;
	code = store_path_prepare(path, create, err, errlen);
	if (code != ST_OK)
		return code;
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		code = st->db != NULL ? store_sql_fail(st, rc, N_("open database"), err, errlen) :
		    err_set(err, errlen, ST_IOERR, _("%s: cannot open"), path);
	} else {
		code = set_pragmas(st, err, errlen);
		if (code == ST_OK)
			code = store_migrate(st, err, errlen);
	}
	if (code != ST_OK) {
		store_close(st);
		return code;
	}
	*out = st;
	return ST_OK;
}

int
store_open(const char *path, struct store **out, char *err, size_t errlen)
{
	return open_store(path, 1, out, err, errlen);
}

int
store_open_existing(const char *path, struct store **out, char *err,
    size_t errlen)
{
	return open_store(path, 0, out, err, errlen);
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < S_COUNT; i++)
		sqlite3_finalize(st->stmt[i]);
	sqlite3_close(st->db);	/* rolls back an open transaction */
	free(st->path);
	free(st);
}

/* ---- transactions ---------------------------------------------------- */

static int
run_fixed(struct store *st, enum stmt_id id, const char *what, char *err,
    size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int code = store_stmt_get(st, id, &s, err, errlen);

	return code != ST_OK ? code : store_stmt_run(st, s, what, err, errlen);
}

/* IMMEDIATE takes the write lock now, so two writers queue here under
 * busy_timeout instead of one failing later when it upgrades. */
int
store_begin(struct store *st, char *err, size_t errlen)
{
	return run_fixed(st, S_BEGIN, N_("begin"), err, errlen);
}

/* On failure the transaction is still open: call store_rollback. */
int
store_commit(struct store *st, char *err, size_t errlen)
{
	return run_fixed(st, S_COMMIT, N_("commit"), err, errlen);
}

void
store_rollback(struct store *st)
{
	/* some errors (FULL, IOERR) roll back by themselves */
	if (st == NULL || sqlite3_get_autocommit(st->db))
		return;
	run_fixed(st, S_ROLLBACK, N_("rollback"), NULL, 0);
}

