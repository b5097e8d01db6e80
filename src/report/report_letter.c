/*
 * report_letter.c - what the facility sends to people: the letter to the
 * individuals (docs/contract.md §1 `notice`) and the public notice
 * (`announcement`).
 *
 * The letter is a real one, on one page in 10.5 pt: date, addressee
 * (「〇〇様」 until the recipients' list of a later issue gives
 * report_addressee), sender with representative, the title
 * 「個人情報の漏えい（おそれ）に関するお詫びとお知らせ」, 拝啓…敬具 and
 * 記…以上, and in polite prose the items of Enforcement Rules Art. 10:
 * what happened, which data, the cause, secondary damage and what the
 * reader can do, what the facility has done, and the enquiry desk. It
 * never states what is not recorded: a PPC report not yet made is one the
 * facility "will" make. Staff memos (summary, narrative) and names of
 * staff or of anyone else never appear; unset profile values are blanks.
 */
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

/* A numbered item's text is indented under its number. */
#define INDENT 21.0

/* ---- words ------------------------------------------------------------ */

static const char *
facility_type(const struct report_ctx *r)
{
	const char *v = incident_value(r->d, r->inc, FIELD_FACILITY_TYPE);

	return v != NULL ? v : report_profile(r, "facility.type");
}

/* How the facility names itself: 当院, 当薬局, 当施設. */
static const char *
self_name(const struct report_ctx *r)
{
	const char *t = facility_type(r);

	if (t != NULL && (strcmp(t, "hospital") == 0 ||
	    strcmp(t, "clinic") == 0 || strcmp(t, "dental") == 0))
		return tx(r, N_("our clinic"));
	if (t != NULL && strcmp(t, "pharmacy") == 0)
		return tx(r, N_("our pharmacy"));
	return tx(r, N_("our facility"));
}

/* The data items in the reader's words: yours (a letter) or theirs (a
 * public notice). */
struct word {
	const char *value, *yours, *theirs;
};

static const struct word data_words[] = {
	{ "patient_identity", N_("your name and patient number (which shows "
	    "that you use our services)"), N_("names and patient numbers "
	    "(which show that the persons use our services)") },
	{ "medical", N_("diagnoses, medical records, test results and "
	    "prescriptions"), N_("diagnoses, medical records, test results "
	    "and prescriptions") },
	{ "care", N_("care records and your physical and mental condition"),
	    N_("care records and physical and mental condition") },
	{ "contact", N_("your address, phone number and e-mail address"),
	    N_("addresses, phone numbers and e-mail addresses") },
	{ "birthdate", N_("your date of birth"), N_("dates of birth") },
	{ "insurance_no", N_("your health insurance number"),
	    N_("health insurance numbers") },
	{ "my_number", N_("your individual number (My Number)"),
	    N_("individual numbers (My Number)") },
	{ "financial", N_("card numbers and bank account details"),
	    N_("card numbers and bank account details") },
	{ "staff", N_("information about you as a member of staff"),
	    N_("information about members of staff") },
	{ "other", N_("other information"), N_("other information") },
};

static char *
data_text(const struct report_ctx *r, int public_)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < sizeof data_words / sizeof *data_words; i++) {
		if (!report_answer_is(r, FIELD_DATA_TYPES, data_words[i].value))
			continue;
		if (b.len > 0)
			buf_adds(&b, tx(r, N_(", ")));
		buf_adds(&b, tx(r, public_ ? data_words[i].theirs :
		    data_words[i].yours));
	}
	return buf_steal(&b);
}

/* The actions a reader is told about, in their words; internal ones
 * (the team, the ledger, the decision itself) are not listed. */
static const struct word action_words[] = {
	{ "remote_wipe", N_("remotely wiped the device"), NULL },
	{ "mdm_lock", N_("locked the device remotely"), NULL },
	{ "suspend_user_id", N_("had the network user IDs suspended"), NULL },
	{ "change_password", N_("changed the passwords"), NULL },
	{ "line_suspension", N_("suspended the mobile line"), NULL },
	{ "check_network_log", N_("had the network's access log checked"),
	    NULL },
	{ "search_lost_item", N_("searched for it and asked lost-and-found"),
	    NULL },
	{ "police_lost_report", N_("reported the loss to the police"), NULL },
	{ "police_theft_report", N_("reported the theft to the police"),
	    NULL },
	{ "police_cyber_consult", N_("consulted the police"), NULL },
	{ "contact_recipient", N_("contacted the wrong recipient"), NULL },
	{ "confirm_deletion", N_("had the wrong recipient confirm the "
	    "deletion"), NULL },
	{ "isolate_system", N_("isolated the affected systems"), NULL },
	{ "preserve_logs", N_("preserved the logs"), NULL },
	{ "contact_vendor", N_("asked the system vendor to investigate"),
	    NULL },
	{ "restore_from_backup", N_("restored the systems from backups"),
	    NULL },
	{ "take_down_public", N_("took the data down from public view"),
	    NULL },
	{ "secondary_damage_response", N_("took steps against secondary "
	    "damage"), NULL },
	{ "contractor_report", N_("obtained our contractor's report"), NULL },
	{ "report_mhlw", N_("reported to the Ministry of Health, Labour and "
	    "Welfare"), NULL },
	{ "report_municipality", N_("reported to the municipality"), NULL },
	{ "ppc_preliminary_report", N_("reported to the Personal "
	    "Information Protection Commission (preliminary report)"), NULL },
	{ "ppc_final_report", N_("reported to the Personal Information "
	    "Protection Commission (final report)"), NULL },
};

/* ---- the parts of the letter ----------------------------------------- */

static void
text(struct report_ctx *r, enum report_align align, double indent, int flags,
    const char *s)
{
	report_doc_text(r->doc, REPORT_TEXT_LETTER, align, indent, flags, s);
}

static void
head_date(struct report_ctx *r)
{
	char *date = report_day_text(r, r->today);

	text(r, REPORT_ALIGN_RIGHT, 0, 0, date);
	free(date);
}

/* The addressee's name, or the blank a letter without one carries:
 * 「〇〇」 in Japanese, "Sir or Madam" in English. */
static const char *
to_name(const struct report_ctx *r)
{
	const struct report_addressee *to = r->o->to;

	return to != NULL && to->name != NULL ? to->name :
	    tx(r, N_("Sir or Madam"));
}

/* Postal code, address and name as a window envelope shows them; a
 * Japanese letter names its addressee with 様 even when blank. */
static void
addressee(struct report_ctx *r)
{
	const struct report_addressee *to = r->o->to;
	char *s;

	if (to != NULL && to->postal_code != NULL) {
		s = xasprintf("〒%s", to->postal_code);
		text(r, REPORT_ALIGN_LEFT, 0, 0, s);
		free(s);
	}
	if (to != NULL && to->address != NULL)
		text(r, REPORT_ALIGN_LEFT, 0, 0, to->address);
	if (r->o->lang == LANG_EN && (to == NULL || to->name == NULL))
		return;
	s = r->o->lang == LANG_EN ? xstrdup(to_name(r)) :
	    xasprintf(tx(r, N_("%s (addressee)")), to_name(r));
	text(r, REPORT_ALIGN_LEFT, 0, 0, s);
	free(s);
}

/* The sender: address, facility, representative; blanks where the
 * profile is unset, to be filled in or stamped. */
static void
sender(struct report_ctx *r)
{
	const char *zip = report_profile(r, "facility.postal_code");
	const char *addr = report_profile(r, "facility.address");
	const char *name = report_profile(r, "facility.name");
	const char *rep = report_profile(r, "facility.representative");
	char *s;

	if (zip != NULL || addr != NULL) {
		s = xasprintf("%s%s%s%s", zip != NULL ? "〒" : "",
		    zip != NULL ? zip : "", zip != NULL && addr != NULL ? " " :
		    "", addr != NULL ? addr : "");
		text(r, REPORT_ALIGN_RIGHT, 0, 0, s);
		free(s);
	}
	text(r, REPORT_ALIGN_RIGHT, 0, 0, name != NULL ? name : REPORT_BLANK);
	s = xasprintf(tx(r, N_("Representative: %s")), rep != NULL ? rep :
	    REPORT_BLANK);
	text(r, REPORT_ALIGN_RIGHT, 0, 0, s);
	free(s);
}

/* A numbered item: its heading kept with its text. */
static void
item(struct report_ctx *r, int n, const char *title, const char *body)
{
	char *head = xasprintf(tx(r, N_("%d. %s")), n, title);

	text(r, REPORT_ALIGN_LEFT, 0, REPORT_TEXT_KEEP, head);
	text(r, REPORT_ALIGN_LEFT, INDENT, 0, body);
	free(head);
}

/* ---- the items ---------------------------------------------------------- */

static char *
device_text(const struct report_ctx *r)
{
	return report_device_text(r, tx(r, N_("device")));
}

static char *
device_clause(const struct report_ctx *r, int lost)
{
	char *dev = device_text(r), *s;

	s = lost ? xasprintf(tx(r, N_("a member of staff of %s lost a %s "
	    "used for work")), self_name(r), dev) : xasprintf(tx(r, N_("a %s "
	    "used for work by a member of staff of %s was stolen")), dev,
	    self_name(r));
	free(dev);
	return s;
}

static char *
event_clause(const struct report_ctx *r)
{
	const char *kind = incident_value(r->d, r->inc, FIELD_KIND);
	const char *self = self_name(r);

	if (kind == NULL)
		kind = "";
	if (strcmp(kind, "device_loss") == 0 ||
	    strcmp(kind, "device_theft") == 0)
		return device_clause(r, strcmp(kind, "device_loss") == 0);
	if (strcmp(kind, "email_misdelivery") == 0)
		return xasprintf(tx(r, N_("an e-mail sent by %s went to a "
		    "wrong address")), self);
	if (strcmp(kind, "fax_misdelivery") == 0)
		return xasprintf(tx(r, N_("a fax sent by %s went to a wrong "
		    "number")), self);
	if (strcmp(kind, "paper_loss") == 0)
		return xasprintf(tx(r, N_("documents kept by %s were lost")),
		    self);
	if (strcmp(kind, "unauthorized_access") == 0)
		return xasprintf(tx(r, N_("the systems of %s were accessed "
		    "without authorisation from outside")), self);
	if (strcmp(kind, "malware") == 0)
		return xasprintf(tx(r, N_("the systems of %s were infected "
		    "with a computer virus (malware)")), self);
	if (strcmp(kind, "insider_misuse") == 0)
		return xasprintf(tx(r, N_("we found that a member of staff of "
		    "%s took personal information beyond the scope of their "
		    "work, or may have")), self);
	if (strcmp(kind, "verbal") == 0)
		return xasprintf(tx(r, N_("we found that personal information "
		    "reached a third party through a conversation of staff "
		    "of %s, or may have")), self);
	return xstrdup(tx(r, N_("personal information was leaked, or may "
	    "have been")));
}

static char *
what_happened(const struct report_ctx *r)
{
	const char *occ = incident_value(r->d, r->inc, FIELD_OCCURRED_AT);
	char *when = occ != NULL ? report_date_text(r, occ) : NULL;
	char *disc = report_date_text(r, incident_value(r->d, r->inc,
	    FIELD_DISCOVERED_AT));
	char *what = event_clause(r);
	struct buf b;

	buf_init(&b);
	if (when != NULL)
		buf_addf(&b, tx(r, N_("On %s, %s.")), when, what);
	else
		buf_addf(&b, tx(r, N_("%s.")), what);
	if (disc != NULL)
		buf_addf(&b, tx(r, N_(" We learned of it on %s.")), disc);
	if (report_answer_is(r, FIELD_BROWSER_SAVED_LOGIN, "yes") &&
	    report_answer_is(r, FIELD_NETWORK_ACCESS, "yes"))
		buf_adds(&b, tx(r, N_(" The device kept a saved login to the "
		    "regional medical network, from which information there "
		    "could be viewed.")));
	if (report_answer_is(r, FIELD_NETWORK_LOG, "no_access"))
		buf_adds(&b, tx(r, N_(" The network operator confirmed that "
		    "the login was not used between the loss and its "
		    "suspension.")));
	else if (report_answer_is(r, FIELD_NETWORK_LOG, "access_found"))
		buf_adds(&b, tx(r, N_(" The network operator found that the "
		    "login was used after the loss.")));
	if (report_answer_is(r, FIELD_RECOVERED_UNVIEWED, "yes"))
		buf_adds(&b, tx(r, N_(" Everything was recovered before "
		    "anyone else could see it.")));
	free(when);
	free(disc);
	free(what);
	return buf_steal(&b);
}

static char *
which_data(const struct report_ctx *r, int public_)
{
	char *items = data_text(r, public_), *persons, *s;

	if (*items == '\0') {
		free(items);
		return xstrdup(tx(r, N_("We are still establishing this.")));
	}
	if (!public_) {
		s = xasprintf(tx(r, N_("Your information concerned: %s "
		    "(including what may have been affected).")), items);
	} else {
		persons = report_persons_text(r);
		s = xasprintf(tx(r, N_("%s; persons concerned: %s.")), items,
		    persons);
		free(persons);
	}
	free(items);
	return s;
}

static char *
cause_text(const struct report_ctx *r)
{
	static const struct word causes[] = {
		{ "management_error", N_("shortcomings in how the "
		    "information was managed"), NULL },
		{ "misoperation", N_("an operating error by staff"), NULL },
		{ "loss", N_("a member of staff losing or leaving it "
		    "behind"), NULL },
		{ "theft", N_("theft"), NULL },
		{ "unauthorized_takeout", N_("information taken out without "
		    "permission"), NULL },
		{ "unauthorized_access", N_("unauthorised access from "
		    "outside"), NULL },
		{ "insider_fraud", N_("wrongdoing by a member of staff"),
		    NULL },
		{ "bug", N_("a defect or vulnerability of a system"), NULL },
		{ "misconfiguration", N_("a wrong system setting"), NULL },
		{ "misuse", N_("use for another purpose"), NULL },
		{ "malware", N_("infection with a computer virus (malware)"),
		    NULL },
	};
	size_t i;

	for (i = 0; i < sizeof causes / sizeof *causes; i++)
		if (report_answer_is(r, FIELD_CAUSE, causes[i].value))
			return xasprintf(tx(r, N_("It was caused by %s.")),
			    tx(r, causes[i].yours));
	return xstrdup(tx(r, N_("We are still investigating the cause.")));
}

static char *
damage_text(const struct report_ctx *r)
{
	struct buf b;

	buf_init(&b);
	if (report_answer_is(r, FIELD_SECONDARY_DAMAGE, "none_known"))
		buf_adds(&b, tx(r, N_("No secondary damage (such as "
		    "impersonation or suspicious contact) is known at "
		    "present.")));
	else if (report_answer_is(r, FIELD_SECONDARY_DAMAGE, "suspected"))
		buf_adds(&b, tx(r, N_("There is a risk of secondary "
		    "damage.")));
	else if (report_answer_is(r, FIELD_SECONDARY_DAMAGE, "confirmed"))
		buf_adds(&b, tx(r, N_("Secondary damage has occurred.")));
	else
		buf_adds(&b, tx(r, N_("We are still establishing whether "
		    "there is any secondary damage.")));
	buf_addf(&b, tx(r, N_(" Please beware of suspicious calls, e-mails "
	    "or letters using the name of %s; if you receive one you do not "
	    "recognise, do not respond, and contact the desk below.")),
	    self_name(r));
	if (report_answer_is(r, FIELD_DATA_TYPES, "financial"))
		buf_adds(&b, tx(r, N_(" Please check your card and bank "
		    "statements for transactions you do not recognise.")));
	if (report_answer_is(r, FIELD_DATA_TYPES, "my_number"))
		buf_adds(&b, tx(r, N_(" If you suspect your My Number is "
		    "being misused, please also contact the desk below.")));
	return buf_steal(&b);
}

#define NACTION_WORDS (sizeof action_words / sizeof *action_words)

/* The actions done on the earliest day still in day[], on one line (a
 * letter has one page: a line per day, not per action); -1 marks those
 * taken. Returns 0 when none is left. */
static int
add_day(const struct report_ctx *r, struct buf *b, long *day)
{
	long first = -1;
	size_t i;
	int n = 0;
	char *date;

	for (i = 0; i < NACTION_WORDS; i++)
		if (day[i] >= 0 && (first < 0 || day[i] < first))
			first = day[i];
	if (first < 0)
		return 0;
	date = report_day_text(r, first);
	buf_addf(b, tx(r, N_("%s· %s: ")), b->len > 0 ? "\n" : "", date);
	free(date);
	for (i = 0; i < NACTION_WORDS; i++) {
		if (day[i] != first)
			continue;
		buf_addf(b, "%s%s", n++ > 0 ? tx(r, N_(", ")) : "",
		    tx(r, action_words[i].yours));
		day[i] = -1;
	}
	return 1;
}

/* Only what is recorded done, with its date, in the order it was done;
 * a PPC report not yet made is one that will be made. */
static char *
done_text(const struct report_ctx *r)
{
	long day[NACTION_WORDS];
	struct buf b;
	size_t i;

	for (i = 0; i < NACTION_WORDS; i++)
		day[i] = report_done_day(r, action_words[i].value);
	buf_init(&b);
	while (add_day(r, &b, day))
		;
	if (b.len > 0)
		buf_addf(&b, "\n");
	if (r->ev.result.reportable == REPORTABLE_YES &&
	    r->ev.result.report_by != REPORT_BY_CONTROLLER &&
	    !report_done(r, "ppc_preliminary_report") &&
	    !report_done(r, "ppc_final_report"))
		buf_adds(&b, tx(r, N_("We will report this incident to the "
		    "Personal Information Protection Commission. ")));
	buf_adds(&b, tx(r, N_("We will strengthen staff training and our "
	    "procedures so that this does not happen again.")));
	return buf_steal(&b);
}

static char *
desk_text(const struct report_ctx *r)
{
	const char *name = report_profile(r, "enquiry_desk.name");
	const char *phone = report_profile(r, "enquiry_desk.phone");
	const char *hours = report_profile(r, "enquiry_desk.hours");
	const char *email = report_profile(r, "enquiry_desk.email");
	const char *addr = report_profile(r, "enquiry_desk.address");
	struct buf b;

	buf_init(&b);
	if (name == NULL)
		name = report_profile(r, "facility.name");
	buf_adds(&b, name != NULL ? name : REPORT_BLANK);
	buf_addf(&b, tx(r, N_("\nPhone: %s (hours: %s)")), phone != NULL ?
	    phone : REPORT_BLANK, hours != NULL ? hours : REPORT_BLANK);
	if (email != NULL)
		buf_addf(&b, tx(r, N_("\nE-mail: %s")), email);
	if (addr != NULL)
		buf_addf(&b, tx(r, N_("\nAddress: %s")), addr);
	return buf_steal(&b);
}

/* The items of Art. 10 (docs/legal.md §2: 1, 2, 4, 5 and 9, and the desk). */
static void
details(struct report_ctx *r, int public_)
{
	char *s[6];
	const char *titles[6] = { tx(r, N_("What happened")),
		public_ ? tx(r, N_("Information concerned and persons")) :
		tx(r, N_("Information concerned")), tx(r, N_("Cause")),
		tx(r, N_("Secondary damage, and what we ask of you")),
		tx(r, N_("What we have done")), tx(r, N_("Enquiries")) };
	int i;

	s[0] = what_happened(r);
	s[1] = which_data(r, public_);
	s[2] = cause_text(r);
	s[3] = damage_text(r);
	s[4] = done_text(r);
	s[5] = desk_text(r);
	for (i = 0; i < 6; i++) {
		item(r, i + 1, titles[i], s[i]);
		free(s[i]);
	}
}

/* ---- the documents ------------------------------------------------------- */

static void
title(struct report_ctx *r, const char *s)
{
	report_doc_space(r->doc, 8);
	report_doc_text(r->doc, REPORT_TEXT_LETTER_TITLE, REPORT_ALIGN_CENTRE,
	    0, REPORT_TEXT_KEEP, s);
	report_doc_space(r->doc, 8);
}

/* Japanese: 拝啓 … 敬具, then 記 … 以上 around the items; English: the
 * items, then the closing and the facility. */
void
report_letter(struct report_ctx *r)
{
	const char *name = report_profile(r, "facility.name");
	char *opening;

	head_date(r);
	addressee(r);
	sender(r);
	title(r, tx(r, N_("Apology and notice concerning a leak (or possible "
	    "leak) of your personal information")));
	opening = xasprintf(tx(r, N_("Dear %s,\nWe are writing to tell you "
	    "that personal information about you held by %s has been "
	    "leaked, or may have been. We sincerely apologise for the worry "
	    "and inconvenience this causes you. What happened and what we "
	    "have done are set out below.")), to_name(r), self_name(r));
	text(r, REPORT_ALIGN_LEFT, 0, 0, opening);
	free(opening);
	if (r->o->lang == LANG_EN) {
		details(r, 0);
		text(r, REPORT_ALIGN_LEFT, 0, REPORT_TEXT_KEEP,
		    tx(r, N_("Yours sincerely,")));
		text(r, REPORT_ALIGN_LEFT, 0, 0, name != NULL ? name : REPORT_BLANK);
		return;
	}
	text(r, REPORT_ALIGN_RIGHT, 0, 0, tx(r, N_("Yours sincerely,")));
	text(r, REPORT_ALIGN_CENTRE, 0, REPORT_TEXT_KEEP, tx(r, N_("Details")));
	details(r, 0);
	text(r, REPORT_ALIGN_RIGHT, 0, 0, tx(r, N_("(end)")));
}

void
report_announcement(struct report_ctx *r)
{
	const char *name = report_profile(r, "facility.name");
	char *opening;

	head_date(r);
	text(r, REPORT_ALIGN_RIGHT, 0, 0, name != NULL ? name : REPORT_BLANK);
	title(r, tx(r, N_("Apology and report concerning a leak of personal "
	    "information")));
	opening = xasprintf(tx(r, N_("Personal information held by %s has "
	    "been leaked, or may have been. We sincerely apologise to "
	    "everyone concerned for the worry and inconvenience this "
	    "causes. What happened and what we have done are set out "
	    "below.")), self_name(r));
	text(r, REPORT_ALIGN_LEFT, 0, 0, opening);
	free(opening);
	details(r, 1);
	if (r->o->lang != LANG_EN)
		text(r, REPORT_ALIGN_RIGHT, 0, 0, tx(r, N_("(end)")));
}
