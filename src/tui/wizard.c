/*
 * wizard.c - the intake wizard of SPEC §7: moving between the form's
 * fields and pages, storing every confirmed field at once (one
 * model_set_answers call, one transaction with its event), the live
 * checklist beside or below the form, and leaving cleanly on F10, Ctrl-C,
 * SIGHUP and SIGTERM. A new incident is created by its first confirmed
 * answer (normally the kind), so an abandoned empty wizard leaves nothing.
 * In drill mode (drillscreen.h) the same screens run against the clock.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_input.h"
#include "i18n.h"
#include "tui/checklist.h"
#include "tui/draw.h"
#include "tui/drillscreen.h"
#include "tui/fields.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "tui/ui.h"

enum mode { MODE_FORM, MODE_LIST };

struct wiz {
	struct tui *t;
	const struct form *form;
	struct incident *inc;		/* a blank one until created */
	int created;
	struct evaluation ev;
	struct tui_focus f;
	struct tui_checklist cl;
	enum mode mode;
	size_t *order;			/* field indexes, page by page */
	char *status;			/* one-key message in the hint bar */
	int save_failed;
	int done, rc;
	double save_ms;
	int stored;			/* this key stored an answer */
	long minute;			/* the clock shown in the title */
	struct tui_drill_run *drill;	/* a training run, or NULL */
};

static void draw(struct wiz *w);

static void
redraw_cb(void *ud)
{
	draw(ud);
}

static void
set_status(struct wiz *w, const char *msg)
{
	free(w->status);
	w->status = msg != NULL ? xstrdup(msg) : NULL;
}

static const struct form_field *
cur_field(const struct wiz *w)
{
	return &w->form->fields[w->f.field];
}

static int
visible(const struct wiz *w, size_t field)
{
	return form_field_visible(w->form, field, w->inc->values);
}

static void
evaluate(struct wiz *w)
{
	model_evaluation_free(&w->ev);
	model_evaluate(w->t->data, w->inc, &w->ev);
}

static void
focus(struct wiz *w, size_t field)
{
	tui_focus_free(&w->f);
	tui_focus_load(&w->f, w->form, (int)field, w->inc->values[field]);
	/* A trainee takes the discovery time from the briefing: "now"
	 * would be the day of the drill, not of the scenario. */
	if (w->drill != NULL && w->f.prefilled) {
		tui_edit_set(&w->f.ed, "");
		w->f.prefilled = 0;
	}
}

/* The key context: a drill adds its own keys to every field's. */
static unsigned
key_ctx(const struct wiz *w)
{
	unsigned ctx = w->mode == MODE_LIST ? KC_LIST :
	    tui_field_ctx(&w->form->fields[w->f.field]);

	return w->drill != NULL ? ctx | KC_DRILL : ctx;
}

/* The title's clock ticks each minute, a drill's countdown each second. */
static long
clock_tick(const struct wiz *w)
{
	return (long)(w->drill != NULL ? jtime_now() : jtime_now() / 60);
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

/* ---- storing ---- */

static int
create(struct wiz *w, const struct answer_set *set, char *err, size_t len)
{
	struct answer_set none = { NULL, 0 };
	struct incident *inc;
	int rc;

	/* A drill run is created as of its start, then answered: its
	 * "created" event is where the clock of SPEC §8 starts. */
	if (w->drill != NULL)
		rc = model_create(w->t->st, w->t->data, &none,
		    w->drill->dr->name, tui_by(w->t), w->drill->started,
		    &inc, err, len);
	else
		rc = model_create(w->t->st, w->t->data, set, NULL,
		    tui_by(w->t), jtime_now(), &inc, err, len);
	if (rc != ST_OK)
		return rc;
	incident_free(w->inc);
	w->inc = inc;
	w->created = 1;
	if (w->drill == NULL)
		return ST_OK;
	snprintf(w->drill->ref, sizeof w->drill->ref, "%s", inc->ref);
	return model_set_answers(w->t->st, w->t->data, w->inc, set,
	    tui_by(w->t), jtime_now(), 0, err, len);
}

/* Stores one answer (canon NULL clears it) in its own transaction, with
 * the second answer a typed value may give (implied >= 0: the basis of a
 * count said roughly). */
static int
store2(struct wiz *w, const char *canon, int implied, const char *ivalue)
{
	struct answer_set set;
	char err[1024];
	double t0 = tui_ms();
	int rc = ST_OK;

	set.n = implied >= 0 ? 2 : 1;
	set.v = xcalloc(set.n, sizeof *set.v);
	set.v[0].key = xstrdup(cur_field(w)->key);
	set.v[0].value = canon != NULL ? xstrdup(canon) : NULL;
	if (implied >= 0) {
		set.v[1].key = xstrdup(w->form->fields[implied].key);
		set.v[1].value = xstrdup(ivalue);
	}
	if (!w->created && (canon != NULL || implied >= 0))
		rc = create(w, &set, err, sizeof err);
	else if (w->created)
		rc = model_set_answers(w->t->st, w->t->data, w->inc, &set,
		    tui_by(w->t), jtime_now(), MODEL_SEEN, err, sizeof err);
	answer_set_free(&set);
	w->save_ms = tui_ms() - t0;
	w->save_failed = rc != ST_OK && rc != ST_STALE;
	/* inc shows what is stored now, also after a refusal */
	evaluate(w);
	if (rc == ST_STALE) {
		focus(w, w->f.field);
		tui_focus_set_msg(&w->f, _("Changed on another terminal: the "
		    "stored value is shown now."));
		return 0;
	}
	if (rc == ST_REFUSED && w->inc->closed) {
		tui_focus_set_msg(&w->f, _("This incident is closed: nothing "
		    "was changed. Reopen it first (r on the incident screen)."));
		return 0;
	}
	if (rc != ST_OK) {
		tui_focus_set_msg(&w->f, err);
		return 0;
	}
	w->stored = 1;
	w->f.dirty = w->f.prefilled = 0;
	tui_focus_set_msg(&w->f, NULL);
	return 1;
}

static int
store(struct wiz *w, const char *canon)
{
	return store2(w, canon, -1, NULL);
}

/* Reads what the widget holds as people type it (form_input.h) and
 * stores it; an emptied field clears its answer. Returns 0 (message
 * under the field) when it cannot be read. */
static int
store_widget(struct wiz *w)
{
	struct form_input in;
	char *raw = tui_focus_raw(&w->f, w->form), err[1024];
	int ok;

	if (form_input_read(w->form, (size_t)w->f.field, raw, w->inc->values,
	    tui_now(w->t), w->t->lang, &in, err, sizeof err) != ST_OK) {
		tui_focus_set_msg(&w->f, err);
		free(raw);
		return 0;
	}
	free(raw);
	if (in.value == NULL && in.implied_field < 0 &&
	    w->inc->values[w->f.field] == NULL) {
		w->f.dirty = w->f.prefilled = 0;
		tui_focus_set_msg(&w->f, NULL);
		return 1;
	}
	ok = store2(w, in.value, in.implied_field, in.implied_value);
	form_input_free(&in);
	return ok;
}

/* Leaving a field confirms what was typed or ticked in it; a choice is
 * only ever stored by picking it. A prefilled "now" counts as typed once
 * the incident exists (so Tab accepts it, but cannot create one). */
static int
commit(struct wiz *w, int explicit_confirm)
{
	const struct form_field *fld = cur_field(w);

	if (!explicit_confirm) {
		if (fld->type == FORM_CHOICE)
			return 1;
		if (!w->f.dirty && !(w->f.prefilled && w->created))
			return 1;
	}
	return store_widget(w);
}

/* ---- moving ---- */

static void
go(struct wiz *w, int dir)
{
	size_t field = (size_t)w->f.field;
	long next;

	if (!commit(w, 0))
		return;
	next = neighbor(w, field, dir);
	focus(w, next >= 0 ? (size_t)next : field);
	if (next < 0)
		set_status(w, dir < 0 ? _("This is the first field.") :
		    w->drill != NULL ? _("This is the last field: F9 submits "
		    "the drill.") : _("This is the last field: F10 saves and "
		    "quits."));
}

static void
confirm_and_next(struct wiz *w)
{
	size_t field = (size_t)w->f.field;
	long next;

	if (!commit(w, 1))
		return;
	next = neighbor(w, field, 1);
	focus(w, next >= 0 ? (size_t)next : field);
	if (next < 0)
		set_status(w, w->drill != NULL ? _("All fields done: F9 "
		    "submits the drill.") : _("All fields done: F10 saves and "
		    "quits."));
}

static void
page_go(struct wiz *w, int dir)
{
	long page = (long)cur_field(w)->page + dir;
	size_t pos, f;

	if (!commit(w, 0))
		return;
	for (; page >= 0 && page < (long)w->form->npages; page += dir)
		for (pos = 0; pos < w->form->nfields; pos++) {
			f = w->order[pos];
			if ((long)w->form->fields[f].page == page &&
			    visible(w, f)) {
				focus(w, f);
				return;
			}
		}
	focus(w, (size_t)w->f.field);
	set_status(w, dir > 0 ? _("This is the last page.") :
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

/* ---- widgets ---- */

static void
toggle(struct wiz *w, int i)
{
	const struct form_field *fld = cur_field(w);
	size_t j;

	if (i < 0 || (size_t)i >= fld->nchoices)
		return;
	w->f.hl = i;
	w->f.on[i] = !w->f.on[i];
	w->f.dirty = 1;
	/* SPEC §2: "none" cannot be combined with others; ticking one
	 * side unticks the other instead of refusing later. */
	for (j = 0; w->f.on[i] && j < fld->nchoices; j++)
		if ((int)j != i && (strcmp(fld->choices[i].value, "none") == 0 ||
		    strcmp(fld->choices[j].value, "none") == 0))
			w->f.on[j] = 0;
}

static void
digit(struct wiz *w, int key)
{
	const struct form_field *fld = cur_field(w);
	int i = key == '0' ? 9 : key - '1';

	if (i < 0 || (size_t)i >= fld->nchoices)
		return;
	if (fld->type == FORM_MULTI) {
		toggle(w, i);
		return;
	}
	w->f.hl = i;
	confirm_and_next(w);
}

static void
clear_answer(struct wiz *w)
{
	if (cur_field(w)->type == FORM_MULTI)
		memset(w->f.on, 0, cur_field(w)->nchoices);
	if (w->inc->values[w->f.field] != NULL && store(w, NULL))
		focus(w, (size_t)w->f.field);
}

static void
move_highlight(struct wiz *w, int delta)
{
	int n = (int)cur_field(w)->nchoices;

	w->f.hl += delta;
	if (w->f.hl >= n)
		w->f.hl = n - 1;
	if (w->f.hl < 0)
		w->f.hl = 0;
}

/* ---- help and leaving ---- */

static void
push_choice_help(struct wiz *w, struct strv *p)
{
	const struct form_field *fld = cur_field(w);
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

static void
field_help(struct wiz *w)
{
	const struct form_field *fld = cur_field(w);
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
	strv_push(&p, _("Keys:"));
	tui_keys_help(key_ctx(w), w->t->lang, &p);
	tui_view(w->t, tr_get(&fld->label, w->t->lang), &p, redraw_cb, w);
	strv_free(&p);
}

static void
quit(struct wiz *w)
{
	if (!commit(w, 0) && !tui_ask(w->t, _("The value being typed is not "
	    "valid and will not be saved. Quit anyway?"), redraw_cb, w))
		return;
	w->done = 1;
}

/* F9 in a drill: what is being typed is stored first, as on F10. */
static void
submit(struct wiz *w)
{
	if (!commit(w, 0) && !tui_ask(w->t, _("The value being typed is not "
	    "valid and will not be saved. Submit anyway?"), redraw_cb, w))
		return;
	if (!tui_ask(w->t, _("Submit the drill for scoring? Its answers and "
	    "actions cannot be changed afterwards."), redraw_cb, w))
		return;
	w->drill->submitted = 1;
	w->done = 1;
}

static void
interrupt(struct wiz *w)
{
	if (tui_ask(w->t, _("Quit the wizard? Everything confirmed is saved; "
	    "the field being typed is saved too if it is valid."), redraw_cb,
	    w))
		quit(w);
}

/* ---- the checklist ---- */

static void
mark_done(struct wiz *w)
{
	const struct check_item *it;
	const char *pic;
	char err[1024], *by, *msg;
	int rc;

	if (w->ev.nitems == 0)
		return;
	it = &w->ev.items[w->cl.sel];
	if (!w->created) {
		set_status(w, _("Choose the kind of incident first: it is "
		    "created with its first answer."));
		return;
	}
	if (it->status == ACTION_DONE && it->record != NULL) {
		set_status(w, _("Already done."));
		return;
	}
	pic = incident_value(w->t->data, w->inc, "person_in_charge");
	if (!tui_prompt(w->t, _("Done by:"), pic != NULL ? pic :
	    tui_by(w->t), &by, redraw_cb, w))
		return;
	rc = model_set_action(w->t->st, w->t->data, w->inc, it->action->id,
	    ACTION_DONE, *util_trim(by) ? by : tui_by(w->t), NULL, NULL,
	    jtime_now(), err, sizeof err);
	free(by);
	/* The items point into inc's records: re-evaluate before use. */
	evaluate(w);
	if (rc != ST_OK) {
		msg = xasprintf(_("Not saved: %s"), err);
		set_status(w, msg);
		free(msg);
	}
}

static void
action_detail(struct wiz *w)
{
	const struct check_item *it;
	struct strv p = { NULL, 0 };

	if (w->ev.nitems == 0)
		return;
	it = &w->ev.items[w->cl.sel];
	tui_checklist_detail(w->t, w->inc, it, &p);
	tui_view(w->t, tr_get(&it->action->title, w->t->lang), &p, redraw_cb,
	    w);
	strv_free(&p);
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
	case TA_MARK_DONE:
		mark_done(w);
		break;
	case TA_HELP:
		action_detail(w);
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
		clear_answer(w);
		break;
	case TA_UP:
	case TA_DOWN:
		if (cur_field(w)->type == FORM_LONGTEXT)
			tui_edit_apply(&w->f.ed, act, key);
		else
			move_highlight(w, act == TA_UP ? -1 : 1);
		break;
	case TA_HELP:
		field_help(w);
		break;
	case TA_CHECKLIST:
		w->mode = MODE_LIST;
		break;
	default:
		if (tui_edit_apply(&w->f.ed, act, key))
			w->f.dirty = 1;
		break;
	}
}

static void
handle_key(struct wiz *w, int key)
{
	enum tui_act act = tui_key_action(key_ctx(w), key);

	set_status(w, NULL);
	if (tui_too_small() && act != TA_QUIT && act != TA_INTERRUPT)
		return;
	if (act == TA_QUIT)
		quit(w);
	else if (act == TA_INTERRUPT)
		interrupt(w);
	else if (act == TA_REDRAW)
		clearok(curscr, TRUE);
	else if (act == TA_SUBMIT)
		submit(w);
	else if (act == TA_CLUES) {
		if (tui_drill_clues(w->t, w->drill))
			quit(w);
	} else if (w->mode == MODE_LIST)
		list_key(w, act);
	else if (tui_field_ctx(cur_field(w)) & (KC_TEXT | KC_LONG) ||
	    act != TA_NONE)
		form_key(w, act, key);
}

/* ---- drawing ---- */

static void
elapsed(const struct wiz *w, char *out, size_t len)
{
	const char *disc = incident_value(w->t->data, w->inc, "discovered_at");
	jtime_t t;
	long m;

	*out = '\0';
	if (disc == NULL || jtime_parse(disc, &t, NULL, 0) != 0)
		return;
	m = (long)((jtime_now() - t) / 60);
	if (m < 0)
		snprintf(out, len, "%s", _("discovered in the future?"));
	else if (m < 60)
		snprintf(out, len, _("discovered %ld min ago"), m);
	else if (m < 48 * 60)
		snprintf(out, len, _("discovered %ldh%02ldm ago"), m / 60,
		    m % 60);
	else
		snprintf(out, len, _("discovered %ld days %ldh ago"),
		    m / 1440, m / 60 % 24);
}

static const char *
save_state(const struct wiz *w)
{
	if (w->save_failed)
		return _("NOT SAVED");
	if (!w->created)
		return _("nothing saved yet");
	/* A prefilled "now" on screen is not stored until confirmed. */
	if (w->f.dirty || w->f.prefilled)
		return _("editing: not saved yet");
	return _("saved ✓");
}

static void
draw_bars(struct wiz *w)
{
	const char *kind = incident_value(w->t->data, w->inc, "kind");
	const struct form_field *kf = form_field_find(w->form, "kind");
	const char *kl = kind != NULL && kf != NULL ?
	    form_choice_label(kf, kind, w->t->lang) : "";
	char when[96], *title, *hints;

	/* A drill shows its mark and countdown first: at 80 columns the
	 * end of the title may be cut. */
	if (w->drill != NULL) {
		tui_drill_clock(w->drill, when, sizeof when);
		title = xasprintf("anshin-ir  %s  %s  %s  %s", TUI_DRILL_MARK,
		    when, w->created ? w->inc->ref : "", kl);
	} else {
		elapsed(w, when, sizeof when);
		title = xasprintf("anshin-ir  %s  %s  %s", w->created ?
		    w->inc->ref : _("new incident"), kl, when);
	}
	hints = w->status != NULL ? xstrdup(w->status) :
	    tui_keys_bar(key_ctx(w), w->t->lang);
	tui_draw_bars(title, save_state(w), hints);
	free(title);
	free(hints);
}

static void
draw(struct wiz *w)
{
	struct tui_box cl;
	int h = LINES - 2, lw, clh, cy = -1, cx = -1;
	int list = w->mode == MODE_LIST;

	erase();
	if (tui_too_small()) {
		tui_draw_too_small();
		return;
	}
	draw_bars(w);
	if (COLS >= 100) {
		/* Side by side: the form gets 55% (84 columns at most: its
		 * lines read badly wider), the checklist the rest. */
		lw = COLS * 11 / 20 < 84 ? COLS * 11 / 20 : 84;
		tui_form_draw(w->t, w->inc->values, &w->f, 1, 0, h, lw - 1,
		    &cy, &cx);
		mvvline(1, lw, ACS_VLINE, h);
		cl = (struct tui_box){ 1, lw + 2, h, COLS - lw - 3 };
		tui_checklist_draw(w->t, w->inc, &w->ev, &w->cl, &cl, list,
		    0);
	} else {
		/* Stacked: a strip under the form (9 rows hold the urgent
		 * actions and the support desk at 80x24), all of it on F2. */
		clh = list ? h : LINES >= 30 ? 11 : 9;
		cl = (struct tui_box){ 1 + h - clh, 1, clh, COLS - 2 };
		if (!list)
			tui_form_draw(w->t, w->inc->values, &w->f, 1, 0,
			    h - clh, COLS - 1, &cy, &cx);
		tui_checklist_draw(w->t, w->inc, &w->ev, &w->cl, &cl, list,
		    !list);
	}
	if (cy >= 0 && w->mode == MODE_FORM) {
		move(cy, cx);
		curs_set(1);
	} else
		curs_set(0);
}

/* ---- the loop ---- */

static void
step(struct wiz *w)
{
	double t0;
	int key, sig;

	key = tui_term_key();
	t0 = tui_ms();
	if ((sig = tui_term_quit_signal()) != 0) {
		/* SIGHUP/SIGTERM: keep what was typed if it is valid. */
		commit(w, 0);
		w->done = 1;
		w->rc = 128 + sig;
		return;
	}
	if (tui_term_take_interrupt())
		interrupt(w);
	else if (key == TUI_KEY_NONE) {
		if (clock_tick(w) == w->minute)
			return;
	} else if (key != TUI_FN(KEY_RESIZE))
		handle_key(w, key);
	w->minute = clock_tick(w);
	draw(w);
	refresh();
	if (w->stored)
		tui_bench_answer(w->t, tui_ms() - t0, w->save_ms);
	w->stored = 0;
}

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
	w.t = t;
	w.form = t->data->form;
	w.f.field = -1;
	w.drill = drill;
	rc = open_incident(&w, ref);
	if (rc != ST_OK)
		return rc;
	build_order(&w);
	evaluate(&w);
	focus(&w, ref == NULL ? w.order[0] : start_field(&w));
	if (w.inc->closed)
		set_status(&w, _("This incident is closed: changes are refused "
		    "until it is reopened (r on the incident screen)."));
	w.minute = clock_tick(&w);
	draw(&w);
	refresh();
	tui_bench_first_screen(t);
	while (!w.done)
		step(&w);
	tui_focus_free(&w.f);
	model_evaluation_free(&w.ev);
	incident_free(w.inc);
	free(w.order);
	free(w.status);
	return w.rc;
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
