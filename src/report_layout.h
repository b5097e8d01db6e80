/*
 * report_layout.h - the page engine behind report.c: a document is a list
 * of blocks (title, headings, paragraphs, tables) in reading order; laying
 * it out finds and subsets the Japanese font, wraps text by measured width,
 * breaks pages and tables (repeating headers), draws the footer with "n / N"
 * and writes the PDF atomically. Knows pages and fonts, not incidents.
 */
#ifndef ANSHIN_REPORT_LAYOUT_H
#define ANSHIN_REPORT_LAYOUT_H

#include <stddef.h>

#include "jtime.h"

struct report_doc;

enum {
	REPORT_TABLE_HEADER = 1,	/* first row is a header, repeated */
	REPORT_TABLE_LABELS = 2		/* first column: shaded labels */
};

/* Every text is copied and sanitised (control and escape characters
 * removed) when added: callers may pass untrusted answers. */
struct report_doc *report_doc_new(void);
void report_doc_free(struct report_doc *doc);
void report_doc_title(struct report_doc *doc, const char *text);
/* level 1 (section) or 2 (subsection); kept with what follows it. */
void report_doc_heading(struct report_doc *doc, int level, const char *text);
void report_doc_para(struct report_doc *doc, const char *text);
/* Smaller text for hints and the disclaimer. */
void report_doc_note(struct report_doc *doc, const char *text);
void report_doc_page_break(struct report_doc *doc);
/* Starts a table: column widths as shares of the text width; rows shorter
 * than min_height points are drawn that tall (space to sign in). */
void report_doc_table(struct report_doc *doc, size_t ncols,
    const double *shares, int flags, double min_height);
/* Appends a row of ncols cells (NULL cells are empty) to the last table. */
void report_doc_row(struct report_doc *doc, const char *const *cells);

/* What every page carries. */
struct report_furniture {
	const char *footer;		/* first footer line (disclaimer) */
	const char *footer_meta;	/* second line: reference, print date */
	const char *watermark;		/* NULL: none */
	const char *info_title;		/* document title (ASCII) */
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
	REPORT_TRACE_LINE	/* a line of text was drawn */
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
