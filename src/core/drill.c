/*
 * drill.c - owns the training drills: the parser of data/drills/NAME.drill
 * and the loading of a drill directory. A drill is
 * checked against the form and the rules when it is loaded, so that a
 * scenario whose truth the form rejects, or whose expected actions the
 * checklist would never show, fails `check-data` instead of misleading a
 * trainee in front of the clock.
 *
 * One scenario per file, DIR/NAME.drill: NAME is what `drill NAME` takes;
 * files whose name starts with "." are skipped (editor leftovers). File
 * format (the syntax of ini.h: UTF-8, "#" comment lines, "[section]"
 * heads, "key = value" split at the first "=", "\n" a line break and "\\"
 * a backslash in values, long values continued on indented lines):
 *
 *   [drill]
 *   title.ja = …             one line, both languages required
 *   title.en = …
 *   briefing.ja = …          what the trainee is told at the start
 *   briefing.en = …
 *   time_limit = 15m         "N" seconds or "Nm" minutes, at most 24 hours
 *   debrief.ja = …           what mattered and why, citing guide or law
 *   debrief.en = …
 *   source = 施設ガイド §3-2; APPI Art. 26
 *   scored = kind, device_type, …   optional, see below
 *
 *   [truth]                  the scenario's true answers, as in an answers
 *   kind = device_loss       file (docs/contract.md §2, §3), checked and
 *   discovered_at = 2026-10-05 18:20   normalised like one; the form's
 *   …                        required keys (kind, discovered_at, summary,
 *                            data_types) must be given
 *
 *   [expected]
 *   actions = change_password, suspend_user_id, …
 *                            at least one action id of data/actions.rules;
 *                            each must apply under the [truth] answers
 *
 *   [clue 1]                 numbered 1, 2, … in order; revealed when the
 *   ask.ja = 端末の種類は？  trainee asks; all four keys required
 *   ask.en = What kind of device?
 *   text.ja = …
 *   text.en = …
 *
 * `scored` lists the truth keys that count in the score. Without it every
 * truth key counts except free text (text and longtext fields): a
 * trainee's own words never equal the scenario's, so listing such a key is
 * an error too. Keys the trainee changes by acting (remote_wipe = done,
 * recipient_contacted, deletion_confirmed) are best left out of `scored`:
 * the truth records the facts at discovery.
 *
 * Errors are "PATH:LINE: message" with ST_CONFIG: unknown section or key,
 * a key or section given twice, a bad truth value (the form's message with
 * the allowed values), occurred_at after discovered_at, a missing or empty
 * text, a title of more than one line, a bad time_limit, a scored key not
 * in the truth or free text, no expected action or an unknown, repeated or
 * inapplicable one, a clue out of order or incomplete. What is missing altogether is reported at the
 * head of its section, or at the file's last key or section line when the
 * section is absent.
 *
 * The score is drill_score.c's.
 */
#include "drill.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract.h"
#include "i18n.h"
#include "ini.h"
#include "jtime.h"

/* The keys of [drill]. Each text comes ja then en (finish_drill pairs
 * them by parity), and the required ones come before `scored`. */
enum dkey { DK_TITLE_JA, DK_TITLE_EN, DK_BRIEFING_JA, DK_BRIEFING_EN,
	DK_DEBRIEF_JA, DK_DEBRIEF_EN, DK_TIME_LIMIT, DK_SOURCE, DK_SCORED,
	DK_SOURCE_JA, DK_SOURCE_EN, DK_COUNT };
static const char *const drill_keys[DK_COUNT] = {
	"title.ja", "title.en", "briefing.ja", "briefing.en", "debrief.ja",
	"debrief.en", "time_limit", "source", "scored", "source.ja",
	"source.en"
};

enum ckey { CK_ASK_JA, CK_ASK_EN, CK_TEXT_JA, CK_TEXT_EN, CK_COUNT };
static const char *const clue_keys[CK_COUNT] = {
	"ask.ja", "ask.en", "text.ja", "text.en"
};

enum sect { SEC_NONE, SEC_DRILL, SEC_TRUTH, SEC_EXPECTED, SEC_CLUE };
static const char *const sect_names[] = {
	"", "drill", "truth", "expected", "clue"
};

/* A day is far beyond any drill; the bound keeps the arithmetic small. */
#define TIME_LIMIT_MAX 86400

struct loader {
	const struct form *form;
	const struct rules *rules;
	const struct holidays *h;
	struct drill *d;
	enum sect sect;
	int head[SEC_CLUE];		/* line of each unique section, 0 absent */
	char *dval[DK_COUNT];		/* raw [drill] values */
	int dline[DK_COUNT];
	int *tline;			/* per form field: line of its truth */
	char *actions;			/* raw [expected] actions */
	int actions_line;
	int *clue_lines;		/* head of each clue */
	int cline[CK_COUNT];		/* lines of the current clue's keys */
	int last_line;
};

static int
key_index(const char *const *keys, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return (int)i;
	return -1;
}

static void
join_keys(const char *const *keys, size_t n, char *out, size_t len)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, keys[i]);
	}
	snprintf(out, len, "%s", b.s);
	buf_free(&b);
}

static int
unknown_key(const struct ini_line *l, const char *const *keys, size_t n,
    char *err, size_t errlen)
{
	char known[256];

	join_keys(keys, n, known, sizeof known);
	return err_set(err, errlen, ST_CONFIG, _("unknown key '%s' in [%s] "
	    "(known keys: %s)"), l->key, l->section, known);
}

static int
twice(const char *key, int first, char *err, size_t errlen)
{
	return err_set(err, errlen, ST_CONFIG, _("key '%s' given twice (first "
	    "on line %d)"), key, first);
}

static int
drill_key(struct loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	int k = key_index(drill_keys, DK_COUNT, l->key);

	if (k < 0)
		return unknown_key(l, drill_keys, DK_COUNT, err, errlen);
	if (ld->dline[k] != 0)
		return twice(l->key, ld->dline[k], err, errlen);
	if (l->value[0] == '\0')
		return err_set(err, errlen, ST_CONFIG, _("empty value for '%s'"),
		    l->key);
	/* Titles go in lists (`drill --list`) and title bars. */
	if ((k == DK_TITLE_JA || k == DK_TITLE_EN) &&
	    strchr(l->value, '\n') != NULL)
		return err_set(err, errlen, ST_CONFIG, _("%s must be one line "
		    "(no \\n)"), l->key);
	ld->dval[k] = xstrdup(l->value);
	ld->dline[k] = l->line;
	return ST_OK;
}

static int
truth_key(struct loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	int i = form_field_index(ld->form, l->key);

	if (i < 0)
		return err_set(err, errlen, ST_CONFIG, _("unknown answer key '%s' "
		    "in [truth] (the keys of %s)"), l->key, ld->form->name);
	if (ld->tline[i] != 0)
		return twice(l->key, ld->tline[i], err, errlen);
	if (form_value_normalize(&ld->form->fields[i], l->value,
	    &ld->d->truth[i], err, errlen) != ST_OK)
		return ST_CONFIG;
	ld->tline[i] = l->line;
	return ST_OK;
}

static int
expected_key(struct loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	static const char *const keys[] = { "actions" };

	if (strcmp(l->key, "actions") != 0)
		return unknown_key(l, keys, 1, err, errlen);
	if (ld->actions_line != 0)
		return twice(l->key, ld->actions_line, err, errlen);
	ld->actions = xstrdup(l->value);
	ld->actions_line = l->line;
	return ST_OK;
}

static int
clue_key(struct loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	struct drill_clue *c = &ld->d->clues[ld->d->nclues - 1];
	int k = key_index(clue_keys, CK_COUNT, l->key);
	struct tr *t;

	if (k < 0)
		return unknown_key(l, clue_keys, CK_COUNT, err, errlen);
	if (ld->cline[k] != 0)
		return twice(l->key, ld->cline[k], err, errlen);
	if (l->value[0] == '\0')
		return err_set(err, errlen, ST_CONFIG, _("empty value for '%s'"),
		    l->key);
	t = k == CK_ASK_JA || k == CK_ASK_EN ? &c->ask : &c->text;
	t->s[k == CK_ASK_JA || k == CK_TEXT_JA ? LANG_JA : LANG_EN] =
	    xstrdup(l->value);
	ld->cline[k] = l->line;
	return ST_OK;
}

static int
open_clue(struct loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	size_t want = ld->d->nclues + 1;
	char *end;
	unsigned long n;

	n = l->name != NULL ? strtoul(l->name, &end, 10) : 0;
	if (l->name == NULL || *end != '\0' || l->name[0] < '1' ||
	    l->name[0] > '9' || n != want)
		return err_set(err, errlen, ST_CONFIG, _("expected [clue %zu] "
		    "(clues are numbered 1, 2, ... in order)"), want);
	ld->d->clues = xreallocarray(ld->d->clues, want, sizeof *ld->d->clues);
	memset(&ld->d->clues[want - 1], 0, sizeof *ld->d->clues);
	ld->d->nclues = want;
	ld->clue_lines = xreallocarray(ld->clue_lines, want,
	    sizeof *ld->clue_lines);
	ld->clue_lines[want - 1] = l->line;
	memset(ld->cline, 0, sizeof ld->cline);
	ld->sect = SEC_CLUE;
	return ST_OK;
}

static int
open_section(struct loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	int s;

	for (s = SEC_DRILL; s <= SEC_CLUE; s++)
		if (strcmp(l->section, sect_names[s]) == 0)
			break;
	if (s > SEC_CLUE)
		return err_set(err, errlen, ST_CONFIG, _("unknown section '[%s]' "
		    "(allowed: [drill], [truth], [expected], [clue N])"),
		    l->section);
	if (s == SEC_CLUE)
		return open_clue(ld, l, err, errlen);
	if (l->name != NULL)
		return err_set(err, errlen, ST_CONFIG, _("[%s] takes no name"),
		    l->section);
	if (ld->head[s] != 0)
		return err_set(err, errlen, ST_CONFIG, _("section [%s] given "
		    "twice (first on line %d)"), l->section, ld->head[s]);
	ld->head[s] = l->line;
	ld->sect = (enum sect)s;
	return ST_OK;
}

static int
on_line(void *ud, const struct ini_line *l, char *err, size_t errlen)
{
	struct loader *ld = ud;

	ld->last_line = l->line;
	if (l->key == NULL)
		return open_section(ld, l, err, errlen);
	switch (ld->sect) {
	case SEC_DRILL:
		return drill_key(ld, l, err, errlen);
	case SEC_TRUTH:
		return truth_key(ld, l, err, errlen);
	case SEC_EXPECTED:
		return expected_key(ld, l, err, errlen);
	case SEC_CLUE:
		return clue_key(ld, l, err, errlen);
	case SEC_NONE:
		break;
	}
	return err_set(err, errlen, ST_CONFIG, _("'%s' before any section "
	    "(start with [drill])"), l->key);
}

/* ---------------------------------------------------------- finishing */

/* Where to report something missing from section s. */
static int
missing_line(const struct loader *ld, enum sect s)
{
	return ld->head[s] != 0 ? ld->head[s] : ld->last_line;
}

static int
parse_time_limit(const char *v, int *out)
{
	char *end;
	long n;

	if (v[0] < '0' || v[0] > '9')
		return -1;
	n = strtol(v, &end, 10);
	if (strcmp(end, "m") == 0 && n <= TIME_LIMIT_MAX / 60)
		n *= 60;
	else if (*end != '\0')
		return -1;
	if (n <= 0 || n > TIME_LIMIT_MAX)
		return -1;
	*out = (int)n;
	return 0;
}

static int
finish_drill(struct loader *ld, char *err, size_t errlen)
{
	struct drill *d = ld->d;
	struct tr *tr[] = { &d->title, &d->title, &d->briefing, &d->briefing,
		&d->debrief, &d->debrief };
	int k;

	for (k = 0; k < DK_SCORED; k++)
		if (ld->dval[k] == NULL)
			return err_set(err, errlen, ST_CONFIG, _("%s:%d: [drill] "
			    "has no %s"), d->path, missing_line(ld, SEC_DRILL),
			    drill_keys[k]);
	for (k = DK_TITLE_JA; k <= DK_DEBRIEF_EN; k++) {
		tr[k]->s[k % 2 == 0 ? LANG_JA : LANG_EN] = ld->dval[k];
		ld->dval[k] = NULL;
	}
	d->source = ld->dval[DK_SOURCE];
	ld->dval[DK_SOURCE] = NULL;
	/* The sources as the screen's language names them, when given. */
	d->source_tr.s[LANG_JA] = ld->dval[DK_SOURCE_JA];
	d->source_tr.s[LANG_EN] = ld->dval[DK_SOURCE_EN];
	ld->dval[DK_SOURCE_JA] = ld->dval[DK_SOURCE_EN] = NULL;
	if (parse_time_limit(ld->dval[DK_TIME_LIMIT], &d->time_limit) != 0)
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: bad time_limit "
		    "'%s' (seconds \"900\" or minutes \"15m\", more than 0 "
		    "and at most 24 hours)"), d->path, ld->dline[DK_TIME_LIMIT],
		    ld->dval[DK_TIME_LIMIT]);
	return ST_OK;
}

int
drill_truth_time(const struct drill *d, const struct form *form,
    const char *key, jtime_t *t)
{
	int i = form_field_index(form, key);

	return i >= 0 && d->truth[i] != NULL &&
	    jtime_parse(d->truth[i], t, NULL, 0) == 0;
}

static int
truth_time(const struct loader *ld, const char *key, jtime_t *t)
{
	return drill_truth_time(ld->d, ld->form, key, t);
}

/* The form's required keys make the assessment and the checklist
 * meaningful; the times must be in an order a real incident could have. */
static int
finish_truth(struct loader *ld, char *err, size_t errlen)
{
	const struct form *f = ld->form;
	jtime_t disc, occ;
	size_t i;

	for (i = 0; i < f->nfields; i++)
		if (f->fields[i].required && ld->d->truth[i] == NULL)
			return err_set(err, errlen, ST_CONFIG, _("%s:%d: [truth] "
			    "has no %s (required)"), ld->d->path,
			    missing_line(ld, SEC_TRUTH), f->fields[i].key);
	if (truth_time(ld, FIELD_DISCOVERED_AT, &disc) &&
	    truth_time(ld, FIELD_OCCURRED_AT, &occ) && occ > disc)
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: occurred_at is "
		    "after discovered_at"), ld->d->path,
		    ld->tline[form_field_index(f, FIELD_OCCURRED_AT)]);
	return ST_OK;
}

/* Splits a comma-separated list, cut in place in `s`, into trimmed
 * copies; 0 when an item is empty. */
static int
split_list(char *s, struct strv *items)
{
	char *p, *comma;

	for (p = s; p != NULL; p = comma) {
		comma = strchr(p, ',');
		if (comma != NULL)
			*comma++ = '\0';
		p = util_trim(p);
		if (*p == '\0')
			return 0;
		strv_push(items, p);
	}
	return 1;
}

static int
scored_item(struct loader *ld, const char *key, char *err, size_t errlen)
{
	struct drill *d = ld->d;
	const char *path = d->path;
	int line = ld->dline[DK_SCORED];
	int i = form_field_index(ld->form, key);

	if (i < 0)
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: scored: unknown "
		    "answer key '%s'"), path, line, key);
	if (d->truth[i] == NULL)
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: scored key '%s' "
		    "is not in [truth]"), path, line, key);
	if (form_type_is_text(ld->form->fields[i].type))
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: scored key '%s' "
		    "is free text, which a trainee's words never match"), path,
		    line, key);
	if (d->scored[i])
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: scored key '%s' "
		    "listed twice"), path, line, key);
	d->scored[i] = 1;
	return ST_OK;
}

static int
finish_scored(struct loader *ld, char *err, size_t errlen)
{
	struct drill *d = ld->d;
	struct strv items = { NULL, 0 };
	size_t i;
	int rc = ST_OK;

	if (ld->dval[DK_SCORED] == NULL) {
		for (i = 0; i < d->nfields; i++)
			d->scored[i] = d->truth[i] != NULL &&
			    !form_type_is_text(ld->form->fields[i].type);
		return ST_OK;
	}
	if (!split_list(ld->dval[DK_SCORED], &items))
		rc = err_set(err, errlen, ST_CONFIG, _("%s:%d: scored: empty "
		    "item in the list"), d->path, ld->dline[DK_SCORED]);
	for (i = 0; rc == ST_OK && i < items.n; i++)
		rc = scored_item(ld, items.v[i], err, errlen);
	strv_free(&items);
	return rc;
}

static int
expected_item(struct loader *ld, const struct rules_result *res,
    const char *id, char *err, size_t errlen)
{
	struct drill *d = ld->d;
	int a = rules_action_index(ld->rules, id), line = ld->actions_line;
	size_t i;

	if (a < 0)
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: unknown action "
		    "'%s' (the actions of %s)"), d->path, line, id,
		    ld->rules->name);
	for (i = 0; i < d->nexpected; i++)
		if (strcmp(d->expected[i], id) == 0)
			return err_set(err, errlen, ST_CONFIG, _("%s:%d: action "
			    "'%s' listed twice"), d->path, line, id);
	if (!res->applies[a])
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: expected action "
		    "'%s' does not apply under the [truth] answers, so the "
		    "checklist never shows it"), d->path, line, id);
	d->expected = xreallocarray(d->expected, d->nexpected + 1,
	    sizeof *d->expected);
	d->expected[d->nexpected++] = xstrdup(id);
	return ST_OK;
}

static int
finish_expected(struct loader *ld, char *err, size_t errlen)
{
	struct strv items = { NULL, 0 };
	struct rules_result res;
	size_t i;
	int rc = ST_OK;

	if (ld->actions == NULL || ld->actions[0] == '\0')
		return err_set(err, errlen, ST_CONFIG, _("%s:%d: [expected] has "
		    "no actions"), ld->d->path, ld->actions_line != 0 ?
		    ld->actions_line : missing_line(ld, SEC_EXPECTED));
	if (!split_list(ld->actions, &items))
		rc = err_set(err, errlen, ST_CONFIG, _("%s:%d: actions: empty "
		    "item in the list"), ld->d->path, ld->actions_line);
	rules_eval(ld->rules, ld->form, ld->h, ld->d->truth, &res);
	for (i = 0; rc == ST_OK && i < items.n; i++)
		rc = expected_item(ld, &res, items.v[i], err, errlen);
	rules_result_free(&res);
	strv_free(&items);
	return rc;
}

/* A clue missing a text is found only once its section has ended. */
static int
finish_clues(struct loader *ld, char *err, size_t errlen)
{
	const struct drill_clue *c;
	const char *t[CK_COUNT];
	size_t i;
	int k;

	for (i = 0; i < ld->d->nclues; i++) {
		c = &ld->d->clues[i];
		t[CK_ASK_JA] = c->ask.s[LANG_JA];
		t[CK_ASK_EN] = c->ask.s[LANG_EN];
		t[CK_TEXT_JA] = c->text.s[LANG_JA];
		t[CK_TEXT_EN] = c->text.s[LANG_EN];
		for (k = 0; k < CK_COUNT; k++)
			if (t[k] == NULL)
				return err_set(err, errlen, ST_CONFIG, _("%s:%d: "
				    "[clue %zu] has no %s (a clue needs ask.ja, "
				    "ask.en, text.ja and text.en)"), ld->d->path,
				    ld->clue_lines[i], i + 1, clue_keys[k]);
	}
	return ST_OK;
}

static int
finish(struct loader *ld, char *err, size_t errlen)
{
	int rc = finish_drill(ld, err, errlen);

	if (rc == ST_OK)
		rc = finish_truth(ld, err, errlen);
	if (rc == ST_OK)
		rc = finish_scored(ld, err, errlen);
	if (rc == ST_OK)
		rc = finish_expected(ld, err, errlen);
	if (rc == ST_OK)
		rc = finish_clues(ld, err, errlen);
	return rc;
}

int
drill_parse_string(const char *text, size_t len, const char *name,
    const char *path, const struct form *form, const struct rules *rules,
    const struct holidays *h, struct drill *out, char *err, size_t errlen)
{
	struct loader ld;
	int k, rc;

	memset(out, 0, sizeof *out);
	memset(&ld, 0, sizeof ld);
	out->name = xstrdup(name);
	out->path = xstrdup(path);
	out->nfields = form->nfields;
	out->truth = xcalloc(form->nfields, sizeof *out->truth);
	out->scored = xcalloc(form->nfields, 1);
	ld.form = form;
	ld.rules = rules;
	ld.h = h;
	ld.d = out;
	ld.tline = xcalloc(form->nfields, sizeof *ld.tline);
	rc = ini_parse_string(text, len, path, INI_CONTINUE, on_line, &ld, err,
	    errlen);
	if (rc != ST_OK)
		rc = ST_CONFIG;
	else
		rc = finish(&ld, err, errlen);
	for (k = 0; k < DK_COUNT; k++)
		free(ld.dval[k]);
	free(ld.actions);
	free(ld.tline);
	free(ld.clue_lines);
	if (rc != ST_OK)
		drill_free(out);
	return rc;
}

void
drill_free(struct drill *d)
{
	size_t i;

	free(d->name);
	free(d->path);
	tr_free(&d->title);
	tr_free(&d->briefing);
	tr_free(&d->debrief);
	free(d->source);
	tr_free(&d->source_tr);
	for (i = 0; d->truth != NULL && i < d->nfields; i++)
		free(d->truth[i]);
	free(d->truth);
	free(d->scored);
	for (i = 0; i < d->nexpected; i++)
		free(d->expected[i]);
	free(d->expected);
	for (i = 0; i < d->nclues; i++) {
		tr_free(&d->clues[i].ask);
		tr_free(&d->clues[i].text);
	}
	free(d->clues);
	memset(d, 0, sizeof *d);
}

/* ---------------------------------------------------------- directory */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The scenario names (file stems) in DIR, sorted. Dot files are editor
 * leftovers, not scenarios. */
static int
list_names(const char *dir, struct strv *names, char *err, size_t errlen)
{
	static const char ext[] = ".drill";
	struct dirent *e;
	size_t n;
	DIR *dp = opendir(dir);

	if (dp == NULL && errno == ENOENT)
		return ST_OK;
	if (dp == NULL)
		return err_set(err, errlen, ST_IOERR, _("cannot read the "
		    "drill directory %s: %s"), dir, strerror(errno));
	while ((e = readdir(dp)) != NULL) {
		n = strlen(e->d_name);
		if (e->d_name[0] == '.' || n <= sizeof ext - 1 ||
		    strcmp(e->d_name + n - (sizeof ext - 1), ext) != 0)
			continue;
		names->v = xreallocarray(names->v, names->n + 1,
		    sizeof *names->v);
		names->v[names->n++] = xstrndup(e->d_name, n - (sizeof ext - 1));
	}
	closedir(dp);
	if (names->n > 0)
		qsort(names->v, names->n, sizeof *names->v, cmp_str);
	return ST_OK;
}

static int
load_one(const char *dir, const char *name, const struct form *form,
    const struct rules *rules, const struct holidays *h, struct drill *out,
    char *err, size_t errlen)
{
	char *path = xasprintf("%s/%s.drill", dir, name), *text;
	size_t len;
	int rc = util_read_data(path, &text, &len, err, errlen);

	if (rc == ST_OK) {
		rc = drill_parse_string(text, len, name, path, form, rules, h,
		    out, err, errlen);
		free(text);
	}
	free(path);
	return rc;
}

int
drill_load_dir(const char *dir, const struct form *form,
    const struct rules *rules, const struct holidays *h,
    struct drill_set *out, char *err, size_t errlen)
{
	struct strv names = { NULL, 0 };
	size_t i;
	int rc;

	memset(out, 0, sizeof *out);
	rc = list_names(dir, &names, err, errlen);
	if (names.n > 0)
		out->v = xcalloc(names.n, sizeof *out->v);
	for (i = 0; rc == ST_OK && i < names.n; i++) {
		rc = load_one(dir, names.v[i], form, rules, h, &out->v[i], err,
		    errlen);
		if (rc == ST_OK)
			out->n++;
	}
	strv_free(&names);
	if (rc != ST_OK)
		drill_set_free(out);
	return rc;
}

void
drill_set_free(struct drill_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		drill_free(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

const struct drill *
drill_find(const struct drill_set *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].name, name) == 0)
			return &s->v[i];
	return NULL;
}
