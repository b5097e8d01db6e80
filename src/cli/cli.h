/*
 * cli.h - the command line of docs/contract.md §1: one table of commands drives
 * dispatch, option checking and --help. Non-interactive commands print;
 * the interactive ones hand over to the TUI.
 */
#ifndef ANSHIN_CLI_H
#define ANSHIN_CLI_H

#include "app.h"

/* Runs the program; returns the process exit status. */
int cli_main(struct app *app, int argc, char **argv);

/* The data directory of docs/contract.md §1: --data-dir > $ANSHIN_IR_DATA > the
 * installed share directory > the source tree the binary was built in. */
char *cli_find_data_dir(const char *opt);

#endif
