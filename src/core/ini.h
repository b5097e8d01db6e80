/*
 * ini.h - the line syntax shared by every data file of anshin-ir (forms,
 * rules, drills, contacts, answers): UTF-8, an optional BOM, LF or CRLF,
 * '#' comment lines, "[type name]" section heads and "key = value" lines
 * split at the first '='. In values "\n" is a newline and "\\" a backslash;
 * any other backslash sequence is an error, so typos surface at load time.
 * Data files may continue a long value on indented lines (INI_CONTINUE).
 */
#ifndef ANSHIN_INI_H
#define ANSHIN_INI_H

#include <stddef.h>

#include "util.h"

struct ini_line {
	const char *section;	/* "[page start]" -> "page"; NULL before any */
	const char *name;	/* "[page start]" -> "start"; NULL if absent */
	const char *key;	/* NULL on the section head itself */
	const char *value;	/* unescaped, trimmed */
	int line;
};

/* Called for each section head (key NULL) and each key line. Returns
 * ST_OK or an error code, writing a message without position to err. */
typedef int (*ini_fn)(void *ud, const struct ini_line *l, char *err,
    size_t errlen);

/* For a "STEM.ja" or "STEM.en" key: stores value as that language of t
 * and sets *handled. Does nothing when *handled is already set or key is
 * not one of the two. ST_CONFIG when the language was given twice. */
int ini_set_tr(struct tr *t, const char *key, const char *stem,
    const char *value, int *handled, char *err, size_t errlen);

/* A block's name in a data file: a-z, 0-9 and _, not empty; with
 * letter_first, starting with a-z (rule ids double as expression names). */
int ini_valid_name(const char *s, int letter_first);

/* The escapes of a value, in place: \n is a newline, \\ a backslash,
 * any other backslash an error (ST_DATAERR, message in err). `set`
 * arguments share them with answers files. */
int ini_unescape(char *s, char *err, size_t errlen);

/* Continuation lines (the data files, not answers files, which
 * docs/contract.md §2 keeps to one key line per answer): a line that starts with a space or
 * a tab and is neither blank nor a comment continues the value of the key
 * line right above it (or of the continuation line above that). Each
 * line's piece is trimmed and unescaped, then joined to the value with a
 * space, or with nothing where either side is a wide character (CJK,
 * kana, full-width forms) or a line break: Japanese prose has no spaces
 * between words, English has one. The loader gets the whole value, with
 * the key line's number. An indented line with no value to continue (after
 * a section head, a blank line or a comment) is an error. */
#define INI_CONTINUE 1u

/* Parses text; on error returns the code with "NAME:LINE: message" in err.
 * Invalid UTF-8 is an error too, and so is a NUL byte anywhere: that one
 * is checked first, before any line is read (ST_DATAERR). flags: 0 or
 * INI_CONTINUE. */
int ini_parse_string(const char *text, size_t len, const char *name,
    unsigned flags, ini_fn fn, void *ud, char *err, size_t errlen);

#endif
