# test_contract.sh - the contract between C and the data (src/core/contract.h):
# a key the program reads, renamed consistently in the form, the rules and
# the drills, used to pass check-data while that part of the PDF went blank;
# a field of another type, or a choice without labels (shown as its raw id),
# passed too. Each is now FILE:LINE and exit 78, from check-data and from
# every other command, which loads the same data. And C spells none of
# these names outside the table.

D="$TMP/d"
D_FORM="$D/forms/intake.form"

fresh_data() { data_copy "$D"; }

# rename_key OLD NEW: OLD becomes NEW wherever it is a whole word of the
# form, the rules and the drills.
rename_key() {
	grep -rlw -- "$1" "$D/forms" "$D/data" | while read -r f; do
		sed -i "s/\\b$1\\b/$2/g" "$f"
	done
}

# refused WHAT MESSAGE: check-data and `list` both exit 78 with MESSAGE.
refused() { expect_data_refused "$D" "$1" "$2"; }

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

# No string literal of a form key, event kind or action status outside
# the table: C names them FIELD_*, EVENT_* and contract_status_name. The
# same words in other roles are listed with the file that uses them
# (messages in _() and comments do not count).
names=$(sed -n 's/^	X([A-Z_]*, "\([a-z_]*\)".*/\1/p' "$REPO/src/core/contract.h" |
    paste -sd '|')
found=$(cd "$REPO" && grep -rnE "\"($names)\"" src --include='*.[ch]' |
    grep -vE '^src/core/contract\.[ch]:' |
    grep -vE '^[^:]+:[0-9]+:[[:space:]]*(/\*|\*|//)' |
    awk -F: -v re="\"($names)\"" '{
	file = $1; text = substr($0, length($1) + length($2) + 3)
	gsub(/N?_\("[^"]*"\)/, "", text)
	while (match(text, re)) {
		print file " " substr(text, RSTART, RLENGTH)
		text = substr(text, RSTART + RLENGTH)
	} }' | LC_ALL=C sort -u)
others='src/cli/cli.c "answer"
src/cli/cli.c "device"
src/cli/cli.c "done"
src/cli/cli.c "export"
src/cli/cli.c "note"
src/cli/cli_notice.c "answer"
src/cli/cli_notice.c "enquiry"
src/cli/cli_notice.c "note"
src/cli/cli_prepare.c "export"
src/cli/cli_view.c "closed"
src/cli/cli_view.c "kind"
src/cli/cli_view.c "open"
src/core/contacts.c "carrier"
src/core/contacts.c "note"
src/core/contacts.c "person_in_charge"
src/core/ledger.c "note"
src/core/ledger_gaps.c "done"
src/core/notice_csv.c "note"
src/core/rules.c "encryption"
src/core/rules_load.c "action"
src/report/report.c "notice"
src/report/report_card.c "carrier"
src/report/report_card.c "person_in_charge"
src/report/report_letter.c "remote_wipe"
src/tui/keys.c "closed"
src/tui/keys.c "done"
src/tui/keys.c "enquiry"
src/tui/keys.c "open"
src/tui/settings.c "carrier"
src/tui/settings.c "note"
src/tui/settings.c "person_in_charge"'
# commands and options (cli.c, cli_prepare.c), the incident's own
# open/closed and the timeline's column "kind" (cli_view.c), contacts
# sections and keys (contacts.c, settings.c, the card), the ledger's own
# key "note", the ledger's remote_wipe value "done" (never proposed), the
# exemption "encryption", the [action] block, the remote wipe action
# (report_letter.c), the key bar's words, the notices' subcommand, machine
# keys and CSV column (cli_notice.c, notice_csv.c), export's --doc notice
# (report.c).
extra=$(LC_ALL=C comm -23 <(printf '%s\n' "$found") <(printf '%s\n' "$others"))
if [ -n "$found" ] && [ -z "$extra" ]; then pass; else
	fail "no literal of a contract name outside contract.h" "$extra"; fi
