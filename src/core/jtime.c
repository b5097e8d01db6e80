/*
 * jtime.c - Japan time (+09:00): the civil calendar, the clock, and the one
 * strict parser and set of formatters every other module uses for times.
 *
 * Japan has kept a fixed +09:00 with no daylight saving since 1951, so a
 * constant offset is exact for every date this tool can meet. We never call
 * localtime/mktime or read TZ: a laptop set to UTC, or a CI box, must still
 * put a discovery at 23:30 on the right Japanese day, and that day is day 1
 * of a legal deadline. Civil dates use Howard Hinnant's days_from_civil /
 * civil_from_days (public domain): exact for the proleptic Gregorian
 * calendar, branch-light, no tables.
 *
 * Parsing is deliberately strict (fixed widths, no trailing text, years
 * 1900..2199): a time typed during an incident is evidence, so a typo must be
 * refused with a reason rather than guessed at.
 */
#include "jtime.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"
#include "util.h"

#define SECS_PER_DAY 86400
#define YEAR_MIN 1900
#define YEAR_MAX 2199
#define FORM_MSG N_("expected YYYY-MM-DD HH:MM[:SS]")

long
jtime_days_from_ymd(int y, int m, int d)
{
	/* Counting years from March puts the leap day last, so the day of
	 * the year needs no leap test. */
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
jtime_ymd_from_days(long days, int *y, int *m, int *d)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int mm = (int)(mp < 10 ? mp + 3 : mp - 9);

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

static int
is_leap(int y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

int
jtime_valid_ymd(int y, int m, int d)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && is_leap(y));
}

int
jtime_weekday(long days)
{
	/* 1970-01-01 was a Thursday; reduce first so adding cannot overflow
	 * and negative days still land in 0..6. */
	return (int)((days % 7 + 11) % 7);
}

/* Splits an instant into its Japan-time day and second of that day, with
 * floor semantics so instants before 1970 fall on the right day. */
static void
split(jtime_t t, long *day, long *sod)
{
	jtime_t q = t / SECS_PER_DAY, r = t % SECS_PER_DAY;

	if (r < 0) {
		r += SECS_PER_DAY;
		q--;
	}
	r += JTIME_OFFSET;	/* after dividing: cannot overflow */
	if (r >= SECS_PER_DAY) {
		r -= SECS_PER_DAY;
		q++;
	}
	*day = (long)q;
	*sod = (long)r;
}

long
jtime_day(jtime_t t)
{
	long day, sod;

	split(t, &day, &sod);
	return day;
}

jtime_t
jtime_now(void)
{
	const char *fixed = getenv("ANSHIN_IR_NOW");
	jtime_t t;

	/* A malformed fixed clock must not stop a live incident being
	 * recorded, so it falls back to the real one. */
	if (fixed != NULL && jtime_parse(fixed, &t, NULL, 0) == 0)
		return t;
	return (jtime_t)time(NULL);
}

/* Reads exactly n ASCII digits (isdigit would accept locale digits). */
static int
read_num(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

/* "YYYY-MM-DD" at s, fields only; the caller checks what follows. */
static int
read_ymd(const char *s, int *y, int *m, int *d)
{
	return read_num(s, 4, y) && s[4] == '-' && read_num(s + 5, 2, m) &&
	    s[7] == '-' && read_num(s + 8, 2, d);
}

/* Fields of "YYYY-MM-DD HH:MM[:SS]" (or 'T'): f = y, m, d, H, M, S. */
static int
read_form(const char *s, int f[6])
{
	size_t len = strlen(s);

	/* Fixed widths: 16 characters, or 19 with seconds. */
	if (len != 16 && len != 19)
		return 0;
	if (!read_ymd(s, &f[0], &f[1], &f[2]) ||
	    (s[10] != ' ' && s[10] != 'T') || !read_num(s + 11, 2, &f[3]) ||
	    s[13] != ':' || !read_num(s + 14, 2, &f[4]))
		return 0;
	f[5] = 0;
	return len == 16 || (s[16] == ':' && read_num(s + 17, 2, &f[5]));
}

int
jtime_parse(const char *s, jtime_t *out, char *err, size_t errlen)
{
	int f[6];

	if (s == NULL || !read_form(s, f))
		return err_set(err, errlen, JTIME_BAD_FORM, "%s", _(FORM_MSG));
	if (f[0] < YEAR_MIN || f[0] > YEAR_MAX)
		return err_set(err, errlen, -2, _("year %04d outside %d..%d"),
		    f[0], YEAR_MIN, YEAR_MAX);
	if (!jtime_valid_ymd(f[0], f[1], f[2]))
		return err_set(err, errlen, -2, _("impossible date %.10s"), s);
	/* No 24:00 and no leap second: Japan-time records never use them. */
	if (f[3] > 23 || f[4] > 59 || f[5] > 59)
		return err_set(err, errlen, -2, _("impossible time %s"), s + 11);
	*out = (jtime_t)jtime_days_from_ymd(f[0], f[1], f[2]) * SECS_PER_DAY +
	    f[3] * 3600 + f[4] * 60 + f[5] - JTIME_OFFSET;
	return 0;
}

int
jtime_parse_date(const char *s, long *days)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || !read_ymd(s, &y, &m, &d) ||
	    y < YEAR_MIN || y > YEAR_MAX || !jtime_valid_ymd(y, m, d))
		return -1;
	*days = jtime_days_from_ymd(y, m, d);
	return 0;
}

/* Writes v as exactly `width` digits and returns the end. Fixed widths mean
 * a buffer sized for the format can never overflow; a year outside
 * 0..9999, which neither the parsers nor the clock can produce, would wrap. */
static char *
put_num(char *p, long v, int width)
{
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

	for (int i = width - 1; i >= 0; i--) {
		p[i] = (char)('0' + u % 10);
		u /= 10;
	}
	return p + width;
}

/* "YYYY-MM-DD", 10 characters, not terminated. */
static char *
put_date(char *p, long days)
{
	int y, m, d;

	jtime_ymd_from_days(days, &y, &m, &d);
	p = put_num(p, y, 4);
	*p++ = '-';
	p = put_num(p, m, 2);
	*p++ = '-';
	return put_num(p, d, 2);
}

/* "YYYY-MM-DD?HH:MM" with separator sep, 16 characters, not terminated;
 * *sod receives the second of the day. */
static char *
put_minute(char *p, jtime_t t, char sep, long *sod)
{
	long day;

	split(t, &day, sod);
	p = put_date(p, day);
	*p++ = sep;
	p = put_num(p, *sod / 3600, 2);
	*p++ = ':';
	return put_num(p, *sod / 60 % 60, 2);
}

void
jtime_format_canon(jtime_t t, char out[20])
{
	long sod;
	char *p = put_minute(out, t, ' ', &sod);

	if (sod % 60 != 0) {
		*p++ = ':';
		p = put_num(p, sod % 60, 2);
	}
	*p = '\0';
}

void
jtime_format_minute(jtime_t t, char out[17])
{
	long sod;

	*put_minute(out, t, ' ', &sod) = '\0';
}

void
jtime_format_iso(jtime_t t, char out[26])
{
	long sod;
	char *p = put_minute(out, t, 'T', &sod);

	*p++ = ':';
	p = put_num(p, sod % 60, 2);
	memcpy(p, "+09:00", sizeof "+09:00");
}

void
jtime_format_date(long days, char out[11])
{
	*put_date(out, days) = '\0';
}
