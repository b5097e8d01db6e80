/*
 * cli_act.c - the commands that change incidents: new, set, done, skip,
 * reopen-action, note, close, reopen, export, and the drills (drill,
 * score). Each validates its arguments, calls one model operation and
 * reports the outcome.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_int.h"
#include "form_input.h"
#include "contract.h"
#include "i18n.h"
#include "ini.h"
#include "ledger.h"
#include "report/report.h"
#include "text.h"
#include "tui/tui.h"

/* ---- new, set, answers ---- */

int
cli_cmd_new(struct cli *c)
{
	struct answer_set set;
	struct incident *inc;
	char *text, *name;
	size_t len;
	int rc;

	if (c->opt[O_ANSWERS] == NULL) {
		rc = tui_check_terminal(c->err, sizeof c->err);
		return rc != ST_OK ? cli_fail(c, rc) : tui_new(c->app);
	}
	rc = cli_need_store(c);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = util_read_file(c->opt[O_ANSWERS], &text, &len, c->err,
	    sizeof c->err);
	if (rc != ST_OK)
		return cli_fail(c, rc == ST_NOINPUT ? ST_NOINPUT : rc);
	name = xstrdup(strcmp(c->opt[O_ANSWERS], "-") == 0 ? "<stdin>" :
	    c->opt[O_ANSWERS]);
	rc = model_answers_parse(c->app->data, text, len, name, app_now(c->app), &set,
	    c->err, sizeof c->err);
	free(text);
	/* `device = ID`: the file's author chose the device */
	if (rc == ST_OK && (rc = ledger_fill_answers(c->app->store,
	    c->app->data, &set, name, c->err, sizeof c->err)) != ST_OK)
		answer_set_free(&set);
	free(name);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = model_create(c->app->store, c->app->data, &set, NULL, app_by(c->app), app_now(c->app),
	    &inc, c->err, sizeof c->err);
	answer_set_free(&set);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	printf("%s\n", inc->ref);
	incident_free(inc);
	return ST_OK;
}

/* The answer a typed value gave besides its own (a count's basis), kept
 * until every argument is read: one given explicitly wins. */
struct implied {
	const char *key, *value;
};

/* `device` names an entry of the ledger. */
static int
check_device(struct cli *c, const char *arg, const char *id)
{
	struct ledger_device dev;
	char msg[300];
	int rc = ledger_load(c->app->store, id, &dev, msg, sizeof msg);

	ledger_device_clear(&dev);
	if (rc == ST_NOINPUT)
		rc = ST_DATAERR;
	return rc == ST_OK ? ST_OK : err_set(c->err, sizeof c->err, rc,
	    "'%s': %s", arg, msg);
}

/* KEY=VALUE, VALUE read as people type it (docs/contract.md §1 set), with the
 * escapes of an answers file. */
static int
parse_assignment(struct cli *c, const struct incident *inc, const char *arg,
    struct answer_set *set, struct implied *imp)
{
	struct form_input in;
	char *copy = xstrdup(arg), *eq = strchr(copy, '='), *key, *value;
	char msg[900];
	size_t i;
	int rc = ST_OK, f;

	if (eq == NULL || eq == copy) {
		free(copy);
		return err_set(c->err, sizeof c->err, ST_USAGE,
		    _("'%s': expected KEY=VALUE"), arg);
	}
	*eq = '\0';
	key = util_trim(copy);
	value = util_trim(eq + 1);
	f = form_field_index(c->app->data->form, key);
	if (f < 0) {
		form_keys_list(c->app->data->form, msg, sizeof msg);
		rc = err_set(c->err, sizeof c->err, ST_DATAERR,
		    _("'%s': unknown key '%s' (known keys: %s)"), arg, key,
		    msg);
	}
	for (i = 0; rc == ST_OK && i < set->n; i++)
		if (strcmp(set->v[i].key, key) == 0)
			rc = err_set(c->err, sizeof c->err, ST_DATAERR,
			    _("'%s': key '%s' given twice"), arg, key);
	memset(&in, 0, sizeof in);
	if (rc == ST_OK) {
		rc = ini_unescape(value, msg, sizeof msg);
		if (rc == ST_OK)
			rc = form_input_read(c->app->data->form, (size_t)f, value,
			    inc->values, app_now(c->app), c->app->lang, &in, msg,
			    sizeof msg);
		if (rc != ST_OK)
			err_set(c->err, sizeof c->err, rc, "'%s': %s", arg, msg);
	}
	if (rc == ST_OK && strcmp(key, FIELD_DEVICE) == 0 && in.value != NULL &&
	    (rc = check_device(c, arg, in.value)) != ST_OK)
		form_input_free(&in);
	if (rc == ST_OK) {
		answer_set_push(set, key, in.value, 0);
		if (in.implied_field >= 0) {
			imp->key = c->app->data->form->fields[in.implied_field].key;
			imp->value = in.implied_value;
		}
	}
	free(copy);
	return rc;
}

int
cli_cmd_set(struct cli *c)
{
	struct implied imp = { NULL, NULL };
	struct answer_set set;
	struct incident *inc;
	size_t j;
	int i, rc;

	rc = cli_load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	memset(&set, 0, sizeof set);
	for (i = 1; i < c->narg && rc == ST_OK; i++)
		rc = parse_assignment(c, inc, c->arg[i], &set, &imp);
	for (j = 0; imp.key != NULL && j < set.n; j++)
		if (strcmp(set.v[j].key, imp.key) == 0)
			imp.key = NULL;
	if (rc == ST_OK && imp.key != NULL)
		answer_set_push(&set, imp.key, xstrdup(imp.value), 0);
	if (rc == ST_OK)
		rc = model_set_answers(c->app->store, c->app->data, inc, &set, app_by(c->app),
		    app_now(c->app), 0, c->err, sizeof c->err);
	answer_set_free(&set);
	incident_free(inc);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
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
			return cli_fail(c, ST_DATAERR);
		}
		jtime_format_iso(t, at);
	}
	rc = cli_load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = model_set_action(c->app->store, c->app->data, inc, c->arg[1], status,
	    app_by(c->app), c->opt[O_AT] != NULL ? at : NULL, note, app_now(c->app),
	    c->err, sizeof c->err);
	incident_free(inc);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

int
cli_cmd_done(struct cli *c)
{
	return set_action(c, ACTION_DONE, c->opt[O_NOTE]);
}

int
cli_cmd_skip(struct cli *c)
{
	const char *reason = c->opt[O_REASON];

	if (reason == NULL || *reason == '\0') {
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("skip needs --reason TEXT (why the action does not "
		    "apply)"));
		return cli_fail(c, ST_USAGE);
	}
	return set_action(c, ACTION_SKIPPED, reason);
}

int
cli_cmd_reopen_action(struct cli *c)
{
	return set_action(c, ACTION_OPEN, NULL);
}

int
cli_cmd_note(struct cli *c)
{
	struct incident *inc;
	int rc = cli_load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = model_add_note(c->app->store, c->app->data, inc, c->arg[1], app_by(c->app),
	    app_now(c->app), c->err, sizeof c->err);
	incident_free(inc);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

int
cli_cmd_close(struct cli *c)
{
	struct incident *inc;
	struct strv reasons = { NULL, 0 };
	size_t i;
	int rc = cli_load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = model_close(c->app->store, c->app->data, inc, c->opt[O_MEASURES] != NULL ?
	    c->opt[O_MEASURES] : "", app_by(c->app), app_now(c->app), &reasons, c->err,
	    sizeof c->err);
	incident_free(inc);
	if (rc != ST_OK) {
		cli_fail(c, rc);
		for (i = 0; i < reasons.n; i++) {
			fputs("  - ", stderr);
			cli_put_text(stderr, reasons.v[i], 0);
			fputc('\n', stderr);
		}
	}
	strv_free(&reasons);
	return rc;
}

int
cli_cmd_reopen(struct cli *c)
{
	struct incident *inc;
	int rc = cli_load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = model_reopen(c->app->store, c->app->data, inc, app_by(c->app), app_now(c->app), c->err,
	    sizeof c->err);
	incident_free(inc);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

/* ---- export ---- */

/* --only unsent (letters and labels) and --sheet 12|24 (labels). */
static int
export_batch(struct cli *c, struct report_opts *o)
{
	const char *only = c->opt[O_ONLY], *sheet = c->opt[O_SHEET];
	int batch = o->kind == REPORT_DOC_NOTICE || o->kind == REPORT_DOC_LABELS;

	if (only != NULL && strcmp(only, "unsent") != 0)
		return err_set(c->err, sizeof c->err, ST_USAGE, _("unknown "
		    "--only '%s' (expected unsent)"), only);
	if (only != NULL && !batch)
		return err_set(c->err, sizeof c->err, ST_USAGE, _("--only "
		    "applies to the letters and the labels (--doc notice or "
		    "labels)"));
	if (sheet != NULL && (o->kind != REPORT_DOC_LABELS ||
	    (strcmp(sheet, "12") != 0 && strcmp(sheet, "24") != 0)))
		return err_set(c->err, sizeof c->err, ST_USAGE, _("--sheet "
		    "goes with --doc labels: 12 or 24 labels a sheet"));
	o->only_unsent = only != NULL;
	o->sheet = sheet != NULL ? atoi(sheet) : 12;
	return ST_OK;
}

/* --doc and --stage (docs/contract.md §1); --stage is the PPC draft's,
 * in the report or alone. */
static int
export_doc(struct cli *c, struct report_opts *o)
{
	const char *doc = c->opt[O_DOC], *stage = c->opt[O_STAGE];
	int kind = doc != NULL ? report_kind_parse(doc) : REPORT_DOC_REPORT;
	int st = stage != NULL ? report_stage_parse(stage) : REPORT_STAGE_AUTO;

	if (kind < 0)
		return err_set(c->err, sizeof c->err, ST_USAGE, _("unknown "
		    "--doc '%s' (expected report, ppc, notice, announcement or "
		    "labels)"), doc);
	if (st < 0)
		return err_set(c->err, sizeof c->err, ST_USAGE, _("unknown "
		    "--stage '%s' (expected preliminary or final)"), stage);
	if (stage != NULL && kind != REPORT_DOC_PPC &&
	    kind != REPORT_DOC_REPORT)
		return err_set(c->err, sizeof c->err, ST_USAGE, _("--stage "
		    "applies to the PPC draft (--doc ppc or report)"));
	o->kind = (enum report_kind)kind;
	o->stage = (enum report_stage)st;
	return export_batch(c, o);
}

int
cli_cmd_export(struct cli *c)
{
	struct report_opts o;
	struct incident *inc;
	struct timespec t0, t1;
	const char *out = c->opt[O_OUTPUT];
	size_t count = 0;
	int rc;

	memset(&o, 0, sizeof o);
	if (out == NULL || *out == '\0') {
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("export needs -o FILE.pdf"));
		return cli_fail(c, ST_USAGE);
	}
	if (export_doc(c, &o) != ST_OK)
		return cli_fail(c, ST_USAGE);
	rc = cli_load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	o.lang = c->app->lang;
	o.now = app_now(c->app);
	o.watermark = inc->drill != NULL;
	o.count = &count;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = report_write(c->app->data, c->app->store, inc, &o, out, c->err,
	    sizeof c->err);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* In-process time for `make bench` (the budget excludes start-up). */
	if (rc == ST_OK && getenv("ANSHIN_IR_BENCH") != NULL)
		fprintf(stderr, "bench: export_ms=%.1f\n",
		    (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	if (rc == ST_OK)
		rc = model_record_export(c->app->store, inc, out, app_by(c->app),
		    app_now(c->app), c->err, sizeof c->err);
	if (rc == ST_OK && inc->notices.total > 0 && o.kind == REPORT_DOC_NOTICE)
		printf(_("%zu letters, one a page: "), count);
	else if (rc == ST_OK && o.kind == REPORT_DOC_LABELS)
		printf(_("%zu labels, %d a sheet: "), count, o.sheet);
	if (rc == ST_OK && (o.kind == REPORT_DOC_LABELS ||
	    (inc->notices.total > 0 && o.kind == REPORT_DOC_NOTICE))) {
		cli_put_text(stdout, out, 0);
		putchar('\n');
	}
	incident_free(inc);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

/* ---- drills ---- */

static const struct drill *
find_drill(struct cli *c, const char *name)
{
	const struct drill *dr = drill_find(&c->app->data->drills, name);

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

	for (i = 0; i < c->app->data->drills.n; i++) {
		dr = &c->app->data->drills.v[i];
		printf("%s\t", dr->name);
		cli_put_text(stdout, tr_get(&dr->title, c->app->lang), 0);
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
	tmp.nvalues = c->app->data->form->nfields;
	tmp.values = xcalloc(tmp.nvalues, sizeof *tmp.values);
	for (i = 0; i < set->n; i++)
		if ((idx = form_field_index(c->app->data->form, set->v[i].key)) >= 0)
			tmp.values[idx] = set->v[i].value;
	model_evaluate(c->app->data, &tmp, &ev);
	for (i = 0; i < ids->n && rc == ST_OK; i++) {
		if (rules_action_find(c->app->data->rules, ids->v[i]) == NULL)
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
		return cli_fail(c, rc);
	rc = model_answers_parse(c->app->data, text, len, strcmp(c->opt[O_ANSWERS],
	    "-") == 0 ? "<stdin>" : c->opt[O_ANSWERS], MODEL_NO_CLOCK, &set,
	    c->err, sizeof c->err);
	free(text);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	split_ids(c->opt[O_ACTIONS], &ids);
	rc = check_drill_actions(c, &set, &ids);
	if (rc == ST_OK)
		rc = model_create(c->app->store, c->app->data, &set, dr->name, app_by(c->app),
		    app_now(c->app), &inc, c->err, sizeof c->err);
	for (i = 0; rc == ST_OK && i < ids.n; i++)
		rc = model_set_action(c->app->store, c->app->data, inc, ids.v[i],
		    ACTION_DONE, app_by(c->app), NULL, NULL, app_now(c->app), c->err,
		    sizeof c->err);
	if (rc == ST_OK)
		rc = model_drill_submit(c->app->store, c->app->data, inc, app_by(c->app), app_now(c->app),
		    c->err, sizeof c->err);
	if (rc == ST_OK)
		printf("%s\n", inc->ref);
	incident_free(inc);
	answer_set_free(&set);
	strv_free(&ids);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
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

	rc = store_list(c->app->store, STORE_LIST_ALL | STORE_LIST_DRILLS,
	    history_row, &h, c->err, sizeof c->err);
	printf("%s\t%s\t%s\t%s\t%s\n", _("date"), _("scenario"),
	    _("person"), _("score"), _("ref"));
	for (i = h.refs.n; rc == ST_OK && i-- > 0;) {
		rc = model_load(c->app->store, c->app->data, h.refs.v[i], &inc, c->err,
		    sizeof c->err);
		if (rc != ST_OK)
			break;
		if (model_drill_score(c->app->store, c->app->data, inc, &sc, by,
		    sizeof by, c->err, sizeof c->err) == ST_OK) {
			printf("%.16s\t%s\t", inc->created_at, inc->drill);
			cli_put_text(stdout, by, 0);
			printf("\t%d\t%s\n", sc.score, inc->ref);
			drill_score_free(&sc);
		}
		incident_free(inc);
	}
	strv_free(&h.refs);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

int
cli_cmd_drill(struct cli *c)
{
	const struct drill *dr;
	int rc;

	/* the history only reads; a run creates the database if need be */
	c->app->db_create = c->opt[O_HISTORY] == NULL;
	rc = c->opt[O_HISTORY] != NULL ? cli_need_store(c) : cli_need_data(c);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	if (c->opt[O_LIST] != NULL) {
		print_drill_list(c);
		return ST_OK;
	}
	if (c->opt[O_HISTORY] != NULL)
		return print_drill_history(c, c->narg > 0 ? c->arg[0] : NULL);
	if (c->opt[O_ACTIONS] != NULL && c->opt[O_ANSWERS] == NULL) {
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("--actions goes with --answers"));
		return cli_fail(c, ST_USAGE);
	}
	if (c->narg == 0 && c->opt[O_ANSWERS] != NULL) {
		err_set(c->err, sizeof c->err, ST_USAGE, _("--answers needs "
		    "a scenario: anshin-ir drill NAME --answers FILE (names: "
		    "anshin-ir drill --list)"));
		return cli_fail(c, ST_USAGE);
	}
	dr = NULL;
	if (c->narg > 0 && (dr = find_drill(c, c->arg[0])) == NULL)
		return cli_fail(c, ST_NOINPUT);
	if (c->opt[O_ANSWERS] != NULL) {
		rc = cli_need_store(c);
		return rc != ST_OK ? cli_fail(c, rc) : run_scripted_drill(c, dr);
	}
	rc = cli_need_store(c);
	if (rc == ST_OK)
		rc = tui_check_terminal(c->err, sizeof c->err);
	/* Without a name the trainee picks a scenario from the list. */
	return rc != ST_OK ? cli_fail(c, rc) :
	    tui_drill(c->app, dr != NULL ? dr->name : NULL);
}

int
cli_cmd_score(struct cli *c)
{
	struct drill_score sc;
	struct incident *inc;
	char by[64];
	size_t i;
	int rc = cli_load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = model_drill_score(c->app->store, c->app->data, inc, &sc, by, sizeof by,
	    c->err, sizeof c->err);
	incident_free(inc);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	printf("score=%d\n", sc.score);
	for (i = 0; i < sc.missed.n; i++)
		printf("missed=%s\n", sc.missed.v[i]);
	for (i = 0; i < sc.wrong.n; i++)
		printf("wrong=%s\n", sc.wrong.v[i]);
	drill_score_free(&sc);
	return ST_OK;
}

