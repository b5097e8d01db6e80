# test_tui_drill.sh - a training drill played through the TUI with tmux
# (docs/contract.md §1 `drill NAME`, §7, §8): the briefing, the wizard with
# its countdown and training mark, a clue asked, answers typed, actions
# marked done, the submission, the score and debrief screen; then the CLI
# agrees (`score`, `list`, `drill --history`). Also leaving a run with F10
# and resuming it, leaving the briefing, `drill` without a name (the list,
# days counted on the scenario's clock, --by), English at 80x24, NO_COLOR, and a
# run past its time limit on the real clock (a copy of the scenario with a
# one-second limit). Every wait polls (50 ms steps, 5 s at most). Sourced
# by run.sh (lib.sh helpers, $TMP, $BIN and the fixed clock of setup_env).

TM_SOCK="anshin-drill-$$"
DR_FILE="$REPO/data/drills/lost-smartphone.drill"

dr_changed() { [ "$(tm_screen)" != "$1" ]; }

# dr_read_all FILE MORE: a long page screen by screen into FILE, paging
# down while the screen shows its "more below" line MORE.
dr_read_all() {
	local before
	tm_screen >"$1"
	for _ in $(seq 20); do
		tm_shows "$2" || return 0
		before=$(tm_screen)
		tm_keys NPage
		poll dr_changed "$before"
		tm_screen >>"$1"
	done
}

# dr_has FILE TEXT DESCRIPTION: TEXT is in a page read by dr_read_all.
dr_has() {
	if grep -qF -- "$2" "$1"; then pass; else
		fail "$3: the page lacks '$2'" "$(cat "$1")"; fi
}

dr_ref() { tm_screen | head -1 | grep -o 'D[0-9]\{4\}-[0-9]\{4\}' | head -1; }
dr_score() { tm_screen | grep -o "$1[0-9]*" | head -1 | grep -o '[0-9]*$'; }

# ---- the briefing ----
# rows only: before the first run there may be no database at all
drill_rows() { air list --drills --all --format tsv; printf '%s\n' "$OUT" | tail -n +2; }
before=$(drill_rows)
tm_start 100 30 drill lost-smartphone
tm_expect "$(block_value "$DR_FILE" drill title.ja)" "briefing: the title"
tm_expect "制限時間 15:00" "briefing: the time limit"
tm_expect "2026年9月18日（金）19時10分" "briefing: the briefing text"
tm_expect "訓練 / TRAINING" "briefing: the training mark"
tm_expect "Enter 開始" "briefing: Enter starts (key table)"
tm_keys Escape
tm_expect "EXITED-0" "Esc leaves the briefing"
expect_eq "$(drill_rows)" "$before" "leaving the briefing records nothing"

# ---- the run: countdown, no "now", a clue, answers, actions ----
tm_start 100 30 drill lost-smartphone
tm_wait "Enter 開始"
tm_keys Enter
tm_expect "> $(form_label kind ja)" "start: the wizard opens on the kind"
if tm_screen | head -1 | grep -qF "訓練 / TRAINING  残り 15:00"; then pass
else fail "the title bar has the mark and the countdown" "$(tm_screen)"; fi
tm_expect "F3 質問" "the key bar shows the ask key"
tm_expect "F9 提出" "the key bar shows the submit key"
tm_keys "$(form_digit kind device_loss)"
tm_expect "> $(form_label discovered_at ja)" "discovered_at comes next"
tm_expect_no "2026-10-06 09:00" "discovered_at is not prefilled with now"
REF=$(dr_ref)
case $REF in
D2026-*) pass ;;
*) fail "a drill reference in the title" "$(tm_screen)" ;;
esac
tm_keys F3
tm_expect "$(block_value "$DR_FILE" "clue 1" ask.ja)" "F3 lists the clues"
tm_expect "$(block_value "$DR_FILE" "clue 6" ask.ja)" "F3 lists every clue"
tm_expect_no "kamo-0456" "a clue's answer is hidden until asked"
tm_keys 2
tm_expect "kamo-0456" "asking clue 2 shows its answer"
tm_expect "1／6 件を質問済み" "the asked count"
tm_keys Down Enter
tm_expect "手袋をしたまま" "Enter asks the selected clue"
tm_expect "kamo-0456" "an asked clue stays listed"
tm_keys Escape
tm_expect "> $(form_label discovered_at ja)" "Esc returns to the same field"
tm_type "2026-09-18 19:10"
tm_keys Enter "$(form_digit device_type smartphone)" \
    "$(form_digit device_owner facility)" "$(form_digit network_access yes)" \
    "$(form_digit browser_saved_login yes)" \
    "$(form_digit remote_wipe available)" "$(form_digit mdm yes)"
tm_expect "> $(form_label carrier ja)" "the answers are confirmed"
tm_keys F2
tm_expect "F2/Esc" "F2 focuses the checklist"
tm_keys d
tm_wait "実施日時"
tm_keys Enter
tm_wait_count "[x]" 1
tm_keys Down d
tm_wait "実施日時"
tm_keys Enter
if tm_wait_count "[x]" 2; then pass; else
	fail "two actions marked done" "$(tm_screen)"; fi
tm_keys Escape
air checklist "$REF" --format tsv
done_ids=$(printf '%s\n' "$OUT" | awk -F'\t' '$4 == "done" { print $1 }')
expect_eq "$(printf '%s\n' "$done_ids" | grep -c .)" 2 \
    "the two actions are stored as done"

# ---- submit, score and debrief ----
tm_keys F9
tm_expect "y はい" "F9 asks before submitting"
tm_keys n
tm_wait_gone "y はい"
tm_expect "> $(form_label carrier ja)" "no keeps the run going"
tm_keys F9
tm_wait "y はい"
tm_keys y
tm_expect "得点：" "the score screen"
tm_expect "提出済み" "the run is submitted"
shown=$(dr_score "得点：")
tm_expect "回答" "the answers part"
tm_expect "/ 50" "the answers part out of 50"
tm_expect "/ 30" "the actions part out of 30"
tm_expect "/ 20" "the assessment part out of 20"
tm_expect "時間超過" "the late penalty part"
dr_read_all "$TMP/score.ja" "下に続きあり"
P="$TMP/score.ja"
dr_has "$P" "行われなかった想定対応" "the missed actions"
dr_has "$P" "・$(rule_title suspend_user_id ja)" "a missed action by its title"
reason=$(block_value "$RULES" "action suspend_user_id" reason.ja)
dr_has "$P" "${reason%%。*}" "why the missed action matters"
dr_has "$P" "シナリオと違う回答" "the wrong answers"
dr_has "$P" "・$(form_label mdm ja)" "a wrong answer by its label"
dr_has "$P" "あなたの回答：$(form_choice mdm yes ja)" "the trainee's answer"
dr_has "$P" "シナリオ：$(form_choice mdm no ja)" "the scenario's answer"
dr_has "$P" "シナリオの判定" "the scenario's assessment"
dr_has "$P" "個人情報保護委員会への報告が必要" "the true assessment"
dr_has "$P" "【判定】報告の対象" "the debrief text"
dr_has "$P" "出典：施設ガイド" "the debrief's source"
dr_has "$P" "$REF として記録" "the run's reference, and no command"
tm_keys q
tm_expect "EXITED-0" "q leaves the score screen"

air score "$REF"
expect_rc 0 "score of the TUI run"
expect_eq "$(printf '%s\n' "$OUT" | sed -n 's/^score=//p')" "$shown" \
    "score REF prints the score shown on screen"
expect_out_has "missed=suspend_user_id" "score: the missed action"
expect_out_has "wrong=mdm" "score: the wrong answer"
for id in $done_ids; do
	expect_out_lacks "missed=$id" "score: $id is done"
done
air list --all --format tsv
expect_out_lacks "$REF" "list leaves the drill out"
air list --drills --all --format tsv
expect_out_has "$REF" "list --drills --all shows the drill"
air drill --history
expect_out_has "lost-smartphone	tester	$shown	$REF" \
    "drill --history lists the run"
air timeline "$REF" --format tsv
expect_eq "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f2)" created \
    "the run starts with its created event"
if printf '%s\n' "$OUT" | awk -F'\t' '$2 == "closed" && $5 == "drill"' |
    grep -q .; then pass; else
	fail "the submission is a closed event" "$OUT"; fi

# resume on a submitted run shows its score again
tm_start 100 30 resume "$REF"
tm_expect "得点：$shown / 100" "resume of a submitted run: its score"
tm_keys Escape
tm_wait "EXITED-0"

# ---- F10 leaves a run unsubmitted; resume continues it as a drill ----
tm_start 100 30 drill lost-smartphone
tm_wait "Enter 開始"
tm_keys Enter
tm_wait "> $(form_label kind ja)"
tm_keys "$(form_digit kind device_theft)"
tm_wait "> $(form_label discovered_at ja)"
REF2=$(dr_ref)
tm_keys F10
tm_expect "EXITED-0" "F10 leaves the drill"
if grep -qF "anshin-ir resume $REF2" "$TMP/tm.err"; then pass; else
	fail "F10 says how to resume" "$(cat "$TMP/tm.err")"; fi
air list --drills --format tsv
expect_out_has "$REF2" "the unsubmitted run stays open"
air drill --history
expect_out_has "$REF2" "the history lists the unsubmitted run"
tm_start 100 30 resume "$REF2"
tm_expect "訓練 / TRAINING  残り" "resume continues in drill mode"
tm_expect "> $(form_label discovered_at ja)" \
    "resume: the first unanswered field"
tm_keys F3
tm_expect "$(block_value "$DR_FILE" "clue 1" ask.ja)" "resume: F3 still asks"
tm_keys Escape F9
tm_wait "y はい"
tm_keys y
tm_expect "得点：" "resume: F9 submits and scores"
tm_keys q
tm_wait "EXITED-0"
air list --drills --format tsv
expect_out_lacks "$REF2" "a submitted run leaves the open list"

# ---- `drill` without a name: the list; the scenario's clock; --by ----
VL_FILE="$REPO/data/drills/verbal-leak.drill"
tm_start 100 30 drill --by 研修生A
tm_expect "$(block_value "$DR_FILE" drill title.ja)" \
    "drill without a name lists the scenarios"
n=$(ls "$REPO"/data/drills/*.drill | wc -l)
# verbal-leak sorts last: the list scrolls down to it
for _ in $(seq $((n - 1))); do tm_keys Down; done
tm_expect "> $(block_value "$VL_FILE" drill title.ja)" \
    "the list has every scenario, the last one reached with Down"
tm_keys Enter
tm_expect "Enter 開始" "Enter on the list opens the briefing"
tm_keys Enter
tm_wait "> $(form_label kind ja)"
tm_keys "$(form_digit kind verbal)"
tm_wait "> $(form_label discovered_at ja)"
# The run starts at the scenario's discovery: "now" is that time, and the
# deadlines count from it, not from the day the drill is played.
truth_at=$(block_value "$VL_FILE" truth discovered_at)
tm_type now
tm_keys Enter
tm_expect "$truth_at" "in a drill, now is the scenario's time"
tm_expect "2026-08-25（あと 4 日）" "days left on the scenario's clock"
tm_expect_no "超過" "nothing overdue at the scenario's start"
VREF=$(dr_ref)
tm_keys F9
tm_wait "y はい"
tm_keys y
tm_wait "得点："
tm_keys q
tm_expect "EXITED-0" "q on the score leaves"
air drill --history verbal-leak
expect_out_has "verbal-leak	研修生A	" "--by names the trainee of a TUI run"
air timeline "$VREF" --format tsv
expect_rc 0 "timeline of the run"
expect_out_has "	研修生A" "the run's events are by the --by name"
expect_out_lacks "	tester" "every event of the run is by the --by name"

# A scenario dated after today (the fixed clock) is not "in the future";
# leaving a run picked from the list says how to resume it, as drill NAME.
LS_FILE="$REPO/data/drills/laptop-stolen-from-car.drill"
tm_start 100 30 drill
tm_wait "> $(block_value "$DR_FILE" drill title.ja)"
ls "$REPO"/data/drills/*.drill | grep -n "/laptop-stolen-from-car.drill$" >"$TMP/pos"
for _ in $(seq $(($(cut -d: -f1 "$TMP/pos") - 1))); do tm_keys Down; done
tm_wait "> $(block_value "$LS_FILE" drill title.ja)"
tm_keys Enter
tm_wait "Enter 開始"
tm_keys Enter
tm_wait "> $(form_label kind ja)"
tm_keys "$(form_digit kind device_theft)"
tm_wait "> $(form_label discovered_at ja)"
tm_type now
tm_keys Enter
tm_expect "$(block_value "$LS_FILE" truth discovered_at)" \
    "a scenario dated after today is stored"
tm_expect_no "保存されていません" "no 'in the future' refusal in a drill"
LREF0=$(dr_ref)
tm_keys F10
tm_expect "EXITED-0" "F10 leaves a run picked from the list"
if grep -qF "anshin-ir resume $LREF0" "$TMP/tm.err"; then pass; else
	fail "leaving a picked run says how to resume it" "$(cat "$TMP/tm.err")"; fi

# ---- English at 80x24, NO_COLOR ----
TM_EXTRA="NO_COLOR=1" tm_start 80 24 --lang en drill lost-smartphone
tm_expect "$(block_value "$DR_FILE" drill title.en)" "en: the briefing's title"
tm_expect "Enter start" "en: the key bar"
tm_expect_no_colour "NO_COLOR: colour escapes on the briefing"
tm_keys Enter
tm_expect "15:00 left" "en: the countdown"
tm_expect "F3 ask" "en: the ask key"
tm_keys "$(form_digit kind device_loss)"
# 80 columns cannot hold every key hint of a drill's checklist: the bar
# keeps whole items rather than a word cut short.
tm_keys F2
tm_wait "F2/Esc"
bar=$(tm_screen | tail -1 | sed 's/ *$//')
case $bar in
*"F10 leave") pass ;;
*) fail "en 80x24: the key bar ends with a whole item" "$bar" ;;
esac
tm_keys F2 F3
tm_expect "$(block_value "$DR_FILE" "clue 1" ask.en)" "en: the clues"
tm_keys 1
tm_expect "work smartphone" "en: a clue's answer"
tm_keys Escape F9
tm_wait "y yes"
tm_keys y
tm_expect "Score: " "en: the score screen"
dr_read_all "$TMP/score.en" "more below"
dr_has "$TMP/score.en" "Expected actions not done" "en: the missed actions"
dr_has "$TMP/score.en" "- $(rule_title suspend_user_id en)" "en: a missed one"
dr_has "$TMP/score.en" "Debrief: what mattered and why" "en: the debrief"
debrief=$(block_value "$DR_FILE" drill debrief.en)
dr_has "$TMP/score.en" "${debrief:0:30}" "en: the debrief text"
tm_keys q
tm_wait "EXITED-0"

# ---- past the limit on the real clock: "+mm:ss 超過" and the penalty ----
mkdir -p "$TMP/late/data/drills"
cp -r "$REPO/forms" "$TMP/late/"
cp "$REPO"/data/*.rules "$REPO"/data/*.tsv "$REPO"/data/*.conf \
    "$TMP/late/data/"
sed 's/^time_limit = .*/time_limit = 1/' "$DR_FILE" \
    >"$TMP/late/data/drills/lost-smartphone.drill"
TM_EXTRA="ANSHIN_IR_DATA=$TMP/late ANSHIN_IR_NOW=" \
    tm_start 100 30 drill lost-smartphone
tm_wait "Enter 開始"
tm_keys Enter "$(form_digit kind device_loss)"
tm_wait "> $(form_label discovered_at ja)"
LREF=$(dr_ref)
dr_overdue() { tm_screen | head -1 | grep -q '+[0-9][0-9]:[0-9][0-9] 超過'; }
over=0
poll dr_overdue && over=1
expect_eq "$over" 1 "the title bar's countdown turns into +mm:ss 超過"
# "+00:01" shows two seconds into a one-second limit: twice the limit,
# which costs the full 10 points.
tm_keys F9
tm_wait "y はい"
tm_keys y
tm_expect "-10.0" "the late penalty on the score screen"
late=$(dr_score "得点：")
tm_keys q
tm_wait "EXITED-0"
ANSHIN_IR_DATA="$TMP/late" air score "$LREF"
expect_eq "$(printf '%s\n' "$OUT" | sed -n 's/^score=//p')" "$late" \
    "score REF of a late run prints the score shown"

tm_kill_server
