/*
 * wizard.h - the intake wizard's state, shared by its files: wizard.c
 * (the loop, keys and moving between fields), wizard_store.c (what a
 * field stores, and when: docs/contract.md §7, nothing that was not chosen),
 * wizard_draw.c (title bar, form and the live checklist) and
 * wizard_ledger.c (the device field's offers from the ledger and the
 * values it proposes).
 */
#ifndef ANSHIN_TUI_WIZARD_H
#define ANSHIN_TUI_WIZARD_H

#include "tui/checklist.h"
#include "tui/drillscreen.h"
#include "tui/fields.h"
#include "tui/screen.h"
#include "tui/ui.h"

enum wiz_mode { MODE_FORM, MODE_LIST };

struct wiz {
	struct tui_screen s;
	struct tui *t;
	const struct form *form;
	struct incident *inc;		/* a blank one until created */
	int created;
	struct evaluation ev;
	struct tui_focus f;
	struct tui_checklist cl;
	enum wiz_mode mode;
	size_t *order;			/* field indexes, page by page */
	char *status;			/* one-key message in the hint bar */
	int save_failed;
	double save_ms;
	int stored;			/* this key stored an answer */
	long minute;			/* the clock shown in the title */
	struct tui_drill_run *drill;	/* a training run, or NULL */
	char **proposed;		/* per field: the ledger's value, not
					 * answered yet, or NULL */
	size_t nproposed;
	size_t ndevices;		/* the ledger's devices to offer */
};

/* wizard.c */
const struct form_field *wiz_field(const struct wiz *w);
void wiz_evaluate(struct wiz *w);
void wiz_focus(struct wiz *w, size_t field);
void wiz_status(struct wiz *w, const char *msg);
/* The key context of where the cursor is (the bar and F1 read it). */
unsigned wiz_key_ctx(const struct wiz *w);

/* wizard_store.c: Enter on the field (what tui_focus_enter says), and
 * leaving it any other way, which stores only typed text and ticks
 * (never a highlighted choice, never a prefilled "now"). Each returns 0
 * when the field stays (its message under it). */
int wiz_confirm(struct wiz *w);
int wiz_leave(struct wiz *w);
/* Clears the field's answer (Del). */
void wiz_clear(struct wiz *w);
/* Stores one answer of the current field (NULL clears). */
int wiz_store(struct wiz *w, const char *canon);

/* wizard_draw.c */
void wiz_draw(struct wiz *w);

/* wizard_ledger.c: the proposals of the incident's device as it is now
 * (after every evaluation); the device field's offers, searched by what
 * is typed; y, which stores the proposals; freeing them. */
void wiz_ledger_refresh(struct wiz *w);
int wiz_ledger_field(const struct wiz *w);
/* 0 for the device field while unanswered with nothing to offer (an
 * empty ledger, a drill's scenario): it is not asked then. */
int wiz_ledger_asked(const struct wiz *w, size_t field);
void wiz_ledger_count(struct wiz *w);
void wiz_ledger_offer(struct wiz *w);
void wiz_ledger_confirm(struct wiz *w);
void wiz_ledger_free(struct wiz *w);

#endif
