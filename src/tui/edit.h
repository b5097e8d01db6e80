/*
 * edit.h - a text being typed: code points and a cursor, one line or
 * several, drawn by display width with the cursor kept in view. Japanese
 * typed through an input method arrives as wide characters (get_wch).
 */
#ifndef ANSHIN_TUI_EDIT_H
#define ANSHIN_TUI_EDIT_H

#include <stddef.h>
#include <stdint.h>

#include "tui/keys.h"

struct tui_edit {
	uint32_t *cp;
	size_t n, cap;
	size_t cur;			/* cursor: index into cp, 0..n */
	size_t first;			/* one line: first code point shown */
	size_t top;			/* several lines: first row shown */
	int multiline;
	int cols;			/* width of the last layout */
};

void tui_edit_init(struct tui_edit *e, int multiline);
void tui_edit_free(struct tui_edit *e);
/* Replaces the text (sanitised) and puts the cursor at its end. */
void tui_edit_set(struct tui_edit *e, const char *utf8);
/* The text as UTF-8 (caller frees). */
char *tui_edit_text(const struct tui_edit *e);
/* Applies an editing action or a typed character (act TA_NONE and ch a
 * printable character). Returns 1 when the text changed. */
int tui_edit_apply(struct tui_edit *e, enum tui_act act, int ch);
/* Draws the text in a box of rows x cols (rows 1 for one line) and
 * returns the cursor's screen position. */
void tui_edit_draw(struct tui_edit *e, int y, int x, int rows, int cols,
    int *cy, int *cx);
/* Rows the text needs at width cols (at least 1). */
int tui_edit_rows(struct tui_edit *e, int cols);

#endif
