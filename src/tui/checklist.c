/*
 * checklist.c - the live checklist panel and the action detail window.
 * The panel is laid out as rows first (assessment, then each phase's
 * actions, with the contact line under each open urgent action), then the
 * rows that fit are drawn: the urgent actions come first in the model's
 * order, so the top of the panel is what matters in the first hour.
 */
#include "tui/checklist.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/rows.h"
#include "tui/term.h"
#include "tui/words.h"

/* Adds text wrapped to cols, every line indented by `indent` columns. */
static void
add_wrapped(struct tui_rows *r, const char *text, int indent, int cols,
    attr_t a, int item, int maxlines)
{
	struct text_lines l;
	char *line;
	size_t i;

	tui_wrap(text, cols - indent, &l);
	for (i = 0; i < l.n && (int)i < maxlines; i++) {
		/* Cut short: the last line shown says so. */
		line = xasprintf("%*s%s%s", indent, "", l.line[i],
		    (int)i == maxlines - 1 && (int)l.n > maxlines ?
		    TEXT_CUT_MARK : "");
		tui_rows_add(r, line, NULL, a, item, 0);
		free(line);
	}
	text_lines_free(&l);
}

/* The "Contact: ..." row of an urgent action (its first contact
 * placeholder): the number to call must be on screen without opening
 * anything; the rest is in the detail window. The facility itself is not
 * someone to call, and {answer:KEY} values are in the form already. */
/* A section with neither name nor phone would only say "not set" three
 * times: the panel gives one hint for all of those instead. */
static int
contact_known(struct tui *t, const char *section)
{
	char key[80];
	int known;

	snprintf(key, sizeof key, "%s.name", section);
	known = contacts_get(t->data->contacts, key, t->lang) != NULL;
	snprintf(key, sizeof key, "%s.phone", section);
	return known || contacts_get(t->data->contacts, key, t->lang) != NULL;
}

/* The row is left out when the action just above showed the same
 * contact (the ID suspension and the access log are one call to the
 * support desk): `last` holds that section, "" when there was none. */
static void
add_contacts(struct tui *t, struct tui_rows *r, const char *detail, int cols,
    int item, int *unset, char last[64])
{
	const char *p = detail, *open, *close;
	char *name, *desc, *line;
	int same = 0;

	desc = NULL;
	while (desc == NULL && (open = strchr(p, '{')) != NULL &&
	    (close = strchr(open, '}')) != NULL) {
		name = xstrndup(open + 1, (size_t)(close - open - 1));
		if (strcmp(name, "facility") == 0)
			;
		else if (contact_known(t, name)) {
			desc = contacts_describe(t->data->contacts, name,
			    t->lang, _("not set"));
			same = strcmp(name, last) == 0;
			snprintf(last, 64, "%s", name);
		} else if (contacts_section_known(name))
			*unset = 1;
		free(name);
		p = close + 1;
	}
	if (desc == NULL)
		last[0] = '\0';
	if (desc == NULL || same) {
		free(desc);
		return;
	}
	line = xasprintf("%s%s", _("Contact: "), desc);
	add_wrapped(r, line, 4, cols, A_NORMAL, item, 3);
	free(line);
	free(desc);
}

static void
add_due(struct tui_rows *r, const char *label, long due, long today, int cols)
{
	char date[11], left[64], *line;

	jtime_format_date(due, date);
	tui_days_left(due, today, left, sizeof left);
	line = xasprintf("%s%s%s", label, date, left);
	add_wrapped(r, line, 0, cols, A_NORMAL, -1, 2);
	free(line);
}

static void
add_grounds(struct tui *t, struct tui_rows *r, unsigned grounds, int cols)
{
	char *text = rules_grounds_text(t->data->rules, grounds, t->lang,
	    " / "), *line;

	if (text == NULL)
		return;
	line = xasprintf("%s%s", _("Grounds: "), text);
	add_wrapped(r, line, 0, cols, A_NORMAL, -1, 3);
	free(line);
	free(text);
}

/* Why the result is what it is (the heading and the labels), or NULL
 * when the grounds say it all. */
static char *
why_line(struct tui *t, const struct rules_result *res)
{
	const char *heading = rules_why_heading(res);
	char *why, *line;

	if (heading == NULL)
		return NULL;
	why = rules_result_why(t->data->rules, res, t->lang, " / ");
	line = xasprintf("%s: %s", _(heading), why != NULL ? why :
	    _(rules_no_ground_text()));
	free(why);
	return line;
}

/* A narrow strip: the verdict with the two dates and the final report's
 * days (30 or 60), then for an open or negative result why, on one row.
 * Not while the kinds of data are unanswered: in the first minutes the
 * urgent actions and their contacts need the rows. */
static void
add_assessment_short(struct tui *t, const struct evaluation *ev,
    struct tui_rows *r, int cols)
{
	const struct rules_result *res = &ev->result;
	attr_t a = res->reportable == REPORTABLE_YES ?
	    tui_term_attr(TC_ERROR) : A_BOLD;
	char pre[11], fin[11], *line;

	char *dates = NULL;

	if (res->preliminary_due >= 0) {
		jtime_format_date(res->preliminary_due, pre);
		jtime_format_date(res->final_due, fin);
		dates = xasprintf(_("preliminary %s, final %s (%d days)"), pre,
		    fin, res->grounds & (1u << GROUND_UNAUTHORIZED_PURPOSE) ?
		    60 : 30);
	}
	/* The verdict and its dates on one row when they fit, else two:
	 * neither is cut. */
	line = dates == NULL ? xstrdup(tui_reportable_short(res->reportable)) :
	    xasprintf(_("%s  %s"), tui_reportable_short(res->reportable), dates);
	if (dates != NULL && (int)text_width(line) > cols - 1) {
		free(line);
		tui_rows_add(r, tui_reportable_short(res->reportable), NULL, a,
		    -1, 0);
		line = xasprintf("  %s", dates);
	}
	tui_rows_add(r, line, NULL, a, -1, 0);
	free(line);
	free(dates);
	if (res->reportable == REPORTABLE_YES ||
	    res->step == STEP_INCOMPLETE || (line = why_line(t, res)) == NULL)
		return;
	add_wrapped(r, line, 0, cols, A_NORMAL, -1, 1);
	free(line);
}

/* What a "no" rests on, and who reports when it is not the facility
 * alone. */
static void
add_decision(struct tui *t, const struct incident *inc,
    const struct rules_result *res, struct tui_rows *r, int cols)
{
	char *line = why_line(t, res), *facts;

	if (line != NULL)
		add_wrapped(r, line, 0, cols, A_NORMAL, -1, 3);
	free(line);
	facts = res->reportable != REPORTABLE_NO ? NULL :
	    rules_facts_text(t->data->rules, t->data->form, res, inc->values,
	    t->lang, t->lang == LANG_JA ? "、" : "; ");
	if (facts != NULL) {
		line = xasprintf("%s: %s", _("Facts it rests on"), facts);
		add_wrapped(r, line, 0, cols, tui_term_attr(TC_DIM), -1, 3);
		free(line);
		free(facts);
	}
	if (res->report_by != REPORT_BY_FACILITY) {
		line = xasprintf("%s: %s", _("Who reports"),
		    _(rules_report_by_text(res->report_by)));
		add_wrapped(r, line, 0, cols, A_BOLD, -1, 3);
		free(line);
	}
}

static void
add_assessment(struct tui *t, const struct incident *inc,
    const struct evaluation *ev, struct tui_rows *r, int cols)
{
	const struct rules_result *res = &ev->result;
	long today = jtime_day(app_scenario_now(t->app));

	tui_rows_add(r, tui_reportable_short(res->reportable), NULL,
	    res->reportable == REPORTABLE_YES ? tui_term_attr(TC_ERROR) :
	    A_BOLD, -1, 0);
	add_grounds(t, r, res->grounds, cols);
	/* For a "no" the decision row below names the exemption. */
	if (res->exemption != EXEMPTION_NONE &&
	    res->reportable != REPORTABLE_NO) {
		char *line = xasprintf("%s: %s%s", _("Exemption"),
		    rules_exemption_label(t->data->rules, res->exemption,
		    t->lang), _(" (not enough on its own here)"));
		add_wrapped(r, line, 0, cols, A_NORMAL, -1, 3);
		free(line);
	}
	add_decision(t, inc, res, r, cols);
	if (res->preliminary_due >= 0) {
		add_due(r, _("Preliminary (target): "), res->preliminary_due,
		    today, cols);
		add_due(r, _("Final report due: "), res->final_due, today,
		    cols);
	} else if (res->reportable != REPORTABLE_NO)
	{
		char *hint = tui_due_hint(t->data->form, t->lang);

		add_wrapped(r, hint, 0, cols, tui_term_attr(TC_DIM), -1, 2);
		free(hint);
	}
}

static void
add_item(struct tui *t, const struct check_item *it, int idx, long today,
    struct tui_rows *r, int cols, int *unset, char last[64])
{
	static const char *const marks[] = { "[ ] ", "[x] ", "[-] " };
	struct text_lines l;
	char due[16] = "", *line;
	int y, m, d;
	size_t i;
	attr_t a = it->status == ACTION_OPEN ? tui_phase_attr(it->action->phase) :
	    tui_term_attr(TC_DIM);

	if (it->due >= 0) {
		jtime_ymd_from_days(it->due, &y, &m, &d);
		snprintf(due, sizeof due, "%02d-%02d%s", m, d,
		    it->status == ACTION_OPEN && it->due < today ? "!" : "");
	}
	tui_wrap(tr_get(&it->action->title, t->lang), cols - 5 -
	    (int)strlen(due), &l);
	for (i = 0; i < l.n && i < 3; i++) {
		line = xasprintf("%s%s%s", i == 0 ? marks[it->status] : "    ",
		    l.line[i], i == 2 && l.n > 3 ? TEXT_CUT_MARK : "");
		tui_rows_add(r, line, i == 0 && *due ? due : NULL, a, idx, 0);
		free(line);
	}
	text_lines_free(&l);
	if (it->status == ACTION_OPEN && it->action->phase == PHASE_IMMEDIATE)
		add_contacts(t, r, tr_get(&it->action->detail, t->lang), cols,
		    idx, unset, last);
	else
		last[0] = '\0';
}

static void
add_unset_hint(struct tui_rows *r, int cols)
{
	add_wrapped(r, _("Contacts not set yet: open the action (Enter in "
	    "the checklist) and press k to enter them now."), 4, cols,
	    tui_term_attr(TC_DIM), -1, 3);
}

/* The first contact an action's detail names ({section}), the facility
 * itself and {answer:KEY} aside; a pointer into contacts_sections. */
static const char *
first_contact(const char *detail)
{
	const char *p = detail, *open, *close;
	size_t i, n;

	while ((open = strchr(p, '{')) != NULL &&
	    (close = strchr(open, '}')) != NULL) {
		n = (size_t)(close - open - 1);
		for (i = 0; contacts_sections[i] != NULL; i++)
			if (strlen(contacts_sections[i]) == n &&
			    strncmp(open + 1, contacts_sections[i], n) == 0 &&
			    strcmp(contacts_sections[i], "facility") != 0)
				return contacts_sections[i];
		p = close + 1;
	}
	return NULL;
}

static const char *
contact_phone(struct tui *t, const char *section)
{
	char key[80];

	snprintf(key, sizeof key, "%s.phone", section);
	return contacts_get(t->data->contacts, key, t->lang);
}

const char *
tui_checklist_unset_contact(struct tui *t, const struct check_item *it)
{
	const char *section = first_contact(tr_get(&it->action->detail,
	    t->lang));

	return section != NULL && contact_phone(t, section) == NULL ?
	    section : NULL;
}

/* An open urgent action on one line: its title, and right-aligned the
 * phone of whom to call (or that it is not set), so every one of them
 * and its number fit a strip of a 24-line terminal. */
static void
add_urgent_line(struct tui *t, const struct check_item *it, int idx,
    struct tui_rows *r)
{
	const char *section = first_contact(tr_get(&it->action->detail,
	    t->lang));
	const char *phone = section != NULL ? contact_phone(t, section) : NULL;
	char *line, *right = NULL;

	if (phone != NULL)
		right = xasprintf("%s %s", _("Tel"), phone);
	else if (section != NULL)
		right = xasprintf("%s %s", _("Tel"), _("not set"));
	line = xasprintf("[ ] %s", tr_get(&it->action->title, t->lang));
	tui_rows_add(r, line, right, tui_phase_attr(PHASE_IMMEDIATE), idx, 0);
	free(line);
	free(right);
}

static int
urgent(const struct check_item *it)
{
	return it->status == ACTION_OPEN &&
	    it->action->phase == PHASE_IMMEDIATE;
}

void
tui_checklist_order(const struct evaluation *ev, size_t *out)
{
	size_t i, n = 0;

	for (i = 0; i < ev->nitems; i++)
		if (urgent(&ev->items[i]))
			out[n++] = i;
	for (i = 0; i < ev->nitems; i++)
		if (!urgent(&ev->items[i]))
			out[n++] = i;
}

/* The open urgent actions first, before anything else: at
 * 80x24 the strip holds each one with its phone; then the assessment,
 * then the other actions by phase. */
static void
build(struct tui *t, const struct incident *inc, const struct evaluation *ev,
    int cols, int compact, struct tui_rows *r)
{
	long today = jtime_day(app_scenario_now(t->app));
	int last = -1, unset = 0, any = 0;
	char contact[64] = "";
	size_t i;

	for (i = 0; i < ev->nitems; i++) {
		if (!urgent(&ev->items[i]))
			continue;
		if (!any++)
			tui_rows_add(r, tui_phase_label(PHASE_IMMEDIATE), NULL,
			    tui_phase_attr(PHASE_IMMEDIATE), -1, 1);
		if (compact)
			add_urgent_line(t, &ev->items[i], (int)i, r);
		else
			add_item(t, &ev->items[i], (int)i, today, r, cols,
			    &unset, contact);
	}
	if (unset && !compact)
		add_unset_hint(r, cols);
	if (compact)
		add_assessment_short(t, ev, r, cols);
	else
		add_assessment(t, inc, ev, r, cols);
	for (i = 0; i < ev->nitems; i++) {
		if (urgent(&ev->items[i]))
			continue;
		if ((int)ev->items[i].action->phase != last) {
			last = (int)ev->items[i].action->phase;
			tui_rows_add(r, tui_phase_label((enum phase)last), NULL,
			    tui_phase_attr((enum phase)last), -1, 1);
		}
		add_item(t, &ev->items[i], (int)i, today, r, cols, &unset,
		    contact);
	}
}

/* Keeps the selected item's rows in view. */
static void
scroll_to(struct tui_checklist *cl, const struct tui_rows *r, int h)
{
	size_t i;
	int first = -1, last = -1;

	for (i = 0; i < r->n; i++)
		if (r->v[i].item == (int)cl->sel) {
			if (first < 0)
				first = (int)i;
			last = (int)i;
		}
	if (first < 0)
		return;
	/* A phase heading just above belongs with its first item. */
	if (first > 0 && r->v[first - 1].rule)
		first--;
	if (first < cl->top)
		cl->top = first;
	if (last >= cl->top + h)
		cl->top = last - h + 1;
}

static void
draw_row(const struct tui_row *rw, int y, int x, int w, int selected)
{
	attr_t a = selected ? tui_term_attr(TC_FOCUS) : rw->attr;

	if (rw->rule) {
		tui_row_draw(rw, y, x, w, a);
		return;
	}
	if (selected)
		tui_fill(y, x, w, a);
	/* Column x holds the selection marker; rows were wrapped to w - 1. */
	tui_put(y, x, 1, selected ? ">" : " ", a);
	tui_row_draw(rw, y, x + 1, w - 1, a);
}

void
tui_checklist_draw(struct tui *t, const struct incident *inc,
    const struct evaluation *ev, struct tui_checklist *cl,
    const struct tui_box *box, int focused, int compact)
{
	struct tui_rows r = { NULL, 0 };
	int i, body = box->h - 1, more, y0 = box->y + 1;

	build(t, inc, ev, box->w - 1, compact, &r);
	/* A strip has no row to spare: its first heading carries the
	 * panel's title ("Checklist (F2): Immediate ..."). */
	if (compact && r.n > 0 && r.v[0].rule) {
		char *title = xasprintf("%s%s", _("Checklist (F2): "),
		    r.v[0].text);

		free(r.v[0].text);
		r.v[0].text = title;
		body++;
		y0--;
	} else
		tui_rule(box->y, box->x, box->w, focused ?
		    _("Checklist (Esc: back)") : _("Checklist (F2)"), A_BOLD);
	if (body <= 0) {
		tui_rows_free(&r);
		return;
	}
	/* A selection that left the list (its rule no longer applies)
	 * goes to the first item shown. */
	if (cl->sel >= ev->nitems)
		cl->sel = 0;
	if (ev->nitems > 0 && !focused)
		tui_checklist_first(cl, ev);
	/* The last row may say "more below": the selection stays above. */
	if (focused)
		scroll_to(cl, &r, body - 1);
	else
		cl->top = 0;
	/* When rows are left over, the last line says so. */
	more = (size_t)(cl->top + body) < r.n;
	for (i = 0; i < body - more && (size_t)(cl->top + i) < r.n; i++)
		draw_row(&r.v[cl->top + i], y0 + i, box->x, box->w,
		    focused && r.v[cl->top + i].item == (int)cl->sel);
	if (more)
		tui_put(y0 + body - 1, box->x + 1, box->w - 1, focused ?
		    _("(more below)") : _("(more: F2)"),
		    tui_term_attr(TC_DIM));
	tui_rows_free(&r);
}

void
tui_checklist_first(struct tui_checklist *cl, const struct evaluation *ev)
{
	size_t *ord = xcalloc(ev->nitems + 1, sizeof *ord);

	if (ev->nitems > 0) {
		tui_checklist_order(ev, ord);
		cl->sel = ord[0];
	}
	free(ord);
}

void
tui_checklist_move(struct tui_checklist *cl, const struct evaluation *ev,
    int delta)
{
	size_t *ord, pos = 0, i;
	long s;

	if (ev->nitems == 0)
		return;
	ord = xcalloc(ev->nitems, sizeof *ord);
	tui_checklist_order(ev, ord);
	for (i = 0; i < ev->nitems; i++)
		if (ord[i] == cl->sel)
			pos = i;
	s = (long)pos + delta;
	if (s >= (long)ev->nitems)
		s = (long)ev->nitems - 1;
	cl->sel = ord[s < 0 ? 0 : s];
	free(ord);
}

/* The rows an urgent-first panel needs: its open urgent actions, one line
 * each, with the rule above them, the assessment and a "more" line. */
int
tui_checklist_urgent_rows(const struct evaluation *ev)
{
	size_t i;
	int n = 0;

	for (i = 0; i < ev->nitems; i++)
		n += urgent(&ev->items[i]);
	return n + (n > 0) + 3;
}

void
tui_checklist_detail(struct tui *t, const struct incident *inc,
    const struct check_item *it, struct strv *out)
{
	const struct rule_action *a = it->action;
	char date[11], *line, *detail;
	int unset = 0;

	line = xasprintf("%s: %s   %s: %d", _("Phase"),
	    tui_phase_label(a->phase), _("Priority"), a->priority);
	strv_push(out, line);
	free(line);
	if (it->due >= 0) {
		jtime_format_date(it->due, date);
		line = xasprintf("%s %s", _("due"), date);
		strv_push(out, line);
		free(line);
	}
	detail = model_expand_detail(t->data, inc, tr_get(&a->detail, t->lang),
	    t->lang, _("not set"), &unset);
	if (tui_checklist_unset_contact(t, it) != NULL) {
		strv_push(out, "");
		strv_push(out, _("The number to call is not set yet: press k to "
		    "enter it now (settings)."));
	}
	if (*detail != '\0') {
		strv_push(out, "");
		strv_push(out, detail);
	}
	free(detail);
	if (*tr_get(&a->reason, t->lang) != '\0') {
		line = xasprintf("%s%s", _("Why: "), tr_get(&a->reason,
		    t->lang));
		strv_push(out, "");
		strv_push(out, line);
		free(line);
	}
	if (*tr_get(&a->source, t->lang) != '\0') {
		line = xasprintf("%s%s", _("Source: "), tr_get(&a->source,
		    t->lang));
		strv_push(out, line);
		free(line);
	}
	if (it->record != NULL && it->status != ACTION_OPEN) {
		line = xasprintf(_("Recorded: %s by %s at %s"),
		    tui_status_label(it->status), it->record->by != NULL ?
		    it->record->by : "-", it->record->at != NULL ?
		    it->record->at : "-");
		strv_push(out, "");
		strv_push(out, line);
		free(line);
		if (it->record->note != NULL && *it->record->note != '\0') {
			line = xasprintf("%s%s", it->status == ACTION_SKIPPED ?
			    _("Reason: ") : _("Note: "), it->record->note);
			strv_push(out, line);
			free(line);
		}
	} else if (it->done_by_answer && it->status == ACTION_DONE)
		strv_push(out, _("done according to the answers"));
	if (a->confirm)
		strv_push(out, _("please confirm"));
}
