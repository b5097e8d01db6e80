# test_tui_shared_db.sh - the wizard and the command line on one database at
# once: CLI writes while a wizard is open, then the wizard writes, and
# nothing is lost or corrupted. A second connection in one process once
# dropped SQLite's POSIX locks, so a CLI command checkpointed and deleted a
# WAL the wizard still wrote to.
TM_SOCK="anshin-shared-$$"

grep -v '^summary' "$REPO/tests/fixtures/lost-tablet.answers" >"$TMP/nosum.answers"
new_incident "$TMP/nosum.answers"
tm_start 100 30 resume "$REF"
tm_expect "$(form_label summary ja)" "resume opens the wizard"
for i in 1 2 3 4 5; do
	air note "$REF" "CLI note $i while the wizard is open"
	expect_rc 0 "CLI note $i beside the wizard"
done
tm_type "共有DBでの入力"
tm_keys Enter
sleep 0.3
for i in 6 7; do
	air note "$REF" "CLI note $i after the wizard wrote"
done
tm_keys F10
tm_expect "EXITED-0" "wizard exits cleanly"
tm_kill_server
check=$(sqlite3 "$ANSHIN_IR_DB" 'PRAGMA integrity_check' 2>&1)
expect_eq "$check" "ok" "database intact after TUI and CLI together"
air answers "$REF"
expect_out_has "summary = 共有DBでの入力" "the wizard's answer is stored"
air timeline "$REF" --format tsv
n=$(printf '%s\n' "$OUT" | grep -c 'CLI note')
expect_eq "$n" 7 "every CLI note is in the timeline"
air verify "$REF"
expect_rc 0 "hash chain intact"
