/*
 * text.c - owns everything anshin-ir knows about characters: strict UTF-8
 * decoding, terminal display width, neutralising untrusted text before it
 * reaches a terminal, and tsv/json escaping. Line wrapping with Japanese
 * line-breaking rules (kinsoku) for the TUI and the PDF is text_wrap.c's.
 *
 * Why it looks the way it does:
 * - Widths come from embedded tables, not wcwidth(): wcwidth depends on the
 *   locale (the CLI may run under LANG=C, cron, or ssh without a UTF-8
 *   locale) and on the C library's Unicode version, and the PDF writer needs
 *   the same answer as the TUI. The tables are generated from the UCD files
 *   in tools/ucd/ by tools/gen-widths.py, whose header gives the rules:
 *   East_Asian_Width W/F are wide, general categories Mn/Me/Cf and the
 *   default ignorables zero width. The UCD files are Unicode 15.0;
 *   characters assigned after it keep their Unicode 17.0 widths
 *   (tools/ucd/after-15.0.txt), so newer emoji are not one column.
 *   Widths are per code point: an emoji ZWJ sequence counts each part.
 *   Ambiguous (A) characters are narrow: that is what terminals do outside
 *   CJK legacy modes. Text-style emoji such as U+1F321 are narrow too (EAW
 *   N), as terminals draw them. Unassigned code points of the CJK ideograph
 *   blocks and planes 2-3 are wide, as EastAsianWidth.txt defaults them.
 *   Conjoining Hangul vowels/finals (U+1160-11FF, D7B0-D7FF) are zero
 *   width, as in glibc; U+00AD and the Arabic prepended marks stay visible.
 * - Decoding is strict (no overlongs, surrogates or > U+10FFFF) and an
 *   invalid byte becomes U+FFFD and consumes exactly one byte, so a bad
 *   byte can never swallow the valid text after it.
 * - Sanitising removes whole escape sequences, not just the ESC byte, so
 *   "ESC[31m" does not leave "[31m" behind; string sequences (OSC, DCS,
 *   APC, PM, SOS) are dropped up to their terminator because a terminal
 *   would swallow them too.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

struct range {
	uint32_t lo, hi;
};

/* Generated: tools/gen-widths.py tools/ucd (see the comment at the top);
 * tests/e2e/test_widths.sh fails when these differ from its output. */
static const struct range wide_ranges[] = {
	{0x1100,0x115F}, {0x231A,0x231B}, {0x2329,0x232A}, {0x23E9,0x23EC},
	{0x23F0,0x23F0}, {0x23F3,0x23F3}, {0x25FD,0x25FE}, {0x2614,0x2615},
	{0x2648,0x2653}, {0x267F,0x267F}, {0x2693,0x2693}, {0x26A1,0x26A1},
	{0x26AA,0x26AB}, {0x26BD,0x26BE}, {0x26C4,0x26C5}, {0x26CE,0x26CE},
	{0x26D4,0x26D4}, {0x26EA,0x26EA}, {0x26F2,0x26F3}, {0x26F5,0x26F5},
	{0x26FA,0x26FA}, {0x26FD,0x26FD}, {0x2705,0x2705}, {0x270A,0x270B},
	{0x2728,0x2728}, {0x274C,0x274C}, {0x274E,0x274E}, {0x2753,0x2755},
	{0x2757,0x2757}, {0x2795,0x2797}, {0x27B0,0x27B0}, {0x27BF,0x27BF},
	{0x2B1B,0x2B1C}, {0x2B50,0x2B50}, {0x2B55,0x2B55}, {0x2E80,0x2E99},
	{0x2E9B,0x2EF3}, {0x2F00,0x2FD5}, {0x2FF0,0x303E}, {0x3041,0x3096},
	{0x3099,0x30FF}, {0x3105,0x312F}, {0x3131,0x318E}, {0x3190,0x31E5},
	{0x31EF,0x321E}, {0x3220,0x3247}, {0x3250,0x4DBF}, {0x4E00,0xA48C},
	{0xA490,0xA4C6}, {0xA960,0xA97C}, {0xAC00,0xD7A3}, {0xF900,0xFAFF},
	{0xFE10,0xFE19}, {0xFE30,0xFE52}, {0xFE54,0xFE66}, {0xFE68,0xFE6B},
	{0xFF01,0xFF60}, {0xFFE0,0xFFE6}, {0x16FE0,0x16FE4}, {0x16FF0,0x16FF6},
	{0x17000,0x18CD5}, {0x18CFF,0x18D1E}, {0x18D80,0x18DF2},
	{0x1AFF0,0x1AFF3}, {0x1AFF5,0x1AFFB}, {0x1AFFD,0x1AFFE},
	{0x1B000,0x1B122}, {0x1B132,0x1B132}, {0x1B150,0x1B152},
	{0x1B155,0x1B155}, {0x1B164,0x1B167}, {0x1B170,0x1B2FB},
	{0x1F004,0x1F004}, {0x1F0CF,0x1F0CF}, {0x1F18E,0x1F18E},
	{0x1F191,0x1F19A}, {0x1F200,0x1F202}, {0x1F210,0x1F23B},
	{0x1F240,0x1F248}, {0x1F250,0x1F251}, {0x1F260,0x1F265},
	{0x1F300,0x1F320}, {0x1F32D,0x1F335}, {0x1F337,0x1F37C},
	{0x1F37E,0x1F393}, {0x1F3A0,0x1F3CA}, {0x1F3CF,0x1F3D3},
	{0x1F3E0,0x1F3F0}, {0x1F3F4,0x1F3F4}, {0x1F3F8,0x1F43E},
	{0x1F440,0x1F440}, {0x1F442,0x1F4FC}, {0x1F4FF,0x1F53D},
	{0x1F54B,0x1F54E}, {0x1F550,0x1F567}, {0x1F57A,0x1F57A},
	{0x1F595,0x1F596}, {0x1F5A4,0x1F5A4}, {0x1F5FB,0x1F64F},
	{0x1F680,0x1F6C5}, {0x1F6CC,0x1F6CC}, {0x1F6D0,0x1F6D2},
	{0x1F6D5,0x1F6D8}, {0x1F6DC,0x1F6DF}, {0x1F6EB,0x1F6EC},
	{0x1F6F4,0x1F6FC}, {0x1F7E0,0x1F7EB}, {0x1F7F0,0x1F7F0},
	{0x1F90C,0x1F93A}, {0x1F93C,0x1F945}, {0x1F947,0x1F9FF},
	{0x1FA70,0x1FA7C}, {0x1FA80,0x1FA8A}, {0x1FA8E,0x1FAC6},
	{0x1FAC8,0x1FAC8}, {0x1FACD,0x1FADC}, {0x1FADF,0x1FAEA},
	{0x1FAEF,0x1FAF8}, {0x20000,0x2FFFD}, {0x30000,0x3FFFD}
};

static const struct range zero_ranges[] = {
	{0x0300,0x036F}, {0x0483,0x0489}, {0x0591,0x05BD}, {0x05BF,0x05BF},
	{0x05C1,0x05C2}, {0x05C4,0x05C5}, {0x05C7,0x05C7}, {0x0610,0x061A},
	{0x061C,0x061C}, {0x064B,0x065F}, {0x0670,0x0670}, {0x06D6,0x06DC},
	{0x06DF,0x06E4}, {0x06E7,0x06E8}, {0x06EA,0x06ED}, {0x0711,0x0711},
	{0x0730,0x074A}, {0x07A6,0x07B0}, {0x07EB,0x07F3}, {0x07FD,0x07FD},
	{0x0816,0x0819}, {0x081B,0x0823}, {0x0825,0x0827}, {0x0829,0x082D},
	{0x0859,0x085B}, {0x0897,0x089F}, {0x08CA,0x08E1}, {0x08E3,0x0902},
	{0x093A,0x093A}, {0x093C,0x093C}, {0x0941,0x0948}, {0x094D,0x094D},
	{0x0951,0x0957}, {0x0962,0x0963}, {0x0981,0x0981}, {0x09BC,0x09BC},
	{0x09C1,0x09C4}, {0x09CD,0x09CD}, {0x09E2,0x09E3}, {0x09FE,0x09FE},
	{0x0A01,0x0A02}, {0x0A3C,0x0A3C}, {0x0A41,0x0A42}, {0x0A47,0x0A48},
	{0x0A4B,0x0A4D}, {0x0A51,0x0A51}, {0x0A70,0x0A71}, {0x0A75,0x0A75},
	{0x0A81,0x0A82}, {0x0ABC,0x0ABC}, {0x0AC1,0x0AC5}, {0x0AC7,0x0AC8},
	{0x0ACD,0x0ACD}, {0x0AE2,0x0AE3}, {0x0AFA,0x0AFF}, {0x0B01,0x0B01},
	{0x0B3C,0x0B3C}, {0x0B3F,0x0B3F}, {0x0B41,0x0B44}, {0x0B4D,0x0B4D},
	{0x0B55,0x0B56}, {0x0B62,0x0B63}, {0x0B82,0x0B82}, {0x0BC0,0x0BC0},
	{0x0BCD,0x0BCD}, {0x0C00,0x0C00}, {0x0C04,0x0C04}, {0x0C3C,0x0C3C},
	{0x0C3E,0x0C40}, {0x0C46,0x0C48}, {0x0C4A,0x0C4D}, {0x0C55,0x0C56},
	{0x0C62,0x0C63}, {0x0C81,0x0C81}, {0x0CBC,0x0CBC}, {0x0CBF,0x0CBF},
	{0x0CC6,0x0CC6}, {0x0CCC,0x0CCD}, {0x0CE2,0x0CE3}, {0x0D00,0x0D01},
	{0x0D3B,0x0D3C}, {0x0D41,0x0D44}, {0x0D4D,0x0D4D}, {0x0D62,0x0D63},
	{0x0D81,0x0D81}, {0x0DCA,0x0DCA}, {0x0DD2,0x0DD4}, {0x0DD6,0x0DD6},
	{0x0E31,0x0E31}, {0x0E34,0x0E3A}, {0x0E47,0x0E4E}, {0x0EB1,0x0EB1},
	{0x0EB4,0x0EBC}, {0x0EC8,0x0ECE}, {0x0F18,0x0F19}, {0x0F35,0x0F35},
	{0x0F37,0x0F37}, {0x0F39,0x0F39}, {0x0F71,0x0F7E}, {0x0F80,0x0F84},
	{0x0F86,0x0F87}, {0x0F8D,0x0F97}, {0x0F99,0x0FBC}, {0x0FC6,0x0FC6},
	{0x102D,0x1030}, {0x1032,0x1037}, {0x1039,0x103A}, {0x103D,0x103E},
	{0x1058,0x1059}, {0x105E,0x1060}, {0x1071,0x1074}, {0x1082,0x1082},
	{0x1085,0x1086}, {0x108D,0x108D}, {0x109D,0x109D}, {0x1160,0x11FF},
	{0x135D,0x135F}, {0x1712,0x1714}, {0x1732,0x1733}, {0x1752,0x1753},
	{0x1772,0x1773}, {0x17B4,0x17B5}, {0x17B7,0x17BD}, {0x17C6,0x17C6},
	{0x17C9,0x17D3}, {0x17DD,0x17DD}, {0x180B,0x180F}, {0x1885,0x1886},
	{0x18A9,0x18A9}, {0x1920,0x1922}, {0x1927,0x1928}, {0x1932,0x1932},
	{0x1939,0x193B}, {0x1A17,0x1A18}, {0x1A1B,0x1A1B}, {0x1A56,0x1A56},
	{0x1A58,0x1A5E}, {0x1A60,0x1A60}, {0x1A62,0x1A62}, {0x1A65,0x1A6C},
	{0x1A73,0x1A7C}, {0x1A7F,0x1A7F}, {0x1AB0,0x1ADD}, {0x1AE0,0x1AEB},
	{0x1B00,0x1B03}, {0x1B34,0x1B34}, {0x1B36,0x1B3A}, {0x1B3C,0x1B3C},
	{0x1B42,0x1B42}, {0x1B6B,0x1B73}, {0x1B80,0x1B81}, {0x1BA2,0x1BA5},
	{0x1BA8,0x1BA9}, {0x1BAB,0x1BAD}, {0x1BE6,0x1BE6}, {0x1BE8,0x1BE9},
	{0x1BED,0x1BED}, {0x1BEF,0x1BF1}, {0x1C2C,0x1C33}, {0x1C36,0x1C37},
	{0x1CD0,0x1CD2}, {0x1CD4,0x1CE0}, {0x1CE2,0x1CE8}, {0x1CED,0x1CED},
	{0x1CF4,0x1CF4}, {0x1CF8,0x1CF9}, {0x1DC0,0x1DFF}, {0x200B,0x200F},
	{0x202A,0x202E}, {0x2060,0x206F}, {0x20D0,0x20F0}, {0x2CEF,0x2CF1},
	{0x2D7F,0x2D7F}, {0x2DE0,0x2DFF}, {0x302A,0x302D}, {0x3099,0x309A},
	{0xA66F,0xA672}, {0xA674,0xA67D}, {0xA69E,0xA69F}, {0xA6F0,0xA6F1},
	{0xA802,0xA802}, {0xA806,0xA806}, {0xA80B,0xA80B}, {0xA825,0xA826},
	{0xA82C,0xA82C}, {0xA8C4,0xA8C5}, {0xA8E0,0xA8F1}, {0xA8FF,0xA8FF},
	{0xA926,0xA92D}, {0xA947,0xA951}, {0xA980,0xA982}, {0xA9B3,0xA9B3},
	{0xA9B6,0xA9B9}, {0xA9BC,0xA9BD}, {0xA9E5,0xA9E5}, {0xAA29,0xAA2E},
	{0xAA31,0xAA32}, {0xAA35,0xAA36}, {0xAA43,0xAA43}, {0xAA4C,0xAA4C},
	{0xAA7C,0xAA7C}, {0xAAB0,0xAAB0}, {0xAAB2,0xAAB4}, {0xAAB7,0xAAB8},
	{0xAABE,0xAABF}, {0xAAC1,0xAAC1}, {0xAAEC,0xAAED}, {0xAAF6,0xAAF6},
	{0xABE5,0xABE5}, {0xABE8,0xABE8}, {0xABED,0xABED}, {0xD7B0,0xD7FF},
	{0xFB1E,0xFB1E}, {0xFE00,0xFE0F}, {0xFE20,0xFE2F}, {0xFEFF,0xFEFF},
	{0xFFF0,0xFFFB}, {0x101FD,0x101FD}, {0x102E0,0x102E0},
	{0x10376,0x1037A}, {0x10A01,0x10A03}, {0x10A05,0x10A06},
	{0x10A0C,0x10A0F}, {0x10A38,0x10A3A}, {0x10A3F,0x10A3F},
	{0x10AE5,0x10AE6}, {0x10D24,0x10D27}, {0x10D69,0x10D6D},
	{0x10EAB,0x10EAC}, {0x10EFA,0x10EFF}, {0x10F46,0x10F50},
	{0x10F82,0x10F85}, {0x11001,0x11001}, {0x11038,0x11046},
	{0x11070,0x11070}, {0x11073,0x11074}, {0x1107F,0x11081},
	{0x110B3,0x110B6}, {0x110B9,0x110BA}, {0x110C2,0x110C2},
	{0x11100,0x11102}, {0x11127,0x1112B}, {0x1112D,0x11134},
	{0x11173,0x11173}, {0x11180,0x11181}, {0x111B6,0x111BE},
	{0x111C9,0x111CC}, {0x111CF,0x111CF}, {0x1122F,0x11231},
	{0x11234,0x11234}, {0x11236,0x11237}, {0x1123E,0x1123E},
	{0x11241,0x11241}, {0x112DF,0x112DF}, {0x112E3,0x112EA},
	{0x11300,0x11301}, {0x1133B,0x1133C}, {0x11340,0x11340},
	{0x11366,0x1136C}, {0x11370,0x11374}, {0x113BB,0x113C0},
	{0x113CE,0x113CE}, {0x113D0,0x113D0}, {0x113D2,0x113D2},
	{0x113E1,0x113E2}, {0x11438,0x1143F}, {0x11442,0x11444},
	{0x11446,0x11446}, {0x1145E,0x1145E}, {0x114B3,0x114B8},
	{0x114BA,0x114BA}, {0x114BF,0x114C0}, {0x114C2,0x114C3},
	{0x115B2,0x115B5}, {0x115BC,0x115BD}, {0x115BF,0x115C0},
	{0x115DC,0x115DD}, {0x11633,0x1163A}, {0x1163D,0x1163D},
	{0x1163F,0x11640}, {0x116AB,0x116AB}, {0x116AD,0x116AD},
	{0x116B0,0x116B5}, {0x116B7,0x116B7}, {0x1171D,0x1171F},
	{0x11722,0x11725}, {0x11727,0x1172B}, {0x1182F,0x11837},
	{0x11839,0x1183A}, {0x1193B,0x1193C}, {0x1193E,0x1193E},
	{0x11943,0x11943}, {0x119D4,0x119D7}, {0x119DA,0x119DB},
	{0x119E0,0x119E0}, {0x11A01,0x11A0A}, {0x11A33,0x11A38},
	{0x11A3B,0x11A3E}, {0x11A47,0x11A47}, {0x11A51,0x11A56},
	{0x11A59,0x11A5B}, {0x11A8A,0x11A96}, {0x11A98,0x11A99},
	{0x11B60,0x11B60}, {0x11B62,0x11B64}, {0x11B66,0x11B66},
	{0x11C30,0x11C36}, {0x11C38,0x11C3D}, {0x11C3F,0x11C3F},
	{0x11C92,0x11CA7}, {0x11CAA,0x11CB0}, {0x11CB2,0x11CB3},
	{0x11CB5,0x11CB6}, {0x11D31,0x11D36}, {0x11D3A,0x11D3A},
	{0x11D3C,0x11D3D}, {0x11D3F,0x11D45}, {0x11D47,0x11D47},
	{0x11D90,0x11D91}, {0x11D95,0x11D95}, {0x11D97,0x11D97},
	{0x11EF3,0x11EF4}, {0x11F00,0x11F01}, {0x11F36,0x11F3A},
	{0x11F40,0x11F40}, {0x11F42,0x11F42}, {0x11F5A,0x11F5A},
	{0x13430,0x13440}, {0x13447,0x13455}, {0x1611E,0x16129},
	{0x1612D,0x1612F}, {0x16AF0,0x16AF4}, {0x16B30,0x16B36},
	{0x16F4F,0x16F4F}, {0x16F8F,0x16F92}, {0x16FE4,0x16FE4},
	{0x1BC9D,0x1BC9E}, {0x1BCA0,0x1BCA3}, {0x1CF00,0x1CF2D},
	{0x1CF30,0x1CF46}, {0x1D167,0x1D169}, {0x1D173,0x1D182},
	{0x1D185,0x1D18B}, {0x1D1AA,0x1D1AD}, {0x1D242,0x1D244},
	{0x1DA00,0x1DA36}, {0x1DA3B,0x1DA6C}, {0x1DA75,0x1DA75},
	{0x1DA84,0x1DA84}, {0x1DA9B,0x1DA9F}, {0x1DAA1,0x1DAAF},
	{0x1E000,0x1E006}, {0x1E008,0x1E018}, {0x1E01B,0x1E021},
	{0x1E023,0x1E024}, {0x1E026,0x1E02A}, {0x1E08F,0x1E08F},
	{0x1E130,0x1E136}, {0x1E2AE,0x1E2AE}, {0x1E2EC,0x1E2EF},
	{0x1E4EC,0x1E4EF}, {0x1E5EE,0x1E5EF}, {0x1E6E3,0x1E6E3},
	{0x1E6E6,0x1E6E6}, {0x1E6EE,0x1E6EF}, {0x1E6F5,0x1E6F5},
	{0x1E8D0,0x1E8D6}, {0x1E944,0x1E94A}, {0xE0000,0xE0FFF}
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int
in_ranges(const struct range *r, size_t n, uint32_t cp)
{
	size_t lo = 0, hi = n;

	if (n == 0 || cp < r[0].lo || cp > r[n - 1].hi)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp > r[mid].hi)
			lo = mid + 1;
		else if (cp < r[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/* ---- UTF-8 ---- */

/* Length of the sequence a lead byte announces and the smallest code point
 * it may carry (to refuse overlongs); 0 for bytes that never lead. */
static size_t
utf8_lead(unsigned char c, uint32_t *bits, uint32_t *min)
{
	if (c >= 0xC2 && c <= 0xDF) {
		*bits = c & 0x1Fu;
		*min = 0x80;
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		*bits = c & 0x0Fu;
		*min = 0x800;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		*bits = c & 0x07u;
		*min = 0x10000;
		return 4;
	}
	return 0;
}

/* Decodes one code point from at most n bytes; returns its length, or 0
 * if the bytes at s are not valid UTF-8. Continuation bytes are checked
 * one by one, so a NUL terminator stops it before reading past it. */
static size_t
utf8_next(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t v, min;
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	len = utf8_lead(s[0], &v, &min);
	if (len == 0)
		return 0;
	for (i = 1; i < len; i++) {
		if (i >= n || (s[i] & 0xC0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3Fu);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

const char *
text_decode(const char *s, uint32_t *cp)
{
	size_t len = utf8_next((const unsigned char *)s, 4, cp);

	if (len == 0) {
		*cp = TEXT_REPLACEMENT;
		len = 1;
	}
	return s + len;
}

uint32_t
text_first_cp(const char *s)
{
	uint32_t cp = 0;

	if (*s != '\0')
		text_decode(s, &cp);
	return cp;
}

uint32_t
text_last_cp(const char *s, size_t len)
{
	size_t i = len;

	if (len == 0)
		return 0;
	/* Back to the lead byte of the last UTF-8 sequence. */
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	return text_first_cp(s + (i > 0 ? i - 1 : 0));
}

int
text_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = TEXT_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int
text_valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t cp;

	while (n > 0) {
		size_t len = utf8_next(p, n, &cp);

		if (len == 0)
			return 0;
		p += len;
		n -= len;
	}
	return 1;
}

void
text_buf_add_cp(struct buf *b, uint32_t cp)
{
	char enc[4];

	buf_add(b, enc, (size_t)text_encode(cp, enc));
}

/* ---- width ---- */

static int
is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
}

static int
is_zero_width(uint32_t cp)
{
	return in_ranges(zero_ranges, NELEM(zero_ranges), cp);
}

int
text_cp_width(uint32_t cp)
{
	if (is_control(cp))
		return 0;
	if (cp < 0x300)		/* nothing below is wide or zero width */
		return 1;
	if (is_zero_width(cp))
		return 0;
	if (in_ranges(wide_ranges, NELEM(wide_ranges), cp))
		return 2;
	return 1;
}

size_t
text_width(const char *s)
{
	size_t w = 0;
	uint32_t cp;

	while (*s != '\0') {
		if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7F) {
			w++;
			s++;
			continue;
		}
		s = text_decode(s, &cp);
		w += (size_t)text_cp_width(cp);
	}
	return w;
}

char *
text_fit(const char *s, size_t cols)
{
	const char *p = s, *next;
	size_t used = 0, w;
	uint32_t cp;

	while (*p != '\0') {
		if ((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F) {
			next = p + 1;
			w = 1;
		} else {
			next = text_decode(p, &cp);
			w = (size_t)text_cp_width(cp);
		}
		if (w > cols - used)
			break;
		used += w;
		p = next;
	}
	return xstrndup(s, (size_t)(p - s));
}

char *
text_fit_marked(const char *s, size_t cols)
{
	char *fit, *out;

	if (text_width(s) <= cols)
		return xstrdup(s);
	fit = text_fit(s, cols > 0 ? cols - 1 : 0);
	out = xasprintf("%s" TEXT_CUT_MARK, fit);
	free(fit);
	return out;
}

double
text_measure_columns(uint32_t cp, void *ud)
{
	(void)ud;
	return text_cp_width(cp);
}

/* ---- sanitising ---- */

static int
is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

int
text_check_input(const char *s, int multiline, size_t max, char *err,
    size_t errlen)
{
	size_t n = strlen(s), pos = 0;
	const char *p = s;
	uint32_t cp;

	if (!text_valid_utf8(s, n))
		return err_set(err, errlen, -1, _("not UTF-8 text"));
	if (n > max)
		return err_set(err, errlen, -1, _("too long: %zu bytes (at "
		    "most %zu)"), n, max);
	for (; *p != '\0'; pos++) {
		p = text_decode(p, &cp);
		if (cp == '\n' && !multiline)
			return err_set(err, errlen, -1, _("a line break is not "
			    "allowed here (character %zu)"), pos + 1);
		if ((is_control(cp) && cp != '\t' && cp != '\n') ||
		    is_bidi_control(cp))
			return err_set(err, errlen, -1, _("control character "
			    "U+%04X is not allowed (character %zu)"),
			    (unsigned)cp, pos + 1);
	}
	return 0;
}

/* After CSI: parameter and intermediate bytes, then one final byte. A
 * byte outside the grammar ends the sequence and is kept as text. */
static const char *
skip_csi(const char *p)
{
	while ((unsigned char)*p >= 0x20 && (unsigned char)*p <= 0x3F)
		p++;
	if ((unsigned char)*p >= 0x40 && (unsigned char)*p <= 0x7E)
		p++;
	return p;
}

/* After OSC, DCS, SOS, PM or APC: everything up to BEL, ESC \ or U+009C,
 * or to the end of the text. Another ESC ends it without being eaten, so
 * it is parsed as the start of the next sequence. */
static const char *
skip_string_seq(const char *p)
{
	uint32_t cp;
	const char *next;

	while (*p != '\0') {
		if (*p == '\a')
			return p + 1;
		if (*p == '\033')
			return p[1] == '\\' ? p + 2 : p;
		next = text_decode(p, &cp);
		if (cp == 0x9C)
			return next;
		p = next;
	}
	return p;
}

/* After ESC: CSI, a string sequence, or intermediates plus one final
 * byte (ESC ( B, ESC 7, ESC c ...). ESC before anything else is dropped
 * alone. */
static const char *
skip_escape(const char *p)
{
	if (*p == '[')
		return skip_csi(p + 1);
	if (*p != '\0' && strchr("]PX^_", *p) != NULL)
		return skip_string_seq(p + 1);
	while (*p >= 0x20 && *p <= 0x2F)
		p++;
	if (*p >= 0x30 && *p <= 0x7E)
		p++;
	return p;
}

static int
is_c1_string(uint32_t cp)
{
	return cp == 0x90 || cp == 0x98 || cp == 0x9D || cp == 0x9E ||
	    cp == 0x9F;
}

static void
sanitize_cp(struct buf *b, uint32_t cp, int keep_newlines)
{
	if (cp == '\t' || (cp == '\n' && !keep_newlines))
		buf_addc(b, ' ');
	else if (cp == '\n')
		buf_addc(b, '\n');
	else if (!is_control(cp) && !is_bidi_control(cp))
		text_buf_add_cp(b, cp);
}

/* 1 when the code point at s (decoded as cp, ending at next) can be
 * copied as it is: printable, and really what the bytes say (an invalid
 * byte also decodes to U+FFFD, but must be written as one). */
static int
copies_verbatim(const char *s, const char *next, uint32_t cp)
{
	if (is_control(cp))
		return 0;
	if (cp == TEXT_REPLACEMENT)
		return next - s == 3 && memcmp(s, "\xEF\xBF\xBD", 3) == 0;
	return 1;
}

/* Plain runs are copied whole (lists sanitise thousands of cells). */
char *
text_sanitize(const char *s, int keep_newlines)
{
	struct buf b;
	const char *run = s, *next;
	uint32_t cp;

	buf_init(&b);
	while (*s != '\0') {
		if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7F) {
			s++;
			continue;
		}
		next = text_decode(s, &cp);
		if (cp >= 0xA0 && !is_bidi_control(cp) &&
		    copies_verbatim(s, next, cp)) {
			s = next;
			continue;
		}
		buf_add(&b, run, (size_t)(s - run));
		if (cp == 0x1B)
			s = skip_escape(next);
		else if (cp == 0x9B)
			s = skip_csi(next);
		else if (is_c1_string(cp))
			s = skip_string_seq(next);
		else {
			sanitize_cp(&b, cp, keep_newlines);
			s = next;
		}
		run = s;
	}
	buf_add(&b, run, (size_t)(s - run));
	return buf_steal(&b);
}

/* ---- machine formats ---- */

static const char *
tsv_escape(uint32_t cp)
{
	switch (cp) {
	case '\t': return "\\t";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\\': return "\\\\";
	default: return NULL;
	}
}

/* An answers file (docs/contract.md §2) escapes only newline and backslash; a
 * tab is kept as it is, a CR dropped with the other controls. */
static const char *
answers_escape(uint32_t cp)
{
	switch (cp) {
	case '\t': return "\t";
	case '\n': return "\\n";
	case '\\': return "\\\\";
	default: return NULL;
	}
}

/* Runs of plain text are copied whole: listing 10 000 incidents escapes
 * 70 000 fields, and appending code point by code point dominated. The
 * characters `escape` names get its escape; other controls and bidi
 * controls become \uXXXX with `unicode` (JSON), else are dropped: tsv is
 * read on terminals too, where an override would reverse the columns after
 * it. */
static void
escape_into(struct buf *b, const char *s, const char *(*escape)(uint32_t cp),
    int unicode)
{
	const char *run = s, *next, *esc;
	uint32_t cp;

	while (*s != '\0') {
		if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7F &&
		    *s != '\\' && *s != '"') {
			s++;
			continue;
		}
		next = text_decode(s, &cp);
		esc = escape(cp);
		if (esc == NULL && !is_bidi_control(cp) &&
		    copies_verbatim(s, next, cp)) {
			s = next;
			continue;
		}
		buf_add(b, run, (size_t)(s - run));
		if (esc != NULL)
			buf_adds(b, esc);
		else if (!is_control(cp) && !is_bidi_control(cp))
			text_buf_add_cp(b, cp);
		else if (unicode)
			buf_addf(b, "\\u%04x", (unsigned)cp);
		s = run = next;
	}
	buf_add(b, run, (size_t)(s - run));
}

static char *
escaped(const char *s, const char *(*escape)(uint32_t cp))
{
	struct buf b;

	buf_init(&b);
	escape_into(&b, s, escape, 0);
	return buf_steal(&b);
}

char *
text_escape_tsv(const char *s)
{
	return escaped(s, tsv_escape);
}

char *
text_escape_answers(const char *s)
{
	return escaped(s, answers_escape);
}

static const char *
json_short_escape(uint32_t cp)
{
	switch (cp) {
	case '"': return "\\\"";
	case '\\': return "\\\\";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\t': return "\\t";
	case '\b': return "\\b";
	case '\f': return "\\f";
	default: return NULL;
	}
}

/* DEL, C1 and bidi controls are legal raw in JSON but are escaped too:
 * the output is often read on a terminal, where they would act. */
char *
text_escape_json(const char *s)
{
	struct buf b;

	buf_init(&b);
	buf_addc(&b, '"');
	escape_into(&b, s, json_short_escape, 1);
	buf_addc(&b, '"');
	return buf_steal(&b);
}
