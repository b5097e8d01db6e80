/*
 * store_int.h - what the store's files share and nothing else includes:
 * the connection and its prepared statements, the incident columns, and
 * the helpers that map SQLite's results to our status codes. store.c
 * opens, closes and runs transactions; store_path.c decides where the
 * file lives and who may touch it; store_schema.c migrates it;
 * store_rows.c reads and writes the rows.
 */
#ifndef ANSHIN_STORE_INT_H
#define ANSHIN_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

#define NELEM(a) (sizeof (a) / sizeof (a)[0])

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
	S_REC_GET,
	S_REC_PUT,
	S_REC_DEL,
	S_MARK_GET,
	S_MARK_ADD,
	S_ENQ_GET,
	S_ENQ_ADD,
	S_DEV_GET,
	S_DEV_INSERT,
	S_DEV_STATE,
	S_DEV_LIST,
	S_DEVVAL_GET,
	S_DEVVAL_PUT,
	S_DEVVAL_DEL,
	S_LEDGER_ADD,
	S_LEDGER_LAST,
	S_LEDGER_GET,
	S_LEDGER_HEAD,
	S_LEDGER_HEAD_GET,
	S_COUNT
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


/* The SQL of each statement, prepared on first use. */
extern const char *const store_stmt_sql[S_COUNT];

/* Reports a failed SQLite call; must run before anything that could
 * replace sqlite3_errmsg (reset, another statement). */
int store_sql_fail(const struct store *st, int rc, const char *what,
    char *err, size_t errlen);
int store_stmt_get(struct store *st, enum stmt_id id, sqlite3_stmt **out,
    char *err, size_t errlen);
void store_stmt_done(sqlite3_stmt *s);
/* Steps a statement that returns no rows, then resets it. */
int store_stmt_run(struct store *st, sqlite3_stmt *s, const char *what,
    char *err, size_t errlen);
const char *store_col_text(sqlite3_stmt *s, int i);
/* A copy of the column (`dup`) or SQLite's own buffer, which lasts until
 * the next step; NULL for SQL NULL. */
char *store_col_get(sqlite3_stmt *s, int i, int dup);
/* Binds v[0..n) to ?first... as text; a NULL pointer binds SQL NULL.
 * Resets s on failure. */
int store_bind_texts(struct store *st, sqlite3_stmt *s, int first,
    const char *const *v, size_t n, char *err, size_t errlen);
int store_exec_sql(struct store *st, const char *sql, const char *what,
    char *err, size_t errlen);
/* The hash of a timeline's last event (statement id, its ?1 bound to
 * `key` when `bind`), or 64 zeros when it has none. */
int store_last_hash(struct store *st, enum stmt_id id, long key, int bind,
    char prev[65], char *err, size_t errlen);
/* A one-row, one-integer query such as PRAGMA user_version. */
int store_query_int(struct store *st, const char *sql, int *out, char *err,
    size_t errlen);

/* store_path.c: makes the path usable (directories 0700, the file 0600,
 * only when `create`) and checks who may touch it. */
int store_path_prepare(const char *path, int create, char *err,
    size_t errlen);
/* store_schema.c: brings the schema up to this program's version. */
int store_migrate(struct store *st, char *err, size_t errlen);

#endif
