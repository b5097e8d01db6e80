/*
 * expr_eval.c - evaluating a condition over the answers (docs/contract.md §3's
 * reading of unanswered keys), the decimal comparisons it needs, and the
 * walker that lists the keys a condition reads.
 */
#include "expr_int.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

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

int
expr_dec_valid(const char *s)
{
	int neg;
	const char *d;
	size_t n;

	return dec_split(s, &neg, &d, &n);
}

/* Stores the sign of a - b in *cmp; 0 when either is not a number. */
int
expr_dec_cmp(const char *a, const char *b, int *cmp)
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

/* ---- evaluation ---- */

/* The value docs/contract.md §3 compares: "unknown" stands in for no answer on
 * keys that offer it, so "network_access == unknown" holds before it is asked.
 * */
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
		return expr_dec_cmp(v, lit, &c) && c == 0;
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
		return expr_dec_cmp(v, e->vals[0], &c) && c < 0;
	case OP_GT:
		return expr_dec_cmp(v, e->vals[0], &c) && c > 0;
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
