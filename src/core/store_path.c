/*
 * store_path.c - where the database lives and who may touch it: the
 * default path of docs/contract.md §1, the directories created 0700 and the
 * file 0600, and the refusals of a directory others can write to (unless
 * sticky) and of a database, -wal or -shm file that is not the user's own
 * private regular file.
 *
 * Why: an incident record is evidence (APPI reports, audits) and holds
 * patient data. Others who can write the directory can swap the file; a
 * file planted by someone else in a shared directory, or one others can
 * read, is patient data in the wrong hands.
 */
#include "store_int.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

static const char *
env_nonempty(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : NULL;
}

char *
store_default_path(void)
{
	const char *v, *home;
	struct passwd *pw;

	if ((v = env_nonempty("ANSHIN_IR_DB")) != NULL)
		return xstrdup(v);
	/* the XDG spec says to ignore a relative XDG_DATA_HOME */
	if ((v = env_nonempty("XDG_DATA_HOME")) != NULL && v[0] == '/')
		return xasprintf("%s/anshin-ir/incidents.db", v);
	home = env_nonempty("HOME");
	if (home == NULL && (pw = getpwuid(getuid())) != NULL &&
	    pw->pw_dir != NULL && pw->pw_dir[0] != '\0')
		home = pw->pw_dir;
	if (home == NULL)
		return NULL;
	return xasprintf("%s/.local/share/anshin-ir/incidents.db", home);
}

/* The directory part of path ("." when none), malloc'd. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	while (slash > path && slash[-1] == '/')
		slash--;
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

static int
make_dir(const char *dir, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(dir, &sb) == 0)
		return ST_OK;	/* not a directory: open reports ENOTDIR */
	if (mkdir(dir, 0700) == 0 || errno == EEXIST)
		return ST_OK;
	return err_set(err, errlen, ST_CANTCREAT,
	    _("cannot create directory %s: %s"), dir, strerror(errno));
}

/* mkdir -p with 0700; directories that exist keep their mode. */
static int
make_dirs(char *dir, char *err, size_t errlen)
{
	char *p;
	int code;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/' || p[-1] == '/')
			continue;
		*p = '\0';
		code = make_dir(dir, err, errlen);
		*p = '/';
		if (code != ST_OK)
			return code;
	}
	return make_dir(dir, err, errlen);
}

/* Others who can write the directory can replace the database with their
 * own; the sticky bit stops that for files they do not own. */
static int
check_dir(const char *dir, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(dir, &sb) != 0)
		return err_set(err, errlen, ST_CANTCREAT, _("cannot use the "
		    "database directory %s: %s"), dir, strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return err_set(err, errlen, ST_CANTCREAT, _("cannot use the "
		    "database directory %s: it is not a directory"), dir);
	if ((sb.st_mode & (S_IWGRP | S_IWOTH)) == 0 ||
	    (sb.st_mode & S_ISVTX) != 0)
		return ST_OK;
	return err_set(err, errlen, ST_NOPERM,
	    _("directory %s is writable by %s; run chmod 700 %s or choose --db"
	    " elsewhere"), dir, (sb.st_mode & S_IWOTH) ? _("others") : _("its group"),
	    dir);
}

/* Creating the file ourselves fixes its mode; SQLite would use 0644, and
 * gives its -wal and -shm files the mode of the database. An existing file
 * is never opened here: closing any descriptor of a file drops all of this
 * process's POSIX locks on it, SQLite's included, and a second connection
 * in the same process would then checkpoint and delete a WAL still in use. */
static int
create_file(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	struct stat sb;

	if (fd < 0 && errno == EEXIST) {
		if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
			return err_set(err, errlen, ST_CANTCREAT,
			    _("cannot create %s: %s"), path, strerror(EISDIR));
		return ST_OK;
	}
	if (fd < 0)
		return err_set(err, errlen, ST_CANTCREAT,
		    _("cannot create %s: %s"), path, strerror(errno));
	close(fd);
	return ST_OK;
}

/* The database (and SQLite's -wal and -shm beside it) must be this
 * user's own regular file, private to them: a file planted by someone else
 * in a shared directory, or one others can read, is patient data in the
 * wrong hands. A file this user cannot write is refused too: SQLite would
 * give a -shm it creates the same mode and break every later write. */
static int
check_file(const char *path, int must_exist, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && !must_exist)
			return ST_OK;
		return err_set(err, errlen, errno == ENOENT ? ST_NOINPUT :
		    ST_CANTCREAT, _("cannot use the database %s: %s"), path,
		    strerror(errno));
	}
	if (!S_ISREG(sb.st_mode))
		return err_set(err, errlen, ST_NOPERM, _("%s is not a regular "
		    "file; choose --db elsewhere"), path);
	if (sb.st_uid != geteuid())
		return err_set(err, errlen, ST_NOPERM, _("%s belongs to another "
		    "user (uid %u), not to you; move it away or choose --db "
		    "elsewhere"), path, (unsigned)sb.st_uid);
	if ((sb.st_mode & 077) != 0 || (sb.st_mode & 0600) != 0600)
		return err_set(err, errlen, ST_NOPERM, _("%s has mode %04o; it "
		    "must be readable and writable by you alone: run chmod 600 "
		    "%s"), path, (unsigned)(sb.st_mode & 07777), path);
	return ST_OK;
}

static int
check_files(const char *path, char *err, size_t errlen)
{
	static const char *const side[] = { "-wal", "-shm" };
	char *p;
	size_t i;
	int code = check_file(path, 1, err, errlen);

	for (i = 0; i < 2 && code == ST_OK; i++) {
		p = xasprintf("%s%s", path, side[i]);
		code = check_file(p, 0, err, errlen);
		free(p);
	}
	return code;
}

int
store_path_prepare(const char *path, int create, char *err, size_t errlen)
{
	struct stat sb;
	char *dir;
	int code;

	if (path == NULL || *path == '\0')
		return err_set(err, errlen, ST_USAGE, _("empty database path"));
	if (!create && stat(path, &sb) != 0 && errno == ENOENT)
		return err_set(err, errlen, ST_NOINPUT, _("no database at %s: "
		    "nothing has been recorded there (check --db or "
		    "ANSHIN_IR_DB)"), path);
	dir = dir_of(path);
	code = create ? make_dirs(dir, err, errlen) : ST_OK;
	if (code == ST_OK)
		code = check_dir(dir, err, errlen);
	free(dir);
	if (code == ST_OK && create)
		code = create_file(path, err, errlen);
	return code == ST_OK ? check_files(path, err, errlen) : code;
}
