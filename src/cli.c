/*
 * cli.c - the command line of SPEC §1. One table declares each command
 * once (name, usage, arguments, options, handler, help) and drives
 * dispatch, option checking and --help, so help never drifts from what the
 * program accepts. Handlers call the model and print; only here and in
 * main.c do errors become exit codes and lines on stderr.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "deadline.h"
#include "i18n.h"
#include "model.h"
#include "report.h"
#include "store.h"
#include "text.h"
#include "tui/tui.h"

enum opt_id {
	O_DB, O_DATA_DIR, O_LANG, O_HELP, O_VERSION,
	O_BY, O_AT, O_NOTE, O_REASON, O_MEASURES, O_FORMAT, O_ANSWERS,
	O_ALL, O_DRILLS, O_OVERDUE, O_OUTPUT, O_ACTIONS, O_LIST, O_HISTORY,
	O_COUNT
};

#define GLOBAL_OPTS ((1u << O_DB) | (1u << O_DATA_DIR) | (1u << O_LANG) | \
	(1u << O_HELP) | (1u << O_VERSION))
#define OPT(x) (1u << (x))

static const struct optdef {
	const char *name;
	char short_name;
	int takes_value;
} optdefs[O_COUNT] = {
	[O_DB] = { "db", 0, 1 },
	[O_DATA_DIR] = { "data-dir", 0, 1 },
	[O_LANG] = { "lang", 0, 1 },
	[O_HELP] = { "help", 'h', 0 },
	[O_VERSION] = { "version", 'V', 0 },
	[O_BY] = { "by", 0, 1 },
	[O_AT] = { "at", 0, 1 },
	[O_NOTE] = { "note", 0, 1 },
	[O_REASON] = { "reason", 0, 1 },
	[O_MEASURES] = { "measures", 0, 1 },
	[O_FORMAT] = { "format", 0, 1 },
	[O_ANSWERS] = { "answers", 0, 1 },
	[O_ALL] = { "all", 0, 0 },
	[O_DRILLS] = { "drills", 0, 0 },
	[O_OVERDUE] = { "overdue", 0, 0 },
	[O_OUTPUT] = { "output", 'o', 1 },
	[O_ACTIONS] = { "actions", 0, 1 },
	[O_LIST] = { "list", 0, 0 },
	[O_HISTORY] = { "history", 0, 0 },
};

struct cli {
	struct cli_env env;
	const char *opt[O_COUNT];	/* value, or "" for a given flag */
	char **arg;			/* positional arguments after the command */
	int narg;
	struct model_data *data;
	struct store *store;
	int contacts_unset;		/* a shown contact has no phone yet */
	char err[1024];
};

struct command {
	const char *name;
	const char *usage;
	int min_args, max_args;
	unsigned opts;
	int (*run)(struct cli *c);
	const char *help;
};

static const struct command *find_command(const char *name);
static void print_usage(FILE *fp, const struct cli *c);

/* Prints untrusted text to a terminal or file: control characters and
 * escape sequences never reach the user's terminal. */
static void
put_text(FILE *fp, const char *s, int keep_newlines)
{
	char *clean = text_sanitize(s != NULL ? s : "", keep_newlines);

	fputs(clean, fp);
	free(clean);
}

static void
put_tsv(FILE *fp, const char *s)
{
	char *e = text_escape_tsv(s != NULL ? s : "");

	fputs(e, fp);
	free(e);
}

static void
put_json(FILE *fp, const char *s)
{
	char *e;

	if (s == NULL) {
		fputs("null", fp);
		return;
	}
	e = text_escape_json(s);
	fputs(e, fp);
	free(e);
}

static int
fail(struct cli *c, int code)
{
	fprintf(stderr, "anshin-ir: ");
	put_text(stderr, c->err, 1);
	fputc('\n', stderr);
	return code;
}

static const char *
by_of(const struct cli *c)
{
	return c->opt[O_BY] != NULL && *c->opt[O_BY] != '\0' ? c->opt[O_BY] :
	    model_default_by();
}

static int
need_data(struct cli *c)
{
	if (c->data != NULL)
		return ST_OK;
	return model_data_load(c->env.data_dir, &c->data, c->err,
	    sizeof c->err);
}

static int
need_store(struct cli *c)
{
	int rc = need_data(c);

	if (rc != ST_OK || c->store != NULL)
		return rc;
	return store_open(c->env.db_path, &c->store, c->err, sizeof c->err);
}

/* The TUI opens its own connection; ours is closed first so that one
 * process never holds two (see store.c, create_file). */
static void
release_store(struct cli *c)
{
	store_close(c->store);
	c->store = NULL;
}

static int
load_incident(struct cli *c, const char *ref, struct incident **inc)
{
	int rc = need_store(c);

	if (rc != ST_OK)
		return rc;
	return model_load(c->store, c->data, ref, inc, c->err, sizeof c->err);
}

static const char *
format_of(struct cli *c, int *ok)
{
	const char *f = c->opt[O_FORMAT] != NULL ? c->opt[O_FORMAT] : "text";

	*ok = strcmp(f, "text") == 0 || strcmp(f, "tsv") == 0 ||
	    strcmp(f, "json") == 0;
	if (!*ok)
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("unknown --format '%s' (expected text, tsv or json)"), f);
	return f;
}

static const char *
field_label(const struct cli *c, const char *key)
{
	const struct form_field *fld = form_field_find(c->data->form, key);

	return fld != NULL ? tr_get(&fld->label, c->env.lang) : key;
}

/* A value as a person reads it: choice labels, multi labels joined. */
static char *
value_label(const struct cli *c, const struct form_field *fld,
    const char *value)
{
	struct buf b;
	char *copy, *tok, *save = NULL;

	if (fld->type == FORM_CHOICE)
		return xstrdup(form_choice_label(fld, value, c->env.lang));
	if (fld->type != FORM_MULTI)
		return xstrdup(value);
	if (strcmp(value, "unknown") == 0 && fld->type == FORM_TIME)
		return xstrdup(_("unknown"));
	buf_init(&b);
	copy = xstrdup(value);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (b.len > 0)
			buf_adds(&b, c->env.lang == LANG_JA ? "、" : ", ");
		buf_adds(&b, form_choice_label(fld, tok, c->env.lang));
	}
	free(copy);
	return buf_steal(&b);
}

static void
format_date(long day, char out[11])
{
	if (day < 0)
		out[0] = '\0';
	else
		jtime_format_date(day, out);
}

/* "(3 days left)", "(due today)", "(2 days overdue)" */
static void
print_days_left(FILE *fp, long due, long today)
{
	long d = due - today;

	if (d > 0)
		fprintf(fp, _(" (%ld days left)"), d);
	else if (d == 0)
		fputs(_(" (due today)"), fp);
	else
		fprintf(fp, _(" (OVERDUE by %ld days)"), -d);
}

static void
print_assessment(struct cli *c, const struct evaluation *ev)
{
	const struct rules_result *r = &ev->result;
	long today = jtime_day(c->env.now);
	const char *exemption;
	char date[11], *grounds;

	printf("%s: %s\n", _("Reportable"),
	    _(rules_reportable_text(r->reportable)));
	grounds = rules_grounds_text(c->data->rules, r->grounds, c->env.lang,
	    " / ");
	exemption = rules_exemption_label(c->data->rules, r->exemption,
	    c->env.lang);
	printf("%s: %s\n", _("Grounds"), grounds != NULL ? grounds : _("none"));
	free(grounds);
	printf("%s: %s\n", _("Exemption"), exemption != NULL ? exemption :
	    _("none"));
	if (r->preliminary_due >= 0) {
		format_date(r->preliminary_due, date);
		printf("%s: %s", _("Preliminary report (target, day 5)"), date);
		print_days_left(stdout, r->preliminary_due, today);
		format_date(r->final_due, date);
		printf("\n%s: %s", _("Final report due"), date);
		print_days_left(stdout, r->final_due, today);
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

/* An action's detail with the facility's contacts filled in. */
static char *
expand_detail(struct cli *c, const struct incident *inc, const char *text)
{
	return model_expand_detail(c->data, inc, text, c->env.lang,
	    _("not set"), &c->contacts_unset);
}

/* ---- new, set, answers ---- */

static int
cmd_new(struct cli *c)
{
	struct answer_set set;
	struct incident *inc;
	char *text, *name;
	size_t len;
	int rc;

	if (c->opt[O_ANSWERS] == NULL) {
		rc = tui_check_terminal(c->err, sizeof c->err);
		return rc != ST_OK ? fail(c, rc) : tui_new(&c->env);
	}
	rc = need_store(c);
	if (rc != ST_OK)
		return fail(c, rc);
	rc = util_read_file(c->opt[O_ANSWERS], &text, &len, c->err,
	    sizeof c->err);
	if (rc != ST_OK)
		return fail(c, rc == ST_NOINPUT ? ST_NOINPUT : rc);
	name = xstrdup(strcmp(c->opt[O_ANSWERS], "-") == 0 ? "<stdin>" :
	    c->opt[O_ANSWERS]);
	rc = model_answers_parse(c->data, text, len, name, c->env.now, &set,
	    c->err, sizeof c->err);
	free(text);
	free(name);
	if (rc != ST_OK)
		return fail(c, rc);
	rc = model_create(c->store, c->data, &set, NULL, by_of(c), c->env.now,
	    &inc, c->err, sizeof c->err);
	answer_set_free(&set);
	if (rc != ST_OK)
		return fail(c, rc);
	printf("%s\n", inc->ref);
	incident_free(inc);
	return ST_OK;
}

static int
parse_assignment(struct cli *c, const char *arg, struct answer_set *set)
{
	const struct form_field *fld;
	char *copy = xstrdup(arg), *eq = strchr(copy, '='), *key, *value;
	char *canon = NULL, msg[900];
	size_t i;
	int rc = ST_OK;

	if (eq == NULL || eq == copy) {
		free(copy);
		return err_set(c->err, sizeof c->err, ST_USAGE,
		    _("'%s': expected KEY=VALUE"), arg);
	}
	*eq = '\0';
	key = util_trim(copy);
	value = util_trim(eq + 1);
	fld = form_field_find(c->data->form, key);
	if (fld == NULL)
		rc = err_set(c->err, sizeof c->err, ST_DATAERR,
		    _("'%s': unknown key '%s'"), arg, key);
	for (i = 0; rc == ST_OK && i < set->n; i++)
		if (strcmp(set->v[i].key, key) == 0)
			rc = err_set(c->err, sizeof c->err, ST_DATAERR,
			    _("'%s': key '%s' given twice"), arg, key);
	/* "KEY=" clears the answer. */
	if (rc == ST_OK && *value != '\0') {
		rc = form_value_normalize(fld, value, &canon, msg, sizeof msg);
		if (rc != ST_OK)
			err_set(c->err, sizeof c->err, rc, "'%s': %s", arg, msg);
	}
	if (rc == ST_OK) {
		set->v = xreallocarray(set->v, set->n + 1, sizeof *set->v);
		set->v[set->n].key = xstrdup(key);
		set->v[set->n].value = canon;
		set->v[set->n++].line = 0;
	}
	free(copy);
	return rc;
}

static int
cmd_set(struct cli *c)
{
	struct answer_set set;
	struct incident *inc;
	int i, rc;

	rc = load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return fail(c, rc);
	memset(&set, 0, sizeof set);
	for (i = 1; i < c->narg && rc == ST_OK; i++)
		rc = parse_assignment(c, c->arg[i], &set);
	if (rc == ST_OK)
		rc = model_set_answers(c->store, c->data, inc, &set, by_of(c),
		    c->env.now, c->err, sizeof c->err);
	answer_set_free(&set);
	incident_free(inc);
	return rc != ST_OK ? fail(c, rc) : ST_OK;
}

/* Escapes a value for an answers file (SPEC §2). */
static void
put_answer_value(const char *v)
{
	for (; *v != '\0'; v++) {
		if (*v == '\n')
			fputs("\\n", stdout);
		else if (*v == '\\')
			fputs("\\\\", stdout);
		else if (*v != '\r')
			putchar(*v);
	}
}

static int
cmd_answers(struct cli *c)
{
	struct incident *inc;
	size_t i;
	int rc = load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return fail(c, rc);
	printf("# anshin-ir %s\n", inc->ref);
	for (i = 0; i < c->data->form->nfields; i++) {
		if (inc->values[i] == NULL)
			continue;
		printf("%s = ", c->data->form->fields[i].key);
		put_answer_value(inc->values[i]);
		putchar('\n');
	}
	incident_free(inc);
	return ST_OK;
}

static int
cmd_assess(struct cli *c)
{
	struct incident *inc;
	struct evaluation ev;
	const struct rules_result *r;
	char date[11];
	int g, first = 1, rc = load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return fail(c, rc);
	model_evaluate(c->data, inc, &ev);
	r = &ev.result;
	printf("reportable=%s\ngrounds=", rules_reportable_name(r->reportable));
	for (g = 0; g < GROUND_COUNT; g++)
		if (r->grounds & (1u << g)) {
			printf("%s%s", first ? "" : ",",
			    rules_ground_name((enum ground)g));
			first = 0;
		}
	printf("\nexemption=%s\n", rules_exemption_name(r->exemption));
	format_date(r->preliminary_due, date);
	printf("preliminary_due=%s\n", date);
	format_date(r->final_due, date);
	printf("final_due=%s\n", date);
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
	char date[11], *detail;

	printf("%s %-11s %d %-26s ", mark, rules_phase_name(it->action->phase),
	    it->action->priority, it->action->id);
	put_text(stdout, tr_get(&it->action->title, c->env.lang), 0);
	if (it->due >= 0) {
		format_date(it->due, date);
		printf("  %s %s", _("due"), date);
		if (it->status == ACTION_OPEN)
			print_days_left(stdout, it->due, today);
	}
	if (it->record != NULL && it->status != ACTION_OPEN) {
		printf("  (");
		put_text(stdout, it->record->by, 0);
		printf(" %s)", it->record->at != NULL ? it->record->at : "");
	} else if (it->done_by_answer && it->status == ACTION_DONE)
		printf("  (%s)", _("done according to the answers"));
	if (it->action->confirm)
		printf("  [%s]", _("please confirm"));
	putchar('\n');
	if (it->record != NULL && it->record->note != NULL &&
	    *it->record->note != '\0') {
		printf("      %s: ", _("note"));
		put_text(stdout, it->record->note, 0);
		putchar('\n');
	}
	if (with_detail && it->status == ACTION_OPEN &&
	    it->action->phase == PHASE_IMMEDIATE) {
		detail = expand_detail(c, inc, tr_get(&it->action->detail,
		    c->env.lang));
		print_indented(detail, "      ");
		free(detail);
	}
}

static void
print_checklist_json(struct cli *c, const struct incident *inc,
    const struct evaluation *ev)
{
	const struct check_item *it;
	char date[11], *detail;
	size_t i;

	putchar('[');
	for (i = 0; i < ev->nitems; i++) {
		it = &ev->items[i];
		format_date(it->due, date);
		detail = expand_detail(c, inc, tr_get(&it->action->detail,
		    c->env.lang));
		printf("%s\n{\"action\":", i ? "," : "");
		put_json(stdout, it->action->id);
		printf(",\"phase\":\"%s\",\"priority\":%d,\"status\":\"%s\","
		    "\"due\":", rules_phase_name(it->action->phase),
		    it->action->priority, model_status_name(it->status));
		put_json(stdout, date);
		printf(",\"title\":");
		put_json(stdout, tr_get(&it->action->title, c->env.lang));
		printf(",\"reason\":");
		put_json(stdout, tr_get(&it->action->reason, c->env.lang));
		printf(",\"detail\":");
		put_json(stdout, detail);
		printf(",\"source\":");
		put_json(stdout, it->action->source != NULL ?
		    it->action->source : "");
		printf(",\"by\":");
		put_json(stdout, it->record != NULL ? it->record->by : NULL);
		printf(",\"at\":");
		put_json(stdout, it->record != NULL ? it->record->at : NULL);
		printf(",\"note\":");
		put_json(stdout, it->record != NULL ? it->record->note : NULL);
		printf(",\"confirm\":%s}", it->action->confirm ? "true" : "false");
		free(detail);
	}
	printf("%s]\n", ev->nitems ? "\n" : "");
}

static int
cmd_checklist(struct cli *c)
{
	struct incident *inc;
	struct evaluation ev;
	const struct check_item *it;
	const char *fmt;
	char date[11];
	size_t i;
	int ok, rc;

	fmt = format_of(c, &ok);
	if (!ok)
		return fail(c, ST_USAGE);
	rc = load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return fail(c, rc);
	model_evaluate(c->data, inc, &ev);
	if (strcmp(fmt, "json") == 0)
		print_checklist_json(c, inc, &ev);
	else if (strcmp(fmt, "tsv") == 0) {
		printf("action\tphase\tpriority\tstatus\tdue\ttitle\n");
		for (i = 0; i < ev.nitems; i++) {
			it = &ev.items[i];
			format_date(it->due, date);
			printf("%s\t%s\t%d\t%s\t%s\t", it->action->id,
			    rules_phase_name(it->action->phase),
			    it->action->priority, model_status_name(it->status),
			    date);
			put_tsv(stdout, tr_get(&it->action->title, c->env.lang));
			putchar('\n');
		}
	} else
		for (i = 0; i < ev.nitems; i++)
			print_item_text(c, inc, &ev.items[i],
			    jtime_day(c->env.now), 0);
	model_evaluation_free(&ev);
	incident_free(inc);
	return ST_OK;
}

static void
print_answers_by_page(struct cli *c, const struct incident *inc)
{
	const struct form *f = c->data->form;
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
				    c->env.lang));
			shown = 1;
			label = value_label(c, fld, inc->values[i]);
			printf("%s: ", tr_get(&fld->label, c->env.lang));
			put_text(stdout, label, 1);
			putchar('\n');
			free(label);
		}
	}
}

static void
print_missing_required(struct cli *c, const struct incident *inc)
{
	const struct form *f = c->data->form;
	size_t i;
	int first = 1;

	for (i = 0; i < f->nfields; i++) {
		if (!f->fields[i].required || inc->values[i] != NULL ||
		    !form_field_visible(f, i, inc->values))
			continue;
		printf("%s%s", first ? _("Still to answer: ") : ", ",
		    tr_get(&f->fields[i].label, c->env.lang));
		first = 0;
	}
	if (!first)
		putchar('\n');
}

static void
print_contacts_hint(void)
{
	char *user = contacts_user_file();

	printf(_("Contacts marked \"not set\" are filled in %s (your own) or "
	    "%s (for everyone on this computer): see data/contacts.conf for "
	    "the keys.\n"), user != NULL ? user : "~/.config/anshin-ir/"
	    "contacts.conf", SYSCONFDIR "/anshin-ir/contacts.conf");
	free(user);
}

static int
cmd_show(struct cli *c)
{
	struct incident *inc;
	struct evaluation ev;
	const char *kind, *summary;
	size_t i;
	int rc = load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return fail(c, rc);
	model_evaluate(c->data, inc, &ev);
	kind = incident_value(c->data, inc, "kind");
	summary = incident_value(c->data, inc, "summary");
	printf("%s %s  [%s]%s\n", _("Incident"), inc->ref,
	    inc->closed ? _("closed") : _("open"),
	    inc->drill != NULL ? _("  TRAINING DRILL") : "");
	if (kind != NULL)
		printf("%s: %s\n", field_label(c, "kind"), form_choice_label(
		    form_field_find(c->data->form, "kind"), kind, c->env.lang));
	if (summary != NULL) {
		put_text(stdout, summary, 0);
		putchar('\n');
	}
	print_missing_required(c, inc);
	print_answers_by_page(c, inc);
	printf("\n== %s ==\n", _("Legal assessment (APPI Art. 26)"));
	print_assessment(c, &ev);
	printf("\n== %s ==\n", _("Checklist"));
	for (i = 0; i < ev.nitems; i++)
		print_item_text(c, inc, &ev.items[i], jtime_day(c->env.now), 1);
	if (c->contacts_unset)
		print_contacts_hint();
	if (inc->measures != NULL && *inc->measures != '\0') {
		printf("\n== %s ==\n", _("Recurrence-prevention measures"));
		put_text(stdout, inc->measures, 1);
		putchar('\n');
	}
	printf("\n%s\n", _("This checklist supports the person in charge; it "
	    "is not legal advice. The facility decides."));
	model_evaluation_free(&ev);
	incident_free(inc);
	return ST_OK;
}

/* ---- actions, notes, closing ---- */

static int
set_action(struct cli *c, enum action_status status, const char *note)
{
	struct incident *inc;
	char at[26], msg[128];
	jtime_t t;
	int rc;

	if (c->opt[O_AT] != NULL) {
		if (jtime_parse(c->opt[O_AT], &t, msg, sizeof msg) != 0) {
			err_set(c->err, sizeof c->err, ST_DATAERR,
			    _("--at '%s': %s"), c->opt[O_AT], msg);
			return fail(c, ST_DATAERR);
		}
		jtime_format_iso(t, at);
	}
	rc = load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return fail(c, rc);
	rc = model_set_action(c->store, c->data, inc, c->arg[1], status,
	    by_of(c), c->opt[O_AT] != NULL ? at : NULL, note, c->env.now,
	    c->err, sizeof c->err);
	incident_free(inc);
	return rc != ST_OK ? fail(c, rc) : ST_OK;
}

static int
cmd_done(struct cli *c)
{
	return set_action(c, ACTION_DONE, c->opt[O_NOTE]);
}

static int
cmd_skip(struct cli *c)
{
	const char *reason = c->opt[O_REASON];

	if (reason == NULL || *reason == '\0') {
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("skip needs --reason TEXT (why the action does not "
		    "apply)"));
		return fail(c, ST_USAGE);
	}
	return set_action(c, ACTION_SKIPPED, reason);
}

static int
cmd_reopen_action(struct cli *c)
{
	return set_action(c, ACTION_OPEN, NULL);
}

static int
cmd_note(struct cli *c)
{
	struct incident *inc;
	int rc = load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return fail(c, rc);
	rc = model_add_note(c->store, c->data, inc, c->arg[1], by_of(c),
	    c->env.now, c->err, sizeof c->err);
	incident_free(inc);
	return rc != ST_OK ? fail(c, rc) : ST_OK;
}

static int
cmd_close(struct cli *c)
{
	struct incident *inc;
	struct strv reasons = { NULL, 0 };
	size_t i;
	int rc = load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return fail(c, rc);
	rc = model_close(c->store, c->data, inc, c->opt[O_MEASURES] != NULL ?
	    c->opt[O_MEASURES] : "", by_of(c), c->env.now, &reasons, c->err,
	    sizeof c->err);
	incident_free(inc);
	if (rc != ST_OK) {
		fail(c, rc);
		for (i = 0; i < reasons.n; i++) {
			fputs("  - ", stderr);
			put_text(stderr, reasons.v[i], 0);
			fputc('\n', stderr);
		}
	}
	strv_free(&reasons);
	return rc;
}

static int
cmd_reopen(struct cli *c)
{
	struct incident *inc;
	int rc = load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return fail(c, rc);
	rc = model_reopen(c->store, c->data, inc, by_of(c), c->env.now, c->err,
	    sizeof c->err);
	incident_free(inc);
	return rc != ST_OK ? fail(c, rc) : ST_OK;
}

/* ---- timeline ---- */

struct timeline_out {
	struct cli *c;
	const char *fmt;
	int n;
};

static void
timeline_row(void *ud, const struct store_event *ev)
{
	struct timeline_out *t = ud;
	const char *fields[6] = { ev->at, ev->kind, ev->key, ev->old, ev->new_,
		ev->by };
	static const char *const names[6] = { "at", "kind", "key", "old", "new",
		"by" };
	int i;

	if (strcmp(t->fmt, "tsv") == 0) {
		for (i = 0; i < 6; i++) {
			if (i)
				putchar('\t');
			put_tsv(stdout, fields[i]);
		}
		putchar('\n');
	} else if (strcmp(t->fmt, "json") == 0) {
		printf("%s\n{", t->n ? "," : "");
		for (i = 0; i < 6; i++) {
			printf("%s\"%s\":", i ? "," : "", names[i]);
			put_json(stdout, fields[i]);
		}
		putchar('}');
	} else {
		printf("%.19s  %-8s ", ev->at, ev->kind);
		put_text(stdout, ev->by, 0);
		printf("  ");
		if (ev->key != NULL) {
			put_text(stdout, ev->key, 0);
			printf(": ");
		}
		if (strcmp(ev->kind, "answer") == 0 ||
		    strcmp(ev->kind, "action") == 0) {
			put_text(stdout, ev->old != NULL ? ev->old : "-", 0);
			printf(" -> ");
		}
		put_text(stdout, ev->new_ != NULL ? ev->new_ : "-", 1);
		putchar('\n');
	}
	t->n++;
}

static int
cmd_timeline(struct cli *c)
{
	struct timeline_out t;
	struct incident *inc;
	int ok, rc;

	t.fmt = format_of(c, &ok);
	if (!ok)
		return fail(c, ST_USAGE);
	rc = load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return fail(c, rc);
	t.c = c;
	t.n = 0;
	if (strcmp(t.fmt, "tsv") == 0)
		printf("at\tkind\tkey\told\tnew\tby\n");
	else if (strcmp(t.fmt, "json") == 0)
		putchar('[');
	rc = store_events_get(c->store, inc->id, timeline_row, &t, c->err,
	    sizeof c->err);
	if (strcmp(t.fmt, "json") == 0)
		printf("%s]\n", t.n ? "\n" : "");
	incident_free(inc);
	return rc != ST_OK ? fail(c, rc) : ST_OK;
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
pad(const char *s, size_t cols)
{
	char *clean = text_sanitize(s != NULL ? s : "", 0);
	char *fit = text_fit(clean, cols);
	size_t w = text_width(fit);

	fputs(fit, stdout);
	for (; w < cols + 1; w++)
		putchar(' ');
	free(fit);
	free(clean);
}

static void
list_row(void *ud, const struct store_incident *row)
{
	struct list_out *l = ud;
	const struct form_field *kf = form_field_find(l->c->data->form, "kind");
	const char *status = row->closed ? "closed" : "open";
	int overdue = !row->closed && row->next_due != NULL &&
	    strcmp(row->next_due, l->today) < 0;
	const char *fields[7] = { row->ref, status, row->kind,
		row->discovered_at, row->reportable, row->next_due, row->summary };
	static const char *const names[7] = { "ref", "status", "kind",
		"discovered_at", "reportable", "next_due", "summary" };
	char due[32];
	int i;

	if (l->overdue_only && !overdue)
		return;
	l->overdue += overdue;
	if (strcmp(l->fmt, "tsv") == 0) {
		for (i = 0; i < 7; i++) {
			if (i)
				putchar('\t');
			put_tsv(stdout, fields[i]);
		}
		putchar('\n');
	} else if (strcmp(l->fmt, "json") == 0) {
		printf("%s\n{", l->n ? "," : "");
		for (i = 0; i < 7; i++) {
			printf("%s\"%s\":", i ? "," : "", names[i]);
			put_json(stdout, fields[i] != NULL ? fields[i] : "");
		}
		putchar('}');
	} else {
		pad(row->ref, 11);
		pad(row->closed ? _("closed") : _("open"), 6);
		pad(row->discovered_at, 16);
		pad(row->reportable, 12);
		snprintf(due, sizeof due, "%s%s", row->next_due != NULL ?
		    row->next_due : "-", overdue ? " !" : "");
		pad(due, 12);
		pad(row->kind != NULL && kf != NULL ? form_choice_label(kf,
		    row->kind, l->c->env.lang) : "-", 16);
		put_text(stdout, row->summary != NULL ? row->summary : "", 0);
		putchar('\n');
	}
	l->n++;
}

static int
cmd_list(struct cli *c)
{
	struct list_out l;
	int ok, rc, flags = 0;

	memset(&l, 0, sizeof l);
	l.fmt = format_of(c, &ok);
	if (!ok)
		return fail(c, ST_USAGE);
	rc = need_store(c);
	if (rc != ST_OK)
		return fail(c, rc);
	l.c = c;
	l.overdue_only = c->opt[O_OVERDUE] != NULL;
	jtime_format_date(jtime_day(c->env.now), l.today);
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
		pad(_("REF"), 11);
		pad(_("STATUS"), 6);
		pad(_("DISCOVERED"), 16);
		pad(_("REPORTABLE"), 12);
		pad(_("NEXT DUE"), 12);
		pad(_("KIND"), 16);
		printf("%s\n", _("SUMMARY"));
	}
	rc = store_list(c->store, flags, list_row, &l, c->err, sizeof c->err);
	if (strcmp(l.fmt, "json") == 0)
		printf("%s]\n", l.n ? "\n" : "");
	if (rc != ST_OK)
		return fail(c, rc);
	if (strcmp(l.fmt, "text") == 0 && l.overdue > 0)
		printf(_("! = overdue (%d)\n"), l.overdue);
	return l.overdue_only && l.overdue > 0 ? ST_REFUSED : ST_OK;
}

/* ---- export ---- */

static int
cmd_export(struct cli *c)
{
	struct report_opts o;
	struct incident *inc;
	struct timespec t0, t1;
	const char *out = c->opt[O_OUTPUT];
	int rc;

	if (out == NULL || *out == '\0') {
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("export needs -o FILE.pdf"));
		return fail(c, ST_USAGE);
	}
	rc = load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return fail(c, rc);
	memset(&o, 0, sizeof o);
	o.lang = c->env.lang;
	o.now = c->env.now;
	o.watermark = inc->drill != NULL;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = report_write(c->data, c->store, inc, &o, out, c->err,
	    sizeof c->err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* In-process time for `make bench` (the budget excludes start-up). */
	if (rc == ST_OK && getenv("ANSHIN_IR_BENCH") != NULL)
		fprintf(stderr, "bench: export_ms=%.1f\n",
		    (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	if (rc == ST_OK)
		rc = model_record_export(c->store, inc, out, by_of(c),
		    c->env.now, c->err, sizeof c->err);
	incident_free(inc);
	return rc != ST_OK ? fail(c, rc) : ST_OK;
}

/* ---- drills ---- */

static const struct drill *
find_drill(struct cli *c, const char *name)
{
	const struct drill *dr = drill_find(&c->data->drills, name);

	if (dr == NULL)
		err_set(c->err, sizeof c->err, ST_NOINPUT,
		    _("no drill scenario '%s' (see 'anshin-ir drill --list')"),
		    name);
	return dr;
}

static void
print_drill_list(struct cli *c)
{
	const struct drill *dr;
	size_t i;

	for (i = 0; i < c->data->drills.n; i++) {
		dr = &c->data->drills.v[i];
		printf("%s\t", dr->name);
		put_text(stdout, tr_get(&dr->title, c->env.lang), 0);
		putchar('\n');
	}
}

/* The actions a scripted trainee marks done must be on the checklist the
 * answers produce; checked before anything is stored. */
static int
check_drill_actions(struct cli *c, const struct answer_set *set,
    const struct strv *ids)
{
	struct incident tmp;
	struct evaluation ev;
	size_t i;
	int idx, rc = ST_OK;

	memset(&tmp, 0, sizeof tmp);
	tmp.nvalues = c->data->form->nfields;
	tmp.values = xcalloc(tmp.nvalues, sizeof *tmp.values);
	for (i = 0; i < set->n; i++)
		if ((idx = form_field_index(c->data->form, set->v[i].key)) >= 0)
			tmp.values[idx] = set->v[i].value;
	model_evaluate(c->data, &tmp, &ev);
	for (i = 0; i < ids->n && rc == ST_OK; i++) {
		if (rules_action_find(c->data->rules, ids->v[i]) == NULL)
			rc = err_set(c->err, sizeof c->err, ST_DATAERR,
			    _("--actions: unknown action '%s'"), ids->v[i]);
		else if (model_item_find(&ev, ids->v[i]) == NULL)
			rc = err_set(c->err, sizeof c->err, ST_DATAERR,
			    _("--actions: action '%s' does not apply to these "
			    "answers"), ids->v[i]);
	}
	model_evaluation_free(&ev);
	free(tmp.values);
	return rc;
}

static void
split_ids(const char *list, struct strv *out)
{
	char *copy = xstrdup(list != NULL ? list : ""), *tok, *save = NULL;

	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		if (*util_trim(tok) != '\0')
			strv_push(out, util_trim(tok));
	free(copy);
}

static int
run_scripted_drill(struct cli *c, const struct drill *dr)
{
	struct answer_set set;
	struct strv ids = { NULL, 0 };
	struct incident *inc = NULL;
	char *text;
	size_t len, i;
	int rc;

	rc = util_read_file(c->opt[O_ANSWERS], &text, &len, c->err,
	    sizeof c->err);
	if (rc != ST_OK)
		return fail(c, rc);
	rc = model_answers_parse(c->data, text, len, strcmp(c->opt[O_ANSWERS],
	    "-") == 0 ? "<stdin>" : c->opt[O_ANSWERS], c->env.now, &set,
	    c->err, sizeof c->err);
	free(text);
	if (rc != ST_OK)
		return fail(c, rc);
	split_ids(c->opt[O_ACTIONS], &ids);
	rc = check_drill_actions(c, &set, &ids);
	if (rc == ST_OK)
		rc = model_create(c->store, c->data, &set, dr->name, by_of(c),
		    c->env.now, &inc, c->err, sizeof c->err);
	for (i = 0; rc == ST_OK && i < ids.n; i++)
		rc = model_set_action(c->store, c->data, inc, ids.v[i],
		    ACTION_DONE, by_of(c), NULL, NULL, c->env.now, c->err,
		    sizeof c->err);
	if (rc == ST_OK)
		rc = model_drill_submit(c->store, inc, by_of(c), c->env.now,
		    c->err, sizeof c->err);
	if (rc == ST_OK)
		printf("%s\n", inc->ref);
	incident_free(inc);
	answer_set_free(&set);
	strv_free(&ids);
	return rc != ST_OK ? fail(c, rc) : ST_OK;
}

struct history {
	struct cli *c;
	const char *only;
	struct strv refs;
};

static void
history_row(void *ud, const struct store_incident *row)
{
	struct history *h = ud;

	if (row->drill != NULL && (h->only == NULL ||
	    strcmp(row->drill, h->only) == 0))
		strv_push(&h->refs, row->ref);
}

/* One line per run, oldest first: the education record. */
static int
print_drill_history(struct cli *c, const char *only)
{
	struct history h = { c, only, { NULL, 0 } };
	struct drill_score sc;
	struct incident *inc;
	char by[64];
	size_t i;
	int rc;

	rc = store_list(c->store, STORE_LIST_ALL | STORE_LIST_DRILLS,
	    history_row, &h, c->err, sizeof c->err);
	printf("%s\t%s\t%s\t%s\t%s\n", _("date"), _("scenario"),
	    _("person"), _("score"), _("ref"));
	for (i = h.refs.n; rc == ST_OK && i-- > 0;) {
		rc = model_load(c->store, c->data, h.refs.v[i], &inc, c->err,
		    sizeof c->err);
		if (rc != ST_OK)
			break;
		if (model_drill_score(c->store, c->data, inc, &sc, by,
		    sizeof by, c->err, sizeof c->err) == ST_OK) {
			printf("%.16s\t%s\t", inc->created_at, inc->drill);
			put_text(stdout, by, 0);
			printf("\t%d\t%s\n", sc.score, inc->ref);
			drill_score_free(&sc);
		}
		incident_free(inc);
	}
	strv_free(&h.refs);
	return rc != ST_OK ? fail(c, rc) : ST_OK;
}

static int
cmd_drill(struct cli *c)
{
	const struct drill *dr;
	int rc = c->opt[O_LIST] != NULL || c->opt[O_HISTORY] != NULL ?
	    need_store(c) : need_data(c);

	if (rc != ST_OK)
		return fail(c, rc);
	if (c->opt[O_LIST] != NULL) {
		print_drill_list(c);
		return ST_OK;
	}
	if (c->opt[O_HISTORY] != NULL)
		return print_drill_history(c, c->narg > 0 ? c->arg[0] : NULL);
	if (c->narg == 0) {
		err_set(c->err, sizeof c->err, ST_USAGE, _("usage: anshin-ir "
		    "drill [--list | --history [NAME] | NAME [--answers FILE "
		    "[--actions ID,ID...]]]"));
		return fail(c, ST_USAGE);
	}
	if ((dr = find_drill(c, c->arg[0])) == NULL)
		return fail(c, ST_NOINPUT);
	if (c->opt[O_ANSWERS] != NULL) {
		rc = need_store(c);
		return rc != ST_OK ? fail(c, rc) : run_scripted_drill(c, dr);
	}
	if (c->opt[O_ACTIONS] != NULL) {
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("--actions goes with --answers"));
		return fail(c, ST_USAGE);
	}
	rc = need_store(c);
	if (rc == ST_OK)
		rc = tui_check_terminal(c->err, sizeof c->err);
	release_store(c);
	return rc != ST_OK ? fail(c, rc) : tui_drill(&c->env, dr->name);
}

static int
cmd_score(struct cli *c)
{
	struct drill_score sc;
	struct incident *inc;
	char by[64];
	size_t i;
	int rc = load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return fail(c, rc);
	rc = model_drill_score(c->store, c->data, inc, &sc, by, sizeof by,
	    c->err, sizeof c->err);
	incident_free(inc);
	if (rc != ST_OK)
		return fail(c, rc);
	printf("score=%d\n", sc.score);
	for (i = 0; i < sc.missed.n; i++)
		printf("missed=%s\n", sc.missed.v[i]);
	for (i = 0; i < sc.wrong.n; i++)
		printf("wrong=%s\n", sc.wrong.v[i]);
	drill_score_free(&sc);
	return ST_OK;
}

/* ---- tamper evidence ---- */

static int
cmd_verify(struct cli *c)
{
	struct incident *inc;
	char what[256], last[65];
	long broken;
	int rc = load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return fail(c, rc);
	rc = model_verify(c->store, inc, &broken, what, sizeof what, last,
	    c->err, sizeof c->err);
	incident_free(inc);
	if (rc != ST_OK)
		return fail(c, rc);
	if (broken == 0) {
		printf("ok\n");
		return ST_OK;
	}
	printf("broken: event %ld: ", broken);
	put_text(stdout, what, 0);
	putchar('\n');
	err_set(c->err, sizeof c->err, ST_REFUSED, _("the timeline of %s was "
	    "altered: event %ld does not match its hash"), c->arg[0], broken);
	return fail(c, ST_REFUSED);
}

/* ---- check-data, interactive ---- */

static int
cmd_check_data(struct cli *c)
{
	if (c->narg > 0) {
		free(c->env.data_dir);
		c->env.data_dir = xstrdup(c->arg[0]);
	}
	if (need_data(c) != ST_OK)
		return fail(c, ST_CONFIG);
	printf(_("ok: %s: %zu pages, %zu fields, %zu defines, %zu actions\n"),
	    c->env.data_dir, c->data->form->npages, c->data->form->nfields,
	    c->data->rules->ndefines, c->data->rules->nactions);
	return ST_OK;
}

static int
cmd_resume(struct cli *c)
{
	struct incident *inc;
	int rc = load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return fail(c, rc);
	incident_free(inc);
	rc = tui_check_terminal(c->err, sizeof c->err);
	release_store(c);
	return rc != ST_OK ? fail(c, rc) : tui_resume(&c->env, c->arg[0]);
}

static int
cmd_home(struct cli *c)
{
	int rc = need_store(c);

	if (rc != ST_OK)
		return fail(c, rc);
	rc = tui_check_terminal(c->err, sizeof c->err);
	release_store(c);
	return rc != ST_OK ? fail(c, rc) : tui_home(&c->env);
}

static int
cmd_help(struct cli *c)
{
	const struct command *cmd = c->narg > 0 ? find_command(c->arg[0]) : NULL;

	if (c->narg > 0 && cmd == NULL) {
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("unknown command '%s' (see 'anshin-ir --help')"),
		    c->arg[0]);
		return fail(c, ST_USAGE);
	}
	if (cmd != NULL) {
		printf("%s: anshin-ir %s %s\n  %s\n", _("usage"), cmd->name,
		    cmd->usage, _(cmd->help));
		return ST_OK;
	}
	print_usage(stdout, c);
	return ST_OK;
}

static const struct command commands[] = {
	{ "new", "[--answers FILE|-] [--by NAME]", 0, 0,
	    OPT(O_ANSWERS) | OPT(O_BY), cmd_new,
	    N_("start the wizard on a new incident, or create one from an "
	    "answers file and print its reference") },
	{ "resume", "REF", 1, 1, 0, cmd_resume,
	    N_("continue the wizard at the first unanswered required field") },
	{ "set", "REF KEY=VALUE... [--by NAME]", 2, 1000, OPT(O_BY), cmd_set,
	    N_("change answers (KEY= clears one); each change is a timeline "
	    "event") },
	{ "list", "[--all] [--drills] [--overdue] [--format text|tsv|json]",
	    0, 0, OPT(O_ALL) | OPT(O_DRILLS) | OPT(O_OVERDUE) | OPT(O_FORMAT),
	    cmd_list, N_("incidents, newest first; --overdue exits 1 when an "
	    "open action is overdue") },
	{ "show", "REF", 1, 1, 0, cmd_show,
	    N_("readable summary: 5W1H, volume, protection, assessment, "
	    "checklist") },
	{ "answers", "REF", 1, 1, 0, cmd_answers,
	    N_("print the answers as an answers file") },
	{ "assess", "REF", 1, 1, 0, cmd_assess,
	    N_("legal assessment as key=value lines") },
	{ "checklist", "REF [--format text|tsv|json]", 1, 1, OPT(O_FORMAT),
	    cmd_checklist, N_("required actions with phase, status and due "
	    "date") },
	{ "done", "REF ACTION [--by NAME] [--at TIME] [--note TEXT]", 2, 2,
	    OPT(O_BY) | OPT(O_AT) | OPT(O_NOTE), cmd_done,
	    N_("mark an action done") },
	{ "skip", "REF ACTION --reason TEXT [--by NAME]", 2, 2,
	    OPT(O_REASON) | OPT(O_BY), cmd_skip,
	    N_("mark an action not applicable, with the reason") },
	{ "reopen-action", "REF ACTION [--by NAME]", 2, 2, OPT(O_BY),
	    cmd_reopen_action, N_("set an action back to open") },
	{ "note", "REF TEXT [--by NAME]", 2, 2, OPT(O_BY), cmd_note,
	    N_("add a note to the timeline") },
	{ "timeline", "REF [--format text|tsv|json]", 1, 1, OPT(O_FORMAT),
	    cmd_timeline, N_("all events, oldest first") },
	{ "close", "REF --measures TEXT [--by NAME]", 1, 1,
	    OPT(O_MEASURES) | OPT(O_BY), cmd_close,
	    N_("close the incident with its recurrence-prevention measures") },
	{ "reopen", "REF [--by NAME]", 1, 1, OPT(O_BY), cmd_reopen,
	    N_("reopen a closed incident") },
	{ "export", "REF -o FILE.pdf", 1, 1, OPT(O_OUTPUT) | OPT(O_BY),
	    cmd_export, N_("write the PDF report (Japanese or English by "
	    "--lang), with the draft of the PPC report") },
	{ "drill", "[--list | --history [NAME] | NAME [--answers FILE "
	    "[--actions ID,ID...]] [--by NAME]]", 0, 1,
	    OPT(O_LIST) | OPT(O_HISTORY) | OPT(O_ANSWERS) | OPT(O_ACTIONS) |
	    OPT(O_BY), cmd_drill,
	    N_("training drill: list the scenarios, play one in the wizard, "
	    "run one from an answers file, or show past runs") },
	{ "score", "REF", 1, 1, 0, cmd_score,
	    N_("a drill run's score (0-100) with missed actions and wrong "
	    "answers") },
	{ "verify", "REF", 1, 1, 0, cmd_verify,
	    N_("check the timeline's hash chain: prints ok, or the first "
	    "altered event and exits 1") },
	{ "check-data", "[DIR]", 0, 1, 0, cmd_check_data,
	    N_("validate forms, rules, holidays and contacts") },
	{ "help", "[COMMAND]", 0, 1, 0, cmd_help,
	    N_("show help for all commands or one") },
};

static const struct command *
find_command(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void
print_usage(FILE *fp, const struct cli *c)
{
	size_t i;

	(void)c;
	fprintf(fp, "%s: anshin-ir [--db PATH] [--data-dir DIR] [--lang ja|en] "
	    "[COMMAND [ARGS]]\n\n", _("usage"));
	fprintf(fp, "%s\n\n", _("Incident-response wizard for medical and care "
	    "facilities: leaks, lost devices, misdelivery."));
	fprintf(fp, "  %-15s %s\n", "", _("(no command) home screen: open "
	    "incidents, new incident"));
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(fp, "  %-15s %s %s\n      %s\n", commands[i].name,
		    commands[i].name, commands[i].usage, _(commands[i].help));
	fprintf(fp, "\n%s\n", _("Options: --db PATH, --data-dir DIR, "
	    "--lang ja|en, -h/--help, -V/--version"));
	fprintf(fp, "%s\n", _("Exit status: 0 ok, 1 refused, 64 usage, 65 bad "
	    "data, 66 no such incident or file, 69 no terminal, 73 cannot "
	    "create output, 74 I/O error, 75 busy, 77 unsafe permissions, "
	    "78 bad configuration."));
}

/* ---- option parsing and start-up ---- */

static int
opt_find(const char *arg, const char **value)
{
	size_t i, n;

	*value = NULL;
	if (arg[0] == '-' && arg[1] != '-' && arg[1] != '\0' && arg[2] == '\0') {
		for (i = 0; i < O_COUNT; i++)
			if (optdefs[i].short_name == arg[1])
				return (int)i;
		return -1;
	}
	arg += 2;
	for (i = 0; i < O_COUNT; i++) {
		n = strlen(optdefs[i].name);
		if (strncmp(arg, optdefs[i].name, n) != 0)
			continue;
		if (arg[n] == '\0')
			return (int)i;
		if (arg[n] == '=' && optdefs[i].takes_value) {
			*value = arg + n + 1;
			return (int)i;
		}
	}
	return -1;
}

/* Global options may stand before or after the command. */
static int
parse_args(struct cli *c, int argc, char **argv, const struct command **cmd)
{
	const char *value;
	int i, id, only_args = 0;

	*cmd = NULL;
	c->arg = xcalloc((size_t)argc, sizeof *c->arg);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!only_args && strcmp(a, "--") == 0) {
			only_args = 1;
			continue;
		}
		if (!only_args && a[0] == '-' && a[1] != '\0') {
			id = opt_find(a, &value);
			if (id < 0)
				return err_set(c->err, sizeof c->err, ST_USAGE,
				    _("unknown option '%s' (see 'anshin-ir "
				    "--help')"), a);
			if (optdefs[id].takes_value && value == NULL) {
				if (i + 1 >= argc)
					return err_set(c->err, sizeof c->err,
					    ST_USAGE, _("option '%s' needs a "
					    "value"), a);
				value = argv[++i];
			}
			c->opt[id] = value != NULL ? value : "";
			continue;
		}
		if (*cmd == NULL) {
			*cmd = find_command(a);
			if (*cmd == NULL)
				return err_set(c->err, sizeof c->err, ST_USAGE,
				    _("unknown command '%s' (see 'anshin-ir "
				    "--help')"), a);
			continue;
		}
		c->arg[c->narg++] = argv[i];
	}
	return ST_OK;
}

static int
check_command_args(struct cli *c, const struct command *cmd)
{
	int i;

	for (i = 0; i < O_COUNT; i++)
		if (c->opt[i] != NULL && !(GLOBAL_OPTS & (1u << i)) &&
		    (cmd == NULL || !(cmd->opts & (1u << i))))
			return err_set(c->err, sizeof c->err, ST_USAGE,
			    _("option --%s does not apply to '%s'"),
			    optdefs[i].name, cmd != NULL ? cmd->name : "");
	if (cmd == NULL && c->narg > 0)
		return err_set(c->err, sizeof c->err, ST_USAGE,
		    _("unexpected argument '%s'"), c->arg[0]);
	if (cmd != NULL && (c->narg < cmd->min_args ||
	    c->narg > cmd->max_args))
		return err_set(c->err, sizeof c->err, ST_USAGE,
		    _("usage: anshin-ir %s %s"), cmd->name, cmd->usage);
	return ST_OK;
}

static int
file_exists(const char *dir, const char *rel)
{
	char *p = xasprintf("%s/%s", dir, rel);
	struct stat sb;
	int ok = stat(p, &sb) == 0;

	free(p);
	return ok;
}

/* The directory holding the running binary ("build" in the source tree). */
static char *
exe_dir(void)
{
	char path[4096], *slash;
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);

	if (n <= 0)
		return NULL;
	path[n] = '\0';
	slash = strrchr(path, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(path);
}

/* dir/rel, if it exists. */
static char *
existing(const char *dir, const char *rel, const char *probe)
{
	char *p = xasprintf("%s%s", dir, rel);

	if (file_exists(p, probe))
		return p;
	free(p);
	return NULL;
}

/* The install prefix the binary runs from: .../bin/anshin-ir -> "...". */
static char *
exe_prefix(void)
{
	char *dir = exe_dir(), *slash;

	if (dir == NULL)
		return NULL;
	slash = strrchr(dir, '/');
	if (slash == NULL || slash == dir) {
		free(dir);
		return NULL;
	}
	*slash = '\0';
	return dir;
}

/* SPEC §1 order, then two places relative to the binary: a staged or
 * moved install (PREFIX/share/anshin-ir) and the source tree (build/..). */
char *
cli_find_data_dir(const char *opt)
{
	const char *env = getenv("ANSHIN_IR_DATA");
	char *prefix, *found = NULL;

	if (opt != NULL && *opt != '\0')
		return xstrdup(opt);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (file_exists(DATADIR, "forms/intake.form"))
		return xstrdup(DATADIR);
	prefix = exe_prefix();
	if (prefix != NULL) {
		found = existing(prefix, "/share/anshin-ir",
		    "forms/intake.form");
		if (found == NULL)
			found = existing(prefix, "", "forms/intake.form");
		free(prefix);
	}
	return found != NULL ? found : xstrdup(DATADIR);
}

static char *
find_locale_dir(void)
{
	const char *mo = "ja/LC_MESSAGES/anshin-ir.mo";
	char *dir = exe_dir(), *prefix, *found = NULL;

	if (dir != NULL) {
		found = existing(dir, "/locale", mo);
		free(dir);
	}
	if (found == NULL && !file_exists(LOCALEDIR, mo) &&
	    (prefix = exe_prefix()) != NULL) {
		found = existing(prefix, "/share/locale", mo);
		free(prefix);
	}
	return found != NULL ? found : xstrdup(LOCALEDIR);
}

static enum lang
lang_from_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v;
	size_t i;

	for (i = 0; i < 3; i++) {
		v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strncmp(v, "en", 2) == 0 ? LANG_EN : LANG_JA;
	}
	return LANG_JA;
}

/* The --lang value, looked up before the arguments are parsed so that
 * even messages about bad arguments are in the user's language. */
static const char *
early_lang(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			return argv[i + 1];
		if (strncmp(argv[i], "--lang=", 7) == 0)
			return argv[i] + 7;
	}
	return NULL;
}

static void
setup_language(struct cli *c, const char *l)
{
	c->env.lang = l != NULL && strcmp(l, "en") == 0 ? LANG_EN :
	    l != NULL && strcmp(l, "ja") == 0 ? LANG_JA : lang_from_env();
	/* gettext reads LANGUAGE first; it ignores it only in the "C"
	 * locale, which main() has already replaced by C.UTF-8. */
	setenv("LANGUAGE", c->env.lang == LANG_EN ? "en" : "ja", 1);
	c->env.locale_dir = find_locale_dir();
	bindtextdomain("anshin-ir", c->env.locale_dir);
	bind_textdomain_codeset("anshin-ir", "UTF-8");
	textdomain("anshin-ir");
}

static int
setup_env(struct cli *c)
{
	const char *l = c->opt[O_LANG];
	char *db;

	if (l != NULL && strcmp(l, "ja") != 0 && strcmp(l, "en") != 0)
		return err_set(c->err, sizeof c->err, ST_USAGE,
		    _("--lang must be ja or en, not '%s'"), l);
	c->env.data_dir = cli_find_data_dir(c->opt[O_DATA_DIR]);
	db = c->opt[O_DB] != NULL && *c->opt[O_DB] != '\0' ?
	    xstrdup(c->opt[O_DB]) : store_default_path();
	c->env.db_path = db;
	c->env.now = jtime_now();
	if (db == NULL)
		return err_set(c->err, sizeof c->err, ST_CANTCREAT,
		    _("no home directory to keep the database in; give "
		    "--db PATH or set ANSHIN_IR_DB"));
	return ST_OK;
}

int
cli_main(int argc, char **argv)
{
	const struct command *cmd;
	struct cli c;
	int rc;

	memset(&c, 0, sizeof c);
	setup_language(&c, early_lang(argc, argv));
	rc = parse_args(&c, argc, argv, &cmd);
	if (rc == ST_OK)
		rc = setup_env(&c);
	if (rc == ST_OK && c.opt[O_VERSION] != NULL) {
		printf("anshin-ir %s\n", VERSION);
	} else if (rc == ST_OK && c.opt[O_HELP] != NULL) {
		if (cmd != NULL) {
			c.arg[0] = (char *)cmd->name;
			c.narg = 1;
		} else
			c.narg = 0;
		rc = cmd_help(&c);
	} else if (rc == ST_OK) {
		rc = check_command_args(&c, cmd);
		if (rc == ST_OK)
			rc = cmd != NULL ? cmd->run(&c) : cmd_home(&c);
		else
			fail(&c, rc);
	} else
		fail(&c, rc);
	store_close(c.store);
	model_data_free(c.data);
	free(c.arg);
	free(c.env.db_path);
	free(c.env.data_dir);
	free(c.env.locale_dir);
	return rc;
}
