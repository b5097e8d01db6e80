/*
 * wizard.c - the intake wizard of docs/contract.md §7: moving between the
 * form's fields and pages, the keys of the field and of the live checklist, and
 * leaving cleanly on F10, Ctrl-C, SIGHUP and SIGTERM. What a key stores,
 * and when, is wizard_store.c's (nothing that was not chosen); drawing is
 * wizard_draw.c's. A new incident is created by its first stored answer
 * (normally the kind), so an abandoned empty wizard leaves nothing. In
 * drill mode (drillscreen.h) the same screens run against the clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/acts.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "tui/wizard.h"

void
wiz_status(struct wiz *w, const char *msg)
{
	free(w->status);
	w->status = msg != NULL ? xstrdup(msg) : NULL;
}

const struct form_field *
wiz_field(const struct wiz *w)
{
	return &w->form->fields[w->f.field];
}

static int
visible(const struct wiz *w, size_t field)
{
	return form_field_visible(w->form, field, w->inc->values) &&
	    wiz_ledger_asked(w, field);
}

void
wiz_evaluate(struct wiz *w)
{
	model_evaluation_free(&w->ev);
	model_evaluate(w->t->data, w->inc, &w->ev);
	if (w->drill == NULL)
		wiz_ledger_refresh(w);
}

void
wiz_focus(struct wiz *w, size_t field)
{
	tui_focus_free(&w->f);
	tui_focus_load(&w->f, w->form, (int)field, w->inc->values[field],
	    app_scenario_now(w->t->app));
	/* A trainee takes the discovery time from the briefing: "now"
	 * would be the day of the drill, not of the scenario. */
	if (w->drill != NULL && w->f.prefilled) {
		tui_edit_set(&w->f.ed, "");
		w->f.prefilled = 0;
	}
	if (w->drill == NULL && wiz_ledger_field(w))
		wiz_ledger_offer(w);
}

/* What Enter does on the field now, for the key bar (docs/contract.md §7). */
static unsigned
enter_ctx(const struct wiz *w)
{
	switch (tui_focus_enter(&w->f, w->form, w->inc->values[w->f.field])) {
	case TUI_ENTER_SKIP:
		return KC_ENTER_SKIP;
	case TUI_ENTER_KEEP:
		return KC_ENTER_KEEP;
	case TUI_ENTER_CLEAR:
		return KC_ENTER_CLEAR;
	default:
		return 0;
	}
}

/* The key context without what Enter does now (F1 explains Enter in
 * general). A drill adds its own keys to every field's. */
static unsigned
base_ctx(const struct wiz *w)
{
	unsigned ctx = w->mode == MODE_LIST ? KC_LIST : w->f.offering ?
	    KC_OFFER | KC_TEXT : tui_field_ctx(wiz_field(w));

	/* y confirms the ledger's proposals where it types nothing */
	if (w->nproposed > 0 && !(ctx & (KC_TEXT | KC_LONG)))
		ctx |= KC_PROPOSED;
	return w->drill != NULL ? ctx | KC_DRILL : ctx;
}

unsigned
wiz_key_ctx(const struct wiz *w)
{
	if (w->mode == MODE_LIST || wiz_field(w)->type == FORM_LONGTEXT)
		return base_ctx(w);
	return base_ctx(w) | enter_ctx(w);
}

/* The title's clock ticks each minute, a drill's countdown each second. */
static long
clock_tick(const struct wiz *w)
{
	jtime_t now = app_now(w->t->app);

	return (long)(w->drill != NULL ? now : now / 60);
}

/* Fields in page order, then form order: Tab crosses pages in order
 * even if a facility's form lists a page's fields apart. */
static void
build_order(struct wiz *w)
{
	size_t p, i, n = 0;

	w->order = xcalloc(w->form->nfields, sizeof *w->order);
	for (p = 0; p < w->form->npages; p++)
		for (i = 0; i < w->form->nfields; i++)
			if (w->form->fields[i].page == p)
				w->order[n++] = i;
}

/* The next visible field from `field` in direction dir, or -1. */
static long
neighbor(const struct wiz *w, size_t field, int dir)
{
	long pos;

	for (pos = 0; pos < (long)w->form->nfields; pos++)
		if (w->order[pos] == field)
			break;
	for (pos += dir; pos >= 0 && pos < (long)w->form->nfields; pos += dir)
		if (visible(w, w->order[pos]))
			return (long)w->order[pos];
	return -1;
}

/* ---- moving ---- */

static void
move_to(struct wiz *w, size_t field, int dir, int all_done)
{
	long next = neighbor(w, field, dir);

	wiz_focus(w, next >= 0 ? (size_t)next : field);
	if (next >= 0)
		return;
	if (all_done)
		wiz_status(w, w->drill != NULL ? _("All fields done: F9 submits "
		    "the drill.") : _("All fields done: F10 leaves (everything "
		    "is saved)."));
	else
		wiz_status(w, dir < 0 ? _("This is the first field.") :
		    w->drill != NULL ? _("This is the last field: F9 submits "
		    "the drill.") : _("This is the last field: F10 leaves "
		    "(everything is saved)."));
}

/* Tab, Shift-Tab, Esc, ↓/↑ out of a text: typed text and ticks are
 * stored, a highlighted choice is not. */
static void
go(struct wiz *w, int dir)
{
	size_t field = (size_t)w->f.field;

	if (wiz_leave(w))
		move_to(w, field, dir, 0);
}

static void
confirm_and_next(struct wiz *w)
{
	size_t field = (size_t)w->f.field;

	if (wiz_confirm(w))
		move_to(w, field, 1, 1);
}

static void
page_go(struct wiz *w, int dir)
{
	long page = (long)wiz_field(w)->page + dir;
	size_t pos, f;

	if (!wiz_leave(w))
		return;
	for (; page >= 0 && page < (long)w->form->npages; page += dir)
		for (pos = 0; pos < w->form->nfields; pos++) {
			f = w->order[pos];
			if ((long)w->form->fields[f].page == page &&
			    visible(w, f)) {
				wiz_focus(w, f);
				return;
			}
		}
	wiz_focus(w, (size_t)w->f.field);
	wiz_status(w, dir > 0 ? _("This is the last page.") :
	    _("This is the first page."));
}

/* Resume: the first unanswered required field, else the first
 * unanswered one, else the first. */
static size_t
start_field(const struct wiz *w)
{
	size_t pos, f;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (pos = 0; pos < w->form->nfields; pos++) {
			f = w->order[pos];
			if (visible(w, f) && w->inc->values[f] == NULL &&
			    (pass == 1 || w->form->fields[f].required))
				return f;
		}
	return w->order[0];
}

/* ---- choices ---- */

/* docs/contract.md §2: "none" cannot be combined with others; ticking one side
 * unticks the other instead of refusing later. The "not answered" line
 * unticks them all. */
static void
toggle(struct wiz *w, int i)
{
	const struct form_field *fld = wiz_field(w);
	size_t j;

	if (i < 0) {
		memset(w->f.on, 0, fld->nchoices);
		w->f.dirty = 1;
		return;
	}
	if ((size_t)i >= fld->nchoices)
		return;
	w->f.hl = i;
	w->f.on[i] = !w->f.on[i];
	w->f.dirty = 1;
	for (j = 0; w->f.on[i] && j < fld->nchoices; j++)
		if ((int)j != i && (strcmp(fld->choices[i].value, "none") == 0 ||
		    strcmp(fld->choices[j].value, "none") == 0))
			w->f.on[j] = 0;
}

/* Offers are picked by digit until something is typed to search them;
 * then a digit is part of what is typed. */
static int
offer_digit(struct wiz *w, int key, int i)
{
	char *typed = tui_edit_text(&w->f.ed);
	int search = *typed != '\0';

	free(typed);
	if (search) {
		tui_edit_apply(&w->f.ed, TA_NONE, key);
		wiz_ledger_offer(w);
	} else if (i >= 0 && (size_t)i < w->f.offers.n) {
		w->f.hl = i;
		confirm_and_next(w);
	}
	return 1;
}

static void
digit(struct wiz *w, int key)
{
	const struct form_field *fld = wiz_field(w);
	int i = key == '0' ? 9 : key - '1';

	if (w->f.offering && offer_digit(w, key, i))
		return;
	if (i < 0 || (size_t)i >= fld->nchoices)
		return;
	if (fld->type == FORM_MULTI) {
		toggle(w, i);
		return;
	}
	w->f.hl = i;
	confirm_and_next(w);
}

/* The highlight moves over the "not answered" line (-1) and the values;
 * it stores nothing. */
static void
move_highlight(struct wiz *w, int delta)
{
	int n = w->f.offering ? (int)w->f.offers.n :
	    (int)wiz_field(w)->nchoices;

	w->f.hl += delta;
	if (w->f.hl >= n)
		w->f.hl = n - 1;
	if (w->f.hl < -1)
		w->f.hl = -1;
}

/* ---- help and leaving ---- */

static void
push_choice_help(struct wiz *w, struct strv *p)
{
	const struct form_field *fld = wiz_field(w);
	const char *help;
	char *line;
	size_t i;

	for (i = 0; i < fld->nchoices; i++) {
		line = xasprintf("%c  %s", i < 9 ? (char)('1' + i) : i == 9 ?
		    '0' : ' ', tr_get(&fld->choices[i].label, w->t->lang));
		strv_push(p, line);
		free(line);
		help = tr_get(&fld->choices[i].help, w->t->lang);
		if (*help != '\0') {
			line = xasprintf("    %s", help);
			strv_push(p, line);
			free(line);
		}
	}
	strv_push(p, "");
}

/* Where the checklist is on this screen: beside the form from 100
 * columns, else a strip below it (all of it on F2). */
static const char *
layout_text(void)
{
	return COLS >= 100 ? _("The checklist on the right shows the actions "
	    "your answers require, the most urgent first; F2 selects it.") :
	    _("The checklist below the form shows the urgent actions first, "
	    "with the number to call; F2 shows all of it and selects it.");
}

static void
field_help(struct wiz *w)
{
	const struct form_field *fld = wiz_field(w);
	const struct form_page *page = &w->form->pages[fld->page];
	struct strv p = { NULL, 0 };

	strv_push(&p, tr_get(&fld->help, w->t->lang));
	strv_push(&p, "");
	if (fld->nchoices > 0)
		push_choice_help(w, &p);
	if (fld->required)
		strv_push(&p, _("(*) marks a required field."));
	strv_push(&p, tr_get(&page->title, w->t->lang));
	strv_push(&p, tr_get(&page->help, w->t->lang));
	strv_push(&p, "");
	strv_push(&p, layout_text());
	strv_push(&p, _("Nothing is recorded that you did not choose: an "
	    "unanswered question stays unanswered until you pick or type an "
	    "answer."));
	strv_push(&p, "");
	strv_push(&p, _("Keys:"));
	tui_keys_help(base_ctx(w), w->t->lang, &p);
	tui_view(w->t, tr_get(&fld->label, w->t->lang), &p);
	strv_free(&p);
}

static void
list_help(struct wiz *w)
{
	tui_help(w->t, _("Checklist"), _("The actions your answers require, "
	    "the open urgent ones first. Enter shows an action's detail: why, "
	    "the source, whom to call and the record."), base_ctx(w));
}

static void
quit(struct wiz *w)
{
	if (!wiz_leave(w) && !tui_ask(w->t, _("The value being typed is not "
	    "valid and will not be saved. Leave anyway?")))
		return;
	tui_screen_end(&w->s, ST_OK);
}

/* F9 in a drill: what is being typed is stored first, as on F10. */
static void
submit(struct wiz *w)
{
	if (!wiz_leave(w) && !tui_ask(w->t, _("The value being typed is not "
	    "valid and will not be saved. Submit anyway?")))
		return;
	if (!tui_ask(w->t, _("Submit the drill for scoring? Its answers and "
	    "actions cannot be changed afterwards.")))
		return;
	w->drill->submitted = 1;
	tui_screen_end(&w->s, ST_OK);
}

static void
interrupt(struct wiz *w)
{
	if (tui_ask(w->t, _("Leave the wizard? Everything confirmed is saved; "
	    "the field being typed is saved too if it is valid.")))
		quit(w);
}

/* ---- the checklist ---- */

static void
list_act(struct wiz *w, enum tui_act act)
{
	const struct check_item *it = w->ev.nitems > 0 &&
	    w->cl.sel < w->ev.nitems ? &w->ev.items[w->cl.sel] : NULL;
	char *msg = NULL;

	if (!w->created) {
		wiz_status(w, _("Choose the kind of incident first: it is "
		    "created with its first answer."));
		return;
	}
	if (it == NULL && act != TA_NOTE)
		return;
	tui_act_key(w->t, w->inc, it, act, &msg);
	/* The items point into inc's records: evaluate again before use. */
	wiz_evaluate(w);
	if (msg != NULL)
		wiz_status(w, msg);
	free(msg);
}

static void
list_key(struct wiz *w, enum tui_act act)
{
	switch (act) {
	case TA_UP:
	case TA_DOWN:
		tui_checklist_move(&w->cl, &w->ev, act == TA_UP ? -1 : 1);
		break;
	case TA_PAGE_NEXT:
	case TA_PAGE_PREV:
		tui_checklist_move(&w->cl, &w->ev, act == TA_PAGE_PREV ? -5 :
		    5);
		break;
	case TA_DETAIL:
	case TA_MARK_DONE:
	case TA_SKIP:
	case TA_REOPEN_ACTION:
	case TA_NOTE:
		list_act(w, act);
		break;
	case TA_HELP:
		list_help(w);
		break;
	case TA_BACK:
		w->mode = MODE_FORM;
		break;
	default:
		break;
	}
}

/* ---- keys ---- */

static void
form_key(struct wiz *w, enum tui_act act, int key)
{
	switch (act) {
	case TA_NEXT:
	case TA_PREV:
	case TA_BACK:
		go(w, act == TA_NEXT ? 1 : -1);
		break;
	case TA_PAGE_NEXT:
	case TA_PAGE_PREV:
		page_go(w, act == TA_PAGE_NEXT ? 1 : -1);
		break;
	case TA_CONFIRM:
		confirm_and_next(w);
		break;
	case TA_DIGIT:
		digit(w, key);
		break;
	case TA_TOGGLE:
		toggle(w, w->f.hl);
		break;
	case TA_CLEAR:
		wiz_clear(w);
		break;
	case TA_UP:
	case TA_DOWN:
		if (wiz_field(w)->type == FORM_LONGTEXT)
			tui_edit_apply(&w->f.ed, act, key);
		else
			move_highlight(w, act == TA_UP ? -1 : 1);
		break;
	case TA_YES:
		wiz_ledger_confirm(w);
		break;
	case TA_HELP:
		field_help(w);
		break;
	case TA_CHECKLIST:
		w->mode = MODE_LIST;
		tui_checklist_first(&w->cl, &w->ev);
		break;
	default:
		if (!tui_edit_apply(&w->f.ed, act, key))
			break;
		/* typing in offers searches them: nothing to save */
		if (w->f.offering)
			wiz_ledger_offer(w);
		else
			w->f.dirty = 1;
		break;
	}
}

static void
handle_key(struct wiz *w, enum tui_act act, int key)
{
	wiz_status(w, NULL);
	if (act == TA_QUIT)
		quit(w);
	else if (act == TA_INTERRUPT)
		interrupt(w);
	else if (act == TA_SUBMIT)
		submit(w);
	else if (act == TA_CLUES) {
		if (tui_drill_clues(w->t, w->drill))
			quit(w);
	} else if (w->mode == MODE_LIST)
		list_key(w, act);
	else if (tui_field_ctx(wiz_field(w)) & (KC_TEXT | KC_LONG) ||
	    act != TA_NONE)
		form_key(w, act, key);
}

/* ---- the screen ---- */

static void
wiz_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct wiz *w = TUI_SCREEN_OF(s, struct wiz, s);

	w->stored = 0;
	handle_key(w, act, key);
	if (w->stored)
		tui_bench_answer(w->t, w->save_ms);
}

static void
wiz_screen_draw(struct tui_screen *s)
{
	wiz_draw(TUI_SCREEN_OF(s, struct wiz, s));
}

static unsigned
wiz_ctx(const struct tui_screen *s)
{
	return wiz_key_ctx(TUI_SCREEN_OF(s, const struct wiz, s));
}

static int
wiz_tick(struct tui_screen *s)
{
	struct wiz *w = TUI_SCREEN_OF(s, struct wiz, s);
	long now = clock_tick(w);

	if (now == w->minute)
		return 0;
	w->minute = now;
	return 1;
}

/* SIGHUP/SIGTERM: keep what was typed if it is valid. */
static void
wiz_signal(struct tui_screen *s, int sig)
{
	if (sig != 0)
		wiz_leave(TUI_SCREEN_OF(s, struct wiz, s));
}

static const struct tui_screen_ops wiz_ops = {
	.small = TUI_SMALL_LEAVE,
	.draw = wiz_screen_draw,
	.ctx = wiz_ctx,
	.key = wiz_key,
	.leave = wiz_signal,
	.tick = wiz_tick,
};

static int
open_incident(struct wiz *w, const char *ref)
{
	if (ref == NULL) {
		w->inc = xcalloc(1, sizeof *w->inc);
		w->inc->nvalues = w->form->nfields;
		w->inc->values = xcalloc(w->form->nfields, sizeof *w->inc->values);
		return ST_OK;
	}
	w->created = 1;
	return model_load(w->t->st, w->t->data, ref, &w->inc, w->t->err,
	    sizeof w->t->err);
}

static int
run(struct tui *t, const char *ref, struct tui_drill_run *drill)
{
	struct wiz w;
	int rc;

	memset(&w, 0, sizeof w);
	w.s.ops = &wiz_ops;
	w.t = t;
	w.form = t->data->form;
	w.f.field = -1;
	w.drill = drill;
	rc = open_incident(&w, ref);
	if (rc != ST_OK)
		return rc;
	build_order(&w);
	wiz_ledger_count(&w);
	wiz_evaluate(&w);
	wiz_focus(&w, ref == NULL ? w.order[0] : start_field(&w));
	if (w.inc->closed)
		wiz_status(&w, _("This incident is closed: changes are refused "
		    "until it is reopened (r on the incident screen)."));
	w.minute = clock_tick(&w);
	rc = tui_run(t, &w.s);
	tui_focus_free(&w.f);
	model_evaluation_free(&w.ev);
	wiz_ledger_free(&w);
	incident_free(w.inc);
	free(w.order);
	free(w.status);
	return rc;
}

int
tui_wizard_run(struct tui *t, const char *ref)
{
	return run(t, ref, NULL);
}

int
tui_wizard_drill(struct tui *t, struct tui_drill_run *drill)
{
	return run(t, drill->ref[0] != '\0' ? drill->ref : NULL, drill);
}
