/*
 * fields.c - the form panel and the state of the focused field's widget.
 * Nothing about a particular field is written here: labels, choices,
 * help, types and visibility all come from the form, offers and
 * proposals from the caller (the wizard's device ledger). The panel is
 * laid out twice, once to measure (where the focused field falls) and
 * once to draw the rows that fit, scrolled so the focused widget stays
 * in view.
 */
#include "tui/fields.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/keys.h"
#include "tui/term.h"

/* Rows of help under the focused field when the panel is short (all
 * of it is on F1); with room to spare it shows whole. */
#define HELP_ROWS 2
#define MSG_ROWS 3
#define LONG_MIN_ROWS 3
#define LONG_MAX_ROWS 6

static int
is_text(const struct form_field *fld)
{
	return fld->type != FORM_CHOICE && fld->type != FORM_MULTI;
}

unsigned
tui_field_ctx(const struct form_field *fld)
{
	switch (fld->type) {
	case FORM_CHOICE:
		return KC_CHOICE;
	case FORM_MULTI:
		return KC_MULTI;
	case FORM_LONGTEXT:
		return KC_LONG;
	default:
		return KC_TEXT;
	}
}

static void
load_multi(struct tui_focus *f, const struct form_field *fld,
    const char *value)
{
	char *copy, *tok, *save = NULL;
	int i;

	f->on = xcalloc(fld->nchoices + 1, 1);
	f->hl = -1;
	if (value == NULL)
		return;
	copy = xstrdup(value);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		i = form_choice_index(fld, util_trim(tok));
		if (i >= 0)
			f->on[i] = 1;
		if (i >= 0 && f->hl < 0)
			f->hl = i;
	}
	free(copy);
}

void
tui_focus_load(struct tui_focus *f, const struct form *form, int field,
    const char *value, jtime_t now)
{
	const struct form_field *fld = &form->fields[field];
	char stamp[20];

	memset(f, 0, sizeof *f);
	f->field = field;
	tui_edit_init(&f->ed, fld->type == FORM_LONGTEXT);
	/* Unanswered, the cursor is on the "not answered" line: nothing
	 * is highlighted that Enter could store (docs/contract.md §7). */
	if (fld->type == FORM_CHOICE)
		f->hl = value != NULL ? form_choice_index(fld, value) : -1;
	else if (fld->type == FORM_MULTI)
		load_multi(f, fld, value);
	else if (value != NULL)
		tui_edit_set(&f->ed, value);
	else if (fld->type == FORM_TIME && fld->default_now) {
		jtime_format_minute(now, stamp);
		tui_edit_set(&f->ed, stamp);
		f->prefilled = 1;
	}
}

void
tui_focus_free(struct tui_focus *f)
{
	tui_edit_free(&f->ed);
	free(f->on);
	free(f->msg);
	strv_free(&f->offers);
	strv_free(&f->offer_text);
	memset(f, 0, sizeof *f);
	f->field = -1;
}

void
tui_focus_offer(struct tui_focus *f, const struct strv *values,
    const struct strv *text, const char *stored)
{
	char *typed = tui_edit_text(&f->ed);
	size_t i;

	strv_free(&f->offers);
	strv_free(&f->offer_text);
	f->offering = 1;
	f->hl = -1;
	for (i = 0; i < values->n && i < text->n; i++) {
		strv_push(&f->offers, values->v[i]);
		strv_push(&f->offer_text, text->v[i]);
		if (stored != NULL && strcmp(stored, values->v[i]) == 0)
			f->hl = (int)i;
	}
	/* what is typed searches: Enter takes the first match */
	if (*typed != '\0')
		f->hl = f->offers.n > 0 ? 0 : -1;
	free(typed);
}

void
tui_focus_set_msg(struct tui_focus *f, const char *msg)
{
	free(f->msg);
	f->msg = msg != NULL ? xstrdup(msg) : NULL;
}

char *
tui_focus_raw(const struct tui_focus *f, const struct form *form)
{
	const struct form_field *fld = &form->fields[f->field];
	struct buf b;
	size_t i;

	if (f->offering)
		return xstrdup(f->hl >= 0 && (size_t)f->hl < f->offers.n ?
		    f->offers.v[f->hl] : "");
	if (fld->type == FORM_CHOICE)
		return xstrdup(f->hl >= 0 && (size_t)f->hl < fld->nchoices ?
		    fld->choices[f->hl].value : "");
	if (fld->type != FORM_MULTI)
		return tui_edit_text(&f->ed);
	buf_init(&b);
	for (i = 0; i < fld->nchoices; i++)
		if (f->on[i])
			buf_addf(&b, "%s%s", b.len ? "," : "",
			    fld->choices[i].value);
	return buf_steal(&b);
}

enum tui_enter
tui_focus_enter(const struct tui_focus *f, const struct form *form,
    const char *stored)
{
	const struct form_field *fld = &form->fields[f->field];
	char *raw;
	enum tui_enter e;

	int picked = fld->type == FORM_CHOICE || fld->type == FORM_MULTI ||
	    f->offering;

	if (f->prefilled && !f->dirty)
		return TUI_ENTER_STORE;
	if (fld->type == FORM_CHOICE || f->offering ||
	    (fld->type == FORM_MULTI && f->hl < 0))
		raw = f->hl < 0 ? xstrdup("") : tui_focus_raw(f, form);
	else
		raw = tui_focus_raw(f, form);
	if (*util_trim(raw) == '\0')
		e = stored != NULL ? TUI_ENTER_CLEAR : TUI_ENTER_SKIP;
	else if (stored != NULL && (picked ? strcmp(raw, stored) == 0 :
	    !f->dirty))
		e = TUI_ENTER_KEEP;
	else
		e = TUI_ENTER_STORE;
	free(raw);
	return e;
}

char *
tui_choices_numbered(struct tui *t, const struct form_field *fld)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "");
	for (i = 0; i < fld->nchoices; i++)
		buf_addf(&b, "%s%zu %s", i > 0 ? "  " : "", i + 1,
		    tr_get(&fld->choices[i].label, t->lang));
	return buf_steal(&b);
}

char *
tui_value_label(struct tui *t, const struct form_field *fld,
    const char *value)
{
	struct buf b;
	char *copy, *tok, *save = NULL;

	if (fld->type == FORM_CHOICE)
		return xstrdup(form_choice_label(fld, value, t->lang));
	if (fld->type == FORM_TIME && strcmp(value, "unknown") == 0)
		return xstrdup(_("unknown"));
	if (fld->type != FORM_MULTI)
		return xstrdup(value);
	buf_init(&b);
	copy = xstrdup(value);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save))
		buf_addf(&b, "%s%s", b.len ? (t->lang == LANG_JA ? "、" :
		    ", ") : "", form_choice_label(fld, tok, t->lang));
	free(copy);
	return buf_steal(&b);
}

/* ---- layout ---- */

/* Logical rows are counted from the page's first field; only those
 * between top and top + h reach the screen. h == 0 only measures. */
struct painter {
	struct tui *t;
	const struct form *form;
	char *const *proposed;		/* per field, or NULL */
	const unsigned char *unasked;	/* per field, or NULL */
	struct tui_focus *f;
	int y, x, w, h, top;
	int row;
	int label_w;
	int focus_row, focus_end;	/* the focused field's rows */
	int anchor_row;			/* its row that must be seen */
	int help_max;			/* rows of help, -1: all of it */
	int help_lines;			/* rows all of it takes */
	int cy, cx;
};

static int
row_y(const struct painter *p)
{
	int r = p->row - p->top;

	return p->h > 0 && r >= 0 && r < p->h ? p->y + r : -1;
}

static char *
label_of(const struct painter *p, const struct form_field *fld)
{
	return xasprintf("%s%s", tr_get(&fld->label, p->t->lang),
	    fld->required ? " (*)" : "");
}

/* A value proposed for a field not answered yet, as it reads, or NULL
 * (caller frees). */
static char *
proposal(const struct painter *p, const struct form_field *fld)
{
	const char *v = p->proposed != NULL ?
	    p->proposed[fld - p->form->fields] : NULL;

	return v != NULL ? tui_value_label(p->t, fld, v) : NULL;
}

static void
plain_row(struct painter *p, const struct form_field *fld, const char *value)
{
	int y = row_y(p);
	char *label, *shown, *prop;

	p->row++;
	if (y < 0)
		return;
	label = label_of(p, fld);
	tui_put(y, p->x + 2, p->label_w, label, A_NORMAL);
	if (value == NULL && (prop = proposal(p, fld)) != NULL) {
		shown = xasprintf(_("from the ledger: %s"), prop);
		tui_put(y, p->x + 3 + p->label_w, p->w - p->label_w - 3, shown,
		    tui_term_attr(TC_IMMEDIATE));
		free(shown);
		free(prop);
	} else if (value == NULL)
		tui_put(y, p->x + 3 + p->label_w, p->w - p->label_w - 3, "-",
		    tui_term_attr(TC_DIM));
	else {
		shown = tui_value_label(p->t, fld, value);
		/* A multi-line answer shows its first line here. */
		shown[strcspn(shown, "\n")] = '\0';
		tui_put(y, p->x + 3 + p->label_w, p->w - p->label_w - 3, shown,
		    A_NORMAL);
		free(shown);
	}
	free(label);
}

/* A list under the focused field: the "not answered" line, then each
 * entry with its digit (1-9, 0 the 10th), marked when it is the answer
 * (ticked, for a multi-choice) or the value proposed. */
struct entries {
	const char *const *label;
	const unsigned char *on;
	size_t n;
	int multi;
	int proposed;			/* its index, or -1 */
};

static void
list_rows(struct painter *p, const struct entries *e)
{
	const struct tui_focus *f = p->f;
	char *line;
	const char *mark;
	size_t i;
	int y;

	/* The "not answered" line, where an unanswered field opens. */
	if (f->hl < 0)
		p->anchor_row = p->row;
	if ((y = row_y(p)) >= 0) {
		line = xasprintf("%s      %s", f->hl < 0 ? ">" : " ",
		    _("(not answered)"));
		if (f->hl < 0)
			tui_fill(y, p->x + 2, p->w - 2, tui_term_attr(TC_FOCUS));
		tui_put(y, p->x + 2, p->w - 2, line, f->hl < 0 ?
		    tui_term_attr(TC_FOCUS) : tui_term_attr(TC_DIM));
		free(line);
	}
	p->row++;
	for (i = 0; i < e->n; i++, p->row++) {
		if ((int)i == f->hl)
			p->anchor_row = p->row;
		if ((y = row_y(p)) < 0)
			continue;
		mark = e->multi ? (e->on[i] ? "[x]" : "[ ]") :
		    (e->on[i] ? "(o)" : "( )");
		/* Digits 1-9 then 0 pick the first ten (docs/contract.md §7). */
		line = xasprintf("%s%c %s %s%s", (int)i == f->hl ? ">" : " ",
		    i < 9 ? (char)('1' + i) : i == 9 ? '0' : ' ', mark,
		    e->label[i], (int)i == e->proposed ?
		    _("  <- from the ledger") : "");
		if ((int)i == f->hl)
			tui_fill(y, p->x + 2, p->w - 2,
			    tui_term_attr(TC_FOCUS));
		tui_put(y, p->x + 2, p->w - 2, line, (int)i == f->hl ?
		    tui_term_attr(TC_FOCUS) : e->on[i] ? A_BOLD : A_NORMAL);
		free(line);
	}
}

static void
choice_rows(struct painter *p, const struct form_field *fld,
    const char *stored)
{
	const char **label = xcalloc(fld->nchoices + 1, sizeof *label);
	unsigned char *on = xcalloc(fld->nchoices + 1, 1);
	const char *prop = p->proposed != NULL && stored == NULL ?
	    p->proposed[fld - p->form->fields] : NULL;
	struct entries e = { label, on, fld->nchoices, fld->type == FORM_MULTI,
		prop != NULL ? form_choice_index(fld, prop) : -1 };
	size_t i;

	for (i = 0; i < fld->nchoices; i++) {
		label[i] = tr_get(&fld->choices[i].label, p->t->lang);
		on[i] = fld->type == FORM_MULTI ? p->f->on[i] :
		    stored != NULL && strcmp(stored, fld->choices[i].value) == 0;
	}
	list_rows(p, &e);
	free(label);
	free(on);
}

/* The offers of a text field: picked like a choice, searched by the
 * text typed above them. */
static void
offer_rows(struct painter *p, const char *stored)
{
	const struct tui_focus *f = p->f;
	unsigned char *on = xcalloc(f->offers.n + 1, 1);
	struct entries e = { (const char *const *)f->offer_text.v, on,
		f->offers.n, 0, -1 };
	size_t i;

	for (i = 0; i < f->offers.n; i++)
		on[i] = stored != NULL && strcmp(stored, f->offers.v[i]) == 0;
	list_rows(p, &e);
	free(on);
}

static void
text_rows(struct painter *p, const struct form_field *fld)
{
	int rows = 1, y, r, cy, cx;

	if (fld->type == FORM_LONGTEXT) {
		rows = tui_edit_rows(&p->f->ed, p->w - 4);
		rows = rows < LONG_MIN_ROWS ? LONG_MIN_ROWS :
		    rows > LONG_MAX_ROWS ? LONG_MAX_ROWS : rows;
	}
	p->anchor_row = p->row + rows - 1;
	y = row_y(p);
	/* The editor is drawn only when all its rows are on screen. */
	for (r = 0; r < rows; r++, p->row++)
		if (row_y(p) < 0)
			y = -1;
	if (y < 0)
		return;
	tui_edit_draw(&p->f->ed, y, p->x + 3, rows, p->w - 4, &cy, &cx);
	p->cy = cy;
	p->cx = cx;
}

/* text wrapped to the panel, at most max rows (-1: all); a text cut
 * short ends with TEXT_CUT_MARK. Returns the rows all of it takes. */
static int
wrapped_rows(struct painter *p, const char *text, int indent, int max,
    attr_t a)
{
	struct text_lines l;
	size_t i;
	char *line;
	int y, all;

	tui_wrap(text, p->w - indent - 1, &l);
	all = (int)l.n;
	for (i = 0; i < l.n && (max < 0 || (int)i < max); i++, p->row++) {
		if ((y = row_y(p)) < 0)
			continue;
		line = xasprintf("%s%s", l.line[i], max >= 0 &&
		    (int)i == max - 1 && (int)l.n > max ? TEXT_CUT_MARK : "");
		tui_put(y, p->x + indent, p->w - indent - 1, line, a);
		free(line);
	}
	text_lines_free(&l);
	return all;
}

static const char *
focus_help(const struct painter *p, const struct form_field *fld)
{
	if (!is_text(fld) && p->f->hl >= 0 &&
	    *tr_get(&fld->choices[p->f->hl].help, p->t->lang) != '\0')
		return tr_get(&fld->choices[p->f->hl].help, p->t->lang);
	return tr_get(&fld->help, p->t->lang);
}

static void
focus_rows(struct painter *p, const struct form_field *fld,
    const char *stored)
{
	char *label = label_of(p, fld), *msg, *prop;
	int y = row_y(p);

	p->focus_row = p->row++;
	if (y >= 0) {
		tui_put(y, p->x, 2, ">", A_BOLD);
		tui_put(y, p->x + 2, p->w - 2, label, A_BOLD | A_UNDERLINE);
	}
	free(label);
	if (is_text(fld))
		text_rows(p, fld);
	if (p->f->offering)
		offer_rows(p, stored);
	else if (!is_text(fld))
		choice_rows(p, fld, stored);
	if (is_text(fld) && stored == NULL && (prop = proposal(p, fld)) !=
	    NULL) {
		msg = xasprintf(_("from the ledger: %s"), prop);
		wrapped_rows(p, msg, 3, -1, tui_term_attr(TC_IMMEDIATE));
		free(msg);
		free(prop);
	}
	if (p->f->msg != NULL) {
		msg = xasprintf("! %s", p->f->msg);
		wrapped_rows(p, msg, 3, MSG_ROWS, tui_term_attr(TC_ERROR));
		free(msg);
	}
	/* The form to type, unless a message under the field already
	 * gives it with an example. */
	if (fld->type == FORM_TIME && p->f->msg == NULL)
		wrapped_rows(p, fld->allow_unknown ? _("Type like 2026-12-07 "
		    "14:50, or 14:50 for today, \"now\" or \"unknown\"") :
		    _("Type like 2026-12-07 14:50, or 14:50 for today, or "
		    "\"now\""), 3, 1, tui_term_attr(TC_DIM));
	p->help_lines = wrapped_rows(p, focus_help(p, fld), 3, p->help_max,
	    tui_term_attr(TC_DIM));
	p->focus_end = p->row;
}

/* Label column: the page's widest label, but never more than 45%. */
static int
label_width(struct tui *t, const struct form *form, size_t page, int w)
{
	size_t i, lw = 0, l;

	for (i = 0; i < form->nfields; i++) {
		if (form->fields[i].page != page)
			continue;
		l = text_width(tr_get(&form->fields[i].label, t->lang)) +
		    (form->fields[i].required ? 4 : 0);
		if (l > lw)
			lw = l;
	}
	return (int)lw < w * 45 / 100 ? (int)lw : w * 45 / 100;
}

static void
paint(struct painter *p, char *const *values, int *nth, int *count)
{
	const struct form *form = p->form;
	size_t page = form->fields[p->f->field].page, i;

	p->row = 0;
	*count = 0;
	for (i = 0; i < form->nfields; i++) {
		if (form->fields[i].page != page ||
		    !form_field_visible(form, i, values) ||
		    (p->unasked != NULL && p->unasked[i]))
			continue;
		++*count;
		if ((int)i == p->f->field) {
			*nth = *count;
			focus_rows(p, &form->fields[i], values[i]);
		} else
			plain_row(p, &form->fields[i], values[i]);
	}
}

static void
page_header(struct painter *p, int nth, int count)
{
	const struct form *form = p->form;
	size_t page = form->fields[p->f->field].page;
	char left[64], right[64];
	int rw;

	snprintf(left, sizeof left, "[%zu/%zu] ", page + 1, form->npages);
	snprintf(right, sizeof right, _("field %d of %d"), nth, count);
	rw = (int)text_width(right);
	tui_fill(p->y - 1, p->x, p->w, A_NORMAL);
	tui_put(p->y - 1, p->x + (int)text_width(left), p->w - rw -
	    (int)text_width(left) - 1, tr_get(&form->pages[page].title,
	    p->t->lang), A_BOLD);
	tui_put(p->y - 1, p->x, (int)text_width(left), left, A_BOLD);
	tui_put(p->y - 1, p->x + p->w - rw, rw, right,
	    tui_term_attr(TC_DIM));
}

void
tui_form_draw(struct tui *t, const struct tui_form_values *v,
    struct tui_focus *f, int y, int x, int h, int w, int *cy, int *cx)
{
	char *const *values = v->values;
	struct painter p;
	int nth = 0, count = 0, total;

	memset(&p, 0, sizeof p);
	p.t = t;
	p.form = t->data->form;
	p.proposed = v->proposed;
	p.unasked = v->unasked;
	p.f = f;
	p.y = y + 1;
	p.x = x;
	p.w = w;
	p.label_w = label_width(t, p.form, p.form->fields[f->field].page, w);
	p.cy = p.cx = -1;
	/* Pass 1 measures with the whole help; when the page does not fit,
	 * the help gives up the rows it must (never below HELP_ROWS) and
	 * pass 2 measures again: where the focused field and its anchor
	 * fall. */
	p.help_max = -1;
	paint(&p, values, &nth, &count);
	total = p.row;
	if (total > h - 1 && p.help_lines > HELP_ROWS) {
		p.help_max = p.help_lines - (total - (h - 1));
		if (p.help_max < HELP_ROWS)
			p.help_max = HELP_ROWS;
		paint(&p, values, &nth, &count);
		total = p.row;
	}
	p.h = h - 1;
	/* The whole focused field with one row of context above; when it
	 * is taller than the panel, at least its highlighted row. */
	p.top = p.focus_row > 0 ? p.focus_row - 1 : 0;
	if (p.top + p.h < p.focus_end)
		p.top = p.focus_end - p.h;
	if (p.top > p.focus_row) {
		p.top = p.focus_row;
		if (p.anchor_row + 2 > p.top + p.h)
			p.top = p.anchor_row + 2 - p.h;
	}
	if (p.top > total - p.h)
		p.top = total - p.h;
	if (p.top < 0)
		p.top = 0;
	page_header(&p, nth, count);
	paint(&p, values, &nth, &count);
	*cy = p.cy;
	*cx = p.cx;
}
