/*
 * rows.h - a panel laid out as rows before it is drawn (the live
 * checklist, the incident screen's views): each row one screen line, with
 * an optional right-aligned part (a due date), the checklist item it
 * belongs to for selection, or a heading drawn as a rule. Laying out first
 * tells how many rows there are, so scrolling and "more below" are exact.
 */
#ifndef ANSHIN_TUI_ROWS_H
#define ANSHIN_TUI_ROWS_H

#include <curses.h>
#include <stddef.h>

struct tui_row {
	char *text;
	char *right;			/* right-aligned (a due date), or NULL */
	attr_t attr;
	int item;			/* checklist item, -1 for other rows */
	int rule;			/* a heading drawn as a rule */
};

struct tui_rows {
	struct tui_row *v;
	size_t n;
};

void tui_rows_add(struct tui_rows *r, const char *text, const char *right,
    attr_t a, int item, int rule);
void tui_rows_free(struct tui_rows *r);

/* Draws a row's text and right part at y, x in w columns with attribute
 * a; a rule row is drawn as a rule in its own attribute. */
void tui_row_draw(const struct tui_row *rw, int y, int x, int w, attr_t a);

#endif
