/*
 * report_pdf.c - the PDF around the laid-out pages: libharu set up with
 * the subset font, the metadata in the document's language (Title,
 * Subject, Keywords, Author, /Lang), the bookmarks, a ToUnicode map that
 * poppler accepts, and the file written through report_file.c.
 */
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>

#include "i18n.h"
#include "report_draw.h"
#include "report_file.h"
#include "report_font.h"
#include "util.h"

static void
on_error(HPDF_STATUS error, HPDF_STATUS detail, void *ud)
{
	struct pdf *p = ud;

	if (p->error == HPDF_OK) {
		p->error = error;
		p->detail = detail;
	}
}

/* Makes every text drawable with the font and notes what it uses, so
 * the subset holds exactly the document's glyphs. own[] receives
 * drawable copies of the furniture. */
static void
use_texts(struct report_font *font, struct report_doc *doc,
    const struct report_furniture *f, char *own[3])
{
	size_t i, j;

	for (i = 0; i < doc->n; i++) {
		report_font_use(font, &doc->b[i].text);
		for (j = 0; j < doc->b[i].ncells; j++)
			report_font_use(font, &doc->b[i].cells[j]);
	}
	own[0] = f->header != NULL ? xstrdup(f->header) : NULL;
	own[1] = f->footer != NULL ? xstrdup(f->footer) : NULL;
	own[2] = f->watermark != NULL ? xstrdup(f->watermark) : NULL;
	for (i = 0; i < 3; i++)
		if (own[i] != NULL)
			report_font_use(font, &own[i]);
}

/* ---- metadata ------------------------------------------------------------ */

static void
set_date(struct pdf *p, jtime_t now)
{
	HPDF_Date d;
	long secs = (long)((now + JTIME_OFFSET) % 86400);
	int y, m, day;

	jtime_ymd_from_days(jtime_day(now), &y, &m, &day);
	memset(&d, 0, sizeof d);
	d.year = y;
	d.month = m;
	d.day = day;
	d.hour = (HPDF_INT)(secs / 3600);
	d.minutes = (HPDF_INT)(secs / 60 % 60);
	d.seconds = (HPDF_INT)(secs % 60);
	d.ind = '+';
	d.off_hour = 9;
	report_draw_ok(p, HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE,
	    d));
}

static void
set_attr(struct pdf *p, HPDF_InfoType type, const char *value)
{
	char *clean;

	if (value == NULL || *value == '\0')
		return;
	clean = text_sanitize(value, 0);
	report_draw_ok(p, HPDF_SetInfoAttr(p->doc, type, clean));
	free(clean);
}

/* With the UTF-8 encoder current, libharu 2.3.0 writes info strings as
 * UTF-16BE with a byte order mark, which readers show in any language
 * (tried: pdfinfo prints the Japanese title). */
static void
set_info(struct pdf *p, const struct report_furniture *f, jtime_t now)
{
	HPDF_Catalog cat = p->doc->catalog;

	report_draw_ok(p, HPDF_SetCurrentEncoder(p->doc, "UTF-8"));
	report_draw_ok(p, HPDF_SetInfoAttr(p->doc, HPDF_INFO_CREATOR,
	    "anshin-ir"));
	set_attr(p, HPDF_INFO_TITLE, f->title);
	set_attr(p, HPDF_INFO_SUBJECT, f->subject);
	set_attr(p, HPDF_INFO_KEYWORDS, f->keywords);
	set_attr(p, HPDF_INFO_AUTHOR, f->author);
	set_date(p, now);
	/* The natural language of the text (PDF 32000-1 14.9.2), which
	 * screen readers and text extraction use. */
	if (f->lang != NULL && cat != NULL)
		report_draw_ok(p, HPDF_Dict_Add(cat, "Lang",
		    HPDF_String_New(p->doc->mmgr, f->lang, NULL)));
}

/* ---- bookmarks --------------------------------------------------------- */

static void
add_outline(struct pdf *p, const struct mark *m, HPDF_Outline parent,
    HPDF_Outline *made, HPDF_Encoder enc)
{
	HPDF_Destination dst;
	char *title;
	size_t i;

	title = xstrdup(m->title);
	for (i = 0; title[i] != '\0'; i++)
		if (title[i] == '\n')
			title[i] = ' ';
	*made = HPDF_CreateOutline(p->doc, parent, title, enc);
	free(title);
	if (*made == NULL || m->page >= p->npages)
		return;
	dst = HPDF_Page_CreateDestination(p->pages[m->page]);
	if (dst == NULL)
		return;
	report_draw_ok(p, HPDF_Destination_SetFitH(dst, (HPDF_REAL)m->y));
	report_draw_ok(p, HPDF_Outline_SetDestination(*made, dst));
}

/* Level 2 entries go under the level 1 entry before them; the panel
 * opens with the bookmarks shown. */
static void
make_outlines(struct pdf *p)
{
	HPDF_Encoder enc = HPDF_GetEncoder(p->doc, "UTF-8");
	HPDF_Outline top = NULL, made;
	size_t i;

	for (i = 0; i < p->nmarks && p->error == HPDF_OK; i++) {
		if (!p->marks[i].placed)
			continue;
		add_outline(p, &p->marks[i], p->marks[i].level > 1 ? top : NULL,
		    &made, enc);
		if (p->marks[i].level <= 1)
			top = made;
	}
	if (p->nmarks > 0)
		report_draw_ok(p, HPDF_SetPageMode(p->doc,
		    HPDF_PAGE_MODE_USE_OUTLINE));
}

/* ---- the document ----------------------------------------------------------- */

static int
pdf_open(struct pdf *p, struct report_font *font,
    const struct report_furniture *f, jtime_t now, char *err, size_t errlen)
{
	const char *name;
	int rc;

	p->doc = HPDF_New(on_error, p);
	if (p->doc == NULL)
		return err_set(err, errlen, ST_SOFTWARE,
		    _("PDF: cannot start a document (out of memory?)"));
	/* libharu half-subsets and writes a 128 KB CIDToGIDMap per font:
	 * compression is what keeps the file small (docs/pdf.md). */
	report_draw_ok(p, HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL));
	report_draw_ok(p, HPDF_UseUTFEncodings(p->doc));
	set_info(p, f, now);
	rc = report_font_load(font, p->doc, &name, err, errlen);
	if (rc != ST_OK)
		return rc;
	/* The encoder must be named here: HPDF_SetCurrentEncoder alone
	 * gives a single-byte font (docs/pdf.md). */
	p->font = HPDF_GetFont(p->doc, name, "UTF-8");
	if (p->font == NULL || p->error != HPDF_OK)
		return err_set(err, errlen, ST_SOFTWARE,
		    _("PDF: cannot use the font (libharu error 0x%04X, detail "
		    "%u)"), (unsigned)p->error, (unsigned)p->detail);
	return ST_OK;
}

static int
save_error(const struct pdf *p, const struct report_file *out, char *err,
    size_t errlen)
{
	return err_set(err, errlen, ST_IOERR, _("cannot write %s (libharu "
	    "error 0x%04X, detail %u)"), out->path, (unsigned)p->error,
	    (unsigned)p->detail);
}

/* libharu saves to memory and the file is written here: its own file
 * writer, on a full disk, failed inside zlib and said only "libharu error
 * 0x1066", where write(2) says why. The end of the stream
 * reaches on_error too, so it is told apart by the status alone. */
static int
save(struct pdf *p, struct report_file *out, char *err, size_t errlen)
{
	HPDF_BYTE chunk[16384];
	HPDF_UINT32 n;
	HPDF_STATUS s = HPDF_OK;
	int rc = ST_OK;

	if (HPDF_SaveToStream(p->doc) != HPDF_OK || p->error != HPDF_OK)
		return save_error(p, out, err, errlen);
	while (rc == ST_OK && s == HPDF_OK) {
		n = sizeof chunk;
		s = HPDF_ReadFromStream(p->doc, chunk, &n);
		if (s != HPDF_OK && s != HPDF_STREAM_EOF)
			rc = save_error(p, out, err, errlen);
		else if (n > 0)
			rc = report_file_write(out, chunk, n, err, errlen);
	}
	return rc == ST_OK ? report_file_commit(out, err, errlen) : rc;
}

static int
render(struct pdf *p, struct report_doc *doc, const struct report_furniture *f,
    struct report_font *font, jtime_t now, char *err, size_t errlen)
{
	int rc = pdf_open(p, font, f, now, err, errlen);

	if (rc != ST_OK)
		return rc;
	p->watermark = f->watermark;
	p->em = xcalloc(0x10000, sizeof *p->em);
	report_layout_doc(p, doc);
	report_draw_furniture(p, f);
	make_outlines(p);
	if (p->error == HPDF_OK)
		report_draw_ok(p, report_font_tounicode(font, p->font));
	if (p->error != HPDF_OK)
		return err_set(err, errlen, ST_SOFTWARE, _("PDF: libharu error "
		    "0x%04X (detail %u) while drawing"), (unsigned)p->error,
		    (unsigned)p->detail);
	return ST_OK;
}

/* One layout of a document: the state libharu draws into, the font and
 * drawable copies of the furniture. */
struct job {
	struct pdf p;
	struct report_font *font;
	char *own[3];
};

static int
job_run(struct job *j, struct report_doc *doc,
    const struct report_furniture *f, const char *font_path, jtime_t now,
    const struct report_trace *trace, char *err, size_t errlen)
{
	struct report_furniture fu = *f;
	int rc;

	rc = report_font_find(font_path, &j->font, err, errlen);
	if (rc != ST_OK)
		return rc;
	use_texts(j->font, doc, f, j->own);
	fu.header = j->own[0];
	fu.footer = j->own[1];
	fu.watermark = j->own[2];
	j->p.trace = trace;
	return render(&j->p, doc, &fu, j->font, now, err, errlen);
}

static void
job_free(struct job *j)
{
	if (j->p.doc != NULL)
		HPDF_Free(j->p.doc);
	report_font_free(j->font);
	free(j->p.pages);
	free(j->p.em);
	free(j->p.marks);
	free(j->own[0]);
	free(j->own[1]);
	free(j->own[2]);
}

int
report_layout_write(struct report_doc *doc, const struct report_furniture *f,
    const char *font_path, jtime_t now, const char *path, char *err,
    size_t errlen)
{
	struct report_file out;
	struct job j;
	int rc;

	/* The output first: a path that cannot be written fails at once. */
	rc = report_file_open(&out, path, err, errlen);
	if (rc != ST_OK)
		return rc;
	memset(&j, 0, sizeof j);
	rc = job_run(&j, doc, f, font_path, now, NULL, err, errlen);
	if (rc == ST_OK)
		rc = save(&j.p, &out, err, errlen);
	report_file_close(&out);
	job_free(&j);
	return rc;
}

int
report_layout_trace(struct report_doc *doc, const struct report_furniture *f,
    const char *font_path, jtime_t now, const struct report_trace *trace,
    char *err, size_t errlen)
{
	struct job j;
	int rc;

	memset(&j, 0, sizeof j);
	rc = job_run(&j, doc, f, font_path, now, trace, err, errlen);
	job_free(&j);
	return rc;
}
