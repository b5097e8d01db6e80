/*
 * test_expr.c - the condition language: precedence, every operator on every
 * key type, docs/contract.md §3 unanswered semantics, defines, walking, and
 * every parse error path, against a small fake scope (keys and values like
 * intake.form).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "expr.h"
#include "util.h"

enum { K_KIND, K_NET, K_DATA, K_COUNT, K_SUMMARY, K_DISC, K_CAUSES, NKEYS };
enum { D_TRUE, D_FALSE, D_SENSITIVE, NDEFS };

struct fake_key {
	const char *name;
	enum expr_key_type type;
	int unknown_is_value;
	const char *values[8];
};

static const struct fake_key keys[NKEYS] = {
	[K_KIND] = { "kind", EXPR_KEY_CHOICE, 0, { "device_loss",
	    "device_theft", "email_misdelivery", "other" } },
	[K_NET] = { "network_access", EXPR_KEY_CHOICE, 1,
	    { "yes", "no", "unknown" } },
	[K_DATA] = { "data_types", EXPR_KEY_MULTI, 0, { "patient_identity",
	    "medical", "care", "credentials", "none" } },
	[K_COUNT] = { "persons_count", EXPR_KEY_INT, 0, { NULL } },
	[K_SUMMARY] = { "summary", EXPR_KEY_TEXT, 0, { NULL } },
	[K_DISC] = { "discovered_at", EXPR_KEY_TIME, 0, { NULL } },
	[K_CAUSES] = { "causes", EXPR_KEY_MULTI, 1,
	    { "theft", "loss", "unknown" } },
};

static const char *const defines[NDEFS] = {
	[D_TRUE] = "d_true", [D_FALSE] = "d_false",
	[D_SENSITIVE] = "ground_sensitive",
};

static int
fake_key(void *ud, const char *name, struct expr_key *out)
{
	(void)ud;
	for (int i = 0; i < NKEYS; i++) {
		if (strcmp(keys[i].name, name) == 0) {
			out->id = i;
			out->type = keys[i].type;
			out->unknown_is_value = keys[i].unknown_is_value;
			return 1;
		}
	}
	return 0;
}

static int
fake_value_ok(void *ud, int key_id, const char *value)
{
	(void)ud;
	for (int i = 0; keys[key_id].values[i] != NULL; i++)
		if (strcmp(keys[key_id].values[i], value) == 0)
			return 1;
	return 0;
}

static void
fake_describe(void *ud, int key_id, char *buf, size_t len)
{
	struct buf b;

	(void)ud;
	buf_init(&b);
	for (int i = 0; keys[key_id].values[i] != NULL; i++)
		buf_addf(&b, "%s%s", i ? ", " : "", keys[key_id].values[i]);
	snprintf(buf, len, "%s", b.s != NULL ? b.s : "");
	buf_free(&b);
}

static int
fake_define(void *ud, const char *name)
{
	(void)ud;
	for (int i = 0; i < NDEFS; i++)
		if (strcmp(defines[i], name) == 0)
			return i;
	return -1;
}

static const struct expr_scope scope = {
	fake_key, fake_value_ok, fake_describe, fake_define, NULL
};

/* What the evaluator sees: one value per key (NULL: unanswered) and the
 * truth of each define. */
struct fake_vals {
	const char *v[NKEYS];
	int def[NDEFS];
};

static const char *
ctx_value(void *ud, int key_id)
{
	return ((struct fake_vals *)ud)->v[key_id];
}

static int
ctx_define(void *ud, int define_id)
{
	return ((struct fake_vals *)ud)->def[define_id];
}

static struct fake_vals
no_answers(void)
{
	struct fake_vals fv;

	memset(&fv, 0, sizeof fv);
	fv.def[D_TRUE] = 1;
	return fv;
}

/* Parses (which must succeed) and evaluates src over fv. */
static int
eval_in(const char *src, struct fake_vals *fv)
{
	struct expr_ctx ctx = { ctx_value, ctx_define, fv };
	struct expr *e = NULL;
	char err[256];
	int r;

	if (expr_parse(src, &scope, &e, err, sizeof err) != 0)
		fail_msg("parse of \"%s\" failed: %s", src, err);
	assert_non_null(e);
	r = expr_eval(e, &ctx);
	expr_free(e);
	return r;
}

/* Parsing must fail with a message holding every given piece. */
static void
parse_fails(const char *src, const char *want1, const char *want2)
{
	struct expr *e = (struct expr *)&e;	/* must be reset to NULL */
	char err[256];

	memset(err, 0, sizeof err);
	if (expr_parse(src, &scope, &e, err, sizeof err) != -1)
		fail_msg("\"%s\" parsed but should fail", src);
	assert_null(e);
	if (strstr(err, want1) == NULL ||
	    (want2 != NULL && strstr(err, want2) == NULL))
		fail_msg("\"%s\": message \"%s\" lacks \"%s\" / \"%s\"", src,
		    err, want1, want2 ? want2 : "");
	assert_null(strchr(err, '\n'));
}

/* ---- logic ---- */

static void
test_true_false(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	assert_int_equal(eval_in("true", &fv), 1);
	assert_int_equal(eval_in("false", &fv), 0);
	assert_int_equal(eval_in("not true", &fv), 0);
	assert_int_equal(eval_in("not not true", &fv), 1);
}

static void
test_precedence(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	/* and binds tighter than or */
	assert_int_equal(eval_in("true or false and false", &fv), 1);
	assert_int_equal(eval_in("false and true or true", &fv), 1);
	assert_int_equal(eval_in("false and false or false", &fv), 0);
	/* not binds tighter than and / or */
	assert_int_equal(eval_in("not false and false", &fv), 0);
	assert_int_equal(eval_in("not true or true", &fv), 1);
	/* not covers the whole comparison */
	fv.v[K_KIND] = "device_loss";
	assert_int_equal(eval_in("not kind == device_loss", &fv), 0);
	assert_int_equal(eval_in("not kind == other and true", &fv), 1);
}

static void
test_parentheses(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	assert_int_equal(eval_in("(true or false) and false", &fv), 0);
	assert_int_equal(eval_in("not (false and false)", &fv), 1);
	assert_int_equal(eval_in("not (true or false)", &fv), 0);
	assert_int_equal(eval_in("((((true))))", &fv), 1);
	assert_int_equal(eval_in("(false or (true and (not false)))", &fv), 1);
	assert_int_equal(eval_in("true and(false)", &fv), 0);
}

static void
test_long_chains(void **state)
{
	struct fake_vals fv = no_answers();
	struct buf b;
	int i;

	(void)state;
	/* "and" chains are flat, so length is not depth */
	buf_init(&b);
	buf_adds(&b, "true");
	for (i = 0; i < 20000; i++)
		buf_adds(&b, " and true");
	assert_int_equal(eval_in(b.s, &fv), 1);
	buf_adds(&b, " and false or d_true");
	assert_int_equal(eval_in(b.s, &fv), 1);
	buf_free(&b);
	/* 60 nested parentheses are fine */
	buf_init(&b);
	for (i = 0; i < 60; i++)
		buf_adds(&b, "(");
	buf_adds(&b, "false");
	for (i = 0; i < 60; i++)
		buf_adds(&b, ")");
	assert_int_equal(eval_in(b.s, &fv), 0);
	buf_free(&b);
}

/* ---- choice keys ---- */

static void
test_choice_answered(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	fv.v[K_KIND] = "device_loss";
	assert_int_equal(eval_in("kind == device_loss", &fv), 1);
	assert_int_equal(eval_in("kind == other", &fv), 0);
	assert_int_equal(eval_in("kind != device_loss", &fv), 0);
	assert_int_equal(eval_in("kind != other", &fv), 1);
	assert_int_equal(eval_in("kind==device_loss", &fv), 1);
	assert_int_equal(eval_in("kind == \"device_loss\"", &fv), 1);
	assert_int_equal(
	    eval_in("kind in {device_loss, device_theft}", &fv), 1);
	assert_int_equal(eval_in("kind in {other}", &fv), 0);
	assert_int_equal(
	    eval_in("kind not in {device_loss, device_theft}", &fv), 0);
	assert_int_equal(eval_in("kind not in {other,email_misdelivery}", &fv),
	    1);
	fv.v[K_NET] = "no";
	assert_int_equal(eval_in("network_access != no", &fv), 0);
	assert_int_equal(eval_in("network_access == unknown", &fv), 0);
	fv.v[K_NET] = "unknown";
	assert_int_equal(eval_in("network_access == unknown", &fv), 1);
}

static void
test_choice_unanswered(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	/* no "unknown" among the values: no value at all */
	assert_int_equal(eval_in("kind == other", &fv), 0);
	assert_int_equal(eval_in("kind != device_loss", &fv), 1);
	assert_int_equal(eval_in("kind in {device_loss, other}", &fv), 0);
	assert_int_equal(eval_in("kind not in {device_loss, other}", &fv), 1);
	/* "unknown" among the values: compares as unknown */
	assert_int_equal(eval_in("network_access != no", &fv), 1);
	assert_int_equal(eval_in("network_access == unknown", &fv), 1);
	assert_int_equal(eval_in("network_access == yes", &fv), 0);
	assert_int_equal(eval_in("network_access != unknown", &fv), 0);
	assert_int_equal(eval_in("network_access in {yes, unknown}", &fv), 1);
	assert_int_equal(eval_in("network_access in {yes, no}", &fv), 0);
	assert_int_equal(eval_in("network_access not in {unknown}", &fv), 0);
}

/* ---- multi-choice keys ---- */

static void
test_multi_eq(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	fv.v[K_DATA] = "medical";
	assert_int_equal(eval_in("data_types == medical", &fv), 1);
	assert_int_equal(eval_in("data_types != medical", &fv), 0);
	assert_int_equal(eval_in("data_types == care", &fv), 0);
	assert_int_equal(eval_in("data_types != none", &fv), 1);
	/* == is the exact set, not membership */
	fv.v[K_DATA] = "patient_identity,medical";
	assert_int_equal(eval_in("data_types == medical", &fv), 0);
	assert_int_equal(eval_in("data_types == patient_identity", &fv), 0);
	assert_int_equal(eval_in("data_types != medical", &fv), 1);
	fv.v[K_DATA] = "none";
	assert_int_equal(eval_in("data_types != none", &fv), 0);
	assert_int_equal(eval_in("data_types == none", &fv), 1);
}

static void
test_multi_has_in(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	fv.v[K_DATA] = "patient_identity,credentials";
	assert_int_equal(eval_in("data_types has credentials", &fv), 1);
	assert_int_equal(eval_in("data_types has patient_identity", &fv), 1);
	assert_int_equal(eval_in("data_types has medical", &fv), 0);
	assert_int_equal(eval_in("data_types has {medical, care}", &fv), 0);
	assert_int_equal(eval_in("data_types has {medical, credentials}", &fv),
	    1);
	assert_int_equal(eval_in("data_types in {care, credentials}", &fv), 1);
	assert_int_equal(eval_in("data_types in {care, medical}", &fv), 0);
	assert_int_equal(eval_in("data_types not in {care, medical}", &fv), 1);
	assert_int_equal(eval_in("data_types not in {credentials}", &fv), 0);
	/* items are matched whole, not as prefixes or substrings */
	fv.v[K_DATA] = "medical";
	assert_int_equal(eval_in("data_types has care", &fv), 0);
	fv.v[K_DATA] = "care";
	assert_int_equal(eval_in("data_types has care", &fv), 1);
}

static void
test_multi_unanswered(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	assert_int_equal(eval_in("data_types has medical", &fv), 0);
	assert_int_equal(eval_in("data_types has {medical, care}", &fv), 0);
	assert_int_equal(eval_in("data_types == none", &fv), 0);
	assert_int_equal(eval_in("data_types != none", &fv), 1);
	assert_int_equal(eval_in("data_types in {none, care}", &fv), 0);
	assert_int_equal(eval_in("data_types not in {none}", &fv), 1);
	/* a multi key offering "unknown" holds {unknown} until answered */
	assert_int_equal(eval_in("causes has unknown", &fv), 1);
	assert_int_equal(eval_in("causes == unknown", &fv), 1);
	assert_int_equal(eval_in("causes has theft", &fv), 0);
	assert_int_equal(eval_in("causes != theft", &fv), 1);
	fv.v[K_CAUSES] = "theft,loss";
	assert_int_equal(eval_in("causes has unknown", &fv), 0);
	assert_int_equal(eval_in("causes has loss", &fv), 1);
}

/* ---- integer keys ---- */

static void
test_int_answered(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	fv.v[K_COUNT] = "1500";
	assert_int_equal(eval_in("persons_count > 1000", &fv), 1);
	assert_int_equal(eval_in("persons_count < 1000", &fv), 0);
	assert_int_equal(eval_in("persons_count > 1500", &fv), 0);
	assert_int_equal(eval_in("persons_count < 1501", &fv), 1);
	assert_int_equal(eval_in("persons_count == 1500", &fv), 1);
	assert_int_equal(eval_in("persons_count == 01500", &fv), 1);
	assert_int_equal(eval_in("persons_count != 1500", &fv), 0);
	assert_int_equal(eval_in("persons_count != 999", &fv), 1);
	assert_int_equal(eval_in("persons_count in {1, 1500}", &fv), 1);
	assert_int_equal(eval_in("persons_count not in {1, 2}", &fv), 1);
	/* numeric, not string, order: "999" sorts after "1500" */
	fv.v[K_COUNT] = "999";
	assert_int_equal(eval_in("persons_count > 1000", &fv), 0);
	assert_int_equal(eval_in("persons_count < 1000", &fv), 1);
	fv.v[K_COUNT] = "0";
	assert_int_equal(eval_in("persons_count > -5", &fv), 1);
	assert_int_equal(eval_in("persons_count == -0", &fv), 1);
	assert_int_equal(eval_in("persons_count < 0", &fv), 0);
	fv.v[K_COUNT] = "-3";
	assert_int_equal(eval_in("persons_count < -2", &fv), 1);
	assert_int_equal(eval_in("persons_count > -4", &fv), 1);
	/* beyond 64 bits still compares */
	fv.v[K_COUNT] = "123456789012345678901234567890";
	assert_int_equal(
	    eval_in("persons_count > 123456789012345678901234567889", &fv), 1);
	assert_int_equal(eval_in("persons_count < 1000", &fv), 0);
}

static void
test_int_unanswered(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	assert_int_equal(eval_in("persons_count > 5", &fv), 0);
	assert_int_equal(eval_in("persons_count < 5", &fv), 0);
	assert_int_equal(eval_in("persons_count == 5", &fv), 0);
	assert_int_equal(eval_in("persons_count != 5", &fv), 1);
	assert_int_equal(eval_in("persons_count in {5, 6}", &fv), 0);
	assert_int_equal(eval_in("persons_count not in {5}", &fv), 1);
	/* a value that is not a number counts as no value */
	fv.v[K_COUNT] = "many";
	assert_int_equal(eval_in("persons_count > 5", &fv), 0);
	assert_int_equal(eval_in("persons_count < 5", &fv), 0);
}

/* ---- text keys ---- */

static void
test_text(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	assert_int_equal(eval_in("summary == \"lost phone\"", &fv), 0);
	assert_int_equal(eval_in("summary != \"lost phone\"", &fv), 1);
	fv.v[K_SUMMARY] = "lost phone";
	assert_int_equal(eval_in("summary == \"lost phone\"", &fv), 1);
	assert_int_equal(eval_in("summary != \"lost phone\"", &fv), 0);
	assert_int_equal(eval_in("summary == \"lost\"", &fv), 0);
	assert_int_equal(eval_in("summary in {\"a\", \"lost phone\"}", &fv),
	    1);
	fv.v[K_SUMMARY] = "say \"hi\" \\ ok";
	assert_int_equal(eval_in("summary == \"say \\\"hi\\\" \\\\ ok\"", &fv),
	    1);
	fv.v[K_SUMMARY] = "abc";
	assert_int_equal(eval_in("summary == abc", &fv), 1);
	/* a quoted keyword is an ordinary value */
	fv.v[K_SUMMARY] = "and";
	assert_int_equal(eval_in("summary == \"and\"", &fv), 1);
	fv.v[K_SUMMARY] = "紛失";
	assert_int_equal(eval_in("summary == \"紛失\"", &fv), 1);
}

/* ---- answered(), defines, examples ---- */

static void
test_answered(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	assert_int_equal(eval_in("answered(kind)", &fv), 0);
	/* "unknown" standing in for no answer is still no answer */
	assert_int_equal(eval_in("answered(network_access)", &fv), 0);
	assert_int_equal(eval_in("answered(discovered_at)", &fv), 0);
	assert_int_equal(eval_in("not answered ( persons_count )", &fv), 1);
	fv.v[K_KIND] = "other";
	fv.v[K_DISC] = "2025-04-01 09:00";
	fv.v[K_NET] = "unknown";
	assert_int_equal(eval_in("answered(kind)", &fv), 1);
	assert_int_equal(eval_in("answered(discovered_at)", &fv), 1);
	assert_int_equal(eval_in("answered(network_access)", &fv), 1);
}

static void
test_defines(void **state)
{
	struct fake_vals fv = no_answers();

	(void)state;
	assert_int_equal(eval_in("d_true", &fv), 1);
	assert_int_equal(eval_in("d_false", &fv), 0);
	assert_int_equal(eval_in("d_true and not d_false", &fv), 1);
	assert_int_equal(eval_in("d_false or (d_true and d_false)", &fv), 0);
	fv.def[D_FALSE] = 1;
	assert_int_equal(eval_in("d_false", &fv), 1);
}

static void
test_spec_examples(void **state)
{
	const char *lost = "kind in {device_loss, device_theft} and "
	    "network_access != no";
	const char *data = "not answered(data_types) or data_types has "
	    "{patient_identity, medical, care}";
	const char *count = "persons_count > 1000 and not ground_sensitive";
	struct fake_vals fv = no_answers();

	(void)state;
	assert_int_equal(eval_in(lost, &fv), 0);
	fv.v[K_KIND] = "device_theft";
	assert_int_equal(eval_in(lost, &fv), 1);	/* right after kind */
	fv.v[K_NET] = "no";
	assert_int_equal(eval_in(lost, &fv), 0);

	assert_int_equal(eval_in(data, &fv), 1);
	fv.v[K_DATA] = "credentials";
	assert_int_equal(eval_in(data, &fv), 0);
	fv.v[K_DATA] = "credentials,care";
	assert_int_equal(eval_in(data, &fv), 1);

	assert_int_equal(eval_in(count, &fv), 0);
	fv.v[K_COUNT] = "1001";
	assert_int_equal(eval_in(count, &fv), 1);
	fv.def[D_SENSITIVE] = 1;
	assert_int_equal(eval_in(count, &fv), 0);
}

/* ---- walk, NULL handling ---- */

struct seen {
	int keys[NKEYS];
	int defs[NDEFS];
};

static void
seen_key(void *ud, int id)
{
	((struct seen *)ud)->keys[id]++;
}

static void
seen_define(void *ud, int id)
{
	((struct seen *)ud)->defs[id]++;
}

static void
test_walk(void **state)
{
	struct expr *e = NULL;
	struct seen s;
	char err[256];

	(void)state;
	assert_int_equal(expr_parse("kind in {other} and (answered(discovered_at)"
	    " or not d_false) or data_types has care or kind == other",
	    &scope, &e, err, sizeof err), 0);
	memset(&s, 0, sizeof s);
	expr_walk(e, seen_key, seen_define, &s);
	assert_int_equal(s.keys[K_KIND], 2);
	assert_int_equal(s.keys[K_DISC], 1);
	assert_int_equal(s.keys[K_DATA], 1);
	assert_int_equal(s.keys[K_NET], 0);
	assert_int_equal(s.keys[K_COUNT], 0);
	assert_int_equal(s.defs[D_FALSE], 1);
	assert_int_equal(s.defs[D_TRUE], 0);
	/* either callback may be left out */
	memset(&s, 0, sizeof s);
	expr_walk(e, NULL, seen_define, &s);
	assert_int_equal(s.keys[K_KIND], 0);
	assert_int_equal(s.defs[D_FALSE], 1);
	expr_walk(e, seen_key, NULL, &s);
	assert_int_equal(s.keys[K_KIND], 2);
	expr_free(e);
	memset(&s, 0, sizeof s);
	expr_walk(NULL, seen_key, seen_define, &s);
	assert_int_equal(s.keys[K_KIND], 0);
}

static void
test_null_and_partial_scope(void **state)
{
	struct expr_scope bare = { fake_key, NULL, NULL, NULL, NULL };
	struct fake_vals fv = no_answers();
	struct expr_ctx ctx = { ctx_value, NULL, &fv };
	struct expr *e = NULL;
	char err[256], tiny[12];

	(void)state;
	assert_int_equal(expr_eval(NULL, &ctx), 1);	/* absent condition */
	expr_free(NULL);
	/* no value_ok: any value; no defines: names are unknown */
	assert_int_equal(expr_parse("kind == anything", &bare, &e, err,
	    sizeof err), 0);
	fv.v[K_KIND] = "anything";
	assert_int_equal(expr_eval(e, &ctx), 1);
	expr_free(e);
	assert_int_equal(expr_parse("d_true", &bare, &e, err, sizeof err), -1);
	assert_non_null(strstr(err, "unknown name 'd_true'"));
	/* no describe: the message still names the value */
	bare.value_ok = fake_value_ok;
	assert_int_equal(expr_parse("kind == x", &bare, &e, err, sizeof err),
	    -1);
	assert_string_equal(err, "unknown value 'x' for kind");
	/* no scope at all */
	assert_int_equal(expr_parse("kind == x", NULL, &e, err, sizeof err),
	    -1);
	assert_string_equal(err, "unknown key 'kind'");
	/* a NULL or short error buffer is safe */
	assert_int_equal(expr_parse("kind ==", &scope, &e, NULL, 0), -1);
	assert_null(e);
	assert_int_equal(expr_parse("kind ==", &scope, &e, tiny, sizeof tiny),
	    -1);
	assert_int_equal(strlen(tiny), sizeof tiny - 1);
	assert_int_equal(expr_parse(NULL, &scope, &e, err, sizeof err), -1);
	assert_string_equal(err, "empty condition");
}

/* ---- parse errors ---- */

static void
test_err_names(void **state)
{
	(void)state;
	parse_fails("kidn == device_loss", "unknown key 'kidn'", NULL);
	parse_fails("kidn in {a}", "unknown key 'kidn'", NULL);
	parse_fails("true and kidn not in {a}", "unknown key 'kidn'", NULL);
	parse_fails("answered(kidn)", "unknown key 'kidn'", NULL);
	parse_fails("answered(d_true)", "unknown key 'd_true'", NULL);
	parse_fails("foo", "unknown name 'foo'", "not a key or define");
	parse_fails("d_true and foo or true", "unknown name 'foo'", NULL);
	parse_fails("d_true in {x}", "unknown key 'd_true'", NULL);
}

static void
test_err_values(void **state)
{
	(void)state;
	parse_fails("kind == device_lost", "unknown value 'device_lost' for "
	    "kind (allowed: device_loss, device_theft, email_misdelivery, "
	    "other)", NULL);
	parse_fails("kind in {device_loss, lost}", "unknown value 'lost'",
	    "allowed: device_loss");
	parse_fails("kind != \"Device_loss\"", "unknown value 'Device_loss'",
	    NULL);
	parse_fails("network_access == maybe", "unknown value 'maybe' for "
	    "network_access (allowed: yes, no, unknown)", NULL);
	parse_fails("data_types has cats", "unknown value 'cats' for "
	    "data_types", "patient_identity");
	parse_fails("data_types has {medical, cats}", "unknown value 'cats'",
	    NULL);
	parse_fails("data_types == \"\"", "unknown value ''", NULL);
	parse_fails("kind == and", "expected a value after '=='",
	    "found 'and'");
	parse_fails("kind in {device_loss, or}", "expected a value after 'in'",
	    "found 'or'");
}

static void
test_err_types(void **state)
{
	(void)state;
	parse_fails("kind < 5", "'<' needs an integer key", "kind is a choice");
	parse_fails("data_types > 5", "'>' needs an integer key", NULL);
	parse_fails("summary < 5", "'<' needs an integer key", NULL);
	parse_fails("persons_count < many", "expected an integer after '<'",
	    "found 'many'");
	parse_fails("persons_count > 1.5", "expected an integer after '>'",
	    NULL);
	parse_fails("persons_count > -", "expected an integer after '>'",
	    NULL);
	parse_fails("persons_count < \"\"", "expected an integer after '<'",
	    NULL);
	parse_fails("persons_count == ten", "expected an integer after '=='",
	    NULL);
	parse_fails("persons_count != 1e3", "expected an integer after '!='",
	    NULL);
	parse_fails("persons_count in {1, x}", "expected an integer after "
	    "'in'", "found 'x'");
	parse_fails("persons_count has 5", "'has' needs a multi-choice key",
	    NULL);
	parse_fails("kind has other", "'has' needs a multi-choice key",
	    "kind is a choice");
	parse_fails("summary has x", "'has' needs a multi-choice key", NULL);
	parse_fails("discovered_at == x", "'==' does not work on time key "
	    "discovered_at", "answered(discovered_at)");
	parse_fails("discovered_at != x", "time key", NULL);
	parse_fails("discovered_at < 5", "time key", NULL);
	parse_fails("discovered_at in {x}", "time key", NULL);
	parse_fails("discovered_at not in {x}", "time key", NULL);
}

static void
test_err_structure(void **state)
{
	(void)state;
	parse_fails("", "empty condition", NULL);
	parse_fails("   \t ", "empty condition", NULL);
	parse_fails("true false", "expected 'and', 'or' or end of condition",
	    "found 'false'");
	parse_fails("kind == other device_loss", "found 'device_loss'", NULL);
	parse_fails("true)", "unbalanced ')'", NULL);
	parse_fails("(true", "unexpected end of condition", "')'");
	parse_fails("(true false)", "expected ')' but found 'false'", NULL);
	parse_fails("answered(kind and)", "expected ')'", "found 'and'");
	parse_fails("((true)", "unexpected end of condition", NULL);
	parse_fails("()", "expected a key, define", "found ')'");
	parse_fails("true and", "unexpected end of condition",
	    "expected a key, define");
	parse_fails("or true", "expected a key, define", "found 'or'");
	parse_fails("true and and true", "found 'and'", NULL);
	parse_fails("not", "unexpected end of condition", NULL);
	parse_fails("\"kind\" == other", "expected a key, define",
	    "found \"kind\"");
	parse_fails("== other", "expected a key, define", "found '=='");
	parse_fails("in == other", "expected a key, define", "found 'in'");
	parse_fails("kind", "unexpected end of condition", "after key kind");
	parse_fails("kind and true", "'=='", "found 'and'");
	parse_fails("kind ==", "unexpected end of condition",
	    "a value after '=='");
	parse_fails("kind == (other)", "a value after '=='", "found '('");
	parse_fails("kind not device_loss", "expected 'in' after 'not'",
	    "found 'device_loss'");
	parse_fails("kind in device_loss", "expected '{' after 'in'", NULL);
	parse_fails("kind in {}", "empty list", NULL);
	parse_fails("data_types has {}", "empty list", NULL);
	parse_fails("kind in {device_loss", "unexpected end of condition",
	    "'}'");
	parse_fails("kind in {device_loss device_theft}", "expected ',' or "
	    "'}'", "found 'device_theft'");
	parse_fails("kind in {device_loss,}", "expected a value", "found '}'");
	parse_fails("answered kind", "expected '(' after 'answered'", NULL);
	parse_fails("answered()", "expected a key", "found ')'");
	parse_fails("answered(kind", "unexpected end of condition", "')'");
	parse_fails("answered(\"kind\")", "expected a key", NULL);
}

static void
test_err_tokens(void **state)
{
	(void)state;
	parse_fails("kind = other", "unexpected '='", "'=='");
	parse_fails("kind ! other", "unexpected '!'", NULL);
	parse_fails("!kind", "unexpected '!'", NULL);
	parse_fails("persons_count <= 5", "'<=' is not supported", NULL);
	parse_fails("persons_count >= 5", "'>=' is not supported", NULL);
	parse_fails("true && true", "unexpected character '&'", NULL);
	parse_fails("kind == other;", "unexpected character ';'", NULL);
	parse_fails("summary == 紛失", "non-ASCII", NULL);
	parse_fails("summary == \"abc", "unterminated string", NULL);
	parse_fails("summary == \"abc\\", "unterminated string", NULL);
	parse_fails("summary == \"a\\nb\"", "unknown escape '\\n'", NULL);
	parse_fails("summary == \"a\\\tb\"", "unknown escape", NULL);
	parse_fails("true \x01", "control character 0x01", NULL);
}

static void
test_err_depth(void **state)
{
	struct buf b;
	int i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 100; i++)
		buf_adds(&b, "(");
	buf_adds(&b, "true");
	for (i = 0; i < 100; i++)
		buf_adds(&b, ")");
	parse_fails(b.s, "nested too deeply", NULL);
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "not ");
	buf_adds(&b, "true");
	parse_fails(b.s, "nested too deeply", NULL);
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_adds(&b, "(");
	parse_fails(b.s, "nested too deeply", NULL);
	buf_free(&b);
}

/* Long junk is cut in messages, so a message stays short. */
static void
test_err_long_token(void **state)
{
	struct expr *e = NULL;
	struct buf b;
	char err[512];

	(void)state;
	buf_init(&b);
	buf_adds(&b, "kind == ");
	for (int i = 0; i < 1000; i++)
		buf_addc(&b, 'x');
	assert_int_equal(expr_parse(b.s, &scope, &e, err, sizeof err), -1);
	assert_non_null(strstr(err, "unknown value 'xxxx"));
	assert_non_null(strstr(err, "...' for kind"));
	assert_true(strlen(err) < 200);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_true_false),
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_parentheses),
		cmocka_unit_test(test_long_chains),
		cmocka_unit_test(test_choice_answered),
		cmocka_unit_test(test_choice_unanswered),
		cmocka_unit_test(test_multi_eq),
		cmocka_unit_test(test_multi_has_in),
		cmocka_unit_test(test_multi_unanswered),
		cmocka_unit_test(test_int_answered),
		cmocka_unit_test(test_int_unanswered),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_answered),
		cmocka_unit_test(test_defines),
		cmocka_unit_test(test_spec_examples),
		cmocka_unit_test(test_walk),
		cmocka_unit_test(test_null_and_partial_scope),
		cmocka_unit_test(test_err_names),
		cmocka_unit_test(test_err_values),
		cmocka_unit_test(test_err_types),
		cmocka_unit_test(test_err_structure),
		cmocka_unit_test(test_err_tokens),
		cmocka_unit_test(test_err_depth),
		cmocka_unit_test(test_err_long_token),
	};

	return cmocka_run_group_tests_name("expr", tests, NULL, NULL);
}
