/*
 * term.c - owns the terminal: initscr/endwin, raw mode, colours and
 * NO_COLOR, and the signal handlers. Restoring the terminal lives here and
 * only here, so every way out (F10, a fatal signal, exit() from an
 * allocation failure) goes through the same tui_term_stop().
 */
#include "tui/term.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Terminal state: global because signal handlers and atexit need it. */
static SCREEN *term_screen;
static int term_active;
static int term_color;
static volatile sig_atomic_t quit_signal;
static volatile sig_atomic_t interrupted;
static int immediate_errors;

/* A key poll wakes up this often, so a pending signal or a clock tick is
 * seen within a quarter second even when nobody types. */
#define POLL_MS 250

void
tui_term_stop(void)
{
	if (!term_active)
		return;
	term_active = 0;
	curs_set(1);
	endwin();
	delscreen(term_screen);
	term_screen = NULL;
}

static void
on_quit(int sig)
{
	quit_signal = sig;
}

static void
on_interrupt(int sig)
{
	(void)sig;
	interrupted = 1;
}

/* A crash must not leave the user's terminal raw and invisible; endwin is
 * not async-signal-safe, but the process is dying anyway (htop does the
 * same). The signal is then re-raised so the exit status stays honest. */
static void
on_fatal(int sig)
{
	if (term_active) {
		term_active = 0;
		endwin();
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
install(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = fn;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static void
install_handlers(void)
{
	static const int fatal[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
	size_t i;

	install(SIGHUP, on_quit);
	install(SIGTERM, on_quit);
	install(SIGINT, on_interrupt);
	for (i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
		install(fatal[i], on_fatal);
}

static void
init_colors(void)
{
	const char *nc = getenv("NO_COLOR");

	/* https://no-color.org: any non-empty value disables colour. */
	term_color = (nc == NULL || *nc == '\0') && has_colors();
	if (!term_color)
		return;
	start_color();
	use_default_colors();
	init_pair(TC_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(TC_IMMEDIATE, COLOR_RED, -1);
	init_pair(TC_INVESTIGATE, COLOR_YELLOW, -1);
	init_pair(TC_REPORT, COLOR_MAGENTA, -1);
	init_pair(TC_FOLLOWUP, COLOR_GREEN, -1);
	init_pair(TC_ERROR, COLOR_RED, -1);
	init_pair(TC_DIM, COLOR_CYAN, -1);
	init_pair(TC_FOCUS, COLOR_BLACK, COLOR_CYAN);
}

int
tui_term_start(void)
{
	static int registered;

	if (term_active)
		return 0;
	/* Esc must answer at once; 25 ms still joins escape sequences sent
	 * by any local terminal or tmux. */
	set_escdelay(25);
	/* newterm, not initscr: an unknown TERM must return, not exit. */
	term_screen = newterm(NULL, stdout, stdin);
	if (term_screen == NULL)
		return -1;
	set_term(term_screen);
	term_active = 1;
	if (!registered) {
		atexit(tui_term_stop);
		registered = 1;
	}
	/* raw: Ctrl-C arrives as a key, so the wizard can ask first. */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(POLL_MS);
	init_colors();
	install_handlers();
	return 0;
}

attr_t
tui_term_attr(enum tui_color c)
{
	static const attr_t plain[TC_COUNT] = {
		[TC_TITLE] = A_REVERSE, [TC_IMMEDIATE] = A_BOLD,
		[TC_ERROR] = A_BOLD, [TC_FOCUS] = A_REVERSE,
	};

	if (c == TC_NORMAL)
		return A_NORMAL;
	if (!term_color)
		return plain[c];
	if (c == TC_IMMEDIATE || c == TC_ERROR || c == TC_TITLE)
		return COLOR_PAIR(c) | A_BOLD;
	return COLOR_PAIR(c);
}

double
tui_term_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int
tui_term_key(void)
{
	wint_t ch;
	double t0;
	int rc;

	if (quit_signal || interrupted)
		return TUI_KEY_NONE;
	t0 = tui_term_ms();
	errno = 0;
	rc = get_wch(&ch);
	if (rc == ERR) {
		/* A vanished terminal answers at once, forever: treat a run
		 * of instant failures as a hangup instead of spinning. */
		if (tui_term_ms() - t0 < POLL_MS / 2.0 && errno != EINTR &&
		    ++immediate_errors > 200)
			quit_signal = SIGHUP;
		return TUI_KEY_NONE;
	}
	immediate_errors = 0;
	return rc == KEY_CODE_YES ? TUI_FN((int)ch) : (int)ch;
}

int
tui_term_quit_signal(void)
{
	return quit_signal;
}

int
tui_term_interrupted(void)
{
	return interrupted;
}

void
tui_term_take_interrupt(void)
{
	interrupted = 0;
}
