/*
 * review_view.c - the content of the incident screen's five views, laid
 * out as rows wrapped to the body's width: summary (the answers page by
 * page, like `show`), checklist (status, who, when, note or reason),
 * timeline (every event, oldest first), assessment (grounds, exemption,
 * due dates and why each action applies) and notes. Building touches no
 * terminal: review.c draws only the rows inside the window, so a
 * timeline of hundreds of events scrolls as fast as a short one.
 */
#include "tui/review.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/fields.h"
#include "tui/term.h"
#include "tui/words.h"

/* ---- rows ---- */

/* text wrapped to cols with every line indented; right (if any) goes on
 * the first line, which is then wrapped narrower. */
static void
add_wrapped(struct tui_rows *r, const char *text, const char *right,
    int indent, int cols, attr_t a, int item)
{
	struct text_lines l;
	char *line;
	int rw = right != NULL ? (int)text_width(right) + 1 : 0;
	size_t i;

	tui_wrap(text, cols - indent - rw, &l);
	for (i = 0; i < l.n; i++) {
		line = xasprintf("%*s%s", indent, "", l.line[i]);
		tui_rows_add(r, line, i == 0 ? right : NULL, a, item, 0);
		free(line);
	}
	if (l.n == 0)
		tui_rows_add(r, "", right, a, item, 0);
	text_lines_free(&l);
}

/* head, then text wrapped beside it; continuation lines are indented to
 * the width of head (or 4 columns when head takes most of the line). */
static void
add_hanging(struct tui_rows *r, const char *head, const char *text,
    int cols, attr_t a, int item)
{
	struct text_lines l;
	char *line;
	int hw = (int)text_width(head);
	size_t i;

	if (hw > cols / 2) {
		tui_rows_add(r, head, NULL, a, item, 0);
		add_wrapped(r, text, NULL, 4, cols, a, item);
		return;
	}
	tui_wrap(text, cols - hw, &l);
	for (i = 0; i < l.n || i == 0; i++) {
		if (i == 0)
			line = xasprintf("%s%s", head, l.n > 0 ? l.line[0] : "");
		else
			line = xasprintf("%*s%s", hw, "", l.line[i]);
		tui_rows_add(r, line, NULL, a, item, 0);
		free(line);
	}
	text_lines_free(&l);
}

/* s cut or padded with spaces to exactly cols columns (caller frees). */
static char *
pad(const char *s, int cols)
{
	char *clean = text_sanitize(s != NULL ? s : "", 0);
	char *fit = text_fit(clean, (size_t)cols);
	char *out = xasprintf("%s%*s", fit, cols - (int)text_width(fit), "");

	free(fit);
	free(clean);
	return out;
}

/* ---- words shared by several views ---- */

const char *
review_view_name(enum review_view v)
{
	switch (v) {
	case RV_SUMMARY:
		return _("Summary");
	case RV_CHECKLIST:
		return _("Checklist");
	case RV_TIMELINE:
		return _("Timeline");
	case RV_ASSESS:
		return _("Assessment");
	default:
		return _("Notes");
	}
}

void
review_short_time(const char *iso, char *out, size_t len)
{
	if (iso != NULL && strlen(iso) >= 16 && iso[10] == 'T')
		snprintf(out, len, "%.10s %.5s", iso, iso + 11);
	else
		snprintf(out, len, "%s", iso != NULL ? iso : "-");
}

/* A stored status name (contract.h) in words. */
static const char *
status_word(const char *name)
{
	enum action_status s;

	if (name == NULL)
		return "-";
	for (s = ACTION_OPEN; s < ACTION_COUNT; s++)
		if (strcmp(name, contract_status_name(s)) == 0)
			return tui_status_label(s);
	return name;
}

static const char *
action_title(const struct review_data *d, const char *id)
{
	const struct rule_action *a = id != NULL ?
	    rules_action_find(d->t->data->rules, id) : NULL;

	return a != NULL ? tr_get(&a->title, d->t->lang) : id != NULL ? id :
	    "-";
}

/* ---- summary: the answers page by page, like `show` ---- */

static void
summary_head(const struct review_data *d, int cols, struct tui_rows *r)
{
	const struct form *f = d->t->data->form;
	const char *summary = incident_value(d->t->data, d->inc, FIELD_SUMMARY);
	struct buf b;
	char *line;
	size_t i;

	line = xasprintf("%s %s  [%s]%s", _("Incident"), d->inc->ref,
	    d->inc->closed ? _("closed") : _("open"), d->inc->drill != NULL ?
	    _("  TRAINING DRILL") : "");
	tui_rows_add(r, line, NULL, A_BOLD, -1, 0);
	free(line);
	if (summary != NULL)
		add_wrapped(r, summary, NULL, 0, cols, A_NORMAL, -1);
	buf_init(&b);
	for (i = 0; i < f->nfields; i++)
		if (f->fields[i].required && d->inc->values[i] == NULL &&
		    form_field_visible(f, i, d->inc->values))
			buf_addf(&b, "%s%s", b.len ? ", " : _("Still to answer: "),
			    tr_get(&f->fields[i].label, d->t->lang));
	if (b.len > 0)
		add_wrapped(r, b.s, NULL, 0, cols, tui_term_attr(TC_ERROR), -1);
	buf_free(&b);
}

static void
measures_rows(const struct review_data *d, int cols, struct tui_rows *r)
{
	if (d->inc->measures == NULL || *d->inc->measures == '\0')
		return;
	tui_rows_add(r, "", NULL, A_NORMAL, -1, 0);
	tui_rows_add(r, _("Recurrence-prevention measures"), NULL, A_BOLD,
	    -1, 1);
	add_wrapped(r, d->inc->measures, NULL, 2, cols, A_NORMAL, -1);
}

static int
label_column(const struct review_data *d, size_t page, int cols)
{
	const struct form *f = d->t->data->form;
	int w, lw = 8;
	size_t i;

	for (i = 0; i < f->nfields; i++) {
		if (f->fields[i].page != page || d->inc->values[i] == NULL)
			continue;
		w = (int)text_width(tr_get(&f->fields[i].label, d->t->lang));
		lw = w > lw ? w : lw;
	}
	return lw < cols / 3 ? lw : cols / 3;
}

static void
build_summary(const struct review_data *d, int cols, struct tui_rows *r)
{
	const struct form *f = d->t->data->form;
	const struct form_field *fld;
	char *label, *head, *value;
	size_t p, i;
	int lw, shown;

	summary_head(d, cols, r);
	measures_rows(d, cols, r);
	for (p = 0; p < f->npages; p++) {
		lw = label_column(d, p, cols);
		shown = 0;
		for (i = 0; i < f->nfields; i++) {
			fld = &f->fields[i];
			if (fld->page != p || d->inc->values[i] == NULL)
				continue;
			if (!shown) {
				tui_rows_add(r, "", NULL, A_NORMAL, -1, 0);
				tui_rows_add(r, tr_get(&f->pages[p].title,
				    d->t->lang), NULL, A_BOLD, -1, 1);
			}
			shown = 1;
			label = pad(tr_get(&fld->label, d->t->lang), lw);
			head = xasprintf("%s  ", label);
			value = tui_value_label(d->t, fld, d->inc->values[i]);
			add_hanging(r, head, value, cols, A_NORMAL, -1);
			free(value);
			free(head);
			free(label);
		}
	}
}

/* ---- checklist: status, who and when, the note or the reason ---- */

static void
count_line(const struct review_data *d, int cols, struct tui_rows *r)
{
	size_t i, req = 0, fol = 0, done = 0, skipped = 0;
	const struct check_item *it;
	char *line;

	for (i = 0; i < d->ev->nitems; i++) {
		it = &d->ev->items[i];
		if (it->status == ACTION_DONE)
			done++;
		else if (it->status == ACTION_SKIPPED)
			skipped++;
		else if (it->action->phase == PHASE_FOLLOWUP)
			fol++;
		else
			req++;
	}
	line = xasprintf(_("To do: %zu required before closing, %zu follow-up."
	    "  Done: %zu.  Skipped: %zu."), req, fol, done, skipped);
	add_wrapped(r, line, NULL, 0, cols, req > 0 ? A_BOLD : A_NORMAL, -1);
	free(line);
	if (d->inc->closed)
		add_wrapped(r, _("This incident is closed: press r to reopen it "
		    "before changing an action."), NULL, 0, cols,
		    tui_term_attr(TC_DIM), -1);
}

static void
record_rows(const struct review_data *d, const struct check_item *it,
    int idx, int cols, struct tui_rows *r)
{
	attr_t dim = tui_term_attr(TC_DIM);
	char when[32], *line;
	const char *note;

	if (it->record != NULL && it->status != ACTION_OPEN) {
		review_short_time(it->record->at, when, sizeof when);
		line = xasprintf(it->status == ACTION_DONE ? _("done by %s, %s") :
		    _("skipped by %s, %s"), it->record->by != NULL ?
		    it->record->by : "-", when);
		add_wrapped(r, line, NULL, 4, cols, dim, idx);
		free(line);
		note = it->record->note;
		if (note != NULL && *note != '\0') {
			line = xasprintf("%s%s", it->status == ACTION_SKIPPED ?
			    _("Reason: ") : _("Note: "), note);
			add_wrapped(r, line, NULL, 4, cols, dim, idx);
			free(line);
		}
	} else if (it->done_by_answer && it->status == ACTION_DONE)
		add_wrapped(r, _("done according to the answers"), NULL, 4,
		    cols, dim, idx);
	(void)d;
}

static void
build_checklist(const struct review_data *d, int cols, struct tui_rows *r)
{
	static const char *const marks[] = { "[ ] ", "[x] ", "[-] " };
	long today = jtime_day(app_now(d->t->app));
	const struct check_item *it;
	char date[11], left[64], *right, *line;
	int last = -1;
	size_t i;

	count_line(d, cols, r);
	for (i = 0; i < d->ev->nitems; i++) {
		it = &d->ev->items[i];
		if ((int)it->action->phase != last) {
			last = (int)it->action->phase;
			tui_rows_add(r, "", NULL, A_NORMAL, -1, 0);
			tui_rows_add(r, tui_phase_label(it->action->phase),
			    NULL, tui_phase_attr(it->action->phase), -1, 1);
		}
		right = NULL;
		if (it->due >= 0) {
			jtime_format_date(it->due, date);
			left[0] = '\0';
			if (it->status == ACTION_OPEN)
				tui_days_left(it->due, today, left, sizeof left);
			right = xasprintf("%s%s", date + 5, left);
		}
		line = xasprintf("%s%s", marks[it->status],
		    tr_get(&it->action->title, d->t->lang));
		add_wrapped(r, line, right, 0, cols, it->status == ACTION_OPEN ?
		    tui_phase_attr(it->action->phase) : tui_term_attr(TC_DIM),
		    (int)i);
		free(line);
		free(right);
		record_rows(d, it, (int)i, cols, r);
	}
}

/* ---- timeline: every event, oldest first ---- */

static const char *
kind_label(const char *kind)
{
	const char *label = kind != NULL ? contract_event_label(kind) : NULL;

	if (label != NULL)
		return _(label);
	return kind != NULL ? kind : "-";
}

static char *
answer_text(const struct review_data *d, const struct review_event *e)
{
	const struct form_field *fld = e->key != NULL ?
	    form_field_find(d->t->data->form, e->key) : NULL;
	char *old, *new_, *out;

	if (fld == NULL)
		return xasprintf("%s: %s → %s", e->key != NULL ? e->key : "-",
		    e->old != NULL ? e->old : "-", e->new_ != NULL ? e->new_ :
		    _("(cleared)"));
	old = e->old != NULL ? tui_value_label(d->t, fld, e->old) :
	    xstrdup("-");
	new_ = e->new_ != NULL ? tui_value_label(d->t, fld, e->new_) :
	    xstrdup(_("(cleared)"));
	out = xasprintf("%s: %s → %s", tr_get(&fld->label, d->t->lang), old,
	    new_);
	free(old);
	free(new_);
	return out;
}

static char *
event_text(const struct review_data *d, const struct review_event *e)
{
	const char *k = e->kind != NULL ? e->kind : "";
	const char *nw = e->new_ != NULL ? e->new_ : "";

	if (strcmp(k, EVENT_ANSWER) == 0)
		return answer_text(d, e);
	if (strcmp(k, EVENT_ACTION) == 0)
		return xasprintf("%s: %s → %s", action_title(d, e->key),
		    status_word(e->old), status_word(e->new_));
	if (strcmp(k, EVENT_NOTE) == 0 && e->key != NULL)
		return xasprintf("%s: %s", action_title(d, e->key), nw);
	if (strcmp(k, EVENT_CLOSED) == 0)
		return strcmp(nw, CONTRACT_DRILL_SUBMITTED) == 0 ?
		    xstrdup(_("drill submitted")) :
		    xasprintf("%s%s", _("Measures: "), nw);
	if (strcmp(k, EVENT_CREATED) == 0)
		return xstrdup(_("incident recorded"));
	if (strcmp(k, EVENT_REOPENED) == 0)
		return xstrdup(_("incident reopened"));
	return xstrdup(nw);
}

/* "YYYY-MM-DD HH:MM  who           kind    " */
static char *
event_head(const struct review_event *e, int kind_w)
{
	char when[32], *by, *kind, *out;

	review_short_time(e->at, when, sizeof when);
	by = pad(e->by != NULL ? e->by : "-", 12);
	kind = pad(kind_label(e->kind), kind_w);
	out = xasprintf("%-16s  %s  %s  ", when, by, kind);
	free(by);
	free(kind);
	return out;
}

static void
build_timeline(const struct review_data *d, int cols, struct tui_rows *r)
{
#define KIND(id, name, label) id,
	static const char *const kinds[] = { CONTRACT_EVENTS(KIND) };
#undef KIND
	const struct review_event *e;
	char *head, *text;
	int kind_w = 0, w;
	size_t i;
	attr_t a;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		w = (int)text_width(kind_label(kinds[i]));
		kind_w = w > kind_w ? w : kind_w;
	}
	if (d->nevents == 0)
		tui_rows_add(r, _("No events yet."), NULL, A_NORMAL, -1, 0);
	for (i = 0; i < d->nevents; i++) {
		e = &d->events[i];
		head = event_head(e, kind_w);
		text = event_text(d, e);
		a = e->kind != NULL && (strcmp(e->kind, EVENT_CLOSED) == 0 ||
		    strcmp(e->kind, EVENT_REOPENED) == 0) ? A_BOLD : A_NORMAL;
		add_hanging(r, head, text, cols, a, -1);
		free(text);
		free(head);
	}
}

/* ---- assessment: grounds, exemption, due dates, why each action ---- */

static void
due_row(const char *label, long due, long today, int cols,
    struct tui_rows *r)
{
	char date[11], left[64], *line;

	jtime_format_date(due, date);
	tui_days_left(due, today, left, sizeof left);
	line = xasprintf("%s: %s%s", label, date, left);
	add_wrapped(r, line, NULL, 0, cols, due < today ?
	    tui_term_attr(TC_ERROR) : A_NORMAL, -1);
	free(line);
}

/* Why the result is what it is, the facts a "no" rests on (docs/contract.md §5:
 * the facility's decision, to record), and who reports. */
static void
decision_rows(const struct review_data *d, int cols, struct tui_rows *r)
{
	const struct rules_result *res = &d->ev->result;
	const struct model_data *data = d->t->data;
	const char *heading = rules_why_heading(res);
	char *why, *facts, *line;

	if (heading != NULL) {
		why = rules_result_why(data->rules, res, d->t->lang, " / ");
		line = xasprintf("%s: %s", _(heading), why != NULL ? why :
		    _(rules_no_ground_text()));
		add_wrapped(r, line, NULL, 0, cols, A_NORMAL, -1);
		free(line);
		free(why);
	}
	facts = res->reportable != REPORTABLE_NO ? NULL :
	    rules_facts_text(data->rules, data->form, res, d->inc->values,
	    d->t->lang, d->t->lang == LANG_JA ? "、" : "; ");
	if (facts != NULL) {
		line = xasprintf("%s: %s", _("Facts it rests on"), facts);
		add_wrapped(r, line, NULL, 0, cols, A_NORMAL, -1);
		free(line);
		free(facts);
	}
	line = xasprintf("%s: %s", _("Who reports"),
	    _(rules_report_by_text(res->report_by)));
	add_wrapped(r, line, NULL, 0, cols, A_NORMAL, -1);
	free(line);
}

static void
verdict_rows(const struct review_data *d, int cols, struct tui_rows *r)
{
	const struct rules_result *res = &d->ev->result;
	long today = jtime_day(app_now(d->t->app));
	const char *exemption;
	char *line, *grounds;

	line = xasprintf("%s: %s", _("Reportable"),
	    _(rules_reportable_text(res->reportable)));
	add_wrapped(r, line, NULL, 0, cols, res->reportable == REPORTABLE_YES ?
	    tui_term_attr(TC_ERROR) : A_BOLD, -1);
	free(line);
	grounds = rules_grounds_text(d->t->data->rules, res->grounds,
	    d->t->lang, " / ");
	line = xasprintf("%s: %s", _("Grounds"), grounds != NULL ? grounds :
	    _("none"));
	add_wrapped(r, line, NULL, 0, cols, A_NORMAL, -1);
	free(line);
	free(grounds);
	exemption = rules_exemption_label(d->t->data->rules, res->exemption,
	    d->t->lang);
	line = xasprintf("%s: %s%s", _("Exemption"), exemption != NULL ?
	    exemption : _("none"), exemption != NULL &&
	    res->reportable != REPORTABLE_NO ?
	    _(" (not enough on its own here)") : "");
	add_wrapped(r, line, NULL, 0, cols, A_NORMAL, -1);
	free(line);
	decision_rows(d, cols, r);
	if (res->preliminary_due >= 0) {
		due_row(_("Preliminary report (target, day 5)"),
		    res->preliminary_due, today, cols, r);
		due_row(_("Final report due"), res->final_due, today, cols, r);
	} else if (res->reportable != REPORTABLE_NO)
	{
		char *hint = tui_due_hint(d->t->data->form, d->t->lang);

		add_wrapped(r, hint, NULL, 0, cols, tui_term_attr(TC_DIM), -1);
		free(hint);
	}
	if (res->due_flags & DEADLINE_PROVISIONAL)
		add_wrapped(r, _("Note: the final due date rests on a holiday "
		    "not yet officially announced."), NULL, 0, cols, A_NORMAL,
		    -1);
	if (res->due_flags & DEADLINE_OUT_OF_RANGE)
		add_wrapped(r, _("Note: the holiday table does not cover this "
		    "year; check the final due date by hand."), NULL, 0, cols,
		    A_NORMAL, -1);
}

static void
build_assessment(const struct review_data *d, int cols,
    struct tui_rows *r)
{
	static const char *const marks[] = { "[ ] ", "[x] ", "[-] " };
	const struct check_item *it;
	const struct rule_action *a;
	char *line, *confirm;
	size_t i;

	verdict_rows(d, cols, r);
	tui_rows_add(r, "", NULL, A_NORMAL, -1, 0);
	tui_rows_add(r, _("Why each action applies"), NULL, A_BOLD, -1, 1);
	confirm = xasprintf("[%s]", _("please confirm"));
	for (i = 0; i < d->ev->nitems; i++) {
		it = &d->ev->items[i];
		a = it->action;
		line = xasprintf("%s%s", marks[it->status], tr_get(&a->title,
		    d->t->lang));
		add_wrapped(r, line, a->confirm ? confirm : NULL, 0, cols,
		    tui_phase_attr(a->phase), -1);
		free(line);
		if (*tr_get(&a->reason, d->t->lang) != '\0') {
			line = xasprintf("%s%s", _("Why: "), tr_get(&a->reason,
			    d->t->lang));
			add_wrapped(r, line, NULL, 4, cols, A_NORMAL, -1);
			free(line);
		}
		if (*tr_get(&a->source, d->t->lang) != '\0') {
			line = xasprintf("%s%s", _("Source: "),
			    tr_get(&a->source, d->t->lang));
			add_wrapped(r, line, NULL, 4, cols,
			    tui_term_attr(TC_DIM), -1);
			free(line);
		}
	}
	free(confirm);
	tui_rows_add(r, "", NULL, A_NORMAL, -1, 0);
	add_wrapped(r, _("This checklist supports the person in charge; it "
	    "is not legal advice. The facility decides."), NULL, 0, cols,
	    tui_term_attr(TC_DIM), -1);
}

/* ---- notes ---- */

static void
build_notes(const struct review_data *d, int cols, struct tui_rows *r)
{
	const struct review_event *e;
	char when[32], *line;
	size_t i, n = 0;

	if (d->inc->measures != NULL && *d->inc->measures != '\0') {
		tui_rows_add(r, _("Recurrence-prevention measures"), NULL,
		    A_BOLD, -1, 1);
		add_wrapped(r, d->inc->measures, NULL, 2, cols, A_NORMAL, -1);
		tui_rows_add(r, "", NULL, A_NORMAL, -1, 0);
	}
	for (i = 0; i < d->nevents; i++)
		n += d->events[i].kind != NULL &&
		    strcmp(d->events[i].kind, EVENT_NOTE) == 0;
	line = xasprintf(_("Notes (%zu)"), n);
	tui_rows_add(r, line, NULL, A_BOLD, -1, 1);
	free(line);
	if (n == 0)
		add_wrapped(r, _("No notes yet: press a to add one."), NULL, 0,
		    cols, A_NORMAL, -1);
	for (i = 0; i < d->nevents; i++) {
		e = &d->events[i];
		if (e->kind == NULL || strcmp(e->kind, EVENT_NOTE) != 0)
			continue;
		review_short_time(e->at, when, sizeof when);
		if (e->key != NULL)
			line = xasprintf("%s  %s  (%s)", when, e->by != NULL ?
			    e->by : "-", action_title(d, e->key));
		else
			line = xasprintf("%s  %s", when, e->by != NULL ? e->by :
			    "-");
		add_wrapped(r, line, NULL, 0, cols, A_BOLD, -1);
		free(line);
		add_wrapped(r, e->new_ != NULL ? e->new_ : "", NULL, 4, cols,
		    A_NORMAL, -1);
	}
}

void
review_view_build(const struct review_data *d, enum review_view v, int cols,
    struct tui_rows *out)
{
	switch (v) {
	case RV_SUMMARY:
		build_summary(d, cols, out);
		break;
	case RV_CHECKLIST:
		build_checklist(d, cols, out);
		break;
	case RV_TIMELINE:
		build_timeline(d, cols, out);
		break;
	case RV_ASSESS:
		build_assessment(d, cols, out);
		break;
	default:
		build_notes(d, cols, out);
		break;
	}
}
