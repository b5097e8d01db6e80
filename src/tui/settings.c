/*
 * settings.c - the settings screen (docs/contract.md §1 `settings`, the home
 * screen's k, an action's "enter it now"): the facility profile and every
 * contact of contacts.conf, one row per key with its value as the program reads
 * it now (or 「未設定」). Enter edits one value in a popup; it is written
 * at once into the user's contacts.conf (contacts_user_set: atomic, 0600,
 * comments and other lines kept) and the contacts are read again, so the
 * checklist shows the number the moment it is typed. Empty removes this
 * account's value: the machine's or the shipped one shows again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_input.h"
#include "i18n.h"
#include "text.h"
#include "tui/dialog.h"
#include "tui/draw.h"
#include "tui/fields.h"
#include "tui/keys.h"
#include "tui/screen.h"
#include "tui/term.h"
#include "tui/ui.h"

/* Keys in the order a person fills them in. */
static const char *const key_order[] = {
	"name", "title", "type", "corporate_number", "representative",
	"phone", "hours", "email", "url", "postal_code", "address", "note",
	NULL
};

struct srow {
	const char *section;
	const char *key;		/* NULL: the section's heading */
};

struct settings {
	struct tui_screen s;
	struct tui *t;
	const char *section;		/* opened for this contact, or NULL */
	struct srow *rows;
	size_t n, sel;
	int top;
	char *status;
};

static const char *
section_label(const char *s)
{
	static const struct { const char *id, *label; } l[] = {
		{ "facility", N_("Your facility") },
		{ "person_in_charge", N_("Person in charge of the response and "
		    "of reporting") },
		{ "deputy", N_("Deputy") },
		{ "support_desk", N_("Regional network support desk") },
		{ "enquiry_desk", N_("Enquiry desk for patients and clients") },
		{ "vendor", N_("System vendor") },
		{ "carrier", N_("Mobile carrier") },
		{ "police", N_("Police station") },
		{ "municipality", N_("Municipality (long-term care office)") },
		{ "ppc", N_("Personal Information Protection Commission") },
		{ "mhlw", N_("Ministry of Health, Labour and Welfare") },
	};
	size_t i;

	for (i = 0; i < sizeof l / sizeof l[0]; i++)
		if (strcmp(l[i].id, s) == 0)
			return _(l[i].label);
	return s;
}

static const char *
key_label(const char *section, const char *k)
{
	int person = strcmp(section, "person_in_charge") == 0 ||
	    strcmp(section, "deputy") == 0;

	if (strcmp(k, "name") == 0)
		return person ? _("Name") : _("Name of the office");
	if (strcmp(k, "title") == 0)
		return _("Position");
	if (strcmp(k, "type") == 0)
		return _("Kind of facility");
	if (strcmp(k, "corporate_number") == 0)
		return _("Corporate number");
	if (strcmp(k, "representative") == 0)
		return _("Representative");
	if (strcmp(k, "phone") == 0)
		return _("Phone");
	if (strcmp(k, "hours") == 0)
		return _("Opening hours");
	if (strcmp(k, "email") == 0)
		return _("E-mail");
	if (strcmp(k, "url") == 0)
		return _("Web page");
	if (strcmp(k, "postal_code") == 0)
		return _("Postal code");
	if (strcmp(k, "address") == 0)
		return _("Address");
	return _("Note");
}

static void
build_rows(struct settings *s)
{
	size_t i, k;

	for (i = 0; contacts_sections[i] != NULL; i++) {
		s->rows = xreallocarray(s->rows, s->n + 1, sizeof *s->rows);
		s->rows[s->n++] = (struct srow){ contacts_sections[i], NULL };
		for (k = 0; key_order[k] != NULL; k++) {
			if (!contacts_key_allowed(contacts_sections[i],
			    key_order[k]))
				continue;
			s->rows = xreallocarray(s->rows, s->n + 1,
			    sizeof *s->rows);
			s->rows[s->n++] = (struct srow){ contacts_sections[i],
			    key_order[k] };
		}
	}
}

/* The value as the program reads it now; a facility type by its label. */
static const char *
value_of(struct settings *s, const struct srow *r)
{
	const struct form_field *ft = form_field_find(s->t->data->form,
	    FIELD_FACILITY_TYPE);
	char key[96];
	const char *v;

	snprintf(key, sizeof key, "%s.%s", r->section, r->key);
	v = contacts_get(s->t->data->contacts, key, s->t->lang);
	if (v != NULL && strcmp(r->key, "type") == 0 && ft != NULL)
		return form_choice_label(ft, v, s->t->lang);
	return v;
}

/* ---- drawing ---- */

#define LABEL_W 20

static void
draw_row(struct settings *s, size_t i, int y)
{
	const struct srow *r = &s->rows[i];
	const char *v;
	attr_t a = i == s->sel ? tui_term_attr(TC_FOCUS) : A_NORMAL;

	if (r->key == NULL) {
		tui_rule(y, 0, COLS, section_label(r->section), A_BOLD);
		return;
	}
	if (i == s->sel)
		tui_fill(y, 0, COLS, a);
	tui_put(y, 0, 2, i == s->sel ? ">" : " ", a);
	tui_put(y, 2, LABEL_W, key_label(r->section, r->key), a);
	v = value_of(s, r);
	tui_put(y, 3 + LABEL_W, COLS - 4 - LABEL_W, v != NULL ? v :
	    _("not set"), v != NULL || i == s->sel ? a : tui_term_attr(TC_DIM));
}

static void
draw(struct settings *s)
{
	char *title, *hints;
	int body = LINES - 2, i;

	tui_erase();
	curs_set(0);
	if ((int)s->sel < s->top + 1)
		s->top = (int)s->sel - 1 < 0 ? 0 : (int)s->sel - 1;
	if ((int)s->sel >= s->top + body)
		s->top = (int)s->sel - body + 1;
	title = xasprintf("anshin-ir  %s", _("Settings: facility and "
	    "contacts"));
	hints = s->status != NULL ? xstrdup(s->status) :
	    tui_keys_bar(KC_SETTINGS, s->t->lang);
	tui_draw_bars(title, NULL, hints);
	for (i = 0; i < body && (size_t)(s->top + i) < s->n; i++)
		draw_row(s, (size_t)(s->top + i), 1 + i);
	free(title);
	free(hints);
}

/* ---- editing ---- */

struct edit {
	struct settings *s;
	const struct srow *r;
};

/* What was typed, as the file keeps it: numbers, addresses of mail and
 * web typed with the input method on are folded to plain ASCII; a
 * facility type is its value; names and addresses stay as typed. */
static char *
normalised(const struct edit *e, const char *typed, char *msg, size_t len)
{
	const struct form *form = e->s->t->data->form;
	const char *k = e->r->key;
	struct form_input in;
	char *v = form_input_fold(typed), *out = NULL;
	int f = form_field_index(form, FIELD_FACILITY_TYPE);

	if (strcmp(k, "type") == 0 && f >= 0 && *util_trim(v) != '\0') {
		if (strlen(util_trim(v)) == 1 && *util_trim(v) >= '1' &&
		    *util_trim(v) <= '9' && (size_t)(*util_trim(v) - '1') <
		    form->fields[f].nchoices)
			out = xstrdup(form->fields[f].choices[*util_trim(v) -
			    '1'].value);
		else if (form_input_read(form, (size_t)f, typed, NULL,
		    app_scenario_now(e->s->t->app), e->s->t->lang, &in, msg,
		    len) == ST_OK)
			out = in.value;
	} else if (strcmp(k, "phone") == 0 || strcmp(k, "postal_code") == 0 ||
	    strcmp(k, "corporate_number") == 0 || strcmp(k, "email") == 0 ||
	    strcmp(k, "url") == 0)
		out = xstrdup(util_trim(v));
	else {
		free(v);
		v = xstrdup(typed);
		out = xstrdup(util_trim(v));
	}
	free(v);
	return out;
}

static int
check_value(const char *value, void *ud, char *msg, size_t len)
{
	struct edit *e = ud;
	char *v = normalised(e, value, msg, len), why[256];
	int rc = 0;

	if (v == NULL)
		return -1;
	if (strcmp(e->r->key, "corporate_number") == 0 && *v != '\0' &&
	    !contacts_corporate_number_valid(v)) {
		snprintf(msg, len, _("%s: 13 digits whose first digit checks "
		    "the others; copy it from the National Tax Agency's "
		    "corporate number site, like 7000012050002"),
		    key_label(e->r->section, e->r->key));
		rc = -1;
	} else if (text_check_input(v, 0, 1024, why, sizeof why) != 0) {
		snprintf(msg, len, "%s: %s", key_label(e->r->section,
		    e->r->key), why);
		rc = -1;
	}
	free(v);
	return rc;
}

static void
choices_intro(struct settings *s, struct strv *intro)
{
	const struct form_field *ft = form_field_find(s->t->data->form,
	    FIELD_FACILITY_TYPE);
	char *line;

	if (ft == NULL)
		return;
	line = tui_choices_numbered(s->t, ft);
	strv_push(intro, line);
	free(line);
}

static void
edit(struct settings *s, size_t i)
{
	struct edit e = { s, &s->rows[i] };
	struct strv intro = { NULL, 0 };
	struct tui_dfield f;
	const char *cur = value_of(s, e.r);
	char err[1024], *v, *msg;

	if (e.r->key == NULL)
		return;
	if (strcmp(e.r->key, "type") == 0)
		choices_intro(s, &intro);
	strv_push(&intro, _("Saved at once for this account. Empty: the "
	    "machine's or the shipped value shows again."));
	memset(&f, 0, sizeof f);
	f.label = key_label(e.r->section, e.r->key);
	f.initial = cur != NULL ? cur : "";
	f.check = check_value;
	f.check_ud = &e;
	if (tui_dialog(s->t, section_label(e.r->section), &intro, &f, 1, 0)) {
		v = normalised(&e, f.value, err, sizeof err);
		if (v != NULL && contacts_user_set(e.r->section, e.r->key, v,
		    err, sizeof err) == ST_OK && model_data_reload_contacts(
		    s->t->data, err, sizeof err) == ST_OK)
			msg = xstrdup(_("Saved."));
		else
			msg = xasprintf(_("Not saved: %s"), err);
		free(s->status);
		s->status = msg;
		free(v);
	}
	tui_dialog_free(&f, 1);
	strv_free(&intro);
}

/* ---- keys ---- */

static void
move_sel(struct settings *s, int delta)
{
	long i = (long)s->sel;
	int step = delta < 0 ? -1 : 1, n = delta < 0 ? -delta : delta;

	while (n-- > 0) {
		do
			i += step;
		while (i >= 0 && i < (long)s->n && s->rows[i].key == NULL);
		if (i < 0 || i >= (long)s->n)
			break;
		s->sel = (size_t)i;
	}
}

static void
help(struct settings *s)
{
	tui_help(s->t, _("Settings"), _("The facility's profile (for the "
	    "report to the Personal Information Protection Commission, the "
	    "letters to the individuals and the first-response card) and the "
	    "contacts the checklist shows beside each urgent action. Select a "
	    "line and press Enter to type its value; it is saved at once."),
	    KC_SETTINGS);
}

static void
handle(struct tui_screen *scr, enum tui_act act, int key)
{
	struct settings *s = TUI_SCREEN_OF(scr, struct settings, s);

	(void)key;
	/* A message stays until the next key, not the next tick. */
	free(s->status);
	s->status = NULL;
	switch (act) {
	case TA_UP:
	case TA_DOWN:
	case TA_PAGE_NEXT:
	case TA_PAGE_PREV:
		move_sel(s, act == TA_UP ? -1 : act == TA_DOWN ? 1 :
		    act == TA_PAGE_NEXT ? LINES - 4 : -(LINES - 4));
		break;
	case TA_EDIT:
		edit(s, s->sel);
		break;
	case TA_HELP:
		help(s);
		break;
	case TA_BACK:
	case TA_QUIT:
		tui_screen_end(&s->s, ST_OK);
		break;
	case TA_INTERRUPT:
		if (tui_ask(s->t, _("Leave the settings? Every value "
		    "confirmed is saved.")))
			tui_screen_end(&s->s, ST_OK);
		break;
	default:
		break;
	}
}

/* Opened for a contact: its phone, the number someone needs now. */
static void
open_at(struct tui_screen *scr)
{
	struct settings *s = TUI_SCREEN_OF(scr, struct settings, s);
	size_t i, first = 0;

	for (i = 0; i < s->n; i++)
		if (s->rows[i].key != NULL && (s->section == NULL ||
		    strcmp(s->rows[i].section, s->section) == 0)) {
			if (first == 0)
				first = i;
			if (s->section != NULL && strcmp(s->rows[i].key,
			    "phone") == 0) {
				s->sel = i;
				edit(s, i);
				return;
			}
		}
	s->sel = first;
}

static void
settings_draw(struct tui_screen *s)
{
	draw(TUI_SCREEN_OF(s, struct settings, s));
}

static const struct tui_screen_ops settings_ops = {
	.small = TUI_SMALL_LEAVE,
	.draw = settings_draw,
	.keys = KC_SETTINGS,
	.key = handle,
	.enter = open_at,
};

int
tui_settings_run(struct tui *t, const char *section)
{
	struct settings s;
	int rc;

	memset(&s, 0, sizeof s);
	s.s.ops = &settings_ops;
	s.t = t;
	s.section = section;
	build_rows(&s);
	rc = tui_run(t, &s.s);
	free(s.status);
	free(s.rows);
	return rc;
}
