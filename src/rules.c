/*
 * rules.c - loads data/actions.rules and evaluates it. The file says what
 * each ground, exemption and action means; this module holds only what
 * SPEC §5 fixes in C: the order in which grounds and exemptions make the
 * result, and the legal due dates. A define may use only defines above it,
 * which rules out cycles; the defines the assessment reads may not read the
 * assessment ("reportable") themselves.
 */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contacts.h"
#include "i18n.h"
#include "ini.h"
#include "jtime.h"

static const char *const phase_names[PHASE_COUNT] = {
	"immediate", "investigate", "report", "followup"
};
static const char *const ground_names[GROUND_COUNT] = {
	"sensitive", "financial", "unauthorized_purpose", "over_1000",
	"my_number"
};
static const char *const reportable_values[] = { "yes", "no", "undetermined" };

/* An expression's source and line, compiled after the whole file is read. */
struct src {
	char *text;
	int line;
};

struct raw_action {
	struct src when, done_if, due_if;
};

struct rules_loader {
	struct rules *r;
	const struct form *form;
	struct src *define_src;
	struct raw_action *action_src;
	struct rule_define *define;	/* current block */
	struct rule_action *action;
	int compiling_define;		/* defines visible: index < this */
	int last_line;			/* where a missing define would go */
	int forbid_reportable;
};

const char *
rules_phase_name(enum phase p)
{
	return phase_names[p];
}

int
rules_phase_parse(const char *s)
{
	int i;

	for (i = 0; i < PHASE_COUNT; i++)
		if (strcmp(s, phase_names[i]) == 0)
			return i;
	return -1;
}

const char *
rules_reportable_name(enum reportable r)
{
	return reportable_values[r];
}

const char *
rules_ground_name(enum ground g)
{
	return ground_names[g];
}

const char *
rules_exemption_name(enum exemption e)
{
	static const char *const names[] = { "none", "encryption", "not_leaked" };

	return names[e];
}

static int
define_index(const struct rules *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->ndefines; i++)
		if (strcmp(r->defines[i].name, name) == 0)
			return (int)i;
	return -1;
}

int
rules_action_index(const struct rules *r, const char *id)
{
	size_t i;

	for (i = 0; i < r->nactions; i++)
		if (strcmp(r->actions[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct rule_action *
rules_action_find(const struct rules *r, const char *id)
{
	int i = rules_action_index(r, id);

	return i < 0 ? NULL : &r->actions[i];
}

const struct rule_define *
rules_ground_define(const struct rules *r, enum ground g)
{
	return &r->defines[r->ground_define[g]];
}

char *
rules_grounds_text(const struct rules *r, unsigned grounds, enum lang lang,
    const char *sep)
{
	const char *label;
	struct buf b;
	int g;

	if (grounds == 0)
		return NULL;
	buf_init(&b);
	for (g = 0; g < GROUND_COUNT; g++) {
		if (!(grounds & (1u << g)))
			continue;
		label = tr_get(&rules_ground_define(r, (enum ground)g)->label,
		    lang);
		if (b.len > 0)
			buf_adds(&b, sep);
		buf_adds(&b, *label != '\0' ? label :
		    rules_ground_name((enum ground)g));
	}
	return buf_steal(&b);
}

const char *
rules_exemption_label(const struct rules *r, enum exemption e,
    enum lang lang)
{
	if (e == EXEMPTION_NOT_LEAKED)
		return tr_get(&r->defines[r->exemption_not_leaked].label, lang);
	if (e == EXEMPTION_ENCRYPTION)
		return tr_get(&r->defines[r->exemption_encryption].label, lang);
	return NULL;
}

const char *
rules_reportable_text(enum reportable r)
{
	switch (r) {
	case REPORTABLE_YES:
		return N_("yes: report to the PPC and notify the individuals");
	case REPORTABLE_NO:
		return N_("no report required");
	default:
		return N_("undetermined: answers still missing");
	}
}

/* Scope: the form's keys, the pseudo-key "reportable", earlier defines. */
static int
scope_key(void *ud, const char *name, struct expr_key *out)
{
	struct rules_loader *ld = ud;
	struct expr_scope fs;

	if (strcmp(name, "reportable") == 0) {
		if (ld->forbid_reportable)
			return 0;
		out->id = (int)ld->form->nfields;
		out->type = EXPR_KEY_CHOICE;
		out->unknown_is_value = 0;
		return 1;
	}
	form_scope(ld->form, &fs);
	return fs.key(fs.ud, name, out);
}

static int
scope_value_ok(void *ud, int key, const char *value)
{
	struct rules_loader *ld = ud;
	struct expr_scope fs;
	size_t i;

	if (key == (int)ld->form->nfields) {
		for (i = 0; i < 3; i++)
			if (strcmp(value, reportable_values[i]) == 0)
				return 1;
		return 0;
	}
	form_scope(ld->form, &fs);
	return fs.value_ok(fs.ud, key, value);
}

static void
scope_describe(void *ud, int key, char *buf, size_t len)
{
	struct rules_loader *ld = ud;
	struct expr_scope fs;

	if (key == (int)ld->form->nfields) {
		snprintf(buf, len, "yes, no, undetermined");
		return;
	}
	form_scope(ld->form, &fs);
	fs.describe(fs.ud, key, buf, len);
}

static int
scope_define(void *ud, const char *name)
{
	struct rules_loader *ld = ud;
	int i = define_index(ld->r, name);

	return i >= 0 && i < ld->compiling_define ? i : -1;
}

static int
compile(struct rules_loader *ld, const struct src *s, const char *what,
    struct expr **out, char *err, size_t errlen)
{
	struct expr_scope scope = {
		scope_key, scope_value_ok, scope_describe, scope_define, ld
	};
	char msg[384];

	*out = NULL;
	if (s->text == NULL)
		return ST_OK;
	if (expr_parse(s->text, &scope, out, msg, sizeof msg) != 0)
		return err_set(err, errlen, ST_CONFIG, "%s:%d: %s: %s",
		    ld->r->name, s->line, what, msg);
	return ST_OK;
}

static int
set_src(struct src *s, const struct ini_line *l, char *err, size_t errlen)
{
	if (s->text != NULL)
		return err_set(err, errlen, ST_CONFIG, _("'%s' given twice"),
		    l->key);
	s->text = xstrdup(l->value);
	s->line = l->line;
	return ST_OK;
}

/* Checks "{section}" placeholders in a detail text. */
static int
check_placeholders(const struct form *form, const char *text, char *err,
    size_t errlen)
{
	const char *p = text, *end;
	char name[64];

	while ((p = strchr(p, '{')) != NULL) {
		end = strchr(p, '}');
		if (end == NULL || (size_t)(end - p - 1) >= sizeof name)
			return err_set(err, errlen, ST_CONFIG,
			    _("unterminated '{' placeholder"));
		memcpy(name, p + 1, (size_t)(end - p - 1));
		name[end - p - 1] = '\0';
		if (strncmp(name, "answer:", 7) == 0) {
			if (form_field_index(form, name + 7) < 0)
				return err_set(err, errlen, ST_CONFIG,
				    _("unknown key in placeholder '{%s}'"), name);
		} else if (!contacts_section_known(name))
			return err_set(err, errlen, ST_CONFIG,
			    _("unknown placeholder '{%s}' (a contacts section "
			    "or answer:KEY)"), name);
		p = end + 1;
	}
	return ST_OK;
}

static int
parse_due(struct rule_action *a, const char *v, char *err, size_t errlen)
{
	static const struct { const char *name; enum due_base base; } bases[] = {
		{ "discovered", DUE_DISCOVERED },
		{ "preliminary_due", DUE_PRELIMINARY },
		{ "final_due", DUE_FINAL },
	};
	size_t i, n;
	char *end;
	long off = 0;

	for (i = 0; i < sizeof bases / sizeof bases[0]; i++) {
		n = strlen(bases[i].name);
		if (strncmp(v, bases[i].name, n) != 0)
			continue;
		v += n;
		while (*v == ' ')
			v++;
		if (*v == '+') {
			off = strtol(v + 1, &end, 10);
			if (end == v + 1 || off < 0 || off > 3650)
				break;
			v = end;
		}
		if (*v != '\0')
			break;
		a->due = bases[i].base;
		a->due_offset = (int)off;
		return ST_OK;
	}
	return err_set(err, errlen, ST_CONFIG, _("bad due '%s' (expected "
	    "discovered, preliminary_due or final_due, optionally '+ DAYS')"),
	    v);
}

static int
action_key(struct rules_loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	struct rule_action *a = ld->action;
	struct raw_action *raw = &ld->action_src[a - ld->r->actions];
	const char *k = l->key, *v = l->value;
	int handled = 0, rc = ST_OK, p;

	if (strcmp(k, "phase") == 0) {
		p = rules_phase_parse(v);
		if (p < 0)
			return err_set(err, errlen, ST_CONFIG, _("unknown phase "
			    "'%s' (allowed: immediate, investigate, report, "
			    "followup)"), v);
		a->phase = (enum phase)p;
		return ST_OK;
	}
	if (strcmp(k, "priority") == 0) {
		if (strlen(v) != 1 || v[0] < '1' || v[0] > '3')
			return err_set(err, errlen, ST_CONFIG,
			    _("priority must be 1, 2 or 3, not '%s'"), v);
		a->priority = v[0] - '0';
		return ST_OK;
	}
	if (strcmp(k, "when") == 0)
		return set_src(&raw->when, l, err, errlen);
	if (strcmp(k, "done_if") == 0)
		return set_src(&raw->done_if, l, err, errlen);
	if (strcmp(k, "due_if") == 0)
		return set_src(&raw->due_if, l, err, errlen);
	if (strcmp(k, "due") == 0)
		return parse_due(a, v, err, errlen);
	if (strcmp(k, "source") == 0) {
		free(a->source);
		a->source = xstrdup(v);
		return ST_OK;
	}
	if (strcmp(k, "confirm") == 0) {
		if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
			return err_set(err, errlen, ST_CONFIG,
			    _("confirm must be 'yes' or 'no'"));
		a->confirm = v[0] == 'y';
		return ST_OK;
	}
	rc = ini_set_tr(&a->title, k, "title", v, &handled, err, errlen);
	if (rc == ST_OK)
		rc = ini_set_tr(&a->reason, k, "reason", v, &handled, err, errlen);
	if (rc == ST_OK && !handled && strncmp(k, "detail.", 7) == 0) {
		rc = check_placeholders(ld->form, v, err, errlen);
		if (rc == ST_OK)
			rc = ini_set_tr(&a->detail, k, "detail", v, &handled, err,
			    errlen);
	}
	if (rc == ST_OK && !handled)
		rc = err_set(err, errlen, ST_CONFIG, _("unknown key '%s' in an "
		    "action (allowed: phase, priority, when, done_if, due, "
		    "due_if, title.ja/en, detail.ja/en, reason.ja/en, source, "
		    "confirm)"), k);
	return rc;
}

static int
define_key(struct rules_loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	struct rule_define *d = ld->define;
	int handled = 0, rc;

	if (strcmp(l->key, "when") == 0)
		return set_src(&ld->define_src[d - ld->r->defines], l, err,
		    errlen);
	rc = ini_set_tr(&d->label, l->key, "label", l->value, &handled, err,
	    errlen);
	if (rc == ST_OK && !handled)
		rc = err_set(err, errlen, ST_CONFIG, _("unknown key '%s' in a "
		    "define (allowed: when, label.ja/en)"), l->key);
	return rc;
}

static int
valid_id(const char *s)
{
	if (s == NULL || *s == '\0' || !(*s >= 'a' && *s <= 'z'))
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return 0;
	return 1;
}

static int
open_define(struct rules_loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	struct rules *r = ld->r;

	if (define_index(r, l->name) >= 0)
		return err_set(err, errlen, ST_CONFIG,
		    _("define '%s' declared twice"), l->name);
	if (form_field_index(ld->form, l->name) >= 0 ||
	    strcmp(l->name, "reportable") == 0)
		return err_set(err, errlen, ST_CONFIG,
		    _("define '%s' has the name of an answer key"), l->name);
	r->defines = xreallocarray(r->defines, r->ndefines + 1,
	    sizeof *r->defines);
	ld->define_src = xreallocarray(ld->define_src, r->ndefines + 1,
	    sizeof *ld->define_src);
	memset(&ld->define_src[r->ndefines], 0, sizeof *ld->define_src);
	ld->define = &r->defines[r->ndefines++];
	memset(ld->define, 0, sizeof *ld->define);
	ld->define->name = xstrdup(l->name);
	ld->define->line = l->line;
	return ST_OK;
}

static int
open_action(struct rules_loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	struct rules *r = ld->r;

	if (rules_action_index(r, l->name) >= 0)
		return err_set(err, errlen, ST_CONFIG,
		    _("action '%s' declared twice"), l->name);
	r->actions = xreallocarray(r->actions, r->nactions + 1,
	    sizeof *r->actions);
	ld->action_src = xreallocarray(ld->action_src, r->nactions + 1,
	    sizeof *ld->action_src);
	memset(&ld->action_src[r->nactions], 0, sizeof *ld->action_src);
	ld->action = &r->actions[r->nactions++];
	memset(ld->action, 0, sizeof *ld->action);
	ld->action->id = xstrdup(l->name);
	ld->action->line = l->line;
	ld->action->phase = (enum phase)-1;
	return ST_OK;
}

static int
on_line(void *ud, const struct ini_line *l, char *err, size_t errlen)
{
	struct rules_loader *ld = ud;

	ld->last_line = l->line;
	if (l->key == NULL) {
		ld->define = NULL;
		ld->action = NULL;
		if (!valid_id(l->name))
			return err_set(err, errlen, ST_CONFIG, _("expected "
			    "[define NAME] or [action ID] with a name of a-z, "
			    "0-9 and _"));
		if (strcmp(l->section, "define") == 0)
			return open_define(ld, l, err, errlen);
		if (strcmp(l->section, "action") == 0)
			return open_action(ld, l, err, errlen);
		return err_set(err, errlen, ST_CONFIG, _("unknown section "
		    "'[%s]' (allowed: [define NAME], [action ID])"), l->section);
	}
	if (ld->define != NULL)
		return define_key(ld, l, err, errlen);
	if (ld->action != NULL)
		return action_key(ld, l, err, errlen);
	return err_set(err, errlen, ST_CONFIG,
	    _("'%s' outside a [define] or [action] block"), l->key);
}

static void
mark_define(void *ud, int id)
{
	unsigned char *seen = ud;

	seen[id] = 1;
}

static void
ignore_key(void *ud, int id)
{
	(void)ud;
	(void)id;
}

/* The defines the assessment needs, and none of them may read
 * "reportable": reading it while computing it would be a cycle. */
static int
bind_assessment(struct rules_loader *ld, char *err, size_t errlen)
{
	struct rules *r = ld->r;
	char name[64];
	int i, *slots[GROUND_COUNT + 4];
	const char *extra[] = { "exemption_not_leaked", "exemption_encryption",
		"assessment_incomplete", "count_may_exceed_1000" };

	for (i = 0; i < GROUND_COUNT; i++)
		slots[i] = &r->ground_define[i];
	slots[GROUND_COUNT] = &r->exemption_not_leaked;
	slots[GROUND_COUNT + 1] = &r->exemption_encryption;
	slots[GROUND_COUNT + 2] = &r->incomplete_define;
	slots[GROUND_COUNT + 3] = &r->may_exceed_define;
	for (i = 0; i < GROUND_COUNT + 4; i++) {
		if (i < GROUND_COUNT)
			snprintf(name, sizeof name, "ground_%s", ground_names[i]);
		else
			snprintf(name, sizeof name, "%s", extra[i - GROUND_COUNT]);
		*slots[i] = define_index(r, name);
		if (*slots[i] < 0)
			return err_set(err, errlen, ST_CONFIG,
			    _("%s:%d: missing [define %s] (the legal assessment "
			    "needs it)"), r->name, ld->last_line, name);
	}
	return ST_OK;
}

static int
compile_defines(struct rules_loader *ld, char *err, size_t errlen)
{
	struct rules *r = ld->r;
	unsigned char *reads_assessment = xcalloc(r->ndefines, 1);
	unsigned char *seen = xcalloc(r->ndefines, 1);
	size_t i, j;
	int rc = ST_OK;

	for (i = 0; i < r->ndefines && rc == ST_OK; i++) {
		if (ld->define_src[i].text == NULL) {
			rc = err_set(err, errlen, ST_CONFIG,
			    _("%s:%d: define '%s' has no 'when'"), r->name,
			    r->defines[i].line, r->defines[i].name);
			break;
		}
		ld->compiling_define = (int)i;
		/* First without "reportable" to learn whether it reads it. */
		ld->forbid_reportable = 1;
		if (compile(ld, &ld->define_src[i], "when", &r->defines[i].when,
		    NULL, 0) != ST_OK) {
			ld->forbid_reportable = 0;
			rc = compile(ld, &ld->define_src[i], "when",
			    &r->defines[i].when, err, errlen);
			reads_assessment[i] = 1;
		}
		memset(seen, 0, r->ndefines);
		expr_walk(r->defines[i].when, ignore_key, mark_define, seen);
		for (j = 0; j < i; j++)
			if (seen[j] && reads_assessment[j])
				reads_assessment[i] = 1;
	}
	ld->compiling_define = (int)r->ndefines;
	ld->forbid_reportable = 0;
	if (rc == ST_OK)
		rc = bind_assessment(ld, err, errlen);
	for (i = 0; rc == ST_OK && i < GROUND_COUNT + 4; i++) {
		int id = i < GROUND_COUNT ? r->ground_define[i] :
		    i == GROUND_COUNT ? r->exemption_not_leaked :
		    i == GROUND_COUNT + 1 ? r->exemption_encryption :
		    i == GROUND_COUNT + 2 ? r->incomplete_define :
		    r->may_exceed_define;

		if (reads_assessment[id])
			rc = err_set(err, errlen, ST_CONFIG, _("%s:%d: define "
			    "'%s' reads 'reportable', which it helps compute"),
			    r->name, r->defines[id].line, r->defines[id].name);
	}
	free(reads_assessment);
	free(seen);
	return rc;
}

static int
compile_actions(struct rules_loader *ld, char *err, size_t errlen)
{
	struct rules *r = ld->r;
	struct rule_action *a;
	struct raw_action *raw;
	size_t i;
	int rc = ST_OK;

	for (i = 0; i < r->nactions && rc == ST_OK; i++) {
		a = &r->actions[i];
		raw = &ld->action_src[i];
		if ((int)a->phase < 0 || a->priority == 0 ||
		    a->title.s[LANG_JA] == NULL || a->title.s[LANG_EN] == NULL)
			return err_set(err, errlen, ST_CONFIG, _("%s:%d: action "
			    "'%s' needs phase, priority, title.ja and title.en"),
			    r->name, a->line, a->id);
		if (raw->due_if.text != NULL && a->due == DUE_NONE)
			return err_set(err, errlen, ST_CONFIG, _("%s:%d: due_if "
			    "without due"), r->name, raw->due_if.line);
		rc = compile(ld, &raw->when, "when", &a->when, err, errlen);
		if (rc == ST_OK)
			rc = compile(ld, &raw->done_if, "done_if", &a->done_if,
			    err, errlen);
		if (rc == ST_OK)
			rc = compile(ld, &raw->due_if, "due_if", &a->due_if,
			    err, errlen);
	}
	return rc;
}

static void
free_sources(struct rules_loader *ld)
{
	size_t i;

	for (i = 0; i < ld->r->ndefines; i++)
		free(ld->define_src[i].text);
	for (i = 0; i < ld->r->nactions; i++) {
		free(ld->action_src[i].when.text);
		free(ld->action_src[i].done_if.text);
		free(ld->action_src[i].due_if.text);
	}
	free(ld->define_src);
	free(ld->action_src);
}

int
rules_parse_string(const char *text, size_t len, const char *name,
    const struct form *form, struct rules **out, char *err, size_t errlen)
{
	struct rules_loader ld;
	int rc;

	memset(&ld, 0, sizeof ld);
	ld.form = form;
	ld.r = xcalloc(1, sizeof *ld.r);
	ld.r->name = xstrdup(name);
	ld.r->reportable_key = (int)form->nfields;
	rc = ini_parse_string(text, len, name, on_line, &ld, err, errlen);
	if (rc != ST_OK)
		rc = ST_CONFIG;
	if (rc == ST_OK)
		rc = compile_defines(&ld, err, errlen);
	if (rc == ST_OK)
		rc = compile_actions(&ld, err, errlen);
	free_sources(&ld);
	if (rc != ST_OK) {
		rules_free(ld.r);
		return rc;
	}
	*out = ld.r;
	return ST_OK;
}

int
rules_load(const char *path, const struct form *form, struct rules **out,
    char *err, size_t errlen)
{
	char *text;
	size_t len;
	int rc;

	rc = util_read_data(path, &text, &len, err, errlen);
	if (rc != ST_OK)
		return ST_CONFIG;
	rc = rules_parse_string(text, len, path, form, out, err, errlen);
	free(text);
	return rc;
}

void
rules_free(struct rules *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->ndefines; i++) {
		free(r->defines[i].name);
		expr_free(r->defines[i].when);
		tr_free(&r->defines[i].label);
	}
	for (i = 0; i < r->nactions; i++) {
		struct rule_action *a = &r->actions[i];

		free(a->id);
		free(a->source);
		expr_free(a->when);
		expr_free(a->done_if);
		expr_free(a->due_if);
		tr_free(&a->title);
		tr_free(&a->detail);
		tr_free(&a->reason);
	}
	free(r->defines);
	free(r->actions);
	free(r->name);
	free(r);
}

/* Evaluation state: defines are computed once, on first use. */
struct eval_state {
	const struct rules *r;
	size_t nfields;
	char *const *values;
	const char *reportable;		/* NULL until computed */
	signed char *memo;		/* -1 not yet, 0, 1 */
	struct expr_ctx ctx;
};

static const char *
ev_value(void *ud, int key)
{
	struct eval_state *st = ud;

	if ((size_t)key == st->nfields)
		return st->reportable;
	return st->values[key];
}

static int
ev_define(void *ud, int id)
{
	struct eval_state *st = ud;

	if (st->memo[id] < 0)
		st->memo[id] = (signed char)expr_eval(st->r->defines[id].when,
		    &st->ctx);
	return st->memo[id];
}

static int
holds(struct eval_state *st, const struct expr *e, int if_null)
{
	return e == NULL ? if_null : expr_eval(e, &st->ctx);
}

static void
assess(struct eval_state *st, struct rules_result *out)
{
	const struct rules *r = st->r;
	int i, exempt;

	out->grounds = 0;
	for (i = 0; i < GROUND_COUNT; i++)
		if (ev_define(st, r->ground_define[i]))
			out->grounds |= 1u << i;
	out->exemption = ev_define(st, r->exemption_not_leaked) ?
	    EXEMPTION_NOT_LEAKED : ev_define(st, r->exemption_encryption) ?
	    EXEMPTION_ENCRYPTION : EXEMPTION_NONE;
	exempt = out->exemption != EXEMPTION_NONE;
	if (ev_define(st, r->incomplete_define))
		out->reportable = REPORTABLE_UNDETERMINED;
	else if (out->grounds != 0)
		out->reportable = exempt ? REPORTABLE_NO : REPORTABLE_YES;
	else if (ev_define(st, r->may_exceed_define))
		out->reportable = REPORTABLE_UNDETERMINED;
	else
		out->reportable = REPORTABLE_NO;
}

static void
legal_dates(const struct holidays *h, char *const *values,
    const struct form *form, struct rules_result *out)
{
	int i = form_field_index(form, "discovered_at");
	int days;
	jtime_t t;

	out->discovered_day = -1;
	out->preliminary_due = out->final_due = -1;
	out->due_flags = 0;
	if (i < 0 || values[i] == NULL ||
	    jtime_parse(values[i], &t, NULL, 0) != 0)
		return;
	out->discovered_day = jtime_day(t);
	if (out->reportable == REPORTABLE_NO)
		return;
	/* Day 5 is the PPC guideline's target for "promptly": never moved.
	 * Case 3 (unauthorized purpose) has 60 days instead of 30. */
	days = out->grounds & (1u << GROUND_UNAUTHORIZED_PURPOSE) ? 60 : 30;
	out->preliminary_due = deadline_day_n(out->discovered_day, 5);
	out->final_due = deadline_legal(h, out->discovered_day, days,
	    &out->due_flags);
}

static long
action_due(const struct rule_action *a, const struct rules_result *res)
{
	long base = -1;

	if (a->due == DUE_DISCOVERED)
		base = res->discovered_day;
	else if (a->due == DUE_PRELIMINARY)
		base = res->preliminary_due;
	else if (a->due == DUE_FINAL)
		base = res->final_due;
	return base < 0 ? -1 : base + a->due_offset;
}

void
rules_eval(const struct rules *r, const struct form *form,
    const struct holidays *h, char *const *values, struct rules_result *out)
{
	struct eval_state st;
	const struct rule_action *a;
	size_t i;

	memset(&st, 0, sizeof st);
	st.r = r;
	st.nfields = form->nfields;
	st.values = values;
	st.memo = xmalloc(r->ndefines ? r->ndefines : 1);
	memset(st.memo, -1, r->ndefines);
	st.ctx.value = ev_value;
	st.ctx.define = ev_define;
	st.ctx.ud = &st;
	assess(&st, out);
	st.reportable = reportable_values[out->reportable];
	legal_dates(h, values, form, out);
	out->applies = xcalloc(r->nactions, 1);
	out->done_by_answer = xcalloc(r->nactions, 1);
	out->due = xcalloc(r->nactions, sizeof *out->due);
	for (i = 0; i < r->nactions; i++) {
		a = &r->actions[i];
		out->applies[i] = (unsigned char)holds(&st, a->when, 1);
		out->done_by_answer[i] = (unsigned char)holds(&st, a->done_if, 0);
		out->due[i] = holds(&st, a->due_if, 1) ? action_due(a, out) : -1;
	}
	free(st.memo);
}

void
rules_result_free(struct rules_result *res)
{
	free(res->applies);
	free(res->done_by_answer);
	free(res->due);
	res->applies = res->done_by_answer = NULL;
	res->due = NULL;
}
