/*
 * store_notice.c - the rows of the notices to the individuals: the
 * recipients of an incident (the one place their names and addresses
 * are kept), the marks of their notices and the enquiries. One function
 * per statement, as store_rows.c; store.c holds the statements.
 */
#include "store_int.h"

#include "i18n.h"
#include "util.h"

/* The caller's callback, whichever kind of row it takes. */
struct rows_cb {
	void (*rec)(void *ud, const struct store_recipient *r);
	void (*mark)(void *ud, const struct store_mark *m);
	void (*enq)(void *ud, const struct store_enquiry *q);
	void *ud;
};

/* Runs a SELECT bound to the incident id, calling row() per result row. */
static int
each_row(struct store *st, enum stmt_id sid, long id,
    void (*row)(sqlite3_stmt *s, const struct rows_cb *cb),
    const struct rows_cb *cb, const char *what, char *err, size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int rc, code;

	if ((code = store_stmt_get(st, sid, &s, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		row(s, cb);
	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, what, err, errlen);
	store_stmt_done(s);
	return code;
}

/* Prepares sid with the incident id as ?1 and texts v as ?2... */
static int
bind_row(struct store *st, enum stmt_id sid, long id, const char *const *v,
    size_t n, sqlite3_stmt **s, char *err, size_t errlen)
{
	int code;

	if ((code = store_stmt_get(st, sid, s, err, errlen)) != ST_OK ||
	    (code = store_bind_texts(st, *s, 2, v, n, err, errlen)) != ST_OK)
		return code;
	sqlite3_bind_int64(*s, 1, id);
	return ST_OK;
}

/* ---- recipients ------------------------------------------------------- */

static void
recipient_row(sqlite3_stmt *s, const struct rows_cb *cb)
{
	struct store_recipient r;

	r.id = store_col_text(s, 0);
	r.name = store_col_text(s, 1);
	r.postal_code = store_col_text(s, 2);
	r.address = store_col_text(s, 3);
	r.email = store_col_text(s, 4);
	r.phone = store_col_text(s, 5);
	r.note = store_col_text(s, 6);
	cb->rec(cb->ud, &r);
}

int
store_recipients_get(struct store *st, long id,
    void (*fn)(void *ud, const struct store_recipient *r), void *ud,
    char *err, size_t errlen)
{
	struct rows_cb cb = { fn, NULL, NULL, ud };

	return each_row(st, S_REC_GET, id, recipient_row, &cb,
	    N_("read recipients"), err, errlen);
}

int
store_recipient_put(struct store *st, long id, const struct store_recipient *r,
    char *err, size_t errlen)
{
	const char *v[] = { r->id, r->name, r->postal_code, r->address,
	    r->email, r->phone, r->note };
	sqlite3_stmt *s = NULL;
	int code = bind_row(st, S_REC_PUT, id, v, NELEM(v), &s, err, errlen);

	return code != ST_OK ? code : store_stmt_run(st, s,
	    N_("save recipient"), err, errlen);
}

int
store_recipient_del(struct store *st, long id, const char *rid, char *err,
    size_t errlen)
{
	sqlite3_stmt *s = NULL;
	int code = bind_row(st, S_REC_DEL, id, &rid, 1, &s, err, errlen);

	return code != ST_OK ? code : store_stmt_run(st, s,
	    N_("remove recipient"), err, errlen);
}

/* ---- marks ------------------------------------------------------------ */

static void
mark_row(sqlite3_stmt *s, const struct rows_cb *cb)
{
	struct store_mark m;

	m.recipient = store_col_text(s, 0);
	m.seq = (long)sqlite3_column_int64(s, 1);
	m.mark = store_col_text(s, 2);
	m.via = store_col_text(s, 3);
	m.at = store_col_text(s, 4);
	m.note = store_col_text(s, 5);
	m.by = store_col_text(s, 6);
	cb->mark(cb->ud, &m);
}

int
store_marks_get(struct store *st, long id,
    void (*fn)(void *ud, const struct store_mark *m), void *ud,
    char *err, size_t errlen)
{
	struct rows_cb cb = { NULL, fn, NULL, ud };

	return each_row(st, S_MARK_GET, id, mark_row, &cb,
	    N_("read marks"), err, errlen);
}

int
store_mark_add(struct store *st, long id, const struct store_mark *m,
    char *err, size_t errlen)
{
	const char *v[] = { m->recipient, m->mark, m->via, m->at, m->note,
	    m->by };
	sqlite3_stmt *s = NULL;
	int code = bind_row(st, S_MARK_ADD, id, v, NELEM(v), &s, err, errlen);

	return code != ST_OK ? code : store_stmt_run(st, s, N_("save mark"),
	    err, errlen);
}

/* ---- enquiries -------------------------------------------------------- */

static void
enquiry_row(sqlite3_stmt *s, const struct rows_cb *cb)
{
	struct store_enquiry q;

	q.seq = (long)sqlite3_column_int64(s, 0);
	q.at = store_col_text(s, 1);
	q.from_name = store_col_text(s, 2);
	q.text = store_col_text(s, 3);
	q.answer = store_col_text(s, 4);
	q.follow_up = sqlite3_column_int(s, 5);
	q.by = store_col_text(s, 6);
	cb->enq(cb->ud, &q);
}

int
store_enquiries_get(struct store *st, long id,
    void (*fn)(void *ud, const struct store_enquiry *q), void *ud,
    char *err, size_t errlen)
{
	struct rows_cb cb = { NULL, NULL, fn, ud };

	return each_row(st, S_ENQ_GET, id, enquiry_row, &cb,
	    N_("read enquiries"), err, errlen);
}

int
store_enquiry_add(struct store *st, long id, const struct store_enquiry *q,
    long *seq, char *err, size_t errlen)
{
	const char *v[] = { q->at, q->from_name, q->text, q->answer, q->by };
	sqlite3_stmt *s = NULL;
	int rc, code = bind_row(st, S_ENQ_ADD, id, v, NELEM(v), &s, err,
	    errlen);

	if (code != ST_OK)
		return code;
	sqlite3_bind_int(s, 7, q->follow_up != 0);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*seq = (long)sqlite3_column_int64(s, 0);
		rc = sqlite3_step(s);
	}
	if (rc != SQLITE_DONE)
		code = store_sql_fail(st, rc, N_("save enquiry"), err, errlen);
	store_stmt_done(s);
	return code;
}
