/*
 * test_ini.c - the line tokenizer behind every loader (src/core/ini.c):
 * continuation lines (INI_CONTINUE) and how their pieces are joined (a
 * space between narrow characters, nothing next to a wide one or a line
 * break), the line each value and each error is reported at, and answers
 * files (no INI_CONTINUE), where an indented line is still a key line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ini.h"
#include "util.h"

/* What the loader was handed, one line per call: "LINE [sec name]" or
 * "LINE key=value"; `fail_key` makes the call for that key fail. */
struct record {
	struct buf calls;
	const char *fail_key;
};

static int
on_line(void *ud, const struct ini_line *l, char *err, size_t errlen)
{
	struct record *r = ud;

	if (l->key == NULL) {
		buf_addf(&r->calls, "%d [%s %s]\n", l->line, l->section,
		    l->name != NULL ? l->name : "-");
		return ST_OK;
	}
	if (r->fail_key != NULL && strcmp(l->key, r->fail_key) == 0)
		return err_set(err, errlen, ST_CONFIG, "refused %s", l->key);
	buf_addf(&r->calls, "%d %s=%s\n", l->line, l->key, l->value);
	return ST_OK;
}

/* Parses text with flags; returns the calls (and *rc, err). */
static char *
parse(const char *text, unsigned flags, const char *fail_key, int *rc,
    char *err, size_t errlen)
{
	struct record r;

	buf_init(&r.calls);
	r.fail_key = fail_key;
	err[0] = '\0';
	*rc = ini_parse_string(text, strlen(text), "t", flags, on_line, &r,
	    err, errlen);
	return buf_steal(&r.calls);
}

static void
expect_calls(const char *text, unsigned flags, const char *want)
{
	char err[512], *got;
	int rc;

	got = parse(text, flags, NULL, &rc, err, sizeof err);
	if (rc != ST_OK)
		fail_msg("refused: %s\n--- text:\n%s", err, text);
	if (strcmp(got, want) != 0)
		fail_msg("--- text:\n%s--- got:\n%s--- want:\n%s", text, got,
		    want);
	free(got);
}

static void
expect_error(const char *text, unsigned flags, const char *fail_key,
    int want_rc, const char *want)
{
	char err[512], *got;
	int rc;

	got = parse(text, flags, fail_key, &rc, err, sizeof err);
	free(got);
	if (rc != want_rc || strncmp(err, want, strlen(want)) != 0)
		fail_msg("--- text:\n%s--- got %d \"%s\", want %d \"%s...\"",
		    text, rc, err, want_rc, want);
}

static void
test_join_english(void **state)
{
	(void)state;
	expect_calls("[a]\nk = one two\n  three\n\tfour  \nn = x\n",
	    INI_CONTINUE, "1 [a -]\n2 k=one two three four\n5 n=x\n");
	/* the key line may hold nothing: the value starts below */
	expect_calls("k =\n    one\n    two\n", INI_CONTINUE, "1 k=one two\n");
	/* the last value of the file, and CRLF line ends */
	expect_calls("k = a\r\n b\r\n", INI_CONTINUE, "1 k=a b\n");
}

/* No space where either side is wide: Japanese prose reads as one. */
static void
test_join_japanese(void **state)
{
	(void)state;
	expect_calls("k = 端末を紛失した\n  場合は\n", INI_CONTINUE,
	    "1 k=端末を紛失した場合は\n");
	expect_calls("k = 京あんしんネットの\n  ID\n  を止める\n", INI_CONTINUE,
	    "1 k=京あんしんネットのIDを止める\n");
	expect_calls("k = APPI Art. 26\n  （個人情報保護法）\n", INI_CONTINUE,
	    "1 k=APPI Art. 26（個人情報保護法）\n");
	/* ambiguous-width signs are narrow: a space, as in English */
	expect_calls("k = A\n  → B\n", INI_CONTINUE, "1 k=A → B\n");
}

/* A line break needs no space on either side; escapes are per line. */
static void
test_join_line_breaks(void **state)
{
	(void)state;
	expect_calls("k = one.\\n\n  Two \\\\ three\n  \\nfour\n",
	    INI_CONTINUE, "1 k=one.\nTwo \\ three\nfour\n");
	expect_error("k = a\n  b \\t\n", INI_CONTINUE, NULL, ST_DATAERR,
	    "t:2: unknown escape '\\t'");
}

/* Blank lines and comments end a value; after them, or after a head, an
 * indented line has nothing to continue. */
static void
test_nothing_to_continue(void **state)
{
	(void)state;
	expect_error("[a]\n  k = v\n", INI_CONTINUE, NULL, ST_DATAERR,
	    "t:2: an indented line continues");
	expect_error("k = v\n\n  more\n", INI_CONTINUE, NULL, ST_DATAERR,
	    "t:3: an indented line continues");
	expect_error("k = v\n  # note\n  more\n", INI_CONTINUE, NULL,
	    ST_DATAERR, "t:3: an indented line continues");
	expect_error("  more\n", INI_CONTINUE, NULL, ST_DATAERR,
	    "t:1: an indented line continues");
	/* an indented comment is a comment, blank a blank line */
	expect_calls("k = v\n  # note\n \t\nn = w\n", INI_CONTINUE,
	    "1 k=v\n4 n=w\n");
}

/* The loader's error on a continued value names its key line, and comes
 * before any error further down. */
static void
test_error_lines(void **state)
{
	(void)state;
	expect_error("a = 1\nk = x\n  y\n  z\n", INI_CONTINUE, "k", ST_CONFIG,
	    "t:2: refused k");
	expect_error("k = x\n  y\n[b\n", INI_CONTINUE, "k", ST_CONFIG,
	    "t:1: refused k");
	expect_error("k = x\n  y\n\xff\n", INI_CONTINUE, "k", ST_CONFIG,
	    "t:1: refused k");
	expect_error("k = x\n  \xff\n", INI_CONTINUE, NULL, ST_DATAERR,
	    "t:2: not UTF-8 text");
	expect_error("k = x\nno equals\n", INI_CONTINUE, NULL, ST_DATAERR,
	    "t:2: expected 'key = value'");
}

/* Answers files keep one key line per answer (docs/contract.md §2):
 * indentation means nothing there. */
static void
test_answers_have_no_continuations(void **state)
{
	(void)state;
	expect_calls("a = 1\n  b = 2\n", 0, "1 a=1\n2 b=2\n");
	expect_error("a = 1\n  more\n", 0, NULL, ST_DATAERR,
	    "t:2: expected 'key = value' but found 'more'");
	/* errors in the order of the lines, the value's first */
	expect_error("k = x\n\xff\n", 0, "k", ST_CONFIG, "t:1: refused k");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join_english),
		cmocka_unit_test(test_join_japanese),
		cmocka_unit_test(test_join_line_breaks),
		cmocka_unit_test(test_nothing_to_continue),
		cmocka_unit_test(test_error_lines),
		cmocka_unit_test(test_answers_have_no_continuations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
