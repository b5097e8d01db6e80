/*
 * wizard_draw.c - the wizard's screen: the title bar (reference, kind,
 * time since discovery; a field being typed says so), the form, and the
 * live checklist beside it from 100 columns, else as a strip below it
 * tall enough for every open urgent action with its number (at
 * 80x24 they are all on screen without pressing anything).
 */
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "tui/wizard.h"

static void
elapsed(const struct wiz *w, char *out, size_t len)
{
	const char *disc = incident_value(w->t->data, w->inc, FIELD_DISCOVERED_AT);
	jtime_t t;
	long m;

	*out = '\0';
	if (disc == NULL || jtime_parse(disc, &t, NULL, 0) != 0)
		return;
	m = (long)((app_scenario_now(w->t->app) - t) / 60);
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

/* The save state: said only when it is not "everything is saved"
 * (a field holds text or ticks not confirmed yet, or a write failed). */
static const char *
save_state(const struct wiz *w)
{
	if (w->save_failed)
		return _("NOT SAVED");
	if (w->f.dirty)
		return _("typing (Enter saves)");
	return w->created ? _("saved") : NULL;
}

static void
draw_bars(struct wiz *w)
{
	const char *kind = incident_value(w->t->data, w->inc, FIELD_KIND);
	const struct form_field *kf = form_field_find(w->form, FIELD_KIND);
	const char *kl = kind != NULL && kf != NULL ?
	    form_choice_label(kf, kind, w->t->lang) : "";
	char when[96], *title, *hints;

	/* A drill shows its mark and countdown first: when the title is
	 * too long for the screen, whole items go from its end. */
	if (w->drill != NULL) {
		tui_drill_clock(w->drill, app_now(w->t->app), when,
		    sizeof when);
		title = xasprintf("anshin-ir  %s  %s  %s  %s", TUI_DRILL_MARK,
		    when, w->created ? w->inc->ref : "", kl);
	} else {
		elapsed(w, when, sizeof when);
		title = xasprintf("anshin-ir  %s  %s  %s", w->created ?
		    w->inc->ref : _("new incident"), kl, when);
	}
	hints = w->status != NULL ? xstrdup(w->status) :
	    tui_keys_bar(wiz_key_ctx(w), w->t->lang);
	tui_draw_bars(title, save_state(w), hints);
	free(title);
	free(hints);
}

/* The strip under the form at narrow widths: every open urgent action
 * on its own line, but never less than 9 rows nor so many that the form
 * keeps under 10. */
static int
strip_rows(const struct wiz *w, int h)
{
	int n = tui_checklist_urgent_rows(&w->ev), min = LINES >= 30 ? 11 : 9;

	if (n < min)
		n = min;
	return n > h - 10 ? h - 10 : n;
}

void
wiz_draw(struct wiz *w)
{
	unsigned char *unasked = xcalloc(w->form->nfields, 1);
	struct tui_form_values v = { w->inc->values, w->proposed, unasked };
	struct tui_box cl;
	size_t i;
	int h = LINES - 2, lw, clh, cy = -1, cx = -1;
	int list = w->mode == MODE_LIST;

	for (i = 0; i < w->form->nfields; i++)
		unasked[i] = !wiz_ledger_asked(w, i);
	erase();
	draw_bars(w);
	if (COLS >= 100) {
		/* Side by side: the form gets 55% (84 columns at most: its
		 * lines read badly wider), the checklist the rest. */
		lw = COLS * 11 / 20 < 84 ? COLS * 11 / 20 : 84;
		tui_form_draw(w->t, &v, &w->f, 1, 0, h, lw - 1, &cy, &cx);
		mvvline(1, lw, ACS_VLINE, h);
		cl = (struct tui_box){ 1, lw + 2, h, COLS - lw - 3 };
		tui_checklist_draw(w->t, w->inc, &w->ev, &w->cl, &cl, list,
		    0);
	} else {
		clh = list ? h : strip_rows(w, h);
		cl = (struct tui_box){ 1 + h - clh, 1, clh, COLS - 2 };
		if (!list)
			tui_form_draw(w->t, &v, &w->f, 1, 0, h - clh,
			    COLS - 1, &cy, &cx);
		tui_checklist_draw(w->t, w->inc, &w->ev, &w->cl, &cl, list,
		    !list);
	}
	if (cy >= 0 && w->mode == MODE_FORM) {
		move(cy, cx);
		curs_set(1);
	} else
		curs_set(0);
	free(unasked);
}
