/*
 * contacts_file.c - writes the settings screen's changes into the user's
 * contacts.conf (contacts.h) as text: a line replaced, added or dropped,
 * every comment and every other line kept as the person or the
 * administrator wrote them. The new text is parsed before it replaces the
 * old, so the file can never be left in a state the program refuses.
 */
#include "contacts.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "userfile.h"

/* The key of a "key = value" line, trimmed, in out; 0 when the line is
 * not one. */
static int
line_key(const char *line, char *out, size_t len)
{
	const char *p = line + strspn(line, " \t"), *eq = strchr(p, '=');
	size_t n;

	if (*p == '#' || *p == '[' || eq == NULL)
		return 0;
	n = (size_t)(eq - p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= len)
		return 0;
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

/* The section a "[name]" line opens, in out; 0 when it is not one. */
static int
line_section(const char *line, char *out, size_t len)
{
	const char *p = line + strspn(line, " \t"), *end;
	size_t n;

	if (*p != '[' || (end = strchr(p, ']')) == NULL)
		return 0;
	p++;
	p += strspn(p, " \t");
	n = (size_t)(end - p);
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	if (n >= len)
		return 0;
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

/* key, key.ja or key.en */
static int
same_key(const char *k, const char *key)
{
	size_t n = strlen(key);

	return strncmp(k, key, n) == 0 && (k[n] == '\0' ||
	    strcmp(k + n, ".ja") == 0 || strcmp(k + n, ".en") == 0);
}

static char *
escaped_line(const char *key, const char *value)
{
	struct buf b;

	buf_init(&b);
	buf_addf(&b, "%s = ", key);
	for (; *value != '\0'; value++)
		if (*value == '\\')
			buf_adds(&b, "\\\\");
		else if (*value == '\n')
			buf_adds(&b, "\\n");
		else if (*value != '\r')
			buf_addc(&b, *value);
	buf_addc(&b, '\n');
	return buf_steal(&b);
}

/* Lines of text, each with its end of line. */
static void
split_lines(const char *text, struct strv *out)
{
	const char *p = text, *nl;
	char *line;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		line = nl != NULL ? xstrndup(p, (size_t)(nl - p + 1)) :
		    xasprintf("%s\n", p);
		strv_push(out, line);
		free(line);
		p = nl != NULL ? nl + 1 : p + strlen(p);
	}
}

char *
contacts_file_set(const char *text, const char *section, const char *key,
    const char *value)
{
	struct strv lines = { NULL, 0 };
	char name[128], k[128], *set = NULL;
	long at = -1, last = -1;
	int inside = 0, found = 0;
	struct buf b;
	size_t i;

	if (value != NULL && *value != '\0')
		set = escaped_line(key, value);
	split_lines(text != NULL ? text : "", &lines);
	for (i = 0; i < lines.n; i++) {
		if (line_section(lines.v[i], name, sizeof name)) {
			inside = strcmp(name, section) == 0;
			found |= inside;
			if (inside)
				last = (long)i;
			continue;
		}
		if (!inside)
			continue;
		if (line_key(lines.v[i], k, sizeof k) && same_key(k, key)) {
			if (at < 0)
				at = (long)i;
			lines.v[i][0] = '\0';	/* dropped */
		} else if (lines.v[i][strspn(lines.v[i], " \t\r\n")] != '\0' &&
		    lines.v[i][strspn(lines.v[i], " \t")] != '#')
			last = (long)i;
	}
	if (at < 0)
		at = last + 1;
	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < lines.n; i++) {
		if ((long)i == at && found && set != NULL)
			buf_adds(&b, set);
		buf_adds(&b, lines.v[i]);
	}
	if (found && at == (long)lines.n && set != NULL)
		buf_adds(&b, set);
	if (!found && set != NULL)
		buf_addf(&b, "%s[%s]\n%s", b.len > 0 ? "\n" : "", section, set);
	strv_free(&lines);
	free(set);
	return buf_steal(&b);
}

static const char *const header =
    "# anshin-ir: the contacts of this account (man 5 anshin-ir).\n"
    "# The settings screen (anshin-ir settings) writes here; comments and\n"
    "# other lines are kept as they are.\n";

int
contacts_user_set(const char *section, const char *key, const char *value,
    char *err, size_t errlen)
{
	struct contacts *check;
	char *path = contacts_user_file(), *old = NULL, *text, msg[512];
	size_t len = 0;
	int rc;

	if (path == NULL)
		return err_set(err, errlen, ST_CANTCREAT, _("no home directory "
		    "to keep the contacts in"));
	rc = util_read_data(path, &old, &len, msg, sizeof msg);
	if (rc == ST_NOINPUT) {
		old = xstrdup(header);
		rc = ST_OK;
	}
	if (rc != ST_OK) {
		free(path);
		return err_set(err, errlen, rc, "%s", msg);
	}
	text = contacts_file_set(old, section, key, value);
	check = contacts_new();
	rc = contacts_parse_string(check, text, strlen(text), path, err,
	    errlen);
	contacts_free(check);
	if (rc == ST_OK)
		rc = userfile_write(path, text, strlen(text), err, errlen);
	free(text);
	free(old);
	free(path);
	return rc;
}
