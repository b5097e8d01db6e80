/*
 * test_contacts.c - cmocka tests of contacts.c: the key-by-key merge of the
 * three contacts files, language fallback, every parse error path, and the
 * one-line description with unset values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "contacts.h"

static char err[512];

/* contacts_parse_string on a C string. */
static int
merge(struct contacts *c, const char *text, const char *name)
{
	return contacts_parse_string(c, text, strlen(text), name, err,
	    sizeof err);
}

static struct contacts *
parsed(const char *text)
{
	struct contacts *c = contacts_new();

	assert_int_equal(merge(c, text, "t.conf"), ST_OK);
	return c;
}

/* Parses text expecting an error; checks the message starts with want. */
static void
expect_error(const char *text, const char *want)
{
	struct contacts *c = contacts_new();

	err[0] = '\0';
	assert_int_equal(merge(c, text, "t.conf"), ST_CONFIG);
	if (strstr(err, want) == NULL)
		fail_msg("error '%s' lacks '%s'", err, want);
	contacts_free(c);
}

static void
test_sections_and_keys(void **state)
{
	(void)state;
	assert_string_equal(contacts_sections[0], "facility");
	assert_string_equal(contacts_sections[1], "person_in_charge");
	assert_string_equal(contacts_sections[2], "deputy");
	assert_string_equal(contacts_sections[3], "support_desk");
	assert_string_equal(contacts_sections[10], "mhlw");
	assert_null(contacts_sections[11]);
	assert_true(contacts_section_known("police"));
	assert_true(contacts_section_known("enquiry_desk"));
	assert_false(contacts_section_known("polic"));
	assert_false(contacts_section_known(NULL));
	assert_string_equal(contacts_keys[0], "name");
}

/* docs/contract.md §1's facility profile: the facility's corporate number (with
 * its check digit), representative and address, and its two people. */
static void
test_facility_profile(void **state)
{
	struct contacts *c;

	(void)state;
	/* the National Tax Agency's own number */
	assert_true(contacts_corporate_number_valid("7000012050002"));
	assert_false(contacts_corporate_number_valid("7000012050003"));
	assert_false(contacts_corporate_number_valid("8000012050002"));
	assert_false(contacts_corporate_number_valid("700001205000"));
	assert_false(contacts_corporate_number_valid("70000120500021"));
	assert_false(contacts_corporate_number_valid("700001205000a"));
	assert_false(contacts_corporate_number_valid(""));
	c = parsed("[facility]\nname = さくら坂内科クリニック\n"
	    "corporate_number = 7000012050002\nrepresentative = 院長 佐藤\n"
	    "postal_code = 600-8216\naddress = 京都市下京区\nphone = 075\n"
	    "[person_in_charge]\nname = 鈴木\ntitle = 事務長\n"
	    "phone = 075-1\nemail = s@example.jp\n[deputy]\nname = 田中\n");
	assert_string_equal(contacts_get(c, "facility.corporate_number",
	    LANG_JA), "7000012050002");
	assert_string_equal(contacts_get(c, "facility.representative",
	    LANG_EN), "院長 佐藤");
	assert_string_equal(contacts_get(c, "person_in_charge.title",
	    LANG_JA), "事務長");
	assert_string_equal(contacts_get(c, "deputy.name", LANG_JA), "田中");
	contacts_free(c);
	expect_error("[facility]\ncorporate_number = 7000012050003\n",
	    "t.conf:2: corporate_number '7000012050003' is not a corporate "
	    "number");
	expect_error("[person_in_charge]\nhours = 9-17\n",
	    "t.conf:2: unknown key 'hours' in [person_in_charge]");
	expect_error("[support_desk]\ncorporate_number = 7000012050002\n",
	    "t.conf:2: unknown key 'corporate_number' in [support_desk]");
}

static void
test_basic_get(void **state)
{
	struct contacts *c;

	(void)state;
	c = parsed("\xEF\xBB\xBF# comment\r\n\r\n[police]\r\n"
	    "  name =  中京警察署 \r\nphone = 075-000-0000 = ext 1\n"
	    "note = line1\\nline2 \\\\ end\n[facility]\ntype = care\n");
	assert_string_equal(contacts_get(c, "police.name", LANG_JA),
	    "中京警察署");
	/* Split at the first '=' only. */
	assert_string_equal(contacts_get(c, "police.phone", LANG_EN),
	    "075-000-0000 = ext 1");
	assert_string_equal(contacts_get(c, "police.note", LANG_JA),
	    "line1\nline2 \\ end");
	assert_string_equal(contacts_get(c, "facility.type", LANG_JA), "care");
	assert_null(contacts_get(c, "police.hours", LANG_JA));
	assert_null(contacts_get(c, "nosuch.name", LANG_JA));
	assert_null(contacts_get(c, "police.nosuch", LANG_JA));
	assert_null(contacts_get(c, "police", LANG_JA));
	assert_null(contacts_get(c, NULL, LANG_JA));
	assert_null(contacts_get(NULL, "police.name", LANG_JA));
	contacts_free(c);
}

static void
test_language_fallback(void **state)
{
	struct contacts *c;

	(void)state;
	c = parsed("[ppc]\nname.ja = 個人情報保護委員会\n"
	    "name.en = Personal Information Protection Commission\n"
	    "[vendor]\nname.ja = 業者\nname = Plain\n"
	    "[carrier]\nname = Only plain\n"
	    "[police]\nname.en = English only\n");
	assert_string_equal(contacts_get(c, "ppc.name", LANG_JA),
	    "個人情報保護委員会");
	assert_string_equal(contacts_get(c, "ppc.name", LANG_EN),
	    "Personal Information Protection Commission");
	/* The plain key comes before the other language. */
	assert_string_equal(contacts_get(c, "vendor.name", LANG_JA), "業者");
	assert_string_equal(contacts_get(c, "vendor.name", LANG_EN), "Plain");
	assert_string_equal(contacts_get(c, "carrier.name", LANG_EN),
	    "Only plain");
	assert_string_equal(contacts_get(c, "carrier.name", LANG_JA),
	    "Only plain");
	assert_string_equal(contacts_get(c, "police.name", LANG_JA),
	    "English only");
	/* An explicit variant, no fallback. */
	assert_string_equal(contacts_get(c, "ppc.name.en", LANG_JA),
	    "Personal Information Protection Commission");
	assert_null(contacts_get(c, "police.name.ja", LANG_EN));
	assert_null(contacts_get(c, "police.name.xx", LANG_EN));
	contacts_free(c);
}

static void
test_merge_key_by_key(void **state)
{
	struct contacts *c;

	(void)state;
	c = parsed("[support_desk]\nname.ja = サポートデスク\n"
	    "name.en = Support desk\nphone =\nhours = 9-17\n"
	    "[facility]\nname = A病院\ntype = hospital\n");
	/* /etc: a phone, and a plain name that replaces both variants. */
	assert_int_equal(merge(c,
	    "[support_desk]\nphone = 0120-000-000\n"
	    "[facility]\nname = B医院\n", "etc.conf"), ST_OK);
	/* The user's own file: empty values never blank out earlier ones. */
	assert_int_equal(merge(c,
	    "[support_desk]\nphone =\nhours = 24h\nname =\n"
	    "[facility]\ntype =\nname.en = B Clinic\n", "user.conf"),
	    ST_OK);
	assert_string_equal(contacts_get(c, "support_desk.name", LANG_JA),
	    "サポートデスク");
	assert_string_equal(contacts_get(c, "support_desk.name", LANG_EN),
	    "Support desk");
	assert_string_equal(contacts_get(c, "support_desk.phone", LANG_JA),
	    "0120-000-000");
	assert_string_equal(contacts_get(c, "support_desk.hours", LANG_JA),
	    "24h");
	assert_string_equal(contacts_get(c, "facility.name", LANG_JA),
	    "B医院");
	assert_string_equal(contacts_get(c, "facility.name", LANG_EN),
	    "B Clinic");
	assert_string_equal(contacts_get(c, "facility.type", LANG_JA),
	    "hospital");
	contacts_free(c);
}

static void
test_plain_overrides_earlier_variants(void **state)
{
	struct contacts *c;

	(void)state;
	c = parsed("[support_desk]\nname.ja = 既定\nname.en = Default\n");
	assert_int_equal(merge(c,
	    "[support_desk]\nname = 施設の窓口\n", "user.conf"),
	    ST_OK);
	assert_string_equal(contacts_get(c, "support_desk.name", LANG_JA),
	    "施設の窓口");
	assert_string_equal(contacts_get(c, "support_desk.name", LANG_EN),
	    "施設の窓口");
	/* Within one file: own language first, then the plain key. */
	assert_int_equal(merge(c,
	    "[support_desk]\nname = X\nname.en = Y\n", "u2.conf"), ST_OK);
	assert_string_equal(contacts_get(c, "support_desk.name", LANG_EN),
	    "Y");
	assert_string_equal(contacts_get(c, "support_desk.name", LANG_JA),
	    "X");
	/* The other language only when there is no plain key. */
	assert_int_equal(merge(c,
	    "[vendor]\nname.en = Vendor\n", "u3.conf"), ST_OK);
	assert_string_equal(contacts_get(c, "vendor.name", LANG_JA), "Vendor");
	contacts_free(c);
}

static void
test_error_leaves_contacts_unchanged(void **state)
{
	struct contacts *c;

	(void)state;
	c = parsed("[police]\nname = 旧\n");
	assert_int_equal(merge(c,
	    "[police]\nname = 新\nbogus = 1\n", "bad.conf"),
	    ST_CONFIG);
	assert_string_equal(err, "bad.conf:3: unknown key 'bogus' in [police] "
	    "(allowed: name, address, phone, hours, email, url, note, each "
	    "also as KEY.ja / KEY.en)");
	assert_string_equal(contacts_get(c, "police.name", LANG_JA), "旧");
	contacts_free(c);
}

static void
test_errors(void **state)
{
	(void)state;
	expect_error("[polce]\n", "t.conf:1: unknown section [polce] (allowed: "
	    "facility, person_in_charge, deputy, support_desk, enquiry_desk, "
	    "vendor, carrier, police, municipality, ppc, mhlw)");
	expect_error("# c\n[police\nname = x\n",
	    "t.conf:2: unterminated section header '[police'");
	expect_error("[police] x\n", "t.conf:1: text after section header");
	expect_error("[police]\nname 075\n",
	    "t.conf:2: expected 'key = value' or '[section]', got 'name 075'");
	expect_error("[police]\n = 075\n", "t.conf:2: missing key before '='");
	expect_error("name = x\n", "t.conf:1: key 'name' before any [section]");
	expect_error("[police]\ntype = clinic\n",
	    "t.conf:2: unknown key 'type' in [police] (allowed: name, address,");
	expect_error("[facility]\ntype.ja = 病院\n",
	    "t.conf:2: unknown key 'type.ja' in [facility] (allowed: name, "
	    "type, address,");
	expect_error("[police]\nname.fr = x\n",
	    "t.conf:2: unknown key 'name.fr' in [police]");
	expect_error("[police]\nname. = x\n", "unknown key 'name.'");
	expect_error("[police]\nnames = x\n", "unknown key 'names'");
	expect_error("[facility]\ntype = clinics\n",
	    "t.conf:2: unknown facility type 'clinics' (allowed: hospital, "
	    "clinic, dental, pharmacy, care, home_care, other)");
	expect_error("[police]\nname = a\\tb\n",
	    "t.conf:2: bad escape '\\t' in 'name'");
	expect_error("[police]\nname = a\\\n", "t.conf:2: bad escape");
	expect_error("[police]\nname = a\n[ppc]\n[police]\nname = b\n",
	    "t.conf:5: key 'name' given twice in [police]");
	/* 中京 in Shift_JIS. */
	expect_error("[police]\nname = \x92\x86\x8b\x9e\n",
	    "t.conf:2: not UTF-8 text");
	expect_error("[police]\nname = \xED\xA0\x80\n", "t.conf:2: not UTF-8");
	expect_error("[police]\nname = \xC0\xAF\n", "t.conf:2: not UTF-8");
	expect_error("[police]\nname = \xE4\xB8\n", "t.conf:2: not UTF-8");
}

/* A NUL byte ends a C string; read as one, the phone number would be cut
 * to "03-" with nothing said. Refused, the file changes nothing. */
static void
test_nul_byte(void **state)
{
	static const char text[] = "[police]\nname = 新\nphone = 03-\0 1234\n";
	struct contacts *c = parsed("[police]\nname = 旧\n");

	(void)state;
	assert_int_equal(contacts_parse_string(c, text, sizeof text - 1,
	    "t.conf", err, sizeof err), ST_CONFIG);
	assert_string_equal(err, "t.conf:3: NUL byte");
	assert_string_equal(contacts_get(c, "police.name", LANG_JA), "旧");
	contacts_free(c);
}

static void
test_merge_file(void **state)
{
	char dir[] = "/tmp/test_contactsXXXXXX", path[128];
	struct contacts *c = contacts_new();
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/missing.conf", dir);
	assert_int_equal(contacts_merge_file(c, path, err, sizeof err), ST_OK);
	snprintf(path, sizeof path, "%s/nodir/x.conf", dir);
	assert_int_equal(contacts_merge_file(c, path, err, sizeof err), ST_OK);
	assert_int_equal(contacts_merge_file(c, dir, err, sizeof err),
	    ST_CONFIG);
	assert_non_null(strstr(err, "is a directory"));
	/* A FIFO is refused, not read: opened blocking, it would wait for a
	 * writer forever (the alarm fails the test instead). */
	snprintf(path, sizeof path, "%s/fifo.conf", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	alarm(10);
	assert_int_equal(contacts_merge_file(c, path, err, sizeof err),
	    ST_CONFIG);
	alarm(0);
	assert_non_null(strstr(err, "fifo.conf: not a regular file"));
	unlink(path);
	snprintf(path, sizeof path, "%s/c.conf", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("[carrier]\nphone = 151\nurl = x\nurl = y\n", fp);
	fclose(fp);
	assert_int_equal(contacts_merge_file(c, path, err, sizeof err),
	    ST_CONFIG);
	/* The message names the file by its path. */
	assert_true(strncmp(err, path, strlen(path)) == 0);
	assert_non_null(strstr(err, ":4: key 'url' given twice"));
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("[carrier]\nphone = 151\n", fp);
	fclose(fp);
	assert_int_equal(contacts_merge_file(c, path, err, sizeof err), ST_OK);
	assert_string_equal(contacts_get(c, "carrier.phone", LANG_JA), "151");
	unlink(path);
	rmdir(dir);
	contacts_free(c);
}

static void
test_describe(void **state)
{
	struct contacts *c;
	char *s;

	(void)state;
	c = parsed("[support_desk]\n"
	    "name.ja = 株式会社日本エンブレース メディカルケアステーション "
	    "サポートデスク\nname.en = Support desk\n"
	    "[ppc]\nname = PPC\nurl = https://www.ppc.go.jp/\n"
	    "[police]\nphone = 110\nhours = 24h\nemail = a@b\n"
	    "[facility]\nname = A病院\nphone = 075\n");
	s = contacts_describe(c, "support_desk", LANG_JA, "未設定");
	assert_string_equal(s, "株式会社日本エンブレース メディカルケアステーション "
	    "サポートデスク / 電話: 未設定 / 受付時間: 未設定");
	free(s);
	s = contacts_describe(c, "support_desk", LANG_EN, "not set");
	assert_string_equal(s, "Support desk / phone: not set / hours: not set");
	free(s);
	s = contacts_describe(c, "ppc", LANG_JA, "未設定");
	assert_string_equal(s, "PPC / 電話: 未設定 / 受付時間: 未設定 / "
	    "URL: https://www.ppc.go.jp/");
	free(s);
	s = contacts_describe(c, "police", LANG_EN, "-");
	assert_string_equal(s, "- / phone: 110 / hours: 24h / e-mail: a@b");
	free(s);
	s = contacts_describe(c, "facility", LANG_JA, "未設定");
	assert_string_equal(s, "A病院 / 電話: 075");
	free(s);
	s = contacts_describe(c, "mhlw", LANG_JA, NULL);
	assert_string_equal(s, " / 電話:  / 受付時間: ");
	free(s);
	assert_null(contacts_describe(c, "nosuch", LANG_JA, "x"));
	contacts_free(c);
}

static void
test_user_file(void **state)
{
	char *old_xdg = getenv("XDG_CONFIG_HOME") ?
	    strdup(getenv("XDG_CONFIG_HOME")) : NULL;
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	char *p;

	(void)state;
	setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
	p = contacts_user_file();
	assert_string_equal(p, "/x/cfg/anshin-ir/contacts.conf");
	free(p);
	/* Relative XDG paths are ignored, per the XDG spec. */
	setenv("XDG_CONFIG_HOME", "rel", 1);
	setenv("HOME", "/home/u", 1);
	p = contacts_user_file();
	assert_string_equal(p, "/home/u/.config/anshin-ir/contacts.conf");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = contacts_user_file();
	assert_string_equal(p, "/home/u/.config/anshin-ir/contacts.conf");
	free(p);
	if (old_xdg != NULL)
		setenv("XDG_CONFIG_HOME", old_xdg, 1);
	if (old_home != NULL)
		setenv("HOME", old_home, 1);
	free(old_xdg);
	free(old_home);
}

static void
test_shipped_file(void **state)
{
	struct contacts *c = contacts_new();
	char *s;

	(void)state;
	/* Run from the source tree; skipped when the data is not there. */
	if (access("data/contacts.conf", R_OK) != 0) {
		contacts_free(c);
		skip();
	}
	assert_int_equal(contacts_merge_file(c, "data/contacts.conf", err,
	    sizeof err), ST_OK);
	assert_string_equal(contacts_get(c, "support_desk.name", LANG_JA),
	    "株式会社日本エンブレース メディカルケアステーション サポートデスク");
	assert_string_equal(contacts_get(c, "ppc.url", LANG_JA),
	    "https://www.ppc.go.jp/");
	/* Never a shipped number. */
	assert_null(contacts_get(c, "support_desk.phone", LANG_JA));
	assert_null(contacts_get(c, "police.phone", LANG_JA));
	assert_null(contacts_get(c, "facility.name", LANG_JA));
	assert_null(contacts_get(c, "facility.type", LANG_JA));
	s = contacts_describe(c, "mhlw", LANG_EN, "not set");
	assert_string_equal(s, "Ministry of Health, Labour and Welfare / "
	    "phone: not set / hours: not set");
	free(s);
	contacts_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections_and_keys),
		cmocka_unit_test(test_facility_profile),
		cmocka_unit_test(test_basic_get),
		cmocka_unit_test(test_language_fallback),
		cmocka_unit_test(test_merge_key_by_key),
		cmocka_unit_test(test_plain_overrides_earlier_variants),
		cmocka_unit_test(test_error_leaves_contacts_unchanged),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_merge_file),
		cmocka_unit_test(test_describe),
		cmocka_unit_test(test_user_file),
		cmocka_unit_test(test_shipped_file),
	};

	return cmocka_run_group_tests_name("contacts", tests, NULL, NULL);
}
