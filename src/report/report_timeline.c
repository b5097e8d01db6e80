/*
 * report_timeline.c - the report's timeline appendix and its
 * tamper-evidence note. The timeline is a chronology: the time each event
 * was recorded, and for an action the time it was done, which may be
 * days earlier (actions done on 10-05 and entered on 12-07 must not read
 * as done two months late); answers read 「設定：値」 or 「変更：旧 → 新」;
 * notes run across the columns they do not need; an export names the
 * file, never where it lies on the computer.
 */
#include <stdlib.h>
#include <string.h>

#include "report_ctx.h"

/* Columns: recorded, done, event, what, by; a note spans from "done" to
 * "what". */
#define COL_DONE 1
#define COL_BY 4

static const char *
event_kind_text(const struct report_ctx *r, const char *kind)
{
	const char *label = contract_event_label(kind);

	return label != NULL ? tx(r, label) : kind;
}

static char *
answer_value_text(const struct report_ctx *r, const char *key,
    const char *value)
{
	const struct form_field *fld = form_field_find(r->d->form, key);

	return fld != NULL ? report_value_text(r, fld, value) : xstrdup(value);
}

/* 「設定：値」 for a first answer, 「変更：旧 → 新」 for a change,
 * 「取消：旧」 for an answer cleared. */
static char *
answer_change(const struct report_ctx *r, const struct store_event *ev)
{
	char *old = ev->old != NULL ? answer_value_text(r, ev->key, ev->old) :
	    NULL;
	char *new_ = ev->new_ != NULL ? answer_value_text(r, ev->key,
	    ev->new_) : NULL;
	char *s;

	if (old == NULL)
		s = xasprintf(tx(r, N_("Set: %s")), new_ != NULL ? new_ : "");
	else if (new_ == NULL)
		s = xasprintf(tx(r, N_("Cleared: %s")), old);
	else
		s = xasprintf(tx(r, N_("Changed: %s → %s")), old, new_);
	free(old);
	free(new_);
	return s;
}

/* The file's name alone: the folders it lies in are the computer's. */
static const char *
base_name(const char *path)
{
	const char *slash = path != NULL ? strrchr(path, '/') : NULL;

	return slash != NULL ? slash + 1 : path != NULL ? path : "";
}

static char *
event_text(const struct report_ctx *r, const struct store_event *ev)
{
	const char *kind = ev->kind, *what = ev->key != NULL ?
	    report_action_title(r, ev->key) : NULL;

	char *change, *s;

	if (strcmp(kind, EVENT_ANSWER) == 0 && ev->key != NULL) {
		change = answer_change(r, ev);
		s = xasprintf(tx(r, N_("%s — %s")), report_field_label(r,
		    ev->key), change);
		free(change);
		return s;
	}
	if (strcmp(kind, EVENT_ACTION) == 0)
		return xasprintf("%s\n%s → %s", what != NULL ? what : "",
		    report_status_text(r, contract_status_parse(ev->old)),
		    report_status_text(r, contract_status_parse(ev->new_)));
	if (strcmp(kind, EVENT_NOTE) == 0 && what != NULL)
		return xasprintf(tx(r, N_("Note on \"%s\": %s")), what,
		    ev->new_ != NULL ? ev->new_ : "");
	if (strcmp(kind, EVENT_NOTE) == 0)
		return xasprintf(tx(r, N_("Note: %s")), ev->new_ != NULL ?
		    ev->new_ : "");
	if (strcmp(kind, EVENT_EXPORT) == 0)
		return xasprintf(tx(r, N_("PDF written: %s")),
		    base_name(ev->new_));
	if (strcmp(kind, EVENT_CLOSED) == 0 && ev->new_ != NULL &&
	    strcmp(ev->new_, CONTRACT_DRILL_SUBMITTED) != 0)
		return xasprintf(tx(r, N_("Closed. Measures: %s")), ev->new_);
	if (strcmp(kind, EVENT_CREATED) == 0)
		return xstrdup(tx(r, N_("Incident recorded")));
	return xstrdup(event_kind_text(r, kind));
}

/* Notes and closing measures are prose: they take the columns between
 * the times and the name. */
static int
is_prose(const struct store_event *ev)
{
	return strcmp(ev->kind, EVENT_NOTE) == 0 ||
	    strcmp(ev->kind, EVENT_CLOSED) == 0;
}

static void
timeline_row(void *ud, const struct store_event *ev)
{
	struct report_ctx *r = ud;
	char *at = report_iso_text(ev->at, 16), *text = event_text(r, ev);
	char *done = strcmp(ev->kind, EVENT_ACTION) == 0 &&
	    ev->acted_at != NULL ? report_iso_text(ev->acted_at, 16) :
	    xstrdup("");
	const char *cells[5] = { at, done, event_kind_text(r, ev->kind), text,
		ev->by };

	if (is_prose(ev)) {
		cells[COL_DONE] = text;
		report_doc_row_span(r->doc, cells, COL_DONE, COL_BY);
	} else {
		report_doc_row(r->doc, cells);
	}
	free(at);
	free(done);
	free(text);
}

int
report_timeline(struct report_ctx *r, struct store *st, char *err,
    size_t errlen)
{
	/* "2026-10-06 09:00" needs 17.5 %, "reopened" 10 % (IPAex, 9 pt). */
	static const double shares[5] = { 18, 18, 10, 41, 13 };
	const char *head[5] = { tx(r, N_("Recorded")), tx(r, N_("Done at")),
		tx(r, N_("Event")), tx(r, N_("What")), tx(r, N_("By")) };

	report_doc_heading(r->doc, 1, tx(r, N_("Appendix: timeline")));
	report_doc_note(r->doc, tx(r, N_("Events in the order they were "
	    "recorded. For an action, \"Done at\" is when it was done, as "
	    "recorded; it may be earlier than the record.")));
	report_doc_table(r->doc, 5, shares, REPORT_TABLE_HEADER, 0);
	report_doc_row(r->doc, head);
	return store_events_get(st, r->inc->id, timeline_row, r, err, errlen);
}

/* The last link of the hash chain, so that a printed copy can later be
 * compared with the database (`anshin-ir verify`). */
int
report_chain_note(struct report_ctx *r, struct store *st, char *err,
    size_t errlen)
{
	struct chain_report v;
	char *line;
	int rc;

	rc = model_verify(st, r->inc, 0, &v, err, errlen);
	if (rc != ST_OK)
		return rc;
	/* The export's own event comes after: the head printed here is the
	 * one `verify --at N` gives for this copy later. */
	if (v.broken != 0)
		line = xasprintf(tx(r, N_("Tamper evidence: the record was "
		    "ALTERED after it was written: %s")), v.what);
	else
		line = xasprintf(tx(r, N_("Tamper evidence: as exported, the "
		    "timeline has %ld events and its hash chain is intact; the "
		    "hash of event %ld is %s. To check this printed copy later, "
		    "'anshin-ir verify %s --at %ld' must print the same hash.")),
		    v.events, v.events, v.head, r->inc->ref, v.events);
	report_doc_note(r->doc, line);
	free(line);
	return ST_OK;
}
