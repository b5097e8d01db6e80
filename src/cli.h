/*
 * cli.h - the command line of SPEC §1: one table of commands drives
 * dispatch, option checking and --help. Non-interactive commands print;
 * the interactive ones hand over to the TUI.
 */
#ifndef ANSHIN_CLI_H
#define ANSHIN_CLI_H

#include "jtime.h"
#include "util.h"

/* What every command gets: resolved paths, language and the clock. */
struct cli_env {
	char *db_path;
	char *data_dir;
	char *locale_dir;
	enum lang lang;
	jtime_t now;
	const char *by;			/* --by: who a change is by (CLI
					 * and wizard), or NULL: the
					 * default of SPEC §1 */
};

/* Runs the program; returns the process exit status. */
int cli_main(int argc, char **argv);

/* The data directory of SPEC §1: --data-dir > $ANSHIN_IR_DATA > the
 * installed share directory > the source tree the binary was built in. */
char *cli_find_data_dir(const char *opt);

#endif
