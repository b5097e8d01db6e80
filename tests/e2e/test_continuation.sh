# test_continuation.sh - long values of forms, rules and drills go on over
# indented lines (anshin-ir(5), COMMON SYNTAX): the shipped data fits 100
# columns, reads exactly as its one-line form (data_joined), cut at a space, after a line
# break or between two wide characters it still does, an indented line
# with nothing to continue is FILE:LINE and exit 78, and answers files
# keep one line per answer (an indented line there is no continuation).

J="$TMP/joined"
C="$TMP/cut"

# one_line_copy DIR: the shipped forms/ and data/ with every value on one
# line, as the program reads them.
one_line_copy() {
	local f
	data_copy "$1"
	for f in "$1"/forms/*.form "$1"/data/*.rules "$1"/data/drills/*.drill; do
		data_joined "$f" >"$f.new" && mv "$f.new" "$f"
	done
}

# outputs DIR NAME: what the program shows of the data in DIR, for each
# fixture incident and for the drills, in $TMP/NAME.out.
outputs() {
	local fx ref
	rm -f "$TMP/$2.db" "$TMP/$2.out"
	for fx in lost-tablet ransomware fax-internal; do
		ANSHIN_IR_DB="$TMP/$2.db" air --lang en --data-dir "$1" new \
		    --answers "$REPO/tests/fixtures/$fx.answers"
		ref=$OUT
		for lang in ja en; do
			ANSHIN_IR_DB="$TMP/$2.db" air --lang $lang --data-dir "$1" \
			    checklist "$ref" --format json
			printf '%s\n' "$OUT" >>"$TMP/$2.out"
			ANSHIN_IR_DB="$TMP/$2.db" air --lang $lang --data-dir "$1" \
			    show "$ref"
			printf '%s\n' "$OUT" >>"$TMP/$2.out"
		done
	done
	air --lang en --data-dir "$1" drill --list
	printf '%s\n' "$OUT" >>"$TMP/$2.out"
}

# The shipped data is written with its long values cut to fit 100
# columns (wide characters count two).
for f in "$REPO"/forms/*.form "$REPO"/data/*.rules "$REPO"/data/drills/*.drill
do
	w=$(LC_ALL=C.UTF-8 wc -L <"$f")
	if [ "$w" -le 100 ] && grep -q '^    [^ ]' "$f"; then pass; else
		fail "${f#"$REPO"/} fits 100 columns on continuation lines" \
		    "widest line: $w columns"; fi
done

one_line_copy "$J"
if grep -q '^[ 	]' "$J/data/actions.rules"; then
	fail "data_joined leaves no continuation line"; else pass; fi
air --lang en check-data "$J"
expect_rc 0 "the one-line copy is valid"
outputs "$REPO" shipped
outputs "$J" joined
if [ -s "$TMP/shipped.out" ] && cmp -s "$TMP/shipped.out" "$TMP/joined.out"
then pass; else
	fail "the shipped data reads as its one-line form" \
	    "$(diff "$TMP/shipped.out" "$TMP/joined.out" | head -20)"; fi

# Cut anew: at a space, after each line break (\n), between two wide
# characters, and after a key line that holds nothing.
one_line_copy "$C"
rules="$C/data/actions.rules"
sed -i '/^\[action change_password\]/,/^\[action /{
	s/^\(detail\.en = .*\) at once: /\1 at\n    once: /
	/^detail\.en = /s/\\n/\\n\n\t/g
	s/(京あんしん\(ネット)\)/(京あんしん\n  \1/
	s/^\(detail\.ja = .*\)直ちに変更/\1直ちに\n    変更/
	s/^reason\.en = /reason.en =\n    /
}' "$rules"
n=$(sed -n '/^\[action change_password\]/,/^\[action /p' "$rules" |
    grep -c '^[ 	]')
if [ "$n" -ge 7 ]; then pass; else
	fail "the cuts were made ($n continuation lines)" \
	    "$(sed -n '/^\[action change_password\]/,/^\[action /p' "$rules")"; fi
outputs "$C" cut
if cmp -s "$TMP/joined.out" "$TMP/cut.out"; then pass; else
	fail "values cut over lines read as before" \
	    "$(diff "$TMP/joined.out" "$TMP/cut.out" | head -20)"; fi

# Cut between two narrow characters, the join puts a space there.
one_line_copy "$C"
sed -i '/^\[action change_password\]/,/^\[action /{
	s/^\(title\.en = Change the\) passwords/\1\n    pass\n  words/
}' "$rules"
ANSHIN_IR_DB="$TMP/narrow.db" air --lang en --data-dir "$C" new \
    --answers "$REPO/tests/fixtures/lost-tablet.answers"
ANSHIN_IR_DB="$TMP/narrow.db" air --lang en --data-dir "$C" checklist "$OUT"
expect_out_has "Change the pass words" "two narrow pieces are joined by a space"

# An indented line with nothing to continue.
one_line_copy "$C"
line=$(grep -n '^\[action change_password\]' "$rules" | cut -d: -f1)
# insert_after FILE LINE TEXT: TEXT (printf format) after line LINE.
insert_after() {
	awk -v n="$2" -v t="$(printf "$3")" '{ print } NR == n { print t }' \
	    "$1" >"$1.new" && mv "$1.new" "$1"
}

insert_after "$rules" "$line" '    phase = immediate'
air --lang en check-data "$C"
expect_rc 78 "check-data: an indented line after a block head"
expect_err_has "$rules:$((line + 1)): an indented line continues" \
    "check-data names the indented line"
air --lang en --data-dir "$C" list
expect_rc 78 "list: an indented line after a block head"

one_line_copy "$C"
form="$C/forms/intake.form"
line=$(grep -n '^label\.en = Kind of incident$' "$form" | cut -d: -f1)
insert_after "$form" "$line" '\n    (see the help)'
air --lang en check-data "$C"
expect_rc 78 "check-data: an indented line after a blank line"
expect_err_has "$form:$((line + 2)): an indented line continues" \
    "check-data names the line after the blank"

# Answers files: one line per answer (docs/contract.md §2).
printf 'kind = device_loss\nsummary = Tablet lost\n    in a taxi\n' \
    >"$TMP/cont.answers"
air --lang en new --answers "$TMP/cont.answers"
expect_rc 65 "an answers file takes no continuation line"
expect_err_has "$TMP/cont.answers:3: expected 'key = value' but found 'in a taxi'" \
    "the indented line is named"
printf 'kind = device_loss\n  summary = Tablet lost\n' >"$TMP/indent.answers"
air --lang en new --answers "$TMP/indent.answers"
expect_rc 0 "an indented key line is still a key line in an answers file"
air answers "$OUT"
expect_out_has "summary = Tablet lost" "the indented answer is stored"
