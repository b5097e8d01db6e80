# test_widths.sh - the display-width tables in src/core/text.c are what
# tools/gen-widths.py makes of the UCD files in tools/ucd/, and a change to
# either is caught here.
GEN="$REPO/tools/gen-widths.py"
out=$(python3 "$GEN" "$REPO/tools/ucd" 2>&1)
expect_rc_widths=$?
if [ "$expect_rc_widths" = 0 ]; then pass; else fail "gen-widths.py failed" "$out"; fi
tables=$(awk '/^static const struct range wide_ranges\[\] = \{/,/^\};/' "$REPO/src/core/text.c"
	printf '\n'
	awk '/^static const struct range zero_ranges\[\] = \{/,/^\};/' "$REPO/src/core/text.c")
expect_eq "$tables" "$out" "text.c's tables are the generator's output"
# The generator refuses a later-version code point the UCD files assign.
mkdir -p "$TMP/ucd"
cp "$REPO"/tools/ucd/*.txt "$TMP/ucd/"
printf '3042 ; W\n' >>"$TMP/ucd/after-15.0.txt"
out=$(python3 "$GEN" "$TMP/ucd" 2>&1)
if [ $? != 0 ] && printf '%s' "$out" | grep -q 'U+3042..3042 is assigned'; then pass; else
	fail "after-15.0.txt may not change an assigned code point" "$out"; fi
