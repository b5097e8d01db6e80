/*
 * card.h - what the first-response card says (the page is the report's):
 * the kinds of incident it covers, in order, and for each the first steps
 * the checklist would list for a new incident of that kind, in the
 * checklist's order, so the card changes when the rules or the contacts
 * (the facility's type) change. Nothing here draws or prints.
 */
#ifndef ANSHIN_CARD_H
#define ANSHIN_CARD_H

#include <stddef.h>

#include "model.h"

/* At least three steps, at most five: the immediate ones, topped up
 * with the next ones when there are fewer than three. */
#define CARD_STEPS_MIN 3
#define CARD_STEPS_MAX 5
#define CARD_SECTIONS 5

struct card_section {
	const char *kinds[3];		/* the intake `kind` values covered,
					 * NULL-terminated; the first
					 * decides the steps */
	const struct rule_action *steps[CARD_STEPS_MAX];
	size_t nsteps;
};

/* The card's sections: lost or stolen device, misdirected e-mail or
 * fax, lost paper, unauthorized access or malware (ransomware), verbal. */
void card_sections(const struct model_data *d,
    struct card_section out[CARD_SECTIONS]);

#endif
