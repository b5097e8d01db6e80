/*
 * notice.h - the notices to the individuals of an incident (APPI Art.
 * 26(2), docs/legal.md): who is to be told (the recipients, imported from
 * a CSV file), the marks of each notice (sent, returned, reached,
 * unreachable), the enquiries that follow, and the progress that the
 * checklist, the PPC draft's item 6 and the screens show. The names and
 * addresses live in the incident's database and in these structs only:
 * the timeline names a recipient by its id (docs/contract.md §6).
 * notice.c loads and counts, notice_csv.c reads the CSV file,
 * model_notice.c changes them.
 */
#ifndef ANSHIN_NOTICE_H
#define ANSHIN_NOTICE_H

#include <stddef.h>

#include "charset.h"
#include "store.h"
#include "util.h"

/* The checklist action whose status the marks decide (docs/contract.md
 * §4). The kinds of their timeline events are the contract table's
 * (EVENT_RECIPIENTS, EVENT_NOTICE, EVENT_ENQUIRY in contract.h). */
#define NOTICE_ACTION "notify_individuals"

enum notice_mark { NOTICE_SENT, NOTICE_RETURNED, NOTICE_REACHED,
	NOTICE_UNREACHABLE, NOTICE_MARKS };
enum notice_via { NOTICE_LETTER, NOTICE_EMAIL, NOTICE_PHONE,
	NOTICE_IN_PERSON, NOTICE_VIAS };

/* The names of docs/contract.md §1 ("sent", ...; "letter", ...); parse
 * gives -1 for anything else. */
const char *notice_mark_name(enum notice_mark m);
int notice_mark_parse(const char *s);
const char *notice_via_name(enum notice_via v);
int notice_via_parse(const char *s);
/* Words for people in lang: 「送付」 "sent", 「郵送」 "letter", ... */
const char *notice_mark_label(enum notice_mark m, enum lang lang);
const char *notice_via_label(enum notice_via v, enum lang lang);

struct notice_mark_rec {
	enum notice_mark mark;
	int via;			/* enum notice_via, or -1 */
	char *at;			/* ISO 8601: when it happened */
	char *note;
	char *by;
};

struct notice_recipient {
	char *id, *name, *postal_code, *address, *email, *phone, *note;
	int line;			/* its line in the CSV file, else 0 */
	struct notice_mark_rec *marks;	/* oldest first */
	size_t nmarks;
};

/* Recipients in id order: numbers within ids compare as numbers
 * ("R2" < "R10"), the way the letters are printed. */
struct notice_list {
	struct notice_recipient *v;
	size_t n;
};

struct notice_enquiry {
	long seq;			/* 1, 2, ... */
	char *at, *from_name, *text, *answer, *by;
	int follow_up;			/* a follow-up is needed */
};
struct notice_enquiries {
	struct notice_enquiry *v;
	size_t n;
};

/* Reads a CSV file's bytes (man 5 anshin-ir, RECIPIENTS) into out, in
 * file order, each with its line; says which encoding it was. Every row
 * is checked: ST_DATAERR with "NAME:LINE: column: what was expected"
 * (never the value itself), and out empty. */
int notice_csv_parse(const char *data, size_t len, const char *name,
    struct notice_list *out, enum charset *which, char *err, size_t errlen);

/* Loads incident id's recipients with their marks, or its enquiries. */
int notice_load(struct store *st, long id, struct notice_list *out,
    char *err, size_t errlen);
int notice_enquiries_load(struct store *st, long id,
    struct notice_enquiries *out, char *err, size_t errlen);
void notice_list_free(struct notice_list *l);
void notice_enquiries_free(struct notice_enquiries *q);
void notice_recipient_clear(struct notice_recipient *r);

/* The order of ids described above (a total order). */
int notice_id_cmp(const char *a, const char *b);
void notice_list_sort(struct notice_list *l);
/* By id in a sorted list, or NULL. */
const struct notice_recipient *notice_find(const struct notice_list *l,
    const char *id);
/* The last mark, or -1 when there is none. */
int notice_last(const struct notice_recipient *r);
/* Unsent: no mark yet, or the last one is `returned` (docs/contract.md
 * §1): who the next batch of letters is for. */
int notice_unsent(const struct notice_recipient *r);
/* In a batch of letters or labels: every recipient, or with
 * `only_unsent` the unsent ones; and how many of l that is. */
int notice_selected(const struct notice_recipient *r, int only_unsent);
size_t notice_count_selected(const struct notice_list *l, int only_unsent);

/* The digests the timeline carries instead of personal data
 * (chain_content_digest): the recipients as stored (in the byte order of
 * their ids), a mark's note, an enquiry. Return 0 or -1. */
int notice_recipients_digest(const struct notice_list *l, char out[65]);
int notice_note_digest(const char *note, char out[65]);
int notice_enquiry_digest(const struct notice_enquiry *q, char out[65]);

/* How far the notices have got: each recipient counted once, by its last
 * mark; the days are those of these last marks (-1: none). */
struct notice_progress {
	int total;
	int by_mark[NOTICE_MARKS];
	int unmarked;
	long first[NOTICE_MARKS], last[NOTICE_MARKS];
	int enquiries, follow_ups;
};
void notice_progress_of(const struct notice_list *l,
    const struct notice_enquiries *q, struct notice_progress *p);
/* Told: the last mark is sent or reached. */
int notice_told(const struct notice_progress *p);
/* Done (docs/contract.md §4): there are recipients and each is told,
 * or, with `published` (publication = published), told or unreachable. */
int notice_complete(const struct notice_progress *p, int published);
/* 「通知 40／43、返送 2、連絡不能 1」 in lang. */
char *notice_progress_text(const struct notice_progress *p, enum lang lang);

/* The notices' timeline events in words for the screens and the report
 * (「R001：送付済み → 返送（不着）（郵送）」); NULL for an event of another
 * kind. */
char *notice_event_text(const struct store_event *ev, enum lang lang);

#endif
