/*
 * contacts.h - the facility's contact points (data/contacts.conf, then
 * /etc/anshin-ir/contacts.conf, then $XDG_CONFIG_HOME/anshin-ir/contacts.conf,
 * merged key by key). Unset values stay unset: the views print "not set" and
 * a hint, never an invented number.
 */
#ifndef ANSHIN_CONTACTS_H
#define ANSHIN_CONTACTS_H

#include <stddef.h>

#include "util.h"

struct contacts;

/* The sections a contacts file may have, in display order. */
extern const char *const contacts_sections[];
/* The keys a section may have. */
extern const char *const contacts_keys[];

struct contacts *contacts_new(void);
/* Parses one file of len bytes and merges it over c: a set value replaces,
 * an empty one ("phone =") leaves the earlier value. Errors
 * "NAME:LINE: message", ST_CONFIG (unknown section or key, syntax, a NUL
 * byte). */
int contacts_parse_string(struct contacts *c, const char *text, size_t len,
    const char *name, char *err, size_t errlen);
/* As above from a file; a missing file is not an error (ST_OK), one that
 * is not a regular file is (ST_CONFIG). */
int contacts_merge_file(struct contacts *c, const char *path, char *err,
    size_t errlen);
void contacts_free(struct contacts *c);
/* When the newest of the files merged was last changed (seconds since
 * the epoch), or 0 when none was read: the card prints it. */
long long contacts_changed(const struct contacts *c);

/* "section.key" (e.g. "support_desk.phone"), in lang when the file gives
 * "key.ja"/"key.en", else the plain key. NULL when unset. */
const char *contacts_get(const struct contacts *c, const char *section_key,
    enum lang lang);
/* 1 when s is a 法人番号: 13 digits with a valid check digit. */
int contacts_corporate_number_valid(const char *s);
/* 1 when section is one of contacts_sections. */
int contacts_section_known(const char *section);
/* The user's own contacts file ($XDG_CONFIG_HOME/anshin-ir/contacts.conf,
 * else ~/.config/anshin-ir/contacts.conf), for "where to set it" hints. */
char *contacts_user_file(void);

/* 1 when section may have key (docs/contract.md §1: the facility, its two
 * people and the desks one calls have different keys). */
int contacts_key_allowed(const char *section, const char *key);

/* contacts_file.c: a copy of a contacts file's text with [section] key
 * set to value (the key's .ja/.en lines in that section dropped, so the
 * value shows in both languages); NULL or "" drops the key, and an
 * earlier file's value shows again. Comments and other lines are kept;
 * a missing section is added at the end. */
char *contacts_file_set(const char *text, const char *section,
    const char *key, const char *value);
/* The same on the user's own file (contacts_user_file), checked by the
 * parser before it replaces the old one atomically, mode 0600. */
int contacts_user_set(const char *section, const char *key,
    const char *value, char *err, size_t errlen);

/* One line describing a section: "name / phone / hours", with each unset
 * part given as `unset` (the caller's translated "not set"). */
char *contacts_describe(const struct contacts *c, const char *section,
    enum lang lang, const char *unset);

/* A copy of text (an action's detail) with every "{section}" placeholder
 * replaced by contacts_describe. Sets *any_unset (may be NULL) when a
 * described contact has no phone number yet. */
char *contacts_expand(const struct contacts *c, const char *text,
    enum lang lang, const char *unset, int *any_unset);

#endif
