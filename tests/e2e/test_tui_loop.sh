# test_tui_loop.sh - the one screen loop (docs/tui.md) seen from outside:
# a popup is a screen like any other, so a resize redraws it over the
# screen below at the new size (or the too-small notice, then it again),
# and what is typed in it survives; a SIGHUP or SIGTERM that comes while a
# popup is up ends every screen below it, and the wizard under it still
# stores the field being typed; a SIGINT from outside is Ctrl-C. Waits
# poll the screen; the CLI checks what was stored.

TM_SOCK="anshin-loop-$$"

lp_pid() { pgrep -P "$(tm_fmt pane_pid)" -x anshin-ir; }

# lp_help_at COL: the help's "Keys:" line has its frame at column COL
# (the box is centred: 78 wide, at 11 on 100 columns and at 1 on 80).
lp_help_at() {
	local line pre
	line=$(tm_screen | grep -F "│ Keys:" | head -1)
	[ -n "$line" ] || return 1
	pre=${line%%│ Keys:*}
	[ "${#pre}" = "$1" ]
}

grep -v '^summary' "$REPO/tests/fixtures/lost-tablet.answers" >"$TMP/loop.answers"
new_incident "$TMP/loop.answers"
summary_en=$(form_label summary en)

# ---- a resize while F1 is up: the help stays, over the wizard ----
tm_start 100 30 --lang en resume "$REF" --by Sato
tm_wait "> $summary_en"
tm_type "typed under the help"
tm_keys F1
tm_expect "Keys:" "F1 opens the field's help"
if poll lp_help_at 11; then pass; else
	fail "100x30: the help is centred" "$(tm_screen)"; fi
tm resize-window -t "$TM_CUR" -x 80 -y 24
tm_expect "$REF" "80x24: the wizard's title bar is drawn under the help"
if poll lp_help_at 1; then pass; else
	fail "80x24: the help is up again, centred on the new width" \
	    "$(tm_screen)"; fi
# (Not shrunk below 80x24 here: tmux would keep the rows around the
# cursor, at the help's foot, and show a screen cut at the top until the
# program redraws; the memo popup below is shrunk instead.)
tm resize-window -t "$TM_CUR" -x 100 -y 30
if poll lp_help_at 11; then pass; else
	fail "back at 100x30: the help is centred again" "$(tm_screen)"; fi
tm_keys Escape
tm_wait_gone "Keys:"
tm_expect "typed under the help" "the help closed: the typed text is there"

# ---- SIGHUP while the help is up: the field being typed is stored ----
kill -HUP "$(lp_pid)"
tm_expect "EXITED-129" "SIGHUP over a popup: exit 129"
expect_eq "$(tm_fmt alternate_on)" 0 "SIGHUP over a popup restores the screen"
air answers "$REF"
expect_out_has "summary = typed under the help" \
    "SIGHUP over a popup stores the wizard's typed field"
air timeline "$REF" --format tsv
expect_out_has "	summary		typed under the help	Sato" \
    "signed by the name the run was given"
air set "$REF" summary=

# ---- SIGTERM while a yes/no question is up: the same ----
tm_start 100 30 --lang en resume "$REF" --by Sato
tm_wait "> $summary_en"
tm_type "typed under the question"
tm_keys C-c
tm_expect "Leave the wizard?" "Ctrl-C asks first"
kill -TERM "$(lp_pid)"
tm_expect "EXITED-143" "SIGTERM over a question: exit 143"
air answers "$REF"
expect_out_has "summary = typed under the question" \
    "SIGTERM over a question stores the wizard's typed field"
air set "$REF" summary=

# ---- SIGINT from outside is Ctrl-C, also when a popup is up ----
tm_start 100 30 --lang en resume "$REF" --by Sato
tm_wait "> $summary_en"
kill -INT "$(lp_pid)"
tm_expect "Leave the wizard?" "SIGINT asks as Ctrl-C does"
tm_keys n
tm_wait_gone "Leave the wizard?"
tm_expect "> $summary_en" "answering no keeps the wizard"
tm_keys F1
tm_wait "Keys:"
kill -INT "$(lp_pid)"
tm_expect "Leave the wizard?" "SIGINT over the help: the help gives way, the wizard asks"
tm_expect_no "Keys:" "the help is gone"
tm_keys y
tm_expect "EXITED-0" "yes leaves the wizard"

# ---- a memo popup: a resize keeps what is typed; SIGTERM stores nothing
# that was not confirmed ----
tm_start 100 30 --lang en resume "$REF" --by Sato
tm_wait "> $summary_en"
tm_keys F2
tm_wait "F2/Esc"
tm_keys a
tm_expect "Memo (Enter: new line" "a: the memo popup"
tm_type "a memo typed before the resize"
tm resize-window -t "$TM_CUR" -x 80 -y 24
tm_expect "a memo typed before the resize" "80x24: the typed memo is kept"
tm resize-window -t "$TM_CUR" -x 70 -y 20
tm_expect "80x24" "70x20: the too-small notice over the memo"
tm_type "ignored"
tm resize-window -t "$TM_CUR" -x 100 -y 30
tm_expect "a memo typed before the resize" "100x30: the memo again"
tm_expect_no "ignored" "no key is typed into a popup while it cannot be seen"
kill -TERM "$(lp_pid)"
tm_expect "EXITED-143" "SIGTERM over the memo popup: exit 143"
air timeline "$REF" --format tsv
expect_out_lacks "a memo typed" "an unconfirmed memo is not recorded"

# ---- the memo confirmed after a resize is recorded ----
tm_start 100 30 --lang en resume "$REF" --by Sato
tm_wait "> $summary_en"
tm_keys F2
tm_wait "F2/Esc"
tm_keys a
tm_wait "Memo (Enter: new line"
tm resize-window -t "$TM_CUR" -x 80 -y 24
tm_type "memo after the resize"
tm_keys Tab
tm_wait_gone "Memo (Enter: new line"
tm_keys F10
tm_expect "EXITED-0" "F10 leaves"
air timeline "$REF" --format tsv
expect_out_has "memo after the resize" "the memo confirmed at 80x24 is recorded"
tm_kill_server
