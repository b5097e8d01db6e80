/*
 * store_ledger.h - the device ledger's rows (持ち出し台帳, schema 4): each
 * device or medium by the facility's own id with its state and values,
 * and the ledger's own append-only timeline, hash-chained (chain.h) with
 * its count and last hash kept in ledger_head. Knows rows, not rules:
 * ledger.c decides what to write.
 */
#ifndef ANSHIN_STORE_LEDGER_H
#define ANSHIN_STORE_LEDGER_H

#include <stddef.h>

#include "store.h"

/* A row of the device table; strings owned by the row. */
struct store_device {
	char *id;
	char *state;			/* active, retired, lost */
	char *incident;			/* the reference it was lost in */
	char *created_at;
};
void store_device_clear(struct store_device *row);

/* ST_NOINPUT when there is no such device. */
int store_device_get(struct store *st, const char *id,
    struct store_device *row, char *err, size_t errlen);
int store_device_insert(struct store *st, const char *id,
    const char *created_at, char *err, size_t errlen);
int store_device_set_state(struct store *st, const char *id,
    const char *state, const char *incident, char *err, size_t errlen);
/* Every device, by id; the row's strings last during the callback. */
int store_devices_list(struct store *st,
    void (*fn)(void *ud, const struct store_device *row), void *ud,
    char *err, size_t errlen);

/* A device's values, by key; value NULL deletes. */
int store_device_values_get(struct store *st, const char *id,
    void (*fn)(void *ud, const char *key, const char *value), void *ud,
    char *err, size_t errlen);
int store_device_value_put(struct store *st, const char *id, const char *key,
    const char *value, char *err, size_t errlen);

struct store_ledger_event {
	long seq;			/* 1-based position in the ledger */
	const char *at, *kind, *device, *key, *old, *new_, *by;
	const char *hash;		/* read back; computed when added */
};
/* Appends an event chained to the last one and moves ledger_head on. */
int store_ledger_event_add(struct store *st,
    const struct store_ledger_event *ev, char *err, size_t errlen);
/* All events, oldest first. */
int store_ledger_events_get(struct store *st,
    void (*fn)(void *ud, const struct store_ledger_event *ev), void *ud,
    char *err, size_t errlen);
/* The count and last hash kept in ledger_head (head "" when none). */
int store_ledger_head_get(struct store *st, long *events, char head[65],
    char *err, size_t errlen);

#endif
