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
	size_t sel;			/* selected item (an index into the
					 * evaluation's items) when focused */
	int top;			/* first row shown */
};

/* Draws the panel in box for the incident's evaluation; compact gives the
 * assessment at most two rows (a narrow strip under the form). */
void tui_checklist_draw(struct tui *t, const struct incident *inc,
    const struct evaluation *ev, struct tui_checklist *cl,
    const struct tui_box *box, int focused, int compact);
/* The items in the order the panel shows them: the open urgent ones
 * first, then the others in the evaluation's order (out: nitems). */
void tui_checklist_order(const struct evaluation *ev, size_t *out);
/* Selects the first item shown. */
void tui_checklist_first(struct tui_checklist *cl, const struct evaluation *ev);
/* Rows a strip needs to show every open urgent action. */
int tui_checklist_urgent_rows(const struct evaluation *ev);
/* The contact section an action's detail names whose phone is not set
 * yet (the settings screen's "enter it now"), or NULL. */
const char *tui_checklist_unset_contact(struct tui *t,
    const struct check_item *it);
/* Moves the selection by delta items in the panel's order (clamped). */
void tui_checklist_move(struct tui_checklist *cl, const struct evaluation *ev,
    int delta);
/* The paragraphs describing one action, for the detail window. */
void tui_checklist_detail(struct tui *t, const struct incident *inc,
    const struct check_item *it, struct strv *out);

#endif
