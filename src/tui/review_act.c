/*
 * review_act.c - what the incident screen changes, always through the
 * model, which stores each change with its timeline event: the changes of
 * the checklist and the memo (acts.c, as everywhere actions are listed),
 * the intake in the wizard, closing (refused in words while required
 * actions are open, naming them by title; then the measures, refused on
 * the field while empty), reopening and the PDF export. Each popup shows
 * the name that signs the change, editable. The incident is read again
 * before and after each change, so another instance or the CLI is never
 * overwritten from a stale copy.
 */
#include "tui/review.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report/report.h"
#include "tui/acts.h"
#include "tui/dialog.h"
#include "tui/keys.h"

static const struct check_item *
selected(struct review *r)
{
	return r->sel < r->ev.nitems ? &r->ev.items[r->sel] : NULL;
}

/* d, s, o, Enter on the checklist; a anywhere: acts.c, then the
 * incident, its checklist and timeline read again. */
void
review_act(struct review *r, enum tui_act act)
{
	char *msg = NULL;

	if (!review_refresh(r))
		return;
	if (act != TA_NOTE && act != TA_DETAIL && selected(r) == NULL)
		return;
	tui_act_key(r->t, r->inc, act == TA_NOTE ? NULL : selected(r), act,
	    &msg);
	if (review_refresh(r) && msg != NULL)
		review_status(r, msg);
	free(msg);
}

void
review_edit(struct review *r)
{
	int rc = tui_wizard_run(r->t, r->ref);

	if (rc >= 128)
		return;
	if (rc != ST_OK)
		review_message1(r, _("Error"), r->t->err);
	review_refresh(r);
}

/* Why closing is refused now, from the incident as it is stored, in
 * words: the assessment's open questions by their labels, each open
 * action by its title. Empty when only the measures are missing. */
static void
close_blockers(struct review *r, struct strv *out)
{
	const struct check_item *it;
	char *why, *line;
	size_t i;

	if (r->ev.result.reportable == REPORTABLE_UNDETERMINED) {
		why = rules_result_why(r->t->data->rules, &r->ev.result,
		    r->t->lang, r->t->lang == LANG_JA ? "、" : ", ");
		line = why != NULL ? xasprintf(_("The legal assessment is still "
		    "undetermined: %s."), why) : xstrdup(_("The legal "
		    "assessment is still undetermined."));
		strv_push(out, line);
		free(line);
		free(why);
	}
	for (i = 0; i < r->ev.nitems; i++) {
		it = &r->ev.items[i];
		if (it->status != ACTION_OPEN ||
		    it->action->phase == PHASE_FOLLOWUP)
			continue;
		line = xasprintf(_("Still to do: %s"), tr_get(&it->action->title,
		    r->t->lang));
		strv_push(out, line);
		free(line);
	}
}

static void
close_refused(struct review *r, const struct strv *blockers)
{
	struct strv p = { NULL, 0 };
	size_t i;

	strv_push(&p, _("The incident cannot be closed yet:"));
	for (i = 0; i < blockers->n; i++) {
		char *line = xasprintf("  - %s", blockers->v[i]);

		strv_push(&p, line);
		free(line);
	}
	strv_push(&p, "");
	strv_push(&p, _("Mark those actions done, or not applicable with a "
	    "reason, in the checklist (2); answer what the assessment still "
	    "needs (e edits the intake)."));
	review_message(r, _("Cannot close yet"), &p);
	strv_free(&p);
}

void
review_close(struct review *r)
{
	struct strv blockers = { NULL, 0 }, reasons = { NULL, 0 };
	struct tui_dfield f[2];
	char err[1024];
	int rc;

	if (!review_refresh(r))
		return;
	if (r->inc->closed) {
		review_status(r, _("Already closed: r reopens it."));
		return;
	}
	close_blockers(r, &blockers);
	if (blockers.n > 0) {
		close_refused(r, &blockers);
		strv_free(&blockers);
		return;
	}
	tui_dialog_name(r->t, &f[0]);
	memset(&f[1], 0, sizeof f[1]);
	f[1].label = _("Recurrence-prevention measures (Enter: new line, Tab: "
	    "close the incident)");
	f[1].initial = r->inc->measures;
	f[1].multiline = 1;
	f[1].check = tui_check_required;
	f[1].check_ud = (void *)_("Type the recurrence-prevention measures.");
	if (tui_dialog(r->t, _("Close the incident"), NULL, f, 2, 1)) {
		tui_who_set(r->t, util_trim(f[0].value));
		rc = model_close(r->t->st, r->t->data, r->inc, f[1].value,
		    r->t->who, app_now(r->t->app), &reasons, err, sizeof err);
		if (review_refresh(r)) {
			if (rc == ST_OK) {
				review_status(r, _("Closed. The measures are in "
				    "the summary and the report; r reopens the "
				    "incident."));
				r->view = RV_SUMMARY;
			} else {
				/* Something changed meanwhile: say what now. */
				close_blockers(r, &blockers);
				if (blockers.n > 0)
					close_refused(r, &blockers);
				else
					review_message1(r, _("Error"), err);
			}
		}
	}
	tui_dialog_free(f, 2);
	strv_free(&reasons);
	strv_free(&blockers);
}

void
review_reopen(struct review *r)
{
	struct strv intro = { NULL, 0 };
	struct tui_dfield f;
	char err[1024];
	int rc;

	if (!review_refresh(r))
		return;
	if (!r->inc->closed) {
		review_status(r, _("The incident is open: r reopens a closed "
		    "one."));
		return;
	}
	strv_push(&intro, _("Reopen this incident? This is recorded in the "
	    "timeline."));
	tui_dialog_name(r->t, &f);
	if (tui_dialog(r->t, _("Reopen"), &intro, &f, 1, 0)) {
		tui_who_set(r->t, util_trim(f.value));
		rc = model_reopen(r->t->st, r->t->data, r->inc, r->t->who,
		    app_now(r->t->app), err, sizeof err);
		if (review_refresh(r))
			review_status(r, rc == ST_OK ? _("Reopened.") : err);
	}
	tui_dialog_free(&f, 1);
	strv_free(&intro);
}

/* The report, or the letters (o->kind): where, who; then written and
 * recorded in the timeline, and what came of it said. */
static void
export_doc(struct review *r, struct report_opts *o, const char *title,
    const char *suffix)
{
	char err[1024], *name, *path, *done;
	size_t count = 0;
	int rc;

	if (!review_refresh(r))
		return;
	name = xasprintf("anshin-ir-%s%s.pdf", r->ref, suffix);
	path = tui_dialog_pdf(r->t, title, name, 1);
	free(name);
	if (path == NULL)
		return;
	o->lang = r->t->lang;
	o->now = app_now(r->t->app);
	o->watermark = r->inc->drill != NULL;
	o->count = &count;
	rc = report_write(r->t->data, r->t->st, r->inc, o, path, err,
	    sizeof err);
	if (rc == ST_OK)
		rc = model_record_export(r->t->st, r->inc, path, r->t->who,
		    app_now(r->t->app), err, sizeof err);
	review_refresh(r);
	done = o->kind == REPORT_DOC_NOTICE ? xasprintf(_("%zu letters, one a "
	    "page, were written to:"), count) :
	    xstrdup(_("The report was written to:"));
	tui_pdf_written(r->t, title, done, o->kind == REPORT_DOC_NOTICE ?
	    _("The letters were not written:") :
	    _("The report was not written:"), rc, path, err);
	free(done);
	free(path);
}

void
review_export(struct review *r)
{
	struct report_opts o;

	memset(&o, 0, sizeof o);
	export_doc(r, &o, _("PDF report"), "");
}

void
review_export_letters(struct review *r)
{
	struct report_opts o;

	memset(&o, 0, sizeof o);
	o.kind = REPORT_DOC_NOTICE;
	o.only_unsent = r->notices.only_unsent;
	export_doc(r, &o, r->notices.only_unsent ? _("Letters to the unsent") :
	    _("Letters to the individuals"), r->notices.only_unsent ?
	    "-unsent" : "-letters");
}
