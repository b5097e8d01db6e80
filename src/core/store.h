/*
 * store.h - the SQLite database: opening with safe permissions, schema
 * migrations by PRAGMA user_version, transactions, and one function per
 * statement (all prepared, none built from strings). Knows tables and rows,
 * not rules: model.c decides what to write.
 */
#ifndef ANSHIN_STORE_H
#define ANSHIN_STORE_H

#include <stddef.h>

struct store;

/* The database path of docs/contract.md §1: --db > $ANSHIN_IR_DB > XDG default.
 * */
char *store_default_path(void);

/* Opens (creating the file 0600 and missing directories 0700) and
 * migrates. Refuses with ST_NOPERM a directory writable by others unless
 * sticky, and a database file (or its -wal, -shm) that is not a regular
 * file of this user's, readable and writable by this user alone.
 * ST_CANTCREAT, ST_IOERR, ST_TEMPFAIL (busy) otherwise. */
int store_open(const char *path, struct store **out, char *err, size_t errlen);
/* The same for a database that must exist already (commands that only
 * read, or change an existing incident): ST_NOINPUT when there is none,
 * and nothing is created. */
int store_open_existing(const char *path, struct store **out, char *err,
    size_t errlen);
void store_close(struct store *st);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. */
int store_begin(struct store *st, char *err, size_t errlen);
int store_commit(struct store *st, char *err, size_t errlen);
void store_rollback(struct store *st);

/* A row of the incident table. */
struct store_incident {
	long id;
	char ref[16];
	char *drill;
	int closed;
	char *measures;
	char *created_at;
	/* cached summary, refreshed by model.c after each change */
	char *kind;
	char *discovered_at;
	char *reportable;
	char *next_due;
	char *summary;
	/* the end of the timeline's hash chain (chain.h) */
	long events;
	char *head;
};
void store_incident_clear(struct store_incident *row);

/* Allocates the next reference for `year` (drill: "D" prefix, own
 * sequence) and inserts the incident. */
int store_incident_insert(struct store *st, int year, int drill,
    const char *drill_name, const char *created_at, long *id, char ref[16],
    char *err, size_t errlen);
/* Finds by reference or numeric id. ST_NOINPUT when none. */
int store_incident_get(struct store *st, const char *ref,
    struct store_incident *row, char *err, size_t errlen);
int store_incident_set_closed(struct store *st, long id, int closed,
    const char *measures, char *err, size_t errlen);
int store_incident_set_summary(struct store *st, long id, const char *kind,
    const char *discovered_at, const char *reportable, const char *next_due,
    const char *summary, char *err, size_t errlen);

/* Answers: callback per (key, value). */
int store_answers_get(struct store *st, long id,
    void (*fn)(void *ud, const char *key, const char *value), void *ud,
    char *err, size_t errlen);
/* value NULL deletes. */
int store_answer_put(struct store *st, long id, const char *key,
    const char *value, char *err, size_t errlen);

struct store_action {
	const char *action, *status, *by, *at, *note;
};
int store_actions_get(struct store *st, long id,
    void (*fn)(void *ud, const struct store_action *a), void *ud,
    char *err, size_t errlen);
int store_action_put(struct store *st, long id, const struct store_action *a,
    char *err, size_t errlen);

struct store_event {
	long seq;
	const char *at, *kind, *key, *old, *new_, *by;
	const char *acted_at;	/* an action event: when it was done */
	const char *hash;	/* read back; computed by store_event_add */
};
/* Appends an event, chained to the previous one (chain.h), and moves the
 * incident's count and last hash on, so that altering, removing or
 * reordering a stored event breaks every later link. */
int store_event_add(struct store *st, long id, const struct store_event *ev,
    char *err, size_t errlen);
int store_events_get(struct store *st, long id,
    void (*fn)(void *ud, const struct store_event *ev), void *ud,
    char *err, size_t errlen);

/* Lists incidents (summary columns only), newest discovered_at first. */
enum {
	STORE_LIST_ALL = 1,		/* closed ones too */
	STORE_LIST_DRILLS = 2		/* drills only */
};
int store_list(struct store *st, int flags,
    void (*fn)(void *ud, const struct store_incident *row), void *ud,
    char *err, size_t errlen);

#endif
