/*
 * fuzz_expr.c - libFuzzer target for the condition language (expr_parse,
 * expr_eval, expr_walk in src/core/expr.c) in the scope of the shipped form,
 * plus four defines named def_a .. def_d.
 *
 * Conditions come from forms and rules a facility edits. Any text must
 * parse to a tree or fail with one message; a tree must evaluate and walk
 * over any answers. The target also checks the logic the rules depend on:
 * "not (E)" is the negation of E, "(E) and true" and "(E) or false" are E,
 * over a value vector and define truths drawn from the input itself.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_expr"
#include "fuzz.h"

#include "expr.h"
#include "form.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define NDEFINES 4

static struct form *g_form;
static struct expr_scope g_form_scope;

/* Values and define truths one evaluation reads. */
struct world {
	const char **values;
	int defines[NDEFINES];
};

static int
scope_define(void *ud, const char *name)
{
	(void)ud;
	if (strncmp(name, "def_", 4) == 0 && name[4] >= 'a' &&
	    name[4] < 'a' + NDEFINES && name[5] == '\0')
		return name[4] - 'a';
	return -1;
}

/* The form's scope with the defines added; the form callbacks get the form. */
static int
scope_key(void *ud, const char *name, struct expr_key *out)
{
	(void)ud;
	return g_form_scope.key(g_form_scope.ud, name, out);
}

static int
scope_value_ok(void *ud, int key, const char *value)
{
	(void)ud;
	return g_form_scope.value_ok(g_form_scope.ud, key, value);
}

static void
scope_describe(void *ud, int key, char *buf, size_t len)
{
	(void)ud;
	g_form_scope.describe(g_form_scope.ud, key, buf, len);
}

static const struct expr_scope g_scope = {
	scope_key, scope_value_ok, scope_describe, scope_define, NULL
};

static const char *
ctx_value(void *ud, int key)
{
	const struct world *w = ud;

	fuzz_check(key >= 0 && (size_t)key < g_form->nfields,
	    "key id out of range", "ctx_value");
	return w->values[key];
}

static int
ctx_define(void *ud, int id)
{
	const struct world *w = ud;

	fuzz_check(id >= 0 && id < NDEFINES, "define id out of range",
	    "ctx_define");
	return w->defines[id];
}

static void
on_key(void *ud, int id)
{
	(void)ud;
	fuzz_check(id >= 0 && (size_t)id < g_form->nfields,
	    "walked key out of range", "on_key");
}

static void
on_define(void *ud, int id)
{
	(void)ud;
	fuzz_check(id >= 0 && id < NDEFINES, "walked define out of range",
	    "on_define");
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
	form_scope(g_form, &g_form_scope);
	return 0;
}

/* A value for field i picked by byte b: unanswered, one of its choices
 * (multi: one or two), a number or "unknown". Owned by the caller. */
static char *
value_for(const struct form_field *fld, unsigned b)
{
	switch (b % 5) {
	case 0:
		return NULL;
	case 1:
		if (fld->nchoices > 0)
			return xstrdup(fld->choices[(b / 5) % fld->nchoices].value);
		return xstrdup("12");
	case 2:
		if (fld->nchoices > 1 && fld->type == FORM_MULTI)
			return xasprintf("%s,%s", fld->choices[0].value,
			    fld->choices[fld->nchoices - 1].value);
		return xasprintf("%u", b);
	case 3:
		return xstrdup("unknown");
	default:
		return xstrdup("-3");
	}
}

static void
make_world(struct world *w, const uint8_t *data, size_t size)
{
	size_t i;

	w->values = xcalloc(g_form->nfields, sizeof *w->values);
	for (i = 0; i < g_form->nfields; i++)
		w->values[i] = value_for(&g_form->fields[i],
		    size > 0 ? data[(i * 7) % size] + (unsigned)i : 0);
	for (i = 0; i < NDEFINES; i++)
		w->defines[i] = size > i && (data[size - 1 - i] & 1);
}

static void
free_world(struct world *w)
{
	for (size_t i = 0; i < g_form->nfields; i++)
		free((char *)w->values[i]);
	free(w->values);
}

/* Parses fmt around src and, when it parses, checks its value. A wrapped
 * condition may only fail for being one level too deep. */
static void
check_wrapped(const char *fmt, const char *src, const struct expr_ctx *ctx,
    int expect)
{
	char *text = xasprintf(fmt, src), err[512];
	struct expr *e;

	if (expr_parse(text, &g_scope, &e, err, sizeof err) == 0) {
		fuzz_check(expr_eval(e, ctx) == expect,
		    "wrapped condition evaluates differently", text);
		expr_free(e);
	} else {
		fuzz_check(strstr(err, "nested too deeply") != NULL,
		    "wrapped condition refused", err);
	}
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *src = xstrndup((const char *)data, size), err[512];
	struct expr_ctx ctx;
	struct world w;
	struct expr *e = NULL;
	int v;

	err[0] = '\0';
	if (expr_parse(src, &g_scope, &e, err, sizeof err) != 0) {
		fuzz_check(e == NULL && err[0] != '\0',
		    "refused without a message", src);
		fuzz_check(strchr(err, '\n') == NULL,
		    "message on more than one line", err);
		free(src);
		return 0;
	}
	make_world(&w, data, size);
	ctx.value = ctx_value;
	ctx.define = ctx_define;
	ctx.ud = &w;
	v = expr_eval(e, &ctx);
	fuzz_check(v == 0 || v == 1, "truth value not 0 or 1", src);
	(void)expr_eval(e, NULL);
	expr_walk(e, on_key, on_define, NULL);
	check_wrapped("not (%s)", src, &ctx, !v);
	check_wrapped("(%s) and true", src, &ctx, v);
	check_wrapped("false or (%s)", src, &ctx, v);
	expr_free(e);
	free_world(&w);
	free(src);
	return 0;
}
