/*
 * report_ctx.h - what report.c (cover, answers, checklist, timeline) and
 * report_draft.c (drafts for the PPC and the individuals, signatures)
 * share while they word the report: the incident, its evaluation and the
 * report's language, and the helpers of report_text.c that turn answers
 * into text in it.
 */
#ifndef ANSHIN_REPORT_CTX_H
#define ANSHIN_REPORT_CTX_H

#include <stddef.h>

#include "i18n.h"
#include "model.h"
#include "report.h"
#include "report_layout.h"
#include "util.h"

struct report_ctx {
	const struct model_data *d;
	const struct incident *inc;
	const struct report_opts *o;
	struct evaluation ev;
	struct report_doc *doc;
	long today;
};

/* The report's language is an option, not the program's: English is the
 * message id itself; Japanese comes from the catalog the program bound. */
__attribute__((format_arg(2)))
static inline const char *
tx(const struct report_ctx *r, const char *msgid)
{
	return r->o->lang == LANG_EN ? msgid : gettext(msgid);
}

/* What is not known yet. */
static inline const char *
tbc(const struct report_ctx *r)
{
	return tx(r, N_("to be confirmed"));
}

/* A two-column table of labels and values, and one of its rows. */
void report_labels_table(struct report_ctx *r, double label_share);
void report_row2(struct report_ctx *r, const char *label, const char *value);
/* Appends "label: value" on a line of its own. */
void report_add_line(const struct report_ctx *r, struct buf *b,
    const char *label, const char *value);
/* Appends "label: answer", the answer "to be confirmed" when unanswered
 * or unknown. */
void report_add_answer(const struct report_ctx *r, struct buf *b,
    const char *key);
/* A value of fld as a person reads it: choice labels, joined for a
 * multi-choice; the answer to key so, or NULL when unanswered. */
char *report_value_text(const struct report_ctx *r,
    const struct form_field *fld, const char *value);
char *report_answer_text(const struct report_ctx *r, const char *key);
const char *report_field_label(const struct report_ctx *r, const char *key);
/* The assessment's grounds, one a line, or "none". */
char *report_grounds_text(const struct report_ctx *r);
const char *report_exemption_text(const struct report_ctx *r);
const char *report_status_text(const struct report_ctx *r,
    enum action_status s);
/* ISO 8601 "2026-10-06T09:00:00+09:00" as "2026-10-06 09:00:00", cut to
 * len characters. */
char *report_iso_text(const char *iso, size_t len);
/* The checklist supports the facility's judgement (LEGAL.md). */
const char *report_disclaimer(const struct report_ctx *r);

/* report_draft.c: the draft of the report to the PPC (Enforcement Rules
 * Art. 8 order), the draft notice to the individuals (when reportable),
 * and the closing: measures, signatures, disclaimer. */
void report_draft_ppc(struct report_ctx *r);
void report_draft_notice(struct report_ctx *r);
void report_draft_closing(struct report_ctx *r);

#endif
