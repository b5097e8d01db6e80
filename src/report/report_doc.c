/*
 * report_doc.c - a document as the page engine takes it (report_layout.h):
 * blocks in reading order, every text copied and sanitised as it comes in,
 * since callers pass answers people typed.
 */
#include <stdlib.h>
#include <string.h>

#include "report_draw.h"
#include "util.h"

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
		free(doc->b[i].spans);
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
	b->style = S_BODY;
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

static enum style
text_style(enum report_text_style style)
{
	static const enum style styles[] = {
		[REPORT_TEXT_BODY] = S_BODY,
		[REPORT_TEXT_NOTE] = S_NOTE,
		[REPORT_TEXT_LETTER] = S_LETTER,
		[REPORT_TEXT_LETTER_TITLE] = S_LTITLE,
	};

	return (unsigned)style < sizeof styles / sizeof *styles ?
	    styles[style] : S_BODY;
}

void
report_doc_text(struct report_doc *doc, enum report_text_style style,
    enum report_align align, double indent, int flags, const char *text)
{
	struct block *b = add_block(doc, B_TEXT, text);

	b->style = text_style(style);
	b->align = align;
	/* At least a tenth of the width stays for the text. */
	b->indent = indent < 0 ? 0 : indent > BODY_W * 0.9 ? BODY_W * 0.9 :
	    indent;
	b->flags = flags;
}

void
report_doc_para(struct report_doc *doc, const char *text)
{
	report_doc_text(doc, REPORT_TEXT_BODY, REPORT_ALIGN_LEFT, 0, 0, text);
}

void
report_doc_note(struct report_doc *doc, const char *text)
{
	report_doc_text(doc, REPORT_TEXT_NOTE, REPORT_ALIGN_LEFT, 0, 0, text);
}

void
report_doc_space(struct report_doc *doc, double points)
{
	struct block *b = add_block(doc, B_SPACE, NULL);

	b->indent = points < 0 ? 0 : points > BODY_TOP - BODY_BOTTOM ?
	    BODY_TOP - BODY_BOTTOM : points;
}

void
report_doc_bookmark(struct report_doc *doc, int level, const char *title)
{
	struct block *b = add_block(doc, B_MARK, title);

	b->level = level <= 1 ? 1 : 2;
}

void
report_doc_label(struct report_doc *doc, const struct report_sheet *sheet,
    const char *text)
{
	struct block *b = add_block(doc, B_LABEL, text);

	b->sheet = sheet;
	b->style = text_style(sheet->style);
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
report_doc_row_span(struct report_doc *doc, const char *const *cells,
    size_t from, size_t to)
{
	struct block *b = &doc->b[doc->n - 1];
	size_t c, row = b->ncols > 0 ? b->ncells / b->ncols : 0;

	b->cells = xreallocarray(b->cells, b->ncells + b->ncols,
	    sizeof *b->cells);
	b->spans = xreallocarray(b->spans, row + 1, sizeof *b->spans);
	/* A header row is drawn on every page with its own column rules. */
	if (row == 0 && (b->flags & REPORT_TABLE_HEADER))
		from = to = 0;
	if (to > b->ncols)
		to = b->ncols;
	if (from + 1 >= to)
		from = to = 0;
	b->spans[row].from = from;
	b->spans[row].to = to;
	/* The cells the span covers hold nothing. */
	for (c = 0; c < b->ncols; c++)
		b->cells[b->ncells++] = text_sanitize(cells[c] != NULL &&
		    (to == 0 || c <= from || c >= to) ? cells[c] : "", 1);
}

void
report_doc_row(struct report_doc *doc, const char *const *cells)
{
	report_doc_row_span(doc, cells, 0, 0);
}
