/*
 * tui.c - placeholder entry points until the wizard lands (issue 4): they
 * say so and point to the command line instead of pretending to work.
 */
#include "tui/tui.h"

#include <stdio.h>
#include <unistd.h>

#include "i18n.h"

int
tui_check_terminal(char *err, size_t errlen)
{
	return err_set(err, errlen, ST_UNAVAILABLE,
	    _("the interactive wizard is not available in this build; use "
	    "the command line (anshin-ir new --answers FILE, see --help)"));
}

int
tui_home(const struct cli_env *env)
{
	(void)env;
	return ST_UNAVAILABLE;
}

int
tui_new(const struct cli_env *env)
{
	(void)env;
	return ST_UNAVAILABLE;
}

int
tui_resume(const struct cli_env *env, const char *ref)
{
	(void)env;
	(void)ref;
	return ST_UNAVAILABLE;
}
