/*
 * cli.c - the command line of docs/contract.md §1. One table declares each
 * command once (name, usage, arguments, options, handler, help) and drives
 * dispatch, option checking and --help, so help never drifts from what the
 * program accepts; option parsing, paths and language; the helpers the
 * handlers share. The handlers are in cli_view.c (commands that print) and
 * cli_act.c (commands that change). Only the command-line files turn
 * errors into exit codes and lines on stderr.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_int.h"
#include "deadline.h"
#include "i18n.h"
#include "model.h"
#include "store.h"
#include "text.h"
#include "tui/tui.h"

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
	[O_DOC] = { "doc", 0, 1 },
	[O_STAGE] = { "stage", 0, 1 },
	[O_VIA] = { "via", 0, 1 },
	[O_FROM] = { "from", 0, 1 },
	[O_ANSWER] = { "answer", 0, 1 },
	[O_FOLLOW_UP] = { "follow-up", 0, 0 },
	[O_ONLY] = { "only", 0, 1 },
	[O_SHEET] = { "sheet", 0, 1 },
	[O_INCIDENT] = { "incident", 0, 1 },
};

static const struct command *find_command(const char *name);
static void print_usage(FILE *fp, const struct cli *c);

/* Prints untrusted text to a terminal or file: control characters and
 * escape sequences never reach the user's terminal. */
void
cli_put_text(FILE *fp, const char *s, int keep_newlines)
{
	char *clean = text_sanitize(s != NULL ? s : "", keep_newlines);

	fputs(clean, fp);
	free(clean);
}

void
cli_put_tsv(FILE *fp, const char *s)
{
	char *e = text_escape_tsv(s != NULL ? s : "");

	fputs(e, fp);
	free(e);
}

void
cli_put_json(FILE *fp, const char *s)
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

/* Untrusted text cut to `cols` columns and padded to cols + 1: a column
 * of a text table. */
void
cli_pad(const char *s, size_t cols)
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

/* One record of a machine format: a tsv line, or a json object after
 * a comma unless it is the first. */
void
cli_put_record(const char *const *names, const char *const *values, int n,
    int json, int first)
{
	int i;

	if (json)
		printf("%s\n{", first ? "" : ",");
	for (i = 0; i < n; i++) {
		if (json) {
			printf("%s\"%s\":", i ? "," : "", names[i]);
			cli_put_json(stdout, values[i]);
		} else {
			if (i)
				putchar('\t');
			cli_put_tsv(stdout, values[i]);
		}
	}
	putchar(json ? '}' : '\n');
}

int
cli_fail(struct cli *c, int code)
{
	fprintf(stderr, "anshin-ir: ");
	cli_put_text(stderr, c->err, 1);
	fputc('\n', stderr);
	return code;
}

int
cli_need_data(struct cli *c)
{
	return app_data(c->app, c->err, sizeof c->err);
}

int
cli_need_store(struct cli *c)
{
	return app_store(c->app, c->err, sizeof c->err);
}

int
cli_load_incident(struct cli *c, const char *ref, struct incident **inc)
{
	int rc = cli_need_store(c);

	if (rc != ST_OK)
		return rc;
	return model_load(c->app->store, c->app->data, ref, inc, c->err, sizeof c->err);
}

const char *
cli_format(struct cli *c, int *ok)
{
	const char *f = c->opt[O_FORMAT] != NULL ? c->opt[O_FORMAT] : "text";

	*ok = strcmp(f, "text") == 0 || strcmp(f, "tsv") == 0 ||
	    strcmp(f, "json") == 0;
	if (!*ok)
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("unknown --format '%s' (expected text, tsv or json)"), f);
	return f;
}

void
cli_format_date(long day, char out[11])
{
	if (day < 0)
		out[0] = '\0';
	else
		jtime_format_date(day, out);
}

/* "(3 days left)", "(due today)", "(2 days overdue)" */
void
cli_print_days_left(FILE *fp, long due, long today)
{
	long d = due - today;

	if (d > 0)
		fprintf(fp, _(" (%ld days left)"), d);
	else if (d == 0)
		fputs(_(" (due today)"), fp);
	else
		fprintf(fp, _(" (OVERDUE by %ld days)"), -d);
}

/* An action's detail with the facility's contacts filled in. */
char *
cli_expand_detail(struct cli *c, const struct incident *inc, const char *text)
{
	return model_expand_detail(c->app->data, inc, text, c->app->lang,
	    _("not set"), &c->contacts_unset);
}

/* ---- check-data, interactive ---- */

static int
cli_cmd_check_data(struct cli *c)
{
	if (c->narg > 0) {
		free(c->app->data_dir);
		c->app->data_dir = xstrdup(c->arg[0]);
	}
	if (cli_need_data(c) != ST_OK)
		return cli_fail(c, ST_CONFIG);
	printf(_("ok: %s: %zu pages, %zu fields, %zu defines, %zu actions, "
	    "%zu drills\n"), c->app->data_dir, c->app->data->form->npages,
	    c->app->data->form->nfields, c->app->data->rules->ndefines,
	    c->app->data->rules->nactions, c->app->data->drills.n);
	return ST_OK;
}

static int
cli_cmd_resume(struct cli *c)
{
	struct incident *inc;
	int rc = cli_load_incident(c, c->arg[0], &inc);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	incident_free(inc);
	rc = tui_check_terminal(c->err, sizeof c->err);
	return rc != ST_OK ? cli_fail(c, rc) : tui_resume(c->app, c->arg[0]);
}

static int
cli_cmd_home(struct cli *c)
{
	int rc = cli_need_store(c);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = tui_check_terminal(c->err, sizeof c->err);
	return rc != ST_OK ? cli_fail(c, rc) : tui_home(c->app);
}

/* `settings`: the screen of the facility profile and contacts. */
static int
cli_cmd_settings(struct cli *c)
{
	int rc = cli_need_store(c);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = tui_check_terminal(c->err, sizeof c->err);
	return rc != ST_OK ? cli_fail(c, rc) : tui_settings(c->app);
}

static int
cli_cmd_help(struct cli *c)
{
	const struct command *cmd = c->narg > 0 ? find_command(c->arg[0]) : NULL;

	/* `help keys`: the screens' keys, from the table the screens use. */
	if (c->narg > 0 && strcmp(c->arg[0], "keys") == 0) {
		tui_keys_print(c->app->lang);
		return ST_OK;
	}
	if (c->narg > 0 && cmd == NULL) {
		err_set(c->err, sizeof c->err, ST_USAGE,
		    _("unknown command '%s' (see 'anshin-ir --help')"),
		    c->arg[0]);
		return cli_fail(c, ST_USAGE);
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
	    OPT(O_ANSWERS) | OPT(O_BY), cli_cmd_new,
	    N_("start the wizard on a new incident, or create one from an "
	    "answers file and print its reference"), 1 },
	{ "resume", "REF [--by NAME]", 1, 1, OPT(O_BY), cli_cmd_resume,
	    N_("continue the wizard at the first unanswered required field"), 0 },
	{ "set", "REF KEY=VALUE... [--by NAME]", 2, 1000, OPT(O_BY), cli_cmd_set,
	    N_("change answers (KEY= clears one); each change is a timeline "
	    "event"), 0 },
	{ "list", "[--all] [--drills] [--overdue] [--format text|tsv|json]",
	    0, 0, OPT(O_ALL) | OPT(O_DRILLS) | OPT(O_OVERDUE) | OPT(O_FORMAT),
	    cli_cmd_list, N_("incidents, newest first; --overdue exits 1 when an "
	    "open action is overdue"), 0 },
	{ "show", "REF", 1, 1, 0, cli_cmd_show,
	    N_("readable summary: 5W1H, volume, protection, assessment, "
	    "checklist"), 0 },
	{ "answers", "REF", 1, 1, 0, cli_cmd_answers,
	    N_("print the answers as an answers file"), 0 },
	{ "assess", "REF", 1, 1, 0, cli_cmd_assess,
	    N_("legal assessment as key=value lines"), 0 },
	{ "checklist", "REF [--format text|tsv|json]", 1, 1, OPT(O_FORMAT),
	    cli_cmd_checklist, N_("required actions with phase, status and due "
	    "date"), 0 },
	{ "done", "REF ACTION [--by NAME] [--at TIME] [--note TEXT]", 2, 2,
	    OPT(O_BY) | OPT(O_AT) | OPT(O_NOTE), cli_cmd_done,
	    N_("mark an action done"), 0 },
	{ "skip", "REF ACTION --reason TEXT [--by NAME]", 2, 2,
	    OPT(O_REASON) | OPT(O_BY), cli_cmd_skip,
	    N_("mark an action not applicable, with the reason"), 0 },
	{ "reopen-action", "REF ACTION [--by NAME]", 2, 2, OPT(O_BY),
	    cli_cmd_reopen_action, N_("set an action back to open"), 0 },
	{ "note", "REF TEXT [--by NAME]", 2, 2, OPT(O_BY), cli_cmd_note,
	    N_("add a note to the timeline"), 0 },
	{ "timeline", "REF [--format text|tsv|json]", 1, 1, OPT(O_FORMAT),
	    cli_cmd_timeline, N_("all events, oldest first"), 0 },
	{ "close", "REF --measures TEXT [--by NAME]", 1, 1,
	    OPT(O_MEASURES) | OPT(O_BY), cli_cmd_close,
	    N_("close the incident with its recurrence-prevention measures"), 0 },
	{ "reopen", "REF [--by NAME]", 1, 1, OPT(O_BY), cli_cmd_reopen,
	    N_("reopen a closed incident"), 0 },
	{ "export", "REF -o FILE.pdf [--doc report|ppc|notice|announcement|"
	    "labels] [--stage preliminary|final] [--only unsent] [--sheet "
	    "12|24]", 1, 1, OPT(O_OUTPUT) | OPT(O_BY) | OPT(O_DOC) |
	    OPT(O_STAGE) | OPT(O_ONLY) | OPT(O_SHEET), cli_cmd_export,
	    N_("write a PDF (Japanese or English by --lang): the incident "
	    "report (default), the PPC report draft (ppc), the letter to the "
	    "individuals, one per recipient (notice), the public notice "
	    "(announcement) or address labels for the recipients (labels); "
	    "--only unsent: the recipients not yet sent a notice or whose "
	    "letter came back"), 0 },
	{ "notices", "REF import FILE.csv | list [--format text|tsv|json] | "
	    "mark ID... sent|returned|reached|unreachable [--via "
	    "letter|email|phone|in_person] [--at TIME] [--note TEXT] [--by "
	    "NAME] | enquiry TEXT [--from NAME] [--answer TEXT] [--follow-up] "
	    "[--at TIME] [--by NAME] | enquiries [--format text|tsv|json]", 2,
	    100002, OPT(O_BY) | OPT(O_AT) | OPT(O_NOTE) | OPT(O_FORMAT) |
	    OPT(O_VIA) | OPT(O_FROM) | OPT(O_ANSWER) | OPT(O_FOLLOW_UP),
	    cli_cmd_notices, N_("the individuals to notify: import them from "
	    "a CSV file (UTF-8 or Shift_JIS), list them, mark each notice "
	    "sent, returned, reached or unreachable, log the enquiries that "
	    "follow and list them; the timeline names each person by id "
	    "only"), 0 },
	{ "drill", "[--list | --history [NAME] | [NAME] [--by NAME] | NAME "
	    "--answers FILE [--actions ID,ID...] [--by NAME]]", 0, 1,
	    OPT(O_LIST) | OPT(O_HISTORY) | OPT(O_ANSWERS) | OPT(O_ACTIONS) |
	    OPT(O_BY), cli_cmd_drill,
	    N_("training drill: list the scenarios, play one in the wizard, "
	    "run one from an answers file, or show past runs"), 1 },
	{ "score", "REF", 1, 1, 0, cli_cmd_score,
	    N_("a drill run's score (0-100) with missed actions and wrong "
	    "answers"), 0 },
	{ "verify", "REF [--at N]", 1, 1, OPT(O_AT), cli_cmd_verify,
	    N_("check the record against its timeline's hash chain: prints "
	    "ok, the number of events and the last hash (--at N: the hash of "
	    "event N, as a PDF printed then shows it), or what was altered "
	    "and exits 1"), 0 },
	{ "card", "-o FILE.pdf", 0, 0, OPT(O_OUTPUT), cli_cmd_card,
	    N_("write the one-page first-response card to print and pin up: "
	    "the facility's contacts and the first steps per kind of "
	    "incident"), 0 },
	{ "device", "add ID KEY=VALUE... | set ID KEY=VALUE... | list "
	    "[--format text|tsv|json] | show ID | retire ID | lost ID "
	    "--incident REF | export -o FILE.pdf | verify", 1, 1000,
	    OPT(O_FORMAT) | OPT(O_OUTPUT) | OPT(O_BY) | OPT(O_INCIDENT),
	    cli_cmd_device, N_("the device ledger: each device or medium "
	    "taken out, its protection and approval, the gaps against the "
	    "facility guide; every change is an event of the ledger's own "
	    "timeline"), 0 },
	{ "settings", "", 0, 0, 0, cli_cmd_settings,
	    N_("fill in the facility profile and contacts on a screen; it "
	    "writes your contacts.conf"), 1 },
	{ "check-data", "[DIR]", 0, 1, 0, cli_cmd_check_data,
	    N_("validate forms, rules, holidays, drills and contacts"), 0 },
	{ "help", "[COMMAND | keys]", 0, 1, 0, cli_cmd_help,
	    N_("show help for all commands or one; keys: the keys of every "
	    "screen"), 0 },
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
			return cli_option_misplaced(c, i, cmd != NULL ?
			    cmd->name : "");
	if (cmd == NULL && c->narg > 0)
		return err_set(c->err, sizeof c->err, ST_USAGE,
		    _("unexpected argument '%s'"), c->arg[0]);
	if (cmd != NULL && (c->narg < cmd->min_args ||
	    c->narg > cmd->max_args))
		return err_set(c->err, sizeof c->err, ST_USAGE,
		    _("usage: anshin-ir %s %s"), cmd->name, cmd->usage);
	return ST_OK;
}

int
cli_option_misplaced(struct cli *c, int opt, const char *where)
{
	return err_set(c->err, sizeof c->err, ST_USAGE,
	    _("option --%s does not apply to '%s'"), optdefs[opt].name, where);
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

/* docs/contract.md §1 order, then two places relative to the binary: a staged
 * or moved install (PREFIX/share/anshin-ir) and the source tree (build/..). */
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
	c->app->lang = l != NULL && strcmp(l, "en") == 0 ? LANG_EN :
	    l != NULL && strcmp(l, "ja") == 0 ? LANG_JA : lang_from_env();
	/* gettext reads LANGUAGE first; it ignores it only in the "C"
	 * locale, which main() has already replaced by C.UTF-8. */
	setenv("LANGUAGE", c->app->lang == LANG_EN ? "en" : "ja", 1);
	c->app->locale_dir = find_locale_dir();
	bindtextdomain("anshin-ir", c->app->locale_dir);
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
	if (c->opt[O_DB] != NULL && *c->opt[O_DB] == '\0')
		return err_set(c->err, sizeof c->err, ST_USAGE,
		    _("--db needs a path (an empty one is not the default)"));
	c->app->data_dir = cli_find_data_dir(c->opt[O_DATA_DIR]);
	db = c->opt[O_DB] != NULL ? xstrdup(c->opt[O_DB]) :
	    store_default_path();
	c->app->db_path = db;
	c->app->by = c->opt[O_BY] != NULL && *c->opt[O_BY] != '\0' ?
	    c->opt[O_BY] : NULL;
	if (db == NULL)
		return err_set(c->err, sizeof c->err, ST_CANTCREAT,
		    _("no home directory to keep the database in; give "
		    "--db PATH or set ANSHIN_IR_DB"));
	return ST_OK;
}

int
cli_main(struct app *app, int argc, char **argv)
{
	const struct command *cmd;
	struct cli c;
	int rc;

	memset(&c, 0, sizeof c);
	c.app = app;
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
		rc = cli_cmd_help(&c);
	} else if (rc == ST_OK) {
		/* the home screen offers "new incident": it may create */
		app->db_create = cmd == NULL || cmd->creates;
		rc = check_command_args(&c, cmd);
		if (rc == ST_OK)
			rc = cmd != NULL ? cmd->run(&c) : cli_cmd_home(&c);
		else
			cli_fail(&c, rc);
	} else
		cli_fail(&c, rc);
	free(c.arg);
	return rc;
}
