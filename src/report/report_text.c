/*
 * report_text.c - the words the report's documents are made of, shared
 * by report.c, report_ppc.c, report_letter.c and report_timeline.c:
 * answers as a person reads them (labels, choice labels, "unknown" kept
 * apart from "not entered"), counts with their unit, dates as a letter
 * writes them, actions as they were done, the assessment's grounds and
 * exemption, all in the document's language; and the two-column tables
 * of labels and values most sections use.
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
		return xstrdup(report_unknown(r));
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

char *
report_fact_text(const struct report_ctx *r, const char *key)
{
	const char *v = incident_value(r->d, r->inc, key);

	if (v == NULL)
		return xstrdup(report_unentered(r));
	if (strcmp(v, "unknown") == 0)
		return xstrdup(report_unknown(r));
	return report_answer_text(r, key);
}

int
report_answer_is(const struct report_ctx *r, const char *key,
    const char *value)
{
	const char *v = incident_value(r->d, r->inc, key);
	size_t n = strlen(value);

	for (; v != NULL; v = strchr(v, ',') != NULL ? strchr(v, ',') + 1 :
	    NULL) {
		while (*v == ' ')
			v++;
		if (strncmp(v, value, n) == 0 && (v[n] == ',' || v[n] == '\0' ||
		    v[n] == ' '))
			return 1;
	}
	return 0;
}

const char *
report_profile(const struct report_ctx *r, const char *key)
{
	const char *v = contacts_get(r->d->contacts, key, r->o->lang);

	return v != NULL && *v != '\0' ? v : NULL;
}

void
report_ctx_init(struct report_ctx *r, const struct model_data *d,
    const struct report_opts *o)
{
	memset(r, 0, sizeof *r);
	r->d = d;
	r->o = o;
	r->today = jtime_day(o->now);
	r->doc = report_doc_new();
}

void
report_furniture_init(struct report_furniture *f, const struct report_ctx *r)
{
	memset(f, 0, sizeof *f);
	f->author = report_profile(r, "facility.name");
	f->lang = r->o->lang == LANG_EN ? "en" : "ja-JP";
}

char *
report_persons_text(const struct report_ctx *r)
{
	const char *n = incident_value(r->d, r->inc, FIELD_PERSONS_COUNT);
	const char *basis = incident_value(r->d, r->inc, FIELD_PERSONS_BASIS);

	if (n == NULL)
		return xstrdup(basis != NULL && strcmp(basis, "unknown") == 0 ?
		    report_unknown(r) : report_unentered(r));
	/* 約 only for an estimate; a count whose basis is unknown says so. */
	if (basis != NULL && strcmp(basis, "estimated") == 0)
		return xasprintf(tx(r, N_("about %s persons")), n);
	if (basis != NULL && strcmp(basis, "unknown") == 0)
		return xasprintf(tx(r, N_("%s persons (how this was counted "
		    "is unknown)")), n);
	return xasprintf(strcmp(n, "1") == 0 && r->o->lang == LANG_EN ?
	    "%s person" : tx(r, N_("%s persons")), n);
}

/* ---- dates ------------------------------------------------------------- */

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
report_day_text(const struct report_ctx *r, long day)
{
	static const char *const months[] = { "January", "February", "March",
		"April", "May", "June", "July", "August", "September",
		"October", "November", "December" };
	int y, m, d;

	jtime_ymd_from_days(day, &y, &m, &d);
	if (r->o->lang == LANG_EN)
		return xasprintf("%d %s %d", d, months[(m - 1) % 12], y);
	return xasprintf("%d年%d月%d日", y, m, d);
}

char *
report_date_text(const struct report_ctx *r, const char *iso)
{
	long day;
	char date[11];

	if (iso == NULL || strlen(iso) < 10)
		return NULL;
	memcpy(date, iso, 10);
	date[10] = '\0';
	if (jtime_parse_date(date, &day) != 0)
		return NULL;
	return report_day_text(r, day);
}

/* ---- actions ------------------------------------------------------------ */

const struct check_item *
report_item(const struct report_ctx *r, const char *action)
{
	return model_item_find(&r->ev, action);
}

int
report_done(const struct report_ctx *r, const char *action)
{
	const struct check_item *it = report_item(r, action);

	return it != NULL && it->status == ACTION_DONE;
}

long
report_done_day(const struct report_ctx *r, const char *action)
{
	const struct check_item *it = report_item(r, action);
	char date[11];
	long day;

	if (it == NULL || it->status != ACTION_DONE || it->record == NULL ||
	    it->record->at == NULL || strlen(it->record->at) < 10)
		return -1;
	memcpy(date, it->record->at, 10);
	date[10] = '\0';
	return jtime_parse_date(date, &day) == 0 ? day : -1;
}

const char *
report_action_title(const struct report_ctx *r, const char *action)
{
	const struct rule_action *a = rules_action_find(r->d->rules, action);

	return a != NULL ? tr_get(&a->title, r->o->lang) : action;
}

char *
report_action_line(const struct report_ctx *r, const struct check_item *it)
{
	const struct action_record *rec = it->record;
	const char *title = tr_get(&it->action->title, r->o->lang);
	char *when, *s;

	if (it->by_notices) {
		when = notice_progress_text(&r->inc->notices, r->o->lang);
		s = xasprintf(tx(r, N_("%s: %s (%s)")), title,
		    report_status_text(r, it->status), when);
		free(when);
		return s;
	}
	if (it->status == ACTION_OPEN)
		return xasprintf(tx(r, N_("%s: to do")), title);
	if (rec == NULL)
		return xasprintf(tx(r, N_("%s: done according to the "
		    "answers")), title);
	when = report_iso_text(rec->at, 16);
	if (it->status == ACTION_SKIPPED)
		s = xasprintf(tx(r, N_("%s: not applicable (%s, %s: %s)")),
		    title, when, rec->by != NULL ? rec->by : "",
		    rec->note != NULL ? rec->note : "");
	else
		s = xasprintf(tx(r, N_("%s: done %s (%s)")), title, when,
		    rec->by != NULL ? rec->by : "");
	free(when);
	return s;
}

enum report_stage
report_ppc_stage(const struct report_ctx *r)
{
	const struct check_item *it;

	if (r->o->stage != REPORT_STAGE_AUTO)
		return r->o->stage;
	/* docs/contract.md §1: preliminary while ppc_preliminary_report is
	 * open; an incident that does not list it yet has not reported either.
	 * */
	it = report_item(r, "ppc_preliminary_report");
	return it != NULL && it->status != ACTION_OPEN ? REPORT_STAGE_FINAL :
	    REPORT_STAGE_PRELIMINARY;
}

const char *
report_kind_text(const struct report_ctx *r)
{
	const struct form_field *fld = form_field_find(r->d->form, FIELD_KIND);
	const char *v = incident_value(r->d, r->inc, FIELD_KIND);

	return fld != NULL && v != NULL ? form_choice_label(fld, v,
	    r->o->lang) : tx(r, N_("personal information"));
}

char *
report_device_text(const struct report_ctx *r, const char *none)
{
	const char *v = incident_value(r->d, r->inc, FIELD_DEVICE_TYPE);
	const struct form_field *fld = form_field_find(r->d->form,
	    FIELD_DEVICE_TYPE);
	char *label;

	if (v == NULL || fld == NULL)
		return xstrdup(none);
	label = xstrdup(form_choice_label(fld, v, r->o->lang));
	/* "a tablet" mid-sentence; "USB memory" stays as it is. */
	if (r->o->lang == LANG_EN && label[0] >= 'A' && label[0] <= 'Z' &&
	    !(label[1] >= 'A' && label[1] <= 'Z'))
		label[0] = (char)(label[0] - 'A' + 'a');
	return label;
}

/* ---- the assessment --------------------------------------------------- */

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
