/*
 * ledger.c - the device ledger's entries and the changes to them
 * (ledger.h): the keys and how a typed value is read, loading, adding,
 * changing, retiring and marking lost. Each change writes the rows and
 * its events of the ledger's timeline in one transaction; marking a
 * device lost also marks the incident's update_device_ledger done in the
 * same one, so the ledger and the incident never disagree about it.
 * What the ledger means (gaps, proposals) is ledger_gaps.c's; its
 * timeline walked is ledger_chain.c's.
 */
#include "ledger.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract.h"
#include "form_input.h"
#include "i18n.h"
#include "ini.h"
#include "model_int.h"
#include "store_ledger.h"
#include "text.h"

/* The keys that take an intake key's values are named as it is
 * (docs/contract.md §1 `device`): the contract table's names. */
const char *const ledger_keys[LK_COUNT] = {
	[LK_TYPE] = "type",
	[LK_OWNER] = "owner",
	[LK_HOLDER] = "holder",
	[LK_CARRIER] = FIELD_CARRIER,
	[LK_LINE] = "line",
	[LK_ENCRYPTION] = FIELD_ENCRYPTION,
	[LK_SCREEN_LOCK] = FIELD_SCREEN_LOCK,
	[LK_REMOTE_WIPE] = FIELD_REMOTE_WIPE,
	[LK_MDM] = FIELD_MDM,
	[LK_BROWSER_SAVED_LOGIN] = FIELD_BROWSER_SAVED_LOGIN,
	[LK_NETWORK_ACCESS] = FIELD_NETWORK_ACCESS,
	[LK_APPROVED_UNTIL] = "approved_until",
	[LK_NOTE] = "note",
};

/* The intake keys whose values the ledger's keys take. */
static const char *const key_fields[LK_COUNT] = {
	[LK_TYPE] = FIELD_DEVICE_TYPE,
	[LK_OWNER] = FIELD_DEVICE_OWNER,
	[LK_CARRIER] = FIELD_CARRIER,
	[LK_ENCRYPTION] = FIELD_ENCRYPTION,
	[LK_SCREEN_LOCK] = FIELD_SCREEN_LOCK,
	[LK_REMOTE_WIPE] = FIELD_REMOTE_WIPE,
	[LK_MDM] = FIELD_MDM,
	[LK_BROWSER_SAVED_LOGIN] = FIELD_BROWSER_SAVED_LOGIN,
	[LK_NETWORK_ACCESS] = FIELD_NETWORK_ACCESS,
};

static const char *const state_names[] = { "active", "retired", "lost" };

/* The ledger's own keys' labels; the others are the form's. */
static const char *const own_labels[LK_COUNT] = {
	[LK_HOLDER] = N_("Holder"),
	[LK_CARRIER] = N_("Mobile carrier"),
	[LK_LINE] = N_("Line number"),
	[LK_APPROVED_UNTIL] = N_("Approved to take out until"),
	[LK_NOTE] = N_("Note"),
};

int
ledger_key_index(const char *key)
{
	int i;

	for (i = 0; key != NULL && i < LK_COUNT; i++)
		if (strcmp(ledger_keys[i], key) == 0)
			return i;
	return -1;
}

const char *
ledger_key_field(enum ledger_key k)
{
	return (unsigned)k < LK_COUNT ? key_fields[k] : NULL;
}

const char *
ledger_keys_list(void)
{
	return "type, owner, holder, carrier, line, encryption, screen_lock, "
	    "remote_wipe, mdm, browser_saved_login, network_access, "
	    "approved_until, note";
}

const char *
ledger_tr(const char *msgid, enum lang lang)
{
	return lang == LANG_EN ? msgid : gettext(msgid);
}

const char *
ledger_key_label(const struct model_data *d, enum ledger_key k,
    enum lang lang)
{
	const struct form_field *fld;

	if (own_labels[k] != NULL)
		return ledger_tr(own_labels[k], lang);
	fld = form_field_find(d->form, key_fields[k]);
	return fld != NULL ? tr_get(&fld->label, lang) : ledger_keys[k];
}

const char *
ledger_value_text(const struct model_data *d, enum ledger_key k,
    const char *value, enum lang lang)
{
	const struct form_field *fld = key_fields[k] != NULL ?
	    form_field_find(d->form, key_fields[k]) : NULL;

	return fld != NULL && fld->nchoices > 0 ?
	    form_choice_label(fld, value, lang) : value;
}

const char *
ledger_state_text(enum ledger_state s, enum lang lang)
{
	static const char *const words[] = { N_("in use"), N_("retired"),
	    N_("lost") };

	return ledger_tr(words[s], lang);
}

const char *
ledger_state_name(enum ledger_state s)
{
	return state_names[s];
}

static enum ledger_state
state_parse(const char *s)
{
	int i;

	for (i = LEDGER_ACTIVE; s != NULL && i <= LEDGER_LOST; i++)
		if (strcmp(s, state_names[i]) == 0)
			return (enum ledger_state)i;
	return LEDGER_ACTIVE;
}

void
ledger_device_clear(struct ledger_device *dev)
{
	size_t i;

	free(dev->id);
	free(dev->incident);
	free(dev->created_at);
	for (i = 0; i < LK_COUNT; i++)
		free(dev->values[i]);
	memset(dev, 0, sizeof *dev);
}

void
ledger_free(struct ledger *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		ledger_device_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

int
ledger_check_id(const char *id, char *err, size_t errlen)
{
	size_t i, n = strlen(id);

	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)id[i]) && (i == 0 ||
		    strchr("-_.", id[i]) == NULL))
			break;
	if (n == 0 || n > LEDGER_ID_MAX || i < n)
		return err_set(err, errlen, ST_DATAERR, _("device id '%s': "
		    "expected 1 to %d letters, digits, '-', '_' or '.', "
		    "starting with a letter or digit (e.g. TAB-03)"), id,
		    LEDGER_ID_MAX);
	return ST_OK;
}

/* ---- reading a typed value ------------------------------------------- */

/* "2027-03-31", "2027/3/31", full-width too, as "YYYY-MM-DD". */
static int
read_date(const char *typed, char **out, char *err, size_t errlen)
{
	char *s = form_input_fold(typed), sep1, sep2, tail;
	int y, m, d, n;

	n = sscanf(s, "%4d%c%2d%c%2d%c", &y, &sep1, &m, &sep2, &d, &tail);
	if (n != 5 || sep1 != sep2 || (sep1 != '-' && sep1 != '/') ||
	    !jtime_valid_ymd(y, m, d) || y < 2000 || y > 2199) {
		free(s);
		return err_set(err, errlen, ST_DATAERR, _("'%s' is not a date "
		    "(expected YYYY-MM-DD, e.g. 2027-03-31)"), typed);
	}
	free(s);
	*out = xasprintf("%04d-%02d-%02d", y, m, d);
	return ST_OK;
}

static int
read_text(const char *typed, int multiline, char **out, char *err,
    size_t errlen)
{
	if (text_check_input(typed, multiline, FORM_TEXT_MAX, err, errlen) !=
	    0)
		return ST_DATAERR;
	*out = xstrdup(typed);
	return ST_OK;
}

/* The value of key k as typed; "" clears (*out NULL). */
static int
read_value(const struct model_data *d, enum ledger_key k, const char *typed,
    jtime_t now, char **out, char *err, size_t errlen)
{
	struct form_input in;
	char **none;
	int f, rc;

	*out = NULL;
	if (*typed == '\0')
		return ST_OK;
	if (k == LK_APPROVED_UNTIL)
		return read_date(typed, out, err, errlen);
	if (key_fields[k] == NULL)
		return read_text(typed, k == LK_NOTE, out, err, errlen);
	f = form_field_index(d->form, key_fields[k]);
	if (f < 0)
		return err_set(err, errlen, ST_CONFIG, _("the form has no field "
		    "'%s' for the ledger's '%s'"), key_fields[k], ledger_keys[k]);
	none = xcalloc(d->form->nfields, sizeof *none);
	rc = form_input_read(d->form, (size_t)f, typed, none, now, d->lang,
	    &in, err, errlen);
	free(none);
	if (rc == ST_OK)
		*out = in.value;
	return rc;
}

int
ledger_read_assignment(const struct model_data *d, const char *arg,
    jtime_t now, struct answer_set *out, char *err, size_t errlen)
{
	char *copy = xstrdup(arg), *eq = strchr(copy, '='), *key, *value;
	char msg[700], *canon = NULL;
	size_t i;
	int k, rc = ST_OK;

	if (eq == NULL || eq == copy) {
		free(copy);
		return err_set(err, errlen, ST_USAGE, _("'%s': expected "
		    "KEY=VALUE"), arg);
	}
	*eq = '\0';
	key = util_trim(copy);
	value = util_trim(eq + 1);
	if ((k = ledger_key_index(key)) < 0)
		rc = err_set(err, errlen, ST_DATAERR, _("'%s': unknown key '%s' "
		    "(known keys: %s)"), arg, key, ledger_keys_list());
	for (i = 0; rc == ST_OK && i < out->n; i++)
		if (strcmp(out->v[i].key, key) == 0)
			rc = err_set(err, errlen, ST_DATAERR, _("'%s': key '%s' "
			    "given twice"), arg, key);
	if (rc == ST_OK) {
		rc = ini_unescape(value, msg, sizeof msg);
		if (rc == ST_OK)
			rc = read_value(d, (enum ledger_key)k, value, now,
			    &canon, msg, sizeof msg);
		if (rc != ST_OK)
			err_set(err, errlen, rc, "'%s': %s", arg, msg);
	}
	if (rc == ST_OK)
		answer_set_push(out, key, canon, 0);
	free(copy);
	return rc;
}

/* ---- loading ---------------------------------------------------------- */

static void
load_value(void *ud, const char *key, const char *value)
{
	struct ledger_device *dev = ud;
	int k = ledger_key_index(key);

	if (k >= 0) {
		free(dev->values[k]);
		dev->values[k] = xstrdup(value);
	}
}

static void
device_from_row(struct ledger_device *dev, const struct store_device *row)
{
	memset(dev, 0, sizeof *dev);
	dev->id = xstrdup(row->id);
	dev->state = state_parse(row->state);
	dev->incident = row->incident != NULL ? xstrdup(row->incident) : NULL;
	dev->created_at = xstrdup(row->created_at != NULL ? row->created_at :
	    "");
}

int
ledger_load(struct store *st, const char *id, struct ledger_device *out,
    char *err, size_t errlen)
{
	struct store_device row;
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_device_get(st, id, &row, err, errlen);
	if (rc != ST_OK)
		return rc;
	device_from_row(out, &row);
	store_device_clear(&row);
	rc = store_device_values_get(st, out->id, load_value, out, err, errlen);
	if (rc != ST_OK)
		ledger_device_clear(out);
	return rc;
}

static void
list_row(void *ud, const struct store_device *row)
{
	struct ledger *l = ud;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	device_from_row(&l->v[l->n++], row);
}

int
ledger_load_all(struct store *st, struct ledger *out, char *err,
    size_t errlen)
{
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_devices_list(st, list_row, out, err, errlen);
	for (i = 0; rc == ST_OK && i < out->n; i++)
		rc = store_device_values_get(st, out->v[i].id, load_value,
		    &out->v[i], err, errlen);
	if (rc != ST_OK)
		ledger_free(out);
	return rc;
}

/* ---- changes ---------------------------------------------------------- */

static int
add_event(struct store *st, jtime_t now, const char *kind, const char *id,
    const char *key, const char *old, const char *new_, const char *by,
    char *err, size_t errlen)
{
	struct store_ledger_event ev;
	char at[26];

	jtime_format_iso(now, at);
	memset(&ev, 0, sizeof ev);
	ev.at = at;
	ev.kind = kind;
	ev.device = id;
	ev.key = key;
	ev.old = old;
	ev.new_ = new_;
	ev.by = by;
	return store_ledger_event_add(st, &ev, err, errlen);
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Each changed value: its row and its "value" event. */
static int
put_values(struct store *st, struct ledger_device *dev,
    const struct answer_set *v, const char *by, jtime_t now, char *err,
    size_t errlen)
{
	size_t i;
	int k, rc = ST_OK;

	for (i = 0; rc == ST_OK && i < v->n; i++) {
		k = ledger_key_index(v->v[i].key);
		if (k < 0 || same(dev->values[k], v->v[i].value))
			continue;
		rc = store_device_value_put(st, dev->id, v->v[i].key,
		    v->v[i].value, err, errlen);
		if (rc == ST_OK)
			rc = add_event(st, now, "value", dev->id, v->v[i].key,
			    dev->values[k], v->v[i].value, by, err, errlen);
		if (rc == ST_OK) {
			free(dev->values[k]);
			dev->values[k] = v->v[i].value != NULL ?
			    xstrdup(v->v[i].value) : NULL;
		}
	}
	return rc;
}

static int
begin(struct store *st, const char *id, const char *by, char *err,
    size_t errlen)
{
	int rc = ledger_check_id(id, err, errlen);

	if (rc == ST_OK)
		rc = model_check_by(by, err, errlen);
	if (rc == ST_OK)
		rc = store_begin(st, err, errlen);
	return rc;
}

int
ledger_add(struct store *st, const char *id, const struct answer_set *v,
    const char *by, jtime_t now, char *err, size_t errlen)
{
	struct ledger_device dev;
	struct store_device row;
	char at[26];
	int rc;

	if ((rc = begin(st, id, by, err, errlen)) != ST_OK)
		return rc;
	rc = store_device_get(st, id, &row, err, errlen);
	store_device_clear(&row);
	if (rc == ST_OK)
		rc = err_set(err, errlen, ST_DATAERR, _("device '%s' is already "
		    "in the ledger (change it with 'anshin-ir device set %s "
		    "KEY=VALUE')"), id, id);
	else if (rc == ST_NOINPUT)
		rc = ST_OK;
	jtime_format_iso(now, at);
	memset(&dev, 0, sizeof dev);
	dev.id = xstrdup(id);
	if (rc == ST_OK)
		rc = store_device_insert(st, id, at, err, errlen);
	if (rc == ST_OK)
		rc = add_event(st, now, "added", id, NULL, NULL, id, by, err,
		    errlen);
	if (rc == ST_OK)
		rc = put_values(st, &dev, v, by, now, err, errlen);
	ledger_device_clear(&dev);
	return model_finish(st, rc, err, errlen);
}

int
ledger_set(struct store *st, const char *id, const struct answer_set *v,
    const char *by, jtime_t now, char *err, size_t errlen)
{
	struct ledger_device dev;
	int rc;

	if ((rc = begin(st, id, by, err, errlen)) != ST_OK)
		return rc;
	rc = ledger_load(st, id, &dev, err, errlen);
	if (rc == ST_OK) {
		rc = put_values(st, &dev, v, by, now, err, errlen);
		ledger_device_clear(&dev);
	}
	return model_finish(st, rc, err, errlen);
}

/* The state row and its event: "retired", or "lost" with the ref. */
static int
put_state(struct store *st, const struct ledger_device *dev,
    enum ledger_state s, const char *ref, const char *by, jtime_t now,
    char *err, size_t errlen)
{
	int rc = store_device_set_state(st, dev->id, state_names[s], ref, err,
	    errlen);

	if (rc == ST_OK)
		rc = add_event(st, now, state_names[s], dev->id, NULL,
		    state_names[dev->state], s == LEDGER_LOST ? ref :
		    state_names[s], by, err, errlen);
	return rc;
}

int
ledger_retire(struct store *st, const char *id, const char *by, jtime_t now,
    char *err, size_t errlen)
{
	struct ledger_device dev;
	int rc;

	if ((rc = begin(st, id, by, err, errlen)) != ST_OK)
		return rc;
	rc = ledger_load(st, id, &dev, err, errlen);
	if (rc == ST_OK && dev.state != LEDGER_RETIRED)
		rc = put_state(st, &dev, LEDGER_RETIRED, dev.incident, by, now,
		    err, errlen);
	ledger_device_clear(&dev);
	return model_finish(st, rc, err, errlen);
}

/* Inside the incident's transaction: the ledger's side of a loss. */
static int
mark_lost(struct store *st, const char *id, const char *ref, const char *by,
    jtime_t now, char *err, size_t errlen)
{
	struct ledger_device dev;
	int rc = ledger_load(st, id, &dev, err, errlen);

	if (rc != ST_OK)
		return rc;
	if (dev.state == LEDGER_RETIRED)
		rc = err_set(err, errlen, ST_REFUSED, _("device '%s' is retired "
		    "from the ledger"), id);
	else if (dev.state != LEDGER_LOST || !same(dev.incident, ref))
		rc = put_state(st, &dev, LEDGER_LOST, ref, by, now, err, errlen);
	ledger_device_clear(&dev);
	return rc;
}

int
ledger_lost(struct store *st, const struct model_data *d, const char *id,
    struct incident *inc, const char *by, const char *at, const char *note,
    jtime_t now, char *err, size_t errlen)
{
	struct incident *fresh;
	char *what;
	int rc;

	if ((rc = ledger_check_id(id, err, errlen)) != ST_OK ||
	    (rc = model_check_by(by, err, errlen)) != ST_OK ||
	    (rc = model_begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = mark_lost(st, id, fresh->ref, by, now, err, errlen);
	what = note != NULL && *note != '\0' ? xasprintf(_("device ledger: "
	    "%s; %s"), id, note) : xasprintf(_("device ledger: %s"), id);
	if (rc == ST_OK)
		rc = model_apply_action(st, d, fresh, "update_device_ledger",
		    ACTION_DONE, by, at, what, now, err, errlen);
	free(what);
	return model_end_fresh(st, inc, fresh, rc, err, errlen);
}
