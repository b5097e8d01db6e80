/*
 * fuzz.h - what the libFuzzer targets share: checking an invariant, which
 * aborts so that libFuzzer keeps the input as a crash, and finding the
 * shipped data. A target defines FUZZ_NAME (its name in messages) before
 * including this.
 */
#ifndef ANSHIN_FUZZ_H
#define ANSHIN_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static inline void
fuzz_check(int ok, const char *what, const char *detail)
{
	if (ok)
		return;
	fprintf(stderr, "%s: %s: %s\n", FUZZ_NAME, what, detail);
	abort();
}

/* Input with a NUL byte: refused with "NAME:LINE: NUL byte", LINE that of
 * the first NUL, whatever else is wrong with it. A parser that stopped at
 * the NUL instead would accept a file cut short. */
static inline void
fuzz_check_nul(const uint8_t *data, size_t size, int rc, const char *err,
    const char *name)
{
	const uint8_t *nul = size > 0 ? memchr(data, 0, size) : NULL, *p;
	char want[256];
	int line = 1;

	if (nul == NULL)
		return;
	for (p = data; p < nul; p++)
		line += *p == '\n';
	snprintf(want, sizeof want, "%s:%d: NUL byte", name, line);
	fuzz_check(rc != ST_OK && strcmp(err, want) == 0,
	    "a NUL byte not refused at its line", err);
}

/* For LLVMFuzzerInitialize: the shipped data did not load. */
static inline void
fuzz_die(const char *what, const char *err)
{
	fprintf(stderr, "%s: %s: %s\n", FUZZ_NAME, what, err);
	exit(1);
}

/* The data directory: $ANSHIN_IR_DATA, else the current directory (make
 * runs the targets from the source tree). */
static inline const char *
fuzz_data_dir(void)
{
	const char *dir = getenv("ANSHIN_IR_DATA");

	return dir != NULL && *dir != '\0' ? dir : ".";
}

/* A file of the data directory; the caller frees it. */
static inline char *
fuzz_data_path(const char *rel)
{
	return xasprintf("%s/%s", fuzz_data_dir(), rel);
}

#endif
