/*
 * home.c - the home screen (SPEC §7): open incidents, nearest due first,
 * from the summary the model caches on every change (no rules run here,
 * so it stays fast with thousands of incidents); Enter resumes one, n
 * starts one, / searches by reference or summary, q quits.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "tui/ui.h"

struct home_row {
	char ref[16];
	char *kind, *next_due, *summary, *discovered;
};

struct home {
	struct tui *t;
	struct home_row *rows;
	size_t n;
	size_t *shown;			/* rows matching the search */
	size_t nshown, sel;
	int top;
	char *filter;
	int done, rc;
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
	snprintf(r->ref, sizeof r->ref, "%s", row->ref);
	r->kind = dup_or_null(row->kind);
	r->next_due = dup_or_null(row->next_due);
	r->summary = dup_or_null(row->summary);
	r->discovered = dup_or_null(row->discovered_at);
}

/* Nearest due first, incidents with nothing due last; ties by newest
 * discovery, then newest reference, so the order never wobbles. */
static int
row_cmp(const void *a, const void *b)
{
	const struct home_row *x = a, *y = b;
	int c;

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
	h->n = h->nshown = 0;
}

static int
matches(const struct home *h, const struct home_row *r)
{
	if (h->filter == NULL || *h->filter == '\0')
		return 1;
	return strcasestr(r->ref, h->filter) != NULL || (r->summary != NULL &&
	    strcasestr(r->summary, h->filter) != NULL);
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
	rc = store_list(h->t->st, 0, collect, h, h->t->err,
	    sizeof h->t->err);
	qsort(h->rows, h->n, sizeof *h->rows, row_cmp);
	h->shown = xcalloc(h->n + 1, sizeof *h->shown);
	apply_filter(h);
	return rc;
}

/* ---- drawing ---- */

#define COL_REF 11
#define COL_DUE 13
#define COL_KIND 22

static void
draw_row(struct home *h, const struct home_row *r, int y, int selected)
{
	const struct form_field *kf = form_field_find(h->t->data->form, "kind");
	char today[11], due[16];
	attr_t a = selected ? tui_term_attr(TC_FOCUS) : A_NORMAL;
	int overdue;

	jtime_format_date(jtime_day(jtime_now()), today);
	overdue = r->next_due != NULL && strcmp(r->next_due, today) < 0;
	snprintf(due, sizeof due, "%s%s", r->next_due != NULL ? r->next_due :
	    "-", overdue ? " !" : "");
	if (selected)
		tui_fill(y, 0, COLS, a);
	tui_put(y, 0, 2, selected ? ">" : " ", a);
	tui_put(y, 2, COL_REF - 1, r->ref, a);
	tui_put(y, 2 + COL_REF, COL_DUE - 1, due, overdue && !selected ?
	    tui_term_attr(TC_ERROR) : a);
	tui_put(y, 2 + COL_REF + COL_DUE, COL_KIND - 1, r->kind != NULL &&
	    kf != NULL ? form_choice_label(kf, r->kind, h->t->lang) : "-", a);
	tui_put(y, 2 + COL_REF + COL_DUE + COL_KIND, COLS - 3 - COL_REF -
	    COL_DUE - COL_KIND, r->summary != NULL ? r->summary : "-", a);
}

static void
draw_list(struct home *h)
{
	int body = LINES - 4, i;

	tui_put(2, 2, COL_REF - 1, _("REF"), A_BOLD);
	tui_put(2, 2 + COL_REF, COL_DUE - 1, _("NEXT DUE"), A_BOLD);
	tui_put(2, 2 + COL_REF + COL_DUE, COL_KIND - 1, _("KIND"), A_BOLD);
	tui_put(2, 2 + COL_REF + COL_DUE + COL_KIND, COLS - 3 - COL_REF -
	    COL_DUE - COL_KIND, _("SUMMARY"), A_BOLD);
	if (h->nshown == 0) {
		tui_put_wrapped(4, 2, COLS - 4, 3, h->n == 0 ?
		    _("No open incidents. Press n to record a new one.") :
		    _("Nothing matches the search. Esc shows all."), A_NORMAL);
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

static void
draw(struct home *h)
{
	char *title, *right, *hints;

	erase();
	curs_set(0);
	if (tui_too_small()) {
		tui_draw_too_small();
		return;
	}
	title = xasprintf(_("anshin-ir  open incidents: %zu"), h->n);
	right = h->filter != NULL ? xasprintf(_("search: %s"), h->filter) :
	    NULL;
	hints = tui_keys_bar(KC_HOME, h->t->lang);
	tui_draw_bars(title, right, hints);
	draw_list(h);
	free(title);
	free(right);
	free(hints);
}

static void
redraw_cb(void *ud)
{
	draw(ud);
}

/* ---- keys ---- */

static void
message(struct home *h, const char *title, const char *text)
{
	struct strv p = { NULL, 0 };

	strv_push(&p, text);
	tui_view(h->t, title, &p, redraw_cb, h);
	strv_free(&p);
}

static void
run_wizard(struct home *h, const char *ref)
{
	char *copy = ref != NULL ? xstrdup(ref) : NULL;
	int rc = tui_wizard_run(h->t, copy);

	free(copy);
	if (rc >= 128) {
		h->done = 1;
		h->rc = rc;
		return;
	}
	if (rc != ST_OK)
		message(h, _("Error"), h->t->err);
	if (load(h) != ST_OK)
		message(h, _("Error"), h->t->err);
}

static void
search(struct home *h)
{
	char *text;

	if (!tui_prompt(h->t, _("Search (ref or summary):"), h->filter != NULL ?
	    h->filter : "", &text, redraw_cb, h))
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
	struct strv p = { NULL, 0 };

	strv_push(&p, _("Open incidents, nearest due date first. The due "
	    "date is the earliest one of an open action; \"!\" marks an "
	    "overdue one."));
	strv_push(&p, "");
	strv_push(&p, _("Keys:"));
	tui_keys_help(KC_HOME, h->t->lang, &p);
	tui_view(h->t, _("Home"), &p, redraw_cb, h);
	strv_free(&p);
}

static void
home_key(struct home *h, enum tui_act act)
{
	long s = (long)h->sel;

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
			run_wizard(h, h->rows[h->shown[h->sel]].ref);
		break;
	case TA_NEW:
		run_wizard(h, NULL);
		break;
	case TA_DRILLS:
		message(h, _("Drills"), _("Training drills are coming soon; "
		    "this version has no drill screen yet."));
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
		h->done = 1;
		break;
	case TA_INTERRUPT:
		h->done = tui_ask(h->t, _("Quit anshin-ir?"), redraw_cb, h);
		break;
	case TA_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

int
tui_home_run(struct tui *t)
{
	struct home h;
	enum tui_act act;
	int key, sig;

	memset(&h, 0, sizeof h);
	h.t = t;
	if ((sig = load(&h)) != ST_OK) {
		rows_free(&h);
		return sig;
	}
	while (!h.done) {
		draw(&h);
		refresh();
		tui_bench_first_screen(t);
		key = tui_term_key();
		if ((sig = tui_term_quit_signal()) != 0) {
			h.rc = 128 + sig;
			break;
		}
		act = tui_term_take_interrupt() ? TA_INTERRUPT :
		    tui_key_action(KC_HOME, key);
		/* Too small to see the list: only leaving makes sense. */
		if (!tui_too_small() || act == TA_QUIT || act == TA_INTERRUPT)
			home_key(&h, act);
	}
	rows_free(&h);
	free(h.filter);
	return h.rc;
}
