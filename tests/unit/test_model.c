/*
 * test_model.c - the incident and its changes (src/core/model*.c) over a
 * real database and the shipped data: answers set with their events and
 * the stored old value, a change made elsewhere never overwritten, a
 * closed incident refusing changes until reopened, done twice being no
 * change, the timeline verifying and failing when a row is edited, and a
 * drill run scored. The end-to-end tests drive the same through the
 * binary; these pin the model's own contract.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_fixture.h"
#include "model.h"
#include "store.h"

struct timeline {
	int n;
	char last_kind[32];
	char last_old[128];
	char last_new[128];
};

/* One change: key = value (NULL clears). */
static int
set1(struct fx *f, struct incident *inc, const char *key, const char *value,
    unsigned flags)
{
	struct answer_in in = { (char *)key, (char *)value, 0 };
	struct answer_set set = { &in, 1 };

	return model_set_answers(f->st, f->d, inc, &set, "tester", f->now,
	    flags, f->err, sizeof f->err);
}

static void
on_event(void *ud, const struct store_event *ev)
{
	struct timeline *t = ud;

	t->n++;
	snprintf(t->last_kind, sizeof t->last_kind, "%s", ev->kind);
	snprintf(t->last_old, sizeof t->last_old, "%s",
	    ev->old != NULL ? ev->old : "-");
	snprintf(t->last_new, sizeof t->last_new, "%s",
	    ev->new_ != NULL ? ev->new_ : "-");
}

static struct timeline
timeline(struct fx *f, const struct incident *inc)
{
	struct timeline t;

	memset(&t, 0, sizeof t);
	assert_int_equal(store_events_get(f->st, inc->id, on_event, &t,
	    f->err, sizeof f->err), ST_OK);
	return t;
}

#define OTHER "kind = other\ndiscovered_at = 2026-10-05 10:00\n" \
	"summary = test\ndata_types = none\npersons_count = 0\n" \
	"persons_basis = exact\nunauthorized_purpose = no\n"

/* ---- answers ---------------------------------------------------------- */

static void
test_set_answers_events(void **state)
{
	struct fx *f = *state;
	struct incident *inc = create(f, OTHER);
	struct timeline t;
	int before = timeline(f, inc).n;

	assert_int_equal(set1(f, inc, "place", "受付", 0), ST_OK);
	assert_string_equal(incident_value(f->d, inc, "place"), "受付");
	t = timeline(f, inc);
	assert_int_equal(t.n, before + 1);
	assert_string_equal(t.last_kind, "answer");
	assert_string_equal(t.last_old, "-");
	/* the same value again is no change: no event */
	assert_int_equal(set1(f, inc, "place", "受付", 0), ST_OK);
	assert_int_equal(timeline(f, inc).n, before + 1);
	/* clearing is an event with no new value */
	assert_int_equal(set1(f, inc, "place", NULL, 0), ST_OK);
	t = timeline(f, inc);
	assert_string_equal(t.last_old, "受付");
	assert_string_equal(t.last_new, "-");
	assert_null(incident_value(f->d, inc, "place"));
	incident_free(inc);
}

/* A screen's copy of the incident went stale: its change is refused, the
 * copy now shows the stored value, and the event of the change made
 * elsewhere stays the last. */
static void
test_stale_change_not_overwritten(void **state)
{
	struct fx *f = *state;
	struct incident *screen = create(f, OTHER), *cli;
	struct timeline t;

	assert_int_equal(model_load(f->st, f->d, screen->ref, &cli, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(set1(f, cli, "place", "別の端末", 0), ST_OK);
	assert_int_equal(set1(f, screen, "place", "古い画面", MODEL_SEEN),
	    ST_STALE);
	assert_string_equal(incident_value(f->d, screen, "place"), "別の端末");
	t = timeline(f, screen);
	assert_string_equal(t.last_new, "別の端末");
	/* without MODEL_SEEN (a script) the change applies to the stored
	 * value, which its event names as the old one */
	assert_int_equal(set1(f, cli, "place", "確認後", 0), ST_OK);
	t = timeline(f, screen);
	assert_string_equal(t.last_old, "別の端末");
	incident_free(screen);
	incident_free(cli);
}

static void
test_times_in_range(void **state)
{
	struct fx *f = *state;
	struct incident *inc = create(f, OTHER);

	assert_int_equal(set1(f, inc, "occurred_at", "1999-12-31 23:59", 0),
	    ST_DATAERR);
	assert_non_null(strstr(f->err, "2000-01-01"));
	assert_int_equal(set1(f, inc, "occurred_at", "2026-10-07 10:00", 0),
	    ST_DATAERR);
	assert_int_equal(set1(f, inc, "occurred_at", "2026-10-05 09:00", 0),
	    ST_OK);
	incident_free(inc);
}

/* ---- actions, notes, closing ------------------------------------------ */

static void
test_done_twice_is_no_change(void **state)
{
	struct fx *f = *state;
	struct incident *inc = create(f, OTHER);
	int n;

	assert_int_equal(model_set_action(f->st, f->d, inc, "assemble_team",
	    ACTION_DONE, "鈴木", "2026-10-05T11:00:00+09:00", "3人", f->now,
	    f->err, sizeof f->err), ST_OK);
	n = timeline(f, inc).n;
	assert_int_equal(model_set_action(f->st, f->d, inc, "assemble_team",
	    ACTION_DONE, "佐藤", NULL, NULL, f->now, f->err, sizeof f->err),
	    ST_OK);
	assert_int_equal(timeline(f, inc).n, n);
	assert_int_equal(model_set_action(f->st, f->d, inc, "no_such_action",
	    ACTION_DONE, "佐藤", NULL, NULL, f->now, f->err, sizeof f->err),
	    ST_DATAERR);
	incident_free(inc);
}

static void
test_closed_refuses_until_reopened(void **state)
{
	struct fx *f = *state;
	struct incident *inc = create(f, OTHER);
	struct strv reasons = { NULL, 0 };

	/* open actions of the first phases block the close */
	assert_int_equal(model_close(f->st, f->d, inc, "手順を見直す", "鈴木",
	    f->now, &reasons, f->err, sizeof f->err), ST_REFUSED);
	assert_true(reasons.n > 0);
	strv_free(&reasons);
	assert_int_equal(model_set_action(f->st, f->d, inc, "assemble_team",
	    ACTION_DONE, "鈴木", NULL, NULL, f->now, f->err, sizeof f->err),
	    ST_OK);
	assert_int_equal(model_set_action(f->st, f->d, inc,
	    "assess_reportability", ACTION_DONE, "鈴木", NULL, NULL, f->now,
	    f->err, sizeof f->err), ST_OK);
	assert_int_equal(model_close(f->st, f->d, inc, "手順を見直す", "鈴木",
	    f->now, &reasons, f->err, sizeof f->err), ST_OK);
	assert_int_equal(reasons.n, 0);
	assert_true(inc->closed);
	assert_int_equal(set1(f, inc, "place", "x", 0), ST_REFUSED);
	assert_int_equal(model_add_note(f->st, f->d, inc, "メモ", "鈴木",
	    f->now, f->err, sizeof f->err), ST_REFUSED);
	assert_int_equal(model_reopen(f->st, f->d, inc, "鈴木", f->now, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(set1(f, inc, "place", "x", 0), ST_OK);
	incident_free(inc);
}

static void
test_names_and_notes_checked(void **state)
{
	struct fx *f = *state;
	struct incident *inc = create(f, OTHER);

	assert_int_equal(model_add_note(f->st, f->d, inc, " \n\t", "鈴木",
	    f->now, f->err, sizeof f->err), ST_DATAERR);
	assert_int_equal(model_add_note(f->st, f->d, inc, "a\x1b[2Jb", "鈴木",
	    f->now, f->err, sizeof f->err), ST_DATAERR);
	assert_non_null(strstr(f->err, "U+001B"));
	assert_int_equal(model_add_note(f->st, f->d, inc, "ok", "two\nlines",
	    f->now, f->err, sizeof f->err), ST_DATAERR);
	assert_int_equal(model_add_note(f->st, f->d, inc, "ok", "",
	    f->now, f->err, sizeof f->err), ST_DATAERR);
	incident_free(inc);
}

/* ---- tamper evidence -------------------------------------------------- */

static void
test_verify(void **state)
{
	struct fx *f = *state;
	struct incident *inc = create(f, OTHER);
	struct chain_report v, at2;

	assert_int_equal(model_set_action(f->st, f->d, inc, "assemble_team",
	    ACTION_DONE, "鈴木", "2026-10-05T11:00:00+09:00", NULL, f->now,
	    f->err, sizeof f->err), ST_OK);
	assert_int_equal(model_verify(f->st, inc, 0, &v, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(v.broken, 0);
	assert_int_equal(v.events, timeline(f, inc).n);
	assert_int_equal(strlen(v.head), 64);
	assert_int_equal(model_verify(f->st, inc, 2, &at2, f->err,
	    sizeof f->err), ST_OK);
	assert_string_not_equal(at2.head, v.head);
	assert_int_equal(model_verify(f->st, inc, v.events + 1, &at2, f->err,
	    sizeof f->err), ST_DATAERR);
	/* a state row edited beside an intact timeline */
	raw(f, "UPDATE action_state SET at = '2026-10-05T09:00:00+09:00'");
	assert_int_equal(model_verify(f->st, inc, 0, &v, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(v.broken, -1);
	assert_non_null(strstr(v.what, "assemble_team"));
	incident_free(inc);
}

/* ---- drills ----------------------------------------------------------- */

/* The scenario's truth with every expected action done scores 100. */
static void
test_drill_truth_scores_100(void **state)
{
	struct fx *f = *state;
	const struct drill *dr = drill_find(&f->d->drills, "lost-smartphone");
	struct answer_set set = { NULL, 0 };
	struct drill_score sc;
	struct incident *inc;
	char by[64];
	size_t i;

	assert_non_null(dr);
	for (i = 0; i < dr->nfields; i++) {
		if (dr->truth[i] == NULL)
			continue;
		set.v = xreallocarray(set.v, set.n + 1, sizeof *set.v);
		set.v[set.n].key = xstrdup(f->d->form->fields[i].key);
		set.v[set.n].value = xstrdup(dr->truth[i]);
		set.v[set.n++].line = 0;
	}
	/* created and submitted at the same moment: no time penalty */
	assert_int_equal(model_create(f->st, f->d, &set, dr->name, "訓練生",
	    f->now, &inc, f->err, sizeof f->err), ST_OK);
	answer_set_free(&set);
	assert_int_equal(inc->ref[0], 'D');
	for (i = 0; i < dr->nexpected; i++)
		assert_int_equal(model_set_action(f->st, f->d, inc,
		    dr->expected[i], ACTION_DONE, "訓練生", NULL, NULL, f->now,
		    f->err, sizeof f->err), ST_OK);
	assert_int_equal(model_drill_submit(f->st, f->d, inc, "訓練生",
	    f->now, f->err, sizeof f->err), ST_OK);
	assert_int_equal(model_drill_score(f->st, f->d, inc, &sc, by,
	    sizeof by, f->err, sizeof f->err), ST_OK);
	assert_int_equal(sc.score, 100);
	assert_int_equal(sc.missed.n, 0);
	assert_string_equal(by, "訓練生");
	drill_score_free(&sc);
	incident_free(inc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_set_answers_events, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_stale_change_not_overwritten, setup, teardown),
		cmocka_unit_test_setup_teardown(test_times_in_range, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_done_twice_is_no_change,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_closed_refuses_until_reopened, setup, teardown),
		cmocka_unit_test_setup_teardown(test_names_and_notes_checked,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_verify, setup, teardown),
		cmocka_unit_test_setup_teardown(test_drill_truth_scores_100,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
