/*
 * app.c - the run's shared state: loading the data and opening the
 * database once, on first need, and the clock every view reads.
 */
#include "app.h"

#include <stdlib.h>

int
app_data(struct app *a, char *err, size_t errlen)
{
	int rc;

	if (a->data != NULL)
		return ST_OK;
	rc = model_data_load(a->data_dir, &a->data, err, errlen);
	if (rc == ST_OK)
		a->data->lang = a->lang;
	return rc;
}

int
app_store(struct app *a, char *err, size_t errlen)
{
	int rc = app_data(a, err, errlen);

	if (rc != ST_OK || a->store != NULL)
		return rc;
	return (a->db_create ? store_open : store_open_existing)(a->db_path,
	    &a->store, err, errlen);
}

jtime_t
app_now(const struct app *a)
{
	(void)a;
	return jtime_now();
}

jtime_t
app_scenario_now(const struct app *a)
{
	return jtime_now() + a->shift;
}

const char *
app_by(const struct app *a)
{
	return a->by != NULL ? a->by : model_default_by();
}

void
app_free(struct app *a)
{
	store_close(a->store);
	model_data_free(a->data);
	free(a->db_path);
	free(a->data_dir);
	free(a->locale_dir);
}
