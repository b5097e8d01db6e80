/*
 * util.h - allocation wrappers that fail loudly, a growable string buffer,
 * error-message helpers, the sysexits status codes and the two languages.
 * Every other module includes this one; it includes nothing of ours.
 */
#ifndef ANSHIN_UTIL_H
#define ANSHIN_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Status codes: sysexits values, so main() can return them unchanged. */
enum status {
	ST_OK = 0,
	ST_REFUSED = 1,		/* close refused, verify broken, overdue found */
	ST_STALE = 2,		/* changed elsewhere since shown (model.h);
				 * the TUI shows it, never an exit status */
	ST_USAGE = 64,
	ST_DATAERR = 65,	/* bad answers, values, unknown action id */
	ST_NOINPUT = 66,	/* no such incident or file */
	ST_UNAVAILABLE = 69,	/* no usable terminal */
	ST_SOFTWARE = 70,
	ST_CANTCREAT = 73,
	ST_IOERR = 74,
	ST_TEMPFAIL = 75,	/* database busy */
	ST_NOPERM = 77,		/* unsafe permissions */
	ST_CONFIG = 78		/* invalid forms, rules, data or font */
};

enum lang { LANG_JA = 0, LANG_EN = 1, LANG_COUNT = 2 };

/* A text given in both languages; either may be NULL. */
struct tr {
	char *s[LANG_COUNT];
};

/* The text in `lang`, else the other language, else "". */
const char *tr_get(const struct tr *t, enum lang lang);
void tr_free(struct tr *t);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Formats into err (if non-NULL) and returns `code`, for one-line error returns. */
int err_set(char *err, size_t errlen, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A growable NUL-terminated byte buffer. */
struct buf {
	char *s;
	size_t len;
	size_t cap;
};
void buf_init(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
char *buf_steal(struct buf *b); /* returns the string (never NULL), resets b */
void buf_free(struct buf *b);

/* Reads a whole file; returns ST_OK, ST_NOINPUT (missing) or ST_IOERR. */
int util_read_file(const char *path, char **out, size_t *len, char *err, size_t errlen);

/* As util_read_file for a data file (forms, rules, drills, holidays,
 * contacts), which must be a regular file: anything else is ST_CONFIG,
 * found without waiting on it. No "-" for stdin. */
int util_read_data(const char *path, char **out, size_t *len, char *err,
    size_t errlen);

/* ST_OK, or `code` with "NAME:LINE: NUL byte" in err (LINE of the first
 * NUL) when text[0..len) holds one. Every parser cuts lines as C strings:
 * a NUL accepted would silently end the file there, and what follows it
 * (a phone number, a holiday) would read as never written. */
int util_check_nul(const char *text, size_t len, const char *name, int code,
    char *err, size_t errlen);

/* Trims ASCII spaces and tabs in place; returns s. */
char *util_trim(char *s);

/* A string list. */
struct strv {
	char **v;
	size_t n;
};
void strv_push(struct strv *sv, const char *s);
void strv_free(struct strv *sv);

#endif
