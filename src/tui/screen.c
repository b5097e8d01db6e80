/*
 * screen.c - the one loop of screen.h. Each turn: a SIGHUP or SIGTERM
 * ends the screen (its leave callback saves what it can); the stack is
 * drawn when something changed (a popup over the screens below it, or
 * the too-small notice alone); then one key, a poll timeout, a resize or
 * a SIGINT is read and handed to the screen on top. A screen that runs
 * another one from its key re-enters this same loop, which returns when
 * that screen ends; a signal then ends each screen in turn, top first.
 */
#include "tui/screen.h"

#include "tui/draw.h"
#include "tui/term.h"

/* Every action fits the 64 bits of ops.small. */
_Static_assert(TA_COUNT <= 64, "enum tui_act outgrew TUI_ACT");

void
tui_screen_push(struct tui *t, struct tui_screen *s)
{
	s->t = t;
	s->below = t->top;
	s->done = 0;
	s->rc = ST_OK;
	t->top = s;
}

void
tui_screen_pop(struct tui *t)
{
	t->top = t->top->below;
}

void
tui_screen_end(struct tui_screen *s, int rc)
{
	s->done = 1;
	s->rc = rc;
}

/* A popup shows over the screens below it, down to the first full one;
 * with none below, over a blank screen. */
static void
draw_from(struct tui_screen *s)
{
	if (s->ops->flags & TUI_POPUP) {
		if (s->below != NULL)
			draw_from(s->below);
		else
			tui_erase();
	}
	s->ops->draw(s);
}

static void
draw(struct tui *t, double key_at)
{
	if (tui_too_small())
		tui_draw_too_small();
	else
		draw_from(t->top);
	refresh();
	tui_bench_first_screen(t);
	tui_bench_drawn(t, key_at);
}

/* Asks every screen in view whether its clock moved (each one, so that
 * each keeps its own last reading). */
static int
ticked(struct tui_screen *s)
{
	int moved = s->ops->tick != NULL && s->ops->tick(s);

	if ((s->ops->flags & TUI_POPUP) && s->below != NULL)
		moved |= ticked(s->below);
	return moved;
}

static void
resized(struct tui *t)
{
	struct tui_screen *s;

	for (s = t->top; s != NULL; s = s->below)
		if (s->ops->resize != NULL)
			s->ops->resize(s);
}

static unsigned
ctx_of(const struct tui_screen *s)
{
	return s->ops->ctx != NULL ? s->ops->ctx(s) : s->ops->keys;
}

/* SIGINT is the Ctrl-C key of the screen on top, when that screen has a
 * use for it; a popup that has none gives way (cancelled) and the signal
 * waits for the screen below. Returns 0 when s gave way. */
static int
interrupt(struct tui_screen *s)
{
	if (tui_key_action(ctx_of(s), TUI_KEY_CTRL_C) != TA_INTERRUPT) {
		tui_screen_end(s, ST_OK);
		return 0;
	}
	tui_term_take_interrupt();
	return 1;
}

/* One key, poll, resize or SIGINT for s; returns 1 when the stack must
 * be drawn again. *key_at is when the last key was read (the budgets of
 * `make bench` run from it to the redraw). */
static int
step(struct tui *t, struct tui_screen *s, double *key_at)
{
	int key = tui_term_key();
	enum tui_act act;

	if (tui_term_quit_signal() != 0)
		return 0;
	if (tui_term_interrupted()) {
		if (!interrupt(s))
			return 0;
		key = TUI_KEY_CTRL_C;
	}
	if (key == TUI_KEY_NONE)
		return ticked(s);
	if (key == TUI_FN(KEY_RESIZE)) {
		resized(t);
		return 1;
	}
	*key_at = tui_term_ms();
	act = tui_key_action(ctx_of(s), key);
	/* Too small to be seen: only what the screen allows blind. */
	if (tui_too_small() && !(s->ops->small & TUI_ACT(act)))
		return 1;
	if (act == TA_REDRAW)
		clearok(curscr, TRUE);
	s->ops->key(s, act, key);
	return 1;
}

int
tui_run(struct tui *t, struct tui_screen *s)
{
	double key_at = -1;
	int sig = 0, redraw = 1;

	tui_screen_push(t, s);
	if (s->ops->enter != NULL)
		s->ops->enter(s);
	while (!s->done && (sig = tui_term_quit_signal()) == 0) {
		if (redraw)
			draw(t, key_at);
		redraw = step(t, s, &key_at);
	}
	/* A signal that came while a screen run from s's key was up, or
	 * while s ended, ends s too: the run is over. */
	if (sig == 0)
		sig = tui_term_quit_signal();
	if (sig != 0) {
		t->sig = sig;
		if (!s->done || s->rc == ST_OK)
			tui_screen_end(s, 128 + sig);
	}
	if (s->ops->leave != NULL)
		s->ops->leave(s, sig);
	tui_screen_pop(t);
	/* A key that ended its screen is not measured at the next one. */
	tui_bench_drawn(t, -1);
	return s->rc;
}
