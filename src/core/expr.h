/*
 * expr.h - the condition language of forms (show_if) and rules (when,
 * done_if, due_if): a tokenizer, a recursive-descent parser to a tree and an
 * evaluator. Names are resolved while parsing through a scope, so unknown
 * keys, values and defines are load errors, never run-time surprises.
 *
 *   cond    := or
 *   or      := and { "or" and }
 *   and     := unary { "and" unary }
 *   unary   := "not" unary | primary
 *   primary := "(" cond ")" | "true" | "false" | "answered" "(" KEY ")"
 *            | KEY ("==" | "!=" | "<" | ">") VALUE
 *            | KEY ["not"] "in" "{" VALUE { "," VALUE } "}"
 *            | KEY "has" (VALUE | "{" VALUE { "," VALUE } "}")
 *            | DEFINE
 *   VALUE   := word of [A-Za-z0-9_.:-] | "quoted string"
 *
 * Semantics (docs/contract.md §3): an unanswered key compares as the value
 * "unknown" when "unknown" is one of its values; otherwise it has no value and
 * ==, in, has, <, > are false while != and "not in" are true. On a
 * multi-choice key, == v means the set is exactly {v}; "in" means the set
 * shares a value with the list; "has" means it contains the value (any of
 * the list). < and > are for integer keys only.
 */
#ifndef ANSHIN_EXPR_H
#define ANSHIN_EXPR_H

#include <stddef.h>

enum expr_key_type {
	EXPR_KEY_CHOICE,
	EXPR_KEY_MULTI,
	EXPR_KEY_TEXT,
	EXPR_KEY_INT,
	EXPR_KEY_TIME
};

struct expr_key {
	int id;				/* the scope's own index */
	enum expr_key_type type;
	int unknown_is_value;		/* "unknown" is one of its choices */
};

/* How the parser resolves names. Every callback gets `ud`. */
struct expr_scope {
	/* 1 and fills *out when name is a key, else 0. */
	int (*key)(void *ud, const char *name, struct expr_key *out);
	/* 1 when value is allowed for the key (choices only; other types are
	 * checked by the parser itself). NULL: any value. */
	int (*value_ok)(void *ud, int key_id, const char *value);
	/* Writes the allowed values, comma-separated, for error messages. */
	void (*describe)(void *ud, int key_id, char *buf, size_t len);
	/* Define id (>= 0) for a define name, else -1. NULL: no defines. */
	int (*define)(void *ud, const char *name);
	void *ud;
};

/* How the evaluator reads values. */
struct expr_ctx {
	/* The canonical value of key id (multi: comma-separated, no spaces),
	 * or NULL when unanswered. */
	const char *(*value)(void *ud, int key_id);
	/* The truth of define id. */
	int (*define)(void *ud, int define_id);
	void *ud;
};

struct expr;

/* Parses src. On error returns -1 and writes a message without position
 * prefix (the caller adds "FILE:LINE: "), e.g. "unknown key 'kidn'" or
 * "unknown value 'x' for kind (allowed: a, b)". */
int expr_parse(const char *src, const struct expr_scope *scope,
    struct expr **out, char *err, size_t errlen);
int expr_eval(const struct expr *e, const struct expr_ctx *ctx);
void expr_free(struct expr *e);

/* Calls fn for every key id and every define id the expression reads. */
void expr_walk(const struct expr *e, void (*on_key)(void *ud, int key_id),
    void (*on_define)(void *ud, int define_id), void *ud);

#endif
