/*
 * report_ledger.c - the device ledger on paper (report.h), for the
 * periodic check the facility guide asks for (§1-3: 台帳に記録し、所在を
 * 定期的に確認): every device with its holder, protection, approval and
 * state, and its gaps against the guide's §1-2 table; the devices whose
 * approval has run out; the ledger's tamper evidence as printed (the same
 * as `device verify`); and a signature block for who checked it and when.
 * Also an incident's device as the ledger recorded it when it was lost,
 * for the incident report.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract.h"
#include "ledger.h"
#include "report_ctx.h"

static const char *
value(const struct report_ctx *r, const struct ledger_device *dev,
    enum ledger_key k)
{
	return dev->values[k] != NULL ? ledger_value_text(r->d, k,
	    dev->values[k], r->o->lang) : "";
}

/* "label: value" lines for the keys given, those recorded, under short
 * labels (the column is narrow). */
static char *
lines_of(const struct report_ctx *r, const struct ledger_device *dev,
    const enum ledger_key *keys, const char *const *labels, size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < n; i++)
		if (dev->values[keys[i]] != NULL)
			report_add_line(r, &b, tx(r, labels[i]),
			    value(r, dev, keys[i]));
	return buf_steal(&b);
}

static char *
gaps_text(const struct report_ctx *r, unsigned gaps)
{
	char *w = ledger_gaps_words(gaps, r->o->lang, "\n");

	if (*w != '\0')
		return w;
	free(w);
	return xstrdup(tx(r, N_("none")));
}

static void
device_row(struct report_ctx *r, const struct ledger_device *dev)
{
	static const enum ledger_key protection[] = { LK_ENCRYPTION,
	    LK_SCREEN_LOCK, LK_REMOTE_WIPE, LK_MDM, LK_BROWSER_SAVED_LOGIN,
	    LK_NETWORK_ACCESS };
	static const char *const short_labels[] = { N_("Encryption"),
	    N_("Lock"), N_("Wipe"), N_("MDM"), N_("Saved login"),
	    N_("Network") };
	char *kind = xasprintf("%s\n%s", value(r, dev, LK_TYPE),
	    value(r, dev, LK_OWNER));
	char *holder = xasprintf("%s\n%s %s", value(r, dev, LK_HOLDER),
	    value(r, dev, LK_CARRIER), value(r, dev, LK_LINE));
	char *prot = lines_of(r, dev, protection, short_labels, 6);
	char *gaps = gaps_text(r, ledger_gaps(dev, r->today));
	char *state = dev->state == LEDGER_LOST && dev->incident != NULL ?
	    xasprintf("%s\n%s", ledger_state_text(dev->state, r->o->lang),
	    dev->incident) : xstrdup(ledger_state_text(dev->state,
	    r->o->lang));
	const char *cells[7] = { dev->id, kind, holder, prot,
		value(r, dev, LK_APPROVED_UNTIL), state, gaps };

	report_doc_row(r->doc, cells);
	free(kind);
	free(holder);
	free(prot);
	free(gaps);
	free(state);
}

static void
devices_table(struct report_ctx *r, const struct ledger *l)
{
	static const double shares[7] = { 9, 12, 13, 26, 12, 12, 16 };
	const char *head[7] = { tx(r, N_("Id")), tx(r, N_("Type, owner")),
		tx(r, N_("Holder, line")), tx(r, N_("Protection")),
		tx(r, N_("Approved until")), tx(r, N_("State")),
		tx(r, N_("Gaps")) };
	size_t i;

	report_doc_heading(r->doc, 1, tx(r, N_("Devices and media")));
	if (l->n == 0) {
		report_doc_para(r->doc, tx(r, N_("The ledger is empty.")));
		return;
	}
	report_doc_table(r->doc, 7, shares, REPORT_TABLE_HEADER, 0);
	report_doc_row(r->doc, head);
	for (i = 0; i < l->n; i++)
		device_row(r, &l->v[i]);
}

static void
expired(struct report_ctx *r, const struct ledger *l)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < l->n; i++)
		if (l->v[i].state == LEDGER_ACTIVE &&
		    ledger_approval_expired(&l->v[i], r->today))
			buf_addf(&b, "%s%s  %s  %s", b.len > 0 ? "\n" : "",
			    l->v[i].id, l->v[i].values[LK_APPROVED_UNTIL],
			    value(r, &l->v[i], LK_HOLDER));
	report_doc_heading(r->doc, 2, tx(r, N_("Approval to take out has "
	    "expired")));
	report_doc_para(r->doc, b.len > 0 ? b.s : tx(r, N_("none")));
	buf_free(&b);
}

static int
chain_note(struct report_ctx *r, struct store *st, char *err, size_t errlen)
{
	struct chain_report v;
	char *line;
	int rc = ledger_verify(st, &v, err, errlen);

	if (rc != ST_OK)
		return rc;
	if (v.broken != 0)
		line = xasprintf(tx(r, N_("Tamper evidence: the ledger was "
		    "ALTERED after it was written: %s")), v.what);
	else
		line = xasprintf(tx(r, N_("Tamper evidence: as printed, the "
		    "ledger's timeline has %ld events and its hash chain is "
		    "intact; its last hash is %s ('anshin-ir device verify' "
		    "prints the same while nothing changed).")), v.events,
		    v.events > 0 ? v.head : "-");
	report_doc_note(r->doc, line);
	free(line);
	return ST_OK;
}

/* Kept whole: the record of each periodic check, by hand. */
static void
signatures(struct report_ctx *r)
{
	static const double shares[4] = { 20, 25, 30, 25 };
	const char *head[4] = { tx(r, N_("Checked on")),
		tx(r, N_("Checked by")), tx(r, N_("Signature or seal")),
		tx(r, N_("Note")) };
	const char *blank[4] = { "", "", "", "" };

	report_doc_heading(r->doc, 1, tx(r, N_("Periodic check")));
	report_doc_para(r->doc, tx(r, N_("Check that each device is where "
	    "the ledger says, with its holder, and that the gaps are being "
	    "closed (facility guide §1-2, §1-3).")));
	report_doc_table(r->doc, 4, shares, REPORT_TABLE_HEADER |
	    REPORT_TABLE_KEEP, 36);
	report_doc_row(r->doc, head);
	report_doc_row(r->doc, blank);
	report_doc_row(r->doc, blank);
}

/* ---- an incident's device ---------------------------------------------- */

void
report_ledger_entry(struct report_ctx *r, struct store *st)
{
	struct ledger_device dev;
	char at[26], msg[256], *when, *gaps;
	int k;

	if (incident_value(r->d, r->inc, FIELD_DEVICE) == NULL)
		return;
	report_doc_heading(r->doc, 2, tx(r, N_("Device ledger")));
	if (ledger_entry_for(st, r->d, r->inc, r->o->now, &dev, at, msg,
	    sizeof msg) != ST_OK) {
		report_doc_para(r->doc, msg);
		return;
	}
	when = at[0] != '\0' ? report_iso_text(at, 16) :
	    xstrdup(tx(r, N_("not in the ledger then; as recorded now")));
	gaps = gaps_text(r, ledger_gaps(&dev, r->today));
	report_labels_table(r, 0.3);
	report_row2(r, tx(r, N_("Id")), dev.id);
	report_row2(r, tx(r, N_("As recorded at")), when);
	report_row2(r, tx(r, N_("State")), ledger_state_text(dev.state,
	    r->o->lang));
	for (k = 0; k < LK_COUNT; k++)
		if (dev.values[k] != NULL)
			report_row2(r, ledger_key_label(r->d, (enum ledger_key)k,
			    r->o->lang), value(r, &dev, (enum ledger_key)k));
	report_row2(r, tx(r, N_("Gaps")), gaps);
	free(when);
	free(gaps);
	ledger_device_clear(&dev);
}

/* ---- the ledger --------------------------------------------------------- */

static int
compose(struct report_ctx *r, struct store *st, const struct ledger *l,
    char *err, size_t errlen)
{
	const char *facility = report_profile(r, "facility.name");
	char *printed = report_day_text(r, r->today);
	char *line = xasprintf(tx(r, N_("%s · printed %s · %zu devices and "
	    "media")), facility != NULL ? facility : REPORT_BLANK, printed,
	    l->n);

	report_doc_title(r->doc, tx(r, N_("Device ledger")));
	report_doc_para(r->doc, line);
	free(line);
	free(printed);
	devices_table(r, l);
	expired(r, l);
	signatures(r);
	return chain_note(r, st, err, errlen);
}

int
report_ledger_write(const struct model_data *d, struct store *st,
    const struct report_opts *o, const char *path, char *err, size_t errlen)
{
	struct report_furniture f;
	struct report_ctx r;
	struct ledger l;
	int rc;

	report_ctx_init(&r, d, o);
	rc = ledger_load_all(st, &l, err, errlen);
	if (rc == ST_OK)
		rc = compose(&r, st, &l, err, errlen);
	report_furniture_init(&f, &r);
	f.header = tx(&r, N_("Confidential"));
	f.footer = tx(&r, N_("anshin-ir · device ledger"));
	f.numbers = 1;
	f.title = tx(&r, N_("Device ledger"));
	f.subject = tx(&r, N_("Devices and media taken out, their protection "
	    "and approval, for the periodic check"));
	f.keywords = tx(&r, N_("device ledger, periodic check, personal "
	    "information"));
	if (rc == ST_OK)
		rc = report_layout_write(r.doc, &f, o->font_path, o->now, path,
		    err, errlen);
	ledger_free(&l);
	report_doc_free(r.doc);
	return rc;
}
