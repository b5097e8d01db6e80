/*
 * page.h - a full screen of wrapped text between the title bar and the
 * key-hint bar, scrolled with ↑/↓ and PgDn/PgUp, whose lines may belong to
 * the items of a list (kept in view when selected). The drill's briefing,
 * questions, score and list of scenarios are such pages.
 */
#ifndef ANSHIN_TUI_PAGE_H
#define ANSHIN_TUI_PAGE_H

#include <curses.h>

#include "tui/keys.h"
#include "tui/ui.h"

struct tui_pline {
	char *s;
	attr_t a;
	int item;			/* the list item it belongs to, or -1 */
};

struct tui_page {
	struct tui_pline *v;
	size_t n;
	int top;			/* first line shown */
};

/* Adds one line as is. */
void tui_page_add(struct tui_page *p, const char *s, attr_t a, int item);
/* Adds text wrapped to the screen's width, each line after `indent`
 * columns; with `gap` a line break in text leaves a blank line between
 * paragraphs. */
void tui_page_text(struct tui_page *p, const char *text, int indent,
    attr_t a, int item, int gap);
/* A blank line, then a heading. */
void tui_page_heading(struct tui_page *p, const char *title);
/* Empties the page (kept: the scroll position). */
void tui_page_clear(struct tui_page *p);
/* Scrolls so that the lines of item sel are in view. */
void tui_page_show_item(struct tui_page *p, int sel);
/* Draws the bars (the hints of ctx from the key table) and the lines in
 * view, with a "more below" line when some are not. */
void tui_page_draw(struct tui *t, struct tui_page *p, const char *title,
    const char *right, unsigned ctx);
/* Applies a scrolling action; returns 1 when act was one. */
int tui_page_scroll(struct tui_page *p, enum tui_act act);
/* Moves the selection *sel among n items on ↑/↓ (clamped); returns 1
 * when act was one of them. */
int tui_page_select(int *sel, size_t n, enum tui_act act);

#endif
