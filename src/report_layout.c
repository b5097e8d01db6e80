/*
 * report_layout.c - lays a report_doc out on A4 pages with libharu: text
 * wrapped by measured width (text_wrap does the kinsoku), headings kept
 * with what follows, tables broken across pages with their header row
 * repeated, the footer with "n / N" drawn once every page exists, and the
 * file written through report_file.c. The font is found and subset in
 * report_font.c.
 * The choices follow shared/PDF-NOTES.md (libharu 2.3.0, measured).
 */
#include "report_layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "i18n.h"
#include "report_file.h"
#include "report_font.h"
#include "text.h"
#include "util.h"

/* A4 portrait in points, as libharu's HPDF_PAGE_SIZE_A4. */
#define PAGE_W 595.276
#define PAGE_H 841.89
#define MARGIN_X 50.0
#define BODY_TOP (PAGE_H - 54.0)
#define BODY_BOTTOM 76.0		/* the footer lives below */
#define BODY_W (PAGE_W - 2 * MARGIN_X)
#define FOOTER_RULE 64.0
#define CELL_PAD 3.5
/* IPAex Gothic's ascender (880/1000 em): where the baseline sits below
 * the top of a glyph box. */
#define ASCENT 0.88
/* Lines a heading must find below it, or it moves to the next page. */
#define KEEP_LINES 3

const struct report_box report_layout_body = {
	MARGIN_X, MARGIN_X + BODY_W, BODY_TOP, BODY_BOTTOM
};

enum style { S_TITLE, S_H1, S_H2, S_BODY, S_NOTE, S_CELL, S_FOOT, S_MARK };

static const struct style_def {
	double size, lead, before, after;
} styles[] = {
	[S_TITLE] = { 17, 26, 0, 12 },
	[S_H1] = { 13, 19, 14, 7 },
	[S_H2] = { 10.5, 15, 8, 4 },
	[S_BODY] = { 9.5, 14.5, 0, 6 },
	[S_NOTE] = { 8, 12, 0, 6 },
	[S_CELL] = { 8, 11.5, 0, 8 },
	[S_FOOT] = { 7, 10, 0, 0 },
	[S_MARK] = { 54, 54, 0, 0 },
};

enum block_kind { B_TITLE, B_H1, B_H2, B_PARA, B_NOTE, B_BREAK, B_TABLE };

struct block {
	enum block_kind kind;
	char *text;
	size_t ncols;
	double *shares;
	int flags;
	double min_height;
	char **cells;			/* row by row, ncols each */
	size_t ncells;
};

struct report_doc {
	struct block *b;
	size_t n;
};

/* The document being drawn. libharu reports errors to on_error, which
 * keeps the first; every call's status is checked too (ok()), and once
 * anything failed nothing more is drawn. */
struct pdf {
	HPDF_Doc doc;
	HPDF_Font font;
	HPDF_STATUS error, detail;
	HPDF_Page *pages;
	size_t npages;
	HPDF_Page cur;			/* the page drawn on */
	float *em;			/* width per code point, 1/1000 em */
	double y;			/* top of the free space */
	int fresh;			/* only a table header on it */
	const char *watermark;
	const struct report_trace *trace;	/* NULL but in tests */
	size_t block;			/* the block being laid out */
};

/* Which line a text_at call draws, for the trace. */
struct line_id {
	size_t cell, line, nlines;
	int header;
};

/* A table being laid out. */
struct table {
	const struct block *b;
	double *x;			/* ncols + 1 column edges */
	struct text_lines *head;	/* wrapped header cells, or NULL */
	size_t head_lines;
	size_t page_lines;		/* body lines a page holds below it */
	double page_top;		/* where rows start on a new page */
	double part_top;		/* where it starts on this page */
	size_t first;			/* the row's first cell (trace) */
};

/* ---- the document ---------------------------------------------------- */

struct report_doc *
report_doc_new(void)
{
	return xcalloc(1, sizeof(struct report_doc));
}

void
report_doc_free(struct report_doc *doc)
{
	size_t i, j;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->n; i++) {
		free(doc->b[i].text);
		free(doc->b[i].shares);
		for (j = 0; j < doc->b[i].ncells; j++)
			free(doc->b[i].cells[j]);
		free(doc->b[i].cells);
	}
	free(doc->b);
	free(doc);
}

static struct block *
add_block(struct report_doc *doc, enum block_kind kind, const char *text)
{
	struct block *b;

	doc->b = xreallocarray(doc->b, doc->n + 1, sizeof *doc->b);
	b = &doc->b[doc->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = text_sanitize(text != NULL ? text : "", 1);
	return b;
}

void
report_doc_title(struct report_doc *doc, const char *text)
{
	add_block(doc, B_TITLE, text);
}

void
report_doc_heading(struct report_doc *doc, int level, const char *text)
{
	add_block(doc, level <= 1 ? B_H1 : B_H2, text);
}

void
report_doc_para(struct report_doc *doc, const char *text)
{
	add_block(doc, B_PARA, text);
}

void
report_doc_note(struct report_doc *doc, const char *text)
{
	add_block(doc, B_NOTE, text);
}

void
report_doc_page_break(struct report_doc *doc)
{
	add_block(doc, B_BREAK, NULL);
}

void
report_doc_table(struct report_doc *doc, size_t ncols, const double *shares,
    int flags, double min_height)
{
	struct block *b = add_block(doc, B_TABLE, NULL);

	b->ncols = ncols;
	b->shares = xcalloc(ncols, sizeof *b->shares);
	memcpy(b->shares, shares, ncols * sizeof *shares);
	b->flags = flags;
	b->min_height = min_height;
}

void
report_doc_row(struct report_doc *doc, const char *const *cells)
{
	struct block *b = &doc->b[doc->n - 1];
	size_t c;

	b->cells = xreallocarray(b->cells, b->ncells + b->ncols,
	    sizeof *b->cells);
	for (c = 0; c < b->ncols; c++)
		b->cells[b->ncells++] = text_sanitize(cells[c] != NULL ?
		    cells[c] : "", 1);
}

/* Makes every text drawable with the font and notes what it uses, so
 * the subset holds exactly the document's glyphs. own[] receives
 * drawable copies of the furniture. */
static void
use_texts(struct report_font *font, struct report_doc *doc,
    const struct report_furniture *f, char *own[3])
{
	size_t i, j;

	for (i = 0; i < doc->n; i++) {
		report_font_use(font, &doc->b[i].text);
		for (j = 0; j < doc->b[i].ncells; j++)
			report_font_use(font, &doc->b[i].cells[j]);
	}
	own[0] = xstrdup(f->footer);
	own[1] = xstrdup(f->footer_meta);
	own[2] = f->watermark != NULL ? xstrdup(f->watermark) : NULL;
	for (i = 0; i < 3; i++)
		if (own[i] != NULL)
			report_font_use(font, &own[i]);
}

/* ---- drawing primitives ---------------------------------------------- */

static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *ud)
{
	struct pdf *p = ud;

	if (p->error == HPDF_OK) {
		p->error = error;
		p->detail = detail;
	}
}

static void
ok(struct pdf *p, HPDF_STATUS s)
{
	if (s != HPDF_OK && p->error == HPDF_OK)
		p->error = s;
}

struct measure {
	struct pdf *p;
	double size;
};

/* The advance of cp's glyph in 1/1000 em. HPDF_*_MeasureText miscounts
 * UTF-8 (PDF-NOTES): one character at a time through HPDF_Font_TextWidth.
 * libharu looks each one up by a linear search of the cmap, so widths are
 * cached (report_font_use limits code points to U+FFFF). */
static double
glyph_em(struct pdf *p, uint32_t cp)
{
	float *w = &p->em[cp & 0xFFFF];
	char utf8[4];
	int n;

	if (*w == 0) {
		n = text_encode(cp, utf8);
		*w = (float)HPDF_Font_TextWidth(p->font,
		    (const HPDF_BYTE *)utf8, (HPDF_UINT)n).width;
	}
	return *w;
}

/* Combining marks and other zero-width characters take no room, as on a
 * terminal, though IPAex Gothic gives its marks a spacing glyph (U+0301
 * half an em, U+3099 a whole one): text_marks draws them so. */
static double
measure_cp(uint32_t cp, void *ud)
{
	const struct measure *m = ud;

	if (text_cp_width(cp) == 0)
		return 0;
	return glyph_em(m->p, cp) * m->size / 1000.0;
}

static void
wrap(struct pdf *p, const char *s, enum style st, double width,
    struct text_lines *out)
{
	struct measure m = { p, styles[st].size };

	text_wrap(s, width, measure_cp, &m, out);
}

static double
line_width(struct pdf *p, const char *s, enum style st)
{
	struct measure m = { p, styles[st].size };
	double w = 0;
	uint32_t cp;

	while (*s != '\0') {
		s = text_decode(s, &cp);
		w += measure_cp(cp, &m);
	}
	return w;
}

/* Text goes in text objects: one per band of a table, not one per line,
 * since libharu writes every number through a byte-wise memset and the
 * font and position operators were a tenth of the export (callgrind). */
static void
text_begin(struct pdf *p, enum style st)
{
	if (p->error != HPDF_OK)
		return;
	ok(p, HPDF_Page_BeginText(p->cur));
	ok(p, HPDF_Page_SetFontAndSize(p->cur, p->font,
	    (HPDF_REAL)styles[st].size));
}

static void
trace_line(struct pdf *p, const struct line_id *id, double x, double right,
    double top, enum style st, const char *s)
{
	struct report_trace_line l;

	memset(&l, 0, sizeof l);
	l.kind = REPORT_TRACE_LINE;
	l.page = p->npages - 1;
	l.block = p->block;
	l.cell = id->cell;
	l.line = id->line;
	l.nlines = id->nlines;
	l.header = id->header;
	l.box.left = x;
	l.box.right = right;
	l.box.top = top;
	l.box.bottom = top - styles[st].lead;
	l.text = s;
	p->trace->fn(&l, p->trace->ud);
}

static int
has_zero_width(const char *s)
{
	uint32_t cp;

	while (*s != '\0') {
		if ((unsigned char)*s < 0x80) {
			s++;
			continue;
		}
		s = text_decode(s, &cp);
		if (text_cp_width(cp) == 0)
			return 1;
	}
	return 0;
}

/* Draws [s, end) at x. */
static void
text_run(struct pdf *p, double x, double base, const char *s,
    const char *end)
{
	char *run;

	if (end == s || p->error != HPDF_OK)
		return;
	run = xstrndup(s, (size_t)(end - s));
	ok(p, HPDF_Page_TextOut(p->cur, (HPDF_REAL)x, (HPDF_REAL)base, run));
	free(run);
}

/* A line with zero-width characters: libharu would advance by their
 * spacing glyphs (measure_cp), so the text between them is drawn in runs
 * and each of them on its own, centred over the glyph before it, where a
 * mark belongs; kept from the line's start and, where it can be, from
 * the end of that glyph. Returns the right end of what was drawn. */
static double
text_marks(struct pdf *p, double x, double base, enum style st,
    const char *s)
{
	const double size = styles[st].size;
	double pen = x, run_x = x, prev = 0, right = x, w, mx;
	const char *run = s, *next;
	uint32_t cp;

	for (; *s != '\0'; s = next) {
		next = text_decode(s, &cp);
		w = glyph_em(p, cp) * size / 1000.0;
		if (text_cp_width(cp) != 0) {
			pen += w;
			prev = w;
			continue;
		}
		text_run(p, run_x, base, run, s);
		mx = pen - (prev + w) / 2;
		if (mx > pen - w)
			mx = pen - w;
		if (mx < x)
			mx = x;
		text_run(p, mx, base, s, next);
		if (mx + w > right)
			right = mx + w;
		run = next;
		run_x = pen;
	}
	text_run(p, run_x, base, run, s);
	return pen > right ? pen : right;
}

/* A line whose line box starts at `top`; id says which, for the trace
 * (NULL: page furniture). */
static void
text_at(struct pdf *p, double x, double top, enum style st, const char *s,
    const struct line_id *id)
{
	const struct style_def *d = &styles[st];
	double base = top - (d->lead - d->size) / 2 - ASCENT * d->size;
	double right;

	if (p->error != HPDF_OK)
		return;
	if (has_zero_width(s)) {
		right = text_marks(p, x, base, st, s);
	} else {
		if (*s != '\0')
			ok(p, HPDF_Page_TextOut(p->cur, (HPDF_REAL)x,
			    (HPDF_REAL)base, s));
		right = p->trace != NULL ? x + line_width(p, s, st) : x;
	}
	if (p->trace != NULL && id != NULL)
		trace_line(p, id, x, right, top, st, s);
}

static void
text_end(struct pdf *p)
{
	if (p->error == HPDF_OK)
		ok(p, HPDF_Page_EndText(p->cur));
}

static void
draw_line(struct pdf *p, double x, double top, enum style st, const char *s,
    const struct line_id *id)
{
	text_begin(p, st);
	text_at(p, x, top, st, s, id);
	text_end(p);
}

static void
fill_rect(struct pdf *p, double x, double y, double w, double h, double gray)
{
	if (p->error != HPDF_OK)
		return;
	ok(p, HPDF_Page_SetGrayFill(p->cur, (HPDF_REAL)gray));
	ok(p, HPDF_Page_Rectangle(p->cur, (HPDF_REAL)x, (HPDF_REAL)y,
	    (HPDF_REAL)w, (HPDF_REAL)h));
	ok(p, HPDF_Page_Fill(p->cur));
	ok(p, HPDF_Page_SetGrayFill(p->cur, 0));
}

static void
pen(struct pdf *p, double width, double gray)
{
	if (p->error != HPDF_OK)
		return;
	ok(p, HPDF_Page_SetLineWidth(p->cur, (HPDF_REAL)width));
	ok(p, HPDF_Page_SetGrayStroke(p->cur, (HPDF_REAL)gray));
}

static void
line(struct pdf *p, double x0, double y0, double x1, double y1)
{
	if (p->error != HPDF_OK)
		return;
	ok(p, HPDF_Page_MoveTo(p->cur, (HPDF_REAL)x0, (HPDF_REAL)y0));
	ok(p, HPDF_Page_LineTo(p->cur, (HPDF_REAL)x1, (HPDF_REAL)y1));
	ok(p, HPDF_Page_Stroke(p->cur));
}

/* 「訓練 / TRAINING」 across the page, light, under everything else. */
static void
draw_watermark(struct pdf *p)
{
	const double c = 0.70710678, size = styles[S_MARK].size;
	double w = line_width(p, p->watermark, S_MARK);
	double x = PAGE_W / 2 - w / 2 * c + size / 3 * c;
	double y = PAGE_H / 2 - w / 2 * c - size / 3 * c;
	HPDF_Page pg = p->cur;

	ok(p, HPDF_Page_SetGrayFill(pg, 0.85));
	ok(p, HPDF_Page_BeginText(pg));
	ok(p, HPDF_Page_SetFontAndSize(pg, p->font, (HPDF_REAL)size));
	ok(p, HPDF_Page_SetTextMatrix(pg, (HPDF_REAL)c, (HPDF_REAL)c,
	    (HPDF_REAL)-c, (HPDF_REAL)c, (HPDF_REAL)x, (HPDF_REAL)y));
	ok(p, HPDF_Page_ShowText(pg, p->watermark));
	ok(p, HPDF_Page_EndText(pg));
	ok(p, HPDF_Page_SetGrayFill(pg, 0));
}

static void
new_page(struct pdf *p)
{
	struct report_trace_line l;
	HPDF_Page pg;

	p->y = BODY_TOP;
	p->fresh = 1;
	/* Before anything can fail: a layout that keeps adding pages must
	 * show, also once libharu has given up. */
	if (p->trace != NULL) {
		memset(&l, 0, sizeof l);
		l.kind = REPORT_TRACE_PAGE;
		l.page = p->npages;
		l.block = p->block;
		p->trace->fn(&l, p->trace->ud);
	}
	if (p->error != HPDF_OK)
		return;
	pg = HPDF_AddPage(p->doc);
	if (pg == NULL) {
		ok(p, HPDF_PAGE_CANNOT_GET_ROOT_PAGES);
		return;
	}
	p->pages = xreallocarray(p->pages, p->npages + 1, sizeof *p->pages);
	p->pages[p->npages++] = pg;
	p->cur = pg;
	ok(p, HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT));
	if (p->watermark != NULL)
		draw_watermark(p);
}

/* ---- text blocks ------------------------------------------------------ */

static void
lay_text(struct pdf *p, const char *text, enum style st, int centred)
{
	const struct style_def *d = &styles[st];
	struct text_lines l;
	struct line_id id = { 0, 0, 0, 0 };
	double x;

	wrap(p, text, st, BODY_W, &l);
	id.nlines = l.n;
	for (id.line = 0; id.line < l.n; id.line++) {
		if (p->y - d->lead < BODY_BOTTOM)
			new_page(p);
		x = MARGIN_X;
		if (centred)
			x += (BODY_W - line_width(p, l.line[id.line], st)) / 2;
		draw_line(p, x, p->y, st, l.line[id.line], &id);
		p->y -= d->lead;
	}
	p->y -= d->after;
	p->fresh = 0;
	text_lines_free(&l);
}

/* table_keep: what the table after the heading needs below it, or 0. */
static void
lay_heading(struct pdf *p, const char *text, enum style st,
    double table_keep)
{
	const struct style_def *d = &styles[st];
	double need = KEEP_LINES * styles[S_BODY].lead;

	if (table_keep > 0 && d->after + table_keep > need)
		need = d->after + table_keep;
	need += d->before + d->lead;

	/* A page that is still empty would be no better. */
	if (p->y < BODY_TOP && p->y - need < BODY_BOTTOM)
		new_page(p);
	else if (p->y < BODY_TOP)
		p->y -= d->before;
	lay_text(p, text, st, 0);
	if (st == S_H1) {
		pen(p, 0.8, 0.3);
		line(p, MARGIN_X, p->y + d->after - 2, MARGIN_X + BODY_W,
		    p->y + d->after - 2);
	}
}

/* ---- tables ----------------------------------------------------------- */

static double
row_height(size_t lines)
{
	return (double)lines * styles[S_CELL].lead + 2 * CELL_PAD;
}

/* Wraps a row's cells; returns its line count (at least 1). */
static size_t
wrap_row(struct pdf *p, const struct table *t, char *const *cells,
    struct text_lines *lines)
{
	size_t c, n = 1;

	for (c = 0; c < t->b->ncols; c++) {
		wrap(p, cells[c], S_CELL, t->x[c + 1] - t->x[c] - 2 * CELL_PAD,
		    &lines[c]);
		if (lines[c].n > n)
			n = lines[c].n;
	}
	return n;
}

/* Lines [from, from + n) of every cell in a band of height h, and the
 * rule below it; the column rules are drawn once per page (close_part). */
static void
draw_band(struct pdf *p, const struct table *t, const struct text_lines *lines,
    size_t from, size_t n, double h, int header)
{
	size_t c, i, ncols = t->b->ncols;
	struct line_id id = { 0, 0, 0, header };
	double top = p->y;

	if (header || (t->b->flags & REPORT_TABLE_LABELS)) {
		fill_rect(p, t->x[0], top - h, (header ? t->x[ncols] :
		    t->x[1]) - t->x[0], h, header ? 0.86 : 0.94);
		/* Again over the shading, which anti-aliasing lets eat
		 * into the rule above (seen at 110 dpi). */
		line(p, t->x[0], top, t->x[ncols], top);
	}
	text_begin(p, S_CELL);
	for (c = 0; c < ncols; c++) {
		id.cell = (header ? 0 : t->first) + c;
		id.nlines = lines[c].n;
		for (i = from; i < from + n && i < lines[c].n; i++) {
			id.line = i;
			text_at(p, t->x[c] + CELL_PAD, top - CELL_PAD -
			    (double)(i - from) * styles[S_CELL].lead, S_CELL,
			    lines[c].line[i], &id);
		}
	}
	text_end(p);
	p->y = top - h;
	line(p, t->x[0], p->y, t->x[ncols], p->y);
}

/* Starts the table's part on this page: top rule, header row. */
static void
open_part(struct pdf *p, struct table *t)
{
	t->part_top = p->y;
	pen(p, 0.5, 0.45);
	line(p, t->x[0], p->y, t->x[t->b->ncols], p->y);
	if (t->head != NULL)
		draw_band(p, t, t->head, 0, t->head_lines,
		    row_height(t->head_lines), 1);
	p->fresh = 1;
}

static void
close_part(struct pdf *p, const struct table *t)
{
	size_t c;

	for (c = 0; c <= t->b->ncols; c++)
		line(p, t->x[c], t->part_top, t->x[c], p->y);
}

static void
table_break(struct pdf *p, struct table *t)
{
	close_part(p, t);
	new_page(p);
	open_part(p, t);
}

/* Whole table lines that fit between y and the bottom margin. */
static size_t
lines_below(double y)
{
	double room = y - BODY_BOTTOM - 2 * CELL_PAD;

	return room < styles[S_CELL].lead ? 0 :
	    (size_t)(room / styles[S_CELL].lead);
}

/* The height the rest of a row (lines from done on) is drawn with: its
 * lines, the minimum height for a whole row, but no more than this page
 * has when a new page would have no more (a minimum taller than a page);
 * a height that does not fit here says the row must move. */
static double
rest_height(const struct pdf *p, const struct table *t, size_t done,
    size_t rest)
{
	double h = row_height(rest), avail = p->y - BODY_BOTTOM;

	if (done == 0 && h < t->b->min_height)
		h = t->b->min_height;
	if (h > avail && p->y + 1e-6 >= t->page_top &&
	    row_height(rest) <= avail)
		h = avail;
	return h;
}

/* A row goes whole onto this page or the next; only a row taller than
 * a page is split, line by line, the header repeated above each part.
 * Every turn ends the row, draws some of its lines, or starts a page
 * the rest then fits on or is split on (lay_head leaves room for lines
 * below the header), so the loop ends. */
static void
lay_row(struct pdf *p, struct table *t, char *const *cells)
{
	struct text_lines *lines = xcalloc(t->b->ncols, sizeof *lines);
	size_t c, n = wrap_row(p, t, cells, lines), done = 0, rest, room;
	double h;

	for (;;) {
		rest = n - done;
		room = lines_below(p->y);
		h = rest_height(p, t, done, rest);
		if (rest <= room && p->y - h >= BODY_BOTTOM) {
			draw_band(p, t, lines, done, rest, h, 0);
			break;
		}
		/* Lines that do not all fit are split here when the page
		 * holds only the header, or when no page could hold them;
		 * else, and when only the minimum height is missing, the row
		 * moves on whole. */
		if (rest > room && room >= 1 && (p->fresh || (room >= 2 &&
		    rest > t->page_lines))) {
			draw_band(p, t, lines, done, room, row_height(room), 0);
			done += room;
		}
		table_break(p, t);
	}
	p->fresh = 0;
	for (c = 0; c < t->b->ncols; c++)
		text_lines_free(&lines[c]);
	free(lines);
}

static void
free_head(struct table *t)
{
	size_t c;

	for (c = 0; t->head != NULL && c < t->b->ncols; c++)
		text_lines_free(&t->head[c]);
	free(t->head);
	t->head = NULL;
	t->head_lines = 0;
}

/* The header row, repeated on every page, unless it would leave no room
 * below it for two lines: then it is an ordinary row (returns 0). */
static size_t
lay_head(struct pdf *p, struct table *t)
{
	const struct block *b = t->b;

	t->page_top = BODY_TOP;
	if (!(b->flags & REPORT_TABLE_HEADER) || b->ncells < b->ncols)
		return 0;
	t->head = xcalloc(b->ncols, sizeof *t->head);
	t->head_lines = wrap_row(p, t, b->cells, t->head);
	if (lines_below(BODY_TOP - row_height(t->head_lines)) < 2) {
		free_head(t);
		return 0;
	}
	t->page_top = BODY_TOP - row_height(t->head_lines);
	return 1;
}

static void
lay_table(struct pdf *p, const struct block *b)
{
	struct table t;
	double sum = 0, keep = row_height(2);
	size_t c, r;

	memset(&t, 0, sizeof t);
	t.b = b;
	t.x = xcalloc(b->ncols + 1, sizeof *t.x);
	for (c = 0; c < b->ncols; c++)
		sum += b->shares[c];
	t.x[0] = MARGIN_X;
	for (c = 0; c < b->ncols; c++)
		t.x[c + 1] = t.x[c] + BODY_W * b->shares[c] / sum;
	r = lay_head(p, &t);
	t.page_lines = lines_below(BODY_TOP - row_height(t.head_lines));
	/* The header never ends a page alone: two lines, or the first row's
	 * minimum height, must follow it, unless no page has more room. */
	if (b->min_height > keep)
		keep = b->min_height;
	if (p->y - row_height(t.head_lines) - keep < BODY_BOTTOM &&
	    p->y < BODY_TOP)
		new_page(p);
	open_part(p, &t);
	for (; r * b->ncols < b->ncells; r++) {
		t.first = r * b->ncols;
		lay_row(p, &t, &b->cells[t.first]);
	}
	close_part(p, &t);
	p->y -= styles[S_CELL].after;
	free_head(&t);
	free(t.x);
}

/* What a table needs below a heading for the heading not to end a page
 * alone: a one-line header and its first row (lay_table keeps those
 * together); 0 for anything else. */
static double
table_keep(const struct report_doc *doc, size_t i)
{
	const struct block *b = i < doc->n ? &doc->b[i] : NULL;
	double keep = row_height(2);

	if (b == NULL || b->kind != B_TABLE)
		return 0;
	if (b->min_height > keep)
		keep = b->min_height;
	return (b->flags & REPORT_TABLE_HEADER ? row_height(1) : 0) + keep;
}

static void
lay_doc(struct pdf *p, const struct report_doc *doc)
{
	const struct block *b;
	size_t i;

	new_page(p);
	/* The fuzzer starts anywhere on the page. */
	if (p->trace != NULL)
		p->y -= p->trace->start;
	for (i = 0; i < doc->n; i++) {
		b = &doc->b[i];
		p->block = i;
		switch (b->kind) {
		case B_TITLE:
			lay_text(p, b->text, S_TITLE, 1);
			break;
		case B_H1:
			lay_heading(p, b->text, S_H1, table_keep(doc, i + 1));
			break;
		case B_H2:
			lay_heading(p, b->text, S_H2, table_keep(doc, i + 1));
			break;
		case B_PARA:
			lay_text(p, b->text, S_BODY, 0);
			break;
		case B_NOTE:
			lay_text(p, b->text, S_NOTE, 0);
			break;
		case B_BREAK:
			new_page(p);
			break;
		case B_TABLE:
			lay_table(p, b);
			break;
		}
	}
}

/* ---- footer ----------------------------------------------------------- */

/* Drawn once every page exists: "n / N" needs N. */
static void
draw_footers(struct pdf *p, const char *footer, const char *meta)
{
	const double lead = styles[S_FOOT].lead;
	struct text_lines l1, l2;
	char num[48];
	size_t i, k;
	double top;

	wrap(p, footer, S_FOOT, BODY_W, &l1);
	/* Beside the page number. */
	wrap(p, meta, S_FOOT, BODY_W - 60, &l2);
	for (i = 0; i < p->npages && p->error == HPDF_OK; i++) {
		p->cur = p->pages[i];
		pen(p, 0.5, 0.5);
		line(p, MARGIN_X, FOOTER_RULE, MARGIN_X + BODY_W, FOOTER_RULE);
		top = FOOTER_RULE - 3;
		text_begin(p, S_FOOT);
		for (k = 0; k < l1.n; k++, top -= lead)
			text_at(p, MARGIN_X, top, S_FOOT, l1.line[k], NULL);
		snprintf(num, sizeof num, "%zu / %zu", i + 1, p->npages);
		text_at(p, MARGIN_X + BODY_W - line_width(p, num, S_FOOT), top,
		    S_FOOT, num, NULL);
		for (k = 0; k < l2.n; k++, top -= lead)
			text_at(p, MARGIN_X, top, S_FOOT, l2.line[k], NULL);
		text_end(p);
	}
	text_lines_free(&l1);
	text_lines_free(&l2);
}

/* ---- the document and the file ---------------------------------------- */

static void
set_info(struct pdf *p, const char *title, jtime_t now)
{
	HPDF_Date d;
	long secs = (long)((now + JTIME_OFFSET) % 86400);
	int y, m, day;

	jtime_ymd_from_days(jtime_day(now), &y, &m, &day);
	memset(&d, 0, sizeof d);
	d.year = y;
	d.month = m;
	d.day = day;
	d.hour = (HPDF_INT)(secs / 3600);
	d.minutes = (HPDF_INT)(secs / 60 % 60);
	d.seconds = (HPDF_INT)(secs % 60);
	d.ind = '+';
	d.off_hour = 9;
	ok(p, HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR, "anshin-ir"));
	ok(p, HPDF_SetInfoAttr(p->doc, HPDF_INFO_TITLE, title));
	ok(p, HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d));
}

static int
pdf_open(struct pdf *p, struct report_font *font, const char *title,
    jtime_t now, char *err, size_t errlen)
{
	const char *name;
	int rc;

	p->doc = HPDF_New(on_error, p);
	if (p->doc == NULL)
		return err_set(err, errlen, ST_SOFTWARE,
		    _("PDF: cannot start a document (out of memory?)"));
	/* libharu half-subsets and writes a 128 KB CIDToGIDMap per font:
	 * compression is what keeps the file small (PDF-NOTES). */
	ok(p, HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL));
	ok(p, HPDF_UseUTFEncodings(p->doc));
	set_info(p, title, now);
	rc = report_font_load(font, p->doc, &name, err, errlen);
	if (rc != ST_OK)
		return rc;
	/* The encoder must be named here: HPDF_SetCurrentEncoder alone
	 * gives a single-byte font (PDF-NOTES). */
	p->font = HPDF_GetFont(p->doc, name, "UTF-8");
	if (p->font == NULL || p->error != HPDF_OK)
		return err_set(err, errlen, ST_SOFTWARE,
		    _("PDF: cannot use the font (libharu error 0x%04X, detail "
		    "%u)"), (unsigned)p->error, (unsigned)p->detail);
	return ST_OK;
}

static int
save_error(const struct pdf *p, const struct report_file *out, char *err,
    size_t errlen)
{
	return err_set(err, errlen, ST_IOERR, _("cannot write %s (libharu "
	    "error 0x%04X, detail %u)"), out->path, (unsigned)p->error,
	    (unsigned)p->detail);
}

/* libharu saves to memory and the file is written here: its own file
 * writer, on a full disk, failed inside zlib and said only "libharu error
 * 0x1066" (issue 12), where write(2) says why. The end of the stream
 * reaches on_error too, so it is told apart by the status alone. */
static int
save(struct pdf *p, struct report_file *out, char *err, size_t errlen)
{
	HPDF_BYTE chunk[16384];
	HPDF_UINT32 n;
	HPDF_STATUS s = HPDF_OK;
	int rc = ST_OK;

	if (HPDF_SaveToStream(p->doc) != HPDF_OK || p->error != HPDF_OK)
		return save_error(p, out, err, errlen);
	while (rc == ST_OK && s == HPDF_OK) {
		n = sizeof chunk;
		s = HPDF_ReadFromStream(p->doc, chunk, &n);
		if (s != HPDF_OK && s != HPDF_STREAM_EOF)
			rc = save_error(p, out, err, errlen);
		else if (n > 0)
			rc = report_file_write(out, chunk, n, err, errlen);
	}
	return rc == ST_OK ? report_file_commit(out, err, errlen) : rc;
}

static int
render(struct pdf *p, struct report_doc *doc, const struct report_furniture *f,
    struct report_font *font, jtime_t now, char *err, size_t errlen)
{
	int rc = pdf_open(p, font, f->info_title, now, err, errlen);

	if (rc != ST_OK)
		return rc;
	p->watermark = f->watermark;
	p->em = xcalloc(0x10000, sizeof *p->em);
	lay_doc(p, doc);
	draw_footers(p, f->footer, f->footer_meta);
	if (p->error != HPDF_OK)
		return err_set(err, errlen, ST_SOFTWARE, _("PDF: libharu error "
		    "0x%04X (detail %u) while drawing"), (unsigned)p->error,
		    (unsigned)p->detail);
	return ST_OK;
}

/* One layout of a document: the state libharu draws into, the font and
 * drawable copies of the furniture. */
struct job {
	struct pdf p;
	struct report_font *font;
	char *own[3];
};

static int
job_run(struct job *j, struct report_doc *doc,
    const struct report_furniture *f, const char *font_path, jtime_t now,
    const struct report_trace *trace, char *err, size_t errlen)
{
	struct report_furniture fu = *f;
	int rc;

	rc = report_font_find(font_path, &j->font, err, errlen);
	if (rc != ST_OK)
		return rc;
	use_texts(j->font, doc, f, j->own);
	fu.footer = j->own[0];
	fu.footer_meta = j->own[1];
	fu.watermark = j->own[2];
	j->p.trace = trace;
	return render(&j->p, doc, &fu, j->font, now, err, errlen);
}

static void
job_free(struct job *j)
{
	if (j->p.doc != NULL)
		HPDF_Free(j->p.doc);
	report_font_free(j->font);
	free(j->p.pages);
	free(j->p.em);
	free(j->own[0]);
	free(j->own[1]);
	free(j->own[2]);
}

int
report_layout_write(struct report_doc *doc, const struct report_furniture *f,
    const char *font_path, jtime_t now, const char *path, char *err,
    size_t errlen)
{
	struct report_file out;
	struct job j;
	int rc;

	/* The output first: a path that cannot be written fails at once. */
	rc = report_file_open(&out, path, err, errlen);
	if (rc != ST_OK)
		return rc;
	memset(&j, 0, sizeof j);
	rc = job_run(&j, doc, f, font_path, now, NULL, err, errlen);
	if (rc == ST_OK)
		rc = save(&j.p, &out, err, errlen);
	report_file_close(&out);
	job_free(&j);
	return rc;
}

int
report_layout_trace(struct report_doc *doc, const struct report_furniture *f,
    const char *font_path, jtime_t now, const struct report_trace *trace,
    char *err, size_t errlen)
{
	struct job j;
	int rc;

	memset(&j, 0, sizeof j);
	rc = job_run(&j, doc, f, font_path, now, trace, err, errlen);
	job_free(&j);
	return rc;
}
