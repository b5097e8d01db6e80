/*
 * store_rows.c - the rows: incidents and their references, answers,
 * action states, the append-only timeline with its chain (chain.h), and
 * the list. One function per statement; store.c holds the statements.
 */
#include "store_int.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "i18n.h"
#include "util.h"

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
	const char *ref = store_col_text(s, C_REF);
	size_t n = ref != NULL ? strlen(ref) : 0;

	/* refs we write are at most 10 bytes; memcpy: the list loop is hot */
	if (n >= sizeof row->ref)
		n = sizeof row->ref - 1;
	memcpy(row->ref, ref != NULL ? ref : "", n);
	row->ref[n] = '\0';
	row->id = (long)sqlite3_column_int64(s, C_ID);
	row->drill = store_col_get(s, C_DRILL, dup);
	row->closed = sqlite3_column_int(s, C_CLOSED);
	row->measures = store_col_get(s, C_MEASURES, dup);
	row->created_at = store_col_get(s, C_CREATED_AT, dup);
	row->kind = store_col_get(s, C_KIND, dup);
	row->discovered_at = store_col_get(s, C_DISCOVERED_AT, dup);
	row->reportable = store_col_get(s, C_REPORTABLE, dup);
	row->next_due = store_col_get(s, C_NEXT_DUE, dup);
	row->summary = store_col_get(s, C_SUMMARY, dup);
	row->events = (long)sqlite3_column_int64(s, C_EVENTS);
	row->head = store_col_get(s, C_HEAD, dup);
}

static int
next_seq(struct store *st, int year, int drill, long *seq, char *err,
    size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc, code;

	if ((code = store_stmt_get(st, S_INC_NEXT_SEQ, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int(s, 1, drill);
	sqlite3_bind_int(s, 2, year);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*seq = (long)sqlite3_column_int64(s, 0);
	else
		code = store_sql_fail(st, rc, N_("next reference"), err, errlen);
	store_stmt_done(s);
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
	if ((code = store_stmt_get(st, S_INC_INSERT, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 1, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int(s, 4, year);
	sqlite3_bind_int64(s, 5, seq);
	sqlite3_bind_int(s, 6, drill);
	code = store_stmt_run(st, s, N_("insert incident"), err, errlen);
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
		if ((*code = store_stmt_get(st, S_INC_BY_ID, s, err, errlen)) != ST_OK)
			return 0;
		sqlite3_bind_int64(*s, 1, id);
		return 1;
	}
	if (strlen(ref) >= sizeof key)
		return 0;
	strcpy(key, ref);
	if (key[0] == 'd')
		key[0] = 'D';
	if ((*code = store_stmt_get(st, S_INC_BY_REF, s, err, errlen)) != ST_OK)
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
		code = store_sql_fail(st, rc, N_("read incident"), err, errlen);
	store_stmt_done(s);
	return code;
}

/* An UPDATE of a missing row succeeds in SQL; callers want to know. */
static int
run_update(struct store *st, sqlite3_stmt *s, long id, const char *what,
    char *err, size_t errlen)
{
	int code = store_stmt_run(st, s, what, err, errlen);

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

	if ((code = store_stmt_get(st, S_INC_CLOSED, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 3, &measures, 1, err, errlen)) != ST_OK)
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

	if ((code = store_stmt_get(st, S_INC_SUMMARY, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 2, v, NELEM(v), err, errlen)) != ST_OK)
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

	if ((code = store_stmt_get(st, S_ANS_GET, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(ud, store_col_text(s, 0), store_col_text(s, 1));
	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("read answers"), err, errlen);
	store_stmt_done(s);
	return code;
}

int
store_answer_put(struct store *st, long id, const char *key,
    const char *value, char *err, size_t errlen)
{
	const char *v[] = { key, value };
	sqlite3_stmt *s = NULL;
	int code;

	code = store_stmt_get(st, value != NULL ? S_ANS_PUT : S_ANS_DEL, &s, err,
	    errlen);
	if (code != ST_OK || (code = store_bind_texts(st, s, 2, v,
	    value != NULL ? 2 : 1, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	return store_stmt_run(st, s, N_("save answer"), err, errlen);
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

	if ((code = store_stmt_get(st, S_ACT_GET, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a.action = store_col_text(s, 0);
		a.status = store_col_text(s, 1);
		a.by = store_col_text(s, 2);
		a.at = store_col_text(s, 3);
		a.note = store_col_text(s, 4);
		fn(ud, &a);
	}
	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("read actions"), err, errlen);
	store_stmt_done(s);
	return code;
}

int
store_action_put(struct store *st, long id, const struct store_action *a,
    char *err, size_t errlen)
{
	const char *v[] = { a->action, a->status, a->by, a->at, a->note };
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = store_stmt_get(st, S_ACT_PUT, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 2, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	return store_stmt_run(st, s, N_("save action"), err, errlen);
}

/* ---- events ---------------------------------------------------------- */

static int
move_head(struct store *st, long id, const char *hash, char *err,
    size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = store_stmt_get(st, S_INC_HEAD, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 2, &hash, 1, err, errlen)) != ST_OK)
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
	    ev->by, ev->acted_at, ev->via, ev->digest, hash };
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = store_last_hash(st, S_EV_LAST, id, 1, prev, err,
	    errlen)) != ST_OK)
		return code;
	if (chain_digest(id, prev, ev, hash) != 0)
		return err_set(err, errlen, ST_SOFTWARE,
		    _("cannot compute the event hash (libcrypto)"));
	if ((code = store_stmt_get(st, S_EV_ADD, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 2, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	code = store_stmt_run(st, s, N_("save event"), err, errlen);
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

	if ((code = store_stmt_get(st, S_EV_GET, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	ev.seq = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ev.seq++;
		ev.at = store_col_text(s, 0);
		ev.kind = store_col_text(s, 1);
		ev.key = store_col_text(s, 2);
		ev.old = store_col_text(s, 3);
		ev.new_ = store_col_text(s, 4);
		ev.by = store_col_text(s, 5);
		ev.acted_at = store_col_text(s, 6);
		ev.via = store_col_text(s, 7);
		ev.digest = store_col_text(s, 8);
		ev.hash = store_col_text(s, 9);
		fn(ud, &ev);
	}
	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("read timeline"), err, errlen);
	store_stmt_done(s);
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

	code = store_stmt_get(st, (flags & STORE_LIST_ALL) ? S_LIST_ALL :
	    S_LIST_OPEN, &s, err, errlen);
	if (code != ST_OK)
		return code;
	sqlite3_bind_int(s, 1, (flags & STORE_LIST_DRILLS) != 0);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		row_read(s, &row, 0);
		fn(ud, &row);
	}
	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("list incidents"), err, errlen);
	store_stmt_done(s);
	return code;
}
