/*
 * acts.h - the changes made wherever actions are listed (the wizard's
 * checklist, the incident screen's, an action's detail) and the
 * incident's memo: one meaning per key on every screen (docs/contract.md §7).
 * Each asks in one popup that shows the name signing it (dialog.h),
 * stores through the model (which re-reads the incident inside its
 * transaction) and leaves inc showing what is stored: evaluate again
 * afterwards, the checklist items point into inc.
 */
#ifndef ANSHIN_TUI_ACTS_H
#define ANSHIN_TUI_ACTS_H

#include "model.h"
#include "tui/keys.h"
#include "tui/ui.h"

/* Runs the change act (TA_MARK_DONE, TA_SKIP, TA_REOPEN_ACTION) on the
 * action of item it, or TA_NOTE on the incident (it may be NULL then).
 * Returns 1 when something was stored; 0 when not, with *msg (caller
 * frees) saying why when it was refused rather than cancelled. */
int tui_act_run(struct tui *t, struct incident *inc,
    const struct check_item *it, enum tui_act act, char **msg);

/* The detail window of an action with its keys (d, s, o, a, and k when
 * its contact is not set yet). Returns the key's act (TA_BACK when just
 * closed); for TA_SETTINGS *section is the contact to fill in. */
enum tui_act tui_act_detail(struct tui *t, const struct incident *inc,
    const struct check_item *it, const char **section);

/* A list's Enter, d, s, o, a on item it: the detail window first for
 * Enter (its key then runs as if pressed in the list, and k opens the
 * settings at the contact). Returns 1 when something was stored. */
int tui_act_key(struct tui *t, struct incident *inc,
    const struct check_item *it, enum tui_act act, char **msg);

#endif
