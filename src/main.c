/*
 * main.c - process set-up: the locale (text is UTF-8 whatever the host's
 * locale says, docs/contract.md §1), and the run's shared state (app.h), which
 * the command line fills in from its options and hands to the screens.
 */
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>

#include "app.h"
#include "cli/cli.h"

static int
is_c_locale(const char *name)
{
	return name == NULL || strcmp(name, "C") == 0 ||
	    strcmp(name, "POSIX") == 0;
}

int
main(int argc, char **argv)
{
	struct app app;
	int rc;

	/* Over a file-size limit a write must fail (EFBIG), so that SQLite
	 * rolls back and we exit 74 with a message, not die mid-write. */
	signal(SIGXFSZ, SIG_IGN);
	setlocale(LC_ALL, "");
	/* Japanese text needs UTF-8 character handling even under "C". */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	if (is_c_locale(setlocale(LC_MESSAGES, NULL)))
		setlocale(LC_MESSAGES, "C.UTF-8");
	memset(&app, 0, sizeof app);
	rc = cli_main(&app, argc, argv);
	app_free(&app);
	return rc;
}
