/*
 * ledger.h - the device ledger (持ち出し台帳, facility guide §1-3): each
 * device or medium that leaves the building, by the id the facility gives
 * it, with its protection as the guide's §1-2 table asks, who holds it and
 * until when taking it out is approved; every change an event of the
 * ledger's own hash-chained timeline. Also what the ledger means for an
 * incident: the gaps against the guide's recommendations, the answers it
 * proposes for a lost device, and its state when the device was lost.
 * Nothing here draws or prints.
 */
#ifndef ANSHIN_LEDGER_H
#define ANSHIN_LEDGER_H

#include <stddef.h>

#include "chain.h"
#include "jtime.h"
#include "model.h"
#include "store.h"

/* The keys of a ledger entry (docs/contract.md §1 `device`), in the
 * order they are shown. */
enum ledger_key {
	LK_TYPE, LK_OWNER, LK_HOLDER, LK_CARRIER, LK_LINE, LK_ENCRYPTION,
	LK_SCREEN_LOCK, LK_REMOTE_WIPE, LK_MDM, LK_BROWSER_SAVED_LOGIN,
	LK_NETWORK_ACCESS, LK_APPROVED_UNTIL, LK_NOTE, LK_COUNT
};
extern const char *const ledger_keys[LK_COUNT];
/* The key's index, or -1. */
int ledger_key_index(const char *key);
/* The intake key whose values (and labels) a ledger key takes, or NULL
 * for the ledger's own text keys and the date. */
const char *ledger_key_field(enum ledger_key k);
/* "type, owner, holder, ..." for messages. */
const char *ledger_keys_list(void);
/* The key's label in lang: the intake field's label for the keys that
 * take its values, else the ledger's own words. */
const char *ledger_key_label(const struct model_data *d, enum ledger_key k,
    enum lang lang);
/* A value as a person reads it: a choice's label, else the value. */
const char *ledger_value_text(const struct model_data *d, enum ledger_key k,
    const char *value, enum lang lang);
/* A message of the ledger's own in lang (the document's language may
 * not be the program's): English is the message id itself. */
const char *ledger_tr(const char *msgid, enum lang lang);

enum ledger_state { LEDGER_ACTIVE, LEDGER_RETIRED, LEDGER_LOST };
/* "active", "retired", "lost" (the device table's values). */
const char *ledger_state_name(enum ledger_state s);
/* The words for a state ("in use", "retired", "lost"), in lang. */
const char *ledger_state_text(enum ledger_state s, enum lang lang);

struct ledger_device {
	char *id;
	enum ledger_state state;
	char *incident;			/* the reference it was lost in */
	char *created_at;		/* ISO 8601 */
	char *values[LK_COUNT];		/* NULL: not recorded */
};
void ledger_device_clear(struct ledger_device *dev);

struct ledger {
	struct ledger_device *v;
	size_t n;
};
void ledger_free(struct ledger *l);

/* An id the facility chooses (an asset tag): 1 to 32 of A-Z a-z 0-9 and
 * "-", "_", "." starting with a letter or digit, so that it stays one
 * word in an answers file, a tsv column and a shell argument. */
#define LEDGER_ID_MAX 32
int ledger_check_id(const char *id, char *err, size_t errlen);

/* Reads KEY=VALUE as people type it (the intake key's values for the
 * protection keys, full-width characters folded, a date as YYYY-MM-DD or
 * YYYY/M/D for approved_until); "KEY=" clears. Pushes the key and its
 * canonical value (NULL: clear) onto out. ST_DATAERR naming the argument
 * and the allowed values or keys. */
int ledger_read_assignment(const struct model_data *d, const char *arg,
    jtime_t now, struct answer_set *out, char *err, size_t errlen);

/* ST_NOINPUT when there is no such device. */
int ledger_load(struct store *st, const char *id, struct ledger_device *out,
    char *err, size_t errlen);
/* Every device, by id. */
int ledger_load_all(struct store *st, struct ledger *out, char *err,
    size_t errlen);

/* Each change below is one transaction: the rows and one ledger event per
 * change ("added", "value", "retired", "lost"), by `by` at `now`.
 *
 * Adds a device (ST_DATAERR when the id is taken). */
int ledger_add(struct store *st, const char *id, const struct answer_set *v,
    const char *by, jtime_t now, char *err, size_t errlen);
/* Changes values; unchanged ones are skipped. */
int ledger_set(struct store *st, const char *id, const struct answer_set *v,
    const char *by, jtime_t now, char *err, size_t errlen);
/* Takes a device out of use; retiring it again changes nothing. */
int ledger_retire(struct store *st, const char *id, const char *by,
    jtime_t now, char *err, size_t errlen);
/* Marks the device lost in incident inc and that incident's
 * update_device_ledger done (at `at`, ISO 8601, NULL: now; its note
 * names the entry, then `note` when given), in one transaction; inc then
 * shows what is stored, as after model_set_action. Lost again in the
 * same incident changes nothing. ST_NOINPUT (no such device), ST_REFUSED
 * (a closed incident or a retired device), ST_DATAERR (the incident is
 * not one the ledger is updated for). */
int ledger_lost(struct store *st, const struct model_data *d, const char *id,
    struct incident *inc, const char *by, const char *at, const char *note,
    jtime_t now, char *err, size_t errlen);

/* ---- what the ledger means (ledger_gaps.c) ---------------------------- */

/* The gaps against the guide's §1-2 recommendations, as bits; a check
 * not recorded yet is a gap of its own ("not confirmed"). Which checks
 * apply depends on the type (a USB stick has no screen lock; paper has
 * none of them). */
enum ledger_gap {
	GAP_ENCRYPTION_NONE, GAP_ENCRYPTION_WEAK, GAP_ENCRYPTION_UNKNOWN,
	GAP_SCREEN_LOCK_NONE, GAP_SCREEN_LOCK_WEAK, GAP_SCREEN_LOCK_UNKNOWN,
	GAP_REMOTE_WIPE_NONE, GAP_REMOTE_WIPE_UNKNOWN,
	GAP_MDM_NONE, GAP_MDM_UNKNOWN,
	GAP_SAVED_LOGIN, GAP_SAVED_LOGIN_UNKNOWN,
	GAP_APPROVAL_EXPIRED,
	GAP_COUNT
};
unsigned ledger_gaps(const struct ledger_device *dev, long today);
/* The gap's id for machine formats ("no_screen_lock") and its words for
 * people, an English message id to translate (「画面ロックなし」). */
const char *ledger_gap_id(enum ledger_gap g);
const char *ledger_gap_text(enum ledger_gap g);
/* The gaps' ids joined by "," (machine formats), or their words in lang
 * joined by `sep`; "" when there is none. */
char *ledger_gaps_ids(unsigned gaps);
char *ledger_gaps_words(unsigned gaps, enum lang lang, const char *sep);
/* 1 when approved_until is recorded and before `today`. */
int ledger_approval_expired(const struct ledger_device *dev, long today);

/* The intake answers the ledger proposes for a lost or stolen device
 * (docs/contract.md §3 `device`): device_type, device_owner, carrier
 * (the carrier and the line's number), encryption, screen_lock,
 * remote_wipe, mdm, browser_saved_login, network_access, each where the
 * ledger records it and `values` (the incident's answers, or NULL) has
 * none. Appended to out as key and value. */
void ledger_proposals(const struct model_data *d,
    const struct ledger_device *dev, char *const *values,
    struct answer_set *out);

/* An answers file's `device = ID`: the ledger's proposals for the keys
 * the file does not give (the file's author chose the device; keys given
 * explicitly win). ST_DATAERR "NAME:LINE: no device ..." when the ledger
 * has no such device. */
int ledger_fill_answers(struct store *st, const struct model_data *d,
    struct answer_set *set, const char *name, char *err, size_t errlen);

/* The wizard's confirming key: stores the proposals still unanswered,
 * signed by `by`, and a timeline note naming the ledger entry, in one
 * transaction; inc then shows what is stored (as model_set_answers, with
 * MODEL_SEEN). ST_DATAERR when the incident's `device` is not id. */
int ledger_confirm(struct store *st, const struct model_data *d,
    struct incident *inc, const char *id, const char *by, jtime_t now,
    char *err, size_t errlen);

/* ---- the ledger's timeline (ledger_chain.c) ---------------------------- */

/* The device as the ledger recorded it up to and including the time
 * `at` (ISO 8601, as stored), from the ledger's events; ST_NOINPUT when
 * it was not in the ledger then. */
int ledger_device_at(struct store *st, const char *id, const char *at,
    struct ledger_device *out, char *err, size_t errlen);
/* When the device was marked lost in incident `ref` (ISO 8601, at least
 * 26 bytes), or "" when it never was. */
int ledger_lost_at(struct store *st, const char *id, const char *ref,
    char at[26], char *err, size_t errlen);
/* The incident's device (its `device` answer) as the ledger recorded it
 * when it was lost: as of the ledger's "lost" event for this incident,
 * else as of discovered_at, else as of `now`; `at` gets that time (ISO
 * 8601). When the ledger had no record of it then (it was entered
 * afterwards), its record now, `at` "" . ST_NOINPUT when the incident
 * names no device or the ledger has none of that id. */
int ledger_entry_for(struct store *st, const struct model_data *d,
    const struct incident *inc, jtime_t now, struct ledger_device *out,
    char at[26], char *err, size_t errlen);
/* Walks the ledger's chain: every hash, the count and last hash kept in
 * ledger_head, and that replaying the events gives the stored devices.
 * Reported as chain_verify reports an incident's. */
int ledger_verify(struct store *st, struct chain_report *out, char *err,
    size_t errlen);
/* Calls fn for each event of the ledger about device `id` (every event
 * when NULL), oldest first. */
int ledger_events(struct store *st, const char *id,
    void (*fn)(void *ud, const struct store_ledger_event *ev), void *ud,
    char *err, size_t errlen);

#endif
