/*
 * report.h - the PDF report of an incident (issue 5): cover with the legal
 * assessment, 5W1H and data, checklist, timeline, a draft of the report to
 * the Personal Information Protection Commission in the order of the
 * Enforcement Rules Art. 8, a draft notice to the individuals, recurrence
 * measures and a signature block. A view: it reads the model, never
 * changes it (the caller records the "export" timeline event).
 */
#ifndef ANSHIN_REPORT_H
#define ANSHIN_REPORT_H

#include <stddef.h>

#include "jtime.h"
#include "model.h"
#include "store.h"
#include "util.h"

struct report_opts {
	enum lang lang;
	jtime_t now;            /* for "days left" and the print date */
	const char *font_path;  /* NULL: $ANSHIN_IR_FONT, else the IPAex Gothic paths */
	int watermark;          /* 1: 「訓練 / TRAINING」 on every page (drills) */
};

/* Writes the report atomically (temp file in the target directory + rename):
 * never a partial file. A new file is 0600; a file replaced keeps its mode
 * and, where allowed, its owner; anything but a regular file or a new name
 * is refused. ST_CANTCREAT (73) when the output cannot be created (message
 * names the path), ST_CONFIG (78) when no usable font is found (message
 * says which paths were tried and ANSHIN_IR_FONT), ST_IOERR on write
 * errors. */
int report_write(const struct model_data *d, struct store *st,
    const struct incident *inc, const struct report_opts *o, const char *path,
    char *err, size_t errlen);

#endif
