/*
 * test_rules.c - the shipped data/actions.rules and the assessment code
 * checked against the contract: docs/contract.md §4 (the action table: one test
 * per row, each with cases where the action applies and near misses where it
 * does not, phases and the checklist order), docs/contract.md §5 (one test per
 * ground, per exemption and per result step; the due dates, counted by hand
 * from the calendar and docs/legal.md §2) and the error paths of
 * rules_parse_string.
 *
 * The docs/contract.md is v2: grounds, exemptions and the seven result
 * steps of §5, report_by, and the §4 table with the processor route, the
 * network's access log, continuity of care, public exposure and the
 * contractor. Every case a rule reads is given with a near miss that must
 * not fire.
 *
 * Incidents are built by hand (no database): one canonical value per form
 * field, written as "key=value; key=value" so that every failure message
 * shows the exact case. Checks are "soft": a test reports every mismatch it
 * finds (stderr, "MISMATCH ...") and then fails once, so one run lists all
 * disagreements with the contract (docs/contract.md). Run from the repository
 * root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "spec_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jtime.h"
#include "model.h"
#include "rules.h"
#include "util.h"

static struct model_data *g_d;

/* docs/contract.md names, written here rather than read from the code under
 * test. */
static const char *const spec_ground[GROUND_COUNT] = {
	[GROUND_SENSITIVE] = "sensitive",
	[GROUND_FINANCIAL] = "financial",
	[GROUND_UNAUTHORIZED_PURPOSE] = "unauthorized_purpose",
	[GROUND_OVER_1000] = "over_1000",
	[GROUND_MY_NUMBER] = "my_number",
};

static const char *
spec_reportable(enum reportable r)
{
	switch (r) {
	case REPORTABLE_YES: return "yes";
	case REPORTABLE_NO: return "no";
	case REPORTABLE_UNDETERMINED: return "undetermined";
	}
	return "?";
}

static const char *
spec_exemption(enum exemption e)
{
	switch (e) {
	case EXEMPTION_NONE: return "none";
	case EXEMPTION_ENCRYPTION: return "encryption";
	case EXEMPTION_NOT_LEAKED: return "not_leaked";
	}
	return "?";
}

static const char *
spec_phase(enum phase p)
{
	switch (p) {
	case PHASE_IMMEDIATE: return "immediate";
	case PHASE_INVESTIGATE: return "investigate";
	case PHASE_REPORT: return "report";
	case PHASE_FOLLOWUP: return "followup";
	case PHASE_COUNT: break;
	}
	return "?";
}


/* ---- data ---- */

static int
setup_data(void **state)
{
	char err[1024] = "";

	(void)state;
	if (model_data_load(".", &g_d, err, sizeof err) != ST_OK) {
		fprintf(stderr, "cannot load the data directory: %s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown_data(void **state)
{
	(void)state;
	model_data_free(g_d);
	g_d = NULL;
	return 0;
}

/* ---- an incident built by hand ---- */

struct run {
	char kv[768];
	struct incident inc;
	struct evaluation ev;
	int evaluated;
};

static void
run_free(struct run *r)
{
	size_t i;

	if (r->evaluated)
		model_evaluation_free(&r->ev);
	for (i = 0; i < r->inc.nvalues; i++)
		free(r->inc.values[i]);
	free(r->inc.values);
	memset(r, 0, sizeof *r);
}

/* Sets key to the canonical form of value (the form must accept it). */
static void
put(struct run *r, const char *key, const char *value)
{
	int i = form_field_index(g_d->form, key);
	char *canon = NULL, err[512];

	if (i < 0)
		fail_msg("[%s]: the form has no key '%s'", r->kv, key);
	if (form_value_normalize(&g_d->form->fields[i], value, &canon, err,
	    sizeof err) != ST_OK)
		fail_msg("[%s]: %s=%s rejected: %s", r->kv, key, value, err);
	free(r->inc.values[i]);
	r->inc.values[i] = canon;
}

/* Evaluates the incident "key=value; key=value ..." (unlisted keys are
 * unanswered). */
static void
run(struct run *r, const char *kv)
{
	char *copy, *item, *save = NULL, *eq;

	run_free(r);
	snprintf(r->kv, sizeof r->kv, "%s", kv);
	r->inc.nvalues = g_d->form->nfields;
	r->inc.values = calloc(r->inc.nvalues, sizeof *r->inc.values);
	assert_non_null(r->inc.values);
	copy = strdup(kv);
	assert_non_null(copy);
	for (item = strtok_r(copy, ";", &save); item != NULL;
	    item = strtok_r(NULL, ";", &save)) {
		item = util_trim(item);
		if (*item == '\0')
			continue;
		eq = strchr(item, '=');
		if (eq == NULL)
			fail_msg("bad test case item '%s'", item);
		*eq = '\0';
		put(r, util_trim(item), util_trim(eq + 1));
	}
	free(copy);
	model_evaluate(g_d, &r->inc, &r->ev);
	r->evaluated = 1;
}

static void
fmt_day(long day, char out[11])
{
	if (day < 0)
		out[0] = '\0';
	else
		jtime_format_date(day, out);
}

static void
grounds_string(unsigned g, char *out, size_t len)
{
	int i;

	out[0] = '\0';
	for (i = 0; i < GROUND_COUNT; i++)
		if (g & (1u << i)) {
			if (out[0] != '\0')
				strncat(out, ",", len - strlen(out) - 1);
			strncat(out, spec_ground[i], len - strlen(out) - 1);
		}
}

/* The action is listed (want 1) or not (want 0). */
#define LISTED(r, id) check_listed(r, id, 1, __LINE__)
#define NOT_LISTED(r, id) check_listed(r, id, 0, __LINE__)
static void
check_listed(const struct run *r, const char *id, int want, int line)
{
	const struct check_item *it = model_item_find(&r->ev, id);

	if ((it != NULL) != want)
		mismatch(line, "[%s]: action %s should %sbe listed but is %s",
		    r->kv, id, want ? "" : "not ", it ? "listed" : "not listed");
}

/* Evaluates kv and checks the action. */
#define APPLIES(r, kv, id) do { run(r, kv); check_listed(r, id, 1, __LINE__); } while (0)
#define NOT_APPLIES(r, kv, id) do { run(r, kv); check_listed(r, id, 0, __LINE__); } while (0)

#define STATUS(r, id, st) check_status(r, id, st, __LINE__)
static void
check_status(const struct run *r, const char *id, enum action_status st,
    int line)
{
	const struct check_item *it = model_item_find(&r->ev, id);
	static const char *const names[] = { "open", "done", "skipped" };

	if (it == NULL)
		mismatch(line, "[%s]: action %s not listed (expected status %s)",
		    r->kv, id, names[st]);
	else if (it->status != st)
		mismatch(line, "[%s]: action %s status %s, expected %s", r->kv,
		    id, names[it->status], names[st]);
}

/* Listed done by the answers, with nobody recorded yet (docs/contract.md §4).
 * */
#define DONE_BY_ANSWER(r, id) check_done_by_answer(r, id, __LINE__)
static void
check_done_by_answer(const struct run *r, const char *id, int line)
{
	const struct check_item *it = model_item_find(&r->ev, id);

	if (it == NULL)
		mismatch(line, "[%s]: action %s not listed (expected done by "
		    "the answers)", r->kv, id);
	else if (it->status != ACTION_DONE || !it->done_by_answer ||
	    it->record != NULL)
		mismatch(line, "[%s]: action %s should be done by the answers "
		    "with no record", r->kv, id);
}

/* The phase of an action, as docs/contract.md §4 gives it. */
#define PHASE(id, p) check_phase(id, p, __LINE__)
static void
check_phase(const char *id, enum phase p, int line)
{
	const struct rule_action *a = rules_action_find(g_d->rules, id);

	if (a == NULL)
		mismatch(line, "action %s missing from the rules", id);
	else if (a->phase != p)
		mismatch(line, "%s phase %s, expected %s", id,
		    spec_phase(a->phase), spec_phase(p));
}

/* due: "YYYY-MM-DD" or "" for none. */
#define DUE(r, id, due) check_due(r, id, due, __LINE__)
static void
check_due(const struct run *r, const char *id, const char *due, int line)
{
	const struct check_item *it = model_item_find(&r->ev, id);
	char got[11];

	if (it == NULL) {
		mismatch(line, "[%s]: action %s not listed (expected due '%s')",
		    r->kv, id, due);
		return;
	}
	fmt_day(it->due, got);
	if (strcmp(got, due) != 0)
		mismatch(line, "[%s]: action %s due '%s', expected '%s'", r->kv,
		    id, got, due);
}

/* The assessment: reportable, grounds (docs/contract.md order), exemption. */
#define RESULT(r, rep, gr, ex) check_result(r, rep, gr, ex, __LINE__)
static void
check_result(const struct run *r, const char *rep, const char *grounds,
    const char *ex, int line)
{
	const struct rules_result *res = &r->ev.result;
	char g[128];

	grounds_string(res->grounds, g, sizeof g);
	if (rep != NULL && strcmp(spec_reportable(res->reportable), rep) != 0)
		mismatch(line, "[%s]: reportable=%s, expected %s", r->kv,
		    spec_reportable(res->reportable), rep);
	if (grounds != NULL && strcmp(g, grounds) != 0)
		mismatch(line, "[%s]: grounds=%s, expected %s", r->kv, g,
		    grounds);
	if (ex != NULL && strcmp(spec_exemption(res->exemption), ex) != 0)
		mismatch(line, "[%s]: exemption=%s, expected %s", r->kv,
		    spec_exemption(res->exemption), ex);
}

/* Whether one ground is among the grounds. */
#define GROUND(r, g, want) check_ground(r, g, want, __LINE__)
static void
check_ground(const struct run *r, enum ground g, int want, int line)
{
	int has = (r->ev.result.grounds & (1u << g)) != 0;

	if (has != want)
		mismatch(line, "[%s]: ground %s should %shold", r->kv,
		    spec_ground[g], want ? "" : "not ");
}

/* docs/contract.md §5 report_by: facility, controller or both. */
#define REPORT_BY(r, by) check_report_by(r, by, __LINE__)
static void
check_report_by(const struct run *r, const char *by, int line)
{
	static const char *const names[] = { "facility", "controller", "both" };
	const char *got = names[r->ev.result.report_by];

	if (strcmp(got, by) != 0)
		mismatch(line, "[%s]: report_by=%s, expected %s", r->kv, got,
		    by);
}

#define DUES(r, pre, fin) check_dues(r, pre, fin, __LINE__)
static void
check_dues(const struct run *r, const char *pre, const char *fin, int line)
{
	char p[11], f[11];

	fmt_day(r->ev.result.preliminary_due, p);
	fmt_day(r->ev.result.final_due, f);
	if (strcmp(p, pre) != 0)
		mismatch(line, "[%s]: preliminary_due='%s', expected '%s'",
		    r->kv, p, pre);
	if (strcmp(f, fin) != 0)
		mismatch(line, "[%s]: final_due='%s', expected '%s'", r->kv, f,
		    fin);
}

/* ======================================================== docs/contract.md §4
 * table */

/* The action IDs of the docs/contract.md §4 table (v2). */
static const char *const spec_ids[] = {
	"assemble_team", "assess_reportability", "recurrence_prevention",
	"staff_education", "change_password", "suspend_user_id", "remote_wipe",
	"line_suspension", "mdm_lock", "search_lost_item", "police_lost_report",
	"police_theft_report", "update_device_ledger", "contact_recipient",
	"check_network_log", "confirm_deletion", "isolate_system",
	"preserve_logs", "police_cyber_consult", "report_mhlw", "contact_vendor",
	"restore_from_backup", "continue_care", "take_down_public",
	"contractor_report", "interview_staff", "estimate_persons_count",
	"secondary_damage_response", "report_municipality",
	"ppc_preliminary_report", "ppc_final_report", "notify_individuals",
	"decide_publication", "notify_controller",
};
#define N_CONTRACT_IDS (sizeof spec_ids / sizeof spec_ids[0])

static int
is_spec_action(const char *id)
{
	size_t i;

	for (i = 0; i < N_CONTRACT_IDS; i++)
		if (strcmp(spec_ids[i], id) == 0)
			return 1;
	return 0;
}

/* The listed docs/contract.md actions must be exactly want[0..n-1]; actions the
 * contract (docs/contract.md) does not name are allowed ("add freely") and only
 * noted. */
#define EXACTLY(r, want) check_exactly(r, want, \
	sizeof want / sizeof want[0], __LINE__)
static void
check_exactly(const struct run *r, const char *const *want, size_t n,
    int line)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		check_listed(r, want[i], 1, line);
	for (i = 0; i < r->ev.nitems; i++) {
		const char *id = r->ev.items[i].action->id;

		if (!is_spec_action(id)) {
			fprintf(stderr, "note: [%s]: %s listed (not in docs/contract.md "
			    "§4)\n", r->kv, id);
			continue;
		}
		for (j = 0; j < n; j++)
			if (strcmp(want[j], id) == 0)
				break;
		if (j == n)
			mismatch(line, "[%s]: action %s should not be listed",
			    r->kv, id);
	}
}

/* Every action ID of the table exists in the rules. */
static void
test_action_ids_known(void **state)
{
	size_t i;

	BEGIN();
	for (i = 0; i < N_CONTRACT_IDS; i++)
		if (rules_action_find(g_d->rules, spec_ids[i]) == NULL)
			mismatch(__LINE__, "action %s missing from the rules",
			    spec_ids[i]);
	END();
}

/* assemble_team: always. */
static void
test_action_assemble_team(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "", "assemble_team");
	APPLIES(&r, "kind=verbal; data_types=none", "assemble_team");
	APPLIES(&r, "kind=fax_misdelivery; recipient_kind=internal; "
	    "data_types=contact; persons_count=1; persons_basis=exact",
	    "assemble_team");
	APPLIES(&r, "kind=malware; data_types=medical; persons_count=5000",
	    "assemble_team");
	run_free(&r);
	END();
}

/* assess_reportability: always; due = the preliminary target while
 * undetermined, empty otherwise. */
static void
test_action_assess_reportability(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "", "assess_reportability");
	DUE(&r, "assess_reportability", "");	/* no discovered_at */
	/* undetermined (data_types unanswered): due day 5 */
	APPLIES(&r, "kind=device_loss; discovered_at=2026-10-05 18:20",
	    "assess_reportability");
	RESULT(&r, "undetermined", NULL, NULL);
	DUE(&r, "assess_reportability", "2026-10-09");
	/* undetermined by count: due day 5 too */
	run(&r, "kind=paper_loss; discovered_at=2026-10-05 18:20; "
	    "data_types=contact; persons_basis=unknown");
	RESULT(&r, "undetermined", "", NULL);
	DUE(&r, "assess_reportability", "2026-10-09");
	/* yes: listed, no due */
	run(&r, "kind=paper_loss; discovered_at=2026-10-05 18:20; "
	    "data_types=medical; persons_count=3; persons_basis=exact");
	RESULT(&r, "yes", "sensitive", "none");
	DUE(&r, "assess_reportability", "");
	/* no: listed, no due */
	run(&r, "kind=paper_loss; discovered_at=2026-10-05 18:20; "
	    "data_types=none");
	RESULT(&r, "no", "", NULL);
	DUE(&r, "assess_reportability", "");
	/* undetermined while a deliberate act is not excluded (v2 step 6) */
	run(&r, "kind=paper_loss; discovered_at=2026-10-05 18:20; "
	    "data_types=contact; persons_count=3; persons_basis=exact");
	RESULT(&r, "undetermined", "", "none");
	DUE(&r, "assess_reportability", "2026-10-09");
	run_free(&r);
	END();
}

/* recurrence_prevention, staff_education: always, followup. */
static void
test_action_followup_always(void **state)
{
	static const char *const cases[] = {
		"",
		"kind=device_loss",
		"kind=email_misdelivery; recipient_kind=internal; data_types=none",
		"kind=unauthorized_access; data_types=medical; persons_count=2000",
	};
	struct run r = { 0 };
	const struct rule_action *a;
	size_t i;

	BEGIN();
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		run(&r, cases[i]);
		LISTED(&r, "recurrence_prevention");
		LISTED(&r, "staff_education");
	}
	a = rules_action_find(g_d->rules, "recurrence_prevention");
	if (a != NULL && a->phase != PHASE_FOLLOWUP)
		mismatch(__LINE__, "recurrence_prevention phase %s, expected "
		    "followup", spec_phase(a->phase));
	a = rules_action_find(g_d->rules, "staff_education");
	if (a != NULL && a->phase != PHASE_FOLLOWUP)
		mismatch(__LINE__, "staff_education phase %s, expected "
		    "followup", spec_phase(a->phase));
	run_free(&r);
	END();
}

/* change_password and suspend_user_id share one condition: kind in
 * {device_loss, device_theft}, device_type != paper and network_access !=
 * no; or kind = unauthorized_access; or data_types has credentials; or
 * browser_saved_login = yes. */
static void
login_at_risk(const char *id)
{
	struct run r = { 0 };

	/* network_access unanswered compares as unknown: != no holds */
	APPLIES(&r, "kind=device_loss", id);
	APPLIES(&r, "kind=device_theft", id);
	APPLIES(&r, "kind=device_loss; network_access=unknown", id);
	APPLIES(&r, "kind=device_theft; network_access=yes", id);
	APPLIES(&r, "kind=device_loss; device_type=laptop; network_access=yes",
	    id);
	APPLIES(&r, "kind=unauthorized_access", id);
	APPLIES(&r, "kind=unauthorized_access; network_access=no", id);
	APPLIES(&r, "kind=paper_loss; data_types=credentials", id);
	APPLIES(&r, "kind=email_misdelivery; data_types=contact,credentials",
	    id);
	APPLIES(&r, "data_types=credentials", id);
	APPLIES(&r, "kind=device_loss; network_access=no; "
	    "data_types=credentials", id);
	APPLIES(&r, "kind=other; browser_saved_login=yes", id);
	APPLIES(&r, "kind=device_loss; network_access=no; "
	    "browser_saved_login=yes", id);
	/* paper with the IDs written on it is still a login at risk */
	APPLIES(&r, "kind=device_theft; device_type=paper; "
	    "data_types=credentials", id);
	/* near misses */
	NOT_APPLIES(&r, "kind=device_loss; network_access=no", id);
	NOT_APPLIES(&r, "kind=device_theft; network_access=no; "
	    "browser_saved_login=no; data_types=medical,contact", id);
	NOT_APPLIES(&r, "kind=device_loss; network_access=no; "
	    "browser_saved_login=unknown", id);
	/* paper is not a device: nothing to log in with */
	NOT_APPLIES(&r, "kind=device_loss; device_type=paper", id);
	NOT_APPLIES(&r, "kind=device_theft; device_type=paper; "
	    "network_access=yes; data_types=medical", id);
	NOT_APPLIES(&r, "kind=paper_loss", id);
	NOT_APPLIES(&r, "kind=email_misdelivery; network_access=yes", id);
	NOT_APPLIES(&r, "kind=malware; data_types=medical", id);
	NOT_APPLIES(&r, "kind=other; browser_saved_login=unknown", id);
	NOT_APPLIES(&r, "", id);
	run_free(&r);
}

static void
test_action_change_password(void **state)
{
	const struct rule_action *a;

	BEGIN();
	login_at_risk("change_password");
	a = rules_action_find(g_d->rules, "change_password");
	if (a != NULL && a->phase != PHASE_IMMEDIATE)
		mismatch(__LINE__, "change_password phase %s, expected "
		    "immediate", spec_phase(a->phase));
	END();
}

static void
test_action_suspend_user_id(void **state)
{
	const struct rule_action *a;

	BEGIN();
	login_at_risk("suspend_user_id");
	a = rules_action_find(g_d->rules, "suspend_user_id");
	if (a != NULL && a->phase != PHASE_IMMEDIATE)
		mismatch(__LINE__, "suspend_user_id phase %s, expected "
		    "immediate", spec_phase(a->phase));
	END();
}

/* remote_wipe: device kinds, device_type in {smartphone, tablet, laptop},
 * remote_wipe in {available, unknown, done}; done when done. */
static void
test_action_remote_wipe(void **state)
{
	struct run r = { 0 };

	BEGIN();
	/* remote_wipe unanswered compares as unknown: applies */
	APPLIES(&r, "kind=device_loss; device_type=smartphone", "remote_wipe");
	STATUS(&r, "remote_wipe", ACTION_OPEN);
	APPLIES(&r, "kind=device_theft; device_type=tablet; "
	    "remote_wipe=available", "remote_wipe");
	STATUS(&r, "remote_wipe", ACTION_OPEN);
	APPLIES(&r, "kind=device_loss; device_type=laptop; remote_wipe=unknown",
	    "remote_wipe");
	APPLIES(&r, "kind=device_theft; device_type=smartphone; "
	    "remote_wipe=done", "remote_wipe");
	STATUS(&r, "remote_wipe", ACTION_DONE);
	{
		const struct check_item *it = model_item_find(&r.ev,
		    "remote_wipe");

		if (it != NULL && (!it->done_by_answer || it->record != NULL))
			mismatch(__LINE__, "[%s]: remote_wipe should be done "
			    "by the answer, with no record", r.kv);
	}
	/* near misses */
	NOT_APPLIES(&r, "kind=device_loss; device_type=desktop; "
	    "remote_wipe=available", "remote_wipe");
	NOT_APPLIES(&r, "kind=device_loss; device_type=usb_memory", "remote_wipe");
	NOT_APPLIES(&r, "kind=device_theft; device_type=external_disk; "
	    "remote_wipe=unknown", "remote_wipe");
	NOT_APPLIES(&r, "kind=device_loss; device_type=smartphone; "
	    "remote_wipe=unavailable", "remote_wipe");
	NOT_APPLIES(&r, "kind=device_loss", "remote_wipe");	/* no device_type */
	NOT_APPLIES(&r, "kind=paper_loss; device_type=tablet; "
	    "remote_wipe=available", "remote_wipe");
	NOT_APPLIES(&r, "kind=unauthorized_access; device_type=laptop; "
	    "remote_wipe=done", "remote_wipe");
	run_free(&r);
	END();
}

/* line_suspension: device kinds and device_type in {smartphone, tablet}. */
static void
test_action_line_suspension(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=device_loss; device_type=smartphone", "line_suspension");
	APPLIES(&r, "kind=device_theft; device_type=tablet", "line_suspension");
	APPLIES(&r, "kind=device_loss; device_type=tablet; remote_wipe=done",
	    "line_suspension");
	NOT_APPLIES(&r, "kind=device_loss; device_type=laptop", "line_suspension");
	NOT_APPLIES(&r, "kind=device_theft; device_type=usb_memory",
	    "line_suspension");
	NOT_APPLIES(&r, "kind=device_loss", "line_suspension");
	NOT_APPLIES(&r, "kind=other; device_type=smartphone", "line_suspension");
	run_free(&r);
	END();
}

/* mdm_lock: device kinds and mdm = yes. */
static void
test_action_mdm_lock(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=device_loss; mdm=yes", "mdm_lock");
	APPLIES(&r, "kind=device_theft; mdm=yes; device_type=laptop", "mdm_lock");
	NOT_APPLIES(&r, "kind=device_loss; mdm=no", "mdm_lock");
	NOT_APPLIES(&r, "kind=device_loss; mdm=unknown", "mdm_lock");
	NOT_APPLIES(&r, "kind=device_theft", "mdm_lock");	/* unanswered */
	NOT_APPLIES(&r, "kind=paper_loss; mdm=yes", "mdm_lock");
	NOT_APPLIES(&r, "kind=unauthorized_access; mdm=yes", "mdm_lock");
	run_free(&r);
	END();
}

/* search_lost_item: kind in {device_loss, paper_loss}. */
static void
test_action_search_lost_item(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=device_loss", "search_lost_item");
	APPLIES(&r, "kind=paper_loss", "search_lost_item");
	NOT_APPLIES(&r, "kind=device_theft", "search_lost_item");
	NOT_APPLIES(&r, "kind=email_misdelivery", "search_lost_item");
	NOT_APPLIES(&r, "kind=verbal", "search_lost_item");
	NOT_APPLIES(&r, "", "search_lost_item");
	run_free(&r);
	END();
}

/* police_lost_report: kind in {device_loss, paper_loss} and exposure !=
 * inside_only (unanswered: != holds); the theft report is the other one. */
static void
test_action_police_lost_report(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=device_loss", "police_lost_report");
	NOT_LISTED(&r, "police_theft_report");
	APPLIES(&r, "kind=paper_loss", "police_lost_report");
	NOT_LISTED(&r, "police_theft_report");
	APPLIES(&r, "kind=paper_loss; exposure=outside", "police_lost_report");
	APPLIES(&r, "kind=device_loss; exposure=unknown", "police_lost_report");
	APPLIES(&r, "kind=paper_loss; exposure=public", "police_lost_report");
	/* near misses: lost inside (shredded by mistake): no police */
	NOT_APPLIES(&r, "kind=paper_loss; exposure=inside_only; copy_kept=yes",
	    "police_lost_report");
	NOT_APPLIES(&r, "kind=device_loss; exposure=inside_only",
	    "police_lost_report");
	NOT_APPLIES(&r, "kind=device_theft", "police_lost_report");
	NOT_APPLIES(&r, "kind=fax_misdelivery", "police_lost_report");
	NOT_APPLIES(&r, "kind=insider_misuse", "police_lost_report");
	run_free(&r);
	END();
}

/* police_theft_report: kind = device_theft. */
static void
test_action_police_theft_report(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=device_theft", "police_theft_report");
	NOT_LISTED(&r, "police_lost_report");
	APPLIES(&r, "kind=device_theft; device_type=desktop; data_types=none",
	    "police_theft_report");
	NOT_APPLIES(&r, "kind=device_loss", "police_theft_report");
	NOT_APPLIES(&r, "kind=paper_loss", "police_theft_report");
	NOT_APPLIES(&r, "kind=insider_misuse", "police_theft_report");
	run_free(&r);
	END();
}

/* update_device_ledger: kind in {device_loss, device_theft} and
 * device_type != paper (unanswered: != holds). */
static void
test_action_update_device_ledger(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=device_loss", "update_device_ledger");
	APPLIES(&r, "kind=device_theft; device_type=usb_memory",
	    "update_device_ledger");
	PHASE("update_device_ledger", PHASE_FOLLOWUP);
	NOT_APPLIES(&r, "kind=device_theft; device_type=paper",
	    "update_device_ledger");
	NOT_APPLIES(&r, "kind=device_loss; device_type=paper",
	    "update_device_ledger");
	NOT_APPLIES(&r, "kind=paper_loss", "update_device_ledger");
	NOT_APPLIES(&r, "kind=malware", "update_device_ledger");
	NOT_APPLIES(&r, "", "update_device_ledger");
	run_free(&r);
	END();
}

/* contact_recipient: misdelivery kinds and recipient_kind != internal
 * (unanswered: != holds); done by the answer recipient_contacted = yes. */
static void
test_action_contact_recipient(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=email_misdelivery", "contact_recipient");
	STATUS(&r, "contact_recipient", ACTION_OPEN);
	APPLIES(&r, "kind=fax_misdelivery; recipient_kind=external_unknown",
	    "contact_recipient");
	APPLIES(&r, "kind=email_misdelivery; recipient_kind=external_known; "
	    "recipient_contacted=yes", "contact_recipient");
	DONE_BY_ANSWER(&r, "contact_recipient");
	APPLIES(&r, "kind=fax_misdelivery; recipient_contacted=no",
	    "contact_recipient");
	STATUS(&r, "contact_recipient", ACTION_OPEN);
	NOT_APPLIES(&r, "kind=email_misdelivery; recipient_kind=internal",
	    "contact_recipient");
	NOT_APPLIES(&r, "kind=fax_misdelivery; recipient_kind=internal",
	    "contact_recipient");
	NOT_APPLIES(&r, "kind=device_loss; recipient_kind=external_known",
	    "contact_recipient");
	NOT_APPLIES(&r, "kind=verbal", "contact_recipient");
	run_free(&r);
	END();
}

/* confirm_deletion: misdelivery kinds, recipient_kind != internal,
 * deletion_confirmed != yes. */
static void
test_action_confirm_deletion(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=email_misdelivery", "confirm_deletion");
	APPLIES(&r, "kind=fax_misdelivery; recipient_kind=external_known; "
	    "deletion_confirmed=no", "confirm_deletion");
	APPLIES(&r, "kind=email_misdelivery; recipient_kind=external_unknown",
	    "confirm_deletion");
	NOT_APPLIES(&r, "kind=email_misdelivery; recipient_kind=external_known; "
	    "deletion_confirmed=yes", "confirm_deletion");
	NOT_APPLIES(&r, "kind=fax_misdelivery; deletion_confirmed=yes",
	    "confirm_deletion");
	NOT_APPLIES(&r, "kind=email_misdelivery; recipient_kind=internal",
	    "confirm_deletion");
	NOT_APPLIES(&r, "kind=paper_loss; recipient_kind=external_known",
	    "confirm_deletion");
	run_free(&r);
	END();
}

/* isolate_system, preserve_logs, police_cyber_consult, report_mhlw,
 * contact_vendor: kind in {unauthorized_access, malware}. */
static void
test_action_cyber_group(void **state)
{
	static const char *const ids[] = { "isolate_system", "preserve_logs",
		"police_cyber_consult", "report_mhlw", "contact_vendor" };
	struct run r = { 0 };
	size_t i;

	BEGIN();
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		APPLIES(&r, "kind=unauthorized_access", ids[i]);
		APPLIES(&r, "kind=malware; data_types=none", ids[i]);
		NOT_APPLIES(&r, "kind=device_theft", ids[i]);
		NOT_APPLIES(&r, "kind=other", ids[i]);
		NOT_APPLIES(&r, "", ids[i]);
		if (strcmp(ids[i], "preserve_logs") != 0)
			NOT_APPLIES(&r, "kind=insider_misuse", ids[i]);
	}
	run_free(&r);
	END();
}

/* restore_from_backup: kind = malware. */
static void
test_action_restore_from_backup(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=malware", "restore_from_backup");
	NOT_APPLIES(&r, "kind=unauthorized_access", "restore_from_backup");
	NOT_APPLIES(&r, "kind=insider_misuse", "restore_from_backup");
	run_free(&r);
	END();
}

/* preserve_logs, interview_staff: kind = insider_misuse. */
static void
test_action_insider_group(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=insider_misuse", "preserve_logs");
	LISTED(&r, "interview_staff");
	NOT_LISTED(&r, "isolate_system");
	NOT_LISTED(&r, "report_mhlw");
	NOT_APPLIES(&r, "kind=unauthorized_access", "interview_staff");
	NOT_APPLIES(&r, "kind=device_theft", "interview_staff");
	NOT_LISTED(&r, "preserve_logs");
	NOT_APPLIES(&r, "kind=other", "preserve_logs");
	NOT_LISTED(&r, "interview_staff");
	run_free(&r);
	END();
}

/* estimate_persons_count: persons_count not answered, or persons_basis
 * answered unknown (v2: an unanswered basis with a count is no reason). */
static void
test_action_estimate_persons_count(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=paper_loss; persons_basis=exact",
	    "estimate_persons_count");
	APPLIES(&r, "kind=paper_loss; persons_count=10; persons_basis=unknown",
	    "estimate_persons_count");
	APPLIES(&r, "", "estimate_persons_count");
	NOT_APPLIES(&r, "kind=paper_loss; persons_count=10",
	    "estimate_persons_count");
	NOT_APPLIES(&r, "kind=paper_loss; persons_count=10; persons_basis=exact",
	    "estimate_persons_count");
	NOT_APPLIES(&r, "kind=paper_loss; persons_count=0; "
	    "persons_basis=estimated", "estimate_persons_count");
	PHASE("estimate_persons_count", PHASE_INVESTIGATE);
	run_free(&r);
	END();
}

/* secondary_damage_response: secondary_damage in {suspected, confirmed}. */
static void
test_action_secondary_damage_response(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=paper_loss; secondary_damage=suspected",
	    "secondary_damage_response");
	APPLIES(&r, "kind=device_loss; secondary_damage=confirmed",
	    "secondary_damage_response");
	NOT_APPLIES(&r, "kind=paper_loss; secondary_damage=none_known",
	    "secondary_damage_response");
	NOT_APPLIES(&r, "kind=paper_loss", "secondary_damage_response");
	run_free(&r);
	END();
}

/* report_municipality: facility_type in {care, home_care} and data_types
 * != none (unanswered: != holds). */
static void
test_action_report_municipality(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "facility_type=care; data_types=medical",
	    "report_municipality");
	APPLIES(&r, "facility_type=home_care; data_types=contact,staff",
	    "report_municipality");
	APPLIES(&r, "facility_type=home_care", "report_municipality");
	APPLIES(&r, "facility_type=care; kind=paper_loss", "report_municipality");
	NOT_APPLIES(&r, "facility_type=care; data_types=none",
	    "report_municipality");
	NOT_APPLIES(&r, "facility_type=hospital; data_types=care",
	    "report_municipality");
	NOT_APPLIES(&r, "facility_type=clinic", "report_municipality");
	NOT_APPLIES(&r, "data_types=care", "report_municipality");
	run_free(&r);
	END();
}

/* ppc_preliminary_report, ppc_final_report, notify_individuals,
 * decide_publication: reportable = yes and facility_role != processor
 * (for "both", the facility's own data); decide_publication done by an
 * answered publication. */
static void
test_action_ppc_four(void **state)
{
	static const char *const ids[] = { "ppc_preliminary_report",
		"ppc_final_report", "notify_individuals", "decide_publication" };
	struct run r = { 0 };
	size_t i;

	BEGIN();
	for (i = 0; i < 4; i++) {
		/* yes */
		APPLIES(&r, "kind=paper_loss; data_types=medical; "
		    "persons_count=3; persons_basis=exact", ids[i]);
		RESULT(&r, "yes", NULL, NULL);
		APPLIES(&r, "kind=device_theft; data_types=contact; "
		    "persons_count=3; persons_basis=exact; "
		    "discovered_at=2026-10-05 10:00", ids[i]);
		RESULT(&r, "yes", NULL, NULL);
		/* yes, the facility's own data or some of each */
		APPLIES(&r, "kind=paper_loss; data_types=medical; "
		    "persons_count=3; persons_basis=exact; "
		    "facility_role=controller", ids[i]);
		APPLIES(&r, "kind=paper_loss; data_types=medical; "
		    "persons_count=3; persons_basis=exact; facility_role=both",
		    ids[i]);
		APPLIES(&r, "kind=paper_loss; data_types=medical; "
		    "persons_count=3; persons_basis=exact; "
		    "facility_role=unknown", ids[i]);
		/* yes, but all of it held for another business: it reports */
		NOT_APPLIES(&r, "kind=paper_loss; data_types=medical; "
		    "persons_count=3; persons_basis=exact; "
		    "facility_role=processor", ids[i]);
		RESULT(&r, "yes", NULL, NULL);
		/* undetermined: data_types unanswered */
		NOT_APPLIES(&r, "kind=device_theft", ids[i]);
		RESULT(&r, "undetermined", NULL, NULL);
		/* undetermined: count may exceed 1000 */
		NOT_APPLIES(&r, "kind=paper_loss; data_types=contact; "
		    "unauthorized_purpose=no", ids[i]);
		RESULT(&r, "undetermined", NULL, NULL);
		/* no: no ground */
		NOT_APPLIES(&r, "kind=paper_loss; data_types=contact; "
		    "persons_count=3; persons_basis=exact; "
		    "unauthorized_purpose=no", ids[i]);
		RESULT(&r, "no", NULL, NULL);
		/* no: exemption */
		NOT_APPLIES(&r, "kind=email_misdelivery; recipient_kind=internal; "
		    "data_types=medical; persons_count=3; persons_basis=exact",
		    ids[i]);
		RESULT(&r, "no", NULL, NULL);
		PHASE(ids[i], PHASE_REPORT);
	}
	/* decide_publication is done once the decision is answered */
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; publication=not_published");
	DONE_BY_ANSWER(&r, "decide_publication");
	STATUS(&r, "notify_individuals", ACTION_OPEN);
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; publication=published");
	DONE_BY_ANSWER(&r, "decide_publication");
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact");
	STATUS(&r, "decide_publication", ACTION_OPEN);
	run_free(&r);
	END();
}

/* check_network_log (v2): device kinds, device_type != paper,
 * network_access != no and (browser_saved_login != no or data_types has
 * credentials); done by network_log in {no_access, access_found};
 * immediate. */
static void
test_action_check_network_log(void **state)
{
	struct run r = { 0 };

	BEGIN();
	/* unanswered network_access and saved login compare as unknown */
	APPLIES(&r, "kind=device_loss", "check_network_log");
	STATUS(&r, "check_network_log", ACTION_OPEN);
	APPLIES(&r, "kind=device_theft; device_type=smartphone; "
	    "network_access=yes; browser_saved_login=yes", "check_network_log");
	APPLIES(&r, "kind=device_loss; device_type=tablet; "
	    "network_access=unknown; browser_saved_login=unknown",
	    "check_network_log");
	APPLIES(&r, "kind=device_loss; device_type=laptop; network_access=yes; "
	    "browser_saved_login=no; data_types=credentials",
	    "check_network_log");
	APPLIES(&r, "kind=device_loss; network_access=yes; "
	    "browser_saved_login=yes; network_log=unknown", "check_network_log");
	STATUS(&r, "check_network_log", ACTION_OPEN);
	APPLIES(&r, "kind=device_loss; network_access=yes; "
	    "browser_saved_login=yes; network_log=no_access",
	    "check_network_log");
	DONE_BY_ANSWER(&r, "check_network_log");
	APPLIES(&r, "kind=device_theft; network_access=yes; "
	    "browser_saved_login=yes; network_log=access_found",
	    "check_network_log");
	DONE_BY_ANSWER(&r, "check_network_log");
	/* near misses */
	NOT_APPLIES(&r, "kind=device_loss; network_access=yes; "
	    "browser_saved_login=no", "check_network_log");
	NOT_APPLIES(&r, "kind=device_loss; network_access=no; "
	    "browser_saved_login=yes", "check_network_log");
	NOT_APPLIES(&r, "kind=device_loss; device_type=paper; "
	    "network_access=yes; browser_saved_login=yes", "check_network_log");
	NOT_APPLIES(&r, "kind=paper_loss; network_access=yes; "
	    "browser_saved_login=yes", "check_network_log");
	NOT_APPLIES(&r, "kind=unauthorized_access; network_access=yes; "
	    "browser_saved_login=yes", "check_network_log");
	NOT_APPLIES(&r, "", "check_network_log");
	PHASE("check_network_log", PHASE_IMMEDIATE);
	run_free(&r);
	END();
}

/* continue_care (v2): kind = malware or systems_down = yes; immediate. */
static void
test_action_continue_care(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "kind=malware", "continue_care");
	APPLIES(&r, "kind=malware; systems_down=no", "continue_care");
	APPLIES(&r, "kind=unauthorized_access; systems_down=yes",
	    "continue_care");
	APPLIES(&r, "kind=other; systems_down=yes", "continue_care");
	NOT_APPLIES(&r, "kind=unauthorized_access", "continue_care");
	NOT_APPLIES(&r, "kind=unauthorized_access; systems_down=unknown",
	    "continue_care");
	NOT_APPLIES(&r, "kind=unauthorized_access; systems_down=no",
	    "continue_care");
	NOT_APPLIES(&r, "kind=device_theft", "continue_care");
	NOT_APPLIES(&r, "", "continue_care");
	PHASE("continue_care", PHASE_IMMEDIATE);
	run_free(&r);
	END();
}

/* take_down_public (v2): exposure = public; immediate. */
static void
test_action_take_down_public(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "exposure=public", "take_down_public");
	APPLIES(&r, "kind=other; exposure=public; data_types=contact",
	    "take_down_public");
	APPLIES(&r, "kind=unauthorized_access; exposure=public",
	    "take_down_public");
	NOT_APPLIES(&r, "kind=other; exposure=outside", "take_down_public");
	NOT_APPLIES(&r, "kind=other; exposure=unknown", "take_down_public");
	NOT_APPLIES(&r, "kind=other; exposure=inside_only", "take_down_public");
	NOT_APPLIES(&r, "kind=unauthorized_access", "take_down_public");
	PHASE("take_down_public", PHASE_IMMEDIATE);
	run_free(&r);
	END();
}

/* contractor_report (v2): at_contractor = yes; investigate. The facility
 * still reports (it is the controller). */
static void
test_action_contractor_report(void **state)
{
	struct run r = { 0 };

	BEGIN();
	APPLIES(&r, "at_contractor=yes", "contractor_report");
	APPLIES(&r, "kind=unauthorized_access; at_contractor=yes; "
	    "data_types=medical; persons_count=40; persons_basis=exact",
	    "contractor_report");
	LISTED(&r, "ppc_preliminary_report");
	NOT_LISTED(&r, "notify_controller");
	REPORT_BY(&r, "facility");
	NOT_APPLIES(&r, "at_contractor=no", "contractor_report");
	NOT_APPLIES(&r, "kind=unauthorized_access", "contractor_report");
	NOT_APPLIES(&r, "facility_role=processor", "contractor_report");
	PHASE("contractor_report", PHASE_INVESTIGATE);
	run_free(&r);
	END();
}

/* notify_controller (v2): facility_role in {processor, both} and
 * reportable != no; due = the preliminary target; report phase. */
static void
test_action_notify_controller(void **state)
{
	struct run r = { 0 };

	BEGIN();
	/* yes, processor: the controller reports instead of the facility */
	APPLIES(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; facility_role=processor; "
	    "discovered_at=2026-10-05 10:00", "notify_controller");
	RESULT(&r, "yes", "sensitive", "none");
	DUE(&r, "notify_controller", "2026-10-09");
	NOT_LISTED(&r, "ppc_preliminary_report");
	NOT_LISTED(&r, "notify_individuals");
	/* yes, both: the facility reports its own and tells the controller */
	APPLIES(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; facility_role=both; "
	    "discovered_at=2026-10-05 10:00", "notify_controller");
	LISTED(&r, "ppc_preliminary_report");
	LISTED(&r, "notify_individuals");
	/* undetermined: tell the controller while it is settled */
	APPLIES(&r, "kind=device_loss; facility_role=processor; "
	    "discovered_at=2026-10-05 10:00", "notify_controller");
	RESULT(&r, "undetermined", NULL, NULL);
	DUE(&r, "notify_controller", "2026-10-09");
	/* near misses */
	NOT_APPLIES(&r, "kind=paper_loss; data_types=contact; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no; "
	    "facility_role=processor", "notify_controller");
	RESULT(&r, "no", "", "none");
	NOT_APPLIES(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; facility_role=controller",
	    "notify_controller");
	NOT_APPLIES(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; facility_role=unknown", "notify_controller");
	NOT_APPLIES(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact", "notify_controller");
	PHASE("notify_controller", PHASE_REPORT);
	run_free(&r);
	END();
}

/* docs/contract.md §5 report_by: controller for processor, both for both,
 * facility otherwise (unknown and unanswered too); whatever the result. */
static void
test_report_by(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "");
	REPORT_BY(&r, "facility");
	run(&r, "facility_role=controller");
	REPORT_BY(&r, "facility");
	run(&r, "facility_role=unknown");
	REPORT_BY(&r, "facility");
	run(&r, "facility_role=processor");
	REPORT_BY(&r, "controller");
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; facility_role=processor");
	RESULT(&r, "yes", "sensitive", "none");
	REPORT_BY(&r, "controller");
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; facility_role=both");
	REPORT_BY(&r, "both");
	run(&r, "kind=paper_loss; data_types=none; facility_role=both");
	RESULT(&r, "no", "", "none");
	REPORT_BY(&r, "both");
	run_free(&r);
	END();
}

/* Phases and priorities are within the the contract's
 * ranges; the checklist is sorted by phase (immediate, investigate, report,
 * followup), then priority, then the order of the [action] blocks in the file
 * (docs/contract.md §4 v2), and the file lists each phase in the order a person
 * acts. */
static void
test_checklist_sort_order(void **state)
{
	static const char *const cases[] = {
		("kind=device_theft; device_type=smartphone; mdm=yes; "
		    "data_types=medical,credentials; persons_count=3; "
		    "persons_basis=exact; discovered_at=2026-10-05 10:00; "
		    "secondary_damage=suspected; facility_type=care"),
		("kind=malware; data_types=medical; facility_type=home_care; "
		    "discovered_at=2026-10-05 10:00"),
		"kind=email_misdelivery; data_types=contact",
		"",
	};
	/* pairs that must come in this order, wherever both are listed */
	static const char *const before[][2] = {
		{ "remote_wipe", "line_suspension" },
		{ "mdm_lock", "line_suspension" },
		{ "change_password", "suspend_user_id" },
		{ "suspend_user_id", "check_network_log" },
		{ "isolate_system", "contact_vendor" },
		{ "isolate_system", "continue_care" },
		{ "contact_recipient", "confirm_deletion" },
		{ "ppc_preliminary_report", "ppc_final_report" },
		{ "notify_controller", "ppc_preliminary_report" },
	};
	struct run r = { 0 };
	size_t i, j;

	BEGIN();
	for (i = 0; i < g_d->rules->nactions; i++) {
		const struct rule_action *a = &g_d->rules->actions[i];

		if ((int)a->phase < 0 || a->phase >= PHASE_COUNT)
			mismatch(__LINE__, "%s: phase out of range", a->id);
		if (a->priority < 1 || a->priority > 3)
			mismatch(__LINE__, "%s: priority %d not 1..3", a->id,
			    a->priority);
	}
	/* the the contract's phase names in their order */
	if (rules_phase_parse("immediate") != PHASE_IMMEDIATE ||
	    rules_phase_parse("investigate") != PHASE_INVESTIGATE ||
	    rules_phase_parse("report") != PHASE_REPORT ||
	    rules_phase_parse("followup") != PHASE_FOLLOWUP)
		mismatch(__LINE__, "phase names/order differ from docs/contract.md §4");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		run(&r, cases[i]);
		if (i == 0 && r.ev.nitems < 15)
			mismatch(__LINE__, "[%s]: only %zu items", r.kv,
			    r.ev.nitems);
		for (j = 1; j < r.ev.nitems; j++) {
			const struct rule_action *x = r.ev.items[j - 1].action;
			const struct rule_action *y = r.ev.items[j].action;
			int ok = x->phase < y->phase || (x->phase == y->phase &&
			    (x->priority < y->priority ||
			    (x->priority == y->priority &&
			    rules_action_index(g_d->rules, x->id) <
			    rules_action_index(g_d->rules, y->id))));

			if (!ok)
				mismatch(__LINE__, "[%s]: %s (%s,%d) listed "
				    "before %s (%s,%d)", r.kv, x->id,
				    spec_phase(x->phase), x->priority, y->id,
				    spec_phase(y->phase), y->priority);
		}
	}
	/* the file's order is the order of acting */
	for (i = 0; i < sizeof before / sizeof before[0]; i++) {
		const struct rule_action *x = rules_action_find(g_d->rules,
		    before[i][0]), *y = rules_action_find(g_d->rules,
		    before[i][1]);

		if (x == NULL || y == NULL || x->phase != y->phase ||
		    x->priority > y->priority || (x->priority == y->priority &&
		    x > y))
			mismatch(__LINE__, "%s is not listed before %s",
			    before[i][0], before[i][1]);
	}
	/* the first items of a device theft: immediate; the last: followup */
	run(&r, cases[0]);
	if (r.ev.nitems > 0) {
		if (r.ev.items[0].action->phase != PHASE_IMMEDIATE)
			mismatch(__LINE__, "first item %s is not immediate",
			    r.ev.items[0].action->id);
		if (r.ev.items[r.ev.nitems - 1].action->phase != PHASE_FOLLOWUP)
			mismatch(__LINE__, "last item %s is not followup",
			    r.ev.items[r.ev.nitems - 1].action->id);
	}
	/* a lost smartphone: the wipe, then the line, the ID suspension with
	 * the password change, the access log in the same call */
	run(&r, "kind=device_loss; device_type=smartphone; mdm=yes; "
	    "network_access=yes; browser_saved_login=yes");
	{
		static const char *const want[] = { "assemble_team",
			"change_password", "suspend_user_id", "check_network_log",
			"mdm_lock", "remote_wipe", "line_suspension" };

		for (j = 0; j < sizeof want / sizeof want[0] && j < r.ev.nitems;
		    j++)
			if (strcmp(r.ev.items[j].action->id, want[j]) != 0)
				mismatch(__LINE__, "[%s]: item %zu is %s, "
				    "expected %s", r.kv, j,
				    r.ev.items[j].action->id, want[j]);
	}
	run_free(&r);
	END();
}

/* An empty incident lists exactly what applies with nothing answered. */
static void
test_checklist_empty_incident(void **state)
{
	static const char *const want[] = { "assemble_team",
		"assess_reportability", "estimate_persons_count",
		"recurrence_prevention", "staff_education" };
	struct run r = { 0 };

	BEGIN();
	run(&r, "");
	EXACTLY(&r, want);
	RESULT(&r, "undetermined", "", "none");
	DUES(&r, "", "");
	run_free(&r);
	END();
}

/* docs/contract.md §4: a done or skipped action stays listed after its rule
 * stops applying; an open one disappears. */
static void
test_checklist_history(void **state)
{
	struct run r = { 0 };
	struct action_record rec[4];
	const struct check_item *it;

	BEGIN();
	memset(rec, 0, sizeof rec);
	rec[0].action = (char *)"police_theft_report";
	rec[0].status = ACTION_DONE;
	rec[0].by = (char *)"tanaka";
	rec[1].action = (char *)"contact_recipient";
	rec[1].status = ACTION_SKIPPED;
	rec[1].by = (char *)"suzuki";
	rec[2].action = (char *)"mdm_lock";
	rec[2].status = ACTION_OPEN;
	rec[3].action = (char *)"search_lost_item";
	rec[3].status = ACTION_DONE;
	run(&r, "kind=device_loss; mdm=no");
	model_evaluation_free(&r.ev);
	r.inc.records = rec;
	r.inc.nrecords = 4;
	model_evaluate(g_d, &r.inc, &r.ev);
	STATUS(&r, "police_theft_report", ACTION_DONE);
	STATUS(&r, "contact_recipient", ACTION_SKIPPED);
	NOT_LISTED(&r, "mdm_lock");
	STATUS(&r, "search_lost_item", ACTION_DONE);
	STATUS(&r, "police_lost_report", ACTION_OPEN);
	it = model_item_find(&r.ev, "police_theft_report");
	if (it != NULL && (it->applies || it->record != &rec[0]))
		mismatch(__LINE__, "police_theft_report: applies=%d, record "
		    "%s", it->applies, it->record ? "set" : "missing");
	r.inc.records = NULL;
	r.inc.nrecords = 0;
	run_free(&r);
	END();
}

/* ====================================================== docs/contract.md §5
 * grounds */

/* sensitive: data_types has patient_identity, medical or care; or the
 * network case: device kinds, device_type != paper, network_access = yes,
 * (browser_saved_login = yes or data_types has credentials),
 * recovered_unviewed != yes, and (network_log = access_found, or
 * network_log != no_access and screen_lock != strong). The network case
 * holds even while data_types is unanswered or none. */
static void
test_ground_sensitive(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=patient_identity");
	GROUND(&r, GROUND_SENSITIVE, 1);
	run(&r, "kind=paper_loss; data_types=medical");
	GROUND(&r, GROUND_SENSITIVE, 1);
	run(&r, "kind=verbal; data_types=care");
	GROUND(&r, GROUND_SENSITIVE, 1);
	run(&r, "kind=paper_loss; data_types=contact,birthdate,insurance_no,"
	    "staff,other");
	GROUND(&r, GROUND_SENSITIVE, 0);
	run(&r, "kind=paper_loss; data_types=none");
	GROUND(&r, GROUND_SENSITIVE, 0);
	run(&r, "kind=paper_loss");
	GROUND(&r, GROUND_SENSITIVE, 0);
	/* the network case, data_types unanswered: the lock unknown */
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=device_theft; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=none");
	GROUND(&r, GROUND_SENSITIVE, 1);
	run(&r, "kind=device_loss; device_type=tablet; network_access=yes; "
	    "browser_saved_login=yes; screen_lock=weak; network_log=unknown");
	GROUND(&r, GROUND_SENSITIVE, 1);
	/* a strong lock does not help once the log shows a login */
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=strong; network_log=access_found");
	GROUND(&r, GROUND_SENSITIVE, 1);
	/* the network case through credentials */
	run(&r, "kind=device_loss; network_access=yes; data_types=credentials; "
	    "persons_count=1; persons_basis=exact");
	RESULT(&r, "yes", "sensitive", "none");
	/* the network case with data_types none */
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "data_types=none");
	GROUND(&r, GROUND_SENSITIVE, 1);
	/* near misses of the network case */
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=strong; data_types=staff");
	GROUND(&r, GROUND_SENSITIVE, 0);	/* strong lock, log unchecked */
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=none; network_log=no_access; data_types=staff");
	GROUND(&r, GROUND_SENSITIVE, 0);	/* the log shows no use */
	run(&r, "kind=device_loss; device_type=paper; network_access=yes; "
	    "browser_saved_login=yes; data_types=staff");
	GROUND(&r, GROUND_SENSITIVE, 0);
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "recovered_unviewed=yes; data_types=staff");
	GROUND(&r, GROUND_SENSITIVE, 0);
	run(&r, "kind=device_loss; network_access=unknown; "
	    "browser_saved_login=yes; data_types=staff; persons_count=1; "
	    "persons_basis=exact");
	GROUND(&r, GROUND_SENSITIVE, 0);
	run(&r, "kind=device_loss; browser_saved_login=yes; data_types=staff");
	GROUND(&r, GROUND_SENSITIVE, 0);	/* network_access unanswered */
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=no; "
	    "data_types=staff");
	GROUND(&r, GROUND_SENSITIVE, 0);
	run(&r, "kind=device_loss; network_access=yes; "
	    "browser_saved_login=unknown; data_types=contact");
	GROUND(&r, GROUND_SENSITIVE, 0);
	run(&r, "kind=email_misdelivery; network_access=yes; "
	    "browser_saved_login=yes; data_types=staff");
	GROUND(&r, GROUND_SENSITIVE, 0);
	run(&r, "kind=unauthorized_access; network_access=yes; "
	    "data_types=credentials");
	GROUND(&r, GROUND_SENSITIVE, 0);
	run_free(&r);
	END();
}

/* financial: data_types has financial. */
static void
test_ground_financial(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=financial; persons_count=1; "
	    "persons_basis=exact");
	RESULT(&r, "yes", "financial", "none");
	run(&r, "kind=email_misdelivery; data_types=contact,financial; "
	    "persons_count=1; persons_basis=exact");
	GROUND(&r, GROUND_FINANCIAL, 1);
	run(&r, "kind=paper_loss; data_types=contact,my_number,credentials");
	GROUND(&r, GROUND_FINANCIAL, 0);
	run(&r, "kind=paper_loss");
	GROUND(&r, GROUND_FINANCIAL, 0);
	run(&r, "kind=paper_loss; data_types=none");
	GROUND(&r, GROUND_FINANCIAL, 0);
	run_free(&r);
	END();
}

/* unauthorized_purpose (v2: a deliberate act against the facility, its
 * contractor or a service it uses): kind in {device_theft,
 * unauthorized_access, malware} or unauthorized_purpose in {yes,
 * suspected}; or the network case with network_log = access_found. An
 * insider case only by the answer. */
static void
test_ground_unauthorized_purpose(void **state)
{
	static const char *const kinds[] = { "device_theft",
		"unauthorized_access", "malware" };
	static const char *const others[] = { "device_loss",
		"email_misdelivery", "fax_misdelivery", "paper_loss", "verbal",
		"other", "insider_misuse" };
	struct run r = { 0 };
	char kv[256];
	size_t i;

	BEGIN();
	for (i = 0; i < 3; i++) {
		snprintf(kv, sizeof kv, "kind=%s; data_types=contact; "
		    "persons_count=2; persons_basis=exact", kinds[i]);
		run(&r, kv);
		RESULT(&r, "yes", "unauthorized_purpose", "none");
		/* unauthorized_purpose=no does not clear the kind */
		snprintf(kv, sizeof kv, "kind=%s; data_types=contact; "
		    "unauthorized_purpose=no", kinds[i]);
		run(&r, kv);
		GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 1);
	}
	for (i = 0; i < 7; i++) {
		snprintf(kv, sizeof kv, "kind=%s; data_types=contact; "
		    "persons_count=2; persons_basis=exact", others[i]);
		run(&r, kv);
		GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 0);
	}
	/* an insider taking data to use or pass on: by the answer only;
	 * taking work home is not an unauthorized purpose */
	run(&r, "kind=insider_misuse; data_types=contact; persons_count=2; "
	    "persons_basis=exact; unauthorized_purpose=yes");
	RESULT(&r, "yes", "unauthorized_purpose", "none");
	run(&r, "kind=insider_misuse; data_types=contact; persons_count=2; "
	    "persons_basis=exact; unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=device_loss; data_types=contact; unauthorized_purpose=yes");
	GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 1);
	/* deception: a caller posing as family */
	run(&r, "kind=verbal; data_types=staff; unauthorized_purpose=suspected");
	GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 1);
	run(&r, "kind=device_loss; data_types=contact; unauthorized_purpose=no");
	GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 0);
	run(&r, "kind=device_loss; data_types=contact; "
	    "unauthorized_purpose=unknown");
	GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 0);
	/* a wrong recipient threatening to post it is secondary damage */
	run(&r, "kind=email_misdelivery; recipient_kind=external_known; "
	    "data_types=medical; persons_count=1; persons_basis=exact; "
	    "unauthorized_purpose=no; secondary_damage=suspected; "
	    "discovered_at=2026-10-07 10:00");
	RESULT(&r, "yes", "sensitive", "none");
	DUES(&r, "2026-10-11", "2026-11-05");
	/* the network case with logins found: someone used the IDs */
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=strong; network_log=access_found");
	RESULT(&r, "yes", "sensitive,unauthorized_purpose", "none");
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=none; network_log=unknown");
	GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 0);	/* not yet found */
	run(&r, "kind=device_loss; device_type=paper; network_access=yes; "
	    "browser_saved_login=yes; network_log=access_found");
	GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 0);	/* no network case */
	/* none holds while data_types is unanswered or none */
	run(&r, "kind=device_theft");
	GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 0);
	run(&r, "kind=malware; data_types=none");
	GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 0);
	run(&r, "kind=other; unauthorized_purpose=yes; data_types=none");
	GROUND(&r, GROUND_UNAUTHORIZED_PURPOSE, 0);
	run_free(&r);
	END();
}

/* over_1000: persons_count > 1000 (1000 exactly is not). */
static void
test_ground_over_1000(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=contact; persons_count=1001; "
	    "persons_basis=exact");
	RESULT(&r, "yes", "over_1000", "none");
	run(&r, "kind=paper_loss; data_types=contact; persons_count=1000; "
	    "persons_basis=exact; unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=paper_loss; data_types=staff; persons_count=250000; "
	    "persons_basis=estimated");
	GROUND(&r, GROUND_OVER_1000, 1);
	run(&r, "kind=paper_loss; data_types=none; persons_count=5000; "
	    "persons_basis=exact");
	GROUND(&r, GROUND_OVER_1000, 0);
	run(&r, "kind=paper_loss; persons_count=5000");	/* data_types unanswered */
	GROUND(&r, GROUND_OVER_1000, 0);
	run_free(&r);
	END();
}

/* my_number: data_types has my_number and (persons_count > 100, or the
 * unauthorized_purpose ground, or exposure = public, or secondary_damage
 * in {suspected, confirmed}). */
static void
test_ground_my_number(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=my_number; persons_count=101; "
	    "persons_basis=exact");
	RESULT(&r, "yes", "my_number", "none");
	run(&r, "kind=paper_loss; data_types=my_number; persons_count=100; "
	    "persons_basis=exact; unauthorized_purpose=no; exposure=outside");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=device_theft; data_types=my_number; persons_count=5; "
	    "persons_basis=exact");
	RESULT(&r, "yes", "unauthorized_purpose,my_number", "none");
	run(&r, "kind=paper_loss; data_types=my_number,contact; "
	    "persons_count=3; persons_basis=exact; "
	    "unauthorized_purpose=suspected");
	RESULT(&r, "yes", "unauthorized_purpose,my_number", "none");
	/* open to anyone online */
	run(&r, "kind=other; data_types=my_number; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no; exposure=public");
	RESULT(&r, "yes", "my_number", "none");
	/* used or passed on: secondary damage */
	run(&r, "kind=paper_loss; data_types=my_number; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no; exposure=outside; "
	    "secondary_damage=suspected");
	RESULT(&r, "yes", "my_number", "none");
	run(&r, "kind=paper_loss; data_types=my_number; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no; exposure=outside; "
	    "secondary_damage=confirmed");
	GROUND(&r, GROUND_MY_NUMBER, 1);
	/* near misses */
	run(&r, "kind=paper_loss; data_types=my_number; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no; exposure=outside; "
	    "secondary_damage=none_known");
	GROUND(&r, GROUND_MY_NUMBER, 0);
	run(&r, "kind=other; data_types=contact; persons_count=3; "
	    "persons_basis=exact; exposure=public");
	GROUND(&r, GROUND_MY_NUMBER, 0);
	run(&r, "kind=device_theft; data_types=contact; persons_count=500; "
	    "persons_basis=exact");
	GROUND(&r, GROUND_MY_NUMBER, 0);
	run(&r, "kind=paper_loss; data_types=my_number; persons_count=50; "
	    "persons_basis=exact");
	GROUND(&r, GROUND_MY_NUMBER, 0);
	/* all five in docs/contract.md order */
	run(&r, "kind=malware; data_types=medical,my_number,financial; "
	    "persons_count=1500; persons_basis=exact");
	RESULT(&r, "yes", "sensitive,financial,unauthorized_purpose,over_1000,"
	    "my_number", "none");
	run_free(&r);
	END();
}

/* ==================================================== docs/contract.md §5
 * exemptions */

/* not_leaked (v2), the first exemption that holds; grounds are still
 * listed:
 * - recovered_unviewed = yes and kind not in {unauthorized_access,
 *   malware};
 * - misdelivery kinds and recipient_kind = internal;
 * - exposure = inside_only, copy_kept = yes, kind not in {device_theft,
 *   unauthorized_access}, and not an external misdelivery. */
static void
test_exemption_not_leaked(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; recovered_unviewed=yes");
	RESULT(&r, "no", "sensitive", "not_leaked");
	run(&r, "kind=email_misdelivery; recipient_kind=internal; "
	    "data_types=patient_identity; persons_count=3; persons_basis=exact");
	RESULT(&r, "no", "sensitive", "not_leaked");
	run(&r, "kind=fax_misdelivery; recipient_kind=internal; "
	    "data_types=care; persons_count=3; persons_basis=exact");
	RESULT(&r, "no", "sensitive", "not_leaked");
	/* a document shredded by mistake inside, the EHR record intact */
	run(&r, "kind=paper_loss; data_types=medical; persons_count=1; "
	    "persons_basis=exact; exposure=inside_only; copy_kept=yes");
	RESULT(&r, "no", "sensitive", "not_leaked");
	NOT_LISTED(&r, "police_lost_report");
	run(&r, "kind=malware; data_types=medical; persons_count=200; "
	    "persons_basis=exact; exposure=inside_only; copy_kept=yes");
	RESULT(&r, "no", "sensitive,unauthorized_purpose", "not_leaked");
	run(&r, "kind=insider_misuse; data_types=medical; persons_count=2; "
	    "persons_basis=exact; exposure=inside_only; copy_kept=yes");
	RESULT(&r, "no", "sensitive", "not_leaked");
	/* computed on its own, without grounds */
	run(&r, "kind=paper_loss; data_types=none; recovered_unviewed=yes");
	RESULT(&r, "no", "", "not_leaked");
	/* the first that holds: not_leaked before encryption */
	run(&r, "kind=device_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; recovered_unviewed=yes; encryption=strong; "
	    "key_exposed=no; screen_lock=strong");
	RESULT(&r, "no", NULL, "not_leaked");
	/* near misses */
	run(&r, "kind=email_misdelivery; recipient_kind=external_known; "
	    "data_types=medical; persons_count=3; persons_basis=exact");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=email_misdelivery; data_types=medical; persons_count=3; "
	    "persons_basis=exact");	/* recipient_kind unanswered */
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=device_loss; recipient_kind=internal; data_types=medical; "
	    "persons_count=3; persons_basis=exact");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; recovered_unviewed=unknown");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; recovered_unviewed=no");
	RESULT(&r, "yes", "sensitive", "none");
	/* an intruder is not staff: nothing recovered clears it */
	run(&r, "kind=unauthorized_access; data_types=medical; persons_count=3; "
	    "persons_basis=exact; recovered_unviewed=yes");
	RESULT(&r, "yes", "sensitive,unauthorized_purpose", "none");
	run(&r, "kind=malware; data_types=medical; persons_count=3; "
	    "persons_basis=exact; recovered_unviewed=yes");
	RESULT(&r, "yes", "sensitive,unauthorized_purpose", "none");
	run(&r, "kind=unauthorized_access; data_types=medical; persons_count=3; "
	    "persons_basis=exact; exposure=inside_only; copy_kept=yes");
	RESULT(&r, "yes", NULL, "none");
	run(&r, "kind=device_theft; data_types=medical; persons_count=3; "
	    "persons_basis=exact; exposure=inside_only; copy_kept=yes");
	RESULT(&r, "yes", NULL, "none");
	/* an external misdelivery never stayed inside */
	run(&r, "kind=fax_misdelivery; recipient_kind=external_known; "
	    "data_types=medical; persons_count=1; persons_basis=exact; "
	    "exposure=inside_only; copy_kept=yes");
	RESULT(&r, "yes", "sensitive", "none");
	/* lost for good, or not yet known */
	run(&r, "kind=paper_loss; data_types=medical; persons_count=1; "
	    "persons_basis=exact; exposure=inside_only; copy_kept=no");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=paper_loss; data_types=medical; persons_count=1; "
	    "persons_basis=exact; exposure=outside; copy_kept=yes");
	RESULT(&r, "yes", "sensitive", "none");
	run_free(&r);
	END();
}

/* encryption (v2): kind in {device_loss, device_theft, email_misdelivery,
 * other}, encryption = strong, key_exposed = no, and for the device kinds
 * device_type != paper and (device_type in {usb_memory, external_disk} or
 * screen_lock in {strong, weak}). */
static void
test_exemption_encryption(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=device_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=no; "
	    "screen_lock=strong; network_access=no");
	RESULT(&r, "no", "sensitive", "encryption");
	run(&r, "kind=device_theft; device_type=laptop; data_types=medical; "
	    "persons_count=3; persons_basis=exact; encryption=strong; "
	    "key_exposed=no; screen_lock=weak; network_access=no");
	RESULT(&r, "no", "sensitive,unauthorized_purpose", "encryption");
	/* a medium has no lock: its own encryption protects it */
	run(&r, "kind=device_loss; device_type=usb_memory; data_types=medical; "
	    "persons_count=3; persons_basis=exact; encryption=strong; "
	    "key_exposed=no; network_access=no");
	RESULT(&r, "no", "sensitive", "encryption");
	run(&r, "kind=device_theft; device_type=external_disk; "
	    "data_types=medical; persons_count=3; persons_basis=exact; "
	    "encryption=strong; key_exposed=no; screen_lock=none; "
	    "network_access=no");
	RESULT(&r, "no", NULL, "encryption");
	/* an encrypted attachment, the password sent apart */
	run(&r, "kind=email_misdelivery; recipient_kind=external_known; "
	    "data_types=medical; persons_count=3; persons_basis=exact; "
	    "encryption=strong; key_exposed=no");
	RESULT(&r, "no", "sensitive", "encryption");
	run(&r, "kind=other; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=no");
	RESULT(&r, "no", "sensitive", "encryption");
	/* computed on its own */
	run(&r, "kind=device_loss; data_types=none; encryption=strong; "
	    "key_exposed=no; screen_lock=strong; network_access=no");
	RESULT(&r, "no", "", "encryption");
	/* near misses: the key */
	run(&r, "kind=device_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=unknown; "
	    "screen_lock=strong");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=device_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; screen_lock=strong");
	RESULT(&r, "yes", "sensitive", "none");	/* key_exposed unanswered */
	run(&r, "kind=device_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=yes; "
	    "screen_lock=strong");
	RESULT(&r, "yes", "sensitive", "none");
	/* the cipher */
	run(&r, "kind=device_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=weak; key_exposed=no; "
	    "screen_lock=strong");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=device_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=unknown; key_exposed=no; "
	    "screen_lock=strong");
	RESULT(&r, "yes", "sensitive", "none");
	/* a phone that opens without a lock opens its own encryption */
	run(&r, "kind=device_loss; device_type=smartphone; data_types=medical; "
	    "persons_count=3; persons_basis=exact; encryption=strong; "
	    "key_exposed=no; screen_lock=none");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=device_loss; device_type=smartphone; data_types=medical; "
	    "persons_count=3; persons_basis=exact; encryption=strong; "
	    "key_exposed=no; screen_lock=unknown");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=device_loss; device_type=smartphone; data_types=medical; "
	    "persons_count=3; persons_basis=exact; encryption=strong; "
	    "key_exposed=no");	/* screen_lock unanswered */
	RESULT(&r, "yes", "sensitive", "none");
	/* never for paper, intrusion, malware, insiders, speech, fax */
	run(&r, "kind=device_theft; device_type=paper; data_types=medical; "
	    "persons_count=3; persons_basis=exact; encryption=strong; "
	    "key_exposed=no; screen_lock=strong");
	RESULT(&r, "yes", NULL, "none");
	run(&r, "kind=malware; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=no");
	RESULT(&r, "yes", "sensitive,unauthorized_purpose", "none");
	run(&r, "kind=unauthorized_access; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=no");
	RESULT(&r, "yes", NULL, "none");
	run(&r, "kind=insider_misuse; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=no");
	RESULT(&r, "yes", NULL, "none");
	run(&r, "kind=fax_misdelivery; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=no");
	RESULT(&r, "yes", NULL, "none");
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=no");
	RESULT(&r, "yes", NULL, "none");
	run(&r, "data_types=medical; persons_count=3; persons_basis=exact; "
	    "encryption=strong; key_exposed=no");	/* kind unanswered */
	RESULT(&r, "yes", NULL, "none");
	run_free(&r);
	END();
}

/* ================================================= docs/contract.md §5 result
 * steps */

/* 1. yes when the network case holds: no exemption clears it, and it
 * holds before data_types is known. */
static void
test_result_step1_network_case(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=none");
	RESULT(&r, "yes", "sensitive", "none");
	/* the device's own encryption does not protect the network's data */
	run(&r, "kind=device_loss; device_type=smartphone; network_access=yes; "
	    "browser_saved_login=yes; screen_lock=strong; encryption=strong; "
	    "key_exposed=no; network_log=access_found; "
	    "data_types=patient_identity; persons_count=30; "
	    "persons_basis=exact; unauthorized_purpose=no");
	RESULT(&r, "yes", "sensitive,unauthorized_purpose", "encryption");
	/* data_types none: still the network's patients */
	run(&r, "kind=device_theft; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=weak; data_types=none");
	RESULT(&r, "yes", "sensitive", "none");
	/* near misses: the log says no use, or the device was recovered */
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=none; network_log=no_access; data_types=staff; "
	    "persons_count=2; persons_basis=exact; unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "recovered_unviewed=yes; data_types=staff; persons_count=2; "
	    "persons_basis=exact");
	RESULT(&r, "no", "", "not_leaked");
	run_free(&r);
	END();
}

/* 2. undetermined when data_types is unanswered (the network case
 * aside). */
static void
test_result_step2_undetermined_incomplete(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; persons_count=3; persons_basis=exact");
	RESULT(&r, "undetermined", "", "none");
	run(&r, "kind=device_theft; persons_count=5000; persons_basis=exact; "
	    "unauthorized_purpose=yes");
	RESULT(&r, "undetermined", "", "none");
	/* even with an exemption */
	run(&r, "kind=paper_loss; recovered_unviewed=yes; persons_count=3; "
	    "persons_basis=exact");
	RESULT(&r, "undetermined", "", "not_leaked");
	/* a network case still open is undetermined too, by this step */
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=yes; "
	    "screen_lock=strong; persons_count=3; persons_basis=exact");
	RESULT(&r, "undetermined", "", "none");
	if (r.ev.result.step != STEP_INCOMPLETE)
		mismatch(__LINE__, "[%s]: step %d, expected 2", r.kv,
		    (int)r.ev.result.step);
	/* near miss: data_types answered */
	run(&r, "kind=paper_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact");
	RESULT(&r, "yes", "sensitive", "none");
	run_free(&r);
	END();
}

/* 3. with no exemption: undetermined while an inside-only loss is not
 * settled (copy_kept unknown or unanswered), else yes when a ground
 * holds. */
static void
test_result_step3_yes(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=medical; persons_count=1; "
	    "persons_basis=exact");
	RESULT(&r, "yes", "sensitive", "none");
	/* a ground decides even when the count or the act is unknown */
	run(&r, "kind=paper_loss; data_types=patient_identity; "
	    "persons_basis=unknown; unauthorized_purpose=unknown");
	RESULT(&r, "yes", "sensitive", "none");
	/* the network case open does not hold back a ground of the data */
	run(&r, "kind=device_loss; device_type=tablet; network_access=yes; "
	    "browser_saved_login=yes; screen_lock=strong; encryption=unknown; "
	    "data_types=patient_identity,care,contact; persons_count=42; "
	    "persons_basis=estimated");
	RESULT(&r, "yes", "sensitive", "none");
	run_free(&r);
	END();
}

static void
test_result_step3_loss_unsettled(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=medical; persons_count=1; "
	    "persons_basis=exact; exposure=inside_only; copy_kept=unknown");
	RESULT(&r, "undetermined", "sensitive", "none");
	run(&r, "kind=malware; data_types=medical; persons_count=100; "
	    "persons_basis=exact; exposure=inside_only");	/* unanswered */
	RESULT(&r, "undetermined", "sensitive,unauthorized_purpose", "none");
	/* near misses: settled either way, or not inside, or no data */
	run(&r, "kind=paper_loss; data_types=medical; persons_count=1; "
	    "persons_basis=exact; exposure=inside_only; copy_kept=no");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=paper_loss; data_types=medical; persons_count=1; "
	    "persons_basis=exact; exposure=inside_only; copy_kept=yes");
	RESULT(&r, "no", "sensitive", "not_leaked");
	run(&r, "kind=paper_loss; data_types=medical; persons_count=1; "
	    "persons_basis=exact; exposure=unknown; copy_kept=unknown");
	RESULT(&r, "yes", "sensitive", "none");
	run(&r, "kind=paper_loss; data_types=none; exposure=inside_only; "
	    "copy_kept=unknown");
	RESULT(&r, "no", "", "none");
	/* an exemption that holds comes first */
	run(&r, "kind=fax_misdelivery; recipient_kind=internal; "
	    "data_types=medical; persons_count=1; persons_basis=exact; "
	    "exposure=inside_only; copy_kept=unknown");
	RESULT(&r, "no", "sensitive", "not_leaked");
	run_free(&r);
	END();
}

/* 4. undetermined while the network case is open: the access log not
 * checked and the device possibly opened the network (network_access !=
 * no, saved login != no or credentials, not recovered). */
static void
test_result_step4_network_open(void **state)
{
	struct run r = { 0 };

	BEGIN();
	/* the issue's lost smartphone: undetermined, then by the log */
	run(&r, "kind=device_loss; device_type=smartphone; screen_lock=strong; "
	    "encryption=strong; key_exposed=no; browser_saved_login=yes; "
	    "network_access=yes; data_types=patient_identity; "
	    "persons_count=30; persons_basis=exact; unauthorized_purpose=no; "
	    "discovered_at=2026-10-05 18:00");
	RESULT(&r, "undetermined", "sensitive", "encryption");
	LISTED(&r, "check_network_log");
	DUES(&r, "2026-10-09", "2026-11-04");
	run(&r, "kind=device_loss; device_type=smartphone; screen_lock=strong; "
	    "encryption=strong; key_exposed=no; browser_saved_login=yes; "
	    "network_access=yes; data_types=patient_identity; "
	    "persons_count=30; persons_basis=exact; unauthorized_purpose=no; "
	    "network_log=no_access; discovered_at=2026-10-05 18:00");
	RESULT(&r, "no", "sensitive", "encryption");
	DUES(&r, "", "");
	run(&r, "kind=device_loss; device_type=smartphone; screen_lock=strong; "
	    "encryption=strong; key_exposed=no; browser_saved_login=yes; "
	    "network_access=yes; data_types=patient_identity; "
	    "persons_count=30; persons_basis=exact; unauthorized_purpose=no; "
	    "network_log=access_found; discovered_at=2026-10-05 18:00");
	RESULT(&r, "yes", "sensitive,unauthorized_purpose", "encryption");
	DUES(&r, "2026-10-09", "2026-12-03");
	/* open with unknowns too, and through credentials */
	run(&r, "kind=device_theft; device_type=laptop; network_access=unknown; "
	    "browser_saved_login=unknown; data_types=contact; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no; encryption=strong; "
	    "key_exposed=no; screen_lock=strong");
	RESULT(&r, "undetermined", "unauthorized_purpose", "encryption");
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=no; "
	    "data_types=credentials; screen_lock=strong; persons_count=1; "
	    "persons_basis=exact; unauthorized_purpose=no");
	RESULT(&r, "undetermined", "", "none");
	/* near misses */
	run(&r, "kind=device_loss; network_access=no; browser_saved_login=yes; "
	    "data_types=contact; persons_count=3; persons_basis=exact; "
	    "unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=device_loss; network_access=yes; browser_saved_login=no; "
	    "data_types=contact; persons_count=3; persons_basis=exact; "
	    "unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=device_loss; device_type=paper; network_access=yes; "
	    "browser_saved_login=yes; data_types=contact; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=paper_loss; network_access=yes; browser_saved_login=yes; "
	    "data_types=contact; persons_count=3; persons_basis=exact; "
	    "unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	run_free(&r);
	END();
}

/* 5. no when an exemption holds (it has cleared every other ground). */
static void
test_result_step5_no_by_exemption(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=device_loss; device_type=usb_memory; data_types=medical; "
	    "persons_basis=unknown; encryption=strong; key_exposed=no; "
	    "network_access=no");
	RESULT(&r, "no", "sensitive", "encryption");
	run(&r, "kind=paper_loss; data_types=financial; persons_count=2000; "
	    "persons_basis=exact; recovered_unviewed=yes");
	RESULT(&r, "no", "financial,over_1000", "not_leaked");
	/* the open questions of step 6 do not hold it back */
	run(&r, "kind=email_misdelivery; recipient_kind=internal; "
	    "data_types=my_number; exposure=unknown; "
	    "unauthorized_purpose=unknown");
	RESULT(&r, "no", "", "not_leaked");
	/* near miss: the exemption fails */
	run(&r, "kind=device_loss; device_type=usb_memory; data_types=medical; "
	    "persons_basis=unknown; encryption=strong; key_exposed=unknown");
	RESULT(&r, "yes", "sensitive", "none");
	run_free(&r);
	END();
}

/* 6. undetermined when data_types != none and no ground holds, while:
 * the count may exceed 1000 (persons_count unanswered, or persons_basis
 * answered unknown); unauthorized_purpose = unknown (unanswered too); or
 * data_types has my_number and exposure = unknown (unanswered too). */
static void
test_result_step6_undetermined_open(void **state)
{
	struct run r = { 0 };

	BEGIN();
	/* the count */
	run(&r, "kind=paper_loss; data_types=contact; persons_count=10; "
	    "persons_basis=unknown; unauthorized_purpose=no");
	RESULT(&r, "undetermined", "", "none");
	run(&r, "kind=paper_loss; data_types=contact; persons_basis=exact; "
	    "unauthorized_purpose=no");
	RESULT(&r, "undetermined", "", "none");
	run(&r, "kind=paper_loss; data_types=staff; unauthorized_purpose=no");
	RESULT(&r, "undetermined", "", "none");
	/* a deliberate act not excluded: unknown, or not answered */
	run(&r, "kind=paper_loss; data_types=contact; persons_count=10; "
	    "persons_basis=exact; unauthorized_purpose=unknown");
	RESULT(&r, "undetermined", "", "none");
	run(&r, "kind=insider_misuse; data_types=contact; persons_count=10; "
	    "persons_basis=exact");
	RESULT(&r, "undetermined", "", "none");
	/* My Number, open to anyone online or not: unknown, unanswered */
	run(&r, "kind=paper_loss; data_types=my_number; persons_count=10; "
	    "persons_basis=exact; unauthorized_purpose=no; exposure=unknown");
	RESULT(&r, "undetermined", "", "none");
	run(&r, "kind=paper_loss; data_types=my_number; persons_count=10; "
	    "persons_basis=exact; unauthorized_purpose=no");
	RESULT(&r, "undetermined", "", "none");
	if (!(r.ev.result.open & (1u << NEED_MY_NUMBER_EXPOSURE)))
		mismatch(__LINE__, "[%s]: the open question is not the My "
		    "Number exposure", r.kv);
	/* near misses: each settled */
	run(&r, "kind=paper_loss; data_types=contact; persons_count=10; "
	    "persons_basis=estimated; unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=paper_loss; data_types=contact; persons_count=10; "
	    "unauthorized_purpose=no");	/* basis unanswered, count given */
	RESULT(&r, "no", "", "none");
	run(&r, "kind=paper_loss; data_types=my_number; persons_count=10; "
	    "persons_basis=exact; unauthorized_purpose=no; exposure=outside");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=paper_loss; data_types=contact; persons_count=10; "
	    "persons_basis=exact; unauthorized_purpose=no; exposure=unknown");
	RESULT(&r, "no", "", "none");
	run_free(&r);
	END();
}

/* 7. no otherwise; data_types = none is no even with everything else
 * unknown. */
static void
test_result_step7_no(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=contact,birthdate; "
	    "persons_count=10; persons_basis=exact; unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	if (r.ev.result.step != STEP_NO_GROUND)
		mismatch(__LINE__, "[%s]: step %d, expected 7", r.kv,
		    (int)r.ev.result.step);
	run(&r, "kind=email_misdelivery; recipient_kind=external_known; "
	    "data_types=staff; persons_count=999; persons_basis=estimated; "
	    "unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	run_free(&r);
	END();
}

static void
test_result_data_types_none(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=none");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=malware; data_types=none; persons_basis=unknown; "
	    "persons_count=5000; unauthorized_purpose=yes");
	RESULT(&r, "no", "", "none");
	run(&r, "kind=paper_loss; data_types=none; exposure=unknown; "
	    "unauthorized_purpose=unknown");
	RESULT(&r, "no", "", "none");
	NOT_LISTED(&r, "ppc_preliminary_report");
	run_free(&r);
	END();
}

/* Why the result is what it is (the labels a screen shows with it), and
 * the facts a "no" rests on (docs/contract.md §5: a no is a decision to
 * record). */
static void
test_result_why_and_facts(void **state)
{
	struct run r = { 0 };
	int keys[64];
	size_t n, i;
	char *why;
	const char *got[64];

	BEGIN();
	/* undetermined by the access log: that open question */
	run(&r, "kind=device_loss; device_type=smartphone; screen_lock=strong; "
	    "encryption=strong; key_exposed=no; browser_saved_login=yes; "
	    "network_access=yes; data_types=patient_identity; "
	    "persons_count=30; persons_basis=exact; unauthorized_purpose=no");
	why = rules_result_why(g_d->rules, &r.ev.result, LANG_EN, " / ");
	if (why == NULL || strstr(why, "access log") == NULL)
		mismatch(__LINE__, "[%s]: why '%s' lacks the access log", r.kv,
		    why ? why : "(null)");
	free(why);
	/* no by encryption: the exemption, and the facts of the device and
	 * of the settled access log */
	run(&r, "kind=device_loss; device_type=smartphone; screen_lock=strong; "
	    "encryption=strong; key_exposed=no; browser_saved_login=yes; "
	    "network_access=yes; data_types=patient_identity; "
	    "persons_count=30; persons_basis=exact; unauthorized_purpose=no; "
	    "network_log=no_access");
	RESULT(&r, "no", "sensitive", "encryption");
	why = rules_result_why(g_d->rules, &r.ev.result, LANG_JA, " / ");
	if (why == NULL || strcmp(why, rules_exemption_label(g_d->rules,
	    EXEMPTION_ENCRYPTION, LANG_JA)) != 0)
		mismatch(__LINE__, "[%s]: why '%s' is not the exemption", r.kv,
		    why ? why : "(null)");
	free(why);
	n = rules_decision_facts(g_d->rules, &r.ev.result, r.inc.values, keys,
	    64);
	for (i = 0; i < n; i++)
		got[i] = g_d->form->fields[keys[i]].key;
	{
		static const char *const want[] = { "kind", "device_type",
			"network_access", "browser_saved_login", "network_log",
			"encryption", "key_exposed", "screen_lock" };

		if (n != sizeof want / sizeof want[0])
			mismatch(__LINE__, "[%s]: %zu facts, expected %zu", r.kv,
			    n, sizeof want / sizeof want[0]);
		for (i = 0; i < n && i < sizeof want / sizeof want[0]; i++)
			if (strcmp(got[i], want[i]) != 0)
				mismatch(__LINE__, "[%s]: fact %zu is %s, "
				    "expected %s (form order)", r.kv, i, got[i],
				    want[i]);
	}
	/* no ground: no "why", the facts of the grounds that were answered */
	run(&r, "kind=paper_loss; data_types=contact; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no");
	RESULT(&r, "no", "", "none");
	why = rules_result_why(g_d->rules, &r.ev.result, LANG_EN, " / ");
	if (why != NULL)
		mismatch(__LINE__, "[%s]: why '%s' for no ground", r.kv, why);
	free(why);
	n = rules_decision_facts(g_d->rules, &r.ev.result, r.inc.values, keys,
	    64);
	if (n != 5)
		mismatch(__LINE__, "[%s]: %zu facts, expected kind, "
		    "data_types, persons_count, persons_basis, "
		    "unauthorized_purpose", r.kv, n);
	/* undetermined by several open questions: all of them */
	run(&r, "kind=paper_loss; data_types=my_number; persons_basis=unknown");
	RESULT(&r, "undetermined", "", "none");
	if (r.ev.result.open != ((1u << NEED_MAY_EXCEED_1000) |
	    (1u << NEED_PURPOSE_UNKNOWN) | (1u << NEED_MY_NUMBER_EXPOSURE)))
		mismatch(__LINE__, "[%s]: open questions %#x", r.kv,
		    r.ev.result.open);
	run_free(&r);
	END();
}

/* Sources in both languages: every action cites its source
 * in Japanese and in English, the English one in English; the MHLW
 * guideline is cited as edition 6.0, never 4.2, which it replaced. */
static void
test_sources_translated(void **state)
{
	const struct rule_action *a;
	const char *ja, *en, *p;
	size_t i;
	int mhlw = 0;

	BEGIN();
	for (i = 0; i < g_d->rules->nactions; i++) {
		a = &g_d->rules->actions[i];
		ja = a->source.s[LANG_JA];
		en = a->source.s[LANG_EN];
		if (ja == NULL || en == NULL || *ja == '\0' || *en == '\0') {
			mismatch(__LINE__, "%s: source.ja/en missing", a->id);
			continue;
		}
		if (strcmp(ja, en) == 0)
			mismatch(__LINE__, "%s: the same source in both "
			    "languages", a->id);
		/* no CJK in English: kana and the CJK ideographs */
		for (p = en; *p != '\0'; p++)
			if ((unsigned char)p[0] == 0xe3 ||
			    ((unsigned char)p[0] >= 0xe4 &&
			    (unsigned char)p[0] <= 0xe9)) {
				mismatch(__LINE__, "%s: source.en has Japanese: "
				    "%s", a->id, en);
				break;
			}
		if (strstr(ja, "4.2") != NULL || strstr(en, "4.2") != NULL)
			mismatch(__LINE__, "%s cites the MHLW guideline 4.2",
			    a->id);
		if (strstr(ja, "厚生労働省") != NULL) {
			mhlw++;
			if (strstr(ja, "第6.0版") == NULL ||
			    strstr(en, "MHLW") == NULL ||
			    strstr(en, "6.0") == NULL)
				mismatch(__LINE__, "%s: the MHLW guideline "
				    "without its edition 6.0 in both languages",
				    a->id);
		}
	}
	if (mhlw < 8)
		mismatch(__LINE__, "only %d actions cite the MHLW guideline",
		    mhlw);
	END();
}

/* ======================================================= docs/contract.md §5
 * dues */

/* The worked example (examples/lost-tablet.*, copied to tests/fixtures):
 * the assessment and the checklist derived from the docs/contract.md §4 table.
 * */
static void
test_due_worked_example(void **state)
{
	static const char *const want[] = {
		"assemble_team", "assess_reportability", "change_password",
		"suspend_user_id", "check_network_log", "remote_wipe",
		"line_suspension", "mdm_lock", "search_lost_item",
		"police_lost_report", "update_device_ledger",
		"ppc_preliminary_report", "ppc_final_report",
		"notify_individuals", "decide_publication",
		"recurrence_prevention", "staff_education",
	};
	struct run r = { 0 };
	struct answer_set set;
	char *text = NULL, *assess = NULL, err[1024], *line, *save = NULL;
	char got[11], g[128];
	size_t len = 0, i;
	jtime_t now;

	BEGIN();
	assert_int_equal(jtime_parse("2026-10-06 09:00", &now, NULL, 0), 0);
	assert_int_equal(util_read_file("tests/fixtures/lost-tablet.answers",
	    &text, &len, err, sizeof err), ST_OK);
	if (model_answers_parse(g_d, text, len, "lost-tablet.answers", now,
	    &set, err, sizeof err) != ST_OK)
		fail_msg("worked example rejected: %s", err);
	run(&r, "");
	for (i = 0; i < set.n; i++) {
		int idx = form_field_index(g_d->form, set.v[i].key);

		assert_true(idx >= 0);
		free(r.inc.values[idx]);
		r.inc.values[idx] = set.v[i].value ? strdup(set.v[i].value) :
		    NULL;
	}
	answer_set_free(&set);
	free(text);
	snprintf(r.kv, sizeof r.kv, "lost-tablet.answers");
	model_evaluation_free(&r.ev);
	model_evaluate(g_d, &r.inc, &r.ev);

	/* against the .assess file, key by key */
	assert_int_equal(util_read_file("tests/fixtures/lost-tablet.assess",
	    &assess, NULL, err, sizeof err), ST_OK);
	for (line = strtok_r(assess, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		char *eq = strchr(line, '=');
		const char *have = NULL;

		if (eq == NULL)
			continue;
		*eq = '\0';
		if (strcmp(line, "reportable") == 0)
			have = spec_reportable(r.ev.result.reportable);
		else if (strcmp(line, "grounds") == 0) {
			grounds_string(r.ev.result.grounds, g, sizeof g);
			have = g;
		} else if (strcmp(line, "exemption") == 0)
			have = spec_exemption(r.ev.result.exemption);
		else if (strcmp(line, "preliminary_due") == 0) {
			fmt_day(r.ev.result.preliminary_due, got);
			have = got;
		} else if (strcmp(line, "final_due") == 0) {
			fmt_day(r.ev.result.final_due, got);
			have = got;
		} else if (strcmp(line, "report_by") == 0)
			have = rules_report_by_name(r.ev.result.report_by);
		else
			mismatch(__LINE__, "worked example: unknown key %s",
			    line);
		if (have != NULL && strcmp(have, eq + 1) != 0)
			mismatch(__LINE__, "worked example: %s=%s, expected %s",
			    line, have, eq + 1);
	}
	free(assess);
	/* the README's hand count: day 5 = 10-09; day 30 = 11-03 Culture Day
	 * -> 11-04 */
	RESULT(&r, "yes", "sensitive", "none");
	DUES(&r, "2026-10-09", "2026-11-04");
	DUE(&r, "ppc_preliminary_report", "2026-10-09");
	DUE(&r, "ppc_final_report", "2026-11-04");
	DUE(&r, "assess_reportability", "");
	fmt_day(r.ev.next_due, got);
	if (strcmp(got, "2026-10-09") != 0)
		mismatch(__LINE__, "worked example: next_due %s, expected "
		    "2026-10-09", got);
	EXACTLY(&r, want);
	STATUS(&r, "remote_wipe", ACTION_OPEN);
	STATUS(&r, "check_network_log", ACTION_OPEN);
	REPORT_BY(&r, "facility");
	run_free(&r);
	END();
}

#define REPORTABLE_CASE "kind=paper_loss; data_types=medical; " \
	"persons_count=3; persons_basis=exact; "

/* Day 30 on a Saturday moves to the Monday. 2026-06-05 (Fri) is day 1;
 * day 30 = 07-04 (Sat) -> 07-06 (Mon). */
static void
test_due_final_on_saturday(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, REPORTABLE_CASE "discovered_at=2026-06-05 09:00");
	DUES(&r, "2026-06-09", "2026-07-06");
	/* day 30 on a Sunday: 2026-10-24 (Sat) -> 11-22 (Sun); 11-23 is
	 * Labour Thanksgiving Day (Mon) -> 11-24 (Tue) */
	run(&r, REPORTABLE_CASE "discovered_at=2026-10-24 12:00");
	DUES(&r, "2026-10-28", "2026-11-24");
	/* an ordinary weekday stays: 2026-06-01 -> day 30 06-30 (Tue) */
	run(&r, REPORTABLE_CASE "discovered_at=2026-06-01 08:00");
	DUES(&r, "2026-06-05", "2026-06-30");
	run_free(&r);
	END();
}

/* A substitute holiday: 2026-04-07 is day 1; day 30 = 05-06, the 振替休日
 * for Constitution Day (Sun 05-03) -> 05-07 (Thu). Day 5 = 04-11, a
 * Saturday, not moved. Also the citizens' holiday run: 2026-08-23 -> day
 * 30 = 09-21 (Respect for the Aged), 09-22 (国民の休日), 09-23 (equinox)
 * -> 09-24. */
static void
test_due_substitute_holiday(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, REPORTABLE_CASE "discovered_at=2026-04-07 10:00");
	DUES(&r, "2026-04-11", "2026-05-07");
	run(&r, REPORTABLE_CASE "discovered_at=2026-08-23 10:00");
	DUES(&r, "2026-08-27", "2026-09-24");
	run_free(&r);
	END();
}

/* Dec 29 - Jan 3: 2026-11-30 is day 1; day 30 = 12-29 -> 2027-01-04 (Mon,
 * not a holiday). */
static void
test_due_year_end(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, REPORTABLE_CASE "discovered_at=2026-11-30 10:00");
	DUES(&r, "2026-12-04", "2027-01-04");
	/* day 30 on a weekday Dec 30 (2027-12-30 Thu): 2027-12-01 is day 1
	 * -> 2028-01-04 (Tue) */
	run(&r, REPORTABLE_CASE "discovered_at=2027-12-01 10:00");
	DUES(&r, "2027-12-05", "2028-01-04");
	run_free(&r);
	END();
}

/* 60 days when unauthorized_purpose is a ground: 2026-10-07 is day 1; day
 * 60 = 12-05 (Sat) -> 12-07 (Mon); day 5 = 10-11 (Sun), not moved. */
static void
test_due_sixty_days(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=device_theft; data_types=contact; persons_count=3; "
	    "persons_basis=exact; discovered_at=2026-10-07 10:00");
	RESULT(&r, "yes", "unauthorized_purpose", "none");
	DUES(&r, "2026-10-11", "2026-12-07");
	/* by the answer */
	run(&r, "kind=paper_loss; unauthorized_purpose=suspected; "
	    "data_types=medical; persons_count=3; persons_basis=exact; "
	    "discovered_at=2026-10-07 10:00");
	RESULT(&r, "yes", "sensitive,unauthorized_purpose", "none");
	DUES(&r, "2026-10-11", "2026-12-07");
	/* without it: day 30 = 11-05 (Thu) */
	run(&r, REPORTABLE_CASE "discovered_at=2026-10-07 10:00");
	DUES(&r, "2026-10-11", "2026-11-05");
	/* listed while an exemption clears it: should a leak be found, the
	 * act caused it (undetermined by an unchecked access log) */
	run(&r, "kind=device_theft; device_type=smartphone; data_types=contact; "
	    "persons_count=3; persons_basis=exact; encryption=strong; "
	    "key_exposed=no; screen_lock=strong; network_access=yes; "
	    "browser_saved_login=yes; discovered_at=2026-10-07 10:00");
	RESULT(&r, "undetermined", "unauthorized_purpose", "encryption");
	DUES(&r, "2026-10-11", "2026-12-07");
	/* an insider answered "no": 30 days */
	run(&r, "kind=insider_misuse; data_types=medical; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no; "
	    "discovered_at=2026-10-07 10:00");
	RESULT(&r, "yes", "sensitive", "none");
	DUES(&r, "2026-10-11", "2026-11-05");
	run_free(&r);
	END();
}

/* The preliminary target is day 5 as is: on a Sunday, a holiday, in the
 * year-end days. */
static void
test_due_preliminary_never_moved(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, REPORTABLE_CASE "discovered_at=2026-10-07 23:59");
	DUES(&r, "2026-10-11", "2026-11-05");		/* Sunday */
	run(&r, REPORTABLE_CASE "discovered_at=2026-10-30 00:00");
	/* day 5 = Culture Day; day 30 = 11-28 (Sat) -> 11-30 (Mon) */
	DUES(&r, "2026-11-03", "2026-11-30");
	run(&r, REPORTABLE_CASE "discovered_at=2026-12-27 10:00");
	DUES(&r, "2026-12-31", "2027-01-25");		/* year end */
	run_free(&r);
	END();
}

/* reportable = no: no dues, no PPC actions, assess_reportability due
 * empty. */
static void
test_due_empty_when_not_reportable(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=paper_loss; data_types=contact; persons_count=3; "
	    "persons_basis=exact; unauthorized_purpose=no; "
	    "discovered_at=2026-10-05 10:00");
	RESULT(&r, "no", "", "none");
	DUES(&r, "", "");
	DUE(&r, "assess_reportability", "");
	NOT_LISTED(&r, "ppc_final_report");
	run(&r, "kind=device_loss; data_types=medical; persons_count=3; "
	    "persons_basis=exact; encryption=strong; key_exposed=no; "
	    "screen_lock=strong; network_access=no; "
	    "discovered_at=2026-10-05 10:00");
	RESULT(&r, "no", "sensitive", "encryption");
	DUES(&r, "", "");
	run_free(&r);
	END();
}

/* undetermined: tentative dues are filled (30 days: no ground). */
static void
test_due_tentative_when_undetermined(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=device_loss; discovered_at=2026-10-05 18:20");
	RESULT(&r, "undetermined", NULL, NULL);
	DUES(&r, "2026-10-09", "2026-11-04");
	DUE(&r, "assess_reportability", "2026-10-09");
	run(&r, "kind=paper_loss; data_types=contact; persons_basis=unknown; "
	    "discovered_at=2026-11-30 09:00");
	RESULT(&r, "undetermined", "", NULL);
	DUES(&r, "2026-12-04", "2027-01-04");
	DUE(&r, "assess_reportability", "2026-12-04");
	run_free(&r);
	END();
}

/* discovered_at unanswered: no dues at all, whatever the result. */
static void
test_due_empty_without_discovered_at(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, REPORTABLE_CASE "kind=paper_loss");
	RESULT(&r, "yes", "sensitive", "none");
	DUES(&r, "", "");
	DUE(&r, "ppc_preliminary_report", "");
	DUE(&r, "ppc_final_report", "");
	if (r.ev.next_due != -1)
		mismatch(__LINE__, "[%s]: next_due set without discovered_at",
		    r.kv);
	run(&r, "kind=device_loss");
	RESULT(&r, "undetermined", NULL, NULL);
	DUES(&r, "", "");
	DUE(&r, "assess_reportability", "");
	run_free(&r);
	END();
}

/* ppc_preliminary_report is due on the preliminary target,
 * ppc_final_report on the final date. */
static void
test_due_ppc_actions(void **state)
{
	struct run r = { 0 };

	BEGIN();
	run(&r, "kind=malware; data_types=medical; persons_count=30; "
	    "persons_basis=exact; discovered_at=2026-04-07 15:00");
	RESULT(&r, "yes", "sensitive,unauthorized_purpose", "none");
	/* day 5 = 04-11 (Sat, as is); day 60 = 06-05 (Fri) */
	DUES(&r, "2026-04-11", "2026-06-05");
	DUE(&r, "ppc_preliminary_report", "2026-04-11");
	DUE(&r, "ppc_final_report", "2026-06-05");
	DUE(&r, "assess_reportability", "");
	run(&r, REPORTABLE_CASE "discovered_at=2026-08-23 10:00");
	DUE(&r, "ppc_preliminary_report", "2026-08-27");
	DUE(&r, "ppc_final_report", "2026-09-24");
	if (r.ev.next_due != jtime_days_from_ymd(2026, 8, 27))
		mismatch(__LINE__, "[%s]: next_due is not the preliminary "
		    "target", r.kv);
	run_free(&r);
	END();
}

/* ============================================ rules_parse_string errors */

static const char base_rules[] =
	"# minimal rules\n"
	"[define assessment_incomplete]\n"
	"when = not answered(data_types)\n"
	"[define ground_sensitive]\n"
	"when = data_types has {patient_identity, medical, care}\n"
	"[define ground_financial]\n"
	"when = data_types has financial\n"
	"[define ground_unauthorized_purpose]\n"
	"when = kind in {device_theft, malware}\n"
	"[define ground_over_1000]\n"
	"when = persons_count > 1000\n"
	"[define ground_my_number]\n"
	"when = data_types has my_number\n"
	"[define exemption_not_leaked]\n"
	"when = recovered_unviewed == yes\n"
	"[define exemption_encryption]\n"
	"when = encryption == strong and key_exposed == no\n"
	"[define count_may_exceed_1000]\n"
	"when = not answered(persons_count)\n"
	"[define network_case]\n"
	"when = kind == device_loss and browser_saved_login == yes\n"
	"[define loss_unsettled]\n"
	"when = exposure == inside_only and copy_kept == unknown\n"
	"[define network_case_open]\n"
	"when = network_log == unknown\n"
	"[define purpose_not_excluded]\n"
	"when = unauthorized_purpose == unknown\n"
	"[define my_number_exposure_open]\n"
	"when = data_types has my_number and exposure == unknown\n"
	"[define role_processor]\n"
	"when = facility_role == processor\n"
	"[define role_both]\n"
	"when = facility_role == both\n"
	"\n"
	"[action assemble_team]\n"
	"phase = immediate\n"
	"priority = 1\n"
	"title.ja = 体制をつくる\n"
	"title.en = Form a team\n"
	"detail.ja = 連絡先：{police}\n"
	"detail.en = Call {police}\n";

/* 1-based line of the first occurrence of needle in text (0: absent). */
static int
line_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle), *q;
	int line = 1;

	if (p == NULL)
		return 0;
	for (q = text; q < p; q++)
		line += *q == '\n';
	return line;
}

/* Parses text: must fail with ST_CONFIG and "t.rules:LINE: " at one of the
 * given lines (line2 0: only line1; line1 -1: any line) and a message
 * holding `want`. */
static void
rules_fails(const char *text, int line1, int line2, const char *want,
    int at)
{
	struct rules *r = NULL;
	char err[1024] = "", prefix[64], prefix2[64];
	int rc;

	rc = rules_parse_string(text, strlen(text), "t.rules", g_d->form, &r,
	    err, sizeof err);
	if (rc != ST_CONFIG) {
		mismatch(at, "rules_parse_string returned %d (expected %d) for "
		    "the case '%s'; err=%s", rc, ST_CONFIG, want, err);
		rules_free(r);
		return;
	}
	snprintf(prefix, sizeof prefix, "t.rules:%d: ", line1);
	snprintf(prefix2, sizeof prefix2, "t.rules:%d: ", line2);
	if (line1 < 0) {
		int n = 0;

		if (sscanf(err, "t.rules:%d: ", &n) != 1 || n < 1)
			mismatch(at, "no \"t.rules:LINE:\" prefix in \"%s\"",
			    err);
	} else if (strncmp(err, prefix, strlen(prefix)) != 0 &&
	    (line2 == 0 || strncmp(err, prefix2, strlen(prefix2)) != 0))
		mismatch(at, "expected \"%s...\"%s%s, got \"%s\"", prefix,
		    line2 ? " or " : "", line2 ? prefix2 : "", err);
	if (want != NULL && strstr(err, want) == NULL)
		mismatch(at, "message \"%s\" does not mention \"%s\"", err, want);
}

/* base_rules with one line replaced (old must occur once) or text added. */
static char *
rules_with(const char *old, const char *new_)
{
	struct buf b;
	const char *p;

	buf_init(&b);
	if (old == NULL) {
		buf_adds(&b, base_rules);
		buf_adds(&b, new_);
		return buf_steal(&b);
	}
	p = strstr(base_rules, old);
	assert_non_null(p);
	buf_add(&b, base_rules, (size_t)(p - base_rules));
	buf_adds(&b, new_);
	buf_adds(&b, p + strlen(old));
	return buf_steal(&b);
}

#define FAILS_AT(text, needle, want) \
	rules_fails(text, line_of(text, needle), 0, want, __LINE__)

static void
test_parse_base_ok(void **state)
{
	struct rules *r = NULL;
	char err[1024] = "";

	BEGIN();
	if (rules_parse_string(base_rules, sizeof base_rules - 1, "t.rules",
	    g_d->form, &r, err, sizeof err) != ST_OK)
		fail_msg("the minimal rules are rejected: %s", err);
	assert_non_null(r);
	assert_int_equal(r->nactions, 1);
	rules_free(r);
	END();
}

/* A NUL byte ends a C string; read as one, the rules would end there with
 * nothing said. */
static void
test_parse_nul(void **state)
{
	struct rules *r = NULL;
	char err[1024] = "", want[64], *t = xstrdup(base_rules);

	(void)state;
	strstr(t, "detail.en = Call")[11] = '\0';
	assert_int_equal(rules_parse_string(t, sizeof base_rules - 1,
	    "t.rules", g_d->form, &r, err, sizeof err), ST_CONFIG);
	snprintf(want, sizeof want, "t.rules:%d: NUL byte",
	    line_of(base_rules, "detail.en = Call"));
	assert_string_equal(err, want);
	assert_null(r);
	free(t);
}

static void
test_parse_errors(void **state)
{
	char *t;

	BEGIN();
	/* syntax error in a condition */
	t = rules_with(NULL, "[action a1]\nphase = immediate\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nwhen = (kind == device_loss\n");
	FAILS_AT(t, "when = (kind", NULL);
	free(t);
	t = rules_with(NULL, "[action a1]\nphase = immediate\npriority = 1\n"
	    "when = kind ==\ntitle.ja = x\ntitle.en = x\n");
	FAILS_AT(t, "when = kind ==\n", NULL);
	free(t);
	/* unknown key in a condition */
	t = rules_with(NULL, "[action a1]\nphase = immediate\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nwhen = kidn == device_loss\n");
	FAILS_AT(t, "when = kidn", "kidn");
	free(t);
	/* unknown value */
	t = rules_with(NULL, "[action a1]\nphase = immediate\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nwhen = kind == device_lost\n");
	FAILS_AT(t, "when = kind == device_lost", "device_lost");
	free(t);
	t = rules_with("when = data_types has financial",
	    "when = data_types has finance");
	FAILS_AT(t, "when = data_types has finance", "finance");
	free(t);
	/* unknown value of the pseudo-key reportable */
	t = rules_with(NULL, "[action a1]\nphase = report\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nwhen = reportable == maybe\n");
	FAILS_AT(t, "when = reportable == maybe", "maybe");
	free(t);
	/* unknown define */
	t = rules_with(NULL, "[action a1]\nphase = immediate\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nwhen = no_such_define\n");
	FAILS_AT(t, "when = no_such_define", "no_such_define");
	free(t);
	/* a define used before it is defined */
	t = rules_with(NULL, "[define d_early]\nwhen = d_late\n"
	    "[define d_late]\nwhen = kind == other\n");
	FAILS_AT(t, "when = d_late", "d_late");
	free(t);
	/* a define named like an answer key */
	t = rules_with(NULL, "[define kind]\nwhen = true\n");
	FAILS_AT(t, "[define kind]", "kind");
	free(t);
	/* unknown phase */
	t = rules_with("phase = immediate", "phase = urgent");
	FAILS_AT(t, "phase = urgent", "urgent");
	free(t);
	/* bad priorities */
	t = rules_with("priority = 1", "priority = 4");
	FAILS_AT(t, "priority = 4", NULL);
	free(t);
	t = rules_with("priority = 1", "priority = 0");
	FAILS_AT(t, "priority = 0", NULL);
	free(t);
	t = rules_with("priority = 1", "priority = high");
	FAILS_AT(t, "priority = high", NULL);
	free(t);
	/* bad due */
	t = rules_with(NULL, "[action a1]\nphase = report\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\ndue = tomorrow\n");
	FAILS_AT(t, "due = tomorrow", "tomorrow");
	free(t);
	t = rules_with(NULL, "[action a1]\nphase = report\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\ndue = final_due + x\n");
	FAILS_AT(t, "due = final_due + x", NULL);
	free(t);
	/* unknown {placeholder} */
	t = rules_with("detail.en = Call {police}", "detail.en = Call {polise}");
	FAILS_AT(t, "detail.en = Call {polise}", "polise");
	free(t);
	/* an action without a title */
	t = rules_with(NULL, "[action a1]\nphase = immediate\npriority = 2\n"
	    "when = kind == other\n");
	FAILS_AT(t, "[action a1]", "a1");
	free(t);
	t = rules_with("title.en = Form a team\n", "");
	FAILS_AT(t, "[action assemble_team]", "assemble_team");
	free(t);
	/* an action without a phase / priority */
	t = rules_with("phase = immediate\n", "");
	FAILS_AT(t, "[action assemble_team]", NULL);
	free(t);
	/* an unknown key in an action and in a define */
	t = rules_with("priority = 1\n", "priority = 1\ncolour = red\n");
	FAILS_AT(t, "colour = red", "colour");
	free(t);
	END();
}

/* The defines the assessment needs must exist and may not read
 * "reportable". */
static void
test_parse_required_defines(void **state)
{
	char *t;

	BEGIN();
	/* missing ground_financial: which line is debatable (there is none
	 * to point at), but docs/contract.md §1 wants FILE:LINE: for every data
	 * error */
	t = rules_with("[define ground_financial]\nwhen = data_types has "
	    "financial\n", "");
	rules_fails(t, -1, 0, "ground_financial", __LINE__);
	free(t);
	t = rules_with("[define count_may_exceed_1000]\nwhen = not "
	    "answered(persons_count)\n", "");
	rules_fails(t, -1, 0, "count_may_exceed_1000", __LINE__);
	free(t);
	/* a required define reading reportable: its [define] line or its
	 * when line */
	t = rules_with("when = data_types has financial",
	    "when = reportable == yes");
	rules_fails(t, line_of(t, "[define ground_financial]"),
	    line_of(t, "when = reportable == yes"), "ground_financial",
	    __LINE__);
	free(t);
	/* ... or reading it through another define */
	t = rules_with("[define ground_financial]\nwhen = data_types has "
	    "financial\n", "[define is_yes]\nwhen = reportable == yes\n"
	    "[define ground_financial]\nwhen = is_yes\n");
	rules_fails(t, line_of(t, "[define ground_financial]"),
	    line_of(t, "when = is_yes"), "ground_financial", __LINE__);
	free(t);
	/* a define with no when */
	t = rules_with(NULL, "[define lonely]\nlabel.en = x\n");
	FAILS_AT(t, "[define lonely]", "lonely");
	free(t);
	END();
}

/* v2: every define the result ladder reads is required by
 * name, FILE:LINE when missing; none may read "reportable". */
static void
test_parse_required_defines_v2(void **state)
{
	static const char *const names[] = { "network_case",
		"assessment_incomplete", "loss_unsettled", "network_case_open",
		"count_may_exceed_1000", "purpose_not_excluded",
		"my_number_exposure_open", "role_processor", "role_both",
		"exemption_not_leaked", "exemption_encryption" };
	char head[96], *t, *p, *q;
	size_t i;
	int n;

	BEGIN();
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		/* drop the block: its head line and its when line */
		snprintf(head, sizeof head, "[define %s]\n", names[i]);
		t = xstrdup(base_rules);
		p = strstr(t, head);
		assert_non_null(p);
		q = strchr(p + strlen(head), '\n');
		memmove(p, q + 1, strlen(q + 1) + 1);
		rules_fails(t, -1, 0, names[i], __LINE__);
		free(t);
	}
	/* the enum and the names agree */
	for (n = 0; n < NEED_COUNT; n++)
		if (rules_need_name((enum rules_need)n) == NULL ||
		    rules_define_index(g_d->rules,
		    rules_need_name((enum rules_need)n)) < 0)
			mismatch(__LINE__, "need %d: no define in the shipped "
			    "rules", n);
	/* reading the assessment: a cycle */
	t = rules_with("when = facility_role == both",
	    "when = reportable == yes");
	rules_fails(t, line_of(t, "[define role_both]"),
	    line_of(t, "when = reportable == yes"), "role_both", __LINE__);
	free(t);
	END();
}

/* source.ja / source.en, and a plain source for the language without
 * its own (files written before v2 still load). */
static void
test_parse_source(void **state)
{
	struct rules *r = NULL;
	char err[1024] = "", *t;
	const struct rule_action *a;

	BEGIN();
	t = rules_with(NULL, "[action a1]\nphase = report\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nsource.ja = 個人情報保護法 第26条\n"
	    "source.en = APPI Art. 26\n"
	    "[action a2]\nphase = report\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nsource = Old plain source\n"
	    "[action a3]\nphase = report\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nsource = Plain\n"
	    "source.ja = 日本語\n");
	if (rules_parse_string(t, strlen(t), "t.rules", g_d->form, &r, err,
	    sizeof err) != ST_OK)
		fail_msg("rejected: %s", err);
	a = rules_action_find(r, "a1");
	assert_string_equal(tr_get(&a->source, LANG_JA), "個人情報保護法 第26条");
	assert_string_equal(tr_get(&a->source, LANG_EN), "APPI Art. 26");
	a = rules_action_find(r, "a2");
	assert_string_equal(tr_get(&a->source, LANG_JA), "Old plain source");
	assert_string_equal(tr_get(&a->source, LANG_EN), "Old plain source");
	a = rules_action_find(r, "a3");
	assert_string_equal(tr_get(&a->source, LANG_JA), "日本語");
	assert_string_equal(tr_get(&a->source, LANG_EN), "Plain");
	a = rules_action_find(r, "assemble_team");
	assert_string_equal(tr_get(&a->source, LANG_EN), "");
	rules_free(r);
	free(t);
	/* given twice */
	t = rules_with(NULL, "[action a1]\nphase = report\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nsource.en = a\nsource.en = b\n");
	FAILS_AT(t, "source.en = b", "source.en");
	free(t);
	t = rules_with(NULL, "[action a1]\nphase = report\npriority = 1\n"
	    "title.ja = x\ntitle.en = x\nsource = a\nsource = b\n");
	FAILS_AT(t, "source = b", "source");
	free(t);
	END();
}

/* facts = KEY, KEY in a define: keys of the form, each once. */
static void
test_parse_facts(void **state)
{
	struct rules *r = NULL;
	char err[1024] = "", *t;
	int i;

	BEGIN();
	t = rules_with("[define exemption_encryption]\n",
	    "[define exemption_encryption]\nfacts = encryption, key_exposed\n");
	if (rules_parse_string(t, strlen(t), "t.rules", g_d->form, &r, err,
	    sizeof err) != ST_OK)
		fail_msg("rejected: %s", err);
	i = rules_define_index(r, "exemption_encryption");
	assert_true(i >= 0);
	assert_int_equal(r->defines[i].nfacts, 2);
	assert_int_equal(r->defines[i].facts[0],
	    form_field_index(g_d->form, "encryption"));
	assert_int_equal(r->defines[i].facts[1],
	    form_field_index(g_d->form, "key_exposed"));
	rules_free(r);
	free(t);
	t = rules_with("[define exemption_encryption]\n",
	    "[define exemption_encryption]\nfacts = encryption, key_exposd\n");
	FAILS_AT(t, "facts = encryption", "key_exposd");
	free(t);
	t = rules_with("[define exemption_encryption]\n",
	    "[define exemption_encryption]\nfacts = encryption, encryption\n");
	FAILS_AT(t, "facts = encryption", "encryption");
	free(t);
	t = rules_with("[define exemption_encryption]\n",
	    "[define exemption_encryption]\nfacts = kind\nfacts = kind\n");
	rules_fails(t, line_of(t, "facts = kind\nfacts") + 1, 0, "facts",
	    __LINE__);
	free(t);
	END();
}

int
main(void)
{
	/* docs/contract.md §1: Japan time whatever the host's time zone */
	setenv("TZ", "America/Los_Angeles", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_action_ids_known),
		cmocka_unit_test(test_action_assemble_team),
		cmocka_unit_test(test_action_assess_reportability),
		cmocka_unit_test(test_action_followup_always),
		cmocka_unit_test(test_action_change_password),
		cmocka_unit_test(test_action_suspend_user_id),
		cmocka_unit_test(test_action_remote_wipe),
		cmocka_unit_test(test_action_line_suspension),
		cmocka_unit_test(test_action_mdm_lock),
		cmocka_unit_test(test_action_search_lost_item),
		cmocka_unit_test(test_action_police_lost_report),
		cmocka_unit_test(test_action_police_theft_report),
		cmocka_unit_test(test_action_update_device_ledger),
		cmocka_unit_test(test_action_contact_recipient),
		cmocka_unit_test(test_action_confirm_deletion),
		cmocka_unit_test(test_action_cyber_group),
		cmocka_unit_test(test_action_restore_from_backup),
		cmocka_unit_test(test_action_insider_group),
		cmocka_unit_test(test_action_estimate_persons_count),
		cmocka_unit_test(test_action_secondary_damage_response),
		cmocka_unit_test(test_action_report_municipality),
		cmocka_unit_test(test_action_ppc_four),
		cmocka_unit_test(test_action_check_network_log),
		cmocka_unit_test(test_action_continue_care),
		cmocka_unit_test(test_action_take_down_public),
		cmocka_unit_test(test_action_contractor_report),
		cmocka_unit_test(test_action_notify_controller),
		cmocka_unit_test(test_report_by),
		cmocka_unit_test(test_checklist_sort_order),
		cmocka_unit_test(test_checklist_empty_incident),
		cmocka_unit_test(test_checklist_history),
		cmocka_unit_test(test_ground_sensitive),
		cmocka_unit_test(test_ground_financial),
		cmocka_unit_test(test_ground_unauthorized_purpose),
		cmocka_unit_test(test_ground_over_1000),
		cmocka_unit_test(test_ground_my_number),
		cmocka_unit_test(test_exemption_not_leaked),
		cmocka_unit_test(test_exemption_encryption),
		cmocka_unit_test(test_result_step1_network_case),
		cmocka_unit_test(test_result_step2_undetermined_incomplete),
		cmocka_unit_test(test_result_step3_yes),
		cmocka_unit_test(test_result_step3_loss_unsettled),
		cmocka_unit_test(test_result_step4_network_open),
		cmocka_unit_test(test_result_step5_no_by_exemption),
		cmocka_unit_test(test_result_step6_undetermined_open),
		cmocka_unit_test(test_result_step7_no),
		cmocka_unit_test(test_result_data_types_none),
		cmocka_unit_test(test_result_why_and_facts),
		cmocka_unit_test(test_sources_translated),
		cmocka_unit_test(test_due_worked_example),
		cmocka_unit_test(test_due_final_on_saturday),
		cmocka_unit_test(test_due_substitute_holiday),
		cmocka_unit_test(test_due_year_end),
		cmocka_unit_test(test_due_sixty_days),
		cmocka_unit_test(test_due_preliminary_never_moved),
		cmocka_unit_test(test_due_empty_when_not_reportable),
		cmocka_unit_test(test_due_tentative_when_undetermined),
		cmocka_unit_test(test_due_empty_without_discovered_at),
		cmocka_unit_test(test_due_ppc_actions),
		cmocka_unit_test(test_parse_base_ok),
		cmocka_unit_test(test_parse_nul),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_parse_required_defines),
		cmocka_unit_test(test_parse_required_defines_v2),
		cmocka_unit_test(test_parse_source),
		cmocka_unit_test(test_parse_facts),
	};

	return cmocka_run_group_tests_name("rules", tests, setup_data,
	    teardown_data);
}
