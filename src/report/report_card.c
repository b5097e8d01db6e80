/*
 * report_card.c - the first-response card (report.h): one A4 page to pin
 * up before anything happens, for the moment the computer itself may be
 * the thing that is down. Whom to call comes first (the facility's
 * contacts; an unset one is a blank line to fill in by hand, never a path
 * or a number of ours), then the first steps per kind of incident as the
 * checklist would list them (card.h), then what to write down. The type
 * is large (12 pt contacts, 10.5 pt steps, nothing smaller) to be read
 * from a step away, and the page holds it all.
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "card.h"
#include "contract.h"
#include "report_ctx.h"

/* Whom to call, in the order one calls them; the role says what for,
 * short enough for one line at 12 pt. */
static const struct {
	const char *section;
	const char *role;
} callees[] = {
	{ "person_in_charge", N_("Person in charge") },
	{ "deputy", N_("Deputy") },
	{ "support_desk", N_("Suspend the user IDs") },
	{ "carrier", N_("Suspend the line") },
	{ "vendor", N_("Intrusion") },
	{ "police", N_("Police reports") },
	{ "municipality", N_("Care accident report") },
	{ "ppc", N_("Leak report") },
	{ "mhlw", N_("Cyberattack report") },
};

static const char *
contact(const struct report_ctx *r, const char *section, const char *key)
{
	char k[64];

	snprintf(k, sizeof k, "%s.%s", section, key);
	return report_profile(r, k);
}

/* The municipality receives care providers' accident reports only: it
 * is left off for a facility whose type says it is none. */
static int
callee_shown(const struct report_ctx *r, const char *section)
{
	const char *type = report_profile(r, "facility.type");

	return strcmp(section, "municipality") != 0 || type == NULL ||
	    strcmp(type, "care") == 0 || strcmp(type, "home_care") == 0;
}

static int
is_person(const char *section)
{
	return strcmp(section, "person_in_charge") == 0 ||
	    strcmp(section, "deputy") == 0;
}

/* The name (a person's with the title), then the ways that are not a
 * phone (a web form, e-mail), each on its own line; a blank to fill in
 * when there is no name. */
static char *
callee_name(const struct report_ctx *r, const char *section)
{
	static const char *const keys[] = { "url", "email" };
	const char *name = contact(r, section, "name");
	const char *title = contact(r, section, "title"), *v;
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, name != NULL ? name : REPORT_BLANK);
	if (name != NULL && title != NULL && is_person(section))
		buf_addf(&b, tx(r, N_(" (%s)")), title);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if ((v = contact(r, section, keys[i])) != NULL)
			buf_addf(&b, "\n%s", v);
	return buf_steal(&b);
}

/* A shorter blank for the narrow columns: one line at 12 pt. */
static const char *
or_blank(const char *v)
{
	return v != NULL ? v : "\uFF3F\uFF3F\uFF3F\uFF3F\uFF3F\uFF3F";
}

static void
callees_table(struct report_ctx *r, int size)
{
	static const double shares[4] = { 24, 33, 21, 22 };
	const char *head[4] = { tx(r, N_("What for")), tx(r, N_("Name")),
		tx(r, N_("Phone")), tx(r, N_("Hours")) };
	const char *cells[4];
	char *name;
	size_t i;

	report_doc_text(r->doc, REPORT_TEXT_LETTER_TITLE, REPORT_ALIGN_LEFT, 0,
	    REPORT_TEXT_KEEP, tx(r, N_("Call")));
	report_doc_table(r->doc, 4, shares, REPORT_TABLE_HEADER |
	    REPORT_TABLE_LABELS | size, 0);
	report_doc_row(r->doc, head);
	for (i = 0; i < sizeof callees / sizeof callees[0]; i++) {
		if (!callee_shown(r, callees[i].section))
			continue;
		name = callee_name(r, callees[i].section);
		cells[0] = tx(r, callees[i].role);
		cells[1] = name;
		cells[2] = or_blank(contact(r, callees[i].section, "phone"));
		/* people are called at any hour */
		cells[3] = is_person(callees[i].section) ? "" :
		    or_blank(contact(r, callees[i].section, "hours"));
		report_doc_row(r->doc, cells);
		free(name);
	}
}

/* "端末・媒体の紛失／盗難": the labels of the kinds a section covers. */
static char *
section_title(const struct report_ctx *r, const struct card_section *s)
{
	const struct form_field *kind = form_field_find(r->d->form, FIELD_KIND);
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; s->kinds[i] != NULL; i++)
		buf_addf(&b, "%s%s", i > 0 ? tx(r, N_(" / ")) : "",
		    kind != NULL ? form_choice_label(kind, s->kinds[i],
		    r->o->lang) : s->kinds[i]);
	return buf_steal(&b);
}

static char *
section_text(const struct report_ctx *r, const struct card_section *s)
{
	char *title = section_title(r, s);
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_addf(&b, "■ %s", title);
	for (i = 0; i < s->nsteps; i++)
		buf_addf(&b, "\n%zu. %s", i + 1, tr_get(&s->steps[i]->title,
		    r->o->lang));
	free(title);
	return buf_steal(&b);
}

/* What to write down, for when the program cannot be reached, with the
 * day printed and the contacts' last change: a card older than its
 * contacts is to be printed again. */
static char *
notes_text(const struct report_ctx *r)
{
	long long changed = contacts_changed(r->d->contacts);
	char *printed = report_day_text(r, r->today), *dates, *text;
	char *contacts = changed > 0 ? report_day_text(r,
	    jtime_day((jtime_t)changed)) : xstrdup(REPORT_BLANK);

	dates = xasprintf(tx(r, N_("Printed %s (contacts changed %s)")), printed,
	    contacts);
	text = xasprintf("■ %s\n%s\n%s", tx(r, N_("Write it down")),
	    tx(r, N_("1. When found, by whom, what, how much\n2. Each step: "
	    "time, who, what\n3. Later: anshin-ir new")), dates);
	free(printed);
	free(contacts);
	free(dates);
	return text;
}

/* The sections two by two, the notes in the sixth cell. */
static void
steps_table(struct report_ctx *r)
{
	static const double shares[2] = { 50, 50 };
	struct card_section s[CARD_SECTIONS];
	char *text[CARD_SECTIONS + 1];
	const char *cells[2];
	size_t i;

	card_sections(r->d, s);
	for (i = 0; i < CARD_SECTIONS; i++)
		text[i] = section_text(r, &s[i]);
	text[CARD_SECTIONS] = notes_text(r);
	report_doc_text(r->doc, REPORT_TEXT_LETTER_TITLE, REPORT_ALIGN_LEFT, 0,
	    REPORT_TEXT_KEEP, tx(r, N_("First steps, in this order")));
	report_doc_table(r->doc, 2, shares, REPORT_TABLE_LARGE |
	    REPORT_TABLE_KEEP, 0);
	for (i = 0; i + 1 < CARD_SECTIONS + 1; i += 2) {
		cells[0] = text[i];
		cells[1] = text[i + 1];
		report_doc_row(r->doc, cells);
	}
	for (i = 0; i < CARD_SECTIONS + 1; i++)
		free(text[i]);
}

/* The contacts' cells at `size` (a REPORT_TABLE_ flag). */
static void
compose(struct report_ctx *r, int size)
{
	const char *facility = report_profile(r, "facility.name");
	const char *phone = report_profile(r, "facility.phone");
	char *who = xasprintf("%s%s%s%s", facility != NULL ? facility :
	    REPORT_BLANK, phone != NULL ? "  " : "", phone != NULL ?
	    tx(r, N_("Phone: ")) : "", phone != NULL ? phone : "");

	report_doc_free(r->doc);
	r->doc = report_doc_new();
	report_doc_title(r->doc, tx(r,
	    N_("First response: data leak or lost device")));
	report_doc_text(r->doc, REPORT_TEXT_LETTER_TITLE, REPORT_ALIGN_LEFT, 0,
	    0, who);
	callees_table(r, size);
	steps_table(r);
	free(who);
}

static void
count_page(const struct report_trace_line *l, void *ud)
{
	if (l->kind == REPORT_TRACE_PAGE)
		++*(size_t *)ud;
}

/* 12 pt contacts when the page holds them (it does for the contacts of
 * a usual facility in either language), else 10.5 pt: a card is one
 * page. */
static int
fit(struct report_ctx *r, const struct report_furniture *f, char *err,
    size_t errlen)
{
	size_t pages = 0;
	struct report_trace t = { count_page, &pages, 0 };
	int rc;

	compose(r, REPORT_TABLE_XL);
	rc = report_layout_trace(r->doc, f, r->o->font_path, r->o->now, &t,
	    err, errlen);
	if (rc == ST_OK && pages > 1)
		compose(r, REPORT_TABLE_LARGE);
	return rc;
}

int
report_card_write(const struct model_data *d, const struct report_opts *o,
    const char *path, char *err, size_t errlen)
{
	struct report_furniture f;
	struct report_ctx r;
	int rc;

	report_ctx_init(&r, d, o);
	report_furniture_init(&f, &r);
	f.numbers = 2;
	f.title = tx(&r, N_("First-response card"));
	f.subject = tx(&r, N_("Whom to call and the first steps when "
	    "personal information leaks or a device is lost"));
	f.keywords = tx(&r, N_("first response, contacts, personal "
	    "information, leak, lost device"));
	rc = fit(&r, &f, err, errlen);
	if (rc == ST_OK)
		rc = report_layout_write(r.doc, &f, o->font_path, o->now, path,
		    err, errlen);
	report_doc_free(r.doc);
	return rc;
}
