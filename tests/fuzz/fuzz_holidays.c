/*
 * fuzz_holidays.c - libFuzzer target for the holiday table and the legal
 * due dates (holidays_parse_string, deadline_* in src/core/deadline.c) and for
 * the strict time parser underneath (jtime_parse, jtime_parse_date in
 * src/core/jtime.c).
 *
 * data/holidays.tsv is corrected by hand each year when the equinox days
 * are gazetted; a wrong due date for a PPC report is a legal failure, so
 * the target checks more than memory safety: a table that loads covers
 * its years without a gap, each listed day is a holiday, a final deadline
 * never lands on a closed day nor before day n, and the whole input read
 * as a time or a date either fails or survives a format/parse round trip.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_holidays"
#include "fuzz.h"

#include "deadline.h"
#include "jtime.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Both time forms: a parsed time formats to a string that parses back to
 * the same instant, and a parsed date formats back to the input. */
static void
check_times(const char *s)
{
	char out[26], err[128];
	jtime_t t, t2;
	long day;

	if (jtime_parse(s, &t, err, sizeof err) == 0) {
		jtime_format_canon(t, out);
		fuzz_check(jtime_parse(out, &t2, NULL, 0) == 0 && t2 == t,
		    "canonical time does not parse back", s);
		jtime_format_iso(t, out);
		fuzz_check(strlen(out) == 25 && strcmp(out + 19, "+09:00") == 0,
		    "ISO time malformed", out);
		fuzz_check(jtime_day(t) == jtime_days_from_ymd(atoi(s),
		    atoi(s + 5), atoi(s + 8)), "Japan day differs from the "
		    "date typed", s);
	} else {
		fuzz_check(err[0] != '\0', "time refused without a reason", s);
	}
	if (jtime_parse_date(s, &day) == 0) {
		jtime_format_date(day, out);
		fuzz_check(strcmp(out, s) == 0, "date does not format back", s);
	}
}

/* A final deadline for every day1 near each holiday. */
static void
check_deadlines(const struct holidays *h, long day1)
{
	static const int ns[] = { 1, 5, 30, 60 };
	long due;
	int flags;

	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
		flags = 0;
		due = deadline_legal(h, day1, ns[i], &flags);
		fuzz_check(due >= deadline_day_n(day1, ns[i]),
		    "deadline before day n", "");
		fuzz_check(!deadline_is_closed_day(h, due, NULL),
		    "deadline on a closed day", "");
		fuzz_check((flags & ~(DEADLINE_PROVISIONAL |
		    DEADLINE_OUT_OF_RANGE)) == 0, "unknown deadline flag", "");
	}
}

static void
exercise(const struct holidays *h, const char *text)
{
	const char *line;
	char date[11];
	int first, last, provisional;
	long day;

	holidays_range(h, &first, &last);
	fuzz_check(first >= 1900 && first <= last && last <= 2199,
	    "covered years out of order", text);
	/* Each line that starts with a date names a holiday. */
	for (line = text; line != NULL; line = strchr(line, '\n')) {
		if (*line == '\n')
			line++;
		memcpy(date, line, strnlen(line, 10));
		date[strnlen(line, 10)] = '\0';
		if (jtime_parse_date(date, &day) != 0)
			continue;
		fuzz_check(holidays_is_holiday(h, day, &provisional) &&
		    holidays_name(h, day) != NULL, "listed day is no holiday",
		    date);
		check_deadlines(h, day - 1);
	}
	check_deadlines(h, jtime_days_from_ymd(first, 12, 27));
	check_deadlines(h, jtime_days_from_ymd(last, 12, 27));
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size), err[512];
	struct holidays *h = NULL;
	int rc;

	check_times(text);
	err[0] = '\0';
	rc = holidays_parse_string((const char *)data, size, "fuzz.tsv", &h,
	    err, sizeof err);
	fuzz_check_nul(data, size, rc, err, "fuzz.tsv");
	if (rc == ST_OK) {
		fuzz_check(h != NULL, "ok without a table", text);
		exercise(h, text);
	} else {
		fuzz_check(rc == ST_CONFIG && h == NULL,
		    "error without ST_CONFIG", err);
		fuzz_check(strncmp(err, "fuzz.tsv:", 9) == 0,
		    "error message does not start with the file name", err);
	}
	holidays_free(h);
	free(text);
	return 0;
}
