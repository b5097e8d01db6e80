/*
 * report_font.h - the Japanese TrueType font of the PDF report: found at
 * run time (an explicit path, $ANSHIN_IR_FONT, else the IPAex Gothic
 * paths), checked, reduced with HarfBuzz hb-subset to the code points the
 * document uses, and handed to libharu.
 */
#ifndef ANSHIN_REPORT_FONT_H
#define ANSHIN_REPORT_FONT_H

#include <stddef.h>

#include <hpdf.h>

struct report_font;

/* Opens the font: path, else $ANSHIN_IR_FONT, else the default paths.
 * ST_CONFIG with the paths tried when none is a usable TrueType font
 * with Japanese glyphs. */
int report_font_find(const char *path, struct report_font **out, char *err,
    size_t errlen);
/* Rewrites *text so that the font can draw all of it (what it cannot,
 * and what libharu would drop, becomes 〓) and notes its code points. */
void report_font_use(struct report_font *f, char **text);
/* Subsets the font to the code points noted and loads it into doc
 * (embedded); *name is libharu's font name. */
int report_font_load(struct report_font *f, HPDF_Doc doc, const char **name,
    char *err, size_t errlen);
/* Replaces the ToUnicode CMap libharu 2.3.0 gives font (a CID range
 * mapping every code to 0, which poppler rejects) with one that maps
 * each code used to its character: in UTF-8 mode a character's code is
 * its UCS-2 value, so bfrange and bfchar entries map codes to
 * themselves. */
int report_font_tounicode(const struct report_font *f, HPDF_Font font);
void report_font_free(struct report_font *f);

#endif
