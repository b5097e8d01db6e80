/*
 * cli_prepare.c - the commands of preparing before anything happens:
 * `card`, the first-response card to pin up, and `device`, the device
 * ledger (持ち出し台帳): add, set, list, show, retire, lost, export and
 * verify; and the ledger entry of an incident as `show` prints it. Every
 * change goes through ledger.h, which records it in the ledger's own
 * timeline.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "contract.h"
#include "i18n.h"
#include "ledger.h"
#include "report/report.h"
#include "text.h"

/* ---- reading -------------------------------------------------------- */

/* The KEY=VALUE arguments from c->arg[from] on. */
static int
read_values(struct cli *c, int from, struct answer_set *out)
{
	int i, rc = ST_OK;

	memset(out, 0, sizeof *out);
	for (i = from; i < c->narg && rc == ST_OK; i++)
		rc = ledger_read_assignment(c->app->data, c->arg[i],
		    app_now(c->app), out, c->err, sizeof c->err);
	if (rc != ST_OK)
		answer_set_free(out);
	return rc;
}

/* The subcommand's arguments: `want` after the subcommand, or at least
 * `want` with `more`. */
static int
need_args(struct cli *c, int want, int more, const char *usage)
{
	if (c->narg - 1 == want || (more && c->narg - 1 > want))
		return ST_OK;
	return err_set(c->err, sizeof c->err, ST_USAGE,
	    _("usage: anshin-ir device %s"), usage);
}

/* The PDF's options: -o is required. */
static int
pdf_opts(struct cli *c, const char *cmd, struct report_opts *o)
{
	memset(o, 0, sizeof *o);
	o->lang = c->app->lang;
	o->now = app_now(c->app);
	if (c->opt[O_OUTPUT] != NULL && *c->opt[O_OUTPUT] != '\0')
		return ST_OK;
	return err_set(c->err, sizeof c->err, ST_USAGE, _("%s needs -o "
	    "FILE.pdf"), cmd);
}

/* ---- printing --------------------------------------------------------- */

static void
put_gaps_text(struct cli *c, unsigned gaps)
{
	char *w = ledger_gaps_words(gaps, c->app->lang, c->app->lang == LANG_JA ?
	    "、" : ", ");

	fputs(*w != '\0' ? w : _("none"), stdout);
	free(w);
}

static void
put_value(struct cli *c, const struct ledger_device *dev, enum ledger_key k)
{
	cli_put_text(stdout, ledger_value_text(c->app->data, k,
	    dev->values[k], c->app->lang), 0);
}

static void
list_text(struct cli *c, const struct ledger_device *dev, long today)
{
	static const enum ledger_key shown[] = { LK_TYPE, LK_OWNER, LK_HOLDER,
	    LK_APPROVED_UNTIL };
	size_t i;

	cli_put_text(stdout, dev->id, 0);
	printf("  [%s%s%s]", ledger_state_text(dev->state, c->app->lang),
	    dev->incident != NULL && dev->state == LEDGER_LOST ? " " : "",
	    dev->incident != NULL && dev->state == LEDGER_LOST ?
	    dev->incident : "");
	for (i = 0; i < sizeof shown / sizeof shown[0]; i++) {
		if (dev->values[shown[i]] == NULL)
			continue;
		fputs("  ", stdout);
		if (shown[i] == LK_APPROVED_UNTIL)
			printf("%s ", ledger_key_label(c->app->data,
			    LK_APPROVED_UNTIL, c->app->lang));
		put_value(c, dev, shown[i]);
	}
	printf("\n    %s: ", _("Gaps"));
	put_gaps_text(c, ledger_gaps(dev, today));
	putchar('\n');
}

static void
list_tsv(const struct ledger_device *dev, long today)
{
	char *gaps = ledger_gaps_ids(ledger_gaps(dev, today));
	int k;

	printf("%s\t%s\t", dev->id, ledger_state_name(dev->state));
	cli_put_tsv(stdout, dev->incident);
	for (k = 0; k < LK_COUNT; k++) {
		putchar('\t');
		cli_put_tsv(stdout, dev->values[k]);
	}
	printf("\t%s\n", gaps);
	free(gaps);
}

static void
list_json(const struct ledger_device *dev, long today, int first)
{
	unsigned gaps = ledger_gaps(dev, today);
	int k, g, n = 0;

	printf("%s\n{\"id\":", first ? "" : ",");
	cli_put_json(stdout, dev->id);
	printf(",\"state\":\"%s\",\"incident\":",
	    ledger_state_name(dev->state));
	cli_put_json(stdout, dev->incident);
	for (k = 0; k < LK_COUNT; k++) {
		printf(",\"%s\":", ledger_keys[k]);
		cli_put_json(stdout, dev->values[k]);
	}
	fputs(",\"gaps\":[", stdout);
	for (g = 0; g < GAP_COUNT; g++)
		if (gaps & (1u << g))
			printf("%s\"%s\"", n++ ? "," : "",
			    ledger_gap_id((enum ledger_gap)g));
	fputs("]}", stdout);
}

/* After the list: the devices out on an approval that has run out. */
static void
list_expired(struct cli *c, const struct ledger *l, long today)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].state != LEDGER_ACTIVE ||
		    !ledger_approval_expired(&l->v[i], today))
			continue;
		if (n++ == 0)
			printf("\n%s:\n", _("Approval to take out has expired"));
		printf("  ");
		cli_put_text(stdout, l->v[i].id, 0);
		printf("  %s", l->v[i].values[LK_APPROVED_UNTIL]);
		if (l->v[i].values[LK_HOLDER] != NULL) {
			fputs("  ", stdout);
			put_value(c, &l->v[i], LK_HOLDER);
		}
		putchar('\n');
	}
}

static int
device_list(struct cli *c, const char *fmt)
{
	long today = jtime_day(app_now(c->app));
	struct ledger l;
	size_t i;
	int k, rc = ledger_load_all(c->app->store, &l, c->err, sizeof c->err);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	if (strcmp(fmt, "tsv") == 0) {
		fputs("id\tstate\tincident", stdout);
		for (k = 0; k < LK_COUNT; k++)
			printf("\t%s", ledger_keys[k]);
		fputs("\tgaps\n", stdout);
	} else if (strcmp(fmt, "json") == 0)
		putchar('[');
	else if (l.n == 0)
		printf("%s\n", _("The device ledger is empty (add one with "
		    "'anshin-ir device add ID KEY=VALUE...')."));
	for (i = 0; i < l.n; i++) {
		if (strcmp(fmt, "tsv") == 0)
			list_tsv(&l.v[i], today);
		else if (strcmp(fmt, "json") == 0)
			list_json(&l.v[i], today, i == 0);
		else
			list_text(c, &l.v[i], today);
	}
	if (strcmp(fmt, "json") == 0)
		printf("%s]\n", l.n ? "\n" : "");
	else if (strcmp(fmt, "text") == 0)
		list_expired(c, &l, today);
	ledger_free(&l);
	return ST_OK;
}

/* ---- show ------------------------------------------------------------- */

static void
show_values(struct cli *c, const struct ledger_device *dev)
{
	int k;

	for (k = 0; k < LK_COUNT; k++) {
		printf("%s: ", ledger_key_label(c->app->data, (enum ledger_key)k,
		    c->app->lang));
		if (dev->values[k] != NULL)
			put_value(c, dev, (enum ledger_key)k);
		else
			fputs(_("not recorded"), stdout);
		putchar('\n');
	}
}

static void
history_event(void *ud, const struct store_ledger_event *ev)
{
	(void)ud;
	printf("%.19s  %-8s ", ev->at, ev->kind);
	cli_put_text(stdout, ev->key != NULL ? ev->key : "", 0);
	fputs(ev->key != NULL ? "  " : "", stdout);
	cli_put_text(stdout, ev->old != NULL ? ev->old : "", 0);
	fputs(" -> ", stdout);
	cli_put_text(stdout, ev->new_ != NULL ? ev->new_ : "", 0);
	fputs("  ", stdout);
	cli_put_text(stdout, ev->by, 0);
	putchar('\n');
}

static int
device_show(struct cli *c, const char *id)
{
	struct ledger_device dev;
	int rc = ledger_load(c->app->store, id, &dev, c->err, sizeof c->err);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	printf("%s ", _("Device"));
	cli_put_text(stdout, dev.id, 0);
	printf("  [%s]\n", ledger_state_text(dev.state, c->app->lang));
	if (dev.state == LEDGER_LOST && dev.incident != NULL)
		printf("%s: %s\n", _("Lost in incident"), dev.incident);
	show_values(c, &dev);
	printf("%s: ", _("Gaps"));
	put_gaps_text(c, ledger_gaps(&dev, jtime_day(app_now(c->app))));
	printf("\n\n== %s ==\n", _("Ledger timeline"));
	rc = ledger_events(c->app->store, dev.id, history_event, NULL, c->err,
	    sizeof c->err);
	ledger_device_clear(&dev);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

/* ---- changes ---------------------------------------------------------- */

static int
device_change(struct cli *c, const char *sub)
{
	struct answer_set v;
	const char *id = c->arg[1];
	int rc = read_values(c, 2, &v);

	if (rc != ST_OK)
		return cli_fail(c, rc);
	if (strcmp(sub, "add") == 0)
		rc = ledger_add(c->app->store, id, &v, app_by(c->app),
		    app_now(c->app), c->err, sizeof c->err);
	else
		rc = ledger_set(c->app->store, id, &v, app_by(c->app),
		    app_now(c->app), c->err, sizeof c->err);
	answer_set_free(&v);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

static int
device_lost(struct cli *c)
{
	const char *ref = c->opt[O_INCIDENT];
	struct incident *inc;
	int rc;

	if (ref == NULL || *ref == '\0') {
		err_set(c->err, sizeof c->err, ST_USAGE, _("device lost needs "
		    "--incident REF (the incident it was lost in)"));
		return cli_fail(c, ST_USAGE);
	}
	if ((rc = cli_load_incident(c, ref, &inc)) != ST_OK)
		return cli_fail(c, rc);
	rc = ledger_lost(c->app->store, c->app->data, c->arg[1], inc,
	    app_by(c->app), NULL, NULL, app_now(c->app), c->err,
	    sizeof c->err);
	incident_free(inc);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

static int
device_export(struct cli *c)
{
	struct report_opts o;
	int rc;

	if (pdf_opts(c, "device export", &o) != ST_OK)
		return cli_fail(c, ST_USAGE);
	rc = report_ledger_write(c->app->data, c->app->store, &o,
	    c->opt[O_OUTPUT], c->err, sizeof c->err);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

static int
device_verify(struct cli *c)
{
	struct chain_report v;
	int rc = ledger_verify(c->app->store, &v, c->err, sizeof c->err);

	return rc != ST_OK ? cli_fail(c, rc) : cli_print_chain(c, &v, 0,
	    _("the device ledger"));
}

/* ---- an incident's entry (show) ---------------------------------------- */

void
cli_print_ledger_entry(struct cli *c, const struct incident *inc)
{
	struct ledger_device dev;
	char at[26], msg[256];
	int k;

	if (incident_value(c->app->data, inc, FIELD_DEVICE) == NULL)
		return;
	printf("\n== %s ==\n", _("Device ledger"));
	if (ledger_entry_for(c->app->store, c->app->data, inc, app_now(c->app),
	    &dev, at, msg, sizeof msg) != ST_OK) {
		cli_put_text(stdout, msg, 0);
		putchar('\n');
		return;
	}
	cli_put_text(stdout, dev.id, 0);
	printf("  [%s%s%s]\n", ledger_state_text(dev.state, c->app->lang),
	    dev.state == LEDGER_LOST ? " " : "", dev.state == LEDGER_LOST &&
	    dev.incident != NULL ? dev.incident : "");
	if (at[0] != '\0')
		printf(_("As recorded in the ledger at %.16s:\n"), at);
	else
		printf("%s\n", _("Not in the ledger at the time of the loss; "
		    "as recorded now:"));
	for (k = 0; k < LK_COUNT; k++)
		if (dev.values[k] != NULL) {
			printf("  %s: ", ledger_key_label(c->app->data,
			    (enum ledger_key)k, c->app->lang));
			put_value(c, &dev, (enum ledger_key)k);
			putchar('\n');
		}
	printf("  %s: ", _("Gaps"));
	put_gaps_text(c, ledger_gaps(&dev, jtime_day(app_now(c->app))));
	putchar('\n');
	ledger_device_clear(&dev);
}

/* ---- the card ------------------------------------------------------------- */

int
cli_cmd_card(struct cli *c)
{
	struct report_opts o;
	int rc;

	if (pdf_opts(c, "card", &o) != ST_OK)
		return cli_fail(c, ST_USAGE);
	if ((rc = cli_need_data(c)) != ST_OK)
		return cli_fail(c, rc);
	rc = report_card_write(c->app->data, &o, c->opt[O_OUTPUT], c->err,
	    sizeof c->err);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}

/* ---- dispatch --------------------------------------------------------- */

struct sub {
	const char *name, *usage;
	int args, more;			/* arguments after the name */
	unsigned opts;			/* besides --by */
	int writes;			/* may create the database */
};

static const struct sub subs[] = {
	{ "add", "add ID KEY=VALUE...", 1, 1, 0, 1 },
	{ "set", "set ID KEY=VALUE...", 2, 1, 0, 0 },
	{ "list", "list [--format text|tsv|json]", 0, 0, OPT(O_FORMAT), 0 },
	{ "show", "show ID", 1, 0, 0, 0 },
	{ "retire", "retire ID", 1, 0, 0, 0 },
	{ "lost", "lost ID --incident REF", 1, 0, OPT(O_INCIDENT), 0 },
	{ "export", "export -o FILE.pdf", 0, 0, OPT(O_OUTPUT), 0 },
	{ "verify", "verify", 0, 0, 0, 0 },
};

static const struct sub *
find_sub(struct cli *c)
{
	size_t i;

	for (i = 0; i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(subs[i].name, c->arg[0]) == 0)
			return &subs[i];
	err_set(c->err, sizeof c->err, ST_USAGE, _("unknown device command "
	    "'%s' (expected add, set, list, show, retire, lost, export or "
	    "verify)"), c->arg[0]);
	return NULL;
}

static int
check_sub(struct cli *c, const struct sub *s)
{
	static const int opts[] = { O_FORMAT, O_INCIDENT, O_OUTPUT };
	size_t i;

	for (i = 0; i < sizeof opts / sizeof opts[0]; i++)
		if (c->opt[opts[i]] != NULL && !(s->opts & OPT(opts[i])))
			return err_set(c->err, sizeof c->err, ST_USAGE,
			    _("this option does not apply to 'device %s'"),
			    s->name);
	return need_args(c, s->args, s->more, s->usage);
}

int
cli_cmd_device(struct cli *c)
{
	const struct sub *s = find_sub(c);
	const char *fmt = "text";
	int ok, rc;

	if (s == NULL || check_sub(c, s) != ST_OK)
		return cli_fail(c, ST_USAGE);
	if (c->opt[O_FORMAT] != NULL && (fmt = cli_format(c, &ok), !ok))
		return cli_fail(c, ST_USAGE);
	/* preparing starts with the ledger: adding may create the
	 * database; reading needs one (docs/contract.md §1) */
	c->app->db_create = s->writes;
	if ((rc = cli_need_store(c)) != ST_OK)
		return cli_fail(c, rc);
	if (strcmp(s->name, "list") == 0)
		return device_list(c, fmt);
	if (strcmp(s->name, "show") == 0)
		return device_show(c, c->arg[1]);
	if (strcmp(s->name, "retire") == 0) {
		rc = ledger_retire(c->app->store, c->arg[1], app_by(c->app),
		    app_now(c->app), c->err, sizeof c->err);
		return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
	}
	if (strcmp(s->name, "lost") == 0)
		return device_lost(c);
	if (strcmp(s->name, "export") == 0)
		return device_export(c);
	if (strcmp(s->name, "verify") == 0)
		return device_verify(c);
	return device_change(c, s->name);
}
