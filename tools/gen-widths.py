#!/usr/bin/env python3
"""gen-widths.py - the display-width tables of src/core/text.c, from the
Unicode Character Database files in tools/ucd/.

Usage (from the repository root):
    tools/gen-widths.py tools/ucd > build/widths.c
then paste the two arrays over those in src/core/text.c; `make check`
fails while the file and the generator disagree (tests/e2e/test_widths.sh).

What is wide: East_Asian_Width W or F (EastAsianWidth.txt; code points it
does not list are N, except the unassigned ones of the CJK ideograph blocks
and planes 2 and 3, which the file's header makes W).

What is zero width: general categories Mn, Me and Cf
(DerivedGeneralCategory.txt) and the default-ignorable code points
(DerivedCoreProperties.txt), plus the conjoining Hangul vowels and finals
U+1160-11FF and U+D7B0-D7FF, which terminals join to the syllable before
them (as glibc does); but not U+00AD SOFT HYPHEN, the Hangul fillers
U+115F, U+3164 and U+FFA0, nor the prepended concatenation marks
(PropList.txt), which terminals and fonts show.

tools/ucd/ holds Unicode 15.0 (Debian's unicode-data 15.0.0). The tables
were first made from Unicode 17.0, so characters assigned after 15.0 (new
emoji, CJK strokes, scripts) keep their 17.0 widths: they are listed in
tools/ucd/after-15.0.txt ("RANGE ; W" or "RANGE ; Z"), and only code points
unassigned in the 15.0 files may appear there. To move to a newer Unicode,
replace the four UCD files with that version's and empty after-15.0.txt.
"""
import os
import sys

MAX = 0x110000


def read_ranges(path):
    """(first, last, value) for each data line of a UCD file."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            first, _, last = fields[0].partition("..")
            yield int(first, 16), int(last or first, 16), fields[1]


def cjk_default_wide(cp):
    return (0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or
            0xF900 <= cp <= 0xFAFF or 0x20000 <= cp <= 0x2FFFD or
            0x30000 <= cp <= 0x3FFFD)


def property_set(path, name):
    out = set()
    for first, last, value in read_ranges(path):
        if value == name:
            out.update(range(first, last + 1))
    return out


def tables(ucd):
    eaw = {}
    for first, last, value in read_ranges(os.path.join(ucd, "EastAsianWidth.txt")):
        for cp in range(first, last + 1):
            eaw[cp] = value
    assigned, zero = set(), set()
    for first, last, value in read_ranges(os.path.join(ucd, "DerivedGeneralCategory.txt")):
        if value != "Cn":
            assigned.update(range(first, last + 1))
        if value in ("Mn", "Me", "Cf"):
            zero.update(range(first, last + 1))
    wide = {cp for cp in range(MAX)
            if eaw.get(cp, "W" if cjk_default_wide(cp) else "N") in ("W", "F")}
    zero |= property_set(os.path.join(ucd, "DerivedCoreProperties.txt"),
                         "Default_Ignorable_Code_Point")
    zero |= set(range(0x1160, 0x1200)) | set(range(0xD7B0, 0xD800))
    # the Hangul fillers are letters that take a cell in terminals
    zero -= {0x00AD, 0x115F, 0x3164, 0xFFA0}
    zero -= property_set(os.path.join(ucd, "PropList.txt"),
                         "Prepended_Concatenation_Mark")
    later = os.path.join(ucd, "after-15.0.txt")
    if os.path.exists(later):
        for first, last, value in read_ranges(later):
            cps = set(range(first, last + 1))
            if cps & assigned:
                sys.exit("%s: U+%04X..%04X is assigned in the UCD files"
                         % (later, first, last))
            (wide if value == "W" else zero).update(cps)
    return sorted(wide), sorted(zero)


def ranges(cps):
    out = []
    for cp in cps:
        if out and out[-1][1] == cp - 1:
            out[-1][1] = cp
        else:
            out.append([cp, cp])
    return out


def emit(name, cps):
    """The array as text.c has it: entries filled into lines of at most
    80 columns (a tab is 8), the last entry without a comma."""
    print("static const struct range %s[] = {" % name)
    items = ["{0x%04X,0x%04X}" % (a, b) for a, b in ranges(cps)]
    line = ""
    for i, item in enumerate(items):
        item += "," if i + 1 < len(items) else ""
        if line and 8 + len(line) + 1 + len(item) > 80:
            print("\t" + line)
            line = ""
        line = line + " " + item if line else item
    print("\t" + line)
    print("};")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tools/gen-widths.py UCD-DIR")
    wide, zero = tables(sys.argv[1])
    emit("wide_ranges", wide)
    print()
    emit("zero_ranges", zero)


main()
