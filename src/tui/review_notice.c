/*
 * review_notice.c - view 6 of the incident screen: the notices to the
 * individuals (docs/contract.md §7). The recipients with their last mark
 * (all, or the unsent only), picked one by one or all shown at once and
 * marked together; each person's contacts and marks; the enquiries that
 * follow, logged here; the list imported from a CSV file. Names are shown
 * here because this is where the notices are made; every change goes
 * through the model, whose timeline names the id only.
 */
#include "tui/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_input.h"
#include "i18n.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/term.h"

/* ---- who is shown, picked, under the cursor ------------------------- */

static int
shown(const struct review *r, size_t i)
{
	return !r->notices.only_unsent ||
	    notice_unsent(&r->notices.list.v[i]);
}

size_t
review_notices_shown(const struct review *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->notices.list.n; i++)
		n += shown(r, i) != 0;
	return n;
}

/* The index in the list of the k-th recipient shown, or the list's size. */
static size_t
nth_shown(const struct review *r, size_t k)
{
	size_t i;

	for (i = 0; i < r->notices.list.n; i++)
		if (shown(r, i) && k-- == 0)
			return i;
	return r->notices.list.n;
}

static const struct notice_recipient *
at_cursor(const struct review *r)
{
	size_t i = nth_shown(r, r->notices.cur);

	return i < r->notices.list.n ? &r->notices.list.v[i] : NULL;
}

static int
was_picked(const struct review_notices *old, const char *id)
{
	size_t i;

	for (i = 0; i < old->list.n; i++)
		if (old->picked[i] && strcmp(old->list.v[i].id, id) == 0)
			return 1;
	return 0;
}

void
review_notices_free(struct review_notices *n)
{
	notice_list_free(&n->list);
	notice_enquiries_free(&n->enquiries);
	free(n->picked);
	n->picked = NULL;
}

/* Read again, keeping the picks and the cursor on the same people. */
int
review_notices_reload(struct review *r, long id, char *err, size_t errlen)
{
	struct review_notices fresh = r->notices, *old = &r->notices;
	const struct notice_recipient *cur = at_cursor(r);
	char *keep = cur != NULL ? xstrdup(cur->id) : NULL;
	size_t i;
	int rc = notice_load(r->t->st, id, &fresh.list, err, errlen);

	if (rc == ST_OK)
		rc = notice_enquiries_load(r->t->st, id, &fresh.enquiries, err,
		    errlen);
	if (rc != ST_OK) {
		notice_list_free(&fresh.list);
		free(keep);
		return rc;
	}
	fresh.picked = xcalloc(fresh.list.n + 1, 1);
	for (i = 0; i < fresh.list.n; i++)
		fresh.picked[i] = (unsigned char)was_picked(old,
		    fresh.list.v[i].id);
	review_notices_free(old);
	r->notices = fresh;
	r->notices.cur = 0;
	for (i = 0; keep != NULL && i < review_notices_shown(r); i++)
		if (strcmp(r->notices.list.v[nth_shown(r, i)].id, keep) == 0)
			r->notices.cur = i;
	free(keep);
	return ST_OK;
}

/* ---- the rows ---------------------------------------------------------- */

/* 「送付済み 10-05 郵送」, 「未送付」. */
static char *
last_mark_text(const struct review *r, const struct notice_recipient *p)
{
	const struct notice_mark_rec *k = p->nmarks > 0 ?
	    &p->marks[p->nmarks - 1] : NULL;

	if (k == NULL)
		return xstrdup(_("not yet sent"));
	return xasprintf("%s %.5s%s%s", notice_mark_label(k->mark, r->t->lang),
	    k->at + 5, k->via >= 0 ? " " : "", k->via >= 0 ?
	    notice_via_label((enum notice_via)k->via, r->t->lang) : "");
}

static void
recipient_row(const struct review *r, size_t i, int item, int cols,
    struct tui_rows *out)
{
	const struct notice_recipient *p = &r->notices.list.v[i];
	char *id = review_pad(p->id, 6), *name = review_pad(p->name, 16);
	char *mark = last_mark_text(r, p), *line;
	attr_t a = notice_unsent(p) ? A_BOLD : A_NORMAL;

	line = xasprintf("%s %s  %s  %s", r->notices.picked[i] ? "[x]" : "[ ]",
	    id, name, mark);
	free(id);
	free(name);
	free(mark);
	id = text_fit(line, (size_t)cols);
	tui_rows_add(out, id, NULL, a, item, 0);
	free(id);
	free(line);
}

static void
wrapped(struct tui_rows *out, const char *text, int indent, int cols,
    attr_t a)
{
	struct text_lines l;
	char *line;
	size_t i;

	tui_wrap(text, cols - indent, &l);
	for (i = 0; i < l.n; i++) {
		line = xasprintf("%*s%s", indent, "", l.line[i]);
		tui_rows_add(out, line, NULL, a, -1, 0);
		free(line);
	}
	text_lines_free(&l);
}

static void
enquiry_rows(const struct review *r, int cols, struct tui_rows *out)
{
	const struct notice_enquiries *q = &r->notices.enquiries;
	char when[17], *line;
	size_t i;

	line = xasprintf(_("Enquiries (%zu, follow-up needed: %d)"), q->n,
	    r->inc->notices.follow_ups);
	tui_rows_add(out, line, NULL, A_BOLD, -1, 1);
	free(line);
	if (q->n == 0)
		wrapped(out, _("None logged: t logs a call or letter received "
		    "after the notice."), 0, cols, A_NORMAL);
	for (i = 0; i < q->n; i++) {
		review_short_time(q->v[i].at, when, sizeof when);
		line = xasprintf("%ld  %s  %s%s", q->v[i].seq, when,
		    q->v[i].from_name != NULL ? q->v[i].from_name : "-",
		    q->v[i].follow_up ? _("  [follow-up needed]") : "");
		wrapped(out, line, 0, cols, q->v[i].follow_up ? A_BOLD :
		    A_NORMAL);
		free(line);
		line = xasprintf(_("asked: %s"), q->v[i].text);
		wrapped(out, line, 4, cols, A_NORMAL);
		free(line);
		line = xasprintf(_("answered: %s"), q->v[i].answer != NULL ?
		    q->v[i].answer : "-");
		wrapped(out, line, 4, cols, A_NORMAL);
		free(line);
	}
}

void
review_notices_rows(const struct review *r, int cols, struct tui_rows *out)
{
	char *progress, *line;
	size_t i;
	int k = 0;

	if (r->notices.list.n == 0) {
		wrapped(out, _("No one to notify yet. i imports the list from a "
		    "CSV file (UTF-8 or Shift_JIS, as a spreadsheet saves it): "
		    "a first line naming the columns name (氏名) and address "
		    "(住所), email or phone, then a row per person."), 0, cols,
		    A_NORMAL);
		tui_rows_add(out, "", NULL, A_NORMAL, -1, 0);
		enquiry_rows(r, cols, out);
		return;
	}
	progress = notice_progress_text(&r->inc->notices, r->t->lang);
	line = r->notices.only_unsent ? xasprintf(_("%s  (showing the unsent: "
	    "%zu)"), progress, review_notices_shown(r)) : xstrdup(progress);
	tui_rows_add(out, line, NULL, A_BOLD, -1, 1);
	free(line);
	free(progress);
	for (i = 0; i < r->notices.list.n; i++)
		if (shown(r, i))
			recipient_row(r, i, k++, cols, out);
	if (k == 0)
		wrapped(out, _("No one is unsent: u shows everyone."), 0, cols,
		    A_NORMAL);
	tui_rows_add(out, "", NULL, A_NORMAL, -1, 0);
	enquiry_rows(r, cols, out);
}

/* ---- picking ---------------------------------------------------------------- */

static void
pick_toggle(struct review *r)
{
	size_t i = nth_shown(r, r->notices.cur);

	if (i < r->notices.list.n)
		r->notices.picked[i] = !r->notices.picked[i];
	if (r->notices.cur + 1 < review_notices_shown(r))
		r->notices.cur++;
}

/* Everyone shown, or no one when everyone shown is picked already. */
static void
pick_all(struct review *r)
{
	size_t i, all = 1;

	for (i = 0; i < r->notices.list.n; i++)
		if (shown(r, i) && !r->notices.picked[i])
			all = 0;
	for (i = 0; i < r->notices.list.n; i++)
		r->notices.picked[i] = shown(r, i) && !all;
}

static void
filter_unsent(struct review *r)
{
	size_t i;

	r->notices.only_unsent = !r->notices.only_unsent;
	r->notices.cur = 0;
	/* what is no longer shown is not marked by mistake */
	for (i = 0; i < r->notices.list.n; i++)
		if (!shown(r, i))
			r->notices.picked[i] = 0;
}

/* The ids to mark: those picked among the shown, else the one at the
 * cursor. */
static void
targets(const struct review *r, struct strv *ids)
{
	const struct notice_recipient *p;
	size_t i;

	for (i = 0; i < r->notices.list.n; i++)
		if (shown(r, i) && r->notices.picked[i])
			strv_push(ids, r->notices.list.v[i].id);
	if (ids->n == 0 && (p = at_cursor(r)) != NULL)
		strv_push(ids, p->id);
}

/* ---- marking ------------------------------------------------------------- */

/* A digit 1-4 or the id of the choice ("sent", "letter"). */
static int
choice_of(const char *value, int (*parse)(const char *))
{
	char *f = form_input_fold(value), *v = util_trim(f);
	int n = *v >= '1' && *v <= '4' && v[1] == '\0' ? *v - '1' : parse(v);

	free(f);
	return n;
}

static int
check_mark(const char *value, void *ud, char *msg, size_t len)
{
	(void)ud;
	if (choice_of(value, notice_mark_parse) >= 0)
		return 0;
	snprintf(msg, len, "%s", _("Type 1, 2, 3 or 4: what happened to the "
	    "notice."));
	return -1;
}

static int
check_via(const char *value, void *ud, char *msg, size_t len)
{
	(void)ud;
	if (value[strspn(value, " \t")] == '\0' ||
	    choice_of(value, notice_via_parse) >= 0)
		return 0;
	snprintf(msg, len, "%s", _("Type 1, 2, 3 or 4, or leave it blank."));
	return -1;
}

static int
check_when(const char *value, void *ud, char *msg, size_t len)
{
	struct tui *t = ud;
	jtime_t when;

	return form_input_time(_("When"), value, app_now(t->app), &when, msg,
	    len) == ST_OK ? 0 : -1;
}

/* 「3人：R041、R042、R043」: who the popup marks, by id. */
static void
intro_ids(struct strv *intro, const struct strv *ids)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_addf(&b, _("%zu persons: "), ids->n);
	for (i = 0; i < ids->n && i < 8; i++)
		buf_addf(&b, "%s%s", i > 0 ? _(", ") : "", ids->v[i]);
	if (ids->n > 8)
		buf_adds(&b, _(", ..."));
	strv_push(intro, b.s);
	buf_free(&b);
}

static void
mark_fields(struct review *r, struct tui_dfield *f, char *now)
{
	jtime_format_minute(app_now(r->t->app), now);
	tui_dialog_name(r->t, &f[0]);
	memset(&f[1], 0, 4 * sizeof *f);
	f[1].label = _("What happened: 1 sent, 2 returned, 3 reached, 4 "
	    "unreachable");
	f[1].check = check_mark;
	f[2].label = _("How: 1 by letter, 2 by e-mail, 3 by phone, 4 in person "
	    "(blank: not said)");
	f[2].check = check_via;
	f[3].label = _("When (blank: now)");
	f[3].initial = now;
	f[3].check = check_when;
	f[3].check_ud = r->t;
	f[4].label = _("Memo (optional; kept out of the timeline)");
}

static int
store_marks(struct review *r, const struct strv *ids, struct tui_dfield *f,
    char *err, size_t errlen)
{
	struct model_notice_mark m;
	char at[26];
	jtime_t when;

	m.mark = (enum notice_mark)choice_of(f[1].value, notice_mark_parse);
	m.via = f[2].value[strspn(f[2].value, " \t")] == '\0' ? -1 :
	    choice_of(f[2].value, notice_via_parse);
	form_input_time(_("When"), f[3].value, app_now(r->t->app), &when, NULL,
	    0);
	jtime_format_iso(when, at);
	m.at = at;
	m.note = *util_trim(f[4].value) != '\0' ? util_trim(f[4].value) : NULL;
	return model_notice_mark(r->t->st, r->t->data, r->inc,
	    (const char *const *)ids->v, ids->n, &m, r->t->who,
	    app_now(r->t->app), err, errlen);
}

/* After a change: the view read again, then what came of it (a refusal
 * in a window, a success in the key bar); frees msg. */
static void
outcome(struct review *r, int rc, const char *title, const char *err,
    char *msg)
{
	if (review_refresh(r) && rc != ST_OK)
		review_message1(r, title, err);
	else if (msg != NULL)
		review_status(r, msg);
	free(msg);
}

static void
mark(struct review *r)
{
	struct strv ids = { NULL, 0 }, intro = { NULL, 0 };
	struct tui_dfield f[5];
	char now[17], err[1024], *msg;
	int rc;

	targets(r, &ids);
	if (ids.n == 0) {
		review_status(r, _("No one to mark: i imports the list first."));
		return;
	}
	intro_ids(&intro, &ids);
	mark_fields(r, f, now);
	if (tui_dialog(r->t, _("Mark the notices"), &intro, f, 5, 1)) {
		tui_who_set(r->t, util_trim(f[0].value));
		rc = store_marks(r, &ids, f, err, sizeof err);
		if (rc == ST_OK)
			memset(r->notices.picked, 0, r->notices.list.n);
		msg = rc == ST_OK ? xasprintf(_("Recorded for %zu persons: %s."),
		    ids.n, notice_mark_label((enum notice_mark)choice_of(
		    f[1].value, notice_mark_parse), r->t->lang)) : NULL;
		outcome(r, rc, _("Not recorded"), err, msg);
	}
	tui_dialog_free(f, 5);
	strv_free(&intro);
	strv_free(&ids);
}

/* ---- a person's contacts and marks -------------------------------------- */

static void
push_owned(struct strv *paras, char *line)
{
	strv_push(paras, line);
	free(line);
}

static void
detail_contacts(const struct notice_recipient *p, struct strv *paras)
{
	if (p->postal_code != NULL || p->address != NULL)
		push_owned(paras, xasprintf("%s%s%s%s", p->postal_code != NULL ?
		    "〒" : "", p->postal_code != NULL ? p->postal_code : "",
		    p->postal_code != NULL ? " " : "", p->address != NULL ?
		    p->address : ""));
	if (p->phone != NULL || p->email != NULL)
		push_owned(paras, xasprintf("%s%s%s", p->phone != NULL ?
		    p->phone : "", p->phone != NULL && p->email != NULL ? "  " :
		    "", p->email != NULL ? p->email : ""));
	if (p->note != NULL)
		push_owned(paras, xasprintf(_("Note: %s"), p->note));
}

static void
detail_marks(const struct review *r, const struct notice_recipient *p,
    struct strv *paras)
{
	const struct notice_mark_rec *k;
	char when[17];
	size_t i;

	strv_push(paras, p->nmarks > 0 ? _("Marks, oldest first:") :
	    _("Nothing marked yet: m marks the notice."));
	for (i = 0; i < p->nmarks; i++) {
		k = &p->marks[i];
		review_short_time(k->at, when, sizeof when);
		push_owned(paras, xasprintf("  %s  %s%s%s  %s", when,
		    notice_mark_label(k->mark, r->t->lang), k->via >= 0 ? " " :
		    "", k->via >= 0 ? notice_via_label((enum notice_via)k->via,
		    r->t->lang) : "", k->by != NULL ? k->by : ""));
		if (k->note != NULL)
			push_owned(paras, xasprintf("      %s", k->note));
	}
}

static void
detail(struct review *r)
{
	const struct notice_recipient *p = at_cursor(r);
	struct strv paras = { NULL, 0 };
	char *title;

	if (p == NULL)
		return;
	detail_contacts(p, &paras);
	strv_push(&paras, "");
	detail_marks(r, p, &paras);
	title = xasprintf("%s (%s)", p->name, p->id);
	review_message(r, title, &paras);
	free(title);
	strv_free(&paras);
}

/* ---- an enquiry ------------------------------------------------------------- */

static int
check_asker(const char *value, void *ud, char *msg, size_t len)
{
	return value[strspn(value, " \t")] == '\0' ? 0 :
	    tui_check_name(value, ud, msg, len);
}

static int
check_yes_no(const char *value, void *ud, char *msg, size_t len)
{
	(void)ud;
	if (strspn(value, " \t") == strlen(value) || strchr("yYnN",
	    *util_trim((char *)value)) != NULL)
		return 0;
	snprintf(msg, len, "%s", _("Type y or n (blank: n)."));
	return -1;
}

static void
enquiry_fields(struct review *r, struct tui_dfield *f, char *now)
{
	jtime_format_minute(app_now(r->t->app), now);
	tui_dialog_name(r->t, &f[0]);
	memset(&f[1], 0, 5 * sizeof *f);
	f[1].label = _("Who asked (optional; never in the report)");
	f[1].check = check_asker;
	f[2].label = _("What was asked (Enter: new line, Tab: next box)");
	f[2].multiline = 1;
	f[2].check = tui_check_required;
	f[2].check_ud = (void *)_("Type what was asked.");
	f[3].label = _("What was answered (optional)");
	f[4].label = _("Follow-up needed (y/n)");
	f[4].check = check_yes_no;
	f[5].label = _("When (blank: now)");
	f[5].initial = now;
	f[5].check = check_when;
	f[5].check_ud = r->t;
}

static char *
blank_null(char *s)
{
	s = util_trim(s);
	return *s != '\0' ? s : NULL;
}

static void
enquiry(struct review *r)
{
	struct model_notice_enquiry q;
	struct tui_dfield f[6];
	char now[17], at[26], err[1024], *msg;
	jtime_t when;
	long seq = 0;
	int rc;

	enquiry_fields(r, f, now);
	if (tui_dialog(r->t, _("Log an enquiry"), NULL, f, 6, 1)) {
		tui_who_set(r->t, util_trim(f[0].value));
		form_input_time(_("When"), f[5].value, app_now(r->t->app),
		    &when, NULL, 0);
		jtime_format_iso(when, at);
		q.at = at;
		q.from_name = blank_null(f[1].value);
		q.text = f[2].value;
		q.answer = blank_null(f[3].value);
		q.follow_up = strchr("yY", *util_trim(f[4].value)) != NULL &&
		    *util_trim(f[4].value) != '\0';
		rc = model_notice_enquiry(r->t->st, r->t->data, r->inc, &q,
		    r->t->who, app_now(r->t->app), &seq, err, sizeof err);
		msg = rc == ST_OK ? xasprintf(_("Enquiry %ld logged."), seq) :
		    NULL;
		outcome(r, rc, _("Not recorded"), err, msg);
	}
	tui_dialog_free(f, 6);
}

/* ---- the list from a CSV file ------------------------------------------- */

static int
import_file(struct review *r, const char *path, char *err, size_t errlen,
    struct model_notice_import *res)
{
	struct notice_list rows;
	enum charset which;
	char *data;
	size_t len;
	int rc = util_read_file(path, &data, &len, err, errlen);

	if (rc != ST_OK)
		return rc;
	rc = notice_csv_parse(data, len, path, &rows, &which, err, errlen);
	free(data);
	if (rc == ST_OK)
		rc = model_notice_import(r->t->st, r->t->data, r->inc, &rows,
		    path, r->t->who, app_now(r->t->app), res, err, errlen);
	notice_list_free(&rows);
	return rc;
}

static void
import(struct review *r)
{
	struct model_notice_import res;
	struct tui_dfield f[2];
	struct strv intro = { NULL, 0 };
	char err[1024], *path, *msg;
	int rc;

	strv_push(&intro, _("A CSV file (UTF-8 or Shift_JIS) whose first line "
	    "names the columns: name (氏名), and address (住所), email or "
	    "phone; optionally id, postal_code (郵便番号), note (備考). A row "
	    "with an error stops the import: nothing is stored. Importing a "
	    "corrected file again keeps the marks."));
	tui_dialog_name(r->t, &f[0]);
	memset(&f[1], 0, sizeof f[1]);
	f[1].label = _("The CSV file");
	f[1].check = tui_check_required;
	f[1].check_ud = (void *)_("Type the file's name.");
	if (tui_dialog(r->t, _("Import the individuals to notify"), &intro, f,
	    2, 1)) {
		tui_who_set(r->t, util_trim(f[0].value));
		path = tui_expand_home(util_trim(f[1].value));
		rc = import_file(r, path, err, sizeof err, &res);
		msg = rc == ST_OK ? xasprintf(_("%d persons: %d added, %d "
		    "changed, %d removed."), res.total, res.added, res.changed,
		    res.removed) : NULL;
		outcome(r, rc, _("Not imported"), err, msg);
		free(path);
	}
	tui_dialog_free(f, 2);
	strv_free(&intro);
}

/* ---- keys ----------------------------------------------------------------------- */

/* ↑ ↓ PgUp PgDn Home End: the cursor among the people shown. */
static void
move_cursor(struct review *r, enum tui_act act)
{
	size_t n = review_notices_shown(r), *cur = &r->notices.cur;

	if (n == 0) {
		*cur = 0;
		return;
	}
	if (act == TA_TOP)
		*cur = 0;
	else if (act == TA_BOTTOM)
		*cur = n - 1;
	else if (act == TA_UP && *cur > 0)
		(*cur)--;
	else if (act == TA_DOWN && *cur + 1 < n)
		(*cur)++;
	else if (act == TA_PAGE_NEXT)
		*cur = *cur + 10 < n ? *cur + 10 : n - 1;
	else if (act == TA_PAGE_PREV)
		*cur = *cur > 10 ? *cur - 10 : 0;
}

void
review_notices_key(struct review *r, enum tui_act act)
{
	switch (act) {
	case TA_TOGGLE:
		pick_toggle(r);
		break;
	case TA_PICK_ALL:
		pick_all(r);
		break;
	case TA_FILTER:
		filter_unsent(r);
		break;
	case TA_DETAIL:
		detail(r);
		return;
	case TA_MARK:
		if (review_refresh(r))
			mark(r);
		return;
	case TA_ENQUIRY:
		if (review_refresh(r))
			enquiry(r);
		return;
	case TA_IMPORT:
		if (review_refresh(r))
			import(r);
		return;
	default:
		move_cursor(r, act);
		return;
	}
	r->rows_cols = -1;
}
