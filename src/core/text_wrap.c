/*
 * text_wrap.c - line breaking for the TUI (columns) and the PDF (points,
 * through a measure callback): the kinsoku tables (JIS X 4051 in
 * practice), greedy wrapping on code points, and the print rules of
 * text_wrap_opts (words, numbers and IDs kept whole, English
 * words hyphenated). Split from text.c, which keeps decoding, widths,
 * sanitising and escaping.
 *
 * Why it looks the way it does: wrapping is greedy on code points with
 * precomputed measures, so the measure callback (HPDF_Font_TextWidth in
 * the PDF writer) runs once per character; kinsoku is done by pushing
 * characters to the next line, never by letting punctuation hang past
 * the margin, because callers size boxes and columns from `max`.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ZWJ 0x200D
/* Kinsoku may push at most this many break opportunities back before the
 * rule is given up (JIS X 4051 allows hanging instead; we cannot). */
#define KINSOKU_PUSH 4
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* JIS X 4051 line-start prohibitions, in practice: closing brackets,
 * punctuation, iteration marks, the prolonged sound mark, small kana, and
 * their ASCII and half-width forms. Sorted for binary search; the small
 * katakana extension U+31F0-31FF is tested as a range. */
static const uint32_t no_start_cps[] = {
	0x0021, 0x0029, 0x002C, 0x002E, 0x003A, 0x003B, 0x003F, 0x005D,
	0x007D, 0x2010, 0x2014, 0x2019, 0x201D, 0x2025, 0x2026, 0x3001,
	0x3002, 0x3005, 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015,
	0x3017, 0x3019, 0x301C, 0x301F, 0x3041, 0x3043, 0x3045, 0x3047,
	0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096,
	0x309B, 0x309C, 0x309D, 0x309E, 0x30A1, 0x30A3, 0x30A5, 0x30A7,
	0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6,
	0x30FB, 0x30FC, 0x30FD, 0x30FE, 0xFF01, 0xFF05, 0xFF09, 0xFF0C,
	0xFF0E, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF3D, 0xFF5D, 0xFF5E, 0xFF61,
	0xFF63, 0xFF64, 0xFF65, 0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B,
	0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F, 0xFF70, 0xFF9E, 0xFF9F
};

/* Line-end prohibitions: opening brackets and quotes, and the currency
 * signs that belong to the number after them. */
static const uint32_t no_end_cps[] = {
	0x0028, 0x005B, 0x007B, 0x2018, 0x201C, 0x3008, 0x300A, 0x300C,
	0x300E, 0x3010, 0x3014, 0x3016, 0x3018, 0x301D, 0xFF04, 0xFF08,
	0xFF3B, 0xFF5B, 0xFF62, 0xFFE5
};

static int
in_sorted(const uint32_t *v, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp > v[mid])
			lo = mid + 1;
		else if (cp < v[mid])
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/* Combining marks and other characters of no width (none below U+0300
 * but controls, which are not marks: a tab is a space). */
static int
is_zero_width(uint32_t cp)
{
	return cp >= 0x300 && text_cp_width(cp) == 0;
}

/* ---- kinsoku ---- */

int
text_no_line_start(uint32_t cp)
{
	return (cp >= 0x31F0 && cp <= 0x31FF) ||
	    in_sorted(no_start_cps, NELEM(no_start_cps), cp);
}

int
text_no_line_end(uint32_t cp)
{
	return in_sorted(no_end_cps, NELEM(no_end_cps), cp);
}

/* ---- wrapping ---- */

/* One hard line (between newlines), decoded, with each character's
 * measure; reused from line to line to keep allocation out of the loop. */
struct hline {
	uint32_t *cp;
	double *w;
	size_t n, cap;
	unsigned flags;			/* TEXT_WRAP_* */
	double hyphen;			/* the measure of '-' */
};

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* CJK text breaks between any two characters; so do half-width katakana,
 * which are narrow but still Japanese. */
static int
is_cjk(uint32_t cp)
{
	return text_cp_width(cp) == 2 || (cp >= 0xFF61 && cp <= 0xFF9F);
}

/* A character that must stay on the line of the one before it: combining
 * marks, variation selectors, and whatever follows a zero-width joiner. */
static int
glued(const struct hline *h, size_t i)
{
	return is_zero_width(h->cp[i]) || h->cp[i - 1] == ZWJ;
}

static void
hline_load(struct hline *h, const char *s, const char *end,
    text_measure_fn measure, void *ud)
{
	uint32_t cp;
	double w;

	h->n = 0;
	while (s < end) {
		s = text_decode(s, &cp);
		if (h->n == h->cap) {
			h->cap = h->cap ? h->cap * 2 : 64;
			h->cp = xreallocarray(h->cp, h->cap, sizeof *h->cp);
			h->w = xreallocarray(h->w, h->cap, sizeof *h->w);
		}
		w = measure(cp, ud);
		/* NaN and negative widths would break the greedy fill; treat
		 * them as zero (progress is ensured elsewhere). */
		h->w[h->n] = w > 0 ? w : 0;
		h->cp[h->n++] = cp;
	}
}

static size_t
skip_spaces(const struct hline *h, size_t i)
{
	while (i < h->n && is_space(h->cp[i]))
		i++;
	return i;
}

/* The end of the longest run from `start` that fits in max. A tiny slack
 * keeps sums of fractional point widths from losing the last glyph. */
static size_t
fit_end(const struct hline *h, size_t start, double max)
{
	double sum = 0, limit = max + (max > 0 ? max * 1e-9 : 0);
	size_t i = start;

	while (i < h->n && sum + h->w[i] <= limit)
		sum += h->w[i++];
	return i;
}

static int
is_digit(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

static int
is_letter(uint32_t cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

/* Katakana, the prolonged sound mark and half-width katakana, but not
 * the middle dot, which separates words. */
static int
is_katakana(uint32_t cp)
{
	return (cp >= 0x30A1 && cp <= 0x30FA) || (cp >= 0x30FC &&
	    cp <= 0x30FE) || (cp >= 0xFF66 && cp <= 0xFF9F);
}

/* CJK letters (ideographs, kana), not punctuation: the full-width
 * symbols and punctuation blocks. */
static int
is_cjk_letter(uint32_t cp)
{
	return is_cjk(cp) && !(cp >= 0x3000 && cp <= 0x303F) &&
	    !(cp >= 0xFF01 && cp <= 0xFF0F) && !(cp >= 0xFF1A &&
	    cp <= 0xFF20) && !(cp >= 0xFF3B && cp <= 0xFF40) &&
	    !(cp >= 0xFF5B && cp <= 0xFF65);
}

/* Print rules (TEXT_WRAP_WORDS): a number stays with the CJK letters
 * touching it (第2026-10-1234号, 約42人); with kana, a katakana word
 * stays whole. ASCII runs never break inside (neither side is CJK),
 * with or without the flag. */
#define GLUE_KANA 0x100u

static int
word_glue(uint32_t a, uint32_t c, unsigned flags)
{
	if ((is_digit(a) && is_cjk_letter(c)) || (is_cjk_letter(a) &&
	    is_digit(c)))
		return 1;
	return (flags & GLUE_KANA) && is_katakana(a) && is_katakana(c);
}

/* May a line end before index b (0 < b < n) without splitting a word? */
static int
class_break_as(const struct hline *h, size_t b, unsigned flags)
{
	uint32_t a = h->cp[b - 1], c = h->cp[b];

	if (glued(h, b))
		return 0;
	if (is_space(a) || is_space(c))
		return 1;
	if ((flags & TEXT_WRAP_WORDS) && word_glue(a, c, flags))
		return 0;
	return is_cjk(a) || is_cjk(c);
}

static int
class_break(const struct hline *h, size_t b)
{
	return class_break_as(h, b, h->flags);
}

/* The character at i makes the letters beside it part of an ID (a user
 * name, an address, a file name), which is never hyphenated. */
static int
joins_id(const struct hline *h, size_t i)
{
	uint32_t c = h->cp[i];

	if (is_digit(c) || c == '_' || c == '/' || c == '@' || c == '-' ||
	    c == '\\' || c == '#' || c == '=')
		return 1;
	return (c == '.' || c == ':') && i + 1 < h->n &&
	    (is_letter(h->cp[i + 1]) || is_digit(h->cp[i + 1]));
}

/* Is b inside an English word, with two letters or more on each side? */
static int
english_split(const struct hline *h, size_t b)
{
	size_t s = b, e = b;

	while (s > 0 && is_letter(h->cp[s - 1]))
		s--;
	while (e < h->n && is_letter(h->cp[e]))
		e++;
	if (b - s < 2 || e - b < 2)
		return 0;
	return !(s > 0 && joins_id(h, s - 1)) && !(e < h->n && joins_id(h, e));
}

/* Does a break before b obey kinsoku? Spaces at the break are dropped, so
 * the characters that matter are the nearest non-spaces on either side. */
static int
kinsoku_ok(const struct hline *h, size_t b)
{
	size_t i = skip_spaces(h, b);

	if (i < h->n && text_no_line_start(h->cp[i]))
		return 0;
	for (i = b; i > 0 && is_space(h->cp[i - 1]); i--)
		;
	return !(i > 0 && text_no_line_end(h->cp[i - 1]));
}

/* A split of an English word that leaves room for the hyphen on the
 * line [start, b), or 0. */
static size_t
hyphen_split(const struct hline *h, size_t start, size_t lead, double max)
{
	size_t b;

	if (!(h->flags & TEXT_WRAP_HYPHEN) || max <= h->hyphen)
		return 0;
	for (b = fit_end(h, start, max - h->hyphen); b > lead + 1; b--)
		if (b < h->n && english_split(h, b))
			return b;
	return 0;
}

/* No word boundary fits: split the word, keeping marks on their base and,
 * within a few characters, obeying kinsoku. Always advances past lead. */
static size_t
split_word(const struct hline *h, size_t lead, size_t end)
{
	size_t lim = end > lead + 1 ? end : lead + 1, b;

	for (b = lim; b > lead && lim - b <= KINSOKU_PUSH; b--)
		if (b == h->n || (!glued(h, b) && kinsoku_ok(h, b)))
			return b;
	for (b = lim; b > lead + 1 && b < h->n && glued(h, b); b--)
		;
	while (b < h->n && glued(h, b))
		b++;
	return b;
}

/* Where to end the line that holds [lead, end) at most (end < n): the last
 * word boundary obeying kinsoku, pushing back over at most KINSOKU_PUSH
 * forbidden ones; failing that the last boundary anyway; failing that a
 * split inside the word. The result is always > lead. */
static size_t
scan_breaks(const struct hline *h, size_t lead, size_t end, unsigned flags,
    size_t *boundary)
{
	size_t b;
	int pushed = 0;

	for (b = end; b > lead; b--) {
		if (!class_break_as(h, b, flags))
			continue;
		if (*boundary == 0)
			*boundary = b;
		if (kinsoku_ok(h, b))
			return b;
		if (++pushed > KINSOKU_PUSH)
			break;
	}
	return 0;
}

/* A katakana word is kept whole only while that costs no kinsoku
 * breach: Japanese may break inside it, which is better than a line
 * ending with （. */
static size_t
pick_break(const struct hline *h, size_t lead, size_t end)
{
	size_t b, boundary = 0;

	b = scan_breaks(h, lead, end, h->flags, &boundary);
	if (b == 0 && (h->flags & GLUE_KANA))
		b = scan_breaks(h, lead, end, h->flags & ~GLUE_KANA,
		    &boundary);
	if (b != 0)
		return b;
	return boundary != 0 ? boundary : split_word(h, lead, end);
}

/* Where the line [start, ...) ends; *hyphen set when the break splits
 * an English word that takes a hyphen. */
static size_t
line_end(const struct hline *h, size_t start, size_t lead, double max,
    int *hyphen)
{
	size_t end = fit_end(h, start, max), b;

	*hyphen = 0;
	if (end == h->n)
		return end;
	b = pick_break(h, lead, end);
	/* A split inside a word (no boundary found) may take a hyphen. */
	if (b > lead && b < h->n && !class_break(h, b) && !glued(h, b) &&
	    is_letter(h->cp[b - 1]) && is_letter(h->cp[b])) {
		end = hyphen_split(h, start, lead, max);
		if (end != 0) {
			*hyphen = 1;
			return end;
		}
	}
	return b;
}

static void
lines_push(struct text_lines *out, size_t *cap, char *s)
{
	if (out->n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		out->line = xreallocarray(out->line, *cap, sizeof *out->line);
	}
	out->line[out->n++] = s;
}

/* Emits [from, to) without its trailing spaces, and a hyphen. */
static void
emit_line(const struct hline *h, size_t from, size_t to, int hyphen,
    struct text_lines *out, size_t *cap)
{
	struct buf b;

	while (to > from && is_space(h->cp[to - 1]))
		to--;
	buf_init(&b);
	buf_adds(&b, "");
	for (; from < to; from++)
		text_buf_add_cp(&b, h->cp[from]);
	if (hyphen)
		buf_addc(&b, '-');
	lines_push(out, cap, buf_steal(&b));
}

static void
wrap_hline(const struct hline *h, double max, struct text_lines *out,
    size_t *cap)
{
	size_t start = 0, lead = skip_spaces(h, 0), b;
	int hyphen;

	if (lead == h->n) {
		lines_push(out, cap, xstrdup(""));
		return;
	}
	/* Indentation is kept unless it leaves no room for the first glyph. */
	if (fit_end(h, 0, max) <= lead)
		start = lead;
	while (lead < h->n) {
		b = line_end(h, start, lead, max, &hyphen);
		emit_line(h, start, b, hyphen, out, cap);
		start = lead = skip_spaces(h, b);
	}
}

void
text_wrap(const char *s, double max, text_measure_fn measure, void *ud,
    struct text_lines *out)
{
	text_wrap_opts(s, max, measure, ud, 0, out);
}

/* Hard lines are separated by '\n' (a CR before it is dropped), so "" and
 * "a\n" give one and two lines: callers get a line for the cursor. */
void
text_wrap_opts(const char *s, double max, text_measure_fn measure, void *ud,
    unsigned flags, struct text_lines *out)
{
	struct hline h = { NULL, NULL, 0, 0, flags & (TEXT_WRAP_WORDS |
	    TEXT_WRAP_HYPHEN), 0 };
	const char *nl, *end;
	size_t cap = 0;

	if (measure == NULL)
		measure = text_measure_columns;
	if (flags & TEXT_WRAP_HYPHEN)
		h.hyphen = measure('-', ud);
	if (flags & TEXT_WRAP_WORDS)
		h.flags |= GLUE_KANA;
	out->line = NULL;
	out->n = 0;
	for (;;) {
		nl = strchr(s, '\n');
		end = nl != NULL ? nl : s + strlen(s);
		if (nl != NULL && end > s && end[-1] == '\r')
			end--;
		hline_load(&h, s, end, measure, ud);
		wrap_hline(&h, max, out, &cap);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
	free(h.cp);
	free(h.w);
}

void
text_lines_free(struct text_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->line[i]);
	free(l->line);
	l->line = NULL;
	l->n = 0;
}
