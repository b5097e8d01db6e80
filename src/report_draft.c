/*
 * report_draft.c - the parts of the report written for others: the draft
 * of the report to the Personal Information Protection Commission in the
 * order of the Enforcement Rules Art. 8 with the PPC form's first three
 * questions, the draft notice to the individuals (items 1, 2, 4, 5, 9 and
 * an enquiry contact), the recurrence measures and the signature block
 * (LEGAL.md §2). What is unknown says so: "to be confirmed".
 */
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

/* ---- draft of the report to the PPC ----------------------------------- */

/* Enforcement Rules Art. 8, in its order (LEGAL.md §2). */
static const char *const art8_titles[] = {
	N_("Summary"),
	N_("Personal data items affected"),
	N_("Number of persons concerned"),
	N_("Cause"),
	N_("Secondary damage or its risk"),
	N_("Response to the individuals"),
	N_("Public announcement"),
	N_("Recurrence-prevention measures"),
	N_("Other useful information"),
};

/* 1 when a multi-choice answer ("a,b,c") holds token. */
static int
has_token(const char *list, const char *token)
{
	size_t n = strlen(token);

	for (;;) {
		if (strncmp(list, token, n) == 0 && (list[n] == ',' ||
		    list[n] == '\0'))
			return 1;
		list = strchr(list, ',');
		if (list == NULL)
			return 0;
		list++;
	}
}

static char *
item_summary(const struct report_ctx *r)
{
	static const char *const keys[] = { "kind", "discovered_at",
		"occurred_at", "place", "summary", "narrative" };
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		report_add_answer(r, &b, keys[i]);
	return buf_steal(&b);
}

static char *
item_answer(const struct report_ctx *r, const char *key)
{
	const char *v = incident_value(r->d, r->inc, key);
	char *text = v != NULL && strcmp(v, "unknown") != 0 ?
	    report_answer_text(r, key) : NULL;

	return text != NULL ? text : xstrdup(tbc(r));
}

static char *
item_persons(const struct report_ctx *r)
{
	struct buf b;

	buf_init(&b);
	report_add_answer(r, &b, "persons_count");
	report_add_answer(r, &b, "persons_basis");
	if (incident_value(r->d, r->inc, "records_count") != NULL)
		report_add_answer(r, &b, "records_count");
	return buf_steal(&b);
}

static char *
item_secondary(const struct report_ctx *r)
{
	char *damage = item_answer(r, "secondary_damage"),
	    *detail = report_answer_text(r, "secondary_damage_detail"), *s;

	if (detail == NULL)
		return damage;
	s = xasprintf("%s\n%s", damage, detail);
	free(damage);
	free(detail);
	return s;
}

/* How far an action of the checklist has got: items 6 and 7. */
static char *
item_action(const struct report_ctx *r, const char *action)
{
	const struct check_item *it = model_item_find(&r->ev, action);
	const struct action_record *rec = it != NULL ? it->record : NULL;
	char *when, *s;

	if (it == NULL || it->status == ACTION_OPEN || rec == NULL)
		return xstrdup(tbc(r));
	when = report_iso_text(rec->at, 16);
	s = xasprintf(tx(r, N_("%s (%s, %s)")), report_status_text(r,
	    it->status), when, rec->by != NULL ? rec->by : "");
	free(when);
	if (rec->note != NULL && *rec->note != '\0') {
		when = s;
		s = xasprintf("%s\n%s", when, rec->note);
		free(when);
	}
	return s;
}

static char *
item_measures(const struct report_ctx *r)
{
	return xstrdup(r->inc->measures != NULL && *r->inc->measures != '\0' ?
	    r->inc->measures : tbc(r));
}

static char *
item_other(const struct report_ctx *r)
{
	char *grounds = report_grounds_text(r);
	struct buf b;

	buf_init(&b);
	report_add_line(r, &b, tx(r, N_("Grounds")), grounds);
	report_add_line(r, &b, tx(r, N_("Exemption")),
	    report_exemption_text(r));
	report_add_line(r, &b, tx(r, N_("Reported by")), tx(r,
	    rules_report_by_text(r->ev.result.report_by)));
	report_add_answer(r, &b, "encryption");
	report_add_answer(r, &b, "key_exposed");
	report_add_answer(r, &b, "person_in_charge");
	free(grounds);
	return buf_steal(&b);
}

static char *
art8_item(const struct report_ctx *r, size_t i)
{
	switch (i) {
	case 0: return item_summary(r);
	case 1: return item_answer(r, "data_types");
	case 2: return item_persons(r);
	case 3: return item_answer(r, "cause");
	case 4: return item_secondary(r);
	case 5: return item_action(r, "notify_individuals");
	case 6: return item_action(r, "decide_publication");
	case 7: return item_measures(r);
	default: return item_other(r);
	}
}

/* The questions the PPC's online form asks first (LEGAL.md §2). */
static void
ppc_questions(struct report_ctx *r)
{
	const char *types = incident_value(r->d, r->inc, "data_types");

	report_doc_heading(r->doc, 2, tx(r, N_("First questions of the PPC "
	    "form")));
	report_labels_table(r, 0.45);
	report_row2(r, tx(r, N_("Is My Number (the individual number) "
	    "involved?")),
	    types == NULL ? tbc(r) : has_token(types, "my_number") ?
	    tx(r, N_("yes")) : tx(r, N_("no")));
	report_row2(r, tx(r, N_("Is the reporter a public body (administrative "
	    "organ, local government)?")), tx(r, N_("to be confirmed by the "
	    "facility: public hospitals check with their local government's "
	    "privacy office")));
	report_row2(r, tx(r, N_("Is the sector one where the PPC's authority "
	    "is delegated to a minister?")), tx(r, N_("to be confirmed: "
	    "private hospitals, clinics and care providers usually report to "
	    "the PPC itself")));
}

void
report_draft_ppc(struct report_ctx *r)
{
	char *title, *text;
	size_t i;

	report_doc_heading(r->doc, 1, tx(r, N_("Draft report to the Personal "
	    "Information Protection Commission")));
	report_doc_note(r->doc, tx(r, N_("In the order of the Enforcement "
	    "Rules Art. 8. The preliminary report gives what is known so "
	    "far, the final report all nine items; \"to be confirmed\" marks "
	    "what is not known yet. Filed through the PPC's online form.")));
	ppc_questions(r);
	report_doc_heading(r->doc, 2, tx(r, N_("Report items (Enforcement "
	    "Rules Art. 8)")));
	report_labels_table(r, 0.28);
	for (i = 0; i < sizeof art8_titles / sizeof art8_titles[0]; i++) {
		title = xasprintf("%zu. %s", i + 1, tx(r, art8_titles[i]));
		text = art8_item(r, i);
		report_row2(r, title, text);
		free(title);
		free(text);
	}
}

/* ---- draft notice to the individuals ----------------------------------- */

static char *
notice_what(const struct report_ctx *r)
{
	struct buf b;

	buf_init(&b);
	report_add_answer(r, &b, "summary");
	report_add_answer(r, &b, "discovered_at");
	return buf_steal(&b);
}

static char *
notice_enquiries(const struct report_ctx *r)
{
	const char *facility = contacts_get(r->d->contacts, "facility.name",
	    r->o->lang);
	char *desk = contacts_describe(r->d->contacts, "enquiry_desk",
	    r->o->lang, tx(r, N_("not set"))), *s;

	if (facility == NULL)
		return desk;
	s = xasprintf("%s\n%s", facility, desk);
	free(desk);
	return s;
}

/* Where to fill in the enquiry desk, while its phone number is unset. */
static void
notice_contacts_hint(struct report_ctx *r)
{
	char *user, *hint;

	if (contacts_get(r->d->contacts, "enquiry_desk.phone", r->o->lang) !=
	    NULL)
		return;
	user = contacts_user_file();
	hint = xasprintf(tx(r, N_("The enquiry desk is not set: fill in "
	    "[enquiry_desk] in %s (the keys are explained in "
	    "data/contacts.conf).")), user != NULL ? user :
	    "~/.config/anshin-ir/contacts.conf");
	report_doc_note(r->doc, hint);
	free(hint);
	free(user);
}

/* Items 1, 2, 4, 5 and 9 of Art. 8 and an enquiry contact (LEGAL.md §2,
 * APPI Art. 26(2)); only when the report is required and the facility
 * itself notifies (for data held under contract only, the business that
 * entrusted it does). */
void
report_draft_notice(struct report_ctx *r)
{
	char *cells[6];
	const char *labels[6] = { tx(r, N_("What happened")),
		tx(r, N_("Information concerned")), tx(r, N_("Cause")),
		tx(r, N_("Secondary damage")), tx(r, N_("Other")),
		tx(r, N_("Enquiries")) };
	size_t i;

	if (r->ev.result.reportable != REPORTABLE_YES ||
	    r->ev.result.report_by == REPORT_BY_CONTROLLER)
		return;
	cells[0] = notice_what(r);
	cells[1] = item_answer(r, "data_types");
	cells[2] = item_answer(r, "cause");
	cells[3] = item_secondary(r);
	cells[4] = xstrdup(tx(r, N_("We have reported the incident to the "
	    "Personal Information Protection Commission and are taking "
	    "measures so that it does not happen again.")));
	cells[5] = notice_enquiries(r);
	report_doc_heading(r->doc, 1, tx(r, N_("Draft notice to the "
	    "individuals")));
	report_doc_note(r->doc, tx(r, N_("Send promptly as the situation "
	    "allows, by letter, e-mail or other understandable means, after "
	    "the person in charge has checked it. When the individuals "
	    "cannot be reached, publish the incident and the enquiry contact "
	    "instead.")));
	report_doc_para(r->doc, tx(r, N_("We regret to inform you that "
	    "personal information about you held by our facility has been "
	    "leaked, or may have been. We sincerely apologise for the worry "
	    "and inconvenience this causes. The details are as follows.")));
	report_labels_table(r, 0.25);
	for (i = 0; i < 6; i++) {
		report_row2(r, labels[i], cells[i]);
		free(cells[i]);
	}
	notice_contacts_hint(r);
}

/* ---- measures, signatures ---------------------------------------------- */

static void
measures(struct report_ctx *r)
{
	if (!r->inc->closed || r->inc->measures == NULL)
		return;
	report_doc_heading(r->doc, 1, tx(r, N_("Recurrence-prevention "
	    "measures")));
	report_doc_para(r->doc, r->inc->measures);
}

static void
signatures(struct report_ctx *r)
{
	static const double shares[4] = { 25, 25, 30, 20 };
	const char *head[4] = { tx(r, N_("Role")), tx(r, N_("Name")),
		tx(r, N_("Signature or seal")), tx(r, N_("Date")) };
	const char *rows[2][4] = {
		{ report_field_label(r, "person_in_charge"),
		    incident_value(r->d, r->inc, "person_in_charge"), "", "" },
		{ tx(r, N_("Director or manager")), "", "", "" },
	};

	report_doc_heading(r->doc, 1, tx(r, N_("Signatures")));
	/* Tall rows: room to sign or stamp a seal. */
	report_doc_table(r->doc, 4, shares, REPORT_TABLE_HEADER, 40);
	report_doc_row(r->doc, head);
	report_doc_row(r->doc, rows[0]);
	report_doc_row(r->doc, rows[1]);
}

void
report_draft_closing(struct report_ctx *r)
{
	measures(r);
	signatures(r);
	report_doc_para(r->doc, report_disclaimer(r));
}
