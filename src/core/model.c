/*
 * model.c - the incident and the operations that change it. Each operation
 * checks what it is asked, then writes the change, its timeline event and
 * the refreshed summary row in one transaction: a crash leaves either all
 * of it or none. The summary row (kind, discovery, reportable, next due)
 * exists so that listing 10 000 incidents does not re-run every rule.
 * The data directory is model_data.c's, answers files model_answers.c's,
 * closing, reopening, exports and drill submission model_close.c's and
 * a drill run's score model_drill.c's.
 */
#include "model.h"
#include "model_int.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chain.h"
#include "i18n.h"
#include "text.h"

void
incident_free(struct incident *inc)
{
	size_t i;

	if (inc == NULL)
		return;
	for (i = 0; i < inc->nvalues; i++)
		free(inc->values[i]);
	for (i = 0; i < inc->nrecords; i++) {
		free(inc->records[i].action);
		free(inc->records[i].by);
		free(inc->records[i].at);
		free(inc->records[i].note);
	}
	free(inc->values);
	free(inc->records);
	free(inc->drill);
	free(inc->measures);
	free(inc->created_at);
	free(inc);
}

const char *
incident_value(const struct model_data *d, const struct incident *inc,
    const char *key)
{
	int i = form_field_index(d->form, key);

	return i < 0 ? NULL : inc->values[i];
}

static const struct action_record *
record_find(const struct incident *inc, const char *action)
{
	size_t i;

	for (i = 0; i < inc->nrecords; i++)
		if (strcmp(inc->records[i].action, action) == 0)
			return &inc->records[i];
	return NULL;
}

static int
item_cmp(const void *a, const void *b)
{
	const struct check_item *x = a, *y = b;

	if (x->action->phase != y->action->phase)
		return (int)x->action->phase - (int)y->action->phase;
	if (x->action->priority != y->action->priority)
		return x->action->priority - y->action->priority;
	/* Then the file's order, which is the order a person acts in
	 * (docs/contract.md §4: a remote wipe before the line is suspended).
	 * Both point into the same array of actions. */
	return (x->action > y->action) - (x->action < y->action);
}

void
model_evaluate(const struct model_data *d, const struct incident *inc,
    struct evaluation *ev)
{
	const struct rules *r = d->rules;
	const struct action_record *rec;
	struct check_item *it;
	size_t i;

	memset(ev, 0, sizeof *ev);
	rules_eval(r, d->form, d->holidays, inc->values, &ev->result);
	ev->items = xcalloc(r->nactions, sizeof *ev->items);
	ev->next_due = -1;
	for (i = 0; i < r->nactions; i++) {
		rec = record_find(inc, r->actions[i].id);
		/* History stays: a done or skipped action is listed even when
		 * a later answer makes its rule stop applying. */
		if (!ev->result.applies[i] &&
		    (rec == NULL || rec->status == ACTION_OPEN))
			continue;
		it = &ev->items[ev->nitems++];
		it->action = &r->actions[i];
		it->record = rec;
		it->applies = ev->result.applies[i];
		it->done_by_answer = ev->result.done_by_answer[i];
		it->due = ev->result.due[i];
		if (rec != NULL)
			it->status = rec->status;
		else
			it->status = it->done_by_answer ? ACTION_DONE :
			    ACTION_OPEN;
		model_notice_item(d, inc, it);
		if (it->status == ACTION_OPEN && it->due >= 0 &&
		    (ev->next_due < 0 || it->due < ev->next_due))
			ev->next_due = it->due;
	}
	qsort(ev->items, ev->nitems, sizeof *ev->items, item_cmp);
}

void
model_evaluation_free(struct evaluation *ev)
{
	rules_result_free(&ev->result);
	free(ev->items);
	ev->items = NULL;
	ev->nitems = 0;
}

const struct check_item *
model_item_find(const struct evaluation *ev, const char *action)
{
	size_t i;

	for (i = 0; i < ev->nitems; i++)
		if (strcmp(ev->items[i].action->id, action) == 0)
			return &ev->items[i];
	return NULL;
}

const char *
model_default_by(void)
{
	const char *s = getenv("ANSHIN_IR_USER");
	struct passwd *pw;

	if (s != NULL && *s != '\0')
		return s;
	s = getenv("LOGNAME");
	if (s != NULL && *s != '\0')
		return s;
	pw = getpwuid(getuid());
	return pw != NULL ? pw->pw_name : "unknown";
}

/* Appends ev, its time `now`. */
int
model_event_put(struct store *st, long id, jtime_t now, struct store_event *ev,
    char *err, size_t errlen)
{
	char at[26];

	jtime_format_iso(now, at);
	ev->at = at;
	return store_event_add(st, id, ev, err, errlen);
}

static int
add_event_at(struct store *st, long id, jtime_t now, const char *kind,
    const char *key, const char *old, const char *new_, const char *by,
    const char *acted_at, char *err, size_t errlen)
{
	struct store_event ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = kind;
	ev.key = key;
	ev.old = old;
	ev.new_ = new_;
	ev.by = by;
	ev.acted_at = acted_at;
	return model_event_put(st, id, now, &ev, err, errlen);
}

int
model_add_event(struct store *st, long id, jtime_t now, const char *kind,
    const char *key, const char *old, const char *new_, const char *by,
    char *err, size_t errlen)
{
	return add_event_at(st, id, now, kind, key, old, new_, by, NULL, err,
	    errlen);
}

/* Who a change is by: a name, on one line (the timeline prints it). */
int
model_check_by(const char *by, char *err, size_t errlen)
{
	char msg[256];

	if (by == NULL || by[strspn(by, " \t")] == '\0')
		return err_set(err, errlen, ST_DATAERR, _("the name of who "
		    "made the change is empty"));
	if (text_check_input(by, 0, MODEL_NAME_MAX, msg, sizeof msg) != 0)
		return err_set(err, errlen, ST_DATAERR, _("the name '%s': %s"),
		    by, msg);
	return ST_OK;
}

/* A note, a reason, the measures: not blank, and checked like answers. */
int
model_check_prose(const char *what, const char *text, char *err, size_t errlen)
{
	char msg[256];

	if (text == NULL || text[strspn(text, " \t\r\n")] == '\0')
		return err_set(err, errlen, ST_DATAERR, _("%s is empty"), what);
	if (text_check_input(text, 1, MODEL_TEXT_MAX, msg, sizeof msg) != 0)
		return err_set(err, errlen, ST_DATAERR, "%s: %s", what, msg);
	return ST_OK;
}

/* Writes the summary columns `list` reads. */
int
model_refresh_summary(struct store *st, const struct model_data *d,
    const struct incident *inc, char *err, size_t errlen)
{
	struct evaluation ev;
	const char *disc = incident_value(d, inc, FIELD_DISCOVERED_AT);
	char disc_min[17], due[11];
	jtime_t t;
	int rc;

	model_evaluate(d, inc, &ev);
	disc_min[0] = '\0';
	if (disc != NULL && jtime_parse(disc, &t, NULL, 0) == 0)
		jtime_format_minute(t, disc_min);
	due[0] = '\0';
	if (ev.next_due >= 0)
		jtime_format_date(ev.next_due, due);
	rc = store_incident_set_summary(st, inc->id,
	    incident_value(d, inc, FIELD_KIND), disc_min[0] ? disc_min : NULL,
	    rules_reportable_name(ev.result.reportable), due[0] ? due : NULL,
	    incident_value(d, inc, FIELD_SUMMARY), err, errlen);
	model_evaluation_free(&ev);
	return rc;
}

int
model_finish(struct store *st, int rc, char *err, size_t errlen)
{
	if (rc == ST_OK)
		return store_commit(st, err, errlen);
	store_rollback(st);
	return rc;
}

/* Stores one answer change with its event and updates inc. */
static int
put_answer(struct store *st, struct incident *inc, size_t field,
    const char *key, const char *value, const char *by, jtime_t now,
    char *err, size_t errlen)
{
	const char *old = inc->values[field];
	int rc;

	if ((old == NULL && value == NULL) ||
	    (old != NULL && value != NULL && strcmp(old, value) == 0))
		return ST_OK;
	rc = store_answer_put(st, inc->id, key, value, err, errlen);
	if (rc == ST_OK)
		rc = model_add_event(st, inc->id, now, EVENT_ANSWER, key, old,
		    value, by, err, errlen);
	if (rc != ST_OK)
		return rc;
	free(inc->values[field]);
	inc->values[field] = value != NULL ? xstrdup(value) : NULL;
	return ST_OK;
}

static struct incident *
incident_new(const struct model_data *d)
{
	struct incident *inc = xcalloc(1, sizeof *inc);

	inc->nvalues = d->form->nfields;
	inc->values = xcalloc(inc->nvalues, sizeof *inc->values);
	return inc;
}

/* Fields prefilled from contacts.conf (facility_type), unless given. */
static int
apply_prefills(struct store *st, const struct model_data *d,
    struct incident *inc, const char *by, jtime_t now, char *err,
    size_t errlen)
{
	const struct form_field *fld;
	const char *v;
	size_t i;
	int rc = ST_OK;

	for (i = 0; i < d->form->nfields && rc == ST_OK; i++) {
		fld = &d->form->fields[i];
		if (fld->prefill == NULL || inc->values[i] != NULL)
			continue;
		v = contacts_get(d->contacts, fld->prefill, LANG_EN);
		if (v != NULL)
			rc = put_answer(st, inc, i, fld->key, v, by, now, err,
			    errlen);
	}
	return rc;
}

static int
creation_year(const struct model_data *d, const struct answer_set *a,
    jtime_t now)
{
	char **values = model_values_from_set(d, a);
	jtime_t t = now;
	int y, m, day;

	model_value_time(d, values, FIELD_DISCOVERED_AT, &t);
	free(values);
	jtime_ymd_from_days(jtime_day(t), &y, &m, &day);
	return y;
}

int
model_create(struct store *st, const struct model_data *d,
    const struct answer_set *answers, const char *drill, const char *by,
    jtime_t now, struct incident **out, char *err, size_t errlen)
{
	struct incident *inc = incident_new(d);
	char created[26];
	size_t i;
	int rc, idx;

	jtime_format_iso(now, created);
	rc = model_check_by(by, err, errlen);
	if (rc == ST_OK)
		rc = store_begin(st, err, errlen);
	if (rc != ST_OK) {
		incident_free(inc);
		return rc;
	}
	rc = store_incident_insert(st, creation_year(d, answers, now),
	    drill != NULL, drill, created, &inc->id, inc->ref, err, errlen);
	if (rc == ST_OK)
		rc = model_add_event(st, inc->id, now, EVENT_CREATED, NULL, NULL,
		    inc->ref, by, err, errlen);
	for (i = 0; rc == ST_OK && i < answers->n; i++) {
		idx = form_field_index(d->form, answers->v[i].key);
		if (idx >= 0)
			rc = put_answer(st, inc, (size_t)idx, answers->v[i].key,
			    answers->v[i].value, by, now, err, errlen);
	}
	if (rc == ST_OK)
		rc = apply_prefills(st, d, inc, by, now, err, errlen);
	if (rc == ST_OK)
		rc = model_refresh_summary(st, d, inc, err, errlen);
	rc = model_finish(st, rc, err, errlen);
	if (rc != ST_OK) {
		incident_free(inc);
		return rc;
	}
	inc->drill = drill != NULL ? xstrdup(drill) : NULL;
	inc->created_at = xstrdup(created);
	*out = inc;
	return ST_OK;
}

struct load_ctx {
	const struct model_data *d;
	struct incident *inc;
};

static void
load_answer(void *ud, const char *key, const char *value)
{
	struct load_ctx *lc = ud;
	int i = form_field_index(lc->d->form, key);

	/* A key the current form no longer has stays in the database and
	 * in the timeline; the views cannot show it. */
	if (i >= 0) {
		free(lc->inc->values[i]);
		lc->inc->values[i] = xstrdup(value);
	}
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
load_action(void *ud, const struct store_action *a)
{
	struct load_ctx *lc = ud;
	struct incident *inc = lc->inc;
	struct action_record *r;

	inc->records = xreallocarray(inc->records, inc->nrecords + 1,
	    sizeof *inc->records);
	r = &inc->records[inc->nrecords++];
	r->action = xstrdup(a->action);
	r->status = contract_status_parse(a->status);
	r->by = dup_or_null(a->by);
	r->at = dup_or_null(a->at);
	r->note = dup_or_null(a->note);
}

int
model_load(struct store *st, const struct model_data *d, const char *ref,
    struct incident **out, char *err, size_t errlen)
{
	struct store_incident row;
	struct load_ctx lc;
	struct incident *inc;
	int rc;

	memset(&row, 0, sizeof row);
	rc = store_incident_get(st, ref, &row, err, errlen);
	if (rc != ST_OK)
		return rc;
	inc = incident_new(d);
	inc->id = row.id;
	memcpy(inc->ref, row.ref, sizeof inc->ref);
	inc->drill = dup_or_null(row.drill);
	inc->closed = row.closed;
	inc->measures = dup_or_null(row.measures);
	inc->created_at = dup_or_null(row.created_at);
	store_incident_clear(&row);
	lc.d = d;
	lc.inc = inc;
	rc = store_answers_get(st, inc->id, load_answer, &lc, err, errlen);
	if (rc == ST_OK)
		rc = store_actions_get(st, inc->id, load_action, &lc, err,
		    errlen);
	if (rc == ST_OK)
		rc = model_notice_progress(st, inc, err, errlen);
	if (rc != ST_OK) {
		incident_free(inc);
		return rc;
	}
	*out = inc;
	return ST_OK;
}

/* ---- changes: each re-reads what it changes inside its transaction ---- */

/* Moves fresh's state into inc (inc keeps its identity: the views hold
 * it) and frees fresh. Pointers into inc's records (check items) go
 * stale: callers evaluate again after every change. */
static void
incident_take(struct incident *inc, struct incident *fresh)
{
	struct incident old = *inc;

	inc->closed = fresh->closed;
	inc->values = fresh->values;
	inc->nvalues = fresh->nvalues;
	inc->records = fresh->records;
	inc->nrecords = fresh->nrecords;
	inc->measures = fresh->measures;
	inc->notices = fresh->notices;
	fresh->values = old.values;
	fresh->nvalues = old.nvalues;
	fresh->records = old.records;
	fresh->nrecords = old.nrecords;
	fresh->measures = old.measures;
	incident_free(fresh);
}

/* Takes the write lock, then reads the incident as stored: what another
 * terminal or command changed since inc was loaded is what this change
 * applies to. On success the transaction is open and *fresh holds the
 * stored state. */
int
model_begin_fresh(struct store *st, const struct model_data *d,
    const struct incident *inc, struct incident **fresh, char *err,
    size_t errlen)
{
	char id[24];
	int rc = store_begin(st, err, errlen);

	if (rc != ST_OK)
		return rc;
	snprintf(id, sizeof id, "%ld", inc->id);
	rc = model_load(st, d, id, fresh, err, errlen);
	if (rc != ST_OK)
		store_rollback(st);
	return rc;
}

/* Ends a change begun by begin_fresh: commits (or rolls back on error)
 * and leaves inc showing the stored state either way. */
int
model_end_fresh(struct store *st, struct incident *inc, struct incident *fresh,
    int rc, char *err, size_t errlen)
{
	rc = model_finish(st, rc, err, errlen);
	incident_take(inc, fresh);
	return rc;
}

int
model_refuse_closed(const struct incident *inc, char *err, size_t errlen)
{
	if (!inc->closed)
		return ST_OK;
	return err_set(err, errlen, ST_REFUSED,
	    _("incident %s is closed; reopen it first (anshin-ir reopen %s)"),
	    inc->ref, inc->ref);
}

/* With MODEL_SEEN, a key whose stored value is no longer the one inc
 * shows has been changed elsewhere: the caller must show it first. */
static int
find_stale(const struct model_data *d, const struct incident *seen,
    const struct incident *fresh, const struct answer_set *changes,
    char *err, size_t errlen)
{
	const char *a, *b;
	size_t i;
	int idx;

	for (i = 0; i < changes->n; i++) {
		idx = form_field_index(d->form, changes->v[i].key);
		if (idx < 0)
			continue;
		a = seen->values[idx];
		b = fresh->values[idx];
		if ((a == NULL) != (b == NULL) || (a != NULL && strcmp(a, b)))
			return err_set(err, errlen, ST_STALE, _("%s was changed "
			    "on another terminal meanwhile; the stored value is "
			    "shown now"), changes->v[i].key);
	}
	return ST_OK;
}

static int
check_changes(const struct model_data *d, const struct incident *inc,
    const struct answer_set *changes, jtime_t now, char *err, size_t errlen)
{
	char **values;
	size_t i;
	int rc, idx;

	values = xcalloc(d->form->nfields, sizeof *values);
	memcpy(values, inc->values, d->form->nfields * sizeof *values);
	for (i = 0; i < changes->n; i++) {
		idx = form_field_index(d->form, changes->v[i].key);
		if (idx >= 0)
			values[idx] = changes->v[i].value;
	}
	rc = model_check_times(d, values, inc->drill != NULL ? MODEL_NO_CLOCK :
	    now, err, errlen);
	free(values);
	return rc;
}

int
model_apply_answers(struct store *st, const struct model_data *d,
    const struct incident *seen, struct incident *fresh,
    const struct answer_set *changes, const char *by, jtime_t now,
    unsigned flags, char *err, size_t errlen)
{
	size_t i;
	int rc, idx;

	rc = model_refuse_closed(fresh, err, errlen);
	if (rc == ST_OK && (flags & MODEL_SEEN))
		rc = find_stale(d, seen, fresh, changes, err, errlen);
	if (rc == ST_OK)
		rc = check_changes(d, fresh, changes, now, err, errlen);
	for (i = 0; rc == ST_OK && i < changes->n; i++) {
		idx = form_field_index(d->form, changes->v[i].key);
		if (idx >= 0)
			rc = put_answer(st, fresh, (size_t)idx,
			    changes->v[i].key, changes->v[i].value, by, now,
			    err, errlen);
	}
	if (rc == ST_OK)
		rc = model_refresh_summary(st, d, fresh, err, errlen);
	return rc;
}

int
model_set_answers(struct store *st, const struct model_data *d,
    struct incident *inc, const struct answer_set *changes, const char *by,
    jtime_t now, unsigned flags, char *err, size_t errlen)
{
	struct incident *fresh;
	int rc;

	if ((rc = model_check_by(by, err, errlen)) != ST_OK ||
	    (rc = model_begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = model_apply_answers(st, d, inc, fresh, changes, by, now, flags,
	    err, errlen);
	return model_end_fresh(st, inc, fresh, rc, err, errlen);
}

static void
record_put(struct incident *inc, const char *action, enum action_status s,
    const char *by, const char *at, const char *note)
{
	struct action_record *r = (struct action_record *)record_find(inc,
	    action);

	if (r == NULL) {
		inc->records = xreallocarray(inc->records, inc->nrecords + 1,
		    sizeof *inc->records);
		r = &inc->records[inc->nrecords++];
		memset(r, 0, sizeof *r);
		r->action = xstrdup(action);
	}
	free(r->by);
	free(r->at);
	free(r->note);
	r->status = s;
	r->by = dup_or_null(by);
	r->at = dup_or_null(at);
	r->note = dup_or_null(note);
}

/* The action state row and its event (with the time it was done, which
 * may be earlier than the record), then its note as an event of its own. */
int
model_write_action(struct store *st, struct incident *inc, const char *action,
    enum action_status old, enum action_status s, const char *by,
    const char *at, const char *note, jtime_t now, char *err, size_t errlen)
{
	struct store_action a = { action, contract_status_name(s), by, at,
		note };
	int rc;

	rc = store_action_put(st, inc->id, &a, err, errlen);
	if (rc == ST_OK)
		rc = add_event_at(st, inc->id, now, EVENT_ACTION, action,
		    contract_status_name(old), contract_status_name(s), by, at,
		    err, errlen);
	if (rc == ST_OK && note != NULL && *note != '\0')
		rc = model_add_event(st, inc->id, now, EVENT_NOTE, action, NULL,
		    note, by, err, errlen);
	if (rc == ST_OK)
		record_put(inc, action, s, by, at, note);
	return rc;
}

static int
check_action(const struct model_data *d, const struct evaluation *ev,
    const char *action, const struct check_item **item, char *err,
    size_t errlen)
{
	if (rules_action_find(d->rules, action) == NULL)
		return err_set(err, errlen, ST_DATAERR,
		    _("unknown action '%s' (see the action ids in "
		    "'anshin-ir checklist REF')"), action);
	*item = model_item_find(ev, action);
	if (*item == NULL)
		return err_set(err, errlen, ST_DATAERR,
		    _("action '%s' does not apply to this incident"), action);
	return ST_OK;
}

/* `at` (ISO 8601, as stored) must be a time of docs/contract.md §1's
 * range. */
int
model_check_acted_at(const struct incident *inc, const char *at, jtime_t now,
    char *err, size_t errlen)
{
	char stamp[20];
	jtime_t t;

	snprintf(stamp, sizeof stamp, "%.19s", at);
	if (strlen(at) != 25 || jtime_parse(stamp, &t, NULL, 0) != 0)
		return err_set(err, errlen, ST_DATAERR, _("'%s' is not a time "
		    "(expected YYYY-MM-DD HH:MM)"), at);
	return model_check_time(_("the time done"), t, inc->drill != NULL ?
	    MODEL_NO_CLOCK : now, err, errlen);
}

static int
check_action_input(const struct incident *inc, enum action_status status,
    const char *by, const char *at, const char *note, jtime_t now,
    char *err, size_t errlen)
{
	int rc = model_check_by(by, err, errlen);

	if (rc == ST_OK && at != NULL)
		rc = model_check_acted_at(inc, at, now, err, errlen);
	if (rc == ST_OK && note != NULL)
		rc = model_check_prose(status == ACTION_SKIPPED ? _("the reason") :
		    _("the note"), note, err, errlen);
	return rc;
}

/* Done twice is no change; done by an answer alone has no "by" yet, so
 * recording it is a change. */
static int
no_change(const struct check_item *item, enum action_status status)
{
	return item->status == status && item->record != NULL &&
	    status != ACTION_SKIPPED;
}

int
model_apply_action(struct store *st, const struct model_data *d,
    struct incident *fresh, const char *action, enum action_status status,
    const char *by, const char *at, const char *note, jtime_t now,
    char *err, size_t errlen)
{
	const struct check_item *item;
	struct evaluation ev;
	char nowiso[26];
	int same = 0, rc = model_refuse_closed(fresh, err, errlen);

	if (rc != ST_OK)
		return rc;
	model_evaluate(d, fresh, &ev);
	rc = check_action(d, &ev, action, &item, err, errlen);
	if (rc == ST_OK)
		rc = model_notice_guard(d, fresh, item, status, &same, err, errlen);
	if (rc == ST_OK && !same && !no_change(item, status)) {
		jtime_format_iso(now, nowiso);
		rc = model_write_action(st, fresh, action, item->status, status, by,
		    at != NULL ? at : nowiso, note, now, err, errlen);
		if (rc == ST_OK)
			rc = model_refresh_summary(st, d, fresh, err, errlen);
	}
	model_evaluation_free(&ev);
	return rc;
}

int
model_set_action(struct store *st, const struct model_data *d,
    struct incident *inc, const char *action, enum action_status status,
    const char *by, const char *at, const char *note, jtime_t now,
    char *err, size_t errlen)
{
	struct incident *fresh;
	int rc;

	if ((rc = check_action_input(inc, status, by, at, note, now, err,
	    errlen)) != ST_OK ||
	    (rc = model_begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = model_apply_action(st, d, fresh, action, status, by, at, note,
	    now, err, errlen);
	return model_end_fresh(st, inc, fresh, rc, err, errlen);
}

int
model_add_note(struct store *st, const struct model_data *d,
    struct incident *inc, const char *text, const char *by, jtime_t now,
    char *err, size_t errlen)
{
	struct incident *fresh;
	int rc;

	if ((rc = model_check_prose(_("the note"), text, err, errlen)) != ST_OK ||
	    (rc = model_check_by(by, err, errlen)) != ST_OK ||
	    (rc = model_begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = model_refuse_closed(fresh, err, errlen);
	if (rc == ST_OK)
		rc = model_add_event(st, inc->id, now, EVENT_NOTE, NULL, NULL,
		    text, by, err, errlen);
	return model_end_fresh(st, inc, fresh, rc, err, errlen);
}

int
model_verify(struct store *st, const struct incident *inc, long at,
    struct chain_report *out, char *err, size_t errlen)
{
	return chain_verify(st, inc->id, at, out, err, errlen);
}
