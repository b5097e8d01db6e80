/*
 * rows.c - the rows panels are laid out in (rows.h): adding, freeing and
 * drawing one row, shared by the live checklist and the incident screen.
 */
#include "tui/rows.h"

#include <stdlib.h>

#include "text.h"
#include "tui/draw.h"
#include "util.h"

void
tui_rows_add(struct tui_rows *r, const char *text, const char *right,
    attr_t a, int item, int rule)
{
	r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
	r->v[r->n].text = xstrdup(text);
	r->v[r->n].right = right != NULL ? xstrdup(right) : NULL;
	r->v[r->n].attr = a;
	r->v[r->n].item = item;
	r->v[r->n++].rule = rule;
}

void
tui_rows_free(struct tui_rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].text);
		free(r->v[i].right);
	}
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

void
tui_row_draw(const struct tui_row *rw, int y, int x, int w, attr_t a)
{
	int rwid = rw->right != NULL ? (int)text_width(rw->right) : 0;

	if (rw->rule) {
		tui_rule(y, x, w, rw->text, rw->attr);
		return;
	}
	tui_put(y, x, w - (rwid > 0 ? rwid + 1 : 0), rw->text, a);
	if (rw->right != NULL)
		tui_put(y, x + w - rwid, rwid, rw->right, a);
}
