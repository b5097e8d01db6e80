/*
 * fuzz_form.c - libFuzzer target for the form loader (form_parse_string,
 * src/core/form.c over src/core/ini.c and src/core/expr.c).
 *
 * A facility may edit forms/intake.form, so any text must end in either a
 * form or one "NAME:LINE: message" error, never a crash or leak. When the
 * input is a form, the target also drives what the wizard and the answers
 * parser do with it: normalising candidate values for every field (a
 * canonical value must normalise to itself), labels, and show_if
 * evaluation over an empty and a filled value vector.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_form"
#include "fuzz.h"

#include "form.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A raw value tried on a field, and whether a canonical result is stable. */
static char *
try_value(const struct form_field *fld, const char *raw)
{
	char err[512], *canon = NULL, *again = NULL;
	int rc = form_value_normalize(fld, raw, &canon, err, sizeof err);

	if (rc != ST_OK) {
		fuzz_check(rc == ST_DATAERR && canon == NULL && err[0] != '\0',
		    "refused value without ST_DATAERR and a message", raw);
		return NULL;
	}
	fuzz_check(canon != NULL, "accepted value without a canonical form",
	    raw);
	rc = form_value_normalize(fld, canon, &again, err, sizeof err);
	fuzz_check(rc == ST_OK && strcmp(canon, again) == 0,
	    "canonical value does not normalise to itself", canon);
	free(again);
	return canon;
}

/* Candidate values: each choice, all choices joined, and typical others. */
static char *
pick_value(const struct form_field *fld)
{
	static const char *const others[] = {
		"unknown", "none", "12", "-1", "+007", "99999999999999",
		"2026-10-05 18:20", "2026-02-30 10:00", " text \\ \n"
	};
	struct buf all;
	char *keep = NULL, *v;
	size_t i;

	buf_init(&all);
	for (i = 0; i < fld->nchoices; i++) {
		if (i > 0)
			buf_adds(&all, ", ");
		buf_adds(&all, fld->choices[i].value);
		(void)form_choice_label(fld, fld->choices[i].value, LANG_JA);
		(void)form_choice_label(fld, fld->choices[i].value, LANG_EN);
		v = try_value(fld, fld->choices[i].value);
		if (keep == NULL)
			keep = v;
		else
			free(v);
	}
	if (all.s != NULL)
		free(try_value(fld, all.s));
	buf_free(&all);
	for (i = 0; i < sizeof others / sizeof others[0]; i++) {
		v = try_value(fld, others[i]);
		if (keep == NULL)
			keep = v;
		else
			free(v);
	}
	return keep;
}

static void
exercise(const struct form *f)
{
	char **values = xcalloc(f->nfields, sizeof *values);
	size_t i;

	fuzz_check(f->nfields > 0, "a form without fields", f->name);
	for (i = 0; i < f->nfields; i++) {
		fuzz_check(f->fields[i].page < f->npages, "field on no page",
		    f->fields[i].key);
		fuzz_check(form_field_index(f, f->fields[i].key) == (int)i,
		    "field index does not find the field", f->fields[i].key);
		(void)form_field_visible(f, i, values);
	}
	for (i = 0; i < f->nfields; i++)
		values[i] = pick_value(&f->fields[i]);
	for (i = 0; i < f->nfields; i++)
		(void)form_field_visible(f, i, values);
	for (i = 0; i < f->nfields; i++)
		free(values[i]);
	free(values);
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
	char err[1024];
	struct form *f = NULL;
	int rc;

	err[0] = '\0';
	rc = form_parse_string((const char *)data, size, "fuzz.form", &f, err,
	    sizeof err);
	fuzz_check_nul(data, size, rc, err, "fuzz.form");
	if (rc == ST_OK) {
		fuzz_check(f != NULL, "ok without a form", "");
		exercise(f);
		form_free(f);
	} else {
		fuzz_check(rc == ST_CONFIG, "error other than ST_CONFIG", err);
		fuzz_check(strncmp(err, "fuzz.form:", 10) == 0,
		    "error message does not start with the file name", err);
	}
	return 0;
}
