# test_review.sh - the post-incident review (issue 6) driven through tmux:
# the home screen's order and due-date warnings (also under NO_COLOR),
# the incident screen's checklist (done with who and when, skip with a
# reason), closing refused then accepted with measures, reopening, the
# PDF export, and scrolling a 200-event timeline. The CLI checks what was
# stored. Waits poll the screen (50 ms steps, 5 s at most); no fixed
# sleeps. Sourced by run.sh (lib.sh helpers, $TMP, $BIN, the fixed clock
# ANSHIN_IR_NOW="2026-10-06 09:00" of setup_env).
#
# The CLI runs only while no TUI is open on the database: a home screen
# holds two connections of its own (see the report of issue 6).

RV_SOCK="anshin-rv-$$"
RV_ENV=""
RV_N=0
RV_CUR=""
RV_RULES="$REPO/data/actions.rules"

rx() { tmux -L "$RV_SOCK" -f /dev/null "$@"; }

for v in HOME XDG_CONFIG_HOME XDG_DATA_HOME ANSHIN_IR_DB ANSHIN_IR_DATA \
    ANSHIN_IR_USER ANSHIN_IR_NOW LANG; do
	RV_ENV="$RV_ENV $v=$(printf '%q' "${!v}")"
done
RV_ENV="$RV_ENV LC_ALL= LC_MESSAGES= LANGUAGE="

# rv_start COLS ROWS ARGS...: the binary in a fresh session (extra
# variables in RV_EXTRA); the pane prints EXITED-<status> when it ends.
rv_start() {
	local cols=$1 rows=$2 old=$RV_CUR
	shift 2
	RV_N=$((RV_N + 1))
	RV_CUR="rv$RV_N"
	rx new-session -d -s "$RV_CUR" -x "$cols" -y "$rows" \
	    "env $RV_ENV ${RV_EXTRA:-} $BIN $* 2>$TMP/rv.err; \
	    echo EXITED-\$?; sleep 600"
	[ -n "$old" ] && rx kill-session -t "$old"
}

rv_screen() { rx capture-pane -p -t "$RV_CUR"; }
rv_keys() { rx send-keys -t "$RV_CUR" "$@"; }
rv_type() { rx send-keys -t "$RV_CUR" -l "$1"; }

rv_wait() {
	local i
	for i in $(seq 100); do
		rv_screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

rv_wait_gone() {
	local i
	for i in $(seq 100); do
		rv_screen | grep -qF -- "$1" || return 0
		sleep 0.05
	done
	return 1
}

rv_see() {
	if rv_wait "$1"; then pass; else fail "$2: screen lacks '$1'" \
	    "$(rv_screen)"; fi
}

rv_not_see() {
	if rv_screen | grep -qF -- "$1"; then fail "$2: screen has '$1'" \
	    "$(rv_screen)"; else pass; fi
}

# rv_quit: q until the program has left (from the incident screen or
# home), then the database is the CLI's alone.
rv_quit() {
	local i j top
	for i in 1 2 3; do
		rv_screen | grep -q "EXITED-" && break
		top=$(rv_screen | head -1)
		rv_keys q
		for j in $(seq 100); do
			[ "$(rv_screen | head -1)" != "$top" ] && break
			sleep 0.05
		done
	done
	if rv_wait "EXITED-0"; then pass; else fail "q leaves with 0" \
	    "$(rv_screen)"; fi
}

rv_title() {
	awk -v sec="[action $1]" -v key="title.$2" '
	    $0 == sec { inside = 1; next }
	    /^\[/ { inside = 0 }
	    inside && index($0, key " = ") == 1 {
	        print substr($0, length(key) + 4); exit }' "$RV_RULES"
}

# rv_open REF: from the home screen, search REF and open it.
rv_open() {
	rv_wait "F1/?"
	rv_keys / C-u
	rv_type "$1"
	rv_keys Enter
	rv_wait "> $1"
	rv_keys Enter
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
RV_EXTRA="NO_COLOR=1" rv_start 100 30
rv_see "F1/?" "home: the list is shown"
first=$(rv_screen | grep '^> ')
case $first in
*"$old"*"!! 期限超過"*) pass ;;
*) fail "NO_COLOR: the overdue incident comes first, marked" "$(rv_screen)" ;;
esac
if rv_screen | grep -F "$soon" | grep -qF "! あと2日"; then pass; else
	fail "due in two days is marked" "$(rv_screen)"; fi
line_of() { rv_screen | grep -n -- "$1" | head -1 | cut -d: -f1; }
if [ "$(line_of "$old")" -lt "$(line_of "$soon")" ] &&
    [ "$(line_of "$soon")" -lt "$(line_of "$ref")" ]; then pass; else
	fail "home: nearest due first (old, soon, then the rest)" "$(rv_screen)"
fi
if rx capture-pane -e -p -t "$RV_CUR" | grep -q $'\e\\[[0-9;]*[34][0-7]m'; then
	fail "NO_COLOR: colour escapes on the home screen"; else pass; fi
rv_quit

rv_start 80 24 --lang en
rv_wait "F1/?"
first=$(rv_screen | grep '^> ')
case $first in
*"$old"*"!! OVERDUE"*) pass ;;
*) fail "en 80x24: the overdue incident comes first, marked" "$(rv_screen)" ;;
esac
rv_keys Down
rv_wait "> $soon"
if rx capture-pane -e -p -t "$RV_CUR" | grep -F "$old" |
    grep -q $'\e\\[[0-9;]*31m'; then pass; else
	fail "colour: the overdue row is red" \
	    "$(rx capture-pane -e -p -t "$RV_CUR" | cat -v | head -6)"; fi
rv_quit

# ---- the incident screen: done with a name, skip with a reason ----
rv_start 80 24
rv_open "$ref"
rv_see "[1 概要]" "Enter opens the incident screen on its summary"
rv_see "訪問用タブレットをタクシー内に置き忘れ" "the summary shows the answers"
rv_keys 2
rv_see ">[ ] $(rv_title "$act_a" ja)" "2: the checklist, first action selected"
rv_keys d
rv_see "施設長 鈴木" "who: the person in charge by default"
rv_keys C-u
rv_type "看護師 山田"
rv_keys Enter
rv_see "2026-10-06 09:00" "when: now by default"
rv_keys C-u
rv_type "2026-10-06 25:00"
rv_keys Enter
rv_see "日時が正しくありません" "an impossible time is refused"
rv_keys Escape
rv_wait_gone "日時が正しくありません"
rv_keys C-u
rv_type "2026-10-06 08:45"
rv_keys Enter
rv_see "メモ（任意）" "a note is asked"
rv_type "院内で確認"
rv_keys Enter
rv_see "[x] $(rv_title "$act_a" ja)" "the action is shown done"
rv_see "完了：看護師 山田、2026-10-06 08:45" "with who and when"
rv_keys Down s
rv_see "対象外とする理由" "skip asks the reason"
rv_keys Enter
rv_see "理由は必須です" "an empty reason is refused"
rv_type "端末は個人所有"
rv_keys Enter
rv_see "[-] $(rv_title "$act_b" ja)" "the action is shown skipped"
rv_see "理由：端末は個人所有" "with its reason"

# ---- closing refused while C is open: it is listed ----
rv_keys c
rv_see "まだ終了できません" "closing with an open action is refused"
rv_see "$act_c" "the open action is named"
rv_see "$(rv_title "$act_c" ja)" "with its title"
rv_not_see "$act_a" "a done action is not listed"
rv_keys Escape
rv_wait_gone "まだ終了できません"
rv_keys Down d
rv_wait "施設長 鈴木"
rv_keys Enter
rv_wait "実施日時"
rv_keys Enter
rv_wait "メモ（任意）"
rv_keys Enter
rv_see "[x] $(rv_title "$act_c" ja)" "the last required action is done"

# ---- closing with measures (multi-line) ----
rv_keys c
rv_see "再発防止策（Enter" "closing asks the measures"
rv_type "持ち出し端末の台帳を毎月確認する"
rv_keys Enter
rv_type "職員研修を年2回実施する"
rv_keys Tab
rv_see "[終了]" "the incident is closed"
rv_see "職員研修を年2回実施する" "the measures are shown"
rv_keys 2 d
rv_see "r で再開" "a closed incident refuses changes and says how to reopen"
rv_quit

air timeline "$ref" --format tsv
expect_out_has "action	$act_a	open	done	看護師 山田" "timeline: done, by whom"
expect_out_has "note	$act_a		院内で確認	看護師 山田" "timeline: the note"
expect_out_has "action	$act_b	open	skipped	tester" "timeline: skipped"
expect_out_has "note	$act_b		端末は個人所有	tester" "timeline: the reason"
expect_out_has "action	$act_c	open	done	施設長 鈴木" \
    "timeline: done by the person in charge (the default)"
expect_out_has "closed			持ち出し端末の台帳を毎月確認する\\n職員研修を年2回実施する	tester" \
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
rv_start 100 30
rv_wait "F1/?"
rv_not_see "$ref" "home: the closed incident is not listed"
rv_keys a
rv_see "$ref" "a: closed incidents are shown too"
if rv_screen | grep -F "$ref" | grep -qF "終了"; then pass; else
	fail "a: the closed incident says so" "$(rv_screen)"; fi
rv_see "対応中 2・終了 1" "the filter is shown"
rv_open "$ref"
rv_see "[終了]" "the closed incident opens"
rv_keys r
rv_see "y はい" "reopening asks first"
rv_keys y
rv_see "[対応中]" "the incident is reopened"
rv_keys 5 a
rv_see "新しいメモ" "a: a note is asked"
rv_type "警察から連絡あり"
rv_keys Enter
rv_type "端末は未発見"
rv_keys Tab
rv_see "メモ（3 件）" "the note is listed (with the done note and the reason)"
rv_see "端末は未発見" "with all its lines"
rv_keys 2
rv_wait ">[x] $(rv_title "$act_a" ja)"
rv_keys o
rv_see "未完了に戻しますか" "o asks before setting an action back to open"
rv_keys y
rv_see ">[ ] $(rv_title "$act_a" ja)" "the action is open again"
rv_keys 1
rv_wait "[1 概要]"
rv_keys x
rv_see "PDFの保存先" "export asks where"
rv_see "~/anshin-ir-$ref.pdf" "the default path is in the home directory"
rv_keys Enter
rv_see "報告書を保存しました" "the export's result is shown"
rv_see "anshin-ir-$ref.pdf" "with the file"
rv_keys Escape
rv_wait_gone "保存しました"
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
RV_EXTRA="ANSHIN_IR_BENCH=1" rv_start 80 24
rv_open "$long"
rv_wait "[1 概要]"
rv_keys 3
rv_see "[3 経過記録" "3: the timeline"
rv_see "事案の種類: - → 端末・媒体の紛失" "oldest first, with the answers"
rv_keys End
rv_see "経過メモ200" "End shows the last note"
rv_not_see "経過メモ001" "End: the first note is off screen"
rv_see "tester" "each event says who"
rv_keys Home
rv_see "インシデントを記録" "Home shows the first event"
rv_not_see "経過メモ200" "Home: the last note is off screen"
rv_keys NPage NPage
rv_wait_gone "経過メモ001"
if [ "$(rv_screen | grep -c "経過メモ")" -ge 15 ]; then pass; else
	fail "PgDn moves a screen of events" "$(rv_screen)"; fi
rv_keys 5
rv_see "メモ（200 件）" "5: the notes"
rv_keys 4
rv_see "各対応が必要な理由" "4: the assessment"
rv_see "確報の期限: 2026-11-04（あと 29 日）" \
    "the final due date with days left"
rv_quit
ms=$(sed -n 's/.*review_key_to_redraw_ms_max=\([0-9.]*\).*/\1/p' \
    "$TMP/rv.err")
if [ -n "$ms" ] && awk -v m="$ms" 'BEGIN { exit !(m < 50) }'; then pass
else fail "a key on a 200-event timeline redraws in < 50 ms (max $ms)" \
    "$(cat "$TMP/rv.err")"; fi

# ---- English at 160x50: assessment, reasons, sources, help ----
printf 'kind = device_loss\ndiscovered_at = 2026-10-05 18:20\n' \
    >"$TMP/bare.answers"
new_incident "$TMP/bare.answers"
bare=$REF
rv_start 160 50 --lang en
rv_open "$bare"
rv_wait "[1 Summary]"
rv_keys c
rv_see "the legal assessment is still undetermined" \
    "closing is refused while the assessment is undetermined"
rv_keys Escape
rv_wait_gone "undetermined"
rv_keys Escape
rv_wait "open incidents"
rv_open "$ref"
rv_see "[1 Summary]" "en: the summary view"
rv_keys 4
rv_see "Why each action applies" "en: the assessment view"
rv_see "Grounds: " "en: grounds"
rv_see "Why: " "en: the reason of each action"
rv_see "Source: " "en: the source of each action"
rv_see "Final report due: 2026-11-04 (29 days left)" "en: final due"
rv_keys F1
rv_see "Keys:" "F1: help with the keys"
rv_see "switch views" "F1: the keys come from the key table"
rv_keys Escape
rv_wait_gone "Keys:"
rv_keys 2
rv_see "d done  s skip  o undo" "en: the checklist's key hints"
rv_keys Escape
rv_see "open incidents" "Esc goes back home"
rv_quit
rx kill-server
