/*
 * dialog.c - the popup of boxes of dialog.h: laid out from the top of a
 * centred frame (intro, then each box's label, its editor and its
 * message), keys from the one key table (KC_DIALOG with the box's own
 * editing context); a popup screen of the loop (screen.h), drawn over
 * the screens below on every key so a resize leaves no debris.
 */
#include "tui/dialog.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "model.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/edit.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/term.h"

struct dlg {
	struct tui_screen s;
	struct tui *t;
	const char *title;
	const struct strv *intro;
	struct tui_dfield *f;
	size_t n, cur;
	struct tui_edit *ed;
	char **msg;
	int end;			/* 1 confirmed, -1 cancelled */
};

static int
long_rows(void)
{
	return LINES >= 30 ? 8 : 5;
}

static int
box_rows(const struct dlg *d, size_t i)
{
	return d->f[i].multiline ? long_rows() : 1;
}

static int
box_width(void)
{
	return COLS - 4 < 76 ? COLS - 4 : 76;
}

/* Rows of the intro, each box (label, editor, message), the frame. */
static int
height(const struct dlg *d, int w, int *intro_rows)
{
	struct text_lines l;
	size_t i;
	int h = 2;

	*intro_rows = 0;
	for (i = 0; d->intro != NULL && i < d->intro->n; i++) {
		tui_wrap(d->intro->v[i], w - 4, &l);
		*intro_rows += (int)l.n > 0 ? (int)l.n : 1;
		text_lines_free(&l);
	}
	if (*intro_rows > 6)
		*intro_rows = 6;
	h += *intro_rows + (*intro_rows > 0);
	for (i = 0; i < d->n; i++)
		h += 1 + box_rows(d, i) + (d->msg[i] != NULL ? 2 : 0);
	return h;
}

static void
frame(int y, int x, int h, int w, const char *title, const char *footer)
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
	tui_put(y, x + 2, w - 4, title, A_BOLD);
	tui_put(y + h - 1, x + 2, w - 4, footer, tui_term_attr(TC_DIM));
}

static unsigned
ctx_of(const struct dlg *d)
{
	/* Tab confirms only in a last box of several lines, where Enter
	 * starts a new line. */
	return KC_DIALOG | (d->f[d->cur].multiline ? KC_LONG : KC_TEXT) |
	    (d->cur + 1 == d->n && d->f[d->cur].multiline ? KC_DLAST : 0);
}

static int
draw_intro(const struct dlg *d, int y, int x, int w, int rows)
{
	struct text_lines l;
	size_t i, j;
	int r = 0;

	for (i = 0; d->intro != NULL && i < d->intro->n && r < rows; i++) {
		tui_wrap(d->intro->v[i], w - 4, &l);
		for (j = 0; j < l.n && r < rows; j++)
			tui_put(y + r++, x + 2, w - 4, l.line[j], A_NORMAL);
		r += l.n == 0;
		text_lines_free(&l);
	}
	return r;
}

static void
draw(struct dlg *d)
{
	char *bar = tui_keys_bar(ctx_of(d), d->t->lang), *m;
	int w = box_width(), ir, h = height(d, w, &ir), y, x, cy = -1,
	    cx = -1, ry, rx;
	size_t i;

	if (h > LINES - 2)
		h = LINES - 2;
	y = (LINES - h) / 2;
	x = (COLS - w) / 2;
	frame(y, x, h, w, d->title, bar);
	y += 1 + draw_intro(d, y + 1, x, w, ir) + (ir > 0);
	for (i = 0; i < d->n; i++) {
		tui_put(y++, x + 2, w - 4, d->f[i].label, i == d->cur ?
		    A_BOLD | A_UNDERLINE : A_BOLD);
		tui_edit_draw(&d->ed[i], y, x + 3, box_rows(d, i), w - 6, &ry,
		    &rx);
		if (i == d->cur) {
			cy = ry;
			cx = rx;
		}
		y += box_rows(d, i);
		if (d->msg[i] != NULL) {
			m = xasprintf("! %s", d->msg[i]);
			tui_put_wrapped(y, x + 3, w - 6, 2, m,
			    tui_term_attr(TC_ERROR));
			free(m);
			y += 2;
		}
	}
	if (cy >= 0) {
		move(cy, cx);
		curs_set(1);
	}
	free(bar);
}

/* Runs every check; the first box refused gets the cursor. */
static int
checked(struct dlg *d)
{
	char msg[512], *text;
	size_t i;
	int ok = 1;

	for (i = d->n; i-- > 0;) {
		free(d->msg[i]);
		d->msg[i] = NULL;
		if (d->f[i].check == NULL)
			continue;
		text = tui_edit_text(&d->ed[i]);
		if (d->f[i].check(text, d->f[i].check_ud, msg, sizeof msg) != 0) {
			d->msg[i] = xstrdup(msg);
			d->cur = i;
			ok = 0;
		}
		free(text);
	}
	return ok;
}

static int
changed(const struct dlg *d)
{
	char *text;
	size_t i;
	int diff = 0;

	for (i = 0; i < d->n && !diff; i++) {
		text = tui_edit_text(&d->ed[i]);
		diff = strcmp(text, d->f[i].initial != NULL ?
		    d->f[i].initial : "") != 0;
		free(text);
	}
	return diff;
}

/* Esc, F10 or Ctrl-C: typed text is not thrown away without asking. */
static int
may_leave(struct dlg *d)
{
	return !changed(d) || tui_ask(d->t, _("Discard what you typed?"));
}

/* One key; returns 1 when confirmed, -1 when left, 0 to go on. */
static int
key(struct dlg *d, enum tui_act act, int k)
{
	switch (act) {
	case TA_CONFIRM:
		return checked(d) ? 1 : 0;
	case TA_NEXT:
	case TA_PREV:
		d->cur = act == TA_NEXT ? (d->cur + 1 < d->n ? d->cur + 1 :
		    d->cur) : (d->cur > 0 ? d->cur - 1 : 0);
		return 0;
	case TA_BACK:
	case TA_QUIT:
	case TA_INTERRUPT:
		return may_leave(d) ? -1 : 0;
	default:
		if (k == TUI_KEY_CTRL_C)
			return may_leave(d) ? -1 : 0;
		tui_edit_apply(&d->ed[d->cur], act, k);
		return 0;
	}
}

static void
dlg_draw(struct tui_screen *s)
{
	draw(TUI_SCREEN_OF(s, struct dlg, s));
}

static unsigned
dlg_ctx(const struct tui_screen *s)
{
	return ctx_of(TUI_SCREEN_OF(s, const struct dlg, s));
}

static void
dlg_key(struct tui_screen *s, enum tui_act act, int k)
{
	struct dlg *d = TUI_SCREEN_OF(s, struct dlg, s);

	if ((d->end = key(d, act, k)) != 0)
		tui_screen_end(s, ST_OK);
}

/* Too small, no key is taken: nothing is typed or left unseen. */
static const struct tui_screen_ops dlg_ops = {
	.flags = TUI_POPUP,
	.small = 0,
	.draw = dlg_draw,
	.ctx = dlg_ctx,
	.key = dlg_key,
};

int
tui_dialog(struct tui *t, const char *title, const struct strv *intro,
    struct tui_dfield *f, size_t n, size_t first)
{
	struct dlg d = { { &dlg_ops, NULL, NULL, 0, 0 }, t, title, intro, f,
		n, first < n ? first : 0, NULL, NULL, 0 };
	size_t i;

	d.ed = xcalloc(n, sizeof *d.ed);
	d.msg = xcalloc(n, sizeof *d.msg);
	for (i = 0; i < n; i++) {
		tui_edit_init(&d.ed[i], f[i].multiline);
		tui_edit_set(&d.ed[i], f[i].initial != NULL ? f[i].initial : "");
		f[i].value = NULL;
	}
	(void)tui_run(t, &d.s);
	curs_set(0);
	for (i = 0; i < n; i++) {
		if (d.end == 1)
			f[i].value = tui_edit_text(&d.ed[i]);
		tui_edit_free(&d.ed[i]);
		free(d.msg[i]);
	}
	free(d.ed);
	free(d.msg);
	return d.end == 1;
}

void
tui_dialog_free(struct tui_dfield *f, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(f[i].value);
		f[i].value = NULL;
	}
}

int
tui_check_required(const char *value, void *ud, char *msg, size_t len)
{
	char why[256];

	if (value[strspn(value, " \t\r\n")] == '\0') {
		snprintf(msg, len, "%s", (const char *)ud);
		return -1;
	}
	if (text_check_input(value, 1, MODEL_TEXT_MAX, why, sizeof why) != 0) {
		snprintf(msg, len, "%s", why);
		return -1;
	}
	return 0;
}

int
tui_check_name(const char *value, void *ud, char *msg, size_t len)
{
	char why[256];

	(void)ud;
	if (value[strspn(value, " \t")] == '\0') {
		snprintf(msg, len, "%s", _("Type your name: every change is "
		    "recorded with who made it."));
		return -1;
	}
	if (text_check_input(value, 0, MODEL_NAME_MAX, why, sizeof why) != 0) {
		snprintf(msg, len, "%s", why);
		return -1;
	}
	return 0;
}

void
tui_dialog_name(struct tui *t, struct tui_dfield *f)
{
	memset(f, 0, sizeof *f);
	f->label = _("Your name (kept in the record)");
	f->initial = tui_who_initial(t);
	f->check = tui_check_name;
}

/* ---- where to save a PDF ---- */

char *
tui_expand_home(const char *path)
{
	const char *home = getenv("HOME");

	if (strncmp(path, "~/", 2) == 0 && home != NULL && *home != '\0')
		return xasprintf("%s/%s", home, path + 2);
	return xstrdup(path);
}

char *
tui_dialog_pdf(struct tui *t, const char *title, const char *name, int sign)
{
	const char *home = getenv("HOME");
	struct tui_dfield f[2], *box = &f[sign ? 1 : 0];
	char *def, *path = NULL;

	def = xasprintf("%s%s", home != NULL && *home != '\0' ? "~/" : "",
	    name);
	if (sign)
		tui_dialog_name(t, &f[0]);
	memset(box, 0, sizeof *box);
	box->label = _("Save the PDF as");
	box->initial = def;
	if (tui_dialog(t, title, NULL, f, sign ? 2 : 1, sign ? 1 : 0)) {
		if (sign)
			tui_who_set(t, util_trim(f[0].value));
		path = tui_expand_home(*util_trim(box->value) != '\0' ?
		    util_trim(box->value) : def);
	}
	tui_dialog_free(f, sign ? 2 : 1);
	free(def);
	return path;
}

void
tui_pdf_written(struct tui *t, const char *title, const char *done,
    const char *failed, int rc, const char *path, const char *err)
{
	struct strv p = { NULL, 0 };

	/* The path on a line of its own: a long one wraps, not the words. */
	strv_push(&p, rc == ST_OK ? done : failed);
	strv_push(&p, rc == ST_OK ? path : err);
	tui_view(t, title, &p);
	strv_free(&p);
}
