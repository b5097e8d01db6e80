/*
 * app.h - one run of the program: where its database and data are, its
 * language, who signs its changes, its clock, and the data and database
 * themselves, each loaded or opened once. main.c owns it and hands it to
 * the command line and the screens, which share it instead of each other.
 */
#ifndef ANSHIN_APP_H
#define ANSHIN_APP_H

#include <stddef.h>

#include "jtime.h"
#include "model.h"
#include "store.h"
#include "util.h"

struct app {
	char *db_path;
	char *data_dir;
	char *locale_dir;
	enum lang lang;
	const char *by;			/* --by, or NULL: docs/contract.md §1's default */
	int db_create;			/* the command may create the database;
					 * else a missing one is ST_NOINPUT */
	struct model_data *data;	/* NULL until app_data */
	struct store *store;		/* NULL until app_store */
	jtime_t shift;			/* during a drill: the scenario's time
					 * minus the real time, else 0 */
};

/* The data directory's forms, rules, drills and contacts, loaded once. */
int app_data(struct app *a, char *err, size_t errlen);
/* The database, opened once (created only when a->db_create). */
int app_store(struct app *a, char *err, size_t errlen);

/* The one clock: the real time ($ANSHIN_IR_NOW when set, for tests), and
 * the time of the scenario being played (the same outside a drill), by
 * which the screens count days and read a typed "now". */
jtime_t app_now(const struct app *a);
jtime_t app_scenario_now(const struct app *a);

/* Who signs a change made from a script: --by, else $ANSHIN_IR_USER, else
 * the login name. */
const char *app_by(const struct app *a);

void app_free(struct app *a);

#endif
