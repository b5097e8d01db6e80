/*
 * report_ppc.c - the draft of the report to the Personal Information
 * Protection Commission, laid out block by block as the PPC's form asks
 * (docs/legal.md §2b): the kind of report (速報 or 確報, the earlier report's
 * date) with the form's opening questions, the reporter from the facility
 * profile (blanks to fill in where unset, never a path), then the nine
 * items of Enforcement Rules Art. 8 in order: item 1 as prose built from
 * the answers with the Art. 7 items that apply, counts with their unit,
 * items 6 to 9 from what was actually recorded. 「不明」 (answered
 * unknown) stays apart from 「未入力」 (no answer yet). An incident
 * assessed as not reportable carries the banner 「報告対象外と判断（任意の
 * 報告）」 on its draft.
 */
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

/* ---- the banner, the kind of report ----------------------------------- */

static void
banner(struct report_ctx *r, const char *head, const char *text)
{
	static const double one[1] = { 1 };
	char *s = xasprintf("%s\n%s", head, text);
	const char *cell[1] = { s };

	report_doc_table(r->doc, 1, one, REPORT_TABLE_LABELS |
	    REPORT_TABLE_LARGE, 0);
	report_doc_row(r->doc, cell);
	free(s);
}

/* Why this draft may not be needed, first thing on it. */
static void
ppc_banner(struct report_ctx *r)
{
	const struct rules_result *res = &r->ev.result;
	char *why = rules_result_why(r->d->rules, res, r->o->lang, "; ");

	if (res->reportable == REPORTABLE_NO)
		banner(r, tx(r, N_("Not reportable, as decided (a voluntary "
		    "report)")), why != NULL ? why :
		    tx(r, rules_no_ground_text()));
	else if (res->reportable == REPORTABLE_UNDETERMINED)
		banner(r, tx(r, N_("Whether a report is required is still "
		    "undetermined")), why != NULL ? why : tbc(r));
	else if (res->report_by == REPORT_BY_CONTROLLER)
		banner(r, tx(r, N_("The business that entrusted the data "
		    "reports")), tx(r, N_("The facility tells it promptly "
		    "(notify_controller); this draft is for that business "
		    "and the facility's record.")));
	free(why);
}

static char *
stage_text(const struct report_ctx *r)
{
	const struct check_item *pre = report_item(r, "ppc_preliminary_report");
	long day = report_done_day(r, "ppc_preliminary_report");
	char *date, *s;

	if (report_ppc_stage(r) == REPORT_STAGE_PRELIMINARY)
		return xstrdup(tx(r, N_("Preliminary report (速報)")));
	if (pre != NULL && pre->status == ACTION_SKIPPED)
		return xstrdup(tx(r, N_("Final report (確報); no preliminary "
		    "report was made")));
	if (day < 0)
		return xasprintf(tx(r, N_("Final report (確報); date of the "
		    "preliminary report: %s")), REPORT_BLANK);
	date = report_day_text(r, day);
	s = xasprintf(tx(r, N_("Final report (確報); the preliminary report "
	    "was made on %s")), date);
	free(date);
	return s;
}

/* The date of this report once it is recorded done, else a blank. */
static char *
report_date(const struct report_ctx *r)
{
	long day = report_done_day(r, report_ppc_stage(r) ==
	    REPORT_STAGE_FINAL ? "ppc_final_report" : "ppc_preliminary_report");

	return day >= 0 ? report_day_text(r, day) : xstrdup("");
}

/* My Number first, as the form asks it, with the PPC's advice. */
static const char *
my_number_text(const struct report_ctx *r)
{
	if (incident_value(r->d, r->inc, FIELD_DATA_TYPES) == NULL)
		return tx(r, N_("not entered (answer yes if unsure)"));
	return report_answer_is(r, FIELD_DATA_TYPES, "my_number") ? tx(r,
	    N_("yes")) : tx(r, N_("no (answer yes if unsure)"));
}

static void
kind_block(struct report_ctx *r)
{
	char *stage = stage_text(r), *date = report_date(r);

	report_doc_heading(r->doc, 2, tx(r, N_("Kind of report and the "
	    "form's first questions")));
	report_labels_table(r, 0.4);
	report_row2(r, tx(r, N_("Preliminary or final")), stage);
	report_row2(r, tx(r, N_("Date of this report")), date);
	report_row2(r, tx(r, N_("Is My Number (the individual number) "
	    "involved?")), my_number_text(r));
	report_row2(r, tx(r, N_("Is the reporter a public body (administrative "
	    "organ, local government)?")), tx(r, N_("to be confirmed by the "
	    "facility: public hospitals check with their local government's "
	    "privacy office")));
	report_row2(r, tx(r, N_("Is the sector one where the PPC's authority "
	    "is delegated to a minister?")), tx(r, N_("to be confirmed: "
	    "private hospitals, clinics and care providers usually report to "
	    "the PPC itself")));
	free(stage);
	free(date);
}

/* ---- the reporter -------------------------------------------------------- */

static const char *
or_blank(const char *v)
{
	return v != NULL ? v : "";
}

static char *
address_text(const struct report_ctx *r)
{
	const char *zip = report_profile(r, "facility.postal_code");
	const char *addr = report_profile(r, "facility.address");

	if (zip == NULL && addr == NULL)
		return xstrdup("");
	return xasprintf("%s%s%s%s", zip != NULL ? "〒" : "", or_blank(zip),
	    zip != NULL && addr != NULL ? " " : "", or_blank(addr));
}

/* The person handling the report: the profile's person in charge, else
 * the incident's (who leads the response). */
static const char *
contact_name(const struct report_ctx *r)
{
	const char *v = report_profile(r, "person_in_charge.name");

	return v != NULL ? v : incident_value(r->d, r->inc,
	    FIELD_PERSON_IN_CHARGE);
}

static void
reporter_block(struct report_ctx *r)
{
	static const double shares[2] = { 0.4, 0.6 };
	const char *phone = report_profile(r, "person_in_charge.phone");
	char *addr = address_text(r);

	report_doc_heading(r->doc, 2, tx(r, N_("Reporter")));
	/* Rows tall enough to write in what the profile lacks. */
	report_doc_table(r->doc, 2, shares, REPORT_TABLE_LABELS, 22);
	report_row2(r, tx(r, N_("Name of the business")),
	    or_blank(report_profile(r, "facility.name")));
	report_row2(r, tx(r, N_("Corporate number")),
	    or_blank(report_profile(r, "facility.corporate_number")));
	report_row2(r, tx(r, N_("Representative")),
	    or_blank(report_profile(r, "facility.representative")));
	report_row2(r, tx(r, N_("Address")), addr);
	report_row2(r, tx(r, N_("Person handling the report")),
	    or_blank(contact_name(r)));
	report_row2(r, tx(r, N_("Department and title")),
	    or_blank(report_profile(r, "person_in_charge.title")));
	report_row2(r, tx(r, N_("Phone")), or_blank(phone != NULL ? phone :
	    report_profile(r, "facility.phone")));
	report_row2(r, tx(r, N_("E-mail")),
	    or_blank(report_profile(r, "person_in_charge.email")));
	free(addr);
}

/* ---- item 1: what happened, in prose ------------------------------------ */

static char *
device_text(const struct report_ctx *r)
{
	return report_device_text(r, tx(r, N_("device or medium")));
}

/* The kind of device as the form names it, for a table cell. */
static const char *
device_label(const struct report_ctx *r)
{
	const char *v = incident_value(r->d, r->inc, FIELD_DEVICE_TYPE);
	const struct form_field *fld = form_field_find(r->d->form,
	    FIELD_DEVICE_TYPE);

	return v != NULL && fld != NULL ? form_choice_label(fld, v,
	    r->o->lang) : tx(r, N_("device or medium"));
}

static char *
misdelivery_clause(const struct report_ctx *r, int fax, const char *to)
{
	char *who = to != NULL ? xasprintf(tx(r, N_(" (recipient: %s)")),
	    to) : xstrdup(""), *s;

	s = xasprintf(fax ? tx(r, N_("a fax holding personal data was sent "
	    "to a wrong recipient%s")) : tx(r, N_("an e-mail holding personal "
	    "data was sent to a wrong recipient%s")), who);
	free(who);
	return s;
}

/* What happened, as a clause of a report (である調). */
static char *
event_clause(const struct report_ctx *r)
{
	const char *kind = incident_value(r->d, r->inc, FIELD_KIND);
	const char *to = incident_value(r->d, r->inc, FIELD_RECIPIENT);
	char *dev, *s;

	if (kind == NULL)
		kind = "";
	if (strcmp(kind, "device_loss") == 0 ||
	    strcmp(kind, "device_theft") == 0) {
		dev = device_text(r);
		s = xasprintf(strcmp(kind, "device_loss") == 0 ? tx(r,
		    N_("a member of staff lost a %s used for work")) :
		    tx(r, N_("a %s used for work was stolen")), dev);
		free(dev);
		return s;
	}
	if (strcmp(kind, "email_misdelivery") == 0 ||
	    strcmp(kind, "fax_misdelivery") == 0)
		return misdelivery_clause(r, strcmp(kind, "fax_misdelivery") ==
		    0, to);
	if (strcmp(kind, "paper_loss") == 0)
		return xstrdup(tx(r, N_("documents holding personal data were "
		    "lost")));
	if (strcmp(kind, "unauthorized_access") == 0)
		return xstrdup(tx(r, N_("the facility's systems were accessed "
		    "without authorisation")));
	if (strcmp(kind, "malware") == 0)
		return xstrdup(tx(r, N_("the facility's systems were infected "
		    "with malware")));
	if (strcmp(kind, "insider_misuse") == 0)
		return xstrdup(tx(r, N_("a member of staff took personal data "
		    "beyond the scope of their work (or may have)")));
	if (strcmp(kind, "verbal") == 0)
		return xstrdup(tx(r, N_("personal data reached a third party "
		    "through staff conversation (or may have)")));
	return xstrdup(tx(r, N_("personal data was leaked, lost or damaged "
	    "(or may have been)")));
}

/* "On 2026-10-05 17:40, at <place>, <what happened>." */
static void
add_event_sentence(const struct report_ctx *r, struct buf *b)
{
	const char *occ = incident_value(r->d, r->inc, FIELD_OCCURRED_AT);
	const char *place = incident_value(r->d, r->inc, FIELD_PLACE);
	char *what = event_clause(r), *when;

	if (occ != NULL && strcmp(occ, "unknown") != 0) {
		when = report_iso_text(occ, 16);
		buf_addf(b, tx(r, N_("Around %s, ")), when);
		free(when);
	} else if (occ != NULL) {
		buf_adds(b, tx(r, N_("At a time not known, ")));
	}
	if (place != NULL)
		buf_addf(b, tx(r, N_("at %s, ")), place);
	buf_addf(b, tx(r, N_("%s.")), what);
	free(what);
}

static void
add_discovery_sentence(const struct report_ctx *r, struct buf *b)
{
	const char *disc = incident_value(r->d, r->inc, FIELD_DISCOVERED_AT);
	const char *who = incident_value(r->d, r->inc, FIELD_REPORTER);
	char *when;

	if (disc == NULL)
		return;
	when = report_iso_text(disc, 16);
	if (who != NULL)
		buf_addf(b, tx(r, N_(" It came to light on %s, reported by "
		    "%s.")), when, who);
	else
		buf_addf(b, tx(r, N_(" It came to light on %s.")), when);
	free(when);
}

/* The facts the assessment turns on, when they are recorded. */
static void
add_state_sentences(const struct report_ctx *r, struct buf *b)
{
	if (report_answer_is(r, FIELD_BROWSER_SAVED_LOGIN, "yes") &&
	    report_answer_is(r, FIELD_NETWORK_ACCESS, "yes"))
		buf_adds(b, tx(r, N_(" The device kept a saved login to the "
		    "regional medical network, so the patient data there "
		    "could be opened from it.")));
	if (report_answer_is(r, FIELD_NETWORK_LOG, "no_access"))
		buf_adds(b, tx(r, N_(" The network operator's access log "
		    "shows no login with those user IDs between the loss and "
		    "their suspension.")));
	else if (report_answer_is(r, FIELD_NETWORK_LOG, "access_found"))
		buf_adds(b, tx(r, N_(" The network operator's access log "
		    "shows logins with those user IDs after the loss.")));
	if (report_answer_is(r, FIELD_SYSTEMS_DOWN, "yes"))
		buf_adds(b, tx(r, N_(" Systems needed for care could not be "
		    "used.")));
	if (report_answer_is(r, FIELD_EXPOSURE, "public"))
		buf_adds(b, tx(r, N_(" The data could be seen by anyone on "
		    "the internet.")));
	if (report_answer_is(r, FIELD_RECOVERED_UNVIEWED, "yes"))
		buf_adds(b, tx(r, N_(" Everything was recovered before any "
		    "third party could see it.")));
}

/* Enforcement Rules Art. 7 items (and the My Number Act) by ground. */
static const char *
ground_item(const struct report_ctx *r, enum ground g)
{
	switch (g) {
	case GROUND_SENSITIVE:
		return tx(r, N_("Enforcement Rules Art. 7 item 1 "
		    "(special-care-required personal information)"));
	case GROUND_FINANCIAL:
		return tx(r, N_("Enforcement Rules Art. 7 item 2 (possible "
		    "financial damage)"));
	case GROUND_UNAUTHORIZED_PURPOSE:
		return tx(r, N_("Enforcement Rules Art. 7 item 3 (possibly "
		    "done for an unauthorized purpose)"));
	case GROUND_OVER_1000:
		return tx(r, N_("Enforcement Rules Art. 7 item 4 (more than "
		    "1,000 persons)"));
	default:
		return tx(r, N_("My Number Act Art. 29-4 (specific personal "
		    "information)"));
	}
}

static char *
grounds_items(const struct report_ctx *r)
{
	const struct rules_result *res = &r->ev.result;
	struct buf b;
	int g;

	buf_init(&b);
	for (g = 0; g < GROUND_COUNT; g++)
		if (res->grounds & (1u << g))
			buf_addf(&b, "%s%s", b.len > 0 ? "\n" : "",
			    ground_item(r, (enum ground)g));
	if (res->reportable == REPORTABLE_NO)
		buf_addf(&b, "%s%s%s", b.len > 0 ? "\n" : "", tx(r,
		    N_("Not reportable, as decided: ")),
		    report_exemption_text(r));
	else if (res->reportable == REPORTABLE_UNDETERMINED)
		buf_addf(&b, "%s%s", b.len > 0 ? "\n" : "",
		    tx(r, N_("Still undetermined")));
	if (b.len == 0)
		buf_adds(&b, tx(r, N_("none")));
	return buf_steal(&b);
}

static char *
item_summary(const struct report_ctx *r)
{
	const char *narrative = incident_value(r->d, r->inc, FIELD_NARRATIVE);
	char *occ = report_fact_text(r, FIELD_OCCURRED_AT);
	char *disc = report_fact_text(r, FIELD_DISCOVERED_AT);
	char *grounds = grounds_items(r);
	struct buf b;

	buf_init(&b);
	report_add_line(r, &b, tx(r, N_("When it happened")), occ);
	report_add_line(r, &b, tx(r, N_("When it was discovered")), disc);
	buf_addc(&b, '\n');
	add_event_sentence(r, &b);
	add_discovery_sentence(r, &b);
	add_state_sentences(r, &b);
	if (narrative != NULL)
		buf_addf(&b, "\n%s%s", tx(r, N_("As recorded: ")), narrative);
	buf_addc(&b, '\n');
	report_add_line(r, &b, tx(r, N_("Cases of Rules Art. 7 that apply")),
	    grounds);
	free(occ);
	free(disc);
	free(grounds);
	return buf_steal(&b);
}

/* ---- items 2 to 5 --------------------------------------------------------- */

static const char *
medium_text(const struct report_ctx *r)
{
	const char *kind = incident_value(r->d, r->inc, FIELD_KIND);

	if (kind == NULL)
		return report_unentered(r);
	if ((strcmp(kind, "device_loss") == 0 ||
	    strcmp(kind, "device_theft") == 0) &&
	    !report_answer_is(r, FIELD_DEVICE_TYPE, "paper"))
		return device_label(r);
	if (strcmp(kind, "email_misdelivery") == 0)
		return tx(r, N_("e-mail"));
	if (strcmp(kind, "fax_misdelivery") == 0)
		return tx(r, N_("fax (paper)"));
	if (strcmp(kind, "unauthorized_access") == 0 ||
	    strcmp(kind, "malware") == 0)
		return tx(r, N_("electronic (information systems)"));
	if (strcmp(kind, "verbal") == 0)
		return tx(r, N_("spoken"));
	if (strcmp(kind, "paper_loss") == 0 || strcmp(kind, "device_loss") ==
	    0 || strcmp(kind, "device_theft") == 0)
		return tx(r, N_("paper (documents)"));
	return tbc(r);
}

static char *
item_data(const struct report_ctx *r)
{
	char *types = report_fact_text(r, FIELD_DATA_TYPES);
	struct buf b;

	buf_init(&b);
	report_add_line(r, &b, tx(r, N_("Medium")), medium_text(r));
	report_add_line(r, &b, tx(r, N_("Data items")), types);
	free(types);
	return buf_steal(&b);
}

static char *
item_persons(const struct report_ctx *r)
{
	const char *records = incident_value(r->d, r->inc, FIELD_RECORDS_COUNT);
	char *persons = report_persons_text(r), *s;

	if (records == NULL)
		return persons;
	s = xasprintf(tx(r, N_("%s (records: %s)")), persons, records);
	free(persons);
	return s;
}

static char *
item_secondary(const struct report_ctx *r)
{
	const char *v = incident_value(r->d, r->inc, FIELD_SECONDARY_DAMAGE);
	const char *detail = incident_value(r->d, r->inc,
	    FIELD_SECONDARY_DAMAGE_DETAIL);
	const char *head;

	if (v == NULL)
		head = report_unentered(r);
	else if (strcmp(v, "none_known") == 0)
		head = tx(r, N_("None known at present"));
	else if (strcmp(v, "suspected") == 0)
		head = tx(r, N_("There is a risk of secondary damage"));
	else
		head = tx(r, N_("Secondary damage has occurred"));
	return detail != NULL ? xasprintf("%s\n%s", head, detail) :
	    xstrdup(head);
}

/* ---- items 6 to 9: what was done ------------------------------------------ */

static void
add_action(const struct report_ctx *r, struct buf *b, const char *action)
{
	const struct check_item *it = report_item(r, action);
	char *line;

	if (it == NULL)
		return;
	line = report_action_line(r, it);
	buf_addf(b, "%s%s", b->len > 0 ? "\n" : "", line);
	free(line);
}

/* The enquiry desk with blanks where the profile has none. */
static char *
desk_text(const struct report_ctx *r)
{
	const char *name = report_profile(r, "enquiry_desk.name");
	const char *email = report_profile(r, "enquiry_desk.email");
	struct buf b;

	buf_init(&b);
	buf_addf(&b, tx(r, N_("Enquiry desk: %s")), name != NULL ? name :
	    or_blank(report_profile(r, "facility.name")));
	buf_addf(&b, "\n%s%s", tx(r, N_("Phone: ")), report_profile(r,
	    "enquiry_desk.phone") != NULL ? report_profile(r,
	    "enquiry_desk.phone") : REPORT_BLANK);
	buf_addf(&b, tx(r, N_(" (hours: %s)")), report_profile(r,
	    "enquiry_desk.hours") != NULL ? report_profile(r,
	    "enquiry_desk.hours") : REPORT_BLANK);
	if (email != NULL)
		buf_addf(&b, "\n%s%s", tx(r, N_("E-mail: ")), email);
	return buf_steal(&b);
}

static char *
item_individuals(const struct report_ctx *r)
{
	char *desk = desk_text(r);
	struct buf b;

	buf_init(&b);
	if (report_item(r, "notify_individuals") == NULL)
		buf_adds(&b, tx(r, N_("No notice required as assessed")));
	add_action(r, &b, "notify_individuals");
	buf_addf(&b, "\n%s", desk);
	free(desk);
	return buf_steal(&b);
}

/* The decision recorded, in words (not 「対象外」 for a decision). */
static char *
item_publication(const struct report_ctx *r)
{
	const struct check_item *it = report_item(r, "decide_publication");
	const struct action_record *rec = it != NULL ? it->record : NULL;
	long day = report_done_day(r, "decide_publication");
	char *date = day >= 0 ? report_day_text(r, day) : NULL, *s;

	if (report_answer_is(r, FIELD_PUBLICATION, "published"))
		s = date != NULL ? xasprintf(tx(r, N_("Published (decided on "
		    "%s)")), date) : xstrdup(tx(r, N_("Published")));
	else if (report_answer_is(r, FIELD_PUBLICATION, "not_published"))
		s = xasprintf(tx(r, N_("Decided not to publish%s%s")),
		    rec != NULL && rec->note != NULL ? tx(r, N_(": ")) : "",
		    rec != NULL && rec->note != NULL ? rec->note :
		    tx(r, N_(" (record the reason)")));
	else
		s = xstrdup(tx(r, N_("Not decided yet")));
	free(date);
	return s;
}

static char *
item_measures(const struct report_ctx *r)
{
	struct buf b;

	buf_init(&b);
	if (r->inc->measures != NULL && *r->inc->measures != '\0')
		buf_adds(&b, r->inc->measures);
	add_action(r, &b, "recurrence_prevention");
	add_action(r, &b, "staff_education");
	if (b.len == 0)
		buf_adds(&b, tbc(r));
	return buf_steal(&b);
}

/* Reports and contacts outside the facility (done with date and who,
 * or still to do), then every other action recorded done or not
 * applicable; what is still open is the checklist's. */
static const char *const outside[] = { "police_lost_report",
	"police_theft_report", "police_cyber_consult", "report_mhlw",
	"report_municipality", "notify_controller", "contractor_report",
	"contact_vendor", NULL };
static const char *const elsewhere[] = { "notify_individuals",
	"decide_publication", "recurrence_prevention", "staff_education",
	NULL };

static int
listed_in(const char *const *list, const char *id)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, id) == 0)
			return 1;
	return 0;
}

/* Done or not applicable first, in the order they were done (stored
 * times sort as text), then what is still to do. */
static int
by_time(const void *a, const void *b)
{
	const struct check_item *x = *(const struct check_item *const *)a;
	const struct check_item *y = *(const struct check_item *const *)b;
	const char *tx_ = x->record != NULL && x->status != ACTION_OPEN ?
	    x->record->at : NULL;
	const char *ty = y->record != NULL && y->status != ACTION_OPEN ?
	    y->record->at : NULL;
	int c;

	if ((tx_ == NULL) != (ty == NULL))
		return tx_ == NULL ? 1 : -1;
	c = tx_ != NULL ? strcmp(tx_, ty) : 0;
	return c != 0 ? c : (x < y ? -1 : x > y);
}

/* The actions outside[] lists (outside = 1), or the others recorded
 * done or not applicable (outside = 0), one a line. */
static void
add_actions(const struct report_ctx *r, struct buf *b, int out)
{
	const struct check_item **v = xcalloc(r->ev.nitems + 1, sizeof *v);
	size_t i, n = 0;
	const char *id;

	for (i = 0; i < r->ev.nitems; i++) {
		id = r->ev.items[i].action->id;
		if (out ? listed_in(outside, id) : (r->ev.items[i].status !=
		    ACTION_OPEN && !listed_in(outside, id) &&
		    !listed_in(elsewhere, id)))
			v[n++] = &r->ev.items[i];
	}
	qsort(v, n, sizeof *v, by_time);
	for (i = 0; i < n; i++)
		add_action(r, b, v[i]->action->id);
	free(v);
}

static char *
item_other(const struct report_ctx *r)
{
	struct buf b, o;
	char *enc = report_fact_text(r, FIELD_ENCRYPTION);

	buf_init(&b);
	buf_init(&o);
	add_actions(r, &o, 1);
	if (o.len > 0)
		buf_addf(&b, "%s\n%s\n", tx(r, N_("Reports and contacts:")),
		    o.s);
	buf_reset(&o);
	add_actions(r, &o, 0);
	if (o.len > 0)
		buf_addf(&b, "%s\n%s\n", tx(r, N_("Actions taken:")), o.s);
	report_add_line(r, &b, report_field_label(r, FIELD_ENCRYPTION), enc);
	report_add_line(r, &b, tx(r, N_("Who reports")), tx(r,
	    rules_report_by_text(r->ev.result.report_by)));
	buf_free(&o);
	free(enc);
	return buf_steal(&b);
}

/* ---- the draft ------------------------------------------------------------ */

/* Enforcement Rules Art. 8, in its order (docs/legal.md §2). */
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

static char *
art8_item(const struct report_ctx *r, size_t i)
{
	switch (i) {
	case 0: return item_summary(r);
	case 1: return item_data(r);
	case 2: return item_persons(r);
	case 3: return report_fact_text(r, FIELD_CAUSE);
	case 4: return item_secondary(r);
	case 5: return item_individuals(r);
	case 6: return item_publication(r);
	case 7: return item_measures(r);
	default: return item_other(r);
	}
}

static void
items_block(struct report_ctx *r)
{
	char *title, *text;
	size_t i;

	report_doc_heading(r->doc, 2, tx(r, N_("Report items (Enforcement "
	    "Rules Art. 8)")));
	report_labels_table(r, 0.26);
	for (i = 0; i < sizeof art8_titles / sizeof art8_titles[0]; i++) {
		title = xasprintf("%zu. %s", i + 1, tx(r, art8_titles[i]));
		text = art8_item(r, i);
		report_row2(r, title, text);
		free(title);
		free(text);
	}
}

void
report_ppc(struct report_ctx *r)
{
	char *title = xasprintf(tx(r, N_("Draft report to the Personal "
	    "Information Protection Commission (%s)")),
	    report_ppc_stage(r) == REPORT_STAGE_FINAL ? tx(r, N_("final")) :
	    tx(r, N_("preliminary")));

	report_doc_heading(r->doc, 1, title);
	free(title);
	ppc_banner(r);
	report_doc_note(r->doc, tx(r, N_("In the order of the PPC's report "
	    "form. The report itself is filed through the PPC's online "
	    "form; this draft is for copying into it and for the facility's "
	    "record. \"Unknown\" is an answer (it could not be found out); "
	    "\"not entered\" means nothing is recorded yet.")));
	kind_block(r);
	reporter_block(r);
	items_block(r);
}
