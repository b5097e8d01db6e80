/*
 * drillscore.c - the score and debrief screen of a submitted drill run
 * (drillscreen.h): the score of docs/contract.md §8 as the core computes it
 * (model_drill_score) with its four parts, the expected actions not done
 * with why each one applies, the scored answers that differ from the
 * scenario with both values as the form words them, the scenario's true
 * assessment, and the debrief with its source.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/draw.h"
#include "text.h"
#include "tui/drillscreen.h"
#include "tui/fields.h"
#include "tui/page.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/words.h"

struct result {
	struct tui_screen s;
	struct tui *t;
	const struct drill *dr;
	const struct incident *inc;
	struct drill_score sc;
	struct tui_page p;
};

/* "Label         value   (note)", the values in one column whatever
 * the width of the labels in either language. */
static void
result_part(struct result *r, const char *label, const char *value,
    const char *note)
{
	struct buf b;
	size_t w;

	buf_init(&b);
	buf_addf(&b, "  %s", label);
	for (w = text_width(label); w < 14; w++)
		buf_addc(&b, ' ');
	buf_addf(&b, "%-10s %s", value, note);
	tui_page_add(&r->p, b.s, A_NORMAL, -1);
	buf_free(&b);
}

static void
result_parts(struct result *r)
{
	const struct drill_score *sc = &r->sc;
	char v[32], *note, t1[32], t2[32];
	size_t i, scored = 0;

	for (i = 0; i < r->dr->nfields; i++)
		scored += r->dr->scored[i] != 0;
	snprintf(v, sizeof v, "%4.1f / %d", sc->answers_points, SCORE_ANSWERS);
	note = xasprintf(_("%zu of %zu scored answers as in the scenario"),
	    scored - sc->wrong.n, scored);
	result_part(r, _("Answers"), v, note);
	free(note);
	snprintf(v, sizeof v, "%4.1f / %d", sc->actions_points, SCORE_ACTIONS);
	note = xasprintf(_("%zu of %zu expected actions done"),
	    r->dr->nexpected - sc->missed.n, r->dr->nexpected);
	result_part(r, _("Actions done"), v, note);
	free(note);
	snprintf(v, sizeof v, "%4d / %d", sc->assessment_points,
	    SCORE_ASSESSMENT);
	result_part(r, _("Assessment"), v, sc->assessment_points > 0 ?
	    _("reportable and grounds as in the scenario") :
	    _("reportable or grounds differ from the scenario"));
	/* Not "-0.0" on time. */
	snprintf(v, sizeof v, "%4.1f", sc->late_penalty > 0 ?
	    -sc->late_penalty : 0.0);
	if (r->sc.elapsed < 0)
		note = xstrdup(_("no clock for this run"));
	else {
		tui_drill_mmss(r->sc.elapsed, t1, sizeof t1);
		tui_drill_mmss(r->dr->time_limit, t2, sizeof t2);
		note = xasprintf(_("took %s, limit %s"), t1, t2);
	}
	result_part(r, _("Late penalty"), v, note);
	free(note);
}

/* A list of the debrief: its heading (head, freed here) and, for an
 * empty list, the line saying so. */
static void
result_list(struct result *r, char *head, size_t n, const char *none)
{
	tui_page_heading(&r->p, head);
	free(head);
	if (n == 0)
		tui_page_text(&r->p, none, 2, A_NORMAL, -1, 0);
}

/* One item of such a list. */
static void
result_item(struct result *r, const char *what)
{
	char *line = xasprintf(_("- %s"), what);

	tui_page_text(&r->p, line, 2, A_BOLD, -1, 0);
	free(line);
}

static void
result_missed(struct result *r)
{
	const struct rule_action *a;
	size_t i;

	result_list(r, xasprintf(_("Expected actions not done (%zu)"),
	    r->sc.missed.n), r->sc.missed.n, _("None: every expected action "
	    "was marked done."));
	for (i = 0; i < r->sc.missed.n; i++) {
		a = rules_action_find(r->t->data->rules, r->sc.missed.v[i]);
		result_item(r, a != NULL ? tr_get(&a->title, r->t->lang) :
		    r->sc.missed.v[i]);
		if (a != NULL)
			tui_page_text(&r->p, tr_get(&a->reason, r->t->lang), 6,
			    A_NORMAL, -1, 0);
	}
}

static void
result_value(struct result *r, const char *fmt,
    const struct form_field *fld, const char *value)
{
	char *label = value != NULL ? tui_value_label(r->t, fld, value) :
	    xstrdup(_("(not answered)")), *line;

	line = xasprintf(fmt, label);
	tui_page_text(&r->p, line, 6, A_NORMAL, -1, 0);
	free(line);
	free(label);
}

static void
result_wrong(struct result *r)
{
	const struct form *form = r->t->data->form;
	size_t i;
	int f;

	result_list(r, xasprintf(_("Answers that differ from the scenario "
	    "(%zu)"), r->sc.wrong.n), r->sc.wrong.n, _("None: every scored "
	    "answer is as in the scenario."));
	for (i = 0; i < r->sc.wrong.n; i++) {
		f = form_field_index(form, r->sc.wrong.v[i]);
		if (f < 0)
			continue;
		result_item(r, tr_get(&form->fields[f].label, r->t->lang));
		result_value(r, _("yours: %s"), &form->fields[f],
		    r->inc->values[f]);
		result_value(r, _("scenario: %s"), &form->fields[f],
		    r->dr->truth[f]);
	}
}

/* The verdict, its grounds, an exemption and the due dates, as lines. */
static void
assessment_lines(struct result *r, const struct rules_result *res, int ind)
{
	const char *label;
	char date[11], *line;
	struct buf b;
	int g;

	tui_page_text(&r->p, tui_reportable_short(res->reportable), ind, A_BOLD,
	    -1, 0);
	buf_init(&b);
	for (g = 0; g < GROUND_COUNT; g++) {
		if (!(res->grounds & (1u << g)))
			continue;
		label = tr_get(&rules_ground_define(r->t->data->rules,
		    (enum ground)g)->label, r->t->lang);
		buf_addf(&b, "%s%s", b.len > 0 ? " / " : _("Grounds: "),
		    *label ? label : rules_ground_name((enum ground)g));
	}
	if (b.len > 0)
		tui_page_text(&r->p, b.s, ind, A_NORMAL, -1, 0);
	buf_free(&b);
	if (res->exemption != EXEMPTION_NONE) {
		line = xasprintf("%s: %s", _("Exemption"),
		    res->exemption == EXEMPTION_ENCRYPTION ?
		    _("high-level encryption, key not exposed") :
		    _("not leaked (recovered unseen, or sent only inside the "
		    "facility)"));
		tui_page_text(&r->p, line, ind, A_NORMAL, -1, 0);
		free(line);
	}
	if (res->preliminary_due >= 0) {
		jtime_format_date(res->preliminary_due, date);
		line = xasprintf("%s%s", _("Preliminary (target): "), date);
		tui_page_text(&r->p, line, ind, A_NORMAL, -1, 0);
		free(line);
		jtime_format_date(res->final_due, date);
		line = xasprintf("%s%s", _("Final report due: "), date);
		tui_page_text(&r->p, line, ind, A_NORMAL, -1, 0);
		free(line);
	}
}

static void
result_assessment(struct result *r)
{
	const struct model_data *d = r->t->data;
	struct rules_result truth, mine;

	rules_eval(d->rules, d->form, d->holidays, r->dr->truth, &truth);
	rules_eval(d->rules, d->form, d->holidays, r->inc->values, &mine);
	tui_page_heading(&r->p, _("The scenario's assessment"));
	assessment_lines(r, &truth, 2);
	if (mine.reportable != truth.reportable ||
	    mine.grounds != truth.grounds) {
		tui_page_add(&r->p, "", A_NORMAL, -1);
		tui_page_text(&r->p, _("Your answers gave:"), 2,
		    tui_term_attr(TC_DIM), -1, 0);
		assessment_lines(r, &mine, 4);
	}
	rules_result_free(&truth);
	rules_result_free(&mine);
}

static void
result_build(struct result *r)
{
	char *line;

	tui_page_clear(&r->p);
	tui_page_text(&r->p, tr_get(&r->dr->title, r->t->lang), 0, A_NORMAL, -1,
	    0);
	tui_page_add(&r->p, "", A_NORMAL, -1);
	line = xasprintf(_("Score: %d / 100"), r->sc.score);
	tui_page_add(&r->p, line, A_BOLD, -1);
	free(line);
	result_parts(r);
	result_missed(r);
	result_wrong(r);
	result_assessment(r);
	tui_page_heading(&r->p, _("Debrief: what mattered and why"));
	tui_page_text(&r->p, tr_get(&r->dr->debrief, r->t->lang), 2, A_NORMAL,
	    -1, 1);
	line = xasprintf(_("Source: %s"), tr_get(&r->dr->source_tr,
	    r->t->lang)[0] != '\0' ? tr_get(&r->dr->source_tr, r->t->lang) :
	    r->dr->source);
	tui_page_add(&r->p, "", A_NORMAL, -1);
	tui_page_text(&r->p, line, 2, tui_term_attr(TC_DIM), -1, 0);
	free(line);
	line = xasprintf(_("This run is recorded as %s."), r->inc->ref);
	tui_page_add(&r->p, "", A_NORMAL, -1);
	tui_page_text(&r->p, line, 2, tui_term_attr(TC_DIM), -1, 0);
	free(line);
}

static void
result_draw(struct tui_screen *s)
{
	struct result *r = TUI_SCREEN_OF(s, struct result, s);
	char *title;

	tui_erase();
	result_build(r);
	title = xasprintf("anshin-ir  %s  %s  %s  %s", TUI_DRILL_MARK,
	    _("Score and debrief"), r->inc->ref, tr_get(&r->dr->title,
	    r->t->lang));
	tui_page_draw(r->t, &r->p, title, _("submitted"), KC_SCORE);
	free(title);
}

static void
result_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct result *r = TUI_SCREEN_OF(s, struct result, s);

	(void)key;
	if (tui_page_scroll(&r->p, act))
		return;
	if (act == TA_QUIT || act == TA_BACK || act == TA_INTERRUPT)
		tui_screen_end(s, ST_OK);
	else if (act == TA_HELP)
		tui_help(r->t, _("Score and debrief"), _("The run is "
		    "submitted and scored; its score and answers stay in the "
		    "record."), KC_SCORE);
}

static const struct tui_screen_ops result_ops = {
	.small = TUI_SMALL_LEAVE,
	.keys = KC_SCORE,
	.draw = result_draw,
	.key = result_key,
};

int
tui_drill_result(struct tui *t, const struct drill *dr,
    const struct incident *inc)
{
	struct result r = { { &result_ops, NULL, NULL, 0, 0 }, t, dr, inc,
		{ 0 }, { NULL, 0, 0 } };
	char by[64];
	int rc;

	rc = model_drill_score(t->st, t->data, inc, &r.sc, by, sizeof by,
	    t->err, sizeof t->err);
	if (rc != ST_OK)
		return rc;
	rc = tui_run(t, &r.s);
	tui_page_clear(&r.p);
	drill_score_free(&r.sc);
	return rc;
}
