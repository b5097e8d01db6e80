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
#include "tui/draw.h"
#include "text.h"
#include "tui/keys.h"
#include "tui/page.h"
#include "tui/screen.h"
#include "tui/term.h"

/* ---- the clock ---- */

void
tui_drill_mmss(long secs, char *out, size_t len)
{
	snprintf(out, len, "%02ld:%02ld", secs / 60, secs % 60);
}

void
tui_drill_clock(const struct tui_drill_run *run, jtime_t now, char *out,
    size_t len)
{
	long spent = (long)(now - run->started), left;
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
	struct tui_screen s;
	struct tui *t;
	const struct drill *dr;
	struct tui_page p;
	enum brief_end end;
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
	    "F10 leaves without submitting, and \"continue\" in the list of "
	    "drills goes on with it later."), 0, A_NORMAL, -1, 0);
	tui_page_add(&b->p, "", A_NORMAL, -1);
	line = xasprintf(_("Score out of 100: %d for the answers that match "
	    "the scenario, %d for the expected actions marked done, %d for the "
	    "right assessment (reportable and its grounds), and up to %d off "
	    "for going over the time limit."), SCORE_ANSWERS, SCORE_ACTIONS,
	    SCORE_ASSESSMENT, SCORE_LATE_MAX);
	tui_page_text(&b->p, line, 0, tui_term_attr(TC_DIM), -1, 0);
	free(line);
}

static void
brief_draw(struct tui_screen *s)
{
	struct brief *b = TUI_SCREEN_OF(s, struct brief, s);
	char *title, *limit;

	tui_erase();
	brief_build(b);
	title = xasprintf("anshin-ir  %s  %s  %s", TUI_DRILL_MARK,
	    _("Briefing"), tr_get(&b->dr->title, b->t->lang));
	limit = limit_text(b->dr);
	tui_page_draw(b->t, &b->p, title, limit, KC_BRIEF);
	free(limit);
	free(title);
}

static void
brief_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct brief *b = TUI_SCREEN_OF(s, struct brief, s);

	(void)key;
	if (tui_page_scroll(&b->p, act))
		return;
	if (act == TA_START) {
		b->end = BRIEF_START;
		tui_screen_end(s, ST_OK);
	} else if (act == TA_BACK || act == TA_QUIT)
		/* F10 leaves the briefing: back to the list, or out of the
		 * program when `drill NAME` opened it (the caller's). */
		tui_screen_end(s, ST_OK);
	else if (act == TA_INTERRUPT && tui_ask(b->t, _("Leave the drill?"))) {
		b->end = BRIEF_QUIT;
		tui_screen_end(s, ST_OK);
	} else if (act == TA_HELP)
		tui_help(b->t, tr_get(&b->dr->title, b->t->lang),
		    _("The scenario's briefing. Nothing is recorded until you "
		    "start."), KC_BRIEF);
}

static const struct tui_screen_ops brief_ops = {
	.small = TUI_SMALL_LEAVE,
	.keys = KC_BRIEF,
	.draw = brief_draw,
	.key = brief_key,
};

/* The briefing until the trainee starts, goes back or leaves (*end);
 * returns like tui_run. */
static int
briefing(struct tui *t, const struct drill *dr, enum brief_end *end)
{
	struct brief b = { { &brief_ops, NULL, NULL, 0, 0 }, t, dr,
		{ NULL, 0, 0 }, BRIEF_BACK };
	int rc = tui_run(t, &b.s);

	tui_page_clear(&b.p);
	*end = b.end;
	return rc;
}

/* ---- the questions (clues) ---- */

struct clues {
	struct tui_screen s;
	struct tui *t;
	struct tui_drill_run *run;
	int sel;
	struct tui_page p;
	int leave;			/* Ctrl-C: leave the drill */
	jtime_t shown;			/* the second the countdown shows */
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
clues_draw(struct tui_screen *s)
{
	struct clues *c = TUI_SCREEN_OF(s, struct clues, s);
	const struct drill *dr = c->run->dr;
	char when[96], *title, *right;
	size_t i, asked = 0;

	tui_erase();
	for (i = 0; i < dr->nclues; i++)
		asked += c->run->revealed[i] != 0;
	clues_build(c);
	tui_page_show_item(&c->p, c->sel);
	tui_drill_clock(c->run, app_now(c->t->app), when, sizeof when);
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
show_briefing(struct tui *t, const struct drill *dr)
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
	tui_view(t, tr_get(&dr->title, t->lang), &p);
	strv_free(&p);
	free(copy);
}

static void
clues_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct clues *c = TUI_SCREEN_OF(s, struct clues, s);

	if (tui_page_select(&c->sel, c->run->dr->nclues, act) ||
	    tui_page_scroll(&c->p, act))
		return;
	if (act == TA_OPEN)
		clue_ask(c, c->sel);
	else if (act == TA_DIGIT)
		clue_ask(c, key - '1');
	else if (act == TA_BRIEFING)
		show_briefing(c->t, c->run->dr);
	else if (act == TA_HELP)
		tui_help(c->t, _("Questions"), _("Questions you may ask "
		    "the staff about the incident; an answer stays listed once "
		    "asked. Asking is not scored."), KC_CLUES);
	else if (act == TA_BACK || act == TA_QUIT)
		tui_screen_end(s, ST_OK);
	else if (act == TA_INTERRUPT && tui_ask(c->t, _("Leave the drill "
	    "without submitting? Everything confirmed is saved; \"continue\" "
	    "in the list of drills goes on with it."))) {
		c->leave = 1;
		tui_screen_end(s, ST_OK);
	}
}

/* The countdown in the title moves each second. */
static int
clues_tick(struct tui_screen *s)
{
	struct clues *c = TUI_SCREEN_OF(s, struct clues, s);
	jtime_t now = app_now(c->t->app);

	if (now == c->shown)
		return 0;
	c->shown = now;
	return 1;
}

static const struct tui_screen_ops clues_ops = {
	.small = TUI_SMALL_LEAVE,
	.keys = KC_CLUES,
	.draw = clues_draw,
	.key = clues_key,
	.tick = clues_tick,
};

int
tui_drill_clues(struct tui *t, struct tui_drill_run *run)
{
	struct clues c = { { &clues_ops, NULL, NULL, 0, 0 }, t, run, 0,
		{ NULL, 0, 0 }, 0, 0 };
	size_t i;

	/* Open on the first question not asked yet. */
	for (i = 0; i < run->dr->nclues && run->revealed[i]; i++)
		;
	c.sel = i < run->dr->nclues ? (int)i : 0;
	(void)tui_run(t, &c.s);
	tui_page_clear(&c.p);
	return c.leave;
}

/* ---- a run: wizard, submission, score ---- */

/* Under the name question at submission: the wizard is gone by then,
 * and the list it was chosen from is not what is being signed. */
static void
blank_draw(struct tui_screen *s)
{
	(void)s;
	tui_erase();
}

static const struct tui_screen_ops blank_ops = { .draw = blank_draw };

static const char *
submission_signer(struct tui *t)
{
	struct tui_screen blank = { &blank_ops, NULL, NULL, 0, 0 };
	const char *by;

	tui_screen_push(t, &blank);
	by = tui_signer(t);
	tui_screen_pop(t);
	return by;
}

static int
submit_and_score(struct tui *t, struct tui_drill_run *run)
{
	struct answer_set none = { NULL, 0 };
	struct incident *inc = NULL;
	const char *by = submission_signer(t);
	int rc;

	if (by == NULL)
		return ST_OK;
	/* Submitted before any answer: still a run, scored as one. */
	if (run->ref[0] == '\0') {
		rc = model_create(t->st, t->data, &none, run->dr->name, by,
		    run->started, &inc, t->err, sizeof t->err);
		if (rc == ST_OK)
			snprintf(run->ref, sizeof run->ref, "%s", inc->ref);
	} else
		rc = model_load(t->st, t->data, run->ref, &inc, t->err,
		    sizeof t->err);
	if (rc == ST_OK)
		rc = model_drill_submit(t->st, t->data, inc, by,
		    app_now(t->app), t->err, sizeof t->err);
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

	return drill_truth_time(run->dr, t->data->form, FIELD_DISCOVERED_AT,
	    &disc) ? disc - run->started : 0;
}

static int
run_drill(struct tui *t, struct tui_drill_run *run, char *left,
    size_t leftlen)
{
	int rc;

	t->app->shift = scenario_shift(t, run);
	rc = tui_wizard_drill(t, run);
	t->app->shift = 0;

	if (rc == ST_OK && run->submitted)
		rc = submit_and_score(t, run);
	if (rc == ST_OK && run->submitted && t->who != NULL)
		return rc;
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
	int rc;

	*left = '\0';
	memset(&run, 0, sizeof run);
	run.dr = dr;
	run.revealed = xcalloc(dr->nclues + 1, 1);
	rc = briefing(t, dr, &end);
	*back = end == BRIEF_BACK;
	if (rc == ST_OK && end == BRIEF_START) {
		run.started = app_now(t->app);
		rc = run_drill(t, &run, left, leftlen);
	}
	free(run.revealed);
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
	/* The clock ran on while the trainee was away: docs/contract.md §8
	 * counts from creation to submission. */
	snprintf(stamp, sizeof stamp, "%.19s", inc->created_at != NULL ?
	    inc->created_at : "");
	if (jtime_parse(stamp, &run.started, NULL, 0) != 0)
		run.started = app_now(t->app);
	incident_free(inc);
	rc = run_drill(t, &run, left, leftlen);
	free(run.revealed);
	return rc;
}

/* ---- the list of scenarios (home screen's `d`, `anshin-ir drill`) ---- */

/* One line of the list: a scenario, or its run left unsubmitted. */
struct pick_entry {
	size_t scenario;
	char ref[16];			/* "" for the scenario itself */
	char *started;
};

struct pick {
	struct tui_screen s;
	struct tui *t;
	int sel;
	struct tui_page p;
	char *left;			/* standalone: where a run left */
	size_t leftlen;
	struct pick_entry *e;
	size_t n;
};

struct open_runs {
	struct store_incident *v;
	size_t n;
};

static void
collect_run(void *ud, const struct store_incident *row)
{
	struct open_runs *r = ud;

	if (row->closed || row->drill == NULL)
		return;
	r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
	memset(&r->v[r->n], 0, sizeof *r->v);
	snprintf(r->v[r->n].ref, sizeof r->v[r->n].ref, "%s", row->ref);
	r->v[r->n].drill = xstrdup(row->drill);
	r->v[r->n++].created_at = xstrdup(row->created_at != NULL ?
	    row->created_at : "");
}

static void
entries_free(struct pick *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->e[i].started);
	free(k->e);
	k->e = NULL;
	k->n = 0;
}

static void
add_entry(struct pick *k, size_t scenario, const char *ref,
    const char *started)
{
	k->e = xreallocarray(k->e, k->n + 1, sizeof *k->e);
	k->e[k->n].scenario = scenario;
	snprintf(k->e[k->n].ref, sizeof k->e[k->n].ref, "%s", ref);
	k->e[k->n++].started = xstrdup(started);
}

/* Each scenario, and under it every run of it left unsubmitted: a
 * drill left with F10 goes on from the list. */
static void
pick_load(struct pick *k)
{
	const struct drill_set *ds = &k->t->data->drills;
	struct open_runs r = { NULL, 0 };
	char when[32];
	size_t i, j;

	entries_free(k);
	(void)store_list(k->t->st, STORE_LIST_DRILLS, collect_run, &r, NULL, 0);
	for (i = 0; i < ds->n; i++) {
		add_entry(k, i, "", "");
		for (j = 0; j < r.n; j++)
			if (strcmp(r.v[j].drill, ds->v[i].name) == 0) {
				snprintf(when, sizeof when, "%.10s %.5s",
				    r.v[j].created_at, strlen(r.v[j].created_at)
				    > 11 ? r.v[j].created_at + 11 : "");
				add_entry(k, i, r.v[j].ref, when);
			}
	}
	for (j = 0; j < r.n; j++) {
		free(r.v[j].drill);
		free(r.v[j].created_at);
	}
	free(r.v);
	if (k->sel >= (int)k->n)
		k->sel = k->n > 0 ? (int)k->n - 1 : 0;
}

static void
pick_line(struct pick *k, size_t i)
{
	const struct drill *dr = &k->t->data->drills.v[k->e[i].scenario];
	char *line, *limit;
	int sel = (int)i == k->sel;
	attr_t a = sel ? tui_term_attr(TC_FOCUS) : A_BOLD;

	if (k->e[i].ref[0] != '\0') {
		line = xasprintf("%s    %s%s", sel ? ">" : " ",
		    _("Continue: the run started "), k->e[i].started);
		tui_page_add(&k->p, line, sel ? a : A_NORMAL, (int)i);
		free(line);
		return;
	}
	tui_page_add(&k->p, "", A_NORMAL, (int)i);
	line = xasprintf("%s %s", sel ? ">" : " ", tr_get(&dr->title,
	    k->t->lang));
	tui_page_add(&k->p, line, a, (int)i);
	free(line);
	limit = limit_text(dr);
	line = xasprintf("    %s", limit);
	tui_page_add(&k->p, line, tui_term_attr(TC_DIM), (int)i);
	free(line);
	free(limit);
}

static void
pick_draw(struct tui_screen *s)
{
	struct pick *k = TUI_SCREEN_OF(s, struct pick, s);
	char *title;
	size_t i;

	tui_erase();
	tui_page_clear(&k->p);
	tui_page_text(&k->p, _("Choose a scenario to play in the wizard "
	    "against the clock, or \"continue\" to go on with a run left "
	    "unsubmitted. Drill runs never appear among real incidents."), 0,
	    tui_term_attr(TC_DIM), -1, 0);
	if (k->n == 0)
		tui_page_text(&k->p, _("No drill scenarios are installed."), 0,
		    A_NORMAL, -1, 0);
	for (i = 0; i < k->n; i++)
		pick_line(k, i);
	tui_page_show_item(&k->p, k->sel);
	title = xasprintf("anshin-ir  %s  %s", TUI_DRILL_MARK,
	    _("List of drills"));
	tui_page_draw(k->t, &k->p, title, NULL, KC_PICK);
	free(title);
}

static void
pick_message(struct pick *k, const char *text)
{
	struct strv p = { NULL, 0 };

	strv_push(&p, text);
	tui_view(k->t, _("Drills"), &p);
	strv_free(&p);
}

/* Plays the selected entry: its scenario from the briefing, or the run
 * left unsubmitted from where it was. 1 when the list should close. */
static int
pick_play(struct pick *k, int *rc)
{
	const struct pick_entry *e;
	char left[16] = "";
	int back = 0;

	if (k->n == 0)
		return 0;
	e = &k->e[k->sel];
	if (e->ref[0] != '\0')
		*rc = tui_drill_resume(k->t, e->ref, left, sizeof left);
	else
		*rc = play(k->t, &k->t->data->drills.v[e->scenario], left,
		    sizeof left, &back);
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
	else if (*left != '\0')
		pick_message(k, _("The drill run is saved but not submitted, "
		    "so it has no score yet: choose \"continue\" under its "
		    "scenario to go on with it."));
	*rc = ST_OK;
	pick_load(k);
	/* A scored run goes back home; one left unsubmitted keeps the list
	 * open on its "continue" line. */
	return *left == '\0' && !back;
}

static void
pick_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct pick *k = TUI_SCREEN_OF(s, struct pick, s);
	int rc = ST_OK;

	(void)key;
	if (tui_page_select(&k->sel, k->n, act) || tui_page_scroll(&k->p, act))
		return;
	if (act == TA_OPEN) {
		if (pick_play(k, &rc))
			tui_screen_end(s, rc);
	} else if (act == TA_HELP)
		tui_help(k->t, _("Drills"), _("Training scenarios drawn "
		    "from the facility guide's incident types. A run left "
		    "without submitting is listed under its scenario as "
		    "\"continue\"."), KC_PICK);
	else if (act == TA_BACK || act == TA_QUIT || act == TA_INTERRUPT)
		tui_screen_end(s, ST_OK);
}

static const struct tui_screen_ops pick_ops = {
	.small = TUI_SMALL_LEAVE,
	.keys = KC_PICK,
	.draw = pick_draw,
	.key = pick_key,
};

int
tui_drill_pick(struct tui *t, char *left, size_t leftlen)
{
	struct pick k = { { &pick_ops, NULL, NULL, 0, 0 }, t, 0,
		{ NULL, 0, 0 }, left, leftlen, NULL, 0 };
	int rc;

	pick_load(&k);
	rc = tui_run(t, &k.s);
	tui_page_clear(&k.p);
	entries_free(&k);
	return rc;
}
