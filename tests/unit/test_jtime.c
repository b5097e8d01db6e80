/*
 * test_jtime.c - Japan-time calendar, strict parsing, formatting, and the
 * $ANSHIN_IR_NOW clock. Expected instants were computed independently
 * (Python's datetime with a +09:00 zone), not with the code under test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jtime.h"

static void
test_days_known(void **state)
{
	(void)state;
	assert_int_equal(jtime_days_from_ymd(1970, 1, 1), 0);
	assert_int_equal(jtime_days_from_ymd(1969, 12, 31), -1);
	assert_int_equal(jtime_days_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(jtime_days_from_ymd(1900, 1, 1), -25567);
	assert_int_equal(jtime_days_from_ymd(2199, 12, 31), 84005);
	assert_int_equal(jtime_days_from_ymd(2026, 11, 25), 20782);
}

/* Walks every valid date of the supported years in order: each must be the
 * day after the previous one, and convert back to itself. */
static void
test_days_walk(void **state)
{
	long expect = jtime_days_from_ymd(1900, 1, 1);
	int y, m, d, yy, mm, dd, count = 0;

	(void)state;
	for (y = 1900; y <= 2199; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= 31; d++) {
				if (!jtime_valid_ymd(y, m, d))
					continue;
				assert_int_equal(jtime_days_from_ymd(y, m, d),
				    expect);
				jtime_ymd_from_days(expect, &yy, &mm, &dd);
				assert_int_equal(yy, y);
				assert_int_equal(mm, m);
				assert_int_equal(dd, d);
				expect++;
				count++;
			}
	/* 300 years, 73 of them leap (1900, 2100 are not; 2000 is). */
	assert_int_equal(count, 300 * 365 + 73);
}

static void
test_days_far(void **state)
{
	int y, m, d;

	(void)state;
	for (long day = -1000000; day <= 1000000; day += 997) {
		jtime_ymd_from_days(day, &y, &m, &d);
		assert_true(jtime_valid_ymd(y, m, d));
		assert_int_equal(jtime_days_from_ymd(y, m, d), day);
	}
	jtime_ymd_from_days(-719528, &y, &m, &d);	/* year 0, proleptic */
	assert_int_equal(y, 0);
	assert_int_equal(m, 1);
	assert_int_equal(d, 1);
}

static void
test_valid_ymd(void **state)
{
	(void)state;
	assert_true(jtime_valid_ymd(2024, 2, 29));
	assert_true(jtime_valid_ymd(2000, 2, 29));
	assert_false(jtime_valid_ymd(2100, 2, 29));
	assert_false(jtime_valid_ymd(1900, 2, 29));
	assert_false(jtime_valid_ymd(2026, 2, 29));
	assert_false(jtime_valid_ymd(2026, 2, 30));
	assert_true(jtime_valid_ymd(2026, 4, 30));
	assert_false(jtime_valid_ymd(2026, 4, 31));
	assert_true(jtime_valid_ymd(2026, 12, 31));
	assert_false(jtime_valid_ymd(2026, 13, 1));
	assert_false(jtime_valid_ymd(2026, 0, 1));
	assert_false(jtime_valid_ymd(2026, 1, 0));
	assert_false(jtime_valid_ymd(2026, 1, -1));
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(jtime_weekday(0), 4);	/* 1970-01-01 Thu */
	assert_int_equal(jtime_weekday(-1), 3);	/* 1969-12-31 Wed */
	assert_int_equal(jtime_weekday(-25567), 1);	/* 1900-01-01 Mon */
	assert_int_equal(jtime_weekday(20782), 3);	/* 2026-11-25 Wed */
	assert_int_equal(jtime_weekday(84005), 2);	/* 2199-12-31 Tue */
	assert_int_equal(jtime_weekday(jtime_days_from_ymd(2026, 11, 29)), 0);
	assert_int_equal(jtime_weekday(jtime_days_from_ymd(2026, 11, 28)), 6);
	for (long day = -30; day < 30; day++)
		assert_int_equal(jtime_weekday(day + 7), jtime_weekday(day));
}

/* The Japan-time day changes at 15:00 UTC, whatever the host zone. */
static void
test_day_boundaries(void **state)
{
	(void)state;
	assert_int_equal(jtime_day(0), 0);
	assert_int_equal(jtime_day(15 * 3600 - 1), 0);
	assert_int_equal(jtime_day(15 * 3600), 1);
	assert_int_equal(jtime_day(-9 * 3600), 0);
	assert_int_equal(jtime_day(-9 * 3600 - 1), -1);
	assert_int_equal(jtime_day(-9 * 3600 - 86400), -1);
	assert_int_equal(jtime_day(-9 * 3600 - 86401), -2);
	assert_int_equal(jtime_day(1795570200), 20782);
}

static void
test_parse_forms(void **state)
{
	char err[128] = "";
	jtime_t t;

	(void)state;
	assert_int_equal(jtime_parse("2026-11-25 10:30", &t, err, sizeof err),
	    0);
	assert_int_equal(t, 1795570200);
	assert_int_equal(jtime_parse("2026-11-25T10:30", &t, err, sizeof err),
	    0);
	assert_int_equal(t, 1795570200);
	assert_int_equal(jtime_parse("2026-11-25 10:30:00", &t, err,
	    sizeof err), 0);
	assert_int_equal(t, 1795570200);
	assert_int_equal(jtime_parse("2024-02-29T12:34:56", &t, err,
	    sizeof err), 0);
	assert_int_equal(t, 1709177696);
	assert_int_equal(jtime_parse("1970-01-01 09:00", &t, err, sizeof err),
	    0);
	assert_int_equal(t, 0);
	assert_int_equal(jtime_parse("1900-01-01 00:00", &t, err, sizeof err),
	    0);
	assert_int_equal(t, -2209021200LL);
	assert_int_equal(jtime_parse("2199-12-31 23:59:59", &t, err,
	    sizeof err), 0);
	assert_int_equal(t, 7258085999LL);
	assert_string_equal(err, "");
}

struct bad {
	const char *in;
	const char *why;
};

#define FORM "expected YYYY-MM-DD HH:MM[:SS]"

static const struct bad bad_times[] = {
	{ "", FORM },
	{ "2026-11-25", FORM },
	{ "2026-11-25 10:30 ", FORM },
	{ "2026-11-25 10:30Z", FORM },
	{ "2026-11-25 10:30:00x", FORM },
	{ "2026-11-25T10:30:00+09:00", FORM },
	{ " 2026-11-25 10:30", FORM },
	{ "2026-1-05 10:30", FORM },
	{ "2026-11-5 10:30", FORM },
	{ "2026-11-25 9:30", FORM },
	{ "2026-11-25 10:3", FORM },
	{ "2026-11-25 10:30:5", FORM },
	{ "026-11-25 10:30", FORM },
	{ "2026/11/25 10:30", FORM },
	{ "2026-11-25t10:30", FORM },
	{ "2026-11-25  10:30", FORM },
	{ "2026-11-25 10-30", FORM },
	{ "2026-11-25 10:30-00", FORM },
	{ "+026-11-25 10:30", FORM },
	{ "2026-11-25 1a:30", FORM },
	{ "2026-02-30 10:00", "impossible date 2026-02-30" },
	{ "2025-02-29 10:00", "impossible date 2025-02-29" },
	{ "2100-02-29 10:00", "impossible date 2100-02-29" },
	{ "2026-13-01 10:00", "impossible date 2026-13-01" },
	{ "2026-00-10 10:00", "impossible date 2026-00-10" },
	{ "2026-11-00 10:00", "impossible date 2026-11-00" },
	{ "2026-04-31T10:00:00", "impossible date 2026-04-31" },
	{ "2026-11-25 24:00", "impossible time 24:00" },
	{ "2026-11-25 23:60", "impossible time 23:60" },
	{ "2026-11-25 23:59:60", "impossible time 23:59:60" },
	{ "2026-11-25T99:99:99", "impossible time 99:99:99" },
	{ "1899-12-31 23:59", "year 1899 outside 1900..2199" },
	{ "2200-01-01 00:00", "year 2200 outside 1900..2199" },
	{ "0000-01-01 00:00", "year 0000 outside 1900..2199" },
};

static void
test_parse_rejects(void **state)
{
	char err[128];
	jtime_t t;

	(void)state;
	for (size_t i = 0; i < sizeof bad_times / sizeof bad_times[0]; i++) {
		t = 12345;
		strcpy(err, "unset");
		/* the form's message names the form; the rest say why */
		assert_int_equal(jtime_parse(bad_times[i].in, &t, err,
		    sizeof err), strcmp(bad_times[i].why, FORM) == 0 ?
		    JTIME_BAD_FORM : -2);
		assert_string_equal(err, bad_times[i].why);
		assert_int_equal(t, 12345);	/* out untouched */
	}
	assert_int_equal(jtime_parse(NULL, &t, err, sizeof err),
	    JTIME_BAD_FORM);
	assert_string_equal(err, FORM);
}

static void
test_parse_err_buffer(void **state)
{
	char err[8];
	jtime_t t = 7;

	(void)state;
	/* No buffer at all is allowed (jtime_now relies on it). */
	assert_int_equal(jtime_parse("2026-02-30 10:00", &t, NULL, 0), -2);
	assert_int_equal(jtime_parse("2026-02-30 10:00", &t, err, 0), -2);
	/* A short buffer truncates but stays terminated. */
	assert_int_equal(jtime_parse("2026-02-30 10:00", &t, err, sizeof err),
	    -2);
	assert_string_equal(err, "impossi");
	assert_int_equal(t, 7);
}

static void
test_parse_date(void **state)
{
	static const char *const bad[] = {
		"", "2026-02-30", "2026-11-5", "2026-1-05", "2026-11-25 ",
		" 2026-11-25", "2026-11-25 10:30", "2026/11/25", "1899-12-31",
		"2200-01-01", "2026-13-01", "20261125",
	};
	long day;

	(void)state;
	assert_int_equal(jtime_parse_date("2026-11-25", &day), 0);
	assert_int_equal(day, 20782);
	assert_int_equal(jtime_parse_date("1900-01-01", &day), 0);
	assert_int_equal(day, -25567);
	assert_int_equal(jtime_parse_date("2199-12-31", &day), 0);
	assert_int_equal(day, 84005);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		day = 99;
		assert_int_equal(jtime_parse_date(bad[i], &day), -1);
		assert_int_equal(day, 99);
	}
	assert_int_equal(jtime_parse_date(NULL, &day), -1);
}

static void
test_format(void **state)
{
	char canon[20], minute[17], iso[26], date[11];

	(void)state;
	jtime_format_canon(1795570200, canon);
	assert_string_equal(canon, "2026-11-25 10:30");
	jtime_format_canon(1709177696, canon);
	assert_string_equal(canon, "2024-02-29 12:34:56");
	jtime_format_minute(1709177696, minute);
	assert_string_equal(minute, "2024-02-29 12:34");
	jtime_format_iso(1709177696, iso);
	assert_string_equal(iso, "2024-02-29T12:34:56+09:00");
	jtime_format_iso(1795570200, iso);
	assert_string_equal(iso, "2026-11-25T10:30:00+09:00");
	jtime_format_date(20782, date);
	assert_string_equal(date, "2026-11-25");
	jtime_format_date(-25567, date);
	assert_string_equal(date, "1900-01-01");
	/* Before the epoch, and the end of the supported range: the longest
	 * outputs fill their buffers exactly. */
	jtime_format_canon(-1, canon);
	assert_string_equal(canon, "1970-01-01 08:59:59");
	jtime_format_canon(-32401, canon);
	assert_string_equal(canon, "1969-12-31 23:59:59");
	jtime_format_iso(7258085999LL, iso);
	assert_string_equal(iso, "2199-12-31T23:59:59+09:00");
	jtime_format_minute(-2209021200LL, minute);
	assert_string_equal(minute, "1900-01-01 00:00");
}

static void
test_round_trip(void **state)
{
	char canon[20], iso[26];
	jtime_t back;

	(void)state;
	for (jtime_t t = -2209021200LL; t <= 7258085999LL; t += 7919 * 3607) {
		jtime_format_canon(t, canon);
		assert_int_equal(jtime_parse(canon, &back, NULL, 0), 0);
		assert_int_equal(back, t);
		jtime_format_iso(t, iso);
		iso[19] = '\0';	/* the parser takes no zone suffix */
		assert_int_equal(jtime_parse(iso, &back, NULL, 0), 0);
		assert_int_equal(back, t);
		/* The day holds the instant's Japan-time wall clock. */
		assert_in_range(t + 9 * 3600 - jtime_day(t) * 86400LL, 0,
		    86399);
	}
}

/* The host zone must not matter: the code never asks for it. */
static void
test_host_tz_ignored(void **state)
{
	char canon[20];
	jtime_t t;

	(void)state;
	setenv("TZ", "America/Los_Angeles", 1);
	tzset();
	assert_int_equal(jtime_parse("2026-11-25 23:30", &t, NULL, 0), 0);
	assert_int_equal(t, 1795570200 + 13 * 3600);
	assert_int_equal(jtime_day(t), 20782);
	jtime_format_canon(t, canon);
	assert_string_equal(canon, "2026-11-25 23:30");
	unsetenv("TZ");
	tzset();
}

static void
test_now(void **state)
{
	time_t before, after;
	jtime_t t;

	(void)state;
	setenv("ANSHIN_IR_NOW", "2026-11-25 10:30", 1);
	assert_int_equal(jtime_now(), 1795570200);
	setenv("ANSHIN_IR_NOW", "2026-11-25 10:30:15", 1);
	assert_int_equal(jtime_now(), 1795570215);
	setenv("ANSHIN_IR_NOW", "2026-11-25T10:30", 1);
	assert_int_equal(jtime_now(), 1795570200);

	/* Malformed or unset: the real clock. */
	static const char *const bad[] = { "2026-11-25 25:00", "yesterday",
		"", "2026-11-25" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		setenv("ANSHIN_IR_NOW", bad[i], 1);
		before = time(NULL);
		t = jtime_now();
		after = time(NULL);
		assert_in_range(t, before, after);
	}
	unsetenv("ANSHIN_IR_NOW");
	before = time(NULL);
	t = jtime_now();
	after = time(NULL);
	assert_in_range(t, before, after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_known),
		cmocka_unit_test(test_days_walk),
		cmocka_unit_test(test_days_far),
		cmocka_unit_test(test_valid_ymd),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_day_boundaries),
		cmocka_unit_test(test_parse_forms),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_parse_err_buffer),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_host_tz_ignored),
		cmocka_unit_test(test_now),
	};

	return cmocka_run_group_tests_name("jtime", tests, NULL, NULL);
}
