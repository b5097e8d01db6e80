/*
 * model.h - an incident: its answers, the state of its actions and its
 * timeline, and the operations that change it. Each operation validates,
 * writes the change and its timeline event in one transaction, and refreshes
 * the incident's cached summary (for fast lists). Views (CLI, TUI, PDF) call
 * these; nothing here draws or prints.
 */
#ifndef ANSHIN_MODEL_H
#define ANSHIN_MODEL_H

#include <stddef.h>

#include "chain.h"
#include "contacts.h"
#include "contract.h"
#include "deadline.h"
#include "drill.h"
#include "form.h"
#include "jtime.h"
#include "notice.h"
#include "rules.h"
#include "store.h"
#include "util.h"

/* Everything loaded from the data directory. */
struct model_data {
	char *dir;
	struct form *form;
	struct rules *rules;
	struct holidays *holidays;
	struct contacts *contacts;
	struct drill_set drills;	/* DIR/data/drills */
	enum lang lang;			/* the language messages name
					 * fields and actions in (labels,
					 * titles); set by the caller */
};

/* Loads DIR/forms/intake.form, DIR/data/actions.rules, DIR/data/holidays.tsv,
 * the contacts files (docs/contract.md §1 order) and the drills in
 * DIR/data/drills. ST_CONFIG with "FILE:LINE: ..." */
int model_data_load(const char *dir, struct model_data **out, char *err,
    size_t errlen);
void model_data_free(struct model_data *d);
/* Reads the contacts files again (after the settings screen wrote one);
 * on error the contacts stay as they were. */
int model_data_reload_contacts(struct model_data *d, char *err,
    size_t errlen);


/* A stored action state. */
struct action_record {
	char *action;
	enum action_status status;
	char *by;
	char *at;			/* ISO 8601 */
	char *note;
};

struct incident {
	long id;
	char ref[16];
	char *drill;			/* scenario name for a drill, else NULL */
	int closed;
	char *measures;
	char *created_at;
	char **values;			/* one per form field; NULL = unanswered */
	size_t nvalues;
	struct action_record *records;
	size_t nrecords;
	struct notice_progress notices;	/* the notices to the individuals */
};

void incident_free(struct incident *inc);
/* The value of key, or NULL (unanswered or unknown key). */
const char *incident_value(const struct model_data *d,
    const struct incident *inc, const char *key);

/* One line of the checklist. */
struct check_item {
	const struct rule_action *action;
	enum action_status status;
	long due;			/* days since epoch, -1 when none */
	const struct action_record *record;	/* NULL when never recorded */
	int applies;			/* its rule holds now */
	int done_by_answer;
	int by_notices;			/* the notices' marks decide its
					 * status (notice.h) */
};

struct evaluation {
	struct rules_result result;
	struct check_item *items;	/* sorted: phase, priority, file order */
	size_t nitems;
	long next_due;			/* earliest due of an open item, -1 */
};

/* Evaluates the assessment and the checklist (docs/contract.md §4 "which
 * actions"). */
void model_evaluate(const struct model_data *d, const struct incident *inc,
    struct evaluation *ev);
void model_evaluation_free(struct evaluation *ev);
/* The checklist item for an action id, or NULL when not listed. */
const struct check_item *model_item_find(const struct evaluation *ev,
    const char *action);

/* An answer to store: value NULL clears the key. `line` and `source` name
 * where it came from for messages ("FILE:LINE" or the argument). */
struct answer_in {
	char *key;
	char *value;
	int line;
};
struct answer_set {
	struct answer_in *v;
	size_t n;
};
void answer_set_free(struct answer_set *s);
/* Appends key with value (taken over, NULL: clear) from `line`. */
void answer_set_push(struct answer_set *s, const char *key, char *value,
    int line);

/* A drill's times are its scenario's, which may lie after the day it is
 * played: given as `now`, discovered_at is not checked against the clock
 * (occurred_at is still checked against discovered_at). */
#define MODEL_NO_CLOCK ((jtime_t)-1)

/* Parses an answers file (docs/contract.md §2) into normalised answers. Errors
 * "NAME:LINE: message" with the allowed values, ST_DATAERR. Cross-field
 * checks (times) are made against `now`. */
int model_answers_parse(const struct model_data *d, const char *text,
    size_t len, const char *name, jtime_t now, struct answer_set *out,
    char *err, size_t errlen);

/* Checks the time answers of the incident after applying `changes`
 * (each within model_check_time's range, occurred_at not after
 * discovered_at); messages name the fields by their labels in d->lang. */
int model_check_times(const struct model_data *d, char *const *values,
    jtime_t now, char *err, size_t errlen);

/* The times docs/contract.md §1 accepts anywhere: from 2000-01-01 to a day
 * after `now` (no upper bound with MODEL_NO_CLOCK). `what` names the time in
 * the message. */
#define MODEL_TIME_MIN ((jtime_t)946652400)	/* 2000-01-01 00:00 JST */
int model_check_time(const char *what, jtime_t t, jtime_t now, char *err,
    size_t errlen);

/* Bytes a note, a reason or the measures may hold, and a name. */
#define MODEL_TEXT_MAX 65536
#define MODEL_NAME_MAX 200

/* Creates an incident from answers (may be empty): reference YYYY-NNNN,
 * or DYYYY-NNNN for a drill; prefills fields with `prefill` from contacts;
 * events: created, then one answer event per key. */
int model_create(struct store *st, const struct model_data *d,
    const struct answer_set *answers, const char *drill, const char *by,
    jtime_t now, struct incident **out, char *err, size_t errlen);

/* Loads an incident by reference ("2026-0001", "D2026-0001") or numeric id.
 * ST_NOINPUT when there is none. */
int model_load(struct store *st, const struct model_data *d, const char *ref,
    struct incident **out, char *err, size_t errlen);

/* Every change below re-reads the incident inside its transaction and
 * applies to what is stored; on return, success or not, inc shows the
 * stored state (evaluate again: check items point into it). Refused
 * (ST_REFUSED) when the incident is closed. `by` names who, on one line.
 *
 * Applies answer changes (value NULL clears). Unchanged values are skipped;
 * each change is an "answer" event at `now`, its old value the stored one.
 * With MODEL_SEEN (a screen that shows inc's values), a key changed
 * elsewhere since inc was loaded is not overwritten: ST_STALE, nothing
 * stored. A drill run's times are checked as with MODEL_NO_CLOCK. */
#define MODEL_SEEN 1u
int model_set_answers(struct store *st, const struct model_data *d,
    struct incident *inc, const struct answer_set *changes, const char *by,
    jtime_t now, unsigned flags, char *err, size_t errlen);

/* Sets an action's status (done, skipped, open). The action must be on the
 * checklist now (else ST_DATAERR). `at` (ISO 8601) NULL means now, else a
 * time of model_check_time's range. Marking done an action already done
 * changes nothing (ST_OK). The note (a skip's reason) is checked like a
 * note. */
int model_set_action(struct store *st, const struct model_data *d,
    struct incident *inc, const char *action, enum action_status status,
    const char *by, const char *at, const char *note, jtime_t now,
    char *err, size_t errlen);

int model_add_note(struct store *st, const struct model_data *d,
    struct incident *inc, const char *text, const char *by, jtime_t now,
    char *err, size_t errlen);

/* Closes (docs/contract.md §4 "Closing"). When refused returns ST_REFUSED and
 * appends each reason (translated, one per entry) to reasons. */
int model_close(struct store *st, const struct model_data *d,
    struct incident *inc, const char *measures, const char *by, jtime_t now,
    struct strv *reasons, char *err, size_t errlen);
int model_reopen(struct store *st, const struct model_data *d,
    struct incident *inc, const char *by, jtime_t now, char *err,
    size_t errlen);

/* Records an export (timeline kind "export", new = the file name). */
int model_record_export(struct store *st, struct incident *inc,
    const char *path, const char *by, jtime_t now, char *err, size_t errlen);

/* Ends a drill run: it leaves the open list and its clock stops (timeline
 * kind "closed", new = "drill"). ST_DATAERR when inc is not a drill. */
int model_drill_submit(struct store *st, const struct model_data *d,
    struct incident *inc, const char *by, jtime_t now, char *err,
    size_t errlen);

/* Scores a drill run (docs/contract.md §8) against its scenario: the answers
 * stored, the actions recorded done, and the time from creation to submission
 * (no clock when the run was scripted or not submitted). Also gives who
 * started it (`by`, at least 64 bytes). ST_DATAERR when inc is not a
 * drill, ST_NOINPUT when its scenario is gone. */
int model_drill_score(struct store *st, const struct model_data *d,
    const struct incident *inc, struct drill_score *out, char *by,
    size_t bylen, char *err, size_t errlen);

/* The notices to the individuals (notice.h; model_notice.c). Each change
 * is refused on a closed incident, like the others.
 *
 * Imports the recipients read from a CSV file (notice_csv_parse; `name`
 * names it in messages): new ids are added, changed rows updated, rows
 * missing from the file removed, unless marked (ST_DATAERR, nothing
 * stored: a recipient once marked stays). One "recipients" event (old
 * and new count, the digest of the rows) when anything changed. */
struct model_notice_import {
	int total, added, changed, removed;
};
int model_notice_import(struct store *st, const struct model_data *d,
    struct incident *inc, const struct notice_list *rows, const char *name,
    const char *by, jtime_t now, struct model_notice_import *res, char *err,
    size_t errlen);

/* Marks the notices of the recipients ids[0..n), each a "notice" event
 * (key: the id; old, new: the last mark and this one; when, how, the
 * digest of the note). `at` (ISO 8601) NULL is now; `via` -1 is none.
 * An unknown id, an id twice, or `returned` for a notice never marked
 * sent: ST_DATAERR, nothing stored. */
struct model_notice_mark {
	enum notice_mark mark;
	int via;
	const char *at;
	const char *note;
};
int model_notice_mark(struct store *st, const struct model_data *d,
    struct incident *inc, const char *const *ids, size_t n,
    const struct model_notice_mark *m, const char *by, jtime_t now,
    char *err, size_t errlen);

/* Logs an enquiry (a call or letter after the notice): what was asked,
 * by whom, what was answered, whether a follow-up is needed; `at` NULL
 * is now. Its number goes to *seq; the event carries its digest. */
struct model_notice_enquiry {
	const char *at, *from_name, *text, *answer;
	int follow_up;
};
int model_notice_enquiry(struct store *st, const struct model_data *d,
    struct incident *inc, const struct model_notice_enquiry *q,
    const char *by, jtime_t now, long *seq, char *err, size_t errlen);

/* Checks the incident's record against its timeline (chain_verify);
 * `at` > 0 asks for the hash as of event `at`. */
int model_verify(struct store *st, const struct incident *inc, long at,
    struct chain_report *out, char *err, size_t errlen);

/* An action's detail for this incident: "{answer:KEY}" becomes the
 * answer (or `unset`), "{section}" the facility's contact for it. Sets
 * *contacts_unset when a contact shown has no phone number yet. */
char *model_expand_detail(const struct model_data *d,
    const struct incident *inc, const char *text, enum lang lang,
    const char *unset, int *contacts_unset);

/* The default person: $ANSHIN_IR_USER, else the login name, else "unknown". */
const char *model_default_by(void);

#endif
