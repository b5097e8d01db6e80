/*
 * popup.c - modal windows over a screen (help and detail text, yes/no
 * questions, one-line questions), the "terminal too small" screen and the
 * title and key-hint bars every screen shares. A modal window redraws the
 * screen under it through a callback, so a resize never leaves debris, and
 * gives way at once when a signal is pending.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "tui/draw.h"
#include "tui/edit.h"
#include "tui/keys.h"
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

/* Redraws the screen below, or the too-small notice; 0 when too small. */
static int
under(tui_redraw_fn redraw, void *ud)
{
	if (tui_too_small()) {
		tui_draw_too_small();
		refresh();
		return 0;
	}
	redraw(ud);
	return 1;
}

static void
draw_view(struct tui *t, const char *title, const struct strv *lines,
    unsigned ctx, int *top, struct tui_box *b)
{
	char *bar = tui_keys_bar_fit(ctx, t->lang, b->w - 4), more[512];
	int r, inner = b->h - 2;

	if (*top > (int)lines->n - inner)
		*top = (int)lines->n - inner;
	if (*top < 0)
		*top = 0;
	if (*top + inner < (int)lines->n) {
		snprintf(more, sizeof more, "%s  %s", bar, _("more below"));
		draw_box(b, title, more);
	} else
		draw_box(b, title, bar);
	for (r = 0; r < inner && (size_t)(*top + r) < lines->n; r++)
		tui_put(b->y + 1 + r, b->x + 2, b->w - 4, lines->v[*top + r],
		    A_NORMAL);
	free(bar);
}

enum tui_act
tui_view_keys(struct tui *t, const char *title, const struct strv *paras,
    unsigned ctx, tui_redraw_fn redraw, void *ud)
{
	struct strv lines = { NULL, 0 };
	struct tui_box b = { 0, 0, 0, 0 };
	int top = 0, key, page;
	enum tui_act act = TA_NONE;

	curs_set(0);
	while (!tui_term_signal_pending()) {
		if (under(redraw, ud)) {
			strv_free(&lines);
			center_box(&b, 78, 0);
			wrap_paras(paras, b.w - 4, &lines);
			center_box(&b, 78, (int)lines.n);
			draw_view(t, title, &lines, ctx, &top, &b);
			refresh();
		}
		key = tui_term_key();
		act = tui_key_action(ctx, key);
		page = b.h > 3 ? b.h - 3 : 1;
		if (act == TA_DOWN || act == TA_UP || act == TA_PAGE_NEXT ||
		    act == TA_PAGE_PREV)
			top += act == TA_DOWN ? 1 : act == TA_UP ? -1 :
			    act == TA_PAGE_NEXT ? page : -page;
		else if (act != TA_NONE && act != TA_REDRAW)
			break;
	}
	strv_free(&lines);
	return act;
}

void
tui_view(struct tui *t, const char *title, const struct strv *paras,
    tui_redraw_fn redraw, void *ud)
{
	(void)tui_view_keys(t, title, paras, KC_VIEW, redraw, ud);
}

int
tui_ask(struct tui *t, const char *question, tui_redraw_fn redraw, void *ud)
{
	struct text_lines l;
	struct tui_box b;
	char *bar = tui_keys_bar(KC_ASK, t->lang);
	enum tui_act act = TA_NONE;
	size_t i;

	curs_set(0);
	while (act != TA_YES && act != TA_NO && !tui_term_signal_pending()) {
		if (under(redraw, ud)) {
			center_box(&b, 64, 0);
			tui_wrap(question, b.w - 4, &l);
			center_box(&b, 64, (int)l.n);
			draw_box(&b, NULL, bar);
			for (i = 0; i < l.n && (int)i < b.h - 2; i++)
				tui_put(b.y + 1 + (int)i, b.x + 2, b.w - 4,
				    l.line[i], A_BOLD);
			text_lines_free(&l);
			refresh();
		}
		act = tui_key_action(KC_ASK, tui_term_key());
	}
	free(bar);
	return act == TA_YES;
}

static void
draw_prompt(struct tui *t, const char *question, struct tui_edit *ed)
{
	struct tui_box b;
	char *bar;
	int used, cy, cx;

	center_box(&b, 70, 1);
	bar = tui_keys_bar_fit(KC_PROMPT, t->lang, b.w - 4);
	draw_box(&b, NULL, bar);
	used = tui_put(b.y + 1, b.x + 2, b.w / 2, question, A_BOLD);
	tui_edit_draw(ed, b.y + 1, b.x + 3 + used, 1, b.w - 5 - used, &cy,
	    &cx);
	move(cy, cx);
	curs_set(1);
	free(bar);
}

struct prompt {
	struct tui *t;
	const char *question;
	struct tui_edit *ed;
	tui_redraw_fn redraw;
	void *ud;
};

static void
redraw_prompt(void *ud)
{
	struct prompt *p = ud;

	if (under(p->redraw, p->ud))
		draw_prompt(p->t, p->question, p->ed);
}

/* Esc with something typed asks before throwing it away. */
static int
may_leave(struct prompt *p, const char *initial)
{
	char *text = tui_edit_text(p->ed);
	int same = strcmp(text, initial != NULL ? initial : "") == 0;

	free(text);
	return same || tui_ask(p->t, _("Discard what you typed?"),
	    redraw_prompt, p);
}

int
tui_prompt(struct tui *t, const char *question, const char *initial,
    char **out, tui_redraw_fn redraw, void *ud)
{
	struct tui_edit ed;
	struct prompt p = { t, question, &ed, redraw, ud };
	enum tui_act act = TA_NONE;
	int key;

	tui_edit_init(&ed, 0);
	tui_edit_set(&ed, initial);
	while (!tui_term_signal_pending()) {
		redraw_prompt(&p);
		refresh();
		key = tui_term_key();
		act = tui_key_action(KC_PROMPT, key);
		if (act == TA_CONFIRM)
			break;
		if ((act == TA_BACK || key == 3) && may_leave(&p, initial)) {
			act = TA_BACK;
			break;
		}
		tui_edit_apply(&ed, act, key);
	}
	curs_set(0);
	*out = act == TA_CONFIRM ? tui_edit_text(&ed) : NULL;
	tui_edit_free(&ed);
	return *out != NULL;
}
