/*
 * test_layout.c - the page engine (report_layout.c) through
 * report_layout_trace with the real font: zero-width and combining
 * characters take no room, and text made of nothing else stays inside
 * the page (it ran off the page, IPAex Gothic giving its marks
 * spacing glyphs); and the page-break rules: a heading keeps
 * two lines of what follows, a table row is split only when taller than
 * a page (with the header repeated), a kept table moves whole, a span
 * covers its cells, a bookmark points where its section starts, and the
 * sizes the issue set.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "jtime.h"
#include "report/report_layout.h"
#include "util.h"

#define MAX_LINES 1024

/* What a layout drew. */
struct seen {
	size_t n, pages;
	struct report_trace_line l[MAX_LINES];
	char *text[MAX_LINES];
};

static void
on_trace(const struct report_trace_line *l, void *ud)
{
	struct seen *s = ud;

	if (l->kind == REPORT_TRACE_PAGE) {
		s->pages++;
		return;
	}
	assert_true(s->n < MAX_LINES);
	s->l[s->n] = *l;
	s->text[s->n] = xstrdup(l->text);
	s->n++;
}

static void
seen_free(struct seen *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->text[i]);
}

static void
lay_out(struct report_doc *doc, struct seen *s)
{
	struct report_furniture f = { NULL, "footer", 1, NULL, "test", NULL,
	    NULL, NULL, "en" };
	struct report_trace tr = { on_trace, s, 0 };
	char err[1024];
	jtime_t now;

	memset(s, 0, sizeof *s);
	assert_int_equal(jtime_parse("2026-10-06 09:00", &now, err,
	    sizeof err), 0);
	assert_int_equal(report_layout_trace(doc, &f, NULL, now, &tr, err,
	    sizeof err), ST_OK);
}

static double
width(const struct report_trace_line *l)
{
	return l->box.right - l->box.left;
}

static void
assert_inside(const struct report_trace_line *l)
{
	const struct report_box *body = &report_layout_body;

	assert_true(l->box.left >= body->left - 0.01);
	assert_true(l->box.right <= body->right + 0.01);
	assert_true(l->box.top <= body->top + 0.01);
	assert_true(l->box.bottom >= body->bottom - 0.01);
}

/* A mark measures and is drawn as nothing: か + U+3099 (combining dakuten)
 * is as wide as か, e + U+0301 as e. */
static void
test_marks_take_no_room(void **state)
{
	struct report_doc *doc = report_doc_new();
	struct seen s;

	(void)state;
	report_doc_para(doc, "かか");
	report_doc_para(doc, "か\u3099か");
	report_doc_para(doc, "cafe");
	report_doc_para(doc, "cafe\u0301\u0308");
	lay_out(doc, &s);
	assert_int_equal(s.n, 4);
	assert_true(width(&s.l[0]) > 10);
	assert_true(width(&s.l[0]) - width(&s.l[1]) < 0.01);
	assert_true(width(&s.l[1]) - width(&s.l[0]) < 0.01);
	assert_true(width(&s.l[2]) - width(&s.l[3]) < 0.01);
	assert_true(width(&s.l[3]) - width(&s.l[2]) < 0.01);
	assert_string_equal(s.text[1], "か\u3099か");
	seen_free(&s);
	report_doc_free(doc);
}

/* Text of combining marks alone, in a paragraph and in a narrow cell:
 * every line inside the page, every mark drawn. */
static void
test_marks_only_stay_inside(void **state)
{
	static const double shares[3] = { 1, 1, 4 };
	struct report_doc *doc = report_doc_new();
	struct buf para, cell;
	const char *cells[3];
	struct seen s;
	size_t i;

	(void)state;
	buf_init(&para);
	buf_init(&cell);
	for (i = 0; i < 600; i++)
		buf_adds(&para, "\u0301");
	for (i = 0; i < 300; i++)
		buf_adds(&cell, "\u3099\u0308");
	report_doc_para(doc, para.s);
	report_doc_table(doc, 3, shares, 0, 0);
	cells[0] = cell.s;
	cells[1] = "a";
	cells[2] = para.s;
	report_doc_row(doc, cells);
	lay_out(doc, &s);
	assert_int_equal(s.pages, 1);
	assert_int_equal(s.n, 4);
	for (i = 0; i < s.n; i++)
		assert_inside(&s.l[i]);
	assert_string_equal(s.text[0], para.s);
	assert_string_equal(s.text[1], cell.s);
	seen_free(&s);
	buf_free(&para);
	buf_free(&cell);
	report_doc_free(doc);
}

/* The first and last line of a block (any cell), -1 when none. */
static long
first_of(const struct seen *s, size_t block)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->l[i].block == block)
			return (long)i;
	return -1;
}

static long
last_of(const struct seen *s, size_t block)
{
	size_t i;

	for (i = s->n; i > 0; i--)
		if (s->l[i - 1].block == block)
			return (long)(i - 1);
	return -1;
}

/* Paragraphs enough to fill a page but for `left` points. */
static void
fill_page(struct report_doc *doc, int paras)
{
	int i;

	for (i = 0; i < paras; i++)
		report_doc_para(doc, "本文の行です。本文の行です。");
}

/* Wherever the page ends, a heading is followed on its page by two
 * lines of the paragraph after it (a paragraph line is 14.5 pt: the
 * heading moves on rather than end a page). */
static void
test_heading_keeps_two_lines(void **state)
{
	struct report_doc *doc;
	struct seen s;
	long h, p;
	int fill, n = 0;

	(void)state;
	for (fill = 30; fill < 40; fill++) {
		doc = report_doc_new();
		fill_page(doc, fill);
		report_doc_heading(doc, 2, "見出し");
		report_doc_para(doc, "一行目の本文です。\n二行目の本文です。"
		    "\n三行目の本文です。");
		lay_out(doc, &s);
		h = last_of(&s, (size_t)fill);
		p = first_of(&s, (size_t)fill + 1);
		assert_true(h >= 0 && p >= 0);
		assert_true(s.l[h].keep);
		assert_int_equal(s.l[h].page, s.l[p].page);
		assert_int_equal(s.l[p + 1].page, s.l[h].page);
		n += s.pages > 1 && s.l[h].page == 1 && s.l[h - 1].page == 0;
		seen_free(&s);
		report_doc_free(doc);
	}
	/* Some of these put the heading at the top of page 2. */
	assert_true(n > 0);
}

/* A row of a table starting near the foot of a page goes whole onto the
 * next page with the header repeated, never split after its header and
 * two lines (a one-row table drawn 1/2). */
static void
test_row_not_split(void **state)
{
	static const double shares[2] = { 1, 3 };
	const char *head[2] = { "項目", "内容" };
	const char *row[2] = { "行", "一\n二\n三\n四\n五\n六" };
	struct report_doc *doc;
	struct seen s;
	size_t i;
	int fill, r;

	(void)state;
	for (fill = 40; fill < 47; fill++) {
		doc = report_doc_new();
		fill_page(doc, fill);
		report_doc_table(doc, 2, shares, REPORT_TABLE_HEADER, 0);
		report_doc_row(doc, head);
		for (r = 0; r < 3; r++)
			report_doc_row(doc, row);
		lay_out(doc, &s);
		for (i = 0; i < s.n; i++)
			if (s.l[i].block == (size_t)fill && !s.l[i].header &&
			    s.l[i].cell % 2 == 1)
				/* every line of a row on its first line's page */
				assert_int_equal(s.l[i].page,
				    s.l[i - s.l[i].line].page);
		seen_free(&s);
		report_doc_free(doc);
	}
}

/* A row taller than a page is split, and each page of it starts below
 * the header repeated. */
static void
test_tall_row_split_with_header(void **state)
{
	static const double shares[2] = { 1, 3 };
	const char *head[2] = { "項目", "内容" };
	const char *row[2] = { "長い行", NULL };
	struct report_doc *doc = report_doc_new();
	struct buf b;
	struct seen s;
	size_t i, heads = 0, pages_of_row = 0, page = (size_t)-1;
	int k;

	(void)state;
	buf_init(&b);
	for (k = 0; k < 120; k++)
		buf_addf(&b, "%s行 %d", k > 0 ? "\n" : "", k);
	row[1] = b.s;
	report_doc_table(doc, 2, shares, REPORT_TABLE_HEADER, 0);
	report_doc_row(doc, head);
	report_doc_row(doc, row);
	lay_out(doc, &s);
	for (i = 0; i < s.n; i++) {
		if (s.l[i].header && s.l[i].cell == 0)
			heads++;
		if (!s.l[i].header && s.l[i].cell == 3 && s.l[i].page !=
		    page) {
			page = s.l[i].page;
			pages_of_row++;
		}
	}
	assert_true(pages_of_row >= 2);
	assert_int_equal(heads, pages_of_row);
	seen_free(&s);
	buf_free(&b);
	report_doc_free(doc);
}

/* A kept table (the signatures) and its heading move whole to the next
 * page rather than be split. */
static void
test_kept_table_whole(void **state)
{
	static const double shares[2] = { 1, 1 };
	const char *head[2] = { "役割", "署名" };
	const char *row[2] = { "責任者", "" };
	struct report_doc *doc;
	struct seen s;
	size_t i;
	long h;
	int fill;

	(void)state;
	for (fill = 36; fill < 46; fill++) {
		doc = report_doc_new();
		fill_page(doc, fill);
		report_doc_heading(doc, 1, "確認・署名");
		report_doc_table(doc, 2, shares, REPORT_TABLE_HEADER |
		    REPORT_TABLE_KEEP, 40);
		report_doc_row(doc, head);
		report_doc_row(doc, row);
		report_doc_row(doc, row);
		lay_out(doc, &s);
		h = last_of(&s, (size_t)fill);
		for (i = 0; i < s.n; i++)
			if (s.l[i].block == (size_t)fill + 1)
				assert_int_equal(s.l[i].page, s.l[h].page);
		seen_free(&s);
		report_doc_free(doc);
	}
}

/* A span draws its first cell across the columns it covers, and the
 * covered cells not at all. */
static void
test_span(void **state)
{
	static const double shares[4] = { 1, 1, 1, 1 };
	const char *row[4] = { "時刻", "横に長いメモは三つの列にまたがって書かれる",
		"隠れる", "担当" };
	struct report_doc *doc = report_doc_new();
	struct seen s;
	size_t i, drawn[4] = { 0, 0, 0, 0 };
	double width = 0;

	(void)state;
	report_doc_table(doc, 4, shares, 0, 0);
	report_doc_row_span(doc, row, 1, 3);
	lay_out(doc, &s);
	for (i = 0; i < s.n; i++) {
		drawn[s.l[i].cell]++;
		if (s.l[i].cell == 1 && width < s.l[i].box.right -
		    s.l[i].box.left)
			width = s.l[i].box.right - s.l[i].box.left;
		assert_inside(&s.l[i]);
	}
	assert_int_equal(drawn[2], 0);
	assert_true(drawn[1] >= 1 && drawn[0] == 1 && drawn[3] == 1);
	/* wider than one column (a quarter of the body) */
	assert_true(width > (report_layout_body.right -
	    report_layout_body.left) / 4);
	seen_free(&s);
	report_doc_free(doc);
}

/* A bookmark points at the line after it; a section heading makes one. */
static void
test_bookmarks(void **state)
{
	struct report_doc *doc = report_doc_new();
	struct seen s;
	size_t i, marks = 0;

	(void)state;
	report_doc_bookmark(doc, 1, "表紙");
	report_doc_para(doc, "本文");
	report_doc_page_break(doc);
	report_doc_heading(doc, 1, "章");
	lay_out(doc, &s);
	for (i = 0; i < s.n; i++)
		if (s.l[i].kind == REPORT_TRACE_MARK)
			marks++;
	assert_int_equal(marks, 2);
	assert_int_equal(s.l[0].kind, REPORT_TRACE_MARK);
	assert_int_equal(s.l[0].page, 0);
	assert_int_equal(s.l[2].kind, REPORT_TRACE_MARK);
	assert_int_equal(s.l[2].page, 1);
	seen_free(&s);
	report_doc_free(doc);
}

/* Body 9.5 pt, notes and tables 9, letters 10.5, headings larger. */
static void
test_sizes(void **state)
{
	static const double one[1] = { 1 };
	const char *cell[1] = { "表" };
	struct report_doc *doc = report_doc_new();
	struct seen s;

	(void)state;
	report_doc_heading(doc, 1, "章");
	report_doc_heading(doc, 2, "節");
	report_doc_para(doc, "本文");
	report_doc_note(doc, "注");
	report_doc_table(doc, 1, one, 0, 0);
	report_doc_row(doc, cell);
	report_doc_text(doc, REPORT_TEXT_LETTER, REPORT_ALIGN_RIGHT, 0, 0,
	    "手紙");
	lay_out(doc, &s);
	assert_true(s.l[1].size >= 13);
	assert_true(s.l[2].size >= 11.5);
	assert_true(s.l[3].size >= 9.5);
	assert_true(s.l[4].size >= 9);
	assert_true(s.l[5].size >= 9);
	assert_true(s.l[6].size == 10.5);
	/* right-aligned: it ends at the right margin */
	assert_true(report_layout_body.right - s.l[6].box.right < 0.01);
	seen_free(&s);
	report_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_take_no_room),
		cmocka_unit_test(test_marks_only_stay_inside),
		cmocka_unit_test(test_heading_keeps_two_lines),
		cmocka_unit_test(test_row_not_split),
		cmocka_unit_test(test_tall_row_split_with_header),
		cmocka_unit_test(test_kept_table_whole),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_bookmarks),
		cmocka_unit_test(test_sizes),
	};

	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
