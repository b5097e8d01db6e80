/*
 * ini.c - the line tokenizer behind every loader. It owns positions,
 * escapes and continuation lines so that each loader only decides what a
 * key means, and so that all of them report errors the same way:
 * "FILE:LINE: message", exit 65 or 78 chosen by the caller's callback.
 */
#include "ini.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

int
ini_valid_name(const char *s, int letter_first)
{
	if (s == NULL || *s == '\0' || (letter_first && !(*s >= 'a' &&
	    *s <= 'z')))
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return 0;
	return 1;
}

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

/* The parse of one text: where it is, the block it is in, and the key
 * line whose value may still continue (INI_CONTINUE). */
struct ini_parser {
	unsigned flags;
	ini_fn fn;
	void *ud;
	char *section, *secname;
	char *key;			/* the key line not yet handed to fn */
	int key_line;
	struct buf value;		/* its value, unescaped, so far */
	int lineno;
	int err_line;			/* where the error being reported is */
};

/* Japanese is written without spaces between words, English with them:
 * a space is put between two pieces only where neither side is a wide
 * (CJK, kana, full-width) character or a line break. */
static int
join_needs_space(uint32_t before, uint32_t after)
{
	if (before == 0 || after == 0 || before == '\n' || after == '\n')
		return 0;
	return text_cp_width(before) < 2 && text_cp_width(after) < 2;
}

/* Adds one line's piece of a value: trimmed, unescaped, then joined. */
static int
add_piece(struct ini_parser *ps, char *raw, char *err, size_t errlen)
{
	char *piece = util_trim(raw);
	int rc = ini_unescape(piece, err, errlen);

	if (rc != ST_OK)
		return rc;
	if (ps->value.len > 0 && join_needs_space(text_last_cp(ps->value.s,
	    ps->value.len), text_first_cp(piece)))
		buf_addc(&ps->value, ' ');
	buf_adds(&ps->value, piece);
	return ST_OK;
}

/* Hands the pending key line to the loader. */
static int
flush(struct ini_parser *ps, char *err, size_t errlen)
{
	struct ini_line l;

	if (ps->key == NULL)
		return ST_OK;
	memset(&l, 0, sizeof l);
	l.section = ps->section;
	l.name = ps->secname;
	l.key = ps->key;
	l.value = ps->value.s != NULL ? ps->value.s : "";
	l.line = ps->key_line;
	ps->key = NULL;
	ps->err_line = l.line;
	return ps->fn(ps->ud, &l, err, errlen);
}

/* With INI_CONTINUE, an indented line that is not blank and not a
 * comment continues the value above it. */
static int
continues(const struct ini_parser *ps, const char *s)
{
	if (!(ps->flags & INI_CONTINUE) || (*s != ' ' && *s != '\t'))
		return 0;
	s += strspn(s, " \t");
	return *s != '\0' && *s != '\r' && *s != '#';
}

static int
continue_value(struct ini_parser *ps, char *s, char *err, size_t errlen)
{
	if (ps->key == NULL)
		return err_set(err, errlen, ST_DATAERR, _("an indented line "
		    "continues the value of the key line above it, and there "
		    "is none (start keys and sections at the beginning of the "
		    "line)"));
	return add_piece(ps, s, err, errlen);
}

static int
head_line(struct ini_parser *ps, char *s, char *err, size_t errlen)
{
	struct ini_line l;
	int rc = split_head(s, &ps->section, &ps->secname, err, errlen);

	if (rc != ST_OK)
		return rc;
	memset(&l, 0, sizeof l);
	l.section = ps->section;
	l.name = ps->secname;
	l.line = ps->lineno;
	return ps->fn(ps->ud, &l, err, errlen);
}

static int
parse_line(struct ini_parser *ps, char *s, char *err, size_t errlen)
{
	char *eq;
	int rc;

	s = util_trim(s);
	if (*s == '\0' || *s == '#')
		return ST_OK;
	if (*s == '[')
		return head_line(ps, s, err, errlen);
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
	ps->key = util_trim(s);
	ps->key_line = ps->lineno;
	buf_reset(&ps->value);
	if (ps->key[0] == '\0') {
		ps->key = NULL;
		return err_set(err, errlen, ST_DATAERR, _("empty key before '='"));
	}
	rc = add_piece(ps, eq + 1, err, errlen);
	if (rc != ST_OK)
		ps->key = NULL;
	/* Without continuations the value is complete: hand it over now, so
	 * that errors come in the order of the lines. */
	else if (!(ps->flags & INI_CONTINUE))
		rc = flush(ps, err, errlen);
	return rc;
}

/* One line of the text, NUL-terminated in place. */
static int
one_line(struct ini_parser *ps, char *p, char *err, size_t errlen)
{
	int cont = continues(ps, p), rc;

	/* The value above is complete: its errors come before this line's. */
	if (!cont && (rc = flush(ps, err, errlen)) != ST_OK)
		return rc;
	ps->lineno++;
	ps->err_line = ps->lineno;
	if (!text_valid_utf8(p, strlen(p)))
		return err_set(err, errlen, ST_DATAERR,
		    _("not UTF-8 text (save the file as UTF-8)"));
	if (p[0] != '\0' && p[strlen(p) - 1] == '\r')
		p[strlen(p) - 1] = '\0';
	return cont ? continue_value(ps, p, err, errlen) :
	    parse_line(ps, p, err, errlen);
}

int
ini_parse_string(const char *text, size_t len, const char *name,
    unsigned flags, ini_fn fn, void *ud, char *err, size_t errlen)
{
	struct ini_parser ps;
	char *copy, *p, *nl, msg[512];
	int rc = util_check_nul(text, len, name, ST_DATAERR, err, errlen);

	if (rc != ST_OK)
		return rc;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	memset(&ps, 0, sizeof ps);
	ps.flags = flags;
	ps.fn = fn;
	ps.ud = ud;
	buf_init(&ps.value);
	copy = xstrndup(text, len);
	msg[0] = '\0';
	for (p = copy; p != NULL && rc == ST_OK; p = nl) {
		nl = strchr(p, '\n');
		if (nl != NULL)
			*nl++ = '\0';
		rc = one_line(&ps, p, msg, sizeof msg);
	}
	if (rc == ST_OK)
		rc = flush(&ps, msg, sizeof msg);
	if (rc != ST_OK)
		err_set(err, errlen, rc, "%s:%d: %s", name, ps.err_line, msg);
	buf_free(&ps.value);
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
