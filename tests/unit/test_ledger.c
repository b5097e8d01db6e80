/*
 * test_ledger.c - the device ledger (src/core/ledger*.c) over a real
 * database and the shipped form: values read as typed and refused with
 * the allowed ones, every change a chained ledger event that verify
 * replays (and catches when a row is edited), the gaps by type, the
 * proposals that fill only what is unanswered, an answers file's
 * explicit keys winning, the wizard's confirmation with its note, and a
 * loss marking the incident's update_device_ledger in the same
 * transaction.
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
#include "ledger.h"
#include "model.h"
#include "store.h"

/* Reads "k=v" arguments (NULL-terminated) into a set; asserts they read. */
static struct answer_set
args(struct fx *f, const char *const *a)
{
	struct answer_set set = { NULL, 0 };

	for (; *a != NULL; a++)
		assert_int_equal(ledger_read_assignment(f->d, *a, f->now, &set,
		    f->err, sizeof f->err), ST_OK);
	return set;
}

static void
add(struct fx *f, const char *id, const char *const *a)
{
	struct answer_set set = args(f, a);

	assert_int_equal(ledger_add(f->st, id, &set, "鈴木", f->now, f->err,
	    sizeof f->err), ST_OK);
	answer_set_free(&set);
}

static const char *const STRONG_TABLET[] = { "type=tablet",
	"owner=facility", "holder=訪問看護 田中", "carrier=docomo",
	"line=090-1111-2222", "encryption=strong", "screen_lock=strong",
	"remote_wipe=available", "mdm=yes", "browser_saved_login=no",
	"network_access=yes", "approved_until=2027/3/31", NULL };

static int
read1(struct fx *f, const char *arg)
{
	struct answer_set set = { NULL, 0 };
	int rc = ledger_read_assignment(f->d, arg, f->now, &set, f->err,
	    sizeof f->err);

	answer_set_free(&set);
	return rc;
}

static void
test_values_read_as_typed(void **state)
{
	struct fx *f = *state;
	struct ledger_device dev;

	add(f, "TAB-03", STRONG_TABLET);
	assert_int_equal(ledger_load(f->st, "TAB-03", &dev, f->err,
	    sizeof f->err), ST_OK);
	assert_string_equal(dev.values[LK_APPROVED_UNTIL], "2027-03-31");
	assert_string_equal(dev.values[LK_TYPE], "tablet");
	assert_int_equal(dev.state, LEDGER_ACTIVE);
	ledger_device_clear(&dev);
	/* full-width digits and dashes fold */
	assert_int_equal(read1(f, "approved_until=２０２７－０３－３１"), ST_OK);
	assert_int_equal(read1(f, "type=phone"), ST_DATAERR);
	assert_non_null(strstr(f->err, "smartphone"));
	assert_int_equal(read1(f, "colour=red"), ST_DATAERR);
	assert_non_null(strstr(f->err, "screen_lock"));
	assert_int_equal(read1(f, "approved_until=2027-02-30"), ST_DATAERR);
	assert_int_equal(read1(f, "holder=a\x1b[2Jb"), ST_DATAERR);
	assert_int_equal(read1(f, "screen_lock"), ST_USAGE);
	assert_int_equal(ledger_check_id("TAB 03", f->err, sizeof f->err),
	    ST_DATAERR);
	assert_int_equal(ledger_check_id("-x", f->err, sizeof f->err),
	    ST_DATAERR);
	assert_int_equal(ledger_check_id("usb.2026_01", f->err, sizeof f->err),
	    ST_OK);
}

struct count {
	int n;
	char kinds[256];
};

static void
on_event(void *ud, const struct store_ledger_event *ev)
{
	struct count *c = ud;

	c->n++;
	strncat(c->kinds, ev->kind, sizeof c->kinds - strlen(c->kinds) - 2);
	strcat(c->kinds, " ");
}

static void
test_changes_are_chained_events(void **state)
{
	static const char *const lock[] = { "screen_lock=weak", "note=", NULL };
	struct fx *f = *state;
	struct answer_set set = args(f, lock);
	struct chain_report v;
	struct count c;

	add(f, "TAB-03", STRONG_TABLET);
	memset(&c, 0, sizeof c);
	assert_int_equal(ledger_events(f->st, "TAB-03", on_event, &c, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(c.n, 13);	/* added + 12 values */
	/* an unchanged or absent value is no event */
	assert_int_equal(ledger_set(f->st, "TAB-03", &set, "鈴木", f->now,
	    f->err, sizeof f->err), ST_OK);
	answer_set_free(&set);
	assert_int_equal(ledger_add(f->st, "TAB-03", &set, "鈴木", f->now,
	    f->err, sizeof f->err), ST_DATAERR);
	assert_int_equal(ledger_set(f->st, "NONE", &set, "鈴木", f->now,
	    f->err, sizeof f->err), ST_NOINPUT);
	assert_int_equal(ledger_retire(f->st, "TAB-03", "鈴木", f->now, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(ledger_retire(f->st, "TAB-03", "鈴木", f->now, f->err,
	    sizeof f->err), ST_OK);
	memset(&c, 0, sizeof c);
	assert_int_equal(ledger_events(f->st, NULL, on_event, &c, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(c.n, 15);
	assert_non_null(strstr(c.kinds, "value retired"));
	assert_int_equal(ledger_verify(f->st, &v, f->err, sizeof f->err),
	    ST_OK);
	assert_int_equal(v.broken, 0);
	assert_int_equal(v.events, 15);
	assert_int_equal(strlen(v.head), 64);
	/* a value edited beside an intact timeline */
	raw(f, "UPDATE device_value SET value = 'none' WHERE key = 'mdm'");
	assert_int_equal(ledger_verify(f->st, &v, f->err, sizeof f->err),
	    ST_OK);
	assert_int_equal(v.broken, -1);
	assert_non_null(strstr(v.what, "mdm"));
	/* an event rewritten (the trigger dropped first, as an attacker
	 * with the file would) */
	raw(f, "UPDATE device_value SET value = 'yes' WHERE key = 'mdm';"
	    "DROP TRIGGER ledger_event_no_update;"
	    "UPDATE ledger_event SET new = 'none' WHERE id = 3");
	assert_int_equal(ledger_verify(f->st, &v, f->err, sizeof f->err),
	    ST_OK);
	assert_int_equal(v.broken, 3);
}

static unsigned
gaps_of(struct fx *f, const char *id)
{
	struct ledger_device dev;
	unsigned g;

	assert_int_equal(ledger_load(f->st, id, &dev, f->err, sizeof f->err),
	    ST_OK);
	g = ledger_gaps(&dev, jtime_day(f->now));
	ledger_device_clear(&dev);
	return g;
}

static void
test_gaps_by_type(void **state)
{
	static const char *const phone[] = { "type=smartphone",
	    "screen_lock=none", "remote_wipe=unavailable", "mdm=no",
	    "encryption=strong", "browser_saved_login=yes",
	    "approved_until=2026-10-05", NULL };
	static const char *const usb[] = { "type=usb_memory",
	    "encryption=none", NULL };
	struct fx *f = *state;
	unsigned g;

	add(f, "TAB-03", STRONG_TABLET);
	assert_int_equal(gaps_of(f, "TAB-03"), 0);
	add(f, "SP-1", phone);
	g = gaps_of(f, "SP-1");
	assert_true(g & (1u << GAP_SCREEN_LOCK_NONE));
	assert_true(g & (1u << GAP_REMOTE_WIPE_NONE));
	assert_true(g & (1u << GAP_MDM_NONE));
	assert_true(g & (1u << GAP_SAVED_LOGIN));
	assert_true(g & (1u << GAP_APPROVAL_EXPIRED));
	assert_false(g & (1u << GAP_ENCRYPTION_NONE));
	assert_string_equal(ledger_gap_id(GAP_SCREEN_LOCK_NONE),
	    "no_screen_lock");
	/* a USB stick has no lock, wipe or MDM to miss */
	add(f, "USB-1", usb);
	assert_int_equal(gaps_of(f, "USB-1"), 1u << GAP_ENCRYPTION_NONE);
	/* nothing recorded: every check is still to confirm */
	add(f, "X", (const char *const[]){ NULL });
	g = gaps_of(f, "X");
	assert_true(g & (1u << GAP_SCREEN_LOCK_UNKNOWN));
	assert_true(g & (1u << GAP_MDM_UNKNOWN));
	assert_false(g & (1u << GAP_APPROVAL_EXPIRED));
	assert_int_equal(ledger_retire(f->st, "SP-1", "鈴木", f->now, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(gaps_of(f, "SP-1"), 0);
}

static const char *
value_of(const struct answer_set *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].key, key) == 0)
			return s->v[i].value != NULL ? s->v[i].value : "(blank)";
	return NULL;
}

/* An answers file's explicit keys win, blank ones too; the rest comes
 * from the ledger; a device the ledger lacks is the file's error. */
static void
test_answers_file_device(void **state)
{
	static const char file[] = "kind = device_loss\n"
	    "device = TAB-03\nscreen_lock = weak\nmdm =\n";
	static const char bad[] = "kind = device_loss\ndevice = NOPE\n";
	struct fx *f = *state;
	struct answer_set set;

	add(f, "TAB-03", STRONG_TABLET);
	assert_int_equal(model_answers_parse(f->d, file, strlen(file), "a.txt",
	    f->now, &set, f->err, sizeof f->err), ST_OK);
	assert_int_equal(ledger_fill_answers(f->st, f->d, &set, "a.txt",
	    f->err, sizeof f->err), ST_OK);
	assert_string_equal(value_of(&set, "screen_lock"), "weak");
	assert_string_equal(value_of(&set, "mdm"), "(blank)");
	assert_string_equal(value_of(&set, "encryption"), "strong");
	assert_string_equal(value_of(&set, "device_type"), "tablet");
	assert_string_equal(value_of(&set, "carrier"), "docomo 090-1111-2222");
	assert_null(value_of(&set, "holder"));
	answer_set_free(&set);
	assert_int_equal(model_answers_parse(f->d, bad, strlen(bad), "b.txt",
	    f->now, &set, f->err, sizeof f->err), ST_OK);
	assert_int_equal(ledger_fill_answers(f->st, f->d, &set, "b.txt",
	    f->err, sizeof f->err), ST_DATAERR);
	assert_non_null(strstr(f->err, "b.txt:2: "));
	answer_set_free(&set);
}

/* Nothing proposed is stored until confirmed; confirming stores only
 * what is still unanswered, and names the entry in a note. */
static void
test_confirm(void **state)
{
	struct fx *f = *state;
	struct incident *inc = create(f, "kind = device_loss\n"
	    "device = TAB-03\nscreen_lock = weak\n");
	struct answer_set p = { NULL, 0 };
	struct ledger_device dev;

	add(f, "TAB-03", STRONG_TABLET);
	assert_int_equal(ledger_load(f->st, "TAB-03", &dev, f->err,
	    sizeof f->err), ST_OK);
	ledger_proposals(f->d, &dev, inc->values, &p);
	ledger_device_clear(&dev);
	assert_int_equal(p.n, 8);
	assert_null(value_of(&p, "screen_lock"));
	answer_set_free(&p);
	assert_null(incident_value(f->d, inc, "encryption"));
	/* a ledger's "done" is no wipe of this loss: never proposed */
	add(f, "SP-2", (const char *const[]){ "remote_wipe=done", "mdm=no",
	    NULL });
	assert_int_equal(ledger_load(f->st, "SP-2", &dev, f->err,
	    sizeof f->err), ST_OK);
	ledger_proposals(f->d, &dev, NULL, &p);
	ledger_device_clear(&dev);
	assert_int_equal(p.n, 1);
	assert_string_equal(value_of(&p, "mdm"), "no");
	answer_set_free(&p);
	assert_int_equal(ledger_confirm(f->st, f->d, inc, "OTHER", "鈴木",
	    f->now, f->err, sizeof f->err), ST_DATAERR);
	assert_int_equal(ledger_confirm(f->st, f->d, inc, "TAB-03", "鈴木",
	    f->now, f->err, sizeof f->err), ST_OK);
	assert_string_equal(incident_value(f->d, inc, "encryption"), "strong");
	assert_string_equal(incident_value(f->d, inc, "mdm"), "yes");
	assert_string_equal(incident_value(f->d, inc, "screen_lock"), "weak");
	incident_free(inc);
}

static const struct action_record *
record(const struct incident *inc, const char *action)
{
	size_t i;

	for (i = 0; i < inc->nrecords; i++)
		if (strcmp(inc->records[i].action, action) == 0)
			return &inc->records[i];
	return NULL;
}

static void
test_lost(void **state)
{
	struct fx *f = *state;
	struct incident *inc = create(f, "kind = device_loss\n"
	    "device_type = tablet\n"), *paper, *now;
	struct ledger_device dev, then;
	char at[26];

	add(f, "TAB-03", STRONG_TABLET);
	paper = create(f, "kind = paper_loss\n");
	/* not an incident the ledger is updated for: nothing changes */
	assert_int_equal(ledger_lost(f->st, f->d, "TAB-03", paper, "鈴木",
	    NULL, NULL, f->now, f->err, sizeof f->err), ST_DATAERR);
	assert_int_equal(ledger_load(f->st, "TAB-03", &dev, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(dev.state, LEDGER_ACTIVE);
	ledger_device_clear(&dev);
	assert_int_equal(ledger_lost(f->st, f->d, "TAB-03", inc, "鈴木",
	    NULL, NULL, f->now + 60, f->err, sizeof f->err), ST_OK);
	assert_int_equal(ledger_load(f->st, "TAB-03", &dev, f->err,
	    sizeof f->err), ST_OK);
	assert_int_equal(dev.state, LEDGER_LOST);
	assert_string_equal(dev.incident, inc->ref);
	ledger_device_clear(&dev);
	/* inc shows what is stored, as after model_set_action */
	assert_non_null(record(inc, "update_device_ledger"));
	assert_int_equal(model_load(f->st, f->d, inc->ref, &now, f->err,
	    sizeof f->err), ST_OK);
	assert_non_null(record(now, "update_device_ledger"));
	assert_int_equal(record(now, "update_device_ledger")->status,
	    ACTION_DONE);
	assert_string_equal(record(now, "update_device_ledger")->by, "鈴木");
	incident_free(now);
	/* when it was lost, and what the ledger said then */
	assert_int_equal(ledger_lost_at(f->st, "TAB-03", inc->ref, at, f->err,
	    sizeof f->err), ST_OK);
	assert_string_equal(at, "2026-10-06T09:01:00+09:00");
	assert_int_equal(ledger_device_at(f->st, "TAB-03",
	    "2026-10-06T09:00:00+09:00", &then, f->err, sizeof f->err), ST_OK);
	assert_int_equal(then.state, LEDGER_ACTIVE);
	assert_string_equal(then.values[LK_MDM], "yes");
	ledger_device_clear(&then);
	assert_int_equal(ledger_device_at(f->st, "TAB-03",
	    "2026-10-05T09:00:00+09:00", &then, f->err, sizeof f->err),
	    ST_NOINPUT);
	assert_int_equal(ledger_lost(f->st, f->d, "NOPE", inc, "鈴木",
	    NULL, NULL, f->now, f->err, sizeof f->err), ST_NOINPUT);
	incident_free(inc);
	incident_free(paper);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_values_read_as_typed,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_changes_are_chained_events, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gaps_by_type, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_answers_file_device, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_confirm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lost, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
