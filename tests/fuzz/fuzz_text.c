/*
 * fuzz_text.c - libFuzzer target for src/core/text.c and src/core/text_wrap.c:
 * UTF-8 validation, display width, sanitising, tsv/json/answers
 * escaping, fitting and kinsoku wrapping.
 *
 * Every stored or loaded string reaches a terminal or a machine format
 * through these functions, so besides memory safety (ASan/UBSan) the target
 * checks what the callers rely on: sanitised text holds no ESC, C0 (but a
 * kept newline), DEL, C1 or bidi override and is stable when sanitised
 * again; tsv has no raw tab, newline, control or bidi override; json is
 * one quoted literal with none of them either; an answers value has none
 * of them but tabs; text_fit never exceeds its columns; wrapping, with
 * the terminal's rules and with the print rules (words kept whole, a
 * hyphen added to a split English word), loses no character and only
 * overflows a line that holds a single glyph.
 * The first input byte picks the width; the rest is the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_text"
#include "fuzz.h"

#include "text.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Calls fn for each code point of s, as text_decode reads it. */
static int
has_cp(const char *s, int (*bad)(uint32_t cp, int keep_newlines),
    int keep_newlines)
{
	uint32_t cp;

	while (*s != '\0') {
		s = text_decode(s, &cp);
		if (bad(cp, keep_newlines))
			return 1;
	}
	return 0;
}

static int
unsafe_for_terminal(uint32_t cp, int keep_newlines)
{
	if (cp == '\n')
		return !keep_newlines;
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static int
raw_control(uint32_t cp, int unused)
{
	(void)unused;
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

static int
control_or_bidi(uint32_t cp, int unused)
{
	return raw_control(cp, unused) || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

static int
control_or_bidi_but_tab(uint32_t cp, int unused)
{
	return cp != '\t' && control_or_bidi(cp, unused);
}

static void
check_sanitize(const char *s, int keep_newlines)
{
	char *out = text_sanitize(s, keep_newlines), *again;

	fuzz_check(text_valid_utf8(out, strlen(out)), "sanitize: invalid UTF-8",
	    s);
	fuzz_check(!has_cp(out, unsafe_for_terminal, keep_newlines),
	    "sanitize: control, escape or bidi character left", s);
	again = text_sanitize(out, keep_newlines);
	fuzz_check(strcmp(out, again) == 0, "sanitize: not stable", s);
	free(again);
	free(out);
}

static void
check_escapes(const char *s)
{
	char *tsv = text_escape_tsv(s), *json = text_escape_json(s);
	char *answer = text_escape_answers(s);
	size_t n = strlen(json);

	fuzz_check(!has_cp(answer, control_or_bidi_but_tab, 0),
	    "answers: raw control or bidi", s);
	fuzz_check(text_valid_utf8(answer, strlen(answer)),
	    "answers: invalid UTF-8", s);
	free(answer);
	fuzz_check(!has_cp(tsv, control_or_bidi, 0), "tsv: raw control or bidi",
	    s);
	fuzz_check(text_valid_utf8(tsv, strlen(tsv)), "tsv: invalid UTF-8", s);
	fuzz_check(n >= 2 && json[0] == '"' && json[n - 1] == '"',
	    "json: not one quoted literal", s);
	fuzz_check(!has_cp(json, control_or_bidi, 0),
	    "json: raw control or bidi", s);
	fuzz_check(text_valid_utf8(json, n), "json: invalid UTF-8", s);
	/* An unescaped quote inside would end the literal early. */
	for (size_t i = 1; i + 1 < n; i++)
		if (json[i] == '\\')
			i++;
		else
			fuzz_check(json[i] != '"', "json: raw quote inside", s);
	free(tsv);
	free(json);
}

static void
check_fit(const char *s, size_t cols)
{
	char *fit = text_fit(s, cols);

	fuzz_check(text_width(fit) <= cols, "fit: wider than cols", s);
	fuzz_check(strncmp(fit, s, strlen(fit)) == 0, "fit: not a prefix", s);
	free(fit);
}

/* Code points of s that wrapping must keep: all but spaces, tabs, the
 * newlines it breaks at and a CR before one; with the print rules also
 * but hyphens (a split English word gains one). */
static size_t
kept_cps(const char *s, uint32_t *out, unsigned flags)
{
	size_t n = 0;
	uint32_t cp;

	while (*s != '\0') {
		if (s[0] == '\r' && s[1] == '\n') {
			s++;
			continue;
		}
		s = text_decode(s, &cp);
		if (cp != ' ' && cp != '\t' && cp != '\n' &&
		    !((flags & TEXT_WRAP_HYPHEN) && cp == '-'))
			out[n++] = cp;
	}
	return n;
}

/* Glyphs of a line: code points of nonzero width, but for those glued to
 * the one before by a zero-width joiner (wrapping keeps such a sequence
 * whole, as terminals draw it as one picture). */
static size_t
glyphs(const char *s)
{
	size_t n = 0;
	uint32_t cp, prev = 0;

	while (*s != '\0') {
		s = text_decode(s, &cp);
		n += text_cp_width(cp) > 0 && prev != 0x200D;
		prev = cp;
	}
	return n;
}

/* text_wrap (flags 0) and the print rules of text_wrap_opts: lines no
 * wider than max unless of one glyph, nothing lost or added. */
static void
check_wrap(const char *s, double max, unsigned flags)
{
	struct text_lines l;
	struct buf joined;
	size_t nin, nout, i;
	uint32_t *in, *out;

	if (flags == 0)
		text_wrap(s, max, NULL, NULL, &l);
	else
		text_wrap_opts(s, max, NULL, NULL, flags, &l);
	fuzz_check(l.n >= 1, "wrap: no line", s);
	buf_init(&joined);
	for (i = 0; i < l.n; i++) {
		fuzz_check(text_width(l.line[i]) <= max ||
		    glyphs(l.line[i]) <= 1,
		    "wrap: line wider than max with more than one glyph", s);
		fuzz_check(strchr(l.line[i], '\n') == NULL,
		    "wrap: newline in a line", s);
		/* A space between lines: dropped by kept_cps, special to
		 * nothing else. */
		buf_adds(&joined, l.line[i]);
		buf_addc(&joined, ' ');
	}
	in = xcalloc(strlen(s) + 1, sizeof *in);
	out = xcalloc(joined.len + 1, sizeof *out);
	nin = kept_cps(s, in, flags);
	nout = kept_cps(joined.s, out, flags);
	fuzz_check(nin == nout && memcmp(in, out, nin * sizeof *in) == 0,
	    "wrap: characters lost, added or reordered", s);
	buf_free(&joined);
	text_lines_free(&l);
	free(in);
	free(out);
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
	char *s;
	size_t cols;

	if (size == 0)
		return 0;
	cols = data[0] % 48;
	/* Raw bytes, NULs included, for the length-bounded validator. */
	(void)text_valid_utf8((const char *)data + 1, size - 1);
	s = xstrndup((const char *)data + 1, size - 1);
	(void)text_width(s);
	check_sanitize(s, 0);
	check_sanitize(s, 1);
	check_escapes(s);
	check_fit(s, cols);
	check_wrap(s, (double)cols, 0);
	check_wrap(s, (double)cols, TEXT_WRAP_WORDS | TEXT_WRAP_HYPHEN);
	free(s);
	return 0;
}
