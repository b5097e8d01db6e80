/*
 * screen.h - the TUI's one loop over a stack of screens (docs/tui.md).
 * A screen is a struct of callbacks: the home screen, the wizard, the
 * incident screen, the settings, the drill's pages and every popup (a
 * help window, a question, a prompt, boxes to fill in) are screens.
 * tui_run puts a screen on the stack and runs the loop until it ends;
 * the loop alone reads keys, draws (a popup over the screens below it),
 * follows a resize, turns SIGINT into Ctrl-C and ends the screens on
 * SIGHUP or SIGTERM, so no screen has a loop of its own.
 */
#ifndef ANSHIN_TUI_SCREEN_H
#define ANSHIN_TUI_SCREEN_H

#include <stddef.h>
#include <stdint.h>

#include "tui/keys.h"
#include "tui/ui.h"

/* A set of actions (enum tui_act), for the keys a screen takes while the
 * terminal is too small to show it. */
#define TUI_ACT(a) ((uint64_t)1 << (a))
/* Leaving needs no screen: F10/q and Ctrl-C. */
#define TUI_SMALL_LEAVE (TUI_ACT(TA_QUIT) | TUI_ACT(TA_INTERRUPT))
#define TUI_SMALL_ALL (~(uint64_t)0)

/* ops.flags: drawn over the screen below (which shows around it)
 * instead of on a blank screen. */
#define TUI_POPUP 1u

struct tui_screen;

struct tui_screen_ops {
	unsigned flags;
	uint64_t small;			/* acts taken while too small */
	unsigned keys;			/* the key context when ctx is NULL */
	/* Draws the screen: a full one erases the screen first, a popup
	 * draws over what the loop has drawn below it. */
	void (*draw)(struct tui_screen *s);
	/* The key context (keys.h) of where the cursor is now, when it
	 * changes; NULL: always `keys`. */
	unsigned (*ctx)(const struct tui_screen *s);
	/* One key: its action in ctx, and the key (a typed character). */
	void (*key)(struct tui_screen *s, enum tui_act act, int key);
	/* The rest may be NULL. The terminal changed size: what was laid
	 * out for the old one is out of date (every screen on the stack is
	 * told, then the stack is drawn again). */
	void (*resize)(struct tui_screen *s);
	/* The screen comes off the stack: sig is the SIGHUP or SIGTERM that
	 * ends the run (save what can be saved, ask nothing), else 0. */
	void (*leave)(struct tui_screen *s, int sig);
	/* Once on the stack, before the first key. */
	void (*enter)(struct tui_screen *s);
	/* No key came within the poll: 1 when a clock the screen shows has
	 * moved, so the stack is drawn again. */
	int (*tick)(struct tui_screen *s);
};

struct tui_screen {
	const struct tui_screen_ops *ops;
	struct tui *t;			/* set by tui_run */
	struct tui_screen *below;	/* the stack, top to bottom */
	int done;
	int rc;				/* what tui_run returns */
};

/* The struct holding screen s as its member `member`. */
#define TUI_SCREEN_OF(s, type, member) \
	((type *)(void *)((char *)(s) - offsetof(type, member)))

/* Puts s on the stack and runs the loop until s ends (tui_screen_end),
 * then takes it off. Returns s's rc, or 128 + signal when SIGHUP or
 * SIGTERM ended it. A screen's key may run another screen: it returns
 * to the key when that one ends, its result in its own struct (a popup's
 * answer is read like a function's). */
int tui_run(struct tui *t, struct tui_screen *s);
/* Ends s with rc once its key returns. */
void tui_screen_end(struct tui_screen *s, int rc);
/* A screen shown under the popups run while it is pushed, with no keys
 * of its own (what stands under a question once its screen is gone). */
void tui_screen_push(struct tui *t, struct tui_screen *s);
void tui_screen_pop(struct tui *t);

#endif
