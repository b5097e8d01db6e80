/*
 * ui.h - what the TUI's screens share: the session (data, database,
 * language), the budget measurements of ANSHIN_IR_BENCH, modal windows
 * (help, yes/no, one-line questions) and the screens' entry points.
 */
#ifndef ANSHIN_TUI_UI_H
#define ANSHIN_TUI_UI_H

#include "cli.h"
#include "jtime.h"
#include "model.h"
#include "util.h"

/* Timings for `make bench` (DESIGN budgets), kept when ANSHIN_IR_BENCH=1. */
struct tui_bench {
	int on;
	double start;			/* ms, monotonic, at the entry point */
	double first_screen;		/* ms from start to the first refresh */
	double *answer;			/* ms from a confirmed key to redraw */
	double *save;			/* ms spent storing each answer */
	size_t n, cap;
	double review_sum, review_max;	/* incident screen: key to redraw */
	size_t nreview;
};

/* One interactive session. */
struct tui {
	const struct cli_env *env;
	enum lang lang;
	struct model_data *data;
	struct store *st;
	struct tui_bench bench;
	jtime_t scenario_shift;		/* during a drill: scenario time
					 * minus real time, else 0 */
	char err[1024];			/* why a screen gave up */
};

/* "Now" as the screens count days and type "now": during a drill the
 * scenario's clock, which started at its discovery time. */
jtime_t tui_now(const struct tui *t);
/* Who the wizard's changes are by: --by, else the default of SPEC §1. */
const char *tui_by(const struct tui *t);

double tui_ms(void);
void tui_bench_first_screen(struct tui *t);
void tui_bench_answer(struct tui *t, double key_ms, double save_ms);
void tui_bench_review(struct tui *t, double key_ms);

/* A rectangle of the screen. */
struct tui_box {
	int y, x, h, w;
};

/* Redraws whatever lies under a modal window (after a resize). */
typedef void (*tui_redraw_fn)(void *ud);

/* A scrollable window of paragraphs; a paragraph's leading spaces indent
 * all its wrapped lines. Returns when closed. */
void tui_view(struct tui *t, const char *title, const struct strv *paras,
    tui_redraw_fn redraw, void *ud);
/* A yes/no question; 1 for yes. */
int tui_ask(struct tui *t, const char *question, tui_redraw_fn redraw,
    void *ud);
/* A one-line question with an editable answer; returns 1 and sets *out
 * (caller frees) when confirmed, 0 when cancelled. */
int tui_prompt(struct tui *t, const char *question, const char *initial,
    char **out, tui_redraw_fn redraw, void *ud);

/* The smallest usable terminal (SPEC §7, DESIGN). */
#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24
int tui_too_small(void);
void tui_draw_too_small(void);
/* The title bar (row 0) and key-hint bar (last row). */
void tui_draw_bars(const char *title, const char *right, const char *hints);

/* The wizard on a new incident (ref NULL) or an existing one. Returns
 * ST_OK, an error status, or 128 + signal after SIGHUP/SIGTERM. */
int tui_wizard_run(struct tui *t, const char *ref);
/* The home screen. */
int tui_home_run(struct tui *t);

/* The wizard in drill mode (drillscreen.h): a countdown and the training
 * mark in the title bar, no "now" prefilled, F3 clues, F9 submit. The
 * run's incident is created by its first confirmed answer, with the
 * clock's start as its creation time. Returns like tui_wizard_run. */
struct tui_drill_run;
int tui_wizard_drill(struct tui *t, struct tui_drill_run *run);
/* The list of scenarios; the chosen one is played (drillscreen.c). From
 * the home screen (left NULL) errors and unsubmitted runs are shown in
 * the list, which stays open; returns ST_OK or 128 + signal. Standalone
 * (`anshin-ir drill`), the list closes after a run, which returns like
 * tui_drill_play and sets left to an unsubmitted run's reference. */
int tui_drill_pick(struct tui *t, char *left, size_t leftlen);

#endif
