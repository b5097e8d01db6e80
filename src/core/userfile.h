/*
 * userfile.h - the user's own files beside contacts.conf, under
 * $XDG_CONFIG_HOME/anshin-ir/ (else ~/.config/anshin-ir/): the name last
 * used to sign changes on this account, and the contacts the settings
 * screen writes. Written atomically (a temporary file in the same
 * directory, then rename), mode 0600, the directory 0700.
 */
#ifndef ANSHIN_USERFILE_H
#define ANSHIN_USERFILE_H

#include <stddef.h>

/* The path of NAME in the user's anshin-ir config directory (caller
 * frees), or NULL when there is no home directory. */
char *userfile_path(const char *name);

/* Replaces path with text (len bytes): the directory is created (0700)
 * when missing, the old file stays whole until the new one is complete.
 * ST_OK, or ST_CANTCREAT / ST_IOERR with the reason in err. */
int userfile_write(const char *path, const char *text, size_t len,
    char *err, size_t errlen);

/* The first line of the file NAME in the config directory, or NULL when
 * it is missing, empty or unreadable (caller frees). */
char *userfile_read_line(const char *name);

#endif
