# test_tui_drill.sh - a training drill played through the TUI with tmux
# (issue 7; SPEC §1 `drill NAME`, §7, §8): the briefing, the wizard with
# its countdown and training mark, a clue asked, answers typed, actions
# marked done, the submission, the score and debrief screen; then the CLI
# agrees (`score`, `list`, `drill --history`). Also leaving a run with F10
# and resuming it, leaving the briefing, English at 80x24, NO_COLOR, and a
# run past its time limit on the real clock (a copy of the scenario with a
# one-second limit). Every wait polls (50 ms steps, 5 s at most). Sourced
# by run.sh (lib.sh helpers, $TMP, $BIN and the fixed clock of setup_env);
# the helpers mirror those of test_tui.sh under their own names.

DR_SOCK="anshin-drill-$$"
DR_FORM="$REPO/forms/intake.form"
DR_RULES="$REPO/data/actions.rules"
DR_FILE="$REPO/data/drills/lost-smartphone.drill"

drx() { tmux -L "$DR_SOCK" -f /dev/null "$@"; }

# The pane's environment: the test's, spelled out for its command line.
dr_env() {
	local v out=""
	for v in HOME XDG_CONFIG_HOME XDG_DATA_HOME ANSHIN_IR_DB \
	    ANSHIN_IR_DATA ANSHIN_IR_USER ANSHIN_IR_NOW LANG; do
		out="$out $v=$(printf '%q' "${!v}")"
	done
	echo "$out LC_ALL= LC_MESSAGES= LANGUAGE="
}

DR_N=0
DR_CUR=""

# dr_start COLS ROWS ARGS...: a fresh session running the binary (extra
# environment in $DR_EXTRA); the pane prints EXITED-<status> at the end.
dr_start() {
	local cols=$1 rows=$2 old=$DR_CUR
	shift 2
	DR_N=$((DR_N + 1))
	DR_CUR="drill$DR_N"
	drx new-session -d -s "$DR_CUR" -x "$cols" -y "$rows" \
	    "env $(dr_env) ${DR_EXTRA:-} $BIN $* 2>$TMP/drill.err; \
	    echo EXITED-\$?; sleep 600"
	[ -n "$old" ] && drx kill-session -t "$old"
}

dr_screen() { drx capture-pane -p -t "$DR_CUR"; }
dr_keys() { drx send-keys -t "$DR_CUR" "$@"; }
dr_type() { drx send-keys -t "$DR_CUR" -l "$1"; }

dr_wait() {
	for _ in $(seq 100); do
		dr_screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

dr_wait_gone() {
	for _ in $(seq 100); do
		dr_screen | grep -qF -- "$1" || return 0
		sleep 0.05
	done
	return 1
}

# dr_wait_count TEXT N: polls until TEXT is on N lines of the screen.
dr_wait_count() {
	for _ in $(seq 100); do
		[ "$(dr_screen | grep -cF -- "$1")" = "$2" ] && return 0
		sleep 0.05
	done
	return 1
}

dr_expect() {
	if dr_wait "$1"; then pass; else fail "$2: screen lacks '$1'" \
	    "$(dr_screen)"; fi
}
dr_expect_no() {
	if dr_screen | grep -qF -- "$1"; then fail "$2: screen has '$1'" \
	    "$(dr_screen)"; else pass; fi
}

# dr_read_all FILE MORE: a long page screen by screen into FILE, paging
# down while the screen shows its "more below" line MORE.
dr_read_all() {
	local before
	dr_screen >"$1"
	for _ in $(seq 20); do
		dr_screen | grep -qF -- "$2" || return 0
		before=$(dr_screen)
		dr_keys NPage
		for _ in $(seq 100); do
			[ "$(dr_screen)" != "$before" ] && break
			sleep 0.05
		done
		dr_screen >>"$1"
	done
}

# dr_has FILE TEXT DESCRIPTION: TEXT is in a page read by dr_read_all.
dr_has() {
	if grep -qF -- "$2" "$1"; then pass; else
		fail "$3: the page lacks '$2'" "$(cat "$1")"; fi
}

dr_value() {
	awk -v sec="[$2]" -v key="$3" '
	    $0 == sec { inside = 1; next }
	    /^\[/ { inside = 0 }
	    inside && index($0, key " = ") == 1 {
	        print substr($0, length(key) + 4); exit }' "$1"
}
dr_digit() {
	dr_value "$DR_FORM" "field $1" choices | tr -d ' ' | tr ',' '\n' |
	    awk -v v="$2" '$0 == v { print (NR == 10 ? 0 : NR); exit }'
}
dr_label() { dr_value "$DR_FORM" "field $1" "label.$2"; }
dr_choice() { dr_value "$DR_FORM" "field $1" "choice.$2.$3"; }
dr_title() { dr_value "$DR_RULES" "action $1" "title.$2"; }
dr_ref() { dr_screen | head -1 | grep -o 'D[0-9]\{4\}-[0-9]\{4\}' | head -1; }
dr_score() { dr_screen | grep -o "$1[0-9]*" | head -1 | grep -o '[0-9]*$'; }
dr_exit() { dr_wait "EXITED-$1"; }

# ---- the briefing ----
air list --drills --all --format tsv
before=$OUT
dr_start 100 30 drill lost-smartphone
dr_expect "$(dr_value "$DR_FILE" drill title.ja)" "briefing: the title"
dr_expect "制限時間 15:00" "briefing: the time limit"
dr_expect "2026年9月18日（金）19時10分" "briefing: the briefing text"
dr_expect "訓練 / TRAINING" "briefing: the training mark"
dr_expect "Enter 開始" "briefing: Enter starts (key table)"
dr_keys Escape
if dr_exit 0; then pass; else fail "Esc leaves the briefing" "$(dr_screen)"; fi
air list --drills --all --format tsv
expect_eq "$OUT" "$before" "leaving the briefing records nothing"

# ---- the run: countdown, no "now", a clue, answers, actions ----
dr_start 100 30 drill lost-smartphone
dr_wait "Enter 開始"
dr_keys Enter
dr_expect "> $(dr_label kind ja)" "start: the wizard opens on the kind"
if dr_screen | head -1 | grep -qF "訓練 / TRAINING  残り 15:00"; then pass
else fail "the title bar has the mark and the countdown" "$(dr_screen)"; fi
dr_expect "F3 質問" "the key bar shows the ask key"
dr_expect "F9 提出" "the key bar shows the submit key"
dr_keys "$(dr_digit kind device_loss)"
dr_expect "> $(dr_label discovered_at ja)" "discovered_at comes next"
dr_expect_no "2026-10-06 09:00" "discovered_at is not prefilled with now"
REF=$(dr_ref)
case $REF in
D2026-*) pass ;;
*) fail "a drill reference in the title" "$(dr_screen)" ;;
esac
dr_keys F3
dr_expect "$(dr_value "$DR_FILE" "clue 1" ask.ja)" "F3 lists the clues"
dr_expect "$(dr_value "$DR_FILE" "clue 6" ask.ja)" "F3 lists every clue"
dr_expect_no "kamo-0456" "a clue's answer is hidden until asked"
dr_keys 2
dr_expect "kamo-0456" "asking clue 2 shows its answer"
dr_expect "1／6 件を質問済み" "the asked count"
dr_keys Down Enter
dr_expect "手袋をしたまま" "Enter asks the selected clue"
dr_expect "kamo-0456" "an asked clue stays listed"
dr_keys Escape
dr_expect "> $(dr_label discovered_at ja)" "Esc returns to the same field"
dr_type "2026-09-18 19:10"
dr_keys Enter "$(dr_digit device_type smartphone)" \
    "$(dr_digit device_owner facility)" "$(dr_digit network_access yes)" \
    "$(dr_digit browser_saved_login yes)" "$(dr_digit remote_wipe available)" \
    "$(dr_digit mdm yes)"
dr_expect "> $(dr_label carrier ja)" "the answers are confirmed"
dr_keys F2
dr_expect "F2/Esc" "F2 focuses the checklist"
dr_keys Enter
dr_wait "実施者"
dr_keys Enter
dr_wait_count "[x]" 1
dr_keys Down Enter
dr_wait "実施者"
dr_keys Enter
if dr_wait_count "[x]" 2; then pass; else
	fail "two actions marked done" "$(dr_screen)"; fi
dr_keys Escape
air checklist "$REF" --format tsv
done_ids=$(printf '%s\n' "$OUT" | awk -F'\t' '$4 == "done" { print $1 }')
expect_eq "$(printf '%s\n' "$done_ids" | grep -c .)" 2 \
    "the two actions are stored as done"

# ---- submit, score and debrief ----
dr_keys F9
dr_expect "y はい" "F9 asks before submitting"
dr_keys n
dr_wait_gone "y はい"
dr_expect "> $(dr_label carrier ja)" "no keeps the run going"
dr_keys F9
dr_wait "y はい"
dr_keys y
dr_expect "得点：" "the score screen"
dr_expect "提出済み" "the run is submitted"
shown=$(dr_score "得点：")
dr_expect "回答" "the answers part"
dr_expect "/ 50" "the answers part out of 50"
dr_expect "/ 30" "the actions part out of 30"
dr_expect "/ 20" "the assessment part out of 20"
dr_expect "時間超過" "the late penalty part"
dr_read_all "$TMP/score.ja" "下に続きあり"
P="$TMP/score.ja"
dr_has "$P" "行われなかった想定対応" "the missed actions"
dr_has "$P" "・$(dr_title suspend_user_id ja)" "a missed action by its title"
reason=$(dr_value "$DR_RULES" "action suspend_user_id" reason.ja)
dr_has "$P" "${reason%%。*}" "why the missed action matters"
dr_has "$P" "シナリオと違う回答" "the wrong answers"
dr_has "$P" "・$(dr_label mdm ja)" "a wrong answer by its label"
dr_has "$P" "あなたの回答：$(dr_choice mdm yes ja)" "the trainee's answer"
dr_has "$P" "シナリオ：$(dr_choice mdm no ja)" "the scenario's answer"
dr_has "$P" "シナリオの判定" "the scenario's assessment"
dr_has "$P" "個人情報保護委員会への報告：必要" "the true assessment"
dr_has "$P" "【判定】報告の対象" "the debrief text"
dr_has "$P" "出典：施設ガイド" "the debrief's source"
dr_has "$P" "anshin-ir score $REF" "how to see the score again"
dr_keys q
if dr_exit 0; then pass; else
	fail "q leaves the score screen" "$(dr_screen)"; fi

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
dr_start 100 30 resume "$REF"
dr_expect "得点：$shown / 100" "resume of a submitted run: its score"
dr_keys Escape
dr_exit 0

# ---- F10 leaves a run unsubmitted; resume continues it as a drill ----
dr_start 100 30 drill lost-smartphone
dr_wait "Enter 開始"
dr_keys Enter
dr_wait "> $(dr_label kind ja)"
dr_keys "$(dr_digit kind device_theft)"
dr_wait "> $(dr_label discovered_at ja)"
REF2=$(dr_ref)
dr_keys F10
if dr_exit 0; then pass; else fail "F10 leaves the drill" "$(dr_screen)"; fi
if grep -qF "anshin-ir resume $REF2" "$TMP/drill.err"; then pass; else
	fail "F10 says how to resume" "$(cat "$TMP/drill.err")"; fi
air list --drills --format tsv
expect_out_has "$REF2" "the unsubmitted run stays open"
air drill --history
expect_out_has "$REF2" "the history lists the unsubmitted run"
dr_start 100 30 resume "$REF2"
dr_expect "訓練 / TRAINING  残り" "resume continues in drill mode"
dr_expect "> $(dr_label discovered_at ja)" "resume: the first unanswered field"
dr_keys F3
dr_expect "$(dr_value "$DR_FILE" "clue 1" ask.ja)" "resume: F3 still asks"
dr_keys Escape F9
dr_wait "y はい"
dr_keys y
dr_expect "得点：" "resume: F9 submits and scores"
dr_keys q
dr_exit 0
air list --drills --format tsv
expect_out_lacks "$REF2" "a submitted run leaves the open list"

# ---- English at 80x24, NO_COLOR ----
DR_EXTRA="NO_COLOR=1" dr_start 80 24 --lang en drill lost-smartphone
dr_expect "$(dr_value "$DR_FILE" drill title.en)" "en: the briefing's title"
dr_expect "Enter start" "en: the key bar"
if drx capture-pane -e -p -t "$DR_CUR" | grep -q $'\e\\[[0-9;]*[34][0-7]m'
then fail "NO_COLOR: colour escapes on the briefing"; else pass; fi
dr_keys Enter
dr_expect "15:00 left" "en: the countdown"
dr_expect "F3 ask" "en: the ask key"
dr_keys "$(dr_digit kind device_loss)" F3
dr_expect "$(dr_value "$DR_FILE" "clue 1" ask.en)" "en: the clues"
dr_keys 1
dr_expect "work smartphone" "en: a clue's answer"
dr_keys Escape F9
dr_wait "y yes"
dr_keys y
dr_expect "Score: " "en: the score screen"
dr_read_all "$TMP/score.en" "more below"
dr_has "$TMP/score.en" "Expected actions not done" "en: the missed actions"
dr_has "$TMP/score.en" "- $(dr_title suspend_user_id en)" "en: a missed one"
dr_has "$TMP/score.en" "Debrief: what mattered and why" "en: the debrief"
debrief=$(dr_value "$DR_FILE" drill debrief.en)
dr_has "$TMP/score.en" "${debrief:0:30}" "en: the debrief text"
dr_keys q
dr_exit 0

# ---- past the limit on the real clock: "+mm:ss 超過" and the penalty ----
mkdir -p "$TMP/late/data/drills"
cp -r "$REPO/forms" "$TMP/late/"
cp "$REPO"/data/*.rules "$REPO"/data/*.tsv "$REPO"/data/*.conf \
    "$TMP/late/data/"
sed 's/^time_limit = .*/time_limit = 1/' "$DR_FILE" \
    >"$TMP/late/data/drills/lost-smartphone.drill"
DR_EXTRA="ANSHIN_IR_DATA=$TMP/late ANSHIN_IR_NOW=" \
    dr_start 100 30 drill lost-smartphone
dr_wait "Enter 開始"
dr_keys Enter "$(dr_digit kind device_loss)"
dr_wait "> $(dr_label discovered_at ja)"
LREF=$(dr_ref)
over=0
for _ in $(seq 100); do
	dr_screen | head -1 | grep -q '+[0-9][0-9]:[0-9][0-9] 超過' &&
	    { over=1; break; }
	sleep 0.05
done
expect_eq "$over" 1 "the title bar's countdown turns into +mm:ss 超過"
# "+00:01" shows two seconds into a one-second limit: twice the limit,
# which costs the full 10 points.
dr_keys F9
dr_wait "y はい"
dr_keys y
dr_expect "-10.0" "the late penalty on the score screen"
late=$(dr_score "得点：")
dr_keys q
dr_exit 0
ANSHIN_IR_DATA="$TMP/late" air score "$LREF"
expect_eq "$(printf '%s\n' "$OUT" | sed -n 's/^score=//p')" "$late" \
    "score REF of a late run prints the score shown"

drx kill-server
