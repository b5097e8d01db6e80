# test_verify.sh - the tamper-evident timeline: `verify` passes on an
# untouched record and names the first event altered, removed or inserted
# behind the program's back (the triggers dropped, as an attacker would).
FIX="$REPO/tests/fixtures"
new_incident "$FIX/lost-tablet.answers"
air note "$REF" "サポートデスクへ連絡済み"
air done "$REF" suspend_user_id --by 鈴木
air verify "$REF"
expect_rc 0 "verify an untouched timeline"
expect_eq "$OUT" "ok" "verify prints ok"
air verify 2026-0999
expect_rc 66 "verify an unknown incident"

DB="$ANSHIN_IR_DB"
sql() { sqlite3 "$DB" "$1" 2>&1; }
n=$(sql "SELECT count(*) FROM event WHERE incident = 1")
if [ "$n" -gt 10 ]; then pass; else fail "expected a long timeline, got $n"; fi
if sql "UPDATE event SET new = 'x' WHERE id = 3" | grep -q "cannot be changed"; then pass; else
	fail "the trigger refuses updates"; fi

cp "$DB" "$TMP/orig.db"
sql "DROP TRIGGER event_no_update; UPDATE event SET new = '改ざん' WHERE id = 4;" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds an altered event"
expect_out_has "broken: event 4" "verify names the altered event"

cp "$TMP/orig.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
sql "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = 6;" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds a removed event"
expect_out_has "broken: event 6" "the event after the gap breaks"

cp "$TMP/orig.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
sql "INSERT INTO event (incident, at, kind, key, old, new, by, hash) VALUES (1, '2026-10-06T09:00:00+09:00', 'note', NULL, NULL, 'forged', 'x', 'ab');" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds a forged event"
cp "$TMP/orig.db" "$DB"; rm -f "$DB-wal" "$DB-shm"
air verify "$REF"
expect_rc 0 "the restored copy verifies again"
