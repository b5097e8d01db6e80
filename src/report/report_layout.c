/*
 * report_layout.c - lays a document's blocks out on A4 pages: texts
 * wrapped by measured width (text_wrap_opts does kinsoku and keeps words,
 * numbers and IDs whole), headings and kept texts moved on with at least
 * two lines of what follows, tables broken between rows with their header
 * repeated (a row is split only when a page cannot hold it; a kept table
 * moves whole), cells spanning columns, spaces and bookmarks. Drawing is
 * report_draw.c's, the file report_pdf.c's.
 */
#include <stdlib.h>
#include <string.h>

#include "report_draw.h"
#include "util.h"

/* Lines of what follows a heading keeps with it on its page. */
#define KEEP_LINES 2
/* How many kept blocks in a row are looked through: a longer chain is
 * held to a page anyway. */
#define KEEP_DEPTH 8
#define EPS 1e-6

const struct report_box report_layout_body = {
	MARGIN_X, MARGIN_X + BODY_W, BODY_TOP, BODY_BOTTOM
};

const struct report_sheet report_sheet_12 = {
	2, 6, 18.6, 21.6, 86.4, 42.3, 86.4, 42.3, 6.0, REPORT_TEXT_LETTER
};
const struct report_sheet report_sheet_24 = {
	3, 8, 0.0, 12.9, 70.0, 33.9, 70.0, 33.9, 5.0, REPORT_TEXT_NOTE
};

static enum style
block_style(const struct block *b)
{
	switch (b->kind) {
	case B_TITLE:
		return S_TITLE;
	case B_H1:
		return S_H1;
	case B_H2:
		return S_H2;
	default:
		return b->style;
	}
}

static int
is_text(const struct block *b)
{
	return b->kind == B_TITLE || b->kind == B_H1 || b->kind == B_H2 ||
	    b->kind == B_TEXT;
}

/* Blocks that never end a page alone. */
static int
is_kept(const struct block *b)
{
	return b->kind == B_TITLE || b->kind == B_H1 || b->kind == B_H2 ||
	    (b->kind == B_TEXT && (b->flags & REPORT_TEXT_KEEP));
}

static double
block_width(const struct block *b)
{
	return BODY_W - (b->kind == B_TEXT ? b->indent : 0);
}

/* ---- tables: geometry --------------------------------------------------- */

/* A table being laid out. */
struct table {
	const struct block *b;
	enum style st;
	size_t ncols, nrows;
	double *x;			/* ncols + 1 column edges */
	struct text_lines *head;	/* wrapped header cells, or NULL */
	size_t head_lines;
	double head_h;			/* the header band, 0 when none */
	double page_top;		/* where rows start on a new page */
	double cap;			/* what a new page holds below it */
	double *seg;			/* per edge: top of its current rule */
};

static double
row_height(const struct table *t, size_t lines)
{
	return (double)lines * report_styles[t->st].lead + 2 * CELL_PAD;
}

/* Whole lines that fit between y and the bottom margin. */
static size_t
lines_below(const struct table *t, double y)
{
	double room = y - BODY_BOTTOM - 2 * CELL_PAD,
	    lead = report_styles[t->st].lead;

	return room < lead ? 0 : (size_t)(room / lead + EPS);
}

static struct span
row_span(const struct table *t, size_t row)
{
	struct span none = { 0, 0 };

	return t->b->spans != NULL ? t->b->spans[row] : none;
}

/* Wraps a row's cells; returns its line count (at least 1). The cells a
 * span covers get no lines. */
static size_t
wrap_row(struct pdf *p, const struct table *t, size_t row,
    struct text_lines *lines)
{
	char *const *cells = &t->b->cells[row * t->ncols];
	struct span sp = row_span(t, row);
	size_t c, n = 1, right;

	for (c = 0; c < t->ncols; c++) {
		if (sp.to != 0 && c > sp.from && c < sp.to)
			continue;
		right = sp.to != 0 && c == sp.from ? sp.to : c + 1;
		report_draw_wrap(p, cells[c], t->st, t->x[right] - t->x[c] -
		    2 * CELL_PAD, &lines[c]);
		if (lines[c].n > n)
			n = lines[c].n;
	}
	return n;
}

static void
free_lines(struct text_lines *lines, size_t n)
{
	size_t c;

	for (c = 0; lines != NULL && c < n; c++)
		text_lines_free(&lines[c]);
	free(lines);
}

/* A row's height: its lines, or the table's minimum height when taller
 * (but never more than a page holds). */
static double
full_height(const struct table *t, size_t lines)
{
	double h = row_height(t, lines), min = t->b->min_height;

	if (min > t->cap)
		min = t->cap;
	return h > min ? h : min;
}

/* The header row, repeated on every page, unless it would leave no room
 * below it for two lines: then it is an ordinary row. */
static void
table_head(struct pdf *p, struct table *t)
{
	const struct block *b = t->b;

	t->page_top = BODY_TOP;
	if (!(b->flags & REPORT_TABLE_HEADER) || t->nrows == 0)
		return;
	t->head = xcalloc(t->ncols, sizeof *t->head);
	t->head_lines = wrap_row(p, t, 0, t->head);
	if (lines_below(t, BODY_TOP - row_height(t, t->head_lines)) < 2) {
		free_lines(t->head, t->ncols);
		t->head = NULL;
		t->head_lines = 0;
		return;
	}
	t->head_h = row_height(t, t->head_lines);
	t->page_top = BODY_TOP - t->head_h;
}

static void
table_setup(struct pdf *p, const struct block *b, struct table *t)
{
	double sum = 0;
	size_t c;

	memset(t, 0, sizeof *t);
	t->b = b;
	t->st = b->flags & REPORT_TABLE_XL ? S_CELL_XL :
	    b->flags & REPORT_TABLE_LARGE ? S_CELL_L : S_CELL;
	t->ncols = b->ncols;
	t->nrows = b->ncols > 0 ? b->ncells / b->ncols : 0;
	t->x = xcalloc(b->ncols + 1, sizeof *t->x);
	t->seg = xcalloc(b->ncols + 1, sizeof *t->seg);
	for (c = 0; c < b->ncols; c++)
		sum += b->shares[c];
	t->x[0] = MARGIN_X;
	for (c = 0; c < b->ncols; c++)
		t->x[c + 1] = t->x[c] + BODY_W * b->shares[c] / sum;
	table_head(p, t);
	t->cap = t->page_top - BODY_BOTTOM;
}

static void
table_free(struct table *t)
{
	free_lines(t->head, t->ncols);
	free(t->x);
	free(t->seg);
}

/* The height of row `row` as it will be drawn when a page holds it. */
static double
row_need(struct pdf *p, const struct table *t, size_t row, size_t *nlines)
{
	struct text_lines *lines = xcalloc(t->ncols, sizeof *lines);
	size_t n = wrap_row(p, t, row, lines);

	free_lines(lines, t->ncols);
	if (nlines != NULL)
		*nlines = n;
	return full_height(t, n);
}

/* What the table needs below where it starts: the header and its first
 * row whole (two of its lines when no page holds it); the whole table
 * when it is kept and a page holds it. */
static double
table_start_need(struct pdf *p, const struct table *t)
{
	size_t first = t->head != NULL ? 1 : 0, r;
	double h, all = t->head_h;

	if (first >= t->nrows)
		return t->head_h;
	h = row_need(p, t, first, NULL);
	if (h > t->cap)
		h = row_height(t, 2);
	if (t->b->flags & REPORT_TABLE_KEEP) {
		for (r = first; r < t->nrows && all <= t->cap + t->head_h; r++)
			all += row_need(p, t, r, NULL);
		if (all <= t->cap + t->head_h)
			return all;
	}
	return t->head_h + h;
}

/* ---- tables: drawing ------------------------------------------------------ */

static void
draw_cells(struct pdf *p, const struct table *t, const struct text_lines *lines,
    size_t first, size_t from, size_t n, int header)
{
	struct line_id id = { 0, 0, 0, header };
	double top = p->y, lead = report_styles[t->st].lead;
	size_t c, i;

	report_draw_text_begin(p, t->st);
	for (c = 0; c < t->ncols; c++) {
		if (lines[c].n == 0)
			continue;
		id.cell = first + c;
		id.nlines = lines[c].n;
		for (i = from; i < from + n && i < lines[c].n; i++) {
			id.line = i;
			report_draw_text_at(p, t->x[c] + CELL_PAD, top -
			    CELL_PAD - (double)(i - from) * lead, t->st,
			    lines[c].line[i], &id);
		}
	}
	report_draw_text_end(p);
}

/* Lines [from, from + n) of every cell in a band of height h, the rule
 * below it, and the column rules a span interrupts; the others are drawn
 * once per part (close_part). */
static void
draw_band(struct pdf *p, struct table *t, const struct text_lines *lines,
    size_t row, size_t from, size_t n, double h, int header)
{
	struct span sp = header ? (struct span){ 0, 0 } : row_span(t, row);
	double top = p->y, *x = t->x;
	size_t e, nc = t->ncols;
	int label = !header && (t->b->flags & REPORT_TABLE_LABELS) &&
	    !(sp.to != 0 && sp.from == 0);

	if (header || label) {
		report_draw_fill(p, x[0], top - h, (header ? x[nc] : x[1]) -
		    x[0], h, header ? 0.86 : 0.94);
		/* Again over the shading, which anti-aliasing lets eat
		 * into the rule above (seen at 110 dpi). */
		report_draw_rule(p, x[0], top, x[nc], top);
	}
	for (e = sp.from + 1; sp.to != 0 && e < sp.to; e++) {
		if (t->seg[e] > top + EPS)
			report_draw_rule(p, x[e], t->seg[e], x[e], top);
		t->seg[e] = top - h;
	}
	draw_cells(p, t, lines, header ? 0 : row * nc, from, n, header);
	p->y = top - h;
	report_draw_rule(p, x[0], p->y, x[nc], p->y);
}

/* Starts the table's part on this page: top rule, header row. */
static void
open_part(struct pdf *p, struct table *t)
{
	size_t e;

	report_draw_pen(p, 0.5, 0.45);
	report_draw_rule(p, t->x[0], p->y, t->x[t->ncols], p->y);
	for (e = 0; e <= t->ncols; e++)
		t->seg[e] = p->y;
	if (t->head != NULL)
		draw_band(p, t, t->head, 0, 0, t->head_lines, t->head_h, 1);
}

static void
close_part(struct pdf *p, const struct table *t)
{
	size_t e;

	for (e = 0; e <= t->ncols; e++)
		if (t->seg[e] > p->y + EPS)
			report_draw_rule(p, t->x[e], t->seg[e], t->x[e], p->y);
}

static void
table_break(struct pdf *p, struct table *t)
{
	close_part(p, t);
	report_draw_new_page(p);
	open_part(p, t);
}

/* A row too tall for any page, drawn in parts line by line, each page
 * starting below the repeated header (which leaves room for two lines,
 * table_head), so every turn draws lines and the loop ends. */
static void
split_row(struct pdf *p, struct table *t, size_t row,
    const struct text_lines *lines, size_t n)
{
	size_t done = 0, room;

	for (;;) {
		room = lines_below(t, p->y);
		if (n - done <= room) {
			draw_band(p, t, lines, row, done, n - done,
			    row_height(t, n - done), 0);
			return;
		}
		if (room >= 2 || (room >= 1 && p->y >= t->page_top - EPS)) {
			draw_band(p, t, lines, row, done, room,
			    row_height(t, room), 0);
			done += room;
		}
		table_break(p, t);
	}
}

/* A row goes whole onto this page or the next; only a row taller than a
 * page is split. */
static void
lay_row(struct pdf *p, struct table *t, size_t row)
{
	struct text_lines *lines = xcalloc(t->ncols, sizeof *lines);
	size_t n = wrap_row(p, t, row, lines);
	double h = full_height(t, n);

	if (h > p->y - BODY_BOTTOM + EPS && h <= t->cap + EPS &&
	    p->y < t->page_top - EPS)
		table_break(p, t);
	if (h <= p->y - BODY_BOTTOM + EPS)
		draw_band(p, t, lines, row, 0, n, h, 0);
	else
		split_row(p, t, row, lines, n);
	free_lines(lines, t->ncols);
}

static void
lay_table(struct pdf *p, const struct block *b)
{
	struct table t;
	size_t r;

	table_setup(p, b, &t);
	if (p->y < BODY_TOP && p->y - table_start_need(p, &t) < BODY_BOTTOM)
		report_draw_new_page(p);
	open_part(p, &t);
	for (r = t.head != NULL ? 1 : 0; r < t.nrows; r++)
		lay_row(p, &t, r);
	close_part(p, &t);
	p->y -= report_styles[t.st].after;
	table_free(&t);
}

/* ---- what a kept block keeps --------------------------------------------- */

static size_t
count_lines(struct pdf *p, const struct block *b)
{
	struct text_lines l;
	size_t n;

	report_draw_wrap(p, b->text, block_style(b), block_width(b), &l);
	n = l.n;
	text_lines_free(&l);
	return n;
}

static double
kept_height(struct pdf *p, const struct block *b, int at_top)
{
	const struct style_def *d = &report_styles[block_style(b)];

	return (at_top ? 0 : d->before) + (double)count_lines(p, b) *
	    d->lead + d->after;
}

/* What must follow a kept block on its page: two lines of a text (all
 * of a shorter one), a table's header and first row, or the next kept
 * block with what it keeps. */
static double
follow_need(struct pdf *p, const struct report_doc *doc, size_t i, int depth)
{
	const struct block *b = i < doc->n ? &doc->b[i] : NULL;
	struct table t;
	size_t n;
	double h;

	if (b == NULL || depth > KEEP_DEPTH)
		return 0;
	switch (b->kind) {
	case B_MARK:
		return follow_need(p, doc, i + 1, depth + 1);
	case B_SPACE:
		return b->indent + follow_need(p, doc, i + 1, depth + 1);
	case B_BREAK:
		return 0;
	case B_TABLE:
		table_setup(p, b, &t);
		h = table_start_need(p, &t);
		table_free(&t);
		return h;
	default:
		if (is_kept(b))
			return kept_height(p, b, 0) + follow_need(p, doc, i + 1,
			    depth + 1);
		n = count_lines(p, b);
		return (double)(n < KEEP_LINES ? n : KEEP_LINES) *
		    report_styles[block_style(b)].lead;
	}
}

/* ---- texts ----------------------------------------------------------------- */

static void
lay_text(struct pdf *p, const struct block *b)
{
	enum style st = block_style(b);
	const struct style_def *d = &report_styles[st];
	double w = block_width(b), x;
	struct line_id id = { 0, 0, 0, 0 };
	struct text_lines l;

	report_draw_wrap(p, b->text, st, w, &l);
	id.nlines = l.n;
	for (id.line = 0; id.line < l.n; id.line++) {
		if (p->y - d->lead < BODY_BOTTOM - EPS)
			report_draw_new_page(p);
		x = MARGIN_X + BODY_W - w;
		if (b->kind == B_TITLE || (b->kind == B_TEXT &&
		    b->align == REPORT_ALIGN_CENTRE))
			x += (w - report_draw_extent(p, l.line[id.line], st)) / 2;
		else if (b->kind == B_TEXT && b->align == REPORT_ALIGN_RIGHT)
			x += w - report_draw_extent(p, l.line[id.line], st);
		/* A line of marks alone may reach past the width. */
		if (x < MARGIN_X + BODY_W - w)
			x = MARGIN_X + BODY_W - w;
		report_draw_text_begin(p, st);
		report_draw_text_at(p, x, p->y, st, l.line[id.line], &id);
		report_draw_text_end(p);
		p->y -= d->lead;
	}
	p->y -= d->after;
	text_lines_free(&l);
}

/* A heading or kept text: on the next page unless what it keeps fits
 * below it here (a page that is still empty would be no better). */
static void
lay_kept(struct pdf *p, const struct report_doc *doc, size_t i)
{
	const struct block *b = &doc->b[i];
	const struct style_def *d = &report_styles[block_style(b)];
	double need = 0;

	if (p->y < BODY_TOP) {
		need = kept_height(p, b, 0) + follow_need(p, doc, i + 1, 0);
		if (need > BODY_TOP - BODY_BOTTOM)
			need = BODY_TOP - BODY_BOTTOM;
	}
	if (p->y < BODY_TOP && p->y - need < BODY_BOTTOM - EPS)
		report_draw_new_page(p);
	else if (p->y < BODY_TOP)
		p->y -= d->before;
	if (b->kind == B_H1)
		report_draw_mark(p, b->text, 1);
	p->keep = 1;
	lay_text(p, b);
	p->keep = 0;
	if (b->kind == B_H1) {
		report_draw_pen(p, 0.8, 0.3);
		report_draw_rule(p, MARGIN_X, p->y + d->after - 2,
		    MARGIN_X + BODY_W, p->y + d->after - 2);
	}
}

static void
lay_space(struct pdf *p, const struct block *b)
{
	if (p->y >= BODY_TOP)
		return;
	p->y -= b->indent;
	if (p->y < BODY_BOTTOM)
		p->y = BODY_BOTTOM;
}

/* ---- labels ------------------------------------------------------------------ */

#define MM (72.0 / 25.4)

/* A label has its place on the sheet, not in the flow: the page is taken
 * by the sheet (nothing else goes below), lines past its height are cut
 * (an address label with half a line is no label). */
static void
lay_label(struct pdf *p, const struct block *b)
{
	const struct report_sheet *s = b->sheet;
	const struct style_def *d = &report_styles[b->style];
	double x, top, w = (s->w - 2 * s->pad) * MM, room;
	struct line_id id = { 0, 0, 0, 0 };
	struct text_lines l;

	if (p->label >= (size_t)(s->cols * s->rows) ||
	    (p->label == 0 && p->y < BODY_TOP))
		report_draw_new_page(p);
	x = (s->left + (double)(p->label % (size_t)s->cols) * s->pitch_x +
	    s->pad) * MM;
	top = PAGE_H - (s->top + (double)(p->label / (size_t)s->cols) *
	    s->pitch_y + s->pad) * MM;
	room = (s->h - 2 * s->pad) * MM;
	report_draw_wrap(p, b->text, b->style, w, &l);
	id.nlines = l.n;
	report_draw_text_begin(p, b->style);
	for (id.line = 0; id.line < l.n && (double)(id.line + 1) * d->lead <=
	    room + EPS; id.line++)
		report_draw_text_at(p, x, top - (double)id.line * d->lead,
		    b->style, l.line[id.line], &id);
	report_draw_text_end(p);
	text_lines_free(&l);
	p->label++;
	p->y = BODY_BOTTOM;
}

void
report_layout_doc(struct pdf *p, const struct report_doc *doc)
{
	const struct block *b;
	size_t i;

	report_draw_new_page(p);
	/* The fuzzer starts anywhere on the page. */
	if (p->trace != NULL)
		p->y -= p->trace->start;
	for (i = 0; i < doc->n; i++) {
		b = &doc->b[i];
		p->block = i;
		if (is_kept(b))
			lay_kept(p, doc, i);
		else if (is_text(b))
			lay_text(p, b);
		else if (b->kind == B_BREAK)
			report_draw_new_page(p);
		else if (b->kind == B_SPACE)
			lay_space(p, b);
		else if (b->kind == B_MARK)
			report_draw_mark(p, b->text, b->level);
		else if (b->kind == B_LABEL)
			lay_label(p, b);
		else
			lay_table(p, b);
	}
}
