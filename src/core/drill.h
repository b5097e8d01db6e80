/*
 * drill.h - training drills (data/drills/NAME.drill): a scenario's
 * briefing, clues revealed on request, its true answers, the actions a
 * trainee is expected to take, a time limit and a debrief; and the score of
 * docs/contract.md §8. Loading validates every key, value and action id against
 * the form and the rules, and checks that each expected action really applies
 * to the scenario's true answers.
 */
#ifndef ANSHIN_DRILL_H
#define ANSHIN_DRILL_H

#include <stddef.h>

#include "deadline.h"
#include "form.h"
#include "rules.h"
#include "util.h"

struct drill_clue {
	struct tr ask;			/* what the trainee asks ("端末の種類は？") */
	struct tr text;			/* what they are told */
};

struct drill {
	char *name;			/* file stem: "lost-smartphone" */
	char *path;			/* for messages */
	struct tr title;
	struct tr briefing;
	struct tr debrief;		/* why it matters; cites guide or law */
	char *source;			/* e.g. "施設ガイド §3-2; APPI Art. 26" */
	struct tr source_tr;		/* source.ja / source.en, optional */
	int time_limit;			/* seconds */
	char **truth;			/* per form field: canonical value or NULL */
	size_t nfields;
	unsigned char *scored;		/* per form field: counts in the score */
	char **expected;		/* action ids */
	size_t nexpected;
	struct drill_clue *clues;
	size_t nclues;
};

struct drill_set {
	struct drill *v;
	size_t n;
};

/* Parses one drill of len bytes. `name` is the scenario name (file stem), `path` the
 * name used in "PATH:LINE: message" errors (ST_CONFIG). */
int drill_parse_string(const char *text, size_t len, const char *name,
    const char *path, const struct form *form, const struct rules *rules,
    const struct holidays *h, struct drill *out, char *err, size_t errlen);
void drill_free(struct drill *d);

/* 1 and *t when the truth answers time key `key` (not "unknown"). */
int drill_truth_time(const struct drill *d, const struct form *form,
    const char *key, jtime_t *t);

/* Loads every DIR/NAME.drill, sorted by name. A missing directory is an empty
 * set, not an error. */
int drill_load_dir(const char *dir, const struct form *form,
    const struct rules *rules, const struct holidays *h,
    struct drill_set *out, char *err, size_t errlen);
void drill_set_free(struct drill_set *s);
const struct drill *drill_find(const struct drill_set *s, const char *name);

/* The result of docs/contract.md §8. */
struct drill_score {
	int score;			/* 0-100 */
	double answers_points;		/* of SCORE_ANSWERS (contract.h) */
	double actions_points;		/* of SCORE_ACTIONS */
	int assessment_points;		/* 0 or SCORE_ASSESSMENT */
	double late_penalty;		/* 0 to SCORE_LATE_MAX */
	long elapsed;			/* seconds taken, -1 without a clock */
	struct strv missed;		/* expected actions not marked done */
	struct strv wrong;		/* scored keys not answered as the truth */
};

/* Scores a trainee's answers (per form field) and the actions they marked
 * done (ids). elapsed < 0: no clock (scripted runs), no late penalty. */
void drill_score(const struct drill *d, const struct form *form,
    const struct rules *rules, const struct holidays *h,
    char *const *values, const struct strv *done, long elapsed,
    struct drill_score *out);
void drill_score_free(struct drill_score *s);

#endif
