/*
 * text.h - UTF-8 text for terminals and pages: decoding, display width
 * (East Asian wide = 2 columns, locale-independent), sanitising untrusted
 * text, escaping for machine formats, and line wrapping by measured width
 * with Japanese line-breaking rules (kinsoku).
 */
#ifndef ANSHIN_TEXT_H
#define ANSHIN_TEXT_H

#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT 0xFFFD

/* Decodes one code point at s (s[0] != 0); invalid or overlong sequences
 * give TEXT_REPLACEMENT and consume one byte. Returns the next position. */
const char *text_decode(const char *s, uint32_t *cp);
/* The first code point of s, or 0 when s is empty. */
uint32_t text_first_cp(const char *s);
/* The last code point of the len bytes at s, or 0 when len is 0. */
uint32_t text_last_cp(const char *s, size_t len);
/* Encodes cp into out (4 bytes max); returns the byte count. */
int text_encode(uint32_t cp, char out[4]);
struct buf;
/* Appends cp to b, encoded. */
void text_buf_add_cp(struct buf *b, uint32_t cp);
/* 1 if s is valid UTF-8 over its whole length n. */
int text_valid_utf8(const char *s, size_t n);

/* Checks text a person gives for the record (an answer, a note, a
 * reason, a name): valid UTF-8, no control character but tab (and newline
 * when `multiline`), no bidi control, at most `max` bytes. Returns 0, or
 * -1 with the reason in err (translated). */
int text_check_input(const char *s, int multiline, size_t max, char *err,
    size_t errlen);

/* Terminal columns of one code point: 0 (combining, zero-width), 1 or 2. */
int text_cp_width(uint32_t cp);
/* Terminal columns of a string. */
size_t text_width(const char *s);

/* A copy with control characters (C0 but for '\n' when keep_newlines,
 * DEL, C1), escape sequences (ESC and what follows it: CSI, OSC, ...) and
 * invalid UTF-8 neutralised: tabs become a space, the rest is dropped or
 * becomes U+FFFD. Also drops bidi overrides (U+202A-202E, U+2066-2069). */
char *text_sanitize(const char *s, int keep_newlines);

/* Copies the longest prefix of s that fits in `cols` columns into a new
 * string (never splitting a character). */
char *text_fit(const char *s, size_t cols);
/* The same, but a string that does not fit ends with TEXT_CUT_MARK, so a
 * cut never passes for the whole: ASCII, one column on every terminal
 * (U+2026 is two columns on some). */
#define TEXT_CUT_MARK "~"
char *text_fit_marked(const char *s, size_t cols);

/* Machine formats. tsv: tab, newline, CR and backslash as \t \n \r \\,
 * other control characters dropped. json: a quoted JSON string literal. */
char *text_escape_tsv(const char *s);
/* A value of an answers file (docs/contract.md §2): newline and backslash as \n
 * \\, tab kept, other control characters dropped. */
char *text_escape_answers(const char *s);
char *text_escape_json(const char *s);

/* Kinsoku: characters that may not start a line (、。」）ー etc.) and
 * characters that may not end a line (「（ etc.). */
int text_no_line_start(uint32_t cp);
int text_no_line_end(uint32_t cp);

/* Width of one code point in the caller's unit (columns, points...). */
typedef double (*text_measure_fn)(uint32_t cp, void *ud);
/* Column measure for terminals: text_cp_width. */
double text_measure_columns(uint32_t cp, void *ud);

struct text_lines {
	char **line;
	size_t n;
};

/* Wraps s into lines no wider than max: breaks at '\n', between any two
 * CJK characters, at spaces between Latin words (the space is dropped),
 * inside a too-long word when it must; never starts a line with a
 * text_no_line_start character nor ends one with a text_no_line_end one
 * (pulling the previous character down instead, unless the line would be
 * empty). Always makes progress, also when max is smaller than one glyph. */
void text_wrap(const char *s, double max, text_measure_fn measure, void *ud,
    struct text_lines *out);
/* Print typesetting (the PDF), on top of text_wrap's rules:
 * TEXT_WRAP_WORDS never breaks inside a run of ASCII letters, digits and
 * signs (a word, a number, an ID such as MCS-20261005-0042), between a
 * digit and the CJK character touching it (約42人, 第2026-10-1234号,
 * 2026年10月5日) nor inside a katakana word (ケアマネジャー): the line
 * breaks before such a run, which is split only when a whole line cannot
 * hold it. TEXT_WRAP_HYPHEN ends the first part of a split English word
 * (ASCII letters only, two or more on each side) with a hyphen that is
 * not in s; numbers and IDs are split without one. */
enum { TEXT_WRAP_WORDS = 1, TEXT_WRAP_HYPHEN = 2 };
void text_wrap_opts(const char *s, double max, text_measure_fn measure,
    void *ud, unsigned flags, struct text_lines *out);
void text_lines_free(struct text_lines *l);

#endif
