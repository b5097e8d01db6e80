/*
 * form.c - loads forms/intake.form and answers questions about it (keys,
 * choices, labels, the expression scope of show_if and the rules). The
 * form is the single description of every intake key: the wizard draws it,
 * the answers parser and `set` validate with it (form_value.c), the rules
 * resolve names through it. Nothing about a particular field lives in C.
 */
#include "form.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ini.h"

static const char *const type_names[] = {
	"choice", "multi", "text", "longtext", "int", "time"
};

const char *
form_type_name(enum form_type t)
{
	return type_names[t];
}

int
form_type_is_text(enum form_type t)
{
	return t == FORM_TEXT || t == FORM_LONGTEXT;
}

struct form_loader {
	struct form *f;
	struct form_page *page;		/* current [page] block */
	struct form_field *field;	/* current [field] block */
	int *show_if_line;		/* per field */
};

static int
parse_yes_no(const char *key, const char *value, int *out, char *err,
    size_t errlen)
{
	if (strcmp(value, "yes") == 0)
		*out = 1;
	else if (strcmp(value, "no") == 0)
		*out = 0;
	else
		return err_set(err, errlen, ST_CONFIG,
		    _("%s must be 'yes' or 'no', not '%s'"), key, value);
	return ST_OK;
}

static int
parse_long(const char *key, const char *value, long *out, char *err,
    size_t errlen)
{
	char *end;

	errno = 0;
	*out = strtol(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0')
		return err_set(err, errlen, ST_CONFIG,
		    _("%s must be an integer, not '%s'"), key, value);
	return ST_OK;
}

static int
add_choices(struct form_field *fld, const char *value, char *err,
    size_t errlen)
{
	char *copy = xstrdup(value), *tok, *save = NULL;
	int rc = ST_OK;

	if (fld->nchoices > 0)
		rc = err_set(err, errlen, ST_CONFIG, _("'choices' given twice"));
	for (tok = strtok_r(copy, ",", &save); tok != NULL && rc == ST_OK;
	    tok = strtok_r(NULL, ",", &save)) {
		tok = util_trim(tok);
		if (*tok == '\0' || strpbrk(tok, " {}()\"=<>!") != NULL)
			rc = err_set(err, errlen, ST_CONFIG,
			    _("bad choice value '%s'"), tok);
		else if (form_choice_index(fld, tok) >= 0)
			rc = err_set(err, errlen, ST_CONFIG,
			    _("choice '%s' listed twice"), tok);
		else {
			fld->choices = xreallocarray(fld->choices,
			    fld->nchoices + 1, sizeof *fld->choices);
			memset(&fld->choices[fld->nchoices], 0,
			    sizeof *fld->choices);
			fld->choices[fld->nchoices++].value = xstrdup(tok);
		}
	}
	free(copy);
	return rc;
}

/* "choice.VALUE.ja", "choice.VALUE.help.en" */
static int
set_choice_text(struct form_field *fld, const char *key, const char *value,
    char *err, size_t errlen)
{
	const char *v = key + strlen("choice."), *dot = strchr(v, '.');
	struct form_choice *c;
	char name[128], stem[sizeof name + 8];
	int handled = 0, rc, idx;

	if (dot == NULL || (size_t)(dot - v) >= sizeof name)
		return err_set(err, errlen, ST_CONFIG, _("unknown key '%s'"), key);
	memcpy(name, v, (size_t)(dot - v));
	name[dot - v] = '\0';
	idx = form_choice_index(fld, name);
	if (idx < 0)
		return err_set(err, errlen, ST_CONFIG,
		    _("'%s' is not in this field's choices (list them first)"),
		    name);
	c = &fld->choices[idx];
	/* "choice.V.ja" is the label: give set_tr the stem "choice.V". */
	memcpy(stem, key, (size_t)(dot - key));
	stem[dot - key] = '\0';
	rc = ini_set_tr(&c->label, key, stem, value, &handled, err, errlen);
	if (rc == ST_OK && !handled)
		rc = ini_set_tr(&c->help, dot + 1, "help", value, &handled, err,
		    errlen);
	if (rc == ST_OK && !handled)
		rc = err_set(err, errlen, ST_CONFIG, _("unknown key '%s'"), key);
	return rc;
}

static int
parse_type(const char *value, enum form_type *t, char *err, size_t errlen)
{
	size_t i;

	for (i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (strcmp(value, type_names[i]) == 0) {
			*t = (enum form_type)i;
			return ST_OK;
		}
	return err_set(err, errlen, ST_CONFIG,
	    _("unknown type '%s' (allowed: choice, multi, text, longtext, int, "
	    "time)"), value);
}

static int
page_index(const struct form *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->npages; i++)
		if (strcmp(f->pages[i].id, id) == 0)
			return (int)i;
	return -1;
}

static int
field_key(struct form_loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	struct form_field *fld = ld->field;
	const char *k = l->key, *v = l->value;
	int handled = 0, rc, idx;

	if (strcmp(k, "page") == 0) {
		idx = page_index(ld->f, v);
		if (idx < 0)
			return err_set(err, errlen, ST_CONFIG,
			    _("unknown page '%s' (declare [page %s] first)"), v, v);
		fld->page = (size_t)idx;
		return ST_OK;
	}
	if (strcmp(k, "type") == 0)
		return parse_type(v, &fld->type, err, errlen);
	if (strcmp(k, "required") == 0)
		return parse_yes_no(k, v, &fld->required, err, errlen);
	if (strcmp(k, "unknown") == 0)
		return parse_yes_no(k, v, &fld->allow_unknown, err, errlen);
	if (strcmp(k, "default") == 0) {
		if (strcmp(v, "now") != 0)
			return err_set(err, errlen, ST_CONFIG,
			    _("default must be 'now', not '%s'"), v);
		fld->default_now = 1;
		return ST_OK;
	}
	if (strcmp(k, "min") == 0)
		return parse_long(k, v, &fld->min, err, errlen);
	if (strcmp(k, "max") == 0)
		return parse_long(k, v, &fld->max, err, errlen);
	if (strcmp(k, "choices") == 0)
		return add_choices(fld, v, err, errlen);
	if (strncmp(k, "choice.", 7) == 0)
		return set_choice_text(fld, k, v, err, errlen);
	if (strcmp(k, "prefill") == 0 || strcmp(k, "show_if") == 0 ||
	    strcmp(k, "basis") == 0) {
		char **slot = k[0] == 'p' ? &fld->prefill : k[0] == 'b' ?
		    &fld->basis : &fld->show_if_src;

		if (*slot != NULL)
			return err_set(err, errlen, ST_CONFIG,
			    _("'%s' given twice"), k);
		*slot = xstrdup(v);
		if (k[0] == 's')
			ld->show_if_line[fld - ld->f->fields] = l->line;
		return ST_OK;
	}
	rc = ini_set_tr(&fld->label, k, "label", v, &handled, err, errlen);
	if (rc == ST_OK && !handled)
		rc = ini_set_tr(&fld->help, k, "help", v, &handled, err, errlen);
	if (rc == ST_OK && !handled)
		rc = err_set(err, errlen, ST_CONFIG, _("unknown key '%s' in a "
		    "field (allowed: page, type, required, label.ja/en, "
		    "help.ja/en, choices, choice.V.ja/en, choice.V.help.ja/en, "
		    "unknown, default, min, max, prefill, show_if, basis)"), k);
	return rc;
}

static int
page_key(struct form_page *pg, const struct ini_line *l, char *err,
    size_t errlen)
{
	int handled = 0, rc;

	rc = ini_set_tr(&pg->title, l->key, "title", l->value, &handled, err,
	    errlen);
	if (rc == ST_OK && !handled)
		rc = ini_set_tr(&pg->help, l->key, "help", l->value, &handled, err,
		    errlen);
	if (rc == ST_OK && !handled)
		rc = err_set(err, errlen, ST_CONFIG, _("unknown key '%s' in a "
		    "page (allowed: title.ja/en, help.ja/en)"), l->key);
	return rc;
}

static int
open_block(struct form_loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	struct form *f = ld->f;

	ld->page = NULL;
	ld->field = NULL;
	if (!ini_valid_name(l->name, 0))
		return err_set(err, errlen, ST_CONFIG,
		    _("expected [page ID] or [field KEY] with a name of a-z, 0-9 "
		    "and _"));
	if (strcmp(l->section, "page") == 0) {
		if (page_index(f, l->name) >= 0)
			return err_set(err, errlen, ST_CONFIG,
			    _("page '%s' declared twice"), l->name);
		f->pages = xreallocarray(f->pages, f->npages + 1,
		    sizeof *f->pages);
		ld->page = &f->pages[f->npages++];
		memset(ld->page, 0, sizeof *ld->page);
		ld->page->id = xstrdup(l->name);
		ld->page->line = l->line;
		return ST_OK;
	}
	if (strcmp(l->section, "field") == 0) {
		if (form_field_index(f, l->name) >= 0)
			return err_set(err, errlen, ST_CONFIG,
			    _("field '%s' declared twice"), l->name);
		f->fields = xreallocarray(f->fields, f->nfields + 1,
		    sizeof *f->fields);
		ld->show_if_line = xreallocarray(ld->show_if_line,
		    f->nfields + 1, sizeof *ld->show_if_line);
		ld->show_if_line[f->nfields] = 0;
		ld->field = &f->fields[f->nfields++];
		memset(ld->field, 0, sizeof *ld->field);
		ld->field->key = xstrdup(l->name);
		ld->field->line = l->line;
		ld->field->page = (size_t)-1;
		ld->field->type = (enum form_type)-1;
		ld->field->max = LONG_MAX;
		ld->field->basis_field = -1;
		return ST_OK;
	}
	return err_set(err, errlen, ST_CONFIG,
	    _("unknown section '[%s]' (allowed: [page ID], [field KEY])"),
	    l->section);
}

static int
on_line(void *ud, const struct ini_line *l, char *err, size_t errlen)
{
	struct form_loader *ld = ud;

	ld->f->last_line = l->line;
	if (l->key == NULL)
		return open_block(ld, l, err, errlen);
	if (ld->field != NULL)
		return field_key(ld, l, err, errlen);
	if (ld->page != NULL)
		return page_key(ld->page, l, err, errlen);
	return err_set(err, errlen, ST_CONFIG,
	    _("'%s' outside a [page] or [field] block"), l->key);
}

/* A choice without labels would show its raw id to the person choosing
 * ("not_published"), in the wizard and in the PDF alike. */
static int
check_choice_labels(const struct form_field *fld, char *err, size_t errlen)
{
	const struct form_choice *c;
	size_t i;

	for (i = 0; i < fld->nchoices; i++) {
		c = &fld->choices[i];
		if (c->label.s[LANG_JA] == NULL || c->label.s[LANG_EN] == NULL)
			return err_set(err, errlen, ST_CONFIG, _("field '%s': "
			    "choice '%s' needs choice.%s.ja and choice.%s.en"),
			    fld->key, c->value, c->value, c->value);
	}
	return ST_OK;
}

/* What a complete field must have; checked after the whole file is read
 * because blocks may list their keys in any order. */
static int
check_field(const struct form_field *fld, char *err, size_t errlen)
{
	int choicey;

	if (fld->page == (size_t)-1)
		return err_set(err, errlen, ST_CONFIG, _("field '%s' has no page"),
		    fld->key);
	if ((int)fld->type < 0)
		return err_set(err, errlen, ST_CONFIG, _("field '%s' has no type"),
		    fld->key);
	if (fld->label.s[LANG_JA] == NULL || fld->label.s[LANG_EN] == NULL)
		return err_set(err, errlen, ST_CONFIG,
		    _("field '%s' needs label.ja and label.en"), fld->key);
	choicey = fld->type == FORM_CHOICE || fld->type == FORM_MULTI;
	if (choicey && fld->nchoices == 0)
		return err_set(err, errlen, ST_CONFIG,
		    _("field '%s' of type %s needs 'choices'"), fld->key,
		    type_names[fld->type]);
	if (!choicey && fld->nchoices > 0)
		return err_set(err, errlen, ST_CONFIG,
		    _("field '%s' of type %s cannot have choices"), fld->key,
		    type_names[fld->type]);
	if ((fld->allow_unknown || fld->default_now) && fld->type != FORM_TIME)
		return err_set(err, errlen, ST_CONFIG,
		    _("'unknown' and 'default' are for time fields ('%s')"),
		    fld->key);
	return check_choice_labels(fld, err, errlen);
}

/* `basis = KEY` on a number: a typed "about 40" or "unknown" answers KEY
 * too (form_input.c), so KEY must be a choice with those two values. */
static int
resolve_basis(const struct form *f, struct form_field *fld, char *err,
    size_t errlen)
{
	const struct form_field *b;
	int i;

	if (fld->basis == NULL)
		return ST_OK;
	if (fld->type != FORM_INT)
		return err_set(err, errlen, ST_CONFIG, _("'basis' is for "
		    "integer fields ('%s')"), fld->key);
	i = form_field_index(f, fld->basis);
	b = i >= 0 ? &f->fields[i] : NULL;
	if (b == NULL || b->type != FORM_CHOICE ||
	    form_choice_index(b, "estimated") < 0 ||
	    form_choice_index(b, "unknown") < 0)
		return err_set(err, errlen, ST_CONFIG, _("basis '%s' of '%s' "
		    "must be a choice field with the values estimated and "
		    "unknown"), fld->basis, fld->key);
	fld->basis_field = i;
	return ST_OK;
}

static int
compile_show_if(struct form_loader *ld, char *err, size_t errlen)
{
	struct form *f = ld->f;
	struct expr_scope scope;
	char msg[384];
	size_t i;
	int rc;

	form_scope(f, &scope);
	/* Every field first: a show_if may name a later field, and the
	 * scope reads that field's type (found by fuzzing: a typeless
	 * field read past the type table). */
	for (i = 0; i < f->nfields; i++) {
		rc = check_field(&f->fields[i], msg, sizeof msg);
		if (rc != ST_OK)
			return err_set(err, errlen, rc, "%s:%d: %s", f->name,
			    f->fields[i].line, msg);
	}
	for (i = 0; i < f->nfields; i++) {
		rc = resolve_basis(f, &f->fields[i], msg, sizeof msg);
		if (rc != ST_OK)
			return err_set(err, errlen, rc, "%s:%d: %s", f->name,
			    f->fields[i].line, msg);
	}
	for (i = 0; i < f->nfields; i++) {
		if (f->fields[i].show_if_src == NULL)
			continue;
		if (expr_parse(f->fields[i].show_if_src, &scope,
		    &f->fields[i].show_if, msg, sizeof msg) != 0)
			return err_set(err, errlen, ST_CONFIG, "%s:%d: show_if: %s",
			    f->name, ld->show_if_line[i], msg);
	}
	if (f->nfields == 0)
		return err_set(err, errlen, ST_CONFIG, _("%s: no fields"), f->name);
	return ST_OK;
}

int
form_parse_string(const char *text, size_t len, const char *name,
    struct form **out, char *err, size_t errlen)
{
	struct form_loader ld;
	int rc;

	memset(&ld, 0, sizeof ld);
	ld.f = xcalloc(1, sizeof *ld.f);
	ld.f->name = xstrdup(name);
	rc = ini_parse_string(text, len, name, INI_CONTINUE, on_line, &ld, err,
	    errlen);
	if (rc != ST_OK)
		rc = ST_CONFIG;
	else
		rc = compile_show_if(&ld, err, errlen);
	free(ld.show_if_line);
	if (rc != ST_OK) {
		form_free(ld.f);
		return rc;
	}
	*out = ld.f;
	return ST_OK;
}

int
form_load(const char *path, struct form **out, char *err, size_t errlen)
{
	char *text;
	size_t len;
	int rc;

	rc = util_read_data(path, &text, &len, err, errlen);
	if (rc != ST_OK)
		return ST_CONFIG;
	rc = form_parse_string(text, len, path, out, err, errlen);
	free(text);
	return rc;
}

void
form_free(struct form *f)
{
	size_t i, j;

	if (f == NULL)
		return;
	for (i = 0; i < f->npages; i++) {
		free(f->pages[i].id);
		tr_free(&f->pages[i].title);
		tr_free(&f->pages[i].help);
	}
	for (i = 0; i < f->nfields; i++) {
		struct form_field *fld = &f->fields[i];

		for (j = 0; j < fld->nchoices; j++) {
			free(fld->choices[j].value);
			tr_free(&fld->choices[j].label);
			tr_free(&fld->choices[j].help);
		}
		free(fld->choices);
		free(fld->key);
		free(fld->prefill);
		free(fld->basis);
		free(fld->show_if_src);
		expr_free(fld->show_if);
		tr_free(&fld->label);
		tr_free(&fld->help);
	}
	free(f->pages);
	free(f->fields);
	free(f->name);
	free(f);
}

int
form_field_index(const struct form *f, const char *key)
{
	size_t i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].key, key) == 0)
			return (int)i;
	return -1;
}

void
form_keys_list(const struct form *f, char *buf, size_t len)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < f->nfields; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, f->fields[i].key);
	}
	snprintf(buf, len, "%s", b.s);
	buf_free(&b);
}

const struct form_field *
form_field_find(const struct form *f, const char *key)
{
	int i = form_field_index(f, key);

	return i < 0 ? NULL : &f->fields[i];
}

int
form_choice_index(const struct form_field *fld, const char *value)
{
	size_t i;

	for (i = 0; i < fld->nchoices; i++)
		if (strcmp(fld->choices[i].value, value) == 0)
			return (int)i;
	return -1;
}

const char *
form_choice_label(const struct form_field *fld, const char *value,
    enum lang lang)
{
	int i = form_choice_index(fld, value);

	if (i < 0 || (fld->choices[i].label.s[0] == NULL &&
	    fld->choices[i].label.s[1] == NULL))
		return value;
	return tr_get(&fld->choices[i].label, lang);
}

/* The expression scope: keys are field indexes. */
static int
scope_key(void *ud, const char *name, struct expr_key *out)
{
	static const enum expr_key_type types[] = {
		EXPR_KEY_CHOICE, EXPR_KEY_MULTI, EXPR_KEY_TEXT, EXPR_KEY_TEXT,
		EXPR_KEY_INT, EXPR_KEY_TIME
	};
	const struct form *f = ud;
	int i = form_field_index(f, name);

	if (i < 0)
		return 0;
	out->id = i;
	out->type = types[f->fields[i].type];
	out->unknown_is_value = form_choice_index(&f->fields[i], "unknown") >= 0;
	return 1;
}

static int
scope_value_ok(void *ud, int key, const char *value)
{
	const struct form *f = ud;

	return form_choice_index(&f->fields[key], value) >= 0;
}

static void
scope_describe(void *ud, int key, char *buf, size_t len)
{
	const struct form *f = ud;

	form_choices_describe(&f->fields[key], buf, len);
}

void
form_scope(const struct form *f, struct expr_scope *scope)
{
	memset(scope, 0, sizeof *scope);
	scope->key = scope_key;
	scope->value_ok = scope_value_ok;
	scope->describe = scope_describe;
	scope->ud = (void *)f;
}

static const char *
ctx_value(void *ud, int key)
{
	const struct form_values *fv = ud;

	return fv->values[key];
}

static int
ctx_no_define(void *ud, int id)
{
	(void)ud;
	(void)id;
	return 0;
}

void
form_ctx(const struct form_values *fv, struct expr_ctx *ctx)
{
	ctx->value = ctx_value;
	ctx->define = ctx_no_define;
	ctx->ud = (void *)fv;
}

int
form_field_visible(const struct form *f, size_t field, char *const *values)
{
	struct form_values fv = { f, values };
	struct expr_ctx ctx;

	if (f->fields[field].show_if == NULL)
		return 1;
	form_ctx(&fv, &ctx);
	return expr_eval(f->fields[field].show_if, &ctx);
}
