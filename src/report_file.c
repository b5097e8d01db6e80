/*
 * report_file.c - the PDF's file (report_file.h). The rename replaces a
 * directory entry whatever it is: run as root, `export -o /dev/null` once
 * turned the device into a 0600 PDF (issue 12), so a target that exists
 * must be a regular file; and a report rewritten in place keeps who may
 * read it.
 */
#include "report_file.h"

#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

/* What path is now: nothing, or a regular file to replace. lstat: a
 * symbolic link is not a regular file, and the rename would replace the
 * link, not what it points to. */
static int
check_target(struct report_file *f, char *err, size_t errlen)
{
	if (lstat(f->path, &f->old) != 0) {
		if (errno == ENOENT)
			return ST_OK;
		return err_set(err, errlen, ST_CANTCREAT, _("cannot create "
		    "%s: %s"), f->path, strerror(errno));
	}
	if (!S_ISREG(f->old.st_mode))
		return err_set(err, errlen, ST_CANTCREAT, _("cannot create "
		    "%s: it exists and is not a regular file"), f->path);
	f->replace = 1;
	return ST_OK;
}

/* The temporary file sits beside the target so the rename is atomic. */
int
report_file_open(struct report_file *f, const char *path, char *err,
    size_t errlen)
{
	char *d, *b;
	int rc;

	memset(f, 0, sizeof *f);
	f->path = path;
	f->fd = -1;
	rc = check_target(f, err, errlen);
	if (rc != ST_OK)
		return rc;
	d = xstrdup(path);
	b = xstrdup(path);
	f->tmp = xasprintf("%s/.%s.XXXXXX", dirname(d), basename(b));
	free(d);
	free(b);
	f->fd = mkstemp(f->tmp);
	if (f->fd < 0) {
		rc = err_set(err, errlen, ST_CANTCREAT, _("cannot create %s: "
		    "%s"), path, strerror(errno));
		free(f->tmp);
		f->tmp = NULL;
	}
	return rc;
}

/* Only root may give a file away, and a user only to a group they are
 * in: where neither is allowed the report stays the user's. The mode
 * goes last, a change of owner may clear bits of it. */
static void
keep_owner_and_mode(const struct report_file *f)
{
	int rc = fchown(f->fd, f->old.st_uid, f->old.st_gid);

	if (rc != 0)
		rc = fchown(f->fd, (uid_t)-1, f->old.st_gid);
	(void)rc;
	(void)fchmod(f->fd, f->old.st_mode & 0777);
}

int
report_file_commit(struct report_file *f, char *err, size_t errlen)
{
	int rc = ST_OK;

	if (f->replace)
		keep_owner_and_mode(f);
	if (fsync(f->fd) != 0)
		rc = err_set(err, errlen, ST_IOERR, _("cannot write %s: %s"),
		    f->path, strerror(errno));
	if (close(f->fd) != 0 && rc == ST_OK)
		rc = err_set(err, errlen, ST_IOERR, _("cannot write %s: %s"),
		    f->path, strerror(errno));
	f->fd = -1;
	if (rc != ST_OK)
		return rc;
	if (rename(f->tmp, f->path) != 0)
		return err_set(err, errlen, ST_CANTCREAT, _("cannot create "
		    "%s: %s"), f->path, strerror(errno));
	free(f->tmp);
	f->tmp = NULL;
	return ST_OK;
}

void
report_file_close(struct report_file *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	if (f->tmp != NULL)
		unlink(f->tmp);
	free(f->tmp);
	f->tmp = NULL;
}
