# test_tui_shared_db.sh - the wizard and the command line on one database at
# once: CLI writes while a wizard is open, then the wizard writes, and
# nothing is lost or corrupted. A second connection in one process once
# dropped SQLite's POSIX locks, so a CLI command checkpointed and deleted a
# WAL the wizard still wrote to.
SH_SOCK="anshin-shared-$$"
sx() { tmux -L "$SH_SOCK" -f /dev/null "$@"; }
sh_shows() { sx capture-pane -p -t s | grep -qF -- "$1"; }

grep -v '^summary' "$REPO/tests/fixtures/lost-tablet.answers" >"$TMP/nosum.answers"
new_incident "$TMP/nosum.answers"
sx new-session -d -s s -x 100 -y 30 \
    "env $(pane_env) $BIN resume $REF; echo EXITED-\$?; sleep 60"
summary_label=$(sed -n '/^\[field summary\]/,/^\[/s/^label.ja = //p' "$REPO/forms/intake.form")
if poll sh_shows "$summary_label"; then pass; else fail "resume opens the wizard" "$(sx capture-pane -p -t s)"; fi
for i in 1 2 3 4 5; do
	air note "$REF" "CLI note $i while the wizard is open"
	expect_rc 0 "CLI note $i beside the wizard"
done
sx send-keys -t s -l "共有DBでの入力"
sx send-keys -t s Enter
sleep 0.3
for i in 6 7; do
	air note "$REF" "CLI note $i after the wizard wrote"
done
sx send-keys -t s F10
if poll sh_shows "EXITED-0"; then pass; else fail "wizard exits cleanly" "$(sx capture-pane -p -t s)"; fi
sx kill-server 2>/dev/null
check=$(sqlite3 "$ANSHIN_IR_DB" 'PRAGMA integrity_check' 2>&1)
expect_eq "$check" "ok" "database intact after TUI and CLI together"
air answers "$REF"
expect_out_has "summary = 共有DBでの入力" "the wizard's answer is stored"
air timeline "$REF" --format tsv
n=$(printf '%s\n' "$OUT" | grep -c 'CLI note')
expect_eq "$n" 7 "every CLI note is in the timeline"
air verify "$REF"
expect_rc 0 "hash chain intact"
