/*
 * fuzz_answers.c - libFuzzer target for the answers parser of docs/contract.md
 * §2 (model_answers_parse in src/core/model.c over src/core/ini.c and the
 * shipped form) and for what follows a successful parse: the time cross-checks,
 * the evaluation of the checklist and the expansion of action details.
 *
 * Answers files are the input most exposed to people and scripts
 * (`new --answers`, `drill --answers`, stdin). Besides memory safety the
 * target checks the contract the CLI promises: errors are ST_DATAERR with
 * "NAME:LINE: ", nothing is returned on error, every accepted value is
 * canonical, and the answers written back by `answers REF`'s writer
 * (text_escape_answers) parse again to the same answers, but for the
 * control characters it leaves out (docs/contract.md §1: they round-trip).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_answers"
#include "fuzz.h"

#include "model.h"
#include "text.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct model_data *g_data;
static jtime_t g_now;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[1024];

	(void)argc;
	(void)argv;
	/* Only the shipped contacts: a developer's own file must not make
	 * the target behave differently from one machine to the next. */
	setenv("XDG_CONFIG_HOME", "/nonexistent/anshin-ir-fuzz", 1);
	if (model_data_load(fuzz_data_dir(), &g_data, err, sizeof err) !=
	    ST_OK)
		fuzz_die("cannot load data", err);
	if (jtime_parse("2026-10-06 09:00", &g_now, err, sizeof err) != 0)
		exit(1);
	return 0;
}

/* A character `answers REF` leaves out: the controls a terminal acts on
 * (C0 but tab and newline, DEL, C1) and bidi overrides and isolates. */
static int
left_out(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7f ||
	    (cp >= 0x80 && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069);
}

/* What a value reads as after `answers REF` wrote it: those characters
 * gone, no outer spaces; NULL if nothing is left (the key then reads as
 * unanswered). Accepted values are valid UTF-8 (the parser checks). */
static char *
expected_value(const char *v)
{
	const char *next;
	struct buf b;
	uint32_t cp;
	char *s;

	buf_init(&b);
	buf_adds(&b, "");
	for (; *v != '\0'; v = next) {
		next = text_decode(v, &cp);
		if (!left_out(cp))
			buf_add(&b, v, (size_t)(next - v));
	}
	s = buf_steal(&b);
	memmove(s, util_trim(s), strlen(util_trim(s)) + 1);
	if (*s == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

static const char *
find_value(const struct answer_set *s, const char *key, int *found)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->v[i].key, key) == 0) {
			*found = 1;
			return s->v[i].value;
		}
	*found = 0;
	return NULL;
}

static void
check_round_trip(const struct answer_set *set)
{
	struct answer_set again;
	struct buf file;
	char err[2048], *want, *value;
	const char *got;
	size_t i;
	int found;

	buf_init(&file);
	buf_adds(&file, "# anshin-ir 2026-0001\n");
	for (i = 0; i < set->n; i++) {
		value = set->v[i].value != NULL ?
		    text_escape_answers(set->v[i].value) : xstrdup("");
		buf_addf(&file, "%s = %s\n", set->v[i].key, value);
		free(value);
	}
	fuzz_check(model_answers_parse(g_data, file.s, file.len, "again", g_now,
	    &again, err, sizeof err) == ST_OK, "written answers do not parse",
	    err);
	fuzz_check(again.n == set->n, "written answers differ in number",
	    file.s);
	for (i = 0; i < set->n; i++) {
		got = find_value(&again, set->v[i].key, &found);
		want = set->v[i].value != NULL ?
		    expected_value(set->v[i].value) : NULL;
		fuzz_check(found && (want == NULL ? got == NULL :
		    got != NULL && strcmp(want, got) == 0),
		    "answer changed on the round trip", set->v[i].key);
		free(want);
	}
	answer_set_free(&again);
	buf_free(&file);
}

/* Each accepted value is what form_value_normalize makes of it. */
static void
check_canonical(const struct answer_set *set)
{
	const struct form_field *fld;
	char err[1024], *canon;

	for (size_t i = 0; i < set->n; i++) {
		fld = form_field_find(g_data->form, set->v[i].key);
		fuzz_check(fld != NULL, "accepted an unknown key",
		    set->v[i].key);
		if (set->v[i].value == NULL)
			continue;
		fuzz_check(form_value_normalize(fld, set->v[i].value, &canon,
		    err, sizeof err) == ST_OK &&
		    strcmp(canon, set->v[i].value) == 0,
		    "accepted value not canonical", set->v[i].value);
		free(canon);
	}
}

/* The checklist of an incident holding these answers, details expanded. */
static void
evaluate(const struct answer_set *set)
{
	struct incident inc;
	struct evaluation ev;
	char *s;
	size_t i;
	int idx, unset;

	memset(&inc, 0, sizeof inc);
	inc.nvalues = g_data->form->nfields;
	inc.values = xcalloc(inc.nvalues, sizeof *inc.values);
	for (i = 0; i < set->n; i++)
		if ((idx = form_field_index(g_data->form, set->v[i].key)) >= 0)
			inc.values[idx] = set->v[i].value;
	(void)model_check_times(g_data, inc.values, g_now, NULL, 0);
	model_evaluate(g_data, &inc, &ev);
	for (i = 0; i < ev.nitems; i++) {
		unset = 0;
		s = model_expand_detail(g_data, &inc,
		    tr_get(&ev.items[i].action->detail, LANG_JA), LANG_JA,
		    "未設定", &unset);
		fuzz_check(s != NULL, "no detail", ev.items[i].action->id);
		free(s);
	}
	model_evaluation_free(&ev);
	free(inc.values);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct answer_set set;
	char err[4096];
	int rc;

	/* The parser takes a length: it gets libFuzzer's exact bytes, with
	 * no NUL after them, so ASan flags any read past `size`. */
	err[0] = '\0';
	rc = model_answers_parse(g_data, (const char *)data, size, "fuzz.answers",
	    g_now, &set, err, sizeof err);
	if (rc != ST_OK) {
		fuzz_check(rc == ST_DATAERR, "error other than ST_DATAERR",
		    err);
		fuzz_check(strncmp(err, "fuzz.answers:", 13) == 0,
		    "error message does not start with the file name", err);
		fuzz_check(set.n == 0 && set.v == NULL,
		    "answers left after an error", err);
		fuzz_check_nul(data, size, rc, err, "fuzz.answers");
		return 0;
	}
	check_canonical(&set);
	check_round_trip(&set);
	evaluate(&set);
	answer_set_free(&set);
	return 0;
}
