# test_cli.sh - the command-line contract of docs/contract.md §1-§6 through the
# real binary: every command, every error exit, and the worked example.
FIX="$REPO/tests/fixtures"

air --version
expect_rc 0 "--version"
expect_out_has "anshin-ir " "--version prints the name"
air --help
expect_rc 0 "--help"
for c in new resume set list show answers assess checklist done skip \
    reopen-action note timeline close reopen check-data; do
	expect_out_has "  $c " "--help lists $c"
done
air frobnicate
expect_rc 64 "unknown command"
expect_err_has "frobnicate" "unknown command is named"
air list --frob
expect_rc 64 "unknown option"
air --lang fr list
expect_rc 64 "bad --lang"
air show
expect_rc 64 "show without REF"
air list --reason x
expect_rc 64 "option that does not apply"

# The worked example of shared/examples.
new_incident "$FIX/lost-tablet.answers"
expect_eq "$REF" "2026-0001" "first reference of 2026"
air assess "$REF"
expect_eq "$(printf '%s\n' "$OUT" | head -6)" "$(cat "$FIX/lost-tablet.assess")" \
    "assess matches the worked example"
expect_eq "$(printf '%s\n' "$OUT" | sed -n 6p)" "report_by=facility" \
    "report_by is the sixth key"
air checklist "$REF" --format tsv
expect_eq "$(printf '%s\n' "$OUT" | head -1)" \
    "$(printf 'action\tphase\tpriority\tstatus\tdue\ttitle')" "checklist tsv header"
for a in assemble_team assess_reportability change_password suspend_user_id \
    remote_wipe line_suspension mdm_lock search_lost_item police_lost_report \
    update_device_ledger ppc_preliminary_report ppc_final_report \
    notify_individuals decide_publication recurrence_prevention staff_education; do
	expect_out_has "$a	" "lost tablet needs $a"
done
for a in police_theft_report contact_recipient isolate_system \
    estimate_persons_count report_municipality; do
	expect_out_lacks "$a	" "lost tablet does not need $a"
done
expect_out_has "$(printf 'ppc_final_report\treport\t')" "final report listed"
if printf '%s\n' "$OUT" | grep -q "^ppc_final_report	.*	open	2026-11-04	"; then pass; else fail "final report due date" "$OUT"; fi
if printf '%s\n' "$OUT" | grep -q "^ppc_preliminary_report	.*	open	2026-10-09	"; then pass; else fail "preliminary due date" "$OUT"; fi
# sorted by phase, then priority, then the file's order (the order of
# acting: the wipe before the line, the access log with the suspension)
order=$(printf '%s\n' "$OUT" | tail -n +2 | cut -f1 | paste -sd' ')
case " $order " in
*" suspend_user_id check_network_log "*" remote_wipe line_suspension "*) pass ;;
*) fail "the immediate actions in the order of acting" "$order" ;;
esac
phases=$(printf '%s\n' "$OUT" | tail -n +2 | cut -f2 | uniq | tr '\n' ' ')
expect_eq "$phases" "immediate investigate report followup " "checklist sorted by phase"
air checklist "$REF" --format json
if printf '%s' "$OUT" | jq -e '.[0] | has("action") and has("phase") and has("priority") and has("status") and has("due") and has("title") and has("reason") and has("detail") and has("source")' >/dev/null; then pass; else fail "checklist json" "$OUT"; fi
air checklist "$REF" --format json
expect_out_has "サポートデスク" "suspend_user_id detail names the support desk"
expect_eq "$(printf '%s' "$OUT" | jq -r '.[] | select(.action == "update_device_ledger") | .source')" \
    "施設ガイド §1-3; 厚生労働省「医療情報システムの安全管理に関するガイドライン」第6.0版 企画管理編（情報及び情報機器の持出し）" \
    "json: the source in Japanese, the MHLW guideline 6.0"
air --lang en checklist "$REF" --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '.[] | select(.action == "suspend_user_id") | .source')" \
    "Facility guide §3-2" "json --lang en: the source in English"
air checklist "$REF" --format xml
expect_rc 64 "bad --format"

# answers round-trips through new --answers.
air answers "$REF"
printf '%s\n' "$OUT" >"$TMP/round.answers"
air new --answers "$TMP/round.answers"
REF2=$OUT
expect_eq "$REF2" "2026-0002" "second reference"
air assess "$REF2"
A2=$OUT
air assess "$REF"
expect_eq "$A2" "$OUT" "round-tripped answers give the same assessment"
air answers "$REF2"
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2)" \
    "$(tail -n +2 "$TMP/round.answers")" "answers round-trip exactly"
air new --answers - <"$FIX/lost-tablet.answers"
expect_rc 0 "answers from stdin"

# Bad answers files: exit 65, FILE:LINE, allowed values, nothing stored.
air list --all --format tsv
before=$(printf '%s\n' "$OUT" | wc -l)
bad() { # NAME CONTENT EXPECTED-IN-STDERR
	printf '%b' "$2" >"$TMP/$1.answers"
	air --lang en new --answers "$TMP/$1.answers"
	expect_rc 65 "bad answers: $1"
	expect_err_has "$TMP/$1.answers:$3" "bad answers $1 names file:line"
	[ -n "${4:-}" ] && expect_err_has "$4" "bad answers $1 explains"
}
bad unknown_key 'kind = device_loss\nkidn = x\n' 2 "unknown key 'kidn'"
bad bad_choice 'kind = lost_phone\n' 1 "allowed: device_loss, device_theft"
bad bad_time 'kind = device_loss\ndiscovered_at = 2026-02-30 10:00\n' 2 "impossible date 2026-02-30"
bad bad_time_form 'kind = device_loss\ndiscovered_at = 14:50\n' 2 "(expected YYYY-MM-DD HH:MM[:SS])"
# the expected form is said once, not twice
if [ "$(printf '%s' "$ERR" | grep -o 'expected' | wc -l)" = 1 ]; then pass; else
	fail "the expected time form is stated once" "$ERR"; fi
bad negative '# c\n\npersons_count = -5\n' 3 "negative"
bad not_number 'persons_count = many\n' 1 "whole number"
bad twice 'kind = other\nkind = verbal\n' 2 "twice"
bad escape 'summary = a\\qb\n' 1 "escape"
bad none_mixed 'data_types = none, medical\n' 1 "none"
bad multi_bad 'data_types = medical, dna\n' 1 "allowed: patient_identity"
bad future 'discovered_at = 2026-10-08 09:01\n' 1 "future"
bad order 'discovered_at = 2026-10-05 10:00\noccurred_at = 2026-10-05 11:00\n' 2 "after discovered_at"
bad unknown_time 'discovered_at = unknown\n' 1 "unknown"
bad section '[x]\n' 1 "section"
bad noeq 'kind device_loss\n' 1 "key = value"
air list --all --format tsv
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "$before" "bad answers stored nothing"
printf '\xef\xbb\xbfkind = other\r\nsummary = CRLF と BOM\r\n' >"$TMP/bom.answers"
air new --answers "$TMP/bom.answers"
expect_rc 0 "BOM and CRLF accepted"
air answers "$OUT"
expect_out_has "summary = CRLF と BOM" "CRLF stripped"
air new --answers "$TMP/missing.answers"
expect_rc 66 "missing answers file"
air show 2026-9999
expect_rc 66 "unknown incident"
air show D2026-0001
expect_rc 66 "unknown drill"
air show 1
expect_rc 0 "numeric id"

# set: validated, KEY= clears, each change an event.
air set "$REF" persons_count=1500 persons_basis=exact --by 鈴木
expect_rc 0 "set"
air assess "$REF"
expect_out_has "grounds=sensitive,over_1000" "set changes the grounds"
air set "$REF" persons_count=lots
expect_rc 65 "set bad value"
expect_err_has "整数" "set error in Japanese by default"
expect_err_has "persons_count=lots" "set error names the argument"
air --lang en set "$REF" nokey=1
expect_rc 65 "set unknown key"
expect_err_has "unknown key 'nokey' (known keys: kind, discovered_at," \
    "set names the known keys, as an answers file does"
# set reads values as people type them (docs/contract.md §1): the clock is
# 2026-10-06 09:00, so a bare 08:15 is today.
air set "$REF" "occurred_at=２０２６－１０－０５　１７：４０"
expect_rc 0 "set: full-width date and time with the ideographic space"
air set "$REF" "reported_at=08:15" "records_count=1,200件"
expect_rc 0 "set: a bare time of day, a count with separators and 件"
air answers "$REF"
expect_out_has "occurred_at = 2026-10-05 17:40" "set: full-width stored canonically"
expect_out_has "reported_at = 2026-10-06 08:15" "set: a bare HH:MM is today"
expect_out_has "records_count = 1200" "set: 1,200件 is 1200"
air set "$REF" "reported_at=23:00"
expect_rc 65 "set: today's 23:00 is still to come"
expect_err_has "責任者への報告日時" "set: the error names the label"
expect_err_has "reported_at=23:00" "set: and the argument"
air --lang en set "$REF" "records_count=many"
expect_rc 65 "set: not a number"
expect_err_has "Number of records: 'many' is not a whole number; type it like 40" \
    "set: the English label and one example"
air set "$REF" "reported_at=" "records_count="
air set "$REF" persons_count
expect_rc 64 "set without ="
air set "$REF" "occurred_at=2026-10-06 08:00"
expect_rc 65 "set: occurred after discovered"
air set "$REF" narrative=
expect_rc 0 "set KEY= clears"
air answers "$REF"
expect_out_lacks "narrative =" "cleared answer gone"
air timeline "$REF" --format tsv
expect_eq "$(printf '%s\n' "$OUT" | head -1)" "$(printf 'at\tkind\tkey\told\tnew\tby')" "timeline tsv header"
expect_out_has "$(printf 'answer\tpersons_count\t42\t1500\t鈴木')" "set is an event with old and new"
expect_out_has "$(printf 'answer\tnarrative\t')" "clearing is an event"
expect_out_has "2026-10-06T09:00:00+09:00	created" "events in Japan time"

# Actions: done, skip, reopen-action, errors.
air done "$REF" change_password --by 田中 --at "2026-10-05 19:00" --note "院内で変更"
expect_rc 0 "done"
air done "$REF" change_password
expect_rc 0 "done twice"
air timeline "$REF" --format tsv
expect_eq "$(printf '%s\n' "$OUT" | grep -c 'action	change_password')" 1 "done twice adds no event"
air checklist "$REF" --format json
expect_out_has '"by":"田中","at":"2026-10-05T19:00:00+09:00","note":"院内で変更"' "done records who, when and the note"
air skip "$REF" mdm_lock
expect_rc 64 "skip without reason"
air skip "$REF" mdm_lock --reason "MDM 未契約"
expect_rc 0 "skip"
air done "$REF" no_such_action
expect_rc 65 "unknown action"
air done "$REF" isolate_system
expect_rc 65 "inapplicable action"
expect_err_has "isolate_system" "inapplicable action is named"
air reopen-action "$REF" mdm_lock
expect_rc 0 "reopen-action"
air checklist "$REF" --format tsv
expect_out_has "mdm_lock	immediate	" "reopened action listed"
expect_out_has "change_password	immediate	1	done	" "done action listed done"
# history stays when the rule stops applying; open ones disappear
air set "$REF" network_access=no browser_saved_login=no
air checklist "$REF" --format tsv
expect_out_has "change_password	immediate	1	done" "done action stays after its rule stops"
expect_out_lacks "suspend_user_id" "open action disappears when its rule stops"
air set "$REF" remote_wipe=done
air checklist "$REF" --format tsv
expect_out_has "remote_wipe	immediate	1	done" "remote_wipe=done marks the action done"
air note "$REF" "警察へ遺失届を提出（受理番号 123）"
expect_rc 0 "note"
air timeline "$REF"
expect_out_has "警察へ遺失届を提出" "text timeline shows the note"

# Closing.
air close "$REF" --measures "持ち出し端末の暗号化を徹底"
expect_rc 1 "close refused while actions are open"
expect_err_has "assemble_team" "close lists the open actions"
air checklist "$REF" --format tsv
for a in $(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$4=="open" && $2!="followup" {print $1}'); do
	air done "$REF" "$a"
done
air close "$REF" --measures ""
expect_rc 1 "close refused without measures"
air close "$REF" --measures "持ち出し端末の暗号化を徹底"
expect_rc 0 "close"
air checklist "$REF" --format tsv
expect_out_has "recurrence_prevention	followup	" "recurrence_prevention listed"
expect_out_has "recurrence_prevention	followup	1	done" "closing marks recurrence_prevention done"
air show "$REF"
expect_out_has "持ち出し端末の暗号化を徹底" "show has the measures"
for cmd in "set $REF summary=x" "done $REF staff_education" "skip $REF staff_education --reason x" "note $REF x"; do
	air $cmd
	expect_rc 1 "closed incident refuses: $cmd"
done
air list --format tsv
expect_out_lacks "$REF	" "closed incident not in default list"
air list --all --format tsv
expect_out_has "$REF	closed	device_loss	2026-10-05 18:20	yes	" "closed incident in list --all"
air reopen "$REF" --by 鈴木
expect_rc 0 "reopen"
air timeline "$REF" --format tsv
expect_out_has "reopened" "reopen is an event"
expect_out_has "closed" "close is an event"

# list formats, ordering, overdue.
air list --format json
if [ "$(printf '%s' "$OUT" | jq -c '.[0] | keys')" = '["discovered_at","kind","next_due","ref","reportable","status","summary"]' ]; then pass; else fail "list json keys" "$OUT"; fi
new_incident "$FIX/ransomware.answers"
RANSOM=$REF
air list --format tsv
expect_eq "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1)" "$RANSOM" "newest discovered_at first"
air list --overdue
expect_rc 0 "nothing overdue yet"
ANSHIN_IR_NOW="2027-03-01 09:00" air list --overdue --format tsv
expect_rc 1 "list --overdue finds overdue incidents"
expect_out_has "$RANSOM	" "overdue incident listed"
air assess "$RANSOM"
expect_out_has "grounds=sensitive,unauthorized_purpose,over_1000" "ransomware grounds"
expect_out_has "final_due=2026-12-04" "60-day final due"
air checklist "$RANSOM" --format tsv
for a in isolate_system preserve_logs police_cyber_consult report_mhlw contact_vendor restore_from_backup; do
	expect_out_has "$a	" "ransomware needs $a"
done
new_incident "$FIX/fax-internal.answers"
air assess "$REF"
expect_out_has "reportable=no" "internal fax is not reportable"
expect_out_has "exemption=not_leaked" "internal fax exemption"
# docs/contract.md §5: a "no" is a decision to record, with what it rests on.
air show "$REF"
expect_out_has "報告義務: 報告不要と判断（根拠を記録してください）" \
    "show: no reads as the facility's decision"
expect_out_has "報告不要とした理由: 漏えい等に当たらない" "show: the exemption it rests on"
expect_out_has "もとにした事実: " "show: the facts"
expect_out_has "誤送信先の区分：同一法人内" "show: the fact that decided it"
expect_out_has "報告する者: 当院（施設）" "show: who reports"
air --lang en show "$REF"
expect_out_has "Reportable: not reportable — record the grounds for this decision" \
    "show en: no reads as a decision"
expect_out_has "Decision rests on: No leak, loss or damage" "show en: grounds"
expect_out_has "Who reports: the facility" "show en: who reports"
# Who reports, for data held under contract (docs/contract.md §5 report_by).
air set "$REF" facility_role=processor
air assess "$REF"
expect_out_has "report_by=controller" "processor: the controller reports"
air show "$REF"
expect_out_has "報告する者: 委託元の事業者" "show: the controller reports"
air set "$REF" facility_role=both
air assess "$REF"
expect_out_has "report_by=both" "both: report_by both"
air checklist "$REF" --format tsv
expect_out_lacks "contact_recipient" "internal fax: no recipient contact"

# References follow the year of discovery.
printf 'kind = other\ndiscovered_at = 2025-12-31 23:00\n' >"$TMP/y.answers"
air new --answers "$TMP/y.answers"
expect_eq "$OUT" "2025-0001" "reference uses the discovery year"

# Control characters are refused where text enters the record...
printf 'kind = other\nsummary = \033[2J\033]0;pwned\007evil\n' >"$TMP/esc.answers"
air --lang en new --answers "$TMP/esc.answers"
expect_rc 65 "an escape sequence in an answers file is refused"
expect_err_has "esc.answers:2: summary: control character U+001B" "the refusal names line and character"
# ...and text already stored (an older version, an edited file) never
# reaches the terminal raw.
printf 'kind = other\nsummary = evil\n' >"$TMP/esc.answers"
air new --answers "$TMP/esc.answers"
ESC_REF=$OUT
sqlite3 "$ANSHIN_IR_DB" "UPDATE answer SET value = char(27) || '[2J' || char(27) || ']0;pwned' || char(7) || 'evil' WHERE key = 'summary' AND incident = (SELECT id FROM incident WHERE ref = '$ESC_REF'); UPDATE incident SET summary = (SELECT value FROM answer WHERE key = 'summary' AND incident = incident.id) WHERE ref = '$ESC_REF';"
air show "$ESC_REF"
if printf '%s' "$OUT" | grep -q $'\033'; then fail "show leaks escape sequences" "$OUT"; else pass; fi
expect_out_has "evil" "sanitised text still shown"
air list
if printf '%s' "$OUT" | grep -q $'\033'; then fail "list leaks escape sequences"; else pass; fi

# Languages.
air --lang en show "$RANSOM"
expect_out_has "Legal assessment" "English show"
air --lang ja show "$RANSOM"
expect_out_has "法的評価" "Japanese show"
LANG=en_US.UTF-8 air show "$RANSOM"
expect_out_has "Legal assessment" "English from LANG"

# check-data: the shipped data is valid; broken data names file and line.
air --lang en check-data
expect_rc 0 "check-data on the shipped data"
n_actions=$(grep -c '^\[action ' "$REPO/data/actions.rules")
n_drills=$(ls "$REPO"/data/drills/*.drill | wc -l)
expect_out_has "$n_actions actions, $n_drills drills" "check-data counts the actions and the drills it validated"
mkdir -p "$TMP/bad/forms" "$TMP/bad/data"
cp "$REPO/forms/intake.form" "$TMP/bad/forms/"
cp "$REPO/data/"*.tsv "$REPO/data/contacts.conf" "$REPO/data/actions.rules" "$TMP/bad/data/"
printf '\n[action broken]\nphase = immediate\npriority = 1\nwhen = kind == lost_phone\ntitle.ja = x\ntitle.en = x\n' >>"$TMP/bad/data/actions.rules"
air check-data "$TMP/bad"
expect_rc 78 "check-data: unknown value"
expect_err_has "actions.rules:" "check-data names the rules file"
expect_err_has "lost_phone" "check-data names the value"
cp "$REPO/data/actions.rules" "$TMP/bad/data/"
printf '\n[action broken2]\nphase = immediate\npriority = 1\nwhen = not_a_define\ntitle.ja = x\ntitle.en = x\n' >>"$TMP/bad/data/actions.rules"
air check-data "$TMP/bad"
expect_rc 78 "check-data: unknown define"
cp "$REPO/data/actions.rules" "$TMP/bad/data/"
printf '\n[field broken]\npage = start\ntype = choice\nchoices = a b\n' >>"$TMP/bad/forms/intake.form"
air check-data "$TMP/bad"
expect_rc 78 "check-data: broken form"
expect_err_has "intake.form:" "check-data names the form"
cp "$REPO/forms/intake.form" "$TMP/bad/forms/"
printf '\n[field kindx]\npage = start\ntype = choice\nshow_if = kidn == x\n' >>"$TMP/bad/forms/intake.form"
air check-data "$TMP/bad"
expect_rc 78 "check-data: unknown key in show_if"
air --data-dir "$TMP/nowhere" list
expect_rc 78 "missing data directory"

# Times from 2000-01-01 to a day after now, everywhere (docs/contract.md §1).
printf 'kind = device_loss\noccurred_at = 2150-01-01 10:00\n' >"$TMP/far.answers"
air --lang en new --answers "$TMP/far.answers"
expect_rc 65 "an occurred_at in 2150 is refused without a discovered_at"
expect_err_has "far.answers:2: occurred_at 2150-01-01 10:00 is more than a day in the future" \
    "the refusal names the line and the limit"
new_incident "$REPO/tests/fixtures/lost-tablet.answers"
air --lang en set "$REF" "occurred_at=1999-12-31 23:59"
expect_rc 65 "set: a time before 2000 is refused"
air --lang en done "$REF" assemble_team --at "1900-01-01 10:00"
expect_rc 65 "done --at 1900 is refused"
expect_err_has "before 2000-01-01" "done --at says the limit"
air --lang en done "$REF" assemble_team --at "2099-01-01 10:00"
expect_rc 65 "done --at 2099 is refused"
air --lang en set "$REF" persons_count=+5
expect_rc 65 "persons_count=+5 is refused"
air --lang en note "$REF" "   "
expect_rc 65 "a note of spaces is refused"
air note "$REF" "$(printf '一行目\n2026-10-06T09:00:00  note     tester  偽の行')"
air timeline "$REF"
lines=$(printf '%s\n' "$OUT" | grep -c '^2026-10-06T09:00:00  note')
expect_eq "$lines" 1 "a note's second line is indented, not an event of its own"
expect_out_has "    2026-10-06T09:00:00  note     tester  偽の行" "the continuation is shown indented"
air note "$REF" "名前の長い人" --by "とても長い名前の職員さんで記録に残る人"
air timeline "$REF"
expect_out_has "とても長い名前~" "a long name is cut with a marker"

# Database files and permissions.
perm=$(stat -c %a "$ANSHIN_IR_DB")
expect_eq "$perm" 600 "database created 0600"
perm=$(stat -c %a "$(dirname "$ANSHIN_IR_DB")")
expect_eq "$perm" 700 "database directory created 0700"
mkdir -p "$TMP/open"
chmod 777 "$TMP/open"
air --db "$TMP/open/x.db" new --answers "$REPO/tests/fixtures/lost-tablet.answers"
expect_rc 77 "world-writable database directory refused"
chmod 1777 "$TMP/open"
air --db "$TMP/open/x.db" new --answers "$REPO/tests/fixtures/lost-tablet.answers"
expect_rc 0 "sticky directory accepted"
air --db "$TMP/open/x.db" list
expect_rc 0 "a database in a sticky directory is listed"
unset ANSHIN_IR_DB
air list
expect_rc 66 "list before anything was recorded: no database"
air new --answers "$REPO/tests/fixtures/lost-tablet.answers"
expect_rc 0 "XDG default database"
if [ -f "$XDG_DATA_HOME/anshin-ir/incidents.db" ]; then pass; else fail "XDG database path"; fi
export ANSHIN_IR_DB="$TMP/db/incidents.db"
