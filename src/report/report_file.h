/*
 * report_file.h - the file a PDF goes to: written as a temporary file
 * beside the target and renamed over it once whole (a crash leaves the
 * old file or the new one, never part of one); only over a regular file
 * or a new name, keeping the mode and owner of the file it replaces where
 * it can.
 */
#ifndef ANSHIN_REPORT_FILE_H
#define ANSHIN_REPORT_FILE_H

#include <stddef.h>
#include <sys/stat.h>

struct report_file {
	const char *path;
	char *tmp;		/* the temporary file, NULL once renamed */
	int fd;
	int replace;		/* path is a regular file; old is its status */
	struct stat old;
};

/* Checks the target and creates the temporary file (mode 0600).
 * ST_CANTCREAT, the message naming path, when path exists and is not a
 * regular file or the temporary file cannot be created. */
int report_file_open(struct report_file *f, const char *path, char *err,
    size_t errlen);
/* Appends to the temporary file; ST_IOERR with the reason (a full disk:
 * "No space left on device"). */
int report_file_write(struct report_file *f, const void *data, size_t n,
    char *err, size_t errlen);
/* Makes the temporary file whole (fsync), gives it the replaced file's
 * mode and owner where it can, and renames it over the target. */
int report_file_commit(struct report_file *f, char *err, size_t errlen);
/* Closes and, unless committed, removes the temporary file. */
void report_file_close(struct report_file *f);

#endif
