/*
 * model.c - the incident and the operations that change it. Each operation
 * checks what it is asked, then writes the change, its timeline event and
 * the refreshed summary row in one transaction: a crash leaves either all
 * of it or none. The summary row (kind, discovery, reportable, next due)
 * exists so that listing 10 000 incidents does not re-run every rule.
 */
#include "model.h"

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chain.h"
#include "i18n.h"
#include "ini.h"
#include "text.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

static int
check_prefills(const struct model_data *d, char *err, size_t errlen)
{
	const struct form_field *fld;
	const char *v;
	size_t i;

	for (i = 0; i < d->form->nfields; i++) {
		fld = &d->form->fields[i];
		if (fld->prefill == NULL)
			continue;
		v = contacts_get(d->contacts, fld->prefill, LANG_EN);
		if (v != NULL && fld->nchoices > 0 &&
		    form_choice_index(fld, v) < 0)
			return err_set(err, errlen, ST_CONFIG,
			    _("contacts.conf: %s = '%s' is not a value of %s"),
			    fld->prefill, v, fld->key);
	}
	return ST_OK;
}

static int
load_contacts(struct model_data *d, char *err, size_t errlen)
{
	char *path, *user = contacts_user_file();
	int rc;

	d->contacts = contacts_new();
	path = xasprintf("%s/data/contacts.conf", d->dir);
	rc = contacts_merge_file(d->contacts, path, err, errlen);
	free(path);
	if (rc == ST_OK)
		rc = contacts_merge_file(d->contacts,
		    SYSCONFDIR "/anshin-ir/contacts.conf", err, errlen);
	if (rc == ST_OK && user != NULL)
		rc = contacts_merge_file(d->contacts, user, err, errlen);
	free(user);
	return rc;
}

int
model_data_reload_contacts(struct model_data *d, char *err, size_t errlen)
{
	struct contacts *old = d->contacts;
	int rc = load_contacts(d, err, errlen);

	if (rc == ST_OK)
		rc = check_prefills(d, err, errlen);
	if (rc != ST_OK) {
		contacts_free(d->contacts);
		d->contacts = old;
		return ST_CONFIG;
	}
	contacts_free(old);
	return ST_OK;
}

int
model_data_load(const char *dir, struct model_data **out, char *err,
    size_t errlen)
{
	struct model_data *d = xcalloc(1, sizeof *d);
	char *path;
	int rc;

	d->dir = xstrdup(dir);
	path = xasprintf("%s/forms/intake.form", dir);
	rc = form_load(path, &d->form, err, errlen);
	free(path);
	if (rc == ST_OK) {
		path = xasprintf("%s/data/actions.rules", dir);
		rc = rules_load(path, d->form, &d->rules, err, errlen);
		free(path);
	}
	if (rc == ST_OK) {
		path = xasprintf("%s/data/holidays.tsv", dir);
		rc = holidays_load(path, &d->holidays, err, errlen);
		free(path);
	}
	if (rc == ST_OK)
		rc = load_contacts(d, err, errlen);
	if (rc == ST_OK) {
		path = xasprintf("%s/data/drills", dir);
		rc = drill_load_dir(path, d->form, d->rules, d->holidays,
		    &d->drills, err, errlen);
		free(path);
	}
	if (rc == ST_OK)
		rc = check_prefills(d, err, errlen);
	if (rc != ST_OK) {
		model_data_free(d);
		return ST_CONFIG;
	}
	*out = d;
	return ST_OK;
}

void
model_data_free(struct model_data *d)
{
	if (d == NULL)
		return;
	rules_free(d->rules);
	form_free(d->form);
	holidays_free(d->holidays);
	contacts_free(d->contacts);
	drill_set_free(&d->drills);
	free(d->dir);
	free(d);
}

const char *
model_status_name(enum action_status s)
{
	static const char *const names[] = { "open", "done", "skipped" };

	return names[s];
}

static int
status_parse(const char *s)
{
	int i;

	for (i = ACTION_OPEN; i <= ACTION_SKIPPED; i++)
		if (strcmp(s, model_status_name((enum action_status)i)) == 0)
			return i;
	return ACTION_OPEN;
}

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
	/* Then the file's order, which is the order a person acts in (SPEC
	 * §4: a remote wipe before the line is suspended). Both point into
	 * the same array of actions. */
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

void
answer_set_free(struct answer_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].key);
		free(s->v[i].value);
	}
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static void
answer_push(struct answer_set *s, const char *key, char *value, int line)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n].key = xstrdup(key);
	s->v[s->n].value = value;
	s->v[s->n].line = line;
	s->n++;
}

struct answers_loader {
	const struct model_data *d;
	struct answer_set *out;
};

static int
answers_line(void *ud, const struct ini_line *l, char *err, size_t errlen)
{
	struct answers_loader *ld = ud;
	const struct form_field *fld;
	char keys[2048], *canon;
	size_t i;
	int rc;

	if (l->key == NULL)
		return err_set(err, errlen, ST_DATAERR,
		    _("sections are not allowed in an answers file "
		    "(expected 'key = value')"));
	fld = form_field_find(ld->d->form, l->key);
	if (fld == NULL) {
		form_keys_list(ld->d->form, keys, sizeof keys);
		return err_set(err, errlen, ST_DATAERR,
		    _("unknown key '%s' (known keys: %s)"), l->key, keys);
	}
	for (i = 0; i < ld->out->n; i++)
		if (strcmp(ld->out->v[i].key, l->key) == 0)
			return err_set(err, errlen, ST_DATAERR,
			    _("key '%s' given twice (first on line %d)"), l->key,
			    ld->out->v[i].line);
	/* "key =" with nothing after it leaves the key unanswered, so a
	 * template with blanks can be filled in bit by bit. */
	if (l->value[0] == '\0') {
		answer_push(ld->out, l->key, NULL, l->line);
		return ST_OK;
	}
	rc = form_value_normalize(fld, l->value, &canon, err, errlen);
	if (rc != ST_OK)
		return rc;
	answer_push(ld->out, l->key, canon, l->line);
	return ST_OK;
}

/* The values vector of an answer set over an empty incident. */
static char **
values_from_set(const struct model_data *d, const struct answer_set *s)
{
	char **values = xcalloc(d->form->nfields, sizeof *values);
	size_t i;
	int idx;

	for (i = 0; i < s->n; i++) {
		idx = form_field_index(d->form, s->v[i].key);
		if (idx >= 0 && s->v[i].value != NULL)
			values[idx] = s->v[i].value;
	}
	return values;
}

static int
time_error(const struct model_data *d, char *const *values, jtime_t now,
    int by_label, const char **key, char *err, size_t errlen);

int
model_answers_parse(const struct model_data *d, const char *text, size_t len,
    const char *name, jtime_t now, struct answer_set *out, char *err,
    size_t errlen)
{
	struct answers_loader ld = { d, out };
	const char *bad = NULL;
	char msg[512], **values;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	rc = ini_parse_string(text, len, name, answers_line, &ld, err, errlen);
	if (rc != ST_OK) {
		answer_set_free(out);
		return ST_DATAERR;
	}
	values = values_from_set(d, out);
	rc = time_error(d, values, now, 0, &bad, msg, sizeof msg);
	free(values);
	if (rc != ST_OK) {
		for (i = 0; i < out->n; i++)
			if (strcmp(out->v[i].key, bad) == 0)
				break;
		err_set(err, errlen, rc, "%s:%d: %s", name,
		    i < out->n ? out->v[i].line : 0, msg);
		answer_set_free(out);
	}
	return rc;
}

static int
value_time(const struct model_data *d, char *const *values, const char *key,
    jtime_t *t)
{
	int i = form_field_index(d->form, key);

	if (i < 0 || values[i] == NULL || strcmp(values[i], "unknown") == 0)
		return 0;
	return jtime_parse(values[i], t, NULL, 0) == 0;
}

int
model_check_time(const char *what, jtime_t t, jtime_t now, char *err,
    size_t errlen)
{
	char at[20], lim[20];

	jtime_format_canon(t, at);
	if (t < MODEL_TIME_MIN)
		return err_set(err, errlen, ST_DATAERR, _("%s %s is before "
		    "2000-01-01"), what, at);
	if (now != MODEL_NO_CLOCK && t > now + 86400) {
		jtime_format_canon(now, lim);
		return err_set(err, errlen, ST_DATAERR, _("%s %s is more than a "
		    "day in the future (now %s, Japan time)"), what, at, lim);
	}
	return ST_OK;
}

/* How a time answer is named in a message: by its key in an answers
 * file (whose author wrote the keys), else by its label in the screen's
 * language (the person typing never saw a key). */
static const char *
time_name(const struct model_data *d, const char *key, int by_label)
{
	const struct form_field *fld = form_field_find(d->form, key);

	return by_label && fld != NULL ? tr_get(&fld->label, d->lang) : key;
}

/* The SPEC §2 cross-field checks; *key names the offending answer. */
static int
time_error(const struct model_data *d, char *const *values, jtime_t now,
    int by_label, const char **key, char *err, size_t errlen)
{
	const struct form_field *fld;
	jtime_t disc, occ, t;
	char at[20], lim[20];
	size_t i;

	for (i = 0; i < d->form->nfields; i++) {
		fld = &d->form->fields[i];
		*key = fld->key;
		if (fld->type == FORM_TIME &&
		    value_time(d, values, fld->key, &t) &&
		    model_check_time(time_name(d, fld->key, by_label), t, now,
		    err, errlen) != ST_OK)
			return ST_DATAERR;
	}
	if (value_time(d, values, "discovered_at", &disc) &&
	    value_time(d, values, "occurred_at", &occ) && occ > disc) {
		*key = "occurred_at";
		jtime_format_canon(occ, at);
		jtime_format_canon(disc, lim);
		return err_set(err, errlen, ST_DATAERR,
		    _("%s %s is after %s %s"), time_name(d, "occurred_at",
		    by_label), at, time_name(d, "discovered_at", by_label), lim);
	}
	return ST_OK;
}

int
model_check_times(const struct model_data *d, char *const *values,
    jtime_t now, char *err, size_t errlen)
{
	const char *key;

	return time_error(d, values, now, 1, &key, err, errlen);
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

static int
add_event_at(struct store *st, long id, jtime_t now, const char *kind,
    const char *key, const char *old, const char *new_, const char *by,
    const char *acted_at, char *err, size_t errlen)
{
	struct store_event ev;
	char at[26];

	jtime_format_iso(now, at);
	memset(&ev, 0, sizeof ev);
	ev.at = at;
	ev.kind = kind;
	ev.key = key;
	ev.old = old;
	ev.new_ = new_;
	ev.by = by;
	ev.acted_at = acted_at;
	return store_event_add(st, id, &ev, err, errlen);
}

static int
add_event(struct store *st, long id, jtime_t now, const char *kind,
    const char *key, const char *old, const char *new_, const char *by,
    char *err, size_t errlen)
{
	return add_event_at(st, id, now, kind, key, old, new_, by, NULL, err,
	    errlen);
}

/* Who a change is by: a name, on one line (the timeline prints it). */
static int
check_by(const char *by, char *err, size_t errlen)
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
static int
check_prose(const char *what, const char *text, char *err, size_t errlen)
{
	char msg[256];

	if (text == NULL || text[strspn(text, " \t\r\n")] == '\0')
		return err_set(err, errlen, ST_DATAERR, _("%s is empty"), what);
	if (text_check_input(text, 1, MODEL_TEXT_MAX, msg, sizeof msg) != 0)
		return err_set(err, errlen, ST_DATAERR, "%s: %s", what, msg);
	return ST_OK;
}

/* Writes the summary columns `list` reads. */
static int
refresh_summary(struct store *st, const struct model_data *d,
    const struct incident *inc, char *err, size_t errlen)
{
	struct evaluation ev;
	const char *disc = incident_value(d, inc, "discovered_at");
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
	    incident_value(d, inc, "kind"), disc_min[0] ? disc_min : NULL,
	    rules_reportable_name(ev.result.reportable), due[0] ? due : NULL,
	    incident_value(d, inc, "summary"), err, errlen);
	model_evaluation_free(&ev);
	return rc;
}

static int
finish(struct store *st, int rc, char *err, size_t errlen)
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
		rc = add_event(st, inc->id, now, "answer", key, old, value, by,
		    err, errlen);
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
	char **values = values_from_set(d, a);
	jtime_t t = now;
	int y, m, day;

	value_time(d, values, "discovered_at", &t);
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
	rc = check_by(by, err, errlen);
	if (rc == ST_OK)
		rc = store_begin(st, err, errlen);
	if (rc != ST_OK) {
		incident_free(inc);
		return rc;
	}
	rc = store_incident_insert(st, creation_year(d, answers, now),
	    drill != NULL, drill, created, &inc->id, inc->ref, err, errlen);
	if (rc == ST_OK)
		rc = add_event(st, inc->id, now, "created", NULL, NULL,
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
		rc = refresh_summary(st, d, inc, err, errlen);
	rc = finish(st, rc, err, errlen);
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
	r->status = (enum action_status)status_parse(a->status);
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
static int
begin_fresh(struct store *st, const struct model_data *d,
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
static int
end_fresh(struct store *st, struct incident *inc, struct incident *fresh,
    int rc, char *err, size_t errlen)
{
	rc = finish(st, rc, err, errlen);
	incident_take(inc, fresh);
	return rc;
}

static int
refuse_closed(const struct incident *inc, char *err, size_t errlen)
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
model_set_answers(struct store *st, const struct model_data *d,
    struct incident *inc, const struct answer_set *changes, const char *by,
    jtime_t now, unsigned flags, char *err, size_t errlen)
{
	struct incident *fresh;
	size_t i;
	int rc, idx;

	if ((rc = check_by(by, err, errlen)) != ST_OK ||
	    (rc = begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = refuse_closed(fresh, err, errlen);
	if (rc == ST_OK && (flags & MODEL_SEEN))
		rc = find_stale(d, inc, fresh, changes, err, errlen);
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
		rc = refresh_summary(st, d, fresh, err, errlen);
	return end_fresh(st, inc, fresh, rc, err, errlen);
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
static int
write_action(struct store *st, struct incident *inc, const char *action,
    enum action_status old, enum action_status s, const char *by,
    const char *at, const char *note, jtime_t now, char *err, size_t errlen)
{
	struct store_action a = { action, model_status_name(s), by, at, note };
	int rc;

	rc = store_action_put(st, inc->id, &a, err, errlen);
	if (rc == ST_OK)
		rc = add_event_at(st, inc->id, now, "action", action,
		    model_status_name(old), model_status_name(s), by, at, err,
		    errlen);
	if (rc == ST_OK && note != NULL && *note != '\0')
		rc = add_event(st, inc->id, now, "note", action, NULL, note, by,
		    err, errlen);
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

/* `at` (ISO 8601, as stored) must be a time of SPEC §1's range. */
static int
check_acted_at(const struct incident *inc, const char *at, jtime_t now,
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
	int rc = check_by(by, err, errlen);

	if (rc == ST_OK && at != NULL)
		rc = check_acted_at(inc, at, now, err, errlen);
	if (rc == ST_OK && note != NULL)
		rc = check_prose(status == ACTION_SKIPPED ? _("the reason") :
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

static int
apply_action(struct store *st, const struct model_data *d,
    struct incident *fresh, const char *action, enum action_status status,
    const char *by, const char *at, const char *note, jtime_t now,
    char *err, size_t errlen)
{
	const struct check_item *item;
	struct evaluation ev;
	char nowiso[26];
	int rc = refuse_closed(fresh, err, errlen);

	if (rc != ST_OK)
		return rc;
	model_evaluate(d, fresh, &ev);
	rc = check_action(d, &ev, action, &item, err, errlen);
	if (rc == ST_OK && !no_change(item, status)) {
		jtime_format_iso(now, nowiso);
		rc = write_action(st, fresh, action, item->status, status, by,
		    at != NULL ? at : nowiso, note, now, err, errlen);
		if (rc == ST_OK)
			rc = refresh_summary(st, d, fresh, err, errlen);
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
	    (rc = begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = apply_action(st, d, fresh, action, status, by, at, note, now, err,
	    errlen);
	return end_fresh(st, inc, fresh, rc, err, errlen);
}

int
model_add_note(struct store *st, const struct model_data *d,
    struct incident *inc, const char *text, const char *by, jtime_t now,
    char *err, size_t errlen)
{
	struct incident *fresh;
	int rc;

	if ((rc = check_prose(_("the note"), text, err, errlen)) != ST_OK ||
	    (rc = check_by(by, err, errlen)) != ST_OK ||
	    (rc = begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = refuse_closed(fresh, err, errlen);
	if (rc == ST_OK)
		rc = add_event(st, inc->id, now, "note", NULL, NULL, text, by,
		    err, errlen);
	return end_fresh(st, inc, fresh, rc, err, errlen);
}

/* Why closing is refused, in words a person reads: the open questions of
 * the assessment by their labels, each open action by its title (with
 * its id, which `done` takes). */
static void
close_reasons(const struct model_data *d, const struct evaluation *ev,
    const char *measures, struct strv *reasons)
{
	const struct check_item *it;
	char *line, *why;
	size_t i;

	if (ev->result.reportable == REPORTABLE_UNDETERMINED) {
		why = rules_result_why(d->rules, &ev->result, d->lang, ", ");
		line = xasprintf(_("the legal assessment is still undetermined "
		    "(%s)"), why != NULL ? why : "");
		strv_push(reasons, line);
		free(line);
		free(why);
	}
	for (i = 0; i < ev->nitems; i++) {
		it = &ev->items[i];
		if (it->status != ACTION_OPEN ||
		    it->action->phase == PHASE_FOLLOWUP)
			continue;
		line = xasprintf(_("the action \"%s\" (%s) is still open"),
		    tr_get(&it->action->title, d->lang), it->action->id);
		strv_push(reasons, line);
		free(line);
	}
	if (measures == NULL || measures[strspn(measures, " \t\r\n")] == '\0')
		strv_push(reasons, _("the recurrence-prevention measures "
		    "(--measures) are empty"));
}

static int
apply_close(struct store *st, const struct model_data *d,
    struct incident *fresh, const char *measures, const char *by,
    jtime_t now, struct strv *reasons, char *err, size_t errlen)
{
	const struct check_item *rp;
	struct evaluation ev;
	char nowiso[26];
	int rc = ST_OK;

	if (fresh->closed)
		return err_set(err, errlen, ST_REFUSED,
		    _("incident %s is already closed"), fresh->ref);
	model_evaluate(d, fresh, &ev);
	close_reasons(d, &ev, measures, reasons);
	if (reasons->n > 0) {
		model_evaluation_free(&ev);
		return err_set(err, errlen, ST_REFUSED,
		    _("incident %s cannot be closed yet"), fresh->ref);
	}
	jtime_format_iso(now, nowiso);
	rp = model_item_find(&ev, "recurrence_prevention");
	if (rp != NULL && rp->status != ACTION_DONE)
		rc = write_action(st, fresh, "recurrence_prevention",
		    rp->status, ACTION_DONE, by, nowiso, NULL, now, err,
		    errlen);
	model_evaluation_free(&ev);
	if (rc == ST_OK)
		rc = store_incident_set_closed(st, fresh->id, 1, measures, err,
		    errlen);
	if (rc == ST_OK)
		rc = add_event(st, fresh->id, now, "closed", NULL, NULL,
		    measures, by, err, errlen);
	if (rc != ST_OK)
		return rc;
	fresh->closed = 1;
	free(fresh->measures);
	fresh->measures = xstrdup(measures);
	return refresh_summary(st, d, fresh, err, errlen);
}

int
model_close(struct store *st, const struct model_data *d,
    struct incident *inc, const char *measures, const char *by, jtime_t now,
    struct strv *reasons, char *err, size_t errlen)
{
	struct incident *fresh;
	int rc;

	/* Empty measures are a reason to list, not an input error. */
	if ((measures != NULL && measures[strspn(measures, " \t\r\n")] != '\0'
	    && (rc = check_prose(_("the measures"), measures, err, errlen)) !=
	    ST_OK) || (rc = check_by(by, err, errlen)) != ST_OK ||
	    (rc = begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = apply_close(st, d, fresh, measures, by, now, reasons, err, errlen);
	return end_fresh(st, inc, fresh, rc, err, errlen);
}

int
model_reopen(struct store *st, const struct model_data *d,
    struct incident *inc, const char *by, jtime_t now, char *err,
    size_t errlen)
{
	struct incident *fresh;
	int rc;

	if ((rc = check_by(by, err, errlen)) != ST_OK ||
	    (rc = begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	if (!fresh->closed)
		rc = err_set(err, errlen, ST_REFUSED,
		    _("incident %s is not closed"), fresh->ref);
	if (rc == ST_OK)
		rc = store_incident_set_closed(st, fresh->id, 0,
		    fresh->measures, err, errlen);
	if (rc == ST_OK)
		rc = add_event(st, fresh->id, now, "reopened", NULL, NULL, NULL,
		    by, err, errlen);
	if (rc == ST_OK)
		fresh->closed = 0;
	return end_fresh(st, inc, fresh, rc, err, errlen);
}

int
model_record_export(struct store *st, struct incident *inc, const char *path,
    const char *by, jtime_t now, char *err, size_t errlen)
{
	int rc = check_by(by, err, errlen);

	if (rc == ST_OK)
		rc = store_begin(st, err, errlen);
	if (rc != ST_OK)
		return rc;
	return finish(st, add_event(st, inc->id, now, "export", NULL, NULL,
	    path, by, err, errlen), err, errlen);
}

char *
model_expand_detail(const struct model_data *d, const struct incident *inc,
    const char *text, enum lang lang, const char *unset, int *contacts_unset)
{
	const char *p = text, *open, *close, *v;
	char key[64], *with_answers, *out;
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "");
	while ((open = strstr(p, "{answer:")) != NULL &&
	    (close = strchr(open, '}')) != NULL &&
	    (size_t)(close - open - 8) < sizeof key) {
		buf_add(&b, p, (size_t)(open - p));
		memcpy(key, open + 8, (size_t)(close - open - 8));
		key[close - open - 8] = '\0';
		v = incident_value(d, inc, key);
		buf_adds(&b, v != NULL ? v : unset);
		p = close + 1;
	}
	buf_adds(&b, p);
	with_answers = buf_steal(&b);
	out = contacts_expand(d->contacts, with_answers, lang, unset,
	    contacts_unset);
	free(with_answers);
	return out;
}

int
model_verify(struct store *st, const struct incident *inc, long at,
    struct chain_report *out, char *err, size_t errlen)
{
	return chain_verify(st, inc->id, at, out, err, errlen);
}

int
model_drill_submit(struct store *st, const struct model_data *d,
    struct incident *inc, const char *by, jtime_t now, char *err,
    size_t errlen)
{
	struct incident *fresh;
	int rc;

	if (inc->drill == NULL)
		return err_set(err, errlen, ST_DATAERR,
		    _("%s is not a drill"), inc->ref);
	if ((rc = check_by(by, err, errlen)) != ST_OK ||
	    (rc = begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	if (!fresh->closed) {
		rc = store_incident_set_closed(st, fresh->id, 1, NULL, err,
		    errlen);
		if (rc == ST_OK)
			rc = add_event(st, fresh->id, now, "closed", NULL, NULL,
			    "drill", by, err, errlen);
		if (rc == ST_OK)
			fresh->closed = 1;
	}
	return end_fresh(st, inc, fresh, rc, err, errlen);
}

/* When a drill run started and ended, read off its timeline. */
struct drill_clock {
	jtime_t started, submitted;
	int have_start, have_end;
	char by[64];
};

static void
drill_clock_event(void *ud, const struct store_event *ev)
{
	struct drill_clock *k = ud;
	char stamp[20];
	jtime_t t;

	/* "YYYY-MM-DDTHH:MM:SS+09:00": the first 19 characters are what
	 * jtime_parse reads as Japan time. */
	snprintf(stamp, sizeof stamp, "%.19s", ev->at);
	if (jtime_parse(stamp, &t, NULL, 0) != 0)
		return;
	if (!k->have_start && strcmp(ev->kind, "created") == 0) {
		k->started = t;
		k->have_start = 1;
		snprintf(k->by, sizeof k->by, "%s", ev->by != NULL ? ev->by : "");
	} else if (!k->have_end && strcmp(ev->kind, "closed") == 0) {
		k->submitted = t;
		k->have_end = 1;
	}
}

int
model_drill_score(struct store *st, const struct model_data *d,
    const struct incident *inc, struct drill_score *out, char *by,
    size_t bylen, char *err, size_t errlen)
{
	const struct drill *dr;
	struct drill_clock k;
	struct strv done = { NULL, 0 };
	size_t i;
	int rc;

	if (inc->drill == NULL)
		return err_set(err, errlen, ST_DATAERR,
		    _("%s is not a drill"), inc->ref);
	dr = drill_find(&d->drills, inc->drill);
	if (dr == NULL)
		return err_set(err, errlen, ST_NOINPUT,
		    _("the scenario '%s' of %s is no longer in the data "
		    "directory"), inc->drill, inc->ref);
	memset(&k, 0, sizeof k);
	rc = store_events_get(st, inc->id, drill_clock_event, &k, err, errlen);
	if (rc != ST_OK)
		return rc;
	for (i = 0; i < inc->nrecords; i++)
		if (inc->records[i].status == ACTION_DONE)
			strv_push(&done, inc->records[i].action);
	drill_score(dr, d->form, d->rules, d->holidays, inc->values, &done,
	    k.have_start && k.have_end ? (long)(k.submitted - k.started) : -1,
	    out);
	strv_free(&done);
	snprintf(by, bylen, "%s", k.by);
	return ST_OK;
}
