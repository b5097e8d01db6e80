# test_contract.sh - the contract between C and the data (src/core/contract.h):
# a key the program reads, renamed consistently in the form, the rules and
# the drills, used to pass check-data while that part of the PDF went blank;
# a field of another type, or a choice without labels (shown as its raw id),
# passed too. Each is now FILE:LINE and exit 78, from check-data and from
# every other command, which loads the same data.

D="$TMP/d"
D_FORM="$D/forms/intake.form"

# A private copy of the shipped forms/ and data/.
fresh_data() {
	rm -rf "$D"
	mkdir -p "$D"
	cp -R "$REPO/forms" "$REPO/data" "$D/"
}

# rename_key OLD NEW: OLD becomes NEW wherever it is a whole word of the
# form, the rules and the drills.
rename_key() {
	grep -rlw -- "$1" "$D/forms" "$D/data" | while read -r f; do
		sed -i "s/\\b$1\\b/$2/g" "$f"
	done
}

# refused WHAT MESSAGE: check-data and `list` both exit 78 with MESSAGE.
refused() {
	air --lang en check-data "$D"
	expect_rc 78 "check-data: $1"
	expect_err_has "$2" "check-data: $1, named"
	air --lang en --data-dir "$D" list
	expect_rc 78 "list: $1"
	expect_err_has "$2" "list: $1, named"
}

fresh_data
air --lang en check-data "$D"
expect_rc 0 "the copied data is valid"

# The rename is consistent: a key the program does not read renamed the
# same way still loads, so only the contract tells the two apart.
fresh_data
rename_key involved involved_staff
air --lang en check-data "$D"
expect_rc 0 "a key C does not read may be renamed everywhere"

fresh_data
rename_key secondary_damage_detail secondary_damage_note
if grep -qw secondary_damage_note "$D/data/drills/verbal-leak.drill"; then
	pass; else fail "the rename reached the drills"; fi
last=$(grep -n . "$D_FORM" | tail -1 | cut -d: -f1)
refused "secondary_damage_detail renamed" \
    "$D_FORM:$last: no [field secondary_damage_detail]"

fresh_data
rename_key discovered_at found_at
refused "discovered_at renamed" "$D_FORM:$last: no [field discovered_at]"

# Of another type: C reads summary as text.
fresh_data
line=$(grep -n '^\[field summary\]' "$D_FORM" | cut -d: -f1)
sed -i "/^\[field summary\]/,/^\[field /s/^type = text\$/type = int/" "$D_FORM"
refused "summary made an int" \
    "$D_FORM:$line: field 'summary' is of type int, but the program reads it as text"

# text and longtext differ only in the editor.
fresh_data
sed -i "/^\[field summary\]/,/^\[field /s/^type = text\$/type = longtext/" "$D_FORM"
air --lang en check-data "$D"
expect_rc 0 "summary as longtext"

# A choice without labels, and one with a Japanese label only.
fresh_data
line=$(grep -n '^\[field secondary_damage\]' "$D_FORM" | cut -d: -f1)
sed -i '/^\[field secondary_damage\]/,/^\[field /{/^choice\.suspected\.\(ja\|en\) = /d}' "$D_FORM"
refused "a choice without labels" \
    "$D_FORM:$line: field 'secondary_damage': choice 'suspected' needs choice.suspected.ja and choice.suspected.en"

fresh_data
sed -i '/^\[field secondary_damage\]/,/^\[field /{/^choice\.suspected\.en = /d}' "$D_FORM"
refused "a choice without an English label" \
    "$D_FORM:$line: field 'secondary_damage': choice 'suspected'"
