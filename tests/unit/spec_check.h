/*
 * spec_check.h - for the unit tests that hold the code and the data files to
 * docs/contract.md: every disagreement in a test is printed as a MISMATCH line
 * with its case, and the test then fails once, so one run shows all of them.
 */
#ifndef ANSHIN_CONTRACT_CHECK_H
#define ANSHIN_CONTRACT_CHECK_H

#include <stdarg.h>
#include <stdio.h>

static int spec_failures;

static void spec_mismatch(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
spec_mismatch(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "MISMATCH %s:%d: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	spec_failures++;
}

#define mismatch(line, ...) spec_mismatch(__FILE__, (line), __VA_ARGS__)
#define BEGIN() do { (void)state; spec_failures = 0; } while (0)
#define END() do { if (spec_failures != 0) \
	fail_msg("%d check(s) disagree with docs/contract.md (see MISMATCH above)", \
	    spec_failures); } while (0)

#endif
