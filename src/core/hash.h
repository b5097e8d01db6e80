/*
 * hash.h - SHA-256 for the tamper-evident timeline (libcrypto's EVP
 * interface: a maintained implementation, not our own).
 */
#ifndef ANSHIN_HASH_H
#define ANSHIN_HASH_H

#include <stddef.h>

#define HASH_HEX_LEN 64

/* Lower-case hex SHA-256 of data; returns 0, or -1 if libcrypto failed. */
int hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX_LEN + 1]);

#endif
