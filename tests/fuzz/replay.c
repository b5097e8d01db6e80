/*
 * replay.c - runs one libFuzzer target over files without libFuzzer, so
 * that `make check` replays every seed and every kept crash input under
 * ASan and UBSan with the compilers the project builds with (gcc or
 * clang). Each target defines LLVMFuzzerInitialize (loading its data
 * once) and LLVMFuzzerTestOneInput; this main calls them as libFuzzer
 * would: once, then once per file named on the command line.
 *
 * Prints "replay NAME: N inputs ok" and exits 0, or names the file it
 * could not read and exits 1. A crash aborts with the sanitizer's report.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads a whole file; NULL (with a message) when it cannot. */
static uint8_t *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL, *grown;
	size_t cap = 0, n = 0, got;

	if (f == NULL) {
		perror(path);
		return NULL;
	}
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((grown = realloc(data, cap)) == NULL) {
				free(data);
				fclose(f);
				fprintf(stderr, "%s: out of memory\n", path);
				return NULL;
			}
			data = grown;
		}
		got = fread(data + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f)) {
		perror(path);
		free(data);
		data = NULL;
	}
	fclose(f);
	/* Exactly n bytes, as libFuzzer passes them, so that ASan flags a
	 * target reading one byte past its input. */
	if (data != NULL && (grown = realloc(data, n ? n : 1)) != NULL)
		data = grown;
	*len = n;
	return data;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

int
main(int argc, char **argv)
{
	const char *name = base_name(argv[0]);
	uint8_t *data;
	size_t len;
	int i;

	LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		if ((data = read_all(argv[i], &len)) == NULL) {
			fprintf(stderr, "replay %s: cannot read %s\n", name,
			    argv[i]);
			return 1;
		}
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	printf("replay %s: %d inputs ok\n", name, argc - 1);
	return 0;
}
