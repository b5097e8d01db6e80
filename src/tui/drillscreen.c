/*
 * drillscreen.c - the training drill's own screens (drillscreen.h): the
 * list of scenarios, the briefing and the questions (clues) asked during
 * the run; and the run itself: the intake wizard in drill mode (wizard.c),
 * so trainees learn the screens they will use in a real incident, then
 * the submission and the score screen (drillscore.c).
 */
#include "tui/drillscreen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "tui/keys.h"
#include "tui/page.h"
#include "tui/term.h"

/* ---- the clock ---- */

void
tui_drill_mmss(long secs, char *out, size_t len)
{
	snprintf(out, len, "%02ld:%02ld", secs / 60, secs % 60);
}

void
tui_drill_clock(const struct tui_drill_run *run, char *out, size_t len)
{
	long spent = (long)(jtime_now() - run->started), left;
	char t[32];

	if (spent < 0)
		spent = 0;
	if (run->dr->time_limit <= 0) {
		tui_drill_mmss(spent, t, sizeof t);
		snprintf(out, len, _("%s elapsed"), t);
		return;
	}
	left = run->dr->time_limit - spent;
	tui_drill_mmss(left >= 0 ? left : -left, t, sizeof t);
	if (left >= 0)
		snprintf(out, len, _("%s left"), t);
	else
		snprintf(out, len, _("+%s over"), t);
}

static char *
limit_text(const struct drill *dr)
{
	char t[32];

	tui_drill_mmss(dr->time_limit, t, sizeof t);
	return xasprintf(_("time limit %s"), t);
}

/* ---- the briefing ---- */

enum brief_end { BRIEF_START, BRIEF_BACK, BRIEF_QUIT };

struct brief {
	struct tui *t;
	const struct drill *dr;
	struct tui_page p;
};

static void
brief_build(struct brief *b)
{
	const struct drill *dr = b->dr;
	char *line;

	tui_page_clear(&b->p);
	tui_page_text(&b->p, tr_get(&dr->title, b->t->lang), 0, A_BOLD, -1, 0);
	line = xasprintf(_("%zu questions you may ask during the drill (F3)"),
	    dr->nclues);
	tui_page_add(&b->p, line, tui_term_attr(TC_DIM), -1);
	free(line);
	tui_page_add(&b->p, "", A_NORMAL, -1);
	tui_page_text(&b->p, tr_get(&dr->briefing, b->t->lang), 0, A_NORMAL, -1,
	    1);
	tui_page_heading(&b->p, _("How the drill works"));
	tui_page_text(&b->p, _("Enter starts the clock and opens the intake "
	    "wizard you would use in a real incident. Take the facts from "
	    "this briefing; press F3 to ask about what it does not say "
	    "(asking costs nothing). Mark the actions you take done in the "
	    "checklist (F2). F9 submits the run for the score and debrief; "
	    "F10 leaves without submitting (anshin-ir resume REF continues "
	    "it)."), 0, A_NORMAL, -1, 0);
	tui_page_add(&b->p, "", A_NORMAL, -1);
	tui_page_text(&b->p, _("Score out of 100: 50 for the answers that "
	    "match the scenario, 30 for the expected actions marked done, 20 "
	    "for the right assessment (reportable and its grounds), and up to "
	    "10 off for going over the time limit."), 0,
	    tui_term_attr(TC_DIM), -1, 0);
}

static void
brief_draw(void *ud)
{
	struct brief *b = ud;
	char *title, *limit;

	erase();
	if (tui_too_small()) {
		tui_draw_too_small();
		return;
	}
	brief_build(b);
	title = xasprintf("anshin-ir  %s  %s", TUI_DRILL_MARK, b->dr->name);
	limit = limit_text(b->dr);
	tui_page_draw(b->t, &b->p, title, limit, KC_BRIEF);
	free(limit);
	free(title);
}

static enum brief_end
briefing(struct tui *t, const struct drill *dr)
{
	struct brief b = { t, dr, { NULL, 0, 0 } };
	enum brief_end end = BRIEF_BACK;
	enum tui_act act;

	for (;;) {
		brief_draw(&b);
		refresh();
		tui_bench_first_screen(t);
		act = tui_page_key(KC_BRIEF, NULL);
		if (tui_term_quit_signal())
			break;
		if (tui_page_scroll(&b.p, act))
			continue;
		if (act == TA_START) {
			end = BRIEF_START;
			break;
		}
		if (act == TA_BACK)
			break;
		if (act == TA_QUIT || (act == TA_INTERRUPT && tui_ask(t,
		    _("Leave the drill?"), brief_draw, &b))) {
			end = BRIEF_QUIT;
			break;
		}
		if (act == TA_HELP)
			tui_page_help(t, tr_get(&dr->title, t->lang),
			    _("The scenario's briefing. Nothing is recorded "
			    "until you start."), KC_BRIEF, brief_draw, &b);
	}
	tui_page_clear(&b.p);
	return end;
}

/* ---- the questions (clues) ---- */

struct clues {
	struct tui *t;
	struct tui_drill_run *run;
	int sel;
	struct tui_page p;
};

static void
clues_build(struct clues *c)
{
	const struct drill *dr = c->run->dr;
	char *line;
	size_t i;

	tui_page_clear(&c->p);
	tui_page_text(&c->p, _("Ask about what the briefing does not say, as "
	    "you would ask the staff who found the incident. Asking costs no "
	    "points; the answers stay listed here."), 0,
	    tui_term_attr(TC_DIM), -1, 0);
	if (dr->nclues == 0)
		tui_page_text(&c->p, _("This scenario has no questions to ask: "
		    "everything is in the briefing (b)."), 0, A_NORMAL, -1, 0);
	for (i = 0; i < dr->nclues; i++) {
		tui_page_add(&c->p, "", A_NORMAL, (int)i);
		line = xasprintf("%s%zu. %s", (int)i == c->sel ? "> " : "  ",
		    i + 1, tr_get(&dr->clues[i].ask, c->t->lang));
		tui_page_add(&c->p, line, (int)i == c->sel ?
		    tui_term_attr(TC_FOCUS) : A_BOLD, (int)i);
		free(line);
		if (c->run->revealed[i])
			tui_page_text(&c->p, tr_get(&dr->clues[i].text,
			    c->t->lang), 5, A_NORMAL, (int)i, 0);
	}
}

static void
clues_draw(void *ud)
{
	struct clues *c = ud;
	const struct drill *dr = c->run->dr;
	char when[96], *title, *right;
	size_t i, asked = 0;

	erase();
	if (tui_too_small()) {
		tui_draw_too_small();
		return;
	}
	for (i = 0; i < dr->nclues; i++)
		asked += c->run->revealed[i] != 0;
	clues_build(c);
	tui_page_show_item(&c->p, c->sel);
	tui_drill_clock(c->run, when, sizeof when);
	title = xasprintf("anshin-ir  %s  %s  %s", TUI_DRILL_MARK, when,
	    _("Questions"));
	right = xasprintf(_("%zu of %zu asked"), asked, dr->nclues);
	tui_page_draw(c->t, &c->p, title, right, KC_CLUES);
	free(right);
	free(title);
}

static void
clue_ask(struct clues *c, int i)
{
	if (i < 0 || (size_t)i >= c->run->dr->nclues)
		return;
	c->sel = i;
	c->run->revealed[i] = 1;
}

static void
show_briefing(struct tui *t, const struct drill *dr, tui_redraw_fn redraw,
    void *ud)
{
	struct strv p = { NULL, 0 };
	char *copy = xstrdup(tr_get(&dr->briefing, t->lang)), *para,
	    *save = NULL;

	for (para = strtok_r(copy, "\n", &save); para != NULL;
	    para = strtok_r(NULL, "\n", &save)) {
		if (p.n > 0)
			strv_push(&p, "");
		strv_push(&p, para);
	}
	tui_view(t, tr_get(&dr->title, t->lang), &p, redraw, ud);
	strv_free(&p);
	free(copy);
}

int
tui_drill_clues(struct tui *t, struct tui_drill_run *run)
{
	struct clues c = { t, run, 0, { NULL, 0, 0 } };
	enum tui_act act;
	int leave = 0, key;
	size_t i;

	/* Open on the first question not asked yet. */
	for (i = 0; i < run->dr->nclues && run->revealed[i]; i++)
		;
	c.sel = i < run->dr->nclues ? (int)i : 0;
	while (!tui_term_signal_pending()) {
		clues_draw(&c);
		refresh();
		act = tui_page_key(KC_CLUES, &key);
		if (act == TA_UP || act == TA_DOWN) {
			c.sel += act == TA_UP ? -1 : 1;
			if (c.sel >= (int)run->dr->nclues)
				c.sel = (int)run->dr->nclues - 1;
			if (c.sel < 0)
				c.sel = 0;
		} else if (tui_page_scroll(&c.p, act))
			continue;
		else if (act == TA_OPEN)
			clue_ask(&c, c.sel);
		else if (act == TA_DIGIT)
			clue_ask(&c, key - '1');
		else if (act == TA_BRIEFING)
			show_briefing(t, run->dr, clues_draw, &c);
		else if (act == TA_HELP)
			tui_page_help(t, _("Questions"), _("Questions you may "
			    "ask the staff about the incident; an answer stays "
			    "listed once asked. Asking is not scored."),
			    KC_CLUES, clues_draw, &c);
		else if (act == TA_BACK)
			break;
		else if (act == TA_QUIT || (act == TA_INTERRUPT && tui_ask(t,
		    _("Leave the drill without submitting? Everything "
		    "confirmed is saved; anshin-ir resume REF continues it."),
		    clues_draw, &c))) {
			leave = 1;
			break;
		}
	}
	tui_page_clear(&c.p);
	return leave;
}

/* ---- a run: wizard, submission, score ---- */

static int
submit_and_score(struct tui *t, struct tui_drill_run *run)
{
	struct answer_set none = { NULL, 0 };
	struct incident *inc = NULL;
	int rc;

	/* Submitted before any answer: still a run, scored as one. */
	if (run->ref[0] == '\0') {
		rc = model_create(t->st, t->data, &none, run->dr->name,
		    tui_by(t), run->started, &inc, t->err,
		    sizeof t->err);
		if (rc == ST_OK)
			snprintf(run->ref, sizeof run->ref, "%s", inc->ref);
	} else
		rc = model_load(t->st, t->data, run->ref, &inc, t->err,
		    sizeof t->err);
	if (rc == ST_OK)
		rc = model_drill_submit(t->st, t->data, inc, tui_by(t),
		    jtime_now(), t->err, sizeof t->err);
	if (rc == ST_OK)
		rc = tui_drill_result(t, run->dr, inc);
	incident_free(inc);
	return rc;
}

/* The checklist's days left count on the scenario's clock, which starts
 * at the discovery time of its truth: a drill played months after its
 * date would otherwise show every deadline overdue. */
static jtime_t
scenario_shift(const struct tui *t, const struct tui_drill_run *run)
{
	jtime_t disc;

	return drill_truth_time(run->dr, t->data->form, "discovered_at",
	    &disc) ? disc - run->started : 0;
}

static int
run_drill(struct tui *t, struct tui_drill_run *run, char *left,
    size_t leftlen)
{
	int rc;

	t->scenario_shift = scenario_shift(t, run);
	rc = tui_wizard_drill(t, run);
	t->scenario_shift = 0;

	if (rc == ST_OK && run->submitted)
		return submit_and_score(t, run);
	if (run->ref[0] != '\0')
		snprintf(left, leftlen, "%s", run->ref);
	return rc;
}

/* *back is set when the briefing was left with Esc (to the list). */
static int
play(struct tui *t, const struct drill *dr, char *left, size_t leftlen,
    int *back)
{
	struct tui_drill_run run;
	enum brief_end end;
	int rc = ST_OK, sig;

	*left = '\0';
	memset(&run, 0, sizeof run);
	run.dr = dr;
	run.revealed = xcalloc(dr->nclues + 1, 1);
	end = briefing(t, dr);
	*back = end == BRIEF_BACK;
	if (end == BRIEF_START && !tui_term_quit_signal()) {
		run.started = jtime_now();
		rc = run_drill(t, &run, left, leftlen);
	}
	free(run.revealed);
	if (rc == ST_OK && (sig = tui_term_quit_signal()) != 0)
		rc = 128 + sig;
	return rc;
}

int
tui_drill_play(struct tui *t, const struct drill *dr, char *left,
    size_t leftlen)
{
	int back;

	return play(t, dr, left, leftlen, &back);
}

int
tui_drill_resume(struct tui *t, const char *ref, char *left,
    size_t leftlen)
{
	struct tui_drill_run run;
	struct incident *inc;
	const struct drill *dr;
	char stamp[20];
	int rc;

	*left = '\0';
	rc = model_load(t->st, t->data, ref, &inc, t->err, sizeof t->err);
	if (rc != ST_OK)
		return rc;
	dr = inc->drill != NULL ? drill_find(&t->data->drills, inc->drill) :
	    NULL;
	/* Without its scenario a run can still be read in the wizard. */
	if (dr == NULL) {
		incident_free(inc);
		return tui_wizard_run(t, ref);
	}
	if (inc->closed) {
		rc = tui_drill_result(t, dr, inc);
		incident_free(inc);
		return rc;
	}
	memset(&run, 0, sizeof run);
	run.dr = dr;
	run.revealed = xcalloc(dr->nclues + 1, 1);
	snprintf(run.ref, sizeof run.ref, "%s", inc->ref);
	/* The clock ran on while the trainee was away: SPEC §8 counts
	 * from creation to submission. */
	snprintf(stamp, sizeof stamp, "%.19s", inc->created_at != NULL ?
	    inc->created_at : "");
	if (jtime_parse(stamp, &run.started, NULL, 0) != 0)
		run.started = jtime_now();
	incident_free(inc);
	rc = run_drill(t, &run, left, leftlen);
	free(run.revealed);
	return rc;
}

/* ---- the list of scenarios (home screen's `d`, `anshin-ir drill`) ---- */

struct pick {
	struct tui *t;
	int sel;
	struct tui_page p;
	char *left;			/* standalone: where a run left */
	size_t leftlen;
};

static void
pick_draw(void *ud)
{
	struct pick *k = ud;
	const struct drill_set *ds = &k->t->data->drills;
	char *line, *limit, *title;
	size_t i;

	erase();
	if (tui_too_small()) {
		tui_draw_too_small();
		return;
	}
	tui_page_clear(&k->p);
	tui_page_text(&k->p, _("Choose a scenario to play in the wizard "
	    "against the clock. Drill runs never appear among real "
	    "incidents."), 0, tui_term_attr(TC_DIM), -1, 0);
	if (ds->n == 0)
		tui_page_text(&k->p, _("No drill scenarios in the data "
		    "directory (data/drills/*.drill)."), 0, A_NORMAL, -1, 0);
	for (i = 0; i < ds->n; i++) {
		tui_page_add(&k->p, "", A_NORMAL, (int)i);
		line = xasprintf("%s%s", (int)i == k->sel ? "> " : "  ",
		    tr_get(&ds->v[i].title, k->t->lang));
		tui_page_add(&k->p, line, (int)i == k->sel ?
		    tui_term_attr(TC_FOCUS) : A_BOLD, (int)i);
		free(line);
		limit = limit_text(&ds->v[i]);
		line = xasprintf("    %s · %s", ds->v[i].name, limit);
		tui_page_add(&k->p, line, tui_term_attr(TC_DIM), (int)i);
		free(line);
		free(limit);
	}
	tui_page_show_item(&k->p, k->sel);
	title = xasprintf("anshin-ir  %s  %s", TUI_DRILL_MARK, _("Drills"));
	tui_page_draw(k->t, &k->p, title, NULL, KC_PICK);
	free(title);
}

static void
pick_message(struct pick *k, const char *text)
{
	struct strv p = { NULL, 0 };

	strv_push(&p, text);
	tui_view(k->t, _("Drills"), &p, pick_draw, k);
	strv_free(&p);
}

/* Plays the selected scenario; 1 when the list should close. */
static int
pick_play(struct pick *k, int *rc)
{
	const struct drill_set *ds = &k->t->data->drills;
	char left[16], *msg;
	int back;

	if (ds->n == 0)
		return 0;
	*rc = play(k->t, &ds->v[k->sel], left, sizeof left, &back);
	/* Standalone, the caller reports an error or an unsubmitted run
	 * once the terminal is back, as `drill NAME` does. */
	if (k->left != NULL && (*rc >= 128 || !back)) {
		snprintf(k->left, k->leftlen, "%s", left);
		return 1;
	}
	if (*rc >= 128)
		return 1;
	if (*rc != ST_OK)
		pick_message(k, k->t->err);
	else if (*left != '\0') {
		msg = xasprintf(_("The drill run %s is saved but not "
		    "submitted, so it has no score yet: anshin-ir resume %s "
		    "continues it."), left, left);
		pick_message(k, msg);
		free(msg);
	}
	*rc = ST_OK;
	return !back;
}

int
tui_drill_pick(struct tui *t, char *left, size_t leftlen)
{
	struct pick k = { t, 0, { NULL, 0, 0 }, left, leftlen };
	enum tui_act act;
	int rc = ST_OK, sig, done = 0;

	while (!done) {
		pick_draw(&k);
		refresh();
		act = tui_page_key(KC_PICK, NULL);
		if ((sig = tui_term_quit_signal()) != 0) {
			rc = 128 + sig;
			break;
		}
		if (act == TA_UP || act == TA_DOWN) {
			k.sel += act == TA_UP ? -1 : 1;
			if (k.sel >= (int)t->data->drills.n)
				k.sel = (int)t->data->drills.n - 1;
			if (k.sel < 0)
				k.sel = 0;
		} else if (tui_page_scroll(&k.p, act))
			continue;
		else if (act == TA_OPEN)
			done = pick_play(&k, &rc);
		else if (act == TA_HELP)
			tui_page_help(t, _("Drills"), _("Training scenarios "
			    "drawn from the facility guide's incident types."),
			    KC_PICK, pick_draw, &k);
		else if (act == TA_BACK || act == TA_QUIT ||
		    act == TA_INTERRUPT)
			done = 1;
	}
	tui_page_clear(&k.p);
	return rc;
}
