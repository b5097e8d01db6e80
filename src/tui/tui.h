/*
 * tui.h - the interactive views (ncursesw): home screen, intake wizard,
 * incident review and drills. Entry points return a process exit status.
 */
#ifndef ANSHIN_TUI_H
#define ANSHIN_TUI_H

#include "app.h"

/* Home screen (no command). */
int tui_home(struct app *app);
/* Wizard on a new incident. */
int tui_new(struct app *app);
/* Wizard on an existing incident, at its first unanswered required field. */
int tui_resume(struct app *app, const char *ref);
/* A training drill: briefing, the wizard against the clock with clues on
 * request, then score and debrief. A NULL scenario opens the list of
 * scenarios to pick from. */
int tui_drill(struct app *app, const char *scenario);
/* The settings screen: the facility profile and every contact, written
 * to the user's contacts.conf (docs/contract.md §1 `settings`). */
int tui_settings(struct app *app);
/* The keys of every screen, for `anshin-ir help keys` (one "== SCREEN"
 * line, then "  KEY  what it does" lines). */
void tui_keys_print(enum lang lang);
/* Returns ST_OK when stdin/stdout are a usable terminal, else writes why
 * into err and returns ST_UNAVAILABLE. */
int tui_check_terminal(char *err, size_t errlen);

#endif
