/*
 * expr_int.h - what the condition language's files share: the tokens, the
 * tree, and the helpers each needs of another. expr.c parses, expr_lex.c
 * tokenizes, expr_eval.c evaluates and walks; nothing else includes this.
 */
#ifndef ANSHIN_EXPR_INT_H
#define ANSHIN_EXPR_INT_H

#include <stddef.h>

#include "expr.h"

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

/* "!=" and "not in" are stored as "==" and "in" with `negate`: docs/contract.md
 * §3 makes them the exact negation in every case, unanswered included. */
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

/* Splits s into tokens; returns 0, or -1 with the reason in err. */
int expr_lex(const char *s, struct toks *tv, char *err, size_t errlen);
void expr_toks_free(struct toks *tv);
/* 1 when t is the word `word`. */
int expr_tok_is(const struct tok *t, const char *word);
/* How a token reads in a message ("'foo'", "the end"). */
void expr_tok_describe(const struct tok *t, char *out, size_t len);
/* s quoted and cut to fit a message. */
void expr_show_text(const char *s, char *out, size_t len);
/* 1 for the language's own words (and, or, not, in, has, ...). */
int expr_is_keyword(const char *w);

/* Integers of any length, compared as decimal strings: answers are text. */
int expr_dec_valid(const char *s);
int expr_dec_cmp(const char *a, const char *b, int *cmp);

#endif
