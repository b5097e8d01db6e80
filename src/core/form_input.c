/*
 * form_input.c - reads values the way staff type them (form_input.h).
 * With the input method on, "2026-12-07 14:50" arrives as
 * "２０２６－１２－０７　１４：５０" (or with ー for the dash); a count is
 * "40人", "約40", "1,200"; not knowing is 不明. Each form is read to the
 * canonical value of docs/contract.md §2 and then checked by
 * form_value_normalize, so the wizard, `set` and an answers file store the same
 * text. Messages name the field by its label, never its key: the person at the
 * screen never saw the key.
 */
#include "form_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

/* Words for "not known" (after folding and ASCII lower case). */
static const char *const unknown_words[] = {
	"unknown", "不明", "わからない", "分からない", "わかりません",
	"分かりません", "不詳", "ふめい", NULL
};

/* A count said roughly: before or after the number. */
static const char *const about_prefixes[] = {
	"約", "およそ", "おおよそ", "大体", "だいたい", "概ね", "おおむね",
	"approximately", "approx.", "approx", "about", "around", "ca.", "~",
	NULL
};
static const char *const about_suffixes[] = {
	"くらい", "ぐらい", "位", "程度", "ほど", "前後", "余り", "余",
	NULL
};
/* Units of a count. */
static const char *const unit_suffixes[] = {
	"人", "名", "件", "people", "persons", "person", "records", "record",
	NULL
};
/* "Now" as a time. */
static const char *const now_words[] = { "now", "今", "いま", "現在", NULL };

static int
is_dash(uint32_t cp)
{
	return cp == 0x30FC || cp == 0x2212 || cp == 0x2010 || cp == 0x2011 ||
	    cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0xFF70;
}

char *
form_input_fold(const char *s)
{
	struct buf b;
	uint32_t cp;
	char enc[4];

	buf_init(&b);
	while (*s != '\0') {
		s = text_decode(s, &cp);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			buf_addc(&b, (char)(cp - 0xFF01 + 0x21));
		else if (cp == 0x3000)
			buf_addc(&b, ' ');
		else if (is_dash(cp))
			buf_addc(&b, '-');
		else if (cp == 0x301C)		/* 〜, said as "about" */
			buf_addc(&b, '~');
		else
			buf_add(&b, enc, (size_t)text_encode(cp, enc));
	}
	return buf_steal(&b);
}

/* Trims spaces, tabs and ideographic spaces at both ends, in place. */
static char *
trim_wide(char *s)
{
	size_t n;

	for (;;) {
		s = util_trim(s);
		if (strncmp(s, "\xe3\x80\x80", 3) == 0)
			s += 3;
		else if ((n = strlen(s)) >= 3 &&
		    strcmp(s + n - 3, "\xe3\x80\x80") == 0)
			s[n - 3] = '\0';
		else
			return s;
	}
}

static void
lower_ascii(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* The folded, trimmed, lower-cased form of typed (caller frees). */
static char *
plain(const char *typed)
{
	char *f = form_input_fold(typed), *t = xstrdup(trim_wide(f));

	free(f);
	lower_ascii(t);
	return t;
}

/* 1 when typed is blank (spaces and ideographic spaces only). */
static int
blank(const char *typed)
{
	char *p = plain(typed);
	int r = *p == '\0';

	free(p);
	return r;
}

static int
in_list(const char *s, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(s, list[i]) == 0)
			return 1;
	return 0;
}

/* Removes one word of list from the start (or end) of s; 1 if one was. */
static int
strip_word(char *s, const char *const *list, int at_end)
{
	size_t i, n, len = strlen(s);

	for (i = 0; list[i] != NULL; i++) {
		n = strlen(list[i]);
		if (n > len)
			continue;
		if (!at_end && strncmp(s, list[i], n) == 0) {
			memmove(s, s + n, len - n + 1);
			util_trim(s);
			memmove(s, s + strspn(s, " "), strlen(s) + 1);
			return 1;
		}
		if (at_end && strcmp(s + len - n, list[i]) == 0) {
			s[len - n] = '\0';
			util_trim(s);
			return 1;
		}
	}
	return 0;
}

/* Replaces each `mark` (a character of three UTF-8 bytes) by c. */
static void
replace_mark(char *s, const char *mark, char c)
{
	char *p;

	while ((p = strstr(s, mark)) != NULL) {
		*p = c;
		memmove(p + 1, p + 3, strlen(p + 3) + 1);
	}
}

static const char *
label(const struct form_field *fld, enum lang lang)
{
	return tr_get(&fld->label, lang);
}

/* ---- numbers ---- */

/* Digits with "," between groups of three (1,200 and 12,000 but not
 * 1,20): the separators go. 0 when s is not such a number. */
static int
plain_digits(char *s)
{
	char *r, *w;
	size_t run = 0, groups = 0;

	if (*s == '\0' || *s == ',')
		return 0;
	for (r = s; *r != '\0'; r++) {
		if (*r == ',') {
			if ((groups > 0 && run != 3) || (groups == 0 &&
			    (run == 0 || run > 3)))
				return 0;
			groups++;
			run = 0;
		} else if (*r >= '0' && *r <= '9')
			run++;
		else
			return 0;
	}
	if (groups > 0 && run != 3)
		return 0;
	for (r = w = s; *r != '\0'; r++)
		if (*r != ',')
			*w++ = *r;
	*w = '\0';
	return 1;
}

static int
int_error(const struct form_field *fld, const char *typed, enum lang lang,
    char *err, size_t errlen)
{
	return err_set(err, errlen, ST_DATAERR, _("%s: '%s' is not a whole "
	    "number; type it like 40 (40 people, about 40 and 1,200 are read "
	    "too)"), label(fld, lang), typed);
}

static int
read_int(const struct form_field *fld, const char *typed, char *const *values,
    enum lang lang, struct form_input *out, char *err, size_t errlen)
{
	char *s = plain(typed);
	int about = 0, rc;

	if (in_list(s, unknown_words)) {
		free(s);
		if (fld->basis_field < 0)
			return err_set(err, errlen, ST_DATAERR, _("%s: leave it "
			    "empty while it is not known; once known, type it "
			    "like 40"), label(fld, lang));
		out->implied_field = fld->basis_field;
		out->implied_value = "unknown";
		return ST_OK;
	}
	/* 、 reads as a thousands separator only here, in a number. */
	replace_mark(s, "、", ',');
	about |= strip_word(s, about_prefixes, 0);
	about |= strip_word(s, about_suffixes, 1);
	strip_word(s, unit_suffixes, 1);
	about |= strip_word(s, about_suffixes, 1);
	if (!plain_digits(s) || strlen(s) > 12) {
		free(s);
		return int_error(fld, typed, lang, err, errlen);
	}
	if (about && fld->basis_field >= 0 && values != NULL &&
	    values[fld->basis_field] == NULL) {
		out->implied_field = fld->basis_field;
		out->implied_value = "estimated";
	}
	rc = form_value_normalize(fld, s, &out->value, err, errlen);
	if (rc != ST_OK)
		rc = err_set(err, errlen, ST_DATAERR, _("%s: %ld is out of "
		    "range (%ld to %ld)"), label(fld, lang), strtol(s, NULL, 10),
		    fld->min, fld->max);
	free(s);
	return rc;
}

/* ---- times ---- */

/* Japanese date words as separators: 2026年12月7日 14時50分. */
static char *
kanji_to_marks(const char *s)
{
	static const char *const from[] = { "年", "月", "日", "時", "分", "秒" };
	static const char *const to[] = { "-", "-", " ", ":", "", "" };
	struct buf b;
	size_t i, n;

	buf_init(&b);
	buf_adds(&b, "");
	while (*s != '\0') {
		for (i = 0; i < 6; i++) {
			n = strlen(from[i]);
			if (strncmp(s, from[i], n) == 0)
				break;
		}
		if (i < 6) {
			buf_adds(&b, to[i]);
			s += n;
		} else
			buf_addc(&b, *s++);
	}
	/* "14時" alone: on the hour. */
	if (b.len > 0 && b.s[b.len - 1] == ':')
		buf_adds(&b, "00");
	return buf_steal(&b);
}

static int
take_num(const char **p, int maxdigits, int *n)
{
	int d = 0;

	*n = 0;
	while (**p >= '0' && **p <= '9' && d < maxdigits) {
		*n = *n * 10 + (**p - '0');
		(*p)++;
		d++;
	}
	return d;
}

static int
is_date_sep(char c)
{
	return c == '-' || c == '/' || c == '.';
}

/* What a typed time names. */
enum when_form { WHEN_BAD, WHEN_FULL, WHEN_DATE_ONLY, WHEN_TIME_ONLY };

/* Reads [[YYYY-]M-D][ |T]H:MM[:SS] with -, / or . between the date's
 * parts; f = y, m, d, H, M, S (y 0 without a year). */
static enum when_form
read_when(const char *s, int f[6])
{
	const char *p = s;
	int n, d, date = 0;

	memset(f, 0, 6 * sizeof *f);
	d = take_num(&p, 4, &n);
	if (d == 0)
		return WHEN_BAD;
	if (is_date_sep(*p)) {
		date = 1;
		p++;
		if (!take_num(&p, 2, &f[1]))
			return WHEN_BAD;
		if (is_date_sep(*p)) {
			if (d != 4)
				return WHEN_BAD;
			f[0] = n;
			p++;
			if (!take_num(&p, 2, &f[2]))
				return WHEN_BAD;
		} else {
			f[2] = f[1];
			f[1] = n;
			if (d > 2)
				return WHEN_BAD;
		}
		while (*p == ' ')
			p++;
		if (*p == 't')
			p++;
		while (*p == ' ')
			p++;
		if (*p == '\0')
			return WHEN_DATE_ONLY;
		if (!take_num(&p, 2, &n))
			return WHEN_BAD;
	} else if (d > 2)
		return WHEN_BAD;
	f[3] = n;
	if (*p++ != ':' || !take_num(&p, 2, &f[4]))
		return WHEN_BAD;
	if (*p == ':') {
		p++;
		if (take_num(&p, 2, &f[5]) != 2)
			return WHEN_BAD;
	}
	return *p == '\0' ? (date ? WHEN_FULL : WHEN_TIME_ONLY) : WHEN_BAD;
}

/* The example a time message gives: now, to the minute. */
static void
example(jtime_t now, char out[17])
{
	jtime_format_minute(now, out);
}

static int
time_error(const char *name, int allow_unknown, const char *typed,
    jtime_t now, char *err, size_t errlen)
{
	char ex[17];

	example(now, ex);
	return err_set(err, errlen, ST_DATAERR, allow_unknown ?
	    _("%s: '%s' is not a date and time; type it like %s (a time alone "
	    "is today), or unknown") : _("%s: '%s' is not a date and time; "
	    "type it like %s (a time alone is today)"), name, typed, ex);
}

/* A bare time of day is today, and today's time still to come is a
 * typing slip, never tomorrow. */
static int
check_today(const char *name, const char *canon, jtime_t t, jtime_t now,
    char *err, size_t errlen)
{
	char nowtxt[17], ex[20];
	int y, m, d;

	if (t <= now - now % 60)
		return ST_OK;
	jtime_format_minute(now, nowtxt);
	jtime_ymd_from_days(jtime_day(now) - 1, &y, &m, &d);
	snprintf(ex, sizeof ex, "%04d-%02d-%02d %.5s", y, m, d, canon + 11);
	return err_set(err, errlen, ST_DATAERR, _("%s: %.5s today is still to "
	    "come (now %s); for an earlier day type the date too, like %s"),
	    name, canon + 11, nowtxt, ex);
}

/* A typed time for `name` (a label): *out is the canonical text, or
 * "unknown" when allowed. */
static int
read_time_as(const char *name, int allow_unknown, const char *typed,
    jtime_t now, char **out, char *err, size_t errlen)
{
	char *s = plain(typed), *marks, canon[64], msg[128], ex[17];
	enum when_form form;
	int f[6], y, m, d, rc = ST_OK;
	jtime_t t;

	if (in_list(s, now_words)) {
		jtime_format_minute(now, canon);
		*out = xstrdup(canon);
	} else if (in_list(s, unknown_words) && allow_unknown)
		*out = xstrdup("unknown");
	else if (in_list(s, unknown_words))
		rc = time_error(name, 0, typed, now, err, errlen);
	free(s);
	if (*out != NULL || rc != ST_OK)
		return rc;
	s = plain(typed);
	marks = kanji_to_marks(s);
	form = read_when(marks, f);
	free(marks);
	free(s);
	if (form == WHEN_BAD)
		return time_error(name, allow_unknown, typed, now, err, errlen);
	example(now, ex);
	if (form == WHEN_DATE_ONLY)
		return err_set(err, errlen, ST_DATAERR, _("%s: '%s' has no time "
		    "of day; type it like %s"), name, typed, ex);
	jtime_ymd_from_days(jtime_day(now), &y, &m, &d);
	if (form == WHEN_TIME_ONLY) {
		f[1] = m;
		f[2] = d;
	}
	if (f[0] == 0)
		f[0] = y;
	snprintf(canon, sizeof canon, "%04d-%02d-%02d %02d:%02d:%02d", f[0],
	    f[1], f[2], f[3], f[4], f[5]);
	if (jtime_parse(canon, &t, msg, sizeof msg) != 0)
		return err_set(err, errlen, ST_DATAERR, _("%s: '%s' is not a "
		    "real date or time (%s); type it like %s"), name, typed,
		    msg, ex);
	if (form == WHEN_TIME_ONLY &&
	    check_today(name, canon, t, now, err, errlen) != ST_OK)
		return ST_DATAERR;
	jtime_format_canon(t, canon);
	*out = xstrdup(canon);
	return ST_OK;
}

static int
read_time(const struct form_field *fld, const char *typed, jtime_t now,
    enum lang lang, struct form_input *out, char *err, size_t errlen)
{
	return read_time_as(label(fld, lang), fld->allow_unknown, typed, now,
	    &out->value, err, errlen);
}

int
form_input_time(const char *name, const char *typed, jtime_t now,
    jtime_t *out, char *err, size_t errlen)
{
	char *canon = NULL, nowtxt[17];
	int rc;

	if (blank(typed)) {
		*out = now;
		return ST_OK;
	}
	rc = read_time_as(name, 0, typed, now, &canon, err, errlen);
	if (rc == ST_OK && jtime_parse(canon, out, NULL, 0) != 0)
		rc = time_error(name, 0, typed, now, err, errlen);
	free(canon);
	if (rc == ST_OK && *out > now + 60) {
		jtime_format_minute(now, nowtxt);
		rc = err_set(err, errlen, ST_DATAERR, _("%s: %s is still to "
		    "come (now %s)"), name, typed, nowtxt);
	}
	return rc;
}

/* ---- choices ---- */

/* The value typed as its id or its label in either language. */
static int
find_choice(const struct form_field *fld, const char *typed, const char *p)
{
	size_t i;
	int l;

	for (i = 0; i < fld->nchoices; i++)
		if (strcmp(fld->choices[i].value, p) == 0)
			return (int)i;
	for (i = 0; i < fld->nchoices; i++)
		for (l = 0; l < LANG_COUNT; l++)
			if (fld->choices[i].label.s[l] != NULL &&
			    (strcmp(fld->choices[i].label.s[l], typed) == 0 ||
			    strcasecmp(fld->choices[i].label.s[l], p) == 0))
				return (int)i;
	if (in_list(p, unknown_words))
		return form_choice_index(fld, "unknown");
	return -1;
}

static int
choice_error(const struct form_field *fld, const char *typed,
    enum lang lang, char *err, size_t errlen)
{
	struct buf b;
	size_t i;
	int rc;

	buf_init(&b);
	for (i = 0; i < fld->nchoices; i++)
		buf_addf(&b, "%s%s", i > 0 ? ", " : "", fld->choices[i].value);
	rc = err_set(err, errlen, ST_DATAERR, _("%s: '%s' is not one of its "
	    "answers (allowed: %s)"), label(fld, lang), typed, b.s);
	buf_free(&b);
	return rc;
}

static int
read_choice(const struct form_field *fld, const char *typed, enum lang lang,
    struct form_input *out, char *err, size_t errlen)
{
	char *t = xstrdup(typed), *p = plain(typed);
	int i = find_choice(fld, trim_wide(t), p);

	free(t);
	free(p);
	if (i < 0)
		return choice_error(fld, typed, lang, err, errlen);
	out->value = xstrdup(fld->choices[i].value);
	return ST_OK;
}

static int
read_multi(const struct form_field *fld, const char *typed, enum lang lang,
    struct form_input *out, char *err, size_t errlen)
{
	char *copy = xstrdup(typed), *tok, *save = NULL, *p, *msg;
	struct buf b;
	int i, rc = ST_OK, none = form_choice_index(fld, "none");

	/* 、 and ， separate values as , does. */
	replace_mark(copy, "、", ',');
	replace_mark(copy, "，", ',');
	buf_init(&b);
	buf_adds(&b, "");
	for (tok = strtok_r(copy, ",", &save); tok != NULL && rc == ST_OK;
	    tok = strtok_r(NULL, ",", &save)) {
		p = plain(tok);
		i = find_choice(fld, trim_wide(tok), p);
		free(p);
		if (i < 0)
			rc = choice_error(fld, trim_wide(tok), lang, err, errlen);
		else
			buf_addf(&b, "%s%s", b.len > 0 ? "," : "",
			    fld->choices[i].value);
	}
	free(copy);
	if (rc == ST_OK && form_value_normalize(fld, b.s, &out->value, err,
	    errlen) != ST_OK) {
		msg = none >= 0 ? xasprintf(_("%s: '%s' cannot be ticked with "
		    "other answers"), label(fld, lang),
		    tr_get(&fld->choices[none].label, lang)) :
		    xasprintf("%s: %s", label(fld, lang), err);
		rc = err_set(err, errlen, ST_DATAERR, "%s", msg);
		free(msg);
	}
	buf_free(&b);
	return rc;
}

/* ---- text ---- */

static int
read_text(const struct form_field *fld, const char *typed, enum lang lang,
    struct form_input *out, char *err, size_t errlen)
{
	char msg[256];

	if (text_check_input(typed, 1, fld->type == FORM_LONGTEXT ?
	    FORM_LONGTEXT_MAX : FORM_TEXT_MAX, msg, sizeof msg) != 0)
		return err_set(err, errlen, ST_DATAERR, "%s: %s",
		    label(fld, lang), msg);
	out->value = xstrdup(typed);
	return ST_OK;
}

int
form_input_read(const struct form *form, size_t field, const char *typed,
    char *const *values, jtime_t now, enum lang lang, struct form_input *out,
    char *err, size_t errlen)
{
	const struct form_field *fld = &form->fields[field];
	char *copy = xstrdup(typed != NULL ? typed : ""), *v;
	int rc;

	memset(out, 0, sizeof *out);
	out->implied_field = -1;
	/* Text is the record as typed: only its ends are trimmed. */
	v = form_type_is_text(fld->type) ? trim_wide(copy) : copy;
	if (*trim_wide(copy) == '\0')
		rc = ST_OK;
	else if (fld->type == FORM_INT)
		rc = read_int(fld, v, values, lang, out, err, errlen);
	else if (fld->type == FORM_TIME)
		rc = read_time(fld, v, now, lang, out, err, errlen);
	else if (fld->type == FORM_CHOICE)
		rc = read_choice(fld, v, lang, out, err, errlen);
	else if (fld->type == FORM_MULTI)
		rc = read_multi(fld, v, lang, out, err, errlen);
	else
		rc = read_text(fld, v, lang, out, err, errlen);
	free(copy);
	if (rc != ST_OK)
		form_input_free(out);
	return rc;
}

void
form_input_free(struct form_input *in)
{
	free(in->value);
	in->value = NULL;
	in->implied_field = -1;
	in->implied_value = NULL;
}
