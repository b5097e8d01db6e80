/*
 * chain_notice.c - verify's replay of the notices to the individuals
 * (chain.c owns the rest): the last "recipients" event carries the digest
 * of the recipients as stored; each "notice" event is one mark of one
 * recipient, in order, with its way of sending, time, person and the
 * digest of its note; each "enquiry" event is one enquiry with the
 * digest of its row. A row changed, added or removed behind the
 * program's back no longer matches.
 */
#include "chain_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contract.h"
#include "i18n.h"
#include "notice.h"
#include "util.h"

struct replayed_mark {
	char *recipient, *mark, *via, *at, *by, *digest;
};

struct replayed_enquiry {
	char *seq, *digest, *by;
};

struct chain_notices {
	char *recipients;		/* digest of the last import */
	int imported;
	struct replayed_mark *marks;
	size_t nmarks;
	struct replayed_enquiry *enquiries;
	size_t nenquiries;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

struct chain_notices *
chain_notices_new(void)
{
	return xcalloc(1, sizeof(struct chain_notices));
}

void
chain_notices_free(struct chain_notices *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nmarks; i++) {
		free(n->marks[i].recipient);
		free(n->marks[i].mark);
		free(n->marks[i].via);
		free(n->marks[i].at);
		free(n->marks[i].by);
		free(n->marks[i].digest);
	}
	for (i = 0; i < n->nenquiries; i++) {
		free(n->enquiries[i].seq);
		free(n->enquiries[i].digest);
		free(n->enquiries[i].by);
	}
	free(n->marks);
	free(n->enquiries);
	free(n->recipients);
	free(n);
}

int
chain_notices_apply(struct chain_notices *n, const struct store_event *ev)
{
	struct replayed_mark *m;
	struct replayed_enquiry *q;

	if (strcmp(ev->kind, EVENT_RECIPIENTS) == 0) {
		free(n->recipients);
		n->recipients = dup_or_null(ev->digest);
		n->imported = 1;
	} else if (strcmp(ev->kind, EVENT_NOTICE) == 0) {
		n->marks = xreallocarray(n->marks, n->nmarks + 1,
		    sizeof *n->marks);
		m = &n->marks[n->nmarks++];
		m->recipient = dup_or_null(ev->key);
		m->mark = dup_or_null(ev->new_);
		m->via = dup_or_null(ev->via);
		m->at = dup_or_null(ev->acted_at);
		m->by = dup_or_null(ev->by);
		m->digest = dup_or_null(ev->digest);
	} else if (strcmp(ev->kind, EVENT_ENQUIRY) == 0) {
		n->enquiries = xreallocarray(n->enquiries, n->nenquiries + 1,
		    sizeof *n->enquiries);
		q = &n->enquiries[n->nenquiries++];
		q->seq = dup_or_null(ev->key);
		q->digest = dup_or_null(ev->digest);
		q->by = dup_or_null(ev->by);
	} else
		return 0;
	return 1;
}

/* ---- comparing ------------------------------------------------------------ */

struct cmp {
	char *what;
	size_t len;
	int *differs;
};

__attribute__((format(printf, 2, 3)))
static void
differ(struct cmp *c, const char *fmt, ...)
{
	va_list ap;

	if ((*c->differs)++)
		return;
	va_start(ap, fmt);
	vsnprintf(c->what, c->len, fmt, ap);
	va_end(ap);
}

static void
compare_recipients(struct cmp *c, const struct chain_notices *n,
    const struct notice_list *l)
{
	char digest[65];

	if (!n->imported) {
		if (l->n > 0)
			differ(c, _("%zu recipients are stored, but the timeline "
			    "imported none"), l->n);
		return;
	}
	if (notice_recipients_digest(l, digest) != 0 ||
	    !same(digest, n->recipients))
		differ(c, "%s", _("the recipients stored differ from the last "
		    "import in the timeline"));
}

static int
mark_matches(const struct notice_mark_rec *k, const struct replayed_mark *m)
{
	char digest[65];
	const char *via = k->via >= 0 ? notice_via_name(
	    (enum notice_via)k->via) : NULL;

	if (k->note != NULL && notice_note_digest(k->note, digest) != 0)
		return 0;
	return same(notice_mark_name(k->mark), m->mark) && same(via, m->via) &&
	    same(k->at, m->at) && same(k->by, m->by) &&
	    same(k->note != NULL ? digest : NULL, m->digest);
}

/* The k-th replayed mark of a recipient is its k-th stored mark. */
static void
compare_marks(struct cmp *c, const struct chain_notices *n,
    const struct notice_list *l)
{
	size_t *seen = xcalloc(l->n + 1, sizeof *seen), i, at;
	const struct notice_recipient *r;
	const struct replayed_mark *m;

	for (i = 0; i < n->nmarks; i++) {
		m = &n->marks[i];
		r = m->recipient != NULL ? notice_find(l, m->recipient) : NULL;
		at = r != NULL ? (size_t)(r - l->v) : 0;
		if (r == NULL || seen[at] >= r->nmarks)
			differ(c, _("mark %zu of %s is missing: the timeline "
			    "gives '%s'"), r != NULL ? seen[at] + 1 : 1,
			    m->recipient != NULL ? m->recipient : "-",
			    m->mark != NULL ? m->mark : "-");
		else if (!mark_matches(&r->marks[seen[at]], m))
			differ(c, _("mark %zu of %s is '%s' but the timeline "
			    "gives '%s'"), seen[at] + 1, r->id,
			    notice_mark_name(r->marks[seen[at]].mark),
			    m->mark != NULL ? m->mark : "-");
		if (r != NULL)
			seen[at]++;
	}
	for (i = 0; i < l->n; i++)
		if (seen[i] < l->v[i].nmarks)
			differ(c, _("%s has %zu marks, the timeline %zu"),
			    l->v[i].id, l->v[i].nmarks, seen[i]);
	free(seen);
}

static void
compare_enquiries(struct cmp *c, const struct chain_notices *n,
    const struct notice_enquiries *q)
{
	char digest[65], seq[24];
	size_t i;

	if (q->n != n->nenquiries) {
		differ(c, _("%zu enquiries are stored, the timeline has %zu"),
		    q->n, n->nenquiries);
		return;
	}
	for (i = 0; i < q->n; i++) {
		snprintf(seq, sizeof seq, "%ld", q->v[i].seq);
		if (notice_enquiry_digest(&q->v[i], digest) != 0 ||
		    !same(seq, n->enquiries[i].seq) ||
		    !same(digest, n->enquiries[i].digest) ||
		    !same(q->v[i].by, n->enquiries[i].by))
			differ(c, _("enquiry %s differs from its event in the "
			    "timeline"), seq);
	}
}

int
chain_notices_compare(struct store *st, long id,
    const struct chain_notices *n, char *what, size_t len, int *differs,
    char *err, size_t errlen)
{
	struct cmp c = { what, len, differs };
	struct notice_list l;
	struct notice_enquiries q;
	int rc;

	rc = notice_load(st, id, &l, err, errlen);
	if (rc != ST_OK)
		return rc;
	rc = notice_enquiries_load(st, id, &q, err, errlen);
	if (rc == ST_OK) {
		compare_recipients(&c, n, &l);
		compare_marks(&c, n, &l);
		compare_enquiries(&c, n, &q);
		notice_enquiries_free(&q);
	}
	notice_list_free(&l);
	return rc;
}
