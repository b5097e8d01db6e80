/*
 * expr.c - the condition language of forms and rules: the recursive-descent
 * parser that resolves every name through a scope, and the tree it builds
 * (expr_lex.c tokenizes, expr_eval.c evaluates and walks). Grammar and
 * semantics are in expr.h.
 *
 * Conditions come from data files a facility may edit, and the loaders are
 * fuzzed, so every input ends in either a tree or one readable message;
 * nesting is bounded, and "and"/"or" chains are flat lists rather than deep
 * binary trees so that a long chain cannot exhaust the stack when evaluated
 * or freed.
 */
#include "expr_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* Deep enough for any hand-written condition, shallow enough for the stack. */
#define EXPR_MAX_DEPTH 64
struct parser {
	const struct tok *toks;
	size_t pos;
	const struct expr_scope *scope;
	char *err;
	size_t errlen;
	int depth;
};
/* ---- tree ---- */

static struct expr *
node_new(enum node_kind kind)
{
	struct expr *e = xcalloc(1, sizeof *e);

	e->kind = kind;
	return e;
}

static void
node_add_kid(struct expr *e, struct expr *kid)
{
	e->kids = xreallocarray(e->kids, e->nkids + 1, sizeof *e->kids);
	e->kids[e->nkids++] = kid;
}

static void
node_add_val(struct expr *e, const char *v)
{
	e->vals = xreallocarray(e->vals, e->nvals + 1, sizeof *e->vals);
	e->vals[e->nvals++] = xstrdup(v);
}

void
expr_free(struct expr *e)
{
	if (e == NULL)
		return;
	for (size_t i = 0; i < e->nkids; i++)
		expr_free(e->kids[i]);
	for (size_t i = 0; i < e->nvals; i++)
		free(e->vals[i]);
	free(e->kids);
	free(e->vals);
	free(e);
}

/* ---- parser: errors and scope ---- */

static const struct tok *
cur(const struct parser *p)
{
	return &p->toks[p->pos];
}

/* The token after the current one; END repeats, so this never overruns. */
static const struct tok *
peek(const struct parser *p)
{
	return cur(p)->type == TOK_END ? cur(p) : &p->toks[p->pos + 1];
}

static void
advance(struct parser *p)
{
	if (cur(p)->type != TOK_END)
		p->pos++;
}

/* Reports what was expected and what the current token is instead. */
static struct expr *
fail_expected(struct parser *p, const char *what)
{
	char found[SHOW_MAX + 16];

	if (cur(p)->type == TOK_END) {
		err_set(p->err, p->errlen, -1,
		    _("unexpected end of condition (expected %s)"), what);
		return NULL;
	}
	expr_tok_describe(cur(p), found, sizeof found);
	err_set(p->err, p->errlen, -1, _("expected %s but found %s"), what,
	    found);
	return NULL;
}

static int
scope_key(const struct parser *p, const char *name, struct expr_key *out)
{
	const struct expr_scope *sc = p->scope;

	return sc != NULL && sc->key != NULL && sc->key(sc->ud, name, out);
}

static int
scope_define(const struct parser *p, const char *name)
{
	const struct expr_scope *sc = p->scope;
	int id = -1;

	if (sc != NULL && sc->define != NULL)
		id = sc->define(sc->ud, name);
	return id >= 0 ? id : -1;
}

static const char *
key_type_name(enum expr_key_type t)
{
	static const char *const names[] = {
		[EXPR_KEY_CHOICE] = N_("choice"),
		[EXPR_KEY_MULTI] = N_("multi-choice"),
		[EXPR_KEY_TEXT] = N_("text"), [EXPR_KEY_INT] = N_("integer"),
		[EXPR_KEY_TIME] = N_("time"),
	};

	return (size_t)t < sizeof names / sizeof names[0] ? _(names[t]) : "?";
}

/* ---- parser: comparisons ---- */

/* Time keys only say whether they are answered; ordering them would need
 * time parsing here, and the contract's rules never compare
 * times. */
static int
check_op(struct parser *p, const struct expr *e, const char *name,
    const char *op)
{
	const struct expr_key *k = &e->key;

	if (k->type == EXPR_KEY_TIME)
		return err_set(p->err, p->errlen, -1, _("'%s' does not work on "
		    "time key %s (only answered(%s))"), op, name, name);
	if ((e->op == OP_LT || e->op == OP_GT) && k->type != EXPR_KEY_INT)
		return err_set(p->err, p->errlen, -1, _("'%s' needs an integer "
		    "key (%s is a %s key)"), op, name, key_type_name(k->type));
	if (e->op == OP_HAS && k->type != EXPR_KEY_MULTI)
		return err_set(p->err, p->errlen, -1, _("'has' needs a "
		    "multi-choice key (%s is a %s key)"), name,
		    key_type_name(k->type));
	return 0;
}

static int
check_value(struct parser *p, const struct expr_key *k, const char *name,
    const char *op, const char *v)
{
	const struct expr_scope *sc = p->scope;
	char allowed[512], shown[SHOW_MAX + 4], found[SHOW_MAX + 16];

	if (k->type == EXPR_KEY_INT && !expr_dec_valid(v)) {
		expr_tok_describe(cur(p), found, sizeof found);
		return err_set(p->err, p->errlen, -1, _("expected an integer "
		    "after '%s' but found %s (%s is an integer key)"), op,
		    found, name);
	}
	if (k->type != EXPR_KEY_CHOICE && k->type != EXPR_KEY_MULTI)
		return 0;
	if (sc == NULL || sc->value_ok == NULL || sc->value_ok(sc->ud, k->id, v))
		return 0;
	expr_show_text(v, shown, sizeof shown);
	if (sc->describe == NULL)
		return err_set(p->err, p->errlen, -1,
		    _("unknown value '%s' for %s"), shown, name);
	allowed[0] = '\0';
	sc->describe(sc->ud, k->id, allowed, sizeof allowed);
	allowed[sizeof allowed - 1] = '\0';
	return err_set(p->err, p->errlen, -1,
	    _("unknown value '%s' for %s (allowed: %s)"), shown, name, allowed);
}

/* One literal; bare keywords are refused so that "kind == or" reads as the
 * slip it is rather than as a value named "or". */
static int
parse_value(struct parser *p, struct expr *e, const char *name, const char *op)
{
	const struct tok *t = cur(p);
	char what[128];

	if ((t->type != TOK_WORD && t->type != TOK_STRING) ||
	    (t->type == TOK_WORD && expr_is_keyword(t->text))) {
		snprintf(what, sizeof what, _("a value after '%s'"), op);
		fail_expected(p, what);
		return -1;
	}
	if (check_value(p, &e->key, name, op, t->text) < 0)
		return -1;
	node_add_val(e, t->text);
	advance(p);
	return 0;
}

static int
parse_list(struct parser *p, struct expr *e, const char *name, const char *op)
{
	char what[128];

	if (cur(p)->type != TOK_LBRACE) {
		snprintf(what, sizeof what, _("'{' after '%s'"), op);
		fail_expected(p, what);
		return -1;
	}
	advance(p);
	if (cur(p)->type == TOK_RBRACE)
		return err_set(p->err, p->errlen, -1,
		    _("empty list '{}' after '%s' (give at least one value)"), op);
	for (;;) {
		if (parse_value(p, e, name, op) < 0)
			return -1;
		if (cur(p)->type == TOK_RBRACE) {
			advance(p);
			return 0;
		}
		if (cur(p)->type != TOK_COMMA) {
			fail_expected(p, _("',' or '}' in the value list"));
			return -1;
		}
		advance(p);
	}
}

/* Reads the operator after a key into e and *op: 1, or 0 when there is no
 * operator, or -1 when "not" lacks its "in" (message set). */
static int
parse_op(struct parser *p, struct expr *e, const char **op)
{
	const struct tok *t = cur(p);

	e->negate = 0;
	switch (t->type) {
	case TOK_EQ:	e->op = OP_EQ; *op = "=="; break;
	case TOK_NE:	e->op = OP_EQ; e->negate = 1; *op = "!="; break;
	case TOK_LT:	e->op = OP_LT; *op = "<"; break;
	case TOK_GT:	e->op = OP_GT; *op = ">"; break;
	default:
		if (expr_tok_is(t, "in")) {
			e->op = OP_IN;
			*op = "in";
		} else if (expr_tok_is(t, "has")) {
			e->op = OP_HAS;
			*op = "has";
		} else if (expr_tok_is(t, "not")) {
			advance(p);
			if (!expr_tok_is(cur(p), "in")) {
				fail_expected(p, _("'in' after 'not'"));
				return -1;
			}
			e->op = OP_IN;
			e->negate = 1;
			*op = "not in";
		} else {
			return 0;
		}
	}
	advance(p);
	return 1;
}

static struct expr *
parse_comparison(struct parser *p, const char *name, const struct expr_key *k)
{
	struct expr *e = node_new(N_CMP);
	const char *op = NULL;
	char what[320], shown[SHOW_MAX + 4];
	int r;

	e->key = *k;
	if ((r = parse_op(p, e, &op)) == 0) {
		expr_show_text(name, shown, sizeof shown);
		snprintf(what, sizeof what, _("'==', '!=', '<', '>', 'in', "
		    "'not in' or 'has' after key %s"), shown);
		fail_expected(p, what);
		r = -1;
	} else if (r > 0) {
		r = check_op(p, e, name, op);
	}
	if (r == 0)
		r = e->op == OP_IN || (e->op == OP_HAS &&
		    cur(p)->type == TOK_LBRACE) ? parse_list(p, e, name, op) :
		    parse_value(p, e, name, op);
	if (r < 0) {
		expr_free(e);
		return NULL;
	}
	return e;
}

/* ---- parser: the grammar ---- */

static struct expr *parse_or(struct parser *p);

static struct expr *
parse_answered(struct parser *p)
{
	struct expr_key k;
	struct expr *e;
	char shown[SHOW_MAX + 4];

	advance(p);
	if (cur(p)->type != TOK_LPAREN)
		return fail_expected(p, _("'(' after 'answered'"));
	advance(p);
	if (cur(p)->type != TOK_WORD || expr_is_keyword(cur(p)->text))
		return fail_expected(p, _("a key in answered(...)"));
	if (!scope_key(p, cur(p)->text, &k)) {
		expr_show_text(cur(p)->text, shown, sizeof shown);
		err_set(p->err, p->errlen, -1, _("unknown key '%s'"), shown);
		return NULL;
	}
	advance(p);
	if (cur(p)->type != TOK_RPAREN)
		return fail_expected(p, _("')' after the key in answered(...)"));
	advance(p);
	e = node_new(N_ANSWERED);
	e->key = k;
	return e;
}

static int
starts_operator(const struct tok *t)
{
	return t->type == TOK_EQ || t->type == TOK_NE || t->type == TOK_LT ||
	    t->type == TOK_GT || expr_tok_is(t, "in") || expr_tok_is(t, "has") ||
	    expr_tok_is(t, "not");
}

/* A name followed by an operator must be a key; alone, a define. */
static struct expr *
parse_name(struct parser *p)
{
	const char *name = cur(p)->text;
	char shown[SHOW_MAX + 4];
	struct expr_key k;
	struct expr *e;
	int id;

	expr_show_text(name, shown, sizeof shown);
	if (starts_operator(peek(p))) {
		if (!scope_key(p, name, &k)) {
			err_set(p->err, p->errlen, -1, _("unknown key '%s'"),
			    shown);
			return NULL;
		}
		advance(p);
		return parse_comparison(p, name, &k);
	}
	if ((id = scope_define(p, name)) >= 0) {
		advance(p);
		e = node_new(N_DEFINE);
		e->define_id = id;
		return e;
	}
	if (scope_key(p, name, &k)) {
		advance(p);
		return parse_comparison(p, name, &k);
	}
	err_set(p->err, p->errlen, -1, _("unknown name '%s' (not a key or "
	    "define)"), shown);
	return NULL;
}

static struct expr *
parse_primary(struct parser *p)
{
	const struct tok *t = cur(p);
	struct expr *e;

	if (t->type == TOK_LPAREN) {
		advance(p);
		if ((e = parse_or(p)) == NULL)
			return NULL;
		if (cur(p)->type != TOK_RPAREN) {
			expr_free(e);
			return fail_expected(p, "')'");
		}
		advance(p);
		return e;
	}
	if (expr_tok_is(t, "true") || expr_tok_is(t, "false")) {
		advance(p);
		return node_new(expr_tok_is(t, "true") ? N_TRUE : N_FALSE);
	}
	if (expr_tok_is(t, "answered"))
		return parse_answered(p);
	if (t->type == TOK_WORD && !expr_is_keyword(t->text))
		return parse_name(p);
	return fail_expected(p, _("a key, define, 'not', 'true', 'false', "
	    "'answered' or '('"));
}

static struct expr *
parse_unary(struct parser *p)
{
	struct expr *e, *kid;

	if (++p->depth > EXPR_MAX_DEPTH) {
		err_set(p->err, p->errlen, -1, _("condition nested too deeply "
		    "(more than %d levels)"), EXPR_MAX_DEPTH);
		return NULL;
	}
	if (expr_tok_is(cur(p), "not")) {
		advance(p);
		if ((kid = parse_unary(p)) == NULL)
			return NULL;
		e = node_new(N_NOT);
		node_add_kid(e, kid);
	} else {
		e = parse_primary(p);
	}
	p->depth--;
	return e;
}

/* One level of "and" or "or": a flat list of operands, or the single
 * operand itself when there is no operator. */
static struct expr *
parse_chain(struct parser *p, const char *word, enum node_kind kind,
    struct expr *(*operand)(struct parser *))
{
	struct expr *first, *e, *next;

	if ((first = operand(p)) == NULL)
		return NULL;
	if (!expr_tok_is(cur(p), word))
		return first;
	e = node_new(kind);
	node_add_kid(e, first);
	while (expr_tok_is(cur(p), word)) {
		advance(p);
		if ((next = operand(p)) == NULL) {
			expr_free(e);
			return NULL;
		}
		node_add_kid(e, next);
	}
	return e;
}

static struct expr *
parse_and(struct parser *p)
{
	return parse_chain(p, "and", N_AND, parse_unary);
}

static struct expr *
parse_or(struct parser *p)
{
	return parse_chain(p, "or", N_OR, parse_and);
}

/* The whole input: one condition, then nothing. */
static struct expr *
parse_all(struct parser *p)
{
	struct expr *e = parse_or(p);

	if (e == NULL || cur(p)->type == TOK_END)
		return e;
	expr_free(e);
	if (cur(p)->type == TOK_RPAREN)
		err_set(p->err, p->errlen, -1,
		    _("unbalanced ')' (no '(' before it)"));
	else
		fail_expected(p, _("'and', 'or' or end of condition"));
	return NULL;
}

int
expr_parse(const char *src, const struct expr_scope *scope,
    struct expr **out, char *err, size_t errlen)
{
	struct toks tv = { NULL, 0, 0 };
	struct parser p = { NULL, 0, scope, err, errlen, 0 };

	*out = NULL;
	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (expr_lex(src != NULL ? src : "", &tv, err, errlen) < 0) {
		expr_toks_free(&tv);
		return -1;
	}
	if (tv.v[0].type == TOK_END) {
		expr_toks_free(&tv);
		return err_set(err, errlen, -1, _("empty condition"));
	}
	p.toks = tv.v;
	*out = parse_all(&p);
	expr_toks_free(&tv);
	if (*out != NULL)
		return 0;
	/* A safety net: every failing path above writes its own message. */
	if (err != NULL && errlen > 0 && err[0] == '\0')
		err_set(err, errlen, -1, _("invalid condition"));
	return -1;
}

