/*
 * review_act.c - what the incident screen changes, always through the
 * model, which stores each change with its timeline event: marking an
 * action done (who, when, a note) or skipped (a reason), setting it back
 * to open, notes, the intake in the wizard, closing (refused with the
 * model's reasons while required actions are open; then the measures),
 * reopening, and the PDF export. The incident is read again before and
 * after each change, so another instance or the CLI is never overwritten
 * from a stale copy.
 */
#include "tui/review.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report.h"
#include "tui/checklist.h"
#include "tui/draw.h"
#include "tui/edit.h"
#include "tui/keys.h"
#include "tui/term.h"

/* ---- a multi-line question (notes, measures) ---- */

static void
draw_frame(int y, int x, int h, int w, const char *footer)
{
	int i;

	for (i = 0; i < h; i++)
		tui_fill(y + i, x, w, A_NORMAL);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y, x, ACS_ULCORNER);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	tui_put(y + h - 1, x + 2, w - 4, footer, tui_term_attr(TC_DIM));
}

static void
draw_editor(struct review *r, const char *question, struct tui_edit *ed)
{
	char *bar = tui_keys_bar(KC_EDITOR | KC_LONG, r->t->lang);
	int w = COLS - 4 < 76 ? COLS - 4 : 76, rows = LINES >= 30 ? 10 : 6;
	int h, y, x, cy, cx;

	review_redraw(r);
	h = 2 + 2 + rows;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	draw_frame(y, x, h, w, bar);
	tui_put(y + 1, x + 2, w - 4, question, A_BOLD);
	tui_edit_draw(ed, y + 2, x + 2, rows, w - 4, &cy, &cx);
	move(cy, cx);
	curs_set(1);
	free(bar);
}

/* Enter starts a new line, Tab confirms, Esc cancels. Returns 1 and sets
 * *out (caller frees) when confirmed. */
static int
ask_text(struct review *r, const char *question, const char *initial,
    char **out)
{
	struct tui_edit ed;
	enum tui_act act = TA_NONE;
	int key;

	tui_edit_init(&ed, 1);
	tui_edit_set(&ed, initial != NULL ? initial : "");
	*out = NULL;
	while (!tui_term_signal_pending()) {
		if (tui_too_small())
			tui_draw_too_small();
		else
			draw_editor(r, question, &ed);
		refresh();
		key = tui_term_key();
		act = tui_key_action(KC_EDITOR | KC_LONG, key);
		if (act == TA_CONFIRM) {
			*out = tui_edit_text(&ed);
			break;
		}
		if (act == TA_BACK || act == TA_INTERRUPT || act == TA_QUIT)
			break;
		tui_edit_apply(&ed, act, key);
	}
	curs_set(0);
	tui_edit_free(&ed);
	return *out != NULL;
}

/* ---- the checklist's changes ---- */

static const struct check_item *
selected(struct review *r)
{
	return r->sel < r->ev.nitems ? &r->ev.items[r->sel] : NULL;
}

/* Changes are refused on a closed incident: say how to go on. */
static int
refuse_closed(struct review *r)
{
	if (!r->inc->closed)
		return 0;
	review_status(r, _("This incident is closed: press r to reopen it "
	    "first."));
	return 1;
}

static void
store_action(struct review *r, const char *id, enum action_status s,
    const char *by, const char *at, const char *note)
{
	char err[1024], *msg;
	int rc;

	rc = model_set_action(r->t->st, r->t->data, r->inc, id, s, by, at,
	    note != NULL && *note != '\0' ? note : NULL, jtime_now(), err,
	    sizeof err);
	if (!review_refresh(r))
		return;
	if (rc != ST_OK) {
		msg = xasprintf(_("Not saved: %s"), err);
		review_message1(r, _("Error"), msg);
		free(msg);
	}
}

/* When the action was done: now by default; refused when it is not a
 * time or lies in the future. at receives ISO 8601. */
static int
ask_when(struct review *r, char at[26])
{
	char now[17], msg[256], *text = NULL, *initial, *why;
	jtime_t t, nowt = jtime_now();
	int ok = 0;

	jtime_format_minute(nowt, now);
	initial = xstrdup(now);
	while (!ok && tui_prompt(r->t, _("Done at:"), initial, &text,
	    review_redraw, r)) {
		util_trim(text);
		why = NULL;
		if (*text == '\0' || strcmp(text, "now") == 0)
			t = nowt;
		else if (jtime_parse(text, &t, msg, sizeof msg) != 0)
			why = xasprintf(_("'%s' is not a time (%s): write "
			    "YYYY-MM-DD HH:MM, Japan time."), text, msg);
		else if (t > nowt + 60)
			why = xasprintf(_("%s is in the future (now %s)."), text,
			    now);
		if (why == NULL) {
			jtime_format_iso(t, at);
			ok = 1;
		} else {
			review_message1(r, _("Not a valid time"), why);
			free(why);
		}
		free(initial);
		initial = text;
	}
	free(initial);
	return ok;
}

void
review_mark_done(struct review *r)
{
	const struct check_item *it;
	const char *pic;
	char at[26], *by = NULL, *note = NULL, *id;

	if (!review_refresh(r) || refuse_closed(r) || (it = selected(r)) == NULL)
		return;
	if (it->status == ACTION_DONE && it->record != NULL) {
		review_status(r, _("Already done: o sets it back to open."));
		return;
	}
	id = xstrdup(it->action->id);
	pic = incident_value(r->t->data, r->inc, "person_in_charge");
	if (tui_prompt(r->t, _("Done by:"), pic != NULL ? pic :
	    tui_by(r->t), &by, review_redraw, r) && ask_when(r, at) &&
	    tui_prompt(r->t, _("Note (optional):"), "", &note, review_redraw, r))
		store_action(r, id, ACTION_DONE, *util_trim(by) ? by :
		    tui_by(r->t), at, util_trim(note));
	free(by);
	free(note);
	free(id);
}

void
review_skip(struct review *r)
{
	const struct check_item *it;
	char *reason = NULL, *id;
	const char *q = _("Reason it does not apply:");

	if (!review_refresh(r) || refuse_closed(r) || (it = selected(r)) == NULL)
		return;
	if (it->status == ACTION_SKIPPED) {
		review_status(r, _("Already skipped: o sets it back to open."));
		return;
	}
	id = xstrdup(it->action->id);
	while (tui_prompt(r->t, q, "", &reason, review_redraw, r)) {
		if (*util_trim(reason) != '\0') {
			store_action(r, id, ACTION_SKIPPED, tui_by(r->t),
			    NULL, reason);
			break;
		}
		free(reason);
		reason = NULL;
		q = _("A reason is required:");
	}
	free(reason);
	free(id);
}

void
review_reopen_action(struct review *r)
{
	const struct check_item *it;
	char *q, *id;

	if (!review_refresh(r) || refuse_closed(r) || (it = selected(r)) == NULL)
		return;
	if (it->status == ACTION_OPEN) {
		review_status(r, _("This action is open already."));
		return;
	}
	id = xstrdup(it->action->id);
	q = xasprintf(_("Set \"%s\" back to open?"), tr_get(&it->action->title,
	    r->t->lang));
	if (tui_ask(r->t, q, review_redraw, r))
		store_action(r, id, ACTION_OPEN, tui_by(r->t), NULL, NULL);
	free(q);
	free(id);
}

void
review_detail(struct review *r)
{
	const struct check_item *it = selected(r);
	struct strv p = { NULL, 0 };
	char *line;

	if (it == NULL)
		return;
	tui_checklist_detail(r->t, r->inc, it, &p);
	if (it->record != NULL && it->record->note != NULL &&
	    *it->record->note != '\0' && it->status != ACTION_OPEN) {
		line = xasprintf("%s%s", it->status == ACTION_SKIPPED ?
		    _("Reason: ") : _("Note: "), it->record->note);
		strv_push(&p, line);
		free(line);
	}
	review_message(r, tr_get(&it->action->title, r->t->lang), &p);
	strv_free(&p);
}

/* ---- notes, the wizard, closing, reopening, PDF ---- */

void
review_add_note(struct review *r)
{
	char err[1024], *text, *msg;
	int rc;

	if (!review_refresh(r) || refuse_closed(r))
		return;
	if (!ask_text(r, _("New note (Enter: new line, Tab: save):"), "",
	    &text))
		return;
	if (text[strspn(text, " \t\n")] != '\0') {
		rc = model_add_note(r->t->st, r->t->data, r->inc, text,
		    tui_by(r->t), jtime_now(), err, sizeof err);
		if (review_refresh(r) && rc != ST_OK) {
			msg = xasprintf(_("Not saved: %s"), err);
			review_message1(r, _("Error"), msg);
			free(msg);
		}
	}
	free(text);
}

void
review_edit(struct review *r)
{
	int rc = tui_wizard_run(r->t, r->ref);

	if (rc >= 128) {
		r->done = 1;
		r->rc = rc;
		return;
	}
	if (rc != ST_OK)
		review_message1(r, _("Error"), r->t->err);
	review_refresh(r);
}

/* The title of the open action a refusal names (its id, as a word). */
static const char *
reason_title(const struct review *r, const char *reason)
{
	const struct check_item *it;
	const char *at;
	size_t i, n;

	for (i = 0; i < r->ev.nitems; i++) {
		it = &r->ev.items[i];
		if (it->status != ACTION_OPEN)
			continue;
		n = strlen(it->action->id);
		for (at = strstr(reason, it->action->id); at != NULL;
		    at = strstr(at + 1, it->action->id))
			if ((at == reason || (at[-1] != '_' &&
			    !isalnum((unsigned char)at[-1]))) &&
			    at[n] != '_' && !isalnum((unsigned char)at[n]))
				return tr_get(&it->action->title, r->t->lang);
	}
	return NULL;
}

/* The reasons model_close gives, but for the empty measures: those are
 * asked next. */
static void
close_refused(struct review *r, const struct strv *reasons)
{
	const char *empty = _("the recurrence-prevention measures "
	    "(--measures) are empty");
	struct strv p = { NULL, 0 };
	const char *title;
	char *line;
	size_t i;

	strv_push(&p, _("The incident cannot be closed yet:"));
	for (i = 0; i < reasons->n; i++) {
		if (strcmp(reasons->v[i], empty) == 0)
			continue;
		title = reason_title(r, reasons->v[i]);
		line = title != NULL ? xasprintf("  - %s: %s", reasons->v[i],
		    title) : xasprintf("  - %s", reasons->v[i]);
		strv_push(&p, line);
		free(line);
	}
	strv_push(&p, "");
	strv_push(&p, _("Mark those actions done, or skipped with a reason, "
	    "in the checklist (2); answer what the assessment still needs "
	    "(e edits the intake)."));
	review_message(r, _("Cannot close yet"), &p);
	strv_free(&p);
}

/* Whether closing would be refused for anything but the measures. */
static int
close_blocked(const struct review *r)
{
	size_t i;

	if (r->ev.result.reportable == REPORTABLE_UNDETERMINED)
		return 1;
	for (i = 0; i < r->ev.nitems; i++)
		if (r->ev.items[i].status == ACTION_OPEN &&
		    r->ev.items[i].action->phase != PHASE_FOLLOWUP)
			return 1;
	return 0;
}

void
review_close(struct review *r)
{
	struct strv reasons = { NULL, 0 };
	char err[1024], *measures = NULL;
	int rc;

	if (!review_refresh(r))
		return;
	if (r->inc->closed) {
		review_status(r, _("Already closed: r reopens it."));
		return;
	}
	if (close_blocked(r)) {
		/* Empty measures make sure nothing is written. */
		model_close(r->t->st, r->t->data, r->inc, "", tui_by(r->t),
		    jtime_now(), &reasons, err, sizeof err);
		/* model_close replaced the incident's records, which the
		 * checklist items point into: evaluate again before drawing. */
		if (review_refresh(r))
			close_refused(r, &reasons);
		strv_free(&reasons);
		return;
	}
	if (!ask_text(r, _("Recurrence-prevention measures (Enter: new line, "
	    "Tab: close the incident):"), r->inc->measures, &measures))
		return;
	rc = model_close(r->t->st, r->t->data, r->inc, measures,
	    tui_by(r->t), jtime_now(), &reasons, err, sizeof err);
	if (review_refresh(r)) {
		if (rc == ST_OK) {
			review_status(r, _("Closed. The measures are in the summary "
			    "and the report; r reopens the incident."));
			r->view = RV_SUMMARY;
		} else if (reasons.n > 0)
			close_refused(r, &reasons);
		else
			review_message1(r, _("Error"), err);
	}
	strv_free(&reasons);
	free(measures);
}

void
review_reopen(struct review *r)
{
	char err[1024], *q;
	int rc;

	if (!review_refresh(r))
		return;
	if (!r->inc->closed) {
		review_status(r, _("The incident is open: r reopens a closed "
		    "one."));
		return;
	}
	q = xasprintf(_("Reopen incident %s? This is recorded in the "
	    "timeline."), r->ref);
	if (tui_ask(r->t, q, review_redraw, r)) {
		rc = model_reopen(r->t->st, r->t->data, r->inc,
		    tui_by(r->t), jtime_now(), err, sizeof err);
		if (review_refresh(r))
			review_status(r, rc == ST_OK ? _("Reopened.") : err);
	}
	free(q);
}

/* "~/x.pdf" with the home directory (caller frees). */
static char *
expand_home(const char *path)
{
	const char *home = getenv("HOME");

	if (strncmp(path, "~/", 2) == 0 && home != NULL && *home != '\0')
		return xasprintf("%s/%s", home, path + 2);
	return xstrdup(path);
}

void
review_export(struct review *r)
{
	struct report_opts o;
	struct strv p = { NULL, 0 };
	const char *home = getenv("HOME");
	char err[1024], *def, *typed, *path;
	int rc;

	if (!review_refresh(r))
		return;
	def = xasprintf("%sanshin-ir-%s.pdf", home != NULL && *home != '\0' ?
	    "~/" : "", r->ref);
	if (!tui_prompt(r->t, _("Save the PDF as:"), def, &typed, review_redraw,
	    r)) {
		free(def);
		return;
	}
	path = expand_home(*util_trim(typed) != '\0' ? typed : def);
	memset(&o, 0, sizeof o);
	o.lang = r->t->lang;
	o.now = jtime_now();
	o.watermark = r->inc->drill != NULL;
	rc = report_write(r->t->data, r->t->st, r->inc, &o, path, err,
	    sizeof err);
	if (rc == ST_OK)
		rc = model_record_export(r->t->st, r->inc, path,
		    tui_by(r->t), jtime_now(), err, sizeof err);
	review_refresh(r);
	/* The path on a line of its own: a long one wraps, not the words. */
	strv_push(&p, rc == ST_OK ? _("The report was written to:") :
	    _("The report was not written:"));
	strv_push(&p, rc == ST_OK ? path : err);
	review_message(r, _("PDF report"), &p);
	strv_free(&p);
	free(path);
	free(typed);
	free(def);
}
