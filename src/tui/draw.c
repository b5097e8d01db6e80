/*
 * draw.c - the only place the TUI puts text on the screen: sanitise, fit
 * by measured width, then addnstr (ncursesw assembles the UTF-8).
 */
#include "tui/draw.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

int
tui_put(int y, int x, int cols, const char *s, attr_t a)
{
	char *clean, *fit;
	int used;

	if (cols <= 0 || s == NULL)
		return 0;
	clean = text_sanitize(s, 0);
	/* Nothing is cut silently: a cut ends with TEXT_CUT_MARK. */
	fit = text_fit_marked(clean, (size_t)cols);
	used = (int)text_width(fit);
	attrset(a);
	mvaddnstr(y, x, fit, (int)strlen(fit));
	attrset(A_NORMAL);
	free(fit);
	free(clean);
	return used;
}

void
tui_fill(int y, int x, int cols, attr_t a)
{
	if (cols <= 0)
		return;
	attrset(a);
	mvhline(y, x, ' ', cols);
	attrset(A_NORMAL);
}

void
tui_wrap(const char *s, int cols, struct text_lines *out)
{
	char *clean = text_sanitize(s != NULL ? s : "", 1);

	text_wrap(clean, cols > 1 ? cols : 1, text_measure_columns, NULL, out);
	free(clean);
}

int
tui_put_wrapped(int y, int x, int cols, int maxlines, const char *s,
    attr_t a)
{
	struct text_lines l;
	int i;

	if (maxlines <= 0 || cols <= 0)
		return 0;
	tui_wrap(s, cols, &l);
	for (i = 0; i < maxlines && (size_t)i < l.n; i++) {
		/* Cut short: the last line shown ends with the marker. */
		char *line = xasprintf("%s%s", l.line[i], i == maxlines - 1 &&
		    l.n > (size_t)maxlines ? TEXT_CUT_MARK : "");

		tui_put(y + i, x, cols, line, a);
		free(line);
	}
	text_lines_free(&l);
	return i;
}

void
tui_rule(int y, int x, int cols, const char *title, attr_t a)
{
	int used = 0;

	attrset(a);
	mvhline(y, x, ACS_HLINE, cols);
	attrset(A_NORMAL);
	if (title != NULL && *title != '\0' && cols > 4) {
		mvaddch(y, x + 1, ' ');
		used = tui_put(y, x + 2, cols - 4, title, a);
		mvaddch(y, x + 2 + used, ' ');
	}
}
