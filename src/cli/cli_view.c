/*
 * cli_view.c - the commands that read an incident and print it: show,
 * answers, assess, checklist, timeline, list and verify, in text for
 * people and tsv/json for programs. Untrusted text is sanitised for the
 * terminal and escaped in machine formats.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "i18n.h"
#include "text.h"

static const char *
field_label(const struct cli *c, const char *key)
{
	const struct form_field *fld = form_field_find(c->app->data->form, key);

	return fld != NULL ? tr_get(&fld->label, c->app->lang) : key;
}

/* A value as a person reads it: choice labels, multi labels joined. */
static char *
value_label(const struct cli *c, const struct form_field *fld,
    const char *value)
{
	struct buf b;
	char *copy, *tok, *save = NULL;

	if (fld->type == FORM_CHOICE)
		return xstrdup(form_choice_label(fld, value, c->app->lang));
	if (fld->type != FORM_MULTI)
		return xstrdup(value);
	if (strcmp(value, "unknown") == 0 && fld->type == FORM_TIME)
		return xstrdup(_("unknown"));
	buf_init(&b);
	copy = xstrdup(value);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (b.len > 0)
			buf_adds(&b, c->app->lang == LANG_JA ? "、" : ", ");
		buf_adds(&b, form_choice_label(fld, tok, c->app->lang));
	}
	free(copy);
	return buf_steal(&b);
}

/* Why the result is what it is, the facts a "no" rests on (docs/contract.md §5:
 * the facility's decision, to record), and who reports. */
static void
print_decision(struct cli *c, const struct incident *inc,
    const struct rules_result *r)
{
	const char *heading = rules_why_heading(r);
	char *why, *facts;

	if (heading != NULL) {
		why = rules_result_why(c->app->data->rules, r, c->app->lang, " / ");
		printf("%s: ", _(heading));
		cli_put_text(stdout, why != NULL ? why :
		    _(rules_no_ground_text()), 0);
		putchar('\n');
		free(why);
	}
	if (r->reportable == REPORTABLE_NO) {
		facts = rules_facts_text(c->app->data->rules, c->app->data->form, r,
		    inc->values, c->app->lang, c->app->lang == LANG_JA ? "、" :
		    "; ");
		if (facts != NULL) {
			printf("%s: ", _("Facts it rests on"));
			cli_put_text(stdout, facts, 0);
			putchar('\n');
		}
		free(facts);
	}
	printf("%s: %s\n", _("Who reports"),
	    _(rules_report_by_text(r->report_by)));
}

static void
print_assessment(struct cli *c, const struct incident *inc,
    const struct evaluation *ev)
{
	const struct rules_result *r = &ev->result;
	long today = jtime_day(app_now(c->app));
	const char *exemption;
	char date[11], *grounds;

	printf("%s: %s\n", _("Reportable"),
	    _(rules_reportable_text(r->reportable)));
	grounds = rules_grounds_text(c->app->data->rules, r->grounds, c->app->lang,
	    " / ");
	exemption = rules_exemption_label(c->app->data->rules, r->exemption,
	    c->app->lang);
	printf("%s: %s\n", _("Grounds"), grounds != NULL ? grounds : _("none"));
	free(grounds);
	printf("%s: %s%s\n", _("Exemption"), exemption != NULL ? exemption :
	    _("none"), exemption != NULL && r->reportable != REPORTABLE_NO ?
	    _(" (not enough on its own here)") : "");
	print_decision(c, inc, r);
	if (r->preliminary_due >= 0) {
		cli_format_date(r->preliminary_due, date);
		printf("%s: %s", _("Preliminary report (target, day 5)"), date);
		cli_print_days_left(stdout, r->preliminary_due, today);
		cli_format_date(r->final_due, date);
		printf("\n%s: %s", _("Final report due"), date);
		cli_print_days_left(stdout, r->final_due, today);
		putchar('\n');
	} else if (r->reportable != REPORTABLE_NO)
		printf("%s\n", _("Due dates: enter discovered_at to compute them"));
	if (r->due_flags & DEADLINE_PROVISIONAL)
		printf("%s\n", _("Note: the final due date rests on a holiday "
		    "not yet officially announced."));
	if (r->due_flags & DEADLINE_OUT_OF_RANGE)
		printf("%s\n", _("Note: the holiday table does not cover this "
		    "year; check the final due date by hand."));
}

int
cli_cmd_answers(struct cli *c)
{
	struct incident *inc;
	char *value;
	size_t i;
	int rc = cli_load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	printf("# anshin-ir %s\n", inc->ref);
	for (i = 0; i < c->app->data->form->nfields; i++) {
		if (inc->values[i] == NULL)
			continue;
		/* Stored text may hold control characters: they are
		 * dropped (the ESC that starts an escape sequence too; the
		 * rest of it stays as plain text), and invalid UTF-8
		 * becomes U+FFFD, which `new --answers` reads back. */
		value = text_escape_answers(inc->values[i]);
		printf("%s = %s\n", c->app->data->form->fields[i].key, value);
		free(value);
	}
	incident_free(inc);
	return ST_OK;
}

int
cli_cmd_assess(struct cli *c)
{
	struct incident *inc;
	struct evaluation ev;
	const struct rules_result *r;
	char date[11];
	int g, first = 1, rc = cli_load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	model_evaluate(c->app->data, inc, &ev);
	r = &ev.result;
	printf("reportable=%s\ngrounds=", rules_reportable_name(r->reportable));
	for (g = 0; g < GROUND_COUNT; g++)
		if (r->grounds & (1u << g)) {
			printf("%s%s", first ? "" : ",",
			    rules_ground_name((enum ground)g));
			first = 0;
		}
	printf("\nexemption=%s\n", rules_exemption_name(r->exemption));
	cli_format_date(r->preliminary_due, date);
	printf("preliminary_due=%s\n", date);
	cli_format_date(r->final_due, date);
	printf("final_due=%s\n", date);
	printf("report_by=%s\n", rules_report_by_name(r->report_by));
	printf("final_days=%s\n", r->final_due < 0 ? "" :
	    r->grounds & (1u << GROUND_UNAUTHORIZED_PURPOSE) ? "60" : "30");
	printf("due_warning=%s\n", r->due_flags & DEADLINE_OUT_OF_RANGE ?
	    "out_of_range" : r->due_flags & DEADLINE_PROVISIONAL ?
	    "provisional" : "");
	model_evaluation_free(&ev);
	incident_free(inc);
	return ST_OK;
}

/* Prints multi-line text with every line indented. */
static void
print_indented(const char *text, const char *indent)
{
	char *clean = text_sanitize(text, 1), *line, *save = NULL;

	for (line = strtok_r(clean, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		printf("%s%s\n", indent, line);
	free(clean);
}

static void
print_item_text(struct cli *c, const struct incident *inc,
    const struct check_item *it, long today, int with_detail)
{
	const char *mark = it->status == ACTION_DONE ? "[x]" :
	    it->status == ACTION_SKIPPED ? "[-]" : "[ ]";
	char date[11], *detail, *progress;

	printf("%s %-11s %d %-26s ", mark, rules_phase_name(it->action->phase),
	    it->action->priority, it->action->id);
	cli_put_text(stdout, tr_get(&it->action->title, c->app->lang), 0);
	if (it->due >= 0) {
		cli_format_date(it->due, date);
		printf("  %s %s", _("due"), date);
		if (it->status == ACTION_OPEN)
			cli_print_days_left(stdout, it->due, today);
	}
	if (it->by_notices) {
		progress = notice_progress_text(&inc->notices, c->app->lang);
		printf("  (%s)", progress);
		free(progress);
	} else if (it->record != NULL && it->status != ACTION_OPEN) {
		printf("  (");
		cli_put_text(stdout, it->record->by, 0);
		printf(" %s)", it->record->at != NULL ? it->record->at : "");
	} else if (it->done_by_answer && it->status == ACTION_DONE)
		printf("  (%s)", _("done according to the answers"));
	if (it->action->confirm)
		printf("  [%s]", _("please confirm"));
	putchar('\n');
	if (!it->by_notices && it->record != NULL &&
	    it->record->note != NULL && *it->record->note != '\0') {
		printf("      %s: ", _("note"));
		cli_put_text(stdout, it->record->note, 0);
		putchar('\n');
	}
	if (with_detail && it->status == ACTION_OPEN &&
	    it->action->phase == PHASE_IMMEDIATE) {
		detail = cli_expand_detail(c, inc, tr_get(&it->action->detail,
		    c->app->lang));
		print_indented(detail, "      ");
		free(detail);
		if (*tr_get(&it->action->source, c->app->lang) != '\0') {
			printf("      %s", _("Source: "));
			cli_put_text(stdout, tr_get(&it->action->source,
			    c->app->lang), 0);
			putchar('\n');
		}
	}
}

/* The progress of notify_individuals when the marks decide it
 * (docs/contract.md §4). */
static void
print_progress_json(const struct cli *c, const struct notice_progress *p)
{
	char *text = notice_progress_text(p, c->app->lang);

	printf(",\"progress\":{\"total\":%d,\"sent\":%d,\"returned\":%d,"
	    "\"reached\":%d,\"unreachable\":%d,\"not_sent\":%d,"
	    "\"unsent\":%d,\"text\":", p->total, p->by_mark[NOTICE_SENT],
	    p->by_mark[NOTICE_RETURNED], p->by_mark[NOTICE_REACHED],
	    p->by_mark[NOTICE_UNREACHABLE], p->unmarked,
	    p->unmarked + p->by_mark[NOTICE_RETURNED]);
	cli_put_json(stdout, text);
	putchar('}');
	free(text);
}

static void
print_checklist_json(struct cli *c, const struct incident *inc,
    const struct evaluation *ev)
{
	const struct check_item *it;
	const struct action_record *rec;
	char date[11], *detail;
	size_t i;

	putchar('[');
	for (i = 0; i < ev->nitems; i++) {
		it = &ev->items[i];
		cli_format_date(it->due, date);
		detail = cli_expand_detail(c, inc, tr_get(&it->action->detail,
		    c->app->lang));
		printf("%s\n{\"action\":", i ? "," : "");
		cli_put_json(stdout, it->action->id);
		printf(",\"phase\":\"%s\",\"priority\":%d,\"status\":\"%s\","
		    "\"due\":", rules_phase_name(it->action->phase),
		    it->action->priority, contract_status_name(it->status));
		cli_put_json(stdout, date);
		printf(",\"title\":");
		cli_put_json(stdout, tr_get(&it->action->title, c->app->lang));
		printf(",\"reason\":");
		cli_put_json(stdout, tr_get(&it->action->reason, c->app->lang));
		printf(",\"detail\":");
		cli_put_json(stdout, detail);
		printf(",\"source\":");
		cli_put_json(stdout, tr_get(&it->action->source, c->app->lang));
		rec = it->by_notices ? NULL : it->record;
		printf(",\"by\":");
		cli_put_json(stdout, rec != NULL ? rec->by : NULL);
		printf(",\"at\":");
		cli_put_json(stdout, rec != NULL ? rec->at : NULL);
		printf(",\"note\":");
		cli_put_json(stdout, rec != NULL ? rec->note : NULL);
		if (it->by_notices)
			print_progress_json(c, &inc->notices);
		printf(",\"confirm\":%s}", it->action->confirm ? "true" : "false");
		free(detail);
	}
	printf("%s]\n", ev->nitems ? "\n" : "");
}

int
cli_cmd_checklist(struct cli *c)
{
	struct incident *inc;
	struct evaluation ev;
	const struct check_item *it;
	const char *fmt;
	char date[11];
	size_t i;
	int ok, rc;

	fmt = cli_format(c, &ok);
	if (!ok)
		return cli_fail(c, ST_USAGE);
	rc = cli_load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	model_evaluate(c->app->data, inc, &ev);
	if (strcmp(fmt, "json") == 0)
		print_checklist_json(c, inc, &ev);
	else if (strcmp(fmt, "tsv") == 0) {
		printf("action\tphase\tpriority\tstatus\tdue\ttitle\n");
		for (i = 0; i < ev.nitems; i++) {
			it = &ev.items[i];
			cli_format_date(it->due, date);
			printf("%s\t%s\t%d\t%s\t%s\t", it->action->id,
			    rules_phase_name(it->action->phase),
			    it->action->priority,
			    contract_status_name(it->status), date);
			cli_put_tsv(stdout, tr_get(&it->action->title, c->app->lang));
			putchar('\n');
		}
	} else
		for (i = 0; i < ev.nitems; i++)
			print_item_text(c, inc, &ev.items[i],
			    jtime_day(app_now(c->app)), 0);
	model_evaluation_free(&ev);
	incident_free(inc);
	return ST_OK;
}

static void
print_answers_by_page(struct cli *c, const struct incident *inc)
{
	const struct form *f = c->app->data->form;
	const struct form_field *fld;
	size_t p, i;
	int shown;
	char *label;

	for (p = 0; p < f->npages; p++) {
		shown = 0;
		for (i = 0; i < f->nfields; i++) {
			fld = &f->fields[i];
			if (fld->page != p || inc->values[i] == NULL)
				continue;
			if (!shown)
				printf("\n== %s ==\n", tr_get(&f->pages[p].title,
				    c->app->lang));
			shown = 1;
			label = value_label(c, fld, inc->values[i]);
			printf("%s: ", tr_get(&fld->label, c->app->lang));
			cli_put_text(stdout, label, 1);
			putchar('\n');
			free(label);
		}
	}
}

static void
print_missing_required(struct cli *c, const struct incident *inc)
{
	const struct form *f = c->app->data->form;
	size_t i;
	int first = 1;

	for (i = 0; i < f->nfields; i++) {
		if (!f->fields[i].required || inc->values[i] != NULL ||
		    !form_field_visible(f, i, inc->values))
			continue;
		printf("%s%s", first ? _("Still to answer: ") : ", ",
		    tr_get(&f->fields[i].label, c->app->lang));
		first = 0;
	}
	if (!first)
		putchar('\n');
}

static void
print_contacts_hint(void)
{
	char *user = contacts_user_file();

	printf(_("Contacts marked \"not set\" are filled in on the screen of "
	    "anshin-ir settings, which writes %s (your own); %s sets them for "
	    "everyone on this computer.\n"), user != NULL ? user :
	    "~/.config/anshin-ir/contacts.conf",
	    SYSCONFDIR "/anshin-ir/contacts.conf");
	free(user);
}

/* How far the notices have got, with the days of the marks and the
 * enquiries: counts only, never a name. */
static void
print_notices(struct cli *c, const struct incident *inc)
{
	const struct notice_progress *p = &inc->notices;
	char *text, first[11], last[11];
	int m;

	if (p->total == 0 && p->enquiries == 0)
		return;
	printf("\n== %s ==\n", _("Notices to the individuals"));
	text = notice_progress_text(p, c->app->lang);
	printf("%s\n", text);
	free(text);
	for (m = 0; m < NOTICE_MARKS; m++) {
		if (p->by_mark[m] == 0)
			continue;
		jtime_format_date(p->first[m], first);
		jtime_format_date(p->last[m], last);
		printf("  %s: %d (%s%s%s)\n", notice_mark_label(
		    (enum notice_mark)m, c->app->lang), p->by_mark[m], first,
		    strcmp(first, last) != 0 ? " - " : "",
		    strcmp(first, last) != 0 ? last : "");
	}
	printf(_("Enquiries: %d (follow-up needed: %d)\n"), p->enquiries,
	    p->follow_ups);
}

int
cli_cmd_show(struct cli *c)
{
	struct incident *inc;
	struct evaluation ev;
	const char *kind, *summary;
	size_t i;
	int rc = cli_load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	model_evaluate(c->app->data, inc, &ev);
	kind = incident_value(c->app->data, inc, FIELD_KIND);
	summary = incident_value(c->app->data, inc, FIELD_SUMMARY);
	printf("%s %s  [%s]%s\n", _("Incident"), inc->ref,
	    inc->closed ? _("closed") : _("open"),
	    inc->drill != NULL ? _("  TRAINING DRILL") : "");
	if (kind != NULL)
		printf("%s: %s\n", field_label(c, FIELD_KIND), form_choice_label(
		    form_field_find(c->app->data->form, FIELD_KIND), kind,
		    c->app->lang));
	if (summary != NULL) {
		cli_put_text(stdout, summary, 0);
		putchar('\n');
	}
	print_missing_required(c, inc);
	print_answers_by_page(c, inc);
	cli_print_ledger_entry(c, inc);
	printf("\n== %s ==\n", _("Legal assessment (APPI Art. 26)"));
	print_assessment(c, inc, &ev);
	printf("\n== %s ==\n", _("Checklist"));
	for (i = 0; i < ev.nitems; i++)
		print_item_text(c, inc, &ev.items[i], jtime_day(app_now(c->app)), 1);
	print_notices(c, inc);
	if (c->contacts_unset)
		print_contacts_hint();
	if (inc->measures != NULL && *inc->measures != '\0') {
		printf("\n== %s ==\n", _("Recurrence-prevention measures"));
		cli_put_text(stdout, inc->measures, 1);
		putchar('\n');
	}
	printf("\n%s\n", _("This checklist supports the person in charge; it "
	    "is not legal advice. The facility decides."));
	model_evaluation_free(&ev);
	incident_free(inc);
	return ST_OK;
}

/* ---- timeline ---- */

struct timeline_out {
	struct cli *c;
	const char *fmt;
	int n;
};

/* Columns before an event's value in the text format; continuation
 * lines of a multi-line value start there, so none passes for an event. */
#define TIMELINE_INDENT 4
#define TIMELINE_BY_COLS 16

static void
put_indented(const char *s)
{
	char *clean = text_sanitize(s, 1), *p;

	for (p = clean; *p != '\0'; p++) {
		putchar(*p);
		if (*p == '\n')
			printf("%*s", TIMELINE_INDENT, "");
	}
	free(clean);
}

static void
timeline_text(const struct store_event *ev)
{
	char *by = text_sanitize(ev->by != NULL ? ev->by : "", 0);
	char *cut = text_fit_marked(by, TIMELINE_BY_COLS);

	printf("%.19s  %-8s %s  ", ev->at, ev->kind, cut);
	free(cut);
	free(by);
	if (ev->key != NULL) {
		cli_put_text(stdout, ev->key, 0);
		printf(": ");
	}
	if (strcmp(ev->kind, EVENT_ANSWER) == 0 ||
	    strcmp(ev->kind, EVENT_ACTION) == 0 ||
	    strcmp(ev->kind, EVENT_NOTICE) == 0 ||
	    strcmp(ev->kind, EVENT_RECIPIENTS) == 0) {
		put_indented(ev->old != NULL ? ev->old : "-");
		printf(" -> ");
	}
	put_indented(ev->new_ != NULL ? ev->new_ : "-");
	if (strcmp(ev->kind, EVENT_NOTICE) == 0)
		printf(" (%s%s%.16s)", ev->via != NULL ? ev->via : "",
		    ev->via != NULL ? ", " : "", ev->acted_at != NULL ?
		    ev->acted_at : "");
	putchar('\n');
}

static void
timeline_row(void *ud, const struct store_event *ev)
{
	struct timeline_out *t = ud;
	const char *fields[8] = { ev->at, ev->kind, ev->key, ev->old, ev->new_,
		ev->by, ev->via, ev->digest };
	static const char *const names[8] = { "at", "kind", "key", "old", "new",
		"by", "via", "digest" };

	/* tsv keeps the six columns of docs/contract.md §6 */
	if (strcmp(t->fmt, "tsv") == 0 || strcmp(t->fmt, "json") == 0)
		cli_put_record(names, fields, strcmp(t->fmt, "tsv") == 0 ? 6 :
		    8, strcmp(t->fmt, "json") == 0, t->n == 0);
	else
		timeline_text(ev);
	t->n++;
}

int
cli_cmd_timeline(struct cli *c)
{
	struct timeline_out t;
	struct incident *inc;
	int ok, rc;

	t.fmt = cli_format(c, &ok);
	if (!ok)
		return cli_fail(c, ST_USAGE);
	rc = cli_load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	t.c = c;
	t.n = 0;
	if (strcmp(t.fmt, "tsv") == 0)
		printf("at\tkind\tkey\told\tnew\tby\n");
	else if (strcmp(t.fmt, "json") == 0)
		putchar('[');
	rc = store_events_get(c->app->store, inc->id, timeline_row, &t, c->err,
	    sizeof c->err);
	if (strcmp(t.fmt, "json") == 0)
		printf("%s]\n", t.n ? "\n" : "");
	incident_free(inc);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

/* ---- list ---- */

struct list_out {
	struct cli *c;
	const char *fmt;
	char today[11];
	int overdue_only;
	int n, overdue;
};

static void
list_row(void *ud, const struct store_incident *row)
{
	struct list_out *l = ud;
	const struct form_field *kf = form_field_find(l->c->app->data->form,
	    FIELD_KIND);
	const char *status = row->closed ? "closed" : "open";
	int overdue = !row->closed && row->next_due != NULL &&
	    strcmp(row->next_due, l->today) < 0;
	const char *fields[7] = { row->ref, status, row->kind,
		row->discovered_at, row->reportable, row->next_due, row->summary };
	/* Three columns are answers, named by their keys. */
	static const char *const names[7] = { "ref", "status", FIELD_KIND,
		FIELD_DISCOVERED_AT, "reportable", "next_due", FIELD_SUMMARY };
	char due[32];
	int i;

	if (l->overdue_only && !overdue)
		return;
	l->overdue += overdue;
	if (strcmp(l->fmt, "tsv") == 0) {
		for (i = 0; i < 7; i++) {
			if (i)
				putchar('\t');
			cli_put_tsv(stdout, fields[i]);
		}
		putchar('\n');
	} else if (strcmp(l->fmt, "json") == 0) {
		printf("%s\n{", l->n ? "," : "");
		for (i = 0; i < 7; i++) {
			printf("%s\"%s\":", i ? "," : "", names[i]);
			cli_put_json(stdout, fields[i] != NULL ? fields[i] : "");
		}
		putchar('}');
	} else {
		cli_pad(row->ref, 11);
		cli_pad(row->closed ? _("closed") : _("open"), 6);
		cli_pad(row->discovered_at, 16);
		cli_pad(row->reportable, 12);
		snprintf(due, sizeof due, "%s%s", row->next_due != NULL ?
		    row->next_due : "-", overdue ? " !" : "");
		cli_pad(due, 12);
		cli_pad(row->kind != NULL && kf != NULL ? form_choice_label(kf,
		    row->kind, l->c->app->lang) : "-", 16);
		cli_put_text(stdout, row->summary != NULL ? row->summary : "", 0);
		putchar('\n');
	}
	l->n++;
}

int
cli_cmd_list(struct cli *c)
{
	struct list_out l;
	int ok, rc, flags = 0;

	memset(&l, 0, sizeof l);
	l.fmt = cli_format(c, &ok);
	if (!ok)
		return cli_fail(c, ST_USAGE);
	rc = cli_need_store(c);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	l.c = c;
	l.overdue_only = c->opt[O_OVERDUE] != NULL;
	jtime_format_date(jtime_day(app_now(c->app)), l.today);
	if (c->opt[O_ALL] != NULL)
		flags |= STORE_LIST_ALL;
	if (c->opt[O_DRILLS] != NULL)
		flags |= STORE_LIST_DRILLS;
	if (strcmp(l.fmt, "tsv") == 0)
		printf("ref\tstatus\tkind\tdiscovered_at\treportable\tnext_due"
		    "\tsummary\n");
	else if (strcmp(l.fmt, "json") == 0)
		putchar('[');
	else {
		cli_pad(_("REF"), 11);
		cli_pad(_("STATUS"), 6);
		cli_pad(_("DISCOVERED"), 16);
		cli_pad(_("REPORTABLE"), 12);
		cli_pad(_("NEXT DUE"), 12);
		cli_pad(_("KIND"), 16);
		printf("%s\n", _("SUMMARY"));
	}
	rc = store_list(c->app->store, flags, list_row, &l, c->err, sizeof c->err);
	if (strcmp(l.fmt, "json") == 0)
		printf("%s]\n", l.n ? "\n" : "");
	if (rc != ST_OK)
		return cli_fail(c, rc);
	if (strcmp(l.fmt, "text") == 0 && l.overdue > 0)
		printf(_("! = overdue (%d)\n"), l.overdue);
	return l.overdue_only && l.overdue > 0 ? ST_REFUSED : ST_OK;
}

/* ---- tamper evidence ---- */

static int
verify_at(struct cli *c, long *at)
{
	const char *v = c->opt[O_AT];
	char *end;

	*at = 0;
	if (v == NULL)
		return ST_OK;
	*at = strtol(v, &end, 10);
	if (*v < '1' || *v > '9' || *end != '\0' || *at <= 0)
		return err_set(c->err, sizeof c->err, ST_USAGE, _("--at '%s': "
		    "expected an event number (1, 2, ...)"), v);
	return ST_OK;
}

int
cli_cmd_verify(struct cli *c)
{
	struct chain_report v;
	struct incident *inc;
	long at;
	int rc = verify_at(c, &at);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = cli_load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = model_verify(c->app->store, inc, at, &v, c->err, sizeof c->err);
	incident_free(inc);
	return rc != ST_OK ? cli_fail(c, rc) : cli_print_chain(c, &v, at,
	    c->arg[0]);
}

int
cli_print_chain(struct cli *c, const struct chain_report *v, long at,
    const char *what)
{
	if (v->broken == 0) {
		printf("ok\nevents=%ld\nhead=%s\n", at > 0 ? at : v->events,
		    v->head);
		return ST_OK;
	}
	if (v->broken > 0)
		printf("broken: event %ld: ", v->broken);
	else
		fputs("broken: state: ", stdout);
	cli_put_text(stdout, v->what, 0);
	putchar('\n');
	err_set(c->err, sizeof c->err, ST_REFUSED, _("the record of %s was "
	    "altered after it was written: %s"), what, v->what);
	return cli_fail(c, ST_REFUSED);
}
