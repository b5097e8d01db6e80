/*
 * charset.h - text written by other programs, read as UTF-8: a file is
 * taken as UTF-8 when it is valid UTF-8 (a byte-order mark is dropped),
 * else as Shift_JIS the way Japanese Windows software writes it (CP932,
 * with its NEC and IBM extensions), which is what a spreadsheet saves as
 * "CSV" in Japan; converted with the C library's iconv.
 */
#ifndef ANSHIN_CHARSET_H
#define ANSHIN_CHARSET_H

#include <stddef.h>

enum charset { CHARSET_UTF8, CHARSET_CP932 };

/* "UTF-8", "Shift_JIS" (people know CP932 by that name). */
const char *charset_name(enum charset c);

/* Converts text[0..len) into a new UTF-8 string (*out, NUL-terminated,
 * *outlen bytes without the NUL) and says which it was. ST_DATAERR with
 * "NAME:LINE: ..." for text that is neither (the line of the first byte
 * that is not), for a NUL byte ("NAME:LINE: NUL byte", as every loader,
 * with what to do when it is UTF-16), and for UTF-16. */
int charset_to_utf8(const char *text, size_t len, const char *name,
    char **out, size_t *outlen, enum charset *which, char *err,
    size_t errlen);

#endif
