/*
 * store_ledger.c - the device ledger's rows (store_ledger.h): devices,
 * their values, and the ledger's timeline with its chain (chain.h). One
 * function per statement; store.c holds the statements.
 */
#include "store_ledger.h"

#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "i18n.h"
#include "store_int.h"
#include "util.h"

/* ---- devices ---------------------------------------------------------- */

void
store_device_clear(struct store_device *row)
{
	free(row->id);
	free(row->state);
	free(row->incident);
	free(row->created_at);
	memset(row, 0, sizeof *row);
}

static void
device_read(sqlite3_stmt *s, struct store_device *row, int dup)
{
	row->id = store_col_get(s, 0, dup);
	row->state = store_col_get(s, 1, dup);
	row->incident = store_col_get(s, 2, dup);
	row->created_at = store_col_get(s, 3, dup);
}

int
store_device_get(struct store *st, const char *id, struct store_device *row,
    char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc, code;

	memset(row, 0, sizeof *row);
	if ((code = store_stmt_get(st, S_DEV_GET, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 1, &id, 1, err, errlen)) != ST_OK)
		return code;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		device_read(s, row, 1);
	else if (rc == SQLITE_DONE)
		code = err_set(err, errlen, ST_NOINPUT, _("no device '%s' in the "
		    "ledger (see 'anshin-ir device list')"), id);
	else
		code = store_sql_fail(st, rc, N_("read device"), err, errlen);
	store_stmt_done(s);
	return code;
}

int
store_device_insert(struct store *st, const char *id, const char *created_at,
    char *err, size_t errlen)
{
	const char *v[] = { id, created_at };
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = store_stmt_get(st, S_DEV_INSERT, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 1, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	return store_stmt_run(st, s, N_("add device"), err, errlen);
}

int
store_device_set_state(struct store *st, const char *id, const char *state,
    const char *incident, char *err, size_t errlen)
{
	const char *v[] = { id, state, incident };
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = store_stmt_get(st, S_DEV_STATE, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 1, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	code = store_stmt_run(st, s, N_("save device"), err, errlen);
	if (code == ST_OK && sqlite3_changes(st->db) == 0)
		code = err_set(err, errlen, ST_NOINPUT, _("no device '%s' in the "
		    "ledger (see 'anshin-ir device list')"), id);
	return code;
}

int
store_devices_list(struct store *st,
    void (*fn)(void *ud, const struct store_device *row), void *ud,
    char *err, size_t errlen)
{
	struct store_device row;
	sqlite3_stmt *s = NULL;
	int rc, code;

	if ((code = store_stmt_get(st, S_DEV_LIST, &s, err, errlen)) != ST_OK)
		return code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		device_read(s, &row, 0);
		fn(ud, &row);
	}
	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("list devices"), err, errlen);
	store_stmt_done(s);
	return code;
}

/* ---- values ----------------------------------------------------------- */

int
store_device_values_get(struct store *st, const char *id,
    void (*fn)(void *ud, const char *key, const char *value), void *ud,
    char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc, code;

	if ((code = store_stmt_get(st, S_DEVVAL_GET, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 1, &id, 1, err, errlen)) != ST_OK)
		return code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(ud, store_col_text(s, 0), store_col_text(s, 1));
	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("read device"), err, errlen);
	store_stmt_done(s);
	return code;
}

int
store_device_value_put(struct store *st, const char *id, const char *key,
    const char *value, char *err, size_t errlen)
{
	const char *v[] = { id, key, value };
	sqlite3_stmt *s = NULL;
	int code;

	code = store_stmt_get(st, value != NULL ? S_DEVVAL_PUT : S_DEVVAL_DEL,
	    &s, err, errlen);
	if (code != ST_OK || (code = store_bind_texts(st, s, 1, v,
	    value != NULL ? 3 : 2, err, errlen)) != ST_OK)
		return code;
	return store_stmt_run(st, s, N_("save device"), err, errlen);
}

/* ---- the ledger's timeline -------------------------------------------- */

static int
move_ledger_head(struct store *st, const char *hash, char *err,
    size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = store_stmt_get(st, S_LEDGER_HEAD, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 1, &hash, 1, err, errlen)) != ST_OK)
		return code;
	code = store_stmt_run(st, s, N_("save ledger event"), err, errlen);
	/* the row is made by migration 4; without it the count is lost */
	if (code == ST_OK && sqlite3_changes(st->db) == 0)
		code = err_set(err, errlen, ST_IOERR, _("%s: the ledger's head "
		    "row is missing"), st->path);
	return code;
}

/* ev->seq and ev->hash are ignored: the position is the order of
 * insertion, the hash is computed here. */
int
store_ledger_event_add(struct store *st, const struct store_ledger_event *ev,
    char *err, size_t errlen)
{
	char prev[CHAIN_HEX_LEN + 1], hash[CHAIN_HEX_LEN + 1];
	const char *v[] = { ev->at, ev->kind, ev->device, ev->key, ev->old,
	    ev->new_, ev->by, hash };
	sqlite3_stmt *s = NULL;
	int code;

	if ((code = store_last_hash(st, S_LEDGER_LAST, 0, 0, prev, err,
	    errlen)) != ST_OK)
		return code;
	if (chain_ledger_digest(prev, ev, hash) != 0)
		return err_set(err, errlen, ST_SOFTWARE,
		    _("cannot compute the event hash (libcrypto)"));
	if ((code = store_stmt_get(st, S_LEDGER_ADD, &s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, s, 1, v, NELEM(v), err, errlen)) != ST_OK)
		return code;
	code = store_stmt_run(st, s, N_("save ledger event"), err, errlen);
	return code != ST_OK ? code : move_ledger_head(st, hash, err, errlen);
}

int
store_ledger_events_get(struct store *st,
    void (*fn)(void *ud, const struct store_ledger_event *ev), void *ud,
    char *err, size_t errlen)
{
	struct store_ledger_event ev;
	sqlite3_stmt *s = NULL;
	int rc, code;

	if ((code = store_stmt_get(st, S_LEDGER_GET, &s, err, errlen)) != ST_OK)
		return code;
	ev.seq = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		ev.seq++;
		ev.at = store_col_text(s, 0);
		ev.kind = store_col_text(s, 1);
		ev.device = store_col_text(s, 2);
		ev.key = store_col_text(s, 3);
		ev.old = store_col_text(s, 4);
		ev.new_ = store_col_text(s, 5);
		ev.by = store_col_text(s, 6);
		ev.hash = store_col_text(s, 7);
		fn(ud, &ev);
	}
	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("read the ledger"), err, errlen);
	store_stmt_done(s);
	return code;
}

int
store_ledger_head_get(struct store *st, long *events, char head[65],
    char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	const char *h;
	int rc, code;

	*events = 0;
	head[0] = '\0';
	if ((code = store_stmt_get(st, S_LEDGER_HEAD_GET, &s, err, errlen)) !=
	    ST_OK)
		return code;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*events = (long)sqlite3_column_int64(s, 0);
		h = store_col_text(s, 1);
		if (h != NULL && strlen(h) == CHAIN_HEX_LEN)
			memcpy(head, h, CHAIN_HEX_LEN + 1);
	} else if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("read the ledger"), err, errlen);
	store_stmt_done(s);
	return code;
}
