/*
 * chain.c - owns the meaning of the timeline's hash chain: how an event is
 * hashed, and how verify decides whether a record was altered afterwards.
 *
 * Why it is built this way:
 * - Each field is hashed as its length and bytes (NULL as "-"), so no two
 *   different events serialise alike; the incident's id is hashed too, so
 *   an event moved to another incident breaks.
 * - Events written before an action's own time was recorded (schema 2)
 *   keep their first form ("event 1"); an event with that time uses the
 *   second, and one with a way of sending or a digest (a notice's mark,
 *   the recipients, an enquiry: schema 5) the third. Which form applies
 *   follows from the row, and clearing a field to pass as an earlier form
 *   changes the hash.
 * - What is personal (the recipients' names and addresses, a mark's note,
 *   an enquiry) stays out of the timeline, which the report prints: its
 *   event carries the SHA-256 of it instead (chain_content_digest), and
 *   the replay compares that with the rows (chain_notice.c).
 * - Hashes alone cannot see the last events removed, nor a state row
 *   edited beside an intact timeline: the incident row keeps the count and
 *   the last hash, and the events are replayed into the state they
 *   describe (every change of answers, actions and the incident's own
 *   fields is an event) and compared with the stored one.
 * - Someone who rewrites the whole file and recomputes every hash is not
 *   detected here: only a hash printed earlier (the PDF's, `verify --at N`)
 *   shows that.
 */
#include "chain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain_int.h"
#include "contract.h"
#include "hash.h"
#include "i18n.h"
#include "util.h"

void
chain_zero(char out[CHAIN_HEX_LEN + 1])
{
	memset(out, '0', CHAIN_HEX_LEN);
	out[CHAIN_HEX_LEN] = '\0';
}

static void
digest_field(struct buf *b, const char *v)
{
	if (v == NULL)
		buf_adds(b, "-;");
	else
		buf_addf(b, "%zu:%s;", strlen(v), v);
}

/* SHA-256 of a header naming the chain and the previous hash, then each
 * field as its length and bytes; the one serialisation of both chains. */
static int
digest_fields(const char *header, const char *const *v, size_t n,
    char out[CHAIN_HEX_LEN + 1])
{
	struct buf b;
	size_t i;
	int rc;

	buf_init(&b);
	buf_adds(&b, header);
	for (i = 0; i < n; i++)
		digest_field(&b, v[i]);
	rc = hash_sha256_hex(b.s, b.len, out);
	buf_free(&b);
	return rc;
}

int
chain_digest(long id, const char *prev, const struct store_event *ev,
    char out[CHAIN_HEX_LEN + 1])
{
	const char *v[] = { ev->at, ev->kind, ev->key, ev->old, ev->new_,
	    ev->by, ev->acted_at, ev->via, ev->digest };
	int form = ev->via != NULL || ev->digest != NULL ? 3 :
	    ev->acted_at != NULL ? 2 : 1;
	char header[128];

	snprintf(header, sizeof header, "anshin-ir event %d;%s;%ld;", form,
	    prev, id);
	return digest_fields(header, v, form == 3 ? 9 : form == 2 ? 7 : 6,
	    out);
}

int
chain_content_digest(const char *tag, const char *const *fields, size_t n,
    char out[CHAIN_HEX_LEN + 1])
{
	char header[128];

	snprintf(header, sizeof header, "anshin-ir %s;", tag);
	return digest_fields(header, fields, n, out);
}

/* The ledger has one chain for every device: the device is a field. */
int
chain_ledger_digest(const char *prev, const struct store_ledger_event *ev,
    char out[CHAIN_HEX_LEN + 1])
{
	const char *v[] = { ev->at, ev->kind, ev->device, ev->key, ev->old,
	    ev->new_, ev->by };
	char header[128];

	snprintf(header, sizeof header, "anshin-ir ledger 1;%s;", prev);
	return digest_fields(header, v, sizeof v / sizeof v[0], out);
}

/* ---- the state the events describe ----------------------------------- */

struct kv {
	char *key;
	char *value;
};

struct act {
	char *action, *status, *by, *at, *note;
	int at_known;		/* events before schema 3 lack the time */
};

struct state {
	char *ref;
	int closed;
	char *measures;
	struct kv *answers;
	size_t nanswers;
	struct act *actions;
	size_t nactions;
	struct chain_notices *notices;	/* chain_notice.c */
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
replace(char **slot, const char *v)
{
	free(*slot);
	*slot = dup_or_null(v);
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
state_free(struct state *s)
{
	size_t i;

	for (i = 0; i < s->nanswers; i++) {
		free(s->answers[i].key);
		free(s->answers[i].value);
	}
	for (i = 0; i < s->nactions; i++) {
		free(s->actions[i].action);
		free(s->actions[i].status);
		free(s->actions[i].by);
		free(s->actions[i].at);
		free(s->actions[i].note);
	}
	free(s->answers);
	free(s->actions);
	free(s->ref);
	free(s->measures);
	chain_notices_free(s->notices);
	memset(s, 0, sizeof *s);
}

static struct kv *
answer_slot(struct state *s, const char *key, int add)
{
	size_t i;

	for (i = 0; i < s->nanswers; i++)
		if (strcmp(s->answers[i].key, key) == 0)
			return &s->answers[i];
	if (!add)
		return NULL;
	s->answers = xreallocarray(s->answers, s->nanswers + 1,
	    sizeof *s->answers);
	s->answers[s->nanswers].key = xstrdup(key);
	s->answers[s->nanswers].value = NULL;
	return &s->answers[s->nanswers++];
}

static struct act *
action_slot(struct state *s, const char *action, int add)
{
	size_t i;

	for (i = 0; i < s->nactions; i++)
		if (strcmp(s->actions[i].action, action) == 0)
			return &s->actions[i];
	if (!add)
		return NULL;
	s->actions = xreallocarray(s->actions, s->nactions + 1,
	    sizeof *s->actions);
	memset(&s->actions[s->nactions], 0, sizeof *s->actions);
	s->actions[s->nactions].action = xstrdup(action);
	return &s->actions[s->nactions++];
}

/* What model.c writes for each kind of event, read back. */
static void
apply(struct state *s, const struct store_event *ev, int drill)
{
	struct act *a;

	if (chain_notices_apply(s->notices, ev))
		return;
	if (strcmp(ev->kind, EVENT_CREATED) == 0)
		replace(&s->ref, ev->new_);
	else if (strcmp(ev->kind, EVENT_ANSWER) == 0 && ev->key != NULL)
		replace(&answer_slot(s, ev->key, 1)->value, ev->new_);
	else if (strcmp(ev->kind, EVENT_ACTION) == 0 && ev->key != NULL) {
		a = action_slot(s, ev->key, 1);
		replace(&a->status, ev->new_);
		replace(&a->by, ev->by);
		replace(&a->at, ev->acted_at);
		replace(&a->note, NULL);
		a->at_known = ev->acted_at != NULL;
	} else if (strcmp(ev->kind, EVENT_NOTE) == 0 && ev->key != NULL) {
		/* an action's note follows its action event */
		if ((a = action_slot(s, ev->key, 0)) != NULL)
			replace(&a->note, ev->new_);
	} else if (strcmp(ev->kind, EVENT_CLOSED) == 0) {
		s->closed = 1;
		/* a drill run is submitted without measures */
		replace(&s->measures, drill && ev->key == NULL &&
		    same(ev->new_, CONTRACT_DRILL_SUBMITTED) ? NULL : ev->new_);
	} else if (strcmp(ev->kind, EVENT_REOPENED) == 0)
		s->closed = 0;
}

/* ---- the walk -------------------------------------------------------- */

struct walk {
	long id, at;
	int drill;
	char prev[CHAIN_HEX_LEN + 1];
	struct state s;
	struct chain_report *out;
};

static void
walk_event(void *ud, const struct store_event *ev)
{
	struct walk *w = ud;
	char want[CHAIN_HEX_LEN + 1];

	if (w->out->broken != 0)
		return;
	w->out->events = ev->seq;
	if (chain_digest(w->id, w->prev, ev, want) != 0 || ev->hash == NULL ||
	    strcmp(ev->hash, want) != 0) {
		w->out->broken = ev->seq;
		snprintf(w->out->what, sizeof w->out->what,
		    _("%s %s %s does not match its hash"), ev->at, ev->kind,
		    ev->key != NULL ? ev->key : "");
		return;
	}
	memcpy(w->prev, ev->hash, sizeof w->prev);
	if (ev->seq == w->at)
		memcpy(w->out->head, ev->hash, sizeof w->out->head);
	apply(&w->s, ev, w->drill);
}

/* ---- comparing the replay with the stored state ---------------------- */

struct compare {
	struct state *s;
	char *what;
	size_t len;
	int differs;
};

static void
differ(struct compare *c, const char *fmt, const char *name,
    const char *stored, const char *replayed)
{
	if (c->differs++)
		return;
	snprintf(c->what, c->len, fmt, name, stored != NULL ? stored : "-",
	    replayed != NULL ? replayed : "-");
}

static void
compare_answer(void *ud, const char *key, const char *value)
{
	struct compare *c = ud;
	struct kv *kv = answer_slot(c->s, key, 0);

	if (kv == NULL || !same(kv->value, value))
		differ(c, _("answer %s is '%s' but the timeline gives '%s'"),
		    key, value, kv != NULL ? kv->value : NULL);
	else {
		/* matched: what remains set afterwards was never stored */
		free(kv->value);
		kv->value = NULL;
	}
}

static void
compare_action(void *ud, const struct store_action *a)
{
	struct compare *c = ud;
	struct act *r = action_slot(c->s, a->action, 0);

	if (r == NULL || r->status == NULL)
		differ(c, _("action %s is '%s' but the timeline gives '%s'"),
		    a->action, a->status, NULL);
	else if (!same(r->status, a->status) || !same(r->by, a->by) ||
	    !same(r->note, a->note) || (r->at_known && !same(r->at, a->at)))
		differ(c, _("action %s is '%s' but the timeline gives '%s'"),
		    a->action, a->status, r->status);
	else {
		free(r->status);
		r->status = NULL;
	}
}

/* Stored answers and actions must be exactly the replayed ones: each
 * match is crossed off, and what is left was removed behind our back. */
static void
compare_leftovers(struct compare *c)
{
	size_t i;

	for (i = 0; i < c->s->nanswers; i++)
		if (c->s->answers[i].value != NULL)
			differ(c, _("answer %s is '%s' but the timeline gives "
			    "'%s'"), c->s->answers[i].key, NULL,
			    c->s->answers[i].value);
	for (i = 0; i < c->s->nactions; i++)
		if (c->s->actions[i].status != NULL)
			differ(c, _("action %s is '%s' but the timeline gives "
			    "'%s'"), c->s->actions[i].action, NULL,
			    c->s->actions[i].status);
}

static void
compare_row(struct compare *c, const struct store_incident *row,
    const struct walk *w)
{
	char n[24], m[24];

	if (row->events != w->out->events) {
		snprintf(n, sizeof n, "%ld", row->events);
		snprintf(m, sizeof m, "%ld", w->out->events);
		differ(c, _("%s: the incident records %s events, the timeline "
		    "has %s"), row->ref, n, m);
	} else if (w->out->events > 0 && !same(row->head, w->prev))
		differ(c, _("%s: the incident's last hash is '%s', the "
		    "timeline's '%s'"), row->ref, row->head, w->prev);
	if (!same(row->ref, c->s->ref))
		differ(c, _("%s: the reference is '%s' but the timeline gives "
		    "'%s'"), row->ref, row->ref, c->s->ref);
	if (row->closed != c->s->closed)
		differ(c, _("%s: closed is '%s' but the timeline gives '%s'"),
		    row->ref, row->closed ? "1" : "0", c->s->closed ? "1" : "0");
	if (!same(row->measures, c->s->measures))
		differ(c, _("%s: the measures are '%s' but the timeline gives "
		    "'%s'"), row->ref, row->measures, c->s->measures);
}

static int
compare_state(struct store *st, const struct store_incident *row,
    struct walk *w, char *err, size_t errlen)
{
	struct compare c = { &w->s, w->out->what, sizeof w->out->what, 0 };
	int rc;

	compare_row(&c, row, w);
	rc = store_answers_get(st, row->id, compare_answer, &c, err, errlen);
	if (rc == ST_OK)
		rc = store_actions_get(st, row->id, compare_action, &c, err,
		    errlen);
	if (rc == ST_OK)
		compare_leftovers(&c);
	if (rc == ST_OK)
		rc = chain_notices_compare(st, row->id, w->s.notices, c.what,
		    c.len, &c.differs, err, errlen);
	if (c.differs)
		w->out->broken = -1;
	return rc;
}

int
chain_verify(struct store *st, long id, long at, struct chain_report *out,
    char *err, size_t errlen)
{
	struct store_incident row;
	struct walk w;
	char ref[24];
	int rc;

	memset(out, 0, sizeof *out);
	memset(&w, 0, sizeof w);
	snprintf(ref, sizeof ref, "%ld", id);
	rc = store_incident_get(st, ref, &row, err, errlen);
	if (rc != ST_OK)
		return rc;
	w.id = id;
	w.at = at;
	w.drill = row.drill != NULL;
	w.out = out;
	w.s.notices = chain_notices_new();
	chain_zero(w.prev);
	rc = store_events_get(st, id, walk_event, &w, err, errlen);
	if (rc == ST_OK && out->broken == 0)
		rc = compare_state(st, &row, &w, err, errlen);
	if (rc == ST_OK && out->broken == 0 && at > out->events)
		rc = err_set(err, errlen, ST_DATAERR, _("%s has %ld events; "
		    "there is no event %ld"), row.ref, out->events, at);
	if (rc == ST_OK && at <= 0 && out->events > 0)
		memcpy(out->head, w.prev, sizeof out->head);
	state_free(&w.s);
	store_incident_clear(&row);
	return rc;
}
