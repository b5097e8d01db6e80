/*
 * drill_score.c - the score of a drill run (docs/contract.md §8), its
 * weights those of contract.h: SCORE_ANSWERS (50) × the share of scored
 * keys answered as in the truth (equal canonical strings; a multi-choice
 * canonical value is in form order, so equal sets compare equal) +
 * SCORE_ACTIONS (30) × the share of expected actions done (marked done,
 * or done by an answer such as remote_wipe = done, as the checklist shows
 * them) + SCORE_ASSESSMENT (20) when reportable and grounds equal the
 * truth's − the late penalty, rounded half up and clamped to 0–100. The
 * late penalty applies only with a clock (elapsed ≥ 0) past the limit:
 * min(SCORE_LATE_MAX, SCORE_LATE_MAX × (elapsed − limit) / limit), so
 * twice the limit costs the full 10 points and a few seconds over costs a
 * fraction of one.
 */
#include "drill.h"

#include <math.h>
#include <string.h>

#include "contract.h"

static int
same_value(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static double
score_answers(const struct drill *d, const struct form *form,
    char *const *values, struct strv *wrong)
{
	size_t i, n = 0, right = 0;

	for (i = 0; i < d->nfields; i++) {
		if (!d->scored[i])
			continue;
		n++;
		if (same_value(values[i], d->truth[i]))
			right++;
		else
			strv_push(wrong, form->fields[i].key);
	}
	return n > 0 ? SCORE_ANSWERS * (double)right / (double)n :
	    SCORE_ANSWERS;
}

static int
in_list(const struct strv *sv, const char *s)
{
	size_t i;

	for (i = 0; sv != NULL && i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return 1;
	return 0;
}

/* An action done by an answer (remote_wipe = done) counts as done: the
 * checklist the trainee sees lists it so. */
static double
score_actions(const struct drill *d, const struct rules *rules,
    const struct rules_result *mine, const struct strv *done,
    struct strv *missed)
{
	size_t i, right = 0;
	int a;

	for (i = 0; i < d->nexpected; i++) {
		a = rules_action_index(rules, d->expected[i]);
		if (in_list(done, d->expected[i]) ||
		    (a >= 0 && mine->done_by_answer[a]))
			right++;
		else
			strv_push(missed, d->expected[i]);
	}
	return d->nexpected > 0 ?
	    SCORE_ACTIONS * (double)right / (double)d->nexpected :
	    SCORE_ACTIONS;
}

static double
late_penalty(const struct drill *d, long elapsed)
{
	double over;

	/* A drill built by hand may have no limit: nothing to divide by. */
	if (elapsed < 0 || d->time_limit <= 0 || elapsed <= d->time_limit)
		return 0.0;
	over = (double)(elapsed - d->time_limit) / (double)d->time_limit;
	return over >= 1.0 ? SCORE_LATE_MAX : SCORE_LATE_MAX * over;
}

void
drill_score(const struct drill *d, const struct form *form,
    const struct rules *rules, const struct holidays *h,
    char *const *values, const struct strv *done, long elapsed,
    struct drill_score *out)
{
	struct rules_result truth, mine;
	double total;

	memset(out, 0, sizeof *out);
	rules_eval(rules, form, h, d->truth, &truth);
	rules_eval(rules, form, h, values, &mine);
	out->answers_points = score_answers(d, form, values, &out->wrong);
	out->actions_points = score_actions(d, rules, &mine, done,
	    &out->missed);
	out->assessment_points = truth.reportable == mine.reportable &&
	    truth.grounds == mine.grounds ? SCORE_ASSESSMENT : 0;
	out->late_penalty = late_penalty(d, elapsed);
	out->elapsed = elapsed;
	rules_result_free(&truth);
	rules_result_free(&mine);
	total = floor(out->answers_points + out->actions_points +
	    out->assessment_points - out->late_penalty + 0.5);
	out->score = total < 0 ? 0 : total > 100 ? 100 : (int)total;
}

void
drill_score_free(struct drill_score *s)
{
	strv_free(&s->missed);
	strv_free(&s->wrong);
}
