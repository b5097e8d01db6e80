# test_verify.sh - tamper evidence: `verify` passes on an untouched record
# and prints its event count and last hash; it reports, and exits 1 on, an
# event altered, removed or inserted behind the program's back (the
# triggers dropped, as an attacker with the sqlite3 shell would), the last
# events deleted, an answer or action row edited, references swapped; and
# `verify --at N` gives the hash a PDF exported at event N printed.
FIX="$REPO/tests/fixtures"
new_incident "$FIX/lost-tablet.answers"
air note "$REF" "サポートデスクへ連絡済み"
air done "$REF" suspend_user_id --by 鈴木 --at "2026-10-05 19:00" --note "電話で依頼"
air verify "$REF"
expect_rc 0 "verify an untouched timeline"
DB="$ANSHIN_IR_DB"
sql() { sqlite3 "$DB" "$1" 2>&1; }
n=$(sql "SELECT count(*) FROM event WHERE incident = 1")
head=$(sql "SELECT hash FROM event WHERE incident = 1 ORDER BY id DESC LIMIT 1")
expect_eq "$OUT" "ok
events=$n
head=$head" "verify prints ok, the event count and the last hash"
air verify 2026-0999
expect_rc 66 "verify an unknown incident"
if [ "$n" -gt 10 ]; then pass; else fail "expected a long timeline, got $n"; fi
if sql "UPDATE event SET new = 'x' WHERE id = 3" | grep -q "cannot be changed"; then pass; else
	fail "the trigger refuses updates"; fi

# --at N: the hash as of event N, as a PDF exported then prints it.
h5=$(sql "SELECT hash FROM event WHERE incident = 1 ORDER BY id LIMIT 1 OFFSET 4")
air verify "$REF" --at 5
expect_rc 0 "verify --at 5"
expect_eq "$OUT" "ok
events=5
head=$h5" "verify --at 5 prints the hash of event 5"
air verify "$REF" --at $((n + 1))
expect_rc 65 "verify --at past the last event"
air verify "$REF" --at zero
expect_rc 64 "verify --at needs a number"
air --lang en export "$REF" -o "$TMP/v.pdf"
expect_rc 0 "export for the printed hash"
air verify "$REF" --at "$n"
printed=$(pdftotext -layout "$TMP/v.pdf" - 2>/dev/null | tr -d ' \n')
if printf '%s' "$printed" | grep -qF "$(printf '%s' "$OUT" | sed -n 's/^head=//p')"; then pass; else
	fail "the PDF prints the hash verify --at gives for its event" "$OUT"; fi
if printf '%s' "$printed" | grep -qF "verify${REF}--at${n}"; then pass; else
	fail "the PDF says how to check a printed copy"; fi
n=$(sql "SELECT count(*) FROM event WHERE incident = 1")

cp "$DB" "$TMP/orig.db"
restore() { cp "$TMP/orig.db" "$DB"; rm -f "$DB-wal" "$DB-shm"; }

sql "DROP TRIGGER event_no_update; UPDATE event SET new = '改ざん' WHERE id = 4;" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds an altered event"
expect_out_has "broken: event 4" "verify names the altered event"

restore
sql "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id = 6;" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds a removed event"
expect_out_has "broken: event 6" "the event after the gap breaks"

restore
sql "INSERT INTO event (incident, at, kind, key, old, new, by, hash) VALUES (1, '2026-10-06T09:00:00+09:00', 'note', NULL, NULL, 'forged', 'x', 'ab');" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds a forged event"

# The last events deleted: every remaining link is intact, the count in
# the incident row is not.
restore
sql "DROP TRIGGER event_no_delete; DELETE FROM event WHERE id > (SELECT max(id) - 3 FROM event WHERE incident = 1) AND incident = 1;" >/dev/null
air --lang en verify "$REF"
expect_rc 1 "verify finds the last events deleted"
expect_out_has "records $n events, the timeline has $((n - 3))" "verify says how many events are missing"
restore
sql "DROP TRIGGER event_no_delete; DELETE FROM event WHERE incident = 1;" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds every event deleted"

# Rows edited beside an intact timeline: the replay differs.
restore
sql "UPDATE answer SET value = 'strong' WHERE incident = 1 AND key = 'encryption';" >/dev/null
air assess "$REF"
air --lang en verify "$REF"
expect_rc 1 "verify finds an edited answer row"
expect_out_has "answer encryption is 'strong' but the timeline gives 'unknown'" "verify names the edited answer"
restore
sql "INSERT INTO answer (incident, key, value) VALUES (1, 'recovered_unviewed', 'yes');" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds an answer row added"
restore
sql "DELETE FROM answer WHERE incident = 1 AND key = 'data_types';" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds an answer row deleted"
restore
sql "UPDATE action_state SET status = 'done', by = '鈴木' WHERE incident = 1 AND action = 'remote_wipe';" >/dev/null
sql "INSERT INTO action_state (incident, action, status, by, at) VALUES (1, 'remote_wipe', 'done', '鈴木', '2026-10-05T19:00:00+09:00');" >/dev/null
air --lang en verify "$REF"
expect_rc 1 "verify finds an action marked done behind the program's back"
expect_out_has "action remote_wipe" "verify names the action"
restore
sql "UPDATE action_state SET at = '2026-10-05T10:00:00+09:00' WHERE incident = 1 AND action = 'suspend_user_id';" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds the time of a done action changed"
restore
sql "UPDATE incident SET closed = 1, measures = 'x' WHERE id = 1;" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds an incident closed behind the program's back"

# Two incidents' references swapped (the ref trigger dropped).
restore
new_incident "$FIX/lost-tablet.answers"
REF2=$REF
REF=2026-0001
cp "$DB" "$TMP/orig.db"
air verify "$REF2"
expect_rc 0 "a second incident verifies"
sql "DROP TRIGGER incident_ref_fixed; UPDATE incident SET ref = 'tmp' WHERE id = 1; UPDATE incident SET ref = '$REF' WHERE id = 2; UPDATE incident SET ref = '$REF2' WHERE id = 1;" >/dev/null
air verify "$REF"
expect_rc 1 "verify finds swapped references ($REF)"
air verify "$REF2"
expect_rc 1 "verify finds swapped references ($REF2)"

restore
air verify "$REF"
expect_rc 0 "the restored copy verifies again"

# A version 1 database (no hashes at all) is chained when it is opened,
# instead of failing verify for ever.
air --db "$TMP/v1.db" new --answers "$FIX/lost-tablet.answers"
V1=$OUT
sqlite3 "$TMP/v1.db" "DROP TABLE device_value; DROP TABLE device;
    DROP TABLE ledger_event; DROP TABLE ledger_head;
    DROP TABLE recipient_mark; DROP TABLE recipient; DROP TABLE enquiry;
    DROP TRIGGER event_no_update;
    ALTER TABLE event DROP COLUMN via; ALTER TABLE event DROP COLUMN digest;
    ALTER TABLE event DROP COLUMN hash; ALTER TABLE event DROP COLUMN acted_at;
    ALTER TABLE incident DROP COLUMN events; ALTER TABLE incident DROP COLUMN head;
    CREATE TRIGGER event_no_update BEFORE UPDATE ON event BEGIN SELECT RAISE(ABORT, 'no'); END;
    PRAGMA user_version = 1;"
air --db "$TMP/v1.db" verify "$V1"
expect_rc 0 "a version 1 incident verifies after the upgrade"
expect_eq "$(sqlite3 "$TMP/v1.db" 'PRAGMA user_version')" 5 "the read migrated the schema"
