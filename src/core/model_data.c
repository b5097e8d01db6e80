/*
 * model_data.c - everything the model reads from the data directory and
 * the contacts files (model.h): the form, the rules, the holidays, the
 * drills and the contacts, checked against each other and against the
 * program (contract.h) once at load (a contacts prefill must be a value of
 * its field, the form must have the keys C reads); the contacts read
 * again after the settings screen wrote the user's file; and an action's
 * detail filled in from the answers and the contacts.
 */
#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif

static int
check_prefills(const struct model_data *d, char *err, size_t errlen)
{
	const struct form_field *fld;
	const char *v;
	size_t i;

	for (i = 0; i < d->form->nfields; i++) {
		fld = &d->form->fields[i];
		if (fld->prefill == NULL)
			continue;
		v = contacts_get(d->contacts, fld->prefill, LANG_EN);
		if (v != NULL && fld->nchoices > 0 &&
		    form_choice_index(fld, v) < 0)
			return err_set(err, errlen, ST_CONFIG,
			    _("contacts.conf: %s = '%s' is not a value of %s"),
			    fld->prefill, v, fld->key);
	}
	return ST_OK;
}

static int
load_contacts(struct model_data *d, char *err, size_t errlen)
{
	char *path, *user = contacts_user_file();
	int rc;

	d->contacts = contacts_new();
	path = xasprintf("%s/data/contacts.conf", d->dir);
	rc = contacts_merge_file(d->contacts, path, err, errlen);
	free(path);
	if (rc == ST_OK)
		rc = contacts_merge_file(d->contacts,
		    SYSCONFDIR "/anshin-ir/contacts.conf", err, errlen);
	if (rc == ST_OK && user != NULL)
		rc = contacts_merge_file(d->contacts, user, err, errlen);
	free(user);
	return rc;
}

int
model_data_reload_contacts(struct model_data *d, char *err, size_t errlen)
{
	struct contacts *old = d->contacts;
	int rc = load_contacts(d, err, errlen);

	if (rc == ST_OK)
		rc = check_prefills(d, err, errlen);
	if (rc != ST_OK) {
		contacts_free(d->contacts);
		d->contacts = old;
		return ST_CONFIG;
	}
	contacts_free(old);
	return ST_OK;
}

int
model_data_load(const char *dir, struct model_data **out, char *err,
    size_t errlen)
{
	struct model_data *d = xcalloc(1, sizeof *d);
	char *path;
	int rc;

	d->dir = xstrdup(dir);
	path = xasprintf("%s/forms/intake.form", dir);
	rc = form_load(path, &d->form, err, errlen);
	free(path);
	/* Before the rules and drills: a key renamed in all three files
	 * loads in each, and only the contract says what C lost. */
	if (rc == ST_OK)
		rc = contract_check_form(d->form, err, errlen);
	if (rc == ST_OK) {
		path = xasprintf("%s/data/actions.rules", dir);
		rc = rules_load(path, d->form, &d->rules, err, errlen);
		free(path);
	}
	if (rc == ST_OK) {
		path = xasprintf("%s/data/holidays.tsv", dir);
		rc = holidays_load(path, &d->holidays, err, errlen);
		free(path);
	}
	if (rc == ST_OK)
		rc = load_contacts(d, err, errlen);
	if (rc == ST_OK) {
		path = xasprintf("%s/data/drills", dir);
		rc = drill_load_dir(path, d->form, d->rules, d->holidays,
		    &d->drills, err, errlen);
		free(path);
	}
	if (rc == ST_OK)
		rc = check_prefills(d, err, errlen);
	if (rc != ST_OK) {
		model_data_free(d);
		return ST_CONFIG;
	}
	*out = d;
	return ST_OK;
}

void
model_data_free(struct model_data *d)
{
	if (d == NULL)
		return;
	rules_free(d->rules);
	form_free(d->form);
	holidays_free(d->holidays);
	contacts_free(d->contacts);
	drill_set_free(&d->drills);
	free(d->dir);
	free(d);
}

/* Details are data (actions.rules) filled with this incident's answers
 * and the facility's contacts. */
char *
model_expand_detail(const struct model_data *d, const struct incident *inc,
    const char *text, enum lang lang, const char *unset, int *contacts_unset)
{
	const char *p = text, *open, *close, *v;
	char key[64], *with_answers, *out;
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "");
	while ((open = strstr(p, "{answer:")) != NULL &&
	    (close = strchr(open, '}')) != NULL &&
	    (size_t)(close - open - 8) < sizeof key) {
		buf_add(&b, p, (size_t)(open - p));
		memcpy(key, open + 8, (size_t)(close - open - 8));
		key[close - open - 8] = '\0';
		v = incident_value(d, inc, key);
		buf_adds(&b, v != NULL ? v : unset);
		p = close + 1;
	}
	buf_adds(&b, p);
	with_answers = buf_steal(&b);
	out = contacts_expand(d->contacts, with_answers, lang, unset,
	    contacts_unset);
	free(with_answers);
	return out;
}
