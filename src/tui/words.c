/*
 * words.c - the shared wording of model states on TUI screens.
 */
#include "tui/words.h"

#include <stdio.h>

#include "i18n.h"
#include "tui/term.h"
#include "util.h"

const char *
tui_phase_label(enum phase p)
{
	switch (p) {
	case PHASE_IMMEDIATE:
		return _("Immediate (within hours)");
	case PHASE_INVESTIGATE:
		return _("Investigate");
	case PHASE_REPORT:
		return _("Report");
	default:
		return _("Follow-up");
	}
}

const char *
tui_status_label(enum action_status status)
{
	switch (status) {
	case ACTION_DONE:
		return _("done");
	case ACTION_SKIPPED:
		return _("skipped");
	default:
		return _("to do");
	}
}

attr_t
tui_phase_attr(enum phase p)
{
	static const enum tui_color c[PHASE_COUNT] = { TC_IMMEDIATE,
		TC_INVESTIGATE, TC_REPORT, TC_FOLLOWUP };

	return tui_term_attr(c[p]);
}

const char *
tui_reportable_short(enum reportable r)
{
	switch (r) {
	case REPORTABLE_YES:
		return _("Report to the Personal Information Protection Commission "
		    "(PPC): required");
	case REPORTABLE_NO:
		return _("Not reportable — record the grounds for this "
		    "decision");
	default:
		return _("Report to the Personal Information Protection Commission "
		    "(PPC): undetermined");
	}
}

void
tui_days_left(long due, long today, char *out, size_t len)
{
	long d = due - today;

	if (d > 0)
		snprintf(out, len, _(" (%ld days left)"), d);
	else if (d == 0)
		snprintf(out, len, "%s", _(" (due today)"));
	else
		snprintf(out, len, _(" (OVERDUE by %ld days)"), -d);
}

char *
tui_due_hint(const struct form *form, enum lang lang)
{
	const struct form_field *fld = form_field_find(form, FIELD_DISCOVERED_AT);

	return xasprintf(_("Due dates: answer \"%s\" to compute them"),
	    fld != NULL ? tr_get(&fld->label, lang) : "");
}
