/*
 * test_notice.c - the notices to the individuals in the core: the CSV
 * reader (UTF-8 and CP932, quotes, the header's words, every error path
 * with its line and never the value), the order of ids, "unsent", the
 * progress and when it completes notify_individuals, and the model's
 * changes over a real database: import and re-import keeping marks,
 * marks and enquiries as events that verify replays, a manual `done`
 * refused, a closed incident refusing them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "charset.h"
#include "model.h"
#include "notice.h"
#include "store.h"

static char err[1024];

static int
parse(const char *csv, struct notice_list *l, enum charset *which)
{
	enum charset w;

	return notice_csv_parse(csv, strlen(csv), "r.csv", l,
	    which != NULL ? which : &w, err, sizeof err);
}

/* ---- the CSV reader ------------------------------------------------------ */

static void
test_csv_basic(void **state)
{
	struct notice_list l;
	enum charset w;

	(void)state;
	assert_int_equal(parse("\xEF\xBB\xBFname,postal_code,address,phone\r\n"
	    "山田 太郎,〒６００－８００１,京都市下京区1,０７５-１２３-４５６７\r\n"
	    "\r\n"
	    "\"佐藤, \"\"花子\"\"\",6048000,\"京都市\r\n中京区\",\r\n", &l, &w),
	    ST_OK);
	assert_int_equal(w, CHARSET_UTF8);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].id, "R001");
	assert_string_equal(l.v[0].postal_code, "600-8001");
	assert_string_equal(l.v[0].phone, "075-123-4567");
	assert_int_equal(l.v[0].line, 2);
	assert_string_equal(l.v[1].id, "R002");
	assert_string_equal(l.v[1].name, "佐藤, \"花子\"");
	assert_string_equal(l.v[1].postal_code, "604-8000");
	assert_string_equal(l.v[1].address, "京都市\n中京区");
	assert_null(l.v[1].phone);
	assert_int_equal(l.v[1].line, 4);
	notice_list_free(&l);
}

/* What a Japanese spreadsheet saves as "CSV": CP932 with Japanese column
 * names, the NEC circled digits and the wave dash of Windows. */
static void
test_csv_cp932(void **state)
{
	/* 氏名,住所 / 山田,京都① / 鈴木,～ in CP932 */
	static const char csv[] = "\x8E\x81\x96\xBC,\x8F\x5A\x8F\x8A\r\n"
	    "\x8E\x52\x93\x63,\x8B\x9E\x93\x73\x87\x40\r\n"
	    "\x97\xE9\x96\xD8,\x81\x60\r\n";
	struct notice_list l;
	enum charset w;

	(void)state;
	assert_int_equal(parse(csv, &l, &w), ST_OK);
	assert_int_equal(w, CHARSET_CP932);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].name, "山田");
	assert_string_equal(l.v[0].address, "京都①");
	assert_string_equal(l.v[1].address, "～");
	notice_list_free(&l);
}

static void
test_csv_ids(void **state)
{
	struct notice_list l;

	(void)state;
	assert_int_equal(parse("ID,氏名,メールアドレス\nＡ１,a,a@example.jp\n"
	    "b-2,b,b@example.jp\n", &l, NULL), ST_OK);
	assert_string_equal(l.v[0].id, "A1");
	assert_string_equal(l.v[1].email, "b@example.jp");
	notice_list_free(&l);
	/* tab-separated, as a spreadsheet's text export */
	assert_int_equal(parse("name\tphone\nc\t075-000-0000\n", &l, NULL),
	    ST_OK);
	assert_string_equal(l.v[0].phone, "075-000-0000");
	notice_list_free(&l);
}

/* Each error names the file, the row's line and the column, and never
 * the value (a name or an address). */
static void
expect_error(const char *csv, const char *msg, const char *secret)
{
	struct notice_list l;

	assert_int_equal(parse(csv, &l, NULL), ST_DATAERR);
	if (strstr(err, msg) == NULL)
		fail_msg("'%s' lacks '%s'", err, msg);
	if (secret != NULL && strstr(err, secret) != NULL)
		fail_msg("'%s' repeats '%s'", err, secret);
	assert_int_equal(l.n, 0);
	assert_null(l.v);
}

static void
test_csv_errors(void **state)
{
	(void)state;
	expect_error("", "r.csv: empty file", NULL);
	expect_error("name,address\n", "r.csv:2: no rows", NULL);
	expect_error("address\nx\n", "r.csv:1: no column name", NULL);
	expect_error("name,note\nx,y\n", "r.csv:1: no column address, email",
	    NULL);
	expect_error("name,生年月日,address\n山田,1950,x\n",
	    "r.csv:1: column 2 of the first line", "生年月日");
	expect_error("name,name,address\n", "r.csv:1: column name is given "
	    "twice", NULL);
	expect_error("name,address\n山田,京都\n佐藤\n", "r.csv:3: 1 fields",
	    "佐藤");
	expect_error("name,address\n,京都市\n", "r.csv:2: name: empty",
	    "京都市");
	expect_error("name,postal_code,address\n山田,12-345,京都\n",
	    "r.csv:2: postal_code: expected 7 digits", "12-345");
	expect_error("name,email\n山田,yamada.example.jp\n",
	    "r.csv:2: email: expected", "yamada");
	expect_error("name,email\n山田,c\x1b[2Jd@ex.jp\n", "r.csv:2: email: ",
	    "[2J");
	expect_error("name,email\n山田,a\xE2\x80\xAE" "b@ex.jp\n",
	    "r.csv:2: email: ", NULL);
	expect_error("name,phone\n山田,電話なし\n", "r.csv:2: phone: expected",
	    "電話なし");
	expect_error("id,name,address\nR1,a,x\nR1,b,y\n",
	    "r.csv:3: id R1 is already on line 2", NULL);
	expect_error("id,name,address\nR 1,a,x\n", "r.csv:2: id: expected",
	    NULL);
	expect_error("id,name,address\n,a,x\n", "r.csv:2: id: empty", NULL);
	expect_error("name,address\n\"山田,京都\n", "r.csv:2: a quoted field "
	    "is never closed", "山田");
	expect_error("name,address\n山\x01田,x\n", "r.csv:2: name: ", NULL);
	expect_error("name,address\na,b\n\xff\xfe\xfd\n", "r.csv:3: neither "
	    "UTF-8 nor Shift_JIS", NULL);
	expect_error("\xEF\xBB\xBFname,address\na,\xff\n", "r.csv:2: not valid "
	    "UTF-8", NULL);
}

static void
test_csv_utf16(void **state)
{
	static const char csv[] = "\xFF\xFEn\0a\0m\0e\0";
	static const char nul[] = "name,address\na,b\nc\0,d\n";
	struct notice_list l;
	enum charset w;

	(void)state;
	assert_int_equal(notice_csv_parse(csv, sizeof csv - 1, "u.csv", &l, &w,
	    err, sizeof err), ST_DATAERR);
	assert_string_equal(err, "u.csv:1: NUL byte: UTF-16 text, not CSV "
	    "(save it as CSV, UTF-8 or Shift_JIS)");
	assert_int_equal(notice_csv_parse(nul, sizeof nul - 1, "n.csv", &l, &w,
	    err, sizeof err), ST_DATAERR);
	assert_string_equal(err, "n.csv:3: NUL byte");
}

/* ---- order, unsent, progress ---------------------------------------------- */

static void
test_id_order(void **state)
{
	(void)state;
	assert_true(notice_id_cmp("R2", "R10") < 0);
	assert_true(notice_id_cmp("R10", "R9") > 0);
	assert_true(notice_id_cmp("R001", "R1") < 0);
	assert_true(notice_id_cmp("R1", "R001") > 0);
	assert_true(notice_id_cmp("A", "A1") < 0);
	assert_int_equal(notice_id_cmp("R7", "R7"), 0);
	assert_true(notice_id_cmp("99999999999999999999", "100000000000000"
	    "000000") < 0);
}

static void
add_mark(struct notice_recipient *r, enum notice_mark m, const char *at)
{
	r->marks = xreallocarray(r->marks, r->nmarks + 1, sizeof *r->marks);
	memset(&r->marks[r->nmarks], 0, sizeof *r->marks);
	r->marks[r->nmarks].mark = m;
	r->marks[r->nmarks].via = -1;
	r->marks[r->nmarks++].at = xstrdup(at);
}

static void
test_progress(void **state)
{
	struct notice_recipient v[4];
	struct notice_list l = { v, 4 };
	struct notice_progress p;
	char *text;
	size_t i;

	(void)state;
	memset(v, 0, sizeof v);
	add_mark(&v[0], NOTICE_SENT, "2026-10-05T10:00:00+09:00");
	add_mark(&v[1], NOTICE_SENT, "2026-10-05T10:00:00+09:00");
	add_mark(&v[1], NOTICE_RETURNED, "2026-10-08T10:00:00+09:00");
	add_mark(&v[2], NOTICE_REACHED, "2026-10-07T10:00:00+09:00");
	assert_false(notice_unsent(&v[0]));
	assert_true(notice_unsent(&v[1]));
	assert_true(notice_unsent(&v[3]));
	notice_progress_of(&l, NULL, &p);
	assert_int_equal(p.total, 4);
	assert_int_equal(notice_told(&p), 2);
	assert_int_equal(p.by_mark[NOTICE_RETURNED], 1);
	assert_int_equal(p.unmarked, 1);
	assert_int_equal(p.first[NOTICE_SENT], p.last[NOTICE_SENT]);
	assert_false(notice_complete(&p, 1));
	text = notice_progress_text(&p, LANG_EN);
	assert_string_equal(text, "notified 2/4 (1 reached), returned 1, not "
	    "yet sent 1");
	free(text);
	/* the rest unreachable: done only with publication = published */
	add_mark(&v[1], NOTICE_UNREACHABLE, "2026-10-09T10:00:00+09:00");
	add_mark(&v[3], NOTICE_UNREACHABLE, "2026-10-09T10:00:00+09:00");
	notice_progress_of(&l, NULL, &p);
	assert_false(notice_complete(&p, 0));
	assert_true(notice_complete(&p, 1));
	add_mark(&v[1], NOTICE_SENT, "2026-10-10T10:00:00+09:00");
	add_mark(&v[3], NOTICE_REACHED, "2026-10-10T10:00:00+09:00");
	notice_progress_of(&l, NULL, &p);
	assert_true(notice_complete(&p, 0));
	l.n = 0;
	notice_progress_of(&l, NULL, &p);
	assert_false(notice_complete(&p, 1));
	for (i = 0; i < 4; i++)
		notice_recipient_clear(&v[i]);
}

/* ---- the model over a database ------------------------------------------- */

struct fx {
	char dir[64];
	char *db;
	struct store *st;
	struct model_data *d;
	struct incident *inc;
	jtime_t now;
};

static int
rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	struct answer_set a;
	static const char answers[] = "kind = paper_loss\n"
	    "discovered_at = 2026-10-05 09:00\nsummary = x\n"
	    "data_types = medical\npersons_count = 3\n"
	    "persons_basis = exact\nexposure = outside\n";

	snprintf(f->dir, sizeof f->dir, "/tmp/anshin-notice-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = xasprintf("%s/incidents.db", f->dir);
	assert_int_equal(store_open(f->db, &f->st, err, sizeof err), ST_OK);
	assert_int_equal(model_data_load(".", &f->d, err, sizeof err), ST_OK);
	f->d->lang = LANG_EN;
	assert_int_equal(jtime_parse("2026-10-06 09:00", &f->now, NULL, 0), 0);
	assert_int_equal(model_answers_parse(f->d, answers, strlen(answers),
	    "a", f->now, &a, err, sizeof err), ST_OK);
	assert_int_equal(model_create(f->st, f->d, &a, NULL, "tester", f->now,
	    &f->inc, err, sizeof err), ST_OK);
	answer_set_free(&a);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	incident_free(f->inc);
	model_data_free(f->d);
	store_close(f->st);
	nftw(f->dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f->db);
	free(f);
	return 0;
}

static int
import(struct fx *f, const char *csv, struct model_notice_import *res)
{
	struct notice_list l;
	int rc = parse(csv, &l, NULL);

	if (rc == ST_OK)
		rc = model_notice_import(f->st, f->d, f->inc, &l, "r.csv",
		    "tester", f->now, res, err, sizeof err);
	notice_list_free(&l);
	return rc;
}

static int
mark(struct fx *f, const char *id, enum notice_mark m, const char *note)
{
	struct model_notice_mark in = { m, NOTICE_LETTER, NULL, note };

	return model_notice_mark(f->st, f->d, f->inc, &id, 1, &in, "tester",
	    f->now, err, sizeof err);
}

static enum action_status
notify_status(struct fx *f)
{
	struct evaluation ev;
	const struct check_item *it;
	enum action_status s;

	model_evaluate(f->d, f->inc, &ev);
	it = model_item_find(&ev, NOTICE_ACTION);
	assert_non_null(it);
	assert_true(it->by_notices);
	s = it->status;
	model_evaluation_free(&ev);
	return s;
}

static int
verified(struct fx *f)
{
	struct chain_report v;

	assert_int_equal(model_verify(f->st, f->inc, 0, &v, err, sizeof err),
	    ST_OK);
	return v.broken == 0;
}

static int
raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

static void
test_import_and_marks(void **state)
{
	struct fx *f = *state;
	struct model_notice_import res;
	struct notice_list l;

	assert_int_equal(import(f, "name,address\na,x\nb,y\nc,z\n", &res),
	    ST_OK);
	assert_int_equal(res.added, 3);
	assert_int_equal(f->inc->notices.total, 3);
	assert_int_equal(notify_status(f), ACTION_OPEN);
	assert_int_equal(mark(f, "R001", NOTICE_SENT, "同封物あり"), ST_OK);
	assert_int_equal(mark(f, "R002", NOTICE_SENT, NULL), ST_OK);
	/* an unknown id, or returned before sent: nothing stored */
	assert_int_equal(mark(f, "R009", NOTICE_SENT, NULL), ST_DATAERR);
	assert_int_equal(mark(f, "R003", NOTICE_RETURNED, NULL), ST_DATAERR);
	assert_int_equal(mark(f, "R002", NOTICE_RETURNED, NULL), ST_OK);
	assert_int_equal(f->inc->notices.by_mark[NOTICE_RETURNED], 1);
	/* a manual done is refused with the progress */
	assert_int_equal(model_set_action(f->st, f->d, f->inc, NOTICE_ACTION,
	    ACTION_DONE, "tester", NULL, NULL, f->now, err, sizeof err),
	    ST_REFUSED);
	assert_non_null(strstr(err, "notified 1/3, returned 1, not yet sent "
	    "1"));
	/* re-import: changed rows updated, marks kept, an unmarked row gone */
	assert_int_equal(import(f, "name,address\na,x2\nb,y\n", &res), ST_OK);
	assert_int_equal(res.changed, 1);
	assert_int_equal(res.removed, 1);
	assert_int_equal(notice_load(f->st, f->inc->id, &l, err, sizeof err),
	    ST_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].address, "x2");
	assert_int_equal(l.v[0].nmarks, 1);
	assert_string_equal(l.v[0].marks[0].note, "同封物あり");
	assert_int_equal(l.v[1].nmarks, 2);
	notice_list_free(&l);
	/* a marked recipient cannot leave the list */
	assert_int_equal(import(f, "name,address\na,x2\n", &res), ST_DATAERR);
	assert_non_null(strstr(err, "R002"));
	assert_int_equal(f->inc->notices.total, 2);
	/* the same file again changes nothing and adds no event */
	assert_int_equal(import(f, "name,address\na,x2\nb,y\n", &res), ST_OK);
	assert_int_equal(res.added + res.changed + res.removed, 0);
	assert_true(verified(f));
	/* R002 unreachable: done only once publication = published */
	assert_int_equal(mark(f, "R002", NOTICE_UNREACHABLE, NULL), ST_OK);
	assert_int_equal(notify_status(f), ACTION_OPEN);
	assert_int_equal(mark(f, "R002", NOTICE_REACHED, NULL), ST_OK);
	assert_int_equal(notify_status(f), ACTION_DONE);
	/* done when the marks say done: no change */
	assert_int_equal(model_set_action(f->st, f->d, f->inc, NOTICE_ACTION,
	    ACTION_DONE, "tester", NULL, NULL, f->now, err, sizeof err), ST_OK);
	assert_true(verified(f));
}

static void
test_tamper(void **state)
{
	struct fx *f = *state;
	struct model_notice_import res;
	struct model_notice_enquiry q = { NULL, "山田", "内容を知りたい",
		NULL, 1 };
	long seq = 0;

	assert_int_equal(import(f, "name,address\na,x\n", &res), ST_OK);
	assert_int_equal(mark(f, "R001", NOTICE_SENT, "memo"), ST_OK);
	assert_int_equal(model_notice_enquiry(f->st, f->d, f->inc, &q,
	    "tester", f->now, &seq, err, sizeof err), ST_OK);
	assert_int_equal(seq, 1);
	assert_int_equal(f->inc->notices.enquiries, 1);
	assert_int_equal(f->inc->notices.follow_ups, 1);
	assert_true(verified(f));
	assert_int_equal(raw_exec(f->db, "UPDATE recipient_mark SET note = "
	    "'x'"), SQLITE_CONSTRAINT);
	assert_int_equal(raw_exec(f->db, "DROP TRIGGER recipient_mark_no_update;"
	    "UPDATE recipient_mark SET note = 'x'"), SQLITE_OK);
	assert_false(verified(f));
	assert_int_equal(raw_exec(f->db, "UPDATE recipient_mark SET note = "
	    "'memo'; UPDATE recipient SET name = 'b'"), SQLITE_OK);
	assert_false(verified(f));
	assert_int_equal(raw_exec(f->db, "UPDATE recipient SET name = 'a';"
	    "DROP TRIGGER enquiry_no_update; UPDATE enquiry SET from_name = "
	    "NULL"), SQLITE_OK);
	assert_false(verified(f));
	assert_int_equal(raw_exec(f->db, "UPDATE enquiry SET from_name = "
	    "'山田'"), SQLITE_OK);
	assert_true(verified(f));
	/* Who logged it is the record's too. */
	assert_int_equal(raw_exec(f->db, "UPDATE enquiry SET by = 'other'"),
	    SQLITE_OK);
	assert_false(verified(f));
	assert_int_equal(raw_exec(f->db, "UPDATE enquiry SET by = 'tester'"),
	    SQLITE_OK);
	assert_true(verified(f));
}

static void
test_closed_refuses(void **state)
{
	struct fx *f = *state;
	struct model_notice_import res;

	assert_int_equal(import(f, "name,address\na,x\n", &res), ST_OK);
	assert_int_equal(raw_exec(f->db, "UPDATE incident SET closed = 1"),
	    SQLITE_OK);
	f->inc->closed = 1;
	assert_int_equal(mark(f, "R001", NOTICE_SENT, NULL), ST_REFUSED);
	assert_int_equal(import(f, "name,address\na,y\n", &res), ST_REFUSED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_basic),
		cmocka_unit_test(test_csv_cp932),
		cmocka_unit_test(test_csv_ids),
		cmocka_unit_test(test_csv_errors),
		cmocka_unit_test(test_csv_utf16),
		cmocka_unit_test(test_id_order),
		cmocka_unit_test(test_progress),
		cmocka_unit_test_setup_teardown(test_import_and_marks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tamper, setup, teardown),
		cmocka_unit_test_setup_teardown(test_closed_refuses, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
