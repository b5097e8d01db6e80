/*
 * test_deadline.c - the holiday table (data/holidays.tsv and the parser's
 * every error path) and the docs/contract.md §5 due dates. Expected dates were
 * worked out by hand from the calendar, not by the code under test; each case
 * says why it lands where it does. Run from the repository root.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "deadline.h"
#include "jtime.h"
#include "util.h"

#define TABLE "data/holidays.tsv"

static long
D(int y, int m, int d)
{
	return jtime_days_from_ymd(y, m, d);
}

static int
setup_table(void **state)
{
	struct holidays *h = NULL;
	char err[256] = "";

	if (holidays_load(TABLE, &h, err, sizeof err) != ST_OK) {
		fprintf(stderr, "cannot load %s: %s\n", TABLE, err);
		return -1;
	}
	*state = h;
	return 0;
}

static int
teardown_table(void **state)
{
	holidays_free(*state);
	return 0;
}

/* ---- the shipped table ---- */

static void
test_table_range(void **state)
{
	int first, last;

	holidays_range(*state, &first, &last);
	assert_int_equal(first, 2020);
	assert_int_equal(last, 2035);
}

/* Per-year counts of the Cabinet Office lists (2020-2027) and of the rules
 * applied by hand (2028-2035): a missing or extra line shows up here. */
static void
test_table_counts(void **state)
{
	static const int count[16] = {
		18, 17, 16, 17, 21, 19, 18, 17,	/* 2020 - 2027 */
		16, 19, 19, 19, 17, 17, 17, 19	/* 2028 - 2035 */
	};

	for (int y = 2020; y <= 2035; y++) {
		int n = 0;

		for (long day = D(y, 1, 1); day < D(y + 1, 1, 1); day++)
			n += holidays_is_holiday(*state, day, NULL);
		assert_int_equal(n, count[y - 2020]);
	}
}

static void
test_table_2026(void **state)
{
	static const struct {
		int m, d;
		const char *name;
	} want[] = {
		{ 1, 1, "元日" }, { 1, 12, "成人の日" },
		{ 2, 11, "建国記念の日" }, { 2, 23, "天皇誕生日" },
		{ 3, 20, "春分の日" }, { 4, 29, "昭和の日" },
		{ 5, 3, "憲法記念日" }, { 5, 4, "みどりの日" },
		{ 5, 5, "こどもの日" }, { 5, 6, "振替休日" },
		{ 7, 20, "海の日" }, { 8, 11, "山の日" },
		{ 9, 21, "敬老の日" }, { 9, 22, "国民の休日" },
		{ 9, 23, "秋分の日" }, { 10, 12, "スポーツの日" },
		{ 11, 3, "文化の日" }, { 11, 23, "勤労感謝の日" },
	};
	int provisional = -1;

	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		long day = D(2026, want[i].m, want[i].d);

		assert_true(holidays_is_holiday(*state, day, &provisional));
		assert_int_equal(provisional, 0);
		assert_string_equal(holidays_name(*state, day), want[i].name);
	}
	assert_false(holidays_is_holiday(*state, D(2026, 11, 4),
	    &provisional));
	assert_int_equal(provisional, 0);
	assert_null(holidays_name(*state, D(2026, 11, 4)));
}

static void
test_table_spot_checks(void **state)
{
	struct holidays *h = *state;

	assert_string_equal(holidays_name(h, D(2025, 2, 24)), "振替休日");
	assert_string_equal(holidays_name(h, D(2024, 2, 12)), "振替休日");
	assert_string_equal(holidays_name(h, D(2027, 3, 21)), "春分の日");
	assert_string_equal(holidays_name(h, D(2027, 3, 22)), "振替休日");
	/* Olympic shifts: the usual Mondays are ordinary days. */
	assert_string_equal(holidays_name(h, D(2020, 7, 23)), "海の日");
	assert_string_equal(holidays_name(h, D(2020, 7, 24)), "スポーツの日");
	assert_string_equal(holidays_name(h, D(2020, 8, 10)), "山の日");
	assert_null(holidays_name(h, D(2020, 10, 12)));
	assert_null(holidays_name(h, D(2020, 8, 11)));
	assert_string_equal(holidays_name(h, D(2021, 7, 22)), "海の日");
	assert_string_equal(holidays_name(h, D(2021, 7, 23)), "スポーツの日");
	assert_string_equal(holidays_name(h, D(2021, 8, 8)), "山の日");
	assert_string_equal(holidays_name(h, D(2021, 8, 9)), "振替休日");
	assert_null(holidays_name(h, D(2021, 7, 19)));
	assert_null(holidays_name(h, D(2021, 10, 11)));
	assert_string_equal(holidays_name(h, D(2032, 9, 21)), "国民の休日");
	/* Outside the table nothing is known. */
	assert_null(holidays_name(h, D(2019, 5, 1)));
	assert_null(holidays_name(h, D(2036, 1, 1)));
}

/* Equinoxes are gazetted one year ahead: 2027 is, 2028 on are not, and a
 * substitute or citizens' holiday resting on one is just as uncertain. */
static void
test_table_provisional(void **state)
{
	struct holidays *h = *state;
	int p = -1, m, d, y;

	assert_true(holidays_is_holiday(h, D(2027, 9, 23), &p));
	assert_int_equal(p, 0);
	assert_true(holidays_is_holiday(h, D(2028, 3, 20), &p));
	assert_int_equal(p, 1);
	assert_true(holidays_is_holiday(h, D(2028, 9, 22), &p));
	assert_int_equal(p, 1);
	assert_true(holidays_is_holiday(h, D(2029, 9, 24), &p));
	assert_int_equal(p, 1);
	assert_true(holidays_is_holiday(h, D(2032, 9, 21), &p));
	assert_int_equal(p, 1);
	assert_true(holidays_is_holiday(h, D(2028, 1, 1), &p));
	assert_int_equal(p, 0);
	for (long day = D(2020, 1, 1); day < D(2036, 1, 1); day++) {
		if (!holidays_is_holiday(h, day, &p) || !p)
			continue;
		jtime_ymd_from_days(day, &y, &m, &d);
		assert_true(y >= 2028);
		assert_true(m == 3 || m == 9);
	}
}

/* ---- closed days ---- */

static void
test_closed_days(void **state)
{
	struct holidays *h = *state;
	int flags = 0;

	assert_true(deadline_is_closed_day(h, D(2026, 11, 28), &flags));
	assert_true(deadline_is_closed_day(h, D(2026, 11, 29), &flags));
	assert_true(deadline_is_closed_day(h, D(2026, 11, 3), &flags));
	assert_true(deadline_is_closed_day(h, D(2026, 5, 6), &flags));
	assert_true(deadline_is_closed_day(h, D(2026, 9, 22), &flags));
	assert_false(deadline_is_closed_day(h, D(2026, 11, 25), &flags));
	assert_false(deadline_is_closed_day(h, D(2026, 11, 27), &flags));
	assert_int_equal(flags, 0);
	assert_true(deadline_is_closed_day(h, D(2026, 11, 23), NULL));
	assert_false(deadline_is_closed_day(h, D(2026, 11, 24), NULL));
}

static void
test_closed_year_end(void **state)
{
	struct holidays *h = *state;
	int flags = 0;

	assert_false(deadline_is_closed_day(h, D(2026, 12, 28), &flags));
	for (int d = 29; d <= 31; d++)
		assert_true(deadline_is_closed_day(h, D(2026, 12, d), &flags));
	for (int d = 1; d <= 3; d++)
		assert_true(deadline_is_closed_day(h, D(2027, 1, d), &flags));
	assert_false(deadline_is_closed_day(h, D(2027, 1, 4), &flags));
	/* Weekdays in the closure that are no holiday (2030-12-30 Mon). */
	assert_false(holidays_is_holiday(h, D(2030, 12, 30), NULL));
	assert_true(deadline_is_closed_day(h, D(2030, 12, 30), &flags));
	assert_int_equal(flags, 0);
}

static void
test_closed_out_of_range(void **state)
{
	struct holidays *h = *state;
	int flags = 0;

	/* 2040-01-07 Sat: closed, but the year is unknown to the table. */
	assert_true(deadline_is_closed_day(h, D(2040, 1, 7), &flags));
	assert_int_equal(flags, DEADLINE_OUT_OF_RANGE);
	/* 2040-01-09 is 成人の日 by the rules, but the table cannot say so:
	 * answered open, flagged. */
	flags = 0;
	assert_false(deadline_is_closed_day(h, D(2040, 1, 9), &flags));
	assert_int_equal(flags, DEADLINE_OUT_OF_RANGE);
	flags = 0;
	assert_true(deadline_is_closed_day(h, D(2019, 12, 31), &flags));
	assert_int_equal(flags, DEADLINE_OUT_OF_RANGE);
	flags = 0;
	assert_false(deadline_is_closed_day(h, D(2019, 5, 1), &flags));
	assert_int_equal(flags, DEADLINE_OUT_OF_RANGE);
	/* The edges of the range are inside it. */
	flags = 0;
	assert_true(deadline_is_closed_day(h, D(2020, 1, 1), &flags));
	assert_false(deadline_is_closed_day(h, D(2035, 12, 28), &flags));
	assert_int_equal(flags, 0);
	/* No table at all: weekends and year end only, always flagged. */
	flags = 0;
	assert_true(deadline_is_closed_day(NULL, D(2026, 11, 28), &flags));
	assert_false(deadline_is_closed_day(NULL, D(2026, 11, 3), &flags));
	assert_int_equal(flags, DEADLINE_OUT_OF_RANGE);
}

static void
test_closed_provisional(void **state)
{
	struct holidays *h = *state;
	int flags = 0;

	assert_true(deadline_is_closed_day(h, D(2028, 3, 20), &flags));
	assert_int_equal(flags, DEADLINE_PROVISIONAL);
	/* Flags accumulate: they are or-ed in, never cleared. */
	flags = DEADLINE_OUT_OF_RANGE;
	assert_false(deadline_is_closed_day(h, D(2028, 3, 21), &flags));
	assert_int_equal(flags, DEADLINE_OUT_OF_RANGE);
	flags = 0;
	assert_true(deadline_is_closed_day(h, D(2027, 3, 22), &flags));
	assert_int_equal(flags, 0);
}

/* ---- due dates ---- */

static void
test_day_n(void **state)
{
	(void)state;
	assert_int_equal(deadline_day_n(D(2026, 10, 5), 1), D(2026, 10, 5));
	assert_int_equal(deadline_day_n(D(2026, 10, 5), 5), D(2026, 10, 9));
	assert_int_equal(deadline_day_n(D(2026, 10, 5), 30), D(2026, 11, 3));
	assert_int_equal(deadline_day_n(D(2026, 10, 5), 60), D(2026, 12, 3));
	/* Preliminary day 5 is never moved, even onto a weekend. */
	assert_int_equal(deadline_day_n(D(2026, 11, 24), 5), D(2026, 11, 28));
}

struct due {
	int y1, m1, d1;		/* discovery, day 1 */
	int n;
	int y, m, d;		/* expected legal due date */
	int flags;
	const char *why;
};

static const struct due dues[] = {
	{ 2026, 10, 5, 30, 2026, 11, 4, 0,
	    "day 30 = Tue 11-03 文化の日 -> Wed" },
	{ 2026, 10, 5, 60, 2026, 12, 3, 0,
	    "day 60 = Thu 12-03, open" },
	{ 2026, 10, 5, 5, 2026, 10, 9, 0,
	    "day 5 = Fri 10-09, open" },
	{ 2026, 10, 30, 30, 2026, 11, 30, 0,
	    "day 30 = Sat 11-28 -> Sun -> Mon 11-30" },
	{ 2026, 4, 7, 30, 2026, 5, 7, 0,
	    "day 30 = Wed 05-06 振替休日 -> Thu" },
	{ 2026, 4, 3, 30, 2026, 5, 7, 0,
	    "day 30 = Sat 05-02, then 05-03..05-06 -> Thu 05-07" },
	{ 2026, 8, 21, 30, 2026, 9, 24, 0,
	    "day 30 = Sat 09-19, Sun, 敬老, 国民の休日, 秋分 -> Thu" },
	{ 2026, 11, 30, 30, 2027, 1, 4, 0,
	    "day 30 = Tue 12-29, year end to Sun 01-03 -> Mon 01-04" },
	{ 2025, 11, 30, 30, 2026, 1, 5, 0,
	    "day 30 = Mon 12-29, year end, 01-04 is a Sunday -> Mon 01-05" },
	{ 2026, 9, 23, 60, 2026, 11, 24, 0,
	    "day 60 = Sat 11-21, Sun, Mon 勤労感謝の日 -> Tue 11-24" },
	{ 2026, 9, 23, 30, 2026, 10, 22, 0,
	    "discovered on a holiday: day 30 = Thu 10-22, open" },
	{ 2027, 2, 19, 30, 2027, 3, 23, 0,
	    "day 30 = Sat 03-20, 春分 Sun, 振替 Mon (gazetted) -> Tue" },
	{ 2028, 2, 20, 30, 2028, 3, 21, DEADLINE_PROVISIONAL,
	    "day 30 = Mon 03-20 春分 (leap February; provisional) -> Tue" },
	{ 2029, 8, 24, 30, 2029, 9, 25, DEADLINE_PROVISIONAL,
	    "day 30 = Sat 09-22, 秋分 Sun, 振替 Mon, provisional -> Tue" },
	{ 2035, 12, 1, 30, 2036, 1, 4, DEADLINE_OUT_OF_RANGE,
	    "day 30 = Sun 12-30, year end runs into 2036 -> Fri 01-04" },
	{ 2040, 1, 1, 1, 2040, 1, 4, DEADLINE_OUT_OF_RANGE,
	    "beyond the table: only the year end is known" },
};

static void
test_legal(void **state)
{
	for (size_t i = 0; i < sizeof dues / sizeof dues[0]; i++) {
		const struct due *c = &dues[i];
		int flags = 0;
		long got = deadline_legal(*state, D(c->y1, c->m1, c->d1), c->n,
		    &flags);
		char gs[11], ws[11];

		jtime_format_date(got, gs);
		jtime_format_date(D(c->y, c->m, c->d), ws);
		if (strcmp(gs, ws) != 0 || flags != c->flags)
			print_error("case %zu (%s): got %s flags %d\n", i,
			    c->why, gs, flags);
		assert_string_equal(gs, ws);
		assert_int_equal(flags, c->flags);
	}
}

static void
test_legal_null_flags(void **state)
{
	assert_int_equal(deadline_legal(*state, D(2026, 10, 5), 30, NULL),
	    D(2026, 11, 4));
}

/* Every due date in the table's years is an open day, and no open day is
 * skipped on the way: checks the loop against the closed-day predicate. */
static void
test_legal_invariants(void **state)
{
	struct holidays *h = *state;

	for (long day1 = D(2020, 1, 1); day1 < D(2035, 11, 1); day1++) {
		long due = deadline_legal(h, day1, 30, NULL);

		assert_true(due >= day1 + 29);
		assert_false(deadline_is_closed_day(h, due, NULL));
		for (long x = day1 + 29; x < due; x++)
			assert_true(deadline_is_closed_day(h, x, NULL));
		assert_true(due - (day1 + 29) <= 9);
	}
}

/* ---- the parser ---- */

static struct holidays *
parse_ok(const char *text)
{
	struct holidays *h = NULL;
	char err[256] = "";

	assert_int_equal(holidays_parse_string(text, strlen(text), "t.tsv", &h,
	    err, sizeof err), ST_OK);
	assert_string_equal(err, "");
	assert_non_null(h);
	return h;
}

static void
test_parse_minimal(void **state)
{
	struct holidays *h = parse_ok("2026-01-01\t元日\n");
	int first, last, p = -1;

	(void)state;
	holidays_range(h, &first, &last);
	assert_int_equal(first, 2026);
	assert_int_equal(last, 2026);
	assert_true(holidays_is_holiday(h, D(2026, 1, 1), &p));
	assert_int_equal(p, 0);
	assert_string_equal(holidays_name(h, D(2026, 1, 1)), "元日");
	assert_false(holidays_is_holiday(h, D(2026, 1, 2), &p));
	holidays_free(h);
}

/* Comments anywhere, blank and blank-looking lines, CRLF, no final newline,
 * lines out of order: all fine, and lookups still find everything. */
static void
test_parse_layout(void **state)
{
	struct holidays *h = parse_ok(
	    "# header\n"
	    "\n"
	    " \t \n"
	    "2026-11-03\t文化の日\r\n"
	    "2025-12-31\tlast\n"
	    "   # indented comment\n"
	    "2026-01-01\t元日\n"
	    "2027-09-23\t秋分の日\tprovisional\r\n"
	    "2026-05-05\tこどもの日");
	int first, last, p = -1;

	(void)state;
	holidays_range(h, &first, &last);
	assert_int_equal(first, 2025);
	assert_int_equal(last, 2027);
	assert_string_equal(holidays_name(h, D(2026, 11, 3)), "文化の日");
	assert_string_equal(holidays_name(h, D(2025, 12, 31)), "last");
	assert_string_equal(holidays_name(h, D(2026, 1, 1)), "元日");
	assert_string_equal(holidays_name(h, D(2026, 5, 5)), "こどもの日");
	assert_true(holidays_is_holiday(h, D(2027, 9, 23), &p));
	assert_int_equal(p, 1);
	assert_string_equal(holidays_name(h, D(2027, 9, 23)), "秋分の日");
	assert_true(holidays_is_holiday(h, D(2026, 11, 3), &p));
	assert_int_equal(p, 0);
	assert_false(holidays_is_holiday(h, D(2026, 11, 2), NULL));
	assert_false(holidays_is_holiday(h, D(2026, 11, 4), NULL));
	holidays_free(h);
}

/* A bigger out-of-order table: binary search must find every entry. */
static void
test_parse_sorts(void **state)
{
	struct buf b;
	struct holidays *h;
	char date[11];

	(void)state;
	buf_init(&b);
	for (int i = 199; i >= 0; i -= 2) {
		jtime_format_date(D(2026, 1, 1) + i, date);
		buf_addf(&b, "%s\tday%d\n", date, i);
	}
	for (int i = 0; i < 200; i += 2) {
		jtime_format_date(D(2026, 1, 1) + i, date);
		buf_addf(&b, "%s\tday%d\n", date, i);
	}
	h = parse_ok(b.s);
	for (int i = 0; i < 200; i++) {
		char want[16];

		snprintf(want, sizeof want, "day%d", i);
		assert_string_equal(holidays_name(h, D(2026, 1, 1) + i), want);
	}
	assert_null(holidays_name(h, D(2026, 1, 1) - 1));
	assert_null(holidays_name(h, D(2026, 1, 1) + 200));
	holidays_free(h);
	buf_free(&b);
}

struct bad {
	const char *text;
	const char *err;
};

#define FORM "expected YYYY-MM-DD<TAB>name[<TAB>provisional]"
#define REAL " (a real YYYY-MM-DD, 1900..2199)"
#define ONLY " (only \"provisional\")"

static const struct bad bad_tables[] = {
	{ "2026-01-01 元日\n", "t.tsv:1: " FORM },
	{ "# c\n2026-01-01\n", "t.tsv:2: " FORM },
	{ "2026-01-01\tA\n\n2026-02-11\n", "t.tsv:3: " FORM },
	{ "2026-01-01\tA\tprovisional\tx\n", "t.tsv:1: " FORM },
	{ "2026-02-30\tX\n",
	    "t.tsv:1: bad date \"2026-02-30\"" REAL },
	{ "2026-1-01\tX\n",
	    "t.tsv:1: bad date \"2026-1-01\"" REAL },
	{ "1899-12-31\tX\n",
	    "t.tsv:1: bad date \"1899-12-31\"" REAL },
	{ " 2026-01-01\tX\n",
	    "t.tsv:1: bad date \" 2026-01-01\"" REAL },
	{ "\tX\n", "t.tsv:1: bad date \"\"" REAL },
	{ "2026-01-01\t\n", "t.tsv:1: empty holiday name" },
	{ "2026-01-01\t\tprovisional\n", "t.tsv:1: empty holiday name" },
	{ "2026-01-01\tX\tmaybe\n",
	    "t.tsv:1: bad third column \"maybe\"" ONLY },
	{ "2026-01-01\tX\tProvisional\n",
	    "t.tsv:1: bad third column \"Provisional\"" ONLY },
	{ "2026-01-01\tX\tprovisional \n",
	    "t.tsv:1: bad third column \"provisional \"" ONLY },
	{ "2026-01-01\tX\t\n",
	    "t.tsv:1: bad third column \"\"" ONLY },
	{ "2026-01-01\tA\n2026-01-01\tB\n",
	    "t.tsv:2: duplicate date 2026-01-01 (first on line 1)" },
	{ "2026-05-05\tA\n2026-01-01\tB\r\n# c\n2026-05-05\tC\n",
	    "t.tsv:4: duplicate date 2026-05-05 (first on line 1)" },
	{ "", "t.tsv: no holidays listed" },
	{ "# only a comment\n\n", "t.tsv: no holidays listed" },
	{ "2025-01-01\tA\n2027-01-01\tB\n",
	    "t.tsv:2: no holidays for 2026, inside the years covered "
	    "2025..2027" },
};

static void
test_parse_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad_tables / sizeof bad_tables[0]; i++) {
		/* Not NULL beforehand, so the test sees it reset. */
		struct holidays *h = (struct holidays *)&h;
		char err[256] = "";

		assert_int_equal(holidays_parse_string(bad_tables[i].text,
		    strlen(bad_tables[i].text), "t.tsv", &h, err, sizeof err),
		    ST_CONFIG);
		assert_string_equal(err, bad_tables[i].err);
		assert_null(h);
	}
}

/* A NUL byte ends a C string; read as one, the table would lose the
 * holidays after it (and a due date would move) with nothing said. */
static void
test_parse_nul(void **state)
{
	static const char text[] = "2026-01-01\tA\n\0" "2026-05-05\tB\n";
	struct holidays *h = (struct holidays *)&h;
	char err[256] = "";

	(void)state;
	assert_int_equal(holidays_parse_string(text, sizeof text - 1, "t.tsv",
	    &h, err, sizeof err), ST_CONFIG);
	assert_string_equal(err, "t.tsv:2: NUL byte");
	assert_null(h);
}

static void
test_parse_odd_arguments(void **state)
{
	struct holidays *h;
	char err[256] = "";

	(void)state;
	assert_int_equal(holidays_parse_string(NULL, 0, "t.tsv", &h, err,
	    sizeof err), ST_CONFIG);
	assert_string_equal(err, "t.tsv: no holidays listed");
	assert_null(h);
	assert_int_equal(holidays_parse_string("x", 1, NULL, &h, err,
	    sizeof err), ST_CONFIG);
	assert_string_equal(err, "holidays:1: " FORM);
	/* No error buffer: still refused. */
	assert_int_equal(holidays_parse_string("x", 1, "t.tsv", &h, NULL, 0),
	    ST_CONFIG);
	assert_null(h);
	holidays_free(NULL);
}

static void
test_load_errors(void **state)
{
	struct holidays *h = (struct holidays *)&h;
	char err[256] = "";

	(void)state;
	assert_int_equal(holidays_load("data/no-such-holidays.tsv", &h, err,
	    sizeof err), ST_NOINPUT);
	assert_null(h);
	assert_non_null(strstr(err, "data/no-such-holidays.tsv"));
}

/* A FIFO is refused, not read: opened blocking, it would wait for a
 * writer forever (the alarm fails the test instead). */
static void
test_load_fifo(void **state)
{
	char dir[] = "/tmp/test_deadlineXXXXXX", path[64], err[256] = "";
	struct holidays *h = (struct holidays *)&h;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/holidays.tsv", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	alarm(10);
	assert_int_equal(holidays_load(path, &h, err, sizeof err), ST_CONFIG);
	alarm(0);
	assert_null(h);
	assert_non_null(strstr(err, "holidays.tsv: not a regular file"));
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_range),
		cmocka_unit_test(test_table_counts),
		cmocka_unit_test(test_table_2026),
		cmocka_unit_test(test_table_spot_checks),
		cmocka_unit_test(test_table_provisional),
		cmocka_unit_test(test_closed_days),
		cmocka_unit_test(test_closed_year_end),
		cmocka_unit_test(test_closed_out_of_range),
		cmocka_unit_test(test_closed_provisional),
		cmocka_unit_test(test_day_n),
		cmocka_unit_test(test_legal),
		cmocka_unit_test(test_legal_null_flags),
		cmocka_unit_test(test_legal_invariants),
		cmocka_unit_test(test_parse_minimal),
		cmocka_unit_test(test_parse_layout),
		cmocka_unit_test(test_parse_sorts),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_nul),
		cmocka_unit_test(test_parse_odd_arguments),
		cmocka_unit_test(test_load_errors),
		cmocka_unit_test(test_load_fifo),
	};

	return cmocka_run_group_tests_name("deadline", tests, setup_table,
	    teardown_table);
}
