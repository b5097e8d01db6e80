/*
 * fuzz.h - what the libFuzzer targets share: checking an invariant, which
 * aborts so that libFuzzer keeps the input as a crash, and finding the
 * shipped data. A target defines FUZZ_NAME (its name in messages) before
 * including this.
 */
#ifndef ANSHIN_FUZZ_H
#define ANSHIN_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

static inline void
fuzz_check(int ok, const char *what, const char *detail)
{
	if (ok)
		return;
	fprintf(stderr, "%s: %s: %s\n", FUZZ_NAME, what, detail);
	abort();
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
