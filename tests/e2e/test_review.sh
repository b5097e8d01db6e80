# test_review.sh - the post-incident review driven through tmux:
# the home screen's order and due-date warnings (also under NO_COLOR),
# the incident screen's checklist (done with who and when, skip with a
# reason), closing refused then accepted with measures, reopening, the
# PDF export, and scrolling a 200-event timeline. The CLI checks what was
# stored. Waits poll the screen (50 ms steps, 5 s at most); no fixed
# sleeps. Sourced by run.sh (lib.sh helpers, $TMP, $BIN, the fixed clock
# ANSHIN_IR_NOW="2026-10-06 09:00" of setup_env).
#
# The CLI runs only while no TUI is open on the database: a home screen
# holds two connections of its own (see the report).

TM_SOCK="anshin-rv-$$"

rv_top_moved() { [ "$(tm_screen | head -1)" != "$1" ]; }

# rv_quit: q until the program has left (from the incident screen or
# home), then the database is the CLI's alone.
rv_quit() {
	local i top
	for i in 1 2 3; do
		tm_shows "EXITED-" && break
		top=$(tm_screen | head -1)
		tm_keys q
		poll rv_top_moved "$top"
	done
	tm_expect "EXITED-0" "q leaves with 0"
}

# rv_open REF: from the home screen, search REF and open it.
rv_open() {
	tm_wait "F1/?"
	tm_keys / C-u
	tm_type "$1"
	tm_keys Enter
	tm_wait "> $1"
	tm_keys Enter
}

# ---- incidents: one to review, one overdue, one due in two days ----
new_incident "$REPO/tests/fixtures/lost-tablet.answers"
ref=$REF
sed 's/2026-10-05/2026-08-01/' "$REPO/tests/fixtures/lost-tablet.answers" \
    >"$TMP/old.answers"
new_incident "$TMP/old.answers"
old=$REF
sed 's/2026-10-05/2026-10-04/' "$REPO/tests/fixtures/lost-tablet.answers" \
    >"$TMP/soon.answers"
new_incident "$TMP/soon.answers"
soon=$REF
air assess "$old"
expect_out_has "final_due=2026-08-31" "the old incident's final report \
is due before ANSHIN_IR_NOW"

# A, B and C are the first three actions; every other required one is
# done beforehand, so closing waits only for them.
air checklist "$ref" --format tsv
list=$(printf '%s\n' "$OUT" | tail -n +2)
act_a=$(printf '%s\n' "$list" | sed -n 1p | cut -f1)
act_b=$(printf '%s\n' "$list" | sed -n 2p | cut -f1)
act_c=$(printf '%s\n' "$list" | sed -n 3p | cut -f1)
for a in $(printf '%s\n' "$list" | tail -n +4 | awk -F'\t' \
    '$2 != "followup" { print $1 }'); do
	air done "$ref" "$a"
	[ "$RC" = 0 ] || fail "done $a" "$ERR"
done

# ---- home: overdue first, marked in words, also under NO_COLOR ----
# The attention column counts the open urgent actions and the overdue
# ones; the status word has its own column.
TM_EXTRA="NO_COLOR=1" tm_start 100 30
tm_expect "F1/?" "home: the list is shown"
first=$(tm_screen | grep '^> ')
case $first in
*"$old"*"対応中"*"直ちに"*"超過 "*) pass ;;
*) fail "NO_COLOR: the overdue incident comes first, marked" "$(tm_screen)" ;;
esac
if tm_screen | grep -F "$soon" | grep -qF "あと2日"; then pass; else
	fail "due in two days is marked" "$(tm_screen)"; fi
line_of() { tm_screen | grep -n -- "$1" | head -1 | cut -d: -f1; }
if [ "$(line_of "$old")" -lt "$(line_of "$soon")" ] &&
    [ "$(line_of "$soon")" -lt "$(line_of "$ref")" ]; then pass; else
	fail "home: nearest due first (old, soon, then the rest)" "$(tm_screen)"
fi
tm_expect_no_colour "NO_COLOR: colour escapes on the home screen"
rv_quit

tm_start 80 24 --lang en
tm_wait "F1/?"
first=$(tm_screen | grep '^> ')
case $first in
*"$old"*"overdue"*) pass ;;
*) fail "en 80x24: the overdue incident comes first, marked" "$(tm_screen)" ;;
esac
tm_keys Down
tm_wait "> $soon"
if tm_screen -e | grep -F "$old" |
    grep -q $'\e\\[[0-9;]*31m'; then pass; else
	fail "colour: the overdue row is red" \
	    "$(tm_screen -e | cat -v | head -6)"; fi
rv_quit

# ---- the incident screen: done with a name, skip with a reason ----
tm_start 80 24
rv_open "$ref"
tm_expect "[1 概要]" "Enter opens the incident screen on its summary"
tm_expect "訪問用タブレットをタクシー内に置き忘れ" \
    "the summary shows the answers"
tm_keys 2
tm_expect ">[ ] $(rule_title "$act_a" ja)" \
    "2: the checklist, first action selected"
# One popup asks who (the session's name, editable), when and a memo.
tm_keys d
tm_expect "お名前（記録に残ります）" "who: the popup shows the name"
tm_expect "tester" "who: the session's name by default"
tm_expect "2026-10-06 09:00" "when: now by default"
tm_expect "メモ（任意）" "a note is asked in the same popup"
tm_keys C-u
tm_type "看護師 山田"
tm_keys Tab C-u
tm_type "2026-10-06 25:00"
tm_keys Enter
tm_expect "ありえない日時" "an impossible time is refused, in the popup"
tm_keys C-u
tm_type "2026-10-06 08:45"
tm_keys Tab
tm_type "院内で確認"
tm_keys Enter
tm_expect "[x] $(rule_title "$act_a" ja)" "the action is shown done"
tm_expect "完了：看護師 山田、2026-10-06 08:45" "with who and when"
tm_keys Down s
tm_expect "対象外とする理由" "skip asks the reason"
tm_expect "看護師 山田" "the name typed signs on (the session's now)"
tm_keys Enter
tm_expect "対象外とする理由を入力してください" "an empty reason is refused"
tm_type "端末は個人所有"
tm_keys Enter
tm_expect "[-] $(rule_title "$act_b" ja)" "the action is shown skipped"
tm_expect "理由：端末は個人所有" "with its reason"

# ---- closing refused while C is open: it is listed ----
tm_expect "c 事案を終了" "an open incident's key bar offers closing"
tm_expect_no "r 再開" "an open incident's key bar does not offer reopening"
tm_keys c
tm_expect "まだ終了できません" "closing with an open action is refused"
# (the start of it: a long title wraps in the 80-column popup)
title_c=$(rule_title "$act_c" ja)
tm_expect "${title_c:0:8}" "the open action is named by its title"
tm_expect_no "$act_c" "never by its id"
tm_keys Escape
tm_wait_gone "まだ終了できません"
tm_keys Down d
tm_wait "実施日時"
tm_keys Enter
tm_expect "[x] $(rule_title "$act_c" ja)" "the last required action is done"

# ---- closing with measures (multi-line); empty ones are refused on the
# field, and typed ones are not thrown away without asking ----
tm_keys c
tm_expect "再発防止策（Enter" "closing asks the measures"
tm_keys Tab
tm_expect "再発防止策を入力してください" "empty measures: the message on the field"
tm_type "仮"
tm_keys Escape
tm_expect "入力を破棄しますか" "Esc with typed measures asks first"
tm_keys n
tm_wait_gone "入力を破棄しますか"
tm_keys BSpace
tm_type "持ち出し端末の台帳を毎月確認する"
tm_keys Enter
tm_type "職員研修を年2回実施する"
tm_keys Tab
tm_expect "[終了]" "the incident is closed"
tm_expect "職員研修を年2回実施する" "the measures are shown"
tm_keys 2 d
tm_expect "事案画面の r" "a closed incident refuses changes and says how to reopen"
rv_quit

air timeline "$ref" --format tsv
expect_out_has "action	$act_a	open	done	看護師 山田" "timeline: done, by whom"
expect_out_has "note	$act_a		院内で確認	看護師 山田" "timeline: the note"
# The name typed in a popup signs the rest of the session.
expect_out_has "action	$act_b	open	skipped	看護師 山田" "timeline: skipped"
expect_out_has "note	$act_b		端末は個人所有	看護師 山田" "timeline: the reason"
expect_out_has "action	$act_c	open	done	看護師 山田" \
    "timeline: done by the session's name"
expect_out_has "closed			持ち出し端末の台帳を毎月確認する\\n職員研修を年2回実施する	看護師 山田" \
    "timeline: the closed event with the measures"
air checklist "$ref" --format json
if printf '%s' "$OUT" | jq -e --arg a "$act_a" '.[] | select(.action == $a) |
    .at == "2026-10-06T08:45:00+09:00" and .by == "看護師 山田"' >/dev/null
then pass; else fail "checklist: the time typed is stored" "$OUT"; fi
air show "$ref"
expect_out_has "[終了]" "show: closed"
expect_out_has "看護師 山田 2026-10-06T08:45:00+09:00" "show: who and when"
expect_out_has "端末は個人所有" "show: the reason of the skip"
expect_out_has "持ち出し端末の台帳を毎月確認する" "show: the measures"
air list --format tsv
expect_out_lacks "$ref" "a closed incident leaves the open list"

# ---- closed ones behind a filter; reopen and export from the screen ----
tm_start 100 30
tm_wait "F1/?"
tm_expect_no "$ref" "home: the closed incident is not listed"
tm_keys f
tm_expect "$ref" "f: the closed incidents are listed"
if tm_screen | grep -F "$ref" | grep -qF "終了済み"; then pass; else
	fail "f: the closed incident says so" "$(tm_screen)"; fi
tm_expect "終了済みの事案 1件" "the title says which list"
rv_open "$ref"
tm_expect "[終了]" "the closed incident opens"
tm_expect "r 再開" "a closed incident's key bar offers reopening"
tm_expect_no "c 事案を終了" "a closed incident's key bar does not offer closing"
tm_keys r
tm_expect "この事案を再開しますか" "reopening asks first"
tm_keys Enter
tm_expect "[対応中]" "the incident is reopened"
tm_keys 5 a
tm_expect "メモ（Enter：改行" "a: a note is asked"
tm_type "警察から連絡あり"
tm_keys Enter
tm_type "端末は未発見"
tm_keys Tab
tm_expect "メモ（3 件）" \
    "the note is listed (with the done note and the reason)"
tm_expect "端末は未発見" "with all its lines"
tm_keys 2
tm_wait ">[x] $(rule_title "$act_a" ja)"
tm_keys o
tm_expect "未実施に戻す" "o asks before setting an action back to open"
tm_keys Enter
tm_expect ">[ ] $(rule_title "$act_a" ja)" "the action is open again"
tm_keys 1
tm_wait "[1 概要]"
tm_keys x
tm_expect "PDFの保存先" "export asks where"
tm_expect "~/anshin-ir-$ref.pdf" "the default path is in the home directory"
tm_keys Enter
tm_expect "報告書を保存しました" "the export's result is shown"
tm_expect "anshin-ir-$ref.pdf" "with the file"
tm_keys Escape
tm_wait_gone "保存しました"
rv_quit
air timeline "$ref" --format tsv
expect_out_has "reopened				tester" "timeline: reopened"
expect_out_has "note			警察から連絡あり\\n端末は未発見	tester" \
    "timeline: the note added on the screen"
expect_out_has "action	$act_a	done	open	tester" "timeline: the action reopened"
expect_out_has "export			$HOME/anshin-ir-$ref.pdf	tester" \
    "timeline: the export"
air show "$ref"
expect_out_has "[対応中]" "show: open again"
if pdftotext "$HOME/anshin-ir-$ref.pdf" - 2>/dev/null |
    grep -qF "持ち出し端末の台帳を毎月確認する"; then pass; else
	fail "the PDF holds the measures"; fi

# ---- a timeline of 200 notes scrolls (End, Home), and fast ----
new_incident "$REPO/tests/fixtures/lost-tablet.answers"
long=$REF
for i in $(seq -f %03g 200); do
	"$BIN" note "$long" "経過メモ$i" 2>>"$TMP/notes.err" ||
	    fail "note $i" "$(cat "$TMP/notes.err")"
done
TM_EXTRA="ANSHIN_IR_BENCH=1" tm_start 80 24
rv_open "$long"
tm_wait "[1 概要]"
tm_keys 3
tm_expect "[3 経過記録" "3: the timeline"
tm_expect "事案の種類: - → 端末・媒体の紛失" "oldest first, with the answers"
tm_keys End
tm_expect "経過メモ200" "End shows the last note"
tm_expect_no "経過メモ001" "End: the first note is off screen"
tm_expect "tester" "each event says who"
tm_keys Home
tm_expect "事案を記録" "Home shows the first event"
tm_expect_no "経過メモ200" "Home: the last note is off screen"
tm_keys NPage NPage
tm_wait_gone "経過メモ001"
if [ "$(tm_screen | grep -c "経過メモ")" -ge 15 ]; then pass; else
	fail "PgDn moves a screen of events" "$(tm_screen)"; fi
tm_keys 5
tm_expect "メモ（200 件）" "5: the notes"
tm_keys 4
tm_expect "各対応が必要な理由" "4: the assessment"
tm_expect "確報の期限: 2026-11-04（あと 29 日）" \
    "the final due date with days left"
rv_quit
ms=$(sed -n 's/.*review_key_to_redraw_ms_max=\([0-9.]*\).*/\1/p' \
    "$TMP/tm.err")
if [ -n "$ms" ] && awk -v m="$ms" 'BEGIN { exit !(m < 50) }'; then pass
else fail "a key on a 200-event timeline redraws in < 50 ms (max $ms)" \
    "$(cat "$TMP/tm.err")"; fi

# ---- English at 160x50: assessment, reasons, sources, help ----
printf 'kind = device_loss\ndiscovered_at = 2026-10-05 18:20\n' \
    >"$TMP/bare.answers"
new_incident "$TMP/bare.answers"
bare=$REF
tm_start 160 50 --lang en
rv_open "$bare"
tm_wait "[1 Summary]"
tm_keys c
tm_expect "The legal assessment is still undetermined" \
    "closing is refused while the assessment is undetermined"
tm_expect_no "data_types" "the refusal names no key"
tm_keys Escape
tm_wait_gone "undetermined"
tm_keys Escape
tm_wait "Open incidents"
rv_open "$ref"
tm_expect "[1 Summary]" "en: the summary view"
tm_keys 4
tm_expect "Why each action applies" "en: the assessment view"
tm_expect "Grounds: " "en: grounds"
tm_expect "Why: " "en: the reason of each action"
tm_expect "Source: " "en: the source of each action"
tm_expect "Final report due: 2026-11-04 (29 days left)" "en: final due"
tm_keys F1
tm_expect "Keys:" "F1: help with the keys"
tm_expect "switch views" "F1: the keys come from the key table"
tm_keys Escape
tm_wait_gone "Keys:"
tm_keys 2
tm_expect "d done  s skip  o undo" "en: the checklist's key hints"
tm_keys Escape
tm_expect "Open incidents" "Esc goes back home"
rv_quit
tm_kill_server
