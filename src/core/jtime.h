/*
 * jtime.h - Japan time (+09:00, no DST), whatever the host's time zone.
 * Instants are seconds since the Unix epoch (UTC); days are whole days since
 * 1970-01-01 counted in Japan time. Parsing and formatting use the the
 * contract's (docs/contract.md) forms: "YYYY-MM-DD HH:MM[:SS]" or with 'T', and
 * ISO 8601 with "+09:00".
 */
#ifndef ANSHIN_JTIME_H
#define ANSHIN_JTIME_H

#include <stddef.h>
#include <stdint.h>

#define JTIME_OFFSET (9 * 3600)

typedef int64_t jtime_t;	/* seconds since epoch */

/* Now, or $ANSHIN_IR_NOW ("YYYY-MM-DD HH:MM[:SS]", Japan time) when set:
 * tests and drills need a fixed clock. */
jtime_t jtime_now(void);

/* Days since 1970-01-01 for a civil date (proleptic Gregorian). */
long jtime_days_from_ymd(int y, int m, int d);
void jtime_ymd_from_days(long days, int *y, int *m, int *d);
int jtime_valid_ymd(int y, int m, int d);
/* 0 = Sunday ... 6 = Saturday */
int jtime_weekday(long days);

/* The Japan-time day an instant falls on. */
long jtime_day(jtime_t t);

/* Parses "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DDTHH:MM[:SS]" as Japan time.
 * Returns 0; JTIME_BAD_FORM when s is not of that form (err says which
 * form is expected); -2 for an impossible date or time (err says why). */
#define JTIME_BAD_FORM (-1)
int jtime_parse(const char *s, jtime_t *out, char *err, size_t errlen);
/* Parses "YYYY-MM-DD"; returns 0 or -1. */
int jtime_parse_date(const char *s, long *days);

/* "YYYY-MM-DD HH:MM", or with ":SS" when the seconds are not zero. */
void jtime_format_canon(jtime_t t, char out[20]);
/* "YYYY-MM-DD HH:MM" */
void jtime_format_minute(jtime_t t, char out[17]);
/* "YYYY-MM-DDTHH:MM:SS+09:00" */
void jtime_format_iso(jtime_t t, char out[26]);
/* "YYYY-MM-DD" */
void jtime_format_date(long days, char out[11]);

#endif
