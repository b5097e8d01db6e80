/*
 * wizard_store.c - what the wizard stores, and when (docs/contract.md §7:
 * nothing is answered that the person did not choose). Enter does what the key
 * bar says it will (tui_focus_enter): move on leaving the field
 * unanswered, keep the answer, clear it, or store what was typed, ticked
 * or picked. Leaving a field any other way (Tab, a page, F10, a signal)
 * stores only what was typed or ticked: a highlighted choice and a
 * prefilled "now" are never stored that way. Each store is one
 * model_set_answers call, one transaction with its event; a new incident
 * is created by its first stored answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_input.h"
#include "i18n.h"
#include "tui/term.h"
#include "tui/wizard.h"

static int
create(struct wiz *w, const struct answer_set *set, const char *by,
    char *err, size_t len)
{
	struct answer_set none = { NULL, 0 };
	struct incident *inc;
	int rc;

	/* A drill run is created as of its start, then answered: its
	 * "created" event is where the clock of docs/contract.md §8 starts. */
	if (w->drill != NULL)
		rc = model_create(w->t->st, w->t->data, &none,
		    w->drill->dr->name, by, w->drill->started, &inc, err, len);
	else
		rc = model_create(w->t->st, w->t->data, set, NULL, by,
		    app_now(w->t->app), &inc, err, len);
	if (rc != ST_OK)
		return rc;
	incident_free(w->inc);
	w->inc = inc;
	w->created = 1;
	if (w->drill == NULL)
		return ST_OK;
	snprintf(w->drill->ref, sizeof w->drill->ref, "%s", inc->ref);
	return model_set_answers(w->t->st, w->t->data, w->inc, set, by,
	    app_now(w->t->app), 0, err, len);
}

/* The message under the field after a refusal. */
static void
refused(struct wiz *w, int rc, const char *err)
{
	if (rc == ST_STALE) {
		wiz_focus(w, (size_t)w->f.field);
		tui_focus_set_msg(&w->f, _("Changed on another terminal: the "
		    "stored value is shown now."));
	} else if (rc == ST_REFUSED && w->inc->closed)
		tui_focus_set_msg(&w->f, _("This incident is closed: nothing "
		    "was changed. Reopen it first (r on the incident screen)."));
	else
		tui_focus_set_msg(&w->f, err);
}

/* Stores one answer (canon NULL clears it) in its own transaction, with
 * the second answer a typed value may give (implied >= 0: the basis of a
 * count said roughly). */
static int
store2(struct wiz *w, const char *canon, int implied, const char *ivalue)
{
	struct answer_set set;
	const char *by;
	char err[1024];
	double t0;
	int rc = ST_OK;

	/* Who signs is asked before anything is written (docs/contract.md §1).
	 * */
	if ((by = tui_signer(w->t)) == NULL)
		return 0;
	t0 = tui_term_ms();
	set.n = implied >= 0 ? 2 : 1;
	set.v = xcalloc(set.n, sizeof *set.v);
	set.v[0].key = xstrdup(wiz_field(w)->key);
	set.v[0].value = canon != NULL ? xstrdup(canon) : NULL;
	if (implied >= 0) {
		set.v[1].key = xstrdup(w->form->fields[implied].key);
		set.v[1].value = xstrdup(ivalue);
	}
	if (!w->created)
		rc = create(w, &set, by, err, sizeof err);
	else
		rc = model_set_answers(w->t->st, w->t->data, w->inc, &set, by,
		    app_now(w->t->app), MODEL_SEEN, err, sizeof err);
	answer_set_free(&set);
	w->save_ms = tui_term_ms() - t0;
	w->save_failed = rc != ST_OK && rc != ST_STALE;
	/* inc shows what is stored now, also after a refusal */
	wiz_evaluate(w);
	if (rc != ST_OK) {
		refused(w, rc, err);
		return 0;
	}
	w->stored = 1;
	w->f.dirty = w->f.prefilled = 0;
	tui_focus_set_msg(&w->f, NULL);
	return 1;
}

int
wiz_store(struct wiz *w, const char *canon)
{
	/* Clearing what is not there writes nothing, and creates no
	 * incident. */
	if (canon == NULL && (!w->created ||
	    w->inc->values[w->f.field] == NULL))
		return 1;
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
	    app_scenario_now(w->t->app), w->t->lang, &in, err, sizeof err) != ST_OK) {
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

int
wiz_confirm(struct wiz *w)
{
	const struct form_field *fld = wiz_field(w);

	switch (tui_focus_enter(&w->f, w->form, w->inc->values[w->f.field])) {
	case TUI_ENTER_SKIP:
	case TUI_ENTER_KEEP:
		w->f.dirty = 0;
		tui_focus_set_msg(&w->f, NULL);
		return 1;
	case TUI_ENTER_CLEAR:
		if (fld->type == FORM_MULTI)
			memset(w->f.on, 0, fld->nchoices);
		return wiz_store(w, NULL);
	default:
		return store_widget(w);
	}
}

int
wiz_leave(struct wiz *w)
{
	const struct form_field *fld = wiz_field(w);

	/* A highlighted choice or offer is not a choice made; a prefilled
	 * time is not one typed. */
	if (fld->type == FORM_CHOICE || w->f.offering || !w->f.dirty)
		return 1;
	return store_widget(w);
}

void
wiz_clear(struct wiz *w)
{
	const struct form_field *fld = wiz_field(w);

	if (fld->type == FORM_MULTI)
		memset(w->f.on, 0, fld->nchoices);
	if (w->inc->values[w->f.field] != NULL && wiz_store(w, NULL))
		wiz_focus(w, (size_t)w->f.field);
}
