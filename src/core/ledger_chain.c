/*
 * ledger_chain.c - the device ledger's timeline walked: replaying its
 * events into the devices they describe, up to a time (what the ledger
 * said of a device when it was lost) or to the end, where verify compares
 * the replay with the stored devices. The hashes are chain.c's, the same
 * as an incident's; like an incident's, the ledger keeps the count and
 * last hash of its events (ledger_head), so removing the last events
 * shows too.
 */
#include "ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract.h"
#include "i18n.h"
#include "store_ledger.h"

/* The devices the events describe. */
struct replay {
	struct ledger l;
	const char *only;		/* one device, or NULL */
	const char *until;		/* events at or before this time */
};

static struct ledger_device *
replay_find(struct replay *r, const char *id, int add)
{
	size_t i;

	for (i = 0; i < r->l.n; i++)
		if (strcmp(r->l.v[i].id, id) == 0)
			return &r->l.v[i];
	if (!add)
		return NULL;
	r->l.v = xreallocarray(r->l.v, r->l.n + 1, sizeof *r->l.v);
	memset(&r->l.v[r->l.n], 0, sizeof *r->l.v);
	r->l.v[r->l.n].id = xstrdup(id);
	return &r->l.v[r->l.n++];
}

static void
replace(char **slot, const char *v)
{
	free(*slot);
	*slot = v != NULL ? xstrdup(v) : NULL;
}

/* What ledger.c writes for each kind of event, read back. */
static void
replay_apply(struct replay *r, const struct store_ledger_event *ev)
{
	struct ledger_device *dev;
	int k;

	if (ev->device == NULL || ev->kind == NULL ||
	    (r->only != NULL && strcmp(ev->device, r->only) != 0) ||
	    (r->until != NULL && ev->at != NULL && strcmp(ev->at, r->until) > 0))
		return;
	dev = replay_find(r, ev->device, strcmp(ev->kind, "added") == 0);
	if (dev == NULL)
		return;
	if (strcmp(ev->kind, "added") == 0) {
		dev->state = LEDGER_ACTIVE;
		replace(&dev->created_at, ev->at);
	} else if (strcmp(ev->kind, "value") == 0 &&
	    (k = ledger_key_index(ev->key)) >= 0)
		replace(&dev->values[k], ev->new_);
	else if (strcmp(ev->kind, "retired") == 0)
		dev->state = LEDGER_RETIRED;
	else if (strcmp(ev->kind, "lost") == 0) {
		dev->state = LEDGER_LOST;
		replace(&dev->incident, ev->new_);
	}
}

static void
replay_event(void *ud, const struct store_ledger_event *ev)
{
	replay_apply(ud, ev);
}

int
ledger_device_at(struct store *st, const char *id, const char *at,
    struct ledger_device *out, char *err, size_t errlen)
{
	struct replay r;
	int rc;

	memset(&r, 0, sizeof r);
	memset(out, 0, sizeof *out);
	r.only = id;
	r.until = at;
	rc = store_ledger_events_get(st, replay_event, &r, err, errlen);
	if (rc == ST_OK && r.l.n == 0)
		rc = err_set(err, errlen, ST_NOINPUT, _("device '%s' was not in "
		    "the ledger at %s"), id, at != NULL ? at : "");
	if (rc == ST_OK) {
		*out = r.l.v[0];
		r.l.n = 0;
	}
	ledger_free(&r.l);
	return rc;
}

struct lost_find {
	const char *id, *ref;
	char *at;
};

static void
lost_event(void *ud, const struct store_ledger_event *ev)
{
	struct lost_find *f = ud;

	if (ev->kind != NULL && strcmp(ev->kind, "lost") == 0 &&
	    ev->device != NULL && strcmp(ev->device, f->id) == 0 &&
	    ev->new_ != NULL && strcmp(ev->new_, f->ref) == 0)
		snprintf(f->at, 26, "%s", ev->at != NULL ? ev->at : "");
}

int
ledger_lost_at(struct store *st, const char *id, const char *ref,
    char at[26], char *err, size_t errlen)
{
	struct lost_find f = { id, ref, at };

	at[0] = '\0';
	return store_ledger_events_get(st, lost_event, &f, err, errlen);
}

int
ledger_entry_for(struct store *st, const struct model_data *d,
    const struct incident *inc, jtime_t now, struct ledger_device *out,
    char at[26], char *err, size_t errlen)
{
	const char *id = incident_value(d, inc, FIELD_DEVICE);
	const char *disc = incident_value(d, inc, FIELD_DISCOVERED_AT);
	jtime_t t = now;
	int rc;

	memset(out, 0, sizeof *out);
	at[0] = '\0';
	if (id == NULL)
		return err_set(err, errlen, ST_NOINPUT, _("incident %s names no "
		    "device of the ledger"), inc->ref);
	rc = ledger_lost_at(st, id, inc->ref, at, err, errlen);
	if (rc == ST_OK && at[0] == '\0') {
		if (disc != NULL)
			jtime_parse(disc, &t, NULL, 0);
		jtime_format_iso(t, at);
	}
	if (rc == ST_OK)
		rc = ledger_device_at(st, id, at, out, err, errlen);
	if (rc == ST_NOINPUT) {
		at[0] = '\0';
		rc = ledger_load(st, id, out, err, errlen);
	}
	return rc;
}

struct only {
	const char *id;
	void (*fn)(void *ud, const struct store_ledger_event *ev);
	void *ud;
};

static void
only_event(void *ud, const struct store_ledger_event *ev)
{
	struct only *o = ud;

	if (o->id == NULL || (ev->device != NULL &&
	    strcmp(ev->device, o->id) == 0))
		o->fn(o->ud, ev);
}

int
ledger_events(struct store *st, const char *id,
    void (*fn)(void *ud, const struct store_ledger_event *ev), void *ud,
    char *err, size_t errlen)
{
	struct only o = { id, fn, ud };

	return store_ledger_events_get(st, only_event, &o, err, errlen);
}

/* ---- verify ----------------------------------------------------------- */

struct walk {
	char prev[CHAIN_HEX_LEN + 1];
	struct replay r;
	struct chain_report *out;
};

static void
walk_event(void *ud, const struct store_ledger_event *ev)
{
	struct walk *w = ud;
	char want[CHAIN_HEX_LEN + 1];

	if (w->out->broken != 0)
		return;
	w->out->events = ev->seq;
	if (chain_ledger_digest(w->prev, ev, want) != 0 || ev->hash == NULL ||
	    strcmp(ev->hash, want) != 0) {
		w->out->broken = ev->seq;
		snprintf(w->out->what, sizeof w->out->what,
		    _("%s %s %s does not match its hash"), ev->at, ev->kind,
		    ev->device != NULL ? ev->device : "");
		return;
	}
	memcpy(w->prev, ev->hash, sizeof w->prev);
	replay_apply(&w->r, ev);
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* The first way a stored device differs from the replayed one, or
 * NULL; `what` names the key. */
static const char *
device_differs(const struct ledger_device *s, const struct ledger_device *r)
{
	int k;

	if (r == NULL)
		return "id";
	if (s->state != r->state)
		return "state";
	if (!same(s->incident, r->incident))
		return "incident";
	if (!same(s->created_at, r->created_at))
		return "created_at";
	for (k = 0; k < LK_COUNT; k++)
		if (!same(s->values[k], r->values[k]))
			return ledger_keys[k];
	return NULL;
}

static void
compare(struct walk *w, const struct ledger *stored, long events,
    const char *head)
{
	struct chain_report *o = w->out;
	const char *what = NULL;
	size_t i;

	if (events != o->events)
		snprintf(o->what, sizeof o->what, _("the ledger records %ld "
		    "events, its timeline has %ld"), events, o->events);
	else if (o->events > 0 && !same(head, w->prev))
		snprintf(o->what, sizeof o->what, _("the ledger's last hash is "
		    "'%s', its timeline's '%s'"), head, w->prev);
	for (i = 0; o->what[0] == '\0' && i < stored->n; i++)
		if ((what = device_differs(&stored->v[i], replay_find(&w->r,
		    stored->v[i].id, 0))) != NULL)
			snprintf(o->what, sizeof o->what, _("device %s: %s is "
			    "not what the ledger's timeline gives"),
			    stored->v[i].id, what);
	if (o->what[0] == '\0' && stored->n != w->r.l.n)
		snprintf(o->what, sizeof o->what, _("the ledger has %zu "
		    "devices, its timeline %zu"), stored->n, w->r.l.n);
	if (o->what[0] != '\0')
		o->broken = -1;
}

int
ledger_verify(struct store *st, struct chain_report *out, char *err,
    size_t errlen)
{
	struct ledger stored = { NULL, 0 };
	char head[CHAIN_HEX_LEN + 1];
	struct walk w;
	long events;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&w, 0, sizeof w);
	w.out = out;
	chain_zero(w.prev);
	rc = store_ledger_head_get(st, &events, head, err, errlen);
	if (rc == ST_OK)
		rc = store_ledger_events_get(st, walk_event, &w, err, errlen);
	if (rc == ST_OK && out->broken == 0)
		rc = ledger_load_all(st, &stored, err, errlen);
	if (rc == ST_OK && out->broken == 0)
		compare(&w, &stored, events, head);
	if (rc == ST_OK && out->events > 0)
		memcpy(out->head, w.prev, sizeof out->head);
	ledger_free(&stored);
	ledger_free(&w.r.l);
	return rc;
}
