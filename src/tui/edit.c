/*
 * edit.c - the text editor of text, integer, time and multi-line fields
 * and of prompts. Text is kept as code points so the cursor moves by
 * character, and laid out by text_cp_width so a wide character takes two
 * columns on screen exactly as it does in the terminal.
 */
#include "tui/edit.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "tui/draw.h"
#include "util.h"

void
tui_edit_init(struct tui_edit *e, int multiline)
{
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
}

void
tui_edit_free(struct tui_edit *e)
{
	free(e->cp);
	memset(e, 0, sizeof *e);
}

static void
insert(struct tui_edit *e, uint32_t cp)
{
	if (e->n + 1 > e->cap) {
		e->cap = e->cap ? e->cap * 2 : 32;
		e->cp = xreallocarray(e->cp, e->cap, sizeof *e->cp);
	}
	memmove(e->cp + e->cur + 1, e->cp + e->cur,
	    (e->n - e->cur) * sizeof *e->cp);
	e->cp[e->cur++] = cp;
	e->n++;
}

void
tui_edit_set(struct tui_edit *e, const char *utf8)
{
	char *clean = text_sanitize(utf8 != NULL ? utf8 : "", e->multiline);
	const char *p = clean;
	uint32_t cp;

	e->n = e->cur = e->first = e->top = 0;
	while (*p != '\0') {
		p = text_decode(p, &cp);
		insert(e, cp);
	}
	free(clean);
}

char *
tui_edit_text(const struct tui_edit *e)
{
	struct buf b;
	char u[4];
	size_t i;

	buf_init(&b);
	for (i = 0; i < e->n; i++)
		buf_add(&b, u, (size_t)text_encode(e->cp[i], u));
	return buf_steal(&b);
}

/* What may be typed: no control characters, no bidi overrides (they
 * would let a value display differently from what is stored). */
static int
typeable(int ch)
{
	if (ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) ||
	    ch > 0x10ffff || (ch >= 0xd800 && ch <= 0xdfff))
		return 0;
	return !((ch >= 0x202a && ch <= 0x202e) ||
	    (ch >= 0x2066 && ch <= 0x2069));
}

/* Screen row and column of every cursor position 0..n at width cols. */
static void
layout(const struct tui_edit *e, int cols, int *row, int *col)
{
	int r = 0, c = 0, w;
	size_t i;

	for (i = 0; i < e->n; i++) {
		if (e->cp[i] == '\n') {
			row[i] = r;
			col[i] = c;
			r++;
			c = 0;
			continue;
		}
		w = text_cp_width(e->cp[i]);
		if (c + w > cols && c > 0) {
			r++;
			c = 0;
		}
		row[i] = r;
		col[i] = c;
		c += w;
	}
	if (c >= cols) {
		r++;
		c = 0;
	}
	row[e->n] = r;
	col[e->n] = c;
}

/* ↑/↓ in multi-line text: the nearest position on the row above/below. */
static void
move_vertical(struct tui_edit *e, int dir)
{
	int *row = xcalloc(e->n + 1, sizeof *row);
	int *col = xcalloc(e->n + 1, sizeof *col);
	int want, target;
	size_t i, best;

	layout(e, e->cols > 0 ? e->cols : 40, row, col);
	want = col[e->cur];
	target = row[e->cur] + dir;
	best = e->cur;
	for (i = 0; i <= e->n; i++) {
		if (row[i] != target)
			continue;
		if (best == e->cur || col[i] <= want)
			best = i;
	}
	e->cur = best;
	free(row);
	free(col);
}

static int
delete_at(struct tui_edit *e, size_t at)
{
	if (at >= e->n)
		return 0;
	memmove(e->cp + at, e->cp + at + 1, (e->n - at - 1) * sizeof *e->cp);
	e->n--;
	return 1;
}

/* Home/End work on the current line of multi-line text. */
static void
line_bounds(const struct tui_edit *e, size_t *start, size_t *end)
{
	size_t s = e->cur, t = e->cur;

	while (s > 0 && e->cp[s - 1] != '\n')
		s--;
	while (t < e->n && e->cp[t] != '\n')
		t++;
	*start = s;
	*end = t;
}

int
tui_edit_apply(struct tui_edit *e, enum tui_act act, int ch)
{
	size_t s, t;

	line_bounds(e, &s, &t);
	switch (act) {
	case TA_LEFT:
		e->cur -= e->cur > 0;
		return 0;
	case TA_RIGHT:
		e->cur += e->cur < e->n;
		return 0;
	case TA_LINE_START:
		e->cur = s;
		return 0;
	case TA_LINE_END:
		e->cur = t;
		return 0;
	case TA_UP:
	case TA_DOWN:
		if (e->multiline)
			move_vertical(e, act == TA_UP ? -1 : 1);
		return 0;
	case TA_BACKSPACE:
		if (e->cur == 0)
			return 0;
		return delete_at(e, --e->cur);
	case TA_DELETE:
		return delete_at(e, e->cur);
	case TA_KILL:
		e->n = e->cur = e->first = e->top = 0;
		return 1;
	case TA_NEWLINE:
		if (!e->multiline)
			return 0;
		insert(e, '\n');
		return 1;
	case TA_NONE:
		if (!typeable(ch))
			return 0;
		insert(e, (uint32_t)ch);
		return 1;
	default:
		return 0;
	}
}

static int
width_between(const struct tui_edit *e, size_t a, size_t b)
{
	int w = 0;

	for (; a < b; a++)
		w += text_cp_width(e->cp[a]);
	return w;
}

/* One line: scrolls horizontally so the cursor (and one column for it)
 * stays in view. */
static void
draw_line(struct tui_edit *e, int y, int x, int cols, int *cx)
{
	struct buf b;
	char u[4];
	size_t i;
	int used = 0, w;

	if (e->first > e->cur)
		e->first = e->cur;
	while (e->first < e->cur && width_between(e, e->first, e->cur) + 1 >
	    cols)
		e->first++;
	buf_init(&b);
	for (i = e->first; i < e->n; i++) {
		w = text_cp_width(e->cp[i]);
		if (used + w > cols)
			break;
		buf_add(&b, u, (size_t)text_encode(e->cp[i], u));
		used += w;
	}
	tui_put(y, x, cols, b.s != NULL ? b.s : "", A_UNDERLINE);
	buf_free(&b);
	*cx = x + width_between(e, e->first, e->cur);
}

int
tui_edit_rows(struct tui_edit *e, int cols)
{
	int *row, *col, rows;

	if (!e->multiline)
		return 1;
	row = xcalloc(e->n + 1, sizeof *row);
	col = xcalloc(e->n + 1, sizeof *col);
	layout(e, cols > 0 ? cols : 1, row, col);
	rows = row[e->n] + 1;
	free(row);
	free(col);
	return rows;
}

static void
draw_rows(struct tui_edit *e, int y, int x, int rows, int cols, int *cy,
    int *cx)
{
	int *row = xcalloc(e->n + 1, sizeof *row);
	int *col = xcalloc(e->n + 1, sizeof *col);
	struct buf *line = xcalloc((size_t)rows, sizeof *line);
	char u[4];
	size_t i;
	int r;

	layout(e, cols, row, col);
	if ((int)e->top > row[e->cur])
		e->top = (size_t)row[e->cur];
	if (row[e->cur] >= (int)e->top + rows)
		e->top = (size_t)(row[e->cur] - rows + 1);
	for (i = 0; i < e->n; i++) {
		r = row[i] - (int)e->top;
		if (r >= 0 && r < rows && e->cp[i] != '\n')
			buf_add(&line[r], u, (size_t)text_encode(e->cp[i], u));
	}
	for (r = 0; r < rows; r++) {
		tui_fill(y + r, x, cols, A_UNDERLINE);
		tui_put(y + r, x, cols, line[r].s != NULL ? line[r].s : "",
		    A_UNDERLINE);
		buf_free(&line[r]);
	}
	*cy = y + row[e->cur] - (int)e->top;
	*cx = x + col[e->cur];
	free(line);
	free(row);
	free(col);
}

void
tui_edit_draw(struct tui_edit *e, int y, int x, int rows, int cols, int *cy,
    int *cx)
{
	e->cols = cols;
	if (!e->multiline || rows < 1) {
		tui_fill(y, x, cols, A_UNDERLINE);
		draw_line(e, y, x, cols, cx);
		*cy = y;
		return;
	}
	draw_rows(e, y, x, rows, cols, cy, cx);
}
