# test_tui_kill.sh - the wizard killed at random moments: after a
# field is confirmed it is in the database, whatever kills the process next
# (SIGKILL, SIGTERM, SIGHUP, while idle or in the middle of typing), and the
# database and its hash chain stay intact. Short here; tests/soak.sh has the
# long command-line version.
TM_SOCK="anshin-kill-$$"
kl_stored() { "$BIN" answers "$REF" 2>/dev/null | grep -qxF "summary = $1"; }

grep -v '^summary' "$REPO/tests/fixtures/lost-tablet.answers" >"$TMP/kill.answers"
new_incident "$TMP/kill.answers"
label=$(form_label summary ja)
signals=(KILL TERM HUP)
RANDOM=${KILL_SEED:-$$}
for i in 1 2 3 4 5 6; do
	sig=${signals[$((RANDOM % 3))]}
	tm_start 100 30 resume "$REF"
	if ! tm_wait "$label"; then
		fail "run $i: the wizard opens on the summary" "$(tm_screen)"
		tm_kill_server
		break
	fi
	tm_type "kill-test-$i"
	tm_keys Enter
	if poll kl_stored "kill-test-$i"; then pass; else fail "run $i: confirmed field stored"; fi
	# half the time the process dies in the middle of typing the next field
	[ $((RANDOM % 2)) = 0 ] && tm_type "partial"
	sleep "0.0$((RANDOM % 10))"
	pid=$(pgrep -n -f "$BIN resume $REF")
	[ -n "$pid" ] && kill -s "$sig" "$pid"
	poll sh -c "! kill -0 $pid 2>/dev/null"
	tm_kill_server
	check=$(sqlite3 "$ANSHIN_IR_DB" 'PRAGMA integrity_check' 2>&1)
	expect_eq "$check" "ok" "run $i (SIG$sig): database intact"
	if kl_stored "kill-test-$i"; then pass; else fail "run $i (SIG$sig): the confirmed field survived"; fi
	air verify "$REF"
	expect_rc 0 "run $i (SIG$sig): hash chain intact"
	air set "$REF" summary=
done
