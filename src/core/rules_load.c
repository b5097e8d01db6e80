/*
 * rules_load.c - reads data/actions.rules: the [define] and [action]
 * blocks, their conditions compiled against the form once the whole file
 * is read (a define may use only defines above it, which rules out
 * cycles), and the defines the assessment needs bound by name. Those may
 * not read the assessment ("reportable") themselves, directly or through
 * another define: that would be a cycle too. Every error is "FILE:LINE:".
 */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contacts.h"
#include "i18n.h"
#include "ini.h"

static const char *const reportable_values[] = { "yes", "no", "undetermined" };

/* An expression's source and line, compiled after the whole file is read. */
struct src {
	char *text;
	int line;
};

struct raw_action {
	struct src when, done_if, due_if;
	struct src source;		/* plain "source": both languages */
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
	int i = rules_define_index(ld->r, name);

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
	if (strcmp(k, "source") == 0)
		return set_src(&raw->source, l, err, errlen);
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
	if (rc == ST_OK)
		rc = ini_set_tr(&a->source, k, "source", v, &handled, err, errlen);
	if (rc == ST_OK && !handled && strncmp(k, "detail.", 7) == 0) {
		rc = check_placeholders(ld->form, v, err, errlen);
		if (rc == ST_OK)
			rc = ini_set_tr(&a->detail, k, "detail", v, &handled, err,
			    errlen);
	}
	if (rc == ST_OK && !handled)
		rc = err_set(err, errlen, ST_CONFIG, _("unknown key '%s' in an "
		    "action (allowed: phase, priority, when, done_if, due, "
		    "due_if, title.ja/en, detail.ja/en, reason.ja/en, "
		    "source.ja/en, source, confirm)"), k);
	return rc;
}

/* "facts = key, key": the answers a decision resting on this define is
 * shown with; each must be a key of the form, once. */
static int
parse_facts(struct rules_loader *ld, const char *v, char *err, size_t errlen)
{
	struct rule_define *d = ld->define;
	char *copy = xstrdup(v), *tok, *save = NULL;
	int rc = ST_OK, i;
	size_t j;

	if (d->facts != NULL)
		rc = err_set(err, errlen, ST_CONFIG, _("'facts' given twice"));
	for (tok = strtok_r(copy, ",", &save); tok != NULL && rc == ST_OK;
	    tok = strtok_r(NULL, ",", &save)) {
		tok = util_trim(tok);
		i = form_field_index(ld->form, tok);
		if (i < 0) {
			rc = err_set(err, errlen, ST_CONFIG, _("facts: unknown "
			    "key '%s'"), tok);
			break;
		}
		for (j = 0; j < d->nfacts; j++)
			if (d->facts[j] == i)
				rc = err_set(err, errlen, ST_CONFIG,
				    _("facts: '%s' listed twice"), tok);
		d->facts = xreallocarray(d->facts, d->nfacts + 1,
		    sizeof *d->facts);
		d->facts[d->nfacts++] = i;
	}
	if (rc == ST_OK && d->nfacts == 0)
		rc = err_set(err, errlen, ST_CONFIG, _("facts: no key given"));
	free(copy);
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
	if (strcmp(l->key, "facts") == 0)
		return parse_facts(ld, l->value, err, errlen);
	rc = ini_set_tr(&d->label, l->key, "label", l->value, &handled, err,
	    errlen);
	if (rc == ST_OK && !handled)
		rc = err_set(err, errlen, ST_CONFIG, _("unknown key '%s' in a "
		    "define (allowed: when, label.ja/en, facts)"), l->key);
	return rc;
}

static int
open_define(struct rules_loader *ld, const struct ini_line *l, char *err,
    size_t errlen)
{
	struct rules *r = ld->r;

	if (rules_define_index(r, l->name) >= 0)
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
		if (!ini_valid_name(l->name, 1))
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

/* The defines the assessment needs, bound by name: a define missing is
 * reported at the file's last line, since there is no line of its own to
 * point at. */
static int
bind_assessment(struct rules_loader *ld, char *err, size_t errlen)
{
	struct rules *r = ld->r;
	int n;

	for (n = 0; n < NEED_COUNT; n++) {
		r->need[n] = rules_define_index(r, rules_need_name(
		    (enum rules_need)n));
		if (r->need[n] < 0)
			return err_set(err, errlen, ST_CONFIG,
			    _("%s:%d: missing [define %s] (the legal assessment "
			    "needs it)"), r->name, ld->last_line,
			    rules_need_name((enum rules_need)n));
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
	for (i = 0; rc == ST_OK && i < NEED_COUNT; i++) {
		int id = r->need[i];

		if (reads_assessment[id])
			rc = err_set(err, errlen, ST_CONFIG, _("%s:%d: define "
			    "'%s' reads 'reportable', which it helps compute"),
			    r->name, r->defines[id].line, r->defines[id].name);
	}
	free(reads_assessment);
	free(seen);
	return rc;
}

/* A plain "source" stands for each language the action does not give
 * on its own: files written before source.ja/en still load. */
static void
fill_source(struct rule_action *a, const struct raw_action *raw)
{
	int l;

	for (l = 0; raw->source.text != NULL && l < LANG_COUNT; l++)
		if (a->source.s[l] == NULL)
			a->source.s[l] = xstrdup(raw->source.text);
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
		fill_source(a, raw);
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
		free(ld->action_src[i].source.text);
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
	rc = ini_parse_string(text, len, name, INI_CONTINUE, on_line, &ld, err,
	    errlen);
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
		free(r->defines[i].facts);
	}
	for (i = 0; i < r->nactions; i++) {
		struct rule_action *a = &r->actions[i];

		free(a->id);
		tr_free(&a->source);
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
