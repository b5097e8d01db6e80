/*
 * model_answers.c - answers files (docs/contract.md §2) read into normalised
 * answers, strictly: the key of each line, its value as form_value_normalize
 * reads it, and the times of docs/contract.md §1 and §2 (from 2000 to a day
 * after now, occurred_at not after discovered_at), named by key in an answers
 * file and by label on a screen or for `set`.
 */
#include "model.h"
#include "model_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ini.h"

void
answer_set_free(struct answer_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].key);
		free(s->v[i].value);
	}
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

void
answer_set_push(struct answer_set *s, const char *key, char *value, int line)
{
	s->v = xreallocarray(s->v, s->n + 1, sizeof *s->v);
	s->v[s->n].key = xstrdup(key);
	s->v[s->n].value = value;
	s->v[s->n].line = line;
	s->n++;
}

struct answers_loader {
	const struct model_data *d;
	struct answer_set *out;
};

static int
answers_line(void *ud, const struct ini_line *l, char *err, size_t errlen)
{
	struct answers_loader *ld = ud;
	const struct form_field *fld;
	char keys[2048], *canon;
	size_t i;
	int rc;

	if (l->key == NULL)
		return err_set(err, errlen, ST_DATAERR,
		    _("sections are not allowed in an answers file "
		    "(expected 'key = value')"));
	fld = form_field_find(ld->d->form, l->key);
	if (fld == NULL) {
		form_keys_list(ld->d->form, keys, sizeof keys);
		return err_set(err, errlen, ST_DATAERR,
		    _("unknown key '%s' (known keys: %s)"), l->key, keys);
	}
	for (i = 0; i < ld->out->n; i++)
		if (strcmp(ld->out->v[i].key, l->key) == 0)
			return err_set(err, errlen, ST_DATAERR,
			    _("key '%s' given twice (first on line %d)"), l->key,
			    ld->out->v[i].line);
	/* "key =" with nothing after it leaves the key unanswered, so a
	 * template with blanks can be filled in bit by bit. */
	if (l->value[0] == '\0') {
		answer_set_push(ld->out, l->key, NULL, l->line);
		return ST_OK;
	}
	rc = form_value_normalize(fld, l->value, &canon, err, errlen);
	if (rc != ST_OK)
		return rc;
	answer_set_push(ld->out, l->key, canon, l->line);
	return ST_OK;
}

/* The values vector of an answer set over an empty incident. */
char **
model_values_from_set(const struct model_data *d, const struct answer_set *s)
{
	char **values = xcalloc(d->form->nfields, sizeof *values);
	size_t i;
	int idx;

	for (i = 0; i < s->n; i++) {
		idx = form_field_index(d->form, s->v[i].key);
		if (idx >= 0 && s->v[i].value != NULL)
			values[idx] = s->v[i].value;
	}
	return values;
}

static int
time_error(const struct model_data *d, char *const *values, jtime_t now,
    int by_label, const char **key, char *err, size_t errlen);

int
model_answers_parse(const struct model_data *d, const char *text, size_t len,
    const char *name, jtime_t now, struct answer_set *out, char *err,
    size_t errlen)
{
	struct answers_loader ld = { d, out };
	const char *bad = NULL;
	char msg[512], **values;
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	rc = ini_parse_string(text, len, name, 0, answers_line, &ld, err,
	    errlen);
	if (rc != ST_OK) {
		answer_set_free(out);
		return ST_DATAERR;
	}
	values = model_values_from_set(d, out);
	rc = time_error(d, values, now, 0, &bad, msg, sizeof msg);
	free(values);
	if (rc != ST_OK) {
		for (i = 0; i < out->n; i++)
			if (strcmp(out->v[i].key, bad) == 0)
				break;
		err_set(err, errlen, rc, "%s:%d: %s", name,
		    i < out->n ? out->v[i].line : 0, msg);
		answer_set_free(out);
	}
	return rc;
}

int
model_value_time(const struct model_data *d, char *const *values, const char *key,
    jtime_t *t)
{
	int i = form_field_index(d->form, key);

	if (i < 0 || values[i] == NULL || strcmp(values[i], "unknown") == 0)
		return 0;
	return jtime_parse(values[i], t, NULL, 0) == 0;
}

int
model_check_time(const char *what, jtime_t t, jtime_t now, char *err,
    size_t errlen)
{
	char at[20], lim[20];

	jtime_format_canon(t, at);
	if (t < MODEL_TIME_MIN)
		return err_set(err, errlen, ST_DATAERR, _("%s %s is before "
		    "2000-01-01"), what, at);
	if (now != MODEL_NO_CLOCK && t > now + 86400) {
		jtime_format_canon(now, lim);
		return err_set(err, errlen, ST_DATAERR, _("%s %s is more than a "
		    "day in the future (now %s, Japan time)"), what, at, lim);
	}
	return ST_OK;
}

/* How a time answer is named in a message: by its key in an answers
 * file (whose author wrote the keys), else by its label in the screen's
 * language (the person typing never saw a key). */
static const char *
time_name(const struct model_data *d, const char *key, int by_label)
{
	const struct form_field *fld = form_field_find(d->form, key);

	return by_label && fld != NULL ? tr_get(&fld->label, d->lang) : key;
}

/* The docs/contract.md §2 cross-field checks; *key names the offending answer.
 * */
static int
time_error(const struct model_data *d, char *const *values, jtime_t now,
    int by_label, const char **key, char *err, size_t errlen)
{
	const struct form_field *fld;
	jtime_t disc, occ, t;
	char at[20], lim[20];
	size_t i;

	for (i = 0; i < d->form->nfields; i++) {
		fld = &d->form->fields[i];
		*key = fld->key;
		if (fld->type == FORM_TIME &&
		    model_value_time(d, values, fld->key, &t) &&
		    model_check_time(time_name(d, fld->key, by_label), t, now,
		    err, errlen) != ST_OK)
			return ST_DATAERR;
	}
	if (model_value_time(d, values, FIELD_DISCOVERED_AT, &disc) &&
	    model_value_time(d, values, FIELD_OCCURRED_AT, &occ) &&
	    occ > disc) {
		*key = FIELD_OCCURRED_AT;
		jtime_format_canon(occ, at);
		jtime_format_canon(disc, lim);
		return err_set(err, errlen, ST_DATAERR,
		    _("%s %s is after %s %s"), time_name(d, FIELD_OCCURRED_AT,
		    by_label), at, time_name(d, FIELD_DISCOVERED_AT, by_label),
		    lim);
	}
	return ST_OK;
}

int
model_check_times(const struct model_data *d, char *const *values,
    jtime_t now, char *err, size_t errlen)
{
	const char *key;

	return time_error(d, values, now, 1, &key, err, errlen);
}

