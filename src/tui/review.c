/*
 * review.c - the incident screen: a title bar, a row of tabs for
 * the five views, the current view's rows (only those in the window are
 * drawn) and the key hints from the key table; loading the incident, its
 * checklist and timeline, and dispatching keys. The changes themselves
 * are in review_act.c.
 */
#include "tui/review.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/term.h"

/* The body: between the tab row and the hint bar; column 0 holds the
 * checklist's selection marker. */
#define BODY_Y 2
#define BODY_H (LINES - 3)
#define BODY_X 1
#define BODY_W (COLS - 2)

void
review_status(struct review *r, const char *msg)
{
	free(r->status);
	r->status = msg != NULL ? xstrdup(msg) : NULL;
}

void
review_message(struct review *r, const char *title, const struct strv *paras)
{
	tui_view(r->t, title, paras);
}

void
review_message1(struct review *r, const char *title, const char *text)
{
	struct strv p = { NULL, 0 };

	strv_push(&p, text);
	review_message(r, title, &p);
	strv_free(&p);
}

/* ---- loading ---- */

static void
events_free(struct review *r)
{
	size_t i;

	for (i = 0; i < r->nevents; i++) {
		free(r->events[i].at);
		free(r->events[i].kind);
		free(r->events[i].key);
		free(r->events[i].old);
		free(r->events[i].new_);
		free(r->events[i].by);
	}
	free(r->events);
	r->events = NULL;
	r->nevents = r->cap_events = 0;
}

static char *
dup_opt(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
collect_event(void *ud, const struct store_event *ev)
{
	struct review *r = ud;
	struct review_event *e;

	if (r->nevents == r->cap_events) {
		r->cap_events = r->cap_events ? r->cap_events * 2 : 64;
		r->events = xreallocarray(r->events, r->cap_events,
		    sizeof *r->events);
	}
	e = &r->events[r->nevents++];
	e->at = dup_opt(ev->at);
	e->kind = dup_opt(ev->kind);
	e->key = dup_opt(ev->key);
	e->old = dup_opt(ev->old);
	e->new_ = dup_opt(ev->new_);
	e->by = dup_opt(ev->by);
}

static const char *
sel_id(const struct review *r)
{
	return r->inc != NULL && r->sel < r->ev.nitems ?
	    r->ev.items[r->sel].action->id : NULL;
}

/* Reads the incident, its checklist and its timeline again; the
 * selection stays on the same action. */
static int
reload(struct review *r)
{
	struct incident *inc;
	char *keep = sel_id(r) != NULL ? xstrdup(sel_id(r)) : NULL;
	size_t i;
	int rc;

	rc = model_load(r->t->st, r->t->data, r->ref, &inc, r->t->err,
	    sizeof r->t->err);
	if (rc != ST_OK) {
		free(keep);
		return rc;
	}
	incident_free(r->inc);
	r->inc = inc;
	snprintf(r->ref, sizeof r->ref, "%s", inc->ref);
	model_evaluation_free(&r->ev);
	model_evaluate(r->t->data, inc, &r->ev);
	events_free(r);
	rc = store_events_get(r->t->st, inc->id, collect_event, r, r->t->err,
	    sizeof r->t->err);
	for (i = 0; keep != NULL && i < r->ev.nitems; i++)
		if (strcmp(r->ev.items[i].action->id, keep) == 0)
			r->sel = i;
	if (r->sel >= r->ev.nitems)
		r->sel = r->ev.nitems > 0 ? r->ev.nitems - 1 : 0;
	free(keep);
	r->rows_cols = -1;
	return rc;
}

int
review_refresh(struct review *r)
{
	if (reload(r) == ST_OK)
		return 1;
	review_message1(r, _("Error"), r->t->err);
	return 0;
}

/* ---- drawing ---- */

static void
layout(struct review *r)
{
	struct review_data d = { r->t, r->inc, &r->ev, r->events, r->nevents };

	if (r->rows_cols == BODY_W)
		return;
	tui_rows_free(&r->rows);
	review_view_build(&d, r->view, BODY_W, &r->rows);
	r->rows_cols = BODY_W;
}

static int
max_top(const struct review *r)
{
	return (int)r->rows.n > BODY_H ? (int)r->rows.n - BODY_H : 0;
}

/* The checklist keeps the selected item's rows (and a heading just
 * above its first one) in the window. */
static void
follow_selection(struct review *r)
{
	int *top = &r->top[RV_CHECKLIST], first = -1, last = -1;
	size_t i;

	for (i = 0; i < r->rows.n; i++)
		if (r->rows.v[i].item == (int)r->sel) {
			if (first < 0)
				first = (int)i;
			last = (int)i;
		}
	if (first < 0)
		return;
	if (first > 0 && r->rows.v[first - 1].rule)
		first--;
	if (first > 1 && r->sel == 0)
		first = 0;
	if (last >= *top + BODY_H)
		*top = last - BODY_H + 1;
	if (first < *top)
		*top = first;
}

/* selected: 1 on the item's first row (which gets the marker), 2 on
 * its other rows. */
static void
draw_row(const struct tui_row *rw, int y, int selected)
{
	attr_t a = selected ? tui_term_attr(TC_FOCUS) : rw->attr;

	if (selected && !rw->rule) {
		tui_fill(y, 0, COLS, a);
		tui_put(y, 0, 1, selected == 1 ? ">" : " ", a);
	}
	tui_row_draw(rw, y, BODY_X, BODY_W, a);
}

static void
draw_tabs(struct review *r)
{
	char *label;
	int v, x = 0;

	for (v = 0; v < RV_COUNT && x < COLS; v++) {
		label = xasprintf(v == (int)r->view ? "[%d %s]" : " %d %s ",
		    v + 1, review_view_name((enum review_view)v));
		x += tui_put(1, x, COLS - x, label, v == (int)r->view ?
		    tui_term_attr(TC_FOCUS) : A_NORMAL) + 1;
		free(label);
	}
}

static unsigned
key_ctx(const struct review *r)
{
	/* Close or reopen: only the one that applies is offered. */
	return KC_REVIEW | (r->inc->closed ? KC_RCLOSED : KC_ROPEN) |
	    (r->view == RV_CHECKLIST ? KC_RLIST : 0);
}

static void
draw_bars(struct review *r)
{
	const char *kind = incident_value(r->t->data, r->inc, FIELD_KIND);
	const struct form_field *kf = form_field_find(r->t->data->form, FIELD_KIND);
	char *title, *right, *hints, pos[64] = "";

	title = xasprintf("anshin-ir  %s  %s", r->inc->ref, kind != NULL &&
	    kf != NULL ? form_choice_label(kf, kind, r->t->lang) : "");
	/* Where the window is in a long view: lines shown / all lines. */
	if ((int)r->rows.n > BODY_H)
		snprintf(pos, sizeof pos, "%d-%d/%zu  ", r->top[r->view] + 1,
		    r->top[r->view] + BODY_H < (int)r->rows.n ?
		    r->top[r->view] + BODY_H : (int)r->rows.n, r->rows.n);
	right = xasprintf("%s[%s]", pos, r->inc->closed ? _("closed") :
	    _("open"));
	hints = r->status != NULL ? xstrdup(r->status) :
	    tui_keys_bar(key_ctx(r), r->t->lang);
	tui_draw_bars(title, right, hints);
	free(title);
	free(right);
	free(hints);
}

static void
draw(struct review *r)
{
	const struct tui_row *rw;
	int i, sel, *top = &r->top[r->view];

	tui_erase();
	curs_set(0);
	layout(r);
	if (r->view == RV_CHECKLIST)
		follow_selection(r);
	if (*top > max_top(r))
		*top = max_top(r);
	if (*top < 0)
		*top = 0;
	draw_bars(r);
	draw_tabs(r);
	/* Only the rows inside the window are drawn, however long the
	 * view (a timeline of hundreds of events). */
	for (i = 0; i < BODY_H && (size_t)(*top + i) < r->rows.n; i++) {
		rw = &r->rows.v[*top + i];
		sel = r->view == RV_CHECKLIST && rw->item >= 0 &&
		    rw->item == (int)r->sel;
		if (sel && *top + i > 0 && rw[-1].item == rw->item)
			sel = 2;
		draw_row(rw, BODY_Y + i, sel);
	}
}

/* ---- help and keys ---- */

static const char *
view_help(enum review_view v)
{
	switch (v) {
	case RV_SUMMARY:
		return _("Summary: the intake's answers page by page. e edits "
		    "them in the wizard; every change is recorded in the "
		    "timeline.");
	case RV_CHECKLIST:
		return _("Checklist: the actions the rules require for this "
		    "incident. Enter shows the selected one's detail (why, the "
		    "source, whom to call); d marks it done (who, when, a memo), "
		    "s marks it not applicable with a reason, o sets it back to "
		    "open; each change is a timeline event.");
	case RV_TIMELINE:
		return _("Timeline: every change, oldest first, with who and "
		    "when. Home and End jump to the first and the last event.");
	case RV_ASSESS:
		return _("Assessment: whether the incident must be reported to "
		    "the PPC, on which grounds, by when, and why each action "
		    "applies (the rule's reason and source). [please confirm] "
		    "marks a reading of the law to check.");
	default:
		return _("Notes: memos kept in the timeline with who and when. "
		    "a adds one, in any view.");
	}
}

static void
help(struct review *r)
{
	struct strv p = { NULL, 0 };

	strv_push(&p, view_help(r->view));
	strv_push(&p, "");
	strv_push(&p, _("Closing the incident (c) needs the assessment "
	    "decided and no urgent, investigation or report action open; it "
	    "asks for the recurrence-prevention measures. r reopens a closed "
	    "incident. x writes the PDF report. Every change asks for your "
	    "name, which the record keeps."));
	strv_push(&p, "");
	strv_push(&p, _("Keys:"));
	tui_keys_help(key_ctx(r), r->t->lang, &p);
	review_message(r, review_view_name(r->view), &p);
	strv_free(&p);
}

static void
scroll_by(struct review *r, enum tui_act act)
{
	long n = r->view == RV_CHECKLIST ? (long)r->ev.nitems : 0, s;
	long page = BODY_H > 2 ? BODY_H - 1 : 1;
	int *top = &r->top[r->view];

	if (r->view == RV_CHECKLIST) {
		s = (long)r->sel + (act == TA_UP ? -1 : act == TA_DOWN ? 1 :
		    act == TA_PAGE_NEXT ? 5 : act == TA_PAGE_PREV ? -5 :
		    act == TA_TOP ? -n : n);
		s = s >= n ? n - 1 : s;
		r->sel = s < 0 ? 0 : (size_t)s;
		return;
	}
	*top += act == TA_UP ? -1 : act == TA_DOWN ? 1 : act == TA_PAGE_NEXT ?
	    (int)page : act == TA_PAGE_PREV ? -(int)page : 0;
	if (act == TA_TOP)
		*top = 0;
	if (act == TA_BOTTOM)
		*top = max_top(r);
	if (*top > max_top(r))
		*top = max_top(r);
	if (*top < 0)
		*top = 0;
}

static void
switch_view(struct review *r, int v)
{
	r->view = (enum review_view)((v + RV_COUNT) % RV_COUNT);
	r->rows_cols = -1;
}

static void
handle(struct review *r, enum tui_act act, int key)
{
	switch (act) {
	case TA_VIEW:
		switch_view(r, key - '1');
		break;
	case TA_NEXT:
	case TA_PREV:
		switch_view(r, (int)r->view + (act == TA_NEXT ? 1 : -1));
		break;
	case TA_UP:
	case TA_DOWN:
	case TA_PAGE_NEXT:
	case TA_PAGE_PREV:
	case TA_TOP:
	case TA_BOTTOM:
		layout(r);
		scroll_by(r, act);
		break;
	case TA_MARK_DONE:
	case TA_SKIP:
	case TA_REOPEN_ACTION:
	case TA_DETAIL:
	case TA_NOTE:
		review_act(r, act);
		break;
	case TA_EDIT:
		review_edit(r);
		break;
	case TA_CLOSE:
		review_close(r);
		break;
	case TA_REOPEN:
		review_reopen(r);
		break;
	case TA_EXPORT:
		review_export(r);
		break;
	case TA_HELP:
		help(r);
		break;
	case TA_BACK:
	case TA_QUIT:
		tui_screen_end(&r->s, ST_OK);
		break;
	case TA_INTERRUPT:
		if (tui_ask(r->t, _("Quit anshin-ir?"))) {
			r->quit = 1;
			tui_screen_end(&r->s, ST_OK);
		}
		break;
	default:
		break;
	}
}

static void
review_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct review *r = TUI_SCREEN_OF(s, struct review, s);

	review_status(r, NULL);
	handle(r, act, key);
	if (!s->done)
		tui_bench_review(r->t);
}

static void
review_draw(struct tui_screen *s)
{
	draw(TUI_SCREEN_OF(s, struct review, s));
}

static unsigned
review_ctx(const struct tui_screen *s)
{
	return key_ctx(TUI_SCREEN_OF(s, struct review, s));
}

/* The rows were laid out for the old width. */
static void
review_resize(struct tui_screen *s)
{
	TUI_SCREEN_OF(s, struct review, s)->rows_cols = -1;
}

/* Too small to see anything: only leaving makes sense. */
static const struct tui_screen_ops review_ops = {
	.small = TUI_SMALL_LEAVE | TUI_ACT(TA_BACK),
	.draw = review_draw,
	.ctx = review_ctx,
	.key = review_key,
	.resize = review_resize,
};

int
tui_review_run(struct tui *t, const char *ref, int *quit)
{
	struct review r;
	int rc;

	memset(&r, 0, sizeof r);
	r.s.ops = &review_ops;
	r.t = t;
	r.rows_cols = -1;
	snprintf(r.ref, sizeof r.ref, "%s", ref);
	rc = reload(&r);
	if (rc == ST_OK)
		rc = tui_run(t, &r.s);
	*quit = r.quit;
	review_status(&r, NULL);
	tui_rows_free(&r.rows);
	events_free(&r);
	model_evaluation_free(&r.ev);
	incident_free(r.inc);
	return rc;
}
