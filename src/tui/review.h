/*
 * review.h - the incident screen of the post-incident review:
 * five views of one incident (summary, checklist, timeline, assessment,
 * notes) over the core's model, with marking actions done or skipped,
 * notes, closing with recurrence measures, reopening and the PDF export.
 * review.c runs the screen and its keys, review_act.c makes the changes,
 * review_view.c lays each view out as rows; only the rows in the window
 * reach the terminal.
 */
#ifndef ANSHIN_TUI_REVIEW_H
#define ANSHIN_TUI_REVIEW_H

#include <curses.h>

#include "model.h"
#include "tui/keys.h"
#include "tui/rows.h"
#include "tui/screen.h"
#include "tui/ui.h"

/* The incident screen on ref, opened from the home screen. Returns ST_OK
 * when the user went back (*quit set when they chose to leave anshin-ir),
 * an error status (the reason in t->err) or 128 + signal. */
int tui_review_run(struct tui *t, const char *ref, int *quit);

enum review_view { RV_SUMMARY, RV_CHECKLIST, RV_TIMELINE, RV_ASSESS,
	RV_NOTES, RV_COUNT };

/* One timeline event, copied out of the store. */
struct review_event {
	char *at, *kind, *key, *old, *new_, *by;
};

/* What the views are laid out from. */
struct review_data {
	struct tui *t;
	const struct incident *inc;
	const struct evaluation *ev;
	const struct review_event *events;
	size_t nevents;
};

/* The incident screen's state (review.c). */
struct review {
	struct tui_screen s;
	struct tui *t;
	char ref[16];
	struct incident *inc;
	struct evaluation ev;
	struct review_event *events;
	size_t nevents, cap_events;
	enum review_view view;
	struct tui_rows rows;		/* the current view at rows_cols */
	int rows_cols;			/* -1: to lay out again */
	int top[RV_COUNT];		/* first row shown, per view */
	size_t sel;			/* selected checklist item */
	char *status;			/* one-key message in the hint bar */
	int quit;			/* Ctrl-C: leave anshin-ir */
};

/* review.c: for the changes of review_act.c */
void review_status(struct review *r, const char *msg);
void review_message(struct review *r, const char *title,
    const struct strv *paras);
void review_message1(struct review *r, const char *title, const char *text);
/* Reads the incident, checklist and timeline again (before and after a
 * change); 0 when that failed (the error was shown). */
int review_refresh(struct review *r);

/* review_act.c: the keys that change something */
void review_act(struct review *r, enum tui_act act);
void review_edit(struct review *r);
void review_close(struct review *r);
void review_reopen(struct review *r);
void review_export(struct review *r);

/* review_view.c: lays out view v at width cols (rows appended to out). */
void review_view_build(const struct review_data *d, enum review_view v,
    int cols, struct tui_rows *out);

/* Names for the tab row and the views' own wording. */
const char *review_view_name(enum review_view v);
/* "YYYY-MM-DD HH:MM" of a stored ISO 8601 time (out: 17 bytes). */
void review_short_time(const char *iso, char *out, size_t len);

#endif
