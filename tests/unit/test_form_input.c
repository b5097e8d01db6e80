/*
 * test_form_input.c - form_input_read over the shipped form: every form of
 * docs/contract.md §1 `set` as Japanese staff type it (full-width digits and
 * the ideographic space, ー for the dash, / and . between the date's parts, a
 * bare HH:MM for today and refused when still to come, 不明 and its friends, 40人,
 * 約40, 1,200, labels for choices) read to the canonical value; a count said
 * roughly answers its basis only while that is unanswered; errors name
 * the label, never the key, and give one example. Run from the
 * repository root; the clock is fixed at 2026-12-07 15:00 (Japan time).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "spec_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_input.h"
#include "util.h"

#define FORM_PATH "forms/intake.form"

static struct form *g_f;
static jtime_t g_now;

static int
setup(void **state)
{
	char err[1024] = "";

	(void)state;
	if (form_load(FORM_PATH, &g_f, err, sizeof err) != ST_OK) {
		fprintf(stderr, "cannot load %s: %s\n", FORM_PATH, err);
		return -1;
	}
	return jtime_parse("2026-12-07 15:00", &g_now, NULL, 0);
}

static int
teardown(void **state)
{
	(void)state;
	form_free(g_f);
	return 0;
}

/* One typed value and what it must give: the canonical value (NULL: the
 * answer cleared) and, when implied is not NULL, "KEY=VALUE" of the
 * second answer. */
struct ok_case {
	int line;
	const char *key, *typed, *canon, *implied;
};

static const struct ok_case ok_cases[] = {
	/* times: the strict form, and as people type it */
	{ __LINE__, "discovered_at", "2026-12-07 14:50", "2026-12-07 14:50", 0 },
	{ __LINE__, "discovered_at", "2026-12-07T14:50:30", "2026-12-07 14:50:30", 0 },
	{ __LINE__, "discovered_at", "14:50", "2026-12-07 14:50", 0 },
	{ __LINE__, "discovered_at", "9:05", "2026-12-07 09:05", 0 },
	{ __LINE__, "discovered_at", "15:00", "2026-12-07 15:00", 0 },
	{ __LINE__, "discovered_at", "2026/12/7 14:50", "2026-12-07 14:50", 0 },
	{ __LINE__, "discovered_at", "2026.12.7 9:05", "2026-12-07 09:05", 0 },
	{ __LINE__, "discovered_at", "2026/12/06  23:10", "2026-12-06 23:10", 0 },
	{ __LINE__, "discovered_at", "12/6 8:00", "2026-12-06 08:00", 0 },
	{ __LINE__, "discovered_at",
	    "２０２６－１２－０７　１４：５０", "2026-12-07 14:50", 0 },
	{ __LINE__, "discovered_at",
	    "２０２６ー１２ー０７　１４：５０", "2026-12-07 14:50", 0 },
	{ __LINE__, "discovered_at", "１４：５０", "2026-12-07 14:50", 0 },
	{ __LINE__, "discovered_at", "2026年12月7日 14時50分",
	    "2026-12-07 14:50", 0 },
	{ __LINE__, "discovered_at", "2026年12月7日14時", "2026-12-07 14:00", 0 },
	{ __LINE__, "discovered_at", "　2026-12-07 14:50　", "2026-12-07 14:50", 0 },
	{ __LINE__, "discovered_at", "now", "2026-12-07 15:00", 0 },
	{ __LINE__, "discovered_at", "今", "2026-12-07 15:00", 0 },
	{ __LINE__, "occurred_at", "不明", "unknown", 0 },
	{ __LINE__, "occurred_at", "わからない", "unknown", 0 },
	{ __LINE__, "occurred_at", "分からない", "unknown", 0 },
	{ __LINE__, "occurred_at", "Unknown", "unknown", 0 },
	{ __LINE__, "occurred_at", "ｕｎｋｎｏｗｎ", "unknown", 0 },
	{ __LINE__, "occurred_at", "", NULL, 0 },
	{ __LINE__, "occurred_at", "　", NULL, 0 },
	/* counts */
	{ __LINE__, "persons_count", "40", "40", 0 },
	{ __LINE__, "persons_count", "４０", "40", 0 },
	{ __LINE__, "persons_count", "40人", "40", 0 },
	{ __LINE__, "persons_count", "40 人", "40", 0 },
	{ __LINE__, "persons_count", "４０名", "40", 0 },
	{ __LINE__, "persons_count", "1,200", "1200", 0 },
	{ __LINE__, "persons_count", "１，２００人", "1200", 0 },
	{ __LINE__, "persons_count", "12,345,678", "12345678", 0 },
	{ __LINE__, "persons_count", "約40", "40", "persons_basis=estimated" },
	{ __LINE__, "persons_count", "約４０人", "40", "persons_basis=estimated" },
	{ __LINE__, "persons_count", "およそ1,200名", "1200",
	    "persons_basis=estimated" },
	{ __LINE__, "persons_count", "40人くらい", "40", "persons_basis=estimated" },
	{ __LINE__, "persons_count", "40くらい", "40", "persons_basis=estimated" },
	{ __LINE__, "persons_count", "40人程度", "40", "persons_basis=estimated" },
	{ __LINE__, "persons_count", "about 40", "40", "persons_basis=estimated" },
	{ __LINE__, "persons_count", "不明", NULL, "persons_basis=unknown" },
	{ __LINE__, "persons_count", "わからない", NULL, "persons_basis=unknown" },
	{ __LINE__, "persons_count", "unknown", NULL, "persons_basis=unknown" },
	{ __LINE__, "records_count", "1,200件", "1200", 0 },
	{ __LINE__, "records_count", "約300件", "300", 0 },
	/* choices (set): the value, its label, 不明 where unknown is one */
	{ __LINE__, "kind", "device_loss", "device_loss", 0 },
	{ __LINE__, "kind", "ｄｅｖｉｃｅ＿ｌｏｓｓ", "device_loss", 0 },
	{ __LINE__, "kind", "FAX誤送信", "fax_misdelivery", 0 },
	{ __LINE__, "kind", "Theft", "device_theft", 0 },
	{ __LINE__, "exposure", "不明", "unknown", 0 },
	{ __LINE__, "network_access", "わからない", "unknown", 0 },
	{ __LINE__, "data_types", "care, medical", "medical,care", 0 },
	{ __LINE__, "data_types", "care、medical", "medical,care", 0 },
	/* text: as typed, only the ends trimmed */
	{ __LINE__, "place", "　ＡＢＣ病院の受付　", "ＡＢＣ病院の受付", 0 },
	{ __LINE__, "summary", "タブレットを紛失（約40人分）",
	    "タブレットを紛失（約40人分）", 0 },
};

static void
check_ok(const struct ok_case *c, char **values)
{
	struct form_input in;
	char err[1024] = "", *implied = NULL;
	int f = form_field_index(g_f, c->key);

	if (form_input_read(g_f, (size_t)f, c->typed, values, g_now, LANG_EN,
	    &in, err, sizeof err) != ST_OK) {
		mismatch(c->line, "%s '%s' refused: %s", c->key, c->typed, err);
		return;
	}
	if ((in.value == NULL) != (c->canon == NULL) ||
	    (in.value != NULL && strcmp(in.value, c->canon) != 0))
		mismatch(c->line, "%s '%s' read as '%s', expected '%s'", c->key,
		    c->typed, in.value ? in.value : "(clear)",
		    c->canon ? c->canon : "(clear)");
	if (in.implied_field >= 0)
		implied = xasprintf("%s=%s", g_f->fields[in.implied_field].key,
		    in.implied_value);
	if ((implied == NULL) != (c->implied == NULL) ||
	    (implied != NULL && strcmp(implied, c->implied) != 0))
		mismatch(c->line, "%s '%s' also answers '%s', expected '%s'",
		    c->key, c->typed, implied ? implied : "-",
		    c->implied ? c->implied : "-");
	free(implied);
	form_input_free(&in);
}

static void
test_forms_read(void **state)
{
	char **values = xcalloc(g_f->nfields, sizeof *values);
	size_t i;

	(void)state;
	spec_failures = 0;
	for (i = 0; i < sizeof ok_cases / sizeof ok_cases[0]; i++)
		check_ok(&ok_cases[i], values);
	free(values);
	assert_int_equal(spec_failures, 0);
}

/* "約40" answers the basis only while it is unanswered: a basis the
 * person gave stays. */
static void
test_about_keeps_a_given_basis(void **state)
{
	char **values = xcalloc(g_f->nfields, sizeof *values);
	int basis = form_field_index(g_f, "persons_basis");
	int count = form_field_index(g_f, "persons_count");
	struct form_input in;
	char err[512];

	(void)state;
	values[basis] = "exact";
	assert_int_equal(form_input_read(g_f, (size_t)count, "約40", values,
	    g_now, LANG_EN, &in, err, sizeof err), ST_OK);
	assert_string_equal(in.value, "40");
	assert_int_equal(in.implied_field, -1);
	form_input_free(&in);
	/* 不明 says the basis is unknown whatever it was. */
	assert_int_equal(form_input_read(g_f, (size_t)count, "不明", values,
	    g_now, LANG_EN, &in, err, sizeof err), ST_OK);
	assert_null(in.value);
	assert_int_equal(in.implied_field, basis);
	assert_string_equal(in.implied_value, "unknown");
	form_input_free(&in);
	free(values);
}

/* Refused input: the message names the label (never the key) and says
 * what was typed. */
struct bad_case {
	int line;
	const char *key, *typed, *says;
};

static const struct bad_case bad_cases[] = {
	{ __LINE__, "discovered_at", "15:01", "still to come" },
	{ __LINE__, "discovered_at", "23:50", "2026-12-06 23:50" },
	{ __LINE__, "discovered_at", "2026-12-07", "no time of day" },
	{ __LINE__, "discovered_at", "2026-13-45 10:00", "not a real date" },
	{ __LINE__, "discovered_at", "25:00", "not a real date" },
	{ __LINE__, "discovered_at", "yesterday", "type it like 2026-12-07 15:00" },
	{ __LINE__, "discovered_at", "不明", "is not a date and time" },
	{ __LINE__, "discovered_at", "26/12/07 10:00", "is not a date and time" },
	{ __LINE__, "persons_count", "lots", "type it like 40" },
	{ __LINE__, "persons_count", "+5", "type it like 40" },
	{ __LINE__, "persons_count", "-5", "type it like 40" },
	{ __LINE__, "persons_count", "1,20", "type it like 40" },
	{ __LINE__, "persons_count", "4.5", "type it like 40" },
	{ __LINE__, "records_count", "不明", "leave it empty" },
	{ __LINE__, "kind", "lost", "allowed: device_loss" },
	{ __LINE__, "data_types", "none, care", "cannot be ticked with" },
	{ __LINE__, "place", "a\033[2Jb", "control character" },
};

static void
check_bad(const struct bad_case *c)
{
	struct form_input in;
	char err[1024] = "", **values = xcalloc(g_f->nfields, sizeof *values);
	int f = form_field_index(g_f, c->key);
	const char *label = tr_get(&g_f->fields[f].label, LANG_EN);

	if (form_input_read(g_f, (size_t)f, c->typed, values, g_now, LANG_EN,
	    &in, err, sizeof err) == ST_OK) {
		mismatch(c->line, "%s '%s' accepted as '%s'", c->key, c->typed,
		    in.value ? in.value : "(clear)");
		form_input_free(&in);
	} else if (strncmp(err, label, strlen(label)) != 0 ||
	    strstr(err, c->key) != NULL)
		mismatch(c->line, "%s: the message does not start with the "
		    "label '%s', or names the key: %s", c->key, label, err);
	else if (strstr(err, c->says) == NULL)
		mismatch(c->line, "%s '%s': the message lacks '%s': %s", c->key,
		    c->typed, c->says, err);
	free(values);
}

static void
test_refused(void **state)
{
	size_t i;

	(void)state;
	spec_failures = 0;
	for (i = 0; i < sizeof bad_cases / sizeof bad_cases[0]; i++)
		check_bad(&bad_cases[i]);
	assert_int_equal(spec_failures, 0);
}

/* Japanese labels in a Japanese message. */
static void
test_label_in_language(void **state)
{
	struct form_input in;
	char err[1024];
	int f = form_field_index(g_f, "discovered_at");

	(void)state;
	assert_int_equal(form_input_read(g_f, (size_t)f, "あした", NULL, g_now,
	    LANG_JA, &in, err, sizeof err), ST_DATAERR);
	assert_non_null(strstr(err, tr_get(&g_f->fields[f].label, LANG_JA)));
	assert_null(strstr(err, "discovered_at"));
}

static void
test_fold(void **state)
{
	char *s = form_input_fold("ＡＢＣ　１２３ー－４：ｚ〜");

	(void)state;
	assert_string_equal(s, "ABC 123--4:z~");
	free(s);
	s = form_input_fold("漢字かな");
	assert_string_equal(s, "漢字かな");
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms_read),
		cmocka_unit_test(test_about_keeps_a_given_basis),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_label_in_language),
		cmocka_unit_test(test_fold),
	};

	setenv("ANSHIN_IR_NOW", "2026-12-07 15:00", 1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
