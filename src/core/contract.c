/*
 * contract.c - the names of contract.h, defined from its tables, and the
 * check that the loaded form has the keys C reads, with the types C reads
 * them as.
 */
#include "contract.h"

#include <string.h>

#include "i18n.h"

#define CONTRACT_X_DEFINE(id, name, ...) const char id[] = name;
CONTRACT_FIELDS(CONTRACT_X_DEFINE)
CONTRACT_EVENTS(CONTRACT_X_DEFINE)
#undef CONTRACT_X_DEFINE

#define CONTRACT_X_FIELD(id, name, type) { id, type },
const struct contract_field contract_fields[] = {
	CONTRACT_FIELDS(CONTRACT_X_FIELD)
};
#undef CONTRACT_X_FIELD
const size_t contract_nfields = sizeof contract_fields /
    sizeof contract_fields[0];

struct event_entry {
	const char *kind, *label;
};

#define CONTRACT_X_EVENT(id, name, label) { id, label },
static const struct event_entry events[] = {
	CONTRACT_EVENTS(CONTRACT_X_EVENT)
};
#undef CONTRACT_X_EVENT

#define CONTRACT_X_STATUS(id, name) [id] = name,
static const char *const status_names[ACTION_COUNT] = {
	CONTRACT_STATUSES(CONTRACT_X_STATUS)
};
#undef CONTRACT_X_STATUS

static int
type_fits(enum form_type want, enum form_type have)
{
	return want == have || (form_type_is_text(want) &&
	    form_type_is_text(have));
}

int
contract_check_form(const struct form *f, char *err, size_t errlen)
{
	const struct contract_field *c;
	const struct form_field *fld;
	size_t i;

	for (i = 0; i < contract_nfields; i++) {
		c = &contract_fields[i];
		fld = form_field_find(f, c->key);
		if (fld == NULL)
			return err_set(err, errlen, ST_CONFIG, _("%s:%d: no "
			    "[field %s]: the program reads this key (type %s), "
			    "so it may not be renamed or removed"), f->name,
			    f->last_line, c->key, form_type_name(c->type));
		if (!type_fits(c->type, fld->type))
			return err_set(err, errlen, ST_CONFIG, _("%s:%d: field "
			    "'%s' is of type %s, but the program reads it as "
			    "%s"), f->name, fld->line, c->key,
			    form_type_name(fld->type), form_type_name(c->type));
	}
	return ST_OK;
}

const char *
contract_event_label(const char *kind)
{
	size_t i;

	for (i = 0; kind != NULL && i < sizeof events / sizeof events[0]; i++)
		if (strcmp(kind, events[i].kind) == 0)
			return events[i].label;
	return NULL;
}

const char *
contract_status_name(enum action_status s)
{
	return status_names[s];
}

enum action_status
contract_status_parse(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < ACTION_COUNT; i++)
		if (strcmp(name, status_names[i]) == 0)
			return (enum action_status)i;
	return ACTION_OPEN;
}
