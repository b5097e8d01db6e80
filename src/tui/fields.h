/*
 * fields.h - the form panel: one page of fields from forms/intake.form,
 * the focused one opened as its widget (choice list, multi-choice list,
 * one-line or multi-line text, or a text field that offers a list to
 * pick from, searched by what is typed) with its inline message and
 * help, the others as one "label: value" line each. A value proposed but
 * not answered yet shows beside its field, marked as such.
 */
#ifndef ANSHIN_TUI_FIELDS_H
#define ANSHIN_TUI_FIELDS_H

#include "form.h"
#include "tui/edit.h"
#include "tui/ui.h"

/* The field being answered and what has been typed or picked in it. */
struct tui_focus {
	int field;			/* index into form.fields */
	struct tui_edit ed;		/* text, longtext, int, time */
	int hl;				/* highlighted choice; -1: the
					 * "not answered" line */
	unsigned char *on;		/* multi: ticked choices */
	int dirty;			/* changed since loaded or stored */
	int prefilled;			/* shows a default not stored yet */
	char *msg;			/* inline error, or NULL */
	/* A text field with offers is picked from them like a choice (hl
	 * the highlighted one, -1 the "not answered" line); the text typed
	 * searches them. */
	int offering;
	struct strv offers;		/* the values to store */
	struct strv offer_text;		/* how each reads */
};

/* Opens field with its stored value (NULL: unanswered; a time field with
 * default = now is then prefilled with the current time). */
void tui_focus_load(struct tui_focus *f, const struct form *form, int field,
    const char *value, jtime_t now);
void tui_focus_free(struct tui_focus *f);
void tui_focus_set_msg(struct tui_focus *f, const char *msg);
/* What the widget holds, as a raw value to normalise (caller frees):
 * the highlighted choice, the ticked values, or the typed text. */
char *tui_focus_raw(const struct tui_focus *f, const struct form *form);
/* Replaces the offers of a text field (values and their lines) and
 * highlights the one stored, else the first when something is typed. */
void tui_focus_offer(struct tui_focus *f, const struct strv *values,
    const struct strv *text, const char *stored);
/* The key context of a field's widget. */
unsigned tui_field_ctx(const struct form_field *fld);

/* What Enter does on the field as it is now (the key bar says it):
 * move on leaving it unanswered, keep the stored answer, clear it, or
 * store what was picked, ticked or typed. */
enum tui_enter { TUI_ENTER_SKIP, TUI_ENTER_KEEP, TUI_ENTER_CLEAR,
	TUI_ENTER_STORE };
enum tui_enter tui_focus_enter(const struct tui_focus *f,
    const struct form *form, const char *stored);
/* A field's choices numbered for a box that takes a digit: "1 label
 *  2 label ..." (caller frees). */
char *tui_choices_numbered(struct tui *t, const struct form_field *fld);
/* A stored value as a person reads it (caller frees). */
char *tui_value_label(struct tui *t, const struct form_field *fld,
    const char *value);

/* What the panel shows of each field: the answers, a value proposed and
 * not answered yet (NULL: none), shown marked 「台帳より」, and which
 * fields are not asked now (NULL: all are) besides those form_field_
 * visible hides. */
struct tui_form_values {
	char *const *values;
	char *const *proposed;
	const unsigned char *unasked;
};

/* Draws the focused field's page in the box; *cy, *cx receive the text
 * cursor, or -1 when the widget has none. */
void tui_form_draw(struct tui *t, const struct tui_form_values *v,
    struct tui_focus *f, int y, int x, int h, int w, int *cy, int *cx);

#endif
