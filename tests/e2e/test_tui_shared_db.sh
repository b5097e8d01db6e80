# test_tui_shared_db.sh - the wizard and the command line on one database at
# once: CLI writes while a wizard is open, then the wizard writes, and
# nothing is lost or corrupted. A second connection in one process once
# dropped SQLite's POSIX locks, so a CLI command checkpointed and deleted a
# WAL the wizard still wrote to.
SH_SOCK="anshin-shared-$$"
sx() { tmux -L "$SH_SOCK" -f /dev/null "$@"; }
sh_env=""
for v in HOME XDG_CONFIG_HOME XDG_DATA_HOME ANSHIN_IR_DB ANSHIN_IR_DATA \
    ANSHIN_IR_USER ANSHIN_IR_NOW LANG; do
	sh_env="$sh_env $v=$(printf '%q' "${!v}")"
done
sh_wait() { # TEXT: polls the pane up to 5 s
	local i
	for i in $(seq 100); do
		sx capture-pane -p -t s | grep -qF -- "$1" && return 0
		sleep 0.05
	done
	return 1
}

grep -v '^summary' "$REPO/tests/fixtures/lost-tablet.answers" >"$TMP/nosum.answers"
new_incident "$TMP/nosum.answers"
sx new-session -d -s s -x 100 -y 30 \
    "env $sh_env LC_ALL= LANGUAGE= $BIN resume $REF; echo EXITED-\$?; sleep 60"
summary_label=$(sed -n '/^\[field summary\]/,/^\[/s/^label.ja = //p' "$REPO/forms/intake.form")
if sh_wait "$summary_label"; then pass; else fail "resume opens the wizard" "$(sx capture-pane -p -t s)"; fi
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
if sh_wait "EXITED-0"; then pass; else fail "wizard exits cleanly" "$(sx capture-pane -p -t s)"; fi
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
