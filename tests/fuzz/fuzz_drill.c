/*
 * fuzz_drill.c - libFuzzer target for the drill loader (drill_parse_string
 * in src/core/drill.c over src/core/ini.c) against the shipped form, rules and
 * holidays, and for the score of docs/contract.md §8 over what it loads.
 *
 * Facilities write their own scenarios, so any text must end in a drill
 * or one "NAME:LINE: message" error. A drill that loads must score as
 * docs/contract.md §8 says at its two ends: its own true answers with every
 * expected action done score 100 (90 when twice over the time limit), and
 * nothing answered misses every expected action and gets every scored key
 * wrong.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_drill"
#include "fuzz.h"

#include "model.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct model_data *g_data;	/* the shipped form, rules, holidays */

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[1024];

	(void)argc;
	(void)argv;
	if (model_data_load(fuzz_data_dir(), &g_data, err, sizeof err) !=
	    ST_OK)
		fuzz_die("cannot load data", err);
	return 0;
}

static size_t
count_scored(const struct drill *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nfields; i++)
		n += d->scored[i] != 0;
	return n;
}

/* The trainee who knew everything and did everything. */
static void
check_perfect(const struct drill *d)
{
	struct drill_score s;
	struct strv done = { 0 };
	size_t i;

	for (i = 0; i < d->nexpected; i++)
		strv_push(&done, d->expected[i]);
	drill_score(d, g_data->form, g_data->rules, g_data->holidays, d->truth,
	    &done, -1, &s);
	fuzz_check(s.score == 100 && s.missed.n == 0 && s.wrong.n == 0,
	    "the truth with every expected action does not score 100", d->name);
	drill_score_free(&s);
	if (d->time_limit > 0) {
		drill_score(d, g_data->form, g_data->rules, g_data->holidays,
		    d->truth, &done, 2L * d->time_limit, &s);
		fuzz_check(s.score == 90 && s.late_penalty == 10.0,
		    "twice the time limit does not cost 10 points", d->name);
		drill_score_free(&s);
	}
	strv_free(&done);
}

/* The trainee who answered nothing and did nothing. */
static void
check_empty(const struct drill *d)
{
	char **none = xcalloc(g_data->form->nfields, sizeof *none);
	struct drill_score s;

	drill_score(d, g_data->form, g_data->rules, g_data->holidays, none,
	    NULL, -1, &s);
	fuzz_check(s.score >= 0 && s.score <= 100, "score out of range",
	    d->name);
	fuzz_check(s.wrong.n == count_scored(d), "an unanswered scored key not "
	    "wrong", d->name);
	fuzz_check(s.missed.n == d->nexpected, "an expected action not missed "
	    "with nothing done", d->name);
	drill_score_free(&s);
	free(none);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[1024];
	struct drill d;
	int rc;

	err[0] = '\0';
	rc = drill_parse_string((const char *)data, size, "fuzz", "fuzz.drill",
	    g_data->form, g_data->rules, g_data->holidays, &d, err, sizeof err);
	fuzz_check_nul(data, size, rc, err, "fuzz.drill");
	if (rc == ST_OK) {
		fuzz_check(d.nfields == g_data->form->nfields,
		    "truth not one per field", d.name);
		check_perfect(&d);
		check_empty(&d);
		drill_free(&d);
	} else {
		fuzz_check(rc == ST_CONFIG, "error other than ST_CONFIG", err);
		fuzz_check(strncmp(err, "fuzz.drill:", 11) == 0 &&
		    strspn(err + 11, "0123456789") > 0,
		    "error message does not start with NAME:LINE", err);
	}
	return 0;
}
