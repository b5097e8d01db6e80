/*
 * report.h - the PDF documents of an incident (docs/contract.md §1 export
 * --doc): the incident report (cover, the draft for the Personal Information
 * Protection Commission, facts, checklist, signatures, then the notice
 * drafts and the timeline as appendices), the PPC draft alone, the letter
 * to the individuals and the public notice. A view: it reads the model,
 * never changes it (the caller records the "export" timeline event).
 */
#ifndef ANSHIN_REPORT_H
#define ANSHIN_REPORT_H

#include <stddef.h>

#include "jtime.h"
#include "model.h"
#include "store.h"
#include "util.h"

/* What to write (docs/contract.md §1 export --doc), in that order. */
enum report_kind { REPORT_DOC_REPORT, REPORT_DOC_PPC, REPORT_DOC_NOTICE,
	REPORT_DOC_ANNOUNCEMENT, REPORT_DOC_LABELS };
/* The PPC draft's stage (--stage); AUTO: preliminary until the
 * preliminary report is recorded done or not applicable, then final. */
enum report_stage { REPORT_STAGE_AUTO, REPORT_STAGE_PRELIMINARY,
	REPORT_STAGE_FINAL };

/* Whom a letter is addressed to: each recipient of `notices` in turn;
 * without recipients NULL, and every field that is NULL prints as a
 * blank to fill in (「〇〇様」). The id is printed small, to match a
 * returned letter to its mark. */
struct report_addressee {
	const char *postal_code;
	const char *address;
	const char *name;
	const char *id;
};

struct report_opts {
	enum lang lang;
	jtime_t now;            /* for "days left" and the print date */
	const char *font_path;  /* NULL: $ANSHIN_IR_FONT, else the IPAex Gothic paths */
	int watermark;          /* 1: 「訓練 / TRAINING」 on every page (drills) */
	enum report_kind kind;
	enum report_stage stage;
	const struct report_addressee *to;	/* the notice's addressee */
	int only_unsent;	/* notice, labels: the unsent recipients */
	int sheet;		/* labels: 12 or 24 a sheet */
	size_t *count;		/* notice, labels: where to put how many
				 * letters or labels were written; NULL */
};

/* The names of docs/contract.md §1 ("report", "ppc", "notice",
 * "announcement", "labels"; "preliminary", "final"), or -1. */
int report_kind_parse(const char *s);
int report_stage_parse(const char *s);

/* Writes the report atomically (temp file in the target directory + rename):
 * never a partial file. A new file is 0600; a file replaced keeps its mode
 * and, where allowed, its owner; anything but a regular file or a new name
 * is refused. ST_CANTCREAT (73) when the output cannot be created (message
 * names the path), ST_CONFIG (78) when no usable font is found (message
 * says which paths were tried and ANSHIN_IR_FONT), ST_IOERR on write
 * errors. With recipients stored (notice.h), `notice` is one letter per
 * recipient (or per unsent one) and `labels` a label each; none to
 * write is ST_REFUSED, and so are labels without recipients. */
int report_write(const struct model_data *d, struct store *st,
    const struct incident *inc, const struct report_opts *o, const char *path,
    char *err, size_t errlen);

/* The first-response card to print and pin up (docs/contract.md §1 `card`): one A4
 * page with the facility's name, whom to call (the contacts, unset ones
 * as blanks to fill in by hand), the first steps per kind of incident
 * from the rules (card.h), the day printed and the contacts' last
 * change. Written as report_write writes. */
int report_card_write(const struct model_data *d, const struct report_opts *o,
    const char *path, char *err, size_t errlen);

/* The device ledger as a table for its periodic check (`device export`):
 * each device with its protection, approval, state and gaps, the devices
 * whose approval has expired, the ledger's tamper evidence and a
 * signature block for the check. */
int report_ledger_write(const struct model_data *d, struct store *st,
    const struct report_opts *o, const char *path, char *err,
    size_t errlen);

#endif
