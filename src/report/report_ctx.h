/*
 * report_ctx.h - what the files of the report's documents share while
 * they word them: report.c (the report: cover, facts, checklist,
 * signatures; and the choice of document), report_timeline.c (the
 * timeline appendix), report_ppc.c (the PPC draft), report_letter.c (the
 * letter to the individuals and the public notice), and the helpers of
 * report_text.c that turn answers, actions and dates into text in the
 * document's language.
 */
#ifndef ANSHIN_REPORT_CTX_H
#define ANSHIN_REPORT_CTX_H

#include <stddef.h>

#include "i18n.h"
#include "model.h"
#include "report.h"
#include "report_layout.h"
#include "util.h"

/* A blank on paper, as forms print one (full-width low lines, which
 * text extraction keeps as text), wide enough for a phone number or a
 * name: where the facility profile has no value. */
#define REPORT_BLANK "\uFF3F\uFF3F\uFF3F\uFF3F\uFF3F\uFF3F\uFF3F\uFF3F"

struct report_ctx {
	const struct model_data *d;
	const struct incident *inc;
	const struct report_opts *o;
	struct evaluation ev;
	struct report_doc *doc;
	long today;
	struct notice_list recipients;	/* the notices to the individuals */
	struct notice_enquiries enquiries;
};

/* The document's language is an option, not the program's: English is
 * the message id itself; Japanese comes from the catalog the program
 * bound. */
__attribute__((format_arg(2)))
static inline const char *
tx(const struct report_ctx *r, const char *msgid)
{
	return r->o->lang == LANG_EN ? msgid : gettext(msgid);
}

/* An open question ("to be confirmed"): what the facility still has to
 * find out. Distinct from "unknown" (an answer: 不明) and from "not
 * entered" (no answer yet: 未入力). */
static inline const char *
tbc(const struct report_ctx *r)
{
	return tx(r, N_("to be confirmed"));
}

static inline const char *
report_unknown(const struct report_ctx *r)
{
	return tx(r, N_("unknown"));
}

static inline const char *
report_unentered(const struct report_ctx *r)
{
	return tx(r, N_("not entered"));
}

/* A two-column table of labels and values, and one of its rows. */
void report_labels_table(struct report_ctx *r, double label_share);
void report_row2(struct report_ctx *r, const char *label, const char *value);
/* Appends "label: value" on a line of its own. */
void report_add_line(const struct report_ctx *r, struct buf *b,
    const char *label, const char *value);
/* A value of fld as a person reads it: choice labels, joined for a
 * multi-choice; the answer to key so, or NULL when unanswered. */
char *report_value_text(const struct report_ctx *r,
    const struct form_field *fld, const char *value);
char *report_answer_text(const struct report_ctx *r, const char *key);
/* The answer, "unknown" when answered so, "not entered" when not. */
char *report_fact_text(const struct report_ctx *r, const char *key);
const char *report_field_label(const struct report_ctx *r, const char *key);
/* 1 when key is answered with value (a multi-choice: holds it). */
int report_answer_is(const struct report_ctx *r, const char *key,
    const char *value);
/* The assessment's grounds, one a line, or "none". */
char *report_grounds_text(const struct report_ctx *r);
const char *report_exemption_text(const struct report_ctx *r);
const char *report_status_text(const struct report_ctx *r,
    enum action_status s);
/* ISO 8601 "2026-10-06T09:00:00+09:00" as "2026-10-06 09:00:00", cut to
 * len characters. */
char *report_iso_text(const char *iso, size_t len);
/* Dates as a letter writes them: 「2026年10月5日」, "5 October 2026";
 * from a day number, or from the date part of a stored time (NULL when
 * it has none). */
char *report_day_text(const struct report_ctx *r, long day);
char *report_date_text(const struct report_ctx *r, const char *iso);
/* The number of persons with its unit: 「約42人」 when estimated,
 * "unknown" or "not entered" when there is no number. */
char *report_persons_text(const struct report_ctx *r);
/* A facility profile value (contacts.conf), or NULL when unset. */
const char *report_profile(const struct report_ctx *r, const char *key);
/* A context for a document of no incident (the card, the ledger), with a
 * new empty document. */
void report_ctx_init(struct report_ctx *r, const struct model_data *d,
    const struct report_opts *o);
/* Furniture with what every document's has: the facility as its author
 * and its language; the rest zero. */
void report_furniture_init(struct report_furniture *f,
    const struct report_ctx *r);

/* Actions as they were done: the checklist item when it is listed. */
const struct check_item *report_item(const struct report_ctx *r,
    const char *action);
/* 1 when the action is recorded done (by a person or by an answer). */
int report_done(const struct report_ctx *r, const char *action);
/* The day it was done, -1 when not done or not known. */
long report_done_day(const struct report_ctx *r, const char *action);
const char *report_action_title(const struct report_ctx *r,
    const char *action);
/* "title: done 2026-10-05 19:00 (by)", "title: not applicable
 * (reason)", "title: to do (due ...)", one line per action. */
char *report_action_line(const struct report_ctx *r,
    const struct check_item *it);

/* The kind of device, as a word inside a sentence (lower case in
 * English), or `none` when unanswered. */
char *report_device_text(const struct report_ctx *r, const char *none);
/* The stage a PPC draft is for (--stage, else from the checklist). */
enum report_stage report_ppc_stage(const struct report_ctx *r);
/* The kind of incident as the subject of a sentence ("the loss of a
 * tablet"), for titles and metadata: the kind's label. */
const char *report_kind_text(const struct report_ctx *r);

/* report_ppc.c: the PPC draft, block by block as the PPC's form asks
 * (docs/legal.md §2b). */
void report_ppc(struct report_ctx *r);
/* report_letter.c: the letter to the individuals (one page, addressed to
 * r->o->to) and the public notice; each on its own page(s). */
void report_letter(struct report_ctx *r);
void report_announcement(struct report_ctx *r);
/* report_notice.c: one letter per recipient selected (o->only_unsent),
 * each on its own page; the address labels; how far the notices have
 * got, for the PPC draft's item 6; the enquiries as an appendix, without
 * the names of who asked. */
size_t report_letters(struct report_ctx *r);
size_t report_labels(struct report_ctx *r);
char *report_notices_text(const struct report_ctx *r);
void report_enquiries(struct report_ctx *r);
/* report_timeline.c: the timeline, and the tamper-evidence note (the
 * event count and head hash as exported, for `verify REF --at N`). */
int report_timeline(struct report_ctx *r, struct store *st, char *err,
    size_t errlen);
int report_chain_note(struct report_ctx *r, struct store *st, char *err,
    size_t errlen);

/* report_ledger.c: the incident's device as the ledger recorded it when
 * it was lost (nothing when the incident names none). */
void report_ledger_entry(struct report_ctx *r, struct store *st);

#endif
