/*
 * report_font.c - finds the report's Japanese TrueType font, makes every
 * text drawable with it and subsets it with HarfBuzz before libharu sees
 * it. Measured (shared/docs/pdf.md): embedding IPAex Gothic whole costs
 * 281 KB and ~90 ms even compressed; subset first, 33 KB and < 10 ms.
 */
#include "report_font.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hb.h>
#include <hb-subset.h>
#include <hpdf_streams.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

/* U+3013 GETA MARK, the customary stand-in for a character that cannot
 * be printed; '?' for a font without it. */
#define GETA 0x3013

static const char *const default_paths[] = {
	"/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
	/* Debian's alternative for "the" Japanese gothic font. */
	"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
};

struct report_font {
	char *path;
	hb_face_t *face;
	hb_font_t *font;		/* for cmap look-ups */
	hb_set_t *used;			/* code points drawn */
	uint32_t replacement;
};

static int
has_glyph(const struct report_font *f, uint32_t cp)
{
	hb_codepoint_t g;

	return hb_font_get_nominal_glyph(f->font, cp, &g);
}

/* NULL when usable, else why not. libharu embeds TrueType outlines only
 * (a 'glyf' table); the subset makes collections (.ttc) fine. */
static const char *
problem(const struct report_font *f)
{
	hb_blob_t *glyf;
	unsigned len;

	if (hb_face_get_glyph_count(f->face) == 0)
		return _("not a font file");
	glyf = hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
	len = hb_blob_get_length(glyf);
	hb_blob_destroy(glyf);
	if (len == 0)
		return _("no TrueType outlines (a .ttf font is needed)");
	if (!has_glyph(f, 0x3042) || !has_glyph(f, 0x6F0F))
		return _("no Japanese characters");
	return NULL;
}

static void
close_font(struct report_font *f)
{
	hb_font_destroy(f->font);
	hb_face_destroy(f->face);
	f->font = NULL;
	f->face = NULL;
}

/* Opens path into f; NULL on success, else why not. HarfBuzz reads what
 * it is given: a FIFO would keep it waiting for ever. */
static const char *
try_path(struct report_font *f, const char *path)
{
	struct stat sb;
	hb_blob_t *blob;
	const char *why;

	if (stat(path, &sb) != 0 || access(path, R_OK) != 0)
		return strerror(errno);
	if (!S_ISREG(sb.st_mode))
		return _("not a regular file");
	blob = hb_blob_create_from_file_or_fail(path);
	if (blob == NULL)
		return _("cannot read it");
	f->face = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	f->font = hb_font_create(f->face);
	why = problem(f);
	if (why != NULL)
		close_font(f);
	return why;
}

static int
found(struct report_font *f, const char *path, struct report_font **out)
{
	f->path = xstrdup(path);
	f->used = hb_set_create();
	/* What is drawn without passing through report_font_use: the page
	 * numbers ("12 / 16") and the hyphen of a split English word. Not
	 * the rest of ASCII: every glyph costs some 100 bytes, and a
	 * Japanese report uses few Latin letters (564 glyphs, the
	 * font two thirds of a 200-event report). */
	hb_set_add_range(f->used, '0', '9');
	hb_set_add(f->used, ' ');
	hb_set_add(f->used, '/');
	hb_set_add(f->used, '-');
	f->replacement = has_glyph(f, GETA) ? GETA : '?';
	hb_set_add(f->used, f->replacement);
	*out = f;
	return ST_OK;
}

int
report_font_find(const char *path, struct report_font **out, char *err,
    size_t errlen)
{
	struct report_font *f = xcalloc(1, sizeof *f);
	const char *env = getenv("ANSHIN_IR_FONT"), *why;
	struct buf tried;
	size_t i;

	*out = NULL;
	if (path == NULL && env != NULL && *env != '\0')
		path = env;
	if (path != NULL) {
		why = try_path(f, path);
		if (why == NULL)
			return found(f, path, out);
		free(f);
		return err_set(err, errlen, ST_CONFIG, _("font %s: %s (set "
		    "ANSHIN_IR_FONT to a Japanese TrueType font such as IPAex "
		    "Gothic, package fonts-ipaexfont-gothic)"), path, why);
	}
	buf_init(&tried);
	for (i = 0; i < sizeof default_paths / sizeof default_paths[0]; i++) {
		why = try_path(f, default_paths[i]);
		if (why == NULL) {
			buf_free(&tried);
			return found(f, default_paths[i], out);
		}
		buf_addf(&tried, "%s%s (%s)", i > 0 ? ", " : "",
		    default_paths[i], why);
	}
	free(f);
	err_set(err, errlen, ST_CONFIG, _("no usable Japanese font: tried %s; "
	    "install fonts-ipaexfont-gothic or set ANSHIN_IR_FONT to a "
	    "TrueType (.ttf) font"), tried.s);
	buf_free(&tried);
	return ST_CONFIG;
}

/* In libharu's UTF-8 mode code points above U+FFFF and invalid bytes
 * vanish without an error (docs/pdf.md); a character the font lacks would
 * print as a blank. All of them become the replacement, never nothing.
 * The set of code points used doubles as the cache of drawable ones. */
void
report_font_use(struct report_font *f, char **text)
{
	const char *s = *text;
	struct buf b;
	uint32_t cp;
	char utf8[4];

	buf_init(&b);
	buf_adds(&b, "");
	while (*s != '\0') {
		s = text_decode(s, &cp);
		if (cp != '\n' && !hb_set_has(f->used, cp)) {
			if (cp > 0xFFFF || !has_glyph(f, cp))
				cp = f->replacement;
			else
				hb_set_add(f->used, cp);
		}
		buf_add(&b, utf8, (size_t)text_encode(cp, utf8));
	}
	free(*text);
	*text = buf_steal(&b);
}

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* ---- a cmap libharu searches fast -------------------------------------
 * libharu finds a glyph by a linear search through the segments of the
 * cmap: 65536 times while it builds the CIDToGIDMap, and again for each
 * character measured or drawn. hb-subset writes a segment per run of
 * consecutive code points (some 300 for a Japanese report), which made
 * that search a third of the export's instructions (callgrind). The subset
 * gets a format 4 cmap of a few wide segments over a glyph array instead:
 * the unused code points in between are zeros, which compress to little. */

/* A format 4 subtable's length is 16 bits. */
#define CMAP4_MAX 65535

struct seg {
	uint32_t start, end;
};

/* Segments over the code points below U+FFFF, a new one wherever two are
 * more than gap apart; *entries gets the glyph array's length. */
static size_t
segments(const hb_set_t *used, uint32_t gap, struct seg **out,
    size_t *entries)
{
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	struct seg *s = NULL;
	size_t n = 0, i;

	while (hb_set_next(used, &cp) && cp < 0xFFFF) {
		if (n > 0 && cp - s[n - 1].end <= gap) {
			s[n - 1].end = cp;
			continue;
		}
		s = xreallocarray(s, n + 1, sizeof *s);
		s[n].start = s[n].end = cp;
		n++;
	}
	*entries = 0;
	for (i = 0; i < n; i++)
		*entries += s[i].end - s[i].start + 1;
	*out = s;
	return n;
}

static size_t
cmap4_size(size_t nseg, size_t entries)
{
	return 16 + 8 * (nseg + 1) + 2 * entries;
}

static void
put16(unsigned char **p, unsigned v)
{
	(*p)[0] = (unsigned char)(v >> 8);
	(*p)[1] = (unsigned char)v;
	*p += 2;
}

/* The cmap table: one (3, 1) format 4 subtable; the segments plus the
 * final U+FFFF one, each mapping through the glyph array. */
static hb_blob_t *
cmap_blob(hb_font_t *sub, const hb_set_t *used, const struct seg *segs,
    size_t nseg, size_t entries)
{
	size_t len = 12 + cmap4_size(nseg, entries), n = nseg + 1, i, first;
	unsigned char *t = xcalloc(1, len), *p = t, *glyphs;
	size_t *base = xcalloc(nseg + 1, sizeof *base);
	unsigned log2 = 0;
	hb_codepoint_t cp = HB_SET_VALUE_INVALID, g;

	while ((2u << log2) <= n)
		log2++;
	put16(&p, 0);			/* version */
	put16(&p, 1);			/* one encoding record: */
	put16(&p, 3);			/* Windows, */
	put16(&p, 1);			/* Unicode BMP, */
	put16(&p, 0);
	put16(&p, 12);			/* at offset 12 */
	put16(&p, 4);			/* format */
	put16(&p, (unsigned)cmap4_size(nseg, entries));
	put16(&p, 0);			/* language */
	put16(&p, (unsigned)(2 * n));
	put16(&p, 2u << log2);		/* searchRange */
	put16(&p, log2);		/* entrySelector */
	put16(&p, (unsigned)(2 * n - (2u << log2)));	/* rangeShift */
	for (i = 0; i < nseg; i++)
		put16(&p, segs[i].end);
	put16(&p, 0xFFFF);
	put16(&p, 0);			/* reservedPad */
	for (i = 0; i < nseg; i++)
		put16(&p, segs[i].start);
	put16(&p, 0xFFFF);
	for (i = 0; i < nseg; i++)
		put16(&p, 0);		/* idDelta */
	put16(&p, 1);			/* U+FFFF: glyph 0 */
	for (i = first = 0; i < nseg; i++) {
		base[i] = first;
		/* idRangeOffset: bytes from here to the segment's glyphs */
		put16(&p, (unsigned)(2 * (n - i + first)));
		first += segs[i].end - segs[i].start + 1;
	}
	put16(&p, 0);
	glyphs = p;
	for (i = 0; hb_set_next(used, &cp) && cp < 0xFFFF; ) {
		while (cp > segs[i].end)
			i++;
		if (hb_font_get_nominal_glyph(sub, cp, &g)) {
			p = glyphs + 2 * (base[i] + cp - segs[i].start);
			put16(&p, g);
		}
	}
	free(base);
	return hb_blob_create((const char *)t, (unsigned)len,
	    HB_MEMORY_MODE_WRITABLE, t, free);
}

/* The widest segments whose table still fits, NULL when none does (the
 * subset then keeps its own cmap). A gap of 256 gave a Japanese report
 * 24 segments and a 24 KB glyph array; wider gaps grow the array, narrower
 * ones the search. */
static hb_blob_t *
wide_cmap(hb_face_t *sub, const hb_set_t *used)
{
	static const uint32_t gaps[] = { 256, 64, 16, 1 };
	hb_font_t *font = hb_font_create(sub);
	hb_blob_t *blob = NULL;
	struct seg *segs;
	size_t i, n, entries;

	for (i = 0; blob == NULL && i < sizeof gaps / sizeof gaps[0]; i++) {
		n = segments(used, gaps[i], &segs, &entries);
		if (cmap4_size(n, entries) <= CMAP4_MAX)
			blob = cmap_blob(font, used, segs, n, entries);
		free(segs);
	}
	hb_font_destroy(font);
	return blob;
}

/* The font file with cmap in place of its own. A face built from the
 * file: HarfBuzz 6 lists no tables of the builder face hb-subset returns. */
static hb_blob_t *
replace_cmap(hb_blob_t *file, hb_blob_t *cmap)
{
	hb_face_t *b = hb_face_builder_create(), *sub = hb_face_create(file, 0);
	hb_tag_t tags[64];
	unsigned n = 64, i;
	hb_blob_t *table, *out;

	hb_face_get_table_tags(sub, 0, &n, tags);
	for (i = 0; i < n; i++) {
		table = tags[i] == HB_TAG('c', 'm', 'a', 'p') ?
		    hb_blob_reference(cmap) : hb_face_reference_table(sub,
		    tags[i]);
		hb_face_builder_add_table(b, tags[i], table);
		hb_blob_destroy(table);
	}
	out = hb_face_reference_blob(b);
	hb_face_destroy(b);
	hb_face_destroy(sub);
	return out;
}

/* The subset font file, NULL when HarfBuzz fails. Hinting goes: PDF
 * viewers do not need it and it was a third of the subset's size. */
static hb_blob_t *
subset(const struct report_font *f)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *sub;
	hb_blob_t *cmap, *file, *blob;

	if (in == NULL)
		return NULL;
	hb_set_union(hb_subset_input_unicode_set(in), f->used);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	sub = hb_subset_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	if (sub == NULL)
		return NULL;
	cmap = wide_cmap(sub, f->used);
	file = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	if (cmap == NULL)
		return file;
	blob = replace_cmap(file, cmap);
	hb_blob_destroy(cmap);
	hb_blob_destroy(file);
	return blob;
}

/* libharu 2.3.0 loads fonts from files only and reads the file again when
 * saving, through its own handle: the subset goes into an anonymous
 * memory file that vanishes with the last descriptor (docs/pdf.md). */
int
report_font_load(struct report_font *f, HPDF_Doc doc, const char **name,
    char *err, size_t errlen)
{
	hb_blob_t *blob = subset(f);
	const char *data;
	unsigned len = 0;
	char proc[64];
	int fd = -1, rc = ST_OK;

	*name = NULL;
	data = blob != NULL ? hb_blob_get_data(blob, &len) : NULL;
	if (len == 0)
		rc = err_set(err, errlen, ST_SOFTWARE, _("cannot subset the "
		    "font %s"), f->path);
	else if ((fd = memfd_create("anshin-ir-font", MFD_CLOEXEC)) < 0 ||
	    write_all(fd, data, len) != 0)
		rc = err_set(err, errlen, ST_IOERR, _("cannot pass the font "
		    "to the PDF library: %s"), strerror(errno));
	hb_blob_destroy(blob);
	if (rc == ST_OK) {
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
		*name = HPDF_LoadTTFontFromFile(doc, proc, HPDF_TRUE);
		if (*name == NULL)
			rc = err_set(err, errlen, ST_SOFTWARE, _("the PDF "
			    "library cannot load the font %s"), f->path);
	}
	if (fd >= 0)
		close(fd);
	return rc;
}

/* ---- the ToUnicode CMap --------------------------------------------------
 * A bfrange may not cross a change of the first byte, and a block holds
 * at most 100 entries (PDF 32000-1 9.10.3, Adobe technical note 5411). */

#define CMAP_BLOCK 100

struct cmap_entry {
	uint32_t lo, hi;
};

/* The runs of consecutive code points used, cut where the first byte
 * changes. */
static size_t
cmap_runs(const hb_set_t *used, struct cmap_entry **out)
{
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	struct cmap_entry *e = NULL;
	size_t n = 0;

	while (hb_set_next(used, &cp) && cp <= 0xFFFF) {
		if (n > 0 && cp == e[n - 1].hi + 1 && (cp >> 8) ==
		    (e[n - 1].lo >> 8)) {
			e[n - 1].hi = cp;
			continue;
		}
		e = xreallocarray(e, n + 1, sizeof *e);
		e[n].lo = e[n].hi = cp;
		n++;
	}
	*out = e;
	return n;
}

/* Entries of one kind (ranges or single codes) in blocks. */
static void
cmap_blocks(struct buf *b, const struct cmap_entry *e, size_t n, int ranges)
{
	const char *kind = ranges ? "bfrange" : "bfchar";
	size_t i, count = 0, k = 0;

	for (i = 0; i < n; i++)
		count += (e[i].hi > e[i].lo) == ranges;
	for (i = 0; i < n; i++) {
		if ((e[i].hi > e[i].lo) != ranges)
			continue;
		if (k % CMAP_BLOCK == 0)
			buf_addf(b, "%zu begin%s\n", count - k < CMAP_BLOCK ?
			    count - k : CMAP_BLOCK, kind);
		if (ranges)
			buf_addf(b, "<%04X> <%04X> <%04X>\n", (unsigned)e[i].lo,
			    (unsigned)e[i].hi, (unsigned)e[i].lo);
		else
			buf_addf(b, "<%04X> <%04X>\n", (unsigned)e[i].lo,
			    (unsigned)e[i].lo);
		if (++k % CMAP_BLOCK == 0 || k == count)
			buf_addf(b, "end%s\n", kind);
	}
}

static char *
cmap_text(const hb_set_t *used)
{
	struct cmap_entry *e;
	size_t n = cmap_runs(used, &e);
	struct buf b;

	buf_init(&b);
	buf_adds(&b, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	cmap_blocks(&b, e, n, 1);
	cmap_blocks(&b, e, n, 0);
	buf_adds(&b, "endcmap\nCMapName currentdict /CMap defineresource "
	    "pop\nend\nend\n");
	free(e);
	return buf_steal(&b);
}

/* libharu's internal object calls (hpdf_objects.h, hpdf_streams.h, both
 * installed and exported by 2.3.0): the stream object stays where the
 * font points to it; its dictionary loses what belongs to an encoding
 * CMap, not to a ToUnicode one. */
int
report_font_tounicode(const struct report_font *f, HPDF_Font font)
{
	HPDF_Dict tu = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	char *text;
	HPDF_STATUS s;

	if (tu == NULL || tu->stream == NULL)
		return HPDF_INVALID_OBJECT;
	HPDF_Dict_RemoveElement(tu, "Type");
	HPDF_Dict_RemoveElement(tu, "CMapName");
	HPDF_Dict_RemoveElement(tu, "CIDSystemInfo");
	HPDF_Dict_RemoveElement(tu, "WMode");
	HPDF_MemStream_FreeData(tu->stream);
	text = cmap_text(f->used);
	s = HPDF_Stream_WriteStr(tu->stream, text);
	free(text);
	return (int)s;
}

void
report_font_free(struct report_font *f)
{
	if (f == NULL)
		return;
	close_font(f);
	hb_set_destroy(f->used);
	free(f->path);
	free(f);
}
