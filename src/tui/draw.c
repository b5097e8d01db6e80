/*
 * draw.c - the only place the TUI puts text on the screen: sanitise, fit
 * by measured width, then addnstr (ncursesw assembles the UTF-8).
 */
#include "tui/draw.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* An English screen spells the PPC out at its first mention:
 * the abbreviation alone means nothing to a clinic manager. */
#define PPC_LONG "Personal Information Protection Commission"
static int english, ppc_said;

void
tui_draw_lang(int en)
{
	english = en;
}

void
tui_erase(void)
{
	ppc_said = 0;
	erase();
}

/* The first "PPC" (a whole word) of a frame in full, unless the frame
 * has named the commission already; a copy of s. */
static char *
spell_out(const char *s)
{
	const char *p = s;
	char *out;

	if (!english || ppc_said)
		return xstrdup(s);
	if (strstr(s, PPC_LONG) != NULL) {
		ppc_said = 1;
		return xstrdup(s);
	}
	for (; (p = strstr(p, "PPC")) != NULL; p += 3)
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[3])) {
			ppc_said = 1;
			out = xasprintf("%.*s" PPC_LONG " (PPC)%s", (int)(p - s),
			    s, p + 3);
			return out;
		}
	return xstrdup(s);
}

int
tui_put(int y, int x, int cols, const char *s, attr_t a)
{
	char *clean, *fit, *said;
	int used;

	if (cols <= 0 || s == NULL)
		return 0;
	said = spell_out(s);
	clean = text_sanitize(said, 0);
	free(said);
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
	char *said = spell_out(s != NULL ? s : ""), *clean;

	clean = text_sanitize(said, 1);
	free(said);

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
