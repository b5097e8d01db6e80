/*
 * drillscreen.h - the training drill in the TUI (docs/contract.md §1 `drill
 * NAME`, §8): the briefing, the intake wizard against the clock with the
 * scenario's clues on request, then the score and debrief. The wizard
 * itself is wizard.c's, run in drill mode with a struct tui_drill_run.
 */
#ifndef ANSHIN_TUI_DRILLSCREEN_H
#define ANSHIN_TUI_DRILLSCREEN_H

#include "drill.h"
#include "jtime.h"
#include "tui/ui.h"

/* The mark of a drill on screen: the PDF watermark's words, the same in
 * both languages so that a screenshot is never taken for a real case. */
#define TUI_DRILL_MARK "訓練 / TRAINING"

/* One run of a scenario, shared by the drill screens and the wizard. */
struct tui_drill_run {
	const struct drill *dr;
	jtime_t started;		/* the briefing's Enter: clock at 0 */
	char ref[16];			/* the run's reference once created */
	unsigned char *revealed;	/* per clue: asked already */
	int submitted;			/* F9 confirmed in the wizard */
};

/* "mm:ss" (minutes may pass 59). */
void tui_drill_mmss(long secs, char *out, size_t len);

/* The countdown for the title bar: "残り 12:34" / "12:34 left", past the
 * limit "+01:05 超過" / "+01:05 over". */
void tui_drill_clock(const struct tui_drill_run *run, jtime_t now,
    char *out, size_t len);

/* The questions screen (F3 in the wizard): the scenario's clues, the
 * asked ones with their answers. Returns 1 when the trainee chose to leave
 * the drill there (F10), else 0. */
int tui_drill_clues(struct tui *t, struct tui_drill_run *run);

/* The score and debrief of a submitted run inc of scenario dr, until the
 * trainee closes it. Returns ST_OK, an error status or 128 + signal. */
int tui_drill_result(struct tui *t, const struct drill *dr,
    const struct incident *inc);

/* The whole drill on scenario dr: briefing, wizard, score and debrief.
 * When the trainee leaves a created run unsubmitted, its reference is
 * copied to left (else left is ""). Returns ST_OK, an error status (the
 * reason in t->err) or 128 + signal. */
int tui_drill_play(struct tui *t, const struct drill *dr, char *left,
    size_t leftlen);

/* `resume REF`: an open drill run continues in drill mode (its clock ran
 * on since it was started), a submitted one shows its score and debrief;
 * any other incident opens in the wizard. */
int tui_drill_resume(struct tui *t, const char *ref, char *left,
    size_t leftlen);

#endif
