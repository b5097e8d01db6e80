/*
 * report_text.c - the words the report is made of, shared by report.c and
 * report_draft.c: answers as a person reads them (labels, choice labels),
 * the assessment's grounds and exemption, action states, times, and the
 * disclaimer, all in the report's language; and the two-column tables of
 * labels and values most sections use.
 */
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

void
report_row2(struct report_ctx *r, const char *label, const char *value)
{
	const char *cells[2] = { label, value };

	report_doc_row(r->doc, cells);
}

void
report_labels_table(struct report_ctx *r, double label_share)
{
	const double shares[2] = { label_share, 1 - label_share };

	report_doc_table(r->doc, 2, shares, REPORT_TABLE_LABELS, 0);
}

/* "label: value" on a line of its own. */
void
report_add_line(const struct report_ctx *r, struct buf *b, const char *label,
    const char *value)
{
	if (b->len > 0)
		buf_addc(b, '\n');
	buf_addf(b, tx(r, N_("%s: %s")), label, value);
}

/* ---- answers as a person reads them ---------------------------------- */

const char *
report_field_label(const struct report_ctx *r, const char *key)
{
	const struct form_field *fld = form_field_find(r->d->form, key);

	return fld != NULL ? tr_get(&fld->label, r->o->lang) : key;
}

char *
report_value_text(const struct report_ctx *r, const struct form_field *fld,
    const char *value)
{
	struct buf b;
	char *copy, *tok, *save = NULL;

	if (fld->type == FORM_CHOICE)
		return xstrdup(form_choice_label(fld, value, r->o->lang));
	if (fld->type == FORM_TIME && strcmp(value, "unknown") == 0)
		return xstrdup(tx(r, N_("unknown")));
	if (fld->type != FORM_MULTI)
		return xstrdup(value);
	buf_init(&b);
	copy = xstrdup(value);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (b.len > 0)
			buf_adds(&b, tx(r, N_(", ")));
		buf_adds(&b, form_choice_label(fld, tok, r->o->lang));
	}
	free(copy);
	return buf_steal(&b);
}

/* The answer to key as text, or NULL when unanswered. */
char *
report_answer_text(const struct report_ctx *r, const char *key)
{
	const struct form_field *fld = form_field_find(r->d->form, key);
	const char *v = incident_value(r->d, r->inc, key);

	return fld != NULL && v != NULL ? report_value_text(r, fld, v) : NULL;
}

/* Adds "label: answer" to b, or "label: to be confirmed" when the key is
 * unanswered or answered as unknown. */
void
report_add_answer(const struct report_ctx *r, struct buf *b, const char *key)
{
	const char *v = incident_value(r->d, r->inc, key);
	char *text = v != NULL && strcmp(v, "unknown") != 0 ?
	    report_answer_text(r, key) : NULL;

	report_add_line(r, b, report_field_label(r, key), text != NULL ? text :
	    tbc(r));
	free(text);
}

/* ISO 8601 "2026-10-06T09:00:00+09:00" as "2026-10-06 09:00:00", cut
 * to len characters. A stored time may be shorter than len (an edited
 * database): xstrndup copies len bytes, so the length is bounded first. */
char *
report_iso_text(const char *iso, size_t len)
{
	const char *in = iso != NULL ? iso : "";
	char *s = xstrndup(in, strnlen(in, len));

	if (strlen(s) > 10 && s[10] == 'T')
		s[10] = ' ';
	return s;
}

char *
report_grounds_text(const struct report_ctx *r)
{
	char *s = rules_grounds_text(r->d->rules, r->ev.result.grounds,
	    r->o->lang, "\n");

	return s != NULL ? s : xstrdup(tx(r, N_("none")));
}

const char *
report_exemption_text(const struct report_ctx *r)
{
	const char *s = rules_exemption_label(r->d->rules,
	    r->ev.result.exemption, r->o->lang);

	return s != NULL ? s : tx(r, N_("none"));
}

const char *
report_status_text(const struct report_ctx *r, enum action_status s)
{
	switch (s) {
	case ACTION_DONE:
		return tx(r, N_("done"));
	case ACTION_SKIPPED:
		return tx(r, N_("not applicable"));
	default:
		return tx(r, N_("to do"));
	}
}

const char *
report_disclaimer(const struct report_ctx *r)
{
	return tx(r, N_("This checklist supports the facility's judgement "
	    "and does not replace it; it is not legal advice. The facility "
	    "decides."));
}
