/*
 * report_layout.h - the page engine behind the report's documents: a
 * document is a list of blocks (title, headings, texts, tables, spaces,
 * bookmarks) in reading order; laying it out finds and subsets the
 * Japanese font, wraps text by measured width, breaks pages (a heading
 * keeps what follows, a table row stays whole, a table may be kept whole,
 * headers repeat), draws the page furniture and writes the PDF atomically
 * with its bookmarks, metadata and a ToUnicode map. Knows pages and fonts,
 * not incidents.
 */
#ifndef ANSHIN_REPORT_LAYOUT_H
#define ANSHIN_REPORT_LAYOUT_H

#include <stddef.h>

#include "jtime.h"

struct report_doc;

enum {
	REPORT_TABLE_HEADER = 1,	/* first row is a header, repeated */
	REPORT_TABLE_LABELS = 2,	/* first column: shaded labels */
	REPORT_TABLE_KEEP = 4,		/* whole on one page when it fits */
	REPORT_TABLE_LARGE = 8,		/* 10.5 pt cells (the cover) */
	REPORT_TABLE_XL = 16		/* 12 pt cells (the card on the wall) */
};

/* Text styles: body 9.5 pt, notes 9 pt, a letter's text 10.5 pt and its
 * title 13 pt. */
enum report_text_style { REPORT_TEXT_BODY, REPORT_TEXT_NOTE,
	REPORT_TEXT_LETTER, REPORT_TEXT_LETTER_TITLE };
enum report_align { REPORT_ALIGN_LEFT, REPORT_ALIGN_CENTRE,
	REPORT_ALIGN_RIGHT };
enum {
	REPORT_TEXT_KEEP = 1		/* kept with what follows, as a heading */
};

/* Every text is copied and sanitised (control and escape characters
 * removed) when added: callers may pass untrusted answers. */
struct report_doc *report_doc_new(void);
void report_doc_free(struct report_doc *doc);
void report_doc_title(struct report_doc *doc, const char *text);
/* level 1 (section, bookmarked) or 2 (subsection); kept with at least
 * two lines of what follows. */
void report_doc_heading(struct report_doc *doc, int level, const char *text);
void report_doc_para(struct report_doc *doc, const char *text);
/* Smaller text for hints. */
void report_doc_note(struct report_doc *doc, const char *text);
/* A text in a style, aligned, indented by `indent` points from the left. */
void report_doc_text(struct report_doc *doc, enum report_text_style style,
    enum report_align align, double indent, int flags, const char *text);
/* Vertical space, in points (none at the top of a page). */
void report_doc_space(struct report_doc *doc, double points);
/* A bookmark (outline entry, level 1 or 2) to where the next block starts. */
void report_doc_bookmark(struct report_doc *doc, int level, const char *title);
void report_doc_page_break(struct report_doc *doc);
/* Starts a table: column widths as shares of the text width; rows shorter
 * than min_height points are drawn that tall (space to sign in). */
void report_doc_table(struct report_doc *doc, size_t ncols,
    const double *shares, int flags, double min_height);
/* Appends a row of ncols cells (NULL cells are empty) to the last table. */
void report_doc_row(struct report_doc *doc, const char *const *cells);
/* The same with cells [from, to) drawn as one, holding cells[from] (the
 * others are not drawn); never in a header row. */
void report_doc_row_span(struct report_doc *doc, const char *const *cells,
    size_t from, size_t to);

/* A sheet of address labels (A4): cols x rows labels of w x h mm, the
 * first one's top left corner `left` and `top` mm from the page's, the
 * next ones every pitch_x, pitch_y mm; text in `size` points, kept
 * `pad` mm inside each label. */
struct report_sheet {
	int cols, rows;
	double left, top, w, h, pitch_x, pitch_y, pad;
	enum report_text_style style;
};
/* 12 labels (2 x 6 of 86.4 x 42.3 mm) and 24 (3 x 8 of 70 x 33.9 mm):
 * the common A4 sheets without gaps. */
extern const struct report_sheet report_sheet_12, report_sheet_24;
/* The next label of a sheet: a new page when the sheet is full or the
 * page holds something else; lines that do not fit the label are cut. */
void report_doc_label(struct report_doc *doc,
    const struct report_sheet *sheet, const char *text);

/* What every page carries, and the document's metadata. */
struct report_furniture {
	const char *header;		/* top right, boxed ("取扱注意"), or NULL */
	const char *footer;		/* footer line beside "n / N", or NULL */
	int numbers;			/* 1: "n / N" on every page; 2: only
					 * when there is more than one */
	const char *watermark;		/* NULL: none */
	const char *title;		/* metadata (UTF-8) */
	const char *subject;
	const char *keywords;
	const char *author;		/* NULL: none */
	const char *lang;		/* the catalog's /Lang: "ja-JP", "en" */
};

/* Lays the document out and writes it to path: font_path NULL means
 * $ANSHIN_IR_FONT, else the IPAex Gothic paths. Status codes as
 * report_write (report.h). */
int report_layout_write(struct report_doc *doc,
    const struct report_furniture *f, const char *font_path, jtime_t now,
    const char *path, char *err, size_t errlen);

/* ---- what the engine draws, for the unit tests and the layout fuzzer
 * (tests/fuzz/fuzz_layout.c), which check that every line of every block
 * and cell is drawn exactly once, on a page, inside the body. */

/* The body of every page, in points from the bottom left of an A4 page:
 * text is drawn inside it, the footer below it. */
struct report_box {
	double left, right, top, bottom;
};
extern const struct report_box report_layout_body;

enum report_trace_kind {
	REPORT_TRACE_PAGE,	/* a page was started */
	REPORT_TRACE_LINE,	/* a line of text was drawn */
	REPORT_TRACE_MARK	/* a bookmark was placed (page, box.top) */
};

struct report_trace_line {
	enum report_trace_kind kind;
	size_t page;		/* from 0 */
	size_t block;		/* index of the block, in the order added */
	size_t cell;		/* a table's cell: row * ncols + column */
	size_t line, nlines;	/* which wrapped line of the text, of n */
	int header;		/* in a table's header row (on each page) */
	struct report_box box;	/* where the line was drawn, as drawn */
	const char *text;
	double size;		/* font size */
	int keep;		/* a heading, or a text kept with the next */
};

struct report_trace {
	void (*fn)(const struct report_trace_line *l, void *ud);
	void *ud;
	double start;		/* points of the first page already used */
};

/* Lays the document out as report_layout_write does, reporting every page
 * and line to trace->fn, and writes no file. */
int report_layout_trace(struct report_doc *doc,
    const struct report_furniture *f, const char *font_path, jtime_t now,
    const struct report_trace *trace, char *err, size_t errlen);

#endif
