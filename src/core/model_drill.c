/*
 * model_drill.c - a drill run's score (docs/contract.md §8): the run's answers
 * and the actions marked done, and the time from its creation to its
 * submission read off its timeline (no clock for a scripted run).
 */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

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
	if (!k->have_start && strcmp(ev->kind, EVENT_CREATED) == 0) {
		k->started = t;
		k->have_start = 1;
		snprintf(k->by, sizeof k->by, "%s", ev->by != NULL ? ev->by : "");
	} else if (!k->have_end && strcmp(ev->kind, EVENT_CLOSED) == 0) {
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

