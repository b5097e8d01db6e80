/*
 * draw.h - drawing text on the curses screen: every string goes through
 * text_sanitize and is measured with text_width, so untrusted text never
 * reaches the terminal raw and wide characters never overflow a column.
 */
#ifndef ANSHIN_TUI_DRAW_H
#define ANSHIN_TUI_DRAW_H

#include <curses.h>

#include "text.h"

/* Draws s (sanitised, one line) at y, x in at most cols columns, a cut
 * ending with TEXT_CUT_MARK; returns the columns used. */
int tui_put(int y, int x, int cols, const char *s, attr_t a);
/* Fills cols columns with spaces. */
void tui_fill(int y, int x, int cols, attr_t a);
/* Sanitises s (newlines kept) and wraps it to cols columns. */
void tui_wrap(const char *s, int cols, struct text_lines *out);
/* Draws s wrapped to cols, at most maxlines lines; returns lines used. */
int tui_put_wrapped(int y, int x, int cols, int maxlines, const char *s,
    attr_t a);
/* Clears the screen for a new frame (a full redraw): what is spelled out
 * once per screen starts again (tui_spell_out). */
void tui_erase(void);
/* The language of the screens, for what is spelled out once per screen. */
void tui_draw_lang(int english);
/* Draws a horizontal rule with an optional title. */
void tui_rule(int y, int x, int cols, const char *title, attr_t a);

#endif
