/*
 * fuzz_contacts.c - libFuzzer target for the contacts loader
 * (contacts_parse_string in src/core/contacts.c) and what the checklist does
 * with the result (contacts_get, contacts_describe, contacts_expand).
 *
 * Contacts come from three files, two of them edited by hand at the
 * facility. The input is merged over the shipped data/contacts.conf, as
 * /etc/anshin-ir/contacts.conf would be. Besides memory safety the target
 * checks the merge contract: a file with an error changes nothing, and an
 * accepted file never blanks a value set before. The input is also
 * expanded as an action detail with {section} placeholders.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_contacts"
#include "fuzz.h"

#include "contacts.h"
#include "util.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *g_shipped;		/* data/contacts.conf */
static size_t g_shipped_len;

/* What a contacts set says: every value, NUL-separated, in a fixed order,
 * and which were set. One buffer rather than a string each: ASan makes
 * each allocation dear, and this runs twice per input. */
#define SNAP_MAX 1024
struct snap {
	struct buf all;
	unsigned char set[SNAP_MAX];
	size_t n;
};

/* Every "section.key", then every "section.key.ja" and ".en": made once. */
static struct strv g_keys;
static size_t g_plain_keys;

static void
make_keys(void)
{
	static const char *const suffix[] = { "", ".ja", ".en" };
	char *key;
	int s, k, var;

	for (var = 0; var < 3; var++) {
		for (s = 0; contacts_sections[s] != NULL; s++)
			for (k = 0; contacts_keys[k] != NULL; k++) {
				key = xasprintf("%s.%s%s", contacts_sections[s],
				    contacts_keys[k], suffix[var]);
				strv_push(&g_keys, key);
				free(key);
			}
		if (var == 0)
			g_plain_keys = g_keys.n;
	}
}

/* Every "section.key" in both languages; with `variants` also the
 * ".ja" and ".en" keys (which a later plain key may hide: that is the
 * merge rule, not a loss). */
static void
snapshot(const struct contacts *c, int variants, struct snap *sn)
{
	size_t i, n = variants ? g_keys.n : g_plain_keys;
	const char *v;
	int lang;

	buf_init(&sn->all);
	sn->n = 0;
	for (i = 0; i < n; i++)
		for (lang = 0; lang < LANG_COUNT; lang++) {
			v = contacts_get(c, g_keys.v[i], (enum lang)lang);
			fuzz_check(sn->n < SNAP_MAX, "snapshot full",
			    g_keys.v[i]);
			sn->set[sn->n++] = v != NULL;
			buf_add(&sn->all, v != NULL ? v : "",
			    v != NULL ? strlen(v) + 1 : 1);
		}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[512], *path;

	(void)argc;
	(void)argv;
	path = fuzz_data_path("data/contacts.conf");
	if (util_read_file(path, &g_shipped, &g_shipped_len, err,
	    sizeof err) != ST_OK)
		fuzz_die("cannot read the shipped contacts", err);
	free(path);
	make_keys();
	return 0;
}

/* Refused: every value as it was. Accepted: no value lost. */
static void
check_merge(const struct snap *before, const struct snap *after, int ok)
{
	size_t i;

	fuzz_check(before->n == after->n, "snapshot sizes differ", "");
	if (!ok) {
		fuzz_check(before->all.len == after->all.len &&
		    memcmp(before->all.s, after->all.s, before->all.len) == 0 &&
		    memcmp(before->set, after->set, before->n) == 0,
		    "a refused file changed a value", "");
		return;
	}
	for (i = 0; i < before->n; i++)
		fuzz_check(!before->set[i] || after->set[i],
		    "an accepted file blanked a value", "");
}

static void
describe_all(const struct contacts *c, const char *text)
{
	char *s;
	int i, lang, unset;

	for (i = 0; contacts_sections[i] != NULL; i++)
		for (lang = 0; lang < LANG_COUNT; lang++) {
			s = contacts_describe(c, contacts_sections[i],
			    (enum lang)lang, "未設定");
			fuzz_check(s != NULL,
			    "no description for a known section",
			    contacts_sections[i]);
			free(s);
		}
	s = contacts_describe(c, text, LANG_JA, NULL);
	fuzz_check((s != NULL) == contacts_section_known(text),
	    "described an unknown section or not a known one", text);
	free(s);
	unset = 0;
	s = contacts_expand(c, text, LANG_JA, "未設定", &unset);
	fuzz_check(s != NULL && (unset == 0 || unset == 1), "expand", text);
	free(s);
	free(contacts_expand(c, text, LANG_EN, NULL, NULL));
}

/* Parses text on its own; the status only. */
static int
dry_run(const uint8_t *data, size_t size)
{
	struct contacts *c = contacts_new();
	int rc = contacts_parse_string(c, (const char *)data, size,
	    "fuzz.conf", NULL, 0);

	contacts_free(c);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = xstrndup((const char *)data, size), err[1024];
	struct contacts *c = contacts_new();
	struct snap before, after;
	int rc, variants;

	fuzz_check(contacts_parse_string(c, g_shipped, g_shipped_len,
	    "contacts.conf", err, sizeof err) == ST_OK,
	    "the shipped file does not parse", err);
	/* Whether the input parses decides which snapshot is compared: a
	 * dry run on a fresh set tells without touching c. */
	variants = dry_run(data, size) != ST_OK;
	snapshot(c, variants, &before);
	err[0] = '\0';
	rc = contacts_parse_string(c, (const char *)data, size, "fuzz.conf",
	    err, sizeof err);
	fuzz_check_nul(data, size, rc, err, "fuzz.conf");
	fuzz_check(rc == ST_OK || (rc == ST_CONFIG &&
	    strncmp(err, "fuzz.conf:", 10) == 0), "error without ST_CONFIG and "
	    "the file name", err);
	fuzz_check((rc != ST_OK) == variants, "parse result depends on earlier "
	    "files", text);
	snapshot(c, variants, &after);
	check_merge(&before, &after, rc == ST_OK);
	describe_all(c, text);
	buf_free(&before.all);
	buf_free(&after.all);
	contacts_free(c);
	free(text);
	return 0;
}
