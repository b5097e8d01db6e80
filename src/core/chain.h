/*
 * chain.h - the tamper evidence of an incident's timeline: each event's
 * hash covers the previous hash and the event's own content, the incident
 * row keeps the number of events and the last hash, and replaying the
 * events rebuilds the incident's state, which verify compares with what is
 * stored. The device ledger's timeline is chained the same way
 * (ledger_chain.c walks it). Nothing here draws or prints.
 */
#ifndef ANSHIN_CHAIN_H
#define ANSHIN_CHAIN_H

#include <stddef.h>

#include "store.h"
#include "store_ledger.h"

#define CHAIN_HEX_LEN 64

/* The hash before the first event: 64 zeros. */
void chain_zero(char out[CHAIN_HEX_LEN + 1]);

/* The hash an event must have, given the previous one and the incident's
 * id. Returns 0, or -1 when hashing failed. */
int chain_digest(long id, const char *prev, const struct store_event *ev,
    char out[CHAIN_HEX_LEN + 1]);

/* The SHA-256 of content kept outside the timeline (each field as its
 * length and bytes, NULL as "-", after "anshin-ir TAG;"): the event that
 * records it carries this digest. Returns 0, or -1 when hashing failed. */
int chain_content_digest(const char *tag, const char *const *fields, size_t n,
    char out[CHAIN_HEX_LEN + 1]);

/* The same as chain_digest for an event of the device ledger, whose one
 * chain runs through every device's events. */
int chain_ledger_digest(const char *prev, const struct store_ledger_event *ev,
    char out[CHAIN_HEX_LEN + 1]);

struct chain_report {
	long events;			/* events in the timeline */
	char head[CHAIN_HEX_LEN + 1];	/* hash of the last event, or of
					 * event `at` when asked; "" if none */
	long broken;			/* 0: intact; n > 0: event n does not
					 * match its hash; -1: the events are
					 * intact but the stored state or the
					 * incident row differs from them */
	char what[512];			/* what is broken, for people */
};

/* Walks incident `id`'s timeline, checking every hash, the count and
 * last hash kept in the incident row, and that replaying the events gives
 * the stored answers, action states, reference, closed flag and measures.
 * `at` > 0 asks for the hash as of event `at` (ST_DATAERR when the
 * timeline is shorter). */
int chain_verify(struct store *st, long id, long at, struct chain_report *out,
    char *err, size_t errlen);

#endif
