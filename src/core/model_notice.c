/*
 * model_notice.c - the changes to the notices to the individuals: a list
 * of recipients imported (again), marks, enquiries; and what the notices
 * decide in the checklist (docs/contract.md §4: with recipients stored,
 * notify_individuals is done only through their marks). Each change is
 * made as model.c makes its own: the write lock, the incident read again,
 * the rows and their timeline events, the summary row, one commit.
 *
 * The events name a recipient by its id and never carry a name, an
 * address or a note: the timeline is printed in the report. What they
 * record of those is its digest (notice.h), which verify replays.
 */
#include "model.h"
#include "model_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract.h"
#include "i18n.h"
#include "text.h"

/* ---- what the notices decide ------------------------------------------ */

int
model_notice_progress(struct store *st, struct incident *inc, char *err,
    size_t errlen)
{
	struct notice_list l;
	struct notice_enquiries q;
	int rc = notice_load(st, inc->id, &l, err, errlen);

	if (rc != ST_OK)
		return rc;
	rc = notice_enquiries_load(st, inc->id, &q, err, errlen);
	if (rc == ST_OK) {
		notice_progress_of(&l, &q, &inc->notices);
		notice_enquiries_free(&q);
	}
	notice_list_free(&l);
	return rc;
}

static int
published(const struct model_data *d, const struct incident *inc)
{
	const char *v = incident_value(d, inc, FIELD_PUBLICATION);

	return v != NULL && strcmp(v, "published") == 0;
}

void
model_notice_item(const struct model_data *d, const struct incident *inc,
    struct check_item *it)
{
	if (inc->notices.total == 0 || strcmp(it->action->id, NOTICE_ACTION))
		return;
	it->by_notices = 1;
	it->status = notice_complete(&inc->notices, published(d, inc)) ?
	    ACTION_DONE : ACTION_OPEN;
}

int
model_notice_guard(const struct model_data *d, const struct incident *inc,
    const struct check_item *it, enum action_status s, int *same, char *err,
    size_t errlen)
{
	char *progress;
	int rc;

	*same = it->by_notices && s == ACTION_DONE && it->status == ACTION_DONE;
	if (!it->by_notices || *same)
		return ST_OK;
	progress = notice_progress_text(&inc->notices, d->lang);
	rc = err_set(err, errlen, ST_REFUSED, _("\"%s\" is done through the "
	    "marks of the notices to each person (anshin-ir notices %s mark "
	    "ID..., or view 6 of the incident screen), not by hand: %s"),
	    tr_get(&it->action->title, d->lang), inc->ref, progress);
	free(progress);
	return rc;
}

/* ---- a change --------------------------------------------------------- */

/* Begins a change of the notices: checks who, takes the lock, reads the
 * incident and its recipients as stored, refuses a closed incident. */
static int
begin(struct store *st, const struct model_data *d, const struct incident *inc,
    const char *by, struct incident **fresh, struct notice_list *l,
    char *err, size_t errlen)
{
	int rc = model_check_by(by, err, errlen);

	memset(l, 0, sizeof *l);
	if (rc != ST_OK ||
	    (rc = model_begin_fresh(st, d, inc, fresh, err, errlen)) != ST_OK)
		return rc;
	rc = model_refuse_closed(*fresh, err, errlen);
	if (rc == ST_OK)
		rc = notice_load(st, inc->id, l, err, errlen);
	return rc;
}

/* Ends it: the progress and the summary row (the checklist may have
 * changed), commit, and inc shows what is stored. Without fresh, begin
 * failed before the transaction: nothing to end. */
static int
end(struct store *st, const struct model_data *d, struct incident *inc,
    struct incident *fresh, struct notice_list *l, int rc, char *err,
    size_t errlen)
{
	notice_list_free(l);
	if (fresh == NULL)
		return rc;
	if (rc == ST_OK)
		rc = model_notice_progress(st, fresh, err, errlen);
	if (rc == ST_OK)
		rc = model_refresh_summary(st, d, fresh, err, errlen);
	return model_end_fresh(st, inc, fresh, rc, err, errlen);
}

/* ---- import --------------------------------------------------------------- */

static int
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int
same_row(const struct notice_recipient *a, const struct notice_recipient *b)
{
	return same_text(a->name, b->name) &&
	    same_text(a->postal_code, b->postal_code) &&
	    same_text(a->address, b->address) &&
	    same_text(a->email, b->email) && same_text(a->phone, b->phone) &&
	    same_text(a->note, b->note);
}

/* A marked recipient stays: its marks are the record of a notice. */
static int
check_removals(const struct notice_list *old, const struct notice_list *new_,
    const char *name, struct model_notice_import *res, char *err,
    size_t errlen)
{
	const struct notice_recipient *r;
	size_t i;

	for (i = 0; i < old->n; i++) {
		r = &old->v[i];
		if (notice_find(new_, r->id) != NULL)
			continue;
		if (r->nmarks > 0)
			return err_set(err, errlen, ST_DATAERR, _("%s: %s is not "
			    "in the file, but its notice is marked (%s): a "
			    "recipient once marked stays; put the row back"),
			    name, r->id, notice_mark_name(
			    (enum notice_mark)notice_last(r)));
		res->removed++;
	}
	return ST_OK;
}

static int
write_rows(struct store *st, long id, const struct notice_list *old,
    const struct notice_list *new_, struct model_notice_import *res,
    char *err, size_t errlen)
{
	const struct notice_recipient *r, *was;
	struct store_recipient row;
	size_t i;
	int rc = ST_OK;

	for (i = 0; i < old->n && rc == ST_OK; i++)
		if (notice_find(new_, old->v[i].id) == NULL)
			rc = store_recipient_del(st, id, old->v[i].id, err,
			    errlen);
	for (i = 0; i < new_->n && rc == ST_OK; i++) {
		r = &new_->v[i];
		was = notice_find(old, r->id);
		if (was != NULL && same_row(was, r))
			continue;
		if (was != NULL)
			res->changed++;
		else
			res->added++;
		row.id = r->id;
		row.name = r->name;
		row.postal_code = r->postal_code;
		row.address = r->address;
		row.email = r->email;
		row.phone = r->phone;
		row.note = r->note;
		rc = store_recipient_put(st, id, &row, err, errlen);
	}
	return rc;
}

/* One event for the whole list: how many before and after, and the
 * digest of the rows now stored. */
static int
import_event(struct store *st, long id, size_t before,
    const struct notice_list *rows, const char *by, jtime_t now, char *err,
    size_t errlen)
{
	struct store_event ev;
	char old[24], new_[24], digest[65];

	if (notice_recipients_digest(rows, digest) != 0)
		return err_set(err, errlen, ST_SOFTWARE, _("cannot compute the "
		    "event hash (libcrypto)"));
	snprintf(old, sizeof old, "%zu", before);
	snprintf(new_, sizeof new_, "%zu", rows->n);
	memset(&ev, 0, sizeof ev);
	ev.kind = EVENT_RECIPIENTS;
	ev.old = before > 0 ? old : NULL;
	ev.new_ = new_;
	ev.by = by;
	ev.digest = digest;
	return model_event_put(st, id, now, &ev, err, errlen);
}

int
model_notice_import(struct store *st, const struct model_data *d,
    struct incident *inc, const struct notice_list *rows, const char *name,
    const char *by, jtime_t now, struct model_notice_import *res, char *err,
    size_t errlen)
{
	struct notice_list old, sorted;
	struct incident *fresh = NULL;
	int rc;

	memset(res, 0, sizeof *res);
	sorted.n = rows->n;
	sorted.v = xcalloc(rows->n + 1, sizeof *sorted.v);
	memcpy(sorted.v, rows->v, rows->n * sizeof *rows->v);
	notice_list_sort(&sorted);
	rc = begin(st, d, inc, by, &fresh, &old, err, errlen);
	if (rc == ST_OK)
		rc = check_removals(&old, &sorted, name, res, err, errlen);
	if (rc == ST_OK)
		rc = write_rows(st, inc->id, &old, &sorted, res, err, errlen);
	if (rc == ST_OK && res->added + res->changed + res->removed > 0)
		rc = import_event(st, inc->id, old.n, &sorted, by, now, err,
		    errlen);
	res->total = rc == ST_OK ? (int)rows->n : 0;
	/* the rows belong to the caller: only the array is ours */
	free(sorted.v);
	return end(st, d, inc, fresh, &old, rc, err, errlen);
}

/* ---- marks --------------------------------------------------------------- */

static int
check_mark_in(const struct incident *inc, const struct model_notice_mark *m,
    jtime_t now, char *err, size_t errlen)
{
	int rc = ST_OK;

	if (m->at != NULL)
		rc = model_check_acted_at(inc, m->at, now, err, errlen);
	if (rc == ST_OK && m->note != NULL)
		rc = model_check_prose(_("the note"), m->note, err, errlen);
	return rc;
}

static int
has_sent(const struct notice_recipient *r)
{
	size_t i;

	for (i = 0; i < r->nmarks; i++)
		if (r->marks[i].mark == NOTICE_SENT)
			return 1;
	return 0;
}

static int
check_ids(const struct notice_list *l, const char *const *ids, size_t n,
    enum notice_mark mark, const char *ref, char *err, size_t errlen)
{
	const struct notice_recipient *r;
	size_t i, j;

	for (i = 0; i < n; i++) {
		r = notice_find(l, ids[i]);
		for (j = 0; j < i; j++)
			if (strcmp(ids[i], ids[j]) == 0)
				return err_set(err, errlen, ST_DATAERR,
				    _("%s is given twice"), ids[i]);
		if (r == NULL)
			return err_set(err, errlen, ST_DATAERR, _("no recipient "
			    "%s in %s (see anshin-ir notices %s list)"), ids[i],
			    ref, ref);
		if (mark == NOTICE_RETURNED && !has_sent(r))
			return err_set(err, errlen, ST_DATAERR, _("%s: no "
			    "notice is marked sent, so none can come back"),
			    r->id);
	}
	return ST_OK;
}

static int
mark_one(struct store *st, long id, const struct notice_recipient *r,
    const struct model_notice_mark *m, const char *at, const char *by,
    jtime_t now, char *err, size_t errlen)
{
	const char *via = m->via >= 0 ? notice_via_name(
	    (enum notice_via)m->via) : NULL;
	struct store_mark row = { r->id, 0, notice_mark_name(m->mark), via, at,
		m->note, by };
	struct store_event ev;
	char digest[65];
	int last = notice_last(r), rc;

	if (m->note != NULL && notice_note_digest(m->note, digest) != 0)
		return err_set(err, errlen, ST_SOFTWARE, _("cannot compute the "
		    "event hash (libcrypto)"));
	rc = store_mark_add(st, id, &row, err, errlen);
	memset(&ev, 0, sizeof ev);
	ev.kind = EVENT_NOTICE;
	ev.key = r->id;
	ev.old = last >= 0 ? notice_mark_name((enum notice_mark)last) : NULL;
	ev.new_ = row.mark;
	ev.by = by;
	ev.acted_at = at;
	ev.via = via;
	ev.digest = m->note != NULL ? digest : NULL;
	return rc != ST_OK ? rc : model_event_put(st, id, now, &ev, err, errlen);
}

int
model_notice_mark(struct store *st, const struct model_data *d,
    struct incident *inc, const char *const *ids, size_t n,
    const struct model_notice_mark *m, const char *by, jtime_t now,
    char *err, size_t errlen)
{
	struct incident *fresh = NULL;
	struct notice_list l;
	char nowiso[26];
	size_t i;
	int rc = check_mark_in(inc, m, now, err, errlen);

	if (rc != ST_OK)
		return rc;
	jtime_format_iso(now, nowiso);
	rc = begin(st, d, inc, by, &fresh, &l, err, errlen);
	if (rc == ST_OK)
		rc = check_ids(&l, ids, n, m->mark, inc->ref, err, errlen);
	for (i = 0; i < n && rc == ST_OK; i++)
		rc = mark_one(st, inc->id, notice_find(&l, ids[i]), m,
		    m->at != NULL ? m->at : nowiso, by, now, err, errlen);
	return end(st, d, inc, fresh, &l, rc, err, errlen);
}

/* ---- enquiries ------------------------------------------------------------- */

static int
check_enquiry(const struct incident *inc, const struct model_notice_enquiry *q,
    jtime_t now, char *err, size_t errlen)
{
	char msg[256];
	int rc = model_check_prose(_("the enquiry"), q->text, err, errlen);

	if (rc == ST_OK && q->from_name != NULL &&
	    text_check_input(q->from_name, 0, MODEL_NAME_MAX, msg, sizeof msg))
		rc = err_set(err, errlen, ST_DATAERR, _("who asked: %s"), msg);
	if (rc == ST_OK && q->answer != NULL)
		rc = model_check_prose(_("the answer"), q->answer, err, errlen);
	if (rc == ST_OK && q->at != NULL)
		rc = model_check_acted_at(inc, q->at, now, err, errlen);
	return rc;
}

static int
enquiry_event(struct store *st, long id, const struct notice_enquiry *e,
    jtime_t now, char *err, size_t errlen)
{
	struct store_event ev;
	char key[24], digest[65];

	if (notice_enquiry_digest(e, digest) != 0)
		return err_set(err, errlen, ST_SOFTWARE, _("cannot compute the "
		    "event hash (libcrypto)"));
	snprintf(key, sizeof key, "%ld", e->seq);
	memset(&ev, 0, sizeof ev);
	ev.kind = EVENT_ENQUIRY;
	ev.key = key;
	ev.new_ = e->follow_up ? "follow_up" : "logged";
	ev.by = e->by;
	ev.acted_at = e->at;
	ev.digest = digest;
	return model_event_put(st, id, now, &ev, err, errlen);
}

int
model_notice_enquiry(struct store *st, const struct model_data *d,
    struct incident *inc, const struct model_notice_enquiry *q,
    const char *by, jtime_t now, long *seq, char *err, size_t errlen)
{
	struct incident *fresh = NULL;
	struct notice_list l;
	struct store_enquiry row;
	struct notice_enquiry e;
	char nowiso[26];
	int rc = check_enquiry(inc, q, now, err, errlen);

	if (rc != ST_OK)
		return rc;
	jtime_format_iso(now, nowiso);
	row.seq = 0;
	row.at = q->at != NULL ? q->at : nowiso;
	row.from_name = q->from_name;
	row.text = q->text;
	row.answer = q->answer;
	row.follow_up = q->follow_up != 0;
	row.by = by;
	rc = begin(st, d, inc, by, &fresh, &l, err, errlen);
	if (rc == ST_OK)
		rc = store_enquiry_add(st, inc->id, &row, seq, err, errlen);
	if (rc == ST_OK) {
		e.seq = *seq;
		e.at = (char *)row.at;
		e.from_name = (char *)row.from_name;
		e.text = (char *)row.text;
		e.answer = (char *)row.answer;
		e.by = (char *)by;
		e.follow_up = row.follow_up;
		rc = enquiry_event(st, inc->id, &e, now, err, errlen);
	}
	return end(st, d, inc, fresh, &l, rc, err, errlen);
}
