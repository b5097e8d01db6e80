/*
 * notice.c - the notices to the individuals as the program reads them
 * back (notice.h): the names of marks and ways of sending, loading the
 * recipients with their marks and the enquiries, the order of ids, what
 * "unsent" means, the digests the timeline carries instead of personal
 * data, and the progress with its words.
 */
#include "notice.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chain.h"
#include "contract.h"
#include "i18n.h"
#include "jtime.h"

static const char *const mark_names[NOTICE_MARKS] = { "sent", "returned",
	"reached", "unreachable" };
static const char *const via_names[NOTICE_VIAS] = { "letter", "email",
	"phone", "in_person" };
static const char *const mark_labels[NOTICE_MARKS] = { N_("sent"),
	N_("returned"), N_("reached"), N_("unreachable") };
static const char *const via_labels[NOTICE_VIAS] = { N_("by letter"),
	N_("by e-mail"), N_("by phone"), N_("in person") };

/* The text in lang, whatever language the program's messages are in
 * (a PDF may be in the other one). */
__attribute__((format_arg(2)))
static const char *
in_lang(enum lang lang, const char *msgid)
{
	return lang == LANG_EN ? msgid : gettext(msgid);
}

static int
parse(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *
notice_mark_name(enum notice_mark m)
{
	return mark_names[m];
}

int
notice_mark_parse(const char *s)
{
	return parse(mark_names, NOTICE_MARKS, s);
}

const char *
notice_via_name(enum notice_via v)
{
	return via_names[v];
}

int
notice_via_parse(const char *s)
{
	return parse(via_names, NOTICE_VIAS, s);
}

const char *
notice_mark_label(enum notice_mark m, enum lang lang)
{
	return in_lang(lang, mark_labels[m]);
}

const char *
notice_via_label(enum notice_via v, enum lang lang)
{
	return in_lang(lang, via_labels[v]);
}

/* ---- freeing ---------------------------------------------------------- */

void
notice_recipient_clear(struct notice_recipient *r)
{
	size_t i;

	for (i = 0; i < r->nmarks; i++) {
		free(r->marks[i].at);
		free(r->marks[i].note);
		free(r->marks[i].by);
	}
	free(r->marks);
	free(r->id);
	free(r->name);
	free(r->postal_code);
	free(r->address);
	free(r->email);
	free(r->phone);
	free(r->note);
	memset(r, 0, sizeof *r);
}

void
notice_list_free(struct notice_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		notice_recipient_clear(&l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void
notice_enquiries_free(struct notice_enquiries *q)
{
	size_t i;

	for (i = 0; i < q->n; i++) {
		free(q->v[i].at);
		free(q->v[i].from_name);
		free(q->v[i].text);
		free(q->v[i].answer);
		free(q->v[i].by);
	}
	free(q->v);
	q->v = NULL;
	q->n = 0;
}

/* ---- the order of ids ----------------------------------------------- */

/* A run of digits at *p as a number (leading zeros skipped), compared
 * by length then digits: no overflow however long. */
static int
digits_cmp(const char **a, const char **b)
{
	const char *x = *a, *y = *b;
	size_t nx, ny;
	int c;

	while (*x == '0' && isdigit((unsigned char)x[1]))
		x++;
	while (*y == '0' && isdigit((unsigned char)y[1]))
		y++;
	for (nx = 0; isdigit((unsigned char)x[nx]); nx++)
		;
	for (ny = 0; isdigit((unsigned char)y[ny]); ny++)
		;
	if (nx != ny)
		return nx < ny ? -1 : 1;
	c = strncmp(x, y, nx);
	*a = x + nx;
	*b = y + ny;
	return c;
}

int
notice_id_cmp(const char *a, const char *b)
{
	const char *x = a, *y = b;
	int c;

	while (*x != '\0' && *y != '\0') {
		if (isdigit((unsigned char)*x) && isdigit((unsigned char)*y)) {
			if ((c = digits_cmp(&x, &y)) != 0)
				return c;
			continue;
		}
		if (*x != *y)
			return (unsigned char)*x < (unsigned char)*y ? -1 : 1;
		x++;
		y++;
	}
	if (*x != *y)
		return *x == '\0' ? -1 : 1;
	/* "R01" and "R1" read alike: the bytes decide */
	return strcmp(a, b);
}

static int
recipient_cmp(const void *a, const void *b)
{
	return notice_id_cmp(((const struct notice_recipient *)a)->id,
	    ((const struct notice_recipient *)b)->id);
}

void
notice_list_sort(struct notice_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof *l->v, recipient_cmp);
}

const struct notice_recipient *
notice_find(const struct notice_list *l, const char *id)
{
	struct notice_recipient key;

	if (l->n == 0)
		return NULL;
	memset(&key, 0, sizeof key);
	key.id = (char *)id;
	return bsearch(&key, l->v, l->n, sizeof *l->v, recipient_cmp);
}

int
notice_last(const struct notice_recipient *r)
{
	return r->nmarks > 0 ? (int)r->marks[r->nmarks - 1].mark : -1;
}

int
notice_unsent(const struct notice_recipient *r)
{
	int last = notice_last(r);

	return last < 0 || last == NOTICE_RETURNED;
}

int
notice_selected(const struct notice_recipient *r, int only_unsent)
{
	return !only_unsent || notice_unsent(r);
}

size_t
notice_count_selected(const struct notice_list *l, int only_unsent)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		n += notice_selected(&l->v[i], only_unsent) != 0;
	return n;
}

/* ---- loading ------------------------------------------------------------ */

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
load_recipient(void *ud, const struct store_recipient *row)
{
	struct notice_list *l = ud;
	struct notice_recipient *r;

	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	r = &l->v[l->n++];
	memset(r, 0, sizeof *r);
	r->id = xstrdup(row->id);
	r->name = xstrdup(row->name);
	r->postal_code = dup_or_null(row->postal_code);
	r->address = dup_or_null(row->address);
	r->email = dup_or_null(row->email);
	r->phone = dup_or_null(row->phone);
	r->note = dup_or_null(row->note);
}

static void
load_mark(void *ud, const struct store_mark *m)
{
	struct notice_recipient *r = (struct notice_recipient *)notice_find(ud,
	    m->recipient);
	struct notice_mark_rec *k;
	int mark = notice_mark_parse(m->mark);

	/* the schema's keys and checks make both impossible */
	if (r == NULL || mark < 0)
		return;
	r->marks = xreallocarray(r->marks, r->nmarks + 1, sizeof *r->marks);
	k = &r->marks[r->nmarks++];
	k->mark = (enum notice_mark)mark;
	k->via = notice_via_parse(m->via);
	k->at = xstrdup(m->at);
	k->note = dup_or_null(m->note);
	k->by = dup_or_null(m->by);
}

int
notice_load(struct store *st, long id, struct notice_list *out, char *err,
    size_t errlen)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_recipients_get(st, id, load_recipient, out, err, errlen);
	notice_list_sort(out);
	if (rc == ST_OK)
		rc = store_marks_get(st, id, load_mark, out, err, errlen);
	if (rc != ST_OK)
		notice_list_free(out);
	return rc;
}

static void
load_enquiry(void *ud, const struct store_enquiry *row)
{
	struct notice_enquiries *q = ud;
	struct notice_enquiry *e;

	q->v = xreallocarray(q->v, q->n + 1, sizeof *q->v);
	e = &q->v[q->n++];
	e->seq = row->seq;
	e->at = xstrdup(row->at);
	e->from_name = dup_or_null(row->from_name);
	e->text = xstrdup(row->text);
	e->answer = dup_or_null(row->answer);
	e->by = dup_or_null(row->by);
	e->follow_up = row->follow_up;
}

int
notice_enquiries_load(struct store *st, long id, struct notice_enquiries *out,
    char *err, size_t errlen)
{
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_enquiries_get(st, id, load_enquiry, out, err, errlen);
	if (rc != ST_OK)
		notice_enquiries_free(out);
	return rc;
}

/* ---- digests ------------------------------------------------------------- */

static int
byte_order(const void *a, const void *b)
{
	return strcmp((*(const struct notice_recipient *const *)a)->id,
	    (*(const struct notice_recipient *const *)b)->id);
}

int
notice_recipients_digest(const struct notice_list *l, char out[65])
{
	const struct notice_recipient **v = xcalloc(l->n + 1, sizeof *v);
	const char **f = xcalloc(l->n * 7 + 1, sizeof *f);
	size_t i;
	int rc;

	for (i = 0; i < l->n; i++)
		v[i] = &l->v[i];
	qsort(v, l->n, sizeof *v, byte_order);
	for (i = 0; i < l->n; i++) {
		f[i * 7] = v[i]->id;
		f[i * 7 + 1] = v[i]->name;
		f[i * 7 + 2] = v[i]->postal_code;
		f[i * 7 + 3] = v[i]->address;
		f[i * 7 + 4] = v[i]->email;
		f[i * 7 + 5] = v[i]->phone;
		f[i * 7 + 6] = v[i]->note;
	}
	rc = chain_content_digest("recipient list", f, l->n * 7, out);
	free(f);
	free(v);
	return rc;
}

int
notice_note_digest(const char *note, char out[65])
{
	return chain_content_digest("mark note", &note, 1, out);
}

int
notice_enquiry_digest(const struct notice_enquiry *q, char out[65])
{
	char seq[24];
	const char *f[6];

	snprintf(seq, sizeof seq, "%ld", q->seq);
	f[0] = seq;
	f[1] = q->at;
	f[2] = q->from_name;
	f[3] = q->text;
	f[4] = q->answer;
	f[5] = q->follow_up ? "1" : "0";
	return chain_content_digest("enquiry row", f, 6, out);
}

/* ---- progress ------------------------------------------------------------ */

static void
widen(long *first, long *last, const char *at)
{
	jtime_t t;
	long day;
	char stamp[20];

	snprintf(stamp, sizeof stamp, "%.19s", at);
	if (jtime_parse(stamp, &t, NULL, 0) != 0)
		return;
	day = jtime_day(t);
	if (*first < 0 || day < *first)
		*first = day;
	if (*last < 0 || day > *last)
		*last = day;
}

void
notice_progress_of(const struct notice_list *l,
    const struct notice_enquiries *q, struct notice_progress *p)
{
	const struct notice_recipient *r;
	size_t i;
	int m;

	memset(p, 0, sizeof *p);
	for (m = 0; m < NOTICE_MARKS; m++)
		p->first[m] = p->last[m] = -1;
	p->total = (int)l->n;
	for (i = 0; i < l->n; i++) {
		r = &l->v[i];
		m = notice_last(r);
		if (m < 0) {
			p->unmarked++;
			continue;
		}
		p->by_mark[m]++;
		widen(&p->first[m], &p->last[m], r->marks[r->nmarks - 1].at);
	}
	for (i = 0; q != NULL && i < q->n; i++) {
		p->enquiries++;
		p->follow_ups += q->v[i].follow_up != 0;
	}
}

int
notice_told(const struct notice_progress *p)
{
	return p->by_mark[NOTICE_SENT] + p->by_mark[NOTICE_REACHED];
}

int
notice_complete(const struct notice_progress *p, int published)
{
	int told = notice_told(p);

	if (p->total == 0)
		return 0;
	return told == p->total || (published &&
	    told + p->by_mark[NOTICE_UNREACHABLE] == p->total);
}

/* A mark's name as people read it; "-" before the first. */
static const char *
mark_word(const char *name, enum lang lang)
{
	int m = notice_mark_parse(name);

	return m >= 0 ? notice_mark_label((enum notice_mark)m, lang) : "-";
}

static char *
mark_event_text(const struct store_event *ev, enum lang lang)
{
	int via = notice_via_parse(ev->via);
	char *s = xasprintf(in_lang(lang, N_("%s: %s → %s")), ev->key != NULL ?
	    ev->key : "", mark_word(ev->old, lang), mark_word(ev->new_, lang));
	char *with;

	if (via < 0)
		return s;
	with = xasprintf(in_lang(lang, N_("%s (%s)")), s, notice_via_label(
	    (enum notice_via)via, lang));
	free(s);
	return with;
}

char *
notice_event_text(const struct store_event *ev, enum lang lang)
{
	const char *kind = ev->kind != NULL ? ev->kind : "";
	const char *nw = ev->new_ != NULL ? ev->new_ : "";

	if (strcmp(kind, EVENT_NOTICE) == 0)
		return mark_event_text(ev, lang);
	if (strcmp(kind, EVENT_RECIPIENTS) == 0 && ev->old == NULL)
		return xasprintf(in_lang(lang, N_("individuals to notify "
		    "imported: %s")), nw);
	if (strcmp(kind, EVENT_RECIPIENTS) == 0)
		return xasprintf(in_lang(lang, N_("individuals to notify "
		    "imported again: %s → %s")), ev->old, nw);
	if (strcmp(kind, EVENT_ENQUIRY) == 0)
		return xasprintf(strcmp(nw, "follow_up") == 0 ? in_lang(lang,
		    N_("enquiry %s logged (follow-up needed)")) : in_lang(lang,
		    N_("enquiry %s logged")), ev->key != NULL ? ev->key : "");
	return NULL;
}

char *
notice_progress_text(const struct notice_progress *p, enum lang lang)
{
	struct buf b;

	buf_init(&b);
	buf_addf(&b, in_lang(lang, N_("notified %d/%d")), notice_told(p),
	    p->total);
	if (p->by_mark[NOTICE_REACHED] > 0)
		buf_addf(&b, in_lang(lang, N_(" (%d reached)")),
		    p->by_mark[NOTICE_REACHED]);
	if (p->by_mark[NOTICE_RETURNED] > 0)
		buf_addf(&b, in_lang(lang, N_(", returned %d")),
		    p->by_mark[NOTICE_RETURNED]);
	if (p->by_mark[NOTICE_UNREACHABLE] > 0)
		buf_addf(&b, in_lang(lang, N_(", unreachable %d")),
		    p->by_mark[NOTICE_UNREACHABLE]);
	if (p->unmarked > 0)
		buf_addf(&b, in_lang(lang, N_(", not yet sent %d")),
		    p->unmarked);
	return buf_steal(&b);
}
