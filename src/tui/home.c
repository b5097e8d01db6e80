/*
 * home.c - the home screen (docs/contract.md §7): open incidents, nearest due
 * first, from the summary the model caches on every change, so the list itself
 * stays fast with thousands of incidents. The attention column says in
 * words (it must survive NO_COLOR) how many urgent actions are still open
 * and how many are overdue: those need the rules, run only for the rows
 * on screen, once each. Enter opens the incident screen (review.c), n
 * starts a new incident, d the drills, k the settings, l the device
 * ledger (ledger.c), p writes the first-response card, / searches by
 * reference, summary or kind, f lists the closed incidents instead.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report/report.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/review.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/ui.h"

struct home_row {
	char ref[16];
	int closed;
	char *kind, *next_due, *summary, *discovered;
	int counted;			/* urgent and overdue known */
	int urgent, overdue;		/* open urgent / overdue actions */
};

/* Which incidents the list shows. */
enum home_show { SHOW_OPEN, SHOW_CLOSED };

struct home {
	struct tui_screen s;
	struct tui *t;
	struct home_row *rows;
	size_t n, nopen;
	size_t *shown;			/* rows matching the filter and search */
	size_t nshown, sel;
	int top;
	enum home_show show;
	char *filter;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? xstrdup(s) : NULL;
}

static void
collect(void *ud, const struct store_incident *row)
{
	struct home *h = ud;
	struct home_row *r;

	h->rows = xreallocarray(h->rows, h->n + 1, sizeof *h->rows);
	r = &h->rows[h->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->ref, sizeof r->ref, "%s", row->ref);
	r->closed = row->closed;
	h->nopen += !row->closed;
	r->kind = dup_or_null(row->kind);
	r->next_due = dup_or_null(row->next_due);
	r->summary = dup_or_null(row->summary);
	r->discovered = dup_or_null(row->discovered_at);
}

/* Open before closed; nearest due first, incidents with nothing due
 * last; ties by newest discovery, then newest reference, so the order
 * never wobbles. */
static int
row_cmp(const void *a, const void *b)
{
	const struct home_row *x = a, *y = b;
	int c;

	if (x->closed != y->closed)
		return x->closed - y->closed;
	if ((x->next_due == NULL) != (y->next_due == NULL))
		return x->next_due == NULL ? 1 : -1;
	if (x->next_due != NULL && strcmp(x->next_due, y->next_due) != 0)
		return strcmp(x->next_due, y->next_due);
	c = strcmp(y->discovered != NULL ? y->discovered : "",
	    x->discovered != NULL ? x->discovered : "");
	return c != 0 ? c : strcmp(y->ref, x->ref);
}

static void
rows_free(struct home *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->rows[i].kind);
		free(h->rows[i].next_due);
		free(h->rows[i].summary);
		free(h->rows[i].discovered);
	}
	free(h->rows);
	free(h->shown);
	h->rows = NULL;
	h->shown = NULL;
	h->n = h->nshown = h->nopen = 0;
}

static const char *
kind_label(const struct home *h, const struct home_row *r)
{
	const struct form_field *kf = form_field_find(h->t->data->form, FIELD_KIND);

	return r->kind != NULL && kf != NULL ? form_choice_label(kf, r->kind,
	    h->t->lang) : NULL;
}

static int
matches(const struct home *h, const struct home_row *r)
{
	const char *kind = kind_label(h, r);

	if ((h->show == SHOW_OPEN && r->closed) ||
	    (h->show == SHOW_CLOSED && !r->closed))
		return 0;
	if (h->filter == NULL || *h->filter == '\0')
		return 1;
	return strcasestr(r->ref, h->filter) != NULL || (r->summary != NULL &&
	    strcasestr(r->summary, h->filter) != NULL) || (kind != NULL &&
	    strcasestr(kind, h->filter) != NULL);
}

static void
apply_filter(struct home *h)
{
	size_t i;

	h->nshown = 0;
	for (i = 0; i < h->n; i++)
		if (matches(h, &h->rows[i]))
			h->shown[h->nshown++] = i;
	if (h->sel >= h->nshown)
		h->sel = h->nshown > 0 ? h->nshown - 1 : 0;
}

static int
load(struct home *h)
{
	int rc;

	rows_free(h);
	rc = store_list(h->t->st, STORE_LIST_ALL, collect, h, h->t->err,
	    sizeof h->t->err);
	if (h->n > 0)		/* rows is NULL then: qsort's UB */
		qsort(h->rows, h->n, sizeof *h->rows, row_cmp);
	h->shown = xcalloc(h->n + 1, sizeof *h->shown);
	apply_filter(h);
	return rc;
}

/* ---- drawing ---- */

#define COL_REF 11
#define COL_STATE 9
#define COL_ATTN 20
/* The next due date: in full from 100 columns, else its month and day
 * (a due date is never more than 60 days away). */
#define COL_DUE (COLS >= 100 ? 11 : 6)

/* The open urgent actions and the overdue ones of an open incident, by
 * the rules, the first time its row is drawn. */
static void
count(struct home *h, struct home_row *r)
{
	struct incident *inc;
	struct evaluation ev;
	long today = jtime_day(app_now(h->t->app));
	size_t i;

	r->counted = 1;
	if (r->closed || model_load(h->t->st, h->t->data, r->ref, &inc, NULL,
	    0) != ST_OK)
		return;
	model_evaluate(h->t->data, inc, &ev);
	for (i = 0; i < ev.nitems; i++) {
		if (ev.items[i].status != ACTION_OPEN)
			continue;
		r->urgent += ev.items[i].action->phase == PHASE_IMMEDIATE;
		r->overdue += ev.items[i].due >= 0 && ev.items[i].due < today;
	}
	model_evaluation_free(&ev);
	incident_free(inc);
}

/* The attention column in words: urgent actions open, overdue ones, or
 * a due date within two days. NULL when there is nothing to say. */
static const char *
attention(struct home *h, struct home_row *r, char *buf, size_t len)
{
	long due, d, today = jtime_day(app_now(h->t->app));
	struct buf b;

	if (r->closed)
		return NULL;
	if (!r->counted)
		count(h, r);
	buf_init(&b);
	buf_adds(&b, "");
	if (r->urgent > 0)
		buf_addf(&b, _("urgent %d"), r->urgent);
	if (r->overdue > 0 && b.len > 0)
		buf_addf(&b, _(", %d overdue"), r->overdue);
	else if (r->overdue > 0)
		buf_addf(&b, _("overdue %d"), r->overdue);
	if (r->overdue == 0 && r->next_due != NULL &&
	    jtime_parse_date(r->next_due, &due) == 0 &&
	    (d = due - today) >= 0 && d <= 2)
		buf_addf(&b, "%s%s", b.len > 0 ? " " : "", d == 0 ?
		    _("due today") : d == 1 ? _("1 day left") : _("2 days left"));
	snprintf(buf, len, "%s", b.s);
	buf_free(&b);
	return *buf != '\0' ? buf : NULL;
}

/* The kind column: its widest label, within what leaves the summary
 * some room. */
static int
kind_width(const struct home *h, int x)
{
	const struct form_field *kf = form_field_find(h->t->data->form, FIELD_KIND);
	int w = 4, l, room = COLS - 1 - x - 13;
	size_t i;

	for (i = 0; kf != NULL && i < kf->nchoices; i++) {
		l = (int)text_width(tr_get(&kf->choices[i].label, h->t->lang));
		w = l > w ? l : w;
	}
	w += 1;
	return w < room ? w : room;
}

static void
draw_row(struct home *h, struct home_row *r, int y, int selected)
{
	const char *kind = kind_label(h, r), *warn;
	char buf[96];
	attr_t a = selected ? tui_term_attr(TC_FOCUS) : A_NORMAL, wa;
	int x = 2, kw;

	warn = attention(h, r, buf, sizeof buf);
	wa = selected ? a : r->overdue > 0 ? tui_term_attr(TC_ERROR) :
	    tui_term_attr(TC_IMMEDIATE) | A_BOLD;
	if (selected)
		tui_fill(y, 0, COLS, a);
	tui_put(y, 0, 2, selected ? ">" : " ", a);
	tui_put(y, x, COL_REF - 1, r->ref, a);
	x += COL_REF;
	/* TRANSLATORS: the home screen's status column. */
	tui_put(y, x, COL_STATE - 1, r->closed ? _("Closed") : _("Open"),
	    selected ? a : r->closed ? tui_term_attr(TC_DIM) : a);
	x += COL_STATE;
	tui_put(y, x, COL_DUE - 1, r->next_due == NULL || r->closed ? "-" :
	    COLS >= 100 || strlen(r->next_due) < 10 ? r->next_due :
	    r->next_due + 5, r->overdue > 0 ? wa : a);
	x += COL_DUE;
	if (warn != NULL)
		tui_put(y, x, COL_ATTN - 1, warn, wa);
	x += COL_ATTN;
	kw = kind_width(h, x);
	tui_put(y, x, kw - 1, kind != NULL ? kind : "-", a);
	x += kw;
	tui_put(y, x, COLS - 1 - x, r->summary != NULL ? r->summary : "-", a);
}

static const char *
empty_text(const struct home *h)
{
	if (h->filter != NULL)
		return _("Nothing matches the search. Esc shows all.");
	if (h->show == SHOW_CLOSED)
		return _("No closed incidents. Press f to show the open ones.");
	return h->n == 0 ? _("No open incidents. Press n to record a new "
	    "one.") : _("No open incidents. Press f to show the closed ones, "
	    "n to record a new one.");
}

static void
draw_list(struct home *h)
{
	int body = LINES - 4, i, x = 2;

	tui_put(2, x, COL_REF - 1, _("REF"), A_BOLD);
	tui_put(2, x += COL_REF, COL_STATE - 1, _("STATUS"), A_BOLD);
	tui_put(2, x += COL_STATE, COL_DUE - 1, COLS >= 100 ? _("NEXT DUE") :
	    _("DUE"), A_BOLD);
	tui_put(2, x += COL_DUE, COL_ATTN - 1, _("ATTENTION"), A_BOLD);
	x += COL_ATTN;
	tui_put(2, x, kind_width(h, x) - 1, _("KIND"), A_BOLD);
	x += kind_width(h, x);
	tui_put(2, x, COLS - 1 - x, _("SUMMARY"), A_BOLD);
	if (h->nshown == 0) {
		tui_put_wrapped(4, 2, COLS - 4, 3, empty_text(h), A_NORMAL);
		return;
	}
	if ((int)h->sel < h->top)
		h->top = (int)h->sel;
	if ((int)h->sel >= h->top + body)
		h->top = (int)h->sel - body + 1;
	for (i = 0; i < body && (size_t)(h->top + i) < h->nshown; i++)
		draw_row(h, &h->rows[h->shown[h->top + i]], 3 + i,
		    (size_t)(h->top + i) == h->sel);
}

static char *
title_text(const struct home *h)
{
	char *what = h->show == SHOW_CLOSED ?
	    xasprintf(_("Closed incidents: %zu"), h->n - h->nopen) :
	    xasprintf(_("Open incidents: %zu"), h->nopen), *t;

	t = xasprintf("anshin-ir  %s", what);
	free(what);
	return t;
}

static void
draw(struct home *h)
{
	char *title, *right, *hints;

	tui_erase();
	curs_set(0);
	title = title_text(h);
	right = h->filter != NULL ? xasprintf(_("search: %s"), h->filter) :
	    NULL;
	hints = tui_keys_bar(KC_HOME, h->t->lang);
	tui_draw_bars(title, right, hints);
	draw_list(h);
	free(title);
	free(right);
	free(hints);
}

/* ---- keys ---- */

static void
message(struct home *h, const char *title, const char *text)
{
	struct strv p = { NULL, 0 };

	strv_push(&p, text);
	tui_view(h->t, title, &p);
	strv_free(&p);
}

static void
run_wizard(struct home *h, const char *ref)
{
	char *copy = ref != NULL ? xstrdup(ref) : NULL;
	int rc = tui_wizard_run(h->t, copy);

	free(copy);
	if (rc >= 128)
		return;
	if (rc != ST_OK)
		message(h, _("Error"), h->t->err);
	if (load(h) != ST_OK)
		message(h, _("Error"), h->t->err);
}

/* The selection follows an incident whose place in the list changed. */
static void
keep_selection(struct home *h, const char *ref)
{
	size_t i;

	for (i = 0; i < h->nshown; i++)
		if (strcmp(h->rows[h->shown[i]].ref, ref) == 0)
			h->sel = i;
}

/* Enter: the incident screen; the list is read again afterwards (the
 * incident may be closed, reopened or nearer its due date now). */
static void
run_review(struct home *h, const char *ref)
{
	char copy[16];
	int quit, rc;

	snprintf(copy, sizeof copy, "%s", ref);
	rc = tui_review_run(h->t, copy, &quit);
	if (quit)
		tui_screen_end(&h->s, rc);
	if (rc >= 128 || quit)
		return;
	if (rc != ST_OK)
		message(h, _("Error"), h->t->err);
	if (load(h) != ST_OK)
		message(h, _("Error"), h->t->err);
	keep_selection(h, copy);
}

static void
set_show(struct home *h, enum home_show show)
{
	h->show = h->show == show ? SHOW_OPEN : show;
	h->sel = 0;
	h->top = 0;
	apply_filter(h);
}

static void
search(struct home *h)
{
	char *text;

	if (!tui_prompt(h->t, _("Search (ref, summary or kind):"),
	    h->filter != NULL ? h->filter : "", &text))
		return;
	free(h->filter);
	h->filter = *text != '\0' ? text : NULL;
	if (h->filter == NULL)
		free(text);
	h->sel = 0;
	apply_filter(h);
}

static void
help(struct home *h)
{
	tui_help(h->t, _("Home"), _("Open incidents, nearest due date first. "
	    "The next due date is the earliest one of an open action. "
	    "Attention says how many urgent actions are still open and how "
	    "many actions are overdue, or that one is due within two days. "
	    "Enter opens the incident: its answers, checklist, timeline, "
	    "assessment and notes; closing it is done there."), KC_HOME);
}

/* p: the first-response card, as `anshin-ir card` writes it. */
static void
card(struct home *h)
{
	struct report_opts o;
	char err[1024], *path;
	int rc;

	path = tui_dialog_pdf(h->t, _("First-response card"),
	    "anshin-ir-card.pdf", 0);
	if (path == NULL)
		return;
	memset(&o, 0, sizeof o);
	o.lang = h->t->lang;
	o.now = app_now(h->t->app);
	rc = report_card_write(h->t->data, &o, path, err, sizeof err);
	tui_pdf_written(h->t, _("First-response card"), _("The card was "
	    "written to (print it and pin it up):"), _("The card was not "
	    "written:"), rc, path, err);
	free(path);
}

static void
ledger(struct home *h)
{
	int rc = tui_ledger_run(h->t);

	if (rc != ST_OK && rc < 128)
		message(h, _("Error"), h->t->err);
}

/* A screen run from here ended the run: an error (home cannot go on
 * without its data); a signal ends every screen by itself. */
static void
ran(struct home *h, int rc)
{
	if (rc != ST_OK && rc < 128)
		tui_screen_end(&h->s, rc);
}

static void
home_key(struct tui_screen *scr, enum tui_act act, int key)
{
	struct home *h = TUI_SCREEN_OF(scr, struct home, s);
	long s = (long)h->sel;

	(void)key;
	switch (act) {
	case TA_UP:
	case TA_DOWN:
	case TA_PAGE_NEXT:
	case TA_PAGE_PREV:
		s += act == TA_UP ? -1 : act == TA_DOWN ? 1 :
		    act == TA_PAGE_NEXT ? LINES - 5 : -(LINES - 5);
		s = s >= (long)h->nshown ? (long)h->nshown - 1 : s;
		h->sel = s < 0 ? 0 : (size_t)s;
		break;
	case TA_OPEN:
		if (h->nshown > 0)
			run_review(h, h->rows[h->shown[h->sel]].ref);
		break;
	case TA_SHOW_CLOSED:
		set_show(h, SHOW_CLOSED);
		break;
	case TA_SETTINGS:
		(void)tui_settings_run(h->t, NULL);
		break;
	case TA_LEDGER:
		ledger(h);
		break;
	case TA_CARD:
		card(h);
		break;
	case TA_NEW:
		run_wizard(h, NULL);
		break;
	case TA_DRILLS:
		ran(h, tui_drill_pick(h->t, NULL, 0));
		break;
	case TA_SEARCH:
		search(h);
		break;
	case TA_BACK:
		free(h->filter);
		h->filter = NULL;
		apply_filter(h);
		break;
	case TA_HELP:
		help(h);
		break;
	case TA_QUIT:
		tui_screen_end(&h->s, ST_OK);
		break;
	case TA_INTERRUPT:
		if (tui_ask(h->t, _("Quit anshin-ir?")))
			tui_screen_end(&h->s, ST_OK);
		break;
	default:
		break;
	}
}

static void
home_draw(struct tui_screen *s)
{
	draw(TUI_SCREEN_OF(s, struct home, s));
}

static const struct tui_screen_ops home_ops = {
	.small = TUI_SMALL_LEAVE,
	.draw = home_draw,
	.keys = KC_HOME,
	.key = home_key,
};

int
tui_home_run(struct tui *t)
{
	struct home h;
	int rc;

	memset(&h, 0, sizeof h);
	h.s.ops = &home_ops;
	h.t = t;
	rc = load(&h);
	if (rc == ST_OK)
		rc = tui_run(t, &h.s);
	rows_free(&h);
	free(h.filter);
	return rc;
}
