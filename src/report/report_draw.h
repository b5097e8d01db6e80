/*
 * report_draw.h - what the page engine's files share, not for callers
 * (they use report_layout.h): the blocks of a document (report_doc.c),
 * the styles, the drawing state with its primitives and page furniture
 * (report_draw.c), the layout of blocks (report_layout.c) and the PDF
 * file around them (report_pdf.c).
 */
#ifndef ANSHIN_REPORT_DRAW_H
#define ANSHIN_REPORT_DRAW_H

#include <stddef.h>

#include <hpdf.h>

#include "report_layout.h"
#include "text.h"

/* A4 portrait in points, as libharu's HPDF_PAGE_SIZE_A4. */
#define PAGE_W 595.276
#define PAGE_H 841.89
#define MARGIN_X 50.0
#define BODY_TOP (PAGE_H - 54.0)
#define BODY_BOTTOM 76.0		/* the footer lives below */
#define BODY_W (PAGE_W - 2 * MARGIN_X)
#define CELL_PAD 3.0

/* S_CELL_L and S_CELL_XL are the cell text of REPORT_TABLE_LARGE and
 * REPORT_TABLE_XL tables. */
enum style { S_TITLE, S_H1, S_H2, S_BODY, S_NOTE, S_LETTER, S_LTITLE,
	S_CELL, S_CELL_L, S_CELL_XL, S_HEAD, S_FOOT, S_MARK, S_COUNT };

struct style_def {
	double size, lead, before, after;
};
extern const struct style_def report_styles[S_COUNT];

enum block_kind { B_TITLE, B_H1, B_H2, B_TEXT, B_BREAK, B_SPACE, B_MARK,
	B_TABLE, B_LABEL };

/* Cells [from, to) of a row drawn as one (to == 0: no span). */
struct span {
	size_t from, to;
};

struct block {
	enum block_kind kind;
	char *text;
	enum style style;		/* B_TEXT */
	enum report_align align;	/* B_TEXT */
	double indent;			/* B_TEXT; B_SPACE: its height */
	int level;			/* B_MARK */
	int flags;			/* B_TEXT: REPORT_TEXT_*, B_TABLE:
					 * REPORT_TABLE_* */
	size_t ncols;
	double *shares;
	double min_height;
	char **cells;			/* row by row, ncols each */
	size_t ncells;
	struct span *spans;		/* one per row */
	const struct report_sheet *sheet;	/* B_LABEL */
};

struct report_doc {
	struct block *b;
	size_t n;
};

/* A bookmark found while laying out: where its block begins. */
struct mark {
	const char *title;
	int level;
	size_t page;
	double y;
	int placed;
};

/* The document being drawn. libharu reports errors to on_error, which
 * keeps the first; every call's status is checked too (report_draw_ok),
 * and once anything failed nothing more is drawn. */
struct pdf {
	HPDF_Doc doc;
	HPDF_Font font;
	HPDF_STATUS error, detail;
	HPDF_Page *pages;
	size_t npages;
	HPDF_Page cur;			/* the page drawn on */
	float *em;			/* width per code point, 1/1000 em */
	double y;			/* top of the free space */
	const char *watermark;
	const struct report_trace *trace;	/* NULL but in tests */
	size_t block;			/* the block being laid out */
	int keep;			/* it is kept with what follows */
	size_t label;			/* the next label on this page */
	struct mark *marks;
	size_t nmarks;
};

/* Which line a text_at call draws, for the trace. */
struct line_id {
	size_t cell, line, nlines;
	int header;
};

void report_draw_ok(struct pdf *p, HPDF_STATUS s);
/* Wrapping and measuring in a style, with the print rules of
 * text_wrap_opts. */
void report_draw_wrap(struct pdf *p, const char *s, enum style st,
    double width, struct text_lines *out);
double report_draw_width(struct pdf *p, const char *s, enum style st);
/* How far a line reaches when drawn: its width, or more when combining
 * marks with no base before them stick out (for aligning it). */
double report_draw_extent(struct pdf *p, const char *s, enum style st);
/* Text objects: begin, lines (id NULL for furniture), end. */
void report_draw_text_begin(struct pdf *p, enum style st);
void report_draw_text_at(struct pdf *p, double x, double top, enum style st,
    const char *s, const struct line_id *id);
void report_draw_text_end(struct pdf *p);
void report_draw_fill(struct pdf *p, double x, double y, double w, double h,
    double gray);
void report_draw_pen(struct pdf *p, double width, double gray);
void report_draw_rule(struct pdf *p, double x0, double y0, double x1,
    double y1);
/* Starts a page (and reports it to the trace first). */
void report_draw_new_page(struct pdf *p);
/* Bookmarks waiting for the next line drawn take its page and height. */
void report_draw_mark(struct pdf *p, const char *title, int level);
/* Header, footer and page numbers on every page, once all exist. */
void report_draw_furniture(struct pdf *p, const struct report_furniture *f);

/* report_layout.c: every block of doc, from the first page on. */
void report_layout_doc(struct pdf *p, const struct report_doc *doc);

#endif
