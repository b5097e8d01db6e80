/*
 * ledger_gaps.c - what a ledger entry means: its gaps against the
 * facility guide's §1-2 recommendations (number lock of 8 or more, remote
 * wipe, MDM, no saved browser login; encryption from §3-1) and an
 * approval to take it out that has run out; and, for a lost or stolen
 * device, the intake answers the ledger proposes (docs/contract.md §3
 * `device`). Proposals are never answers until a person confirms them:
 * the wizard's `y` (ledger_confirm) or an answers file whose author chose
 * the device (ledger_fill_answers).
 */
#include "ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract.h"
#include "i18n.h"
#include "model_int.h"

static const struct {
	const char *id;
	const char *text;
} gaps_tab[GAP_COUNT] = {
	[GAP_ENCRYPTION_NONE] = { "no_encryption", N_("no encryption") },
	[GAP_ENCRYPTION_WEAK] = { "weak_encryption",
	    N_("only weak encryption") },
	[GAP_ENCRYPTION_UNKNOWN] = { "encryption_unknown",
	    N_("encryption not confirmed") },
	[GAP_SCREEN_LOCK_NONE] = { "no_screen_lock", N_("no screen lock") },
	[GAP_SCREEN_LOCK_WEAK] = { "weak_screen_lock",
	    N_("screen lock under 8 characters") },
	[GAP_SCREEN_LOCK_UNKNOWN] = { "screen_lock_unknown",
	    N_("screen lock not confirmed") },
	[GAP_REMOTE_WIPE_NONE] = { "no_remote_wipe",
	    N_("no remote wipe contract") },
	[GAP_REMOTE_WIPE_UNKNOWN] = { "remote_wipe_unknown",
	    N_("remote wipe not confirmed") },
	[GAP_MDM_NONE] = { "no_mdm", N_("not enrolled in MDM") },
	[GAP_MDM_UNKNOWN] = { "mdm_unknown", N_("MDM not confirmed") },
	[GAP_SAVED_LOGIN] = { "saved_login",
	    N_("login saved in the browser") },
	[GAP_SAVED_LOGIN_UNKNOWN] = { "saved_login_unknown",
	    N_("saved login not checked") },
	[GAP_APPROVAL_EXPIRED] = { "approval_expired",
	    N_("approval to take it out has expired") },
};

const char *
ledger_gap_id(enum ledger_gap g)
{
	return gaps_tab[g].id;
}

const char *
ledger_gap_text(enum ledger_gap g)
{
	return gaps_tab[g].text;
}

static char *
gaps_join(unsigned gaps, int words, enum lang lang, const char *sep)
{
	struct buf b;
	int g;

	buf_init(&b);
	buf_adds(&b, "");
	for (g = 0; g < GAP_COUNT; g++)
		if (gaps & (1u << g))
			buf_addf(&b, "%s%s", b.len > 0 ? sep : "", words ?
			    ledger_tr(gaps_tab[g].text, lang) : gaps_tab[g].id);
	return buf_steal(&b);
}

char *
ledger_gaps_ids(unsigned gaps)
{
	return gaps_join(gaps, 0, LANG_EN, ",");
}

char *
ledger_gaps_words(unsigned gaps, enum lang lang, const char *sep)
{
	return gaps_join(gaps, 1, lang, sep);
}

static int
is(const char *v, const char *want)
{
	return v != NULL && strcmp(v, want) == 0;
}

static int
type_in(const struct ledger_device *dev, const char *const *types)
{
	const char *t = dev->values[LK_TYPE];

	/* an unrecorded type is checked for everything */
	if (t == NULL)
		return 1;
	for (; *types != NULL; types++)
		if (strcmp(t, *types) == 0)
			return 1;
	return 0;
}

/* The bit for a check: bad when the value is `bad` (or `weak`, given),
 * unconfirmed when it is not recorded or "unknown". */
static unsigned
check(const char *v, const char *bad, int gap_bad, const char *weak,
    int gap_weak, int gap_unknown)
{
	if (is(v, bad))
		return 1u << gap_bad;
	if (weak != NULL && is(v, weak))
		return 1u << gap_weak;
	if (v == NULL || is(v, "unknown"))
		return 1u << gap_unknown;
	return 0;
}

int
ledger_approval_expired(const struct ledger_device *dev, long today)
{
	long day;

	return dev->values[LK_APPROVED_UNTIL] != NULL &&
	    jtime_parse_date(dev->values[LK_APPROVED_UNTIL], &day) == 0 &&
	    day < today;
}

unsigned
ledger_gaps(const struct ledger_device *dev, long today)
{
	/* a screen and a browser: what a finder could open */
	static const char *const screens[] = { "smartphone", "tablet",
	    "laptop", "desktop", "other", NULL };
	/* what a wipe service or MDM reaches (the remote_wipe action's) */
	static const char *const wipeable[] = { "smartphone", "tablet",
	    "laptop", NULL };
	const char *const *v = (const char *const *)dev->values;
	unsigned g = 0;

	if (dev->state == LEDGER_RETIRED)
		return 0;
	if (!is(v[LK_TYPE], "paper"))
		g |= check(v[LK_ENCRYPTION], "none", GAP_ENCRYPTION_NONE, "weak",
		    GAP_ENCRYPTION_WEAK, GAP_ENCRYPTION_UNKNOWN);
	if (type_in(dev, screens)) {
		g |= check(v[LK_SCREEN_LOCK], "none", GAP_SCREEN_LOCK_NONE,
		    "weak", GAP_SCREEN_LOCK_WEAK, GAP_SCREEN_LOCK_UNKNOWN);
		g |= check(v[LK_BROWSER_SAVED_LOGIN], "yes", GAP_SAVED_LOGIN,
		    NULL, 0, GAP_SAVED_LOGIN_UNKNOWN);
	}
	if (type_in(dev, wipeable)) {
		g |= check(v[LK_REMOTE_WIPE], "unavailable",
		    GAP_REMOTE_WIPE_NONE, NULL, 0, GAP_REMOTE_WIPE_UNKNOWN);
		g |= check(v[LK_MDM], "no", GAP_MDM_NONE, NULL, 0,
		    GAP_MDM_UNKNOWN);
	}
	if (dev->state == LEDGER_ACTIVE && ledger_approval_expired(dev, today))
		g |= 1u << GAP_APPROVAL_EXPIRED;
	return g;
}

/* ---- proposals --------------------------------------------------------- */

/* The intake keys a ledger entry proposes, from which ledger key; the
 * carrier's answer is "carrier and number", so the line goes with it. */
static const struct {
	const char *field;
	enum ledger_key key;
} proposed[] = {
	{ FIELD_DEVICE_TYPE, LK_TYPE },
	{ FIELD_DEVICE_OWNER, LK_OWNER },
	{ FIELD_CARRIER, LK_CARRIER },
	{ FIELD_ENCRYPTION, LK_ENCRYPTION },
	{ FIELD_SCREEN_LOCK, LK_SCREEN_LOCK },
	{ FIELD_REMOTE_WIPE, LK_REMOTE_WIPE },
	{ FIELD_MDM, LK_MDM },
	{ FIELD_BROWSER_SAVED_LOGIN, LK_BROWSER_SAVED_LOGIN },
	{ FIELD_NETWORK_ACCESS, LK_NETWORK_ACCESS },
};

static char *
proposed_value(const struct ledger_device *dev, enum ledger_key k)
{
	const char *c = dev->values[LK_CARRIER], *l = dev->values[LK_LINE];

	if (k != LK_CARRIER)
		return dev->values[k] != NULL ? xstrdup(dev->values[k]) : NULL;
	if (c != NULL && l != NULL)
		return xasprintf("%s %s", c, l);
	return c != NULL || l != NULL ? xstrdup(c != NULL ? c : l) : NULL;
}

void
ledger_proposals(const struct model_data *d, const struct ledger_device *dev,
    char *const *values, struct answer_set *out)
{
	const struct form_field *fld;
	char *v;
	size_t i;
	int f;

	for (i = 0; i < sizeof proposed / sizeof proposed[0]; i++) {
		f = form_field_index(d->form, proposed[i].field);
		if (f < 0 || (values != NULL && values[f] != NULL))
			continue;
		fld = &d->form->fields[f];
		v = proposed_value(dev, proposed[i].key);
		/* "done" in the ledger is no wipe of this loss; a value the
		 * form has dropped since is no answer */
		if (v == NULL || (proposed[i].key == LK_REMOTE_WIPE &&
		    strcmp(v, "done") == 0) || (fld->nchoices > 0 &&
		    form_choice_index(fld, v) < 0)) {
			free(v);
			continue;
		}
		answer_set_push(out, proposed[i].field, v, 0);
	}
}

static const struct answer_in *
find_key(const struct answer_set *set, const char *key)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i].key, key) == 0)
			return &set->v[i];
	return NULL;
}

int
ledger_fill_answers(struct store *st, const struct model_data *d,
    struct answer_set *set, const char *name, char *err, size_t errlen)
{
	const struct answer_in *dv = find_key(set, FIELD_DEVICE);
	struct answer_set add = { NULL, 0 };
	struct ledger_device dev;
	char msg[300];
	size_t i;
	int line, rc;

	if (dv == NULL || dv->value == NULL)
		return ST_OK;
	line = dv->line;
	rc = ledger_load(st, dv->value, &dev, msg, sizeof msg);
	if (rc == ST_NOINPUT || rc == ST_DATAERR)
		return err_set(err, errlen, ST_DATAERR, "%s:%d: %s", name, line,
		    msg);
	if (rc != ST_OK)
		return err_set(err, errlen, rc, "%s", msg);
	ledger_proposals(d, &dev, NULL, &add);
	ledger_device_clear(&dev);
	/* keys the file gives, even blank, are the author's */
	for (i = 0; i < add.n; i++)
		if (find_key(set, add.v[i].key) == NULL)
			answer_set_push(set, add.v[i].key,
			    xstrdup(add.v[i].value), line);
	answer_set_free(&add);
	return ST_OK;
}

/* The note that names the ledger entry in the incident's timeline. */
static char *
confirm_note(const char *id, const struct answer_set *set)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_addf(&b, _("confirmed from the device ledger entry %s: "), id);
	for (i = 0; i < set->n; i++)
		buf_addf(&b, "%s%s", i > 0 ? ", " : "", set->v[i].key);
	return buf_steal(&b);
}

static int
confirm_in(struct store *st, const struct model_data *d,
    const struct incident *seen, struct incident *fresh, const char *id,
    const char *by, jtime_t now, char *err, size_t errlen)
{
	const char *chosen = incident_value(d, fresh, FIELD_DEVICE);
	struct answer_set set = { NULL, 0 };
	struct ledger_device dev;
	char *note;
	int rc;

	if (chosen == NULL || strcmp(chosen, id) != 0)
		return err_set(err, errlen, ST_DATAERR, _("incident %s names "
		    "device '%s', not '%s'"), fresh->ref, chosen != NULL ?
		    chosen : "", id);
	if ((rc = ledger_load(st, id, &dev, err, errlen)) != ST_OK)
		return rc;
	ledger_proposals(d, &dev, fresh->values, &set);
	ledger_device_clear(&dev);
	if (set.n == 0)
		return ST_OK;
	rc = model_apply_answers(st, d, seen, fresh, &set, by, now, MODEL_SEEN,
	    err, errlen);
	note = confirm_note(id, &set);
	if (rc == ST_OK)
		rc = model_add_event(st, fresh->id, now, EVENT_NOTE, NULL, NULL,
		    note, by, err, errlen);
	free(note);
	answer_set_free(&set);
	return rc;
}

int
ledger_confirm(struct store *st, const struct model_data *d,
    struct incident *inc, const char *id, const char *by, jtime_t now,
    char *err, size_t errlen)
{
	struct incident *fresh;
	int rc;

	if ((rc = model_check_by(by, err, errlen)) != ST_OK ||
	    (rc = model_begin_fresh(st, d, inc, &fresh, err, errlen)) != ST_OK)
		return rc;
	rc = confirm_in(st, d, inc, fresh, id, by, now, err, errlen);
	return model_end_fresh(st, inc, fresh, rc, err, errlen);
}
