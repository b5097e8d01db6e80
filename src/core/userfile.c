/*
 * userfile.c - the user's own files under $XDG_CONFIG_HOME/anshin-ir/
 * (userfile.h). A settings file half written when the power goes would
 * lose every contact the facility typed in: the new text goes to a
 * temporary file in the same directory, is flushed, then renamed over
 * the old one, which rename(2) does atomically.
 */
#include "userfile.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

char *
userfile_path(const char *name)
{
	const char *xdg = getenv("XDG_CONFIG_HOME");
	const char *home = getenv("HOME");
	struct passwd *pw;

	/* The XDG spec says relative values are invalid and to be ignored. */
	if (xdg != NULL && xdg[0] == '/')
		return xasprintf("%s/anshin-ir/%s", xdg, name);
	if (home == NULL || home[0] == '\0') {
		pw = getpwuid(getuid());
		home = pw != NULL ? pw->pw_dir : NULL;
	}
	if (home == NULL || home[0] == '\0')
		return NULL;
	return xasprintf("%s/.config/anshin-ir/%s", home, name);
}

/* mkdir -p of the directory part of path, new ones 0700. */
static int
make_dirs(const char *path, char *err, size_t errlen)
{
	char *dir = xstrdup(path), *p;
	int rc = ST_OK;

	if ((p = strrchr(dir, '/')) != NULL)
		*p = '\0';
	for (p = dir + 1; rc == ST_OK && (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			rc = ST_CANTCREAT;
		*p = '/';
	}
	if (rc == ST_OK && *dir != '\0' && mkdir(dir, 0700) != 0 &&
	    errno != EEXIST)
		rc = ST_CANTCREAT;
	if (rc != ST_OK)
		err_set(err, errlen, rc, _("cannot create the directory %s: %s"),
		    dir, strerror(errno));
	free(dir);
	return rc;
}

static int
write_all(int fd, const char *text, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(fd, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

int
userfile_write(const char *path, const char *text, size_t len, char *err,
    size_t errlen)
{
	char *tmp;
	int fd, rc;

	if ((rc = make_dirs(path, err, errlen)) != ST_OK)
		return rc;
	tmp = xasprintf("%s.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = err_set(err, errlen, ST_CANTCREAT, _("cannot write %s: %s"),
		    path, strerror(errno));
		free(tmp);
		return rc;
	}
	if (fchmod(fd, 0600) != 0 || write_all(fd, text, len) != 0 ||
	    fsync(fd) != 0)
		rc = err_set(err, errlen, ST_IOERR, _("cannot write %s: %s"),
		    path, strerror(errno));
	if (close(fd) != 0 && rc == ST_OK)
		rc = err_set(err, errlen, ST_IOERR, _("cannot write %s: %s"),
		    path, strerror(errno));
	if (rc == ST_OK && rename(tmp, path) != 0)
		rc = err_set(err, errlen, ST_IOERR, _("cannot write %s: %s"),
		    path, strerror(errno));
	if (rc != ST_OK)
		unlink(tmp);
	free(tmp);
	return rc;
}

char *
userfile_read_line(const char *name)
{
	char *path = userfile_path(name), *text = NULL, *line = NULL;
	size_t len;

	if (path != NULL && util_read_data(path, &text, &len, NULL, 0) ==
	    ST_OK) {
		text[strcspn(text, "\r\n")] = '\0';
		if (*util_trim(text) != '\0')
			line = xstrdup(util_trim(text));
	}
	free(text);
	free(path);
	return line;
}
