/*
 * card.c - the first-response card's steps (card.h): each section is
 * evaluated as a new incident of its first kind, with only what a new
 * incident would already hold (the kind, and the answers the contacts
 * prefill), through the same model_evaluate as the checklist, and its
 * first items are taken in the checklist's order (phase, priority, the
 * rules file's order).
 */
#include "card.h"

#include <stdlib.h>
#include <string.h>

#include "contract.h"

static const char *const section_kinds[CARD_SECTIONS][3] = {
	{ "device_loss", "device_theft", NULL },
	{ "email_misdelivery", "fax_misdelivery", NULL },
	{ "paper_loss", NULL, NULL },
	{ "malware", "unauthorized_access", NULL },
	{ "verbal", NULL, NULL },
};

/* A new incident of `kind`, as model_create would start it. */
static void
new_incident(const struct model_data *d, const char *kind,
    struct incident *inc)
{
	const struct form_field *fld;
	size_t i;

	memset(inc, 0, sizeof *inc);
	inc->nvalues = d->form->nfields;
	inc->values = xcalloc(inc->nvalues, sizeof *inc->values);
	for (i = 0; i < d->form->nfields; i++) {
		fld = &d->form->fields[i];
		if (strcmp(fld->key, FIELD_KIND) == 0)
			inc->values[i] = (char *)kind;
		else if (fld->prefill != NULL)
			inc->values[i] = (char *)contacts_get(d->contacts,
			    fld->prefill, LANG_EN);
	}
}

static void
section_steps(const struct model_data *d, struct card_section *s)
{
	struct incident inc;
	struct evaluation ev;
	size_t i;

	new_incident(d, s->kinds[0], &inc);
	model_evaluate(d, &inc, &ev);
	for (i = 0; i < ev.nitems && s->nsteps < CARD_STEPS_MAX; i++) {
		if (ev.items[i].action->phase != PHASE_IMMEDIATE &&
		    s->nsteps >= CARD_STEPS_MIN)
			break;
		s->steps[s->nsteps++] = ev.items[i].action;
	}
	model_evaluation_free(&ev);
	free(inc.values);
}

void
card_sections(const struct model_data *d,
    struct card_section out[CARD_SECTIONS])
{
	size_t i;

	for (i = 0; i < CARD_SECTIONS; i++) {
		memset(&out[i], 0, sizeof out[i]);
		memcpy(out[i].kinds, section_kinds[i], sizeof out[i].kinds);
		section_steps(d, &out[i]);
	}
}
