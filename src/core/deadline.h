/*
 * deadline.h - Japanese national holidays (from data/holidays.tsv) and the
 * legal due dates of docs/contract.md §5: counting from the day of discovery as
 * day 1, moving a final deadline forward past Saturdays, Sundays, national
 * holidays and Dec 29 - Jan 3.
 */
#ifndef ANSHIN_DEADLINE_H
#define ANSHIN_DEADLINE_H

#include <stddef.h>

struct holidays;

/* Flags saying how far a computed date can be trusted. */
enum {
	DEADLINE_PROVISIONAL = 1,	/* rests on a holiday not yet gazetted */
	DEADLINE_OUT_OF_RANGE = 2	/* a year the table does not cover */
};

/* Parses the holidays table: "YYYY-MM-DD<TAB>name[<TAB>provisional]" lines,
 * '#' comments and blank lines, len bytes. Errors: "NAME:LINE: message",
 * ST_CONFIG. */
int holidays_parse_string(const char *text, size_t len, const char *name,
    struct holidays **out, char *err, size_t errlen);
int holidays_load(const char *path, struct holidays **out, char *err, size_t errlen);
void holidays_free(struct holidays *h);

/* 1 if `day` (days since epoch) is a national holiday; sets *provisional. */
int holidays_is_holiday(const struct holidays *h, long day, int *provisional);
const char *holidays_name(const struct holidays *h, long day);
/* First and last year the table covers. */
void holidays_range(const struct holidays *h, int *first, int *last);

/* 1 if `day` is a Saturday, Sunday, holiday or Dec 29 - Jan 3. Ors
 * DEADLINE_* into *flags (may be NULL) when the answer is uncertain. */
int deadline_is_closed_day(const struct holidays *h, long day, int *flags);

/* Day n counting `day1` as day 1, as is (the preliminary target). */
long deadline_day_n(long day1, int n);

/* Day n counting `day1` as day 1, moved forward while a closed day. */
long deadline_legal(const struct holidays *h, long day1, int n, int *flags);

#endif
