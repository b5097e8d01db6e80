/*
 * form_input.h - a value as a person types it, read into the canonical
 * value of its field (docs/contract.md §1 `set`, §7): full-width characters and
 * the ideographic space an input method leaves, "2026/12/7 9:05", a bare
 * "14:50" for today, "40人", "約40", "1,200", 不明. The wizard and `set`
 * both read through here; answers files stay strict (form.h).
 */
#ifndef ANSHIN_FORM_INPUT_H
#define ANSHIN_FORM_INPUT_H

#include "form.h"
#include "jtime.h"

/* What a typed value answers. */
struct form_input {
	char *value;			/* canonical; NULL: clear the answer */
	int implied_field;		/* a second answer it gives, or -1 */
	const char *implied_value;	/* (the basis of a count) */
};

/* Reads what was typed into field `field` of form. `values` are the
 * incident's answers now (one per field, NULL = unanswered): a count's
 * "about" answers its basis only while that is unanswered. `now` is the
 * clock for "now" and a bare time of day; messages name the field's
 * label in lang and state the expected form once, with an example.
 * Empty input gives value NULL. Returns ST_OK or ST_DATAERR. */
int form_input_read(const struct form *form, size_t field, const char *typed,
    char *const *values, jtime_t now, enum lang lang, struct form_input *out,
    char *err, size_t errlen);
void form_input_free(struct form_input *in);

/* A time typed for something other than an answer ("done at"), read the
 * same way: blank is now; a time still to come is refused. `name` names
 * it in messages. Returns ST_OK or ST_DATAERR. */
int form_input_time(const char *name, const char *typed, jtime_t now,
    jtime_t *out, char *err, size_t errlen);

/* A copy of s with full-width ASCII (U+FF01-FF5E) folded to ASCII, the
 * ideographic space to a space and the dashes an input method gives for
 * "-" (ー, −, ‐, –, —, ―) to "-"; other characters kept. */
char *form_input_fold(const char *s);

#endif
