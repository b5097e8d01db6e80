/*
 * keys.h - the TUI's keys of docs/contract.md §7, declared once in one table
 * (key, context, action, hint in ja/en). Key dispatch, the key-hint bar and the
 * F1 help all read that table, so what the screen says is what keys do.
 */
#ifndef ANSHIN_TUI_KEYS_H
#define ANSHIN_TUI_KEYS_H

#include "util.h"

/* Where a key is pressed: one bit per context. */
enum tui_ctx {
	KC_HOME = 1 << 0,	/* home screen list */
	KC_CHOICE = 1 << 1,	/* a choice field */
	KC_MULTI = 1 << 2,	/* a multi-choice field */
	KC_TEXT = 1 << 3,	/* one-line text, integer, time */
	KC_LONG = 1 << 4,	/* multi-line text */
	KC_LIST = 1 << 5,	/* the wizard's checklist, focused with F2 */
	KC_VIEW = 1 << 6,	/* a help or detail window */
	KC_PROMPT = 1 << 7,	/* a one-line question (search) */
	KC_ASK = 1 << 8,	/* a yes/no question */
	KC_BRIEF = 1 << 9,	/* a drill's briefing */
	KC_CLUES = 1 << 10,	/* a drill's questions (clues) */
	KC_SCORE = 1 << 11,	/* a drill's score and debrief */
	KC_PICK = 1 << 12,	/* the list of drill scenarios */
	KC_DRILL = 1 << 13,	/* added to the wizard's context in a drill */
	KC_REVIEW = 1 << 14,	/* the incident screen, any view */
	KC_RLIST = 1 << 15,	/* its checklist view (with KC_REVIEW) */
	KC_OFFER = 1 << 16,	/* a field picked from offers (the device
				 * from the ledger; with KC_TEXT) */
	KC_DIALOG = 1 << 17,	/* a popup of boxes (with KC_TEXT/KC_LONG) */
	KC_ROPEN = 1 << 18,	/* an open incident (with KC_REVIEW) */
	KC_RCLOSED = 1 << 19,	/* a closed incident (with KC_REVIEW) */
	KC_DLAST = 1 << 20,	/* a popup's last box, of several lines */
	KC_ENTER_SKIP = 1 << 21, /* with a field: Enter leaves it unanswered */
	KC_ENTER_KEEP = 1 << 22, /* Enter keeps the stored answer */
	KC_ENTER_CLEAR = 1 << 23, /* Enter clears the stored answer */
	KC_DETAIL = 1 << 24,	/* an action's detail (with KC_VIEW) */
	KC_DUNSET = 1 << 25,	/* ... whose contact is not set yet */
	KC_SETTINGS = 1 << 26,	/* the settings screen */
	KC_RNOTICES = 1 << 27,	/* the incident screen's notices (view 6,
				 * with KC_REVIEW) */
	KC_PROPOSED = 1 << 28,	/* with a field: the ledger proposes values */
	KC_LEDGER = 1 << 29,	/* the device ledger's list */
	KC_DEVICE = 1 << 30	/* one device of the ledger */
};
#define KC_FIELD (KC_CHOICE | KC_MULTI | KC_TEXT | KC_LONG)
#define KC_PAGES (KC_BRIEF | KC_CLUES | KC_SCORE | KC_PICK)
#define KC_ENTER (KC_ENTER_SKIP | KC_ENTER_KEEP | KC_ENTER_CLEAR)

enum tui_act {
	TA_NONE,
	TA_NEXT, TA_PREV,		/* next / previous field */
	TA_UP, TA_DOWN,			/* within a list or text */
	TA_LEFT, TA_RIGHT, TA_LINE_START, TA_LINE_END,
	TA_BACKSPACE, TA_DELETE, TA_KILL,
	TA_CONFIRM, TA_NEWLINE, TA_DIGIT, TA_TOGGLE, TA_CLEAR,
	TA_PAGE_NEXT, TA_PAGE_PREV,
	TA_HELP, TA_CHECKLIST, TA_BACK, TA_QUIT, TA_INTERRUPT,
	TA_MARK_DONE,
	TA_OPEN, TA_NEW, TA_DRILLS, TA_SEARCH,
	TA_YES, TA_NO,
	TA_REDRAW,
	TA_START, TA_CLUES, TA_SUBMIT, TA_BRIEFING,	/* drills */
	TA_VIEW, TA_TOP, TA_BOTTOM, TA_SKIP, TA_REOPEN_ACTION,	/* review */
	TA_CLOSE, TA_REOPEN, TA_EXPORT, TA_NOTE, TA_EDIT, TA_DETAIL,
	TA_SHOW_CLOSED, TA_SETTINGS,
	TA_PICK_ALL, TA_FILTER, TA_MARK, TA_ENQUIRY, TA_IMPORT,	/* notices */
	TA_LETTERS,
	TA_LEDGER, TA_CARD, TA_RETIRE, TA_LOST,	/* preparing */
	TA_COUNT
};

/* The action of key (a character or TUI_FN(code)) in ctx. */
enum tui_act tui_key_action(unsigned ctx, int key);

/* The key-hint bar for ctx, as one line that fits the screen's width:
 * when not every item fits, the least needed go, whole (caller frees). */
char *tui_keys_bar(unsigned ctx, enum lang lang);
/* The same for a bar of cols columns (a popup's footer). */
char *tui_keys_bar_fit(unsigned ctx, enum lang lang, int cols);

/* The F1 list of keys for ctx, one "key  what it does" line each. */
void tui_keys_help(unsigned ctx, enum lang lang, struct strv *out);

/* Every screen's keys, for `anshin-ir help keys` and the man page's key
 * sections (tools/man-keys.sh): a "== SCREEN" line, then the F1 lines. */
void tui_keys_reference(enum lang lang, struct strv *out);

#endif
