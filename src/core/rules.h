/*
 * rules.h - the required actions and the legal assessment as data
 * (data/actions.rules): named conditions ([define]) and actions ([action]),
 * evaluated in one pass over an incident's answers. The order of the
 * result ladder of docs/contract.md §5 is here (rules.c); what each ground,
 * exemption and open question means is in the file. The loader is rules_load.c.
 */
#ifndef ANSHIN_RULES_H
#define ANSHIN_RULES_H

#include <stddef.h>

#include "deadline.h"
#include "expr.h"
#include "form.h"
#include "util.h"

enum phase { PHASE_IMMEDIATE, PHASE_INVESTIGATE, PHASE_REPORT, PHASE_FOLLOWUP,
	PHASE_COUNT };

enum reportable { REPORTABLE_YES, REPORTABLE_NO, REPORTABLE_UNDETERMINED };
enum exemption { EXEMPTION_NONE, EXEMPTION_ENCRYPTION, EXEMPTION_NOT_LEAKED };
/* docs/contract.md §5 order. */
enum ground { GROUND_SENSITIVE, GROUND_FINANCIAL, GROUND_UNAUTHORIZED_PURPOSE,
	GROUND_OVER_1000, GROUND_MY_NUMBER, GROUND_COUNT };
/* Who reports to the PPC and notifies (docs/contract.md §5 report_by). */
enum report_by { REPORT_BY_FACILITY, REPORT_BY_CONTROLLER, REPORT_BY_BOTH };

/*
 * The defines the assessment reads, by the part docs/contract.md §5 gives them.
 * The file must declare each under its name (rules_need_name); the law's
 * conditions stay in the file, and only the order in which they decide
 * the result is C's (rules.c, assess).
 */
enum rules_need {
	NEED_GROUND_SENSITIVE,		/* GROUND_COUNT grounds, in order */
	NEED_EXEMPTION_NOT_LEAKED = GROUND_COUNT,
	NEED_EXEMPTION_ENCRYPTION,
	NEED_NETWORK_CASE,		/* step 1: yes whatever else holds */
	NEED_INCOMPLETE,		/* step 2 */
	NEED_LOSS_UNSETTLED,		/* step 3: loss or damage still open */
	NEED_NETWORK_OPEN,		/* step 4: the access log unchecked */
	NEED_MAY_EXCEED_1000,		/* step 6: the open questions */
	NEED_PURPOSE_UNKNOWN,
	NEED_MY_NUMBER_EXPOSURE,
	NEED_ROLE_PROCESSOR,		/* report_by */
	NEED_ROLE_BOTH,
	NEED_COUNT
};

/* The step of the docs/contract.md §5 ladder that gave the result. */
enum rules_step {
	STEP_NETWORK_CASE = 1, STEP_INCOMPLETE, STEP_NO_EXEMPTION,
	STEP_NETWORK_OPEN, STEP_EXEMPTION, STEP_STILL_OPEN, STEP_NO_GROUND
};

/* What a due date counts from. */
enum due_base { DUE_NONE, DUE_DISCOVERED, DUE_PRELIMINARY, DUE_FINAL };

struct rule_define {
	char *name;
	struct expr *when;
	struct tr label;		/* how a person reads it (grounds) */
	int *facts;			/* form fields a decision rests on */
	size_t nfacts;
	int line;
};

struct rule_action {
	char *id;
	enum phase phase;
	int priority;			/* 1..3 */
	struct expr *when;		/* NULL: always */
	struct expr *done_if;		/* answers that mean it is done */
	enum due_base due;
	int due_offset;			/* days after the base */
	struct expr *due_if;		/* NULL: the due date always applies */
	struct tr title;
	struct tr detail;		/* may hold {section} contact placeholders */
	struct tr reason;
	struct tr source;		/* the law or guide, per language */
	int confirm;			/* our reading of the law: please confirm */
	int line;
};

struct rules {
	char *name;
	struct rule_define *defines;
	size_t ndefines;
	struct rule_action *actions;	/* in file order: the checklist's */
	size_t nactions;
	int need[NEED_COUNT];		/* define index per enum rules_need */
	int reportable_key;		/* key id of the pseudo-key "reportable" */
};

/* The result of one evaluation. */
struct rules_result {
	enum reportable reportable;
	unsigned grounds;		/* 1u << enum ground */
	enum exemption exemption;
	enum report_by report_by;
	enum rules_step step;		/* the ladder's step that decided */
	unsigned open;			/* 1u << enum rules_need: for an
					 * undetermined result, the open
					 * questions that hold */
	long preliminary_due;		/* days since epoch, -1 when empty */
	long final_due;
	int due_flags;			/* DEADLINE_* */
	long discovered_day;		/* -1 when discovered_at is unanswered */
	unsigned char *applies;		/* per action */
	unsigned char *done_by_answer;	/* per action */
	long *due;			/* per action, -1 when none */
};

/* Parses rules (len bytes) against a form; every define of enum
 * rules_need must be present under its name and may not read
 * "reportable". Errors "NAME:LINE: message", ST_CONFIG. */
int rules_parse_string(const char *text, size_t len, const char *name,
    const struct form *form, struct rules **out, char *err, size_t errlen);
int rules_load(const char *path, const struct form *form, struct rules **out,
    char *err, size_t errlen);
void rules_free(struct rules *r);

const struct rule_action *rules_action_find(const struct rules *r,
    const char *id);
int rules_action_index(const struct rules *r, const char *id);
int rules_define_index(const struct rules *r, const char *name);
/* The name the file gives a needed define ("ground_sensitive", ...). */
const char *rules_need_name(enum rules_need n);

/* Evaluates everything for the values vector (one per form field). */
void rules_eval(const struct rules *r, const struct form *form,
    const struct holidays *h, char *const *values, struct rules_result *out);
void rules_result_free(struct rules_result *res);

/* Names used in machine formats. */
const char *rules_phase_name(enum phase p);
int rules_phase_parse(const char *s);
const char *rules_reportable_name(enum reportable r);
const char *rules_ground_name(enum ground g);
const char *rules_exemption_name(enum exemption e);
const char *rules_report_by_name(enum report_by b);
/* The define that holds a ground's label. */
const struct rule_define *rules_ground_define(const struct rules *r, enum ground g);
/* The grounds that hold, by their labels in lang (the id where a define
 * has no label), joined with sep; NULL when none holds. */
char *rules_grounds_text(const struct rules *r, unsigned grounds,
    enum lang lang, const char *sep);
/* An exemption by its define's label in lang; NULL for EXEMPTION_NONE. */
const char *rules_exemption_label(const struct rules *r, enum exemption e,
    enum lang lang);
/* Why the result is what it is, by the labels of the defines that made
 * it (for undetermined: the open questions; for yes by step 1: the
 * network case; for no: the exemption), joined with sep; NULL when the
 * grounds say it all (yes by step 3) or no ground holds (no by step 7). */
char *rules_result_why(const struct rules *r, const struct rules_result *res,
    enum lang lang, const char *sep);
/* The form fields a "no" rests on, in form order, each once: the facts
 * of the exemption's define, else those of every ground's define, and
 * those of the network case that is no longer open. Only answered fields
 * count. Returns how many were written to keys (at most max). */
size_t rules_decision_facts(const struct rules *r,
    const struct rules_result *res, char *const *values, int *keys,
    size_t max);
/* Those facts as a person reads them: "label: value" (choice labels in
 * lang), joined with sep; NULL when none is answered. */
char *rules_facts_text(const struct rules *r, const struct form *form,
    const struct rules_result *res, char *const *values, enum lang lang,
    const char *sep);
/* The result in words, as an English message id: each view translates it
 * in its own language. A "no" reads as the facility's decision to record
 * (docs/contract.md §5). */
const char *rules_reportable_text(enum reportable r);
/* Who reports, as an English message id (translated by each view). */
const char *rules_report_by_text(enum report_by b);
/* The label of rules_result_why's line, as an English message id
 * ("Still open" for undetermined, "Decision rests on" for no, "Because"
 * for yes by the network case); NULL when the grounds say it all. */
const char *rules_why_heading(const struct rules_result *res);
/* What a "no" rests on when no exemption made it (English message id). */
const char *rules_no_ground_text(void);

#endif
