/*
 * report.c - what the PDF report of an incident says and in which order
 * (issue 5, DESIGN "PDF"): the cover with the legal assessment, the
 * answers by form page, the checklist and the timeline here; the drafts
 * for the PPC and the individuals and the signatures in report_draft.c.
 * Everything is worded in the report's language; pages, fonts and the
 * file are report_layout.c's business.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

/* ---- dates ------------------------------------------------------------ */

/* "2026-11-04 (29 days left)" while the action is open, "(done)" once it
 * is done, the bare date when it does not apply. */
static char *
due_text(const struct report_ctx *r, long due, enum action_status status)
{
	char date[11];
	long left = due - r->today;

	jtime_format_date(due, date);
	if (status == ACTION_DONE)
		return xasprintf("%s%s", date, tx(r, N_(" (done)")));
	if (status == ACTION_SKIPPED)
		return xstrdup(date);
	if (left > 0)
		return xasprintf(tx(r, N_("%s (%ld days left)")), date, left);
	if (left == 0)
		return xasprintf("%s%s", date, tx(r, N_(" (due today)")));
	return xasprintf(tx(r, N_("%s (OVERDUE by %ld days)")), date, -left);
}

/* ---- the cover -------------------------------------------------------- */

/* A PPC due date with the days left, "(done)" once its action is. */
static void
due_row(struct report_ctx *r, const char *label, long due, const char *action)
{
	const struct check_item *it = model_item_find(&r->ev, action);
	char *text = due_text(r, due, it != NULL ? it->status : ACTION_OPEN);

	report_row2(r, label, text);
	free(text);
}

static void
cover_dues(struct report_ctx *r)
{
	const struct rules_result *res = &r->ev.result;

	if (res->preliminary_due >= 0) {
		due_row(r, tx(r, N_("Preliminary report (target, day 5)")),
		    res->preliminary_due, "ppc_preliminary_report");
		due_row(r, tx(r, N_("Final report due")), res->final_due,
		    "ppc_final_report");
	} else if (res->reportable != REPORTABLE_NO)
		report_row2(r, tx(r, N_("Final report due")), tx(r,
		    N_("Due dates: enter discovered_at to compute them")));
}

static char *
open_actions_text(const struct report_ctx *r)
{
	size_t i, open = 0, overdue = 0;

	for (i = 0; i < r->ev.nitems; i++) {
		if (r->ev.items[i].status != ACTION_OPEN)
			continue;
		open++;
		if (r->ev.items[i].due >= 0 && r->ev.items[i].due < r->today)
			overdue++;
	}
	return xasprintf(tx(r, N_("%zu open (%zu overdue)")), open, overdue);
}

/* A row whose value is an answer, "to be confirmed" when unanswered. */
static void
answer_row(struct report_ctx *r, const char *key)
{
	char *text = report_answer_text(r, key);

	report_row2(r, report_field_label(r, key), text != NULL ? text :
	    tbc(r));
	free(text);
}

/* Why the result is what it is, the facts a "no" rests on (SPEC §5: the
 * facility's decision, to record), and who reports. */
static void
cover_decision(struct report_ctx *r)
{
	const struct rules_result *res = &r->ev.result;
	const char *heading = rules_why_heading(res);
	char *why, *facts;

	if (heading != NULL) {
		why = rules_result_why(r->d->rules, res, r->o->lang, "\n");
		report_row2(r, tx(r, heading), why != NULL ? why :
		    tx(r, rules_no_ground_text()));
		free(why);
	}
	facts = res->reportable != REPORTABLE_NO ? NULL :
	    rules_facts_text(r->d->rules, r->d->form, res, r->inc->values,
	    r->o->lang, "\n");
	if (facts != NULL)
		report_row2(r, tx(r, N_("Facts it rests on")), facts);
	free(facts);
	report_row2(r, tx(r, N_("Who reports")),
	    tx(r, rules_report_by_text(res->report_by)));
}

static void
cover_table(struct report_ctx *r)
{
	const char *facility = contacts_get(r->d->contacts, "facility.name",
	    r->o->lang);
	char *grounds = report_grounds_text(r), *open = open_actions_text(r);
	char printed[17];

	jtime_format_minute(r->o->now, printed);
	report_labels_table(r, 0.3);
	report_row2(r, tx(r, N_("Facility")), facility != NULL ? facility :
	    tx(r, N_("not set")));
	report_row2(r, tx(r, N_("Reference")), r->inc->ref);
	answer_row(r, "kind");
	answer_row(r, "summary");
	report_row2(r, tx(r, N_("Status")), r->inc->closed ?
	    tx(r, N_("closed")) : tx(r, N_("open")));
	answer_row(r, "discovered_at");
	report_row2(r, tx(r, N_("Reportable")), tx(r, rules_reportable_text(r->ev.result.reportable)));
	report_row2(r, tx(r, N_("Grounds")), grounds);
	report_row2(r, tx(r, N_("Exemption")), report_exemption_text(r));
	cover_decision(r);
	cover_dues(r);
	report_row2(r, tx(r, N_("Actions")), open);
	report_row2(r, tx(r, N_("Printed")), printed);
	free(grounds);
	free(open);
}

/* Required questions still open, so the reader knows what is missing. */
static void
cover_missing(struct report_ctx *r)
{
	const struct form *f = r->d->form;
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < f->nfields; i++) {
		if (!f->fields[i].required || r->inc->values[i] != NULL ||
		    !form_field_visible(f, i, r->inc->values))
			continue;
		buf_adds(&b, b.len > 0 ? tx(r, N_(", ")) :
		    tx(r, N_("Still to answer: ")));
		buf_adds(&b, tr_get(&f->fields[i].label, r->o->lang));
	}
	if (b.len > 0)
		report_doc_para(r->doc, b.s);
	buf_free(&b);
}

static void
cover(struct report_ctx *r)
{
	int flags = r->ev.result.due_flags;

	report_doc_title(r->doc, tx(r, N_("Incident report: personal "
	    "information")));
	cover_table(r);
	if (flags & DEADLINE_PROVISIONAL)
		report_doc_note(r->doc, tx(r, N_("Note: the final due date "
		    "rests on a holiday not yet officially announced.")));
	if (flags & DEADLINE_OUT_OF_RANGE)
		report_doc_note(r->doc, tx(r, N_("Note: the holiday table does "
		    "not cover this year; check the final due date by hand.")));
	cover_missing(r);
	report_doc_para(r->doc, report_disclaimer(r));
	report_doc_page_break(r->doc);
}

/* ---- answers by form page --------------------------------------------- */

static int
shown_on_report(const struct report_ctx *r, size_t i)
{
	const struct form *f = r->d->form;

	return r->inc->values[i] != NULL || (f->fields[i].required &&
	    form_field_visible(f, i, r->inc->values));
}

static void
answers_page(struct report_ctx *r, size_t page)
{
	const struct form *f = r->d->form;
	const struct form_field *fld;
	char *text;
	size_t i;
	int any = 0;

	for (i = 0; i < f->nfields; i++) {
		fld = &f->fields[i];
		if (fld->page != page || !shown_on_report(r, i))
			continue;
		if (!any) {
			report_doc_heading(r->doc, 2,
			    tr_get(&f->pages[page].title, r->o->lang));
			report_labels_table(r, 0.3);
		}
		any = 1;
		text = r->inc->values[i] != NULL ? report_value_text(r, fld,
		    r->inc->values[i]) : xstrdup(tx(r, N_("not answered")));
		report_row2(r, tr_get(&fld->label, r->o->lang), text);
		free(text);
	}
}

static void
answers(struct report_ctx *r)
{
	size_t p;

	report_doc_heading(r->doc, 1, tx(r, N_("5W1H, data affected and "
	    "protection")));
	for (p = 0; p < r->d->form->npages; p++)
		answers_page(r, p);
}

/* ---- checklist --------------------------------------------------------- */

static const char *
phase_text(const struct report_ctx *r, enum phase p)
{
	switch (p) {
	case PHASE_IMMEDIATE:
		return tx(r, N_("Immediate"));
	case PHASE_INVESTIGATE:
		return tx(r, N_("Investigate"));
	case PHASE_REPORT:
		return tx(r, N_("Report"));
	default:
		return tx(r, N_("Follow-up"));
	}
}

/* A status name of the timeline ("open", "done", "skipped"). */
static const char *
status_name_text(const struct report_ctx *r, const char *name)
{
	if (name == NULL)
		return "-";
	if (strcmp(name, "done") == 0)
		return report_status_text(r, ACTION_DONE);
	if (strcmp(name, "skipped") == 0)
		return report_status_text(r, ACTION_SKIPPED);
	return report_status_text(r, ACTION_OPEN);
}

static void
checklist_row(struct report_ctx *r, const struct check_item *it)
{
	const struct action_record *rec = it->record;
	char *title, *due, *when;
	const char *cells[7];

	title = it->action->confirm ? xasprintf(tx(r, N_("%s [%s]")), tr_get(
	    &it->action->title, r->o->lang), tx(r, N_("please confirm"))) :
	    xstrdup(tr_get(&it->action->title, r->o->lang));
	if (*tr_get(&it->action->source, r->o->lang) != '\0') {
		due = title;
		title = xasprintf("%s\n%s%s", due, tx(r, N_("Source: ")),
		    tr_get(&it->action->source, r->o->lang));
		free(due);
	}
	due = it->due >= 0 ? due_text(r, it->due, it->status) : xstrdup("");
	when = rec != NULL && it->status != ACTION_OPEN ?
	    report_iso_text(rec->at, 16) : xstrdup("");
	cells[0] = phase_text(r, it->action->phase);
	cells[1] = title;
	cells[2] = report_status_text(r, it->status);
	cells[3] = due;
	cells[4] = rec != NULL && it->status != ACTION_OPEN ? rec->by :
	    it->done_by_answer && it->status == ACTION_DONE ?
	    tx(r, N_("done according to the answers")) : "";
	cells[5] = when;
	cells[6] = rec != NULL ? rec->note : NULL;
	report_doc_row(r->doc, cells);
	free(title);
	free(due);
	free(when);
}

static void
checklist(struct report_ctx *r)
{
	/* Measured in IPAex Gothic 8 pt: "2026-10-06 09:00" needs 16 %,
	 * "Investigate" 10 %, "applicable" 9 %. */
	static const double shares[7] = { 10, 26, 9, 13, 10, 16, 16 };
	const char *head[7] = { tx(r, N_("Phase")), tx(r, N_("Action")),
		tx(r, N_("Status")), tx(r, N_("Due")), tx(r, N_("By")),
		tx(r, N_("When")), tx(r, N_("Note")) };
	size_t i;

	report_doc_heading(r->doc, 1, tx(r, N_("Checklist")));
	report_doc_table(r->doc, 7, shares, REPORT_TABLE_HEADER, 0);
	report_doc_row(r->doc, head);
	for (i = 0; i < r->ev.nitems; i++)
		checklist_row(r, &r->ev.items[i]);
}

/* ---- timeline ---------------------------------------------------------- */

static const char *
event_kind_text(const struct report_ctx *r, const char *kind)
{
	static const char *const kinds[][2] = {
		{ "created", N_("created") },
		{ "answer", N_("answer") },
		{ "action", N_("action") },
		{ "note", N_("note") },
		{ "export", N_("export") },
		{ "closed", N_("closed") },
		{ "reopened", N_("reopened") },
	};
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i][0]) == 0)
			return tx(r, kinds[i][1]);
	return kind;
}

/* What the event's key names: a question's label or an action's title. */
static const char *
event_item_text(const struct report_ctx *r, const struct store_event *ev)
{
	const struct rule_action *a;

	if (ev->key == NULL)
		return "";
	if (strcmp(ev->kind, "answer") == 0)
		return report_field_label(r, ev->key);
	a = rules_action_find(r->d->rules, ev->key);
	return a != NULL ? tr_get(&a->title, r->o->lang) : ev->key;
}

static char *
answer_value_text(const struct report_ctx *r, const char *key,
    const char *value)
{
	const struct form_field *fld = form_field_find(r->d->form, key);

	if (value == NULL)
		return xstrdup("-");
	return fld != NULL ? report_value_text(r, fld, value) : xstrdup(value);
}

static char *
event_change_text(const struct report_ctx *r, const struct store_event *ev)
{
	char *old, *new_, *s;

	if (strcmp(ev->kind, "action") == 0)
		return xasprintf("%s → %s", status_name_text(r, ev->old),
		    status_name_text(r, ev->new_));
	if (strcmp(ev->kind, "answer") != 0 || ev->key == NULL)
		return xstrdup(ev->new_ != NULL ? ev->new_ : "");
	old = answer_value_text(r, ev->key, ev->old);
	new_ = answer_value_text(r, ev->key, ev->new_);
	s = xasprintf("%s → %s", old, new_);
	free(old);
	free(new_);
	return s;
}

static void
timeline_row(void *ud, const struct store_event *ev)
{
	struct report_ctx *r = ud;
	char *at = report_iso_text(ev->at, 19);
	char *change = event_change_text(r, ev);
	const char *cells[5] = { at, event_kind_text(r, ev->kind),
		event_item_text(r, ev), change, ev->by };

	report_doc_row(r->doc, cells);
	free(at);
	free(change);
}

static int
timeline(struct report_ctx *r, struct store *st, char *err, size_t errlen)
{
	/* "2026-10-06 09:00:00" needs 19 %, "reopened" 9 % (IPAex, 8 pt). */
	static const double shares[5] = { 19, 9, 21, 38, 13 };
	const char *head[5] = { tx(r, N_("At")), tx(r, N_("Event")),
		tx(r, N_("Item")), tx(r, N_("Change")), tx(r, N_("By")) };

	report_doc_heading(r->doc, 1, tx(r, N_("Timeline")));
	report_doc_table(r->doc, 5, shares, REPORT_TABLE_HEADER, 0);
	report_doc_row(r->doc, head);
	return store_events_get(st, r->inc->id, timeline_row, r, err, errlen);
}

/* The last link of the hash chain, so that a printed copy can later be
 * compared with the database (`anshin-ir verify`). */
static int
chain_note(struct report_ctx *r, struct store *st, char *err, size_t errlen)
{
	struct chain_report v;
	char *line;
	int rc;

	rc = model_verify(st, r->inc, 0, &v, err, errlen);
	if (rc != ST_OK)
		return rc;
	/* The export's own event comes after: the head printed here is the
	 * one `verify --at N` gives for this copy later. */
	if (v.broken != 0)
		line = xasprintf(tx(r, N_("Tamper evidence: the record was "
		    "ALTERED after it was written: %s")), v.what);
	else
		line = xasprintf(tx(r, N_("Tamper evidence: as exported, the "
		    "timeline has %ld events and its hash chain is intact; the "
		    "hash of event %ld is %s. To check this printed copy later, "
		    "'anshin-ir verify %s --at %ld' must print the same hash.")),
		    v.events, v.events, v.head, r->inc->ref, v.events);
	report_doc_note(r->doc, line);
	free(line);
	return ST_OK;
}

/* ---- the report -------------------------------------------------------- */

static int
write_doc(struct report_ctx *r, const char *path, char *err, size_t errlen)
{
	struct report_furniture f;
	char printed[17], *meta, *title;
	int rc;

	jtime_format_minute(r->o->now, printed);
	meta = xasprintf(tx(r, N_("anshin-ir · incident %s · printed %s")),
	    r->inc->ref, printed);
	title = xasprintf("anshin-ir incident report %s", r->inc->ref);
	f.footer = report_disclaimer(r);
	f.footer_meta = meta;
	/* Bilingual on purpose: a training copy must never pass for a real
	 * report, whoever reads it. */
	f.watermark = r->o->watermark ? "訓練 / TRAINING" : NULL;
	f.info_title = title;
	rc = report_layout_write(r->doc, &f, r->o->font_path, r->o->now, path,
	    err, errlen);
	free(meta);
	free(title);
	return rc;
}

int
report_write(const struct model_data *d, struct store *st,
    const struct incident *inc, const struct report_opts *o, const char *path,
    char *err, size_t errlen)
{
	struct report_ctx r;
	int rc;

	memset(&r, 0, sizeof r);
	r.d = d;
	r.inc = inc;
	r.o = o;
	r.today = jtime_day(o->now);
	r.doc = report_doc_new();
	model_evaluate(d, inc, &r.ev);
	cover(&r);
	answers(&r);
	checklist(&r);
	rc = timeline(&r, st, err, errlen);
	if (rc == ST_OK)
		rc = chain_note(&r, st, err, errlen);
	if (rc == ST_OK) {
		report_draft_ppc(&r);
		report_draft_notice(&r);
		report_draft_closing(&r);
		rc = write_doc(&r, path, err, errlen);
	}
	model_evaluation_free(&r.ev);
	report_doc_free(r.doc);
	return rc;
}
