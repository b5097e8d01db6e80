/*
 * report_file.c - the PDF's file (report_file.h). The rename replaces a
 * directory entry whatever it is: run as root, `export -o /dev/null` once
 * turned the device into a 0600 PDF, so a target that exists
 * must be a regular file; and a report rewritten in place keeps who may
 * read it. The temporary file holds patient data: it goes on every error
 * and with every catchable signal that ends the program (400
 * kills during exports had left 54 copies).
 */
#include "report_file.h"

#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

/* ---- signals -------------------------------------------------------------
 * The signals whose default action ends the process. One temporary file
 * at a time (the program writes one report at a time): its path sits in
 * a static buffer, since a handler may only make async-signal-safe calls;
 * it removes the file with unlink(2), puts back the action the signal had
 * (the default, for the command line) and raises it again. Signals the
 * program ignores (SIGXFSZ, see main.c; SIGHUP under nohup) stay ignored. */

static const int fatal[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE,
	SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM, SIGTERM, SIGXCPU,
	SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS,
#ifdef SIGPWR
	SIGPWR,
#endif
};
#define NFATAL (sizeof fatal / sizeof fatal[0])

static char temp_path[PATH_MAX];
static volatile sig_atomic_t armed;
static struct sigaction saved[NFATAL];
static int installed[NFATAL];

static void
on_fatal(int sig)
{
	size_t i;

	if (armed) {
		unlink(temp_path);
		armed = 0;
	}
	for (i = 0; i < NFATAL; i++)
		if (fatal[i] == sig && installed[i])
			sigaction(sig, &saved[i], NULL);
	raise(sig);
}

/* Arming and disarming happen with these signals blocked, so that a
 * signal never finds the file made but not yet known, or renamed but
 * still known. */
static void
block_fatal(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < NFATAL; i++)
		sigaddset(&set, fatal[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

static void
arm(const char *tmp)
{
	struct sigaction sa;
	size_t i;

	memcpy(temp_path, tmp, strlen(tmp) + 1);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_fatal;
	sigfillset(&sa.sa_mask);
	for (i = 0; i < NFATAL; i++)
		installed[i] = sigaction(fatal[i], NULL, &saved[i]) == 0 &&
		    saved[i].sa_handler != SIG_IGN &&
		    sigaction(fatal[i], &sa, NULL) == 0;
	armed = 1;
}

static void
disarm(void)
{
	size_t i;

	armed = 0;
	for (i = 0; i < NFATAL; i++)
		if (installed[i])
			sigaction(fatal[i], &saved[i], NULL);
	memset(installed, 0, sizeof installed);
}

/* ---- the file ------------------------------------------------------------ */

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
	sigset_t old;
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
	errno = ENAMETOOLONG;
	if (strlen(f->tmp) < sizeof temp_path) {
		block_fatal(&old);
		f->fd = mkstemp(f->tmp);
		if (f->fd >= 0)
			arm(f->tmp);
		sigprocmask(SIG_SETMASK, &old, NULL);
	}
	if (f->fd < 0) {
		rc = err_set(err, errlen, ST_CANTCREAT, _("cannot create %s: "
		    "%s"), path, strerror(errno));
		free(f->tmp);
		f->tmp = NULL;
	}
	return rc;
}

int
report_file_write(struct report_file *f, const void *data, size_t n,
    char *err, size_t errlen)
{
	const char *p = data;
	ssize_t w;

	while (n > 0) {
		w = write(f->fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return err_set(err, errlen, ST_IOERR, _("cannot write "
			    "%s: %s"), f->path, strerror(errno));
		p += w;
		n -= (size_t)w;
	}
	return ST_OK;
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
	sigset_t old;
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
	block_fatal(&old);
	if (rename(f->tmp, f->path) != 0) {
		rc = err_set(err, errlen, ST_CANTCREAT, _("cannot create %s: "
		    "%s"), f->path, strerror(errno));
	} else {
		disarm();
		free(f->tmp);
		f->tmp = NULL;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}

void
report_file_close(struct report_file *f)
{
	sigset_t old;

	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	if (f->tmp == NULL)
		return;
	block_fatal(&old);
	unlink(f->tmp);
	disarm();
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(f->tmp);
	f->tmp = NULL;
}
