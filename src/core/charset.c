/*
 * charset.c - UTF-8 or CP932 text to UTF-8 (charset.h). Why CP932 and not
 * plain Shift_JIS: the spreadsheets staff use write Microsoft's variant,
 * whose circled numbers (①) and wave dash (～) strict Shift_JIS rejects
 * or maps elsewhere.
 */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

const char *
charset_name(enum charset c)
{
	return c == CHARSET_CP932 ? "Shift_JIS" : "UTF-8";
}

/* The line (from 1) of byte `at`: in both encodings a newline byte is
 * never part of another character. */
static int
line_of(const char *text, size_t at)
{
	size_t i;
	int line = 1;

	for (i = 0; i < at; i++)
		line += text[i] == '\n';
	return line;
}

/* UTF-16 (what "Unicode text" exports are) starts with a byte-order
 * mark FF FE or FE FF; without one its NUL bytes are refused as such. */
static int
looks_utf16(const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;

	return len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF));
}

/* iconv from `from` (UTF-8 to UTF-8 finds where a file that says it is
 * UTF-8 is not). */
static int
convert(const char *from, const char *text, size_t len, const char *name,
    char **out, size_t *outlen, char *err, size_t errlen)
{
	iconv_t cd = iconv_open("UTF-8", from);
	size_t cap = len * 3 + 1, inleft = len, outleft = cap - 1;
	char *in = (char *)text, *buf, *p;

	if (cd == (iconv_t)-1)
		return err_set(err, errlen, ST_CONFIG, _("%s: the C library "
		    "cannot convert %s here (iconv: %s)"), name, from,
		    strerror(errno));
	/* a CP932 character of one or two bytes is at most three in UTF-8 */
	buf = p = xmalloc(cap);
	if (iconv(cd, &in, &inleft, &p, &outleft) == (size_t)-1) {
		iconv_close(cd);
		free(buf);
		if (strcmp(from, "UTF-8") == 0)
			return err_set(err, errlen, ST_DATAERR, _("%s:%d: not "
			    "valid UTF-8, though the file begins with UTF-8's "
			    "byte-order mark"), name, line_of(text,
			    (size_t)(in - text)));
		return err_set(err, errlen, ST_DATAERR, _("%s:%d: neither "
		    "UTF-8 nor Shift_JIS (CP932) text (save it as CSV in one of "
		    "them)"), name, line_of(text, (size_t)(in - text)));
	}
	iconv_close(cd);
	*p = '\0';
	*out = buf;
	*outlen = (size_t)(p - buf);
	return ST_OK;
}

int
charset_to_utf8(const char *text, size_t len, const char *name, char **out,
    size_t *outlen, enum charset *which, char *err, size_t errlen)
{
	*out = NULL;
	*outlen = 0;
	/* a NUL byte is refused as every loader refuses it; UTF-16 has
	 * them, and the message says what to do then */
	if (util_check_nul(text, len, name, ST_DATAERR, err, errlen) != ST_OK) {
		if (looks_utf16(text, len))
			err_set(err, errlen, ST_DATAERR, _("%s:%d: NUL byte: "
			    "UTF-16 text, not CSV (save it as CSV, UTF-8 or "
			    "Shift_JIS)"), name, line_of(text, (size_t)((const
			    char *)memchr(text, '\0', len) - text)));
		return ST_DATAERR;
	}
	if (looks_utf16(text, len))
		return err_set(err, errlen, ST_DATAERR, _("%s:1: UTF-16 text, "
		    "not CSV (save it as CSV, UTF-8 or Shift_JIS)"), name);
	*which = CHARSET_UTF8;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		return convert("UTF-8", text + 3, len - 3, name, out, outlen,
		    err, errlen);
	if (text_valid_utf8(text, len)) {
		*out = xstrndup(text, len);
		*outlen = len;
		return ST_OK;
	}
	*which = CHARSET_CP932;
	return convert("CP932", text, len, name, out, outlen, err, errlen);
}
