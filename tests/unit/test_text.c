/*
 * test_text.c - UTF-8 decoding, display width, sanitising untrusted text,
 * tsv/json escaping, kinsoku classes and wrapping, plus property tests that
 * wrap and sanitise a few hundred pseudo-random strings (fixed seed, so a
 * failure is reproducible) and check the invariants every caller relies on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"
#include "util.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- helpers ---- */

static void
expect_decode(const char *s, uint32_t want, size_t want_len)
{
	uint32_t cp = 0;
	const char *next = text_decode(s, &cp);

	assert_int_equal(cp, want);
	assert_int_equal((size_t)(next - s), want_len);
}

static void
expect_str(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Wraps s and compares with the expected lines (a NULL-terminated list). */
static void
expect_wrap(const char *s, double max, const char *const *want)
{
	struct text_lines l;
	size_t i, n = 0;

	while (want[n] != NULL)
		n++;
	text_wrap(s, max, text_measure_columns, NULL, &l);
	for (i = 0; i < l.n && i < n; i++)
		assert_string_equal(l.line[i], want[i]);
	assert_int_equal(l.n, n);
	text_lines_free(&l);
	assert_null(l.line);
	assert_int_equal(l.n, 0);
}

/* Checks kinsoku on every line boundary of l. */
static void
assert_kinsoku(const struct text_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->line[i][0] == '\0')
			continue;
		if (text_no_line_start(text_first_cp(l->line[i])))
			fail_msg("line %zu starts with a forbidden char: '%s'",
			    i, l->line[i]);
		if (i + 1 < l->n && text_no_line_end(text_last_cp(l->line[i],
		    strlen(l->line[i]))))
			fail_msg("line %zu ends with a forbidden char: '%s'",
			    i, l->line[i]);
	}
}

static uint32_t
rnd(uint32_t *state)
{
	uint32_t x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

/* ---- decoding ---- */

static void
test_decode_valid(void **state)
{
	(void)state;
	expect_decode("A", 'A', 1);
	expect_decode("\xC3\xA9", 0xE9, 2);
	expect_decode("日", 0x65E5, 3);
	expect_decode("\xF0\x9F\x98\x80", 0x1F600, 4);
	expect_decode("\xF0\xA0\xAE\xB7", 0x20BB7, 4);	/* 𠮷 */
	expect_decode("\xED\x9F\xBF", 0xD7FF, 3);	/* just below surrogates */
	expect_decode("\xEE\x80\x80", 0xE000, 3);	/* just above them */
	expect_decode("\xF4\x8F\xBF\xBF", 0x10FFFF, 4);
	expect_decode("\xEF\xBF\xBD", TEXT_REPLACEMENT, 3);
}

/* The code points at either end of a text, where a continuation line
 * joins its value (no space between two wide characters). */
static void
test_first_last_cp(void **state)
{
	(void)state;
	assert_int_equal(text_first_cp(""), 0);
	assert_int_equal(text_last_cp("", 0), 0);
	assert_int_equal(text_first_cp("あa"), 0x3042);
	assert_int_equal(text_last_cp("aあ", strlen("aあ")), 0x3042);
	assert_int_equal(text_last_cp("あa", strlen("あa")), 'a');
	assert_int_equal(text_last_cp("a\xF0\x9F\x98\x80", 5), 0x1F600);
	/* Only the first len bytes count. */
	assert_int_equal(text_last_cp("aあ", 1), 'a');
}

static void
test_decode_invalid(void **state)
{
	const char *s = "\xE6\x97" "A";
	uint32_t cp;

	(void)state;
	expect_decode("\x80", TEXT_REPLACEMENT, 1);	/* stray continuation */
	expect_decode("\xBF", TEXT_REPLACEMENT, 1);
	expect_decode("\xFE", TEXT_REPLACEMENT, 1);
	expect_decode("\xFF", TEXT_REPLACEMENT, 1);
	expect_decode("\xF5\x80\x80\x80", TEXT_REPLACEMENT, 1);
	expect_decode("\xE6\x97", TEXT_REPLACEMENT, 1);	/* truncated at NUL */
	expect_decode("\xF0\x9F\x98", TEXT_REPLACEMENT, 1);
	/* A truncated sequence must not eat the valid text after it. */
	s = text_decode(s, &cp);
	assert_int_equal(cp, TEXT_REPLACEMENT);
	s = text_decode(s, &cp);
	assert_int_equal(cp, TEXT_REPLACEMENT);
	s = text_decode(s, &cp);
	assert_int_equal(cp, 'A');
	assert_int_equal(*s, '\0');
}

static void
test_decode_overlong(void **state)
{
	(void)state;
	expect_decode("\xC0\x80", TEXT_REPLACEMENT, 1);
	expect_decode("\xC1\xBF", TEXT_REPLACEMENT, 1);
	expect_decode("\xE0\x80\x80", TEXT_REPLACEMENT, 1);
	expect_decode("\xE0\x9F\xBF", TEXT_REPLACEMENT, 1);
	expect_decode("\xF0\x80\x80\x80", TEXT_REPLACEMENT, 1);
	expect_decode("\xF0\x8F\xBF\xBF", TEXT_REPLACEMENT, 1);
	/* the shortest forms of the same boundaries are fine */
	expect_decode("\xC2\x80", 0x80, 2);
	expect_decode("\xE0\xA0\x80", 0x800, 3);
	expect_decode("\xF0\x90\x80\x80", 0x10000, 4);
}

static void
test_decode_surrogates_and_range(void **state)
{
	(void)state;
	expect_decode("\xED\xA0\x80", TEXT_REPLACEMENT, 1);	/* U+D800 */
	expect_decode("\xED\xBF\xBF", TEXT_REPLACEMENT, 1);	/* U+DFFF */
	expect_decode("\xF4\x90\x80\x80", TEXT_REPLACEMENT, 1);	/* > 10FFFF */
}

static void
test_encode_roundtrip(void **state)
{
	static const uint32_t cps[] = { 0, 'a', 0x7F, 0x80, 0x7FF, 0x800,
	    0x3042, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF };
	char buf[5];
	size_t i;
	uint32_t cp;
	int n;

	(void)state;
	for (i = 1; i < NELEM(cps); i++) {
		n = text_encode(cps[i], buf);
		buf[n] = '\0';
		assert_true(text_valid_utf8(buf, (size_t)n));
		assert_int_equal(text_decode(buf, &cp) - buf, n);
		assert_int_equal(cp, cps[i]);
	}
	assert_int_equal(text_encode(0, buf), 1);
	assert_int_equal(buf[0], 0);
	/* what cannot be encoded becomes U+FFFD */
	n = text_encode(0xD800, buf);
	assert_int_equal(n, 3);
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
	n = text_encode(0x110000, buf);
	assert_int_equal(n, 3);
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
}

static void
test_valid_utf8(void **state)
{
	(void)state;
	assert_true(text_valid_utf8("", 0));
	assert_true(text_valid_utf8("abc 日本語 😀", strlen("abc 日本語 😀")));
	assert_true(text_valid_utf8("a\0b", 3));	/* NUL is valid */
	assert_false(text_valid_utf8("a\xFF", 2));
	assert_false(text_valid_utf8("\xC0\xAF", 2));
	assert_false(text_valid_utf8("\xED\xA0\x80", 3));
	/* a sequence cut by the length is invalid even if the bytes go on */
	assert_false(text_valid_utf8("日", 2));
	assert_true(text_valid_utf8("日", 3));
}

/* ---- width ---- */

static void
test_width_strings(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("日本語"), 6);
	assert_int_equal(text_width("ｱｲｳﾞ"), 4);	/* half-width kana */
	assert_int_equal(text_width("e\xCC\x81"), 1);	/* e + U+0301 */
	assert_int_equal(text_width("😀"), 2);
	assert_int_equal(text_width("a\x07\x1b" "b"), 2);	/* controls: 0 */
	assert_int_equal(text_width("\xFF"), 1);	/* shown as U+FFFD */
	assert_int_equal(text_width("ID:123 佐藤（看護師）"), 7 + 4 + 2 + 6 + 2);
}

static void
test_width_code_points(void **state)
{
	static const struct {
		uint32_t cp;
		int w;
	} cases[] = {
		{ 'A', 1 }, { 0x00, 0 }, { 0x1F, 0 }, { 0x7F, 0 }, { 0x9B, 0 },
		{ 0xA0, 1 }, { 0xAD, 1 }, { 0xE9, 1 }, { 0x0300, 0 },
		{ 0x036F, 0 }, { 0x1100, 2 }, { 0x115F, 2 }, { 0x1160, 0 },
		{ 0x200B, 0 }, { 0x200D, 0 }, { 0x202E, 0 }, { 0xFE0F, 0 },
		{ 0x2E80, 2 }, { 0x3000, 2 }, { 0x3001, 2 }, { 0x303E, 2 },
		{ 0x303F, 1 }, { 0x3042, 2 }, { 0x3099, 0 }, { 0x309A, 0 },
		{ 0x30A2, 2 }, { 0x3400, 2 }, { 0x4E00, 2 }, { 0x9FFF, 2 },
		{ 0xA000, 2 }, { 0xAC00, 2 }, { 0xD7A3, 2 }, { 0xF900, 2 },
		{ 0xFE30, 2 }, { 0xFF01, 2 }, { 0xFF60, 2 }, { 0xFF61, 1 },
		{ 0xFF9F, 1 }, { 0xFFE0, 2 }, { 0xFFE6, 2 }, { 0xFFFD, 1 },
		{ 0x1F300, 2 }, { 0x1F600, 2 }, { 0x1F64F, 2 }, { 0x1F914, 2 },
		/* text-presentation symbols in emoji blocks are EAW N */
		{ 0x1F321, 1 }, { 0x1F900, 1 },
		{ 0x20000, 2 }, { 0x20BB7, 2 }, { 0x2FFFD, 2 }, { 0x30000, 2 },
		{ 0x3FFFD, 2 }, { 0xE0100, 0 }, { 0x10FFFF, 1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++)
		if (text_cp_width(cases[i].cp) != cases[i].w)
			fail_msg("U+%04X: width %d, expected %d",
			    (unsigned)cases[i].cp, text_cp_width(cases[i].cp),
			    cases[i].w);
	assert_true(text_measure_columns(0x65E5, NULL) == 2.0);
	assert_true(text_measure_columns('a', NULL) == 1.0);
}

static void
test_fit(void **state)
{
	(void)state;
	expect_str(text_fit("日本語", 3), "日");	/* never half a glyph */
	expect_str(text_fit("日本語", 4), "日本");
	expect_str(text_fit("日本語", 6), "日本語");
	expect_str(text_fit("日本語", 100), "日本語");
	expect_str(text_fit("日本語", 1), "");
	expect_str(text_fit("日本語", 0), "");
	expect_str(text_fit("ab日", 3), "ab");
	expect_str(text_fit("abc", 2), "ab");
	expect_str(text_fit("", 5), "");
	/* a combining mark stays with its base */
	expect_str(text_fit("e\xCC\x81x", 1), "e\xCC\x81");
	expect_str(text_fit("ｱｲｳ", 2), "ｱｲ");
}

/* ---- sanitising ---- */

static void
test_sanitize_escapes(void **state)
{
	(void)state;
	expect_str(text_sanitize("a\x1b[31mred\x1b[0m!", 0), "ared!");
	expect_str(text_sanitize("\x1b[1;31;48;5;200mX", 0), "X");
	expect_str(text_sanitize("\x1b[?1049h\x1b[2J\x1b[Hok", 0), "ok");
	/* OSC window title, ended by BEL or by ST (ESC \) */
	expect_str(text_sanitize("\x1b]0;evil title\x07ok", 0), "ok");
	expect_str(text_sanitize("\x1b]2;タイトル\x1b\\ok", 0), "ok");
	/* OSC 8 hyperlink: the link text stays, the target goes */
	expect_str(text_sanitize("\x1b]8;;http://x/\x07link\x1b]8;;\x07", 0),
	    "link");
	/* unterminated OSC: a terminal would swallow the rest too */
	expect_str(text_sanitize("ok\x1b]0;never ends", 0), "ok");
	/* DCS and APC strings */
	expect_str(text_sanitize("a\x1bPq#0\x1b\\b\x1b_apc\x1b\\c", 0), "abc");
	/* two-byte and charset escapes, and a lone ESC at the end */
	expect_str(text_sanitize("\x1b" "7a\x1b" "8\x1b(Bb\x1b" "c\x1b", 0),
	    "ab");
	/* ESC before a non-ASCII char: only the ESC goes */
	expect_str(text_sanitize("\x1b日", 0), "日");
}

static void
test_sanitize_c1(void **state)
{
	(void)state;
	/* U+009B CSI, U+009D OSC ... U+009C ST, as UTF-8 */
	expect_str(text_sanitize("a\xC2\x9B" "31mb", 0), "ab");
	expect_str(text_sanitize("\xC2\x9D" "0;t\xC2\x9Cz", 0), "z");
	expect_str(text_sanitize("\xC2\x9D" "0;t\x07z", 0), "z");
	expect_str(text_sanitize("x\xC2\x85y\xC2\x9Cz", 0), "xyz");
	/* raw 8-bit C1 bytes are not UTF-8: they become U+FFFD */
	expect_str(text_sanitize("a\x9B" "31mb", 0), "a\xEF\xBF\xBD" "31mb");
}

static void
test_sanitize_controls(void **state)
{
	(void)state;
	expect_str(text_sanitize("a\x07" "b", 0), "ab");	/* BEL */
	expect_str(text_sanitize("a\x01\x08\x7F" "b", 0), "ab");
	expect_str(text_sanitize("a\tb", 0), "a b");
	expect_str(text_sanitize("a\tb", 1), "a b");
	expect_str(text_sanitize("l1\nl2\r\nl3", 1), "l1\nl2\nl3");
	expect_str(text_sanitize("l1\nl2\r\nl3", 0), "l1 l2 l3");
	expect_str(text_sanitize("a\rb", 1), "ab");
	/* bidi overrides and isolates */
	expect_str(text_sanitize("a\xE2\x80\xAE" "cba\xE2\x80\xAC" "d", 0),
	    "acbad");
	expect_str(text_sanitize("\xE2\x81\xA6x\xE2\x81\xA9", 0), "x");
	/* invalid bytes */
	expect_str(text_sanitize("a\xFF" "b\xC0\xAF", 0),
	    "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
	/* ordinary text passes unchanged */
	expect_str(text_sanitize("患者ID 12、ｱｲｳ e\xCC\x81 😀", 1),
	    "患者ID 12、ｱｲｳ e\xCC\x81 😀");
	expect_str(text_sanitize("", 1), "");
}

/* Whatever the bytes, the output is valid UTF-8 with no C0/C1 control
 * (but newline when kept) and no bidi override. */
static void
test_sanitize_random_bytes(void **state)
{
	static const char alphabet[] = "\x1b[]0;m\x07\\\t\n\rPa\xC2\x9B\x9D"
	    "\x9C\xE6\x97\xA5\xE2\x80\xAE\xFF";
	uint32_t seed = 12345, cp;
	char in[64];
	int round, i, keep;

	(void)state;
	for (round = 0; round < 500; round++) {
		int len = (int)(rnd(&seed) % (sizeof in - 1));
		char *out;
		const char *p;

		for (i = 0; i < len; i++)
			in[i] = alphabet[rnd(&seed) % (sizeof alphabet - 1)];
		in[len] = '\0';
		keep = round & 1;
		out = text_sanitize(in, keep);
		assert_true(text_valid_utf8(out, strlen(out)));
		for (p = out; *p != '\0';) {
			p = text_decode(p, &cp);
			assert_false(cp == '\n' && !keep);
			assert_false(cp != '\n' && (cp < 0x20 ||
			    (cp >= 0x7F && cp < 0xA0)));
			assert_false(cp >= 0x202A && cp <= 0x202E);
		}
		free(out);
	}
}

/* ---- machine formats ---- */

static void
test_escape_tsv(void **state)
{
	(void)state;
	expect_str(text_escape_tsv("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
	expect_str(text_escape_tsv("x\x01\x1b[31my\x7F\xC2\x85z"), "x[31myz");
	expect_str(text_escape_tsv("日本語 ｱ"), "日本語 ｱ");
	expect_str(text_escape_tsv("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
	expect_str(text_escape_tsv(""), "");
}

/* docs/contract.md §2: only \n and \\ are escapes; a tab stays, a CR and the
 * controls a terminal acts on go. */
static void
test_escape_answers(void **state)
{
	(void)state;
	expect_str(text_escape_answers("a\tb\nc\\d\re"), "a\tb\\nc\\\\de");
	expect_str(text_escape_answers("x\x01\x1b[31my\x7F\xC2\x85z"),
	    "x[31myz");
	expect_str(text_escape_answers("\xE2\x80\xAEr\xE2\x81\xA6l"), "rl");
	expect_str(text_escape_answers("日本語 ｱ"), "日本語 ｱ");
	expect_str(text_escape_answers("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
	expect_str(text_escape_answers(""), "");
}

static void
test_escape_json(void **state)
{
	char *s;

	(void)state;
	expect_str(text_escape_json(""), "\"\"");
	expect_str(text_escape_json("a\"b\\c"), "\"a\\\"b\\\\c\"");
	expect_str(text_escape_json("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
	expect_str(text_escape_json("\x01\x1b[0m\x1f"),
	    "\"\\u0001\\u001b[0m\\u001f\"");
	expect_str(text_escape_json("\x7F\xC2\x9B"), "\"\\u007f\\u009b\"");
	expect_str(text_escape_json("a\xE2\x80\xAE" "b"), "\"a\\u202eb\"");
	expect_str(text_escape_json("紛失 😀 /"), "\"紛失 😀 /\"");
	s = text_escape_json("a\xFF\xC0\xAF" "b\xED\xA0\x80");
	assert_string_equal(s, "\"a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
	    "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
	assert_true(text_valid_utf8(s, strlen(s)));
	free(s);
}

/* ---- kinsoku ---- */

static void
test_kinsoku_classes(void **state)
{
	static const char *const start[] = { "、", "。", "，", "．", "・",
	    "：", "；", "？", "！", "ー", "」", "』", "）", "】", "〕", "》",
	    "…", "‥", "ぁ", "っ", "ゃ", "ァ", "ッ", "ヶ", "ㇰ", "ㇿ", "々",
	    "ゝ", "〜", "～", "”", ")", ",", ".", ":", ";", "!", "?", "]",
	    "}", "％", "｡", "｣", "ｯ", "ｰ" };
	static const char *const end[] = { "「", "『", "（", "【", "〔", "［",
	    "｛", "〈", "《", "〝", "“", "‘", "(", "[", "{", "￥", "＄", "｢" };
	static const char *const neither[] = { "あ", "ア", "日", "A", "1",
	    " ", "ｱ", "〓", "＃" };
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(start); i++) {
		assert_true(text_no_line_start(text_first_cp(start[i])));
		assert_false(text_no_line_end(text_first_cp(start[i])));
	}
	for (i = 0; i < NELEM(end); i++) {
		assert_true(text_no_line_end(text_first_cp(end[i])));
		assert_false(text_no_line_start(text_first_cp(end[i])));
	}
	for (i = 0; i < NELEM(neither); i++) {
		assert_false(text_no_line_start(text_first_cp(neither[i])));
		assert_false(text_no_line_end(text_first_cp(neither[i])));
	}
}

/* ---- wrapping ---- */

static void
test_wrap_latin_words(void **state)
{
	(void)state;
	expect_wrap("the quick brown fox jumps", 10, (const char *const[]){
	    "the quick", "brown fox", "jumps", NULL });
	/* spaces at a break are dropped, runs of them too */
	expect_wrap("aaa    bbb", 5, (const char *const[]){ "aaa", "bbb",
	    NULL });
	expect_wrap("abc def", 7, (const char *const[]){ "abc def", NULL });
	expect_wrap("abc def", 6, (const char *const[]){ "abc", "def", NULL });
	/* no trailing spaces, even without a break */
	expect_wrap("abc   ", 20, (const char *const[]){ "abc", NULL });
	/* indentation is kept when it fits */
	expect_wrap("  abc def", 6, (const char *const[]){ "  abc", "def",
	    NULL });
	expect_wrap("      abc", 4, (const char *const[]){ "abc", NULL });
}

static void
test_wrap_japanese(void **state)
{
	(void)state;
	expect_wrap("日本語の文章を折り返す", 6, (const char *const[]){
	    "日本語", "の文章", "を折り", "返す", NULL });
	expect_wrap("日本語の文章を折り返す", 7, (const char *const[]){
	    "日本語", "の文章", "を折り", "返す", NULL });
	/* mixed: Latin words stay whole, CJK breaks at any character */
	expect_wrap("端末Windowsを初期化", 10, (const char *const[]){
	    "端末", "Windowsを", "初期化", NULL });
	expect_wrap("ｱｲｳｴｵｶｷｸ", 3, (const char *const[]){ "ｱｲｳ", "ｴｵｶ",
	    "ｷｸ", NULL });
}

static void
test_wrap_kinsoku(void **state)
{
	struct text_lines l;
	double max;

	(void)state;
	/* 。 may not start a line: う is pushed down with it */
	expect_wrap("あいう。えお", 6, (const char *const[]){ "あい",
	    "う。え", "お", NULL });
	/* 、 and 」 likewise */
	expect_wrap("あいう、えお", 6, (const char *const[]){ "あい",
	    "う、え", "お", NULL });
	expect_wrap("「はい」と言った", 6, (const char *const[]){ "「は",
	    "い」と", "言った", NULL });
	/* 「 may not end a line: it moves down */
	expect_wrap("あい「うえ」お", 6, (const char *const[]){ "あい",
	    "「う", "え」お", NULL });
	/* several in a row (」。, 「ー」): at least 6 columns are needed */
	for (max = 6; max <= 24; max++) {
		text_wrap("患者さんの「個人情報」。を含む、「書類」（紙）を"
		    "紛失しました。ッ「ー」", max, text_measure_columns, NULL,
		    &l);
		assert_kinsoku(&l);
		text_lines_free(&l);
	}
	/* ASCII closing punctuation after a space also stays up */
	expect_wrap("word ) next", 5, (const char *const[]){ "word", ")",
	    "next", NULL });
	expect_wrap("xx ( yy", 4, (const char *const[]){ "xx", "( yy",
	    NULL });
}

/* When kinsoku cannot be satisfied the line still fits and progresses. */
static void
test_wrap_kinsoku_impossible(void **state)
{
	(void)state;
	expect_wrap("。。。。。。。。", 4, (const char *const[]){ "。。",
	    "。。", "。。", "。。", NULL });
	expect_wrap("「「「「", 2, (const char *const[]){ "「", "「", "「",
	    "「", NULL });
	expect_wrap("日。", 2, (const char *const[]){ "日", "。", NULL });
}

static void
test_wrap_hard_newlines(void **state)
{
	(void)state;
	expect_wrap("a\n\nb", 10, (const char *const[]){ "a", "", "b",
	    NULL });
	expect_wrap("a\r\nb", 10, (const char *const[]){ "a", "b", NULL });
	expect_wrap("a\n", 10, (const char *const[]){ "a", "", NULL });
	expect_wrap("\n", 10, (const char *const[]){ "", "", NULL });
	expect_wrap("   \nx", 10, (const char *const[]){ "", "x", NULL });
	expect_wrap("日本語\nです", 4, (const char *const[]){ "日本",
	    "語", "です", NULL });
}

static void
test_wrap_long_word(void **state)
{
	(void)state;
	expect_wrap("abcdefghij xy", 4, (const char *const[]){ "abcd",
	    "efgh", "ij", "xy", NULL });
	expect_wrap("see https://example.org/a/very/long/path", 12,
	    (const char *const[]){ "see", "https://exam", "ple.org/a/ve",
	    "ry/long/path", NULL });
	/* a combining mark is never separated from its base */
	expect_wrap("e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 2,
	    (const char *const[]){ "e\xCC\x81" "e\xCC\x81", "e\xCC\x81",
	    NULL });
}

static void
test_wrap_tiny_max(void **state)
{
	(void)state;
	expect_wrap("日本", 1, (const char *const[]){ "日", "本", NULL });
	expect_wrap("日本", 0, (const char *const[]){ "日", "本", NULL });
	expect_wrap("日本", -5, (const char *const[]){ "日", "本", NULL });
	expect_wrap("ab c", 0, (const char *const[]){ "a", "b", "c", NULL });
	expect_wrap("😀x", 1, (const char *const[]){ "😀", "x", NULL });
	expect_wrap("ab", strtod("nan", NULL), (const char *const[]){ "a",
	    "b", NULL });
}

static void
test_wrap_empty(void **state)
{
	(void)state;
	expect_wrap("", 10, (const char *const[]){ "", NULL });
	expect_wrap("", 0, (const char *const[]){ "", NULL });
	expect_wrap("    ", 2, (const char *const[]){ "", NULL });
}

static double
measure_zero(uint32_t cp, void *ud)
{
	(void)cp;
	(void)ud;
	return 0;
}

static double
measure_negative(uint32_t cp, void *ud)
{
	(void)cp;
	(void)ud;
	return -3;
}

/* Points, as the PDF writer measures them; ud carries the font size. */
static double
measure_points(uint32_t cp, void *ud)
{
	double size = *(const double *)ud;

	return text_cp_width(cp) * size / 2;
}

static void
test_wrap_measures(void **state)
{
	struct text_lines l;
	double size = 10.5;

	(void)state;
	text_wrap("abc def 日本語", 0, measure_zero, NULL, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.line[0], "abc def 日本語");
	text_lines_free(&l);

	text_wrap("abc def", 1, measure_negative, NULL, &l);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.line[0], "abc def");
	text_lines_free(&l);

	/* 3 × 10.5 pt fits 31.5 exactly */
	text_wrap("個人情報の漏えい", 31.5, measure_points, &size, &l);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.line[0], "個人情");
	assert_string_equal(l.line[1], "報の漏");
	assert_string_equal(l.line[2], "えい");
	text_lines_free(&l);

	/* a NULL measure means columns */
	text_wrap("ab cd", 2, NULL, NULL, &l);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.line[1], "cd");
	text_lines_free(&l);
}

/* Print rules in columns: ASCII 1, CJK 2. */
static void
expect_print(const char *s, double max, const char *const *want)
{
	struct text_lines l;
	size_t i, n = 0;

	while (want[n] != NULL)
		n++;
	text_wrap_opts(s, max, text_measure_columns, NULL, TEXT_WRAP_WORDS |
	    TEXT_WRAP_HYPHEN, &l);
	for (i = 0; i < l.n && i < n; i++)
		assert_string_equal(l.line[i], want[i]);
	assert_int_equal(l.n, n);
	text_lines_free(&l);
}

/* An ID, a number with its counter, a reference with 第…号 and a
 * katakana word move to the next line whole, where the plain rules cut
 * them (「MCS-20261005-0／042」「第／2026-10-1234号」「ケアマネ／ジャー」). */
static void
test_wrap_print_keeps_words(void **state)
{
	(void)state;
	expect_print("IDはMCS-20261005-0042です", 20, (const char *const[]){
	    "IDは", "MCS-20261005-0042で", "す", NULL });
	expect_print("受付番号は第2026-10-1234号です", 20,
	    (const char *const[]){ "受付番号は", "第2026-10-1234号です",
	    NULL });
	expect_print("報告者はケアマネジャー田中", 16, (const char *const[]){
	    "報告者は", "ケアマネジャー田", "中", NULL });
	expect_print("本人の数は約42人です", 12, (const char *const[]){
	    "本人の数は", "約42人です", NULL });
	/* Punctuation before a number still breaks: 。 ends the line. */
	expect_print("紛失した。2026年10月5日", 12, (const char *const[]){
	    "紛失した。", "2026年10月5", "日", NULL });
	/* The plain rules, for terminals, are unchanged. */
	expect_wrap("報告者はケアマネジャー田中", 16, (const char *const[]){
	    "報告者はケアマネ", "ジャー田中", NULL });
}

/* Only an English word longer than the line is split, with a hyphen;
 * an ID or a number is split without one. A katakana word longer than a
 * line is split, and the line breaks before （, never after it. */
static void
test_wrap_print_hyphen(void **state)
{
	(void)state;
	expect_print("not applicable", 8, (const char *const[]){ "not",
	    "applica-", "ble", NULL });
	expect_print("x internationalization", 10, (const char *const[]){
	    "x", "internati-", "onalizati-", "on", NULL });
	expect_print("MCS-20261005-0042", 8, (const char *const[]){
	    "MCS-2026", "1005-004", "2", NULL });
	expect_print("kyo-admin123", 6, (const char *const[]){ "kyo-ad",
	    "min123", NULL });
	expect_print("§1-2（リモートワイプサービス）", 24,
	    (const char *const[]){ "§1-2", "（リモートワイプサービ", "ス）",
	    NULL });
}

static void
test_wrap_invalid_utf8(void **state)
{
	(void)state;
	expect_wrap("\xFF" "ab \xE6\x97", 10, (const char *const[]){
	    "\xEF\xBF\xBD" "ab \xEF\xBF\xBD\xEF\xBF\xBD", NULL });
}

/* ---- property tests ---- */

static void
append_random(struct buf *b, uint32_t *seed, const char *const *pool,
    size_t npool, int parts)
{
	int i;

	for (i = 0; i < parts; i++)
		buf_adds(b, pool[rnd(seed) % npool]);
}

/* The input's characters but spaces, tabs and newlines, in order. */
static char *
strip_blanks(const char *s)
{
	struct buf b;

	buf_init(&b);
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n')
			buf_addc(&b, *s);
	return buf_steal(&b);
}

/* Visible glyphs of a line: one means it is a single (possibly
 * combined) character, the only kind allowed to exceed max. */
static size_t
glyphs(const char *s)
{
	size_t n = 0;
	uint32_t cp;

	while (*s != '\0') {
		s = text_decode(s, &cp);
		if (text_cp_width(cp) > 0)
			n++;
	}
	return n;
}

static void
check_wrap_invariants(const char *in, double max)
{
	struct text_lines l;
	struct buf all;
	char *want, *got;
	size_t i, len;

	text_wrap(in, max, text_measure_columns, NULL, &l);
	assert_true(l.n >= 1);
	buf_init(&all);
	for (i = 0; i < l.n; i++) {
		len = strlen(l.line[i]);
		assert_true(text_valid_utf8(l.line[i], len));
		if (len > 0 && (l.line[i][len - 1] == ' ' ||
		    l.line[i][len - 1] == '\t'))
			fail_msg("trailing space in '%s'", l.line[i]);
		if ((double)text_width(l.line[i]) > max &&
		    glyphs(l.line[i]) > 1)
			fail_msg("'%s' wider than %g (input '%s')", l.line[i],
			    max, in);
		buf_adds(&all, l.line[i]);
	}
	want = strip_blanks(in);
	got = strip_blanks(all.s != NULL ? all.s : "");
	if (strcmp(want, got) != 0)
		fail_msg("lost text at %g: '%s' vs '%s'", max, want, got);
	free(want);
	free(got);
	buf_free(&all);
	text_lines_free(&l);
}

static void
test_wrap_property_mixed(void **state)
{
	static const char *const pool[] = { "a", "b", "Z", "1", "x", "word",
	    "abcdefghijkl", "supercalifragilistic", " ", " ", "  ", "\t",
	    "\n", "日", "本", "語", "あ", "ア", "ｱ", "ﾞ", "、", "。", "「",
	    "」", "（", "）", "ー", "ッ", "e\xCC\x81", "😀", "(", ")", ",",
	    ".", "…", "—", "\xE3\x82\x99" };
	static const double widths[] = { 1, 2, 3, 5, 8, 13, 20, 40 };
	uint32_t seed = 0x5EED1234;
	struct buf b;
	int round;
	size_t w;

	(void)state;
	buf_init(&b);
	for (round = 0; round < 300; round++) {
		buf_reset(&b);
		append_random(&b, &seed, pool, NELEM(pool),
		    (int)(rnd(&seed) % 60));
		for (w = 0; w < NELEM(widths); w++)
			check_wrap_invariants(b.s != NULL ? b.s : "",
			    widths[w]);
	}
	buf_free(&b);
}

/* Japanese text in which no unbreakable cluster is wider than 6 columns
 * (no runs of forbidden characters): kinsoku must then always hold. */
static void
test_wrap_property_kinsoku(void **state)
{
	static const char *const kana[] = { "あ", "い", "う", "情", "報", "ア",
	    "紛", "失" };
	static const char *const punct[] = { "、", "。", "」", "）", "ー",
	    "ッ" };
	uint32_t seed = 42;
	struct text_lines l;
	struct buf b;
	int round, part;
	double max;

	(void)state;
	buf_init(&b);
	for (round = 0; round < 300; round++) {
		buf_reset(&b);
		for (part = (int)(rnd(&seed) % 12); part >= 0; part--) {
			int open = rnd(&seed) % 3 == 0;

			if (open)
				buf_adds(&b, rnd(&seed) % 2 ? "「" : "（");
			append_random(&b, &seed, kana, NELEM(kana),
			    1 + (int)(rnd(&seed) % 4));
			buf_adds(&b, open ? (rnd(&seed) % 2 ? "」" : "）")
			    : punct[rnd(&seed) % NELEM(punct)]);
			append_random(&b, &seed, kana, NELEM(kana), 1);
		}
		for (max = 6; max <= 30; max += 1 + rnd(&seed) % 5) {
			text_wrap(b.s, max, text_measure_columns, NULL, &l);
			assert_kinsoku(&l);
			text_lines_free(&l);
			check_wrap_invariants(b.s, max);
		}
	}
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_first_last_cp),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_decode_overlong),
		cmocka_unit_test(test_decode_surrogates_and_range),
		cmocka_unit_test(test_encode_roundtrip),
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_width_strings),
		cmocka_unit_test(test_width_code_points),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_sanitize_escapes),
		cmocka_unit_test(test_sanitize_c1),
		cmocka_unit_test(test_sanitize_controls),
		cmocka_unit_test(test_sanitize_random_bytes),
		cmocka_unit_test(test_escape_tsv),
		cmocka_unit_test(test_escape_answers),
		cmocka_unit_test(test_escape_json),
		cmocka_unit_test(test_kinsoku_classes),
		cmocka_unit_test(test_wrap_latin_words),
		cmocka_unit_test(test_wrap_japanese),
		cmocka_unit_test(test_wrap_kinsoku),
		cmocka_unit_test(test_wrap_kinsoku_impossible),
		cmocka_unit_test(test_wrap_hard_newlines),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_tiny_max),
		cmocka_unit_test(test_wrap_empty),
		cmocka_unit_test(test_wrap_measures),
		cmocka_unit_test(test_wrap_invalid_utf8),
		cmocka_unit_test(test_wrap_print_keeps_words),
		cmocka_unit_test(test_wrap_print_hyphen),
		cmocka_unit_test(test_wrap_property_mixed),
		cmocka_unit_test(test_wrap_property_kinsoku),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
