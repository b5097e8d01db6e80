/*
 * page.c - the scrolling text pages of page.h: lines are rebuilt at each
 * draw (wrapping depends on the width after a resize), every string goes
 * through draw.c, and the hints come from the one key table.
 */
#include "tui/page.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "tui/draw.h"
#include "tui/term.h"

void
tui_page_add(struct tui_page *p, const char *s, attr_t a, int item)
{
	p->v = xreallocarray(p->v, p->n + 1, sizeof *p->v);
	p->v[p->n].s = xstrdup(s);
	p->v[p->n].a = a;
	p->v[p->n++].item = item;
}

/* Adds text wrapped to the page's width, each line after `indent`
 * columns; a line break in text starts a new paragraph after a blank
 * line when `gap`. */
void
tui_page_text(struct tui_page *p, const char *text, int indent, attr_t a,
    int item, int gap)
{
	struct text_lines l;
	char *copy = xstrdup(text != NULL ? text : ""), *para, *save = NULL,
	    *line;
	int first = 1;
	size_t i;

	for (para = strtok_r(copy, "\n", &save); para != NULL;
	    para = strtok_r(NULL, "\n", &save)) {
		if (gap && !first)
			tui_page_add(p, "", A_NORMAL, item);
		first = 0;
		tui_wrap(para, COLS - 2 - indent, &l);
		for (i = 0; i < l.n; i++) {
			line = xasprintf("%*s%s", indent, "", l.line[i]);
			tui_page_add(p, line, a, item);
			free(line);
		}
		text_lines_free(&l);
	}
	free(copy);
}

void
tui_page_heading(struct tui_page *p, const char *title)
{
	tui_page_add(p, "", A_NORMAL, -1);
	tui_page_add(p, title, A_BOLD | A_UNDERLINE, -1);
}

void
tui_page_clear(struct tui_page *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].s);
	free(p->v);
	p->v = NULL;
	p->n = 0;
}

/* Rows for the page's text: all but the bars and the "more" line. */
static int
page_rows(void)
{
	return LINES - 3 > 1 ? LINES - 3 : 1;
}

/* Scrolls so that the lines of item sel are in view. */
void
tui_page_show_item(struct tui_page *p, int sel)
{
	int first = -1, last = -1, i, rows = page_rows();

	for (i = 0; i < (int)p->n; i++)
		if (p->v[i].item == sel) {
			if (first < 0)
				first = i;
			last = i;
		}
	if (first < 0)
		return;
	if (last >= p->top + rows)
		p->top = last - rows + 1;
	if (first < p->top)
		p->top = first;
}

void
tui_page_draw(struct tui *t, struct tui_page *p, const char *title,
    const char *right, unsigned ctx)
{
	char *hints = tui_keys_bar(ctx, t->lang);
	int rows = page_rows(), r;

	if (p->top > (int)p->n - rows)
		p->top = (int)p->n - rows;
	if (p->top < 0)
		p->top = 0;
	tui_draw_bars(title, right, hints);
	free(hints);
	for (r = 0; r < rows && (size_t)(p->top + r) < p->n; r++)
		tui_put(1 + r, 1, COLS - 2, p->v[p->top + r].s,
		    p->v[p->top + r].a);
	if ((size_t)(p->top + rows) < p->n)
		tui_put(LINES - 2, 1, COLS - 2, _("more below: ↓ or PgDn"),
		    tui_term_attr(TC_DIM));
	curs_set(0);
}

/* Moves the page by a scrolling action; returns 1 when act was one. */
int
tui_page_scroll(struct tui_page *p, enum tui_act act)
{
	int rows = page_rows();

	switch (act) {
	case TA_UP:
	case TA_DOWN:
		p->top += act == TA_UP ? -1 : 1;
		return 1;
	case TA_PAGE_NEXT:
	case TA_PAGE_PREV:
		p->top += act == TA_PAGE_PREV ? -rows : rows;
		return 1;
	default:
		return 0;
	}
}

int
tui_page_select(int *sel, size_t n, enum tui_act act)
{
	if (act != TA_UP && act != TA_DOWN)
		return 0;
	*sel += act == TA_UP ? -1 : 1;
	if (*sel >= (int)n)
		*sel = (int)n - 1;
	if (*sel < 0)
		*sel = 0;
	return 1;
}
