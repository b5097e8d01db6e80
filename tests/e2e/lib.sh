# lib.sh - helpers for the end-to-end tests: each test file runs the real
# binary in a fresh temporary home with its own database and a fixed clock.
# Sourced by run.sh; every check counts as passed or failed.

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN="$REPO/build/anshin-ir"
PASSED=${PASSED:-0}
FAILED=${FAILED:-0}

# A fresh, private environment for one test file.
setup_env() {
	TMP=$(mktemp -d /tmp/anshin-e2e.XXXXXX)
	chmod 700 "$TMP"
	export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" \
	    XDG_DATA_HOME="$TMP/data"
	mkdir -p "$HOME" "$XDG_CONFIG_HOME"
	export ANSHIN_IR_DB="$TMP/db/incidents.db"
	export ANSHIN_IR_DATA="$REPO"
	export ANSHIN_IR_USER=tester
	export ANSHIN_IR_NOW="2026-10-06 09:00"
	export LANG=C.UTF-8 LC_ALL= LC_MESSAGES= LANGUAGE=
	unset NO_COLOR
}

teardown_env() {
	[ -n "${TMP:-}" ] && rm -rf "$TMP"
}

# air ARGS...: runs the binary (under valgrind when VALGRIND=1); output in
# $OUT, errors in $ERR, status in $RC.
air() {
	local pre=()
	if [ "${VALGRIND:-0}" = 1 ]; then
		pre=(valgrind -q --error-exitcode=99 --leak-check=full
		    --errors-for-leak-kinds=definite --show-leak-kinds=definite)
	fi
	OUT=$("${pre[@]}" "$BIN" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
	if [ "$RC" = 99 ]; then
		fail "valgrind reported errors: $*" "$ERR"
	fi
}

pass() { PASSED=$((PASSED + 1)); }

fail() {
	FAILED=$((FAILED + 1))
	printf 'FAIL %s: %s\n' "${TEST_NAME:-?}" "$1" >&2
	[ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /' >&2
	return 0
}

# expect_rc CODE DESCRIPTION
expect_rc() {
	if [ "$RC" = "$1" ]; then pass; else
		fail "$2: exit $RC, expected $1" "stdout: $OUT
stderr: $ERR"; fi
}

# expect_out_has TEXT DESCRIPTION (fixed string in stdout)
expect_out_has() {
	if printf '%s' "$OUT" | grep -qF -- "$1"; then pass; else
		fail "$2: stdout lacks '$1'" "$OUT"; fi
}

expect_out_lacks() {
	if printf '%s' "$OUT" | grep -qF -- "$1"; then
		fail "$2: stdout has '$1'" "$OUT"; else pass; fi
}

expect_err_has() {
	if printf '%s' "$ERR" | grep -qF -- "$1"; then pass; else
		fail "$2: stderr lacks '$1'" "$ERR"; fi
}

# expect_eq ACTUAL EXPECTED DESCRIPTION
expect_eq() {
	if [ "$1" = "$2" ]; then pass; else
		fail "$3" "got:      $1
expected: $2"; fi
}

# new_incident FILE: creates an incident, sets $REF.
new_incident() {
	air new --answers "$1"
	REF=$OUT
	if [ "$RC" != 0 ]; then fail "new --answers $1 failed ($RC)" "$ERR"; fi
}

# pane_env: the test environment spelled out for a tmux pane's command
# line (a tmux server does not inherit it).
pane_env() {
	local v out=""
	for v in HOME XDG_CONFIG_HOME XDG_DATA_HOME ANSHIN_IR_DB ANSHIN_IR_DATA \
	    ANSHIN_IR_USER ANSHIN_IR_NOW LANG; do
		out="$out $v=$(printf '%q' "${!v}")"
	done
	printf '%s LC_ALL= LC_MESSAGES= LANGUAGE=' "$out"
}

# poll COMMAND...: runs it every 50 ms until it succeeds, 5 s at most.
poll() {
	local i
	for i in $(seq 100); do
		"$@" && return 0
		sleep 0.05
	done
	return 1
}
