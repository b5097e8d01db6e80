/*
 * acts.c - the changes of acts.h. An action is done with who, when and
 * an optional note; skipped with who and a reason; set back to open with
 * who; a memo is who and its text. Who is the session's name, shown and
 * editable in every popup (tui_who_set keeps an edit for the session).
 * A closed incident refuses them all with a reason that says what to do
 * on screen, never a command line.
 */
#include "tui/acts.h"

#include <stdlib.h>
#include <string.h>

#include "form_input.h"
#include "i18n.h"
#include "ledger.h"
#include "tui/checklist.h"
#include "tui/dialog.h"

static int
closed(const struct incident *inc, char **msg)
{
	if (!inc->closed)
		return 0;
	*msg = xstrdup(_("This incident is closed: reopen it first (r on the "
	    "incident screen)."));
	return 1;
}

/* The model's refusal as the screen says it: an id is for scripts, so a
 * message naming the action's id (it stopped applying meanwhile) is
 * said in words. */
static int
stored(int rc, const char *err, const char *id, char **msg)
{
	if (rc == ST_OK)
		return 1;
	*msg = id != NULL && strstr(err, id) != NULL ? xstrdup(_("This action "
	    "no longer applies: the answers changed meanwhile.")) :
	    xstrdup(err);
	return 0;
}

/* The "when" box of done: blank or "now" is now, else a typed time that
 * is not still to come. */
static int
check_when(const char *value, void *ud, char *msg, size_t len)
{
	struct tui *t = ud;
	jtime_t when;

	return form_input_time(_("Done at"), value, app_now(t->app), &when,
	    msg, len) == ST_OK ? 0 : -1;
}

static void
intro_title(struct strv *intro, struct tui *t, const struct check_item *it)
{
	strv_push(intro, tr_get(&it->action->title, t->lang));
}

/* The ledger's own action, when the incident names a device of the
 * ledger: its done marks the device lost too (`device lost`). */
static const char *
ledger_device_of(struct tui *t, const struct incident *inc, const char *id)
{
	return strcmp(id, "update_device_ledger") == 0 ?
	    incident_value(t->data, inc, FIELD_DEVICE) : NULL;
}

static int
done_store(struct tui *t, struct incident *inc, const char *id,
    const char *at, const char *note, char *err, size_t len)
{
	const char *dev = ledger_device_of(t, inc, id);
	char *copy;
	int rc;

	if (*note == '\0')
		note = NULL;
	if (dev == NULL)
		return model_set_action(t->st, t->data, inc, id, ACTION_DONE,
		    t->who, at, note, app_now(t->app), err, len);
	copy = xstrdup(dev);
	rc = ledger_lost(t->st, t->data, copy, inc, t->who, at, note,
	    app_now(t->app), err, len);
	free(copy);
	return rc;
}

static int
act_done(struct tui *t, struct incident *inc, const struct check_item *it,
    char **msg)
{
	struct tui_dfield f[3];
	struct strv intro = { NULL, 0 };
	char now[17], at[26], err[1024], *id, *line;
	const char *dev;
	jtime_t when;
	int rc = -1;

	if (it->status == ACTION_DONE && it->record != NULL) {
		*msg = xstrdup(_("Already done: o sets it back to open."));
		return 0;
	}
	id = xstrdup(it->action->id);
	intro_title(&intro, t, it);
	if ((dev = ledger_device_of(t, inc, id)) != NULL) {
		line = xasprintf(_("The ledger records %s as lost in this "
		    "incident."), dev);
		strv_push(&intro, line);
		free(line);
	}
	jtime_format_minute(app_now(t->app), now);
	tui_dialog_name(t, &f[0]);
	memset(&f[1], 0, 2 * sizeof f[1]);
	f[1].label = _("Done at (blank: now)");
	f[1].initial = now;
	f[1].check = check_when;
	f[1].check_ud = t;
	f[2].label = _("Memo (optional)");
	if (tui_dialog(t, _("Mark done"), &intro, f, 3, 0)) {
		tui_who_set(t, util_trim(f[0].value));
		form_input_time(_("Done at"), f[1].value, app_now(t->app), &when,
		    NULL, 0);
		jtime_format_iso(when, at);
		rc = done_store(t, inc, id, at, util_trim(f[2].value), err,
		    sizeof err);
	}
	rc = rc < 0 ? 0 : stored(rc, err, id, msg);
	tui_dialog_free(f, 3);
	strv_free(&intro);
	free(id);
	return rc;
}

static int
act_skip(struct tui *t, struct incident *inc, const struct check_item *it,
    char **msg)
{
	struct tui_dfield f[2];
	struct strv intro = { NULL, 0 };
	char err[1024], *id;
	int rc = -1;

	if (it->status == ACTION_SKIPPED) {
		*msg = xstrdup(_("Already skipped: o sets it back to open."));
		return 0;
	}
	id = xstrdup(it->action->id);
	intro_title(&intro, t, it);
	tui_dialog_name(t, &f[0]);
	memset(&f[1], 0, sizeof f[1]);
	f[1].label = _("Why it does not apply");
	f[1].check = tui_check_required;
	f[1].check_ud = (void *)_("Type the reason it does not apply.");
	if (tui_dialog(t, _("Mark not applicable"), &intro, f, 2, 1)) {
		tui_who_set(t, util_trim(f[0].value));
		rc = model_set_action(t->st, t->data, inc, id, ACTION_SKIPPED,
		    t->who, NULL, util_trim(f[1].value), app_now(t->app), err,
		    sizeof err);
	}
	rc = rc < 0 ? 0 : stored(rc, err, id, msg);
	tui_dialog_free(f, 2);
	strv_free(&intro);
	free(id);
	return rc;
}

static int
act_reopen(struct tui *t, struct incident *inc, const struct check_item *it,
    char **msg)
{
	struct tui_dfield f;
	struct strv intro = { NULL, 0 };
	char err[1024], *id;
	int rc = -1;

	if (it->status == ACTION_OPEN) {
		*msg = xstrdup(_("This action is open already."));
		return 0;
	}
	id = xstrdup(it->action->id);
	intro_title(&intro, t, it);
	strv_push(&intro, _("It goes back on the list of actions to do."));
	tui_dialog_name(t, &f);
	if (tui_dialog(t, _("Set back to open"), &intro, &f, 1, 0)) {
		tui_who_set(t, util_trim(f.value));
		rc = model_set_action(t->st, t->data, inc, id, ACTION_OPEN,
		    t->who, NULL, NULL, app_now(t->app), err, sizeof err);
	}
	rc = rc < 0 ? 0 : stored(rc, err, id, msg);
	tui_dialog_free(&f, 1);
	strv_free(&intro);
	free(id);
	return rc;
}

static int
act_note(struct tui *t, struct incident *inc, char **msg)
{
	struct tui_dfield f[2];
	char err[1024];
	int rc = -1;

	tui_dialog_name(t, &f[0]);
	memset(&f[1], 0, sizeof f[1]);
	f[1].label = _("Memo (Enter: new line, Tab: save)");
	f[1].multiline = 1;
	f[1].check = tui_check_required;
	f[1].check_ud = (void *)_("Type the memo.");
	if (tui_dialog(t, _("Memo"), NULL, f, 2, 1)) {
		tui_who_set(t, util_trim(f[0].value));
		rc = model_add_note(t->st, t->data, inc, f[1].value, t->who,
		    app_now(t->app), err, sizeof err);
	}
	tui_dialog_free(f, 2);
	return rc < 0 ? 0 : stored(rc, err, NULL, msg);
}

/* notify_individuals with recipients stored is done by the marks of
 * view 6 (docs/contract.md §4): said before a popup asks for nothing. */
static int
by_notices(struct tui *t, const struct incident *inc,
    const struct check_item *it, enum tui_act act, char **msg)
{
	char *progress;

	if (it == NULL || !it->by_notices || act == TA_NOTE)
		return 0;
	progress = notice_progress_text(&inc->notices, t->lang);
	*msg = xasprintf(_("\"%s\" is done by the marks of the notices (view "
	    "6 of the incident screen): %s"), tr_get(&it->action->title,
	    t->lang), progress);
	free(progress);
	return 1;
}

int
tui_act_run(struct tui *t, struct incident *inc, const struct check_item *it,
    enum tui_act act, char **msg)
{
	*msg = NULL;
	if (closed(inc, msg) || by_notices(t, inc, it, act, msg))
		return 0;
	if (act == TA_NOTE)
		return act_note(t, inc, msg);
	if (it == NULL)
		return 0;
	switch (act) {
	case TA_MARK_DONE:
		return act_done(t, inc, it, msg);
	case TA_SKIP:
		return act_skip(t, inc, it, msg);
	case TA_REOPEN_ACTION:
		return act_reopen(t, inc, it, msg);
	default:
		return 0;
	}
}

enum tui_act
tui_act_detail(struct tui *t, const struct incident *inc,
    const struct check_item *it, const char **section)
{
	struct strv p = { NULL, 0 };
	enum tui_act act;

	*section = tui_checklist_unset_contact(t, it);
	tui_checklist_detail(t, inc, it, &p);
	act = tui_view_keys(t, tr_get(&it->action->title, t->lang), &p,
	    KC_VIEW | KC_DETAIL | (*section != NULL ? KC_DUNSET : 0));
	strv_free(&p);
	return act;
}

int
tui_act_key(struct tui *t, struct incident *inc, const struct check_item *it,
    enum tui_act act, char **msg)
{
	const char *section = NULL;

	*msg = NULL;
	if (act == TA_DETAIL) {
		if (it == NULL)
			return 0;
		act = tui_act_detail(t, inc, it, &section);
		if (act == TA_SETTINGS) {
			tui_settings_run(t, section);
			return 0;
		}
	}
	if (act != TA_MARK_DONE && act != TA_SKIP && act != TA_REOPEN_ACTION &&
	    act != TA_NOTE)
		return 0;
	return tui_act_run(t, inc, it, act, msg);
}
