/*
 * contacts.c - owns the facility's contact points: the parser of
 * contacts.conf files, their key-by-key merge (shipped data/contacts.conf <
 * /etc/anshin-ir/contacts.conf < the user's own file), lookups in either
 * language, and the one-line description the checklist shows for a
 * {section} placeholder. Nothing here invents a value: what no file sets
 * stays NULL, and the views print it as "not set" with a hint.
 */
#include "contacts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "userfile.h"

/* Display order; the placeholders of data/actions.rules use these names. */
const char *const contacts_sections[] = {
	"facility", "person_in_charge", "deputy", "support_desk",
	"enquiry_desk", "vendor", "carrier", "police", "municipality", "ppc",
	"mhlw", NULL
};

const char *const contacts_keys[] = {
	"name", "type", "address", "phone", "hours", "email", "url", "note",
	"corporate_number", "representative", "postal_code", "title", NULL
};

#define NSECT 11
#define NKEY 12
enum {
	KEY_NAME, KEY_TYPE, KEY_ADDRESS, KEY_PHONE, KEY_HOURS, KEY_EMAIL,
	KEY_URL, KEY_NOTE, KEY_CORPORATE_NUMBER, KEY_REPRESENTATIVE,
	KEY_POSTAL_CODE, KEY_TITLE
};
enum { SECT_FACILITY, SECT_PERSON_IN_CHARGE, SECT_DEPUTY };
#define K(k) (1u << (k))
/* The keys of docs/contract.md §1's facility profile are the facility's and its
 * two people's; a desk one calls has opening hours instead. */
#define DESK_KEYS (K(KEY_NAME) | K(KEY_ADDRESS) | K(KEY_PHONE) | \
	K(KEY_HOURS) | K(KEY_EMAIL) | K(KEY_URL) | K(KEY_NOTE))
#define FACILITY_KEYS (DESK_KEYS | K(KEY_TYPE) | K(KEY_CORPORATE_NUMBER) | \
	K(KEY_REPRESENTATIVE) | K(KEY_POSTAL_CODE))
#define PERSON_KEYS (K(KEY_NAME) | K(KEY_TITLE) | K(KEY_PHONE) | \
	K(KEY_EMAIL) | K(KEY_NOTE))

/* The slot arrays below are sized by these; the lists must keep up. */
_Static_assert(sizeof contacts_sections / sizeof *contacts_sections ==
    NSECT + 1, "NSECT out of step with contacts_sections");
_Static_assert(sizeof contacts_keys / sizeof *contacts_keys == NKEY + 1,
    "NKEY out of step with contacts_keys");

/* Variants of one key: plain "name", "name.ja", "name.en". */
enum variant { V_PLAIN, V_JA, V_EN, NVAR };

/* facility.type prefills the intake's facility_type answer, so it must be
 * one of that key's values (docs/contract.md §3) or every new incident would
 * start with an answer the form rejects. */
static const char *const facility_types[] = {
	"hospital", "clinic", "dental", "pharmacy", "care", "home_care",
	"other", NULL
};

struct slots {
	char *v[NSECT][NKEY][NVAR];
};

struct contacts {
	struct slots s;
	/* Which parse (file) set each slot: a plain key from a later file
	 * must also hide the language variants an earlier file gave. */
	unsigned gen[NSECT][NKEY][NVAR];
	unsigned ngen;
	long long changed;		/* newest mtime of the files merged */
};

static int
index_of(const char *const *list, const char *name, size_t n)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strlen(list[i]) == n && strncmp(list[i], name, n) == 0)
			return i;
	return -1;
}

static int
key_allowed(int sect, int key)
{
	unsigned mask = sect == SECT_FACILITY ? FACILITY_KEYS :
	    sect == SECT_PERSON_IN_CHARGE || sect == SECT_DEPUTY ?
	    PERSON_KEYS : DESK_KEYS;

	return (mask & K(key)) != 0;
}

int
contacts_key_allowed(const char *section, const char *key)
{
	int s = index_of(contacts_sections, section, strlen(section));
	int k = index_of(contacts_keys, key, strlen(key));

	return s >= 0 && k >= 0 && key_allowed(s, k);
}

/* The National Tax Agency's rule: the first digit checks the other 12,
 * 9 - (sum of each digit, counted from the right, times 1 or 2) mod 9. */
int
contacts_corporate_number_valid(const char *s)
{
	unsigned sum = 0, i;

	if (strlen(s) != 13 || strspn(s, "0123456789") != 13)
		return 0;
	for (i = 1; i <= 12; i++)
		sum += (unsigned)(s[13 - i] - '0') * (i % 2 ? 1 : 2);
	return (unsigned)(s[0] - '0') == 9 - sum % 9;
}

static void
allowed_keys(int sect, char *out, size_t len)
{
	struct buf b;
	int k;

	buf_init(&b);
	for (k = 0; contacts_keys[k] != NULL; k++) {
		if (!key_allowed(sect, k))
			continue;
		if (b.len > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, contacts_keys[k]);
	}
	snprintf(out, len, "%s", b.s != NULL ? b.s : "");
	buf_free(&b);
}

static void
join_list(const char *const *list, char *out, size_t len)
{
	struct buf b;
	int i;

	buf_init(&b);
	for (i = 0; list[i] != NULL; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, list[i]);
	}
	snprintf(out, len, "%s", b.s != NULL ? b.s : "");
	buf_free(&b);
}

struct contacts *
contacts_new(void)
{
	return xcalloc(1, sizeof(struct contacts));
}

static void
slots_clear(struct slots *s)
{
	int i, k, v;

	for (i = 0; i < NSECT; i++)
		for (k = 0; k < NKEY; k++)
			for (v = 0; v < NVAR; v++) {
				free(s->v[i][k][v]);
				s->v[i][k][v] = NULL;
			}
}

void
contacts_free(struct contacts *c)
{
	if (c == NULL)
		return;
	slots_clear(&c->s);
	free(c);
}

int
contacts_section_known(const char *section)
{
	return section != NULL &&
	    index_of(contacts_sections, section, strlen(section)) >= 0;
}

/* Undoes the `\n` and `\\` escapes of the data files in place; any other
 * backslash sequence is a typo we would rather report than print. */
static int
unescape(char *s, char *bad)
{
	char *w = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*w++ = *s;
			continue;
		}
		if (s[1] == 'n')
			*w++ = '\n';
		else if (s[1] == '\\')
			*w++ = '\\';
		else {
			*bad = s[1];
			return -1;
		}
		s++;
	}
	*w = '\0';
	return 0;
}

/* Parser state for one file. */
struct pstate {
	const char *name;
	int line;
	int sect;			/* -1 before the first [section] */
	struct slots *out;
	unsigned char seen[NSECT][NKEY][NVAR];
	char *err;
	size_t errlen;
};

static int
parse_section(struct pstate *ps, char *s)
{
	char *end = strchr(s, ']');
	char allowed[256];

	if (end == NULL)
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: unterminated section header '%s' (expected '[section]')"),
		    ps->name, ps->line, s);
	if (*util_trim(end + 1) != '\0')
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: text after section header '%s'"), ps->name,
		    ps->line, s);
	*end = '\0';
	s = util_trim(s + 1);
	ps->sect = index_of(contacts_sections, s, strlen(s));
	if (ps->sect < 0) {
		join_list(contacts_sections, allowed, sizeof allowed);
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: unknown section [%s] (allowed: %s)"), ps->name,
		    ps->line, s, allowed);
	}
	return ST_OK;
}

static int
check_value(struct pstate *ps, int key, const char *value)
{
	char allowed[256];

	if (key == KEY_CORPORATE_NUMBER && *value != '\0' &&
	    !contacts_corporate_number_valid(value))
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: corporate_number '%s' is not a corporate number "
		    "(13 digits whose first checks the others, as on the "
		    "National Tax Agency's site)"), ps->name, ps->line, value);
	if (key != KEY_TYPE || *value == '\0' ||
	    index_of(facility_types, value, strlen(value)) >= 0)
		return ST_OK;
	join_list(facility_types, allowed, sizeof allowed);
	return err_set(ps->err, ps->errlen, ST_CONFIG,
	    _("%s:%d: unknown facility type '%s' (allowed: %s)"), ps->name,
	    ps->line, value, allowed);
}

static int
parse_pair(struct pstate *ps, char *s)
{
	char *eq = strchr(s, '='), *key, *value, *dot, bad = 0;
	char allowed[256];
	int k, var = V_PLAIN, rc;

	if (eq == NULL)
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: expected 'key = value' or '[section]', got '%s'"),
		    ps->name, ps->line, s);
	*eq = '\0';
	key = util_trim(s);
	value = util_trim(eq + 1);
	if (*key == '\0')
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: missing key before '='"), ps->name, ps->line);
	if (ps->sect < 0)
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: key '%s' before any [section]"), ps->name, ps->line,
		    key);
	dot = strchr(key, '.');
	if (dot != NULL && strcmp(dot, ".ja") == 0)
		var = V_JA;
	else if (dot != NULL && strcmp(dot, ".en") == 0)
		var = V_EN;
	k = index_of(contacts_keys, key, dot != NULL ? (size_t)(dot - key) :
	    strlen(key));
	/* A facility type is an ID, not text: it has no translations. */
	if (k < 0 || (dot != NULL && var == V_PLAIN) ||
	    !key_allowed(ps->sect, k) || (k == KEY_TYPE && var != V_PLAIN)) {
		allowed_keys(ps->sect, allowed, sizeof allowed);
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: unknown key '%s' in [%s] (allowed: %s, each also "
		    "as KEY.ja / KEY.en)"), ps->name, ps->line, key,
		    contacts_sections[ps->sect], allowed);
	}
	if (ps->seen[ps->sect][k][var])
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: key '%s' given twice in [%s]"), ps->name, ps->line,
		    key, contacts_sections[ps->sect]);
	ps->seen[ps->sect][k][var] = 1;
	if (unescape(value, &bad) != 0)
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: bad escape '\\%c' in '%s' (allowed: \\n, \\\\)"),
		    ps->name, ps->line, bad ? bad : ' ', key);
	if ((rc = check_value(ps, k, value)) != ST_OK)
		return rc;
	/* "phone =" is how the shipped file shows a slot to fill in: it
	 * must not blank out what an earlier file set. */
	if (*value != '\0')
		ps->out->v[ps->sect][k][var] = xstrdup(value);
	return ST_OK;
}

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
 * Kept here rather than borrowed from text.c so this module links with
 * util.c alone. */
static int
valid_utf8(const unsigned char *s)
{
	unsigned c, min, n, i;

	while ((c = *s) != 0) {
		if (c < 0x80) {
			s++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 1, min = 0x80, c &= 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 2, min = 0x800, c &= 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 3, min = 0x10000, c &= 0x07;
		else
			return 0;
		for (i = 1; i <= n; i++) {
			if ((s[i] & 0xC0) != 0x80)
				return 0;
			c = (c << 6) | (s[i] & 0x3F);
		}
		if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			return 0;
		s += n + 1;
	}
	return 1;
}

static int
parse_line(struct pstate *ps, char *s)
{
	size_t n = strlen(s);

	/* Notepad on a Japanese Windows may still save Shift_JIS: say so at
	 * the line rather than show mojibake in the checklist. */
	if (!valid_utf8((const unsigned char *)s))
		return err_set(ps->err, ps->errlen, ST_CONFIG,
		    _("%s:%d: not UTF-8 text (save the file as UTF-8)"), ps->name,
		    ps->line);
	if (n > 0 && s[n - 1] == '\r')
		s[n - 1] = '\0';
	s = util_trim(s);
	if (*s == '\0' || *s == '#')
		return ST_OK;
	if (*s == '[')
		return parse_section(ps, s);
	return parse_pair(ps, s);
}

/* Moves the parsed slots of one file over c. */
static void
merge(struct contacts *c, struct slots *in)
{
	unsigned g = ++c->ngen;
	int i, k, v;

	for (i = 0; i < NSECT; i++)
		for (k = 0; k < NKEY; k++) {
			if (in->v[i][k][V_PLAIN] != NULL)
				for (v = V_JA; v < NVAR; v++)
					if (c->gen[i][k][v] < g) {
						free(c->s.v[i][k][v]);
						c->s.v[i][k][v] = NULL;
					}
			for (v = 0; v < NVAR; v++) {
				if (in->v[i][k][v] == NULL)
					continue;
				free(c->s.v[i][k][v]);
				c->s.v[i][k][v] = in->v[i][k][v];
				in->v[i][k][v] = NULL;
				c->gen[i][k][v] = g;
			}
		}
}

int
contacts_parse_string(struct contacts *c, const char *text, size_t len,
    const char *name, char *err, size_t errlen)
{
	struct pstate *ps;
	struct slots *staged;
	char *copy, *line, *next;
	int rc = util_check_nul(text, len, name, ST_CONFIG, err, errlen);

	if (rc != ST_OK)
		return rc;
	/* Editors on Windows save a BOM; it is not part of the first key. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	ps = xcalloc(1, sizeof *ps);
	staged = xcalloc(1, sizeof *staged);
	ps->name = name;
	ps->sect = -1;
	ps->out = staged;
	ps->err = err;
	ps->errlen = errlen;
	copy = xstrndup(text, len);
	/* Nothing is merged until the whole file parsed: a file with an
	 * error changes nothing. */
	for (line = copy; line != NULL && rc == ST_OK; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		ps->line++;
		rc = parse_line(ps, line);
	}
	if (rc == ST_OK)
		merge(c, staged);
	slots_clear(staged);
	free(staged);
	free(copy);
	free(ps);
	return rc;
}

int
contacts_merge_file(struct contacts *c, const char *path, char *err,
    size_t errlen)
{
	struct stat sb;
	char *text;
	size_t len;
	int rc;

	/* Only an absent file is skipped: a directory or a FIFO in its
	 * place is a mistake, refused (ST_CONFIG). */
	rc = util_read_data(path, &text, &len, err, errlen);
	if (rc == ST_NOINPUT)
		return ST_OK;
	if (rc != ST_OK)
		return rc;
	rc = contacts_parse_string(c, text, len, path, err, errlen);
	free(text);
	if (rc == ST_OK && stat(path, &sb) == 0 &&
	    (long long)sb.st_mtime > c->changed)
		c->changed = (long long)sb.st_mtime;
	return rc;
}

long long
contacts_changed(const struct contacts *c)
{
	return c != NULL ? c->changed : 0;
}

const char *
contacts_get(const struct contacts *c, const char *section_key,
    enum lang lang)
{
	const char *dot, *key, *kdot;
	const char *const *v;
	int s, k;

	if (c == NULL || section_key == NULL ||
	    (dot = strchr(section_key, '.')) == NULL)
		return NULL;
	s = index_of(contacts_sections, section_key,
	    (size_t)(dot - section_key));
	key = dot + 1;
	kdot = strchr(key, '.');
	k = index_of(contacts_keys, key, kdot != NULL ? (size_t)(kdot - key) :
	    strlen(key));
	if (s < 0 || k < 0)
		return NULL;
	v = (const char *const *)c->s.v[s][k];
	/* "support_desk.name.en": exactly that variant, no fallback. */
	if (kdot != NULL)
		return strcmp(kdot, ".ja") == 0 ? v[V_JA] :
		    strcmp(kdot, ".en") == 0 ? v[V_EN] : NULL;
	/* Own language, then the plain key, then the other language: with
	 * "name = 中京警察署" and "name.en = Nakagyo Police Station" a
	 * Japanese reader must get the Japanese name. */
	if (v[lang == LANG_EN ? V_EN : V_JA] != NULL)
		return v[lang == LANG_EN ? V_EN : V_JA];
	if (v[V_PLAIN] != NULL)
		return v[V_PLAIN];
	return v[lang == LANG_EN ? V_JA : V_EN];
}

char *
contacts_user_file(void)
{
	return userfile_path("contacts.conf");
}

static void
describe_part(struct buf *b, const char *label, const char *value)
{
	if (label != NULL)
		buf_adds(b, " / ");
	if (label != NULL)
		buf_addf(b, "%s: ", label);
	buf_adds(b, value);
}

char *
contacts_describe(const struct contacts *c, const char *section,
    enum lang lang, const char *unset)
{
	static const char *const labels[LANG_COUNT][4] = {
		{ "電話", "受付時間", "メール", "URL" },
		{ "phone", "hours", "e-mail", "URL" },
	};
	const char *const *l = labels[lang == LANG_EN ? LANG_EN : LANG_JA];
	const char *v;
	char key[64];
	struct buf b;

	if (!contacts_section_known(section))
		return NULL;
	if (unset == NULL)
		unset = "";
	buf_init(&b);
	/* The name comes first and bare; every later part has a label. */
	snprintf(key, sizeof key, "%s.name", section);
	v = contacts_get(c, key, lang);
	describe_part(&b, NULL, v != NULL ? v : unset);
	/* Phone and hours are what someone dials in the first hour: show
	 * them even when unset, so the gap is seen and filled. */
	snprintf(key, sizeof key, "%s.phone", section);
	v = contacts_get(c, key, lang);
	describe_part(&b, l[0], v != NULL ? v : unset);
	/* The facility and its people are not desks: no opening hours. */
	if (index_of(contacts_sections, section, strlen(section)) >
	    SECT_DEPUTY) {
		snprintf(key, sizeof key, "%s.hours", section);
		v = contacts_get(c, key, lang);
		describe_part(&b, l[1], v != NULL ? v : unset);
	}
	snprintf(key, sizeof key, "%s.email", section);
	if ((v = contacts_get(c, key, lang)) != NULL)
		describe_part(&b, l[2], v);
	snprintf(key, sizeof key, "%s.url", section);
	if ((v = contacts_get(c, key, lang)) != NULL)
		describe_part(&b, l[3], v);
	return buf_steal(&b);
}

char *
contacts_expand(const struct contacts *c, const char *text, enum lang lang,
    const char *unset, int *any_unset)
{
	const char *p = text, *open, *close;
	char name[64], key[80], *desc;
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "");
	while ((open = strchr(p, '{')) != NULL &&
	    (close = strchr(open, '}')) != NULL &&
	    (size_t)(close - open) < sizeof name) {
		buf_add(&b, p, (size_t)(open - p));
		memcpy(name, open + 1, (size_t)(close - open - 1));
		name[close - open - 1] = '\0';
		desc = contacts_describe(c, name, lang, unset);
		if (desc == NULL)	/* not a contact: keep the braces */
			buf_add(&b, open, (size_t)(close - open + 1));
		else
			buf_adds(&b, desc);
		free(desc);
		snprintf(key, sizeof key, "%s.phone", name);
		if (any_unset != NULL && desc != NULL &&
		    contacts_get(c, key, lang) == NULL)
			*any_unset = 1;
		p = close + 1;
	}
	buf_adds(&b, p);
	return buf_steal(&b);
}
