/*
 * store.c - owns the SQLite database file: where it lives, who may touch
 * it, its schema and every statement run against it. Nothing else in the
 * program talks to SQLite.
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
 *   timeline (DESIGN "Storage") is what detects that.
 * - The schema is migrated by PRAGMA user_version, each step in one
 *   transaction, so a crash mid-migration leaves the old version intact.
 * - Statements are prepared once per connection from a constant table and
 *   always reset after use: a statement left stepping would hold a read
 *   snapshot open and make this connection's next write fail as busy.
 */
#include "store.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <sqlite3.h>

#include "chain.h"
#include "i18n.h"
#include "util.h"

/* Milliseconds a writer waits for another; long enough for any single
 * save of ours, short enough that a stuck process is reported. */
#define STORE_BUSY_MS 5000

/* ---- schema ---------------------------------------------------------- */

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
	/* SPEC §1: a reference never changes once printed */
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
	/* 2: the tamper-evident chain (DESIGN "Storage"). */
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
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* ---- statements ------------------------------------------------------ */

#define INCIDENT_COLS \
	"id, ref, drill, closed, measures, created_at, kind, discovered_at," \
	" reportable, next_due, summary, events, head"
/* The same positions without what the list indexes omit. */
#define LIST_COLS \
	"id, ref, drill, closed, NULL, created_at, kind, discovered_at," \
	" reportable, next_due, summary, 0, NULL"

enum stmt_id {
	S_BEGIN,
	S_COMMIT,
	S_ROLLBACK,
	S_INC_NEXT_SEQ,
	S_INC_INSERT,
	S_INC_BY_REF,
	S_INC_BY_ID,
	S_INC_CLOSED,
	S_INC_SUMMARY,
	S_INC_HEAD,
	S_ANS_GET,
	S_ANS_PUT,
	S_ANS_DEL,
	S_ACT_GET,
	S_ACT_PUT,
	S_EV_ADD,
	S_EV_LAST,
	S_EV_GET,
	S_LIST_OPEN,
	S_LIST_ALL,
	S_COUNT
};

static const char *const stmt_sql[S_COUNT] = {
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
	    " (incident, at, kind, key, old, new, by, acted_at, hash)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_EV_GET] = "SELECT at, kind, key, old, new, by, acted_at, hash"
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
};

/* Column positions of INCIDENT_COLS. */
enum {
	C_ID, C_REF, C_DRILL, C_CLOSED, C_MEASURES, C_CREATED_AT, C_KIND,
	C_DISCOVERED_AT, C_REPORTABLE, C_NEXT_DUE, C_SUMMARY, C_EVENTS, C_HEAD
};

struct store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *stmt[S_COUNT];
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
static int
sql_fail(const struct store *st, int rc, const char *what, char *err,
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

static int
stmt_get(struct store *st, enum stmt_id id, sqlite3_stmt **out, char *err,
    size_t errlen)
{
	int rc;

	if (st->stmt[id] == NULL) {
		rc = sqlite3_prepare_v3(st->db, stmt_sql[id], -1,
		    SQLITE_PREPARE_PERSISTENT, &st->stmt[id], NULL);
		if (rc != SQLITE_OK)
			return sql_fail(st, rc, N_("prepare"), err, errlen);
	} else if (sqlite3_stmt_busy(st->stmt[id])) {
		/* a callback called back into the same store function */
		return err_set(err, errlen, ST_SOFTWARE,
		    _("%s: statement re-entered from its own callback"), st->path);
	}
	*out = st->stmt[id];
	return ST_OK;
}

static void
stmt_done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Steps a statement that returns no rows, then resets it. */
static int
stmt_run(struct store *st, sqlite3_stmt *s, const char *what, char *err,
    size_t errlen)
{
	int rc = sqlite3_step(s);
	int code = ST_OK;

	if (rc != SQLITE_DONE)
		code = sql_fail(st, rc, what, err, errlen);
	stmt_done(s);
	return code;
}

static const char *
col_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* A copy of the column (`dup`) or SQLite's own buffer, which lasts until
 * the next step; NULL for SQL NULL. */
static char *
col_get(sqlite3_stmt *s, int i, int dup)
{
	const char *v = col_text(s, i);

	if (v == NULL || !dup)
		return (char *)v;
	return xstrdup(v);
}

/* Binds v[0..n) to ?first... as text; a NULL pointer binds SQL NULL,
 * which is what callers mean. Resets s on failure. */
static int
bind_texts(struct store *st, sqlite3_stmt *s, int first,
    const char *const *v, size_t n, char *err, size_t errlen)
{
	size_t i;
	int rc, code;

	for (i = 0; i < n; i++) {
		rc = sqlite3_bind_text(s, first + (int)i, v[i], -1,
		    SQLITE_STATIC);
		if (rc != SQLITE_OK) {
			code = sql_fail(st, rc, N_("bind"), err, errlen);
			stmt_done(s);
			return code;
		}
	}
	return ST_OK;
}

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

/* ---- paths ----------------------------------------------------------- */

static const char *
env_nonempty(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

char *
store_default_path(void)
{
	const char *v, *home;
	struct passwd *pw;

	if ((v = env_nonempty("ANSHIN_IR_DB")) != NULL)
		return xstrdup(v);
	/* the XDG spec says to ignore a relative XDG_DATA_HOME */
	if ((v = env_nonempty("XDG_DATA_HOME")) != NULL && v[0] == '/')
		return xasprintf("%s/anshin-ir/incidents.db", v);
	home = env_nonempty("HOME");
	if (home == NULL && (pw = getpwuid(getuid())) != NULL &&
	    pw->pw_dir != NULL && pw->pw_dir[0] != '\0')
		home = pw->pw_dir;
	if (home == NULL)
		return NULL;
	return xasprintf("%s/.local/share/anshin-ir/incidents.db", home);
}

/* The directory part of path ("." when none), malloc'd. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	while (slash > path && slash[-1] == '/')
		slash--;
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static int
make_dir(const char *dir, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(dir, &sb) == 0)
		return ST_OK;	/* not a directory: open reports ENOTDIR */
	if (mkdir(dir, 0700) == 0 || errno == EEXIST)
		return ST_OK;
	return err_set(err, errlen, ST_CANTCREAT,
	    _("cannot create directory %s: %s"), dir, strerror(errno));
}

/* mkdir -p with 0700; directories that exist keep their mode. */
static int
make_dirs(char *dir, char *err, size_t errlen)
{
	char *p;
	int code;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = '\0';
		code = make_dir(dir, err, errlen);
		*p = '/';
		if (code != ST_OK)
			return code;
	}
	return make_dir(dir, err, errlen);
}

/* Others who can write the directory can replace the database with their
 * own; the sticky bit stops that for files they do not own. */
static int
check_dir(const char *dir, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(dir, &sb) != 0)
		return err_set(err, errlen, ST_CANTCREAT, _("cannot use the "
		    "database directory %s: %s"), dir, strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return err_set(err, errlen, ST_CANTCREAT, _("cannot use the "
		    "database directory %s: it is not a directory"), dir);
	if ((sb.st_mode & (S_IWGRP | S_IWOTH)) == 0 ||
	    (sb.st_mode & S_ISVTX) != 0)
		return ST_OK;
	return err_set(err, errlen, ST_NOPERM,
	    _("directory %s is writable by %s; run chmod 700 %s or choose --db"
	    " elsewhere"), dir, (sb.st_mode & S_IWOTH) ? _("others") : _("its group"),
	    dir);
}

/* Creating the file ourselves fixes its mode; SQLite would use 0644, and
 * gives its -wal and -shm files the mode of the database. An existing file
 * is never opened here: closing any descriptor of a file drops all of this
 * process's POSIX locks on it, SQLite's included, and a second connection
 * in the same process would then checkpoint and delete a WAL still in use. */
static int
create_file(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	struct stat sb;

	if (fd < 0 && errno == EEXIST) {
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			return err_set(err, errlen, ST_CANTCREAT,
			    _("cannot create %s: %s"), path, strerror(EISDIR));
		return ST_OK;
	}
	if (fd < 0)
		return err_set(err, errlen, ST_CANTCREAT,
		    _("cannot create %s: %s"), path, strerror(errno));
	close(fd);
	return ST_OK;
}

/* The database (and SQLite's -wal and -shm beside it) must be this
 * user's own regular file, private to them: a file planted by someone else
 * in a shared directory, or one others can read, is patient data in the
 * wrong hands. A file this user cannot write is refused too: SQLite would
 * give a -shm it creates the same mode and break every later write. */
static int
check_file(const char *path, int must_exist, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && !must_exist)
			return ST_OK;
		return err_set(err, errlen, errno == ENOENT ? ST_NOINPUT :
		    ST_CANTCREAT, _("cannot use the database %s: %s"), path,
		    strerror(errno));
	}
	if (!S_ISREG(sb.st_mode))
		return err_set(err, errlen, ST_NOPERM, _("%s is not a regular "
		    "file; choose --db elsewhere"), path);
	if (sb.st_uid != geteuid())
		return err_set(err, errlen, ST_NOPERM, _("%s belongs to another "
		    "user (uid %u), not to you; move it away or choose --db "
		    "elsewhere"), path, (unsigned)sb.st_uid);
	if ((sb.st_mode & 077) != 0 || (sb.st_mode & 0600) != 0600)
		return err_set(err, errlen, ST_NOPERM, _("%s has mode %04o; it "
		    "must be readable and writable by you alone: run chmod 600 "
		    "%s"), path, (unsigned)(sb.st_mode & 07777), path);
	return ST_OK;
}

static int
check_files(const char *path, char *err, size_t errlen)
{
	static const char *const side[] = { "-wal", "-shm" };
	char *p;
	size_t i;
	int code = check_file(path, 1, err, errlen);

	for (i = 0; i < 2 && code == ST_OK; i++) {
		p = xasprintf("%s%s", path, side[i]);
		code = check_file(p, 0, err, errlen);
		free(p);
	}
	return code;
}

static int
prepare_path(const char *path, int create, char *err, size_t errlen)
{
	struct stat sb;
	char *dir;
	int code;

	if (path == NULL || *path == '\0')
		return err_set(err, errlen, ST_USAGE, _("empty database path"));
	if (!create && stat(path, &sb) != 0 && errno == ENOENT)
		return err_set(err, errlen, ST_NOINPUT, _("no database at %s: "
		    "nothing has been recorded there (check --db or "
		    "ANSHIN_IR_DB)"), path);
	dir = dir_of(path);
	code = create ? make_dirs(dir, err, errlen) : ST_OK;
	if (code == ST_OK)
		code = check_dir(dir, err, errlen);
	free(dir);
	if (code == ST_OK && create)
		code = create_file(path, err, errlen);
	return code == ST_OK ? check_files(path, err, errlen) : code;
}

/* ---- open and migrate ------------------------------------------------ */

static int
exec_sql(struct store *st, const char *sql, const char *what, char *err,
    size_t errlen)
{
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? ST_OK : sql_fail(st, rc, what, err, errlen);
}

/* A one-row, one-integer query such as PRAGMA user_version. */
static int
query_int(struct store *st, const char *sql, int *out, char *err,
    size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc, code = ST_OK;

	*out = 0;
	rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc != SQLITE_OK)
		return sql_fail(st, rc, N_("read schema"), err, errlen);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(s, 0);
	else
		code = sql_fail(st, rc, N_("read schema"), err, errlen);
	sqlite3_finalize(s);
	return code;
}

static int
set_pragmas(struct store *st, char *err, size_t errlen)
{
	int code;

	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	/* the first statement reads the header: "not a database" shows here */
	code = exec_sql(st, "PRAGMA journal_mode = WAL", N_("open database"), err, errlen);
	if (code == ST_OK)
		code = exec_sql(st, "PRAGMA synchronous = FULL", N_("open database"), err,
		    errlen);
	if (code == ST_OK)
		code = exec_sql(st, "PRAGMA foreign_keys = ON", N_("open database"), err,
		    errlen);
	return code;
}

/* Checks the version; the caller holds the write lock if it will migrate. */
static int
schema_version(struct store *st, int *version, char *err, size_t errlen)
{
	int code, tables = 0;

	code = query_int(st, "PRAGMA user_version", version, err, errlen);
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
	code = query_int(st, "SELECT count(*) FROM sqlite_master", &tables,
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
	int code = exec_sql(st, m->sql, N_("migrate"), err, errlen);

	if (code == ST_OK && m->rows != NULL)
		code = m->rows(st, err, errlen);
	if (code == ST_OK && m->after != NULL)
		code = exec_sql(st, m->after, N_("migrate"), err, errlen);
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
			r->col[r->n * 8 + (size_t)i] = col_get(s, i + 1, 1);
		r->n++;
	}
	rc = rc == SQLITE_DONE ? ST_OK : sql_fail(st, rc, N_("migrate"), err,
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
		rc = stmt_run(st, upd, N_("migrate"), err, errlen);
		memcpy(prev, hash, sizeof prev);
	}
	if (rc != ST_OK)
		return rc;
	sqlite3_bind_int64(head, 1, (sqlite3_int64)r->n);
	sqlite3_bind_text(head, 2, unhashed ? prev : r->n > 0 ?
	    r->col[(r->n - 1) * 8 + 7] : NULL, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(head, 3, id);
	return stmt_run(st, head, N_("migrate"), err, errlen);
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
			rc = sql_fail(st, SQLITE_ERROR, N_("migrate"), err,
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
		rc = sql_fail(st, sr, N_("migrate"), err, errlen);
	for (i = 0; i < 4; i++)
		sqlite3_finalize(s[i]);
	return rc;
}

static int
migrate(struct store *st, char *err, size_t errlen)
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

static int
open_store(const char *path, int create, struct store **out, char *err,
    size_t errlen)
{
	struct store *st;
	int rc, code;

	*out = NULL;
	code = prepare_path(path, create, err, errlen);
	if (code != ST_OK)
		return code;
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		code = st->db != NULL ? sql_fail(st, rc, N_("open database"), err, errlen) :
		    err_set(err, errlen, ST_IOERR, _("%s: cannot open"), path);
	} else {
		code = set_pragmas(st, err, errlen);
		if (code == ST_OK)
			code = migrate(st, err, errlen);
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
	int code = stmt_get(st, id, &s, err, errlen);

	return code != ST_OK ? code : stmt_run(st, s, what, err, errlen);
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

/* ---- incidents ------------------------------------------------------- */

void
store_incident_clear(struct store_incident *row)
{
	free(row->drill);
	free(row->measures);
	free(row->created_at);
	free(row->kind);
	free(row->discovered_at);
	free(row->reportable);
	free(row->next_due);
	free(row->summary);
	free(row->head);
	memset(row, 0, sizeof *row);
}

/* Fills row from the current result row; copies the strings when `dup`,
 * else points into SQLite's buffers (valid until the next step). */
static void
row_read(sqlite3_stmt *s, struct store_incident *row, int dup)
{
	const char *ref = col_text(s, C_REF);
	size_t n = ref != NULL ? strlen(ref) : 0;

	/* refs we write are at most 10 bytes; memcpy: the list loop is hot */
	if (n >= sizeof row->ref)
		n = sizeof row->ref - 1;
	memcpy(row->ref, ref != NULL ? ref : "", n);
	row->ref[n] = '\0';
	row->id = (long)sqlite3_column_int64(s, C_ID);
	row->drill = col_get(s, C_DRILL, dup);
	row->closed = sqlite3_column_int(s, C_CLOSED);
	row->measures = col_get(s, C_MEASURES, dup);
	row->created_at = col_get(s, C_CREATED_AT, dup);
	row->kind = col_get(s, C_KIND, dup);
	row->discovered_at = col_get(s, C_DISCOVERED_AT, dup);
	row->reportable = col_get(s, C_REPORTABLE, dup);
	row->next_due = col_get(s, C_NEXT_DUE, dup);
	row->summary = col_get(s, C_SUMMARY, dup);
	row->events = (long)sqlite3_column_int64(s, C_EVENTS);
	row->head = col_get(s, C_HEAD, dup);
}

static int
next_seq(struct store *st, int year, int drill, long *seq, char *err,
    size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc, code;

	if ((code = stmt_get(st, S_INC_NEXT_SEQ, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int(s, 1, drill);
	sqlite3_bind_int(s, 2, year);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*seq = (long)sqlite3_column_int64(s, 0);
	else
		code = sql_fail(st, rc, N_("next reference"), err, errlen);
	stmt_done(s);
	return code;
}

static int
incident_insert(struct store *st, int year, int drill, const char *drill_name,
    const char *created_at, long *id, char ref[16], char *err, size_t errlen)
{
	const char *v[3];
	sqlite3_stmt *s = NULL;
	long seq = 0;
	int n, code;

	if ((code = next_seq(st, year, drill, &seq, err, errlen)) != ST_OK)
		return code;
	n = snprintf(ref, 16, "%s%04d-%04ld", drill ? "D" : "", year, seq);
	if (n < 0 || n >= 16)
		return err_set(err, errlen, ST_SOFTWARE,
		    _("%s: reference for year %d, number %ld does not fit"),
		    st->path, year, seq);
	v[0] = ref;
	v[1] = drill ? drill_name : NULL;
	v[2] = created_at;
	if ((code = stmt_get(st, S_INC_INSERT, &s, err, errlen)) != ST_OK ||
	    (code = bind_texts(st, s, 1, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int(s, 4, year);
	sqlite3_bind_int64(s, 5, seq);
	sqlite3_bind_int(s, 6, drill);
	code = stmt_run(st, s, N_("insert incident"), err, errlen);
	if (code == ST_OK && id != NULL)
		*id = (long)sqlite3_last_insert_rowid(st->db);
	return code;
}

int
store_incident_insert(struct store *st, int year, int drill,
    const char *drill_name, const char *created_at, long *id, char ref[16],
    char *err, size_t errlen)
{
	int own, code;

	drill = drill != 0;
	if (year < 1 || year > 9999)
		return err_set(err, errlen, ST_DATAERR, _("year %d out of range"),
		    year);
	if (drill && drill_name == NULL)
		return err_set(err, errlen, ST_DATAERR,
		    _("a drill needs a scenario name"));
	/* reading max(seq) and inserting must be one write transaction, or
	 * two processes pick the same number; callers normally hold one */
	own = sqlite3_get_autocommit(st->db);
	if (own && (code = store_begin(st, err, errlen)) != ST_OK)
		return code;
	code = incident_insert(st, year, drill, drill_name, created_at, id,
	    ref, err, errlen);
	if (own && code == ST_OK)
		code = store_commit(st, err, errlen);
	if (own && code != ST_OK)
		store_rollback(st);
	return code;
}

static int
all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* Binds the lookup key: numeric id, or the reference with a lowercase
 * drill prefix accepted. Returns 0 when nothing could match. */
static int
bind_lookup(struct store *st, const char *ref, sqlite3_stmt **s, char *err,
    size_t errlen, int *code)
{
	char key[16];
	long long id;

	if (all_digits(ref)) {
		errno = 0;
		id = strtoll(ref, NULL, 10);
		if (errno == ERANGE)
			return 0;
		if ((*code = stmt_get(st, S_INC_BY_ID, s, err, errlen)) != ST_OK)
			return 0;
		sqlite3_bind_int64(*s, 1, id);
		return 1;
	}
	if (strlen(ref) >= sizeof key)
		return 0;
	strcpy(key, ref);
	if (key[0] == 'd')
		key[0] = 'D';
	if ((*code = stmt_get(st, S_INC_BY_REF, s, err, errlen)) != ST_OK)
		return 0;
	/* key is on our stack: let SQLite copy it */
	sqlite3_bind_text(*s, 1, key, -1, SQLITE_TRANSIENT);
	return 1;
}

int
store_incident_get(struct store *st, const char *ref,
    struct store_incident *row, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc, code = ST_OK;

	memset(row, 0, sizeof *row);
	if (!bind_lookup(st, ref, &s, err, errlen, &code))
		return code != ST_OK ? code :
		    err_set(err, errlen, ST_NOINPUT, _("no incident %s"), ref);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		row_read(s, row, 1);
	else if (rc == SQLITE_DONE)
		code = err_set(err, errlen, ST_NOINPUT, _("no incident %s"), ref);
	else
		code = sql_fail(st, rc, N_("read incident"), err, errlen);
	stmt_done(s);
	return code;
}

/* An UPDATE of a missing row succeeds in SQL; callers want to know. */
static int
run_update(struct store *st, sqlite3_stmt *s, long id, const char *what,
    char *err, size_t errlen)
{
	int code = stmt_run(st, s, what, err, errlen);

	if (code == ST_OK && sqlite3_changes(st->db) == 0)
		code = err_set(err, errlen, ST_NOINPUT, _("no incident id %ld"),
		    id);
	return code;
}

/* measures is written as given: NULL clears it. */
int
store_incident_set_closed(struct store *st, long id, int closed,
    const char *measures, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = stmt_get(st, S_INC_CLOSED, &s, err, errlen)) != ST_OK ||
	    (code = bind_texts(st, s, 3, &measures, 1, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, closed != 0);
	return run_update(st, s, id, N_("close incident"), err, errlen);
}

int
store_incident_set_summary(struct store *st, long id, const char *kind,
    const char *discovered_at, const char *reportable, const char *next_due,
    const char *summary, char *err, size_t errlen)
{
	const char *v[] = { kind, discovered_at, reportable, next_due,
	    summary };
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = stmt_get(st, S_INC_SUMMARY, &s, err, errlen)) != ST_OK ||
	    (code = bind_texts(st, s, 2, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	return run_update(st, s, id, N_("update incident summary"), err, errlen);
}

/* ---- answers --------------------------------------------------------- */

int
store_answers_get(struct store *st, long id,
    void (*fn)(void *ud, const char *key, const char *value), void *ud,
    char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc, code;

	if ((code = stmt_get(st, S_ANS_GET, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(ud, col_text(s, 0), col_text(s, 1));
	if (rc != SQLITE_DONE)
		code = sql_fail(st, rc, N_("read answers"), err, errlen);
	stmt_done(s);
	return code;
}

int
store_answer_put(struct store *st, long id, const char *key,
    const char *value, char *err, size_t errlen)
{
	const char *v[] = { key, value };
	sqlite3_stmt *s = NULL;
	int code;

	code = stmt_get(st, value != NULL ? S_ANS_PUT : S_ANS_DEL, &s, err,
	    errlen);
	if (code != ST_OK || (code = bind_texts(st, s, 2, v,
	    value != NULL ? 2 : 1, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	return stmt_run(st, s, N_("save answer"), err, errlen);
}

/* ---- actions --------------------------------------------------------- */

int
store_actions_get(struct store *st, long id,
    void (*fn)(void *ud, const struct store_action *a), void *ud,
    char *err, size_t errlen)
{
	struct store_action a;
	sqlite3_stmt *s = NULL;
	int rc, code;

	if ((code = stmt_get(st, S_ACT_GET, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a.action = col_text(s, 0);
		a.status = col_text(s, 1);
		a.by = col_text(s, 2);
		a.at = col_text(s, 3);
		a.note = col_text(s, 4);
		fn(ud, &a);
	}
	if (rc != SQLITE_DONE)
		code = sql_fail(st, rc, N_("read actions"), err, errlen);
	stmt_done(s);
	return code;
}

int
store_action_put(struct store *st, long id, const struct store_action *a,
    char *err, size_t errlen)
{
	const char *v[] = { a->action, a->status, a->by, a->at, a->note };
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = stmt_get(st, S_ACT_PUT, &s, err, errlen)) != ST_OK ||
	    (code = bind_texts(st, s, 2, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	return stmt_run(st, s, N_("save action"), err, errlen);
}

/* ---- events ---------------------------------------------------------- */

static int
last_hash(struct store *st, long id, char prev[65], char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	const char *h;
	int rc, code;

	chain_zero(prev);
	if ((code = stmt_get(st, S_EV_LAST, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		h = col_text(s, 0);
		if (h != NULL && strlen(h) == CHAIN_HEX_LEN)
			memcpy(prev, h, CHAIN_HEX_LEN);
	} else if (rc != SQLITE_DONE)
		code = sql_fail(st, rc, N_("read timeline"), err, errlen);
	stmt_done(s);
	return code;
}

static int
move_head(struct store *st, long id, const char *hash, char *err,
    size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = stmt_get(st, S_INC_HEAD, &s, err, errlen)) != ST_OK ||
	    (code = bind_texts(st, s, 2, &hash, 1, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	return run_update(st, s, id, N_("save event"), err, errlen);
}

/* ev->seq and ev->hash are ignored: the position is the order of
 * insertion, the hash is computed here. */
int
store_event_add(struct store *st, long id, const struct store_event *ev,
    char *err, size_t errlen)
{
	char prev[CHAIN_HEX_LEN + 1], hash[CHAIN_HEX_LEN + 1];
	const char *v[] = { ev->at, ev->kind, ev->key, ev->old, ev->new_,
	    ev->by, ev->acted_at, hash };
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = last_hash(st, id, prev, err, errlen)) != ST_OK)
		return code;
	if (chain_digest(id, prev, ev, hash) != 0)
		return err_set(err, errlen, ST_SOFTWARE,
		    _("cannot compute the event hash (libcrypto)"));
	if ((code = stmt_get(st, S_EV_ADD, &s, err, errlen)) != ST_OK ||
	    (code = bind_texts(st, s, 2, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	code = stmt_run(st, s, N_("save event"), err, errlen);
	return code != ST_OK ? code : move_head(st, id, hash, err, errlen);
}

/* seq is the event's 1-based position in the incident's timeline; stable
 * because events are never deleted. */
int
store_events_get(struct store *st, long id,
    void (*fn)(void *ud, const struct store_event *ev), void *ud,
    char *err, size_t errlen)
{
	struct store_event ev;
	sqlite3_stmt *s = NULL;
	int rc, code;

	if ((code = stmt_get(st, S_EV_GET, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	ev.seq = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ev.seq++;
		ev.at = col_text(s, 0);
		ev.kind = col_text(s, 1);
		ev.key = col_text(s, 2);
		ev.old = col_text(s, 3);
		ev.new_ = col_text(s, 4);
		ev.by = col_text(s, 5);
		ev.acted_at = col_text(s, 6);
		ev.hash = col_text(s, 7);
		fn(ud, &ev);
	}
	if (rc != SQLITE_DONE)
		code = sql_fail(st, rc, N_("read timeline"), err, errlen);
	stmt_done(s);
	return code;
}

/* ---- list ------------------------------------------------------------ */

/* Summary columns only (measures is NULL). The row's strings belong to
 * SQLite and last only during the callback. */
int
store_list(struct store *st, int flags,
    void (*fn)(void *ud, const struct store_incident *row), void *ud,
    char *err, size_t errlen)
{
	struct store_incident row;
	sqlite3_stmt *s = NULL;
	int rc, code;

	code = stmt_get(st, (flags & STORE_LIST_ALL) ? S_LIST_ALL :
	    S_LIST_OPEN, &s, err, errlen);
	if (code != ST_OK)
		return code;
	sqlite3_bind_int(s, 1, (flags & STORE_LIST_DRILLS) != 0);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		row_read(s, &row, 0);
		fn(ud, &row);
	}
	if (rc != SQLITE_DONE)
		code = sql_fail(st, rc, N_("list incidents"), err, errlen);
	stmt_done(s);
	return code;
}
