#!/usr/bin/env bash
# bench.sh - measures the docs/architecture.md.md budgets through the real
# binary and prints each figure beside its budget. Wall-clock medians of
# repeated runs (process start included), on a scratch database.
set -u
cd "$(dirname "$0")/.." || exit 1
REPO=$(pwd)
BIN="$REPO/build/anshin-ir"
TMP=$(mktemp -d /tmp/anshin-bench.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export ANSHIN_IR_DB="$TMP/db/incidents.db" ANSHIN_IR_DATA="$REPO" \
    XDG_CONFIG_HOME="$TMP/config" ANSHIN_IR_USER=bench \
    ANSHIN_IR_NOW="2026-10-06 09:00" LANG=C.UTF-8
RUNS=${RUNS:-21}
over=0

# median_ms CMD...: median wall time of $RUNS runs, in ms with one decimal.
median_ms() {
	local i t0 t1 times=()
	for ((i = 0; i < RUNS; i++)); do
		t0=$EPOCHREALTIME
		"$@" >/dev/null 2>&1
		t1=$EPOCHREALTIME
		times+=("$(echo "($t1 - $t0) * 1000" | bc -l)")
	done
	printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p" |
	    xargs printf '%.1f'
}

# report NAME VALUE BUDGET UNIT
report() {
	local verdict=ok
	if [ "$(echo "$2 >= $3" | bc -l)" = 1 ]; then verdict=OVER; over=1; fi
	printf '%-44s %9s %-3s budget < %s %s  %s\n' "$1" "$2" "$4" "$3" "$4" "$verdict"
}

"$BIN" new --answers tests/fixtures/lost-tablet.answers >/dev/null || exit 1
report "new --answers (median of $RUNS)" \
    "$(median_ms "$BIN" new --answers tests/fixtures/lost-tablet.answers)" 20 ms

# 10 000 incidents: copies of the first one, a third of them closed.
sqlite3 "$ANSHIN_IR_DB" <<'SQL' || exit 1
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 10099)
INSERT INTO incident (id, ref, year, seq, drill, is_drill, closed, created_at,
    kind, discovered_at, reportable, next_due, summary)
SELECT i, printf('2025-%05d', i), 2025, i, NULL, 0, i % 3 = 0, created_at,
    kind, discovered_at, reportable, next_due, summary || ' #' || i
FROM n, incident WHERE incident.id = 1;
WITH RECURSIVE n(i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 10099)
INSERT INTO answer SELECT i, key, value FROM n, answer WHERE incident = 1;
COMMIT;
SQL
count=$(sqlite3 "$ANSHIN_IR_DB" 'SELECT count(*) FROM incident')
report "list, $count incidents stored" "$(median_ms "$BIN" list)" 50 ms
report "list --all --format tsv, $count incidents" \
    "$(median_ms "$BIN" list --all --format tsv)" 50 ms
report "checklist, $count incidents stored" \
    "$(median_ms "$BIN" checklist 2025-05000)" 50 ms
report "checklist --format json, $count incidents" \
    "$(median_ms "$BIN" checklist 2025-05000 --format json)" 50 ms
REF=$("$BIN" new --answers tests/fixtures/lost-tablet.answers)
report "set one answer (CLI, median)" \
    "$(median_ms "$BIN" set "$REF" persons_count=43)" 20 ms
for extra in tests/bench.d/*.sh; do
	[ -f "$extra" ] && . "$extra"
done
exit $over
