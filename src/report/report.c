/*
 * report.c - which document an export writes (docs/contract.md §1 export --doc)
 * and the incident report itself, in docs/contract.md §1's order: the cover
 * with the legal assessment, the PPC draft (report_ppc.c), the answers by form
 * page, the checklist, the measures and signatures, then as appendices
 * the notice drafts (report_letter.c) and the timeline
 * (report_timeline.c). Everything is worded in the document's language;
 * pages, fonts and the file are the page engine's business.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

int
report_kind_parse(const char *s)
{
	static const char *const names[] = { "report", "ppc", "notice",
		"announcement", "labels" };
	size_t i;

	for (i = 0; s != NULL && i < sizeof names / sizeof *names; i++)
		if (strcmp(s, names[i]) == 0)
			return (int)i;
	return -1;
}

int
report_stage_parse(const char *s)
{
	if (s != NULL && strcmp(s, "preliminary") == 0)
		return REPORT_STAGE_PRELIMINARY;
	if (s != NULL && strcmp(s, "final") == 0)
		return REPORT_STAGE_FINAL;
	return -1;
}

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
	const struct check_item *it = report_item(r, action);
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

/* A row whose value is an answer: "unknown" or "not entered" when there
 * is none. */
static void
fact_row(struct report_ctx *r, const char *key)
{
	char *text = report_fact_text(r, key);

	report_row2(r, report_field_label(r, key), text);
	free(text);
}

/* Why the result is what it is, the facts a "no" rests on (docs/contract.md §5:
 * the facility's decision, to record), and who reports. */
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
	static const double shares[2] = { 0.3, 0.7 };
	const char *facility = report_profile(r, "facility.name");
	char *grounds = report_grounds_text(r), *open = open_actions_text(r);
	char *persons = report_persons_text(r), printed[17];

	jtime_format_minute(r->o->now, printed);
	/* Rows a little taller than their text: the cover uses its page. */
	report_doc_table(r->doc, 2, shares, REPORT_TABLE_LABELS |
	    REPORT_TABLE_LARGE, 24);
	/* An unset profile value is a blank to fill in on paper. */
	report_row2(r, tx(r, N_("Facility")), facility != NULL ? facility : "");
	report_row2(r, tx(r, N_("Reference")), r->inc->ref);
	fact_row(r, FIELD_KIND);
	fact_row(r, FIELD_SUMMARY);
	fact_row(r, FIELD_OCCURRED_AT);
	fact_row(r, FIELD_DISCOVERED_AT);
	fact_row(r, FIELD_PERSON_IN_CHARGE);
	report_row2(r, tx(r, N_("Persons concerned")), persons);
	report_row2(r, tx(r, N_("Status")), r->inc->closed ?
	    tx(r, N_("closed")) : tx(r, N_("open")));
	report_row2(r, tx(r, N_("Reportable")), tx(r,
	    rules_reportable_text(r->ev.result.reportable)));
	report_row2(r, tx(r, N_("Grounds")), grounds);
	report_row2(r, tx(r, N_("Exemption")), report_exemption_text(r));
	cover_decision(r);
	cover_dues(r);
	report_row2(r, tx(r, N_("Actions")), open);
	report_row2(r, tx(r, N_("Printed")), printed);
	free(grounds);
	free(open);
	free(persons);
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

/* The open actions with a due date, nearest first: what the reader of
 * the cover must see to. */
static void
cover_next(struct report_ctx *r)
{
	static const double shares[2] = { 0.3, 0.7 };
	const struct check_item *best;
	unsigned char *shown = xcalloc(r->ev.nitems + 1, 1);
	size_t i, k, n = 0;
	char *due;

	for (k = 0; k < 5; k++) {
		best = NULL;
		for (i = 0; i < r->ev.nitems; i++)
			if (!shown[i] && r->ev.items[i].status == ACTION_OPEN &&
			    r->ev.items[i].due >= 0 && (best == NULL ||
			    r->ev.items[i].due < best->due))
				best = &r->ev.items[i];
		if (best == NULL)
			break;
		shown[best - r->ev.items] = 1;
		if (n++ == 0) {
			report_doc_heading(r->doc, 2, tx(r, N_("Next due")));
			report_doc_table(r->doc, 2, shares, REPORT_TABLE_LABELS,
			    0);
		}
		due = due_text(r, best->due, ACTION_OPEN);
		report_row2(r, due, tr_get(&best->action->title, r->o->lang));
		free(due);
	}
	free(shown);
}

static int
cover(struct report_ctx *r, struct store *st, char *err, size_t errlen)
{
	int flags = r->ev.result.due_flags;

	report_doc_bookmark(r->doc, 1, tx(r, N_("Cover")));
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
	cover_next(r);
	report_doc_space(r->doc, 6);
	report_doc_para(r->doc, tx(r, N_("This report was drawn up from the "
	    "answers and actions recorded for the incident, to support the "
	    "facility's decisions on reporting and notifying. It is not "
	    "legal advice: the facility decides, and checks each draft "
	    "before it is sent or filed.")));
	return report_chain_note(r, st, err, errlen);
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

/* The title, "please confirm" while the action is open (our reading of
 * the law, docs/legal.md), and its source. */
static char *
checklist_title(const struct report_ctx *r, const struct check_item *it)
{
	const char *title = tr_get(&it->action->title, r->o->lang);
	const char *source = tr_get(&it->action->source, r->o->lang);
	struct buf b;

	buf_init(&b);
	if (it->action->confirm && it->status == ACTION_OPEN)
		buf_addf(&b, tx(r, N_("%s [%s]")), title,
		    tx(r, N_("please confirm")));
	else
		buf_adds(&b, title);
	if (*source != '\0')
		buf_addf(&b, "\n%s%s", tx(r, N_("Source: ")), source);
	return buf_steal(&b);
}

static void
checklist_row(struct report_ctx *r, const struct check_item *it)
{
	const struct action_record *rec = it->record;
	char *title, *due, *when, *progress;
	const char *cells[7];

	title = checklist_title(r, it);
	due = it->due >= 0 ? due_text(r, it->due, it->status) : xstrdup("");
	when = rec != NULL && it->status != ACTION_OPEN ?
	    report_iso_text(rec->at, 16) : xstrdup("");
	cells[0] = phase_text(r, it->action->phase);
	cells[1] = title;
	cells[2] = report_status_text(r, it->status);
	cells[3] = due;
	progress = it->by_notices ? notice_progress_text(&r->inc->notices,
	    r->o->lang) : NULL;
	cells[4] = progress != NULL ? progress : rec != NULL &&
	    it->status != ACTION_OPEN ? rec->by : it->done_by_answer &&
	    it->status == ACTION_DONE ? tx(r, N_("done according to the "
	    "answers")) : "";
	cells[5] = progress != NULL ? "" : when;
	cells[6] = rec != NULL && progress == NULL ? rec->note : NULL;
	report_doc_row(r->doc, cells);
	free(progress);
	free(title);
	free(due);
	free(when);
}

static void
checklist(struct report_ctx *r)
{
	/* IPAex Gothic 9 pt: "Investigate" needs 9 %, "applicable" 8 %; a
	 * time takes two lines, the action and its source the room. */
	static const double shares[7] = { 9, 37, 8, 13, 9, 12, 12 };
	const char *head[7] = { tx(r, N_("Phase")), tx(r, N_("Action")),
		tx(r, N_("Status")), tx(r, N_("Due")), tx(r, N_("By")),
		tx(r, N_("When done")), tx(r, N_("Note")) };
	size_t i;

	report_doc_heading(r->doc, 1, tx(r, N_("Checklist")));
	report_doc_table(r->doc, 7, shares, REPORT_TABLE_HEADER, 0);
	report_doc_row(r->doc, head);
	for (i = 0; i < r->ev.nitems; i++)
		checklist_row(r, &r->ev.items[i]);
}

/* ---- measures, signatures ---------------------------------------------- */

static void
measures(struct report_ctx *r)
{
	if (!r->inc->closed || r->inc->measures == NULL)
		return;
	report_doc_heading(r->doc, 1, tx(r, N_("Recurrence-prevention "
	    "measures")));
	report_doc_para(r->doc, r->inc->measures);
}

/* Kept whole on one page: a signature block split over two is no
 * signature block. */
static void
signatures(struct report_ctx *r)
{
	static const double shares[4] = { 25, 25, 30, 20 };
	const char *head[4] = { tx(r, N_("Role")), tx(r, N_("Name")),
		tx(r, N_("Signature or seal")), tx(r, N_("Date")) };
	const char *rows[2][4] = {
		{ report_field_label(r, FIELD_PERSON_IN_CHARGE),
		    incident_value(r->d, r->inc, FIELD_PERSON_IN_CHARGE), "",
		    "" },
		{ tx(r, N_("Director or manager")),
		    report_profile(r, "facility.representative"), "", "" },
	};

	report_doc_heading(r->doc, 1, tx(r, N_("Signatures")));
	/* Tall rows: room to sign or stamp a seal. */
	report_doc_table(r->doc, 4, shares, REPORT_TABLE_HEADER |
	    REPORT_TABLE_KEEP, 40);
	report_doc_row(r->doc, head);
	report_doc_row(r->doc, rows[0]);
	report_doc_row(r->doc, rows[1]);
}

/* ---- the documents ------------------------------------------------------- */

/* The letter and the public notice go out when the facility itself
 * notifies (for data held only under contract, the business that
 * entrusted it does). */
static int
notifies(const struct report_ctx *r)
{
	return r->ev.result.reportable == REPORTABLE_YES &&
	    r->ev.result.report_by != REPORT_BY_CONTROLLER;
}

static void
appendix(struct report_ctx *r, const char *title)
{
	report_doc_page_break(r->doc);
	report_doc_bookmark(r->doc, 1, title);
	report_doc_note(r->doc, title);
}

static int
whole_report(struct report_ctx *r, struct store *st, char *err,
    size_t errlen)
{
	int rc = cover(r, st, err, errlen);

	if (rc != ST_OK)
		return rc;
	report_doc_page_break(r->doc);
	report_ppc(r);
	report_doc_page_break(r->doc);
	answers(r);
	report_ledger_entry(r, st);
	checklist(r);
	measures(r);
	signatures(r);
	if (notifies(r)) {
		appendix(r, tx(r, N_("Appendix: draft letter to the "
		    "individuals (check before sending)")));
		report_letter(r);
	}
	/* The public notice once the facility has decided to publish (it
	 * replaces letters that cannot reach their readers); before that,
	 * --doc announcement drafts it. */
	if (notifies(r) && report_answer_is(r, FIELD_PUBLICATION, "published")) {
		appendix(r, tx(r, N_("Appendix: draft public notice (when "
		    "the individuals cannot be reached)")));
		report_announcement(r);
	}
	if (r->enquiries.n > 0) {
		appendix(r, tx(r, N_("Appendix: enquiries after the notice")));
		report_enquiries(r);
	}
	report_doc_page_break(r->doc);
	return report_timeline(r, st, err, errlen);
}

static const char *
doc_title(const struct report_ctx *r)
{
	switch (r->o->kind) {
	case REPORT_DOC_PPC:
		return report_ppc_stage(r) == REPORT_STAGE_FINAL ?
		    tx(r, N_("Draft final report to the PPC")) :
		    tx(r, N_("Draft preliminary report to the PPC"));
	case REPORT_DOC_NOTICE:
		return tx(r, N_("Apology and notice concerning a leak (or "
		    "possible leak) of your personal information"));
	case REPORT_DOC_ANNOUNCEMENT:
		return tx(r, N_("Apology and report concerning a leak of "
		    "personal information"));
	case REPORT_DOC_LABELS:
		return tx(r, N_("Address labels"));
	default:
		return tx(r, N_("Incident report: personal information"));
	}
}

static const char *
doc_keyword(const struct report_ctx *r)
{
	switch (r->o->kind) {
	case REPORT_DOC_PPC:
		return tx(r, N_("PPC report draft"));
	case REPORT_DOC_NOTICE:
		return tx(r, N_("notice to the individuals"));
	case REPORT_DOC_ANNOUNCEMENT:
		return tx(r, N_("public notice"));
	case REPORT_DOC_LABELS:
		return tx(r, N_("address labels"));
	default:
		return tx(r, N_("incident report"));
	}
}

/* Metadata in the document's language; a letter's footer carries no
 * software name: it goes to patients. */
static int
write_doc(struct report_ctx *r, const char *path, char *err, size_t errlen)
{
	struct report_furniture f;
	char printed[17], *meta, *title, *subject, *keywords;
	int letter = r->o->kind == REPORT_DOC_NOTICE ||
	    r->o->kind == REPORT_DOC_ANNOUNCEMENT ||
	    r->o->kind == REPORT_DOC_LABELS, rc;

	jtime_format_minute(r->o->now, printed);
	meta = xasprintf(tx(r, N_("anshin-ir · incident %s · printed %s")),
	    r->inc->ref, printed);
	title = xasprintf(tx(r, N_("%s (incident %s)")), doc_title(r),
	    r->inc->ref);
	subject = xasprintf(tx(r, N_("Incident %s: %s")), r->inc->ref,
	    report_kind_text(r));
	keywords = xasprintf(tx(r, N_("%s, %s, %s, personal information, "
	    "leak")), r->inc->ref, doc_keyword(r), report_kind_text(r));
	report_furniture_init(&f, r);
	f.header = letter ? NULL : tx(r, N_("Confidential"));
	f.footer = letter ? NULL : meta;
	/* letters to several people, and labels, are numbered by no one */
	f.numbers = r->o->kind == REPORT_DOC_LABELS ||
	    (r->o->kind == REPORT_DOC_NOTICE && r->recipients.n > 0) ? 0 :
	    letter ? 2 : 1;
	/* Bilingual on purpose: a training copy must never pass for a real
	 * report, whoever reads it. */
	f.watermark = r->o->watermark ? "訓練 / TRAINING" : NULL;
	f.title = title;
	f.subject = subject;
	f.keywords = keywords;
	rc = report_layout_write(r->doc, &f, r->o->font_path, r->o->now, path,
	    err, errlen);
	free(meta);
	free(title);
	free(subject);
	free(keywords);
	return rc;
}

/* The letters or labels of the recipients selected; none is refused
 * (an empty PDF helps no one), and so are labels with no recipients. */
static int
batch(struct report_ctx *r, char *err, size_t errlen)
{
	size_t n;

	if (r->o->kind == REPORT_DOC_NOTICE && r->recipients.n == 0 &&
	    !r->o->only_unsent) {
		report_letter(r);
		n = 1;
	} else
		n = r->o->kind == REPORT_DOC_NOTICE ? report_letters(r) :
		    report_labels(r);
	if (r->o->count != NULL)
		*r->o->count = n;
	if (n > 0)
		return ST_OK;
	if (r->recipients.n == 0)
		return err_set(err, errlen, ST_REFUSED, _("%s has no "
		    "recipients: import them first (anshin-ir notices %s import "
		    "FILE.csv)"), r->inc->ref, r->inc->ref);
	return err_set(err, errlen, ST_REFUSED, r->o->only_unsent ?
	    _("no recipient of %s is unsent: nothing to write") :
	    _("no recipient of %s has an address: nothing to write"),
	    r->inc->ref);
}

static int
compose(struct report_ctx *r, struct store *st, char *err, size_t errlen)
{
	switch (r->o->kind) {
	case REPORT_DOC_PPC:
		report_ppc(r);
		return ST_OK;
	case REPORT_DOC_NOTICE:
	case REPORT_DOC_LABELS:
		return batch(r, err, errlen);
	case REPORT_DOC_ANNOUNCEMENT:
		report_announcement(r);
		return ST_OK;
	default:
		return whole_report(r, st, err, errlen);
	}
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
	rc = notice_load(st, inc->id, &r.recipients, err, errlen);
	if (rc == ST_OK)
		rc = notice_enquiries_load(st, inc->id, &r.enquiries, err,
		    errlen);
	if (rc != ST_OK) {
		notice_list_free(&r.recipients);
		return rc;
	}
	r.doc = report_doc_new();
	model_evaluate(d, inc, &r.ev);
	rc = compose(&r, st, err, errlen);
	if (rc == ST_OK)
		rc = write_doc(&r, path, err, errlen);
	model_evaluation_free(&r.ev);
	report_doc_free(r.doc);
	notice_list_free(&r.recipients);
	notice_enquiries_free(&r.enquiries);
	return rc;
}
