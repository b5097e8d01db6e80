# test_tui.sh - the ncurses wizard driven through tmux (issue 4, SPEC §7):
# keys are sent with send-keys, screens read with capture-pane, and the
# database checked with the CLI. Every wait polls (50 ms steps, 5 s at
# most) instead of sleeping. Sourced by run.sh (lib.sh helpers, $TMP,
# $BIN and the fixed clock of setup_env).

TUI_SOCK="anshin-$$"
TUI_ENV=""
FORM="$REPO/forms/intake.form"
RULES="$REPO/data/actions.rules"

tx() { tmux -L "$TUI_SOCK" -f /dev/null "$@"; }

# The test environment, spelled out for the pane's command line.
for v in HOME XDG_CONFIG_HOME XDG_DATA_HOME ANSHIN_IR_DB ANSHIN_IR_DATA \
    ANSHIN_IR_USER ANSHIN_IR_NOW LANG; do
	TUI_ENV="$TUI_ENV $v=$(printf '%q' "${!v}")"
done
TUI_ENV="$TUI_ENV LC_ALL= LC_MESSAGES= LANGUAGE="

TUI_N=0
TUI_CUR=""

# tui_start COLS ROWS ARGS...: a fresh session running the binary; when it
# exits the pane prints EXITED-<status> and stays open. The new session
# starts before the old one is killed, so the server never exits between.
tui_start() {
	local cols=$1 rows=$2 old=$TUI_CUR
	shift 2
	TUI_N=$((TUI_N + 1))
	TUI_CUR="tui$TUI_N"
	tx new-session -d -s "$TUI_CUR" -x "$cols" -y "$rows" \
	    "env $TUI_ENV ${TUI_EXTRA:-} $BIN $* 2>$TMP/tui.err; \
	    echo EXITED-\$?; sleep 600"
	[ -n "$old" ] && tx kill-session -t "$old"
}

screen() { tx capture-pane -p -t "$TUI_CUR"; }

# tui_wait TEXT: polls the screen until it shows TEXT (fixed string).
tui_wait() {
	local i
	for i in $(seq 100); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

# tui_wait_gone TEXT: polls until the screen no longer shows TEXT.
tui_wait_gone() {
	local i
	for i in $(seq 100); do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
	done
	return 1
}

# expect_screen TEXT DESCRIPTION / expect_no_screen TEXT DESCRIPTION
expect_screen() {
	if tui_wait "$1"; then pass; else fail "$2: screen lacks '$1'" \
	    "$(screen)"; fi
}
expect_no_screen() {
	if screen | grep -qF -- "$1"; then fail "$2: screen has '$1'" \
	    "$(screen)"; else pass; fi
}

# Keys queue up in the pane in order; each check below waits for what it
# expects to see instead of for time to pass.
keys() { tx send-keys -t "$TUI_CUR" "$@"; }
type_text() { tx send-keys -t "$TUI_CUR" -l "$1"; }

# The text of KEY in a data file block: block_value FILE SECTION KEY.
block_value() {
	awk -v sec="[$2]" -v key="$3" '
	    $0 == sec { inside = 1; next }
	    /^\[/ { inside = 0 }
	    inside && index($0, key " = ") == 1 {
	        print substr($0, length(key) + 4); exit }' "$1"
}

# digit FIELD VALUE: the key that picks VALUE in FIELD (1-9, 0 = 10th).
digit() {
	block_value "$FORM" "field $1" choices | tr -d ' ' | tr ',' '\n' |
	    awk -v v="$2" '$0 == v { print (NR == 10 ? 0 : NR); exit }'
}

label() { block_value "$FORM" "field $1" "label.$2"; }
title() { block_value "$RULES" "action $1" "title.$2"; }

# The reference shown in the title bar.
screen_ref() { screen | head -1 | grep -o '[0-9]\{4\}-[0-9]\{4\}' | head -1; }

# The process running in the pane (the binary, child of the pane's sh).
tui_pid() { pgrep -P "$(pane_fmt pane_pid)" -x anshin-ir; }

pane_fmt() { tx display -p -t "$TUI_CUR" "#{$1}"; }

wait_exit() { tui_wait "EXITED-$1"; }

# expect_cursor X DESCRIPTION: polls the cursor column until it is X.
expect_cursor() {
	local i
	for i in $(seq 100); do
		[ "$(pane_fmt cursor_x)" = "$1" ] && { pass; return; }
		sleep 0.05
	done
	fail "$2: cursor at $(pane_fmt cursor_x), expected $1" "$(screen)"
}

# sep_col LINE: the display column of the panel separator in LINE
# (every non-ASCII character before it here is a wide one).
sep_col() {
	local pre=${1%%│*} ascii
	ascii=$(printf '%s' "$pre" | LC_ALL=C tr -cd '[:print:]')
	echo $(( ${#ascii} + 2 * (${#pre} - ${#ascii}) ))
}

# ---- (8) no usable terminal: exit 69 pointing to the command line ----
air new </dev/null
expect_rc 69 "new without a terminal"
expect_err_has "--answers" "the message names the command line"
TUI_EXTRA="TERM=dumb" tui_start 100 30 new
if tui_wait "EXITED-69"; then pass; else
	fail "TERM=dumb: expected exit 69" "$(screen)"; fi
if grep -qF -- "--answers" "$TMP/tui.err"; then pass; else
	fail "TERM=dumb: message should name the CLI" "$(cat "$TMP/tui.err")"; fi

# ---- (2) one keystroke from the kind page to the urgent actions ----
tui_start 100 30 new
expect_screen "$(label kind ja)" "ja: the wizard opens on the kind"
keys "$(digit kind device_loss)"
expect_screen "$(title change_password ja)" "ja: password change after 1 key"
expect_screen "$(title suspend_user_id ja)" "ja: ID suspension after 1 key"
desk=$(block_value "$REPO/data/contacts.conf" support_desk name.ja)
expect_screen "${desk%% *}" "ja: the support desk's name is shown"
expect_screen "$(label discovered_at ja)" "discovered_at is asked next"
# The kind is stored at once: the incident exists with it.
REF=$(screen_ref)
air answers "$REF"
expect_out_has "kind = device_loss" "the kind is stored on the keystroke"

# The same in English at 80x24 (the checklist is a strip below the form).
tui_start 80 24 --lang en new
expect_screen "$(label kind en)" "en: the wizard opens on the kind"
keys "$(digit kind device_loss)"
expect_screen "$(title change_password en)" "en: password change after 1 key"
expect_screen "$(title suspend_user_id en)" "en: ID suspension after 1 key"
desk=$(block_value "$REPO/data/contacts.conf" support_desk name.en)
expect_screen "${desk%% *}" "en: the support desk's name is shown"
expect_screen "not set" "en: the unset phone says so"

# ---- (3) show_if: an e-mail misdelivery asks about the recipient ----
tui_start 100 30 new
tui_wait "$(label kind ja)"
keys "$(digit kind email_misdelivery)"
expect_screen "$(label recipient ja)" "e-mail: recipient asked"
expect_screen "$(label recipient_kind ja)" "e-mail: recipient kind asked"
expect_no_screen "$(label device_type ja)" "e-mail: no device type"
expect_no_screen "$(label remote_wipe ja)" "e-mail: no remote wipe"

# ---- (1) a device-loss intake typed through the wizard ----
# The same answers as the shared example, in the order the wizard asks.
cat >"$TMP/lost.answers" <<'ANS'
kind = device_loss
discovered_at = 2026-10-05 18:20
occurred_at = 2026-10-05 17:40
place = タクシー車内（京都駅八条口から）
reporter = ケアマネジャー 田中
person_in_charge = 施設長 鈴木
summary = 訪問用タブレットをタクシー内に置き忘れ
narrative = 訪問先からの帰りにタクシーを利用。降車後に紛失に気付き、\nタクシー会社へ連絡済み。
cause = loss
device_type = tablet
device_owner = facility
network_access = yes
network_user_ids = kyo-0123
encryption = unknown
key_exposed = unknown
screen_lock = strong
remote_wipe = available
mdm = yes
browser_saved_login = yes
data_types = patient_identity, care, contact
persons_count = 42
persons_basis = estimated
ANS
tui_start 100 30 new
tui_wait "$(label kind ja)"
keys "$(digit kind device_loss)"
tui_wait "2026-10-06 09:00"
keys C-u
type_text "2026-10-05 18:20"
keys Enter "$(digit device_type tablet)" "$(digit device_owner facility)" \
    "$(digit network_access yes)" "$(digit browser_saved_login yes)" \
    "$(digit remote_wipe available)" "$(digit mdm yes)" Tab
type_text "kyo-0123"
keys Enter
type_text "2026-10-05 17:40"
keys Enter Tab
type_text "タクシー車内（京都駅八条口から）"
keys Enter
type_text "ケアマネジャー 田中"
keys Enter Tab
type_text "施設長 鈴木"
keys Enter
type_text "訪問用タブレットをタクシー内に置き忘れ"
keys Enter
type_text "訪問先からの帰りにタクシーを利用。降車後に紛失に気付き、"
keys Enter
type_text "タクシー会社へ連絡済み。"
keys Tab "$(digit cause loss)"
tui_wait "$(label data_types ja)"
keys "$(digit data_types patient_identity)" "$(digit data_types care)" \
    "$(digit data_types contact)" Enter
type_text "42"
keys Enter "$(digit persons_basis estimated)" Tab Tab Tab Tab \
    "$(digit encryption unknown)" "$(digit key_exposed unknown)" \
    "$(digit screen_lock strong)"
expect_screen "$(label facility_type ja)" "the last page is reached"
REF=$(screen_ref)
keys F10
if wait_exit 0; then pass; else fail "F10 after the intake" "$(screen)"; fi
typed_ref=$REF
new_incident "$TMP/lost.answers"
air answers "$typed_ref"
typed=$(printf '%s\n' "$OUT" | tail -n +2)
air answers "$REF"
expect_eq "$typed" "$(printf '%s\n' "$OUT" | tail -n +2)" \
    "the typed intake stores what the answers file does"

# ---- (4) Japanese typed through the terminal, edited and redrawn ----
tui_start 100 30 new
tui_wait "$(label kind ja)"
keys "$(digit kind device_loss)"
tui_wait "2026-10-06 09:00"
# discovered_at (accepted as prefilled), then Tab past the six choices.
keys Enter Tab Tab Tab Tab Tab Tab
tui_wait "> $(label carrier ja)"
x0=$(pane_fmt cursor_x)
type_text "タブレット紛失"
tui_wait "タブレット紛失"
# Seven wide characters: the cursor moved 14 columns; ← steps over one.
expect_cursor $((x0 + 14)) "cursor after 7 wide characters"
keys Left Left Left
expect_cursor $((x0 + 8)) "← moves by a whole wide character"
type_text "X"
expect_screen "タブレッXト紛失" "typing in the middle"
keys BSpace End Enter
tui_wait "> $(label network_user_ids ja)"
REF=$(screen_ref)
air answers "$REF"
expect_out_has "carrier = タブレット紛失" "the Japanese text is stored"
# Redrawn as a plain row: the separator stays in its column.
expect_eq "$(sep_col "$(screen | grep -F "タブレット紛失")")" \
    "$(sep_col "$(screen | sed -n 3p)")" "wide text keeps the layout"

# ---- (5) resize to 80x24 and back; smaller says so and recovers ----
tui_start 100 30 --lang en new
tui_wait "$(label kind en)"
keys "$(digit kind device_loss)"
tui_wait "$(title suspend_user_id en)"
tx resize-window -t "$TUI_CUR" -x 80 -y 24
expect_screen "─ Checklist (F2) ──────────────────────────────────────" \
    "80x24: the checklist is a full-width strip"
expect_screen "$(title suspend_user_id en)" "80x24: urgent actions still shown"
expect_no_screen "│" "80x24: no side panel"
tx resize-window -t "$TUI_CUR" -x 70 -y 20
expect_screen "80x24" "70x20: the too-small message names the minimum"
tx resize-window -t "$TUI_CUR" -x 100 -y 30
expect_screen "│" "back at 100x30: the side panel returns"
expect_screen "> $(label discovered_at en)" "back at 100x30: same field"
expect_no_screen "80x24" "back at 100x30: no too-small message"

# ---- (6) kill -9 in the middle, then resume ----
tui_start 100 30 new
tui_wait "$(label kind ja)"
keys "$(digit kind device_loss)"
tui_wait "2026-10-06 09:00"
keys Enter "$(digit device_type smartphone)" "$(digit device_owner personal)"
tui_wait "> $(label network_access ja)"
keys NPage
tui_wait "> $(label occurred_at ja)"
type_text "2026-10-0"
tui_wait "2026-10-0"
REF=$(screen_ref)
kill -9 "$(tui_pid)"
if wait_exit 137; then pass; else fail "kill -9" "$(screen)"; fi
air answers "$REF"
expect_out_has "kind = device_loss" "kill -9 keeps the kind"
expect_out_has "discovered_at = 2026-10-06 09:00" "kill -9 keeps discovered_at"
expect_out_has "device_type = smartphone" "kill -9 keeps device_type"
expect_out_has "device_owner = personal" "kill -9 keeps device_owner"
expect_out_lacks "occurred_at" "the field being typed is lost, only it"
tui_start 100 30 resume "$REF"
expect_screen "> $(label summary ja)" \
    "resume opens at the first unanswered required field"
expect_screen "$(block_value "$FORM" "field kind" choice.device_loss.ja)" \
    "resume shows the stored kind"
keys F10
wait_exit 0

# ---- SIGTERM and SIGHUP store the field being typed ----
tui_start 100 30 resume "$REF"
tui_wait "> $(label summary ja)"
type_text "端末を紛失"
tui_wait "端末を紛失"
kill -TERM "$(tui_pid)"
if wait_exit 143; then pass; else fail "SIGTERM exit status" "$(screen)"; fi
expect_eq "$(pane_fmt alternate_on)" 0 "SIGTERM restores the screen"
air answers "$REF"
expect_out_has "summary = 端末を紛失" "SIGTERM stores the typed field"
tui_start 100 30 resume "$REF"
tui_wait "> $(label data_types ja)"
keys "$(digit data_types medical)"
tui_wait "[x]"
kill -HUP "$(tui_pid)"
if wait_exit 129; then pass; else fail "SIGHUP exit status" "$(screen)"; fi
air answers "$REF"
expect_out_has "data_types = medical" "SIGHUP stores the ticked choices"

# ---- (7) F10 and Ctrl-C leave the terminal as it was ----
air list --all --format tsv
before=$OUT
tui_start 100 30 new
tui_wait "$(label kind ja)"
expect_eq "$(pane_fmt alternate_on)" 1 "the wizard uses the alternate screen"
keys C-c
expect_screen "y はい" "Ctrl-C asks first"
keys n
tui_wait_gone "y はい"
expect_screen "$(label kind ja)" "answering no keeps the wizard"
keys F10
if wait_exit 0; then pass; else fail "F10 exit status" "$(screen)"; fi
expect_eq "$(pane_fmt alternate_on)" 0 "F10 leaves the alternate screen"
expect_eq "$(pane_fmt cursor_flag)" 1 "F10 shows the cursor again"
expect_no_screen "$(label kind ja)" "F10 leaves no wizard on screen"
air list --all --format tsv
expect_eq "$OUT" "$before" "an abandoned empty wizard creates no incident"
tui_start 100 30 new
tui_wait "$(label kind ja)"
keys C-c y
if wait_exit 0; then pass; else fail "Ctrl-C then y" "$(screen)"; fi
expect_eq "$(pane_fmt alternate_on)" 0 "Ctrl-C leaves the alternate screen"

# ---- help, invalid input, the checklist's "done" ----
tui_start 100 30 new
tui_wait "$(label kind ja)"
keys F1
expect_screen "$(block_value "$FORM" "field kind" choice.malware.help.ja | \
    cut -c1-12)" "F1: the help of each choice"
keys Escape
tui_wait_gone "$(block_value "$FORM" "field kind" choice.malware.help.ja | \
    cut -c1-12)"
keys "$(digit kind device_loss)"
tui_wait "2026-10-06 09:00"
keys C-u
type_text "2026-13-45 99:99"
keys Enter
expect_screen "! " "a bad time gets an inline message"
expect_screen "> $(label discovered_at ja)" "and the field stays"
keys C-u
type_text "2026-10-06 08:30"
keys Tab
tui_wait "> $(label device_type ja)"
REF=$(screen_ref)
air answers "$REF"
expect_out_has "discovered_at = 2026-10-06 08:30" "the corrected time is stored"
keys NPage
tui_wait "> $(label occurred_at ja)"
keys Tab Tab Tab Tab Tab
tui_wait "> $(label person_in_charge ja)"
type_text "施設長 鈴木"
keys Tab F2
expect_screen "F2/Esc" "F2 focuses the checklist"
keys Enter
expect_screen "施設長 鈴木" "who: the person in charge by default"
keys Enter
air checklist "$REF" --format tsv
first=$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1)
expect_eq "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f4)" done \
    "Enter in the checklist marks the first action done"
air timeline "$REF" --format tsv
expect_out_has "action	$first	open	done	施設長 鈴木" \
    "the action is recorded with who"
keys Escape F10
wait_exit 0
help_ref=$REF

# ---- NO_COLOR: markers in text, no colour escapes ----
tui_start 100 30 new
tui_wait "$(label kind ja)"
if tx capture-pane -e -p -t "$TUI_CUR" | grep -q $'\e\\[[0-9;]*3[0-7]m'; then
	pass; else fail "colours are used without NO_COLOR"; fi
TUI_EXTRA="NO_COLOR=1" tui_start 100 30 new
tui_wait "$(label kind ja)"
if tx capture-pane -e -p -t "$TUI_CUR" | grep -q $'\e\\[[0-9;]*[34][0-7]m'; then
	fail "NO_COLOR: colour escapes on screen" \
	    "$(tx capture-pane -e -p -t "$TUI_CUR" | cat -v | head)"
else pass; fi
expect_screen "(*)" "NO_COLOR: required fields are marked in text"
expect_screen "[ ]" "NO_COLOR: action states are marked in text"
keys F10
wait_exit 0

# ---- home: open incidents nearest due first; open, search, drills ----
air list --format tsv
nearest=$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$6 != ""' |
    sort -t"$(printf '\t')" -k6,6 -k4,4r -k1,1r | head -1 | cut -f1)
tui_start 100 30 --lang en
expect_screen "REF" "home: the list of open incidents"
if screen | grep "^>" | grep -qF "$nearest"; then pass; else
	fail "home: the nearest due ($nearest) comes first" "$(screen)"; fi
keys d
expect_screen "lost-smartphone" "home: d lists the drill scenarios"
keys Escape
tui_wait_gone "lost-smartphone"
keys /
type_text "$help_ref"
keys Enter
expect_screen "search: $help_ref" "home: the search is shown"
expect_eq "$(screen | grep -c '^[ >] [0-9]\{4\}-[0-9]\{4\}')" 1 \
    "home: the search keeps the matching incident only"
keys Enter
expect_screen "[1 Summary]" "home: Enter opens the incident screen"
keys e
expect_screen "> $(label summary en)" "home: e resumes the incident's intake"
keys F10
expect_screen "[1 Summary]" "home: leaving the wizard returns to the incident"
keys Escape
expect_screen "open incidents" "home: Esc returns home"
keys n
expect_screen "> $(label kind en)" "home: n starts a new incident"
keys F10
tui_wait "open incidents"
keys q
if wait_exit 0; then pass; else fail "home: q quits" "$(screen)"; fi
tx kill-server
