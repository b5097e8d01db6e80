/*
 * ui.h - what the TUI's screens share: the session (data, database,
 * language, the stack of screens), the budget measurements of
 * ANSHIN_IR_BENCH, modal windows (help, yes/no, one-line questions) and
 * the screens' entry points.
 */
#ifndef ANSHIN_TUI_UI_H
#define ANSHIN_TUI_UI_H

#include "app.h"
#include "jtime.h"
#include "model.h"
#include "tui/keys.h"
#include "util.h"

/* Timings for `make bench` (docs/architecture.md budgets), kept when
 * ANSHIN_IR_BENCH=1. */
struct tui_bench {
	int on;
	double start;			/* ms, monotonic, at the entry point */
	double first_screen;		/* ms from start to the first refresh */
	double *answer;			/* ms from a confirmed key to redraw */
	double *save;			/* ms spent storing each answer */
	size_t n, cap;
	double review_sum, review_max;	/* incident screen: key to redraw */
	size_t nreview;
	int pending;			/* what the next redraw measures */
	double pending_save;
};

struct tui_screen;

/* One interactive session. */
struct tui {
	struct app *app;
	struct tui_screen *top;		/* the stack of screens (screen.h) */
	enum lang lang;
	struct model_data *data;	/* the app's, loaded once */
	struct store *st;		/* the app's one connection */
	struct tui_bench bench;
	char *who;			/* the name signing this session's
					 * changes, once known */
	char *who_last;			/* the name last used on this
					 * account (a file), for prefilling */
	int sig;			/* the SIGHUP or SIGTERM that ended
					 * the screens (set by the loop) */
	char err[1024];			/* why a screen gave up */
};

/* Who signs the session's changes (docs/contract.md §1): --by or
 * $ANSHIN_IR_USER when given, and nothing is asked; else the name the
 * person typed at the first change, asked then with the name last used
 * on this account prefilled. Returns NULL when the person cancelled (the
 * change is then not made). Never the login name: that is for scripts. */
const char *tui_signer(struct tui *t);
/* The file under $XDG_CONFIG_HOME/anshin-ir/ keeping the last name. */
#define TUI_LAST_NAME "last-name"
/* What a change's popup prefills its name box with (may be ""). */
const char *tui_who_initial(struct tui *t);
/* The name a popup was confirmed with signs from now on, and is kept as
 * the last name used on this account. */
void tui_who_set(struct tui *t, const char *name);

void tui_bench_first_screen(struct tui *t);
/* The key being handled stored an answer (in save_ms), or was a key of
 * the incident screen: the redraw that follows is measured from it. */
void tui_bench_answer(struct tui *t, double save_ms);
void tui_bench_review(struct tui *t);
/* After a redraw: what the last key (read at key_at, -1 for none) was
 * marked for is measured. */
void tui_bench_drawn(struct tui *t, double key_at);

/* A rectangle of the screen. */
struct tui_box {
	int y, x, h, w;
};


/* Popups over the screen on top (popup.c), each run by the loop until
 * it is closed. A scrollable window of paragraphs; a paragraph's leading
 * spaces indent all its wrapped lines. */
void tui_view(struct tui *t, const char *title, const struct strv *paras);
/* The F1 window of a screen: what it is for, then the keys of ctx. */
void tui_help(struct tui *t, const char *title, const char *about,
    unsigned ctx);
/* The same with the keys of ctx (KC_VIEW and its own): returns the
 * action of the key that closed it (TA_BACK for Esc). */
enum tui_act tui_view_keys(struct tui *t, const char *title,
    const struct strv *paras, unsigned ctx);
/* A yes/no question; 1 for yes. */
int tui_ask(struct tui *t, const char *question);
/* A one-line question with an editable answer; returns 1 and sets *out
 * (caller frees) when confirmed, 0 when cancelled. */
int tui_prompt(struct tui *t, const char *question, const char *initial,
    char **out);

/* The smallest usable terminal (docs/contract.md §7, docs/architecture.md). */
#define TUI_MIN_COLS 80
#define TUI_MIN_ROWS 24
int tui_too_small(void);
void tui_draw_too_small(void);
/* The title bar (row 0) and key-hint bar (last row). The title's items
 * are separated by two spaces; when they do not fit beside `right` (the
 * save state, always kept), whole items go: the program's name first,
 * then from the end (so the reference goes last). */
void tui_draw_bars(const char *title, const char *right, const char *hints);

/* The wizard on a new incident (ref NULL) or an existing one. Returns
 * ST_OK, an error status, or 128 + signal after SIGHUP/SIGTERM. */
int tui_wizard_run(struct tui *t, const char *ref);
/* The home screen. */
int tui_home_run(struct tui *t);
/* The settings screen (settings.c): the facility profile and every
 * contact, written to the user's contacts.conf; opened at section (NULL:
 * the first). The session's contacts are read again afterwards. Returns
 * ST_OK or 128 + signal. */
int tui_settings_run(struct tui *t, const char *section);

/* The device ledger (ledger.c): its list, and a screen per device.
 * Returns ST_OK, an error status, or 128 + signal. */
int tui_ledger_run(struct tui *t);

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
