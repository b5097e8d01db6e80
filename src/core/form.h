/*
 * form.h - the intake form as data (forms/intake.form): pages, fields,
 * choices, labels and help in two languages, show_if conditions; and the
 * validation and normalisation of one typed or loaded value for a field.
 */
#ifndef ANSHIN_FORM_H
#define ANSHIN_FORM_H

#include <stddef.h>

#include "expr.h"
#include "jtime.h"
#include "util.h"

enum form_type {
	FORM_CHOICE,
	FORM_MULTI,
	FORM_TEXT,
	FORM_LONGTEXT,
	FORM_INT,
	FORM_TIME
};

struct form_choice {
	char *value;
	struct tr label;
	struct tr help;
};

struct form_page {
	char *id;
	struct tr title;
	struct tr help;
	int line;
};

struct form_field {
	char *key;
	size_t page;			/* index into form.pages */
	enum form_type type;
	struct form_choice *choices;
	size_t nchoices;
	int required;
	int allow_unknown;		/* time: "unknown" accepted */
	int default_now;		/* time: prefilled with now in the wizard */
	long min, max;			/* int bounds (min defaults to 0) */
	char *prefill;			/* contacts key, e.g. "facility.type" */
	char *basis;			/* int: the choice field saying how
					 * exact the number is */
	int basis_field;		/* its index, or -1 */
	char *show_if_src;
	struct expr *show_if;		/* NULL: always shown */
	struct tr label;
	struct tr help;
	int line;
};

struct form {
	char *name;			/* file name, for messages */
	struct form_page *pages;
	size_t npages;
	struct form_field *fields;
	size_t nfields;
	int last_line;			/* of the last block head or key */
};

/* Parses a form of len bytes. Errors are "NAME:LINE: message", returning
 * ST_CONFIG. */
int form_parse_string(const char *text, size_t len, const char *name,
    struct form **out, char *err, size_t errlen);
int form_load(const char *path, struct form **out, char *err, size_t errlen);
void form_free(struct form *f);

/* "choice", "multi", "text", "longtext", "int", "time": the words of
 * the form's `type =` lines. */
const char *form_type_name(enum form_type t);
/* 1 for text and longtext: free text, which differ only in the editor. */
int form_type_is_text(enum form_type t);

/* Field index for key, or -1. */
int form_field_index(const struct form *f, const char *key);
/* Every key in form order, ", "-separated, for "unknown key" messages
 * (truncated to len). */
void form_keys_list(const struct form *f, char *buf, size_t len);
const struct form_field *form_field_find(const struct form *f, const char *key);
/* Choice index of value in a choice/multi field, or -1. */
int form_choice_index(const struct form_field *fld, const char *value);
/* The label of value (choice), or value itself. */
const char *form_choice_label(const struct form_field *fld, const char *value,
    enum lang lang);

/* The allowed values of fld, ", "-separated (a time's form for a time
 * field), for messages; truncated to len. */
void form_choices_describe(const struct form_field *fld, char *buf,
    size_t len);

/* Bytes a text answer may hold: a long narrative fits, a pasted file
 * does not. */
#define FORM_TEXT_MAX 4096
#define FORM_LONGTEXT_MAX 65536

/* Checks and normalises a raw value for fld: trims, splits and re-joins
 * multi-choice values ("a, b" -> "a,b", order of the form, no duplicates,
 * "none" alone), checks integers and bounds, parses times to the canonical
 * "YYYY-MM-DD HH:MM[:SS]". Text may not be empty, and is checked by
 * text_check_input. On error returns
 * ST_DATAERR with a message naming the allowed values (no FILE:LINE). */
int form_value_normalize(const struct form_field *fld, const char *raw,
    char **canon, char *err, size_t errlen);

/* The expression scope of a form: keys are field indexes. */
void form_scope(const struct form *f, struct expr_scope *scope);

/* The value vector a show_if/rule reads: values[i] for field i. */
struct form_values {
	const struct form *form;
	char *const *values;
};
/* An evaluation context over a value vector (no defines). */
void form_ctx(const struct form_values *fv, struct expr_ctx *ctx);

/* 1 when the field is shown for these values (show_if holds or absent). */
int form_field_visible(const struct form *f, size_t field, char *const *values);

#endif
