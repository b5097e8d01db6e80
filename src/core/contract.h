/*
 * contract.h - every name the program shares with its data and its
 * database, declared once: the form keys C reads by name (and the type it
 * reads them as), the timeline's event kinds, the actions' statuses and
 * the drill score's weights. Each list is an X-macro (as tig declares its
 * requests in REQ_INFO), so the names, the enums and the load-time check
 * come from the same lines and cannot drift apart.
 *
 * Everything else about a field lives in forms/intake.form; a key is
 * listed here only because some C code asks for it by name. A renamed or
 * retyped key then stops the program at load (contract_check_form, run by
 * model_data_load, so `check-data` and every command) instead of leaving
 * part of a PDF blank.
 *
 * To read a new key in C: add its line to CONTRACT_FIELDS and use the
 * FIELD_ name; the list in man/anshin-ir.5 ("Keys the program reads")
 * follows (tests/e2e/test_man.sh compares the two). docs/howto.md ("Read
 * a key from C") has the whole recipe; tests/e2e/test_contract.sh fails
 * on a literal of these names anywhere else in src/.
 */
#ifndef ANSHIN_CONTRACT_H
#define ANSHIN_CONTRACT_H

#include <stddef.h>

#include "form.h"

/* X(NAME, "key", type): the form must have [field key] of that type. Text
 * and longtext differ only in the wizard's editor, so each satisfies the
 * other; every other type must match. */
#define CONTRACT_FIELDS(X) \
	X(FIELD_KIND, "kind", FORM_CHOICE) \
	X(FIELD_DISCOVERED_AT, "discovered_at", FORM_TIME) \
	X(FIELD_OCCURRED_AT, "occurred_at", FORM_TIME) \
	X(FIELD_SUMMARY, "summary", FORM_TEXT) \
	X(FIELD_NARRATIVE, "narrative", FORM_LONGTEXT) \
	X(FIELD_PLACE, "place", FORM_TEXT) \
	X(FIELD_REPORTER, "reporter", FORM_TEXT) \
	X(FIELD_PERSON_IN_CHARGE, "person_in_charge", FORM_TEXT) \
	X(FIELD_CAUSE, "cause", FORM_CHOICE) \
	X(FIELD_DEVICE, "device", FORM_TEXT) \
	X(FIELD_DEVICE_TYPE, "device_type", FORM_CHOICE) \
	X(FIELD_DEVICE_OWNER, "device_owner", FORM_CHOICE) \
	X(FIELD_CARRIER, "carrier", FORM_TEXT) \
	X(FIELD_RECIPIENT, "recipient", FORM_TEXT) \
	X(FIELD_BROWSER_SAVED_LOGIN, "browser_saved_login", FORM_CHOICE) \
	X(FIELD_NETWORK_ACCESS, "network_access", FORM_CHOICE) \
	X(FIELD_NETWORK_LOG, "network_log", FORM_CHOICE) \
	X(FIELD_SYSTEMS_DOWN, "systems_down", FORM_CHOICE) \
	X(FIELD_DATA_TYPES, "data_types", FORM_MULTI) \
	X(FIELD_PERSONS_COUNT, "persons_count", FORM_INT) \
	X(FIELD_PERSONS_BASIS, "persons_basis", FORM_CHOICE) \
	X(FIELD_RECORDS_COUNT, "records_count", FORM_INT) \
	X(FIELD_EXPOSURE, "exposure", FORM_CHOICE) \
	X(FIELD_RECOVERED_UNVIEWED, "recovered_unviewed", FORM_CHOICE) \
	X(FIELD_SECONDARY_DAMAGE, "secondary_damage", FORM_CHOICE) \
	X(FIELD_SECONDARY_DAMAGE_DETAIL, "secondary_damage_detail", \
	    FORM_TEXT) \
	X(FIELD_PUBLICATION, "publication", FORM_CHOICE) \
	X(FIELD_ENCRYPTION, "encryption", FORM_CHOICE) \
	X(FIELD_SCREEN_LOCK, "screen_lock", FORM_CHOICE) \
	X(FIELD_REMOTE_WIPE, "remote_wipe", FORM_CHOICE) \
	X(FIELD_MDM, "mdm", FORM_CHOICE) \
	X(FIELD_FACILITY_TYPE, "facility_type", FORM_CHOICE)

/* X(NAME, "kind", label): the `kind` of a timeline event as stored (so
 * never renamed: stored incidents and their hash chain hold it), and the
 * message id of its label. */
#define CONTRACT_EVENTS(X) \
	X(EVENT_CREATED, "created", N_("created")) \
	X(EVENT_ANSWER, "answer", N_("answer")) \
	X(EVENT_ACTION, "action", N_("action")) \
	X(EVENT_NOTE, "note", N_("note")) \
	X(EVENT_EXPORT, "export", N_("export")) \
	X(EVENT_CLOSED, "closed", N_("closed")) \
	X(EVENT_REOPENED, "reopened", N_("reopened")) \
	X(EVENT_RECIPIENTS, "recipients", N_("recipients")) \
	X(EVENT_NOTICE, "notice", N_("notice")) \
	X(EVENT_ENQUIRY, "enquiry", N_("enquiry"))

/* The `new` value of the closed event that submits a drill run (it has no
 * measures to record). */
#define CONTRACT_DRILL_SUBMITTED "drill"

/* X(ENUM, "status"): an action's status as stored (the database's CHECK
 * constraint in store_schema.c lists the same three). */
#define CONTRACT_STATUSES(X) \
	X(ACTION_OPEN, "open") \
	X(ACTION_DONE, "done") \
	X(ACTION_SKIPPED, "skipped")

/* X(ENUM, points): the drill score (docs in drill_score.c). The three
 * parts add up to 100: the truth's answers and every expected action
 * score full marks. */
#define CONTRACT_SCORE(X) \
	X(SCORE_ANSWERS, 50) \
	X(SCORE_ACTIONS, 30) \
	X(SCORE_ASSESSMENT, 20) \
	X(SCORE_LATE_MAX, 10)

#define CONTRACT_X_NAME(id, name, ...) extern const char id[];
CONTRACT_FIELDS(CONTRACT_X_NAME)
CONTRACT_EVENTS(CONTRACT_X_NAME)
#undef CONTRACT_X_NAME

#define CONTRACT_X_ENUM(id, ...) id,
enum action_status { CONTRACT_STATUSES(CONTRACT_X_ENUM) ACTION_COUNT };
#undef CONTRACT_X_ENUM

#define CONTRACT_X_POINTS(id, points) id = points,
enum contract_score { CONTRACT_SCORE(CONTRACT_X_POINTS) };
#undef CONTRACT_X_POINTS

_Static_assert(SCORE_ANSWERS + SCORE_ACTIONS + SCORE_ASSESSMENT == 100,
    "a perfect drill run scores 100");

/* The keys of CONTRACT_FIELDS, in its order. */
struct contract_field {
	const char *key;
	enum form_type type;
};
extern const struct contract_field contract_fields[];
extern const size_t contract_nfields;

/* ST_OK when the form has every field of CONTRACT_FIELDS with its type;
 * else ST_CONFIG with "FORM:LINE: message" in err, LINE being the field's
 * head when its type is wrong, the form's last line when it is missing. */
int contract_check_form(const struct form *f, char *err, size_t errlen);

/* The message id of an event kind's label (translate it), or NULL for a
 * kind the table does not have. */
const char *contract_event_label(const char *kind);

/* "open", "done", "skipped". */
const char *contract_status_name(enum action_status s);
/* The status of a stored name. NULL (an action's first event has no old
 * status) and a name this program does not know read as open: such an
 * action is listed again, not lost. */
enum action_status contract_status_parse(const char *name);

#endif
