/*
 * report_draw.c - drawing on the report's pages with libharu: the styles,
 * measuring and wrapping by the font's own widths, text objects (and the
 * combining marks IPAex Gothic would space), rules and shading, pages
 * with their watermark, bookmarks waiting for the line they point to, and
 * the furniture every page carries (the 「取扱注意」 header, the footer,
 * "n / N"). The choices follow shared/docs/pdf.md (libharu 2.3.0,
 * measured).
 */
#include "report_draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* IPAex Gothic's ascender (880/1000 em): where the baseline sits below
 * the top of a glyph box. */
#define ASCENT 0.88
#define FOOTER_RULE 64.0

/* Sizes the issue set: body >= 9.5 pt, tables >= 9 pt, letters 10.5 pt;
 * headings stand out by size alone (one font), which is also how a test
 * reading the PDF tells them from text. */
const struct style_def report_styles[S_COUNT] = {
	[S_TITLE] = { 20, 28, 0, 14 },
	[S_H1] = { 14, 20, 16, 8 },
	[S_H2] = { 11.5, 16, 9, 4 },
	[S_BODY] = { 9.5, 14.5, 0, 6 },
	[S_NOTE] = { 9, 13.5, 0, 6 },
	[S_LETTER] = { 10.5, 16.5, 0, 3 },
	[S_LTITLE] = { 13, 20, 0, 0 },
	[S_CELL] = { 9, 12.5, 0, 8 },
	[S_CELL_L] = { 10.5, 15, 0, 10 },
	[S_CELL_XL] = { 12, 15.5, 0, 10 },
	[S_HEAD] = { 9, 12, 0, 0 },
	[S_FOOT] = { 8, 11, 0, 0 },
	[S_MARK] = { 54, 54, 0, 0 },
};

void
report_draw_ok(struct pdf *p, HPDF_STATUS s)
{
	if (s != HPDF_OK && p->error == HPDF_OK)
		p->error = s;
}

/* ---- measuring -------------------------------------------------------- */

struct measure {
	struct pdf *p;
	double size;
};

/* The advance of cp's glyph in 1/1000 em. HPDF_*_MeasureText miscounts
 * UTF-8 (docs/pdf.md): one character at a time through HPDF_Font_TextWidth.
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

void
report_draw_wrap(struct pdf *p, const char *s, enum style st, double width,
    struct text_lines *out)
{
	struct measure m = { p, report_styles[st].size };

	text_wrap_opts(s, width, measure_cp, &m, TEXT_WRAP_WORDS |
	    TEXT_WRAP_HYPHEN, out);
}

double
report_draw_width(struct pdf *p, const char *s, enum style st)
{
	struct measure m = { p, report_styles[st].size };
	double w = 0;
	uint32_t cp;

	while (*s != '\0') {
		s = text_decode(s, &cp);
		w += measure_cp(cp, &m);
	}
	return w;
}

/* ---- text ------------------------------------------------------------- */

/* Text goes in text objects: one per band of a table, not one per line,
 * since libharu writes every number through a byte-wise memset and the
 * font and position operators were a tenth of the export (callgrind). */
void
report_draw_text_begin(struct pdf *p, enum style st)
{
	if (p->error != HPDF_OK)
		return;
	report_draw_ok(p, HPDF_Page_BeginText(p->cur));
	report_draw_ok(p, HPDF_Page_SetFontAndSize(p->cur, p->font,
	    (HPDF_REAL)report_styles[st].size));
}

void
report_draw_text_end(struct pdf *p)
{
	if (p->error == HPDF_OK)
		report_draw_ok(p, HPDF_Page_EndText(p->cur));
}

static void
trace_mark(struct pdf *p, const struct mark *m)
{
	struct report_trace_line l;

	memset(&l, 0, sizeof l);
	l.kind = REPORT_TRACE_MARK;
	l.page = m->page;
	l.block = p->block;
	l.box.top = m->y;
	l.text = m->title;
	p->trace->fn(&l, p->trace->ud);
}

/* Marks waiting for a line take the first one drawn after them. */
static void
place_marks(struct pdf *p, double top)
{
	size_t i;

	for (i = p->nmarks; i > 0 && !p->marks[i - 1].placed; i--) {
		p->marks[i - 1].placed = 1;
		p->marks[i - 1].page = p->npages - 1;
		p->marks[i - 1].y = top;
		if (p->trace != NULL)
			trace_mark(p, &p->marks[i - 1]);
	}
}

void
report_draw_mark(struct pdf *p, const char *title, int level)
{
	struct mark *m;

	p->marks = xreallocarray(p->marks, p->nmarks + 1, sizeof *p->marks);
	m = &p->marks[p->nmarks++];
	memset(m, 0, sizeof *m);
	m->title = title;
	m->level = level;
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
	l.box.bottom = top - report_styles[st].lead;
	l.text = s;
	l.size = report_styles[st].size;
	l.keep = p->keep;
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
	report_draw_ok(p, HPDF_Page_TextOut(p->cur, (HPDF_REAL)x,
	    (HPDF_REAL)base, run));
	free(run);
}

/* A line with zero-width characters: libharu would advance by their
 * spacing glyphs (measure_cp), so the text between them is drawn in runs
 * and each of them on its own, centred over the glyph before it, where a
 * mark belongs; kept from the line's start and, where it can be, from
 * the end of that glyph. Returns the right end of what was drawn. */
static double
text_marks(struct pdf *p, double x, double base, enum style st,
    const char *s, int draw)
{
	const double size = report_styles[st].size;
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
		if (draw)
			text_run(p, run_x, base, run, s);
		mx = pen - (prev + w) / 2;
		if (mx > pen - w)
			mx = pen - w;
		if (mx < x)
			mx = x;
		if (draw)
			text_run(p, mx, base, s, next);
		if (mx + w > right)
			right = mx + w;
		run = next;
		run_x = pen;
	}
	if (draw)
		text_run(p, run_x, base, run, s);
	return pen > right ? pen : right;
}

double
report_draw_extent(struct pdf *p, const char *s, enum style st)
{
	return has_zero_width(s) ? text_marks(p, 0, 0, st, s, 0) :
	    report_draw_width(p, s, st);
}

/* A line whose line box starts at `top`; id says which, for the trace
 * (NULL: page furniture). */
void
report_draw_text_at(struct pdf *p, double x, double top, enum style st,
    const char *s, const struct line_id *id)
{
	const struct style_def *d = &report_styles[st];
	double base = top - (d->lead - d->size) / 2 - ASCENT * d->size;
	double right;

	if (id != NULL)
		place_marks(p, top);
	if (p->error != HPDF_OK)
		return;
	if (has_zero_width(s)) {
		right = text_marks(p, x, base, st, s, 1);
	} else {
		if (*s != '\0')
			report_draw_ok(p, HPDF_Page_TextOut(p->cur,
			    (HPDF_REAL)x, (HPDF_REAL)base, s));
		right = p->trace != NULL ? x + report_draw_width(p, s, st) : x;
	}
	if (p->trace != NULL && id != NULL)
		trace_line(p, id, x, right, top, st, s);
}

/* ---- rules and shading ------------------------------------------------- */

void
report_draw_fill(struct pdf *p, double x, double y, double w, double h,
    double gray)
{
	if (p->error != HPDF_OK)
		return;
	report_draw_ok(p, HPDF_Page_SetGrayFill(p->cur, (HPDF_REAL)gray));
	report_draw_ok(p, HPDF_Page_Rectangle(p->cur, (HPDF_REAL)x,
	    (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h));
	report_draw_ok(p, HPDF_Page_Fill(p->cur));
	report_draw_ok(p, HPDF_Page_SetGrayFill(p->cur, 0));
}

void
report_draw_pen(struct pdf *p, double width, double gray)
{
	if (p->error != HPDF_OK)
		return;
	report_draw_ok(p, HPDF_Page_SetLineWidth(p->cur, (HPDF_REAL)width));
	report_draw_ok(p, HPDF_Page_SetGrayStroke(p->cur, (HPDF_REAL)gray));
}

void
report_draw_rule(struct pdf *p, double x0, double y0, double x1, double y1)
{
	if (p->error != HPDF_OK)
		return;
	report_draw_ok(p, HPDF_Page_MoveTo(p->cur, (HPDF_REAL)x0,
	    (HPDF_REAL)y0));
	report_draw_ok(p, HPDF_Page_LineTo(p->cur, (HPDF_REAL)x1,
	    (HPDF_REAL)y1));
	report_draw_ok(p, HPDF_Page_Stroke(p->cur));
}

/* ---- pages ------------------------------------------------------------- */

/* 「訓練 / TRAINING」 across the page, light, under everything else. */
static void
draw_watermark(struct pdf *p)
{
	const double c = 0.70710678, size = report_styles[S_MARK].size;
	double w = report_draw_width(p, p->watermark, S_MARK);
	double x = PAGE_W / 2 - w / 2 * c + size / 3 * c;
	double y = PAGE_H / 2 - w / 2 * c - size / 3 * c;
	HPDF_Page pg = p->cur;

	report_draw_ok(p, HPDF_Page_SetGrayFill(pg, 0.85));
	report_draw_ok(p, HPDF_Page_BeginText(pg));
	report_draw_ok(p, HPDF_Page_SetFontAndSize(pg, p->font,
	    (HPDF_REAL)size));
	report_draw_ok(p, HPDF_Page_SetTextMatrix(pg, (HPDF_REAL)c,
	    (HPDF_REAL)c, (HPDF_REAL)-c, (HPDF_REAL)c, (HPDF_REAL)x,
	    (HPDF_REAL)y));
	report_draw_ok(p, HPDF_Page_ShowText(pg, p->watermark));
	report_draw_ok(p, HPDF_Page_EndText(pg));
	report_draw_ok(p, HPDF_Page_SetGrayFill(pg, 0));
}

void
report_draw_new_page(struct pdf *p)
{
	struct report_trace_line l;
	HPDF_Page pg;

	p->y = BODY_TOP;
	p->label = 0;
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
		report_draw_ok(p, HPDF_PAGE_CANNOT_GET_ROOT_PAGES);
		return;
	}
	p->pages = xreallocarray(p->pages, p->npages + 1, sizeof *p->pages);
	p->pages[p->npages++] = pg;
	p->cur = pg;
	report_draw_ok(p, HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4,
	    HPDF_PAGE_PORTRAIT));
	if (p->watermark != NULL)
		draw_watermark(p);
}

/* ---- furniture ---------------------------------------------------------- */

/* The header mark, boxed at the top right, above the body. */
static void
draw_header(struct pdf *p, const char *text)
{
	const double pad = 4, size = report_styles[S_HEAD].size;
	double w = report_draw_width(p, text, S_HEAD) + 2 * pad;
	double x = MARGIN_X + BODY_W - w, top = PAGE_H - 26;

	report_draw_pen(p, 0.8, 0);
	if (p->error == HPDF_OK) {
		report_draw_ok(p, HPDF_Page_Rectangle(p->cur, (HPDF_REAL)x,
		    (HPDF_REAL)(top - size - 2 * pad), (HPDF_REAL)w,
		    (HPDF_REAL)(size + 2 * pad)));
		report_draw_ok(p, HPDF_Page_Stroke(p->cur));
	}
	report_draw_text_begin(p, S_HEAD);
	report_draw_text_at(p, x + pad, top - pad + (report_styles[S_HEAD].lead
	    - size) / 2, S_HEAD, text, NULL);
	report_draw_text_end(p);
}

/* The footer line (cut to one line: furniture never grows) and "n / N". */
static void
draw_footer(struct pdf *p, const struct text_lines *foot, size_t i,
    int numbers)
{
	double top = FOOTER_RULE - 3;
	char num[48];

	if (foot->n > 0) {
		report_draw_pen(p, 0.5, 0.5);
		report_draw_rule(p, MARGIN_X, FOOTER_RULE, MARGIN_X + BODY_W,
		    FOOTER_RULE);
	}
	report_draw_text_begin(p, S_FOOT);
	if (foot->n > 0)
		report_draw_text_at(p, MARGIN_X, top, S_FOOT, foot->line[0],
		    NULL);
	if (numbers == 1 || (numbers == 2 && p->npages > 1)) {
		snprintf(num, sizeof num, "%zu / %zu", i + 1, p->npages);
		report_draw_text_at(p, MARGIN_X + BODY_W -
		    report_draw_width(p, num, S_FOOT), top, S_FOOT, num, NULL);
	}
	report_draw_text_end(p);
}

/* Drawn once every page exists: "n / N" needs N. */
void
report_draw_furniture(struct pdf *p, const struct report_furniture *f)
{
	struct text_lines foot = { NULL, 0 };
	size_t i;

	/* Beside the page number. */
	if (f->footer != NULL)
		report_draw_wrap(p, f->footer, S_FOOT, BODY_W - 60, &foot);
	for (i = 0; i < p->npages && p->error == HPDF_OK; i++) {
		p->cur = p->pages[i];
		if (f->header != NULL)
			draw_header(p, f->header);
		draw_footer(p, &foot, i, f->numbers);
	}
	text_lines_free(&foot);
}
