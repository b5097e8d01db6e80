/*
 * expr.c - the condition language of forms and rules: the tokenizer, the
 * recursive-descent parser that resolves every name through a scope, the
 * tree, its evaluator and its walker. Grammar and semantics are in expr.h.
 *
 * Conditions come from data files a facility may edit, and the loaders are
 * fuzzed, so every input ends in either a tree or one readable message;
 * nesting is bounded, and "and"/"or" chains are flat lists rather than deep
 * binary trees so that a long chain cannot exhaust the stack when evaluated
 * or freed.
 */
#include "expr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

/* Deep enough for any hand-written condition, shallow enough for the stack. */
#define EXPR_MAX_DEPTH 64
/* Longer tokens are cut in messages so the message keeps its point. */
#define SHOW_MAX 40

enum tok_type {
	TOK_END, TOK_WORD, TOK_STRING, TOK_EQ, TOK_NE, TOK_LT, TOK_GT,
	TOK_LPAREN, TOK_RPAREN, TOK_LBRACE, TOK_RBRACE, TOK_COMMA
};

struct tok {
	enum tok_type type;
	char *text;			/* WORD and STRING (unescaped) only */
};

struct toks {
	struct tok *v;
	size_t n, cap;
};

enum node_kind {
	N_TRUE, N_FALSE, N_AND, N_OR, N_NOT, N_DEFINE, N_ANSWERED, N_CMP
};

/* "!=" and "not in" are stored as "==" and "in" with `negate`: SPEC §3
 * makes them the exact negation in every case, unanswered included. */
enum cmp_op { OP_EQ, OP_IN, OP_HAS, OP_LT, OP_GT };

struct expr {
	enum node_kind kind;
	struct expr **kids;		/* AND, OR: n >= 2; NOT: 1 */
	size_t nkids;
	struct expr_key key;		/* ANSWERED, CMP */
	enum cmp_op op;
	int negate;
	char **vals;			/* CMP: the literal(s) */
	size_t nvals;
	int define_id;			/* DEFINE */
};

struct parser {
	const struct tok *toks;
	size_t pos;
	const struct expr_scope *scope;
	char *err;
	size_t errlen;
	int depth;
};

/* ---- tokens ---- */

static int
is_word_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '.' || c == ':' ||
	    c == '-';
}

static void
toks_push(struct toks *tv, enum tok_type type, char *text)
{
	if (tv->n == tv->cap) {
		tv->cap = tv->cap ? tv->cap * 2 : 16;
		tv->v = xreallocarray(tv->v, tv->cap, sizeof *tv->v);
	}
	tv->v[tv->n].type = type;
	tv->v[tv->n].text = text;
	tv->n++;
}

static void
toks_free(struct toks *tv)
{
	for (size_t i = 0; i < tv->n; i++)
		free(tv->v[i].text);
	free(tv->v);
	tv->v = NULL;
	tv->n = tv->cap = 0;
}

/* Reads a quoted string starting at *sp (on the quote); advances past it. */
static int
lex_string(const char **sp, struct toks *tv, char *err, size_t errlen)
{
	const char *s = *sp + 1;
	struct buf b;

	buf_init(&b);
	for (;; s++) {
		if (*s == '\\' && s[1] != '\0') {
			unsigned char c = (unsigned char)*++s;

			if (c != '"' && c != '\\') {
				buf_free(&b);
				return err_set(err, errlen, -1, _("unknown escape "
				    "'\\%c' in string (only \\\" and \\\\)"),
				    c > 0x20 && c < 0x7f ? c : '?');
			}
		} else if (*s == '\0' || *s == '\\') {
			buf_free(&b);
			return err_set(err, errlen, -1, _("unterminated string"));
		} else if (*s == '"') {
			break;
		}
		buf_addc(&b, *s);
	}
	*sp = s + 1;
	toks_push(tv, TOK_STRING, buf_steal(&b));
	return 0;
}

/* The one- and two-character operators; 0 when c starts none of them. */
static int
lex_operator(const char **sp, struct toks *tv, char *err, size_t errlen)
{
	static const struct {
		char c;
		enum tok_type type;
	} single[] = {
		{ '<', TOK_LT }, { '>', TOK_GT }, { '(', TOK_LPAREN },
		{ ')', TOK_RPAREN }, { '{', TOK_LBRACE }, { '}', TOK_RBRACE },
		{ ',', TOK_COMMA },
	};
	const char *s = *sp;

	if (s[0] == '=' || s[0] == '!') {
		if (s[1] != '=')
			return err_set(err, errlen, -1, s[0] == '=' ?
			    _("unexpected '=' (write '==')") :
			    _("unexpected '!' (write '!=' or 'not')"));
		toks_push(tv, s[0] == '=' ? TOK_EQ : TOK_NE, NULL);
		*sp = s + 2;
		return 1;
	}
	if ((s[0] == '<' || s[0] == '>') && s[1] == '=')
		return err_set(err, errlen, -1, _("'%c=' is not supported "
		    "(write 'KEY %c N or KEY == N')"), s[0], s[0]);
	for (size_t i = 0; i < sizeof single / sizeof single[0]; i++) {
		if (s[0] == single[i].c) {
			toks_push(tv, single[i].type, NULL);
			*sp = s + 1;
			return 1;
		}
	}
	return 0;
}

static int
lex(const char *s, struct toks *tv, char *err, size_t errlen)
{
	for (;;) {
		unsigned char c;
		int r;

		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		c = (unsigned char)*s;
		if (c == '\0') {
			toks_push(tv, TOK_END, NULL);
			return 0;
		}
		if (is_word_char(c)) {
			const char *start = s;

			while (is_word_char((unsigned char)*s))
				s++;
			toks_push(tv, TOK_WORD,
			    xstrndup(start, (size_t)(s - start)));
			continue;
		}
		if (c == '"') {
			if (lex_string(&s, tv, err, errlen) < 0)
				return -1;
			continue;
		}
		if ((r = lex_operator(&s, tv, err, errlen)) < 0)
			return -1;
		if (r > 0)
			continue;
		if (c >= 0x80)
			return err_set(err, errlen, -1, _("unexpected non-ASCII "
			    "character (quote text values with \"...\")"));
		if (c >= 0x21 && c < 0x7f)
			return err_set(err, errlen, -1,
			    _("unexpected character '%c'"), c);
		return err_set(err, errlen, -1,
		    _("unexpected control character 0x%02x"), c);
	}
}

static int
is_keyword(const char *w)
{
	static const char *const kw[] = {
		"and", "or", "not", "in", "has", "answered", "true", "false"
	};

	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (strcmp(w, kw[i]) == 0)
			return 1;
	return 0;
}

static int
tok_is(const struct tok *t, const char *word)
{
	return t->type == TOK_WORD && strcmp(t->text, word) == 0;
}

/* Cuts and cleans user text so a message stays one readable line. */
static void
show_text(const char *s, char *out, size_t len)
{
	size_t i, o = 0;

	for (i = 0; s[i] != '\0' && i < SHOW_MAX && o + 1 < len; i++) {
		unsigned char c = (unsigned char)s[i];

		out[o++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	out[o] = '\0';
	if (s[i] != '\0' && o + 4 <= len)
		strcpy(out + o, "...");
}

static void
tok_describe(const struct tok *t, char *out, size_t len)
{
	static const char *const names[] = {
		[TOK_END] = N_("end of condition"), [TOK_EQ] = "'=='", [TOK_NE] = "'!='", [TOK_LT] = "'<'",
		[TOK_GT] = "'>'", [TOK_LPAREN] = "'('", [TOK_RPAREN] = "')'",
		[TOK_LBRACE] = "'{'", [TOK_RBRACE] = "'}'",
		[TOK_COMMA] = "','",
	};
	char shown[SHOW_MAX + 4];

	if (t->type == TOK_WORD || t->type == TOK_STRING) {
		show_text(t->text, shown, sizeof shown);
		snprintf(out, len, t->type == TOK_WORD ? "'%s'" : "\"%s\"",
		    shown);
	} else {
		snprintf(out, len, "%s", t->type == TOK_END ? _(names[t->type]) :
		    names[t->type]);
	}
}

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
	tok_describe(cur(p), found, sizeof found);
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

/* ---- integers ---- */

/* Splits an optionally signed decimal into sign and significant digits
 * (none for zero), so numbers of any length compare without overflow. */
static int
dec_split(const char *s, int *neg, const char **digits, size_t *n)
{
	*neg = 0;
	if (*s == '-') {
		*neg = 1;
		s++;
	}
	if (*s < '0' || *s > '9')
		return 0;
	while (*s == '0')
		s++;
	*digits = s;
	while (*s >= '0' && *s <= '9')
		s++;
	if (*s != '\0')
		return 0;
	*n = (size_t)(s - *digits);
	if (*n == 0)
		*neg = 0;		/* "-0" is zero */
	return 1;
}

static int
dec_valid(const char *s)
{
	int neg;
	const char *d;
	size_t n;

	return dec_split(s, &neg, &d, &n);
}

/* Stores the sign of a - b in *cmp; 0 when either is not a number. */
static int
dec_cmp(const char *a, const char *b, int *cmp)
{
	int na, nb, c;
	const char *da, *db;
	size_t la, lb;

	if (!dec_split(a, &na, &da, &la) || !dec_split(b, &nb, &db, &lb))
		return 0;
	if (na != nb) {
		*cmp = na ? -1 : 1;
		return 1;
	}
	c = la != lb ? (la < lb ? -1 : 1) : memcmp(da, db, la);
	c = c < 0 ? -1 : c > 0;
	*cmp = na ? -c : c;
	return 1;
}

/* ---- parser: comparisons ---- */

/* Time keys only say whether they are answered; ordering them would need
 * time parsing here, and SPEC's rules never compare times. */
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

	if (k->type == EXPR_KEY_INT && !dec_valid(v)) {
		tok_describe(cur(p), found, sizeof found);
		return err_set(p->err, p->errlen, -1, _("expected an integer "
		    "after '%s' but found %s (%s is an integer key)"), op,
		    found, name);
	}
	if (k->type != EXPR_KEY_CHOICE && k->type != EXPR_KEY_MULTI)
		return 0;
	if (sc == NULL || sc->value_ok == NULL || sc->value_ok(sc->ud, k->id, v))
		return 0;
	show_text(v, shown, sizeof shown);
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
	    (t->type == TOK_WORD && is_keyword(t->text))) {
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
		if (tok_is(t, "in")) {
			e->op = OP_IN;
			*op = "in";
		} else if (tok_is(t, "has")) {
			e->op = OP_HAS;
			*op = "has";
		} else if (tok_is(t, "not")) {
			advance(p);
			if (!tok_is(cur(p), "in")) {
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
		show_text(name, shown, sizeof shown);
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
	if (cur(p)->type != TOK_WORD || is_keyword(cur(p)->text))
		return fail_expected(p, _("a key in answered(...)"));
	if (!scope_key(p, cur(p)->text, &k)) {
		show_text(cur(p)->text, shown, sizeof shown);
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
	    t->type == TOK_GT || tok_is(t, "in") || tok_is(t, "has") ||
	    tok_is(t, "not");
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

	show_text(name, shown, sizeof shown);
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
	if (tok_is(t, "true") || tok_is(t, "false")) {
		advance(p);
		return node_new(tok_is(t, "true") ? N_TRUE : N_FALSE);
	}
	if (tok_is(t, "answered"))
		return parse_answered(p);
	if (t->type == TOK_WORD && !is_keyword(t->text))
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
	if (tok_is(cur(p), "not")) {
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
	if (!tok_is(cur(p), word))
		return first;
	e = node_new(kind);
	node_add_kid(e, first);
	while (tok_is(cur(p), word)) {
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
	if (lex(src != NULL ? src : "", &tv, err, errlen) < 0) {
		toks_free(&tv);
		return -1;
	}
	if (tv.v[0].type == TOK_END) {
		toks_free(&tv);
		return err_set(err, errlen, -1, _("empty condition"));
	}
	p.toks = tv.v;
	*out = parse_all(&p);
	toks_free(&tv);
	if (*out != NULL)
		return 0;
	/* A safety net: every failing path above writes its own message. */
	if (err != NULL && errlen > 0 && err[0] == '\0')
		err_set(err, errlen, -1, _("invalid condition"));
	return -1;
}

/* ---- evaluation ---- */

/* The value SPEC §3 compares: "unknown" stands in for no answer on keys
 * that offer it, so "network_access == unknown" holds before it is asked. */
static const char *
key_value(const struct expr *e, const struct expr_ctx *ctx)
{
	const char *v = NULL;

	if (ctx != NULL && ctx->value != NULL)
		v = ctx->value(ctx->ud, e->key.id);
	if (v == NULL && e->key.unknown_is_value)
		v = "unknown";
	return v;
}

/* Scans the comma-separated set for v: with `all`, whether every item is v
 * (exactly {v}, a canonical set having no repeats), else whether any is. */
static int
set_scan(const char *set, const char *v, int all)
{
	size_t vlen = strlen(v);

	for (const char *s = set;;) {
		const char *end = strchr(s, ',');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		int same = len == vlen && memcmp(s, v, len) == 0;

		if (same != all)
			return same;
		if (end == NULL)
			return all;
		s = end + 1;
	}
}

/* One value against one literal, by the key's type; for a multi key this is
 * "the set contains the literal". */
static int
value_matches(const struct expr *e, const char *v, const char *lit)
{
	int c;

	switch (e->key.type) {
	case EXPR_KEY_MULTI:
		return set_scan(v, lit, 0);
	case EXPR_KEY_INT:
		return dec_cmp(v, lit, &c) && c == 0;
	default:
		return strcmp(v, lit) == 0;
	}
}

static int
cmp_holds(const struct expr *e, const char *v)
{
	int c;

	if (v == NULL)
		return 0;
	switch (e->op) {
	case OP_EQ:
		if (e->key.type == EXPR_KEY_MULTI)
			return set_scan(v, e->vals[0], 1);
		return value_matches(e, v, e->vals[0]);
	case OP_IN:
	case OP_HAS:
		for (size_t i = 0; i < e->nvals; i++)
			if (value_matches(e, v, e->vals[i]))
				return 1;
		return 0;
	case OP_LT:
		return dec_cmp(v, e->vals[0], &c) && c < 0;
	case OP_GT:
		return dec_cmp(v, e->vals[0], &c) && c > 0;
	}
	return 0;
}

/* A missing condition (NULL) holds, as "when" and "show_if" are optional. */
int
expr_eval(const struct expr *e, const struct expr_ctx *ctx)
{
	if (e == NULL)
		return 1;
	switch (e->kind) {
	case N_TRUE:
		return 1;
	case N_FALSE:
		return 0;
	case N_AND:
		for (size_t i = 0; i < e->nkids; i++)
			if (!expr_eval(e->kids[i], ctx))
				return 0;
		return 1;
	case N_OR:
		for (size_t i = 0; i < e->nkids; i++)
			if (expr_eval(e->kids[i], ctx))
				return 1;
		return 0;
	case N_NOT:
		return !expr_eval(e->kids[0], ctx);
	case N_DEFINE:
		return ctx != NULL && ctx->define != NULL &&
		    ctx->define(ctx->ud, e->define_id) != 0;
	case N_ANSWERED:
		return ctx != NULL && ctx->value != NULL &&
		    ctx->value(ctx->ud, e->key.id) != NULL;
	case N_CMP:
		return cmp_holds(e, key_value(e, ctx)) != e->negate;
	}
	return 0;
}

void
expr_walk(const struct expr *e, void (*on_key)(void *ud, int key_id),
    void (*on_define)(void *ud, int define_id), void *ud)
{
	if (e == NULL)
		return;
	if ((e->kind == N_CMP || e->kind == N_ANSWERED) && on_key != NULL)
		on_key(ud, e->key.id);
	if (e->kind == N_DEFINE && on_define != NULL)
		on_define(ud, e->define_id);
	for (size_t i = 0; i < e->nkids; i++)
		expr_walk(e->kids[i], on_key, on_define, ud);
}
