/*
 * checklist.h - the live checklist panel: the assessment line and the
 * required actions by phase, with the facility's contacts under the
 * urgent ones; focused with F2 to read an action or mark it done.
 */
#ifndef ANSHIN_TUI_CHECKLIST_H
#define ANSHIN_TUI_CHECKLIST_H

#include "model.h"
#include "tui/ui.h"

struct tui_checklist {
	size_t sel;			/* selected item when focused */
	int top;			/* first row shown */
};

/* Draws the panel in box for the incident's evaluation; compact gives the
 * assessment at most two rows (a narrow strip under the form). */
void tui_checklist_draw(struct tui *t, const struct incident *inc,
    const struct evaluation *ev, struct tui_checklist *cl,
    const struct tui_box *box, int focused, int compact);
/* Moves the selection by delta items (clamped). */
void tui_checklist_move(struct tui_checklist *cl, const struct evaluation *ev,
    int delta);
/* The paragraphs describing one action, for the detail window. */
void tui_checklist_detail(struct tui *t, const struct incident *inc,
    const struct check_item *it, struct strv *out);

#endif
