/*
 * rules.c - evaluates data/actions.rules (loaded by rules_load.c) and says
 * what the result means. The file says what each ground, exemption and
 * open question is; this module holds only what docs/contract.md §5 fixes in C:
 * the order in which they make the result (assess), who reports, and the
 * legal due dates.
 */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract.h"
#include "i18n.h"
#include "jtime.h"

static const char *const phase_names[PHASE_COUNT] = {
	"immediate", "investigate", "report", "followup"
};
static const char *const ground_names[GROUND_COUNT] = {
	"sensitive", "financial", "unauthorized_purpose", "over_1000",
	"my_number"
};
static const char *const reportable_values[] = { "yes", "no", "undetermined" };

/* The contract with the rules file: the name of each define the
 * assessment reads (the grounds are "ground_" and their docs/contract.md name).
 * */
static const char *const need_names[NEED_COUNT] = {
	[NEED_GROUND_SENSITIVE] = "ground_sensitive",
	[NEED_GROUND_SENSITIVE + GROUND_FINANCIAL] = "ground_financial",
	[NEED_GROUND_SENSITIVE + GROUND_UNAUTHORIZED_PURPOSE] =
	    "ground_unauthorized_purpose",
	[NEED_GROUND_SENSITIVE + GROUND_OVER_1000] = "ground_over_1000",
	[NEED_GROUND_SENSITIVE + GROUND_MY_NUMBER] = "ground_my_number",
	[NEED_EXEMPTION_NOT_LEAKED] = "exemption_not_leaked",
	[NEED_EXEMPTION_ENCRYPTION] = "exemption_encryption",
	[NEED_NETWORK_CASE] = "network_case",
	[NEED_INCOMPLETE] = "assessment_incomplete",
	[NEED_LOSS_UNSETTLED] = "loss_unsettled",
	[NEED_NETWORK_OPEN] = "network_case_open",
	[NEED_MAY_EXCEED_1000] = "count_may_exceed_1000",
	[NEED_PURPOSE_UNKNOWN] = "purpose_not_excluded",
	[NEED_MY_NUMBER_EXPOSURE] = "my_number_exposure_open",
	[NEED_ROLE_PROCESSOR] = "role_processor",
	[NEED_ROLE_BOTH] = "role_both",
};

const char *
rules_need_name(enum rules_need n)
{
	return need_names[n];
}

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

const char *
rules_report_by_name(enum report_by b)
{
	static const char *const names[] = { "facility", "controller", "both" };

	return names[b];
}

int
rules_define_index(const struct rules *r, const char *name)
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

static const struct rule_define *
need_define(const struct rules *r, enum rules_need n)
{
	return &r->defines[r->need[n]];
}

const struct rule_define *
rules_ground_define(const struct rules *r, enum ground g)
{
	return need_define(r, (enum rules_need)(NEED_GROUND_SENSITIVE + g));
}

/* A define's label, or its name when it has none. */
static const char *
define_text(const struct rule_define *d, enum lang lang)
{
	const char *label = tr_get(&d->label, lang);

	return *label != '\0' ? label : d->name;
}

char *
rules_grounds_text(const struct rules *r, unsigned grounds, enum lang lang,
    const char *sep)
{
	struct buf b;
	int g;

	if (grounds == 0)
		return NULL;
	buf_init(&b);
	for (g = 0; g < GROUND_COUNT; g++) {
		if (!(grounds & (1u << g)))
			continue;
		if (b.len > 0)
			buf_adds(&b, sep);
		buf_adds(&b, define_text(rules_ground_define(r, (enum ground)g),
		    lang));
	}
	return buf_steal(&b);
}

const char *
rules_exemption_label(const struct rules *r, enum exemption e,
    enum lang lang)
{
	if (e == EXEMPTION_NOT_LEAKED)
		return define_text(need_define(r, NEED_EXEMPTION_NOT_LEAKED),
		    lang);
	if (e == EXEMPTION_ENCRYPTION)
		return define_text(need_define(r, NEED_EXEMPTION_ENCRYPTION),
		    lang);
	return NULL;
}

char *
rules_result_why(const struct rules *r, const struct rules_result *res,
    enum lang lang, const char *sep)
{
	struct buf b;
	int n;

	if (res->step == STEP_NETWORK_CASE)
		return xstrdup(define_text(need_define(r, NEED_NETWORK_CASE),
		    lang));
	if (res->step == STEP_EXEMPTION)
		return xstrdup(rules_exemption_label(r, res->exemption, lang));
	if (res->open == 0)
		return NULL;
	buf_init(&b);
	for (n = 0; n < NEED_COUNT; n++) {
		if (!(res->open & (1u << n)))
			continue;
		if (b.len > 0)
			buf_adds(&b, sep);
		buf_adds(&b, define_text(need_define(r, (enum rules_need)n),
		    lang));
	}
	return buf_steal(&b);
}

static void
add_facts(const struct rule_define *d, unsigned char *want)
{
	size_t i;

	for (i = 0; i < d->nfacts; i++)
		want[d->facts[i]] = 1;
}

size_t
rules_decision_facts(const struct rules *r, const struct rules_result *res,
    char *const *values, int *keys, size_t max)
{
	unsigned char *want;
	/* The pseudo-key "reportable" comes after the form's fields. */
	size_t i, n = 0, nfields = (size_t)r->reportable_key;
	int g;

	want = xcalloc(nfields ? nfields : 1, 1);
	if (res->exemption == EXEMPTION_NOT_LEAKED)
		add_facts(need_define(r, NEED_EXEMPTION_NOT_LEAKED), want);
	else if (res->exemption == EXEMPTION_ENCRYPTION)
		add_facts(need_define(r, NEED_EXEMPTION_ENCRYPTION), want);
	else
		for (g = 0; g < GROUND_COUNT; g++)
			add_facts(rules_ground_define(r, (enum ground)g), want);
	/* A lost device whose network case was settled by the access log:
	 * the "no" rests on that log as much as on the device. */
	add_facts(need_define(r, NEED_NETWORK_OPEN), want);
	for (i = 0; i < nfields && n < max; i++)
		if (want[i] && values[i] != NULL)
			keys[n++] = (int)i;
	free(want);
	return n;
}

/* A value by its choice labels (multi: each, joined). */
static void
add_value(struct buf *b, const struct form_field *fld, const char *value,
    enum lang lang)
{
	char *copy, *tok, *save = NULL;
	int first = 1;

	if (fld->type != FORM_MULTI) {
		buf_adds(b, fld->nchoices > 0 ? form_choice_label(fld, value,
		    lang) : value);
		return;
	}
	copy = xstrdup(value);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (!first)
			buf_adds(b, lang == LANG_JA ? "・" : ", ");
		buf_adds(b, form_choice_label(fld, tok, lang));
		first = 0;
	}
	free(copy);
}

char *
rules_facts_text(const struct rules *r, const struct form *form,
    const struct rules_result *res, char *const *values, enum lang lang,
    const char *sep)
{
	int *keys = xcalloc(form->nfields ? form->nfields : 1, sizeof *keys);
	size_t i, n = rules_decision_facts(r, res, values, keys, form->nfields);
	const struct form_field *fld;
	struct buf b;

	if (n == 0) {
		free(keys);
		return NULL;
	}
	buf_init(&b);
	for (i = 0; i < n; i++) {
		fld = &form->fields[keys[i]];
		if (i > 0)
			buf_adds(&b, sep);
		buf_adds(&b, tr_get(&fld->label, lang));
		buf_adds(&b, lang == LANG_JA ? "：" : ": ");
		add_value(&b, fld, values[keys[i]], lang);
	}
	free(keys);
	return buf_steal(&b);
}

const char *
rules_reportable_text(enum reportable r)
{
	switch (r) {
	case REPORTABLE_YES:
		return N_("yes: report to the PPC and notify the individuals");
	case REPORTABLE_NO:
		return N_("not reportable — record the grounds for this "
		    "decision");
	default:
		return N_("undetermined: facts still to be established");
	}
}

const char *
rules_report_by_text(enum report_by b)
{
	switch (b) {
	case REPORT_BY_CONTROLLER:
		return N_("the business that entrusted the data (the facility "
		    "tells it promptly: notify_controller)");
	case REPORT_BY_BOTH:
		return N_("the facility for its own data; the business that "
		    "entrusted the rest, once told (notify_controller)");
	default:
		return N_("the facility");
	}
}

const char *
rules_why_heading(const struct rules_result *res)
{
	if (res->reportable == REPORTABLE_UNDETERMINED)
		return N_("Still open");
	if (res->reportable == REPORTABLE_NO)
		return N_("Decision rests on");
	return res->step == STEP_NETWORK_CASE ? N_("Because") : NULL;
}

const char *
rules_no_ground_text(void)
{
	return N_("none of the grounds of APPI Art. 26 holds");
}

/* ---- evaluation ---- */

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
need(struct eval_state *st, enum rules_need n)
{
	return ev_define(st, st->r->need[n]);
}

static int
holds(struct eval_state *st, const struct expr *e, int if_null)
{
	return e == NULL ? if_null : expr_eval(e, &st->ctx);
}

/* The open questions of step 6 that hold. */
static unsigned
still_open(struct eval_state *st)
{
	static const enum rules_need open[] = { NEED_MAY_EXCEED_1000,
		NEED_PURPOSE_UNKNOWN, NEED_MY_NUMBER_EXPOSURE };
	unsigned bits = 0;
	size_t i;

	for (i = 0; i < sizeof open / sizeof open[0]; i++)
		if (need(st, open[i]))
			bits |= 1u << open[i];
	return bits;
}

static void
decide(struct rules_result *out, enum reportable rep, enum rules_step step,
    unsigned open)
{
	out->reportable = rep;
	out->step = step;
	out->open = open;
}

/*
 * The ladder of docs/contract.md §5, steps 1 to 7, in this order because each
 * step settles what the later ones would get wrong:
 * 1. the network case first: the device's protection never protects the
 *    network's data, so no exemption may clear it, and it holds even
 *    before the kinds of data are known;
 * 2. nothing else can be said while the kinds of data are unknown;
 * 3. with no exemption, a ground decides, except while an inside-only
 *    loss is not settled (whether anything was lost at all is open);
 * 4. a network case still open (the access log unchecked) keeps the
 *    result open even when the device's own data is exempt: only the
 *    log settles it;
 * 5. an exemption clears every remaining ground;
 * 6. with no ground, "no" still waits for what could make one: a count
 *    over 1,000, a deliberate act not yet excluded, My Number possibly
 *    open to anyone online;
 * 7. otherwise no ground holds.
 * The exemption is computed on its own, the first that holds.
 */
static void
assess(struct eval_state *st, struct rules_result *out)
{
	int g;

	out->grounds = 0;
	for (g = 0; g < GROUND_COUNT; g++)
		if (need(st, (enum rules_need)(NEED_GROUND_SENSITIVE + g)))
			out->grounds |= 1u << g;
	out->exemption = need(st, NEED_EXEMPTION_NOT_LEAKED) ?
	    EXEMPTION_NOT_LEAKED : need(st, NEED_EXEMPTION_ENCRYPTION) ?
	    EXEMPTION_ENCRYPTION : EXEMPTION_NONE;
	out->report_by = need(st, NEED_ROLE_PROCESSOR) ? REPORT_BY_CONTROLLER :
	    need(st, NEED_ROLE_BOTH) ? REPORT_BY_BOTH : REPORT_BY_FACILITY;
	if (need(st, NEED_NETWORK_CASE))
		decide(out, REPORTABLE_YES, STEP_NETWORK_CASE, 0);
	else if (need(st, NEED_INCOMPLETE))
		decide(out, REPORTABLE_UNDETERMINED, STEP_INCOMPLETE,
		    1u << NEED_INCOMPLETE);
	else if (out->exemption == EXEMPTION_NONE &&
	    need(st, NEED_LOSS_UNSETTLED))
		decide(out, REPORTABLE_UNDETERMINED, STEP_NO_EXEMPTION,
		    1u << NEED_LOSS_UNSETTLED);
	else if (out->exemption == EXEMPTION_NONE && out->grounds != 0)
		decide(out, REPORTABLE_YES, STEP_NO_EXEMPTION, 0);
	else if (need(st, NEED_NETWORK_OPEN))
		decide(out, REPORTABLE_UNDETERMINED, STEP_NETWORK_OPEN,
		    1u << NEED_NETWORK_OPEN);
	else if (out->exemption != EXEMPTION_NONE)
		decide(out, REPORTABLE_NO, STEP_EXEMPTION, 0);
	else if (still_open(st) != 0)
		decide(out, REPORTABLE_UNDETERMINED, STEP_STILL_OPEN,
		    still_open(st));
	else
		decide(out, REPORTABLE_NO, STEP_NO_GROUND, 0);
}

static void
legal_dates(const struct holidays *h, char *const *values,
    const struct form *form, struct rules_result *out)
{
	int i = form_field_index(form, FIELD_DISCOVERED_AT);
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
	 * Case 3 (unauthorized purpose) has 60 days instead of 30, even when
	 * an exemption clears the grounds: should a leak be found, that act
	 * caused it. */
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
