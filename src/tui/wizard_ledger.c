/*
 * wizard_ledger.c - the device ledger in the wizard (docs/contract.md §3
 * `device`): the device field offers the ledger's devices in use or lost
 * (not those retired), searched by id or holder as one types; once one is
 * chosen, the ledger's values are proposed, marked 「台帳より」, for every
 * field still unanswered. They are not answers: the ledger may be months
 * old. y confirms them all (ledger_confirm: stored and signed by the
 * person, with a timeline note naming the entry); a field answered first
 * keeps its answer. Proposals live only here, never in the database.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ledger.h"
#include "tui/wizard.h"

static void
proposals_clear(struct wiz *w)
{
	size_t i;

	for (i = 0; w->proposed != NULL && i < w->form->nfields; i++)
		free(w->proposed[i]);
	free(w->proposed);
	w->proposed = NULL;
	w->nproposed = 0;
}

void
wiz_ledger_refresh(struct wiz *w)
{
	const char *id = incident_value(w->t->data, w->inc, FIELD_DEVICE);
	struct answer_set set = { NULL, 0 };
	struct ledger_device dev;
	size_t i;
	int f;

	proposals_clear(w);
	if (id == NULL || ledger_load(w->t->st, id, &dev, NULL, 0) != ST_OK)
		return;
	ledger_proposals(w->t->data, &dev, w->inc->values, &set);
	ledger_device_clear(&dev);
	w->proposed = xcalloc(w->form->nfields, sizeof *w->proposed);
	for (i = 0; i < set.n; i++)
		if ((f = form_field_index(w->form, set.v[i].key)) >= 0) {
			w->proposed[f] = set.v[i].value;
			set.v[i].value = NULL;
			w->nproposed++;
		}
	answer_set_free(&set);
}

int
wiz_ledger_field(const struct wiz *w)
{
	return strcmp(wiz_field(w)->key, FIELD_DEVICE) == 0;
}

void
wiz_ledger_count(struct wiz *w)
{
	struct ledger l;
	size_t i;

	w->ndevices = 0;
	if (w->drill != NULL || ledger_load_all(w->t->st, &l, NULL, 0) != ST_OK)
		return;
	for (i = 0; i < l.n; i++)
		w->ndevices += l.v[i].state != LEDGER_RETIRED;
	ledger_free(&l);
}

int
wiz_ledger_asked(const struct wiz *w, size_t field)
{
	return w->ndevices > 0 || w->inc->values[field] != NULL ||
	    strcmp(w->form->fields[field].key, FIELD_DEVICE) != 0;
}

/* "TAB-03  タブレット  訪問看護 田中", and the state when not in use. */
static char *
offer_line(const struct wiz *w, const struct ledger_device *dev)
{
	struct buf b;

	buf_init(&b);
	buf_adds(&b, dev->id);
	if (dev->values[LK_TYPE] != NULL)
		buf_addf(&b, "  %s", ledger_value_text(w->t->data, LK_TYPE,
		    dev->values[LK_TYPE], w->t->lang));
	if (dev->values[LK_HOLDER] != NULL)
		buf_addf(&b, "  %s", dev->values[LK_HOLDER]);
	if (dev->state == LEDGER_LOST)
		buf_addf(&b, "  [%s %s]", ledger_state_text(dev->state,
		    w->t->lang), dev->incident != NULL ? dev->incident : "");
	return buf_steal(&b);
}

static int
found(const struct ledger_device *dev, const char *typed)
{
	return *typed == '\0' || strcasestr(dev->id, typed) != NULL ||
	    (dev->values[LK_HOLDER] != NULL &&
	    strcasestr(dev->values[LK_HOLDER], typed) != NULL);
}

void
wiz_ledger_offer(struct wiz *w)
{
	struct strv ids = { NULL, 0 }, text = { NULL, 0 };
	char *typed = tui_edit_text(&w->f.ed), *line;
	struct ledger l;
	size_t i;

	if (ledger_load_all(w->t->st, &l, NULL, 0) == ST_OK)
		for (i = 0; i < l.n; i++) {
			if (l.v[i].state == LEDGER_RETIRED ||
			    !found(&l.v[i], util_trim(typed)))
				continue;
			strv_push(&ids, l.v[i].id);
			line = offer_line(w, &l.v[i]);
			strv_push(&text, line);
			free(line);
		}
	ledger_free(&l);
	tui_focus_offer(&w->f, &ids, &text, w->inc->values[w->f.field]);
	if (ids.n == 0)
		tui_focus_set_msg(&w->f, *typed != '\0' ? _("No device of the "
		    "ledger matches.") : _("The device ledger is empty (l on "
		    "the home screen adds devices)."));
	else
		tui_focus_set_msg(&w->f, NULL);
	strv_free(&ids);
	strv_free(&text);
	free(typed);
}

void
wiz_ledger_confirm(struct wiz *w)
{
	const char *dev = incident_value(w->t->data, w->inc, FIELD_DEVICE);
	size_t n = w->nproposed;
	const char *by;
	char err[1024], *id, *msg;
	int rc;

	if (n == 0 || dev == NULL || (by = tui_signer(w->t)) == NULL)
		return;
	/* the change replaces inc's values, which dev points into */
	id = xstrdup(dev);
	rc = ledger_confirm(w->t->st, w->t->data, w->inc, id, by,
	    app_now(w->t->app), err, sizeof err);
	wiz_evaluate(w);
	/* the field in view may be one of those just answered */
	wiz_focus(w, (size_t)w->f.field);
	if (rc == ST_OK) {
		w->stored = 1;
		msg = xasprintf(_("Confirmed %zu answers from the ledger (%s)."),
		    n, id);
		wiz_status(w, msg);
		free(msg);
	} else
		wiz_status(w, err);
	free(id);
}

void
wiz_ledger_free(struct wiz *w)
{
	proposals_clear(w);
}
