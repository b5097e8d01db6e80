/*
 * fuzz_layout.c - libFuzzer target for the page engine (src/report/report_layout.c):
 * random documents of titles, headings, paragraphs, page breaks and tables
 * (columns, header and label flags, minimum row heights, cells of any
 * length), laid out from a random point of the first page with the real
 * font, through report_layout_trace.
 *
 * Issue 12 found a table row that added pages for ever. Besides memory
 * safety the target checks what the report relies on: the layout ends
 * (the page count stays under a bound every correct layout keeps: each
 * page is started by a block, a row or a line drawn); every line of every
 * block and cell is drawn exactly once (a table's header once per page
 * it is on, at least once), on the page last started, inside the body of
 * the page; and the lines of each text, joined, give the text back but
 * for the spaces and newlines wrapping breaks at.
 *
 * Input: byte 0 is how far down the first page the layout starts; then
 * blocks, each a kind byte and its content: a text is a length byte and
 * that many token bytes (each picks a piece of text from `tokens`, all
 * drawable with IPAex Gothic, so that nothing is replaced); a table is a
 * byte for its columns (1-6) and flags (header, labels, kept whole, large
 * cells), a byte for its minimum row height (0-765 points, taller than a
 * page too), a share byte per column (1-4: every column holds a glyph), a
 * byte for its rows (1-8; from 64 up, body rows span columns) and the
 * texts of its cells, row by row. A paragraph's kind byte from 64 up
 * picks a letter's style, aligned right or centred, or kept with what
 * follows; a note's picks a space or a bookmark instead. The input ends
 * the document wherever it ends.
 *
 * Lines of a split English word end with a hyphen that is not in the
 * text: the check of the text given back allows one at a line's end.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_layout"
#include "fuzz.h"

#include "jtime.h"
#include "report/report_layout.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_BLOCKS 24
/* Rounding of the page arithmetic, in points. */
#define EPS 0.01

static const char *const tokens[] = {
	"a", "Wi", "A", "m", "1", "-", ".", " ", " ", "  ", "\n", "\n\n\n\n",
	"あ", "漢字", "カ", "、", "。", "「", "」", "（", "）", "ー",
	"〓",
	"ああああああああああああ", "WWWWWWWWWWWWWWWWWWWWWWWW",
	"経過メモ: 関係者へ連絡し、状況を記録した。",
	"note 9 事象の記録を追加",
	/* Combining marks, which IPAex Gothic draws as spacing glyphs. */
	"\u0301", "\u3099", "e\u0301", "か\u3099",
	"\u0301\u0308\u0300\u3099\u309A\u0301\u0308\u0300",
	/* Words, numbers and IDs kept whole or hyphenated. */
	"applicable", "internationalization", "MCS-20261005-0042",
	"第2026-10-1234号", "ケアマネジャー", "約42人", "2026年10月5日",
	"kyo-0123", "https://www.ppc.go.jp/",
};

#define NTOKENS (sizeof tokens / sizeof *tokens)

static jtime_t now;

struct input {
	const uint8_t *d;
	size_t n;
};

/* The next byte, 0 once the input is used up. */
static unsigned
next(struct input *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->d++;
}

/* A text the layout draws and what was seen of it. */
struct text {
	size_t block, cell;
	char *s;
	int header;
	int absent;		/* covered by a span: never drawn */
	size_t nlines;
	unsigned *seen;		/* per line */
	char **lines;
};

struct run {
	struct text *t;
	size_t nt;
	size_t first[MAX_BLOCKS + 1];	/* index of a block's first text */
	size_t nblocks, pages, max_pages;
	char *why;
};

static char *
make_text(struct input *in)
{
	struct buf b;
	unsigned n = next(in), i;

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < n; i++)
		buf_adds(&b, tokens[next(in) % NTOKENS]);
	return buf_steal(&b);
}

static struct text *
add_text(struct run *r, size_t block, size_t cell, char *s, int header)
{
	struct text *t;

	r->t = xreallocarray(r->t, r->nt + 1, sizeof *r->t);
	t = &r->t[r->nt++];
	memset(t, 0, sizeof *t);
	t->block = block;
	t->cell = cell;
	t->s = s;
	t->header = header;
	/* Every line of a cell starts at most one page, and so do a block
	 * and a row: a layout past this bound does not end. */
	r->max_pages += strlen(s) + 2;
	return t;
}

static void
build_table(struct report_doc *doc, struct run *r, struct input *in)
{
	double shares[6];
	unsigned b = next(in), ncols = 1 + b % 6, rows, rb, c, k, from, to;
	int flags = (int)(b / 6 % 16), header;
	double min_height = 3.0 * next(in);
	const char *cells[6];
	struct text *t;
	char *s;

	for (c = 0; c < ncols; c++)
		shares[c] = 1 + next(in) % 4;
	report_doc_table(doc, ncols, shares, flags, min_height);
	rb = next(in);
	rows = 1 + rb % 8;
	for (k = 0; k < rows; k++) {
		header = k == 0 && (flags & REPORT_TABLE_HEADER);
		from = k % ncols;
		to = rb >= 64 && !header ? from + 2 + (rb / 8 + k) % ncols : 0;
		if (to > ncols)
			to = ncols;
		if (from + 1 >= to)
			from = to = 0;
		for (c = 0; c < ncols; c++) {
			s = make_text(in);
			cells[c] = s;
			t = add_text(r, r->nblocks, k * ncols + c, s, header);
			t->absent = to != 0 && c > from && c < to;
		}
		report_doc_row_span(doc, cells, from, to);
	}
}

/* A paragraph's or a note's variants (kind bytes from 64 up). */
static void
build_text(struct report_doc *doc, struct run *r, unsigned kind, char *s)
{
	static const enum report_align aligns[] = { REPORT_ALIGN_LEFT,
		REPORT_ALIGN_RIGHT, REPORT_ALIGN_CENTRE };
	unsigned v = kind / 64;

	if (kind % 8 == 3 && v == 0) {
		report_doc_para(doc, s);
	} else if (kind % 8 == 3) {
		report_doc_text(doc, v == 3 ? REPORT_TEXT_LETTER_TITLE :
		    REPORT_TEXT_LETTER, aligns[v - 1], (double)(kind % 64),
		    v == 3 ? REPORT_TEXT_KEEP : 0, s);
	} else if (v == 0) {
		report_doc_note(doc, s);
	} else if (v == 1) {
		report_doc_space(doc, (double)strlen(s));
		r->t[r->nt - 1].absent = 1;
	} else if (v == 2) {
		report_doc_bookmark(doc, 1, s);
		r->t[r->nt - 1].absent = 1;
	} else {
		report_doc_text(doc, REPORT_TEXT_BODY, REPORT_ALIGN_LEFT, 0,
		    REPORT_TEXT_KEEP, s);
	}
}

static struct report_doc *
build(struct run *r, struct input *in)
{
	struct report_doc *doc = report_doc_new();
	unsigned kind;
	char *s;

	while (in->n > 0 && r->nblocks < MAX_BLOCKS) {
		r->first[r->nblocks] = r->nt;
		kind = next(in);
		if (kind % 8 == 5) {
			report_doc_page_break(doc);
		} else if (kind % 8 >= 6) {
			build_table(doc, r, in);
		} else {
			s = make_text(in);
			add_text(r, r->nblocks, 0, s, 0);
			if (kind % 8 == 0)
				report_doc_title(doc, s);
			else if (kind % 8 <= 2)
				report_doc_heading(doc, (int)(kind % 8), s);
			else
				build_text(doc, r, kind, s);
		}
		r->nblocks++;
		r->max_pages += 2;
	}
	r->first[r->nblocks] = r->nt;
	r->max_pages += 2;
	return doc;
}

static struct text *
find(struct run *r, size_t block, size_t cell)
{
	if (block >= r->nblocks ||
	    r->first[block] + cell >= r->first[block + 1])
		return NULL;
	return &r->t[r->first[block] + cell];
}

static int
inside(const struct report_box *b)
{
	const struct report_box *body = &report_layout_body;

	return b->left >= body->left - EPS && b->right <= body->right + EPS &&
	    b->top <= body->top + EPS && b->bottom >= body->bottom - EPS &&
	    b->left <= b->right && b->bottom < b->top;
}

/* Keeps the first failure; the checks run once the layout returns, so
 * that libFuzzer's report shows the whole input. */
static void
fail(struct run *r, const char *fmt, const struct report_trace_line *l)
{
	if (r->why == NULL)
		r->why = xasprintf(fmt, l->block, l->cell, l->line, l->page);
}

static void
seen_line(struct run *r, const struct report_trace_line *l)
{
	struct text *t = find(r, l->block, l->cell);

	if (t == NULL) {
		fail(r, "block %zu cell %zu line %zu (page %zu): no such text",
		    l);
		return;
	}
	if (l->page + 1 != r->pages)
		fail(r, "block %zu cell %zu line %zu: drawn on page %zu, not "
		    "the last one started", l);
	if (!inside(&l->box))
		fail(r, "block %zu cell %zu line %zu (page %zu): outside the "
		    "body of the page", l);
	if (t->nlines == 0) {
		t->nlines = l->nlines;
		t->seen = xcalloc(l->nlines + 1, sizeof *t->seen);
		t->lines = xcalloc(l->nlines + 1, sizeof *t->lines);
	}
	if (l->nlines != t->nlines || l->line >= t->nlines) {
		fail(r, "block %zu cell %zu line %zu (page %zu): line count "
		    "changed", l);
		return;
	}
	if (t->seen[l->line]++ > 0 && !t->header)
		fail(r, "block %zu cell %zu line %zu (page %zu): drawn twice",
		    l);
	if (t->lines[l->line] == NULL)
		t->lines[l->line] = xstrdup(l->text);
}

static void
on_trace(const struct report_trace_line *l, void *ud)
{
	struct run *r = ud;

	if (l->kind == REPORT_TRACE_LINE) {
		seen_line(r, l);
		return;
	}
	if (l->kind == REPORT_TRACE_MARK) {
		if (l->page + 1 != r->pages || l->box.top > report_layout_body.top +
		    EPS || l->box.top < report_layout_body.bottom - EPS)
			fail(r, "block %zu cell %zu line %zu: a bookmark off "
			    "the page (page %zu)", l);
		return;
	}
	r->pages++;
	/* Abort now: the layout itself would never return. */
	if (r->pages > r->max_pages)
		fuzz_check(0, "pages without end", "more pages than a layout "
		    "that ends can take");
}

/* s without spaces and newlines. */
static char *
squeeze(const char *s)
{
	char *out = xstrdup(s), *o = out;

	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\n')
			*o++ = *s;
	*o = '\0';
	return out;
}

/* Does line (squeezed) match the text at *pos, but for a hyphen the
 * wrapping added at its end? Moves *pos past it. */
static int
line_matches(const char *text, size_t *pos, const char *line)
{
	size_t n = strlen(line);

	if (strncmp(text + *pos, line, n) == 0) {
		*pos += n;
		return 1;
	}
	if (n > 0 && line[n - 1] == '-' && strncmp(text + *pos, line,
	    n - 1) == 0) {
		*pos += n - 1;
		return 1;
	}
	return 0;
}

static void
check_text(const struct text *t)
{
	char *a, *b, where[64];
	size_t i, pos = 0;

	snprintf(where, sizeof where, "block %zu cell %zu", t->block,
	    t->cell);
	if (t->absent) {
		fuzz_check(t->nlines == 0, "a cell under a span drawn", where);
		return;
	}
	fuzz_check(t->nlines > 0, "a text never drawn", where);
	a = squeeze(t->s);
	for (i = 0; i < t->nlines; i++) {
		fuzz_check(t->seen[i] > 0, "a line never drawn", where);
		b = squeeze(t->lines[i]);
		fuzz_check(line_matches(a, &pos, b),
		    "lines do not give the text back", where);
		free(b);
	}
	fuzz_check(a[pos] == '\0', "lines do not give the text back", where);
	free(a);
}

static void
run_free(struct run *r)
{
	size_t i, k;

	for (i = 0; i < r->nt; i++) {
		for (k = 0; k < r->t[i].nlines; k++)
			free(r->t[i].lines[k]);
		free(r->t[i].lines);
		free(r->t[i].seen);
		free(r->t[i].s);
	}
	free(r->t);
	free(r->why);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[256];

	(void)argc;
	(void)argv;
	if (jtime_parse("2026-10-06 09:00", &now, err, sizeof err) != 0)
		fuzz_die("clock", err);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct report_box *body = &report_layout_body;
	struct report_furniture f = { "取扱注意", "footer", 1, NULL, "fuzz",
	    NULL, NULL, NULL, "ja-JP" };
	struct input in = { data, size };
	struct report_trace tr;
	struct report_doc *doc;
	struct run r;
	char err[1024];
	size_t i;
	int rc;

	if (size == 0)
		return 0;
	memset(&r, 0, sizeof r);
	tr.fn = on_trace;
	tr.ud = &r;
	tr.start = next(&in) / 255.0 * (body->top - body->bottom);
	doc = build(&r, &in);
	if (size % 2)
		f.watermark = "訓練 / TRAINING";
	rc = report_layout_trace(doc, &f, NULL, now, &tr, err, sizeof err);
	fuzz_check(rc == ST_OK, "layout failed", err);
	fuzz_check(r.why == NULL, "bad line", r.why);
	for (i = 0; i < r.nt; i++)
		check_text(&r.t[i]);
	report_doc_free(doc);
	run_free(&r);
	return 0;
}
