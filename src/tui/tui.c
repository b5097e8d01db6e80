/*
 * tui.c - the TUI's entry points (tui.h): the terminal check, opening the
 * data and the database, running a screen between tui_term_start and
 * tui_term_stop, reporting errors once the terminal is restored, and the
 * ANSHIN_IR_BENCH=1 timings for `make bench`.
 */
#include "tui/tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "text.h"
#include "userfile.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/drillscreen.h"
#include "tui/keys.h"
#include "tui/term.h"
#include "tui/ui.h"

int
tui_check_terminal(char *err, size_t errlen)
{
	const char *term = getenv("TERM");
	const char *why = NULL;

	if (!isatty(STDIN_FILENO))
		why = _("standard input is not a terminal");
	else if (!isatty(STDOUT_FILENO))
		why = _("standard output is not a terminal");
	else if (term == NULL || *term == '\0')
		why = _("TERM is not set");
	else if (strcmp(term, "dumb") == 0)
		why = _("TERM=dumb cannot show the wizard");
	if (why == NULL)
		return ST_OK;
	return err_set(err, errlen, ST_UNAVAILABLE, _("no usable terminal for "
	    "the wizard (%s); use the command line instead: anshin-ir new "
	    "--answers FILE, anshin-ir list, anshin-ir show REF (see "
	    "anshin-ir --help)"), why);
}

/* --by, else $ANSHIN_IR_USER: a name given before the program started. */
static const char *
fixed_name(const struct tui *t)
{
	const char *u = getenv("ANSHIN_IR_USER");

	if (t->app->by != NULL)
		return t->app->by;
	return u != NULL && *u != '\0' ? u : NULL;
}

const char *
tui_who_initial(struct tui *t)
{
	if (t->who != NULL)
		return t->who;
	if (fixed_name(t) != NULL)
		return fixed_name(t);
	if (t->who_last == NULL)
		t->who_last = userfile_read_line(TUI_LAST_NAME);
	return t->who_last != NULL ? t->who_last : "";
}

void
tui_who_set(struct tui *t, const char *name)
{
	char *path, *line, err[256];

	if (t->who != NULL && strcmp(t->who, name) == 0)
		return;
	free(t->who);
	t->who = xstrdup(name);
	/* A name given on the command line is not this account's to keep. */
	if (fixed_name(t) != NULL && strcmp(fixed_name(t), name) == 0)
		return;
	if ((path = userfile_path(TUI_LAST_NAME)) == NULL)
		return;
	line = xasprintf("%s\n", name);
	/* Only a convenience for next time: a failure changes nothing. */
	(void)userfile_write(path, line, strlen(line), err, sizeof err);
	free(line);
	free(path);
}

const char *
tui_signer(struct tui *t)
{
	struct tui_dfield f;

	if (t->who != NULL)
		return t->who;
	if (fixed_name(t) != NULL) {
		t->who = xstrdup(fixed_name(t));
		return t->who;
	}
	tui_dialog_name(t, &f);
	if (!tui_dialog(t, _("Who is recording this?"), NULL, &f, 1, 0))
		return NULL;
	tui_who_set(t, util_trim(f.value));
	tui_dialog_free(&f, 1);
	return t->who;
}

void
tui_bench_first_screen(struct tui *t)
{
	if (t->bench.on && t->bench.first_screen == 0)
		t->bench.first_screen = tui_term_ms() - t->bench.start;
}

enum { BENCH_NONE, BENCH_ANSWER, BENCH_REVIEW };

void
tui_bench_answer(struct tui *t, double save_ms)
{
	t->bench.pending = BENCH_ANSWER;
	t->bench.pending_save = save_ms;
}

void
tui_bench_review(struct tui *t)
{
	t->bench.pending = BENCH_REVIEW;
}

static void
add_answer(struct tui_bench *b, double key_ms, double save_ms)
{
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->answer = xreallocarray(b->answer, b->cap, sizeof *b->answer);
		b->save = xreallocarray(b->save, b->cap, sizeof *b->save);
	}
	b->answer[b->n] = key_ms;
	b->save[b->n++] = save_ms;
}

static void
add_review(struct tui_bench *b, double key_ms)
{
	b->review_sum += key_ms;
	b->review_max = key_ms > b->review_max ? key_ms : b->review_max;
	b->nreview++;
}

void
tui_bench_drawn(struct tui *t, double key_at)
{
	struct tui_bench *b = &t->bench;
	int what = b->pending;

	b->pending = BENCH_NONE;
	if (!b->on || key_at < 0)
		return;
	if (what == BENCH_ANSWER)
		add_answer(b, tui_term_ms() - key_at, b->pending_save);
	else if (what == BENCH_REVIEW)
		add_review(b, tui_term_ms() - key_at);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Printed after endwin, one "key=value" line each, for tests/bench.sh. */
static void
bench_report(struct tui *t)
{
	struct tui_bench *b = &t->bench;
	double max = 0;
	size_t i;

	if (!b->on)
		return;
	for (i = 0; i < b->n; i++)
		max = b->answer[i] > max ? b->answer[i] : max;
	fprintf(stderr, "bench: start_to_first_screen_ms=%.3f\n",
	    b->first_screen);
	fprintf(stderr, "bench: answers=%zu\n", b->n);
	fprintf(stderr, "bench: answer_to_redraw_ms_median=%.3f\n",
	    median(b->answer, b->n));
	fprintf(stderr, "bench: answer_to_redraw_ms_max=%.3f\n", max);
	fprintf(stderr, "bench: save_ms_median=%.3f\n", median(b->save, b->n));
	if (b->nreview > 0)
		fprintf(stderr, "bench: review_keys=%zu review_key_to_redraw_"
		    "ms_mean=%.3f review_key_to_redraw_ms_max=%.3f\n",
		    b->nreview, b->review_sum / (double)b->nreview,
		    b->review_max);
	free(b->answer);
	free(b->save);
}

static int
report(struct tui *t, int rc)
{
	char *clean;

	if (rc >= 128)
		fprintf(stderr, _("anshin-ir: stopped by signal %d; every "
		    "confirmed answer is saved\n"), rc - 128);
	else if (rc != ST_OK) {
		clean = text_sanitize(t->err, 1);
		fprintf(stderr, "anshin-ir: %s\n", clean);
		free(clean);
	}
	return rc;
}

static int
open_session(struct tui *t, struct app *app)
{
	const char *b = getenv("ANSHIN_IR_BENCH");
	int rc;

	memset(t, 0, sizeof *t);
	t->bench.on = b != NULL && strcmp(b, "1") == 0;
	t->bench.start = tui_term_ms();
	t->app = app;
	t->lang = app->lang;
	rc = app_store(app, t->err, sizeof t->err);
	t->data = app->data;
	t->st = app->store;
	tui_draw_lang(t->lang == LANG_EN);
	if (rc == ST_OK && tui_term_start() != 0)
		rc = err_set(t->err, sizeof t->err, ST_UNAVAILABLE,
		    _("cannot use this terminal (TERM=%s); use the command "
		    "line instead (see anshin-ir --help)"), getenv("TERM"));
	return rc;
}

static int
close_session(struct tui *t, int rc)
{
	/* However the screens ended, a SIGHUP or SIGTERM is the status. */
	if (rc == ST_OK && t->sig != 0)
		rc = 128 + t->sig;
	tui_term_stop();
	report(t, rc);
	bench_report(t);
	free(t->who);
	free(t->who_last);
	return rc;
}

int
tui_home(struct app *app)
{
	struct tui t;
	int rc = open_session(&t, app);

	if (rc == ST_OK)
		rc = tui_home_run(&t);
	return close_session(&t, rc);
}

int
tui_new(struct app *app)
{
	struct tui t;
	int rc = open_session(&t, app);

	if (rc == ST_OK)
		rc = tui_wizard_run(&t, NULL);
	return close_session(&t, rc);
}

int
tui_settings(struct app *app)
{
	struct tui t;
	int rc = open_session(&t, app);

	if (rc == ST_OK)
		rc = tui_settings_run(&t, NULL);
	return close_session(&t, rc);
}

void
tui_keys_print(enum lang lang)
{
	struct strv lines = { NULL, 0 };
	size_t i;

	tui_keys_reference(lang, &lines);
	for (i = 0; i < lines.n; i++)
		printf("%s\n", lines.v[i]);
	strv_free(&lines);
}

/* Once the terminal is back: where a drill run left unsubmitted is. */
static void
drill_left(const char *left)
{
	if (*left != '\0')
		fprintf(stderr, _("anshin-ir: drill run %s left without "
		    "submitting (not scored); continue it with: anshin-ir "
		    "resume %s\n"), left, left);
}

int
tui_resume(struct app *app, const char *ref)
{
	struct tui t;
	char left[16] = "";
	int rc = open_session(&t, app);

	/* A drill run resumes as a drill (tui_wizard_run otherwise). */
	if (rc == ST_OK)
		rc = tui_drill_resume(&t, ref, left, sizeof left);
	rc = close_session(&t, rc);
	drill_left(left);
	return rc;
}

int
tui_drill(struct app *app, const char *scenario)
{
	struct tui t;
	const struct drill *dr = NULL;
	char left[16] = "";
	int rc = open_session(&t, app);

	if (rc == ST_OK && scenario == NULL)
		rc = tui_drill_pick(&t, left, sizeof left);
	else if (rc == ST_OK &&
	    (dr = drill_find(&t.data->drills, scenario)) == NULL)
		rc = err_set(t.err, sizeof t.err, ST_NOINPUT, _("no drill "
		    "scenario '%s' (see 'anshin-ir drill --list')"), scenario);
	if (rc == ST_OK && dr != NULL)
		rc = tui_drill_play(&t, dr, left, sizeof left);
	rc = close_session(&t, rc);
	drill_left(left);
	return rc;
}
