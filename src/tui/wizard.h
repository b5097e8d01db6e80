/*
 * wizard.h - the intake wizard's state, shared by its files: wizard.c
 * (the loop, keys and moving between fields), wizard_store.c (what a
 * field stores, and when: SPEC §7 v2, nothing that was not chosen) and
 * wizard_draw.c (title bar, form and the live checklist).
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

#endif
