/*
 * test_answers.c - answers files (docs/contract.md §2) through
 * model_answers_parse: every error path (ST_DATAERR, "NAME:LINE: " naming the
 * offending line, nothing returned) and what must be accepted (BOM, CRLF,
 * comments, blank lines, spaces around '=', the \n and \\ escapes, "key ="
 * leaving a key unanswered, the worked example). "Now" is fixed at 2026-10-06
 * 09:00 Japan time. Checks are "soft": each test prints every mismatch
 * ("MISMATCH ...") and fails once at the end. Run from the repository root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "spec_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jtime.h"
#include "model.h"
#include "util.h"

#define NAME "t.answers"

static struct model_data *g_d;
static jtime_t g_now;


static int
setup_data(void **state)
{
	char err[1024] = "";

	(void)state;
	if (model_data_load(".", &g_d, err, sizeof err) != ST_OK) {
		fprintf(stderr, "cannot load the data directory: %s\n", err);
		return -1;
	}
	if (jtime_parse("2026-10-06 09:00", &g_now, err, sizeof err) != 0) {
		fprintf(stderr, "jtime_parse: %s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown_data(void **state)
{
	(void)state;
	model_data_free(g_d);
	g_d = NULL;
	return 0;
}

/* ---- helpers ---- */

/* text (len: strlen unless given) must be rejected: ST_DATAERR, err
 * starting "t.answers:LINE: ", holding each of want1/want2, and an empty
 * answer set. */
static void
fails_len(const char *text, size_t len, int line, const char *want1,
    const char *want2, int at)
{
	struct answer_set set;
	char err[4096] = "", prefix[64];
	int rc;

	memset(&set, 0xA5, sizeof set);	/* must be reset */
	rc = model_answers_parse(g_d, text, len, NAME, g_now, &set, err,
	    sizeof err);
	if (rc != ST_DATAERR) {
		mismatch(at, "returned %d, expected %d (ST_DATAERR); err=\"%s\"",
		    rc, ST_DATAERR, err);
		if (rc == ST_OK)
			answer_set_free(&set);
		return;
	}
	snprintf(prefix, sizeof prefix, NAME ":%d: ", line);
	if (strncmp(err, prefix, strlen(prefix)) != 0)
		mismatch(at, "expected \"%s...\", got \"%s\"", prefix, err);
	if (want1 != NULL && strstr(err, want1) == NULL)
		mismatch(at, "message \"%s\" lacks \"%s\"", err, want1);
	if (want2 != NULL && strstr(err, want2) == NULL)
		mismatch(at, "message \"%s\" lacks \"%s\"", err, want2);
	if (strchr(err, '\n') != NULL)
		mismatch(at, "message spans lines: \"%s\"", err);
	if (set.n != 0 || set.v != NULL)
		mismatch(at, "answers returned on error (n=%zu)", set.n);
}

#define FAILS(text, line, w1, w2) fails_len(text, strlen(text), line, w1, w2, __LINE__)

/* Parses text, which must be accepted; the caller frees the set. */
static int
parses_len(const char *text, size_t len, struct answer_set *set, int at)
{
	char err[4096] = "";
	int rc;

	rc = model_answers_parse(g_d, text, len, NAME, g_now, set, err,
	    sizeof err);
	if (rc != ST_OK) {
		mismatch(at, "rejected (%d): %s", rc, err);
		memset(set, 0, sizeof *set);
		return 0;
	}
	return 1;
}

#define PARSES(text, set) parses_len(text, strlen(text), set, __LINE__)

/* The answer for key: its index in the set, or -1. */
static int
find(const struct answer_set *set, const char *key)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* key must be in set with value (NULL: present but unanswered) and line. */
#define HAS(set, key, value, line) has(set, key, value, line, __LINE__)
static void
has(const struct answer_set *set, const char *key, const char *value,
    int line, int at)
{
	int i = find(set, key);

	if (i < 0) {
		mismatch(at, "no answer for %s", key);
		return;
	}
	if (value == NULL && set->v[i].value != NULL)
		mismatch(at, "%s = \"%s\", expected unanswered", key,
		    set->v[i].value);
	else if (value != NULL && (set->v[i].value == NULL ||
	    strcmp(set->v[i].value, value) != 0))
		mismatch(at, "%s = \"%s\", expected \"%s\"", key,
		    set->v[i].value ? set->v[i].value : "(unanswered)", value);
	if (line > 0 && set->v[i].line != line)
		mismatch(at, "%s on line %d, expected %d", key, set->v[i].line,
		    line);
}

#define GOOD "kind = device_loss\n" \
	"discovered_at = 2026-10-05 18:20\n" \
	"summary = タブレットを紛失\n"

/* ============================================================ errors */

static void
test_error_unknown_key(void **state)
{
	BEGIN();
	FAILS(GOOD "knid = device_loss\n", 4, "knid", "discovered_at");
	FAILS("kind = device_loss\nreportable = yes\n", 2, "reportable", NULL);
	FAILS("Kind = device_loss\n", 1, "Kind", NULL);
	END();
}

static void
test_error_key_twice(void **state)
{
	BEGIN();
	FAILS(GOOD "place = 京都\nkind = device_theft\n", 5, "kind", NULL);
	FAILS(GOOD "kind = device_loss\n", 4, "kind", NULL);
	/* an empty answer counts as given */
	FAILS("place =\nsummary = x\nplace = 京都\n", 3, "place", NULL);
	END();
}

static void
test_error_bad_choice(void **state)
{
	BEGIN();
	/* the message names the allowed values */
	FAILS(GOOD "network_access = maybe\n", 4, "maybe", "yes, no, unknown");
	FAILS("summary = x\nkind = lost_device\n", 2, "device_loss",
	    "insider_misuse");
	FAILS(GOOD "recipient_contacted = unknown\n", 4, "yes, no", NULL);
	FAILS(GOOD "remote_wipe = Done\n", 4, "done, available", NULL);
	END();
}

static void
test_error_bad_multi(void **state)
{
	BEGIN();
	FAILS(GOOD "data_types = medical, diagnosis\n", 4, "diagnosis",
	    "patient_identity");
	FAILS(GOOD "data_types = medical;care\n", 4, NULL, NULL);
	/* none cannot be combined */
	FAILS(GOOD "data_types = none, medical\n", 4, "none", NULL);
	FAILS(GOOD "data_types = care,none\n", 4, "none", NULL);
	END();
}

static void
test_error_bad_integer(void **state)
{
	BEGIN();
	FAILS(GOOD "persons_count = 12a\n", 4, "persons_count", NULL);
	FAILS(GOOD "persons_count = about 40\n", 4, NULL, NULL);
	FAILS(GOOD "persons_count = 1.5\n", 4, NULL, NULL);
	FAILS(GOOD "records_count = 99999999999999999999999\n", 4, NULL, NULL);
	/* negative */
	FAILS(GOOD "persons_count = -1\n", 4, "persons_count", NULL);
	FAILS(GOOD "records_count = -20\n", 4, "records_count", NULL);
	END();
}

static void
test_error_bad_time(void **state)
{
	BEGIN();
	FAILS(GOOD "reported_at = yesterday\n", 4, "reported_at", NULL);
	FAILS(GOOD "reported_at = 2026/10/05 19:00\n", 4, NULL, NULL);
	FAILS(GOOD "reported_at = 2026-10-05\n", 4, NULL, NULL);
	FAILS("summary = x\ndiscovered_at = unknown\n", 2, "discovered_at",
	    NULL);
	FAILS(GOOD "reported_at = unknown\n", 4, NULL, NULL);
	/* impossible dates and times */
	FAILS("summary = x\ndiscovered_at = 2026-02-29 10:00\n", 2, NULL, NULL);
	FAILS("summary = x\ndiscovered_at = 2026-09-31 10:00\n", 2, NULL, NULL);
	FAILS(GOOD "occurred_at = 2026-10-05 25:10\n", 4, NULL, NULL);
	END();
}

/* discovered_at at most a day in the future: now + 24h exactly is fine,
 * one minute (or second) more is not. */
static void
test_error_discovered_in_future(void **state)
{
	struct answer_set set;

	BEGIN();
	if (PARSES("kind = other\ndiscovered_at = 2026-10-07 09:00\n", &set)) {
		HAS(&set, "discovered_at", "2026-10-07 09:00", 2);
		answer_set_free(&set);
	}
	FAILS("kind = other\ndiscovered_at = 2026-10-07 09:01\n", 2,
	    "discovered_at", NULL);
	FAILS("kind = other\nsummary = x\ndiscovered_at = 2026-10-07 09:00:01\n",
	    3, "discovered_at", NULL);
	FAILS("discovered_at = 2027-01-01 00:00\nkind = other\n", 1,
	    "discovered_at", NULL);
	END();
}

/* occurred_at after discovered_at is an error (on occurred_at's line);
 * equal or "unknown" is fine. */
static void
test_error_occurred_after_discovered(void **state)
{
	struct answer_set set;

	BEGIN();
	FAILS(GOOD "occurred_at = 2026-10-05 18:21\n", 4, "occurred_at", NULL);
	FAILS(GOOD "occurred_at = 2026-10-05T18:20:01\n", 4, "occurred_at",
	    NULL);
	FAILS("occurred_at = 2026-10-06 08:00\nkind = other\n"
	    "discovered_at = 2026-10-05 18:20\n", 1, "occurred_at", NULL);
	if (PARSES(GOOD "occurred_at = 2026-10-05 18:20\n", &set)) {
		HAS(&set, "occurred_at", "2026-10-05 18:20", 4);
		answer_set_free(&set);
	}
	if (PARSES(GOOD "occurred_at = unknown\n", &set)) {
		HAS(&set, "occurred_at", "unknown", 4);
		answer_set_free(&set);
	}
	/* without discovered_at there is nothing to compare with */
	if (PARSES("kind = other\noccurred_at = 2026-10-06 08:59\n", &set)) {
		HAS(&set, "occurred_at", "2026-10-06 08:59", 2);
		answer_set_free(&set);
	}
	END();
}

static void
test_error_bad_escape(void **state)
{
	BEGIN();
	FAILS(GOOD "narrative = 一行目\\q二行目\n", 4, "\\q", NULL);
	FAILS(GOOD "narrative = C:\\Users\\x\n", 4, NULL, NULL);
	FAILS(GOOD "narrative = ends with a backslash\\\n", 4, NULL, NULL);
	FAILS(GOOD "narrative = tab\\t\n", 4, NULL, NULL);
	END();
}

static void
test_error_section_line(void **state)
{
	BEGIN();
	FAILS(GOOD "[incident]\nplace = x\n", 4, NULL, NULL);
	FAILS("kind = other\n[field kind]\n", 2, NULL, NULL);
	FAILS("kind = other\n[broken\n", 2, NULL, NULL);
	END();
}

static void
test_error_line_without_equals(void **state)
{
	BEGIN();
	FAILS(GOOD "place タクシー\n", 4, NULL, NULL);
	FAILS("kind: device_loss\n", 1, NULL, NULL);
	FAILS(GOOD "= device_loss\n", 4, NULL, NULL);
	END();
}

/* Invalid UTF-8 is bad input; docs/contract.md §2 errors are "FILE:LINE: ...".
 * */
static void
test_error_invalid_utf8(void **state)
{
	static const char t1[] = GOOD "place = \xff\xfe\n";
	static const char t2[] = "kind = other\nsummary = \xe3\x81\n";
	static const char t3[] = "kind = other\nsum\xc0\xafmary = x\n";
	static const char t4[] = "kind = other\nplace = a\0b\n";
	/* The NUL is named even after an error on an earlier line: the file
	 * is not text, which matters more than what it says. */
	static const char t5[] = "kind = nosuch\nplace = x\n\0\n";

	BEGIN();
	fails_len(t1, sizeof t1 - 1, 4, NULL, NULL, __LINE__);
	fails_len(t2, sizeof t2 - 1, 2, NULL, NULL, __LINE__);	/* truncated */
	fails_len(t3, sizeof t3 - 1, 2, NULL, NULL, __LINE__);	/* overlong */
	fails_len(t4, sizeof t4 - 1, 2, "NUL byte", NULL, __LINE__);
	fails_len(t5, sizeof t5 - 1, 3, "NUL byte", NULL, __LINE__);
	END();
}

/* ========================================================== accepted */

static void
test_accept_bom_crlf_comments(void **state)
{
	static const char t[] =
		"\xEF\xBB\xBF# a comment\r\n"
		"kind = device_theft\r\n"
		"\r\n"
		"   # an indented comment\r\n"
		"\t\r\n"
		"discovered_at = 2026-10-05T18:20\r\n"
		"summary = 盗難\r\n"
		"data_types = contact, care\r\n";
	struct answer_set set;

	BEGIN();
	if (PARSES(t, &set)) {
		if (set.n != 4)
			mismatch(__LINE__, "%zu answers, expected 4", set.n);
		HAS(&set, "kind", "device_theft", 2);
		HAS(&set, "discovered_at", "2026-10-05 18:20", 6);
		HAS(&set, "summary", "盗難", 7);
		HAS(&set, "data_types", "care,contact", 8);
		answer_set_free(&set);
	}
	/* line numbers after a BOM and CRLF still count from 1 */
	FAILS("\xEF\xBB\xBFkind = other\r\n# x\r\nmdm = perhaps\r\n", 3,
	    "perhaps", NULL);
	END();
}

static void
test_accept_spaces_around_equals(void **state)
{
	struct answer_set set;

	BEGIN();
	if (PARSES("  kind   =   device_loss  \n"
	    "summary=a=b\n"
	    "place\t=\tタクシー\t\n"
	    "persons_count =42\n"
	    "data_types = care ,  patient_identity\n"
	    "discovered_at =2026-10-05 18:20:00\n", &set)) {
		HAS(&set, "kind", "device_loss", 1);
		HAS(&set, "summary", "a=b", 2);	/* split at the first '=' */
		HAS(&set, "place", "タクシー", 3);
		HAS(&set, "persons_count", "42", 4);
		HAS(&set, "data_types", "patient_identity,care", 5);
		HAS(&set, "discovered_at", "2026-10-05 18:20", 6);
		answer_set_free(&set);
	}
	/* '#' starts a comment only at the start of a line */
	if (PARSES("place = 居室 #3\nsummary=#1 の書類\n", &set)) {
		HAS(&set, "place", "居室 #3", 1);
		HAS(&set, "summary", "#1 の書類", 2);
		answer_set_free(&set);
	}
	END();
}

static void
test_accept_escapes(void **state)
{
	struct answer_set set;

	BEGIN();
	if (PARSES(GOOD "narrative = 一行目\\n二行目\n"
	    "place = C:\\\\share\\\\x\n"
	    "involved = a\\\\nb\n", &set)) {
		HAS(&set, "narrative", "一行目\n二行目", 4);
		HAS(&set, "place", "C:\\share\\x", 5);
		HAS(&set, "involved", "a\\nb", 6);	/* \\ then n */
		answer_set_free(&set);
	}
	END();
}

/* "key =" with nothing after it leaves the key unanswered. */
static void
test_accept_empty_value(void **state)
{
	struct answer_set set;

	BEGIN();
	if (PARSES(GOOD "place =\nmdm =   \npersons_count=\n", &set)) {
		HAS(&set, "place", NULL, 4);
		HAS(&set, "mdm", NULL, 5);
		HAS(&set, "persons_count", NULL, 6);
		HAS(&set, "kind", "device_loss", 1);
		answer_set_free(&set);
	}
	/* required keys may be missing or empty (docs/contract.md §2) */
	if (PARSES("kind =\ndiscovered_at =\n", &set)) {
		HAS(&set, "kind", NULL, 1);
		HAS(&set, "discovered_at", NULL, 2);
		answer_set_free(&set);
	}
	if (PARSES("", &set)) {
		if (set.n != 0)
			mismatch(__LINE__, "empty file: %zu answers", set.n);
		answer_set_free(&set);
	}
	if (PARSES("# only a comment\n\n", &set)) {
		if (set.n != 0)
			mismatch(__LINE__, "comment only: %zu answers", set.n);
		answer_set_free(&set);
	}
	END();
}

/* The worked example: every line is an answer (22 key lines; the brief's
 * "21" miscounts them), values canonical, each with its line. */
static void
test_accept_worked_example(void **state)
{
	struct answer_set set;
	char *text = NULL, err[1024];
	size_t len = 0;

	BEGIN();
	assert_int_equal(util_read_file("tests/fixtures/lost-tablet.answers",
	    &text, &len, err, sizeof err), ST_OK);
	if (parses_len(text, len, &set, __LINE__)) {
		if (set.n != 22)
			mismatch(__LINE__, "%zu answers, expected 22", set.n);
		HAS(&set, "kind", "device_loss", 2);
		HAS(&set, "discovered_at", "2026-10-05 18:20", 3);
		HAS(&set, "occurred_at", "2026-10-05 17:40", 4);
		HAS(&set, "narrative", "訪問先からの帰りにタクシーを利用。"
		    "降車後に紛失に気付き、\nタクシー会社へ連絡済み。", 9);
		HAS(&set, "network_access", "yes", 13);
		HAS(&set, "data_types", "patient_identity,care,contact", 21);
		HAS(&set, "persons_count", "42", 22);
		HAS(&set, "persons_basis", "estimated", 23);
		answer_set_free(&set);
	}
	free(text);
	END();
}

int
main(void)
{
	/* docs/contract.md §1: Japan time whatever the host's time zone */
	setenv("TZ", "America/Los_Angeles", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_error_unknown_key),
		cmocka_unit_test(test_error_key_twice),
		cmocka_unit_test(test_error_bad_choice),
		cmocka_unit_test(test_error_bad_multi),
		cmocka_unit_test(test_error_bad_integer),
		cmocka_unit_test(test_error_bad_time),
		cmocka_unit_test(test_error_discovered_in_future),
		cmocka_unit_test(test_error_occurred_after_discovered),
		cmocka_unit_test(test_error_bad_escape),
		cmocka_unit_test(test_error_section_line),
		cmocka_unit_test(test_error_line_without_equals),
		cmocka_unit_test(test_error_invalid_utf8),
		cmocka_unit_test(test_accept_bom_crlf_comments),
		cmocka_unit_test(test_accept_spaces_around_equals),
		cmocka_unit_test(test_accept_escapes),
		cmocka_unit_test(test_accept_empty_value),
		cmocka_unit_test(test_accept_worked_example),
	};

	return cmocka_run_group_tests_name("answers", tests, setup_data,
	    teardown_data);
}
