/*
 * report_notice.c - the documents of the notices to the individuals: one
 * letter per recipient (report_letter.c words it; here it is addressed
 * and each starts a page), a sheet of address labels, how far the
 * notices have got in the words of the PPC draft's item 6 (counts and
 * days, never a name), and the enquiries as an appendix of the report
 * without who asked. Names and addresses go only into the letters and
 * the labels: they are what is sent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

/* ---- letters and labels ------------------------------------------------ */

size_t
report_letters(struct report_ctx *r)
{
	const struct report_opts *keep = r->o;
	const struct notice_recipient *p;
	struct report_opts o = *r->o;
	struct report_addressee to;
	size_t i, n = 0;

	for (i = 0; i < r->recipients.n; i++) {
		p = &r->recipients.v[i];
		if (!notice_selected(p, keep->only_unsent))
			continue;
		if (n++ > 0)
			report_doc_page_break(r->doc);
		to.postal_code = p->postal_code;
		to.address = p->address;
		to.name = p->name;
		to.id = p->id;
		o.to = &to;
		r->o = &o;
		report_letter(r);
		r->o = keep;
	}
	return n;
}

/* 〒 and the address, the name with 様, and the id (small print on a
 * letter, the last line here) to match a returned envelope to its mark. */
static char *
label_text(const struct report_ctx *r, const struct notice_recipient *p)
{
	struct buf b;

	buf_init(&b);
	if (p->postal_code != NULL)
		buf_addf(&b, "〒%s\n", p->postal_code);
	if (p->address != NULL)
		buf_addf(&b, "%s\n", p->address);
	buf_addf(&b, tx(r, N_("%s (addressee)")), p->name);
	buf_addf(&b, "\n%s", p->id);
	return buf_steal(&b);
}

/* Recipients without an address get no label: there is nothing to put
 * it on. */
size_t
report_labels(struct report_ctx *r)
{
	const struct report_sheet *sheet = r->o->sheet == 24 ?
	    &report_sheet_24 : &report_sheet_12;
	const struct notice_recipient *p;
	size_t i, n = 0;
	char *text;

	for (i = 0; i < r->recipients.n; i++) {
		p = &r->recipients.v[i];
		if (!notice_selected(p, r->o->only_unsent) || p->address == NULL)
			continue;
		text = label_text(r, p);
		report_doc_label(r->doc, sheet, text);
		free(text);
		n++;
	}
	return n;
}

/* ---- the progress in words -------------------------------------------- */

/* "5 October 2026", or "5 October 2026 to 6 October 2026". */
static char *
days_text(const struct report_ctx *r, long first, long last)
{
	char *a = report_day_text(r, first), *b, *s;

	if (first == last)
		return a;
	b = report_day_text(r, last);
	s = xasprintf(tx(r, N_("%s to %s")), a, b);
	free(a);
	free(b);
	return s;
}

char *
report_notices_text(const struct report_ctx *r)
{
	const struct notice_progress *p = &r->inc->notices;
	struct buf b;
	char *days;
	int m;

	if (p->total == 0)
		return NULL;
	buf_init(&b);
	buf_addf(&b, tx(r, N_("Individuals to notify: %d")), p->total);
	for (m = 0; m < NOTICE_MARKS; m++) {
		if (p->by_mark[m] == 0)
			continue;
		days = days_text(r, p->first[m], p->last[m]);
		buf_addf(&b, tx(r, N_("\n· %s: %d (%s)")), notice_mark_label(
		    (enum notice_mark)m, r->o->lang), p->by_mark[m], days);
		free(days);
	}
	if (p->unmarked > 0)
		buf_addf(&b, tx(r, N_("\n· not yet sent: %d")), p->unmarked);
	if (p->enquiries > 0)
		buf_addf(&b, tx(r, N_("\nEnquiries after the notice: %d "
		    "(follow-up needed: %d)")), p->enquiries, p->follow_ups);
	else
		buf_adds(&b, tx(r, N_("\nEnquiries after the notice: none "
		    "recorded")));
	return buf_steal(&b);
}

/* ---- the enquiries ----------------------------------------------------- */

void
report_enquiries(struct report_ctx *r)
{
	static const double shares[5] = { 6, 16, 34, 34, 10 };
	const char *head[5] = { tx(r, N_("No.")), tx(r, N_("Date")),
		tx(r, N_("What was asked")), tx(r, N_("What was answered")),
		tx(r, N_("Follow-up")) };
	const struct notice_enquiry *q;
	const char *cells[5];
	char seq[24], *when;
	size_t i;

	report_doc_note(r->doc, tx(r, N_("Calls and letters received after "
	    "the notice, as logged. Who asked is kept in the incident's "
	    "record and left out here.")));
	report_doc_table(r->doc, 5, shares, REPORT_TABLE_HEADER, 0);
	report_doc_row(r->doc, head);
	for (i = 0; i < r->enquiries.n; i++) {
		q = &r->enquiries.v[i];
		snprintf(seq, sizeof seq, "%ld", q->seq);
		when = report_iso_text(q->at, 16);
		cells[0] = seq;
		cells[1] = when;
		cells[2] = q->text;
		cells[3] = q->answer != NULL ? q->answer : "";
		cells[4] = q->follow_up ? tx(r, N_("needed")) : "";
		report_doc_row(r->doc, cells);
		free(when);
	}
}
