/*
 * rules.h - the required actions and the legal assessment as data
 * (data/actions.rules): named conditions ([define]) and actions ([action]),
 * evaluated in one pass over an incident's answers. The assessment order of
 * SPEC §5 is here; what each ground and exemption means is in the file.
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
/* SPEC §5 order. */
enum ground { GROUND_SENSITIVE, GROUND_FINANCIAL, GROUND_UNAUTHORIZED_PURPOSE,
	GROUND_OVER_1000, GROUND_MY_NUMBER, GROUND_COUNT };

/* What a due date counts from. */
enum due_base { DUE_NONE, DUE_DISCOVERED, DUE_PRELIMINARY, DUE_FINAL };

struct rule_define {
	char *name;
	struct expr *when;
	struct tr label;		/* how a person reads it (grounds) */
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
	char *source;
	int confirm;			/* our reading of the law: please confirm */
	int line;
};

struct rules {
	char *name;
	struct rule_define *defines;
	size_t ndefines;
	struct rule_action *actions;
	size_t nactions;
	int ground_define[GROUND_COUNT];
	int exemption_not_leaked, exemption_encryption;
	int incomplete_define, may_exceed_define;
	int reportable_key;		/* key id of the pseudo-key "reportable" */
};

/* The result of one evaluation. */
struct rules_result {
	enum reportable reportable;
	unsigned grounds;		/* 1u << enum ground */
	enum exemption exemption;
	long preliminary_due;		/* days since epoch, -1 when empty */
	long final_due;
	int due_flags;			/* DEADLINE_* */
	long discovered_day;		/* -1 when discovered_at is unanswered */
	unsigned char *applies;		/* per action */
	unsigned char *done_by_answer;	/* per action */
	long *due;			/* per action, -1 when none */
};

/* Parses rules (len bytes) against a form; the defines the assessment needs
 * (ground_sensitive ... ground_my_number, exemption_not_leaked,
 * exemption_encryption, assessment_incomplete, count_may_exceed_1000) must
 * be present. Errors "NAME:LINE: message", ST_CONFIG. */
int rules_parse_string(const char *text, size_t len, const char *name,
    const struct form *form, struct rules **out, char *err, size_t errlen);
int rules_load(const char *path, const struct form *form, struct rules **out,
    char *err, size_t errlen);
void rules_free(struct rules *r);

const struct rule_action *rules_action_find(const struct rules *r,
    const char *id);
int rules_action_index(const struct rules *r, const char *id);

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
/* The define that holds a ground's label. */
const struct rule_define *rules_ground_define(const struct rules *r, enum ground g);
/* The grounds that hold, by their labels in lang (the id where a define
 * has no label), joined with sep; NULL when none holds. */
char *rules_grounds_text(const struct rules *r, unsigned grounds,
    enum lang lang, const char *sep);
/* An exemption by its define's label in lang; NULL for EXEMPTION_NONE. */
const char *rules_exemption_label(const struct rules *r, enum exemption e,
    enum lang lang);
/* The result in words, as an English message id: each view translates it
 * in its own language. */
const char *rules_reportable_text(enum reportable r);

#endif
