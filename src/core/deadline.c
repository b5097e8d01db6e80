/*
 * deadline.c - the national-holiday table and the legal due dates of
 * docs/contract.md §5.
 *
 * Holidays are data (data/holidays.tsv), not code: the equinox days are only
 * gazetted a year ahead and the law has been amended for one-off events (the
 * 2020/2021 Olympics), so the table must be correctable without touching
 * C. The table is kept sorted by day for binary search and
 * records which years it covers, because "not a holiday" is only a fact
 * inside those years; outside them, and on days marked provisional, the
 * answer carries a DEADLINE_* flag so the user is told the date may move.
 *
 * Closed days follow the Act on Holidays of Administrative Organs (行政機関の
 * 休日に関する法律) Art. 1: Saturdays, Sundays, national holidays (including
 * 振替休日 and 国民の休日) and Dec 29 - Jan 3. Its Art. 2 moves a deadline that
 * ends on such a day to the next open day (docs/legal.md §2, "confirm").
 */
#include "deadline.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "jtime.h"
#include "util.h"

struct holiday {
	long day;		/* days since 1970-01-01 */
	int line;		/* where defined, for duplicate errors */
	int provisional;
	char *name;
};

struct holidays {
	struct holiday *v;	/* sorted by day, no duplicates */
	size_t n;
	size_t cap;
	int first;		/* years covered, inclusive */
	int last;
};

/* Index of the first entry whose day is >= day (n when none). */
static size_t
lower_bound(const struct holidays *h, long day)
{
	size_t lo = 0, hi = h->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h->v[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct holiday *
find(const struct holidays *h, long day)
{
	size_t i;

	if (h == NULL)
		return NULL;
	i = lower_bound(h, day);
	return i < h->n && h->v[i].day == day ? &h->v[i] : NULL;
}

/* Inserts in order. The file is normally sorted already, so this is an
 * append; a hand-edited line out of place still works. */
static int
insert(struct holidays *h, const struct holiday *e, const char *file,
    char *err, size_t errlen)
{
	size_t i = lower_bound(h, e->day);
	char date[11];

	if (i < h->n && h->v[i].day == e->day) {
		jtime_format_date(e->day, date);
		return err_set(err, errlen, ST_CONFIG,
		    _("%s:%d: duplicate date %s (first on line %d)"), file,
		    e->line, date, h->v[i].line);
	}
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 64;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	memmove(&h->v[i + 1], &h->v[i], (h->n - i) * sizeof *h->v);
	h->v[i] = *e;
	h->v[i].name = xstrdup(e->name);
	h->n++;
	return ST_OK;
}

static int
is_blank_or_comment(const char *s)
{
	s += strspn(s, " \t");
	return *s == '\0' || *s == '#';
}

/* Cuts s at its tabs into col[]; returns the number of columns, or max + 1
 * when there are more than max. */
static int
split_columns(char *s, char *col[], int max)
{
	int n = 0;

	for (;;) {
		if (n == max)
			return max + 1;
		col[n++] = s;
		if ((s = strchr(s, '\t')) == NULL)
			return n;
		*s++ = '\0';
	}
}

/* One data line, already cut at its newline and stripped of a '\r'. */
static int
parse_line(struct holidays *h, char *s, const char *file, int line,
    char *err, size_t errlen)
{
	struct holiday e = { .line = line };
	char *col[3];
	int n = split_columns(s, col, 3);

	if (n < 2 || n > 3)
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: expected YYYY-MM-DD<TAB>name[<TAB>provisional]"),
		    file, line);
	if (jtime_parse_date(col[0], &e.day) != 0)
		return err_set(err, errlen, ST_CONFIG,
		    _("%s:%d: bad date \"%.20s\" (a real YYYY-MM-DD, 1900..2199)"),
		    file, line, col[0]);
	if (*col[1] == '\0')
		return err_set(err, errlen, ST_CONFIG,
		    _("%s:%d: empty holiday name"), file, line);
	/* Only one word is allowed, so a typo cannot silently make a
	 * provisional day look gazetted. */
	if (n == 3 && strcmp(col[2], "provisional") != 0)
		return err_set(err, errlen, ST_CONFIG,
		    _("%s:%d: bad third column \"%.20s\" (only \"provisional\")"),
		    file, line, col[2]);
	e.name = col[1];
	e.provisional = n == 3;
	return insert(h, &e, file, err, errlen);
}

static int
parse_lines(struct holidays *h, char *text, const char *file, char *err,
    size_t errlen)
{
	char *s = text, *nl;
	int line = 0, rc;
	size_t len;

	for (; s != NULL; s = nl != NULL ? nl + 1 : NULL) {
		line++;
		if ((nl = strchr(s, '\n')) != NULL)
			*nl = '\0';
		len = strlen(s);
		if (len > 0 && s[len - 1] == '\r')
			s[len - 1] = '\0';
		if (is_blank_or_comment(s))
			continue;
		if ((rc = parse_line(h, s, file, line, err, errlen)) != ST_OK)
			return rc;
	}
	return ST_OK;
}

/* Fixes the covered years and refuses a table with a year missing inside
 * them: that year would read as "no holidays" without any flag. */
static int
set_range(struct holidays *h, const char *file, char *err, size_t errlen)
{
	int y, m, d, prev;

	if (h->n == 0)
		return err_set(err, errlen, ST_CONFIG, _("%s: no holidays listed"),
		    file);
	jtime_ymd_from_days(h->v[0].day, &h->first, &m, &d);
	jtime_ymd_from_days(h->v[h->n - 1].day, &h->last, &m, &d);
	prev = h->first;
	for (size_t i = 1; i < h->n; i++) {
		jtime_ymd_from_days(h->v[i].day, &y, &m, &d);
		if (y > prev + 1)
			return err_set(err, errlen, ST_CONFIG,
			    _("%s:%d: no holidays for %d, inside the years "
			    "covered %d..%d"), file, h->v[i].line, prev + 1,
			    h->first, h->last);
		prev = y;
	}
	return ST_OK;
}

int
holidays_parse_string(const char *text, size_t len, const char *name,
    struct holidays **out, char *err, size_t errlen)
{
	struct holidays *h = xcalloc(1, sizeof *h);
	char *copy;
	int rc;

	if (name == NULL)
		name = "holidays";
	rc = util_check_nul(text, text != NULL ? len : 0, name, ST_CONFIG,
	    err, errlen);
	if (rc == ST_OK) {
		copy = text != NULL ? xstrndup(text, len) : xstrdup("");
		rc = parse_lines(h, copy, name, err, errlen);
		free(copy);
	}
	if (rc == ST_OK)
		rc = set_range(h, name, err, errlen);
	if (rc != ST_OK) {
		holidays_free(h);
		h = NULL;
	}
	*out = h;
	return rc;
}

int
holidays_load(const char *path, struct holidays **out, char *err,
    size_t errlen)
{
	char *text;
	size_t len;
	int rc;

	*out = NULL;
	rc = util_read_data(path, &text, &len, err, errlen);
	if (rc != ST_OK)
		return rc;
	rc = holidays_parse_string(text, len, path, out, err, errlen);
	free(text);
	return rc;
}

void
holidays_free(struct holidays *h)
{
	if (h == NULL)
		return;
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i].name);
	free(h->v);
	free(h);
}

int
holidays_is_holiday(const struct holidays *h, long day, int *provisional)
{
	const struct holiday *e = find(h, day);

	if (provisional != NULL)
		*provisional = e != NULL && e->provisional;
	return e != NULL;
}

const char *
holidays_name(const struct holidays *h, long day)
{
	const struct holiday *e = find(h, day);

	return e != NULL ? e->name : NULL;
}

void
holidays_range(const struct holidays *h, int *first, int *last)
{
	*first = h->first;
	*last = h->last;
}

static int
is_year_end(int m, int d)
{
	return (m == 12 && d >= 29) || (m == 1 && d <= 3);
}

int
deadline_is_closed_day(const struct holidays *h, long day, int *flags)
{
	int y, m, d, wd = jtime_weekday(day), provisional, f = 0;
	int closed = wd == 0 || wd == 6;

	jtime_ymd_from_days(day, &y, &m, &d);
	closed |= is_year_end(m, d);
	/* A NULL table covers nothing: weekends and the year end still
	 * count, everything else is flagged as unknown. */
	if (h == NULL || y < h->first || y > h->last)
		f |= DEADLINE_OUT_OF_RANGE;
	if (holidays_is_holiday(h, day, &provisional)) {
		closed = 1;
		if (provisional)
			f |= DEADLINE_PROVISIONAL;
	}
	if (flags != NULL)
		*flags |= f;
	return closed;
}

long
deadline_day_n(long day1, int n)
{
	return day1 + n - 1;
}

long
deadline_legal(const struct holidays *h, long day1, int n, int *flags)
{
	long day = deadline_day_n(day1, n);

	/* Ends: the table is finite, and beyond it only weekends and
	 * Dec 29 - Jan 3 are closed. */
	while (deadline_is_closed_day(h, day, flags))
		day++;
	return day;
}
