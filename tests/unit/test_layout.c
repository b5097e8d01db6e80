/*
 * test_layout.c - the page engine (report_layout.c) through
 * report_layout_trace with the real font: zero-width and combining
 * characters take no room, and text made of nothing else stays inside
 * the page (issue 12: it ran off the page, IPAex Gothic giving its marks
 * spacing glyphs).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "jtime.h"
#include "report_layout.h"
#include "util.h"

#define MAX_LINES 64

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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_take_no_room),
		cmocka_unit_test(test_marks_only_stay_inside),
	};

	return cmocka_run_group_tests_name("layout", tests, NULL, NULL);
}
