/*
 * fuzz_notice_csv.c - libFuzzer target for the list of individuals to
 * notify (notice_csv_parse in src/core/notice_csv.c, charset_to_utf8 in
 * src/core/charset.c).
 *
 * The file comes from a spreadsheet of patients: besides memory safety
 * the target checks what the letters and the record rely on. A list that
 * loads has rows, each with a name that is clean UTF-8 on one line, an
 * id of the allowed characters and unique, a postal code as 123-4567,
 * lines in file order; a list refused is empty, with "fuzz.csv:" first
 * and ST_DATAERR; a NUL byte is refused at its line (with what to do
 * when the file is UTF-16).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_notice_csv"
#include "fuzz.h"

#include "notice.h"
#include "text.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_postal(const char *p)
{
	int ok = p == NULL || (strlen(p) == 8 && p[3] == '-');
	size_t i;

	for (i = 0; p != NULL && ok && i < 8; i++)
		ok = i == 3 || isdigit((unsigned char)p[i]);
	fuzz_check(ok, "postal code not as 123-4567", p != NULL ? p : "");
}

static void
check_row(const struct notice_recipient *r, int prev_line)
{
	char msg[256];

	fuzz_check(r->id != NULL && *r->id != '\0' && strlen(r->id) <= 32 &&
	    strspn(r->id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789_.-") == strlen(r->id), "bad id", r->id != NULL ?
	    r->id : "");
	fuzz_check(r->name != NULL && *r->name != '\0' &&
	    text_check_input(r->name, 0, 200, msg, sizeof msg) == 0,
	    "name not clean text on one line", r->name != NULL ? r->name : "");
	fuzz_check(r->address == NULL || text_check_input(r->address, 1, 2000,
	    msg, sizeof msg) == 0, "address not clean text", r->address);
	check_postal(r->postal_code);
	fuzz_check(r->line > prev_line, "rows out of file order", r->id);
	fuzz_check(r->nmarks == 0 && r->marks == NULL, "marks from a file",
	    r->id);
}

static void
check_list(const struct notice_list *l)
{
	size_t i, j;

	fuzz_check(l->n > 0, "a list without rows", "");
	for (i = 0; i < l->n; i++) {
		check_row(&l->v[i], i > 0 ? l->v[i - 1].line : 1);
		/* a few hundred rows at most from the fuzzer: quadratic is fine */
		for (j = 0; j < i; j++)
			fuzz_check(strcmp(l->v[i].id, l->v[j].id) != 0,
			    "an id twice", l->v[i].id);
	}
}

/* As fuzz_check_nul, with the UTF-16 hint allowed after the message. */
static void
nul_refused(const uint8_t *data, size_t size, int rc, const char *err)
{
	const uint8_t *nul = size > 0 ? memchr(data, 0, size) : NULL, *p;
	char want[64];
	int line = 1;

	if (nul == NULL)
		return;
	for (p = data; p < nul; p++)
		line += *p == '\n';
	snprintf(want, sizeof want, "fuzz.csv:%d: NUL byte", line);
	fuzz_check(rc != ST_OK && strncmp(err, want, strlen(want)) == 0 &&
	    (err[strlen(want)] == '\0' || err[strlen(want)] == ':'),
	    "a NUL byte not refused at its line", err);
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
	struct notice_list l;
	enum charset which;
	char err[1024];
	int rc;

	err[0] = '\0';
	rc = notice_csv_parse((const char *)data, size, "fuzz.csv", &l, &which,
	    err, sizeof err);
	nul_refused(data, size, rc, err);
	if (rc == ST_OK) {
		fuzz_check(which == CHARSET_UTF8 || which == CHARSET_CP932,
		    "no encoding", "");
		check_list(&l);
	} else {
		fuzz_check(rc == ST_DATAERR && l.n == 0 && l.v == NULL,
		    "a refusal that is not ST_DATAERR with nothing kept", err);
		fuzz_check(strncmp(err, "fuzz.csv:", 9) == 0,
		    "error message does not start with the file name", err);
	}
	notice_list_free(&l);
	return 0;
}
