/*
 * ini.c - the line tokenizer behind every loader. It owns positions and
 * escapes so that each loader only decides what a key means, and so that all
 * of them report errors the same way: "FILE:LINE: message", exit 65 or 78
 * chosen by the caller's callback.
 */
#include "ini.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

int
ini_unescape(char *s, char *err, size_t errlen)
{
	char *r = s, *w = s;

	while (*r != '\0') {
		if (*r != '\\') {
			*w++ = *r++;
			continue;
		}
		if (r[1] == 'n')
			*w++ = '\n';
		else if (r[1] == '\\')
			*w++ = '\\';
		else
			return err_set(err, errlen, ST_DATAERR,
			    _("unknown escape '\\%c' (only \\n and \\\\ are allowed)"),
			    r[1] != '\0' ? r[1] : ' ');
		r += 2;
	}
	*w = '\0';
	return ST_OK;
}

/* "[type name]" -> section and name, in place. */
static int
split_head(char *s, char **section, char **name, char *err, size_t errlen)
{
	char *end = strchr(s, ']'), *sp;

	if (end == NULL || util_trim(end + 1)[0] != '\0')
		return err_set(err, errlen, ST_DATAERR,
		    _("expected '[section]' or '[type name]'"));
	*end = '\0';
	s = util_trim(s + 1);
	sp = strpbrk(s, " \t");
	*name = NULL;
	if (sp != NULL) {
		*sp = '\0';
		*name = util_trim(sp + 1);
	}
	*section = s;
	if (*s == '\0')
		return err_set(err, errlen, ST_DATAERR, _("empty section name"));
	return ST_OK;
}

static int
parse_line(char *s, struct ini_line *l, char **section, char **name,
    ini_fn fn, void *ud, char *err, size_t errlen)
{
	char *eq;
	int rc;

	s = util_trim(s);
	if (*s == '\0' || *s == '#')
		return ST_OK;
	if (*s == '[') {
		rc = split_head(s, section, name, err, errlen);
		if (rc != ST_OK)
			return rc;
		l->section = *section;
		l->name = *name;
		l->key = l->value = NULL;
		return fn(ud, l, err, errlen);
	}
	eq = strchr(s, '=');
	if (eq == NULL) {
		/* Cut by columns, never inside a character. */
		char *shown = text_fit(s, 40);

		err_set(err, errlen, ST_DATAERR,
		    _("expected 'key = value' but found '%s'"), shown);
		free(shown);
		return ST_DATAERR;
	}
	*eq = '\0';
	l->key = util_trim(s);
	if (l->key[0] == '\0')
		return err_set(err, errlen, ST_DATAERR, _("empty key before '='"));
	rc = ini_unescape(eq + 1, err, errlen);
	if (rc != ST_OK)
		return rc;
	l->value = util_trim(eq + 1);
	return fn(ud, l, err, errlen);
}

int
ini_parse_string(const char *text, size_t len, const char *name, ini_fn fn,
    void *ud, char *err, size_t errlen)
{
	char *copy, *p, *nl, *section = NULL, *secname = NULL;
	char msg[512];
	struct ini_line l;
	int lineno = 0, rc = ST_OK;

	rc = util_check_nul(text, len, name, ST_DATAERR, err, errlen);
	if (rc != ST_OK)
		return rc;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	copy = xstrndup(text, len);
	for (p = copy; p != NULL && rc == ST_OK; p = nl) {
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl++ = '\0';
		if (!text_valid_utf8(p, strlen(p))) {
			rc = err_set(err, errlen, ST_DATAERR,
			    _("%s:%d: not UTF-8 text (save the file as UTF-8)"),
			    name, lineno + 1);
			break;
		}
		if (p[0] != '\0' && p[strlen(p) - 1] == '\r')
			p[strlen(p) - 1] = '\0';
		lineno++;
		memset(&l, 0, sizeof l);
		l.section = section;
		l.name = secname;
		l.line = lineno;
		msg[0] = '\0';
		rc = parse_line(p, &l, &section, &secname, fn, ud, msg,
		    sizeof msg);
		if (rc != ST_OK)
			err_set(err, errlen, rc, "%s:%d: %s", name, lineno, msg);
	}
	free(copy);
	return rc;
}

int
ini_set_tr(struct tr *t, const char *key, const char *stem, const char *value,
    int *handled, char *err, size_t errlen)
{
	size_t n = strlen(stem);
	enum lang lang;

	if (*handled || strncmp(key, stem, n) != 0 || key[n] != '.')
		return ST_OK;
	if (strcmp(key + n + 1, "ja") == 0)
		lang = LANG_JA;
	else if (strcmp(key + n + 1, "en") == 0)
		lang = LANG_EN;
	else
		return ST_OK;
	*handled = 1;
	if (t->s[lang] != NULL)
		return err_set(err, errlen, ST_CONFIG, _("'%s' given twice"), key);
	t->s[lang] = xstrdup(value);
	return ST_OK;
}
