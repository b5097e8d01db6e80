/*
 * test_form.c - the shipped forms/intake.form against docs/contract.md §3
 * (every key, its type, exactly the contract's values in the
 * contract's (docs/contract.md) order, required keys, the kind-specific fields
 * and their visibility, labels and help in both languages, the page order of
 * docs/contract.md §7), the error paths of form_parse_string, and
 * form_value_normalize for every type. The expected tables are copied from
 * docs/contract.md §3 by hand, not read from the form. Checks are "soft": each
 * test prints every mismatch ("MISMATCH ...") and fails once at the end. Run
 * from the repository root.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "spec_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "util.h"

#define FORM_PATH "forms/intake.form"

static struct form *g_f;


static int
setup_form(void **state)
{
	char err[1024] = "";

	(void)state;
	if (form_load(FORM_PATH, &g_f, err, sizeof err) != ST_OK) {
		fprintf(stderr, "cannot load %s: %s\n", FORM_PATH, err);
		return -1;
	}
	return 0;
}

static int
teardown_form(void **state)
{
	(void)state;
	form_free(g_f);
	g_f = NULL;
	return 0;
}

/* ================================================ docs/contract.md §3 key
 * table */

enum spec_type { T_CHOICE, T_MULTI, T_TEXT, T_INT, T_TIME, T_TIME_UNKNOWN };

struct spec_key {
	const char *key;
	enum spec_type type;
	int required;
	const char *values;	/* choice/multi: the contract's values in order */
};

static const struct spec_key spec_keys[] = {
	/* 5W1H */
	{ "kind", T_CHOICE, 1, "device_loss,device_theft,email_misdelivery,"
	    "fax_misdelivery,paper_loss,unauthorized_access,malware,"
	    "insider_misuse,verbal,other" },
	{ "discovered_at", T_TIME, 1, NULL },
	{ "occurred_at", T_TIME_UNKNOWN, 0, NULL },
	{ "reported_at", T_TIME, 0, NULL },
	{ "place", T_TEXT, 0, NULL },
	{ "reporter", T_TEXT, 0, NULL },
	{ "involved", T_TEXT, 0, NULL },
	{ "person_in_charge", T_TEXT, 0, NULL },
	{ "summary", T_TEXT, 1, NULL },
	{ "narrative", T_TEXT, 0, NULL },
	{ "cause", T_CHOICE, 0, "management_error,misoperation,loss,theft,"
	    "unauthorized_takeout,unauthorized_access,insider_fraud,bug,"
	    "misconfiguration,misuse,malware,other,unknown" },
	/* volume and data */
	{ "persons_count", T_INT, 0, NULL },
	{ "persons_basis", T_CHOICE, 0, "exact,estimated,unknown" },
	{ "records_count", T_INT, 0, NULL },
	{ "data_types", T_MULTI, 1, "patient_identity,medical,care,contact,"
	    "birthdate,insurance_no,my_number,financial,credentials,staff,"
	    "other,none" },
	{ "unauthorized_purpose", T_CHOICE, 0, "yes,suspected,no,unknown" },
	{ "recovered_unviewed", T_CHOICE, 0, "yes,no,unknown" },
	{ "exposure", T_CHOICE, 0, "outside,public,inside_only,unknown" },
	{ "copy_kept", T_CHOICE, 0, "yes,no,unknown" },
	{ "facility_role", T_CHOICE, 0, "controller,processor,both,unknown" },
	{ "at_contractor", T_CHOICE, 0, "yes,no" },
	{ "systems_down", T_CHOICE, 0, "yes,no,unknown" },
	{ "secondary_damage", T_CHOICE, 0, "none_known,suspected,confirmed" },
	{ "secondary_damage_detail", T_TEXT, 0, NULL },
	{ "publication", T_CHOICE, 0, "published,not_published" },
	/* protection state */
	{ "encryption", T_CHOICE, 0, "strong,weak,none,unknown" },
	{ "key_exposed", T_CHOICE, 0, "yes,no,unknown" },
	{ "screen_lock", T_CHOICE, 0, "strong,weak,none,unknown" },
	{ "remote_wipe", T_CHOICE, 0, "done,available,unavailable,unknown" },
	{ "mdm", T_CHOICE, 0, "yes,no,unknown" },
	{ "browser_saved_login", T_CHOICE, 0, "yes,no,unknown" },
	{ "network_access", T_CHOICE, 0, "yes,no,unknown" },
	{ "network_user_ids", T_TEXT, 0, NULL },
	{ "network_log", T_CHOICE, 0, "no_access,access_found,unknown" },
	/* only for some kinds */
	{ "device_type", T_CHOICE, 0, "paper,smartphone,tablet,laptop,desktop,"
	    "usb_memory,external_disk,other" },
	{ "device_owner", T_CHOICE, 0, "facility,personal" },
	{ "carrier", T_TEXT, 0, NULL },
	{ "recipient", T_TEXT, 0, NULL },
	{ "recipient_kind", T_CHOICE, 0, "internal,external_known,"
	    "external_unknown" },
	{ "recipient_contacted", T_CHOICE, 0, "yes,no" },
	{ "deletion_confirmed", T_CHOICE, 0, "yes,no" },
	/* facility */
	{ "facility_type", T_CHOICE, 0, "hospital,clinic,dental,pharmacy,care,"
	    "home_care,other" },
};
#define N_CONTRACT_KEYS (sizeof spec_keys / sizeof spec_keys[0])

static const char *
type_name(enum form_type t)
{
	static const char *const n[] = { "choice", "multi", "text",
		"longtext", "int", "time" };

	return (int)t >= 0 && (size_t)t < sizeof n / sizeof n[0] ? n[t] : "?";
}

/* Every docs/contract.md key with its type. */
static void
test_spec_keys_and_types(void **state)
{
	const struct form_field *fld;
	size_t i;
	int ok;

	BEGIN();
	for (i = 0; i < N_CONTRACT_KEYS; i++) {
		const struct spec_key *s = &spec_keys[i];

		fld = form_field_find(g_f, s->key);
		if (fld == NULL) {
			mismatch(__LINE__, "key %s missing from the form",
			    s->key);
			continue;
		}
		switch (s->type) {
		case T_CHOICE: ok = fld->type == FORM_CHOICE; break;
		case T_MULTI: ok = fld->type == FORM_MULTI; break;
		/* docs/contract.md "text": one line or multi-line */
		case T_TEXT: ok = fld->type == FORM_TEXT ||
		    fld->type == FORM_LONGTEXT; break;
		case T_INT: ok = fld->type == FORM_INT; break;
		default: ok = fld->type == FORM_TIME; break;
		}
		if (!ok)
			mismatch(__LINE__, "%s: type %s does not fit docs/contract.md",
			    s->key, type_name(fld->type));
		if (fld->type == FORM_TIME &&
		    fld->allow_unknown != (s->type == T_TIME_UNKNOWN))
			mismatch(__LINE__, "%s: 'unknown' %sallowed, docs/contract.md says "
			    "%s", s->key, fld->allow_unknown ? "" : "not ",
			    s->type == T_TIME_UNKNOWN ? "time or unknown" :
			    "time");
		/* integer >= 0 */
		if (fld->type == FORM_INT && fld->min != 0)
			mismatch(__LINE__, "%s: min %ld, docs/contract.md says >= 0",
			    s->key, fld->min);
	}
	/* extra keys are allowed by docs/contract.md ("add freely"); list them
	 * */
	for (i = 0; i < g_f->nfields; i++) {
		size_t j;

		for (j = 0; j < N_CONTRACT_KEYS; j++)
			if (strcmp(spec_keys[j].key, g_f->fields[i].key) == 0)
				break;
		if (j == N_CONTRACT_KEYS)
			fprintf(stderr, "note: form key %s is not in docs/contract.md §3\n",
			    g_f->fields[i].key);
	}
	END();
}

/* Exactly the contract's values in the contract's
 * (docs/contract.md) order. */
static void
test_spec_values_in_order(void **state)
{
	const struct form_field *fld;
	char got[1024];
	size_t i, j;

	BEGIN();
	for (i = 0; i < N_CONTRACT_KEYS; i++) {
		const struct spec_key *s = &spec_keys[i];

		fld = form_field_find(g_f, s->key);
		if (fld == NULL)
			continue;	/* reported above */
		got[0] = '\0';
		for (j = 0; j < fld->nchoices; j++) {
			if (j > 0)
				strncat(got, ",", sizeof got - strlen(got) - 1);
			strncat(got, fld->choices[j].value,
			    sizeof got - strlen(got) - 1);
		}
		if (strcmp(got, s->values != NULL ? s->values : "") != 0)
			mismatch(__LINE__, "%s: values \"%s\", docs/contract.md \"%s\"",
			    s->key, got, s->values != NULL ? s->values : "");
	}
	END();
}

/* required exactly for kind, discovered_at, summary, data_types. */
static void
test_required_keys(void **state)
{
	size_t i;

	BEGIN();
	for (i = 0; i < g_f->nfields; i++) {
		const struct form_field *fld = &g_f->fields[i];
		int want = strcmp(fld->key, "kind") == 0 ||
		    strcmp(fld->key, "discovered_at") == 0 ||
		    strcmp(fld->key, "summary") == 0 ||
		    strcmp(fld->key, "data_types") == 0;

		if (fld->required != want)
			mismatch(__LINE__, "%s: required=%d, docs/contract.md says %d",
			    fld->key, fld->required, want);
	}
	END();
}

/* Field index by key, failing when absent. */
static size_t
field(const char *key)
{
	int i = form_field_index(g_f, key);

	if (i < 0)
		fail_msg("form has no key %s", key);
	return (size_t)i;
}

static const char *const all_kinds[] = { "device_loss", "device_theft",
	"email_misdelivery", "fax_misdelivery", "paper_loss",
	"unauthorized_access", "malware", "insider_misuse", "verbal", "other" };

/* Visibility of key for each kind; shown_for: the kinds that show it. */
static void
check_visibility(const char *key, const char *const *shown_for, int line)
{
	char **values = calloc(g_f->nfields, sizeof *values);
	size_t i, j, f = field(key), k = field("kind");
	int want, got;

	assert_non_null(values);
	if (g_f->fields[f].show_if == NULL)
		mismatch(line, "%s has no show_if (docs/contract.md: only for some kinds)",
		    key);
	for (i = 0; i < sizeof all_kinds / sizeof all_kinds[0]; i++) {
		values[k] = (char *)all_kinds[i];
		want = 0;
		for (j = 0; shown_for[j] != NULL; j++)
			want |= strcmp(shown_for[j], all_kinds[i]) == 0;
		got = form_field_visible(g_f, f, values);
		if (got != want)
			mismatch(line, "%s with kind=%s: visible=%d, expected "
			    "%d", key, all_kinds[i], got, want);
	}
	free(values);
}

/* Only for kind in {device_loss, device_theft}: device_type, device_owner,
 * carrier, network_log. Only for the misdelivery kinds: recipient,
 * recipient_kind, recipient_contacted, deletion_confirmed. systems_down
 * only for unauthorized access and malware (it drives an
 * immediate action there). */
static void
test_kind_specific_fields(void **state)
{
	static const char *const device[] = { "device_loss", "device_theft",
		NULL };
	static const char *const misdelivery[] = { "email_misdelivery",
		"fax_misdelivery", NULL };
	static const char *const cyber[] = { "unauthorized_access", "malware",
		NULL };
	static const char *const dev_keys[] = { "device_type", "device_owner",
		"carrier", "network_log" };
	static const char *const mis_keys[] = { "recipient", "recipient_kind",
		"recipient_contacted", "deletion_confirmed" };
	char **values;
	size_t i;

	BEGIN();
	for (i = 0; i < 4; i++)
		check_visibility(dev_keys[i], device, __LINE__);
	for (i = 0; i < 4; i++)
		check_visibility(mis_keys[i], misdelivery, __LINE__);
	check_visibility("systems_down", cyber, __LINE__);
	/* fields every kind needs are always visible */
	values = calloc(g_f->nfields, sizeof *values);
	assert_non_null(values);
	values[field("kind")] = (char *)"fax_misdelivery";
	if (!form_field_visible(g_f, field("summary"), values) ||
	    !form_field_visible(g_f, field("data_types"), values) ||
	    !form_field_visible(g_f, field("discovered_at"), values) ||
	    !form_field_visible(g_f, field("network_access"), values))
		mismatch(__LINE__, "a general field is hidden for "
		    "fax_misdelivery");
	if (!form_field_visible(g_f, field("kind"), values))
		mismatch(__LINE__, "kind is hidden");
	free(values);
	END();
}

/* Labels and help in both languages for every field, labels for every
 * choice, help for every choice (the form offers choice help). */
static void
test_labels_and_help(void **state)
{
	size_t i, j;

	BEGIN();
	for (i = 0; i < g_f->npages; i++) {
		const struct form_page *p = &g_f->pages[i];

		if (p->title.s[LANG_JA] == NULL || p->title.s[LANG_EN] == NULL)
			mismatch(__LINE__, "page %s lacks a title", p->id);
	}
	for (i = 0; i < g_f->nfields; i++) {
		const struct form_field *fld = &g_f->fields[i];

		if (fld->label.s[LANG_JA] == NULL || fld->label.s[LANG_EN] ==
		    NULL || !*fld->label.s[LANG_JA] || !*fld->label.s[LANG_EN])
			mismatch(__LINE__, "%s lacks label.ja/en", fld->key);
		if (fld->help.s[LANG_JA] == NULL || fld->help.s[LANG_EN] ==
		    NULL || !*fld->help.s[LANG_JA] || !*fld->help.s[LANG_EN])
			mismatch(__LINE__, "%s lacks help.ja/en", fld->key);
		for (j = 0; j < fld->nchoices; j++) {
			const struct form_choice *c = &fld->choices[j];

			if (c->label.s[LANG_JA] == NULL ||
			    c->label.s[LANG_EN] == NULL)
				mismatch(__LINE__, "%s=%s lacks a ja/en label",
				    fld->key, c->value);
			if (c->help.s[LANG_JA] == NULL ||
			    c->help.s[LANG_EN] == NULL)
				mismatch(__LINE__, "%s=%s lacks help.ja/en",
				    fld->key, c->value);
		}
	}
	/* the the contract's Japanese glosses: each label
	 * keeps its meaning (the label holds the gloss; labels may add to it)
	 * */
	{
		static const struct { const char *key, *value, *ja; } l[] = {
			{ "kind", "device_loss", "端末・媒体の紛失" },
			{ "kind", "device_theft", "盗難" },
			{ "kind", "email_misdelivery", "メール誤送信" },
			{ "kind", "fax_misdelivery", "FAX誤送信" },
			{ "kind", "paper_loss", "書類の紛失" },
			{ "kind", "unauthorized_access", "不正アクセス" },
			{ "kind", "malware", "マルウェア感染" },
			{ "kind", "insider_misuse", "内部不正・持ち出し" },
			{ "kind", "verbal", "口頭での漏えい" },
			{ "cause", "management_error", "管理ミス" },
			{ "cause", "misoperation", "誤操作" },
			{ "cause", "loss", "紛失・置忘れ" },
			{ "cause", "theft", "盗難" },
			{ "cause", "unauthorized_takeout", "不正な情報持ち出し" },
			{ "cause", "unauthorized_access", "不正アクセス" },
			{ "cause", "insider_fraud", "内部犯罪・内部不正行為" },
			{ "cause", "bug", "バグ・セキュリティホール" },
			{ "cause", "misconfiguration", "設定ミス" },
			{ "cause", "misuse", "目的外使用" },
			{ "cause", "malware", "ワーム・ウイルス" },
			{ "cause", "other", "その他" },
			{ "cause", "unknown", "不明" },
			{ "data_types", "patient_identity",
			    "患者の氏名・ID（受診の事実）" },
			{ "data_types", "medical", "病名・診療記録・検査結果・処方" },
			{ "data_types", "care", "介護記録・心身の状態" },
			{ "data_types", "contact", "住所・電話・メール" },
			{ "data_types", "insurance_no", "被保険者番号" },
			{ "data_types", "my_number", "個人番号" },
			{ "data_types", "financial", "カード番号・口座とパスワード等" },
			{ "data_types", "credentials", "システムのID・パスワード" },
			{ "data_types", "staff", "職員の個人情報" },
			{ "data_types", "none", "個人情報なし" },
			{ "encryption", "strong",
			    "高度な暗号化（全体暗号化・AES等、鍵は無事）" },
			{ "encryption", "weak", "パスワード付きファイル等" },
			{ "screen_lock", "strong", "8文字以上" },
			{ "facility_type", "care", "介護事業所" },
			{ "facility_type", "home_care", "訪問看護・在宅" },
			{ "device_type", "paper", "書類" },
			{ "recipient_kind", "internal", "同一法人内" },
			{ "unauthorized_purpose", "no",
			    "いいえ（当院側の誤送信・置き忘れなど）" },
		};

		for (i = 0; i < sizeof l / sizeof l[0]; i++) {
			const struct form_field *fld = form_field_find(g_f,
			    l[i].key);
			const char *got = fld ? form_choice_label(fld,
			    l[i].value, LANG_JA) : "";

			if (strstr(got, l[i].ja) == NULL)
				mismatch(__LINE__, "%s=%s: ja label \"%s\" "
				    "lacks the contract's \"%s\"", l[i].key, l[i].value,
				    got, l[i].ja);
		}
	}
	END();
}

/* docs/contract.md §7: the wizard opens on kind, discovered_at next; the fields
 * that drive the immediate actions come right after (before the 5W1H). */
static void
test_page_order(void **state)
{
	static const char *const early[] = { "device_type", "network_access",
		"remote_wipe", "recipient" };
	size_t i, summary = field("summary");

	BEGIN();
	if (g_f->nfields < 2 || strcmp(g_f->fields[0].key, "kind") != 0 ||
	    strcmp(g_f->fields[1].key, "discovered_at") != 0)
		mismatch(__LINE__, "the form does not start with kind, "
		    "discovered_at (starts %s, %s)", g_f->fields[0].key,
		    g_f->nfields > 1 ? g_f->fields[1].key : "-");
	if (g_f->fields[0].page != 0 || g_f->fields[1].page != 0)
		mismatch(__LINE__, "kind/discovered_at not on the first page");
	/* fields appear page by page, pages in their order */
	for (i = 1; i < g_f->nfields; i++)
		if (g_f->fields[i].page < g_f->fields[i - 1].page)
			mismatch(__LINE__, "%s (page %zu) after %s (page %zu)",
			    g_f->fields[i].key, g_f->fields[i].page,
			    g_f->fields[i - 1].key, g_f->fields[i - 1].page);
	for (i = 0; i < sizeof early / sizeof early[0]; i++)
		if (field(early[i]) > summary ||
		    g_f->fields[field(early[i])].page != 0)
			mismatch(__LINE__, "%s is not among the first fields",
			    early[i]);
	if (!g_f->fields[field("discovered_at")].default_now)
		mismatch(__LINE__, "discovered_at does not default to now");
	END();
}

/* The page a field is on, by its id. */
static const char *
page_of(const char *key)
{
	return g_f->pages[g_f->fields[field(key)].page].id;
}

/* Issue 13: where the v2 questions are asked, and when. systems_down
 * right after discovered_at (it drives continue_care at once);
 * network_log after the network questions; exposure and copy_kept with
 * the data; facility_role and at_contractor with the facility. */
static void
test_v2_placement(void **state)
{
	static const char *const not_paper[] = { "device_owner",
		"remote_wipe", "mdm", "carrier", "network_log" };
	char **values = calloc(g_f->nfields, sizeof *values);
	size_t i;

	BEGIN();
	assert_non_null(values);
	if (field("systems_down") != field("discovered_at") + 1)
		mismatch(__LINE__, "systems_down is not right after "
		    "discovered_at");
	if (field("network_log") < field("network_access") ||
	    field("network_log") < field("browser_saved_login") ||
	    field("network_log") < field("network_user_ids") ||
	    strcmp(page_of("network_log"), "start") != 0)
		mismatch(__LINE__, "network_log is not after the network "
		    "questions on the first page");
	if (strcmp(page_of("exposure"), "data") != 0 ||
	    strcmp(page_of("copy_kept"), "data") != 0)
		mismatch(__LINE__, "exposure/copy_kept not on the data page");
	if (strcmp(page_of("facility_role"), "facility") != 0 ||
	    strcmp(page_of("at_contractor"), "facility") != 0)
		mismatch(__LINE__, "facility_role/at_contractor not on the "
		    "facility page");
	/* paper is not a device: no lock, wipe, line or log questions */
	values[field("kind")] = (char *)"device_theft";
	values[field("device_type")] = (char *)"paper";
	for (i = 0; i < sizeof not_paper / sizeof not_paper[0]; i++)
		if (form_field_visible(g_f, field(not_paper[i]), values))
			mismatch(__LINE__, "%s shown for paper", not_paper[i]);
	values[field("device_type")] = (char *)"smartphone";
	for (i = 0; i < sizeof not_paper / sizeof not_paper[0]; i++)
		if (!form_field_visible(g_f, field(not_paper[i]), values))
			mismatch(__LINE__, "%s hidden for a smartphone",
			    not_paper[i]);
	/* no access log to ask for when the device reached no network */
	values[field("network_access")] = (char *)"no";
	if (form_field_visible(g_f, field("network_log"), values))
		mismatch(__LINE__, "network_log shown with network_access=no");
	/* copy_kept only once the data stayed inside */
	if (form_field_visible(g_f, field("copy_kept"), values))
		mismatch(__LINE__, "copy_kept shown without exposure");
	values[field("exposure")] = (char *)"outside";
	if (form_field_visible(g_f, field("copy_kept"), values))
		mismatch(__LINE__, "copy_kept shown for exposure=outside");
	values[field("exposure")] = (char *)"inside_only";
	if (!form_field_visible(g_f, field("copy_kept"), values))
		mismatch(__LINE__, "copy_kept hidden for exposure=inside_only");
	free(values);
	END();
}

/* The wording the issue asks for: ground 3 is an act against the
 * facility, with examples on both sides; staff check-up results are
 * medical. */
static void
test_v2_help(void **state)
{
	static const struct { const char *key, *ja, *en; } h[] = {
		{ "unauthorized_purpose", "なりすまし", "posing as family" },
		{ "unauthorized_purpose", "誤送信", "misdirected" },
		{ "unauthorized_purpose", "持ち帰った", "taking work home" },
		{ "data_types", "ストレスチェック", "stress-check" },
		{ "copy_kept", "確認中", "still checking" },
		{ "facility_role", "契約書", "contract" },
		{ "network_log", "サポートデスク", "support desk" },
	};
	size_t i;

	BEGIN();
	for (i = 0; i < sizeof h / sizeof h[0]; i++) {
		const struct form_field *fld = form_field_find(g_f, h[i].key);

		if (fld == NULL)
			continue;
		if (strstr(tr_get(&fld->help, LANG_JA), h[i].ja) == NULL)
			mismatch(__LINE__, "%s: help.ja lacks \"%s\"",
			    h[i].key, h[i].ja);
		if (strstr(tr_get(&fld->help, LANG_EN), h[i].en) == NULL)
			mismatch(__LINE__, "%s: help.en lacks \"%s\"",
			    h[i].key, h[i].en);
	}
	END();
}

/* ================================================ form_parse_string */

static const char base_form[] =
	"# minimal form\n"
	"[page p]\n"
	"title.ja = ページ\n"
	"title.en = Page\n"
	"\n"
	"[field kind]\n"
	"page = p\n"
	"type = choice\n"
	"label.ja = 種類\n"
	"label.en = Kind\n"
	"choices = a, b, unknown\n"
	"choice.a.ja = エー\n"
	"choice.a.en = A\n"
	"choice.a.help.en = the letter a\n"
	"choice.b.ja = ビー\n"
	"choice.b.en = B\n"
	"choice.unknown.ja = 不明\n"
	"choice.unknown.en = Unknown\n"
	"\n"
	"[field note]\n"
	"page = p\n"
	"type = text\n"
	"label.ja = メモ\n"
	"label.en = Note\n"
	"show_if = kind == a\n"
	"\n"
	"[field when]\n"
	"page = p\n"
	"type = time\n"
	"unknown = yes\n"
	"label.ja = 日時\n"
	"label.en = When\n";

static int
line_of(const char *text, const char *needle)
{
	const char *p = strstr(text, needle), *q;
	int line = 1;

	if (p == NULL)
		return 0;
	for (q = text; q < p; q++)
		line += *q == '\n';
	return line;
}

/* Line of the last occurrence of needle. */
static int
line_of_last(const char *text, const char *needle)
{
	const char *p = strstr(text, needle), *next, *q;
	int line = 1;

	if (p == NULL)
		return 0;
	while ((next = strstr(p + 1, needle)) != NULL)
		p = next;
	for (q = text; q < p; q++)
		line += *q == '\n';
	return line;
}

static char *
form_with(const char *old, const char *new_)
{
	struct buf b;
	const char *p;

	buf_init(&b);
	if (old == NULL) {
		buf_adds(&b, base_form);
		buf_adds(&b, new_);
		return buf_steal(&b);
	}
	p = strstr(base_form, old);
	assert_non_null(p);
	buf_add(&b, base_form, (size_t)(p - base_form));
	buf_adds(&b, new_);
	buf_adds(&b, p + strlen(old));
	return buf_steal(&b);
}

static void
form_fails(const char *text, int line, const char *want, int at)
{
	struct form *f = NULL;
	char err[1024] = "", prefix[64];
	int rc;

	rc = form_parse_string(text, strlen(text), "t.form", &f, err,
	    sizeof err);
	if (rc != ST_CONFIG) {
		mismatch(at, "form_parse_string returned %d, expected %d "
		    "(err=%s)", rc, ST_CONFIG, err);
		form_free(f);
		return;
	}
	snprintf(prefix, sizeof prefix, "t.form:%d: ", line);
	if (line <= 0 || strncmp(err, prefix, strlen(prefix)) != 0)
		mismatch(at, "expected \"%s...\", got \"%s\"", prefix, err);
	if (want != NULL && strstr(err, want) == NULL)
		mismatch(at, "message \"%s\" does not mention \"%s\"", err,
		    want);
}

#define FAILS_AT(text, needle, want) \
	form_fails(text, line_of(text, needle), want, __LINE__)

static void
test_parse_base_ok(void **state)
{
	struct form *f = NULL;
	char err[1024] = "", *canon = NULL;

	BEGIN();
	if (form_parse_string(base_form, sizeof base_form - 1, "t.form", &f,
	    err, sizeof err) != ST_OK)
		fail_msg("the minimal form is rejected: %s", err);
	assert_int_equal(f->nfields, 3);
	assert_int_equal(f->npages, 1);
	assert_non_null(f->fields[1].show_if);
	assert_int_equal(f->fields[0].nchoices, 3);
	assert_string_equal(f->fields[0].choices[0].help.s[LANG_EN],
	    "the letter a");
	assert_int_equal(form_value_normalize(&f->fields[2], "unknown", &canon,
	    err, sizeof err), ST_OK);
	assert_string_equal(canon, "unknown");
	free(canon);
	form_free(f);
	END();
}

/* A NUL byte ends a C string; read as one, the form would end there with
 * nothing said. */
static void
test_parse_nul(void **state)
{
	struct form *f = NULL;
	char err[1024] = "", want[64], *t = xstrdup(base_form);

	(void)state;
	strstr(t, "label.en = Note")[10] = '\0';
	assert_int_equal(form_parse_string(t, sizeof base_form - 1, "t.form",
	    &f, err, sizeof err), ST_CONFIG);
	snprintf(want, sizeof want, "t.form:%d: NUL byte",
	    line_of(base_form, "label.en = Note"));
	assert_string_equal(err, want);
	assert_null(f);
	free(t);
}

static void
test_parse_errors(void **state)
{
	char *t;

	BEGIN();
	/* unknown section */
	t = form_with(NULL, "[pages q]\ntitle.en = Q\n");
	FAILS_AT(t, "[pages q]", "pages");
	free(t);
	/* unknown key in a field and in a page */
	t = form_with("type = text\n", "type = text\ncolour = red\n");
	FAILS_AT(t, "colour = red", "colour");
	free(t);
	t = form_with("title.en = Page\n", "title.en = Page\nfooter = x\n");
	FAILS_AT(t, "footer = x", "footer");
	free(t);
	/* a field without page / type / labels */
	t = form_with(NULL, "[field lost]\ntype = text\nlabel.ja = x\n"
	    "label.en = x\n");
	FAILS_AT(t, "[field lost]", "lost");
	free(t);
	t = form_with(NULL, "[field lost]\npage = p\nlabel.ja = x\n"
	    "label.en = x\n");
	FAILS_AT(t, "[field lost]", "lost");
	free(t);
	t = form_with(NULL, "[field lost]\npage = p\ntype = text\n"
	    "label.ja = x\n");
	FAILS_AT(t, "[field lost]", "lost");
	free(t);
	t = form_with(NULL, "[field lost]\npage = p\ntype = text\n");
	FAILS_AT(t, "[field lost]", "lost");
	free(t);
	/* a page that does not exist */
	t = form_with(NULL, "[field lost]\npage = nowhere\ntype = text\n"
	    "label.ja = x\nlabel.en = x\n");
	FAILS_AT(t, "page = nowhere", "nowhere");
	free(t);
	/* an unknown type */
	t = form_with("type = text\n", "type = string\n");
	FAILS_AT(t, "type = string", "string");
	free(t);
	/* choices on a text field */
	t = form_with("type = text\n", "type = text\nchoices = x, y\n");
	FAILS_AT(t, "[field note]", "note");
	free(t);
	/* a choice field without choices */
	t = form_with(NULL, "[field pick]\npage = p\ntype = choice\n"
	    "label.ja = x\nlabel.en = x\n");
	FAILS_AT(t, "[field pick]", "pick");
	free(t);
	/* a choice text for a value not in the choices */
	t = form_with("choice.a.en = A\n", "choice.a.en = A\nchoice.c.en = C\n");
	FAILS_AT(t, "choice.c.en", "'c'");
	free(t);
	/* a choice without labels, or with one language only: the wizard
	 * and the PDF would show its raw id */
	t = form_with("choice.b.ja = ビー\nchoice.b.en = B\n", "");
	FAILS_AT(t, "[field kind]", "choice 'b'");
	free(t);
	t = form_with("choice.b.en = B\n", "");
	FAILS_AT(t, "[field kind]", "choice.b.en");
	free(t);
	t = form_with("choice.a.ja = エー\n", "");
	FAILS_AT(t, "[field kind]", "choice.a.ja");
	free(t);
	/* a duplicate field */
	t = form_with(NULL, "[field note]\npage = p\ntype = text\n"
	    "label.ja = x\nlabel.en = x\n");
	form_fails(t, line_of_last(t, "[field note]"), "note", __LINE__);
	free(t);
	/* bad show_if: unknown key, unknown value, syntax */
	t = form_with("show_if = kind == a", "show_if = knd == a");
	FAILS_AT(t, "show_if = knd", "knd");
	free(t);
	t = form_with("show_if = kind == a", "show_if = kind == c");
	FAILS_AT(t, "show_if = kind == c", "'c'");
	free(t);
	t = form_with("show_if = kind == a", "show_if = kind in {a, zz}");
	FAILS_AT(t, "show_if = kind in", "zz");
	free(t);
	t = form_with("show_if = kind == a", "show_if = kind ==");
	FAILS_AT(t, "show_if = kind ==", NULL);
	free(t);
	/* "unknown = yes" on a non-time field */
	t = form_with("type = text\n", "type = text\nunknown = yes\n");
	FAILS_AT(t, "[field note]", "note");
	free(t);
	/* a value given twice */
	t = form_with("label.en = Note\n", "label.en = Note\nlabel.en = N\n");
	FAILS_AT(t, "label.en = N\n", "label.en");
	free(t);
	END();
}

/* ================================================ form_value_normalize */

/* value must normalise to want (NULL: must be rejected with ST_DATAERR and
 * a message holding `msg`). */
static void
norm(const char *key, const char *raw, const char *want, const char *msg,
    int at)
{
	const struct form_field *fld = form_field_find(g_f, key);
	char *canon = NULL, err[1024] = "";
	int rc;

	if (fld == NULL) {
		mismatch(at, "no key %s", key);
		return;
	}
	rc = form_value_normalize(fld, raw, &canon, err, sizeof err);
	if (want != NULL) {
		if (rc != ST_OK)
			mismatch(at, "%s=\"%s\" rejected (%d: %s), expected "
			    "\"%s\"", key, raw, rc, err, want);
		else if (canon == NULL || strcmp(canon, want) != 0)
			mismatch(at, "%s=\"%s\" -> \"%s\", expected \"%s\"",
			    key, raw, canon ? canon : "(null)", want);
	} else {
		if (rc != ST_DATAERR)
			mismatch(at, "%s=\"%s\" accepted or wrong code (%d, "
			    "\"%s\"), expected a rejection", key, raw, rc,
			    canon ? canon : "");
		else if (msg != NULL && strstr(err, msg) == NULL)
			mismatch(at, "%s=\"%s\": message \"%s\" lacks \"%s\"",
			    key, raw, err, msg);
		if (rc != ST_OK && canon != NULL)
			mismatch(at, "%s=\"%s\": canon set on error", key, raw);
	}
	free(canon);
}

#define OK(key, raw, want) norm(key, raw, want, NULL, __LINE__)
#define BAD(key, raw, msg) norm(key, raw, NULL, msg, __LINE__)

static void
test_normalize_choice(void **state)
{
	BEGIN();
	OK("kind", "device_loss", "device_loss");
	OK("persons_basis", "unknown", "unknown");
	BAD("kind", "Device_Loss", "device_loss");
	BAD("kind", "lost", "fax_misdelivery");	/* names the allowed values */
	BAD("kind", "", NULL);
	BAD("kind", "device_loss,device_theft", NULL);
	BAD("recipient_contacted", "unknown", "yes, no");
	END();
}

static void
test_normalize_multi(void **state)
{
	BEGIN();
	OK("data_types", "care, patient_identity", "patient_identity,care");
	OK("data_types", "medical", "medical");
	OK("data_types", "staff,contact,medical",
	    "medical,contact,staff");
	OK("data_types", "medical, medical", "medical");
	OK("data_types", "none", "none");
	OK("data_types", "none, none", "none");
	OK("data_types", "other,financial,my_number,credentials",
	    "my_number,financial,credentials,other");
	BAD("data_types", "none, medical", "none");
	BAD("data_types", "medical,none", "none");
	BAD("data_types", "medical, diagnosis", "diagnosis");
	BAD("data_types", "medical, diagnosis", "patient_identity");
	BAD("data_types", "", NULL);
	BAD("data_types", ",", NULL);
	END();
}

static void
test_normalize_int(void **state)
{
	BEGIN();
	OK("persons_count", "42", "42");
	OK("persons_count", "0", "0");
	OK("persons_count", "007", "7");
	OK("records_count", "250000", "250000");
	BAD("persons_count", "-1", NULL);
	BAD("persons_count", "-0", NULL);
	BAD("persons_count", "12a", NULL);
	BAD("persons_count", "a12", NULL);
	BAD("persons_count", "1.5", NULL);
	BAD("persons_count", "1,000", NULL);
	BAD("persons_count", "１２", NULL);	/* full-width digits */
	BAD("persons_count", "", NULL);
	BAD("persons_count", "99999999999999999999", NULL);
	BAD("persons_count", "9223372036854775808", NULL);
	BAD("records_count", "-5", NULL);
	END();
}

static void
test_normalize_time(void **state)
{
	BEGIN();
	OK("discovered_at", "2026-10-05 18:20", "2026-10-05 18:20");
	OK("discovered_at", "2026-10-05T18:20", "2026-10-05 18:20");
	OK("discovered_at", "2026-10-05 18:20:30", "2026-10-05 18:20:30");
	OK("discovered_at", "2026-10-05T18:20:30", "2026-10-05 18:20:30");
	OK("discovered_at", "2026-10-05 18:20:00", "2026-10-05 18:20");
	OK("reported_at", "2026-12-31 23:59:59", "2026-12-31 23:59:59");
	OK("occurred_at", "unknown", "unknown");
	OK("occurred_at", "2026-10-05 17:40", "2026-10-05 17:40");
	BAD("discovered_at", "2026-02-29 10:00", NULL);	/* not a leap year */
	BAD("discovered_at", "2026-02-30 10:00", NULL);
	BAD("discovered_at", "2026-04-31 10:00", NULL);
	BAD("discovered_at", "2026-13-01 10:00", NULL);
	BAD("discovered_at", "2026-10-05 24:00", NULL);
	BAD("discovered_at", "2026-10-05 18:60", NULL);
	BAD("discovered_at", "2026-10-05 18:20:61", NULL);
	BAD("discovered_at", "2026/10/05 18:20", NULL);
	BAD("discovered_at", "2026-10-05", NULL);
	BAD("discovered_at", "2026-10-05 18:20 +09:00", NULL);
	BAD("discovered_at", "yesterday", NULL);
	BAD("discovered_at", "unknown", NULL);
	BAD("reported_at", "unknown", NULL);
	BAD("occurred_at", "Unknown", NULL);
	BAD("occurred_at", "2026-00-10 10:00", NULL);
	END();
}

static void
test_normalize_text(void **state)
{
	BEGIN();
	OK("narrative", "a\nb", "a\nb");
	BAD("summary", "", NULL);
	END();
}

/* form.h: "trims" — leading and trailing spaces and tabs. Last in the
 * group: with a leading space form.c frees a pointer it did not allocate
 * (the result of util_trim instead of the xstrdup copy), which aborts the
 * program. */
static void
test_normalize_trims(void **state)
{
	BEGIN();
	OK("kind", "device_theft\t ", "device_theft");	/* trailing only */
	OK("persons_count", "1001 ", "1001");
	OK("kind", "  device_theft\t", "device_theft");
	OK("data_types", " care ,care, care", "care");
	OK("persons_count", " 1001 ", "1001");
	OK("discovered_at", " 2028-02-29 00:00 ", "2028-02-29 00:00");
	OK("summary", "  訪問用タブレットを紛失  ", "訪問用タブレットを紛失");
	BAD("kind", "   ", NULL);
	END();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_keys_and_types),
		cmocka_unit_test(test_spec_values_in_order),
		cmocka_unit_test(test_required_keys),
		cmocka_unit_test(test_kind_specific_fields),
		cmocka_unit_test(test_labels_and_help),
		cmocka_unit_test(test_page_order),
		cmocka_unit_test(test_v2_placement),
		cmocka_unit_test(test_v2_help),
		cmocka_unit_test(test_parse_base_ok),
		cmocka_unit_test(test_parse_nul),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_normalize_choice),
		cmocka_unit_test(test_normalize_multi),
		cmocka_unit_test(test_normalize_int),
		cmocka_unit_test(test_normalize_time),
		cmocka_unit_test(test_normalize_text),
		cmocka_unit_test(test_normalize_trims),
	};

	return cmocka_run_group_tests_name("form", tests, setup_form,
	    teardown_form);
}
