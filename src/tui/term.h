/*
 * term.h - the terminal for the TUI: curses set-up and tear-down, colours
 * (or none under NO_COLOR), the signal handlers (a fatal signal restores
 * the terminal; SIGHUP, SIGTERM and SIGINT only set a flag, which the
 * loop of screen.h reads), and reading one key.
 */
#ifndef ANSHIN_TUI_TERM_H
#define ANSHIN_TUI_TERM_H

#include <curses.h>

/* What colours mean; drawn as plain attributes under NO_COLOR. */
enum tui_color {
	TC_NORMAL,
	TC_TITLE,
	TC_IMMEDIATE,
	TC_INVESTIGATE,
	TC_REPORT,
	TC_FOLLOWUP,
	TC_ERROR,
	TC_DIM,
	TC_FOCUS,
	TC_COUNT
};

/* Keys: ncurses function keys are tagged so they never collide with a
 * typed character of the same number. */
#define TUI_FN(k) (0x40000000 | (k))
#define TUI_KEY_NONE (-1)
/* Ctrl-C: a key in raw mode; SIGINT from elsewhere is read as it too. */
#define TUI_KEY_CTRL_C 0x03

/* Starts curses (raw mode, keypad, no echo) and installs the handlers.
 * Returns 0, or -1 when the terminal cannot be initialised. */
int tui_term_start(void);
/* Restores the terminal; safe to call twice. */
void tui_term_stop(void);

attr_t tui_term_attr(enum tui_color c);

/* Waits up to the poll interval for a key: a character, TUI_FN(code), or
 * TUI_KEY_NONE (timeout, or a signal is pending). */
int tui_term_key(void);

/* Milliseconds on the monotonic clock: for timing (the poll, the
 * budgets of `make bench`), never a time of day (that is app_now). */
double tui_term_ms(void);

/* SIGHUP or SIGTERM caught (0 when none): save and leave. */
int tui_term_quit_signal(void);
/* SIGINT caught and not taken yet: the loop (screen.c) takes it as the
 * Ctrl-C key of the screen on top. */
int tui_term_interrupted(void);
void tui_term_take_interrupt(void);

#endif
