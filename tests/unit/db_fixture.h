/*
 * db_fixture.h - what the tests of changes share: a fresh database in a
 * private temporary directory, the shipped data (the tests run from the
 * repository root) in English, the fixed clock of the end-to-end tests,
 * an incident made from an answers text, and raw SQL for tampering.
 * Included after cmocka.h by one test file each.
 */
#ifndef ANSHIN_DB_FIXTURE_H
#define ANSHIN_DB_FIXTURE_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "model.h"
#include "store.h"

struct fx {
	char dir[64];
	char *db;
	struct store *st;
	struct model_data *d;
	jtime_t now;
	char err[1024];
};

static inline int
fx_rm_entry(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline int
setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	snprintf(f->dir, sizeof f->dir, "/tmp/anshin-test-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	f->db = xasprintf("%s/incidents.db", f->dir);
	assert_int_equal(store_open(f->db, &f->st, f->err, sizeof f->err),
	    ST_OK);
	assert_int_equal(model_data_load(".", &f->d, f->err, sizeof f->err),
	    ST_OK);
	f->d->lang = LANG_EN;
	assert_int_equal(jtime_parse("2026-10-06 09:00", &f->now, NULL, 0), 0);
	*state = f;
	return 0;
}

static inline int
teardown(void **state)
{
	struct fx *f = *state;

	model_data_free(f->d);
	store_close(f->st);
	nftw(f->dir, fx_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f->db);
	free(f);
	return 0;
}

/* A new incident from an answers text, by "tester". */
static inline struct incident *
create(struct fx *f, const char *answers)
{
	struct answer_set set;
	struct incident *inc;

	assert_int_equal(model_answers_parse(f->d, answers, strlen(answers),
	    "test", f->now, &set, f->err, sizeof f->err), ST_OK);
	assert_int_equal(model_create(f->st, f->d, &set, NULL, "tester",
	    f->now, &inc, f->err, sizeof f->err), ST_OK);
	answer_set_free(&set);
	return inc;
}

/* SQL on the file behind the program's back, as someone with the file
 * and the sqlite3 shell could. */
static inline void
raw(struct fx *f, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->db, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

#endif
