/*
 * words.h - how every TUI screen words and colours the model's states
 * (phases, the PPC verdict, days left), so the wizard's panel, the review
 * screen and the drill debrief never drift apart.
 */
#ifndef ANSHIN_TUI_WORDS_H
#define ANSHIN_TUI_WORDS_H

#include <curses.h>
#include <stddef.h>

#include "model.h"
#include "rules.h"

const char *tui_phase_label(enum phase p);
/* An action's status in words ("to do", "done", "skipped"). */
const char *tui_status_label(enum action_status status);
attr_t tui_phase_attr(enum phase p);
/* "Report to the PPC: required" and the like. */
const char *tui_reportable_short(enum reportable r);
/* "Due dates: answer "Discovered at" to compute them" (caller frees). */
char *tui_due_hint(const struct form *form, enum lang lang);
/* " (3 days left)", " (due today)", " (OVERDUE by 2 days)". */
void tui_days_left(long due, long today, char *out, size_t len);

#endif
