/*
 * form_value.c - checks a value against its field of the form and writes
 * it the one way it is stored (form_value_normalize): the answers parser,
 * `set` and the wizard all come through here, so they accept and refuse
 * alike.
 */
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

void
form_choices_describe(const struct form_field *fld, char *buf, size_t len)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < fld->nchoices; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, fld->choices[i].value);
	}
	if (fld->type == FORM_TIME)
		buf_adds(&b, fld->allow_unknown ?
		    _("YYYY-MM-DD HH:MM[:SS] or unknown") :
		    "YYYY-MM-DD HH:MM[:SS]");
	snprintf(buf, len, "%s", b.s != NULL ? b.s : "");
	buf_free(&b);
}

static int
normalize_multi(const struct form_field *fld, const char *raw, char **canon,
    char *err, size_t errlen)
{
	unsigned char *picked = xcalloc(fld->nchoices, 1);
	char *copy = xstrdup(raw), *tok, *save = NULL, allowed[1024];
	struct buf b;
	size_t i, n = 0;
	int idx, rc = ST_OK, none = form_choice_index(fld, "none");

	for (tok = strtok_r(copy, ",", &save); tok != NULL && rc == ST_OK;
	    tok = strtok_r(NULL, ",", &save)) {
		tok = util_trim(tok);
		idx = form_choice_index(fld, tok);
		if (idx < 0) {
			form_choices_describe(fld, allowed, sizeof allowed);
			rc = err_set(err, errlen, ST_DATAERR,
			    _("unknown value '%s' for %s (allowed: %s)"), tok,
			    fld->key, allowed);
		} else if (!picked[idx]) {
			picked[idx] = 1;
			n++;
		}
	}
	if (rc == ST_OK && n == 0)
		rc = err_set(err, errlen, ST_DATAERR, _("%s: no value given"),
		    fld->key);
	if (rc == ST_OK && none >= 0 && picked[none] && n > 1)
		rc = err_set(err, errlen, ST_DATAERR,
		    _("%s: 'none' cannot be combined with other values"), fld->key);
	buf_init(&b);
	for (i = 0; rc == ST_OK && i < fld->nchoices; i++)
		if (picked[i]) {
			if (b.len > 0)
				buf_addc(&b, ',');
			buf_adds(&b, fld->choices[i].value);
		}
	free(picked);
	free(copy);
	if (rc == ST_OK)
		*canon = buf_steal(&b);
	buf_free(&b);
	return rc;
}

static int
normalize_int(const struct form_field *fld, const char *v, char **canon,
    char *err, size_t errlen)
{
	const char *p = v;
	long n;

	if (*v == '-' && v[1] >= '0' && v[1] <= '9')
		return err_set(err, errlen, ST_DATAERR,
		    _("%s: negative number '%s' (expected a whole number >= %ld)"),
		    fld->key, v, fld->min);
	if (*p == '\0' || strspn(p, "0123456789") != strlen(p) ||
	    strlen(p) > 12)
		return err_set(err, errlen, ST_DATAERR,
		    _("%s: '%s' is not a whole number (expected digits, >= %ld)"),
		    fld->key, v, fld->min);
	n = strtol(p, NULL, 10);
	if (n < fld->min || n > fld->max)
		return err_set(err, errlen, ST_DATAERR,
		    _("%s: %ld is out of range (%ld to %ld)"), fld->key, n,
		    fld->min, fld->max);
	*canon = xasprintf("%ld", n);
	return ST_OK;
}

static int
normalize_time(const struct form_field *fld, const char *v, char **canon,
    char *err, size_t errlen)
{
	char msg[128], out[20];
	jtime_t t;
	int rc;

	if (strcmp(v, "unknown") == 0) {
		if (!fld->allow_unknown)
			return err_set(err, errlen, ST_DATAERR,
			    _("%s: 'unknown' is not allowed here (expected "
			    "YYYY-MM-DD HH:MM[:SS])"), fld->key);
		*canon = xstrdup(v);
		return ST_OK;
	}
	rc = jtime_parse(v, &t, msg, sizeof msg);
	if (rc == JTIME_BAD_FORM)
		return err_set(err, errlen, ST_DATAERR, fld->allow_unknown ?
		    _("%s: bad time '%s' (expected YYYY-MM-DD HH:MM[:SS] or "
		    "unknown)") : _("%s: bad time '%s' (expected YYYY-MM-DD "
		    "HH:MM[:SS])"), fld->key, v);
	if (rc != 0)
		return err_set(err, errlen, ST_DATAERR, _("%s: bad time '%s': "
		    "%s"), fld->key, v, msg);
	jtime_format_canon(t, out);
	*canon = xstrdup(out);
	return ST_OK;
}

/* What a person typed, as typed: the checks every text of the record
 * gets (text.h), so an answers file, `set` and the wizard refuse alike. */
static int
normalize_text(const struct form_field *fld, const char *v, char **canon,
    char *err, size_t errlen)
{
	char msg[256];

	if (text_check_input(v, 1, fld->type == FORM_LONGTEXT ?
	    FORM_LONGTEXT_MAX : FORM_TEXT_MAX, msg, sizeof msg) != 0)
		return err_set(err, errlen, ST_DATAERR, "%s: %s", fld->key,
		    msg);
	*canon = xstrdup(v);
	return ST_OK;
}

int
form_value_normalize(const struct form_field *fld, const char *raw,
    char **canon, char *err, size_t errlen)
{
	char *copy = xstrdup(raw), *v = util_trim(copy), allowed[1024];
	int rc = ST_OK;

	*canon = NULL;
	if (*v == '\0')
		rc = err_set(err, errlen, ST_DATAERR, _("%s: empty value"),
		    fld->key);
	else if (fld->type == FORM_CHOICE) {
		if (form_choice_index(fld, v) < 0) {
			form_choices_describe(fld, allowed, sizeof allowed);
			rc = err_set(err, errlen, ST_DATAERR,
			    _("unknown value '%s' for %s (allowed: %s)"), v,
			    fld->key, allowed);
		} else
			*canon = xstrdup(v);
	} else if (fld->type == FORM_MULTI)
		rc = normalize_multi(fld, v, canon, err, errlen);
	else if (fld->type == FORM_INT)
		rc = normalize_int(fld, v, canon, err, errlen);
	else if (fld->type == FORM_TIME)
		rc = normalize_time(fld, v, canon, err, errlen);
	else
		rc = normalize_text(fld, v, canon, err, errlen);
	free(copy);
	return rc;
}
