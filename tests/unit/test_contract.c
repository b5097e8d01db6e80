/*
 * test_contract.c - the contract between C and the data (contract.h): the
 * shipped form has every key C reads; on a form built here with one field
 * per key, each key left out is "FORM:LAST:" naming it, each key of
 * another type is "FORM:LINE:" at its field, text and longtext stand for
 * each other; the event kinds have labels and the statuses read back.
 * Checks are "soft": each test prints every mismatch and fails once at
 * the end. Run from the repository root.
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

#include "contract.h"
#include "form.h"
#include "util.h"

#define FORM_PATH "forms/intake.form"

/* A type other than t that the contract does not accept for t. */
static enum form_type
other_type(enum form_type t)
{
	switch (t) {
	case FORM_CHOICE:
		return FORM_MULTI;
	case FORM_MULTI:
		return FORM_CHOICE;
	case FORM_INT:
		return FORM_TIME;
	case FORM_TIME:
		return FORM_TEXT;
	default:
		return FORM_INT;
	}
}

/* One field per contract key, in the contract's order, except `skip`;
 * field `retype` (if any) of type `type`. *lines: the text's line count. */
static char *
contract_form(size_t skip, size_t retype, enum form_type type, int *lines)
{
	struct buf b;
	enum form_type t;
	size_t i;
	char *s;

	buf_init(&b);
	buf_adds(&b, "[page p]\ntitle.ja = p\ntitle.en = p\n");
	for (i = 0; i < contract_nfields; i++) {
		if (i == skip)
			continue;
		t = i == retype ? type : contract_fields[i].type;
		buf_addf(&b, "[field %s]\npage = p\ntype = %s\nlabel.ja = x\n"
		    "label.en = x\n", contract_fields[i].key,
		    form_type_name(t));
		if (t == FORM_CHOICE || t == FORM_MULTI)
			buf_adds(&b, "choices = a\nchoice.a.ja = a\n"
			    "choice.a.en = a\n");
	}
	*lines = 0;
	for (s = b.s; *s != '\0'; s++)
		*lines += *s == '\n';
	return buf_steal(&b);
}

/* The line of "[field KEY]" in text. */
static int
field_line(const char *text, const char *key)
{
	char head[128];
	const char *p, *q;
	int line = 1;

	snprintf(head, sizeof head, "[field %s]\n", key);
	p = strstr(text, head);
	if (p == NULL)
		return 0;
	for (q = text; q < p; q++)
		line += *q == '\n';
	return line;
}

/* Checks text against the contract: ST_OK when want is NULL, else
 * ST_CONFIG with an error starting "t.form:LINE: " and holding want. */
static void
check(const char *text, int line, const char *want, int at)
{
	struct form *f = NULL;
	char err[1024] = "", prefix[64];
	int rc = form_parse_string(text, strlen(text), "t.form", &f, err,
	    sizeof err);

	if (rc != ST_OK) {
		mismatch(at, "the test's form is rejected: %s", err);
		return;
	}
	rc = contract_check_form(f, err, sizeof err);
	form_free(f);
	if (want == NULL) {
		if (rc != ST_OK)
			mismatch(at, "refused: %s", err);
		return;
	}
	snprintf(prefix, sizeof prefix, "t.form:%d: ", line);
	if (rc != ST_CONFIG)
		mismatch(at, "returned %d, expected ST_CONFIG", rc);
	else if (strncmp(err, prefix, strlen(prefix)) != 0 ||
	    strstr(err, want) == NULL)
		mismatch(at, "expected \"%s...%s...\", got \"%s\"", prefix,
		    want, err);
}

static void
test_shipped_form(void **state)
{
	struct form *f = NULL;
	char err[1024] = "";

	(void)state;
	if (form_load(FORM_PATH, &f, err, sizeof err) != ST_OK)
		fail_msg("cannot load %s: %s", FORM_PATH, err);
	if (contract_check_form(f, err, sizeof err) != ST_OK)
		fail_msg("%s", err);
	form_free(f);
}

static void
test_every_key_needed(void **state)
{
	char want[128], *t;
	size_t i;
	int lines;

	BEGIN();
	t = contract_form((size_t)-1, (size_t)-1, FORM_TEXT, &lines);
	check(t, 0, NULL, __LINE__);
	free(t);
	for (i = 0; i < contract_nfields; i++) {
		t = contract_form(i, (size_t)-1, FORM_TEXT, &lines);
		snprintf(want, sizeof want, "no [field %s]",
		    contract_fields[i].key);
		check(t, lines, want, __LINE__);
		free(t);
	}
	END();
}

static void
test_every_type_checked(void **state)
{
	char want[128], *t;
	enum form_type bad;
	size_t i;
	int lines;

	BEGIN();
	for (i = 0; i < contract_nfields; i++) {
		bad = other_type(contract_fields[i].type);
		t = contract_form((size_t)-1, i, bad, &lines);
		snprintf(want, sizeof want, "'%s' is of type %s",
		    contract_fields[i].key, form_type_name(bad));
		check(t, field_line(t, contract_fields[i].key), want,
		    __LINE__);
		free(t);
	}
	END();
}

/* The editor differs, the value C reads does not. */
static void
test_text_and_longtext(void **state)
{
	char *t;
	size_t i;
	int lines, n = 0;

	BEGIN();
	for (i = 0; i < contract_nfields; i++) {
		if (!form_type_is_text(contract_fields[i].type))
			continue;
		n++;
		t = contract_form((size_t)-1, i,
		    contract_fields[i].type == FORM_TEXT ? FORM_LONGTEXT :
		    FORM_TEXT, &lines);
		check(t, 0, NULL, __LINE__);
		free(t);
	}
	if (n < 2)
		mismatch(__LINE__, "expected text keys in the contract");
	END();
}

static void
test_events_and_statuses(void **state)
{
	const char *kinds[] = { EVENT_CREATED, EVENT_ANSWER, EVENT_ACTION,
		EVENT_NOTE, EVENT_EXPORT, EVENT_CLOSED, EVENT_REOPENED };
	size_t i;
	int s;

	(void)state;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		assert_non_null(contract_event_label(kinds[i]));
	assert_string_equal(contract_event_label(EVENT_REOPENED), "reopened");
	assert_null(contract_event_label("deleted"));
	assert_null(contract_event_label(NULL));
	for (s = 0; s < ACTION_COUNT; s++)
		assert_int_equal(contract_status_parse(contract_status_name(
		    (enum action_status)s)), s);
	assert_string_equal(contract_status_name(ACTION_SKIPPED), "skipped");
	assert_int_equal(contract_status_parse(NULL), ACTION_OPEN);
	assert_int_equal(contract_status_parse("waived"), ACTION_OPEN);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_form),
		cmocka_unit_test(test_every_key_needed),
		cmocka_unit_test(test_every_type_checked),
		cmocka_unit_test(test_text_and_longtext),
		cmocka_unit_test(test_events_and_statuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
