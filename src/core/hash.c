/*
 * hash.c - SHA-256 through libcrypto's EVP_Digest, which OpenSSL 3 keeps
 * (the SHA256_* low-level calls are deprecated there).
 */
#include "hash.h"

#include <openssl/evp.h>

int
hash_sha256_hex(const void *data, size_t len, char out[HASH_HEX_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	if (EVP_Digest(data, len, md, &n, EVP_sha256(), NULL) != 1 ||
	    n * 2 != HASH_HEX_LEN)
		return -1;
	for (i = 0; i < n; i++) {
		out[2 * i] = hex[md[i] >> 4];
		out[2 * i + 1] = hex[md[i] & 15];
	}
	out[HASH_HEX_LEN] = '\0';
	return 0;
}
