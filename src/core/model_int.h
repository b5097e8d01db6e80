/*
 * model_int.h - what the model's own files share and nothing else
 * includes: an answer set as a value vector, and a time answer read.
 */
#ifndef ANSHIN_MODEL_INT_H
#define ANSHIN_MODEL_INT_H

#include "model.h"

/* The values vector of an answer set over an empty incident (caller
 * frees the vector, not the values). */
char **model_values_from_set(const struct model_data *d,
    const struct answer_set *s);
/* 1 and *t when key holds a time (not "unknown"). */
int model_value_time(const struct model_data *d, char *const *values,
    const char *key, jtime_t *t);

/* model.c: the pieces every change is made of. A change begins by
 * re-reading the incident in a transaction (begin_fresh), checks the
 * name (check_by) and any text (check_prose), writes through the store
 * (add_event, write_action), refreshes the summary row, then commits or
 * rolls back (finish) and leaves inc showing what is stored (end_fresh). */
int model_event_put(struct store *st, long id, jtime_t now,
    struct store_event *ev, char *err, size_t errlen);
int model_add_event(struct store *st, long id, jtime_t now,
    const char *kind, const char *key, const char *old, const char *new_,
    const char *by, char *err, size_t errlen);
int model_check_by(const char *by, char *err, size_t errlen);
/* `at` (ISO 8601, as stored) is a time of docs/contract.md §1's range
 * (a drill's is not checked against the clock). */
int model_check_acted_at(const struct incident *inc, const char *at,
    jtime_t now, char *err, size_t errlen);
/* ST_REFUSED with the way out when inc is closed. */
int model_refuse_closed(const struct incident *inc, char *err, size_t errlen);
int model_check_prose(const char *what, const char *text, char *err,
    size_t errlen);
int model_begin_fresh(struct store *st, const struct model_data *d,
    const struct incident *inc, struct incident **fresh, char *err,
    size_t errlen);
int model_end_fresh(struct store *st, struct incident *inc,
    struct incident *fresh, int rc, char *err, size_t errlen);
int model_finish(struct store *st, int rc, char *err, size_t errlen);
int model_write_action(struct store *st, struct incident *inc,
    const char *action, enum action_status old, enum action_status s,
    const char *by, const char *at, const char *note, jtime_t now,
    char *err, size_t errlen);
/* The middle of model_set_answers and model_set_action, for changes
 * that write more in the same transaction (the device ledger): `fresh`
 * comes from begin_fresh; `seen` is what the caller showed (MODEL_SEEN).
 * The note goes with the action as model_set_action's. */
int model_apply_answers(struct store *st, const struct model_data *d,
    const struct incident *seen, struct incident *fresh,
    const struct answer_set *changes, const char *by, jtime_t now,
    unsigned flags, char *err, size_t errlen);
int model_apply_action(struct store *st, const struct model_data *d,
    struct incident *fresh, const char *action, enum action_status status,
    const char *by, const char *at, const char *note, jtime_t now,
    char *err, size_t errlen);
int model_refresh_summary(struct store *st, const struct model_data *d,
    const struct incident *inc, char *err, size_t errlen);

/* model_notice.c: the notices' part of loading, evaluating and marking
 * actions. Loads inc->notices (the progress). */
int model_notice_progress(struct store *st, struct incident *inc, char *err,
    size_t errlen);
/* With recipients stored, the marks decide NOTICE_ACTION's status. */
void model_notice_item(const struct model_data *d, const struct incident *inc,
    struct check_item *it);
/* A manual status for an item the marks decide is refused with the
 * progress (ST_REFUSED); done when the marks say done is no change
 * (*same = 1). */
int model_notice_guard(const struct model_data *d, const struct incident *inc,
    const struct check_item *it, enum action_status s, int *same, char *err,
    size_t errlen);

#endif
