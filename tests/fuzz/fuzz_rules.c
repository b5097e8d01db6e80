/*
 * fuzz_rules.c - libFuzzer target for the rules loader (rules_parse_string,
 * src/core/rules.c over src/core/ini.c and src/core/expr.c) against the shipped form.
 *
 * data/actions.rules decides which actions a facility sees and the legal
 * assessment, and may be edited locally: any text must end in rules or one
 * "NAME:LINE: message" error. Rules that load are evaluated as the live
 * checklist would, over an empty incident and over the worked example's
 * answers (tests/fixtures/lost-tablet.answers), and the result must stay
 * in range: a known reportable value, grounds within the five, due dates
 * only where a date can be computed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_rules"
#include "fuzz.h"

#include "deadline.h"
#include "form.h"
#include "rules.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct form *g_form;
static struct holidays *g_holidays;
static char **g_example;		/* one value per field */

static void
set_example(const char *key, const char *value)
{
	int i = form_field_index(g_form, key);

	if (i < 0)
		fuzz_die("the form lacks key", key);
	g_example[i] = xstrdup(value);
}

static void
load_example(void)
{
	static const char *const kv[][2] = {
		{ "kind", "device_loss" },
		{ "discovered_at", "2026-10-05 18:20" },
		{ "occurred_at", "2026-10-05 17:40" },
		{ "summary", "訪問用タブレットをタクシー内に置き忘れ" },
		{ "cause", "loss" }, { "device_type", "tablet" },
		{ "device_owner", "facility" }, { "network_access", "yes" },
		{ "encryption", "unknown" }, { "key_exposed", "unknown" },
		{ "screen_lock", "strong" }, { "remote_wipe", "available" },
		{ "mdm", "yes" }, { "browser_saved_login", "yes" },
		{ "data_types", "patient_identity,care,contact" },
		{ "persons_count", "42" }, { "persons_basis", "estimated" },
	};
	size_t i;

	g_example = xcalloc(g_form->nfields, sizeof *g_example);
	for (i = 0; i < sizeof kv / sizeof kv[0]; i++)
		set_example(kv[i][0], kv[i][1]);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[1024], *path;

	(void)argc;
	(void)argv;
	path = fuzz_data_path("forms/intake.form");
	if (form_load(path, &g_form, err, sizeof err) != ST_OK)
		fuzz_die("cannot load the form", err);
	free(path);
	path = fuzz_data_path("data/holidays.tsv");
	if (holidays_load(path, &g_holidays, err, sizeof err) != ST_OK)
		fuzz_die("cannot load the holidays", err);
	free(path);
	load_example();
	return 0;
}

static void
check_result(const struct rules *r, const struct rules_result *res,
    int have_date)
{
	size_t i;

	fuzz_check(res->reportable == REPORTABLE_YES ||
	    res->reportable == REPORTABLE_NO ||
	    res->reportable == REPORTABLE_UNDETERMINED,
	    "reportable out of range", r->name);
	fuzz_check(res->grounds < (1u << GROUND_COUNT), "unknown ground",
	    r->name);
	fuzz_check(have_date ||
	    (res->final_due < 0 && res->preliminary_due < 0),
	    "a due date without discovered_at", r->name);
	for (i = 0; i < r->nactions; i++) {
		fuzz_check(res->applies[i] <= 1 && res->done_by_answer[i] <= 1,
		    "flag not 0 or 1", r->actions[i].id);
		fuzz_check(have_date || res->due[i] < 0,
		    "an action due date without discovered_at",
		    r->actions[i].id);
	}
}

static void
evaluate(const struct rules *r, char *const *values, int have_date)
{
	struct rules_result res;
	char *why, *facts;
	int keys[64];
	size_t n, i;

	rules_eval(r, g_form, g_holidays, values, &res);
	check_result(r, &res, have_date);
	/* What the views print with the result: the facts are answered
	 * keys of the form, in its order. */
	why = rules_result_why(r, &res, LANG_JA, " / ");
	facts = rules_facts_text(r, g_form, &res, values, LANG_EN, "; ");
	n = rules_decision_facts(r, &res, values, keys, 64);
	for (i = 0; i < n; i++)
		fuzz_check(keys[i] >= 0 && (size_t)keys[i] < g_form->nfields &&
		    values[keys[i]] != NULL && (i == 0 || keys[i - 1] < keys[i]),
		    "a fact out of the form or its order", r->name);
	fuzz_check((n == 0) == (facts == NULL), "facts text and keys disagree",
	    r->name);
	free(why);
	free(facts);
	rules_result_free(&res);
}

static void
exercise(const struct rules *r)
{
	char **empty = xcalloc(g_form->nfields, sizeof *empty);
	size_t i;

	for (i = 0; i < r->nactions; i++)
		fuzz_check(rules_action_find(r, r->actions[i].id) ==
		    &r->actions[i], "action lookup", r->actions[i].id);
	for (i = 0; i < NEED_COUNT; i++)
		fuzz_check(r->need[i] >= 0 && (size_t)r->need[i] < r->ndefines &&
		    r->defines[r->need[i]].when != NULL,
		    "a needed define without its compiled condition",
		    rules_need_name((enum rules_need)i));
	evaluate(r, empty, 0);
	evaluate(r, g_example, 1);
	free(empty);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[1024];
	struct rules *r = NULL;
	int rc;

	err[0] = '\0';
	rc = rules_parse_string((const char *)data, size, "fuzz.rules", g_form,
	    &r, err, sizeof err);
	fuzz_check_nul(data, size, rc, err, "fuzz.rules");
	if (rc == ST_OK) {
		fuzz_check(r != NULL, "ok without rules", "");
		exercise(r);
		rules_free(r);
	} else {
		fuzz_check(rc == ST_CONFIG, "error other than ST_CONFIG", err);
		fuzz_check(strncmp(err, "fuzz.rules:", 11) == 0,
		    "error message does not start with the file name", err);
	}
	return 0;
}
