/*
 * review.h - the incident screen of the post-incident review: six views
 * of one incident (summary, checklist, timeline, assessment, notes, the
 * notices to the individuals) over the core's model, with marking
 * actions done or skipped, notes, closing with recurrence measures,
 * reopening, the PDF export, and the notices' marks and enquiries.
 * review.c runs the screen and its keys, review_act.c makes the changes,
 * review_view.c lays each view out as rows, review_notice.c is view 6;
 * only the rows in the window reach the terminal.
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
	RV_NOTES, RV_NOTICES, RV_COUNT };

/* One timeline event, copied out of the store. */
struct review_event {
	char *at, *kind, *key, *old, *new_, *by, *via;
};

/* What the views are laid out from. */
struct review_data {
	struct tui *t;
	const struct incident *inc;
	const struct evaluation *ev;
	const struct review_event *events;
	size_t nevents;
};

/* View 6, the notices to the individuals (review_notice.c): the
 * recipients with their marks and the enquiries, the people picked, the
 * cursor among those shown, and whether only the unsent are shown. */
struct review_notices {
	struct notice_list list;
	struct notice_enquiries enquiries;
	unsigned char *picked;		/* one per recipient of list */
	size_t cur;
	int only_unsent;
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
	struct review_notices notices;
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
/* x in view 6: the letters to the people shown (all, or the unsent). */
void review_export_letters(struct review *r);

/* review_notice.c: view 6 */
int review_notices_reload(struct review *r, long id, char *err,
    size_t errlen);
void review_notices_free(struct review_notices *n);
void review_notices_rows(const struct review *r, int cols,
    struct tui_rows *out);
void review_notices_key(struct review *r, enum tui_act act);
/* How many recipients the view shows now. */
size_t review_notices_shown(const struct review *r);

/* review_view.c: lays out view v at width cols (rows appended to out). */
void review_view_build(const struct review_data *d, enum review_view v,
    int cols, struct tui_rows *out);

/* Names for the tab row and the views' own wording. */
const char *review_view_name(enum review_view v);
/* s cut or padded with spaces to exactly cols columns (caller frees). */
char *review_pad(const char *s, int cols);
/* "YYYY-MM-DD HH:MM" of a stored ISO 8601 time (out: 17 bytes). */
void review_short_time(const char *iso, char *out, size_t len);

#endif
