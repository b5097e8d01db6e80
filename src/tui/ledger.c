/*
 * ledger.c - the device ledger on screen (the home screen's l): the list
 * of devices and media with their state, type, holder, approval and gaps
 * against the facility guide's §1-2, the approvals that ran out; and one
 * device, a row per key of the ledger as the settings screen has a row
 * per contact. Every change goes through ledger.h (an event of the
 * ledger's own timeline, signed by the name in its popup): Enter changes
 * a value, m records the device lost in an incident (and marks that
 * incident's ledger update done), r retires it; a adds one, x writes the
 * ledger's PDF for the periodic check.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ledger.h"
#include "report/report.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/fields.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/ui.h"

struct lscreen {
	struct tui_screen s;
	struct tui *t;
	struct ledger l;
	size_t sel;
	int top;
	char *status;
};

static void
set_status(char **status, const char *msg)
{
	free(*status);
	*status = msg != NULL ? xstrdup(msg) : NULL;
}

static long
today(const struct tui *t)
{
	return jtime_day(app_now(t->app));
}

/* The gaps in words, or "none". */
static char *
gaps_text(const struct tui *t, const struct ledger_device *dev)
{
	char *w = ledger_gaps_words(ledger_gaps(dev, today(t)), t->lang,
	    t->lang == LANG_JA ? "、" : ", ");

	if (*w != '\0')
		return w;
	free(w);
	return xstrdup(_("none"));
}

static const char *
value_text(const struct tui *t, const struct ledger_device *dev,
    enum ledger_key k)
{
	return dev->values[k] != NULL ? ledger_value_text(t->data, k,
	    dev->values[k], t->lang) : "-";
}

/* ---- the list ---- */

#define COL_ID 10
#define COL_STATE 16
#define COL_TYPE 16
#define COL_HOLDER 16
#define COL_UNTIL 12

static int
popcount(unsigned v)
{
	int n = 0;

	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

static void
list_row(struct lscreen *ls, const struct ledger_device *dev, int y,
    int selected)
{
	int ngaps = popcount(ledger_gaps(dev, today(ls->t)));
	char state[64], *gaps = ngaps > 0 ? xasprintf(_("%d gaps"), ngaps) :
	    xstrdup(_("none"));
	attr_t a = selected ? tui_term_attr(TC_FOCUS) : A_NORMAL;
	int x = 2;

	snprintf(state, sizeof state, "%s%s%s", ledger_state_text(dev->state,
	    ls->t->lang), dev->state == LEDGER_LOST ? " " : "",
	    dev->state == LEDGER_LOST && dev->incident != NULL ?
	    dev->incident : "");
	if (selected)
		tui_fill(y, 0, COLS, a);
	tui_put(y, 0, 2, selected ? ">" : " ", a);
	tui_put(y, x, COL_ID - 1, dev->id, a);
	tui_put(y, x += COL_ID, COL_STATE - 1, state, a);
	tui_put(y, x += COL_STATE, COL_TYPE - 1, value_text(ls->t, dev,
	    LK_TYPE), a);
	tui_put(y, x += COL_TYPE, COL_HOLDER - 1, value_text(ls->t, dev,
	    LK_HOLDER), a);
	tui_put(y, x += COL_HOLDER, COL_UNTIL - 1, value_text(ls->t, dev,
	    LK_APPROVED_UNTIL), selected ? a :
	    ledger_approval_expired(dev, today(ls->t)) ?
	    tui_term_attr(TC_ERROR) : a);
	x += COL_UNTIL;
	tui_put(y, x, COLS - 1 - x, gaps, selected || ngaps == 0 ? a :
	    tui_term_attr(TC_IMMEDIATE));
	free(gaps);
}

/* Under the list: the selected device's gaps in words, then the devices
 * out on an approval that has run out. */
static void
list_footer(struct lscreen *ls, int y)
{
	const struct ledger_device *dev = &ls->l.v[ls->sel];
	char *gaps = gaps_text(ls->t, dev), *line;
	struct buf b;
	size_t i;

	line = xasprintf(_("Gaps of %s: %s"), dev->id, gaps);
	tui_put_wrapped(y, 2, COLS - 4, 2, line, tui_term_attr(TC_IMMEDIATE));
	free(line);
	free(gaps);
	buf_init(&b);
	for (i = 0; i < ls->l.n; i++)
		if (ls->l.v[i].state == LEDGER_ACTIVE &&
		    ledger_approval_expired(&ls->l.v[i], today(ls->t)))
			buf_addf(&b, "%s%s", b.len > 0 ? ", " : "",
			    ls->l.v[i].id);
	if (b.len > 0) {
		line = xasprintf(_("Approval to take out has expired: %s"),
		    b.s);
		tui_put(y + 2, 2, COLS - 4, line, tui_term_attr(TC_ERROR));
		free(line);
	}
	buf_free(&b);
}

static void
list_draw(struct tui_screen *s)
{
	struct lscreen *ls = TUI_SCREEN_OF(s, struct lscreen, s);
	int body = LINES - 8, i, x = 2;
	char *title, *hints;

	tui_erase();
	curs_set(0);
	title = xasprintf("anshin-ir  %s: %zu", _("Device ledger"), ls->l.n);
	hints = ls->status != NULL ? xstrdup(ls->status) :
	    tui_keys_bar(KC_LEDGER, ls->t->lang);
	tui_draw_bars(title, NULL, hints);
	free(title);
	free(hints);
	tui_put(2, x, COL_ID - 1, _("ID"), A_BOLD);
	tui_put(2, x += COL_ID, COL_STATE - 1, _("STATE"), A_BOLD);
	tui_put(2, x += COL_STATE, COL_TYPE - 1, _("TYPE"), A_BOLD);
	tui_put(2, x += COL_TYPE, COL_HOLDER - 1, _("HOLDER"), A_BOLD);
	tui_put(2, x += COL_HOLDER, COL_UNTIL - 1, _("APPROVED"), A_BOLD);
	x += COL_UNTIL;
	tui_put(2, x, COLS - 1 - x, _("GAPS"), A_BOLD);
	if (ls->l.n == 0) {
		tui_put_wrapped(4, 2, COLS - 4, 3, _("The ledger is empty. "
		    "Press a to add the first device or medium that leaves "
		    "the building."), A_NORMAL);
		return;
	}
	if ((int)ls->sel < ls->top)
		ls->top = (int)ls->sel;
	if ((int)ls->sel >= ls->top + body)
		ls->top = (int)ls->sel - body + 1;
	for (i = 0; i < body && (size_t)(ls->top + i) < ls->l.n; i++)
		list_row(ls, &ls->l.v[ls->top + i], 3 + i,
		    (size_t)(ls->top + i) == ls->sel);
	list_footer(ls, LINES - 5);
}

static int
reload(struct lscreen *ls)
{
	ledger_free(&ls->l);
	if (ledger_load_all(ls->t->st, &ls->l, ls->t->err,
	    sizeof ls->t->err) != ST_OK)
		return 0;
	if (ls->sel >= ls->l.n)
		ls->sel = ls->l.n > 0 ? ls->l.n - 1 : 0;
	return 1;
}

/* ---- one device ---- */

struct dscreen {
	struct tui_screen s;
	struct tui *t;
	char *id;
	struct ledger_device dev;
	size_t sel;			/* a key of the ledger */
	char *status;
};

#define LABEL_W 22

static void
device_draw(struct tui_screen *s)
{
	struct dscreen *ds = TUI_SCREEN_OF(s, struct dscreen, s);
	char *title, *hints, *gaps;
	attr_t a;
	int k, y;

	tui_erase();
	curs_set(0);
	title = xasprintf("anshin-ir  %s  %s  [%s]", _("Device ledger"),
	    ds->dev.id, ledger_state_text(ds->dev.state, ds->t->lang));
	hints = ds->status != NULL ? xstrdup(ds->status) :
	    tui_keys_bar(KC_DEVICE, ds->t->lang);
	tui_draw_bars(title, NULL, hints);
	free(title);
	free(hints);
	for (k = 0; k < LK_COUNT && 2 + k < LINES - 4; k++) {
		y = 2 + k;
		a = (size_t)k == ds->sel ? tui_term_attr(TC_FOCUS) : A_NORMAL;
		if ((size_t)k == ds->sel)
			tui_fill(y, 0, COLS, a);
		tui_put(y, 0, 2, (size_t)k == ds->sel ? ">" : " ", a);
		tui_put(y, 2, LABEL_W, ledger_key_label(ds->t->data,
		    (enum ledger_key)k, ds->t->lang), a);
		tui_put(y, 3 + LABEL_W, COLS - 4 - LABEL_W, ds->dev.values[k] !=
		    NULL ? value_text(ds->t, &ds->dev, (enum ledger_key)k) :
		    _("not recorded"), ds->dev.values[k] != NULL ||
		    (size_t)k == ds->sel ? a : tui_term_attr(TC_DIM));
	}
	gaps = gaps_text(ds->t, &ds->dev);
	tui_put(LINES - 3, 2, LABEL_W, _("Gaps"), A_BOLD);
	tui_put(LINES - 3, 3 + LABEL_W, COLS - 4 - LABEL_W, gaps,
	    tui_term_attr(TC_IMMEDIATE));
	free(gaps);
}

static int
device_load(struct dscreen *ds)
{
	ledger_device_clear(&ds->dev);
	return ledger_load(ds->t->st, ds->id, &ds->dev, ds->t->err,
	    sizeof ds->t->err) == ST_OK;
}

/* A digit for the n-th value of a choice, as the settings' kind of
 * facility; anything else as typed. */
static char *
typed_value(const struct dscreen *ds, enum ledger_key k, const char *typed)
{
	const char *key = ledger_key_field(k);
	const struct form_field *fld = key != NULL ?
	    form_field_find(ds->t->data->form, key) : NULL;
	char *v = xstrdup(typed), *p = util_trim(v);
	int i = strlen(p) == 1 && *p >= '1' && *p <= '9' ? *p - '1' : -1;

	if (fld == NULL || i < 0 || (size_t)i >= fld->nchoices)
		return v;
	free(v);
	return xstrdup(fld->choices[i].value);
}

struct edit {
	struct dscreen *ds;
	enum ledger_key k;
};

/* The value read as `device set` reads it, into *set. */
static int
read_typed(const struct edit *e, const char *typed, struct answer_set *set,
    char *msg, size_t len)
{
	char *v = typed_value(e->ds, e->k, typed);
	char *arg = xasprintf("%s=%s", ledger_keys[e->k], v);
	int rc = ledger_read_assignment(e->ds->t->data, arg,
	    app_now(e->ds->t->app), set, msg, len);

	free(arg);
	free(v);
	return rc;
}

static int
check_value(const char *value, void *ud, char *msg, size_t len)
{
	struct answer_set set = { NULL, 0 };
	int rc = read_typed(ud, value, &set, msg, len);

	answer_set_free(&set);
	return rc == ST_OK ? 0 : -1;
}

/* The choices, numbered, over the box. */
static void
choices_intro(const struct dscreen *ds, enum ledger_key k, struct strv *intro)
{
	const char *key = ledger_key_field(k);
	const struct form_field *fld = key != NULL ?
	    form_field_find(ds->t->data->form, key) : NULL;
	char *line;

	if (fld == NULL || fld->nchoices == 0) {
		if (k == LK_APPROVED_UNTIL)
			strv_push(intro, _("A date: 2027-03-31 or 2027/3/31."));
		return;
	}
	line = tui_choices_numbered(ds->t, fld);
	strv_push(intro, line);
	free(line);
}

static void
device_edit(struct dscreen *ds)
{
	struct edit e = { ds, (enum ledger_key)ds->sel };
	struct answer_set set = { NULL, 0 };
	struct strv intro = { NULL, 0 };
	struct tui_dfield f[2];
	char err[1024];
	int rc;

	choices_intro(ds, e.k, &intro);
	strv_push(&intro, _("Recorded in the ledger at once. Empty: not "
	    "recorded."));
	tui_dialog_name(ds->t, &f[0]);
	memset(&f[1], 0, sizeof f[1]);
	f[1].label = ledger_key_label(ds->t->data, e.k, ds->t->lang);
	f[1].initial = ds->dev.values[e.k] != NULL ?
	    value_text(ds->t, &ds->dev, e.k) : "";
	f[1].check = check_value;
	f[1].check_ud = &e;
	if (tui_dialog(ds->t, ds->dev.id, &intro, f, 2, 1)) {
		tui_who_set(ds->t, util_trim(f[0].value));
		rc = read_typed(&e, f[1].value, &set, err, sizeof err);
		if (rc == ST_OK)
			rc = ledger_set(ds->t->st, ds->dev.id, &set, ds->t->who,
			    app_now(ds->t->app), err, sizeof err);
		set_status(&ds->status, rc == ST_OK ? _("Saved.") : err);
		answer_set_free(&set);
		device_load(ds);
	}
	tui_dialog_free(f, 2);
	strv_free(&intro);
}

static int
check_ref(const char *value, void *ud, char *msg, size_t len)
{
	(void)ud;
	if (*util_trim((char *)value) != '\0')
		return 0;
	snprintf(msg, len, "%s", _("Type the reference of the incident, "
	    "like 2026-0001."));
	return -1;
}

/* m: lost in an incident, whose update_device_ledger is then done. */
static void
device_lost(struct dscreen *ds)
{
	struct strv intro = { NULL, 0 };
	struct incident *inc = NULL;
	struct tui_dfield f[2];
	char err[1024], *line;
	int rc;

	line = xasprintf(_("Record %s as lost or stolen in an incident. That "
	    "incident's \"update the device ledger\" is marked done too."),
	    ds->dev.id);
	strv_push(&intro, line);
	free(line);
	tui_dialog_name(ds->t, &f[0]);
	memset(&f[1], 0, sizeof f[1]);
	f[1].label = _("Incident (reference)");
	f[1].initial = ds->dev.incident;
	f[1].check = check_ref;
	if (tui_dialog(ds->t, _("Lost"), &intro, f, 2, 1)) {
		tui_who_set(ds->t, util_trim(f[0].value));
		rc = model_load(ds->t->st, ds->t->data, util_trim(f[1].value),
		    &inc, err, sizeof err);
		if (rc == ST_OK)
			rc = ledger_lost(ds->t->st, ds->t->data, ds->dev.id, inc,
			    ds->t->who, NULL, NULL, app_now(ds->t->app), err,
			    sizeof err);
		incident_free(inc);
		set_status(&ds->status, rc == ST_OK ? _("Recorded lost.") :
		    err);
		device_load(ds);
	}
	tui_dialog_free(f, 2);
	strv_free(&intro);
}

static void
device_retire(struct dscreen *ds)
{
	struct strv intro = { NULL, 0 };
	struct tui_dfield f;
	char err[1024];
	int rc;

	strv_push(&intro, _("Record this device as no longer in use? It "
	    "stays in the ledger and its timeline."));
	tui_dialog_name(ds->t, &f);
	if (tui_dialog(ds->t, _("Retire"), &intro, &f, 1, 0)) {
		tui_who_set(ds->t, util_trim(f.value));
		rc = ledger_retire(ds->t->st, ds->dev.id, ds->t->who,
		    app_now(ds->t->app), err, sizeof err);
		set_status(&ds->status, rc == ST_OK ? _("Retired.") : err);
		device_load(ds);
	}
	tui_dialog_free(&f, 1);
	strv_free(&intro);
}

static void
device_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct dscreen *ds = TUI_SCREEN_OF(s, struct dscreen, s);
	long sel = (long)ds->sel;

	(void)key;
	set_status(&ds->status, NULL);
	switch (act) {
	case TA_UP:
	case TA_DOWN:
		sel += act == TA_UP ? -1 : 1;
		ds->sel = sel < 0 ? 0 : sel >= LK_COUNT ? LK_COUNT - 1 :
		    (size_t)sel;
		break;
	case TA_EDIT:
		device_edit(ds);
		break;
	case TA_LOST:
		device_lost(ds);
		break;
	case TA_RETIRE:
		device_retire(ds);
		break;
	case TA_HELP:
		tui_help(ds->t, ds->dev.id, _("One device or medium of the "
		    "ledger: what it is, who holds it, how it is protected "
		    "(facility guide §1-2) and until when taking it out is "
		    "approved. Each change is recorded in the ledger's "
		    "timeline with your name. m records it lost in an "
		    "incident."), KC_DEVICE);
		break;
	case TA_BACK:
	case TA_QUIT:
	case TA_INTERRUPT:
		tui_screen_end(&ds->s, ST_OK);
		break;
	default:
		break;
	}
}

static const struct tui_screen_ops device_ops = {
	.small = TUI_SMALL_LEAVE,
	.draw = device_draw,
	.keys = KC_DEVICE,
	.key = device_key,
};

static int
device_run(struct tui *t, const char *id)
{
	struct dscreen ds;
	int rc = ST_OK;

	memset(&ds, 0, sizeof ds);
	ds.s.ops = &device_ops;
	ds.t = t;
	ds.id = xstrdup(id);
	if (device_load(&ds))
		rc = tui_run(t, &ds.s);
	ledger_device_clear(&ds.dev);
	free(ds.status);
	free(ds.id);
	return rc;
}

/* ---- the list's keys ---- */

static int
check_id(const char *value, void *ud, char *msg, size_t len)
{
	(void)ud;
	return ledger_check_id(util_trim((char *)value), msg, len) == ST_OK ?
	    0 : -1;
}

/* a: the id, then the device's screen to fill in the rest. */
static void
add(struct lscreen *ls)
{
	struct answer_set none = { NULL, 0 };
	struct strv intro = { NULL, 0 };
	struct tui_dfield f[2];
	char err[1024], *id = NULL;

	strv_push(&intro, _("The id your facility gives the device or "
	    "medium (its asset tag), like TAB-03."));
	tui_dialog_name(ls->t, &f[0]);
	memset(&f[1], 0, sizeof f[1]);
	f[1].label = _("Id");
	f[1].check = check_id;
	if (tui_dialog(ls->t, _("Add to the ledger"), &intro, f, 2, 1)) {
		tui_who_set(ls->t, util_trim(f[0].value));
		id = xstrdup(util_trim(f[1].value));
		if (ledger_add(ls->t->st, id, &none, ls->t->who,
		    app_now(ls->t->app), err, sizeof err) != ST_OK) {
			set_status(&ls->status, err);
			free(id);
			id = NULL;
		}
	}
	tui_dialog_free(f, 2);
	strv_free(&intro);
	if (id != NULL)
		(void)device_run(ls->t, id);
	free(id);
}

static void
export(struct lscreen *ls)
{
	struct report_opts o;
	char err[1024], *path;
	int rc;

	path = tui_dialog_pdf(ls->t, _("Device ledger"), "anshin-ir-ledger.pdf",
	    0);
	if (path == NULL)
		return;
	memset(&o, 0, sizeof o);
	o.lang = ls->t->lang;
	o.now = app_now(ls->t->app);
	rc = report_ledger_write(ls->t->data, ls->t->st, &o, path, err,
	    sizeof err);
	tui_pdf_written(ls->t, _("Device ledger"), _("The ledger was written "
	    "to:"), _("The ledger was not written:"), rc, path, err);
	free(path);
}

static void
list_key(struct tui_screen *s, enum tui_act act, int key)
{
	struct lscreen *ls = TUI_SCREEN_OF(s, struct lscreen, s);
	long sel = (long)ls->sel;

	(void)key;
	set_status(&ls->status, NULL);
	switch (act) {
	case TA_UP:
	case TA_DOWN:
	case TA_PAGE_NEXT:
	case TA_PAGE_PREV:
		sel += act == TA_UP ? -1 : act == TA_DOWN ? 1 :
		    act == TA_PAGE_NEXT ? LINES - 8 : -(LINES - 8);
		sel = sel >= (long)ls->l.n ? (long)ls->l.n - 1 : sel;
		ls->sel = sel < 0 ? 0 : (size_t)sel;
		break;
	case TA_OPEN:
		if (ls->l.n > 0)
			(void)device_run(ls->t, ls->l.v[ls->sel].id);
		break;
	case TA_NEW:
		add(ls);
		break;
	case TA_EXPORT:
		export(ls);
		break;
	case TA_HELP:
		tui_help(ls->t, _("Device ledger"), _("Every device and medium "
		    "that leaves the building (facility guide §1-3), with its "
		    "gaps against the guide's §1-2: a number lock of 8 or "
		    "more, remote wipe, MDM, no login saved in the browser, "
		    "encryption. When one is lost, choose it in the wizard: "
		    "its values are proposed there."), KC_LEDGER);
		break;
	case TA_BACK:
	case TA_QUIT:
	case TA_INTERRUPT:
		tui_screen_end(&ls->s, ST_OK);
		break;
	default:
		break;
	}
	if (act == TA_OPEN || act == TA_NEW)
		reload(ls);
}

static const struct tui_screen_ops list_ops = {
	.small = TUI_SMALL_LEAVE,
	.draw = list_draw,
	.keys = KC_LEDGER,
	.key = list_key,
};

int
tui_ledger_run(struct tui *t)
{
	struct lscreen ls;
	int rc = ST_OK;

	memset(&ls, 0, sizeof ls);
	ls.s.ops = &list_ops;
	ls.t = t;
	if (reload(&ls))
		rc = tui_run(t, &ls.s);
	else
		rc = ST_IOERR;
	ledger_free(&ls.l);
	free(ls.status);
	return rc;
}
