/*
 * popup.c - modal windows over a screen (help and detail text, yes/no
 * questions, one-line questions), the "terminal too small" screen and the
 * title and key-hint bars every screen shares. Each window is a popup
 * screen of the loop (screen.h), which draws the screens under it first,
 * so a resize never leaves debris; its answer is in its struct when
 * tui_run returns.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/draw.h"
#include "tui/edit.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/ui.h"

int
tui_too_small(void)
{
	return COLS < TUI_MIN_COLS || LINES < TUI_MIN_ROWS;
}

void
tui_draw_too_small(void)
{
	char msg[200];
	int y = LINES / 2 - 1;

	tui_erase();
	snprintf(msg, sizeof msg, _("Terminal too small: need at least "
	    "%dx%d (now %dx%d)."), TUI_MIN_COLS, TUI_MIN_ROWS, COLS, LINES);
	y += 1 - tui_put_wrapped(y, 1, COLS - 2, 3, msg,
	    tui_term_attr(TC_ERROR));
	tui_put_wrapped(y + 2, 1, COLS - 2, 3, _("Enlarge the window; "
	    "everything confirmed is saved."), A_NORMAL);
	curs_set(0);
}

/* The title's items that fit in cols: split at "  ", the first item
 * (the program's name) dropped first, then the last ones. */
static char *
title_fit(const char *title, int cols)
{
	struct strv items = { NULL, 0 };
	const char *p = title, *sep;
	char *item;
	struct buf b;
	size_t i, first = 0, n;

	for (; (sep = strstr(p, "  ")) != NULL; p = sep + 2) {
		item = xstrndup(p, (size_t)(sep - p));
		if (*util_trim(item) != '\0')
			strv_push(&items, util_trim(item));
		free(item);
	}
	item = xstrdup(p);
	if (*util_trim(item) != '\0' || items.n == 0)
		strv_push(&items, util_trim(item));
	free(item);
	n = items.n;
	buf_init(&b);
	for (;;) {
		buf_reset(&b);
		buf_adds(&b, "");
		for (i = first; i < n; i++)
			buf_addf(&b, "%s%s", b.len > 0 ? "  " : "", items.v[i]);
		if ((int)text_width(b.s) <= cols || n - first <= 1)
			break;
		if (first == 0 && strcmp(items.v[0], "anshin-ir") == 0)
			first = 1;
		else
			n--;
	}
	strv_free(&items);
	return buf_steal(&b);
}

void
tui_draw_bars(const char *title, const char *right, const char *hints)
{
	attr_t ta = tui_term_attr(TC_TITLE);
	int rw = right != NULL ? (int)text_width(right) : 0;
	char *fit;

	if (rw > COLS / 2)
		rw = COLS / 2;
	fit = title_fit(title, COLS - rw - 4);
	tui_fill(0, 0, COLS, ta);
	tui_put(0, 1, COLS - rw - 3, fit, ta);
	if (right != NULL)
		tui_put(0, COLS - rw - 1, rw, right, ta);
	tui_fill(LINES - 1, 0, COLS, A_NORMAL);
	tui_put(LINES - 1, 0, COLS, hints, tui_term_attr(TC_DIM));
	free(fit);
}

static void
draw_box(const struct tui_box *b, const char *title, const char *footer)
{
	int r;

	for (r = 0; r < b->h; r++)
		tui_fill(b->y + r, b->x, b->w, A_NORMAL);
	attrset(A_NORMAL);
	mvhline(b->y, b->x + 1, ACS_HLINE, b->w - 2);
	mvhline(b->y + b->h - 1, b->x + 1, ACS_HLINE, b->w - 2);
	mvvline(b->y + 1, b->x, ACS_VLINE, b->h - 2);
	mvvline(b->y + 1, b->x + b->w - 1, ACS_VLINE, b->h - 2);
	mvaddch(b->y, b->x, ACS_ULCORNER);
	mvaddch(b->y, b->x + b->w - 1, ACS_URCORNER);
	mvaddch(b->y + b->h - 1, b->x, ACS_LLCORNER);
	mvaddch(b->y + b->h - 1, b->x + b->w - 1, ACS_LRCORNER);
	if (title != NULL)
		tui_put(b->y, b->x + 2, b->w - 4, title, A_BOLD);
	if (footer != NULL)
		tui_put(b->y + b->h - 1, b->x + 2, b->w - 4, footer,
		    tui_term_attr(TC_DIM));
}

static void
center_box(struct tui_box *b, int w, int inner_h)
{
	b->w = w < COLS - 2 ? w : COLS - 2;
	b->h = inner_h + 2 < LINES - 2 ? inner_h + 2 : LINES - 2;
	b->y = (LINES - b->h) / 2;
	b->x = (COLS - b->w) / 2;
}

/* Wraps paragraphs to cols, keeping each one's leading indentation. */
static void
wrap_paras(const struct strv *paras, int cols, struct strv *out)
{
	struct text_lines l;
	char *line;
	size_t i, j;
	int ind;

	for (i = 0; i < paras->n; i++) {
		ind = (int)strspn(paras->v[i], " ");
		if (paras->v[i][ind] == '\0') {
			strv_push(out, "");
			continue;
		}
		tui_wrap(paras->v[i] + ind, cols - ind, &l);
		for (j = 0; j < l.n; j++) {
			line = xasprintf("%*s%s", ind, "", l.line[j]);
			strv_push(out, line);
			free(line);
		}
		text_lines_free(&l);
	}
}

/* ---- a window of text ---- */

struct view {
	struct tui_screen s;
	const char *title;
	const struct strv *paras;
	unsigned ctx;
	struct strv lines;		/* paras wrapped to the box */
	struct tui_box b;
	int top;
	enum tui_act act;		/* the key that closed it */
};

static void
draw_view(struct tui *t, struct view *v)
{
	struct tui_box *b = &v->b;
	char *bar = tui_keys_bar_fit(v->ctx, t->lang, b->w - 4), more[512];
	int r, inner = b->h - 2;

	if (v->top > (int)v->lines.n - inner)
		v->top = (int)v->lines.n - inner;
	if (v->top < 0)
		v->top = 0;
	if (v->top + inner < (int)v->lines.n) {
		snprintf(more, sizeof more, "%s  %s", bar, _("more below"));
		draw_box(b, v->title, more);
	} else
		draw_box(b, v->title, bar);
	for (r = 0; r < inner && (size_t)(v->top + r) < v->lines.n; r++)
		tui_put(b->y + 1 + r, b->x + 2, b->w - 4,
		    v->lines.v[v->top + r], A_NORMAL);
	free(bar);
}

/* Wrapped again at each draw: the width may have changed. */
static void
view_draw(struct tui_screen *s)
{
	struct view *v = TUI_SCREEN_OF(s, struct view, s);

	strv_free(&v->lines);
	center_box(&v->b, 78, 0);
	wrap_paras(v->paras, v->b.w - 4, &v->lines);
	center_box(&v->b, 78, (int)v->lines.n);
	draw_view(s->t, v);
	curs_set(0);
}

static unsigned
view_ctx(const struct tui_screen *s)
{
	return TUI_SCREEN_OF(s, const struct view, s)->ctx;
}

static void
view_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct view *v = TUI_SCREEN_OF(s, struct view, s);
	int page = v->b.h > 3 ? v->b.h - 3 : 1;

	(void)key;
	if (act == TA_DOWN || act == TA_UP || act == TA_PAGE_NEXT ||
	    act == TA_PAGE_PREV)
		v->top += act == TA_DOWN ? 1 : act == TA_UP ? -1 :
		    act == TA_PAGE_NEXT ? page : -page;
	else if (act != TA_NONE && act != TA_REDRAW) {
		v->act = act;
		tui_screen_end(s, ST_OK);
	}
}

static const struct tui_screen_ops view_ops = {
	.flags = TUI_POPUP,
	.small = TUI_SMALL_ALL,
	.draw = view_draw,
	.ctx = view_ctx,
	.key = view_key,
};

enum tui_act
tui_view_keys(struct tui *t, const char *title, const struct strv *paras,
    unsigned ctx)
{
	struct view v;

	memset(&v, 0, sizeof v);
	v.s.ops = &view_ops;
	v.title = title;
	v.paras = paras;
	v.ctx = ctx;
	(void)tui_run(t, &v.s);
	strv_free(&v.lines);
	return v.act;
}

void
tui_view(struct tui *t, const char *title, const struct strv *paras)
{
	(void)tui_view_keys(t, title, paras, KC_VIEW);
}

void
tui_help(struct tui *t, const char *title, const char *about, unsigned ctx)
{
	struct strv p = { NULL, 0 };

	strv_push(&p, about);
	strv_push(&p, "");
	strv_push(&p, _("Keys:"));
	tui_keys_help(ctx, t->lang, &p);
	tui_view(t, title, &p);
	strv_free(&p);
}

/* ---- a yes/no question ---- */

struct ask {
	struct tui_screen s;
	const char *question;
	int yes;
};

static void
ask_draw(struct tui_screen *s)
{
	struct ask *a = TUI_SCREEN_OF(s, struct ask, s);
	char *bar = tui_keys_bar(KC_ASK, s->t->lang);
	struct text_lines l;
	struct tui_box b;
	size_t i;

	center_box(&b, 64, 0);
	tui_wrap(a->question, b.w - 4, &l);
	center_box(&b, 64, (int)l.n);
	draw_box(&b, NULL, bar);
	for (i = 0; i < l.n && (int)i < b.h - 2; i++)
		tui_put(b.y + 1 + (int)i, b.x + 2, b.w - 4, l.line[i], A_BOLD);
	text_lines_free(&l);
	free(bar);
	curs_set(0);
}

static void
ask_key(struct tui_screen *s, enum tui_act act, int key)
{
	(void)key;
	if (act != TA_YES && act != TA_NO)
		return;
	TUI_SCREEN_OF(s, struct ask, s)->yes = act == TA_YES;
	tui_screen_end(s, ST_OK);
}

static const struct tui_screen_ops ask_ops = {
	.flags = TUI_POPUP,
	.small = TUI_SMALL_ALL,
	.keys = KC_ASK,
	.draw = ask_draw,
	.key = ask_key,
};

int
tui_ask(struct tui *t, const char *question)
{
	struct ask a = { { &ask_ops, NULL, NULL, 0, 0 }, question, 0 };

	(void)tui_run(t, &a.s);
	return a.yes;
}

/* ---- a one-line question ---- */

struct prompt {
	struct tui_screen s;
	const char *question, *initial;
	struct tui_edit ed;
	char *out;			/* the confirmed text */
};

static void
prompt_draw(struct tui_screen *s)
{
	struct prompt *p = TUI_SCREEN_OF(s, struct prompt, s);
	struct tui_box b;
	char *bar;
	int used, cy, cx;

	center_box(&b, 70, 1);
	bar = tui_keys_bar_fit(KC_PROMPT, s->t->lang, b.w - 4);
	draw_box(&b, NULL, bar);
	used = tui_put(b.y + 1, b.x + 2, b.w / 2, p->question, A_BOLD);
	tui_edit_draw(&p->ed, b.y + 1, b.x + 3 + used, 1, b.w - 5 - used,
	    &cy, &cx);
	move(cy, cx);
	curs_set(1);
	free(bar);
}

/* Esc with something typed asks before throwing it away. */
static int
may_leave(struct prompt *p)
{
	char *text = tui_edit_text(&p->ed);
	int same = strcmp(text, p->initial != NULL ? p->initial : "") == 0;

	free(text);
	return same || tui_ask(p->s.t, _("Discard what you typed?"));
}

static void
prompt_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct prompt *p = TUI_SCREEN_OF(s, struct prompt, s);

	if (act == TA_CONFIRM) {
		p->out = tui_edit_text(&p->ed);
		tui_screen_end(s, ST_OK);
	} else if ((act == TA_BACK || key == TUI_KEY_CTRL_C) && may_leave(p))
		tui_screen_end(s, ST_OK);
	else
		tui_edit_apply(&p->ed, act, key);
}

static const struct tui_screen_ops prompt_ops = {
	.flags = TUI_POPUP,
	.small = TUI_SMALL_ALL,
	.keys = KC_PROMPT,
	.draw = prompt_draw,
	.key = prompt_key,
};

int
tui_prompt(struct tui *t, const char *question, const char *initial,
    char **out)
{
	struct prompt p;

	memset(&p, 0, sizeof p);
	p.s.ops = &prompt_ops;
	p.question = question;
	p.initial = initial;
	tui_edit_init(&p.ed, 0);
	tui_edit_set(&p.ed, initial);
	(void)tui_run(t, &p.s);
	curs_set(0);
	tui_edit_free(&p.ed);
	*out = p.out;
	return *out != NULL;
}
