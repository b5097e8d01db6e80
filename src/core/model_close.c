/*
 * model_close.c - the changes that end something (model.h): closing an
 * incident (docs/contract.md §4 "Closing", refused with its reasons in words),
 * reopening it, recording an export, and submitting a drill run. Each
 * re-reads the incident inside its transaction, like every change.
 */
#include "model.h"
#include "model_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

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
		rc = model_write_action(st, fresh, "recurrence_prevention",
		    rp->status, ACTION_DONE, by, nowiso, NULL, now, err,
		    errlen);
	model_evaluation_free(&ev);
	if (rc == ST_OK)
		rc = store_incident_set_closed(st, fresh->id, 1, measures, err,
		    errlen);
	if (rc == ST_OK)
		rc = model_add_event(st, fresh->id, now, EVENT_CLOSED, NULL,
		    NULL, measures, by, err, errlen);
	if (rc != ST_OK)
		return rc;
	fresh->closed = 1;
	free(fresh->measures);
	fresh->measures = xstrdup(measures);
	return model_refresh_summary(st, d, fresh, err, errlen);
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
	    && (rc = model_check_prose(_("the measures"), measures, err, errlen)) !=
	    ST_OK) || (rc = model_check_by(by, err, errlen)) != ST_OK ||
	    (rc = model_begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = apply_close(st, d, fresh, measures, by, now, reasons, err, errlen);
	return model_end_fresh(st, inc, fresh, rc, err, errlen);
}

int
model_reopen(struct store *st, const struct model_data *d,
    struct incident *inc, const char *by, jtime_t now, char *err,
    size_t errlen)
{
	struct incident *fresh;
	int rc;

	if ((rc = model_check_by(by, err, errlen)) != ST_OK ||
	    (rc = model_begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	if (!fresh->closed)
		rc = err_set(err, errlen, ST_REFUSED,
		    _("incident %s is not closed"), fresh->ref);
	if (rc == ST_OK)
		rc = store_incident_set_closed(st, fresh->id, 0,
		    fresh->measures, err, errlen);
	if (rc == ST_OK)
		rc = model_add_event(st, fresh->id, now, EVENT_REOPENED, NULL,
		    NULL, NULL, by, err, errlen);
	if (rc == ST_OK)
		fresh->closed = 0;
	return model_end_fresh(st, inc, fresh, rc, err, errlen);
}

int
model_record_export(struct store *st, struct incident *inc, const char *path,
    const char *by, jtime_t now, char *err, size_t errlen)
{
	int rc = model_check_by(by, err, errlen);

	if (rc == ST_OK)
		rc = store_begin(st, err, errlen);
	if (rc != ST_OK)
		return rc;
	return model_finish(st, model_add_event(st, inc->id, now, EVENT_EXPORT,
	    NULL, NULL, path, by, err, errlen), err, errlen);
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
	if ((rc = model_check_by(by, err, errlen)) != ST_OK ||
	    (rc = model_begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	if (!fresh->closed) {
		rc = store_incident_set_closed(st, fresh->id, 1, NULL, err,
		    errlen);
		if (rc == ST_OK)
			rc = model_add_event(st, fresh->id, now, EVENT_CLOSED,
			    NULL, NULL, CONTRACT_DRILL_SUBMITTED, by, err,
			    errlen);
		if (rc == ST_OK)
			fresh->closed = 1;
	}
	return model_end_fresh(st, inc, fresh, rc, err, errlen);
}
