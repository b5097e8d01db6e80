/*
 * cli_notice.c - `notices REF import|list|mark|enquiry|enquiries`: the
 * individuals to notify, the marks of their notices and the enquiries
 * (docs/contract.md §1, man 1 anshin-ir NOTICES). `list` and `enquiries`
 * are the only commands that print the recipients' names and contacts;
 * everything else, messages included, names a recipient by its id.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "i18n.h"
#include "text.h"

struct sub {
	const char *name;
	int min_args, max_args;		/* after REF and the subcommand */
	unsigned opts;
	int (*run)(struct cli *c, struct incident *inc);
};

/* ---- import ---------------------------------------------------------- */

static int
sub_import(struct cli *c, struct incident *inc)
{
	const char *path = c->arg[2];
	struct model_notice_import res;
	struct notice_list rows;
	enum charset which;
	char *data;
	size_t len;
	int rc;

	rc = util_read_file(path, &data, &len, c->err, sizeof c->err);
	if (rc != ST_OK)
		return rc;
	rc = notice_csv_parse(data, len, path, &rows, &which, c->err,
	    sizeof c->err);
	free(data);
	if (rc != ST_OK)
		return rc;
	rc = model_notice_import(c->app->store, c->app->data, inc, &rows, path,
	    app_by(c->app), app_now(c->app), &res, c->err, sizeof c->err);
	notice_list_free(&rows);
	if (rc != ST_OK)
		return rc;
	cli_put_text(stdout, path, 0);
	printf(_(": %d recipients (%s): %d added, %d changed, %d removed\n"),
	    res.total, charset_name(which), res.added, res.changed,
	    res.removed);
	return ST_OK;
}

/* ---- list ---------------------------------------------------------------- */

/* Around the records of a machine format: tsv's header, json's brackets. */
static void
listing_start(const char *fmt, const char *tsv_header)
{
	if (strcmp(fmt, "tsv") == 0)
		printf("%s\n", tsv_header);
	else if (strcmp(fmt, "json") == 0)
		putchar('[');
}

static void
listing_end(const char *fmt, size_t n)
{
	if (strcmp(fmt, "json") == 0)
		printf("%s]\n", n ? "\n" : "");
}

static const char *
last_mark_name(const struct notice_recipient *r)
{
	int m = notice_last(r);

	return m >= 0 ? notice_mark_name((enum notice_mark)m) : "";
}

static const struct notice_mark_rec *
last_mark(const struct notice_recipient *r)
{
	return r->nmarks > 0 ? &r->marks[r->nmarks - 1] : NULL;
}

static void
list_machine(const struct notice_recipient *r, int json, int first)
{
	const struct notice_mark_rec *k = last_mark(r);
	const char *f[10] = { r->id, r->name, r->postal_code, r->address,
		r->email, r->phone, r->note, last_mark_name(r),
		k != NULL ? k->at : NULL, k != NULL && k->via >= 0 ?
		notice_via_name((enum notice_via)k->via) : NULL };
	static const char *const names[10] = { "id", "name", "postal_code",
		"address", "email", "phone", "note", "mark", "at", "via" };

	cli_put_record(names, f, 10, json, first);
}

/* "sent 2026-10-05 by letter", or "not yet sent". */
static char *
mark_text(const struct cli *c, const struct notice_recipient *r)
{
	const struct notice_mark_rec *k = last_mark(r);

	if (k == NULL)
		return xstrdup(_("not yet sent"));
	return xasprintf("%s %.10s%s%s", notice_mark_label(k->mark,
	    c->app->lang), k->at, k->via >= 0 ? " " : "", k->via >= 0 ?
	    notice_via_label((enum notice_via)k->via, c->app->lang) : "");
}

/* Two lines a person, to read at 80 columns: the id, the name and the
 * last mark, then the address (or the e-mail or phone) in full. */
static void
list_text(const struct cli *c, const struct notice_recipient *r)
{
	char *mark = mark_text(c, r);

	cli_pad(r->id, 6);
	cli_pad(r->name, 16);
	printf("%s\n      ", mark);
	if (r->postal_code != NULL)
		printf("〒%s ", r->postal_code);
	cli_put_text(stdout, r->address != NULL ? r->address : r->email !=
	    NULL ? r->email : r->phone != NULL ? r->phone : "-", 0);
	putchar('\n');
	free(mark);
}

static int
sub_list(struct cli *c, struct incident *inc)
{
	struct notice_list l;
	const char *fmt;
	size_t i;
	int ok, rc;

	fmt = cli_format(c, &ok);
	if (!ok)
		return ST_USAGE;
	rc = notice_load(c->app->store, inc->id, &l, c->err, sizeof c->err);
	if (rc != ST_OK)
		return rc;
	listing_start(fmt, "id\tname\tpostal_code\taddress\temail\tphone\tnote"
	    "\tmark\tat\tvia");
	for (i = 0; i < l.n; i++)
		if (strcmp(fmt, "text") == 0)
			list_text(c, &l.v[i]);
		else
			list_machine(&l.v[i], strcmp(fmt, "json") == 0, i == 0);
	listing_end(fmt, l.n);
	if (strcmp(fmt, "text") == 0) {
		fputs(l.n ? "" : _("No recipients: import them with anshin-ir "
		    "notices REF import FILE.csv\n"), stdout);
		if (l.n > 0) {
			char *p = notice_progress_text(&inc->notices,
			    c->app->lang);

			printf("%s\n", p);
			free(p);
		}
	}
	notice_list_free(&l);
	return ST_OK;
}

/* ---- mark ------------------------------------------------------------------ */

static int
read_at(struct cli *c, char at[26])
{
	char msg[128];
	jtime_t t;

	if (c->opt[O_AT] == NULL)
		return ST_OK;
	if (jtime_parse(c->opt[O_AT], &t, msg, sizeof msg) != 0)
		return err_set(c->err, sizeof c->err, ST_DATAERR,
		    _("--at '%s': %s"), c->opt[O_AT], msg);
	jtime_format_iso(t, at);
	return ST_OK;
}

static int
sub_mark(struct cli *c, struct incident *inc)
{
	struct model_notice_mark m;
	const char *word = c->arg[c->narg - 1];
	char at[26];
	int mark = notice_mark_parse(word), rc;

	memset(&m, 0, sizeof m);
	if (mark < 0)
		return err_set(c->err, sizeof c->err, ST_DATAERR, _("'%s' is "
		    "not a mark (expected sent, returned, reached or "
		    "unreachable, after the ids)"), word);
	m.mark = (enum notice_mark)mark;
	m.via = c->opt[O_VIA] != NULL ? notice_via_parse(c->opt[O_VIA]) : -1;
	if (c->opt[O_VIA] != NULL && m.via < 0)
		return err_set(c->err, sizeof c->err, ST_DATAERR, _("--via '%s' "
		    "(expected letter, email, phone or in_person)"),
		    c->opt[O_VIA]);
	if ((rc = read_at(c, at)) != ST_OK)
		return rc;
	m.at = c->opt[O_AT] != NULL ? at : NULL;
	m.note = c->opt[O_NOTE];
	rc = model_notice_mark(c->app->store, c->app->data, inc,
	    (const char *const *)&c->arg[2], (size_t)c->narg - 3, &m,
	    app_by(c->app), app_now(c->app), c->err, sizeof c->err);
	return rc;
}

/* ---- enquiries --------------------------------------------------------------- */

static int
sub_enquiry(struct cli *c, struct incident *inc)
{
	struct model_notice_enquiry q;
	char at[26];
	long seq = 0;
	int rc = read_at(c, at);

	if (rc != ST_OK)
		return rc;
	q.at = c->opt[O_AT] != NULL ? at : NULL;
	q.from_name = c->opt[O_FROM] != NULL && *c->opt[O_FROM] != '\0' ?
	    c->opt[O_FROM] : NULL;
	q.text = c->arg[2];
	q.answer = c->opt[O_ANSWER];
	q.follow_up = c->opt[O_FOLLOW_UP] != NULL;
	rc = model_notice_enquiry(c->app->store, c->app->data, inc, &q,
	    app_by(c->app), app_now(c->app), &seq, c->err, sizeof c->err);
	if (rc == ST_OK)
		printf(_("enquiry %ld logged\n"), seq);
	return rc;
}

static void
enquiry_machine(const struct notice_enquiry *q, int json, int first)
{
	char seq[24];
	const char *f[7] = { seq, q->at, q->from_name, q->text, q->answer,
		q->follow_up ? "yes" : "no", q->by };
	static const char *const names[7] = { "seq", "at", "from", "text",
		"answer", "follow_up", "by" };

	snprintf(seq, sizeof seq, "%ld", q->seq);
	cli_put_record(names, f, 7, json, first);
}

static void
enquiry_text(const struct notice_enquiry *q)
{
	printf("%ld  %.16s  ", q->seq, q->at);
	cli_put_text(stdout, q->from_name != NULL ? q->from_name : "-", 0);
	printf("  (");
	cli_put_text(stdout, q->by != NULL ? q->by : "", 0);
	printf(")%s\n", q->follow_up ? _("  [follow-up needed]") : "");
	printf("    %s: ", _("asked"));
	cli_put_text(stdout, q->text, 0);
	printf("\n    %s: ", _("answered"));
	cli_put_text(stdout, q->answer != NULL ? q->answer : "-", 0);
	putchar('\n');
}

static int
sub_enquiries(struct cli *c, struct incident *inc)
{
	struct notice_enquiries q;
	const char *fmt;
	size_t i;
	int ok, rc;

	fmt = cli_format(c, &ok);
	if (!ok)
		return ST_USAGE;
	rc = notice_enquiries_load(c->app->store, inc->id, &q, c->err,
	    sizeof c->err);
	if (rc != ST_OK)
		return rc;
	listing_start(fmt, "seq\tat\tfrom\ttext\tanswer\tfollow_up\tby");
	for (i = 0; i < q.n; i++)
		if (strcmp(fmt, "text") == 0)
			enquiry_text(&q.v[i]);
		else
			enquiry_machine(&q.v[i], strcmp(fmt, "json") == 0,
			    i == 0);
	listing_end(fmt, q.n);
	notice_enquiries_free(&q);
	return ST_OK;
}

/* ---- dispatch ---------------------------------------------------------------- */

static const struct sub subs[] = {
	{ "import", 1, 1, OPT(O_BY), sub_import },
	{ "list", 0, 0, OPT(O_FORMAT), sub_list },
	{ "mark", 2, 100000, OPT(O_VIA) | OPT(O_AT) | OPT(O_NOTE) | OPT(O_BY),
	    sub_mark },
	{ "enquiry", 1, 1, OPT(O_FROM) | OPT(O_ANSWER) | OPT(O_FOLLOW_UP) |
	    OPT(O_AT) | OPT(O_BY), sub_enquiry },
	{ "enquiries", 0, 0, OPT(O_FORMAT), sub_enquiries },
};

static const struct sub *
find_sub(struct cli *c)
{
	size_t i;

	for (i = 0; i < sizeof subs / sizeof *subs; i++)
		if (strcmp(subs[i].name, c->arg[1]) == 0)
			return &subs[i];
	err_set(c->err, sizeof c->err, ST_USAGE, _("unknown 'notices %s' "
	    "(expected import, list, mark, enquiry or enquiries)"), c->arg[1]);
	return NULL;
}

/* Each subcommand takes its own arguments and options. */
static int
check_sub(struct cli *c, const struct sub *s)
{
	char where[32];
	int i, n = c->narg - 2;

	snprintf(where, sizeof where, "notices %s", s->name);
	for (i = 0; i < O_COUNT; i++)
		if (c->opt[i] != NULL && !(GLOBAL_OPTS & OPT(i)) &&
		    !(s->opts & OPT(i)))
			return cli_option_misplaced(c, i, where);
	if (n < s->min_args || n > s->max_args)
		return err_set(c->err, sizeof c->err, ST_USAGE, _("usage: "
		    "anshin-ir notices REF import FILE.csv | list | mark ID... "
		    "sent|returned|reached|unreachable [--via WAY] [--at TIME] "
		    "[--note TEXT] | enquiry TEXT [--from NAME] [--answer TEXT] "
		    "[--follow-up] | enquiries"));
	return ST_OK;
}

int
cli_cmd_notices(struct cli *c)
{
	const struct sub *s = find_sub(c);
	struct incident *inc;
	int rc;

	if (s == NULL)
		return cli_fail(c, ST_USAGE);
	if ((rc = check_sub(c, s)) != ST_OK)
		return cli_fail(c, rc);
	rc = cli_load_incident(c, c->arg[0], &inc);
	if (rc != ST_OK)
		return cli_fail(c, rc);
	rc = s->run(c, inc);
	incident_free(inc);
	return rc != ST_OK ? cli_fail(c, rc) : ST_OK;
}
