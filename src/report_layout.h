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

#endif
