/*
 * dialog.h - a popup of a few boxes to fill in (who, when, a note, a
 * reason, the measures, a file name) confirmed together: the changes made
 * where actions are listed and on the incident screen ask through it, so
 * every one shows the name that will sign it, editable. A box
 * that is refused keeps the popup open with the message under it; Esc
 * with something typed asks before throwing it away.
 */
#ifndef ANSHIN_TUI_DIALOG_H
#define ANSHIN_TUI_DIALOG_H

#include "tui/ui.h"

/* Checks a box's text; returns 0, or -1 with the message (translated,
 * naming the box by its label) in msg. */
typedef int (*tui_check_fn)(const char *value, void *ud, char *msg,
    size_t len);

struct tui_dfield {
	const char *label;
	const char *initial;		/* NULL: empty */
	int multiline;
	tui_check_fn check;		/* NULL: anything, also empty */
	void *check_ud;
	char *value;			/* out: the confirmed text (caller
					 * frees with tui_dialog_free) */
};

/* Shows the popup over the screen on top: title, the intro lines (may
 * be NULL), then the boxes, the cursor in box `first`. Enter in a
 * one-line box (or Tab in the last box) confirms once every check
 * passes. Returns 1 when confirmed (values set), 0 when cancelled. */
int tui_dialog(struct tui *t, const char *title, const struct strv *intro,
    struct tui_dfield *f, size_t n, size_t first);
void tui_dialog_free(struct tui_dfield *f, size_t n);

/* The checks the changes need: text that is not blank ("%s" the label in
 * ud's message, given as the check_ud string), and a name (one line, not
 * blank, at most MODEL_NAME_MAX bytes). */
int tui_check_required(const char *value, void *ud, char *msg, size_t len);
int tui_check_name(const char *value, void *ud, char *msg, size_t len);

/* The "Your name" box every change's popup starts with, prefilled with
 * the session's name (tui_who_initial). */
void tui_dialog_name(struct tui *t, struct tui_dfield *f);

/* "~/x.pdf" with the home directory (caller frees). */
char *tui_expand_home(const char *path);
/* Where to save a PDF: a box prefilled with ~/NAME (NAME without a
 * home), after the name box when `sign` (the change is recorded, so
 * someone signs it; t->who is then set). Returns the path, a leading ~/
 * expanded (caller frees), or NULL when cancelled. */
char *tui_dialog_pdf(struct tui *t, const char *title, const char *name,
    int sign);
/* The window after a PDF: `done` and where it was written (rc ST_OK),
 * or `failed` and why not. */
void tui_pdf_written(struct tui *t, const char *title, const char *done,
    const char *failed, int rc, const char *path, const char *err);

#endif
