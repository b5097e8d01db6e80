# test_tui.sh - the ncurses wizard driven through tmux (docs/contract.md §7):
# keys are sent with send-keys, screens read with capture-pane, and the
# database checked with the CLI. Every wait polls (50 ms steps, 5 s at
# most) instead of sleeping. Sourced by run.sh (lib.sh helpers, $TMP,
# $BIN and the fixed clock of setup_env).

TM_SOCK="anshin-$$"

# The reference shown in the title bar.
screen_ref() {
	tm_screen | head -1 | grep -o '[0-9]\{4\}-[0-9]\{4\}' | head -1
}

# The process running in the pane (the binary, child of the pane's sh).
tui_pid() { pgrep -P "$(tm_fmt pane_pid)" -x anshin-ir; }

tui_cursor_at() { [ "$(tm_fmt cursor_x)" = "$1" ]; }

# expect_cursor X DESCRIPTION: polls the cursor column until it is X.
expect_cursor() {
	if poll tui_cursor_at "$1"; then pass; else fail \
	    "$2: cursor at $(tm_fmt cursor_x), expected $1" "$(tm_screen)"; fi
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
TM_EXTRA="TERM=dumb" tm_start 100 30 new
tm_expect "EXITED-69" "TERM=dumb: expected exit 69"
if grep -qF -- "--answers" "$TMP/tm.err"; then pass; else
	fail "TERM=dumb: message should name the CLI" "$(cat "$TMP/tm.err")"; fi

# ---- (2) one keystroke from the kind page to the urgent actions ----
tm_start 100 30 new
tm_expect "$(form_label kind ja)" "ja: the wizard opens on the kind"
tm_keys "$(form_digit kind device_loss)"
tm_expect "$(rule_title change_password ja)" "ja: password change after 1 key"
tm_expect "$(rule_title suspend_user_id ja)" "ja: ID suspension after 1 key"
desk=$(block_value "$REPO/data/contacts.conf" support_desk name.ja)
tm_expect "${desk%% *}" "ja: the support desk's name is shown"
tm_expect "$(form_label discovered_at ja)" "discovered_at is asked next"
# The kind is stored at once: the incident exists with it.
REF=$(screen_ref)
air answers "$REF"
expect_out_has "kind = device_loss" "the kind is stored on the keystroke"

# The same in English at 80x24 (the checklist is a strip below the form).
tm_start 80 24 --lang en new
tm_expect "$(form_label kind en)" "en: the wizard opens on the kind"
tm_keys "$(form_digit kind device_loss)"
tm_expect "$(rule_title change_password en)" "en: password change after 1 key"
tm_expect "$(rule_title suspend_user_id en)" "en: ID suspension after 1 key"
# At 80x24 each urgent action is one line with its phone; the
# support desk's name is in the action's detail.
tm_expect "Tel not set" "en: the unset phone says so"

# ---- (3) show_if: an e-mail misdelivery asks about the recipient ----
tm_start 100 30 new
tm_wait "$(form_label kind ja)"
tm_keys "$(form_digit kind email_misdelivery)"
tm_expect "$(form_label recipient ja)" "e-mail: recipient asked"
tm_expect "$(form_label recipient_kind ja)" "e-mail: recipient kind asked"
tm_expect_no "$(form_label device_type ja)" "e-mail: no device type"
tm_expect_no "$(form_label remote_wipe ja)" "e-mail: no remote wipe"

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
tm_start 100 30 new
tm_wait "$(form_label kind ja)"
tm_keys "$(form_digit kind device_loss)"
tm_wait "2026-10-06 09:00"
tm_keys C-u
tm_type "2026-10-05 18:20"
tm_keys Enter "$(form_digit device_type tablet)" \
    "$(form_digit device_owner facility)" "$(form_digit network_access yes)" \
    "$(form_digit browser_saved_login yes)" \
    "$(form_digit remote_wipe available)" "$(form_digit mdm yes)" Tab
tm_type "kyo-0123"
# network_log: the access log has not been asked for yet.
tm_keys Enter Tab
tm_type "2026-10-05 17:40"
tm_keys Enter Tab
tm_type "タクシー車内（京都駅八条口から）"
tm_keys Enter
tm_type "ケアマネジャー 田中"
tm_keys Enter Tab
tm_type "施設長 鈴木"
tm_keys Enter
tm_type "訪問用タブレットをタクシー内に置き忘れ"
tm_keys Enter
tm_type "訪問先からの帰りにタクシーを利用。降車後に紛失に気付き、"
tm_keys Enter
tm_type "タクシー会社へ連絡済み。"
tm_keys Tab "$(form_digit cause loss)"
tm_wait "$(form_label data_types ja)"
tm_keys "$(form_digit data_types patient_identity)" \
    "$(form_digit data_types care)" "$(form_digit data_types contact)" Enter
tm_type "42"
tm_keys Enter "$(form_digit persons_basis estimated)" Tab Tab Tab Tab Tab Tab \
    "$(form_digit encryption unknown)" "$(form_digit key_exposed unknown)" \
    "$(form_digit screen_lock strong)"
tm_expect "$(form_label facility_type ja)" "the last page is reached"
REF=$(screen_ref)
tm_keys F10
tm_expect "EXITED-0" "F10 after the intake"
typed_ref=$REF
new_incident "$TMP/lost.answers"
air answers "$typed_ref"
typed=$(printf '%s\n' "$OUT" | tail -n +2)
air answers "$REF"
expect_eq "$typed" "$(printf '%s\n' "$OUT" | tail -n +2)" \
    "the typed intake stores what the answers file does"

# ---- (4) Japanese typed through the terminal, edited and redrawn ----
tm_start 100 30 new
tm_wait "$(form_label kind ja)"
tm_keys "$(form_digit kind device_loss)"
tm_wait "2026-10-06 09:00"
# discovered_at (accepted as prefilled), then Tab past the six choices.
tm_keys Enter Tab Tab Tab Tab Tab Tab
tm_wait "> $(form_label carrier ja)"
x0=$(tm_fmt cursor_x)
tm_type "タブレット紛失"
tm_wait "タブレット紛失"
# Seven wide characters: the cursor moved 14 columns; ← steps over one.
expect_cursor $((x0 + 14)) "cursor after 7 wide characters"
tm_keys Left Left Left
expect_cursor $((x0 + 8)) "← moves by a whole wide character"
tm_type "X"
tm_expect "タブレッXト紛失" "typing in the middle"
tm_keys BSpace End Enter
tm_wait "> $(form_label network_user_ids ja)"
REF=$(screen_ref)
air answers "$REF"
expect_out_has "carrier = タブレット紛失" "the Japanese text is stored"
# Redrawn as a plain row: the separator stays in its column.
expect_eq "$(sep_col "$(tm_screen | grep -F "タブレット紛失")")" \
    "$(sep_col "$(tm_screen | sed -n 3p)")" "wide text keeps the layout"

# ---- (5) resize to 80x24 and back; smaller says so and recovers ----
tm_start 100 30 --lang en new
tm_wait "$(form_label kind en)"
tm_keys "$(form_digit kind device_loss)"
tm_wait "$(rule_title suspend_user_id en)"
tm resize-window -t "$TM_CUR" -x 80 -y 24
tm_expect "─ Checklist (F2): Immediate (within hours) ───────────────────" \
    "80x24: the checklist is a full-width strip, the urgent actions first"
tm_expect "$(rule_title suspend_user_id en)" "80x24: urgent actions still shown"
tm_expect_no "│" "80x24: no side panel"
tm resize-window -t "$TM_CUR" -x 70 -y 20
tm_expect "80x24" "70x20: the too-small message names the minimum"
tm resize-window -t "$TM_CUR" -x 100 -y 30
tm_expect "│" "back at 100x30: the side panel returns"
tm_expect "> $(form_label discovered_at en)" "back at 100x30: same field"
tm_expect_no "80x24" "back at 100x30: no too-small message"

# ---- (6) kill -9 in the middle, then resume ----
tm_start 100 30 new
tm_wait "$(form_label kind ja)"
tm_keys "$(form_digit kind device_loss)"
tm_wait "2026-10-06 09:00"
tm_keys Enter "$(form_digit device_type smartphone)" \
    "$(form_digit device_owner personal)"
tm_wait "> $(form_label network_access ja)"
tm_keys NPage
tm_wait "> $(form_label occurred_at ja)"
tm_type "2026-10-0"
tm_wait "2026-10-0"
REF=$(screen_ref)
kill -9 "$(tui_pid)"
tm_expect "EXITED-137" "kill -9"
air answers "$REF"
expect_out_has "kind = device_loss" "kill -9 keeps the kind"
expect_out_has "discovered_at = 2026-10-06 09:00" "kill -9 keeps discovered_at"
expect_out_has "device_type = smartphone" "kill -9 keeps device_type"
expect_out_has "device_owner = personal" "kill -9 keeps device_owner"
expect_out_lacks "occurred_at" "the field being typed is lost, only it"
tm_start 100 30 resume "$REF"
tm_expect "> $(form_label summary ja)" \
    "resume opens at the first unanswered required field"
tm_expect "$(form_choice kind device_loss ja)" \
    "resume shows the stored kind"
tm_keys F10
tm_wait "EXITED-0"

# ---- SIGTERM and SIGHUP store the field being typed ----
tm_start 100 30 resume "$REF" --by 佐藤
tm_wait "> $(form_label summary ja)"
tm_type "端末を紛失"
tm_wait "端末を紛失"
kill -TERM "$(tui_pid)"
tm_expect "EXITED-143" "SIGTERM exit status"
expect_eq "$(tm_fmt alternate_on)" 0 "SIGTERM restores the screen"
air answers "$REF"
expect_out_has "summary = 端末を紛失" "SIGTERM stores the typed field"
air timeline "$REF" --format tsv
expect_out_has "	summary		端末を紛失	佐藤" "resume --by names who typed it"
tm_start 100 30 resume "$REF"
tm_wait "> $(form_label data_types ja)"
tm_keys "$(form_digit data_types medical)"
tm_wait "[x]"
kill -HUP "$(tui_pid)"
tm_expect "EXITED-129" "SIGHUP exit status"
air answers "$REF"
expect_out_has "data_types = medical" "SIGHUP stores the ticked choices"

# ---- (7) F10 and Ctrl-C leave the terminal as it was ----
air list --all --format tsv
before=$OUT
tm_start 100 30 new
tm_wait "$(form_label kind ja)"
expect_eq "$(tm_fmt alternate_on)" 1 "the wizard uses the alternate screen"
tm_keys C-c
tm_expect "y はい" "Ctrl-C asks first"
tm_keys n
tm_wait_gone "y はい"
tm_expect "$(form_label kind ja)" "answering no keeps the wizard"
tm_keys F10
tm_expect "EXITED-0" "F10 exit status"
expect_eq "$(tm_fmt alternate_on)" 0 "F10 leaves the alternate screen"
expect_eq "$(tm_fmt cursor_flag)" 1 "F10 shows the cursor again"
tm_expect_no "$(form_label kind ja)" "F10 leaves no wizard on screen"
air list --all --format tsv
expect_eq "$OUT" "$before" "an abandoned empty wizard creates no incident"
tm_start 100 30 new
tm_wait "$(form_label kind ja)"
tm_keys C-c y
tm_expect "EXITED-0" "Ctrl-C then y"
expect_eq "$(tm_fmt alternate_on)" 0 "Ctrl-C leaves the alternate screen"

# ---- help, invalid input, the checklist's "done" ----
tm_start 100 30 new
tm_wait "$(form_label kind ja)"
tm_keys F1
tm_expect "$(block_value "$FORM" "field kind" choice.malware.help.ja | \
    cut -c1-12)" "F1: the help of each choice"
tm_keys Escape
tm_wait_gone "$(block_value "$FORM" "field kind" choice.malware.help.ja | \
    cut -c1-12)"
tm_keys "$(form_digit kind device_loss)"
tm_wait "2026-10-06 09:00"
tm_keys C-u
tm_type "2026-13-45 99:99"
tm_keys Enter
tm_expect "! " "a bad time gets an inline message"
tm_expect "> $(form_label discovered_at ja)" "and the field stays"
tm_keys C-u
tm_type "2026-10-06 08:30"
tm_keys Tab
tm_wait "> $(form_label device_type ja)"
REF=$(screen_ref)
air answers "$REF"
expect_out_has "discovered_at = 2026-10-06 08:30" "the corrected time is stored"
tm_keys NPage
tm_wait "> $(form_label occurred_at ja)"
tm_keys Tab Tab Tab Tab Tab
tm_wait "> $(form_label person_in_charge ja)"
tm_type "施設長 鈴木"
tm_keys Tab F2
tm_expect "F2/Esc" "F2 focuses the checklist"
# d marks done (Enter opens the detail); the popup shows the
# session's name, which signs it.
tm_keys d
tm_expect "お名前（記録に残ります）" "done: the popup shows who signs"
tm_expect "tester" "who: the session's name"
tm_keys Enter
# the keys are queued in the pane: wait for the write, not for time
first_done() { air checklist "$REF" --format tsv; [ "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f4)" = done ]; }
poll first_done
first=$(printf '%s\n' "$OUT" | sed -n 2p | cut -f1)
expect_eq "$(printf '%s\n' "$OUT" | sed -n 2p | cut -f4)" done \
    "d in the checklist marks the first action done"
air timeline "$REF" --format tsv
expect_out_has "action	$first	open	done	tester" \
    "the action is recorded with who"
tm_keys Escape F10
tm_wait "EXITED-0"
help_ref=$REF

# ---- NO_COLOR: markers in text, no colour escapes ----
tm_start 100 30 new
tm_wait "$(form_label kind ja)"
if tm_screen -e | grep -q $'\e\\[[0-9;]*3[0-7]m'; then
	pass; else fail "colours are used without NO_COLOR"; fi
TM_EXTRA="NO_COLOR=1" tm_start 100 30 new
tm_wait "$(form_label kind ja)"
tm_expect_no_colour "NO_COLOR: colour escapes on screen"
tm_expect "(*)" "NO_COLOR: required fields are marked in text"
tm_expect "[ ]" "NO_COLOR: action states are marked in text"
tm_keys F10
tm_wait "EXITED-0"

# ---- home: open incidents nearest due first; open, search, drills ----
air list --format tsv
nearest=$(printf '%s\n' "$OUT" | tail -n +2 | awk -F'\t' '$6 != ""' |
    sort -t"$(printf '\t')" -k6,6 -k4,4r -k1,1r | head -1 | cut -f1)
tm_start 100 30 --lang en
tm_expect "REF" "home: the list of open incidents"
if tm_screen | grep "^>" | grep -qF "$nearest"; then pass; else
	fail "home: the nearest due ($nearest) comes first" "$(tm_screen)"; fi
tm_keys d
drill_title=$(block_value "$REPO/data/drills/lost-smartphone.drill" drill title.en)
tm_expect "$drill_title" "home: d lists the drill scenarios"
tm_keys Escape
tm_wait_gone "$drill_title"
tm_keys /
tm_type "$help_ref"
tm_keys Enter
tm_expect "search: $help_ref" "home: the search is shown"
expect_eq "$(tm_screen | grep -c '^[ >] [0-9]\{4\}-[0-9]\{4\}')" 1 \
    "home: the search keeps the matching incident only"
tm_keys Enter
tm_expect "[1 Summary]" "home: Enter opens the incident screen"
tm_keys e
tm_expect "> $(form_label summary en)" "home: e resumes the incident's intake"
tm_keys F10
tm_expect "[1 Summary]" "home: leaving the wizard returns to the incident"
tm_keys Escape
tm_expect "Open incidents" "home: Esc returns home"
tm_keys n
tm_expect "> $(form_label kind en)" "home: n starts a new incident"
tm_keys F10
tm_wait "Open incidents"
tm_keys q
tm_expect "EXITED-0" "home: q quits"
tm_kill_server
