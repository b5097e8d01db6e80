/*
 * notice_csv.c - reads the list of individuals to notify from a CSV file
 * (man 5 anshin-ir, RECIPIENTS): UTF-8 or CP932 (charset.h), a header
 * line naming the columns (English names, or the Japanese words a
 * spreadsheet has: 氏名, 住所, ...), fields as RFC 4180 writes them
 * (quotes, "" inside quotes, line breaks inside quotes, CRLF). Each row
 * is checked before anything is stored; an error names the file, the
 * line where the row starts and the column, and never repeats the value:
 * it may be a patient's name or address, and messages end up in
 * terminals, logs and mails.
 */
#include "notice.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "form_input.h"
#include "i18n.h"
#include "text.h"

enum col { COL_ID, COL_NAME, COL_POSTAL, COL_ADDRESS, COL_EMAIL, COL_PHONE,
	COL_NOTE, COL_COUNT };

/* Each column's name, then the words Japanese spreadsheets use for it. */
static const char *const col_words[COL_COUNT][6] = {
	[COL_ID] = { "id", "番号", "管理番号", "整理番号", NULL },
	[COL_NAME] = { "name", "氏名", "名前", "お名前", NULL },
	[COL_POSTAL] = { "postal_code", "郵便番号", "〒", NULL },
	[COL_ADDRESS] = { "address", "住所", "ご住所", NULL },
	[COL_EMAIL] = { "email", "メール", "メールアドレス", "e-mail",
	    "mail", NULL },
	[COL_PHONE] = { "phone", "電話", "電話番号", "tel", NULL },
	[COL_NOTE] = { "note", "備考", "メモ", NULL },
};

/* Bytes a field may hold; a name as the record's names. */
#define FIELD_MAX 2000
#define ID_MAX 32
#define ROWS_MAX 100000

struct csv {
	const char *p;			/* the next byte */
	int line;			/* of p */
	char sep;
	const char *name;
	char *err;
	size_t errlen;
};

/* One record: its fields and the line it starts on. */
struct record {
	struct strv f;
	int line;
};

/* ---- fields and records ------------------------------------------------ */

/* Trims ASCII and ideographic spaces at both ends (a cell typed with the
 * input method on). */
static char *
trim_all(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n >= 3 && memcmp(s, "\u3000", 3) == 0)
		s += 3, n -= 3;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	while (n >= 3 && memcmp(s + n - 3, "\u3000", 3) == 0)
		n -= 3;
	return xstrndup(s, n);
}

static int
at_eol(const struct csv *c)
{
	return *c->p == '\n' || *c->p == '\r' || *c->p == '\0';
}

static void
skip_eol(struct csv *c)
{
	if (*c->p == '\r')
		c->p++;
	if (*c->p == '\n')
		c->p++;
	c->line++;
}

/* A quoted field: "" is a quote; a line break inside is kept as \n. */
static int
quoted(struct csv *c, struct buf *b)
{
	int start = c->line;

	for (c->p++;; c->p++) {
		if (*c->p == '\0')
			return err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: a "
			    "quoted field is never closed (a \" is missing)"),
			    c->name, start);
		if (*c->p == '"' && c->p[1] != '"')
			break;
		if (*c->p == '"')
			c->p++;
		if (*c->p == '\r' && c->p[1] == '\n')
			continue;
		if (*c->p == '\n' || *c->p == '\r')
			c->line++;
		buf_addc(b, *c->p == '\r' ? '\n' : *c->p);
	}
	c->p++;
	/* what follows the closing quote up to the separator is kept, as
	 * spreadsheets read it */
	while (*c->p != c->sep && !at_eol(c))
		buf_addc(b, *c->p++);
	return ST_OK;
}

static int
field(struct csv *c, struct record *r)
{
	const char *start;
	struct buf b;
	int rc = ST_OK;

	buf_init(&b);
	while (*c->p == ' ' || *c->p == '\t')
		buf_addc(&b, *c->p++);
	if (*c->p == '"') {
		buf_reset(&b);
		rc = quoted(c, &b);
	} else {
		start = c->p;
		while (*c->p != c->sep && !at_eol(c))
			c->p++;
		buf_add(&b, start, (size_t)(c->p - start));
	}
	if (rc == ST_OK) {
		start = trim_all(b.s != NULL ? b.s : "", b.len);
		strv_push(&r->f, start);
		free((char *)start);
	}
	buf_free(&b);
	return rc;
}

/* The next record, or none (r->f.n == 0) at the end. */
static int
record(struct csv *c, struct record *r)
{
	int rc = ST_OK;

	memset(r, 0, sizeof *r);
	r->line = c->line;
	if (*c->p == '\0')
		return ST_OK;
	for (;;) {
		rc = field(c, r);
		if (rc != ST_OK || *c->p != c->sep)
			break;
		c->p++;
	}
	if (rc == ST_OK)
		skip_eol(c);
	return rc;
}

static int
blank(const struct record *r)
{
	size_t i;

	for (i = 0; i < r->f.n; i++)
		if (*r->f.v[i] != '\0')
			return 0;
	return 1;
}

/* ---- the header ------------------------------------------------------------ */

static int
col_lookup(char *word)
{
	char *p;
	int c, i;

	for (p = word; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	for (c = 0; c < COL_COUNT; c++)
		for (i = 0; col_words[c][i] != NULL; i++)
			if (strcmp(word, col_words[c][i]) == 0)
				return c;
	return -1;
}

/* As written, else with full-width letters folded (「ＩＤ」); not only
 * folded: folding reads the ー of メールアドレス as a dash. */
static int
col_of(const char *word)
{
	char *w = xstrdup(word);
	int c = col_lookup(w);

	free(w);
	if (c >= 0)
		return c;
	w = form_input_fold(word);
	c = col_lookup(w);
	free(w);
	return c;
}

/* map[i]: the column of field i. */
static int
header(struct csv *c, const struct record *r, int *map, int *have)
{
	size_t i;
	int col;

	for (i = 0; i < r->f.n; i++) {
		col = col_of(r->f.v[i]);
		if (col < 0)
			return err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: "
			    "column %zu of the first line is not one of id, "
			    "name, postal_code, address, email, phone, note (or "
			    "番号, 氏名, 郵便番号, 住所, メールアドレス, 電話番号, "
			    "備考): the first line names the columns, and a "
			    "column the letters do not need is not kept"),
			    c->name, r->line, i + 1);
		if (have[col])
			return err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: "
			    "column %s is given twice"), c->name, r->line,
			    col_words[col][0]);
		have[col] = 1;
		map[i] = col;
	}
	if (!have[COL_NAME])
		return err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: no "
		    "column name (氏名): the first line names the columns"),
		    c->name, r->line);
	if (!have[COL_ADDRESS] && !have[COL_EMAIL] && !have[COL_PHONE])
		return err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: no "
		    "column address, email or phone: a notice needs a way to "
		    "reach each person"), c->name, r->line);
	return ST_OK;
}

/* ---- checking a value ---------------------------------------------------- */

static int
bad(struct csv *c, int line, enum col col, const char *what)
{
	return err_set(c->err, c->errlen, ST_DATAERR, "%s:%d: %s: %s",
	    c->name, line, col_words[col][0], what);
}

/* Text as the record keeps it: UTF-8, no control character (line breaks
 * in an address or a note), not too long. */
static int
check_text(struct csv *c, int line, enum col col, const char *v,
    int multiline, size_t max)
{
	char msg[256];

	if (text_check_input(v, multiline, max, msg, sizeof msg) != 0)
		return bad(c, line, col, msg);
	return ST_OK;
}

static size_t
count_digits(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += isdigit((unsigned char)*s) != 0;
	return n;
}

/* 「〒１２３－４５６７」 -> "123-4567". */
static int
postal(struct csv *c, int line, char **v)
{
	char *f = form_input_fold(*v), *p = f, d[8];
	size_t n = 0;

	if (strncmp(p, "〒", strlen("〒")) == 0)
		p += strlen("〒");
	for (; *p != '\0' && n < 8; p++)
		if (isdigit((unsigned char)*p))
			d[n++] = *p;
		else if (*p != '-' && *p != ' ')
			n = 8;
	free(f);
	if (n != 7)
		return bad(c, line, COL_POSTAL, _("expected 7 digits such as "
		    "123-4567"));
	free(*v);
	*v = xasprintf("%.3s-%.4s", d, d + 3);
	return ST_OK;
}

static int
is_email(const char *f)
{
	const char *at = strchr(f, '@');

	return at != NULL && at != f && at[1] != '\0' &&
	    strchr(at + 1, '@') == NULL && strchr(at + 1, '.') != NULL &&
	    strpbrk(f, " \t\n,;<>\"") == NULL && text_valid_utf8(f, strlen(f));
}

static int
is_phone(const char *f)
{
	size_t digits = count_digits(f);

	return strspn(f, "0123456789-()+ ") == strlen(f) && digits >= 6 &&
	    digits <= 15;
}

static int
is_id(const char *f)
{
	return *f != '\0' && strlen(f) <= ID_MAX && strspn(f,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	    "_.-") == strlen(f);
}

/* The value with full-width characters folded, when ok() accepts it. */
static int
folded(struct csv *c, int line, enum col col, char **v, int (*ok)(const char *),
    const char *expected)
{
	char *f = form_input_fold(*v);

	if (!ok(f)) {
		free(f);
		return bad(c, line, col, expected);
	}
	free(*v);
	*v = f;
	return ST_OK;
}

/* ---- a row ---------------------------------------------------------------- */

static char **
slot(struct notice_recipient *r, enum col col)
{
	char **slots[COL_COUNT] = { &r->id, &r->name, &r->postal_code,
		&r->address, &r->email, &r->phone, &r->note };

	return slots[col];
}

static int
check_value(struct csv *c, int line, enum col col, char **v)
{
	switch (col) {
	case COL_ID:
		return folded(c, line, col, v, is_id, _("expected up to 32 "
		    "letters, digits, '-', '_' or '.' (such as R001)"));
	case COL_NAME:
		return check_text(c, line, col, *v, 0, 200);
	case COL_POSTAL:
		return postal(c, line, v);
	case COL_EMAIL:
		/* Control and bidi characters are refused here as in every
		 * other column, before the address's own shape is checked. */
		return check_text(c, line, col, *v, 0, 254) != ST_OK ?
		    ST_DATAERR : folded(c, line, col, v, is_email,
		    _("expected an e-mail address such as name@example.jp"));
	case COL_PHONE:
		return folded(c, line, col, v, is_phone, _("expected a phone "
		    "number such as 075-123-4567"));
	default:
		return check_text(c, line, col, *v, 1, FIELD_MAX);
	}
}

static int
row(struct csv *c, const struct record *rec, const int *map, size_t ncols,
    struct notice_recipient *r)
{
	size_t i;
	int rc = ST_OK;

	memset(r, 0, sizeof *r);
	r->line = rec->line;
	if (rec->f.n != ncols)
		return err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: %zu "
		    "fields, but the first line names %zu columns"), c->name,
		    rec->line, rec->f.n, ncols);
	for (i = 0; i < ncols && rc == ST_OK; i++) {
		if (*rec->f.v[i] == '\0')
			continue;
		*slot(r, (enum col)map[i]) = xstrdup(rec->f.v[i]);
		rc = check_value(c, rec->line, (enum col)map[i],
		    slot(r, (enum col)map[i]));
	}
	if (rc == ST_OK && r->name == NULL)
		rc = bad(c, rec->line, COL_NAME, _("empty (every row needs the "
		    "person's name)"));
	return rc;
}

static int
by_id_then_line(const void *a, const void *b)
{
	const struct notice_recipient *x = *(const struct notice_recipient
	    *const *)a, *y = *(const struct notice_recipient *const *)b;
	int c = strcmp(x->id, y->id);

	return c != 0 ? c : x->line - y->line;
}

/* Each id once: sorted, a twin is next to the first of its id. */
static int
unique_ids(struct csv *c, const struct notice_list *l)
{
	const struct notice_recipient **v = xcalloc(l->n + 1, sizeof *v);
	size_t i;
	int rc = ST_OK;

	for (i = 0; i < l->n; i++)
		v[i] = &l->v[i];
	qsort(v, l->n, sizeof *v, by_id_then_line);
	for (i = 1; i < l->n && rc == ST_OK; i++)
		if (strcmp(v[i - 1]->id, v[i]->id) == 0)
			rc = err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: "
			    "id %s is already on line %d"), c->name, v[i]->line,
			    v[i]->id, v[i - 1]->line);
	free(v);
	return rc;
}

/* Without an id column the rows are numbered R001, R002, ... in file
 * order; with one, each row has its own. */
static int
ids(struct csv *c, struct notice_list *l, int have_id)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (!have_id)
			l->v[i].id = xasprintf("R%03zu", i + 1);
		else if (l->v[i].id == NULL)
			return bad(c, l->v[i].line, COL_ID, _("empty (with an id "
			    "column every row needs one)"));
	}
	return have_id ? unique_ids(c, l) : ST_OK;
}

static void
record_free(struct record *r)
{
	strv_free(&r->f);
}

static int
rows(struct csv *c, const int *map, size_t ncols, struct notice_list *out)
{
	struct record rec;
	int rc = ST_OK;

	while (rc == ST_OK && (rc = record(c, &rec)) == ST_OK && rec.f.n > 0) {
		if (!blank(&rec) && out->n >= ROWS_MAX)
			rc = err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: "
			    "more than %d rows"), c->name, rec.line, ROWS_MAX);
		else if (!blank(&rec)) {
			out->v = xreallocarray(out->v, out->n + 1,
			    sizeof *out->v);
			rc = row(c, &rec, map, ncols, &out->v[out->n++]);
		}
		record_free(&rec);
	}
	record_free(&rec);
	if (rc == ST_OK && out->n == 0)
		rc = err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: no rows "
		    "after the first line (which names the columns)"), c->name,
		    c->line);
	return rc;
}

/* Comma-separated, or tab-separated when the first line has tabs and no
 * comma (a spreadsheet's "text" export). */
static char
separator(const char *text)
{
	size_t n = strcspn(text, "\r\n");
	const char *tab = memchr(text, '\t', n);

	return tab != NULL && memchr(text, ',', n) == NULL ? '\t' : ',';
}

static int
parse_utf8(struct csv *c, struct notice_list *out)
{
	struct record head;
	int map[COL_COUNT], have[COL_COUNT] = { 0 };
	int rc;

	rc = record(c, &head);
	while (rc == ST_OK && head.f.n > 0 && blank(&head)) {
		record_free(&head);
		rc = record(c, &head);
	}
	if (rc == ST_OK && head.f.n == 0)
		rc = err_set(c->err, c->errlen, ST_DATAERR, _("%s: empty file"),
		    c->name);
	if (rc == ST_OK && head.f.n > COL_COUNT)
		rc = err_set(c->err, c->errlen, ST_DATAERR, _("%s:%d: %zu "
		    "columns; at most id, name, postal_code, address, email, "
		    "phone and note are kept"), c->name, head.line, head.f.n);
	if (rc == ST_OK)
		rc = header(c, &head, map, have);
	if (rc == ST_OK)
		rc = rows(c, map, head.f.n, out);
	if (rc == ST_OK)
		rc = ids(c, out, have[COL_ID]);
	record_free(&head);
	return rc;
}

int
notice_csv_parse(const char *data, size_t len, const char *name,
    struct notice_list *out, enum charset *which, char *err, size_t errlen)
{
	struct csv c;
	char *text;
	size_t n;
	int rc;

	memset(out, 0, sizeof *out);
	rc = charset_to_utf8(data, len, name, &text, &n, which, err, errlen);
	if (rc != ST_OK)
		return rc;
	memset(&c, 0, sizeof c);
	c.p = text;
	c.line = 1;
	c.sep = separator(text);
	c.name = name;
	c.err = err;
	c.errlen = errlen;
	rc = parse_utf8(&c, out);
	free(text);
	if (rc != ST_OK)
		notice_list_free(out);
	return rc;
}
