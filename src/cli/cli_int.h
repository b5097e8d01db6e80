/*
 * cli_int.h - what the command-line files share: the parsed command line,
 * the helpers every command uses (printing untrusted text safely, errors,
 * opening the data and the database) and the command handlers that the
 * table in cli.c dispatches to.
 */
#ifndef ANSHIN_CLI_INT_H
#define ANSHIN_CLI_INT_H

#include <stdio.h>

#include "cli.h"
#include "model.h"
#include "store.h"

enum opt_id {
	O_DB, O_DATA_DIR, O_LANG, O_HELP, O_VERSION,
	O_BY, O_AT, O_NOTE, O_REASON, O_MEASURES, O_FORMAT, O_ANSWERS,
	O_ALL, O_DRILLS, O_OVERDUE, O_OUTPUT, O_ACTIONS, O_LIST, O_HISTORY,
	O_DOC, O_STAGE, O_VIA, O_FROM, O_ANSWER, O_FOLLOW_UP, O_ONLY, O_SHEET,
	O_INCIDENT, O_COUNT
};

#define GLOBAL_OPTS ((1u << O_DB) | (1u << O_DATA_DIR) | (1u << O_LANG) | \
	(1u << O_HELP) | (1u << O_VERSION))
#define OPT(x) (1u << (x))

struct cli {
	struct app *app;
	const char *opt[O_COUNT];	/* value, or "" for a given flag */
	char **arg;			/* positional arguments after the command */
	int narg;
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
	int creates;			/* may create the database */
};

void cli_put_text(FILE *fp, const char *s, int keep_newlines);
void cli_put_tsv(FILE *fp, const char *s);
void cli_put_json(FILE *fp, const char *s);
void cli_pad(const char *s, size_t cols);
void cli_put_record(const char *const *names, const char *const *values, int n,
    int json, int first);
int cli_fail(struct cli *c, int code);
/* ST_USAGE: "option --X does not apply to 'WHERE'". */
int cli_option_misplaced(struct cli *c, int opt, const char *where);
int cli_need_data(struct cli *c);
int cli_need_store(struct cli *c);
int cli_load_incident(struct cli *c, const char *ref, struct incident **inc);
const char *cli_format(struct cli *c, int *ok);
void cli_format_date(long day, char out[11]);
void cli_print_days_left(FILE *fp, long due, long today);
char *cli_expand_detail(struct cli *c, const struct incident *inc,
    const char *text);
/* verify's output: ok, events=N, head=HEX (as of event `at` when > 0),
 * or what is broken and ST_REFUSED; `what` names the record. */
int cli_print_chain(struct cli *c, const struct chain_report *v, long at,
    const char *what);
/* show's section on the incident's device in the ledger (cli_device.c). */
void cli_print_ledger_entry(struct cli *c, const struct incident *inc);

int cli_cmd_answers(struct cli *c);
int cli_cmd_assess(struct cli *c);
int cli_cmd_checklist(struct cli *c);
int cli_cmd_show(struct cli *c);
int cli_cmd_timeline(struct cli *c);
int cli_cmd_list(struct cli *c);
int cli_cmd_verify(struct cli *c);
int cli_cmd_new(struct cli *c);
int cli_cmd_set(struct cli *c);
int cli_cmd_done(struct cli *c);
int cli_cmd_skip(struct cli *c);
int cli_cmd_reopen_action(struct cli *c);
int cli_cmd_note(struct cli *c);
int cli_cmd_close(struct cli *c);
int cli_cmd_reopen(struct cli *c);
int cli_cmd_export(struct cli *c);
int cli_cmd_drill(struct cli *c);
int cli_cmd_score(struct cli *c);
int cli_cmd_notices(struct cli *c);
int cli_cmd_device(struct cli *c);
int cli_cmd_card(struct cli *c);

#endif
