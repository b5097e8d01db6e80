/*
 * chain_int.h - what chain.c shares with chain_notice.c and nothing else
 * includes: the replay of the notices' events (recipients imported, marks,
 * enquiries) and its comparison with the rows they describe.
 */
#ifndef ANSHIN_CHAIN_INT_H
#define ANSHIN_CHAIN_INT_H

#include <stddef.h>

#include "store.h"

struct chain_notices;

struct chain_notices *chain_notices_new(void);
void chain_notices_free(struct chain_notices *n);
/* Replays ev when it is one of the notices' events: returns 1, else 0. */
int chain_notices_apply(struct chain_notices *n, const struct store_event *ev);
/* Compares the replay with the rows of incident id; on a difference sets
 * *differs and says what in what[0..len). */
int chain_notices_compare(struct store *st, long id,
    const struct chain_notices *n, char *what, size_t len, int *differs,
    char *err, size_t errlen);

#endif
